// The events table (issue 14): CaseStore's event query (search, filters, time range,
// sort, count), Windows host names that compare without case, EventsModel under
// QAbstractItemModelTester, and EventsPanel driven offscreen.

#include "caseindex.h"
#include "casestore.h"
#include "eventsmodel.h"
#include "eventspanel.h"
#include "eventstableview.h"
#include "formats.h"
#include "importer.h"
#include "rowwindowmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QWheelEvent>

#include <functional>
#include <memory>

using namespace Chainscope;
using Ids = QList<qint64>;

namespace {

// Reads RFC 4180 CSV back: quoted fields with doubled quotes and line breaks inside.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row.append(field);
            field.clear();
            rows.append(row);
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows.append(row << field);
    return rows;
}

// A new case at `path` with `count` events from one audit log, event i made by eventAt(i).
std::unique_ptr<CaseStore> caseOf(const QString &path, int count, const std::function<Event(int)> &eventAt)
{
    auto store = CaseStore::create(path);
    SourceInfo info;
    info.path = QStringLiteral("/evidence/%1.log").arg(QFileInfo(path).completeBaseName());
    info.format = QStringLiteral("auditd");
    EventWriter w(*store, store->beginSource(info));
    for (int i = 0; i < count; ++i)
        w.add(eventAt(i), -1);
    ImportCounts counts;
    w.finish(counts);
    return store;
}

} // namespace

class Tst_eventstable : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void queryFilters_data();
    void queryFilters();
    void timeRangeIsInclusive_data();
    void timeRangeIsInclusive();
    void chainAndBookmarkFilters();
    void sortsByEveryColumn_data();
    void sortsByEveryColumn();
    void pagesAndPositions();
    void windowsHostsFoldCase();
    void correlationIndexFoldsWindowsHosts();
    void modelUnderTester();
    void modelReadsOnlyThePagesAsked();
    void windowModelFollowsItsSource();
    void panelScrollsAWindowOverTheCase();
    void panelSearchCountsAndFilters();
    void panelCopiesTsv();
    void panelExportsHostileCsv();
    void panelColumnStateRoundTrips();
    void panelSelectEventClearsHidingFilters();
    void panelTimeZoneAndRange();
    void toolTipsShowLogTextAsText_data();
    void toolTipsShowLogTextAsText();
    void copyKeyPutsRowsOnTheClipboard();
    void corpusProviderSearch();

private:
    EventQuery query(const QString &text = QString()) const
    {
        EventQuery q;
        q.text = text;
        return q;
    }
    qint64 position(const EventQuery &q, qint64 id) const { return m_store->eventPosition(q, id).value_or(-1); }
    Ids ids(const EventQuery &q) const
    {
        Ids result;
        m_store->queryEvents(q, [&](const Event &e) {
            result.append(e.id);
            return true;
        });
        return result;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    qint64 m_windowsSource = -1;
    qint64 m_linuxSource = -1;
};

void Tst_eventstable::initTestCase()
{
    m_store = CaseStore::create(m_dir.filePath(QStringLiteral("events.chainscope")));
    const auto add
        = [](qint64 t, const QString &host, Platform platform, EventKind kind, const QJsonObject &details = {}) {
              Event e;
              e.timeUs = t;
              e.host = host;
              e.platform = platform;
              e.kind = kind;
              e.details = details;
              return e;
          };
    {
        SourceInfo info;
        info.path = QStringLiteral("/evidence/win/Sysmon.evtx");
        info.format = QStringLiteral("evtx");
        m_windowsSource = m_store->beginSource(info);
        EventWriter w(*m_store, m_windowsSource);
        // 1: Sysmon 1 on IE8Win7
        Event e = add(1000, QStringLiteral("IE8Win7"), Platform::Windows, EventKind::ProcessStart,
            {{QStringLiteral("provider"), QStringLiteral("Microsoft-Windows-Sysmon")},
                {QStringLiteral("event_id"), 1}});
        e.pid = 100;
        e.image = QStringLiteral("C:\\Windows\\System32\\cmd.exe");
        e.commandLine = QStringLiteral("cmd /c whoami");
        e.user = QStringLiteral("IE8Win7\\IEUser");
        w.add(e, -1);
        // 2: an MsiInstaller message on the same machine, spelled IE8WIN7
        w.add(add(2000, QStringLiteral("IE8WIN7"), Platform::Windows, EventKind::LogMessage,
                  {{QStringLiteral("provider"), QStringLiteral("MsiInstaller")}, {QStringLiteral("event_id"), 1033},
                      {QStringLiteral("message"), QStringLiteral("Product: Evil -- Installation completed.")}}),
            -1);
        // 3: a connection, spelled ie8win7
        e = add(3000, QStringLiteral("ie8win7"), Platform::Windows, EventKind::NetConnect,
            {{QStringLiteral("provider"), QStringLiteral("Microsoft-Windows-Sysmon")},
                {QStringLiteral("event_id"), 3}});
        e.pid = 300;
        e.image = QStringLiteral("C:\\x\\updater.exe");
        e.dstHost = QStringLiteral("raw.codehost.example");
        e.dstIp = QStringLiteral("203.0.113.9");
        e.dstPort = 443;
        w.add(e, -1);
        ImportCounts counts;
        w.finish(counts);
    }
    {
        SourceInfo info;
        info.path = QStringLiteral("/evidence/linux/audit.log");
        info.format = QStringLiteral("auditd");
        m_linuxSource = m_store->beginSource(info);
        EventWriter w(*m_store, m_linuxSource);
        // 4
        Event e = add(4000, QStringLiteral("web01"), Platform::Linux, EventKind::ProcessStart);
        e.pid = 400;
        e.image = QStringLiteral("/usr/bin/curl");
        e.commandLine = QStringLiteral("curl -o /tmp/x\thttp://a\nnext");
        w.add(e, -1);
        // 5: Linux names are case-sensitive: WEB01 is another host
        w.add(add(5000, QStringLiteral("WEB01"), Platform::Linux, EventKind::LogMessage,
                  {{QStringLiteral("message"), QStringLiteral("100% done_ok")}}),
            -1);
        // 6: same time as 5
        e = add(5000, QStringLiteral("web01"), Platform::Linux, EventKind::FileWrite);
        e.pid = 400;
        e.targetPath = QStringLiteral("/tmp/MsiInstaller.log");
        w.add(e, -1);
        ImportCounts counts;
        w.finish(counts);
    }
    {
        EventWriter w(*m_store, m_windowsSource);
        // 7
        w.add(add(6000, QStringLiteral("IE9Win7"), Platform::Windows, EventKind::LogMessage,
                  {{QStringLiteral("provider"), QStringLiteral("Service Control Manager")},
                      {QStringLiteral("event_id"), 7045}, {QStringLiteral("channel"), QStringLiteral("System")}}),
            -1);
        // 8: hostile strings for the exports
        Event e = add(7000, QStringLiteral("WEB01"), Platform::Linux, EventKind::ProcessStart);
        e.pid = 800;
        e.image = QStringLiteral("/bin/sh, \"quoted\"");
        e.commandLine = QStringLiteral("=cmd|' /C calc'!A0");
        w.add(e, -1);
        ImportCounts counts;
        w.finish(counts);
    }
    QCOMPARE(m_store->eventCount(), qint64(8));
}

