// The evidence views of issue 14: the marks' icons and the chain summary panel, with
// real chains of the Windows demo case (a suspicious, an incomplete one with its
// nearest miss, an approved one) and small inline chains for what the demo lacks.

#include "casestore.h"
#include "chainmarkproxy.h"
#include "chainsmodel.h"
#include "chainsummarypanel.h"
#include "correlator.h"
#include "explanation.h"
#include "formats.h"
#include "huntexportdialog.h"
#include "importer.h"
#include "processtreemodel.h"
#include "testsupport.h"
#include "windowsscenario.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace Chainscope;

class Tst_evidenceviews : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void huntDialogPreviewsAndWritesTheRules();
    void eachMarkHasItsOwnShape();
    void proxyDecoratesOnlyTheMarkedColumn();
    void proxyPassesTheModelTester();
    void panelExplainsASuspiciousChain();
    void panelShowsTheNearestMissOfAnIncompleteChain();
    void panelListsTheApprovals();
    void panelShowsLogTextAsPlainText();
    void panelEmptyState();
    void triageChangedCarriesTheAnalystsEdits();
    void grabForTheEye();

private:
    const Chain *firstWith(Verdict verdict, bool needNearestMiss = false) const;
    static QString labelText(const QWidget &panel, const char *name);

    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    CaseIndex m_index;
    QList<Chain> m_chains;
};

void Tst_evidenceviews::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QDir().mkpath(m_dir.filePath(QStringLiteral("evidence")));
    const WindowsScenario demo = buildWindowsScenario({});
    const WindowsScenarioFiles files = writeWindowsScenario(m_dir.filePath(QStringLiteral("evidence")), demo);
    QVERIFY2(files.error.isEmpty(), qPrintable(files.error));
    m_store = CaseStore::create(m_dir.filePath(QStringLiteral("demo.chainscope")));
    QVERIFY(m_store);
    QList<ImportResult> results;
    for (const QString &file : files.files)
        results.append(importFile(*m_store, builtinFormats(), file, {}));
    assignSoleHost(*m_store, results);
    Policy policy = m_store->policy();
    QString error;
    QVERIFY2(policy.setList(QStringLiteral("ApprovedUpdateHosts"), demo.approvedUpdateHosts, false, &error),
        qPrintable(error));
    QVERIFY2(policy.setList(QStringLiteral("ApprovedSigners"), demo.approvedSigners, false, &error), qPrintable(error));
    QVERIFY(m_index.load(*m_store));
    m_chains = Correlator(m_index).run(policy);
    QVERIFY(!m_chains.isEmpty());
}

const Chain *Tst_evidenceviews::firstWith(Verdict verdict, bool needNearestMiss) const
{
    for (const Chain &c : m_chains) {
        if (c.verdict != verdict)
            continue;
        if (!needNearestMiss)
            return &c;
        for (const MissingStage &m : c.missingStages) {
            if (m.nearestEventId >= 0)
                return &c;
        }
    }
    return nullptr;
}

QString Tst_evidenceviews::labelText(const QWidget &panel, const char *name)
{
    const auto *label = panel.findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
}

