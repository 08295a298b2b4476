#include "evtxreader.h"

#include "binxml.h"
#include "crc32.h"
#include "inputfile.h"
#include "rawcodec.h"
#include "sha256.h"

#include <QCoreApplication>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>
#include <QtEndian>

#include <deque>
#include <limits>

namespace Chainscope {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(EvtxReader)
};

template<typename T> T le(const char *p)
{
    return qFromLittleEndian<T>(p);
}

quint32 crc(const char *p, qsizetype n, quint32 before = 0)
{
    return crc32(before, QByteArrayView(p, n));
}

constexpr char FileMagic[] = "ElfFile";
constexpr char ChunkMagic[] = "ElfChnk";
constexpr char RecordMagic[] = {0x2a, 0x2a, 0x00, 0x00};

enum class RecordShape { None, Whole, Incomplete };

// Whether a record starts at `pos`: its signature and a size that fits. Whole when the
// size is repeated at the record's end (a cheap check that this is a record and not
// four bytes of a string that happen to match); Incomplete when that copy is missing,
// as in a record whose write was cut short.
RecordShape recordAt(QByteArrayView chunk, qsizetype pos)
{
    if (pos < 0 || pos + Evtx::RecordHeaderSize > chunk.size())
        return RecordShape::None;
    const char *p = chunk.data() + pos;
    if (std::memcmp(p, RecordMagic, 4) != 0)
        return RecordShape::None;
    const quint32 size = le<quint32>(p + 4);
    if (size < Evtx::RecordHeaderSize + 4 || qsizetype(size) > chunk.size() - pos)
        return RecordShape::None;
    return le<quint32>(p + size - 4) == size ? RecordShape::Whole : RecordShape::Incomplete;
}

bool hasRecordAt(QByteArrayView chunk, qsizetype pos)
{
    return recordAt(chunk, pos) == RecordShape::Whole;
}

// The next plausible record after damage, or -1.
qsizetype resync(QByteArrayView chunk, qsizetype from)
{
    const QByteArrayView magic(RecordMagic, 4);
    for (qsizetype pos = chunk.indexOf(magic, from); pos >= 0; pos = chunk.indexOf(magic, pos + 1)) {
        if (hasRecordAt(chunk, pos))
            return pos;
    }
    return -1;
}

// Empties a record for reuse, keeping the capacity of its field list.
void clearRecord(WinEventRecord &r)
{
    r.recordId = 0;
    r.timeUs = 0;
    r.provider.clear();
    r.providerGuid.clear();
    r.eventId = 0;
    r.version = r.level = r.task = r.opcode = 0;
    r.keywords.clear();
    r.channel.clear();
    r.computer.clear();
    r.processId = r.threadId = -1;
    r.userSid.clear();
    r.data.clear();
}

} // namespace

