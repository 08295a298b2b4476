#pragma once

#include "caseindex.h"
#include "correlator.h"
#include "policy.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Chainscope {

class CaseStore;

// A case's chains with the part of its index they refer to (issue 15): what the chain
// list, the process trees, the timelines and the reports read, and nothing else. The
// case keeps the last one, so that opening a case of millions of events shows its
// chains without reading the events; a policy change still needs the whole index.
//
// The index of a snapshot holds the chains' processes with their ancestors (the tree
// shows lineage), the events the chains cite, and every event of the chains' own
// processes ("this chain only"). Its lookups by path and host are empty: it serves views
// and reports, never the Correlator (CaseIndex::isPartial()).
struct ChainSnapshot
{
    std::shared_ptr<const CaseIndex> index;
    QList<Chain> chains;

    // The part of `full` that `chains` refer to, with the chains' indices into it. The
    // chains are taken by value: a caller done with its own moves them in, and they are
    // renumbered in place instead of beside a copy (at 10,000 chains, 15 MiB less at the
    // workbench's peak during a policy change).
    static ChainSnapshot of(const CaseIndex &full, QList<Chain> chains);

    // A compact binary form (little-endian integers, UTF-8 strings) and back. Reading
    // checks every length against the bytes left and every index against what it
    // points into: damaged bytes give nullopt and a reason, never a crash or a view
    // that reads out of range.
    QByteArray toBytes() const;
    static std::optional<ChainSnapshot> fromBytes(QByteArrayView bytes, QString *error = nullptr);
};

// The case's kept chain list (issue 15, "open fast"). The key names everything the
// chains depend on besides the events: the analysis code itself (a digest of its sources
// made at build time, so a changed correlator never shows old results), the language
// the explanations were written in, and the policy's content. The events are named by
// the case's events generation.
namespace ChainCache {
// The key for chains computed under `policy` by this build, in the current language.
QByteArray keyFor(const Policy &policy);
// The kept chains for `key`, when they were computed from the case's current events
// and read back intact; nullopt otherwise (`why` says why, for the status line).
std::optional<ChainSnapshot> read(CaseStore &store, const QByteArray &key, QString *why = nullptr);
// Keeps the chains for the next open, if the case can be written and its events are
// still those of `generation`. Returns whether they were kept.
bool write(const QString &casePath, const QByteArray &key, qint64 generation, const CaseIndex &index,
    const QList<Chain> &chains);
// The same for chains that already are a snapshot (computed from the stored index): kept
// as they are, without taking a second snapshot of them.
bool write(const QString &casePath, const QByteArray &key, qint64 generation, const ChainSnapshot &snapshot);
} // namespace ChainCache

} // namespace Chainscope
