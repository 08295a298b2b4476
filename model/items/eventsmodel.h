#pragma once

#include "casestore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimeZone>

#include <optional>
#include <utility>

namespace Chainscope {

// Events of a case, read from SQLite in pages as the view asks for rows (issue 15).
// rowCount() is the query's match count (CaseStore::countEvents) from the start, and
// data() reads the page of the row asked for, synchronously, into a small cache of
// pages: the model never holds more than maxCachedPages() pages of pageSize() rows
// (MaxCachedPages x PageSize = 8,000 events by default) whatever the case's size, so
// scrolling to the end of a case of millions of events, or selecting its last event,
// reads one or two pages, not every row before them. Filtering, sorting and counting
// run in SQL (CaseStore::queryEvents, countEvents, eventPosition).
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
    // The cache's bound: 16 pages are a few screens up and down from where the view is
    // and where rowOfEvent() went last, and at most 8,000 events in memory.
    static constexpr int MaxCachedPages = 16;

    explicit EventsModel(QObject *parent = nullptr);

    // The page size and the cache's bound (tests use small ones); drops the cache.
    void setPaging(int pageSize, int maxCachedPages);
    int pageSize() const { return m_pageSize; }
    int maxCachedPages() const { return m_maxPages; }
    // The pages held now, and how many pages were read from the store since the last
    // reset (what the tests bound).
    int cachedPageCount() const { return int(m_pages.size()); }
    qint64 pagesRead() const { return m_pagesRead; }

    // Starts over with the given store (nullptr: empty) and kind filter.
    void reset(CaseStore *store, std::optional<EventKind> kind = std::nullopt);
    // Starts over with the given store and query (its limit and offset are the model's).
    void reset(CaseStore *store, const EventQuery &query);
    void setQuery(const EventQuery &query);
    const EventQuery &query() const { return m_query; }
    CaseStore *store() const { return m_store; }
    // How many events match the query (the rows, unless past what an int counts).
    qint64 matchCount() const { return m_matchCount; }
    // The event of a row, reading its page when it is not cached (an Event with id -1
    // past the end). A copy: the cache may drop the page on the next read.
    Event eventAt(int row) const;
    // The row of an event that matches the query: its position in SQL, then that row's
    // page only. -1 when it does not match.
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
    // Sorts in SQL and starts over (the cache is dropped).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    struct Page
    {
        qint64 number = -1;
        QList<Event> events;
        quint64 used = 0; // the LRU clock when last read
    };

    void restart();
    void dropPages();
    // The cached event of a row, reading its page first when needed; nullptr past the
    // rows the store returned. Valid until the next page is read.
    const Event *eventPointer(int row) const;
    const Page *cachedPage(qint64 number) const;
    const Page &page(qint64 number) const;
    const Page &keepPage(qint64 number, QList<Event> events) const;
    QList<Event> readPage(qint64 number) const;
    // The events of `query` (a page: its limit is set), in its order.
    QList<Event> collect(const EventQuery &query) const;
    QList<Event> readByOffset(qint64 start, qint64 count) const;
    // Keyset reads around a known row `anchor` (time order only): the `count` rows that
    // follow it after skipping `skip` (0: from the anchor itself), or the `count` rows
    // just before it. nullopt when the store does not answer as expected.
    std::optional<QList<Event>> readFrom(const Event &anchor, qint64 skip, qint64 count) const;
    std::optional<QList<Event>> readBefore(const Event &anchor, qint64 count) const;
    // The anchor's place among the matching events of its own time: how many come
    // before it in the query's order, and how many there are.
    std::optional<std::pair<qint64, qint64>> tiePlace(const Event &anchor, bool needCount) const;

    CaseStore *m_store = nullptr;
    EventQuery m_query;
    qint64 m_matchCount = 0;
    int m_pageSize = PageSize;
    int m_maxPages = MaxCachedPages;
    // The page cache: filled by data(), which is const to its callers.
    mutable QList<Page> m_pages;
    mutable quint64 m_clock = 0;
    mutable qint64 m_pagesRead = 0;
    QHash<qint64, QString> m_sourceNames; // source id -> file name
    QHash<qint64, QString> m_bookmarks; // event id -> note
    QTimeZone m_zone = QTimeZone::utc();
};

} // namespace Chainscope
