#include "eventsmodel.h"

#include <QJsonArray>

#include <algorithm>
#include <limits>

namespace Chainscope {

namespace {

// A summary cell stays one readable line; the whole event is in the raw pane.
constexpr qsizetype MaxSummaryLength = 400;

QString detailText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger(qint64(value.toDouble())));
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isArray()) {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items.append(detailText(item));
        return items.join(u' ');
    }
    return QString();
}

} // namespace

EventsModel::EventsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void EventsModel::reset(CaseStore *store, std::optional<EventKind> kind)
{
    EventQuery query;
    if (kind)
        query.kinds = {*kind};
    reset(store, query);
}

void EventsModel::reset(CaseStore *store, const EventQuery &query)
{
    m_store = store;
    m_query = query;
    m_sourceNames.clear();
    if (store) {
        for (const SourceInfo &s : store->sources())
            m_sourceNames.insert(s.id, fileNameOf(s.memberPath.isEmpty() ? s.path : s.memberPath));
    }
    restart();
}

void EventsModel::setQuery(const EventQuery &query)
{
    m_query = query;
    restart();
}

void EventsModel::setPaging(int pageSize, int maxCachedPages)
{
    m_pageSize = std::max(pageSize, 1);
    // Two pages at least: a screen that straddles a page boundary must not read its two
    // pages in turn on every repaint.
    m_maxPages = std::max(maxCachedPages, 2);
    beginResetModel();
    dropPages();
    endResetModel();
}

void EventsModel::restart()
{
    beginResetModel();
    m_query.limit = -1;
    m_query.offset = 0;
    dropPages();
    m_bookmarks.clear();
    m_matchCount = 0;
    if (m_store) {
        m_matchCount = m_store->countEvents(m_query);
        for (const Bookmark &b : m_store->bookmarks())
            m_bookmarks.insert(b.eventId, b.note);
    }
    endResetModel();
}

void EventsModel::dropPages()
{
    m_pages.clear();
    m_pagesRead = 0;
}

void EventsModel::reloadBookmarks()
{
    m_bookmarks.clear();
    if (m_store) {
        for (const Bookmark &b : m_store->bookmarks())
            m_bookmarks.insert(b.eventId, b.note);
    }
    // The views repaint what they show; nothing is read for the rows they do not.
    if (rowCount() > 0)
        emit dataChanged(index(0, Mark), index(rowCount() - 1, Mark));
}

void EventsModel::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::utc();
    emit headerDataChanged(Qt::Horizontal, Time, Time);
    if (rowCount() > 0)
        emit dataChanged(index(0, Time), index(rowCount() - 1, Time));
}

int EventsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(std::min<qint64>(m_matchCount, std::numeric_limits<int>::max()));
}

int EventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const EventsModel::Page *EventsModel::cachedPage(qint64 number) const
{
    for (const Page &p : m_pages) {
        if (p.number == number)
            return &p;
    }
    return nullptr;
}

const EventsModel::Page &EventsModel::page(qint64 number) const
{
    for (Page &p : m_pages) {
        if (p.number == number) {
            p.used = ++m_clock;
            return p;
        }
    }
    return keepPage(number, readPage(number));
}

const EventsModel::Page &EventsModel::keepPage(qint64 number, QList<Event> events) const
{
    ++m_pagesRead;
    if (m_pages.size() >= m_maxPages) {
        // Least recently used out: the bound on memory, whatever the case's size.
        const auto oldest = std::min_element(
            m_pages.begin(), m_pages.end(), [](const Page &a, const Page &b) { return a.used < b.used; });
        m_pages.erase(oldest);
    }
    m_pages.append(Page {number, std::move(events), ++m_clock});
    return m_pages.last();
}

QList<Event> EventsModel::readPage(qint64 number) const
{
    const qint64 start = number * m_pageSize;
    const qint64 count = std::min<qint64>(m_pageSize, m_matchCount - start);
    if (!m_store || number < 0 || count <= 0)
        return {};
    try {
        // In time order (the table's default), a page next to a cached one is read by
        // keyset from that page's edge row: a bounded read of the time index instead of
        // an OFFSET that steps over every row before it (~0.1 s a page deep in 5M).
        if (m_query.sortKey == EventSortKey::Time) {
            if (const Page *before = cachedPage(number - 1); before && before->events.size() == m_pageSize) {
                const Event anchor = before->events.last();
                if (std::optional<QList<Event>> rows = readFrom(anchor, 1, count))
                    return *rows;
            }
            if (const Page *after = cachedPage(number + 1); after && !after->events.isEmpty()) {
                const Event anchor = after->events.first();
                if (std::optional<QList<Event>> rows = readBefore(anchor, count))
                    return *rows;
            }
        }
        return readByOffset(start, count);
    } catch (const CaseError &e) {
        // data() has no way to report it: the rows show empty rather than end the program.
        qWarning("events table: reading rows %lld..: %s", start, qPrintable(e.message()));
        return {};
    }
}