namespace Evtx {

bool isChunk(QByteArrayView bytes)
{
    return bytes.size() >= ChunkHeaderSize && std::memcmp(bytes.data(), ChunkMagic, 8) == 0;
}

std::optional<FileHeader> parseFileHeader(QByteArrayView header)
{
    if (header.size() < 128 || std::memcmp(header.data(), FileMagic, 8) != 0)
        return std::nullopt;
    const char *p = header.data();
    FileHeader h;
    h.firstChunk = le<quint64>(p + 8);
    h.lastChunk = le<quint64>(p + 16);
    h.nextRecordId = le<quint64>(p + 24);
    h.minorVersion = le<quint16>(p + 36);
    h.majorVersion = le<quint16>(p + 38);
    h.chunkCount = le<quint16>(p + 42);
    h.flags = le<quint32>(p + 120);
    // Some writers leave the checksum zero: absent, not wrong.
    h.checksumVerified = le<quint32>(p + 124) != 0 && crc(p, 120) == le<quint32>(p + 124);
    h.checksumOk = le<quint32>(p + 124) == 0 || h.checksumVerified;
    return h;
}

TemplateCache *threadTemplateCache()
{
    thread_local TemplateCache cache;
    return &cache;
}

DecodedChunk decodeChunk(
    QByteArray bytes, qint64 fileOffset, NormalizeFunction normalize, TemplateCache *templates, ChunkParser::Walk walk)
{
    DecodedChunk out;
    out.fileOffset = fileOffset;
    out.bytes = std::move(bytes);
    const QByteArrayView chunk(out.bytes);
    const char *p = chunk.data();
    const auto error = [&](qint64 offset, const QString &message, qint64 count = 1) {
        out.errors.append({fileOffset + offset, count, message});
    };
    if (!isChunk(chunk)) {
        // Unused space at the end of a log is zero-filled: only other content is damage.
        if (!chunk.isEmpty()
            && (chunk.front() != 0 || chunk.size() < 8
                || std::memcmp(chunk.data(), chunk.data() + 1, size_t(chunk.size() - 1)) != 0))
            error(0, Text::tr("chunk at offset %1 has no chunk signature; skipped").arg(fileOffset));
        return out;
    }
    const quint32 freeSpace = le<quint32>(p + 48);
    const quint32 dataCrc = le<quint32>(p + 52);
    const quint32 headerCrc = le<quint32>(p + 124);
    // The header checksum covers bytes 0–120 and 128–512 (the string and template tables).
    const quint32 computedHeader = crc(p + 128, 384, crc(p, 120));
    const bool headerOk = computedHeader == headerCrc;
    const bool freeSpaceSane = freeSpace >= ChunkHeaderSize && qsizetype(freeSpace) <= chunk.size();
    bool dataOk = freeSpaceSane && crc(p + ChunkHeaderSize, freeSpace - ChunkHeaderSize) == dataCrc;
    // Files written without checksums (some exporters) store zero: not damage.
    if (!headerOk && headerCrc != 0)
        error(0, Text::tr("chunk at offset %1: header checksum mismatch; records checked one by one").arg(fileOffset));
    if (!dataOk && dataCrc != 0 && freeSpaceSane)
        error(0,
            Text::tr("chunk at offset %1: record data checksum mismatch; records checked one by one").arg(fileOffset));

    // Records end at the free-space offset. A file that was not closed cleanly (flagged
    // dirty) can hold records the chunk header does not count yet: past the offset we
    // keep reading while records follow on without a gap and with the next record id.
    // What lies further is slack that may hold fragments of older records; it is not
    // evidence we can vouch for, so it is neither imported nor reported as damage.
    const qsizetype end = freeSpaceSane ? qsizetype(freeSpace) : chunk.size();
    // Chunks recovered from disk (shadow copies, carving) can hold the tail of another
    // chunk. Those records use the other chunk's names and templates and would decode
    // into wrong events, so records whose id lies outside the header's range are
    // skipped — when the header itself checks out.
    const quint64 firstId = le<quint64>(p + 24);
    const quint64 lastIdInHeader = le<quint64>(p + 32);
    const bool rangeKnown = (headerOk || headerCrc == 0) && firstId <= lastIdInHeader;
    qint64 foreignCount = 0;
    qsizetype foreignStart = -1;
    qint64 accounted = 0; // records of the header's range imported or reported
    const auto account = [&](quint64 id) {
        ++accounted;
        out.lastRecordId = std::max(out.lastRecordId, id);
    };
    const auto flushForeign = [&] {
        if (foreignCount)
            error(foreignStart,
                Text::tr("%n record(s) from offset %1 belong to another chunk (ids outside %2–%3); skipped", nullptr,
                    int(foreignCount))
                    .arg(fileOffset + foreignStart)
                    .arg(firstId)
                    .arg(lastIdInHeader),
                foreignCount);
        foreignCount = 0;
        foreignStart = -1;
    };

    Evtx::ChunkParser parser(chunk, templates, walk);
    qsizetype pos = ChunkHeaderSize;
    quint64 lastId = 0;
    // With a normalizer, each record becomes events at once and its storage is reused
    // for the next record; without one (tests, the raw view) records are kept.
    DecodedRecord rec;
    const auto keep = [&] {
        ++out.recordCount;
        if (!normalize) {
            // Kept past the next record: its fields may not borrow the decoder's strings.
            rec.record.data.detach();
            out.records.append(std::move(rec));
            rec = DecodedRecord();
            return;
        }
        const qsizetype first = out.events.size();
        normalize(rec.record, out.events);
        // The record's byte offset: unique even where exported logs repeat or
        // renumber EventRecordIDs, and it locates the record in its stored chunk.
        for (qsizetype i = first; i < out.events.size(); ++i)
            out.events[i].recordPos = rec.fileOffset;
        clearRecord(rec.record);
    };
    if (normalize)
        out.events.reserve(256);
    while (pos + RecordHeaderSize <= chunk.size()) {
        const bool beyond = pos >= end;
        const RecordShape shape = recordAt(chunk, pos);
        if (shape == RecordShape::None) {
            if (beyond)
                break;
            const qsizetype next = resync(chunk, pos + 1);
            // Zero padding after the last record is normal in a chunk whose header we
            // do not trust; anything else is a damaged record.
            bool padding = true;
            for (qsizetype i = pos; i < (next < 0 ? end : std::min(next, end)) && padding; ++i)
                padding = p[i] == 0;
            if (!padding) {
                const quint32 size = pos + 8 <= chunk.size() ? le<quint32>(p + pos + 4) : 0;
                if (std::memcmp(p + pos, RecordMagic, 4) == 0) {
                    error(pos, Text::tr("record at offset %1: invalid record size %2").arg(fileOffset + pos).arg(size));
                    const quint64 id = pos + 16 <= chunk.size() ? le<quint64>(p + pos + 8) : 0;
                    if (rangeKnown && id >= firstId && id <= lastIdInHeader)
                        account(id);
                } else
                    error(pos, Text::tr("damaged data at offset %1 (no record signature)").arg(fileOffset + pos));
            }
            if (next < 0 || next >= end)
                break;
            pos = next;
            continue;
        }
        const quint32 size = le<quint32>(p + pos + 4);
        const quint64 headerId = le<quint64>(p + pos + 8);
        if (beyond && (shape != RecordShape::Whole || headerId != lastId + 1))
            break;
        if (!beyond && rangeKnown && (headerId < firstId || headerId > lastIdInHeader)) {
            if (!foreignCount)
                foreignStart = pos;
            ++foreignCount;
            // Reported below as skipped: not missing as well.
            out.lastRecordId = std::max(out.lastRecordId, headerId);
            pos += size;
            continue;
        }
        flushForeign();
        const quint64 written = le<quint64>(p + pos + 16);
        rec.fileOffset = fileOffset + pos;
        try {
            parser.decodeRecord(pos + RecordHeaderSize, qsizetype(size) - RecordHeaderSize - 4, rec.record);
            if (rec.record.recordId == 0)
                rec.record.recordId = headerId;
            if (rec.record.timeUs == 0) {
                // No TimeCreated in the XML: the record header's written time.
                if (const auto t = fileTimeToUnixUs(written))
                    rec.record.timeUs = *t;
            }
            keep();
            account(headerId);
            if (shape == RecordShape::Incomplete) {
                error(pos,
                    Text::tr("record %1 at offset %2 is incomplete (its end is missing); imported what it holds")
                        .arg(headerId)
                        .arg(fileOffset + pos));
                // Its size cannot be trusted: look for the next whole record.
                lastId = headerId;
                const qsizetype next = resync(chunk, pos + 1);
                if (next < 0 || next >= end)
                    break;
                pos = next;
                continue;
            }
        } catch (const Evtx::DecodeError &e) {
            if (beyond)
                break;
            account(headerId);
            if (shape == RecordShape::Incomplete) {
                // A record whose write was cut short: its id and time are still
                // evidence that it existed. Kept as an empty event, reported as damage.
                clearRecord(rec.record);
                rec.record.recordId = headerId;
                if (const auto t = fileTimeToUnixUs(written))
                    rec.record.timeUs = *t;
                keep();
                error(pos,
                    Text::tr(
                        "record %1 at offset %2 is incomplete and its content unreadable (%3); kept its id and time")
                        .arg(headerId)
                        .arg(fileOffset + pos)
                        .arg(e.message));
                // The size cannot be trusted either: look for the next whole record.
                const qsizetype next = resync(chunk, pos + 1);
                if (next < 0 || next >= end)
                    break;
                pos = next;
                continue;
            }
            error(pos, Text::tr("record %1 at offset %2: %3").arg(headerId).arg(fileOffset + pos).arg(e.message));
            clearRecord(rec.record);
        }
        lastId = headerId;
        pos += size;
    }
    flushForeign();
    // Records the header lists but that were not found at all: overwritten or zeroed.
    if (rangeKnown && headerOk) {
        out.lastRecordId = std::max(out.lastRecordId, lastIdInHeader);
        const qint64 promised = qint64(std::min<quint64>(lastIdInHeader - firstId + 1, 65536));
        if (promised > accounted)
            error(ChunkHeaderSize,
                Text::tr("%n record(s) listed by the chunk header at offset %1 are missing (overwritten or zeroed)",
                    nullptr, int(promised - accounted))
                    .arg(fileOffset),
                promised - accounted);
    }
    return out;
}

std::optional<QString> renderRecordXml(QByteArrayView chunk, qint64 recordFileOffset, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!isChunk(chunk))
        return fail(Text::tr("not an EVTX chunk"));
    if (recordFileOffset < FileHeaderSize)
        return fail(Text::tr("record offset %1 lies in the file header").arg(recordFileOffset));
    // Chunks sit at fixed 64 KiB steps after the file header.
    const qsizetype pos = qsizetype((recordFileOffset - FileHeaderSize) % ChunkSize);
    if (pos < ChunkHeaderSize || recordAt(chunk, pos) == RecordShape::None)
        return fail(Text::tr("no record at offset %1 of its chunk").arg(pos));
    const quint32 size = le<quint32>(chunk.data() + pos + 4);
    ChunkParser parser(chunk);
    try {
        return parser.renderRecord(pos + RecordHeaderSize, qsizetype(size) - RecordHeaderSize - 4);
    } catch (const DecodeError &e) {
        return fail(e.message);
    }
}

} // namespace Evtx

