#pragma once

#include "caseindex.h"
#include "correlator.h"
#include "itemroles.h"

#include <QAbstractTableModel>
#include <QList>

namespace Chainscope {

// The chains of a case, ranked, one row each.
class ChainsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Id, Host, Score, Verdict, Installer, FirstRun, Egress, Flags, ColumnCount };
    enum Role { ChainIndexRole = Qt::UserRole + 1 };

    explicit ChainsModel(QObject *parent = nullptr);
    void setChains(const QList<Chain> &chains);
    const QList<Chain> &chains() const { return m_chains; }
    const Chain &chainAt(int row) const { return m_chains.at(row); }

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

private:
    QList<Chain> m_chains;
};

} // namespace Chainscope
