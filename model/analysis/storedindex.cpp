#include "storedindex.h"

#include "analysisfingerprint.h"
#include "caseindex.h"
#include "casestore.h"
#include "correlator.h"
#include "sqlitedb.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <algorithm>
#include <limits>
#include <numeric>

namespace Chainscope {

namespace {

constexpr qint64 Earliest = std::numeric_limits<qint64>::min();
constexpr qint64 Latest = std::numeric_limits<qint64>::max();

// A run that still missed something reads more; each round reads at least one thing
// it had not, so this bound is never reached by an intact index. A damaged one that
// keeps asking falls back to the whole index.
constexpr int MaxRounds = 200;

// A part's header: facts about its hosts that no walk reaches. Written with the part,
// added to when the part is continued, and read by every computation: one form for all
// three (JSON, which a hostile hand may have changed: what does not have the shape
// written is left out: a count of duplicates that is not one is 0, of images -1).
struct PartHeader
{
    QStringList netHosts; // hosts that had network events
    QList<std::pair<QString, QString>> aliases; // Windows spelling -> the host
    qint64 duplicates = 0; // events dropped as duplicates on the part's hosts
    // How many distinct (image, platform) pairs ix_images holds for the part: installers
    // are found through them, so a table that lost rows would silently lose seeds.
    qint64 images = -1;

    static PartHeader parse(const QByteArray &bytes)
    {
        PartHeader h;
        const QJsonObject o = QJsonDocument::fromJson(bytes).object();
        for (const QJsonValue &host : o.value(QStringLiteral("netHosts")).toArray())
            h.netHosts.append(host.toString());
        for (const QJsonValue &a : o.value(QStringLiteral("hostAliases")).toArray()) {
            const QJsonArray pair = a.toArray();
            if (pair.size() == 2)
                h.aliases.append({pair.at(0).toString(), pair.at(1).toString()});
        }
        h.duplicates = qMax<qint64>(0, o.value(QStringLiteral("duplicates")).toInteger());
        h.images = o.value(QStringLiteral("images")).toInteger(-1);
        return h;
    }

