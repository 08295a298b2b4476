#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Chainscope {

// Writes the Linux demo evidence: audit.log, dpkg.log and apt history.log exactly as
// auditd 3.0 (log_format=RAW, name_format=hostname), dpkg 1.21 and apt 2.6 on Debian 12
// write them, for one host that lived through four stories:
//  (a) a malicious .deb whose postinst drops /usr/local/bin/<tool>; its first run
//      pipes curl into sh and connects to an unlisted IPv4 host;
//  (b) an ordinary apt upgrade from approved repositories whose new binaries run and
//      reach only approved hosts;
//  (c) a near miss: like (a), but the egress comes three hours after the install;
//  (d) an npm package, fetched through the approved registry proxy, whose lifecycle
//      script downloads a binary into /tmp with curl and runs it. No record shows that
//      write (the watch rules cover program paths, not /tmp): a first run whose write is
//      not observed. Its first run starts sh and connects to an unlisted host.
// Deterministic for a given seed. `noiseEvents` adds that many benign audit events
// (ordinary execs and pipelines in an ssh session, daemons' connects to approved hosts)
// around the stories, for benchmarks.
//
// The timeline, in minutes after `start` (each jittered by the seed): (b) at +12 upgrades
// rsync and wget from the internal mirror 192.0.2.10; wget first runs at +19 (to
// 192.0.2.10:80), rsync at +30 from cron (to 192.0.2.11:873). (a) at +45 installs netpulse
// from 198.51.100.24; /usr/local/bin/netpulse-agent (a static Go binary: it vforks) first
// runs at +49 and its curl connects to 203.0.113.45:443. (c) at +65 installs logsweep from
// 198.51.100.77; systemd starts /usr/local/bin/logsweepd 30 minutes later, and 182 minutes
// after the install its curl connects to 198.51.100.131:80. (d) at +258: lena (logged in
// over ssh at +254) runs `npm install colorlog-utils` in ~/src/billing-ui; npm (node)
// fetches it from npm.corp.example (192.0.2.30:443), runs `sh -c "node install.js"`,
// whose curl fetches /tmp/.cache-7f3a/telemetry-agent from 203.0.113.77:443; chmod +x,
// then node starts the agent (a static Go binary) within seconds: it runs
// `/bin/sh -c "id; uname -a"` and connects to 198.51.100.203:443. Around them: ssh
// sessions of ops and admin (who runs apt through sudo), hourly cron, systemd-timesyncd
// polling 192.0.2.123:123, zabbix_agentd reporting to 192.0.2.20:10051.
//
// Things a reader of the generated audit.log must cope with, because real hosts do them:
//  - no EOE records: auditd writes them only to its realtime plugins, never to the log;
//  - DAEMON_START carries auditd's own sequence number, unrelated to the kernel's
//    serials (those that follow increase by exactly one per event);
//  - exit_group events have no success=/exit= fields (the syscall never returns);
//  - dash walks $PATH with execve, so failed execve attempts (exit=-2, PATH
//    nametype=UNKNOWN, no EXECVE record) precede a shell's successful one, some of
//    them under /usr/local/bin;
//  - non-blocking connects (apt, curl, Go programs) fail with exit=-115 (EINPROGRESS);
//  - dpkg replaces a file by writing <path>.dpkg-new (created with mode 0, so its CREATE
//    record says mode=0100000), hard-linking the old file to <path>.dpkg-tmp, renaming
//    .dpkg-new over <path> and unlinking .dpkg-tmp;
//  - a record the kernel logs inside a syscall (CONFIG_CHANGE from auditctl, LOGIN from
//    the write to /proc/self/loginuid) forces that syscall's SYSCALL/PROCTITLE records
//    into the same event, after it;
//  - processes that started before the rules were loaded (systemd, auditd, augenrules,
//    auditctl) appear without a clone; every later process has its parent's clone
//    (a0=1200011, exit=child pid) before its first record;
//  - Debian's merged /usr: dash finds /bin/run-parts while the kernel's exe= says
//    /usr/bin/run-parts, and /bin/sh runs /usr/bin/dash;
//  - AppArmor's /proc/self/attr/current ends in a newline, which auditd turns into a
//    second space in DAEMON_START ("subj=unconfined  res=success");
//  - in (d), as strace shows Debian 12's dash 0.5.12-2, node 20 and npm 10 doing it:
//    dash finds a command with stat() and starts it with vfork() (syscall 58, not
//    clone), also the last command of -c, so no failed execve precedes it and sh stays
//    the parent ((a)-(c) predate that measurement and keep their probes and exec in
//    place, unchanged); node forks with glibc's clone and execs through libuv's execvp,
//    which does probe every $PATH directory (npm puts eight in front of the user's);
//    `npm` is a symlink to a "#!/usr/bin/env node" script, so one pid execs env, then
//    node, whose argv says /usr/bin/npm; npm then sets its process title, which changes
//    comm ("npm install col", hex-encoded for its spaces) and PROCTITLE of its later
//    records but not its EXECVE; the agent node spawns detached calls setsid() first,
//    so its records have tty=(none).
//
// The stories' process ids stay below 100000; noise processes take ids from 100000 up.
struct LinuxScenarioOptions
{
    quint64 seed = 1;
    QString host = QStringLiteral("build-07");
    QDateTime start = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    qint64 noiseEvents = 0;
    // Of noiseEvents, benign package installs spread evenly through the noise (for the
    // open benchmark's many seeds): the ops shell runs `apt-get install -y benchpkgN`,
    // whose dpkg creates /usr/bin/benchpkgN; the shell then runs it once, and it
    // connects to the approved mirror (every tenth to 203.0.113.80:443, unlisted).
    // Eleven audit events each; audit.log only (dpkg.log keeps the stories).
    qint64 noiseInstalls = 0;
};

