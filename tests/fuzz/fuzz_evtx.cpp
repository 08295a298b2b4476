// libFuzzer entry point for the EVTX decoder: every input is treated as one chunk,
// the unit the decoder works on and the place where hostile bytes have effect. The
// decoder must never crash, hang or read outside the chunk, whatever it is given.
#include "evtxreader.h"

#include <QByteArray>

#include <cstdint>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Chainscope;
    if (size > size_t(Evtx::ChunkSize))
        return -1; // larger inputs are not chunks; keep the corpus to what matters
    QByteArray chunk(reinterpret_cast<const char *>(data), qsizetype(size));
    // Give every input the chunk signature so the fuzzer spends its time in the
    // records and binary XML rather than rediscovering eight fixed bytes.
    if (chunk.size() >= 8)
        std::memcpy(chunk.data(), "ElfChnk", 8);
    const Evtx::DecodedChunk decoded = Evtx::decodeChunk(chunk, Evtx::FileHeaderSize);
    for (const Evtx::DecodedRecord &r : decoded.records)
        (void)Evtx::renderRecordXml(chunk, r.fileOffset);
    return 0;
}
