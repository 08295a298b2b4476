#pragma once

#include "correlator.h"

#include <QList>
#include <QString>

namespace Chainscope {

class CaseStore;
class CaseIndex;
struct SerialGaps;

// The case as a self-contained HTML document: sources with hashes and counts, the
// policy the chains were computed with, and every chain with its evidence. Every
// string that came from a log is HTML-escaped: logs are hostile input.
class HtmlReport
{
public:
    HtmlReport(CaseStore &store, const CaseIndex &index, const Policy &policy, const QList<Chain> &chains);
    QString render() const;

    static QString escape(const QString &text);
    // The verdict's name, translated.
    static QString verdictText(Verdict verdict);

private:
    QString renderSources() const;
    static QString renderGaps(const SerialGaps &gaps);
    QString renderPolicy() const;
    QString renderChain(const Chain &chain) const;
    QString renderOverview() const;

    CaseStore &m_store;
    const CaseIndex &m_index;
    const Policy &m_policy;
    const QList<Chain> &m_chains;
};

} // namespace Chainscope
