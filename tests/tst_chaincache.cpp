// The chains a case keeps for its next open (issue 15): a snapshot shows exactly what
// the whole index shows, goes stale with any change of the events, the policy or the
// code, and damaged bytes are refused instead of shown.

#include "caseindex.h"
#include "casestore.h"
#include "chainanalysis.h"
#include "chainsnapshot.h"
#include "correlator.h"
#include "report.h"
#include "testsupport.h"
#include "timelinesvg.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace Chainscope;
using namespace Chainscope::Test;

namespace {

const QString Cli = QStringLiteral(CHAINSCOPE_CLI);

// A chain as the views see it: its JSON, and every index it holds resolved through
// `index` to what it names (event ids, times, strings; process keys with their lineage).
// Equal dumps through the whole index and through a snapshot's mean the snapshot serves
// the same tree, timeline, report and "this chain only" list.
QStringList dump(const CaseIndex &index, const Chain &c)
{
    QStringList out;
    out << QString::fromUtf8(QJsonDocument(c.toJson()).toJson(QJsonDocument::Compact));
    const StringPool &s = index.strings;
    const auto event = [&](qint32 i) -> QString {
        if (i < 0)
            return QStringLiteral("-");
        const IndexedEvent &e = index.events().at(i);
        QStringList f {QString::number(e.id), QString::number(e.timeUs), QString::number(e.pid),
            QString::number(e.ppid), QString::number(e.sourceId), QString::number(e.dstPort),
            QString::number(int(e.kind)), QString::number(int(e.platform)), QString::number(e.fork),
            QString::number(e.local), QString::number(e.persistence),
            e.node < 0 ? QString() : index.processKey(e.node)};
        for (const qint32 id :
            {e.host, e.image, e.commandLine, e.target, e.dstIp, e.dstHost, e.signer, e.signatureStatus, e.hashes,
                e.teamId, e.processGuid, e.parentGuid, e.parentImage, e.parentCommandLine})
            f << s.at(id);
        if (e.answers >= 0)
            for (const qint32 ip : index.dnsAnswers().at(e.answers))
                f << s.at(ip);
        return f.join(u'|');
    };
    const auto node = [&](qint32 n) -> QString {
        if (n < 0)
            return QStringLiteral("-");
        const ProcessNode &p = index.process(n);
        QStringList f {index.processKey(n), QString::number(p.ppid), QString::number(p.endUs),
            QString::number(p.startSeen), QString::number(p.execed), s.at(p.image), s.at(p.commandLine),
            QString::number(p.startEventId), QString::number(int(p.platform)), s.at(p.parentReason)};
        for (const qint32 a : index.ancestors(n))
            f << index.processKey(a);
        return f.join(u'|');
    };
    out << node(c.seedNode);
    for (const qint32 n : c.firstRunNodes)
        out << QStringLiteral("first run ") + node(n);
    for (const qint32 n : c.processNodes) {
        out << QStringLiteral("process ") + node(n);
        for (const qint32 i : index.eventsOf(n))
            out << QStringLiteral("  did ") + event(i);
    }
    for (const ChainProcess &p : c.processes)
        out << QStringLiteral("tree ") + node(p.node);
    for (const ChainStage &st : c.stages)
        for (const qint32 i : st.eventIndices)
            out << QStringLiteral("stage ") + event(i);
    for (const Evidence &x : c.evidence)
        out << QStringLiteral("evidence ") + event(x.eventIndex) + u' ' + node(x.node);
    for (const MissingStage &m : c.missingStages)
        out << QStringLiteral("nearest ") + event(m.nearestEvent);
    for (const qint32 i : c.lateEvents)
        out << QStringLiteral("late ") + event(i);
    return out;
}

QStringList dump(const CaseIndex &index, const QList<Chain> &chains)
{
    QStringList out;
    for (const Chain &c : chains)
        out += dump(index, c);
    return out;
}

// Bytes of a snapshot with one UTF-8 occurrence of `from` replaced by `to` (same length).
QByteArray replaced(QByteArray bytes, const QString &from, const QString &to)
{
    const QByteArray a = from.toUtf8();
    const QByteArray b = to.toUtf8();
    const qsizetype at = bytes.indexOf(a);
    if (at < 0 || a.size() != b.size())
        return {};
    bytes.replace(at, a.size(), b);
    return bytes;
}

} // namespace

