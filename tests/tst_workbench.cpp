// The workbench window under the offscreen platform: import through the threaded
// job, browse events, see the raw record highlighted.

#include "caseindex.h"
#include "casestore.h"
#include "chainmarkproxy.h"
#include "chainsmodel.h"
#include "chainsnapshot.h"
#include "chainsummarypanel.h"
#include "correlator.h"
#include "densitystrip.h"
#include "eventsmodel.h"
#include "eventspanel.h"
#include "eventstableview.h"
#include "explanation.h"
#include "formats.h"
#include "importer.h"
#include "language.h"
#include "linuxscenario.h"
#include "macscenario.h"
#include "mainwindow.h"
#include "policydialog.h"
#include "processtreemodel.h"
#include "rawrecordview.h"
#include "report.h"
#include "sqlitedb.h"
#include "storedindex.h"
#include "testsupport.h"
#include "timelineview.h"
#include "timezonebox.h"
#include "verificationdialog.h"
#include "windowsscenario.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBrush>
#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QUrl>
#include <qcustomplot.h>

#include <algorithm>

using namespace Chainscope;
using namespace Chainscope::Test;

Q_DECLARE_METATYPE(Chainscope::Verdict)

class Tst_workbench : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void displayTextKeepsEveryByteVisible_data();
    void displayTextKeepsEveryByteVisible();
    void importAndBrowse();
    void importsADroppedFolderWithOptions();
    void chainsTriageAndPolicyChange();
    void switchingCasesNeverMixesThem();
    void windowsChainAndItsEvtxRecords();
    void threePlatformsSideBySide();
    void verifyShowsWhatDiffers();
    void chainMarkProxyColoursTheVerdicts_data();
    void chainMarkProxyColoursTheVerdicts();
    // Issue 14: the window's Qt conventions.
    void settingsAreRestored();
    void emptyStatesDisableActions();
    void menusShortcutsAndLanguage();
    void droppingWithoutACase();
    void statusBarLeavesCorrelating();
    void keptChainsSayWhatAPolicyChangeReads();
    void importWritesTheStoredIndexOfItsHostsOnly();
    void timeZoneIsKeptPerCase();
    void stageSteppingSelectsEachStage();
    void policyChangeKeepsRawAndEventsTogether();
    void timelineClickSelectsEverywhere();
    void searchAndFiltersInTheWindow();
    void triageIsKeptInTheCase();
    void noteTypedJustBeforeClosingIsKept();
    void policyDialogValidatesAsTyped_data();
    void policyDialogValidatesAsTyped();
    void policyDialogLabelsAndGrowingLists();

private:
    const QList<Chain> &demoChains();
    // A copy of the Linux demo case (imported once), for a test to change as it likes.
    QString linuxDemoCase(const QString &name);
    QString m_linuxDemoCase;
    QTemporaryDir m_dir;
    QList<Chain> m_demoChains;
};

// The windows' analysis and verification ran on the pool's threads, which stay until
// they expire. Joined before the program ends: LeakSanitizer's check at exit stops
// every thread, and one that was ending meanwhile made its tracer crash (about one run
// in five of the ASan suite with other tests beside it), after every test had passed.
void Tst_workbench::cleanupTestCase()
{
    QVERIFY(QThreadPool::globalInstance()->waitForDone(30000));
}

void Tst_workbench::initTestCase()
{
    // Keep the analyst's real recent-cases list out of the tests.
    QCoreApplication::setOrganizationName(QStringLiteral("ChainscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_workbench"));
    // Settings (layout, recent cases, language) in the test's own folder.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    QSettings().clear();
}

void Tst_workbench::displayTextKeepsEveryByteVisible_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << QByteArray("type=EOE msg=audit(1.2:3): ")
                           << QStringLiteral("type=EOE msg=audit(1.2:3): ");
    QTest::newRow("utf8") << QByteArray("acct=\"j\xc3\xbcrgen\"") << QStringLiteral("acct=\"j\u00fcrgen\"");
    QTest::newRow("invalid utf8") << QByteArray("a\xff\xc3(b") << QStringLiteral("a\\xff\\xc3(b");
    QTest::newRow("nul and escape") << QByteArray("x\0y\x1b", 4) << QStringLiteral("x\\x00y\\x1b");
    QTest::newRow("enriched separator") << QByteArray("res=success'\x1dUID=\"root\"")
                                        << QStringLiteral("res=success'\u241dUID=\"root\"");
    QTest::newRow("truncated sequence") << QByteArray("\xe2\x82") << QStringLiteral("\\xe2\\x82");
}

void Tst_workbench::displayTextKeepsEveryByteVisible()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, shown);
    QCOMPARE(RawRecordView::displayText(raw), shown);
}

void Tst_workbench::importAndBrowse()
{
    const QString casePath = m_dir.filePath(QStringLiteral("wb.chainscope"));
    MainWindow window;
    QVERIFY(window.newCase(casePath));
    window.show();
    QSignalSpy done(&window, &MainWindow::importFinished);
    const QString audit = corpusPath(QStringLiteral("linux/auditd_ubuntu_dpkg_l_fork_exec_trace.log"));
    window.importFiles({audit, corpusPath(QStringLiteral("linux/dpkg_tiny_mixed.log"))});
    QVERIFY(window.isImporting());
    QVERIFY(done.wait(60000));
    QVERIFY(!window.isImporting());

    QCOMPARE(window.caseStore()->sources().size(), 2);
    // The Events tab's table shows a window of the case's rows; its rows are found in
    // case rows (showCaseRow) and read through the panel's model.
    EventsTableView *eventsView = window.eventsPanel()->view();
    auto *model = window.eventsPanel()->model();
    QVERIFY(model->rowCount() > 0);
    QVERIFY(model->rowCount() <= window.caseStore()->eventCount());

    // Selecting an audit event shows its original record lines, highlighted.
    int auditRow = -1;
    for (int row = 0; row < model->rowCount() && auditRow < 0; ++row) {
        if (model->eventAt(row).kind == EventKind::ProcessStart)
            auditRow = row;
    }
    QVERIFY(auditRow >= 0);
    eventsView->setCurrentIndex(eventsView->showCaseRow(auditRow));
    auto *raw = window.findChild<RawRecordView *>();
    QVERIFY(raw);
    const QByteArray stored = window.caseStore()->rawRecord(model->eventAt(auditRow).id).value();
    QCOMPARE(raw->toPlainText(), RawRecordView::displayText(stored));
    QVERIFY(raw->toPlainText().contains(QLatin1String("type=SYSCALL")));
    QCOMPARE(raw->definitionName(), QStringLiteral("Chainscope Log"));

    const QString shot = qEnvironmentVariable("CHAINSCOPE_SCREENSHOT");
    if (!shot.isEmpty())
        QVERIFY(window.grab().save(shot));
}

// Issue 13: a folder dropped on the window (generated here: inline dpkg records and a
// file that is no log) asks for the host and time zone, then imports on the worker; the
// summary lists the file it skipped.
void Tst_workbench::importsADroppedFolderWithOptions()
{
    const QString folder = m_dir.filePath(QStringLiteral("dropped/var/log"));
    QVERIFY(QDir().mkpath(folder));
    {
        QFile f(folder + QStringLiteral("/dpkg.log"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("2024-01-02 10:00:00 install foo:amd64 <none> 1.0\n");
        QFile n(m_dir.filePath(QStringLiteral("dropped/notes.txt")));
        QVERIFY(n.open(QIODevice::WriteOnly));
        n.write("no log\n");
    }
    const QString casePath = m_dir.filePath(QStringLiteral("dropped.chainscope"));
    MainWindow window;
    QVERIFY(window.newCase(casePath));
    window.show();
    connect(&window, &MainWindow::importOptionsShown, this, [](QDialog *dialog) {
        dialog->findChild<QLineEdit *>(QStringLiteral("importHost"))->setText(QStringLiteral("laptop7"));
        dialog->findChild<QComboBox *>(QStringLiteral("importTimeZone"))
            ->setCurrentText(QStringLiteral("Europe/Berlin"));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    QSignalSpy done(&window, &MainWindow::importFinished);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("dropped")))});
    // As a drag ends: the window accepts it on entering, then takes the drop.
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(done.wait(60000));
    const QList<SourceInfo> sources = window.caseStore()->sources();
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources.first().host, QStringLiteral("laptop7"));
    QCOMPARE(sources.first().timeZone, QStringLiteral("Europe/Berlin"));
    // The file that is no log is listed in the summary with its reason, as the CLI does.
    const QString summary = window.statusBar()->currentMessage();
    QVERIFY2(summary.contains(QLatin1String("skipped notes.txt: not a log format")), qPrintable(summary));
}

