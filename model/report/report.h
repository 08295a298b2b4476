#pragma once

#include "casestore.h"
#include "correlator.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Chainscope {

class CaseStore;
class CaseIndex;

// The case as a self-contained HTML document: sources with hashes and counts, the
// policy and its history, the analyst's marks, notes and bookmarks, and every chain
// with its evidence and its timeline. Every string that came from a log is
// HTML-escaped: logs are hostile input. The same case renders to the same bytes
// apart from the "Generated" line (setGeneratedAt() fixes that too): sources, chains,
// bookmarks and policy versions all come in a stable order.
class HtmlReport
{
public:
    // How the chain timelines appear: inline SVG (a browser), or an <img> naming
    // timelineResourceName(id) for a renderer that paints them itself (the PDF).
    enum class Timelines { InlineSvg, ImageReference };

    HtmlReport(CaseStore &store, const CaseIndex &index, const Policy &policy, const QList<Chain> &chains);

    // Only these chains (by Chain::id), in the order the case ranks them; empty: all.
    void setChainSelection(const QList<int> &ids) { m_selection = ids; }
    // The generation time the report states; unset: now.
    void setGeneratedAt(const QDateTime &utc) { m_generatedAt = utc; }
    // Where the chains come from (issue 15): computed from the case's events for this
    // report, or as the case kept them from its last analysis under the same policy.
    // The report says which: kept chains are as trustworthy as the case file.
    void setChainsKept(bool kept) { m_chainsKept = kept; }
    void setTimelines(Timelines mode) { m_timelines = mode; }

    QString render() const;

    // What a printed page repeats in its header.
    QString caseFileName() const;
    QDateTime generatedAt() const;
    QString policyVersionText() const;
    // The chains the report covers, after the selection.
    QList<const Chain *> selectedChains() const;
    // The SVG timeline of a chain; the resource name the <img> of ImageReference uses.
    QString timelineSvgOf(const Chain &chain) const;
    static QString timelineResourceName(int chainId);

    static QString escape(const QString &text);
    // escape(), then a <wbr> after each path separator (/ \ . _ -), so that a long path
    // wraps at its separators in a browser and in the PDF, not mid-name, and copies
    // from a browser as it was logged.
    static QString escapePath(const QString &text);
    // Hash lists as escapePath(), and a <wbr> between groups of 8 hex digits.
    static QString escapeHashes(const QString &text);
    // The analyst's mark in words, translated.
    static QString triageMarkText(TriageMark mark);
    // The verdict's name, translated.
    static QString verdictText(Verdict verdict);
    // What changed from one policy to the next, one phrase per field: "TimeWindow 90m →
    // 4h", "ApprovedUpdateHosts: added a; removed b". Empty when nothing did.
    static QStringList policyChanges(const Policy &before, const Policy &after);

private:
    // escapePath() and escapeHashes(): a break opportunity after each separator, and
    // between groups of `digitGroup` hex digits when it is above 0.
    static QString breakable(const QString &text, int digitGroup);
    QString renderSources() const;
    static QString renderGaps(const SerialGaps &gaps);
    QString renderPolicy() const;
    QString renderPolicyHistory(const QList<PolicyVersion> &history) const;
    QString renderChain(const Chain &chain, const QString &triage) const;
    QString renderOverview(const QList<const Chain *> &chains) const;
    QString renderBookmarks() const;

    CaseStore &m_store;
    const CaseIndex &m_index;
    const Policy &m_policy;
    const QList<Chain> &m_chains;
    QList<int> m_selection;
    QDateTime m_generatedAt;
    Timelines m_timelines = Timelines::InlineSvg;
    bool m_chainsKept = false;
};

} // namespace Chainscope
