#pragma once

#include "event.h"
#include "policy.h"
#include "serialgaps.h"
#include "sqlitedb.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringEncoder>

#include <array>

#include <functional>
#include <limits>
#include <memory>
#include <optional>

namespace Chainscope {

enum class SourceStatus { Incomplete, Complete };

// What the importer learned about one file. Counts are those the CLI reports.
struct ImportCounts
{
    qint64 recordsRead = 0; // records (lines, audit records, EVTX records) seen
    qint64 eventsStored = 0;
    qint64 recordsFailed = 0; // damaged or unreadable records: the "errors"
    qint64 recordsSkipped = 0; // comments and blank lines: not evidence, not errors
    // Holes in the log's sequence numbers (audit serials): a possible loss, never an
    // error; every record that is there may be intact (issue 11, finding 12).
    SerialGaps gaps;
};

struct SourceInfo
{
    qint64 id = -1;
    QString path;
    QString sha256;
    qint64 size = -1;
    QString format;
    QString host; // host assumed for records that name none
    QString timeZone; // zone assumed for local timestamps (dpkg, apt)
    QDateTime importStarted;
    QDateTime importFinished;
    ImportCounts counts;
    SourceStatus status = SourceStatus::Incomplete;
    QString error; // first error, for the analyst
    // A member of an archive (issue 13, triage collections): the archive's absolute path
    // and SHA-256, and the member's path inside it; `sha256` is then the member's. All
    // empty for a file read from disk.
    QString archivePath;
    QString archiveSha256;
    QString memberPath;
};

struct ImportErrorRecord
{
    qint64 recordPos = -1;
    QString message;
};

// One raw_records row as stored: not decoded, not trusted (see CaseStore::decodeRaw).
struct StoredRawRecord
{
    qint64 id = -1;
    qint64 sourceId = -1;
    QByteArray data;
    QString encoding; // empty: the bytes as read
    QByteArray sha256; // 32 bytes; empty for records stored before case format 5
};

struct EventFilter
{
    std::optional<EventKind> kind;
    std::optional<qint64> sourceId;
    qint64 limit = -1;
    qint64 offset = 0;
    // Keyset paging: only events after this (time, id) in time order. Cheaper than
    // large offsets when a view scrolls through millions of events.
    std::optional<std::pair<qint64, qint64>> after;
};

// What an events list sorts by (issue 14): one key per column of the events table that
// has an order. Ties are broken by time, then id, in the same direction.
enum class EventSortKey { Time, Host, Source, Kind, Provider, EventCode, Pid, Image, Object, CommandLine, Message };

// The events table's query (issue 14): every filter, the order and the page run in SQL
// with the values bound, so that a case of millions of events is never read whole.
// Empty members do not filter.
struct EventQuery
{
    // Case-insensitive substring (SQLite LIKE: ASCII letters fold, others compare as
    // they are; % and _ match literally) over image, command line, target path,
    // destination host and IP, user, and every value of the event's details: the Windows
    // provider and channel, audit's proctitle, a package log's message, ….
    QString text;
    // Any of these hosts. A Windows host compares case-insensitively (IE8Win7 = IE8WIN7,
    // as Windows itself names machines); other platforms' hosts compare exactly.
    QStringList hosts;
    QList<qint64> sourceIds;
    QList<EventKind> kinds;
    QString provider; // details.provider, exactly (the Windows event provider)
    std::optional<qint64> eventCode; // details.event_id (the Windows event id)
    // Both bounds inclusive: fromUs <= time_us <= toUs.
    std::optional<qint64> fromUs;
    std::optional<qint64> toUs;
    // Only these events ("this chain only"); an empty list matches nothing.
    std::optional<QList<qint64>> eventIds;
    bool bookmarkedOnly = false;
    EventSortKey sortKey = EventSortKey::Time;
    bool descending = false;
    qint64 limit = -1;
    qint64 offset = 0;
};

// A saved version of the case's policy, for the report's policy history.
struct PolicyVersion
{
    int version = 0;
    QDateTime saved;
    Policy policy;
};

// The analyst's verdict on a chain (issue 14). Names are stored in the case and part of
// the JSON contract.
enum class TriageMark { None, Confirmed, Benign, FollowUp };
QString triageMarkName(TriageMark mark); // "", confirmed, benign, follow_up
std::optional<TriageMark> triageMarkFromName(const QString &name);

// A chain's mark and note, kept by its seed (Chain::seedEventId()): chain numbers change
// when the policy does, the install that seeded a chain does not.
struct ChainTriage
{
    qint64 seedEventId = -1;
    TriageMark mark = TriageMark::None;
    QString note;
    QDateTime updated;
};

// The last chain list of the case as CaseStore keeps it (issue 15): opaque to the store.
// `key` says what the chains were computed by and under (the analysis decides), and
// `generation` which state of the events (CaseStore::eventsGeneration()).
struct StoredChainCache
{
    QByteArray key;
    qint64 generation = 0;
    QByteArray sha256; // of `data`, as written
    QByteArray data;
};

struct Bookmark
{
    qint64 eventId = -1;
    QString note;
    QDateTime created;
};

// One case file. Not thread-safe: each thread that works on a case opens its own
// CaseStore on the same file (SQLite in WAL mode lets readers run beside one writer).
// One row the correlation index reads, as the case file holds it (issue 15): text as
// its UTF-8 bytes, viewed in SQLite's own buffers (valid only during the visit, so
// millions of rows cost no QString each), numbers as numbers. Absent text is empty,
// absent numbers -1, as in Event.
struct IndexedEventRow
{
    qint64 id = -1;
    qint64 timeUs = 0;
    qint64 pid = -1;
    qint64 ppid = -1;
    qint64 sourceId = -1;
    int dstPort = -1;
    EventKind kind = EventKind::LogMessage;
    Platform platform = Platform::Unknown;
    bool forked = false;
    QByteArrayView host;
    QByteArrayView image;
    QByteArrayView commandLine;
    QByteArrayView targetPath;
    QByteArrayView dstIp;
    QByteArrayView dstHost;
    QByteArrayView signer;
    QByteArrayView signatureStatus;
    QByteArrayView addressFamily;
    QByteArrayView hashes;
    QByteArrayView processKey;
    QByteArrayView parentProcessKey;
    QByteArrayView parentImage;
    QByteArrayView parentCommandLine;
    QByteArrayView teamId;
    // dns_query only (other kinds never use them): the addresses the name resolved to.
    QStringList dnsAnswers;
};

// The correlation index as the case keeps it (issue 15, case format 13): what
// CaseIndex::build works out from the events — the process graph with pid reuse, GUID
// joins and inferred parents resolved, which process each event belongs to, and the
// lookups the correlator makes by path and by host — so that a recompute reads only
// what its walks touch instead of every event. Kept in parts, one per host
// (indexPartOf): a change of the events marks the parts of its hosts stale, and only
// those are written again.
struct StoredProcess
{
    // The process's number: the id of the event that made it known, times 4, plus the
    // how many-th process that event made (no event makes more than 2). With that
    // event's time (createdUs) it orders the processes as a pass over every event in
    // (time, id) order made them, whichever part it was written with.
    qint64 node = -1;
    qint64 parent = -1;
    qint32 childRank = 0; // its place in its parent's list of children
    QString host;
    qint64 pid = -1;
    qint64 ppid = -1;
    qint64 startUs = 0;
    qint64 endUs = std::numeric_limits<qint64>::max();
    bool startSeen = true;
    bool execed = false;
    // A seed whatever the policy says (an updater by behaviour): found without
    // asking every process.
    bool updater = false;
    QString image;
    QString commandLine;
    qint64 startEventId = -1;
    Platform platform = Platform::Unknown;
    QString parentReason;
    qint64 createdUs = 0;
};

// One event of the stored index: the process it belongs to, and the destination name
// the index gave a connection logged with only an address (empty: as logged).
struct StoredIndexEvent
{
    qint64 eventId = -1;
    qint64 node = -1;
    QString resolvedDstHost;
};

// The lookups by key, each in time order. Exec and Load are keyed by host and path,
// Module and Fault by host, Package by nothing (key 0); the caller makes the keys.
enum class StoredLookup { Exec = 0, Load = 1, Module = 2, Fault = 3, Package = 4 };

struct StoredLookupRow
{
    StoredLookup what = StoredLookup::Exec;
    qint64 key = 0;
    qint64 timeUs = 0;
    qint64 eventId = -1;
    qint64 node = -1;
    QString host; // of the event: the part the row is kept with (not read back)
};

// What the stored index was written for: the index's own version (the caller's
// digest of the code that builds it), the events generation all its parts describe,
// the header of each part (the caller's small facts about that part), and how many
// parts are marked stale (a generation is taken only when none is; this answers the
// reader who finds both, e.g. rows emptied by an update that raced a whole write).
struct StoredIndexState
{
    QByteArray version;
    qint64 generation = -1;
    QList<QByteArray> headers;
    qint64 staleParts = 0;
};

class CaseStore
{
public:
    static constexpr int SchemaVersion = 15;

