#include "eventstableview.h"

#include "rowwindowmodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>

namespace Chainscope {

namespace {

using Ranges = EventsTableView::Ranges;

// Sorted, with overlapping and touching ranges joined.
Ranges merged(Ranges ranges)
{
    std::sort(ranges.begin(), ranges.end());
    Ranges out;
    for (const auto &range : std::as_const(ranges)) {
        if (!out.isEmpty() && qint64(range.first) <= qint64(out.last().second) + 1)
            out.last().second = std::max(out.last().second, range.second);
        else
            out.append(range);
    }
    return out;
}

// The parts of `ranges` outside first..last.
Ranges without(const Ranges &ranges, int first, int last)
{
    Ranges out;
    for (const auto &[a, b] : ranges) {
        if (b < first || a > last) {
            out.append({a, b});
            continue;
        }
        if (a < first)
            out.append({a, first - 1});
        if (b > last)
            out.append({last + 1, b});
    }
    return out;
}

} // namespace

// The view's selection model: after every select() and clear() the view reads the
// window's selection back into its case rows. QItemSelectionModel::clearSelection() is
// not virtual; it is seen as a selectionChanged that leaves nothing selected.
class CaseSelectionModel : public QItemSelectionModel
{
public:
    CaseSelectionModel(QAbstractItemModel *model, EventsTableView *view)
        : QItemSelectionModel(model, view)
        , m_view(view)
    {
        connect(this, &QItemSelectionModel::selectionChanged, this, [this] {
            if (!m_inCall && !hasSelection())
                m_view->selectionCleared();
        });
    }

    using QItemSelectionModel::select;
    void select(const QItemSelection &selection, QItemSelectionModel::SelectionFlags command) override
    {
        m_inCall = true;
        QItemSelectionModel::select(selection, command);
        m_inCall = false;
        m_view->takeWindowSelection(command.testFlag(QItemSelectionModel::Clear));
    }
    void clear() override
    {
        m_inCall = true;
        QItemSelectionModel::clear();
        m_inCall = false;
        m_view->selectionCleared();
        m_view->currentCleared();
    }
    void reset() override
    {
        m_inCall = true;
        QItemSelectionModel::reset();
        m_inCall = false;
        m_view->selectionCleared();
        m_view->currentCleared();
    }
    // Qt says nothing when the current index is already invalid (its row outside the
    // window), and the view's current case row must go all the same.
    void clearCurrentIndex() override
    {
        QItemSelectionModel::clearCurrentIndex();
        m_view->currentCleared();
    }

private:
    EventsTableView *m_view;
    bool m_inCall = false;
};

EventsTableView::EventsTableView(QWidget *parent)
    : QTableView(parent)
    , m_window(new RowWindowModel(this))
    , m_caseBar(new QScrollBar(Qt::Vertical, this))
{
    m_caseBar->setObjectName(QStringLiteral("caseScrollBar"));
    // The view scrolls whole rows: its scroll bar's value is the window's top row, so the
    // case bar's value is first() plus it.
    setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    // The case bar takes the place of the view's own, which spans only the window: it
    // goes into the view's vertical scroll bar area (below the header, beside the
    // viewport), where the view's own bar stays hidden. It still takes the wheel.
    addScrollBarWidget(m_caseBar, Qt::AlignTop);
    verticalScrollBar()->hide();
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_caseBar, &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_syncingBar)
            scrollCaseTo(value);
    });
    connect(m_window, &QAbstractItemModel::modelReset, this, [this] {
        m_selected.clear();
        m_selectedAtAnchor.clear();
        m_anchor = -1;
        m_currentRow = -1;
        syncCaseBar();
    });
    QTableView::setModel(m_window);
    // setSelectionModel() keeps the one setModel() made; it is no longer used.
    QItemSelectionModel *made = selectionModel();
    setSelectionModel(new CaseSelectionModel(m_window, this));
    delete made;
}

EventsTableView::~EventsTableView() = default;

void EventsTableView::setCaseModel(QAbstractItemModel *model)
{
    m_window->setSourceModel(model);
}

void EventsTableView::setWindowRows(int rows)
{
    m_window->setWindowRows(rows);
}

int EventsTableView::caseRow(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != m_window)
        return -1;
    return m_window->first() + index.row();
}

int EventsTableView::topCaseRow() const
{
    return m_window->first() + verticalScrollBar()->value();
}

int EventsTableView::centredFirst(int row) const
{
    const int page = std::max(verticalScrollBar()->pageStep(), 1);
    return std::clamp(row - (m_window->windowRows() - page) / 2, 0, m_window->lastFirst());
}

void EventsTableView::moveWindow(int first)
{
    const bool was = m_moving;
    m_moving = true;
    m_window->setFirst(first);
    applySelectionToWindow();
    setCurrentQuietly(m_currentRow);
    m_moving = was;
    syncCaseBar();
}

