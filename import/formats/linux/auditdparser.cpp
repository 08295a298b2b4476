#include "auditdparser.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace Chainscope::Audit {

namespace {

constexpr QByteArrayView StampPrefix("msg=audit(");

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// Reads an unsigned decimal of at most maxDigits digits at p; false on none or too many.
bool readDigits(const char *&p, const char *end, int maxDigits, quint64 &value, int &digits)
{
    value = 0;
    digits = 0;
    while (p < end && isDigit(*p)) {
        if (++digits > maxDigits)
            return false;
        value = value * 10 + quint64(*p - '0');
        ++p;
    }
    return digits > 0;
}

} // namespace

HeaderStatus parseHeader(QByteArrayView line, RecordHeader &header)
{
    const char *const begin = line.data();
    const char *const end = begin + line.size();
    const char *p = begin;

    header.node = QByteArrayView();
    if (line.startsWith("node=")) {
        p += 5;
        const char *nodeBegin = p;
        while (p < end && *p != ' ')
            ++p;
        header.node = QByteArrayView(nodeBegin, p - nodeBegin);
        while (p < end && *p == ' ')
            ++p;
    }
    if (end - p < 5 || std::memcmp(p, "type=", 5) != 0)
        return HeaderStatus::NotARecord;
    p += 5;
    const char *typeBegin = p;
    while (p < end && *p != ' ')
        ++p;
    header.type = QByteArrayView(typeBegin, p - typeBegin);
    if (header.type.isEmpty())
        return HeaderStatus::NotARecord;
    while (p < end && *p == ' ')
        ++p;

    if (end - p < StampPrefix.size() || std::memcmp(p, StampPrefix.data(), size_t(StampPrefix.size())) != 0) {
        if (end - p >= 5 && std::memcmp(p, "msg=?", 5) == 0
            && std::all_of(p + 5, end, [](char c) { return c == ' ' || c == '\t' || c == '\r'; }))
            return HeaderStatus::NoMessage;
        return HeaderStatus::BadStamp;
    }
    p += StampPrefix.size();
    quint64 value = 0;
    int digits = 0;
    // Twelve digits of seconds (year 33658) keep seconds * 1e6 well inside qint64.
    if (!readDigits(p, end, 12, value, digits) || p >= end || *p != '.')
        return HeaderStatus::BadStamp;
    header.seconds = qint64(value);
    ++p;
    // auditd writes milliseconds; accept finer fractions and keep microseconds.
    if (!readDigits(p, end, 9, value, digits) || p >= end || *p != ':')
        return HeaderStatus::BadStamp;
    while (digits > 6) {
        value /= 10;
        --digits;
    }
    while (digits < 6) {
        value *= 10;
        ++digits;
    }
    header.micros = qint32(value);
    ++p;
    if (!readDigits(p, end, 19, value, digits) || p >= end || *p != ')')
        return HeaderStatus::BadStamp;
    header.serial = value;
    ++p;
    // "):" normally; DAEMON_CONFIG records of older auditd versions omit the colon.
    if (p < end && *p == ':')
        ++p;
    header.fieldsBegin = p - begin;
    const auto *sep = static_cast<const char *>(std::memchr(p, EnrichmentSeparator, size_t(end - p)));
    header.fieldsEnd = (sep ? sep : end) - begin;
    return HeaderStatus::Ok;
}

bool isBlankOrComment(QByteArrayView line)
{
    for (char c : line) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
            continue;
        return c == '#';
    }
    return true;
}

bool quotesBalanced(QByteArrayView fields)
{
    const char *p = fields.data();
    const char *const end = p + fields.size();
    bool open = false;
    while (p < end) {
        const auto *q = static_cast<const char *>(std::memchr(p, '"', size_t(end - p)));
        if (!q)
            break;
        open = !open;
        p = q + 1;
    }
    return !open;
}

