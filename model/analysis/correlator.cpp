#include "correlator.h"

#include "explanation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QtNumeric>

#include <algorithm>
#include <array>
#include <bit>
#include <limits>

namespace Chainscope {

namespace {

// A judged chain's lists hold what was appended to them plus the room each growth left
// (a list doubles as it grows): at 10,000 chains the chains alone took 50 MiB more than
// they hold, and the workbench holds the chains it shows while the next policy's are
// computed (issue 15, the workbench's peak). Trimmed once, when the chain is final. A
// list the chain shares with the correlator's kept work (the writes) stays shared: a
// trimmed copy would cost more than the room it saves.
template<typename T> void trimList(QList<T> &list)
{
    if (list.isDetached() && list.capacity() > list.size())
        list.squeeze();
}

void trimToSize(Chain &c)
{
    for (ChainStage &s : c.stages) {
        trimList(s.eventIds);
        trimList(s.eventIndices);
    }
    for (QList<QString> *list : {&c.mismatches, &c.flags, &c.notes, &c.missing, &c.writtenPaths, &c.processImages})
        trimList(*list);
    for (QList<qint32> *list : {&c.firstRunNodes, &c.processNodes, &c.lateEvents})
        trimList(*list);
    for (ChainProcess &p : c.processes)
        trimList(p.roles);
    trimList(c.stages);
    trimList(c.evidence);
    trimList(c.missingStages);
    trimList(c.processes);
}

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

// Update clients whose work the Windows Update / Update Orchestrator services do in
// service hosts (AN0862: "vendor update service"): the client never writes the code
// itself, the service host loads it during the client's session.
bool isUpdateSessionClient(const QString &image)
{
    static const QRegularExpression rx(
        QStringLiteral("^(usoclient|wuauclt|mousocoreworker|tiworker|trustedinstaller|waasmedicagent)\\.exe$"),
        QRegularExpression::CaseInsensitiveOption);
    return rx.match(fileNameOf(image)).hasMatch();
}

// Arguments that ask a program to update itself: --update, /update, -selfupdate,
// --autoupdate, --scheduledautoupdate, --forcedcheckforupdates.
bool isUpdateRequest(const QString &commandLine)
{
    static const QRegularExpression rx(
        QStringLiteral("(^|\\s)(--|-|/)(self-?|auto|scheduledauto|forcedcheckfor|checkfor)?updates?(\\s|=|$)"),
        QRegularExpression::CaseInsensitiveOption);
    return rx.match(commandLine).hasMatch();
}

// The Homebrew taps an install draws from (AN0864: "a tap outside BrewTapsAllowList"),
// read from brew's arguments: "brew tap user/repo", "brew install user/repo/formula",
// and a bare formula or cask, which comes from homebrew/core or homebrew/cask. A
// formula given as a file or URL comes from no tap at all: it is returned as given, and
// so is a tap cloned from a URL of its own ("brew tap user/repo URL"): the code comes
// from that URL, whatever the tap is called, unless it is the tap's usual home on GitHub.
QStringList brewTaps(const QString &commandLine)
{
    const QStringList argv = splitCommandLine(commandLine);
    qsizetype i = 0;
    while (i < argv.size() && fileNameOf(argv.at(i)) != u"brew")
        ++i;
    if (i >= argv.size())
        return {};
    QString subcommand;
    for (++i; i < argv.size(); ++i) {
        if (!argv.at(i).startsWith(u'-')) {
            subcommand = argv.at(i++);
            break;
        }
    }
    static const QStringList installing
        = {QStringLiteral("install"), QStringLiteral("reinstall"), QStringLiteral("upgrade"), QStringLiteral("tap")};
    if (!installing.contains(subcommand))
        return {};
    const bool cask = argv.contains(QStringLiteral("--cask")) || argv.contains(QStringLiteral("--casks"));
    QStringList taps;
    for (; i < argv.size(); ++i) {
        const QString &a = argv.at(i);
        if (a.startsWith(u'-'))
            continue;
        QString tap;
        if (a.contains(QLatin1String("://")) || a.endsWith(QLatin1String(".rb")))
            tap = a;
        else if (subcommand == u"tap")
            tap = canonicalBrewTap(a);
        else if (a.count(u'/') == 2)
            tap = canonicalBrewTap(a.section(u'/', 0, 1));
        else if (!a.contains(u'/'))
            tap = cask ? QStringLiteral("homebrew/cask") : QStringLiteral("homebrew/core");
        else
            tap = a;
        if (subcommand == u"tap") {
            // "brew tap user/repo URL": the URL is where the tap's code comes from.
            for (qsizetype j = i + 1; j < argv.size(); ++j) {
                const QString &url = argv.at(j);
                if (url.startsWith(u'-'))
                    continue;
                const QString user = tap.section(u'/', 0, 0);
                const QString repo = tap.section(u'/', 1);
                static const QRegularExpression home(QStringLiteral("^(https://|git@)github\\.com[/:]([^/]+)/"
                                                                    "(homebrew-)?([^/]+?)(\\.git)?/?$"),
                    QRegularExpression::CaseInsensitiveOption);
                const QRegularExpressionMatch m = home.match(url);
                const bool usual = m.hasMatch() && m.captured(2).compare(user, Qt::CaseInsensitive) == 0
                    && m.captured(4).compare(repo, Qt::CaseInsensitive) == 0;
                if (!usual)
                    tap = url;
                break;
            }
        }
        if (!taps.contains(tap))
            taps << tap;
        if (subcommand == u"tap")
            break;
    }
    return taps;
}

bool isServiceHost(const QString &image)
{
    return fileNameOf(image).compare(QLatin1String("svchost.exe"), Qt::CaseInsensitive) == 0;
}

// The file a downloader's command line writes to (curl -o, wget -O, Invoke-WebRequest
// -OutFile, certutil -urlcache … DEST, bitsadmin /transfer … DEST), or empty.
QString downloadTarget(const QString &commandLine)
{
    const QStringList argv = splitCommandLine(commandLine);
    if (argv.isEmpty())
        return QString();
    QString program = fileNameOf(argv.first()).toLower();
    if (program.endsWith(QLatin1String(".exe")))
        program.chop(4);
    // A short-option cluster whose last letter takes the value: curl -fsSLo FILE.
    const auto clusterEndsWith = [](const QString &a, QChar option) {
        return a.size() >= 2 && a.at(0) == u'-' && a.at(1) != u'-' && a.endsWith(option);
    };
    for (qsizetype i = 1; i + 1 < argv.size(); ++i) {
        const QString &a = argv.at(i);
        if (program == u"curl" && (a == u"--output" || clusterEndsWith(a, u'o')))
            return argv.at(i + 1);
        if (program == u"wget" && (a == u"--output-document" || clusterEndsWith(a, u'O')) && argv.at(i + 1) != u"-")
            return argv.at(i + 1);
    }
    for (const QString &a : argv) {
        if (program == u"curl" && a.startsWith(QLatin1String("--output=")))
            return a.mid(9);
        if (program == u"wget" && a.startsWith(QLatin1String("--output-document=")) && a.size() > 18)
            return a.mid(18);
    }
    if (program == u"powershell" || program == u"pwsh") {
        // Also inside -Command "…": the whole script is one argument there.
        static const QRegularExpression outFile(
            QStringLiteral("-OutFile\\s+[\"']?([^\"'\\s;|]+)"), QRegularExpression::CaseInsensitiveOption);
        return outFile.match(commandLine).captured(1);
    }
    const QString &last = argv.last();
    const bool option = last.startsWith(u'-') || last.startsWith(u'/');
    if (argv.size() > 2 && !option
        && ((program == u"certutil" && commandLine.contains(QLatin1String("urlcache"), Qt::CaseInsensitive))
            || (program == u"bitsadmin" && commandLine.contains(QLatin1String("/transfer"), Qt::CaseInsensitive))))
        return last;
    return QString();
}

// "curl … | sh", "irm … | iex", bash -c "$(curl …)": a script fetched and run in
// one line, never on disk. Piping into an interpreter that runs a program of its own
// (python3 -m json.tool, perl -ne '…') only reads the data.
bool runsDownloadedScript(const QString &commandLine)
{
    static const QRegularExpression piped(
        QStringLiteral("\\b(curl|wget|iwr|irm|invoke-webrequest|invoke-restmethod)\\b[^|]*\\|\\s*(sudo\\s+)?"
                       "(sh|bash|dash|zsh|ksh|iex|invoke-expression|python[0-9.]*|perl|node)(\\s+-s?)?(\\s+--)?\\s*"
                       "($|[;&)\"'])"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression substituted(
        QStringLiteral("\\b(sh|bash|zsh|dash)\\s+-c\\s+[\"']?\\$\\(\\s*(curl|wget)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return piped.match(commandLine).hasMatch() || substituted.match(commandLine).hasMatch();
}

// Where code starts again after a reboot (AN0862/AN0863 stage 3 notes): Run keys and
// services (Sysmon 13), systemd units, cron, the Startup folder.
bool isPersistenceLocation(const QString &path)
{
    static const QRegularExpression rx(
        QStringLiteral("(\\\\CurrentVersion\\\\Run|\\\\CurrentControlSet\\\\Services\\\\|"
                       "^/etc/systemd/|^/lib/systemd/system/|^/usr/lib/systemd/system/|/\\.config/systemd/user/|"
                       "^/etc/cron|^/var/spool/cron/|\\\\Start Menu\\\\Programs\\\\Startup\\\\|"
                       "^/Library/Launch(Agents|Daemons)/|/Library/LaunchAgents/)"),
        QRegularExpression::CaseInsensitiveOption);
    return rx.match(path).hasMatch();
}

} // namespace

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Suspicious:
        return QStringLiteral("suspicious");
    case Verdict::Incomplete:
        return QStringLiteral("incomplete");
    case Verdict::Approved:
        return QStringLiteral("approved");
    }
    return QString();
}

QJsonObject Evidence::toJson() const
{
    const auto orNull = [](const QString &s) {
        return s.isEmpty() ? QJsonValue() : QJsonValue(s);
    };
    QJsonObject o;
    o.insert(QStringLiteral("event_id"), eventId);
    o.insert(QStringLiteral("stage"), stageName(stage));
    o.insert(QStringLiteral("role"), role);
    o.insert(QStringLiteral("image"), orNull(image));
    o.insert(QStringLiteral("target"), orNull(target));
    o.insert(QStringLiteral("signer"), orNull(signer));
    o.insert(QStringLiteral("signature_status"), orNull(signatureStatus));
    o.insert(QStringLiteral("hashes"), orNull(hashes));
    o.insert(QStringLiteral("reason"), reason);
    o.insert(QStringLiteral("approved_by"), orNull(approvedBy));
    o.insert(QStringLiteral("flag"), orNull(flag));
    return o;
}

QJsonObject MissingStage::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("stage"), stageName(stage));
    o.insert(QStringLiteral("reason"), reason);
    o.insert(QStringLiteral("nearest_event"), nearestEventId >= 0 ? QJsonValue(nearestEventId) : QJsonValue());
    o.insert(QStringLiteral("gap_seconds"), gapUs >= 0 ? QJsonValue(double(gapUs) / 1e6) : QJsonValue());
    return o;
}

const ChainProcess *Chain::process(qint32 node) const
{
    for (const ChainProcess &p : processes) {
        if (p.node == node)
            return &p;
    }
    return nullptr;
}

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
    o.insert(QStringLiteral("seed_event_id"), seedEventId);
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
    o.insert(QStringLiteral("verdict"), verdictName(verdict));
    o.insert(QStringLiteral("summary"), summary);
    QJsonArray items;
    for (const Evidence &e : evidence)
        items.append(e.toJson());
    o.insert(QStringLiteral("evidence"), items);
    o.insert(QStringLiteral("processes"), QJsonArray::fromStringList(processImages));
    o.insert(QStringLiteral("installer_image"), installerImage.isEmpty() ? QJsonValue() : QJsonValue(installerImage));
    o.insert(QStringLiteral("first_run_image"), firstRun.isEmpty() ? QJsonValue() : QJsonValue(firstRun));
    QJsonArray missingArray;
    for (const MissingStage &m : missingStages)
        missingArray.append(m.toJson());
    o.insert(QStringLiteral("missing_stages"), missingArray);
    return o;
}

