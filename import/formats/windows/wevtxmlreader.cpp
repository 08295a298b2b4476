#include "wevtxmlreader.h"

#include "inputfile.h"
#include "windowsnormalizer.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QStringDecoder>
#include <QXmlStreamReader>

#include <optional>

namespace Chainscope {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(WinXmlReader)
};

// Integers as Windows renders them in event XML: decimal, or 0x-prefixed hex.
// (Not base 0: a decimal with a leading zero is not octal here.)
std::optional<quint64> parseNumber(QStringView s)
{
    s = s.trimmed();
    bool ok = false;
    quint64 v = 0;
    if (s.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        v = s.mid(2).toULongLong(&ok, 16);
    else
        v = s.toULongLong(&ok, 10);
    return ok ? std::optional<quint64>(v) : std::nullopt;
}

int digits(QStringView s, qsizetype pos, qsizetype n, bool &ok)
{
    int v = 0;
    if (pos + n > s.size()) {
        ok = false;
        return 0;
    }
    for (qsizetype i = pos; i < pos + n; ++i) {
        const char16_t c = s.at(i).unicode();
        if (c < u'0' || c > u'9') {
            ok = false;
            return 0;
        }
        v = v * 10 + (c - u'0');
    }
    return v;
}

// TimeCreated/@SystemTime: "2021-12-07T17:33:01.3978144Z" (wevtutil, PowerShell: 7
// fraction digits), "…01.397814400Z" (9 digits) or without a fraction. To UTC
// microseconds, the fraction cut (not rounded) as the EVTX decoder cuts 100 ns ticks.
std::optional<qint64> parseSystemTime(QStringView s)
{
    s = s.trimmed();
    bool ok = true;
    const int year = digits(s, 0, 4, ok);
    const int month = digits(s, 5, 2, ok);
    const int day = digits(s, 8, 2, ok);
    const int hour = digits(s, 11, 2, ok);
    const int minute = digits(s, 14, 2, ok);
    const int second = digits(s, 17, 2, ok);
    if (!ok || s.at(4) != u'-' || s.at(7) != u'-' || (s.at(10) != u'T' && s.at(10) != u' ') || s.at(13) != u':'
        || s.at(16) != u':' || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    qsizetype pos = 19;
    qint64 micros = 0;
    if (pos < s.size() && s.at(pos) == u'.') {
        ++pos;
        int n = 0;
        while (pos < s.size() && s.at(pos).isDigit()) {
            if (n < 6) {
                micros = micros * 10 + (s.at(pos).unicode() - u'0');
                ++n;
            }
            ++pos;
        }
        for (; n < 6; ++n)
            micros *= 10;
    }
    qint64 offsetSeconds = 0;
    if (pos < s.size()) {
        const QChar c = s.at(pos);
        if (c == u'Z' && pos + 1 == s.size()) {
            // UTC, as every exporter writes it
        } else if ((c == u'+' || c == u'-') && s.size() - pos == 6 && s.at(pos + 3) == u':') {
            const int oh = digits(s, pos + 1, 2, ok);
            const int om = digits(s, pos + 4, 2, ok);
            if (!ok)
                return std::nullopt;
            offsetSeconds = (c == u'+' ? 1 : -1) * (oh * 3600 + om * 60);
        } else {
            return std::nullopt;
        }
    }
    const qint64 days = date.toJulianDay() - QDate(1970, 1, 1).toJulianDay();
    const qint64 seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    return seconds * 1000000 + micros;
}

// Walks one <Event> element. The field names follow the EVTX decoder's extractor
// exactly (see binxml.cpp): named Data by name, unnamed Data as Data1…, Binary as
// "Binary", other elements as "Element/Child" paths, the text of leaves only.
class EventXmlParser
{
public:
    explicit EventXmlParser(WinEventRecord &record)
        : m_r(record)
    {
    }

    bool parse(const QString &xml, QString *error)
    {
        QXmlStreamReader reader(xml);
        // Prefixes in exported UserData need not be declared in the fragment; names
        // are kept as written, as the binary form keeps them.
        reader.setNamespaceProcessing(false);
        m_stack.clear();
        bool sawEvent = false;
        while (!reader.atEnd()) {
            switch (reader.readNext()) {
            case QXmlStreamReader::StartElement:
                if (m_stack.isEmpty()) {
                    if (sawEvent || reader.qualifiedName() != QLatin1String("Event")) {
                        if (error)
                            *error = Text::tr("not an <Event> element");
                        return false;
                    }
                    sawEvent = true;
                    Frame root;
                    root.ctx = Ctx::Event;
                    m_stack.append(std::move(root));
                } else {
                    start(reader);
                }
                break;
            case QXmlStreamReader::Characters:
                if (!m_stack.isEmpty() && m_stack.constLast().collects)
                    m_stack.last().text += reader.text();
                break;
            case QXmlStreamReader::EndElement:
                if (!m_stack.isEmpty())
                    end();
                break;
            default:
                break;
            }
        }
        if (reader.hasError()) {
            if (error)
                *error = Text::tr("%1 (line %2, column %3)")
                             .arg(reader.errorString())
                             .arg(reader.lineNumber())
                             .arg(reader.columnNumber());
            return false;
        }
        if (!sawEvent) {
            if (error)
                *error = Text::tr("no <Event> element");
            return false;
        }
        return true;
    }

private:
    enum class Ctx {
        Event, // <Event>: System, EventData, UserData
        System, // <System>: its fields
        SystemField, // one field of System; its text is collected
        EventData,
        UserData, // <UserData> itself: its children start the paths
        Field, // a Data or UserData element: a leaf is a value, children extend the path
        Binary,
        Ignore, // RenderingInfo, Correlation children and anything unknown
    };
    struct Frame
    {
        Ctx ctx = Ctx::Ignore;
        QString name; // the field's name (leaf) or System element name
        bool hasChild = false;
        bool collects = false;
        QString text;
    };

    void start(QXmlStreamReader &reader)
    {
        Frame &parent = m_stack.last();
        parent.hasChild = true;
        const QStringView qname = reader.qualifiedName();
        Frame f;
        switch (parent.ctx) {
        case Ctx::Event:
            if (qname == QLatin1String("System"))
                f.ctx = Ctx::System;
            else if (qname == QLatin1String("EventData"))
                f.ctx = Ctx::EventData;
            else if (qname == QLatin1String("UserData"))
                f.ctx = Ctx::UserData;
            break;
        case Ctx::System:
            f.ctx = Ctx::SystemField;
            f.name = qname.toString();
            f.collects = true;
            systemAttributes(qname, reader.attributes());
            break;
        case Ctx::EventData:
            if (qname == QLatin1String("Data")) {
                f.ctx = Ctx::Field;
                f.name = reader.attributes().value(QLatin1String("Name")).toString();
                if (f.name.isEmpty())
                    f.name = unnamedDataName(++m_unnamed);
            } else if (qname == QLatin1String("Binary")) {
                f.ctx = Ctx::Binary;
                f.name = QStringLiteral("Binary");
            } else {
                f.ctx = Ctx::Field;
                f.name = qname.toString();
            }
            f.collects = true;
            break;
        case Ctx::UserData:
            f.ctx = Ctx::Field;
            f.name = qname.toString();
            f.collects = true;
            break;
        case Ctx::Field:
            f.ctx = Ctx::Field;
            f.name = parent.name + QLatin1Char('/') + qname.toString();
            f.collects = true;
            break;
        case Ctx::Binary:
        case Ctx::SystemField:
        case Ctx::Ignore:
            break;
        }
        m_stack.append(std::move(f));
    }

    void end()
    {
        Frame f = m_stack.takeLast();
        switch (f.ctx) {
        case Ctx::Field:
            // Only leaves are values; the text between child elements is layout.
            if (!f.hasChild)
                m_r.data.append({f.name, f.text});
            break;
        case Ctx::Binary:
            m_r.data.append({f.name, f.text});
            break;
        case Ctx::SystemField:
            systemText(f.name, f.text);
            break;
        default:
            break;
        }
    }

    void systemAttributes(QStringView name, const QXmlStreamAttributes &attrs)
    {
        if (name == QLatin1String("Provider")) {
            for (const QXmlStreamAttribute &a : attrs) {
                const QStringView n = a.qualifiedName();
                if (n == QLatin1String("Name"))
                    m_r.provider = a.value().toString();
                else if (n == QLatin1String("Guid"))
                    m_r.providerGuid = a.value().toString();
                else if (n == QLatin1String("EventSourceName") && m_r.provider.isEmpty())
                    m_r.provider = a.value().toString();
            }
        } else if (name == QLatin1String("TimeCreated")) {
            if (const auto t = parseSystemTime(attrs.value(QLatin1String("SystemTime"))))
                m_r.timeUs = *t;
        } else if (name == QLatin1String("Execution")) {
            if (const auto v = parseNumber(attrs.value(QLatin1String("ProcessID"))))
                m_r.processId = qint64(*v & 0xffffffffu);
            if (const auto v = parseNumber(attrs.value(QLatin1String("ThreadID"))))
                m_r.threadId = qint64(*v & 0xffffffffu);
        } else if (name == QLatin1String("Security")) {
            m_r.userSid = attrs.value(QLatin1String("UserID")).toString();
        }
    }

    void systemText(const QString &name, const QString &text)
    {
        // The same masks as the binary decoder: EventID's qualifiers live in an
        // attribute here, but a value wider than its type is cut the same way.
        if (name == QLatin1String("EventID")) {
            if (const auto v = parseNumber(text))
                m_r.eventId = quint32(*v & 0xffff);
        } else if (name == QLatin1String("Version")) {
            if (const auto v = parseNumber(text))
                m_r.version = int(*v & 0xff);
        } else if (name == QLatin1String("Level")) {
            if (const auto v = parseNumber(text))
                m_r.level = int(*v & 0xff);
        } else if (name == QLatin1String("Task")) {
            if (const auto v = parseNumber(text))
                m_r.task = int(*v & 0xffff);
        } else if (name == QLatin1String("Opcode")) {
            if (const auto v = parseNumber(text))
                m_r.opcode = int(*v & 0xff);
        } else if (name == QLatin1String("Keywords")) {
            m_r.keywords = text;
        } else if (name == QLatin1String("EventRecordID")) {
            if (const auto v = parseNumber(text))
                m_r.recordId = *v;
        } else if (name == QLatin1String("Channel")) {
            m_r.channel = text;
        } else if (name == QLatin1String("Computer")) {
            m_r.computer = text;
        }
    }

    WinEventRecord &m_r;
    QList<Frame> m_stack;
    int m_unnamed = 0;
};

} // namespace

bool parseWinEventXml(const QString &xml, WinEventRecord &out, QString *error)
{
    out = WinEventRecord();
    EventXmlParser parser(out);
    return parser.parse(xml, error);
}

namespace {

constexpr char EventNamespace[] = "http://schemas.microsoft.com/win/2004/08/events/event";
constexpr qsizetype BlockSize = 64 * 1024;
// Declarations, comments and the <Events> root between events are small; anything
// longer without its end is treated as damage rather than buffered.
constexpr qsizetype MaxMarkupSize = 64 * 1024;

enum class Encoding { Utf8, Utf16LE, Utf16BE };

// Encoding from the first bytes: a BOM, or the zero bytes of UTF-16 around the '<'
// that every export starts with (PowerShell's `>` writes UTF-16LE with a BOM).
Encoding detectEncoding(QByteArrayView head, qsizetype &bomSize)
{
    bomSize = 0;
    if (head.startsWith(QByteArrayView("\xEF\xBB\xBF"))) {
        bomSize = 3;
        return Encoding::Utf8;
    }
    if (head.startsWith(QByteArrayView("\xFF\xFE"))) {
        bomSize = 2;
        return Encoding::Utf16LE;
    }
    if (head.startsWith(QByteArrayView("\xFE\xFF"))) {
        bomSize = 2;
        return Encoding::Utf16BE;
    }
    if (head.size() >= 2 && head.at(0) != 0 && head.at(1) == 0)
        return Encoding::Utf16LE;
    if (head.size() >= 2 && head.at(0) == 0 && head.at(1) != 0)
        return Encoding::Utf16BE;
    return Encoding::Utf8;
}

QStringConverter::Encoding converterEncoding(Encoding e)
{
    switch (e) {
    case Encoding::Utf16LE:
        return QStringConverter::Utf16LE;
    case Encoding::Utf16BE:
        return QStringConverter::Utf16BE;
    case Encoding::Utf8:
        break;
    }
    return QStringConverter::Utf8;
}

// The decoded input as a sliding window. Positions are absolute offsets in the
// decoded stream; bytes before the window have been released. Markup is found by
// searching for ASCII needles encoded like the input, so UTF-16 needs no conversion
// of the bytes between events.
class Window
{
public:
    Window(InputFile &input, Encoding encoding)
        : m_input(input)
        , m_encoding(encoding)
        , m_unit(encoding == Encoding::Utf8 ? 1 : 2)
    {
    }

    int unit() const { return m_unit; }
    qint64 begin() const { return m_base; }
    qint64 end() const { return m_base + m_buf.size(); }

    // Appends the next block; false at the end of the input.
    bool more()
    {
        if (m_eof)
            return false;
        // Released bytes go only now, once per block: releasing is frequent (after
        // every event), moving the window's bytes is not.
        if (const qint64 n = std::min(m_keep, end()) - m_base; n > 0) {
            m_buf.remove(0, qsizetype(n));
            m_base += n;
        }
        const qsizetype old = m_buf.size();
        m_buf.resize(old + BlockSize);
        const qint64 got = m_input.read(m_buf.data() + old, BlockSize);
        m_buf.resize(old + std::max<qint64>(got, 0));
        if (got <= 0)
            m_eof = true;
        return got > 0;
    }

    // The bytes before `pos` are no longer needed (dropped when the next block comes).
    void release(qint64 pos) { m_keep = pos; }

    QByteArray encode(const char *ascii) const
    {
        QByteArray out;
        for (const char *p = ascii; *p; ++p) {
            if (m_encoding == Encoding::Utf16BE)
                out.append('\0');
            out.append(*p);
            if (m_encoding == Encoding::Utf16LE)
                out.append('\0');
        }
        return out;
    }

    // The next occurrence of `needle` at or after `from` that starts on a character
    // boundary; -1 when the window holds none.
    qint64 find(const QByteArray &needle, qint64 from) const
    {
        qsizetype i = qsizetype(std::max(from, m_base) - m_base);
        for (;;) {
            i = m_buf.indexOf(needle, i);
            if (i < 0)
                return -1;
            if ((m_base + i) % m_unit == 0)
                return m_base + i;
            ++i;
        }
    }

    bool at(qint64 pos, const QByteArray &needle) const
    {
        const qint64 i = pos - m_base;
        return i >= 0 && i + needle.size() <= m_buf.size()
            && QByteArrayView(m_buf).sliced(qsizetype(i), needle.size()) == QByteArrayView(needle);
    }

    // The character at `pos` (one code unit), or 0 outside the window.
    char16_t charAt(qint64 pos) const
    {
        const qint64 i = pos - m_base;
        if (i < 0 || i + m_unit > m_buf.size())
            return 0;
        const auto b = [&](qint64 k) {
            return char16_t(uchar(m_buf.at(qsizetype(k))));
        };
        switch (m_encoding) {
        case Encoding::Utf8:
            return b(i);
        case Encoding::Utf16LE:
            return char16_t(b(i) | (b(i + 1) << 8));
        case Encoding::Utf16BE:
            return char16_t((b(i) << 8) | b(i + 1));
        }
        return 0;
    }

    QByteArrayView slice(qint64 from, qint64 to) const
    {
        return QByteArrayView(m_buf).sliced(qsizetype(from - m_base), qsizetype(to - from));
    }

private:
    InputFile &m_input;
    QByteArray m_buf;
    qint64 m_base = 0;
    qint64 m_keep = 0;
    Encoding m_encoding;
    int m_unit;
    bool m_eof = false;
};

bool isSpace(char16_t c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n';
}

// What may follow an element name in a tag.
bool isNameEnd(char16_t c)
{
    return isSpace(c) || c == u'>' || c == u'/';
}

} // namespace

void WinXmlReader::read(InputFile &input, const ReaderContext &context, ImportSink &sink)
{
    qsizetype bom = 0;
    const Encoding encoding = detectEncoding(input.peek(4), bom);
    Window w(input, encoding);
    const int u = w.unit();
    const QByteArray lt = w.encode("<");
    const QByteArray gt = w.encode(">");
    const QByteArray eventTag = w.encode("<Event");
    const QByteArray eventEnd = w.encode("</Event");
    const QByteArray eventsTag = w.encode("<Events");
    const QByteArray eventsEnd = w.encode("</Events");
    const QByteArray declaration = w.encode("<?");
    const QByteArray declarationEnd = w.encode("?>");
    const QByteArray comment = w.encode("<!--");
    const QByteArray commentEnd = w.encode("-->");
    const QByteArray doctype = w.encode("<!");
    const QByteArray ns = w.encode(EventNamespace);

    WinEventRecord record;
    QList<Event> events;
    const auto tooLarge = [&](qint64 start) {
        sink.recordError(
            start, Text::tr("event at offset %1 is larger than %2 bytes; skipped").arg(start).arg(MaxEventSize));
    };
    const auto deliver = [&](qint64 from, qint64 to) {
        if (to - from > MaxEventSize) {
            tooLarge(from);
            return;
        }
        const QByteArrayView bytes = w.slice(from, to);
        QStringDecoder decoder(converterEncoding(encoding));
        const QString xml = decoder.decode(bytes);
        if (decoder.hasError()) {
            sink.recordError(from,
                Text::tr("event at offset %1 is not valid %2 text; skipped")
                    .arg(from)
                    .arg(encoding == Encoding::Utf8 ? QStringLiteral("UTF-8") : QStringLiteral("UTF-16")));
            return;
        }
        QString error;
        if (!parseWinEventXml(xml, record, &error)) {
            sink.recordError(from, Text::tr("event at offset %1: %2; skipped").arg(from).arg(error));
            return;
        }
        sink.recordRead();
        events.clear();
        normalizeWindowsEvent(record, events);
        // The element as exported is the evidence; UTF-16 is stored as UTF-8 so the
        // raw-record view shows it like any text record.
        const qint64 rawId = sink.addRaw(encoding == Encoding::Utf8 ? bytes.toByteArray() : xml.toUtf8());
        for (Event &e : events) {
            e.recordPos = from;
            sink.addEvent(e, rawId);
        }
    };

    enum class State {
        Between, // outside events: whitespace, declarations, the <Events> root
        InEvent, // inside an event that will be imported
        Skipping, // inside an event too large to import: only its end is looked for
    };
    State state = State::Between;
    qint64 pos = bom; // Between: the next position to look at
    qint64 eventStart = -1;
    qint64 scan = -1; // InEvent, Skipping: where the search for the next tag goes on
    int depth = 0; // open <Event> elements (UserData may nest an element of that name)
    bool inGarbage = false; // a run of damage has been reported and is being skipped
    bool eof = false;
    const auto more = [&] {
        if (eof)
            return false;
        eof = !w.more();
        return !eof;
    };

    for (;;) {
        if (context.cancelled())
            return;
        if (state == State::Between) {
            w.release(pos);
            if (w.end() < pos + 9 * u && !eof) {
                more();
                continue;
            }
            const char16_t c = w.charAt(pos);
            if (c == 0 && pos >= w.end())
                return; // the end of the input, between events: done
            if (isSpace(c)) {
                pos += u;
                continue;
            }
            if (w.at(pos, eventTag) && isNameEnd(w.charAt(pos + 6 * u))) {
                state = State::InEvent;
                eventStart = scan = pos;
                depth = 0;
                inGarbage = false;
                continue;
            }
            const QByteArray *markupEnd = nullptr;
            if (w.at(pos, declaration))
                markupEnd = &declarationEnd;
            else if (w.at(pos, comment))
                markupEnd = &commentEnd;
            else if ((w.at(pos, eventsTag) && isNameEnd(w.charAt(pos + 7 * u)))
                || (w.at(pos, eventsEnd) && isNameEnd(w.charAt(pos + 8 * u))) || w.at(pos, doctype))
                markupEnd = &gt;
            if (markupEnd) {
                qint64 e = w.find(*markupEnd, pos + u);
                while (e < 0 && w.end() - pos < MaxMarkupSize && more())
                    e = w.find(*markupEnd, pos + u);
                if (e >= 0) {
                    pos = e + markupEnd->size();
                    inGarbage = false;
                    continue;
                }
            }
            // Damage between events (a cut-off event's tail, text, binary junk): one
            // error per run, then on to the next event.
            if (!inGarbage) {
                sink.recordError(pos,
                    Text::tr("unexpected content at offset %1 outside an event; skipped to the next event").arg(pos));
                inGarbage = true;
            }
            qint64 from = pos + u;
            for (;;) {
                if (context.cancelled())
                    return;
                const qint64 p = w.find(eventTag, from);
                if (p >= 0 && (p + 7 * u <= w.end() || eof)) {
                    if (isNameEnd(w.charAt(p + 6 * u))) {
                        pos = p;
                        break;
                    }
                    from = p + u;
                    continue;
                }
                // Keep what could be the start of a tag cut by the block boundary.
                const qint64 keep = p >= 0 ? p : std::max(from, w.end() - eventTag.size());
                w.release(keep);
                from = keep;
                if (!more())
                    return;
            }
            continue;
        }

        // Inside an event: follow <Event> and </Event> tags to find its end.
        const qint64 p = w.find(lt, scan);
        if (p < 0 || (p + 9 * u > w.end() && !eof)) {
            if (state == State::InEvent && w.end() - eventStart > MaxEventSize) {
                tooLarge(eventStart);
                state = State::Skipping;
            }
            w.release(state == State::InEvent ? eventStart : (p >= 0 ? p : w.end()));
            if (!more() && p < 0) {
                if (state == State::InEvent)
                    sink.recordError(eventStart,
                        Text::tr("event at offset %1 is cut off: the input ends before its end tag").arg(eventStart));
                return;
            }
            continue;
        }
        const bool closing = w.at(p, eventEnd) && isNameEnd(w.charAt(p + 7 * u));
        const bool opening = !closing && w.at(p, eventTag) && isNameEnd(w.charAt(p + 6 * u));
        if (!closing && !opening) {
            scan = p + u;
            continue;
        }
        const qint64 g = w.find(gt, p);
        if (g < 0) {
            if (eof) {
                scan = p + u;
            } else {
                if (state == State::InEvent && w.end() - eventStart > MaxEventSize) {
                    tooLarge(eventStart);
                    state = State::Skipping;
                }
                w.release(state == State::InEvent ? eventStart : p);
                more();
            }
            continue;
        }
        if (opening) {
            // An <Event> in the event namespace starts the next event: the current one
            // was never closed (a cut-off write, an export concatenated mid-event).
            const bool top = w.slice(p, g).indexOf(QByteArrayView(ns)) >= 0;
            if (p != eventStart && top) {
                if (state == State::InEvent)
                    sink.recordError(eventStart,
                        Text::tr("event at offset %1 has no end tag before the next event at offset %2; skipped")
                            .arg(eventStart)
                            .arg(p));
                state = State::InEvent;
                eventStart = scan = p;
                depth = 0;
                continue;
            }
            if (w.charAt(g - u) != u'/')
                ++depth;
        } else {
            --depth;
        }
        scan = g + u;
        if (depth <= 0) {
            if (state == State::InEvent)
                deliver(eventStart, scan);
            state = State::Between;
            pos = scan;
        }
    }
}

bool WinXmlReader::probe(QByteArrayView head)
{
    qsizetype bom = 0;
    const Encoding encoding = detectEncoding(head, bom);
    QStringDecoder decoder(converterEncoding(encoding));
    // The head may end inside a character; the decoder's error for that is harmless.
    const QString text = decoder.decode(head.sliced(bom));
    QStringView s(text);
    for (;;) {
        s = s.trimmed();
        if (s.startsWith(QLatin1String("<?"))) {
            const qsizetype e = s.indexOf(QLatin1String("?>"));
            if (e < 0)
                return false;
            s = s.sliced(e + 2);
        } else if (s.startsWith(QLatin1String("<!--"))) {
            const qsizetype e = s.indexOf(QLatin1String("-->"));
            if (e < 0)
                return false;
            s = s.sliced(e + 3);
        } else {
            break;
        }
    }
    const auto nameEndsAt = [&](qsizetype i) {
        return i < s.size() && isNameEnd(s.at(i).unicode());
    };
    if (s.startsWith(QLatin1String("<Events")) && nameEndsAt(7)) {
        const qsizetype e = s.indexOf(u'>');
        if (e < 0)
            return false;
        s = s.sliced(e + 1).trimmed();
        // An empty export, or one whose first event follows.
        if (s.startsWith(QLatin1String("</Events")))
            return true;
    }
    if (!s.startsWith(QLatin1String("<Event")) || !nameEndsAt(6))
        return false;
    const qsizetype tagEnd = s.indexOf(u'>');
    const QStringView tag = tagEnd < 0 ? s : s.first(tagEnd);
    return tag.contains(QLatin1String(EventNamespace));
}

} // namespace Chainscope
