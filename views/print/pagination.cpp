#include "pagination.h"

#include <algorithm>
#include <utility>

namespace Chainscope {

QList<Page> paginate(const QList<PageSpan> &spans, double pageHeight)
{
    QList<Page> pages {Page {}};
    if (pageHeight <= 0)
        return pages;
    // Headings joined to what follows them: one unit, so that no page ends on one.
    // A heading with nothing after it stays on its own.
    QList<PageSpan> units;
    for (qsizetype i = 0; i < spans.size(); ++i) {
        PageSpan unit = spans.at(i);
        qsizetype last = i;
        while (unit.keepWithNext && last + 1 < spans.size()) {
            ++last;
            unit.bottom = std::max(unit.bottom, spans.at(last).bottom);
            unit.keepWithNext = spans.at(last).keepWithNext;
        }
        // Too tall to keep together: the heading goes alone, the rest as it comes.
        if (last > i && unit.bottom - unit.top > pageHeight) {
            units.append(spans.at(i));
            continue;
        }
        units.append(unit);
        i = last;
    }
    double room = pageHeight; // on the current page, below any repeated column titles
    for (const PageSpan &unit : std::as_const(units)) {
        const double start = pages.last().top;
        if (unit.bottom <= start + room)
            continue; // fits (exactly fitting included)
        // Overlapping spans (a row drawn over by its neighbour's border) never move a
        // page start backwards.
        if (unit.top > start) {
            Page page {unit.top};
            // Titles that would leave the row too little room are not repeated: the
            // row is not cut for them.
            if (unit.repeatHeight > 0 && unit.bottom - unit.top <= pageHeight - unit.repeatHeight) {
                page.repeatTop = unit.repeatTop;
                page.repeatHeight = unit.repeatHeight;
            }
            pages.append(page);
            room = pageHeight - page.repeatHeight;
        }
        // Taller than a page: cut at page heights, as little as can be.
        while (unit.bottom > pages.last().top + room) {
            pages.append(Page {pages.last().top + room});
            room = pageHeight;
        }
    }
    return pages;
}

} // namespace Chainscope
