#pragma once

#include "casestore.h"
#include "event.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <atomic>
#include <functional>
#include <limits>
#include <optional>

namespace Chainscope {

struct IndexedEventRow;

// Interns the strings of a case so millions of events share each image and path
// once, and comparisons are integer comparisons.
class StringPool
{
public:
    StringPool();
    qint32 intern(const QString &s); // empty strings are id 0
    // The same for text as the case file holds it, UTF-8 bytes (issue 15): a string
    // already in the pool costs a hash and a compare, no QString; the QString is made
    // once, when the string is new. The id is the one intern(QString::fromUtf8(utf8))
    // gives, whatever the bytes (not UTF-8, NULs, a BOM).
    qint32 intern(QByteArrayView utf8);
    const QString &at(qint32 id) const { return m_strings.at(id); }
    qint32 find(const QString &s) const; // -1 when not interned
    qsizetype size() const { return m_strings.size(); }
    // Whether `utf8` is exactly the UTF-8 form of `s`, decoded strictly (no overlong
    // forms, no encoded surrogates, nothing past U+10FFFF, no cut sequence): bytes that
    // are not UTF-8 never equal a string. What a probe compares when two hashes agree.
    static bool isUtf8Of(QByteArrayView utf8, QStringView s);

private:
    // One slot of the open-addressing table: a string's id and the hash of its UTF-8
    // form (so most probes compare no text). Ids instead of keys: each string is kept
    // once, in m_strings.
    struct Slot
    {
        quint32 hash = 0;
        qint32 id = -1;
    };
    static quint32 hashOf(QByteArrayView utf8);
    static quint32 hashOf(QStringView s);
    // The slot holding an id for which `equal(id)` holds, or the empty slot where it goes.
    template<typename Equal> qsizetype slotFor(quint32 hash, Equal equal) const;
    qint32 add(QString s, quint32 hash, qsizetype slot);

    QList<QString> m_strings;
    QList<Slot> m_slots; // a power of two long, at most 3/4 full
};

// The part of an event the correlation core needs, compact.
struct IndexedEvent
{
    qint64 id = -1;
    qint64 timeUs = 0;
    qint64 pid = -1;
    qint64 ppid = -1;
    qint32 host = 0;
    qint32 image = 0;
    qint32 commandLine = 0;
    qint32 target = 0;
    qint32 dstIp = 0;
    qint32 dstHost = 0;
    qint32 signer = 0;
    qint32 signatureStatus = 0;
    qint32 hashes = 0; // of the target (written file, loaded module), as the log gave them
    qint32 teamId = 0; // macOS: the Apple Developer Team ID of the code (exec, load, complaint)
    // What a process start says about its parent (Sysmon 1, Security 4688): lineage
    // for a parent whose own start is not in the logs.
    qint32 processGuid = 0; // Sysmon ProcessGuid, braces and case as logged
    qint32 parentGuid = 0;
    qint32 parentImage = 0;
    qint32 parentCommandLine = 0;
    qint32 sourceId = -1;
    qint32 answers = -1; // dns_query: index into CaseIndex::dnsAnswers()
    qint32 node = -1; // the process that acted
    qint32 dstPort = -1;
    EventKind kind = EventKind::LogMessage;
    Platform platform = Platform::Unknown;
    bool fork = false; // process_start made by fork/clone: a new process, image inherited
    bool local = false; // connect to a unix socket or loopback: not egress
    // A registry value or file that makes code start again (Run keys, services):
    // kept as a note on the first run's evidence. Only such log messages are indexed.
    bool persistence = false;
    // dstHost was not logged: the index named the address by the process's own DNS
    // answer just before (the stored index keeps such names, issue 15).
    bool resolvedDst = false;
};

// A process as reconstructed from the logs. Identity is host + pid + start: pids are
// reused, so a child attaches to the process that had its parent's pid *at the
// moment the child started*.
struct ProcessNode
{
    qint32 host = 0;
    qint64 pid = -1;
    qint64 ppid = -1;
    qint64 startUs = 0;
    qint64 endUs = std::numeric_limits<qint64>::max();
    // False when the logs never showed the start: the process is known "seen from"
    // startUs (its first event).
    bool startSeen = true;
    bool execed = false; // image set by an exec (not only inherited from a fork)
    qint32 parent = -1;
    QList<qint32> children;
    qint32 image = 0;
    qint32 commandLine = 0;
    qint64 startEventId = -1; // the exec (or fork) event that started it
    Platform platform = Platform::Unknown;
    // Why `parent` is this process's parent when no log said so directly (string id,
    // 0 when a log named the parent): the join is inferred and the chain says so.
    qint32 parentReason = 0;
};

} // namespace Chainscope

