#include "collection.h"

#include "archivereader.h"
#include "formatregistry.h"
#include "inputfile.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <limits>
#include <sys/stat.h>

namespace Chainscope {

namespace {

QString text(const char *source)
{
    return QCoreApplication::translate("Chainscope", source);
}

// One thing the import will go through, in order: a file, an archive member, or
// something listed without being read (skipped, or an archive that failed).
struct Item
{
    enum class Kind { File, Member, Skip, Failure };
    Kind kind = Kind::File;
    QString path; // a member's is "archive!/member"
    qint64 size = 0; // bytes counted for progress
    QString reason; // Skip: why; Failure: the error
    bool damage = true; // Failure: counted as a damaged record (an empty folder is none)
    QString collection; // the folder or archive it was found in; empty when named directly
    CollectionHost host; // the collection layout's host, if any
    // In an archive:
    int archive = -1; // index into Plan::archives
    int entryIndex = -1; // position among the archive's entries, to find it again
    QString memberPath;
    QString sha256; // the member's, from the first reading
};

struct ArchiveScan
{
    QString path;
    QString sha256;
};

bool isRegularFile(const QString &path)
{
    // lstat: a link is never taken for what it points to, and a FIFO is never opened.
    struct stat info = {};
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0 && S_ISREG(info.st_mode);
}

QByteArray fileHead(const QString &path)
{
    if (!isRegularFile(path))
        return {};
    InputFile input;
    return input.open(path) ? input.peek(FormatDetectionBytes) : QByteArray();
}

// Reads the paths into a plan: folders walked, archives read once (each member hashed
// and recognised), so that the import knows its whole before it writes anything.
class Planner
{
public:
    Planner(const FormatRegistry &formats, const std::atomic<bool> *cancel, const ProgressCallback &progress)
        : m_formats(formats)
        , m_cancel(cancel)
        , m_progress(progress)
    {
        m_clock.start();
    }

    void addPath(const QString &path)
    {
        const QFileInfo info(path);
        if (info.isDir()) {
            addFolder(info.absoluteFilePath());
            return;
        }
        // A file named directly: an archive when its content says so; anything else is
        // imported (or refused) as a log file, as before collections existed.
        // The archive test comes first: the log detectors are lenient (a dpkg.log is a
        // date and a few words per line), and the content of a tar is the content of its
        // members, which they would take for a log.
        if (isRegularFile(path) && ArchiveReader::isArchive(path)) {
            addArchive(info.absoluteFilePath(), info.absoluteFilePath(), hostFromCollectionName(info.fileName()));
            return;
        }
        Item item;
        item.path = path;
        item.size = qMax<qint64>(info.size(), 0);
        items.append(item);
    }

    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }

    QList<Item> items;
    QList<ArchiveScan> archives;

private:
    CollectionHost folderHost(const QString &root) const
    {
        for (const QString &name : {QStringLiteral("uac.log"), QStringLiteral("client_info.json")}) {
            const CollectionHost h = hostFromCollectionFile(name, fileHead(root + QLatin1Char('/') + name));
            if (!h.host.isEmpty())
                return h;
        }
        return hostFromCollectionName(QFileInfo(root).fileName());
    }

    void addFolder(const QString &root)
    {
        const CollectionHost host = folderHost(root);
        // Without FollowSymlinks the walk never enters a linked folder, so it cannot
        // leave the tree or loop. Linked files are listed, not read: one inside the tree
        // is read under its own name anyway, one outside it is not part of the evidence.
        QDirIterator it(
            root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        QList<std::pair<QString, QString>> found; // path, reason it is skipped (empty: read it)
        while (it.hasNext() && !cancelled()) {
            const QString path = it.next();
            const QFileInfo info = it.fileInfo();
            if (info.isSymLink())
                found.append({path, text("symbolic link, not followed")});
            else if (info.isDir())
                continue;
            else if (!isRegularFile(path))
                found.append({path, text("not a regular file")});
            else
                found.append({path, QString()});
        }
        // A folder with nothing in it is a mistake to say out loud, not an import of
        // nothing (a wrong path, an empty mount point).
        if (found.isEmpty() && !cancelled()) {
            Item none;
            none.kind = Item::Kind::Failure;
            none.path = root;
            // Named as the path it is, not as a collection: one error line, no summary.
            none.reason = text("%1: the folder holds no files").arg(root);
            none.damage = false;
            items.append(none);
            return;
        }
        // The order of a directory listing is the file system's; a sorted one makes two
        // imports of the same folder give the same source ids.
        std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &[path, reason] : std::as_const(found)) {
            if (cancelled())
                return;
            if (reason.isEmpty() && ArchiveReader::isArchive(path)) {
                addArchive(path, path, host);
                continue;
            }
            Item item;
            item.kind = reason.isEmpty() ? Item::Kind::File : Item::Kind::Skip;
            item.path = path;
            item.reason = reason;
            item.size = reason.isEmpty() ? qMax<qint64>(QFileInfo(path).size(), 0) : 0;
            item.collection = root;
            item.host = host;
            items.append(item);
        }
    }