Correlator::Correlator(const CaseIndex &index)
    : m_index(index)
{
    // A snapshot's index has no lookups by path or host: chains found in it would be
    // silently incomplete.
    Q_ASSERT(!index.isPartial());
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

QString Correlator::driftHashes(const IndexedEvent &e, qint64 installUs) const
{
    const StringPool &s = m_index.strings;
    const qint32 path = e.kind == EventKind::ModuleLoad ? e.target : e.image;
    const QList<qint32> history = m_index.useBefore(e.host, path, installUs);
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        const IndexedEvent &before = m_index.events().at(*it);
        if (before.hashes != 0)
            return QStringLiteral("%1 \u2192 %2").arg(s.at(before.hashes), s.at(e.hashes));
    }
    return s.at(e.hashes);
}

bool Correlator::isMonitored(qint32 path, Platform platform, const Policy &policy) const
{
    const QPair<qint32, int> key(path, int(platform));
    auto it = m_monitoredCache.constFind(key);
    if (it == m_monitoredCache.cend())
        it = m_monitoredCache.insert(key, policy.isMonitoredPath(m_index.strings.at(path), platform));
    return it.value();
}

bool Correlator::isStaging(qint32 path, Platform platform, const Policy &policy) const
{
    const QPair<qint32, int> key(path, int(platform));
    auto it = m_stagingCache.constFind(key);
    if (it == m_stagingCache.cend())
        it = m_stagingCache.insert(key, policy.isStagingPath(m_index.strings.at(path), platform));
    return it.value();
}

const QString &Correlator::downloadTargetOf(qint32 commandLine) const
{
    auto it = m_downloadCache.constFind(commandLine);
    if (it == m_downloadCache.cend())
        it = m_downloadCache.insert(commandLine, downloadTarget(m_index.strings.at(commandLine)));
    return it.value();
}

bool Correlator::runsDownloadedScriptOf(qint32 commandLine) const
{
    auto it = m_pipedCache.constFind(commandLine);
    if (it == m_pipedCache.cend())
        it = m_pipedCache.insert(commandLine, runsDownloadedScript(m_index.strings.at(commandLine)));
    return it.value();
}

void Correlator::clearCaches()
{
    m_monitoredCache.clear();
    m_stagingCache.clear();
}

bool Correlator::isSuspiciousChild(qint32 node) const
{
    return isShellOrScriptHost(m_index.strings.at(m_index.process(node).image));
}

QList<std::pair<qint32, qint64>> Correlator::seedIdentities() const
{
    QList<std::pair<qint32, qint64>> out;
    out.reserve(m_seeds.size());
    for (const Seed &seed : m_seeds) {
        const qint32 first = seed.installEvents.isEmpty()
            ? -1
            : *std::min_element(seed.installEvents.cbegin(), seed.installEvents.cend());
        out.append({seed.node, first >= 0 ? m_index.events().at(first).id : -1});
    }
    return out;
}

bool Correlator::isUpdaterByBehaviour(const QString &commandLine, Platform platform)
{
    // The plain search first: the expression runs only on the few command lines that
    // mention updates at all.
    return platform == Platform::Windows && commandLine.contains(QLatin1String("update"), Qt::CaseInsensitive)
        && isUpdateRequest(commandLine);
}

bool InstallerDecisions::isInstaller(
    const QString &image, const QString &commandLine, Platform platform, bool needsArguments)
{
    const std::pair<int, std::pair<QString, QString>> key(
        int(platform), {image, needsArguments ? commandLine : QString()});
    const auto it = m_answers.constFind(key);
    if (it != m_answers.cend())
        return it.value();
    return m_answers.insert(key, m_policy.isInstaller(image, commandLine, platform)).value();
}

