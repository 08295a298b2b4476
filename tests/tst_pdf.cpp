// The PDF report of issue 14, one an analyst can hand over: a running header and
// "page x of y" on every page, no table row cut by a page break, bookmarks for the
// headings, a timeline picture per chain, the full page width, and the same text for
// the same case. Read back with poppler's pdftotext, pdfinfo and pdfimages and with
// qpdf (the tests skip when those are missing). The case is the demo's, made with the
// real chainscope-cli.
#include "caseindex.h"
#include "casestore.h"
#include "correlator.h"
#include "event.h"
#include "pagination.h"
#include "pdfoutline.h"
#include "report.h"
#include "reportexport.h"
#include "testsupport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QFontMetricsF>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>
#include <QTimeZone>

using namespace Chainscope;
using namespace Chainscope::Test;

namespace {

const QString Cli = QStringLiteral(CHAINSCOPE_CLI);

// Markup, an entity and a bidi override in the case's own file name: the header
// draws it as text, the override shown as an escape (it would turn the line around).
const QString CaseName = QStringLiteral("demo <i>&amp; 'x' \u202Ecase.chainscope");

QString tool(const char *name)
{
    return QStandardPaths::findExecutable(QLatin1String(name));
}

// The text of one page (1-based), or of the whole document (page 0), as laid out.
QString pageText(const QString &pdf, int page = 0)
{
    QStringList args {QStringLiteral("-layout")};
    if (page > 0)
        args << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
    args << pdf << QStringLiteral("-");
    return QString::fromUtf8(run(tool("pdftotext"), args).out);
}

int pageCount(const QString &pdf)
{
    static const QRegularExpression pages(QStringLiteral("^Pages:\\s+(\\d+)"), QRegularExpression::MultilineOption);
    return pages.match(QString::fromUtf8(run(tool("pdfinfo"), {pdf}).out)).captured(1).toInt();
}

QString noteStart(int i)
{
    return QStringLiteral("ROWSTART%1").arg(i, 2, 10, QLatin1Char('0'));
}

QString noteEnd(int i)
{
    return QStringLiteral("ROWEND%1").arg(i, 2, 10, QLatin1Char('0'));
}

// "0-50 50-101h 101-130r15": spans from top to bottom, h for a heading (keep with
// next), r for a row under column titles of that height.
QList<PageSpan> spans(const QString &text)
{
    QList<PageSpan> out;
    for (const QString &item : text.split(u' ', Qt::SkipEmptyParts)) {
        PageSpan s;
        QString range = item;
        s.keepWithNext = range.endsWith(u'h');
        range.remove(u'h');
        // "r15": under column titles 15 high, repeated on a new page.
        if (const qsizetype r = range.indexOf(u'r'); r > 0) {
            s.repeatHeight = range.mid(r + 1).toDouble();
            range.truncate(r);
        }
        const QStringList ends = range.split(u'-');
        s.top = ends.at(0).toDouble();
        s.bottom = ends.at(1).toDouble();
        out.append(s);
    }
    return out;
}

} // namespace

class Tst_pdf : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void paginationBoundary_data();
    void paginationBoundary();
    void runningHeaderAndPageNumbers_data();
    void runningHeaderAndPageNumbers();
    void tableRowsStayWhole();
    void outlineNamesTheChains();
    void outlineTitlesAreText_data();
    void outlineTitlesAreText();
    void timelinePicturePerChain();
    void fullPageWidth();
    void pathsWrapAtSeparators();
    void sameCaseSameText();
    void cliChainSelection();

private:
    QByteArray render(const QDateTime &generatedAt);

    QTemporaryDir m_dir;
    QString m_case;
    QString m_pdf;
    std::unique_ptr<CaseStore> m_store;
    CaseIndex m_index;
    QList<Chain> m_chains;
    QString m_policyText;
    int m_bookmarks = 0;
    const QDateTime m_generated {QDate(2026, 3, 2), QTime(10, 0, 5), QTimeZone::utc()};
};

