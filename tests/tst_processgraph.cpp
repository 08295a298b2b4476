// Process reconstruction: fork/exec/exit, pid reuse, processes seen only by their
// events, and the graph queries the correlation core relies on.

#include "caseindex.h"
#include "testsupport.h"

#include <QTest>

using namespace Chainscope;
using Chainscope::Test::Timeline;

namespace {

constexpr qint64 S = 1000000; // one second in microseconds

qint32 nodeOfEvent(const CaseIndex &index, qint64 id)
{
    for (const IndexedEvent &e : index.events()) {
        if (e.id == id)
            return e.node;
    }
    return -2;
}

} // namespace

class Tst_processgraph : public QObject
{
    Q_OBJECT
private slots:
    void forkThenExecIsOneProcess();
    void childAttachesToTheParentAliveAtItsStart();
    void processesWithoutStartAreSeenFrom();
    void execOverExecContinuesTheProcess();
    void descendantsRespectTime();
    void firstExecAfterAGivenTime();
    void windowsStartLoggedTwiceIsOneProcess();
    void windowsPidReuseStartsANewProcess();
    void windowsPathsMatchInAnyCase();
    void dnsAnswersNameLaterConnections();
    void parentKnownOnlyFromItsChild();
    void guidsThatNameADescendantMakeNoCycle();
    void processSeenBeforeItsStartGetsItsParent();
    void identicalRecordsOfOneSourceAreKept();
    void childJoinsTheShellThatRanItsCommandLine_data();
    void childJoinsTheShellThatRanItsCommandLine();
};

void Tst_processgraph::forkThenExecIsOneProcess()
{
    CaseIndex index;
    Timeline(index)
        .exec(100, 10, 1, QStringLiteral("/bin/bash"))
        .fork(200, 10, 11, QStringLiteral("/bin/bash"))
        .exec(210, 11, 10, QStringLiteral("/usr/bin/curl"), QStringLiteral("curl -s http://x"))
        .exit(300, 11)
        .build();
    // bash (seen start) + its parent pid 1 seen from 100 + curl.
    const qint32 curl = nodeOfEvent(index, 3);
    QVERIFY(curl >= 0);
    QCOMPARE(nodeOfEvent(index, 2), curl); // the fork created the node the exec filled
    const ProcessNode &n = index.process(curl);
    QCOMPARE(index.strings.at(n.image), QStringLiteral("/usr/bin/curl"));
    QCOMPARE(index.strings.at(n.commandLine), QStringLiteral("curl -s http://x"));
    QCOMPARE(n.startUs, 200);
    QCOMPARE(n.endUs, 300);
    QVERIFY(n.startSeen);
    QCOMPARE(index.strings.at(index.process(n.parent).image), QStringLiteral("/bin/bash"));
    QCOMPARE(index.ancestors(curl).size(), 2); // bash, then pid 1 seen from its child's exec
    QVERIFY(!index.process(index.ancestors(curl).last()).startSeen);
}

void Tst_processgraph::childAttachesToTheParentAliveAtItsStart()
{
    CaseIndex index;
    // pid 50 is used twice; each child belongs to the pid-50 process of its time.
    Timeline(index)
        .exec(100, 50, 1, QStringLiteral("/usr/bin/first"))
        .fork(110, 50, 60, QStringLiteral("/usr/bin/first"))
        .exit(120, 50)
        .exec(130, 50, 1, QStringLiteral("/usr/bin/second"))
        .fork(140, 50, 61, QStringLiteral("/usr/bin/second"))
        .build();
    const qint32 a = nodeOfEvent(index, 2);
    const qint32 b = nodeOfEvent(index, 5);
    QCOMPARE(index.strings.at(index.process(index.process(a).parent).image), QStringLiteral("/usr/bin/first"));
    QCOMPARE(index.strings.at(index.process(index.process(b).parent).image), QStringLiteral("/usr/bin/second"));
    QVERIFY(index.process(a).parent != index.process(b).parent);
    QCOMPARE(index.process(index.process(a).parent).endUs, 120);
}

void Tst_processgraph::processesWithoutStartAreSeenFrom()
{
    CaseIndex index;
    Timeline(index).connect(500, 77, QStringLiteral("203.0.113.5")).write(600, 77, QStringLiteral("/tmp/x")).build();
    const qint32 n = nodeOfEvent(index, 1);
    QVERIFY(n >= 0);
    QCOMPARE(nodeOfEvent(index, 2), n);
    QVERIFY(!index.process(n).startSeen);
    QCOMPARE(index.process(n).startUs, 500);
    QCOMPARE(index.eventsOf(n).size(), 2);
}

