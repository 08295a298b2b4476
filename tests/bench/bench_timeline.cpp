// Timeline benchmark (issue 14): is the chain view fluid in a case of a million events?
//
//   chainscope-bench-timeline [--events N] [--runs N] [--case PATH]
//
// Builds a case of N events (default 1,000,000) spread over 30 days on many hosts, with
// one planted install chain (apt-get → postinst write → first run → curl egress), through
// the store's own EventWriter. Then, offscreen, times what the workbench does on a redraw:
//  (a) the density strip: DensityStrip::refresh(), one SQL GROUP BY, and its replot;
//  (b) the timeline: TimelineView::showChain() of the planted chain, and its replot;
// against the naive peer in the same run: every event time of the case loaded and
// plotted as one QCPGraph (load, then replot). Prints key=value lines; medians over
// --runs runs (default 20), and the worst run.

#include "caseindex.h"
#include "casestore.h"
#include "correlator.h"
#include "densitystrip.h"
#include "timelineview.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <qcustomplot.h>

#include <algorithm>

using namespace Chainscope;

namespace {

constexpr qint64 Second = 1000000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Day = 24 * 60 * Minute;
constexpr qint64 T0 = 1'770'000'000LL * Second;

QTextStream out(stdout);

struct Timing
{
    double median = 0;
    double worst = 0;
};

template<typename F> Timing timeRuns(int runs, F &&f)
{
    QList<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        ms << double(t.nsecsElapsed()) / 1e6;
    }
    std::sort(ms.begin(), ms.end());
    return {ms.at(ms.size() / 2), ms.last()};
}

void print(const char *key, const Timing &t)
{
    out << key << "_median_ms=" << QString::number(t.median, 'f', 2) << '\n'
        << key << "_worst_ms=" << QString::number(t.worst, 'f', 2) << '\n';
    out.flush();
}

Event linuxEvent(qint64 t, EventKind kind, qint64 pid, qint64 ppid, const QString &image)
{
    Event e;
    e.timeUs = t;
    e.host = QStringLiteral("bench-host");
    e.platform = Platform::Linux;
    e.kind = kind;
    e.pid = pid;
    e.ppid = ppid;
    e.image = image;
    return e;
}