namespace {

// depth: the msg='…' payload is opened at the top level only (a hostile line of
// nested payloads must not recurse without bound). limit: where `out` stops growing.
void splitFieldsInto(QByteArrayView text, std::vector<Field> &out, int depth, size_t limit)
{
    const char *p = text.data();
    const char *const end = p + text.size();
    while (p < end && out.size() < limit) {
        while (p < end && *p == ' ')
            ++p;
        if (p == end)
            break;
        const char *keyBegin = p;
        while (p < end && *p != '=' && *p != ' ')
            ++p;
        if (p == end || *p == ' ')
            continue; // a bare word: free text, not a field
        const QByteArrayView key(keyBegin, p - keyBegin);
        ++p; // '='
        if (p < end && *p == '"') {
            const char *valueBegin = ++p;
            const auto *close = static_cast<const char *>(std::memchr(p, '"', size_t(end - p)));
            const char *valueEnd = close ? close : end;
            if (!key.isEmpty())
                out.push_back({key, QByteArrayView(valueBegin, valueEnd - valueBegin), true});
            p = close ? close + 1 : end;
            continue;
        }
        if (p < end && *p == '\'' && key == "msg" && depth == 0) {
            // The user-space payload runs to the last quote: values inside it are quoted
            // with double quotes or hex-encoded, so a single quote cannot end it early.
            const char *payloadBegin = p + 1;
            const char *close = end;
            while (close > payloadBegin && close[-1] != '\'')
                --close;
            const char *payloadEnd = close > payloadBegin ? close - 1 : end;
            splitFieldsInto(QByteArrayView(payloadBegin, payloadEnd - payloadBegin), out, depth + 1, limit);
            p = payloadEnd < end ? payloadEnd + 1 : end;
            continue;
        }
        const char *valueBegin = p;
        while (p < end && *p != ' ')
            ++p;
        if (!key.isEmpty())
            out.push_back({key, QByteArrayView(valueBegin, p - valueBegin), false});
    }
}

} // namespace

void splitFields(QByteArrayView text, std::vector<Field> &out)
{
    splitFieldsInto(text, out, 0, out.size() + MaxFieldsPerRecord);
}

const Field *findField(const Field *begin, const Field *end, QByteArrayView key)
{
    for (const Field *f = begin; f != end; ++f) {
        // Comparing the first byte before calling memcmp halves the time of a search.
        if (f->key.size() == key.size()
            && (key.isEmpty()
                || (f->key.front() == key.front() && std::memcmp(f->key.data(), key.data(), size_t(key.size())) == 0)))
            return f;
    }
    return nullptr;
}

bool isAbsent(const Field &field)
{
    // Called for nearly every field: look at the first byte before comparing.
    if (field.quoted || field.value.isEmpty())
        return false;
    const QByteArrayView v = field.value;
    if (v.front() == '?')
        return v.size() == 1;
    if (v.front() != '(')
        return false;
    return (v.size() == 6 && std::memcmp(v.data(), "(null)", 6) == 0)
        || (v.size() == 6 && std::memcmp(v.data(), "(none)", 6) == 0);
}

bool isHexString(QByteArrayView value)
{
    if (value.isEmpty() || (value.size() & 1))
        return false;
    for (char c : value) {
        if (hexValue(c) < 0)
            return false;
    }
    return true;
}

bool isOddHexString(QByteArrayView value)
{
    if ((value.size() & 1) == 0)
        return false;
    for (char c : value) {
        if (hexValue(c) < 0)
            return false;
    }
    return true;
}

void appendHexDecoded(QByteArray &out, QByteArrayView hex)
{
    const qsizetype start = out.size();
    out.resize(start + hex.size() / 2);
    char *dst = out.data() + start;
    const char *src = hex.data();
    for (qsizetype i = 0; i + 1 < hex.size(); i += 2)
        *dst++ = char((hexValue(src[i]) << 4) | hexValue(src[i + 1]));
}

QByteArray hexDecoded(QByteArrayView hex)
{
    QByteArray out;
    appendHexDecoded(out, hex);
    return out;
}