    QByteArray toBytes() const
    {
        QJsonArray alias;
        for (const auto &[spelling, host] : aliases)
            alias.append(QJsonArray {spelling, host});
        QJsonObject o;
        o.insert(QStringLiteral("netHosts"), QJsonArray::fromStringList(netHosts));
        o.insert(QStringLiteral("hostAliases"), alias);
        o.insert(QStringLiteral("duplicates"), duplicates);
        o.insert(QStringLiteral("images"), images);
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
};

// A stored process as the index holds it, its strings interned in `strings`; its parent
// and children are left to the caller (they are stored numbers there).
ProcessNode processNodeOf(const StoredProcess &sp, StringPool &strings)
{
    ProcessNode p;
    p.host = strings.intern(sp.host);
    p.pid = sp.pid;
    p.ppid = sp.ppid;
    p.startUs = sp.startUs;
    p.endUs = sp.endUs;
    p.startSeen = sp.startSeen;
    p.execed = sp.execed;
    p.image = strings.intern(sp.image);
    p.commandLine = strings.intern(sp.commandLine);
    p.startEventId = sp.startEventId;
    p.platform = sp.platform;
    p.parentReason = strings.intern(sp.parentReason);
    return p;
}

} // namespace

QByteArray StoredIndex::version()
{
    return QByteArray(AnalysisFingerprint);
}

qint64 StoredIndex::lookupKey(const QString &host, const QString &path)
{
    quint64 h = 14695981039346656037ULL;
    const auto feed = [&](const QString &s) {
        for (const QChar c : s) {
            h ^= c.unicode();
            h *= 1099511628211ULL;
        }
    };
    feed(host);
    h ^= 0x10000; // not a UTF-16 unit: ("ab", "c") and ("a", "bc") differ
    h *= 1099511628211ULL;
    feed(path);
    return qint64(h);
}

bool StoredIndex::write(CaseStore &store, const CaseIndex &index, qint64 generation, const std::atomic<bool> *cancel)
{
    try {
        return writeRows(store, index, generation, cancel, nullptr);
    } catch (const CaseError &) {
        // Tables a hostile hand changed: the case keeps no stored index, and every
        // computation reads the whole one, as before format 12.
        return false;
    }
}

// A part continued after its last event (StoredIndex::continuePart): its processes the
// new events may touch, read from the stored index, are the first nodes of the index
// that continues it; what they were is kept to write over only those that changed.
struct StoredIndex::Carried
{
    QString part;
    std::optional<qint64> since;
    qint64 lastUs = 0;
    QList<StoredProcess> processes; // nodes 0 … size() - 1, as stored
    QHash<qint64, qint32> children; // stored number -> how many children it has
    QByteArray header;
};

namespace {

// The frontier's form (ix_frontier.state): a CBOR map. Its keys and what they hold,
// strings as the case spells them and processes by their stored numbers.
constexpr qint64 FrontierFormat = 1;
std::atomic<qsizetype> s_maxFrontierBytes {256 * 1024 * 1024};
const QString FrontierKeyFormat = QStringLiteral("format");
const QString FrontierKeyHost = QStringLiteral("windowsHost"); // the part's Windows host name
const QString FrontierKeyLive = QStringLiteral("live"); // [host, pid, process]...
const QString FrontierKeyGuids = QStringLiteral("guids"); // [host, GUID, process]...
const QString FrontierKeyResolved = QStringLiteral("resolved"); // [process, address, name]...
const QString FrontierKeyRecent = QStringLiteral("recent"); // [host, event id, time, command line, process]...

bool sameStoredProcess(const StoredProcess &a, const StoredProcess &b)
{
    return a.node == b.node && a.parent == b.parent && a.childRank == b.childRank && a.host == b.host && a.pid == b.pid
        && a.ppid == b.ppid && a.startUs == b.startUs && a.endUs == b.endUs && a.startSeen == b.startSeen
        && a.execed == b.execed && a.updater == b.updater && a.image == b.image && a.commandLine == b.commandLine
        && a.startEventId == b.startEventId && a.platform == b.platform && a.parentReason == b.parentReason
        && a.createdUs == b.createdUs;
}

} // namespace

qsizetype StoredIndex::maxFrontierBytes()
{
    return s_maxFrontierBytes.load();
}

void StoredIndex::setMaxFrontierBytes(qsizetype bytes)
{
    s_maxFrontierBytes.store(bytes);
}

bool StoredIndex::writeRows(CaseStore &store, const CaseIndex &index, qint64 generation,
    const std::atomic<bool> *cancel, const QStringList *parts, const Carried *carried)
{
    // Millions of rows: a cancel (the window closing) is looked at on the first row and
    // every 65,536 after it, and then nothing is kept.
    qint64 rows = 0;
    bool stopped = false;
    const auto cancelled = [&] {
        if (!stopped && (++rows & 0xffff) == 1 && cancel && cancel->load())
            stopped = true;
        return stopped;
    };
    if (index.isPartial() || index.isDemand() || store.isReadOnly())
        return false;
    const StringPool &s = index.strings;
    const QList<IndexedEvent> &events = index.m_events;
    // Each process is numbered by the event that made it known (StoredProcess::node):
    // the same number and order whichever hosts the index was built from. An index
    // whose events are not the case's rows (ids made by hand, or so large that the
    // number overflows) is not stored. A continued part's carried processes keep the
    // numbers they have.
    const qint32 kept = carried ? qint32(carried->processes.size()) : 0;
    constexpr qint64 MaxEventId = std::numeric_limits<qint64>::max() / 4;
    QList<qint64> numberOf(index.m_nodes.size(), -1);
    QList<qint64> createdUs(index.m_nodes.size(), 0);
    for (qint32 n = 0; n < qint32(index.m_nodes.size()); ++n) {
        if (n < kept) {
            numberOf[n] = carried->processes.at(n).node;
            createdUs[n] = carried->processes.at(n).createdUs;
            continue;
        }
        const qint32 by = index.m_createdBy.value(n, -1);
        if (by < 0 || by >= events.size() || events.at(by).id < 0 || events.at(by).id > MaxEventId)
            return false;
        qint64 sub = 0;
        while (n - sub > kept && index.m_createdBy.at(n - sub - 1) == by)
            ++sub;
        if (sub > 3)
            return false;
        numberOf[n] = events.at(by).id * 4 + sub;
        createdUs[n] = events.at(by).timeUs;
    }
    const auto numberOfNode = [&](qint32 node) {
        return node >= 0 && node < numberOf.size() ? numberOf.at(node) : qint64(-1);
    };
    std::optional<StoredIndexWriter> written;
    if (carried)
        written.emplace(store, StoredIndexWriter::Continue(carried->part, carried->since, carried->lastUs));
    else if (parts)
        written.emplace(store, *parts);
    else
        written.emplace(store);
    StoredIndexWriter &writer = *written;
    if (carried && !writer.isContinuing())
        return false;

    // A child's place among its parent's children; a carried parent's new children come
    // after those it has in the stored index.
    QList<qint32> rank(index.m_nodes.size(), 0);
    for (qint32 n = 0; n < qint32(index.m_nodes.size()); ++n) {
        const ProcessNode &p = index.m_nodes.at(n);
        const qint32 before = n < kept ? carried->children.value(numberOf.at(n)) : 0;
        for (qsizetype i = 0; i < p.children.size(); ++i)
            rank[p.children.at(i)] = before + qint32(i);
    }
    // Rows go in in the order of the tables' keys: a B-tree filled in order is written
    // page after page (three times faster at 5M events than in time order).
    QList<qint32> byNumber(index.m_nodes.size());
    std::iota(byNumber.begin(), byNumber.end(), 0);
    std::sort(byNumber.begin(), byNumber.end(), [&](qint32 a, qint32 b) { return numberOf.at(a) < numberOf.at(b); });
    StoredProcess sp;
    for (const qint32 n : std::as_const(byNumber)) {
        const ProcessNode &p = index.m_nodes.at(n);
        sp.node = numberOf.at(n);
        sp.createdUs = createdUs.at(n);
        sp.parent = numberOfNode(p.parent);
        sp.childRank = rank.at(n);
        sp.host = s.at(p.host);
        sp.pid = p.pid;
        sp.ppid = p.ppid;
        sp.startUs = p.startUs;
        sp.endUs = p.endUs;
        sp.startSeen = p.startSeen;
        sp.execed = p.execed;
        sp.updater = Correlator::isUpdaterByBehaviour(s.at(p.commandLine), p.platform);
        sp.image = s.at(p.image);
        sp.commandLine = s.at(p.commandLine);
        sp.startEventId = p.startEventId;
        sp.platform = p.platform;
        sp.parentReason = s.at(p.parentReason);
        if (n < kept) {
            // A carried process keeps its place unless the new events gave it a parent.
            const StoredProcess &was = carried->processes.at(n);
            if (sp.parent == was.parent)
                sp.childRank = was.childRank;
            if (!sameStoredProcess(sp, was))
                writer.updateProcess(sp);
        } else {
            writer.addProcess(sp);
        }
        if (cancelled())
            return false;
    }
    // Events of no process are not kept: nothing reads them by a process.
    StoredIndexEvent se;
    const auto addEvent = [&](const IndexedEvent &e) {
        if (cancelled())
            return;
        se.eventId = e.id;
        se.node = numberOfNode(e.node);
        se.resolvedDstHost = e.resolvedDst ? s.at(e.dstHost) : QString();
        writer.addEvent(se);
    };
    for (const qint32 n : std::as_const(byNumber)) {
        if (stopped)
            break;
        QList<qint32> byId = index.m_nodeEvents.at(n);
        std::sort(byId.begin(), byId.end(), [&](qint32 a, qint32 b) { return events.at(a).id < events.at(b).id; });
        for (const qint32 i : std::as_const(byId))
            addEvent(events.at(i));
    }
    StoredLookupRow row;
    const auto addRows = [&](StoredLookup what, qint64 key, const QList<qint32> &list) {
        row.what = what;
        row.key = key;
        for (const qint32 i : list) {
            if (cancelled())
                return;
            const IndexedEvent &e = events.at(i);
            row.timeUs = e.timeUs;
            row.eventId = e.id;
            row.node = numberOfNode(e.node);
            row.host = s.at(e.host);
            writer.addLookup(row);
        }
    };
    addRows(StoredLookup::Package, 0, index.m_packageInstalls);
    // By key (each list is in time order already).
    const auto addAll = [&](StoredLookup what, const auto &byKey, auto keyOf) {
        QList<std::pair<qint64, const QList<qint32> *>> keyed;
        keyed.reserve(byKey.size());
        for (auto it = byKey.cbegin(); it != byKey.cend(); ++it)
            keyed.append({keyOf(it.key()), &it.value()});
        if (stopped)
            return;
        std::sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &[key, list] : std::as_const(keyed))
            addRows(what, key, *list);
    };
    const auto pathKeyOf = [&](const QPair<qint32, qint32> &k) {
        return lookupKey(s.at(k.first), s.at(k.second));
    };
    const auto hostKeyOf = [&](qint32 host) {
        return lookupKey(s.at(host));
    };
    addAll(StoredLookup::Exec, index.m_execsByPath, pathKeyOf);
    addAll(StoredLookup::Load, index.m_loadsByPath, pathKeyOf);
    addAll(StoredLookup::Module, index.m_modulesByHost, hostKeyOf);
    addAll(StoredLookup::Fault, index.m_faultsByHost, hostKeyOf);
    if (stopped)
        return false;
    // Each part's header, from the hosts of its events. A part written again whose hosts
    // have no event left has none (its rows went before): as a whole index would write.
    // A continued part adds to the header it had.
    QMap<QString, PartHeader> headers;
    if (carried)
        headers.insert(carried->part, PartHeader::parse(carried->header));
    // Each host's part, and the part's last event: where a later import may continue it.
    QHash<qint32, QString> partOf;
    const auto partOfHost = [&](qint32 host) -> const QString & {
        auto it = partOf.find(host);
        if (it == partOf.end())
            it = partOf.insert(host, CaseStore::indexPartOf(s.at(host)));
        return it.value();
    };
    QHash<QString, qint64> lastOfPart;
    if (carried)
        lastOfPart.insert(carried->part, carried->lastUs);
    for (const IndexedEvent &e : events) {
        const QString &part = partOfHost(e.host);
        const auto last = lastOfPart.constFind(part);
        if (last == lastOfPart.cend() || last.value() < e.timeUs)
            lastOfPart.insert(part, e.timeUs);
    }
    for (auto it = partOf.cbegin(); it != partOf.cend(); ++it) {
        PartHeader &header = headers[it.value()];
        if (index.m_netHosts.contains(it.key()))
            header.netHosts.append(s.at(it.key()));
        // A continued part adds to the count its old header gave, which a hostile hand
        // may have set near the largest number: the sum stops there.
        const qint64 more = index.m_duplicatesByHost.value(it.key());
        header.duplicates = header.duplicates > std::numeric_limits<qint64>::max() - more
            ? std::numeric_limits<qint64>::max()
            : header.duplicates + more;
    }
    for (auto it = index.m_hostAliases.cbegin(); it != index.m_hostAliases.cend(); ++it)
        headers[CaseStore::indexPartOf(s.at(it.key()))].aliases.append({s.at(it.key()), s.at(it.value())});
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        std::sort(it->netHosts.begin(), it->netHosts.end());
        it->netHosts.erase(std::unique(it->netHosts.begin(), it->netHosts.end()), it->netHosts.end());
        std::sort(it->aliases.begin(), it->aliases.end());
        it->aliases.erase(std::unique(it->aliases.begin(), it->aliases.end()), it->aliases.end());
        it->images = carried ? writer.recountImages(it.key()) : writer.distinctImages(it.key());
        writer.setHeader(it.key(), it->toBytes());
    }
    // Each part's frontier: what building it had in hand after its last event, for an
    // import that only adds later events (StoredIndex::continuePart). Only the part's
    // own hosts' entries: no host's index depends on another's.
    // A text that starts with U+FEFF does not come back as it went: the UTF-8 decoder
    // that reads CBOR and the case's text drops a leading byte order mark (a hostile
    // log's double mark, a DNS answer escaped in JSON). A part holding one keeps no
    // frontier: it is written again, never continued to other rows than a whole index's.
    struct Frontier
    {
        QCborArray live, guids, resolved, recent;
        QString windowsHost;
        bool lossy = false;
    };
    QHash<QString, Frontier> frontiers;
    const auto text = [&](Frontier &f, qint32 id) -> const QString & {
        const QString &t = s.at(id);
        f.lossy = f.lossy || t.startsWith(QChar(0xFEFF));
        return t;
    };
    for (const ProcessNode &p : index.m_nodes) {
        Frontier &f = frontiers[partOfHost(p.host)];
        for (const qint32 id : {p.host, p.image, p.commandLine, p.parentReason})
            text(f, id);
    }
    for (auto it = index.m_current.cbegin(); it != index.m_current.cend(); ++it) {
        Frontier &f = frontiers[partOfHost(it.key().first)];
        f.live.append(text(f, it.key().first));
        f.live.append(it.key().second);
        f.live.append(numberOfNode(it.value()));
    }
    for (auto it = index.m_byGuid.cbegin(); it != index.m_byGuid.cend(); ++it) {
        Frontier &f = frontiers[partOfHost(it.key().first)];
        f.guids.append(text(f, it.key().first));
        f.guids.append(text(f, it.key().second));
        f.guids.append(numberOfNode(it.value()));
    }
    for (auto it = index.m_resolved.cbegin(); it != index.m_resolved.cend(); ++it) {
        Frontier &f = frontiers[partOfHost(index.m_nodes.at(it.key().first).host)];
        f.resolved.append(numberOfNode(it.key().first));
        f.resolved.append(text(f, it.key().second));
        f.resolved.append(text(f, it.value()));
    }
    for (auto it = index.m_recentStarts.cbegin(); it != index.m_recentStarts.cend(); ++it) {
        Frontier &f = frontiers[partOfHost(it.key())];
        for (const qint32 i : it.value()) {
            const IndexedEvent &e = events.at(i);
            f.recent.append(text(f, it.key()));
            f.recent.append(e.id);
            f.recent.append(e.timeUs);
            f.recent.append(text(f, e.commandLine));
            f.recent.append(numberOfNode(e.node));
        }
    }
    for (auto it = index.m_windowsHosts.cbegin(); it != index.m_windowsHosts.cend(); ++it) {
        Frontier &f = frontiers[it.key()];
        f.windowsHost = text(f, it.value());
    }
    if (carried && !frontiers.contains(carried->part)) // (its frontier held nothing)
        frontiers.insert(carried->part, Frontier());
    for (auto it = lastOfPart.cbegin(); it != lastOfPart.cend(); ++it) {
        const Frontier f = frontiers.value(it.key());
        QCborMap state;
        state.insert(FrontierKeyFormat, FrontierFormat);
        if (!f.windowsHost.isEmpty())
            state.insert(FrontierKeyHost, f.windowsHost);
        state.insert(FrontierKeyLive, f.live);
        state.insert(FrontierKeyGuids, f.guids);
        state.insert(FrontierKeyResolved, f.resolved);
        state.insert(FrontierKeyRecent, f.recent);
        const QByteArray bytes = state.toCborValue().toCbor();
        // A frontier past what SQLite binds (a host of tens of millions of processes)
        // is not kept: such a part is written again, never continued.
        if (!f.lossy && bytes.size() <= s_maxFrontierBytes.load())
            writer.setFrontier(it.key(), it.value(), bytes);
        else
            writer.dropFrontier(it.key());
    }
    return writer.commit(version(), generation);
}

