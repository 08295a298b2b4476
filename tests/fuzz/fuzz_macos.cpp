// libFuzzer entry point for the macOS readers: unified log exports (ndjson and json
// array), eslogger, install.log, InstallHistory.plist and Santa's log. The first byte
// picks the reader, so one harness covers all five without the fuzzer having to pass
// format detection first; the rest is the file. The JSON readers run with a small object
// cap (4 KiB) so that the overlong path is in reach of short inputs.
#include "esloggerreader.h"
#include "fuzzsupport.h"
#include "installhistoryreader.h"
#include "installlogreader.h"
#include "santalogreader.h"
#include "unifiedlogreader.h"

#include <cstdint>
#include <memory>

namespace {

std::unique_ptr<Chainscope::Reader> makeReader(uint8_t which)
{
    using namespace Chainscope;
    constexpr qsizetype SmallCap = 4096;
    switch (which % 5) {
    case 0:
        return std::make_unique<UnifiedLogReader>(SmallCap);
    case 1:
        return std::make_unique<EsloggerReader>(SmallCap);
    case 2:
        return std::make_unique<InstallLogReader>();
    case 3:
        return std::make_unique<InstallHistoryReader>();
    default:
        return std::make_unique<SantaLogReader>();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Chainscope;
    if (size == 0)
        return -1;
    const std::unique_ptr<Reader> first = makeReader(data[0]);
    const std::unique_ptr<Reader> second = makeReader(data[0]);
    Fuzz::checkReader(*first, *second, reinterpret_cast<const char *>(data + 1), size - 1);
    return 0;
}
