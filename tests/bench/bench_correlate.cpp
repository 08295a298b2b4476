// Correlation benchmark: how long a case takes to index (events → process graph)
// and how long a chain recompute takes after a policy change, both the full kind
// (the window changed) and the incremental kind (only allow-lists changed).
//
//   chainscope-bench-correlate CASE [POLICY.json]
//   chainscope-bench-correlate --seeds N [--noise N] [--hosts N]
//
// The first form indexes an imported case. The second builds a fleet's month in
// memory from the public model API (CaseIndex::build with events in time order, as
// the tests' Timeline does): N package installs (apt-get / unattended-upgrade → dpkg
// on Linux hosts, msiexec on Windows hosts), each writing into monitored paths, one
// written binary starting minutes later and connecting out, among background noise.
// Deterministic: the same arguments give the same events.
//
// Prints key=value lines; the per-million figures are what docs/benchmarks.md tracks.

#include "caseindex.h"
#include "casestore.h"
#include "correlator.h"
#include "splitmix.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <map>

using namespace Chainscope;

namespace {

using Random = SplitMix64;

constexpr qint64 Ms = 1000;
constexpr qint64 Second = 1000 * Ms;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

// What the generator put in, to hold the verdicts against.
struct Truth
{
    qint64 linuxInstalls = 0;
    qint64 windowsInstalls = 0;
    qint64 updateSessions = 0; // usoclient sessions: seeds without a chain
    qint64 stagedCustomActions = 0;
    qint64 unlistedEgress = 0; // first run connects to 203.0.113.x within minutes
    qint64 lateEgress = 0; // ... 100-200 min after the install (outside 90m, inside 4h)
    qint64 lateFirstRun = 0; // the written binary first runs 100-200 min after the install
    qint64 seedEvents = 0;
    qint64 noiseEvents = 0;
};

// A fleet's month: a few hundred hosts (two thirds Debian, one third Windows with
// Sysmon), package installs spread over the month, background noise throughout.
class FleetMonth
{
public:
    FleetMonth(CaseIndex &index, qint64 seeds, qint64 noise, int hosts)
        : m_index(index)
        , m_random(1)
        , m_seeds(seeds)
        , m_noise(noise)
        , m_hostCount(hosts)
    {
    }

    // The events in (time, id) order, as the case store hands them over.
    QList<IndexedEvent> generate();
    const Truth &truth() const { return m_truth; }
    // The site policy: the mirrors and service endpoints the fleet uses (192.0.2.0/24)
    // and the signers of the software it runs. 203.0.113.0/24 is not on it.
    static Policy policy();

private:
    struct Proc
    {
        qint64 pid = -1;
        qint64 ppid = -1;
        qint32 image = 0;
        qint32 commandLine = 0;
        qint32 guid = 0; // Windows: Sysmon ProcessGuid
        qint32 parentGuid = 0;
        qint32 parentImage = 0;
    };
    struct Host
    {
        qint32 name = 0;
        Platform platform = Platform::Linux;
        int index = 0;
        qint64 nextSeedPid = 100000; // installs and what they start
        qint64 nextNoisePid = 1000000; // noise: its own range, so pids never meet
        qint64 processes = 0; // for GUIDs
        // Long-lived processes, started at the beginning of the month.
        Proc systemd, minion, zabbix, shell; // Linux
        Proc services, svchostNet, svchostWu, agent, explorer; // Windows
        std::map<int, int> versions; // product -> installs so far
    };
    struct Product
    {
        QString name;
        QString vendor; // Windows: folder and signer
        bool opt = false; // Linux: /opt/NAME/bin/NAME instead of /usr/bin/NAME
    };

    qint32 str(const QString &s) { return m_index.strings.intern(s); }
    IndexedEvent &add(qint64 t, EventKind kind, const Host &h, const Proc &p);
    Proc newProc(Host &h, bool seed, const Proc &parent, const QString &image, const QString &commandLine);
    // Linux: fork then exec, as auditd shows it. Windows: one process start (Sysmon 1).
    Proc start(qint64 t, Host &h, bool seed, const Proc &parent, const QString &image, const QString &commandLine);
    void exit(qint64 t, const Host &h, const Proc &p);
    void write(qint64 t, const Host &h, const Proc &p, const QString &path, bool rename = false);
    void connect(qint64 t, const Host &h, const Proc &p, const QString &ip, int port);
    void load(qint64 t, const Host &h, const Proc &p, const QString &path, const QString &signer);
    QString hashOf(const QString &what);

