// Open benchmark (issue 15): what the analyst waits for when a big case opens, and what
// it costs in memory. One phase per process, so that each phase's peak RSS is its own:
//
//   chainscope-bench-open CASE --phase open|kept|workbench|workbench-policy|recompute|store|stored|page|timeline
//   [--runs N]
//
//  open       the whole-index path: open the case store, CaseIndex::load,
//             Correlator::run under the case policy — what every open did before the
//             case kept its chains, and what the first open after an import or a
//             policy change still does; then, timed apart (keep_s), keeping the chains
//             in the case as that open does. One run per process (the caller repeats it).
//  kept       the workbench's open of a case that kept its chains (issue 15):
//             ChainAnalysis::load until chainsReady, i.e. the key, the kept snapshot
//             read and checked, and the chains handed over. Fails when the case kept
//             none for its policy (run `chainscope-cli chains CASE` once first).
//  workbench  the workbench's own open (MainWindow::openCase, offscreen) until its chain
//             list is filled (chainsUpdated), and the longest the window's event loop
//             was held meanwhile (the sources, the events table's count, the density
//             strip run on it): what the analyst sees of "the chain list is live while
//             the rest loads".
//  workbench-policy
//             the workbench's open (kept chains), then each of `recompute`'s three
//             changes made with MainWindow::applyPolicy, N times each, timed until the
//             chain list is filled again (chainsUpdated), with the longest the window's
//             event loop was held meanwhile; the case policy is applied again after each
//             (untimed; each change adds two versions to the case's policy history), 3 s
//             after the analysis handed over the chains before it (it keeps them
//             meanwhile). Peak RSS is the window's, with every change; then what stays
//             resident 5 s later, the analysis idle. Fails when the case
//             has no current stored index (run `--phase store` first).
//  recompute  after an (untimed) open, N times each: a window-only change
//             (TimeWindow=4h: in the correlator's WorkKey, so the seeds are re-walked),
//             an allow-list-only change (ApprovedUpdateHosts+=203.0.113.0/24: judged
//             again from the kept work), and a path-scope change (PathScope+=/srv/bench/bin:
//             the policy-dependent re-walk of every seed). Each timed change starts
//             from the case policy's cached work, as the analyst's next edit would.
//  store      after an (untimed) whole-index open: StoredIndex::write, the case's
//             stored correlation index written once (what the first open after an
//             import adds, after its chains are shown). One run.
//  stored     the chains computed from the stored index (StoredIndex::compute, as a
//             policy change after an open of kept chains does it, and an open whose
//             chains were not kept): the case policy, then the three changes of
//             `recompute`, N times each, each from nothing (a fresh read). Peak RSS is
//             the phase's. Fails when the case has no current stored index (run
//             `--phase store` first).
//  page       the events table's first page: EventsModel::reset (the match count) and
//             the first row's data() (its page of EventsModel::PageSize rows,
//             CaseStore::queryEvents); then one page from the middle of the case by
//             offset; then, with a fresh cache, the last row's data() (scrolled to the
//             end) and rowOfEvent() of the last event (a chain's event selected). One run.
//  timeline   after an (untimed) open, N times: the density strip (CaseStore::eventDensity
//             and its replot) and the first chain's timeline (showChain and replot),
//             offscreen, as bench_timeline measures them.
//
// Prints key=value lines; tests/bench/bench_open.sh runs the phases and makes the table.

#include "caseindex.h"
#include "casestore.h"
#include "chainanalysis.h"
#include "chainsnapshot.h"
#include "correlator.h"
#include "densitystrip.h"
#include "eventsmodel.h"
#include "heap.h"
#include "mainwindow.h"
#include "storedindex.h"
#include "timelineview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QTimer>

#include <qcustomplot.h>

#include <sys/resource.h>

#include <algorithm>
#include <iterator>
#include <memory>
#include <optional>

using namespace Chainscope;

