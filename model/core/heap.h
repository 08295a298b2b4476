#pragma once

#include <cstddef>

namespace Chainscope {

// How the workbench asks the C library's allocator (glibc's malloc) to behave (issue 15,
// its peak while a policy change recomputes). A computation on a pool thread builds and
// drops indexes of hundreds of MiB beside what the window shows. With glibc's defaults
// that memory stays resident after it is freed:
//  - every thread that allocates gets an arena of its own, and pages freed in one are
//    not reused by another (the window's and the worker's peaks add up);
//  - the size above which a block gets its own mapping (returned to the system when
//    freed) grows to the largest mapped block freed so far, up to 32 MiB, so the lists of a
//    large index end up inside the heap, where a freed block in the middle stays
//    resident until malloc_trim().
// docs/benchmarks.md has what these settings save at 5M events.
namespace Heap {

// Blocks of this size or more get a mapping of their own (unless free space in the heap
// already fits them), whatever was freed before.
// (Setting it also keeps glibc's threshold for handing back the free top of the heap at
// its default, 128 KiB, instead of raising it with the mapping threshold.) Not lower: a
// mapping is new pages to fault in on every use, and the stored-index computation makes
// and drops many blocks of a few hundred KiB (at 256 KiB it took a third longer; at
// 4 MiB about as long as with the defaults, and the window's peak is as low).
inline constexpr std::size_t MmapThreshold = 4 * 1024 * 1024;
// One arena for every thread: what the worker frees serves the window, and back.
inline constexpr int ArenaCount = 1;

// Sets the above. Call first thing in main(), before any thread allocates (an arena
// made before stays). Returns whether the allocator took every setting: false where
// another allocator stands in (AddressSanitizer's) or the C library is not glibc, which
// changes nothing but the memory the process keeps.
bool configureForWorkbench();

// Hands free pages of every arena back to the system (after a computation, when the
// worker goes idle). Does nothing where the C library is not glibc.
void releaseFree();

} // namespace Heap
} // namespace Chainscope
