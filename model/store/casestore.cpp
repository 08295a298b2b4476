#include "casestore.h"

#include "rawcodec.h"
#include "sha256.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <array>
#include <limits>

#include <sqlite3.h>

namespace Chainscope {

namespace {

// Version 1: the first case layout.
const char *const s_schemaV1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE sources(
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT,
    size INTEGER,
    format TEXT,
    import_started TEXT,
    import_finished TEXT,
    records_read INTEGER NOT NULL DEFAULT 0,
    events_stored INTEGER NOT NULL DEFAULT 0,
    records_failed INTEGER NOT NULL DEFAULT 0,
    records_skipped INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'incomplete' CHECK(status IN ('incomplete', 'complete')),
    error TEXT
);
CREATE TABLE raw_records(
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    data BLOB NOT NULL
);
CREATE TABLE events(
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    raw_id INTEGER REFERENCES raw_records(id) ON DELETE SET NULL,
    record_pos INTEGER,
    time_us INTEGER NOT NULL,
    host TEXT NOT NULL DEFAULT '',
    platform TEXT NOT NULL,
    kind TEXT NOT NULL,
    process_key TEXT,
    pid INTEGER,
    ppid INTEGER,
    image TEXT,
    command_line TEXT,
    user TEXT,
    target_path TEXT,
    hashes TEXT,
    signer TEXT,
    signature_status TEXT,
    team_id TEXT,
    dst_ip TEXT,
    dst_port INTEGER,
    dst_host TEXT,
    details TEXT
);
CREATE INDEX events_by_time ON events(time_us);
CREATE INDEX events_by_source ON events(source_id);
CREATE INDEX raw_by_source ON raw_records(source_id);
CREATE TABLE processes(
    id INTEGER PRIMARY KEY,
    host TEXT NOT NULL,
    process_key TEXT NOT NULL,
    pid INTEGER,
    ppid INTEGER,
    parent_key TEXT,
    image TEXT,
    command_line TEXT,
    user TEXT,
    start_us INTEGER,
    end_us INTEGER,
    start_seen INTEGER NOT NULL DEFAULT 1,
    UNIQUE(host, process_key)
);
CREATE TABLE policy(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
)sql";

// Version 2: the analyst sees why records failed, and which host and time zone were
// assumed for logs that carry neither.
const char *const s_schemaV2 = R"sql(
ALTER TABLE sources ADD COLUMN host TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
CREATE TABLE import_errors(
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    record_pos INTEGER,
    message TEXT NOT NULL
);
CREATE INDEX import_errors_by_source ON import_errors(source_id);
CREATE INDEX events_by_kind ON events(kind, time_us);
)sql";

// Version 3: the policy is versioned; every saved version is kept, so a report can
// say which allow-lists its chains were computed with.
const char *const s_schemaV3 = R"sql(
DROP TABLE policy;
CREATE TABLE policy_versions(
    version INTEGER PRIMARY KEY,
    saved TEXT NOT NULL,
    json TEXT NOT NULL
);
)sql";

// Version 4: raw records may be stored compressed (see RawCodec); NULL means the
// bytes as read.
const char *const s_schemaV4 = R"sql(
ALTER TABLE raw_records ADD COLUMN encoding TEXT;
)sql";

// Version 5: possible loss that is not damage, and a chain of custody inside the case.
// Gaps in a log's own sequence numbers (audit serials) are counted apart from errors:
// excerpts and rotated logs have them with every record intact. Each raw record keeps
// the SHA-256 of its bytes as read, so `verify` can tell a changed record from an
// intact one (SQLite pages carry no checksum of their own).
const char *const s_schemaV5 = R"sql(
ALTER TABLE sources ADD COLUMN gaps INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN gap_ranges TEXT;
ALTER TABLE raw_records ADD COLUMN sha256 BLOB;
)sql";

// Version 6: the facts the correlation reads get columns of their own instead of
// private keys in the details JSON (issue 12): how a process started, the socket's
// address family, a DNS query's answers (a JSON array) and what a process start says
// about its parent. Cases of older versions have them in details: each is moved out
// where it has the form the readers wrote, and stays in details otherwise. Those keys
// were written literally, so instr() passes over the rows without them cheaply.
const char *const s_schemaV6 = R"sql(
ALTER TABLE events ADD COLUMN forked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN address_family TEXT;
ALTER TABLE events ADD COLUMN dns_answers TEXT;
ALTER TABLE events ADD COLUMN parent_process_key TEXT;
ALTER TABLE events ADD COLUMN parent_image TEXT;
ALTER TABLE events ADD COLUMN parent_command_line TEXT;
UPDATE events SET forked = 1, details = json_remove(details, '$.via')
    WHERE instr(details, '"via"')
        AND (CASE WHEN json_valid(details) THEN json_extract(details, '$.via') END) IS 'fork';
UPDATE events SET address_family = json_extract(details, '$.family'), details = json_remove(details, '$.family')
    WHERE instr(details, '"family"')
        AND (CASE WHEN json_valid(details) THEN json_type(details, '$.family') END) IS 'text';
UPDATE events SET dns_answers = CASE json_type(details, '$.answers')
        WHEN 'array' THEN json_extract(details, '$.answers')
        ELSE json_array(json_extract(details, '$.answers')) END, -- a lone address, taken as a list of one
    details = json_remove(details, '$.answers')
    WHERE kind = 'dns_query' AND instr(details, '"answers"')
        AND (CASE WHEN json_valid(details) THEN json_type(details, '$.answers') END) IN ('array', 'text');
UPDATE events SET parent_process_key = json_extract(details, '$.parent_guid'),
    details = json_remove(details, '$.parent_guid')
    WHERE kind = 'process_start' AND instr(details, '"parent_guid"')
        AND (CASE WHEN json_valid(details) THEN json_type(details, '$.parent_guid') END) IS 'text';
UPDATE events SET parent_image = json_extract(details, '$.parent_image'),
    details = json_remove(details, '$.parent_image')
    WHERE kind = 'process_start' AND instr(details, '"parent_image"')
        AND (CASE WHEN json_valid(details) THEN json_type(details, '$.parent_image') END) IS 'text';
UPDATE events SET parent_command_line = json_extract(details, '$.parent_command_line'),
    details = json_remove(details, '$.parent_command_line')
    WHERE kind = 'process_start' AND instr(details, '"parent_command_line"')
        AND (CASE WHEN json_valid(details) THEN json_type(details, '$.parent_command_line') END) IS 'text';
)sql";

// Version 7: triage collections (issue 13). A source may be a member of an archive that
// was read in place: the archive's path and SHA-256 and the member's path inside it are
// kept beside the member's own hash, so the chain of custody reaches the file the
// analyst received. NULL for files read from disk, as for every source of older cases.
const char *const s_schemaV7 = R"sql(
ALTER TABLE sources ADD COLUMN archive_path TEXT;
ALTER TABLE sources ADD COLUMN archive_sha256 TEXT;
ALTER TABLE sources ADD COLUMN member_path TEXT;
)sql";

// Version 8 (issue 14): the analyst's triage. Chains are renumbered on every policy
// change, so a chain's mark and note are kept by its seed, the first install event,
// which stays the same chain whatever the allow-lists say. Bookmarks are per event.
const char *const s_schemaV8 = R"sql(
CREATE TABLE chain_triage(
    seed_event_id INTEGER PRIMARY KEY,
    mark TEXT NOT NULL,
    note TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE bookmarks(
    event_id INTEGER PRIMARY KEY,
    note TEXT NOT NULL,
    created TEXT NOT NULL
);
)sql";

// Version 9 (issue 15): the last chain list, so that an open shows it without reading
// the events. One row: the analysis's own key (code, language, policy), the events
// generation it was computed from, and the snapshot with its SHA-256. The generation
// (meta 'events_generation') is bumped by every change of the events in the same
// transaction as the change; a cache of another generation is stale.
const char *const s_schemaV9 = R"sql(
CREATE TABLE chain_cache(
    id INTEGER PRIMARY KEY CHECK (id = 1),
    key BLOB NOT NULL,
    generation INTEGER NOT NULL,
    sha256 BLOB NOT NULL,
    data BLOB NOT NULL
);
)sql";

// Version 10 (issue 15): what the events hold, per source, counted once: the hosts (with
// their platform), the kinds and the Windows providers. The workbench's filters and the
// summary read these instead of grouping millions of events on every open (5.6 s for
// the hosts and 6.5 s for the providers of a 5M-event case). Written in the import's
// transaction (EventWriter::finish), moved with the events by assignHost(), gone with
// the source. Cases of older formats get them here from their events, once (events of a
// source the case no longer lists, which only damage leaves, have no facets: the key
// refers to the source).
const char *const s_schemaV10 = R"sql(
CREATE TABLE source_facets(
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    facet TEXT NOT NULL,
    platform TEXT NOT NULL,
    value TEXT NOT NULL,
    events INTEGER NOT NULL,
    PRIMARY KEY (source_id, facet, platform, value)
) WITHOUT ROWID;
INSERT INTO source_facets
    SELECT source_id, 'host', platform, host, count(*) FROM events
    WHERE source_id IN (SELECT id FROM sources) GROUP BY source_id, platform, host;
INSERT INTO source_facets
    SELECT source_id, 'kind', '', kind, count(*) FROM events
    WHERE source_id IN (SELECT id FROM sources) GROUP BY source_id, kind;
INSERT INTO source_facets
    SELECT source_id, 'provider', '', json_extract(details, '$.provider'), count(*) FROM events
    WHERE source_id IN (SELECT id FROM sources) AND instr(details, '"provider"') AND json_valid(details)
        AND json_type(details, '$.provider') = 'text'
    GROUP BY source_id, 4;
)sql";

// Version 11 (issue 15): how many events each source has in each minute, so that the
// density strip and the size of the unfiltered events table are read from a few rows
// per minute instead of every event. EventWriter writes a source's minutes in the
// transaction of its events; dropSource() deletes them with the source. A minute is
// floor(time_us / 60 s): SQLite's / truncates toward zero, so before 1970 (negative
// times) it is corrected by one. Keyed by minute first: the strip reads a range of
// minutes of every source in minute order. No foreign key: a damaged older case with
// events of a vanished source still opens, and its minutes count what its events count.
const char *const s_schemaV11 = R"sql(
CREATE TABLE event_minutes(
    minute INTEGER NOT NULL,
    source_id INTEGER NOT NULL,
    events INTEGER NOT NULL,
    PRIMARY KEY(minute, source_id)
) WITHOUT ROWID;
INSERT INTO event_minutes(minute, source_id, events)
    SELECT CASE WHEN time_us >= 0 THEN time_us / 60000000 ELSE (time_us + 1) / 60000000 - 1 END AS m,
        source_id, count(*)
    FROM events GROUP BY m, source_id;
)sql";

// Version 12 (issue 15): the correlation index as the case keeps it, written whole for
// one events generation. Its tables are replaced by those of version 13 (below); an
// older case gets them empty, and its index is written on its next whole-index open.
const char *const s_schemaV12 = R"sql(
CREATE TABLE ix_state(
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BLOB NOT NULL,
    generation INTEGER NOT NULL,
    header BLOB NOT NULL
);
CREATE TABLE ix_processes(
    node INTEGER PRIMARY KEY,
    parent INTEGER NOT NULL,
    child_rank INTEGER NOT NULL,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    ppid INTEGER NOT NULL,
    start_us INTEGER NOT NULL,
    end_us INTEGER NOT NULL,
    flags INTEGER NOT NULL,
    image TEXT NOT NULL,
    command_line TEXT NOT NULL,
    start_event_id INTEGER NOT NULL,
    platform INTEGER NOT NULL,
    parent_reason TEXT NOT NULL
);
CREATE TABLE ix_events(
    node INTEGER NOT NULL,
    event_id INTEGER NOT NULL,
    resolved_dst_host TEXT,
    PRIMARY KEY (node, event_id)
) WITHOUT ROWID;
CREATE TABLE ix_lookups(
    what INTEGER NOT NULL,
    key INTEGER NOT NULL,
    time_us INTEGER NOT NULL,
    event_id INTEGER NOT NULL,
    node INTEGER NOT NULL,
    PRIMARY KEY (what, key, time_us, event_id)
) WITHOUT ROWID;
CREATE TABLE ix_images(
    image TEXT NOT NULL,
    platform INTEGER NOT NULL,
    PRIMARY KEY (image, platform)
) WITHOUT ROWID;
)sql";

// Version 13 (issue 15): the stored index in parts, one per host (Windows spellings of
// a host in one part: CaseStore::indexPartOf), so that an import rewrites only the parts
// of the hosts its events are on. The index of a host never depends on another host's
// events; a process is numbered by the event that made it known (its id * 4 + the how
// many-th process that event made, and that event's time in created_us), which one
// host's events alone decide, and which orders the processes as one pass over every
// event in time order would. ix_state: the index's own version and the events
// generation all parts describe; ix_parts: each part's header (small facts no walk
// reaches); ix_stale: parts whose events changed since they were written (marked in the
// transaction of the change, eventsChanged). ix_processes is the process graph (flags:
// bit 0 start seen, bit 1 execed, bit 2 updater; platform: int(Platform)), ix_events
// the process of each event and the destination name the index gave an address-only
// connection (NULL: as logged), ix_lookups the correlator's lookups by key in time
// order. The updaters are few: a partial index finds them without a scan. ix_processes'
// indexes are apart (IxProcessIndexes): a writer of the whole index makes them again.
const char *const s_schemaV13Tables = R"sql(
CREATE TABLE ix_state(
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BLOB NOT NULL,
    generation INTEGER NOT NULL
);
CREATE TABLE ix_parts(
    id INTEGER PRIMARY KEY,
    part TEXT NOT NULL UNIQUE,
    header BLOB NOT NULL
);
CREATE TABLE ix_stale(
    part TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE TABLE ix_processes(
    node INTEGER PRIMARY KEY,
    part INTEGER NOT NULL,
    created_us INTEGER NOT NULL,
    parent INTEGER NOT NULL,
    child_rank INTEGER NOT NULL,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    ppid INTEGER NOT NULL,
    start_us INTEGER NOT NULL,
    end_us INTEGER NOT NULL,
    flags INTEGER NOT NULL,
    image TEXT NOT NULL,
    command_line TEXT NOT NULL,
    start_event_id INTEGER NOT NULL,
    platform INTEGER NOT NULL,
    parent_reason TEXT NOT NULL
);
CREATE TABLE ix_events(
    node INTEGER NOT NULL,
    event_id INTEGER NOT NULL,
    resolved_dst_host TEXT,
    PRIMARY KEY (node, event_id)
) WITHOUT ROWID;
CREATE TABLE ix_lookups(
    what INTEGER NOT NULL,
    key INTEGER NOT NULL,
    time_us INTEGER NOT NULL,
    event_id INTEGER NOT NULL,
    node INTEGER NOT NULL,
    part INTEGER NOT NULL,
    PRIMARY KEY (what, key, time_us, event_id)
) WITHOUT ROWID;
CREATE INDEX ix_lookups_by_part ON ix_lookups(part);
CREATE TABLE ix_images(
    part INTEGER NOT NULL,
    image TEXT NOT NULL,
    platform INTEGER NOT NULL,
    PRIMARY KEY (part, image, platform)
) WITHOUT ROWID;
)sql";

