#pragma once

#include "importjob.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QComboBox;
class QLabel;
class QMenu;
class QProgressDialog;
class QTableView;

namespace Chainscope {

class CaseStore;
class EventsModel;
class RawRecordView;
class SourcesModel;

// The workbench window: one case at a time; its sources, its events and the raw
// record behind the selected event.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    bool openCase(const QString &path);
    bool newCase(const QString &path);
    // Imports on a worker thread with a cancellable progress dialog.
    void importFiles(const QStringList &files);
    CaseStore *caseStore() const { return m_store.get(); }
    bool isImporting() const { return m_job != nullptr; }

signals:
    void importFinished();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void setCase(std::unique_ptr<CaseStore> store);
    void reloadModels();
    void updateStatus();
    void updateRecentMenu();
    void rememberRecent(const QString &path);
    void showSelectedEvent();
    void askNewCase();
    void askOpenCase();
    void askImport();

    std::unique_ptr<CaseStore> m_store;
    SourcesModel *m_sourcesModel = nullptr;
    EventsModel *m_eventsModel = nullptr;
    QTableView *m_sourcesView = nullptr;
    QTableView *m_eventsView = nullptr;
    QComboBox *m_kindFilter = nullptr;
    RawRecordView *m_rawView = nullptr;
    QLabel *m_statusLabel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_importAction = nullptr;
    QPointer<ImportJob> m_job;
    QPointer<QProgressDialog> m_progress;
};

} // namespace Chainscope
