// The case policy: pattern semantics, parsing, JSON round trip and versioning.

#include "casestore.h"
#include "policy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Chainscope;

class Tst_policy : public QObject
{
    Q_OBJECT
private slots:
    void hostPatterns_data();
    void hostPatterns();
    void invalidHostPatternsAreRejected_data();
    void invalidHostPatternsAreRejected();
    void monitoredPaths_data();
    void monitoredPaths();
    void hostIndexAgreesWithAScan();
    void hostIndexNamesTheFirstEntry_data();
    void hostIndexNamesTheFirstEntry();
    void largeAllowListLoads();
    void invalidInstallerPatternsAreRefused_data();
    void invalidInstallerPatternsAreRefused();
    void installers_data();
    void installers();
    void loopback_data();
    void loopback();
    void durations_data();
    void durations();
    void defaultsFollowTheSpec();
    void assignmentsSetAndAppend();
    void jsonRoundTripAndPartialFiles();
    void repositoryHostsAreApprovedHosts();
    void caseKeepsEveryVersion();
};

void Tst_policy::hostPatterns_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("matches");
    QTest::newRow("exact") << QStringLiteral("deb.debian.org") << QStringLiteral("deb.debian.org") << true;
    QTest::newRow("exact, case and trailing dot")
        << QStringLiteral("deb.debian.org") << QStringLiteral("DEB.Debian.org.") << true;
    QTest::newRow("exact is not suffix") << QStringLiteral("debian.org") << QStringLiteral("deb.debian.org") << false;
    QTest::newRow("suffix matches subdomain")
        << QStringLiteral("*.windowsupdate.com") << QStringLiteral("dl.delivery.windowsupdate.com") << true;
    QTest::newRow("suffix, fully qualified")
        << QStringLiteral("*.windowsupdate.com") << QStringLiteral("dl.delivery.windowsupdate.com.") << true;
    QTest::newRow("suffix needs a subdomain, fully qualified too")
        << QStringLiteral("*.windowsupdate.com") << QStringLiteral("windowsupdate.com.") << false;
    QTest::newRow("suffix needs a subdomain")
        << QStringLiteral("*.windowsupdate.com") << QStringLiteral("windowsupdate.com") << false;
    QTest::newRow("suffix is not a substring")
        << QStringLiteral("*.example.com") << QStringLiteral("evil-example.com") << false;
    QTest::newRow("cidr v4 inside") << QStringLiteral("192.0.2.0/24") << QStringLiteral("192.0.2.77") << true;
    QTest::newRow("cidr v4 outside") << QStringLiteral("192.0.2.0/24") << QStringLiteral("192.0.3.1") << false;
    QTest::newRow("cidr v4 host bits ignored")
        << QStringLiteral("198.51.100.9/25") << QStringLiteral("198.51.100.100") << true;
    QTest::newRow("cidr v4 /0 is everything v4")
        << QStringLiteral("0.0.0.0/0") << QStringLiteral("203.0.113.5") << true;
    QTest::newRow("cidr v4 does not match v6") << QStringLiteral("0.0.0.0/0") << QStringLiteral("2001:db8::1") << false;
    QTest::newRow("cidr v6") << QStringLiteral("2001:db8::/32") << QStringLiteral("2001:DB8:0:1::5") << true;
    QTest::newRow("cidr v6 outside") << QStringLiteral("2001:db8::/32") << QStringLiteral("2001:db9::1") << false;
    QTest::newRow("exact ip canonical") << QStringLiteral("2001:db8::1") << QStringLiteral("2001:db8:0:0::1") << true;
    QTest::newRow("cidr vs name") << QStringLiteral("192.0.2.0/24") << QStringLiteral("mirror.example") << false;
    QTest::newRow("empty host") << QStringLiteral("*.example.com") << QStringLiteral("") << false;
}

