#include "correlator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QtNumeric>

#include <algorithm>
#include <bit>
#include <limits>

namespace Chainscope {

namespace {

// One translation context for the whole file, declared where lupdate sees it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Chainscope::Correlator)
};

// Package events and the installer process that wrote them are the same install
// when the package log's (second-resolution) time falls in the process's life.
constexpr qint64 PackageLogSlackUs = 5 * 1000000LL;
// Package-log lines closer than this belong to one transaction.
constexpr qint64 TransactionGapUs = 10 * 60 * 1000000LL;

// Shells, script hosts, downloaders and LOLBins: what a freshly installed binary has
// no business starting on its first run.
bool isShellOrScriptHost(const QString &image)
{
    static const QRegularExpression rx(
        QStringLiteral("^(sh|bash|dash|zsh|ksh|fish|csh|tcsh|busybox|curl|wget|nc|ncat|netcat|socat|"
                       "python[0-9.]*|perl[0-9.]*|ruby[0-9.]*|php[0-9.]*|node|osascript|"
                       "cmd\\.exe|powershell\\.exe|pwsh\\.exe|wscript\\.exe|cscript\\.exe|mshta\\.exe|"
                       "rundll32\\.exe|regsvr32\\.exe|certutil\\.exe|bitsadmin\\.exe)$"),
        QRegularExpression::CaseInsensitiveOption);
    return rx.match(fileNameOf(image)).hasMatch();
}

// Times come from hostile logs and may sit at either end of the range.
qint64 saturatingAdd(qint64 a, qint64 b)
{
    qint64 sum = 0;
    if (qAddOverflow(a, b, &sum))
        return b > 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    return sum;
}

QString humanDuration(qint64 us)
{
    const qint64 minutes = us / 60000000;
    if (minutes < 1)
        return Text::tr("%1 s").arg(us / 1000000);
    if (minutes < 60)
        return Text::tr("%1 min").arg(minutes);
    if (minutes < 48 * 60)
        return minutes % 60 ? Text::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60)
                            : Text::tr("%1 h").arg(minutes / 60);
    return Text::tr("%1 days").arg(minutes / (24 * 60));
}

} // namespace

QString stageName(Stage stage)
{
    switch (stage) {
    case Stage::Install:
        return QStringLiteral("install");
    case Stage::Write:
        return QStringLiteral("write");
    case Stage::FirstRun:
        return QStringLiteral("first_run");
    case Stage::Egress:
        return QStringLiteral("egress");
    }
    return QString();
}

bool Chain::hasStage(Stage s) const
{
    return stage(s) != nullptr;
}

const ChainStage *Chain::stage(Stage s) const
{
    for (const ChainStage &st : stages) {
        if (st.stage == s)
            return &st;
    }
    return nullptr;
}

QJsonObject Chain::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("host"), host);
    o.insert(QStringLiteral("platform"), platformName(platform));
    o.insert(QStringLiteral("score"), score);
    o.insert(QStringLiteral("start"), formatTimeUs(startUs));
    QJsonArray stageArray;
    for (const ChainStage &s : stages) {
        QJsonArray ids;
        for (qint64 eventId : s.eventIds)
            ids.append(eventId);
        stageArray.append(QJsonObject {{QStringLiteral("stage"), stageName(s.stage)}, {QStringLiteral("events"), ids}});
    }
    o.insert(QStringLiteral("stages"), stageArray);
    o.insert(QStringLiteral("mismatches"), QJsonArray::fromStringList(mismatches));
    o.insert(QStringLiteral("missing"), QJsonArray::fromStringList(missing));
    o.insert(QStringLiteral("approved"), approved);
    o.insert(QStringLiteral("installer"), installer);
    o.insert(QStringLiteral("first_run"), firstRun.isEmpty() ? QJsonValue() : QJsonValue(firstRun));
    o.insert(QStringLiteral("egress"), egress.isEmpty() ? QJsonValue() : QJsonValue(egress));
    o.insert(QStringLiteral("written_paths"), QJsonArray::fromStringList(writtenPaths));
    return o;
}

Correlator::Correlator(const CaseIndex &index)
    : m_index(index)
{
}

QString Correlator::describe(const IndexedEvent &e) const
{
    const StringPool &s = m_index.strings;
    return formatDestination(s.at(e.dstHost), s.at(e.dstIp), e.dstPort);
}

