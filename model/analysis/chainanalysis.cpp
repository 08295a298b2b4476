#include "chainanalysis.h"

#include "casestore.h"

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

void ChainAnalysis::work()
{
    for (;;) {
        Request request;
        {
            std::lock_guard lock(m_mutex);
            if (!m_pending || m_stop.load()) {
                // Under the lock, so the destructor cannot miss the notification
                // (nor destroy the condition variable while it is being notified).
                m_running = false;
                m_idle.notify_all();
                return;
            }
            request = std::move(*m_pending);
            m_pending.reset();
        }
        QElapsedTimer clock;
        clock.start();
        try {
            if (!request.casePath.isEmpty() || !m_index) {
                if (request.casePath.isEmpty())
                    throw CaseError(tr("no case loaded"));
                // Analysis only reads (issue 11, finding 9): it works on read-only cases.
                auto store = CaseStore::open(request.casePath, CaseStore::Access::ReadOnly);
                auto fresh = std::make_shared<CaseIndex>();
                if (!fresh->load(*store, &m_stop))
                    continue;
                auto correlator = std::make_unique<Correlator>(*fresh);
                std::lock_guard lock(m_mutex);
                // The old correlator refers to the old index: replace both together.
                m_correlator = std::move(correlator);
                m_index = std::move(fresh);
                m_indexedPath = request.casePath;
            }
            const QList<Chain> chains = m_correlator->run(request.policy, &m_stop);
            bool superseded = false;
            {
                // A load of another case is already waiting: this result is stale.
                std::lock_guard lock(m_mutex);
                superseded = m_pending && !m_pending->casePath.isEmpty() && m_pending->casePath != m_indexedPath;
            }
            if (!m_stop.load() && !superseded)
                emit chainsReady(m_indexedPath, chains, index(), request.policy.version, clock.elapsed());
        } catch (const CaseError &e) {
            emit failed(e.message());
        }
    }
}

} // namespace Chainscope
