#pragma once

#include "caseindex.h"
#include "correlator.h"
#include "itemroles.h"

#include <QAbstractItemModel>
#include <QList>

namespace Chainscope {

// The process tree of one chain: the installer and its descendants that took part,
// the first run of the written binary (with a little of its ancestry for context)
// and what it started. Each process says what it did in the chain, with the roles
// and mark of Chain::processes; the ancestors shown only for context are Context.
class ProcessTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Process, Role, Start, CommandLine, ColumnCount };
    enum DataRole { NodeRole = Qt::UserRole + 1, FirstRunRole };

    explicit ProcessTreeModel(QObject *parent = nullptr);
    // The index must outlive the model's use of it (or be replaced by clear()).
    void setChain(const CaseIndex *index, const Chain &chain);
    void clear();

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
        QStringList reasons; // of the evidence it acted in
        ChainMark mark = ChainMark::None;
        bool firstRun = false;
    };
    QModelIndex indexOfItem(int item, int column) const;

    const CaseIndex *m_index = nullptr;
    QList<Item> m_items;
    QList<int> m_roots;
};

} // namespace Chainscope
