#include "pdfoutline.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <functional>
#include <utility>

namespace Chainscope {

namespace {

// "<FEFF…>": UTF-16BE with its byte order mark, the one PDF text string that needs no
// escaping at all.
QByteArray hexTitle(const QString &title)
{
    QByteArray utf16("\xFE\xFF", 2);
    for (const QChar c : title) {
        utf16.append(char(c.unicode() >> 8));
        utf16.append(char(c.unicode() & 0xFF));
    }
    return '<' + utf16.toHex().toUpper() + '>';
}

// Object offsets from the classic xref table at `at`: "xref", then subsections of
// "first count" and 20-byte entries.
QHash<int, qsizetype> xrefOffsets(const QByteArray &pdf, qsizetype at)
{
    QHash<int, qsizetype> offsets;
    if (!pdf.mid(at, 4).startsWith("xref"))
        return offsets;
    qsizetype pos = pdf.indexOf('\n', at) + 1;
    while (pos > 0 && pos < pdf.size() && !pdf.mid(pos, 7).startsWith("trailer")) {
        const qsizetype lineEnd = pdf.indexOf('\n', pos);
        if (lineEnd < 0)
            return {};
        const QList<QByteArray> header = pdf.mid(pos, lineEnd - pos).trimmed().split(' ');
        bool ok1 = false;
        bool ok2 = false;
        const int first = header.size() == 2 ? header.at(0).toInt(&ok1) : 0;
        const int count = header.size() == 2 ? header.at(1).toInt(&ok2) : 0;
        if (!ok1 || !ok2 || count < 0)
            return {};
        pos = lineEnd + 1;
        for (int i = 0; i < count; ++i, pos += 20) {
            const QByteArray entry = pdf.mid(pos, 20);
            if (entry.size() != 20)
                return {};
            if (entry.at(17) == 'n')
                offsets.insert(first + i, entry.left(10).toLongLong());
        }
    }
    return offsets;
}

// The dictionary of the object at `offset` ("n 0 obj << … >> endobj"), without its
// delimiters.
QByteArray objectDictionary(const QByteArray &pdf, qsizetype offset)
{
    const qsizetype begin = pdf.indexOf("<<", offset);
    const qsizetype end = pdf.indexOf("endobj", offset);
    if (begin < 0 || end < begin)
        return QByteArray();
    const qsizetype close = pdf.lastIndexOf(">>", end);
    return close > begin ? pdf.mid(begin + 2, close - begin - 2) : QByteArray();
}

struct Node
{
    int entry = -1; // into entries; -1 for the root
    int object = 0;
    QList<int> children; // into nodes
    int parent = -1;
};

} // namespace

QByteArray addPdfOutline(const QByteArray &pdf, const QList<OutlineEntry> &entries, QString *error)
{
    const auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return QByteArray();
    };
    // The trailer QPdfWriter writes: "trailer << /Size n /Info i 0 R /Root r 0 R >>
    // startxref offset %%EOF".
    const qsizetype trailerAt = pdf.lastIndexOf("trailer");
    const qsizetype startxrefAt = pdf.lastIndexOf("startxref");
    if (trailerAt < 0 || startxrefAt < trailerAt)
        return fail(QStringLiteral("no classic trailer"));
    const QString trailer = QString::fromLatin1(pdf.mid(trailerAt, startxrefAt - trailerAt));
    static const QRegularExpression sizeRe(QStringLiteral("/Size\\s+(\\d+)"));
    static const QRegularExpression rootRe(QStringLiteral("/Root\\s+(\\d+)\\s+0\\s+R"));
    static const QRegularExpression infoRe(QStringLiteral("/Info\\s+(\\d+)\\s+0\\s+R"));
    static const QRegularExpression startxrefRe(QStringLiteral("startxref\\s+(\\d+)"));
    const QRegularExpressionMatch size = sizeRe.match(trailer);
    const QRegularExpressionMatch root = rootRe.match(trailer);
    const QRegularExpressionMatch prev = startxrefRe.match(QString::fromLatin1(pdf.mid(startxrefAt)));
    if (!size.hasMatch() || !root.hasMatch() || !prev.hasMatch())
        return fail(QStringLiteral("the trailer lacks /Size, /Root or startxref"));
    const int rootObject = root.captured(1).toInt();
    const QHash<int, qsizetype> objects = xrefOffsets(pdf, prev.captured(1).toLongLong());
    const QByteArray catalog
        = objects.contains(rootObject) ? objectDictionary(pdf, objects.value(rootObject)) : QByteArray();
    if (!catalog.contains("/Catalog") || catalog.contains("/Outlines"))
        return fail(QStringLiteral("no catalog, or one with an outline already"));
    static const QRegularExpression pagesRe(QStringLiteral("/Pages\\s+(\\d+)\\s+0\\s+R"));
    const QRegularExpressionMatch pagesRef = pagesRe.match(QString::fromLatin1(catalog));
    const QByteArray pages = pagesRef.hasMatch()
        ? objectDictionary(pdf, objects.value(pagesRef.captured(1).toInt(), pdf.size()))
        : QByteArray();
    if (pages.isEmpty())
        return fail(QStringLiteral("no page tree"));
    static const QRegularExpression kidsRe(QStringLiteral("/Kids\\s*\\[([^\\]]*)\\]"));
    const QRegularExpressionMatch kids = kidsRe.match(QString::fromLatin1(pages));
    if (!kids.hasMatch())
        return fail(QStringLiteral("no /Kids in the page tree"));
    QList<int> pageObjects;
    static const QRegularExpression refRe(QStringLiteral("(\\d+)\\s+0\\s+R"));
    for (auto it = refRe.globalMatch(kids.captured(1)); it.hasNext();)
        pageObjects.append(it.next().captured(1).toInt());
    for (const OutlineEntry &e : entries) {
        if (e.page < 0 || e.page >= pageObjects.size())
            return fail(QStringLiteral("a bookmark on page %1 of %2").arg(e.page + 1).arg(pageObjects.size()));
    }