void Tst_policy::hostPatterns()
{
    QFETCH(QString, pattern);
    QFETCH(QString, host);
    QFETCH(bool, matches);
    const auto p = HostPattern::parse(pattern);
    QVERIFY(p);
    QCOMPARE(p->matches(host), matches);
    // The policy looks hosts up in hashes, not through matches(); both must agree
    // (the policy fuzzer found a fully qualified name that only the index approved).
    Policy policy;
    QString error;
    QVERIFY2(policy.setList(QStringLiteral("ApprovedUpdateHosts"), {pattern}, false, &error), qPrintable(error));
    policy.compile();
    QCOMPARE(policy.isApprovedHost(host), matches);
}

void Tst_policy::invalidHostPatternsAreRejected_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::newRow("bad prefix") << QStringLiteral("192.0.2.0/33");
    QTest::newRow("not an address") << QStringLiteral("example.com/24");
    QTest::newRow("inner wildcard") << QStringLiteral("foo.*.com");
    QTest::newRow("space") << QStringLiteral("a b");
    QTest::newRow("empty") << QStringLiteral(" ");
}

void Tst_policy::invalidHostPatternsAreRejected()
{
    QFETCH(QString, pattern);
    QVERIFY(!HostPattern::parse(pattern));
    Policy p = Policy::defaults();
    QString error;
    QVERIFY(!p.set(QStringLiteral("ApprovedUpdateHosts"), pattern, false, &error) || pattern.trimmed().isEmpty());
}

void Tst_policy::monitoredPaths_data()
{
    QTest::addColumn<int>("platform");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("monitored");
    const int linux = int(Platform::Linux);
    const int windows = int(Platform::Windows);
    QTest::newRow("usr/local/bin") << linux << QStringLiteral("/usr/local/bin/qwik") << true;
    QTest::newRow("usr/bin") << linux << QStringLiteral("/usr/bin/curl") << true;
    QTest::newRow("usr/binx is not usr/bin") << linux << QStringLiteral("/usr/binx/a") << false;
    QTest::newRow("opt/* covers a package dir") << linux << QStringLiteral("/opt/vendor/bin/tool") << true;
    QTest::newRow("opt itself is not opt/*") << linux << QStringLiteral("/opt") << false;
    QTest::newRow("~ is any home") << linux << QStringLiteral("/home/alice/.local/bin/x") << true;
    QTest::newRow("~ is root's home") << linux << QStringLiteral("/root/.local/bin/x") << true;
    QTest::newRow("home elsewhere") << linux << QStringLiteral("/home/alice/bin/x") << false;
    QTest::newRow("tmp") << linux << QStringLiteral("/tmp/x") << false;
    QTest::newRow("doubled slash") << linux << QStringLiteral("//usr/local/bin/x") << true;
    QTest::newRow("dot-dot into scope") << linux << QStringLiteral("/tmp/../usr/local/bin/x") << true;
    QTest::newRow("dot-dot out of scope") << linux << QStringLiteral("/usr/local/../../tmp/x") << false;
    QTest::newRow("windows dot-dot") << windows << QStringLiteral("C:\\Windows\\..\\Program Files\\App\\a.dll") << true;
    QTest::newRow("case matters on linux") << linux << QStringLiteral("/USR/BIN/x") << false;
    QTest::newRow("program files") << windows << QStringLiteral("C:\\Program Files\\3CX Desktop App\\ffmpeg.dll")
                                   << true;
    QTest::newRow("program files, other case") << windows << QStringLiteral("c:\\program files\\x\\y.exe") << true;
    QTest::newRow("localappdata any user")
        << windows << QStringLiteral("C:\\Users\\bob\\AppData\\Local\\Programs\\a.exe") << true;
    QTest::newRow("roaming not local") << windows << QStringLiteral("C:\\Users\\bob\\AppData\\Roaming\\a.exe") << false;
    QTest::newRow("windows temp") << windows << QStringLiteral("C:\\Windows\\Temp\\a.exe") << false;
}

