#include "caseindex.h"
#include "casestore.h"
#include "eventjson.h"
#include "rawcodec.h"
#include "sha256.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <limits>
#include <numeric>
#include <sqlite3.h>

using namespace Chainscope;

class Tst_casestore : public QObject
{
    Q_OBJECT
private slots:
    void createSetsCurrentSchemaVersion();
    void createRefusesExistingFile();
    void openMigratesEveryOlderVersion_data();
    void openMigratesEveryOlderVersion();
    void typedFactsMoveOutOfOldDetails_data();
    void typedFactsMoveOutOfOldDetails();
    void migratedCaseGivesTheSameGraph();
    void openChecksTheCaseFormat_data();
    void openChecksTheCaseFormat();
    void openRefusesForeignFiles_data();
    void openRefusesForeignFiles();
    void eventsRoundTripWithHostileStrings();
    void writerWithoutFinishLeavesSourceIncompleteAndEmpty();
    void incompleteSourceCanBeDroppedAndReimported();
    void sourceWithSha256FindsOnlyCompleteSources();
    void errorMessagesAreCappedButCountsAreExact();
    void gapsRoundTrip_data();
    void gapsRoundTrip();
    void forEachEventFiltersAndOrders();
    void compressedRawRecordsRoundTrip();
    void damagedCompressedRawIsACaseError_data();
    void damagedCompressedRawIsACaseError();
    void rawCodecRejectsHostileFrames_data();
    void rawCodecRejectsHostileFrames();
    void brokenSurrogatesStayInTheirColumn();
    void indexedRowsAreTheStoredText();
    void stringPoolInternsBytesAsText();
    void platformsOfTheEvidence();
    void facetsFollowTheEvents();
    void triageIsKeptBySeed();
    void bookmarksFollowEventTime();
    void policyHistoryKeepsEveryVersion();
    void eventMinuteIsTheFloorOfTheTime_data();
    void eventMinuteIsTheFloorOfTheTime();
    void minutesAndTotalFollowEveryImport();
    void migrationCountsTheMinutesOfOldCases();
    void migrationCountsHostFacetsFromTheRows_data();
    void migrationCountsHostFacetsFromTheRows();
    void staleMarksKeepTheEarliestTimeImportsAdded();
    void tableSizeAndStripReadFewPages();
    void storedIndexRoundTrip();
    void storedSubtreeWalksDownAndEnds();
    void storedLookupIncludesBothBounds_data();
    void storedLookupIncludesBothBounds();
    void storedIndexNeedsItsGeneration();
    void storedIndexGoesWithTheEvents();
    void storedIndexPartsAreWrittenAlone();
    void indexedEventsByIdReadAsTheScan();

private:
    QTemporaryDir m_dir;
    int m_serial = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("case%1.chainscope").arg(++m_serial)); }
    static Event sampleEvent(qint64 timeUs, EventKind kind);
    // A case of format 5 (before typed facts), with one source (id 1) and these events
    // as (kind, details JSON) rows, made as that version did.
    struct OldEvent
    {
        QByteArray kind;
        qint64 timeUs = 0;
        qint64 pid = -1;
        qint64 ppid = -1;
        QByteArray image;
        QByteArray details;
    };
    QString oldCase(const QList<OldEvent> &events);
    // A case of format 8 (before event_minutes) with sources 1 and 2, and events of
    // source 1 at these times, then of source 2 at those.
    QString caseOfFormat8(const QList<qint64> &source1, const QList<qint64> &source2 = {});
};

namespace {

constexpr qint64 MinuteUs = 60'000'000;

// floor(timeUs / 1 min), written differently from the store's: a truncated quotient,
// one less when the remainder is negative.
qint64 floorMinute(qint64 timeUs)
{
    return timeUs / MinuteUs - (timeUs % MinuteUs < 0 ? 1 : 0);
}

using MinuteCounts = QMap<QPair<qint64, qint64>, qint64>; // (source, minute) → events

// event_minutes as stored.
MinuteCounts storedMinutes(CaseStore &store)
{
    MinuteCounts m;
    Statement st(store.database(), "SELECT source_id, minute, events FROM event_minutes");
    while (st.step())
        m.insert({st.int64(0), st.int64(1)}, st.int64(2));
    return m;
}

// What event_minutes must hold: every event, read back and counted here.
MinuteCounts minutesOfEvents(CaseStore &store)
{
    MinuteCounts m;
    store.forEachEvent({}, [&](const Event &e) {
        ++m[{e.sourceId, floorMinute(e.timeUs)}];
        return true;
    });
    return m;
}

// The stored index's tables and indexes as the case file defines them.
QStringList storedIndexSchema(CaseStore &store)
{
    QStringList schema;
    Statement st(store.database(),
        "SELECT type, name, ifnull(sql, '') FROM sqlite_schema WHERE tbl_name GLOB 'ix_*' ORDER BY name");
    while (st.step())
        schema.append(st.text(0) + u' ' + st.text(1) + u' ' + st.text(2));
    return schema;
}

qint64 countStar(CaseStore &store)
{
    Statement st(store.database(), "SELECT count(*) FROM events");
    st.step();
    return st.int64(0);
}

} // namespace

Event Tst_casestore::sampleEvent(qint64 timeUs, EventKind kind)
{
    Event e;
    e.timeUs = timeUs;
    e.host = QStringLiteral("host-a");
    e.platform = Platform::Linux;
    e.kind = kind;
    e.pid = 42;
    e.ppid = 1;
    e.image = QStringLiteral("/usr/bin/true");
    return e;
}

void Tst_casestore::createSetsCurrentSchemaVersion()
{
    const QString path = freshPath();
    auto store = CaseStore::create(path);
    QCOMPARE(store->database().userVersion(), CaseStore::SchemaVersion);
    QCOMPARE(CaseStore::migrations().size(), CaseStore::SchemaVersion);
    Statement mode(store->database(), "PRAGMA journal_mode");
    QVERIFY(mode.step());
    QCOMPARE(mode.text(0), QStringLiteral("wal"));
}

void Tst_casestore::createRefusesExistingFile()
{
    const QString path = freshPath();
    CaseStore::create(path);
    QVERIFY_THROWS_EXCEPTION(CaseError, CaseStore::create(path));
}

void Tst_casestore::openMigratesEveryOlderVersion_data()
{
    QTest::addColumn<int>("fromVersion");
    for (int v = 1; v < CaseStore::SchemaVersion; ++v)
        QTest::addRow("v%d", v) << v;
}

void Tst_casestore::openMigratesEveryOlderVersion()
{
    QFETCH(int, fromVersion);
    const QString path = freshPath();
    // Build an old case by hand, exactly as that version's code did, with one source
    // and one event in it.
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
        for (int v = 0; v < fromVersion; ++v)
            QCOMPARE(sqlite3_exec(db, CaseStore::migrations().at(v), nullptr, nullptr, nullptr), SQLITE_OK);
        const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(fromVersion);
        QCOMPARE(sqlite3_exec(db, setVersion.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db,
                     "INSERT INTO sources(id, path, format, status, events_stored) "
                     "VALUES (7, '/evidence/audit.log', 'auditd', 'complete', 1);"
                     "INSERT INTO raw_records(id, source_id, data) VALUES (5, 7, X'747970653D455845435645');"
                     "INSERT INTO events(source_id, raw_id, time_us, host, platform, kind, pid) "
                     "VALUES (7, 5, 1000000, 'old-host', 'linux', 'process_start', 99);",
                     nullptr, nullptr, nullptr),
            SQLITE_OK);
        // From format 11 on, the import counted its event's minute with it.
        if (fromVersion >= 11) {
            QCOMPARE(sqlite3_exec(db, "INSERT INTO event_minutes(minute, source_id, events) VALUES (0, 7, 1)", nullptr,
                         nullptr, nullptr),
                SQLITE_OK);
        }
        sqlite3_close(db);
    }
    auto store = CaseStore::open(path);
    QCOMPARE(store->database().userVersion(), CaseStore::SchemaVersion);
    const QList<SourceInfo> sources = store->sources();
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources.first().id, 7);
    QCOMPARE(sources.first().path, QStringLiteral("/evidence/audit.log"));
    QCOMPARE(sources.first().status, SourceStatus::Complete);
    QCOMPARE(sources.first().timeZone, QStringLiteral("UTC")); // default added by v2
    // v10: the facets come from the events that are there (a case of format 10 or later
    // counted them when its events went in; the raw insert above did not).
    if (fromVersion < 10) {
        QCOMPARE(store->hosts(), QStringList {QStringLiteral("old-host")});
        QCOMPARE(store->eventCountsByKind(), (QList<QPair<QString, qint64>> {{QStringLiteral("process_start"), 1}}));
        QCOMPARE(store->platforms(), QList<Platform> {Platform::Linux});
    }
    // v7: sources of older cases were files on disk, members of no archive.
    QVERIFY(sources.first().archivePath.isEmpty());
    QVERIFY(sources.first().archiveSha256.isEmpty());
    QVERIFY(sources.first().memberPath.isEmpty());
    SourceInfo member;
    member.path = QStringLiteral("/evidence/uac.tar.gz!/var/log/dpkg.log");
    member.archivePath = QStringLiteral("/evidence/uac.tar.gz");
    member.archiveSha256 = QStringLiteral("ab12");
    member.memberPath = QStringLiteral("var/log/dpkg.log");
    const SourceInfo stored = store->source(store->beginSource(member)).value();
    QCOMPARE(stored.archivePath, member.archivePath);
    QCOMPARE(stored.archiveSha256, member.archiveSha256);
    QCOMPARE(stored.memberPath, member.memberPath);
    QCOMPARE(store->eventCount(), 1);
    QCOMPARE(store->countEvents(EventQuery()), 1); // v11: its minute was counted
    QVERIFY(store->importErrors(7).isEmpty());
    // Raw records of older cases were stored as read; they still are after v4.
    qint64 eventId = -1;
    store->forEachEvent({}, [&](const Event &e) {
        eventId = e.id;
        return false;
    });
    QCOMPARE(store->rawRecord(eventId).value(), QByteArray("type=EXECVE"));
    // v12: the stored index's tables, empty: it is written on the next whole-index open.
    QVERIFY(!store->storedIndexState().has_value());
    for (const char *table : {"ix_state", "ix_parts", "ix_stale", "ix_processes", "ix_events", "ix_lookups"}) {
        Statement rows(store->database(), (QByteArray("SELECT count(*) FROM ") + table).constData());
        QVERIFY(rows.step());
        QCOMPARE(rows.int64(0), 0);
    }
    QVERIFY(StoredIndexReader(*store).processImages().isEmpty());
    QCOMPARE(storedIndexSchema(*store), storedIndexSchema(*CaseStore::create(freshPath())));
}

QString Tst_casestore::oldCase(const QList<OldEvent> &events)
{
    const QString path = freshPath();
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK)
        return QString();
    bool ok = true;
    for (int v = 0; v < 5; ++v)
        ok = ok && sqlite3_exec(db, CaseStore::migrations().at(v), nullptr, nullptr, nullptr) == SQLITE_OK;
    ok = ok
        && sqlite3_exec(db,
               "PRAGMA user_version = 5;"
               "INSERT INTO sources(id, path, format, status) VALUES (1, '/evidence/x', 'auditd', 'complete');",
               nullptr, nullptr, nullptr)
            == SQLITE_OK;
    sqlite3_stmt *st = nullptr;
    ok = ok
        && sqlite3_prepare_v2(db,
               "INSERT INTO events(source_id, time_us, host, platform, kind, pid, ppid, image, details) "
               "VALUES (1, ?, 'h1', 'linux', ?, ?, ?, ?, ?)",
               -1, &st, nullptr)
            == SQLITE_OK;
    for (const OldEvent &e : events) {
        if (!ok)
            break;
        sqlite3_bind_int64(st, 1, e.timeUs);
        sqlite3_bind_text(st, 2, e.kind.constData(), int(e.kind.size()), SQLITE_TRANSIENT);
        if (e.pid >= 0)
            sqlite3_bind_int64(st, 3, e.pid);
        if (e.ppid >= 0)
            sqlite3_bind_int64(st, 4, e.ppid);
        if (!e.image.isEmpty())
            sqlite3_bind_text(st, 5, e.image.constData(), int(e.image.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 6, e.details.constData(), int(e.details.size()), SQLITE_TRANSIENT);
        ok = sqlite3_step(st) == SQLITE_DONE;
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return ok ? path : QString();
}

// Case format 6 gave the facts the correlation reads typed columns (issue 12). A case
// of format 5 has them as keys of its details JSON: opening it moves each into its
// column where it has the form the readers wrote, so the old case keeps its chains,
// and `events --json` prints it as before.
void Tst_casestore::typedFactsMoveOutOfOldDetails_data()
{
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<QByteArray>("details"); // as format 5 stored it
    QTest::addColumn<QByteArray>("left"); // details after the move
    QTest::addColumn<QByteArray>("printed"); // details as eventToJson prints them
    QTest::addColumn<bool>("forked");
    QTest::addColumn<QString>("family");
    QTest::addColumn<QStringList>("answers");
    QTest::addColumn<QString>("parentKey");
    QTest::addColumn<QString>("parentImage");
    QTest::addColumn<QString>("parentCommandLine");
    const QStringList none;
    QTest::newRow("audit fork") << QByteArray("process_start") << QByteArray(R"({"serial":5,"via":"fork","z":1})")
                                << QByteArray(R"({"serial":5,"z":1})") << QByteArray() << true << QString() << none
                                << QString() << QString() << QString();
    QTest::newRow("audit unix peer") << QByteArray("net_connect")
                                     << QByteArray(R"({"family":"unix","socketPath":"/run/a"})")
                                     << QByteArray(R"({"socketPath":"/run/a"})") << QByteArray() << false
                                     << QStringLiteral("unix") << none << QString() << QString() << QString();
    QTest::newRow("audit numbered family")
        << QByteArray("log_message") << QByteArray(R"({"family":"16"})") << QByteArray("{}") << QByteArray() << false
        << QStringLiteral("16") << none << QString() << QString() << QString();
    QTest::newRow("sysmon 22 answers") << QByteArray("dns_query")
                                       << QByteArray(R"({"answers":["192.0.2.1","2001:db8::1"],"event_id":22})")
                                       << QByteArray(R"({"event_id":22})") << QByteArray() << false << QString()
                                       << QStringList({QStringLiteral("192.0.2.1"), QStringLiteral("2001:db8::1")})
                                       << QString() << QString() << QString();
    // Early readers wrote one address as a string; the index took it as one answer.
    QTest::newRow("one answer as text") << QByteArray("dns_query") << QByteArray(R"({"answers":"192.0.2.9"})")
                                        << QByteArray("{}") << QByteArray(R"({"answers":["192.0.2.9"]})") << false
                                        << QString() << QStringList({QStringLiteral("192.0.2.9")}) << QString()
                                        << QString() << QString();
    QTest::newRow("sysmon 1 parent")
        << QByteArray("process_start")
        << QByteArray(R"({"event_id":1,"parent_command_line":"p.exe \"a b\" \\x\u00e9","parent_guid":"{ab-01}",)"
                      R"("parent_image":"C:\\p.exe"})")
        << QByteArray(R"({"event_id":1})") << QByteArray() << false << QString() << none << QStringLiteral("{ab-01}")
        << QStringLiteral("C:\\p.exe") << QStringLiteral("p.exe \"a b\" \\x\u00e9");
    QTest::newRow("4688 parent image") << QByteArray("process_start") << QByteArray(R"({"parent_image":"C:\\c.exe"})")
                                       << QByteArray("{}") << QByteArray() << false << QString() << none << QString()
                                       << QStringLiteral("C:\\c.exe") << QString();
    // What no reader wrote stays where it is.
    QTest::newRow("other via stays") << QByteArray("process_start") << QByteArray(R"({"via":"exec"})")
                                     << QByteArray(R"({"via":"exec"})") << QByteArray() << false << QString() << none
                                     << QString() << QString() << QString();
    QTest::newRow("numeric family stays")
        << QByteArray("net_connect") << QByteArray(R"({"family":2})") << QByteArray(R"({"family":2})") << QByteArray()
        << false << QString() << none << QString() << QString() << QString();
    QTest::newRow("answers of a connect stay")
        << QByteArray("net_connect") << QByteArray(R"({"answers":["192.0.2.1"]})")
        << QByteArray(R"({"answers":["192.0.2.1"]})") << QByteArray() << false << QString() << none << QString()
        << QString() << QString();
    QTest::newRow("parent of a write stays")
        << QByteArray("file_write") << QByteArray(R"({"parent_image":"x"})") << QByteArray(R"({"parent_image":"x"})")
        << QByteArray() << false << QString() << none << QString() << QString() << QString();
    QTest::newRow("key inside a value") << QByteArray("process_start") << QByteArray(R"({"note":"\"via\""})")
                                        << QByteArray(R"({"note":"\"via\""})") << QByteArray() << false << QString()
                                        << none << QString() << QString() << QString();
    // One damaged details text must not stop the upgrade of the case.
    QTest::newRow("not json") << QByteArray("process_start") << QByteArray(R"({"via":"fork")") << QByteArray()
                              << QByteArray() << false << QString() << none << QString() << QString() << QString();
}