// The indexes of ix_processes (schema 13). A writer of the whole index drops them while
// it fills the table and makes them again before it commits: one sort of the full table
// costs less than keeping them up to date through a million and more inserts (on 1.4M
// processes, about 4 s instead of 6.3 s). Rolled back with the writer's transaction.
// IF NOT EXISTS: commit() after a writer that could not drop them.
constexpr const char *IxProcessIndexes
    = "CREATE INDEX IF NOT EXISTS ix_processes_by_parent ON ix_processes(parent);"
      "CREATE INDEX IF NOT EXISTS ix_processes_by_image ON ix_processes(image, platform);"
      "CREATE INDEX IF NOT EXISTS ix_processes_updaters ON ix_processes(node) WHERE flags & 4;"
      "CREATE INDEX IF NOT EXISTS ix_processes_by_part ON ix_processes(part);";
constexpr const char *DropIxProcessIndexes
    = "DROP INDEX IF EXISTS ix_processes_by_parent; DROP INDEX IF EXISTS ix_processes_by_image; "
      "DROP INDEX IF EXISTS ix_processes_updaters; DROP INDEX IF EXISTS ix_processes_by_part;";

// Format 14: the host facets of a source were counted from strings bound as
// QString::toUtf8() writes them, which turns an unpaired UTF-16 surrogate (a hostile EVTX
// Computer name) into '?' where the event rows hold U+FFFD: the facet then names no
// event, and the stored index's part of that host is read from nothing. Counted again
// from the rows, for the sources with a '?' in a host facet. A stored index that may
// hold such a host (a part named with U+FFFD, a stale mark with '?', or a host with a
// leading byte order mark, whose rows a format-13 update did not find) is dropped, with
// the chains it may have computed: the next index writes it whole. The stored index's
// tables are made first where a hostile hand removed them, as ensureStoredIndexTables()
// does, so that such a case still opens.
const char *const s_schemaV14 = R"sql(
CREATE TEMP TABLE v14_sources AS
    SELECT DISTINCT source_id FROM source_facets WHERE facet = 'host' AND instr(value, '?') > 0;
CREATE TEMP TABLE v14_drop AS SELECT 1 AS yes WHERE EXISTS (SELECT 1 FROM v14_sources)
    OR EXISTS (SELECT 1 FROM ix_parts WHERE instr(part, char(65533)) > 0)
    OR EXISTS (SELECT 1 FROM ix_stale WHERE instr(part, '?') > 0)
    OR EXISTS (SELECT 1 FROM source_facets WHERE facet = 'host' AND instr(value, char(65279)) = 1);
DELETE FROM source_facets WHERE facet = 'host' AND source_id IN (SELECT source_id FROM v14_sources);
INSERT INTO source_facets
    SELECT source_id, 'host', platform, host, count(*) FROM events
    WHERE source_id IN (SELECT source_id FROM v14_sources) GROUP BY source_id, platform, host;
DELETE FROM ix_state WHERE EXISTS (SELECT 1 FROM v14_drop);
DELETE FROM ix_stale WHERE EXISTS (SELECT 1 FROM v14_drop);
DELETE FROM chain_cache WHERE EXISTS (SELECT 1 FROM v14_drop);
DROP TABLE v14_drop;
DROP TABLE v14_sources;
)sql";

const char *schemaV14()
{
    static const QByteArray sql = QByteArray(s_schemaV13Tables)
                                      .replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ")
                                      .replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ")
        + s_schemaV14;
    return sql.constData();
}

// Format 15 (issue 15): a host's part of the stored index can be continued instead of
// written again. ix_stale says, for a part only imports changed since it was written,
// the earliest time of the events they added (since; NULL when a source was dropped or
// a host given to events: then the part is written again); ix_frontier keeps, for each
// part, the time of its last event and what building its index had in hand after it
// (StoredIndex: the live processes by pid, the processes by GUID, the names a process
// resolved addresses to, the starts an orphan may be joined to). A part whose new events
// all come after its last one is continued from there. The stored index of format 14
// had no frontier and marks without `since`: it goes, and the next index writes it
// whole (a new build of the analysis writes it again anyway).
const char *const s_schemaV15Tables = R"sql(
CREATE TABLE ix_stale(
    part TEXT PRIMARY KEY,
    since INTEGER
) WITHOUT ROWID;
CREATE TABLE ix_frontier(
    part TEXT PRIMARY KEY,
    last_us INTEGER NOT NULL,
    state BLOB NOT NULL
) WITHOUT ROWID;
)sql";

// The stored index's tables as this format has them: format 13's, ix_stale as format 15
// made it, and ix_frontier.
const QByteArray &storedIndexTables()
{
    static const QByteArray tables = [] {
        QByteArray sql(s_schemaV13Tables);
        const QByteArray oldStale = "CREATE TABLE ix_stale(\n    part TEXT PRIMARY KEY\n) WITHOUT ROWID;\n";
        const qsizetype at = sql.indexOf(oldStale);
        if (at < 0)
            qFatal("the stored index's tables of format 13 no longer hold ix_stale");
        return sql.remove(at, oldStale.size()) + s_schemaV15Tables;
    }();
    return tables;
}

// Every row of the stored index. Without a WHERE: SQLite then drops the tables' pages
// whole (its truncate optimisation) instead of deleting millions of rows one by one.
constexpr const char *DeleteStoredIndexRows
    = "DELETE FROM ix_state; DELETE FROM ix_parts; DELETE FROM ix_stale; DELETE FROM ix_processes; "
      "DELETE FROM ix_events; DELETE FROM ix_lookups; DELETE FROM ix_images; DELETE FROM ix_frontier;";

const char *schemaV15()
{
    static const QByteArray sql = QByteArray("DROP TABLE IF EXISTS ix_stale; ")
        + QByteArray(storedIndexTables())
              .replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ")
              .replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ")
        + DeleteStoredIndexRows;
    return sql.constData();
}

const char *schemaV13()
{
    static const QByteArray sql = QByteArray("DROP TABLE IF EXISTS ix_state; DROP TABLE IF EXISTS ix_processes; "
                                             "DROP TABLE IF EXISTS ix_events; DROP TABLE IF EXISTS ix_lookups; "
                                             "DROP TABLE IF EXISTS ix_images;")
        + s_schemaV13Tables + IxProcessIndexes;
    return sql.constData();
}

constexpr qint64 MinuteUs = 60'000'000;

// The minute that holds a time: floor division, as the migration above does in SQL.
// C++'s / truncates toward zero and would put the last minute before 1970 into the
// first one of 1970.
qint64 minuteOf(qint64 us)
{
    return us >= 0 ? us / MinuteUs : (us + 1) / MinuteUs - 1;
}

// Where a minute starts; the earliest time there is for the few minutes at the very
// bottom of the range, whose start is not a qint64.
qint64 minuteStart(qint64 minute)
{
    constexpr qint64 lowest = std::numeric_limits<qint64>::min() / MinuteUs;
    return minute >= lowest ? minute * MinuteUs : std::numeric_limits<qint64>::min();
}

// Keeping every error message of a hostile file would let it fill the disk; the
// count is always exact, the messages are a sample.
constexpr qint64 MaxErrorsKeptPerSource = 1000;

// No reader stores a raw record this large (EVTX chunks are 64 KiB, text records are
// capped); a stored frame claiming more is damage, not data.
constexpr qsizetype MaxRawRecordSize = 64 * 1024 * 1024;

