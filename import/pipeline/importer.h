#pragma once

#include "casestore.h"

#include <QIODevice>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QTimeZone>

#include <atomic>
#include <functional>

namespace Chainscope {

class FormatRegistry;

struct ImportOptions
{
    QString host; // for records that name no host; empty: leave unknown
    QTimeZone timeZone = QTimeZone::utc(); // for logs with local timestamps
    int decodeThreads = 0; // for formats that decode in parallel; 0: all cores
    // Import a file even when the case already holds one with the same SHA-256. Off by
    // default: the same evidence twice would double every event and every chain.
    bool again = false;
};

// How far an import is. One file's figures, and for an import of several files or of
// collections (issue 13) the whole import's: files, bytes and events.
struct ImportProgress
{
    QString path;
    int fileIndex = 0; // files done before this one
    int fileCount = 1; // files in the whole import (every member of every collection)
    qint64 bytesDone = 0; // on disk, so compressed files progress honestly
    qint64 bytesTotal = 0;
    qint64 events = 0;
    // The whole import: bytes of every file (an archive member counts with its size as
    // stored in the archive) and the events stored so far.
    qint64 totalBytesDone = 0;
    qint64 totalBytesTotal = 0;
    qint64 totalEvents = 0;
    // Archives are read once ahead of the import, to hash their members (the duplicate
    // check) and to count them; bytesDone/bytesTotal are then the archive's.
    bool scanning = false;
};

struct ImportResult
{
    enum class Status {
        Complete, // every record read; counts.recordsFailed may still be > 0
        // The case does not hold all of the log. Either the import was cancelled or
        // aborted half-way (the case holds the source, if begun, and no events), or,
        // with eventsKept, the file holds fewer records than it promises (cut or
        // zeroed, issue 11 finding 3): what was read is stored, the missing records
        // count in counts.recordsFailed and `error` names them.
        Incomplete,
        Failed, // unreadable or of unknown format: nothing stored
        Duplicate, // the case already holds a file with this SHA-256 (duplicateOf): nothing stored
        // Found in a collection (a folder or an archive) but not a log: empty, of no
        // format read here, a refused format, a nested archive, a link. `error` says
        // why. Not a failure: collections hold much besides logs.
        Skipped,
    };
    QString path;
    QString format;
    QString sha256;
    qint64 size = -1;
    qint64 sourceId = -1;
    qint64 duplicateOf = -1; // the earlier source of a refused duplicate
    ImportCounts counts;
    Status status = Status::Failed;
    // Incomplete only: the events read were committed, not rolled back. Such a source
    // is evidence in the case (a second import of the file is a duplicate).
    bool eventsKept = false;
    QString error;
    // Set with Failed when the file holds nothing to read (empty, of unknown format, a
    // refused format): the short reason a collection lists it as skipped with.
    QString skipReason;
    // The folder or archive the file was found in; empty for a file named directly.
    QString collection;
    // An archive member (issue 13): the archive, its SHA-256 and the member's path in it.
    // `sha256` is then the member's, over its bytes as stored in the archive.
    QString archivePath;
    QString archiveSha256;
    QString memberPath;
    // Where the source's host came from, for the summary: "the log", "--host", "the
    // collection layout (uac.log)", …; empty when it has none.
    QString hostOrigin;
};

QString importStatusName(ImportResult::Status status);

using ProgressCallback = std::function<void(const ImportProgress &)>;

// Enough for every detector: the first records of any supported text log.
constexpr qsizetype FormatDetectionBytes = 64 * 1024;

// Imports one file into the case on the calling thread, reading it with the format of
// `formats` that recognises its content (builtinFormats() outside tests). All outcomes are reported in
// the result; it throws only when the case file itself fails (CaseError).
ImportResult importFile(CaseStore &store, const FormatRegistry &formats, const QString &path,
    const ImportOptions &options, const std::atomic<bool> *cancel = nullptr, const ProgressCallback &progress = {});

// Where an archive member comes from, and its SHA-256 from the first reading.
struct ArchiveMemberOrigin
{
    QString archivePath; // absolute
    QString archiveSha256;
    QString memberPath;
    QString sha256; // of the member as stored; the duplicate check uses it
};

// Imports one archive member, read from `device` (positioned at its start) with
// `size` bytes as stored, as importFile() imports a file.
ImportResult importMember(CaseStore &store, const FormatRegistry &formats, QIODevice *device, qint64 size,
    const ArchiveMemberOrigin &origin, const ImportOptions &options, const std::atomic<bool> *cancel = nullptr,
    const ProgressCallback &progress = {});

// Logs such as dpkg.log or eslogger's name no host. When the case's evidence speaks of
// a single host of the events' platform (the only machine, or one Mac beside Linux
// servers and Windows clients), the analyst collected that machine: the hostless events
// get its name. Each result whose events were given a host says so in hostOrigin ("the
// case's only host", "the case's only macos host"). Returns how many sources were given
// a host.
int assignSoleHost(CaseStore &store, QList<ImportResult> &results);

} // namespace Chainscope

Q_DECLARE_METATYPE(Chainscope::ImportProgress)
Q_DECLARE_METATYPE(Chainscope::ImportResult)
