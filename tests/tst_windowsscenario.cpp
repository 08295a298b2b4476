// The Windows demo scenario through normalizer, case store and correlation: each story
// must come out as its ground truth says. Expected values come from the generator's
// story definitions, never from constants here.

#include "caseindex.h"
#include "casestore.h"
#include "correlator.h"
#include "formats.h"
#include "importer.h"
#include "testsupport.h"
#include "windowsnormalizer.h"
#include "windowsscenario.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Chainscope;

namespace {

// Stores the scenario's records the way an import does, without files in between
// (the EVTX round trip is tested with the encoder).
void storeScenario(CaseStore &store, const WindowsScenario &scenario)
{
    for (const WindowsScenario::Log &log : scenario.logs) {
        SourceInfo info;
        info.path = log.fileName;
        info.format = QStringLiteral("evtx");
        const qint64 id = store.beginSource(info);
        EventWriter writer(store, id);
        ImportCounts counts;
        for (const WinEventRecord &r : log.records) {
            QList<Event> events;
            normalizeWindowsEvent(r, events);
            for (Event &e : events) {
                e.sourceId = id;
                e.recordPos = qint64(r.recordId);
                writer.add(e, -1);
                ++counts.eventsStored;
            }
            ++counts.recordsRead;
        }
        writer.finish(counts);
    }
}

const QList<WinEventRecord> &recordsOf(const WindowsScenario &scenario, const QString &fileName)
{
    static const QList<WinEventRecord> none;
    for (const WindowsScenario::Log &log : scenario.logs) {
        if (log.fileName == fileName)
            return log.records;
    }
    return none;
}

QList<const WinEventRecord *> withField(
    const QList<WinEventRecord> &records, quint32 eventId, const QString &name, const QString &value)
{
    QList<const WinEventRecord *> found;
    for (const WinEventRecord &r : records) {
        if (r.eventId == eventId && r.value(name).compare(value, Qt::CaseInsensitive) == 0)
            found.append(&r);
    }
    return found;
}

// Why FIN-WS-07's logs do not tell story (d) as its ground truth says, empty when they
// do: dana's msiexec /i; the Installer service known only as the custom action's parent
// and by its own events; the custom action started by it with no file create for its
// image; its shell and that shell's whoami; its resolved and connected destination.
QString msiStoryDiffers(
    const WindowsScenarioStory &d, const QList<WinEventRecord> &sysmon, const QList<WinEventRecord> &application)
{
    const QList<const WinEventRecord *> starts = withField(sysmon, 1, QStringLiteral("Image"), d.firstRunImage);
    if (starts.size() != 1)
        return QStringLiteral("%1 starts of %2").arg(starts.size()).arg(d.firstRunImage);
    const WinEventRecord &action = *starts.first();
    if (action.value(u"ParentImage").compare(d.installer, Qt::CaseInsensitive) != 0
        || action.value(u"ParentCommandLine") != QLatin1String("C:\\Windows\\system32\\msiexec.exe /V")
        || action.value(u"User") != QLatin1String("NT AUTHORITY\\SYSTEM"))
        return QStringLiteral("the custom action's parent or user: ") + Test::describe(action.data);
    const QString service = action.value(u"ParentProcessGuid");
    if (!withField(sysmon, 1, QStringLiteral("ProcessGuid"), service).isEmpty())
        return QStringLiteral("the service's start is in the log");
    bool cached = false;
    for (const WinEventRecord *r : withField(sysmon, 11, QStringLiteral("ProcessGuid"), service)) {
        const QString target = r->value(u"TargetFilename");
        cached
            |= target.startsWith(QLatin1String("C:\\Windows\\Installer\\")) && target.endsWith(QLatin1String(".msi"));
    }
    if (!cached)
        return QStringLiteral("no cached package written by the service");
    const QList<const WinEventRecord *> serviceEnds = withField(sysmon, 5, QStringLiteral("ProcessGuid"), service);
    if (serviceEnds.size() != 1 || serviceEnds.first()->timeUs < action.timeUs)
        return QStringLiteral("the service does not end after its custom action");
    if (!withField(sysmon, 11, QStringLiteral("TargetFilename"), d.firstRunImage).isEmpty())
        return QStringLiteral("a file create for the custom action");

    QList<const WinEventRecord *> clients;
    for (const WinEventRecord *r : withField(sysmon, 1, QStringLiteral("Image"), d.installer)) {
        if (r->value(u"CommandLine").contains(QLatin1String(" /i ")) && r->value(u"User") == QLatin1String("CORP\\dana")
            && r->timeUs < action.timeUs && action.timeUs - r->timeUs < 60 * 1000000LL)
            clients.append(r);
    }
    if (clients.size() != 1 || !clients.first()->value(u"ParentImage").endsWith(QLatin1String("\\explorer.exe")))
        return QStringLiteral("%1 msiexec /i clients started by explorer just before").arg(clients.size());
    const WinEventRecord &client = *clients.first();
    for (quint32 id : {1040u, 1042u}) {
        bool named = false;
        for (const WinEventRecord *r :
            withField(application, id, QStringLiteral("Data2"), client.value(u"ProcessId"))) {
            named |= r->provider == QLatin1String("MsiInstaller")
                && client.value(u"CommandLine").contains(QLatin1Char('"') + r->value(u"Data1") + QLatin1Char('"'));
        }
        if (!named)
            return QStringLiteral("no MsiInstaller %1 for the client's package and pid").arg(id);
    }

    const QString actionGuid = action.value(u"ProcessGuid");
    const WinEventRecord *cmd = nullptr;
    for (const WinEventRecord *r : withField(sysmon, 1, QStringLiteral("ParentProcessGuid"), actionGuid)) {
        if (r->value(u"Image").endsWith(QLatin1String("\\cmd.exe"), Qt::CaseInsensitive)
            && r->value(u"CommandLine").startsWith(QLatin1String("cmd.exe /c whoami")))
            cmd = r;
    }
    if (!cmd)
        return QStringLiteral("no cmd.exe /c whoami below the custom action");
    bool whoami = false;
    for (const WinEventRecord *r :
        withField(sysmon, 1, QStringLiteral("ParentProcessGuid"), cmd->value(u"ProcessGuid")))
        whoami |= r->value(u"Image").endsWith(QLatin1String("\\whoami.exe"), Qt::CaseInsensitive);
    if (!whoami)
        return QStringLiteral("no whoami.exe below cmd.exe");

    QStringList answers;
    for (const WinEventRecord *r : withField(sysmon, 22, QStringLiteral("ProcessGuid"), actionGuid)) {
        if (d.egressHosts.contains(r->value(u"QueryName")))
            answers
                += QString(r->value(u"QueryResults")).remove(QLatin1String("::ffff:")).split(u';', Qt::SkipEmptyParts);
    }
    bool connected = false;
    for (const WinEventRecord *r : withField(sysmon, 3, QStringLiteral("ProcessGuid"), actionGuid))
        connected |= answers.contains(r->value(u"DestinationIp")) && r->timeUs - client.timeUs < 5 * 60 * 1000000LL;
    if (!connected)
        return QStringLiteral("no connect to %1 within minutes").arg(d.egressHosts.join(u','));
    return QString();
}

const Chain *chainOf(const QList<Chain> &chains, const WindowsScenarioStory &story)
{
    for (const Chain &c : chains) {
        // A first run whose write no event shows is found by what ran.
        if (c.host == story.host
            && (story.writeObserved ? c.writtenPaths == story.written : c.firstRun == story.firstRunImage))
            return &c;
    }
    return nullptr;
}

} // namespace

