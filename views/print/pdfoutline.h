#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Chainscope {

// One bookmark of a PDF's outline: a heading, where it is on which page.
struct OutlineEntry
{
    QString title;
    int level = 1; // 1 at the top; a deeper entry nests under the last shallower one
    int page = 0; // 0-based
    double top = 0; // points from the page's bottom edge (PDF user space)
};

// The PDF with an outline (bookmarks) added as an incremental update: the original
// bytes unchanged, then the outline objects, a new catalog naming them, and an xref
// section and trailer of their own (/Prev to the original). QPdfWriter (Qt 6.4) has no
// outline API. Titles are written as UTF-16 hex strings, so no title can end the
// string early or smuggle in PDF syntax. Returns an empty array, and the reason in
// error, when the PDF is not laid out as QPdfWriter writes it (a classic xref table,
// a flat page tree).
QByteArray addPdfOutline(const QByteArray &pdf, const QList<OutlineEntry> &entries, QString *error = nullptr);

} // namespace Chainscope
