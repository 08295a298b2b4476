#pragma once

#include "casestore.h"
#include "chainsnapshot.h"
#include "policy.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace Chainscope {

class CaseIndex;

// The case's stored correlation index (issue 15): what CaseIndex::build works out from
// every event — the process graph, each event's process, the lookups by path and by
// host — kept in the case (CaseStore's ix_* tables), so that chains under a new policy
// are computed from what the correlator's walks touch instead of from every event.
//
// Reading is driven by the walks themselves: the reader starts from the processes any
// policy could call installers (decided per distinct image, as findSeeds does) and the
// package-log events, builds a demand index of them (CaseIndex::isDemand()), runs the
// Correlator and takes the chains' snapshot, and reads whatever that noted as missing
// (a process's events, a subtree, the runs of a path, a host's loads in a time range)
// before it runs again. Chains come out only from a run that missed nothing, so they
// are those of the whole index; the reader never has to know which walks the
// correlator makes.
struct StoredIndex
{
    // The largest frontier a part keeps (bytes of CBOR; 256 MiB, well inside what SQLite
    // binds): a part whose frontier would be larger keeps none, and is written again
    // instead of continued. Settable so that tests reach the bound.
    static qsizetype maxFrontierBytes();
    static void setMaxFrontierBytes(qsizetype bytes);

    // What this build writes and reads: the digest of the analysis code, so that an
    // index written by an older index builder is never read (it is written again once).
    static QByteArray version();

    // Keeps `index` (built from every event of the case when its events generation was
    // `generation`) as the case's stored index. False when nothing was written: the
    // index is not a whole one, or the events changed meanwhile.
    static bool write(
        CaseStore &store, const CaseIndex &index, qint64 generation, const std::atomic<bool> *cancel = nullptr);

    // Whether the case holds a stored index this build reads, for its current events.
    // False, not an exception, when its state cannot be read.
    static bool isCurrent(CaseStore &store);

    // Brings the stored index up to the case's events by writing again only the parts
    // whose events changed (an import marks the parts of its hosts; the other hosts'
    // parts stay as they are). Each part is read from its own hosts' events and
    // written in its own transaction. Current: nothing was stale. NotStored: the case
    // holds no stored index this build reads (none, another version, read-only case):
    // only a whole index makes one. Failed: the events changed meanwhile, or a part
    // could not be read or written; what was written stays, what was not stays stale.
    // Whole: writing the stale parts again would read more events than the whole index
    // (a source of many hosts is read once for each of its hosts' parts): only a whole
    // index makes it current.
    enum class Update { Current, Updated, NotStored, Whole, Stopped, Failed };
    struct UpdateStats
    {
        // Continued after their last event with the events imports added after it
        // (their rows stay; new ones are added, processes the new events changed are
        // written over): the same rows as writing them again would give.
        QStringList continued;
        QStringList parts; // written again from their hosts' events
        QStringList emptied; // stale parts no event is on any more: their rows went
        qint64 events = 0; // read for the parts written again
        qint64 newEvents = 0; // read for the parts continued (those after their last event)
    };
    // What update() would do now: the stale parts it would continue, those it would write
    // again and those it would empty, and the events it would read for the parts written
    // again (an empty plan when nothing is stale);
    // nothing when it would not write parts (no stored index this build reads, or
    // Whole).
    struct UpdatePlan
    {
        QStringList continued; // when they can be (else written again)
        QStringList parts;
        QStringList emptied;
        qint64 events = 0;
    };
    static std::optional<UpdatePlan> planUpdate(CaseStore &store);
    static Update update(CaseStore &store, const std::atomic<bool> *cancel = nullptr,
        const std::function<void(qint64 read, qint64 total)> &progress = {}, UpdateStats *stats = nullptr);

    struct Stats
    {
        int rounds = 0; // correlator runs until one missed nothing
        qint64 events = 0; // events read
        qint64 processes = 0; // processes read
        // Seed results taken from the run before instead of computed again, summed
        // over the runs after the first.
        qint64 seedsKept = 0;
        // Where the time went, in seconds: reading the stored index (the installer
        // candidates included), building each round's demand index, and the rounds'
        // correlator runs and snapshots.
        double readSeconds = 0;
        double assembleSeconds = 0;
        double correlateSeconds = 0;
    };

    // The chains under `policy` from the stored index, with the part of the index they
    // refer to (the same as ChainSnapshot::of over the whole index). nullopt when the
    // case holds no current stored index, when cancelled, or when the stored index
    // cannot answer (damaged); `why` says which.
    static std::optional<ChainSnapshot> compute(CaseStore &store, const Policy &policy,
        const std::atomic<bool> *cancel = nullptr, QString *why = nullptr, Stats *stats = nullptr);

    // The key of a lookup row: a 64-bit FNV-1a digest of the host and the path key.
    // Rows of another (host, path) that share a key are read and filtered out by the
    // index built from them; they never answer for the wrong path.
    static qint64 lookupKey(const QString &host, const QString &path = QString());

    class Reader; // storedindex.cpp

private:
    // What a part continued after its last event starts from (storedindex.cpp).
    struct Carried;
    // The whole index (parts: nullptr), or these parts of it from an index of their hosts,
    // or (carried) one part continued: its stored rows stay, the new ones are added.
    static bool writeRows(CaseStore &store, const CaseIndex &index, qint64 generation, const std::atomic<bool> *cancel,
        const QStringList *parts, const Carried *carried = nullptr);
    enum class Continued { Yes, No, Meanwhile, Stopped, Failed };
    // Continues one stale part from its frontier with the events after it. No: it
    // cannot be (its frontier is damaged, or a new spelling of a Windows host would
    // rename it); the caller writes it again. Meanwhile: another writer wrote it.
    static Continued continuePart(CaseStore &store, const CaseStore::IndexPart &part, std::optional<qint64> since,
        qint64 generation, const std::atomic<bool> *cancel, const std::function<void(qint64)> &progress,
        qint64 *events);
};

} // namespace Chainscope
