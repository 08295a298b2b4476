#include "reportexport.h"

#include "event.h"
#include "outputfile.h"
#include "pagination.h"
#include "pdfoutline.h"
#include "report.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QHash>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgRenderer>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFormat>
#include <QTextFrame>
#include <QTextTable>
#include <QUrl>
#include <QVariant>

#include <algorithm>

namespace Chainscope {

namespace {

// One translation context for the printed page's own words.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Chainscope::ReportPdf)
};

// What QPrinter::HighResolution gave for PDF; device units below are at this.
constexpr int Resolution = 1200;
// Timelines are rasterised at this many dots per inch of the printed width.
constexpr int TimelineDpi = 200;

double fromCssPixels(double px)
{
    return px * Resolution / 96.0;
}

// The rows of a table: from one row's top border to the next's. QTextDocument keeps
// the row positions to itself; a row starts its cell insets (border, padding) above
// the first line of its cells. (The table's frameBoundingRect() begins at its first
// row's text, not at its border: measured from there, a sliver of the border was left
// on the page before.)
void collectRows(const QTextTable *table, const QAbstractTextDocumentLayout *layout, QList<PageSpan> *spans)
{
    const QTextTableFormat format = table->format();
    const double inset = fromCssPixels(format.border() + format.cellPadding() + format.cellSpacing());
    const QRectF box = layout->frameBoundingRect(const_cast<QTextTable *>(table));
    QList<double> tops;
    for (int r = 0; r < table->rows(); ++r) {
        double top = box.bottom();
        for (int c = 0; c < table->columns(); ++c) {
            const QTextTableCell cell = table->cellAt(r, c);
            if (!cell.isValid() || cell.row() != r)
                continue;
            top = std::min(top, layout->blockBoundingRect(cell.firstCursorPosition().block()).top() - inset);
        }
        tops.append(r == 0 ? std::min(top, box.top()) : std::max(top, tops.last()));
    }
    // A first row of column titles (<th>, bold throughout) is repeated on the pages the
    // table continues on; a table of labelled rows (the policy's) has none.
    bool titled = tops.size() > 1;
    for (int c = 0; c < table->columns() && titled; ++c) {
        const QTextTableCell cell = table->cellAt(0, c);
        const QTextBlock title = cell.isValid() ? cell.firstCursorPosition().block() : QTextBlock();
        titled = title.isValid() && !title.begin().atEnd()
            && title.begin().fragment().charFormat().fontWeight() >= QFont::Bold;
    }
    for (int r = 0; r < tops.size(); ++r) {
        PageSpan row;
        row.top = tops.at(r);
        row.bottom = r + 1 < tops.size() ? tops.at(r + 1) : box.bottom() + inset;
        // The column titles stay with the first row under them.
        row.keepWithNext = r == 0 && tops.size() > 1;
        if (titled && r > 0) {
            row.repeatTop = tops.at(0);
            row.repeatHeight = tops.at(1) - tops.at(0);
        }
        spans->append(row);
    }
}

// Every line outside tables and every table row, in document order.
void collectSpans(QTextFrame *frame, const QAbstractTextDocumentLayout *layout, QList<PageSpan> *spans)
{
    if (const auto *table = qobject_cast<const QTextTable *>(frame)) {
        collectRows(table, layout, spans);
        return;
    }
    for (auto it = frame->begin(); !it.atEnd(); ++it) {
        if (QTextFrame *child = it.currentFrame()) {
            collectSpans(child, layout, spans);
            continue;
        }
        const QTextBlock block = it.currentBlock();
        const QTextLayout *lines = block.layout();
        if (!lines)
            continue;
        const double top = layout->blockBoundingRect(block).top();
        const bool heading = block.blockFormat().headingLevel() > 0;
        for (int i = 0; i < lines->lineCount(); ++i) {
            const QTextLine line = lines->lineAt(i);
            PageSpan span;
            span.top = top + line.y();
            span.bottom = span.top + line.height();
            span.keepWithNext = heading && i + 1 == lines->lineCount();
            spans->append(span);
        }
    }
}

// The timelines' <img> get their pictures: each SVG drawn by QSvgRenderer at the
// text's full width, the image sized to it (QTextDocument counts image sizes in CSS
// pixels and scales them to the device).
void addTimelines(QTextDocument *document, const QHash<QString, QString> &svgs, double textWidth)
{
    struct Found
    {
        int position;
        int length;
        QTextImageFormat format;
    };
    QList<Found> found;
    for (QTextBlock b = document->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            const QTextImageFormat image = f.charFormat().toImageFormat();
            if (f.charFormat().isImageFormat() && svgs.contains(image.name()))
                found.append({f.position(), f.length(), image});
        }
    }
    const double inches = textWidth / Resolution;
    for (Found &f : found) {
        QSvgRenderer renderer(svgs.value(f.format.name()).toUtf8());
        const QSizeF natural = renderer.defaultSize();
        if (!renderer.isValid() || natural.isEmpty())
            continue;
        const double aspect = natural.height() / natural.width();
        const QSize pixels(qRound(inches * TimelineDpi), qRound(inches * TimelineDpi * aspect));
        QImage picture(pixels, QImage::Format_RGB32);
        picture.fill(Qt::white);
        {
            QPainter painter(&picture);
            painter.setRenderHint(QPainter::Antialiasing);
            renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(pixels)));
        }
        document->addResource(QTextDocument::ImageResource, QUrl(f.format.name()), QVariant::fromValue(picture));
        const double cssWidth = textWidth * 96.0 / Resolution;
        f.format.setWidth(cssWidth);
        f.format.setHeight(cssWidth * aspect);
        QTextCursor cursor(document);
        cursor.setPosition(f.position);
        cursor.setPosition(f.position + f.length, QTextCursor::KeepAnchor);
        cursor.setCharFormat(f.format);
    }
}