void Tst_workbench::chainsTriageAndPolicyChange()
{
    const QString evidence = m_dir.filePath(QStringLiteral("demo"));
    const LinuxScenarioResult truth = writeLinuxScenario(evidence, {});
    QVERIFY2(truth.error.isEmpty(), qPrintable(truth.error));
    MainWindow window;
    window.resize(1500, 900);
    QVERIFY(window.newCase(m_dir.filePath(QStringLiteral("demo.chainscope"))));
    window.show();
    QSignalSpy imported(&window, &MainWindow::importFinished);
    QSignalSpy updated(&window, &MainWindow::chainsUpdated);
    window.importFiles(truth.files);
    QVERIFY(imported.wait(120000));
    Policy policy = window.caseStore()->policy();
    QString error;
    QVERIFY(policy.applyAssignment(
        QStringLiteral("ApprovedUpdateHosts=%1").arg(truth.approvedUpdateHosts.join(u',')), &error));
    updated.clear();
    window.applyPolicy(policy);
    QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty() && !window.caseStore()->policy().approvedUpdateHosts.isEmpty(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(window.chainsModel()->rowCount() > 0, 60000);

    const auto rowWriting = [&](const QString &path) {
        for (int row = 0; row < window.chainsModel()->rowCount(); ++row) {
            if (window.chainsModel()->chainAt(row).writtenPaths.contains(path))
                return row;
        }
        return -1;
    };
    const LinuxScenarioStory *a = truth.story(QStringLiteral("a"));
    const LinuxScenarioStory *c = truth.story(QStringLiteral("c"));
    const int rowA = rowWriting(a->toolPath);
    QVERIFY(rowA >= 0);
    QVERIFY(window.chainsModel()->chainAt(rowA).isFull());
    QCOMPARE(rowA, 0); // ranked first, selected first
    QCOMPARE(window.currentChainRow(), 0);

    // The process tree names what each process did, and marks the mismatches.
    ProcessTreeModel *tree = window.processTreeModel();
    QVERIFY(tree->rowCount() > 0);
    QStringList roles;
    QList<QModelIndex> stack;
    for (int r = 0; r < tree->rowCount(); ++r)
        stack << tree->index(r, 0);
    int mismatches = 0;
    while (!stack.isEmpty()) {
        const QModelIndex i = stack.takeLast();
        roles << i.siblingAtColumn(ProcessTreeModel::Role).data().toString();
        mismatches += ChainMark(i.data(ChainMarkRole).toInt()) == ChainMark::Mismatch;
        for (int r = 0; r < tree->rowCount(i); ++r)
            stack << tree->index(r, 0, i);
    }
    const QString all = roles.join(u'|');
    QVERIFY2(all.contains(QLatin1String("installer")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("wrote %1").arg(a->toolPath)), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("first run")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("egress to")), qPrintable(all));
    QVERIFY(mismatches >= 2); // the shell child and the egress
    QVERIFY(window.timeline()->pointCount() >= 4);

    // The chain as the Correlator explained it: its verdict in the list, its summary
    // under the tree, its evidence on the timeline in the colour of its mark.
    const Chain &chainA = window.chainsModel()->chainAt(rowA);
    QCOMPARE(chainA.verdict, Verdict::Suspicious);
    QCOMPARE(window.chainsModel()->index(rowA, ChainsModel::Verdict).data().toString(), QStringLiteral("suspicious"));
    const auto labelShows = [&](const QString &text) {
        for (const QLabel *label : window.findChildren<QLabel *>()) {
            if (label->text().contains(text))
                return true;
        }
        return false;
    };
    QVERIFY(!chainA.summary.isEmpty());
    QVERIFY2(labelShows(chainA.summary), qPrintable(chainA.summary));
    QSet<QPair<qint32, int>> flagged;
    for (const Evidence &x : chainA.evidence) {
        if (x.mark() == ChainMark::Mismatch)
            flagged.insert({x.eventIndex, int(x.stage)});
    }
    QVERIFY(!flagged.isEmpty());
    QCOMPARE(window.timeline()->pointCount(TimelineView::PointKind::Mismatch), int(flagged.size()));

    const QString shot = qEnvironmentVariable("CHAINSCOPE_SCREENSHOT");
    if (!shot.isEmpty()) {
        QVERIFY(window.grab().save(shot));
        auto *tabs = window.findChild<QTabWidget *>();
        QVERIFY(tabs);
        tabs->setCurrentWidget(window.timeline());
        QVERIFY(window.grab().save(QString(shot).replace(QLatin1String(".png"), QLatin1String("-timeline.png"))));
        tabs->setCurrentIndex(0);
    }

    // Triage: the near miss is partial; a 4 h window makes it full, in the window too.
    const int rowC = rowWriting(c->toolPath);
    QVERIFY(rowC >= 0);
    QVERIFY(!window.chainsModel()->chainAt(rowC).isFull());
    // Its late egress is drawn as the nearest miss of the missing egress stage.
    window.selectChain(rowC);
    const Chain &chainC = window.chainsModel()->chainAt(rowC);
    QCOMPARE(chainC.missingStages.size(), 1);
    QCOMPARE(chainC.missingStages.first().stage, Stage::Egress);
    QVERIFY(chainC.missingStages.first().nearestEvent >= 0);
    QCOMPARE(window.timeline()->pointCount(TimelineView::PointKind::NearestMiss), 1);
    QVERIFY2(labelShows(chainC.summary), qPrintable(chainC.summary));
    if (!shot.isEmpty()) {
        auto *tabs = window.findChild<QTabWidget *>();
        tabs->setCurrentWidget(window.timeline());
        QVERIFY(window.grab().save(QString(shot).replace(QLatin1String(".png"), QLatin1String("-nearmiss.png"))));
        tabs->setCurrentIndex(0);
    }
    policy = window.caseStore()->policy();
    QVERIFY(policy.applyAssignment(QStringLiteral("TimeWindow=4h"), &error));
    updated.clear();
    window.applyPolicy(policy);
    QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty(), 60000);
    const int rowC2 = rowWriting(c->toolPath);
    QVERIFY(rowC2 >= 0);
    QVERIFY(window.chainsModel()->chainAt(rowC2).isFull());

    // Reports from the window: HTML and PDF.
    const QString html = m_dir.filePath(QStringLiteral("wb-report.html"));
    const QString pdf = m_dir.filePath(QStringLiteral("wb-report.pdf"));
    QVERIFY(window.exportReport(html));
    QVERIFY(window.exportReport(pdf));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    const QByteArray pdfBytes = pdfFile.readAll();
    QVERIFY(pdfBytes.startsWith("%PDF-"));
    QVERIFY(pdfBytes.size() > 2000);
    if (!shot.isEmpty())
        QFile::copy(pdf, QString(shot).replace(QLatin1String(".png"), QLatin1String(".pdf")));

    // One chain's report (File → Export Chain Report, as report --chain): that chain's
    // section and no other.
    window.selectChain(rowC2);
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionExportChain"))->isEnabled());
    const int chainId = window.chainsModel()->chainAt(rowC2).id;
    const QString chainHtml = m_dir.filePath(QStringLiteral("wb-chain.html"));
    QVERIFY(window.exportReport(chainHtml, {chainId}));
    QFile chainFile(chainHtml);
    QVERIFY(chainFile.open(QIODevice::ReadOnly));
    const QString chainPage = QString::fromUtf8(chainFile.readAll());
    for (int r = 0; r < window.chainsModel()->rowCount(); ++r) {
        const int id = window.chainsModel()->chainAt(r).id;
        QCOMPARE(chainPage.contains(QStringLiteral("<h3>Chain %1 \u2014 ").arg(id)), id == chainId);
    }

    // Issue 11, finding 5: on a full disk an export fails, says so, and the report
    // exported before stays whole (QPrinter used to truncate it and write a broken PDF).
    // Room for both earlier reports whatever the PDF's size; the filler takes the rest.
    SmallFileSystem disk(
        m_dir.filePath(QStringLiteral("full-disk")), std::max<qint64>(256 * 1024, 4 * qint64(pdfBytes.size())));
    if (disk.isValid()) {
        for (const QString &name : {QStringLiteral("earlier.pdf"), QStringLiteral("earlier.html")}) {
            const QString target = disk.filePath(name);
            QVERIFY(QFile::copy(pdf, target));
            QVERIFY(disk.fill(QStringLiteral("filler-") + name));
            // The warning is modal: close it once it shows.
            QTimer closer;
            QObject::connect(&closer, &QTimer::timeout, [] {
                if (QWidget *box = QApplication::activeModalWidget())
                    box->close();
            });
            closer.start(50);
            QVERIFY(!window.exportReport(target));
            closer.stop();
            QFile kept(target);
            QVERIFY(kept.open(QIODevice::ReadOnly));
            QCOMPARE(kept.readAll(), pdfBytes);
            QVERIFY(QFile::remove(disk.filePath(QStringLiteral("filler-") + name)));
        }
        QCOMPARE(QDir(disk.path()).entryList(QDir::Files | QDir::Hidden),
            (QStringList {QStringLiteral("earlier.html"), QStringLiteral("earlier.pdf")}));
    }
}

void Tst_workbench::switchingCasesNeverMixesThem()
{
    // Case A: the demo, with chains. Case B: empty.
    const QString evidence = m_dir.filePath(QStringLiteral("switch-demo"));
    const LinuxScenarioResult truth = writeLinuxScenario(evidence, {});
    QVERIFY(truth.error.isEmpty());
    const QString caseA = m_dir.filePath(QStringLiteral("a.chainscope"));
    {
        MainWindow loader;
        QVERIFY(loader.newCase(caseA));
        QSignalSpy imported(&loader, &MainWindow::importFinished);
        loader.importFiles(truth.files);
        QVERIFY(imported.wait(120000));
    }
    MainWindow window;
    QSignalSpy updated(&window, &MainWindow::chainsUpdated);
    // Open A and, before its correlation can report, switch to a new case B.
    QVERIFY(window.openCase(caseA));
    QVERIFY(window.newCase(m_dir.filePath(QStringLiteral("b.chainscope"))));
    QVERIFY(updated.wait(60000));
    QTest::qWait(1000); // let any late result for A arrive
    QCOMPARE(window.chainsModel()->rowCount(), 0);
    QCOMPARE(window.caseStore()->eventCount(), 0);
}

void Tst_workbench::windowsChainAndItsEvtxRecords()
{
    // The 3CX-like story from genuine EVTX files, as the analyst sees it.
    const WindowsScenario scenario = buildWindowsScenario({});
    const QString evidence = m_dir.filePath(QStringLiteral("windows"));
    QVERIFY(QDir().mkpath(evidence));
    const WindowsScenarioFiles files = writeWindowsScenario(evidence, scenario);
    QVERIFY2(files.error.isEmpty(), qPrintable(files.error));
    MainWindow window;
    window.resize(1500, 900);
    QVERIFY(window.newCase(m_dir.filePath(QStringLiteral("windows.chainscope"))));
    window.show();
    QSignalSpy imported(&window, &MainWindow::importFinished);
    QSignalSpy updated(&window, &MainWindow::chainsUpdated);
    window.importFiles(files.files);
    QVERIFY(imported.wait(120000));
    Policy policy = window.caseStore()->policy();
    policy.approvedUpdateHosts = scenario.approvedUpdateHosts;
    policy.approvedSigners = scenario.approvedSigners;
    updated.clear();
    window.applyPolicy(policy);
    QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty() && window.chainsModel()->rowCount() >= 3, 60000);

    const WindowsScenarioStory *a = scenario.story(QStringLiteral("a"));
    int row = -1;
    for (int r = 0; r < window.chainsModel()->rowCount(); ++r) {
        if (window.chainsModel()->chainAt(r).writtenPaths == a->written)
            row = r;
    }
    QVERIFY(row >= 0);
    window.selectChain(row);
    QVERIFY(window.chainsModel()->chainAt(row).isFull());
    const Chain &chain = window.chainsModel()->chainAt(row);
    QCOMPARE(chain.verdict, Verdict::Suspicious);
    bool summaryShown = false;
    for (const QLabel *label : window.findChildren<QLabel *>())
        summaryShown = summaryShown || (!chain.summary.isEmpty() && label->text().contains(chain.summary));
    QVERIFY2(summaryShown, qPrintable(chain.summary));

    // The tree shows the unsigned DLL load on the app itself, marked as a mismatch.
    ProcessTreeModel *tree = window.processTreeModel();
    QList<QModelIndex> stack;
    for (int r = 0; r < tree->rowCount(); ++r)
        stack << tree->index(r, 0);
    bool unsignedLoadMarked = false;
    QStringList roles;
    while (!stack.isEmpty()) {
        const QModelIndex i = stack.takeLast();
        const QString role = i.siblingAtColumn(ProcessTreeModel::Role).data().toString();
        roles << role;
        if (role.contains(QStringLiteral("loaded %1").arg(a->unsignedModule))
            && ChainMark(i.data(ChainMarkRole).toInt()) == ChainMark::Mismatch)
            unsignedLoadMarked = true;
        for (int r = 0; r < tree->rowCount(i); ++r)
            stack << tree->index(r, 0, i);
    }
    QVERIFY2(unsignedLoadMarked, qPrintable(roles.join(u'|')));

    // An EVTX event's raw record is its XML, rendered from the stored chunk.
    EventsTableView *eventsView = window.eventsPanel()->view();
    auto *model = window.eventsPanel()->model();
    int loadRow = -1;
    for (int r = 0; r < model->rowCount() && loadRow < 0; ++r) {
        if (model->eventAt(r).kind == EventKind::ModuleLoad && model->eventAt(r).targetPath == a->unsignedModule)
            loadRow = r;
    }
    QVERIFY(loadRow >= 0);
    eventsView->setCurrentIndex(eventsView->showCaseRow(loadRow));
    auto *raw = window.findChild<RawRecordView *>();
    QVERIFY(raw->toPlainText().startsWith(QLatin1String("<Event")));
    QVERIFY(raw->toPlainText().contains(QLatin1String("<Data Name=\"ImageLoaded\">")));
    QCOMPARE(raw->definitionName(), QStringLiteral("XML"));

    const QString shot = qEnvironmentVariable("CHAINSCOPE_SCREENSHOT");
    if (!shot.isEmpty())
        QVERIFY(window.grab().save(QString(shot).replace(QLatin1String(".png"), QLatin1String("-windows.png"))));
}

