#include "evtxwriter.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QtEndian>

#include <zlib.h>

#include <cstring>
#include <limits>

namespace Chainscope {

namespace {

// 100 ns ticks between 1601-01-01 and 1970-01-01.
constexpr quint64 FileTimeUnixEpoch = 116444736000000000ull;

quint32 crc32Of(const char *data, qsizetype size, quint32 seed = 0)
{
    return quint32(::crc32(seed, reinterpret_cast<const Bytef *>(data), uInt(size)));
}

QByteArray utf16Bytes(QStringView text)
{
    QByteArray out(text.size() * 2, Qt::Uninitialized);
    char *p = out.data();
    for (QChar c : text) {
        qToLittleEndian<quint16>(c.unicode(), p);
        p += 2;
    }
    return out;
}

// Parses "YYYY-MM-DDTHH:MM:SS[.fraction][Z]" (UTC) into FILETIME ticks; the fraction
// keeps up to 7 digits, the resolution of FILETIME.
std::optional<quint64> parseIsoTicks(const QString &text)
{
    static const QRegularExpression rx(
        QStringLiteral(R"(^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?Z?$)"));
    const QRegularExpressionMatch m = rx.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    if (!date.isValid() || !time.isValid() || date.year() < 1601)
        return std::nullopt;
    const qint64 secs = QDateTime(date, time, Qt::UTC).toSecsSinceEpoch();
    const QString fraction = (m.captured(7) + QStringLiteral("0000000")).left(7);
    const qint64 ticks = secs * 10000000 + fraction.toLongLong() + qint64(FileTimeUnixEpoch);
    return quint64(ticks);
}

// Windows stores GUIDs as the struct: Data1..Data3 little-endian, Data4 as bytes.
void guidBytes(const QUuid &guid, char *out)
{
    qToLittleEndian<quint32>(guid.data1, out);
    qToLittleEndian<quint16>(guid.data2, out + 4);
    qToLittleEndian<quint16>(guid.data3, out + 6);
    std::memcpy(out + 8, guid.data4, 8);
}

std::optional<quint64> parseUnsigned(const QString &text, quint64 max, bool hexOnly)
{
    bool ok = false;
    quint64 v = 0;
    if (text.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        v = QStringView(text).mid(2).toULongLong(&ok, 16);
    else
        v = text.toULongLong(&ok, hexOnly ? 16 : 10);
    if (!ok || v > max)
        return std::nullopt;
    return v;
}

std::optional<qint64> parseSigned(const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok, 10);
    if (!ok || v < min || v > max)
        return std::nullopt;
    return v;
}

} // namespace

// ---- EvtxValue ----

EvtxValue EvtxValue::scalar(Evtx::ValueType type, quint64 v, quint8 size)
{
    EvtxValue value;
    value.m_type = quint8(type);
    value.m_scalarSize = size;
    value.m_scalar = qToLittleEndian(v); // the low `size` bytes come first on any host
    return value;
}

QByteArrayView EvtxValue::bytes() const
{
    if (m_scalarSize)
        return QByteArrayView(reinterpret_cast<const char *>(&m_scalar), m_scalarSize);
    if (!m_text.isEmpty())
        return QByteArrayView(reinterpret_cast<const char *>(m_text.utf16()), m_text.size() * 2);
    return m_bytes;
}

EvtxValue EvtxValue::raw(quint8 type, QByteArrayView bytes)
{
    EvtxValue value;
    value.m_type = type;
    value.m_bytes = bytes.toByteArray();
    return value;
}

EvtxValue EvtxValue::string(const QString &text)
{
    EvtxValue value;
    value.m_type = quint8(Evtx::StringType);
#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
    value.m_text = text;
#else
    value.m_bytes = utf16Bytes(text);
#endif
    return value;
}

EvtxValue EvtxValue::ansiString(QByteArrayView bytes)
{
    return raw(quint8(Evtx::AnsiStringType), bytes);
}

EvtxValue EvtxValue::real32(float v)
{
    quint32 bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    return scalar(Evtx::Real32Type, bits, 4);
}

EvtxValue EvtxValue::real64(double v)
{
    quint64 bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    return scalar(Evtx::Real64Type, bits, 8);
}

EvtxValue EvtxValue::binary(QByteArrayView bytes)
{
    return raw(quint8(Evtx::BinaryType), bytes);
}

EvtxValue EvtxValue::guid(const QUuid &guid)
{
    char b[16];
    guidBytes(guid, b);
    return raw(quint8(Evtx::GuidType), QByteArrayView(b, 16));
}

EvtxValue EvtxValue::systemTime(const QDateTime &utc)
{
    const QDateTime t = utc.toUTC();
    const QDate d = t.date();
    const QTime tm = t.time();
    const quint16 fields[8] = {quint16(d.year()), quint16(d.month()), quint16(d.dayOfWeek() % 7), quint16(d.day()),
        quint16(tm.hour()), quint16(tm.minute()), quint16(tm.second()), quint16(tm.msec())};
    char b[16];
    for (int i = 0; i < 8; ++i)
        qToLittleEndian<quint16>(fields[i], b + 2 * i);
    return raw(quint8(Evtx::SysTimeType), QByteArrayView(b, 16));
}

EvtxValue EvtxValue::sid(QStringView text)
{
    // S-R-A-S1-S2…: revision byte, sub-authority count, 48-bit big-endian identifier
    // authority, then each sub-authority as a little-endian 32-bit value.
    if (!text.startsWith(QLatin1String("S-"), Qt::CaseInsensitive))
        return {};
    const QList<QStringView> parts = text.mid(2).split(QLatin1Char('-'));
    if (parts.size() < 2 || parts.size() > 2 + 15)
        return {};
    bool ok = false;
    const uint revision = parts.at(0).toUInt(&ok);
    if (!ok || revision > 255)
        return {};
    const quint64 authority = parts.at(1).toULongLong(&ok);
    if (!ok || authority >= (quint64(1) << 48))
        return {};
    QByteArray b(8 + 4 * (parts.size() - 2), Qt::Uninitialized);
    b[0] = char(revision);
    b[1] = char(parts.size() - 2);
    qToBigEndian<quint16>(quint16(authority >> 32), b.data() + 2);
    qToBigEndian<quint32>(quint32(authority), b.data() + 4);
    for (qsizetype i = 2; i < parts.size(); ++i) {
        const quint64 sub = parts.at(i).toULongLong(&ok);
        if (!ok || sub > 0xffffffffull)
            return {};
        qToLittleEndian<quint32>(quint32(sub), b.data() + 8 + 4 * (i - 2));
    }
    return raw(quint8(Evtx::SidType), b);
}

EvtxValue EvtxValue::stringArray(const QStringList &items)
{
    // Every element ends with a NUL, the last one too.
    QByteArray b;
    for (const QString &s : items) {
        b += utf16Bytes(s);
        b.append(2, '\0');
    }
    return raw(quint8(Evtx::arrayOf(Evtx::StringType)), b);
}

EvtxValue EvtxValue::ansiStringArray(const QList<QByteArray> &items)
{
    QByteArray b;
    for (const QByteArray &s : items) {
        b += s;
        b.append('\0');
    }
    return raw(quint8(Evtx::arrayOf(Evtx::AnsiStringType)), b);
}

namespace {
template<typename T> QByteArray packLittleEndian(const QList<T> &items)
{
    QByteArray b(items.size() * qsizetype(sizeof(T)), Qt::Uninitialized);
    for (qsizetype i = 0; i < items.size(); ++i)
        qToLittleEndian<T>(items.at(i), b.data() + i * qsizetype(sizeof(T)));
    return b;
}
} // namespace

EvtxValue EvtxValue::uint16Array(const QList<quint16> &items)
{
    return raw(quint8(Evtx::arrayOf(Evtx::UInt16Type)), packLittleEndian(items));
}

EvtxValue EvtxValue::uint32Array(const QList<quint32> &items)
{
    return raw(quint8(Evtx::arrayOf(Evtx::UInt32Type)), packLittleEndian(items));
}

EvtxValue EvtxValue::uint64Array(const QList<quint64> &items)
{
    return raw(quint8(Evtx::arrayOf(Evtx::UInt64Type)), packLittleEndian(items));
}

EvtxValue EvtxValue::array(Evtx::ValueType element, QByteArrayView packed)
{
    return raw(quint8(Evtx::arrayOf(element)), packed);
}

// ---- EvtxEvent ----

quint64 EvtxEvent::fileTimeFromUnixUs(qint64 unixUs)
{
    const qint64 ticks = unixUs * 10 + qint64(FileTimeUnixEpoch);
    return ticks < 0 ? 0 : quint64(ticks);
}

std::optional<EvtxValue> EvtxEvent::parseValue(Evtx::ValueType type, const QString &text)
{
    switch (type) {
    case Evtx::NullType:
        return EvtxValue();
    case Evtx::StringType:
        return EvtxValue::string(text);
    case Evtx::AnsiStringType: {
        // The default code page of evtxexport and of western Windows, Latin-1 in its
        // printable range.
        for (QChar c : text) {
            if (c.unicode() > 0xff)
                return std::nullopt;
        }
        return EvtxValue::ansiString(text.toLatin1());
    }
    case Evtx::Int8Type:
        if (const auto v = parseSigned(text, -128, 127))
            return EvtxValue::int8(qint8(*v));
        return std::nullopt;
    case Evtx::UInt8Type:
        if (const auto v = parseUnsigned(text, 0xff, false))
            return EvtxValue::uint8(quint8(*v));
        return std::nullopt;
    case Evtx::Int16Type:
        if (const auto v = parseSigned(text, -32768, 32767))
            return EvtxValue::int16(qint16(*v));
        return std::nullopt;
    case Evtx::UInt16Type:
        if (const auto v = parseUnsigned(text, 0xffff, false))
            return EvtxValue::uint16(quint16(*v));
        return std::nullopt;
    case Evtx::Int32Type:
        if (const auto v = parseSigned(text, std::numeric_limits<qint32>::min(), std::numeric_limits<qint32>::max()))
            return EvtxValue::int32(qint32(*v));
        return std::nullopt;
    case Evtx::UInt32Type:
        if (const auto v = parseUnsigned(text, 0xffffffffull, false))
            return EvtxValue::uint32(quint32(*v));
        return std::nullopt;
    case Evtx::Int64Type:
        if (const auto v = parseSigned(text, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()))
            return EvtxValue::int64(*v);
        return std::nullopt;
    case Evtx::UInt64Type:
        if (const auto v = parseUnsigned(text, std::numeric_limits<quint64>::max(), false))
            return EvtxValue::uint64(*v);
        return std::nullopt;
    case Evtx::Real32Type: {
        bool ok = false;
        const float v = text.toFloat(&ok);
        return ok ? std::optional(EvtxValue::real32(v)) : std::nullopt;
    }
    case Evtx::Real64Type: {
        bool ok = false;
        const double v = text.toDouble(&ok);
        return ok ? std::optional(EvtxValue::real64(v)) : std::nullopt;
    }
    case Evtx::BoolType:
        if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 || text == QLatin1String("1"))
            return EvtxValue::boolean(true);
        if (text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0 || text == QLatin1String("0"))
            return EvtxValue::boolean(false);
        return std::nullopt;
    case Evtx::BinaryType: {
        static const QRegularExpression hex(QStringLiteral("^(?:[0-9A-Fa-f]{2})*$"));
        if (!hex.match(text).hasMatch())
            return std::nullopt;
        return EvtxValue::binary(QByteArray::fromHex(text.toLatin1()));
    }
    case Evtx::GuidType: {
        static const QRegularExpression rx(
            QStringLiteral(R"(^\{?[0-9A-Fa-f]{8}-(?:[0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}\}?$)"));
        if (!rx.match(text).hasMatch())
            return std::nullopt;
        return EvtxValue::guid(QUuid(text));
    }
    case Evtx::SizeTType:
        if (const auto v = parseUnsigned(text, std::numeric_limits<quint64>::max(), true))
            return EvtxValue::sizeT(*v);
        return std::nullopt;
    case Evtx::FileTimeType:
        if (const auto v = parseIsoTicks(text))
            return EvtxValue::fileTime(*v);
        return std::nullopt;
    case Evtx::SysTimeType: {
        const auto ticks = parseIsoTicks(text);
        if (!ticks)
            return std::nullopt;
        const qint64 ms = qint64(*ticks - FileTimeUnixEpoch) / 10000;
        return EvtxValue::systemTime(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
    }
    case Evtx::SidType: {
        EvtxValue v = EvtxValue::sid(text);
        return v.isNull() ? std::nullopt : std::optional(v);
    }
    case Evtx::HexInt32Type:
        if (const auto v = parseUnsigned(text, 0xffffffffull, true))
            return EvtxValue::hexInt32(quint32(*v));
        return std::nullopt;
    case Evtx::HexInt64Type:
        if (const auto v = parseUnsigned(text, std::numeric_limits<quint64>::max(), true))
            return EvtxValue::hexInt64(*v);
        return std::nullopt;
    default:
        // Arrays and binary XML have no single-text form in a WinEventRecord.
        return std::nullopt;
    }
}

std::optional<EvtxEvent> EvtxEvent::fromRecord(
    const WinEventRecord &record, const std::function<Evtx::ValueType(const QString &name)> &typeOf, QString *error)
{
    const auto fail = [&](const QString &message) -> std::optional<EvtxEvent> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    EvtxEvent e;
    e.provider = record.provider;
    if (!record.providerGuid.isEmpty()) {
        e.providerGuid = QUuid(record.providerGuid);
        if (e.providerGuid.isNull())
            return fail(QStringLiteral("provider GUID \"%1\" does not parse").arg(record.providerGuid));
    } else {
        e.version.reset();
        e.opcode.reset();
    }
    if (record.eventId > 0xffff)
        return fail(QStringLiteral("event ID %1 does not fit 16 bits").arg(record.eventId));
    e.eventId = quint16(record.eventId);
    if (e.version)
        e.version = quint8(record.version);
    e.level = quint8(record.level);
    e.task = quint16(record.task);
    if (e.opcode)
        e.opcode = quint8(record.opcode);
    if (record.keywords.isEmpty()) {
        e.keywords = 0;
    } else if (const auto k = parseUnsigned(record.keywords, std::numeric_limits<quint64>::max(), true)) {
        e.keywords = *k;
    } else {
        return fail(QStringLiteral("keywords \"%1\" do not parse").arg(record.keywords));
    }
    e.setTimeUs(record.timeUs);
    e.recordId = record.recordId;
    if (record.processId >= 0)
        e.processId = quint32(record.processId);
    if (record.threadId >= 0)
        e.threadId = quint32(record.threadId);
    e.channel = record.channel;
    e.computer = record.computer;
    if (!record.userSid.isEmpty()) {
        if (EvtxValue::sid(record.userSid).isNull())
            return fail(QStringLiteral("user SID \"%1\" does not parse").arg(record.userSid));
        e.userSid = record.userSid;
    }

    // Decide the payload form from the names, then type each value.
    bool userData = !record.data.isEmpty();
    bool unnamed = !record.data.isEmpty();
    int position = 0;
    for (const auto &[name, value] : record.data) {
        Q_UNUSED(value);
        if (name.count(QLatin1Char('/')) != 1)
            userData = false;
        if (name == QLatin1String("Binary"))
            continue;
        ++position;
        if (name != QStringLiteral("Data%1").arg(position))
            unnamed = false;
    }
    for (const auto &[name, text] : record.data) {
        const bool classicBinary = name == QLatin1String("Binary") && unnamed;
        Evtx::ValueType type = typeOf ? typeOf(name) : Evtx::StringType;
        if (classicBinary && type == Evtx::StringType)
            type = Evtx::BinaryType; // what classic providers log there
        const std::optional<EvtxValue> value = parseValue(type, text);
        if (!value)
            return fail(QStringLiteral("field %1: \"%2\" is not a value of type 0x%3")
                            .arg(name, text.left(80))
                            .arg(quint8(type), 2, 16, QLatin1Char('0')));
        if (userData) {
            const qsizetype slash = name.indexOf(QLatin1Char('/'));
            const QString element = name.left(slash);
            if (e.userDataElement.isEmpty())
                e.userDataElement = element;
            else if (e.userDataElement != element)
                return fail(
                    QStringLiteral("UserData fields under two elements (%1, %2)").arg(e.userDataElement, element));
            e.userData.append({name.mid(slash + 1), *value});
        } else if (classicBinary) {
            e.binary = *value;
        } else {
            e.eventData.append({unnamed ? QString() : name, *value});
        }
    }
    return e;
}

// ---- Templates ----

namespace {

// A piece of element content or of an attribute value.
struct TPiece
{
    enum Kind : quint8 { Text, Substitution, OptionalSubstitution, Child };
    Kind kind = Text;
    quint8 type = 0; // declared value type of a substitution
    quint16 index = 0; // substitution index
    int child = -1; // element index for Child
    QByteArray text; // UTF-16 for Text
};

struct TAttribute
{
    int name = -1;
    TPiece value;
};

struct TElement
{
    int name = -1;
    // The substitution whose null value removes the element, as Windows marks
    // elements that hold one optional value; -1 for none.
    qint16 dependency = -1;
    QList<TAttribute> attributes;
    QList<TPiece> content;
};

TPiece text(QStringView s)
{
    TPiece p;
    p.kind = TPiece::Text;
    p.text = utf16Bytes(s);
    return p;
}

TPiece substitution(quint16 index, Evtx::ValueType type, bool optional)
{
    TPiece p;
    p.kind = optional ? TPiece::OptionalSubstitution : TPiece::Substitution;
    p.type = quint8(type);
    p.index = index;
    return p;
}

TPiece child(int element)
{
    TPiece p;
    p.kind = TPiece::Child;
    p.child = element;
    return p;
}

// The names' hash Windows keeps in the chunk's string table: 65599-multiplicative over
// the UTF-16 code units, low 16 bits.
quint32 hash65599(const char *utf16, qsizetype units)
{
    quint32 h = 0;
    for (qsizetype i = 0; i < units; ++i)
        h = h * 65599u + qFromLittleEndian<quint16>(utf16 + 2 * i);
    return h;
}

// Substitution indexes of the System part, as Windows numbers them.
enum SystemValue : quint16 {
    ValLevel = 0,
    ValOpcode = 1,
    ValTask = 2,
    ValEventId = 3,
    ValQualifiers = 4,
    ValKeywords = 5,
    ValTimeCreated = 6,
    ValActivityId = 7,
    ValProcessId = 8,
    ValThreadId = 9,
    ValRecordId = 10,
    ValVersion = 11,
    ValUserId = 12,
    ValRelatedActivityId = 13,
    ValProviderName = 14,
    ValProviderGuid = 15,
    ValChannel = 16,
    ValPayload = 17, // EventData or UserData: binary XML holding a nested template instance
    SystemValueCount = 18,
};

// Which optional System elements a template holds (part of its key).
enum SystemShape : quint8 {
    HasVersion = 0x01,
    HasOpcode = 0x02,
    HasCorrelation = 0x04,
    HasExecution = 0x08,
    IsUserData = 0x10,
};

// How the EventData of an event is laid out.
enum class DataForm : quint8 {
    Named, // <Data Name="…"> per item (manifest providers); unnamed items may mix in
    ClassicArray, // one <Data> holding a string array: Windows renders one <Data> per string
};

DataForm dataForm(const EvtxEvent &e)
{
    if (e.eventData.isEmpty())
        return DataForm::Named;
    for (const EvtxDataItem &item : e.eventData) {
        if (!item.name.isEmpty() || item.value.type() != Evtx::StringType)
            return DataForm::Named;
    }
    return DataForm::ClassicArray;
}

// The type a template declares for a value: a null value has no type of its own.
Evtx::ValueType declaredType(const EvtxValue &v)
{
    return v.isNull() ? Evtx::StringType : v.type();
}

// A template key byte per value: its type code, 0 when null (a null value also
// changes the substitution token, so it is a different template).
char keyType(const EvtxValue &v)
{
    return char(v.typeCode());
}

const QString EventNamespace = QStringLiteral("http://schemas.microsoft.com/win/2004/08/events/event");

} // namespace

struct EvtxWriter::Template
{
    char guid[16] = {};
    quint32 id = 0; // the GUID's first four bytes, repeated in each instance
    QList<TElement> elements; // [0] is the root