void Tst_eventstable::queryFilters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("hosts");
    QTest::addColumn<bool>("linuxSource");
    QTest::addColumn<QStringList>("kinds");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<int>("eventCode"); // -1: none
    QTest::addColumn<Ids>("expected");
    const QStringList none;
    QTest::newRow("no filter") << QString() << none << false << none << QString() << -1 << Ids {1, 2, 3, 4, 5, 6, 7, 8};
    QTest::newRow("command line, other case")
        << QStringLiteral("WHOAMI") << none << false << none << QString() << -1 << Ids {1};
    QTest::newRow("message") << QStringLiteral("installation COMPLETED") << none << false << none << QString() << -1
                             << Ids {2};
    QTest::newRow("provider and target path")
        << QStringLiteral("msiinstaller") << none << false << none << QString() << -1 << Ids {2, 6};
    QTest::newRow("destination host") << QStringLiteral("codehost") << none << false << none << QString() << -1
                                      << Ids {3};
    QTest::newRow("destination ip") << QStringLiteral("113.9") << none << false << none << QString() << -1 << Ids {3};
    QTest::newRow("user") << QStringLiteral("ieuser") << none << false << none << QString() << -1 << Ids {1};
    QTest::newRow("image") << QStringLiteral("UPDATER") << none << false << none << QString() << -1 << Ids {3};
    QTest::newRow("percent is literal") << QStringLiteral("%") << none << false << none << QString() << -1 << Ids {5};
    QTest::newRow("underscore is literal")
        << QStringLiteral("e_o") << none << false << none << QString() << -1 << Ids {5};
    QTest::newRow("detail keys are not searched")
        << QStringLiteral("channel") << none << false << none << QString() << -1 << Ids {};
    QTest::newRow("detail values are") << QStringLiteral("system") << none << false << none << QString() << -1
                                       << Ids {1, 7};
    QTest::newRow("event id as text") << QStringLiteral("7045") << none << false << none << QString() << -1 << Ids {7};
    QTest::newRow("windows host, any case")
        << QString() << QStringList {QStringLiteral("ie8WIN7")} << false << none << QString() << -1 << Ids {1, 2, 3};
    QTest::newRow("linux host, exact") << QString() << QStringList {QStringLiteral("web01")} << false << none
                                       << QString() << -1 << Ids {4, 6};
    QTest::newRow("linux host, other case")
        << QString() << QStringList {QStringLiteral("WEB01")} << false << none << QString() << -1 << Ids {5, 8};
    QTest::newRow("linux host, not folded")
        << QString() << QStringList {QStringLiteral("Web01")} << false << none << QString() << -1 << Ids {};
    QTest::newRow("two hosts") << QString() << QStringList {QStringLiteral("IE9WIN7"), QStringLiteral("WEB01")} << false
                               << none << QString() << -1 << Ids {5, 7, 8};
    QTest::newRow("source") << QString() << none << true << none << QString() << -1 << Ids {4, 5, 6};
    QTest::newRow("kind") << QString() << none << false << QStringList {QStringLiteral("log_message")} << QString()
                          << -1 << Ids {2, 5, 7};
    QTest::newRow("two kinds") << QString() << none << false
                               << QStringList {QStringLiteral("process_start"), QStringLiteral("net_connect")}
                               << QString() << -1 << Ids {1, 3, 4, 8};
    QTest::newRow("provider") << QString() << none << false << none << QStringLiteral("MsiInstaller") << -1 << Ids {2};
    QTest::newRow("provider is exact") << QString() << none << false << none << QStringLiteral("msiinstaller") << -1
                                       << Ids {};
    QTest::newRow("event id") << QString() << none << false << none << QString() << 7045 << Ids {7};
    QTest::newRow("event id 1") << QString() << none << false << none << QString() << 1 << Ids {1};
    QTest::newRow("search within a host") << QStringLiteral("exe") << QStringList {QStringLiteral("IE8WIN7")} << false
                                          << none << QString() << -1 << Ids {1, 3};
    QTest::newRow("provider and event id")
        << QString() << none << false << none << QStringLiteral("Microsoft-Windows-Sysmon") << 3 << Ids {3};
}

void Tst_eventstable::queryFilters()
{
    QFETCH(QString, text);
    QFETCH(QStringList, hosts);
    QFETCH(bool, linuxSource);
    QFETCH(QStringList, kinds);
    QFETCH(QString, provider);
    QFETCH(int, eventCode);
    QFETCH(Ids, expected);
    EventQuery q = query(text);
    q.hosts = hosts;
    if (linuxSource)
        q.sourceIds = {m_linuxSource};
    for (const QString &k : kinds)
        q.kinds.append(kindFromName(k).value());
    q.provider = provider;
    if (eventCode >= 0)
        q.eventCode = eventCode;
    QCOMPARE(ids(q), expected);
    QCOMPARE(m_store->countEvents(q), qint64(expected.size()));
}

void Tst_eventstable::timeRangeIsInclusive_data()
{
    QTest::addColumn<qint64>("from"); // -1: open
    QTest::addColumn<qint64>("to");
    QTest::addColumn<Ids>("expected");
    QTest::newRow("from on the bound") << qint64(3000) << qint64(-1) << Ids {3, 4, 5, 6, 7, 8};
    QTest::newRow("from 1 us before") << qint64(2999) << qint64(-1) << Ids {3, 4, 5, 6, 7, 8};
    QTest::newRow("from 1 us after") << qint64(3001) << qint64(-1) << Ids {4, 5, 6, 7, 8};
    QTest::newRow("to on the bound") << qint64(-1) << qint64(3000) << Ids {1, 2, 3};
    QTest::newRow("to 1 us before") << qint64(-1) << qint64(2999) << Ids {1, 2};
    QTest::newRow("to 1 us after") << qint64(-1) << qint64(3001) << Ids {1, 2, 3};
    QTest::newRow("one instant") << qint64(5000) << qint64(5000) << Ids {5, 6};
    QTest::newRow("empty range") << qint64(5001) << qint64(4999) << Ids {};
}

void Tst_eventstable::timeRangeIsInclusive()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(Ids, expected);
    EventQuery q;
    if (from >= 0)
        q.fromUs = from;
    if (to >= 0)
        q.toUs = to;
    QCOMPARE(ids(q), expected);
    QCOMPARE(m_store->countEvents(q), qint64(expected.size()));
}

void Tst_eventstable::chainAndBookmarkFilters()
{
    EventQuery q;
    q.eventIds = Ids {7, 1, 3};
    QCOMPARE(ids(q), (Ids {1, 3, 7}));
    q.eventIds = Ids {};
    QCOMPARE(ids(q), Ids {});
    QCOMPARE(m_store->countEvents(q), qint64(0));

    EventQuery marked;
    marked.bookmarkedOnly = true;
    QCOMPARE(ids(marked), Ids {});
    m_store->setBookmark(7, QStringLiteral("service installed"));
    m_store->setBookmark(2);
    QCOMPARE(ids(marked), (Ids {2, 7}));
    QCOMPARE(m_store->bookmark(7)->note, QStringLiteral("service installed"));
    QVERIFY(!m_store->bookmark(1));
    m_store->removeBookmark(2);
    m_store->removeBookmark(7);
    QCOMPARE(ids(marked), Ids {});
}

void Tst_eventstable::sortsByEveryColumn_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<Ids>("expected"); // ascending
    QTest::newRow("time") << int(EventSortKey::Time) << Ids {1, 2, 3, 4, 5, 6, 7, 8};
    // Hosts sort without case; ties by time and id.
    QTest::newRow("host") << int(EventSortKey::Host) << Ids {1, 2, 3, 7, 4, 5, 6, 8};
    QTest::newRow("source") << int(EventSortKey::Source) << Ids {4, 5, 6, 1, 2, 3, 7, 8};
    QTest::newRow("kind") << int(EventSortKey::Kind) << Ids {6, 2, 5, 7, 3, 1, 4, 8};
    QTest::newRow("provider") << int(EventSortKey::Provider) << Ids {4, 5, 6, 8, 1, 3, 2, 7};
    QTest::newRow("event id") << int(EventSortKey::EventCode) << Ids {4, 5, 6, 8, 1, 3, 2, 7};
    QTest::newRow("pid") << int(EventSortKey::Pid) << Ids {2, 5, 7, 1, 3, 4, 6, 8};
    QTest::newRow("image") << int(EventSortKey::Image) << Ids {2, 5, 6, 7, 8, 4, 1, 3};
    QTest::newRow("object") << int(EventSortKey::Object) << Ids {1, 2, 4, 5, 7, 8, 6, 3};
    QTest::newRow("command line") << int(EventSortKey::CommandLine) << Ids {2, 3, 5, 6, 7, 8, 1, 4};
    QTest::newRow("message") << int(EventSortKey::Message) << Ids {1, 3, 4, 6, 7, 8, 5, 2};
}