    // ReadOnly (issue 11, finding 9): for what only reads (listings, reports, analysis).
    // Works on a case in a read-only folder, on a read-only file system, or a case file
    // without write permission; any write through it fails as CaseError::Kind::ReadOnly.
    // A case of an older format is still brought up to date where it can be written,
    // as ReadWrite does; where it cannot, it is refused with that reason. ReadWrite
    // refuses a case that cannot be written ("the case … is read-only") before touching it.
    // ReadWriteIfPossible: read-write, or read-only when the case cannot be written
    // (issue 11, finding 9): for the workbench and `verify`, which read first and
    // record only where they can.
    enum class Access { ReadWrite, ReadOnly, ReadWriteIfPossible };

    static std::unique_ptr<CaseStore> create(const QString &path);
    static std::unique_ptr<CaseStore> open(const QString &path, Access access = Access::ReadWrite);
    bool isReadOnly() const { return m_db->isReadOnly(); }
    ~CaseStore();

    const QString &path() const { return m_db->path(); }
    // The connection itself, for the store's tests; front ends and other layers use the
    // methods below, so that no SQL leaves the store (issue 12).
    Database &database() { return *m_db; }
    // How long a write waits for another writer (an import in another process) before
    // failing as busy; -1 waits as long as it takes. `onWaiting` is told how long so far.
    void setBusyWait(qint64 limitMs, std::function<void(qint64 waitedMs)> onWaiting = {})
    {
        m_db->setBusyWait(limitMs, std::move(onWaiting));
    }
    // A connection that writes little (a row of kept chains, the workbench's policies
    // and notes) needs no more page cache than one that only reads: SQLite writes what
    // does not fit to the log early.
    void useSmallPageCache();