// One case with a Linux server, Windows machines and a Mac (issue 13): the chains of
// every host are listed together, each under its host.
void Tst_workbench::threePlatformsSideBySide()
{
    const QString evidence = m_dir.filePath(QStringLiteral("three"));
    QVERIFY(QDir().mkpath(evidence));
    const LinuxScenarioResult linuxDemo = writeLinuxScenario(evidence, {});
    QVERIFY2(linuxDemo.error.isEmpty(), qPrintable(linuxDemo.error));
    const WindowsScenario windowsDemo = buildWindowsScenario({});
    const WindowsScenarioFiles windowsFiles = writeWindowsScenario(evidence, windowsDemo);
    QVERIFY2(windowsFiles.error.isEmpty(), qPrintable(windowsFiles.error));
    const MacScenario macDemo = buildMacScenario({});
    const MacScenarioFiles macFiles = writeMacScenario(evidence, macDemo);
    QVERIFY2(macFiles.error.isEmpty(), qPrintable(macFiles.error));

    MainWindow window;
    window.resize(1500, 900);
    QVERIFY(window.newCase(m_dir.filePath(QStringLiteral("three.chainscope"))));
    window.show();
    QSignalSpy imported(&window, &MainWindow::importFinished);
    QSignalSpy updated(&window, &MainWindow::chainsUpdated);
    // The whole folder, as an analyst drops a collection.
    window.importFiles({evidence});
    QVERIFY(imported.wait(180000));
    Policy policy = window.caseStore()->policy();
    policy.approvedUpdateHosts
        = linuxDemo.approvedUpdateHosts + windowsDemo.approvedUpdateHosts + macDemo.approvedUpdateHosts;
    policy.approvedSigners = windowsDemo.approvedSigners;
    policy.allowedTeamIds = macDemo.allowedTeamIds;
    updated.clear();
    window.applyPolicy(policy);
    QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty() && window.chainsModel()->rowCount() > 0, 60000);

    QSet<int> platforms;
    QSet<QString> hosts;
    for (int r = 0; r < window.chainsModel()->rowCount(); ++r) {
        const Chain &c = window.chainsModel()->chainAt(r);
        platforms.insert(int(c.platform));
        hosts.insert(c.host);
        // Each row shows its chain's host.
        QCOMPARE(window.chainsModel()->index(r, ChainsModel::Host).data().toString(), c.host);
    }
    QCOMPARE(platforms, (QSet<int> {int(Platform::Linux), int(Platform::Windows), int(Platform::MacOS)}));
    // The Mac's eslogger and unified log name no host: they get the only macOS host.
    QVERIFY2(hosts.contains(macDemo.hostShort), qPrintable(QStringList(hosts.cbegin(), hosts.cend()).join(u',')));
    QVERIFY(!hosts.contains(QString()));

    // The report the window exports lists the same chains in its overview, each with
    // its host and platform.
    const QString report = m_dir.filePath(QStringLiteral("three.html"));
    QVERIFY(window.exportReport(report));
    QFile html(report);
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(html.readAll());
    for (int r = 0; r < window.chainsModel()->rowCount(); ++r) {
        const Chain &c = window.chainsModel()->chainAt(r);
        const QString row = QStringLiteral("<td>%1</td><td>%2</td><td class=\"num\">%3</td>")
                                .arg(HtmlReport::escape(c.host), platformName(c.platform))
                                .arg(c.id);
        QVERIFY2(text.contains(row), qPrintable(row));
    }

    const QString shot = qEnvironmentVariable("CHAINSCOPE_SCREENSHOT");
    if (!shot.isEmpty())
        QVERIFY(window.grab().save(QString(shot).replace(QLatin1String(".png"), QLatin1String("-three.png"))));
}

// Case → Verify (issue 11, finding 13): runs off the GUI thread and shows what differs,
// here one raw record changed behind the case's back.
void Tst_workbench::verifyShowsWhatDiffers()
{
    const QString log = m_dir.filePath(QStringLiteral("verify-dpkg.log"));
    {
        QFile f(log);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 5; ++i)
            f.write(QStringLiteral("2024-01-02 03:0%1:00 status installed pkg%1:amd64 1.%1\n").arg(i).toLatin1());
    }
    MainWindow window;
    QVERIFY(window.newCase(m_dir.filePath(QStringLiteral("verify.chainscope"))));
    window.show();
    QSignalSpy imported(&window, &MainWindow::importFinished);
    window.importFiles({log});
    QVERIFY(imported.wait(60000));
    qint64 rawId = -1;
    {
        Statement pick(window.caseStore()->database(), "SELECT id, data FROM raw_records ORDER BY id LIMIT 1 OFFSET 2");
        QVERIFY(pick.step());
        rawId = pick.int64(0);
        QByteArray data = pick.blob(1);
        pick.reset();
        data[0] = char(data.at(0) ^ 0x01);
        Statement damage(window.caseStore()->database(), "UPDATE raw_records SET data = ? WHERE id = ?");
        damage.bindBlob(1, data).bind(2, rawId).exec();
    }

    QString headline;
    QStringList rows;
    connect(&window, &MainWindow::verificationShown, this, [&](QDialog *dialog) {
        auto *d = qobject_cast<VerificationDialog *>(dialog);
        QVERIFY(d);
        headline = d->headline()->text();
        for (QTreeWidgetItemIterator it(d->details()); *it; ++it)
            rows << (*it)->text(0) + QStringLiteral(" | ") + (*it)->text(1);
        const QString shot = qEnvironmentVariable("CHAINSCOPE_VERIFY_SCREENSHOT");
        if (!shot.isEmpty())
            QVERIFY(d->grab().save(shot));
        d->reject();
    });
    QSignalSpy shown(&window, &MainWindow::verificationShown);
    window.verifyCase();
    QVERIFY(window.isVerifying());
    QVERIFY(shown.wait(60000));
    QTRY_VERIFY(!window.isVerifying());
    QVERIFY2(headline.startsWith(QLatin1String("differs: 1 raw record(s) changed or damaged")), qPrintable(headline));
    const QString row = rows.filter(QStringLiteral("raw record %1 ").arg(rawId)).value(0);
    QVERIFY2(row.contains(QLatin1String("SHA-256 differs")), qPrintable(rows.join(u'\n')));
}

// The demo evidence (Linux and Windows) imported and correlated under the demo site's
// policy, as `chainscope-cli demo` writes it: suspicious, incomplete and approved
// chains. Built once.
const QList<Chain> &Tst_workbench::demoChains()
{
    if (!m_demoChains.isEmpty())
        return m_demoChains;
    const QString evidence = m_dir.filePath(QStringLiteral("proxy-demo"));
    const LinuxScenarioResult linuxDemo = writeLinuxScenario(evidence, {});
    if (!linuxDemo.error.isEmpty())
        qFatal("Linux demo evidence: %s", qPrintable(linuxDemo.error));
    const WindowsScenario windowsDemo = buildWindowsScenario({});
    const WindowsScenarioFiles windowsFiles = writeWindowsScenario(evidence, windowsDemo);
    if (!windowsFiles.error.isEmpty())
        qFatal("Windows demo evidence: %s", qPrintable(windowsFiles.error));
    auto store = CaseStore::create(m_dir.filePath(QStringLiteral("proxy-demo.chainscope")));
    QList<ImportResult> results;
    for (const QString &file : linuxDemo.files + windowsFiles.files)
        results.append(importFile(*store, builtinFormats(), file, {}));
    assignSoleHost(*store, results);
    Policy policy = store->policy();
    QString error;
    if (!policy.setList(QStringLiteral("ApprovedUpdateHosts"),
            linuxDemo.approvedUpdateHosts + windowsDemo.approvedUpdateHosts, false, &error)
        || !policy.setList(QStringLiteral("ApprovedSigners"), windowsDemo.approvedSigners, false, &error))
        qFatal("policy: %s", qPrintable(error));
    CaseIndex index;
    if (!index.load(*store))
        qFatal("the demo case does not load");
    m_demoChains = Correlator(index).run(policy);
    return m_demoChains;
}

void Tst_workbench::chainMarkProxyColoursTheVerdicts_data()
{
    // What ChainMarkProxy adds over the model's ChainMarkRole (an invalid colour: no
    // brush, the view's default).
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<QColor>("background");
    QTest::addColumn<QColor>("foreground");
    QTest::addColumn<bool>("bold");
    // Tints of the Okabe-Ito colours; the icons carry the shapes (tst_evidenceviews).
    QTest::newRow("suspicious: vermillion tint, dark text, bold")
        << Verdict::Suspicious << QColor(0xfb, 0xe2, 0xd0) << QColor(0x8a, 0x3d, 0x00) << true;
    QTest::newRow("incomplete: orange tint") << Verdict::Incomplete << QColor(0xfd, 0xf0, 0xd2) << QColor() << false;
    QTest::newRow("approved: bluish-green tint") << Verdict::Approved << QColor(0xd6, 0xf0, 0xe8) << QColor() << false;
}

