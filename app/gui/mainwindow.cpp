#include "mainwindow.h"

#include "casestore.h"
#include "chainmarkproxy.h"
#include "chainsmodel.h"
#include "collection.h"
#include "eventsmodel.h"
#include "formats.h"
#include "outputfile.h"
#include "policydialog.h"
#include "processtreemodel.h"
#include "rawrecordview.h"
#include "report.h"
#include "reportexport.h"
#include "sourcesmodel.h"
#include "timelineview.h"
#include "verificationdialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimeZone>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Chainscope {

namespace {
constexpr int MaxRecent = 8;
const QString RecentKey = QStringLiteral("recentCases");

template<typename View> View *configure(View *view, QAbstractItemModel *model)
{
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    return view;
}

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = configure(new QTableView(parent), model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_analysis(new ChainAnalysis(this))
    , m_chainsModel(new ChainsModel(this))
    , m_treeModel(new ProcessTreeModel(this))
    , m_sourcesModel(new SourcesModel(this))
    , m_eventsModel(new EventsModel(this))
{
    setWindowTitle(tr("Chainscope"));
    setAcceptDrops(true);

    auto *chainsProxy = new ChainMarkProxy(this);
    chainsProxy->setSourceModel(m_chainsModel);
    m_chainsView = makeTable(chainsProxy, this);
    auto *treeProxy = new ChainMarkProxy(this);
    treeProxy->setSourceModel(m_treeModel);
    m_treeView = configure(new QTreeView(this), treeProxy);
    m_treeView->setUniformRowHeights(true);
    m_timeline = new TimelineView(this);
    m_sourcesView = makeTable(m_sourcesModel, this);
    m_eventsView = makeTable(m_eventsModel, this);
    m_rawView = new RawRecordView(this);
    m_chainDetails = new QLabel(this);
    m_chainDetails->setWordWrap(true);
    m_chainDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chainDetails->setTextFormat(Qt::PlainText);

    m_kindFilter = new QComboBox(this);
    m_kindFilter->addItem(tr("All kinds"), -1);
    for (int k = 0; k < EventKindCount; ++k)
        m_kindFilter->addItem(kindName(EventKind(k)), k);
    connect(m_kindFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int k = m_kindFilter->currentData().toInt();
        m_eventsModel->reset(m_store.get(), k < 0 ? std::nullopt : std::optional<EventKind>(EventKind(k)));
    });
    auto *eventsPane = new QWidget(this);
    auto *eventsLayout = new QVBoxLayout(eventsPane);
    eventsLayout->setContentsMargins(0, 0, 0, 0);
    eventsLayout->addWidget(m_kindFilter, 0, Qt::AlignLeft);
    eventsLayout->addWidget(m_eventsView);

    auto *treePane = new QWidget(this);
    auto *treeLayout = new QVBoxLayout(treePane);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->addWidget(m_chainDetails);
    treeLayout->addWidget(m_treeView, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(treePane, tr("Process tree"));
    m_tabs->addTab(m_timeline, tr("Timeline"));
    m_tabs->addTab(eventsPane, tr("Events"));
    m_tabs->addTab(m_sourcesView, tr("Sources"));

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_tabs);
    right->addWidget(m_rawView);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    auto *main = new QSplitter(Qt::Horizontal, this);
    main->addWidget(m_chainsView);
    main->addWidget(right);
    main->setStretchFactor(0, 2);
    main->setStretchFactor(1, 3);
    setCentralWidget(main);

    connect(m_chainsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { showChain(current.isValid() ? current.row() : -1); });
    connect(m_treeView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (!current.isValid() || !m_index)
                return;
            const qint32 node = current.data(ProcessTreeModel::NodeRole).toInt();
            showRaw(m_index->process(node).startEventId);
        });
    connect(m_eventsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (current.isValid())
                showRaw(current.data(EventsModel::EventIdRole).toLongLong());
        });
    connect(m_analysis, &ChainAnalysis::chainsReady, this, &MainWindow::onChainsReady);
    connect(m_analysis, &ChainAnalysis::failed, this, [this](const QString &error) {
        m_recomputing = false;
        statusBar()->showMessage(tr("Correlation failed: %1").arg(error), 15000);
        updateStatus();
    });

    m_statusLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusLabel);
    createActions();
    updateStatus();
    resize(1400, 860);
}

