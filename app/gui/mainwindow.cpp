#include "mainwindow.h"

#include "casestore.h"
#include "chainmarkproxy.h"
#include "chainsmodel.h"
#include "chainsummarypanel.h"
#include "collection.h"
#include "densitystrip.h"
#include "eventsmodel.h"
#include "eventspanel.h"
#include "eventstableview.h"
#include "explanation.h"
#include "formats.h"
#include "huntexportdialog.h"
#include "language.h"
#include "outputfile.h"
#include "policydialog.h"
#include "processtreemodel.h"
#include "rawrecordview.h"
#include "report.h"
#include "reportexport.h"
#include "sha256.h"
#include "sourcesmodel.h"
#include "storedindex.h"
#include "timelineview.h"
#include "timezonebox.h"
#include "verificationdialog.h"

#include <QAction>
#include <QActionGroup>
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
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <climits>

namespace Chainscope {

namespace {
constexpr int MaxRecent = 8;
const QString RecentKey = QStringLiteral("recentCases");
// The window's layout in QSettings. Column widths are kept with the number of columns
// they were saved for: a model that gained a column starts from its content again.
const QString LayoutGroup = QStringLiteral("MainWindow");
const QString TimeZoneMetaKey = QStringLiteral("display_time_zone");
const QString CaseSuffix = QStringLiteral(".chainscope");
// Widest a column grows when sized to its content, in average characters: the
// installer's command line must not push First run, Egress and Flags off-screen.
constexpr int MaxColumnChars = 48;
// In the tree: the role and reason stay narrow enough that signer, signature and hash
// are in sight beside them (tooltips and the summary above carry the whole text).
constexpr int MaxTreeRoleChars = 44;
// The chains list shares the window with the tree: its installer, first-run and egress
// columns stay narrow enough that the flags are in sight (the chain's own line above
// the tree spells them out).
constexpr int MaxChainsColumnChars = 26;
// The chain summary's first height above the process tree, in pixels.
constexpr int TreeSummaryHeight = 230;

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

// An action's text without its mnemonic and ellipsis, for the shortcuts list.
QString plainText(const QAction *action)
{
    QString text = action->text();
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    if (text.endsWith(u'…'))
        text.chop(1);
    return text;
}

// A page for a window with nothing to show yet: what to do, and the buttons that do it.
QWidget *makeStatePage(const QString &objectName, QLabel **title, const QString &text, const QList<QAction *> &actions,
    QMenu *menu, const QString &menuText, QWidget *parent)
{
    auto *page = new QWidget(parent);
    page->setObjectName(objectName);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(2);
    auto *label = new QLabel(text, page);
    label->setObjectName(objectName + QStringLiteral("Title"));
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    label->setFont(font);
    layout->addWidget(label);
    if (title)
        *title = label;
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    for (QAction *action : actions) {
        auto *button = new QToolButton(page);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setMinimumWidth(140);
        buttons->addWidget(button);
    }
    if (menu) {
        auto *button = new QToolButton(page);
        button->setText(menuText);
        button->setMenu(menu);
        button->setPopupMode(QToolButton::InstantPopup);
        button->setMinimumWidth(140);
        // Enabled while the menu has entries.
        button->setEnabled(menu->isEnabled());
        QObject::connect(
            menu->menuAction(), &QAction::changed, button, [button, menu] { button->setEnabled(menu->isEnabled()); });
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addStretch(3);
    return page;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_analysis(new ChainAnalysis(this))
    , m_chainsModel(new ChainsModel(this))
    , m_treeModel(new ProcessTreeModel(this))
    , m_sourcesModel(new SourcesModel(this))
{
    setWindowTitle(tr("Chainscope"));
    setAcceptDrops(true);

    auto *chainsProxy = new ChainMarkProxy(this);
    chainsProxy->setSourceModel(m_chainsModel);
    m_chainsView = makeTable(chainsProxy, this);
    m_chainsView->setObjectName(QStringLiteral("chainsView"));
    auto *treeProxy = new ChainMarkProxy(this);
    treeProxy->setSourceModel(m_treeModel);
    m_treeView = configure(new QTreeView(this), treeProxy);
    m_treeView->setObjectName(QStringLiteral("processTree"));
    m_treeView->setUniformRowHeights(true);
    m_timeline = new TimelineView(this);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_density = new DensityStrip(this);
    m_density->setObjectName(QStringLiteral("densityStrip"));
    m_sourcesView = makeTable(m_sourcesModel, this);
    m_sourcesView->setObjectName(QStringLiteral("sourcesView"));
    m_eventsPanel = new EventsPanel(this);
    m_eventsPanel->setObjectName(QStringLiteral("eventsPanel"));
    m_eventsPanel->view()->setObjectName(QStringLiteral("eventsView"));
    m_rawView = new RawRecordView(this);
    m_summaryPanel = new ChainSummaryPanel(this);
    m_summaryPanel->setObjectName(QStringLiteral("chainSummary"));

    // Process tree: why the chain is flagged, above its tree. The summary scrolls
    // rather than clip a long list of approvals; the splitter lets the analyst give it
    // room.
    auto *summaryScroll = new QScrollArea(this);
    summaryScroll->setWidget(m_summaryPanel);
    summaryScroll->setWidgetResizable(true);
    summaryScroll->setFrameShape(QFrame::NoFrame);
    m_treeSplitter = new QSplitter(Qt::Vertical, this);
    m_treeSplitter->setObjectName(QStringLiteral("treeSplitter"));
    m_treeSplitter->addWidget(summaryScroll);
    m_treeSplitter->addWidget(m_treeView);
    // The mark and note under the paragraph are in sight at first (the scroll area's
    // own size hint would give the paragraph two lines).
    m_treeSplitter->setStretchFactor(0, 2);
    m_treeSplitter->setStretchFactor(1, 3);
    m_treeSplitter->setSizes({TreeSummaryHeight, TreeSummaryHeight * 2});

    // Timeline: the whole case's density above the selected chain's timeline.
    m_timelinePane = new QWidget(this);
    auto *timelineLayout = new QVBoxLayout(m_timelinePane);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->addWidget(m_density);
    timelineLayout->addWidget(m_timeline, 1);

    // In the order of Tab.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->addTab(m_treeSplitter, tr("Process tree"));
    m_tabs->addTab(m_timelinePane, tr("Timeline"));
    m_tabs->addTab(m_eventsPanel, tr("Events"));
    m_tabs->addTab(m_sourcesView, tr("Sources"));

    m_rightSplitter = new QSplitter(Qt::Vertical, this);
    m_rightSplitter->setObjectName(QStringLiteral("rightSplitter"));
    m_rightSplitter->addWidget(m_tabs);
    m_rightSplitter->addWidget(m_rawView);
    m_rightSplitter->setStretchFactor(0, 3);
    m_rightSplitter->setStretchFactor(1, 1);
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(m_chainsView);
    m_mainSplitter->addWidget(m_rightSplitter);
    m_mainSplitter->setStretchFactor(0, 2);
    m_mainSplitter->setStretchFactor(1, 3);

    connect(m_chainsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { showChain(current.isValid() ? current.row() : -1); });
    connect(m_treeView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (m_selectingTree || !current.isValid() || !m_index)
                return;
            const qint32 node = current.data(ProcessTreeModel::NodeRole).toInt();
            setCurrentEvent(m_index->process(node).startEventId);
        });
    connect(m_eventsPanel, &EventsPanel::eventSelected, this, [this](qint64 id) {
        // The window's own selection of its current event is no news.
        if (id < 0 || id == m_currentEventId)
            return;
        // The Events tab shows it already, as the analyst's gesture leaves it: a Shift
        // key or click extends the selection after the row has become current, and
        // selecting the row again there would end the extension.
        m_pickedInEvents = true;
        setCurrentEvent(id);
        m_pickedInEvents = false;
    });
    connect(m_timeline, &TimelineView::eventClicked, this, &MainWindow::onTimelineClicked);
    connect(m_summaryPanel, &ChainSummaryPanel::triageChanged, this, &MainWindow::saveTriage);
    // The density strip's range narrows the Events tab to it.
    connect(m_density, &DensityStrip::rangeSelected, this, [this](qint64 fromUs, qint64 toUs) {
        m_eventsPanel->setTimeRange(fromUs, toUs);
        statusBar()->showMessage(tr("Events from %1 to %2: %3 (Events tab)")
                                     .arg(formatTimeUs(fromUs, m_displayZone), formatTimeUs(toUs, m_displayZone),
                                         m_eventsPanel->matchCountText()),
            10000);
    });
    connect(m_density, &DensityStrip::selectionCleared, m_eventsPanel, &EventsPanel::clearTimeRange);
    // Column widths the analyst sets are theirs: content no longer resizes them. The
    // Events tab keeps its own (EventsPanel::saveState).
    for (QHeaderView *header : {m_chainsView->horizontalHeader(), m_treeView->header()}) {
        connect(header, &QHeaderView::sectionResized, this, [this, header](int logical) {
            // The stretched last section follows the view's width, not the analyst.
            const bool stretched = header->stretchLastSection() && header->visualIndex(logical) == header->count() - 1;
            if (!m_autoSizing && !stretched)
                m_userSized.insert(header, true);
        });
    }
    connect(m_analysis, &ChainAnalysis::chainsReady, this, &MainWindow::onChainsReady);
    // Reading every event takes a while in a big case that kept no chains (issue 15).
    connect(m_analysis, &ChainAnalysis::indexing, this, [this](const QString &casePath, qint64 read, qint64 total) {
        if (!m_store || casePath != m_store->path() || read >= total)
            return;
        statusBar()->showMessage(tr("Reading the case's events for its chains: %1 of %2")
                                     .arg(QLocale().toString(read), QLocale().toString(total)),
            5000);
    });
    m_idlePoll = new QTimer(this);
    m_idlePoll->setInterval(20);
    connect(m_idlePoll, &QTimer::timeout, this, [this] {
        // A new request's result will say when it is done.
        if (m_awaitingChains) {
            m_idlePoll->stop();
            return;
        }
        if (m_analysis->isBusy())
            return;
        m_idlePoll->stop();
        m_recomputing = false;
        updateStatus();
        updateActions();
    });
    connect(m_analysis, &ChainAnalysis::failed, this, [this](const QString &error) {
        m_recomputing = false;
        m_awaitingChains = false;
        statusBar()->showMessage(tr("Correlation failed: %1").arg(error), 15000);
        updateStatus();
        updateActions();
    });

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusSummary"));
    statusBar()->addPermanentWidget(m_statusLabel);
    m_zoneButton = new QToolButton(this);
    m_zoneButton->setObjectName(QStringLiteral("statusTimeZone"));
    m_zoneButton->setAutoRaise(true);
    m_zoneButton->setToolTip(tr("Times are shown in this zone. Click to choose another."));
    connect(m_zoneButton, &QToolButton::clicked, this, &MainWindow::askDisplayTimeZone);
    statusBar()->addPermanentWidget(m_zoneButton);
    createActions();

    // In the order of Page.
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(createNoCasePage());
    m_pages->addWidget(createEmptyCasePage());
    m_pages->addWidget(m_mainSplitter);
    setCentralWidget(m_pages);

    resize(1400, 860);
    restoreSettings();
    updatePage();
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow()
{
    if (m_job)
        m_job->cancel();
    // The worker owns its own connection and touches nothing of the window; it is
    // waited for so that no thread outlives the application's objects.
    m_verification.waitForFinished();
}

QWidget *MainWindow::createNoCasePage()
{
    QAction *newAction = findChild<QAction *>(QStringLiteral("actionNewCase"));
    QAction *openAction = findChild<QAction *>(QStringLiteral("actionOpenCase"));
    return makeStatePage(QStringLiteral("noCasePage"), nullptr, tr("Create or open a case, then import or drop logs"),
        {newAction, openAction}, m_recentMenu, tr("Recent Cases"), this);
}

QWidget *MainWindow::createEmptyCasePage()
{
    return makeStatePage(QStringLiteral("emptyCasePage"), &m_emptyCaseTitle, tr("Import logs or drop files here"),
        {m_importAction, m_importFolderAction}, nullptr, QString(), this);
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::updatePage()
{
    const Page page = !m_store ? Page::NoCase : m_eventCount == 0 ? Page::EmptyCase : Page::Workbench;
    m_pages->setCurrentIndex(int(page));
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(tr("&New Case…"), this, &MainWindow::askNewCase);
    newAction->setObjectName(QStringLiteral("actionNewCase"));
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = file->addAction(tr("&Open Case…"), this, &MainWindow::askOpenCase);
    openAction->setObjectName(QStringLiteral("actionOpenCase"));
    openAction->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    m_closeAction = file->addAction(tr("&Close Case"), this, &MainWindow::closeCase);
    m_closeAction->setObjectName(QStringLiteral("actionCloseCase"));
    m_closeAction->setShortcut(QKeySequence::Close);
    file->addSeparator();
    m_importAction = file->addAction(tr("&Import Logs…"), this, &MainWindow::askImport);
    m_importAction->setObjectName(QStringLiteral("actionImport"));
    m_importAction->setShortcut(Qt::CTRL | Qt::Key_I);
    // A triage collection (KAPE, Velociraptor, UAC) is often a folder (issue 13).
    m_importFolderAction = file->addAction(tr("Import &Folder…"), this, &MainWindow::askImportFolder);
    m_importFolderAction->setObjectName(QStringLiteral("actionImportFolder"));
    m_importFolderAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_I);
    m_exportAction = file->addAction(tr("&Export Report…"), this, &MainWindow::askExport);
    m_exportAction->setObjectName(QStringLiteral("actionExport"));
    m_exportAction->setShortcut(Qt::CTRL | Qt::Key_E);
    m_exportChainAction = file->addAction(tr("Export C&hain Report…"), this, &MainWindow::askExportChain);
    m_exportChainAction->setObjectName(QStringLiteral("actionExportChain"));
    m_exportChainAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_E);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_findAction = edit->addAction(tr("&Find…"), this, &MainWindow::find);
    m_findAction->setObjectName(QStringLiteral("actionFind"));
    m_findAction->setShortcut(QKeySequence::Find);
    // The Events tab's own action, shared: one object, so Ctrl+B is bound once. It
    // bookmarks the current event wherever the analyst is.
    QAction *bookmark = m_eventsPanel->bookmarkAction();
    bookmark->setText(tr("Toggle &Bookmark…"));
    bookmark->setShortcutContext(Qt::WindowShortcut);
    edit->addAction(bookmark);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    auto *tabGroup = new QActionGroup(this);
    const QList<QPair<QString, Tab>> tabs = {{tr("&Process Tree"), ProcessTreeTab}, {tr("&Timeline"), TimelineTab},
        {tr("&Events"), EventsTab}, {tr("&Sources"), SourcesTab}};
    for (const auto &[text, tab] : tabs) {
        QAction *a = view->addAction(text, this, [this, tab = tab] { m_tabs->setCurrentIndex(tab); });
        a->setCheckable(true);
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(tab))));
        tabGroup->addAction(a);
        m_tabActions << a;
    }
    m_tabActions.first()->setChecked(true);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index >= 0 && index < m_tabActions.size())
            m_tabActions.at(index)->setChecked(true);
    });
    view->addSeparator();
    m_timeZoneAction = view->addAction(tr("Display &Time Zone…"), this, &MainWindow::askDisplayTimeZone);
    m_timeZoneAction->setObjectName(QStringLiteral("actionTimeZone"));
    QMenu *language = view->addMenu(tr("&Language"));
    m_languageGroup = new QActionGroup(this);
    const QString chosen = languageSetting();
    for (const UiLanguage &l : uiLanguages()) {
        QAction *a = language->addAction(l.name, this, [this, code = l.code] { chooseLanguage(code); });
        a->setObjectName(QStringLiteral("actionLanguage_") + (l.code.isEmpty() ? QStringLiteral("system") : l.code));
        a->setCheckable(true);
        a->setChecked(l.code == chosen);
        m_languageGroup->addAction(a);
    }
    language->addSeparator();
    language->addAction(tr("Applies at the next start"))->setEnabled(false);
    view->addSeparator();
    QAction *resetLayoutAction = view->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout);
    resetLayoutAction->setObjectName(QStringLiteral("actionResetLayout"));

    QMenu *analysis = menuBar()->addMenu(tr("&Analysis"));
    m_policyAction = analysis->addAction(tr("Case &Policy…"), this, &MainWindow::askPolicy);
    m_policyAction->setObjectName(QStringLiteral("actionPolicy"));
    m_policyAction->setShortcut(Qt::CTRL | Qt::Key_P);
    m_verifyAction = analysis->addAction(tr("&Verify Case…"), this, &MainWindow::verifyCase);
    m_verifyAction->setObjectName(QStringLiteral("actionVerify"));
    m_exportHuntAction = analysis->addAction(tr("Export &Hunt…"), this, &MainWindow::askExportHunt);
    m_exportHuntAction->setObjectName(QStringLiteral("actionExportHunt"));
    analysis->addSeparator();
    // Triage: step through the ranked chains, and through a chain's stages, without
    // reaching for the mouse.
    m_nextChainAction = analysis->addAction(tr("&Next Chain"), this, [this] { stepChain(1); });
    m_nextChainAction->setObjectName(QStringLiteral("actionNextChain"));
    m_nextChainAction->setShortcut(Qt::Key_F8);
    m_previousChainAction = analysis->addAction(tr("P&revious Chain"), this, [this] { stepChain(-1); });
    m_previousChainAction->setObjectName(QStringLiteral("actionPreviousChain"));
    m_previousChainAction->setShortcut(Qt::SHIFT | Qt::Key_F8);
    m_nextStageAction = analysis->addAction(tr("Next &Stage"), this, [this] { stepStage(1); });
    m_nextStageAction->setObjectName(QStringLiteral("actionNextStage"));
    m_nextStageAction->setShortcut(Qt::Key_F7);
    m_previousStageAction = analysis->addAction(tr("Previous S&tage"), this, [this] { stepStage(-1); });
    m_previousStageAction->setObjectName(QStringLiteral("actionPreviousStage"));
    m_previousStageAction->setShortcut(Qt::SHIFT | Qt::Key_F7);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("actionShortcuts"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Chainscope"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(openAction);
    toolbar->addAction(m_importAction);
    toolbar->addAction(m_importFolderAction);
    toolbar->addAction(m_policyAction);
    toolbar->addSeparator();
    toolbar->addAction(m_previousChainAction);
    toolbar->addAction(m_nextChainAction);
    toolbar->addAction(m_previousStageAction);
    toolbar->addAction(m_nextStageAction);
    toolbar->addSeparator();
    toolbar->addAction(m_exportAction);
}

