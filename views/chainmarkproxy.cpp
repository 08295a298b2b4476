#include "chainmarkproxy.h"

#include "chainsmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace Chainscope {

QVariant ChainMarkProxy::data(const QModelIndex &index, int role) const
{
    if (role != Qt::BackgroundRole && role != Qt::ForegroundRole && role != Qt::FontRole)
        return QIdentityProxyModel::data(index, role);
    const QVariant markValue = QIdentityProxyModel::data(index, ChainMarkRole);
    if (!markValue.isValid())
        return QIdentityProxyModel::data(index, role);
    const auto mark = ChainMark(markValue.toInt());
    switch (role) {
    case Qt::BackgroundRole:
        if (mark == ChainMark::Mismatch)
            return QBrush(QColor(0xfd, 0xe0, 0xdc)); // red tint: what broke the allow-lists
        if (mark == ChainMark::InChain)
            return QBrush(QColor(0xff, 0xf3, 0xd6)); // amber tint: part of the chain
        return {};
    case Qt::ForegroundRole:
        if (mark == ChainMark::Context)
            return QBrush(QColor(0x70, 0x70, 0x70));
        if (mark == ChainMark::Mismatch)
            return QBrush(QColor(0xa0, 0x10, 0x10));
        return {};
    case Qt::FontRole:
        if (mark == ChainMark::Mismatch) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    }
    return {};
}

} // namespace Chainscope