void Tst_casestore::typedFactsMoveOutOfOldDetails()
{
    QFETCH(QByteArray, kind);
    QFETCH(QByteArray, details);
    QFETCH(QByteArray, left);
    QFETCH(QByteArray, printed);
    QFETCH(bool, forked);
    QFETCH(QString, family);
    QFETCH(QStringList, answers);
    QFETCH(QString, parentKey);
    QFETCH(QString, parentImage);
    QFETCH(QString, parentCommandLine);
    const QString path = oldCase({{kind, 1'000'000, 10, 1, "/usr/bin/a", details}});
    QVERIFY(!path.isEmpty());
    auto store = CaseStore::open(path);
    QCOMPARE(store->database().userVersion(), CaseStore::SchemaVersion);
    const Event e = store->event(1).value();
    QCOMPARE(e.forked, forked);
    QCOMPARE(e.addressFamily, family);
    QCOMPARE(e.dnsAnswers, answers);
    QCOMPARE(e.parentProcessKey, parentKey);
    QCOMPARE(e.parentImage, parentImage);
    QCOMPARE(e.parentCommandLine, parentCommandLine);
    QCOMPARE(e.details, QJsonDocument::fromJson(left).object());
    // The CLI prints what it printed before the upgrade.
    const QByteArray shown = printed.isEmpty() ? details : printed;
    QCOMPARE(eventToJson(e).value(QStringLiteral("details")).toObject(), QJsonDocument::fromJson(shown).object());
    if (details.endsWith('}')) {
        Statement raw(store->database(), "SELECT details FROM events WHERE id = 1");
        QVERIFY(raw.step());
        QCOMPARE(QJsonDocument::fromJson(raw.blob(0)).object(), QJsonDocument::fromJson(left).object());
    }
    // And the index reads the facts from their columns.
    CaseIndex index;
    QVERIFY(index.load(*store));
    const QList<IndexedEvent> indexed = index.events();
    if (kind == "log_message") {
        QVERIFY(indexed.isEmpty());
        return;
    }
    QCOMPARE(indexed.size(), 1);
    const IndexedEvent &x = indexed.first();
    QCOMPARE(x.fork, forked);
    QCOMPARE(x.local, family == QLatin1String("unix"));
    QStringList indexedAnswers;
    if (x.answers >= 0) {
        for (qint32 ip : index.dnsAnswers().at(x.answers))
            indexedAnswers.append(index.strings.at(ip));
    }
    QCOMPARE(indexedAnswers, answers);
    QCOMPARE(index.strings.at(x.parentGuid), parentKey);
    QCOMPARE(index.strings.at(x.parentImage), parentImage);
    QCOMPARE(index.strings.at(x.parentCommandLine), parentCommandLine);
}

// The process graph of an upgraded case is the graph of the same events imported now.
void Tst_casestore::migratedCaseGivesTheSameGraph()
{
    // A shell execs, forks a child that execs curl, which resolves a name and
    // connects to its address; a helper connects to a unix socket.
    const QList<OldEvent> old = {
        {"process_start", 1'000'000, 100, 1, "/bin/sh", R"({"serial":1,"syscall":"execve"})"},
        {"process_start", 2'000'000, 101, 100, "/bin/sh", R"({"serial":2,"syscall":"clone","via":"fork"})"},
        {"process_start", 3'000'000, 101, 100, "/usr/bin/curl", R"({"serial":3,"syscall":"execve"})"},
        {"dns_query", 4'000'000, 101, -1, "/usr/bin/curl", R"({"answers":["192.0.2.7"]})"},
        {"net_connect", 5'000'000, 101, -1, "/usr/bin/curl", R"({"family":"inet"})"},
        {"net_connect", 6'000'000, 100, -1, "/bin/sh", R"({"family":"unix","socketPath":"/run/s"})"},
        {"process_start", 7'000'000, 300, 200, "C:\\x.exe",
            R"({"parent_guid":"{p-1}","parent_image":"C:\\p.exe","parent_command_line":"p.exe /s"})"},
    };
    const QString oldPath = oldCase(old);
    QVERIFY(!oldPath.isEmpty());
    auto upgraded = CaseStore::open(oldPath);

    auto fresh = CaseStore::create(freshPath());
    SourceInfo info;
    info.path = QStringLiteral("/evidence/x");
    info.format = QStringLiteral("auditd");
    const qint64 sourceId = fresh->beginSource(info);
    {
        EventWriter writer(*fresh, sourceId);
        for (const OldEvent &o : old) {
            Event e;
            e.timeUs = o.timeUs;
            e.host = QStringLiteral("h1");
            e.platform = Platform::Linux;
            e.kind = kindFromName(QString::fromLatin1(o.kind)).value();
            e.pid = o.pid;
            e.ppid = o.ppid;
            e.image = QString::fromUtf8(o.image);
            // What the readers set now.
            QJsonObject d = QJsonDocument::fromJson(o.details).object();
            e.forked = d.take(QStringLiteral("via")).toString() == QLatin1String("fork");
            e.addressFamily = d.take(QStringLiteral("family")).toString();
            for (const QJsonValue &v : d.take(QStringLiteral("answers")).toArray())
                e.dnsAnswers.append(v.toString());
            e.parentProcessKey = d.take(QStringLiteral("parent_guid")).toString();
            e.parentImage = d.take(QStringLiteral("parent_image")).toString();
            e.parentCommandLine = d.take(QStringLiteral("parent_command_line")).toString();
            e.details = d;
            writer.add(e, -1);
        }
        ImportCounts counts;
        counts.recordsRead = old.size();
        writer.finish(counts);
    }

    CaseIndex a;
    QVERIFY(a.load(*upgraded));
    CaseIndex b;
    QVERIFY(b.load(*fresh));
    QCOMPARE(a.events().size(), old.size());
    QCOMPARE(b.events().size(), a.events().size());
    const auto text = [](const CaseIndex &index, qint32 id) {
        return index.strings.at(id);
    };
    for (qsizetype i = 0; i < a.events().size(); ++i) {
        const IndexedEvent &x = a.events().at(i);
        const IndexedEvent &y = b.events().at(i);
        QCOMPARE(x.fork, y.fork);
        QCOMPARE(x.local, y.local);
        QCOMPARE(x.answers >= 0, y.answers >= 0);
        if (x.answers >= 0) {
            QCOMPARE(a.dnsAnswers().at(x.answers).size(), b.dnsAnswers().at(y.answers).size());
            QCOMPARE(text(a, a.dnsAnswers().at(x.answers).first()), text(b, b.dnsAnswers().at(y.answers).first()));
        }
        QCOMPARE(text(a, x.parentGuid), text(b, y.parentGuid));
        QCOMPARE(text(a, x.parentImage), text(b, y.parentImage));
        QCOMPARE(text(a, x.parentCommandLine), text(b, y.parentCommandLine));
        QCOMPARE(x.node, y.node);
        QCOMPARE(a.processKey(x.node), b.processKey(y.node));
    }
    // The facts were read: one fork, one local peer, one answer, one parent.
    QCOMPARE(std::count_if(a.events().cbegin(), a.events().cend(), [](const IndexedEvent &e) { return e.fork; }), 1);
    QCOMPARE(std::count_if(a.events().cbegin(), a.events().cend(), [](const IndexedEvent &e) { return e.local; }), 1);
    QCOMPARE(a.dnsAnswers().size(), 1);
    QCOMPARE(a.processes().size(), b.processes().size());
    for (qsizetype i = 0; i < a.processes().size(); ++i) {
        const ProcessNode &x = a.process(qint32(i));
        const ProcessNode &y = b.process(qint32(i));
        QCOMPARE(x.pid, y.pid);
        QCOMPARE(x.parent, y.parent);
        QCOMPARE(x.execed, y.execed);
        QCOMPARE(text(a, x.image), text(b, y.image));
    }
}

// PRAGMA user_version is one field of the file header: a flipped bit can make it
// anything, and every version Chainscope does not know gets one clear error.
void Tst_casestore::openChecksTheCaseFormat_data()
{
    QTest::addColumn<qint64>("version");
    QTest::addColumn<QString>("error"); // empty: opens
    const qint64 current = CaseStore::SchemaVersion;
    QTest::newRow("current") << current << QString();
    QTest::newRow("one newer") << current + 1 << QStringLiteral("newer Chainscope");
    QTest::newRow("far newer") << qint64(std::numeric_limits<qint32>::max()) << QStringLiteral("newer Chainscope");
    QTest::newRow("negative one") << qint64(-1) << QStringLiteral("not a Chainscope case");
    QTest::newRow("most negative") << qint64(std::numeric_limits<qint32>::min())
                                   << QStringLiteral("not a Chainscope case");
}

void Tst_casestore::openChecksTheCaseFormat()
{
    QFETCH(qint64, version);
    QFETCH(QString, error);
    const QString path = freshPath();
    {
        auto store = CaseStore::create(path);
        const QByteArray sql = "PRAGMA user_version = " + QByteArray::number(version);
        store->database().exec(sql.constData());
    }
    try {
        auto store = CaseStore::open(path);
        QVERIFY2(error.isEmpty(), "a case of an unknown format was opened");
        QCOMPARE(store->database().userVersion(), CaseStore::SchemaVersion);
    } catch (const CaseError &e) {
        QVERIFY2(!error.isEmpty(), qPrintable(e.message()));
        QVERIFY2(e.message().contains(error), qPrintable(e.message()));
        QVERIFY2(e.message().contains(QString::number(version)), qPrintable(e.message()));
    }
}

void Tst_casestore::openRefusesForeignFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text") << QByteArray("type=SYSCALL msg=audit(1.0:1): not a case\n")
                          << QStringLiteral("not a database");
    QTest::newRow("other-sqlite") << QByteArray() << QStringLiteral("not a Chainscope case");
    QTest::newRow("missing") << QByteArray("-") << QStringLiteral("does not exist");
}

void Tst_casestore::openRefusesForeignFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString path = freshPath();
    if (content.isEmpty()) {
        sqlite3 *db = nullptr;
        sqlite3_open(QFile::encodeName(path).constData(), &db);
        sqlite3_exec(db, "CREATE TABLE notes(x)", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    } else if (content != "-") {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content.repeated(200));
    }
    try {
        CaseStore::open(path);
        QFAIL("a foreign file was opened as a case");
    } catch (const CaseError &e) {
        QVERIFY2(e.message().contains(expected), qPrintable(e.message()));
    }
}

void Tst_casestore::eventsRoundTripWithHostileStrings()
{
    auto store = CaseStore::create(freshPath());
    SourceInfo info;
    info.path = QStringLiteral("/evidence/it's \"quoted\"; DROP TABLE events;--.log");
    info.format = QStringLiteral("auditd");
    const qint64 sid = store->beginSource(info);

    Event e = sampleEvent(1'700'000'000'123'456, EventKind::ProcessStart);
    e.commandLine = QStringLiteral("sh -c 'x'); DELETE FROM sources; -- \u00e9\u4e2d");
    e.image = QStringLiteral("/tmp/%s %n \\x00");
    e.details.insert(QStringLiteral("key"), QStringLiteral("<script>"));
    const QByteArray raw("type=EXECVE msg=audit(1:2): a0=\"'\"\n\x01\xff");
    {
        EventWriter writer(*store, sid);
        const qint64 rawId = writer.addRaw(raw);
        writer.add(e, rawId);
        ImportCounts counts;
        counts.recordsRead = 1;
        writer.finish(counts);
    }
    QCOMPARE(store->sources().size(), 1);
    QCOMPARE(store->sources().first().path, info.path);
    QCOMPARE(store->sources().first().status, SourceStatus::Complete);
    QCOMPARE(store->sources().first().counts.eventsStored, 1);

    QList<Event> got;
    store->forEachEvent({}, [&](const Event &ev) {
        got.append(ev);
        return true;
    });
    QCOMPARE(got.size(), 1);
    QCOMPARE(got.first().commandLine, e.commandLine);
    QCOMPARE(got.first().image, e.image);
    QCOMPARE(got.first().timeUs, e.timeUs);
    QCOMPARE(got.first().kind, EventKind::ProcessStart);
    QCOMPARE(got.first().details.value(QStringLiteral("key")).toString(), QStringLiteral("<script>"));
    QCOMPARE(store->rawRecord(got.first().id).value(), raw);
}

void Tst_casestore::writerWithoutFinishLeavesSourceIncompleteAndEmpty()
{
    const QString path = freshPath();
    {
        auto store = CaseStore::create(path);
        const qint64 sid = store->beginSource({});
        EventWriter writer(*store, sid);
        for (int i = 0; i < 1000; ++i)
            writer.add(sampleEvent(i, EventKind::FileWrite), writer.addRaw("x"));
        // No finish(): the import died here.
    }
    auto store = CaseStore::open(path);
    const QList<SourceInfo> sources = store->sources();
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources.first().status, SourceStatus::Incomplete);
    QCOMPARE(store->eventCount(), 0);
    Statement raws(store->database(), "SELECT count(*) FROM raw_records");
    raws.step();
    QCOMPARE(raws.int64(0), 0);
}