void Tst_policy::monitoredPaths()
{
    QFETCH(int, platform);
    QFETCH(QString, path);
    QFETCH(bool, monitored);
    QCOMPARE(Policy::defaults().isMonitoredPath(path, Platform(platform)), monitored);
}

// A glob that does not compile is refused with a one-line error and the policy left
// as it was (issue 11, finding 7): "LinuxInstallers=[" used to drop every Linux chain.
// The allow-list is looked up by kind (names and suffixes hashed); every answer must
// be the one a scan of the entries in order gives, the approving entry included.
void Tst_policy::hostIndexAgreesWithAScan()
{
    const QStringList entries
        = {QStringLiteral("*.example.com"), QStringLiteral("dl.example.com"), QStringLiteral("192.0.2.0/24"),
            QStringLiteral("192.0.2.7"), QStringLiteral("Mirror.Corp.Example"), QStringLiteral("*.corp.example"),
            QStringLiteral("2001:db8::/32"), QStringLiteral("*.b.example.com"), QStringLiteral("10.0.0.1")};
    const QStringList hosts = {QStringLiteral("dl.example.com"), QStringLiteral("example.com"),
        QStringLiteral("a.b.example.com"), QStringLiteral("DL.EXAMPLE.COM"), QStringLiteral("mirror.corp.example"),
        QStringLiteral("mirror.corp.example."), QStringLiteral("corp.example"), QStringLiteral("192.0.2.7"),
        QStringLiteral("192.0.3.7"), QStringLiteral("2001:db8::5"), QStringLiteral("2001:db9::5"),
        QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.2"), QStringLiteral("other.org"), QString(),
        QStringLiteral("."), QStringLiteral(".example.com"), QStringLiteral("x..example.com")};
    Policy policy = Policy::defaults();
    QString error;
    QVERIFY(policy.setList(QStringLiteral("ApprovedUpdateHosts"), entries, false, &error));
    for (const QString &host : hosts) {
        QString expected;
        for (const QString &e : entries) {
            if (HostPattern::parse(e)->matches(host)) {
                expected = QStringLiteral("ApprovedUpdateHosts %1").arg(e);
                break;
            }
        }
        QCOMPARE(policy.approvingEntry(host), expected);
        QCOMPARE(policy.isApprovedHost(host), !expected.isEmpty());
    }
}

// What the policy fuzzer found in CI (issue 11): entries that the index files under
// one key must name the earliest of them, as a scan of the list does, and the index
// must fold case exactly as HostPattern::matches() does ("approved by" is evidence).
void Tst_policy::hostIndexNamesTheFirstEntry_data()
{
    QTest::addColumn<QStringList>("entries");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("expected"); // the approving entry, empty for none
    QTest::newRow("twins in other case") << QStringList {QStringLiteral("Mirror.Example"),
        QStringLiteral("mirror.example")} << QStringLiteral("MIRROR.example")
                                         << QStringLiteral("Mirror.Example");
    QTest::newRow("twins, one fully qualified")
        << QStringList {QStringLiteral("mirror.example."), QStringLiteral("mirror.example")}
        << QStringLiteral("mirror.example") << QStringLiteral("mirror.example.");
    QTest::newRow("twin suffixes") << QStringList {QStringLiteral("*.Example.com"), QStringLiteral("*.example.com")}
                                   << QStringLiteral("a.example.com") << QStringLiteral("*.Example.com");
    QTest::newRow("two ranges, one network")
        << QStringList {QStringLiteral("10.0.0.1/24"), QStringLiteral("10.0.0.2/24")} << QStringLiteral("10.0.0.9")
        << QStringLiteral("10.0.0.1/24");
    QTest::newRow("address and its /128")
        << QStringList {QStringLiteral("2001:db8::1"), QStringLiteral("2001:db8::1/128")}
        << QStringLiteral("2001:DB8::1") << QStringLiteral("2001:db8::1");
    // Greek final sigma lower-cases to itself but folds to sigma: only a comparison
    // that folds both sides treats the three forms as one name.
    QTest::newRow("final sigma, upper case")
        << QStringList {QString(QChar(0x03c2))} << QString(QChar(0x03a3)) << QString(QChar(0x03c2));
    QTest::newRow("final sigma, sigma") << QStringList {QString(QChar(0x03c2))} << QString(QChar(0x03c3))
                                        << QString(QChar(0x03c2));
    QTest::newRow("suffix with final sigma")
        << QStringList {QStringLiteral("*.") + QChar(0x03c2)} << QStringLiteral("a.") + QChar(0x03a3)
        << QStringLiteral("*.") + QChar(0x03c2);
    QTest::newRow("no match") << QStringList {QStringLiteral("mirror.example")} << QStringLiteral("mirror.example.org")
                              << QString();
}

