#include "chainsnapshot.h"

#include "analysisfingerprint.h"
#include "casestore.h"
#include "sha256.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QtEndian>

#include <algorithm>

namespace Chainscope {

namespace {

// "CSCS" and the format of the bytes below; a snapshot of another format is not read
// (the key changes with the code anyway, this guards against a confused caller).
constexpr quint32 Magic = 0x53435343;
constexpr quint32 Format = 1;
constexpr qsizetype MaxKeptBytes = 256 * 1024 * 1024;

class Writer
{
public:
    void u8(quint8 v) { m_out.append(char(v)); }
    void i32(qint32 v)
    {
        char b[4];
        qToLittleEndian(v, b);
        m_out.append(b, 4);
    }
    void i64(qint64 v)
    {
        char b[8];
        qToLittleEndian(v, b);
        m_out.append(b, 8);
    }
    void str(const QString &s)
    {
        const QByteArray utf8 = s.toUtf8();
        i32(qint32(utf8.size()));
        m_out.append(utf8);
    }
    void strings(const QStringList &list)
    {
        i32(qint32(list.size()));
        for (const QString &s : list)
            str(s);
    }
    void ints(const QList<qint32> &list)
    {
        i32(qint32(list.size()));
        for (const qint32 v : list)
            i32(v);
    }
    void longs(const QList<qint64> &list)
    {
        i32(qint32(list.size()));
        for (const qint64 v : list)
            i64(v);
    }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

// Reads what Writer wrote. Every read is checked against the bytes left; after the first
// failure every read returns zero and ok() stays false, so callers check once at the end.
class Reader
{
public:
    explicit Reader(QByteArrayView bytes)
        : m_bytes(bytes)
    {
    }
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos == m_bytes.size(); }
    quint8 u8() { return take(1) ? quint8(m_bytes[m_pos - 1]) : 0; }
    qint32 i32() { return take(4) ? qFromLittleEndian<qint32>(m_bytes.data() + m_pos - 4) : 0; }
    qint64 i64() { return take(8) ? qFromLittleEndian<qint64>(m_bytes.data() + m_pos - 8) : 0; }
    bool flag() { return u8() != 0; }
    // A count of items that take at least `minBytes` each: never more than the bytes left
    // can hold, so a damaged count cannot make a huge allocation.
    qint32 count(qsizetype minBytes)
    {
        const qint32 n = i32();
        if (n < 0 || qsizetype(n) > (m_bytes.size() - m_pos) / minBytes) {
            m_ok = false;
            return 0;
        }
        return n;
    }
    // A string's UTF-8 bytes: its length, then them (empty when they are not all there).
    QByteArrayView utf8()
    {
        const qint32 n = count(1);
        if (!take(n))
            return {};
        return QByteArrayView(m_bytes.data() + m_pos - n, n);
    }
    QString str() { return QString::fromUtf8(utf8()); }
    // A chain's text: the same reasons, signers, images and approvals recur in
    // thousands of chains, and each recurrence is read as the one string already read
    // (shared, not copied): at 10,000 chains the kept snapshot the workbench holds while
    // a policy change runs is that much smaller (issue 15).
    QString sharedStr()
    {
        const QByteArrayView bytes = utf8();
        if (bytes.isEmpty())
            return QString();
        auto it = m_shared.constFind(bytes);
        if (it == m_shared.constEnd())
            it = m_shared.insert(bytes, QString::fromUtf8(bytes));
        return *it;
    }
    QStringList strings() { return list(4, &Reader::sharedStr); }
    QList<qint32> ints() { return list(4, &Reader::i32); }
    QList<qint64> longs() { return list(8, &Reader::i64); }
    // An enum value written as a byte; anything past `last` is damage.
    template<typename E> E enumValue(E last)
    {
        const quint8 v = u8();
        if (v > quint8(last))
            m_ok = false;
        return m_ok ? E(v) : E(0);
    }

private:
    // A count, then that many items of at least `minBytes` each, read by `one`.
    template<typename T> QList<T> list(qsizetype minBytes, T (Reader::*one)())
    {
        QList<T> items;
        const qint32 n = count(minBytes);
        items.reserve(n);
        for (qint32 i = 0; i < n && m_ok; ++i)
            items.append((this->*one)());
        return items;
    }
    bool take(qsizetype n)
    {
        if (!m_ok || n < 0 || n > m_bytes.size() - m_pos) {
            m_ok = false;
            return false;
        }
        m_pos += n;
        return true;
    }
    QByteArrayView m_bytes;
    QHash<QByteArrayView, QString> m_shared; // views into m_bytes
    qsizetype m_pos = 0;
    bool m_ok = true;
};

// Old index → new index for the part of a list that is kept, in the old order (events
// stay in time order, processes in the order they were found).
class Remap
{
public:
    void keep(qint32 old)
    {
        if (old >= 0)
            m_kept.append(old);
    }
    void finish()
    {
        std::sort(m_kept.begin(), m_kept.end());
        m_kept.erase(std::unique(m_kept.begin(), m_kept.end()), m_kept.end());
        m_map.reserve(m_kept.size());
        for (qint32 i = 0; i < m_kept.size(); ++i)
            m_map.insert(m_kept.at(i), i);
    }
    const QList<qint32> &kept() const { return m_kept; }
    bool contains(qint32 old) const { return m_map.contains(old); }
    qint32 operator()(qint32 old) const { return old < 0 ? old : m_map.value(old, -1); }
    void apply(QList<qint32> &list) const
    {
        for (qint32 &v : list)
            v = (*this)(v);
    }

private:
    QList<qint32> m_kept;
    QHash<qint32, qint32> m_map;
};

bool inRange(qint32 v, qsizetype size, bool allowNone = true)
{
    return (allowNone && v == -1) || (v >= 0 && v < size);
}

} // namespace

ChainSnapshot ChainSnapshot::of(const CaseIndex &full, QList<Chain> chains)
{
    Remap nodes;
    Remap events;
    const auto keepEvent = [&](qint32 i) {
        if (i < 0 || i >= full.events().size())
            return;
        events.keep(i);
        nodes.keep(full.events().at(i).node);
    };
    for (const Chain &c : std::as_const(chains)) {
        nodes.keep(c.seedNode);
        for (const qint32 n : c.firstRunNodes)
            nodes.keep(n);
        for (const qint32 n : c.processNodes) {
            nodes.keep(n);
            // "This chain only" lists everything the chain's processes did.
            for (const qint32 i : full.eventsOf(n))
                keepEvent(i);
        }
        for (const ChainProcess &p : c.processes)
            nodes.keep(p.node);
        for (const ChainStage &s : c.stages)
            for (const qint32 i : s.eventIndices)
                keepEvent(i);
        for (const Evidence &x : c.evidence) {
            keepEvent(x.eventIndex);
            nodes.keep(x.node);
        }
        for (const MissingStage &m : c.missingStages)
            keepEvent(m.nearestEvent);
        for (const qint32 i : c.lateEvents)
            keepEvent(i);
    }
    // The tree shows each process under its ancestors.
    {
        QList<qint32> withAncestors;
        nodes.finish();
        for (const qint32 n : nodes.kept()) {
            withAncestors.append(n);
            withAncestors += full.ancestors(n);
        }
        nodes = Remap();
        for (const qint32 n : std::as_const(withAncestors))
            nodes.keep(n);
    }
    nodes.finish();
    events.finish();

    auto index = std::make_shared<CaseIndex>();
    CaseIndex &ix = *index;
    ix.m_partial = true;
    ix.m_duplicates = full.duplicatesDropped();
    const auto str = [&](qint32 id) {
        return id <= 0 ? 0 : ix.strings.intern(full.strings.at(id));
    };

    ix.m_events.reserve(events.kept().size());
    for (const qint32 old : events.kept()) {
        IndexedEvent e = full.events().at(old);
        e.host = str(e.host);
        e.image = str(e.image);
        e.commandLine = str(e.commandLine);
        e.target = str(e.target);
        e.dstIp = str(e.dstIp);
        e.dstHost = str(e.dstHost);
        e.signer = str(e.signer);
        e.signatureStatus = str(e.signatureStatus);
        e.hashes = str(e.hashes);
        e.teamId = str(e.teamId);
        e.processGuid = str(e.processGuid);
        e.parentGuid = str(e.parentGuid);
        e.parentImage = str(e.parentImage);
        e.parentCommandLine = str(e.parentCommandLine);
        e.node = nodes(e.node);
        if (e.answers >= 0 && e.answers < full.dnsAnswers().size()) {
            QList<qint32> ips;
            for (const qint32 ip : full.dnsAnswers().at(e.answers))
                ips.append(str(ip));
            e.answers = ix.addDnsAnswers(ips);
        } else {
            e.answers = -1;
        }
        ix.m_events.append(e);
    }
    ix.m_nodes.reserve(nodes.kept().size());
    ix.m_nodeEvents.resize(nodes.kept().size());
    for (const qint32 old : nodes.kept()) {
        ProcessNode p = full.process(old);
        p.host = str(p.host);
        p.image = str(p.image);
        p.commandLine = str(p.commandLine);
        p.parentReason = str(p.parentReason);
        p.parent = nodes(p.parent);
        QList<qint32> children;
        for (const qint32 child : std::as_const(p.children))
            if (nodes.contains(child))
                children.append(nodes(child));
        p.children = children;
        ix.m_nodes.append(p);
    }
    for (qint32 i = 0; i < ix.m_events.size(); ++i)
        if (ix.m_events.at(i).node >= 0)
            ix.m_nodeEvents[ix.m_events.at(i).node].append(i);

    ChainSnapshot snapshot;
    snapshot.chains = std::move(chains);
    for (Chain &c : snapshot.chains)
        c.remap(std::cref(events), std::cref(nodes));
    snapshot.index = std::move(index);
    return snapshot;
}

QByteArray ChainSnapshot::toBytes() const
{
    Writer w;
    w.i32(qint32(Magic));
    w.i32(qint32(Format));
    const CaseIndex &ix = *index;
    w.i64(ix.m_duplicates);

    w.i32(qint32(ix.strings.size()));
    for (qint32 i = 0; i < ix.strings.size(); ++i)
        w.str(ix.strings.at(i));

    w.i32(qint32(ix.m_dnsAnswers.size()));
    for (const QList<qint32> &ips : ix.m_dnsAnswers)
        w.ints(ips);

    w.i32(qint32(ix.m_events.size()));
    for (const IndexedEvent &e : ix.m_events) {
        w.i64(e.id);
        w.i64(e.timeUs);
        w.i64(e.pid);
        w.i64(e.ppid);
        for (const qint32 v : {e.host, e.image, e.commandLine, e.target, e.dstIp, e.dstHost, e.signer,
                 e.signatureStatus, e.hashes, e.teamId, e.processGuid, e.parentGuid, e.parentImage, e.parentCommandLine,
                 e.sourceId, e.answers, e.node, e.dstPort})
            w.i32(v);
        w.u8(quint8(e.kind));
        w.u8(quint8(e.platform));
        w.u8(quint8((e.fork ? 1 : 0) | (e.local ? 2 : 0) | (e.persistence ? 4 : 0)));
    }

    w.i32(qint32(ix.m_nodes.size()));
    for (const ProcessNode &p : ix.m_nodes) {
        w.i32(p.host);
        w.i64(p.pid);
        w.i64(p.ppid);
        w.i64(p.startUs);
        w.i64(p.endUs);
        w.u8(quint8((p.startSeen ? 1 : 0) | (p.execed ? 2 : 0)));
        w.i32(p.parent);
        w.ints(p.children);
        w.i32(p.image);
        w.i32(p.commandLine);
        w.i64(p.startEventId);
        w.u8(quint8(p.platform));
        w.i32(p.parentReason);
    }
    // The events of each process follow from the events' own node; not written.

    w.i32(qint32(chains.size()));
    for (const Chain &c : chains) {
        w.i32(c.id);
        w.str(c.host);
        w.u8(quint8(c.platform));
        w.i32(c.score);
        w.i64(c.startUs);
        w.i32(qint32(c.stages.size()));
        for (const ChainStage &s : c.stages) {
            w.u8(quint8(s.stage));
            w.longs(s.eventIds);
            w.ints(s.eventIndices);
        }
        w.strings(c.mismatches);
        w.strings(c.flags);
        w.strings(c.notes);
        w.strings(c.missing);
        w.u8(quint8(c.verdict));
        w.u8(c.approved ? 1 : 0);
        w.str(c.installer);
        w.str(c.installerImage);
        w.str(c.firstRun);
        w.str(c.egress);
        w.strings(c.writtenPaths);
        w.i32(c.seedNode);
        w.i64(c.seedEventId);
        w.ints(c.firstRunNodes);
        w.ints(c.processNodes);
        w.ints(c.lateEvents);
        w.i32(qint32(c.evidence.size()));
        for (const Evidence &x : c.evidence) {
            w.i64(x.eventId);
            w.i32(x.eventIndex);
            w.u8(quint8(x.stage));
            w.str(x.role);
            w.i32(x.node);
            for (const QString *s : {&x.image, &x.target, &x.signer, &x.signatureStatus, &x.hashes, &x.reason,
                     &x.approvedBy, &x.flag, &x.note})
                w.str(*s);
        }
        w.i32(qint32(c.missingStages.size()));
        for (const MissingStage &m : c.missingStages) {
            w.u8(quint8(m.stage));
            w.str(m.reason);
            w.i32(m.nearestEvent);
            w.i64(m.nearestEventId);
            w.i64(m.gapUs);
        }
        w.i32(qint32(c.processes.size()));
        for (const ChainProcess &p : c.processes) {
            w.i32(p.node);
            w.strings(p.roles);
            w.u8(quint8(p.mark));
            w.u8(p.firstRun ? 1 : 0);
        }
        w.strings(c.processImages);
        w.str(c.summary);
    }
    return w.take();
}

std::optional<ChainSnapshot> ChainSnapshot::fromBytes(QByteArrayView bytes, QString *error)
{
    const auto fail = [&](const QString &why) -> std::optional<ChainSnapshot> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    Reader r(bytes);
    if (quint32(r.i32()) != Magic || quint32(r.i32()) != Format || !r.ok())
        return fail(QStringLiteral("not a chain snapshot of this format"));

    auto index = std::make_shared<CaseIndex>();
    CaseIndex &ix = *index;
    ix.m_partial = true;
    ix.m_duplicates = r.i64();

    // The pool as written: string i of the snapshot is string i here (0 is the empty
    // string in every pool).
    const qint32 stringCount = r.count(4);
    if (stringCount < 1 || !r.ok())
        return fail(QStringLiteral("damaged string table"));
    if (!r.str().isEmpty())
        return fail(QStringLiteral("damaged string table"));
    for (qint32 i = 1; i < stringCount && r.ok(); ++i) {
        const QString s = r.str();
        // Each string once, as the pool wrote them: a repeat is damage, and would make
        // ids point at other strings.
        if (s.isEmpty() || ix.strings.intern(s) != i)
            return fail(QStringLiteral("damaged string table"));
    }
    const auto isString = [&](qint32 id) {
        return id >= 0 && id < ix.strings.size();
    };

    const qint32 answerCount = r.count(4);
    for (qint32 i = 0; i < answerCount && r.ok(); ++i) {
        const QList<qint32> ips = r.ints();
        if (!std::all_of(ips.begin(), ips.end(), isString))
            return fail(QStringLiteral("damaged DNS answers"));
        ix.m_dnsAnswers.append(ips);
    }

    const qint32 eventCount = r.count(8 * 4 + 18 * 4 + 3);
    ix.m_events.reserve(eventCount);
    for (qint32 i = 0; i < eventCount && r.ok(); ++i) {
        IndexedEvent e;
        e.id = r.i64();
        e.timeUs = r.i64();
        e.pid = r.i64();
        e.ppid = r.i64();
        for (qint32 *v :
            {&e.host, &e.image, &e.commandLine, &e.target, &e.dstIp, &e.dstHost, &e.signer, &e.signatureStatus,
                &e.hashes, &e.teamId, &e.processGuid, &e.parentGuid, &e.parentImage, &e.parentCommandLine})
            if (!isString(*v = r.i32()))
                return fail(QStringLiteral("damaged event %1").arg(i));
        e.sourceId = r.i32();
        e.answers = r.i32();
        e.node = r.i32();
        e.dstPort = r.i32();
        e.kind = r.enumValue(EventKind::LogMessage);
        e.platform = r.enumValue(Platform::MacOS);
        const quint8 flags = r.u8();
        e.fork = flags & 1;
        e.local = flags & 2;
        e.persistence = flags & 4;
        if (!inRange(e.answers, ix.m_dnsAnswers.size()) || e.node < -1 || flags > 7)
            return fail(QStringLiteral("damaged event %1").arg(i));
        ix.m_events.append(e);
    }

    const qint32 nodeCount = r.count(4 + 8 * 4 + 1 + 4 + 4 + 4 + 4 + 8 + 1 + 4);
    ix.m_nodes.reserve(nodeCount);
    for (qint32 i = 0; i < nodeCount && r.ok(); ++i) {
        ProcessNode p;
        p.host = r.i32();
        p.pid = r.i64();
        p.ppid = r.i64();
        p.startUs = r.i64();
        p.endUs = r.i64();
        const quint8 flags = r.u8();
        p.startSeen = flags & 1;
        p.execed = flags & 2;
        p.parent = r.i32();
        p.children = r.ints();
        p.image = r.i32();
        p.commandLine = r.i32();
        p.startEventId = r.i64();
        p.platform = r.enumValue(Platform::MacOS);
        p.parentReason = r.i32();
        if (!isString(p.host) || !isString(p.image) || !isString(p.commandLine) || !isString(p.parentReason)
            || flags > 3)
            return fail(QStringLiteral("damaged process %1").arg(i));
        ix.m_nodes.append(p);
    }
    if (!r.ok())
        return fail(QStringLiteral("truncated index"));
    // Links between processes, and from events to processes, checked now that both
    // lists are complete (CaseIndex's walks bound themselves against cycles).
    const qsizetype nodes = ix.m_nodes.size();
    for (qint32 i = 0; i < nodes; ++i) {
        const ProcessNode &p = ix.m_nodes.at(i);
        if (!inRange(p.parent, nodes) || p.parent == i)
            return fail(QStringLiteral("damaged process %1").arg(i));
        for (const qint32 child : p.children)
            if (child == i || !inRange(child, nodes, false))
                return fail(QStringLiteral("damaged process %1").arg(i));
    }
    ix.m_nodeEvents.resize(nodes);
    for (qint32 i = 0; i < ix.m_events.size(); ++i) {
        const qint32 node = ix.m_events.at(i).node;
        if (!inRange(node, nodes))
            return fail(QStringLiteral("damaged event %1").arg(i));
        if (node >= 0)
            ix.m_nodeEvents[node].append(i);
    }

    // -1 ("none") only where the correlator writes it: a seed from package logs has no
    // installer process, an evidence item may have no process, a stage no nearest miss.
    // The lists of a chain's processes never hold -1, and the views follow them as they are.
    const auto isEvent = [&](qint32 i) {
        return inRange(i, ix.m_events.size());
    };
    const auto isNode = [&](qint32 n) {
        return inRange(n, nodes);
    };
    const auto isListedNode = [&](qint32 n) {
        return inRange(n, nodes, false);
    };
    const auto isListedEvent = [&](qint32 i) {
        return inRange(i, ix.m_events.size(), false);
    };
    ChainSnapshot snapshot;
    const qint32 chainCount = r.count(64);
    snapshot.chains.reserve(chainCount);
    for (qint32 i = 0; i < chainCount && r.ok(); ++i) {
        Chain c;
        c.id = r.i32();
        c.host = r.sharedStr();
        c.platform = r.enumValue(Platform::MacOS);
        c.score = r.i32();
        c.startUs = r.i64();
        const qint32 stages = r.count(9);
        c.stages.reserve(stages);
        for (qint32 s = 0; s < stages && r.ok(); ++s) {
            ChainStage st;
            st.stage = r.enumValue(Stage::Egress);
            st.eventIds = r.longs();
            st.eventIndices = r.ints();
            c.stages.append(st);
        }
        c.mismatches = r.strings();
        c.flags = r.strings();
        c.notes = r.strings();
        c.missing = r.strings();
        c.verdict = r.enumValue(Verdict::Approved);
        c.approved = r.flag();
        c.installer = r.sharedStr();
        c.installerImage = r.sharedStr();
        c.firstRun = r.sharedStr();
        c.egress = r.sharedStr();
        c.writtenPaths = r.strings();
        c.seedNode = r.i32();
        c.seedEventId = r.i64();
        c.firstRunNodes = r.ints();
        c.processNodes = r.ints();
        c.lateEvents = r.ints();
        const qint32 evidence = r.count(8 + 4 + 1 + 4 + 4 + 9 * 4);
        c.evidence.reserve(evidence);
        for (qint32 k = 0; k < evidence && r.ok(); ++k) {
            Evidence x;
            x.eventId = r.i64();
            x.eventIndex = r.i32();
            x.stage = r.enumValue(Stage::Egress);
            x.role = r.sharedStr();
            x.node = r.i32();
            for (QString *s : {&x.image, &x.target, &x.signer, &x.signatureStatus, &x.hashes, &x.reason, &x.approvedBy,
                     &x.flag, &x.note})
                *s = r.sharedStr();
            if (!isEvent(x.eventIndex) || !isNode(x.node))
                return fail(QStringLiteral("damaged chain %1").arg(i));
            c.evidence.append(x);
        }
        const qint32 missing = r.count(1 + 4 + 4 + 8 + 8);
        c.missingStages.reserve(missing);
        for (qint32 k = 0; k < missing && r.ok(); ++k) {
            MissingStage m;
            m.stage = r.enumValue(Stage::Egress);
            m.reason = r.sharedStr();
            m.nearestEvent = r.i32();
            m.nearestEventId = r.i64();
            m.gapUs = r.i64();
            if (!isEvent(m.nearestEvent))
                return fail(QStringLiteral("damaged chain %1").arg(i));
            c.missingStages.append(m);
        }
        const qint32 processes = r.count(4 + 4 + 1 + 1);
        c.processes.reserve(processes);
        for (qint32 k = 0; k < processes && r.ok(); ++k) {
            ChainProcess p;
            p.node = r.i32();
            p.roles = r.strings();
            p.mark = r.enumValue(ChainMark::Approved);
            p.firstRun = r.flag();
            if (!isListedNode(p.node))
                return fail(QStringLiteral("damaged chain %1").arg(i));
            c.processes.append(p);
        }
        c.processImages = r.strings();
        c.summary = r.sharedStr();
        bool linked = isNode(c.seedNode);
        for (const ChainStage &st : std::as_const(c.stages))
            linked = linked && std::all_of(st.eventIndices.begin(), st.eventIndices.end(), isListedEvent);
        for (const QList<qint32> *list : {&c.firstRunNodes, &c.processNodes})
            linked = linked && std::all_of(list->begin(), list->end(), isListedNode);
        linked = linked && std::all_of(c.lateEvents.begin(), c.lateEvents.end(), isListedEvent);
        if (!linked)
            return fail(QStringLiteral("damaged chain %1").arg(i));
        snapshot.chains.append(std::move(c));
    }
    if (!r.ok() || !r.atEnd())
        return fail(QStringLiteral("truncated or damaged chain list"));
    snapshot.index = std::move(index);
    return snapshot;
}

namespace ChainCache {

QByteArray keyFor(const Policy &policy)
{
    // The policy's content, not its version number: the same lists saved again, or
    // given on the command line, are the same analysis.
    QJsonObject json = policy.toJson();
    json.remove(QStringLiteral("version"));
    Sha256 key;
    key.add(QByteArrayView(AnalysisFingerprint));
    key.add("\n");
    // The explanations are written in the language the application has installed:
    // a probe of the analysis's own contexts tells which (and a changed translation
    // changes the fingerprint above, which covers the translation sources).
    key.add(QCoreApplication::translate("Chainscope::Correlator", "%1 days").toUtf8());
    key.add("\n");
    key.add(QCoreApplication::translate("Chainscope::Explanation", "host not approved").toUtf8());
    key.add("\n");
    key.add(QJsonDocument(json).toJson(QJsonDocument::Compact));
    // The JSON writes the window in whole units ("90m"); the correlator uses every µs.
    key.add("\n");
    key.add(QByteArray::number(policy.timeWindowUs));
    return key.result();
}

std::optional<ChainSnapshot> read(CaseStore &store, const QByteArray &key, QString *why)
{
    const auto miss = [&](const QString &reason) -> std::optional<ChainSnapshot> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    // Kept chains can always be computed again: a damaged row is a miss, not an error.
    std::optional<StoredChainCache> kept;
    try {
        kept = store.chainCacheFor(key);
    } catch (const CaseError &e) {
        return miss(QStringLiteral("kept chains cannot be read: %1").arg(e.message()));
    }
    if (!kept)
        return miss(QStringLiteral("no kept chains"));
    if (kept->generation != store.eventsGeneration())
        return miss(QStringLiteral("the events changed since the chains were kept"));
    if (kept->key != key)
        return miss(QStringLiteral("kept chains are for another policy, language or version"));
    if (Sha256::hash(kept->data) != kept->sha256)
        return miss(QStringLiteral("kept chains are damaged (SHA-256 mismatch)"));
    QString error;
    std::optional<ChainSnapshot> snapshot = ChainSnapshot::fromBytes(kept->data, &error);
    if (!snapshot)
        return miss(QStringLiteral("kept chains are damaged (%1)").arg(error));
    return snapshot;
}

namespace {

bool writeBytes(
    const QString &casePath, const QByteArray &key, qint64 generation, const std::function<QByteArray()> &bytesOf)
{
    try {
        auto store = CaseStore::open(casePath, CaseStore::Access::ReadWriteIfPossible);
        if (store->isReadOnly())
            return false; // evidence on write-protected media: every open computes
        // One row: 64 MiB of cache would only hold its pages (the workbench keeps chains
        // while the window rebuilds its views, issue 15).
        store->useSmallPageCache();
        // Another process importing holds the write lock: the chains are not worth a wait
        // (they are stale once its import commits anyway).
        store->setBusyWait(200);
        const QByteArray bytes = bytesOf();
        // A chain around a busy long-lived process can cite millions of events; such a
        // snapshot is not kept (SQLite's row limit is 1e9 bytes, and reading it back
        // would be no quicker than computing).
        if (bytes.size() > MaxKeptBytes)
            return false;
        return store->setChainCache(key, generation, bytes);
    } catch (const CaseError &) {
        return false;
    }
}

} // namespace

bool write(const QString &casePath, const QByteArray &key, qint64 generation, const CaseIndex &index,
    const QList<Chain> &chains)
{
    return writeBytes(casePath, key, generation, [&] { return ChainSnapshot::of(index, chains).toBytes(); });
}

bool write(const QString &casePath, const QByteArray &key, qint64 generation, const ChainSnapshot &snapshot)
{
    return writeBytes(casePath, key, generation, [&] { return snapshot.toBytes(); });
}

} // namespace ChainCache

} // namespace Chainscope