// A case whose ix_ tables a hostile hand removed must not make every later change of its
// events (an import, which marks parts of the index stale) fail: missing tables are made
// again first. Not dropped and made again: DROP is refused while another statement of
// the connection is part-way through its rows.
// A table made again is empty while the others still hold their rows: no part of
// them describes the events any more, and all are emptied (the whole index is written
// again).
void ensureStoredIndexTables(Database &db)
{
    static const QByteArray ensure = QByteArray(storedIndexTables())
                                         .replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ")
                                         .replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ");
    {
        Statement tables(db,
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('ix_state', 'ix_parts', "
            "'ix_stale', 'ix_processes', 'ix_events', 'ix_lookups', 'ix_images', 'ix_frontier')");
        tables.step();
        if (tables.int64(0) == 8)
            return;
    }
    db.exec(ensure.constData());
    db.exec(DeleteStoredIndexRows);
}

void dropStoredIndexRows(Database &db)
{
    ensureStoredIndexTables(db);
    db.exec(DeleteStoredIndexRows);
}

// Removes the rows of these parts of the stored index (their stale marks stay).
void deleteStoredIndexParts(Database &db, const QStringList &parts)
{
    ensureStoredIndexTables(db);
    Statement id(db, "SELECT id FROM ix_parts WHERE part = ?");
    Statement events(db, "DELETE FROM ix_events WHERE node IN (SELECT node FROM ix_processes WHERE part = ?)");
    Statement processes(db, "DELETE FROM ix_processes WHERE part = ?");
    Statement lookups(db, "DELETE FROM ix_lookups WHERE part = ?");
    Statement images(db, "DELETE FROM ix_images WHERE part = ?");
    Statement part(db, "DELETE FROM ix_parts WHERE id = ?");
    Statement frontier(db, "DELETE FROM ix_frontier WHERE part = ?");
    for (const QString &name : parts) {
        frontier.bindText(1, name).exec();
        id.reset();
        id.bindText(1, name);
        if (!id.step())
            continue;
        const qint64 n = id.int64(0);
        for (Statement *st : {&events, &processes, &lookups, &images, &part})
            st->bind(1, n).exec();
    }
}

// The hosts a source's events are on, as its facets count them.
QStringList hostsOfSource(Database &db, qint64 sourceId)
{
    Statement st(db, "SELECT DISTINCT value FROM source_facets WHERE source_id = ? AND facet = 'host'");
    st.bind(1, sourceId);
    QStringList hosts;
    while (st.step())
        hosts.append(st.text(0));
    return hosts;
}

QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Called inside the transaction that changes the events (an import's commit, a dropped
// source, hosts given to events) with the hosts whose events changed: chains computed
// before it no longer describe the case. The kept chains go at once (they may be large),
// the parts of the stored index of those hosts are marked stale (StoredIndex::update
// writes them again; the others stay), and the generation tells a computation that read
// the old events not to store its result (CaseStore::setChainCache,
// StoredIndexWriter::commit).
//
// `added`: the change only added events (an import), and these are the earliest times
// of the events it added on each part (CaseStore::indexPartOf). A part only imports
// changed since it was written keeps the earliest of them (ix_stale.since), so that
// StoredIndex::update can continue it after its last event; any other change of a
// part's events (no `added`, or a host without a time) means writing it again.
void eventsChanged(Database &db, const QStringList &hosts, const QHash<QString, qint64> *added = nullptr)
{
    Statement(db, "DELETE FROM chain_cache").exec();
    ensureStoredIndexTables(db);
    try {
        Statement stale(db,
            "INSERT INTO ix_stale(part, since) VALUES (?1, ?2) ON CONFLICT(part) DO UPDATE SET since = "
            "CASE WHEN since IS NULL OR excluded.since IS NULL THEN NULL ELSE min(since, excluded.since) END");
        for (const QString &host : hosts) {
            const QString part = CaseStore::indexPartOf(host);
            stale.bindText(1, part);
            if (const auto it = added ? added->constFind(part) : QHash<QString, qint64>::const_iterator();
                added && it != added->cend())
                stale.bind(2, it.value());
            stale.exec();
        }
    } catch (const CaseError &) {
        // An ix_stale of other columns (a hostile hand): the change of the events goes
        // on, and no part of the index is trusted (only the failed statement was undone;
        // DELETE works whatever the columns).
        db.exec(DeleteStoredIndexRows);
    }
    Statement(db,
        "INSERT INTO meta(key, value) VALUES ('events_generation', '1') "
        "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")
        .exec();
}

SourceInfo readSource(const Statement &st)
{
    SourceInfo s;
    s.id = st.int64(0);
    s.path = st.text(1);
    s.sha256 = st.text(2);
    s.size = st.isNull(3) ? -1 : st.int64(3);
    s.format = st.text(4);
    s.importStarted = QDateTime::fromString(st.text(5), Qt::ISODateWithMs);
    s.importFinished = QDateTime::fromString(st.text(6), Qt::ISODateWithMs);
    s.counts.recordsRead = st.int64(7);
    s.counts.eventsStored = st.int64(8);
    s.counts.recordsFailed = st.int64(9);
    s.counts.recordsSkipped = st.int64(10);
    s.status = st.text(11) == u"complete" ? SourceStatus::Complete : SourceStatus::Incomplete;
    s.error = st.text(12);
    s.host = st.text(13);
    s.timeZone = st.text(14);
    s.counts.gaps = SerialGaps::fromStored(st.int64(15), st.isNull(16) ? QString() : st.text(16));
    s.archivePath = st.text(17);
    s.archiveSha256 = st.text(18);
    s.memberPath = st.text(19);
    return s;
}

constexpr const char *SourceColumns
    = "id, path, sha256, size, format, import_started, import_finished, records_read, events_stored, "
      "records_failed, records_skipped, status, error, host, time_zone, gaps, gap_ranges, archive_path, "
      "archive_sha256, "
      "member_path";

constexpr const char *EventColumns
    = "id, source_id, record_pos, time_us, host, platform, kind, process_key, pid, ppid, image, command_line, "
      "user, target_path, hashes, signer, signature_status, team_id, dst_ip, dst_port, dst_host, details, forked, "
      "address_family, dns_answers, parent_process_key, parent_image, parent_command_line";

// A dns_answers column: a JSON array of addresses.
QStringList dnsAnswersFrom(const QByteArray &json)
{
    QStringList answers;
    for (const QJsonValue &v : QJsonDocument::fromJson(json).array()) {
        if (v.isString() && !v.toString().isEmpty())
            answers.append(v.toString());
    }
    return answers;
}

Event readEvent(const Statement &st)
{
    Event e;
    e.id = st.int64(0);
    e.sourceId = st.int64(1);
    e.recordPos = st.isNull(2) ? -1 : st.int64(2);
    e.timeUs = st.int64(3);
    e.host = st.text(4);
    e.platform = platformFromName(st.text(5));
    e.kind = kindFromName(st.text(6)).value_or(EventKind::LogMessage);
    e.processKey = st.text(7);
    e.pid = st.isNull(8) ? -1 : st.int64(8);
    e.ppid = st.isNull(9) ? -1 : st.int64(9);
    e.image = st.text(10);
    e.commandLine = st.text(11);
    e.user = st.text(12);
    e.targetPath = st.text(13);
    e.hashes = st.text(14);
    e.signer = st.text(15);
    e.signatureStatus = st.text(16);
    e.teamId = st.text(17);
    e.dstIp = st.text(18);
    e.dstPort = st.isNull(19) ? -1 : int(st.int64(19));
    e.dstHost = st.text(20);
    if (!st.isNull(21))
        e.details = QJsonDocument::fromJson(st.blob(21)).object();
    e.forked = st.int64(22) != 0;
    e.addressFamily = st.text(23);
    if (!st.isNull(24))
        e.dnsAnswers = dnsAnswersFrom(st.blob(24));
    e.parentProcessKey = st.text(25);
    e.parentImage = st.text(26);
    e.parentCommandLine = st.text(27);
    return e;
}

QByteArray selectEvents(const char *tail)
{
    return QByteArray("SELECT ") + EventColumns + " FROM events " + tail;
}

// The events table's columns that live in the details JSON (issue 14). A details text
// that is not JSON (a damaged case) reads as none rather than failing the whole query.
#define CS_DETAIL(path) "(CASE WHEN json_valid(details) THEN json_extract(details, '" path "') END)"
constexpr const char *ProviderSql = CS_DETAIL("$.provider");
constexpr const char *EventCodeSql = CS_DETAIL("$.event_id");
#undef CS_DETAIL

// The sort key of each EventSortKey, as SQL on the events row: fixed text chosen from
// this list, never a value. NULLs become '' or -1 so that a row value comparison
// (eventPosition) orders them as ORDER BY does. Hosts sort without case, as Windows
// compares them; the source sorts by its file name, without case.
QByteArray sortKeySql(EventSortKey key)
{
    switch (key) {
    case EventSortKey::Time:
        return "time_us";
    case EventSortKey::Host:
        return "upper(host)";
    case EventSortKey::Source:
        return "IFNULL((SELECT lower(replace(s.path, rtrim(s.path, replace(s.path, '/', '')), '')) FROM sources s "
               "WHERE s.id = events.source_id), '')";
    case EventSortKey::Kind:
        return "kind";
    case EventSortKey::Provider:
        return QByteArray("IFNULL(") + ProviderSql + ", '')";
    case EventSortKey::EventCode:
        return QByteArray("IFNULL(") + EventCodeSql + ", -1)";
    case EventSortKey::Pid:
        return "IFNULL(pid, -1)";
    case EventSortKey::Image:
        return "IFNULL(image, '')";
    case EventSortKey::Object:
        return "IFNULL(COALESCE(target_path, dst_host, dst_ip), '')";
    case EventSortKey::CommandLine:
        return "IFNULL(command_line, '')";
    case EventSortKey::Message:
        return "IFNULL((CASE WHEN json_valid(details) THEN json_extract(details, '$.message') END), '')";
    }
    return "time_us";
}

// A JSON array of numbers or strings, bound as one value and read with json_each():
// lists of any length without building statement text from values.
QByteArray jsonArray(const QList<qint64> &values)
{
    QByteArray array = "[";
    for (qsizetype i = 0; i < values.size(); ++i)
        array += (i ? "," : "") + QByteArray::number(values.at(i));
    return array + ']';
}

QByteArray jsonArray(const QStringList &values)
{
    return QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact);
}

// The WHERE clause of an EventQuery and its bound values. Only the filters that are
// set become conditions, so that the planner can use the time and kind indexes; the
// text is made of fixed fragments only.
struct EventWhere
{
    QByteArray sql;
    QList<std::function<void(Statement &, int)>> binds;

    // A condition with one bound value (`bind`), or none.
    void add(const char *condition, std::function<void(Statement &, int)> bind)
    {
        sql += sql.isEmpty() ? "WHERE " : " AND ";
        sql += condition;
        if (bind)
            binds.append(std::move(bind));
    }
    // Binds the values as ?1, ?2, … in the order of their conditions; returns how many.
    int bindAll(Statement &st) const
    {
        int index = 0;
        for (const auto &bind : binds)
            bind(st, ++index);
        return index;
    }
};

// Escapes LIKE's wildcards so that the analyst's text matches literally.
QString likePattern(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    escaped += u'%';
    for (const QChar c : text) {
        if (c == u'%' || c == u'_' || c == u'\\')
            escaped += u'\\';
        escaped += c;
    }
    escaped += u'%';
    return escaped;
}

EventWhere eventWhere(const EventQuery &q)
{
    EventWhere w;
    // A condition's value is ?N, N counting the values before it; the text search uses
    // its one value several times.
    const auto n = [&w]() {
        return QByteArray::number(w.binds.size() + 1);
    };
    if (!q.text.isEmpty()) {
        const QByteArray p = "?" + n();
        const QByteArray like = " LIKE " + p + " ESCAPE '\\'";
        // The details are searched by value (json_each), not as JSON text, so that
        // "channel" does not match every Windows event; the plain LIKE on the whole text
        // first skips the rows that cannot match without parsing them.
        const QByteArray c = "(image" + like + " OR command_line" + like + " OR target_path" + like + " OR dst_host"
            + like + " OR dst_ip" + like + " OR user" + like + " OR (details" + like
            + " AND json_valid(details) AND EXISTS (SELECT 1 FROM json_each(events.details) j WHERE j.value" + like
            + ")))";
        const QString pattern = likePattern(q.text);
        w.add(c.constData(), [pattern](Statement &st, int i) { st.bindText(i, pattern); });
    }
    if (!q.hosts.isEmpty()) {
        const QByteArray c = "EXISTS (SELECT 1 FROM json_each(?" + n()
            + ") h WHERE h.value = events.host OR (events.platform = 'windows' AND upper(h.value) = "
              "upper(events.host)))";
        const QByteArray hosts = jsonArray(q.hosts);
        w.add(c.constData(), [hosts](Statement &st, int i) { st.bind(i, hosts); });
    }
    if (!q.sourceIds.isEmpty()) {
        const QByteArray c = "source_id IN (SELECT value FROM json_each(?" + n() + "))";
        const QByteArray ids = jsonArray(q.sourceIds);
        w.add(c.constData(), [ids](Statement &st, int i) { st.bind(i, ids); });
    }
    if (!q.kinds.isEmpty()) {
        QStringList names;
        for (EventKind k : q.kinds)
            names.append(kindName(k));
        const QByteArray c = "kind IN (SELECT value FROM json_each(?" + n() + "))";
        const QByteArray kinds = jsonArray(names);
        w.add(c.constData(), [kinds](Statement &st, int i) { st.bind(i, kinds); });
    }
    if (!q.provider.isEmpty()) {
        const QByteArray c = QByteArray(ProviderSql) + " = ?" + n();
        const QString provider = q.provider;
        w.add(c.constData(), [provider](Statement &st, int i) { st.bindText(i, provider); });
    }
    if (q.eventCode) {
        const QByteArray c = QByteArray(EventCodeSql) + " = ?" + n();
        const qint64 code = *q.eventCode;
        w.add(c.constData(), [code](Statement &st, int i) { st.bind(i, code); });
    }
    if (q.fromUs) {
        const QByteArray c = "time_us >= ?" + n();
        const qint64 from = *q.fromUs;
        w.add(c.constData(), [from](Statement &st, int i) { st.bind(i, from); });
    }
    if (q.toUs) {
        const QByteArray c = "time_us <= ?" + n();
        const qint64 to = *q.toUs;
        w.add(c.constData(), [to](Statement &st, int i) { st.bind(i, to); });
    }
    if (q.eventIds) {
        const QByteArray c = "id IN (SELECT value FROM json_each(?" + n() + "))";
        const QByteArray ids = jsonArray(*q.eventIds);
        w.add(c.constData(), [ids](Statement &st, int i) { st.bind(i, ids); });
    }
    if (q.bookmarkedOnly)
        w.add("id IN (SELECT event_id FROM bookmarks)", nullptr);
    return w;
}

QByteArray orderBySql(const EventQuery &q)
{
    const QByteArray dir = q.descending ? " DESC" : "";
    if (q.sortKey == EventSortKey::Time)
        return "ORDER BY time_us" + dir + ", id" + dir;
    return "ORDER BY " + sortKeySql(q.sortKey) + dir + ", time_us" + dir + ", id" + dir;
}

} // namespace

QString sourceStatusName(SourceStatus status)
{
    return status == SourceStatus::Complete ? QStringLiteral("complete") : QStringLiteral("incomplete");
}

QList<const char *> CaseStore::migrations()
{
    return {s_schemaV1, s_schemaV2, s_schemaV3, s_schemaV4, s_schemaV5, s_schemaV6, s_schemaV7, s_schemaV8, s_schemaV9,
        s_schemaV10, s_schemaV11, s_schemaV12, schemaV13(), schemaV14(), schemaV15()};
}

CaseStore::CaseStore(std::unique_ptr<Database> db)
    : m_db(std::move(db))
{
}

CaseStore::~CaseStore() = default;

std::unique_ptr<CaseStore> CaseStore::create(const QString &path)
{
    std::unique_ptr<CaseStore> store(new CaseStore(std::make_unique<Database>(path, Database::Mode::CreateNew)));
    // Before the first write, which fixes a file's page size for good. 16 KiB rather
    // than SQLite's 4 KiB: an event row is about 650 bytes, and the bulk import splits
    // and writes a quarter as many pages; lookups of single events barely notice.
    store->m_db->exec("PRAGMA page_size = 16384");
    store->configure();
    store->migrate();
    Statement meta(store->database(), "INSERT INTO meta(key, value) VALUES (?, ?)");
    meta.bindText(1, QStringLiteral("created")).bindText(2, isoNow()).exec();
    meta.bindText(1, QStringLiteral("created_by"))
        .bindText(2, QStringLiteral("Chainscope %1").arg(QStringLiteral(CHAINSCOPE_VERSION)))
        .exec();
    return store;
}

std::unique_ptr<CaseStore> CaseStore::open(const QString &path, Access access)
{
    if (access == Access::ReadWriteIfPossible) {
        try {
            return open(path, Access::ReadWrite);
        } catch (const CaseError &e) {
            if (e.kind() != CaseError::Kind::ReadOnly)
                throw;
            return open(path, Access::ReadOnly);
        }
    }
    if (access == Access::ReadOnly) {
        std::unique_ptr<CaseStore> store(new CaseStore(std::make_unique<Database>(path, Database::Mode::OpenReadOnly)));
        store->configure();
        const int version = store->m_db->userVersion();
        if (version <= 0 || version >= SchemaVersion) {
            store->migrate(); // only checks: nothing to upgrade
            return store;
        }
        // An older case: upgraded as before where it can be written.
        store.reset();
        try {
            return open(path, Access::ReadWrite);
        } catch (const CaseError &e) {
            if (e.kind() != CaseError::Kind::ReadOnly)
                throw;
            throw CaseError(QCoreApplication::translate("Chainscope",
                                "%1; it was written by an older Chainscope (case format %2) and must be opened once "
                                "where it can be written, to bring it up to date")
                                .arg(e.message())
                                .arg(version),
                CaseError::Kind::ReadOnly);
        }
    }
    std::unique_ptr<CaseStore> store(new CaseStore(std::make_unique<Database>(path, Database::Mode::OpenExisting)));
    store->configure();
    store->migrate();
    return store;
}

void CaseStore::configure()
{
    // A case that is not an SQLite database fails here, with SQLite's own words.
    {
        Statement check(*m_db, "SELECT count(*) FROM sqlite_schema");
        check.step();
    }
    // WAL: the workbench reads while an import writes, and a killed writer leaves the
    // last committed state intact.
    // A read-only connection cannot change the journal mode, and needs not: every case
    // is WAL from its creation.
    if (!m_db->isReadOnly())
        m_db->exec("PRAGMA journal_mode = WAL");
    m_db->exec("PRAGMA foreign_keys = ON");
    // NORMAL is durable across application crashes in WAL mode; only a power loss can
    // lose the last transactions, never corrupt the file.
    m_db->exec("PRAGMA synchronous = NORMAL");
    // 64 MiB of page cache where the case is written: bulk inserts keep the hot index
    // pages in memory. Connections that only read (analysis, kept chains, verification)
    // take 8 MiB: their reads are scans and scattered lookups that a page cache barely
    // helps, and each such connection filled its 64 MiB, which stayed resident in the
    // workbench beside the window's own (issue 15). Chains from the stored index at 5M
    // events: the same time with 4, 8 or 64 MiB, 50 MiB less peak memory; with 2 MiB a
    // little slower.
    if (m_db->isReadOnly())
        useSmallPageCache();
    else
        m_db->exec("PRAGMA cache_size = -65536");
}

void CaseStore::useSmallPageCache()
{
    m_db->exec("PRAGMA cache_size = -8192"); // 8 MiB
}

