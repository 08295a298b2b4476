#pragma once

#include "chainanalysis.h"
#include "importjob.h"

#include <QFuture>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTimeZone>

#include <memory>

class QAction;
class QActionGroup;
class QDialog;
class QHeaderView;
class QLabel;
class QMenu;
class QProgressDialog;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QTableView;
class QToolButton;
class QTreeView;

namespace Chainscope {

class CaseStore;
class ChainMarkProxy;
class ChainSummaryPanel;
class ChainsModel;
class DensityStrip;
class EventsPanel;
class ProcessTreeModel;
class RawRecordView;
class SourcesModel;
class TimelineView;

// The workbench window: one case at a time; its chains ranked on the left, the
// selected chain's process tree and timeline, the case's events and sources, and the
// raw record behind whatever is selected.
//
// Layout (each part a named member, so new panels slot in where they belong):
//   page Workbench: m_mainSplitter = [ m_chainsView | m_rightSplitter ]
//     m_rightSplitter = [ m_tabs | m_rawView ]
//     m_tabs: Process tree (m_treeSplitter: m_summaryPanel above m_treeView), Timeline
//             (m_timelinePane: m_density above m_timeline), Events (m_eventsPanel),
//             Sources — see Tab.
//   pages NoCase and EmptyCase: what to do first, with the actions that do it.
//
// One event is current in the whole window (currentEventId()): the raw pane shows it,
// the timeline marks it, and the Events tab selects it when its filters show it, or
// selects nothing. A click on the timeline, a tree row, an Events row or a stage step
// makes an event current.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Page { NoCase, EmptyCase, Workbench };
    enum Tab { ProcessTreeTab, TimelineTab, EventsTab, SourcesTab, TabCount };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    bool openCase(const QString &path);
    bool newCase(const QString &path);
    // Closes the case (nothing is lost: the case is written as it goes).
    void closeCase();
    // Imports on a worker thread with a cancellable progress dialog. `paths` may name
    // log files, folders and archives (triage collections, issue 13), which the job
    // expands on its worker thread.
    void importFiles(const QStringList &paths, const ImportOptions &options = {});
    // Asks for the host and time zone (the CLI's --host and --timezone) before an import
    // of `paths`; imports when the analyst accepts. Used by the menu, the folder import
    // and drag and drop alike.
    void askImportOptions(const QStringList &paths);
    // Stores the policy as a new version and recomputes the chains off the GUI thread.
    // Ignored while an import runs (the case is being written).
    void applyPolicy(const Policy &policy);
    // .html or .pdf; `chainIds` limits it to those chains (as report --chain), all when
    // empty.
    bool exportReport(const QString &path, const QList<int> &chainIds = {});
    // Verifies the case on a worker thread, on a connection of its own, and shows the
    // result in a dialog (issue 11, finding 13).
    void verifyCase();
    bool isVerifying() const { return m_verifying; }
    bool isCorrelating() const { return m_recomputing; }

    CaseStore *caseStore() const { return m_store.get(); }
    bool isImporting() const { return m_job != nullptr; }
    ChainsModel *chainsModel() const { return m_chainsModel; }
    ProcessTreeModel *processTreeModel() const { return m_treeModel; }
    TimelineView *timeline() const { return m_timeline; }
    DensityStrip *densityStrip() const { return m_density; }
    EventsPanel *eventsPanel() const { return m_eventsPanel; }
    ChainSummaryPanel *summaryPanel() const { return m_summaryPanel; }
    // The index the shown chains refer to (null until the first chains came).
    std::shared_ptr<const CaseIndex> caseIndex() const { return m_index; }
    QTabWidget *tabs() const { return m_tabs; }
    Page currentPage() const;
    int currentChainRow() const;
    void selectChain(int row);
    // F8 / Shift+F8: the next or previous chain, wrapping around.
    void stepChain(int delta);
    // F7 / Shift+F7: the next or previous stage of the selected chain (Install → Write
    // → First run → Egress, then each missing stage's nearest miss), wrapping around:
    // its first event becomes current, its process is selected in the tree.
    void stepStage(int delta);
    // Which stop of the selected chain stepStage() is on (-1: none yet), and how many.
    int currentStageStop() const { return m_stageStop; }
    int stageStopCount() const;
    qint64 currentEventId() const { return m_currentEventId; }
    // Makes `eventId` the window's current event: the raw pane shows it, the Events tab
    // selects it (or nothing when the event is not loaded there).
    void setCurrentEvent(qint64 eventId);

    // The zone the window shows times in: UTC until the analyst picks another, per
    // case (kept in the case's meta as "display_time_zone").
    QTimeZone displayTimeZone() const { return m_displayZone; }
    void setDisplayTimeZone(const QTimeZone &zone);