void Tst_processgraph::execOverExecContinuesTheProcess()
{
    CaseIndex index;
    // sh runs "exec curl": same pid, new image, no fork.
    Timeline(index)
        .exec(100, 20, 1, QStringLiteral("/bin/sh"))
        .exec(150, 20, 1, QStringLiteral("/usr/bin/curl"))
        .connect(160, 20, QStringLiteral("198.51.100.1"))
        .build();
    const qint32 sh = nodeOfEvent(index, 1);
    const qint32 curl = nodeOfEvent(index, 2);
    QVERIFY(sh != curl);
    QCOMPARE(index.process(curl).parent, sh);
    QCOMPARE(index.process(sh).endUs, 150);
    QCOMPARE(nodeOfEvent(index, 3), curl);
}

void Tst_processgraph::descendantsRespectTime()
{
    CaseIndex index;
    Timeline(index)
        .exec(100, 1000, 1, QStringLiteral("/usr/bin/apt-get"))
        .fork(110, 1000, 1001, QStringLiteral("/usr/bin/apt-get"))
        .exec(111, 1001, 1000, QStringLiteral("/usr/bin/dpkg"))
        .fork(120, 1001, 1002, QStringLiteral("/usr/bin/dpkg"))
        .exec(121, 1002, 1001, QStringLiteral("/bin/sh"))
        .fork(9000, 1000, 1003, QStringLiteral("/usr/bin/apt-get"))
        .build();
    const qint32 apt = nodeOfEvent(index, 1);
    QCOMPARE(index.descendants(apt).size(), 3);
    QCOMPARE(index.descendants(apt, 200).size(), 2);
    QCOMPARE(index.descendants(nodeOfEvent(index, 3)).size(), 1);
}

void Tst_processgraph::firstExecAfterAGivenTime()
{
    CaseIndex index;
    Timeline(index)
        .exec(100, 5, 1, QStringLiteral("/usr/local/bin/tool"))
        .exec(400, 6, 1, QStringLiteral("/usr/local/bin/tool"))
        .exec(500, 7, 1, QStringLiteral("/usr/local/bin/tool"))
        .build();
    const qint32 host = index.strings.find(QStringLiteral("h1"));
    const qint32 path = index.strings.find(QStringLiteral("/usr/local/bin/tool"));
    QCOMPARE(index.events().at(*index.firstExec(host, path, 0)).id, 1);
    QCOMPARE(index.events().at(*index.firstExec(host, path, 101)).id, 2);
    QCOMPARE(index.events().at(*index.firstExec(host, path, 400)).id, 2);
    QVERIFY(!index.firstExec(host, path, 501));
    QVERIFY(!index.firstExec(host, index.strings.intern(QStringLiteral("/other")), 0));
}

void Tst_processgraph::windowsStartLoggedTwiceIsOneProcess()
{
    // Sysmon 1 and Security 4688 both record one start; the image may differ in case.
    CaseIndex index;
    Timeline(index)
        .platform(Platform::Windows)
        .exec(1000000, 600, 4, QStringLiteral("C:\\Windows\\explorer.exe"))
        .exec(2000000, 700, 600, QStringLiteral("C:\\Program Files\\App\\app.exe"), QStringLiteral("app.exe --x"))
        .exec(2300000, 700, 600, QStringLiteral("c:\\program files\\app\\APP.EXE"))
        .build();
    QCOMPARE(nodeOfEvent(index, 3), nodeOfEvent(index, 2));
    const ProcessNode &app = index.process(nodeOfEvent(index, 2));
    QCOMPARE(index.strings.at(app.commandLine), QStringLiteral("app.exe --x"));
    QCOMPARE(app.parent, nodeOfEvent(index, 1));
    QCOMPARE(index.processes().size(), 3); // explorer's parent (pid 4, seen from), explorer, app
}

void Tst_processgraph::windowsPidReuseStartsANewProcess()
{
    // Windows reuses pids quickly. A later start of a live pid is a new process whose
    // parent is its ppid's process, never the earlier holder of the pid (no exec).
    CaseIndex index;
    Timeline(index)
        .platform(Platform::Windows)
        .exec(1000000, 600, 4, QStringLiteral("C:\\Windows\\explorer.exe"))
        .exec(2000000, 700, 600, QStringLiteral("C:\\Program Files\\App\\app.exe"))
        .exec(9000000, 700, 600, QStringLiteral("C:\\Windows\\System32\\cmd.exe"))
        .build();
    const qint32 first = nodeOfEvent(index, 2);
    const qint32 second = nodeOfEvent(index, 3);
    QVERIFY(first >= 0 && second >= 0 && first != second);
    QCOMPARE(index.process(first).endUs, 9000000);
    QCOMPARE(index.process(second).parent, nodeOfEvent(index, 1));
    QVERIFY(!index.descendants(first).contains(second));
}