QString Correlator::drift(const IndexedEvent &e, qint64 installUs, const Policy &policy) const
{
    const StringPool &s = m_index.strings;
    const qint32 path = e.kind == EventKind::ModuleLoad ? e.target : e.image;
    if (path == 0 || (e.hashes == 0 && e.signer == 0))
        return QString();
    // The most recent use of the same file before the install that logged a hash or
    // signer is what the host knew.
    const QList<qint32> history = m_index.useBefore(e.host, path, installUs);
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        const IndexedEvent &before = m_index.events().at(*it);
        if (before.signer != 0 && e.signer != 0
            && s.at(before.signer).compare(s.at(e.signer), Qt::CaseInsensitive) != 0) {
            return Mismatch::SignerDrift;
        }
        if (before.hashes != 0 && e.hashes != 0 && before.hashes != e.hashes) {
            const bool sameSigner = before.signer == 0 || e.signer == 0
                || s.at(before.signer).compare(s.at(e.signer), Qt::CaseInsensitive) == 0;
            if (sameSigner || policy.isApprovedSigner(s.at(e.signer)))
                return Mismatch::HashDrift;
        }
        if (before.hashes != 0 || before.signer != 0)
            break;
    }
    return QString();
}

bool Correlator::isSuspiciousChild(qint32 node) const
{
    return isShellOrScriptHost(m_index.strings.at(m_index.process(node).image));
}

