// Item models of the workbench, checked by QAbstractItemModelTester while they
// reset, page and filter.

#include "eventsmodel.h"
#include "sourcesmodel.h"

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

QTEST_GUILESS_MAIN(Tst_models)
#include "tst_models.moc"