// Tables as wide as the text: QTextDocument gives HTML tables side margins of their
// own (body's margin, which it applies to tables alone), which push them past the
// right edge of the page.
void fullWidthTables(QTextFrame *frame)
{
    for (QTextFrame *child : frame->childFrames()) {
        if (auto *table = qobject_cast<QTextTable *>(child)) {
            QTextTableFormat format = table->format();
            format.setLeftMargin(0);
            format.setRightMargin(0);
            table->setFormat(format);
        }
        fullWidthTables(child);
    }
}

QString headingTitle(const QTextBlock &block)
{
    QString title = block.text();
    title.remove(QChar(0x200B));
    title.replace(QChar::LineSeparator, u' ');
    title.replace(QChar::ParagraphSeparator, u' ');
    return title.simplified();
}

// Header and footer text is drawn as plain text (QPainter::drawText), never parsed;
// control characters and bidi overrides from a file name are shown as escapes.
QString plain(const QString &text)
{
    return showControlCharacters(text, false);
}

QByteArray renderDocument(
    const QString &html, const PageHeader &header, const QHash<QString, QString> &timelines, const QString &title)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QList<OutlineEntry> outline;
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(Resolution);
        writer.setPageLayout(QPageLayout(
            QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(14, 12, 14, 12), QPageLayout::Millimeter));
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Chainscope"));
        const QRectF paper = writer.pageLayout().paintRectPixels(Resolution);
        const double width = paper.width();

        // The running header and footer: a line of small text each, a rule between
        // them and the body.
        QFont small(QStringLiteral("sans-serif"));
        small.setPointSizeF(7.5);
        const QFontMetricsF metrics(small, &writer);
        const double lineHeight = metrics.height();
        const double band = lineHeight * 2.0;
        const double bodyTop = band;
        const double bodyHeight = paper.height() - 2 * band;

        QTextDocument document;
        // Laid out at the writer's resolution: at screen resolution percentage widths
        // would shrink on the page.
        document.documentLayout()->setPaintDevice(&writer);
        QFont body(QStringLiteral("sans-serif"));
        body.setPointSizeF(9);
        document.setDefaultFont(body);
        document.setDocumentMargin(0);
        document.setHtml(forTextDocument(html));
        addTimelines(&document, timelines, width);
        fullWidthTables(document.rootFrame());
        // One long page: the breaks are chosen below, between rows and lines.
        document.setTextWidth(width);
        QAbstractTextDocumentLayout *layout = document.documentLayout();
        layout->documentSize(); // the whole document laid out before it is measured

        QList<PageSpan> spans;
        collectSpans(document.rootFrame(), layout, &spans);
        const QList<Page> pages = paginate(spans, bodyHeight);
        QList<double> starts;
        for (const Page &p : pages)
            starts.append(p.top);
        const double end = spans.isEmpty() ? 0.0 : spans.last().bottom;

        // The bookmarks: where each heading lands.
        const QRectF pagePoints = writer.pageLayout().fullRect(QPageLayout::Point);
        const double marginTopPoints = writer.pageLayout().margins(QPageLayout::Point).top();
        for (QTextBlock b = document.begin(); b.isValid(); b = b.next()) {
            const int level = b.blockFormat().headingLevel();
            if (level <= 0)
                continue;
            const double y = layout->blockBoundingRect(b).top();
            const auto after = std::upper_bound(starts.begin(), starts.end(), y);
            const int page = int(std::max<qsizetype>(0, after - starts.begin() - 1));
            const double onPage = bodyTop + pages.at(page).repeatHeight + (y - starts.at(page));
            outline.append(
                {headingTitle(b), level, page, pagePoints.height() - (marginTopPoints + onPage * 72.0 / Resolution)});
        }

        const QString pageOf = Text::tr("page %1 of %2");
        QString right = Text::tr("generated %1 UTC")
                            .arg(header.generatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        if (!header.policyVersion.isEmpty())
            right += QStringLiteral("  ·  ") + plain(header.policyVersion);
        const QString left = metrics.elidedText(plain(header.caseFileName), Qt::ElideMiddle,
            std::max(width / 4, width - metrics.horizontalAdvance(right) - 4 * lineHeight));
        // Half a border's width either side of a page's slice, so that the line between
        // two rows is drawn on both pages rather than halved.
        const double bleed = fromCssPixels(0.75);

        QPainter painter(&writer);
        for (qsizetype i = 0; i < starts.size(); ++i) {
            if (i > 0)
                writer.newPage();
            painter.setFont(small);
            painter.setPen(QColor(0x55, 0x55, 0x55));
            const QRectF line(0, 0, width, lineHeight);
            painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, left);
            painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, right);
            const double rule = fromCssPixels(0.5);
            painter.fillRect(QRectF(0, lineHeight * 1.35, width, rule), QColor(0xbb, 0xbb, 0xbb));
            painter.fillRect(
                QRectF(0, paper.height() - lineHeight * 1.35 - rule, width, rule), QColor(0xbb, 0xbb, 0xbb));
            painter.drawText(QRectF(0, paper.height() - lineHeight, width, lineHeight),
                Qt::AlignHCenter | Qt::AlignVCenter, pageOf.arg(i + 1).arg(starts.size()));

            const double top = starts.at(i);
            const double bottom = i + 1 < starts.size() ? starts.at(i + 1) : std::max(end, top);
            const Page &page = pages.at(i);
            if (page.repeatHeight > 0) {
                painter.save();
                painter.translate(0, bodyTop - page.repeatTop);
                painter.setClipRect(QRectF(0, page.repeatTop - bleed, width, page.repeatHeight + 2 * bleed));
                QAbstractTextDocumentLayout::PaintContext titles;
                titles.clip = QRectF(0, page.repeatTop + 1, width, page.repeatHeight - 2);
                layout->draw(&painter, titles);
                painter.restore();
            }
            painter.save();
            painter.translate(0, bodyTop + page.repeatHeight - top);
            painter.setClipRect(QRectF(0, top - bleed, width, bottom - top + 2 * bleed));
            // The document leaves out what does not meet the slice: a line or a picture
            // that merely touches the page's edge must not be drawn (and clipped away),
            // or its text would be in the page twice for search, copy and pdftotext.
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = QRectF(0, top + 1, width, bottom - top - 2);
            layout->draw(&painter, context);
            painter.restore();
        }
    } // the writer finishes the PDF when it goes
    QString error;
    QByteArray pdf = addPdfOutline(buffer.data(), outline, &error);
    // Bookmarks are a convenience: a PDF without them is still the report.
    if (pdf.isEmpty()) {
        qWarning("PDF bookmarks left out: %s", qPrintable(error));
        return buffer.data();
    }
    return pdf;
}

