#include "chainanalysis.h"

#include "casestore.h"
#include "chainsnapshot.h"
#include "heap.h"
#include "sha256.h"
#include "storedindex.h"

#include <QElapsedTimer>
#include <QThreadPool>

namespace Chainscope {

ChainAnalysis::ChainAnalysis(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<QList<Chainscope::Chain>>();
    qRegisterMetaType<std::shared_ptr<const Chainscope::CaseIndex>>();
}

ChainAnalysis::~ChainAnalysis()
{
    // The worker touches this object; it must end before the members go. m_stop makes
    // the index load and the correlation return early, so the wait is short.
    m_stop = true;
    std::unique_lock lock(m_mutex);
    m_pending.reset();
    m_idle.wait(lock, [this] { return !m_running.load(); });
}

std::shared_ptr<const CaseIndex> ChainAnalysis::index() const
{
    std::lock_guard lock(m_mutex);
    return m_index;
}

void ChainAnalysis::load(const QString &casePath, const Policy &policy)
{
    enqueue({casePath, policy});
}

void ChainAnalysis::recompute(const Policy &policy)
{
    enqueue({QString(), policy});
}

void ChainAnalysis::enqueue(Request request)
{
    // Callers may have edited the lists directly: match with patterns made from
    // what the policy holds now, not from whenever it was last compiled.
    request.policy.compile();
    {
        std::lock_guard lock(m_mutex);
        // A pending load must not turn into a mere recompute.
        if (m_pending && !m_pending->casePath.isEmpty() && request.casePath.isEmpty())
            request.casePath = m_pending->casePath;
        m_pending = std::move(request);
    }
    bool expected = false;
    if (m_running.compare_exchange_strong(expected, true))
        QThreadPool::globalInstance()->start([this] { work(); });
}

bool ChainAnalysis::isBusy() const
{
    if (!m_running.load())
        return false;
    std::lock_guard lock(m_mutex);
    return !m_keeping || m_pending.has_value();
}

void ChainAnalysis::keeping(bool on)
{
    std::lock_guard lock(m_mutex);
    m_keeping = on;
}

bool ChainAnalysis::superseded() const
{
    // A load of another case is already waiting: a result for this one is stale.
    std::lock_guard lock(m_mutex);
    return m_pending && !m_pending->casePath.isEmpty() && m_pending->casePath != m_indexedPath;
}

namespace {

// A computation's transient memory (the demand indexes of a stored-index read, a whole
// index replaced by the next one, serialised snapshots) is freed on this pool thread,
// into the C library's heap, which keeps the pages: with an arena per thread (glibc's
// default, which the workbench changes, core/heap.h), each computation on another pool
// thread left its peak resident beside the window's, and the workbench grew by
// 60–120 MiB with each policy change at 5M events (issue 15). Handing the free pages
// back when the worker goes idle keeps its resident memory at what is in use.
void releaseFreedMemory()
{
    Heap::releaseFree();
    // Kept chains are hashed on this pool thread.
    Sha256::releaseThreadState();
}

} // namespace

void ChainAnalysis::work()
{
    bool released = false; // freed memory handed back since the last computation
    for (;;) {
        Request request;
        {
            std::unique_lock lock(m_mutex);
            if ((!m_pending || m_stop.load()) && !released) {
                // Not under the lock: a policy applied meanwhile must not wait for it
                // (the window would freeze). Then look again for work.
                lock.unlock();
                releaseFreedMemory();
                released = true;
                continue;
            }
            if (!m_pending || m_stop.load()) {
                // Under the lock, so the destructor cannot miss the notification
                // (nor destroy the condition variable while it is being notified).
                m_running = false;
                m_keeping = false;
                m_idle.notify_all();
                return;
            }
            released = false;
            request = std::move(*m_pending);
            m_pending.reset();
            m_keeping = false;
        }
        QElapsedTimer clock;
        clock.start();
        try {
            const bool newCase = !request.casePath.isEmpty();
            if (!newCase && m_indexedPath.isEmpty())
                throw CaseError(tr("no case loaded"));
            const QString casePath = newCase ? request.casePath : m_indexedPath;
            const QByteArray key = ChainCache::keyFor(request.policy);
            qint64 generation = -1; // of the events a full index was read from
            if (newCase || !m_correlator) {
                // Analysis reads (issue 11, finding 9): it works on read-only cases. Only
                // the kept chains are written, through their own connection, where the
                // case can be written (ChainCache::write).
                auto store = CaseStore::open(casePath, CaseStore::Access::ReadOnly);
                // The chains the case kept from its last analysis under this policy: shown
                // at once, without reading the events (issue 15). The whole index is read
                // only when a policy change needs the correlator.
                if (std::optional<ChainSnapshot> kept = ChainCache::read(*store, key)) {
                    {
                        std::lock_guard lock(m_mutex);
                        m_correlator.reset();
                        m_index = kept->index;
                        m_indexedPath = casePath;
                    }
                    if (!m_stop.load() && !superseded())
                        emit chainsReady(
                            casePath, kept->chains, index(), request.policy.version, clock.elapsed(), true);
                    continue;
                }
                generation = store->eventsGeneration();
                // After an import: the stored index's parts of the hosts whose events
                // changed are written again from those hosts' events (the others stay),
                // where the case can be written and holds an index of this build.
                if (!StoredIndex::isCurrent(*store)) {
                    auto writable = CaseStore::open(casePath, CaseStore::Access::ReadWriteIfPossible);
                    if (writable && !writable->isReadOnly()) {
                        const auto progress = [&](qint64 read, qint64 total) {
                            emit indexing(casePath, read, total);
                        };
                        StoredIndex::update(*writable, &m_stop, progress);
                    }
                    if (m_stop.load())
                        continue;
                }
                // The case's stored index (issue 15): the chains from what the
                // correlator's walks touch, not from every event. Kept like computed
                // chains; the correlator stays unset, so the next policy change reads
                // the stored index again.
                if (StoredIndex::isCurrent(*store)) {
                    if (std::optional<ChainSnapshot> stored = StoredIndex::compute(*store, request.policy, &m_stop)) {
                        {
                            std::lock_guard lock(m_mutex);
                            m_correlator.reset();
                            m_index = stored->index;
                            m_indexedPath = casePath;
                        }
                        if (!m_stop.load() && !superseded())
                            emit chainsReady(
                                casePath, stored->chains, index(), request.policy.version, clock.elapsed(), false);
                        keeping(true);
                        ChainCache::write(casePath, key, generation, *stored);
                        continue;
                    }
                    if (m_stop.load())
                        continue;
                }
                auto fresh = std::make_shared<CaseIndex>();
                const auto progress = [&](qint64 read, qint64 total) {
                    emit indexing(casePath, read, total);
                };
                if (!fresh->load(*store, &m_stop, progress))
                    continue;
                if (store->eventsGeneration() != generation)
                    generation = -1; // an import committed meanwhile: never keep these chains
                auto correlator = std::make_unique<Correlator>(*fresh);
                std::lock_guard lock(m_mutex);
                // The old correlator refers to the old index: replace both together.
                m_correlator = std::move(correlator);
                m_index = std::move(fresh);
                m_indexedPath = casePath;
                m_generation = generation;
                m_storedWritten = false;
            }
            const QList<Chain> chains = m_correlator->run(request.policy, &m_stop);
            if (m_stop.load())
                continue;
            if (!superseded())
                emit chainsReady(m_indexedPath, chains, index(), request.policy.version, clock.elapsed(), false);
            // For the next open of the case, after the window has its chains.
            keeping(true);
            if (m_generation >= 0) {
                ChainCache::write(m_indexedPath, key, m_generation, *m_index, chains);
                // Once per whole index: the case keeps it, so that later policy changes
                // and opens read only what they need (issue 15).
                if (!m_storedWritten && !m_stop.load()) {
                    m_storedWritten = true;
                    auto writable = CaseStore::open(m_indexedPath, CaseStore::Access::ReadWriteIfPossible);
                    if (writable && !writable->isReadOnly())
                        StoredIndex::write(*writable, *m_index, m_generation, &m_stop);
                }
            }
        } catch (const CaseError &e) {
            emit failed(e.message());
        }
    }
}

} // namespace Chainscope
