// Policy benchmark: how long a site's allow-list takes to load, and a lookup in it.
//
//   chainscope-bench-policy [ENTRIES]      (default 100000)
//
// The list mixes what a proxy allow-list holds: exact names (90 %), "*.domain"
// suffixes (9 %) and CIDR ranges (1 %). Prints key=value lines for docs/benchmarks.md.

#include "policy.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

using namespace Chainscope;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int entries = app.arguments().size() > 1 ? app.arguments().at(1).toInt() : 100000;
    if (entries <= 0) {
        QTextStream(stderr) << "usage: chainscope-bench-policy [ENTRIES]\n";
        return 1;
    }
    QJsonArray hosts;
    for (int i = 0; i < entries; ++i) {
        if (i % 100 == 0)
            hosts.append(QStringLiteral("10.%1.%2.0/24").arg((i / 256) % 256).arg(i % 256));
        else if (i % 10 == 0)
            hosts.append(QStringLiteral("*.tenant%1.cdn.example").arg(i));
        else
            hosts.append(QStringLiteral("svc%1.vendor%2.example").arg(i).arg(i % 997));
    }
    const QJsonObject file {{QStringLiteral("ApprovedUpdateHosts"), hosts}};

    QElapsedTimer clock;
    clock.start();
    QString error;
    const auto policy = Policy::fromJson(file, &error);
    const double loadSeconds = double(clock.nsecsElapsed()) / 1e9;
    if (!policy) {
        QTextStream(stderr) << "cannot load: " << error << '\n';
        return 1;
    }

    // A million lookups: names on and off the list, suffix hits, addresses.
    const int lookups = 1000000;
    QStringList probes;
    for (int i = 0; i < 1000; ++i) {
        probes << QStringLiteral("svc%1.vendor%2.example").arg(i * 7 + 1).arg((i * 7 + 1) % 997)
               << QStringLiteral("a.tenant%1.cdn.example").arg((i % 50) * 10)
               << QStringLiteral("unlisted%1.example.org").arg(i) << QStringLiteral("10.0.%1.9").arg(i % 256);
    }
    int approved = 0;
    clock.restart();
    for (int i = 0; i < lookups; ++i)
        approved += policy->isApprovedHost(probes.at(i % probes.size())) ? 1 : 0;
    const double lookupSeconds = double(clock.nsecsElapsed()) / 1e9;

    out << "entries=" << policy->approvedUpdateHosts.size() << " load_seconds=" << QString::number(loadSeconds, 'f', 3)
        << '\n';
    out << "lookups=" << lookups << " approved=" << approved
        << " lookup_seconds=" << QString::number(lookupSeconds, 'f', 3)
        << " ns_per_lookup=" << QString::number(lookupSeconds * 1e9 / lookups, 'f', 0) << '\n';
    return 0;
}