class Tst_WindowsScenario : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void stories_data();
    void stories();
    void nearMissBecomesFullWithALongerWindow();
    void deterministicForASeed();
    void evtxFilesAgreeWithEvtxexport();
    void msiCustomActionIsInTheLogs();
    void msiCustomActionAgreesWithEvtxexport();
    void importedFromEvtxTheChainsAreTheSame();

private:
    QTemporaryDir m_dir;
    WindowsScenario m_scenario;
    std::unique_ptr<CaseStore> m_store;
    CaseIndex m_index;
    Policy m_policy;
};

void Tst_WindowsScenario::initTestCase()
{
    m_scenario = buildWindowsScenario({});
    QCOMPARE(m_scenario.stories.size(), 4);
    m_store = CaseStore::create(m_dir.filePath(QStringLiteral("w.chainscope")));
    storeScenario(*m_store, m_scenario);
    QVERIFY(m_index.load(*m_store));
    m_policy = Policy::defaults();
    m_policy.approvedUpdateHosts = m_scenario.approvedUpdateHosts;
    m_policy.approvedSigners = m_scenario.approvedSigners;
    m_policy.compile();
}

void Tst_WindowsScenario::stories_data()
{
    QTest::addColumn<QString>("label");
    QTest::newRow("a: 3CX-like") << QStringLiteral("a");
    QTest::newRow("b: benign update") << QStringLiteral("b");
    QTest::newRow("c: SUNBURST-like near miss") << QStringLiteral("c");
    QTest::newRow("d: MSI custom action") << QStringLiteral("d");
}