    void addArchive(const QString &path, const QString &collection, const CollectionHost &inherited)
    {
        Item failure;
        failure.kind = Item::Kind::Failure;
        failure.path = path;
        failure.collection = collection;
        ArchiveScan scan;
        scan.path = path;
        {
            // The archive as the analyst received it: its hash is the custody of every
            // member read from it.
            InputFile whole;
            if (!whole.open(path)) {
                failure.reason = whole.errorString();
                items.append(failure);
                return;
            }
            whole.setCancel(m_cancel);
            scan.sha256 = QString::fromLatin1(whole.sha256Hex());
            if (cancelled())
                return;
        }
        ArchiveReader reader;
        if (!reader.open(path)) {
            failure.reason = reader.errorString();
            items.append(failure);
            return;
        }
        const qint64 archiveSize = QFileInfo(path).size();
        const int index = int(archives.size());
        CollectionHost contentHost;
        QList<Item> found;
        int entryIndex = -1;
        int members = 0;
        for (;;) {
            if (cancelled())
                return;
            ArchiveReader::Entry entry;
            const ArchiveReader::Next next = reader.next(entry);
            if (next == ArchiveReader::Next::End)
                break;
            if (next == ArchiveReader::Next::Error) {
                // What was read before the damage is imported; the damage is one error.
                failure.reason = QCoreApplication::translate(
                    "Chainscope", "%1: damaged archive after %n member(s): %2", nullptr, members)
                                     .arg(path, reader.errorString());
                found.append(failure);
                break;
            }
            ++entryIndex;
            if (entry.directory)
                continue;
            ++members;
            Item item;
            item.kind = Item::Kind::Skip;
            item.path = path + QStringLiteral("!/") + entry.path;
            item.collection = collection;
            item.archive = index;
            item.entryIndex = entryIndex;
            item.memberPath = entry.path;
            if (!entry.linkTarget.isEmpty()) {
                item.reason = text("link to %1, not followed").arg(entry.linkTarget);
            } else if (!entry.regular) {
                item.reason = text("not a regular file");
            } else if (entry.encrypted) {
                item.reason = text("encrypted, cannot be read");
            } else {
                classifyMember(reader, entry, item, contentHost);
                if (cancelled())
                    return;
            }
            found.append(item);
            report(path, reader.archiveBytesRead(), archiveSize);
        }
        if (members == 0 && failure.reason.isEmpty()) {
            Item empty;
            empty.kind = Item::Kind::Skip;
            empty.path = path;
            empty.collection = collection;
            empty.reason = text("archive holds no files");
            found.append(empty);
        }
        const CollectionHost host = !contentHost.host.isEmpty() ? contentHost
            : !hostFromCollectionName(QFileInfo(path).fileName()).host.isEmpty()
            ? hostFromCollectionName(QFileInfo(path).fileName())
            : inherited;
        for (Item &item : found)
            item.host = host;
        archives.append(scan);
        items += found;
    }

    // Reads one member: a log (hashed for the duplicate check), or why not.
    void classifyMember(ArchiveReader &reader, const ArchiveReader::Entry &entry, Item &item, CollectionHost &host)
    {
        QIODevice *device = reader.member();
        // The bytes as stored, for the nested-archive test: a .tar.gz inside is
        // recognised by its gzip wrapper's content, which InputFile would undo.
        const QByteArray raw = device->peek(FormatDetectionBytes);
        InputFile input;
        if (!input.open(device, item.path, entry.size)) {
            item.kind = Item::Kind::Failure;
            item.reason = input.errorString();
            return;
        }
        input.setCancel(m_cancel);
        const QByteArray head = input.peek(FormatDetectionBytes);
        // Collectors put their own records at the top of what they write (or one folder
        // down, when the archive was made of the output folder).
        if (host.host.isEmpty() && entry.path.count(QLatin1Char('/')) <= 1)
            host = hostFromCollectionFile(entry.path.section(QLatin1Char('/'), -1), head);
        // As for files: an archive first, whatever the log detectors think of its members.
        if (ArchiveReader::isArchiveHead(raw)) {
            item.reason = text("nested archive, not opened (extract it and import it on its own)");
            return;
        }
        const LogFormat format = m_formats.detect(head);
        if (format == LogFormat::Unknown) {
            if (head.isEmpty() && input.hasStreamError()) {
                item.kind = Item::Kind::Failure;
                item.reason = text("%1: %2").arg(item.path, input.streamError());
            } else if (head.isEmpty()) {
                item.reason = text("empty");
            } else {
                item.reason = text("not a log format Chainscope reads");
            }
            return;
        }
        if (const QString refusal = m_formats.refusal(format); !refusal.isEmpty()) {
            item.reason = refusal;
            return;
        }
        item.kind = Item::Kind::Member;
        item.size = qMax<qint64>(entry.size, 0);
        // A damaged member hashes what could be read; the import reads the same bytes
        // again and counts the damage as an error there.
        item.sha256 = QString::fromLatin1(input.sha256Hex());
    }

