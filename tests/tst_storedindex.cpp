// The stored correlation index (issue 15): chains computed from it, reading only what
// the correlator's walks touch, are byte for byte the chains of the whole index under
// any policy; it goes stale with the events and the code; a damaged one never crashes
// and never answers for the whole index when it cannot.

#include "caseindex.h"
#include "casestore.h"
#include "chainanalysis.h"
#include "chainsnapshot.h"
#include "correlator.h"
#include "sqlitedb.h"
#include "storedindex.h"
#include "testsupport.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace Chainscope;
using namespace Chainscope::Test;

namespace {

const QString Cli = QStringLiteral(CHAINSCOPE_CLI);

// Policy variants: each changes what a recompute must read (seeds, subtrees in the
// window, paths) or only how it judges.
Policy policyVariant(const Policy &base, const QString &name)
{
    Policy p = base;
    const auto set = [&](const QString &key, const QStringList &values, bool append = false) {
        QString error;
        if (!p.setList(key, values, append, &error))
            qFatal("%s", qPrintable(error));
    };
    if (name == QLatin1String("window 1 s")) {
        p.timeWindowUs = 1'000'000;
    } else if (name == QLatin1String("window 2 min")) {
        p.timeWindowUs = 120'000'000;
    } else if (name == QLatin1String("window 30 days")) {
        p.timeWindowUs = 30LL * 24 * 3600 * 1'000'000;
    } else if (name == QLatin1String("no Linux installers")) {
        set(QStringLiteral("LinuxInstallers"), {});
    } else if (name == QLatin1String("no Windows installers")) {
        set(QStringLiteral("WindowsInstallers"), {});
    } else if (name == QLatin1String("shells are installers")) {
        set(QStringLiteral("LinuxInstallers"), {QStringLiteral("bash"), QStringLiteral("sh")}, true);
        set(QStringLiteral("WindowsInstallers"), {QStringLiteral("cmd.exe"), QStringLiteral("powershell.exe")}, true);
    } else if (name == QLatin1String("no allow-lists")) {
        set(QStringLiteral("ApprovedUpdateHosts"), {});
        set(QStringLiteral("ApprovedSigners"), {});
    } else if (name == QLatin1String("no program paths")) {
        set(QStringLiteral("ProgramPaths"), {});
        set(QStringLiteral("ProgramPathsMacOS"), {});
        set(QStringLiteral("PathScope"), {});
    }
    return p;
}

const QStringList Variants {QStringLiteral("as saved"), QStringLiteral("window 1 s"), QStringLiteral("window 2 min"),
    QStringLiteral("window 30 days"), QStringLiteral("no Linux installers"), QStringLiteral("no Windows installers"),
    QStringLiteral("shells are installers"), QStringLiteral("no allow-lists"), QStringLiteral("no program paths")};

bool execSql(const QString &casePath, const char *sql)
{
    auto store = CaseStore::open(casePath);
    if (!store)
        return false;
    Statement(store->database(), sql).exec();
    return true;
}

// Writes the stored index whole, from a whole index of the case's events.
bool writeWholeIndex(CaseStore &store)
{
    CaseIndex index;
    return index.load(store) && StoredIndex::write(store, index, store.eventsGeneration());
}

// How many processes the stored index keeps in the part named so.
qint64 processesOfPart(CaseStore &store, const QString &part)
{
    Statement st(
        store.database(), "SELECT count(*) FROM ix_processes x JOIN ix_parts p ON p.id = x.part WHERE p.part = ?");
    st.bindText(1, part);
    return st.step() ? st.int64(0) : -1;
}

} // namespace

class Tst_storedindex : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void lookupKeysKeepHostAndPathApart();
    void sameChainsAsTheWholeIndex_data();
    void sameChainsAsTheWholeIndex();
    void readsLessThanEveryEvent();
    void staleAfterAnyChangeOfTheEvents();
    void anotherVersionIsNotRead();
    void readOnlyCaseIsNotWritten();
    void workbenchStoresTheWholeIndexOnceThenReadsIt();
    void deepLineage();
    void importWritesOnlyItsHostsParts_data();
    void importWritesOnlyItsHostsParts();
    void partsOfReusedIdsAndHostileHosts_data();
    void partsOfReusedIdsAndHostileHosts();
    void partsWrittenMeanwhileAreLeftAlone();
    void laterEventsContinueTheirPart_data();
    void laterEventsContinueTheirPart();
    void laterHalvesOfRealLogsContinueTheirPart();
    void aNewNameOfTheHostIsWrittenAgain_data();
    void aNewNameOfTheHostIsWrittenAgain();
    void damagedFrontierIsWrittenAgain_data();
    void damagedFrontierIsWrittenAgain();
    void duplicatesOfAContinuedPartStopAtTheLargestCount_data();
    void duplicatesOfAContinuedPartStopAtTheLargestCount();
    void frontierPastItsBoundIsNotKept_data();
    void frontierPastItsBoundIsNotKept();
    void aTextThatDoesNotComeBackKeepsNoFrontier_data();
    void aTextThatDoesNotComeBackKeepsNoFrontier();
    void newEventsAreReadEitherWay_data();
    void newEventsAreReadEitherWay();
    void manyHostsOfOneSourceAreWrittenWhole_data();
    void manyHostsOfOneSourceAreWrittenWhole();
    void damagedIndexFallsBackToTheWholeOne_data();
    void damagedIndexFallsBackToTheWholeOne();
    void damagedIndexNeverCrashes_data();
    void damagedIndexNeverCrashes();

private:
    // A case of `files`, with `policyFile` loaded when given, and its stored index.
    QString makeCase(const QString &name, const QStringList &files, const QString &policyFile = QString());
    QString copyOfCase(const QString &from, const QString &name);
    // An empty case named so, in place of one an earlier run left.
    std::unique_ptr<CaseStore> emptyCase(const QString &name);

    QTemporaryDir m_dir;
    QStringList m_cases; // demo, and the corpus when present
    QList<QStringList> m_files; // of each case, as imported
};

QString Tst_storedindex::makeCase(const QString &name, const QStringList &files, const QString &policyFile)
{
    const QString path = m_dir.filePath(name);
    if (run(Cli, {QStringLiteral("new"), path}).exitCode != 0)
        return {};
    // The corpus holds files the import refuses (a raw .tracev3) beside those it reads:
    // what matters is what went in.
    run(Cli, QStringList {QStringLiteral("import"), path} + files);
    if (!policyFile.isEmpty()
        && run(Cli, {QStringLiteral("policy"), path, QStringLiteral("--load"), policyFile}).exitCode != 0)
        return {};
    auto store = CaseStore::open(path);
    if (store->eventCount() == 0 || !writeWholeIndex(*store))
        return {};
    return path;
}

QString Tst_storedindex::copyOfCase(const QString &from, const QString &name)
{
    const QString path = m_dir.filePath(name);
    QFile::remove(path);
    if (!QFile::copy(from, path))
        return {};
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

std::unique_ptr<CaseStore> Tst_storedindex::emptyCase(const QString &name)
{
    const QString path = m_dir.filePath(name);
    QFile::remove(path);
    return CaseStore::create(path);
}

void Tst_storedindex::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString evidence = m_dir.filePath(QStringLiteral("evidence"));
    const ProcessResult demo = run(Cli, {QStringLiteral("demo"), evidence});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    const QString demoCase = makeCase(QStringLiteral("demo.chainscope"),
        QString::fromUtf8(demo.out).split(u'\n', Qt::SkipEmptyParts), evidence + QStringLiteral("/site-policy.json"));
    QVERIFY(!demoCase.isEmpty());
    m_cases << demoCase;
    m_files << QString::fromUtf8(demo.out).split(u'\n', Qt::SkipEmptyParts);
    // Real logs: every corpus file of every platform in one case (their hosts, pid
    // reuse, inferred parents, GUID joins and package logs together).
    QStringList corpus;
    for (const QString &platform : {QStringLiteral("linux"), QStringLiteral("windows"), QStringLiteral("macos")}) {
        const QDir dir(corpusPath(platform));
        for (const QString &f : dir.entryList(QDir::Files, QDir::Name))
            corpus << dir.filePath(f);
    }
    if (!corpus.isEmpty()) {
        const QString corpusCase = makeCase(QStringLiteral("corpus.chainscope"), corpus);
        QVERIFY(!corpusCase.isEmpty());
        m_cases << corpusCase;
        m_files << corpus;
    }
}

void Tst_storedindex::lookupKeysKeepHostAndPathApart()
{
    QVERIFY(StoredIndex::lookupKey(QStringLiteral("ab"), QStringLiteral("c"))
        != StoredIndex::lookupKey(QStringLiteral("a"), QStringLiteral("bc")));
    QVERIFY(StoredIndex::lookupKey(QStringLiteral("h"), QStringLiteral("/usr/bin/x"))
        != StoredIndex::lookupKey(QStringLiteral("h"), QStringLiteral("/usr/bin/y")));
    QCOMPARE(StoredIndex::lookupKey(QStringLiteral("h"), QStringLiteral("/usr/bin/x")),
        StoredIndex::lookupKey(QStringLiteral("h"), QStringLiteral("/usr/bin/x")));
}

void Tst_storedindex::sameChainsAsTheWholeIndex_data()
{
    QTest::addColumn<int>("caseIndex");
    QTest::addColumn<QString>("variant");
    for (int c = 0; c < 2; ++c) {
        for (const QString &v : Variants)
            QTest::newRow(qPrintable((c == 0 ? QStringLiteral("demo, ") : QStringLiteral("corpus, ")) + v)) << c << v;
    }
}