    void bootHost(Host &h, qint64 t);
    void linuxInstall(qint64 t, Host &h);
    void windowsInstall(qint64 t, Host &h);
    void updateSession(qint64 t, Host &h);
    // Where the installed binary's connection goes, and when; counts it in the truth.
    struct Outcome
    {
        qint64 firstRunDelay = 0;
        qint64 egressDelay = 0; // after the first run
        QString ip;
    };
    Outcome outcome();
    qint64 noiseUnit(qint64 t, Host &h);

    CaseIndex &m_index;
    Random m_random;
    qint64 m_seeds;
    qint64 m_noise;
    int m_hostCount;
    QList<Host> m_hosts;
    QList<Product> m_linuxProducts;
    QList<Product> m_windowsProducts;
    QList<IndexedEvent> m_events;
    Truth m_truth;
};

Policy FleetMonth::policy()
{
    Policy p = Policy::defaults();
    p.approvedUpdateHosts = {QStringLiteral("deb.debian.org"), QStringLiteral("security.debian.org"),
        QStringLiteral("mirror.corp.example"), QStringLiteral("192.0.2.0/24")};
    p.approvedSigners = {QStringLiteral("Microsoft Windows"), QStringLiteral("Microsoft Corporation")};
    for (const char *vendor : {"Contoso Ltd", "Fabrikam Inc", "Northwind Traders", "Tailspin Toys", "Litware Inc",
             "Adventure Works", "Wide World Importers", "Proseware Inc"})
        p.approvedSigners << QLatin1String(vendor);
    p.compile();
    return p;
}

IndexedEvent &FleetMonth::add(qint64 t, EventKind kind, const Host &h, const Proc &p)
{
    IndexedEvent e;
    e.id = m_events.size() + 1;
    e.timeUs = t;
    e.kind = kind;
    e.host = h.name;
    e.platform = h.platform;
    e.pid = p.pid;
    e.image = p.image;
    if (h.platform == Platform::Windows)
        e.processGuid = p.guid;
    m_events.append(e);
    return m_events.last();
}

FleetMonth::Proc FleetMonth::newProc(
    Host &h, bool seed, const Proc &parent, const QString &image, const QString &commandLine)
{
    Proc p;
    qint64 &next = seed ? h.nextSeedPid : h.nextNoisePid;
    next += m_random.between(1, 3);
    p.pid = h.platform == Platform::Windows ? next * 4 : next;
    p.ppid = parent.pid;
    p.image = str(image);
    p.commandLine = str(commandLine.isEmpty() ? image : commandLine);
    if (h.platform == Platform::Windows) {
        ++h.processes;
        p.guid = str(QStringLiteral("{6c1e%1-5a3f-6740-%2-%3}")
                         .arg(h.index, 4, 16, QLatin1Char('0'))
                         .arg(h.processes >> 48, 4, 16, QLatin1Char('0'))
                         .arg(h.processes & 0xffffffffffffLL, 12, 16, QLatin1Char('0')));
        p.parentGuid = parent.guid;
        p.parentImage = parent.image;
    }
    return p;
}

FleetMonth::Proc FleetMonth::start(
    qint64 t, Host &h, bool seed, const Proc &parent, const QString &image, const QString &commandLine)
{
    const Proc p = newProc(h, seed, parent, image, commandLine);
    if (h.platform == Platform::Linux) {
        IndexedEvent &f = add(t, EventKind::ProcessStart, h, p);
        f.ppid = parent.pid;
        f.image = parent.image;
        f.fork = true;
        t += 300 + m_random.between(0, 700);
    }
    IndexedEvent &e = add(t, EventKind::ProcessStart, h, p);
    e.ppid = parent.pid;
    e.commandLine = p.commandLine;
    e.target = p.image;
    if (h.platform == Platform::Windows) {
        e.parentGuid = p.parentGuid;
        e.parentImage = p.parentImage;
        e.parentCommandLine = parent.commandLine;
    }
    return p;
}

void FleetMonth::exit(qint64 t, const Host &h, const Proc &p)
{
    add(t, EventKind::ProcessExit, h, p);
}

void FleetMonth::write(qint64 t, const Host &h, const Proc &p, const QString &path, bool rename)
{
    add(t, rename ? EventKind::FileRename : EventKind::FileWrite, h, p).target = str(path);
}

void FleetMonth::connect(qint64 t, const Host &h, const Proc &p, const QString &ip, int port)
{
    IndexedEvent &e = add(t, EventKind::NetConnect, h, p);
    e.dstIp = str(ip);
    e.dstPort = port;
}

void FleetMonth::load(qint64 t, const Host &h, const Proc &p, const QString &path, const QString &signer)
{
    IndexedEvent &e = add(t, EventKind::ModuleLoad, h, p);
    e.target = str(path);
    e.signer = str(signer);
    e.signatureStatus = str(QStringLiteral("Valid"));
}

QString FleetMonth::hashOf(const QString &what)
{
    // Not a real digest: 64 hex digits that differ per product version.
    quint64 h = qHash(what, 7);
    QString hex;
    for (int i = 0; i < 4; ++i) {
        h = h * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL;
        hex += QStringLiteral("%1").arg(h, 16, 16, QLatin1Char('0'));
    }
    return QStringLiteral("SHA256=") + hex.toUpper();
}

void FleetMonth::bootHost(Host &h, qint64 t)
{
    if (h.platform == Platform::Linux) {
        h.systemd.pid = 1;
        h.systemd.image = str(QStringLiteral("/usr/lib/systemd/systemd"));
        h.systemd.commandLine = str(QStringLiteral("/sbin/init"));
        IndexedEvent &e = add(t, EventKind::ProcessStart, h, h.systemd);
        e.ppid = 0;
        e.commandLine = h.systemd.commandLine;
        e.target = h.systemd.image;
        h.minion = start(t + 2 * Second, h, true, h.systemd, QStringLiteral("/usr/bin/python3"),
            QStringLiteral("/usr/bin/python3 /usr/bin/salt-minion"));
        h.zabbix = start(t + 3 * Second, h, true, h.systemd, QStringLiteral("/usr/sbin/zabbix_agentd"),
            QStringLiteral("/usr/sbin/zabbix_agentd -c /etc/zabbix/zabbix_agentd.conf"));
        const Proc sshd = start(t + 4 * Second, h, true, h.systemd, QStringLiteral("/usr/sbin/sshd"),
            QStringLiteral("sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"));
        h.shell = start(t + 5 * Second, h, true, sshd, QStringLiteral("/usr/bin/bash"), QStringLiteral("-bash"));
        return;
    }
    Proc wininit;
    wininit.pid = 560;
    wininit.image = str(QStringLiteral("C:\\Windows\\System32\\wininit.exe"));
    // Known only as services.exe's parent, by a GUID no process of newProc() gets: a
    // start with the same GUID would become this process and the whole host its tree.
    wininit.guid = str(QStringLiteral("{6c1e%1-5a3f-6740-ffff-000000000001}").arg(h.index, 4, 16, QLatin1Char('0')));
    h.services = start(t, h, true, wininit, QStringLiteral("C:\\Windows\\System32\\services.exe"), QString());
    h.svchostNet = start(t + 2 * Second, h, true, h.services, QStringLiteral("C:\\Windows\\System32\\svchost.exe"),
        QStringLiteral("C:\\Windows\\system32\\svchost.exe -k netsvcs -p"));
    h.svchostWu = start(t + 3 * Second, h, true, h.services, QStringLiteral("C:\\Windows\\System32\\svchost.exe"),
        QStringLiteral("C:\\Windows\\system32\\svchost.exe -k wusvcs -p"));
    h.agent
        = start(t + 4 * Second, h, true, h.services, QStringLiteral("C:\\Program Files\\FleetAgent\\fleetagent.exe"),
            QStringLiteral("\"C:\\Program Files\\FleetAgent\\fleetagent.exe\" -service"));
    Proc userinit;
    userinit.pid = 3300;
    userinit.image = str(QStringLiteral("C:\\Windows\\System32\\userinit.exe"));
    h.explorer = start(t + 30 * Second, h, true, userinit, QStringLiteral("C:\\Windows\\explorer.exe"),
        QStringLiteral("C:\\Windows\\Explorer.EXE"));
}

FleetMonth::Outcome FleetMonth::outcome()
{
    Outcome o;
    o.firstRunDelay = m_random.between(2 * Minute, 25 * Minute);
    o.egressDelay = m_random.between(1 * Second, 90 * Second);
    o.ip = QStringLiteral("192.0.2.%1").arg(m_random.between(30, 60));
    const qint64 roll = m_random.between(0, 99);
    if (roll < 3) {
        ++m_truth.unlistedEgress;
        o.ip = QStringLiteral("203.0.113.%1").arg(m_random.between(2, 250));
    } else if (roll < 5) {
        ++m_truth.lateEgress;
        o.ip = QStringLiteral("203.0.113.%1").arg(m_random.between(2, 250));
        o.egressDelay = m_random.between(100 * Minute, 200 * Minute) - o.firstRunDelay;
    } else if (roll < 6) {
        ++m_truth.lateFirstRun;
        o.firstRunDelay = m_random.between(100 * Minute, 200 * Minute);
    }
    return o;
}

void FleetMonth::linuxInstall(qint64 t, Host &h)
{
    ++m_truth.linuxInstalls;
    const int which = int(m_random.between(0, m_linuxProducts.size() - 1));
    const Product &product = m_linuxProducts.at(which);
    const int version = ++h.versions[which];
    const QString ver = QStringLiteral("%1.%2-1+deb12u%3").arg(1 + which % 7).arg(version).arg(h.index % 5 + 1);
    const QString binary = product.opt ? QStringLiteral("/opt/%1/bin/%1").arg(product.name)
                                       : QStringLiteral("/usr/bin/%1").arg(product.name);

    // The installer: apt-get from the fleet's configuration agent, or the daily
    // unattended-upgrade from systemd. It fetches the package from the mirror.
    Proc installer;
    if (m_random.chance(70)) {
        installer = start(t, h, true, h.minion, QStringLiteral("/usr/bin/apt-get"),
            QStringLiteral("apt-get install -y --only-upgrade %1").arg(product.name));
    } else {
        installer = start(t, h, true, h.systemd, QStringLiteral("/usr/bin/python3"),
            QStringLiteral("/usr/bin/python3 /usr/bin/unattended-upgrade"));
    }
    connect(t + 400 * Ms, h, installer, QStringLiteral("192.0.2.10"), 80);
    connect(t + 1100 * Ms, h, installer, QStringLiteral("192.0.2.10"), 80);

    // dpkg unpacks (the package log says so too), then configures: the postinst
    // restarts the service through systemctl.
    qint64 at = t + 6 * Second;
    const Proc unpack = start(at, h, true, installer, QStringLiteral("/usr/bin/dpkg"),
        QStringLiteral("/usr/bin/dpkg --status-fd 23 --no-triggers --unpack --auto-deconfigure "
                       "/var/cache/apt/archives/%1_%2_amd64.deb")
            .arg(product.name, ver));
    IndexedEvent &package = add(at + Second, EventKind::PackageInstall, h, Proc());
    package.image = str(QStringLiteral("dpkg"));
    package.target = str(QStringLiteral("%1:amd64").arg(product.name));
    at += 1200 * Ms;
    write(at, h, unpack, binary + QStringLiteral(".dpkg-new"));
    write(at + 20 * Ms, h, unpack, binary, true);
    write(at + 40 * Ms, h, unpack,
        QStringLiteral("/usr/lib/x86_64-linux-gnu/lib%1.so.%2").arg(product.name).arg(version));
    write(at + 60 * Ms, h, unpack, QStringLiteral("/usr/share/doc/%1/changelog.Debian.gz").arg(product.name));
    write(at + 80 * Ms, h, unpack, QStringLiteral("/var/lib/dpkg/info/%1.list").arg(product.name));
    exit(at + 300 * Ms, h, unpack);
    at += 2 * Second;
    const Proc configure = start(at, h, true, installer, QStringLiteral("/usr/bin/dpkg"),
        QStringLiteral("/usr/bin/dpkg --status-fd 23 --configure --pending"));
    const Proc postinst = start(at + 100 * Ms, h, true, configure, QStringLiteral("/usr/bin/dash"),
        QStringLiteral("/bin/sh /var/lib/dpkg/info/%1.postinst configure").arg(product.name));
    const Proc systemctl = start(at + 200 * Ms, h, true, postinst, QStringLiteral("/usr/bin/systemctl"),
        QStringLiteral("systemctl --system daemon-reload"));
    exit(at + 400 * Ms, h, systemctl);
    exit(at + 500 * Ms, h, postinst);
    exit(at + 600 * Ms, h, configure);
    exit(at + 800 * Ms, h, installer);

    // The written binary's first run (systemd starts the service) and its connection.
    const Outcome o = outcome();
    const qint64 runAt = t + o.firstRunDelay;
    const Proc service = start(
        runAt, h, true, h.systemd, binary, QStringLiteral("%1 --config /etc/%2/%2.conf").arg(binary, product.name));
    connect(runAt + o.egressDelay, h, service, o.ip, 443);
    exit(runAt + o.egressDelay + m_random.between(1 * Hour, 8 * Hour), h, service);
}

void FleetMonth::windowsInstall(qint64 t, Host &h)
{
    ++m_truth.windowsInstalls;
    const int which = int(m_random.between(0, m_windowsProducts.size() - 1));
    const Product &product = m_windowsProducts.at(which);
    const int version = ++h.versions[1000 + which];
    const QString folder = QStringLiteral("C:\\Program Files\\%1\\%2").arg(product.vendor, product.name);
    const QString exe = folder + QStringLiteral("\\%1.exe").arg(product.name);
    const QString dll = folder + QStringLiteral("\\%1core.dll").arg(product.name);
    const QString msiexec = QStringLiteral("C:\\Windows\\System32\\msiexec.exe");
    const QString ntdll = QStringLiteral("C:\\Windows\\System32\\ntdll.dll");
    const QString microsoft = QStringLiteral("Microsoft Windows");

    // The fleet agent downloaded the package; msiexec installs it.
    const Proc installer = start(t, h, true, h.agent, msiexec,
        QStringLiteral("\"%1\" /i \"C:\\ProgramData\\FleetAgent\\cache\\%2-%3.%4.msi\" /qn /norestart")
            .arg(msiexec, product.name)
            .arg(which % 9 + 1)
            .arg(version));
    load(t + 40 * Ms, h, installer, ntdll, microsoft);
    load(t + 50 * Ms, h, installer, QStringLiteral("C:\\Windows\\System32\\msi.dll"), microsoft);
    qint64 at = t + 3 * Second;
    if (m_random.chance(10)) {
        // A custom action from the Windows Installer's staging folder.
        ++m_truth.stagedCustomActions;
        const QString action = QStringLiteral("C:\\Windows\\Installer\\MSI%1.tmp")
                                   .arg(QString::number(m_random.between(0x1000, 0xffff), 16).toUpper());
        const Proc custom = start(at, h, true, installer, action, QStringLiteral("%1 -install").arg(action));
        load(at + 30 * Ms, h, custom, action, product.vendor);
        exit(at + 2 * Second, h, custom);
        at += 2 * Second;
    }
    write(at, h, installer, exe);
    write(at + 100 * Ms, h, installer, dll);
    write(at + 200 * Ms, h, installer,
        QStringLiteral("C:\\ProgramData\\%1\\%2\\config.xml").arg(product.vendor, product.name));
    exit(at + 15 * Second, h, installer);

    // The service starts the new version some minutes later: Sysmon 1 with hashes
    // (a new hash of a file the host knew: hash drift, a note), its image and its
    // library load, and a connection.
    const Outcome o = outcome();
    const qint64 runAt = t + o.firstRunDelay;
    const Proc service = start(runAt, h, true, h.services, exe, QStringLiteral("\"%1\" -service").arg(exe));
    m_events.last().hashes = str(hashOf(QStringLiteral("%1 %2").arg(exe).arg(version)));
    load(runAt + 20 * Ms, h, service, exe, product.vendor);
    load(runAt + 25 * Ms, h, service, ntdll, microsoft);
    load(runAt + 30 * Ms, h, service, dll, product.vendor);
    connect(runAt + o.egressDelay, h, service, o.ip, 443);
    exit(runAt + o.egressDelay + m_random.between(1 * Hour, 8 * Hour), h, service);
}

void FleetMonth::updateSession(qint64 t, Host &h)
{
    // Windows Update: the client starts a session, the service host does the work.
    // Everything it loads is validly signed: a seed, no chain.
    ++m_truth.updateSessions;
    const Proc client = start(t, h, true, h.svchostNet, QStringLiteral("C:\\Windows\\System32\\usoclient.exe"),
        QStringLiteral("C:\\Windows\\system32\\usoclient.exe StartInstall"));
    const QString microsoft = QStringLiteral("Microsoft Windows");
    load(t + 10 * Second, h, h.svchostWu, QStringLiteral("C:\\Windows\\System32\\wuaueng.dll"), microsoft);
    load(t + 11 * Second, h, h.svchostWu, QStringLiteral("C:\\Windows\\System32\\wuapi.dll"), microsoft);
    load(t + 12 * Second, h, h.svchostWu, QStringLiteral("C:\\Windows\\System32\\UpdateAgent.dll"), microsoft);
    exit(t + 40 * Second, h, client);
}

qint64 FleetMonth::noiseUnit(qint64 t, Host &h)
{
    const qsizetype before = m_events.size();
    if (h.platform == Platform::Linux) {
        // An operator's command (fork, exec, exit), or the monitoring agent's check-in.
        static const char *const commands[][2] = {
            {"/usr/bin/ls", "ls -la"},
            {"/usr/bin/cat", "cat /etc/hostname"},
            {"/usr/bin/grep", "grep -c connection reset /var/log/app/app.log"},
            {"/usr/bin/ps", "ps aux"},
            {"/usr/bin/df", "df -h"},
            {"/usr/bin/uptime", "uptime"},
            {"/usr/bin/git", "git status --short"},
            {"/usr/bin/tail", "tail -n 50 /var/log/app/app.log"},
            {"/usr/bin/python3", "python3 manage.py check"},
            {"/usr/bin/journalctl", "journalctl -u nginx --since 1 hour ago"},
        };
        if (m_random.chance(80)) {
            const auto &c = commands[m_random.between(0, qint64(std::size(commands)) - 1)];
            const Proc p = start(t, h, false, h.shell, QLatin1String(c[0]), QLatin1String(c[1]));
            exit(t + m_random.between(2 * Ms, 2 * Second), h, p);
        } else {
            connect(t, h, h.zabbix, QStringLiteral("192.0.2.20"), 10051);
        }
    } else {
        static const char *const images[] = {
            "C:\\Windows\\System32\\conhost.exe",
            "C:\\Windows\\System32\\taskhostw.exe",
            "C:\\Windows\\System32\\RuntimeBroker.exe",
            "C:\\Windows\\System32\\SearchProtocolHost.exe",
            "C:\\Windows\\System32\\backgroundTaskHost.exe",
            "C:\\Windows\\System32\\dllhost.exe",
            "C:\\Windows\\System32\\wbem\\WmiPrvSE.exe",
        };
        if (m_random.chance(80)) {
            const QString image = QLatin1String(images[m_random.between(0, qint64(std::size(images)) - 1)]);
            const Proc &parent = m_random.chance(50) ? h.explorer : h.svchostNet;
            const Proc p = start(t, h, false, parent, image, QString());
            m_events.last().hashes = str(hashOf(image));
            const QString microsoft = QStringLiteral("Microsoft Windows");
            load(t + 5 * Ms, h, p, QStringLiteral("C:\\Windows\\System32\\ntdll.dll"), microsoft);
            load(t + 6 * Ms, h, p, QStringLiteral("C:\\Windows\\System32\\KernelBase.dll"), microsoft);
            exit(t + m_random.between(50 * Ms, 30 * Second), h, p);
        } else {
            connect(t, h, h.agent, QStringLiteral("192.0.2.20"), 443);
        }
    }
    return m_events.size() - before;
}

QList<IndexedEvent> FleetMonth::generate()
{
    // 2026-11-01T00:00:00Z, thirty days.
    const qint64 begin = qint64(1793491200) * Second;
    const qint64 span = 30 * Day;

    // Products: Debian services in /usr/bin or /opt, Windows applications by vendor.
    static const char *const linuxNames[] = {"nginx", "redis-server", "haproxy", "keepalived", "node-exporter",
        "filebeat", "telegraf", "consul", "vault", "nomad", "etcd", "minio", "grafana-agent", "chrony", "unbound",
        "rsyslogd", "fluent-bit", "osqueryd", "wazuh-agent", "falco"};
    static const char *const windowsNames[]
        = {"Backup", "Sync", "Notes", "Viewer", "Client", "Monitor", "Scanner", "Connect", "Sense", "Deploy"};
    static const char *const vendors[] = {"Contoso Ltd", "Fabrikam Inc", "Northwind Traders", "Tailspin Toys",
        "Litware Inc", "Adventure Works", "Wide World Importers", "Proseware Inc"};
    for (int i = 0; i < 3; ++i) {
        for (const char *name : linuxNames) {
            const QString n = i == 0 ? QLatin1String(name) : QStringLiteral("%1%2").arg(QLatin1String(name)).arg(i + 1);
            m_linuxProducts.append({n, QString(), (m_linuxProducts.size() % 4) == 3});
        }
    }
    for (const char *vendor : vendors) {
        for (const char *name : windowsNames) {
            const QString v = QLatin1String(vendor);
            m_windowsProducts.append({v.section(u' ', 0, 0) + QLatin1String(name), v, false});
        }
    }

    // Two thirds of the fleet is Debian, one third Windows.
    const int linuxHosts = qMax(1, m_hostCount * 2 / 3);
    for (int i = 0; i < m_hostCount; ++i) {
        Host h;
        h.index = i;
        h.platform = i < linuxHosts ? Platform::Linux : Platform::Windows;
        h.name = str(h.platform == Platform::Linux ? QStringLiteral("deb-%1").arg(i + 1, 3, 10, QLatin1Char('0'))
                                                   : QStringLiteral("WS-%1").arg(i + 1, 3, 10, QLatin1Char('0')));
        m_hosts.append(h);
    }
    for (Host &h : m_hosts)
        bootHost(h, begin + m_random.between(0, 10 * Minute));

    // The installs, spread over the month (not the last five hours: their late
    // events stay inside it), each on a host drawn at random.
    const qsizetype afterBoot = m_events.size();
    const qint64 from = begin + Hour;
    const qint64 installSpan = span - 6 * Hour;
    for (qint64 i = 0; i < m_seeds; ++i) {
        const qint64 slot = installSpan / qMax<qint64>(m_seeds, 1);
        const qint64 t
            = from + i * installSpan / qMax<qint64>(m_seeds, 1) + m_random.between(0, qMax<qint64>(slot - 1, 0));
        Host &h = m_hosts[m_random.between(0, m_hostCount - 1)];
        if (h.platform == Platform::Linux)
            linuxInstall(t, h);
        else if (m_random.chance(2))
            updateSession(t, h);
        else
            windowsInstall(t, h);
    }
    m_truth.seedEvents = m_events.size() - afterBoot;

    // Background noise until there are `noise` more events, evenly over the month.
    while (m_truth.noiseEvents < m_noise) {
        const double along = double(m_truth.noiseEvents) / double(m_noise);
        const qint64 t = begin + 15 * Minute + qint64(along * double(span - 15 * Minute)) + m_random.between(0, 999);
        m_truth.noiseEvents += noiseUnit(t, m_hosts[m_random.between(0, m_hostCount - 1)]);
    }

    // The case store's order: time, then id.
    QList<IndexedEvent> sorted = std::move(m_events);
    m_events.clear();
    std::stable_sort(sorted.begin(), sorted.end(), [](const IndexedEvent &a, const IndexedEvent &b) {
        return a.timeUs != b.timeUs ? a.timeUs < b.timeUs : a.id < b.id;
    });
    return sorted;
}

double peakRssMib()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

// The three recomputes after a policy change, as the workbench does them.
void timeRecomputes(QTextStream &out, Correlator &correlator, Policy policy, qint64 allEvents, qint64 seeds)
{
    QElapsedTimer clock;
    const auto timed = [&](const char *label) {
        clock.start();
        const QList<Chain> chains = correlator.run(policy);
        const double s = double(clock.nsecsElapsed()) / 1e9;
        int full = 0;
        qint64 evidence = 0;
        QMap<QString, int> verdicts;
        for (const Chain &c : chains) {
            full += c.isFull() && !c.approved;
            evidence += c.evidence.size();
            ++verdicts[verdictName(c.verdict)];
        }
        out << "recompute=" << label << " seconds=" << QString::number(s, 'f', 3)
            << " seconds_per_million_events=" << QString::number(s / (double(allEvents) / 1e6), 'f', 3);
        if (seeds > 0)
            out << " seconds_per_thousand_seeds=" << QString::number(s / (double(seeds) / 1e3), 'f', 3);
        out << " chains=" << chains.size() << " full=" << full;
        for (Verdict v : {Verdict::Suspicious, Verdict::Incomplete, Verdict::Approved})
            out << ' ' << verdictName(v) << '=' << verdicts.value(verdictName(v));
        out << " evidence_items=" << evidence << " reused_seeds=" << correlator.reusedSeeds() << '\n';
        out.flush();
    };
    timed("initial");
    QString error;
    policy.applyAssignment(QStringLiteral("TimeWindow=4h"), &error);
    timed("window-changed");
    policy.applyAssignment(QStringLiteral("ApprovedUpdateHosts+=203.0.113.0/24"), &error);
    timed("allow-list-changed");
}

int usage()
{
    QTextStream(stderr) << "usage: chainscope-bench-correlate CASE [POLICY.json]\n"
                           "       chainscope-bench-correlate --seeds N [--noise N] [--hosts N]\n";
    return 1;
}

int benchCase(QTextStream &out, const QString &casePath, const QString &policyPath)
{
    auto store = CaseStore::open(casePath);
    const qint64 allEvents = store->eventCount();
    QElapsedTimer clock;
    clock.start();
    CaseIndex index;
    index.load(*store);
    const double indexSeconds = double(clock.nsecsElapsed()) / 1e9;
    Correlator correlator(index);
    Policy policy = store->policy();
    if (!policyPath.isEmpty()) {
        // The site policy the evidence came with (the demo's approved mirrors).
        QFile file(policyPath);
        QString error;
        std::optional<Policy> loaded;
        if (file.open(QIODevice::ReadOnly))
            loaded = Policy::fromJson(QJsonDocument::fromJson(file.readAll()).object(), &error);
        if (!loaded) {
            QTextStream(stderr) << "cannot use policy " << file.fileName() << ": " << error << '\n';
            return 1;
        }
        policy = *loaded;
    }
    out << "events=" << allEvents << " indexed=" << index.loadedEvents() << " processes=" << index.processes().size()
        << " index_seconds=" << QString::number(indexSeconds, 'f', 2) << '\n';
    out.flush();
    timeRecomputes(out, correlator, policy, allEvents, 0);
    out << "peak_rss_mib=" << QString::number(peakRssMib(), 'f', 1) << '\n';
    return 0;
}

int benchSeeds(QTextStream &out, qint64 seeds, qint64 noise, int hosts)
{
    QElapsedTimer clock;
    clock.start();
    CaseIndex index;
    FleetMonth month(index, seeds, noise, hosts);
    QList<IndexedEvent> events = month.generate();
    const double generateSeconds = double(clock.nsecsElapsed()) / 1e9;
    const qint64 allEvents = events.size();
    const Truth &t = month.truth();
    out << "case=seeds seeds=" << seeds << " hosts=" << hosts << " linux_installs=" << t.linuxInstalls
        << " windows_installs=" << t.windowsInstalls << " update_sessions=" << t.updateSessions
        << " staged_custom_actions=" << t.stagedCustomActions << " unlisted_egress=" << t.unlistedEgress
        << " late_egress=" << t.lateEgress << " late_first_run=" << t.lateFirstRun << '\n';
    out << "seed_events=" << t.seedEvents << " noise_events=" << t.noiseEvents
        << " generate_seconds=" << QString::number(generateSeconds, 'f', 2) << '\n';
    out.flush();

    clock.restart();
    index.build(std::move(events));
    const double indexSeconds = double(clock.nsecsElapsed()) / 1e9;
    out << "events=" << allEvents << " indexed=" << index.loadedEvents() << " processes=" << index.processes().size()
        << " index_seconds=" << QString::number(indexSeconds, 'f', 2)
        << " index_seconds_per_million_events=" << QString::number(indexSeconds / (double(allEvents) / 1e6), 'f', 2)
        << '\n';
    out.flush();
    Correlator correlator(index);
    timeRecomputes(out, correlator, FleetMonth::policy(), allEvents, seeds);
    out << "peak_rss_mib=" << QString::number(peakRssMib(), 'f', 1) << '\n';
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments().mid(1);
    if (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        qint64 seeds = -1;
        qint64 noise = 1000000;
        qint64 hosts = 300;
        for (qsizetype i = 0; i < args.size(); i += 2) {
            bool ok = false;
            const qint64 value = i + 1 < args.size() ? args.at(i + 1).toLongLong(&ok) : 0;
            if (!ok || value < 0)
                return usage();
            if (args.at(i) == u"--seeds")
                seeds = value;
            else if (args.at(i) == u"--noise")
                noise = value;
            else if (args.at(i) == u"--hosts" && value >= 1 && value <= 10000)
                hosts = value;
            else
                return usage();
        }
        if (seeds < 0)
            return usage();
        return benchSeeds(out, seeds, noise, int(hosts));
    }
    if (args.isEmpty() || args.size() > 2)
        return usage();
    return benchCase(out, args.at(0), args.value(1));
}