void Tst_policy::hostIndexNamesTheFirstEntry()
{
    QFETCH(QStringList, entries);
    QFETCH(QString, host);
    QFETCH(QString, expected);
    Policy policy = Policy::defaults();
    QString error;
    QVERIFY2(policy.setList(QStringLiteral("ApprovedUpdateHosts"), entries, false, &error), qPrintable(error));
    QString scanned;
    for (const QString &e : entries) {
        if (HostPattern::parse(e)->matches(host)) {
            scanned = e;
            break;
        }
    }
    QCOMPARE(scanned, expected);
    QCOMPARE(policy.approvingEntry(host),
        expected.isEmpty() ? QString() : QStringLiteral("ApprovedUpdateHosts %1").arg(expected));
    QCOMPARE(policy.isApprovedHost(host), !expected.isEmpty());
}

// A site's proxy allow-list (issue 11, finding 7): 100,000 entries load at once; the
// timing is the benchmark's (docs/benchmarks.md), this checks the content.
void Tst_policy::largeAllowListLoads()
{
    QJsonArray hosts;
    for (int i = 0; i < 100000; ++i)
        hosts.append(QStringLiteral("host%1.fleet.example").arg(i));
    hosts.append(QStringLiteral("host5.fleet.example")); // a twin, dropped
    QString error;
    const auto policy = Policy::fromJson(QJsonObject {{QStringLiteral("ApprovedUpdateHosts"), hosts}}, &error);
    QVERIFY2(policy, qPrintable(error));
    QCOMPARE(policy->approvedUpdateHosts.size(), 100000);
    QVERIFY(policy->isApprovedHost(QStringLiteral("host99999.fleet.example")));
    QVERIFY(!policy->isApprovedHost(QStringLiteral("host100000.fleet.example")));
}

void Tst_policy::invalidInstallerPatternsAreRefused_data()
{
    QTest::addColumn<QString>("assignment");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("append [") << QStringLiteral("LinuxInstallers+=[") << false;
    QTest::newRow("replace with [") << QStringLiteral("LinuxInstallers=[") << false;
    QTest::newRow("unclosed class in a name") << QStringLiteral("WindowsInstallers+=setup[0-9.exe") << false;
    QTest::newRow("bad subcommand part") << QStringLiteral("LinuxInstallers+=go [x") << false;
    QTest::newRow("a closed class") << QStringLiteral("WindowsInstallers+=setup[0-9].exe") << true;
    QTest::newRow("a subcommand") << QStringLiteral("LinuxInstallers+=cargo install") << true;
}

