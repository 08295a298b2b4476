#pragma once

#include "caseindex.h"
#include "casestore.h"
#include "correlator.h"
#include "itemroles.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimeZone>

namespace Chainscope {

// The chains of a case, ranked, one row each. The short columns come first and the
// installer's command line, which can be as wide as the screen, comes last.
class ChainsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Id, Host, Score, Verdict, Triage, Start, FirstRun, Egress, Flags, Installer, ColumnCount };
    enum Role {
        ChainIndexRole = Qt::UserRole + 1,
        // The chain's seed event (Chain::seedEventId): its identity across policy changes.
        SeedEventRole,
        // The analyst's triage mark, as int(TriageMark).
        TriageMarkRole,
    };

    explicit ChainsModel(QObject *parent = nullptr);
    void setChains(const QList<Chain> &chains);
    const QList<Chain> &chains() const { return m_chains; }
    const Chain &chainAt(int row) const { return m_chains.at(row); }
    // The analyst's marks and notes, by Chain::seedEventId (CaseStore::chainTriage()).
    void setTriage(const QHash<qint64, ChainTriage> &triage);
    ChainTriage triageOf(const Chain &chain) const;
    // The zone the Start column shows times in (UTC by default).
    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The chain's verdict as shown (translated); the Correlator decides it.
    static QString verdict(const Chain &chain);
    static QString verdictText(Chainscope::Verdict verdict);
    // ChainMarkRole of a row: a fixed rendering of the verdict.
    static ChainMark markOf(Chainscope::Verdict verdict);
    // The summary and the missing stages' reasons, as (escaped) rich text.
    static QString toolTip(const Chain &chain);
    // The flags (and notes) as human labels, and their descriptions as (escaped) rich text.
    static QString flagsText(const Chain &chain);
    static QString flagsToolTip(const Chain &chain);

private:
    QList<Chain> m_chains;
    QHash<qint64, ChainTriage> m_triage;
    QTimeZone m_zone = QTimeZone::utc();
};

} // namespace Chainscope