void Tst_evidenceviews::eachMarkHasItsOwnShape()
{
    // Colour alone fails colour-blind analysts: each mark must differ in shape, i.e.
    // in where the icon is opaque, not only in its colour.
    const QList<ChainMark> shown {ChainMark::Mismatch, ChainMark::Approved, ChainMark::InChain};
    QList<QImage> shapes;
    for (ChainMark mark : shown) {
        const QIcon icon = ChainMarkProxy::iconFor(mark);
        QVERIFY(!icon.isNull());
        const QImage image = icon.pixmap(QSize(16, 16)).toImage().convertToFormat(QImage::Format_ARGB32);
        QCOMPARE(image.size(), QSize(16, 16));
        // The opaque pixels alone, as black on white.
        QImage shape(image.size(), QImage::Format_Mono);
        int opaque = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const bool on = qAlpha(image.pixel(x, y)) > 127;
                shape.setPixel(x, y, on ? 1 : 0);
                opaque += on;
            }
        }
        QVERIFY2(opaque > 10, "an icon one can see");
        shapes << shape;
        // Its colour is the mark's Okabe–Ito colour.
        QColor strongest;
        for (int y = 0; y < image.height() && !strongest.isValid(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (qAlpha(image.pixel(x, y)) == 255 && QColor(image.pixel(x, y)) != Qt::white) {
                    strongest = QColor(image.pixel(x, y));
                    break;
                }
            }
        }
        QCOMPARE(strongest.rgb(), ChainMarkProxy::colourOf(mark).rgb());
    }
    for (int a = 0; a < shapes.size(); ++a) {
        for (int b = a + 1; b < shapes.size(); ++b)
            QVERIFY2(
                shapes.at(a) != shapes.at(b), qPrintable(QStringLiteral("marks %1 and %2 look alike").arg(a).arg(b)));
    }
    QVERIFY(ChainMarkProxy::iconFor(ChainMark::Context).isNull());
    QVERIFY(ChainMarkProxy::iconFor(ChainMark::None).isNull());
    // Drawn once: the same icon each time.
    QCOMPARE(ChainMarkProxy::iconFor(ChainMark::Mismatch).cacheKey(),
        ChainMarkProxy::iconFor(ChainMark::Mismatch).cacheKey());
}

void Tst_evidenceviews::proxyDecoratesOnlyTheMarkedColumn()
{
    ChainsModel model;
    ChainMarkProxy proxy;
    proxy.setSourceModel(&model);
    model.setChains(m_chains);
    QVERIFY(proxy.rowCount() > 0);
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const ChainMark mark = ChainsModel::markOf(model.chainAt(row).verdict);
        for (int column = 0; column < proxy.columnCount(); ++column) {
            const QVariant decoration = proxy.index(row, column).data(Qt::DecorationRole);
            if (column == ChainsModel::Verdict) {
                QVERIFY(decoration.canConvert<QIcon>());
                QCOMPARE(decoration.value<QIcon>().cacheKey(), ChainMarkProxy::iconFor(mark).cacheKey());
            } else {
                QVERIFY2(!decoration.isValid(), qPrintable(QString::number(column)));
            }
            // Mismatches are bold, everything else is not.
            QCOMPARE(proxy.index(row, column).data(Qt::FontRole).value<QFont>().bold(), mark == ChainMark::Mismatch);
        }
    }

    const Chain *suspicious = firstWith(Verdict::Suspicious);
    QVERIFY(suspicious);
    ProcessTreeModel tree;
    ChainMarkProxy treeProxy;
    treeProxy.setSourceModel(&tree);
    tree.setChain(&m_index, *suspicious);
    int iconRows = 0;
    QList<QModelIndex> stack {treeProxy.index(0, 0)};
    for (int r = 1; r < treeProxy.rowCount(); ++r)
        stack << treeProxy.index(r, 0);
    while (!stack.isEmpty()) {
        const QModelIndex i = stack.takeLast();
        const auto mark = ChainMark(i.data(ChainMarkRole).toInt());
        const QVariant decoration = i.data(Qt::DecorationRole);
        QCOMPARE(decoration.isValid(), mark != ChainMark::Context && mark != ChainMark::None);
        iconRows += decoration.isValid();
        QVERIFY(!i.siblingAtColumn(ProcessTreeModel::Reason).data(Qt::DecorationRole).isValid());
        for (int r = 0; r < treeProxy.rowCount(i); ++r)
            stack << treeProxy.index(r, 0, i);
    }
    QVERIFY(iconRows > 0);
}

