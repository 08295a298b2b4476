#pragma once

#include "casestore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimeZone>

#include <optional>

namespace Chainscope {

// Events of a case, loaded page by page as the view scrolls (canFetchMore/fetchMore),
// so a case with millions of events opens at once. Filtering, sorting and counting run
// in SQL (CaseStore::queryEvents, countEvents): the model never holds more
// rows than the view has scrolled through (issue 14).
class EventsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Mark, // the bookmark marker
        Time,
        Host,
        Source,
        Kind,
        Provider,
        EventCode,
        Pid,
        Image,
        Object,
        CommandLine,
        Message,
        ColumnCount
    };
    enum Role { EventIdRole = Qt::UserRole + 1, KindRole, BookmarkRole, BookmarkNoteRole };
    static constexpr int PageSize = 500;

    explicit EventsModel(QObject *parent = nullptr);

    // Starts over with the given store (nullptr: empty) and kind filter.
    void reset(CaseStore *store, std::optional<EventKind> kind = std::nullopt);
    // Starts over with the given store and query (its limit and offset are the model's).
    void reset(CaseStore *store, const EventQuery &query);
    void setQuery(const EventQuery &query);
    const EventQuery &query() const { return m_query; }
    CaseStore *store() const { return m_store; }
    // How many events match the query (all of them, not only the rows fetched so far).
    qint64 matchCount() const { return m_matchCount; }
    const Event &eventAt(int row) const { return m_events.at(row); }
    // The row of an event that matches the query, fetching the pages up to it; -1 when
    // it does not match.
    int rowOfEvent(qint64 eventId);

    // The zone the Time column is shown in (UTC by default).
    void setTimeZone(const QTimeZone &zone);
    const QTimeZone &timeZone() const { return m_zone; }
    // Reads the bookmarks again (after one was set or removed) and repaints their marks.
    void reloadBookmarks();

    // The text of a cell as the table shows it, for copying and exporting.
    QString cellText(const Event &event, int column) const;
    // The message column: the details' message, or their other facts as key=value.
    static QString messageSummary(const Event &event);
    static EventSortKey sortKeyOf(int column);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Sorts in SQL and starts over from the first page.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void restart();
    void fetch(qint64 rows);

    CaseStore *m_store = nullptr;
    EventQuery m_query;
    qint64 m_matchCount = 0;
    QList<Event> m_events;
    QHash<qint64, QString> m_sourceNames; // source id -> file name
    QHash<qint64, QString> m_bookmarks; // event id -> note
    QTimeZone m_zone = QTimeZone::utc();
    bool m_atEnd = true;
    // Views and testers may ask for more rows while rows are being inserted.
    bool m_fetching = false;
};

} // namespace Chainscope