MainWindow::~MainWindow()
{
    if (m_job)
        m_job->cancel();
    // The worker owns its own connection and touches nothing of the window; it is
    // waited for so that no thread outlives the application's objects.
    m_verification.waitForFinished();
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
    QAction *importAction = file->addAction(tr("&Import Logs…"), this, &MainWindow::askImport);
    importAction->setShortcut(Qt::CTRL | Qt::Key_I);
    // A triage collection (KAPE, Velociraptor, UAC) is often a folder (issue 13).
    QAction *importFolderAction = file->addAction(tr("Import &Folder…"), this, &MainWindow::askImportFolder);
    importFolderAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_I);
    QAction *exportAction = file->addAction(tr("&Export Report…"), this, &MainWindow::askExport);
    exportAction->setShortcut(Qt::CTRL | Qt::Key_E);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *caseMenu = menuBar()->addMenu(tr("&Case"));
    QAction *verifyAction = caseMenu->addAction(tr("&Verify…"), this, &MainWindow::verifyCase);

    QMenu *analysis = menuBar()->addMenu(tr("&Analysis"));
    QAction *policyAction = analysis->addAction(tr("Case &Policy…"), this, &MainWindow::askPolicy);
    policyAction->setShortcut(Qt::CTRL | Qt::Key_P);
    // Triage: step through the ranked chains without reaching for the mouse.
    QAction *next = analysis->addAction(tr("&Next Chain"), this, [this] { stepChain(1); });
    next->setShortcut(Qt::Key_F8);
    QAction *previous = analysis->addAction(tr("P&revious Chain"), this, [this] { stepChain(-1); });
    previous->setShortcut(Qt::SHIFT | Qt::Key_F8);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(openAction);
    toolbar->addAction(importAction);
    toolbar->addAction(importFolderAction);
    toolbar->addAction(policyAction);
    toolbar->addSeparator();
    toolbar->addAction(previous);
    toolbar->addAction(next);
    toolbar->addSeparator();
    toolbar->addAction(exportAction);
    m_caseActions = {importAction, importFolderAction, exportAction, policyAction, next, previous, verifyAction};
    m_verifyAction = verifyAction;
    m_importAction = importAction;
    m_importFolderAction = importFolderAction;
    m_policyAction = policyAction;
    updateActions();
}

void MainWindow::updateActions()
{
    for (QAction *a : std::as_const(m_caseActions))
        a->setEnabled(m_store != nullptr);
    // Verification reads a snapshot of the case, statement by statement: an import
    // beside it would add records half-way through. Neither starts while the other runs.
    m_importAction->setEnabled(m_store && !m_job && !m_verifying);
    m_importFolderAction->setEnabled(m_importAction->isEnabled());
    m_policyAction->setEnabled(m_store && !m_job);
    m_verifyAction->setEnabled(m_store && !m_job && !m_verifying);
}

void MainWindow::askNewCase()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("New Case"), QString(), tr("Chainscope cases (*.chainscope)"));
    if (!path.isEmpty())
        newCase(path.endsWith(QLatin1String(".chainscope")) ? path : path + QStringLiteral(".chainscope"));
}

void MainWindow::askOpenCase()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Case"), QString(), tr("Chainscope cases (*.chainscope);;All files (*)"));
    if (!path.isEmpty())
        openCase(path);
}

