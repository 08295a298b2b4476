#include "importer.h"

#include "formatregistry.h"
#include "inputfile.h"
#include "rawcodec.h"
#include "reader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

#include <limits>

namespace Chainscope {

ImportSink::~ImportSink() = default;
Reader::~Reader() = default;

qint64 ImportSink::addCompressedRaw(const QByteArray &frame, const QByteArray &)
{
    // The frame was made in this process a moment ago; only a broken zstd could fail.
    return addRaw(RawCodec::decompress(frame, std::numeric_limits<int>::max()).value_or(QByteArray()));
}

void ImportSink::recordError(qint64 pos, const QString &message)
{
    ++m_counts.recordsFailed;
    if (m_firstError.isEmpty())
        m_firstError = pos >= 0 ? QStringLiteral("at %1: %2").arg(pos).arg(message) : message;
    storeError(pos, message);
}

QString importStatusName(ImportResult::Status status)
{
    switch (status) {
    case ImportResult::Status::Complete:
        return QStringLiteral("complete");
    case ImportResult::Status::Incomplete:
        return QStringLiteral("incomplete");
    case ImportResult::Status::Duplicate:
        return QStringLiteral("duplicate");
    case ImportResult::Status::Skipped:
        return QStringLiteral("skipped");
    case ImportResult::Status::Failed:
        break;
    }
    return QStringLiteral("failed");
}

namespace {

// Backs the sink with the case: one transaction for the whole source.
class StoreSink final : public ImportSink
{
public:
    StoreSink(
        CaseStore &store, qint64 sourceId, InputFile &input, ImportProgress progress, const ProgressCallback &callback)
        : m_writer(store, sourceId)
        , m_input(input)
        , m_progress(std::move(progress))
        , m_callback(callback)
    {
        m_clock.start();
    }

    qint64 addRaw(const QByteArray &raw) override { return m_writer.addRaw(raw); }
    qint64 addHashedRaw(const QByteArray &raw, const QByteArray &sha256) override
    {
        return m_writer.addRaw(raw, sha256);
    }
    qint64 addCompressedRaw(const QByteArray &frame, const QByteArray &sha256) override
    {
        return m_writer.addCompressedRaw(frame, sha256);
    }

    void addEvent(const Event &event, qint64 rawId) override
    {
        m_writer.add(event, rawId);
        ++m_counts.eventsStored;
        // Checking the clock on every event costs more than the check saves.
        if ((m_counts.eventsStored & 1023) == 0)
            report(false);
    }

    void report(bool force)
    {
        if (!m_callback || (!force && m_clock.elapsed() < 100))
            return;
        m_clock.restart();
        m_progress.bytesDone = m_input.filePos();
        m_progress.events = m_counts.eventsStored;
        m_callback(m_progress);
    }

