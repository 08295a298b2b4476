// The workbench window under the offscreen platform: import through the threaded
// job, browse events, see the raw record highlighted.

#include "casestore.h"
#include "chainmarkproxy.h"
#include "chainsmodel.h"
#include "correlator.h"
#include "eventsmodel.h"
#include "formats.h"
#include "importer.h"
#include "linuxscenario.h"
#include "macscenario.h"
#include "mainwindow.h"
#include "processtreemodel.h"
#include "rawrecordview.h"
#include "report.h"
#include "testsupport.h"
#include "timelineview.h"
#include "verificationdialog.h"
#include "windowsscenario.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QFont>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>

#include <algorithm>

using namespace Chainscope;
using namespace Chainscope::Test;

Q_DECLARE_METATYPE(Chainscope::Verdict)

class Tst_workbench : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
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

private:
    const QList<Chain> &demoChains();
    QTemporaryDir m_dir;
    QList<Chain> m_demoChains;
};

void Tst_workbench::initTestCase()
{
    // Keep the analyst's real recent-cases list out of the tests.
    QCoreApplication::setOrganizationName(QStringLiteral("ChainscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_workbench"));
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
    const auto views = window.findChildren<QTableView *>();
    QTableView *eventsView = nullptr;
    for (QTableView *v : views) {
        if (qobject_cast<EventsModel *>(v->model()))
            eventsView = v;
    }
    QVERIFY(eventsView);
    auto *model = qobject_cast<EventsModel *>(eventsView->model());
    QVERIFY(model->rowCount() > 0);
    QVERIFY(model->rowCount() <= window.caseStore()->eventCount());

    // Selecting an audit event shows its original record lines, highlighted.
    int auditRow = -1;
    for (int row = 0; row < model->rowCount() && auditRow < 0; ++row) {
        if (model->eventAt(row).kind == EventKind::ProcessStart)
            auditRow = row;
    }
    QVERIFY(auditRow >= 0);
    eventsView->setCurrentIndex(model->index(auditRow, 0));
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
    QTableView *eventsView = nullptr;
    for (auto *view : window.findChildren<QTableView *>()) {
        if (qobject_cast<EventsModel *>(view->model()))
            eventsView = view;
    }
    QVERIFY(eventsView);
    auto *model = qobject_cast<EventsModel *>(eventsView->model());
    int loadRow = -1;
    for (int r = 0; r < model->rowCount() && loadRow < 0; ++r) {
        if (model->eventAt(r).kind == EventKind::ModuleLoad && model->eventAt(r).targetPath == a->unsignedModule)
            loadRow = r;
    }
    QVERIFY(loadRow >= 0);
    eventsView->setCurrentIndex(model->index(loadRow, 0));
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

QTEST_MAIN(Tst_workbench)
#include "tst_workbench.moc"