void Tst_casestore::incompleteSourceCanBeDroppedAndReimported()
{
    auto store = CaseStore::create(freshPath());
    SourceInfo info;
    info.path = QStringLiteral("/evidence/a.log");
    const qint64 broken = store->beginSource(info);
    {
        EventWriter writer(*store, broken);
        writer.add(sampleEvent(1, EventKind::FileWrite), -1);
    }
    store->dropSource(broken);
    QVERIFY(store->sources().isEmpty());

    const qint64 again = store->beginSource(info);
    {
        EventWriter writer(*store, again);
        writer.add(sampleEvent(1, EventKind::FileWrite), writer.addRaw("r"));
        writer.addError(5, QStringLiteral("garbage"));
        ImportCounts counts;
        counts.recordsRead = 2;
        counts.recordsFailed = 1;
        writer.finish(counts, QStringLiteral("garbage"));
    }
    QCOMPARE(store->sources().size(), 1);
    QCOMPARE(store->sources().first().status, SourceStatus::Complete);
    QCOMPARE(store->sources().first().counts.recordsFailed, 1);
    QCOMPARE(store->importErrors(again).size(), 1);
    QCOMPARE(store->eventCount(), 1);

    // Dropping a complete source removes its events, raw records and errors too.
    store->dropSource(again);
    QCOMPARE(store->eventCount(), 0);
    QVERIFY(store->importErrors(again).isEmpty());
    Statement raws(store->database(), "SELECT count(*) FROM raw_records");
    raws.step();
    QCOMPARE(raws.int64(0), 0);
}

void Tst_casestore::sourceWithSha256FindsOnlyCompleteSources()
{
    auto store = CaseStore::create(freshPath());
    const QString hash = QStringLiteral("ab").repeated(32);
    const auto addSource = [&](const QString &sha256) {
        const qint64 id = store->beginSource({});
        EventWriter writer(*store, id);
        writer.setSha256(sha256);
        writer.finish({});
        return id;
    };
    QCOMPARE(store->sourceWithSha256(hash), std::nullopt);
    // An interrupted import of the file is no reason to refuse it. (The importer records
    // the hash only with the events; a source begun with one must not count either.)
    SourceInfo interrupted;
    interrupted.sha256 = hash;
    store->beginSource(interrupted);
    QCOMPARE(store->sources().first().sha256, hash);
    QCOMPARE(store->sourceWithSha256(hash), std::nullopt);
    const qint64 first = addSource(hash);
    addSource(QStringLiteral("cd").repeated(32));
    addSource(hash); // imported again on purpose
    QCOMPARE(store->sourceWithSha256(hash), first);
    QCOMPARE(store->sourceWithSha256(QStringLiteral("ef").repeated(32)), std::nullopt);
}

void Tst_casestore::errorMessagesAreCappedButCountsAreExact()
{
    auto store = CaseStore::create(freshPath());
    const qint64 sid = store->beginSource({});
    EventWriter writer(*store, sid);
    for (int i = 0; i < 5000; ++i)
        writer.addError(i, QStringLiteral("bad record"));
    ImportCounts counts;
    counts.recordsRead = 5000;
    counts.recordsFailed = 5000;
    writer.finish(counts);
    QCOMPARE(store->sources().first().counts.recordsFailed, 5000);
    const QList<ImportErrorRecord> kept = store->importErrors(sid);
    QVERIFY(kept.size() < 5000);
    QVERIFY(!kept.isEmpty());
    QCOMPARE(kept.first().recordPos, 0);
}

void Tst_casestore::gapsRoundTrip_data()
{
    // Issue 11, finding 12: the gap count and the first SerialGaps::MaxRangesKept
    // ranges go to sources.gaps / sources.gap_ranges and come back; the total number
    // of holes says whether the list was cut. Bounds: 99, 100, 101 holes.
    QTest::addColumn<int>("holes");
    QTest::newRow("none") << 0;
    QTest::newRow("one") << 1;
    QTest::newRow("99") << 99;
    QTest::newRow("100") << 100;
    QTest::newRow("101") << 101;
}

void Tst_casestore::gapsRoundTrip()
{
    QFETCH(int, holes);
    auto store = CaseStore::create(freshPath());
    const qint64 sid = store->beginSource({});
    ImportCounts counts;
    counts.recordsRead = 2;
    // Serials past 2^53 stay exact (they are kept as text, not JSON numbers).
    const quint64 base = (quint64(1) << 60) + 1;
    for (int i = 0; i < holes; ++i)
        counts.gaps.add(base + quint64(10 * i), base + quint64(10 * i + i));
    {
        EventWriter writer(*store, sid);
        writer.finish(counts);
    }
    const SerialGaps back = store->source(sid)->counts.gaps;
    QCOMPARE(back.missing, counts.gaps.missing);
    QCOMPARE(back.rangeCount, qint64(holes));
    QCOMPARE(back.ranges.size(), std::min<qsizetype>(holes, SerialGaps::MaxRangesKept));
    QCOMPARE(back.cut(), holes > SerialGaps::MaxRangesKept);
    QCOMPARE(back, counts.gaps);
    QCOMPARE(store->sources().first().counts.gaps, counts.gaps);
    QCOMPARE(store->sources().first().counts.recordsFailed, 0);
    if (holes > 0)
        QCOMPARE(back.rangeStrings().first(), QStringLiteral("%1-%1").arg(base));
}

// Issue 14: the analyst's marks and notes survive closing the case, are replaced in
// place, and a chain set back to no mark and no note leaves no row behind.
// Platforms with a host and platforms whose logs name none (dpkg, install.log) both
// count; one without events does not.
void Tst_casestore::platformsOfTheEvidence()
{
    auto store = CaseStore::create(freshPath());
    QCOMPARE(store->platforms(), QList<Platform>());
    SourceInfo info;
    info.path = QStringLiteral("/evidence/mixed");
    info.format = QStringLiteral("auditd");
    const qint64 sourceId = store->beginSource(info);
    {
        EventWriter writer(*store, sourceId);
        Event e;
        e.kind = EventKind::ProcessStart;
        e.platform = Platform::MacOS; // no host
        writer.add(e, -1);
        e.platform = Platform::Linux;
        e.host = QStringLiteral("web01");
        writer.add(e, -1);
        ImportCounts counts;
        writer.finish(counts);
    }
    QCOMPARE(store->platforms(), (QList<Platform> {Platform::Linux, Platform::MacOS}));
}

namespace {

// What the facets must say, asked of the events themselves (the queries the store ran
// before it kept facets, schema 10).
struct Facets
{
    QStringList hosts;
    QStringList linuxHosts;
    QStringList windowsHosts;
    QList<QPair<QString, qint64>> kinds;
    QStringList providers;
    QList<Platform> platforms;
    bool operator==(const Facets &) const = default;
};

QStringList column(Database &db, const char *sql, const QString &bound = QString())
{
    Statement st(db, sql);
    if (!bound.isNull())
        st.bindText(1, bound);
    QStringList out;
    while (st.step())
        out << st.text(0);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Facets fromEvents(CaseStore &store)
{
    Database &db = store.database();
    Facets f;
    const char *hosts = "SELECT min(host) FROM events WHERE host <> '' "
                        "GROUP BY platform = 'windows', CASE WHEN platform = 'windows' THEN upper(host) ELSE host END";
    const char *hostsOf = "SELECT min(host) FROM events WHERE host <> '' AND platform = ? "
                          "GROUP BY CASE WHEN platform = 'windows' THEN upper(host) ELSE host END";
    f.hosts = column(db, hosts);
    f.linuxHosts = column(db, hostsOf, QStringLiteral("linux"));
    f.windowsHosts = column(db, hostsOf, QStringLiteral("windows"));
    Statement kinds(db, "SELECT kind, count(*) FROM events GROUP BY kind ORDER BY kind");
    while (kinds.step())
        f.kinds.append({kinds.text(0), kinds.int64(1)});
    f.providers = column(db,
        "SELECT DISTINCT json_extract(details, '$.provider') FROM events WHERE instr(details, '\"provider\"') "
        "AND json_valid(details) AND json_type(details, '$.provider') = 'text'");
    const QStringList platforms = column(db, "SELECT DISTINCT platform FROM events");
    for (const Platform p : {Platform::Windows, Platform::Linux, Platform::MacOS})
        if (platforms.contains(platformName(p)))
            f.platforms.append(p);
    return f;
}

Facets fromStore(CaseStore &store)
{
    return {store.hosts(), store.hosts(Platform::Linux), store.hosts(Platform::Windows), store.eventCountsByKind(),
        store.eventProviders(), store.platforms()};
}

} // namespace

void Tst_casestore::facetsFollowTheEvents()
{
    auto store = CaseStore::create(freshPath());
    QCOMPARE(fromStore(*store), fromEvents(*store));
    const auto importSource = [&](const QString &name, const QList<Event> &events, bool commit = true) {
        SourceInfo info;
        info.path = name;
        info.format = QStringLiteral("evtx");
        const qint64 id = store->beginSource(info);
        EventWriter writer(*store, id);
        for (const Event &e : events)
            writer.add(e, -1);
        if (commit)
            writer.finish({});
        return id;
    };
    const auto event = [](Platform platform, const QString &host, EventKind kind, const QByteArray &details = {}) {
        Event e;
        e.platform = platform;
        e.host = host;
        e.kind = kind;
        e.detailsJson = details;
        return e;
    };
    // Runs of one host, spellings of one Windows machine, hosts that also name another
    // platform, events without a host, providers in JSON text and in a QJsonObject, a
    // "provider" that is no string, one inside a string, and JSON that is not valid.
    Event object = event(Platform::Windows, QStringLiteral("ie8win7"), EventKind::LogMessage);
    object.details.insert(QStringLiteral("provider"), QStringLiteral("Service Control Manager"));
    const QList<Event> windows {
        event(Platform::Windows, QStringLiteral("IE8Win7"), EventKind::ProcessStart,
            R"({"event_id":1,"provider":"Microsoft-Windows-Sysmon"})"),
        event(Platform::Windows, QStringLiteral("IE8Win7"), EventKind::ProcessStart,
            R"({"event_id":1,"provider":"Microsoft-Windows-Sysmon"})"),
        event(Platform::Windows, QStringLiteral("IE8WIN7"), EventKind::FileWrite, R"({"provider":"MsiInstaller"})"),
        object,
        event(Platform::Windows, QString(), EventKind::NetConnect, R"({"provider":7})"),
        event(Platform::Windows, QStringLiteral("dc01"), EventKind::LogMessage, R"({"note":""provider":"x""})"),
        event(Platform::Windows, QStringLiteral("dc01"), EventKind::LogMessage, R"({"provider":"broken")"),
        event(Platform::Linux, QStringLiteral("IE8Win7"), EventKind::ProcessStart),
        event(Platform::Linux, QString(), EventKind::PackageInstall),
        event(Platform::Linux, QString(), EventKind::PackageInstall),
    };
    const qint64 first = importSource(QStringLiteral("/evidence/a.evtx"), windows);
    QCOMPARE(fromStore(*store), fromEvents(*store));
    QCOMPARE(store->eventProviders(),
        (QStringList {QStringLiteral("Microsoft-Windows-Sysmon"), QStringLiteral("MsiInstaller"),
            QStringLiteral("Service Control Manager")}));
    QCOMPARE(store->hosts(Platform::Windows), (QStringList {QStringLiteral("IE8WIN7"), QStringLiteral("dc01")}));

    // A second source; one rolled back.
    const qint64 second = importSource(QStringLiteral("/evidence/b.log"),
        {event(Platform::Linux, QStringLiteral("web01"), EventKind::ProcessStart),
            event(Platform::MacOS, QString(), EventKind::ModuleLoad)});
    importSource(QStringLiteral("/evidence/c.log"),
        {event(Platform::Linux, QStringLiteral("ghost"), EventKind::DnsQuery, R"({"provider":"Ghost"})")}, false);
    QCOMPARE(fromStore(*store), fromEvents(*store));
    QVERIFY(!store->hosts().contains(QStringLiteral("ghost")));

    // Hosts given to the events without one (each platform keeps its own).
    QCOMPARE(store->assignHost(first, QStringLiteral("build-07")), 3);
    QCOMPARE(fromStore(*store), fromEvents(*store));
    store->assignHost(second, QString()); // changes nothing
    QCOMPARE(fromStore(*store), fromEvents(*store));
    QCOMPARE(store->assignHost(second, QStringLiteral("web01")), 1);
    QCOMPARE(fromStore(*store), fromEvents(*store));
    QVERIFY(store->platforms().contains(Platform::MacOS));

    store->dropSource(first);
    QCOMPARE(fromStore(*store), fromEvents(*store));
    QCOMPARE(store->eventProviders(), QStringList());
    store->dropSource(second);
    QCOMPARE(fromStore(*store), fromEvents(*store));
    QCOMPARE(store->platforms(), QList<Platform>());
}

void Tst_casestore::triageIsKeptBySeed()
{
    const QString path = freshPath();
    {
        auto store = CaseStore::create(path);
        QVERIFY(store->chainTriage().isEmpty());
        store->setChainTriage(42, TriageMark::FollowUp, QStringLiteral("ask the vendor <b>'x'</b>"));
        store->setChainTriage(7, TriageMark::Benign, QString());
        store->setChainTriage(42, TriageMark::Confirmed, QStringLiteral("C2 confirmed"));
    }
    auto store = CaseStore::open(path);
    QHash<qint64, ChainTriage> triage = store->chainTriage();
    QCOMPARE(triage.size(), 2);
    QCOMPARE(triage.value(42).mark, TriageMark::Confirmed);
    QCOMPARE(triage.value(42).note, QStringLiteral("C2 confirmed"));
    QVERIFY(triage.value(42).updated.isValid());
    QCOMPARE(triage.value(7).mark, TriageMark::Benign);
    store->setChainTriage(7, TriageMark::None, QString());
    triage = store->chainTriage();
    QCOMPARE(triage.size(), 1);
    QVERIFY(!triage.contains(7));
    // A note alone keeps the row.
    store->setChainTriage(42, TriageMark::None, QStringLiteral("still open"));
    QCOMPARE(store->chainTriage().value(42).note, QStringLiteral("still open"));

    // A mark name this version does not know reads as none, never as another mark.
    store->database().exec("UPDATE chain_triage SET mark = 'malicious' WHERE seed_event_id = 42");
    QCOMPARE(store->chainTriage().value(42).mark, TriageMark::None);
    QCOMPARE(store->chainTriage().value(42).note, QStringLiteral("still open"));
    for (TriageMark m : {TriageMark::None, TriageMark::Confirmed, TriageMark::Benign, TriageMark::FollowUp})
        QCOMPARE(triageMarkFromName(triageMarkName(m)), m);
    QCOMPARE(triageMarkName(TriageMark::FollowUp), QStringLiteral("follow_up"));
}

void Tst_casestore::bookmarksFollowEventTime()
{
    auto store = CaseStore::create(freshPath());
    const qint64 sid = store->beginSource({});
    QList<qint64> ids;
    {
        EventWriter writer(*store, sid);
        ids << writer.add(sampleEvent(300, EventKind::NetConnect), -1);
        ids << writer.add(sampleEvent(100, EventKind::ProcessStart), -1);
        ids << writer.add(sampleEvent(200, EventKind::NetConnect), -1);
        writer.finish({});
    }
    store->setBookmark(ids.at(0), QStringLiteral("beacon"));
    store->setBookmark(ids.at(1));
    store->setBookmark(ids.at(0), QStringLiteral("beacon to C2"));
    store->setBookmark(999999, QStringLiteral("no such event"));
    const QList<Bookmark> marks = store->bookmarks();
    QCOMPARE(marks.size(), 2);
    QCOMPARE(marks.at(0).eventId, ids.at(1)); // time 100 first
    QCOMPARE(marks.at(1).eventId, ids.at(0));
    QCOMPARE(marks.at(1).note, QStringLiteral("beacon to C2"));
    store->removeBookmark(ids.at(1));
    QCOMPARE(store->bookmarks().size(), 1);
}

void Tst_casestore::policyHistoryKeepsEveryVersion()
{
    auto store = CaseStore::create(freshPath());
    QVERIFY(store->policyHistory().isEmpty());
    Policy p = Policy::defaults();
    p.timeWindowUs = 90LL * 60 * 1000000;
    QCOMPARE(store->savePolicy(p), 1);
    p.timeWindowUs = 4LL * 3600 * 1000000;
    QCOMPARE(store->savePolicy(p), 2);
    QCOMPARE(store->savePolicy(p), 2); // unchanged: no new version
    const QList<PolicyVersion> history = store->policyHistory();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).version, 1);
    QCOMPARE(history.at(0).policy.timeWindowUs, 90LL * 60 * 1000000);
    QCOMPARE(history.at(1).version, 2);
    QCOMPARE(history.at(1).policy.timeWindowUs, 4LL * 3600 * 1000000);
    QVERIFY(history.at(1).saved.isValid());
}

