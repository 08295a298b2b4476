#include "importjob.h"

#include "collection.h"
#include "sha256.h"

#include <QThreadPool>

namespace Chainscope {

ImportJob::ImportJob(const QString &casePath, const FormatRegistry &formats, const QStringList &paths,
    const ImportOptions &options, QObject *parent)
    : QObject(parent)
    , m_casePath(casePath)
    , m_formats(&formats)
    , m_paths(paths)
    , m_options(options)
{
    qRegisterMetaType<Chainscope::ImportProgress>();
    qRegisterMetaType<Chainscope::ImportResult>();
    qRegisterMetaType<QList<Chainscope::ImportResult>>();
}

ImportJob::~ImportJob()
{
    // The worker touches members until it ends; never let it outlive them. Cancelling
    // makes the reader stop within a few thousand records, so the wait is short.
    cancel();
    std::unique_lock lock(m_mutex);
    m_stopped.wait(lock, [this] { return !m_running; });
}

void ImportJob::start()
{
    {
        std::lock_guard lock(m_mutex);
        m_running = true;
    }
    QThreadPool::globalInstance()->start([this] {
        run();
        Sha256::releaseThreadState(); // the files were hashed on this pool thread
        // Notify under the lock: once it is released the destructor may run, and the
        // worker must not touch the condition variable after that.
        std::lock_guard lock(m_mutex);
        m_running = false;
        m_stopped.notify_all();
    });
}

void ImportJob::cancel()
{
    m_cancel = true;
}

void ImportJob::run()
{
    QList<ImportResult> results;
    QString error;
    try {
        auto store = CaseStore::open(m_casePath);
        const ProgressCallback report = [this](const ImportProgress &p) {
            emit progress(p);
        };
        const ResultCallback done = [this, &results](const ImportResult &r) {
            // Kept as they come: a case failure later still reports the files before it.
            results.append(r);
            emit fileFinished(r);
        };
        const QList<ImportResult> all = importPaths(*store, *m_formats, m_paths, m_options, &m_cancel, report, done);
        // The host of the case's only host is settled at the end: the final list has it.
        results = all;
    } catch (const CaseError &e) {
        error = e.message();
    }
    emit finished(results, error);
}

} // namespace Chainscope