void CaseStore::migrate()
{
    const int version = m_db->userVersion();
    const QList<const char *> steps = migrations();
    // The header's user_version is the migration index: any value Chainscope never
    // wrote (a negative one from a flipped bit) must not reach steps[].
    if (version < 0) {
        throw CaseError(QCoreApplication::translate(
            "Chainscope", "%1 is not a Chainscope case (unknown case format %2; the file header may be damaged)")
                            .arg(m_db->path())
                            .arg(version));
    }
    if (version > steps.size()) {
        throw CaseError(QCoreApplication::translate("Chainscope",
            "case file %1 was written by a newer Chainscope (case format %2, "
            "this version reads up to %3); open it with a newer version")
                            .arg(m_db->path())
                            .arg(version)
                            .arg(steps.size()));
    }
    if (version == 0) {
        // Version 0 is either a brand-new file or some other SQLite database.
        Statement tables(*m_db, "SELECT count(*) FROM sqlite_schema");
        tables.step();
        const qint64 objects = tables.int64(0);
        tables.reset();
        if (objects != 0)
            throw CaseError(
                QCoreApplication::translate("Chainscope", "%1 is an SQLite database but not a Chainscope case")
                    .arg(m_db->path()));
    }
    if (version < steps.size() && m_db->isReadOnly()) {
        // open() upgrades older cases through a writable connection; only a file that
        // holds no case at all (an empty database) gets here.
        throw CaseError(
            QCoreApplication::translate("Chainscope", "%1 is not a Chainscope case (it is empty)").arg(m_db->path()));
    }
    for (int v = version; v < steps.size(); ++v) {
        Transaction tx(*m_db);
        m_db->exec(steps[v]);
        m_db->setUserVersion(v + 1);
        tx.commit();
    }
}

qint64 CaseStore::beginSource(const SourceInfo &info)
{
    Statement st(*m_db,
        "INSERT INTO sources(path, sha256, size, format, import_started, status, host, time_zone, archive_path, "
        "archive_sha256, member_path) VALUES (?, ?, ?, ?, ?, 'incomplete', ?, ?, ?, ?, ?)");
    st.bindText(1, info.path).bind(2, info.sha256).bind(4, info.format).bindText(5, isoNow());
    if (info.size >= 0)
        st.bind(3, info.size);
    st.bindText(6, info.host).bindText(7, info.timeZone.isEmpty() ? QStringLiteral("UTC") : info.timeZone);
    // Empty strings bind as NULL: a file read from disk has no archive.
    st.bind(8, info.archivePath).bind(9, info.archiveSha256).bind(10, info.memberPath);
    st.exec();
    return m_db->lastInsertId();
}

QList<SourceInfo> CaseStore::sources()
{
    QList<SourceInfo> result;
    Statement st(*m_db, (QByteArray("SELECT ") + SourceColumns + " FROM sources ORDER BY id").constData());
    while (st.step())
        result.append(readSource(st));
    return result;
}

std::optional<SourceInfo> CaseStore::source(qint64 id)
{
    Statement st(*m_db, (QByteArray("SELECT ") + SourceColumns + " FROM sources WHERE id = ?").constData());
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    return readSource(st);
}

std::optional<qint64> CaseStore::sourceWithSha256(const QString &sha256)
{
    // Only EventWriter::finish() writes the counts, in the transaction of the events,
    // and a short file always has records_failed > 0 (its missing records): an
    // interrupted import, rolled back, keeps records_failed at 0.
    Statement st(*m_db,
        "SELECT id FROM sources WHERE sha256 = ? AND (status = 'complete' OR records_failed > 0) ORDER BY id LIMIT 1");
    st.bindText(1, sha256);
    if (!st.step())
        return std::nullopt;
    return st.int64(0);
}

void CaseStore::dropSource(qint64 id)
{
    // Cascades remove events, raw records and error samples of that source; its
    // minutes (event_minutes has no foreign key) go in the same transaction.
    Transaction tx(*m_db);
    // The hosts go with the source's facets: asked first.
    const QStringList hosts = hostsOfSource(*m_db, id);
    if (hosts.isEmpty()) {
        // A source whose events no facet counts (only damage leaves one): which parts
        // of the stored index it touches is unknown, so none of it is trusted.
        Statement any(*m_db, "SELECT EXISTS(SELECT 1 FROM events WHERE source_id = ?)");
        any.bind(1, id).step();
        if (any.int64(0) != 0)
            dropStoredIndexRows(*m_db);
    }
    Statement minutes(*m_db, "DELETE FROM event_minutes WHERE source_id = ?");
    minutes.bind(1, id).exec();
    Statement st(*m_db, "DELETE FROM sources WHERE id = ?");
    st.bind(1, id).exec();
    eventsChanged(*m_db, hosts);
    tx.commit();
}

void CaseStore::recordSourceFailure(qint64 id, const QString &error)
{
    Statement st(*m_db, "UPDATE sources SET error = ?, import_finished = ? WHERE id = ?");
    st.bindText(1, error).bindText(2, isoNow()).bind(3, id).exec();
}

QList<ImportErrorRecord> CaseStore::importErrors(qint64 sourceId)
{
    QList<ImportErrorRecord> result;
    Statement st(*m_db, "SELECT record_pos, message FROM import_errors WHERE source_id = ? ORDER BY id");
    st.bind(1, sourceId);
    while (st.step())
        result.append({st.isNull(0) ? -1 : st.int64(0), st.text(1)});
    return result;
}

qint64 CaseStore::assignHost(qint64 sourceId, const QString &host)
{
    Transaction tx(*m_db);
    // For the host's part the events given to it are added events (a dpkg.log imported
    // with --host, as the importer names it after the import): the earliest of them lets
    // the stored index continue that part when they come after its last event. The
    // part of no host lost them: it is written again.
    Statement earliest(*m_db, "SELECT min(time_us) FROM events WHERE source_id = ? AND host = ''");
    earliest.bind(1, sourceId).step();
    const std::optional<qint64> since = earliest.isNull(0) ? std::nullopt : std::optional<qint64>(earliest.int64(0));
    earliest.reset();
    Statement ev(*m_db, "UPDATE events SET host = ? WHERE source_id = ? AND host = ''");
    ev.bindText(1, host).bind(2, sourceId).exec();
    const qint64 events = m_db->changes();
    // The host facet moves with the events: '' becomes `host` on each platform.
    Statement moved(*m_db,
        "INSERT INTO source_facets(source_id, facet, platform, value, events) "
        "SELECT source_id, facet, platform, ?, events FROM source_facets "
        "WHERE source_id = ? AND facet = 'host' AND value = '' AND true "
        "ON CONFLICT(source_id, facet, platform, value) DO UPDATE SET events = events + excluded.events");
    if (!host.isEmpty()) {
        moved.bindText(1, host).bind(2, sourceId).exec();
        Statement gone(*m_db, "DELETE FROM source_facets WHERE source_id = ? AND facet = 'host' AND value = ''");
        gone.bind(1, sourceId).exec();
    }
    Statement src(*m_db, "UPDATE sources SET host = ? WHERE id = ?");
    src.bindText(1, host).bind(2, sourceId).exec();
    if (events > 0 && !host.isEmpty()) {
        // The part as the rows name it (caseUtf8, as the facets).
        const QString stored = QString::fromUtf8(caseUtf8(host));
        QHash<QString, qint64> added;
        if (since && indexPartOf(stored) != indexPartOf(QString()))
            added.insert(indexPartOf(stored), *since);
        eventsChanged(*m_db, {QString(), stored}, &added);
    }
    tx.commit();
    return events;
}

qint64 CaseStore::eventsWithoutHost(qint64 sourceId)
{
    Statement st(*m_db, "SELECT count(*) FROM events WHERE source_id = ? AND host = ''");
    st.bind(1, sourceId);
    st.step();
    return st.int64(0);
}

Policy CaseStore::policy()
{
    Statement st(*m_db, "SELECT version, json FROM policy_versions ORDER BY version DESC LIMIT 1");
    if (!st.step())
        return Policy::defaults();
    QString error;
    auto p = Policy::fromJson(QJsonDocument::fromJson(st.blob(1)).object(), &error);
    if (!p)
        throw CaseError(QCoreApplication::translate("Chainscope", "case file %1: stored policy is invalid: %2")
                            .arg(m_db->path(), error));
    p->version = int(st.int64(0));
    return *p;
}

int CaseStore::savePolicy(const Policy &policy)
{
    const Policy current = this->policy();
    if (current.version > 0 && current == policy)
        return current.version;
    Transaction tx(*m_db);
    Policy stored = policy;
    stored.version = current.version + 1;
    Statement st(*m_db, "INSERT INTO policy_versions(version, saved, json) VALUES (?, ?, ?)");
    st.bind(1, qint64(stored.version))
        .bindText(2, isoNow())
        .bind(3, QJsonDocument(stored.toJson()).toJson(QJsonDocument::Compact))
        .exec();
    tx.commit();
    return stored.version;
}

qint64 CaseStore::eventCount()
{
    // Kept exact by EventWriter::finish() and dropSource() (tst_casestore checks it
    // against COUNT(*) after each); COUNT(*) reads every page of an index of the events.
    Statement st(*m_db, "SELECT ifnull(sum(events), 0) FROM event_minutes");
    st.step();
    return st.int64(0);
}

QList<QPair<QString, qint64>> CaseStore::eventCountsByKind()
{
    Statement st(
        *m_db, "SELECT value, sum(events) FROM source_facets WHERE facet = 'kind' GROUP BY value ORDER BY value");
    QList<QPair<QString, qint64>> counts;
    while (st.step())
        counts.append({st.text(0), st.int64(1)});
    return counts;
}

namespace {

// One name per host: Windows names machines without regard to case, so its spellings
// (IE8Win7, IE8WIN7) are grouped by upper() (ASCII, as foldedHost() does) and named by
// the smallest; other platforms' names are kept apart and exact. The same name may still
// come from two platforms: it is listed once.
QStringList hostNames(Statement &st)
{
    QStringList result;
    while (st.step())
        result.append(st.text(0));
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
}

} // namespace

QStringList CaseStore::hosts()
{
    Statement st(*m_db,
        "SELECT min(value) FROM source_facets WHERE facet = 'host' AND value <> '' "
        "GROUP BY platform = 'windows', CASE WHEN platform = 'windows' THEN upper(value) ELSE value END");
    return hostNames(st);
}

QStringList CaseStore::hosts(Platform platform)
{
    Statement st(*m_db,
        "SELECT min(value) FROM source_facets WHERE facet = 'host' AND value <> '' AND platform = ? "
        "GROUP BY CASE WHEN platform = 'windows' THEN upper(value) ELSE value END");
    st.bindText(1, platformName(platform));
    return hostNames(st);
}

QList<Platform> CaseStore::hostlessPlatforms(qint64 sourceId)
{
    QList<Platform> result;
    Statement st(*m_db, "SELECT DISTINCT platform FROM events WHERE source_id = ? AND host = '' ORDER BY platform");
    st.bind(1, sourceId);
    while (st.step())
        result.append(platformFromName(st.text(0)));
    return result;
}

QList<Platform> CaseStore::platforms()
{
    QSet<Platform> present;
    Statement st(*m_db, "SELECT DISTINCT platform FROM source_facets WHERE facet = 'host'");
    while (st.step())
        present.insert(platformFromName(st.text(0)));
    QList<Platform> result;
    for (const Platform p : {Platform::Windows, Platform::Linux, Platform::MacOS}) {
        if (present.contains(p))
            result.append(p);
    }
    return result;
}

void CaseStore::forEachEvent(const EventFilter &filter, const std::function<bool(const Event &)> &visit)
{
    // Optional filters become "? IS NULL OR column = ?" so one statement serves all
    // combinations and every value stays bound.
    Statement st(*m_db,
        selectEvents("WHERE (?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR source_id = ?2) "
                     "AND (?5 IS NULL OR (time_us, id) > (?5, ?6)) "
                     "ORDER BY time_us, id LIMIT ?3 OFFSET ?4")
            .constData());
    if (filter.kind)
        st.bindText(1, kindName(*filter.kind));
    if (filter.sourceId)
        st.bind(2, *filter.sourceId);
    st.bind(3, filter.limit).bind(4, filter.offset);
    if (filter.after)
        st.bind(5, filter.after->first).bind(6, filter.after->second);
    while (st.step()) {
        if (!visit(readEvent(st)))
            break;
    }
}

std::optional<Event> CaseStore::event(qint64 id)
{
    Statement st(*m_db, selectEvents("WHERE id = ?").constData());
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    return readEvent(st);
}

void CaseStore::queryEvents(const EventQuery &query, const std::function<bool(const Event &)> &visit)
{
    const EventWhere where = eventWhere(query);
    const QByteArray next = QByteArray::number(where.binds.size() + 1);
    const QByteArray next2 = QByteArray::number(where.binds.size() + 2);
    Statement st(*m_db,
        selectEvents((where.sql + ' ' + orderBySql(query) + " LIMIT ?" + next + " OFFSET ?" + next2).constData())
            .constData());
    const int bound = where.bindAll(st);
    st.bind(bound + 1, query.limit).bind(bound + 2, query.offset);
    while (st.step()) {
        if (!visit(readEvent(st)))
            break;
    }
}

qint64 CaseStore::countEvents(const EventQuery &query)
{
    const EventWhere where = eventWhere(query);
    // No condition at all: every event of the case, which the minutes written at import
    // count without reading one of them (COUNT(*) reads every page of an index of the
    // events: most of 0.4 s at five million events, on every reset of the events table).
    if (where.sql.isEmpty())
        return eventCount();
    Statement st(*m_db, ("SELECT count(*) FROM events " + where.sql).constData());
    where.bindAll(st);
    st.step();
    return st.int64(0);
}

