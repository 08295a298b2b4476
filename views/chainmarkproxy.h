#pragma once

#include <QIdentityProxyModel>

namespace Chainscope {

// Turns the models' ChainMarkRole into colour, so models stay free of QtGui and every
// view marks chain members and mismatches the same way.
class ChainMarkProxy : public QIdentityProxyModel
{
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace Chainscope