void MainWindow::updateActions()
{
    const bool open = m_store != nullptr;
    const bool idle = open && !m_job;
    const bool hasEvents = open && m_eventCount > 0;
    m_closeAction->setEnabled(idle);
    // Verification reads a snapshot of the case, statement by statement: an import
    // beside it would add records half-way through. Neither starts while the other runs.
    m_importAction->setEnabled(idle && !m_verifying);
    m_importFolderAction->setEnabled(m_importAction->isEnabled());
    m_verifyAction->setEnabled(idle && !m_verifying);
    // A policy change would correlate a case that is still being written.
    m_policyAction->setEnabled(idle);
    // The rules come from the stored policy alone; no need to wait for the chains.
    m_exportHuntAction->setEnabled(idle);
    // A report names the policy its chains were computed with: not while they are
    // being recomputed, and not before there is anything to report.
    m_exportAction->setEnabled(idle && hasEvents && m_index && !m_recomputing);
    m_exportChainAction->setEnabled(m_exportAction->isEnabled() && currentChainRow() >= 0);
    m_findAction->setEnabled(hasEvents);
    m_timeZoneAction->setEnabled(open);
    m_zoneButton->setEnabled(open);
    const bool chains = open && m_chainsModel->rowCount() > 0;
    m_nextChainAction->setEnabled(chains);
    m_previousChainAction->setEnabled(chains);
    const bool stages = chains && stageStopCount() > 0;
    m_nextStageAction->setEnabled(stages);
    m_previousStageAction->setEnabled(stages);
}