void Tst_casestore::forEachEventFiltersAndOrders()
{
    auto store = CaseStore::create(freshPath());
    const qint64 sid = store->beginSource({});
    {
        EventWriter writer(*store, sid);
        writer.add(sampleEvent(300, EventKind::NetConnect), -1);
        writer.add(sampleEvent(100, EventKind::ProcessStart), -1);
        writer.add(sampleEvent(200, EventKind::NetConnect), -1);
        writer.finish({});
    }
    QList<qint64> times;
    EventFilter filter;
    filter.kind = EventKind::NetConnect;
    store->forEachEvent(filter, [&](const Event &e) {
        times.append(e.timeUs);
        return true;
    });
    QCOMPARE(times, (QList<qint64> {200, 300}));

    times.clear();
    EventFilter limited;
    limited.limit = 2;
    store->forEachEvent(limited, [&](const Event &e) {
        times.append(e.timeUs);
        return true;
    });
    QCOMPARE(times, (QList<qint64> {100, 200}));
}

namespace {
// Bytes shaped like an EVTX chunk: repetitive UTF-16 text with noise in it, so the
// frame is much smaller than the data but not trivially so.
QByteArray chunkLikeBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray data;
    data.reserve(size);
    const QByteArray text = QStringLiteral("C:\\Program Files\\Vendor\\app.exe ").toUtf8();
    while (data.size() < size) {
        for (char c : text) {
            data.append(c);
            data.append('\0');
        }
        data.append(char(random.bounded(256)));
    }
    data.truncate(size);
    return data;
}
} // namespace

void Tst_casestore::compressedRawRecordsRoundTrip()
{
    const QString path = freshPath();
    auto store = CaseStore::create(path);
    const qint64 sid = store->beginSource({});
    const QByteArray chunk = chunkLikeBytes(64 * 1024, 1);
    const QByteArray line("plain raw record");
    {
        EventWriter writer(*store, sid);
        const QByteArray frame = RawCodec::compress(chunk);
        QVERIFY(!frame.isEmpty());
        QVERIFY2(frame.size() < chunk.size() / 2, qPrintable(QString::number(frame.size())));
        writer.add(sampleEvent(100, EventKind::ModuleLoad), writer.addCompressedRaw(frame, Sha256::hash(chunk)));
        writer.add(sampleEvent(200, EventKind::ModuleLoad), writer.addRaw(line));
        writer.finish({});
    }
    QList<qint64> ids;
    store->forEachEvent({}, [&](const Event &e) {
        ids.append(e.id);
        return true;
    });
    QCOMPARE(ids.size(), 2);
    QCOMPARE(store->rawRecord(ids.at(0)).value(), chunk);
    QCOMPARE(store->rawRecord(ids.at(1)).value(), line);

    // What is on disk really is the compressed frame, marked as such.
    Statement st(store->database(), "SELECT encoding, length(data) FROM raw_records ORDER BY id");
    QVERIFY(st.step());
    QCOMPARE(st.text(0), QStringLiteral("zstd"));
    QVERIFY(st.int64(1) < chunk.size() / 2);
    QVERIFY(st.step());
    QVERIFY(st.isNull(0));
    QCOMPARE(st.int64(1), line.size());
}

void Tst_casestore::damagedCompressedRawIsACaseError_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("encoding");
    const QByteArray frame = RawCodec::compress(chunkLikeBytes(8192, 2));
    QTest::newRow("truncated frame") << frame.left(frame.size() / 2) << QByteArray("zstd");
    QTest::newRow("not a frame") << QByteArray("type=EXECVE") << QByteArray("zstd");
    QTest::newRow("unknown encoding") << frame << QByteArray("lz4");
}

void Tst_casestore::damagedCompressedRawIsACaseError()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, encoding);
    const QString path = freshPath();
    auto store = CaseStore::create(path);
    const qint64 sid = store->beginSource({});
    {
        EventWriter writer(*store, sid);
        writer.add(sampleEvent(100, EventKind::ModuleLoad),
            writer.addCompressedRaw(RawCodec::compress("ok"), Sha256::hash("ok")));
        writer.finish({});
    }
    // Damage the stored record behind the store's back, as a bad disk or another tool would.
    Statement damage(store->database(), "UPDATE raw_records SET data = ?, encoding = ?");
    damage.bindBlob(1, data).bind(2, encoding).exec();
    qint64 eventId = -1;
    store->forEachEvent({}, [&](const Event &e) {
        eventId = e.id;
        return false;
    });
    try {
        store->rawRecord(eventId);
        QFAIL("a damaged raw record was returned");
    } catch (const CaseError &e) {
        QVERIFY2(e.message().contains(QStringLiteral("damaged")), qPrintable(e.message()));
    }
}

void Tst_casestore::rawCodecRejectsHostileFrames_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<qsizetype>("maxSize");
    // 1: must decode to the data; 0: must be refused; -1: refused, or (a flip in a bit
    // that zstd ignores) decoded to exactly the data: never a different record.
    QTest::addColumn<int>("expect");
    const QByteArray data = chunkLikeBytes(4096, 3);
    const QByteArray frame = RawCodec::compress(data);
    QTest::newRow("intact (control)") << frame << qsizetype(1 << 20) << 1;
    QTest::newRow("exactly the allowed size") << frame << data.size() << 1;
    QTest::newRow("empty") << QByteArray() << qsizetype(1 << 20) << 0;
    QTest::newRow("truncated") << frame.left(frame.size() - 3) << qsizetype(1 << 20) << 0;
    QTest::newRow("trailing bytes") << frame + QByteArray("xx") << qsizetype(1 << 20) << 0;
    QTest::newRow("larger than allowed") << frame << qsizetype(data.size() - 1) << 0;
    // A flipped bit anywhere, header to checksum, never yields a wrong record.
    for (qsizetype i = 0; i < frame.size(); ++i) {
        QByteArray flipped = frame;
        flipped[i] = char(flipped.at(i) ^ 0x01);
        QTest::addRow("bit flipped in byte %lld", qlonglong(i)) << flipped << qsizetype(1 << 20) << -1;
    }
}

void Tst_casestore::rawCodecRejectsHostileFrames()
{
    QFETCH(QByteArray, frame);
    QFETCH(qsizetype, maxSize);
    QFETCH(int, expect);
    const auto decoded = RawCodec::decompress(frame, maxSize);
    if (expect == 1 || (expect == -1 && decoded))
        QCOMPARE(decoded.value(), chunkLikeBytes(4096, 3));
    else
        QVERIFY(!decoded);
}

void Tst_casestore::brokenSurrogatesStayInTheirColumn()
{
    // Columns are encoded one after another into one buffer; a lone surrogate at the
    // end of one must not swallow or change the start of the next.
    const QString path = freshPath();
    auto store = CaseStore::create(path);
    const qint64 sid = store->beginSource({});
    Event e = sampleEvent(100, EventKind::ProcessStart);
    e.image = QStringLiteral("a") + QChar(0xD800);
    e.commandLine = QChar(0xDC00) + QStringLiteral("b");
    e.user = QStringLiteral("user \u00e9");
    {
        EventWriter writer(*store, sid);
        writer.add(e, -1);
        writer.finish({});
    }
    QList<Event> got;
    store->forEachEvent({}, [&](const Event &ev) {
        got.append(ev);
        return true;
    });
    QCOMPARE(got.size(), 1);
    QVERIFY2(got.first().image.startsWith(u'a'), qPrintable(got.first().image));
    QCOMPARE(got.first().image.size(), 2);
    QVERIFY2(got.first().commandLine.endsWith(u'b'), qPrintable(got.first().commandLine));
    QCOMPARE(got.first().commandLine.size(), 2);
    QCOMPARE(got.first().user, e.user);
    QCOMPARE(got.first().host, e.host);
}

