#pragma once

#include "caseindex.h"
#include "policy.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace Chainscope {

enum class Stage { Install, Write, FirstRun, Egress };
constexpr int StageCount = 4;
QString stageName(Stage stage);

// Why a chain is suspicious. Names are part of the JSON contract.
namespace Mismatch {
inline const QString HostNotApproved = QStringLiteral("host_not_approved");
inline const QString RepoNotApproved = QStringLiteral("repo_not_approved");
inline const QString UnexpectedChild = QStringLiteral("unexpected_child");
inline const QString UnsignedModule = QStringLiteral("unsigned_module");
inline const QString SignerNotApproved = QStringLiteral("signer_not_approved");
// A file the host knew, now validly signed by a different signer than before.
inline const QString SignerDrift = QStringLiteral("signer_drift");
// A file the host knew, now with a new hash under the same (or an approved) signer.
// Every genuine update does this too, so on its own it does not make a chain
// suspicious; next to a late beacon or an odd child it is what the analyst looks at.
inline const QString HashDrift = QStringLiteral("hash_drift");
// macOS (AN0864): code signed by a Team ID that AllowedTeamIDs does not list, or, when
// the list is empty, by another team than the vendor updater that brought it.
inline const QString TeamIdNotAllowed = QStringLiteral("team_id_not_allowed");
// macOS (AN0864): Homebrew installed from a tap that BrewTapsAllowList does not list.
inline const QString TapNotApproved = QStringLiteral("tap_not_approved");
} // namespace Mismatch

struct ChainStage
{
    Stage stage = Stage::Install;
    QList<qint64> eventIds; // in time order
    QList<qint32> eventIndices; // the same events as indices into CaseIndex::events()
};

// The verdict on a chain (its name is part of the JSON contract):
//  - suspicious: some evidence raised a mismatch flag;
//  - approved: every egress, module and package source observed was allowed by a
//    named policy entry (modules by their signer), at least one entry approved
//    something, and there was something to approve (a first run or an egress);
//  - incomplete: everything else. Absence of evidence is never approval.
enum class Verdict { Suspicious, Incomplete, Approved };
QString verdictName(Verdict verdict);

// How a process or an evidence item relates to its chain; views turn it into colour
// and icons, and never work it out themselves. Approved: in the chain, and every piece
// of its evidence allowed by a named policy entry (appended: the values are stored
// in item roles).
enum class ChainMark { None, Context, InChain, Mismatch, Approved };

// One piece of evidence behind a chain, explained once, here, for every front end.
struct Evidence
{
    qint64 eventId = -1;
    qint32 eventIndex = -1; // into CaseIndex::events()
    Stage stage = Stage::Install;
    // What the event is in the chain (JSON contract): installer, package,
    // package_source, write, first_run, child, module, egress, persistence.
    QString role;
    qint32 node = -1; // the acting process, -1 if none
    QString image; // the acting process's image
    QString target; // the file, module, package or destination
    QString signer;
    QString signatureStatus;
    QString hashes; // "old → new" for drift
    QString reason; // plain words
    QString approvedBy; // the policy entry that allowed it, or empty
    QString flag; // the mismatch it raised, or empty
    // What is only worth a look (Mismatch::HashDrift: a new hash under the same signer,
    // as every update brings), or empty. Not a flag: it never makes a chain suspicious.
    // The chain's notes carry it in the JSON contract.
    QString note;
    ChainMark mark() const
    {
        return !flag.isEmpty() ? ChainMark::Mismatch : approvedBy.isEmpty() ? ChainMark::InChain : ChainMark::Approved;
    }
    QJsonObject toJson() const;
};

// A stage the chain lacks, and the nearest miss when there was one.
struct MissingStage
{
    Stage stage = Stage::Install;
    QString reason; // one sentence: "no egress within 90m; first egress 3 h 2 min after …"
    qint32 nearestEvent = -1; // the nearest miss, as an index into CaseIndex::events()
    qint64 nearestEventId = -1;
    qint64 gapUs = -1; // from the install to the nearest miss
    QJsonObject toJson() const;
};

// A process of the chain and what it did there, for the tree and the reports.
struct ChainProcess
{
    qint32 node = -1;
    QStringList roles; // plain words, in the order they were found
    ChainMark mark = ChainMark::Context;
    bool firstRun = false;
};

