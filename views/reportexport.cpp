#include "reportexport.h"

#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPrinter>
#include <QAbstractTextDocumentLayout>
#include <QTextDocument>

namespace Chainscope {

QString exportPdf(const QString &html, const QString &path)
{
    // QPrinter reports no error for an unwritable path; check first.
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return probe.errorString();
    probe.close();
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                      QPageLayout::Millimeter));
    printer.setDocName(QStringLiteral("Chainscope report"));
    QTextDocument document;
    // Lay out at the printer's resolution and page size; otherwise the layout happens
    // at screen resolution and percentage widths shrink on the page.
    document.documentLayout()->setPaintDevice(&printer);
    document.setHtml(html);
    document.setPageSize(printer.pageRect(QPrinter::DevicePixel).size());
    document.print(&printer);
    return QString();
}

} // namespace Chainscope