QList<Correlator::Seed> Correlator::findSeeds(const Policy &policy) const
{
    QList<Seed> seeds;
    const QList<ProcessNode> &nodes = m_index.processes();
    const StringPool &s = m_index.strings;
    // Millions of processes share a few thousand images: decide per distinct image
    // once. Only for interpreters (python3 -m pip, python3 unattended-upgrade) does
    // the command line take part in the decision, and in the cache key.
    static const QRegularExpression interpreter(QStringLiteral("^(python[0-9.]*|perl[0-9.]*|ruby[0-9.]*|node)$"));
    QHash<qint32, bool> isInterpreter;
    QHash<QPair<qint32, qint32>, bool> decided;
    QList<qint8> installerCache(nodes.size(), -1);
    const auto isInstallerNode = [&](qint32 n) {
        if (installerCache.at(n) >= 0)
            return installerCache.at(n) == 1;
        const ProcessNode &p = nodes.at(n);
        auto interp = isInterpreter.constFind(p.image);
        if (interp == isInterpreter.constEnd())
            interp = isInterpreter.insert(p.image, interpreter.match(fileNameOf(s.at(p.image))).hasMatch());
        const QPair<qint32, qint32> key(p.image, interp.value() ? p.commandLine : -1 - int(p.platform));
        auto it = decided.constFind(key);
        if (it == decided.constEnd())
            it = decided.insert(key, policy.isInstaller(s.at(p.image), s.at(p.commandLine), p.platform));
        installerCache[n] = it.value() ? 1 : 0;
        return it.value();
    };
    for (qint32 n = 0; n < qint32(nodes.size()); ++n) {
        if (!isInstallerNode(n))
            continue;
        // One seed per install: the topmost installer (apt-get, not the dpkg it runs).
        bool covered = false;
        for (qint32 a : m_index.ancestors(n)) {
            if (isInstallerNode(a)) {
                covered = true;
                break;
            }
        }
        if (covered)
            continue;
        Seed seed;
        seed.node = n;
        seed.host = nodes.at(n).host;
        seed.platform = nodes.at(n).platform;
        seed.startUs = nodes.at(n).startUs;
        for (qint32 ev : m_index.eventsOf(n)) {
            if (m_index.events().at(ev).id == nodes.at(n).startEventId) {
                seed.installEvents.append(ev);
                break;
            }
        }
        seeds.append(seed);
    }

    // Package-log events join the installer process that was running at the time;
    // the rest form seeds of their own, one per transaction.
    //
    // Of several installers alive at the time (a lost exit leaves one "alive" for
    // ever), the one started last is the most likely writer. A case can hold millions
    // of package events and thousands of installer runs, so this is no scan of all
    // seeds per event: per host, the process seeds are kept in start order, those
    // started in time are a prefix (a binary search), and the last of them still
    // alive is found by a binary search over range maxima of their ends.
    struct HostSeeds
    {
        QList<qsizetype> seeds; // indices into `seeds`, by start
        QList<qint64> starts;
        // maxEnds[k][i]: the latest end of seeds i … i + 2^k - 1 (a sparse table).
        QList<QList<qint64>> maxEnds;

        qint64 maxEnd(qsizetype from, qsizetype to) const // [from, to), not empty
        {
            const int k = int(std::bit_width(quint64(to - from))) - 1;
            return qMax(maxEnds.at(k).at(from), maxEnds.at(k).at(to - (qsizetype(1) << k)));
        }
    };
    QHash<qint32, HostSeeds> byHost;
    for (qsizetype i = 0; i < seeds.size(); ++i)
        byHost[seeds.at(i).host].seeds.append(i);
    for (HostSeeds &h : byHost) {
        std::stable_sort(h.seeds.begin(), h.seeds.end(),
            [&](qsizetype a, qsizetype b) { return seeds.at(a).startUs < seeds.at(b).startUs; });
        QList<qint64> ends;
        for (qsizetype i : std::as_const(h.seeds)) {
            const ProcessNode &p = nodes.at(seeds.at(i).node);
            h.starts.append(p.startUs);
            ends.append(p.endUs); // a process never seen ending has endUs max
        }
        h.maxEnds.append(ends);
        for (qsizetype width = 2; width <= ends.size(); width *= 2) {
            const QList<qint64> &below = h.maxEnds.last();
            QList<qint64> level(ends.size() - width + 1);
            for (qsizetype i = 0; i < level.size(); ++i)
                level[i] = qMax(below.at(i), below.at(i + width / 2));
            h.maxEnds.append(std::move(level));
        }
    }
    const auto runningInstaller = [&](const IndexedEvent &e) -> Seed * {
        const auto h = byHost.constFind(e.host);
        if (h == byHost.constEnd())
            return nullptr;
        // Started no later than the event (with the log's slack)...
        const qsizetype started
            = std::upper_bound(h->starts.cbegin(), h->starts.cend(), saturatingAdd(e.timeUs, PackageLogSlackUs))
            - h->starts.cbegin();
        // ...and not ended before it: the last i with an end >= `from` among [i, started).
        const qint64 from = saturatingAdd(e.timeUs, -PackageLogSlackUs);
        if (started == 0 || h->maxEnd(0, started) < from)
            return nullptr;
        qsizetype lo = 0;
        qsizetype hi = started - 1;
        while (lo < hi) {
            const qsizetype mid = lo + (hi - lo + 1) / 2;
            if (h->maxEnd(mid, started) >= from)
                lo = mid;
            else
                hi = mid - 1;
        }
        return &seeds[h->seeds.at(lo)];
    };
    Seed *open = nullptr;
    QList<Seed> logSeeds;
    for (qint32 ev : m_index.packageInstalls()) {
        const IndexedEvent &e = m_index.events().at(ev);
        if (Seed *seed = runningInstaller(e)) {
            seed->installEvents.append(ev);
            continue;
        }
        if (open && open->host == e.host
            && e.timeUs - m_index.events().at(open->installEvents.last()).timeUs <= TransactionGapUs) {
            open->installEvents.append(ev);
            continue;
        }
        Seed seed;
        seed.host = e.host;
        seed.platform = e.platform;
        seed.startUs = e.timeUs;
        seed.installEvents.append(ev);
        logSeeds.append(seed);
        open = &logSeeds.last();
    }
    seeds.append(logSeeds);
    std::stable_sort(seeds.begin(), seeds.end(), [](const Seed &a, const Seed &b) { return a.startUs < b.startUs; });
    for (Seed &seed : seeds)
        std::sort(seed.installEvents.begin(), seed.installEvents.end());
    return seeds;
}