void Tst_evidenceviews::proxyPassesTheModelTester()
{
    ChainsModel chains;
    ChainMarkProxy chainsProxy;
    QAbstractItemModelTester chainsTester(&chainsProxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    chainsProxy.setSourceModel(&chains);
    chains.setChains(m_chains);
    chains.setTriage({});
    chains.setTimeZone(QTimeZone("Europe/Berlin"));
    chains.setChains({});

    ProcessTreeModel tree;
    ChainMarkProxy treeProxy;
    QAbstractItemModelTester treeTester(&treeProxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    treeProxy.setSourceModel(&tree);
    for (const Chain &c : std::as_const(m_chains))
        tree.setChain(&m_index, c);
    tree.setTimeZone(QTimeZone("Asia/Tokyo"));
    tree.clear();
}

void Tst_evidenceviews::panelExplainsASuspiciousChain()
{
    const Chain *c = firstWith(Verdict::Suspicious);
    QVERIFY(c);
    ChainSummaryPanel panel;
    panel.setChain(*c, {});
    QVERIFY2(labelText(panel, "verdictText").startsWith(verdictLabel(Verdict::Suspicious)),
        qPrintable(labelText(panel, "verdictText")));
    QCOMPARE(labelText(panel, "summary"), c->summary);
    QVERIFY(c->summary.startsWith(QLatin1String("Suspicious")));
    // The badge has the mismatch's icon.
    const auto *icon = panel.findChild<QLabel *>(QStringLiteral("verdictIcon"));
    QVERIFY(icon);
    QVERIFY(!icon->pixmap().isNull());
    QCOMPARE(icon->pixmap().toImage(), ChainMarkProxy::iconFor(ChainMark::Mismatch).pixmap(24, 24).toImage());
    QCOMPARE(panel.seedEventId(), c->seedEventId);
}

void Tst_evidenceviews::panelShowsTheNearestMissOfAnIncompleteChain()
{
    const Chain *c = firstWith(Verdict::Incomplete, true);
    QVERIFY2(c, "the demo has an incomplete chain with a nearest miss (the late beacon)");
    ChainSummaryPanel panel;
    panel.setChain(*c, {});
    QVERIFY(labelText(panel, "verdictText").startsWith(verdictLabel(Verdict::Incomplete)));
    const QString missing = labelText(panel, "missing");
    for (const MissingStage &m : c->missingStages) {
        QVERIFY2(missing.contains(m.reason), qPrintable(missing));
        if (m.nearestEventId >= 0) {
            QVERIFY2(missing.contains(tr("nearest miss: event %1").arg(m.nearestEventId)), qPrintable(missing));
            QVERIFY2(missing.contains(durationLabel(m.gapUs)), qPrintable(missing));
        }
    }
    QVERIFY2(missing.contains(QLatin1String("12 days")), qPrintable(missing));
    // What is missing is missing, not an approval.
    const QString approvals = labelText(panel, "approvals");
    QVERIFY2(!approvals.contains(QLatin1String("no egress")), qPrintable(approvals));
    QVERIFY(!missing.contains(QLatin1String("approved by")));
}

void Tst_evidenceviews::panelListsTheApprovals()
{
    const Chain *c = firstWith(Verdict::Approved);
    QVERIFY2(c, "the demo has an approved chain");
    ChainSummaryPanel panel;
    panel.show();
    panel.setChain(*c, {});
    QVERIFY(labelText(panel, "verdictText").startsWith(verdictLabel(Verdict::Approved)));
    QCOMPARE(labelText(panel, "summary"), c->summary);
    const QString approvals = labelText(panel, "approvals");
    int approved = 0;
    for (const Evidence &x : c->evidence) {
        if (x.approvedBy.isEmpty())
            continue;
        ++approved;
        QVERIFY2(approvals.contains(approvalLabel(x.approvedBy)), qPrintable(approvals));
    }
    QVERIFY(approved > 0);
    QVERIFY2(approvals.contains(QLatin1String("approved by Approved")), qPrintable(approvals));
    QVERIFY(!panel.findChild<QLabel *>(QStringLiteral("approvals"))->isHidden());
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("missing"))->isHidden() == c->missingStages.isEmpty());
}

void Tst_evidenceviews::panelShowsLogTextAsPlainText()
{
    Chain c;
    c.id = 7;
    c.host = QStringLiteral("<b>host</b>");
    c.seedEventId = 5;
    c.verdict = Verdict::Incomplete;
    c.summary = QStringLiteral("Incomplete: <img src=x onerror=alert(1)> & more.");
    c.missingStages.append(
        MissingStage {Stage::Egress, QStringLiteral("no <i>egress</i>"), 3, 99, 90 * 60 * 1000000LL});
    ChainSummaryPanel panel;
    panel.setChain(c, {});
    for (const char *name : {"verdictText", "summary", "missing", "approvals"})
        QCOMPARE(panel.findChild<QLabel *>(QLatin1String(name))->textFormat(), Qt::PlainText);
    QCOMPARE(labelText(panel, "summary"), c.summary);
    const QString missing = labelText(panel, "missing");
    QVERIFY2(missing.contains(QLatin1String("no <i>egress</i>")), qPrintable(missing));
    QVERIFY2(
        missing.contains(QLatin1String("nearest miss: event 99, 1 h 30 min after the install")), qPrintable(missing));
}

