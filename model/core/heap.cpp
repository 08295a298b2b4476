#include "heap.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace Chainscope::Heap {

bool configureForWorkbench()
{
#if defined(__GLIBC__)
    // mallopt() returns 1 when it took a setting. Setting the mmap threshold explicitly
    // is also what stops glibc from raising it as blocks are freed.
    bool ok = mallopt(M_ARENA_MAX, ArenaCount) == 1;
    ok = mallopt(M_MMAP_THRESHOLD, int(MmapThreshold)) == 1 && ok;
    return ok;
#else
    return false;
#endif
}

void releaseFree()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace Chainscope::Heap