void Tst_pdf::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString evidence = m_dir.filePath(QStringLiteral("evidence"));
    const ProcessResult demo = run(Cli, {QStringLiteral("demo"), evidence});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    m_case = m_dir.filePath(CaseName);
    QCOMPARE(run(Cli, {QStringLiteral("new"), m_case}).exitCode, 0);
    QStringList args {QStringLiteral("import"), m_case};
    args += QString::fromUtf8(demo.out).split(u'\n', Qt::SkipEmptyParts);
    const ProcessResult imported = run(Cli, args);
    QVERIFY2(imported.exitCode == 0, imported.err.constData());

    m_store = CaseStore::open(m_case, CaseStore::Access::ReadWrite);
    QVERIFY(m_index.load(*m_store));
    m_chains = Correlator(m_index).run(m_store->policy());
    QVERIFY(m_chains.size() >= 2);
    // Bookmarks with notes of several lines, each marked at its start and its end:
    // enough of them that page breaks fall inside their table.
    const QString filler = QStringLiteral("seen again on the build host while the package was unpacked; ").repeated(3);
    m_bookmarks = 40;
    for (int i = 1; i <= m_bookmarks; ++i)
        m_store->setBookmark(i, QStringLiteral("%1 %2<b>not bold</b> &amp; %3").arg(noteStart(i), filler, noteEnd(i)));
    m_store->setChainTriage(
        m_chains.first().seedEventId, TriageMark::FollowUp, QStringLiteral("<script>alert(1)</script> \u202Eevil"));
    m_policyText = HtmlReport(*m_store, m_index, m_store->policy(), m_chains).policyVersionText();

    m_pdf = m_dir.filePath(QStringLiteral("report.pdf"));
    QFile out(m_pdf);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(render(m_generated));
    out.close();
    // To look at it: CHAINSCOPE_PDF_COPY=/some/where.pdf keeps a copy.
    if (const QString copy = qEnvironmentVariable("CHAINSCOPE_PDF_COPY"); !copy.isEmpty()) {
        QFile::remove(copy);
        QVERIFY(QFile::copy(m_pdf, copy));
    }
    if (tool("pdftotext").isEmpty() || tool("pdfinfo").isEmpty())
        QSKIP("poppler-utils (pdftotext, pdfinfo) are not installed");
}

QByteArray Tst_pdf::render(const QDateTime &generatedAt)
{
    // HtmlReport keeps a reference to the policy: it must outlive the report.
    const Policy policy = m_store->policy();
    HtmlReport report(*m_store, m_index, policy, m_chains);
    report.setGeneratedAt(generatedAt);
    return renderPdf(report);
}

void Tst_pdf::paginationBoundary_data()
{
    QTest::addColumn<QString>("spans");
    QTest::addColumn<double>("pageHeight");
    QTest::addColumn<QList<double>>("starts");
    QTest::newRow("row fits exactly") << QStringLiteral("0-50 50-100") << 100.0 << QList<double> {0};
    QTest::newRow("row one unit taller moves") << QStringLiteral("0-50 50-101") << 100.0 << QList<double> {0, 50};
    QTest::newRow("a lone line moves with its row")
        << QStringLiteral("0-90 90-100 100-110") << 100.0 << QList<double> {0, 100};
    QTest::newRow("heading goes with what follows")
        << QStringLiteral("0-60 60-80h 80-120") << 100.0 << QList<double> {0, 60};
    QTest::newRow("heading and row too tall together")
        << QStringLiteral("0-10 10-30h 30-140") << 100.0 << QList<double> {0, 30, 130};
    QTest::newRow("taller than a page is cut")
        << QStringLiteral("0-10 10-250") << 100.0 << QList<double> {0, 10, 110, 210};
    QTest::newRow("blank space after the end opens no page") << QStringLiteral("0-100") << 100.0 << QList<double> {0};
    // Column titles repeated on the next page take their room from it (85 of 100 here).
    QTest::newRow("under titles: row fits exactly")
        << QStringLiteral("0-15 15-90r15 90-160r15 160-175r15 175-176r15") << 100.0 << QList<double> {0, 90, 175};
    QTest::newRow("under titles: one unit taller moves")
        << QStringLiteral("0-15 15-90r15 90-160r15 160-176r15") << 100.0 << QList<double> {0, 90, 160};
    // A row that fits a page but not under the titles: the titles give way, not the row.
    QTest::newRow("under titles: too tall for them")
        << QStringLiteral("0-15 15-90r15 90-180r15") << 100.0 << QList<double> {0, 90};
    QTest::newRow("gaps between spans") << QStringLiteral("0-40 70-99 120-180") << 100.0 << QList<double> {0, 120};
}