void Tst_eventstable::sortsByEveryColumn()
{
    QFETCH(int, key);
    QFETCH(Ids, expected);
    EventQuery q;
    q.sortKey = EventSortKey(key);
    QCOMPARE(ids(q), expected);
    q.descending = true;
    Ids reversed = expected;
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(ids(q), reversed);
}

void Tst_eventstable::pagesAndPositions()
{
    EventQuery q;
    q.sortKey = EventSortKey::Host;
    q.limit = 3;
    q.offset = 2;
    QCOMPARE(ids(q), (Ids {3, 7, 4}));
    QCOMPARE(m_store->countEvents(q), qint64(8)); // the count ignores the page
    QCOMPARE(position(q, 4), qint64(4));
    QCOMPARE(position(q, 1), qint64(0));
    QCOMPARE(position(q, 8), qint64(7));
    q.descending = true;
    QCOMPARE(position(q, 4), qint64(3));
    QCOMPARE(position(q, 8), qint64(0));
    q.text = QStringLiteral("exe");
    QCOMPARE(position(q, 4), qint64(-1));
    QCOMPARE(position(q, 3), qint64(0));
    QCOMPARE(position(q, 1), qint64(1));
    q.sortKey = EventSortKey::Pid;
    q.descending = false;
    q.text.clear();
    QCOMPARE(position(q, 2), qint64(0)); // no pid sorts first
    QCOMPARE(position(q, 6), qint64(6));
    QCOMPARE(position(q, 99), qint64(-1));
}

void Tst_eventstable::windowsHostsFoldCase()
{
    // IE8Win7, IE8WIN7 and ie8win7 are one Windows machine, named by its smallest
    // spelling; web01 and WEB01 are two Linux hosts.
    QCOMPARE(m_store->hosts(),
        (QStringList {
            QStringLiteral("IE8WIN7"), QStringLiteral("IE9Win7"), QStringLiteral("WEB01"), QStringLiteral("web01")}));
    QCOMPARE(m_store->hosts(Platform::Windows), (QStringList {QStringLiteral("IE8WIN7"), QStringLiteral("IE9Win7")}));
    QCOMPARE(m_store->hosts(Platform::Linux), (QStringList {QStringLiteral("WEB01"), QStringLiteral("web01")}));
    QCOMPARE(foldedHost(QStringLiteral("IE8Win7"), Platform::Windows), QStringLiteral("IE8WIN7"));
    QCOMPARE(foldedHost(QStringLiteral("web01"), Platform::Linux), QStringLiteral("web01"));
    QCOMPARE(foldedHost(QStringLiteral("mac-mini"), Platform::MacOS), QStringLiteral("mac-mini"));
    QCOMPARE(m_store->eventProviders(),
        (QStringList {QStringLiteral("Microsoft-Windows-Sysmon"), QStringLiteral("MsiInstaller"),
            QStringLiteral("Service Control Manager")}));
}

void Tst_eventstable::correlationIndexFoldsWindowsHosts()
{
    CaseIndex index;
    QVERIFY(index.load(*m_store));
    QHash<qint64, qint32> hostOf;
    for (const IndexedEvent &e : index.events())
        hostOf.insert(e.id, e.host);
    // 1 (IE8Win7) and 3 (ie8win7): one host, under the name hosts() gives it.
    QVERIFY(hostOf.contains(1) && hostOf.contains(3));
    QCOMPARE(hostOf.value(1), hostOf.value(3));

    // 4 (web01) and 8 (WEB01): two Linux hosts.
    QVERIFY(hostOf.value(4) != hostOf.value(8));
    QCOMPARE(index.strings.at(hostOf.value(4)), QStringLiteral("web01"));
    QCOMPARE(index.strings.at(hostOf.value(8)), QStringLiteral("WEB01"));
}

void Tst_eventstable::modelUnderTester()
{
    EventsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), int(EventsModel::ColumnCount));
    model.reset(m_store.get(), EventQuery());
    QCOMPARE(model.matchCount(), qint64(8));
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 8);
    // The columns that log messages have in their details.
    QCOMPARE(model.index(1, EventsModel::Provider).data().toString(), QStringLiteral("MsiInstaller"));
    QCOMPARE(model.index(1, EventsModel::EventCode).data().toInt(), 1033);
    QCOMPARE(model.index(1, EventsModel::Message).data().toString(),
        QStringLiteral("Product: Evil -- Installation completed."));
    QCOMPARE(model.index(6, EventsModel::Message).data().toString(), QStringLiteral("channel=System"));
    QCOMPARE(model.index(0, EventsModel::Source).data().toString(), QStringLiteral("Sysmon.evtx"));
    QCOMPARE(model.index(0, EventsModel::Time).data().toString(), QStringLiteral("1970-01-01T00:00:00.001000Z"));
    // A line break from a log is shown, not obeyed.
    QVERIFY(!model.index(3, EventsModel::CommandLine).data().toString().contains(u'\n'));
    QCOMPARE(model.index(0, EventsModel::Time).data(EventsModel::EventIdRole).toLongLong(), 1);

    model.setTimeZone(QTimeZone("Europe/Berlin"));
    QCOMPARE(model.index(0, EventsModel::Time).data().toString(), QStringLiteral("1970-01-01T01:00:00.001000+01:00"));
    QVERIFY(model.headerData(EventsModel::Time, Qt::Horizontal).toString().contains(QStringLiteral("Berlin")));
    model.setTimeZone(QTimeZone::utc());

    model.sort(EventsModel::Pid, Qt::DescendingOrder);
    QCOMPARE(model.matchCount(), qint64(8));
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.eventAt(0).id, 8);
    QCOMPARE(model.rowOfEvent(2), 7);

    m_store->setBookmark(4, QStringLiteral("curl"));
    QVERIFY(!model.index(model.rowOfEvent(4), EventsModel::Mark).data(EventsModel::BookmarkRole).toBool());
    model.reloadBookmarks();
    const int row = model.rowOfEvent(4);
    QVERIFY(model.index(row, EventsModel::Mark).data(EventsModel::BookmarkRole).toBool());
    QCOMPARE(
        model.index(row, EventsModel::Mark).data(EventsModel::BookmarkNoteRole).toString(), QStringLiteral("curl"));
    QVERIFY(!model.index(row, EventsModel::Mark).data().toString().isEmpty());
    m_store->removeBookmark(4);

    EventQuery windows;
    windows.hosts = {QStringLiteral("ie8win7")};
    model.setQuery(windows);
    QCOMPARE(model.matchCount(), qint64(3));
    QCOMPARE(model.rowOfEvent(8), -1);
    model.reset(nullptr, EventQuery());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