class Tst_chaincache : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void snapshotShowsWhatTheWholeIndexShows();
    void bytesRoundTrip();
    void chainsHoldOnlyWhatTheyShow();
    void keyFollowsPolicyContentNotVersion();
    void everyChangeOfTheEventsMakesItStale();
    void readingCommandsKeepNothing();
    void chainsOfOldEventsAreNotKept();
    void hashAloneNoticesDamageInsideAString();
    void aKeyKeptAsTextIsAnotherKey();
    void truncatedBytesAreRefused();
    void danglingIndicesAreRefused_data();
    void danglingIndicesAreRefused();
    void hugeCountsAreRefusedWithoutAllocating();
    void analysisShowsKeptChainsThenComputesOnPolicyChange();
    void readOnlyMediaKeepsNothing();

private:
    // A fresh copy of the demo case (every platform), for a test to change.
    QString copyOfCase(const QString &name);

    QTemporaryDir m_dir;
    QString m_case;
    Policy m_policy;
    std::shared_ptr<CaseIndex> m_index;
    QList<Chain> m_chains;
};

void Tst_chaincache::initTestCase()
{
    const QString evidence = m_dir.filePath(QStringLiteral("evidence"));
    const ProcessResult demo = run(Cli, {QStringLiteral("demo"), evidence});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    m_case = m_dir.filePath(QStringLiteral("demo.chainscope"));
    QCOMPARE(run(Cli, {QStringLiteral("new"), m_case}).exitCode, 0);
    QStringList args = {QStringLiteral("import"), m_case};
    args += QString::fromUtf8(demo.out).split(u'\n', Qt::SkipEmptyParts);
    const ProcessResult imported = run(Cli, args);
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    const ProcessResult policy = run(Cli,
        {QStringLiteral("policy"), m_case, QStringLiteral("--load"), evidence + QStringLiteral("/site-policy.json")});
    QVERIFY2(policy.exitCode == 0, policy.err.constData());

    auto store = CaseStore::open(m_case, CaseStore::Access::ReadOnly);
    m_policy = store->policy();
    m_index = std::make_shared<CaseIndex>();
    // Progress: told every 65,536 rows, and once at the end with every row read (log
    // messages are in the total, not read).
    QList<QPair<qint64, qint64>> progress;
    QVERIFY(m_index->load(*store, nullptr, [&](qint64 read, qint64 total) { progress.append({read, total}); }));
    QCOMPARE(progress.size(), 1);
    QCOMPARE(progress.first().second, store->eventCount());
    QCOMPARE(progress.first().first, m_index->loadedEvents() + m_index->duplicatesDropped());
    QVERIFY(progress.first().first < progress.first().second);
    m_chains = Correlator(*m_index).run(m_policy);
    // Something for each part of a snapshot to carry.
    QVERIFY(m_chains.size() >= 5);
    QVERIFY(std::any_of(m_chains.begin(), m_chains.end(), [](const Chain &c) { return !c.missingStages.isEmpty(); }));
    QVERIFY(std::any_of(m_chains.begin(), m_chains.end(), [](const Chain &c) { return c.isFull(); }));
}

QString Tst_chaincache::copyOfCase(const QString &name)
{
    const QString path = m_dir.filePath(name);
    QFile::remove(path);
    if (!QFile::copy(m_case, path))
        return {};
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

void Tst_chaincache::snapshotShowsWhatTheWholeIndexShows()
{
    const ChainSnapshot snapshot = ChainSnapshot::of(*m_index, m_chains);
    QVERIFY(snapshot.index->isPartial());
    QVERIFY(!m_index->isPartial());
    // Only what the chains refer to.
    QVERIFY(snapshot.index->events().size() < m_index->events().size());
    QVERIFY(snapshot.index->processes().size() < m_index->processes().size());
    QCOMPARE(snapshot.chains.size(), m_chains.size());
    QCOMPARE(dump(*snapshot.index, snapshot.chains), dump(*m_index, m_chains));

    // The report and the timelines read the same from either.
    auto store = CaseStore::open(m_case, CaseStore::Access::ReadOnly);
    const QDateTime at = QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC);
    HtmlReport whole(*store, *m_index, m_policy, m_chains);
    whole.setGeneratedAt(at);
    HtmlReport kept(*store, *snapshot.index, m_policy, snapshot.chains);
    kept.setGeneratedAt(at);
    QCOMPARE(kept.render(), whole.render());
    // The report says where its chains came from, and nothing else differs.
    QVERIFY(whole.render().contains(QStringLiteral("Chains: computed")));
    kept.setChainsKept(true);
    const QString keptHtml = kept.render();
    QVERIFY(keptHtml.contains(QStringLiteral("Chains: as the case kept them from its last analysis")));
    QVERIFY(!keptHtml.contains(QStringLiteral("Chains: computed")));
    for (qsizetype i = 0; i < m_chains.size(); ++i)
        QCOMPARE(timelineSvg(snapshot.chains.at(i), *snapshot.index, m_policy),
            timelineSvg(m_chains.at(i), *m_index, m_policy));
}

