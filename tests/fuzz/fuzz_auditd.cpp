// libFuzzer entry point for the Linux audit log reader (plain, enriched, node=, and
// gzip: InputFile inflates whatever starts with the gzip magic, so the fuzzer reaches
// the inflater too). Any input: no crash, no hang, and the oracles of checkReader().
#include "auditdreader.h"
#include "fuzzsupport.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Chainscope;
    AuditdReader first;
    AuditdReader second;
    Fuzz::checkReader(first, second, reinterpret_cast<const char *>(data), size);
    return 0;
}