// Ground truth, so that tests reference the generator's definition instead of copying
// constants. Times are UTC with the millisecond of the audit record; `serial` is the
// audit serial of the event.

struct LinuxScenarioExec
{
    QDateTime time;
    qint64 serial = 0;
    qint64 pid = 0;
    qint64 ppid = 0;
    quint32 uid = 0;
    QString exe; // the image that runs (for a script: its interpreter)
    QString path; // the file passed to execve
    QStringList argv; // as the EXECVE record has it
};

struct LinuxScenarioWrite
{
    QDateTime time;
    qint64 serial = 0;
    QString path; // the name in the PATH record the write is about
    // The executable the write produces: `path` itself, or for dpkg's temporary names
    // (<path>.dpkg-new, <path>.dpkg-tmp) the final path.
    QString target;
    QString syscall; // openat, rename, link, unlink, fchmodat
    QString nametype; // nametype of `path`'s PATH record: CREATE, NORMAL, DELETE
    qint64 pid = 0;
    QString exe; // the writing process's image
};

struct LinuxScenarioConnect
{
    QDateTime time;
    qint64 serial = 0;
    qint64 pid = 0;
    QString exe;
    QString address; // dotted IPv4
    quint16 port = 0;
    int exitCode = 0; // 0, or -115 (EINPROGRESS) for a non-blocking connect
    bool approved = false; // inside LinuxScenarioResult::approvedUpdateHosts
};

// The first run of one binary the story wrote, and what it led to.
struct LinuxScenarioRun
{
    LinuxScenarioExec exec;
    // Successful execs below the first run, in time order (failed $PATH probes left out).
    QList<LinuxScenarioExec> descendants;
    // connect() calls by the first run or its descendants, in time order.
    QList<LinuxScenarioConnect> egress;
};

struct LinuxScenarioStory
{
    QString label; // "a", "b", "c", "d"
    QString title;
    // What a correct correlation reports for this story with the default 90-minute
    // window and the approved hosts below: a mismatched chain (a, d) or none (b, c).
    bool expectMismatchedChain = false;
    // Mismatch flags (correlator.h's names) that chain must carry at least; set for
    // the stories expected to be suspicious (a, d), empty for the others.
    QStringList expectedMismatches;
    // "apt": dpkg.log and history.log record the install too; "npm": only audit.log.
    QString packageManager = QStringLiteral("apt");
    // apt: name:arch of every package installed or upgraded; npm: name@version.
    QStringList packages;
    QString package; // the package the story is about
    QString version;
    QString oldVersion; // empty for a fresh install
    QString repoUrl;
    QString repoAddress; // where apt's http method (npm itself) connected
    bool repoApproved = false;
    // apt-get's, as history.log has it; for npm the installer's argv joined by spaces.
    QString commandLine;
    // Stage 1: the apt-get execve; for npm node's execve (the same pid exec'd
    // /usr/bin/env just before).
    LinuxScenarioExec install;
    // history.log End-Date; for npm the second of its exit (both whole seconds).
    QDateTime installEnd;
    // npm: successful execs below the installer before the first run, in time order
    // (the lifecycle sh, node install.js, curl, chmod). Empty for apt stories.
    QList<LinuxScenarioExec> installDescendants;
    // npm: connect() calls of the installer and its descendants (the registry, the
    // script's download), in time order. Empty for apt stories.
    QList<LinuxScenarioConnect> installEgress;
    QList<LinuxScenarioWrite> writes; // audited writes in program paths, in time order
    // False when no record shows toolPath being written (d: it lands in /tmp, which no
    // watch covers); a correct correlation still counts its run as a first run.
    bool writeObserved = true;
    QString toolPath; // the binary whose first run the story is about
    QList<LinuxScenarioRun> firstRuns; // the first run of each written binary that ran
    const LinuxScenarioRun *firstRunOf(const QString &path) const;
};

struct LinuxScenarioResult
{
    QStringList files; // absolute paths of the files written
    QString error; // empty on success

    QString host;
    QDateTime start; // first audit record
    QDateTime end; // last story event
    int windowMinutes = 90; // the window the stories are designed around
    // The host's documented approved update hosts (names and CIDRs), for the case policy.
    QStringList approvedUpdateHosts;
    // The addresses no policy should approve (where (a), (c) and (d) connect).
    QStringList unlistedNetworks;
    QList<LinuxScenarioStory> stories; // a, b, c, d
    const LinuxScenarioStory *story(const QString &label) const;

    qint64 auditEvents = 0; // distinct events (serials) in audit.log
    qint64 auditRecords = 0; // lines in audit.log
    qint64 noiseEvents = 0; // of auditEvents, how many are noise
    qint64 auditBytes = 0;
};

LinuxScenarioResult writeLinuxScenario(const QString &directory, const LinuxScenarioOptions &options);

} // namespace Chainscope
