#include "installhistoryreader.h"

#include "inputfile.h"
#include "macosparsing.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QXmlStreamReader>

namespace Chainscope {

using namespace Macos;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Chainscope::InstallHistoryReader)
};

constexpr qint64 BlockBytes = 64 * 1024;

struct Install
{
    QString date;
    QString name;
    QString version;
    QString processName;
    QString contentType;
    QStringList identifiers;
};

// One <dict> of the history: key, value, key, value … Values other than strings, dates
// and arrays of strings are not part of an install record and are left to the raw record.
std::optional<Install> parseDict(const QByteArray &text, QString &error)
{
    QXmlStreamReader xml(text);
    Install install;
    QString key;
    int depth = 0;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            const QStringView name = xml.name();
            if (depth == 1) {
                if (name != u"dict") {
                    error = Text::tr("not a dict");
                    return std::nullopt;
                }
                continue;
            }
            if (depth != 2)
                continue;
            if (name == u"key") {
                key = xml.readElementText();
                --depth;
                continue;
            }
            if (name == u"array") {
                QStringList items;
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"string")
                        items.append(xml.readElementText());
                    else
                        xml.skipCurrentElement();
                }
                --depth;
                if (key == u"packageIdentifiers")
                    install.identifiers = items;
                key.clear();
                continue;
            }
            if (name == u"dict") {
                xml.skipCurrentElement();
                --depth;
                key.clear();
                continue;
            }
            const QString value = xml.readElementText(QXmlStreamReader::SkipChildElements);
            --depth;
            if (key == u"date")
                install.date = value;
            else if (key == u"displayName")
                install.name = value;
            else if (key == u"displayVersion")
                install.version = value;
            else if (key == u"processName")
                install.processName = value;
            else if (key == u"contentType")
                install.contentType = value;
            key.clear();
        } else if (token == QXmlStreamReader::EndElement) {
            --depth;
        }
    }
    if (xml.hasError()) {
        error = Text::tr("damaged XML (%1)").arg(xml.errorString());
        return std::nullopt;
    }
    return install;
}

} // namespace

bool InstallHistoryReader::probe(QByteArrayView head)
{
    const bool binary = head.startsWith("bplist00");
    if (!binary && (head.indexOf("<plist") < 0 || head.indexOf("<array>") < 0))
        return false;
    // Every record names these; a binary plist keeps ASCII keys as they are.
    return head.indexOf("packageIdentifiers") >= 0 && head.indexOf("processName") >= 0
        && head.indexOf("displayName") >= 0;
}

void InstallHistoryReader::read(InputFile &input, const ReaderContext &context, ImportSink &sink)
{
    if (input.peek(8).startsWith("bplist00")) {
        sink.recordRead();
        sink.recordError(0,
            Text::tr("InstallHistory.plist is a binary property list, which Chainscope does not read; convert it "
                     "with `plutil -convert xml1 -o InstallHistory.xml.plist InstallHistory.plist` and import that"));
        return;
    }
    QByteArray buf; // decoded bytes not yet consumed
    qint64 base = 0; // decoded offset of buf[0]
    qsizetype scan = 0;
    int depth = 0; // nesting of <dict>
    qsizetype start = -1; // where the current top-level dict begins in buf
    bool overlong = false;
    bool ended = false;

    auto store = [&](const QByteArray &raw, qint64 pos) {
        sink.recordRead();
        QString error;
        const std::optional<Install> install = parseDict(raw, error);
        if (!install) {
            sink.recordError(pos, Text::tr("InstallHistory.plist: unreadable install record: %1").arg(error));
            return;
        }
        const std::optional<qint64> timeUs = parseWholeStamp(install->date.toLatin1(), context.timeZone);
        if (!timeUs) {
            sink.recordError(pos,
                install->date.isEmpty()
                    ? Text::tr("InstallHistory.plist: install record without a date")
                    : Text::tr("InstallHistory.plist: unreadable date '%1'").arg(install->date.left(64)));
            return;
        }
        Event e = baseEvent(context, EventKind::PackageInstall, *timeUs, pos);
        e.targetPath = install->name.isEmpty() ? install->identifiers.value(0) : install->name;
        e.image = install->processName;
        QJsonObject d;
        putText(d, QStringLiteral("package"), install->name);
        putText(d, QStringLiteral("version"), install->version);
        if (!install->identifiers.isEmpty())
            d.insert(QStringLiteral("package_identifiers"), QJsonArray::fromStringList(install->identifiers));
        putText(d, QStringLiteral("process_name"), install->processName);
        putText(d, QStringLiteral("content_type"), install->contentType);
        e.details = d;
        sink.addEvent(e, sink.addRaw(raw));
    };

    for (qint64 n = 0;; ++n) {
        if (n % 64 == 0 && context.cancelled())
            return;
        const qsizetype lt = buf.indexOf('<', scan);
        // A tag is classified once its first 7 bytes are here (or the file ended).
        if (lt < 0 || (buf.size() - lt < 7 && !ended)) {
            if (ended)
                break;
            if (depth > 0 && !overlong && buf.size() - start > MaxRecordBytes) {
                // Text without tags can make a record overlong too.
                overlong = true;
                sink.recordRead();
                sink.recordError(base + start,
                    Text::tr("InstallHistory.plist: install record longer than %1 bytes, skipped").arg(MaxRecordBytes));
            }
            // Drop what no record needs any more, then read on.
            qsizetype keep = depth > 0 && !overlong ? start : (lt < 0 ? buf.size() : lt);
            if (depth > 0 && overlong)
                keep = lt < 0 ? buf.size() : lt;
            buf.remove(0, keep);
            base += keep;
            scan = lt < 0 ? buf.size() : lt - keep;
            if (start >= 0)
                start -= keep;
            const qsizetype old = buf.size();
            buf.resize(old + BlockBytes);
            const qint64 got = input.read(buf.data() + old, BlockBytes);
            buf.resize(old + qMax<qint64>(got, 0));
            if (got <= 0)
                ended = true;
            continue;
        }
        const QByteArrayView tag = QByteArrayView(buf).sliced(lt, qMin<qsizetype>(7, buf.size() - lt));
        scan = lt + 1;
        if (tag.startsWith("<dict/>")) {
            scan = lt + 7;
            if (depth == 0) {
                sink.recordRead();
                sink.recordError(base + lt, Text::tr("InstallHistory.plist: empty install record"));
            }
        } else if (tag.startsWith("<dict>") || tag.startsWith("<dict ")) {
            if (depth == 0) {
                start = lt;
                overlong = false;
            }
            ++depth;
        } else if (tag.startsWith("</dict>")) {
            scan = lt + 7;
            if (depth == 0)
                continue;
            if (--depth == 0) {
                if (!overlong && scan - start > MaxRecordBytes) {
                    sink.recordRead();
                    sink.recordError(base + start,
                        Text::tr("InstallHistory.plist: install record longer than %1 bytes, skipped")
                            .arg(MaxRecordBytes));
                } else if (!overlong) {
                    store(buf.mid(start, scan - start), base + start);
                }
                overlong = false;
                start = -1;
            }
        }
        if (depth > 0 && !overlong && scan - start > MaxRecordBytes) {
            overlong = true;
            sink.recordRead();
            sink.recordError(base + start,
                Text::tr("InstallHistory.plist: install record longer than %1 bytes, skipped").arg(MaxRecordBytes));
        }
    }
    if (depth > 0 && !overlong) {
        sink.recordRead();
        sink.recordError(
            base + start, Text::tr("InstallHistory.plist: the file ends inside an install record (cut off)"));
    }
}

} // namespace Chainscope