    int add(TElement e)
    {
        elements.append(std::move(e));
        return int(elements.size() - 1);
    }
};

struct EvtxWriter::Chunk
{
    QByteArray data = QByteArray(ChunkSize, '\0');
    quint32 free = ChunkHeaderSize;
    quint32 lastRecord = 0;
    quint64 firstId = 0;
    quint64 lastId = 0;
    int records = 0;
    // Where this chunk defined each interned name / template; 0: not yet.
    std::vector<quint32> nameOffset;
    std::vector<quint32> templateOffset;
    // Definition order, to build the hash tables and undo a record that did not fit.
    std::vector<int> definedNames;
    std::vector<int> definedTemplates;
};

int EvtxWriter::nameId(const QString &name)
{
    const auto it = m_nameIds.constFind(name);
    if (it != m_nameIds.constEnd())
        return it.value();
    NameInfo info;
    info.utf16 = utf16Bytes(name);
    info.length = quint16(qMin<qsizetype>(name.size(), 0xffff));
    info.hash = quint16(hash65599(info.utf16.constData(), name.size()));
    m_names.push_back(info);
    const int id = int(m_names.size() - 1);
    m_nameIds.insert(name, id);
    return id;
}

int EvtxWriter::templateFor(const QByteArray &key, const std::function<void(Template &)> &build)
{
    const auto it = m_templateIds.constFind(key);
    if (it != m_templateIds.constEnd())
        return it.value();
    auto t = std::make_unique<Template>();
    // Windows derives template GUIDs from the template; any stable digest of the
    // structure keeps one GUID per distinct structure across chunks and runs.
    const QByteArray digest = QCryptographicHash::hash(key, QCryptographicHash::Md5);
    std::memcpy(t->guid, digest.constData(), 16);
    t->id = qFromLittleEndian<quint32>(t->guid);
    build(*t);
    m_templates.push_back(std::move(t));
    const int id = int(m_templates.size() - 1);
    m_templateIds.insert(key, id);
    return id;
}

// Serializes one record straight into the chunk. Writing past the chunk end only
// sets `overflow`; the caller then undoes the record and retries in a fresh chunk.
class EvtxWriter::RecordBuilder
{
public:
    RecordBuilder(EvtxWriter &writer, Chunk &chunk)
        : m_writer(writer)
        , m_chunk(chunk)
        , m_base(chunk.data.data())
        , m_pos(chunk.free)
    {
    }