void Tst_eventstable::modelReadsOnlyThePagesAsked()
{
    // Issue 15: a case of a few thousand events, in pages of 50 with at most 4 held. Each
    // time is shared by three events far apart in id, so that pages split ties.
    constexpr int Count = 3000;
    constexpr int Page = 50;
    constexpr int MaxPages = 4;
    auto store = caseOf(m_dir.filePath(QStringLiteral("paged.chainscope")), Count, [](int i) {
        Event e;
        e.timeUs = qint64((i * 7919) % (Count / 3)) * 1000;
        e.host = i % 3 == 0 ? QStringLiteral("alpha") : QStringLiteral("beta");
        e.platform = Platform::Linux;
        e.kind = i % 2 ? EventKind::ProcessStart : EventKind::FileWrite;
        e.pid = (i * 31) % 97;
        e.image = QStringLiteral("/bin/p%1").arg(i % 13);
        // Long enough that an export of every row is written in more than one piece.
        e.commandLine = QStringLiteral("p%1 ").arg(i) + QString(400, u'a');
        return e;
    });
    const auto straight = [&store](const EventQuery &q) {
        Ids result;
        store->queryEvents(q, [&](const Event &e) {
            result.append(e.id);
            return true;
        });
        return result;
    };
    EventsModel model;
    model.setPaging(Page, MaxPages);
    QCOMPARE(model.pageSize(), Page);
    QCOMPARE(model.maxCachedPages(), MaxPages);
    // Every row and column of a page compared with the store's own rows.
    const auto walk = [&](const Ids &expected, bool backwards) {
        QCOMPARE(model.rowCount(), int(expected.size()));
        for (int i = 0; i < expected.size(); ++i) {
            const int row = backwards ? int(expected.size()) - 1 - i : i;
            QCOMPARE(model.index(row, EventsModel::Time).data(EventsModel::EventIdRole).toLongLong(), expected.at(row));
            QVERIFY(model.cachedPageCount() <= MaxPages);
        }
    };

    EventQuery all;
    model.reset(store.get(), all);
    const Ids ids = straight(all);
    QCOMPARE(ids.size(), Count);
    // The whole count at once, without reading the rows.
    QCOMPARE(model.rowCount(), Count);
    QCOMPARE(model.pagesRead(), qint64(0));
    // The last row reads its own page, not the ones before it.
    qint64 before = model.pagesRead();
    QCOMPARE(model.index(Count - 1, EventsModel::Time).data(EventsModel::EventIdRole).toLongLong(), ids.last());
    QCOMPARE(model.pagesRead() - before, qint64(1));
    QVERIFY(model.cachedPageCount() <= 2);
    QCOMPARE(model.eventAt(Count - 1).id, ids.last());
    QCOMPARE(model.eventAt(Count).id, qint64(-1));
    // A page boundary.
    for (int row : {Page - 1, Page, Page + 1, 2 * Page - 1, 2 * Page})
        QCOMPARE(model.eventAt(row).id, ids.at(row));

    // rowOfEvent: its position, then that row's page only, with the right rows in it,
    // wherever the event sits in its page and among the events of its time.
    for (int position : {Count - 1, 0, Page - 1, Page, Page + 1, 7 * Page + 23, Count / 2, Count - Page, 1234}) {
        model.setQuery(all); // a fresh cache
        QCOMPARE(model.cachedPageCount(), 0);
        before = model.pagesRead();
        QCOMPARE(model.rowOfEvent(ids.at(position)), position);
        QCOMPARE(model.pagesRead() - before, qint64(1));
        const int first = position - position % Page;
        for (int row = first; row < std::min(first + Page, Count); ++row)
            QCOMPARE(model.eventAt(row).id, ids.at(row));
        QCOMPARE(model.pagesRead() - before, qint64(1));
    }
    QCOMPARE(model.rowOfEvent(-5), -1);

    // From here under the tester, which reads the first row after each reset.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Walking every row, down and back up (pages read from their neighbours), holds the
    // bound and returns the store's rows.
    model.setQuery(all);
    walk(ids, false);
    walk(ids, true);
    QVERIFY(model.cachedPageCount() <= MaxPages);

    // Sorting and filtering start over: the cache is dropped, the rows follow.
    model.sort(EventsModel::Time, Qt::DescendingOrder);
    QVERIFY(model.cachedPageCount() <= 1 && model.pagesRead() <= 1);
    EventQuery descending = all;
    descending.descending = true;
    const Ids down = straight(descending);
    QCOMPARE(model.rowOfEvent(down.at(1234)), 1234);
    walk(down, true);
    walk(down, false);
    model.sort(EventsModel::Pid, Qt::AscendingOrder);
    QVERIFY(model.cachedPageCount() <= 1 && model.pagesRead() <= 1);
    EventQuery byPid = all;
    byPid.sortKey = EventSortKey::Pid;
    const Ids pids = straight(byPid);
    QCOMPARE(model.rowOfEvent(pids.at(2000)), 2000);
    walk(pids, false);
    EventQuery alpha = all;
    alpha.hosts = {QStringLiteral("alpha")};
    model.setQuery(alpha);
    QVERIFY(model.cachedPageCount() <= 1 && model.pagesRead() <= 1);
    QCOMPARE(model.matchCount(), qint64(Count / 3));
    const Ids alphaIds = straight(alpha);
    QCOMPARE(model.rowOfEvent(alphaIds.last()), Count / 3 - 1);
    walk(alphaIds, true);
    QCOMPARE(model.rowOfEvent(ids.at(1)), alphaIds.indexOf(ids.at(1)));

    // The panel's Copy and Export CSV read every selected or matching row from the
    // store, in the table's order, not from the model's pages (which hold fewer).
    // The table holds a window of 64 of the 3,000 rows: the view's per-row state (its
    // vertical header) does not grow with the case.
    EventsPanel panel;
    panel.setStore(store.get());
    panel.model()->setPaging(Page, MaxPages);
    EventsTableView *view = panel.view();
    view->setWindowRows(64);
    QCOMPARE(view->model()->rowCount(), 64);
    QCOMPARE(view->verticalHeader()->count(), 64);
    QCOMPARE(view->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
    view->selectAll();
    QCOMPARE(view->selectedCaseRows(), (EventsTableView::Ranges {{0, Count - 1}}));
    const qint64 read = panel.model()->pagesRead();
    const QStringList lines = panel.selectionAsTsv().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), Count + 1);
    const QString path = m_dir.filePath(QStringLiteral("paged.csv"));
    QCOMPARE(panel.exportCsv(path), QString());
    QCOMPARE(panel.model()->pagesRead(), read);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> csv = parseCsv(QString::fromUtf8(file.readAll().mid(3)));
    QCOMPARE(csv.size(), Count + 1);
    const int command = csv.at(0).indexOf(QStringLiteral("Command line"));
    const int tsvCommand = lines.at(0).split(u'\t').indexOf(QStringLiteral("Command line"));
    QVERIFY(command >= 0 && tsvCommand >= 0);
    for (int row : {0, Page - 1, Page, Count / 2, Count - 1}) {
        const QString expected = store->event(ids.at(row))->commandLine;
        QCOMPARE(csv.at(row + 1).at(command), expected);
        QCOMPARE(lines.at(row + 1).split(u'\t').at(tsvCommand), expected);
    }
    // Two ranges of rows, out of order, as Ctrl+click leaves them: the first is out of
    // the window when the second is selected, and stays selected.
    view->clearSelection();
    QVERIFY(view->selectedCaseRows().isEmpty());
    const auto selectRows = [view](int top, int bottom) {
        view->showCaseRow(top);
        const int first = view->window()->first();
        view->selectionModel()->select(
            QItemSelection(view->model()->index(top - first, 0), view->model()->index(bottom - first, 0)),
            QItemSelectionModel::Select | QItemSelectionModel::Rows);
    };
    selectRows(Count - 3, Count - 1);
    selectRows(Page - 1, Page + 1);
    QVERIFY(view->window()->rowOfSourceRow(Count - 1) < 0);
    QCOMPARE(view->selectedCaseRows(), (EventsTableView::Ranges {{Page - 1, Page + 1}, {Count - 3, Count - 1}}));
    const QStringList some = panel.selectionAsTsv().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(some.size(), 7);
    for (int i = 0; i < 6; ++i) {
        const int row = i < 3 ? Page - 1 + i : Count - 6 + i;
        QCOMPARE(some.at(i + 1).split(u'\t').at(tsvCommand), store->event(ids.at(row))->commandLine);
    }
}

