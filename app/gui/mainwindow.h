#pragma once

#include "chainanalysis.h"
#include "importjob.h"

#include <QFuture>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QComboBox;
class QDialog;
class QLabel;
class QMenu;
class QProgressDialog;
class QTabWidget;
class QTableView;
class QTreeView;

namespace Chainscope {

class CaseStore;
class ChainMarkProxy;
class ChainsModel;
class EventsModel;
class ProcessTreeModel;
class RawRecordView;
class SourcesModel;
class TimelineView;

// The workbench window: one case at a time; its chains ranked on the left, the
// selected chain's process tree and timeline, the case's events and sources, and the
// raw record behind whatever is selected.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    bool openCase(const QString &path);
    bool newCase(const QString &path);
    // Imports on a worker thread with a cancellable progress dialog. `paths` may name
    // log files, folders and archives (triage collections, issue 13), which the job
    // expands on its worker thread.
    void importFiles(const QStringList &paths, const ImportOptions &options = {});
    // Asks for the host and time zone (the CLI's --host and --timezone) before an import
    // of `paths`; imports when the analyst accepts.
    void askImportOptions(const QStringList &paths);
    // Stores the policy as a new version and recomputes the chains off the GUI thread.
    // Ignored while an import runs (the case is being written).
    void applyPolicy(const Policy &policy);
    bool exportReport(const QString &path); // .html or .pdf
    // Verifies the case on a worker thread, on a connection of its own, and shows the
    // result in a dialog (issue 11, finding 13).
    void verifyCase();
    bool isVerifying() const { return m_verifying; }

    CaseStore *caseStore() const { return m_store.get(); }
    bool isImporting() const { return m_job != nullptr; }
    ChainsModel *chainsModel() const { return m_chainsModel; }
    ProcessTreeModel *processTreeModel() const { return m_treeModel; }
    TimelineView *timeline() const { return m_timeline; }
    int currentChainRow() const;
    void selectChain(int row);

signals:
    void importFinished();
    // The dialog is open (modal: tests reach it through this signal).
    void verificationShown(QDialog *dialog);
    // The import options dialog, about to run modally (tests fill and accept it).
    void importOptionsShown(QDialog *dialog);
    void chainsUpdated();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    // Enables what the case and a running import allow.
    void updateActions();
    void setCase(std::unique_ptr<CaseStore> store);
    void reloadModels();
    void updateStatus();
    void updateRecentMenu();
    void rememberRecent(const QString &path);
    void showChain(int row);
    void showRaw(qint64 eventId);
    void onChainsReady(const QString &casePath, const QList<Chain> &chains, std::shared_ptr<const CaseIndex> index,
        int policyVersion, qint64 elapsedMs);
    void stepChain(int delta);
    void askNewCase();
    void askOpenCase();
    void askImport();
    void askImportFolder();
    void askPolicy();
    void askExport();

    std::unique_ptr<CaseStore> m_store;
    ChainAnalysis *m_analysis = nullptr;
    std::shared_ptr<const CaseIndex> m_index;
    bool m_recomputing = false;
    int m_requestedPolicyVersion = -1; // the policy whose chains the window waits for

    ChainsModel *m_chainsModel = nullptr;
    ProcessTreeModel *m_treeModel = nullptr;
    SourcesModel *m_sourcesModel = nullptr;
    EventsModel *m_eventsModel = nullptr;
    QTableView *m_chainsView = nullptr;
    QTreeView *m_treeView = nullptr;
    TimelineView *m_timeline = nullptr;
    QTableView *m_sourcesView = nullptr;
    QTableView *m_eventsView = nullptr;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_kindFilter = nullptr;
    RawRecordView *m_rawView = nullptr;
    QLabel *m_chainDetails = nullptr;
    QLabel *m_statusLabel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QList<QAction *> m_caseActions; // need an open case
    // Also need no import running: a second import would write the same case, and a
    // policy change would correlate a case that is still being written.
    QAction *m_importAction = nullptr;
    QAction *m_importFolderAction = nullptr;
    QAction *m_policyAction = nullptr;
    QAction *m_verifyAction = nullptr;
    bool m_verifying = false;
    QFuture<void> m_verification;
    QPointer<ImportJob> m_job;
    QPointer<QProgressDialog> m_progress;
};

} // namespace Chainscope
