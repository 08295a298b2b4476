#pragma once

#include "importer.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace Chainscope {

// Runs an import of several files, folders or archives (importPaths()) on a worker
// thread (the global thread pool) and reports through queued signals, so the workbench
// stays responsive: collections are walked and archives scanned on that thread too. The
// job opens its own connection to the case: SQLite connections are not shared across
// threads.
class ImportJob : public QObject
{
    Q_OBJECT
public:
    // `formats` must outlive the job (builtinFormats() does).
    ImportJob(const QString &casePath, const FormatRegistry &formats, const QStringList &paths,
        const ImportOptions &options, QObject *parent = nullptr);
    ~ImportJob() override;

    void start();
    // Safe from any thread; the file being imported is left incomplete (rolled back),
    // files finished stay in the case, files not yet started are not touched.
    void cancel();

signals:
    void progress(const Chainscope::ImportProgress &progress);
    void fileFinished(const Chainscope::ImportResult &result);
    // Emitted once at the end; `error` is set when the case itself failed.
    void finished(const QList<Chainscope::ImportResult> &results, const QString &error);

private:
    void run();

    QString m_casePath;
    const FormatRegistry *m_formats;
    QStringList m_paths;
    ImportOptions m_options;
    std::atomic<bool> m_cancel {false};
    // The destructor waits on this until the worker has left run().
    std::mutex m_mutex;
    std::condition_variable m_stopped;
    bool m_running = false;
};

} // namespace Chainscope
