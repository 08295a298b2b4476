#include "chainmarkproxy.h"

#include "itemroles.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace Chainscope {

namespace {

// Okabe & Ito (2008), "Color Universal Design": vermillion, bluish green, orange.
const QColor Vermillion(0xd5, 0x5e, 0x00);
const QColor BluishGreen(0x00, 0x9e, 0x73);
const QColor Orange(0xe6, 0x9f, 0x00);

QPixmap drawMark(ChainMark mark, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    const QColor colour = ChainMarkProxy::colourOf(mark);
    switch (mark) {
    case ChainMark::Mismatch: {
        // A warning triangle with an exclamation mark cut out of it.
        QPainterPath triangle;
        triangle.moveTo(s * 0.5, s * 0.06);
        triangle.lineTo(s * 0.97, s * 0.92);
        triangle.lineTo(s * 0.03, s * 0.92);
        triangle.closeSubpath();
        p.fillPath(triangle, colour);
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawRect(QRectF(s * 0.44, s * 0.32, s * 0.12, s * 0.32));
        p.drawRect(QRectF(s * 0.44, s * 0.71, s * 0.12, s * 0.12));
        break;
    }
    case ChainMark::Approved: {
        // A check mark, thick enough to read at 16 px.
        QPen pen(colour, s * 0.18, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p.setPen(pen);
        QPainterPath check;
        check.moveTo(s * 0.14, s * 0.54);
        check.lineTo(s * 0.40, s * 0.80);
        check.lineTo(s * 0.88, s * 0.20);
        p.drawPath(check);
        break;
    }
    case ChainMark::InChain:
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawEllipse(QRectF(s * 0.22, s * 0.22, s * 0.56, s * 0.56));
        break;
    case ChainMark::None:
    case ChainMark::Context:
        break;
    }
    return pixmap;
}

} // namespace

QColor ChainMarkProxy::colourOf(ChainMark mark)
{
    switch (mark) {
    case ChainMark::Mismatch:
        return Vermillion;
    case ChainMark::Approved:
        return BluishGreen;
    case ChainMark::InChain:
        return Orange;
    case ChainMark::None:
    case ChainMark::Context:
        break;
    }
    return {};
}

QIcon ChainMarkProxy::iconFor(ChainMark mark)
{
    if (mark == ChainMark::None || mark == ChainMark::Context)
        return {};
    // Drawn once per mark: a tree repaints its icons on every scroll.
    static QHash<int, QIcon> cache;
    auto it = cache.find(int(mark));
    if (it == cache.end()) {
        QIcon icon;
        // 1× and 2× (the window runs scaled), and a larger one for badges.
        for (int size : {16, 32, 48})
            icon.addPixmap(drawMark(mark, size));
        it = cache.insert(int(mark), icon);
    }
    return *it;
}

QVariant ChainMarkProxy::data(const QModelIndex &index, int role) const
{
    if (role != Qt::BackgroundRole && role != Qt::ForegroundRole && role != Qt::FontRole && role != Qt::DecorationRole)
        return QIdentityProxyModel::data(index, role);
    const QVariant markValue = QIdentityProxyModel::data(index, ChainMarkRole);
    if (!markValue.isValid())
        return QIdentityProxyModel::data(index, role);
    const auto mark = ChainMark(markValue.toInt());
    switch (role) {
    case Qt::DecorationRole:
        if (QIdentityProxyModel::data(index, MarkDecorationRole).toBool()) {
            const QIcon icon = iconFor(mark);
            if (!icon.isNull())
                return icon;
        }
        return QIdentityProxyModel::data(index, role);
    case Qt::BackgroundRole:
        // Light tints of the marks' colours; the icon and the font carry the meaning.
        if (mark == ChainMark::Mismatch)
            return QBrush(QColor(0xfb, 0xe2, 0xd0)); // vermillion tint
        if (mark == ChainMark::InChain)
            return QBrush(QColor(0xfd, 0xf0, 0xd2)); // orange tint
        if (mark == ChainMark::Approved)
            return QBrush(QColor(0xd6, 0xf0, 0xe8)); // bluish-green tint
        return {};
    case Qt::ForegroundRole:
        if (mark == ChainMark::Context)
            return QBrush(QColor(0x70, 0x70, 0x70));
        if (mark == ChainMark::Mismatch)
            return QBrush(QColor(0x8a, 0x3d, 0x00)); // dark vermillion: readable on its tint
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