void Tst_processgraph::windowsPathsMatchInAnyCase()
{
    CaseIndex index;
    Timeline(index)
        .platform(Platform::Windows)
        .write(1000000, 900, QStringLiteral("C:\\Users\\ann\\AppData\\Local\\Tool\\Tool.exe"))
        .exec(5000000, 910, 4, QStringLiteral("c:\\users\\ann\\appdata\\local\\tool\\tool.EXE"))
        .build();
    const qint32 written = index.strings.find(QStringLiteral("C:\\Users\\ann\\AppData\\Local\\Tool\\Tool.exe"));
    const qint32 host = index.strings.find(QStringLiteral("h1"));
    const auto exec = index.firstExec(host, written, 1000000);
    QVERIFY(exec);
    QCOMPARE(index.events().at(*exec).id, 2);
    // Linux paths stay case-sensitive.
    CaseIndex onLinux;
    Timeline(onLinux)
        .write(100, 9, QStringLiteral("/opt/Tool/tool"))
        .exec(200, 10, 1, QStringLiteral("/opt/tool/tool"))
        .build();
    QVERIFY(!onLinux.firstExec(
        onLinux.strings.find(QStringLiteral("h1")), onLinux.strings.find(QStringLiteral("/opt/Tool/tool")), 0));
}

void Tst_processgraph::dnsAnswersNameLaterConnections()
{
    CaseIndex index;
    Timeline(index)
        .platform(Platform::Windows)
        .exec(1000000, 700, 4, QStringLiteral("C:\\App\\app.exe"))
        .exec(1000000, 800, 4, QStringLiteral("C:\\Other\\other.exe"))
        .dns(2000000, 700, QStringLiteral("cdn.example.net"),
            {QStringLiteral("203.0.113.7"), QStringLiteral("203.0.113.8")})
        .connect(3000000, 700, QStringLiteral("203.0.113.8"))
        .connect(3000000, 800, QStringLiteral("203.0.113.8")) // another process: not named by app's query
        .connect(3000000, 700, QStringLiteral("198.51.100.1")) // not among the answers
        .build();
    const auto hostOf = [&](qint64 id) {
        for (const IndexedEvent &e : index.events()) {
            if (e.id == id)
                return index.strings.at(e.dstHost);
        }
        return QStringLiteral("?");
    };
    QCOMPARE(hostOf(4), QStringLiteral("cdn.example.net"));
    QCOMPARE(hostOf(5), QString());
    QCOMPARE(hostOf(6), QString());
}

// Sysmon 1 names the parent by GUID, image and command line: a parent whose own start
// is before the log is still a node, with what the child said about it.
void Tst_processgraph::parentKnownOnlyFromItsChild()
{
    CaseIndex index;
    Timeline(index)
        .platform(Platform::Windows)
        .exec(10 * S, 3680, 2080, QStringLiteral("C:\\Windows\\Installer\\MSI1.tmp"))
        .withGuids(QStringLiteral("{B-2}"), QStringLiteral("{B-1}"),
            QStringLiteral("C:\\Windows\\System32\\msiexec.exe"), QStringLiteral("msiexec.exe /V"))
        .exec(11 * S, 2892, 3680, QStringLiteral("C:\\Windows\\System32\\cmd.exe"))
        .withGuids(QStringLiteral("{B-3}"), QStringLiteral("{B-2}"))
        // A later event of the parent, by GUID, is the same process.
        .write(12 * S, 2080, QStringLiteral("C:\\Windows\\Installer\\x.msi"))
        .withGuids(QStringLiteral("{B-1}"))
        .build();
    const qint32 child = index.events().at(0).node;
    const qint32 parent = index.process(child).parent;
    QVERIFY(parent >= 0);
    QCOMPARE(index.strings.at(index.process(parent).image), QStringLiteral("C:\\Windows\\System32\\msiexec.exe"));
    QCOMPARE(index.strings.at(index.process(parent).commandLine), QStringLiteral("msiexec.exe /V"));
    QVERIFY(!index.process(parent).startSeen);
    QCOMPARE(index.process(parent).pid, 2080);
    QCOMPARE(index.process(index.events().at(1).node).parent, child);
    QCOMPARE(index.events().at(2).node, parent);
    QCOMPARE(index.processes().size(), 3);
}