namespace {

// The case's stored index when this build reads it and it is of the current events.
std::optional<StoredIndexState> currentState(CaseStore &store)
{
    std::optional<StoredIndexState> state = store.storedIndexState();
    if (state
        && (state->version != StoredIndex::version() || state->generation != store.eventsGeneration()
            || state->staleParts != 0))
        state.reset();
    return state;
}

// The plan for the case's stale parts, given its parts and their marks (update() reads
// both once, for the plan and the writing).
std::optional<StoredIndex::UpdatePlan> planOf(CaseStore &store, const QHash<QString, CaseStore::IndexPart> &parts,
    const QHash<QString, std::optional<qint64>> &marks)
{
    StoredIndex::UpdatePlan plan;
    qint64 all = 0;
    for (const CaseStore::IndexPart &part : parts)
        all += part.events;
    QStringList names = marks.keys();
    std::sort(names.begin(), names.end());
    for (const QString &name : std::as_const(names)) {
        const auto it = parts.constFind(name);
        if (it == parts.cend()) {
            plan.emptied.append(name);
            continue;
        }
        // Only imports changed it, and only after its last event: continued from there
        // (the new events are read through the time index; their cost is left out).
        const std::optional<qint64> since = marks.value(name);
        if (since) {
            const std::optional<CaseStore::IndexFrontier> frontier = store.indexFrontier(name);
            if (frontier && *since > frontier->lastUs) {
                plan.continued.append(name);
                continue;
            }
        }
        plan.parts.append(name);
        plan.events += it->sourceEvents;
    }
    // Each part reads every event of its sources; parts that share sources (a file of
    // forwarded events, a SIEM export of many hosts) read them once for each. A whole
    // index reads every event once and writes every part, and writing costs about
    // twice the reading (bench-open: 10 of the 28 s of a whole index are reading): past
    // twice the case's events read, the whole index is the cheaper one.
    if (plan.events > 2 * all)
        return std::nullopt;
    return plan;
}

} // namespace

bool StoredIndex::isCurrent(CaseStore &store)
{
    try {
        return currentState(store).has_value();
    } catch (const CaseError &) {
        // ix_state dropped or unreadable (a hostile hand, a damaged page): no stored
        // index, as for a case that never had one. Callers ask on the window's thread,
        // where an exception would end the program.
        return false;
    }
}

std::optional<StoredIndex::UpdatePlan> StoredIndex::planUpdate(CaseStore &store)
{
    if (store.isReadOnly())
        return std::nullopt;
    const std::optional<StoredIndexState> state = store.storedIndexState();
    if (!state || state->version != version())
        return std::nullopt;
    return planOf(store, store.indexParts(), store.staleIndexMarks());
}

