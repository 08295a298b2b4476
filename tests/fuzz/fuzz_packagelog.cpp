// libFuzzer entry point for the package-manager log readers (dpkg.log, apt
// history.log, yum.log, dnf logs). The first byte picks the reader, so one harness
// covers all four without the fuzzer having to pass format detection first; the rest
// is the file.
#include "fuzzsupport.h"
#include "packagelogreader.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Chainscope;
    if (size == 0)
        return -1;
    static constexpr LogFormat Formats[]
        = {LogFormat::DpkgLog, LogFormat::AptHistory, LogFormat::YumLog, LogFormat::DnfLog};
    const LogFormat format = Formats[data[0] % 4];
    PackageLogReader first(format);
    PackageLogReader second(format);
    Fuzz::checkReader(first, second, reinterpret_cast<const char *>(data + 1), size - 1);
    return 0;
}