void Tst_pdf::paginationBoundary()
{
    QFETCH(QString, spans);
    QFETCH(double, pageHeight);
    QFETCH(QList<double>, starts);
    QList<double> tops;
    for (const Page &page : paginate(::spans(spans), pageHeight))
        tops << page.top;
    QCOMPARE(tops, starts);
}

void Tst_pdf::runningHeaderAndPageNumbers_data()
{
    QTest::addColumn<int>("page");
    const int pages = pageCount(m_pdf);
    // The demo's chains, their evidence and 40 bookmarks: several pages.
    QVERIFY2(pages > 2, qPrintable(QString::number(pages)));
    // The document's title names the case the same way.
    const QString info = QString::fromUtf8(run(tool("pdfinfo"), {m_pdf}).out);
    QVERIFY2(info.contains(QStringLiteral("Chainscope report: ") + showControlCharacters(CaseName, false)),
        qPrintable(info));
    for (int page = 1; page <= pages; ++page)
        QTest::addRow("page %d", page) << page;
}

void Tst_pdf::runningHeaderAndPageNumbers()
{
    QFETCH(int, page);
    const QString text = pageText(m_pdf, page);
    QVERIFY2(text.contains(QStringLiteral("page %1 of %2").arg(page).arg(pageCount(m_pdf))), qPrintable(text));
    // The case file's name as it is, markup and all: drawn as text, never parsed.
    const QString firstLine = text.section(u'\n', 0, 0);
    QVERIFY2(firstLine.contains(showControlCharacters(CaseName, false)), qPrintable(firstLine));
    QVERIFY(!text.contains(QChar(0x202E)));
    QVERIFY2(firstLine.contains(QStringLiteral("generated 2026-03-02 10:00:05 UTC")), qPrintable(firstLine));
    QVERIFY2(firstLine.contains(m_policyText), qPrintable(firstLine));
}

// A row is never cut by a page break: the first and the last word of each bookmark's
// note are on the same page, and the breaks do fall inside the bookmarks' table.
void Tst_pdf::tableRowsStayWhole()
{
    const int pages = pageCount(m_pdf);
    QList<QString> texts;
    for (int page = 1; page <= pages; ++page)
        texts << pageText(m_pdf, page);
    const auto pageOf = [&](const QString &word) {
        QList<int> found;
        for (int i = 0; i < texts.size(); ++i) {
            if (texts.at(i).contains(word))
                found << i + 1;
        }
        return found;
    };
    QSet<int> pagesOfTable;
    for (int i = 1; i <= m_bookmarks; ++i) {
        const QList<int> start = pageOf(noteStart(i));
        QCOMPARE(start.size(), 1);
        QCOMPARE(pageOf(noteEnd(i)), start);
        pagesOfTable.insert(start.first());
    }
    QVERIFY2(pagesOfTable.size() >= 2, "the bookmarks' table fits one page: no break was tested");
    // Where the table goes on, its column titles come again.
    for (const int page : std::as_const(pagesOfTable))
        QVERIFY2(texts.at(page - 1).contains(QStringLiteral("Time (UTC)")), qPrintable(texts.at(page - 1)));
    // Markup in a note is text.
    const QString all = texts.join(QString());
    QVERIFY(all.contains(QStringLiteral("<b>not bold</b>")));
    QVERIFY(all.contains(QStringLiteral("&amp; ROWEND")));
}