void Tst_workbench::chainMarkProxyColoursTheVerdicts()
{
    QFETCH(Verdict, verdict);
    QFETCH(QColor, background);
    QFETCH(QColor, foreground);
    QFETCH(bool, bold);
    const QList<Chain> &chains = demoChains();

    ChainsModel model;
    ChainMarkProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    model.setChains(chains);
    QCOMPARE(proxy.rowCount(), chains.size());
    QCOMPARE(proxy.columnCount(), model.columnCount());

    int rows = 0;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        if (model.chainAt(row).verdict != verdict)
            continue;
        ++rows;
        for (int column = 0; column < proxy.columnCount(); ++column) {
            const QModelIndex shown = proxy.index(row, column);
            const QModelIndex source = model.index(row, column);
            QCOMPARE(proxy.mapToSource(shown), source);
            // What the model says passes through unchanged.
            for (const int role :
                {int(Qt::DisplayRole), int(Qt::ToolTipRole), ChainMarkRole, int(ChainsModel::ChainIndexRole)})
                QCOMPARE(shown.data(role), source.data(role));
            // The colours and the font are the proxy's.
            const QVariant back = shown.data(Qt::BackgroundRole);
            QCOMPARE(back.isValid(), background.isValid());
            if (background.isValid())
                QCOMPARE(back.value<QBrush>().color(), background);
            const QVariant fore = shown.data(Qt::ForegroundRole);
            QCOMPARE(fore.isValid(), foreground.isValid());
            if (foreground.isValid())
                QCOMPARE(fore.value<QBrush>().color(), foreground);
            const QVariant font = shown.data(Qt::FontRole);
            QCOMPARE(font.isValid(), bold);
            if (bold)
                QVERIFY(font.value<QFont>().bold());
        }
    }
    QVERIFY2(rows > 0, "the demo case has no chain with this verdict");

    // Resets and removals reach the views through the proxy (the tester checks them).
    model.setChains(chains.mid(0, 1));
    QCOMPARE(proxy.rowCount(), 1);
    model.setChains({});
    QCOMPARE(proxy.rowCount(), 0);
}

QString Tst_workbench::linuxDemoCase(const QString &name)
{
    if (m_linuxDemoCase.isEmpty()) {
        const QString evidence = m_dir.filePath(QStringLiteral("window-demo"));
        const LinuxScenarioResult truth = writeLinuxScenario(evidence, {});
        if (!truth.error.isEmpty())
            qFatal("Linux demo evidence: %s", qPrintable(truth.error));
        const QString path = m_dir.filePath(QStringLiteral("window-demo.chainscope"));
        MainWindow loader;
        if (!loader.newCase(path))
            qFatal("cannot create %s", qPrintable(path));
        QSignalSpy imported(&loader, &MainWindow::importFinished);
        loader.importFiles(truth.files);
        if (!imported.wait(120000))
            qFatal("the demo import did not finish");
        // The correlation reads the case on a connection of its own: once it is done,
        // the window's own connection is the last to close and folds the WAL back into
        // the file that is copied below.
        QElapsedTimer clock;
        clock.start();
        while (loader.isCorrelating() && clock.elapsed() < 60000)
            QTest::qWait(20);
        m_linuxDemoCase = path;
    }
    const QString copy = m_dir.filePath(name + QStringLiteral(".chainscope"));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile::remove(copy + suffix);
        if (QFile::exists(m_linuxDemoCase + suffix) && !QFile::copy(m_linuxDemoCase + suffix, copy + suffix))
            qFatal("cannot copy the demo case");
    }
    return copy;
}

namespace {
QAction *actionNamed(const MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QLatin1String(name));
}

QString statusSummary(const MainWindow &window)
{
    return window.findChild<QLabel *>(QStringLiteral("statusSummary"))->text();
}

// Waits for the chains of the policy the window asked for, and for correlating to end.
bool waitForChains(MainWindow &window, QSignalSpy &updated, int timeoutMs = 60000)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        if (!updated.isEmpty() && !window.isCorrelating())
            return true;
        QTest::qWait(20);
    }
    return false;
}

// The case's policy with `assignment` applied, applied in the window: true once its
// chains are in; false when the assignment is refused or no chains come.
bool changePolicy(MainWindow &window, QSignalSpy &updated, const QString &assignment)
{
    Policy policy = window.caseStore()->policy();
    QString error;
    if (!policy.applyAssignment(assignment, &error))
        return false;
    updated.clear();
    window.applyPolicy(policy);
    return waitForChains(window, updated);
}
} // namespace

void Tst_workbench::settingsAreRestored()
{
    QSettings().clear();
    int chainsColumnWidth = 0;
    QList<int> mainSizes;
    const QString path = linuxDemoCase(QStringLiteral("settings"));
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(760, 540);
        window.move(12, 20);
        QSignalSpy updated(&window, &MainWindow::chainsUpdated);
        QVERIFY(window.openCase(path));
        QVERIFY(waitForChains(window, updated));
        window.tabs()->setCurrentIndex(MainWindow::EventsTab);
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        QVERIFY(splitter);
        splitter->setSizes({200, 500});
        mainSizes = splitter->sizes();
        auto *chains = window.findChild<QTableView *>(QStringLiteral("chainsView"));
        // Host, not Installer: Installer is the last column and stretches to the edge.
        chains->horizontalHeader()->resizeSection(ChainsModel::Host, 123);
        chainsColumnWidth = chains->horizontalHeader()->sectionSize(ChainsModel::Host);
        QCOMPARE(chainsColumnWidth, 123);
        window.close(); // saves
    }
    QVERIFY(QFile::exists(QSettings().fileName()));
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.size(), QSize(760, 540));
        QCOMPARE(window.tabs()->currentIndex(), int(MainWindow::EventsTab));
        auto *chains = window.findChild<QTableView *>(QStringLiteral("chainsView"));
        QCOMPARE(chains->horizontalHeader()->sectionSize(ChainsModel::Host), chainsColumnWidth);
        // The analyst's width survives the chains arriving (content no longer sizes it).
        QSignalSpy updated(&window, &MainWindow::chainsUpdated);
        QVERIFY(window.openCase(path));
        QVERIFY(waitForChains(window, updated));
        QVERIFY(window.chainsModel()->rowCount() > 0);
        QTRY_COMPARE(window.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes(), mainSizes);
        QCOMPARE(chains->horizontalHeader()->sectionSize(ChainsModel::Host), chainsColumnWidth);

        // View → Reset Layout forgets it all.
        actionNamed(window, "actionResetLayout")->trigger();
        QCOMPARE(window.tabs()->currentIndex(), int(MainWindow::ProcessTreeTab));
        QVERIFY(!QSettings().childGroups().contains(QStringLiteral("MainWindow")));
        QVERIFY(chains->horizontalHeader()->sectionSize(ChainsModel::Host) != chainsColumnWidth);
        window.closeCase();
    }
    QSettings().clear();
}

void Tst_workbench::emptyStatesDisableActions()
{
    MainWindow window;
    window.resize(1000, 640);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QList<const char *> needCase = {"actionCloseCase", "actionImport", "actionImportFolder", "actionExport",
        "actionPolicy", "actionVerify", "actionFind", "actionTimeZone", "actionNextChain", "actionPreviousChain",
        "actionNextStage", "actionPreviousStage", "actionExportHunt"};
    const auto enabled = [&](const char *name) {
        QAction *a = actionNamed(window, name);
        if (!a)
            qFatal("no action %s", name);
        return a->isEnabled();
    };

    // No case: a page that says what to do, with the actions that do it.
    QCOMPARE(window.currentPage(), MainWindow::Page::NoCase);
    auto *title = window.findChild<QLabel *>(QStringLiteral("noCasePageTitle"));
    QVERIFY(title && title->isVisible());
    QCOMPARE(title->text(), QStringLiteral("Create or open a case, then import or drop logs"));
    QVERIFY(enabled("actionNewCase"));
    QVERIFY(enabled("actionOpenCase"));
    for (const char *name : needCase)
        QVERIFY2(!enabled(name), name);
    QCOMPARE(statusSummary(window), QStringLiteral("No case open"));
    QVERIFY(window.grab().save(QStringLiteral("/tmp/window-nocase.png")));

    // A case without events: import, and little else.
    QSignalSpy updated(&window, &MainWindow::chainsUpdated);
    QVERIFY(window.newCase(m_dir.filePath(QStringLiteral("empty-state.chainscope"))));
    QCOMPARE(window.currentPage(), MainWindow::Page::EmptyCase);
    QVERIFY(waitForChains(window, updated));
    auto *emptyTitle = window.findChild<QLabel *>(QStringLiteral("emptyCasePageTitle"));
    QVERIFY(emptyTitle && emptyTitle->isVisible());
    QCOMPARE(emptyTitle->text(), QStringLiteral("Import logs or drop files here"));
    for (const char *name :
        {"actionCloseCase", "actionImport", "actionImportFolder", "actionPolicy", "actionVerify", "actionTimeZone",
            // The hunt comes from the policy alone: the empty case already has one.
            "actionExportHunt"})
        QVERIFY2(enabled(name), name);
    for (const char *name : {"actionExport", "actionFind", "actionNextChain", "actionPreviousChain", "actionNextStage",
             "actionPreviousStage"})
        QVERIFY2(!enabled(name), name);
    QVERIFY(window.grab().save(QStringLiteral("/tmp/window-emptycase.png")));

    // A case with events and chains: everything applies.
    QVERIFY(window.openCase(linuxDemoCase(QStringLiteral("empty-state-demo"))));
    QCOMPARE(window.currentPage(), MainWindow::Page::Workbench);
    updated.clear();
    QVERIFY(waitForChains(window, updated));
    for (const char *name : needCase)
        QVERIFY2(enabled(name), name);
    window.resize(1500, 900);
    QVERIFY(window.grab().save(QStringLiteral("/tmp/window-case.png")));

    // Close Case: back to the first page, nothing of the case left.
    actionNamed(window, "actionCloseCase")->trigger();
    QVERIFY(!window.caseStore());
    QCOMPARE(window.currentPage(), MainWindow::Page::NoCase);
    QCOMPARE(window.chainsModel()->rowCount(), 0);
    QCOMPARE(window.windowTitle(), QStringLiteral("Chainscope"));
    for (const char *name : needCase)
        QVERIFY2(!enabled(name), name);
    QCOMPARE(statusSummary(window), QStringLiteral("No case open"));
}