std::optional<qint64> CaseStore::eventPosition(const EventQuery &query, qint64 eventId)
{
    EventQuery only = query;
    if (only.eventIds) {
        if (!only.eventIds->contains(eventId))
            return std::nullopt;
    }
    only.eventIds = QList<qint64> {eventId};
    if (countEvents(only) == 0)
        return std::nullopt;
    // The rows before it in the query's order: a row value comparison on the same
    // (key, time, id) triple that ORDER BY uses.
    const EventWhere where = eventWhere(query);
    const QByteArray key = sortKeySql(query.sortKey);
    const QByteArray p = "?" + QByteArray::number(where.binds.size() + 1);
    const QByteArray sql = "SELECT count(*) FROM events " + where.sql + (where.sql.isEmpty() ? "WHERE " : " AND ") + "("
        + key + ", time_us, id) " + (query.descending ? ">" : "<") + " (SELECT " + key
        + ", time_us, id FROM events WHERE id = " + p + ")";
    Statement st(*m_db, sql.constData());
    const int bound = where.bindAll(st);
    st.bind(bound + 1, eventId);
    st.step();
    return st.int64(0);
}

QStringList CaseStore::eventProviders()
{
    QStringList result;
    Statement st(*m_db, "SELECT DISTINCT value FROM source_facets WHERE facet = 'provider' ORDER BY value");
    while (st.step())
        result.append(st.text(0));
    return result;
}

std::optional<Bookmark> CaseStore::bookmark(qint64 eventId)
{
    Statement st(*m_db, "SELECT event_id, note, created FROM bookmarks WHERE event_id = ?");
    st.bind(1, eventId);
    if (!st.step())
        return std::nullopt;
    Bookmark b;
    b.eventId = st.int64(0);
    b.note = st.text(1);
    b.created = QDateTime::fromString(st.text(2), Qt::ISODateWithMs);
    return b;
}

namespace {

// A kind or platform by its name's bytes. The names are ASCII, so comparing bytes
// decides exactly what comparing the decoded text did (bytes that are not UTF-8 decode
// to U+FFFD and match no name either).
EventKind kindOfName(QByteArrayView name)
{
    static const auto names = [] {
        std::array<QByteArray, EventKindCount> n;
        for (int k = 0; k < EventKindCount; ++k)
            n[size_t(k)] = kindName(EventKind(k)).toLatin1();
        return n;
    }();
    for (size_t k = 0; k < names.size(); ++k) {
        if (name == names[k])
            return EventKind(k);
    }
    return EventKind::LogMessage;
}

Platform platformOfName(QByteArrayView name)
{
    if (name == "linux")
        return Platform::Linux;
    if (name == "windows")
        return Platform::Windows;
    if (name == "macos")
        return Platform::MacOS;
    return Platform::Unknown;
}

// The columns the correlation index reads of an event, and their reading: one list and
// one decoding for every query that hands out IndexedEventRows, so that they read alike.
// Absent numbers come as -1 from the statement itself (ifnull): one call per column
// instead of two, over millions of rows.
constexpr const char *IndexedEventColumns
    = "id, time_us, host, platform, kind, ifnull(pid, -1), ifnull(ppid, -1), image, command_line, "
      "target_path, dst_ip, dst_host, ifnull(dst_port, -1), signer, signature_status, forked, address_family, "
      "hashes, dns_answers, process_key, ifnull(source_id, -1), parent_process_key, parent_image, "
      "parent_command_line, team_id";

void readIndexedEventRow(const Statement &st, IndexedEventRow &r)
{
    r.id = st.int64(0);
    r.timeUs = st.int64(1);
    r.host = st.textView(2);
    r.platform = platformOfName(st.textView(3));
    r.kind = kindOfName(st.textView(4));
    r.pid = st.int64(5);
    r.ppid = st.int64(6);
    r.image = st.textView(7);
    r.commandLine = st.textView(8);
    r.targetPath = st.textView(9);
    r.dstIp = st.textView(10);
    r.dstHost = st.textView(11);
    r.dstPort = int(st.int64(12));
    r.signer = st.textView(13);
    r.signatureStatus = st.textView(14);
    r.forked = st.int64(15) != 0;
    r.addressFamily = st.textView(16);
    r.hashes = st.textView(17);
    // Parsed only where they are used: DNS queries, a small share of a case.
    r.dnsAnswers = r.kind == EventKind::DnsQuery && !st.isNull(18) ? dnsAnswersFrom(st.blob(18)) : QStringList();
    r.processKey = st.textView(19);
    r.sourceId = st.int64(20);
    r.parentProcessKey = st.textView(21);
    r.parentImage = st.textView(22);
    r.parentCommandLine = st.textView(23);
    r.teamId = st.textView(24);
}

} // namespace

// Log messages never take part in a chain; leaving them out keeps the index small.
// Registry values that start code again (Run keys, services) are log messages; they are
// the only ones the chains use, as persistence notes.
constexpr const char *IndexedEventKinds
    = "(kind <> 'log_message' "
      "OR target_path LIKE '%\\CurrentVersion\\Run%' OR target_path LIKE '%\\CurrentControlSet\\Services\\%')";

namespace {

// Whether a row's host (its bytes) is of the part named `name` (caseUtf8 of the part).
bool isOfPart(QByteArrayView host, QByteArrayView name)
{
    // The UTF-8 decoder drops one byte order mark at the start of a text: the whole
    // index and the facets know such a host without it.
    if (host.startsWith("\xEF\xBB\xBF"))
        host = host.sliced(3);
    if (host.size() != name.size())
        return false;
    for (qsizetype i = 0; i < host.size(); ++i) {
        char c = host.at(i);
        if (c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
        if (c != name.at(i))
            return false;
    }
    return true;
}

bool visitIndexedEvents(Statement &st, const std::function<bool(const IndexedEventRow &)> &visit)
{
    // Deliberately not selectEvents() + readEvent(), nor QStrings at all: this runs over
    // millions of rows each time a case opens. Turning each row's two dozen columns into
    // QStrings was a quarter of an open (issue 15); the index interns the bytes, and
    // converts a string once when it first sees it. A column the index needs is added
    // to IndexedEventColumns and readIndexedEventRow().
    IndexedEventRow r;
    while (st.step()) {
        readIndexedEventRow(st, r);
        if (!visit(r))
            return false;
    }
    return true;
}

} // namespace

bool CaseStore::forEachIndexedEvent(const std::function<bool(const IndexedEventRow &)> &visit)
{
    Statement st(*m_db,
        (QByteArray("SELECT ") + IndexedEventColumns + " FROM events WHERE " + IndexedEventKinds
            + " ORDER BY time_us, id")
            .constData());
    return visitIndexedEvents(st, visit);
}

bool CaseStore::forEachIndexedEventOf(
    const IndexPart &part, bool scan, const std::function<bool(const IndexedEventRow &)> &visit)
{
    return forEachIndexedEventOfPart(part, scan, std::nullopt, visit);
}

bool CaseStore::forEachIndexedEventOfAfter(
    const IndexPart &part, qint64 afterUs, const std::function<bool(const IndexedEventRow &)> &visit)
{
    // A continued part's new events are the last ones of its hosts, usually few: read
    // through the time index from `afterUs` on. Unless the case holds more events after
    // `afterUs` (counted from the events per minute) than the part's sources hold at all
    // (a host whose collection ended long before the others'): then through the
    // sources' rows, sorted.
    Statement later(*m_db, "SELECT coalesce(sum(events), 0) FROM event_minutes WHERE minute >= ?");
    later.bind(1, minuteOf(afterUs)).step();
    return forEachIndexedEventOfPart(part, later.int64(0) <= part.sourceEvents, afterUs, visit);
}

bool CaseStore::forEachIndexedEventOfPart(const IndexPart &part, bool byTime, std::optional<qint64> afterUs,
    const std::function<bool(const IndexedEventRow &)> &visit)
{
    // The sources as one bound JSON array of integers (any number of them, no SQL built
    // from their count), and the host compared here, not in SQL: text bound through JSON
    // would end at a NUL a hostile log put in a host name, and SQLite's upper() folds
    // more than ASCII where it is built with ICU. ASCII letters folded in the UTF-8 bytes
    // are indexPartOf() (no byte of a multi-byte sequence is ASCII). Without `byTime`,
    // the time order is not taken from the time index (the unary + keeps SQLite from
    // walking it): the sources' events are found by the source index and sorted, which
    // for a host of a few sources among many reads only their rows. SQLite has no
    // statistics to choose by: after a time, the source index is kept off the time
    // range the same way when the time index is chosen.
    QJsonArray ids;
    for (const qint64 id : part.sources)
        ids.append(id);
    QByteArray where = " FROM events WHERE ";
    if (afterUs)
        where += byTime ? "time_us > ?2 AND +source_id" : "+time_us > ?2 AND source_id";
    else
        where += "source_id";
    where += QByteArray(" IN (SELECT value FROM json_each(?1)) AND ") + IndexedEventKinds
        + (byTime ? " ORDER BY time_us, id" : " ORDER BY +time_us, id");
    Statement st(*m_db, (QByteArray("SELECT ") + IndexedEventColumns + where).constData());
    st.bindText(1, QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact)));
    if (afterUs)
        st.bind(2, *afterUs);
    const QByteArray name = caseUtf8(part.name);
    return visitIndexedEvents(st, [&](const IndexedEventRow &r) { return !isOfPart(r.host, name) || visit(r); });
}

std::optional<QByteArray> CaseStore::rawRecord(qint64 eventId)
{
    Statement st(
        *m_db, "SELECT r.id, r.data, r.encoding FROM events e JOIN raw_records r ON r.id = e.raw_id WHERE e.id = ?");
    st.bind(1, eventId);
    if (!st.step())
        return std::nullopt;
    const QString encoding = st.text(2);
    std::optional<QByteArray> raw = decodeRaw(st.blob(1), encoding);
    if (!raw) {
        throw CaseError(QCoreApplication::translate("Chainscope", "case file %1: raw record %2 is damaged (%3)")
                            .arg(m_db->path())
                            .arg(st.int64(0))
                            .arg(encoding));
    }
    return raw;
}

std::optional<QByteArray> CaseStore::decodeRaw(const QByteArray &data, const QString &encoding)
{
    if (encoding.isEmpty())
        return data;
    if (encoding == QLatin1String(RawCodec::Zstd))
        return RawCodec::decompress(data, MaxRawRecordSize);
    return std::nullopt;
}

QStringList CaseStore::integrityCheck()
{
    QStringList problems;
    // The default limit: at most 100 findings. A case with more is damaged enough.
    Statement st(*m_db, "PRAGMA integrity_check");
    while (st.step()) {
        const QString line = st.text(0);
        if (line != u"ok")
            problems.append(line);
    }
    return problems;
}

void CaseStore::forEachRawRecord(const std::function<bool(const StoredRawRecord &)> &visit)
{
    Statement st(*m_db, "SELECT id, source_id, data, encoding, sha256 FROM raw_records ORDER BY id");
    while (st.step()) {
        StoredRawRecord r;
        r.id = st.int64(0);
        r.sourceId = st.int64(1);
        r.data = st.blob(2);
        r.encoding = st.text(3);
        r.sha256 = st.isNull(4) ? QByteArray() : st.blob(4);
        if (!visit(r))
            break;
    }
}

QHash<qint64, QList<qint64>> CaseStore::eventIdsOfRawRecords(const QList<qint64> &rawIds)
{
    QHash<qint64, QList<qint64>> result;
    if (rawIds.isEmpty())
        return result;
    // The ids travel as one bound JSON array: no statement text built from values, and
    // one scan of the events (raw_id has no index; damage is rare, an index is not).
    QByteArray array = "[";
    for (qsizetype i = 0; i < rawIds.size(); ++i)
        array += (i ? "," : "") + QByteArray::number(rawIds.at(i));
    array += ']';
    Statement st(
        *m_db, "SELECT raw_id, id FROM events WHERE raw_id IN (SELECT value FROM json_each(?)) ORDER BY raw_id, id");
    st.bind(1, array);
    while (st.step())
        result[st.int64(0)].append(st.int64(1));
    return result;
}

QList<PolicyVersion> CaseStore::policyHistory()
{
    QList<PolicyVersion> history;
    Statement st(*m_db, "SELECT version, saved, json FROM policy_versions ORDER BY version");
    while (st.step()) {
        QString error;
        auto p = Policy::fromJson(QJsonDocument::fromJson(st.blob(2)).object(), &error);
        if (!p)
            throw CaseError(
                QCoreApplication::translate("Chainscope", "case file %1: stored policy version %2 is invalid: %3")
                    .arg(m_db->path(), QString::number(st.int64(0)), error));
        PolicyVersion v;
        v.version = int(st.int64(0));
        v.saved = QDateTime::fromString(st.text(1), Qt::ISODateWithMs);
        v.policy = *p;
        v.policy.version = v.version;
        history.append(v);
    }
    return history;
}

QString triageMarkName(TriageMark mark)
{
    switch (mark) {
    case TriageMark::Confirmed:
        return QStringLiteral("confirmed");
    case TriageMark::Benign:
        return QStringLiteral("benign");
    case TriageMark::FollowUp:
        return QStringLiteral("follow_up");
    case TriageMark::None:
        break;
    }
    return QString();
}

std::optional<TriageMark> triageMarkFromName(const QString &name)
{
    for (TriageMark m : {TriageMark::None, TriageMark::Confirmed, TriageMark::Benign, TriageMark::FollowUp}) {
        if (triageMarkName(m) == name)
            return m;
    }
    return std::nullopt;
}

// The event-density strip (issue 14).
std::optional<std::pair<qint64, qint64>> CaseStore::eventTimeRange()
{
    // Two index lookups on events_by_time, not a scan.
    Statement st(*m_db, "SELECT (SELECT min(time_us) FROM events), (SELECT max(time_us) FROM events)");
    if (!st.step() || st.isNull(0) || st.isNull(1))
        return std::nullopt;
    return std::make_pair(st.int64(0), st.int64(1));
}

qint64 CaseStore::densityBinWidth(qint64 fromUs, qint64 toUs, int bins)
{
    if (bins < 1 || toUs < fromUs)
        return 0;
    // Ceiling division: the last bucket ends at or after toUs, never before it.
    const qint64 span = toUs - fromUs + 1;
    return (span + bins - 1) / bins;
}