StoredIndex::Update StoredIndex::update(CaseStore &store, const std::atomic<bool> *cancel,
    const std::function<void(qint64 read, qint64 total)> &progress, UpdateStats *stats)
{
    const auto stopped = [cancel] {
        return cancel && cancel->load();
    };
    try {
        if (store.isReadOnly())
            return Update::NotStored;
        const std::optional<StoredIndexState> state = store.storedIndexState();
        if (!state || state->version != version())
            return Update::NotStored;
        const qint64 generation = store.eventsGeneration();
        if (state->generation == generation && state->staleParts == 0)
            return Update::Current;
        const QHash<QString, CaseStore::IndexPart> parts = store.indexParts();
        const QHash<QString, std::optional<qint64>> marks = store.staleIndexMarks();
        const std::optional<UpdatePlan> plan = planOf(store, parts, marks);
        if (!plan)
            return Update::Whole;
        // Only the parts still stale when their rows go (another writer may have written
        // some since they were listed), and only for the generation they were listed at.
        // A continued part's rows stay: only imports changed it, so no event id a drop
        // freed is among its rows.
        std::optional<QStringList> stale = store.clearStoredIndexParts(plan->parts + plan->emptied, generation);
        if (!stale)
            return Update::Failed;
        UpdateStats counted;
        for (const QString &part : plan->continued) {
            qint64 read = 0;
            const auto it = parts.constFind(part);
            switch (continuePart(store, *it, marks.value(part), generation, cancel, {}, &read)) {
            case Continued::Yes:
                counted.continued.append(part);
                counted.newEvents += read;
                if (stats)
                    *stats = counted;
                break;
            case Continued::No: {
                // Written again instead, its rows gone first as the others' went.
                const std::optional<QStringList> again = store.clearStoredIndexParts({part}, generation);
                if (!again)
                    return Update::Failed;
                stale->append(*again);
                break;
            }
            case Continued::Meanwhile:
                break;
            case Continued::Stopped:
                return Update::Stopped;
            case Continued::Failed:
                return Update::Failed;
            }
        }
        qint64 total = 0; // progress counts the events of a part's hosts
        for (const QString &part : *stale)
            total += parts.value(part).events;
        qint64 done = 0;
        // Parts one by one: the memory is that of the largest part's index, and what
        // is written stays written if a later part fails.
        for (const QString &part : *stale) {
            CaseIndex index;
            const auto it = parts.constFind(part);
            if (it != parts.cend()) {
                const auto partProgress = [&](qint64 read, qint64) {
                    if (progress)
                        progress(done + read, total);
                };
                if (!index.loadPart(store, *it, cancel, partProgress))
                    return Update::Stopped;
                done += it->events;
            } else {
                index.build({}); // no event is on its hosts any more: its rows go
            }
            counted.events += index.loadedEvents();
            const QStringList one {part};
            if (!writeRows(store, index, generation, cancel, &one))
                return stopped() ? Update::Stopped : Update::Failed;
            (it != parts.cend() ? counted.parts : counted.emptied).append(part);
            if (stats)
                *stats = counted;
        }
        if (stale->isEmpty() && counted.continued.isEmpty()) {
            // A change of the events that named no host, or parts another writer wrote
            // meanwhile (nothing to write again): the index is of the new generation as
            // it is, when nothing is stale.
            StoredIndexWriter writer(store, QStringList());
            if (!writer.commit(version(), generation))
                return Update::Failed;
        }
        return isCurrent(store) ? Update::Updated : Update::Failed;
    } catch (const CaseError &) {
        // Tables a hostile hand changed: the whole index is written again instead.
        return Update::Failed;
    }
}

StoredIndex::Continued StoredIndex::continuePart(CaseStore &store, const CaseStore::IndexPart &part,
    std::optional<qint64> since, qint64 generation, const std::atomic<bool> *cancel,
    const std::function<void(qint64)> &progress, qint64 *events)
{
    // DET0309's chain does not change with where a file ends: an import of a later
    // collection of a host (the same logs, days on) must give the rows a whole index of
    // every event gives. Building a host's index is one pass over its events in time
    // order; what that pass has in hand after the last event (the frontier) is all the
    // later events can reach, so the pass goes on from there.
    const std::optional<CaseStore::IndexFrontier> frontier = store.indexFrontier(part.name);
    const std::optional<QByteArray> header = store.indexPartHeader(part.name);
    if (!since || !frontier || !header || *since <= frontier->lastUs)
        return Continued::No;
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(frontier->state, &error);
    if (error.error != QCborError::NoError || !value.isMap())
        return Continued::No;
    const QCborMap state = value.toMap();
    const QCborArray live = state.value(FrontierKeyLive).toArray();
    const QCborArray guids = state.value(FrontierKeyGuids).toArray();
    const QCborArray resolved = state.value(FrontierKeyResolved).toArray();
    const QCborArray recent = state.value(FrontierKeyRecent).toArray();
    // Each entry of the types written, whole (T: text, I: integer; toInteger() of a
    // double, which a hostile blob may hold, would be undefined for a NaN), and of this
    // part's hosts, the recent starts no later than the last event: anything else is not
    // what the index had in hand.
    const auto shaped = [&](const QCborArray &entries, const char *types, std::optional<qsizetype> hostAt) {
        const auto width = qsizetype(qstrlen(types));
        if (entries.size() % width != 0)
            return false;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const QCborValue &v = entries.at(i);
            if (types[i % width] == 'T' ? !v.isString() : !v.isInteger())
                return false;
            if (hostAt && i % width == *hostAt && CaseStore::indexPartOf(v.toString()) != part.name)
                return false;
        }
        return true;
    };
    if (state.value(FrontierKeyFormat) != QCborValue(FrontierFormat) || !shaped(live, "TII", 0)
        || !shaped(guids, "TTI", 0) || !shaped(resolved, "ITT", std::nullopt) || !shaped(recent, "TIITI", 0))
        return Continued::No;
    for (qsizetype i = 2; i < recent.size(); i += 5) {
        if (recent.at(i).toInteger() > frontier->lastUs)
            return Continued::No;
    }
    const QString windowsHost = state.value(FrontierKeyHost).toString();
    if (state.contains(FrontierKeyHost)
        && (!state.value(FrontierKeyHost).isString() || CaseStore::indexPartOf(windowsHost) != part.name))
        return Continued::No;

    // The processes the frontier names, and their ancestors (a start joined to a parent
    // is checked not to be the parent's own ancestor). Each is a process the part holds
    // (a real build names only processes): a negative number here, a missing or another
    // part's process below, is not what the index had in hand.
    QList<qint64> wanted;
    for (const auto &[entries, width, at] :
        {std::tuple(&live, 3, 2), std::tuple(&guids, 3, 2), std::tuple(&resolved, 3, 0), std::tuple(&recent, 5, 4)}) {
        for (qsizetype i = at; i < entries->size(); i += width) {
            if (entries->at(i).toInteger() < 0)
                return Continued::No;
            wanted.append(entries->at(i).toInteger());
        }
    }
    StoredIndexReader reader(store);
    QMap<qint64, StoredProcess> read; // by number: the carried nodes' order
    while (!wanted.isEmpty()) {
        QList<qint64> unread;
        for (const qint64 n : std::as_const(wanted)) {
            if (!read.contains(n))
                unread.append(n);
        }
        wanted.clear();
        for (const StoredProcess &sp : reader.processes(unread)) {
            if (CaseStore::indexPartOf(sp.host) != part.name)
                return Continued::No; // a process of another part: damaged
            read.insert(sp.node, sp);
            if (sp.parent >= 0)
                wanted.append(sp.parent);
        }
        for (const qint64 n : std::as_const(unread)) {
            if (!read.contains(n))
                return Continued::No; // a process the stored index does not hold
        }
    }

    CaseIndex index;
    Carried carried;
    carried.part = part.name;
    carried.since = since;
    carried.lastUs = frontier->lastUs;
    carried.header = *header;
    carried.processes = read.values();
    carried.children = reader.childCounts(read.keys());
    StringPool &s = index.strings;
    QHash<qint64, qint32> nodeOf; // stored number -> node
    for (const StoredProcess &sp : std::as_const(carried.processes)) {
        nodeOf.insert(sp.node, qint32(index.m_nodes.size()));
        index.m_nodes.append(processNodeOf(sp, s));
        index.m_createdBy.append(-1);
        index.m_nodeEvents.append(QList<qint32>());
    }
    // Parents after every node is there; children stay with the stored index (counted
    // in carried.children), the new ones are appended.
    for (qsizetype n = 0; n < carried.processes.size(); ++n)
        index.m_nodes[n].parent = nodeOf.value(carried.processes.at(n).parent, -1);
    const auto node = [&](const QCborValue &v) {
        return nodeOf.value(v.toInteger(-1), -1);
    };
    for (qsizetype i = 0; i < live.size(); i += 3)
        index.m_current.insert({s.intern(live.at(i).toString()), live.at(i + 1).toInteger()}, node(live.at(i + 2)));
    for (qsizetype i = 0; i < guids.size(); i += 3)
        index.m_byGuid.insert(
            {s.intern(guids.at(i).toString()), s.intern(guids.at(i + 1).toString())}, node(guids.at(i + 2)));
    for (qsizetype i = 0; i < resolved.size(); i += 3)
        index.m_resolved.insert(
            {node(resolved.at(i)), s.intern(resolved.at(i + 1).toString())}, s.intern(resolved.at(i + 2).toString()));
    // The starts an orphan after the frontier may still be joined to: events of the
    // index before its first new one, never built again nor written.
    for (qsizetype i = 0; i < recent.size(); i += 5) {
        IndexedEvent e;
        e.host = s.intern(recent.at(i).toString());
        e.id = recent.at(i + 1).toInteger();
        e.timeUs = recent.at(i + 2).toInteger();
        e.commandLine = s.intern(recent.at(i + 3).toString());
        e.node = node(recent.at(i + 4));
        e.kind = EventKind::ProcessStart;
        index.m_recentStarts[e.host].append(qint32(index.m_events.size()));
        index.m_events.append(e);
    }
    const qint32 first = qint32(index.m_events.size());

    // The new events, their Windows host named as the part's is (a spelling that sorts
    // before it would rename the host in every row: the part is written again).
    QHash<QString, qint32> windowsHosts;
    if (!windowsHost.isEmpty())
        windowsHosts.insert(part.name, s.intern(windowsHost));
    QList<IndexedEvent> fresh;
    QHash<qint32, qint32> sameHost;
    const auto readProgress = [&](qint64 n, qint64) {
        if (progress)
            progress(n);
    };
    const bool complete
        = index.readPartAfter(store, part, frontier->lastUs, cancel, readProgress, fresh, windowsHosts, sameHost);
    if (!complete)
        return Continued::Stopped;
    if (!windowsHost.isEmpty() && s.at(windowsHosts.value(part.name)) != windowsHost)
        return Continued::No;
    *events = fresh.size();
    index.m_events.append(fresh);
    fresh.clear();
    index.m_hostAliases = std::move(sameHost);
    index.m_windowsHosts = std::move(windowsHosts);
    index.buildFrom(first);

    const QStringList one {part.name};
    if (writeRows(store, index, generation, cancel, &one, &carried))
        return Continued::Yes;
    if (cancel && cancel->load())
        return Continued::Stopped;
    // Another writer wrote the part since it was listed (its mark is gone or changed).
    return store.isIndexPartAt(part.name, since, frontier->lastUs) ? Continued::Failed : Continued::Meanwhile;
}