    // The import protocol. beginSource() commits the source row at once with status
    // incomplete, so an import killed half-way leaves a visible, droppable trace;
    // the events themselves arrive in one transaction (EventWriter) that also flips
    // the status to complete.
    qint64 beginSource(const SourceInfo &info);
    QList<SourceInfo> sources();
    std::optional<SourceInfo> source(qint64 id);
    // The first source whose file had this SHA-256 and whose events are in the case:
    // the case already holds that evidence. A complete source, or an incomplete one
    // whose import was committed because the file itself is short (issue 11, finding 3):
    // importing it again would double its events. Interrupted imports do not count:
    // they hold no events, and importing the file again is how the analyst completes one.
    std::optional<qint64> sourceWithSha256(const QString &sha256);
    void dropSource(qint64 id);
    void recordSourceFailure(qint64 id, const QString &error);
    QList<ImportErrorRecord> importErrors(qint64 sourceId);
    // Gives a host to events of sources whose records carried none, and to the source.
    // Returns how many events got it.
    qint64 assignHost(qint64 sourceId, const QString &host);
    // Events of the source whose records named no host.
    qint64 eventsWithoutHost(qint64 sourceId);

    // The current policy (defaults, version 0, until one is saved).
    Policy policy();
    // Stores the policy as a new version unless it equals the current one; returns
    // the version now current.
    int savePolicy(const Policy &policy);

    // Every saved policy version, oldest first (the report's policy history).
    QList<PolicyVersion> policyHistory();

