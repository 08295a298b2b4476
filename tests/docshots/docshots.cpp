// docs-screenshots CASE OUTDIR: the pictures in docs/, taken from the real main window
// (offscreen or under Xvfb), so that they show what an analyst sees on that case.
// Not a test: it checks only that there is something to show, and says what it wrote.
//   workbench-chain.png   the most telling suspicious chain, with its signer and hash
//                         columns and the summary paragraph
//   events-filtered.png   the Events tab, searched for the first-run binary on its host
//   timeline-nearmiss.png the chain whose egress came latest after the window
#include "chainsmodel.h"
#include "eventsmodel.h"
#include "eventspanel.h"
#include "eventstableview.h"
#include "mainwindow.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <cstdio>

using namespace Chainscope;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "docs-screenshots: %s\n", qPrintable(message));
    return 1;
}

// The chain that shows the most on one screen: suspicious first, then the one whose
// evidence carries the most signer and hash values.
int mostTellingChain(const ChainsModel &model)
{
    int best = -1;
    int bestScore = -1;
    for (int r = 0; r < model.rowCount(); ++r) {
        const Chain c = model.chainAt(r);
        int score = c.verdict == Verdict::Suspicious ? 1000 : 0;
        for (const Evidence &e : c.evidence)
            score += (e.signer.isEmpty() ? 0 : 2) + (e.hashes.isEmpty() ? 0 : 3);
        if (score > bestScore) {
            best = r;
            bestScore = score;
        }
    }
    return best;
}

bool save(QWidget &window, const QDir &dir, const QString &name)
{
    QTest::qWait(200); // let the views lay out and paint
    const QString path = dir.filePath(name);
    if (!window.grab().save(path))
        return false;
    std::printf("%s\n", qPrintable(path));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("chainscope-docshots"));
    const QStringList args = QApplication::arguments();
    if (args.size() != 3)
        return fail(QStringLiteral("usage: docs-screenshots CASE OUTDIR"));
    const QDir out(args.at(2));
    if (!QDir().mkpath(out.path()))
        return fail(QStringLiteral("cannot create %1").arg(out.path()));

    MainWindow window;
    window.resize(1600, 950);
    window.show();
    QSignalSpy updated(&window, &MainWindow::chainsUpdated);
    if (!window.openCase(args.at(1)))
        return fail(QStringLiteral("cannot open %1").arg(args.at(1)));
    QElapsedTimer clock;
    clock.start();
    while ((updated.isEmpty() || window.isCorrelating()) && clock.elapsed() < 120000)
        QTest::qWait(20);
    const int row = mostTellingChain(*window.chainsModel());
    if (row < 0)
        return fail(QStringLiteral("the case has no chain to show"));

    window.selectChain(row);
    window.tabs()->setCurrentIndex(MainWindow::ProcessTreeTab);
    if (!save(window, out, QStringLiteral("workbench-chain.png")))
        return fail(QStringLiteral("cannot write workbench-chain.png"));

    // The Events tab as an analyst narrows it: everything that names the chain's
    // first-run binary, on the chain's host.
    window.tabs()->setCurrentIndex(MainWindow::EventsTab);
    EventsPanel *panel = window.eventsPanel();
    const Chain chain = window.chainsModel()->chainAt(row);
    const QString binary = chain.firstRun.section(QRegularExpression(QStringLiteral("[/\\\\]")), -1);
    if (auto *search = panel->findChild<QLineEdit *>(QStringLiteral("search")))
        search->setText(binary);
    if (auto *host = panel->findChild<QComboBox *>(QStringLiteral("hostFilter"))) {
        const int i = host->findData(chain.host, Qt::UserRole, Qt::MatchFixedString);
        if (i > 0)
            host->setCurrentIndex(i);
    }
    QTest::qWait(400); // the search is debounced
    if (panel->model()->rowCount() == 0)
        return fail(QStringLiteral("the filtered Events tab is empty"));
    if (panel->model()->rowCount() > 0)
        panel->view()->setCurrentIndex(panel->view()->showCaseRow(0));
    if (!save(window, out, QStringLiteral("events-filtered.png")))
        return fail(QStringLiteral("cannot write events-filtered.png"));

    // The near miss: the chain whose egress came latest after its window, on the
    // Timeline tab with its gap note.
    int nearMiss = -1;
    qint64 latest = -1;
    for (int r = 0; r < window.chainsModel()->rowCount(); ++r) {
        for (const MissingStage &m : window.chainsModel()->chainAt(r).missingStages) {
            if (m.stage == Stage::Egress && m.nearestEvent >= 0 && m.gapUs > latest) {
                nearMiss = r;
                latest = m.gapUs;
            }
        }
    }
    if (nearMiss < 0)
        return fail(QStringLiteral("the case has no chain whose egress came too late"));
    window.selectChain(nearMiss);
    window.tabs()->setCurrentIndex(MainWindow::TimelineTab);
    if (!save(window, out, QStringLiteral("timeline-nearmiss.png")))
        return fail(QStringLiteral("cannot write timeline-nearmiss.png"));
    return 0;
}