void MainWindow::askImport()
{
    // Archives are recognised by their content, not their name; the filter only helps
    // the analyst find them.
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import Evidence"), QString(),
        tr("Logs and collections (*);;Archives (*.zip *.tar *.tar.gz *.tgz *.tar.xz *.txz *.tar.bz2 *.7z)"));
    if (!files.isEmpty())
        askImportOptions(files);
}

void MainWindow::askImportFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import Folder (Triage Collection)"));
    if (!folder.isEmpty())
        askImportOptions({folder});
}

void MainWindow::askImportOptions(const QStringList &paths)
{
    if (!m_store || m_job || m_verifying || paths.isEmpty())
        return;
    // The CLI's --host and --timezone, for records that name no host and for logs that
    // keep local time without a zone (dpkg, apt).
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Import Options"));
    auto *form = new QFormLayout(&dialog);
    auto *host = new QLineEdit(&dialog);
    host->setObjectName(QStringLiteral("importHost"));
    host->setPlaceholderText(tr("from the logs or the collection's layout"));
    host->setToolTip(tr("Host of records that name none. A host named by the log itself always wins."));
    auto *zone = new QComboBox(&dialog);
    zone->setObjectName(QStringLiteral("importTimeZone"));
    zone->setEditable(true);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        zone->addItem(QString::fromUtf8(id));
    zone->setCurrentText(QStringLiteral("UTC"));
    zone->setToolTip(tr("Time zone of logs that keep local time without an offset (dpkg, apt)"));
    auto *again = new QCheckBox(tr("Import files the case already holds (same SHA-256) again"), &dialog);
    form->addRow(tr("&Host:"), host);
    form->addRow(tr("&Time zone:"), zone);
    form->addRow(again);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        if (!QTimeZone(zone->currentText().toUtf8()).isValid()) {
            QMessageBox::warning(&dialog, tr("Import Options"), tr("Unknown time zone %1").arg(zone->currentText()));
            return;
        }
        dialog.accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    QPointer<MainWindow> self(this);
    QMetaObject::invokeMethod(
        this,
        [self, &dialog] {
            if (self)
                emit self->importOptionsShown(&dialog);
        },
        Qt::QueuedConnection);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ImportOptions options;
    options.host = host->text().trimmed();
    options.timeZone = QTimeZone(zone->currentText().toUtf8());
    options.again = again->isChecked();
    importFiles(paths, options);
}

void MainWindow::askPolicy()
{
    if (!m_store || m_job)
        return;
    PolicyDialog dialog(m_store->policy(), this);
    if (dialog.exec() == QDialog::Accepted)
        applyPolicy(dialog.policy());
}

void MainWindow::askExport()
{
    if (!m_store)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Report"), QString(), tr("HTML report (*.html);;PDF report (*.pdf)"));
    if (!path.isEmpty())
        exportReport(path);
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
        // A case that cannot be written is still opened to be read (issue 11, finding
        // 9); imports and policy changes then say it is read-only.
        setCase(CaseStore::open(path, CaseStore::Access::ReadWriteIfPossible));
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
    updateActions();
    if (m_store)
        rememberRecent(m_store->path());
    m_chainsModel->setChains({});
    m_treeModel->clear();
    m_timeline->clear();
    m_index.reset();
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
    if (m_store) {
        m_recomputing = true;
        const Policy policy = m_store->policy();
        m_requestedPolicyVersion = policy.version;
        m_analysis->load(m_store->path(), policy);
    }
    updateStatus();
}

void MainWindow::applyPolicy(const Policy &policy)
{
    if (!m_store || m_job)
        return;
    try {
        Policy stored = policy;
        stored.version = m_store->savePolicy(policy);
        m_requestedPolicyVersion = stored.version;
        m_recomputing = true;
        m_analysis->recompute(stored);
        updateStatus();
    } catch (const CaseError &e) {
        QMessageBox::warning(this, tr("Case Policy"), e.message());
    }
}

