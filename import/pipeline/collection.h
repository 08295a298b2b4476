#pragma once

#include "importer.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace Chainscope {

class FormatRegistry;

// Triage collections (issue 13): what an analyst receives from KAPE, Velociraptor or UAC
// is a folder or an archive of a machine's files, of which some are logs.
//
// The host a collection's layout names, where its collector documents one:
//  - UAC writes uac.log, whose head says "Hostname: NAME" (UAC documentation, "Log
//    files"), and names its output uac-NAME-OS-YYYYMMDDhhmmss.tar.gz (or .zip);
//  - a Velociraptor offline collection holds client_info.json with the client's
//    "Hostname" (and "Fqdn").
// KAPE names no host of its own: its target folder is whatever the analyst chose, so no
// rule is taken from it; its EVTX logs name their computer themselves.
struct CollectionHost
{
    QString host;
    QString rule; // "uac.log", "client_info.json", "UAC archive name"
};
// From the name of a folder or archive.
CollectionHost hostFromCollectionName(const QString &fileName);
// From a file at the top of a collection (its base name and its first bytes).
CollectionHost hostFromCollectionFile(const QString &fileName, const QByteArray &head);

using ResultCallback = std::function<void(const ImportResult &)>;

// Imports every path into the case on the calling thread: log files as importFile()
// does, folders (recursively, in sorted order; symbolic links are not followed) and
// archives (read in place, see ArchiveReader) with every log they hold, each as a
// source of its own. What a collection holds besides logs is listed as Skipped with
// the reason. Archives are read once ahead to hash and count their members, so that
// the duplicate check precedes every write and progress knows the whole.
//
// Hosts: a log that names its host keeps it; records that name none take --host
// (options.host), else the host of the collection's layout, else, when the case knows a
// single host, that one (assignSoleHost). ImportResult::hostOrigin says which.
//
// `finished` is told of each result as it comes; the list of all is returned. Throws
// CaseError when the case itself fails (the results before it were told).
QList<ImportResult> importPaths(CaseStore &store, const FormatRegistry &formats, const QStringList &paths,
    const ImportOptions &options, const std::atomic<bool> *cancel = nullptr, const ProgressCallback &progress = {},
    const ResultCallback &finished = {});

// Sizes come from hostile headers (a tar's base-256 size goes to 2^63-1): sums of them
// saturate instead of overflowing, and a share of them stays within 0..scale.
qint64 sizeSum(qint64 a, qint64 b);
int progressShare(qint64 done, qint64 total, int scale);

// "host from the log", "host from --host", …: the summary's words for a result.
QString hostOriginText(const ImportResult &result);

} // namespace Chainscope
