#pragma once

#include "casestore.h"

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

struct ImportProgress
{
    QString path;
    int fileIndex = 0;
    int fileCount = 1;
    qint64 bytesDone = 0; // on disk, so compressed files progress honestly
    qint64 bytesTotal = 0;
    qint64 events = 0;
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
};

QString importStatusName(ImportResult::Status status);

using ProgressCallback = std::function<void(const ImportProgress &)>;

// Imports one file into the case on the calling thread, reading it with the format of
// `formats` that recognises its content (builtinFormats() outside tests). All outcomes are reported in
// the result; it throws only when the case file itself fails (CaseError).
ImportResult importFile(CaseStore &store, const FormatRegistry &formats, const QString &path,
    const ImportOptions &options, const std::atomic<bool> *cancel = nullptr, const ProgressCallback &progress = {});

// Logs such as dpkg.log name no host. When every other source of the case speaks of a
// single host, the analyst collected one machine: give the hostless sources that
// host. Returns the host assigned, or an empty string when it is ambiguous.
QString assignSoleHost(CaseStore &store, const QList<ImportResult> &results);

} // namespace Chainscope

Q_DECLARE_METATYPE(Chainscope::ImportProgress)
Q_DECLARE_METATYPE(Chainscope::ImportResult)
