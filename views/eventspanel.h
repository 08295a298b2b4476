#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTimeZone>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QTimer;

namespace Chainscope {

class CaseStore;
class EventsModel;
class EventsTableView;
struct EventQuery;

// The Events tab (issue 14), after Timeline Explorer: a search field with a match count,
// filters for host, source, kind, provider and event id, a time range, "this chain only"
// and "bookmarked only"; header clicks sort, the header's context menu chooses columns.
// Every filter and sort runs in SQL through EventsModel, so a case of millions of
// events stays responsive. Copy (Ctrl+C) puts the selected rows on the clipboard as TSV;
// Export CSV writes every matching row, not only those scrolled to.
class EventsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit EventsPanel(QWidget *parent = nullptr);
    ~EventsPanel() override;

    // The case to show (nullptr: none). Refills the filters' choices and clears them.
    void setStore(CaseStore *store);
    // The store's events changed (an import, a dropped source): choices and rows again,
    // keeping the filters.
    void reload();
    void setTimeZone(const QTimeZone &zone);
    // The events of the chain selected elsewhere, for "this chain only".
    void setChainEvents(const QList<qint64> &eventIds);

    // Ctrl+F: the search field, its text selected.
    void focusSearch();
    // The event of the table's current row, -1 when there is none. Read through the
    // model: the current row may lie outside the window of rows the table holds.
    qint64 currentEventId() const;
    // Selects and shows the event; filters that hide it are cleared first.
    void selectEvent(qint64 eventId);
    // Selects the event when the filters show it; otherwise selects nothing (never
    // another event) and keeps the analyst's filters. Returns whether it is shown.
    bool selectEventIfShown(qint64 eventId);
    // Only events from `fromUs` to `toUs` (inclusive, whole seconds in the edits): the
    // density strip's range selector sets it. clearTimeRange() lifts both bounds.
    void setTimeRange(qint64 fromUs, qint64 toUs);
    void clearTimeRange();
    void clearFilters();

    // Every event that matches the filters, in the table's order and visible columns, as
    // CSV (RFC 4180) written atomically. Returns the reason it failed, empty on success.
    QString exportCsv(const QString &path);
    // The selected rows as TSV with a header line, onto the clipboard.
    void copySelection();
    QString selectionAsTsv() const;

    // Bookmarks the event with a note, or removes its bookmark.
    void setBookmarked(qint64 eventId, bool bookmarked, const QString &note = QString());
    // Ctrl+B: toggles the current event's bookmark, asking for a note.
    void toggleBookmark();
    // The Toggle Bookmark action (Ctrl+B, in the table's context menu). A window that
    // puts it in its own menu shares this object, so the key is bound once.
    QAction *bookmarkAction() const { return m_bookmarkAction; }

    // Column order, widths, hidden columns and sort, for QSettings.
    QByteArray saveState() const;
    bool restoreState(const QByteArray &state);
    // The columns as first laid out: all shown, in order, content widths (View → Reset
    // Layout).
    void resetColumns();

    // Every matching event of the case, one row each.
    EventsModel *model() const { return m_model; }
    // The table: it shows a window of the model's rows and speaks in case rows
    // (EventsTableView); its own model() is that window.
    EventsTableView *view() const { return m_view; }
    QString matchCountText() const;

    // A CSV field: quoted when it holds a quote, comma or line break, and a cell that a
    // spreadsheet would run as a formula (= + - @, tab, CR first) prefixed with '.
    static QString csvField(const QString &value);
    // A TSV field: backslash, tab, CR and LF written as \\, \t, \r, \n.
    static QString tsvField(const QString &value);

signals:
    void eventSelected(qint64 eventId);
    void bookmarksChanged();

private:
    // Selects, makes current and scrolls to a case row, emitting no eventSelected.
    void selectRow(int row);
    void fillChoices();
    void applyFilters();
    EventQuery currentQuery() const;
    void updateCount();
    void showHeaderMenu(const QPoint &pos);
    QList<int> visibleColumns() const;
    QString exportCsvDialog();

    CaseStore *m_store = nullptr;
    EventsModel *m_model = nullptr;
    EventsTableView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_count = nullptr;
    QComboBox *m_host = nullptr;
    QComboBox *m_source = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_provider = nullptr;
    QLineEdit *m_eventCode = nullptr;
    QCheckBox *m_fromOn = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QCheckBox *m_toOn = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QCheckBox *m_chainOnly = nullptr;
    QCheckBox *m_bookmarkedOnly = nullptr;
    QTimer *m_debounce = nullptr;
    QAction *m_bookmarkAction = nullptr;
    QList<qint64> m_chainEvents;
    QByteArray m_defaultState;
    QTimeZone m_zone = QTimeZone::utc();
    qint64 m_total = 0;
    bool m_updating = false; // filters being set by code: one query at the end
    bool m_selecting = false; // selectEvent(): no eventSelected back to the caller
};

} // namespace Chainscope