QList<qint64> CaseStore::eventDensity(qint64 fromUs, qint64 toUs, int bins)
{
    const qint64 width = densityBinWidth(fromUs, toUs, bins);
    if (width <= 0)
        return {};
    // Each bucket is the difference of two running totals: before(b) counts the events
    // from the minute of fromUs up to, not including, b. Whole minutes come from
    // event_minutes, read once in minute order; the part of a minute that a boundary
    // cuts is counted on the time index, from the minute's start or from the previous
    // boundary when that lies in the same minute, so no event is read twice and the
    // counts are exact.
    Statement minutes(*m_db,
        "SELECT minute, sum(events) FROM event_minutes WHERE minute >= ?1 AND minute <= ?2 "
        "GROUP BY minute ORDER BY minute");
    minutes.bind(1, minuteOf(fromUs)).bind(2, minuteOf(toUs));
    bool haveMinute = minutes.step();
    Statement part(*m_db, "SELECT count(*) FROM events WHERE time_us >= ?1 AND time_us < ?2");
    const auto eventsIn = [&part](qint64 from, qint64 to) -> qint64 {
        if (from >= to)
            return 0;
        part.bind(1, from).bind(2, to);
        part.step();
        const qint64 n = part.int64(0);
        part.reset();
        return n;
    };
    qint64 wholeMinutes = 0; // events of the minutes read so far
    std::optional<std::pair<qint64, qint64>> previous; // the last boundary and before() there
    const auto before = [&](qint64 boundary) {
        const qint64 minute = minuteOf(boundary);
        while (haveMinute && minutes.int64(0) < minute) {
            wholeMinutes += minutes.int64(1);
            haveMinute = minutes.step();
        }
        const qint64 start = minuteStart(minute);
        const qint64 total = previous && previous->first >= start
            ? previous->second + eventsIn(previous->first, boundary)
            : wholeMinutes + eventsIn(start, boundary);
        previous = std::make_pair(boundary, total);
        return total;
    };
    // The boundaries fromUs + i * width, the last ones held at the end of the range.
    const qint64 span = toUs - fromUs + 1;
    QList<qint64> counts(bins, 0);
    qint64 low = before(fromUs);
    for (int bin = 0; bin < bins; ++bin) {
        const qint64 high = before(fromUs + std::min(span, (bin + 1) * width));
        counts[bin] = high - low;
        low = high;
    }
    return counts;
}

QHash<qint64, ChainTriage> CaseStore::chainTriage()
{
    QHash<qint64, ChainTriage> result;
    Statement st(*m_db, "SELECT seed_event_id, mark, note, updated FROM chain_triage");
    while (st.step()) {
        ChainTriage t;
        t.seedEventId = st.int64(0);
        // A mark this version does not know (a newer case, an edited file) is shown as
        // none rather than guessed; the note is kept.
        t.mark = triageMarkFromName(st.text(1)).value_or(TriageMark::None);
        t.note = st.text(2);
        t.updated = QDateTime::fromString(st.text(3), Qt::ISODateWithMs);
        result.insert(t.seedEventId, t);
    }
    return result;
}

void CaseStore::setChainTriage(qint64 seedEventId, TriageMark mark, const QString &note)
{
    if (mark == TriageMark::None && note.isEmpty()) {
        Statement st(*m_db, "DELETE FROM chain_triage WHERE seed_event_id = ?");
        st.bind(1, seedEventId).exec();
        return;
    }
    Statement st(*m_db,
        "INSERT INTO chain_triage(seed_event_id, mark, note, updated) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(seed_event_id) DO UPDATE SET mark = excluded.mark, note = excluded.note, "
        "updated = excluded.updated");
    st.bind(1, seedEventId).bindText(2, triageMarkName(mark)).bindText(3, note).bindText(4, isoNow()).exec();
}

QList<Bookmark> CaseStore::bookmarks()
{
    QList<Bookmark> result;
    // In the events' time order, as the analyst reads them; a bookmark whose event is
    // gone (its source dropped) is not shown. CROSS JOIN keeps the bookmarks outside:
    // left to itself, SQLite walks the whole time index for the order and looks each
    // event up among the bookmarks, a pass over every event on each reset of the events
    // table; this looks up each bookmark's event and sorts the few rows.
    Statement st(*m_db,
        "SELECT b.event_id, b.note, b.created FROM bookmarks b CROSS JOIN events e ON e.id = b.event_id "
        "ORDER BY e.time_us, e.id");
    while (st.step()) {
        Bookmark b;
        b.eventId = st.int64(0);
        b.note = st.text(1);
        b.created = QDateTime::fromString(st.text(2), Qt::ISODateWithMs);
        result.append(b);
    }
    return result;
}

void CaseStore::setBookmark(qint64 eventId, const QString &note)
{
    Statement st(*m_db,
        "INSERT INTO bookmarks(event_id, note, created) VALUES (?, ?, ?) "
        "ON CONFLICT(event_id) DO UPDATE SET note = excluded.note");
    st.bind(1, eventId).bindText(2, note).bindText(3, isoNow()).exec();
}

void CaseStore::removeBookmark(qint64 eventId)
{
    Statement st(*m_db, "DELETE FROM bookmarks WHERE event_id = ?");
    st.bind(1, eventId).exec();
}

std::optional<QString> CaseStore::meta(const QString &key)
{
    Statement st(*m_db, "SELECT value FROM meta WHERE key = ?");
    st.bindText(1, key);
    if (!st.step())
        return std::nullopt;
    return st.text(0);
}