// One install seed and what followed it on the same host.
struct Chain
{
    int id = 0;
    QString host;
    Platform platform = Platform::Unknown;
    int score = 0;
    qint64 startUs = 0; // the install
    QList<ChainStage> stages; // the stages found, in stage order
    QStringList mismatches; // the JSON contract: flags and notes together
    // What makes the chain suspicious, and what is only worth a look (hash_drift: a
    // new hash under the same signer, as every update brings). Views show these.
    QStringList flags;
    QStringList notes;
    QStringList missing; // one sentence per stage not found (or found only outside the window)
    Verdict verdict = Verdict::Incomplete;
    // verdict == Approved; kept for the JSON contract.
    bool approved = false;

    QString installer; // the installer's command line (or package list)
    QString installerImage; // the installer's image, empty for package-log seeds
    QString firstRun; // image of the first-run binary, if any
    QString egress; // first unapproved destination, if any
    QStringList writtenPaths;
    qint32 seedNode = -1; // -1 for seeds from package logs only
    // The first install event of the seed: the chain's identity across policy changes
    // (chain ids are ranks and change), under which the analyst's triage is kept.
    qint64 seedEventId = -1;
    QList<qint32> firstRunNodes;
    QList<qint32> processNodes; // every process that belongs to the chain
    // Events just outside the window that explain a missing stage (a first run or an
    // egress that came too late), as indices into CaseIndex::events().
    QList<qint32> lateEvents;

    // The explanation: every evidence item with its reason, the stages missing with
    // their nearest misses, and what each process did.
    QList<Evidence> evidence;
    QList<MissingStage> missingStages;
    QList<ChainProcess> processes; // in start order
    // Process images of the chain, in start order, each once.
    QStringList processImages;
    // One paragraph: why the verdict is what it is.
    QString summary;

    // Renumbers every event index and process node the chain holds (a chain moved to
    // another index of the same case: a snapshot's, or a larger demand index's).
    void remap(const std::function<qint32(qint32)> &event, const std::function<qint32(qint32)> &node);

    bool hasStage(Stage s) const;
    const ChainStage *stage(Stage s) const;
    bool isFull() const { return stages.size() == StageCount; }
    const ChainProcess *process(qint32 node) const;
    QJsonObject toJson() const;
};

// Policy::isInstaller's answers for one policy, by platform, image and command line (the
// command line empty where Policy::installerNeedsArguments says it plays no part). A
// computation that runs the correlator more than once over growing indexes of one case
// (the stored index's rounds, issue 15) asks each question once instead of once a run:
// the answers are regular expressions over thousands of command lines of shells.
class InstallerDecisions
{
public:
    explicit InstallerDecisions(const Policy &policy)
        : m_policy(policy)
    {
    }
    // `commandLine` is the process's own; it is part of the question only where needed.
    bool isInstaller(const QString &image, const QString &commandLine, Platform platform, bool needsArguments);

private:
    const Policy &m_policy;
    QHash<std::pair<int, std::pair<QString, QString>>, bool> m_answers;
};

// policy. Keeps the policy-independent part of its work (the written paths and the
// first runs per seed) so that a change of allow-lists alone recomputes quickly.
class Correlator
{
public:
    explicit Correlator(const CaseIndex &index);