    quint32 pos() const { return m_pos; }
    bool overflow() const { return m_overflow; }

    bool room(quint32 n)
    {
        if (m_overflow || quint64(m_pos) + n > quint64(ChunkSize)) {
            m_overflow = true;
            return false;
        }
        return true;
    }
    void put8(quint8 v)
    {
        if (room(1))
            m_base[m_pos++] = char(v);
    }
    void put16(quint16 v)
    {
        if (room(2)) {
            qToLittleEndian(v, m_base + m_pos);
            m_pos += 2;
        }
    }
    void put32(quint32 v)
    {
        if (room(4)) {
            qToLittleEndian(v, m_base + m_pos);
            m_pos += 4;
        }
    }
    void put64(quint64 v)
    {
        if (room(8)) {
            qToLittleEndian(v, m_base + m_pos);
            m_pos += 8;
        }
    }
    void putBytes(const char *data, qsizetype size)
    {
        if (size > 0 && room(quint32(qMin<qsizetype>(size, ChunkSize)))) {
            std::memcpy(m_base + m_pos, data, size_t(size));
            m_pos += quint32(size);
        }
    }
    void putUtf16(QStringView s)
    {
        if (!room(quint32(qMin<qsizetype>(s.size() * 2, ChunkSize))))
            return;
#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
        std::memcpy(m_base + m_pos, s.utf16(), size_t(s.size()) * 2);
        m_pos += quint32(s.size() * 2);
#else
        for (QChar c : s) {
            qToLittleEndian<quint16>(c.unicode(), m_base + m_pos);
            m_pos += 2;
        }
#endif
    }
    quint32 reserve32()
    {
        const quint32 at = m_pos;
        put32(0);
        return at;
    }
    void patch32(quint32 at, quint32 v)
    {
        if (!m_overflow)
            qToLittleEndian(v, m_base + at);
    }
    void patch16(quint32 at, quint16 v)
    {
        if (!m_overflow)
            qToLittleEndian(v, m_base + at);
    }