void Tst_eventstable::windowModelFollowsItsSource()
{
    // RowWindowModel over a plain list of ten rows, four at a time.
    QStringList rows;
    for (int i = 0; i < 10; ++i)
        rows.append(QStringLiteral("r%1").arg(i));
    QStringListModel source(rows);
    RowWindowModel window;
    QAbstractItemModelTester tester(&window, QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.setWindowRows(4);
    window.setSourceModel(&source);
    QCOMPARE(window.rowCount(), 4);
    QCOMPARE(window.sourceRowCount(), 10);
    QCOMPARE(window.lastFirst(), 6);
    QCOMPARE(window.index(0, 0).data().toString(), QStringLiteral("r0"));

    // The window's first row is clamped to the source's rows: the bound, one unit inside
    // and one outside on both ends.
    window.setFirst(5);
    QCOMPARE(window.first(), 5);
    window.setFirst(6);
    QCOMPARE(window.first(), 6);
    QCOMPARE(window.index(3, 0).data().toString(), QStringLiteral("r9"));
    window.setFirst(7);
    QCOMPARE(window.first(), 6);
    window.setFirst(1);
    QCOMPARE(window.first(), 1);
    window.setFirst(0);
    QCOMPARE(window.first(), 0);
    window.setFirst(-1);
    QCOMPARE(window.first(), 0);
    QCOMPARE(window.rowCount(), 4);

    // Moving the window is a layout change: a persistent index follows its source row
    // while the row is in the window, and is invalid once it has left.
    QSignalSpy layouts(&window, &QAbstractItemModel::layoutChanged);
    QPersistentModelIndex r2 = window.index(2, 0);
    window.setFirst(1);
    QCOMPARE(layouts.count(), 1);
    QCOMPARE(r2.row(), 1);
    QCOMPARE(r2.data().toString(), QStringLiteral("r2"));
    QCOMPARE(window.mapToSource(r2).row(), 2);
    QCOMPARE(window.rowOfSourceRow(2), 1);
    QCOMPARE(window.rowOfSourceRow(0), -1);
    QCOMPARE(window.rowOfSourceRow(5), -1);
    QCOMPARE(window.rowOfSourceRow(4), 3);
    window.setFirst(1); // not moved: no layout change
    QCOMPARE(layouts.count(), 1);
    window.setFirst(3);
    QVERIFY(!r2.isValid());

    // A change of the source's data reaches the window only where the window shows it.
    QSignalSpy changed(&window, &QAbstractItemModel::dataChanged);
    source.setData(source.index(4, 0), QStringLiteral("four"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(window.index(1, 0).data().toString(), QStringLiteral("four"));
    source.setData(source.index(9, 0), QStringLiteral("nine"));
    QCOMPARE(changed.count(), 1);

    // Rows removed from the source: the window starts over at its first row.
    QSignalSpy resets(&window, &QAbstractItemModel::modelReset);
    source.removeRows(0, 7);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(window.first(), 0);
    QCOMPARE(window.rowCount(), 3);
    QCOMPARE(window.lastFirst(), 0);
    window.setFirst(1);
    QCOMPARE(window.first(), 0);
    source.setStringList(rows);
    QCOMPARE(window.rowCount(), 4);
    // A window is at least one row.
    window.setWindowRows(0);
    QCOMPARE(window.windowRows(), 1);
    QCOMPARE(window.rowCount(), 1);
    window.setSourceModel(nullptr);
    QCOMPARE(window.rowCount(), 0);
}

void Tst_eventstable::panelScrollsAWindowOverTheCase()
{
    // 600 events, one a second, each naming its row: the table shows 64 at a time and
    // scrolls, selects and copies over all of them.
    constexpr int Count = 600;
    constexpr int Window = 64;
    auto store = caseOf(m_dir.filePath(QStringLiteral("window.chainscope")), Count, [](int i) {
        Event e;
        e.timeUs = qint64(i) * 1000000;
        e.host = QStringLiteral("host");
        e.platform = Platform::Linux;
        e.kind = EventKind::ProcessStart;
        e.commandLine = QStringLiteral("row %1").arg(i);
        return e;
    });
    EventsPanel panel;
    panel.resize(900, 420);
    panel.setStore(store.get());
    EventsTableView *view = panel.view();
    view->setWindowRows(Window);
    panel.show();
    panel.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    view->setFocus();
    QScrollBar *bar = view->caseScrollBar();
    const int page = view->verticalScrollBar()->pageStep();
    QVERIFY(page > 4 && page < Window / 2);
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->maximum(), Count - page);
    QCOMPARE(bar->pageStep(), page);
    QCOMPARE(view->verticalHeader()->count(), Window);
    // What the table shows at a point of its viewport, by the row's own text.
    const auto textAt = [view](int y) {
        const QModelIndex index = view->indexAt(QPoint(5, y));
        return view->model()->index(index.row(), EventsModel::CommandLine).data().toString();
    };
    const int rowHeight = view->verticalHeader()->defaultSectionSize();
    const auto rowY = [view, rowHeight](int caseRow) {
        return (caseRow - view->topCaseRow()) * rowHeight + rowHeight / 2;
    };

    // The case's bar: any row of the case at the top, the last one at its end.
    for (int top : {0, 1, Window - page, Window, 300, Count - page - 1}) {
        bar->setValue(top);
        QCOMPARE(view->topCaseRow(), top);
        QCOMPARE(textAt(1), QStringLiteral("row %1").arg(top));
        QVERIFY(view->window()->rowOfSourceRow(top) >= 0);
    }
    QVERIFY(panel.grab().save(QStringLiteral("/tmp/eventspanel-scrolled.png")));
    // At its end (as in any table scrolled by rows) the last row sits on the bottom edge.
    bar->setValue(Count - page);
    QCOMPARE(view->topCaseRow(), Count - page);
    QCOMPARE(view->window()->first(), Count - Window);
    QCOMPARE(textAt(view->viewport()->height() - 2), QStringLiteral("row %1").arg(Count - 1));
    bar->setValue(0);
    QCOMPARE(view->window()->first(), 0);

    // The wheel and the keys go past the window's end: it follows them.
    for (int i = 0; i < 30; ++i) {
        QWheelEvent wheel(QPointF(5, 5), view->viewport()->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, -120),
            Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &wheel);
        QCoreApplication::processEvents();
    }
    const int wheeled = 30 * QApplication::wheelScrollLines();
    QVERIFY(wheeled > Window);
    QCOMPARE(view->topCaseRow(), wheeled);
    QCOMPARE(bar->value(), wheeled);
    QCOMPARE(textAt(1), QStringLiteral("row %1").arg(wheeled));
    bar->setValue(0);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(5, rowY(0)));
    QCOMPARE(view->currentCaseRow(), 0);
    for (int i = 0; i < 100; ++i) {
        QTest::keyClick(view, Qt::Key_Down);
        QCoreApplication::processEvents();
    }
    QCOMPARE(view->currentCaseRow(), 100);
    QCOMPARE(view->selectedCaseRows(), (EventsTableView::Ranges {{100, 100}}));
    QCOMPARE(view->model()->index(view->currentIndex().row(), EventsModel::CommandLine).data().toString(),
        QStringLiteral("row 100"));
    QVERIFY(view->topCaseRow() <= 100 && view->topCaseRow() + page > 100);
    // Ctrl moves the current row and leaves the selection, which the window has left.
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(view->currentCaseRow(), Count - 1);
    QCOMPARE(view->currentIndex().data(EventsModel::EventIdRole).toLongLong(), panel.model()->eventAt(Count - 1).id);
    QCOMPARE(view->selectedCaseRows(), (EventsTableView::Ranges {{100, 100}}));
    QVERIFY(view->window()->rowOfSourceRow(100) < 0);
    QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(view->currentCaseRow(), 0);

    // Shift extends from the anchor over the whole case, by keys and by clicks, however
    // far the anchor is from the window.
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(view->selectedCaseRows(), (EventsTableView::Ranges {{0, Count - 1}}));
    QCOMPARE(panel.selectionAsTsv().count(u'\n'), Count + 1);
    view->selectCaseRow(10);
    QCOMPARE(view->selectedCaseRows(), (EventsTableView::Ranges {{10, 10}}));
    bar->setValue(500);
    QVERIFY(view->window()->rowOfSourceRow(10) < 0);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, QPoint(5, rowY(505)));
    QCOMPARE(view->currentCaseRow(), 505);
    QCOMPARE(view->selectedCaseRows(), (EventsTableView::Ranges {{10, 505}}));
    bar->setValue(200);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, QPoint(5, rowY(203)));
    QCOMPARE(view->selectedCaseRows(), (EventsTableView::Ranges {{10, 203}}));
    QVERIFY(view->selectionModel()->isRowSelected(view->window()->rowOfSourceRow(203), {}));
    const QStringList copied = panel.selectionAsTsv().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(copied.size(), 203 - 10 + 2);
    QVERIFY(copied.at(1).contains(QStringLiteral("row 10\t")) || copied.at(1).endsWith(QStringLiteral("row 10")));
    // Shift and the arrow keys shrink the extension again.
    QTest::keyClick(view, Qt::Key_Up, Qt::ShiftModifier);
    QCOMPARE(view->selectedCaseRows(), (EventsTableView::Ranges {{10, 202}}));

    // A selected row that left the window is selected again when it comes back; a plain
    // click clears it wherever it is.
    view->selectCaseRow(5);
    bar->setValue(400);
    QVERIFY(!view->selectionModel()->hasSelection());
    QCOMPARE(view->selectedCaseRows(), (EventsTableView::Ranges {{5, 5}}));
    bar->setValue(0);
    QVERIFY(view->selectionModel()->isRowSelected(view->window()->rowOfSourceRow(5), {}));
    QCOMPARE(view->currentIndex().row(), view->window()->rowOfSourceRow(5));
    bar->setValue(400);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(5, rowY(410)));
    QCOMPARE(view->selectedCaseRows(), (EventsTableView::Ranges {{410, 410}}));
    view->clearSelection();
    QVERIFY(view->selectedCaseRows().isEmpty());
    view->selectCaseRow(5);
    bar->setValue(400);
    view->clearSelection(); // the window holds none of it: still cleared
    QVERIFY(view->selectedCaseRows().isEmpty());
    bar->setValue(0);
    QVERIFY(!view->selectionModel()->hasSelection());

    // The current row out of the window: focus coming back changes nothing, a key goes
    // on from it, a filter that still shows it keeps it, and clearing forgets it.
    const qint64 hundred = panel.model()->eventAt(100).id;
    auto *search = panel.findChild<QLineEdit *>(QStringLiteral("search"));
    view->selectCaseRow(100);
    bar->setValue(500);
    QSignalSpy picked(&panel, &EventsPanel::eventSelected);
    QVERIFY(!view->currentIndex().isValid());
    QCOMPARE(view->currentCaseRow(), 100);
    search->setFocus();
    view->setFocus(Qt::TabFocusReason);
    QCOMPARE(view->currentCaseRow(), 100);
    QCOMPARE(view->topCaseRow(), 500);
    QCOMPARE(picked.count(), 0);
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(view->currentCaseRow(), 101);
    QCOMPARE(view->selectedCaseRows(), (EventsTableView::Ranges {{101, 101}}));
    QVERIFY(view->topCaseRow() <= 101 && view->topCaseRow() + page > 101);
    QCOMPARE(picked.count(), 1);
    QCOMPARE(picked.at(0).at(0).toLongLong(), panel.model()->eventAt(101).id);
    view->selectCaseRow(100);
    bar->setValue(500);
    search->setText(QStringLiteral("row 1")); // rows 1, 10-19, 100-199
    QTRY_COMPARE(panel.model()->matchCount(), qint64(111));
    QCOMPARE(view->currentCaseRow(), 11);
    QCOMPARE(view->currentIndex().data(EventsModel::EventIdRole).toLongLong(), hundred);
    search->clear();
    QTRY_COMPARE(panel.model()->matchCount(), qint64(Count));
    QCOMPARE(view->currentCaseRow(), 100);
    bar->setValue(500);
    QVERIFY(!panel.selectEventIfShown(-1));
    QCOMPARE(view->currentCaseRow(), -1);
    QCOMPARE(panel.selectionAsTsv().count(u'\n'), 1); // the header only

    // A current row set by a key after a sort (Qt then remembers no current index of its
    // own): focus coming back while the window has left it changes nothing.
    view->sortByColumn(EventsModel::Time, Qt::DescendingOrder);
    QCOMPARE(view->currentCaseRow(), -1);
    QTest::keyClick(view, Qt::Key_Down);
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(view->currentCaseRow(), 1);
    bar->setValue(500);
    picked.clear();
    search->setFocus();
    view->setFocus(Qt::TabFocusReason);
    QVERIFY(view->hasFocus());
    QCOMPARE(view->currentCaseRow(), 1);
    QCOMPARE(view->topCaseRow(), 500);
    QCOMPARE(picked.count(), 0);
    view->sortByColumn(EventsModel::Time, Qt::AscendingOrder);

    // The current row's column comes back with it, and the table is not scrolled
    // sideways to it.
    bar->setValue(0);
    const int hostX = view->columnViewportPosition(EventsModel::Host) + 5;
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(hostX, rowY(3)));
    QCOMPARE(view->currentCaseRow(), 3);
    QCOMPARE(view->currentIndex().column(), int(EventsModel::Host));
    bar->setValue(500);
    QVERIFY(!view->currentIndex().isValid());
    QScrollBar *sideways = view->horizontalScrollBar();
    QVERIFY(sideways->maximum() > 0);
    sideways->setValue(sideways->maximum());
    bar->setValue(0);
    QCOMPARE(view->currentIndex().column(), int(EventsModel::Host));
    QCOMPARE(view->currentCaseRow(), 3);
    QCOMPARE(sideways->value(), sideways->maximum());

    // The panel finds and selects any row; a new query starts the table over.
    QSignalSpy selected(&panel, &EventsPanel::eventSelected);
    const qint64 last = panel.model()->eventAt(Count - 1).id;
    panel.selectEvent(last);
    QCOMPARE(view->currentCaseRow(), Count - 1);
    QCOMPARE(view->currentIndex().data(EventsModel::EventIdRole).toLongLong(), last);
    QCOMPARE(selected.count(), 0);
    search->setText(QStringLiteral("row 59"));
    QTRY_COMPARE(panel.model()->matchCount(), qint64(11)); // 59, 590 .. 599
    QCOMPARE(view->model()->rowCount(), 11);
    QCOMPARE(view->window()->first(), 0);
    QVERIFY(!bar->isVisible());
    QVERIFY(panel.grab().save(QStringLiteral("/tmp/eventspanel-window.png")));
}