void EventsTableView::applySelectionToWindow()
{
    const int first = m_window->first();
    const int last = first + m_window->rowCount() - 1;
    const int lastColumn = m_window->columnCount() - 1;
    QItemSelection selection;
    if (lastColumn >= 0) {
        for (const auto &[a, b] : std::as_const(m_selected)) {
            if (b < first || a > last)
                continue;
            selection.select(
                m_window->index(std::max(a, first) - first, 0), m_window->index(std::min(b, last) - first, lastColumn));
        }
    }
    const bool was = m_moving;
    m_moving = true;
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_moving = was;
}

void EventsTableView::setCurrentQuietly(int row)
{
    const int windowRow = m_window->rowOfSourceRow(row);
    if (windowRow < 0)
        return;
    const QModelIndex index = m_window->index(windowRow, m_currentColumn);
    if (index == currentIndex())
        return;
    const bool was = m_moving;
    m_moving = true;
    // Not scrolled to: the analyst scrolled the row back into view, or the caller
    // scrolls where it wants; Qt would also scroll sideways to the column.
    const bool autoScroll = hasAutoScroll();
    setAutoScroll(false);
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    setAutoScroll(autoScroll);
    m_moving = was;
}

void EventsTableView::takeWindowSelection(bool cleared)
{
    if (m_moving)
        return;
    // The window's part of the selection is what the selection model now holds; the
    // rows outside it keep theirs unless the command cleared everything.
    const int first = m_window->first();
    Ranges ranges = cleared ? Ranges() : without(m_selected, first, first + m_window->rowCount() - 1);
    for (const QItemSelectionRange &range : selectionModel()->selection())
        ranges.append({first + range.top(), first + range.bottom()});
    m_selected = merged(std::move(ranges));
    if (!m_shiftGesture)
        m_selectedAtAnchor = m_selected;
}

void EventsTableView::selectionCleared()
{
    if (m_moving)
        return;
    m_selected.clear();
    if (!m_shiftGesture)
        m_selectedAtAnchor.clear();
}

void EventsTableView::currentCleared()
{
    if (m_moving)
        return;
    m_anchor = -1;
    m_selectedAtAnchor.clear();
    if (m_currentRow < 0)
        return;
    m_currentRow = -1;
    emit currentCaseRowChanged(-1);
}

bool EventsTableView::isCaseRowSelected(int row) const
{
    const auto after = std::upper_bound(m_selected.cbegin(), m_selected.cend(), row,
        [](int r, const std::pair<int, int> &range) { return r < range.first; });
    return after != m_selected.cbegin() && std::prev(after)->second >= row;
}

void EventsTableView::clearSelection()
{
    QTableView::clearSelection();
    m_selected.clear();
    m_selectedAtAnchor.clear();
}

void EventsTableView::setAnchorHere()
{
    m_anchor = m_currentRow;
    m_selectedAtAnchor = m_selected;
}

void EventsTableView::extendToCurrent()
{
    if (m_anchor < 0 || m_currentRow < 0)
        return;
    Ranges ranges = m_selectedAtAnchor;
    ranges.append({std::min(m_anchor, m_currentRow), std::max(m_anchor, m_currentRow)});
    m_selected = merged(std::move(ranges));
    applySelectionToWindow();
}

QModelIndex EventsTableView::showCaseRow(int row, int column)
{
    if (row < 0 || row >= m_window->sourceRowCount())
        return {};
    // Rows to spare on both sides, so that keys and the wheel move on from it before the
    // window has to follow.
    const int windowRow = m_window->rowOfSourceRow(row);
    if (windowRow < 0 || nearEdge(windowRow, 1))
        moveWindow(centredFirst(row));
    return m_window->index(row - m_window->first(), column);
}

