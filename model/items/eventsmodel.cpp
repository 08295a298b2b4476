#include "eventsmodel.h"

namespace Chainscope {

EventsModel::EventsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void EventsModel::reset(CaseStore *store, std::optional<EventKind> kind)
{
    // Views (and the model tester) call fetchMore() from their reset handlers; rows
    // must not be inserted while the reset is still being announced.
    m_fetching = true;
    beginResetModel();
    m_store = store;
    m_kind = kind;
    m_events.clear();
    m_atEnd = store == nullptr;
    endResetModel();
    m_fetching = false;
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
    if (parent.isValid() || m_atEnd || !m_store || m_fetching)
        return;
    m_fetching = true;
    EventFilter filter;
    filter.kind = m_kind;
    filter.limit = PageSize;
    if (!m_events.isEmpty())
        filter.after = std::make_pair(m_events.last().timeUs, m_events.last().id);
    QList<Event> page;
    m_store->forEachEvent(filter, [&](const Event &e) {
        page.append(e);
        return true;
    });
    m_atEnd = page.size() < PageSize;
    if (!page.isEmpty()) {
        beginInsertRows({}, int(m_events.size()), int(m_events.size() + page.size() - 1));
        m_events.append(page);
        endInsertRows();
    }
    m_fetching = false;
}

QVariant EventsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &e = m_events.at(index.row());
    if (role == EventIdRole)
        return e.id;
    if (role == KindRole)
        return int(e.kind);
    if (role == Qt::ToolTipRole && index.column() == CommandLine)
        return e.commandLine;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Time:
        return formatTimeUs(e.timeUs);
    case Host:
        return e.host;
    case Kind:
        return kindName(e.kind);
    case Pid:
        return e.pid >= 0 ? QVariant(e.pid) : QVariant();
    case Image:
        return e.image;
    case Object:
        return eventObject(e);
    case CommandLine:
        return e.commandLine;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant EventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Time:
        return tr("Time (UTC)");
    case Host:
        return tr("Host");
    case Kind:
        return tr("Kind");
    case Pid:
        return tr("PID");
    case Image:
        return tr("Image");
    case Object:
        return tr("Target / destination");
    case CommandLine:
        return tr("Command line");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Chainscope