void MainWindow::askNewCase()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("New Case"), QString(), tr("Chainscope cases (*.chainscope)"));
    if (!path.isEmpty())
        newCase(path.endsWith(CaseSuffix) ? path : path + CaseSuffix);
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
    if (paths.isEmpty())
        return;
    if (!m_store) {
        statusBar()->showMessage(tr("Create or open a case first, then import the logs into it."), 10000);
        return;
    }
    if (m_job || m_verifying) {
        // A drop while the case is busy is not silently lost.
        statusBar()->showMessage(
            tr("The case is busy (an import or a verification runs); import again when it has finished."), 10000);
        return;
    }
    // The CLI's --host and --timezone, for records that name no host and for logs that
    // keep local time without a zone (dpkg, apt).
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Import Options"));
    auto *form = new QFormLayout(&dialog);
    auto *what = new QLabel(paths.size() == 1 ? QFileInfo(paths.first()).fileName()
                                              : tr("%n file(s) and folder(s)", nullptr, int(paths.size())),
        &dialog);
    what->setTextFormat(Qt::PlainText);
    auto *host = new QLineEdit(&dialog);
    host->setObjectName(QStringLiteral("importHost"));
    host->setPlaceholderText(tr("from the logs or the collection's layout"));
    host->setToolTip(tr("Host of records that name none. A host named by the log itself always wins."));
    auto *zone = new TimeZoneBox(&dialog);
    zone->setObjectName(QStringLiteral("importTimeZone"));
    zone->setToolTip(tr("Time zone of logs that keep local time without an offset (dpkg, apt)"));
    auto *zoneInfo = new QLabel(&dialog);
    zoneInfo->setTextFormat(Qt::PlainText);
    zoneInfo->setWordWrap(true);
    auto *again = new QCheckBox(tr("Import files the case already holds (same SHA-256) again"), &dialog);
    form->addRow(tr("Import:"), what);
    form->addRow(tr("&Host:"), host);
    form->addRow(tr("&Time zone:"), zone);
    form->addRow(QString(), zoneInfo);
    form->addRow(again);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Import"));
    form->addRow(buttons);
    // Checked as the analyst types: Import stays disabled, with the reason shown, while
    // the text names no zone.
    const auto check = [zone, zoneInfo, ok] {
        const QTimeZone z = zone->zone();
        ok->setEnabled(z.isValid());
        zoneInfo->setText(TimeZoneBox::describe(z, zone->currentText()));
    };
    connect(zone, &QComboBox::currentTextChanged, &dialog, check);
    check();
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    QPointer<MainWindow> self(this);
    QMetaObject::invokeMethod(
        this,
        [self, &dialog] {
            if (self)
                emit self->importOptionsShown(&dialog);
        },
        Qt::QueuedConnection);
    if (dialog.exec() != QDialog::Accepted || !zone->zone().isValid())
        return;
    ImportOptions options;
    options.host = host->text().trimmed();
    options.timeZone = zone->zone();
    options.again = again->isChecked();
    importFiles(paths, options);
}