void Tst_WindowsScenario::stories()
{
    QFETCH(QString, label);
    const WindowsScenarioStory *story = m_scenario.story(label);
    QVERIFY(story);
    Correlator correlator(m_index);
    const QList<Chain> chains = correlator.run(m_policy);
    const Chain *c = chainOf(chains, *story);
    QVERIFY2(c, qPrintable(QStringLiteral("no chain for story %1").arg(label)));
    QCOMPARE(c->platform, Platform::Windows);
    QVERIFY(c->installer.contains(fileNameOf(story->installer)));
    QCOMPARE(c->firstRun, story->firstRunImage);
    QCOMPARE(!c->approved, story->expectMismatchedChain || story->lateEgressAfterUs >= 0);
    if (!story->writeObserved) {
        // The MSI custom action: code the installer brought from its cache, with no
        // write of it logged; it starts a shell and reaches an unlisted host.
        QCOMPARE(c->verdict, Verdict::Suspicious);
        QVERIFY(!c->hasStage(Stage::Write));
        QCOMPARE(c->missingStages.first().stage, Stage::Write);
        QVERIFY(c->mismatches.contains(Mismatch::UnexpectedChild));
        QVERIFY(c->mismatches.contains(Mismatch::HostNotApproved));
        QVERIFY(story->egressHosts.contains(c->egress.section(u':', 0, 0)) || story->egressHosts.contains(c->egress));
        QVERIFY(c->installerImage.endsWith(QLatin1String("msiexec.exe"), Qt::CaseInsensitive));
    } else if (story->expectMismatchedChain) {
        QVERIFY(c->isFull());
        QVERIFY(c->mismatches.contains(Mismatch::UnsignedModule));
        QVERIFY(c->mismatches.contains(Mismatch::HostNotApproved));
        QVERIFY(story->egressHosts.contains(c->egress));
        // The unsigned DLL's load is first-run evidence.
        bool unsignedLoadShown = false;
        for (qint32 ev : c->stage(Stage::FirstRun)->eventIndices) {
            const IndexedEvent &e = m_index.events().at(ev);
            unsignedLoadShown
                |= e.kind == EventKind::ModuleLoad && m_index.strings.at(e.target) == story->unsignedModule;
        }
        QVERIFY(unsignedLoadShown);
    } else if (story->lateEgressAfterUs >= 0) {
        // Signer valid, hash new: drift, and the beacon outside the window explained.
        QVERIFY(!c->hasStage(Stage::Egress));
        QVERIFY(c->hasStage(Stage::FirstRun));
        QVERIFY(c->mismatches.contains(Mismatch::HashDrift));
        QVERIFY(!c->mismatches.contains(Mismatch::UnsignedModule));
        QCOMPARE(c->lateEvents.size(), 1);
        QCOMPARE(m_index.events().at(c->lateEvents.first()).kind, EventKind::DnsQuery);
        QVERIFY2(c->missing.join(u' ').contains(QLatin1String("12 days")), qPrintable(c->missing.join(u' ')));
    } else {
        QVERIFY(c->mismatches.isEmpty());
        QVERIFY(c->hasStage(Stage::FirstRun));
        QVERIFY(!c->hasStage(Stage::Egress)); // its connections all went to approved hosts
    }
}

