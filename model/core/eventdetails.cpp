#include "eventdetails.h"

#include <QString>

#include <charconv>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace Chainscope {

namespace {

constexpr char Hex[] = "0123456789abcdef";

// The escape of an ASCII character JSON does not take as is, written at `o`; returns
// the end. Quotes and backslashes get a backslash; newline, tab and carriage return
// their short forms; other controls \u00XX.
char *escapeAscii(char *o, unsigned c)
{
    *o++ = '\\';
    switch (c) {
    case '"':
    case '\\':
        *o++ = char(c);
        break;
    case '\n':
        *o++ = 'n';
        break;
    case '\t':
        *o++ = 't';
        break;
    case '\r':
        *o++ = 'r';
        break;
    default:
        *o++ = 'u';
        *o++ = '0';
        *o++ = '0';
        *o++ = Hex[c >> 4];
        *o++ = Hex[c & 15];
        break;
    }
    return o;
}

bool needsEscape(unsigned c)
{
    return c < 0x20 || c == '"' || c == '\\';
}

quint64 maskOf(QByteArrayView key)
{
    const uint h = uint(key.size()) * 31 + (key.isEmpty() ? 0 : quint8(key.front()) * 7 + quint8(key.back()));
    return quint64(1) << (h % 64);
}

} // namespace

EventDetails::EventDetails()
{
    m_json.resize(512);
    m_keys.reserve(32);
}

void EventDetails::begin()
{
    m_size = 0;
    m_keys.clear();
    m_keyMask = 0;
    put('{');
}

bool EventDetails::has(QByteArrayView key) const
{
    if (!(m_keyMask & maskOf(key)))
        return false;
    for (QByteArrayView k : m_keys) {
        if (k.size() == key.size() && (key.isEmpty() || std::memcmp(k.data(), key.data(), size_t(key.size())) == 0))
            return true;
    }
    return false;
}

void EventDetails::string(QByteArrayView key, QByteArrayView utf8)
{
    if (startKey(key))
        appendUtf8(utf8);
}

void EventDetails::text(QByteArrayView key, QStringView text)
{
    if (startKey(key))
        appendUtf16(text);
}

void EventDetails::number(QByteArrayView key, qint64 value)
{
    if (!startKey(key))
        return;
    char *o = reserve(24);
    const auto [end, ec] = std::to_chars(o, o + 24, value);
    Q_UNUSED(ec)
    m_size += end - o;
}

void EventDetails::boolean(QByteArrayView key, bool value)
{
    if (startKey(key))
        put(value ? QByteArrayView("true") : QByteArrayView("false"));
}

void EventDetails::strings(QByteArrayView key, const std::vector<QByteArrayView> &utf8Items)
{
    if (!startKey(key))
        return;
    put('[');
    for (size_t i = 0; i < utf8Items.size(); ++i) {
        if (i > 0)
            put(',');
        appendUtf8(utf8Items[i]);
    }
    put(']');
}

QByteArray EventDetails::finish()
{
    put('}');
    return QByteArray(m_json.constData(), m_size);
}

bool EventDetails::startKey(QByteArrayView key)
{
    if (has(key))
        return false;
    m_keys.push_back(key);
    m_keyMask |= maskOf(key);
    if (m_size > 1)
        put(',');
    appendUtf8(key);
    put(':');
    return true;
}

char *EventDetails::reserve(qsizetype more)
{
    if (m_size + more > m_json.size())
        m_json.resize(std::max<qsizetype>(2 * (m_size + more), 512));
    return m_json.data() + m_size;
}

void EventDetails::put(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return; // the data may be null then, which memcpy must not see
    std::memcpy(reserve(bytes.size()), bytes.data(), size_t(bytes.size()));
    m_size += bytes.size();
}