void Tst_pdf::outlineNamesTheChains()
{
    if (tool("qpdf").isEmpty())
        QSKIP("qpdf is not installed");
    const ProcessResult check = run(tool("qpdf"), {QStringLiteral("--check"), m_pdf});
    QVERIFY2(check.exitCode == 0, check.out.constData());
    const ProcessResult json
        = run(tool("qpdf"), {QStringLiteral("--json"), QStringLiteral("--json-key=outlines"), m_pdf});
    QCOMPARE(json.exitCode, 0);
    const QJsonArray top = QJsonDocument::fromJson(json.out).object().value(QStringLiteral("outlines")).toArray();
    // The title, and every section under it.
    QCOMPARE(top.size(), 1);
    QStringList sections;
    QJsonArray chains;
    for (const QJsonValue &v : top.first().toObject().value(QStringLiteral("kids")).toArray()) {
        sections << v.toObject().value(QStringLiteral("title")).toString();
        if (sections.last() == u"Chains")
            chains = v.toObject().value(QStringLiteral("kids")).toArray();
    }
    QVERIFY2(sections.contains(QStringLiteral("Summary")) && sections.contains(QStringLiteral("Evidence sources"))
            && sections.contains(QStringLiteral("Policy")),
        qPrintable(sections.join(u'|')));
    QCOMPARE(chains.size(), m_chains.size());
    for (int i = 0; i < chains.size(); ++i) {
        const QJsonObject entry = chains.at(i).toObject();
        const QString title = entry.value(QStringLiteral("title")).toString();
        const QString heading = QStringLiteral("Chain %1 —").arg(m_chains.at(i).id);
        QVERIFY2(title.startsWith(heading), qPrintable(title));
        // The bookmark opens the page the heading is on.
        const int page = entry.value(QStringLiteral("destpageposfrom1")).toInt();
        QVERIFY2(pageText(m_pdf, page).contains(heading), qPrintable(QStringLiteral("%1 on %2").arg(title).arg(page)));
    }
}

void Tst_pdf::outlineTitlesAreText_data()
{
    QTest::addColumn<QString>("title");
    QTest::newRow("plain") << QStringLiteral("Chain 1 — suspicious");
    QTest::newRow("string delimiters") << QStringLiteral("a) (b \\ c\\) endobj");
    QTest::newRow("pdf syntax") << QStringLiteral(">> /S /JavaScript /JS (app.alert(1)) <<");
    QTest::newRow("outside the BMP") << QStringLiteral("host \U0001F600 x");
    QTest::newRow("bidi override") << QStringLiteral("\u202Eevil");
}

// Titles come from logs (host names): addPdfOutline writes them so that qpdf reads
// back exactly the text given, and the PDF stays valid.
void Tst_pdf::outlineTitlesAreText()
{
    QFETCH(QString, title);
    if (tool("qpdf").isEmpty())
        QSKIP("qpdf is not installed");
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        QPainter painter(&writer);
        painter.drawText(100, 100, QStringLiteral("one"));
        writer.newPage();
        painter.drawText(100, 100, QStringLiteral("two"));
    }
    const QByteArray pdf = addPdfOutline(buffer.data(), {{QStringLiteral("top"), 1, 0, 800}, {title, 2, 1, 400}});
    QVERIFY(!pdf.isEmpty());
    QVERIFY(pdf.startsWith(buffer.data())); // an incremental update: the original bytes stay
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("outline.pdf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(pdf);
    file.close();
    const ProcessResult check = run(tool("qpdf"), {QStringLiteral("--check"), path});
    QVERIFY2(check.exitCode == 0, check.out.constData());
    const ProcessResult json
        = run(tool("qpdf"), {QStringLiteral("--json"), QStringLiteral("--json-key=outlines"), path});
    const QJsonArray top = QJsonDocument::fromJson(json.out).object().value(QStringLiteral("outlines")).toArray();
    QCOMPARE(top.size(), 1);
    const QJsonObject kid = top.first().toObject().value(QStringLiteral("kids")).toArray().first().toObject();
    QCOMPARE(kid.value(QStringLiteral("title")).toString(), title);
    QCOMPARE(kid.value(QStringLiteral("destpageposfrom1")).toInt(), 2);
}

