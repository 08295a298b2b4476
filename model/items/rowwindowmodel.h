#pragma once

#include <QAbstractProxyModel>

#include <optional>
#include <utility>

namespace Chainscope {

// A window onto the rows of a flat table: rows first() .. first() + rowCount() - 1 of the
// source, shown as rows 0 .. rowCount() - 1.
//
// Why: an item view keeps state for every row its model has. QHeaderView holds 8 bytes
// per row in a list grown to the next power of two, so a table of a 5M-event case costs
// 64 MiB before a single row is read, and it is the largest thing the workbench holds
// while a policy change recomputes (docs/benchmarks.md). Given this window of a few
// thousand rows instead, the view's state stays the same size whatever the case; the
// Events tab (EventsTableView) moves the window as the analyst scrolls.
//
// rowCount() is min(windowRows(), the source's rows) and changes only when the source
// resets or the window size is set: moving the window is a layout change, so persistent
// indexes (the current row, the selection) follow their source rows while those stay in
// the window, and become invalid when they leave it. Any change of the source's rows or
// layout resets the window to the source's first rows.
class RowWindowModel : public QAbstractProxyModel
{
    Q_OBJECT
public:
    // A few screens above and below the rows shown, on the tallest screen; 32 KiB of a
    // view's per-row state.
    static constexpr int DefaultWindowRows = 4096;

    explicit RowWindowModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;

    // The most rows the window shows (at least 1). Resets the model.
    void setWindowRows(int rows);
    int windowRows() const { return m_windowRows; }
    // The source rows, for whoever scrolls the window over them.
    int sourceRowCount() const;
    // The source row of the window's row 0.
    int first() const { return m_first; }
    // The largest first() the source's rows allow.
    int lastFirst() const;
    // Moves the window (clamped to 0 .. lastFirst()); a layout change when it moves.
    void setFirst(int first);
    // The window's row of a source row, -1 when it lies outside.
    int rowOfSourceRow(int sourceRow) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void sourceHeaderDataChanged(Qt::Orientation orientation, int firstSection, int lastSection);
    // The window's rows of source rows firstRow..lastRow, nullopt when none is shown.
    std::optional<std::pair<int, int>> rowsInWindow(int firstRow, int lastRow) const;
    // Any change of the source's shape: the window starts over at its first row.
    void beginSourceChange();
    void endSourceChange();

    QList<QMetaObject::Connection> m_connections;
    int m_windowRows = DefaultWindowRows;
    int m_first = 0;
    bool m_resetting = false;
};

} // namespace Chainscope