void Tst_WindowsScenario::nearMissBecomesFullWithALongerWindow()
{
    const WindowsScenarioStory *story = m_scenario.story(QStringLiteral("c"));
    Policy policy = m_policy;
    policy.timeWindowUs = story->lateEgressAfterUs + 60 * 1000000LL;
    policy.compile();
    Correlator correlator(m_index);
    const QList<Chain> chains = correlator.run(policy);
    const Chain *c = chainOf(chains, *story);
    QVERIFY(c);
    QVERIFY(c->isFull());
    QVERIFY(c->mismatches.contains(Mismatch::HostNotApproved));
}

void Tst_WindowsScenario::deterministicForASeed()
{
    const WindowsScenario again = buildWindowsScenario({});
    QCOMPARE(again.logs.size(), m_scenario.logs.size());
    for (qsizetype i = 0; i < again.logs.size(); ++i) {
        QCOMPARE(again.logs.at(i).records.size(), m_scenario.logs.at(i).records.size());
        for (qsizetype k = 0; k < again.logs.at(i).records.size(); ++k) {
            QCOMPARE(again.logs.at(i).records.at(k).timeUs, m_scenario.logs.at(i).records.at(k).timeUs);
            QCOMPARE(again.logs.at(i).records.at(k).data, m_scenario.logs.at(i).records.at(k).data);
        }
    }
    WindowsScenarioOptions other;
    other.seed = 2;
    QVERIFY(buildWindowsScenario(other).logs.first().records.first().timeUs
            != m_scenario.logs.first().records.first().timeUs
        || buildWindowsScenario(other).logs.first().records.at(1).data != m_scenario.logs.first().records.at(1).data);
}