void Tst_pdf::timelinePicturePerChain()
{
    if (tool("pdfimages").isEmpty())
        QSKIP("pdfimages is not installed");
    const QStringList lines = QString::fromUtf8(run(tool("pdfimages"), {QStringLiteral("-list"), m_pdf}).out)
                                  .split(u'\n', Qt::SkipEmptyParts);
    // Two header lines, then one line per image: one per chain, wide enough to read.
    QCOMPARE(lines.size() - 2, m_chains.size());
    for (const QString &line : lines.mid(2)) {
        const QStringList fields = line.simplified().split(u' ');
        QVERIFY2(fields.value(3).toInt() >= 1200, qPrintable(line));
    }
}

// The page's width is used: each timeline is as wide as the text (A4 less 14 mm
// margins, 7.17 in), tables span it from the left margin, and their text reaches the
// right one.
void Tst_pdf::fullPageWidth()
{
    if (tool("pdfimages").isEmpty())
        QSKIP("pdfimages is not installed");
    const QStringList lines = QString::fromUtf8(run(tool("pdfimages"), {QStringLiteral("-list"), m_pdf}).out)
                                  .split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 2);
    for (const QString &line : lines.mid(2)) {
        const QStringList fields = line.simplified().split(u' ');
        const double inches = fields.value(3).toDouble() / fields.value(12).toDouble();
        QVERIFY2(inches > 7.0 && inches < 7.3, qPrintable(line));
    }
    const QString boxes
        = QString::fromUtf8(run(tool("pdftotext"), {QStringLiteral("-bbox"), m_pdf, QStringLiteral("-")}).out);
    static const QRegularExpression xMax(QStringLiteral("xMax=\"([0-9.]+)\""));
    double right = 0;
    for (auto it = xMax.globalMatch(boxes); it.hasNext();)
        right = std::max(right, it.next().captured(1).toDouble());
    // 595 pt wide, the text ends at 555 pt.
    QVERIFY2(right > 520 && right < 560, qPrintable(QString::number(right)));
    // Tables start where the text does (QTextDocument indents HTML tables by itself):
    // the overview's first column title sits a cell padding right of the heading above.
    const QString first = QString::fromUtf8(run(tool("pdftotext"),
        {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), QStringLiteral("-bbox"),
            m_pdf, QStringLiteral("-")})
                                                .out);
    const auto left = [&first](const QString &word) {
        const QRegularExpression re(QStringLiteral("xMin=\"([0-9.]+)\"[^>]*>%1</word>").arg(word));
        return re.match(first).captured(1).toDouble();
    };
    QVERIFY(left(QStringLiteral("Summary")) > 0);
    QVERIFY2(qAbs(left(QStringLiteral("Host")) - left(QStringLiteral("Summary"))) < 6,
        qPrintable(QStringLiteral("%1 %2").arg(left(QStringLiteral("Host"))).arg(left(QStringLiteral("Summary")))));
}