// Reads the stored index piece by piece and builds demand indexes of what it read.
class StoredIndex::Reader
{
public:
    Reader(CaseStore &store, const std::atomic<bool> *cancel)
        : m_store(store)
        , m_queries(store)
        , m_cancel(cancel)
    {
    }

    bool start(const Policy &policy, InstallerDecisions &decisions, QString *why);
    // Reads what a run over the last assembled index missed. False when it read
    // nothing new (the stored index cannot answer).
    bool read(const CaseIndex::Missing &missing);
    std::unique_ptr<CaseIndex> assemble();
    // Lets go of what was read, once the last assembled index holds all of it that the
    // chains need: the snapshot taken of them then is built beside that index only.
    void release();

    qint64 eventsRead() const { return m_events.size(); }
    // The stored number of each process of the last assembled index.
    const QList<qint64> &storedNumbers() const { return m_storedOf; }
    bool isDamaged() const { return m_damaged; }
    qint64 processesRead() const { return m_nodes.size(); }

private:
    struct Node
    {
        ProcessNode process; // parent: see `parent`
        qint64 parent = -1; // the stored number; -1 when none
        qint64 createdUs = 0; // StoredProcess::createdUs: with the number, the order
        qint32 rank = 0;
        quint8 loaded = 0; // CaseIndex::NodeLoaded
    };
    struct Pending
    {
        qint64 node = -1;
        QString resolvedDstHost;
    };

    void addProcesses(const QList<StoredProcess> &processes);
    // Reads the processes not read yet, and their ancestors.
    void readProcesses(QList<qint64> nodes);
    // The events a read step found are asked for together, in id order, at its end:
    // rows of one page of the events table are then read one after another (and the
    // page copied once), instead of once for each process and path that names them.
    void wantEvent(qint64 id, const Pending &p);
    void readWantedEvents();
    bool readEventsOf(const QList<qint64> &nodes);
    // Reads the whole subtrees below `roots` (stored numbers) not read yet, and adds
    // their processes to `eventsOf`.
    bool readSubtrees(const QList<qint64> &roots, QList<qint64> &eventsOf);
    // Returns the rows read.
    QList<StoredLookupRow> readLookup(StoredLookup what, qint64 key, qint64 fromUs, qint64 untilUs);
    void readAhead();
    // Reads every exec and load of (host, path key) once; returns the execs (none when
    // they were read before).
    QList<StoredLookupRow> readRuns(const QPair<QString, QString> &path);

    CaseStore &m_store;
    StoredIndexReader m_queries;
    const std::atomic<bool> *m_cancel = nullptr;
    StringPool m_strings;
    QList<QList<qint32>> m_answers;
    QHash<qint32, bool> m_loopback;
    QHash<QString, QString> m_aliases; // Windows host spelling -> the host
    QHash<qint64, Node> m_nodes; // by stored number
    QHash<qint64, IndexedEvent> m_events; // by event id (node: unset)
    QHash<qint64, qint64> m_nodeOfEvent; // event id -> stored number
    QHash<qint64, Pending> m_wanted; // events to read at the end of the step
    QSet<QPair<QString, QString>> m_paths;
    QHash<QString, QList<std::pair<qint64, qint64>>> m_modules;
    QHash<QString, QList<std::pair<qint64, qint64>>> m_faults;
    QStringList m_netHosts;
    qint64 m_duplicates = 0;
    QList<qint64> m_storedOf; // node of the last assembled index -> stored number
    bool m_damaged = false;
};

using Reader = StoredIndex::Reader;

void Reader::release()
{
    m_strings = StringPool();
    m_answers = {};
    m_nodes = {};
    m_events = {};
    m_nodeOfEvent = {};
    m_wanted = {};
    m_paths = {};
    m_modules = {};
    m_faults = {};
    m_netHosts = {};
    m_storedOf = {};
}

namespace {

// Time ranges (both ends included) sorted by start, overlapping ones joined: what
// CaseIndex::demandCovers searches. Thousands of update sessions on a host ask for
// thousands of ranges.
QList<std::pair<qint64, qint64>> merged(QList<std::pair<qint64, qint64>> ranges)
{
    std::sort(ranges.begin(), ranges.end());
    QList<std::pair<qint64, qint64>> out;
    for (const auto &r : std::as_const(ranges)) {
        if (!out.isEmpty() && r.first <= out.last().second)
            out.last().second = std::max(out.last().second, r.second);
        else
            out.append(r);
    }
    return out;
}

} // namespace

