// libFuzzer entry point for the EVTX decoder: every input is treated as one chunk,
// the unit the decoder works on and the place where hostile bytes have effect. The
// decoder must never crash, hang or read outside the chunk, whatever it is given.
#include "evtxreader.h"

#include <QByteArray>

#include <cstdint>
#include <cstring>

namespace {

bool sameRecord(const Chainscope::WinEventRecord &a, const Chainscope::WinEventRecord &b)
{
    return a.recordId == b.recordId && a.timeUs == b.timeUs && a.provider == b.provider
        && a.providerGuid == b.providerGuid && a.eventId == b.eventId && a.version == b.version && a.level == b.level
        && a.task == b.task && a.opcode == b.opcode && a.keywords == b.keywords && a.channel == b.channel
        && a.computer == b.computer && a.processId == b.processId && a.threadId == b.threadId && a.userSid == b.userSid
        && a.data == b.data;
}

// Both decodes found the same records and the same number of errors.
bool sameChunk(const Chainscope::Evtx::DecodedChunk &a, const Chainscope::Evtx::DecodedChunk &b)
{
    if (a.records.size() != b.records.size() || a.errors.size() != b.errors.size())
        return false;
    for (qsizetype i = 0; i < a.records.size(); ++i) {
        if (!sameRecord(a.records.at(i).record, b.records.at(i).record))
            return false;
    }
    return true;
}

} // namespace

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
    // Two oracles: a fresh decode (reusing a template must never change a record), and
    // the plain walk without plans or memo (the fast paths must never change one).
    const Evtx::DecodedChunk decoded
        = Evtx::decodeChunk(chunk, Evtx::FileHeaderSize, nullptr, Evtx::threadTemplateCache());
    const Evtx::DecodedChunk fresh = Evtx::decodeChunk(chunk, Evtx::FileHeaderSize);
    const Evtx::DecodedChunk plain
        = Evtx::decodeChunk(chunk, Evtx::FileHeaderSize, nullptr, nullptr, Evtx::ChunkParser::Walk::Plain);
    if (!sameChunk(decoded, fresh) || !sameChunk(fresh, plain))
        __builtin_trap();
    for (const Evtx::DecodedRecord &r : decoded.records)
        (void)Evtx::renderRecordXml(chunk, r.fileOffset);
    return 0;
}
