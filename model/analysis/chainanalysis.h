#pragma once

#include "caseindex.h"
#include "correlator.h"
#include "policy.h"

#include <QList>
#include <QMetaType>
#include <QObject>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>

namespace Chainscope {

// Chains of a case, computed off the calling thread. A load shows the chains the case
// kept from its last analysis under the same policy (ChainCache: a snapshot of the
// chains and the processes and events they cite, read without the events). Otherwise,
// and at each policy change after such a load, the chains are computed from the case's
// stored index (StoredIndex: only what the correlator's walks touch is read). A case
// without a current stored index is indexed (events → process graph) once, and the
// index is stored; each further policy change only re-runs the correlation, which
// reuses what it can. Computed chains are kept in the case for its next open. Requests
// that arrive while one runs are coalesced: only the latest policy is computed next.
class ChainAnalysis : public QObject
{
    Q_OBJECT
public:
    explicit ChainAnalysis(QObject *parent = nullptr);
    ~ChainAnalysis() override;

    // Re-reads the case (after an import, or another case) and computes its chains.
    void load(const QString &casePath, const Policy &policy);
    void recompute(const Policy &policy);
    // Whether chains may still come: a request is being computed, or waits. Not while
    // the worker only keeps the chains it has shown (and stores the case's index) for
    // the next open: reports and exports need not wait for that.
    bool isBusy() const;
    // Whether the worker has stopped altogether, its chains kept.
    bool isIdle() const { return !m_running.load(); }

    // The index the last emitted chains refer to (a kept snapshot's after an open that
    // found one). Shared, so views keep using an old index safely while a new one is built.
    std::shared_ptr<const CaseIndex> index() const;

signals:
    // `index` is the one the chains refer to (a later load may replace the current).
    // `casePath` names the case they belong to: a result may arrive after the window
    // moved on to another case, and must then be dropped. `kept`: the chains are those
    // the case kept from its last analysis under this policy, read, not computed.
    void chainsReady(const QString &casePath, const QList<Chainscope::Chain> &chains,
        std::shared_ptr<const Chainscope::CaseIndex> index, int policyVersion, qint64 elapsedMs, bool kept);
    void failed(const QString &error);
    // While the case's events are read for its index (an open without kept chains, or
    // the first policy change after one): `read` of `total` events so far.
    void indexing(const QString &casePath, qint64 read, qint64 total);

private:
    struct Request
    {
        QString casePath; // empty: recompute only
        Policy policy;
    };
    void enqueue(Request request);
    void keeping(bool on);
    void work();
    bool superseded() const;

    mutable std::mutex m_mutex;
    std::optional<Request> m_pending;
    std::shared_ptr<const CaseIndex> m_index;
    QString m_indexedPath; // the case m_index was built from
    // Null while m_index is a kept snapshot's (which cannot be correlated).
    std::unique_ptr<Correlator> m_correlator;
    // The events generation the whole index was read from; -1 when unknown (an import
    // committed during the read): its chains are then never kept.
    qint64 m_generation = -1;
    // Whether the whole index was written as the case's stored index.
    bool m_storedWritten = false;
    // Set when a worker is started, cleared under m_mutex when it leaves; the
    // destructor waits on m_idle for that.
    std::atomic<bool> m_running {false};
    bool m_keeping = false; // under m_mutex: the worker is past its last result's signal
    std::condition_variable m_idle;
    std::atomic<bool> m_stop {false};
};

} // namespace Chainscope

Q_DECLARE_METATYPE(QList<Chainscope::Chain>)
Q_DECLARE_METATYPE(std::shared_ptr<const Chainscope::CaseIndex>)