void EventsTableView::selectCaseRow(int row, int column)
{
    const QModelIndex index = showCaseRow(row, column);
    if (!index.isValid())
        return;
    setCurrentIndex(index);
    selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    setAnchorHere();
    scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void EventsTableView::selectAll()
{
    if (selectionMode() != QAbstractItemView::ExtendedSelection
        && selectionMode() != QAbstractItemView::MultiSelection) {
        QTableView::selectAll();
        return;
    }
    const int rows = m_window->sourceRowCount();
    m_selected = rows > 0 ? Ranges {{0, rows - 1}} : Ranges();
    m_selectedAtAnchor = m_selected;
    applySelectionToWindow();
}

void EventsTableView::scrollCaseTo(int top)
{
    QScrollBar *bar = verticalScrollBar();
    const int page = std::max(bar->pageStep(), 1);
    int value = top - m_window->first();
    if (value < 0 || value > bar->maximum() || nearEdge(value, page)) {
        moveWindow(centredFirst(top + page / 2));
        value = top - m_window->first();
    }
    bar->setValue(std::clamp(value, 0, bar->maximum()));
    syncCaseBar();
}

bool EventsTableView::nearEdge(int windowRow, int rows) const
{
    const int margin = m_window->windowRows() / 4;
    return (windowRow < margin && m_window->first() > 0)
        || (windowRow + rows > m_window->rowCount() - margin && m_window->first() < m_window->lastFirst());
}

void EventsTableView::queueRecentre()
{
    if (m_recentreQueued)
        return;
    m_recentreQueued = true;
    QTimer::singleShot(0, this, &EventsTableView::recentre);
}

void EventsTableView::recentre()
{
    m_recentreQueued = false;
    // Not while a drag selects: Qt keeps where the drag began in the window's rows, and
    // the rows under it would change. The window follows when the button is released.
    if (state() == QAbstractItemView::DragSelectingState)
        return;
    scrollCaseTo(topCaseRow());
}

void EventsTableView::syncCaseBar()
{
    const QScrollBar *own = verticalScrollBar();
    // The rows past the window count as rows of the view's own range, so both bars end
    // on the case's last row.
    const int beyond = m_window->sourceRowCount() - m_window->rowCount();
    m_syncingBar = true;
    m_caseBar->setRange(0, own->maximum() + beyond);
    m_caseBar->setPageStep(own->pageStep());
    m_caseBar->setSingleStep(1);
    m_caseBar->setValue(m_window->first() + own->value());
    m_syncingBar = false;
    // The area shows when the case has more rows than the viewport, as a view's own bar.
    const Qt::ScrollBarPolicy policy = m_caseBar->maximum() > 0 ? Qt::ScrollBarAlwaysOn : Qt::ScrollBarAlwaysOff;
    if (verticalScrollBarPolicy() != policy)
        setVerticalScrollBarPolicy(policy);
}

void EventsTableView::updateGeometries()
{
    QTableView::updateGeometries();
    syncCaseBar();
}

void EventsTableView::verticalScrollbarValueChanged(int value)
{
    QTableView::verticalScrollbarValueChanged(value);
    if (m_moving)
        return;
    syncCaseBar();
    // The window follows later, not inside whatever scrolled (a key, scrollTo()): Qt's
    // own code may still hold indexes of the window as it is.
    queueRecentre();
}

QModelIndex EventsTableView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    // Qt also asks this on focus-in when it has no current index of its own, and makes
    // the answer current: only a key moves the window or the current row. A current row
    // the window has left stays; with none, the row at the top of the viewport (Qt's
    // own answer would be the window's first row, far above it).
    if (!m_inKey) {
        if (m_currentRow >= 0)
            return {};
        const int top = m_window->rowOfSourceRow(topCaseRow());
        return top < 0 ? QModelIndex() : m_window->index(top, std::max(horizontalHeader()->logicalIndexAt(0), 0));
    }
    if ((cursorAction == MoveHome || cursorAction == MoveEnd) && modifiers.testFlag(Qt::ControlModifier)) {
        // The case's first or last row, not the window's. Moving the window may take the
        // current row out of it, and QTableView would then start from the top.
        const int column = std::max(currentIndex().column(), 0);
        moveWindow(cursorAction == MoveHome ? 0 : m_window->lastFirst());
        return m_window->index(cursorAction == MoveHome ? 0 : m_window->rowCount() - 1, column);
    }
    // A key moves on from the current row, wherever the analyst has scrolled (as in any
    // table): the window comes back to it, with a page or more to spare around it.
    if (m_currentRow >= 0) {
        showCaseRow(m_currentRow);
        setCurrentQuietly(m_currentRow);
    }
    return QTableView::moveCursor(cursorAction, modifiers);
}

void EventsTableView::keyPressEvent(QKeyEvent *event)
{
    const bool shift = event->modifiers().testFlag(Qt::ShiftModifier);
    const bool extend = shift && selectionMode() == QAbstractItemView::ExtendedSelection;
    const int before = m_currentRow;
    m_shiftGesture = extend;
    m_inKey = true;
    QTableView::keyPressEvent(event);
    m_inKey = false;
    m_shiftGesture = false;
    if (m_currentRow == before)
        return;
    // From the anchor to the new current row, over the case's rows: Qt's own anchor is
    // lost when its row leaves the window.
    if (extend)
        extendToCurrent();
    else
        setAnchorHere();
}

void EventsTableView::mousePressEvent(QMouseEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers();
    const bool extend = modifiers.testFlag(Qt::ShiftModifier) && !modifiers.testFlag(Qt::ControlModifier)
        && event->button() == Qt::LeftButton && selectionMode() == QAbstractItemView::ExtendedSelection
        && m_anchor >= 0;
    m_shiftGesture = modifiers.testFlag(Qt::ShiftModifier);
    QTableView::mousePressEvent(event);
    m_shiftGesture = false;
    if (extend)
        extendToCurrent();
    else if (!modifiers.testFlag(Qt::ShiftModifier))
        setAnchorHere();
}

void EventsTableView::mouseReleaseEvent(QMouseEvent *event)
{
    QTableView::mouseReleaseEvent(event);
    // A drag may have scrolled to the window's edge, where it waited (recentre()).
    queueRecentre();
}

void EventsTableView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QTableView::currentChanged(current, previous);
    if (m_moving)
        return;
    if (current.isValid())
        m_currentColumn = current.column();
    const int row = caseRow(current);
    if (row == m_currentRow)
        return;
    m_currentRow = row;
    emit currentCaseRowChanged(row);
}

} // namespace Chainscope