namespace {

// What a decode thread does for the import: the chunk's events, and the chunk itself
// compressed and hashed for the case, so that the single writer thread only stores
// bytes. The hash is of the chunk as read, before compression: what `verify` recomputes.
Evtx::DecodedChunk decodeAndCompress(QByteArray chunk, qint64 offset, Evtx::NormalizeFunction normalize)
{
    // Consecutive chunks define the same templates again; each thread keeps the ones
    // it parsed.
    Evtx::DecodedChunk decoded = Evtx::decodeChunk(std::move(chunk), offset, normalize, Evtx::threadTemplateCache());
    if (decoded.recordCount > 0) {
        decoded.compressed = RawCodec::compress(decoded.bytes);
        decoded.sha256 = Sha256::hash(decoded.bytes);
        // This runs on pool threads that outlive the import: libcrypto's state for the
        // thread goes with the task (measured: no cost beside hashing 64 KiB).
        Sha256::releaseThreadState();
    }
    return decoded;
}

} // namespace

void EvtxReader::read(InputFile &input, const ReaderContext &context, ImportSink &sink)
{
    QByteArray header(Evtx::FileHeaderSize, Qt::Uninitialized);
    const qint64 got = input.read(header.data(), header.size());
    if (got < 128) {
        sink.recordError(0, Text::tr("file too short for an EVTX header (%1 bytes)").arg(got));
        return;
    }
    const auto fileHeader = Evtx::parseFileHeader(header);
    if (const auto &h = fileHeader) {
        if (!h->checksumOk)
            sink.recordError(0, Text::tr("file header checksum mismatch; reading every chunk"));
    } else {
        sink.recordError(0, Text::tr("file header has no EVTX signature; reading every chunk"));
    }
    // The header's chunk count and last-chunk number are not trusted: files flagged
    // dirty (not closed cleanly) and recovered files hold chunks beyond them. Every
    // 64 KiB block after the header is tried.

    const int threads = context.decodeThreads > 0 ? context.decodeThreads : QThread::idealThreadCount();
    // Bounded look-ahead keeps memory flat: at most this many chunks are in flight.
    const size_t maxInFlight = size_t(std::max(2, 2 * threads));
    std::deque<QFuture<Evtx::DecodedChunk>> inFlight;

    quint64 lastRecordId = 0; // the highest record id the chunks account for
    const auto deliver = [&](Evtx::DecodedChunk chunk) {
        lastRecordId = std::max(lastRecordId, chunk.lastRecordId);
        for (const auto &e : std::as_const(chunk.errors))
            sink.recordErrors(e.fileOffset, e.count, e.message);
        if (chunk.recordCount == 0)
            return;
        sink.recordRead(chunk.recordCount);
        const qint64 rawId = chunk.compressed.isEmpty() ? sink.addRaw(chunk.bytes)
                                                        : sink.addCompressedRaw(chunk.compressed, chunk.sha256);
        for (Event &e : chunk.events)
            sink.addEvent(e, rawId);
    };

    qint64 offset = Evtx::FileHeaderSize;
    for (;;) {
        if (context.cancelled())
            break;
        QByteArray chunk(Evtx::ChunkSize, Qt::Uninitialized);
        qint64 n = 0;
        while (n < chunk.size()) {
            const qint64 r = input.read(chunk.data() + n, chunk.size() - n);
            if (r <= 0)
                break;
            n += r;
        }
        if (n == 0)
            break;
        if (n < Evtx::ChunkSize) {
            // A truncated last chunk: decode what is there.
            if (n < Evtx::ChunkHeaderSize) {
                sink.recordError(offset, Text::tr("truncated data at the end of the file (%1 bytes)").arg(n));
                break;
            }
            chunk.truncate(n);
        }
        if (!Evtx::isChunk(chunk)) {
            // Log files are preallocated: blocks past the chunks in use hold zeros or
            // whatever the disk held before. Only a block the header counts as a chunk
            // is damage when its signature is missing.
            const qint64 index = (offset - Evtx::FileHeaderSize) / Evtx::ChunkSize;
            const bool zeroed
                = chunk.front() == 0 && std::memcmp(chunk.constData(), chunk.constData() + 1, size_t(n - 1)) == 0;
            if (fileHeader && index < fileHeader->chunkCount && !zeroed)
                sink.recordError(
                    offset, Text::tr("chunk %1 at offset %2 has no chunk signature; skipped").arg(index).arg(offset));
            offset += n;
            if (n < Evtx::ChunkSize)
                break;
            continue;
        }
        if (threads <= 1) {
            deliver(decodeAndCompress(std::move(chunk), offset, m_normalize));
        } else {
            inFlight.push_back(QtConcurrent::run(&decodeAndCompress, std::move(chunk), offset, m_normalize));
            while (inFlight.size() >= maxInFlight) {
                deliver(inFlight.front().takeResult());
                inFlight.pop_front();
            }
        }
        offset += n;
        if (n < Evtx::ChunkSize)
            break;
    }
    while (!inFlight.empty()) {
        if (!context.cancelled())
            deliver(inFlight.front().takeResult());
        else
            inFlight.front().waitForFinished();
        inFlight.pop_front();
    }
    if (context.cancelled())
        return;
    // Issue 11, finding 3: a file cut at a chunk boundary, or whose chunks were zeroed,
    // holds only whole chunks and reads without a single damaged record. What it lost
    // shows only against what its header promises: the id the next record would get.
    // The header is trusted for this only when its checksum holds. Its chunk count is
    // not used: a log that wrapped reuses chunks, and a dirty header lags behind the
    // chunks (it can only promise less than there is, never more). Records found
    // past the header's promise are no shortfall; the shortfall is the ids above the
    // highest one any chunk accounts for (read, reported damaged, or listed by a chunk
    // header that checks out: those a chunk misses it reports itself).
    // (A chunk claiming the very last id leaves nothing above it to miss.)
    if (fileHeader && fileHeader->checksumVerified && lastRecordId < std::numeric_limits<quint64>::max()
        && fileHeader->nextRecordId > lastRecordId + 1) {
        const quint64 first = lastRecordId + 1;
        const quint64 last = fileHeader->nextRecordId - 1;
        // A crafted header can promise any id: keep the count summable.
        const qint64 count = qint64(std::min<quint64>(last - first + 1, quint64(1) << 53));
        sink.recordMissing(offset, count,
            (first == last
                    ? Text::tr("record %1 promised by the file header is missing (file cut or zeroed)").arg(first)
                    : Text::tr("records %1-%2 promised by the file header are missing (file cut or zeroed)")
                          .arg(first)
                          .arg(last)));
    }
}

QString rawRecordText(const QByteArray &raw, qint64 recordPos)
{
    if (!Evtx::isChunk(raw))
        return QString::fromUtf8(raw);
    QString error;
    if (const auto xml = Evtx::renderRecordXml(raw, recordPos, &error))
        return *xml;
    return Text::tr("<!-- The stored EVTX chunk could not be rendered: %1 -->").arg(error);
}

} // namespace Chainscope