    // Triage (issue 14). Marks and notes by seed event; a chain with no mark and an
    // empty note has no row.
    QHash<qint64, ChainTriage> chainTriage();
    void setChainTriage(qint64 seedEventId, TriageMark mark, const QString &note);
    // Bookmarked events in time order, with the analyst's note.
    QList<Bookmark> bookmarks();
    void setBookmark(qint64 eventId, const QString &note = QString());
    void removeBookmark(qint64 eventId);

    // Every event of the case, from the events per minute written at import (issue 15):
    // no event is read, whatever the case's size.
    qint64 eventCount();
    // Events per kind name, in name order (the summary).
    QList<QPair<QString, qint64>> eventCountsByKind();
    // The hosts named by events, one entry per host: a Windows host spelled in several
    // cases (IE8Win7, IE8WIN7) is one host, named by its smallest spelling in code-point
    // order (the same that CaseIndex uses); other platforms' hosts are case-sensitive.
    QStringList hosts();
    // The hosts named by events of one platform (Windows ones folded as above).
    QStringList hosts(Platform platform);
    // The platforms of a source's events that name no host.
    QList<Platform> hostlessPlatforms(qint64 sourceId);
    // The platforms the case's events come from, with or without a host name, in the
    // order Windows, Linux, macOS (the hunt export offers rules for these).
    QList<Platform> platforms();
    void forEachEvent(const EventFilter &filter, const std::function<bool(const Event &)> &visit);
    std::optional<Event> event(qint64 id);
    // The events table (issue 14): a page of the events that match, in the query's order.
    // Stops when `visit` returns false.
    void queryEvents(const EventQuery &query, const std::function<bool(const Event &)> &visit);
    // How many events match (limit and offset ignored). A query without any filter is
    // answered from the events per minute written at import, without reading events.
    qint64 countEvents(const EventQuery &query);
    // Where the event sits in the query's order (0-based, limit and offset ignored);
    // nullopt when it does not match the query.
    std::optional<qint64> eventPosition(const EventQuery &query, qint64 eventId);
    // The Windows event providers named by the case's events, sorted (a filter's choices).
    QStringList eventProviders();
    // Whether the event is bookmarked, and its note.
    std::optional<Bookmark> bookmark(qint64 eventId);
    // The events the correlation index reads, in (time, id) order: every kind but log
    // messages, and of those the registry values that start code again (Run keys,
    // services). The row and its views are valid only during the visit. Stops when
    // `visit` returns false, and then returns false.
    bool forEachIndexedEvent(const std::function<bool(const IndexedEventRow &)> &visit);
    // The record(s) an event was normalized from, byte for byte.
    std::optional<QByteArray> rawRecord(qint64 eventId);