// Its QList moves by its pointer: a list of a million nodes grows by realloc in place
// instead of a copy of every node beside the old ones (issue 15: the peak of an open).
Q_DECLARE_TYPEINFO(Chainscope::ProcessNode, Q_RELOCATABLE_TYPE);

namespace Chainscope {

// Everything of a case the correlation needs, in memory, with the process graph.
// Independent of the policy: built once per case load, reused by every recompute.
class CaseIndex
{
public:
    // Told how many events were read of how many the case holds (log messages count in
    // the total, not in what is read): every 65,536 rows and once at the end.
    using Progress = std::function<void(qint64 read, qint64 total)>;
    // Loads all events except log messages, in time order. Returns false if cancelled.
    bool load(CaseStore &store, const std::atomic<bool> *cancel = nullptr, const Progress &progress = {});
    // The same for the events of some hosts only (one part of the stored index,
    // CaseStore::indexParts(), which says how many events they have): the index of a
    // host never depends on another host's events.
    bool loadPart(CaseStore &store, const CaseStore::IndexPart &part, const std::atomic<bool> *cancel = nullptr,
        const Progress &progress = {});
    // For tests and generated benchmarks: events already in time order.
    void build(QList<IndexedEvent> events);

    StringPool strings;
    const QList<IndexedEvent> &events() const { return m_events; }
    const QList<ProcessNode> &processes() const { return m_nodes; }
    const ProcessNode &process(qint32 node) const { return m_nodes.at(node); }
    const QList<qint32> &eventsOf(qint32 node) const;
    qint64 loadedEvents() const { return m_events.size(); }

    // The processes `node` started, in the order the logs showed them (what the
    // correlator reads of a node's children: a demand index notes a node whose subtree
    // it did not read).
    const QList<qint32> &children(qint32 node) const;
    // Nearest first.
    QList<qint32> ancestors(qint32 node) const;
    // Every process below `node` that started no later than `untilUs`.
    QList<qint32> descendants(qint32 node, qint64 untilUs = std::numeric_limits<qint64>::max()) const;
    // Index into events() of the first exec of `path` on `host` at or after `afterUs`.
    std::optional<qint32> firstExec(qint32 host, qint32 path, qint64 afterUs) const;
    // The same for module loads: a written library "runs" when a process loads it.
    std::optional<qint32> firstLoad(qint32 host, qint32 path, qint64 afterUs) const;
    // Execs and loads of `path` on `host` before `beforeUs` (indices, in time order):
    // the history that tells a new hash or signer of a known file from the old one.
    QList<qint32> useBefore(qint32 host, qint32 path, qint64 beforeUs) const;
    // Package-install events (indices), in time order.
    const QList<qint32> &packageInstalls() const { return m_packageInstalls; }
    // The addresses a DNS query resolved to (string ids), for IndexedEvent::answers.
    const QList<QList<qint32>> &dnsAnswers() const { return m_dnsAnswers; }
    // For tests and generated cases: answers for an event built by hand.
    qint32 addDnsAnswers(const QList<qint32> &ips);

    // Module loads on `host` (indices, in time order): what an update session's
    // service hosts loaded while it ran.
    QList<qint32> moduleLoads(qint32 host, qint64 fromUs, qint64 untilUs) const;
    // Signature complaints on `host` (indices, in time order). Gatekeeper and AMFI log
    // them from their own daemons, so they are found by the file they name, not by
    // the process tree of the code they judge.
    QList<qint32> signatureFaults(qint32 host, qint64 fromUs, qint64 untilUs) const;
    // Whether the case holds any network event (connect or DNS) for `host`: tells "no
    // egress" from "egress is not logged here".
    bool hasNetworkEvents(qint32 host) const { return m_netHosts.contains(host); }
    // Events dropped as duplicates of events already indexed (the same file imported
    // twice, or overlapping exports): duplicates never change the chains.
    qint64 duplicatesDropped() const { return m_duplicates; }
    qint64 duplicatesDropped(qint32 host) const { return m_duplicatesByHost.value(host); }