void EventDetails::appendUtf8(QByteArrayView bytes)
{
    // The common case: printable ASCII without quotes or backslashes, copied whole.
    // Checked eight bytes at a time: this runs over every byte of every audit event.
    bool plain = true;
    bool ascii = true;
    const char *p = bytes.data();
    const char *const end = p + bytes.size();
    constexpr quint64 ones = 0x0101010101010101ULL;
    constexpr quint64 highs = 0x8080808080808080ULL;
    // Whether any byte of w is zero (the classic bit trick, exact for this use).
    auto anyZero = [](quint64 w) {
        return ((w - ones) & ~w & highs) != 0;
    };
    for (; end - p >= 8 && ascii; p += 8) {
        quint64 w;
        std::memcpy(&w, p, 8);
        if (w & highs) {
            ascii = false;
            break;
        }
        // A byte below 0x20 has no bit from 0x60 set; '"' and '\\' are found by xor.
        if (anyZero(w & (ones * 0x60)) || anyZero(w ^ (ones * '"')) || anyZero(w ^ (ones * '\\')))
            plain = false;
    }
    for (; p < end && ascii; ++p) {
        const auto c = quint8(*p);
        if (c >= 0x80)
            ascii = false;
        else if (needsEscape(c))
            plain = false;
    }
    if (!ascii) {
        // Invalid sequences become U+FFFD exactly as QString::fromUtf8 has them.
        appendEscaped(QString::fromUtf8(bytes).toUtf8());
        return;
    }
    if (!plain) {
        appendEscaped(bytes);
        return;
    }
    char *o = reserve(bytes.size() + 2);
    *o++ = '"';
    if (!bytes.isEmpty())
        std::memcpy(o, bytes.data(), size_t(bytes.size()));
    o[bytes.size()] = '"';
    m_size += bytes.size() + 2;
}

void EventDetails::appendEscaped(QByteArrayView bytes)
{
    // At most 6 bytes per input byte (\u00XX), and the quotes.
    char *const start = reserve(6 * bytes.size() + 2);
    char *o = start;
    *o++ = '"';
    for (const char ch : bytes) {
        const auto c = quint8(ch);
        if (needsEscape(c))
            o = escapeAscii(o, c);
        else
            *o++ = ch;
    }
    *o++ = '"';
    m_size += o - start;
}

void EventDetails::appendUtf16(QStringView text)
{
    // Encoded straight into the buffer (at most 6 bytes per UTF-16 unit, for \u00XX);
    // surrogate pairs become 4-byte UTF-8.
    const char16_t *u = text.utf16();
    const qsizetype n = text.size();
    char *const start = reserve(6 * n + 2);
    char *o = start;
    *o++ = '"';
    for (qsizetype i = 0; i < n; ++i) {
#ifdef __SSE2__
        // Eight characters at a time while they are printable ASCII that JSON takes as
        // is: most of what Windows logs (paths, command lines, GUIDs).
        while (i + 8 <= n) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(u + i));
            const __m128i special = _mm_or_si128(
                _mm_or_si128(_mm_cmplt_epi16(v, _mm_set1_epi16(0x20)), _mm_cmpgt_epi16(v, _mm_set1_epi16(0x7e))),
                _mm_or_si128(_mm_cmpeq_epi16(v, _mm_set1_epi16('"')), _mm_cmpeq_epi16(v, _mm_set1_epi16('\\'))));
            if (_mm_movemask_epi8(special) != 0)
                break;
            _mm_storel_epi64(reinterpret_cast<__m128i *>(o), _mm_packus_epi16(v, v));
            o += 8;
            i += 8;
        }
        if (i >= n)
            break;
#endif
        const char32_t c = u[i];
        if (c < 0x80) {
            if (needsEscape(c))
                o = escapeAscii(o, c);
            else
                *o++ = char(c);
        } else if (c < 0x800) {
            *o++ = char(0xc0 | (c >> 6));
            *o++ = char(0x80 | (c & 0x3f));
        } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < n && u[i + 1] >= 0xdc00 && u[i + 1] < 0xe000) {
            const char32_t cp = 0x10000 + ((c - 0xd800) << 10) + (u[i + 1] - 0xdc00);
            ++i;
            *o++ = char(0xf0 | (cp >> 18));
            *o++ = char(0x80 | ((cp >> 12) & 0x3f));
            *o++ = char(0x80 | ((cp >> 6) & 0x3f));
            *o++ = char(0x80 | (cp & 0x3f));
        } else {
            // A lone surrogate cannot be encoded: the replacement character.
            const char32_t cp = (c >= 0xd800 && c < 0xe000) ? 0xfffd : c;
            *o++ = char(0xe0 | (cp >> 12));
            *o++ = char(0x80 | ((cp >> 6) & 0x3f));
            *o++ = char(0x80 | (cp & 0x3f));
        }
    }
    *o++ = '"';
    m_size += o - start;
}

} // namespace Chainscope
