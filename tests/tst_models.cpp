// Item models of the workbench, checked by QAbstractItemModelTester while they
// reset, page and filter.

#include "chainsmodel.h"
#include "eventsmodel.h"
#include "sourcesmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
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

private:
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
    QCOMPARE(model.rowCount(), 0);
    int pages = 0;
    while (model.canFetchMore({})) {
        model.fetchMore({});
        ++pages;
        QVERIFY(pages <= expected / EventsModel::PageSize + 2);
    }
    QCOMPARE(model.rowCount(), expected);
    for (int row = 1; row < model.rowCount(); ++row) {
        const Event &a = model.eventAt(row - 1);
        const Event &b = model.eventAt(row);
        QVERIFY(a.timeUs < b.timeUs || (a.timeUs == b.timeUs && a.id < b.id));
        if (kind >= 0)
            QCOMPARE(int(b.kind), kind);
    }
    model.reset(nullptr);
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
    QCOMPARE(chainsModel.index(0, ChainsModel::Verdict).data().toString(), QStringLiteral("full chain"));
    QCOMPARE(ChainMark(chainsModel.index(0, 0).data(ChainMarkRole).toInt()), ChainMark::Mismatch);
    chainsModel.setChains({});
    QCOMPARE(chainsModel.rowCount(), 0);

    ProcessTreeModel tree;
    QAbstractItemModelTester treeTester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tree.setChain(&index, chains.first());
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

QTEST_GUILESS_MAIN(Tst_models)
#include "tst_models.moc"
