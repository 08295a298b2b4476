#pragma once

#include <QString>

namespace Chainscope {

// Every log format Chainscope reads. A new format adds its value here (before the
// end), its names below, and registers its reader in its platform's room under
// import/formats/ (docs/architecture.md, "Adding a reader").
enum class LogFormat {
    Unknown,
    Auditd, // raw audit.log, plain or enriched, with or without node=
    DpkgLog, // /var/log/dpkg.log
    AptHistory, // /var/log/apt/history.log
    YumLog, // /var/log/yum.log
    DnfLog, // /var/log/dnf.rpm.log and dnf.log
    Evtx, // Windows XML Event Log (.evtx)
    WinEventXml, // Windows events exported as XML (wevtutil, Get-WinEvent ToXml)
    UnifiedLogJson, // macOS unified log, `log show --style ndjson` or `--style json`
    EsLogger, // macOS Endpoint Security events as JSON lines from eslogger
    MacInstallLog, // macOS /var/log/install.log
    InstallHistory, // macOS /Library/Receipts/InstallHistory.plist
    SantaLog, // Google Santa's santa.log
    TraceV3, // a raw unified log file: recognised only, to say how to export it
    Ecs, // Elastic Common Schema documents (Elastic Endpoint, Auditbeat, Winlogbeat)
};

// Stable names: they appear in the case file and in the CLI's JSON.
QString formatName(LogFormat format);
// The name an analyst knows a format by ("apt history", "EVTX (Windows event log)").
QString formatDescription(LogFormat format);

} // namespace Chainscope
