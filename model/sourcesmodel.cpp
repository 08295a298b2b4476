#include "sourcesmodel.h"

#include <QFileInfo>

namespace Chainscope {

SourcesModel::SourcesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SourcesModel::reload(CaseStore *store)
{
    beginResetModel();
    m_sources = store ? store->sources() : QList<SourceInfo>();
    endResetModel();
}

int SourcesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sources.size());
}

int SourcesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourcesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SourceInfo &s = m_sources.at(index.row());
    if (role == SourceIdRole)
        return s.id;
    if (role == IncompleteRole)
        return s.status == SourceStatus::Incomplete;
    if (role == Qt::ToolTipRole) {
        if (!s.error.isEmpty())
            return s.error;
        return s.path;
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Records && index.column() <= Errors)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Status:
        return s.status == SourceStatus::Complete ? tr("complete") : tr("incomplete");
    case Format:
        return s.format;
    case Path:
        return QFileInfo(s.path).fileName();
    case Records:
        return s.counts.recordsRead;
    case Events:
        return s.counts.eventsStored;
    case Errors:
        return s.counts.recordsFailed;
    case Sha256:
        return s.sha256;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SourcesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Status:
        return tr("Status");
    case Format:
        return tr("Format");
    case Path:
        return tr("File");
    case Records:
        return tr("Records");
    case Events:
        return tr("Events");
    case Errors:
        return tr("Errors");
    case Sha256:
        return tr("SHA-256");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Chainscope
