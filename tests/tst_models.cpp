// Item models of the workbench, checked by QAbstractItemModelTester while they
// reset, page and filter.

#include "chainsmodel.h"
#include "eventsmodel.h"
#include "explanation.h"
#include "formats.h"
#include "importer.h"
#include "processtreemodel.h"
#include "sourcesmodel.h"
#include "testsupport.h"
#include "windowsscenario.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Chainscope;

class Tst_models : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sourcesModelShowsStatusAndCounts();
    void eventsModelPagesInTimeOrder_data();
    void eventsModelPagesInTimeOrder();
    void eventObjectNamesTheDestination_data();
    void eventObjectNamesTheDestination();
    void chainsAndProcessTreeModels();
    void modelsRenderTheVerdictTheyAreGiven();
    void treeShowsTheEvidenceColumns();
    void treeTimeZone();
    void chainsModelColumnsLabelsAndTriage();

private:
    const QList<Chain> &demoChains();
    std::unique_ptr<CaseStore> m_demoStore;
    CaseIndex m_demoIndex;
    QList<Chain> m_demoChains;
    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    static constexpr int Events = 1234; // not a multiple of the page size
};

void Tst_models::initTestCase()
{
    m_store = CaseStore::create(m_dir.filePath(QStringLiteral("models.chainscope")));
    SourceInfo info;
    info.path = QStringLiteral("/evidence/audit.log");
    info.format = QStringLiteral("auditd");
    info.host = QStringLiteral("web01");
    info.timeZone = QStringLiteral("Europe/Berlin");
    const qint64 sid = m_store->beginSource(info);
    EventWriter writer(*m_store, sid);
    // Inserted out of time order; every third is a connect.
    for (int i = 0; i < Events; ++i) {
        Event e;
        e.timeUs = qint64((i * 7919) % Events) * 1000;
        e.kind = i % 3 == 0 ? EventKind::NetConnect : EventKind::ProcessStart;
        e.platform = Platform::Linux;
        e.pid = i;
        e.host = QStringLiteral("h");
        writer.add(e, -1);
    }
    ImportCounts counts;
    counts.recordsRead = Events;
    counts.recordsSkipped = 4;
    counts.gaps.add(10, 12); // issue 11, finding 12: shown in their own column
    writer.finish(counts);

    SourceInfo broken;
    broken.path = QStringLiteral("/evidence/killed.log");
    m_store->beginSource(broken);
}