void Tst_evidenceviews::panelEmptyState()
{
    ChainSummaryPanel panel;
    panel.show();
    const auto *empty = panel.findChild<QLabel *>(QStringLiteral("emptyState"));
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QVERIFY(!empty->text().isEmpty());
    QVERIFY(!panel.findChild<QLabel *>(QStringLiteral("summary"))->isVisible());
    panel.setChain(m_chains.first(), {});
    QVERIFY(!empty->isVisible());
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("summary"))->isVisible());
    panel.clear();
    QVERIFY(empty->isVisible());
    QCOMPARE(panel.seedEventId(), qint64(-1));
}

void Tst_evidenceviews::triageChangedCarriesTheAnalystsEdits()
{
    Chain c = m_chains.first();
    QVERIFY(c.seedEventId >= 0);
    // The window first: it outlives (and does not delete) its stack children.
    QWidget window;
    ChainSummaryPanel panel(&window);
    QLineEdit elsewhere(&window); // somewhere for the focus to go
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy spy(&panel, &ChainSummaryPanel::triageChanged);

    // Showing a chain and its saved triage is not an edit.
    panel.setChain(c, ChainTriage {c.seedEventId, TriageMark::Benign, QStringLiteral("seen before"), {}});
    QCOMPARE(spy.count(), 0);
    QCOMPARE(panel.mark(), TriageMark::Benign);
    QCOMPARE(panel.note(), QStringLiteral("seen before"));

    auto *mark = panel.findChild<QComboBox *>(QStringLiteral("triageMark"));
    QVERIFY(mark);
    QCOMPARE(mark->count(), 4);
    QCOMPARE(mark->itemText(3), triageMarkLabel(TriageMark::FollowUp));
    mark->setCurrentIndex(mark->findData(int(TriageMark::Confirmed)));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toLongLong(), c.seedEventId);
    QCOMPARE(spy.at(0).at(1).value<TriageMark>(), TriageMark::Confirmed);
    QCOMPARE(spy.at(0).at(2).toString(), QStringLiteral("seen before"));

    // The note: after typing pauses.
    auto *note = panel.findChild<QPlainTextEdit *>(QStringLiteral("triageNote"));
    QVERIFY(note);
    note->setFocus();
    note->selectAll();
    QTest::keyClicks(note, QStringLiteral("beacon to a paste site"));
    QCOMPARE(spy.count(), 1); // not on every keystroke
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 5 * ChainSummaryPanel::NoteDebounceMs);
    QCOMPARE(spy.at(1).at(1).value<TriageMark>(), TriageMark::Confirmed);
    QCOMPARE(spy.at(1).at(2).toString(), QStringLiteral("beacon to a paste site"));

    // Or when the editor loses the focus, before the debounce.
    QTest::keyClicks(note, QStringLiteral("!"));
    elsewhere.setFocus();
    QTRY_VERIFY(!note->hasFocus());
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(2).toString(), QStringLiteral("beacon to a paste site!"));
    // Nothing new, nothing emitted.
    note->setFocus();
    elsewhere.setFocus();
    QTest::qWait(ChainSummaryPanel::NoteDebounceMs + 100);
    QCOMPARE(spy.count(), 3);

    // A pending note is saved for its own chain when the panel moves on.
    note->setFocus();
    QTest::keyClicks(note, QStringLiteral("?"));
    Chain other = c;
    other.seedEventId = c.seedEventId + 1000;
    panel.setChain(other, {});
    QCOMPARE(spy.count(), 4);
    QCOMPARE(spy.at(3).at(0).toLongLong(), c.seedEventId);
    QCOMPARE(spy.at(3).at(2).toString(), QStringLiteral("beacon to a paste site!?"));
    QCOMPARE(panel.note(), QString());
    QCOMPARE(panel.mark(), TriageMark::None);
    QTest::qWait(ChainSummaryPanel::NoteDebounceMs + 100);
    QCOMPARE(spy.count(), 4);
}