    // Window geometry and state, splitters, column widths and the current tab.
    // Restored when the window is built, saved when it closes.
    void saveSettings() const;
    void restoreSettings();
    // View → Reset Layout: forgets what saveSettings() kept and lays the window out anew.
    void resetLayout();

signals:
    void importFinished();
    // The dialog is open (modal: tests reach it through this signal).
    void verificationShown(QDialog *dialog);
    // The import options dialog, about to run modally (tests fill and accept it).
    void importOptionsShown(QDialog *dialog);
    // The display time-zone dialog, about to run modally.
    void timeZoneDialogShown(QDialog *dialog);
    void chainsUpdated();
    void displayTimeZoneChanged(const QTimeZone &zone);
    void currentEventChanged(qint64 eventId);
    // Edit → Find (Ctrl+F): the Events tab is shown and its search should take focus.
    void findRequested();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    QWidget *createNoCasePage();
    QWidget *createEmptyCasePage();
    // Enables what the case and a running import allow.
    void updateActions();
    void updatePage();
    void setCase(std::unique_ptr<CaseStore> store);
    // The case's events changed (a new case, or an import into this one).
    void reloadModels(bool newCase);
    // Every view that shows times, in the display zone.
    void applyTimeZone();
    // The analyst marked the chain or wrote a note: kept in the case.
    void saveTriage(qint64 seedEventId, TriageMark mark, const QString &note);
    // A click on the timeline: the event's process in the tree, the event everywhere.
    void onTimelineClicked(qint64 eventId);
    void updateStatus();
    void updateRecentMenu();
    void rememberRecent(const QString &path);
    void showChain(int row);
    void showChainDetails(int row);
    // The process (tree node) that produced an event, -1 if none or unknown.
    qint32 nodeOfEvent(qint64 eventId) const;
    void showRaw(qint64 eventId);
    // Selects `eventId` in the Events tab when loaded there, else clears its selection.
    void syncEventsSelection(qint64 eventId);
    // Selects the tree row of process `node` without making its start current.
    bool selectTreeNode(qint32 node);
    void onChainsReady(const QString &casePath, const QList<Chain> &chains, std::shared_ptr<const CaseIndex> index,
        int policyVersion, qint64 elapsedMs, bool kept);
    // Sizes a view's columns to their content unless the analyst has sized them.
    void autoSizeColumns(QHeaderView *header);
    void askNewCase();
    void askOpenCase();
    void askImport();
    void askImportFolder();
    void askPolicy();
    void askExportHunt();
    void askExport();
    void askExportChain();
    void askDisplayTimeZone();
    void find();
    void showShortcuts();
    void showAbout();
    void chooseLanguage(const QString &code);

    struct StageStop
    {
        Stage stage = Stage::Install;
        qint64 eventId = -1;
        qint32 eventIndex = -1;
        bool nearestMiss = false;
    };
    QList<StageStop> stageStops() const;

    std::unique_ptr<CaseStore> m_store;
    qint64 m_eventCount = 0;
    ChainAnalysis *m_analysis = nullptr;
    std::shared_ptr<const CaseIndex> m_index;
    bool m_chainsKept = false; // the shown chains were read from the case, not computed
    bool m_recomputing = false;
    // A load or recompute was asked for and its chains have not come yet.
    bool m_awaitingChains = false;
    // Correlating ends when the worker is idle: polled after the chains came.
    QTimer *m_idlePoll = nullptr;
    int m_requestedPolicyVersion = -1; // the policy whose chains the window waits for
    QTimeZone m_displayZone = QTimeZone::utc();
    qint64 m_currentEventId = -1;
    int m_stageStop = -1;
    bool m_selectingTree = false; // a programmatic tree selection, not the analyst's
    bool m_pickedInEvents = false; // the current event comes from the Events tab itself
    bool m_autoSizing = false;
    // Headers whose column widths the analyst set (or that were restored): left alone.
    QHash<QHeaderView *, bool> m_userSized;
    QString m_importState; // what the status bar says while an import runs

    ChainsModel *m_chainsModel = nullptr;
    ProcessTreeModel *m_treeModel = nullptr;
    SourcesModel *m_sourcesModel = nullptr;
    QStackedWidget *m_pages = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
    QTableView *m_chainsView = nullptr;
    QSplitter *m_treeSplitter = nullptr;
    ChainSummaryPanel *m_summaryPanel = nullptr;
    QTreeView *m_treeView = nullptr;
    QWidget *m_timelinePane = nullptr;
    DensityStrip *m_density = nullptr;
    TimelineView *m_timeline = nullptr;
    QTableView *m_sourcesView = nullptr;
    EventsPanel *m_eventsPanel = nullptr;
    QTabWidget *m_tabs = nullptr;
    RawRecordView *m_rawView = nullptr;
    QLabel *m_statusLabel = nullptr;
    QToolButton *m_zoneButton = nullptr;
    QLabel *m_emptyCaseTitle = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_noCaseRecentMenu = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_importFolderAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_exportChainAction = nullptr;
    QAction *m_policyAction = nullptr;
    QAction *m_verifyAction = nullptr;
    QAction *m_exportHuntAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_timeZoneAction = nullptr;
    QAction *m_nextChainAction = nullptr;
    QAction *m_previousChainAction = nullptr;
    QAction *m_nextStageAction = nullptr;
    QAction *m_previousStageAction = nullptr;
    QList<QAction *> m_tabActions;
    QActionGroup *m_languageGroup = nullptr;
    bool m_verifying = false;
    QFuture<void> m_verification;
    QPointer<ImportJob> m_job;
    QPointer<QProgressDialog> m_progress;
};

} // namespace Chainscope
