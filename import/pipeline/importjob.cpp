#include "importjob.h"

#include <QThreadPool>

namespace Chainscope {

ImportJob::ImportJob(const QString &casePath, const FormatRegistry &formats, const QStringList &files,
    const ImportOptions &options, QObject *parent)
    : QObject(parent)
    , m_casePath(casePath)
    , m_formats(&formats)
    , m_files(files)
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
        for (int i = 0; i < m_files.size() && !m_cancel.load(); ++i) {
            const ProgressCallback report = [this, i](const ImportProgress &p) {
                ImportProgress copy = p;
                copy.fileIndex = i;
                copy.fileCount = int(m_files.size());
                emit progress(copy);
            };
            ImportResult r = importFile(*store, *m_formats, m_files.at(i), m_options, &m_cancel, report);
            emit fileFinished(r);
            results.append(r);
        }
        if (m_options.host.isEmpty())
            assignSoleHost(*store, results);
    } catch (const CaseError &e) {
        error = e.message();
    }
    emit finished(results, error);
}

} // namespace Chainscope
