#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Chainscope {

class CaseStore;

// Issue 11, finding 13 (chain of custody): SQLite pages carry no checksum, and a case
// damaged on disk or by another tool showed altered events without a word. `verify`
// re-checks what the case can check about itself and says what it cannot.

// How the whole verification came out. Ordered by severity.
enum class VerificationOutcome {
    Intact, // every check ran, nothing differs, nothing was left unchecked
    Partial, // nothing differs, but some sources or records could not be checked
    Differs, // something differs from what was recorded, or a check could not finish
};
QString verificationOutcomeName(VerificationOutcome outcome); // intact, partial, differs

enum class SourceState {
    Intact, // the file at the recorded path (or the archive holding it) has the recorded SHA-256
    Mismatch, // it has another
    Missing, // nothing at the recorded path: not checked, not a mismatch
    Unreadable, // something is there but could not be read (or is not a regular file)
    NoRecordedHash, // the import never finished, so no hash was recorded
};
QString sourceStateName(SourceState state); // intact, mismatch, missing, unreadable, no_hash

struct SourceVerification
{
    qint64 id = -1;
    QString path;
    SourceState state = SourceState::NoRecordedHash;
    QString recordedSha256; // hex, as in sources.sha256
    QString actualSha256; // hex; set for Intact and Mismatch
    QString error; // why Unreadable
    // A member of an archive: what was checked is the archive (recordedSha256 and
    // actualSha256 are then the archive's).
    QString archivePath;
    QString memberPath;
};

enum class RawProblem {
    Mismatch, // the bytes decode but their SHA-256 is not the one stored at import
    Undecodable, // the stored frame is damaged (or of an unknown encoding)
};
QString rawProblemName(RawProblem problem); // mismatch, undecodable

struct DamagedRawRecord
{
    qint64 id = -1;
    qint64 sourceId = -1;
    RawProblem problem = RawProblem::Mismatch;
    QList<qint64> eventIds; // the events normalized from it: what the damage may reach
};

struct VerificationResult
{
    QDateTime verifiedAt; // UTC

    // PRAGMA integrity_check: the pages, free lists and every index against its table.
    QStringList pageProblems;
    QString pageCheckError; // set when the check could not finish

    QList<SourceVerification> sources;
    QString sourceCheckError;

    qint64 rawIntact = 0; // hashed at import, and the hash holds
    qint64 rawUnhashed = 0; // stored before case format 5: not checkable, never called intact
    QList<DamagedRawRecord> rawDamaged;
    QString rawCheckError;

    // Set when the result could not be stored in the case (a damaged meta table).
    QString recordError;

    qint64 sourcesIn(SourceState state) const;
    VerificationOutcome outcome() const;
    // One sentence, e.g. "differs: 1 raw record changed, 1 source file changed".
    QString summary() const;
};

// What verify covers and what it does not, said in every output (the CLI, the window):
// an analyst must not read "intact" as more than it is.
QString verificationCoverage();
QString verificationGaps();

// The last verification as stored in the case (meta key "last_verified"), for reports.
struct VerificationStamp
{
    QDateTime at;
    VerificationOutcome outcome = VerificationOutcome::Differs;
    QString summary;
};
// nullopt: never verified (or the stored note is unreadable, which says the same).
std::optional<VerificationStamp> lastVerification(CaseStore &store);
// "2026-12-04 20:31:07 UTC, intact: ..." or "never verified".
QString verificationStampText(const std::optional<VerificationStamp> &stamp);

// Runs the three checks on an open case and records the outcome in its meta table.
// Long on a large case (integrity_check reads every page, the raw check every record):
// the workbench runs it on a thread of its own, on its own connection.
VerificationResult verifyCase(CaseStore &store);

} // namespace Chainscope