void Tst_WindowsScenario::evtxFilesAgreeWithEvtxexport()
{
    // The encoder writes genuine EVTX: the independent reader sees every record as
    // the scenario defined it.
    const WindowsScenarioFiles written = writeWindowsScenario(m_dir.path(), m_scenario);
    QVERIFY2(written.error.isEmpty(), qPrintable(written.error));
    QCOMPARE(written.files.size(), m_scenario.logs.size());
    for (qsizetype i = 0; i < written.files.size(); ++i) {
        QString error;
        const QList<Test::OracleRecord> oracle = Test::runEvtxexport(written.files.at(i), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QList<WinEventRecord> &records = m_scenario.logs.at(i).records;
        QCOMPARE(oracle.size(), records.size());
        for (qsizetype k = 0; k < records.size(); ++k) {
            const WinEventRecord &r = records.at(k);
            const Test::OracleRecord &o = oracle.at(k);
            QCOMPARE(o.recordId, r.recordId);
            QCOMPARE(o.provider, r.provider);
            QCOMPARE(o.eventId, r.eventId);
            QCOMPARE(o.computer, r.computer);
            QCOMPARE(o.channel, r.channel);
            QCOMPARE(o.timeUs / 1000, r.timeUs / 1000); // FILETIME keeps 100 ns; compare ms
            QVERIFY2(o.data.size() == r.data.size(),
                qPrintable(Test::describe(o.data) + QStringLiteral("\n") + Test::describe(r.data)));
            for (qsizetype d = 0; d < r.data.size(); ++d) {
                QCOMPARE(o.data.at(d).first, r.data.at(d).first);
                QVERIFY2(Test::sameValue(o.data.at(d).second, r.data.at(d).second),
                    qPrintable(r.data.at(d).first + QStringLiteral(": ") + o.data.at(d).second + QStringLiteral(" vs ")
                        + r.data.at(d).second));
            }
        }
    }
}

void Tst_WindowsScenario::msiCustomActionIsInTheLogs()
{
    const WindowsScenarioStory *d = m_scenario.story(QStringLiteral("d"));
    QVERIFY(d);
    QVERIFY(d->expectMismatchedChain);
    QVERIFY(d->written.isEmpty() && !d->writeObserved);
    QCOMPARE(d->host, m_scenario.story(QStringLiteral("a"))->host);
    QVERIFY(d->firstRunImage.startsWith(QLatin1String("C:\\Windows\\Installer\\MSI")));
    QVERIFY(d->firstRunImage.endsWith(QLatin1String(".tmp")));
    QCOMPARE(d->installer, QStringLiteral("C:\\Windows\\System32\\msiexec.exe"));
    for (const QString &host : d->egressHosts)
        QVERIFY(!m_scenario.approvedUpdateHosts.contains(host));
    const QString differs = msiStoryDiffers(*d, recordsOf(m_scenario, QStringLiteral("fin-ws-07-sysmon.evtx")),
        recordsOf(m_scenario, QStringLiteral("fin-ws-07-application.evtx")));
    QVERIFY2(differs.isEmpty(), qPrintable(differs));
    // The other stories' ground truth keeps its writes.
    for (const WindowsScenarioStory &s : m_scenario.stories)
        QCOMPARE(s.writeObserved, s.label != u"d");
}

void Tst_WindowsScenario::msiCustomActionAgreesWithEvtxexport()
{
    // The same story as the independent reader sees it in the written files.
    const QString dir = m_dir.filePath(QStringLiteral("msi"));
    QVERIFY(QDir().mkpath(dir));
    const WindowsScenarioFiles written = writeWindowsScenario(dir, m_scenario);
    QVERIFY2(written.error.isEmpty(), qPrintable(written.error));
    const auto read = [&](const QString &fileName) {
        QList<WinEventRecord> records;
        QString error;
        for (const Test::OracleRecord &o : Test::runEvtxexport(QDir(dir).filePath(fileName), &error)) {
            WinEventRecord r;
            r.recordId = o.recordId;
            r.provider = o.provider;
            r.eventId = o.eventId;
            r.timeUs = o.timeUs;
            r.data = o.data;
            records.append(r);
        }
        return error.isEmpty() ? records : QList<WinEventRecord>();
    };
    const QList<WinEventRecord> sysmon = read(QStringLiteral("fin-ws-07-sysmon.evtx"));
    const QList<WinEventRecord> application = read(QStringLiteral("fin-ws-07-application.evtx"));
    QCOMPARE(sysmon.size(), recordsOf(m_scenario, QStringLiteral("fin-ws-07-sysmon.evtx")).size());
    QCOMPARE(application.size(), recordsOf(m_scenario, QStringLiteral("fin-ws-07-application.evtx")).size());
    const QString differs = msiStoryDiffers(*m_scenario.story(QStringLiteral("d")), sysmon, application);
    QVERIFY2(differs.isEmpty(), qPrintable(differs));
}

void Tst_WindowsScenario::importedFromEvtxTheChainsAreTheSame()
{
    const QString dir = m_dir.filePath(QStringLiteral("evtx"));
    QVERIFY(QDir().mkpath(dir));
    const WindowsScenarioFiles written = writeWindowsScenario(dir, m_scenario);
    QVERIFY2(written.error.isEmpty(), qPrintable(written.error));
    auto store = CaseStore::create(m_dir.filePath(QStringLiteral("from-evtx.chainscope")));
    for (const QString &f : written.files) {
        const ImportResult r = importFile(*store, builtinFormats(), f, {});
        QCOMPARE(r.status, ImportResult::Status::Complete);
        QCOMPARE(r.format, QStringLiteral("evtx"));
        QCOMPARE(r.counts.recordsFailed, 0);
    }
    CaseIndex index;
    QVERIFY(index.load(*store));
    Correlator fromFiles(index);
    Correlator inMemory(m_index);
    const QList<Chain> a = fromFiles.run(m_policy);
    const QList<Chain> b = inMemory.run(m_policy);
    QCOMPARE(a.size(), b.size());
    QVERIFY(a.size() >= 3);
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(a.at(i).host, b.at(i).host);
        QCOMPARE(a.at(i).installer, b.at(i).installer);
        QCOMPARE(a.at(i).firstRun, b.at(i).firstRun);
        QCOMPARE(a.at(i).egress, b.at(i).egress);
        QCOMPARE(a.at(i).mismatches, b.at(i).mismatches);
        QCOMPARE(a.at(i).missing, b.at(i).missing);
        QCOMPARE(a.at(i).writtenPaths, b.at(i).writtenPaths);
        QCOMPARE(a.at(i).startUs, b.at(i).startUs);
    }
}

QTEST_GUILESS_MAIN(Tst_WindowsScenario)
#include "tst_windowsscenario.moc"