void Tst_storedindex::sameChainsAsTheWholeIndex()
{
    QFETCH(int, caseIndex);
    QFETCH(QString, variant);
    if (caseIndex >= m_cases.size())
        QSKIP("the corpus is not here");
    auto store = CaseStore::open(m_cases.at(caseIndex), CaseStore::Access::ReadOnly);
    QVERIFY(StoredIndex::isCurrent(*store));
    const Policy policy = policyVariant(store->policy(), variant);
    CaseIndex whole;
    QVERIFY(whole.load(*store));
    const QList<Chain> chains = Correlator(whole).run(policy);
    if (variant == QLatin1String("as saved"))
        QVERIFY(!chains.isEmpty());
    const QByteArray expected = ChainSnapshot::of(whole, chains).toBytes();

    QString why;
    StoredIndex::Stats stats;
    const std::optional<ChainSnapshot> stored = StoredIndex::compute(*store, policy, nullptr, &why, &stats);
    QVERIFY2(stored, qPrintable(why));
    QCOMPARE(stored->chains.size(), chains.size());
    for (qsizetype i = 0; i < chains.size(); ++i) {
        QCOMPARE(stored->chains.at(i).toJson(), chains.at(i).toJson());
    }
    // Everything the views and the report read: the same bytes.
    QCOMPARE(stored->toBytes(), expected);
    QVERIFY(stats.rounds >= 1);
}

void Tst_storedindex::readsLessThanEveryEvent()
{
    for (qsizetype c = 0; c < m_cases.size(); ++c) {
        auto store = CaseStore::open(m_cases.at(c), CaseStore::Access::ReadOnly);
        CaseIndex whole;
        QVERIFY(whole.load(*store));
        StoredIndex::Stats stats;
        QVERIFY(StoredIndex::compute(*store, store->policy(), nullptr, nullptr, &stats));
        QVERIFY(stats.events > 0);
        QVERIFY2(stats.events < whole.loadedEvents(),
            qPrintable(QStringLiteral("%1 of %2").arg(stats.events).arg(whole.loadedEvents())));
        QVERIFY(stats.processes < whole.processes().size());
        // A run after the first computes again only the seeds whose walks missed
        // something (the others' chains are carried over, renumbered).
        if (stats.rounds > 1)
            QVERIFY2(stats.seedsKept > 0, qPrintable(QString::number(stats.rounds)));
    }
}

void Tst_storedindex::staleAfterAnyChangeOfTheEvents()
{
    const QString path = copyOfCase(m_cases.first(), QStringLiteral("stale.chainscope"));
    {
        auto store = CaseStore::open(path);
        QVERIFY(StoredIndex::isCurrent(*store));
        const QList<SourceInfo> sources = store->sources();
        QVERIFY(!sources.isEmpty());
        store->dropSource(sources.last().id);
        QVERIFY(!StoredIndex::isCurrent(*store));
        QString why;
        QVERIFY(!StoredIndex::compute(*store, store->policy(), nullptr, &why));
        QVERIFY(!why.isEmpty());
        // The dropped source's hosts are stale; the update writes them again and the
        // index is current.
        QVERIFY(!store->staleIndexParts().isEmpty());
        QCOMPARE(StoredIndex::update(*store), StoredIndex::Update::Updated);
        QVERIFY(StoredIndex::isCurrent(*store));
        QVERIFY(store->staleIndexParts().isEmpty());
        QCOMPARE(StoredIndex::update(*store), StoredIndex::Update::Current);
        // Written again whole for the new events, it is read again.
        CaseIndex whole;
        QVERIFY(whole.load(*store));
        QVERIFY(StoredIndex::write(*store, whole, store->eventsGeneration()));
        QVERIFY(StoredIndex::isCurrent(*store));
        // A write cancelled part way keeps nothing (the current one stays).
        {
            std::atomic<bool> cancel {true};
            QVERIFY(!StoredIndex::write(*store, whole, store->eventsGeneration(), &cancel));
            QVERIFY(StoredIndex::isCurrent(*store));
        }
        // An index of older events is not kept, and the current one stays.
        QVERIFY(!StoredIndex::write(*store, whole, store->eventsGeneration() - 1));
        QVERIFY(StoredIndex::isCurrent(*store));
    }
}

void Tst_storedindex::anotherVersionIsNotRead()
{
    const QString path = copyOfCase(m_cases.first(), QStringLiteral("version.chainscope"));
    QVERIFY(execSql(path, "UPDATE ix_state SET version = X'00'"));
    auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
    QVERIFY(store->storedIndexState());
    QVERIFY(!StoredIndex::isCurrent(*store));
    QVERIFY(!StoredIndex::compute(*store, store->policy()));
}

void Tst_storedindex::readOnlyCaseIsNotWritten()
{
    const QString path = copyOfCase(m_cases.first(), QStringLiteral("readonly.chainscope"));
    QVERIFY(execSql(path, "DELETE FROM ix_state"));
    auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
    CaseIndex whole;
    QVERIFY(whole.load(*store));
    QVERIFY(!StoredIndex::write(*store, whole, store->eventsGeneration()));
    QVERIFY(!store->storedIndexState());
}

void Tst_storedindex::workbenchStoresTheWholeIndexOnceThenReadsIt()
{
    const QString path = copyOfCase(m_cases.first(), QStringLiteral("workbench.chainscope"));
    {
        auto store = CaseStore::open(path);
        store->dropStoredIndex();
    }
    Policy policy;
    {
        auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
        policy = store->policy();
    }
    Policy wider = policy;
    wider.timeWindowUs *= 2;
    Policy narrower = policy;
    narrower.timeWindowUs /= 2;
    const auto expected = [&](const Policy &p) {
        auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
        CaseIndex whole;
        whole.load(*store);
        QList<QJsonObject> json;
        for (const Chain &c : Correlator(whole).run(p))
            json.append(c.toJson());
        return json;
    };
    const auto compare = [](const QList<Chain> &chains, const QList<QJsonObject> &json) {
        if (chains.size() != json.size())
            return false;
        for (qsizetype i = 0; i < chains.size(); ++i) {
            if (chains.at(i).toJson() != json.at(i))
                return false;
        }
        return true;
    };

    QList<QList<Chain>> results;
    QList<std::shared_ptr<const CaseIndex>> indices;
    QStringList errors;
    const auto connectTo = [&](ChainAnalysis &analysis, QObject &receiver) {
        connect(&analysis, &ChainAnalysis::chainsReady, &receiver,
            [&](const QString &, const QList<Chain> &chains, std::shared_ptr<const CaseIndex> index) {
                results.append(chains);
                indices.append(std::move(index));
            });
        connect(&analysis, &ChainAnalysis::failed, &receiver, [&](const QString &error) { errors.append(error); });
    };
    {
        ChainAnalysis analysis;
        QObject receiver;
        connectTo(analysis, receiver);
        // No stored index: the whole case is read (a whole index, not a snapshot's) ...
        analysis.load(path, wider);
        QTRY_COMPARE_WITH_TIMEOUT(results.size() + errors.size(), 1, 30000);
        QCOMPARE(errors, QStringList());
        QVERIFY(!indices.last()->isPartial());
        QVERIFY(compare(results.last(), expected(wider)));
        // ... and stored once the chains are shown.
        // Not busy once the chains are shown; idle once they are kept and the index stored.
        QTRY_VERIFY(!analysis.isBusy());
        QTRY_VERIFY(analysis.isIdle());
        auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
        QVERIFY(StoredIndex::isCurrent(*store));
    }
    {
        // The next session's policy change reads the stored index.
        ChainAnalysis analysis;
        QObject receiver;
        connectTo(analysis, receiver);
        analysis.load(path, wider); // the chains it kept
        QTRY_COMPARE_WITH_TIMEOUT(results.size() + errors.size(), 2, 30000);
        analysis.recompute(narrower);
        QTRY_COMPARE_WITH_TIMEOUT(results.size() + errors.size(), 3, 30000);
        QCOMPARE(errors, QStringList());
        QVERIFY(indices.last()->isPartial());
        QVERIFY(compare(results.last(), expected(narrower)));
    }
    // The analysis ran on pool threads that hashed kept chains: they end here, not while
    // the process exits (OpenSSL frees a thread's state as the thread ends, and the
    // leak check at exit must not see it half freed).
    QVERIFY(QThreadPool::globalInstance()->waitForDone(30000));
}

