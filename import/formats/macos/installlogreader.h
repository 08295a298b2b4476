#pragma once

#include "reader.h"

#include <QByteArrayView>

namespace Chainscope {

// macOS /var/log/install.log: "2023-03-29 10:12:33+02 MacBook-Pro installd[123]: message",
// as installd, system_installd, softwareupdated, Installer and their helpers write it
// (macOS 10.12 and later; the offset is whole hours, "+02", or "+0530" where needed).
// Host, process name (image) and pid come from the line.
//
// 'Installed "Name" (version)' (with or without "PackageKit: ", the version quoted or
// not) is a package_install with the name in targetPath [package, version,
// package_identifiers: the 'Writing receipt for …' lines the same process logged since
// its '----- Begin install -----']. Every other line is a log_message [message,
// package_identifier for a receipt line].
//
// Messages that span lines (PackageKit's "packages=(" lists, script output) are one
// record: lines without a stamp belong to the record before them, up to 64 KiB; past
// that the rest is stored as further records [continuation]. Lines in the older syslog
// form ("Aug 25 10:45:41 host installd[863]: …", no year) are reported, not guessed.
class InstallLogReader final : public Reader
{
public:
    static constexpr qsizetype MaxRecordBytes = 64 * 1024;
    static bool probe(QByteArrayView head);
    void read(InputFile &input, const ReaderContext &context, ImportSink &sink) override;
};

} // namespace Chainscope