Correlator::SeedWork Correlator::analyse(const Seed &seed, const Policy &policy) const
{
    SeedWork work;
    if (seed.node < 0)
        return work;
    const qint64 windowEnd = seed.startUs + policy.timeWindowUs;
    const StringPool &s = m_index.strings;
    QList<qint32> tree = m_index.descendants(seed.node, windowEnd);
    tree.prepend(seed.node);
    QHash<qint32, qint64> firstWrite; // path -> first write time
    for (qint32 n : tree) {
        for (qint32 ev : m_index.eventsOf(n)) {
            const IndexedEvent &e = m_index.events().at(ev);
            if (e.timeUs < seed.startUs || e.timeUs > windowEnd)
                continue;
            if ((e.kind == EventKind::FileWrite || e.kind == EventKind::FileRename) && e.target != 0
                && policy.isMonitoredPath(s.at(e.target), e.platform)) {
                work.writes.append(ev);
                if (!firstWrite.contains(e.target)) {
                    firstWrite.insert(e.target, e.timeUs);
                    work.writtenPaths.append(e.target);
                }
            } else if ((e.kind == EventKind::NetConnect || e.kind == EventKind::DnsQuery) && !e.local) {
                work.installerNet.append(ev);
            }
        }
    }
    std::sort(work.writes.begin(), work.writes.end());
    std::sort(work.installerNet.begin(), work.installerNet.end());
    // Report written paths in the order they were written, not in tree-walk order.
    std::stable_sort(work.writtenPaths.begin(), work.writtenPaths.end(),
        [&](qint32 a, qint32 b) { return firstWrite.value(a) < firstWrite.value(b); });
    QSet<qint32> seenExecs;
    const QSet<qint32> installerTree(tree.cbegin(), tree.cend());
    for (qint32 path : work.writtenPaths) {
        if (const auto exec = m_index.firstExec(seed.host, path, firstWrite.value(path))) {
            if (!seenExecs.contains(*exec)) {
                seenExecs.insert(*exec);
                work.firstRuns.append({path, *exec});
            }
        }
        // A written library runs when a process outside the installer loads it (the
        // installer loading its own custom-action DLLs is still the install).
        qint64 from = firstWrite.value(path);
        for (int guard = 0; guard < 64; ++guard) {
            const auto load = m_index.firstLoad(seed.host, path, from);
            if (!load)
                break;
            const IndexedEvent &e = m_index.events().at(*load);
            if (!installerTree.contains(e.node)) {
                if (!seenExecs.contains(*load)) {
                    seenExecs.insert(*load);
                    work.firstRuns.append({path, *load});
                }
                break;
            }
            from = e.timeUs + 1;
        }
    }
    std::sort(
        work.firstRuns.begin(), work.firstRuns.end(), [](const auto &a, const auto &b) { return a.second < b.second; });
    return work;
}