void Tst_storedindex::deepLineage()
{
    // One pid that execs 30,000 times is a lineage 30,000 deep (each image continues the
    // one before), then becomes an installer that writes and runs a file: the stored
    // index reads the whole lineage (the seed's ancestors) and walks it once per run.
    const QString log = m_dir.filePath(QStringLiteral("deep.ndjson"));
    {
        QFile f(log);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QDateTime base(QDate(2024, 3, 1), QTime(10, 0), Qt::UTC);
        qint64 ms = 0;
        const auto event = [&](const char *category, const char *type, qint64 pid, const QString &exe,
                               const QString &args, const QString &file = QString()) {
            QByteArray line
                = QStringLiteral(
                    "{\"@timestamp\":\"%1\",\"agent\":{\"type\":\"endpoint\"},\"host\":{\"hostname\":\"ws1\","
                    "\"os\":{\"type\":\"linux\"}},\"event\":{\"category\":[\"%2\"],\"type\":[\"%3\"],"
                    "\"action\":\"%3\"},\"process\":{\"pid\":%4,\"executable\":\"%5\",\"args\":[%6],"
                    "\"parent\":{\"pid\":1,\"executable\":\"/sbin/init\"}}")
                      .arg(base.addMSecs(ms).toString(Qt::ISODateWithMs), QLatin1String(category), QLatin1String(type))
                      .arg(pid)
                      .arg(exe, args)
                      .toUtf8();
            if (!file.isEmpty())
                line += QStringLiteral(",\"file\":{\"path\":\"%1\"}").arg(file).toUtf8();
            line += "}\n";
            f.write(line);
            ms += 1;
        };
        for (int i = 0; i < 30000; ++i)
            event("process", "start", 100, QStringLiteral("/usr/bin/step%1").arg(i % 7),
                QStringLiteral("\"step\",\"%1\"").arg(i));
        event("process", "start", 100, QStringLiteral("/usr/bin/apt-get"),
            QStringLiteral("\"apt-get\",\"install\",\"x\""));
        event("file", "creation", 100, QStringLiteral("/usr/bin/apt-get"), QStringLiteral("\"apt-get\""),
            QStringLiteral("/usr/bin/x"));
        event("process", "start", 200, QStringLiteral("/usr/bin/x"), QStringLiteral("\"x\""));
    }
    const QString path = makeCase(QStringLiteral("deep.chainscope"), {log});
    QVERIFY(!path.isEmpty());
    auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
    CaseIndex whole;
    QVERIFY(whole.load(*store));
    const QList<Chain> chains = Correlator(whole).run(store->policy());
    QCOMPARE(chains.size(), 1);
    QVERIFY(whole.ancestors(chains.first().seedNode).size() >= 30000);
    StoredIndex::Stats stats;
    const std::optional<ChainSnapshot> stored = StoredIndex::compute(*store, store->policy(), nullptr, nullptr, &stats);
    QVERIFY(stored);
    QCOMPARE(stored->toBytes(), ChainSnapshot::of(whole, chains).toBytes());
}

void Tst_storedindex::importWritesOnlyItsHostsParts_data()
{
    QTest::addColumn<int>("caseIndex");
    QTest::addColumn<int>("last"); // how many files are imported after the index is written
    QTest::newRow("demo, one file") << 0 << 1;
    QTest::newRow("demo, three files") << 0 << 3;
    QTest::newRow("corpus, two files") << 1 << 2; // the last is a raw .tracev3 the import refuses
    QTest::newRow("corpus, five files") << 1 << 5;
}

namespace {

// Every row of the stored index as text, each under its part's name, sorted: two
// indexes of the same events compare equal whatever order or part ids they were
// written with.
QStringList storedRows(CaseStore &store)
{
    QStringList rows;
    const auto collect = [&](const char *table, int columns, const char *sql) {
        Statement st(store.database(), sql);
        while (st.step()) {
            QString row = QString::fromLatin1(table);
            for (int i = 0; i < columns; ++i)
                row += QLatin1Char('|') + (st.isNull(i) ? QStringLiteral("NULL") : st.text(i));
            rows.append(row);
        }
    };
    collect("parts", 2, "SELECT part, hex(header) FROM ix_parts");
    collect("processes", 16,
        "SELECT p.part, node, created_us, parent, child_rank, host, pid, ppid, start_us, end_us, flags, image, "
        "command_line, start_event_id, platform, parent_reason FROM ix_processes x JOIN ix_parts p ON p.id = x.part");
    collect("events", 3, "SELECT node, event_id, resolved_dst_host FROM ix_events");
    collect("lookups", 6,
        "SELECT p.part, what, key, time_us, event_id, node FROM ix_lookups x JOIN ix_parts p ON p.id = x.part");
    collect("images", 3, "SELECT p.part, image, platform FROM ix_images x JOIN ix_parts p ON p.id = x.part");
    // The frontiers: each list's entries sorted (the order of a hash they came from is
    // not the index's).
    Statement frontiers(store.database(), "SELECT part, last_us, state FROM ix_frontier");
    while (frontiers.step()) {
        const QCborMap state = QCborValue::fromCbor(frontiers.blob(2)).toMap();
        QString row = QStringLiteral("frontier|%1|%2").arg(frontiers.text(0)).arg(frontiers.int64(1));
        for (auto it = state.cbegin(); it != state.cend(); ++it) {
            row += u'|' + it.key().toString() + u'=';
            if (!it.value().isArray()) {
                row += it.value().toVariant().toString();
                continue;
            }
            const QCborArray list = it.value().toArray();
            const qsizetype width = it.key().toString() == u"recent" ? 5 : 3;
            QStringList entries;
            for (qsizetype i = 0; i + width <= list.size(); i += width) {
                QStringList entry;
                for (qsizetype j = 0; j < width; ++j)
                    entry.append(list.at(i + j).toVariant().toString());
                entries.append(entry.join(u','));
            }
            entries.sort();
            row += entries.join(u';');
        }
        rows.append(row);
    }
    rows.sort();
    return rows;
}

// The rows a whole index of the case's events writes over its stored index (see
// storedRows): what an update must have left. None when it cannot be written.
QStringList wholeIndexRows(CaseStore &store)
{
    return writeWholeIndex(store) ? storedRows(store) : QStringList();
}

} // namespace

// An import into an indexed case marks the parts of its hosts stale; the update writes
// those again from their hosts' events alone and leaves every other part's rows as they
// were, and the chains are then those of the whole index, byte for byte.
void Tst_storedindex::importWritesOnlyItsHostsParts()
{
    QFETCH(int, caseIndex);
    QFETCH(int, last);
    if (caseIndex >= m_cases.size())
        QSKIP("the corpus is not here");
    const QStringList files = m_files.at(caseIndex);
    QVERIFY(files.size() > last);
    const QString path = m_dir.filePath(QStringLiteral("parts-%1-%2.chainscope").arg(caseIndex).arg(last));
    QFile::remove(path);
    QCOMPARE(run(Cli, {QStringLiteral("new"), path}).exitCode, 0);
    // The files before, indexed by the import itself; then the last ones, not indexed.
    run(Cli, QStringList {QStringLiteral("import"), path} + files.mid(0, files.size() - last));
    if (caseIndex == 0) {
        const QString policy = QFileInfo(files.first()).dir().filePath(QStringLiteral("site-policy.json"));
        QCOMPARE(run(Cli, {QStringLiteral("policy"), path, QStringLiteral("--load"), policy}).exitCode, 0);
    }
    {
        auto store = CaseStore::open(path);
        if (!StoredIndex::isCurrent(*store))
            QVERIFY(writeWholeIndex(*store));
    }
    // Every part's rows, to see which were written again.
    const auto rowsByPart = [&] {
        auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
        QHash<QString, QStringList> rows;
        Statement st(store->database(),
            "SELECT p.part, x.node, x.parent, x.created_us, x.child_rank, x.end_us, x.image FROM ix_processes x "
            "JOIN ix_parts p ON p.id = x.part ORDER BY x.node");
        while (st.step()) {
            rows[st.text(0)].append(QStringLiteral("%1 %2 %3 %4 %5 %6")
                                        .arg(st.int64(1))
                                        .arg(st.int64(2))
                                        .arg(st.int64(3))
                                        .arg(st.int64(4))
                                        .arg(st.int64(5))
                                        .arg(st.text(6)));
        }
        return rows;
    };
    const QHash<QString, QStringList> before = rowsByPart();
    QVERIFY(!before.isEmpty());
    qint64 lastSource = 0;
    {
        auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
        for (const SourceInfo &source : store->sources())
            lastSource = qMax(lastSource, source.id);
    }
    // The corpus holds files the import refuses: what matters is what went in.
    run(Cli,
        QStringList {QStringLiteral("import"), QStringLiteral("--no-index"), path} + files.mid(files.size() - last));

    auto store = CaseStore::open(path);
    // The parts of the hosts the new sources' events are on: all stale (a source whose
    // records named no host and got one from the log also marks the part of no host).
    QSet<QString> touched;
    for (const SourceInfo &source : store->sources()) {
        if (source.id <= lastSource)
            continue;
        Statement st(store->database(), "SELECT value FROM source_facets WHERE source_id = ? AND facet = 'host'");
        st.bind(1, source.id);
        while (st.step())
            touched.insert(CaseStore::indexPartOf(st.text(0)));
    }
    QVERIFY(!touched.isEmpty());
    QVERIFY(!StoredIndex::isCurrent(*store));
    const QStringList staleList = store->staleIndexParts();
    const QSet<QString> stale(staleList.cbegin(), staleList.cend());
    QVERIFY(stale.contains(touched));
    StoredIndex::UpdateStats stats;
    QCOMPARE(StoredIndex::update(*store, nullptr, {}, &stats), StoredIndex::Update::Updated);
    const QStringList written = stats.parts + stats.emptied;
    QCOMPARE(QSet<QString>(written.cbegin(), written.cend()), stale);
    QVERIFY(StoredIndex::isCurrent(*store));
    const QHash<QString, QStringList> after = rowsByPart();
    int kept = 0;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!stale.contains(it.key())) {
            QCOMPARE(it.value(), before.value(it.key()));
            ++kept;
        }
    }
    // Parts that were stale and still have events are there again.
    for (const QString &part : stale) {
        if (store->indexParts().contains(part))
            QVERIFY2(after.contains(part) || !before.contains(part), qPrintable(part));
    }
    QVERIFY(kept > 0); // the demo and the corpus have hosts no imported file touches
    store.reset();

    // Chains from the updated index are the whole index's under four policies.
    store = CaseStore::open(path, CaseStore::Access::ReadOnly);
    CaseIndex whole;
    QVERIFY(whole.load(*store));
    for (const QString &variant : {QStringLiteral("as saved"), QStringLiteral("window 1 s"),
             QStringLiteral("shells are installers"), QStringLiteral("no allow-lists")}) {
        const Policy policy = policyVariant(store->policy(), variant);
        const QList<Chain> chains = Correlator(whole).run(policy);
        QString why;
        const std::optional<ChainSnapshot> stored = StoredIndex::compute(*store, policy, nullptr, &why);
        QVERIFY2(stored, qPrintable(why));
        QVERIFY2(stored->toBytes() == ChainSnapshot::of(whole, chains).toBytes(), qPrintable(variant));
    }
    // And row for row what a whole index of the same events writes: every table, each
    // row under its part's name (part ids differ), every part's header.
    store = CaseStore::open(path);
    const QStringList updatedRows = storedRows(*store);
    QVERIFY(StoredIndex::write(*store, whole, store->eventsGeneration()));
    const QStringList wholeRows = storedRows(*store);
    QCOMPARE(updatedRows.size(), wholeRows.size());
    QCOMPARE(updatedRows, wholeRows);
}