void Tst_evidenceviews::grabForTheEye()
{
    // Not a check: pictures to look at (/tmp/chainscope-evidence-*.png).
    for (Verdict verdict : {Verdict::Suspicious, Verdict::Incomplete, Verdict::Approved}) {
        const Chain *c = firstWith(verdict, verdict == Verdict::Incomplete);
        if (!c)
            continue;
        QWidget window;
        window.resize(1500, 700);
        auto *panel = new ChainSummaryPanel(&window);
        panel->setChain(*c, ChainTriage {c->seedEventId, TriageMark::FollowUp, QStringLiteral("ask the vendor"), {}});
        auto *view = new QTreeView(&window);
        auto *tree = new ProcessTreeModel(&window);
        auto *proxy = new ChainMarkProxy(&window);
        proxy->setSourceModel(tree);
        tree->setChain(&m_index, *c);
        view->setModel(proxy);
        view->expandAll();
        for (int col = 0; col < ProcessTreeModel::ColumnCount; ++col)
            view->resizeColumnToContents(col);
        panel->setGeometry(0, 0, 1500, 260);
        view->setGeometry(0, 260, 1500, 440);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString name = QStringLiteral("/tmp/chainscope-evidence-%1.png").arg(verdictName(verdict));
        QVERIFY(window.grab().save(name));
    }
    {
        QWidget window;
        window.resize(1500, 400);
        auto *view = new QTreeView(&window);
        view->setRootIsDecorated(false);
        auto *model = new ChainsModel(&window);
        auto *proxy = new ChainMarkProxy(&window);
        proxy->setSourceModel(model);
        model->setChains(m_chains);
        QHash<qint64, ChainTriage> triage;
        triage.insert(m_chains.first().seedEventId,
            ChainTriage {m_chains.first().seedEventId, TriageMark::Confirmed, QStringLiteral("reported"), {}});
        model->setTriage(triage);
        view->setModel(proxy);
        for (int col = 0; col < ChainsModel::ColumnCount; ++col)
            view->resizeColumnToContents(col);
        view->setGeometry(0, 0, 1500, 400);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.grab().save(QStringLiteral("/tmp/chainscope-evidence-chains.png")));
    }
}

QTEST_MAIN(Tst_evidenceviews)
// Analysis → Export Hunt (issue 15): the platform offered first, a preview that follows
// format and platform, a file name that follows the format, and the file written whole.
void Tst_evidenceviews::huntDialogPreviewsAndWritesTheRules()
{
    Policy policy = Policy::defaults();
    QString error;
    QVERIFY(policy.setList(QStringLiteral("ApprovedSigners"), {QStringLiteral("Evil\" Corp")}, false, &error));
    HuntExportDialog dialog(policy, Platform::Linux);
    QCOMPARE(dialog.platformBox()->currentText(), QStringLiteral("Linux"));
    auto *preview = dialog.findChild<QPlainTextEdit *>(QStringLiteral("huntPreview"));
    QVERIFY(preview);
    QVERIFY(preview->toPlainText().contains(QLatin1String("sequence by host.id with maxspan=90m")));
    QVERIFY(preview->toPlainText().contains(QLatin1String("platform linux")));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fleet.eql"));
    dialog.pathEdit()->setText(path);
    dialog.formatBox()->setCurrentIndex(1); // Sigma
    dialog.platformBox()->setCurrentIndex(0); // Windows
    QVERIFY(preview->toPlainText().contains(QLatin1String("type: temporal_ordered")));
    QVERIFY(preview->toPlainText().contains(QLatin1String("- 'Evil\" Corp'")));
    QCOMPARE(dialog.pathEdit()->text(), dir.filePath(QStringLiteral("fleet.yml")));
    QVERIFY(dialog.save());
    QFile written(dir.filePath(QStringLiteral("fleet.yml")));
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(written.readAll()), dialog.rules());
    QCOMPARE(preview->toPlainText(), dialog.rules());
}

#include "tst_evidenceviews.moc"