bool parseDecimal(QByteArrayView text, qint64 &value)
{
    const char *p = text.data();
    const char *const end = p + text.size();
    const bool negative = p < end && *p == '-';
    if (negative)
        ++p;
    if (p == end || end - p > 19)
        return false;
    quint64 v = 0;
    for (; p < end; ++p) {
        if (!isDigit(*p))
            return false;
        v = v * 10 + quint64(*p - '0');
    }
    // 19 digits fit in quint64; reject what does not fit in qint64 instead of wrapping
    // (hostile input, and signed overflow is undefined). -2^63 is negated in unsigned
    // arithmetic because -qint64(2^63) would overflow.
    constexpr quint64 maxPositive = quint64(std::numeric_limits<qint64>::max());
    if (v > maxPositive + (negative ? 1 : 0))
        return false;
    value = negative ? qint64(0 - v) : qint64(v);
    return true;
}

bool parseHex(QByteArrayView text, quint64 &value)
{
    if (text.isEmpty() || text.size() > 16)
        return false;
    quint64 v = 0;
    for (char c : text) {
        const int d = hexValue(c);
        if (d < 0)
            return false;
        v = (v << 4) | quint64(d);
    }
    value = v;
    return true;
}

QString formatIPv6(const quint8 *bytes)
{
    quint16 groups[8];
    for (int i = 0; i < 8; ++i)
        groups[i] = quint16((bytes[2 * i] << 8) | bytes[2 * i + 1]);

    // IPv4-mapped: ::ffff:a.b.c.d is how everyone writes these.
    bool mapped = groups[5] == 0xffff;
    for (int i = 0; i < 5; ++i)
        mapped = mapped && groups[i] == 0;
    if (mapped) {
        return QStringLiteral("::ffff:%1.%2.%3.%4").arg(bytes[12]).arg(bytes[13]).arg(bytes[14]).arg(bytes[15]);
    }

    // RFC 5952: the longest run of two or more zero groups becomes "::" (the first
    // such run on a tie); hex digits lower case without leading zeros.
    int bestStart = -1;
    int bestLength = 0;
    for (int i = 0; i < 8;) {
        if (groups[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && groups[j] == 0)
            ++j;
        if (j - i > bestLength && j - i >= 2) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j;
    }
    QString text;
    text.reserve(40);
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            text += QLatin1StringView("::");
            i += bestLength - 1;
            continue;
        }
        if (!text.isEmpty() && !text.endsWith(QLatin1Char(':')))
            text += QLatin1Char(':');
        text += QString::number(groups[i], 16);
    }
    return text;
}

bool decodeSockAddr(QByteArrayView hex, SockAddr &out)
{
    out = SockAddr();
    if (!isHexString(hex) || hex.size() < 4)
        return false;
    const QByteArray bytes = hexDecoded(hex);
    const auto *b = reinterpret_cast<const quint8 *>(bytes.constData());
    const qsizetype n = bytes.size();
    // sa_family is in host byte order: little endian on x86 and arm64. A zero first
    // byte with a non-zero second one is a big-endian host (s390x, ppc64).
    int family = b[0] | (b[1] << 8);
    if (b[0] == 0 && b[1] != 0)
        family = b[1];
    out.family = family;

    switch (family) {
    case FamilyInet:
        if (n < 8)
            return true;
        out.port = (b[2] << 8) | b[3];
        out.address = QStringLiteral("%1.%2.%3.%4").arg(b[4]).arg(b[5]).arg(b[6]).arg(b[7]);
        return true;
    case FamilyInet6:
        if (n < 24)
            return true;
        out.port = (b[2] << 8) | b[3];
        out.address = formatIPv6(b + 8);
        return true;
    case FamilyUnix: {
        if (n <= 2)
            return true;
        if (b[2] == 0) {
            // Abstract namespace: the name is every byte after the NUL, but the kernel
            // logs the whole address buffer, so trailing NUL padding is not part of it.
            qsizetype last = n;
            while (last > 3 && b[last - 1] == 0)
                --last;
            out.abstractSocket = true;
            out.path = QLatin1Char('@') + QString::fromUtf8(bytes.constData() + 3, last - 3);
            return true;
        }
        const char *pathBegin = bytes.constData() + 2;
        const auto *nul = static_cast<const char *>(std::memchr(pathBegin, 0, size_t(n - 2)));
        out.path = QString::fromUtf8(pathBegin, nul ? nul - pathBegin : n - 2);
        return true;
    }
    default:
        return true;
    }
}

} // namespace Chainscope::Audit