Chain Correlator::judge(const Seed &seed, const SeedWork &work, const Policy &policy) const
{
    const StringPool &s = m_index.strings;
    const QList<IndexedEvent> &events = m_index.events();
    const qint64 windowEnd = seed.startUs + policy.timeWindowUs;
    const QString window = Policy::formatDuration(policy.timeWindowUs);

    Chain chain;
    chain.host = s.at(seed.host);
    chain.platform = seed.platform;
    chain.startUs = seed.startUs;
    chain.seedNode = seed.node;
    QSet<qint32> involved;
    if (seed.node >= 0) {
        const ProcessNode &p = m_index.process(seed.node);
        chain.installer = s.at(p.commandLine).isEmpty() ? s.at(p.image) : s.at(p.commandLine);
        involved.insert(seed.node);
    } else {
        QStringList packages;
        for (qint32 ev : seed.installEvents)
            packages << s.at(events.at(ev).target);
        packages.removeDuplicates();
        chain.installer = packages.size() > 5 ? Text::tr("packages %1 and %2 more")
                                                    .arg(packages.mid(0, 5).join(QStringLiteral(", ")))
                                                    .arg(packages.size() - 5)
                                              : Text::tr("packages %1").arg(packages.join(QStringLiteral(", ")));
    }

    QSet<QString> mismatches;
    QList<qint32> installEvidence = seed.installEvents;
    // Package sources: what the installer tree downloaded from. Outside the
    // allow-lists, the package did not come from an approved repository.
    for (qint32 ev : work.installerNet) {
        const IndexedEvent &e = events.at(ev);
        if (!policy.isApprovedHost(s.at(e.dstIp)) && !policy.isApprovedHost(s.at(e.dstHost))) {
            mismatches.insert(Mismatch::RepoNotApproved);
            installEvidence.append(ev);
            involved.insert(e.node);
        }
    }
    std::sort(installEvidence.begin(), installEvidence.end());
    const auto ids = [&](const QList<qint32> &indices) {
        QList<qint64> out;
        out.reserve(indices.size());
        for (qint32 i : indices)
            out.append(events.at(i).id);
        return out;
    };
    chain.stages.append({Stage::Install, ids(installEvidence), installEvidence});

    // Stage 2.
    if (work.writes.isEmpty()) {
        chain.missing << (seed.node < 0
                ? Text::tr("no process or file-write records for this install (package log only)")
                : Text::tr("no write into monitored paths by the installer or its descendants "
                           "within %1")
                      .arg(window));
    } else {
        chain.stages.append({Stage::Write, ids(work.writes), work.writes});
        for (qint32 path : work.writtenPaths)
            chain.writtenPaths << s.at(path);
        for (qint32 ev : work.writes)
            involved.insert(events.at(ev).node);
    }

    // Stage 3.
    QList<qint32> runEvidence;
    QList<qint32> runNodes;
    qint32 lateRun = -1;
    for (const auto &[path, exec] : work.firstRuns) {
        const IndexedEvent &e = events.at(exec);
        if (e.timeUs > windowEnd) {
            if (lateRun < 0)
                lateRun = exec;
            continue;
        }
        runEvidence.append(exec);
        if (e.node >= 0 && !runNodes.contains(e.node))
            runNodes.append(e.node);
    }
    for (qint32 r : runNodes) {
        involved.insert(r);
        for (qint32 d : m_index.descendants(r, windowEnd)) {
            involved.insert(d);
            if (isSuspiciousChild(d)) {
                mismatches.insert(Mismatch::UnexpectedChild);
                for (qint32 ev : m_index.eventsOf(d)) {
                    if (events.at(ev).id == m_index.process(d).startEventId)
                        runEvidence.append(ev);
                }
            }
        }
        QList<qint32> subtree = m_index.descendants(r, windowEnd);
        subtree.prepend(r);
        for (qint32 n : subtree) {
            for (qint32 ev : m_index.eventsOf(n)) {
                const IndexedEvent &e = events.at(ev);
                if (e.timeUs > windowEnd)
                    continue;
                if (e.kind == EventKind::SignatureFault) {
                    runEvidence.append(ev);
                    mismatches.insert(Mismatch::UnsignedModule);
                } else if (e.kind == EventKind::ModuleLoad) {
                    if (isBadSignatureStatus(s.at(e.signatureStatus))) {
                        runEvidence.append(ev);
                        mismatches.insert(Mismatch::UnsignedModule);
                    } else if (!s.at(e.signer).isEmpty() && !policy.approvedSigners.isEmpty()
                        && !policy.isApprovedSigner(s.at(e.signer))) {
                        runEvidence.append(ev);
                        mismatches.insert(Mismatch::SignerNotApproved);
                    } else if (const QString d = drift(e, seed.startUs, policy); !d.isEmpty()) {
                        runEvidence.append(ev);
                        mismatches.insert(d);
                    }
                } else if (e.kind == EventKind::ProcessStart && n == r) {
                    if (const QString d = drift(e, seed.startUs, policy); !d.isEmpty()) {
                        runEvidence.append(ev);
                        mismatches.insert(d);
                    }
                }
            }
        }
    }
    chain.firstRunNodes = runNodes;
    if (!runEvidence.isEmpty()) {
        std::sort(runEvidence.begin(), runEvidence.end());
        runEvidence.erase(std::unique(runEvidence.begin(), runEvidence.end()), runEvidence.end());
        chain.stages.append({Stage::FirstRun, ids(runEvidence), runEvidence});
        // A library's first run is its load: name the process that loaded it.
        const IndexedEvent &first = events.at(runEvidence.first());
        chain.firstRun = first.image != 0 ? s.at(first.image)
            : first.node >= 0             ? s.at(m_index.process(first.node).image)
                                          : QString();
    } else if (!work.writes.isEmpty()) {
        if (lateRun >= 0) {
            const IndexedEvent &e = events.at(lateRun);
            chain.firstRun = s.at(e.image);
            chain.lateEvents.append(lateRun);
            chain.missing << Text::tr("written binary %1 first ran %2 after the install, outside the %3 window")
                                 .arg(s.at(e.image), humanDuration(e.timeUs - seed.startUs), window);
        } else {
            chain.missing << Text::tr(
                "none of the %n written file(s) was executed", nullptr, int(work.writtenPaths.size()));
        }
    }

    // Stage 4: egress of the first-run processes and their descendants. Late and
    // approved destinations are looked at too, to explain a missing stage.
    QList<qint32> egress;
    qint32 firstApproved = -1;
    qint32 firstLate = -1;
    for (qint32 r : runNodes) {
        QList<qint32> subtree = m_index.descendants(r);
        subtree.prepend(r);
        for (qint32 n : subtree) {
            for (qint32 ev : m_index.eventsOf(n)) {
                const IndexedEvent &e = events.at(ev);
                if ((e.kind != EventKind::NetConnect && e.kind != EventKind::DnsQuery) || e.local)
                    continue;
                const bool approved = policy.isApprovedHost(s.at(e.dstIp)) || policy.isApprovedHost(s.at(e.dstHost));
                if (e.timeUs > windowEnd) {
                    if (!approved && (firstLate < 0 || e.timeUs < events.at(firstLate).timeUs))
                        firstLate = ev;
                } else if (approved) {
                    if (firstApproved < 0 || ev < firstApproved)
                        firstApproved = ev;
                } else {
                    egress.append(ev);
                    involved.insert(n);
                }
            }
        }
    }
    if (!egress.isEmpty()) {
        std::sort(egress.begin(), egress.end());
        chain.stages.append({Stage::Egress, ids(egress), egress});
        chain.egress = describe(events.at(egress.first()));
        mismatches.insert(Mismatch::HostNotApproved);
    } else if (!runNodes.isEmpty()) {
        if (firstLate >= 0) {
            const IndexedEvent &e = events.at(firstLate);
            chain.lateEvents.append(firstLate);
            chain.missing << Text::tr("no egress within %1; first egress %2 after the install to %3")
                                 .arg(window, humanDuration(e.timeUs - seed.startUs), describe(e));
            involved.insert(e.node);
        } else if (firstApproved >= 0) {
            const IndexedEvent &e = events.at(firstApproved);
            const QString host = s.at(e.dstHost).isEmpty() ? s.at(e.dstIp) : s.at(e.dstHost);
            QString entry = policy.approvingEntry(host);
            if (entry.isEmpty())
                entry = policy.approvingEntry(s.at(e.dstIp));
            chain.missing << Text::tr("egress to %1 matched %2").arg(describe(e), entry);
        } else {
            chain.missing << Text::tr("no network connection from the first-run process or its descendants");
        }
    }

    chain.mismatches = QStringList(mismatches.begin(), mismatches.end());
    chain.mismatches.sort();
    // A new hash alone is what every update brings; it does not make a chain suspect.
    chain.approved
        = (chain.mismatches.isEmpty() || chain.mismatches == QStringList {Mismatch::HashDrift}) && firstLate < 0;
    const int base = 20 * int(chain.stages.size());
    chain.score = chain.approved ? base / 4 : base + 5 * qMin(4, int(chain.mismatches.size()));
    involved.remove(-1);
    chain.processNodes = QList<qint32>(involved.begin(), involved.end());
    std::sort(chain.processNodes.begin(), chain.processNodes.end());
    return chain;
}