    void fragmentHeader()
    {
        put8(0x0f);
        put8(1); // major
        put8(1); // minor
        put8(0); // flags
    }

    // A name reference; the first use in a chunk defines the name right after it.
    void name(int id)
    {
        std::vector<quint32> &offsets = m_chunk.nameOffset;
        if (offsets.size() <= size_t(id))
            offsets.resize(m_writer.m_names.size(), 0);
        if (offsets[size_t(id)] != 0) {
            put32(offsets[size_t(id)]);
            return;
        }
        const NameInfo &info = m_writer.m_names[size_t(id)];
        const quint32 at = m_pos + 4;
        put32(at);
        put32(0); // next name in the hash bucket: linked when the chunk is finished
        put16(info.hash);
        put16(info.length);
        putBytes(info.utf16.constData(), info.utf16.size());
        put16(0);
        if (!m_overflow) {
            offsets[size_t(id)] = at;
            m_chunk.definedNames.push_back(id);
        }
    }

    void piece(const TPiece &p)
    {
        switch (p.kind) {
        case TPiece::Text:
            put8(0x05);
            put8(quint8(Evtx::StringType));
            put16(quint16(p.text.size() / 2));
            putBytes(p.text.constData(), p.text.size());
            break;
        case TPiece::Substitution:
        case TPiece::OptionalSubstitution:
            put8(p.kind == TPiece::Substitution ? 0x0d : 0x0e);
            put16(p.index);
            put8(p.type);
            break;
        case TPiece::Child:
            break; // handled by element()
        }
    }