qint64 CaseStore::eventsGeneration()
{
    Statement st(*m_db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'events_generation'");
    return st.step() ? st.int64(0) : 0;
}

std::optional<StoredChainCache> CaseStore::chainCache()
{
    Statement st(*m_db, "SELECT key, generation, sha256, data FROM chain_cache WHERE id = 1");
    if (!st.step())
        return std::nullopt;
    return StoredChainCache {st.blob(0), st.int64(1), st.blob(2), st.blob(3)};
}

std::optional<StoredChainCache> CaseStore::chainCacheFor(const QByteArray &key)
{
    // One statement, so the row cannot change between its key and its data; SQLite
    // reads the blob's overflow pages only when the CASE asks for them. A key that is
    // not a BLOB (a hand-edited case) never equals one, so it is not reported as the
    // stored key either: the caller would see a matching key without its data.
    Statement st(*m_db,
        "SELECT CASE WHEN typeof(key) = 'blob' THEN key END, generation, sha256, "
        "CASE WHEN key = ?1 THEN data END FROM chain_cache WHERE id = 1");
    st.bindBlob(1, key);
    if (!st.step())
        return std::nullopt;
    return StoredChainCache {st.blob(0), st.int64(1), st.blob(2), st.blob(3)};
}

bool CaseStore::setChainCache(const QByteArray &key, qint64 generation, const QByteArray &data)
{
    const QByteArray digest = Sha256::hash(data);
    Transaction tx(*m_db);
    // Written only for the events it was computed from: an import that committed since
    // has bumped the generation (and removed the old cache), and this one is stale.
    if (eventsGeneration() != generation)
        return false;
    Statement st(*m_db,
        "INSERT INTO chain_cache(id, key, generation, sha256, data) VALUES (1, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET key = excluded.key, generation = excluded.generation, "
        "sha256 = excluded.sha256, data = excluded.data");
    // Borrowed, not copied: kept chains are tens of MB, and `data` outlives the statement.
    st.bindBlob(1, key).bind(2, generation).bindBlob(3, digest).bindBorrowedBlob(4, data).exec();
    tx.commit();
    return true;
}

namespace {

// ix_processes' flags (schema 12).
constexpr qint64 FlagStartSeen = 1;
constexpr qint64 FlagExeced = 2;
constexpr qint64 FlagUpdater = 4;

// A platform as ix_processes holds it (int(Platform)); any other number, which only a
// damaged or hostile case holds, is Unknown.
Platform platformOfNumber(qint64 value)
{
    return value >= qint64(Platform::Unknown) && value <= qint64(Platform::MacOS) ? Platform(value) : Platform::Unknown;
}

constexpr const char *StoredProcessColumns
    = "node, parent, child_rank, host, pid, ppid, start_us, end_us, flags, image, command_line, start_event_id, "
      "platform, parent_reason, created_us";

StoredProcess readStoredProcess(const Statement &st)
{
    StoredProcess p;
    p.node = st.int64(0);
    p.parent = st.int64(1);
    p.childRank = qint32(st.int64(2));
    p.host = st.text(3);
    p.pid = st.int64(4);
    p.ppid = st.int64(5);
    p.startUs = st.int64(6);
    p.endUs = st.int64(7);
    const qint64 flags = st.int64(8);
    p.startSeen = (flags & FlagStartSeen) != 0;
    p.execed = (flags & FlagExeced) != 0;
    p.updater = (flags & FlagUpdater) != 0;
    p.image = st.text(9);
    p.commandLine = st.text(10);
    p.startEventId = st.int64(11);
    p.platform = platformOfNumber(st.int64(12));
    p.parentReason = st.text(13);
    p.createdUs = st.int64(14);
    return p;
}

QList<StoredProcess> readStoredProcesses(Statement &st)
{
    QList<StoredProcess> result;
    while (st.step())
        result.append(readStoredProcess(st));
    return result;
}

QByteArray selectStoredProcesses(const char *rest)
{
    return QByteArray("SELECT ") + StoredProcessColumns + " FROM ix_processes " + rest;
}

} // namespace

std::optional<StoredIndexState> CaseStore::storedIndexState()
{
    Statement st(*m_db, "SELECT version, generation FROM ix_state WHERE id = 1");
    if (!st.step())
        return std::nullopt;
    StoredIndexState state {st.blob(0), st.int64(1), {}, 0};
    Statement parts(*m_db, "SELECT header FROM ix_parts ORDER BY part");
    while (parts.step())
        state.headers.append(parts.blob(0));
    Statement stale(*m_db, "SELECT count(*) FROM ix_stale");
    state.staleParts = stale.step() ? stale.int64(0) : 0;
    return state;
}

QString CaseStore::indexPartOf(const QString &host)
{
    return foldedHost(host, Platform::Windows);
}

QHash<QString, CaseStore::IndexPart> CaseStore::indexParts()
{
    QHash<QString, IndexPart> parts;
    QHash<qint64, qint64> ofSource; // events per source, all hosts
    // Sets beside the lists: a host of thousands of sources (or spellings) is not a
    // quadratic search.
    QHash<QString, QSet<QString>> hostsOf;
    QHash<QString, QSet<qint64>> sourcesOf;
    Statement st(
        *m_db, "SELECT value, source_id, events FROM source_facets WHERE facet = 'host' ORDER BY value, source_id");
    while (st.step()) {
        const QString host = st.text(0);
        const QString name = indexPartOf(host);
        const qint64 source = st.int64(1);
        IndexPart &part = parts[name];
        part.name = name;
        if (!hostsOf[name].contains(host)) {
            hostsOf[name].insert(host);
            part.hosts.append(host);
        }
        if (!sourcesOf[name].contains(source)) {
            sourcesOf[name].insert(source);
            part.sources.append(source);
        }
        part.events += st.int64(2);
        ofSource[source] += st.int64(2);
    }
    for (IndexPart &part : parts) {
        for (const qint64 source : std::as_const(part.sources))
            part.sourceEvents += ofSource.value(source);
    }
    return parts;
}

QStringList CaseStore::staleIndexParts()
{
    Statement st(*m_db, "SELECT part FROM ix_stale ORDER BY part");
    QStringList parts;
    while (st.step())
        parts.append(st.text(0));
    return parts;
}

QHash<QString, std::optional<qint64>> CaseStore::staleIndexMarks()
{
    Statement st(*m_db, "SELECT part, since FROM ix_stale ORDER BY part");
    QHash<QString, std::optional<qint64>> marks;
    while (st.step())
        marks.insert(st.text(0), st.isNull(1) ? std::nullopt : std::optional<qint64>(st.int64(1)));
    return marks;
}

bool CaseStore::isIndexPartAt(const QString &part, std::optional<qint64> since, qint64 lastUs)
{
    Statement mark(*m_db, "SELECT since FROM ix_stale WHERE part = ?");
    if (!mark.bindText(1, part).step())
        return false;
    const std::optional<qint64> marked = mark.isNull(0) ? std::nullopt : std::optional<qint64>(mark.int64(0));
    const std::optional<IndexFrontier> frontier = indexFrontier(part);
    return marked == since && frontier && frontier->lastUs == lastUs;
}

std::optional<QByteArray> CaseStore::indexPartHeader(const QString &part)
{
    Statement st(*m_db, "SELECT header FROM ix_parts WHERE part = ?");
    st.bindText(1, part);
    if (!st.step())
        return std::nullopt;
    return st.blob(0);
}

std::optional<CaseStore::IndexFrontier> CaseStore::indexFrontier(const QString &part)
{
    Statement st(*m_db, "SELECT last_us, state FROM ix_frontier WHERE part = ?");
    st.bindText(1, part);
    if (!st.step())
        return std::nullopt;
    return IndexFrontier {st.int64(0), st.blob(1)};
}

std::optional<QStringList> CaseStore::clearStoredIndexParts(const QStringList &parts, qint64 generation)
{
    Transaction tx(*m_db);
    if (eventsGeneration() != generation)
        return std::nullopt;
    QStringList still;
    Statement marked(*m_db, "SELECT 1 FROM ix_stale WHERE part = ?");
    for (const QString &part : parts) {
        if (marked.bindText(1, part).step())
            still.append(part);
        marked.reset();
    }
    deleteStoredIndexParts(*m_db, still);
    tx.commit();
    return still;
}

void CaseStore::dropStoredIndex()
{
    Transaction tx(*m_db);
    dropStoredIndexRows(*m_db);
    tx.commit();
}

void CaseStore::setMeta(const QString &key, const QString &value)
{
    Statement st(
        *m_db, "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bindText(1, key).bindText(2, value).exec();
}

EventWriter::EventWriter(CaseStore &store, qint64 sourceId)
    : m_store(store)
    , m_sourceId(sourceId)
    , m_tx(store.database())
    , m_insertEvent(store.database(),
          "INSERT INTO events(source_id, raw_id, record_pos, time_us, host, platform, kind, process_key, "
          "pid, ppid, image, command_line, user, target_path, hashes, signer, signature_status, team_id, "
          "dst_ip, dst_port, dst_host, details, forked, address_family, dns_answers, parent_process_key, "
          "parent_image, parent_command_line) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    , m_insertRaw(store.database(), "INSERT INTO raw_records(source_id, data, encoding, sha256) VALUES (?, ?, ?, ?)")
    , m_insertError(store.database(), "INSERT INTO import_errors(source_id, record_pos, message) VALUES (?, ?, ?)")
{
}

EventWriter::~EventWriter() = default;

// The hash beside each record is the chain of custody inside the case (issue 11, finding
// 13): SQLite pages carry no checksum, so without it `verify` could not tell a changed
// record from an intact one. A hash that libcrypto failed to make is stored as NULL
// ("not checkable"), never as a value that could pass for one.
qint64 EventWriter::addRaw(const QByteArray &raw, const QByteArray &givenSha256)
{
    const QByteArray sha256 = givenSha256.isEmpty() ? Sha256::hash(raw) : givenSha256;
    m_insertRaw.bind(1, m_sourceId).bindBorrowedBlob(2, raw);
    if (!sha256.isEmpty())
        m_insertRaw.bindBorrowedBlob(4, sha256);
    m_insertRaw.exec();
    return m_store.database().lastInsertId();
}

qint64 EventWriter::addCompressedRaw(const QByteArray &frame, const QByteArray &sha256)
{
    m_insertRaw.bind(1, m_sourceId).bindBorrowedBlob(2, frame).bindBorrowedText(3, RawCodec::Zstd);
    if (!sha256.isEmpty())
        m_insertRaw.bindBorrowedBlob(4, sha256);
    m_insertRaw.exec();
    return m_store.database().lastInsertId();
}

qint64 EventWriter::add(const Event &e, qint64 rawId)
{
    // Every text column of the row is encoded into one reused buffer and bound in
    // place: one UTF-8 pass per string, no allocation and no copy inside SQLite. This
    // is the hot loop of every import.
    const QString platform = platformName(e.platform);
    const QString kind = kindName(e.kind);
    const QString *const texts[] = {&e.host, &platform, &kind, &e.processKey, &e.image, &e.commandLine, &e.user,
        &e.targetPath, &e.hashes, &e.signer, &e.signatureStatus, &e.teamId, &e.dstIp, &e.dstHost, &e.addressFamily,
        &e.parentProcessKey, &e.parentImage, &e.parentCommandLine};
    qsizetype needed = 0;
    for (const QString *t : texts)
        needed += m_utf8.requiredSpace(t->size());
    if (m_rowText.size() < needed)
        m_rowText.resize(needed);
    char *out = m_rowText.data();
    Statement &st = m_insertEvent;
    // Empty strings are stored as NULL except where the column says NOT NULL.
    const auto text = [&](int index, const QString &value, bool emptyIsNull = true) {
        if (value.isEmpty() && emptyIsNull)
            return;
        char *end = m_utf8.appendToBuffer(out, value);
        st.bindBorrowedText(index, QByteArrayView(out, end - out));
        out = end;
    };
    st.bind(1, m_sourceId);
    if (rawId >= 0)
        st.bind(2, rawId);
    if (e.recordPos >= 0)
        st.bind(3, e.recordPos);
    st.bind(4, e.timeUs);
    text(5, e.host, false);
    text(6, platform, false);
    text(7, kind, false);
    text(8, e.processKey);
    if (e.pid >= 0)
        st.bind(9, e.pid);
    if (e.ppid >= 0)
        st.bind(10, e.ppid);
    text(11, e.image);
    text(12, e.commandLine);
    text(13, e.user);
    text(14, e.targetPath);
    text(15, e.hashes);
    text(16, e.signer);
    text(17, e.signatureStatus);
    text(18, e.teamId);
    text(19, e.dstIp);
    if (e.dstPort >= 0)
        st.bind(20, e.dstPort);
    text(21, e.dstHost);
    if (!e.detailsJson.isEmpty())
        st.bindBorrowedText(22, e.detailsJson);
    else if (!e.details.isEmpty())
        st.bind(22, QJsonDocument(e.details).toJson(QJsonDocument::Compact));
    st.bind(23, e.forked ? 1 : 0);
    text(24, e.addressFamily);
    if (!e.dnsAnswers.isEmpty())
        st.bind(25, QJsonDocument(QJsonArray::fromStringList(e.dnsAnswers)).toJson(QJsonDocument::Compact));
    text(26, e.parentProcessKey);
    text(27, e.parentImage);
    text(28, e.parentCommandLine);
    st.exec();
    ++m_events;
    // The source's facets (schema 10), counted as the rows go in. Consecutive events
    // mostly share their host: a run is counted, and hashed once when it ends.
    ++m_kinds[int(e.kind)];
    if (m_hostRun == 0 || e.platform != m_runPlatform || e.host != m_runHost) {
        flushHostRun();
        m_runPlatform = e.platform;
        m_runHost = e.host;
        m_runEarliest = e.timeUs;
    }
    ++m_hostRun;
    m_runEarliest = qMin(m_runEarliest, e.timeUs);
    // Providers are counted by SQL in finish(), with the readers' own JSON rules, and
    // only for a source whose events may name one (the Windows logs, ECS).
    if (!m_mayNameProvider)
        m_mayNameProvider = e.detailsJson.contains("\"provider\"") || e.details.contains(QLatin1String("provider"));
    const qint64 minute = minuteOf(e.timeUs);
    if (minute != m_runMinute) {
        if (m_runEvents > 0)
            m_minutes[m_runMinute] += m_runEvents;
        m_runMinute = minute;
        m_runEvents = 0;
    }
    ++m_runEvents;
    return m_store.database().lastInsertId();
}

void EventWriter::addError(qint64 recordPos, const QString &message)
{
    if (m_errorsKept >= MaxErrorsKeptPerSource)
        return;
    ++m_errorsKept;
    m_insertError.bind(1, m_sourceId);
    if (recordPos >= 0)
        m_insertError.bind(2, recordPos);
    m_insertError.bindText(3, message).exec();
}

void EventWriter::setSha256(const QString &sha256)
{
    Statement st(m_store.database(), "UPDATE sources SET sha256 = ? WHERE id = ?");
    st.bindText(1, sha256).bind(2, m_sourceId).exec();
}

void EventWriter::flushHostRun()
{
    if (m_hostRun > 0) {
        m_hosts[{quint8(m_runPlatform), m_runHost}] += m_hostRun;
        // The part the case will file these events under: the host as the rows read
        // back (caseUtf8), folded as CaseStore::indexPartOf does.
        const QString part = CaseStore::indexPartOf(QString::fromUtf8(caseUtf8(m_runHost)));
        const auto it = m_earliestOfPart.constFind(part);
        if (it == m_earliestOfPart.cend() || m_runEarliest < it.value())
            m_earliestOfPart.insert(part, m_runEarliest);
    }
    m_hostRun = 0;
}

void EventWriter::writeFacets()
{
    flushHostRun();
    Database &db = m_store.database();
    // Added to what is there: a source whose import is completed later keeps counting.
    Statement st(db,
        "INSERT INTO source_facets(source_id, facet, platform, value, events) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(source_id, facet, platform, value) DO UPDATE SET events = events + excluded.events");
    const auto add = [&](const char *facet, const QString &platform, const QString &value, qint64 events) {
        st.bind(1, m_sourceId).bindText(2, QString::fromLatin1(facet)).bindText(3, platform).bindText(4, value);
        st.bind(5, events).exec();
    };
    for (auto it = m_hosts.cbegin(); it != m_hosts.cend(); ++it)
        add("host", platformName(Platform(it.key().first)), it.key().second, it.value());
    for (int k = 0; k < EventKindCount; ++k) {
        if (m_kinds[k] > 0)
            add("kind", QString(), kindName(EventKind(k)), m_kinds[k]);
    }
    if (m_mayNameProvider) {
        Statement providers(db,
            "INSERT INTO source_facets(source_id, facet, platform, value, events) "
            "SELECT ?1, 'provider', '', json_extract(details, '$.provider') AS p, count(*) FROM events "
            "WHERE source_id = ?1 AND instr(details, '\"provider\"') AND json_valid(details) "
            "AND json_type(details, '$.provider') = 'text' GROUP BY p "
            "ON CONFLICT(source_id, facet, platform, value) DO UPDATE SET events = excluded.events");
        providers.bind(1, m_sourceId).exec();
    }
}

void EventWriter::finish(const ImportCounts &counts, const QString &firstError, SourceStatus status)
{
    // The source's minutes, in the transaction of its events: an import that is rolled
    // back leaves none. In minute order, the table's key order. Added to what is there:
    // two writers of one source (not something the importer does) still count right.
    if (m_runEvents > 0)
        m_minutes[m_runMinute] += m_runEvents;
    m_runEvents = 0;
    QList<qint64> minutes = m_minutes.keys();
    std::sort(minutes.begin(), minutes.end());
    Statement minute(m_store.database(),
        "INSERT INTO event_minutes(minute, source_id, events) VALUES (?, ?, ?) "
        "ON CONFLICT(minute, source_id) DO UPDATE SET events = events + excluded.events");
    for (const qint64 m : minutes)
        minute.bind(1, m).bind(2, m_sourceId).bind(3, m_minutes.value(m)).exec();
    Statement st(m_store.database(),
        "UPDATE sources SET status = ?, import_finished = ?, records_read = ?, events_stored = ?, "
        "records_failed = ?, records_skipped = ?, error = ?, gaps = ?, gap_ranges = ? WHERE id = ?");
    st.bindText(1, sourceStatusName(status))
        .bindText(2, isoNow())
        .bind(3, counts.recordsRead)
        .bind(4, m_events)
        .bind(5, counts.recordsFailed)
        .bind(6, counts.recordsSkipped)
        .bind(7, firstError)
        .bind(8, counts.gaps.missing)
        .bind(9, counts.gaps.toStored()) // NULL without a hole, like the column's default
        .bind(10, m_sourceId)
        .exec();
    writeFacets();
    // A file that gave no events changes no chain: the kept ones stay.
    if (m_events > 0)
        eventsChanged(m_store.database(), hostsOfSource(m_store.database(), m_sourceId), &m_earliestOfPart);
    m_tx.commit();
}

// Preparing a query costs more than running it: each is prepared once per reader.
struct StoredIndexReader::Private
{
    explicit Private(CaseStore &s)
        : store(s)
    {
    }
    Statement &prepared(std::optional<Statement> &st, const QByteArray &sql)
    {
        if (!st)
            st.emplace(store.database(), sql.constData());
        else
            st->reset();
        return *st;
    }

    CaseStore &store;
    std::optional<Statement> images;
    std::optional<Statement> commandLines;
    std::optional<Statement> updaters;
    std::optional<Statement> process;
    std::optional<Statement> withImage;
    std::optional<Statement> subtree;
    std::optional<Statement> childCount;
    std::optional<Statement> events;
    std::optional<Statement> lookup;
    std::optional<Statement> eventById;
};

StoredIndexReader::StoredIndexReader(CaseStore &store)
    : d(std::make_unique<Private>(store))
{
}

StoredIndexReader::~StoredIndexReader() = default;

QList<std::pair<QString, Platform>> StoredIndexReader::processImages()
{
    // The distinct pairs the writer kept (a recompute decides each once): a few thousand
    // rows instead of a pass over the (image, platform) index of every process.
    Statement &st = d->prepared(d->images, "SELECT DISTINCT image, platform FROM ix_images ORDER BY image, platform");
    QList<std::pair<QString, Platform>> result;
    // Numbers that are no platform all read as Unknown, and a hostile case may hold text
    // as numbers or blobs that read as the same QString: each pair is still listed once.
    QSet<std::pair<QString, int>> seen;
    while (st.step()) {
        std::pair<QString, Platform> pair {st.text(0), platformOfNumber(st.int64(1))};
        const std::pair<QString, int> key {pair.first, int(pair.second)};
        if (seen.contains(key))
            continue;
        seen.insert(key);
        result.append(std::move(pair));
    }
    return result;
}

QStringList StoredIndexReader::commandLines(const QString &image, Platform platform)
{
    Statement &st = d->prepared(d->commandLines,
        "SELECT DISTINCT command_line FROM ix_processes WHERE image = ? AND platform = ? ORDER BY command_line");
    st.bindText(1, image).bind(2, int(platform));
    QStringList result;
    while (st.step())
        result.append(st.text(0));
    return result;
}

QList<StoredProcess> StoredIndexReader::updaterProcesses()
{
    // `flags & 4` as the partial index ix_processes_updaters says it: SQLite uses that
    // index only for a WHERE that names its condition.
    Statement &st = d->prepared(d->updaters, selectStoredProcesses("WHERE flags & 4 ORDER BY node"));
    return readStoredProcesses(st);
}

QList<StoredProcess> StoredIndexReader::processes(const QList<qint64> &nodes)
{
    // One lookup by primary key per node, in node order: any number of nodes, no SQL
    // built from their count.
    QList<qint64> sorted = nodes;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    QList<StoredProcess> result;
    result.reserve(sorted.size());
    for (const qint64 node : std::as_const(sorted)) {
        Statement &st = d->prepared(d->process, selectStoredProcesses("WHERE node = ?"));
        st.bind(1, node);
        if (st.step())
            result.append(readStoredProcess(st));
    }
    return result;
}

QHash<qint64, qint32> StoredIndexReader::childCounts(const QList<qint64> &nodes)
{
    Statement &st = d->prepared(d->childCount, "SELECT count(*) FROM ix_processes WHERE parent = ?");
    QHash<qint64, qint32> counts;
    for (const qint64 node : nodes) {
        st.bind(1, node);
        st.step();
        counts.insert(node, qint32(st.int64(0)));
        st.reset();
    }
    return counts;
}

QList<StoredProcess> StoredIndexReader::processesWithImage(const QString &image, Platform platform)
{
    Statement &st = d->prepared(d->withImage, selectStoredProcesses("WHERE image = ? AND platform = ? ORDER BY node"));
    st.bindText(1, image).bind(2, int(platform));
    return readStoredProcesses(st);
}

QList<StoredProcess> StoredIndexReader::subtree(qint64 node)
{
    // UNION, not UNION ALL: a node already reached is not walked again, so a parent
    // column that loops (only a hostile case has one) still ends.
    Statement &st = d->prepared(d->subtree,
        QByteArray("WITH RECURSIVE below(node) AS ("
                   "SELECT node FROM ix_processes WHERE parent = ?1 "
                   "UNION SELECT p.node FROM ix_processes p JOIN below b ON p.parent = b.node) ")
            + selectStoredProcesses("WHERE node IN below AND node <> ?1 ORDER BY node"));
    st.bind(1, node);
    return readStoredProcesses(st);
}

QList<StoredIndexEvent> StoredIndexReader::eventsOf(qint64 node)
{
    Statement &st
        = d->prepared(d->events, "SELECT event_id, resolved_dst_host FROM ix_events WHERE node = ? ORDER BY event_id");
    st.bind(1, node);
    QList<StoredIndexEvent> result;
    while (st.step())
        result.append(StoredIndexEvent {st.int64(0), node, st.isNull(1) ? QString() : st.text(1)});
    return result;
}

QList<StoredLookupRow> StoredIndexReader::lookup(StoredLookup what, qint64 key, qint64 fromUs, qint64 untilUs)
{
    Statement &st = d->prepared(d->lookup,
        "SELECT time_us, event_id, node FROM ix_lookups WHERE what = ? AND key = ? AND time_us BETWEEN ? AND ? "
        "ORDER BY time_us, event_id");
    st.bind(1, int(what)).bind(2, key).bind(3, fromUs).bind(4, untilUs);
    QList<StoredLookupRow> result;
    while (st.step())
        result.append(StoredLookupRow {what, key, st.int64(0), st.int64(1), st.int64(2), QString()});
    return result;
}

qint64 StoredIndexReader::imageRows()
{
    Statement st(d->store.database(), "SELECT count(*) FROM ix_images");
    st.step();
    return st.int64(0);
}

bool StoredIndexReader::forEachEventById(
    const QList<qint64> &ids, const std::function<bool(const IndexedEventRow &)> &visit)
{
    // No kind filter: the caller asks for events it knows the index holds. One statement
    // for the reader's life, rebound per id: a recompute asks for a hundred thousand
    // events of millions, in a few thousand calls.
    Statement &st
        = d->prepared(d->eventById, QByteArray("SELECT ") + IndexedEventColumns + " FROM events WHERE id = ?");
    IndexedEventRow r;
    for (const qint64 id : ids) {
        st.reset();
        st.bind(1, id);
        if (st.step()) {
            readIndexedEventRow(st, r);
            if (!visit(r))
                return false;
        }
    }
    st.reset();
    return true;
}

struct StoredIndexWriter::Private
{
    Private(CaseStore &s, const std::optional<QStringList> &replaced, const Continue *continued = nullptr)
        : store(s)
        , tx(s.database())
        , whole(!replaced && !continued)
        , continuing(continued && stillAt(s, *continued))
        , emptied(continued ? false : empty(s.database(), replaced))
        , insertProcess(s.database(),
              "INSERT INTO ix_processes(node, part, created_us, parent, child_rank, host, pid, ppid, start_us, end_us, "
              "flags, image, command_line, start_event_id, platform, parent_reason) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        , insertEvent(s.database(), "INSERT INTO ix_events(node, event_id, resolved_dst_host) VALUES (?, ?, ?)")
        // OR IGNORE: two keys of one event are equal only when the digests of two paths
        // collide (a file made to), and then one row answers for both.
        , insertLookup(s.database(),
              "INSERT OR IGNORE INTO ix_lookups(what, key, time_us, event_id, node, part) VALUES (?, ?, ?, ?, ?, ?)")
    {
        if (replaced)
            parts = *replaced;
        else if (continuing)
            parts = {continued->part};
    }

    static bool stillAt(CaseStore &store, const Continue &c) { return store.isIndexPartAt(c.part, c.since, c.lastUs); }

    // The old index goes (all of it, or the parts written again), and for a whole index
    // the indexes of ix_processes until commit(): before the statements are prepared,
    // which a change of the schema would make SQLite prepare again. SQLite drops nothing
    // while a statement of the connection is part-way through its rows (a writer made
    // inside a visit): the indexes then stay and are kept up to date row by row, slower
    // to the same result. Parts keep the indexes: the other parts' rows stay.
    static bool empty(Database &db, const std::optional<QStringList> &replaced)
    {
        if (replaced) {
            deleteStoredIndexParts(db, *replaced);
            return true;
        }
        dropStoredIndexRows(db);
        bool reading = false;
        for (sqlite3_stmt *st = sqlite3_next_stmt(db.handle(), nullptr); st && !reading;
             st = sqlite3_next_stmt(db.handle(), st))
            reading = sqlite3_stmt_busy(st) != 0;
        if (!reading)
            db.exec(DropIxProcessIndexes);
        return true;
    }

    // The number of a host's part (ix_parts.id), the part made when new. Rows come
    // host by host in long runs: the last host is remembered.
    qint64 partOfHost(const QString &host)
    {
        if (lastHostPart >= 0 && host == lastHost)
            return lastHostPart;
        const qint64 id = partId(CaseStore::indexPartOf(host));
        lastHost = host;
        lastHostPart = id;
        return id;
    }
    qint64 partId(const QString &part)
    {
        if (const auto it = ids.constFind(part); it != ids.cend())
            return it.value();
        // A writer of parts writes only those: a row of another part would be kept
        // beside that part's own rows, which no later write of it removes.
        if (!whole && !parts.contains(part))
            throw CaseError(QStringLiteral("a row of a part not being written"));
        if (continuing) {
            // A continued part keeps its id (its rows stay).
            Statement known(store.database(), "SELECT id FROM ix_parts WHERE part = ?");
            if (known.bindText(1, part).step()) {
                ids.insert(part, known.int64(0));
                return known.int64(0);
            }
        }
        Statement st(store.database(), "INSERT INTO ix_parts(part, header) VALUES (?, x'') RETURNING id");
        st.bindText(1, part);
        st.step();
        const qint64 id = st.int64(0);
        ids.insert(part, id);
        return id;
    }

    CaseStore &store;
    Transaction tx;
    bool whole;
    bool continuing;
    bool emptied;
    QStringList parts; // written again (not whole)
    // Prepared once: they run millions of times on a large case.
    Statement insertProcess;
    Statement insertEvent;
    Statement insertLookup;
    QHash<QString, qint64> ids; // part -> ix_parts.id
    QString lastHost;
    qint64 lastHostPart = -1;
    // A process's text encoded into one reused buffer and bound in place, as
    // EventWriter::add does: no allocation and no copy per row.
    QStringEncoder utf8 {QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
    QByteArray rowText;
    // The distinct (image, platform) pairs of each part, written at commit
    // (ix_images): what a recompute decides installers by.
    QHash<qint64, QSet<std::pair<QString, int>>> images;
};

StoredIndexWriter::StoredIndexWriter(CaseStore &store)
    : d(std::make_unique<Private>(store, std::nullopt))
{
}

StoredIndexWriter::StoredIndexWriter(CaseStore &store, const QStringList &parts)
    : d(std::make_unique<Private>(store, parts))
{
}

StoredIndexWriter::StoredIndexWriter(CaseStore &store, const Continue &part)
    : d(std::make_unique<Private>(store, std::nullopt, &part))
{
}

bool StoredIndexWriter::isContinuing() const
{
    return d->continuing;
}

StoredIndexWriter::~StoredIndexWriter() = default;

void StoredIndexWriter::updateProcess(const StoredProcess &p)
{
    if (!d->continuing)
        throw CaseError(QStringLiteral("a stored process written over outside a continued part"));
    const qint64 part = d->partOfHost(p.host);
    Statement st(d->store.database(),
        "UPDATE ix_processes SET created_us = ?2, parent = ?3, child_rank = ?4, host = ?5, pid = ?6, ppid = ?7, "
        "start_us = ?8, end_us = ?9, flags = ?10, image = ?11, command_line = ?12, start_event_id = ?13, "
        "platform = ?14, parent_reason = ?15 WHERE node = ?1 AND part = ?16");
    const qint64 flags
        = (p.startSeen ? FlagStartSeen : 0) | (p.execed ? FlagExeced : 0) | (p.updater ? FlagUpdater : 0);
    st.bind(1, p.node).bind(2, p.createdUs).bind(3, p.parent).bind(4, p.childRank).bindText(5, p.host);
    st.bind(6, p.pid).bind(7, p.ppid).bind(8, p.startUs).bind(9, p.endUs).bind(10, flags).bindText(11, p.image);
    st.bindText(12, p.commandLine).bind(13, p.startEventId).bind(14, int(p.platform)).bindText(15, p.parentReason);
    st.bind(16, part).exec();
    // A process of another part, or one its part never held: the continuation was not
    // of what the case holds.
    if (d->store.database().changes() != 1)
        throw CaseError(QStringLiteral("a continued part's process is not in it"));
}

void StoredIndexWriter::setFrontier(const QString &part, qint64 lastUs, const QByteArray &state)
{
    if (!d->whole && !d->parts.contains(part))
        throw CaseError(QStringLiteral("a frontier of a part not being written"));
    Statement st(d->store.database(), "INSERT OR REPLACE INTO ix_frontier(part, last_us, state) VALUES (?, ?, ?)");
    st.bindText(1, part).bind(2, lastUs).bindBlob(3, state).exec();
}

void StoredIndexWriter::dropFrontier(const QString &part)
{
    Statement st(d->store.database(), "DELETE FROM ix_frontier WHERE part = ?");
    st.bindText(1, part).exec();
}

qsizetype StoredIndexWriter::recountImages(const QString &part)
{
    const qint64 id = d->partId(part);
    Database &db = d->store.database();
    Statement gone(db, "DELETE FROM ix_images WHERE part = ?");
    gone.bind(1, id).exec();
    Statement made(db,
        "INSERT INTO ix_images(part, image, platform) SELECT DISTINCT part, image, platform FROM ix_processes "
        "WHERE part = ?");
    made.bind(1, id).exec();
    d->images.remove(id); // counted from the table: commit() adds nothing more
    Statement count(db, "SELECT count(*) FROM ix_images WHERE part = ?");
    count.bind(1, id).step();
    return qsizetype(count.int64(0));
}

void StoredIndexWriter::addProcess(const StoredProcess &p)
{
    const QString *const texts[] = {&p.host, &p.image, &p.commandLine, &p.parentReason};
    qsizetype needed = 0;
    for (const QString *t : texts)
        needed += d->utf8.requiredSpace(t->size());
    // Never empty: an empty text is bound as '' from a real pointer (a null one would
    // bind NULL into a NOT NULL column).
    if (d->rowText.size() < needed + 1)
        d->rowText.resize(needed + 1);
    const qint64 part = d->partOfHost(p.host);
    char *out = d->rowText.data();
    Statement &st = d->insertProcess;
    const auto text = [&](int index, const QString &value) {
        char *end = d->utf8.appendToBuffer(out, value);
        st.bindBorrowedText(index, QByteArrayView(out, end - out));
        out = end;
    };
    const qint64 flags
        = (p.startSeen ? FlagStartSeen : 0) | (p.execed ? FlagExeced : 0) | (p.updater ? FlagUpdater : 0);
    st.bind(1, p.node).bind(2, part).bind(3, p.createdUs).bind(4, p.parent).bind(5, p.childRank);
    text(6, p.host);
    st.bind(7, p.pid).bind(8, p.ppid).bind(9, p.startUs).bind(10, p.endUs).bind(11, flags);
    text(12, p.image);
    text(13, p.commandLine);
    st.bind(14, p.startEventId).bind(15, int(p.platform));
    text(16, p.parentReason);
    st.exec();
    d->images[part].insert({p.image, int(p.platform)});
}

void StoredIndexWriter::addEvent(const StoredIndexEvent &event)
{
    Statement &st = d->insertEvent;
    st.bind(1, event.node).bind(2, event.eventId);
    if (!event.resolvedDstHost.isEmpty())
        st.bindText(3, event.resolvedDstHost); // unbound: NULL, the name as logged
    st.exec();
}

void StoredIndexWriter::addLookup(const StoredLookupRow &row)
{
    d->insertLookup.bind(1, int(row.what))
        .bind(2, row.key)
        .bind(3, row.timeUs)
        .bind(4, row.eventId)
        .bind(5, row.node)
        .bind(6, d->partOfHost(row.host))
        .exec();
}

void StoredIndexWriter::setHeader(const QString &part, const QByteArray &header)
{
    Statement st(d->store.database(), "UPDATE ix_parts SET header = ? WHERE id = ?");
    st.bindBlob(1, header).bind(2, d->partId(part)).exec();
}

qsizetype StoredIndexWriter::distinctImages(const QString &part) const
{
    const auto id = d->ids.constFind(part);
    return id == d->ids.cend() ? 0 : d->images.value(id.value()).size();
}

bool StoredIndexWriter::commit(const QByteArray &version, qint64 generation)
{
    // The transaction has held the write lock since the constructor, so no import can
    // have committed while the rows went in; the index may still have been built from
    // events read before that.
    Database &db = d->store.database();
    if (d->store.eventsGeneration() != generation)
        return false;
    db.exec(IxProcessIndexes);
    Statement image(db, "INSERT OR IGNORE INTO ix_images(part, image, platform) VALUES (?, ?, ?)");
    for (auto it = d->images.cbegin(); it != d->images.cend(); ++it) {
        for (const auto &[name, platform] : it.value())
            image.bind(1, it.key()).bindText(2, name).bind(3, platform).exec();
    }
    if (d->whole) {
        Statement st(db, "INSERT INTO ix_state(id, version, generation) VALUES (1, ?, ?)");
        st.bindBlob(1, version).bind(2, generation).exec();
    } else {
        Statement fresh(db, "DELETE FROM ix_stale WHERE part = ?");
        for (const QString &part : std::as_const(d->parts))
            fresh.bindText(1, part).exec();
        // Of `generation` once no part is stale; a part written for a version the case
        // does not hold changes nothing.
        Statement st(
            db, "UPDATE ix_state SET generation = ?1 WHERE version = ?2 AND NOT EXISTS (SELECT 1 FROM ix_stale)");
        st.bind(1, generation).bindBlob(2, version).exec();
    }
    d->tx.commit();
    return true;
}

} // namespace Chainscope
