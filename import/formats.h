#pragma once

#include <QByteArrayView>
#include <QString>

#include <memory>

namespace Chainscope {

class Reader;

enum class LogFormat {
    Unknown,
    Auditd, // raw audit.log, plain or enriched, with or without node=
    DpkgLog, // /var/log/dpkg.log
    AptHistory, // /var/log/apt/history.log
    YumLog, // /var/log/yum.log
    DnfLog, // /var/log/dnf.rpm.log and dnf.log
    Evtx, // Windows XML Event Log (.evtx)
    WinEventXml, // Windows events exported as XML (wevtutil, Get-WinEvent ToXml)
};

// Stable names: they appear in the case file and in the CLI's JSON.
QString formatName(LogFormat format);

// Decides from content, never from the file name: evidence gets renamed on the way
// to the analyst (audit.log.1, host42-audit.txt, …). `head` is the start of the
// decoded content (gzip already undone).
LogFormat detectFormat(QByteArrayView head);

std::unique_ptr<Reader> createReader(LogFormat format);

} // namespace Chainscope
