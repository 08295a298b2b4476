#include "caseverifier.h"

#include "casestore.h"
#include "sha256.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

namespace Chainscope {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Chainscope::CaseVerifier)
};

// Where the last result is kept: the case's own `meta` table, so a report made from the
// case can say when it was last verified and how that came out.
const QString StampKey = QStringLiteral("last_verified");

constexpr qint64 FileBlockSize = 1 << 20;

struct FileHash
{
    QString hex;
    QString error;
};

FileHash hashFile(const QString &path)
{
    // A FIFO or device now at the path would block or never end: only regular files
    // are read (the importer refuses the others too).
    if (!QFileInfo(path).isFile())
        return {QString(), Text::tr("not a regular file")};
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {QString(), f.errorString()};
    Sha256 hash;
    QByteArray block(FileBlockSize, Qt::Uninitialized);
    for (;;) {
        const qint64 n = f.read(block.data(), block.size());
        if (n < 0)
            return {QString(), f.errorString()};
        if (n == 0)
            break;
        hash.add(QByteArrayView(block.constData(), n));
    }
    const QByteArray digest = hash.result();
    if (digest.isEmpty())
        return {QString(), Text::tr("SHA-256 failed")};
    return {QString::fromLatin1(digest.toHex()), QString()};
}

void checkSources(CaseStore &store, VerificationResult &result)
{
    // Every member of an archive refers to the same archive: hash it once.
    QHash<QString, FileHash> archives;
    for (const SourceInfo &s : store.sources()) {
        SourceVerification v;
        v.id = s.id;
        v.path = s.path;
        v.recordedSha256 = s.sha256;
        // A member of an archive read in place (issue 13) is checked through the archive
        // the analyst received: the store reads no archive formats, and the archive's
        // hash covers every member's bytes.
        const bool member = !s.archivePath.isEmpty();
        const QString file = member ? s.archivePath : s.path;
        const QString recorded = member ? s.archiveSha256 : s.sha256;
        if (member) {
            v.archivePath = s.archivePath;
            v.memberPath = s.memberPath;
            v.recordedSha256 = recorded;
        }
        if (s.sha256.isEmpty() || recorded.isEmpty()) {
            v.state = SourceState::NoRecordedHash;
        } else if (!QFileInfo::exists(file)) {
            // Moved, archived or deleted: the evidence cannot be re-hashed here, which
            // says nothing about whether it changed.
            v.state = SourceState::Missing;
        } else {
            auto cached = archives.constFind(file);
            const FileHash h = member && cached != archives.constEnd() ? *cached : hashFile(file);
            if (member)
                archives.insert(file, h);
            if (!h.error.isEmpty()) {
                v.state = SourceState::Unreadable;
                v.error = h.error;
            } else {
                v.actualSha256 = h.hex;
                // The importer stores lower-case hex; a hand-edited case might not.
                v.state
                    = h.hex.compare(recorded, Qt::CaseInsensitive) == 0 ? SourceState::Intact : SourceState::Mismatch;
            }
        }
        result.sources.append(v);
    }
}

void checkRawRecords(CaseStore &store, VerificationResult &result)
{
    store.forEachRawRecord([&](const StoredRawRecord &r) {
        const std::optional<QByteArray> bytes = CaseStore::decodeRaw(r.data, r.encoding);
        if (!bytes) {
            // Damage is damage, hashed or not (zstd's own checksum found it).
            result.rawDamaged.append({r.id, r.sourceId, RawProblem::Undecodable, {}});
        } else if (r.sha256.isEmpty()) {
            // Stored before case format 5. Even a zstd frame whose checksum holds is
            // not called intact: that checksum is a 64-bit one of the codec, not a hash
            // recorded for custody.
            ++result.rawUnhashed;
        } else if (Sha256::hash(*bytes) != r.sha256) {
            result.rawDamaged.append({r.id, r.sourceId, RawProblem::Mismatch, {}});
        } else {
            ++result.rawIntact;
        }
        return true;
    });
    if (result.rawDamaged.isEmpty())
        return;
    QList<qint64> ids;
    ids.reserve(result.rawDamaged.size());
    for (const DamagedRawRecord &d : std::as_const(result.rawDamaged))
        ids.append(d.id);
    const QHash<qint64, QList<qint64>> events = store.eventIdsOfRawRecords(ids);
    for (DamagedRawRecord &d : result.rawDamaged)
        d.eventIds = events.value(d.id);
}

// Each check runs on its own: damage that stops one (SQLITE_CORRUPT half-way through a
// table) must not hide what the others find.
template<typename Check> void runCheck(QString &error, Check check)
{
    try {
        check();
    } catch (const CaseError &e) {
        error = e.message();
    } catch (const std::bad_alloc &) {
        error = Text::tr("out of memory");
    }
}

} // namespace

QString verificationOutcomeName(VerificationOutcome outcome)
{
    switch (outcome) {
    case VerificationOutcome::Intact:
        return QStringLiteral("intact");
    case VerificationOutcome::Partial:
        return QStringLiteral("partial");
    case VerificationOutcome::Differs:
        break;
    }
    return QStringLiteral("differs");
}

QString sourceStateName(SourceState state)
{
    switch (state) {
    case SourceState::Intact:
        return QStringLiteral("intact");
    case SourceState::Mismatch:
        return QStringLiteral("mismatch");
    case SourceState::Missing:
        return QStringLiteral("missing");
    case SourceState::Unreadable:
        return QStringLiteral("unreadable");
    case SourceState::NoRecordedHash:
        break;
    }
    return QStringLiteral("no_hash");
}

QString rawProblemName(RawProblem problem)
{
    return problem == RawProblem::Mismatch ? QStringLiteral("mismatch") : QStringLiteral("undecodable");
}