QList<Event> EventsModel::collect(const EventQuery &query) const
{
    QList<Event> events;
    events.reserve(query.limit);
    m_store->queryEvents(query, [&](const Event &e) {
        events.append(e);
        return true;
    });
    return events;
}

QList<Event> EventsModel::readByOffset(qint64 start, qint64 count) const
{
    // An OFFSET steps over the rows before it: a page in the second half is read from
    // the end instead, in the reverse order (every ORDER BY term reversed), so that the
    // last page costs what the first does.
    const qint64 fromEnd = m_matchCount - (start + count);
    const bool reversed = fromEnd < start;
    EventQuery q = m_query;
    q.limit = count;
    q.offset = reversed ? fromEnd : start;
    if (reversed)
        q.descending = !q.descending;
    QList<Event> events = collect(q);
    if (reversed)
        std::reverse(events.begin(), events.end());
    return events;
}

std::optional<std::pair<qint64, qint64>> EventsModel::tiePlace(const Event &anchor, bool needCount) const
{
    // The matching events of the anchor's own microsecond: the only ones a time bound
    // cannot tell apart from it (ORDER BY time_us, id).
    EventQuery tie = m_query;
    tie.fromUs = anchor.timeUs;
    tie.toUs = anchor.timeUs;
    const std::optional<qint64> before = m_store->eventPosition(tie, anchor.id);
    if (!before)
        return std::nullopt;
    return std::make_pair(*before, needCount ? m_store->countEvents(tie) : qint64(0));
}

std::optional<QList<Event>> EventsModel::readFrom(const Event &anchor, qint64 skip, qint64 count) const
{
    const std::optional<std::pair<qint64, qint64>> place = tiePlace(anchor, false);
    if (!place)
        return std::nullopt;
    // From the anchor's time on, in the query's direction: the anchor's time comes first,
    // and `place->first` of its events come before the anchor.
    EventQuery q = m_query;
    if (q.descending)
        q.toUs = anchor.timeUs;
    else
        q.fromUs = anchor.timeUs;
    q.offset = place->first + skip;
    q.limit = count;
    QList<Event> events = collect(q);
    if (events.size() != count)
        return std::nullopt;
    return events;
}

std::optional<QList<Event>> EventsModel::readBefore(const Event &anchor, qint64 count) const
{
    if (count <= 0)
        return QList<Event>();
    const std::optional<std::pair<qint64, qint64>> place = tiePlace(anchor, true);
    if (!place)
        return std::nullopt;
    // Backwards from the anchor's time: the reverse order, where the anchor and the
    // events of its time after it (count - before of them) come first.
    EventQuery q = m_query;
    q.descending = !m_query.descending;
    if (m_query.descending)
        q.fromUs = anchor.timeUs;
    else
        q.toUs = anchor.timeUs;
    q.offset = place->second - place->first;
    q.limit = count;
    QList<Event> events = collect(q);
    if (events.size() != count)
        return std::nullopt;
    std::reverse(events.begin(), events.end());
    return events;
}

const Event *EventsModel::eventPointer(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    const Page &p = page(row / m_pageSize);
    const qsizetype at = row % m_pageSize;
    // A store changed under the model (never reset) may return fewer rows.
    return at < p.events.size() ? &p.events.at(at) : nullptr;
}

Event EventsModel::eventAt(int row) const
{
    const Event *e = eventPointer(row);
    return e ? *e : Event();
}

int EventsModel::rowOfEvent(qint64 eventId)
{
    if (!m_store)
        return -1;
    // A row already cached (the view's own pages) costs no query.
    for (const Page &p : std::as_const(m_pages)) {
        for (qsizetype i = 0; i < p.events.size(); ++i) {
            if (p.events.at(i).id == eventId)
                return int(p.number * m_pageSize + i);
        }
    }
    const std::optional<qint64> position = m_store->eventPosition(m_query, eventId);
    if (!position || *position >= rowCount())
        return -1;
    const qint64 number = *position / m_pageSize;
    const int row = int(*position);
    if (!cachedPage(number)) {
        // The page of that row only; in time order read around the event itself, by
        // keyset, so that an event deep in the case costs no OFFSET either.
        std::optional<QList<Event>> events;
        if (m_query.sortKey == EventSortKey::Time) {
            try {
                if (const std::optional<Event> anchor = m_store->event(eventId)) {
                    const qint64 start = number * m_pageSize;
                    const qint64 count = std::min<qint64>(m_pageSize, m_matchCount - start);
                    std::optional<QList<Event>> before = readBefore(*anchor, *position - start);
                    std::optional<QList<Event>> from
                        = before ? readFrom(*anchor, 0, count - (*position - start)) : std::nullopt;
                    if (before && from)
                        events = *before + *from;
                }
            } catch (const CaseError &e) {
                qWarning("events table: reading around event %lld: %s", eventId, qPrintable(e.message()));
            }
        }
        if (events)
            keepPage(number, std::move(*events));
    }
    const Event *e = eventPointer(row);
    return e && e->id == eventId ? row : -1;
}

