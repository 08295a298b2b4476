#include "mainwindow.h"

#include "casestore.h"
#include "eventsmodel.h"
#include "importjob.h"
#include "rawrecordview.h"
#include "sourcesmodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace Chainscope {

namespace {
constexpr int MaxRecent = 8;
const QString RecentKey = QStringLiteral("recentCases");
const QString CaseFilter = QStringLiteral("Chainscope cases (*.chainscope);;All files (*)");

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_sourcesModel(new SourcesModel(this))
    , m_eventsModel(new EventsModel(this))
{
    setWindowTitle(tr("Chainscope"));
    setAcceptDrops(true);

    m_sourcesView = makeTable(m_sourcesModel, this);
    m_eventsView = makeTable(m_eventsModel, this);
    m_rawView = new RawRecordView(this);

    m_kindFilter = new QComboBox(this);
    m_kindFilter->addItem(tr("All kinds"), -1);
    for (int k = 0; k < EventKindCount; ++k)
        m_kindFilter->addItem(kindName(EventKind(k)), k);
    connect(m_kindFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int k = m_kindFilter->currentData().toInt();
        m_eventsModel->reset(m_store.get(), k < 0 ? std::nullopt : std::optional<EventKind>(EventKind(k)));
        m_rawView->clear();
    });

    auto *eventsPane = new QWidget(this);
    auto *eventsLayout = new QVBoxLayout(eventsPane);
    eventsLayout->setContentsMargins(0, 0, 0, 0);
    eventsLayout->addWidget(m_kindFilter, 0, Qt::AlignLeft);
    eventsLayout->addWidget(m_eventsView);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_sourcesView);
    splitter->addWidget(eventsPane);
    splitter->addWidget(m_rawView);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    splitter->setStretchFactor(2, 1);
    setCentralWidget(splitter);

    connect(
        m_eventsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showSelectedEvent);

    m_statusLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusLabel);
    createActions();
    updateStatus();
    resize(1200, 800);
}

MainWindow::~MainWindow()
{
    if (m_job)
        m_job->cancel();
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(tr("&New Case…"), this, &MainWindow::askNewCase);
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = file->addAction(tr("&Open Case…"), this, &MainWindow::askOpenCase);
    openAction->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    file->addSeparator();
    m_importAction = file->addAction(tr("&Import Files…"), this, &MainWindow::askImport);
    m_importAction->setShortcut(Qt::CTRL | Qt::Key_I);
    m_importAction->setEnabled(false);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::askNewCase()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("New Case"), QString(), CaseFilter);
    if (!path.isEmpty())
        newCase(path.endsWith(QLatin1String(".chainscope")) ? path : path + QStringLiteral(".chainscope"));
}

void MainWindow::askOpenCase()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Case"), QString(), CaseFilter);
    if (!path.isEmpty())
        openCase(path);
}

void MainWindow::askImport()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import Evidence"));
    if (!files.isEmpty())
        importFiles(files);
}

bool MainWindow::newCase(const QString &path)
{
    try {
        setCase(CaseStore::create(path));
        return true;
    } catch (const CaseError &e) {
        QMessageBox::warning(this, tr("New Case"), e.message());
        return false;
    }
}

bool MainWindow::openCase(const QString &path)
{
    try {
        setCase(CaseStore::open(path));
        return true;
    } catch (const CaseError &e) {
        QMessageBox::warning(this, tr("Open Case"), e.message());
        return false;
    }
}

void MainWindow::setCase(std::unique_ptr<CaseStore> store)
{
    m_store = std::move(store);
    setWindowFilePath(m_store ? m_store->path() : QString());
    setWindowTitle(m_store ? tr("%1 — Chainscope").arg(QFileInfo(m_store->path()).fileName()) : tr("Chainscope"));
    m_importAction->setEnabled(m_store != nullptr);
    if (m_store)
        rememberRecent(m_store->path());
    reloadModels();
}