void MainWindow::onChainsReady(const QString &casePath, const QList<Chain> &chains,
    std::shared_ptr<const CaseIndex> index, int policyVersion, qint64 elapsedMs)
{
    // Results for a case the window no longer shows (the analyst opened another
    // one while the first was still being correlated) would mix two cases.
    if (!m_store || casePath != m_store->path())
        return;
    // Nor may the chains of an older policy replace those of the policy just applied:
    // their result can still be on its way when the analyst changes the policy.
    if (policyVersion != m_requestedPolicyVersion)
        return;
    m_recomputing = m_analysis->isBusy();
    // Keep the analyst on the chain they were looking at, if it still exists.
    const int previousId = currentChainRow() >= 0 ? m_chainsModel->chainAt(currentChainRow()).id : -1;
    m_treeModel->clear();
    m_index = std::move(index);
    m_chainsModel->setChains(chains);
    m_chainsView->resizeColumnsToContents();
    int row = chains.isEmpty() ? -1 : 0;
    for (int i = 0; i < chains.size(); ++i) {
        if (chains.at(i).id == previousId)
            row = i;
    }
    selectChain(row);
    statusBar()->showMessage(
        tr("Chains computed with policy version %1 in %2 ms").arg(policyVersion).arg(elapsedMs), 8000);
    updateStatus();
    emit chainsUpdated();
}