namespace {

QTextStream out(stdout);

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

double peakRssMib()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

// VmRSS now (what stays resident after the phase), from /proc/self/status.
double currentRssMib()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

void print(const char *key, double value, int decimals = 3)
{
    out << key << '=' << QString::number(value, 'f', decimals) << '\n';
    out.flush();
}

// The open path, timed in its three parts.
struct Opened
{
    std::unique_ptr<CaseStore> store;
    std::shared_ptr<CaseIndex> index;
    std::unique_ptr<Correlator> correlator;
    Policy policy;
    QList<Chain> chains;
};

Opened open(const QString &path, bool report)
{
    Opened o;
    QElapsedTimer all;
    all.start();
    QElapsedTimer t;
    t.start();
    // As ChainAnalysis and the CLI open it: analysis only reads.
    o.store = CaseStore::open(path, CaseStore::Access::ReadOnly);
    o.policy = o.store->policy();
    o.policy.compile();
    const double storeSeconds = seconds(t);
    t.restart();
    o.index = std::make_shared<CaseIndex>();
    o.index->load(*o.store);
    const double loadSeconds = seconds(t);
    t.restart();
    o.correlator = std::make_unique<Correlator>(*o.index);
    o.chains = o.correlator->run(o.policy);
    const double correlateSeconds = seconds(t);
    if (report) {
        out << "events=" << o.store->eventCount() << " indexed=" << o.index->loadedEvents()
            << " processes=" << o.index->processes().size() << " chains=" << o.chains.size() << '\n';
        print("open_store_s", storeSeconds);
        print("index_load_s", loadSeconds);
        print("correlate_s", correlateSeconds);
        print("open_to_chains_s", seconds(all));
        print("rss_after_open_mib", currentRssMib(), 1);
    }
    return o;
}

int phaseKept(const QString &path)
{
    QElapsedTimer all;
    all.start();
    Policy policy;
    {
        auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
        policy = store->policy();
    }
    ChainAnalysis analysis;
    QEventLoop loop;
    qsizetype chains = -1;
    std::shared_ptr<const CaseIndex> index;
    // Queued to this thread (the loop is the context): a result that comes before
    // exec() starts must still end the loop.
    QObject::connect(&analysis, &ChainAnalysis::chainsReady, &loop,
        [&](const QString &, const QList<Chain> &c, std::shared_ptr<const CaseIndex> ix) {
            chains = c.size();
            index = std::move(ix);
            loop.quit();
        });
    QObject::connect(&analysis, &ChainAnalysis::failed, &loop, [&](const QString &error) {
        QTextStream(stderr) << error << '\n';
        loop.quit();
    });
    analysis.load(path, policy);
    loop.exec();
    if (!index)
        return 1;
    if (!index->isPartial()) {
        QTextStream(stderr) << "the case kept no chains for its policy (they were computed): run "
                               "chainscope-cli chains on it once\n";
        return 1;
    }
    out << "kept_chains=" << chains << " kept_events=" << index->events().size()
        << " kept_processes=" << index->processes().size() << " partial=" << index->isPartial() << '\n';
    print("kept_open_to_chains_s", seconds(all));
    print("kept_rss_after_open_mib", currentRssMib(), 1);
    return 0;
}

// Waits on the window's event loop for its next chain list (chainsUpdated), and keeps
// the longest the loop was held meanwhile: a 5 ms tick, whose largest gap between two
// ticks is the longest the window could not answer the analyst.
class ChainsWatch
{
public:
    explicit ChainsWatch(MainWindow &window)
    {
        QObject::connect(&window, &MainWindow::chainsUpdated, &m_loop, [this] {
            m_updated = true;
            m_loop.quit();
        });
        // One timeout, restarted by each measure: a single-shot per wait would stay armed
        // and end a later wait early.
        m_timeout.setSingleShot(true);
        m_timeout.setInterval(120000);
        QObject::connect(&m_timeout, &QTimer::timeout, &m_loop, &QEventLoop::quit);
        m_tick.setInterval(5);
        QObject::connect(&m_tick, &QTimer::timeout, [this] {
            m_longestGapNs = std::max(m_longestGapNs, m_sinceTick.nsecsElapsed());
            m_sinceTick.restart();
        });
    }
    // Starts a measure: the clock, the tick, no chains yet.
    void start()
    {
        m_updated = false;
        m_longestGapNs = 0;
        m_all.start();
        m_sinceTick.start();
        m_tick.start();
        m_timeout.start();
    }
    // What ran on the window's thread since the last tick (openCase, applyPolicy).
    void countBlock() { m_longestGapNs = std::max(m_longestGapNs, m_sinceTick.nsecsElapsed()); }
    // False (and why, on stderr) when no chains came within two minutes.
    bool wait()
    {
        if (!m_updated)
            m_loop.exec();
        m_seconds = ::seconds(m_all);
        m_tick.stop();
        m_timeout.stop();
        if (!m_updated)
            QTextStream(stderr) << "no chains within two minutes\n";
        return m_updated;
    }
    double seconds() const { return m_seconds; }
    double longestBlockSeconds() const { return double(m_longestGapNs) / 1e9; }

private:
    QEventLoop m_loop;
    QTimer m_tick;
    QTimer m_timeout;
    QElapsedTimer m_all;
    QElapsedTimer m_sinceTick;
    qint64 m_longestGapNs = 0;
    double m_seconds = 0;
    bool m_updated = false;
};

// Runs the event loop for `ms` (the window's queued work, the analysis finishing).
void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

int phaseWorkbench(const QString &path)
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    ChainsWatch watch(window);
    watch.start();
    if (!window.openCase(path))
        return 1;
    watch.countBlock();
    const double openCaseSeconds = watch.seconds();
    if (!watch.wait())
        return 1;
    out << "workbench_chains=" << window.caseIndex()->processes().size()
        << " processes, partial=" << window.caseIndex()->isPartial() << '\n';
    print("workbench_opencase_s", openCaseSeconds);
    print("workbench_open_to_chains_s", watch.seconds());
    print("workbench_longest_block_s", watch.longestBlockSeconds());
    return 0;
}