    // "host/pid@start" — the stable name of a process in JSON and reports.
    QString processKey(qint32 node) const;

    // A chain snapshot's index (ChainSnapshot): only what kept chains refer to, without
    // the lookups by path and host. Views and reports read it; the Correlator cannot.
    bool isPartial() const { return m_partial; }

    // An index read from the case's stored index on demand (StoredIndex, issue 15):
    // it holds only what earlier walks asked for, and every question it cannot answer
    // in full — the events of a process not read, the children of a process whose
    // subtree was not read, the runs of a path, the loads or faults of a host in a
    // time range — is noted in missing(). A computation over it is right only when
    // it noted nothing; otherwise the reader reads what was missing and computes again.
    struct Missing
    {
        QSet<qint32> events; // nodes
        QSet<qint32> children; // nodes whose subtree a walk went below
        QSet<QPair<QString, QString>> paths; // (host, path key) of execs and loads
        struct Range
        {
            QString host;
            qint64 fromUs = 0;
            qint64 untilUs = 0;
        };
        QList<Range> modules;
        QList<Range> faults;
        // Whose walk missed them: the seeds (their places in the Correlator's list), and
        // whether anything was missed outside every seed's walk (finding the seeds,
        // taking the snapshot): then every seed is computed again.
        QSet<int> seeds;
        bool outsideSeeds = false;
        bool isEmpty() const
        {
            return events.isEmpty() && children.isEmpty() && paths.isEmpty() && modules.isEmpty() && faults.isEmpty();
        }
    };
    bool isDemand() const { return m_demand; }
    // The seed whose walk the correlator is on (-1: none), for Missing::seeds.
    void setDemandSeed(int seed) const
    {
        if (m_demand) // a whole index is shared read-only between threads
            m_demandSeed = seed;
    }
    // The form of a path the lookups by path are keyed by: Windows paths compare
    // without case and with either slash, folded; others as they are.
    static QString lookupPathOf(const QString &path);
    // What a demand index read of a process: its events, its whole subtree.
    enum NodeLoaded : quint8 { EventsLoaded = 1, SubtreeLoaded = 2 };
    const Missing &missing() const { return m_missing; }

private:
    friend struct ChainSnapshot;
    friend struct StoredIndex;

    // One event as the index holds it, from the case's row (its node still unknown).
    // DNS answers are appended to `answers`; `loopback` remembers addresses decided.
    template<typename ForEach>
    bool loadFrom(
        CaseStore &store, qint64 total, const std::atomic<bool> *cancel, const Progress &progress, ForEach forEach);
    // The events `forEach` visits, Windows spellings of a host folded into one: each
    // folded key's smallest spelling (`windowsHosts`: folded key -> its id; a continued
    // part starts with its hosts' names so far), and `sameHost` the spellings folded
    // (spelling id -> host id).
    template<typename ForEach>
    bool readRows(CaseStore &store, qint64 total, const std::atomic<bool> *cancel, const Progress &progress,
        ForEach forEach, QList<IndexedEvent> &events, QHash<QString, qint32> &windowsHosts,
        QHash<qint32, qint32> &sameHost);
    // readRows() of a part's events after `afterUs` (a part continued after its last
    // event, StoredIndex).
    bool readPartAfter(CaseStore &store, const CaseStore::IndexPart &part, qint64 afterUs,
        const std::atomic<bool> *cancel, const Progress &progress, QList<IndexedEvent> &events,
        QHash<QString, qint32> &windowsHosts, QHash<qint32, qint32> &sameHost);
    void reset();
    // Builds the graph from m_events[first] on (before `first`: what a continued index
    // carries over, StoredIndex).
    void buildFrom(qint32 first);
    static IndexedEvent eventFromRow(
        const IndexedEventRow &r, StringPool &strings, QList<QList<qint32>> &answers, QHash<qint32, bool> &loopback);
    // The lookups by path and host an event adds (build() and the stored index's reader
    // add them the same way).
    void addLookups(qint32 eventIndex);
    bool demandCovers(const QHash<qint32, QList<std::pair<qint64, qint64>>> &loaded, qint32 host, qint64 fromUs,
        qint64 untilUs) const;