// HtmlReport::escapePath puts a zero-width space after each separator; QTextDocument
// (what the PDF is laid out with) breaks a long path there, not inside a name.
void Tst_pdf::pathsWrapAtSeparators()
{
    // Underscores and dots: no break opportunity for Unicode's line breaking, so
    // without the zero-width spaces the names would be cut anywhere.
    const QString path = QStringLiteral("/opt/acme_vendor_tools/agent_helper_module_loader_daemon.so.1.2.3");
    QTextDocument document;
    document.setHtml(forTextDocument(QStringLiteral("<table width=\"100%\"><tr><td><code>%1</code></td></tr></table>")
                                         .arg(HtmlReport::escapePath(path))));
    // A narrow cell, as in the evidence table.
    document.setTextWidth(QFontMetricsF(QFont(QStringLiteral("monospace"))).horizontalAdvance(u'x') * 20);
    document.size(); // laid out
    const auto *table = qobject_cast<QTextTable *>(document.rootFrame()->childFrames().value(0));
    QVERIFY(table);
    const QTextBlock block = table->cellAt(0, 0).firstCursorPosition().block();
    const QTextLayout *layout = block.layout();
    QVERIFY2(layout->lineCount() > 2, "the path fits its cell: no wrap was tested");
    QString joined;
    for (int i = 0; i < layout->lineCount(); ++i) {
        const QTextLine line = layout->lineAt(i);
        const QString text = block.text().mid(line.textStart(), line.textLength());
        joined += text;
        if (i + 1 < layout->lineCount()) {
            // Lines end after a separator (and its zero-width space).
            const QString end = QString(text).remove(QChar(0x200B));
            QVERIFY2(end.endsWith(u'/') || end.endsWith(u'_') || end.endsWith(u'.'), qPrintable(text));
        }
    }
    QCOMPARE(joined.remove(QChar(0x200B)), path);
}

void Tst_pdf::sameCaseSameText()
{
    const QDateTime later = m_generated.addSecs(3 * 3600 + 7);
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.pdf"));
    const QString b = dir.filePath(QStringLiteral("b.pdf"));
    for (const auto &[path, when] : {std::pair {a, m_generated}, std::pair {b, later}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(render(when));
    }
    const QString first = pageText(a);
    const QString second = pageText(b);
    QVERIFY(first != second); // the generation time is in it
    const auto withoutTime = [](const QString &text, const QDateTime &when) {
        QStringList kept;
        for (const QString &line : text.split(u'\n')) {
            if (!line.contains(when.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                && !line.contains(when.toString(Qt::ISODate)))
                kept << line;
        }
        return kept.join(u'\n');
    };
    QCOMPARE(withoutTime(second, later), withoutTime(first, m_generated));
    QCOMPARE(pageCount(a), pageCount(b));
}

// chainscope-cli report --pdf --chain: only the chains named, with their timelines
// and bookmarks.
void Tst_pdf::cliChainSelection()
{
    const Chain &chosen = m_chains.at(1);
    const QString pdf = m_dir.filePath(QStringLiteral("selected.pdf"));
    const ProcessResult r = run(Cli,
        {QStringLiteral("report"), m_case, QStringLiteral("--pdf"), pdf, QStringLiteral("--chain"),
            QString::number(chosen.id)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString text = pageText(pdf);
    QVERIFY(text.contains(QStringLiteral("Chain %1 —").arg(chosen.id)));
    QVERIFY(!text.contains(QStringLiteral("Chain %1 —").arg(m_chains.at(0).id)));
    if (!tool("pdfimages").isEmpty()) {
        const QStringList lines = QString::fromUtf8(run(tool("pdfimages"), {QStringLiteral("-list"), pdf}).out)
                                      .split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size() - 2, 1);
    }
    if (!tool("qpdf").isEmpty()) {
        const ProcessResult json
            = run(tool("qpdf"), {QStringLiteral("--json"), QStringLiteral("--json-key=outlines"), pdf});
        QVERIFY(json.out.contains(QStringLiteral("Chain %1 —").arg(chosen.id).toUtf8()));
        QVERIFY(!json.out.contains(QStringLiteral("Chain %1 —").arg(m_chains.at(0).id).toUtf8()));
    }
}

QTEST_MAIN(Tst_pdf)
#include "tst_pdf.moc"