void Tst_eventstable::panelSearchCountsAndFilters()
{
    EventsPanel panel;
    panel.resize(1400, 500);
    panel.setStore(m_store.get());
    panel.show();
    QCOMPARE(panel.matchCountText(), QStringLiteral("8 of 8 events"));
    auto *search = panel.findChild<QLineEdit *>(QStringLiteral("search"));
    QVERIFY(search);
    panel.focusSearch();
    QTest::keyClicks(search, QStringLiteral("whoami"));
    // Live, after a short pause in the typing.
    QTRY_COMPARE(panel.model()->matchCount(), qint64(1));
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("matchCount"))->text(), QStringLiteral("1 of 8 events"));
    search->clear();
    QTRY_COMPARE(panel.model()->matchCount(), qint64(8));

    auto *host = panel.findChild<QComboBox *>(QStringLiteral("hostFilter"));
    QVERIFY(host);
    QCOMPARE(host->count(), 5); // all, IE8WIN7, IE9Win7, WEB01, web01
    host->setCurrentIndex(host->findText(QStringLiteral("IE8WIN7")));
    QCOMPARE(panel.model()->matchCount(), qint64(3));
    QCOMPARE(panel.matchCountText(), QStringLiteral("3 of 8 events"));
    auto *kind = panel.findChild<QComboBox *>(QStringLiteral("kindFilter"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("log_message")));
    QCOMPARE(panel.model()->matchCount(), qint64(1));

    // "This chain only" follows the chain selected elsewhere.
    panel.clearFilters();
    QCOMPARE(panel.model()->matchCount(), qint64(8));
    auto *chainOnly = panel.findChild<QCheckBox *>(QStringLiteral("chainOnly"));
    QVERIFY(!chainOnly->isEnabled());
    panel.setChainEvents({1, 3});
    QVERIFY(chainOnly->isEnabled());
    chainOnly->setChecked(true);
    QCOMPARE(panel.model()->matchCount(), qint64(2));
    panel.setChainEvents({1, 2, 3, 7});
    QCOMPARE(panel.model()->matchCount(), qint64(4));

    const QString shot = QStringLiteral("/tmp/eventspanel-filtered.png");
    chainOnly->setChecked(false);
    QTest::keyClicks(search, QStringLiteral("exe"));
    QTRY_COMPARE(panel.model()->matchCount(), qint64(2));
    QVERIFY(panel.grab().save(shot));
}