void Tst_chaincache::bytesRoundTrip()
{
    const ChainSnapshot snapshot = ChainSnapshot::of(*m_index, m_chains);
    const QByteArray bytes = snapshot.toBytes();
    QString error;
    const std::optional<ChainSnapshot> back = ChainSnapshot::fromBytes(bytes, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(dump(*back->index, back->chains), dump(*m_index, m_chains));
    QCOMPARE(back->index->duplicatesDropped(), m_index->duplicatesDropped());
    // Written again, the same bytes: nothing was lost on the way.
    QCOMPARE(back->toBytes(), bytes);
}

// The workbench holds the chains it shows while the next policy's are computed (issue
// 15, its peak memory): the correlator's chains keep no room their lists grew into, and
// chains read back keep one copy of each text the chains repeat.
void Tst_chaincache::chainsHoldOnlyWhatTheyShow()
{
    const auto roomLeft = [](const QList<Chain> &chains) {
        QStringList spare;
        const auto check = [&](const Chain &c, const char *what, qsizetype size, qsizetype capacity) {
            if (capacity != size)
                spare << QStringLiteral("chain %1 %2: %3 of %4")
                             .arg(c.id)
                             .arg(QLatin1String(what))
                             .arg(size)
                             .arg(capacity);
        };
        for (const Chain &c : chains) {
            check(c, "evidence", c.evidence.size(), c.evidence.capacity());
            check(c, "stages", c.stages.size(), c.stages.capacity());
            check(c, "processes", c.processes.size(), c.processes.capacity());
            check(c, "missing stages", c.missingStages.size(), c.missingStages.capacity());
            check(c, "process nodes", c.processNodes.size(), c.processNodes.capacity());
            check(c, "process images", c.processImages.size(), c.processImages.capacity());
            check(c, "first-run nodes", c.firstRunNodes.size(), c.firstRunNodes.capacity());
            check(c, "late events", c.lateEvents.size(), c.lateEvents.capacity());
            for (const QStringList *texts : {&c.mismatches, &c.flags, &c.notes, &c.missing, &c.writtenPaths})
                check(c, "texts", texts->size(), texts->capacity());
            for (const ChainStage &st : c.stages) {
                check(c, "stage event ids", st.eventIds.size(), st.eventIds.capacity());
                // The writes are the correlator's own list, shared, not trimmed.
                if (st.stage != Stage::Write)
                    check(c, "stage events", st.eventIndices.size(), st.eventIndices.capacity());
            }
            for (const ChainProcess &p : c.processes)
                check(c, "roles", p.roles.size(), p.roles.capacity());
        }
        return spare;
    };
    // Lists that grew one item at a time, so that a list left as it grew shows.
    QVERIFY(std::any_of(m_chains.begin(), m_chains.end(), [](const Chain &c) { return c.evidence.size() > 2; }));
    QCOMPARE(roomLeft(m_chains), QStringList());

    const std::optional<ChainSnapshot> back = ChainSnapshot::fromBytes(ChainSnapshot::of(*m_index, m_chains).toBytes());
    QVERIFY(back);
    QCOMPARE(roomLeft(back->chains), QStringList());
    // Each text the chains repeat (roles, images, signers, reasons, approvals) is one
    // string: every equal text read shares the first one's characters.
    QHash<QString, const QChar *> first;
    int repeated = 0;
    for (const Chain &c : back->chains) {
        for (const Evidence &x : c.evidence) {
            for (const QString *text : {&x.role, &x.image, &x.signer, &x.signatureStatus, &x.reason, &x.approvedBy}) {
                if (text->isEmpty())
                    continue;
                const auto seen = first.constFind(*text);
                if (seen == first.cend()) {
                    first.insert(*text, text->constData());
                    continue;
                }
                ++repeated;
                QVERIFY2(seen.value() == text->constData(), qPrintable(*text));
            }
        }
    }
    QVERIFY(repeated > 0);
}

void Tst_chaincache::keyFollowsPolicyContentNotVersion()
{
    const QByteArray key = ChainCache::keyFor(m_policy);
    QCOMPARE(key.size(), 32);
    Policy resaved = m_policy;
    resaved.version += 7;
    QCOMPARE(ChainCache::keyFor(resaved), key);
    Policy wider = m_policy;
    wider.timeWindowUs += 1;
    QVERIFY(ChainCache::keyFor(wider) != key);
    Policy allowed = m_policy;
    allowed.approvedUpdateHosts.append(QStringLiteral("updates.example.org"));
    QVERIFY(ChainCache::keyFor(allowed) != key);
}

void Tst_chaincache::everyChangeOfTheEventsMakesItStale()
{
    const QString path = copyOfCase(QStringLiteral("stale.chainscope"));
    QVERIFY(!path.isEmpty());
    auto store = CaseStore::open(path);
    const QByteArray key = ChainCache::keyFor(m_policy);
    // The CLI kept the chains when the policy was loaded.
    QVERIFY(ChainCache::read(*store, key));
    qint64 generation = store->eventsGeneration();
    QVERIFY(generation > 0);

    // An import.
    SourceInfo info;
    info.path = QStringLiteral("/evidence/late.log");
    info.format = QStringLiteral("auditd");
    const qint64 sid = store->beginSource(info);
    {
        EventWriter writer(*store, sid);
        Event e;
        e.timeUs = 1'770'000'000'000'000;
        e.kind = EventKind::ProcessStart;
        e.platform = Platform::Linux;
        e.pid = 4242;
        e.image = QStringLiteral("/usr/bin/true");
        writer.add(e, writer.addRaw("x"));
        QCOMPARE(store->eventsGeneration(), generation); // not before it commits
        writer.finish({});
    }
    QCOMPARE(store->eventsGeneration(), generation + 1);
    QVERIFY(!store->chainCache());
    QString why;
    QVERIFY(!ChainCache::read(*store, key, &why));

    // Hosts given to the events that had none: the process graph is per host.
    QVERIFY(ChainCache::write(path, key, ++generation, *m_index, m_chains));
    QVERIFY(ChainCache::read(*store, key));
    QCOMPARE(store->assignHost(sid, QStringLiteral("build-07")), 1);
    QCOMPARE(store->eventsGeneration(), ++generation);
    QVERIFY(!ChainCache::read(*store, key));
    // No event changed: nothing goes stale.
    QVERIFY(ChainCache::write(path, key, generation, *m_index, m_chains));
    QCOMPARE(store->assignHost(sid, QStringLiteral("other")), 0);
    QCOMPARE(store->eventsGeneration(), generation);
    QVERIFY(ChainCache::read(*store, key));

    // A dropped source.
    store->dropSource(sid);
    QCOMPARE(store->eventsGeneration(), ++generation);
    QVERIFY(!ChainCache::read(*store, key));

    // An import that never commits changes nothing.
    QVERIFY(ChainCache::write(path, key, generation, *m_index, m_chains));
    {
        EventWriter writer(*store, store->beginSource(info));
        writer.add(Event(), writer.addRaw("y"));
    }
    QCOMPARE(store->eventsGeneration(), generation);
    QVERIFY(ChainCache::read(*store, key));
    // Nor does a file that gave no event.
    {
        EventWriter writer(*store, store->beginSource(info));
        writer.finish({});
    }
    QCOMPARE(store->eventsGeneration(), generation);
    QVERIFY(ChainCache::read(*store, key));
}

void Tst_chaincache::readingCommandsKeepNothing()
{
    const QString path = copyOfCase(QStringLiteral("reading.chainscope"));
    {
        auto store = CaseStore::open(path);
        store->dropSource(store->sources().last().id); // the kept chains go
    }
    for (const QStringList &command : {QStringList {QStringLiteral("chains"), path},
             QStringList {QStringLiteral("report"), path, QStringLiteral("--html"), path + QStringLiteral(".html")}}) {
        const ProcessResult r = run(Cli, command);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
    QVERIFY(!store->chainCache());
    // A policy change is saved in the case: its chains are kept with it.
    const ProcessResult changed
        = run(Cli, {QStringLiteral("policy"), path, QStringLiteral("--set"), QStringLiteral("TimeWindow=3h")});
    QVERIFY2(changed.exitCode == 0, changed.err.constData());
    QVERIFY(ChainCache::read(*store, ChainCache::keyFor(store->policy())));
    // ... and a report made from them says so.
    const QString html = path + QStringLiteral(".kept.html");
    const ProcessResult report = run(Cli, {QStringLiteral("report"), path, QStringLiteral("--html"), html});
    QVERIFY2(report.exitCode == 0, report.err.constData());
    QFile file(html);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(file.readAll()).contains(QStringLiteral("Chains: as the case kept them")));
    QFile first(path + QStringLiteral(".html"));
    QVERIFY(first.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(first.readAll()).contains(QStringLiteral("Chains: computed")));
}

void Tst_chaincache::chainsOfOldEventsAreNotKept()
{
    const QString path = copyOfCase(QStringLiteral("race.chainscope"));
    auto store = CaseStore::open(path);
    const qint64 generation = store->eventsGeneration();
    store->dropSource(store->sources().first().id); // an import committing meanwhile
    QVERIFY(!ChainCache::write(path, ChainCache::keyFor(m_policy), generation, *m_index, m_chains));
    QVERIFY(!store->chainCache());
    QVERIFY(ChainCache::write(path, ChainCache::keyFor(m_policy), generation + 1, *m_index, m_chains));
    QVERIFY(store->chainCache());
    // Chains that already are a snapshot (from the stored index) are kept as they are
    // (the bytes a snapshot of the whole index has), under the same generation check.
    const ChainSnapshot snapshot = ChainSnapshot::of(*m_index, m_chains);
    const QByteArray key = ChainCache::keyFor(m_policy);
    const QByteArray other = key + "-other";
    QVERIFY(ChainCache::write(path, other, generation + 1, *m_index, m_chains)); // the row: another key
    QVERIFY(!ChainCache::write(path, key, generation, snapshot));
    QCOMPARE(store->chainCache()->key, other);
    // Looked for under another key, the row is found without its data.
    QVERIFY(store->chainCacheFor(other) && store->chainCacheFor(key));
    QCOMPARE(store->chainCacheFor(other)->data, store->chainCache()->data);
    QVERIFY(!store->chainCache()->data.isEmpty());
    QCOMPARE(store->chainCacheFor(key)->key, other);
    QVERIFY(store->chainCacheFor(key)->data.isEmpty());
    QVERIFY(ChainCache::write(path, key, generation + 1, snapshot));
    QCOMPARE(store->chainCache()->key, key);
    QCOMPARE(store->chainCache()->data, snapshot.toBytes());
    const std::optional<ChainSnapshot> kept = ChainCache::read(*store, key);
    QVERIFY(kept);
    QCOMPARE(dump(*kept->index, kept->chains), dump(*m_index, m_chains));
}

void Tst_chaincache::hashAloneNoticesDamageInsideAString()
{
    const QString path = copyOfCase(QStringLiteral("damaged.chainscope"));
    auto store = CaseStore::open(path);
    const QByteArray key = ChainCache::keyFor(m_policy);
    const std::optional<StoredChainCache> kept = store->chainCache();
    QVERIFY(kept);
    // One letter of a chain's summary: the bytes still parse, every index is in range.
    const QString summary = m_chains.first().summary;
    QVERIFY(summary.size() > 10);
    QString other = summary;
    other[5] = other.at(5) == u'x' ? u'y' : u'x';
    const QByteArray damaged = replaced(kept->data, summary, other);
    QVERIFY(!damaged.isEmpty());
    const std::optional<ChainSnapshot> parsed = ChainSnapshot::fromBytes(damaged);
    QVERIFY(parsed);
    QCOMPARE(parsed->chains.first().summary, other);

    Statement st(store->database(), "UPDATE chain_cache SET data = ?");
    st.bindBlob(1, damaged).exec();
    QString why;
    QVERIFY(!ChainCache::read(*store, key, &why));
    QVERIFY2(why.contains(QStringLiteral("SHA-256")), qPrintable(why));
    // The intact bytes are read again.
    Statement back(store->database(), "UPDATE chain_cache SET data = ?");
    back.bindBlob(1, kept->data).exec();
    QVERIFY(ChainCache::read(*store, key));
}

void Tst_chaincache::aKeyKeptAsTextIsAnotherKey()
{
    // The key's bytes as TEXT (a hand edit) never equal the BLOB looked for: a miss for
    // another key, not kept chains that look damaged because their data was not read.
    const QString path = copyOfCase(QStringLiteral("textkey.chainscope"));
    auto store = CaseStore::open(path);
    const QByteArray key = ChainCache::keyFor(m_policy);
    QVERIFY(ChainCache::read(*store, key));
    Statement(store->database(), "UPDATE chain_cache SET key = CAST(key AS TEXT)").exec();
    QString why;
    QVERIFY(!ChainCache::read(*store, key, &why));
    QVERIFY2(why.contains(QStringLiteral("another policy")), qPrintable(why));
    Statement(store->database(), "UPDATE chain_cache SET key = CAST(key AS BLOB)").exec();
    QVERIFY(ChainCache::read(*store, key));
}

void Tst_chaincache::truncatedBytesAreRefused()
{
    const QByteArray bytes = ChainSnapshot::of(*m_index, m_chains).toBytes();
    for (qsizetype n = 0; n < bytes.size(); n += n < 64 ? 1 : 61)
        QVERIFY2(!ChainSnapshot::fromBytes(QByteArrayView(bytes).first(n)), qPrintable(QString::number(n)));
    QVERIFY(!ChainSnapshot::fromBytes(bytes + QByteArray(1, '\0'))); // trailing bytes
    QVERIFY(ChainSnapshot::fromBytes(bytes));
}

void Tst_chaincache::danglingIndicesAreRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("offset"); // added to the number of items pointed into
    for (const char *field : {"seed", "evidence event", "evidence process", "nearest miss", "tree process",
             "stage event", "late event", "first run", "chain process"}) {
        QTest::addRow("%s, one past the end", field) << QString::fromLatin1(field) << 0;
        QTest::addRow("%s, far past the end", field) << QString::fromLatin1(field) << 1'000'000;
    }
    QTest::addRow("seed, -2") << QStringLiteral("seed") << -1'000'000'000;
    // -1 is "none" for a seed (a package-log seed has no installer process), never in
    // the lists of a chain's processes and events, which the views follow as they are.
    for (const char *field : {"tree process", "stage event", "late event", "first run", "chain process"})
        QTest::addRow("%s, -1", field) << QString::fromLatin1(field) << -2'000'000'000;
}

