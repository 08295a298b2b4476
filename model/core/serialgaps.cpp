#include "serialgaps.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

namespace Chainscope {

namespace {

// Serials are 64-bit unsigned in the header; JSON numbers would lose digits past
// 2^53, so a range is kept as text.
QString rangeText(const std::pair<quint64, quint64> &r)
{
    return QStringLiteral("%1-%2").arg(r.first).arg(r.second);
}

bool parseRange(const QString &text, std::pair<quint64, quint64> &out)
{
    const qsizetype dash = text.indexOf(QLatin1Char('-'));
    if (dash <= 0)
        return false;
    bool okFirst = false, okLast = false;
    out.first = QStringView(text).first(dash).toULongLong(&okFirst);
    out.second = QStringView(text).sliced(dash + 1).toULongLong(&okLast);
    return okFirst && okLast && out.first <= out.second;
}

} // namespace

void SerialGaps::add(quint64 first, quint64 last)
{
    const quint64 n = last - first + 1;
    // A hole can span at most 2^32 serials (the reader's bound on a jump); saturate
    // anyway rather than wrap on a sink fed by something else.
    const auto max = quint64(std::numeric_limits<qint64>::max());
    missing = (n > max || quint64(missing) > max - n) ? std::numeric_limits<qint64>::max() : missing + qint64(n);
    ++rangeCount;
    if (ranges.size() < MaxRangesKept)
        ranges.append({first, last});
}

QStringList SerialGaps::rangeStrings() const
{
    QStringList out;
    out.reserve(ranges.size());
    for (const auto &r : ranges)
        out.append(rangeText(r));
    return out;
}

QString SerialGaps::toStored() const
{
    if (rangeCount == 0)
        return QString();
    QJsonObject o;
    o.insert(QStringLiteral("count"), rangeCount);
    o.insert(QStringLiteral("ranges"), QJsonArray::fromStringList(rangeStrings()));
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

SerialGaps SerialGaps::fromStored(qint64 missing, const QString &stored)
{
    SerialGaps g;
    g.missing = missing;
    const QJsonObject o = QJsonDocument::fromJson(stored.toUtf8()).object();
    for (const QJsonValue &v : o.value(QStringLiteral("ranges")).toArray()) {
        std::pair<quint64, quint64> r;
        if (g.ranges.size() < MaxRangesKept && parseRange(v.toString(), r))
            g.ranges.append(r);
    }
    g.rangeCount = std::max<qint64>(o.value(QStringLiteral("count")).toInteger(0), g.ranges.size());
    return g;
}

} // namespace Chainscope