    void report(const QString &path, qint64 done, qint64 total)
    {
        if (!m_progress || m_clock.elapsed() < 100)
            return;
        m_clock.restart();
        ImportProgress p;
        p.path = path;
        p.scanning = true;
        p.bytesDone = done;
        p.bytesTotal = total;
        p.fileIndex = 0;
        p.fileCount = int(items.size());
        m_progress(p);
    }

    const FormatRegistry &m_formats;
    const std::atomic<bool> *m_cancel;
    const ProgressCallback &m_progress;
    QElapsedTimer m_clock;
};

// Sets the host of a result's source and says where it came from.
void settleHost(CaseStore &store, ImportResult &r, const ImportOptions &options, const CollectionHost &layout)
{
    if (r.sourceId < 0 || (r.status != ImportResult::Status::Complete && !r.eventsKept))
        return;
    QString host, origin;
    if (!options.host.isEmpty()) {
        host = options.host;
        origin = QStringLiteral("--host");
    } else if (!layout.host.isEmpty()) {
        host = layout.host;
        origin = QStringLiteral("the collection layout (%1)").arg(layout.rule);
    }
    const qint64 hostless = store.eventsWithoutHost(r.sourceId);
    if (!host.isEmpty())
        store.assignHost(r.sourceId, host);
    const qint64 events = r.counts.eventsStored;
    if (events > 0 && hostless == 0)
        r.hostOrigin = QStringLiteral("the log");
    else if (!host.isEmpty() && hostless < events)
        r.hostOrigin = QStringLiteral("the log, and %1 for the %2 events that name none").arg(origin).arg(hostless);
    else
        r.hostOrigin = origin;
}

} // namespace

CollectionHost hostFromCollectionName(const QString &fileName)
{
    // uac-HOST-OS-YYYYMMDDhhmmss, the name UAC gives its output (the host may hold
    // dashes; the operating system and the stamp do not).
    static const QRegularExpression uac(
        QStringLiteral("^uac-(.+)-(aix|android|esxi|freebsd|linux|macos|netbsd|netscaler|openbsd|solaris)-(\\d{14})"
                       "(\\.tar(\\.gz)?|\\.tgz|\\.zip)?$"));
    const QRegularExpressionMatch m = uac.match(fileName);
    if (m.hasMatch())
        return {m.captured(1), QStringLiteral("UAC archive name")};
    return {};
}

CollectionHost hostFromCollectionFile(const QString &fileName, const QByteArray &head)
{
    if (head.isEmpty())
        return {};
    if (fileName == u"uac.log") {
        // "2024-05-23 18:07:12 -0300 INF Hostname: NAME" among the first lines.
        static const QRegularExpression line(
            QStringLiteral("^\\S+ \\S+ \\S+ INF Hostname: (\\S+)\\s*$"), QRegularExpression::MultilineOption);
        const QRegularExpressionMatch m = line.match(QString::fromUtf8(head));
        if (m.hasMatch())
            return {m.captured(1), QStringLiteral("uac.log")};
    } else if (fileName == u"client_info.json") {
        const QJsonObject info = QJsonDocument::fromJson(head).object();
        for (const char *key : {"Hostname", "Fqdn"}) {
            const QString host = info.value(QLatin1String(key)).toString().trimmed();
            if (!host.isEmpty())
                return {host, QStringLiteral("client_info.json")};
        }
    }
    return {};
}

qint64 sizeSum(qint64 a, qint64 b)
{
    qint64 sum = 0;
    if (!__builtin_add_overflow(a, b, &sum))
        return sum;
    return b > 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
}

int progressShare(qint64 done, qint64 total, int scale)
{
    if (total <= 0 || done <= 0 || scale <= 0)
        return 0;
    if (done >= total)
        return scale;
    // In floating point: scale * done overflows for sizes near 2^63.
    return qBound(0, int(double(scale) * (double(done) / double(total))), scale);
}

QString hostOriginText(const ImportResult &result)
{
    return result.hostOrigin.isEmpty() ? QString() : QStringLiteral("host from %1").arg(result.hostOrigin);
}