qint64 VerificationResult::sourcesIn(SourceState state) const
{
    qint64 n = 0;
    for (const SourceVerification &s : sources)
        n += s.state == state;
    return n;
}

VerificationOutcome VerificationResult::outcome() const
{
    // A check SQLite could not finish counts as a difference: on a case that reads at
    // all, that is damage (SQLITE_CORRUPT), and nothing past it was checked.
    if (!pageProblems.isEmpty() || !pageCheckError.isEmpty() || !sourceCheckError.isEmpty() || !rawCheckError.isEmpty()
        || !rawDamaged.isEmpty() || sourcesIn(SourceState::Mismatch) > 0)
        return VerificationOutcome::Differs;
    if (rawUnhashed > 0 || sourcesIn(SourceState::Missing) > 0 || sourcesIn(SourceState::Unreadable) > 0
        || sourcesIn(SourceState::NoRecordedHash) > 0)
        return VerificationOutcome::Partial;
    return VerificationOutcome::Intact;
}

QString VerificationResult::summary() const
{
    QStringList parts;
    if (!pageCheckError.isEmpty())
        parts << Text::tr("the page check could not finish");
    if (!pageProblems.isEmpty())
        parts << Text::tr("%n page problem(s)", nullptr, int(pageProblems.size()));
    if (!rawCheckError.isEmpty())
        parts << Text::tr("the raw-record check could not finish");
    if (!rawDamaged.isEmpty())
        parts << Text::tr("%n raw record(s) changed or damaged", nullptr, int(rawDamaged.size()));
    if (!sourceCheckError.isEmpty())
        parts << Text::tr("the source check could not finish");
    if (const qint64 n = sourcesIn(SourceState::Mismatch))
        parts << Text::tr("%n source file(s) changed", nullptr, int(n));
    if (const qint64 n = sourcesIn(SourceState::Missing))
        parts << Text::tr("%n source file(s) not at the recorded path", nullptr, int(n));
    if (const qint64 n = sourcesIn(SourceState::Unreadable))
        parts << Text::tr("%n source file(s) unreadable", nullptr, int(n));
    if (const qint64 n = sourcesIn(SourceState::NoRecordedHash))
        parts << Text::tr("%n source(s) without a recorded hash", nullptr, int(n));
    if (rawUnhashed > 0)
        parts << Text::tr("%n raw record(s) not checked: stored before raw records were hashed", nullptr,
            int(qMin<qint64>(rawUnhashed, std::numeric_limits<int>::max())));
    const QString checked = Text::tr("%1 raw record(s) and %2 source file(s) match their recorded hashes")
                                .arg(rawIntact)
                                .arg(sourcesIn(SourceState::Intact));
    switch (outcome()) {
    case VerificationOutcome::Intact:
        return Text::tr("intact: the pages check out; %1").arg(checked);
    case VerificationOutcome::Partial:
        return Text::tr("partly checked: nothing differs, but %1; %2").arg(parts.join(QStringLiteral(", ")), checked);
    case VerificationOutcome::Differs:
        break;
    }
    return Text::tr("differs: %1").arg(parts.join(QStringLiteral(", ")));
}

QString verificationCoverage()
{
    return Text::tr("Covered: the case file's pages and indexes (SQLite integrity_check); each raw record "
                    "against the SHA-256 stored beside it at import; each source file still at its recorded "
                    "path against its recorded SHA-256.");
}

QString verificationGaps()
{
    return Text::tr("Not covered: the normalized event rows (an event field changed consistently, such as "
                    "an image path, passes every check; compare an event with its raw record), the policy "
                    "versions, the import error samples, raw records stored before case format 5, and "
                    "source files no longer at their recorded path.");
}

std::optional<VerificationStamp> lastVerification(CaseStore &store)
{
    const std::optional<QString> stored = store.meta(StampKey);
    if (!stored)
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(stored->toUtf8()).object();
    VerificationStamp stamp;
    stamp.at = QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODate);
    const QString outcome = o.value(QStringLiteral("outcome")).toString();
    if (!stamp.at.isValid() || outcome.isEmpty())
        return std::nullopt;
    stamp.outcome = outcome == u"intact" ? VerificationOutcome::Intact
        : outcome == u"partial"          ? VerificationOutcome::Partial
                                         : VerificationOutcome::Differs;
    stamp.summary = o.value(QStringLiteral("summary")).toString();
    return stamp;
}

QString verificationStampText(const std::optional<VerificationStamp> &stamp)
{
    if (!stamp)
        return Text::tr("never verified");
    // The stored summary starts with the outcome ("intact: ...", "differs: ...").
    return Text::tr("%1 UTC, %2")
        .arg(stamp->at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), stamp->summary);
}

VerificationResult verifyCase(CaseStore &store)
{
    VerificationResult result;
    result.verifiedAt = QDateTime::currentDateTimeUtc();
    runCheck(result.pageCheckError, [&] { result.pageProblems = store.integrityCheck(); });
    runCheck(result.rawCheckError, [&] { checkRawRecords(store, result); });
    runCheck(result.sourceCheckError, [&] { checkSources(store, result); });

    QJsonObject stamp;
    stamp.insert(QStringLiteral("at"), result.verifiedAt.toString(Qt::ISODate));
    stamp.insert(QStringLiteral("outcome"), verificationOutcomeName(result.outcome()));
    stamp.insert(QStringLiteral("summary"), result.summary());
    runCheck(result.recordError,
        [&] { store.setMeta(StampKey, QString::fromUtf8(QJsonDocument(stamp).toJson(QJsonDocument::Compact))); });
    return result;
}

} // namespace Chainscope