    void element(const Template &t, int index)
    {
        const TElement &e = t.elements.at(index);
        put8(e.attributes.isEmpty() ? 0x01 : 0x41);
        put16(quint16(e.dependency));
        const quint32 sizeAt = reserve32();
        name(e.name);
        if (!e.attributes.isEmpty()) {
            const quint32 listAt = reserve32();
            for (qsizetype i = 0; i < e.attributes.size(); ++i) {
                const TAttribute &a = e.attributes.at(i);
                put8(i + 1 < e.attributes.size() ? 0x46 : 0x06);
                name(a.name);
                piece(a.value);
            }
            patch32(listAt, m_pos - listAt - 4);
        }
        if (e.content.isEmpty()) {
            put8(0x03);
        } else {
            put8(0x02);
            for (const TPiece &p : e.content) {
                if (p.kind == TPiece::Child)
                    element(t, p.child);
                else
                    piece(p);
            }
            put8(0x04);
        }
        patch32(sizeAt, m_pos - sizeAt - 4);
    }

    // Template instance header; the first instance in a chunk carries the definition.
    // Then the value count and reserved descriptors; returns where they start.
    quint32 beginInstance(int templateId, int values)
    {
        const Template &t = *m_writer.m_templates[size_t(templateId)];
        put8(0x0c);
        put8(0x01);
        put32(t.id);
        std::vector<quint32> &offsets = m_chunk.templateOffset;
        if (offsets.size() <= size_t(templateId))
            offsets.resize(m_writer.m_templates.size(), 0);
        if (offsets[size_t(templateId)] != 0) {
            put32(offsets[size_t(templateId)]);
        } else {
            const quint32 at = m_pos + 4;
            put32(at);
            put32(0); // next template in the hash bucket: linked when the chunk is finished
            putBytes(t.guid, 16);
            const quint32 sizeAt = reserve32();
            fragmentHeader();
            element(t, 0);
            put8(0x00); // end of the template's document
            patch32(sizeAt, m_pos - sizeAt - 4);
            if (!m_overflow) {
                offsets[size_t(templateId)] = at;
                m_chunk.definedTemplates.push_back(templateId);
            }
        }
        put32(quint32(values));
        const quint32 descriptors = m_pos;
        for (int i = 0; i < values; ++i)
            put32(0);
        return descriptors;
    }