void Tst_eventstable::panelCopiesTsv()
{
    EventsPanel panel;
    panel.setStore(m_store.get());
    panel.show();
    EventsTableView *view = panel.view();
    // Only three columns, to keep the expected text short.
    for (int c = 0; c < EventsModel::ColumnCount; ++c)
        view->horizontalHeader()->setSectionHidden(
            c, c != EventsModel::Host && c != EventsModel::Pid && c != EventsModel::CommandLine);
    view->selectionModel()->select(view->showCaseRow(3), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(view->showCaseRow(0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    panel.copySelection();
    QCOMPARE(QApplication::clipboard()->text(),
        QStringLiteral("Host\tPID\tCommand line\n"
                       "IE8Win7\t100\tcmd /c whoami\n"
                       "web01\t400\tcurl -o /tmp/x\\thttp://a\\nnext\n"));
    QCOMPARE(EventsPanel::tsvField(QStringLiteral("a\\b")), QStringLiteral("a\\\\b"));
}

void Tst_eventstable::panelExportsHostileCsv()
{
    EventsPanel panel;
    panel.setStore(m_store.get());
    auto *host = panel.findChild<QComboBox *>(QStringLiteral("hostFilter"));
    host->setCurrentIndex(host->findText(QStringLiteral("WEB01")));
    // Only the first page is fetched; the export holds every match anyway.
    QCOMPARE(panel.model()->matchCount(), qint64(2));
    const QString path = m_dir.filePath(QStringLiteral("events.csv"));
    QCOMPARE(panel.exportCsv(path), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes.mid(3)));
    QCOMPARE(rows.size(), 3);
    const QStringList header = rows.at(0);
    QCOMPARE(header.size(), int(EventsModel::ColumnCount));
    const int image = header.indexOf(QStringLiteral("Image"));
    const int command = header.indexOf(QStringLiteral("Command line"));
    const int message = header.indexOf(QStringLiteral("Message"));
    QVERIFY(image >= 0 && command >= 0 && message >= 0);
    QCOMPARE(rows.at(1).at(message), QStringLiteral("100% done_ok"));
    QCOMPARE(rows.at(2).at(image), QStringLiteral("/bin/sh, \"quoted\""));
    QCOMPARE(rows.at(2).at(command), QStringLiteral("'=cmd|' /C calc'!A0"));
    QCOMPARE(EventsPanel::csvField(QStringLiteral("a\nb")), QStringLiteral("\"a\nb\""));
    QCOMPARE(EventsPanel::csvField(QStringLiteral("+1")), QStringLiteral("'+1"));
    QCOMPARE(EventsPanel::csvField(QStringLiteral("@SUM(A1)")), QStringLiteral("'@SUM(A1)"));
    QCOMPARE(EventsPanel::csvField(QStringLiteral("-2,3")), QStringLiteral("\"'-2,3\""));
    QCOMPARE(EventsPanel::csvField(QStringLiteral("plain")), QStringLiteral("plain"));

    // The Linux host with the line break in its command line.
    host->setCurrentIndex(host->findText(QStringLiteral("web01")));
    QCOMPARE(panel.exportCsv(path), QString());
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> linuxRows = parseCsv(QString::fromUtf8(file.readAll().mid(3)));
    QCOMPARE(linuxRows.size(), 3);
    QCOMPARE(linuxRows.at(1).at(command), QStringLiteral("curl -o /tmp/x\thttp://a\nnext"));
    // A folder that does not exist: the reason, and no file.
    QVERIFY(!panel.exportCsv(m_dir.filePath(QStringLiteral("missing/x.csv"))).isEmpty());
}

void Tst_eventstable::panelColumnStateRoundTrips()
{
    QByteArray state;
    {
        EventsPanel panel;
        panel.setStore(m_store.get());
        QHeaderView *header = panel.view()->horizontalHeader();
        header->setSectionHidden(EventsModel::Image, true);
        header->setSortIndicator(EventsModel::Pid, Qt::DescendingOrder);
        QCOMPARE(panel.model()->query().sortKey, EventSortKey::Pid);
        state = panel.saveState();
    }
    EventsPanel panel;
    panel.setStore(m_store.get());
    QVERIFY(!panel.view()->horizontalHeader()->isSectionHidden(EventsModel::Image));
    QVERIFY(!panel.restoreState(QByteArray("not a state")));
    QVERIFY(panel.restoreState(state));
    QVERIFY(panel.view()->horizontalHeader()->isSectionHidden(EventsModel::Image));
    QCOMPARE(panel.model()->query().sortKey, EventSortKey::Pid);
    QVERIFY(panel.model()->query().descending);
    // Hidden columns are left out of the export as well.
    const QString path = m_dir.filePath(QStringLiteral("hidden.csv"));
    QCOMPARE(panel.exportCsv(path), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!parseCsv(QString::fromUtf8(file.readAll().mid(3))).at(0).contains(QStringLiteral("Image")));
}

void Tst_eventstable::panelSelectEventClearsHidingFilters()
{
    EventsPanel panel;
    panel.setStore(m_store.get());
    panel.show();
    QSignalSpy selected(&panel, &EventsPanel::eventSelected);
    auto *search = panel.findChild<QLineEdit *>(QStringLiteral("search"));
    search->setText(QStringLiteral("whoami"));
    panel.selectEvent(1); // still matches: the search stays
    QCOMPARE(search->text(), QStringLiteral("whoami"));
    QCOMPARE(panel.view()->currentIndex().data(EventsModel::EventIdRole).toLongLong(), 1);
    panel.selectEvent(7); // hidden by the search: filters cleared
    QVERIFY(search->text().isEmpty());
    QCOMPARE(panel.model()->matchCount(), qint64(8));
    QCOMPARE(panel.view()->currentIndex().data(EventsModel::EventIdRole).toLongLong(), 7);
    QCOMPARE(selected.count(), 0); // no echo to whoever asked
    panel.view()->setCurrentIndex(panel.view()->showCaseRow(2, 1));
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.at(0).at(0).toLongLong(), 3);

    // Bookmarks from the panel reach the store and the marker column.
    panel.setBookmarked(3, true, QStringLiteral("egress"));
    QCOMPARE(m_store->bookmark(3)->note, QStringLiteral("egress"));
    QVERIFY(panel.model()->index(2, EventsModel::Mark).data(EventsModel::BookmarkRole).toBool());
    panel.findChild<QCheckBox *>(QStringLiteral("bookmarkedOnly"))->setChecked(true);
    QCOMPARE(panel.model()->matchCount(), qint64(1));
    panel.setBookmarked(3, false);
    QCOMPARE(panel.model()->matchCount(), qint64(0));
}

void Tst_eventstable::panelTimeZoneAndRange()
{
    EventsPanel panel;
    panel.setStore(m_store.get());
    auto *from = panel.findChild<QDateTimeEdit *>(QStringLiteral("from"));
    auto *to = panel.findChild<QDateTimeEdit *>(QStringLiteral("to"));
    QVERIFY(from && to);
    // The edits start at the first and last event: all in the first second of 1970.
    QCOMPARE(from->dateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), QStringLiteral("1970-01-01 00:00:00"));
    panel.setTimeZone(QTimeZone("Europe/Berlin"));
    QCOMPARE(panel.model()->index(0, EventsModel::Time).data().toString(),
        QStringLiteral("1970-01-01T01:00:00.001000+01:00"));
    // The range keeps its instant and shows it in the new zone.
    QCOMPARE(from->dateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), QStringLiteral("1970-01-01 01:00:00"));

    // "To" is read in the display zone and takes in its whole second.
    to->setDateTime(QDateTime(QDate(1970, 1, 1), QTime(0, 59, 59), Qt::UTC));
    panel.findChild<QCheckBox *>(QStringLiteral("toEnabled"))->setChecked(true);
    QCOMPARE(panel.model()->matchCount(), qint64(0));
    to->setDateTime(QDateTime(QDate(1970, 1, 1), QTime(1, 0, 0), Qt::UTC));
    QTRY_COMPARE(panel.model()->matchCount(), qint64(8));
    // "From" on the second after: nothing.
    from->setDateTime(QDateTime(QDate(1970, 1, 1), QTime(1, 0, 1), Qt::UTC));
    panel.findChild<QCheckBox *>(QStringLiteral("fromEnabled"))->setChecked(true);
    QCOMPARE(panel.model()->matchCount(), qint64(0));
    panel.clearFilters();
    QCOMPARE(panel.model()->matchCount(), qint64(8));
}