QString Tst_casestore::caseOfFormat8(const QList<qint64> &source1, const QList<qint64> &source2)
{
    const QString path = freshPath();
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK)
        return QString();
    bool ok = true;
    for (int v = 0; v < 8; ++v)
        ok = ok && sqlite3_exec(db, CaseStore::migrations().at(v), nullptr, nullptr, nullptr) == SQLITE_OK;
    ok = ok
        && sqlite3_exec(db,
               "PRAGMA user_version = 8;"
               "INSERT INTO sources(id, path, format, status) VALUES (1, '/evidence/a', 'auditd', 'complete');"
               "INSERT INTO sources(id, path, format, status) VALUES (2, '/evidence/b', 'auditd', 'complete');",
               nullptr, nullptr, nullptr)
            == SQLITE_OK;
    sqlite3_stmt *st = nullptr;
    ok = ok
        && sqlite3_prepare_v2(db,
               "INSERT INTO events(source_id, time_us, host, platform, kind) VALUES (?, ?, 'h', 'linux', 'file_write')",
               -1, &st, nullptr)
            == SQLITE_OK;
    for (int source : {1, 2}) {
        for (const qint64 t : source == 1 ? source1 : source2) {
            if (!ok)
                break;
            sqlite3_bind_int64(st, 1, source);
            sqlite3_bind_int64(st, 2, t);
            ok = sqlite3_step(st) == SQLITE_DONE;
            sqlite3_reset(st);
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return ok ? path : QString();
}

// Issue 15: the minute an event is counted in is floor(time / 60 s), in the writer (C++)
// and in the migration that fills old cases (SQL): at a minute boundary and one µs
// either side, before 1970 (negative times, where truncating division would be off by
// one), and at the ends of the range.
void Tst_casestore::eventMinuteIsTheFloorOfTheTime_data()
{
    QTest::addColumn<qint64>("timeUs");
    QTest::addColumn<qint64>("minute");
    const qint64 m = 29'500'000; // 2026-02-02 02:40 UTC
    QTest::newRow("2026, a µs before the minute") << m * MinuteUs - 1 << m - 1;
    QTest::newRow("2026, on the minute") << m * MinuteUs << m;
    QTest::newRow("2026, a µs after the minute") << m * MinuteUs + 1 << m;
    QTest::newRow("2026, the minute's last µs") << (m + 1) * MinuteUs - 1 << m;
    QTest::newRow("1970, a µs before") << qint64(-1) << qint64(-1);
    QTest::newRow("1970, on it") << qint64(0) << qint64(0);
    QTest::newRow("1970, a µs after") << qint64(1) << qint64(0);
    QTest::newRow("1969-12-31 23:59, a µs before") << -MinuteUs - 1 << qint64(-2);
    QTest::newRow("1969-12-31 23:59, on it") << -MinuteUs << qint64(-1);
    QTest::newRow("1969-12-31 23:59, a µs after") << -MinuteUs + 1 << qint64(-1);
    QTest::newRow("1900, on a minute") << -36'816'480 * MinuteUs << qint64(-36'816'480);
    QTest::newRow("1900, a µs after") << -36'816'480 * MinuteUs + 1 << qint64(-36'816'480);
    QTest::newRow("lowest time") << std::numeric_limits<qint64>::min() << qint64(-153'722'867'281);
    QTest::newRow("highest time") << std::numeric_limits<qint64>::max() << qint64(153'722'867'280);
}

void Tst_casestore::eventMinuteIsTheFloorOfTheTime()
{
    QFETCH(qint64, timeUs);
    QFETCH(qint64, minute);
    QCOMPARE(floorMinute(timeUs), minute); // the test's own arithmetic
    const MinuteCounts expected {{{1, minute}, 1}};
    {
        auto store = CaseStore::create(freshPath());
        const qint64 sid = store->beginSource({});
        QCOMPARE(sid, 1);
        EventWriter writer(*store, sid);
        writer.add(sampleEvent(timeUs, EventKind::FileWrite), -1);
        writer.finish({});
        QCOMPARE(storedMinutes(*store), expected);
    }
    const QString old = caseOfFormat8({timeUs});
    QVERIFY(!old.isEmpty());
    auto store = CaseStore::open(old);
    QCOMPARE(storedMinutes(*store), expected);
}

// Issue 15: countEvents() of a query without filters is the sum of event_minutes; it
// must equal COUNT(*) over the events after every way a case changes: an import, one
// that was interrupted (rolled back), a short file committed as incomplete, a file
// imported again, a host assigned, sources dropped. event_minutes itself must equal the
// events counted per source and minute.
void Tst_casestore::minutesAndTotalFollowEveryImport()
{
    auto store = CaseStore::create(freshPath());
    const auto check = [&](const char *step) {
        const MinuteCounts stored = storedMinutes(*store);
        const MinuteCounts expected = minutesOfEvents(*store);
        // A filter still counts events; here one that matches them all.
        EventQuery all;
        all.fromUs = std::numeric_limits<qint64>::min();
        const qint64 events = countStar(*store);
        if (stored == expected && store->countEvents(EventQuery()) == events && store->eventCount() == events
            && store->countEvents(all) == events)
            return true;
        qWarning() << step << "event_minutes" << stored << "events per minute" << expected << "total"
                   << store->countEvents(EventQuery()) << "COUNT(*)" << events;
        return false;
    };
    QVERIFY(check("empty case"));
    QCOMPARE(store->countEvents(EventQuery()), 0);

    // Times in and out of order, on and beside minute boundaries, before 1970.
    const qint64 m = 29'500'000 * MinuteUs;
    const QList<qint64> times {m - 1, m, m + 1, m + 30'000'000, m + MinuteUs - 1, m + MinuteUs, m - 1, -1, 0, -MinuteUs,
        -MinuteUs - 1, m + 5 * MinuteUs, m};
    const auto import = [&](const QString &path, bool finish, SourceStatus status = SourceStatus::Complete) {
        SourceInfo info;
        info.path = path;
        info.sha256 = QStringLiteral("ab").repeated(32);
        const qint64 sid = store->beginSource(info);
        EventWriter writer(*store, sid);
        for (const qint64 t : times) {
            Event e = sampleEvent(t, EventKind::FileWrite);
            e.host.clear(); // for assignHost
            writer.add(e, writer.addRaw("x"));
        }
        if (finish) {
            ImportCounts counts;
            counts.recordsRead = times.size() + (status == SourceStatus::Incomplete ? 1 : 0);
            counts.recordsFailed = status == SourceStatus::Incomplete ? 1 : 0;
            writer.finish(counts, QString(), status);
        }
        return sid;
    };
    const qint64 a = import(QStringLiteral("/evidence/a.log"), true);
    QVERIFY(check("after an import"));
    QCOMPARE(store->countEvents(EventQuery()), times.size());
    const qint64 interrupted = import(QStringLiteral("/evidence/b.log"), false);
    QVERIFY(check("after an interrupted import"));
    QCOMPARE(store->countEvents(EventQuery()), times.size());
    const qint64 shortFile = import(QStringLiteral("/evidence/c.log"), true, SourceStatus::Incomplete);
    QVERIFY(check("after a short file"));
    QCOMPARE(store->assignHost(a, QStringLiteral("web01")), times.size());
    QVERIFY(check("after assignHost"));
    const qint64 again = import(QStringLiteral("/evidence/a.log"), true);
    QVERIFY(check("after importing a file again"));
    QCOMPARE(store->countEvents(EventQuery()), 3 * times.size());
    store->dropSource(a);
    QVERIFY(check("after dropping the first import"));
    store->dropSource(interrupted);
    QVERIFY(check("after dropping the interrupted import"));
    QCOMPARE(store->countEvents(EventQuery()), 2 * times.size());
    store->dropSource(again);
    QVERIFY(check("after dropping the second import"));
    store->dropSource(shortFile);
    QVERIFY(check("after dropping every source"));
    QCOMPARE(store->countEvents(EventQuery()), 0);
    QVERIFY(storedMinutes(*store).isEmpty());
}

// Format 13 counted host facets from hosts bound as QString::toUtf8() writes them: an
// unpaired surrogate became '?' beside rows that hold U+FFFD. Format 14 counts again,
// from the rows, the sources with a '?' in a host facet (a host really named with a '?'
// is counted as it was), and drops a stored index that may have used the old names.
void Tst_casestore::migrationCountsHostFacetsFromTheRows_data()
{
    QTest::addColumn<QString>("facet"); // what format 13 counted for the first source's host
    QTest::addColumn<bool>("dropped"); // whether the stored index and kept chains go
    QTest::addColumn<QString>("other"); // another source's host, facet as its rows
    // Its host is counted again from the rows, and so is a host really named with a '?'
    // (as it was).
    QTest::newRow("a surrogate counted as '?'") << QStringLiteral("ws?") << true << QStringLiteral("what?");
    // Nothing to count again: the stored index and the kept chains stay.
    QTest::newRow("as the rows hold it") << QStringLiteral("ws") + QChar(0xFFFD) << false << QStringLiteral("what");
}

void Tst_casestore::migrationCountsHostFacetsFromTheRows()
{
    QFETCH(QString, facet);
    QFETCH(bool, dropped);
    QFETCH(QString, other);
    const QString path = freshPath();
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
        for (int v = 0; v < 13; ++v)
            QCOMPARE(sqlite3_exec(db, CaseStore::migrations().at(v), nullptr, nullptr, nullptr), SQLITE_OK);
        const QByteArray sql = QByteArray(
            "PRAGMA user_version = 13;"
            "INSERT INTO sources(id, path, format, status, events_stored) VALUES "
            "(1, 'a.evtx', 'evtx', 'complete', 2), (2, 'b.log', 'auditd', 'complete', 1),"
            "(3, 'c.log', 'auditd', 'complete', 1);"
            "INSERT INTO raw_records(id, source_id, data) VALUES (1, 1, X'00'), (2, 2, X'00'), (3, 3, X'00');"
            "INSERT INTO events(source_id, raw_id, time_us, host, platform, kind, pid) VALUES "
            "(1, 1, 1, 'ws' || char(65533), 'windows', 'process_start', 1),"
            "(1, 1, 2, 'ws' || char(65533), 'windows', 'process_exit', 1),"
            "(2, 2, 3, 'what?', 'linux', 'process_start', 2),"
            "(3, 3, 4, 'plain', 'linux', 'process_start', 3);"
            "INSERT INTO source_facets(source_id, facet, platform, value, events) VALUES "
            "(2, 'host', 'linux', 'what?', 1), (3, 'host', 'linux', 'plain', 1);"
            "INSERT INTO ix_state(id, version, generation) VALUES (1, X'01', 0);"
            "INSERT INTO chain_cache(id, key, generation, sha256, data) VALUES (1, 'k', 0, X'00', X'00');")
                                   .replace("what?", other.toLatin1());
        QCOMPARE(sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_stmt *st = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db,
                     "INSERT INTO source_facets(source_id, facet, platform, value, events) "
                     "VALUES (1, 'host', 'windows', ?, 2)",
                     -1, &st, nullptr),
            SQLITE_OK);
        const QByteArray value = caseUtf8(facet);
        sqlite3_bind_text(st, 1, value.constData(), int(value.size()), SQLITE_TRANSIENT);
        QCOMPARE(sqlite3_step(st), SQLITE_DONE);
        sqlite3_finalize(st);
        // Format 14 alone (format 15 drops every stored index of format 14: it has no
        // frontiers): what it dropped.
        QCOMPARE(sqlite3_exec(db, CaseStore::migrations().at(13), nullptr, nullptr, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "PRAGMA user_version = 14", nullptr, nullptr, nullptr), SQLITE_OK);
        const auto rows = [db](const char *query) {
            sqlite3_stmt *count = nullptr;
            sqlite3_prepare_v2(db, query, -1, &count, nullptr);
            const qint64 n = sqlite3_step(count) == SQLITE_ROW ? sqlite3_column_int64(count, 0) : -1;
            sqlite3_finalize(count);
            return n;
        };
        QCOMPARE(rows("SELECT count(*) FROM ix_state"), dropped ? 0 : 1);
        QCOMPARE(rows("SELECT count(*) FROM chain_cache"), dropped ? 0 : 1);
        sqlite3_close(db);
    }
    auto store = CaseStore::open(path);
    QCOMPARE(store->database().userVersion(), CaseStore::SchemaVersion);
    const QHash<QString, CaseStore::IndexPart> parts = store->indexParts();
    const QString surrogate = QStringLiteral("ws") + QChar(0xFFFD);
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts.value(CaseStore::indexPartOf(surrogate)).hosts, QStringList {surrogate});
    QCOMPARE(parts.value(CaseStore::indexPartOf(surrogate)).events, 2);
    QCOMPARE(parts.value(other.toUpper()).events, 1);
    QCOMPARE(parts.value(QStringLiteral("PLAIN")).events, 1);
    QVERIFY(!store->storedIndexState().has_value()); // format 15
    QCOMPARE(!store->chainCache().has_value(), dropped); // format 15 keeps kept chains
    QVERIFY(store->staleIndexParts().isEmpty());
}

// A case written before event_minutes gets them when it is opened, from its events.
void Tst_casestore::migrationCountsTheMinutesOfOldCases()
{
    const qint64 m = 29'500'000 * MinuteUs;
    const QString path = caseOfFormat8({m - 1, m, m + 1, m + 59'999'999, -1, 0, -MinuteUs - 1, m},
        {m, m + 3 * MinuteUs, std::numeric_limits<qint64>::min()});
    QVERIFY(!path.isEmpty());
    auto store = CaseStore::open(path);
    QCOMPARE(store->database().userVersion(), CaseStore::SchemaVersion);
    const MinuteCounts expected {{{1, -2}, 1}, {{1, -1}, 1}, {{1, 0}, 1}, {{1, m / MinuteUs - 1}, 1},
        {{1, m / MinuteUs}, 4}, {{2, m / MinuteUs}, 1}, {{2, m / MinuteUs + 3}, 1}, {{2, -153'722'867'281}, 1}};
    QCOMPARE(storedMinutes(*store), expected);
    QCOMPARE(minutesOfEvents(*store), expected);
    QCOMPARE(store->countEvents(EventQuery()), 11);
    QCOMPARE(countStar(*store), 11);
}

// The pages of the case that `run` reads: SQLite's page cache hits and misses, which
// count every page fetched, from memory or the file.
static qint64 pagesRead(CaseStore &store, const std::function<void()> &run)
{
    int current = 0;
    int highest = 0;
    sqlite3 *db = store.database().handle();
    sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_HIT, &current, &highest, 1);
    sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_MISS, &current, &highest, 1);
    run();
    qint64 pages = 0;
    sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_HIT, &current, &highest, 0);
    pages += current;
    sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_MISS, &current, &highest, 0);
    return pages + current;
}

// The virtual machine instructions SQLite runs for `run`: a pass over N events of an
// index runs a few per event.
static qint64 sqlSteps(CaseStore &store, const std::function<void()> &run)
{
    qint64 steps = 0;
    sqlite3 *db = store.database().handle();
    sqlite3_progress_handler(
        db, 1,
        [](void *counter) {
            ++*static_cast<qint64 *>(counter);
            return 0;
        },
        &steps);
    run();
    sqlite3_progress_handler(db, 0, nullptr, nullptr);
    return steps;
}

// Issue 15: what the events table and the strip read on a reset is proportional to what
// they show, not to the case. The size of an unfiltered table and the bookmarks shown in
// it read a handful of pages where a pass over the events reads them all (COUNT(*)
// here, to show that the measure sees a pass: it is one instruction that reads every
// page). The strip over the whole case, events a second apart and buckets of five
// minutes, runs a fraction of the instructions of a count per bucket over the events:
// it reads the minutes and, per boundary, the events of the cut part of one minute.
void Tst_casestore::tableSizeAndStripReadFewPages()
{
    const QString path = freshPath();
    const qint64 m = 29'500'000 * MinuteUs;
    const int events = 120'000;
    {
        auto store = CaseStore::create(path);
        const qint64 sid = store->beginSource({});
        EventWriter writer(*store, sid);
        for (int i = 0; i < events; ++i) // a second apart: 2000 minutes
            writer.add(sampleEvent(m + 7'000'007 + qint64(i) * 1'000'000, EventKind::FileWrite), -1);
        writer.finish({});
    }
    auto store = CaseStore::open(path);
    for (const qint64 id : {qint64(5), qint64(60'000), qint64(119'000)})
        store->setBookmark(id, QStringLiteral("note"));
    const qint64 pass = pagesRead(*store, [&] { QCOMPARE(countStar(*store), events); });
    QVERIFY2(pass > 60, qPrintable(QString::number(pass)));
    const qint64 total = pagesRead(*store, [&] { QCOMPARE(store->countEvents(EventQuery()), events); });
    QVERIFY2(total <= 8, qPrintable(QString::number(total)));
    const qint64 marks = pagesRead(*store, [&] { QCOMPARE(store->bookmarks().size(), 3); });
    QVERIFY2(marks <= 16, qPrintable(QString::number(marks)));
    const auto range = store->eventTimeRange();
    QVERIFY(range);
    QList<qint64> counts;
    const qint64 strip = sqlSteps(*store, [&] { counts = store->eventDensity(range->first, range->second, 400); });
    QCOMPARE(std::accumulate(counts.begin(), counts.end(), qint64(0)), events);
    const qint64 perBucket = sqlSteps(*store, [&] {
        Statement st(store->database(), "SELECT count(*) FROM events WHERE time_us >= ?1 AND time_us < ?2");
        const qint64 width = CaseStore::densityBinWidth(range->first, range->second, 400);
        for (int b = 0; b < 400; ++b) {
            st.bind(1, range->first + b * width).bind(2, range->first + (b + 1) * width);
            st.step();
            QCOMPARE(st.int64(0), counts.at(b));
            st.reset();
        }
    });
    QVERIFY2(strip * 4 < perBucket, qPrintable(QStringLiteral("%1 against %2").arg(strip).arg(perBucket)));
}