    // Returns the chains ranked by score (then time). `cancel` may stop it early
    // (the result is then empty).
    QList<Chain> run(const Policy &policy, const std::atomic<bool> *cancel = nullptr);
    // How many seeds the last run reused from the previous one (incremental work).
    int reusedSeeds() const { return m_reused; }
    // How many seeds the last run found (chains are made of some of them; a chain's id
    // is its seed's place, from 1).
    int seedCount() const { return int(m_seeds.size()); }
    // Who each seed of the last run is: its process (a node of this index, -1 for a
    // package-log seed) and the id of its first install event (-1 when none).
    QList<std::pair<qint32, qint64>> seedIdentities() const;
    // For the stored index's reader (issue 15): the results of seeds that a run over a
    // smaller demand index of the same case computed without missing anything (seed
    // place -> its chain, renumbered into this index, or nullopt for a seed that made
    // none). The next run takes them as they are instead of walking those seeds again.
    void setKnown(QHash<int, std::optional<Chain>> known) { m_known = std::move(known); }
    // Answers to take and keep, for the policy of the next run (not owned; nullptr: none).
    void setInstallerDecisions(InstallerDecisions *decisions) { m_decisions = decisions; }
    // A Windows program asked to update itself ("launcher.exe --scheduledautoupdate",
    // "app.exe /update"): a seed whatever the policy's installer lists say (AN0862's
    // vendor updater, by behaviour). Depends on the command line alone, so the stored
    // index marks such processes once (issue 15).
    static bool isUpdaterByBehaviour(const QString &commandLine, Platform platform);

private:
    struct Seed
    {
        qint32 node = -1; // installer process, or -1
        QList<qint32> installEvents; // event indices
        qint32 host = 0;
        Platform platform = Platform::Unknown;
        qint64 startUs = 0;
        // An update client (UsoClient, wuauclt, …) whose work runs in service hosts:
        // their module loads during its session belong to it.
        bool updateSession = false;
        // The session's workers (TiWorker, MoUsoCoreWorker) that services started
        // while it ran: their trees are part of this install.
        QList<qint32> workers;
    };
    // How code the installer brought came to run.
    struct FirstRun
    {
        enum class How { Written, Staged, Downloaded, PipedScript, Loaded };
        How how = How::Written;
        qint32 path = 0; // string id of the file that ran
        qint32 event = -1; // the exec or load
        qint32 via = -1; // the write, or the downloader's start, that brought it (event index)
    };
    // Policy-independent for a given (installers, paths, window): what was written,
    // and what ran.
    struct SeedWork
    {
        QList<qint32> writes; // event indices in the window
        QList<qint32> writtenPaths; // string ids
        QList<FirstRun> firstRuns; // by time; late ones explain a missing stage
        QList<qint32> installerNet; // installer connects in the window (package sources)
        QList<qint32> sessionLoads; // update session: bad-signature loads by service hosts
    };

    QList<Seed> findSeeds(const Policy &policy) const;
    SeedWork analyse(const Seed &seed, const Policy &policy) const;
    Chain judge(const Seed &seed, const SeedWork &work, const Policy &policy) const;
    QString describe(const IndexedEvent &e) const;
    // Signer or hash drift of a module load or exec against the host's history of the
    // same file before the install; empty when there is none.
    QString drift(const IndexedEvent &e, qint64 installUs, const Policy &policy) const;
    // "old → new" hashes of a file whose hash drifted, for the explanation.
    QString driftHashes(const IndexedEvent &e, qint64 installUs) const;
    bool isSuspiciousChild(qint32 node) const;

    // The policy parts the seeds and their work depend on. Each list is compared on
    // its own: the same entries split differently between platforms (or between
    // installers and paths) select different seeds and writes.
    struct WorkKey
    {
        QStringList linuxInstallers;
        QStringList windowsInstallers;
        QStringList macInstallers;
        QStringList pathScope;
        QStringList programPaths;
        QStringList macProgramPaths;
        QStringList stagingPaths;
        qint64 timeWindowUs = 0;

        static WorkKey of(const Policy &policy);
        bool operator==(const WorkKey &other) const = default;
    };

    // Answers per string for one policy: thousands of seeds ask about the same paths
    // and command lines, and path matching normalises the path on every call.
    bool isMonitored(qint32 path, Platform platform, const Policy &policy) const;
    bool isStaging(qint32 path, Platform platform, const Policy &policy) const;
    const QString &downloadTargetOf(qint32 commandLine) const;
    bool runsDownloadedScriptOf(qint32 commandLine) const;
    void clearCaches();
    mutable QHash<QPair<qint32, int>, bool> m_monitoredCache;
    mutable QHash<QPair<qint32, int>, bool> m_stagingCache;
    mutable QHash<qint32, QString> m_downloadCache;
    mutable QHash<qint32, bool> m_pipedCache;

    const CaseIndex &m_index;
    // Cache of the last run, valid while the key stays the same; empty when the last
    // run was cancelled before its work was complete.
    std::optional<WorkKey> m_cachedKey;
    QList<Seed> m_seeds;
    QList<SeedWork> m_work;
    int m_reused = 0;
    QHash<int, std::optional<Chain>> m_known;
    InstallerDecisions *m_decisions = nullptr;
};

} // namespace Chainscope