    // Chain of custody (issue 11, finding 13). PRAGMA integrity_check's findings,
    // empty when it says "ok": the page structure, free lists, every index against its
    // table. Not quick_check, which skips the indexes.
    QStringList integrityCheck();
    // Every raw record in id order, as stored, until `visit` returns false.
    void forEachRawRecord(const std::function<bool(const StoredRawRecord &)> &visit);
    // The bytes a stored record holds as read; nullopt when they cannot be recovered (a
    // damaged frame, an unknown encoding).
    static std::optional<QByteArray> decodeRaw(const QByteArray &data, const QString &encoding);
    // The events made from each of these raw records, ids ascending. One pass over the
    // events, whatever the number of records.
    QHash<qint64, QList<qint64>> eventIdsOfRawRecords(const QList<qint64> &rawIds);
    // Bumped by every change of the case's events (an import's commit, a dropped source,
    // hosts given to events), in the same transaction; 0 for a case never changed since
    // format 9. Chains computed from one generation do not describe another.
    qint64 eventsGeneration();
    // The last chain list kept in the case (issue 15), nullopt when there is none. A
    // change of the events removes it.
    std::optional<StoredChainCache> chainCache();
    // The same, its data read only when the row was kept under `key` (empty otherwise):
    // a policy change looks for chains kept under the new policy, and finding that the
    // row is the old policy's need not read its tens of MB (28 MB at 5M events).
    std::optional<StoredChainCache> chainCacheFor(const QByteArray &key);
    // Keeps `data` as the case's chain list for `key`, unless the events have changed
    // since `generation` (then nothing is written and false returned: the chains were
    // computed from events the case no longer holds). Replaces the previous one.
    bool setChainCache(const QByteArray &key, qint64 generation, const QByteArray &data);
    // The stored correlation index (issue 15): nullopt when the case holds none.
    std::optional<StoredIndexState> storedIndexState();
    // Removes it.
    void dropStoredIndex();
    // Removes the rows of those of these parts that are still marked stale (their marks
    // stay) and returns them, or nothing when the events changed after `generation`:
    // before stale parts are written again, so that none of their new rows meets an
    // old one of another stale part (event ids a dropped source freed are taken again
    // by the next import). Parts another writer wrote since the caller listed them are
    // left as that writer wrote them: emptying them would leave a current index empty.
    std::optional<QStringList> clearStoredIndexParts(const QStringList &parts, qint64 generation);
    // The part of the stored index a host's events are kept in: hosts that differ only
    // in the case of ASCII letters share one (Windows names a machine without regard to
    // case; on other platforms they are two hosts in one part).
    static QString indexPartOf(const QString &host);
    // The parts the case's events are in (from the sources' facets), each with its host
    // spellings, the sources with events on them and how many events they have; and
    // those whose events changed since the stored index wrote them.
    struct IndexPart
    {
        QString name; // indexPartOf() of its hosts
        QStringList hosts;
        QList<qint64> sources;
        qint64 events = 0;
        // The events of its sources on every host: what reading the part reads (a
        // source of many hosts, forwarded events or a SIEM export, is read for each).
        qint64 sourceEvents = 0;
    };
    QHash<QString, IndexPart> indexParts();
    QStringList staleIndexParts();
    // The same with each part's `since`: the earliest time of the events imports added to
    // it since it was written, when only imports changed it (nullopt: it is written
    // again).
    QHash<QString, std::optional<qint64>> staleIndexMarks();
    // What StoredIndex keeps to continue a part after its last event (ix_frontier):
    // nullopt when the part has none.
    struct IndexFrontier
    {
        qint64 lastUs = 0;
        QByteArray state;
    };
    std::optional<IndexFrontier> indexFrontier(const QString &part);
    // Whether the part is marked stale with `since` and its frontier is at `lastUs`: as a
    // writer that continues it read it (another writer that wrote it since removed the
    // mark or moved the frontier).
    bool isIndexPartAt(const QString &part, std::optional<qint64> since, qint64 lastUs);
    // A part's header (ix_parts), nullopt when the stored index has no such part.
    std::optional<QByteArray> indexPartHeader(const QString &part);
    // forEachIndexedEvent() for the events of one part only: of its sources, on its
    // hosts. Events of a source the case no longer lists (only damage leaves them) are
    // in no part. `scan`: walk the sources' events in time order, for a part with most
    // of the case's events; otherwise they are read and sorted.
    bool forEachIndexedEventOf(
        const IndexPart &part, bool scan, const std::function<bool(const IndexedEventRow &)> &visit);
    // The same for its events after `afterUs` only, in time order (the new events of a
    // part continued after its last one).
    bool forEachIndexedEventOfAfter(
        const IndexPart &part, qint64 afterUs, const std::function<bool(const IndexedEventRow &)> &visit);

    // The case's own notes (the `meta` table): creation, last verification.
    std::optional<QString> meta(const QString &key);
    void setMeta(const QString &key, const QString &value);

    // The event-density strip (issue 14): counted in SQL, so that a case of millions
    // of events is drawn from a few hundred numbers and no row is loaded.
    // The first and last event time (two lookups in the time index), nullopt for a case
    // without events.
    std::optional<std::pair<qint64, qint64>> eventTimeRange();
    // Events per time bucket over [fromUs, toUs] (both included): `bins` buckets of
    // densityBinWidth(fromUs, toUs, bins) µs each, the first starting at fromUs.
    // Empty when bins < 1 or toUs < fromUs. Exact to the µs (issue 15): the minutes
    // that lie wholly inside a bucket are summed from the events per minute written at
    // import; only a minute that a bucket boundary (or fromUs, or toUs) cuts is counted
    // on the time index, each event of it at most once. A refresh therefore reads a few
    // rows per minute of the range and the events of the cut part of a minute per
    // boundary: at worst (buckets narrower than a minute) each event of the range once.
    QList<qint64> eventDensity(qint64 fromUs, qint64 toUs, int bins);
    static qint64 densityBinWidth(qint64 fromUs, qint64 toUs, int bins);

