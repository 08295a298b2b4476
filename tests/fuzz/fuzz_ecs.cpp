// libFuzzer entry point for the ECS JSON reader (Elastic Endpoint, Auditbeat,
// Winlogbeat). The first byte picks the document cap, so that small inputs reach the
// overlong-document path and the resynchronisation after it; the rest is the file.
#include "ecsreader.h"
#include "fuzzsupport.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Chainscope;
    if (size == 0)
        return -1;
    static constexpr qsizetype Caps[] = {EcsReader::DefaultMaxDocumentBytes, 64, 512, 4096};
    const qsizetype cap = Caps[data[0] % 4];
    EcsReader first(cap);
    EcsReader second(cap);
    Fuzz::checkReader(first, second, reinterpret_cast<const char *>(data + 1), size - 1);
    return 0;
}
