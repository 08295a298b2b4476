#pragma once

#include "casestore.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace Chainscope {

// Events of a case in time order, loaded page by page as the view scrolls
// (canFetchMore/fetchMore), so a case with millions of events opens at once.
class EventsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Host, Kind, Pid, Image, Object, CommandLine, ColumnCount };
    enum Role { EventIdRole = Qt::UserRole + 1, KindRole };
    static constexpr int PageSize = 500;

    explicit EventsModel(QObject *parent = nullptr);

    // Starts over with the given store (nullptr: empty) and kind filter.
    void reset(CaseStore *store, std::optional<EventKind> kind = std::nullopt);
    const Event &eventAt(int row) const { return m_events.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    CaseStore *m_store = nullptr;
    std::optional<EventKind> m_kind;
    QList<Event> m_events;
    bool m_atEnd = true;
    // Views and testers may ask for more rows while rows are being inserted.
    bool m_fetching = false;
};

} // namespace Chainscope
