#include "windowsscenario.h"

#include "evtxwriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRandomGenerator>

namespace Chainscope {

namespace {

constexpr qint64 Ms = 1000;
constexpr qint64 Second = 1000 * Ms;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Day = 24 * 60 * Minute;

const QString SysmonProvider = QStringLiteral("Microsoft-Windows-Sysmon");
const QString SysmonGuid = QStringLiteral("{5770385F-C22A-43E0-BF4C-06F5698FFBD9}");
const QString SysmonChannel = QStringLiteral("Microsoft-Windows-Sysmon/Operational");

QString sysmonTime(qint64 us)
{
    return QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

// Stable stand-ins for file hashes: the same file version always hashes the same.
QString fileHashes(const QString &path, const QString &version)
{
    const QByteArray key = (path.toLower() + QLatin1Char('|') + version).toUtf8();
    const auto hex = [&](QCryptographicHash::Algorithm a) {
        return QString::fromLatin1(QCryptographicHash::hash(key, a).toHex().toUpper());
    };
    return QStringLiteral("SHA1=%1,MD5=%2,SHA256=%3,IMPHASH=%4")
        .arg(hex(QCryptographicHash::Sha1), hex(QCryptographicHash::Md5), hex(QCryptographicHash::Sha256),
            hex(QCryptographicHash::Md5).left(32));
}

struct Process
{
    QString guid;
    qint64 pid = 0;
    QString image;
    QString commandLine;
    QString user;
    QString integrity = QStringLiteral("Medium");
    QString currentDirectory;
};

// Writes the events of one host's Sysmon log.
class SysmonLog
{
public:
    SysmonLog(const QString &computer, quint32 machineId, QRandomGenerator &rng)
        : m_computer(computer)
        , m_machine(machineId)
        , m_rng(rng)
    {
    }

    QList<WinEventRecord> records;

    // Sysmon process GUIDs: machine id, then the start time's bits, then a counter.
    Process process(qint64 pid, const QString &image, const QString &commandLine, const QString &user, qint64 timeUs)
    {
        Process p;
        p.pid = pid;
        p.image = image;
        p.commandLine = commandLine;
        p.user = user;
        const quint32 t = quint32(timeUs / Second);
        p.guid = QStringLiteral("{%1-%2-%3-%4-%5}")
                     .arg(m_machine, 8, 16, QLatin1Char('0'))
                     .arg(t >> 16, 4, 16, QLatin1Char('0'))
                     .arg(t & 0xffff, 4, 16, QLatin1Char('0'))
                     .arg(++m_counter & 0xffff, 4, 16, QLatin1Char('0'))
                     .arg(quint64(m_rng.generate64() & 0xffffffffffffULL), 12, 16, QLatin1Char('0'))
                     .toUpper();
        const qsizetype slash = image.lastIndexOf(QLatin1Char('\\'));
        p.currentDirectory = slash > 0 ? image.left(slash + 1) : QStringLiteral("C:\\Windows\\system32\\");
        return p;
    }

    // `originalFileName` is the name in the image's version resource; empty: the image's.
    void processCreate(qint64 t, const Process &p, const Process &parent, const QString &version,
        const QString &company, const QString &product, const QString &description,
        const QString &originalFileName = QString())
    {
        WinEventRecord r = head(1, 5, t, p);
        add(r, "Image", p.image);
        add(r, "FileVersion", version);
        add(r, "Description", description);
        add(r, "Product", product);
        add(r, "Company", company);
        add(r, "OriginalFileName", originalFileName.isEmpty() ? fileName(p.image) : originalFileName);
        add(r, "CommandLine", p.commandLine);
        add(r, "CurrentDirectory", p.currentDirectory);
        add(r, "User", p.user);
        add(r, "LogonGuid",
            QStringLiteral("{%1-0000-0000-1234-0A0B00000000}").arg(m_machine, 8, 16, QLatin1Char('0')).toUpper());
        add(r, "LogonId",
            p.user.startsWith(QLatin1String("NT AUTHORITY")) ? QStringLiteral("0x3e7") : QStringLiteral("0x1b2c4"));
        add(r, "TerminalSessionId",
            p.user.startsWith(QLatin1String("NT AUTHORITY")) ? QStringLiteral("0") : QStringLiteral("1"));
        add(r, "IntegrityLevel", p.integrity);
        add(r, "Hashes", fileHashes(p.image, version));
        add(r, "ParentProcessGuid", parent.guid);
        add(r, "ParentProcessId", QString::number(parent.pid));
        add(r, "ParentImage", parent.image);
        add(r, "ParentCommandLine", parent.commandLine);
        add(r, "ParentUser", parent.user);
        records.append(r);
    }

    void processTerminate(qint64 t, const Process &p)
    {
        WinEventRecord r = head(5, 3, t, p);
        add(r, "Image", p.image);
        add(r, "User", p.user);
        records.append(r);
    }

    void fileCreate(qint64 t, const Process &p, const QString &target)
    {
        WinEventRecord r = head(11, 2, t, p);
        add(r, "Image", p.image);
        add(r, "TargetFilename", target);
        add(r, "CreationUtcTime", sysmonTime(t - 3 * Ms));
        add(r, "User", p.user);
        records.append(r);
    }

    void imageLoad(qint64 t, const Process &p, const QString &module, const QString &version, const QString &company,
        bool isSigned, const QString &signature)
    {
        WinEventRecord r = head(7, 3, t, p);
        add(r, "Image", p.image);
        add(r, "ImageLoaded", module);
        add(r, "FileVersion", version);
        add(r, "Description", QStringLiteral("-"));
        add(r, "Product", QStringLiteral("-"));
        add(r, "Company", company);
        add(r, "OriginalFileName", fileName(module));
        add(r, "Hashes", fileHashes(module, version));
        add(r, "Signed", isSigned ? QStringLiteral("true") : QStringLiteral("false"));
        add(r, "Signature", isSigned ? signature : QStringLiteral("-"));
        add(r, "SignatureStatus", isSigned ? QStringLiteral("Valid") : QStringLiteral("Unavailable"));
        add(r, "User", p.user);
        records.append(r);
    }

    void dnsQuery(qint64 t, const Process &p, const QString &name, const QStringList &answers)
    {
        WinEventRecord r = head(22, 5, t, p);
        QString results;
        for (const QString &a : answers)
            results += QStringLiteral("::ffff:%1;").arg(a);
        add(r, "QueryName", name);
        add(r, "QueryStatus", QStringLiteral("0"));
        add(r, "QueryResults", results);
        add(r, "Image", p.image);
        add(r, "User", p.user);
        records.append(r);
    }

    void networkConnect(
        qint64 t, const Process &p, const QString &sourceIp, const QString &ip, const QString &name, int port)
    {
        WinEventRecord r = head(3, 5, t, p);
        add(r, "Image", p.image);
        add(r, "User", p.user);
        add(r, "Protocol", QStringLiteral("tcp"));
        add(r, "Initiated", QStringLiteral("true"));
        add(r, "SourceIsIpv6", QStringLiteral("false"));
        add(r, "SourceIp", sourceIp);
        add(r, "SourceHostname", m_computer);
        add(r, "SourcePort", QString::number(49152 + m_rng.bounded(16000)));
        add(r, "SourcePortName", QStringLiteral("-"));
        add(r, "DestinationIsIpv6", QStringLiteral("false"));
        add(r, "DestinationIp", ip);
        add(r, "DestinationHostname", name.isEmpty() ? QStringLiteral("-") : name);
        add(r, "DestinationPort", QString::number(port));
        add(r, "DestinationPortName", port == 443 ? QStringLiteral("https") : QStringLiteral("-"));
        records.append(r);
    }

    static QString fileName(const QString &path) { return path.mid(path.lastIndexOf(QLatin1Char('\\')) + 1); }

private:
    // Every Sysmon event this generator writes starts with these four fields.
    WinEventRecord head(quint32 id, int version, qint64 t, const Process &p)
    {
        WinEventRecord r = base(id, version, t);
        add(r, "RuleName", QStringLiteral("-"));
        add(r, "UtcTime", sysmonTime(t));
        add(r, "ProcessGuid", p.guid);
        add(r, "ProcessId", QString::number(p.pid));
        return r;
    }
    WinEventRecord base(quint32 id, int version, qint64 t)
    {
        WinEventRecord r;
        r.provider = SysmonProvider;
        r.providerGuid = SysmonGuid;
        r.eventId = id;
        r.version = version;
        r.level = 4;
        r.task = int(id);
        r.keywords = QStringLiteral("0x8000000000000000");
        r.channel = SysmonChannel;
        r.computer = m_computer;
        r.processId = 3120; // Sysmon64.exe
        r.threadId = 4096 + qint64(m_rng.bounded(2000));
        r.userSid = QStringLiteral("S-1-5-18");
        // The log writes the record a moment after the action.
        r.timeUs = t + 1 * Ms + qint64(m_rng.bounded(900));
        return r;
    }
    static void add(WinEventRecord &r, const char *name, const QString &value)
    {
        r.data.append({QString::fromLatin1(name), value});
    }

    QString m_computer;
    quint32 m_machine;
    QRandomGenerator &m_rng;
    quint32 m_counter = 0;
};

// Windows Installer's classic events in the Application log: unnamed Data.
WinEventRecord msiEvent(const QString &computer, const QString &userSid, quint32 id, qint64 t, const QStringList &data)
{
    WinEventRecord r;
    r.provider = QStringLiteral("MsiInstaller");
    r.eventId = id;
    r.level = 4;
    r.keywords = QStringLiteral("0x80000000000000");
    r.channel = QStringLiteral("Application");
    r.computer = computer;
    r.userSid = userSid;
    r.timeUs = t;
    for (int i = 0; i < data.size(); ++i)
        r.data.append({unnamedDataName(i + 1), data.at(i)});
    return r;
}

void sortAndNumber(QList<WinEventRecord> &records)
{
    std::stable_sort(records.begin(), records.end(),
        [](const WinEventRecord &a, const WinEventRecord &b) { return a.timeUs < b.timeUs; });
    quint64 id = 1;
    for (WinEventRecord &r : records)
        r.recordId = id++;
}

} // namespace

const WindowsScenarioStory *WindowsScenario::story(const QString &label) const
{
    for (const WindowsScenarioStory &s : stories) {
        if (s.label == label)
            return &s;
    }
    return nullptr;
}

Evtx::ValueType sysmonFieldType(const QString &name)
{
    using namespace Evtx;
    if (name == QLatin1String("ProcessGuid") || name == QLatin1String("ParentProcessGuid")
        || name == QLatin1String("LogonGuid") || name == QLatin1String("SourceProcessGuid")
        || name == QLatin1String("TargetProcessGuid"))
        return GuidType;
    if (name == QLatin1String("ProcessId") || name == QLatin1String("ParentProcessId")
        || name == QLatin1String("TerminalSessionId"))
        return UInt32Type;
    if (name == QLatin1String("SourcePort") || name == QLatin1String("DestinationPort"))
        return UInt16Type;
    if (name == QLatin1String("Initiated") || name == QLatin1String("SourceIsIpv6")
        || name == QLatin1String("DestinationIsIpv6"))
        return BoolType;
    if (name == QLatin1String("LogonId"))
        return HexInt64Type;
    return StringType;
}

WindowsScenario buildWindowsScenario(const WindowsScenarioOptions &options)
{
    QRandomGenerator rng(quint32(options.seed ^ (options.seed >> 32)) + 0x5eed);
    const qint64 t0 = options.start.toMSecsSinceEpoch() * Ms;
    const auto jitter = [&](qint64 maxUs) {
        return qint64(rng.bounded(quint32(maxUs)));
    };
    WindowsScenario scenario;
    scenario.approvedUpdateHosts = {QStringLiteral("*.3cx.com"), QStringLiteral("dl.google.com"),
        QStringLiteral("*.googleapis.com"), QStringLiteral("*.solarwinds.com"), QStringLiteral("10.20.0.0/16")};
    scenario.approvedSigners = {QStringLiteral("3CX Ltd"), QStringLiteral("Google LLC"),
        QStringLiteral("Microsoft Windows"), QStringLiteral("Microsoft Corporation"),
        QStringLiteral("SolarWinds Worldwide, LLC"), QStringLiteral("Igor Pavlov")};

    // ---- FIN-WS-07 ----
    const QString ws = QStringLiteral("FIN-WS-07.corp.example");
    const QString wsIp = QStringLiteral("10.20.4.57");
    const QString dana = QStringLiteral("CORP\\dana");
    const QString system = QStringLiteral("NT AUTHORITY\\SYSTEM");
    const QString danaSid = QStringLiteral("S-1-5-21-1004336348-1177238915-682003330-1107");
    SysmonLog wsLog(ws, 0x6a1f0c33, rng);
    QList<WinEventRecord> wsApplication;
    const Process services = wsLog.process(684, QStringLiteral("C:\\Windows\\System32\\services.exe"),
        QStringLiteral("C:\\Windows\\system32\\services.exe"), system, t0 - Day);
    const Process explorer = wsLog.process(4120, QStringLiteral("C:\\Windows\\explorer.exe"),
        QStringLiteral("C:\\Windows\\Explorer.EXE"), dana, t0 - 2 * 60 * Minute);
    const Process userinit = wsLog.process(4080, QStringLiteral("C:\\Windows\\System32\\userinit.exe"),
        QStringLiteral("C:\\Windows\\system32\\userinit.exe"), dana, t0 - 2 * 60 * Minute);
    wsLog.processCreate(t0 - 2 * 60 * Minute, explorer, userinit, QStringLiteral("10.0.19041.3636"),
        QStringLiteral("Microsoft Corporation"), QStringLiteral("Microsoft® Windows® Operating System"),
        QStringLiteral("Windows Explorer"));

    // (a) 3CX-like.
    {
        const QString appRoot = QStringLiteral("C:\\Users\\dana\\AppData\\Local\\Programs\\3CXDesktopApp\\");
        const QString appDir = appRoot + QStringLiteral("app-18.12.416\\");
        const qint64 tA = t0 + 10 * Minute + jitter(30 * Second);
        Process updater = wsLog.process(7312, appRoot + QStringLiteral("Update.exe"),
            QStringLiteral("\"%1Update.exe\" --update https://download.3cx.com/electron/production").arg(appRoot), dana,
            tA);
        wsLog.processCreate(tA, updater, explorer, QStringLiteral("1.5.0.0"), QStringLiteral("3CX Ltd"),
            QStringLiteral("Squirrel"), QStringLiteral("Setup/Uninstall"));
        wsLog.imageLoad(tA + 40 * Ms, updater, updater.image, QStringLiteral("1.5.0.0"), QStringLiteral("3CX Ltd"),
            true, QStringLiteral("3CX Ltd"));
        wsLog.dnsQuery(tA + 200 * Ms, updater, QStringLiteral("download.3cx.com"), {QStringLiteral("198.18.30.10")});
        wsLog.networkConnect(
            tA + 260 * Ms, updater, wsIp, QStringLiteral("198.18.30.10"), QStringLiteral("download.3cx.com"), 443);
        const QStringList files = {appDir + QStringLiteral("3CXDesktopApp.exe"), appDir + QStringLiteral("ffmpeg.dll"),
            appDir + QStringLiteral("d3dcompiler_47.dll"), appDir + QStringLiteral("resources\\app.asar")};
        qint64 t = tA + 9 * Second;
        for (const QString &f : files) {
            wsLog.fileCreate(t, updater, f);
            t += 350 * Ms + jitter(200 * Ms);
        }
        wsLog.processTerminate(tA + 14 * Second, updater);

        // The user starts the updated app from the Start menu.
        const qint64 tRun = tA + 3 * Minute + jitter(20 * Second);
        const Process app = wsLog.process(8840, files.at(0), QStringLiteral("\"%1\"").arg(files.at(0)), dana, tRun);
        wsLog.processCreate(tRun, app, explorer, QStringLiteral("18.12.416.0"), QStringLiteral("3CX Ltd"),
            QStringLiteral("3CX Desktop App"), QStringLiteral("3CXDesktopApp"));
        wsLog.imageLoad(tRun + 30 * Ms, app, files.at(0), QStringLiteral("18.12.416.0"), QStringLiteral("3CX Ltd"),
            true, QStringLiteral("3CX Ltd"));
        wsLog.imageLoad(tRun + 180 * Ms, app, files.at(1), QStringLiteral("-"), QStringLiteral("-"), false, QString());
        wsLog.imageLoad(tRun + 220 * Ms, app, files.at(2), QStringLiteral("10.0.20348.1"),
            QStringLiteral("Microsoft Corporation"), true, QStringLiteral("Microsoft Corporation"));
        // After a delay the loader fetches an icon file from a code host, then beacons.
        const qint64 tBeacon = tRun + 7 * Minute + jitter(Minute);
        wsLog.dnsQuery(tBeacon, app, QStringLiteral("raw.codehost.example"),
            {QStringLiteral("198.51.100.133"), QStringLiteral("198.51.100.134")});
        wsLog.networkConnect(tBeacon + 90 * Ms, app, wsIp, QStringLiteral("198.51.100.133"), QString(), 443);
        wsLog.dnsQuery(tBeacon + 4 * Second, app, QStringLiteral("cdn.azureonlinecloud.example"),
            {QStringLiteral("203.0.113.80")});
        wsLog.networkConnect(tBeacon + 4 * Second + 70 * Ms, app, wsIp, QStringLiteral("203.0.113.80"), QString(), 443);

        WindowsScenarioStory s;
        s.label = QStringLiteral("a");
        s.host = ws;
        s.installer = updater.image;
        s.written = files;
        s.firstRunImage = app.image;
        s.unsignedModule = files.at(1);
        s.egressHosts = {QStringLiteral("raw.codehost.example"), QStringLiteral("cdn.azureonlinecloud.example")};
        s.expectMismatchedChain = true;
        scenario.stories.append(s);
    }

    // (b) benign updates.
    {
        const QString chromeDir = QStringLiteral("C:\\Program Files\\Google\\Chrome\\Application\\");
        const qint64 tB = t0 + 40 * Minute + jitter(30 * Second);
        const Process taskhost = wsLog.process(1320, QStringLiteral("C:\\Windows\\System32\\svchost.exe"),
            QStringLiteral("C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule"), system, t0 - Day);
        Process gupdate
            = wsLog.process(9012, QStringLiteral("C:\\Program Files (x86)\\Google\\Update\\GoogleUpdate.exe"),
                QStringLiteral(
                    "\"C:\\Program Files (x86)\\Google\\Update\\GoogleUpdate.exe\" /ua /installsource scheduler"),
                system, tB);
        gupdate.integrity = QStringLiteral("System");
        wsLog.processCreate(tB, gupdate, taskhost, QStringLiteral("1.3.36.352"), QStringLiteral("Google LLC"),
            QStringLiteral("Google Update"), QStringLiteral("Google Installer"));
        wsLog.dnsQuery(tB + 150 * Ms, gupdate, QStringLiteral("dl.google.com"), {QStringLiteral("198.18.44.14")});
        wsLog.networkConnect(
            tB + 200 * Ms, gupdate, wsIp, QStringLiteral("198.18.44.14"), QStringLiteral("dl.google.com"), 443);
        const QStringList files
            = {chromeDir + QStringLiteral("chrome.exe"), chromeDir + QStringLiteral("122.0.6261.95\\chrome.dll")};
        wsLog.fileCreate(tB + 20 * Second, gupdate, files.at(0));
        wsLog.fileCreate(tB + 21 * Second, gupdate, files.at(1));
        wsLog.processTerminate(tB + 25 * Second, gupdate);
        const qint64 tRun = tB + 6 * Minute + jitter(Minute);
        const Process chrome = wsLog.process(10244, files.at(0), QStringLiteral("\"%1\"").arg(files.at(0)), dana, tRun);
        wsLog.processCreate(tRun, chrome, explorer, QStringLiteral("122.0.6261.95"), QStringLiteral("Google LLC"),
            QStringLiteral("Google Chrome"), QStringLiteral("Google Chrome"));
        wsLog.imageLoad(tRun + 80 * Ms, chrome, files.at(1), QStringLiteral("122.0.6261.95"),
            QStringLiteral("Google LLC"), true, QStringLiteral("Google LLC"));
        wsLog.dnsQuery(
            tRun + 2 * Second, chrome, QStringLiteral("update.googleapis.com"), {QStringLiteral("198.18.44.99")});
        wsLog.networkConnect(tRun + 2 * Second + 60 * Ms, chrome, wsIp, QStringLiteral("198.18.44.99"), QString(), 443);

        WindowsScenarioStory s;
        s.label = QStringLiteral("b");
        s.host = ws;
        s.installer = gupdate.image;
        s.written = files;
        s.firstRunImage = chrome.image;
        scenario.stories.append(s);

        // A 7-Zip MSI install: msiexec's client and service processes, the Windows
        // Installer's transaction events, and the program's first start.
        const qint64 tM = t0 + 55 * Minute + jitter(30 * Second);
        const Process client = wsLog.process(11020, QStringLiteral("C:\\Windows\\System32\\msiexec.exe"),
            QStringLiteral("\"C:\\Windows\\System32\\msiexec.exe\" /i \"C:\\Users\\dana\\Downloads\\7z2301-x64.msi\""),
            dana, tM);
        wsLog.processCreate(tM, client, explorer, QStringLiteral("5.0.19041.3636"),
            QStringLiteral("Microsoft Corporation"), QStringLiteral("Windows Installer - Unicode"),
            QStringLiteral("Windows® installer"));
        Process server = wsLog.process(11188, QStringLiteral("C:\\Windows\\System32\\msiexec.exe"),
            QStringLiteral("C:\\Windows\\system32\\msiexec.exe /V"), system, tM + Second);
        server.integrity = QStringLiteral("System");
        wsLog.processCreate(tM + Second, server, services, QStringLiteral("5.0.19041.3636"),
            QStringLiteral("Microsoft Corporation"), QStringLiteral("Windows Installer - Unicode"),
            QStringLiteral("Windows® installer"));
        wsApplication.append(msiEvent(ws, danaSid, 1040, tM + 2 * Second,
            {QStringLiteral("C:\\Users\\dana\\Downloads\\7z2301-x64.msi"), QString::number(client.pid),
                QStringLiteral("(NULL)"), QStringLiteral("(NULL)"), QStringLiteral("(NULL)"), QStringLiteral("(NULL)"),
                QString()}));
        const QStringList zipFiles = {
            QStringLiteral("C:\\Program Files\\7-Zip\\7zFM.exe"), QStringLiteral("C:\\Program Files\\7-Zip\\7z.dll")};
        wsLog.fileCreate(tM + 4 * Second, server, zipFiles.at(0));
        wsLog.fileCreate(tM + 4 * Second + 300 * Ms, server, zipFiles.at(1));
        wsApplication.append(msiEvent(ws, danaSid, 11707, tM + 6 * Second,
            {QStringLiteral("Product: 7-Zip 23.01 (x64 edition) -- Installation completed successfully."),
                QStringLiteral("(NULL)"), QStringLiteral("(NULL)"), QStringLiteral("(NULL)"), QStringLiteral("(NULL)"),
                QStringLiteral("(NULL)"), QString()}));
        wsApplication.append(msiEvent(ws, danaSid, 1033, tM + 6 * Second,
            {QStringLiteral("7-Zip 23.01 (x64 edition)"), QStringLiteral("23.01.00.0"), QStringLiteral("1033"),
                QStringLiteral("0"), QStringLiteral("Igor Pavlov"), QStringLiteral("(NULL)"), QString()}));
        wsApplication.append(msiEvent(ws, danaSid, 1042, tM + 6 * Second,
            {QStringLiteral("C:\\Users\\dana\\Downloads\\7z2301-x64.msi"), QString::number(client.pid),
                QStringLiteral("(NULL)"), QStringLiteral("(NULL)"), QStringLiteral("(NULL)"), QStringLiteral("(NULL)"),
                QString()}));
        wsLog.processTerminate(tM + 7 * Second, client);
        const qint64 tZ = tM + 4 * Minute + jitter(Minute);
        const Process zip
            = wsLog.process(11540, zipFiles.at(0), QStringLiteral("\"%1\"").arg(zipFiles.at(0)), dana, tZ);
        wsLog.processCreate(tZ, zip, explorer, QStringLiteral("23.01"), QStringLiteral("Igor Pavlov"),
            QStringLiteral("7-Zip"), QStringLiteral("7-Zip File Manager"));
        wsLog.imageLoad(tZ + 40 * Ms, zip, zipFiles.at(1), QStringLiteral("23.01"), QStringLiteral("Igor Pavlov"), true,
            QStringLiteral("Igor Pavlov"));
    }

    // Benign noise around the stories (benchmarks): short-lived tools, their DLLs,
    // files in the profile and connections to the proxy.
    {
        static const QStringList tools = {QStringLiteral("C:\\Windows\\System32\\conhost.exe"),
            QStringLiteral("C:\\Windows\\System32\\SearchProtocolHost.exe"),
            QStringLiteral("C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE"),
            QStringLiteral("C:\\Windows\\System32\\backgroundTaskHost.exe"),
            QStringLiteral("C:\\Windows\\System32\\RuntimeBroker.exe")};
        static const QStringList dlls = {QStringLiteral("C:\\Windows\\System32\\kernel32.dll"),
            QStringLiteral("C:\\Windows\\System32\\user32.dll"), QStringLiteral("C:\\Windows\\System32\\crypt32.dll"),
            QStringLiteral("C:\\Windows\\System32\\winhttp.dll")};
        qint64 pid = 20000;
        qint64 t = t0 + Second;
        const qint64 step = options.noiseEvents > 0 ? std::max<qint64>(Ms, 4 * 60 * Minute / options.noiseEvents) : 0;
        for (qint64 n = 0; n < options.noiseEvents;) {
            const QString &image = tools.at(int(rng.bounded(quint32(tools.size()))));
            const Process p = wsLog.process(pid, image, QStringLiteral("\"%1\" -Embedding").arg(image), dana, t);
            pid += 4;
            if (pid > 60000)
                pid = 20000;
            wsLog.processCreate(t, p, explorer, QStringLiteral("10.0.19041.1"), QStringLiteral("Microsoft Corporation"),
                QStringLiteral("Microsoft® Windows® Operating System"), QStringLiteral("Host process"));
            ++n;
            for (int i = 0; i < 3 && n < options.noiseEvents; ++i, ++n)
                wsLog.imageLoad(t + (i + 1) * Ms, p, dlls.at(i), QStringLiteral("10.0.19041.1"),
                    QStringLiteral("Microsoft Corporation"), true, QStringLiteral("Microsoft Windows"));
            if (n < options.noiseEvents) {
                wsLog.fileCreate(t + 5 * Ms, p,
                    QStringLiteral("C:\\Users\\dana\\AppData\\Local\\Temp\\~tmp%1.tmp")
                        .arg(n, 6, 16, QLatin1Char('0')));
                ++n;
            }
            if (n < options.noiseEvents) {
                wsLog.networkConnect(
                    t + 7 * Ms, p, wsIp, QStringLiteral("10.20.0.8"), QStringLiteral("proxy.corp.example"), 8080);
                ++n;
            }
            if (n < options.noiseEvents) {
                wsLog.processTerminate(t + 9 * Ms, p);
                ++n;
            }
            t += step;
        }
    }

    // ---- ORION-01: (c) SUNBURST-like ----
    {
        const QString srv = QStringLiteral("ORION-01.corp.example");
        const QString srvIp = QStringLiteral("10.20.9.15");
        SysmonLog srvLog(srv, 0x2b77e9a1, rng);
        const QString orion = QStringLiteral("C:\\Program Files (x86)\\SolarWinds\\Orion\\");
        const QString dll = orion + QStringLiteral("SolarWinds.Orion.Core.BusinessLayer.dll");
        const QString hostImage = orion + QStringLiteral("SolarWinds.BusinessLayerHost.exe");
        const QString svc = QStringLiteral("CORP\\svc-orion");
        const Process srvServices = srvLog.process(640, QStringLiteral("C:\\Windows\\System32\\services.exe"),
            QStringLiteral("C:\\Windows\\system32\\services.exe"), system, t0 - 30 * Day);
        const QString signer = QStringLiteral("SolarWinds Worldwide, LLC");
        // Before the hotfix: the service host runs and loads the old library.
        const qint64 tOld = t0 - 2 * Day + jitter(Minute);
        const Process oldHost = srvLog.process(3304, hostImage, QStringLiteral("\"%1\"").arg(hostImage), svc, tOld);
        srvLog.processCreate(tOld, oldHost, srvServices, QStringLiteral("2019.4.5200.8890"), signer,
            QStringLiteral("SolarWinds Orion"), QStringLiteral("SolarWinds Business Layer Host"));
        srvLog.imageLoad(tOld + Second, oldHost, dll, QStringLiteral("2019.4.5200.8890"), signer, true, signer);
        // The hotfix.
        const qint64 tC = t0 + 3 * 60 * Minute + jitter(Minute);
        const Process admin = srvLog.process(5120, QStringLiteral("C:\\Windows\\System32\\cmd.exe"),
            QStringLiteral("\"C:\\Windows\\system32\\cmd.exe\""), QStringLiteral("CORP\\adm-kim"), tC - 5 * Minute);
        Process msi = srvLog.process(6408, QStringLiteral("C:\\Windows\\System32\\msiexec.exe"),
            QStringLiteral("msiexec.exe /p \"D:\\Patches\\OrionCore-v2019.4-HF5.msp\" /qn"),
            QStringLiteral("CORP\\adm-kim"), tC);
        msi.integrity = QStringLiteral("High");
        srvLog.processCreate(tC, msi, admin, QStringLiteral("5.0.17763.1"), QStringLiteral("Microsoft Corporation"),
            QStringLiteral("Windows Installer - Unicode"), QStringLiteral("Windows® installer"));
        srvLog.processTerminate(tC + 40 * Second, oldHost);
        srvLog.fileCreate(tC + 50 * Second, msi, dll);
        srvLog.processTerminate(tC + 70 * Second, msi);
        const qint64 tRun = tC + 2 * Minute + jitter(30 * Second);
        const Process newHost = srvLog.process(7716, hostImage, QStringLiteral("\"%1\"").arg(hostImage), svc, tRun);
        srvLog.processCreate(tRun, newHost, srvServices, QStringLiteral("2019.4.5200.9083"), signer,
            QStringLiteral("SolarWinds Orion"), QStringLiteral("SolarWinds Business Layer Host"));
        srvLog.imageLoad(tRun + Second, newHost, dll, QStringLiteral("2019.4.5200.9083"), signer, true, signer);
        // Its own, approved traffic to the vendor's licensing host in the window …
        srvLog.dnsQuery(
            tRun + 3 * Minute, newHost, QStringLiteral("api.solarwinds.com"), {QStringLiteral("198.18.60.5")});
        srvLog.networkConnect(
            tRun + 3 * Minute + 50 * Ms, newHost, srvIp, QStringLiteral("198.18.60.5"), QString(), 443);
        // … and, after its dormancy, the first beacon.
        const qint64 late = 12 * Day + 3 * 60 * Minute + jitter(Minute);
        srvLog.dnsQuery(tC + late, newHost, QStringLiteral("r1q6arhpujcf6jb6.appsync-api.eu-west-1.avsvmcloud.example"),
            {QStringLiteral("203.0.113.191")});
        srvLog.processTerminate(tC + late + Day, newHost);

        WindowsScenarioStory s;
        s.label = QStringLiteral("c");
        s.host = srv;
        s.installer = msi.image;
        s.written = {dll};
        s.firstRunImage = hostImage;
        s.lateEgressAfterUs = late;
        scenario.stories.append(s);
        sortAndNumber(srvLog.records);
        scenario.logs.append({QStringLiteral("orion-01-sysmon.evtx"), srvLog.records});
    }

    // ---- FIN-WS-07: (d) an MSI whose custom action spawns a shell ----
    // Added to the demo after the others, so it draws from the generator last: every
    // record of (a)-(c) keeps its values. It happens at +24 min, between (a) and (b).
    {
        const qint64 tD = t0 + 24 * Minute + jitter(30 * Second);
        const QString msi = QStringLiteral("C:\\Users\\dana\\Downloads\\BankLink-Connector-3.2.0.msi");
        const QString msiexec = QStringLiteral("C:\\Windows\\System32\\msiexec.exe");
        const QString system32 = QStringLiteral("C:\\Windows\\System32\\");
        const QString serviceDirectory = QStringLiteral("C:\\Windows\\system32\\"); // as services get it
        const QString inbox = QStringLiteral("10.0.19041.1 (WinBuild.160101.0800)");
        const QString microsoft = QStringLiteral("Microsoft Corporation");
        const QString windows = QStringLiteral("Microsoft® Windows® Operating System");
        // The Windows Installer service was already running when the log begins: its
        // start is not in it, so only its own events and its children's Parent* fields
        // show it. It stops when idle, before 7-Zip's install starts a new one.
        Process service = wsLog.process(2236, msiexec, QStringLiteral("C:\\Windows\\system32\\msiexec.exe /V"), system,
            t0 - 2 * 60 * Minute - 14 * Minute);
        service.integrity = QStringLiteral("System");
        const Process client = wsLog.process(
            9480, msiexec, QStringLiteral("\"C:\\Windows\\System32\\msiexec.exe\" /i \"%1\"").arg(msi), dana, tD);
        wsLog.processCreate(tD, client, explorer, QStringLiteral("5.0.19041.3636"), microsoft,
            QStringLiteral("Windows Installer - Unicode"), QStringLiteral("Windows® installer"));
        const QStringList nulls(4, QStringLiteral("(NULL)"));
        wsApplication.append(msiEvent(ws, danaSid, 1040, tD + 2 * Second,
            QStringList {msi, QString::number(client.pid)} + nulls + QStringList {QString()}));
        // The service caches the package; the configuration logs .msi files there, not .tmp.
        wsLog.fileCreate(tD + 3 * Second, service, QStringLiteral("C:\\Windows\\Installer\\4b7e2d.msi"));

        // The custom action: an EXE from the package's Binary table, which the service
        // extracts to C:\Windows\Installer\MSIxxxx.tmp (no file event) and starts as SYSTEM.
        const qint64 tRun = tD + 5 * Second + jitter(500 * Ms);
        Process action = wsLog.process(9632, QStringLiteral("C:\\Windows\\Installer\\MSI4F1B.tmp"),
            QStringLiteral("\"C:\\Windows\\Installer\\MSI4F1B.tmp\" /install"), system, tRun);
        action.integrity = QStringLiteral("System");
        action.currentDirectory = serviceDirectory;
        wsLog.processCreate(tRun, action, service, QStringLiteral("3.2.0.0"), QStringLiteral("BankLink Software"),
            QStringLiteral("BankLink Connector"), QStringLiteral("BankLink Connector Setup Helper"),
            QStringLiteral("blsetup.exe"));
        const QString c2 = QStringLiteral("sync.banklink-cdn.example");
        const QString c2Ip = QStringLiteral("203.0.113.144");
        wsLog.dnsQuery(tRun + 400 * Ms, action, c2, {c2Ip});
        wsLog.networkConnect(tRun + 450 * Ms, action, wsIp, c2Ip, QString(), 443);
        // Its shell: cmd gets a console host of its own (the action has none), then runs
        // each command of the line.
        const qint64 tCmd = tRun + 1200 * Ms + jitter(300 * Ms);
        Process cmd = wsLog.process(
            9664, system32 + QStringLiteral("cmd.exe"), QStringLiteral("cmd.exe /c whoami & hostname"), system, tCmd);
        cmd.integrity = QStringLiteral("System");
        cmd.currentDirectory = serviceDirectory;
        wsLog.processCreate(tCmd, cmd, action, inbox, microsoft, windows, QStringLiteral("Windows Command Processor"),
            QStringLiteral("Cmd.Exe"));
        Process conhost = wsLog.process(9672, system32 + QStringLiteral("conhost.exe"),
            QStringLiteral("\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1"), system, tCmd + 15 * Ms);
        conhost.integrity = QStringLiteral("System");
        conhost.currentDirectory = serviceDirectory;
        wsLog.processCreate(tCmd + 15 * Ms, conhost, cmd, inbox, microsoft, windows,
            QStringLiteral("Console Window Host"), QStringLiteral("CONHOST.EXE"));
        const struct
        {
            qint64 pid;
            const char *image;
            const char *commandLine;
            const char *description;
            const char *originalName;
        } commands[] = {{9700, "whoami.exe", "whoami", "whoami - displays logged on user information", "whoami.exe"},
            {9716, "HOSTNAME.EXE", "hostname", "Hostname APP", "hostname.exe"}};
        qint64 t = tCmd + 60 * Ms;
        for (const auto &c : commands) {
            Process child
                = wsLog.process(c.pid, system32 + QLatin1String(c.image), QLatin1String(c.commandLine), system, t);
            child.integrity = QStringLiteral("System");
            child.currentDirectory = serviceDirectory;
            wsLog.processCreate(t, child, cmd, inbox, microsoft, windows, QString::fromUtf8(c.description),
                QLatin1String(c.originalName));
            wsLog.processTerminate(t + 40 * Ms + jitter(40 * Ms), child);
            t += 120 * Ms + jitter(60 * Ms);
        }
        wsLog.processTerminate(t, cmd);
        wsLog.processTerminate(t + 10 * Ms, conhost);
        wsLog.processTerminate(tRun + 3 * Second, action);

        wsApplication.append(msiEvent(ws, danaSid, 11707, tD + 9 * Second,
            QStringList {QStringLiteral("Product: BankLink Connector -- Installation completed successfully.")} + nulls
                + QStringList {QStringLiteral("(NULL)"), QString()}));
        wsApplication.append(msiEvent(ws, danaSid, 1033, tD + 9 * Second,
            {QStringLiteral("BankLink Connector"), QStringLiteral("3.2.0"), QStringLiteral("1033"), QStringLiteral("0"),
                QStringLiteral("BankLink Software"), QStringLiteral("(NULL)"), QString()}));
        wsApplication.append(msiEvent(ws, danaSid, 1042, tD + 9 * Second,
            QStringList {msi, QString::number(client.pid)} + nulls + QStringList {QString()}));
        wsLog.processTerminate(tD + 10 * Second, client);
        wsLog.processTerminate(tD + 10 * Minute + 10 * Second + jitter(5 * Second), service);

        WindowsScenarioStory s;
        s.label = QStringLiteral("d");
        s.host = ws;
        s.installer = client.image;
        s.firstRunImage = action.image;
        s.writeObserved = false;
        s.egressHosts = {c2};
        s.expectMismatchedChain = true;
        scenario.stories.append(s);
    }

    sortAndNumber(wsLog.records);
    sortAndNumber(wsApplication);
    scenario.logs.prepend({QStringLiteral("fin-ws-07-application.evtx"), wsApplication});
    scenario.logs.prepend({QStringLiteral("fin-ws-07-sysmon.evtx"), wsLog.records});
    return scenario;
}

WindowsScenarioFiles writeWindowsScenario(const QString &dir, const WindowsScenario &scenario)
{
    WindowsScenarioFiles result;
    const auto typeOf = [](const QString &name) {
        return sysmonFieldType(name);
    };
    for (const WindowsScenario::Log &log : scenario.logs) {
        const QString path = QDir(dir).absoluteFilePath(log.fileName);
        EvtxWriter writer;
        if (QString error = writer.open(path); !error.isEmpty()) {
            result.error = error;
            return result;
        }
        for (const WinEventRecord &record : log.records) {
            QString error;
            // Sysmon types its ids, GUIDs, ports and flags; classic providers (the
            // Windows Installer) write strings only.
            const auto event = record.provider == SysmonProvider ? EvtxEvent::fromRecord(record, typeOf, &error)
                                                                 : EvtxEvent::fromRecord(record, nullptr, &error);
            if (!event) {
                result.error = QStringLiteral("%1: record %2: %3").arg(log.fileName).arg(record.recordId).arg(error);
                return result;
            }
            if (error = writer.add(*event); !error.isEmpty()) {
                result.error = error;
                return result;
            }
        }
        if (QString error = writer.close(); !error.isEmpty()) {
            result.error = error;
            return result;
        }
        result.files.append(path);
    }
    return result;
}

} // namespace Chainscope