void Tst_policy::invalidInstallerPatternsAreRefused()
{
    QFETCH(QString, assignment);
    QFETCH(bool, accepted);
    Policy policy = Policy::defaults();
    const Policy before = policy;
    QString error;
    QCOMPARE(policy.applyAssignment(assignment, &error), accepted);
    if (accepted)
        return;
    QCOMPARE(policy, before);
    QVERIFY2(error.contains(QLatin1String("not a valid file-name pattern")), qPrintable(error));
    QVERIFY(!error.contains(u'\n'));
    // The same through a policy file.
    const qsizetype eq = assignment.indexOf(u'=');
    const QString key = assignment.left(eq).remove(u'+');
    QString fileError;
    QVERIFY(!Policy::fromJson(QJsonObject {{key, QJsonArray {assignment.mid(eq + 1)}}}, &fileError));
    QVERIFY2(fileError.contains(QLatin1String("not a valid file-name pattern")), qPrintable(fileError));
}

void Tst_policy::installers_data()
{
    QTest::addColumn<int>("platform");
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<bool>("installer");
    const int linux = int(Platform::Linux);
    const int windows = int(Platform::Windows);
    QTest::newRow("dpkg") << linux << QStringLiteral("/usr/bin/dpkg") << QStringLiteral("dpkg -i x.deb") << true;
    QTest::newRow("apt-get") << linux << QStringLiteral("/usr/bin/apt-get") << QStringLiteral("apt-get install x")
                             << true;
    QTest::newRow("unattended-upgrade via python")
        << linux << QStringLiteral("/usr/bin/python3.11")
        << QStringLiteral("/usr/bin/python3 /usr/bin/unattended-upgrade") << true;
    QTest::newRow("pip module") << linux << QStringLiteral("/usr/bin/python3")
                                << QStringLiteral("python3 -m pip install requests") << true;
    QTest::newRow("plain python") << linux << QStringLiteral("/usr/bin/python3") << QStringLiteral("python3 script.py")
                                  << false;
    QTest::newRow("AppImage") << linux << QStringLiteral("/home/a/Apps/Tool-1.0.AppImage") << QStringLiteral("")
                              << true;
    QTest::newRow("curl") << linux << QStringLiteral("/usr/bin/curl") << QStringLiteral("curl x") << false;
    QTest::newRow("dpkg-query is not dpkg")
        << linux << QStringLiteral("/usr/bin/dpkg-query") << QStringLiteral("") << false;
    QTest::newRow("msiexec") << windows << QStringLiteral("C:\\Windows\\System32\\msiexec.exe") << QStringLiteral("")
                             << true;
    QTest::newRow("squirrel Update.exe") << windows << QStringLiteral("C:\\Users\\a\\AppData\\Local\\3CX\\Update.exe")
                                         << QStringLiteral("") << true;
    QTest::newRow("setup") << windows << QStringLiteral("D:\\SETUP64.EXE") << QStringLiteral("") << true;
    QTest::newRow("notepad") << windows << QStringLiteral("C:\\Windows\\notepad.exe") << QStringLiteral("") << false;
    // Language package managers: the script an interpreter runs, and subcommands.
    QTest::newRow("npm through node") << linux << QStringLiteral("/usr/bin/node")
                                      << QStringLiteral("node /usr/bin/npm install colorlog-utils") << true;
    QTest::newRow("npm-cli.js through node")
        << linux << QStringLiteral("/usr/bin/node")
        << QStringLiteral("node /usr/lib/node_modules/npm/bin/npm-cli.js install x") << true;
    QTest::newRow("npm on Windows, node.exe")
        << windows << QStringLiteral("C:\\Program Files\\nodejs\\node.exe")
        << QStringLiteral("\"C:\\Program Files\\nodejs\\node.exe\" \"C:\\Program "
                          "Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js\" ci")
        << true;
    QTest::newRow("node running a script")
        << linux << QStringLiteral("/usr/bin/node") << QStringLiteral("node server.js") << false;
    QTest::newRow("go install") << linux << QStringLiteral("/usr/local/go/bin/go")
                                << QStringLiteral("go install example.org/tool@latest") << true;
    QTest::newRow("go build") << linux << QStringLiteral("/usr/local/go/bin/go") << QStringLiteral("go build ./...")
                              << false;
    QTest::newRow("go -x install") << linux << QStringLiteral("/usr/local/go/bin/go")
                                   << QStringLiteral("go -x install example.org/tool") << true;
    QTest::newRow("cargo install") << linux << QStringLiteral("/home/a/.cargo/bin/cargo")
                                   << QStringLiteral("cargo install ripgrep") << true;
    QTest::newRow("gem") << linux << QStringLiteral("/usr/bin/gem") << QStringLiteral("gem install rails") << true;
    // Installers written as shell scripts run with the shell as their image (Homebrew).
    const int mac = int(Platform::MacOS);
    QTest::newRow("brew through bash") << mac << QStringLiteral("/bin/bash")
                                       << QStringLiteral("/bin/bash /opt/homebrew/bin/brew install wget") << true;
    QTest::newRow("brew through bash, options first")
        << mac << QStringLiteral("/bin/bash") << QStringLiteral("/bin/bash -p /opt/homebrew/bin/brew upgrade") << true;
    QTest::newRow("sh -c naming brew runs no brew file")
        << mac << QStringLiteral("/bin/sh") << QStringLiteral("/bin/sh -c brew install wget") << false;
    QTest::newRow("sh -lc naming brew runs no brew file")
        << mac << QStringLiteral("/bin/bash") << QStringLiteral("/bin/bash -lc brew install wget") << false;
    QTest::newRow("an option's value is no script")
        << mac << QStringLiteral("/bin/bash") << QStringLiteral("/bin/bash -o brew /opt/homebrew/bin/brew install x")
        << true;
    QTest::newRow("an option's value is no script, other order")
        << mac << QStringLiteral("/bin/bash") << QStringLiteral("/bin/bash -o brew /tmp/notes.sh") << false;
    QTest::newRow("a shell script of another name")
        << linux << QStringLiteral("/bin/sh") << QStringLiteral("/bin/sh /var/lib/dpkg/info/x.postinst configure")
        << false;
    QTest::newRow("installer.app") << mac
                                   << QStringLiteral(
                                          "/System/Library/CoreServices/Installer.app/Contents/MacOS/Installer")
                                   << QStringLiteral("") << true;
}