int phaseStore(const QString &path)
{
    Opened o = open(path, false);
    const qint64 before = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    auto store = CaseStore::open(path);
    QElapsedTimer t;
    t.start();
    const bool written = StoredIndex::write(*store, *o.index, store->eventsGeneration());
    print("store_index_s", seconds(t));
    store.reset();
    o.store.reset(); // the last connection: the WAL is checkpointed into the file
    const qint64 after = QFileInfo(path).size();
    out << "stored=" << written << " case_growth_mib=" << QString::number(double(after - before) / 1048576.0, 'f', 1)
        << '\n';
    print("peak_rss_mib", peakRssMib(), 1);
    return written ? 0 : 1;
}

// The policy changes `recompute` and `stored` time: a window change (in the
// correlator's WorkKey), an allow-list change (judged again from kept work), a path
// change (every seed walked again).
struct PolicyChange
{
    const char *name;
    const char *assignment; // nullptr: the case policy as it is
};
constexpr PolicyChange PolicyChanges[] = {
    {"window", "TimeWindow=4h"},
    {"allowlist", "ApprovedUpdateHosts+=203.0.113.0/24"},
    {"rewalk", "PathScope+=/srv/bench/bin"},
};

// `policy` with the change applied and compiled; nullopt (and why, on stderr) when the
// assignment is refused.
std::optional<Policy> changed(const Policy &policy, const PolicyChange &c)
{
    Policy p = policy;
    QString error;
    if (c.assignment && !p.applyAssignment(QString::fromLatin1(c.assignment), &error)) {
        QTextStream(stderr) << c.assignment << ": " << error << '\n';
        return std::nullopt;
    }
    p.compile();
    return p;
}

int phaseWorkbenchPolicy(const QString &path, int runs)
{
    Policy original;
    {
        auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
        if (!StoredIndex::isCurrent(*store)) {
            QTextStream(stderr) << "no current stored index: run --phase store first\n";
            return 1;
        }
        original = store->policy();
    }
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    ChainsWatch watch(window);
    watch.start();
    if (!window.openCase(path) || !watch.wait())
        return 1;
    print("workbench_policy_open_s", watch.seconds());
    for (const PolicyChange &c : PolicyChanges) {
        const std::optional<Policy> p = changed(original, c);
        if (!p)
            return 1;
        const QByteArray key = QByteArray("workbench_policy_") + c.name;
        for (int i = 0; i < runs; ++i) {
            // The analysis keeps the last chains after it hands them over: let it finish,
            // so that the change is timed alone.
            settle(3000);
            watch.start();
            window.applyPolicy(*p);
            watch.countBlock();
            if (!watch.wait())
                return 1;
            print((key + "_s").constData(), watch.seconds());
            print((key + "_longest_block_s").constData(), watch.longestBlockSeconds());
            // The case policy again (untimed; its chains are computed from the stored
            // index too: the case keeps one chain list), so that each change starts
            // from it and the case is left as it was.
            settle(3000);
            watch.start();
            window.applyPolicy(original);
            if (!watch.wait())
                return 1;
        }
    }
    // What stays resident once the analysis has kept the last chains and gone idle.
    settle(5000);
    print("workbench_policy_rss_idle_mib", currentRssMib(), 1);
    print("peak_rss_mib", peakRssMib(), 1);
    return 0;
}