    // The tree: each entry under the nearest earlier entry of a lower level.
    QList<Node> nodes {Node {}};
    {
        QList<int> stack {0};
        QList<int> levels {0};
        for (int i = 0; i < entries.size(); ++i) {
            const int level = std::max(1, entries.at(i).level);
            while (levels.last() >= level) {
                stack.removeLast();
                levels.removeLast();
            }
            Node node;
            node.entry = i;
            node.parent = stack.last();
            nodes.append(node);
            nodes[stack.last()].children.append(int(nodes.size() - 1));
            stack.append(int(nodes.size() - 1));
            levels.append(level);
        }
    }
    int next = size.captured(1).toInt();
    for (Node &n : nodes)
        n.object = next++;

    QByteArray update = pdf;
    if (!update.endsWith('\n'))
        update.append('\n');
    QList<QPair<int, qsizetype>> offsets;
    const auto ref = [](int object) {
        return QByteArray::number(object) + " 0 R";
    };
    const std::function<int(int)> descendants = [&](int index) {
        int count = 0;
        for (const int child : nodes.at(index).children)
            count += 1 + descendants(child);
        return count;
    };
    for (int index = 0; index < nodes.size(); ++index) {
        const Node &n = nodes.at(index);
        QByteArray body;
        if (n.entry < 0) {
            body = "/Type /Outlines";
        } else {
            const OutlineEntry &e = entries.at(n.entry);
            body = "/Title " + hexTitle(e.title) + " /Parent " + ref(nodes.at(n.parent).object) + " /Dest ["
                + ref(pageObjects.at(e.page)) + " /XYZ 0 " + QByteArray::number(e.top, 'f', 2) + " null]";
            const QList<int> &siblings = nodes.at(n.parent).children;
            const qsizetype at = siblings.indexOf(index);
            if (at > 0)
                body += " /Prev " + ref(nodes.at(siblings.at(at - 1)).object);
            if (at + 1 < siblings.size())
                body += " /Next " + ref(nodes.at(siblings.at(at + 1)).object);
        }
        if (!n.children.isEmpty()) {
            // A positive count: every level open.
            body += " /First " + ref(nodes.at(n.children.first()).object) + " /Last "
                + ref(nodes.at(n.children.last()).object) + " /Count " + QByteArray::number(descendants(index));
        }
        offsets.append({n.object, update.size()});
        update += QByteArray::number(n.object) + " 0 obj\n<< " + body + " >>\nendobj\n";
    }
    // The catalog again, under its own number: the later definition is the one that counts.
    const qsizetype catalogAt = update.size();
    update += QByteArray::number(rootObject) + " 0 obj\n<<" + catalog + " /Outlines " + ref(nodes.first().object)
        + " /PageMode /UseOutlines >>\nendobj\n";

    const qsizetype xrefAt = update.size();
    const auto entry = [](qsizetype offset) {
        return QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    };
    update += "xref\n" + QByteArray::number(rootObject) + " 1\n" + entry(catalogAt);
    update += QByteArray::number(nodes.first().object) + ' ' + QByteArray::number(nodes.size()) + '\n';
    for (const auto &[object, offset] : std::as_const(offsets))
        update += entry(offset);
    const QRegularExpressionMatch info = infoRe.match(trailer);
    update += "trailer\n<< /Size " + QByteArray::number(next) + " /Root " + ref(rootObject)
        + (info.hasMatch() ? " /Info " + ref(info.captured(1).toInt()) : QByteArray()) + " /Prev "
        + prev.captured(1).toLatin1() + " >>\nstartxref\n" + QByteArray::number(xrefAt) + "\n%%EOF\n";
    return update;
}

} // namespace Chainscope
