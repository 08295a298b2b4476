#pragma once

#include "correlator.h"

#include <QIcon>
#include <QIdentityProxyModel>

namespace Chainscope {

// Turns the models' ChainMarkRole into colour and an icon, so models stay free of QtGui
// and every view marks chain members and mismatches the same way. Colour alone fails
// colour-blind analysts, so each mark also has its own shape (mismatch: a warning
// triangle, approved: a check, in chain: a filled dot, context: none) and mismatches are
// bold. The colours are the Okabe–Ito palette, which stays distinct under the common
// colour-vision deficiencies. The icon goes on the cells whose model says so
// (MarkDecorationRole): the process column of the tree, the verdict column of the chains.
class ChainMarkProxy : public QIdentityProxyModel
{
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The icon of a mark (a null icon for None and Context); drawn once, then cached.
    static QIcon iconFor(ChainMark mark);
    // The mark's Okabe–Ito colour (invalid for None and Context).
    static QColor colourOf(ChainMark mark);
};

} // namespace Chainscope
