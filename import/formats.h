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
// The name an analyst knows a format by ("apt history", "EVTX (Windows event log)").
QString formatDescription(LogFormat format);
// Every format Chainscope reads, as "a, b, … or z", for the message that rejects a
// file (issue 11, finding 4). Made from the formats that have a reader, so that it
// stays true when one is added.
QString readableFormatsText();

// Decides from content, never from the file name: evidence gets renamed on the way
// to the analyst (audit.log.1, host42-audit.txt, …). `head` is the start of the
// decoded content (gzip already undone). An EVTX file whose header signature is
// damaged is still EVTX when the chunk after the header carries its signature.
LogFormat detectFormat(QByteArrayView head);

std::unique_ptr<Reader> createReader(LogFormat format);

} // namespace Chainscope
