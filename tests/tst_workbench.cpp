// The workbench window under the offscreen platform: import through the threaded
// job, browse events, see the raw record highlighted.

#include "casestore.h"
#include "eventsmodel.h"
#include "mainwindow.h"
#include "rawrecordview.h"
#include "testsupport.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Chainscope;
using namespace Chainscope::Test;

class Tst_workbench : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void displayTextKeepsEveryByteVisible_data();
    void displayTextKeepsEveryByteVisible();
    void importAndBrowse();

private:
    QTemporaryDir m_dir;
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

QTEST_MAIN(Tst_workbench)
#include "tst_workbench.moc"