void Tst_eventstable::corpusProviderSearch()
{
    const QString path = Test::corpusPath(QStringLiteral("windows/application_msiinstaller_1033_1040_1042_11707.evtx"));
    if (!QFile::exists(path))
        QSKIP("corpus absent");
    QTemporaryDir dir;
    auto store = CaseStore::create(dir.filePath(QStringLiteral("corpus.chainscope")));
    const ImportResult r = importFile(*store, builtinFormats(), path, {});
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    // The file names its machine IE8Win7 (971 events) and IE8WIN7 (1): one host.
    const QStringList hosts = store->hosts();
    QCOMPARE(hosts.filter(QStringLiteral("ie8win7"), Qt::CaseInsensitive).size(), 1);
    EventQuery q;
    q.hosts = {QStringLiteral("IE8Win7")};
    QCOMPARE(store->countEvents(q), qint64(972));

    EventsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    EventQuery search;
    search.text = QStringLiteral("msiinstaller");
    model.reset(store.get(), search);
    QVERIFY(model.matchCount() > 0);
    model.fetchMore({});
    QVERIFY(model.rowCount() > 0);
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row, EventsModel::Provider).data().toString(), QStringLiteral("MsiInstaller"));
        QVERIFY(model.index(row, EventsModel::EventCode).data().toInt() > 0);
    }
    qInfo("corpus: %lld MsiInstaller events of %lld", model.matchCount(), store->eventCount());

    // The panel on the corpus, as an analyst sees it.
    EventsPanel panel;
    panel.resize(1600, 600);
    panel.setStore(store.get());
    panel.show();
    panel.findChild<QLineEdit *>(QStringLiteral("search"))->setText(QStringLiteral("MsiInstaller"));
    auto *code = panel.findChild<QLineEdit *>(QStringLiteral("eventCodeFilter"));
    code->setText(QStringLiteral("11707"));
    QTRY_VERIFY(panel.model()->matchCount() < model.matchCount());
    QVERIFY(panel.model()->matchCount() > 0);
    for (int row = 0; row < panel.model()->rowCount(); ++row)
        QCOMPARE(panel.model()->index(row, EventsModel::EventCode).data().toInt(), 11707);
    QVERIFY(panel.grab().save(QStringLiteral("/tmp/eventspanel-corpus.png")));
}

void Tst_eventstable::toolTipsShowLogTextAsText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown"); // what the analyst reads in the tooltip
    QTest::newRow("image tag") << "<img src=\"file:///etc/passwd\">x.exe"
                               << "<img src=\"file:///etc/passwd\">x.exe";
    QTest::newRow("bold") << "<b>not bold</b>"
                          << "<b>not bold</b>";
    QTest::newRow("entity") << "a &amp; b"
                            << "a &amp; b";
    QTest::newRow("escape sequence") << "ls \x1b[31mred"
                                     << "ls \\x1b[31mred";
    QTest::newRow("plain") << "cmd /c whoami"
                           << "cmd /c whoami";
}

void Tst_eventstable::toolTipsShowLogTextAsText()
{
    // A tooltip is rich text whenever Qt guesses so (Qt::mightBeRichText): log text
    // must reach the analyst as the characters it is, never as markup.
    QFETCH(QString, text);
    QFETCH(QString, shown);
    text.replace(QStringLiteral("\\x1b"), QString(QChar(0x1b)));
    const QString tip = plainToolTip(text);
    QVERIFY(Qt::mightBeRichText(tip));
    QTextDocument document;
    document.setHtml(tip);
    QCOMPARE(document.toPlainText(), shown);
    QVERIFY(!tip.contains(QLatin1String("<img")) && !tip.contains(QLatin1String("<b>")));

    // The events model's cells use it: the hostile row's command line comes back whole.
    EventsModel model;
    model.reset(m_store.get());
    while (model.canFetchMore({}))
        model.fetchMore({});
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex cell = model.index(r, EventsModel::CommandLine);
        if (cell.data().toString() != QLatin1String("=cmd|' /C calc'!A0"))
            continue;
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), plainToolTip(cell.data().toString()));
        document.setHtml(cell.data(Qt::ToolTipRole).toString());
        QCOMPARE(document.toPlainText(), QStringLiteral("=cmd|' /C calc'!A0"));
        return;
    }
    QFAIL("the hostile row is not in the model");
}

void Tst_eventstable::copyKeyPutsRowsOnTheClipboard()
{
    // Ctrl+C as the analyst presses it, in the table: the selected rows as TSV.
    EventsPanel panel;
    panel.setStore(m_store.get());
    panel.resize(900, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QApplication::clipboard()->clear();
    EventsTableView *view = panel.view();
    view->setFocus();
    view->selectionModel()->select(QItemSelection(view->showCaseRow(0), view->showCaseRow(1)),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTest::keySequence(view, QKeySequence::Copy);
    const QStringList lines = QApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3); // the header and two rows
    QVERIFY(lines.at(0).contains(u'\t'));
    QCOMPARE(lines.at(1).count(u'\t'), lines.at(0).count(u'\t'));
}

QTEST_MAIN(Tst_eventstable)
#include "tst_eventstable.moc"