void MainWindow::askPolicy()
{
    if (!m_store || m_job)
        return;
    const Policy current = m_store->policy();
    PolicyDialog dialog(current, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // An unchanged policy is no new version.
    if (dialog.policy() == current) {
        statusBar()->showMessage(tr("The policy is unchanged."), 5000);
        return;
    }
    applyPolicy(dialog.policy());
}

void MainWindow::askExportHunt()
{
    if (!m_store || m_job)
        return;
    // The platform offered first: the first one the case's evidence comes from (as the
    // CLI's export-analytic picks them), Windows for an empty case.
    const QList<Platform> present = m_store->platforms();
    HuntExportDialog dialog(m_store->policy(), present.isEmpty() ? Platform::Windows : present.first(), this);
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(tr("Hunt rules written to %1").arg(dialog.pathEdit()->text()), 5000);
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

void MainWindow::askExportChain()
{
    const int row = currentChainRow();
    if (!m_store || row < 0)
        return;
    // The chain handed over alone: its evidence, timeline, marks and note, with the
    // case's sources and policy, as `report --chain ID` writes it.
    const int id = m_chainsModel->chainAt(row).id;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chain %1 Report").arg(id),
        QStringLiteral("chain-%1.pdf").arg(id), tr("PDF report (*.pdf);;HTML report (*.html)"));
    if (!path.isEmpty())
        exportReport(path, {id});
}

void MainWindow::askDisplayTimeZone()
{
    if (!m_store)
        return;
    TimeZoneDialog dialog(m_displayZone, this);
    QPointer<MainWindow> self(this);
    QMetaObject::invokeMethod(
        this,
        [self, &dialog] {
            if (self)
                emit self->timeZoneDialogShown(&dialog);
        },
        Qt::QueuedConnection);
    if (dialog.exec() == QDialog::Accepted && dialog.zone().isValid())
        setDisplayTimeZone(dialog.zone());
}

void MainWindow::setDisplayTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid())
        return;
    const bool changed = zone.id() != m_displayZone.id();
    m_displayZone = zone;
    if (m_store && !m_store->isReadOnly()) {
        try {
            m_store->setMeta(TimeZoneMetaKey, QString::fromUtf8(zone.id()));
        } catch (const CaseError &e) {
            statusBar()->showMessage(tr("The time zone is used but not kept in the case: %1").arg(e.message()), 10000);
        }
    }
    applyTimeZone();
    updateStatus();
    showChainDetails(currentChainRow());
    if (changed)
        emit displayTimeZoneChanged(m_displayZone);
}