QList<ImportResult> importPaths(CaseStore &store, const FormatRegistry &formats, const QStringList &paths,
    const ImportOptions &options, const std::atomic<bool> *cancel, const ProgressCallback &progress,
    const ResultCallback &finished)
{
    Planner planner(formats, cancel, progress);
    for (const QString &path : paths) {
        if (planner.cancelled())
            break;
        planner.addPath(path);
    }
    QList<ImportResult> results;
    if (planner.cancelled())
        return results;

    const QList<Item> &items = planner.items;
    qint64 totalBytes = 0;
    for (const Item &item : items)
        totalBytes = sizeSum(totalBytes, item.size);
    // Hosts are set after each file is read (settleHost), not handed to the reader: that
    // is how the summary can tell a host the log named from one given to it.
    ImportOptions readOptions = options;
    readOptions.host.clear();

    std::unique_ptr<ArchiveReader> archive;
    int openArchive = -1;
    // Why the open archive cannot be read further: every member after the failure fails
    // with it, not with an empty error.
    QString archiveError;
    int entryIndex = -1;
    qint64 bytesBefore = 0;
    qint64 eventsBefore = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (planner.cancelled())
            break;
        const Item &item = items.at(i);
        const ProgressCallback report = [&](const ImportProgress &p) {
            if (!progress)
                return;
            ImportProgress copy = p;
            copy.fileIndex = int(i);
            copy.fileCount = int(items.size());
            copy.totalBytesDone = qMin(sizeSum(bytesBefore, p.bytesDone), totalBytes);
            copy.totalBytesTotal = totalBytes;
            copy.totalEvents = sizeSum(eventsBefore, p.events);
            progress(copy);
        };
        ImportResult r;
        r.path = item.kind == Item::Kind::File ? QFileInfo(item.path).absoluteFilePath() : item.path;
        r.collection = item.collection;
        if (item.archive >= 0) {
            r.archivePath = planner.archives.at(item.archive).path;
            r.archiveSha256 = planner.archives.at(item.archive).sha256;
            r.memberPath = item.memberPath;
        }
        switch (item.kind) {
        case Item::Kind::Skip:
            r.status = ImportResult::Status::Skipped;
            r.error = item.reason;
            break;
        case Item::Kind::Failure:
            r.status = ImportResult::Status::Failed;
            r.error = item.reason;
            // The damage is counted, as a damaged record is.
            r.counts.recordsFailed = item.damage ? 1 : 0;
            break;
        case Item::Kind::File:
            r = importFile(store, formats, item.path, readOptions, cancel, report);
            r.collection = item.collection;
            if (!item.collection.isEmpty() && r.status == ImportResult::Status::Failed && !r.skipReason.isEmpty()) {
                r.status = ImportResult::Status::Skipped;
                r.error = r.skipReason;
            }
            break;
        case Item::Kind::Member: {
            // Members come in the archive's own order: a tar cannot be read backwards,
            // so one pass forward finds each in turn.
            if (openArchive != item.archive) {
                archive = std::make_unique<ArchiveReader>();
                openArchive = item.archive;
                entryIndex = -1;
                archiveError.clear();
                if (!archive->open(r.archivePath)) {
                    archiveError = archive->errorString();
                    archive.reset();
                }
            }
            ArchiveReader::Entry entry;
            while (archive && entryIndex < item.entryIndex) {
                if (archive->next(entry) != ArchiveReader::Next::Entry) {
                    archiveError = text("%1: the archive changed since it was first read: %2")
                                       .arg(r.archivePath, archive->errorString());
                    archive.reset();
                    break;
                }
                ++entryIndex;
            }
            if (archive && entry.path != item.memberPath) {
                archiveError = text("%1: the archive changed since it was first read (%2 is not where it was)")
                                   .arg(r.archivePath, item.memberPath);
                archive.reset();
            }
            if (!archive) {
                r.status = ImportResult::Status::Failed;
                r.error = archiveError;
                break;
            }
            const ArchiveMemberOrigin origin {r.archivePath, r.archiveSha256, item.memberPath, item.sha256};
            const QString collection = r.collection;
            r = importMember(store, formats, archive->member(), item.size, origin, readOptions, cancel, report);
            r.collection = collection;
            break;
        }
        }
        settleHost(store, r, options, item.host);
        bytesBefore = sizeSum(bytesBefore, item.size);
        eventsBefore = sizeSum(eventsBefore, r.counts.eventsStored);
        if (finished)
            finished(r);
        results.append(r);
    }
    if (options.host.isEmpty() && !planner.cancelled())
        assignSoleHost(store, results);
    return results;
}

} // namespace Chainscope
