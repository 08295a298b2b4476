#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace Chainscope {

// Holes in a log's own sequence numbers (audit serials), counted apart from errors
// (issue 11, finding 12): excerpts, ausearch output and rotated logs have them with
// every record intact, so they are a possible loss to mention, not damage. The count
// of missing numbers is exact; the ranges are a sample (the first MaxRangesKept), so
// that a hostile file with a hole between every pair of records cannot grow it.
struct SerialGaps
{
    static constexpr qsizetype MaxRangesKept = 100;

    qint64 missing = 0; // sequence numbers missing in all
    qint64 rangeCount = 0; // holes in all, kept or not
    QList<std::pair<quint64, quint64>> ranges; // first and last missing number of the first holes

    // One hole, first..last inclusive (first <= last).
    void add(quint64 first, quint64 last);
    // Whether ranges holds fewer holes than there were.
    bool cut() const { return rangeCount > ranges.size(); }
    // "first-last" per kept hole.
    QStringList rangeStrings() const;
    // The kept ranges and the hole count as stored in the case (sources.gap_ranges);
    // empty when there is no hole.
    QString toStored() const;
    // Back from the case; text that does not parse gives no ranges (the counts stay).
    static SerialGaps fromStored(qint64 missing, const QString &stored);

    friend bool operator==(const SerialGaps &, const SerialGaps &) = default;
};

} // namespace Chainscope