// The planted chain, in the shape the Correlator's tests use.
QList<Event> plantedChain(qint64 t0)
{
    QList<Event> events;
    const auto exec = [&](qint64 t, qint64 pid, qint64 ppid, const QString &image, const QString &cmd = QString()) {
        Event e = linuxEvent(t, EventKind::ProcessStart, pid, ppid, image);
        e.commandLine = cmd.isEmpty() ? image : cmd;
        events << e;
    };
    const auto fork = [&](qint64 t, qint64 parent, qint64 child, const QString &image) {
        Event e = linuxEvent(t, EventKind::ProcessStart, child, parent, image);
        e.forked = true;
        events << e;
    };
    exec(t0, 1000, 900, QStringLiteral("/usr/bin/apt-get"), QStringLiteral("apt-get install qwik"));
    fork(t0 + Second, 1000, 1002, QStringLiteral("/usr/bin/apt-get"));
    exec(t0 + Second + 10, 1002, 1000, QStringLiteral("/usr/bin/dpkg"), QStringLiteral("dpkg --unpack"));
    fork(t0 + 2 * Second, 1002, 1003, QStringLiteral("/usr/bin/dpkg"));
    exec(t0 + 2 * Second + 10, 1003, 1002, QStringLiteral("/bin/sh"),
        QStringLiteral("/bin/sh /var/lib/dpkg/info/qwik.postinst configure"));
    Event w = linuxEvent(t0 + 3 * Second, EventKind::FileWrite, 1003, 1002, QStringLiteral("/bin/sh"));
    w.targetPath = QStringLiteral("/usr/local/bin/qwik");
    events << w;
    exec(t0 + 5 * Minute, 2000, 1, QStringLiteral("/bin/bash"));
    fork(t0 + 10 * Minute - 10, 2000, 2001, QStringLiteral("/bin/bash"));
    exec(t0 + 10 * Minute, 2001, 2000, QStringLiteral("/usr/local/bin/qwik"));
    fork(t0 + 20 * Minute, 2001, 2003, QStringLiteral("/usr/local/bin/qwik"));
    exec(t0 + 20 * Minute + 10, 2003, 2001, QStringLiteral("/usr/bin/curl"));
    Event c = linuxEvent(t0 + 21 * Minute, EventKind::NetConnect, 2003, 2001, QStringLiteral("/usr/bin/curl"));
    c.dstIp = QStringLiteral("198.51.100.7");
    c.dstPort = 443;
    c.addressFamily = QStringLiteral("inet");
    events << c;
    return events;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto option = [&](const QString &name, const QString &fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const qint64 total = option(QStringLiteral("--events"), QStringLiteral("1000000")).toLongLong();
    const int runs = option(QStringLiteral("--runs"), QStringLiteral("20")).toInt();
    QTemporaryDir tmp;
    const QString path = option(QStringLiteral("--case"), tmp.filePath(QStringLiteral("bench.chainscope")));
    QFile::remove(path);

    // The case: noise over 30 days (four in five events log messages, as in the corpus,
    // the rest short-lived processes on 200 hosts) and the planted chain on day 15.
    QElapsedTimer t;
    t.start();
    auto store = CaseStore::create(path);
    {
        SourceInfo info;
        info.path = QStringLiteral("bench");
        info.format = QStringLiteral("bench");
        EventWriter writer(*store, store->beginSource(info));
        const qint64 raw = writer.addRaw("bench");
        const QList<Event> chain = plantedChain(T0 + 15 * Day);
        QRandomGenerator random(1);
        const qint64 noise = qMax<qint64>(0, total - chain.size());
        QList<qint64> times;
        times.reserve(noise);
        for (qint64 i = 0; i < noise; ++i)
            times << T0 + qint64(random.generate64() % quint64(30 * Day));
        std::sort(times.begin(), times.end());
        qsizetype next = 0;
        for (qint64 i = 0; i < noise; ++i) {
            while (next < chain.size() && chain.at(next).timeUs <= times.at(i))
                writer.add(chain.at(next++), raw);
            Event e;
            e.timeUs = times.at(i);
            e.host = QStringLiteral("host-%1").arg(i % 200);
            e.platform = Platform::Linux;
            if (i % 5 == 0) {
                e.kind = EventKind::ProcessStart;
                e.pid = 100000 + i % 30000;
                e.ppid = 1;
                e.image = QStringLiteral("/usr/bin/cron");
                e.commandLine = e.image;
            } else {
                e.kind = EventKind::LogMessage;
            }
            writer.add(e, raw);
        }
        while (next < chain.size())
            writer.add(chain.at(next++), raw);
        ImportCounts counts;
        counts.recordsRead = total;
        writer.finish(counts);
    }
    out << "events=" << store->eventCount() << '\n' << "build_case_s=" << t.elapsed() / 1000.0 << '\n';

    t.restart();
    auto index = std::make_shared<CaseIndex>();
    if (!index->load(*store))
        return 1;
    const QList<Chain> chains = Correlator(*index).run(Policy::defaults());
    out << "index_and_correlate_s=" << t.elapsed() / 1000.0 << '\n' << "chains=" << chains.size() << '\n';
    if (chains.isEmpty()) {
        out << "error=no chain found\n";
        return 1;
    }
    const Chain &chain = chains.first();
    out << "chain_evidence=" << chain.evidence.size() << '\n';
    out.flush();

    // (a) The density strip: one GROUP BY and a replot.
    DensityStrip strip;
    strip.resize(1200, 120);
    strip.show();
    strip.setStore(store.get());
    out << "density_bins=" << strip.counts().size() << '\n';
    print("density_refresh_replot", timeRuns(runs, [&] { strip.refresh(); }));
    print("density_replot", timeRuns(runs, [&] { strip.plot()->replot(); }));

    // (b) The timeline: the chain's events only.
    TimelineView view;
    view.resize(1200, 460);
    view.show();
    print("timeline_showchain_replot", timeRuns(runs, [&] { view.showChain(index, chain, 90 * Minute); }));
    print("timeline_replot", timeRuns(runs, [&] { view.plot()->replot(); }));

    // A chain with very many evidence items (an update session's module loads): the view
    // samples it down to TimelineView::MaxPoints.
    Chain busy = chain;
    QRandomGenerator pick(2);
    for (int i = 0; i < 50000; ++i) {
        Evidence x;
        x.eventIndex = qint32(pick.bounded(int(index->events().size())));
        x.eventId = index->events().at(x.eventIndex).id;
        x.stage = Stage::FirstRun;
        x.role = QStringLiteral("module");
        x.node = index->events().at(x.eventIndex).node;
        x.target = QStringLiteral("/usr/lib/libbench.so");
        busy.evidence << x;
    }
    out << "busy_chain_evidence=" << busy.evidence.size() << '\n';
    print("timeline_busy_showchain_replot", timeRuns(qMin(runs, 5), [&] { view.showChain(index, busy, 90 * Minute); }));
    out << "busy_chain_points=" << view.pointCount() << '\n';
    print("timeline_busy_replot", timeRuns(runs, [&] { view.plot()->replot(); }));

    // The naive peer: every event of the case loaded and drawn as one graph.
    QCustomPlot naive;
    naive.resize(1200, 460);
    naive.show();
    QCPGraph *graph = naive.addGraph();
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 3));
    QVector<double> keys, values;
    const Timing load = timeRuns(qMin(runs, 3), [&] {
        keys.clear();
        values.clear();
        store->forEachEvent(EventFilter(), [&](const Event &e) {
            keys << double(e.timeUs) / 1e6;
            values << double(int(e.kind));
            return true;
        });
        graph->setData(keys, values, true);
    });
    out << "naive_points=" << keys.size() << '\n';
    print("naive_load_rows", load);
    naive.rescaleAxes();
    print("naive_replot", timeRuns(runs, [&] { naive.replot(); }));
    return 0;
}