int phaseStored(const QString &path, int runs)
{
    auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
    Policy policy = store->policy();
    policy.compile();
    if (!StoredIndex::isCurrent(*store)) {
        QTextStream(stderr) << "no current stored index: run --phase store first\n";
        return 1;
    }
    QList<PolicyChange> changes {{"policy", nullptr}};
    changes += QList<PolicyChange>(std::begin(PolicyChanges), std::end(PolicyChanges));
    for (const PolicyChange &c : std::as_const(changes)) {
        const std::optional<Policy> p = changed(policy, c);
        if (!p)
            return 1;
        const QString key = QStringLiteral("stored_") + QLatin1String(c.name);
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            t.start();
            StoredIndex::Stats stats;
            QString why;
            const std::optional<ChainSnapshot> snapshot = StoredIndex::compute(*store, *p, nullptr, &why, &stats);
            const double s = seconds(t);
            if (!snapshot) {
                QTextStream(stderr) << why << '\n';
                return 1;
            }
            out << key << "_s=" << QString::number(s, 'f', 3) << " chains=" << snapshot->chains.size()
                << " rounds=" << stats.rounds << " events_read=" << stats.events
                << " processes_read=" << stats.processes << " seeds_kept=" << stats.seedsKept << '\n';
            out << key << "_read_s=" << QString::number(stats.readSeconds, 'f', 3) << '\n'
                << key << "_assemble_s=" << QString::number(stats.assembleSeconds, 'f', 3) << '\n'
                << key << "_correlate_s=" << QString::number(stats.correlateSeconds, 'f', 3) << '\n';
            out.flush();
        }
    }
    print("peak_rss_mib", peakRssMib(), 1);
    return 0;
}

int phaseRecompute(const QString &path, int runs)
{
    Opened o = open(path, false);
    for (const PolicyChange &c : PolicyChanges) {
        const std::optional<Policy> p = changed(o.policy, c);
        if (!p)
            return 1;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            t.start();
            const QList<Chain> chains = o.correlator->run(*p);
            const double s = seconds(t);
            out << "recompute_" << c.name << "_s=" << QString::number(s, 'f', 3) << " chains=" << chains.size()
                << " reused_seeds=" << o.correlator->reusedSeeds() << '\n';
            out.flush();
            // Back to the case policy (untimed), so the next change starts from its work.
            o.correlator->run(o.policy);
        }
    }
    print("peak_rss_mib", peakRssMib(), 1);
    return 0;
}