EventSortKey EventsModel::sortKeyOf(int column)
{
    switch (Column(column)) {
    case Host:
        return EventSortKey::Host;
    case Source:
        return EventSortKey::Source;
    case Kind:
        return EventSortKey::Kind;
    case Provider:
        return EventSortKey::Provider;
    case EventCode:
        return EventSortKey::EventCode;
    case Pid:
        return EventSortKey::Pid;
    case Image:
        return EventSortKey::Image;
    case Object:
        return EventSortKey::Object;
    case CommandLine:
        return EventSortKey::CommandLine;
    case Message:
        return EventSortKey::Message;
    case Mark:
    case Time:
    case ColumnCount:
        break;
    }
    return EventSortKey::Time;
}

void EventsModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    const EventSortKey key = sortKeyOf(column);
    const bool descending = order == Qt::DescendingOrder;
    if (key == m_query.sortKey && descending == m_query.descending)
        return;
    m_query.sortKey = key;
    m_query.descending = descending;
    restart();
}

QString EventsModel::messageSummary(const Event &e)
{
    const QJsonValue message = e.details.value(QLatin1String("message"));
    QString summary;
    if (message.isString() && !message.toString().isEmpty()) {
        summary = message.toString();
    } else {
        // The facts the other columns do not show; provider and event id have theirs,
        // the record id is where the raw pane is.
        QStringList parts;
        for (auto it = e.details.constBegin(); it != e.details.constEnd(); ++it) {
            if (it.key() == u"provider" || it.key() == u"event_id" || it.key() == u"record_id")
                continue;
            const QString value = detailText(it.value());
            if (!value.isEmpty())
                parts.append(it.key() + u'=' + value);
        }
        summary = parts.join(QLatin1String("; "));
    }
    if (summary.size() > MaxSummaryLength)
        summary = summary.left(MaxSummaryLength) + QChar(0x2026);
    return summary;
}

QString EventsModel::cellText(const Event &e, int column) const
{
    switch (Column(column)) {
    case Mark:
        return m_bookmarks.contains(e.id) ? QStringLiteral("\u2605") : QString();
    case Time:
        return formatTimeUs(e.timeUs, m_zone);
    case Host:
        return e.host;
    case Source:
        return m_sourceNames.value(e.sourceId);
    case Kind:
        return kindName(e.kind);
    case Provider:
        return e.details.value(QLatin1String("provider")).toString();
    case EventCode: {
        const QJsonValue code = e.details.value(QLatin1String("event_id"));
        return code.isDouble() ? QString::number(code.toInteger()) : QString();
    }
    case Pid:
        return e.pid >= 0 ? QString::number(e.pid) : QString();
    case Image:
        return e.image;
    case Object:
        return eventObject(e);
    case CommandLine:
        return e.commandLine;
    case Message:
        return messageSummary(e);
    case ColumnCount:
        break;
    }
    return QString();
}

QVariant EventsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event *event = eventPointer(index.row());
    if (!event)
        return {};
    const Event &e = *event;
    switch (role) {
    case EventIdRole:
        return e.id;
    case KindRole:
        return int(e.kind);
    case BookmarkRole:
        return m_bookmarks.contains(e.id);
    case BookmarkNoteRole:
        return m_bookmarks.value(e.id);
    case Qt::ToolTipRole:
        if (index.column() == Mark && m_bookmarks.contains(e.id)) {
            const QString note = m_bookmarks.value(e.id);
            return note.isEmpty() ? tr("Bookmarked") : plainToolTip(tr("Bookmarked: %1").arg(note));
        }
        if (index.column() == CommandLine || index.column() == Message || index.column() == Object)
            return plainToolTip(cellText(e, index.column()));
        return {};
    case Qt::DisplayRole: {
        if (index.column() == Pid || index.column() == EventCode) {
            const QString text = cellText(e, index.column());
            return text.isEmpty() ? QVariant() : QVariant(text.toLongLong());
        }
        // One line per row: a newline or escape sequence from a log is shown, not obeyed.
        return showControlCharacters(cellText(e, index.column()), false);
    }
    default:
        break;
    }
    return {};
}

QVariant EventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    if (role == Qt::ToolTipRole) {
        if (section == Mark)
            return tr("Bookmarked events (Ctrl+B)");
        if (section == Message)
            return tr("The event's message, or its other recorded facts");
        return {};
    }
    switch (Column(section)) {
    case Mark:
        return QStringLiteral("\u2605");
    case Time:
        return m_zone == QTimeZone::utc() ? tr("Time (UTC)") : tr("Time (%1)").arg(QString::fromUtf8(m_zone.id()));
    case Host:
        return tr("Host");
    case Source:
        return tr("Source");
    case Kind:
        return tr("Kind");
    case Provider:
        return tr("Provider");
    case EventCode:
        return tr("Event ID");
    case Pid:
        return tr("PID");
    case Image:
        return tr("Image");
    case Object:
        return tr("Target / destination");
    case CommandLine:
        return tr("Command line");
    case Message:
        return tr("Message");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Chainscope