int MainWindow::currentChainRow() const
{
    const QModelIndex current = m_chainsView->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void MainWindow::selectChain(int row)
{
    if (row < 0 || row >= m_chainsModel->rowCount()) {
        m_chainsView->setCurrentIndex({});
        showChain(-1);
        return;
    }
    m_chainsView->setCurrentIndex(m_chainsView->model()->index(row, 0));
    m_chainsView->scrollTo(m_chainsView->currentIndex());
}

void MainWindow::stepChain(int delta)
{
    const int count = m_chainsModel->rowCount();
    if (count == 0)
        return;
    const int row = currentChainRow();
    selectChain(row < 0 ? 0 : (row + delta + count) % count);
}

void MainWindow::showChain(int row)
{
    if (row < 0 || !m_index || !m_store) {
        m_treeModel->clear();
        m_timeline->clear();
        m_chainDetails->clear();
        return;
    }
    const Chain &chain = m_chainsModel->chainAt(row);
    m_treeModel->setChain(m_index.get(), chain);
    m_treeView->expandAll();
    for (int c = 0; c < ProcessTreeModel::ColumnCount; ++c)
        m_treeView->resizeColumnToContents(c);
    // Roles name whole paths; past a width they are elided, and the tooltip has them.
    const int roleWidth = m_treeView->fontMetrics().averageCharWidth() * 70;
    if (m_treeView->columnWidth(ProcessTreeModel::Role) > roleWidth)
        m_treeView->setColumnWidth(ProcessTreeModel::Role, roleWidth);
    // Start where the analyst looks first: the first run, else the installer.
    const QModelIndexList firstRun = m_treeView->model()->match(m_treeView->model()->index(0, 0),
        ProcessTreeModel::FirstRunRole, true, 1, Qt::MatchExactly | Qt::MatchRecursive);
    m_treeView->setCurrentIndex(firstRun.isEmpty() ? m_treeView->model()->index(0, 0) : firstRun.first());
    m_timeline->showChain(m_index, chain, m_store->policy().timeWindowUs);

    QStringList lines;
    // One arg() for all: a host name with "%3" in it stays as it is.
    lines << tr("Chain %1 on %2: %3, score %4")
                 .arg(QString::number(chain.id), chain.host, ChainsModel::verdict(chain), QString::number(chain.score));
    // The Correlator's explanation: its summary says why, and names what is missing.
    if (!chain.summary.isEmpty())
        lines << chain.summary;
    if (!chain.flags.isEmpty())
        lines << tr("Flags: %1").arg(chain.flags.join(QStringLiteral(", ")));
    if (!chain.notes.isEmpty())
        lines << tr("Notes: %1").arg(chain.notes.join(QStringLiteral(", ")));
    if (chain.summary.isEmpty()) {
        for (const MissingStage &m : chain.missingStages)
            lines << tr("Missing %1: %2").arg(stageName(m.stage), m.reason);
    }
    m_chainDetails->setText(lines.join(u'\n'));
}

void MainWindow::showRaw(qint64 eventId)
{
    if (!m_store || eventId < 0) {
        m_rawView->clear();
        return;
    }
    std::optional<QByteArray> raw;
    try {
        raw = m_store->rawRecord(eventId);
    } catch (const CaseError &e) {
        // A damaged stored record is shown as such; the rest of the case stays usable.
        m_rawView->setPlainText(e.message());
        return;
    }
    // Binary originals (an EVTX event keeps its 64 KiB chunk) are shown as their
    // format renders them; text records as stored.
    std::optional<QString> rendered;
    if (raw)
        rendered = renderedRaw(*m_store, eventId, *raw);
    if (rendered)
        m_rawView->showRendered(*rendered);
    else if (raw)
        m_rawView->showRecord(*raw);
    else
        m_rawView->setPlainText(tr("No raw record stored for event %1.").arg(eventId));
}

bool MainWindow::exportReport(const QString &path)
{
    if (!m_store || !m_index)
        return false;
    const Policy policy = m_store->policy();
    const QString html = HtmlReport(*m_store, *m_index, policy, m_chainsModel->chains()).render();
    QString error;
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        error = exportPdf(html, path);
    } else {
        // Whole or not at all (issue 11, finding 5): an existing report stays as it was.
        writeOutputFile(path, html.toUtf8(), &error);
    }
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Export Report"), tr("Cannot write %1: %2").arg(path, error));
        return false;
    }
    statusBar()->showMessage(tr("Report written to %1").arg(path), 8000);
    return true;
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
    int suspicious = 0;
    for (const Chain &c : m_chainsModel->chains())
        suspicious += c.verdict == Verdict::Suspicious;
    QStringList parts;
    parts << tr("%n event(s)", nullptr, int(m_store->eventCount())) << tr("%n source(s)", nullptr, int(sources.size()));
    if (incomplete > 0)
        parts << tr("%n incomplete", nullptr, incomplete);
    parts << tr("%n chain(s)", nullptr, int(m_chainsModel->rowCount())) + QStringLiteral(" (")
            + tr("%n suspicious", nullptr, suspicious) + QStringLiteral(")");
    parts << (m_recomputing ? tr("correlating…") : tr("policy v%1").arg(m_store->policy().version));
    m_statusLabel->setText(parts.join(QStringLiteral(" · ")));
}