Correlator::WorkKey Correlator::WorkKey::of(const Policy &policy)
{
    return {policy.linuxInstallers, policy.windowsInstallers, policy.macInstallers, policy.pathScope,
        policy.programPaths, policy.macProgramPaths, policy.timeWindowUs};
}

QList<Chain> Correlator::run(const Policy &policy, const std::atomic<bool> *cancel)
{
    WorkKey key = WorkKey::of(policy);
    const bool reuse = m_cachedKey == key && m_work.size() == m_seeds.size();
    m_reused = 0;
    if (!reuse) {
        m_cachedKey.reset();
        m_seeds = findSeeds(policy);
        m_work.clear();
        m_work.reserve(m_seeds.size());
        for (const Seed &seed : m_seeds) {
            if (cancel && cancel->load())
                return {};
            m_work.append(analyse(seed, policy));
        }
        m_cachedKey = std::move(key);
    } else {
        m_reused = int(m_seeds.size());
    }

    QList<Chain> chains;
    for (qsizetype i = 0; i < m_seeds.size(); ++i) {
        if (cancel && cancel->load())
            return {};
        // An install that wrote nothing monitored is not a chain; it stays a seed.
        if (m_work.at(i).writes.isEmpty())
            continue;
        Chain chain = judge(m_seeds.at(i), m_work.at(i), policy);
        chain.id = int(i) + 1; // seed order: stable while the seeds are
        chains.append(chain);
    }
    std::stable_sort(chains.begin(), chains.end(),
        [](const Chain &a, const Chain &b) { return a.score != b.score ? a.score > b.score : a.startUs < b.startUs; });
    return chains;
}

} // namespace Chainscope
