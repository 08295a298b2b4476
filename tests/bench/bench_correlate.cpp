// Correlation benchmark: how long a case takes to index (events → process graph)
// and how long a chain recompute takes after a policy change, both the full kind
// (the window changed) and the incremental kind (only allow-lists changed).
//
//   chainscope-bench-correlate CASE [POLICY.json]
//
// Prints key=value lines; the per-million figures are what docs/benchmarks.md tracks.

#include "caseindex.h"
#include "casestore.h"
#include "correlator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <sys/resource.h>

using namespace Chainscope;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    if (app.arguments().size() < 2 || app.arguments().size() > 3) {
        QTextStream(stderr) << "usage: chainscope-bench-correlate CASE [POLICY.json]\n";
        return 1;
    }
    auto store = CaseStore::open(app.arguments().at(1));
    const qint64 allEvents = store->eventCount();
    QElapsedTimer clock;
    clock.start();
    CaseIndex index;
    index.load(*store);
    const double indexSeconds = double(clock.nsecsElapsed()) / 1e9;
    Correlator correlator(index);
    Policy policy = store->policy();
    if (app.arguments().size() == 3) {
        // The site policy the evidence came with (the demo's approved mirrors).
        QFile file(app.arguments().at(2));
        QString error;
        std::optional<Policy> loaded;
        if (file.open(QIODevice::ReadOnly))
            loaded = Policy::fromJson(QJsonDocument::fromJson(file.readAll()).object(), &error);
        if (!loaded) {
            QTextStream(stderr) << "cannot use policy " << file.fileName() << ": " << error << '\n';
            return 1;
        }
        policy = *loaded;
    }

    const auto timed = [&](const char *label) {
        clock.restart();
        const QList<Chain> chains = correlator.run(policy);
        const double s = double(clock.nsecsElapsed()) / 1e9;
        int full = 0;
        for (const Chain &c : chains)
            full += c.isFull() && !c.approved;
        out << "recompute=" << label << " seconds=" << QString::number(s, 'f', 3)
            << " seconds_per_million_events=" << QString::number(s / (double(allEvents) / 1e6), 'f', 3)
            << " chains=" << chains.size() << " full=" << full << " reused_seeds=" << correlator.reusedSeeds() << '\n';
        out.flush();
    };
    out << "events=" << allEvents << " indexed=" << index.loadedEvents() << " processes=" << index.processes().size()
        << " index_seconds=" << QString::number(indexSeconds, 'f', 2) << '\n';
    timed("initial");
    QString error;
    policy.applyAssignment(QStringLiteral("TimeWindow=4h"), &error);
    timed("window-changed");
    policy.applyAssignment(QStringLiteral("ApprovedUpdateHosts+=203.0.113.0/24"), &error);
    timed("allow-list-changed");
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    out << "peak_rss_mib=" << QString::number(double(usage.ru_maxrss) / 1024.0, 'f', 1) << '\n';
    return 0;
}