void MainWindow::verifyCase()
{
    if (!m_store || m_job || m_verifying)
        return;
    m_verifying = true;
    updateActions();
    // Busy indicator only: integrity_check cannot report progress, and it reads every
    // page of the file.
    QPointer<QProgressDialog> progress = new QProgressDialog(tr("Verifying the case…"), QString(), 0, 0, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    const QString path = m_store->path();
    QPointer<MainWindow> self(this);
    m_verification = QtConcurrent::run([path, self, progress] {
        std::optional<VerificationResult> result;
        QString error;
        try {
            // A read-only case is verified all the same; the result then says it was
            // not recorded.
            const auto store = CaseStore::open(path, CaseStore::Access::ReadWriteIfPossible);
            result = Chainscope::verifyCase(*store);
        } catch (const CaseError &e) {
            error = e.message();
        }
        QMetaObject::invokeMethod(
            qApp,
            [self, progress, path, result = std::move(result), error] {
                delete progress;
                if (!self)
                    return;
                self->m_verifying = false;
                self->updateActions();
                if (!result) {
                    QMessageBox::warning(self, tr("Verify Case"), tr("The case could not be verified: %1").arg(error));
                    return;
                }
                VerificationDialog dialog(path, *result, self);
                QMetaObject::invokeMethod(
                    self, [self, &dialog] { emit self->verificationShown(&dialog); }, Qt::QueuedConnection);
                dialog.exec();
            },
            Qt::QueuedConnection);
    });
}

void MainWindow::importFiles(const QStringList &paths, const ImportOptions &options)
{
    if (!m_store || m_job || m_verifying || paths.isEmpty())
        return;
    m_job = new ImportJob(m_store->path(), builtinFormats(), paths, options, this);
    m_progress = new QProgressDialog(tr("Importing…"), tr("Cancel"), 0, 1000, this);
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    updateActions();
    connect(m_progress, &QProgressDialog::canceled, m_job, &ImportJob::cancel);
    connect(m_job, &ImportJob::progress, this, [this](const ImportProgress &p) {
        if (!m_progress)
            return;
        // One display for the whole import (issue 13): files, bytes and events of every
        // file of every collection.
        if (p.scanning) {
            m_progress->setValue(progressShare(p.bytesDone, p.bytesTotal, 1000));
            m_progress->setLabelText(tr("Reading archive %1 (hashing its files)…").arg(QFileInfo(p.path).fileName()));
            return;
        }
        const double fileShare = p.bytesTotal > 0 ? double(p.bytesDone) / double(p.bytesTotal) : 0.0;
        const double share = p.totalBytesTotal > 0 ? double(p.totalBytesDone) / double(p.totalBytesTotal)
                                                   : (p.fileIndex + fileShare) / qMax(1, p.fileCount);
        m_progress->setValue(int(1000.0 * share));
        m_progress->setLabelText(tr("Importing %1\nfile %2 of %3, %4 of %5 MB, %6 events")
                                     .arg(QFileInfo(p.path).fileName())
                                     .arg(p.fileIndex + 1)
                                     .arg(p.fileCount)
                                     .arg(double(p.totalBytesDone) / 1e6, 0, 'f', 1)
                                     .arg(double(p.totalBytesTotal) / 1e6, 0, 'f', 1)
                                     .arg(p.totalEvents));
    });
    connect(m_job, &ImportJob::finished, this, [this](const QList<ImportResult> &results, const QString &error) {
        if (m_progress)
            m_progress->deleteLater();
        // Cleared now, not at deletion: a new import may start from the signal.
        m_job->deleteLater();
        m_job = nullptr;
        updateActions();
        QStringList problems;
        if (!error.isEmpty())
            problems << error;
        // Skipped files are listed after the problems, with their reasons as the CLI gives
        // them: they are expected in a collection, and must not bury the problems.
        QStringList skipped;
        for (const ImportResult &r : results) {
            if (r.status == ImportResult::Status::Skipped)
                skipped << tr("skipped %1: %2").arg(QFileInfo(r.path).fileName(), r.error);
            else if (r.status != ImportResult::Status::Complete)
                problems << tr("%1: %2").arg(QFileInfo(r.path).fileName(), r.error);
            else if (r.counts.recordsFailed > 0)
                problems << tr("%1: %n damaged or lost record(s); first: %2", nullptr, int(r.counts.recordsFailed))
                                .arg(QFileInfo(r.path).fileName(), r.error);
        }
        // A status line, not a report: a long list ends with how many more there are.
        constexpr qsizetype ShownSkips = 10;
        if (skipped.size() > ShownSkips) {
            const int more = int(skipped.size() - ShownSkips);
            skipped.resize(ShownSkips);
            skipped << tr("and %n more skipped", nullptr, more);
        }
        problems += skipped;
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
    // Files, folders and archives alike (issue 13).
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    event->acceptProposedAction();
    // After the drop has finished: the options dialog must not run inside the drag.
    QMetaObject::invokeMethod(
        this, [this, paths] { askImportOptions(paths); }, Qt::QueuedConnection);
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