void Reader::addProcesses(const QList<StoredProcess> &processes)
{
    for (const StoredProcess &sp : processes) {
        if (m_nodes.contains(sp.node))
            continue;
        Node n;
        n.process = processNodeOf(sp, m_strings);
        n.parent = sp.parent;
        n.createdUs = sp.createdUs;
        n.rank = sp.childRank;
        m_nodes.insert(sp.node, n);
    }
}

void Reader::readProcesses(QList<qint64> nodes)
{
    // The ancestors of every process read: lineage (seed coverage, the tree's path to
    // the root) is walked upwards without asking.
    while (!nodes.isEmpty()) {
        QList<qint64> wanted;
        for (const qint64 n : std::as_const(nodes)) {
            if (n >= 0 && !m_nodes.contains(n))
                wanted.append(n);
        }
        std::sort(wanted.begin(), wanted.end());
        wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
        if (wanted.isEmpty())
            return;
        const QList<StoredProcess> read = m_queries.processes(wanted);
        addProcesses(read);
        nodes.clear();
        for (const StoredProcess &sp : read)
            nodes.append(sp.parent);
        // A number the table does not hold is a damaged index: it stays unknown (its
        // events get no process) instead of being asked for again.
        for (const qint64 n : std::as_const(wanted)) {
            if (!m_nodes.contains(n)) {
                Node missing;
                missing.process.startSeen = false;
                missing.loaded = CaseIndex::EventsLoaded | CaseIndex::SubtreeLoaded;
                m_nodes.insert(n, missing);
            }
        }
    }
}

void Reader::wantEvent(qint64 id, const Pending &p)
{
    if (m_events.contains(id))
        return;
    // A process's own list (ix_events) may name the destination the index resolved; a
    // lookup row never does (none is of a connection). The one that does is kept.
    Pending &wanted = m_wanted[id];
    if (wanted.node < 0 || !p.resolvedDstHost.isEmpty())
        wanted = p;
}

void Reader::readWantedEvents()
{
    const QHash<qint64, Pending> pending = std::exchange(m_wanted, {});
    QList<qint64> ids = pending.keys();
    if (ids.isEmpty())
        return;
    std::sort(ids.begin(), ids.end());
    QList<qint64> nodes;
    m_queries.forEachEventById(ids, [&](const IndexedEventRow &r) {
        if (m_cancel && m_cancel->load())
            return false;
        IndexedEvent e = CaseIndex::eventFromRow(r, m_strings, m_answers, m_loopback);
        if (e.platform == Platform::Windows && !m_aliases.isEmpty()) {
            const auto alias = m_aliases.constFind(m_strings.at(e.host));
            if (alias != m_aliases.cend())
                e.host = m_strings.intern(alias.value());
        }
        const Pending p = pending.value(r.id);
        m_nodeOfEvent.insert(e.id, p.node);
        if (!p.resolvedDstHost.isEmpty() && e.kind == EventKind::NetConnect && e.dstHost == 0) {
            e.dstHost = m_strings.intern(p.resolvedDstHost);
            e.resolvedDst = true;
        }
        nodes.append(p.node);
        m_events.insert(e.id, e);
        return true;
    });
    readProcesses(nodes);
}

bool Reader::readEventsOf(const QList<qint64> &nodes)
{
    bool progressed = false;
    for (const qint64 n : nodes) {
        auto it = m_nodes.find(n);
        if (it == m_nodes.end() || (it->loaded & CaseIndex::EventsLoaded))
            continue;
        it->loaded |= CaseIndex::EventsLoaded;
        progressed = true;
        const QList<StoredIndexEvent> events = m_queries.eventsOf(n);
        for (const StoredIndexEvent &e : events)
            wantEvent(e.eventId, {n, e.resolvedDstHost});
        // A process is always among the processes of the event that started it: a
        // stored index without it was damaged (emptied tables still parse).
        const qint64 start = it->process.startEventId;
        if (start >= 0 && std::none_of(events.cbegin(), events.cend(), [start](const StoredIndexEvent &e) {
                return e.eventId == start;
            }))
            m_damaged = true;
    }
    return progressed;
}

QList<StoredLookupRow> Reader::readLookup(StoredLookup what, qint64 key, qint64 fromUs, qint64 untilUs)
{
    const QList<StoredLookupRow> rows = m_queries.lookup(what, key, fromUs, untilUs);
    for (const StoredLookupRow &row : rows)
        wantEvent(row.eventId, {row.node, QString()});
    return rows;
}

QList<StoredLookupRow> Reader::readRuns(const QPair<QString, QString> &path)
{
    if (m_paths.contains(path))
        return {};
    m_paths.insert(path);
    const qint64 key = StoredIndex::lookupKey(path.first, path.second);
    QList<StoredLookupRow> execs = readLookup(StoredLookup::Exec, key, Earliest, Latest);
    readLookup(StoredLookup::Load, key, Earliest, Latest);
    return execs;
}

void Reader::readAhead()
{
    // What the first runs would ask next, read before them: each round is a whole
    // correlator run, so reading ahead saves rounds (never correctness: whatever a run
    // still misses is read after it). The signature faults of the candidates' hosts
    // (few; read whole), the execs and loads of every file the candidates' subtrees
    // wrote, and the subtree of the first process each such file started after it was
    // written (the first run the correlator looks for).
    QSet<QString> hosts;
    QHash<QPair<QString, QString>, qint64> written; // -> first write
    for (const Node &n : std::as_const(m_nodes)) {
        if (n.loaded & CaseIndex::SubtreeLoaded)
            hosts.insert(m_strings.at(n.process.host));
    }
    for (const IndexedEvent &e : std::as_const(m_events)) {
        if ((e.kind == EventKind::FileWrite || e.kind == EventKind::FileRename) && e.target != 0) {
            const QPair<QString, QString> path(m_strings.at(e.host), CaseIndex::lookupPathOf(m_strings.at(e.target)));
            const auto it = written.find(path);
            if (it == written.end())
                written.insert(path, e.timeUs);
            else
                *it = qMin(*it, e.timeUs);
        }
    }
    for (const QString &host : std::as_const(hosts)) {
        readLookup(StoredLookup::Fault, StoredIndex::lookupKey(host), Earliest, Latest);
        m_faults[host] = {{Earliest, Latest}};
    }
    QList<qint64> started;
    for (auto it = written.cbegin(); it != written.cend(); ++it) {
        for (const StoredLookupRow &row : readRuns(it.key())) {
            if (row.timeUs >= it.value()) {
                started.append(row.node);
                break;
            }
        }
    }
    // The runs' events (and so their processes) are read only at the end: the
    // processes that start the subtrees are read now.
    readProcesses(started);
    QList<qint64> eventsOf;
    readSubtrees(started, eventsOf);
    readEventsOf(eventsOf);
    readWantedEvents();
}