int phasePage(const QString &path)
{
    QElapsedTimer t;
    t.start();
    auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
    const double storeSeconds = seconds(t);
    t.restart();
    EventsModel model;
    model.reset(store.get()); // the match count (the table's size), bookmarks
    const double countSeconds = seconds(t);
    model.index(0, EventsModel::Time).data(); // what the view asks for first: one page
    const double pageSeconds = seconds(t);
    // A page in the middle, as a scroll bar dragged there asks for it: offset paging
    // in time order (the store's query, without the model's pages before it).
    t.restart();
    EventQuery middle;
    middle.limit = EventsModel::PageSize;
    middle.offset = model.matchCount() / 2;
    qint64 middleRows = 0;
    store->queryEvents(middle, [&](const Event &) {
        ++middleRows;
        return true;
    });
    const double middleSeconds = seconds(t);
    // The end of the case, as the scroll bar dragged to the bottom and a selected event
    // near the end ask for it: the model reads that page only.
    EventsModel end;
    end.reset(store.get());
    t.restart();
    const qint64 lastId = end.index(end.rowCount() - 1, EventsModel::Time).data(EventsModel::EventIdRole).toLongLong();
    const double lastRowSeconds = seconds(t);
    end.reset(store.get());
    t.restart();
    const int lastRow = end.rowOfEvent(lastId);
    const double rowOfEventSeconds = seconds(t);
    out << "rows=" << model.rowCount() << " matches=" << model.matchCount() << " middle_rows=" << middleRows
        << " last_row=" << lastRow << " cached_pages=" << end.cachedPageCount() << '\n';
    print("page_store_open_s", storeSeconds);
    print("page_count_s", countSeconds);
    print("first_page_s", pageSeconds);
    print("middle_page_s", middleSeconds);
    print("last_row_s", lastRowSeconds);
    print("row_of_last_event_s", rowOfEventSeconds);
    print("peak_rss_mib", peakRssMib(), 1);
    return model.rowCount() > 0 ? 0 : 1;
}

int phaseTimeline(const QString &path, int runs)
{
    Opened o = open(path, false);
    if (o.chains.isEmpty()) {
        out << "error=no chain found\n";
        return 1;
    }
    DensityStrip strip;
    strip.resize(1200, 120);
    strip.show();
    strip.setStore(o.store.get());
    TimelineView view;
    view.resize(1200, 460);
    view.show();
    const Chain &chain = o.chains.first();
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        strip.refresh();
        print("density_refresh_replot_s", seconds(t));
        t.restart();
        view.showChain(o.index, chain, o.policy.timeWindowUs);
        print("timeline_showchain_replot_s", seconds(t));
    }
    out << "density_bins=" << strip.counts().size() << " chain_evidence=" << chain.evidence.size() << '\n';
    print("peak_rss_mib", peakRssMib(), 1);
    return 0;
}

int usage()
{
    QTextStream(stderr) << "usage: chainscope-bench-open CASE --phase "
                           "open|kept|workbench|workbench-policy|recompute|store|stored|page|timeline "
                           "[--runs N]\n";
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    // The heap as the workbench sets it (app/gui/main.cpp): the phases measure its open
    // and its policy changes.
    Chainscope::Heap::configureForWorkbench();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const auto option = [&](const QString &name, const QString &fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    if (args.isEmpty() || !QFile::exists(args.first()))
        return usage();
    const QString path = args.first();
    const QString phase = option(QStringLiteral("--phase"), QString());
    const int runs = qMax(1, option(QStringLiteral("--runs"), QStringLiteral("3")).toInt());
    try {
        if (phase == u"open") {
            Opened o = open(path, true);
            print("peak_rss_mib", peakRssMib(), 1);
            // What the first open after an import or a policy change adds once the
            // window has its chains: keeping them in the case for the next open
            // (snapshot, SHA-256, one row written). Not in open_to_chains_s nor in the
            // peak above.
            QElapsedTimer t;
            t.start();
            const bool kept = ChainCache::write(
                path, ChainCache::keyFor(o.policy), o.store->eventsGeneration(), *o.index, o.chains);
            out << "kept=" << kept << '\n';
            print("keep_s", seconds(t));
            return kept ? 0 : 1;
        }
        if (phase == u"kept") {
            const int rc = phaseKept(path);
            print("peak_rss_mib", peakRssMib(), 1);
            return rc;
        }
        if (phase == u"workbench") {
            const int rc = phaseWorkbench(path);
            print("peak_rss_mib", peakRssMib(), 1);
            return rc;
        }
        if (phase == u"workbench-policy")
            return phaseWorkbenchPolicy(path, runs);
        if (phase == u"recompute")
            return phaseRecompute(path, runs);
        if (phase == u"store")
            return phaseStore(path);
        if (phase == u"stored")
            return phaseStored(path, runs);
        if (phase == u"page")
            return phasePage(path);
        if (phase == u"timeline")
            return phaseTimeline(path, runs);
    } catch (const CaseError &e) {
        QTextStream(stderr) << e.message() << '\n';
        return 1;
    }
    return usage();
}