namespace {

// One source with the same four-event install story (an installer writes a program,
// whose first run starts a shell) on each host (the last host's
// story one event longer or shorter by `lastHostExtra`: -1 or 1).
qint64 importStories(
    CaseStore &store, const QStringList &hosts, qint64 atUs, const QString &name, int lastHostExtra = 0)
{
    SourceInfo info;
    info.path = name;
    const qint64 source = store.beginSource(info);
    EventWriter writer(store, source);
    QString host;
    const auto add = [&](qint64 offsetUs, EventKind kind, qint64 pid, qint64 ppid, const QString &image,
                         const QString &commandLine, const QString &target = QString()) {
        Event e;
        e.timeUs = atUs + offsetUs;
        e.host = host;
        e.platform = Platform::Linux;
        e.kind = kind;
        e.pid = pid;
        e.ppid = ppid;
        e.image = image;
        e.commandLine = commandLine;
        e.targetPath = target;
        writer.add(e, writer.addRaw(name.toUtf8()));
    };
    for (const QString &each : hosts) {
        host = each;
        const bool last = &each == &hosts.last();
        add(0, EventKind::ProcessStart, 100, 1, QStringLiteral("/usr/bin/apt-get"),
            QStringLiteral("apt-get install -y xtool"));
        add(1'000'000, EventKind::FileWrite, 100, 1, QStringLiteral("/usr/bin/apt-get"),
            QStringLiteral("apt-get install -y xtool"), QStringLiteral("/usr/bin/xtool"));
        add(5'000'000, EventKind::ProcessStart, 101, 1, QStringLiteral("/usr/bin/xtool"),
            QStringLiteral("xtool --daemon"));
        if (!last || lastHostExtra >= 0)
            add(6'000'000, EventKind::ProcessStart, 102, 101, QStringLiteral("/bin/sh"), QStringLiteral("sh -c id"));
        if (last && lastHostExtra > 0)
            add(7'000'000, EventKind::ProcessExit, 102, 101, QStringLiteral("/bin/sh"), QStringLiteral("sh -c id"));
    }
    writer.finish({});
    return source;
}

// One source of the install story on `host` at `atUs`. Returns the source's id.
qint64 importStory(CaseStore &store, const QString &host, qint64 atUs, const QString &name)
{
    return importStories(store, {host}, atUs, name);
}

} // namespace

// Two things a part must survive. A dropped source frees its event ids and the next
// import takes them again: the new events' processes are numbered like the dropped ones,
// in another part (every stale part's rows go before any is written again). And a host
// name with a NUL (a hostile log can write one): its part is read from its own events.
void Tst_storedindex::partsOfReusedIdsAndHostileHosts_data()
{
    QTest::addColumn<QString>("hostile");
    QTest::newRow("a NUL") << QStringLiteral("web") + QChar(0) + QStringLiteral("x");
    // EVTX strings are UTF-16 from the file: an unpaired surrogate is written to the
    // rows as U+FFFD, and so must every value that names them (the host facets).
    QTest::newRow("an unpaired surrogate") << QStringLiteral("ws") + QChar(0xD800) + QStringLiteral("x");
    // The UTF-8 decoder drops a byte order mark at the start: the case reads this host
    // back as "web", and its part must find the rows that hold the mark.
    QTest::newRow("a byte order mark") << QChar(0xFEFF) + QStringLiteral("web");
}