namespace {

// Text as hostile logs and damaged or foreign case files may hold it.
QList<QByteArray> hostileBytes()
{
    return {
        QByteArray("plain"),
        QByteArray("\xff\xfe not UTF-8"),
        QByteArray("nul\0inside", 10),
        QByteArray(200'000, 'x') + "\xc3\xa9",
        QByteArray("\xf0\x9f\x98\x80 beyond the BMP \xf4\x8f\xbf\xbf"),
        QByteArray("\xef\xbb\xbf"
                   "after a BOM"),
        QByteArray("\xed\xa0\x80 an encoded surrogate"),
        QByteArray("\xc0\xaf overlong"),
        QByteArray("cut \xe4\xb8"),
        QByteArray("\xef\xbf\xbe\xef\xbf\xbf noncharacters"),
        QByteArray("\xef\xbf\xbd"),
        QByteArray("\xf8\x88\x80\x80\x80 five bytes"),
        QByteArray("{00000000-0000-0000-0000-000000000000}"),
        QByteArray("C:\\Windows\\System32\\svchost.exe"),
    };
}

} // namespace

// The index reads rows as bytes (issue 15): every column must say exactly what the Event
// path says of the same row, whatever the bytes, and the index must hold that text.
void Tst_casestore::indexedRowsAreTheStoredText()
{
    auto store = CaseStore::create(freshPath());
    const qint64 sid = store->beginSource({});
    const QList<QByteArray> hostile = hostileBytes();
    const QList<QByteArray> kinds = {"process_start", "process_exit", "file_write", "module_load", "net_connect",
        "dns_query", "package_install", "signature_fault", "log_message", "no_such_kind"};
    const QList<QByteArray> platforms = {"linux", "windows", "macos", "plan9", "\xff"};
    Statement insert(store->database(),
        "INSERT INTO events(source_id, time_us, host, platform, kind, process_key, pid, ppid, image, command_line, "
        "target_path, hashes, signer, signature_status, team_id, dst_ip, dst_port, dst_host, forked, "
        "address_family, dns_answers, parent_process_key, parent_image, parent_command_line) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    constexpr int TextColumns[] = {3, 6, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 23, 24};
    int rows = 0;
    for (int i = 0; i < 60; ++i) {
        insert.bind(1, sid).bind(2, qint64(1000 + i / 3)); // equal times: ordered by id
        insert.bind(4, platforms.at(i % platforms.size()));
        insert.bind(5, kinds.at(i % kinds.size()));
        for (int c = 0; c < int(std::size(TextColumns)); ++c)
            insert.bind(TextColumns[c], hostile.at((i + c) % hostile.size()));
        if (i % 7 == 0)
            insert.bind(9, qint64(4242)); // a number where text belongs: read as its text
        if (i % 20 == 8)
            insert.bind(11, QByteArray("HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\x"));
        if (i % 5 != 0) {
            insert.bind(7, qint64(i) * 1'000'000'007LL).bind(8, qint64(-i));
            insert.bind(17, i % 3 == 0 ? qint64(1) << 40 : qint64(i));
        }
        insert.bind(19, qint64(i % 2));
        if (i % 4 == 1)
            insert.bind(20, QByteArray("unix"));
        insert.bind(21, QByteArray(R"(["192.0.2.1","","\u00e9",7,"::1"])"));
        insert.exec();
        ++rows;
    }

    qint64 lastTime = std::numeric_limits<qint64>::min();
    qint64 lastId = -1;
    int seen = 0;
    int dns = 0;
    int registry = 0;
    int logMessages = 0;
    QList<Event> events;
    const bool complete = store->forEachIndexedEvent([&](const IndexedEventRow &r) {
        const Event e = store->event(r.id).value();
        events.append(e);
        ++seen;
        [&] {
            QVERIFY(r.timeUs > lastTime || (r.timeUs == lastTime && r.id > lastId));
            lastTime = r.timeUs;
            lastId = r.id;
            QCOMPARE(r.timeUs, e.timeUs);
            QCOMPARE(r.kind, e.kind);
            QCOMPARE(r.platform, e.platform);
            QCOMPARE(r.pid, e.pid);
            QCOMPARE(r.ppid, e.ppid);
            QCOMPARE(r.dstPort, e.dstPort);
            QCOMPARE(r.forked, e.forked);
            QCOMPARE(r.sourceId, e.sourceId);
            QCOMPARE(QString::fromUtf8(r.host), e.host);
            QCOMPARE(QString::fromUtf8(r.image), e.image);
            QCOMPARE(QString::fromUtf8(r.commandLine), e.commandLine);
            QCOMPARE(QString::fromUtf8(r.targetPath), e.targetPath);
            QCOMPARE(QString::fromUtf8(r.hashes), e.hashes);
            QCOMPARE(QString::fromUtf8(r.signer), e.signer);
            QCOMPARE(QString::fromUtf8(r.signatureStatus), e.signatureStatus);
            QCOMPARE(QString::fromUtf8(r.teamId), e.teamId);
            QCOMPARE(QString::fromUtf8(r.dstIp), e.dstIp);
            QCOMPARE(QString::fromUtf8(r.dstHost), e.dstHost);
            QCOMPARE(QString::fromUtf8(r.addressFamily), e.addressFamily);
            QCOMPARE(QString::fromUtf8(r.processKey), e.processKey);
            QCOMPARE(QString::fromUtf8(r.parentProcessKey), e.parentProcessKey);
            QCOMPARE(QString::fromUtf8(r.parentImage), e.parentImage);
            QCOMPARE(QString::fromUtf8(r.parentCommandLine), e.parentCommandLine);
            // Answers are read for DNS queries only: no other kind uses them.
            QCOMPARE(r.dnsAnswers, r.kind == EventKind::DnsQuery ? e.dnsAnswers : QStringList());
            if (r.kind == EventKind::DnsQuery) {
                QCOMPARE(r.dnsAnswers,
                    QStringList({QStringLiteral("192.0.2.1"), QStringLiteral("\u00e9"), QStringLiteral("::1")}));
                ++dns;
            }
            if (r.kind == EventKind::LogMessage)
                ++logMessages;
            if (e.targetPath.contains(QLatin1String("\\CurrentVersion\\Run")))
                ++registry;
        }();
        return !QTest::currentTestFailed();
    });
    QVERIFY(complete);
    // Log messages are left out but for the registry's Run key; an unknown kind is read
    // as a log message, as the Event path reads it.
    QCOMPARE(seen, rows - 3);
    QCOMPARE(dns, 6);
    QCOMPARE(registry, 3);
    QCOMPARE(logMessages, 3 + 6);
    // Long text arrives whole.
    QVERIFY(std::any_of(events.cbegin(), events.cend(), [](const Event &e) { return e.image.size() == 200'001; }));

    // The index holds the same text, by the same ids for the same text.
    CaseIndex index;
    QVERIFY(index.load(*store));
    QCOMPARE(index.events().size(), events.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        const IndexedEvent &x = index.events().at(i);
        const Event &e = events.at(i);
        QCOMPARE(x.id, e.id);
        QCOMPARE(index.strings.at(x.image), e.image);
        QCOMPARE(index.strings.at(x.commandLine), e.commandLine);
        QCOMPARE(index.strings.at(x.target), e.targetPath);
        QCOMPARE(index.strings.at(x.hashes), e.hashes);
        QCOMPARE(index.strings.at(x.signer), e.signer);
        QCOMPARE(index.strings.at(x.dstIp), e.dstIp);
        QCOMPARE(index.strings.at(x.parentImage), e.parentImage);
        QCOMPARE(index.strings.at(x.parentCommandLine), e.parentCommandLine);
        QCOMPARE(index.strings.find(e.image), x.image);
        QCOMPARE(x.local, e.addressFamily == QLatin1String("unix"));
        // The all-zero GUID names no process.
        QCOMPARE(index.strings.at(x.processGuid),
            e.processKey.startsWith(QLatin1String("{00000000-")) ? QString() : e.processKey);
    }
    QSet<QString> distinct;
    for (qint32 id = 0; id < index.strings.size(); ++id)
        distinct.insert(index.strings.at(id));
    QCOMPARE(distinct.size(), index.strings.size());
}

// Interning the bytes gives what interning their text (QString::fromUtf8) gives: the
// same ids in the same order, one id per text, whatever the bytes.
void Tst_casestore::stringPoolInternsBytesAsText()
{
    const QList<QByteArray> pieces = {"a", "b", QByteArray("\0", 1), "\xff", "\xc3\xa9", "\xc3", "\xa9",
        "\xf0\x9f\x98\x80", "\xed\xa0\x80", "\xef\xbb\xbf", "\xef\xbf\xbd", "\xe2\x82", "\xc0\x80", "\xf4\x90\x80\x80",
        "\xef\xbf\xbe", "\xf4\x8f\xbf\xbf", "0123456789abcdef"};
    QList<QByteArray> inputs = hostileBytes();
    QRandomGenerator random(15);
    for (int i = 0; i < 20'000; ++i) {
        QByteArray b;
        const int n = int(random.bounded(6));
        for (int j = 0; j < n; ++j)
            b += pieces.at(random.bounded(int(pieces.size())));
        inputs.append(b);
    }
    StringPool pool;
    QHash<QString, qint32> expected; // the pool as it was: keyed by the text
    expected.insert(QString(), 0);
    const QString lone = QStringLiteral("x") + QChar(0xD800); // not the text of any bytes
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const QByteArray &b = inputs.at(i);
        const QString text = QString::fromUtf8(b);
        const qint32 want = expected.contains(text) ? expected.value(text) : qint32(expected.size());
        expected.insert(text, want);
        // Now and then by the text first, as build() interns folded paths.
        const qint32 got = i % 97 == 0 ? pool.intern(text) : pool.intern(QByteArrayView(b));
        QCOMPARE(got, want);
        QCOMPARE(pool.intern(QByteArrayView(b)), want);
        QCOMPARE(pool.intern(text), want);
        QCOMPARE(pool.at(got), text);
        QCOMPARE(pool.find(text), want);
        if (i == 100) {
            const qint32 id = pool.intern(lone);
            QCOMPARE(id, qint32(expected.size()));
            expected.insert(lone, id);
        }
    }
    QCOMPARE(pool.size(), expected.size());
    QCOMPARE(pool.find(lone), expected.value(lone));

    // A probe compares bytes with a pooled string only when their hashes agree, so the
    // compare is tested alone: bytes equal a string only as its exact UTF-8 form.
    const QByteArray bom("\xef\xbb\xbf");
    for (const QByteArray &b : std::as_const(inputs)) {
        const QString text = QString::fromUtf8(b);
        QCOMPARE(StringPool::isUtf8Of(b, text), b.isValidUtf8() && !b.startsWith(bom));
        QVERIFY(StringPool::isUtf8Of(text.toUtf8(), text));
        QVERIFY(!StringPool::isUtf8Of(b + 'x', text));
    }
    // What a lax decoder would take for these strings.
    QVERIFY(!StringPool::isUtf8Of("\xc0\x80", QString(QChar(0))));
    QVERIFY(!StringPool::isUtf8Of("\xe0\x80\xaf", QStringLiteral("/")));
    QVERIFY(!StringPool::isUtf8Of("\xed\xa0\x80", QString(QChar(0xd800))));
    QVERIFY(!StringPool::isUtf8Of("\xed\xa0\x80\xed\xb0\x80", QStringLiteral("\U00010000")));
    QVERIFY(!StringPool::isUtf8Of("\xf4\x90\x80\x80", QString(QChar(0xdbff)) + QChar(0xdc00)));
    QVERIFY(!StringPool::isUtf8Of("\xe4\xb8", QString(QChar(0x4e00))));
    QVERIFY(!StringPool::isUtf8Of("\xf8\x88\x80\x80\x80", QString(QChar(0xfffd))));
    QVERIFY(StringPool::isUtf8Of("\xf0\x9f\x98\x80", QStringLiteral("\U0001F600")));
    QVERIFY(StringPool::isUtf8Of("\xf4\x8f\xbf\xbf", QStringLiteral("\U0010FFFF")));
    QVERIFY(StringPool::isUtf8Of(QByteArray("a\0b", 3), QStringView(u"a\0b", 3)));
    QCOMPARE(pool.find(QStringLiteral("never interned")), -1);
    QCOMPARE(pool.intern(QByteArrayView()), 0);
    QCOMPARE(pool.find(QString()), 0);
}

namespace {

qint64 rowsOf(CaseStore &store, const char *table)
{
    Statement st(store.database(), (QByteArray("SELECT count(*) FROM ") + table).constData());
    st.step();
    return st.int64(0);
}

qint64 storedIndexRows(CaseStore &store)
{
    return rowsOf(store, "ix_state") + rowsOf(store, "ix_processes") + rowsOf(store, "ix_events")
        + rowsOf(store, "ix_lookups");
}

StoredProcess storedProcess(qint64 node, qint64 parent, const QString &image = QStringLiteral("/usr/bin/true"))
{
    StoredProcess p;
    p.node = node;
    p.parent = parent;
    p.image = image;
    p.host = QStringLiteral("host-a");
    p.platform = Platform::Linux;
    return p;
}

// Writes these processes (and a row of every other table) as one stored index.
bool writeStoredIndex(CaseStore &store, const QList<StoredProcess> &processes)
{
    StoredIndexWriter writer(store);
    for (const StoredProcess &p : processes)
        writer.addProcess(p);
    writer.addEvent({1, processes.isEmpty() ? 0 : processes.first().node, QString()});
    writer.addLookup({StoredLookup::Exec, 1, 1, 1, 0, QStringLiteral("host-a")});
    writer.setHeader(QStringLiteral("HOST-A"), "h");
    return writer.commit("v", store.eventsGeneration());
}

bool sameProcess(const StoredProcess &a, const StoredProcess &b)
{
    return a.node == b.node && a.parent == b.parent && a.childRank == b.childRank && a.host == b.host && a.pid == b.pid
        && a.ppid == b.ppid && a.startUs == b.startUs && a.endUs == b.endUs && a.startSeen == b.startSeen
        && a.execed == b.execed && a.updater == b.updater && a.image == b.image && a.commandLine == b.commandLine
        && a.startEventId == b.startEventId && a.platform == b.platform && a.parentReason == b.parentReason
        && a.createdUs == b.createdUs;
}

QList<qint64> nodesOf(const QList<StoredProcess> &processes)
{
    QList<qint64> nodes;
    for (const StoredProcess &p : processes)
        nodes.append(p.node);
    return nodes;
}

} // namespace

// Every field of the stored index comes back as written: the flags one by one, the
// extremes of the numbers, text that is empty, hostile or not ASCII.
// What an import adds to a part is said by the earliest time it added there, kept as the
// earliest of all imports since the part was written: the stored index continues the
// part when that is after its last event. Any other change (a dropped source, a host
// given to events) leaves no time: the part is written again.
void Tst_casestore::staleMarksKeepTheEarliestTimeImportsAdded()
{
    auto store = CaseStore::create(freshPath());
    const auto import = [&](const QString &host, const QList<qint64> &times) {
        SourceInfo info;
        info.path = QStringLiteral("import-%1").arg(times.first());
        const qint64 source = store->beginSource(info);
        EventWriter writer(*store, source);
        for (const qint64 t : times) {
            Event e;
            e.timeUs = t;
            e.host = host;
            e.platform = Platform::Linux;
            e.kind = EventKind::ProcessStart;
            e.pid = 1;
            writer.add(e, writer.addRaw("x"));
        }
        writer.finish({});
        return source;
    };
    const auto since = [&](const QString &part) {
        return store->staleIndexMarks().value(part, std::optional<qint64>(-1));
    };
    import(QStringLiteral("web"), {300, 200, 400}); // out of order: the earliest counts
    QCOMPARE(since(QStringLiteral("WEB")), std::optional<qint64>(200));
    import(QStringLiteral("Web"), {201}); // the same part, later: kept
    QCOMPARE(since(QStringLiteral("WEB")), std::optional<qint64>(200));
    import(QStringLiteral("WEB"), {199, 500}); // earlier: taken
    QCOMPARE(since(QStringLiteral("WEB")), std::optional<qint64>(199));
    // Another host's part has its own.
    const qint64 db = import(QStringLiteral("db"), {1000});
    QCOMPARE(since(QStringLiteral("DB")), std::optional<qint64>(1000));
    QCOMPARE(since(QStringLiteral("WEB")), std::optional<qint64>(199));
    // A dropped source: no time, and imports after it do not bring one back.
    store->dropSource(db);
    QCOMPARE(since(QStringLiteral("DB")), std::optional<qint64>());
    import(QStringLiteral("db"), {2000});
    QCOMPARE(since(QStringLiteral("DB")), std::optional<qint64>());
    // Events given a host (a dpkg.log imported with --host) are added to its part, and
    // taken from the part of no host.
    const qint64 nameless = import(QString(), {60, 50});
    QCOMPARE(since(QString()), std::optional<qint64>(50));
    QVERIFY(store->assignHost(nameless, QStringLiteral("web")) > 0);
    QCOMPARE(since(QStringLiteral("WEB")), std::optional<qint64>(50));
    QCOMPARE(since(QString()), std::optional<qint64>());
}

void Tst_casestore::storedIndexRoundTrip()
{
    auto store = CaseStore::create(freshPath());
    QVERIFY(!store->storedIndexState().has_value());
    const QStringList schema = storedIndexSchema(*store);
    // The tables, ix_parts' unique part, ix_lookups' index by part and ix_processes' indexes.
    QCOMPARE(schema.size(), 8 + 1 + 1 + 4);
    QVERIFY2(schema.join(u'\n').contains(QLatin1String("WHERE flags & 4")), qPrintable(schema.join(u'\n')));
    QList<StoredProcess> processes;
    // Flags in every combination, each on its own node; written out of node order.
    for (int flags = 7; flags >= 0; --flags) {
        StoredProcess p = storedProcess(10 + flags, flags == 0 ? -1 : 10, QStringLiteral("C:\\Windows\\a.exe"));
        p.startSeen = flags & 1;
        p.execed = flags & 2;
        p.updater = flags & 4;
        p.childRank = flags;
        p.pid = 1000 + flags;
        p.ppid = flags == 0 ? -1 : 1000;
        p.startUs = -qint64(flags) * 1'000'000;
        p.endUs = flags % 2 ? std::numeric_limits<qint64>::max() : qint64(flags) << 40;
        p.platform = flags % 2 ? Platform::Windows : Platform::MacOS;
        p.commandLine = flags % 3 ? QStringLiteral("a.exe /%1").arg(flags % 3) : QString();
        p.startEventId = flags == 3 ? -1 : 500 + flags;
        p.parentReason = flags == 5 ? QStringLiteral("guid \u00e9 '; DROP TABLE ix_processes;--") : QString();
        p.host = flags == 6 ? QString() : QStringLiteral("IE8WIN7");
        p.createdUs = flags == 2 ? std::numeric_limits<qint64>::min() : qint64(flags) << 50;
        processes.append(p);
    }
    StoredProcess linux = storedProcess(std::numeric_limits<qint64>::max(), 17, QStringLiteral("/usr/bin/apt"));
    linux.startSeen = false;
    linux.startUs = std::numeric_limits<qint64>::min();
    processes.append(linux);
    const QByteArray version("\x00\xff version", 10);
    const QByteArray header("\x01\x02\x00header", 9);
    {
        StoredIndexWriter writer(*store);
        for (const StoredProcess &p : std::as_const(processes))
            writer.addProcess(p);
        writer.addEvent({42, 17, QString()});
        writer.addEvent({7, 17, QStringLiteral("update.example.com")});
        writer.addEvent({9, 11, QString()});
        writer.addLookup({StoredLookup::Load, -5, 100, 3, 11, QString()});
        writer.addLookup({StoredLookup::Load, -5, 100, 2, 12, QString()});
        writer.addLookup({StoredLookup::Load, -5, 50, 9, 13, QString()});
        writer.addLookup({StoredLookup::Exec, -5, 70, 4, 14, QString()});
        writer.addLookup({StoredLookup::Package, 0, 60, 5, 15, QString()});
        writer.setHeader(QStringLiteral("IE8WIN7"), header);
        QCOMPARE(writer.distinctImages(QStringLiteral("IE8WIN7")), 2);
        QCOMPARE(writer.distinctImages(QStringLiteral("HOST-A")), 1);
        QCOMPARE(writer.distinctImages(QStringLiteral("NONE")), 0);
        QVERIFY(writer.commit(version, store->eventsGeneration()));
    }
    // The writer drops ix_processes' indexes while it fills the table: they are back.
    QCOMPARE(storedIndexSchema(*store), schema);
    const std::optional<StoredIndexState> state = store->storedIndexState();
    QVERIFY(state.has_value());
    QCOMPARE(state->version, version);
    QCOMPARE(state->generation, store->eventsGeneration());
    // One header per part, in the parts' order: "" (flags 6), HOST-A (the Linux one),
    // IE8WIN7; those not set are empty.
    QCOMPARE(state->headers, (QList<QByteArray> {QByteArray(), QByteArray(), header}));

    QList<StoredProcess> byNode = processes;
    std::sort(byNode.begin(), byNode.end(), [](const auto &a, const auto &b) { return a.node < b.node; });
    QList<qint64> asked = nodesOf(processes);
    asked << 99 << -1 << 12; // not stored, not stored, asked twice
    const QList<StoredProcess> got = StoredIndexReader(*store).processes(asked);
    QCOMPARE(nodesOf(got), nodesOf(byNode));
    for (qsizetype i = 0; i < got.size(); ++i)
        QVERIFY2(sameProcess(got.at(i), byNode.at(i)), qPrintable(QString::number(got.at(i).node)));
    QVERIFY(StoredIndexReader(*store).processes({}).isEmpty());

    // Updaters: flags 4..7.
    QCOMPARE(nodesOf(StoredIndexReader(*store).updaterProcesses()), (QList<qint64> {14, 15, 16, 17}));
    QVERIFY(sameProcess(StoredIndexReader(*store).updaterProcesses().at(1), byNode.at(5)));

    using Images = QList<std::pair<QString, Platform>>;
    QCOMPARE(StoredIndexReader(*store).processImages(),
        (Images {{QStringLiteral("/usr/bin/apt"), Platform::Linux},
            {QStringLiteral("C:\\Windows\\a.exe"), Platform::Windows},
            {QStringLiteral("C:\\Windows\\a.exe"), Platform::MacOS}}));
    QCOMPARE(
        nodesOf(StoredIndexReader(*store).processesWithImage(QStringLiteral("C:\\Windows\\a.exe"), Platform::Windows)),
        (QList<qint64> {11, 13, 15, 17}));
    QCOMPARE(
        nodesOf(StoredIndexReader(*store).processesWithImage(QStringLiteral("C:\\Windows\\a.exe"), Platform::Linux)),
        QList<qint64>());
    QCOMPARE(StoredIndexReader(*store).commandLines(QStringLiteral("C:\\Windows\\a.exe"), Platform::Windows),
        (QStringList {QString(), QStringLiteral("a.exe /1"), QStringLiteral("a.exe /2")}));
    QCOMPARE(StoredIndexReader(*store).commandLines(QStringLiteral("C:\\Windows\\a.exe"), Platform::MacOS),
        (QStringList {QString(), QStringLiteral("a.exe /1"), QStringLiteral("a.exe /2")}));

    const QList<StoredIndexEvent> events = StoredIndexReader(*store).eventsOf(17);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).eventId, 7);
    QCOMPARE(events.at(0).node, 17);
    QCOMPARE(events.at(0).resolvedDstHost, QStringLiteral("update.example.com"));
    QCOMPARE(events.at(1).eventId, 42);
    QVERIFY(events.at(1).resolvedDstHost.isEmpty());
    // An empty name is stored as NULL: "as logged".
    {
        Statement nulls(store->database(), "SELECT count(*) FROM ix_events WHERE resolved_dst_host IS NULL");
        QVERIFY(nulls.step());
        QCOMPARE(nulls.int64(0), 2);
    }
    QVERIFY(StoredIndexReader(*store).eventsOf(12).isEmpty());

    const QList<StoredLookupRow> loads = StoredIndexReader(*store).lookup(StoredLookup::Load, -5, 0, 1000);
    QCOMPARE(loads.size(), 3);
    const std::array<std::array<qint64, 3>, 3> expected {{{50, 9, 13}, {100, 2, 12}, {100, 3, 11}}};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(loads.at(i).what, StoredLookup::Load);
        QCOMPARE(loads.at(i).key, -5);
        QCOMPARE(loads.at(i).timeUs, expected[size_t(i)][0]);
        QCOMPARE(loads.at(i).eventId, expected[size_t(i)][1]);
        QCOMPARE(loads.at(i).node, expected[size_t(i)][2]);
    }
    QCOMPARE(StoredIndexReader(*store).lookup(StoredLookup::Exec, -5, 0, 1000).size(), 1);
    QCOMPARE(StoredIndexReader(*store).lookup(StoredLookup::Package, 0, 0, 1000).size(), 1);
    QVERIFY(StoredIndexReader(*store).lookup(StoredLookup::Module, -5, 0, 1000).isEmpty());

    // Written again: the old index is replaced, not added to.
    QVERIFY(writeStoredIndex(*store, {storedProcess(1, -1)}));
    QCOMPARE(nodesOf(StoredIndexReader(*store).processes({1, 10, 11})), QList<qint64> {1});
    QCOMPARE(rowsOf(*store, "ix_parts"), 1);
    QCOMPARE(rowsOf(*store, "ix_images"), 1);
    QCOMPARE(rowsOf(*store, "ix_events"), 1);
    QCOMPARE(rowsOf(*store, "ix_lookups"), 1);
    QCOMPARE(store->storedIndexState()->version, QByteArray("v"));

    // A platform number that is none (a hostile case) reads as Unknown, once per image.
    store->database().exec("UPDATE ix_processes SET platform = 77");
    store->database().exec(
        "INSERT INTO ix_processes SELECT 2, part, created_us, parent, child_rank, host, pid, ppid, start_us, end_us, "
        "flags, image, command_line, start_event_id, 0, parent_reason FROM ix_processes");
    store->database().exec(
        "INSERT INTO ix_processes SELECT 3, part, created_us, parent, child_rank, host, pid, ppid, start_us, end_us, "
        "flags, image, command_line, start_event_id, -3, parent_reason FROM ix_processes WHERE node = 1");
    QCOMPARE(StoredIndexReader(*store).processes({1}).first().platform, Platform::Unknown);
    store->database().exec("UPDATE ix_images SET platform = 77");
    store->database().exec("INSERT INTO ix_images SELECT part, image, 0 FROM ix_images");
    store->database().exec("INSERT INTO ix_images SELECT part, image, -3 FROM ix_images WHERE platform = 77");
    QCOMPARE(
        StoredIndexReader(*store).processImages(), (Images {{QStringLiteral("/usr/bin/true"), Platform::Unknown}}));

    store->dropStoredIndex();
    QVERIFY(!store->storedIndexState().has_value());
    QCOMPARE(storedIndexRows(*store), 0);
}

// Everything below a process, in node order, never the process itself: down three
// levels, and to an end on a parent column that loops.
void Tst_casestore::storedSubtreeWalksDownAndEnds()
{
    auto store = CaseStore::create(freshPath());
    // 1 → {5, 2}, 2 → {3, 9}, 3 → {4}; 6 is another root, 7 its child.
    QVERIFY(writeStoredIndex(*store,
        {storedProcess(1, -1), storedProcess(5, 1), storedProcess(2, 1), storedProcess(3, 2), storedProcess(9, 2),
            storedProcess(4, 3), storedProcess(6, -1), storedProcess(7, 6)}));
    QCOMPARE(nodesOf(StoredIndexReader(*store).subtree(1)), (QList<qint64> {2, 3, 4, 5, 9}));
    QCOMPARE(nodesOf(StoredIndexReader(*store).subtree(2)), (QList<qint64> {3, 4, 9}));
    QCOMPARE(nodesOf(StoredIndexReader(*store).subtree(6)), QList<qint64> {7});
    QVERIFY(StoredIndexReader(*store).subtree(4).isEmpty());
    QVERIFY(StoredIndexReader(*store).subtree(100).isEmpty());
    QCOMPARE(StoredIndexReader(*store).subtree(2).at(1).parent, 3);

    // A cycle written by hand, as only a hostile case holds one: 20 → 21 → 22 → 20,
    // and 22 → 23.
    store->database().exec(
        "INSERT INTO ix_processes SELECT node + 19, part, created_us, CASE node WHEN 1 THEN 22 ELSE node + 18 END, "
        "child_rank, host, pid, ppid, start_us, end_us, flags, image, command_line, start_event_id, platform, "
        "parent_reason FROM ix_processes WHERE node IN (1, 2, 3);"
        "INSERT INTO ix_processes SELECT 23, part, created_us, 22, child_rank, host, pid, ppid, start_us, end_us, "
        "flags, image, command_line, start_event_id, platform, parent_reason FROM ix_processes WHERE node = 1;");
    QCOMPARE(StoredIndexReader(*store).processes({20, 21, 22}).at(0).parent, 22);
    QCOMPARE(nodesOf(StoredIndexReader(*store).subtree(20)), (QList<qint64> {21, 22, 23}));
    QCOMPARE(nodesOf(StoredIndexReader(*store).subtree(22)), (QList<qint64> {20, 21, 23}));
    // A process that is its own parent.
    store->database().exec("UPDATE ix_processes SET parent = 4 WHERE node = 4");
    QVERIFY(StoredIndexReader(*store).subtree(4).isEmpty());
    QCOMPARE(nodesOf(StoredIndexReader(*store).subtree(2)), (QList<qint64> {3, 9}));
}

void Tst_casestore::storedLookupIncludesBothBounds_data()
{
    QTest::addColumn<qint64>("timeUs");
    QTest::addColumn<bool>("found");
    const qint64 from = -1'000'000;
    const qint64 until = 1'700'000'000'000'000;
    QTest::newRow("before from") << from - 1 << false;
    QTest::newRow("at from") << from << true;
    QTest::newRow("between") << qint64(0) << true;
    QTest::newRow("at until") << until << true;
    QTest::newRow("after until") << until + 1 << false;
    QTest::newRow("earliest") << std::numeric_limits<qint64>::min() << false;
    QTest::newRow("latest") << std::numeric_limits<qint64>::max() << false;
}

void Tst_casestore::storedLookupIncludesBothBounds()
{
    QFETCH(qint64, timeUs);
    QFETCH(bool, found);
    const qint64 from = -1'000'000;
    const qint64 until = 1'700'000'000'000'000;
    auto store = CaseStore::create(freshPath());
    {
        StoredIndexWriter writer(*store);
        writer.addLookup({StoredLookup::Fault, 77, timeUs, 1, 3, QString()});
        // The same time under other keys and lookups: never found here.
        writer.addLookup({StoredLookup::Fault, 78, timeUs, 2, 3, QString()});
        writer.addLookup({StoredLookup::Module, 77, timeUs, 3, 3, QString()});
        QVERIFY(writer.commit("v", store->eventsGeneration()));
    }
    const QList<StoredLookupRow> rows = StoredIndexReader(*store).lookup(StoredLookup::Fault, 77, from, until);
    QCOMPARE(rows.size(), found ? 1 : 0);
    if (found) {
        QCOMPARE(rows.first().timeUs, timeUs);
        QCOMPARE(rows.first().eventId, 1);
        QCOMPARE(rows.first().node, 3);
    }
    // The whole range finds it wherever it lies.
    QCOMPARE(
        StoredIndexReader(*store)
            .lookup(StoredLookup::Fault, 77, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max())
            .size(),
        1);
}

// An index built from events the case no longer holds is not kept; one that is never
// committed neither.
void Tst_casestore::storedIndexNeedsItsGeneration()
{
    auto store = CaseStore::create(freshPath());
    QVERIFY(writeStoredIndex(*store, {storedProcess(1, -1)}));
    const qint64 generation = store->eventsGeneration();
    {
        StoredIndexWriter writer(*store);
        writer.addProcess(storedProcess(2, -1));
        writer.addEvent({5, 2, QString()});
        writer.addLookup({StoredLookup::Exec, 1, 1, 5, 2, QString()});
        QVERIFY(!writer.commit("new", generation + 1));
    }
    // Refused: rolled back whole, the previous index included (the writer removes it
    // first, in the same transaction), and ix_processes' indexes with it.
    QCOMPARE(storedIndexSchema(*store), storedIndexSchema(*CaseStore::create(freshPath())));
    QCOMPARE(store->storedIndexState()->version, QByteArray("v"));
    QCOMPARE(nodesOf(StoredIndexReader(*store).processes({1, 2})), QList<qint64> {1});
    QCOMPARE(rowsOf(*store, "ix_events"), 1);
    {
        StoredIndexWriter writer(*store);
        writer.addProcess(storedProcess(2, -1));
    }
    QCOMPARE(store->storedIndexState()->version, QByteArray("v"));
    QCOMPARE(nodesOf(StoredIndexReader(*store).processes({1, 2})), QList<qint64> {1});
    QCOMPARE(storedIndexSchema(*store), storedIndexSchema(*CaseStore::create(freshPath())));
    // A case that lost an index (damage) gets it again from the next index written.
    store->database().exec("DROP INDEX ix_processes_updaters");
    QVERIFY(writeStoredIndex(*store, {storedProcess(1, -1)}));
    QCOMPARE(storedIndexSchema(*store), storedIndexSchema(*CaseStore::create(freshPath())));
    // Written while a statement of the same connection is part-way through its rows (the
    // writer cannot drop ix_processes' indexes then): the same index, the same schema.
    {
        Statement reading(store->database(), "SELECT id FROM ix_state");
        QVERIFY(reading.step());
        QVERIFY(writeStoredIndex(*store, {storedProcess(3, -1), storedProcess(4, 3)}));
    }
    QCOMPARE(storedIndexSchema(*store), storedIndexSchema(*CaseStore::create(freshPath())));
    QCOMPARE(nodesOf(StoredIndexReader(*store).subtree(3)), QList<qint64> {4});
    QCOMPARE(nodesOf(StoredIndexReader(*store).processes({1, 3, 4})), (QList<qint64> {3, 4}));
    // The store stays usable for writes after a refused commit.
    store->setMeta(QStringLiteral("after"), QStringLiteral("refusal"));
    QCOMPARE(store->meta(QStringLiteral("after")).value(), QStringLiteral("refusal"));
}

// Every change of the events marks the parts of its hosts stale in its own transaction
// (an import with events, hosts given to events, a dropped source) and makes the stored
// index one of an older generation; the rows stay. An import that gave no event changes
// nothing.
void Tst_casestore::storedIndexGoesWithTheEvents()
{
    auto store = CaseStore::create(freshPath());
    const auto import = [&](int events, const QString &host) {
        SourceInfo info;
        info.path = QStringLiteral("/evidence/%1-%2.log").arg(events).arg(host);
        const qint64 sid = store->beginSource(info);
        EventWriter writer(*store, sid);
        for (int i = 0; i < events; ++i) {
            Event e = sampleEvent(1000 + i, EventKind::ProcessStart);
            e.host = host;
            writer.add(e, writer.addRaw("x"));
        }
        writer.finish({});
        return sid;
    };
    const auto current = [&] {
        return store->storedIndexState()->generation == store->eventsGeneration();
    };
    const qint64 first = import(2, QString());
    QVERIFY(writeStoredIndex(*store, {storedProcess(1, -1)}));
    QCOMPARE(storedIndexRows(*store), 4);
    QVERIFY(current());
    import(0, QStringLiteral("ws1"));
    QVERIFY(current());
    QVERIFY(store->staleIndexParts().isEmpty());
    const qint64 second = import(3, QStringLiteral("ws1"));
    QVERIFY(!current());
    QCOMPARE(store->staleIndexParts(), QStringList {QStringLiteral("WS1")});
    QCOMPARE(storedIndexRows(*store), 4);

    QVERIFY(writeStoredIndex(*store, {storedProcess(1, -1)}));
    QVERIFY(store->staleIndexParts().isEmpty());
    QCOMPARE(store->assignHost(first, QStringLiteral("Web01")), 2);
    QCOMPARE(store->staleIndexParts(), (QStringList {QString(), QStringLiteral("WEB01")}));
    QCOMPARE(store->indexParts().value(QStringLiteral("WEB01")).hosts, QStringList {QStringLiteral("Web01")});
    QCOMPARE(store->indexParts().value(QStringLiteral("WEB01")).events, 2);
    QVERIFY(!store->indexParts().contains(QString()));

    QVERIFY(writeStoredIndex(*store, {storedProcess(1, -1)}));
    store->dropSource(second);
    QCOMPARE(store->staleIndexParts(), QStringList {QStringLiteral("WS1")});
    QCOMPARE(storedIndexRows(*store), 4);
    QVERIFY(!current());

    // Written for the new generation, it stays until the next change.
    QVERIFY(writeStoredIndex(*store, {storedProcess(1, -1)}));
    QCOMPARE(storedIndexRows(*store), 4);
    QVERIFY(current());
    QVERIFY(store->staleIndexParts().isEmpty());
}

// A writer of parts replaces only their rows; the index is of the new generation once
// no part is stale, and a row of a part it does not write is refused.
void Tst_casestore::storedIndexPartsAreWrittenAlone()
{
    auto store = CaseStore::create(freshPath());
    const auto process = [](qint64 node, const QString &host) {
        StoredProcess p = storedProcess(node, -1);
        p.host = host;
        return p;
    };
    {
        StoredIndexWriter writer(*store);
        writer.addProcess(process(1, QStringLiteral("alpha")));
        writer.addProcess(process(2, QStringLiteral("beta")));
        writer.addEvent({10, 1, QString()});
        writer.addEvent({20, 2, QString()});
        writer.addLookup({StoredLookup::Exec, 7, 1, 10, 1, QStringLiteral("alpha")});
        writer.addLookup({StoredLookup::Exec, 8, 1, 20, 2, QStringLiteral("beta")});
        writer.setHeader(QStringLiteral("ALPHA"), "a");
        writer.setHeader(QStringLiteral("BETA"), "b");
        QVERIFY(writer.commit("v", store->eventsGeneration()));
    }
    // Two changes of the events: beta's and gamma's parts are stale.
    for (const QString &host : {QStringLiteral("Beta"), QStringLiteral("gamma")}) {
        SourceInfo info;
        info.path = host;
        EventWriter writer(*store, store->beginSource(info));
        Event e = sampleEvent(1000, EventKind::ProcessStart);
        e.host = host;
        writer.add(e, writer.addRaw("x"));
        writer.finish({});
    }
    const qint64 generation = store->eventsGeneration();
    QCOMPARE(store->staleIndexParts(), (QStringList {QStringLiteral("BETA"), QStringLiteral("GAMMA")}));
    {
        StoredIndexWriter writer(*store, {QStringLiteral("BETA")});
        writer.addProcess(process(3, QStringLiteral("Beta")));
        writer.addEvent({30, 3, QString()});
        writer.addLookup({StoredLookup::Exec, 8, 2, 30, 3, QStringLiteral("beta")});
        writer.setHeader(QStringLiteral("BETA"), "b2");
        // Alpha's part is not being written: its rows would outlive it.
        QVERIFY_THROWS_EXCEPTION(CaseError, writer.addProcess(process(4, QStringLiteral("alpha"))));
        QVERIFY(writer.commit("v", generation));
    }
    QCOMPARE(nodesOf(StoredIndexReader(*store).processes({1, 2, 3})), (QList<qint64> {1, 3}));
    QCOMPARE(StoredIndexReader(*store).eventsOf(1).size(), 1);
    QVERIFY(StoredIndexReader(*store).eventsOf(2).isEmpty());
    QCOMPARE(StoredIndexReader(*store).lookup(StoredLookup::Exec, 7, 0, 10).size(), 1);
    QCOMPARE(StoredIndexReader(*store).lookup(StoredLookup::Exec, 8, 0, 10).size(), 1);
    QCOMPARE(StoredIndexReader(*store).lookup(StoredLookup::Exec, 8, 0, 10).first().eventId, 30);
    QCOMPARE(store->storedIndexState()->headers, (QList<QByteArray> {"a", "b2"}));
    QCOMPARE(store->staleIndexParts(), QStringList {QStringLiteral("GAMMA")});
    // Gamma is still stale: the index is not of this generation yet.
    QVERIFY(store->storedIndexState()->generation != generation);
    {
        StoredIndexWriter writer(*store, {QStringLiteral("GAMMA")});
        // Written for events the case no longer holds: refused, gamma stays stale.
        QVERIFY(!writer.commit("v", generation - 1));
    }
    QCOMPARE(store->staleIndexParts(), QStringList {QStringLiteral("GAMMA")});
    {
        StoredIndexWriter writer(*store, {QStringLiteral("GAMMA")});
        // Of another version than the case holds: the parts are written, the generation
        // is not taken.
        QVERIFY(writer.commit("other", generation));
    }
    QVERIFY(store->storedIndexState()->generation != generation);
    store->database().exec("INSERT INTO ix_stale(part) VALUES ('GAMMA')");
    {
        StoredIndexWriter writer(*store, {QStringLiteral("GAMMA")});
        QVERIFY(writer.commit("v", generation));
    }
    QCOMPARE(store->storedIndexState()->generation, generation);
    QVERIFY(store->staleIndexParts().isEmpty());
    QCOMPARE(store->storedIndexState()->version, QByteArray("v"));
}

// StoredIndexReader::forEachEventById() reads what forEachIndexedEvent() reads, for the
// ids asked, in the order asked, without the kind filter, and skips ids that name no
// event; its one statement serves call after call, also after a visit stopped one.
void Tst_casestore::indexedEventsByIdReadAsTheScan()
{
    auto store = CaseStore::create(freshPath());
    const qint64 sid = store->beginSource({});
    {
        EventWriter writer(*store, sid);
        const EventKind kinds[] = {EventKind::ProcessStart, EventKind::DnsQuery, EventKind::NetConnect,
            EventKind::FileWrite, EventKind::LogMessage, EventKind::ModuleLoad};
        for (int i = 0; i < 30; ++i) {
            Event e = sampleEvent(5000 - (i % 7) * 10, kinds[i % 6]);
            e.platform = Platform(i % 4);
            e.host = QStringLiteral("h\u00e9%1").arg(i % 3);
            e.pid = i % 5 == 0 ? -1 : i;
            e.ppid = i % 4 == 0 ? -1 : 1;
            e.image = i % 3 ? QStringLiteral("/bin/sh") : QString();
            e.commandLine = QStringLiteral("sh -c 'x%1'").arg(i);
            e.targetPath = i % 2 ? QStringLiteral("/tmp/t%1").arg(i) : QString();
            e.dstIp = QStringLiteral("192.0.2.%1").arg(i);
            e.dstHost = i % 2 ? QStringLiteral("example.org") : QString();
            e.dstPort = i % 3 ? 443 + i : -1;
            e.signer = QStringLiteral("signer");
            e.signatureStatus = QStringLiteral("Valid");
            e.forked = i % 2;
            e.addressFamily = i % 4 == 1 ? QStringLiteral("unix") : QString();
            e.hashes = QStringLiteral("SHA256=%1").arg(i);
            e.dnsAnswers
                = i % 2 ? QStringList {QStringLiteral("192.0.2.%1").arg(i), QStringLiteral("::1")} : QStringList();
            e.processKey = QStringLiteral("{guid-%1}").arg(i);
            e.parentProcessKey = QStringLiteral("{parent-%1}").arg(i);
            e.parentImage = QStringLiteral("/bin/bash");
            e.parentCommandLine = QStringLiteral("bash");
            e.teamId = i % 5 ? QString() : QStringLiteral("TEAM");
            writer.add(e, writer.addRaw("x"));
        }
        writer.finish({});
    }
    const auto fields = [](const IndexedEventRow &r) {
        return QStringList {QString::number(r.id), QString::number(r.timeUs), QString::number(r.pid),
                   QString::number(r.ppid), QString::number(r.sourceId), QString::number(r.dstPort),
                   QString::number(int(r.kind)), QString::number(int(r.platform)), QString::number(r.forked),
                   QString::fromUtf8(r.host), QString::fromUtf8(r.image), QString::fromUtf8(r.commandLine),
                   QString::fromUtf8(r.targetPath), QString::fromUtf8(r.dstIp), QString::fromUtf8(r.dstHost),
                   QString::fromUtf8(r.signer), QString::fromUtf8(r.signatureStatus),
                   QString::fromUtf8(r.addressFamily), QString::fromUtf8(r.hashes), QString::fromUtf8(r.processKey),
                   QString::fromUtf8(r.parentProcessKey), QString::fromUtf8(r.parentImage),
                   QString::fromUtf8(r.parentCommandLine), QString::fromUtf8(r.teamId)}
        + QStringList {QStringLiteral("dns:")} + r.dnsAnswers;
    };
    QHash<qint64, QStringList> scanned;
    QList<qint64> ids;
    store->forEachIndexedEvent([&](const IndexedEventRow &r) {
        scanned.insert(r.id, fields(r));
        ids.append(r.id);
        return true;
    });
    QCOMPARE(scanned.size(), 25); // the five log messages are not indexed
    int dns = 0;
    for (const QStringList &f : std::as_const(scanned))
        dns += f.contains(QStringLiteral("::1")) ? 1 : 0;
    QCOMPARE(dns, 5);

    // Asked out of order, with ids of no event and an id twice.
    QList<qint64> asked;
    for (qsizetype i = ids.size() - 1; i >= 0; i -= 2)
        asked << ids.at(i);
    asked << 1'000'000 << ids.first() << -1 << ids.first();
    StoredIndexReader reader(*store);
    QList<qint64> visited;
    QVERIFY(reader.forEachEventById(asked, [&](const IndexedEventRow &r) {
        visited.append(r.id);
        [&] {
            QCOMPARE(fields(r), scanned.value(r.id));
        }();
        return !QTest::currentTestFailed();
    }));
    QList<qint64> expected = asked;
    expected.removeAll(1'000'000);
    expected.removeAll(-1);
    QCOMPARE(visited, expected);

    // No kind filter: a log message asked for by id is read.
    qint64 logMessage = -1;
    store->forEachEvent({}, [&](const Event &e) {
        if (e.kind == EventKind::LogMessage)
            logMessage = e.id;
        return logMessage < 0;
    });
    QVERIFY(!scanned.contains(logMessage));
    visited.clear();
    QVERIFY(reader.forEachEventById({logMessage}, [&](const IndexedEventRow &r) {
        visited.append(r.id);
        return true;
    }));
    QCOMPARE(visited, QList<qint64> {logMessage});

    // Stopped by the visit: false, and nothing visited after.
    visited.clear();
    QVERIFY(!reader.forEachEventById(ids, [&](const IndexedEventRow &r) {
        visited.append(r.id);
        return visited.size() < 3;
    }));
    QCOMPARE(visited, ids.mid(0, 3));
    QVERIFY(reader.forEachEventById({}, [](const IndexedEventRow &) { return false; }));
    // The statement a stopped call left half way answers the next call from its start.
    visited.clear();
    QVERIFY(reader.forEachEventById({ids.at(4), ids.at(1)}, [&](const IndexedEventRow &r) {
        visited.append(r.id);
        [&] {
            QCOMPARE(fields(r), scanned.value(r.id));
        }();
        return !QTest::currentTestFailed();
    }));
    QCOMPARE(visited, (QList<qint64> {ids.at(4), ids.at(1)}));
}

QTEST_GUILESS_MAIN(Tst_casestore)
#include "tst_casestore.moc"
