#pragma once

#include "logformat.h"
#include "reader.h"

#include <QByteArrayView>

namespace Chainscope {

// Package-manager logs: dpkg.log, apt history.log, yum.log, dnf.rpm.log / dnf.log.
// Each installed, upgraded or removed package becomes one package_install event.
//
// Mapping (details keys in brackets):
//  - dpkg.log: install/upgrade/remove/purge lines are package_install events; the other
//    lines (status, configure, trigproc, conffile, startup) become log_message events so
//    that the whole dpkg timeline is visible [dpkg_line, state, package, arch, version,
//    old_version]. Times are local wall-clock times in ReaderContext::timeZone.
//  - apt history.log: one raw record per transaction (Start-Date .. End-Date), one
//    package_install event per listed package at the transaction's Start-Date; image is
//    the program of Commandline, user is Requested-By [action, automatic, old_version,
//    transaction_start, transaction_end, error, error_truncated, transaction_split].
//    A transaction larger than the reader's bounds is stored as several raw records;
//    pieces that list no package become log_message events.
//  - yum.log: "Mon DD HH:MM:SS Verb: package" in local time and without a year. The
//    year is reconstructed from the file's modification time: the last entry is taken to
//    lie at or before it, and every month that goes backwards between two entries is a
//    year boundary [year_assumed, year_source].
//  - dnf.rpm.log / dnf.log: ISO 8601 stamps with their own offset; only package lines
//    ("Installed:", "Upgrade:", "Upgraded:", "Erase:" …) become events. The "-ed" lines of
//    an upgrade/downgrade/reinstall/obsolete name the package version that was replaced
//    and carry it as old_version [log_action, replaced].
class PackageLogReader final : public Reader
{
public:
    explicit PackageLogReader(LogFormat format);
    // Which package log the head of a file is, or LogFormat::Unknown. Decided by the
    // share of the head's lines that match, so that a damaged start (NUL bytes, a few
    // garbage lines) does not hide the records after it.
    static LogFormat probe(QByteArrayView head);
    void read(InputFile &input, const ReaderContext &context, ImportSink &sink) override;

private:
    void readDpkg(InputFile &input, const ReaderContext &context, ImportSink &sink);
    void readApt(InputFile &input, const ReaderContext &context, ImportSink &sink);
    void readRpmLog(InputFile &input, const ReaderContext &context, ImportSink &sink);

    LogFormat m_format;
};

} // namespace Chainscope