QString write(const QByteArray &pdf, const QString &path)
{
    // Rendered into memory, then written in one piece by writeOutputFile (issue 11,
    // finding 5): QPrinter writes its file as it goes and reports no error for a full
    // disk, leaving a truncated PDF that looks like a report.
    if (pdf.isEmpty())
        return QStringLiteral("the PDF could not be rendered");
    QString error;
    if (!writeOutputFile(path, pdf, &error))
        return error;
    return QString();
}

} // namespace

QString forTextDocument(const QString &reportHtml)
{
    // Only the report writes "<wbr>": text from logs reaches its HTML escaped.
    return QString(reportHtml).replace(QStringLiteral("<wbr>"), QString(QChar(0x200B)));
}

QByteArray renderPdf(const HtmlReport &report)
{
    HtmlReport printable = report;
    printable.setTimelines(HtmlReport::Timelines::ImageReference);
    QHash<QString, QString> timelines;
    for (const Chain *c : printable.selectedChains())
        timelines.insert(HtmlReport::timelineResourceName(c->id), printable.timelineSvgOf(*c));
    const PageHeader header {printable.caseFileName(), printable.generatedAt(), printable.policyVersionText()};
    return renderDocument(
        printable.render(), header, timelines, Text::tr("Chainscope report: %1").arg(plain(printable.caseFileName())));
}

QString exportPdf(const HtmlReport &report, const QString &path)
{
    return write(renderPdf(report), path);
}

} // namespace Chainscope