void Tst_storedindex::partsOfReusedIdsAndHostileHosts()
{
    auto store = emptyCase(QStringLiteral("reused.chainscope"));
    QFETCH(QString, hostile);
    // The part's name as the case names it: from the host read back from its rows.
    const QString hostilePart = CaseStore::indexPartOf(QString::fromUtf8(caseUtf8(hostile)));
    constexpr qint64 Day = 86'400'000'000;
    importStory(*store, QStringLiteral("alpha"), 1'700'000'000'000'000, QStringLiteral("alpha-1"));
    importStory(*store, hostile, 1'700'000'000'000'000 + Day, QStringLiteral("hostile"));
    const qint64 zed
        = importStory(*store, QStringLiteral("zed"), 1'700'000'000'000'000 + 2 * Day, QStringLiteral("zed"));
    QVERIFY(writeWholeIndex(*store));
    QVERIFY(processesOfPart(*store, hostilePart) > 0);
    // zed's events had the highest ids: the next import takes them again, for alpha.
    store->dropSource(zed);
    importStory(*store, QStringLiteral("alpha"), 1'700'000'000'000'000 + 3 * Day, QStringLiteral("alpha-2"));
    importStory(*store, hostile, 1'700'000'000'000'000 + 4 * Day, QStringLiteral("hostile-2"));
    const QStringList stale = store->staleIndexParts();
    QCOMPARE(stale.size(), 3);
    QCOMPARE(StoredIndex::update(*store), StoredIndex::Update::Updated);
    QCOMPARE(processesOfPart(*store, QStringLiteral("ZED")), 0);
    QCOMPARE(processesOfPart(*store, hostilePart), processesOfPart(*store, QStringLiteral("ALPHA")));

    CaseIndex whole;
    QVERIFY(whole.load(*store));
    const QList<Chain> chains = Correlator(whole).run(store->policy());
    QCOMPARE(chains.size(), 4); // two stories on alpha, two on the hostile host
    QString why;
    const std::optional<ChainSnapshot> stored = StoredIndex::compute(*store, store->policy(), nullptr, &why);
    QVERIFY2(stored, qPrintable(why));
    QCOMPARE(stored->toBytes(), ChainSnapshot::of(whole, chains).toBytes());
}

namespace {

// One source of these events.
void importEvents(CaseStore &store, const QString &name, const QList<Event> &events)
{
    SourceInfo info;
    info.path = name;
    EventWriter writer(store, store.beginSource(info));
    for (const Event &e : events)
        writer.add(e, writer.addRaw(name.toUtf8()));
    writer.finish({});
}

Event storyEvent(qint64 timeUs, const QString &host, Platform platform, EventKind kind, qint64 pid, qint64 ppid,
    const QString &image, const QString &commandLine = QString())
{
    Event e;
    e.timeUs = timeUs;
    e.host = host;
    e.platform = platform;
    e.kind = kind;
    e.pid = pid;
    e.ppid = ppid;
    e.image = image;
    e.commandLine = commandLine;
    return e;
}

} // namespace

// A later import of a host (the same logs, collected again days on) continues its part
// after its last event: processes alive at that point go on (a child by pid and by GUID,
// an exit), a connection by address only is named by a DNS answer from before, an orphan
// joins the shell that ran it just before. The rows are those of writing it again, and of
// a whole index; events at or before the last one mean writing it again.
void Tst_storedindex::laterEventsContinueTheirPart_data()
{
    QTest::addColumn<qint64>("gapUs"); // from the part's last event to the next import's first
    QTest::addColumn<bool>("continued");
    QTest::newRow("one µs before the last event") << qint64(-1) << false;
    QTest::newRow("at the last event") << qint64(0) << false;
    QTest::newRow("one µs after the last event") << qint64(1) << true;
}

void Tst_storedindex::laterEventsContinueTheirPart()
{
    QFETCH(qint64, gapUs);
    QFETCH(bool, continued);
    auto store = emptyCase(QStringLiteral("continued.chainscope"));
    constexpr qint64 T = 1'700'000'000'000'000;
    constexpr qint64 S = 1'000'000;
    const QString ws = QStringLiteral("WS-1");
    const QString lin = QStringLiteral("lin-1");
    const QString updater = QStringLiteral("C:\\Program Files\\Vendor\\update.exe");
    const QString app = QStringLiteral("C:\\Program Files\\Vendor\\app.exe");
    const QString cmd = QStringLiteral("C:\\Windows\\System32\\cmd.exe");
    const auto windows = [&](qint64 at, EventKind kind, qint64 pid, const QString &guid, const QString &image,
                             qint64 ppid = -1, const QString &parentGuid = QString()) {
        Event e = storyEvent(at, ws, Platform::Windows, kind, pid, ppid, image, image + QStringLiteral(" /run"));
        e.processKey = guid;
        e.parentProcessKey = parentGuid;
        return e;
    };
    const auto linux
        = [&](qint64 at, EventKind kind, qint64 pid, qint64 ppid, const QString &image, const QString &line) {
              return storyEvent(at, lin, Platform::Linux, kind, pid, ppid, image, line);
          };
    // Before: an updater writes a program that runs, resolves a name and starts a shell;
    // apt-get installs a tool whose daemon starts a shell that runs curl.
    QList<Event> before;
    Event parentNamed
        = windows(T, EventKind::ProcessStart, 100, QStringLiteral("{G-100}"), updater, 1, QStringLiteral("{G-1}"));
    parentNamed.parentImage = QStringLiteral("C:\\Windows\\explorer.exe");
    before.append(parentNamed);
    Event write = windows(T + S, EventKind::FileWrite, 100, QStringLiteral("{G-100}"), updater);
    write.targetPath = app;
    before.append(write);
    before.append(windows(
        T + 2 * S, EventKind::ProcessStart, 200, QStringLiteral("{G-200}"), app, 100, QStringLiteral("{G-100}")));
    Event dns = windows(T + 3 * S, EventKind::DnsQuery, 200, QStringLiteral("{G-200}"), app);
    dns.dstHost = QStringLiteral("updates.example.net");
    dns.dnsAnswers = {QStringLiteral("203.0.113.9")};
    before.append(dns);
    before.append(windows(
        T + 4 * S, EventKind::ProcessStart, 300, QStringLiteral("{G-300}"), cmd, 200, QStringLiteral("{G-200}")));
    before.append(linux(T, EventKind::ProcessStart, 500, 1, QStringLiteral("/usr/bin/apt-get"),
        QStringLiteral("apt-get install -y xtool")));
    Event written = linux(T + S, EventKind::FileWrite, 500, 1, QStringLiteral("/usr/bin/apt-get"),
        QStringLiteral("apt-get install -y xtool"));
    written.targetPath = QStringLiteral("/usr/bin/xtool");
    before.append(written);
    before.append(linux(T + 2 * S, EventKind::ProcessStart, 501, 500, QStringLiteral("/usr/bin/xtool"),
        QStringLiteral("xtool --daemon")));
    before.append(linux(T + 4 * S, EventKind::ProcessStart, 502, 501, QStringLiteral("/bin/sh"),
        QStringLiteral("sh -c curl -s http://203.0.113.9/p")));
    importEvents(*store, QStringLiteral("before"), before);
    QVERIFY(writeWholeIndex(*store));
    const qint64 last = T + 4 * S;

    // After, from `gapUs` past the last event on each host.
    const qint64 F = last + gapUs;
    QList<Event> after;
    Event connect = windows(F, EventKind::NetConnect, 200, QStringLiteral("{G-200}"), app);
    connect.dstIp = QStringLiteral("203.0.113.9");
    connect.dstPort = 443;
    after.append(connect);
    after.append(windows(F + S, EventKind::ProcessStart, 301, QStringLiteral("{G-301}"),
        QStringLiteral("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"), 300,
        QStringLiteral("{G-300}")));
    after.append(windows(F + 2 * S, EventKind::ProcessExit, 200, QStringLiteral("{G-200}"), app));
    // A second child of the updater: its place comes after the child it had.
    after.append(windows(
        F + 2 * S, EventKind::ProcessStart, 201, QStringLiteral("{G-201}"), app, 100, QStringLiteral("{G-100}")));
    // Orphan: no log names its parent; the shell at the last event ran its command line.
    after.append(linux(F, EventKind::ProcessStart, 600, -1, QStringLiteral("/usr/bin/curl"),
        QStringLiteral("curl -s http://203.0.113.9/p")));
    after.append(linux(F + S, EventKind::ProcessExit, 501, 500, QStringLiteral("/usr/bin/xtool"), QString()));
    Event fork = linux(F + 2 * S, EventKind::ProcessStart, 700, 502, QStringLiteral("/bin/sh"), QString());
    fork.forked = true;
    after.append(fork);
    importEvents(*store, QStringLiteral("after"), after);

    // A third import after that: the frontier a continuation wrote is continued too.
    const qint64 G = F + 3 * S;
    QList<Event> third;
    third.append(
        windows(G, EventKind::ProcessStart, 302, QStringLiteral("{G-302}"), cmd, 301, QStringLiteral("{G-301}")));
    third.append(
        linux(G, EventKind::ProcessStart, 601, 600, QStringLiteral("/bin/rm"), QStringLiteral("rm -f /tmp/p")));

    const auto sameAsWhole = [&](const char *when) {
        const QStringList updated = storedRows(*store);
        const QStringList wholeRows = wholeIndexRows(*store);
        QVERIFY2(updated == wholeRows, when);
        // What continuing found (not only that it agrees): the orphan joined the shell,
        // the address was named, the GUID child found its parent.
        if (gapUs >= 0) // (before the shell, curl has no shell to join)
            QVERIFY(wholeRows.filter(QStringLiteral("inferred: sh ran")).size() >= 1);
        QVERIFY(wholeRows.filter(QStringLiteral("|updates.example.net")).size() >= 1);
    };

    StoredIndex::UpdateStats stats;
    QCOMPARE(StoredIndex::update(*store, nullptr, {}, &stats), StoredIndex::Update::Updated);
    const QStringList parts {QStringLiteral("LIN-1"), QStringLiteral("WS-1")};
    QCOMPARE(stats.continued, continued ? parts : QStringList());
    QCOMPARE(stats.parts, continued ? QStringList() : parts);
    QVERIFY(StoredIndex::isCurrent(*store));
    sameAsWhole("after the second import");
    // The whole index just written; the third import continues it in either case.
    importEvents(*store, QStringLiteral("third"), third);
    QCOMPARE(StoredIndex::update(*store, nullptr, {}, &stats), StoredIndex::Update::Updated);
    QCOMPARE(stats.continued, parts);
    // And a continued part's frontier, continued again.
    QList<Event> fourth;
    fourth.append(windows(G + S, EventKind::ProcessExit, 302, QStringLiteral("{G-302}"), cmd));
    fourth.append(linux(G + S, EventKind::ProcessExit, 601, 600, QStringLiteral("/bin/rm"), QString()));
    importEvents(*store, QStringLiteral("fourth"), fourth);
    QCOMPARE(StoredIndex::update(*store, nullptr, {}, &stats), StoredIndex::Update::Updated);
    QCOMPARE(stats.continued, parts);
    sameAsWhole("after the fourth import");

    CaseIndex whole;
    QVERIFY(whole.load(*store));
    const QList<Chain> chains = Correlator(whole).run(store->policy());
    QString why;
    const std::optional<ChainSnapshot> stored = StoredIndex::compute(*store, store->policy(), nullptr, &why);
    QVERIFY2(stored, qPrintable(why));
    QCOMPARE(stored->toBytes(), ChainSnapshot::of(whole, chains).toBytes());
}

// Real logs cut in two at a record in the middle, as two collections of one host: the
// later half continues the part the first half's import wrote whenever it starts after
// the first half's last event (out-of-order files may not), and the rows are a whole
// index's either way.
void Tst_storedindex::laterHalvesOfRealLogsContinueTheirPart()
{
    const QDir dir(corpusPath(QStringLiteral("linux")));
    const QStringList logs = dir.entryList({QStringLiteral("auditd_*.log")}, QDir::Files, QDir::Name);
    if (logs.isEmpty())
        QSKIP("the corpus is not here");
    const QRegularExpression stamp(QStringLiteral("audit\\((\\d+)\\.(\\d{3}):(\\d+)\\)"));
    int continuedLogs = 0;
    int cutLogs = 0;
    for (const QString &log : logs) {
        QFile file(dir.filePath(log));
        QVERIFY(file.open(QIODevice::ReadOnly));
        // The records only (some files open with comments, which would leave a first half
        // of no record).
        QList<QByteArray> lines;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (stamp.match(QString::fromUtf8(line)).hasMatch())
                lines.append(line);
        }
        // The record boundary (a new serial) nearest the middle.
        const auto keyOf = [&](qsizetype i) {
            const QRegularExpressionMatch m = stamp.match(QString::fromUtf8(lines.at(i)));
            return m.hasMatch() ? m.captured(3) : QString();
        };
        const auto timeOf = [&](qsizetype i) {
            const QRegularExpressionMatch m = stamp.match(QString::fromUtf8(lines.at(i)));
            return m.hasMatch() ? m.captured(1).toLongLong() * 1'000'000 + m.captured(2).toLongLong() * 1000 : -1;
        };
        qsizetype cut = -1;
        for (qsizetype d = 0; d < lines.size() && cut < 0; ++d) {
            for (const qsizetype i : {lines.size() / 2 + d, lines.size() / 2 - d}) {
                if (i > 0 && i < lines.size() && !keyOf(i).isEmpty() && keyOf(i) != keyOf(i - 1)) {
                    cut = i;
                    break;
                }
            }
        }
        if (cut < 0)
            continue; // one record: nothing to cut
        ++cutLogs;
        qint64 firstLast = std::numeric_limits<qint64>::min();
        qint64 secondFirst = std::numeric_limits<qint64>::max();
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (const qint64 t = timeOf(i); t >= 0)
                (i < cut ? firstLast : secondFirst) = i < cut ? qMax(firstLast, t) : qMin(secondFirst, t);
        }
        const QString first = m_dir.filePath(QStringLiteral("first-") + log);
        const QString second = m_dir.filePath(QStringLiteral("second-") + log);
        for (const auto &[name, from, to] :
            {std::tuple(first, qsizetype(0), cut), std::tuple(second, cut, lines.size())}) {
            QFile out(name);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(lines.mid(from, to - from).join('\n') + '\n');
        }
        const QString path = m_dir.filePath(QStringLiteral("halves.chainscope"));
        QFile::remove(path);
        QCOMPARE(run(Cli, {QStringLiteral("new"), path}).exitCode, 0);
        const ProcessResult firstImport = run(Cli, {QStringLiteral("import"), path, first});
        QVERIFY2(firstImport.exitCode == 0, firstImport.err.constData());
        const ProcessResult secondImport
            = run(Cli, {QStringLiteral("import"), QStringLiteral("--no-index"), path, second});
        QVERIFY2(secondImport.exitCode == 0, secondImport.err.constData());
        auto store = CaseStore::open(path);
        QVERIFY2(StoredIndex::planUpdate(*store), qPrintable(log)); // the first import stored its index
        StoredIndex::UpdateStats stats;
        QCOMPARE(StoredIndex::update(*store, nullptr, {}, &stats), StoredIndex::Update::Updated);
        // A later half that starts after every record of the first is after its last event.
        if (secondFirst > firstLast)
            QVERIFY2(!stats.continued.isEmpty(), qPrintable(log));
        continuedLogs += stats.continued.isEmpty() ? 0 : 1;
        const QStringList updated = storedRows(*store);
        QVERIFY2(updated == wholeIndexRows(*store), qPrintable(log));
    }
    QVERIFY(continuedLogs > 0);
    qInfo("%d of %d logs cut in two continued", continuedLogs, cutLogs);
}

// Windows names a machine without regard to case, and the index names it by the spelling
// that sorts first: a later import that spells it so renames the host in every row, and
// its part is written again; one that spells it otherwise only adds a spelling.
void Tst_storedindex::aNewNameOfTheHostIsWrittenAgain_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<bool>("continued");
    QTest::newRow("a spelling that sorts first") << QStringLiteral("ws-1") << QStringLiteral("WS-1") << false;
    QTest::newRow("a spelling that sorts after") << QStringLiteral("WS-1") << QStringLiteral("Ws-1") << true;
    QTest::newRow("the same spelling") << QStringLiteral("Ws-1") << QStringLiteral("Ws-1") << true;
}

void Tst_storedindex::aNewNameOfTheHostIsWrittenAgain()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(bool, continued);
    auto store = emptyCase(QStringLiteral("spelling.chainscope"));
    constexpr qint64 T = 1'700'000'000'000'000;
    const QString image = QStringLiteral("C:\\Program Files\\Vendor\\update.exe");
    const auto start = [&](qint64 at, const QString &host, qint64 pid, qint64 ppid) {
        Event e = storyEvent(at, host, Platform::Windows, EventKind::ProcessStart, pid, ppid, image, image);
        e.processKey = QStringLiteral("{G-%1}").arg(pid);
        e.parentProcessKey = QStringLiteral("{G-%1}").arg(ppid);
        return e;
    };
    importEvents(*store, QStringLiteral("before"), {start(T, before, 10, 1), start(T + 1, before, 11, 10)});
    QVERIFY(writeWholeIndex(*store));
    importEvents(*store, QStringLiteral("after"), {start(T + 2, after, 12, 11)});
    StoredIndex::UpdateStats stats;
    QCOMPARE(StoredIndex::update(*store, nullptr, {}, &stats), StoredIndex::Update::Updated);
    QCOMPARE(stats.continued.size(), continued ? 1 : 0);
    QCOMPARE(stats.parts.size(), continued ? 0 : 1);
    const QStringList updated = storedRows(*store);
    QCOMPARE(updated, wholeIndexRows(*store));
    // One host, by the spelling that sorts first.
    const QString host = qMin(before, after);
    const QStringList processes = updated.filter(QRegularExpression(QStringLiteral("^processes\\|")));
    QVERIFY(processes.size() >= 3);
    for (const QString &row : processes)
        QVERIFY2(row.contains(u'|' + host + u'|'), qPrintable(row));
}

// A frontier is read from a hostile file like the rest: one that cannot be what the
// index had in hand (not CBOR, another format, lists cut short, a process the part
// does not hold or another part's) is not continued; the part is written again.
void Tst_storedindex::damagedFrontierIsWrittenAgain_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("not CBOR") << QStringLiteral("not CBOR");
    QTest::newRow("another format") << QStringLiteral("format");
    QTest::newRow("a list cut short") << QStringLiteral("width");
    QTest::newRow("a process no part holds") << QStringLiteral("missing");
    QTest::newRow("another part's process") << QStringLiteral("other part");
    QTest::newRow("an address resolved by no process") << QStringLiteral("resolved");
    QTest::newRow("a start of another part's host") << QStringLiteral("recent host");
    QTest::newRow("a start after the last event") << QStringLiteral("recent time");
    QTest::newRow("intact") << QString();
}