void Tst_policy::installers()
{
    QFETCH(int, platform);
    QFETCH(QString, image);
    QFETCH(QString, commandLine);
    QFETCH(bool, installer);
    QCOMPARE(Policy::defaults().isInstaller(image, commandLine, Platform(platform)), installer);
}

void Tst_policy::loopback_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("v4") << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("v4 anywhere in /8") << QStringLiteral("127.53.0.9") << true;
    QTest::newRow("v6") << QStringLiteral("::1") << true;
    QTest::newRow("v6 long form") << QStringLiteral("0:0:0:0:0:0:0:1") << true;
    QTest::newRow("v4-mapped") << QStringLiteral("::ffff:127.0.0.1") << true;
    QTest::newRow("not loopback") << QStringLiteral("128.0.0.1") << false;
    QTest::newRow("v6 not loopback") << QStringLiteral("::2") << false;
    QTest::newRow("name") << QStringLiteral("localhost.example") << false;
}

void Tst_policy::loopback()
{
    QFETCH(QString, address);
    QFETCH(bool, loopback);
    QCOMPARE(isLoopbackAddress(address), loopback);
}

void Tst_policy::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds"); // -1: invalid
    QTest::newRow("90m") << QStringLiteral("90m") << qint64(5400);
    QTest::newRow("4h") << QStringLiteral("4h") << qint64(14400);
    QTest::newRow("2d") << QStringLiteral("2d") << qint64(172800);
    QTest::newRow("45s") << QStringLiteral("45s") << qint64(45);
    QTest::newRow("bare minutes") << QStringLiteral("30") << qint64(1800);
    QTest::newRow("spaces") << QStringLiteral(" 4 h ") << qint64(14400);
    QTest::newRow("negative") << QStringLiteral("-5m") << qint64(-1);
    QTest::newRow("unit only") << QStringLiteral("h") << qint64(-1);
    QTest::newRow("unknown unit") << QStringLiteral("3w") << qint64(-1);
    QTest::newRow("absurd") << QStringLiteral("99999999999d") << qint64(-1);
}

