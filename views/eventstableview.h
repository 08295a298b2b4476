#pragma once

#include <QList>
#include <QScrollBar>
#include <QTableView>

#include <utility>

namespace Chainscope {

class RowWindowModel;

// The Events tab's table, for cases of millions of events. The QTableView is given a
// window of a few thousand of the case's rows (RowWindowModel), never the whole case:
// Qt's views keep state per row (QHeaderView: 8 bytes a row, grown to the next power
// of two, 64 MiB at 5M events), and that state would grow with the case.
//
// Rows, selection and the current row are what the analyst sees in case rows:
// - caseScrollBar() spans every row of the case and sits where the view's own bar would
//   (which spans only the window, and is hidden). Scrolling moves the
//   window when the rows shown come within a quarter of its edge, so wheel, keys and the
//   bar scroll through the whole case;
// - the selection is kept as ranges of case rows (selectedCaseRows()): rows that leave
//   the window stay selected, Ctrl+A selects every row, Shift+Ctrl+Home/End and
//   Shift+click extend the selection from its anchor however far away it is;
// - Ctrl+Home and Ctrl+End go to the case's first and last rows.
// Code that selects or finds rows speaks in case rows too (showCaseRow, selectCaseRow).
class EventsTableView : public QTableView
{
    Q_OBJECT
public:
    using Ranges = QList<std::pair<int, int>>; // [first, last] case rows, sorted, disjoint

    explicit EventsTableView(QWidget *parent = nullptr);
    ~EventsTableView() override;

    // The case's rows: a flat table (EventsModel). The view's own model is the window.
    void setCaseModel(QAbstractItemModel *model);
    RowWindowModel *window() const { return m_window; }
    // The window's size in rows (tests use small ones).
    void setWindowRows(int rows);

    // The scroll bar over the whole case, where the view's own would be.
    QScrollBar *caseScrollBar() const { return m_caseBar; }

    // The case row of an index of this view, -1 for an invalid one.
    int caseRow(const QModelIndex &index) const;
    // The case row at the top of the viewport.
    int topCaseRow() const;
    // Moves the window so that the case row is in it, with rows to spare around it, and
    // returns its index in `column` (invalid past the case's rows).
    QModelIndex showCaseRow(int row, int column = 0);
    // Makes the case row current and the only one selected, centred in the viewport.
    void selectCaseRow(int row, int column = 0);
    // The current case row, -1 when there is none.
    int currentCaseRow() const { return m_currentRow; }
    // The selected case rows, whether or not they are in the window.
    const Ranges &selectedCaseRows() const { return m_selected; }
    bool isCaseRowSelected(int row) const;

    // Every row of the case, not only the window's.
    void selectAll() override;
    // Every row of the case, not only the window's. (QAbstractItemView's is not virtual,
    // and its selection model says nothing when the window holds no selected row.)
    void clearSelection();

signals:
    // The current case row changed through the analyst or selectCaseRow(); not when the
    // window moves under it.
    void currentCaseRowChanged(int row);

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void updateGeometries() override;
    void verticalScrollbarValueChanged(int value) override;

private:
    friend class CaseSelectionModel;
    // Called by the selection model after a select() (cleared: its flags held Clear).
    void takeWindowSelection(bool cleared);
    void selectionCleared();
    // The selection model's current index was cleared (clear(), clearCurrentIndex()).
    void currentCleared();
    // Moves the window so its first row is `first` (clamped) and puts the selection and
    // the current row back into it.
    void moveWindow(int first);
    // Where the window would start to put case row `row` in its middle.
    int centredFirst(int row) const;
    // Scrolls so that `top` is the case row at the top of the viewport.
    void scrollCaseTo(int top);
    // Whether `rows` rows from the window's row `windowRow` come within a quarter of the
    // window's edge, where the window still has case rows to move over.
    bool nearEdge(int windowRow, int rows) const;
    // Moves the window when the rows shown come near its edge (queued from scrolling).
    void recentre();
    void queueRecentre();
    void syncCaseBar();
    // The window's selection made the case rows' again (the view's own change, not the
    // analyst's: m_moving is set).
    void applySelectionToWindow();
    void setCurrentQuietly(int row);
    // Remembers the current row as where a Shift gesture extends from.
    void setAnchorHere();
    // The selection from the anchor to the current row, added to what was selected when
    // the anchor was set (Qt's extended selection, in case rows).
    void extendToCurrent();

    RowWindowModel *m_window = nullptr;
    QScrollBar *m_caseBar = nullptr;
    Ranges m_selected;
    Ranges m_selectedAtAnchor; // the selection when the anchor was set
    int m_anchor = -1;
    int m_currentRow = -1;
    int m_currentColumn = 0; // the current row's column, for when the row comes back
    bool m_moving = false; // the window is moving: the selection model's signals are ours
    bool m_shiftGesture = false; // a Shift key or click is being handled
    bool m_inKey = false; // a key press is being handled
    bool m_syncingBar = false;
    bool m_recentreQueued = false;
};

} // namespace Chainscope
