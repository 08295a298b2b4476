// libFuzzer entry point for the policy parser: policy files (JSON) and list entries,
// as `policy --load`, `--set` and the workbench's editor hand them over. The first
// byte picks the surface; the rest is the text. Oracles beside "no crash, no hang":
//  - a policy that loads saves to JSON that loads back to an equal policy;
//  - the host index (hashes by name, suffix and prefix length) approves exactly what
//    a scan of the allow-list in order with HostPattern::matches() approves, and names
//    the same entry;
//  - a duration that parses formats to text that parses to the same value.
#include "policy.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <cstdio>

namespace {

using namespace Chainscope;

void checkRoundTrip(const Policy &policy)
{
    QString error;
    const std::optional<Policy> again = Policy::fromJson(policy.toJson(), &error);
    if (!again || *again != policy) {
        std::fprintf(
            stderr, "round trip: %s\n%s\n", qPrintable(error), QJsonDocument(policy.toJson()).toJson().constData());
        __builtin_trap();
    }
}

// The entry a scan of the list in order finds first, as approvingEntry() words it.
QString scannedEntry(const QList<HostPattern> &patterns, const QString &host)
{
    for (const HostPattern &p : patterns) {
        if (p.matches(host))
            return QStringLiteral("ApprovedUpdateHosts %1").arg(p.text());
    }
    return QString();
}

void checkHostIndex(const QStringList &lines)
{
    // The defaults approve no update host, so every approval comes from `lines`.
    Policy policy = Policy::defaults();
    QString error;
    if (!policy.setList(QStringLiteral("ApprovedUpdateHosts"), lines, false, &error))
        return; // refused with a message: the policy is unchanged, nothing to index
    policy.compile();
    QList<HostPattern> patterns;
    for (const QString &entry : policy.approvedUpdateHosts) {
        const std::optional<HostPattern> p = HostPattern::parse(entry);
        if (!p)
            __builtin_trap(); // setList accepted an entry that does not parse
        patterns.append(*p);
    }
    // Probes near every entry: itself, a subdomain, its parent, other case, a
    // trailing dot, and for ranges the first address of the network.
    QStringList probes;
    for (const QString &line : lines) {
        const QString t = line.trimmed();
        probes << t << QStringLiteral("a.") + t << t.toUpper() << t + QLatin1Char('.');
        if (const qsizetype dot = t.indexOf(u'.'); dot >= 0)
            probes << t.mid(dot + 1) << t.mid(dot);
        if (const qsizetype slash = t.indexOf(u'/'); slash >= 0)
            probes << t.left(slash);
    }
    for (const QString &probe : probes) {
        const QString indexed = policy.approvingEntry(probe);
        const QString scanned = scannedEntry(patterns, probe);
        if (indexed != scanned) {
            std::fprintf(stderr, "host index: \"%s\" approved by \"%s\", a scan says \"%s\"\n", qPrintable(probe),
                qPrintable(indexed), qPrintable(scanned));
            __builtin_trap();
        }
    }
    checkRoundTrip(policy);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0 || size > 64 * 1024)
        return -1;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QString text = QString::fromUtf8(bytes);
    const QStringList lines = text.split(u'\n');
    QString error;
    switch (data[0] % 4) {
    case 0: { // a policy file
        const QJsonDocument doc = QJsonDocument::fromJson(bytes);
        if (!doc.isObject())
            return 0;
        if (std::optional<Policy> policy = Policy::fromJson(doc.object(), &error)) {
            policy->compile();
            checkRoundTrip(*policy);
            (void)policy->isApprovedHost(QStringLiteral("update.example.com"));
            (void)policy->isInstaller(QStringLiteral("/usr/bin/apt"), QStringLiteral("apt install x"), Platform::Linux);
        }
        return 0;
    }
    case 1: // an allow-list, one entry per line
        checkHostIndex(lines);
        return 0;
    case 2: { // `policy --set` assignments, one per line, onto the defaults
        Policy policy = Policy::defaults();
        for (const QString &line : lines)
            (void)policy.applyAssignment(line, &error);
        policy.compile();
        checkRoundTrip(policy);
        for (const QString &line : lines) {
            (void)policy.isInstaller(line, line, Platform::Linux);
            (void)policy.isInstaller(line, line, Platform::Windows);
            (void)policy.isMonitoredPath(line, Platform::Windows);
            (void)policy.isStagingPath(line, Platform::Linux);
        }
        return 0;
    }
    default: // durations
        for (const QString &line : lines) {
            if (const std::optional<qint64> us = Policy::parseDuration(line)) {
                const std::optional<qint64> again = Policy::parseDuration(Policy::formatDuration(*us));
                if (!again || *again != *us)
                    __builtin_trap();
            }
        }
        return 0;
    }
}