void Tst_policy::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    const auto us = Policy::parseDuration(text);
    if (seconds < 0) {
        QVERIFY(!us);
        return;
    }
    QVERIFY(us);
    QCOMPARE(*us, seconds * 1000000);
    QCOMPARE(Policy::parseDuration(Policy::formatDuration(*us)), us);
}

void Tst_policy::defaultsFollowTheSpec()
{
    // spec/analytic.md, "Mutable elements".
    const Policy p = Policy::defaults();
    QCOMPARE(p.timeWindowUs, qint64(90) * 60 * 1000000);
    QVERIFY(p.approvedUpdateHosts.isEmpty());
    QVERIFY(p.approvedSigners.isEmpty());
    QVERIFY(p.approvedRepos.isEmpty());
    QVERIFY(p.allowedTeamIds.isEmpty());
    QCOMPARE(p.pathScope,
        (QStringList {QStringLiteral("/usr/local"), QStringLiteral("/usr/bin"), QStringLiteral("/opt/*"),
            QStringLiteral("~/.local/bin"), QStringLiteral("/var/lib/systemd")}));
    QCOMPARE(p.brewTapsAllowList, (QStringList {QStringLiteral("homebrew/core"), QStringLiteral("homebrew/cask")}));
    QCOMPARE(p.macProgramPaths,
        (QStringList {QStringLiteral("/Applications"), QStringLiteral("/Library"), QStringLiteral("/usr/local"),
            QStringLiteral("/opt/homebrew")}));
    QVERIFY(p.programPaths.contains(QStringLiteral("%LOCALAPPDATA%")));
    QCOMPARE(p.toJson().keys().size(), Policy::fieldNames().size());
}

void Tst_policy::assignmentsSetAndAppend()
{
    Policy p = Policy::defaults();
    QString error;
    QVERIFY(p.applyAssignment(QStringLiteral("TimeWindow=4h"), &error));
    QCOMPARE(p.timeWindowUs, qint64(4) * 3600 * 1000000);
    QVERIFY(p.applyAssignment(QStringLiteral("ApprovedUpdateHosts=deb.debian.org, 192.0.2.0/24"), &error));
    QVERIFY(p.isApprovedHost(QStringLiteral("192.0.2.10")));
    QVERIFY(p.applyAssignment(QStringLiteral("ApprovedUpdateHosts+=*.ubuntu.com"), &error));
    QCOMPARE(p.approvedUpdateHosts.size(), 3);
    QVERIFY(p.isApprovedHost(QStringLiteral("security.ubuntu.com")));
    QVERIFY(!p.isApprovedHost(QStringLiteral("203.0.113.5")));
    // Assigning replaces.
    QVERIFY(p.applyAssignment(QStringLiteral("ApprovedUpdateHosts=mirror.local"), &error));
    QCOMPARE(p.approvedUpdateHosts, QStringList {QStringLiteral("mirror.local")});
    QVERIFY(!p.isApprovedHost(QStringLiteral("192.0.2.10")));
    QVERIFY(p.applyAssignment(QStringLiteral("ApprovedSigners+=Microsoft Corporation, Redmond"), &error));
    QVERIFY(p.isApprovedSigner(QStringLiteral("microsoft corporation, redmond")));

    QVERIFY(!p.applyAssignment(QStringLiteral("TimeWindow+=1h"), &error));
    QVERIFY(!p.applyAssignment(QStringLiteral("TimeWindow=soon"), &error));
    QVERIFY(error.contains(QLatin1String("TimeWindow")));
    QVERIFY(!p.applyAssignment(QStringLiteral("NoSuchField=1"), &error));
    QVERIFY(error.contains(QLatin1String("NoSuchField")));
    QVERIFY(!p.applyAssignment(QStringLiteral("no assignment"), &error));
}

