#include "rowwindowmodel.h"

#include <algorithm>

namespace Chainscope {

RowWindowModel::RowWindowModel(QObject *parent)
    : QAbstractProxyModel(parent)
{
}

void RowWindowModel::setSourceModel(QAbstractItemModel *source)
{
    beginResetModel();
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    QAbstractProxyModel::setSourceModel(source);
    m_first = 0;
    if (source) {
        using M = QAbstractItemModel;
        const auto begin = [this] {
            beginSourceChange();
        };
        const auto end = [this] {
            endSourceChange();
        };
        m_connections = {
            connect(source, &M::modelAboutToBeReset, this, begin),
            connect(source, &M::modelReset, this, end),
            connect(source, &M::layoutAboutToBeChanged, this, begin),
            connect(source, &M::layoutChanged, this, end),
            connect(source, &M::rowsAboutToBeInserted, this, begin),
            connect(source, &M::rowsInserted, this, end),
            connect(source, &M::rowsAboutToBeRemoved, this, begin),
            connect(source, &M::rowsRemoved, this, end),
            connect(source, &M::rowsAboutToBeMoved, this, begin),
            connect(source, &M::rowsMoved, this, end),
            connect(source, &M::columnsAboutToBeInserted, this, begin),
            connect(source, &M::columnsInserted, this, end),
            connect(source, &M::columnsAboutToBeRemoved, this, begin),
            connect(source, &M::columnsRemoved, this, end),
            connect(source, &M::columnsAboutToBeMoved, this, begin),
            connect(source, &M::columnsMoved, this, end),
            connect(source, &M::dataChanged, this, &RowWindowModel::sourceDataChanged),
            connect(source, &M::headerDataChanged, this, &RowWindowModel::sourceHeaderDataChanged),
        };
    }
    endResetModel();
}

void RowWindowModel::beginSourceChange()
{
    // A source emits its "about to" once per change; the guard keeps a reset whole if
    // one ever arrives inside another.
    if (m_resetting)
        return;
    m_resetting = true;
    beginResetModel();
}

void RowWindowModel::endSourceChange()
{
    if (!m_resetting)
        return;
    m_first = 0;
    m_resetting = false;
    endResetModel();
}

void RowWindowModel::setWindowRows(int rows)
{
    beginResetModel();
    m_windowRows = std::max(rows, 1);
    m_first = std::min(m_first, lastFirst());
    endResetModel();
}

int RowWindowModel::sourceRowCount() const
{
    return sourceModel() ? sourceModel()->rowCount() : 0;
}

int RowWindowModel::lastFirst() const
{
    return std::max(sourceRowCount() - m_windowRows, 0);
}

void RowWindowModel::setFirst(int first)
{
    const int next = std::clamp(first, 0, lastFirst());
    if (next == m_first || m_resetting)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::NoLayoutChangeHint);
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    const int rows = rowCount();
    for (const QModelIndex &index : from) {
        const int row = index.row() + m_first - next;
        to.append(row >= 0 && row < rows ? createIndex(row, index.column()) : QModelIndex());
    }
    m_first = next;
    changePersistentIndexList(from, to);
    emit layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);
}

int RowWindowModel::rowOfSourceRow(int sourceRow) const
{
    const int row = sourceRow - m_first;
    return sourceRow >= 0 && row >= 0 && row < rowCount() ? row : -1;
}

QModelIndex RowWindowModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex RowWindowModel::parent(const QModelIndex &) const
{
    return {};
}

int RowWindowModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_resetting)
        return 0;
    return std::min(m_windowRows, sourceRowCount());
}

int RowWindowModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !sourceModel())
        return 0;
    return sourceModel()->columnCount();
}

bool RowWindowModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0 && columnCount() > 0;
}

QModelIndex RowWindowModel::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

QModelIndex RowWindowModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!sourceModel() || !proxyIndex.isValid() || proxyIndex.model() != this || proxyIndex.row() >= rowCount())
        return {};
    return sourceModel()->index(m_first + proxyIndex.row(), proxyIndex.column());
}

QModelIndex RowWindowModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceModel() || !sourceIndex.isValid() || sourceIndex.model() != sourceModel())
        return {};
    const int row = rowOfSourceRow(sourceIndex.row());
    return row < 0 ? QModelIndex() : index(row, sourceIndex.column());
}

QVariant RowWindowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!sourceModel())
        return {};
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= rowCount())
            return {};
        return sourceModel()->headerData(m_first + section, orientation, role);
    }
    return sourceModel()->headerData(section, orientation, role);
}

void RowWindowModel::sourceDataChanged(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (m_resetting || !topLeft.isValid() || !bottomRight.isValid())
        return;
    if (const auto rows = rowsInWindow(topLeft.row(), bottomRight.row()))
        emit dataChanged(index(rows->first, topLeft.column()), index(rows->second, bottomRight.column()), roles);
}

void RowWindowModel::sourceHeaderDataChanged(Qt::Orientation orientation, int firstSection, int lastSection)
{
    if (m_resetting)
        return;
    if (orientation == Qt::Horizontal) {
        emit headerDataChanged(orientation, firstSection, lastSection);
        return;
    }
    if (const auto rows = rowsInWindow(firstSection, lastSection))
        emit headerDataChanged(orientation, rows->first, rows->second);
}

std::optional<std::pair<int, int>> RowWindowModel::rowsInWindow(int firstRow, int lastRow) const
{
    const int top = std::max(firstRow, m_first) - m_first;
    const int bottom = std::min(lastRow, m_first + rowCount() - 1) - m_first;
    if (top > bottom)
        return std::nullopt;
    return std::pair {top, bottom};
}

} // namespace Chainscope