bool Reader::start(const Policy &policy, InstallerDecisions &decisions, QString *why)
{
    const std::optional<StoredIndexState> state = currentState(m_store);
    if (!state) {
        if (why)
            *why = QStringLiteral("the case holds no stored index for its current events");
        return false;
    }
    // The parts' headers together: what the whole index's would say.
    qint64 images = 0;
    for (const QByteArray &bytes : state->headers) {
        const PartHeader header = PartHeader::parse(bytes);
        m_netHosts += header.netHosts;
        for (const auto &[spelling, host] : header.aliases)
            m_aliases.insert(spelling, host);
        if (m_duplicates <= std::numeric_limits<qint64>::max() - header.duplicates)
            m_duplicates += header.duplicates;
        if (header.images < 0 || images > std::numeric_limits<qint64>::max() - header.images)
            m_damaged = true;
        else
            images += header.images;
    }

    // Every process any run could take for a seed: installers by the policy's lists
    // (decided per distinct image, and per command line only where the policy needs
    // the arguments, as Correlator::findSeeds decides) and updaters by behaviour.
    QList<StoredProcess> candidates = m_queries.updaterProcesses();
    if (m_queries.imageRows() != images)
        m_damaged = true;
    for (const auto &[image, platform] : m_queries.processImages()) {
        if (policy.installerNeedsArguments(image, platform)) {
            QSet<QString> installing;
            for (const QString &commandLine : m_queries.commandLines(image, platform)) {
                if (decisions.isInstaller(image, commandLine, platform, true))
                    installing.insert(commandLine);
            }
            if (installing.isEmpty())
                continue;
            for (const StoredProcess &p : m_queries.processesWithImage(image, platform)) {
                if (installing.contains(p.commandLine))
                    candidates.append(p);
            }
        } else if (decisions.isInstaller(image, QString(), platform, false)) {
            candidates.append(m_queries.processesWithImage(image, platform));
        }
    }
    addProcesses(candidates);
    QList<qint64> parents;
    QList<qint64> roots;
    for (const StoredProcess &p : std::as_const(candidates)) {
        parents.append(p.parent);
        roots.append(p.node);
    }
    readProcesses(parents);
    // Every run walks each seed's subtree first: read now, not after a run that finds
    // them missing.
    QList<qint64> eventsOf;
    readSubtrees(roots, eventsOf);
    readEventsOf(eventsOf);
    // What readAhead() looks at first: the files the candidates' subtrees wrote.
    readWantedEvents();
    // Package-log events join the installer running at the time, or make seeds.
    readLookup(StoredLookup::Package, 0, Earliest, Latest);
    readAhead();
    return true;
}

bool Reader::readSubtrees(const QList<qint64> &roots, QList<qint64> &eventsOf)
{
    // A subtree is read whole, with the events of its processes: the walks below a
    // seed or a first run look at what those processes did next.
    bool progressed = false;
    for (const qint64 root : roots) {
        if (m_cancel && m_cancel->load())
            return progressed;
        auto it = m_nodes.find(root);
        if (it == m_nodes.end() || (it->loaded & CaseIndex::SubtreeLoaded))
            continue;
        it->loaded |= CaseIndex::SubtreeLoaded;
        progressed = true;
        eventsOf.append(root);
        const QList<StoredProcess> below = m_queries.subtree(root);
        addProcesses(below);
        QList<qint64> parents;
        for (const StoredProcess &p : below) {
            m_nodes[p.node].loaded |= CaseIndex::SubtreeLoaded;
            parents.append(p.parent);
            eventsOf.append(p.node);
        }
        readProcesses(parents);
    }
    return progressed;
}

bool Reader::read(const CaseIndex::Missing &missing)
{
    bool progressed = false;
    const auto stored = [&](qint32 node) {
        return node >= 0 && node < m_storedOf.size() ? m_storedOf.at(node) : qint64(-1);
    };
    QList<qint64> eventsOf;
    for (const qint32 n : missing.events)
        eventsOf.append(stored(n));
    QList<qint64> roots;
    for (const qint32 n : missing.children)
        roots.append(stored(n));
    progressed = readSubtrees(roots, eventsOf) || progressed;
    progressed = readEventsOf(eventsOf) || progressed;
    for (const QPair<QString, QString> &path : missing.paths) {
        if (!m_paths.contains(path)) {
            readRuns(path);
            progressed = true;
        }
    }
    // The runs missed only ranges their index did not hold; those of one host in
    // one round are joined where they overlap, and each is read once.
    const auto readRanges = [&](const QList<CaseIndex::Missing::Range> &ranges, StoredLookup what,
                                QHash<QString, QList<std::pair<qint64, qint64>>> &read) {
        QHash<QString, QList<std::pair<qint64, qint64>>> wanted;
        for (const CaseIndex::Missing::Range &r : ranges)
            wanted[r.host].append({r.fromUs, r.untilUs});
        for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
            const qint64 key = StoredIndex::lookupKey(it.key());
            for (const auto &[from, until] : merged(it.value()))
                readLookup(what, key, from, until);
            QList<std::pair<qint64, qint64>> &done = read[it.key()];
            done = merged(done + it.value());
            progressed = true;
        }
    };
    readRanges(missing.modules, StoredLookup::Module, m_modules);
    readRanges(missing.faults, StoredLookup::Fault, m_faults);
    readWantedEvents();
    return progressed;
}

std::unique_ptr<CaseIndex> Reader::assemble()
{
    auto index = std::make_unique<CaseIndex>();
    CaseIndex &ix = *index;
    ix.strings = m_strings;
    ix.m_demand = true;
    ix.m_duplicates = m_duplicates;
    ix.m_dnsAnswers = m_answers;

    // In the order a pass over every event would have made the processes: by the time
    // of the event that made each known, then by number (StoredProcess::node).
    m_storedOf = m_nodes.keys();
    std::sort(m_storedOf.begin(), m_storedOf.end(), [this](qint64 a, qint64 b) {
        const qint64 ta = m_nodes.constFind(a)->createdUs;
        const qint64 tb = m_nodes.constFind(b)->createdUs;
        return ta != tb ? ta < tb : a < b;
    });
    QHash<qint64, qint32> nodeOf; // stored number -> node
    nodeOf.reserve(m_nodes.size());
    for (qint32 n = 0; n < qint32(m_storedOf.size()); ++n)
        nodeOf.insert(m_storedOf.at(n), n);
    ix.m_nodes.reserve(m_nodes.size());
    ix.m_nodeLoaded.reserve(m_nodes.size());
    QList<QList<std::pair<qint32, qint32>>> children(m_nodes.size()); // (rank, node)
    for (const qint64 number : std::as_const(m_storedOf)) {
        const auto it = m_nodes.constFind(number);
        ProcessNode p = it->process;
        p.parent = nodeOf.value(it->parent, -1);
        const auto node = qint32(ix.m_nodes.size());
        // A damaged table could make a process its own ancestor: no such link.
        if (p.parent == node)
            p.parent = -1;
        if (p.parent >= 0)
            children[p.parent].append({it->rank, node});
        ix.m_nodes.append(p);
        ix.m_nodeLoaded.append(it->loaded);
    }
    // Cycles through several processes (a damaged table) are cut where a walk up
    // would come back. Each process is walked past once (a chain of a million execs of
    // one pid is a million deep): 1 while on the current walk, 2 once known to reach a
    // root.
    {
        QList<quint8> state(ix.m_nodes.size(), 0);
        QList<qint32> walk;
        for (qint32 n = 0; n < qint32(ix.m_nodes.size()); ++n) {
            walk.clear();
            qint32 at = n;
            while (at >= 0 && state.at(at) == 0) {
                state[at] = 1;
                walk.append(at);
                const qint32 parent = ix.m_nodes.at(at).parent;
                if (parent >= 0 && state.at(parent) == 1) {
                    children[parent].removeIf([at](const std::pair<qint32, qint32> &c) { return c.second == at; });
                    ix.m_nodes[at].parent = -1;
                    break;
                }
                at = parent;
            }
            for (const qint32 w : std::as_const(walk))
                state[w] = 2;
        }
    }
    for (qint32 n = 0; n < qint32(children.size()); ++n) {
        QList<std::pair<qint32, qint32>> &list = children[n];
        std::sort(list.begin(), list.end());
        for (const auto &c : std::as_const(list))
            ix.m_nodes[n].children.append(c.second);
    }

    ix.m_events.reserve(m_events.size());
    for (const IndexedEvent &e : std::as_const(m_events))
        ix.m_events.append(e);
    std::sort(ix.m_events.begin(), ix.m_events.end(), [](const IndexedEvent &a, const IndexedEvent &b) {
        return a.timeUs != b.timeUs ? a.timeUs < b.timeUs : a.id < b.id;
    });
    ix.m_nodeEvents.resize(ix.m_nodes.size());
    for (qint32 i = 0; i < qint32(ix.m_events.size()); ++i) {
        IndexedEvent &e = ix.m_events[i];
        e.node = nodeOf.value(m_nodeOfEvent.value(e.id, -1), -1);
        if (e.node >= 0)
            ix.m_nodeEvents[e.node].append(i);
        if (e.target != 0)
            ix.pathKey(e.target);
        ix.addLookups(i);
    }
    for (const QPair<QString, QString> &path : std::as_const(m_paths))
        ix.m_pathsLoaded.insert({ix.strings.intern(path.first), ix.strings.intern(path.second)});
    for (auto it = m_modules.cbegin(); it != m_modules.cend(); ++it)
        ix.m_modulesLoaded.insert(ix.strings.intern(it.key()), merged(it.value()));
    for (auto it = m_faults.cbegin(); it != m_faults.cend(); ++it)
        ix.m_faultsLoaded.insert(ix.strings.intern(it.key()), merged(it.value()));
    for (const QString &h : std::as_const(m_netHosts))
        ix.m_netHosts.insert(ix.strings.intern(h));
    return index;
}