void Tst_policy::jsonRoundTripAndPartialFiles()
{
    Policy p = Policy::defaults();
    QString error;
    QVERIFY(p.applyAssignment(QStringLiteral("ApprovedUpdateHosts=a.example,*.b.example"), &error));
    QVERIFY(p.applyAssignment(QStringLiteral("TimeWindow=2h"), &error));
    const auto back = Policy::fromJson(p.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(*back == p);

    // A site file lists only what it changes; the rest keeps the defaults.
    const auto partial = Policy::fromJson(
        QJsonDocument::fromJson(R"({"ApprovedUpdateHosts": ["mirror.corp", "10.0.0.0/8"]})").object(), &error);
    QVERIFY2(partial, qPrintable(error));
    QCOMPARE(partial->timeWindowUs, Policy::defaults().timeWindowUs);
    QVERIFY(partial->isApprovedHost(QStringLiteral("10.1.2.3")));

    QVERIFY(!Policy::fromJson(QJsonDocument::fromJson(R"({"Bogus": []})").object(), &error));
    QVERIFY(!Policy::fromJson(QJsonDocument::fromJson(R"({"ApprovedUpdateHosts": [1]})").object(), &error));
    QVERIFY(!Policy::fromJson(QJsonDocument::fromJson(R"({"ApprovedUpdateHosts": ["a/b/c"]})").object(), &error));
    QVERIFY(!Policy::fromJson(QJsonDocument::fromJson(R"({"TimeWindow": ["1h"]})").object(), &error));
}

void Tst_policy::repositoryHostsAreApprovedHosts()
{
    Policy p = Policy::defaults();
    QString error;
    QVERIFY(p.applyAssignment(
        QStringLiteral(
            "ApprovedRepos=deb [signed-by=/usr/share/keyrings/d.gpg] http://deb.debian.org/debian bookworm main"),
        &error));
    QVERIFY(p.applyAssignment(QStringLiteral("ApprovedRepos+=https://download.docker.com/linux/debian"), &error));
    QVERIFY(p.applyAssignment(QStringLiteral("ApprovedRepos+=9DC858229FC7DD38854AE2D88D81803C0EBFCD88"), &error));
    QVERIFY(p.isApprovedRepoHost(QStringLiteral("deb.debian.org")));
    QVERIFY(p.isApprovedHost(QStringLiteral("download.docker.com")));
    QVERIFY(!p.isApprovedHost(QStringLiteral("evil.example")));
}

void Tst_policy::caseKeepsEveryVersion()
{
    QTemporaryDir dir;
    auto store = CaseStore::create(dir.filePath(QStringLiteral("p.chainscope")));
    QCOMPARE(store->policy().version, 0);
    QVERIFY(store->policy() == Policy::defaults());
    Policy p = store->policy();
    QString error;
    QVERIFY(p.applyAssignment(QStringLiteral("TimeWindow=4h"), &error));
    QCOMPARE(store->savePolicy(p), 1);
    QCOMPARE(store->savePolicy(p), 1); // unchanged: no new version
    QVERIFY(p.applyAssignment(QStringLiteral("ApprovedUpdateHosts+=192.0.2.0/24"), &error));
    QCOMPARE(store->savePolicy(p), 2);
    const Policy current = store->policy();
    QCOMPARE(current.version, 2);
    QVERIFY(current == p);
    QVERIFY(current.isApprovedHost(QStringLiteral("192.0.2.1")));
    Statement versions(store->database(), "SELECT count(*) FROM policy_versions");
    versions.step();
    QCOMPARE(versions.int64(0), 2);
}

QTEST_GUILESS_MAIN(Tst_policy)
#include "tst_policy.moc"
