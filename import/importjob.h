#pragma once

#include "importer.h"

#include <QObject>
#include <QStringList>

#include <atomic>

namespace Chainscope {

// Runs an import of several files on a worker thread (the global thread pool) and
// reports through queued signals, so the workbench stays responsive. The job opens
// its own connection to the case: SQLite connections are not shared across threads.
class ImportJob : public QObject
{
    Q_OBJECT
public:
    ImportJob(
        const QString &casePath, const QStringList &files, const ImportOptions &options, QObject *parent = nullptr);
    ~ImportJob() override;

    void start();
    // Safe from any thread; the file being imported is left incomplete (rolled back),
    // files not yet started are not touched.
    void cancel();
    bool isCancelled() const { return m_cancel.load(); }

signals:
    void progress(const Chainscope::ImportProgress &progress);
    void fileFinished(const Chainscope::ImportResult &result);
    // Emitted once at the end; `error` is set when the case itself failed.
    void finished(const QList<Chainscope::ImportResult> &results, const QString &error);

private:
    void run();

    QString m_casePath;
    QStringList m_files;
    ImportOptions m_options;
    std::atomic<bool> m_cancel {false};
    std::atomic<bool> m_running {false};
};

} // namespace Chainscope
