#include "eventsmodel.h"

#include <QJsonArray>

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

void EventsModel::restart()
{
    // Views (and the model tester) call fetchMore() from their reset handlers; rows
    // must not be inserted while the reset is still being announced.
    m_fetching = true;
    beginResetModel();
    m_query.limit = -1;
    m_query.offset = 0;
    m_events.clear();
    m_bookmarks.clear();
    m_matchCount = 0;
    if (m_store) {
        m_matchCount = m_store->countEvents(m_query);
        for (const Bookmark &b : m_store->bookmarks())
            m_bookmarks.insert(b.eventId, b.note);
    }
    m_atEnd = m_store == nullptr || m_matchCount == 0;
    endResetModel();
    m_fetching = false;
}

void EventsModel::reloadBookmarks()
{
    m_bookmarks.clear();
    if (m_store) {
        for (const Bookmark &b : m_store->bookmarks())
            m_bookmarks.insert(b.eventId, b.note);
    }
    if (!m_events.isEmpty())
        emit dataChanged(index(0, Mark), index(int(m_events.size()) - 1, Mark));
}

void EventsModel::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::utc();
    emit headerDataChanged(Qt::Horizontal, Time, Time);
    if (!m_events.isEmpty())
        emit dataChanged(index(0, Time), index(int(m_events.size()) - 1, Time));
}

int EventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool EventsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_fetching;
}

void EventsModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid())
        return;
    fetch(PageSize);
}

void EventsModel::fetch(qint64 rows)
{
    if (m_atEnd || !m_store || m_fetching || rows <= 0)
        return;
    m_fetching = true;
    // Offset paging in the query's own order: any column may be the sort key, and the
    // offset is where the rows loaded so far end.
    EventQuery page = m_query;
    page.limit = rows;
    page.offset = m_events.size();
    QList<Event> events;
    m_store->queryEvents(page, [&](const Event &e) {
        events.append(e);
        return true;
    });
    m_atEnd = events.size() < rows || m_events.size() + events.size() >= m_matchCount;
    if (!events.isEmpty()) {
        beginInsertRows({}, int(m_events.size()), int(m_events.size() + events.size() - 1));
        m_events.append(events);
        endInsertRows();
    }
    m_fetching = false;
}

int EventsModel::rowOfEvent(qint64 eventId)
{
    for (int row = 0; row < m_events.size(); ++row) {
        if (m_events.at(row).id == eventId)
            return row;
    }
    if (!m_store)
        return -1;
    const std::optional<qint64> position = m_store->eventPosition(m_query, eventId);
    if (!position || *position >= std::numeric_limits<int>::max())
        return -1;
    // The pages up to it, in one read, and the next page for context.
    fetch(*position + 1 - m_events.size() + PageSize);
    if (*position < m_events.size() && m_events.at(int(*position)).id == eventId)
        return int(*position);
    return -1;
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
    const Event &e = m_events.at(index.row());
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
