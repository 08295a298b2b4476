#pragma once

#include <QList>

namespace Chainscope {

// A stretch of a laid-out document that a page break must not cut: a line of text,
// or a whole table row. Document units, top down.
struct PageSpan
{
    double top = 0;
    double bottom = 0;
    // A heading: it goes to the next page with what follows it rather than end a page alone.
    bool keepWithNext = false;
    // A table row under column titles: a page that starts here repeats them (this much
    // document height, from repeatTop), and has that much less room.
    double repeatTop = 0;
    double repeatHeight = 0;
};

// Where each page begins, in document units, for pages of pageHeight: a break goes
// before the first span that would cross the page's end, so that a span which fits
// exactly stays and one a unit taller moves on whole. A span taller than a page is
// the only one that is cut (at page heights; nothing else could be done with it).
// The spans come in document order; the first page starts at 0. Blank space after
// the last span opens no page. A page that starts at a span with repeatHeight holds
// that much less.
struct Page
{
    double top = 0; // where the page's slice of the document begins
    // Column titles drawn above the slice (a table continued from the page before).
    double repeatTop = 0;
    double repeatHeight = 0;
};
QList<Page> paginate(const QList<PageSpan> &spans, double pageHeight);

} // namespace Chainscope