    // Ordered list of the SQL scripts that build each schema version; index i
    // upgrades version i to i + 1. Exposed so tests can build old cases.
    static QList<const char *> migrations();

private:
    explicit CaseStore(std::unique_ptr<Database> db);
    // forEachIndexedEventOf() and forEachIndexedEventOfAfter(): through the time index
    // or through the sources' rows, sorted; all events or those after `afterUs`.
    bool forEachIndexedEventOfPart(const IndexPart &part, bool byTime, std::optional<qint64> afterUs,
        const std::function<bool(const IndexedEventRow &)> &visit);
    void migrate();
    void configure();

    std::unique_ptr<Database> m_db;
};

// Reads of the stored correlation index (issue 15; its state is CaseStore's
// storedIndexState()). Each query is prepared on first use and run again as often as
// asked: one reader serves a whole computation, which asks tens of thousands.
class StoredIndexReader
{
public:
    explicit StoredIndexReader(CaseStore &store);
    ~StoredIndexReader();
    StoredIndexReader(const StoredIndexReader &) = delete;
    StoredIndexReader &operator=(const StoredIndexReader &) = delete;

    // The distinct (image, platform) pairs of the stored processes.
    QList<std::pair<QString, Platform>> processImages();
    // The distinct command lines of the stored processes with this image and platform.
    QStringList commandLines(const QString &image, Platform platform);
    // Stored processes by number; by image and platform; those marked `updater`; every
    // process below `node` (children, their children, …; not `node` itself). Each list
    // in node order.
    QList<StoredProcess> processes(const QList<qint64> &nodes);
    QList<StoredProcess> processesWithImage(const QString &image, Platform platform);
    QList<StoredProcess> updaterProcesses();
    QList<StoredProcess> subtree(qint64 node);
    // How many children each of these stored processes has.
    QHash<qint64, qint32> childCounts(const QList<qint64> &nodes);
    // The events of a stored process, by event id.
    QList<StoredIndexEvent> eventsOf(qint64 node);
    // How many rows ix_images holds (one per part and distinct image and platform).
    qint64 imageRows();
    // The rows of one lookup key dated fromUs … untilUs (both included), in time order.
    QList<StoredLookupRow> lookup(StoredLookup what, qint64 key, qint64 fromUs, qint64 untilUs);
    // CaseStore::forEachIndexedEvent() for the events with these ids (in any order; ids
    // that name no event are skipped), visited in the order given. False when `visit`
    // stopped it.
    bool forEachEventById(const QList<qint64> &ids, const std::function<bool(const IndexedEventRow &)> &visit);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Writes the stored correlation index (issue 15) in one transaction: the whole index
// (the old one goes first), or some of its parts (their old rows go first, the others
// stay). Destroying it without commit() rolls back.
class StoredIndexWriter
{
public:
    // Writes the whole index.
    explicit StoredIndexWriter(CaseStore &store);
    // Writes these parts (CaseStore::indexPartOf) again; rows of other parts must not be
    // added.
    StoredIndexWriter(CaseStore &store, const QStringList &parts);
    // Continues one part after its last event: its rows stay, the new ones are added
    // and processes the new events changed are written over (updateProcess). Only
    // while the part is still marked stale with `since` and its frontier is at
    // `lastUs`, as the caller read them (another writer may have written it since):
    // otherwise isContinuing() is false and nothing may be added.
    struct Continue
    {
        // Explicit: a brace list of part names still means the constructor above.
        explicit Continue(const QString &name, std::optional<qint64> sinceUs, qint64 frontierUs)
            : part(name)
            , since(sinceUs)
            , lastUs(frontierUs)
        {
        }
        QString part;
        std::optional<qint64> since;
        qint64 lastUs = 0;
    };
    StoredIndexWriter(CaseStore &store, const Continue &part);
    bool isContinuing() const;
    ~StoredIndexWriter();
    StoredIndexWriter(const StoredIndexWriter &) = delete;
    StoredIndexWriter &operator=(const StoredIndexWriter &) = delete;

