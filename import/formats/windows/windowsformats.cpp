#include "windowsformats.h"

#include "evtxreader.h"
#include "formatregistry.h"
#include "wevtxmlreader.h"
#include "windowsnormalizer.h"

namespace Chainscope {

namespace {

// Issue 11, finding 4: one flipped bit in "ElfFile\0" must not turn a log whose chunks
// are intact into "not a log". Chunks lie at 4096 + k × 65536; those within `head`
// are looked at, and one carrying its own signature makes the file EVTX. The reader
// then reads chunk by chunk and reports the damaged header as one error.
bool hasEvtxChunks(QByteArrayView head)
{
    constexpr qsizetype FileHeaderSize = 4096, ChunkSize = 65536;
    for (qsizetype at = FileHeaderSize; at + 8 <= head.size(); at += ChunkSize) {
        if (head.sliced(at, 8) == QByteArrayView("ElfChnk\0", 8))
            return true;
    }
    return false;
}

} // namespace

void addWindowsFormats(FormatRegistry &registry)
{
    registry.addFormat({LogFormat::Evtx, [] { return std::make_unique<EvtxReader>(&normalizeWindowsEvent); },
        [](const QByteArray &raw, qint64 recordPos) -> std::optional<QString> {
            // EVTX events keep their whole chunk (the templates they use live there);
            // the event's XML is rendered from it on demand.
            if (!Evtx::isChunk(raw))
                return std::nullopt;
            return rawRecordText(raw, recordPos);
        },
        {}});
    registry.addFormat({LogFormat::WinEventXml, [] { return std::make_unique<WinXmlReader>(); }, {}, {}});
    registry.addDetector([](QByteArrayView head) {
        if (head.startsWith(QByteArrayView("ElfFile\0", 8)) || hasEvtxChunks(head))
            return LogFormat::Evtx;
        return WinXmlReader::probe(head) ? LogFormat::WinEventXml : LogFormat::Unknown;
    });
}

} // namespace Chainscope