void Tst_workbench::menusShortcutsAndLanguage()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The menus the analyst looks for, in order.
    QStringList menus;
    for (QAction *a : window.menuBar()->actions())
        menus << a->text().remove(u'&');
    QCOMPARE(menus,
        (QStringList {QStringLiteral("File"), QStringLiteral("Edit"), QStringLiteral("View"),
            QStringLiteral("Analysis"), QStringLiteral("Help")}));
    const QList<QPair<const char *, QKeySequence>> keys = {{"actionNextChain", QKeySequence(Qt::Key_F8)},
        {"actionPreviousChain", QKeySequence(Qt::SHIFT | Qt::Key_F8)}, {"actionNextStage", QKeySequence(Qt::Key_F7)},
        {"actionPreviousStage", QKeySequence(Qt::SHIFT | Qt::Key_F7)}, {"actionFind", QKeySequence::Find},
        {"actionCloseCase", QKeySequence::Close}};
    for (const auto &[name, key] : keys)
        QCOMPARE(actionNamed(window, name)->shortcut(), key);

    // Help → Keyboard Shortcuts lists what the keys do, from the actions themselves.
    actionNamed(window, "actionShortcuts")->trigger();
    auto *table = window.findChild<QTableWidget *>(QStringLiteral("shortcutsTable"));
    QVERIFY(table);
    QStringList rows;
    for (int r = 0; r < table->rowCount(); ++r)
        rows << table->item(r, 0)->text() + QStringLiteral(" = ") + table->item(r, 1)->text();
    const QString all = rows.join(u'\n');
    QVERIFY2(all.contains(QStringLiteral("Analysis → Next Stage = F7")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("Analysis → Previous Chain = Shift+F8")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("Edit → Find = Ctrl+F")), qPrintable(all));
    table->window()->close();

    // Edit → Find shows the Events tab.
    QSignalSpy find(&window, &MainWindow::findRequested);
    QVERIFY(window.openCase(linuxDemoCase(QStringLiteral("find"))));
    actionNamed(window, "actionFind")->trigger();
    QCOMPARE(find.size(), 1);
    QCOMPARE(window.tabs()->currentIndex(), int(MainWindow::EventsTab));

    // View → Language: kept for the next start, and the window says so.
    QSettings().remove(QStringLiteral("language"));
    QCOMPARE(languageSetting(), QString());
    actionNamed(window, "actionLanguage_de")->trigger();
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("de"));
    QCOMPARE(languageSetting(), QStringLiteral("de"));
    QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("next start")),
        qPrintable(window.statusBar()->currentMessage()));
    QCOMPARE(uiLocale(languageSetting()).language(), QLocale::German);
    QCOMPARE(uiLocale(QStringLiteral("ja")).language(), QLocale::Japanese);
    QCOMPARE(uiLocale(QString()), QLocale::system());
    {
        MainWindow next;
        QVERIFY(actionNamed(next, "actionLanguage_de")->isChecked());
    }
    actionNamed(window, "actionLanguage_system")->trigger();
    QVERIFY(!QSettings().contains(QStringLiteral("language")));
    // A stored code no longer offered falls back to the system's language.
    QSettings().setValue(QStringLiteral("language"), QStringLiteral("xx"));
    QCOMPARE(languageSetting(), QString());
    QSettings().remove(QStringLiteral("language"));
}

// Logs dropped on a window without a case are refused (the page says to make one
// first); a case file dropped there opens.
void Tst_workbench::droppingWithoutACase()
{
    MainWindow window;
    window.show();
    QMimeData logs;
    logs.setUrls({QUrl::fromLocalFile(corpusPath(QStringLiteral("linux/dpkg_tiny_mixed.log")))});
    QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &logs, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &refused);
    QVERIFY(!refused.isAccepted());

    const QString path = linuxDemoCase(QStringLiteral("dropped-case"));
    QMimeData caseFile;
    caseFile.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &caseFile, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &caseFile, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QTRY_VERIFY(window.caseStore());
    QCOMPARE(window.caseStore()->path(), path);
    QCOMPARE(window.currentPage(), MainWindow::Page::Workbench);
}

void Tst_workbench::statusBarLeavesCorrelating()
{
    MainWindow window;
    window.show();
    QSignalSpy updated(&window, &MainWindow::chainsUpdated);
    QVERIFY(window.openCase(linuxDemoCase(QStringLiteral("status"))));
    // Asked for and not yet there: the window says it is correlating.
    QVERIFY(window.isCorrelating());
    QVERIFY2(statusSummary(window).contains(QStringLiteral("correlating…")), qPrintable(statusSummary(window)));
    QVERIFY(!actionNamed(window, "actionExport")->isEnabled());
    QVERIFY(updated.wait(60000));
    // The chains came: the counts replace "correlating" (once the worker is idle).
    QTRY_VERIFY_WITH_TIMEOUT(!window.isCorrelating(), 5000);
    const QString text = statusSummary(window);
    QVERIFY2(!text.contains(QLatin1String("correlating")), qPrintable(text));
    int suspicious = 0;
    for (const Chain &c : window.chainsModel()->chains())
        suspicious += c.verdict == Verdict::Suspicious;
    QVERIFY(window.chainsModel()->rowCount() > 0);
    // Untranslated plurals read "event(s)"; a translation says it properly.
    const QString expected = QStringLiteral("%1 event(s) · %2 source(s)")
                                 .arg(window.caseStore()->eventCount())
                                 .arg(window.caseStore()->sources().size());
    QVERIFY2(text.startsWith(expected), qPrintable(text));
    QVERIFY2(text.contains(
                 QStringLiteral("%1 chain(s) (%2 suspicious)").arg(window.chainsModel()->rowCount()).arg(suspicious)),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("policy v%1").arg(window.caseStore()->policy().version)), qPrintable(text));
    QCOMPARE(
        window.findChild<QToolButton *>(QStringLiteral("statusTimeZone"))->text(), QStringLiteral("Time zone: UTC"));
    QVERIFY(actionNamed(window, "actionExport")->isEnabled());

    // A policy change: correlating while it runs, the new version once it is done.
    Policy policy = window.caseStore()->policy();
    QString error;
    QVERIFY(policy.applyAssignment(QStringLiteral("TimeWindow=4h"), &error));
    updated.clear();
    window.applyPolicy(policy);
    QVERIFY(statusSummary(window).contains(QStringLiteral("correlating…")));
    QVERIFY(waitForChains(window, updated));
    QVERIFY2(!statusSummary(window).contains(QLatin1String("correlating")), qPrintable(statusSummary(window)));
    QVERIFY2(statusSummary(window).contains(QStringLiteral("policy v%1").arg(window.caseStore()->policy().version)),
        qPrintable(statusSummary(window)));
}