    void addProcess(const StoredProcess &process);
    // A stored process the continued part's new events changed (its end, its image, a
    // parent found later), written over by its number.
    void updateProcess(const StoredProcess &process);
    // The part's frontier (CaseStore::indexFrontier), replacing the one it had.
    void setFrontier(const QString &part, qint64 lastUs, const QByteArray &state);
    // The part keeps no frontier (it is written again, never continued).
    void dropFrontier(const QString &part);
    // A continued part's ix_images made again from its processes (some changed their
    // image); returns how many rows it has.
    qsizetype recountImages(const QString &part);
    void addEvent(const StoredIndexEvent &event);
    void addLookup(const StoredLookupRow &row);
    // The part's header; a part without one gets an empty header.
    void setHeader(const QString &part, const QByteArray &header);
    // How many distinct (image, platform) pairs the processes of a part added so far
    // have (what commit() writes to ix_images for it).
    qsizetype distinctImages(const QString &part) const;
    // Keeps what was added, unless the events changed since `generation` (then nothing
    // is kept and false is returned: the index describes events the case no longer
    // holds). The parts written are no longer stale; the stored index is of `generation`
    // when no part is left stale. Writing parts keeps the version the case holds.
    bool commit(const QByteArray &version, qint64 generation);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Writes the events of one source inside one transaction. Destroying it without
// finish() rolls everything back: the source stays incomplete with no events.
class EventWriter
{
public:
    EventWriter(CaseStore &store, qint64 sourceId);
    ~EventWriter();

    // Stores the raw record once, with the SHA-256 of its bytes; events that came from
    // it refer to the returned id. `sha256` is that digest when the caller made it on
    // another thread; empty: it is made here.
    qint64 addRaw(const QByteArray &raw, const QByteArray &sha256 = QByteArray());
    // The same for a raw record already compressed by RawCodec::compress() (on a
    // decode thread, so that the writer does not pay for it). `sha256` is the 32-byte
    // digest of the bytes before compression, made on that same thread; empty stores
    // no hash (the record then counts as not checkable, never as intact).
    qint64 addCompressedRaw(const QByteArray &frame, const QByteArray &sha256);
    qint64 add(const Event &event, qint64 rawId);
    void addError(qint64 recordPos, const QString &message);
    // The hash of the file as it lies on disk; known only once the reader is done, and
    // kept in the same transaction so that no source carries a hash without its events.
    void setSha256(const QString &sha256);
    // Commits the events with the source's counts and status: Complete, or Incomplete
    // when the file holds fewer records than it promises (its events are kept).
    void finish(const ImportCounts &counts, const QString &firstError = QString(),
        SourceStatus status = SourceStatus::Complete);

private:
    void flushHostRun();
    void writeFacets();

    CaseStore &m_store;
    qint64 m_sourceId;
    Transaction m_tx;
    Statement m_insertEvent;
    Statement m_insertRaw;
    Statement m_insertError;
    qint64 m_events = 0;
    qint64 m_errorsKept = 0;
    // The source's facets (schema 10): events per kind, per (platform, host), and
    // whether any event may name a provider.
    std::array<qint64, EventKindCount> m_kinds {};
    QHash<QPair<quint8, QString>, qint64> m_hosts;
    Platform m_runPlatform = Platform::Unknown;
    QString m_runHost;
    qint64 m_hostRun = 0;
    qint64 m_runEarliest = 0;
    // The earliest event this writer added on each part of the stored index
    // (CaseStore::indexPartOf): a part only appended to after its last event is
    // continued, not written again (StoredIndex::update).
    QHash<QString, qint64> m_earliestOfPart;
    bool m_mayNameProvider = false;
    // The source's events per minute (event_minutes), written by finish(). A log is
    // mostly in time order: the current run of one minute is counted apart and added to
    // the hash when the minute changes, so the hot loop rarely touches the hash.
    QHash<qint64, qint64> m_minutes;
    qint64 m_runMinute = 0;
    qint64 m_runEvents = 0;
    // Stateless: a broken surrogate at the end of one column must not leak into the next.
    QStringEncoder m_utf8 {QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
    QByteArray m_rowText; // the UTF-8 of the row being inserted
};

QString sourceStatusName(SourceStatus status);

} // namespace Chainscope
