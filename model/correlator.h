#pragma once

#include "caseindex.h"
#include "policy.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
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
} // namespace Mismatch

struct ChainStage
{
    Stage stage = Stage::Install;
    QList<qint64> eventIds; // in time order
    QList<qint32> eventIndices; // the same events as indices into CaseIndex::events()
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
    QStringList mismatches;
    QStringList missing; // one sentence per stage not found (or found only outside the window)
    // True when nothing is suspicious: no egress outside the allow-lists and no
    // mismatch. Kept so the analyst sees benign updates were considered.
    bool approved = false;

    QString installer; // the installer's command line (or package list)
    QString firstRun; // image of the first-run binary, if any
    QString egress; // first unapproved destination, if any
    QStringList writtenPaths;
    qint32 seedNode = -1; // -1 for seeds from package logs only
    QList<qint32> firstRunNodes;
    QList<qint32> processNodes; // every process that belongs to the chain
    // Events just outside the window that explain a missing stage (a first run or an
    // egress that came too late), as indices into CaseIndex::events().
    QList<qint32> lateEvents;

    bool hasStage(Stage s) const;
    const ChainStage *stage(Stage s) const;
    bool isFull() const { return stages.size() == StageCount; }
    QJsonObject toJson() const;
};

// Finds install → write → first run → egress chains in an indexed case under a
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

private:
    struct Seed
    {
        qint32 node = -1; // installer process, or -1
        QList<qint32> installEvents; // event indices
        qint32 host = 0;
        Platform platform = Platform::Unknown;
        qint64 startUs = 0;
    };
    // Policy-independent for a given (installers, paths, window): what was written,
    // and what ran.
    struct SeedWork
    {
        QList<qint32> writes; // event indices in the window
        QList<qint32> writtenPaths; // string ids
        QList<QPair<qint32, qint32>> firstRuns; // (path, exec event) — any time
        QList<qint32> installerNet; // installer-tree connects in the window (package sources)
    };

    QList<Seed> findSeeds(const Policy &policy) const;
    SeedWork analyse(const Seed &seed, const Policy &policy) const;
    Chain judge(const Seed &seed, const SeedWork &work, const Policy &policy) const;
    QString describe(const IndexedEvent &e) const;
    // Signer or hash drift of a module load or exec against the host's history of the
    // same file before the install; empty when there is none.
    QString drift(const IndexedEvent &e, qint64 installUs, const Policy &policy) const;
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
        qint64 timeWindowUs = 0;

        static WorkKey of(const Policy &policy);
        bool operator==(const WorkKey &other) const = default;
    };

    const CaseIndex &m_index;
    // Cache of the last run, valid while the key stays the same; empty when the last
    // run was cancelled before its work was complete.
    std::optional<WorkKey> m_cachedKey;
    QList<Seed> m_seeds;
    QList<SeedWork> m_work;
    int m_reused = 0;
};

} // namespace Chainscope
