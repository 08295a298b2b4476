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
    // As the reader decodes: with the thread's template cache, warm from earlier inputs.
    // A fresh decode is the oracle: reusing a template must never change a record.
    const Evtx::DecodedChunk decoded
        = Evtx::decodeChunk(chunk, Evtx::FileHeaderSize, nullptr, Evtx::threadTemplateCache());
    const Evtx::DecodedChunk fresh = Evtx::decodeChunk(chunk, Evtx::FileHeaderSize);
    if (decoded.records.size() != fresh.records.size() || decoded.errors.size() != fresh.errors.size())
        __builtin_trap();
    for (qsizetype i = 0; i < fresh.records.size(); ++i) {
        const WinEventRecord &a = decoded.records.at(i).record;
        const WinEventRecord &b = fresh.records.at(i).record;
        if (a.recordId != b.recordId || a.timeUs != b.timeUs || a.eventId != b.eventId || a.provider != b.provider
            || a.computer != b.computer || a.data != b.data)
            __builtin_trap();
    }
    for (const Evtx::DecodedRecord &r : decoded.records)
        (void)Evtx::renderRecordXml(chunk, r.fileOffset);
    return 0;
}