    void setSha256(const QString &sha256) { m_writer.setSha256(sha256); }
    void finish(SourceStatus status, const QString &error) { m_writer.finish(m_counts, error, status); }

protected:
    void storeError(qint64 pos, const QString &message) override { m_writer.addError(pos, message); }

private:
    EventWriter m_writer;
    InputFile &m_input;
    ImportProgress m_progress;
    const ProgressCallback &m_callback;
    QElapsedTimer m_clock;
};

// Returns the SHA-256 the duplicate check compares, made before anything is written;
// nullopt when the import ends there (cancelled, unreadable: `result` says so).
using FirstHash = std::function<std::optional<QString>(ImportResult &result)>;

// The import proper, from an opened input: detection, the duplicate check, the reader.
// `expectedSha256`, when set, is the hash the first reading made of the same bytes (an
// archive member); the hash made while reading must equal it.
ImportResult importInput(CaseStore &store, const FormatRegistry &formats, InputFile &input, ImportResult result,
    const FirstHash &firstHash, const QString &expectedSha256, const ImportOptions &options,
    const std::atomic<bool> *cancel, const ProgressCallback &progress)
{
    const QString &path = input.path();
    // A cancelled import stops hashing the rest of the file too.
    input.setCancel(cancel);
    const QByteArray head = input.peek(FormatDetectionBytes);
    const LogFormat format = formats.detect(head);
    if (format == LogFormat::Unknown) {
        result.sha256 = expectedSha256.isEmpty() ? QString::fromLatin1(input.sha256Hex()) : expectedSha256;
        // The list of formats comes from the format layer, so it names every reader
        // (issue 11, finding 4); an empty file is not of a wrong format, it is empty.
        if (input.hasStreamError()) {
            result.error = QCoreApplication::translate("Chainscope", "%1: %2").arg(path, input.streamError());
        } else if (head.isEmpty()) {
            result.error = QCoreApplication::translate("Chainscope", "%1: empty file, nothing to import").arg(path);
            result.skipReason = QCoreApplication::translate("Chainscope", "empty");
        } else {
            result.error
                = QCoreApplication::translate("Chainscope", "%1: not a log format Chainscope reads (expected %2)")
                      .arg(path, formats.readableFormatsText());
            result.skipReason = QCoreApplication::translate("Chainscope", "not a log format Chainscope reads");
        }
        return result;
    }
    result.format = formatName(format);
    if (const QString refusal = formats.refusal(format); !refusal.isEmpty()) {
        // Recognised, but not something we read: say what to do instead, and store
        // nothing, as for a file of unknown format.
        result.sha256 = expectedSha256.isEmpty() ? QString::fromLatin1(input.sha256Hex()) : expectedSha256;
        result.error = QCoreApplication::translate("Chainscope", "%1: %2").arg(path, refusal);
        result.skipReason = refusal;
        return result;
    }

    // The duplicate check hashes the whole file before anything is written, at the cost
    // of reading it twice (hashing runs at about 1.4 GB/s, far faster than any reader
    // decodes). Deciding first means a refused file leaves no trace in the case, and an
    // import interrupted while hashing leaves the case as it was. Checking the hash the
    // reader computes, just before the events are committed, would decode the whole
    // file for nothing and then have to undo the source row that beginSource() has
    // already committed: a second step that a kill can separate from the first, leaving
    // a half source behind.
    if (!options.again) {
        const std::optional<QString> first = firstHash(result);
        if (!first)
            return result;
        const QString &sha256 = *first;
        // An empty hash (OpenSSL failed) matches nothing: the import goes on.
        const std::optional<qint64> earlier = sha256.isEmpty() ? std::nullopt : store.sourceWithSha256(sha256);
        if (earlier) {
            result.sha256 = sha256;
            result.duplicateOf = *earlier;
            result.status = ImportResult::Status::Duplicate;
            result.error = QCoreApplication::translate(
                "Chainscope", "%1 is already in this case as source %2 (same SHA-256 %3…)")
                               .arg(path)
                               .arg(*earlier)
                               .arg(sha256.left(12));
            return result;
        }
    }

    SourceInfo info;
    info.path = result.path;
    info.size = result.size;
    info.format = result.format;
    info.host = options.host;
    info.timeZone = QString::fromUtf8(options.timeZone.id());
    info.archivePath = result.archivePath;
    info.archiveSha256 = result.archiveSha256;
    info.memberPath = result.memberPath;
    result.sourceId = store.beginSource(info);

    ImportProgress p;
    p.path = result.path;
    p.bytesTotal = result.size;

    ReaderContext context;
    context.host = options.host;
    context.timeZone = options.timeZone;
    context.cancel = cancel;
    context.decodeThreads = options.decodeThreads;

    std::unique_ptr<Reader> reader = formats.createReader(format);
    {
        StoreSink sink(store, result.sourceId, input, p, progress);
        reader->read(input, context, sink);
        if (input.hasStreamError())
            sink.recordError(input.decodedPos(), input.streamError());
        // Hash the rest of the file too (a reader may stop early), so the recorded
        // hash is that of the whole file as it lies on disk; store it in the same
        // transaction as the events.
        result.sha256 = QString::fromLatin1(input.sha256Hex());
        if (!expectedSha256.isEmpty() && !result.sha256.isEmpty() && result.sha256 != expectedSha256
            && !context.cancelled()) {
            // The archive was read twice (the first time to hash its members): a
            // member whose bytes differ the second time was changed under us.
            sink.recordError(-1,
                QCoreApplication::translate("Chainscope",
                    "the member's bytes changed between the two readings of the archive (SHA-256 %1… "
                    "first, %2… now)")
                    .arg(expectedSha256.left(12), result.sha256.left(12)));
        }
        sink.setSha256(result.sha256);
        result.counts = sink.counts();
        if (context.cancelled()) {
            // The sink's transaction rolls back as it goes out of scope.
            result.status = ImportResult::Status::Incomplete;
            result.error = QCoreApplication::translate("Chainscope", "import cancelled");
        } else if (!sink.missingRecords().isEmpty()) {
            // The file is short of what it promises (issue 11, finding 3): its events
            // are kept, the source says incomplete, and the error says what is missing.
            sink.finish(SourceStatus::Incomplete, sink.missingRecords());
            sink.report(true);
            result.status = ImportResult::Status::Incomplete;
            result.eventsKept = true;
            result.error = sink.missingRecords();
        } else {
            sink.finish(SourceStatus::Complete, sink.firstError());
            sink.report(true);
            result.status = ImportResult::Status::Complete;
            result.error = sink.firstError();
        }
    }
    if (result.status == ImportResult::Status::Incomplete && !result.eventsKept) {
        store.recordSourceFailure(result.sourceId, result.error);
        result.counts.eventsStored = 0;
    }
    return result;
}

QString cancelledText()
{
    return QCoreApplication::translate("Chainscope", "import cancelled");
}

} // namespace

ImportResult importFile(CaseStore &store, const FormatRegistry &formats, const QString &path,
    const ImportOptions &options, const std::atomic<bool> *cancel, const ProgressCallback &progress)
{
    ImportResult result;
    result.path = QFileInfo(path).absoluteFilePath();

    if (QFileInfo(path).isDir()) {
        result.error = QCoreApplication::translate("Chainscope", "%1 is a directory, not a log file").arg(path);
        return result;
    }
    InputFile input;
    if (!input.open(path)) {
        result.error = input.errorString();
        return result;
    }
    result.size = input.fileSize();
    const FirstHash firstHash = [&](ImportResult &r) -> std::optional<QString> {
        InputFile whole;
        if (!whole.open(path)) {
            r.error = whole.errorString();
            return std::nullopt;
        }
        whole.setCancel(cancel);
        const QString sha256 = QString::fromLatin1(whole.sha256Hex());
        if (cancel && cancel->load()) {
            // No source was begun: the case is untouched.
            r.status = ImportResult::Status::Incomplete;
            r.error = cancelledText();
            return std::nullopt;
        }
        return sha256;
    };
    return importInput(store, formats, input, result, firstHash, QString(), options, cancel, progress);
}

ImportResult importMember(CaseStore &store, const FormatRegistry &formats, QIODevice *device, qint64 size,
    const ArchiveMemberOrigin &origin, const ImportOptions &options, const std::atomic<bool> *cancel,
    const ProgressCallback &progress)
{
    ImportResult result;
    // Not a path on disk: a name that says where the member is. The columns of its own
    // (archive, archive hash, member) are what tools should read.
    result.path = origin.archivePath + QStringLiteral("!/") + origin.memberPath;
    result.archivePath = origin.archivePath;
    result.archiveSha256 = origin.archiveSha256;
    result.memberPath = origin.memberPath;
    result.size = size;
    InputFile input;
    if (!input.open(device, result.path, size)) {
        result.error = input.errorString();
        return result;
    }
    // The first reading of the archive hashed the member already; reading it again here
    // would mean a third pass over a compressed archive.
    const FirstHash firstHash = [&](ImportResult &r) -> std::optional<QString> {
        if (cancel && cancel->load()) {
            r.status = ImportResult::Status::Incomplete;
            r.error = cancelledText();
            return std::nullopt;
        }
        return origin.sha256;
    };
    return importInput(store, formats, input, result, firstHash, origin.sha256, options, cancel, progress);
}

int assignSoleHost(CaseStore &store, QList<ImportResult> &results)
{
    const QStringList hosts = store.hosts();
    int assigned = 0;
    for (ImportResult &r : results) {
        // A short file's events are in the case as much as a whole file's.
        if ((r.status != ImportResult::Status::Complete && !r.eventsKept) || r.sourceId < 0)
            continue;
        const auto src = store.source(r.sourceId);
        // Only events that name no host are given one; a source whose every event
        // names its host keeps them.
        if (!src || !src->host.isEmpty() || store.eventsWithoutHost(r.sourceId) == 0)
            continue;
        // Only a host of the events' own platform: a Mac's name on a dpkg.log would be
        // wrong however alone the Mac is in the case.
        const QList<Platform> platforms = store.hostlessPlatforms(r.sourceId);
        if (platforms.size() != 1)
            continue;
        const Platform platform = platforms.first();
        const QStringList same = platform == Platform::Unknown ? hosts : store.hosts(platform);
        if (same.size() != 1)
            continue;
        const QString host = same.first();
        const QString origin = hosts.size() == 1
            ? QStringLiteral("the case's only host")
            : QStringLiteral("the case's only %1 host").arg(platformName(platform));
        store.assignHost(r.sourceId, host);
        if (r.hostOrigin.isEmpty())
            r.hostOrigin = origin;
        ++assigned;
    }
    return assigned;
}

} // namespace Chainscope