QList<Correlator::Seed> Correlator::findSeeds(const Policy &policy) const
{
    QList<Seed> seeds;
    const QList<ProcessNode> &nodes = m_index.processes();
    const StringPool &s = m_index.strings;
    // Millions of processes share a few thousand images: decide per distinct image
    // once. Only for interpreters (python3 -m pip, node …/npm-cli.js install) and
    // "NAME SUBCOMMAND" entries (go install) does the command line take part in the
    // decision, and in the cache key.
    QHash<QPair<qint32, int>, bool> needsArguments; // (image, platform)
    std::array<QHash<QPair<qint32, qint32>, bool>, 4> decided; // per platform

    QList<qint8> installerCache(nodes.size(), -1);
    const auto isInstallerNode = [&](qint32 n) {
        if (installerCache.at(n) >= 0)
            return installerCache.at(n) == 1;
        const ProcessNode &p = nodes.at(n);
        const QPair<qint32, int> imageKey(p.image, int(p.platform));
        auto needs = needsArguments.constFind(imageKey);
        if (needs == needsArguments.constEnd())
            needs = needsArguments.insert(imageKey, policy.installerNeedsArguments(s.at(p.image), p.platform));
        QHash<QPair<qint32, qint32>, bool> &byPlatform = decided[qBound(0, int(p.platform), 3)];
        const QPair<qint32, qint32> key(p.image, needs.value() ? p.commandLine : -1);
        auto it = byPlatform.constFind(key);
        if (it == byPlatform.constEnd()) {
            const bool installer = m_decisions
                ? m_decisions->isInstaller(s.at(p.image), s.at(p.commandLine), p.platform, needs.value())
                : policy.isInstaller(s.at(p.image), s.at(p.commandLine), p.platform);
            it = byPlatform.insert(key, installer);
        }
        const bool updater = !it.value() && isUpdaterByBehaviour(s.at(p.commandLine), p.platform);
        installerCache[n] = it.value() || updater ? 1 : 0;
        return installerCache.at(n) == 1;
    };
    for (qint32 n = 0; n < qint32(nodes.size()); ++n) {
        if (!isInstallerNode(n))
            continue;
        // One seed per install: the topmost installer (apt-get, not the dpkg it runs).
        // A long-lived updater's later runs are installs of their own: an installer
        // ancestor covers only what starts within its window.
        bool covered = false;
        for (qint32 a : m_index.ancestors(n)) {
            if (isInstallerNode(a) && nodes.at(n).startUs <= saturatingAdd(nodes.at(a).startUs, policy.timeWindowUs)) {
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
        seed.updateSession = seed.platform == Platform::Windows && isUpdateSessionClient(s.at(nodes.at(n).image));
        seeds.append(seed);
    }
    // One update session, one seed: the service's workers (TiWorker, MoUsoCoreWorker)
    // that start while a client's session runs belong to that session.
    {
        QList<qsizetype> sessions;
        for (qsizetype i = 0; i < seeds.size(); ++i) {
            if (seeds.at(i).updateSession)
                sessions.append(i);
        }
        std::stable_sort(sessions.begin(), sessions.end(),
            [&](qsizetype a, qsizetype b) { return seeds.at(a).startUs < seeds.at(b).startUs; });
        QHash<qint32, qsizetype> openSession; // host -> seed index
        QList<bool> merged(seeds.size(), false);
        for (qsizetype i : std::as_const(sessions)) {
            Seed &seed = seeds[i];
            const auto it = openSession.constFind(seed.host);
            if (it != openSession.cend()
                && seed.startUs <= saturatingAdd(seeds.at(it.value()).startUs, policy.timeWindowUs)) {
                seeds[it.value()].installEvents.append(seed.installEvents);
                seeds[it.value()].workers.append(seed.node);
                merged[i] = true;
                continue;
            }
            openSession.insert(seed.host, i);
        }
        QList<Seed> kept;
        for (qsizetype i = 0; i < seeds.size(); ++i) {
            if (!merged.at(i))
                kept.append(seeds.at(i));
        }
        seeds = std::move(kept);
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
            // NOLINTNEXTLINE(clang-analyzer-core.UndefinedBinaryOperatorResult): k >= 0, the range is not empty
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
    const qint64 windowEnd = saturatingAdd(seed.startUs, policy.timeWindowUs);
    const StringPool &s = m_index.strings;
    const QList<IndexedEvent> &events = m_index.events();
    QList<qint32> tree = m_index.descendants(seed.node, windowEnd);
    tree.prepend(seed.node);
    for (qint32 w : seed.workers) {
        tree.append(w);
        tree.append(m_index.descendants(w, windowEnd));
    }
    const QSet<qint32> treeSet(tree.cbegin(), tree.cend());
    const QSet<qint32> seedRoots = [&] {
        QSet<qint32> roots(seed.workers.cbegin(), seed.workers.cend());
        roots.insert(seed.node);
        return roots;
    }();

    // Stage 2: what the installer's process tree wrote. Into monitored program paths
    // (ProgramPaths/PathScope: replaced program files, a SUNBURST-style hotfix) always;
    // anywhere else when the file then runs or is loaded within the window (code the
    // installer dropped in the profile or in temp and ran at once).
    QHash<qint32, qint64> firstWrite; // path -> first write time
    QHash<qint32, QList<qint32>> writesOf; // path -> write events
    QList<qint32> monitored;
    QList<qint32> elsewhere;
    QList<qint32> downloads; // tree process starts whose command line downloads to a file
    QList<qint32> netEvents;
    for (qint32 n : tree) {
        for (qint32 ev : m_index.eventsOf(n)) {
            const IndexedEvent &e = events.at(ev);
            if (e.timeUs < seed.startUs || e.timeUs > windowEnd)
                continue;
            if ((e.kind == EventKind::FileWrite || e.kind == EventKind::FileRename) && e.target != 0) {
                if (!firstWrite.contains(e.target)) {
                    firstWrite.insert(e.target, e.timeUs);
                    (isMonitored(e.target, e.platform, policy) ? monitored : elsewhere).append(e.target);
                }
                writesOf[e.target].append(ev);
            } else if ((e.kind == EventKind::NetConnect || e.kind == EventKind::DnsQuery) && !e.local) {
                netEvents.append(ev);
            } else if (e.kind == EventKind::ProcessStart && e.id == m_index.process(n).startEventId
                && !downloadTargetOf(e.commandLine).isEmpty()) {
                downloads.append(ev);
            }
        }
    }

    QSet<qint32> seen; // exec or load events already taken as a first run
    QSet<qint32> runNodes;
    const auto addRun = [&](FirstRun::How how, qint32 path, qint32 ev, qint32 via) {
        if (seen.contains(ev))
            return;
        seen.insert(ev);
        work.firstRuns.append({how, path, ev, via});
        if (events.at(ev).kind == EventKind::ProcessStart && events.at(ev).node >= 0)
            runNodes.insert(events.at(ev).node);
    };
    const auto firstWriteEvent = [&](qint32 path) {
        return writesOf.value(path).value(0, -1);
    };
    // Executables first: a process whose image was written by the tree.
    for (qint32 path : std::as_const(monitored)) {
        if (const auto exec = m_index.firstExec(seed.host, path, firstWrite.value(path)))
            addRun(FirstRun::How::Written, path, *exec, firstWriteEvent(path));
    }
    QList<qint32> ranElsewhere;
    for (qint32 path : std::as_const(elsewhere)) {
        const auto exec = m_index.firstExec(seed.host, path, firstWrite.value(path));
        if (exec && events.at(*exec).timeUs <= windowEnd) {
            addRun(FirstRun::How::Written, path, *exec, firstWriteEvent(path));
            ranElsewhere.append(path);
        }
    }
    // Code that was never seen written: a process the tree started from a staging
    // folder (the Windows Installer's MSI*.tmp custom actions, an unpacked setup in
    // temp), a file a downloader in the tree wrote, or a script piped into a shell.
    for (qint32 ev : std::as_const(downloads)) {
        const QString target = downloadTargetOf(events.at(ev).commandLine);
        const QString name = fileNameOf(target);
        for (qint32 n : tree) {
            const ProcessNode &p = m_index.process(n);
            if (p.startUs < events.at(ev).timeUs || p.image == 0 || runNodes.contains(n))
                continue;
            const QString image = s.at(p.image);
            const Qt::CaseSensitivity cs = p.platform == Platform::Windows ? Qt::CaseInsensitive : Qt::CaseSensitive;
            const bool same = image.compare(target, cs) == 0
                || (!target.contains(u'/') && !target.contains(u'\\') && fileNameOf(image).compare(name, cs) == 0);
            if (!same)
                continue;
            for (qint32 e2 : m_index.eventsOf(n)) {
                if (events.at(e2).id == p.startEventId) {
                    addRun(FirstRun::How::Downloaded, p.image, e2, ev);
                    break;
                }
            }
        }
    }
    for (qint32 n : tree) {
        if (seedRoots.contains(n) || runNodes.contains(n))
            continue;
        const ProcessNode &p = m_index.process(n);
        if (p.startEventId < 0 || !p.startSeen)
            continue;
        // The topmost such process only: what it starts is part of its first run.
        // Walked up only to the seed: deep trees must not cost a walk to the root each.
        bool underRun = false;
        for (qint32 a = m_index.process(n).parent, steps = 0; a >= 0 && steps < qint32(tree.size());
             a = m_index.process(a).parent, ++steps) {
            if (runNodes.contains(a)) {
                underRun = true;
                break;
            }
            if (seedRoots.contains(a))
                break;
        }
        if (underRun)
            continue;
        const bool staged = isStaging(p.image, p.platform, policy);
        const bool piped = runsDownloadedScriptOf(p.commandLine);
        if (!staged && !piped)
            continue;
        for (qint32 ev : m_index.eventsOf(n)) {
            if (events.at(ev).id == p.startEventId) {
                addRun(piped ? FirstRun::How::PipedScript : FirstRun::How::Staged, p.image, ev, -1);
                break;
            }
        }
    }
    // The installer proper: the tree without the code it brought and what that code
    // started. Libraries it loads are still the install (custom-action DLLs); a load by
    // anyone else, the brought code included, is the library's first run.
    QSet<qint32> brought;
    for (qint32 r : std::as_const(runNodes)) {
        brought.insert(r);
        for (qint32 d : m_index.descendants(r))
            brought.insert(d);
    }
    const auto isInstallerProper = [&](qint32 node) {
        return treeSet.contains(node) && !brought.contains(node);
    };
    const auto firstLoadOutside = [&](qint32 path, qint64 from, qint64 until, auto &&take) {
        for (int guard = 0; guard < 64; ++guard) {
            const auto load = m_index.firstLoad(seed.host, path, from);
            if (!load || events.at(*load).timeUs > until)
                return;
            if (!isInstallerProper(events.at(*load).node)) {
                take(*load);
                return;
            }
            from = events.at(*load).timeUs + 1;
        }
    };
    for (qint32 path : std::as_const(monitored)) {
        firstLoadOutside(path, firstWrite.value(path), std::numeric_limits<qint64>::max(),
            [&](qint32 load) { addRun(FirstRun::How::Loaded, path, load, firstWriteEvent(path)); });
    }
    for (qint32 path : std::as_const(elsewhere)) {
        firstLoadOutside(path, firstWrite.value(path), windowEnd, [&](qint32 load) {
            addRun(FirstRun::How::Loaded, path, load, firstWriteEvent(path));
            if (!ranElsewhere.contains(path))
                ranElsewhere.append(path);
        });
    }

    // Stage 2 evidence: monitored writes, and the other writes that ran.
    QList<qint32> written = monitored;
    written.append(ranElsewhere);
    for (qint32 path : std::as_const(written))
        work.writes.append(writesOf.value(path));
    std::sort(work.writes.begin(), work.writes.end());
    work.writtenPaths = written;
    // In the order they were written, not in tree-walk order.
    std::stable_sort(work.writtenPaths.begin(), work.writtenPaths.end(),
        [&](qint32 a, qint32 b) { return firstWrite.value(a) < firstWrite.value(b); });

    for (qint32 ev : std::as_const(netEvents)) {
        if (isInstallerProper(events.at(ev).node))
            work.installerNet.append(ev);
    }
    std::sort(work.installerNet.begin(), work.installerNet.end());

    // An update client's session: the service hosts that do its work load modules
    // while it runs. A module there with a bad signature is the session's code.
    if (seed.updateSession) {
        for (qint32 ev : m_index.moduleLoads(seed.host, seed.startUs, windowEnd)) {
            const IndexedEvent &e = events.at(ev);
            if (e.node < 0 || treeSet.contains(e.node) || !isServiceHost(s.at(m_index.process(e.node).image)))
                continue;
            if (isBadSignatureStatus(s.at(e.signatureStatus)))
                work.sessionLoads.append(ev);
        }
    }
    std::sort(work.firstRuns.begin(), work.firstRuns.end(),
        [](const FirstRun &a, const FirstRun &b) { return a.event < b.event; });
    return work;
}

Chain Correlator::judge(const Seed &seed, const SeedWork &work, const Policy &policy) const
{
    const StringPool &s = m_index.strings;
    const QList<IndexedEvent> &events = m_index.events();
    const qint64 windowEnd = saturatingAdd(seed.startUs, policy.timeWindowUs);
    const QString window = Policy::formatDuration(policy.timeWindowUs);

    Chain chain;
    chain.host = s.at(seed.host);
    chain.platform = seed.platform;
    chain.startUs = seed.startUs;
    chain.seedNode = seed.node;
    if (!seed.installEvents.isEmpty())
        chain.seedEventId = events.at(*std::min_element(seed.installEvents.cbegin(), seed.installEvents.cend())).id;
    QSet<qint32> involved;
    QString installerName;
    if (seed.node >= 0) {
        const ProcessNode &p = m_index.process(seed.node);
        chain.installer = s.at(p.commandLine).isEmpty() ? s.at(p.image) : s.at(p.commandLine);
        chain.installerImage = s.at(p.image);
        installerName = fileNameOf(chain.installerImage);
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
        installerName = Text::tr("the package manager");
    }

    // Every piece of evidence, explained once, here.
    const auto imageOf = [&](const IndexedEvent &e) {
        if (e.kind != EventKind::ProcessStart && e.node >= 0 && m_index.process(e.node).image != 0)
            return s.at(m_index.process(e.node).image);
        return s.at(e.image);
    };
    const auto item = [&](qint32 ev, Stage stage, const QString &role, const QString &reason) {
        const IndexedEvent &e = events.at(ev);
        Evidence x;
        x.eventId = e.id;
        x.eventIndex = ev;
        x.stage = stage;
        x.role = role;
        x.node = e.node;
        x.image = imageOf(e);
        x.target = e.kind == EventKind::NetConnect || e.kind == EventKind::DnsQuery ? describe(e) : s.at(e.target);
        x.signer = s.at(e.signer);
        x.signatureStatus = s.at(e.signatureStatus);
        x.hashes = s.at(e.hashes);
        x.reason = reason;
        return x;
    };
    const auto after = [&](const IndexedEvent &e) {
        return humanDuration(qMax<qint64>(0, e.timeUs - seed.startUs));
    };
    QList<Evidence> evidence;
    QSet<QString> mismatches;
    const auto flagged = [&](Evidence x, const QString &flag) {
        x.flag = flag;
        mismatches.insert(flag);
        return x;
    };
    // AN0864's Team ID check for code that names its team (a macOS exec or load):
    // allowed by an AllowedTeamIDs entry, outside a non-empty list, or, while the list
    // is empty, another team than the vendor updater's own that brought it. Empty
    // sentence when the event names no team.
    struct TeamJudgement
    {
        QString sentence;
        QString approvedBy;
        bool mismatch = false;
    };
    const auto judgeTeam = [&](const IndexedEvent &e, qint32 installerTeamId) {
        TeamJudgement j;
        if (e.teamId == 0)
            return j;
        const QString team = s.at(e.teamId);
        j.approvedBy = policy.allowingTeamId(team);
        if (!j.approvedBy.isEmpty()) {
            j.sentence = Text::tr("signed by Team ID %1").arg(team);
        } else if (!policy.allowedTeamIds.isEmpty()) {
            j.mismatch = true;
            j.sentence = Text::tr("signed by Team ID %1, which no AllowedTeamIDs entry names").arg(team);
        } else if (installerTeamId != 0 && installerTeamId != e.teamId) {
            j.mismatch = true;
            j.sentence = Text::tr("signed by Team ID %1, not by %2, the team of the updater that brought it "
                                  "(AllowedTeamIDs is empty)")
                             .arg(team, s.at(installerTeamId));
        } else {
            j.sentence = Text::tr("signed by Team ID %1; AllowedTeamIDs is empty").arg(team);
        }
        return j;
    };

    // Stage 1: the installer, and where it downloaded from (the package source).
    for (qint32 ev : seed.installEvents) {
        const IndexedEvent &e = events.at(ev);
        if (e.kind == EventKind::PackageInstall)
            evidence.append(item(ev, Stage::Install, QStringLiteral("package"),
                Text::tr("installer log: %1").arg(s.at(e.target).isEmpty() ? imageOf(e) : s.at(e.target))));
        else
            evidence.append(item(ev, Stage::Install, QStringLiteral("installer"),
                Text::tr("%1 is an installer or updater (policy installer lists)").arg(fileNameOf(imageOf(e)))));
    }
    QList<qint32> installEvidence = seed.installEvents;
    QString sourceApproval; // the entry that approved the first package source
    bool everySourceApproved = !work.installerNet.isEmpty();
    // The installer's own Team ID (a vendor updater's): code it brings that another
    // team signed is the 3CX pattern (AN0864), even before AllowedTeamIDs is filled in.
    qint32 installerTeam = 0;
    qint32 installerStart = -1;
    if (seed.node >= 0) {
        for (qint32 ev : m_index.eventsOf(seed.node)) {
            if (events.at(ev).id == m_index.process(seed.node).startEventId) {
                installerTeam = events.at(ev).teamId;
                installerStart = ev;
                break;
            }
        }
    }
    // Homebrew's taps are its package sources (AN0864, BrewTapsAllowList).
    if (seed.platform == Platform::MacOS && installerStart >= 0) {
        const IndexedEvent &e = events.at(installerStart);
        for (const QString &tap : brewTaps(s.at(e.commandLine))) {
            Evidence x = item(installerStart, Stage::Install, QStringLiteral("package_source"), QString());
            x.target = tap;
            x.approvedBy = policy.approvingTap(tap);
            if (!x.approvedBy.isEmpty()) {
                x.reason = Text::tr("brew installs from the tap %1").arg(tap);
                if (sourceApproval.isEmpty())
                    sourceApproval = x.approvedBy;
                everySourceApproved = work.installerNet.isEmpty() || everySourceApproved;
            } else {
                x.reason = Text::tr("brew installs from %1, which no BrewTapsAllowList entry names").arg(tap);
                x = flagged(x, Mismatch::TapNotApproved);
            }
            evidence.append(x);
        }
        for (const Evidence &x : std::as_const(evidence)) {
            if (x.flag == Mismatch::TapNotApproved)
                everySourceApproved = false;
        }
    }
    for (qint32 ev : work.installerNet) {
        const IndexedEvent &e = events.at(ev);
        Evidence x = item(ev, Stage::Install, QStringLiteral("package_source"), QString());
        QString entry = policy.approvingEntry(s.at(e.dstHost));
        if (entry.isEmpty())
            entry = policy.approvingEntry(s.at(e.dstIp));
        if (!entry.isEmpty()) {
            x.approvedBy = entry;
            x.reason = Text::tr("the installer downloaded from %1, an approved source").arg(describe(e));
            if (sourceApproval.isEmpty())
                sourceApproval = entry;
        } else if (policy.hasSourceAllowList()) {
            x.reason = Text::tr("the installer downloaded from %1, which no ApprovedUpdateHosts or ApprovedRepos entry "
                                "names")
                           .arg(describe(e));
            x = flagged(x, Mismatch::RepoNotApproved);
            installEvidence.append(ev);
            involved.insert(e.node);
            everySourceApproved = false;
        } else {
            x.reason = Text::tr("the installer downloaded from %1; the policy names no approved sources "
                                "(ApprovedUpdateHosts and ApprovedRepos are empty)")
                           .arg(describe(e));
            everySourceApproved = false;
        }
        evidence.append(x);
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

    // Stage 3 first, as its runs explain stage 2: which first runs fell in the window.
    QList<qint32> runEvidence;
    QList<qint32> runNodes;
    const FirstRun *lateRun = nullptr;
    QList<const FirstRun *> runs;
    for (const FirstRun &r : work.firstRuns) {
        const IndexedEvent &e = events.at(r.event);
        if (e.timeUs > windowEnd) {
            if (!lateRun)
                lateRun = &r;
            continue;
        }
        runs.append(&r);
        runEvidence.append(r.event);
        if (e.node >= 0 && !runNodes.contains(e.node))
            runNodes.append(e.node);
    }

    // Stage 2.
    MissingStage missingWrite;
    bool writeMissing = false;
    if (work.writes.isEmpty()) {
        writeMissing = true;
        missingWrite.stage = Stage::Write;
        if (seed.node < 0) {
            missingWrite.reason = Text::tr("no process or file-write records for this install (package log only)");
        } else if (!runs.isEmpty()) {
            const IndexedEvent &r = events.at(runs.first()->event);
            missingWrite.reason
                = Text::tr("write not observed: %1 ran without a logged write of it (file-write events may be filtered "
                           "on this host)")
                      .arg(s.at(runs.first()->path).isEmpty() ? imageOf(r) : s.at(runs.first()->path));
        } else if (!work.sessionLoads.isEmpty()) {
            missingWrite.reason = Text::tr("write not observed: the update session's service host loaded the module "
                                           "without a logged write of it");
        } else {
            missingWrite.reason
                = Text::tr("no write into monitored paths by the installer or its descendants within %1").arg(window);
        }
    } else {
        chain.stages.append({Stage::Write, ids(work.writes), work.writes});
        for (qint32 path : work.writtenPaths)
            chain.writtenPaths << s.at(path);
        for (qint32 ev : work.writes) {
            const IndexedEvent &e = events.at(ev);
            involved.insert(e.node);
            const bool inProgramPath = isMonitored(e.target, e.platform, policy);
            evidence.append(item(ev, Stage::Write, QStringLiteral("write"),
                inProgramPath
                    ? Text::tr("%1 wrote %2, a monitored program path").arg(fileNameOf(imageOf(e)), s.at(e.target))
                    : Text::tr("%1 wrote %2, which then ran within the window")
                          .arg(fileNameOf(imageOf(e)), s.at(e.target))));
        }
    }

    // Stage 3: the first runs, what they started and loaded.
    for (const FirstRun *r : std::as_const(runs)) {
        const IndexedEvent &e = events.at(r->event);
        QString reason;
        const QString gap = after(e);
        switch (r->how) {
        case FirstRun::How::Written:
            reason = Text::tr("first run of %1, written by the install %2 after it began").arg(s.at(r->path), gap);
            break;
        case FirstRun::How::Loaded:
            reason = Text::tr("%1 loaded %2, which the install wrote; its first run, %3 after the install began")
                         .arg(fileNameOf(imageOf(e)), s.at(r->path), gap);
            break;
        case FirstRun::How::Staged:
            reason = Text::tr("%1 started %2 from its staging folder %3 after the install began (code the installer "
                              "brought; write not observed)")
                         .arg(installerName, s.at(r->path), gap);
            break;
        case FirstRun::How::Downloaded:
            reason = Text::tr("%1 ran %3 after the install began; the install's downloader fetched it (\"%2\"); "
                              "write not observed")
                         .arg(s.at(r->path), s.at(events.at(r->via).commandLine), gap);
            break;
        case FirstRun::How::PipedScript:
            reason = Text::tr("an install script downloads and runs code in one line: \"%1\"").arg(s.at(e.commandLine));
            break;
        }
        Evidence x = item(r->event, Stage::FirstRun, QStringLiteral("first_run"), reason);
        // The code's own signer, when a load of its image says it.
        if (e.kind == EventKind::ModuleLoad) {
            x.target = s.at(e.target);
        } else if (e.node >= 0) {
            for (qint32 ev : m_index.eventsOf(e.node)) {
                const IndexedEvent &l = events.at(ev);
                if (l.kind == EventKind::ModuleLoad && l.target != 0 && l.signer != 0
                    && s.at(l.target).compare(s.at(e.image), Qt::CaseInsensitive) == 0) {
                    x.signer = s.at(l.signer);
                    x.signatureStatus = s.at(l.signatureStatus);
                    break;
                }
            }
        }
        // Code that carries its own signature facts at exec (macOS: Endpoint Security,
        // Santa, Elastic Endpoint): unsigned or ad-hoc code, or the wrong team.
        if (e.kind == EventKind::ProcessStart && isBadSignatureStatus(s.at(e.signatureStatus))) {
            x.reason = Text::tr("%1; the code is unsigned, ad-hoc signed or its signature did not verify (%2)")
                           .arg(x.reason, s.at(e.signatureStatus));
            x = flagged(x, Mismatch::UnsignedModule);
        } else if (const TeamJudgement team = judgeTeam(e, installerTeam); !team.sentence.isEmpty()) {
            x.reason = Text::tr("%1; %2").arg(x.reason, team.sentence);
            x.approvedBy = team.approvedBy;
            if (team.mismatch)
                x = flagged(x, Mismatch::TeamIdNotAllowed);
        }
        if (x.flag.isEmpty() && x.approvedBy.isEmpty() && !x.signer.isEmpty()
            && !isBadSignatureStatus(x.signatureStatus))
            x.approvedBy = policy.approvingSigner(x.signer);
        if (x.flag.isEmpty() && x.approvedBy.isEmpty() && everySourceApproved)
            x.approvedBy = sourceApproval;
        evidence.append(x);
    }
    QSet<qint32> brought(runNodes.cbegin(), runNodes.cend());
    // The update session: service hosts that loaded unsigned code while it ran.
    QList<qint32> sessionHosts;
    qint64 sessionFrom = std::numeric_limits<qint64>::max();
    for (qint32 ev : work.sessionLoads) {
        const IndexedEvent &e = events.at(ev);
        if (e.timeUs > windowEnd)
            continue;
        runEvidence.append(ev);
        evidence.append(flagged(
            item(ev, Stage::FirstRun, QStringLiteral("module"),
                Text::tr("%1 loaded %2 (%3) %4 after %5 began an update session; the update "
                         "service runs in this host")
                    .arg(fileNameOf(imageOf(e)), s.at(e.target), s.at(e.signatureStatus), after(e), installerName)),
            Mismatch::UnsignedModule));
        if (!sessionHosts.contains(e.node))
            sessionHosts.append(e.node);
        sessionFrom = qMin(sessionFrom, e.timeUs);
        involved.insert(e.node);
    }
    // The roots whose descendants are the first runs' doing: the first-run processes,
    // and for an update session what its service hosts started after the bad load.
    QList<qint32> roots = runNodes;
    for (qint32 h : std::as_const(sessionHosts)) {
        for (qint32 c : m_index.children(h)) {
            const ProcessNode &p = m_index.process(c);
            if (p.startUs >= sessionFrom && p.startUs <= windowEnd && !roots.contains(c))
                roots.append(c);
        }
    }
    // A root below another root is walked with it: each process once.
    {
        const QSet<qint32> rootSet(roots.cbegin(), roots.cend());
        QList<qint32> topmost;
        for (qint32 r : std::as_const(roots)) {
            bool below = false;
            for (qint32 a = m_index.process(r).parent, steps = 0; a >= 0 && steps < 4096;
                 a = m_index.process(a).parent, ++steps) {
                if (rootSet.contains(a)) {
                    below = true;
                    break;
                }
                if (a == seed.node)
                    break;
            }
            if (!below)
                topmost.append(r);
        }
        roots = topmost;
    }
    for (qint32 r : std::as_const(roots)) {
        const bool sessionChild = !runNodes.contains(r);
        QList<qint32> subtree = m_index.descendants(r, windowEnd);
        subtree.prepend(r);
        for (qint32 n : subtree) {
            involved.insert(n);
            brought.insert(n);
            if ((n != r || sessionChild) && isSuspiciousChild(n)) {
                for (qint32 ev : m_index.eventsOf(n)) {
                    if (events.at(ev).id != m_index.process(n).startEventId)
                        continue;
                    const qint32 parentNode = m_index.process(n).parent;
                    const QString child = fileNameOf(s.at(m_index.process(n).image));
                    const QString root = fileNameOf(s.at(m_index.process(r).image));
                    QString reason;
                    if (n == r) {
                        reason = Text::tr("%1 started %2, a shell, script host or system binary, after it loaded "
                                          "unsigned code during the update session")
                                     .arg(parentNode >= 0 ? fileNameOf(s.at(m_index.process(parentNode).image))
                                                          : QString(),
                                         child);
                    } else if (parentNode == r || parentNode < 0) {
                        reason = Text::tr("%1 started %2, a shell, script host or system binary that new code has "
                                          "no business starting")
                                     .arg(root, child);
                    } else {
                        reason = Text::tr("%1 started %2 below the first run of %3: a shell, script host or system "
                                          "binary")
                                     .arg(fileNameOf(s.at(m_index.process(parentNode).image)), child, root);
                    }
                    runEvidence.append(ev);
                    evidence.append(
                        flagged(item(ev, Stage::FirstRun, QStringLiteral("child"), reason), Mismatch::UnexpectedChild));
                }
            }
            for (qint32 ev : m_index.eventsOf(n)) {
                const IndexedEvent &e = events.at(ev);
                if (e.timeUs > windowEnd || e.timeUs < seed.startUs)
                    continue;
                if (e.kind == EventKind::SignatureFault) {
                    runEvidence.append(ev);
                    evidence.append(flagged(item(ev, Stage::FirstRun, QStringLiteral("module"),
                                                Text::tr("code integrity refused or flagged %1").arg(s.at(e.target))),
                        Mismatch::UnsignedModule));
                } else if (e.kind == EventKind::ModuleLoad) {
                    const QString status = s.at(e.signatureStatus);
                    const QString signer = s.at(e.signer);
                    const bool ownCode = work.writtenPaths.contains(e.target)
                        || (e.target != 0 && isStaging(e.target, e.platform, policy));
                    if (isBadSignatureStatus(status)) {
                        runEvidence.append(ev);
                        evidence.append(flagged(item(ev, Stage::FirstRun, QStringLiteral("module"),
                                                    Text::tr("%1 loaded %2, which is unsigned or whose signature did "
                                                             "not verify (%3)")
                                                        .arg(fileNameOf(imageOf(e)), s.at(e.target), status)),
                            Mismatch::UnsignedModule));
                    } else if (const TeamJudgement team = judgeTeam(e, installerTeam); team.mismatch) {
                        runEvidence.append(ev);
                        evidence.append(flagged(item(ev, Stage::FirstRun, QStringLiteral("module"),
                                                    Text::tr("%1 loaded %2, %3")
                                                        .arg(fileNameOf(imageOf(e)), s.at(e.target), team.sentence)),
                            Mismatch::TeamIdNotAllowed));
                    } else if (!signer.isEmpty() && !policy.approvedSigners.isEmpty()
                        && !policy.isApprovedSigner(signer)) {
                        runEvidence.append(ev);
                        evidence.append(flagged(item(ev, Stage::FirstRun, QStringLiteral("module"),
                                                    Text::tr("%1 loaded %2, signed by %3, whom no ApprovedSigners "
                                                             "entry names")
                                                        .arg(fileNameOf(imageOf(e)), s.at(e.target), signer)),
                            Mismatch::SignerNotApproved));
                    } else if (const QString d = drift(e, seed.startUs, policy); !d.isEmpty()) {
                        runEvidence.append(ev);
                        Evidence x = item(ev, Stage::FirstRun, QStringLiteral("module"), QString());
                        x.approvedBy = policy.approvingSigner(signer);
                        if (d == Mismatch::HashDrift) {
                            // Every genuine update changes the hash; a note, not a flag.
                            mismatches.insert(d);
                            x.reason = Text::tr("%1 loaded %2 with a new hash under the same signer (%3)")
                                           .arg(fileNameOf(imageOf(e)), s.at(e.target), signer);
                            x.hashes = driftHashes(e, seed.startUs);
                            x.note = d;
                            evidence.append(x);
                        } else {
                            x.reason = Text::tr("%1 loaded %2, now signed by %3, unlike before the install")
                                           .arg(fileNameOf(imageOf(e)), s.at(e.target), signer);
                            evidence.append(flagged(x, d));
                        }
                    } else if (ownCode) {
                        runEvidence.append(ev);
                        Evidence x = item(ev, Stage::FirstRun, QStringLiteral("module"), QString());
                        x.approvedBy = policy.approvingSigner(signer);
                        if (!team.approvedBy.isEmpty()) { // judged above, no mismatch
                            x.approvedBy = team.approvedBy;
                            x.reason = Text::tr("%1 loaded %2, %3")
                                           .arg(fileNameOf(imageOf(e)), s.at(e.target), team.sentence);
                        } else {
                            x.reason = !x.approvedBy.isEmpty()
                                ? Text::tr("%1 loaded %2, signed by %3")
                                      .arg(fileNameOf(imageOf(e)), s.at(e.target), signer)
                                : signer.isEmpty()
                                ? Text::tr("%1 loaded %2; no signer was logged")
                                      .arg(fileNameOf(imageOf(e)), s.at(e.target))
                                : Text::tr("%1 loaded %2, signed by %3 (valid); no ApprovedSigners entry names it")
                                      .arg(fileNameOf(imageOf(e)), s.at(e.target), signer);
                        }
                        evidence.append(x);
                    }
                } else if (e.kind == EventKind::ProcessStart && n == r && !sessionChild) {
                    if (const QString d = drift(e, seed.startUs, policy); !d.isEmpty()) {
                        mismatches.insert(d);
                        if (d != Mismatch::HashDrift) {
                            Evidence x = item(ev, Stage::FirstRun, QStringLiteral("first_run"),
                                Text::tr("%1 is now signed by %2, unlike before the install")
                                    .arg(s.at(e.image), s.at(e.signer)));
                            evidence.append(flagged(x, d));
                        } else {
                            // The first run's own evidence shows the hashes, old and new.
                            for (Evidence &y : evidence) {
                                if (y.eventIndex == ev && y.role == u"first_run" && y.note.isEmpty()) {
                                    y.hashes = driftHashes(e, seed.startUs);
                                    y.note = d;
                                    y.reason = Text::tr("%1; its hash changed since before the install, under the "
                                                        "same signer")
                                                   .arg(y.reason);
                                }
                            }
                        }
                    }
                } else if ((e.persistence
                               || ((e.kind == EventKind::FileWrite || e.kind == EventKind::FileRename)
                                   && isPersistenceLocation(s.at(e.target))))
                    && e.target != 0) {
                    evidence.append(item(ev, Stage::FirstRun, QStringLiteral("persistence"),
                        Text::tr("%1 set up %2 to start again (persistence)")
                            .arg(fileNameOf(imageOf(e)), s.at(e.target))));
                }
            }
        }
    }
    // Gatekeeper and AMFI complaints (AN0864 stage 3) come from their own daemons, not
    // from the process tree of the code they judge: they join the chain by the file
    // they name, a written file or a first run's image, or the bundle holding one.
    {
        QStringList paths;
        for (qint32 path : work.writtenPaths)
            paths << s.at(path);
        for (qint32 n : std::as_const(runNodes))
            paths << s.at(m_index.process(n).image);
        // APFS compares names case-insensitively by default, and a bundle may be
        // named with a trailing slash.
        const Qt::CaseSensitivity cs = seed.platform == Platform::MacOS || seed.platform == Platform::Windows
            ? Qt::CaseInsensitive
            : Qt::CaseSensitive;
        const auto concerns = [&](QString target) {
            while (target.size() > 1 && target.endsWith(u'/'))
                target.chop(1);
            for (const QString &p : std::as_const(paths)) {
                if (p.isEmpty())
                    continue;
                if (p.compare(target, cs) == 0 || (p.startsWith(target, cs) && p.at(target.size()) == u'/')
                    || (target.startsWith(p, cs) && target.at(p.size()) == u'/'))
                    return true;
            }
            return false;
        };
        for (qint32 ev : m_index.signatureFaults(seed.host, seed.startUs, windowEnd)) {
            const IndexedEvent &e = events.at(ev);
            if (e.target == 0 || runEvidence.contains(ev) || !concerns(s.at(e.target)))
                continue;
            runEvidence.append(ev);
            Evidence x = item(ev, Stage::FirstRun, QStringLiteral("module"),
                Text::tr("%1 flagged %2 %3 after the install began (code signing or notarization)")
                    .arg(fileNameOf(imageOf(e)), s.at(e.target), after(e)));
            if (e.teamId != 0)
                x.reason = Text::tr("%1; Team ID %2").arg(x.reason, s.at(e.teamId));
            evidence.append(flagged(x, Mismatch::UnsignedModule));
        }
    }
    chain.firstRunNodes = runNodes;
    if (runNodes.isEmpty())
        chain.firstRunNodes = sessionHosts;
    MissingStage missingRun;
    bool runMissing = false;
    if (!runEvidence.isEmpty()) {
        std::sort(runEvidence.begin(), runEvidence.end());
        runEvidence.erase(std::unique(runEvidence.begin(), runEvidence.end()), runEvidence.end());
        chain.stages.append({Stage::FirstRun, ids(runEvidence), runEvidence});
        // A library's first run is its load: name the process that loaded it.
        const IndexedEvent &first = events.at(runs.isEmpty() ? runEvidence.first() : runs.first()->event);
        chain.firstRun = imageOf(first);
    } else {
        runMissing = true;
        missingRun.stage = Stage::FirstRun;
        if (lateRun) {
            const IndexedEvent &e = events.at(lateRun->event);
            chain.firstRun = imageOf(e);
            chain.lateEvents.append(lateRun->event);
            missingRun.nearestEvent = lateRun->event;
            missingRun.nearestEventId = e.id;
            missingRun.gapUs = e.timeUs - seed.startUs;
            missingRun.reason = Text::tr("written binary %1 first ran %2 after the install, outside the %3 window")
                                    .arg(imageOf(e), humanDuration(e.timeUs - seed.startUs), window);
        } else {
            missingRun.reason
                = Text::tr("none of the %n written file(s) was executed", nullptr, int(work.writtenPaths.size()));
        }
    }

    // Stage 4: egress of the first-run processes and their descendants. Late and
    // approved destinations are looked at too, to explain a missing stage.
    QList<qint32> egress;
    qint32 firstApproved = -1;
    qint32 firstLate = -1;
    for (qint32 r : std::as_const(roots)) {
        QList<qint32> subtree = m_index.descendants(r);
        subtree.prepend(r);
        for (qint32 n : subtree) {
            for (qint32 ev : m_index.eventsOf(n)) {
                const IndexedEvent &e = events.at(ev);
                // What a process did before the install began is not the install's
                // egress (a pid's events can be dated before its logged start).
                if ((e.kind != EventKind::NetConnect && e.kind != EventKind::DnsQuery) || e.local
                    || e.timeUs < seed.startUs)
                    continue;
                QString entry = policy.approvingEntry(s.at(e.dstHost));
                if (entry.isEmpty())
                    entry = policy.approvingEntry(s.at(e.dstIp));
                if (e.timeUs > windowEnd) {
                    if (entry.isEmpty() && (firstLate < 0 || e.timeUs < events.at(firstLate).timeUs))
                        firstLate = ev;
                } else if (!entry.isEmpty()) {
                    if (firstApproved < 0 || ev < firstApproved)
                        firstApproved = ev;
                    Evidence x = item(ev, Stage::Egress, QStringLiteral("egress"),
                        Text::tr("%1 reached %2 %3 after the install, an approved update host")
                            .arg(fileNameOf(imageOf(e)), describe(e), after(e)));
                    x.approvedBy = entry;
                    evidence.append(x);
                } else {
                    egress.append(ev);
                    involved.insert(n);
                    evidence.append(flagged(item(ev, Stage::Egress, QStringLiteral("egress"),
                                                Text::tr("%1 reached %2 %3 after the install; no ApprovedUpdateHosts "
                                                         "entry names it")
                                                    .arg(fileNameOf(imageOf(e)), describe(e), after(e))),
                        Mismatch::HostNotApproved));
                }
            }
        }
    }
    MissingStage missingEgress;
    bool egressMissing = false;
    if (!egress.isEmpty()) {
        std::sort(egress.begin(), egress.end());
        egress.erase(std::unique(egress.begin(), egress.end()), egress.end());
        chain.stages.append({Stage::Egress, ids(egress), egress});
        chain.egress = describe(events.at(egress.first()));
    } else if (!roots.isEmpty() && (firstApproved < 0 || firstLate >= 0)) {
        egressMissing = true;
        missingEgress.stage = Stage::Egress;
        if (firstLate >= 0) {
            const IndexedEvent &e = events.at(firstLate);
            chain.lateEvents.append(firstLate);
            missingEgress.nearestEvent = firstLate;
            missingEgress.nearestEventId = e.id;
            missingEgress.gapUs = e.timeUs - seed.startUs;
            missingEgress.reason = Text::tr("no egress within %1; first egress %2 after the install to %3")
                                       .arg(window, humanDuration(e.timeUs - seed.startUs), describe(e));
            involved.insert(e.node);
        } else if (!m_index.hasNetworkEvents(seed.host)) {
            missingEgress.reason = Text::tr("no network connection from the first-run process or its descendants; "
                                            "the case holds no network events for this host (egress is not logged)");
        } else {
            missingEgress.reason = Text::tr("no network connection from the first-run process or its descendants");
        }
    }

    // What is missing, in stage order, with the nearest miss.
    if (writeMissing)
        chain.missingStages.append(missingWrite);
    if (runMissing)
        chain.missingStages.append(missingRun);
    if (egressMissing)
        chain.missingStages.append(missingEgress);
    for (const MissingStage &m : std::as_const(chain.missingStages)) {
        // The write stage of code that ran from a staging folder is explained by its
        // first run; the old "missing" list keeps to what it always said.
        if (m.stage == Stage::Write && (!runs.isEmpty() || !work.sessionLoads.isEmpty()))
            continue;
        chain.missing << m.reason;
    }

    // The verdict, computed once. A new hash alone is what every update brings.
    chain.mismatches = QStringList(mismatches.begin(), mismatches.end());
    chain.mismatches.sort();
    for (const QString &m : std::as_const(chain.mismatches))
        (m == Mismatch::HashDrift ? chain.notes : chain.flags) << m;
    const bool suspicious = !chain.flags.isEmpty();
    bool everyApproved = true;
    bool anyApproval = false;
    bool somethingToApprove = false;
    for (const Evidence &x : std::as_const(evidence)) {
        anyApproval = anyApproval || !x.approvedBy.isEmpty();
        if (x.role == u"first_run" || x.role == u"egress")
            somethingToApprove = true;
        if ((x.role == u"egress" || x.role == u"module" || x.role == u"package_source") && x.approvedBy.isEmpty())
            everyApproved = false;
    }
    if (suspicious)
        chain.verdict = Verdict::Suspicious;
    else if (everyApproved && anyApproval && somethingToApprove && firstLate < 0)
        chain.verdict = Verdict::Approved;
    else
        chain.verdict = Verdict::Incomplete;
    chain.approved = chain.verdict == Verdict::Approved;
    const int base = 20 * int(chain.stages.size());
    chain.score = chain.verdict == Verdict::Approved ? base / 4
        : suspicious                                 ? base + 5 * qMin(4, int(chain.mismatches.size()))
                                                     : base;

    // The summary paragraph.
    QStringList because;
    if (chain.verdict == Verdict::Suspicious) {
        // The first reason of each flag, in the order the evidence came.
        QSet<QString> told;
        for (const Evidence &x : std::as_const(evidence)) {
            if (!x.flag.isEmpty() && !told.contains(x.flag)) {
                told.insert(x.flag);
                because << x.reason;
            }
        }
        chain.summary = Text::tr("Suspicious: %1.").arg(because.join(QStringLiteral("; ")));
    } else if (chain.verdict == Verdict::Approved) {
        QStringList entries;
        for (const Evidence &x : std::as_const(evidence)) {
            if (!x.approvedBy.isEmpty() && !entries.contains(x.approvedBy))
                entries << x.approvedBy;
        }
        chain.summary = Text::tr("Approved because %1.").arg(entries.join(QStringLiteral(", ")));
    } else {
        QStringList open;
        for (const Evidence &x : std::as_const(evidence)) {
            if ((x.role == u"egress" || x.role == u"module" || x.role == u"package_source") && x.approvedBy.isEmpty())
                open << x.reason;
        }
        if (firstLate >= 0)
            open << Text::tr("the nearest egress came after the window and went to an unapproved host");
        if (!anyApproval && open.isEmpty())
            open << Text::tr("no policy entry approves any of its evidence");
        if (!somethingToApprove)
            open << Text::tr("nothing the install brought was seen running");
        chain.summary = Text::tr("Incomplete: no mismatch, but not approved: %1.").arg(open.join(QStringLiteral("; ")));
    }
    if (!chain.missingStages.isEmpty()) {
        QStringList missingText;
        for (const MissingStage &m : std::as_const(chain.missingStages))
            missingText << m.reason;
        chain.summary += u' ' + Text::tr("Missing: %1.").arg(missingText.join(QStringLiteral("; ")));
    }

    std::stable_sort(evidence.begin(), evidence.end(),
        [](const Evidence &a, const Evidence &b) { return a.eventIndex < b.eventIndex; });
    chain.evidence = evidence;

    // What each process did in the chain, and its mark.
    involved.remove(-1);
    chain.processNodes = QList<qint32>(involved.begin(), involved.end());
    std::sort(chain.processNodes.begin(), chain.processNodes.end(), [&](qint32 a, qint32 b) {
        const qint64 ta = m_index.process(a).startUs;
        const qint64 tb = m_index.process(b).startUs;
        return ta != tb ? ta < tb : a < b;
    });
    QHash<qint32, qsizetype> slot;
    for (qint32 n : std::as_const(chain.processNodes)) {
        ChainProcess p;
        p.node = n;
        p.mark = ChainMark::InChain;
        p.firstRun = chain.firstRunNodes.contains(n);
        if (n == seed.node)
            p.roles << Text::tr("installer");
        if (p.firstRun)
            p.roles << Text::tr("first run");
        if (const qint32 why = m_index.process(n).parentReason; why != 0)
            p.roles << s.at(why);
        slot.insert(n, chain.processes.size());
        chain.processes.append(p);
    }
    for (const Evidence &x : std::as_const(chain.evidence)) {
        if (x.node < 0 || !slot.contains(x.node))
            continue;
        ChainProcess &p = chain.processes[slot.value(x.node)];
        QString role;
        if (x.role == u"write")
            role = Text::tr("wrote %1").arg(x.target);
        else if (x.role == u"module")
            // What the load raised, when it raised something: a module flagged or with a
            // new hash does not read "(Valid)", though its signature may well be.
            role = !x.flag.isEmpty()          ? Text::tr("loaded %1 (%2)").arg(x.target, mismatchLabel(x.flag))
                : !x.note.isEmpty()           ? Text::tr("loaded %1 (%2)").arg(x.target, mismatchLabel(x.note))
                : x.signatureStatus.isEmpty() ? Text::tr("loaded %1").arg(x.target)
                                              : Text::tr("loaded %1 (%2)").arg(x.target, x.signatureStatus);
        else if (x.role == u"child")
            role = Text::tr("shell / script host");
        else if (x.role == u"egress")
            role = Text::tr("egress to %1").arg(x.target);
        else if (x.role == u"package_source")
            role = x.flag.isEmpty() ? Text::tr("package source %1").arg(x.target)
                                    : Text::tr("package source %1 (not approved)").arg(x.target);
        else if (x.role == u"persistence")
            role = Text::tr("persistence %1").arg(x.target);
        if (!role.isEmpty() && !p.roles.contains(role))
            p.roles << role;
        if (!x.flag.isEmpty())
            p.mark = ChainMark::Mismatch;
    }
    // A process whose every piece of evidence a policy entry allowed is approved.
    for (ChainProcess &p : chain.processes) {
        if (p.mark != ChainMark::InChain)
            continue;
        bool any = false;
        bool all = true;
        for (const Evidence &x : std::as_const(chain.evidence)) {
            if (x.node != p.node)
                continue;
            any = true;
            all = all && x.mark() == ChainMark::Approved;
        }
        if (any && all)
            p.mark = ChainMark::Approved;
    }
    for (const ChainProcess &p : std::as_const(chain.processes)) {
        const QString image = s.at(m_index.process(p.node).image);
        if (!image.isEmpty() && !chain.processImages.contains(image))
            chain.processImages << image;
    }
    return chain;
}

void Chain::remap(const std::function<qint32(qint32)> &event, const std::function<qint32(qint32)> &node)
{
    const auto all = [](QList<qint32> &list, const std::function<qint32(qint32)> &f) {
        for (qint32 &v : list)
            v = f(v);
    };
    seedNode = node(seedNode);
    all(firstRunNodes, node);
    all(processNodes, node);
    for (ChainProcess &p : processes)
        p.node = node(p.node);
    for (ChainStage &s : stages)
        all(s.eventIndices, event);
    for (Evidence &x : evidence) {
        x.eventIndex = event(x.eventIndex);
        x.node = node(x.node);
    }
    for (MissingStage &m : missingStages)
        m.nearestEvent = event(m.nearestEvent);
    all(lateEvents, event);
}

Correlator::WorkKey Correlator::WorkKey::of(const Policy &policy)
{
    return {policy.linuxInstallers, policy.windowsInstallers, policy.macInstallers, policy.pathScope,
        policy.programPaths, policy.macProgramPaths, policy.stagingPaths, policy.timeWindowUs};
}

QList<Chain> Correlator::run(const Policy &policy, const std::atomic<bool> *cancel)
{
    WorkKey key = WorkKey::of(policy);
    const bool reuse = m_known.isEmpty() && m_cachedKey == key && m_work.size() == m_seeds.size();
    m_reused = 0;
    if (!reuse) {
        m_cachedKey.reset();
        // Path answers depend on the policy's paths; command-line answers do not.
        clearCaches();
        m_seeds = findSeeds(policy);
        m_work.clear();
        m_work.reserve(m_seeds.size());
        for (qsizetype i = 0; i < m_seeds.size(); ++i) {
            if (cancel && cancel->load()) {
                m_index.setDemandSeed(-1);
                return {};
            }
            // A demand index notes what each seed's walk missed (issue 15).
            m_index.setDemandSeed(int(i));
            m_work.append(m_known.contains(int(i)) ? SeedWork() : analyse(m_seeds.at(i), policy));
        }
        m_index.setDemandSeed(-1);
        // Work skipped for known seeds is no work to reuse.
        if (m_known.isEmpty())
            m_cachedKey = std::move(key);
    } else {
        m_reused = int(m_seeds.size());
    }

    QList<Chain> chains;
    for (qsizetype i = 0; i < m_seeds.size(); ++i) {
        if (cancel && cancel->load())
            return {};
        if (const auto known = m_known.constFind(int(i)); known != m_known.cend()) {
            if (known.value()) {
                chains.append(*known.value());
                chains.last().id = int(i) + 1;
            }
            continue;
        }
        // An install with nothing after it (no write, no run of what it brought) is not
        // a chain; it stays a seed.
        const SeedWork &w = m_work.at(i);
        if (w.writes.isEmpty() && w.firstRuns.isEmpty() && w.sessionLoads.isEmpty())
            continue;
        m_index.setDemandSeed(int(i));
        Chain chain = judge(m_seeds.at(i), m_work.at(i), policy);
        m_index.setDemandSeed(-1);
        chain.id = int(i) + 1; // seed order: stable while the seeds are
        trimToSize(chain);
        chains.append(std::move(chain));
    }
    chains.squeeze();
    std::stable_sort(chains.begin(), chains.end(),
        [](const Chain &a, const Chain &b) { return a.score != b.score ? a.score > b.score : a.startUs < b.startUs; });
    return chains;
}

} // namespace Chainscope