// Hostile GUIDs: B says A is its parent, then A's start says B is its parent.
void Tst_processgraph::guidsThatNameADescendantMakeNoCycle()
{
    CaseIndex index;
    Timeline(index)
        .platform(Platform::Windows)
        .exec(10 * S, 200, 100, QStringLiteral("C:\\b.exe"))
        .withGuids(QStringLiteral("{GB}"), QStringLiteral("{GA}"), QStringLiteral("C:\\a.exe"))
        .exec(11 * S, 100, 200, QStringLiteral("C:\\a.exe"))
        .withGuids(QStringLiteral("{GA}"), QStringLiteral("{GB}"), QStringLiteral("C:\\b.exe"))
        .build();
    const qint32 b = index.events().at(0).node;
    const qint32 a = index.events().at(1).node;
    QCOMPARE(index.process(b).parent, a);
    QVERIFY(!index.ancestors(a).contains(a));
    QVERIFY(!index.ancestors(b).contains(b));
    QVERIFY(index.ancestors(b).size() <= 1);
    QCOMPARE(index.descendants(a), QList<qint32> {b});
}

// A process known by its events before its start, whose parent is new too: linking
// them must not write through a reference into a list that just grew (ASan).
void Tst_processgraph::processSeenBeforeItsStartGetsItsParent()
{
    CaseIndex index;
    Timeline t(index);
    t.platform(Platform::Windows).connect(1 * S, 100, QStringLiteral("192.0.2.1")).withGuids(QStringLiteral("{G1}"));
    // Enough other processes that the node list has to grow at the next addition.
    for (int i = 0; i < 64; ++i)
        t.exec(2 * S + i, 1000 + i, 4, QStringLiteral("C:\\x.exe"));
    t.exec(3 * S, 100, 777, QStringLiteral("C:\\tool.exe"))
        .withGuids(QStringLiteral("{G1}"), QStringLiteral("{G0}"), QStringLiteral("C:\\parent.exe"))
        .build();
    const qint32 tool = index.events().at(0).node;
    QCOMPARE(index.events().last().node, tool);
    QVERIFY(index.process(tool).startSeen);
    const qint32 parent = index.process(tool).parent;
    QVERIFY(parent >= 0);
    QCOMPARE(index.strings.at(index.process(parent).image), QStringLiteral("C:\\parent.exe"));
    QVERIFY(index.process(parent).children.contains(tool));
}

// Two identical records of one file are two records; only another source's copy of
// them is a duplicate.
void Tst_processgraph::identicalRecordsOfOneSourceAreKept()
{
    CaseIndex index;
    Timeline(index)
        .connect(1 * S, 100, QStringLiteral("192.0.2.1"))
        .connect(1 * S, 100, QStringLiteral("192.0.2.1"))
        .connect(1 * S, 100, QStringLiteral("192.0.2.1"))
        .importedAgain(2)
        .build();
    QCOMPARE(index.events().size(), 3);
    QCOMPARE(index.duplicatesDropped(), 3);
}

// auditd lost the fork that would name the parent: the shell that ran
// "node setup.js" just before is one step of the lineage, and says it was inferred.
void Tst_processgraph::childJoinsTheShellThatRanItsCommandLine_data()
{
    QTest::addColumn<qint64>("after");
    QTest::addColumn<QString>("childCommand");
    QTest::addColumn<bool>("joined");
    QTest::newRow("a second later") << S << QStringLiteral("node setup.js") << true;
    QTest::newRow("at the bound") << 5 * S << QStringLiteral("node setup.js") << true;
    QTest::newRow("one microsecond past") << 5 * S + 1 << QStringLiteral("node setup.js") << false;
    QTest::newRow("another command") << S << QStringLiteral("node other.js") << false;
    QTest::newRow("a bare name is too weak") << S << QStringLiteral("node") << false;
}

void Tst_processgraph::childJoinsTheShellThatRanItsCommandLine()
{
    QFETCH(qint64, after);
    QFETCH(QString, childCommand);
    QFETCH(bool, joined);
    CaseIndex index;
    Timeline(index)
        .exec(10 * S, 500, 1, QStringLiteral("/bin/sh"), QStringLiteral("sh -c node setup.js"))
        // The child names a parent pid no record shows.
        .exec(10 * S + after, 600, 999, QStringLiteral("/usr/bin/node"), childCommand)
        .build();
    const qint32 shell = index.events().at(0).node;
    const ProcessNode &child = index.process(index.events().at(1).node);
    QCOMPARE(child.parent == shell, joined);
    QCOMPARE(child.parentReason != 0, joined);
    if (joined)
        QVERIFY2(index.strings.at(child.parentReason).startsWith(QLatin1String("inferred: sh ran \"node setup.js\"")),
            qPrintable(index.strings.at(child.parentReason)));
}

QTEST_GUILESS_MAIN(Tst_processgraph)
#include "tst_processgraph.moc"
