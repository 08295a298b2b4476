#include "caseindex.h"

#include "casestore.h"
#include "policy.h"

#include <QFileInfo>

#include <algorithm>
#include <bit>
#include <cstring>

namespace Chainscope {

StringPool::StringPool()
{
    m_strings.append(QString());
    m_slots.resize(1024);
}

// intern(QByteArrayView) takes bytes that are not UTF-8 through QString::fromUtf8.
bool StringPool::isUtf8Of(QByteArrayView utf8, QStringView s)
{
    // A UTF-16 unit takes one to three bytes (a pair takes four).
    if (s.size() > utf8.size() || utf8.size() > 3 * s.size())
        return false;
    const auto *b = reinterpret_cast<const uchar *>(utf8.data());
    const uchar *const end = b + utf8.size();
    const char16_t *u = s.utf16();
    const char16_t *const uend = u + s.size();
    while (b < end) {
        if (u == uend)
            return false;
        const uchar lead = *b;
        if (lead < 0x80) {
            if (*u != lead)
                return false;
            ++b;
            ++u;
            continue;
        }
        int more = 0;
        char32_t cp = 0;
        char32_t least = 0;
        if ((lead & 0xe0) == 0xc0) {
            more = 1;
            cp = lead & 0x1f;
            least = 0x80;
        } else if ((lead & 0xf0) == 0xe0) {
            more = 2;
            cp = lead & 0x0f;
            least = 0x800;
        } else if ((lead & 0xf8) == 0xf0) {
            more = 3;
            cp = lead & 0x07;
            least = 0x10000;
        } else {
            return false;
        }
        if (end - b <= more)
            return false;
        ++b;
        for (int i = 0; i < more; ++i, ++b) {
            if ((*b & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (*b & 0x3f);
        }
        if (cp < least || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        if (cp < 0x10000) {
            if (*u != cp)
                return false;
            ++u;
        } else {
            if (uend - u < 2 || u[0] != char16_t(0xd800 + ((cp - 0x10000) >> 10))
                || u[1] != char16_t(0xdc00 + ((cp - 0x10000) & 0x3ff)))
                return false;
            u += 2;
        }
    }
    return u == uend;
}

quint32 StringPool::hashOf(QByteArrayView utf8)
{
    // Eight bytes a step, then Murmur3's finalizer: qHash(QByteArrayView) was a fifth of
    // a whole index load (issue 15). Seeded per process as QHash is, so that a hostile
    // log cannot know which of its strings collide.
    static const quint64 seed = quint64(QHashSeed::globalSeed()) | 1;
    constexpr quint64 k1 = 0x87c37b91114253d5ULL;
    constexpr quint64 k2 = 0x4cf5ad432745937fULL;
    const char *p = utf8.data();
    qsizetype left = utf8.size();
    quint64 h = seed ^ (quint64(left) * k2);
    for (; left >= 8; p += 8, left -= 8) {
        quint64 w;
        std::memcpy(&w, p, 8);
        h = std::rotl(h ^ (w * k1), 31) * k2;
    }
    if (left > 0) {
        quint64 w = 0;
        std::memcpy(&w, p, size_t(left));
        h = std::rotl(h ^ (w * k1), 31) * k2;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return quint32(h);
}

quint32 StringPool::hashOf(QStringView s)
{
    // The hash of the string's UTF-8 form, so that bytes and text of one string meet.
    // Short ASCII text (paths, names, GUIDs) is narrowed on the stack.
    if (s.size() <= 256) {
        char ascii[256];
        qsizetype i = 0;
        for (; i < s.size() && s.at(i).unicode() < 0x80; ++i)
            ascii[i] = char(s.at(i).unicode());
        if (i == s.size())
            return hashOf(QByteArrayView(ascii, i));
    }
    return hashOf(s.toUtf8());
}

template<typename Equal> qsizetype StringPool::slotFor(quint32 hash, Equal equal) const
{
    const qsizetype mask = m_slots.size() - 1;
    for (qsizetype i = hash & mask;; i = (i + 1) & mask) {
        const Slot &slot = m_slots.at(i);
        if (slot.id < 0 || (slot.hash == hash && equal(slot.id)))
            return i;
    }
}

qint32 StringPool::add(QString s, quint32 hash, qsizetype slot)
{
    const auto id = qint32(m_strings.size());
    m_strings.append(std::move(s));
    m_slots[slot] = {hash, id};
    if (m_strings.size() * 4 > m_slots.size() * 3) {
        // Rehash by the kept hashes: no string is read again.
        QList<Slot> old(m_slots.size() * 2);
        old.swap(m_slots); // m_slots: twice as long, empty
        const qsizetype mask = m_slots.size() - 1;
        for (const Slot &o : std::as_const(old)) {
            if (o.id < 0)
                continue;
            qsizetype i = o.hash & mask;
            while (m_slots.at(i).id >= 0)
                i = (i + 1) & mask;
            m_slots[i] = o;
        }
    }
    return id;
}

qint32 StringPool::intern(const QString &s)
{
    if (s.isEmpty())
        return 0;
    const quint32 hash = hashOf(QStringView(s));
    const qsizetype slot = slotFor(hash, [&](qint32 id) { return m_strings.at(id) == s; });
    if (m_slots.at(slot).id >= 0)
        return m_slots.at(slot).id;
    return add(s, hash, slot);
}

qint32 StringPool::intern(QByteArrayView utf8)
{
    if (utf8.isEmpty())
        return 0;
    // QString::fromUtf8 drops a byte order mark at the start: such bytes are not the
    // UTF-8 form of their text, and only the text can find it.
    if (utf8.startsWith("\xef\xbb\xbf"))
        return intern(QString::fromUtf8(utf8));
    const quint32 hash = hashOf(utf8);
    const qsizetype slot = slotFor(hash, [&](qint32 id) { return isUtf8Of(utf8, m_strings.at(id)); });
    if (m_slots.at(slot).id >= 0)
        return m_slots.at(slot).id;
    QString s = QString::fromUtf8(utf8);
    // Bytes that are not the UTF-8 form of their text (not UTF-8 at all) are found by
    // the text; the table holds each string under its UTF-8 form only.
    if (s.toUtf8() != utf8)
        return intern(s);
    return add(std::move(s), hash, slot);
}

qint32 StringPool::find(const QString &s) const
{
    if (s.isEmpty())
        return 0;
    const qsizetype slot = slotFor(hashOf(QStringView(s)), [&](qint32 id) { return m_strings.at(id) == s; });
    return m_slots.at(slot).id;
}

namespace {

// Sysmon writes an all-zero GUID when it could not tell the process: no identity.
QByteArrayView knownGuid(QByteArrayView guid)
{
    for (const char c : guid) {
        if (c != '0' && c != '-' && c != '{' && c != '}')
            return guid;
    }
    return {};
}

} // namespace

IndexedEvent CaseIndex::eventFromRow(
    const IndexedEventRow &r, StringPool &strings, QList<QList<qint32>> &answers, QHash<qint32, bool> &loopback)
{
    IndexedEvent e;
    e.id = r.id;
    e.timeUs = r.timeUs;
    e.host = strings.intern(r.host);
    e.platform = r.platform;
    e.kind = r.kind;
    e.pid = r.pid;
    e.ppid = r.ppid;
    e.image = strings.intern(r.image);
    e.commandLine = strings.intern(r.commandLine);
    e.target = strings.intern(r.targetPath);
    e.dstIp = strings.intern(r.dstIp);
    e.dstHost = strings.intern(r.dstHost);
    e.dstPort = r.dstPort;
    e.signer = strings.intern(r.signer);
    e.signatureStatus = strings.intern(r.signatureStatus);
    e.fork = r.forked;
    if (r.addressFamily == "unix") {
        e.local = true;
    } else if (e.dstIp != 0) {
        const auto it = loopback.constFind(e.dstIp);
        e.local
            = it != loopback.cend() ? it.value() : *loopback.insert(e.dstIp, isLoopbackAddress(strings.at(e.dstIp)));
    }
    e.hashes = strings.intern(r.hashes);
    e.teamId = strings.intern(r.teamId);
    e.processGuid = strings.intern(knownGuid(r.processKey));
    e.sourceId = qint32(r.sourceId);
    e.parentGuid = strings.intern(knownGuid(r.parentProcessKey));
    e.parentImage = strings.intern(r.parentImage);
    e.parentCommandLine = strings.intern(r.parentCommandLine);
    e.persistence = e.kind == EventKind::LogMessage;
    // DNS answers name the addresses of later connections (Windows DNS events).
    if (e.kind == EventKind::DnsQuery && !r.dnsAnswers.isEmpty()) {
        QList<qint32> ips;
        ips.reserve(r.dnsAnswers.size());
        for (const QString &ip : r.dnsAnswers)
            ips.append(strings.intern(ip));
        answers.append(ips);
        e.answers = qint32(answers.size() - 1);
    }
    return e;
}

bool CaseIndex::load(CaseStore &store, const std::atomic<bool> *cancel, const Progress &progress)
{
    return loadFrom(store, store.eventCount(), cancel, progress,
        [&](const auto &visit) { return store.forEachIndexedEvent(visit); });
}

bool CaseIndex::loadPart(
    CaseStore &store, const CaseStore::IndexPart &part, const std::atomic<bool> *cancel, const Progress &progress)
{
    // A part with most of the case's events is read in the time index's order (its
    // events are most of every page); a smaller one through its sources' rows, sorted.
    const bool scan = part.events > store.eventCount() / 2;
    return loadFrom(store, part.events, cancel, progress,
        [&](const auto &visit) { return store.forEachIndexedEventOf(part, scan, visit); });
}

template<typename ForEach>
bool CaseIndex::loadFrom(
    CaseStore &store, qint64 total, const std::atomic<bool> *cancel, const Progress &progress, ForEach forEach)
{
    QList<IndexedEvent> events;
    QHash<qint32, qint32> sameHost;
    QHash<QString, qint32> windowsHosts;
    if (!readRows(store, total, cancel, progress, forEach, events, windowsHosts, sameHost))
        return false;
    build(std::move(events));
    m_hostAliases = std::move(sameHost); // after build(), which starts from nothing
    m_windowsHosts = std::move(windowsHosts);
    return true;
}

bool CaseIndex::readPartAfter(CaseStore &store, const CaseStore::IndexPart &part, qint64 afterUs,
    const std::atomic<bool> *cancel, const Progress &progress, QList<IndexedEvent> &events,
    QHash<QString, qint32> &windowsHosts, QHash<qint32, qint32> &sameHost)
{
    return readRows(
        store, 0, cancel, progress,
        [&](const auto &visit) { return store.forEachIndexedEventOfAfter(part, afterUs, visit); }, events, windowsHosts,
        sameHost);
}

template<typename ForEach>
bool CaseIndex::readRows(CaseStore &store, qint64 total, const std::atomic<bool> *cancel, const Progress &progress,
    ForEach forEach, QList<IndexedEvent> &events, QHash<QString, qint32> &windowsHostOfKey,
    QHash<qint32, qint32> &sameHost)
{
    // All events are at least as many as those read (log messages are left out): the
    // list of millions is never copied as it grows, and reserved pages it never writes
    // cost no memory.
    // The count is read from the case's minute counts: a damaged one must not make a
    // huge reservation. No row takes fewer than 16 bytes of the case file.
    events.reserve(std::clamp<qint64>(total, 0, QFileInfo(store.path()).size() / 16));
    qint64 n = 0;
    // Windows names machines without regard to case (issue 14): IE8Win7 and IE8WIN7 are
    // one host with one process graph, named by the smallest spelling among the events
    // read here (CaseStore::hosts() picks the same way among all events, log messages
    // too, so the two may name a host differently; both compare without case). Each
    // spelling is folded once.
    // windowsHostOfKey: folded key -> smallest spelling's id (a continued part starts
    // with its hosts' names so far)
    QHash<qint32, QString> windowsKeyOfHost; // spelling id -> folded key
    QHash<qint32, bool> loopback; // address id -> whether it is a loopback address
    const bool complete = forEach([&](const IndexedEventRow &r) {
        if ((++n & 0xffff) == 0) {
            if (cancel && cancel->load())
                return false;
            if (progress)
                progress(n - 1, total);
        }
        IndexedEvent e = eventFromRow(r, strings, m_dnsAnswers, loopback);
        if (r.platform == Platform::Windows && e.host != 0 && !windowsKeyOfHost.contains(e.host)) {
            const QString &host = strings.at(e.host);
            const QString key = foldedHost(host, Platform::Windows);
            windowsKeyOfHost.insert(e.host, key);
            qint32 &best = windowsHostOfKey[key];
            if (best == 0 || host < strings.at(best))
                best = e.host;
        }
        events.append(e);
        return true;
    });
    if (!complete)
        return false;
    if (progress)
        progress(n, total);
    // sameHost: spelling id -> the host's id, where they differ
    for (auto it = windowsKeyOfHost.cbegin(); it != windowsKeyOfHost.cend(); ++it) {
        const qint32 canonical = windowsHostOfKey.value(it.value());
        if (canonical != it.key())
            sameHost.insert(it.key(), canonical);
    }
    if (!sameHost.isEmpty()) {
        for (IndexedEvent &e : events) {
            if (e.platform == Platform::Windows)
                e.host = sameHost.value(e.host, e.host);
        }
    }
    return true;
}

qint32 CaseIndex::newNode(const ProcessNode &node)
{
    const auto index = qint32(m_nodes.size());
    m_nodes.append(node);
    m_createdBy.append(m_building);
    m_nodeEvents.append(QList<qint32>());
    if (node.parent >= 0)
        m_nodes[node.parent].children.append(index);
    m_current.insert({node.host, node.pid}, index);
    return index;
}

void CaseIndex::closeNode(qint32 node, qint64 timeUs)
{
    ProcessNode &n = m_nodes[node];
    n.endUs = timeUs;
    const auto key = qMakePair(n.host, n.pid);
    if (m_current.value(key, -1) == node)
        m_current.remove(key);
}

qint32 CaseIndex::nodeFor(qint32 host, qint64 pid, qint64 ppid, qint64 timeUs, qint32 image, Platform platform)
{
    if (pid < 0)
        return -1;
    const qint32 live = m_current.value({host, pid}, -1);
    if (live >= 0)
        return live;
    // The logs never showed this process start: it exists "seen from" now.
    return unseenNode(host, pid, timeUs, image, 0, platform, ppid, ppid >= 0 ? m_current.value({host, ppid}, -1) : -1);
}

qint32 CaseIndex::addDnsAnswers(const QList<qint32> &ips)
{
    m_dnsAnswers.append(ips);
    return qint32(m_dnsAnswers.size() - 1);
}

namespace {

bool isWindowsPath(const QString &s)
{
    return (s.size() >= 3 && s.at(1) == QLatin1Char(':')
               && (s.at(2) == QLatin1Char('\\') || s.at(2) == QLatin1Char('/')))
        || s.startsWith(QLatin1String("\\\\"));
}

QString foldedWindowsPath(const QString &s)
{
    QString folded = s.toLower();
    folded.replace(QLatin1Char('/'), QLatin1Char('\\'));
    return folded;
}

// A process as its start event shows it; the caller links its parent.
ProcessNode startedBy(const IndexedEvent &e, bool execed)
{
    ProcessNode n;
    n.host = e.host;
    n.pid = e.pid;
    n.ppid = e.ppid;
    n.startUs = e.timeUs;
    n.image = e.image;
    n.commandLine = e.commandLine;
    n.execed = execed;
    n.startEventId = e.id;
    n.platform = e.platform;
    return n;
}

// The two Windows logs of one process start (Sysmon 1 and Security 4688) are written
// within moments of each other.
constexpr qint64 SameStartUs = 2 * 1000000LL;

} // namespace

qint32 CaseIndex::pathKey(qint32 path)
{
    if (path == 0)
        return 0;
    const auto it = m_foldedPaths.constFind(path);
    if (it != m_foldedPaths.cend())
        return it.value();
    const QString &s = strings.at(path);
    const qint32 key = isWindowsPath(s) ? strings.intern(foldedWindowsPath(s)) : path;
    m_foldedPaths.insert(path, key);
    return key;
}

QString CaseIndex::lookupPathOf(const QString &path)
{
    return isWindowsPath(path) ? foldedWindowsPath(path) : path;
}

std::optional<qint32> CaseIndex::pathKeyIfKnown(qint32 path) const
{
    const auto it = m_foldedPaths.constFind(path);
    if (it == m_foldedPaths.cend())
        return std::nullopt;
    return it.value();
}

namespace {

// A child joins the shell that ran its command line when it starts this soon after.
constexpr qint64 InferredJoinUs = 5 * 1000000LL;
// How many of the host's latest starts an orphan is compared with.
constexpr int MaxInferredCandidates = 64;

// Times come from hostile logs and may sit at either end of the range.
qint64 saturatingSub(qint64 a, qint64 b)
{
    qint64 d = 0;
    if (qSubOverflow(a, b, &d))
        return b < 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    return d;
}

bool sameEvent(const IndexedEvent &a, const IndexedEvent &b)
{
    return a.timeUs == b.timeUs && a.kind == b.kind && a.host == b.host && a.platform == b.platform && a.pid == b.pid
        && a.ppid == b.ppid && a.image == b.image && a.commandLine == b.commandLine && a.target == b.target
        && a.dstIp == b.dstIp && a.dstHost == b.dstHost && a.dstPort == b.dstPort && a.signer == b.signer
        && a.signatureStatus == b.signatureStatus && a.hashes == b.hashes && a.processGuid == b.processGuid
        && a.parentGuid == b.parentGuid && a.fork == b.fork && a.local == b.local;
}

size_t eventHash(const IndexedEvent &e)
{
    return qHashMulti(0, int(e.kind), e.host, e.pid, e.ppid, e.image, e.commandLine, e.target, e.dstIp, e.dstPort,
        e.processGuid, e.signer);
}

} // namespace

qint32 CaseIndex::unseenNode(qint32 host, qint64 pid, qint64 timeUs, qint32 image, qint32 commandLine,
    Platform platform, qint64 ppid, qint32 parent)
{
    ProcessNode n;
    n.host = host;
    n.pid = pid;
    n.ppid = ppid;
    n.parent = parent;
    n.startUs = timeUs;
    n.startSeen = false;
    n.image = image;
    n.commandLine = commandLine;
    n.platform = platform;
    return newNode(n);
}

qint32 CaseIndex::nodeForGuid(const IndexedEvent &e)
{
    if (e.processGuid == 0)
        return -1;
    const QPair<qint32, qint32> key(e.host, e.processGuid);
    if (const auto it = m_byGuid.constFind(key); it != m_byGuid.cend())
        return it.value();
    // Security or firewall events may have named the process by pid before Sysmon
    // named it by GUID: the same process when the image agrees.
    const qint32 live = e.pid >= 0 ? m_current.value({e.host, e.pid}, -1) : -1;
    if (live >= 0 && (m_nodes[live].image == 0 || e.image == 0 || pathKey(m_nodes[live].image) == pathKey(e.image))) {
        m_byGuid.insert(key, live);
        if (m_nodes[live].image == 0)
            m_nodes[live].image = e.image;
        return live;
    }
    const qint32 node = unseenNode(e.host, e.pid, e.timeUs, e.image, 0, e.platform);
    m_byGuid.insert(key, node);
    return node;
}

qint32 CaseIndex::parentFor(const IndexedEvent &e)
{
    // What the child says about its parent fills in what the parent's own records
    // would have said: its image and command line (Sysmon ParentImage and
    // ParentCommandLine, 4688's ParentProcessName).
    const auto fill = [&](qint32 node) {
        ProcessNode &n = m_nodes[node];
        if (n.image == 0)
            n.image = e.parentImage;
        if (n.commandLine == 0)
            n.commandLine = e.parentCommandLine;
        return node;
    };
    if (e.parentGuid != 0) {
        const QPair<qint32, qint32> key(e.host, e.parentGuid);
        if (const auto it = m_byGuid.constFind(key); it != m_byGuid.cend())
            return fill(it.value());
        const qint32 live = e.ppid >= 0 ? m_current.value({e.host, e.ppid}, -1) : -1;
        if (live >= 0
            && (m_nodes[live].image == 0 || e.parentImage == 0
                || pathKey(m_nodes[live].image) == pathKey(e.parentImage))) {
            m_byGuid.insert(key, live);
            return fill(live);
        }
    } else if (e.ppid >= 0) {
        const qint32 live = m_current.value({e.host, e.ppid}, -1);
        if (live >= 0)
            return fill(live);
    }
    if (e.ppid < 0 && e.parentGuid == 0)
        return -1;
    // Known only as a parent: its start is not in the logs.
    const qint32 node = unseenNode(e.host, e.ppid, e.timeUs, e.parentImage, e.parentCommandLine, e.platform);
    if (e.parentGuid != 0)
        m_byGuid.insert({e.host, e.parentGuid}, node);
    return node;
}

qint32 CaseIndex::inferredParent(qint32 eventIndex, qint32 *reason)
{
    const IndexedEvent &e = m_events.at(eventIndex);
    const QString child = strings.at(e.commandLine).trimmed();
    // A bare program name is too weak a join; a command with arguments is not.
    if (!child.contains(u' '))
        return -1;
    const Qt::CaseSensitivity cs = e.platform == Platform::Windows ? Qt::CaseInsensitive : Qt::CaseSensitive;
    const QList<qint32> &recent = m_recentStarts.value(e.host);
    // The most recent starts only: a burst of orphans must not cost a scan each of
    // everything that started in the last seconds.
    int looked = 0;
    for (auto it = recent.crbegin(); it != recent.crend() && looked < MaxInferredCandidates; ++it, ++looked) {
        const IndexedEvent &start = m_events.at(*it);
        if (*it == eventIndex || start.node < 0)
            continue;
        if (saturatingSub(e.timeUs, start.timeUs) > InferredJoinUs)
            break;
        const QString line = strings.at(start.commandLine);
        if (line.size() <= child.size() || !line.contains(child, cs))
            continue;
        const ProcessNode &candidate = m_nodes.at(start.node);
        if (candidate.endUs < e.timeUs)
            continue;
        const QString unnamed = e.ppid >= 0
            ? QStringLiteral("the parent the log names (pid %1) is not in the logs").arg(e.ppid)
            : QStringLiteral("the logs name no parent");
        *reason = strings.intern(QStringLiteral("inferred: %1 ran \"%2\" %3 s before this process started; %4")
                                     .arg(fileNameOf(strings.at(candidate.image)), child)
                                     .arg(double(saturatingSub(e.timeUs, start.timeUs)) / 1e6, 0, 'f', 1)
                                     .arg(unnamed));
        return start.node;
    }
    return -1;
}

void CaseIndex::build(QList<IndexedEvent> events)
{
    reset();
    m_events = std::move(events);
    buildFrom(0);
}

void CaseIndex::reset()
{
    m_events.clear();
    m_resolved.clear();
    m_nodes.clear();
    m_nodeEvents.clear();
    m_current.clear();
    m_execsByPath.clear();
    m_loadsByPath.clear();
    m_foldedPaths.clear();
    m_packageInstalls.clear();
    m_byGuid.clear();
    m_modulesByHost.clear();
    m_faultsByHost.clear();
    m_netHosts.clear();
    m_recentStarts.clear();
    m_duplicates = 0;
    m_duplicatesByHost.clear();
    m_createdBy.clear();
}

void CaseIndex::buildFrom(qint32 first)
{
    // The same record imported twice (the file again, or two exports that overlap)
    // is one event: duplicates from another source never change the chains. The list
    // is compacted in place: a second copy of millions of events would double the
    // peak memory of opening a case. Events before `first` are a continued index's
    // (StoredIndex): they are earlier than every event from `first` on, so no duplicate
    // of theirs is among them.
    {
        QMultiHash<size_t, qsizetype> sameTime; // events kept at the current timestamp
        qint64 currentTime = std::numeric_limits<qint64>::min();
        qsizetype kept = first;
        for (qsizetype i = first; i < m_events.size(); ++i) {
            const IndexedEvent &e = m_events.at(i);
            if (e.timeUs != currentTime) {
                sameTime.clear();
                currentTime = e.timeUs;
            }
            const size_t h = eventHash(e);
            bool duplicate = false;
            bool twinInSource = false; // an equal event of the same source is already kept
            for (auto it = sameTime.constFind(h); it != sameTime.cend() && it.key() == h; ++it) {
                const IndexedEvent &earlier = m_events.at(it.value());
                if (!sameEvent(earlier, e))
                    continue;
                if (earlier.sourceId != e.sourceId) {
                    duplicate = true;
                    break;
                }
                twinInSource = true;
            }
            if (duplicate) {
                ++m_duplicates;
                ++m_duplicatesByHost[e.host];
                continue;
            }
            // Equal events within one source are kept (two identical records are two
            // records), but one of them stands for all in the lookup: a file of a
            // million identical lines costs one comparison each.
            if (!twinInSource)
                sameTime.insert(h, kept);
            if (kept != i)
                m_events[kept] = m_events[i];
            ++kept;
        }
        m_events.resize(kept);
    }
    for (qint32 i = first; i < qint32(m_events.size()); ++i) {
        m_building = i;
        IndexedEvent &e = m_events[i];
        if (e.target != 0)
            pathKey(e.target); // so firstExec() can find writes of Windows paths in any case
        switch (e.kind) {
        case EventKind::ProcessStart: {
            const auto key = qMakePair(e.host, e.pid);
            const qint32 live = m_current.value(key, -1);
            if (e.platform == Platform::Windows) {
                // Windows creates a process with its image; there is no fork and no exec
                // over a running image. A start of a live pid is either the second log of
                // the same start (Sysmon and Security both record it) or pid reuse. A
                // process seen before its start (as a parent, or by its own events) is
                // the one Sysmon's GUID names.
                const qint32 known = e.processGuid != 0 ? m_byGuid.value({e.host, e.processGuid}, -1) : -1;
                if (known >= 0 && !m_nodes[known].startSeen) {
                    // parentFor() may add a node: find the parent before taking a
                    // reference into m_nodes.
                    const qint32 parent = m_nodes[known].parent < 0 ? parentFor(e) : -1;
                    ProcessNode &n = m_nodes[known];
                    n.startSeen = true;
                    n.startUs = qMin(n.startUs, e.timeUs);
                    n.image = e.image;
                    if (e.commandLine != 0)
                        n.commandLine = e.commandLine;
                    n.ppid = e.ppid;
                    n.execed = true;
                    n.startEventId = e.id;
                    e.node = known;
                    // Hostile GUIDs can name a descendant as the parent: no cycles.
                    if (parent >= 0 && parent != known && !isAncestor(known, parent)) {
                        n.parent = parent;
                        m_nodes[parent].children.append(known);
                    }
                    m_current.insert(key, known);
                } else if (live >= 0 && m_nodes[live].startSeen
                    && saturatingSub(e.timeUs, m_nodes[live].startUs) <= SameStartUs
                    && pathKey(m_nodes[live].image) == pathKey(e.image)) {
                    ProcessNode &n = m_nodes[live];
                    if (n.commandLine == 0)
                        n.commandLine = e.commandLine;
                    e.node = live;
                    if (e.processGuid != 0)
                        m_byGuid.insert({e.host, e.processGuid}, live);
                } else {
                    if (live >= 0)
                        closeNode(live, e.timeUs);
                    ProcessNode n = startedBy(e, true);
                    n.parent = parentFor(e);
                    e.node = newNode(n);
                    if (e.processGuid != 0)
                        m_byGuid.insert({e.host, e.processGuid}, e.node);
                }
                break;
            }
            if (e.fork) {
                // A new process. A live node with the same pid missed its exit: the
                // pid was reused, so that one ended before this start.
                if (live >= 0)
                    closeNode(live, e.timeUs);
                ProcessNode n = startedBy(e, false);
                n.parent = nodeFor(e.host, e.ppid, -1, e.timeUs, 0, e.platform);
                // nodeFor() creates the parent "seen from" when its start was never logged.
                e.node = newNode(n);
            } else if (live >= 0 && !m_nodes[live].execed && m_nodes[live].startSeen) {
                // The usual fork-then-exec: the forked copy takes its new image.
                ProcessNode &n = m_nodes[live];
                n.image = e.image;
                n.commandLine = e.commandLine;
                n.execed = true;
                n.startEventId = e.id;
                e.node = live;
            } else {
                ProcessNode n = startedBy(e, true);
                if (live >= 0) {
                    // Exec over an image we already knew (or one seen only by its
                    // events): the new image continues that process.
                    closeNode(live, e.timeUs);
                    n.parent = live;
                } else {
                    n.parent = e.ppid >= 0 ? m_current.value({e.host, e.ppid}, -1) : -1;
                    if (n.parent < 0) {
                        // No log names the parent: a shell that ran this command line
                        // just before is one step of the lineage, said to be inferred.
                        n.parent = inferredParent(i, &n.parentReason);
                    }
                    if (n.parent < 0 && e.ppid > 0)
                        n.parent = parentFor(e);
                }
                e.node = newNode(n);
            }
            break;
        }
        case EventKind::ProcessExit: {
            e.node = nodeForGuid(e);
            if (e.node < 0)
                e.node = nodeFor(e.host, e.pid, e.ppid, e.timeUs, e.image, e.platform);
            if (e.node >= 0)
                closeNode(e.node, e.timeUs);
            break;
        }
        case EventKind::PackageInstall:
            e.node = e.pid >= 0 ? nodeFor(e.host, e.pid, e.ppid, e.timeUs, e.image, e.platform) : -1;
            break;
        default:
            e.node = nodeForGuid(e);
            if (e.node < 0)
                e.node = nodeFor(e.host, e.pid, e.ppid, e.timeUs, e.image, e.platform);
            break;
        }
        if (e.kind == EventKind::ProcessStart && !e.fork) {
            // Windows processes whose start was never logged may still be named by a
            // child's ParentProcessGuid; starts are what an inferred join looks back on.
            QList<qint32> &recent = m_recentStarts[e.host];
            while (!recent.isEmpty() && saturatingSub(e.timeUs, m_events.at(recent.first()).timeUs) > InferredJoinUs)
                recent.removeFirst();
            recent.append(i);
        }
        addLookups(i);
        if (e.kind == EventKind::NetConnect || e.kind == EventKind::DnsQuery)
            m_netHosts.insert(e.host);
        if (e.node >= 0) {
            m_nodeEvents[e.node].append(i);
            // A connection logged with only an address takes the name the same process
            // resolved it from just before (Sysmon 22 answers, then Sysmon 3).
            if (e.kind == EventKind::DnsQuery && e.answers >= 0 && e.dstHost != 0) {
                for (qint32 ip : m_dnsAnswers.at(e.answers))
                    m_resolved.insert({e.node, ip}, e.dstHost);
            } else if (e.kind == EventKind::NetConnect && e.dstHost == 0 && e.dstIp != 0) {
                e.dstHost = m_resolved.value({e.node, e.dstIp}, 0);
                e.resolvedDst = e.dstHost != 0;
            }
        }
    }
    m_building = -1;
}

void CaseIndex::addLookups(qint32 eventIndex)
{
    const IndexedEvent &e = m_events.at(eventIndex);
    switch (e.kind) {
    case EventKind::ProcessStart:
        // A Windows start is always an exec of its image; elsewhere a fork runs no new
        // code, and an exec names the file it ran also as its target when that differs.
        if (e.platform == Platform::Windows) {
            m_execsByPath[{e.host, pathKey(e.image)}].append(eventIndex);
        } else if (!e.fork) {
            m_execsByPath[{e.host, pathKey(e.image)}].append(eventIndex);
            // The same file under two spellings (C:\A.exe and c:\a.exe) is one key, listed once.
            if (e.target != 0 && e.target != e.image && pathKey(e.target) != pathKey(e.image))
                m_execsByPath[{e.host, pathKey(e.target)}].append(eventIndex);
        }
        break;
    case EventKind::PackageInstall:
        m_packageInstalls.append(eventIndex);
        break;
    case EventKind::ModuleLoad:
        if (e.target != 0) {
            m_loadsByPath[{e.host, pathKey(e.target)}].append(eventIndex);
            m_modulesByHost[e.host].append(eventIndex);
        }
        break;
    case EventKind::SignatureFault:
        m_faultsByHost[e.host].append(eventIndex);
        break;
    default:
        break;
    }
}

bool CaseIndex::demandCovers(
    const QHash<qint32, QList<std::pair<qint64, qint64>>> &loaded, qint32 host, qint64 fromUs, qint64 untilUs) const
{
    // Sorted by start and not overlapping (the reader merges them): the range that
    // could hold fromUs is the last one starting at or before it.
    const auto it = loaded.constFind(host);
    if (it == loaded.cend())
        return false;
    const QList<std::pair<qint64, qint64>> &ranges = it.value();
    const auto after = std::upper_bound(ranges.cbegin(), ranges.cend(), fromUs,
        [](qint64 t, const std::pair<qint64, qint64> &r) { return t < r.first; });
    return after != ranges.cbegin() && untilUs <= std::prev(after)->second;
}

namespace {

// The events of `byHost[host]` (in time order) dated fromUs … untilUs.
QList<qint32> eventsBetween(const QHash<qint32, QList<qint32>> &byHost, const QList<IndexedEvent> &events, qint32 host,
    qint64 fromUs, qint64 untilUs)
{
    const auto it = byHost.constFind(host);
    if (it == byHost.cend())
        return {};
    const QList<qint32> &list = it.value();
    auto pos = std::lower_bound(
        list.begin(), list.end(), fromUs, [&](qint32 ev, qint64 t) { return events.at(ev).timeUs < t; });
    QList<qint32> out;
    for (; pos != list.end() && events.at(*pos).timeUs <= untilUs; ++pos)
        out.append(*pos);
    return out;
}

} // namespace

QList<qint32> CaseIndex::moduleLoads(qint32 host, qint64 fromUs, qint64 untilUs) const
{
    if (m_demand && !demandCovers(m_modulesLoaded, host, fromUs, untilUs)) {
        m_missing.modules.append({strings.at(host), fromUs, untilUs});
        noteMissing();
    }
    return eventsBetween(m_modulesByHost, m_events, host, fromUs, untilUs);
}

QList<qint32> CaseIndex::signatureFaults(qint32 host, qint64 fromUs, qint64 untilUs) const
{
    if (m_demand && !demandCovers(m_faultsLoaded, host, fromUs, untilUs)) {
        m_missing.faults.append({strings.at(host), fromUs, untilUs});
        noteMissing();
    }
    return eventsBetween(m_faultsByHost, m_events, host, fromUs, untilUs);
}

bool CaseIndex::isAncestor(qint32 ancestor, qint32 node) const
{
    qsizetype steps = 0;
    for (qint32 p = node; p >= 0 && steps <= m_nodes.size(); p = m_nodes.at(p).parent, ++steps) {
        if (p == ancestor)
            return true;
    }
    return false;
}

QList<qint32> CaseIndex::ancestors(qint32 node) const
{
    QList<qint32> result;
    // Guard against cycles that corrupt input could create.
    for (qint32 p = m_nodes.at(node).parent; p >= 0 && result.size() < m_nodes.size(); p = m_nodes.at(p).parent)
        result.append(p);
    return result;
}

QList<qint32> CaseIndex::descendants(qint32 node, qint64 untilUs) const
{
    // A demand index read subtrees whole: a node read with its subtree has all of its
    // descendants read too, so only the walk's own root can be missing them (children()
    // notes it).
    QList<qint32> result;
    QList<qint32> stack = children(node);
    while (!stack.isEmpty() && result.size() < m_nodes.size()) {
        const qint32 n = stack.takeLast();
        if (m_nodes.at(n).startUs > untilUs)
            continue;
        result.append(n);
        stack.append(m_nodes.at(n).children);
    }
    return result;
}

void CaseIndex::noteMissing() const
{
    if (m_demandSeed >= 0)
        m_missing.seeds.insert(m_demandSeed);
    else
        m_missing.outsideSeeds = true;
}

const QList<qint32> &CaseIndex::children(qint32 node) const
{
    if (m_demand && !(m_nodeLoaded.at(node) & SubtreeLoaded)) {
        m_missing.children.insert(node);
        noteMissing();
    }
    return m_nodes.at(node).children;
}

const QList<qint32> &CaseIndex::eventsOf(qint32 node) const
{
    if (m_demand && !(m_nodeLoaded.at(node) & EventsLoaded)) {
        m_missing.events.insert(node);
        noteMissing();
    }
    return m_nodeEvents.at(node);
}

QPair<qint32, qint32> CaseIndex::pathLookup(qint32 host, qint32 path) const
{
    if (const auto known = pathKeyIfKnown(path)) {
        if (m_demand && !m_pathsLoaded.contains({host, *known})) {
            m_missing.paths.insert({strings.at(host), strings.at(*known)});
            noteMissing();
        }
        return {host, *known};
    }
    // A path no event of this index named as an image or a target: folded here as
    // pathKey() would, so that the answer does not depend on which other events were
    // read (a demand index holds fewer). No lookup holds a key that is not interned.
    const QString key = lookupPathOf(strings.at(path));
    const QPair<qint32, qint32> lookup(host, strings.find(key));
    if (m_demand && (lookup.second < 0 || !m_pathsLoaded.contains(lookup))) {
        m_missing.paths.insert({strings.at(host), key});
        noteMissing();
    }
    return lookup;
}

namespace {

std::optional<qint32> firstAtOrAfter(const QHash<QPair<qint32, qint32>, QList<qint32>> &byPath,
    const QList<IndexedEvent> &events, QPair<qint32, qint32> key, qint64 afterUs)
{
    const auto it = byPath.constFind(key);
    if (it == byPath.constEnd())
        return std::nullopt;
    const QList<qint32> &list = it.value();
    const auto pos = std::lower_bound(
        list.begin(), list.end(), afterUs, [&](qint32 ev, qint64 t) { return events.at(ev).timeUs < t; });
    if (pos == list.end())
        return std::nullopt;
    return *pos;
}

} // namespace

std::optional<qint32> CaseIndex::firstLoad(qint32 host, qint32 path, qint64 afterUs) const
{
    return firstAtOrAfter(m_loadsByPath, m_events, pathLookup(host, path), afterUs);
}

QList<qint32> CaseIndex::useBefore(qint32 host, qint32 path, qint64 beforeUs) const
{
    const QPair<qint32, qint32> key = pathLookup(host, path);
    QList<qint32> out;
    for (const auto *byPath : {&m_execsByPath, &m_loadsByPath}) {
        for (qint32 ev : byPath->value(key)) {
            if (m_events.at(ev).timeUs >= beforeUs)
                break;
            out.append(ev);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<qint32> CaseIndex::firstExec(qint32 host, qint32 path, qint64 afterUs) const
{
    const auto it = m_execsByPath.constFind(pathLookup(host, path));
    if (it == m_execsByPath.constEnd())
        return std::nullopt;
    const QList<qint32> &list = it.value();
    const auto pos = std::lower_bound(
        list.begin(), list.end(), afterUs, [this](qint32 ev, qint64 t) { return m_events.at(ev).timeUs < t; });
    if (pos == list.end())
        return std::nullopt;
    return *pos;
}

QString CaseIndex::processKey(qint32 node) const
{
    const ProcessNode &n = m_nodes.at(node);
    return QStringLiteral("%1/%2@%3").arg(strings.at(n.host)).arg(n.pid).arg(formatTimeUs(n.startUs));
}

} // namespace Chainscope