void Tst_chaincache::danglingIndicesAreRefused()
{
    QFETCH(QString, field);
    QFETCH(int, offset);
    ChainSnapshot snapshot = ChainSnapshot::of(*m_index, m_chains);
    const qint32 events = offset == -2'000'000'000 ? -1 : qint32(snapshot.index->events().size()) + offset;
    const qint32 nodes = offset == -2'000'000'000 ? -1
        : offset < 0                              ? -2
                                                  : qint32(snapshot.index->processes().size()) + offset;
    // The last index that is still in range is accepted: the check is on the bound.
    const auto damage = [&](Chain &c, bool past) {
        const qint32 e = past ? events : qint32(snapshot.index->events().size()) - 1;
        const qint32 n = past ? nodes : qint32(snapshot.index->processes().size()) - 1;
        if (field == QLatin1String("seed"))
            c.seedNode = n;
        else if (field == QLatin1String("evidence event"))
            c.evidence.first().eventIndex = e;
        else if (field == QLatin1String("evidence process"))
            c.evidence.first().node = n;
        else if (field == QLatin1String("nearest miss"))
            c.missingStages.append({Stage::Egress, QStringLiteral("x"), e, -1, -1});
        else if (field == QLatin1String("tree process"))
            c.processes.append({n, {}, ChainMark::Context, false});
        else if (field == QLatin1String("stage event"))
            c.stages.first().eventIndices.append(e);
        else if (field == QLatin1String("late event"))
            c.lateEvents.append(e);
        else if (field == QLatin1String("first run"))
            c.firstRunNodes.append(n);
        else if (field == QLatin1String("chain process"))
            c.processNodes.append(n);
    };
    ChainSnapshot good = snapshot;
    damage(good.chains.first(), false);
    QVERIFY(ChainSnapshot::fromBytes(good.toBytes()));
    damage(snapshot.chains.first(), true);
    QString error;
    QVERIFY(!ChainSnapshot::fromBytes(snapshot.toBytes(), &error));
    QVERIFY2(error.contains(QStringLiteral("chain")), qPrintable(error));
}