void Tst_models::sourcesModelShowsStatusAndCounts()
{
    SourcesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.reload(m_store.get());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, SourcesModel::Events).data().toInt(), Events);
    QCOMPARE(model.index(0, SourcesModel::Path).data().toString(), QStringLiteral("audit.log"));
    // The path's tooltip is escaped rich text: a file name is hostile text.
    QCOMPARE(model.index(0, SourcesModel::Path).data(Qt::ToolTipRole).toString(),
        plainToolTip(m_store->sources().at(0).path));
    QCOMPARE(model.index(0, SourcesModel::Errors).data().toInt(), 0);
    QCOMPARE(model.index(0, SourcesModel::Gaps).data().toInt(), 3);
    QCOMPARE(model.headerData(SourcesModel::Gaps, Qt::Horizontal).toString(), QStringLiteral("Gaps"));
    QVERIFY(model.index(0, SourcesModel::Gaps).data(Qt::ToolTipRole).toString().contains(QStringLiteral("10-12")));
    QCOMPARE(model.index(1, SourcesModel::Gaps).data().toInt(), 0);
    // Issue 14: skipped lines, errors and gaps each in their column, and the zone the
    // file's local times were read in.
    QCOMPARE(model.index(0, SourcesModel::Skipped).data().toInt(), 4);
    QCOMPARE(model.headerData(SourcesModel::Skipped, Qt::Horizontal).toString(), QStringLiteral("Skipped"));
    QCOMPARE(model.index(0, SourcesModel::TimeZone).data().toString(), QStringLiteral("Europe/Berlin"));
    QVERIFY(model.index(0, SourcesModel::TimeZone).data(Qt::ToolTipRole).toString().contains(u"Europe/Berlin"));
    QCOMPARE(model.index(0, SourcesModel::Host).data().toString(), QStringLiteral("web01"));
    QCOMPARE(model.index(1, SourcesModel::Skipped).data().toInt(), 0);
    QCOMPARE(model.index(0, 0).data(SourcesModel::IncompleteRole).toBool(), false);
    QCOMPARE(model.index(1, 0).data(SourcesModel::IncompleteRole).toBool(), true);
    model.reload(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void Tst_models::eventsModelPagesInTimeOrder_data()
{
    QTest::addColumn<int>("kind"); // -1: all
    QTest::addColumn<int>("expected");
    QTest::newRow("all") << -1 << Events;
    QTest::newRow("net_connect") << int(EventKind::NetConnect) << (Events + 2) / 3;
    QTest::newRow("dns_query (none)") << int(EventKind::DnsQuery) << 0;
}

void Tst_models::eventsModelPagesInTimeOrder()
{
    QFETCH(int, kind);
    QFETCH(int, expected);
    EventsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reset(m_store.get(), kind < 0 ? std::nullopt : std::optional<EventKind>(EventKind(kind)));
    // Every matching row at once, before any page is read.
    QCOMPARE(model.rowCount(), expected);
    QCOMPARE(model.matchCount(), qint64(expected));
    for (int row = 1; row < model.rowCount(); ++row) {
        const Event &a = model.eventAt(row - 1);
        const Event &b = model.eventAt(row);
        QVERIFY(a.timeUs < b.timeUs || (a.timeUs == b.timeUs && a.id < b.id));
        if (kind >= 0)
            QCOMPARE(int(b.kind), kind);
        QVERIFY(model.cachedPageCount() <= model.maxCachedPages());
    }
    QVERIFY(model.pagesRead() <= expected / EventsModel::PageSize + 1);
    model.reset(nullptr);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

void Tst_models::eventObjectNamesTheDestination_data()
{
    QTest::addColumn<QString>("ip");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ipv4") << QStringLiteral("203.0.113.9") << 443 << QString() << QStringLiteral("203.0.113.9:443");
    QTest::newRow("ipv6") << QStringLiteral("::1") << 11211 << QString() << QStringLiteral("[::1]:11211");
    QTest::newRow("file") << QString() << -1 << QStringLiteral("/usr/local/bin/x")
                          << QStringLiteral("/usr/local/bin/x");
}

void Tst_models::eventObjectNamesTheDestination()
{
    QFETCH(QString, ip);
    QFETCH(int, port);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    Event e;
    e.dstIp = ip;
    e.dstPort = port;
    e.targetPath = path;
    QCOMPARE(eventObject(e), expected);
}

void Tst_models::chainsAndProcessTreeModels()
{
    // A small case: an installer writes a binary whose first run starts a shell that
    // connects out; a second install that writes nothing monitored.
    CaseIndex index;
    Test::Timeline t(index);
    const qint64 s = 1000000;
    t.exec(100 * s, 10, 1, QStringLiteral("/usr/bin/apt-get"), QStringLiteral("apt-get install x"))
        .fork(101 * s, 10, 11, QStringLiteral("/usr/bin/apt-get"))
        .exec(102 * s, 11, 10, QStringLiteral("/usr/bin/dpkg"))
        .write(103 * s, 11, QStringLiteral("/usr/local/bin/x"))
        .exec(200 * s, 20, 2, QStringLiteral("/usr/local/bin/x"))
        .fork(201 * s, 20, 21, QStringLiteral("/usr/local/bin/x"))
        .exec(202 * s, 21, 20, QStringLiteral("/bin/sh"))
        .connect(203 * s, 21, QStringLiteral("203.0.113.9"))
        .exec(300 * s, 30, 1, QStringLiteral("/usr/bin/dpkg"))
        .write(301 * s, 30, QStringLiteral("/usr/share/doc/y"));
    t.build();
    Correlator correlator(index);
    const QList<Chain> chains = correlator.run(Policy::defaults());

    ChainsModel chainsModel;
    QAbstractItemModelTester chainsTester(&chainsModel, QAbstractItemModelTester::FailureReportingMode::QtTest);
    chainsModel.setChains(chains);
    QCOMPARE(chainsModel.rowCount(), 1);
    QCOMPARE(chainsModel.index(0, ChainsModel::Egress).data().toString(), QStringLiteral("203.0.113.9:443"));
    const Chain &chain = chains.first();
    QCOMPARE(chain.verdict, Verdict::Suspicious);
    QCOMPARE(chainsModel.index(0, ChainsModel::Verdict).data().toString(), QStringLiteral("suspicious"));
    QCOMPARE(chainsModel.index(0, ChainsModel::Verdict).data().toString(), verdictName(chain.verdict));
    QCOMPARE(ChainMark(chainsModel.index(0, 0).data(ChainMarkRole).toInt()), ChainMark::Mismatch);
    const QString tip = chainsModel.index(0, 0).data(Qt::ToolTipRole).toString();
    QVERIFY(!chain.summary.isEmpty());
    QVERIFY2(tip.contains(chain.summary.toHtmlEscaped()), qPrintable(tip));
    chainsModel.setChains({});
    QCOMPARE(chainsModel.rowCount(), 0);

    ProcessTreeModel tree;
    QAbstractItemModelTester treeTester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tree.setChain(&index, chain);
    // The tree shows what the chain says of each process, and nothing else: every
    // process of the chain once, with its roles, mark and first run; the rest are
    // ancestors shown for context.
    QSet<qint32> seen;
    QList<QModelIndex> stack;
    for (int r = 0; r < tree.rowCount(); ++r)
        stack << tree.index(r, 0);
    while (!stack.isEmpty()) {
        const QModelIndex i = stack.takeLast();
        const qint32 node = i.data(ProcessTreeModel::NodeRole).toInt();
        QVERIFY(!seen.contains(node));
        seen.insert(node);
        const QString role = i.siblingAtColumn(ProcessTreeModel::Role).data().toString();
        const auto mark = ChainMark(i.data(ChainMarkRole).toInt());
        QCOMPARE(ChainMark(i.siblingAtColumn(ProcessTreeModel::Role).data(ChainMarkRole).toInt()), mark);
        if (const ChainProcess *p = chain.process(node)) {
            QCOMPARE(role, p->roles.join(QStringLiteral("; ")));
            QCOMPARE(mark, p->mark);
            QCOMPARE(i.data(ProcessTreeModel::FirstRunRole).toBool(), p->firstRun);
        } else {
            QCOMPARE(role, QString());
            QCOMPARE(mark, ChainMark::Context);
            QCOMPARE(i.data(ProcessTreeModel::FirstRunRole).toBool(), false);
        }
        for (int r = 0; r < tree.rowCount(i); ++r)
            stack << tree.index(r, 0, i);
    }
    for (const ChainProcess &p : chain.processes)
        QVERIFY2(seen.contains(p.node), qPrintable(index.processKey(p.node)));
    QVERIFY(seen.size() > chain.processes.size()); // and some context above them
    // Roots: who started the installer (pid 1, known only as a parent) and who
    // started the first run (pid 2, likewise): a little context above each.
    QCOMPARE(tree.rowCount(), 2);
    const QModelIndex launcher = tree.index(0, 0);
    QCOMPARE(launcher.data().toString(), QStringLiteral("(unknown image) [1]"));
    QCOMPARE(ChainMark(launcher.data(ChainMarkRole).toInt()), ChainMark::Context);
    QCOMPARE(tree.rowCount(launcher), 1);
    const QModelIndex apt = tree.index(0, 0, launcher);
    QVERIFY2(apt.data().toString().startsWith(QLatin1String("apt-get [10]")), qPrintable(apt.data().toString()));
    QCOMPARE(apt.siblingAtColumn(ProcessTreeModel::Role).data().toString(), QStringLiteral("installer"));
    QCOMPARE(tree.rowCount(apt), 1);
    const QModelIndex dpkg = tree.index(0, 0, apt);
    QCOMPARE(dpkg.parent(), apt);
    QCOMPARE(dpkg.siblingAtColumn(ProcessTreeModel::Role).data().toString(), QStringLiteral("wrote /usr/local/bin/x"));
    const QModelIndex context = tree.index(1, 0);
    QVERIFY(context.siblingAtColumn(ProcessTreeModel::Start).data().toString().startsWith(QLatin1String("seen from")));
    const QModelIndex run = tree.index(0, 0, context);
    QCOMPARE(run.siblingAtColumn(ProcessTreeModel::Role).data().toString(), QStringLiteral("first run"));
    const QModelIndex shell = tree.index(0, 0, run);
    QVERIFY(shell.siblingAtColumn(ProcessTreeModel::Role)
                .data()
                .toString()
                .contains(QLatin1String("egress to 203.0.113.9")));
    QCOMPARE(ChainMark(shell.data(ChainMarkRole).toInt()), ChainMark::Mismatch);
    tree.clear();
    QCOMPARE(tree.rowCount(), 0);
}

void Tst_models::modelsRenderTheVerdictTheyAreGiven()
{
    // The models render the Correlator's verdict and process roles; they never work
    // them out again. Chains whose other fields would suggest another verdict (all
    // four stages and a flag, yet incomplete; nothing at all, yet approved) show the
    // verdict they carry.
    CaseIndex index;
    Test::Timeline t(index);
    const qint64 s = 1000000;
    t.exec(100 * s, 10, 1, QStringLiteral("/usr/bin/apt-get"), QStringLiteral("apt-get install x"))
        .fork(101 * s, 10, 11, QStringLiteral("/usr/bin/apt-get"))
        .exec(102 * s, 11, 10, QStringLiteral("/usr/bin/dpkg"));
    t.build();
    QList<qint32> nodes;
    for (qint32 n = 0; n < qint32(index.processes().size()); ++n) {
        if (index.process(n).pid == 10 || index.process(n).pid == 11)
            nodes << n;
    }
    QCOMPARE(nodes.size(), 2);

    QList<Chain> chains(3);
    for (int i = 0; i < 3; ++i) {
        chains[i].id = i + 1;
        chains[i].host = QStringLiteral("h1");
    }
    for (Stage st : {Stage::Install, Stage::Write, Stage::FirstRun, Stage::Egress})
        chains[0].stages.append(ChainStage {st, {}, {}});
    chains[0].mismatches = {Mismatch::HashDrift};
    chains[0].verdict = Verdict::Incomplete;
    chains[0].summary = QStringLiteral("Incomplete: <nothing> & approved.");
    chains[0].missingStages.append(MissingStage {Stage::Egress, QStringLiteral("no egress at all"), -1, -1, -1});
    chains[1].verdict = Verdict::Approved;
    chains[1].approved = true;
    chains[1].summary = QStringLiteral("Approved because ApprovedUpdateHosts mirror.example.");
    chains[2].verdict = Verdict::Suspicious;

    ChainsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChains(chains);
    const auto verdictAt = [&](int row) {
        return model.index(row, ChainsModel::Verdict).data().toString();
    };
    const auto markAt = [&](int row) {
        return ChainMark(model.index(row, ChainsModel::Host).data(ChainMarkRole).toInt());
    };
    QCOMPARE(verdictAt(0), QStringLiteral("incomplete"));
    QCOMPARE(markAt(0), ChainMark::InChain);
    QCOMPARE(verdictAt(1), QStringLiteral("approved"));
    QCOMPARE(markAt(1), ChainMark::Approved);
    QCOMPARE(verdictAt(2), QStringLiteral("suspicious"));
    QCOMPARE(markAt(2), ChainMark::Mismatch);
    const QString tip = model.index(0, 0).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1String("Incomplete: &lt;nothing&gt; &amp; approved.")), qPrintable(tip));
    QVERIFY2(tip.contains(QLatin1String("no egress at all")), qPrintable(tip));
    QVERIFY2(model.index(1, 0).data(Qt::ToolTipRole).toString().contains(chains[1].summary), "approved tooltip");

    // Roles and marks that no stage or event kind would give (a first run and an
    // installer both flagged, with no evidence at all): the tree shows them.
    Chain chain;
    chain.seedNode = nodes.at(0);
    chain.processes.append(ChainProcess {nodes.at(0), {QStringLiteral("alpha")}, ChainMark::Mismatch, false});
    chain.processes.append(
        ChainProcess {nodes.at(1), {QStringLiteral("beta"), QStringLiteral("gamma")}, ChainMark::Mismatch, true});
    ProcessTreeModel tree;
    QAbstractItemModelTester treeTester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tree.setChain(&index, chain);
    QCOMPARE(tree.roleOf(nodes.at(0)), QStringLiteral("alpha"));
    QCOMPARE(tree.roleOf(nodes.at(1)), QStringLiteral("beta; gamma"));
    const QModelIndexList alpha = tree.match(
        tree.index(0, 0), ProcessTreeModel::NodeRole, nodes.at(0), 1, Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(alpha.size(), 1);
    QCOMPARE(ChainMark(alpha.first().data(ChainMarkRole).toInt()), ChainMark::Mismatch);
    QCOMPARE(alpha.first().data(ProcessTreeModel::FirstRunRole).toBool(), false);
    const QModelIndexList beta = tree.match(
        tree.index(0, 0), ProcessTreeModel::NodeRole, nodes.at(1), 1, Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(beta.size(), 1);
    QCOMPARE(beta.first().parent(), alpha.first());
    QCOMPARE(ChainMark(beta.first().data(ChainMarkRole).toInt()), ChainMark::Mismatch);
    QCOMPARE(beta.first().data(ProcessTreeModel::FirstRunRole).toBool(), true);
    // Its launcher (pid 1) is context only.
    QCOMPARE(ChainMark(tree.index(0, 0).data(ChainMarkRole).toInt()), ChainMark::Context);
    QCOMPARE(tree.index(0, ProcessTreeModel::Role).data().toString(), QString());
}

namespace {

// The rows of a tree, depth first.
QList<QModelIndex> allRows(const QAbstractItemModel &model)
{
    QList<QModelIndex> out;
    QList<QModelIndex> stack;
    for (int r = model.rowCount() - 1; r >= 0; --r)
        stack << model.index(r, 0);
    while (!stack.isEmpty()) {
        const QModelIndex i = stack.takeLast();
        out << i;
        for (int r = model.rowCount(i) - 1; r >= 0; --r)
            stack << model.index(r, 0, i);
    }
    return out;
}

} // namespace

const QList<Chain> &Tst_models::demoChains()
{
    // The Windows demo case: signers, signature states and hashes as Sysmon logs them.
    if (!m_demoChains.isEmpty())
        return m_demoChains;
    QDir().mkpath(m_dir.filePath(QStringLiteral("windows-demo")));
    const WindowsScenario demo = buildWindowsScenario({});
    const WindowsScenarioFiles files = writeWindowsScenario(m_dir.filePath(QStringLiteral("windows-demo")), demo);
    if (!files.error.isEmpty())
        qFatal("Windows demo evidence: %s", qPrintable(files.error));
    m_demoStore = CaseStore::create(m_dir.filePath(QStringLiteral("windows-demo.chainscope")));
    QList<ImportResult> results;
    for (const QString &file : files.files)
        results.append(importFile(*m_demoStore, builtinFormats(), file, {}));
    assignSoleHost(*m_demoStore, results);
    Policy policy = m_demoStore->policy();
    QString error;
    if (!policy.setList(QStringLiteral("ApprovedUpdateHosts"), demo.approvedUpdateHosts, false, &error)
        || !policy.setList(QStringLiteral("ApprovedSigners"), demo.approvedSigners, false, &error))
        qFatal("policy: %s", qPrintable(error));
    if (!m_demoIndex.load(*m_demoStore))
        qFatal("the demo case does not load");
    m_demoChains = Correlator(m_demoIndex).run(policy);
    return m_demoChains;
}

void Tst_models::treeShowsTheEvidenceColumns()
{
    const QList<Chain> &chains = demoChains();
    QVERIFY(!chains.isEmpty());
    ProcessTreeModel tree;
    QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    bool sawUnsigned = false;
    bool sawDrift = false;
    bool sawApproved = false;
    for (const Chain &chain : chains) {
        tree.setChain(&m_demoIndex, chain);
        for (const QModelIndex &i : allRows(tree)) {
            const auto text = [&](int column) {
                return i.siblingAtColumn(column).data().toString();
            };
            const QString flag = i.data(ProcessTreeModel::FlagRole).toString();
            const QString reason = text(ProcessTreeModel::Reason);
            const auto mark = ChainMark(i.data(ChainMarkRole).toInt());
            // No cell shows an internal key.
            for (int column = 0; column < ProcessTreeModel::ColumnCount; ++column) {
                if (column == ProcessTreeModel::CommandLine || column == ProcessTreeModel::Hash)
                    continue;
                for (const QString &key : {Mismatch::HostNotApproved, Mismatch::UnsignedModule, Mismatch::HashDrift,
                         QStringLiteral("first_run"), QStringLiteral("package_source")})
                    QVERIFY2(!text(column).contains(key), qPrintable(text(column)));
                const QString tip = i.siblingAtColumn(column).data(Qt::ToolTipRole).toString();
                QVERIFY2(!tip.contains(Mismatch::UnsignedModule) && !tip.contains(Mismatch::HashDrift)
                        && !tip.contains(Mismatch::HostNotApproved),
                    qPrintable(tip));
            }
            // Signer, signature and hash are one file's facts: one evidence item of
            // this process has all three as shown (the signer perhaps after the
            // file's name, when it is a module rather than the process's image).
            const qint32 node = i.data(ProcessTreeModel::NodeRole).toInt();
            const QString signer = text(ProcessTreeModel::Signer);
            const QString signature = text(ProcessTreeModel::Signature);
            const QString hash = text(ProcessTreeModel::Hash);
            if (!signer.isEmpty() || !signature.isEmpty() || !hash.isEmpty()) {
                bool oneFile = false;
                for (const Evidence &x : chain.evidence) {
                    const QString who = x.signer.isEmpty() ? QStringLiteral("no signer") : x.signer;
                    oneFile |= x.node == node && x.signatureStatus == signature && x.hashes == hash
                        && (signer == x.signer || signer == fileNameOf(x.target) + QStringLiteral(": ") + who);
                }
                QVERIFY2(oneFile, qPrintable((QStringList {signer, signature, hash}.join(u'|'))));
            }
            if (flag == Mismatch::UnsignedModule) {
                // The columns describe the flagged module, and say so.
                int modules = 0;
                for (const Evidence &x : chain.evidence) {
                    if (x.node == node && x.flag == flag && x.role == QLatin1String("module")) {
                        ++modules;
                        QVERIFY2(signer.startsWith(fileNameOf(x.target) + u':'), qPrintable(signer));
                    }
                }
                QVERIFY2(modules > 0, "no flagged module load behind the row");
                // Mismatch first: the reason opens with the flag's label.
                sawUnsigned = true;
                QCOMPARE(mark, ChainMark::Mismatch);
                QVERIFY2(reason.startsWith(mismatchLabel(flag) + u':'), qPrintable(reason));
                QVERIFY2(!text(ProcessTreeModel::Signature).isEmpty(), qPrintable(text(ProcessTreeModel::Process)));
                QVERIFY(text(ProcessTreeModel::Signature) != u"Valid");
                QVERIFY(text(ProcessTreeModel::StageColumn).contains(stageLabel(Stage::FirstRun)));
                QVERIFY2(i.siblingAtColumn(ProcessTreeModel::Signature)
                             .data(Qt::ToolTipRole)
                             .toString()
                             .contains(mismatchDescription(flag).toHtmlEscaped()),
                    "the signature's tooltip explains the flag");
            }
            if (flag == Mismatch::HashDrift) {
                sawDrift = true;
                QVERIFY2(text(ProcessTreeModel::Hash).contains(u'\u2192'), qPrintable(text(ProcessTreeModel::Hash)));
                QVERIFY(!text(ProcessTreeModel::Signer).isEmpty());
                QCOMPARE(text(ProcessTreeModel::Signature), QStringLiteral("Valid"));
                QVERIFY2(reason.contains(mismatchLabel(flag)), qPrintable(reason));
                QVERIFY2(!text(ProcessTreeModel::Role).contains(QLatin1String("(Valid)")),
                    qPrintable(text(ProcessTreeModel::Role)));
            }
            if (reason.startsWith(QLatin1String("approved by "))) {
                sawApproved = true;
                QVERIFY2(reason.contains(QLatin1String(" entry ")), qPrintable(reason));
                QVERIFY(flag.isEmpty());
            }
        }
    }
    QVERIFY(sawUnsigned);
    QVERIFY(sawDrift);
    QVERIFY(sawApproved);
}

void Tst_models::treeTimeZone()
{
    const QList<Chain> &chains = demoChains();
    ProcessTreeModel tree;
    QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tree.setChain(&m_demoIndex, chains.first());
    QCOMPARE(tree.headerData(ProcessTreeModel::Start, Qt::Horizontal).toString(), QStringLiteral("Started (UTC)"));
    const QModelIndex first = tree.index(0, ProcessTreeModel::Start);
    QVERIFY(first.data().toString().endsWith(u'Z'));
    QSignalSpy changed(&tree, &QAbstractItemModel::dataChanged);
    QSignalSpy header(&tree, &QAbstractItemModel::headerDataChanged);
    tree.setTimeZone(QTimeZone("Asia/Tokyo"));
    QVERIFY(changed.count() >= 1);
    QCOMPARE(header.count(), 1);
    QVERIFY2(first.data().toString().endsWith(QLatin1String("+09:00")), qPrintable(first.data().toString()));
    QCOMPARE(
        tree.headerData(ProcessTreeModel::Start, Qt::Horizontal).toString(), QStringLiteral("Started (Asia/Tokyo)"));
    tree.setTimeZone(QTimeZone("Asia/Tokyo")); // no change, no signal
    QCOMPARE(header.count(), 1);
}

void Tst_models::chainsModelColumnsLabelsAndTriage()
{
    // The long installer command line comes last, so that the short columns stay on
    // screen; the flags read as words, their descriptions in the tooltip.
    QVERIFY(ChainsModel::Verdict < ChainsModel::FirstRun);
    QCOMPARE(int(ChainsModel::Installer), ChainsModel::ColumnCount - 1);
    QVERIFY(ChainsModel::FirstRun < ChainsModel::Installer && ChainsModel::Egress < ChainsModel::Installer
        && ChainsModel::Flags < ChainsModel::Installer);

    QList<Chain> chains(2);
    chains[0].id = 1;
    chains[0].host = QStringLiteral("ws1");
    chains[0].seedEventId = 101;
    chains[0].startUs = 1'520'000'000LL * 1000000; // 2018-03-02 14:13:20 UTC
    chains[0].verdict = Verdict::Suspicious;
    chains[0].flags = {Mismatch::HostNotApproved, Mismatch::UnsignedModule};
    chains[0].notes = {Mismatch::HashDrift};
    chains[0].installer = QStringLiteral("msiexec /i x.msi");
    chains[1].id = 2;
    chains[1].host = QStringLiteral("ws2");
    chains[1].seedEventId = 202;
    chains[1].verdict = Verdict::Approved;

    ChainsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChains(chains);
    QCOMPARE(model.headerData(ChainsModel::Installer, Qt::Horizontal).toString(), QStringLiteral("Installer"));
    QCOMPARE(model.headerData(ChainsModel::Triage, Qt::Horizontal).toString(), QStringLiteral("Triage"));
    QCOMPARE(model.index(0, ChainsModel::Installer).data().toString(), chains[0].installer);
    QCOMPARE(model.index(0, ChainsModel::Flags).data().toString(),
        QStringLiteral("host not approved, unsigned module (note: new hash, same signer)"));
    const QString flagTip = model.index(0, ChainsModel::Flags).data(Qt::ToolTipRole).toString();
    for (const QString &f : chains[0].flags + chains[0].notes)
        QVERIFY2(flagTip.contains(mismatchDescription(f).toHtmlEscaped()), qPrintable(flagTip));
    QVERIFY(!flagTip.contains(u'_'));
    QCOMPARE(model.index(1, ChainsModel::Flags).data().toString(), QString());
    QCOMPARE(ChainMark(model.index(1, 0).data(ChainMarkRole).toInt()), ChainMark::Approved);
    // The icon goes on the verdict only.
    for (int column = 0; column < ChainsModel::ColumnCount; ++column)
        QCOMPARE(model.index(0, column).data(MarkDecorationRole).toBool(), column == ChainsModel::Verdict);

    // Triage, by seed event: not by chain id or row, which change with the policy.
    QCOMPARE(model.index(0, ChainsModel::Triage).data().toString(), QString());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QHash<qint64, ChainTriage> triage;
    triage.insert(202, ChainTriage {202, TriageMark::FollowUp, QStringLiteral("ask <IT> & vendor"), {}});
    triage.insert(999, ChainTriage {999, TriageMark::Confirmed, QStringLiteral("another case's"), {}});
    model.setTriage(triage);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, ChainsModel::Triage).data().toString(), QString());
    QCOMPARE(model.index(1, ChainsModel::Triage).data().toString(), QStringLiteral("Needs follow-up"));
    QCOMPARE(TriageMark(model.index(1, 0).data(ChainsModel::TriageMarkRole).toInt()), TriageMark::FollowUp);
    QCOMPARE(model.index(1, 0).data(ChainsModel::SeedEventRole).toLongLong(), 202);
    const QString triageTip = model.index(1, ChainsModel::Triage).data(Qt::ToolTipRole).toString();
    QVERIFY2(triageTip.contains(QLatin1String("ask &lt;IT&gt; &amp; vendor")), qPrintable(triageTip));
    // Reordered chains keep their triage.
    model.setChains({chains[1], chains[0]});
    QCOMPARE(model.index(0, ChainsModel::Triage).data().toString(), QStringLiteral("Needs follow-up"));

    // Times in the chosen zone.
    model.setChains(chains);
    QCOMPARE(model.index(0, ChainsModel::Start).data().toString(), formatTimeUs(chains[0].startUs));
    model.setTimeZone(QTimeZone("Europe/Berlin"));
    QCOMPARE(model.index(0, ChainsModel::Start).data().toString(),
        formatTimeUs(chains[0].startUs, QTimeZone("Europe/Berlin")));
    QVERIFY(model.index(0, ChainsModel::Start).data().toString().endsWith(QLatin1String("+01:00")));
    QCOMPARE(
        model.headerData(ChainsModel::Start, Qt::Horizontal).toString(), QStringLiteral("Installed (Europe/Berlin)"));
    model.setChains({});
    model.setTriage(triage); // no rows: nothing to report
}

QTEST_GUILESS_MAIN(Tst_models)
#include "tst_models.moc"
