#include "reportexport.h"

#include "outputfile.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextDocument>

namespace Chainscope {

QByteArray renderPdf(const QString &html)
{
    // Rendered into memory, then written in one piece by writeOutputFile (issue 11,
    // finding 5): QPrinter writes its file as it goes and reports no error for a full
    // disk, leaving a truncated PDF that looks like a report.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(1200); // what QPrinter::HighResolution gave for PDF
        writer.setPageLayout(QPageLayout(
            QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
        writer.setTitle(QStringLiteral("Chainscope report"));
        QTextDocument document;
        // Lay out at the writer's resolution and page size; otherwise the layout happens
        // at screen resolution and percentage widths shrink on the page.
        document.documentLayout()->setPaintDevice(&writer);
        // QTextDocument cannot draw inline SVG and would print its labels as loose text:
        // the timelines are left out of this PDF until the print room paints them.
        QString printable = html;
        static const QRegularExpression timeline(QStringLiteral("<div class=\"timeline\"><svg .*?</svg>\\s*</div>"),
            QRegularExpression::DotMatchesEverythingOption);
        printable.remove(timeline);
        document.setHtml(printable);
        document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
        document.print(&writer);
    } // the writer finishes the PDF when it goes
    return buffer.data();
}

QString exportPdf(const QString &html, const QString &path)
{
    const QByteArray pdf = renderPdf(html);
    if (pdf.isEmpty())
        return QStringLiteral("the PDF could not be rendered");
    QString error;
    if (!writeOutputFile(path, pdf, &error))
        return error;
    return QString();
}

} // namespace Chainscope