    // Value i: its bytes must follow value i-1's.
    void value(quint32 descriptors, int i, quint8 type, QByteArrayView bytes)
    {
        const quint32 start = m_pos;
        putBytes(bytes.data(), bytes.size());
        endValue(descriptors, i, type, start);
    }
    void endValue(quint32 descriptors, int i, quint8 type, quint32 start)
    {
        const quint32 size = m_pos - start;
        if (size > 0xffff)
            m_overflow = true; // cannot be described; cannot fit a chunk either
        patch16(descriptors + 4 * quint32(i), quint16(size));
        if (!m_overflow) {
            m_base[descriptors + 4 * quint32(i) + 2] = char(type);
            m_base[descriptors + 4 * quint32(i) + 3] = 0;
        }
    }

private:
    EvtxWriter &m_writer;
    Chunk &m_chunk;
    char *m_base;
    quint32 m_pos;
    bool m_overflow = false;
};

// ---- EvtxWriter ----

namespace {

void appendKey(QByteArray &key, QStringView s)
{
    key.append(reinterpret_cast<const char *>(s.utf16()), s.size() * 2);
    key.append(2, '\0');
}

quint8 systemShape(const EvtxEvent &e)
{
    quint8 shape = 0;
    if (e.version)
        shape |= HasVersion;
    if (e.opcode)
        shape |= HasOpcode;
    // Manifest providers always write Correlation (empty when there is no activity);
    // classic ones (no Version) only when an activity is set.
    if (e.version || !e.activityId.isNull() || !e.relatedActivityId.isNull())
        shape |= HasCorrelation;
    if (e.processId || e.threadId)
        shape |= HasExecution;
    if (!e.userDataElement.isEmpty())
        shape |= IsUserData;
    return shape;
}

} // namespace

EvtxWriter::EvtxWriter() = default;

EvtxWriter::~EvtxWriter()
{
    if (m_open)
        close();
}

int EvtxWriter::systemTemplate(const EvtxEvent &e, quint8 shape)
{
    m_key.resize(0);
    m_key.append('S');
    m_key.append(char(shape));
    appendKey(m_key, e.computer);
    if (const auto it = m_templateIds.constFind(m_key); it != m_templateIds.constEnd())
        return it.value(); // the common case, without building the definition below
    return templateFor(m_key, [&](Template &t) {
        const auto n = [this](const char *s) {
            return nameId(QString::fromLatin1(s));
        };
        const auto opt = [](SystemValue v, Evtx::ValueType type) {
            return substitution(quint16(v), type, true);
        };
        TElement event;
        event.name = n("Event");
        event.dependency = (shape & IsUserData) ? qint16(-1) : qint16(ValPayload);
        event.attributes.append({n("xmlns"), text(EventNamespace)});
        t.add(event); // the root, index 0
        TElement system;
        system.name = n("System");
        const int systemIndex = t.add(system);
        const auto leaf
            = [&](const char *name, qint16 dependency, QList<TAttribute> attributes, QList<TPiece> content) {
                  TElement element;
                  element.name = n(name);
                  element.dependency = dependency;
                  element.attributes = std::move(attributes);
                  element.content = std::move(content);
                  const int index = t.add(std::move(element)); // before indexing: add() may reallocate
                  t.elements[systemIndex].content.append(child(index));
              };
        leaf("Provider", -1,
            {{n("Name"), opt(ValProviderName, Evtx::StringType)}, {n("Guid"), opt(ValProviderGuid, Evtx::GuidType)}},
            {});
        leaf("EventID", ValEventId, {{n("Qualifiers"), opt(ValQualifiers, Evtx::UInt16Type)}},
            {opt(ValEventId, Evtx::UInt16Type)});
        if (shape & HasVersion)
            leaf("Version", ValVersion, {}, {opt(ValVersion, Evtx::UInt8Type)});
        leaf("Level", ValLevel, {}, {opt(ValLevel, Evtx::UInt8Type)});
        leaf("Task", ValTask, {}, {opt(ValTask, Evtx::UInt16Type)});
        if (shape & HasOpcode)
            leaf("Opcode", ValOpcode, {}, {opt(ValOpcode, Evtx::UInt8Type)});
        leaf("Keywords", ValKeywords, {}, {opt(ValKeywords, Evtx::HexInt64Type)});
        leaf("TimeCreated", -1, {{n("SystemTime"), opt(ValTimeCreated, Evtx::FileTimeType)}}, {});
        leaf("EventRecordID", ValRecordId, {}, {opt(ValRecordId, Evtx::UInt64Type)});
        if (shape & HasCorrelation)
            leaf("Correlation", -1,
                {{n("ActivityID"), opt(ValActivityId, Evtx::GuidType)},
                    {n("RelatedActivityID"), opt(ValRelatedActivityId, Evtx::GuidType)}},
                {});
        if (shape & HasExecution)
            leaf("Execution", -1,
                {{n("ProcessID"), opt(ValProcessId, Evtx::UInt32Type)},
                    {n("ThreadID"), opt(ValThreadId, Evtx::UInt32Type)}},
                {});
        leaf("Channel", ValChannel, {}, {opt(ValChannel, Evtx::StringType)});
        // The computer name is literal in Windows' templates, so a template is per host.
        leaf("Computer", -1, {}, e.computer.isEmpty() ? QList<TPiece>() : QList<TPiece> {text(e.computer)});
        leaf("Security", -1, {{n("UserID"), opt(ValUserId, Evtx::SidType)}}, {});
        t.elements[0].content.append(child(systemIndex));
        if (shape & IsUserData) {
            TElement userData;
            userData.name = n("UserData");
            userData.dependency = ValPayload;
            userData.content.append(opt(ValPayload, Evtx::BinXmlType));
            const int index = t.add(std::move(userData));
            t.elements[0].content.append(child(index));
        } else {
            t.elements[0].content.append(opt(ValPayload, Evtx::BinXmlType));
        }
    });
}

int EvtxWriter::payloadTemplate(const EvtxEvent &e)
{
    m_key.resize(0);
    if (!e.userDataElement.isEmpty()) {
        m_key.append('U');
        appendKey(m_key, e.userDataElement);
        appendKey(m_key, e.userDataNamespace);
        for (const EvtxDataItem &item : e.userData) {
            m_key.append(keyType(item.value));
            appendKey(m_key, item.name);
        }
        if (const auto it = m_templateIds.constFind(m_key); it != m_templateIds.constEnd())
            return it.value();
        return templateFor(m_key, [&](Template &t) {
            TElement root;
            root.name = nameId(e.userDataElement);
            if (!e.userDataNamespace.isEmpty())
                root.attributes.append({nameId(QStringLiteral("xmlns")), text(e.userDataNamespace)});
            t.add(root);
            for (qsizetype i = 0; i < e.userData.size(); ++i) {
                TElement c;
                c.name = nameId(e.userData.at(i).name);
                const EvtxValue &v = e.userData.at(i).value;
                c.content.append(substitution(quint16(i), declaredType(v), v.isNull()));
                const int index = t.add(std::move(c));
                t.elements[0].content.append(child(index));
            }
        });
    }
    const DataForm form = dataForm(e);
    m_key.append('E');
    m_key.append(char(form));
    m_key.append(char(e.binary.isNull() ? 0 : 0x80 | quint8(e.binary.type())));
    for (const EvtxDataItem &item : e.eventData) {
        m_key.append(keyType(item.value));
        appendKey(m_key, item.name);
    }
    if (const auto it = m_templateIds.constFind(m_key); it != m_templateIds.constEnd())
        return it.value();
    return templateFor(m_key, [&](Template &t) {
        TElement root;
        root.name = nameId(QStringLiteral("EventData"));
        t.add(root);
        const int data = nameId(QStringLiteral("Data"));
        const int nameAttribute = nameId(QStringLiteral("Name"));
        const auto append = [&](TElement c) {
            const int index = t.add(std::move(c));
            t.elements[0].content.append(child(index));
        };
        quint16 next = 0;
        if (form == DataForm::ClassicArray) {
            TElement c;
            c.name = data;
            c.dependency = 0;
            c.content.append(substitution(0, Evtx::arrayOf(Evtx::StringType), true));
            append(c);
            next = 1;
        } else {
            for (const EvtxDataItem &item : e.eventData) {
                TElement c;
                c.name = data;
                if (item.name.isEmpty()) {
                    // Classic providers: the element goes when its value is null.
                    c.dependency = qint16(next);
                    c.content.append(substitution(next, declaredType(item.value), true));
                } else {
                    // Manifest providers: always present, as Sysmon writes them. A null
                    // value in a normal substitution is an error to readers, so a null
                    // one gets an optional substitution: an empty element.
                    c.attributes.append({nameAttribute, text(item.name)});
                    c.content.append(substitution(next, declaredType(item.value), item.value.isNull()));
                }
                append(c);
                ++next;
            }
        }
        if (!e.binary.isNull()) {
            TElement c;
            c.name = nameId(QStringLiteral("Binary"));
            c.dependency = qint16(next);
            c.content.append(substitution(next, e.binary.type(), true));
            append(c);
        }
    });
}

QString EvtxWriter::open(const QString &path)
{
    if (m_open)
        return QStringLiteral("the writer already has %1 open").arg(m_path);
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QStringLiteral("cannot create %1: %2").arg(path, m_file.errorString());
    m_path = path;
    m_open = true;
    m_error.clear();
    m_records = 0;
    m_chunks = 0;
    m_nextRecordId = 1;
    m_chunk.reset();
    // A placeholder until close() knows the chunk count and the next record id.
    const QByteArray header = fileHeader();
    if (m_file.write(header) != header.size())
        m_error = QStringLiteral("cannot write %1: %2").arg(path, m_file.errorString());
    return m_error;
}

void EvtxWriter::startChunk()
{
    if (!m_chunk)
        m_chunk = std::make_unique<Chunk>();
    Chunk &c = *m_chunk;
    std::memset(c.data.data(), 0, size_t(c.data.size()));
    c.free = ChunkHeaderSize;
    c.lastRecord = 0;
    c.firstId = c.lastId = 0;
    c.records = 0;
    c.nameOffset.assign(m_names.size(), 0);
    c.templateOffset.assign(m_templates.size(), 0);
    c.definedNames.clear();
    c.definedTemplates.clear();
}

bool EvtxWriter::tryAdd(const EvtxEvent &e, quint64 recordId)
{
    const quint8 shape = systemShape(e);
    const int outer = systemTemplate(e, shape);
    const int inner = payloadTemplate(e);

    Chunk &c = *m_chunk;
    const size_t namesMark = c.definedNames.size();
    const size_t templatesMark = c.definedTemplates.size();
    const quint32 start = c.free;
    RecordBuilder b(*this, c);
    b.put32(0x00002a2a);
    const quint32 sizeAt = b.reserve32();
    b.put64(recordId);
    b.put64(e.writtenTime ? e.writtenTime : e.timeCreated);

    b.fragmentHeader();
    const quint32 d = b.beginInstance(outer, SystemValueCount);
    const auto u8 = [&](SystemValue i, std::optional<quint8> v) {
        const quint32 at = b.pos();
        if (v)
            b.put8(*v);
        b.endValue(d, i, v ? quint8(Evtx::UInt8Type) : 0, at);
    };
    const auto u16 = [&](SystemValue i, std::optional<quint16> v) {
        const quint32 at = b.pos();
        if (v)
            b.put16(*v);
        b.endValue(d, i, v ? quint8(Evtx::UInt16Type) : 0, at);
    };
    const auto u32 = [&](SystemValue i, std::optional<quint32> v) {
        const quint32 at = b.pos();
        if (v)
            b.put32(*v);
        b.endValue(d, i, v ? quint8(Evtx::UInt32Type) : 0, at);
    };
    const auto u64 = [&](SystemValue i, Evtx::ValueType type, quint64 v) {
        const quint32 at = b.pos();
        b.put64(v);
        b.endValue(d, i, quint8(type), at);
    };
    const auto guid = [&](SystemValue i, const QUuid &g) {
        char bytes[16];
        guidBytes(g, bytes);
        b.value(d, i, g.isNull() ? 0 : quint8(Evtx::GuidType), QByteArrayView(bytes, g.isNull() ? 0 : 16));
    };
    const auto str = [&](SystemValue i, const QString &s) {
        const quint32 at = b.pos();
        b.putUtf16(s);
        b.endValue(d, i, s.isEmpty() ? 0 : quint8(Evtx::StringType), at);
    };
    u8(ValLevel, e.level);
    u8(ValOpcode, e.opcode);
    u16(ValTask, e.task);
    u16(ValEventId, e.eventId);
    u16(ValQualifiers, e.qualifiers);
    u64(ValKeywords, Evtx::HexInt64Type, e.keywords);
    u64(ValTimeCreated, Evtx::FileTimeType, e.timeCreated);
    guid(ValActivityId, e.activityId);
    u32(ValProcessId, e.processId);
    u32(ValThreadId, e.threadId);
    u64(ValRecordId, Evtx::UInt64Type, recordId);
    u8(ValVersion, e.version);
    b.value(d, ValUserId, e.userSid.isEmpty() ? 0 : quint8(Evtx::SidType),
        e.userSid.isEmpty() ? QByteArrayView() : QByteArrayView(m_sidBytes));
    guid(ValRelatedActivityId, e.relatedActivityId);
    str(ValProviderName, e.provider);
    guid(ValProviderGuid, e.providerGuid);
    str(ValChannel, e.channel);

    // The payload: a fragment with the nested template instance, as Windows nests it.
    const quint32 payload = b.pos();
    b.fragmentHeader();
    if (!e.userDataElement.isEmpty()) {
        const quint32 pd = b.beginInstance(inner, int(e.userData.size()));
        for (qsizetype i = 0; i < e.userData.size(); ++i) {
            const EvtxValue &v = e.userData.at(i).value;
            b.value(pd, int(i), v.typeCode(), v.bytes());
        }
    } else {
        const DataForm form = dataForm(e);
        const int count = (form == DataForm::ClassicArray ? 1 : int(e.eventData.size())) + (e.binary.isNull() ? 0 : 1);
        const quint32 pd = b.beginInstance(inner, count);
        int i = 0;
        if (form == DataForm::ClassicArray) {
            const quint32 at = b.pos();
            for (const EvtxDataItem &item : e.eventData) {
                const QByteArrayView bytes = item.value.bytes();
                b.putBytes(bytes.data(), bytes.size());
                b.put16(0);
            }
            b.endValue(pd, i++, quint8(Evtx::arrayOf(Evtx::StringType)), at);
        } else {
            for (const EvtxDataItem &item : e.eventData)
                b.value(pd, i++, item.value.typeCode(), item.value.bytes());
        }
        if (!e.binary.isNull())
            b.value(pd, i++, e.binary.typeCode(), e.binary.bytes());
    }
    b.put8(0x00); // end of the payload document
    b.endValue(d, ValPayload, quint8(Evtx::BinXmlType), payload);

    b.put8(0x00); // end of the record's document
    for (quint32 pad = (8 - (b.pos() - start + 4) % 8) % 8; pad > 0; --pad)
        b.put8(0); // records are 8-byte aligned
    const quint32 size = b.pos() - start + 4;
    b.put32(size);
    b.patch32(sizeAt, size);

    if (b.overflow()) {
        // Undo: the names and templates this record defined live in bytes we drop.
        for (size_t i = namesMark; i < c.definedNames.size(); ++i)
            c.nameOffset[size_t(c.definedNames[i])] = 0;
        c.definedNames.resize(namesMark);
        for (size_t i = templatesMark; i < c.definedTemplates.size(); ++i)
            c.templateOffset[size_t(c.definedTemplates[i])] = 0;
        c.definedTemplates.resize(templatesMark);
        std::memset(c.data.data() + start, 0, size_t(b.pos() - start));
        return false;
    }
    c.free = b.pos();
    c.lastRecord = start;
    if (c.records == 0)
        c.firstId = recordId;
    c.lastId = recordId;
    ++c.records;
    return true;
}

QString EvtxWriter::add(const EvtxEvent &e)
{
    if (!m_open)
        return QStringLiteral("no EVTX file is open");
    if (!m_error.isEmpty())
        return m_error;
    if (!e.userDataElement.isEmpty()) {
        for (const EvtxDataItem &item : e.userData) {
            if (item.name.isEmpty())
                return QStringLiteral("UserData child of %1 without a name").arg(e.userDataElement);
        }
        if (!e.eventData.isEmpty() || !e.binary.isNull())
            return QStringLiteral("an event has either EventData or UserData");
    } else if (!e.userData.isEmpty()) {
        return QStringLiteral("UserData children without a UserData element name");
    }
    if (!e.userSid.isEmpty() && e.userSid != m_sidText) {
        const EvtxValue sid = EvtxValue::sid(e.userSid);
        if (sid.isNull())
            return QStringLiteral("user SID \"%1\" is not a SID").arg(e.userSid);
        m_sidText = e.userSid;
        m_sidBytes = sid.bytes().toByteArray();
    }
    const quint64 recordId = e.recordId ? e.recordId : m_nextRecordId;
    if (!m_chunk)
        startChunk();
    if (!tryAdd(e, recordId)) {
        if (m_chunk->records == 0)
            return QStringLiteral("record %1 does not fit a 64 KiB chunk").arg(recordId);
        // The chunk count is 16 bits in the file header.
        if (m_chunks + 1 >= 0xffff)
            return QStringLiteral("%1 is full: %2 chunks").arg(m_path).arg(m_chunks + 1);
        if (const QString error = finishChunk(); !error.isEmpty())
            return error;
        startChunk();
        if (!tryAdd(e, recordId))
            return QStringLiteral("record %1 does not fit a 64 KiB chunk").arg(recordId);
    }
    ++m_records;
    m_nextRecordId = qMax(m_nextRecordId, recordId + 1);
    return QString();
}

QString EvtxWriter::finishChunk()
{
    Chunk &c = *m_chunk;
    char *d = c.data.data();
    // Hash chains: each bucket holds the newest definition, whose next field points to
    // the one defined before it (what Windows leaves behind). Linked before the
    // records checksum, since the next fields are record bytes.
    quint32 strings[64] = {};
    for (const int id : c.definedNames) {
        const quint32 at = c.nameOffset[size_t(id)];
        const quint32 bucket = m_names[size_t(id)].hash % 64;
        qToLittleEndian(strings[bucket], d + at);
        strings[bucket] = at;
    }
    quint32 templates[32] = {};
    for (const int id : c.definedTemplates) {
        const quint32 at = c.templateOffset[size_t(id)];
        const quint32 bucket = hash65599(m_templates[size_t(id)]->guid, 8) % 32;
        qToLittleEndian(templates[bucket], d + at);
        templates[bucket] = at;
    }
    std::memcpy(d, "ElfChnk\0", 8);
    // Record numbers and identifiers are the same on a live log.
    qToLittleEndian<quint64>(c.firstId, d + 8);
    qToLittleEndian<quint64>(c.lastId, d + 16);
    qToLittleEndian<quint64>(c.firstId, d + 24);
    qToLittleEndian<quint64>(c.lastId, d + 32);
    qToLittleEndian<quint32>(128, d + 40);
    qToLittleEndian<quint32>(c.lastRecord, d + 44);
    qToLittleEndian<quint32>(c.free, d + 48);
    qToLittleEndian<quint32>(crc32Of(d + ChunkHeaderSize, c.free - ChunkHeaderSize), d + 52);
    qToLittleEndian<quint32>(1, d + 120); // every chunk Windows writes has it
    for (int i = 0; i < 64; ++i)
        qToLittleEndian(strings[i], d + 128 + 4 * i);
    for (int i = 0; i < 32; ++i)
        qToLittleEndian(templates[i], d + 384 + 4 * i);
    qToLittleEndian<quint32>(crc32Of(d + 128, ChunkHeaderSize - 128, crc32Of(d, 120)), d + 124);
    if (m_file.write(c.data) != c.data.size()) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_path, m_file.errorString());
        return m_error;
    }
    ++m_chunks;
    return QString();
}

