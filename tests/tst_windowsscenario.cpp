// The Windows demo scenario through normalizer, case store and correlation: each story
// must come out as its ground truth says. Expected values come from the generator's
// story definitions, never from constants here.

#include "caseindex.h"
#include "casestore.h"
#include "correlator.h"
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

const Chain *chainOf(const QList<Chain> &chains, const WindowsScenarioStory &story)
{
    for (const Chain &c : chains) {
        if (c.host == story.host && c.writtenPaths == story.written)
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
    QCOMPARE(m_scenario.stories.size(), 3);
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
    if (story->expectMismatchedChain) {
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

void Tst_WindowsScenario::importedFromEvtxTheChainsAreTheSame()
{
    const QString dir = m_dir.filePath(QStringLiteral("evtx"));
    QVERIFY(QDir().mkpath(dir));
    const WindowsScenarioFiles written = writeWindowsScenario(dir, m_scenario);
    QVERIFY2(written.error.isEmpty(), qPrintable(written.error));
    auto store = CaseStore::create(m_dir.filePath(QStringLiteral("from-evtx.chainscope")));
    for (const QString &f : written.files) {
        const ImportResult r = importFile(*store, f, {});
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