void MainWindow::reloadModels()
{
    m_sourcesModel->reload(m_store.get());
    const int k = m_kindFilter->currentData().toInt();
    m_eventsModel->reset(m_store.get(), k < 0 ? std::nullopt : std::optional<EventKind>(EventKind(k)));
    if (m_eventsModel->canFetchMore({}))
        m_eventsModel->fetchMore({});
    m_sourcesView->resizeColumnsToContents();
    m_eventsView->resizeColumnsToContents();
    m_rawView->clear();
    updateStatus();
}

void MainWindow::updateStatus()
{
    if (!m_store) {
        m_statusLabel->setText(tr("No case open"));
        return;
    }
    const QList<SourceInfo> sources = m_store->sources();
    int incomplete = 0;
    for (const SourceInfo &s : sources)
        incomplete += s.status == SourceStatus::Incomplete;
    QString text = tr("%n event(s)", nullptr, int(m_store->eventCount())) + QStringLiteral(" · ")
        + tr("%n source(s)", nullptr, int(sources.size()));
    if (incomplete > 0)
        text += QStringLiteral(" · ") + tr("%n incomplete", nullptr, incomplete);
    m_statusLabel->setText(text);
}

void MainWindow::showSelectedEvent()
{
    const QModelIndex current = m_eventsView->currentIndex();
    if (!current.isValid() || !m_store) {
        m_rawView->clear();
        return;
    }
    const qint64 id = current.data(EventsModel::EventIdRole).toLongLong();
    const auto raw = m_store->rawRecord(id);
    if (raw)
        m_rawView->showRecord(*raw);
    else
        m_rawView->setPlainText(tr("No raw record stored for event %1.").arg(id));
}

void MainWindow::importFiles(const QStringList &files)
{
    if (!m_store || m_job || files.isEmpty())
        return;
    m_job = new ImportJob(m_store->path(), files, {}, this);
    m_progress = new QProgressDialog(tr("Importing…"), tr("Cancel"), 0, 1000, this);
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, m_job, &ImportJob::cancel);
    connect(m_job, &ImportJob::progress, this, [this](const ImportProgress &p) {
        if (!m_progress)
            return;
        const double fileShare = p.bytesTotal > 0 ? double(p.bytesDone) / double(p.bytesTotal) : 0.0;
        m_progress->setValue(int(1000.0 * (p.fileIndex + fileShare) / qMax(1, p.fileCount)));
        m_progress->setLabelText(tr("Importing %1 (%2 of %3): %4 events")
                                     .arg(QFileInfo(p.path).fileName())
                                     .arg(p.fileIndex + 1)
                                     .arg(p.fileCount)
                                     .arg(p.events));
    });
    connect(m_job, &ImportJob::finished, this, [this](const QList<ImportResult> &results, const QString &error) {
        if (m_progress)
            m_progress->deleteLater();
        // Cleared now, not at deletion: a new import may start from the signal.
        m_job->deleteLater();
        m_job = nullptr;
        QStringList problems;
        if (!error.isEmpty())
            problems << error;
        for (const ImportResult &r : results) {
            if (r.status != ImportResult::Status::Complete)
                problems << tr("%1: %2").arg(QFileInfo(r.path).fileName(), r.error);
            else if (r.counts.recordsFailed > 0)
                problems << tr("%1: %n damaged or lost record(s); first: %2", nullptr, int(r.counts.recordsFailed))
                                .arg(QFileInfo(r.path).fileName(), r.error);
        }
        reloadModels();
        if (!problems.isEmpty())
            statusBar()->showMessage(problems.join(QStringLiteral("; ")), 15000);
        emit importFinished();
    });
    m_job->start();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_store && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            files << url.toLocalFile();
    }
    importFiles(files);
    event->acceptProposedAction();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_job)
        m_job->cancel();
    event->accept();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(RecentKey).toStringList();
    for (const QString &path : recent)
        m_recentMenu->addAction(path, this, [this, path] { openCase(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::rememberRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(RecentKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > MaxRecent)
        recent.removeLast();
    settings.setValue(RecentKey, recent);
    updateRecentMenu();
}

} // namespace Chainscope