void MainWindow::find()
{
    if (!m_store || m_eventCount == 0)
        return;
    m_tabs->setCurrentIndex(EventsTab);
    m_eventsPanel->focusSearch();
    emit findRequested();
}

void MainWindow::showShortcuts()
{
    // Made from the actions themselves, so the list cannot drift from what the keys do.
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setWindowTitle(tr("Keyboard Shortcuts"));
    auto *table = new QTableWidget(0, 2, dialog);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->horizontalHeader()->setStretchLastSection(true);
    for (QAction *menuAction : menuBar()->actions()) {
        QMenu *menu = menuAction->menu();
        if (!menu)
            continue;
        for (QAction *a : menu->actions()) {
            if (a->shortcut().isEmpty())
                continue;
            const int row = table->rowCount();
            table->insertRow(row);
            table->setItem(row, 0, new QTableWidgetItem(plainText(menuAction) + QStringLiteral(" → ") + plainText(a)));
            table->setItem(row, 1, new QTableWidgetItem(a->shortcut().toString(QKeySequence::NativeText)));
        }
    }
    table->resizeColumnsToContents();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog->resize(480, 560);
    dialog->show();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Chainscope"),
        tr("<h3>Chainscope %1</h3><p>Finds install → write → first run → egress chains in host logs, and says "
           "why each chain is suspicious, incomplete or approved.</p><p>Built with Qt %2.</p>")
            .arg(QStringLiteral(CHAINSCOPE_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::chooseLanguage(const QString &code)
{
    setLanguageSetting(code);
    // The window's strings are made once; a new language needs a new start.
    statusBar()->showMessage(tr("The language changes at the next start of Chainscope."), 10000);
}

void MainWindow::closeCase()
{
    if (!m_store || m_job)
        return;
    setCase(nullptr);
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
    // A note typed a moment ago goes into the case it was written for.
    m_summaryPanel->flush();
    m_store = std::move(store);
    // The window's connection reads pages of events, counts and aggregates, and writes
    // only policies, notes and bookmarks (imports have their own connection): its page
    // cache filled to 64 MiB as the analyst scrolled, resident beside a policy change's
    // computation (issue 15, the workbench's peak). The reads are scans of indexes far
    // larger than either cache; the system's file cache serves them as well.
    if (m_store)
        m_store->useSmallPageCache();
    setWindowFilePath(m_store ? m_store->path() : QString());
    setWindowTitle(m_store ? tr("%1 — Chainscope").arg(QFileInfo(m_store->path()).fileName()) : tr("Chainscope"));
    if (m_store)
        rememberRecent(m_store->path());
    // The case's display zone, UTC when it names none (or one this system lacks).
    QTimeZone zone = QTimeZone::utc();
    if (m_store) {
        const std::optional<QString> id = m_store->meta(TimeZoneMetaKey);
        if (id && QTimeZone::isTimeZoneIdAvailable(id->toUtf8()))
            zone = QTimeZone(id->toUtf8());
    }
    const bool zoneChanged = zone.id() != m_displayZone.id();
    m_displayZone = zone;
    applyTimeZone();
    m_chainsModel->setChains({});
    m_chainsModel->setTriage(m_store ? m_store->chainTriage() : QHash<qint64, ChainTriage>());
    m_treeModel->clear();
    m_timeline->clear();
    m_summaryPanel->clear();
    m_index.reset();
    m_chainsKept = false;
    reloadModels(true);
    if (zoneChanged)
        emit displayTimeZoneChanged(m_displayZone);
}

void MainWindow::applyTimeZone()
{
    m_chainsModel->setTimeZone(m_displayZone);
    m_treeModel->setTimeZone(m_displayZone);
    m_eventsPanel->setTimeZone(m_displayZone);
    m_timeline->setTimeZone(m_displayZone);
    m_density->setTimeZone(m_displayZone);
    m_summaryPanel->setTimeZone(m_displayZone);
}

void MainWindow::reloadModels(bool newCase)
{
    m_eventCount = m_store ? m_store->eventCount() : 0;
    m_sourcesModel->reload(m_store.get());
    // A new case starts with no filter; an import keeps the analyst's filters.
    if (newCase)
        m_eventsPanel->setStore(m_store.get());
    else
        m_eventsPanel->reload();
    m_density->setStore(m_store.get());
    m_density->refresh();
    m_autoSizing = true;
    m_sourcesView->resizeColumnsToContents();
    m_autoSizing = false;
    setCurrentEvent(-1);
    m_recomputing = false;
    m_awaitingChains = false;
    if (m_store) {
        m_recomputing = true;
        m_awaitingChains = true;
        const Policy policy = m_store->policy();
        m_requestedPolicyVersion = policy.version;
        m_analysis->load(m_store->path(), policy);
    }
    updatePage();
    updateActions();
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
        m_awaitingChains = true;
        m_analysis->recompute(stored);
        updateStatus();
        updateActions();
    } catch (const CaseError &e) {
        QMessageBox::warning(this, tr("Case Policy"), e.message());
    }
}

void MainWindow::onChainsReady(const QString &casePath, const QList<Chain> &chains,
    std::shared_ptr<const CaseIndex> index, int policyVersion, qint64 elapsedMs, bool kept)
{
    // Results for a case the window no longer shows (the analyst opened another
    // one while the first was still being correlated) would mix two cases.
    if (!m_store || casePath != m_store->path())
        return;
    // Nor may the chains of an older policy replace those of the policy just applied:
    // their result can still be on its way when the analyst changes the policy.
    if (policyVersion != m_requestedPolicyVersion)
        return;
    // The chains asked for are here. The worker may still be on its way out (or on a
    // request that arrived meanwhile, whose result follows): correlating ends when it
    // is idle, not when it last said so.
    m_awaitingChains = false;
    m_recomputing = m_analysis->isBusy();
    if (m_recomputing)
        m_idlePoll->start();
    // Keep the analyst on the chain they were looking at, if it still exists (chain ids
    // are ranks: the install event names a chain across policies), and on the event.
    const qint64 previousSeed = currentChainRow() >= 0 ? m_chainsModel->chainAt(currentChainRow()).seedEventId : -1;
    const qint64 previousEvent = m_currentEventId;
    m_treeModel->clear();
    m_index = std::move(index);
    m_chainsKept = kept;
    m_chainsModel->setTriage(m_store->chainTriage());
    m_chainsModel->setChains(chains);
    autoSizeColumns(m_chainsView->horizontalHeader());
    int row = chains.isEmpty() ? -1 : 0;
    for (int i = 0; i < chains.size(); ++i) {
        if (previousSeed >= 0 && chains.at(i).seedEventId == previousSeed)
            row = i;
    }
    selectChain(row);
    // The raw pane and the Events tab stay on the event the analyst was on: the events
    // did not change, only what the policy makes of them.
    if (previousEvent >= 0) {
        selectTreeNode(nodeOfEvent(previousEvent));
        setCurrentEvent(previousEvent);
    }
    // Kept chains were read, not computed: say so, and what a policy change will cost
    // (from the case's stored index when it has a current one, issue 15).
    QString message = tr("Chains computed with policy version %1 in %2 ms").arg(policyVersion).arg(elapsedMs);
    if (kept && StoredIndex::isCurrent(*m_store)) {
        message = tr("Chains of policy version %1 as the case kept them from its last analysis (read in %2 ms); "
                     "a policy change computes them again from the case's stored index")
                      .arg(policyVersion)
                      .arg(elapsedMs);
    } else if (kept) {
        message = tr("Chains of policy version %1 as the case kept them from its last analysis (read in %2 ms); "
                     "a policy change computes them again from every event")
                      .arg(policyVersion)
                      .arg(elapsedMs);
    }
    statusBar()->showMessage(message, 8000);
    updateStatus();
    updateActions();
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

QList<MainWindow::StageStop> MainWindow::stageStops() const
{
    const int row = currentChainRow();
    if (row < 0 || !m_index)
        return {};
    const Chain &chain = m_chainsModel->chainAt(row);
    QList<StageStop> stops;
    // The stages found, in stage order, each at its first event; then what explains a
    // missing stage: its nearest miss.
    for (const ChainStage &s : chain.stages) {
        if (!s.eventIds.isEmpty())
            stops.append({s.stage, s.eventIds.first(), s.eventIndices.value(0, -1), false});
    }
    for (const MissingStage &m : chain.missingStages) {
        if (m.nearestEventId >= 0)
            stops.append({m.stage, m.nearestEventId, m.nearestEvent, true});
    }
    return stops;
}

int MainWindow::stageStopCount() const
{
    return int(stageStops().size());
}

void MainWindow::stepStage(int delta)
{
    const QList<StageStop> stops = stageStops();
    if (stops.isEmpty()) {
        statusBar()->showMessage(tr("The selected chain has no stage to step to."), 5000);
        return;
    }
    const int count = int(stops.size());
    m_stageStop = m_stageStop < 0 ? (delta > 0 ? 0 : count - 1) : (m_stageStop + delta % count + count) % count;
    const StageStop &stop = stops.at(m_stageStop);
    qint32 node = -1;
    qint64 timeUs = 0;
    if (stop.eventIndex >= 0 && stop.eventIndex < m_index->events().size()) {
        node = m_index->events().at(stop.eventIndex).node;
        timeUs = m_index->events().at(stop.eventIndex).timeUs;
    }
    // A package-log install has no process: the tree then selects nothing.
    if (!selectTreeNode(node)) {
        m_selectingTree = true;
        m_treeView->selectionModel()->clear();
        m_selectingTree = false;
    }
    setCurrentEvent(stop.eventId);
    QString target;
    for (const Evidence &x : m_chainsModel->chainAt(currentChainRow()).evidence) {
        if (x.eventId == stop.eventId) {
            target = x.target;
            break;
        }
    }
    const QString what
        = stop.nearestMiss ? tr("nearest miss for %1").arg(stageLabel(stop.stage)) : stageLabel(stop.stage);
    QString message
        = tr("Stage %1 of %2: %3 at %4")
              .arg(QString::number(m_stageStop + 1), QString::number(count), what, formatTimeUs(timeUs, m_displayZone));
    if (!target.isEmpty())
        message += QStringLiteral(" — ") + target;
    statusBar()->showMessage(message, 15000);
}

bool MainWindow::selectTreeNode(qint32 node)
{
    if (node < 0)
        return false;
    QAbstractItemModel *model = m_treeView->model();
    const QModelIndexList found
        = model->match(model->index(0, 0), ProcessTreeModel::NodeRole, node, 1, Qt::MatchExactly | Qt::MatchRecursive);
    if (found.isEmpty())
        return false;
    m_selectingTree = true;
    m_treeView->setCurrentIndex(found.first());
    m_treeView->scrollTo(found.first());
    m_selectingTree = false;
    return true;
}

void MainWindow::setCurrentEvent(qint64 eventId)
{
    const bool changed = eventId != m_currentEventId;
    m_currentEventId = eventId;
    showRaw(eventId);
    syncEventsSelection(eventId);
    m_timeline->selectEvent(eventId);
    if (changed)
        emit currentEventChanged(eventId);
}

void MainWindow::syncEventsSelection(qint64 eventId)
{
    if (m_pickedInEvents)
        return;
    // In case rows: the table's current row may lie outside the window it holds.
    const EventsTableView *view = m_eventsPanel->view();
    if (eventId >= 0 && m_eventsPanel->currentEventId() == eventId && view->isCaseRowSelected(view->currentCaseRow()))
        return;
    // Found by its position in SQL, however far down the table it is. The analyst's
    // filters stay: an event they hide leaves the Events tab with no selection, never
    // with another event's.
    m_eventsPanel->selectEventIfShown(eventId);
}

qint32 MainWindow::nodeOfEvent(qint64 eventId) const
{
    if (!m_index || eventId < 0)
        return -1;
    const QList<IndexedEvent> &events = m_index->events();
    const auto nodeAt = [&](qint32 i) -> std::optional<qint32> {
        if (i >= 0 && i < events.size() && events.at(i).id == eventId)
            return events.at(i).node;
        return std::nullopt;
    };
    // What the timeline and the stage steps show is the selected chain's evidence and
    // nearest misses, each with its index: found there without walking every event of
    // the case (millions in a big one) on each click.
    if (const int row = currentChainRow(); row >= 0) {
        const Chain &chain = m_chainsModel->chainAt(row);
        for (const Evidence &x : chain.evidence) {
            if (const auto node = nodeAt(x.eventIndex))
                return *node;
        }
        for (const MissingStage &m : chain.missingStages) {
            if (const auto node = nodeAt(m.nearestEvent))
                return *node;
        }
    }
    for (const IndexedEvent &e : events) {
        if (e.id == eventId)
            return e.node;
    }
    return -1;
}

void MainWindow::onTimelineClicked(qint64 eventId)
{
    if (eventId < 0)
        return;
    // The tree follows to the event's process; a package-log event has none.
    if (!selectTreeNode(nodeOfEvent(eventId))) {
        m_selectingTree = true;
        m_treeView->selectionModel()->clear();
        m_selectingTree = false;
    }
    setCurrentEvent(eventId);
}

void MainWindow::saveTriage(qint64 seedEventId, TriageMark mark, const QString &note)
{
    if (!m_store || seedEventId < 0)
        return;
    try {
        m_store->setChainTriage(seedEventId, mark, note);
    } catch (const CaseError &e) {
        statusBar()->showMessage(tr("The triage is not kept in the case: %1").arg(e.message()), 15000);
        return;
    }
    m_chainsModel->setTriage(m_store->chainTriage());
}

void MainWindow::showChain(int row)
{
    m_stageStop = -1;
    if (row < 0 || !m_index || !m_store) {
        m_treeModel->clear();
        m_timeline->clear();
        m_summaryPanel->flush();
        m_summaryPanel->clear();
        m_eventsPanel->setChainEvents({});
        m_density->markChainSpan(1, 0);
        updateActions();
        return;
    }
    const Chain &chain = m_chainsModel->chainAt(row);
    m_treeModel->setChain(m_index.get(), chain);
    m_treeView->expandAll();
    autoSizeColumns(m_treeView->header());
    // Start where the analyst looks first: the first run, else the installer.
    const QModelIndexList firstRun = m_treeView->model()->match(m_treeView->model()->index(0, 0),
        ProcessTreeModel::FirstRunRole, true, 1, Qt::MatchExactly | Qt::MatchRecursive);
    m_treeView->setCurrentIndex(firstRun.isEmpty() ? m_treeView->model()->index(0, 0) : firstRun.first());
    m_timeline->showChain(m_index, chain, m_store->policy().timeWindowUs);
    showChainDetails(row);

    // "This chain only" in the Events tab: what the chain's processes did, and every
    // event the correlator cites (package-log installs and nearest misses have no
    // process of the chain). The density strip marks the same span.
    QList<qint32> indices;
    for (const qint32 node : chain.processNodes)
        indices += m_index->eventsOf(node);
    for (const ChainStage &st : chain.stages)
        indices += st.eventIndices;
    for (const Evidence &x : chain.evidence)
        indices.append(x.eventIndex);
    for (const MissingStage &m : chain.missingStages)
        indices.append(m.nearestEvent);
    QList<qint64> ids;
    qint64 lastUs = chain.startUs;
    for (const qint32 i : std::as_const(indices)) {
        if (i < 0 || i >= m_index->events().size())
            continue;
        const IndexedEvent &e = m_index->events().at(i);
        ids.append(e.id);
        lastUs = std::max(lastUs, e.timeUs);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    m_eventsPanel->setChainEvents(ids);
    m_density->markChainSpan(chain.startUs, lastUs);
    updateActions();
}

void MainWindow::showChainDetails(int row)
{
    if (row < 0 || row >= m_chainsModel->rowCount()) {
        m_summaryPanel->flush();
        m_summaryPanel->clear();
        return;
    }
    const Chain &chain = m_chainsModel->chainAt(row);
    m_summaryPanel->setChain(chain, m_chainsModel->triageOf(chain));
}

void MainWindow::autoSizeColumns(QHeaderView *header)
{
    if (m_userSized.value(header))
        return;
    m_autoSizing = true;
    header->resizeSections(QHeaderView::ResizeToContents);
    // Long paths and command lines are elided past a width; their tooltips have them.
    const int chars = header == m_treeView->header() ? MaxTreeRoleChars
        : header == m_chainsView->horizontalHeader() ? MaxChainsColumnChars
                                                     : MaxColumnChars;
    const int widest = header->fontMetrics().averageCharWidth() * chars;
    for (int i = 0; i < header->count(); ++i) {
        if (header->sectionSize(i) > widest)
            header->resizeSection(i, widest);
    }
    m_autoSizing = false;
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(LayoutGroup);
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("windowState"), saveState());
    settings.setValue(QStringLiteral("mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("rightSplitter"), m_rightSplitter->saveState());
    settings.setValue(QStringLiteral("treeSplitter"), m_treeSplitter->saveState());
    settings.setValue(QStringLiteral("currentTab"), m_tabs->currentIndex());
    settings.setValue(QStringLiteral("eventsPanel"), m_eventsPanel->saveState());
    const QList<QPair<QString, QHeaderView *>> headers = {
        {QStringLiteral("chains"), m_chainsView->horizontalHeader()}, {QStringLiteral("tree"), m_treeView->header()}};
    for (const auto &[name, header] : headers) {
        // Only widths the analyst chose: content-sized columns are sized anew.
        if (!m_userSized.value(header))
            continue;
        settings.setValue(name + QStringLiteral("Header"), header->saveState());
        settings.setValue(name + QStringLiteral("Columns"), header->count());
    }
    settings.endGroup();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(LayoutGroup);
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("windowState")).toByteArray());
    m_mainSplitter->restoreState(settings.value(QStringLiteral("mainSplitter")).toByteArray());
    m_rightSplitter->restoreState(settings.value(QStringLiteral("rightSplitter")).toByteArray());
    m_treeSplitter->restoreState(settings.value(QStringLiteral("treeSplitter")).toByteArray());
    const int tab = settings.value(QStringLiteral("currentTab"), 0).toInt();
    m_tabs->setCurrentIndex(tab >= 0 && tab < m_tabs->count() ? tab : 0);
    m_eventsPanel->restoreState(settings.value(QStringLiteral("eventsPanel")).toByteArray());
    const QList<QPair<QString, QHeaderView *>> headers = {
        {QStringLiteral("chains"), m_chainsView->horizontalHeader()}, {QStringLiteral("tree"), m_treeView->header()}};
    for (const auto &[name, header] : headers) {
        const QByteArray state = settings.value(name + QStringLiteral("Header")).toByteArray();
        if (state.isEmpty() || settings.value(name + QStringLiteral("Columns")).toInt() != header->count())
            continue;
        m_autoSizing = true;
        if (header->restoreState(state))
            m_userSized.insert(header, true);
        m_autoSizing = false;
    }
    settings.endGroup();
}

void MainWindow::resetLayout()
{
    QSettings().remove(LayoutGroup);
    m_userSized.clear();
    for (QToolBar *toolbar : findChildren<QToolBar *>())
        toolbar->show();
    m_tabs->setCurrentIndex(ProcessTreeTab);
    // The proportions of the stretch factors: chains 2 : 3, tabs 3 : raw 1.
    const int width = m_mainSplitter->width();
    m_mainSplitter->setSizes({width * 2 / 5, width - width * 2 / 5});
    const int height = m_rightSplitter->height();
    m_rightSplitter->setSizes({height * 3 / 4, height - height * 3 / 4});
    autoSizeColumns(m_chainsView->horizontalHeader());
    autoSizeColumns(m_treeView->header());
    m_eventsPanel->resetColumns();
    statusBar()->showMessage(tr("Layout reset."), 5000);
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

bool MainWindow::exportReport(const QString &path, const QList<int> &chainIds)
{
    if (!m_store || !m_index)
        return false;
    // The report refers to the policy and the chains: both outlive it here.
    const Policy policy = m_store->policy();
    HtmlReport report(*m_store, *m_index, policy, m_chainsModel->chains());
    report.setChainsKept(m_chainsKept);
    report.setChainSelection(chainIds);
    QString error;
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        // Paged for print: running header (case, generation time, policy version),
        // "page x of y", timelines as pictures and bookmarks, as the CLI's --pdf.
        error = exportPdf(report, path);
    } else {
        // Whole or not at all (issue 11, finding 5): an existing report stays as it was.
        writeOutputFile(path, report.render().toUtf8(), &error);
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
    m_zoneButton->setText(tr("Time zone: %1").arg(QString::fromUtf8(m_displayZone.id())));
    if (!m_store) {
        m_statusLabel->setText(tr("No case open"));
        return;
    }
    // While an import writes the case, its progress is the news (and the counts would
    // be read from a case half written).
    if (m_job) {
        m_statusLabel->setText(m_importState);
        return;
    }
    const QList<SourceInfo> sources = m_store->sources();
    int incomplete = 0;
    for (const SourceInfo &s : sources)
        incomplete += s.status == SourceStatus::Incomplete;
    QStringList parts;
    parts << tr("%n event(s)", nullptr, int(qMin<qint64>(m_eventCount, INT_MAX)))
          << tr("%n source(s)", nullptr, int(sources.size()));
    if (incomplete > 0)
        parts << tr("%n incomplete", nullptr, incomplete);
    // The chains shown belong to the policy before the change until the new ones are
    // here: while correlating, the window says so instead of counting them.
    if (m_recomputing) {
        parts << tr("correlating…");
    } else {
        int suspicious = 0;
        for (const Chain &c : m_chainsModel->chains())
            suspicious += c.verdict == Verdict::Suspicious;
        parts << tr("%n chain(s)", nullptr, int(m_chainsModel->rowCount())) + QStringLiteral(" (")
                + tr("%n suspicious", nullptr, suspicious) + QStringLiteral(")");
    }
    parts << tr("policy v%1").arg(m_store->policy().version);
    if (m_verifying)
        parts << tr("verifying…");
    if (m_store->isReadOnly())
        parts << tr("read-only");
    m_statusLabel->setText(parts.join(QStringLiteral(" · ")));
}

void MainWindow::verifyCase()
{
    if (!m_store || m_job || m_verifying)
        return;
    m_verifying = true;
    updateActions();
    updateStatus();
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
        Sha256::releaseThreadState(); // the records were hashed on this pool thread
        QMetaObject::invokeMethod(
            qApp,
            [self, progress, path, result = std::move(result), error] {
                delete progress;
                if (!self)
                    return;
                self->m_verifying = false;
                self->updateActions();
                self->updateStatus();
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
    m_importState = tr("importing…");
    updateActions();
    updateStatus();
    connect(m_progress, &QProgressDialog::canceled, m_job, &ImportJob::cancel);
    connect(m_job, &ImportJob::progress, this, [this](const ImportProgress &p) {
        if (!m_progress)
            return;
        // One display for the whole import (issue 13): files, bytes and events of every
        // file of every collection.
        if (p.scanning) {
            m_progress->setValue(progressShare(p.bytesDone, p.bytesTotal, 1000));
            m_progress->setLabelText(tr("Reading archive %1 (hashing its files)…").arg(QFileInfo(p.path).fileName()));
            m_importState = tr("importing: reading archive %1…").arg(QFileInfo(p.path).fileName());
            updateStatus();
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
        m_importState = tr("importing file %1 of %2, %n event(s)…", nullptr, int(qMin<qint64>(p.totalEvents, INT_MAX)))
                            .arg(p.fileIndex + 1)
                            .arg(p.fileCount);
        updateStatus();
    });
    connect(m_job, &ImportJob::finished, this, [this](const QList<ImportResult> &results, const QString &error) {
        if (m_progress)
            m_progress->deleteLater();
        // Cleared now, not at deletion: a new import may start from the signal.
        m_job->deleteLater();
        m_job = nullptr;
        m_importState.clear();
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
        reloadModels(false);
        if (!problems.isEmpty())
            statusBar()->showMessage(problems.join(QStringLiteral("; ")), 15000);
        emit importFinished();
    });
    m_job->start();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!event->mimeData()->hasUrls())
        return;
    // Logs need a case to go into; a case file opens at any time.
    const QList<QUrl> urls = event->mimeData()->urls();
    const bool caseFile = urls.size() == 1 && urls.first().toLocalFile().endsWith(CaseSuffix);
    if (m_store || caseFile)
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
    // After the drop has finished: the dialogs must not run inside the drag.
    QMetaObject::invokeMethod(
        this,
        [this, paths] {
            if (paths.size() == 1 && paths.first().endsWith(CaseSuffix) && QFileInfo(paths.first()).isFile()) {
                if (!m_job)
                    openCase(paths.first());
                return;
            }
            askImportOptions(paths);
        },
        Qt::QueuedConnection);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_job)
        m_job->cancel();
    m_summaryPanel->flush();
    saveSettings();
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
