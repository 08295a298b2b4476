#pragma once

#include "binxml.h"
#include "reader.h"
#include "winevent.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Chainscope {

namespace Evtx {

constexpr qsizetype FileHeaderSize = 4096;
constexpr qsizetype ChunkSize = 65536;
constexpr qsizetype ChunkHeaderSize = 512;
constexpr qsizetype RecordHeaderSize = 24; // magic, size, id, written time
constexpr quint32 FileFlagDirty = 0x1;
constexpr quint32 FileFlagFull = 0x2;

struct FileHeader
{
    quint64 firstChunk = 0;
    quint64 lastChunk = 0;
    quint64 nextRecordId = 0;
    quint16 minorVersion = 0;
    quint16 majorVersion = 0;
    quint16 chunkCount = 0;
    quint32 flags = 0;
    bool checksumOk = false; // matches, or is absent (zero)
    // The checksum is there and matches: only then are the header's promises (the
    // next record id) evidence of loss. A zero checksum vouches for nothing.
    bool checksumVerified = false;
};

// Parses the 4096-byte file header; nullopt when the magic is missing.
std::optional<FileHeader> parseFileHeader(QByteArrayView header);

struct DecodedRecord
{
    qint64 fileOffset = -1;
    WinEventRecord record;
};

// What one chunk held. Chunks are self-contained (own name and template tables), so
// they decode independently, in parallel.
struct DecodedChunk
{
    qint64 fileOffset = -1;
    QByteArray bytes; // the chunk as read: stored once as the raw record of its events
    QByteArray compressed; // `bytes` through RawCodec::compress(), when the reader made it
    QByteArray sha256; // SHA-256 of `bytes`, made beside `compressed` (issue 11, finding 13)
    qint64 recordCount = 0; // records decoded (kept in `records` only without a normalizer)
    // The highest record id this chunk accounts for: records read, reported damaged or
    // skipped as another chunk's, and the end of its header's range when that header
    // checks out (records of the range that are not found are reported by the chunk
    // itself). 0: none. The reader
    // holds it against the file header's next record id (issue 11, finding 3).
    quint64 lastRecordId = 0;
    QList<DecodedRecord> records;
    // Damage found. Each error stands for `count` failed records in the import counts.
    struct Error
    {
        qint64 fileOffset = -1;
        qint64 count = 1;
        QString message;
    };
    QList<Error> errors;
    QList<Event> events; // normalized, in record order; recordPos is the record's file offset
};

// Turns one decoded record into normalized events (the Windows normalizer).
using NormalizeFunction = void (*)(const WinEventRecord &record, QList<Event> &out);

// Decodes all records of one chunk. Never throws; damage becomes `errors`.
// With a `normalize` function, also fills `events`. With `templates`, templates parsed
// in earlier chunks are reused where that cannot change a record (one cache per
// thread; see TemplateCache); without, every template is parsed afresh. `walk`
// decodes the slow and simple way (see ChunkParser::Walk), for tests and the fuzzer
// to hold the fast paths against.
DecodedChunk decodeChunk(QByteArray bytes, qint64 fileOffset, NormalizeFunction normalize = nullptr,
    TemplateCache *templates = nullptr, ChunkParser::Walk walk = ChunkParser::Walk::Fast);
// The calling thread's own template cache, for decodeChunk().
TemplateCache *threadTemplateCache();

// The XML of the record at file offset `recordFileOffset` (an event's recordPos) in
// its stored chunk, for the raw-record view.
std::optional<QString> renderRecordXml(QByteArrayView chunk, qint64 recordFileOffset, QString *error = nullptr);

bool isChunk(QByteArrayView bytes);

} // namespace Evtx

// Windows XML Event Log files (.evtx), decoded by our own parser.
class EvtxReader : public Reader
{
public:
    // `normalize` turns decoded records into events; the format layer passes the
    // Windows normalizer, tests may pass their own.
    explicit EvtxReader(Evtx::NormalizeFunction normalize)
        : m_normalize(normalize)
    {
    }
    void read(InputFile &input, const ReaderContext &context, ImportSink &sink) override;

private:
    Evtx::NormalizeFunction m_normalize;
};

// The text to show for a stored raw record: EVTX chunks are rendered to the XML of
// the record at `recordPos` (its file offset); text records come back as they are.
QString rawRecordText(const QByteArray &raw, qint64 recordPos);

} // namespace Chainscope