namespace {

// Moves known chains from the index they were computed over (of which only the id of
// each event and the stored number of each process are kept: the index itself is gone
// before the next one is built) to the next, larger one: events by id, processes by
// stored number (both indexes hold every event and process the chains name).
void renumber(QHash<int, std::optional<Chain>> &known, const QList<qint64> &fromEventIds,
    const QList<qint64> &fromStored, const CaseIndex &to, const QList<qint64> &toStored)
{
    QHash<qint64, qint32> eventAt;
    eventAt.reserve(to.events().size());
    for (qint32 i = 0; i < qint32(to.events().size()); ++i)
        eventAt.insert(to.events().at(i).id, i);
    QHash<qint64, qint32> nodeAt;
    nodeAt.reserve(toStored.size());
    for (qint32 n = 0; n < qint32(toStored.size()); ++n)
        nodeAt.insert(toStored.at(n), n);
    const auto event = [&](qint32 i) {
        return i >= 0 && i < fromEventIds.size() ? eventAt.value(fromEventIds.at(i), -1) : -1;
    };
    const auto node = [&](qint32 n) {
        return n >= 0 && n < fromStored.size() ? nodeAt.value(fromStored.at(n), -1) : -1;
    };
    for (std::optional<Chain> &c : known) {
        if (c)
            c->remap(event, node);
    }
}

} // namespace

std::optional<ChainSnapshot> StoredIndex::compute(
    CaseStore &store, const Policy &policy, const std::atomic<bool> *cancel, QString *why, Stats *stats)
{
    const auto cancelled = [cancel] {
        return cancel && cancel->load();
    };
    const auto fail = [why](const QString &reason) {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    try {
        // One read transaction: an import that commits meanwhile (and removes the stored
        // index with it) is not seen half way.
        Transaction reading(store.database(), false);
        Stats counted;
        QElapsedTimer clock;
        clock.start();
        const auto lap = [&clock](double &into) {
            into += double(clock.nsecsElapsed()) / 1e9;
            clock.restart();
        };
        Reader reader(store, cancel);
        // The reader's choice of candidates and each run's findSeeds() ask the same.
        InstallerDecisions decisions(policy);
        const bool started = reader.start(policy, decisions, why);
        lap(counted.readSeconds);
        if (!started || cancelled())
            return std::nullopt;
        // Seeds whose walks missed nothing keep their chains from one run to the next:
        // their answers do not change when more is read, only the numbering does. Kept
        // in the numbering of the index they were computed over.
        QHash<int, std::optional<Chain>> known;
        QList<std::pair<qint64, qint64>> knownSeeds; // who the seeds were (stored number, first install event)
        // Of the index of the round before: each event's id and each node's stored number.
        QList<qint64> previousEventIds;
        QList<qint64> previousStored;
        const auto seedsOf = [&reader](const Correlator &c) {
            QList<std::pair<qint64, qint64>> seeds;
            const QList<qint64> &stored = reader.storedNumbers();
            for (const auto &[node, event] : c.seedIdentities())
                seeds.append({node >= 0 && node < stored.size() ? stored.at(node) : qint64(-1), event});
            return seeds;
        };
        for (int round = 1; round <= MaxRounds && !reader.isDamaged(); ++round) {
            std::unique_ptr<CaseIndex> index = reader.assemble();
            if (!known.isEmpty())
                renumber(known, previousEventIds, previousStored, *index, reader.storedNumbers());
            lap(counted.assembleSeconds);
            std::optional<Correlator> correlator(std::in_place, *index);
            correlator->setKnown(known);
            correlator->setInstallerDecisions(&decisions);
            QList<Chain> chains = correlator->run(policy, cancel);
            // Results are carried by the seed's place: only onto the same seeds. A case
            // whose tables a hostile hand changed can show a seed only once more is
            // read; then nothing is carried (the same index, walked again in full).
            if (!known.isEmpty() && !cancelled() && seedsOf(*correlator) != knownSeeds) {
                known.clear();
                correlator.emplace(*index);
                correlator->setInstallerDecisions(&decisions);
                chains = correlator->run(policy, cancel);
            }
            counted.seedsKept += known.size();
            if (cancelled())
                return std::nullopt;
            counted.rounds = round;
            counted.events = reader.eventsRead();
            counted.processes = reader.processesRead();
            // The snapshot reads more (every event of the chains' processes), but only
            // a run that missed nothing has chains worth taking it of.
            if (index->missing().isEmpty()) {
                // What the run kept for a next one (its walks, the chains carried in)
                // and what the reader read go first, and the chains move into the
                // snapshot: the workbench holds the chains it shows while this runs
                // (issue 15, its peak memory).
                correlator.reset();
                known.clear();
                reader.release();
                std::optional<ChainSnapshot> snapshot = ChainSnapshot::of(*index, std::move(chains));
                lap(counted.correlateSeconds);
                if (stats)
                    *stats = counted;
                return snapshot;
            }
            lap(counted.correlateSeconds);
            if (stats)
                *stats = counted;
            known.clear();
            if (!index->missing().outsideSeeds) {
                // Moved, not copied: this round's chains are dropped below.
                QHash<int, Chain *> byId;
                for (Chain &c : chains)
                    byId.insert(c.id, &c);
                knownSeeds = seedsOf(*correlator);
                for (int i = 0; i < correlator->seedCount(); ++i) {
                    if (index->missing().seeds.contains(i))
                        continue;
                    Chain *c = byId.value(i + 1);
                    known.insert(i, c ? std::optional<Chain>(std::move(*c)) : std::nullopt);
                }
            }
            previousStored = reader.storedNumbers();
            previousEventIds.clear();
            previousEventIds.reserve(index->events().size());
            for (const IndexedEvent &e : index->events())
                previousEventIds.append(e.id);
            // What this round missed, then its index and correlator go before the next
            // round builds a larger index: one demand index in memory at a time.
            const CaseIndex::Missing missing = index->missing();
            correlator.reset();
            chains.clear();
            index.reset();
            const bool progressed = reader.read(missing);
            lap(counted.readSeconds);
            if (cancelled())
                return std::nullopt;
            if (!progressed)
                break;
        }
    } catch (const CaseError &e) {
        // Tables a hostile hand changed (dropped, other columns): the whole index
        // answers instead, and is stored again.
        return fail(QStringLiteral("the stored index cannot be read: %1").arg(e.message()));
    }
    return fail(QStringLiteral("the stored index does not answer what the correlator asks (damaged)"));
}

} // namespace Chainscope
