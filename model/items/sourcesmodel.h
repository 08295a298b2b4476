#pragma once

#include "casestore.h"

#include <QAbstractTableModel>
#include <QList>

namespace Chainscope {

// The imported evidence files of a case, one row each.
class SourcesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // Skipped lines (comments, blanks), damaged records (errors) and holes in the
    // sequence numbers (gaps) are three different things, and each has its column.
    enum Column { Status, Format, Path, Host, TimeZone, Records, Events, Skipped, Errors, Gaps, Sha256, ColumnCount };
    enum Role { SourceIdRole = Qt::UserRole + 1, IncompleteRole };

    explicit SourcesModel(QObject *parent = nullptr);

    // Reloads from the store; pass nullptr to empty the model (no case open).
    void reload(CaseStore *store);
    const SourceInfo &sourceAt(int row) const { return m_sources.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SourceInfo> m_sources;
};

} // namespace Chainscope