    qint32 nodeFor(qint32 host, qint64 pid, qint64 ppid, qint64 timeUs, qint32 image, Platform platform);
    // A process the logs never showed starting, "seen from" timeUs.
    qint32 unseenNode(qint32 host, qint64 pid, qint64 timeUs, qint32 image, qint32 commandLine, Platform platform,
        qint64 ppid = -1, qint32 parent = -1);
    // The node of a Windows process by its Sysmon ProcessGuid, made "seen from" now
    // when unknown; -1 without a GUID.
    qint32 nodeForGuid(const IndexedEvent &e);
    // The parent of a started process: by GUID, by pid, or as a node known only from
    // what the child said about it.
    qint32 parentFor(const IndexedEvent &e);
    // A shell or interpreter that ran the child's command line just before, when the
    // logs name no parent for the child (AN0863: lineage when fork records are lost).
    qint32 inferredParent(qint32 eventIndex, qint32 *reason);
    // Whether `ancestor` is `node` or above it (walks at most every node once).
    bool isAncestor(qint32 ancestor, qint32 node) const;
    qint32 newNode(const ProcessNode &node);
    void closeNode(qint32 node, qint64 timeUs);

    QList<IndexedEvent> m_events;
    QList<ProcessNode> m_nodes;
    QList<QList<qint32>> m_nodeEvents;
    QHash<QPair<qint32, qint64>, qint32> m_current; // (host, pid) -> live node
    // Windows paths compare case-insensitively: the image of a process and the file an
    // installer wrote may differ in case. Such paths are indexed by a folded form.
    qint32 pathKey(qint32 path);
    std::optional<qint32> pathKeyIfKnown(qint32 path) const;
    // The key of `path` on `host` in the lookups by path; a demand index notes it
    // missing when its runs were not read.
    QPair<qint32, qint32> pathLookup(qint32 host, qint32 path) const;

    QHash<QPair<qint32, qint32>, QList<qint32>> m_execsByPath; // (host, path key) -> exec events
    QHash<QPair<qint32, qint32>, QList<qint32>> m_loadsByPath; // (host, path key) -> module loads
    QHash<qint32, qint32> m_foldedPaths; // Windows path id -> id of its folded form
    QList<qint32> m_packageInstalls;
    QList<QList<qint32>> m_dnsAnswers;
    QHash<QPair<qint32, qint32>, qint32> m_byGuid; // (host, process GUID) -> node
    QHash<qint32, QList<qint32>> m_modulesByHost; // host -> module loads, in time order
    QHash<qint32, QList<qint32>> m_faultsByHost; // host -> signature faults, in time order
    QSet<qint32> m_netHosts;
    // Recent process starts per host, for joining a child to the shell that ran its
    // command line: (host) -> start events in time order (pruned as time moves on).
    QHash<qint32, QList<qint32>> m_recentStarts;
    // (process, address) -> the name the process last resolved that address from (a
    // DNS answer): what a later address-only connection of the process is named by.
    QHash<QPair<qint32, qint32>, qint32> m_resolved;
    qint64 m_duplicates = 0;
    QHash<qint32, qint64> m_duplicatesByHost;
    // The event (index into m_events) whose turn in build() made each process known:
    // what numbers a process in the stored index.
    QList<qint32> m_createdBy;
    qint32 m_building = -1;
    bool m_partial = false;
    // Windows host spellings the load folded into one host (spelling id -> host id).
    QHash<qint32, qint32> m_hostAliases;
    // Each Windows host's name (folded key -> the smallest spelling's id): what a part
    // continued later must name its new events' host by (StoredIndex).
    QHash<QString, qint32> m_windowsHosts;

    // A demand index's coverage (isDemand()).
    bool m_demand = false;
    QList<quint8> m_nodeLoaded;
    QSet<QPair<qint32, qint32>> m_pathsLoaded; // (host, path key)
    // host -> time ranges read (both ends included), sorted and not overlapping
    QHash<qint32, QList<std::pair<qint64, qint64>>> m_modulesLoaded;
    QHash<qint32, QList<std::pair<qint64, qint64>>> m_faultsLoaded;
    mutable Missing m_missing;
    mutable int m_demandSeed = -1;
    void noteMissing() const;
};

} // namespace Chainscope