QByteArray EvtxWriter::fileHeader() const
{
    QByteArray h(FileHeaderSize, '\0');
    char *d = h.data();
    std::memcpy(d, "ElfFile\0", 8);
    qToLittleEndian<quint64>(0, d + 8); // first chunk
    qToLittleEndian<quint64>(m_chunks > 0 ? quint64(m_chunks - 1) : 0, d + 16); // last chunk
    qToLittleEndian<quint64>(m_nextRecordId, d + 24);
    qToLittleEndian<quint32>(128, d + 32); // header size
    qToLittleEndian<quint16>(1, d + 36); // minor version
    qToLittleEndian<quint16>(3, d + 38); // major version
    qToLittleEndian<quint16>(FileHeaderSize, d + 40);
    qToLittleEndian<quint16>(quint16(m_chunks), d + 42);
    quint32 flags = 0;
    if (m_dirty)
        flags |= 0x1;
    if (m_full)
        flags |= 0x2;
    qToLittleEndian<quint32>(flags, d + 120);
    qToLittleEndian<quint32>(crc32Of(d, 120), d + 124);
    return h;
}

QString EvtxWriter::close()
{
    if (!m_open)
        return QString();
    if (m_error.isEmpty() && m_chunk && m_chunk->records > 0)
        finishChunk();
    if (m_error.isEmpty()) {
        const QByteArray header = fileHeader();
        if (!m_file.seek(0) || m_file.write(header) != header.size() || !m_file.flush())
            m_error = QStringLiteral("cannot write %1: %2").arg(m_path, m_file.errorString());
    }
    m_file.close();
    m_open = false;
    m_chunk.reset();
    return m_error;
}

qint64 EvtxWriter::bytesWritten() const
{
    return FileHeaderSize + qint64(m_chunks) * ChunkSize;
}

} // namespace Chainscope
