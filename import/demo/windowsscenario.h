#pragma once

#include "evtxtypes.h"
#include "winevent.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Chainscope {

// The Windows demo evidence, as the events Sysmon (schema 4.x, Sysmon 13+) and the
// Windows Installer write them, for two hosts:
//
// FIN-WS-07 (a finance workstation, user dana):
//  (a) 3CX-like: the desktop app's signed Squirrel updater (Update.exe, under
//      %LOCALAPPDATA%) fetches an update from the vendor's own, approved update host
//      and writes a new app folder, including an unsigned ffmpeg.dll. Later the user
//      starts the app; it loads the unsigned DLL, resolves a code-hosting name and a
//      C2 name and connects to both — neither is an approved host.
//  (b) benign: Google's updater, from approved hosts, replaces chrome.exe/chrome.dll
//      (signed by Google LLC); Chrome's next start loads them and talks to Google's
//      approved update API. A 7-Zip MSI install (MsiInstaller events in the
//      Application log) writes 7zFM.exe, which the user starts without network use.
// ORION-01 (a server):
//  (c) SUNBURST-like: an Orion hotfix (msiexec /p) replaces
//      SolarWinds.Orion.Core.BusinessLayer.dll; the signer stays SolarWinds (valid),
//      only the hash changes. The service host restarts and loads it within minutes;
//      its first DNS beacon to an unapproved domain comes 12 days later — outside the
//      default 90-minute window, a near miss with its reason.
// FIN-WS-07 again, at +24 min (between (a) and (b)):
//  (d) an MSI custom action that spawns a shell: dana runs `msiexec.exe /i` on a
//      downloaded BankLink-Connector-3.2.0.msi (child of explorer). The Windows Installer
//      service (`msiexec.exe /V`, child of services.exe) was started before the log
//      begins, so no process create names it: it is known from its children's Parent*
//      fields, its file create of the cached C:\Windows\Installer\<hex>.msi, the
//      MsiInstaller 1040/11707/1033/1042 events and its terminate when it goes idle. It
//      starts the custom action C:\Windows\Installer\MSI4F1B.tmp as SYSTEM — with no
//      file create for it anywhere: a first run whose write is not observed. The .tmp
//      resolves sync.banklink-cdn.example, connects to it (203.0.113.144:443; not an
//      approved host) and starts `cmd.exe /c whoami & hostname`, which starts conhost,
//      whoami.exe and HOSTNAME.EXE.
//
// Deterministic for a seed; `noiseEvents` adds benign Sysmon process, image-load,
// file and network events on FIN-WS-07 (for benchmarks).
struct WindowsScenarioOptions
{
    quint64 seed = 1;
    QDateTime start = QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);
    qint64 noiseEvents = 0;
};

// One story's ground truth, for tests: they reference the generator's definitions
// instead of copying constants.
struct WindowsScenarioStory
{
    QString label; // "a", "b", "c", "d"
    QString host;
    QString installer; // image of the installing process
    QStringList written; // files written in program paths, in order
    QString firstRunImage; // the process whose start or load is the first run
    // False when no event shows firstRunImage being written (d: the Windows Installer
    // extracts its custom action where Sysmon's configuration logs no file creates); a
    // correct correlation still counts its start as a first run.
    bool writeObserved = true;
    QString unsignedModule; // (a) the unsigned DLL the app loads
    QStringList egressHosts; // unapproved destinations within the window
    qint64 lateEgressAfterUs = -1; // (c) how long after the install the beacon comes
    bool expectMismatchedChain = false;
};

struct WindowsScenario
{
    // Per host and log, in time order: what the encoder writes into one .evtx each.
    struct Log
    {
        QString fileName; // "fin-ws-07-sysmon.evtx"
        QList<WinEventRecord> records;
    };
    QList<Log> logs;
    QList<WindowsScenarioStory> stories;
    QStringList approvedUpdateHosts;
    QStringList approvedSigners;
    const WindowsScenarioStory *story(const QString &label) const;
};

WindowsScenario buildWindowsScenario(const WindowsScenarioOptions &options);

struct WindowsScenarioFiles
{
    QStringList files; // the .evtx files written, absolute
    QString error;
};

// Builds the scenario and writes each log as a genuine .evtx file into `dir`.
WindowsScenarioFiles writeWindowsScenario(const QString &dir, const WindowsScenario &scenario);

// The value type Sysmon uses for a field (GUIDs, ids, ports, flags); strings for
// the rest. For the encoder.
Evtx::ValueType sysmonFieldType(const QString &name);

} // namespace Chainscope
