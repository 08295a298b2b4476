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
        // Gaps are no error, but a possible loss the analyst should read about
        // (issue 11, finding 12).
        if (index.column() == Gaps && s.counts.gaps.missing > 0) {
            QStringList ranges = s.counts.gaps.rangeStrings().mid(0, 10);
            if (s.counts.gaps.rangeCount > ranges.size())
                ranges.append(tr("\u2026 %1 ranges in all").arg(s.counts.gaps.rangeCount));
            return tr("%1 missing sequence number(s): events may be lost there (%2)")
                .arg(s.counts.gaps.missing)
                .arg(ranges.join(QStringLiteral(", ")));
        }
        if (index.column() == Skipped && s.counts.recordsSkipped > 0)
            return tr("comments, blank lines and records that are no evidence: not errors");
        if (index.column() == TimeZone)
            return s.timeZone.isEmpty() ? tr("the log's own timestamps carry their zone (or are UTC)")
                                        : tr("local timestamps of this file were read in %1").arg(s.timeZone);
        // Paths and errors carry file and member names: hostile text.
        if (!s.error.isEmpty())
            return plainToolTip(s.error);
        // A member of a triage collection names the archive it was read from.
        if (!s.memberPath.isEmpty())
            return plainToolTip(tr("%1 in %2").arg(s.memberPath, s.archivePath));
        return plainToolTip(s.path);
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Records && index.column() <= Gaps)
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
    case Host:
        return s.host;
    case TimeZone:
        return s.timeZone;
    case Records:
        return s.counts.recordsRead;
    case Events:
        return s.counts.eventsStored;
    case Skipped:
        return s.counts.recordsSkipped;
    case Errors:
        return s.counts.recordsFailed;
    case Gaps:
        return s.counts.gaps.missing;
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
    case Host:
        return tr("Host");
    case TimeZone:
        return tr("Time zone");
    case Records:
        return tr("Records");
    case Events:
        return tr("Events");
    case Skipped:
        return tr("Skipped");
    case Errors:
        return tr("Errors");
    case Gaps:
        return tr("Gaps");
    case Sha256:
        return tr("SHA-256");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Chainscope
