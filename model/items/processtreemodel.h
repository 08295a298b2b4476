#pragma once

#include "caseindex.h"
#include "correlator.h"
#include "itemroles.h"

#include <QAbstractItemModel>
#include <QList>
#include <QTimeZone>

namespace Chainscope {

// The process tree of one chain: the installer and its descendants that took part,
// the first run of the written binary (with a little of its ancestry for context)
// and what it started. Each process says what it did in the chain, from the chain's
// evidence for it (Chain::evidence, Chain::processes): stage, role, signer, signature,
// hash and reason, as the Correlator explained them; the ancestors shown only for
// context are Context. Nothing is judged here.
class ProcessTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Process, StageColumn, Role, Signer, Signature, Hash, Reason, Start, CommandLine, ColumnCount };
    enum DataRole {
        NodeRole = Qt::UserRole + 1,
        FirstRunRole,
        // The mismatch flag (Mismatch::*) of the process's first flagged evidence, or
        // the note (hash_drift) when it raised none; empty otherwise. Views pick the
        // icon by it; labels come from mismatchLabel().
        FlagRole,
        // The event id of the evidence the row shows first, -1 for context rows.
        EvidenceEventRole,
    };

    explicit ProcessTreeModel(QObject *parent = nullptr);
    // The index must outlive the model's use of it (or be replaced by clear()).
    void setChain(const CaseIndex *index, const Chain &chain);
    void clear();
    // The zone the Start column shows times in (UTC by default).
    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // For tests and the report: the role text of a process node, empty if none.
    QString roleOf(qint32 node) const;

private:
    struct Item
    {
        qint32 node = -1;
        int parent = -1; // index into m_items, -1 for roots
        int row = 0;
        QList<int> children;
        QStringList roles; // Chain::processes' roles
        QString role; // joined, as shown
        // The chain's evidence this process acted in: mismatches first, then notes,
        // then the rest, each group in the chain's (time) order.
        QList<Evidence> evidence;
        ChainMark mark = ChainMark::None;
        bool firstRun = false;
    };
    QModelIndex indexOfItem(int item, int column) const;
    QString displayText(const Item &item, int column) const;
    QString toolTip(const Item &item, int column) const;

    const CaseIndex *m_index = nullptr;
    QList<Item> m_items;
    QList<int> m_roots;
    QTimeZone m_zone = QTimeZone::utc();
};

} // namespace Chainscope