void Tst_storedindex::damagedFrontierIsWrittenAgain()
{
    QFETCH(QString, damage);
    auto store = emptyCase(QStringLiteral("frontier.chainscope"));
    constexpr qint64 T = 1'700'000'000'000'000;
    importStory(*store, QStringLiteral("alpha"), T, QStringLiteral("alpha-1"));
    importStory(*store, QStringLiteral("beta"), T, QStringLiteral("beta-1"));
    QVERIFY(writeWholeIndex(*store));
    Statement read(store->database(), "SELECT state FROM ix_frontier WHERE part = 'ALPHA'");
    QVERIFY(read.step());
    QCborMap state = QCborValue::fromCbor(read.blob(0)).toMap();
    read.reset();
    const auto processOf = [&](const char *part) {
        Statement st(store->database(),
            "SELECT node FROM ix_processes x JOIN ix_parts p ON p.id = x.part WHERE p.part = ? ORDER BY node");
        st.bindText(1, QString::fromLatin1(part));
        return st.step() ? st.int64(0) : -1;
    };
    QByteArray bytes;
    QCborArray live = state.value(QStringLiteral("live")).toArray();
    QVERIFY(live.size() >= 3); // the story's processes never exit
    if (damage == u"not CBOR") {
        bytes = QByteArray("\xff\x00", 2);
    } else if (damage == u"format") {
        state.insert(QStringLiteral("format"), 2);
    } else if (damage == u"width") {
        live.removeLast();
        state.insert(QStringLiteral("live"), live);
    } else if (damage == u"missing") {
        live[2] = qint64(4'000'000'000); // the number of no process: no event has id 10^9
        state.insert(QStringLiteral("live"), live);
    } else if (damage == u"other part") {
        live[2] = processOf("BETA");
        state.insert(QStringLiteral("live"), live);
    } else if (damage == u"resolved") {
        state.insert(QStringLiteral("resolved"),
            QCborArray {-5, QStringLiteral("203.0.113.9"), QStringLiteral("updates.example.net")});
    } else if (damage.startsWith(u"recent")) {
        QCborArray recent = state.value(QStringLiteral("recent")).toArray();
        QVERIFY(recent.size() >= 5); // the story's starts are seconds apart
        if (damage == u"recent host")
            recent[0] = QStringLiteral("beta");
        else
            recent[recent.size() - 3] = store->indexFrontier(QStringLiteral("ALPHA"))->lastUs + 1;
        state.insert(QStringLiteral("recent"), recent);
    }
    if (bytes.isEmpty())
        bytes = state.toCborValue().toCbor();
    Statement write(store->database(), "UPDATE ix_frontier SET state = ? WHERE part = 'ALPHA'");
    write.bindBlob(1, bytes).exec();
    importStory(*store, QStringLiteral("alpha"), T + 60'000'000, QStringLiteral("alpha-2"));
    StoredIndex::UpdateStats stats;
    QCOMPARE(StoredIndex::update(*store, nullptr, {}, &stats), StoredIndex::Update::Updated);
    QCOMPARE(stats.continued, damage.isEmpty() ? QStringList {QStringLiteral("ALPHA")} : QStringList());
    QCOMPARE(stats.parts, damage.isEmpty() ? QStringList() : QStringList {QStringLiteral("ALPHA")});
    const QStringList updated = storedRows(*store);
    QCOMPARE(updated, wholeIndexRows(*store));
}

// A continued part adds the duplicates its new events had to the count its header
// gave. A hostile header that says it already dropped nearly the largest count is not
// overflowed: the sum stops at the largest count (the bound, one under it, one over).
void Tst_storedindex::duplicatesOfAContinuedPartStopAtTheLargestCount_data()
{
    QTest::addColumn<qint64>("belowLargest"); // the header's count: largest - added + this
    QTest::newRow("one under") << qint64(-1);
    QTest::newRow("at the largest") << qint64(0);
    QTest::newRow("one over") << qint64(1);
}

void Tst_storedindex::duplicatesOfAContinuedPartStopAtTheLargestCount()
{
    QFETCH(qint64, belowLargest);
    auto store = emptyCase(QStringLiteral("duplicates.chainscope"));
    constexpr qint64 T = 1'700'000'000'000'000;
    constexpr qint64 Largest = std::numeric_limits<qint64>::max();
    importStory(*store, QStringLiteral("alpha"), T, QStringLiteral("alpha-1"));
    QVERIFY(writeWholeIndex(*store));
    // The same later records from two sources: the second's are duplicates.
    importStory(*store, QStringLiteral("alpha"), T + 60'000'000, QStringLiteral("alpha-2"));
    importStory(*store, QStringLiteral("alpha"), T + 60'000'000, QStringLiteral("alpha-3"));
    CaseIndex whole;
    QVERIFY(whole.load(*store));
    const qint64 added = whole.duplicatesDropped();
    QVERIFY(added > 0);
    const auto header = [&] {
        Statement st(store->database(), "SELECT header FROM ix_parts WHERE part = 'ALPHA'");
        return st.step() ? QJsonDocument::fromJson(st.blob(0)).object() : QJsonObject();
    };
    QJsonObject changed = header();
    QCOMPARE(changed.value(QStringLiteral("duplicates")).toInteger(), 0);
    changed.insert(QStringLiteral("duplicates"), Largest - added + belowLargest);
    Statement write(store->database(), "UPDATE ix_parts SET header = ? WHERE part = 'ALPHA'");
    write.bindBlob(1, QJsonDocument(changed).toJson(QJsonDocument::Compact)).exec();

    StoredIndex::UpdateStats stats;
    QCOMPARE(StoredIndex::update(*store, nullptr, {}, &stats), StoredIndex::Update::Updated);
    QCOMPARE(stats.continued, QStringList {QStringLiteral("ALPHA")});
    QCOMPARE(header().value(QStringLiteral("duplicates")).toInteger(), belowLargest < 0 ? Largest - 1 : Largest);
}

// A frontier larger than StoredIndex::maxFrontierBytes() is not kept: its part is written
// again by the next import instead of continued. On the bound and one byte either side.
void Tst_storedindex::frontierPastItsBoundIsNotKept_data()
{
    QTest::addColumn<qsizetype>("slack"); // the bound minus the frontier's size
    QTest::addColumn<bool>("kept");
    QTest::newRow("one byte under its size") << qsizetype(-1) << false;
    QTest::newRow("its size") << qsizetype(0) << true;
    QTest::newRow("one byte over its size") << qsizetype(1) << true;
}

void Tst_storedindex::frontierPastItsBoundIsNotKept()
{
    QFETCH(qsizetype, slack);
    QFETCH(bool, kept);
    auto store = emptyCase(QStringLiteral("bound.chainscope"));
    constexpr qint64 T = 1'700'000'000'000'000;
    importStory(*store, QStringLiteral("alpha"), T, QStringLiteral("alpha-1"));
    QVERIFY(writeWholeIndex(*store));
    const std::optional<CaseStore::IndexFrontier> written = store->indexFrontier(QStringLiteral("ALPHA"));
    QVERIFY(written);
    const qsizetype bound = StoredIndex::maxFrontierBytes();
    StoredIndex::setMaxFrontierBytes(written->state.size() + slack);
    const bool whole = writeWholeIndex(*store);
    StoredIndex::setMaxFrontierBytes(bound);
    QVERIFY(whole);
    QCOMPARE(store->indexFrontier(QStringLiteral("ALPHA")).has_value(), kept);
    importStory(*store, QStringLiteral("alpha"), T + 60'000'000, QStringLiteral("alpha-2"));
    StoredIndex::UpdateStats stats;
    QCOMPARE(StoredIndex::update(*store, nullptr, {}, &stats), StoredIndex::Update::Updated);
    QCOMPARE(stats.continued.size(), kept ? 1 : 0);
    QCOMPARE(stats.parts.size(), kept ? 0 : 1);
}

// The UTF-8 decoder drops a leading byte order mark: a text of the index that starts
// with one (a hostile log's double mark, a DNS answer escaped in JSON) would come back
// from the frontier without it, and a continued part would differ from a whole index.
// Such a part keeps no frontier and is written again.
void Tst_storedindex::aTextThatDoesNotComeBackKeepsNoFrontier_data()
{
    QTest::addColumn<QString>("where");
    QTest::newRow("a command line with two marks") << QStringLiteral("command line");
    QTest::newRow("a DNS answer with a mark") << QStringLiteral("answer");
    QTest::newRow("none") << QString();
}

void Tst_storedindex::aTextThatDoesNotComeBackKeepsNoFrontier()
{
    QFETCH(QString, where);
    auto store = emptyCase(QStringLiteral("mark.chainscope"));
    constexpr qint64 T = 1'700'000'000'000'000;
    const QString mark(QChar(0xFEFF));
    Event start = storyEvent(T, QStringLiteral("alpha"), Platform::Linux, EventKind::ProcessStart, 10, 1,
        QStringLiteral("/usr/bin/xtool"), QStringLiteral("xtool --daemon"));
    if (where == u"command line")
        start.commandLine = mark + mark + start.commandLine;
    Event dns = storyEvent(
        T + 1, QStringLiteral("alpha"), Platform::Linux, EventKind::DnsQuery, 10, 1, QStringLiteral("/usr/bin/xtool"));
    dns.dstHost = QStringLiteral("updates.example.net");
    dns.dnsAnswers = {QStringLiteral("203.0.113.9")};
    importEvents(*store, QStringLiteral("alpha-1"), {start, dns});
    if (where == u"answer") {
        // Escaped, as a JSON log may hold it: the JSON reader keeps an escaped mark.
        Statement escaped(
            store->database(), "UPDATE events SET dns_answers = '[\"\\ufeff203.0.113.9\"]' WHERE kind = 'dns_query'");
        escaped.exec();
        QCOMPARE(store->database().changes(), 1);
    }
    importStory(*store, QStringLiteral("beta"), T, QStringLiteral("beta-1"));
    QVERIFY(writeWholeIndex(*store));
    QCOMPARE(store->indexFrontier(QStringLiteral("ALPHA")).has_value(), where.isEmpty());
    QVERIFY(store->indexFrontier(QStringLiteral("BETA")));
    Event connect = storyEvent(T + 2, QStringLiteral("alpha"), Platform::Linux, EventKind::NetConnect, 10, 1,
        QStringLiteral("/usr/bin/xtool"));
    connect.dstIp = QStringLiteral("203.0.113.9");
    importEvents(*store, QStringLiteral("alpha-2"), {connect});
    StoredIndex::UpdateStats stats;
    QCOMPARE(StoredIndex::update(*store, nullptr, {}, &stats), StoredIndex::Update::Updated);
    QCOMPARE(stats.continued.size(), where.isEmpty() ? 1 : 0);
    const QStringList updated = storedRows(*store);
    QCOMPARE(updated, wholeIndexRows(*store));
}

// A continued part's new events are read through the time index, or through its sources
// when the case holds more events after the part's last one than its sources hold (a
// host whose collection ended long before another's): the same events either way.
void Tst_storedindex::newEventsAreReadEitherWay_data()
{
    QTest::addColumn<int>("laterOfAnotherHost"); // events of another host after alpha's last
    QTest::newRow("through the time index") << 0;
    QTest::newRow("through its sources") << 40;
}

void Tst_storedindex::newEventsAreReadEitherWay()
{
    QFETCH(int, laterOfAnotherHost);
    auto store = emptyCase(QStringLiteral("either.chainscope"));
    constexpr qint64 T = 1'700'000'000'000'000;
    constexpr qint64 Day = 86'400'000'000;
    importStory(*store, QStringLiteral("alpha"), T, QStringLiteral("alpha-1"));
    QList<Event> beta;
    for (int i = 0; i < laterOfAnotherHost; ++i)
        beta.append(storyEvent(T + Day + i, QStringLiteral("beta"), Platform::Linux, EventKind::ProcessStart, 100 + i,
            1, QStringLiteral("/bin/true"), QStringLiteral("true")));
    if (!beta.isEmpty())
        importEvents(*store, QStringLiteral("beta"), beta);
    QVERIFY(writeWholeIndex(*store));
    // Between alpha's last event and beta's: with beta's, more events follow alpha's last
    // than alpha's sources hold (eight).
    importStory(*store, QStringLiteral("alpha"), T + 60'000'000, QStringLiteral("alpha-2"));
    StoredIndex::UpdateStats stats;
    QCOMPARE(StoredIndex::update(*store, nullptr, {}, &stats), StoredIndex::Update::Updated);
    QCOMPARE(stats.continued, QStringList {QStringLiteral("ALPHA")});
    QCOMPARE(stats.newEvents, 4);
    const QStringList updated = storedRows(*store);
    QCOMPARE(updated, wholeIndexRows(*store));
}

void Tst_storedindex::manyHostsOfOneSourceAreWrittenWhole_data()
{
    QTest::addColumn<int>("lastHostExtra");
    QTest::addColumn<bool>("whole");
    // Four hosts in one new source of 16 events: the parts read 4 x 16 = 64 events, a
    // case of 32 events; the whole index is taken past twice the case's events.
    QTest::newRow("at twice the case's events") << 0 << false;
    QTest::newRow("one event more") << 1 << true;
    QTest::newRow("one event less") << -1 << false;
}

// A source of many hosts (forwarded events, a SIEM export) is read once for each of its
// hosts' parts: past a bound, writing the parts again would cost more than the whole
// index, which is written instead (and the result is that of a whole index either way).
void Tst_storedindex::manyHostsOfOneSourceAreWrittenWhole()
{
    QFETCH(int, lastHostExtra);
    QFETCH(bool, whole);
    auto store = emptyCase(QStringLiteral("many-hosts.chainscope"));
    constexpr qint64 Day = 86'400'000'000;
    constexpr qint64 At = 1'700'000'000'000'000;
    // 16 events on four hosts of their own sources.
    for (int i = 0; i < 4; ++i)
        importStory(*store, QStringLiteral("base-%1").arg(i), At + i * Day, QStringLiteral("base-%1").arg(i));
    QVERIFY(writeWholeIndex(*store));
    store->database().exec("UPDATE ix_parts SET header = json_set(header, '$.mark', 1)");
    const QStringList hosts {
        QStringLiteral("new-0"), QStringLiteral("new-1"), QStringLiteral("new-2"), QStringLiteral("new-3")};
    importStories(*store, hosts, At + 5 * Day, QStringLiteral("forwarded"), lastHostExtra);
    QCOMPARE(store->eventCount(), 32 + lastHostExtra);
    const std::optional<StoredIndex::UpdatePlan> plan = StoredIndex::planUpdate(*store);
    QCOMPARE(!plan, whole);
    StoredIndex::UpdateStats stats;
    const StoredIndex::Update update = StoredIndex::update(*store, nullptr, {}, &stats);
    QCOMPARE(update, whole ? StoredIndex::Update::Whole : StoredIndex::Update::Updated);
    if (!whole) {
        QCOMPARE(plan->events, 4 * (16 + lastHostExtra));
        QCOMPARE(stats.parts.size(), 4);
        // The old hosts' parts were not written again.
        Statement st(store->database(), "SELECT count(*) FROM ix_parts WHERE json_extract(header, '$.mark') = 1");
        QVERIFY(st.step());
        QCOMPARE(st.int64(0), 4);
    } else {
        QVERIFY(!StoredIndex::isCurrent(*store));
        QVERIFY(writeWholeIndex(*store));
    }
    QVERIFY(StoredIndex::isCurrent(*store));
    CaseIndex index;
    QVERIFY(index.load(*store));
    const QList<Chain> chains = Correlator(index).run(store->policy());
    QCOMPARE(chains.size(), 8); // a first run without its shell is still one
    QString why;
    const std::optional<ChainSnapshot> stored = StoredIndex::compute(*store, store->policy(), nullptr, &why);
    QVERIFY2(stored, qPrintable(why));
    QCOMPARE(stored->toBytes(), ChainSnapshot::of(index, chains).toBytes());
}

// Two writers: an update lists the stale parts, then another writer (the workbench's
// whole index, another update) writes them and takes the generation before the update
// empties them. The update must not empty what is current, nor empty anything for a
// generation that is gone; and an index with a stale mark is never current.
void Tst_storedindex::partsWrittenMeanwhileAreLeftAlone()
{
    auto store = emptyCase(QStringLiteral("two-writers.chainscope"));
    constexpr qint64 At = 1'700'000'000'000'000;
    importStory(*store, QStringLiteral("alpha"), At, QStringLiteral("alpha-1"));
    importStory(*store, QStringLiteral("beta"), At, QStringLiteral("beta-1"));
    QVERIFY(writeWholeIndex(*store));
    const qint64 alphaProcesses = processesOfPart(*store, QStringLiteral("ALPHA"));
    QVERIFY(alphaProcesses > 0);
    importStory(*store, QStringLiteral("alpha"), At + 1'000'000'000, QStringLiteral("alpha-2"));
    const QStringList listed = store->staleIndexParts();
    QCOMPARE(listed, QStringList {QStringLiteral("ALPHA")});
    const qint64 generation = store->eventsGeneration();

    // The events changed again after the update listed its parts: nothing is emptied.
    QVERIFY(!store->clearStoredIndexParts(listed, generation - 1));
    QCOMPARE(processesOfPart(*store, QStringLiteral("ALPHA")), alphaProcesses);

    // The other writer came first: its parts stay as written, the index current.
    QVERIFY(writeWholeIndex(*store));
    const qint64 written = processesOfPart(*store, QStringLiteral("ALPHA"));
    QVERIFY(written > alphaProcesses);
    QVERIFY(StoredIndex::isCurrent(*store));
    const std::optional<QStringList> cleared = store->clearStoredIndexParts(listed, generation);
    QVERIFY(cleared);
    QVERIFY(cleared->isEmpty());
    QCOMPARE(processesOfPart(*store, QStringLiteral("ALPHA")), written);
    QVERIFY(StoredIndex::isCurrent(*store));

    // A stale mark beside the current generation (an emptied part): not current, and
    // update() writes it again.
    store->database().exec("INSERT INTO ix_stale(part) VALUES ('BETA')");
    QVERIFY(!StoredIndex::isCurrent(*store));
    QCOMPARE(StoredIndex::update(*store), StoredIndex::Update::Updated);
    QVERIFY(StoredIndex::isCurrent(*store));
    QVERIFY(processesOfPart(*store, QStringLiteral("BETA")) > 0);
}

void Tst_storedindex::damagedIndexFallsBackToTheWholeOne_data()
{
    QTest::addColumn<QString>("sql");
    // Tables that still parse but hold nothing: the start event of a process is missing.
    QTest::newRow("no events") << QStringLiteral("DELETE FROM ix_events");
    // Installers are found through the distinct images: one lost is a seed lost.
    QTest::newRow("an image lost") << QStringLiteral(
        "DELETE FROM ix_images WHERE image = (SELECT min(image) FROM ix_images)");
    // Tables that do not: the reader's SQL fails.
    QTest::newRow("a table dropped") << QStringLiteral("DROP TABLE ix_lookups");
    QTest::newRow("a table of other columns")
        << QStringLiteral("DROP TABLE ix_events; CREATE TABLE ix_events(x INTEGER)");
}

void Tst_storedindex::damagedIndexFallsBackToTheWholeOne()
{
    QFETCH(QString, sql);
    const QString path = copyOfCase(m_cases.first(), QStringLiteral("fallback.chainscope"));
    QVERIFY(execSql(path, sql.toUtf8().constData()));
    {
        auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
        QString why;
        QVERIFY(!StoredIndex::compute(*store, store->policy(), nullptr, &why));
        QVERIFY2(
            why.contains(QLatin1String("damaged")) || why.contains(QLatin1String("cannot be read")), qPrintable(why));
    }
    // The CLI answers from the whole index ...
    const ProcessResult chains = run(Cli, {QStringLiteral("chains"), path});
    QVERIFY2(chains.exitCode == 0, chains.err.constData());
    QVERIFY2(chains.out.startsWith("chain "), chains.out.left(200).constData());
    // ... and the case still takes imports (which make the index over again).
    const ProcessResult dropped
        = run(Cli, {QStringLiteral("policy"), path, QStringLiteral("--set"), QStringLiteral("TimeWindow=45m")});
    QVERIFY2(dropped.exitCode == 0, dropped.err.constData());
    auto store = CaseStore::open(path);
    store->dropSource(store->sources().last().id);
    QVERIFY(!StoredIndex::isCurrent(*store));
    // An update either mends it or says it could not; either way the CLI answers.
    const StoredIndex::Update update = StoredIndex::update(*store);
    QVERIFY(update == StoredIndex::Update::Updated || update == StoredIndex::Update::Failed
        || update == StoredIndex::Update::NotStored);
    if (update == StoredIndex::Update::Updated) {
        // Then it answers as the whole index.
        CaseIndex whole;
        QVERIFY(whole.load(*store));
        const QList<Chain> wholeChains = Correlator(whole).run(store->policy());
        const std::optional<ChainSnapshot> stored = StoredIndex::compute(*store, store->policy());
        if (stored)
            QCOMPARE(stored->toBytes(), ChainSnapshot::of(whole, wholeChains).toBytes());
    }
    store.reset();
    const ProcessResult again = run(Cli, {QStringLiteral("chains"), path});
    QVERIFY2(again.exitCode == 0, again.err.constData());
}

void Tst_storedindex::damagedIndexNeverCrashes_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("every process its own parent") << QStringLiteral("UPDATE ix_processes SET parent = node");
    QTest::newRow("a cycle of two") << QStringLiteral(
        "UPDATE ix_processes SET parent = CASE WHEN node % 2 = 0 THEN node + 1 ELSE node - 1 END");
    QTest::newRow("parents that do not exist")
        << QStringLiteral("UPDATE ix_processes SET parent = parent + 1000000000");
    QTest::newRow("events of processes that do not exist")
        << QStringLiteral("UPDATE ix_events SET node = node + 1000000000");
    QTest::newRow("lookups of processes that do not exist")
        << QStringLiteral("UPDATE ix_lookups SET node = 2000000000");
    QTest::newRow("lookups of events that do not exist")
        << QStringLiteral("UPDATE ix_lookups SET event_id = event_id + 1000000000");
    QTest::newRow("no processes") << QStringLiteral("DELETE FROM ix_processes");
    QTest::newRow("huge platform") << QStringLiteral("UPDATE ix_processes SET platform = 99");
    QTest::newRow("header not JSON") << QStringLiteral("UPDATE ix_parts SET header = X'FFFE00'");
    QTest::newRow("header empty object") << QStringLiteral("UPDATE ix_parts SET header = '{}'");
    QTest::newRow("headers of huge counts") << QStringLiteral(
        "UPDATE ix_parts SET header = '{\"duplicates\": 9223372036854775807, \"images\": 9223372036854775807}'");
    QTest::newRow("no parts") << QStringLiteral("DELETE FROM ix_parts");
    QTest::newRow("process numbers of no event")
        << QStringLiteral("UPDATE ix_processes SET node = -node - 5, created_us = -created_us");
}

void Tst_storedindex::damagedIndexNeverCrashes()
{
    QFETCH(QString, sql);
    for (qsizetype c = 0; c < m_cases.size(); ++c) {
        const QString path = copyOfCase(m_cases.at(c), QStringLiteral("damaged.chainscope"));
        QVERIFY(execSql(path, sql.toUtf8().constData()));
        auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
        QString why;
        const std::optional<ChainSnapshot> stored = StoredIndex::compute(*store, store->policy(), nullptr, &why);
        if (!stored) {
            QVERIFY(!why.isEmpty());
            continue;
        }
        // Whatever came out is a well-formed snapshot: its bytes read back.
        QVERIFY(ChainSnapshot::fromBytes(stored->toBytes()));
    }
}

QTEST_GUILESS_MAIN(Tst_storedindex)
#include "tst_storedindex.moc"
