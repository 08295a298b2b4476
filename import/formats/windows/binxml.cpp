#include "binxml.h"

#include <QDateTime>
#include <QScopeGuard>
#include <QtEndian>

#include <atomic>
#include <cstring>
#include <limits>

namespace Chainscope::Evtx {

namespace {

// Nesting limits. Real events nest elements about five deep and binary XML values
// (UserData payloads) one or two deep; the limits only stop crafted input from
// recursing until the stack runs out.
constexpr int MaxElementDepth = 64;
constexpr int MaxFragmentDepth = 8;

constexpr qint64 FileTimeUnixOffset = 116444736000000000LL; // 1601 → 1970 in 100 ns

enum Token : quint8 {
    EndOfFragment = 0x00,
    OpenStartElement = 0x01,
    CloseStartElement = 0x02,
    CloseEmptyElement = 0x03,
    EndElement = 0x04,
    ValueToken = 0x05,
    AttributeToken = 0x06,
    CDataSection = 0x07,
    CharRef = 0x08,
    EntityRef = 0x09,
    PITarget = 0x0a,
    PIData = 0x0b,
    TemplateInstance = 0x0c,
    NormalSubstitution = 0x0d,
    OptionalSubstitution = 0x0e,
    FragmentHeader = 0x0f,
    MoreFlag = 0x40,
};

const QHash<QString, Name> &elementNames()
{
    static const QHash<QString, Name> names = {
        {QStringLiteral("Event"), Name::Event},
        {QStringLiteral("System"), Name::System},
        {QStringLiteral("Provider"), Name::Provider},
        {QStringLiteral("EventID"), Name::EventID},
        {QStringLiteral("Version"), Name::Version},
        {QStringLiteral("Level"), Name::Level},
        {QStringLiteral("Task"), Name::Task},
        {QStringLiteral("Opcode"), Name::Opcode},
        {QStringLiteral("Keywords"), Name::Keywords},
        {QStringLiteral("TimeCreated"), Name::TimeCreated},
        {QStringLiteral("EventRecordID"), Name::EventRecordID},
        {QStringLiteral("Execution"), Name::Execution},
        {QStringLiteral("Channel"), Name::Channel},
        {QStringLiteral("Computer"), Name::Computer},
        {QStringLiteral("Security"), Name::Security},
        {QStringLiteral("EventData"), Name::EventData},
        {QStringLiteral("UserData"), Name::UserData},
        {QStringLiteral("Data"), Name::Data},
        {QStringLiteral("Binary"), Name::Binary},
    };
    return names;
}

const QHash<QString, Name> &attributeNames()
{
    static const QHash<QString, Name> names = {
        {QStringLiteral("Name"), Name::AttrName},
        {QStringLiteral("Guid"), Name::AttrGuid},
        {QStringLiteral("EventSourceName"), Name::AttrEventSourceName},
        {QStringLiteral("Qualifiers"), Name::AttrQualifiers},
        {QStringLiteral("SystemTime"), Name::AttrSystemTime},
        {QStringLiteral("ProcessID"), Name::AttrProcessID},
        {QStringLiteral("ThreadID"), Name::AttrThreadID},
        {QStringLiteral("UserID"), Name::AttrUserID},
    };
    return names;
}

[[noreturn]] void fail(const QString &message)
{
    throw DecodeError {message};
}

template<typename T> T readLE(const uchar *p)
{
    return qFromLittleEndian<T>(p);
}

// Formats into a buffer on the stack and appends once. These run for every value of
// every record; appending to a QString one character at a time costs several times more.
class Chars
{
public:
    void put(char c)
    {
        if (m_n < Size)
            m_b[m_n++] = char16_t(c);
    }
    void dec(quint64 v, int minDigits = 1)
    {
        char tmp[24];
        int n = 0;
        do {
            tmp[n++] = char('0' + v % 10);
            v /= 10;
        } while (v);
        while (n < minDigits && n < 24)
            tmp[n++] = '0';
        while (n)
            put(tmp[--n]);
    }
    void sdec(qint64 v)
    {
        if (v < 0) {
            put('-');
            dec(quint64(0) - quint64(v)); // no overflow for the most negative value
        } else {
            dec(quint64(v));
        }
    }
    void hex(quint64 v, int minDigits, bool upper = false)
    {
        const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        char tmp[20];
        int n = 0;
        do {
            tmp[n++] = digits[v & 0xf];
            v >>= 4;
        } while (v);
        while (n < minDigits && n < 20)
            tmp[n++] = '0';
        while (n)
            put(tmp[--n]);
    }
    void hexByte(uchar b)
    {
        static const char digits[] = "0123456789ABCDEF";
        put(digits[b >> 4]);
        put(digits[b & 0xf]);
    }
    void appendTo(QString &out) const
    {
        // Most values are converted on their own: one allocation of the exact size
        // instead of appending to an empty string, which allocates with room to grow.
        if (out.isEmpty())
            out = QString(reinterpret_cast<const QChar *>(m_b), m_n);
        else
            out.append(reinterpret_cast<const QChar *>(m_b), m_n);
    }

private:
    // Room for the longest fixed-size rendering: a SID with 255 sub-authorities.
    static constexpr int Size = 3072;
    char16_t m_b[Size];
    int m_n = 0;
};

void appendHex(QString &out, quint64 v, int minDigits)
{
    Chars c;
    c.put('0');
    c.put('x');
    c.hex(v, minDigits);
    c.appendTo(out);
}

// Days since 1970-01-01 to a civil date (proleptic Gregorian), without QDateTime:
// this runs for every time value of every record.
void civilFromDays(qint64 z, qint64 &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = qint64(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

void appendFileTime(QString &out, quint64 ft)
{
    // 100 ns ticks since 1601-01-01 UTC.
    const quint64 secs = ft / 10000000ULL;
    const quint64 frac = ft % 10000000ULL;
    const qint64 days = qint64(secs / 86400) - 134774; // 1601 → 1970
    const quint64 sod = secs % 86400;
    qint64 y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    Chars c;
    c.dec(quint64(y), 4);
    c.put('-');
    c.dec(m, 2);
    c.put('-');
    c.dec(d, 2);
    c.put('T');
    c.dec(sod / 3600, 2);
    c.put(':');
    c.dec(sod / 60 % 60, 2);
    c.put(':');
    c.dec(sod % 60, 2);
    c.put('.');
    // Nanosecond digits, as current Windows versions render them: the last two are zero.
    c.dec(frac * 100, 9);
    c.put('Z');
    c.appendTo(out);
}

void appendGuid(QString &out, const uchar *p)
{
    Chars c;
    c.put('{');
    for (int i = 3; i >= 0; --i)
        c.hexByte(p[i]);
    c.put('-');
    c.hexByte(p[5]);
    c.hexByte(p[4]);
    c.put('-');
    c.hexByte(p[7]);
    c.hexByte(p[6]);
    c.put('-');
    c.hexByte(p[8]);
    c.hexByte(p[9]);
    c.put('-');
    for (int i = 10; i < 16; ++i)
        c.hexByte(p[i]);
    c.put('}');
    c.appendTo(out);
}

bool appendSid(QString &out, const uchar *p, quint32 size)
{
    if (size < 8)
        return false;
    const quint8 revision = p[0];
    const quint8 count = p[1];
    if (size < 8u + 4u * count)
        return false;
    quint64 authority = 0;
    for (int i = 2; i < 8; ++i)
        authority = (authority << 8) | p[i];
    Chars c;
    c.put('S');
    c.put('-');
    c.dec(revision);
    c.put('-');
    if (authority >> 32) {
        c.put('0');
        c.put('x');
        c.hex(authority, 12, true);
    } else {
        c.dec(authority);
    }
    for (int i = 0; i < count; ++i) {
        c.put('-');
        c.dec(readLE<quint32>(p + 8 + 4 * i));
    }
    c.appendTo(out);
    return true;
}

void appendHexBytes(QString &out, const uchar *p, quint32 size)
{
    static const char digits[] = "0123456789ABCDEF";
    const qsizetype start = out.size();
    out.resize(start + 2 * qsizetype(size));
    QChar *dst = out.data() + start;
    for (quint32 i = 0; i < size; ++i) {
        *dst++ = QLatin1Char(digits[p[i] >> 4]);
        *dst++ = QLatin1Char(digits[p[i] & 0xf]);
    }
}

// Size of one element of a fixed-size type, 0 for variable-size types.
quint32 fixedSize(quint8 type, quint32 sizeHint)
{
    switch (type) {
    case Int8Type:
    case UInt8Type:
        return 1;
    case Int16Type:
    case UInt16Type:
        return 2;
    case Int32Type:
    case UInt32Type:
    case Real32Type:
    case BoolType:
    case HexInt32Type:
        return 4;
    case Int64Type:
    case UInt64Type:
    case Real64Type:
    case FileTimeType:
    case HexInt64Type:
        return 8;
    case GuidType:
    case SysTimeType:
        return 16;
    case SizeTType:
        return sizeHint == 4 ? 4 : 8;
    default:
        return 0;
    }
}

void appendScalar(QString &out, quint8 type, const uchar *p, quint32 size)
{
    switch (type) {
    case NullType:
        return;
    case StringType: {
        qsizetype n = size / 2;
        // Values are often stored with their terminating NUL; it is not part of the text.
        while (n > 0 && readLE<quint16>(p + 2 * (n - 1)) == 0)
            --n;
        // UTF-16LE is QString's own encoding: copy, fixing byte order only on big-endian hosts.
        if constexpr (Q_BYTE_ORDER == Q_LITTLE_ENDIAN) {
            if (out.isEmpty()) {
                // One exact allocation; memcpy because values need not be 2-byte aligned.
                out = QString(n, Qt::Uninitialized);
                std::memcpy(out.data(), p, size_t(n) * 2);
                return;
            }
        }
        const qsizetype start = out.size();
        out.resize(start + n);
        if constexpr (Q_BYTE_ORDER == Q_LITTLE_ENDIAN) {
            std::memcpy(out.data() + start, p, size_t(n) * 2);
        } else {
            for (qsizetype i = 0; i < n; ++i)
                out[start + i] = QChar(readLE<quint16>(p + 2 * i));
        }
        return;
    }
    case AnsiStringType: {
        quint32 n = size;
        while (n > 0 && p[n - 1] == 0)
            --n;
        out += QString::fromLatin1(reinterpret_cast<const char *>(p), n);
        return;
    }
    case Int8Type:
    case Int16Type:
    case Int32Type:
    case Int64Type: {
        const qint64 v = type == Int8Type ? qint8(p[0])
            : type == Int16Type           ? readLE<qint16>(p)
            : type == Int32Type           ? readLE<qint32>(p)
                                          : readLE<qint64>(p);
        Chars c;
        c.sdec(v);
        c.appendTo(out);
        return;
    }
    case UInt8Type:
    case UInt16Type:
    case UInt32Type:
    case UInt64Type: {
        const quint64 v = type == UInt8Type ? p[0]
            : type == UInt16Type            ? readLE<quint16>(p)
            : type == UInt32Type            ? readLE<quint32>(p)
                                            : readLE<quint64>(p);
        Chars c;
        c.dec(v);
        c.appendTo(out);
        return;
    }
    case Real32Type: {
        float f;
        std::memcpy(&f, p, 4);
        out += QString::number(double(f), 'g', 9);
        return;
    }
    case Real64Type: {
        double d;
        std::memcpy(&d, p, 8);
        out += QString::number(d, 'g', 17);
        return;
    }
    case BoolType: {
        quint32 v = 0;
        for (quint32 i = 0; i < size && i < 4; ++i)
            v |= quint32(p[i]) << (8 * i);
        out += v ? QLatin1String("true") : QLatin1String("false");
        return;
    }
    case BinaryType:
        appendHexBytes(out, p, size);
        return;
    case GuidType:
        appendGuid(out, p);
        return;
    case SizeTType:
        appendHex(out, size == 4 ? readLE<quint32>(p) : readLE<quint64>(p), 1);
        return;
    case FileTimeType:
        appendFileTime(out, readLE<quint64>(p));
        return;
    case SysTimeType: {
        // year, month, day-of-week, day, hour, minute, second, milliseconds
        quint16 f[8];
        for (int i = 0; i < 8; ++i)
            f[i] = readLE<quint16>(p + 2 * i);
        Chars c;
        c.dec(f[0], 4);
        c.put('-');
        c.dec(f[1], 2);
        c.put('-');
        c.dec(f[3], 2);
        c.put('T');
        c.dec(f[4], 2);
        c.put(':');
        c.dec(f[5], 2);
        c.put(':');
        c.dec(f[6], 2);
        c.put('.');
        c.dec(f[7], 3);
        c.put('Z');
        c.appendTo(out);
        return;
    }
    case SidType:
        if (!appendSid(out, p, size))
            appendHexBytes(out, p, size);
        return;
    case HexInt32Type:
        appendHex(out, readLE<quint32>(p), 1);
        return;
    case HexInt64Type:
        appendHex(out, readLE<quint64>(p), 1);
        return;
    default:
        // Handles, XML text and unknown types: shown as bytes rather than dropped.
        appendHexBytes(out, p, size);
        return;
    }
}

} // namespace

std::optional<qint64> fileTimeToUnixUs(quint64 fileTime)
{
    if (fileTime == 0 || fileTime > quint64(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    return (qint64(fileTime) - FileTimeUnixOffset) / 10;
}

QStringList arrayItems(const Value &value)
{
    QStringList items;
    if (!(value.type & ArrayFlag) || !value.data)
        return items;
    const quint8 base = value.type & ~ArrayFlag;
    if (base == StringType || base == AnsiStringType) {
        // NUL-terminated strings one after the other; the last terminator may be missing.
        const quint32 unit = base == StringType ? 2 : 1;
        const quint32 units = value.size / unit;
        quint32 start = 0;
        for (quint32 i = 0; i < units; ++i) {
            const bool nul = unit == 2 ? readLE<quint16>(value.data + 2 * i) == 0 : value.data[i] == 0;
            if (nul) {
                QString s;
                appendScalar(s, base, value.data + unit * start, unit * (i - start));
                items.append(s);
                start = i + 1;
            }
        }
        if (start < units) {
            QString s;
            appendScalar(s, base, value.data + unit * start, unit * (units - start));
            items.append(s);
        }
        return items;
    }
    const quint32 element = fixedSize(base, 8);
    if (!element) {
        QString s;
        appendHexBytes(s, value.data, value.size);
        items.append(s);
        return items;
    }
    for (quint32 off = 0; off + element <= value.size; off += element) {
        QString s;
        appendScalar(s, base, value.data + off, element);
        items.append(s);
    }
    return items;
}

void appendValueText(QString &out, const Value &value)
{
    if (value.size == 0 || !value.data)
        return;
    if (value.type & ArrayFlag) {
        out += arrayItems(value).join(QLatin1String(", "));
        return;
    }
    const quint32 need = fixedSize(value.type, value.size);
    if (need && value.size < need) {
        appendHexBytes(out, value.data, value.size); // too short for its type
        return;
    }
    appendScalar(out, value.type, value.data, value.size);
}

QString valueText(const Value &value)
{
    QString s;
    appendValueText(s, value);
    return s;
}

// Bounds-checked reading of chunk bytes. Positions are offsets into the chunk, the
// unit in which binary XML refers to names and templates.
class ChunkParser::Cursor
{
public:
    Cursor(ChunkParser &parser, qsizetype pos, qsizetype end)
        : m_parser(parser)
        , m_data(reinterpret_cast<const uchar *>(parser.m_chunk.data()))
        , m_pos(pos)
        , m_end(std::min(end, parser.m_chunk.size()))
    {
        if (pos < 0 || pos > m_end)
            fail(QStringLiteral("binary XML starts outside its chunk"));
    }

    qsizetype pos() const { return m_pos; }
    qsizetype end() const { return m_end; }
    bool atEnd() const { return m_pos >= m_end; }
    void need(qsizetype n) const
    {
        if (n < 0 || m_end - m_pos < n)
            fail(QStringLiteral("binary XML truncated at chunk offset %1").arg(m_pos));
    }
    quint8 peek() const
    {
        need(1);
        return m_data[m_pos];
    }
    quint8 u8()
    {
        need(1);
        return m_data[m_pos++];
    }
    quint16 u16()
    {
        need(2);
        const auto v = readLE<quint16>(m_data + m_pos);
        m_pos += 2;
        return v;
    }
    quint32 u32()
    {
        need(4);
        const auto v = readLE<quint32>(m_data + m_pos);
        m_pos += 4;
        return v;
    }
    quint32 u32At(qsizetype pos) const
    {
        if (pos < 0 || pos + 4 > m_end)
            fail(QStringLiteral("binary XML truncated at chunk offset %1").arg(pos));
        return readLE<quint32>(m_data + pos);
    }
    const uchar *take(qsizetype n)
    {
        need(n);
        const uchar *p = m_data + m_pos;
        m_pos += n;
        return p;
    }
    void skip(qsizetype n) { take(n); }

    QString utf16(qsizetype chars)
    {
        const uchar *p = take(2 * chars);
        QString s;
        appendScalar(s, StringType, p, quint32(2 * chars));
        return s;
    }

    // A name reference: an offset into the chunk. The first use of a name in a chunk
    // stores it right here (the offset equals the current position) and we step over it.
    const ChunkParser::NameEntry &name()
    {
        const quint32 offset = u32();
        const ChunkParser::NameEntry &n = m_parser.nameAt(offset);
        const bool isInline = offset == quint32(m_pos);
        if (m_parser.m_nameRefs)
            m_parser.m_nameRefs->push_back({offset, isInline, n.name});
        if (isInline)
            skip(8 + 2 * qsizetype(n.name.size()) + 2);
        return n;
    }

private:
    ChunkParser &m_parser;
    const uchar *m_data;
    qsizetype m_pos;
    qsizetype m_end;
};

namespace {

bool isValueToken(quint8 t)
{
    switch (t & ~MoreFlag) {
    case ValueToken:
    case NormalSubstitution:
    case OptionalSubstitution:
    case CDataSection:
    case CharRef:
    case EntityRef:
        return true;
    default:
        return false;
    }
}

} // namespace

class DocumentParser
{
public:
    DocumentParser(ChunkParser::Cursor &cursor, Document &doc)
        : m_c(cursor)
        , m_doc(doc)
    {
    }

    // Elements up to the end-of-fragment token (or the end of the range).
    void parseRoots()
    {
        while (!m_c.atEnd()) {
            const quint8 t = m_c.peek();
            if (t == EndOfFragment) {
                m_c.skip(1);
                return;
            }
            if ((t & ~MoreFlag) == OpenStartElement) {
                m_doc.roots.append(parseElement(0));
            } else if (t == FragmentHeader) {
                m_c.skip(4);
            } else if ((t & ~MoreFlag) == PITarget || t == PIData) {
                skipProcessingInstruction();
            } else {
                fail(QStringLiteral("unexpected binary XML token 0x%1 at chunk offset %2")
                         .arg(t, 2, 16, QLatin1Char('0'))
                         .arg(m_c.pos()));
            }
        }
    }

    Item parseItem()
    {
        const quint8 t = m_c.u8();
        Item item;
        switch (t & ~MoreFlag) {
        case ValueToken: {
            const quint8 type = m_c.u8();
            if (type == StringType) {
                item.text = m_c.utf16(m_c.u16());
            } else {
                const quint32 size = fixedSize(type, 8);
                if (!size)
                    fail(QStringLiteral("unsupported literal value type 0x%1").arg(type, 2, 16, QLatin1Char('0')));
                Value v {type, m_c.take(size), size};
                appendValueText(item.text, v);
            }
            return item;
        }
        case NormalSubstitution:
        case OptionalSubstitution:
            item.kind = (t & ~MoreFlag) == NormalSubstitution ? Item::Substitution : Item::OptionalSubstitution;
            item.index = m_c.u16();
            item.type = m_c.u8();
            return item;
        case CDataSection:
            item.text = m_c.utf16(m_c.u16());
            return item;
        case CharRef:
            item.text = QChar(m_c.u16());
            return item;
        case EntityRef: {
            const QString &entity = m_c.name().name;
            if (entity == QLatin1String("amp"))
                item.text = QStringLiteral("&");
            else if (entity == QLatin1String("lt"))
                item.text = QStringLiteral("<");
            else if (entity == QLatin1String("gt"))
                item.text = QStringLiteral(">");
            else if (entity == QLatin1String("quot"))
                item.text = QStringLiteral("\"");
            else if (entity == QLatin1String("apos"))
                item.text = QStringLiteral("'");
            else
                item.text = QLatin1Char('&') + entity + QLatin1Char(';');
            return item;
        }
        default:
            fail(QStringLiteral("unexpected binary XML token 0x%1").arg(t, 2, 16, QLatin1Char('0')));
        }
    }

private:
    void skipProcessingInstruction()
    {
        const quint8 t = m_c.u8();
        if ((t & ~MoreFlag) == PITarget)
            m_c.name();
        else
            m_c.utf16(m_c.u16());
    }

    qint32 parseElement(int depth)
    {
        if (depth > MaxElementDepth)
            fail(QStringLiteral("binary XML nested too deeply"));
        const qsizetype tokenPos = m_c.pos();
        const quint8 token = m_c.u8();
        // Element starts carry a 2-byte dependency id before their size in templates
        // written by Windows, but not in some nested fragments. The name offset tells
        // which layout this is: it either points at the bytes that follow (an inline
        // name) or back to a name already stored in the chunk.
        const qsizetype withId = tokenPos + 1 + 2 + 4;
        const qsizetype withoutId = tokenPos + 1 + 4;
        const auto plausible = [&](qsizetype at) {
            const quint32 off = m_c.u32At(at);
            return qsizetype(off) == at + 4 || (off >= 512 && qsizetype(off) < tokenPos);
        };
        if (m_c.end() - m_c.pos() >= 10 && plausible(withId))
            m_c.skip(2 + 4);
        else if (plausible(withoutId))
            m_c.skip(4);
        else
            fail(QStringLiteral("invalid element name reference at chunk offset %1").arg(tokenPos));

        Element element;
        const ChunkParser::NameEntry &elementName = m_c.name();
        element.name = elementName.name;
        element.id = elementName.element;
        if (token & MoreFlag) {
            m_c.u32(); // size of the attribute list: the tokens end it anyway
            while (!m_c.atEnd() && (m_c.peek() & ~MoreFlag) == AttributeToken) {
                m_c.skip(1);
                Attribute attribute;
                const ChunkParser::NameEntry &attributeName = m_c.name();
                attribute.name = attributeName.name;
                attribute.id = attributeName.attribute;
                while (!m_c.atEnd() && isValueToken(m_c.peek()))
                    attribute.value.append(parseItem());
                element.attributes.append(std::move(attribute));
            }
        }
        const qint32 index = qint32(m_doc.elements.size());
        m_doc.elements.append(std::move(element));

        const quint8 close = m_c.u8();
        if (close == CloseEmptyElement)
            return index;
        if (close != CloseStartElement)
            fail(QStringLiteral("element <%1> not closed properly at chunk offset %2")
                     .arg(m_doc.elements.at(index).name)
                     .arg(m_c.pos() - 1));
        for (;;) {
            const quint8 t = m_c.peek();
            const quint8 base = t & ~MoreFlag;
            if (base == EndElement) {
                m_c.skip(1);
                return index;
            }
            if (base == OpenStartElement) {
                const qint32 child = parseElement(depth + 1);
                Part part;
                part.child = child;
                m_doc.elements[index].content.append(std::move(part));
            } else if (isValueToken(t)) {
                Part part;
                part.item = parseItem();
                m_doc.elements[index].content.append(std::move(part));
            } else if (base == PITarget || t == PIData) {
                skipProcessingInstruction();
            } else {
                fail(QStringLiteral("unexpected binary XML token 0x%1 in <%2> at chunk offset %3")
                         .arg(t, 2, 16, QLatin1Char('0'))
                         .arg(m_doc.elements.at(index).name)
                         .arg(m_c.pos()));
            }
        }
    }

    ChunkParser::Cursor &m_c;
    Document &m_doc;
};

namespace {
std::atomic<quint64> s_parserGeneration {0};
}

ChunkParser::ChunkParser(QByteArrayView chunk, TemplateCache *cache, Walk walk)
    : m_chunk(chunk)
    , m_cache(cache)
    , m_walk(walk)
    , m_generation(++s_parserGeneration)
{
}

size_t TemplateCache::keyOf(QByteArrayView definition)
{
    return qHash(definition.first(std::min<qsizetype>(definition.size(), 20)));
}

std::shared_ptr<Document> TemplateCache::find(QByteArrayView chunk, qsizetype offset, QByteArrayView definition) const
{
    const auto it = m_entries.constFind(keyOf(definition));
    if (it == m_entries.cend())
        return nullptr;
    const auto *base = reinterpret_cast<const uchar *>(chunk.data());
    for (const Entry &e : *it) {
        if (e.definition != definition)
            continue;
        bool same = true;
        for (const NameRef &ref : e.names) {
            if (ref.isInline) {
                // Stored inline here: the same bytes mean the same name only at the
                // same place, where the reference still points at itself.
                same = offset == e.offset;
            } else {
                // Next-name offset (4), hash (2), character count (2), characters.
                const qsizetype at = qsizetype(ref.offset);
                const qsizetype chars = ref.name.size();
                same = at >= 0 && at + 8 + 2 * chars <= chunk.size() && readLE<quint16>(base + at + 6) == chars
                    && std::memcmp(base + at + 8, ref.name.utf16(), size_t(2 * chars)) == 0;
            }
            if (!same)
                break;
        }
        if (same)
            return e.document;
    }
    return nullptr;
}

void TemplateCache::insert(Entry entry)
{
    const qsizetype bytes = entry.definition.size();
    if (m_bytes + bytes > MaxBytes)
        clear();
    std::vector<Entry> &bucket = m_entries[keyOf(entry.definition)];
    if (qsizetype(bucket.size()) >= MaxPerKey) {
        m_bytes -= bucket.front().definition.size();
        --m_count;
        bucket.erase(bucket.begin());
    }
    m_bytes += bytes;
    ++m_count;
    bucket.push_back(std::move(entry));
}

void TemplateCache::clear()
{
    m_entries.clear();
    m_bytes = 0;
    m_count = 0;
}

const ChunkParser::NameEntry &ChunkParser::nameAt(qsizetype offset)
{
    const auto it = m_names.constFind(quint32(offset));
    if (it != m_names.cend())
        return *it;
    // next-name offset (4), hash (2), character count (2), characters, NUL
    if (offset < 0 || offset + 8 > m_chunk.size())
        fail(QStringLiteral("name reference outside the chunk (offset %1)").arg(offset));
    const auto *p = reinterpret_cast<const uchar *>(m_chunk.data()) + offset;
    const quint16 count = readLE<quint16>(p + 6);
    if (offset + 8 + 2 * qsizetype(count) > m_chunk.size())
        fail(QStringLiteral("name at chunk offset %1 runs past the chunk").arg(offset));
    NameEntry entry;
    appendScalar(entry.name, StringType, p + 8, 2u * count);
    // Resolved once per name and chunk, not once per element.
    entry.element = elementNames().value(entry.name, Name::Other);
    entry.attribute = attributeNames().value(entry.name, Name::Other);
    return *m_names.insert(quint32(offset), entry);
}

const Document *ChunkParser::templateAt(qsizetype offset, int depth)
{
    Q_UNUSED(depth)
    RecentTemplate &recent = m_recent[size_t(offset ^ (offset >> 6)) % std::size(m_recent)];
    if (recent.document && recent.offset == offset)
        return recent.document;
    const auto it = m_templates.constFind(quint32(offset));
    if (it != m_templates.cend()) {
        if (!it->get())
            fail(QStringLiteral("template at chunk offset %1 is damaged").arg(offset));
        recent = {offset, it->get()};
        return it->get();
    }
    // next-template offset (4), GUID (16), data size (4), then the body.
    if (offset < 512 || offset + 24 > m_chunk.size()) {
        m_templates.insert(quint32(offset), nullptr);
        fail(QStringLiteral("template reference outside the chunk (offset %1)").arg(offset));
    }
    const quint32 size = readLE<quint32>(reinterpret_cast<const uchar *>(m_chunk.data()) + offset + 20);
    const bool fits = qsizetype(size) <= m_chunk.size() - offset - 24;
    // GUID, size and body: what must match for a cached parse to be reused.
    const QByteArrayView definition = fits ? m_chunk.sliced(offset + 4, 20 + qsizetype(size)) : QByteArrayView();
    if (m_cache && fits) {
        if (std::shared_ptr<Document> cached = m_cache->find(m_chunk, offset, definition)) {
            m_templates.insert(quint32(offset), cached);
            return cached.get();
        }
    }
    auto doc = std::make_shared<Document>();
    std::vector<TemplateCache::NameRef> names;
    try {
        if (!fits)
            fail(QStringLiteral("template at chunk offset %1 runs past the chunk").arg(offset));
        Cursor c(*this, offset + 24, offset + 24 + qsizetype(size));
        DocumentParser parser(c, *doc);
        m_nameRefs = m_cache ? &names : nullptr;
        parser.parseRoots();
        m_nameRefs = nullptr;
        if (doc->roots.isEmpty())
            fail(QStringLiteral("template at chunk offset %1 is empty").arg(offset));
    } catch (const DecodeError &) {
        // Remember the failure: every record using the template would parse it again.
        m_nameRefs = nullptr;
        m_templates.insert(quint32(offset), nullptr);
        throw;
    }
    m_templates.insert(quint32(offset), doc);
    if (m_cache)
        m_cache->insert({offset, definition.toByteArray(), std::move(names), doc});
    return doc.get();
}

void ChunkParser::parseFragment(
    qsizetype pos, qsizetype end, std::unique_ptr<Document> &scratch, int depth, Instance &instance)
{
    if (depth > MaxFragmentDepth)
        fail(QStringLiteral("binary XML values nested too deeply"));
    Cursor c(*this, pos, end);
    if (c.peek() == FragmentHeader)
        c.skip(4);
    const quint8 t = c.peek();
    if (t == TemplateInstance) {
        c.skip(2); // token, unknown byte
        c.u32(); // template id: the offset identifies it within the chunk
        const quint32 defOffset = c.u32();
        if (defOffset == quint32(c.pos())) {
            // The definition follows inline (its first use in this chunk): step over it.
            c.need(24);
            const quint32 size = c.u32At(c.pos() + 20);
            c.skip(24);
            c.skip(qsizetype(size));
        }
        instance.document = templateAt(defOffset, depth);
        const quint32 count = c.u32();
        if (qsizetype(count) > (c.end() - c.pos()) / 4)
            fail(QStringLiteral("substitution count %1 exceeds the record").arg(count));
        instance.values.resize(count);
        // Descriptors (size, type, padding), then the values back to back: one bounds
        // check for each block instead of one per field.
        const uchar *desc = c.take(4 * qsizetype(count));
        qsizetype total = 0;
        Value *values = instance.values.data();
        for (quint32 i = 0; i < count; ++i) {
            values[i].size = readLE<quint16>(desc + 4 * i);
            values[i].type = desc[4 * i + 2];
            total += values[i].size;
        }
        const uchar *data = c.take(total);
        for (quint32 i = 0; i < count; ++i) {
            values[i].data = data;
            data += values[i].size;
            if (values[i].type == NullType)
                values[i].size = 0;
        }
        return;
    }
    if ((t & ~MoreFlag) != OpenStartElement)
        fail(QStringLiteral("record holds neither a template instance nor an element (token 0x%1)")
                 .arg(t, 2, 16, QLatin1Char('0')));
    scratch = std::make_unique<Document>();
    DocumentParser parser(c, *scratch);
    parser.parseRoots();
    instance.document = scratch.get();
    instance.values.clear();
}

// Walks a parsed document with its substitution values and fills a WinEventRecord.
// Runs once per record, so it works on the name ids resolved at parse time and
// converts only the values it keeps.
class Extractor
{
public:
    Extractor(ChunkParser &parser, WinEventRecord &record)
        : m_parser(parser)
        , m_r(record)
    {
    }

    enum class Context { Top, Event, System, EventData, UserData };

    void instance(const ChunkParser::Instance &inst, Context context, const QString &prefix, int depth)
    {
        std::vector<Memo> *outer = m_memo;
        auto *doc = const_cast<Document *>(inst.document);
        if (doc->memoGeneration != m_parser.m_generation) {
            // A template reused from an earlier chunk: its memo points into bytes that
            // may be gone (or reused for other data at the same address).
            for (Memo &m : doc->memo)
                m.data = nullptr;
            doc->memoGeneration = m_parser.m_generation;
            doc->memoRecord = 0;
        }
        if (m_parser.m_walk == ChunkParser::Walk::Plain) {
            m_memo = nullptr;
        } else if (doc->memoRecord == m_parser.m_recordSerial) {
            // Already used by this record, whose fields may borrow its memo's texts:
            // this use converts its values afresh.
            m_memo = nullptr;
        } else {
            doc->memoRecord = m_parser.m_recordSerial;
            if (doc->memo.size() < size_t(inst.values.size()))
                doc->memo.resize(size_t(inst.values.size()));
            m_memo = &doc->memo;
        }
        for (qint32 root : inst.document->roots)
            element(*inst.document, root, inst.values, context, prefix, depth);
        m_memo = outer;
    }

    bool sawTimeCreated = false;

private:
    using Values = QList<Value>;

    const Value *valueOf(const Item &item, const Values &values) const
    {
        if (item.kind == Item::Text || item.index >= values.size())
            return nullptr;
        return &values.at(item.index);
    }

    QString memoText(const Item &item, const Value &v) const
    {
        const QString *t = memoRef(item.index, v);
        return t ? *t : valueText(v);
    }
    // The memo's text for substitution `index` holding `v`, made only when the value
    // differs from the last record's; nullptr when this instance keeps no memo.
    const QString *memoRef(quint16 index, const Value &v) const
    {
        if (!m_memo || index >= m_memo->size())
            return nullptr;
        Memo &m = (*m_memo)[index];
        if (m.data && m.type == v.type && m.size == v.size && std::memcmp(m.data, v.data, v.size) == 0)
            return &m.text;
        m.data = v.data;
        m.size = v.size;
        m.type = v.type;
        m.text = valueText(v);
        return &m.text;
    }

    // One literal or substitution as text; nested XML has none.
    QString itemText(const Item &item, const Values &values) const
    {
        if (item.kind == Item::Text)
            return item.text;
        const Value *v = valueOf(item, values);
        return v && v->type != BinXmlType ? memoText(item, *v) : QString();
    }

    QString text(const QList<Item> &items, const Values &values) const
    {
        if (items.size() == 1)
            return itemText(items.front(), values);
        QString s;
        for (const Item &item : items) {
            if (item.kind == Item::Text) {
                s += item.text;
            } else if (const Value *v = valueOf(item, values); v && v->type != BinXmlType) {
                appendValueText(s, *v);
            }
        }
        return s;
    }

    QString contentText(const Element &e, const Values &values) const
    {
        if (e.content.size() == 1 && e.content.front().child < 0)
            return itemText(e.content.front().item, values);
        QString s;
        for (const Part &part : e.content) {
            if (part.child >= 0)
                continue;
            if (part.item.kind == Item::Text) {
                s += part.item.text;
            } else if (const Value *v = valueOf(part.item, values); v && v->type != BinXmlType) {
                appendValueText(s, *v);
            }
        }
        return s;
    }

    // Integers straight from their binary form; text only when a log stored them as text.
    static std::optional<quint64> binaryNumber(const Value &v)
    {
        const uchar *p = v.data;
        switch (v.type) {
        case UInt8Type:
        case Int8Type:
            if (v.size >= 1)
                return p[0];
            break;
        case UInt16Type:
        case Int16Type:
            if (v.size >= 2)
                return readLE<quint16>(p);
            break;
        case UInt32Type:
        case Int32Type:
        case HexInt32Type:
            if (v.size >= 4)
                return readLE<quint32>(p);
            break;
        case UInt64Type:
        case Int64Type:
        case HexInt64Type:
            if (v.size >= 8)
                return readLE<quint64>(p);
            break;
        case SizeTType:
            if (v.size == 4)
                return readLE<quint32>(p);
            if (v.size >= 8)
                return readLE<quint64>(p);
            break;
        default:
            break;
        }
        return std::nullopt;
    }
    static std::optional<quint64> parseNumber(const QString &text)
    {
        bool ok = false;
        const quint64 v = text.trimmed().toULongLong(&ok, 0);
        return ok ? std::optional<quint64>(v) : std::nullopt;
    }
    std::optional<quint64> itemNumber(const Item &item, const Values &values) const
    {
        if (const Value *v = valueOf(item, values)) {
            if (const auto n = binaryNumber(*v))
                return n;
        }
        return parseNumber(itemText(item, values));
    }
    std::optional<quint64> number(const QList<Item> &items, const Values &values) const
    {
        return items.size() == 1 ? itemNumber(items.front(), values) : parseNumber(text(items, values));
    }
    std::optional<quint64> contentNumber(const Element &e, const Values &values) const
    {
        if (e.content.size() == 1 && e.content.front().child < 0)
            return itemNumber(e.content.front().item, values);
        QList<Item> items;
        for (const Part &part : e.content) {
            if (part.child < 0)
                items.append(part.item);
        }
        return number(items, values);
    }

    const Attribute *attribute(const Element &e, Name id) const
    {
        for (const Attribute &a : e.attributes) {
            if (a.id == id)
                return &a;
        }
        return nullptr;
    }

    QString attributeText(const Element &e, Name id, const Values &values) const
    {
        const Attribute *a = attribute(e, id);
        return a ? text(a->value, values) : QString();
    }

    std::optional<qint64> timeOf(const QList<Item> &items, const Values &values) const
    {
        if (items.size() == 1)
            return itemTime(items.front(), values);
        return textTime(text(items, values));
    }
    std::optional<qint64> itemTime(const Item &item, const Values &values) const
    {
        if (const Value *v = valueOf(item, values)) {
            if (v->type == FileTimeType && v->size >= 8)
                return fileTimeToUnixUs(readLE<quint64>(v->data));
        }
        return textTime(itemText(item, values));
    }
    // Literal or SYSTEMTIME: ISO 8601 text.
    static std::optional<qint64> textTime(const QString &s)
    {
        const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
        if (!t.isValid())
            return std::nullopt;
        return t.toMSecsSinceEpoch() * 1000;
    }

    void children(
        const Element &e, const Document &doc, const Values &values, Context context, const QString &prefix, int depth)
    {
        for (const Part &part : e.content) {
            if (part.child >= 0) {
                element(doc, part.child, values, context, prefix, depth);
            } else if (const Value *v = valueOf(part.item, values); v && v->type == BinXmlType) {
                nested(*v, context, prefix, depth);
            }
        }
    }

    // A binary XML value: a fragment of its own (UserData payloads, some EventData).
    void nested(const Value &v, Context context, const QString &prefix, int depth)
    {
        if (!v.size)
            return;
        const qsizetype pos = v.data - reinterpret_cast<const uchar *>(m_parser.m_chunk.data());
        std::unique_ptr<Document> scratch;
        ChunkParser::Instance inst;
        // The depth's pooled substitution list; parseFragment checks the depth bound.
        auto &pools = m_parser.m_valuePools;
        const size_t level = size_t(depth) + 1;
        if (level < size_t(MaxFragmentDepth) + 1) {
            if (pools.size() <= level)
                pools.resize(level + 1);
            inst.values.swap(pools[level]);
        }
        const auto giveBack = qScopeGuard([&] {
            if (level < pools.size())
                inst.values.swap(pools[level]);
        });
        m_parser.parseFragment(pos, pos + v.size, scratch, depth + 1, inst);
        // Literal fragments are kept until the record is done: its fields may borrow
        // their names.
        if (scratch)
            m_parser.m_scratch.push_back(std::move(scratch));
        instance(inst, context, prefix, depth + 1);
    }

    // An element whose whole content is one substitution renders specially: left out
    // when the substitution is optional and has no value, repeated once per item
    // when the value is an array.
    enum class Sole { Other, Omitted, Array };
    const Value *soleValue(const Element &e, const Values &values) const
    {
        if (e.content.size() != 1 || e.content.front().child >= 0)
            return nullptr;
        return valueOf(e.content.front().item, values);
    }
    Sole soleContent(const Element &e, const Values &values) const
    {
        if (e.content.size() != 1 || e.content.front().child >= 0)
            return Sole::Other;
        const Item &item = e.content.front().item;
        if (item.kind == Item::Text)
            return Sole::Other;
        const Value *v = valueOf(item, values);
        if (item.kind == Item::OptionalSubstitution && (!v || v->type == NullType || v->size == 0))
            return Sole::Omitted;
        if (v && (v->type & ArrayFlag) && v->size)
            return Sole::Array;
        return Sole::Other;
    }

    // The System element's plan, made on its first use; nullptr when one of its fields
    // is not a single item or it holds anything but child elements (a substitution
    // there may be nested XML, which the walk handles).
    static const SystemPlan *systemPlan(const Document &doc, qint32 index)
    {
        auto &d = const_cast<Document &>(doc);
        if (d.planState.size() < size_t(d.elements.size()))
            d.planState.resize(size_t(d.elements.size()), 0);
        quint8 &state = d.planState[size_t(index)];
        if (state == 0) {
            SystemPlan plan;
            bool ok = true;
            for (const Part &part : doc.elements.at(index).content) {
                if (part.child < 0) {
                    ok = false;
                    break;
                }
                // The walk reads an element's content only when it is one text or
                // substitution part; anything else takes the walk too.
                systemFields(doc.elements.at(part.child),
                    [&](SystemPlan::Target target, const QList<Item> *items, const Element *content) {
                        if (items && items->size() == 1)
                            plan.fields.push_back({target, &items->front()});
                        else if (content && content->content.size() == 1 && content->content.front().child < 0)
                            plan.fields.push_back({target, &content->content.front().item});
                        else
                            ok = false;
                    });
                if (!ok)
                    break;
            }
            state = ok ? 2 : 1;
            if (ok)
                d.systemPlans.insert(index, plan);
        }
        return state == 2 ? &*d.systemPlans.constFind(index) : nullptr;
    }

    // Where the fields of a child of System come from, in document order: an
    // attribute's items, or the element's content. The one mapping both the walk and
    // the plan follow.
    template<typename Field> static void systemFields(const Element &e, Field &&field)
    {
        using T = SystemPlan::Target;
        const auto firstAttribute = [&](Name id, T target) {
            for (const Attribute &a : e.attributes) {
                if (a.id == id) {
                    field(target, &a.value, nullptr);
                    return;
                }
            }
        };
        switch (e.id) {
        case Name::Provider:
            for (const Attribute &a : e.attributes) {
                if (a.id == Name::AttrName)
                    field(T::ProviderName, &a.value, nullptr);
                else if (a.id == Name::AttrGuid)
                    field(T::ProviderGuid, &a.value, nullptr);
                else if (a.id == Name::AttrEventSourceName)
                    field(T::EventSourceName, &a.value, nullptr);
            }
            return;
        case Name::EventID:
            return field(T::EventID, nullptr, &e);
        case Name::Version:
            return field(T::Version, nullptr, &e);
        case Name::Level:
            return field(T::Level, nullptr, &e);
        case Name::Task:
            return field(T::Task, nullptr, &e);
        case Name::Opcode:
            return field(T::Opcode, nullptr, &e);
        case Name::Keywords:
            return field(T::Keywords, nullptr, &e);
        case Name::TimeCreated:
            return firstAttribute(Name::AttrSystemTime, T::TimeCreated);
        case Name::EventRecordID:
            return field(T::EventRecordID, nullptr, &e);
        case Name::Execution:
            for (const Attribute &a : e.attributes) {
                if (a.id == Name::AttrProcessID)
                    field(T::ProcessID, &a.value, nullptr);
                else if (a.id == Name::AttrThreadID)
                    field(T::ThreadID, &a.value, nullptr);
            }
            return;
        case Name::Channel:
            return field(T::Channel, nullptr, &e);
        case Name::Computer:
            return field(T::Computer, nullptr, &e);
        case Name::Security:
            return firstAttribute(Name::AttrUserID, T::UserID);
        default:
            return;
        }
    }

    // Sets one header field of the record; `text`, `number` and `time` read its source.
    // Inlined into both callers, so the plan's path reads items without calls through
    // the lambdas (2 % of decoding otherwise).
    template<typename Text, typename Number, typename Time>
    Q_ALWAYS_INLINE void setSystemField(SystemPlan::Target target, Text &&text, Number &&number, Time &&time)
    {
        using T = SystemPlan::Target;
        switch (target) {
        case T::ProviderName:
            m_r.provider = text();
            return;
        case T::ProviderGuid:
            m_r.providerGuid = text();
            return;
        case T::EventSourceName:
            if (m_r.provider.isEmpty())
                m_r.provider = text();
            return;
        case T::EventID:
            if (const auto v = number())
                m_r.eventId = quint32(*v & 0xffff);
            return;
        case T::Version:
            if (const auto v = number())
                m_r.version = int(*v & 0xff);
            return;
        case T::Level:
            if (const auto v = number())
                m_r.level = int(*v & 0xff);
            return;
        case T::Task:
            if (const auto v = number())
                m_r.task = int(*v & 0xffff);
            return;
        case T::Opcode:
            if (const auto v = number())
                m_r.opcode = int(*v & 0xff);
            return;
        case T::Keywords:
            m_r.keywords = text();
            return;
        case T::TimeCreated:
            if (const auto t = time()) {
                m_r.timeUs = *t;
                sawTimeCreated = true;
            }
            return;
        case T::EventRecordID:
            if (const auto v = number())
                m_r.recordId = *v;
            return;
        case T::ProcessID:
            if (const auto v = number())
                m_r.processId = qint64(*v & 0xffffffffu);
            return;
        case T::ThreadID:
            if (const auto v = number())
                m_r.threadId = qint64(*v & 0xffffffffu);
            return;
        case T::Channel:
            m_r.channel = text();
            return;
        case T::Computer:
            m_r.computer = text();
            return;
        case T::UserID:
            m_r.userSid = text();
            return;
        }
    }

    // The plan's fields, each from its one item.
    void fromPlan(const SystemPlan &plan, const Values &values)
    {
        for (const SystemPlan::Field &f : plan.fields) {
            const Item &item = *f.item;
            setSystemField(
                f.target, [&] { return itemText(item, values); }, [&] { return itemNumber(item, values); },
                [&] { return itemTime(item, values); });
        }
    }

    // The fast path for EventData: false when the element does not qualify or this
    // record's values need the general walk (nested XML, arrays).
    bool planned(const Document &doc, qint32 index, const Values &values)
    {
        auto &d = const_cast<Document &>(doc);
        if (d.planState.size() < size_t(d.elements.size()))
            d.planState.resize(size_t(d.elements.size()), 0);
        quint8 &state = d.planState[size_t(index)];
        if (state == 0) {
            DataPlan plan;
            bool ok = true;
            for (const Part &part : doc.elements.at(index).content) {
                const Element *child = part.child >= 0 ? &doc.elements.at(part.child) : nullptr;
                if (!child || child->id != Name::Data || child->attributes.size() != 1
                    || child->attributes.front().id != Name::AttrName || child->attributes.front().value.size() != 1
                    || child->attributes.front().value.front().kind != Item::Text
                    || child->attributes.front().value.front().text.isEmpty() || child->content.size() != 1
                    || child->content.front().child >= 0 || child->content.front().item.kind == Item::Text) {
                    ok = false;
                    break;
                }
                const Item &item = child->content.front().item;
                plan.fields.push_back({&child->attributes.front().value.front().text, item.index,
                    item.kind == Item::OptionalSubstitution});
            }
            state = ok ? 2 : 1;
            if (ok) {
                for (size_t i = 0; i < plan.fields.size() && plan.distinctNames; ++i) {
                    for (size_t j = 0; j < i; ++j) {
                        if (*plan.fields[i].name == *plan.fields[j].name) {
                            plan.distinctNames = false;
                            break;
                        }
                    }
                }
                d.dataPlans.insert(index, plan);
            }
        }
        if (state != 2)
            return false;
        const DataPlan &plan = *d.dataPlans.constFind(index);
        for (const DataPlan::Field &f : plan.fields) {
            if (f.index < values.size()) {
                const Value &v = values.at(f.index);
                if (v.type == BinXmlType || (v.type & ArrayFlag))
                    return false;
            }
        }
        static const QString none;
        // The record may already hold fields (another payload): names may repeat.
        if (!plan.distinctNames || !m_r.data.isEmpty())
            m_r.data.mayRepeatNames();
        for (const DataPlan::Field &f : plan.fields) {
            if (f.index >= values.size()) {
                if (!f.optional)
                    m_r.data.appendBorrowed(*f.name, none);
                continue;
            }
            const Value &v = values.at(f.index);
            if (f.optional && (v.type == NullType || v.size == 0))
                continue;
            if (const QString *text = memoRef(f.index, v))
                m_r.data.appendBorrowed(*f.name, *text);
            else
                m_r.data.appendBorrowedName(*f.name, valueText(v));
        }
        return true;
    }

    bool hasChildElements(const Element &e, const Values &values) const
    {
        for (const Part &part : e.content) {
            if (part.child >= 0)
                return true;
            if (const Value *v = valueOf(part.item, values); v && v->type == BinXmlType && v->size)
                return true;
        }
        return false;
    }

    void element(
        const Document &doc, qint32 index, const Values &values, Context context, const QString &prefix, int depth)
    {
        const Element &e = doc.elements.at(index);
        switch (context) {
        case Context::Top:
            if (e.id == Name::Event)
                children(e, doc, values, Context::Event, prefix, depth);
            else
                element(doc, index, values, Context::Event, prefix, depth);
            return;
        case Context::Event:
            if (e.id == Name::System) {
                const bool fast = m_parser.m_walk == ChunkParser::Walk::Fast;
                if (const SystemPlan *plan = fast ? systemPlan(doc, index) : nullptr)
                    fromPlan(*plan, values);
                else
                    children(e, doc, values, Context::System, prefix, depth);
            } else if (e.id == Name::EventData) {
                if (m_parser.m_walk != ChunkParser::Walk::Fast || !planned(doc, index, values))
                    children(e, doc, values, Context::EventData, QString(), depth);
            } else if (e.id == Name::UserData)
                children(e, doc, values, Context::UserData, QString(), depth);
            return;
        case Context::System:
            system(e, values);
            return;
        case Context::EventData:
            if (e.id == Name::Data) {
                const QString named = attributeText(e, Name::AttrName, values);
                const auto nameOf = [&] {
                    return named.isEmpty() ? unnamedDataName(++m_unnamed) : named;
                };
                switch (soleContent(e, values)) {
                case Sole::Omitted:
                    return;
                case Sole::Array:
                    for (const QString &item : arrayItems(*soleValue(e, values)))
                        m_r.data.append({nameOf(), item});
                    return;
                case Sole::Other:
                    break;
                }
                const QString name = nameOf();
                if (hasChildElements(e, values))
                    children(e, doc, values, Context::UserData, name + QLatin1Char('/'), depth);
                else
                    m_r.data.append({name, contentText(e, values)});
            } else if (e.id == Name::Binary) {
                if (soleContent(e, values) != Sole::Omitted)
                    m_r.data.append({QStringLiteral("Binary"), contentText(e, values)});
            } else {
                element(doc, index, values, Context::UserData, prefix, depth);
            }
            return;
        case Context::UserData:
            if (hasChildElements(e, values)) {
                children(e, doc, values, Context::UserData, prefix + e.name + QLatin1Char('/'), depth);
                return;
            }
            switch (soleContent(e, values)) {
            case Sole::Omitted:
                return;
            case Sole::Array:
                for (const QString &item : arrayItems(*soleValue(e, values)))
                    m_r.data.append({prefix + e.name, item});
                return;
            case Sole::Other:
                m_r.data.append({prefix + e.name, contentText(e, values)});
                return;
            }
            return;
        }
    }

    // The walk: a child of System, whatever its shape.
    void system(const Element &e, const Values &values)
    {
        systemFields(e, [&](SystemPlan::Target target, const QList<Item> *items, const Element *content) {
            setSystemField(
                target, [&] { return items ? text(*items, values) : contentText(*content, values); },
                [&] { return items ? number(*items, values) : contentNumber(*content, values); },
                [&] { return items ? timeOf(*items, values) : std::nullopt; });
        });
    }

    ChunkParser &m_parser;
    WinEventRecord &m_r;
    std::vector<Memo> *m_memo = nullptr;
    int m_unnamed = 0;
};

void ChunkParser::decodeRecord(qsizetype dataOffset, qsizetype dataSize, WinEventRecord &out)
{
    m_scratch.clear();
    ++m_recordSerial;
    std::unique_ptr<Document> scratch;
    // The substitution list is reused from record to record (no allocation per record).
    Instance inst;
    if (m_valuePools.empty())
        m_valuePools.resize(1);
    inst.values.swap(m_valuePools.front());
    const auto giveBack = qScopeGuard([&] { inst.values.swap(m_valuePools.front()); });
    parseFragment(dataOffset, dataOffset + dataSize, scratch, 0, inst);
    if (scratch)
        m_scratch.push_back(std::move(scratch)); // the record's fields may borrow its names
    out.data.reserve(24);
    Extractor extractor(*this, out);
    extractor.instance(inst, Extractor::Context::Top, QString(), 0);
    if (!extractor.sawTimeCreated)
        out.timeUs = 0; // the caller falls back to the record header's time
}

// Renders a record as the XML Windows would show for it, for the raw-record view.
// Slow and thorough: it runs for one record at a time, when the analyst looks.
class XmlRenderer
{
public:
    explicit XmlRenderer(ChunkParser &parser)
        : m_parser(parser)
    {
    }

    void instance(const ChunkParser::Instance &inst, int indent, int depth)
    {
        for (qint32 root : inst.document->roots)
            element(*inst.document, root, inst.values, indent, depth);
    }

    QString out;

private:
    using Values = QList<Value>;

    static void escape(QString &out, const QString &s, bool attribute)
    {
        for (QChar c : s) {
            switch (c.unicode()) {
            case '&':
                out += QLatin1String("&amp;");
                break;
            case '<':
                out += QLatin1String("&lt;");
                break;
            case '>':
                out += QLatin1String("&gt;");
                break;
            case '"':
                if (attribute)
                    out += QLatin1String("&quot;");
                else
                    out += c;
                break;
            default:
                // Control characters are not allowed in XML 1.0 text: show them as references.
                if (c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\t') && c != QLatin1Char('\r'))
                    out += QStringLiteral("&#x%1;").arg(c.unicode(), 0, 16);
                else
                    out += c;
            }
        }
    }

    const Value *valueOf(const Item &item, const Values &values) const
    {
        if (item.kind == Item::Text || item.index >= values.size())
            return nullptr;
        return &values.at(item.index);
    }

    bool isNull(const Item &item, const Values &values) const
    {
        if (item.kind == Item::Text)
            return false;
        const Value *v = valueOf(item, values);
        return !v || v->type == NullType || v->size == 0;
    }

    QString itemText(const Item &item, const Values &values) const
    {
        if (item.kind == Item::Text)
            return item.text;
        const Value *v = valueOf(item, values);
        return v && v->type != BinXmlType ? valueText(*v) : QString();
    }

    void element(const Document &doc, qint32 index, const Values &values, int indent, int depth)
    {
        const Element &e = doc.elements.at(index);
        if (e.content.size() == 1 && e.content.front().child < 0 && e.content.front().item.kind != Item::Text) {
            const Item &item = e.content.front().item;
            const Value *v = valueOf(item, values);
            if (item.kind == Item::OptionalSubstitution && isNull(item, values))
                return;
            if (v && (v->type & ArrayFlag) && v->size) {
                for (const QString &text : arrayItems(*v))
                    leaf(e, values, indent, text);
                return;
            }
        }
        open(e, values, indent);
        body(doc, e, values, indent, depth);
    }

    void open(const Element &e, const Values &values, int indent)
    {
        out += QString(indent, QLatin1Char(' '));
        out += QLatin1Char('<');
        out += e.name;
        for (const Attribute &a : e.attributes) {
            // An optional substitution without a value leaves the attribute out.
            if (a.value.size() == 1 && a.value.front().kind == Item::OptionalSubstitution
                && isNull(a.value.front(), values))
                continue;
            out += QLatin1Char(' ');
            out += a.name;
            out += QLatin1String("=\"");
            QString v;
            for (const Item &item : a.value)
                v += itemText(item, values);
            escape(out, v, true);
            out += QLatin1Char('"');
        }
    }

    void leaf(const Element &e, const Values &values, int indent, const QString &text)
    {
        open(e, values, indent);
        if (text.isEmpty()) {
            out += QLatin1String("/>\n");
            return;
        }
        out += QLatin1Char('>');
        escape(out, text, false);
        out += QLatin1String("</");
        out += e.name;
        out += QLatin1String(">\n");
    }

    void body(const Document &doc, const Element &e, const Values &values, int indent, int depth)
    {
        bool hasChildren = false;
        QString text;
        for (const Part &part : e.content) {
            if (part.child >= 0) {
                hasChildren = true;
            } else if (const Value *v = valueOf(part.item, values); v && v->type == BinXmlType && v->size) {
                hasChildren = true;
            } else {
                text += itemText(part.item, values);
            }
        }
        if (!hasChildren) {
            if (text.isEmpty()) {
                out += QLatin1String("/>\n");
            } else {
                out += QLatin1Char('>');
                escape(out, text, false);
                out += QLatin1String("</");
                out += e.name;
                out += QLatin1String(">\n");
            }
            return;
        }
        out += QLatin1String(">\n");
        for (const Part &part : e.content) {
            if (part.child >= 0) {
                element(doc, part.child, values, indent + 2, depth);
            } else if (const Value *v = valueOf(part.item, values); v && v->type == BinXmlType && v->size) {
                const qsizetype pos = v->data - reinterpret_cast<const uchar *>(m_parser.m_chunk.data());
                std::unique_ptr<Document> scratch;
                ChunkParser::Instance inst;
                m_parser.parseFragment(pos, pos + v->size, scratch, depth + 1, inst);
                instance(inst, indent + 2, depth + 1);
                if (scratch)
                    m_parser.m_scratch.push_back(std::move(scratch));
            } else {
                const QString t = itemText(part.item, values);
                if (!t.isEmpty()) {
                    out += QString(indent + 2, QLatin1Char(' '));
                    escape(out, t, false);
                    out += QLatin1Char('\n');
                }
            }
        }
        out += QString(indent, QLatin1Char(' '));
        out += QLatin1String("</");
        out += e.name;
        out += QLatin1String(">\n");
    }

    ChunkParser &m_parser;
};

QString ChunkParser::renderRecord(qsizetype dataOffset, qsizetype dataSize)
{
    m_scratch.clear();
    std::unique_ptr<Document> scratch;
    Instance inst;
    parseFragment(dataOffset, dataOffset + dataSize, scratch, 0, inst);
    XmlRenderer renderer(*this);
    renderer.instance(inst, 0, 0);
    return renderer.out;
}

} // namespace Chainscope::Evtx