void Tst_chaincache::hugeCountsAreRefusedWithoutAllocating()
{
    const QByteArray bytes = ChainSnapshot::of(*m_index, m_chains).toBytes();
    // Magic, format, duplicates: the string count follows at byte 16.
    for (const qint32 count : {0x7fffffff, -1, 0}) {
        QByteArray damaged = bytes;
        qToLittleEndian(count, damaged.data() + 16);
        QVERIFY(!ChainSnapshot::fromBytes(damaged));
    }
}

void Tst_chaincache::analysisShowsKeptChainsThenComputesOnPolicyChange()
{
    const QString path = copyOfCase(QStringLiteral("analysis.chainscope"));
    ChainAnalysis analysis;
    // Received on this thread (queued): a QSignalSpy records from the worker's thread,
    // and misses a result that comes before its wait() starts.
    QList<QList<Chain>> results;
    QList<std::shared_ptr<const CaseIndex>> indices;
    QStringList errors;
    QObject receiver;
    connect(&analysis, &ChainAnalysis::chainsReady, &receiver,
        [&](const QString &, const QList<Chain> &chains, std::shared_ptr<const CaseIndex> index) {
            results.append(chains);
            indices.append(std::move(index));
        });
    connect(&analysis, &ChainAnalysis::failed, &receiver, [&](const QString &error) { errors.append(error); });
    analysis.load(path, m_policy);
    QTRY_COMPARE_WITH_TIMEOUT(results.size() + errors.size(), 1, 30000);
    QCOMPARE(errors, QStringList());
    QVERIFY(indices.last() && indices.last()->isPartial());
    QCOMPARE(dump(*indices.last(), results.last()), dump(*m_index, m_chains));

    // A change the kept chains do not answer: computed (from the case's stored index,
    // which tst_storedindex follows through the workbench's analysis).
    Policy wider = m_policy;
    wider.timeWindowUs *= 2;
    wider.compile();
    analysis.recompute(wider);
    QTRY_COMPARE_WITH_TIMEOUT(results.size() + errors.size(), 2, 30000);
    QCOMPARE(errors, QStringList());
    QVERIFY(indices.last());
    const QList<Chain> expected = Correlator(*m_index).run(wider);
    QCOMPARE(dump(*indices.last(), results.last()), dump(*m_index, expected));
    // ... and kept for the next open, under the new policy.
    QTRY_VERIFY(analysis.isIdle());
    auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
    QVERIFY(ChainCache::read(*store, ChainCache::keyFor(wider)));
    QVERIFY(!ChainCache::read(*store, ChainCache::keyFor(m_policy)));
}

void Tst_chaincache::readOnlyMediaKeepsNothing()
{
    SmallFileSystem fs(m_dir.filePath(QStringLiteral("media")), 64 * 1024 * 1024);
    if (!fs.isValid())
        QSKIP(qPrintable(fs.whyNot()));
    const QString path = fs.filePath(QStringLiteral("case.chainscope"));
    QVERIFY(QFile::copy(m_case, path));
    {
        auto store = CaseStore::open(path);
        store->dropSource(store->sources().last().id); // the kept chains go
    }
    QVERIFY(fs.remountReadOnly());
    auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
    QVERIFY(!ChainCache::write(path, ChainCache::keyFor(m_policy), store->eventsGeneration(), *m_index, m_chains));
    // The CLI still answers, computing every time.
    const ProcessResult chains = run(Cli, {QStringLiteral("chains"), path});
    QVERIFY2(chains.exitCode == 0, chains.err.constData());
    QVERIFY2(chains.out.startsWith("chain "), chains.out.left(200).constData());
    QVERIFY(!store->chainCache());
}

QTEST_GUILESS_MAIN(Tst_chaincache)
#include "tst_chaincache.moc"