// Chains the case kept are shown with what a policy change will read (issue 15): the
// case's stored index when it holds a current one, else every event.
void Tst_workbench::keptChainsSayWhatAPolicyChangeReads()
{
    const QString path = linuxDemoCase(QStringLiteral("kept-status"));
    const auto storedIndexIsCurrent = [&] {
        auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
        return StoredIndex::isCurrent(*store);
    };
    {
        // A policy change without a stored index computes from every event, keeps the
        // chains and then stores the index.
        MainWindow window;
        QSignalSpy updated(&window, &MainWindow::chainsUpdated);
        QVERIFY(window.openCase(path));
        QVERIFY(waitForChains(window, updated));
        window.caseStore()->dropStoredIndex();
        QVERIFY(changePolicy(window, updated, QStringLiteral("TimeWindow=3h")));
        QVERIFY2(window.statusBar()->currentMessage().startsWith(QLatin1String("Chains computed")),
            qPrintable(window.statusBar()->currentMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(storedIndexIsCurrent(), 30000);
    }
    const auto keptMessage = [&] {
        MainWindow window;
        QSignalSpy updated(&window, &MainWindow::chainsUpdated);
        if (!window.openCase(path) || !waitForChains(window, updated))
            return QStringLiteral("no chains");
        return window.statusBar()->currentMessage();
    };
    QString message = keptMessage();
    QVERIFY2(message.contains(QLatin1String("as the case kept them")), qPrintable(message));
    QVERIFY2(message.endsWith(QLatin1String("from the case's stored index")), qPrintable(message));
    CaseStore::open(path)->dropStoredIndex();
    QVERIFY(!storedIndexIsCurrent());
    message = keptMessage();
    QVERIFY2(message.contains(QLatin1String("as the case kept them")), qPrintable(message));
    QVERIFY2(message.endsWith(QLatin1String("from every event")), qPrintable(message));
    // A stored index whose state cannot be read (a hostile hand dropped it) is none: the
    // window says so instead of ending.
    CaseStore::open(path)->database().exec("DROP TABLE ix_state");
    message = keptMessage();
    QVERIFY2(message.endsWith(QLatin1String("from every event")), qPrintable(message));
    QThreadPool::globalInstance()->waitForDone();
}

// An import into a case with a stored index: the window's next computation writes again
// only the parts of the hosts the import's events are on (the others keep their rows,
// here seen by a mark in their headers that a whole write would not keep), and its
// chains are those of the whole index.
void Tst_workbench::importWritesTheStoredIndexOfItsHostsOnly()
{
    const QString path = linuxDemoCase(QStringLiteral("update-parts"));
    {
        auto store = CaseStore::open(path);
        if (!StoredIndex::isCurrent(*store)) {
            CaseIndex whole;
            QVERIFY(whole.load(*store));
            QVERIFY(StoredIndex::write(*store, whole, store->eventsGeneration()));
        }
        QVERIFY(StoredIndex::isCurrent(*store));
        store->database().exec("UPDATE ix_parts SET header = json_set(header, '$.mark', 1)");
    }
    const auto marked = [&] {
        auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
        QStringList parts;
        Statement st(store->database(), "SELECT part FROM ix_parts WHERE json_extract(header, '$.mark') = 1");
        while (st.step())
            parts.append(st.text(0));
        return parts;
    };
    const QStringList before = marked();
    QVERIFY(!before.isEmpty());
    MainWindow window;
    QSignalSpy updated(&window, &MainWindow::chainsUpdated);
    QVERIFY(window.openCase(path));
    QVERIFY(waitForChains(window, updated));
    // Windows events of a host of their own.
    QSignalSpy done(&window, &MainWindow::importFinished);
    updated.clear();
    window.importFiles({corpusPath(QStringLiteral("windows/system_windowsupdateclient_services.evtx"))});
    QVERIFY(done.wait(60000));
    QVERIFY(waitForChains(window, updated));
    const auto current = [&] {
        auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
        return StoredIndex::isCurrent(*store);
    };
    QTRY_VERIFY_WITH_TIMEOUT(current(), 30000);
    QCOMPARE(marked(), before);
    auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
    QVERIFY(store->indexParts().size() > before.size());
    CaseIndex whole;
    QVERIFY(whole.load(*store));
    const QList<Chain> chains = Correlator(whole).run(store->policy());
    const std::optional<ChainSnapshot> stored = StoredIndex::compute(*store, store->policy());
    QVERIFY(stored);
    QCOMPARE(stored->toBytes(), ChainSnapshot::of(whole, chains).toBytes());
    QCOMPARE(window.chainsModel()->rowCount(), chains.size());
    QThreadPool::globalInstance()->waitForDone();
}

void Tst_workbench::timeZoneIsKeptPerCase()
{
    const QString caseA = linuxDemoCase(QStringLiteral("zone-a"));
    const QString caseB = linuxDemoCase(QStringLiteral("zone-b"));
    {
        MainWindow window;
        window.show();
        QSignalSpy zoneChanged(&window, &MainWindow::displayTimeZoneChanged);
        QSignalSpy updated(&window, &MainWindow::chainsUpdated);
        QVERIFY(window.openCase(caseA));
        QVERIFY(waitForChains(window, updated));
        QCOMPARE(window.displayTimeZone().id(), QByteArray("UTC"));
        QCOMPARE(zoneChanged.size(), 0);
        // The chain summary names the install time in the display zone.
        auto *details = window.summaryPanel()->findChild<QLabel *>(QStringLiteral("verdictText"));
        QVERIFY(details);
        const qint64 installUs = window.chainsModel()->chainAt(window.currentChainRow()).startUs;
        QVERIFY2(details->text().contains(formatTimeUs(installUs, QTimeZone::utc())), qPrintable(details->text()));

        // Through View → Display Time Zone: what names no zone leaves OK disabled.
        bool sawInvalid = false;
        connect(&window, &MainWindow::timeZoneDialogShown, this, [&](QDialog *dialog) {
            auto *d = qobject_cast<TimeZoneDialog *>(dialog);
            QVERIFY(d);
            QVERIFY(d->okButton()->isEnabled()); // UTC
            d->box()->setCurrentText(QStringLiteral("Mars/Olympus_Mons"));
            sawInvalid = !d->okButton()->isEnabled();
            d->box()->setCurrentText(QStringLiteral("Europe/Ber")); // half typed
            sawInvalid = sawInvalid && !d->okButton()->isEnabled();
            d->box()->setCurrentText(QString());
            sawInvalid = sawInvalid && !d->okButton()->isEnabled();
            d->box()->setCurrentText(QStringLiteral("asia/tokyo")); // case does not matter
            QVERIFY(d->okButton()->isEnabled());
            d->grab().save(QStringLiteral("/tmp/window-timezone.png"));
            d->accept();
        });
        actionNamed(window, "actionTimeZone")->trigger();
        QVERIFY(sawInvalid);
        QCOMPARE(window.displayTimeZone().id(), QByteArray("Asia/Tokyo"));
        QCOMPARE(zoneChanged.size(), 1);
        QCOMPARE(zoneChanged.first().first().value<QTimeZone>().id(), QByteArray("Asia/Tokyo"));
        QCOMPARE(window.caseStore()->meta(QStringLiteral("display_time_zone")).value_or(QString()),
            QStringLiteral("Asia/Tokyo"));
        QCOMPARE(window.findChild<QToolButton *>(QStringLiteral("statusTimeZone"))->text(),
            QStringLiteral("Time zone: Asia/Tokyo"));
        // The window's own times follow: the install time in the chain's line.
        const Chain &chain = window.chainsModel()->chainAt(window.currentChainRow());
        QVERIFY2(details->text().contains(formatTimeUs(chain.startUs, QTimeZone("Asia/Tokyo"))),
            qPrintable(details->text()));
        QVERIFY(details->text().contains(QLatin1String("+09:00")));
        // And every other view that shows a time: the chains list, the tree, the
        // Events tab (its rows and its range edits).
        const auto shownIn = [](const QAbstractItemModel *model, int column) {
            return model->index(0, column).data().toString();
        };
        QVERIFY2(shownIn(window.chainsModel(), ChainsModel::Start).contains(QLatin1String("+09:00")),
            qPrintable(shownIn(window.chainsModel(), ChainsModel::Start)));
        QVERIFY(shownIn(window.processTreeModel(), ProcessTreeModel::Start).contains(QLatin1String("+09:00")));
        EventsModel *events = window.eventsPanel()->model();
        QCOMPARE(shownIn(events, EventsModel::Time), formatTimeUs(events->eventAt(0).timeUs, QTimeZone("Asia/Tokyo")));

        // Another case has its own zone (UTC: it never chose one).
        QVERIFY(window.openCase(caseB));
        QCOMPARE(window.displayTimeZone().id(), QByteArray("UTC"));
        QCOMPARE(zoneChanged.size(), 2);
        QCOMPARE(zoneChanged.last().first().value<QTimeZone>().id(), QByteArray("UTC"));
        // Back to A: its zone again.
        QVERIFY(window.openCase(caseA));
        QCOMPARE(window.displayTimeZone().id(), QByteArray("Asia/Tokyo"));
        QCOMPARE(zoneChanged.size(), 3);
    }
    // And in a window started afresh.
    MainWindow window;
    QVERIFY(window.openCase(caseA));
    QCOMPARE(window.displayTimeZone().id(), QByteArray("Asia/Tokyo"));
    // A zone this system does not know falls back to UTC (the case keeps its choice).
    window.caseStore()->setMeta(QStringLiteral("display_time_zone"), QStringLiteral("Nowhere/Atlantis"));
    QVERIFY(window.openCase(caseB));
    QVERIFY(window.openCase(caseA));
    QCOMPARE(window.displayTimeZone().id(), QByteArray("UTC"));
    // An invalid zone is refused.
    window.setDisplayTimeZone(QTimeZone(QByteArray("Nowhere/Atlantis")));
    QCOMPARE(window.displayTimeZone().id(), QByteArray("UTC"));
}

void Tst_workbench::stageSteppingSelectsEachStage()
{
    MainWindow window;
    window.resize(1500, 900);
    window.show();
    QSignalSpy updated(&window, &MainWindow::chainsUpdated);
    QVERIFY(window.openCase(linuxDemoCase(QStringLiteral("stages"))));
    QVERIFY(waitForChains(window, updated));
    ProcessTreeModel *tree = window.processTreeModel();
    auto *treeView = window.findChild<QTreeView *>(QStringLiteral("processTree"));
    auto *raw = window.findChild<RawRecordView *>();
    const std::shared_ptr<const CaseIndex> index = window.caseIndex();
    QVERIFY(index);
    const auto checkStop = [&](qint64 eventId, qint32 eventIndex) {
        QCOMPARE(window.currentEventId(), eventId);
        // The raw pane shows that event's record.
        QCOMPARE(raw->toPlainText(), RawRecordView::displayText(window.caseStore()->rawRecord(eventId).value()));
        // The tree selects the process that did it.
        const qint32 node = index->events().at(eventIndex).node;
        const QModelIndexList inTree = node < 0
            ? QModelIndexList()
            : treeView->model()->match(treeView->model()->index(0, 0), ProcessTreeModel::NodeRole, node, 1,
                Qt::MatchExactly | Qt::MatchRecursive);
        if (inTree.isEmpty()) {
            QVERIFY(!treeView->currentIndex().isValid());
        } else {
            QVERIFY(treeView->currentIndex().isValid());
            QCOMPARE(treeView->currentIndex().data(ProcessTreeModel::NodeRole).toInt(), node);
        }
    };
    QVERIFY(tree->rowCount() > 0);

    // Every chain: the stages in order, then the nearest misses; wrapping both ways.
    int chainsWithMiss = 0;
    int fullChains = 0;
    for (int row = 0; row < window.chainsModel()->rowCount(); ++row) {
        window.selectChain(row);
        const Chain &chain = window.chainsModel()->chainAt(row);
        QList<QPair<qint64, qint32>> expected;
        for (const ChainStage &s : chain.stages)
            expected.append({s.eventIds.first(), s.eventIndices.first()});
        for (const MissingStage &m : chain.missingStages) {
            if (m.nearestEventId >= 0)
                expected.append({m.nearestEventId, m.nearestEvent});
        }
        chainsWithMiss += expected.size() > chain.stages.size();
        fullChains += chain.isFull();
        QCOMPARE(window.stageStopCount(), int(expected.size()));
        QCOMPARE(window.currentStageStop(), -1);
        QCOMPARE(actionNamed(window, "actionNextStage")->isEnabled(), !expected.isEmpty());
        for (int i = 0; i < expected.size(); ++i) {
            actionNamed(window, "actionNextStage")->trigger(); // F7
            QCOMPARE(window.currentStageStop(), i);
            checkStop(expected.at(i).first, expected.at(i).second);
            QVERIFY2(window.statusBar()->currentMessage().startsWith(
                         QStringLiteral("Stage %1 of %2: ").arg(i + 1).arg(expected.size())),
                qPrintable(window.statusBar()->currentMessage()));
        }
        if (expected.isEmpty())
            continue;
        actionNamed(window, "actionNextStage")->trigger(); // wraps to the install
        QCOMPARE(window.currentStageStop(), 0);
        checkStop(expected.first().first, expected.first().second);
        actionNamed(window, "actionPreviousStage")->trigger(); // Shift+F7 wraps back
        QCOMPARE(window.currentStageStop(), int(expected.size()) - 1);
        checkStop(expected.last().first, expected.last().second);
    }
    QVERIFY(fullChains > 0);
    QVERIFY(chainsWithMiss > 0); // the near miss: its late egress is a stop
    // F8 moves to the next chain and starts its stages afresh.
    window.selectChain(0);
    actionNamed(window, "actionNextStage")->trigger();
    actionNamed(window, "actionNextChain")->trigger();
    QCOMPARE(window.currentChainRow(), 1);
    QCOMPARE(window.currentStageStop(), -1);
}

void Tst_workbench::policyChangeKeepsRawAndEventsTogether()
{
    MainWindow window;
    window.resize(1500, 900);
    window.show();
    QSignalSpy updated(&window, &MainWindow::chainsUpdated);
    QVERIFY(window.openCase(linuxDemoCase(QStringLiteral("agree"))));
    QVERIFY(waitForChains(window, updated));
    auto *eventsView = window.findChild<EventsTableView *>(QStringLiteral("eventsView"));
    QVERIFY(eventsView);
    auto *raw = window.findChild<RawRecordView *>();
    auto *events = window.eventsPanel()->model();
    QVERIFY(events->rowCount() > 10);
    const auto eventsSelection = [&]() -> qint64 {
        const QModelIndex current = eventsView->selectionModel()->currentIndex();
        const bool selected = eventsView->selectionModel()->isRowSelected(current.row(), {});
        return current.isValid() && selected ? current.data(EventsModel::EventIdRole).toLongLong() : -1;
    };
    const auto rawOf = [&](qint64 id) {
        return RawRecordView::displayText(window.caseStore()->rawRecord(id).value());
    };

    // The analyst picks an event in the Events tab, then changes the policy.
    window.tabs()->setCurrentIndex(MainWindow::EventsTab);
    const int row = 7;
    eventsView->setCurrentIndex(eventsView->showCaseRow(row));
    const qint64 picked = events->eventAt(row).id;
    QCOMPARE(window.currentEventId(), picked);
    QCOMPARE(raw->toPlainText(), rawOf(picked));
    QVERIFY(changePolicy(window, updated, QStringLiteral("TimeWindow=4h")));
    // The same event, in both.
    QCOMPARE(window.currentEventId(), picked);
    QCOMPARE(eventsSelection(), picked);
    QCOMPARE(raw->toPlainText(), rawOf(picked));

    // A tree selection makes its process's start current: the Events tab selects it
    // when loaded there, else nothing, never another event.
    window.tabs()->setCurrentIndex(MainWindow::ProcessTreeTab);
    auto *treeView = window.findChild<QTreeView *>(QStringLiteral("processTree"));
    QModelIndex node = treeView->model()->index(0, 0);
    treeView->setCurrentIndex(node);
    const qint64 started = window.currentEventId();
    QVERIFY(started >= 0);
    QCOMPARE(raw->toPlainText(), rawOf(started));
    const qint64 selected = eventsSelection();
    QVERIFY2(selected == started || selected == -1, qPrintable(QString::number(selected)));
    // And a stage step likewise.
    actionNamed(window, "actionNextStage")->trigger();
    QCOMPARE(raw->toPlainText(), rawOf(window.currentEventId()));
    QVERIFY(eventsSelection() == window.currentEventId() || eventsSelection() == -1);

    // Back in the Events tab and through another policy change.
    eventsView->setCurrentIndex(eventsView->showCaseRow(3));
    const qint64 second = events->eventAt(3).id;
    QVERIFY(changePolicy(window, updated, QStringLiteral("TimeWindow=90m")));
    QCOMPARE(eventsSelection(), second);
    QCOMPARE(raw->toPlainText(), rawOf(second));

    // Shift and the arrow keys extend the Events tab's selection, while the raw pane
    // follows the row they reach (the window's sync does not select that row alone).
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    eventsView->setFocus();
    QTest::keyClick(eventsView, Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(eventsView, Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(eventsView->selectedCaseRows(), (EventsTableView::Ranges {{3, 5}}));
    QCOMPARE(window.currentEventId(), events->eventAt(5).id);
    QCOMPARE(raw->toPlainText(), rawOf(events->eventAt(5).id));
}

namespace {
// The event the Events tab has selected (current and selected), -1 when none.
qint64 eventsSelection(EventsPanel *panel)
{
    const QItemSelectionModel *selection = panel->view()->selectionModel();
    const QModelIndex current = selection->currentIndex();
    return current.isValid() && selection->isRowSelected(current.row(), {})
        ? current.data(EventsModel::EventIdRole).toLongLong()
        : -1;
}

// Every event id the Events tab's query matches, fetching all its pages.
QList<qint64> shownEvents(EventsModel *model)
{
    while (model->canFetchMore({}))
        model->fetchMore({});
    QList<qint64> ids;
    for (int r = 0; r < model->rowCount(); ++r)
        ids.append(model->eventAt(r).id);
    return ids;
}
} // namespace

void Tst_workbench::timelineClickSelectsEverywhere()
{
    MainWindow window;
    window.resize(1500, 900);
    window.show();
    QSignalSpy updated(&window, &MainWindow::chainsUpdated);
    QVERIFY(window.openCase(linuxDemoCase(QStringLiteral("timeline-click"))));
    QVERIFY(waitForChains(window, updated));
    window.tabs()->setCurrentIndex(MainWindow::TimelineTab);
    const std::shared_ptr<const CaseIndex> index = window.caseIndex();
    auto *treeView = window.findChild<QTreeView *>(QStringLiteral("processTree"));
    auto *raw = window.findChild<RawRecordView *>();
    TimelineView *timeline = window.timeline();

    // Every stage's first event of the first full chain, clicked where it is drawn.
    int row = -1;
    for (int r = 0; r < window.chainsModel()->rowCount() && row < 0; ++r) {
        if (window.chainsModel()->chainAt(r).isFull())
            row = r;
    }
    QVERIFY(row >= 0);
    window.selectChain(row);
    const Chain chain = window.chainsModel()->chainAt(row);
    int clicked = 0;
    for (const ChainStage &stage : chain.stages) {
        const qint64 id = stage.eventIds.first();
        const QPoint at = timeline->pointPixel(id);
        if (at.x() < 0)
            continue;
        QTest::mouseClick(timeline->plot(), Qt::LeftButton, {}, at);
        // Another point drawn on the same pixel may win the click: what counts is that
        // the window agrees on the one clicked.
        const qint64 current = window.currentEventId();
        QVERIFY(current >= 0);
        QCOMPARE(timeline->selectedEvent(), current);
        QCOMPARE(raw->toPlainText(), RawRecordView::displayText(window.caseStore()->rawRecord(current).value()));
        QCOMPARE(eventsSelection(window.eventsPanel()), current);
        qint32 node = -1;
        for (const IndexedEvent &e : index->events()) {
            if (e.id == current)
                node = e.node;
        }
        if (node >= 0) {
            QVERIFY(treeView->currentIndex().isValid());
            QCOMPARE(treeView->currentIndex().data(ProcessTreeModel::NodeRole).toInt(), node);
        }
        clicked += current == id;
    }
    QVERIFY2(clicked >= 2, qPrintable(QString::number(clicked)));

    // And back: an event picked in the Events tab is marked on the timeline.
    const qint64 egress = chain.stages.last().eventIds.first();
    window.eventsPanel()->selectEvent(egress);
    QCOMPARE(window.currentEventId(), egress);
    QCOMPARE(timeline->selectedEvent(), egress);
}

void Tst_workbench::searchAndFiltersInTheWindow()
{
    MainWindow window;
    window.resize(1500, 900);
    window.show();
    QSignalSpy updated(&window, &MainWindow::chainsUpdated);
    QVERIFY(window.openCase(linuxDemoCase(QStringLiteral("search"))));
    QVERIFY(waitForChains(window, updated));
    EventsPanel *panel = window.eventsPanel();
    EventsModel *model = panel->model();
    const qint64 total = window.caseStore()->eventCount();
    QCOMPARE(model->matchCount(), total);

    // Edit → Find (Ctrl+F): the Events tab, its search field focused.
    window.tabs()->setCurrentIndex(MainWindow::ProcessTreeTab);
    actionNamed(window, "actionFind")->trigger();
    QCOMPARE(window.tabs()->currentIndex(), int(MainWindow::EventsTab));
    auto *search = panel->findChild<QLineEdit *>(QStringLiteral("search"));
    QTRY_VERIFY(search->hasFocus());

    // Typed text narrows the table to the rows that hold it, and the count says so.
    const QString needle = QStringLiteral("curl");
    QTest::keyClicks(search, needle);
    QTRY_VERIFY(model->matchCount() < total);
    QVERIFY(model->matchCount() > 0);
    QCOMPARE(panel->matchCountText(),
        QStringLiteral("%1 of %2 events").arg(QLocale().toString(model->matchCount()), QLocale().toString(total)));
    search->clear();
    QTRY_COMPARE(model->matchCount(), total);

    // "This chain only": what the selected chain's processes did and the events it
    // cites, nothing of the others.
    window.selectChain(0);
    const Chain chain = window.chainsModel()->chainAt(0);
    auto *chainOnly = panel->findChild<QCheckBox *>(QStringLiteral("chainOnly"));
    QVERIFY(chainOnly->isEnabled());
    chainOnly->setChecked(true);
    const QList<qint64> inChain = shownEvents(model);
    QVERIFY(!inChain.isEmpty());
    QVERIFY(inChain.size() < total);
    for (const ChainStage &st : chain.stages) {
        for (const qint64 id : st.eventIds)
            QVERIFY2(inChain.contains(id), qPrintable(QString::number(id)));
    }
    // Another chain: the filter follows the selection.
    if (window.chainsModel()->rowCount() > 1) {
        window.selectChain(1);
        const QList<qint64> other = shownEvents(model);
        QVERIFY(other != inChain);
        for (const ChainStage &st : window.chainsModel()->chainAt(1).stages)
            QVERIFY(other.contains(st.eventIds.first()));
    }
    chainOnly->setChecked(false);
    QCOMPARE(model->matchCount(), total);

    // The density strip's range: only events inside it, its bounds included.
    std::optional<std::pair<qint64, qint64>> range;
    {
        EventQuery all;
        QList<qint64> times;
        window.caseStore()->queryEvents(all, [&](const Event &e) {
            times.append(e.timeUs);
            return true;
        });
        std::sort(times.begin(), times.end());
        // Whole seconds, as the range edits keep them.
        const qint64 from = times.at(times.size() / 4) / 1000000 * 1000000;
        const qint64 to = times.at(times.size() / 2) / 1000000 * 1000000 + 999999;
        range = {from, to};
        qint64 expected = 0;
        for (const qint64 t : times)
            expected += t >= from && t <= to;
        emit window.densityStrip()->rangeSelected(from, to);
        QCOMPARE(model->matchCount(), expected);
    }
    for (int r = 0; r < model->rowCount(); ++r) {
        const qint64 t = model->eventAt(r).timeUs;
        QVERIFY(t >= range->first && t <= range->second);
    }
    emit window.densityStrip()->selectionCleared();
    QCOMPARE(model->matchCount(), total);

    // A filter hides the current event: the Events tab selects nothing, and keeps the
    // analyst's filter; the raw pane still shows the event.
    // The analyst clicks a row: that event becomes the window's current event.
    const qint64 picked = model->eventAt(5).id;
    panel->view()->setCurrentIndex(panel->view()->showCaseRow(5));
    QCOMPARE(window.currentEventId(), picked);
    auto *kind = panel->findChild<QComboBox *>(QStringLiteral("kindFilter"));
    const QString pickedKind = kindName(model->eventAt(5).kind);
    int other = -1;
    for (int i = 1; i < kind->count() && other < 0; ++i) {
        if (kind->itemData(i).toString() != pickedKind)
            other = i;
    }
    QVERIFY(other > 0);
    kind->setCurrentIndex(other);
    window.setCurrentEvent(-1);
    window.setCurrentEvent(picked);
    QCOMPARE(eventsSelection(panel), -1);
    QCOMPARE(kind->currentIndex(), other);
    QVERIFY(!window.findChild<RawRecordView *>()->toPlainText().isEmpty());
}

void Tst_workbench::triageIsKeptInTheCase()
{
    const QString path = linuxDemoCase(QStringLiteral("triage"));
    qint64 seed = -1;
    // Typed with QTest::keyClicks, which takes ASCII only; markup and a placeholder
    // must come back as typed.
    const QString note = QStringLiteral("Vendor confirmed: <b>not</b> theirs - see ticket %1");
    {
        MainWindow window;
        window.resize(1500, 900);
        window.show();
        QSignalSpy updated(&window, &MainWindow::chainsUpdated);
        QVERIFY(window.openCase(path));
        QVERIFY(waitForChains(window, updated));
        window.selectChain(0);
        seed = window.chainsModel()->chainAt(0).seedEventId;
        QVERIFY(seed >= 0);
        ChainSummaryPanel *panel = window.summaryPanel();
        auto *mark = panel->findChild<QComboBox *>(QStringLiteral("triageMark"));
        auto *noteEdit = panel->findChild<QPlainTextEdit *>(QStringLiteral("triageNote"));
        QVERIFY(mark && noteEdit);
        mark->setCurrentIndex(mark->findData(int(TriageMark::Confirmed)));
        noteEdit->setFocus();
        QTest::keyClicks(noteEdit, note);
        // Saved once typing pauses.
        QTRY_COMPARE(window.caseStore()->chainTriage().value(seed).note, note);
        QCOMPARE(window.caseStore()->chainTriage().value(seed).mark, TriageMark::Confirmed);
        // The chains list shows the mark in its Triage column.
        const QString shown = window.chainsModel()->index(0, ChainsModel::Triage).data().toString();
        QCOMPARE(shown, triageMarkLabel(TriageMark::Confirmed));
        // Another chain shows its own (none), and back again shows this one.
        if (window.chainsModel()->rowCount() > 1) {
            window.selectChain(1);
            QCOMPARE(panel->note(), QString());
            window.selectChain(0);
            QCOMPARE(panel->note(), note);
        }
        // A policy change re-ranks the chains; the triage stays with the install.
        QVERIFY(changePolicy(window, updated, QStringLiteral("TimeWindow=4h")));
        bool found = false;
        for (int r = 0; r < window.chainsModel()->rowCount(); ++r) {
            if (window.chainsModel()->chainAt(r).seedEventId != seed)
                continue;
            found = true;
            QCOMPARE(window.chainsModel()->index(r, ChainsModel::Triage).data().toString(),
                triageMarkLabel(TriageMark::Confirmed));
        }
        QVERIFY(found);
    }
    // A window started afresh on the same case shows the mark and the note.
    MainWindow window;
    window.show();
    QSignalSpy updated(&window, &MainWindow::chainsUpdated);
    QVERIFY(window.openCase(path));
    QVERIFY(waitForChains(window, updated));
    for (int r = 0; r < window.chainsModel()->rowCount(); ++r) {
        if (window.chainsModel()->chainAt(r).seedEventId == seed)
            window.selectChain(r);
    }
    QCOMPARE(window.summaryPanel()->mark(), TriageMark::Confirmed);
    QCOMPARE(window.summaryPanel()->note(), note);
}

void Tst_workbench::noteTypedJustBeforeClosingIsKept()
{
    // The note is saved once typing pauses; closing the case within that pause must
    // not lose it (nor put it into the next case).
    const QString path = linuxDemoCase(QStringLiteral("triage-close"));
    const QString note = QStringLiteral("ask the vendor");
    qint64 seed = -1;
    {
        MainWindow window;
        window.resize(1500, 900);
        window.show();
        QSignalSpy updated(&window, &MainWindow::chainsUpdated);
        QVERIFY(window.openCase(path));
        QVERIFY(waitForChains(window, updated));
        window.selectChain(0);
        seed = window.chainsModel()->chainAt(0).seedEventId;
        auto *noteEdit = window.summaryPanel()->findChild<QPlainTextEdit *>(QStringLiteral("triageNote"));
        QVERIFY(noteEdit);
        noteEdit->setFocus();
        QTest::keyClicks(noteEdit, note);
        QVERIFY(window.caseStore()->chainTriage().value(seed).note.isEmpty()); // still waiting
        window.closeCase();
    }
    MainWindow window;
    QSignalSpy updated(&window, &MainWindow::chainsUpdated);
    QVERIFY(window.openCase(path));
    QCOMPARE(window.caseStore()->chainTriage().value(seed).note, note);
}

void Tst_workbench::policyDialogValidatesAsTyped_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("problem"); // part of the reason shown
    QTest::newRow("window 90m") << "TimeWindow"
                                << "90m" << true << "";
    QTest::newRow("window bare minutes") << "TimeWindow"
                                         << "45" << true << "";
    QTest::newRow("window 1s (smallest)") << "TimeWindow"
                                          << "1s" << true << "";
    QTest::newRow("window 0s") << "TimeWindow"
                               << "0s" << false << "Time window: \"0s\" is not a duration";
    QTest::newRow("window 31536000s (largest)") << "TimeWindow"
                                                << "31536000s" << true << "";
    QTest::newRow("window 31536001s") << "TimeWindow"
                                      << "31536001s" << false << "Time window";
    QTest::newRow("window words") << "TimeWindow"
                                  << "four hours" << false << "Time window";
    QTest::newRow("window empty") << "TimeWindow"
                                  << "" << false << "Time window";
    QTest::newRow("hosts fine") << "ApprovedUpdateHosts"
                                << "deb.debian.org\n*.ubuntu.com\n10.0.0.0/8" << true << "";
    QTest::newRow("hosts blank lines ignored") << "ApprovedUpdateHosts"
                                               << "\n deb.debian.org \n\n"
                                               << true << "";
    QTest::newRow("hosts duplicate") << "ApprovedUpdateHosts"
                                     << "deb.debian.org\n*.ubuntu.com\ndeb.debian.org" << false
                                     << "Approved update hosts: \"deb.debian.org\" is listed twice (entries 1 and 3)";
    QTest::newRow("hosts duplicate in other case") << "ApprovedUpdateHosts"
                                                   << "Deb.Debian.org\ndeb.debian.org" << false << "listed twice";
    QTest::newRow("hosts not a host") << "ApprovedUpdateHosts"
                                      << "deb debian org" << false
                                      << "Approved update hosts: \"deb debian org\" is not a host name";
    QTest::newRow("hosts CIDR /32") << "ApprovedUpdateHosts"
                                    << "192.0.2.1/32" << true << "";
    QTest::newRow("hosts CIDR /33") << "ApprovedUpdateHosts"
                                    << "192.0.2.1/33" << false << "Approved update hosts";
    QTest::newRow("signers with commas") << "ApprovedSigners"
                                         << "Microsoft Corporation, Redmond\nGoogle LLC" << true << "";
    QTest::newRow("signers duplicate ignoring case") << "ApprovedSigners"
                                                     << "Google LLC\ngoogle llc" << false << "Approved signers";
    QTest::newRow("team ids differ in case") << "AllowedTeamIDs"
                                             << "EQHXZ8M8AV\neqhxz8m8av" << true << "";
    QTest::newRow("taps one tap two spellings")
        << "BrewTapsAllowList"
        << "user/homebrew-tools\nuser/tools" << false << "Trusted Homebrew taps";
    QTest::newRow("linux paths duplicate") << "PathScope"
                                           << "/opt/*\n/opt/*" << false << "Program paths (Linux)";
}

void Tst_workbench::policyDialogValidatesAsTyped()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, problem);
    PolicyDialog dialog(Policy::defaults());
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(dialog.problem().isEmpty());
    if (field == u"TimeWindow")
        dialog.timeWindowEdit()->setText(text);
    else
        dialog.listEdit(field)->setPlainText(text);
    // Checked as typed: no OK press needed to learn why.
    QCOMPARE(dialog.okButton()->isEnabled(), valid);
    QVERIFY2(dialog.problem().contains(problem), qPrintable(dialog.problem()));
    QCOMPARE(dialog.problem().isEmpty(), valid);
    auto *shown = dialog.findChild<QLabel *>(QStringLiteral("policyProblem"));
    QCOMPARE(shown->text(), dialog.problem());
    QCOMPARE(dialog.apply(), valid);
    if (valid && field == u"ApprovedUpdateHosts")
        QVERIFY(!dialog.policy().approvedUpdateHosts.isEmpty());
    // Fixed again, OK comes back.
    if (field == u"TimeWindow")
        dialog.timeWindowEdit()->setText(QStringLiteral("4h"));
    else
        dialog.listEdit(field)->setPlainText(QString());
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(dialog.problem().isEmpty());
}

void Tst_workbench::policyDialogLabelsAndGrowingLists()
{
    Policy policy = Policy::defaults();
    QStringList hosts;
    for (int i = 0; i < 14; ++i)
        hosts << QStringLiteral("mirror%1.corp.example").arg(i);
    policy.approvedUpdateHosts = hosts;
    PolicyDialog dialog(policy);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // Human labels and a one-sentence tooltip for every field; no raw keys.
    for (const QString &field : Policy::fieldNames()) {
        const QString label = PolicyDialog::fieldLabel(field);
        QVERIFY2(label != field, qPrintable(field));
        QVERIFY2(!PolicyDialog::fieldToolTip(field).isEmpty(), qPrintable(field));
        QVERIFY2(PolicyDialog::fieldToolTip(field).endsWith(u'.'), qPrintable(field));
    }
    QCOMPARE(PolicyDialog::fieldLabel(QStringLiteral("ApprovedUpdateHosts")), QStringLiteral("Approved update hosts"));
    QStringList labels;
    for (const QLabel *l : dialog.findChildren<QLabel *>())
        labels << l->text();
    for (const QString &field : Policy::fieldNames())
        QVERIFY2(!labels.contains(field), qPrintable(field));
    // A list is as tall as its entries: none cut off behind a 4-line box.
    QPlainTextEdit *edit = dialog.listEdit(QStringLiteral("ApprovedUpdateHosts"));
    QTRY_VERIFY(edit->height() >= 14 * edit->fontMetrics().lineSpacing());
    const int tall = edit->height();
    QPlainTextEdit *signers = dialog.listEdit(QStringLiteral("ApprovedSigners"));
    QVERIFY(signers->height() < tall);
    // And it grows as the analyst adds entries.
    const int before = signers->height();
    signers->setPlainText(QStringLiteral("a\nb\nc\nd\ne\nf"));
    QTRY_VERIFY(signers->height() >= before + 3 * signers->fontMetrics().lineSpacing());
    QTest::qWait(50); // the form lays the taller list out
    QVERIFY(dialog.grab().save(QStringLiteral("/tmp/window-policy.png")));
}

QTEST_MAIN(Tst_workbench)
#include "tst_workbench.moc"
