#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

#include <vector>

namespace Chainscope {

// Writes the free-form facts of one event (Event::detailsJson) as compact JSON text,
// straight into one reused buffer. Building a QJsonObject key by key costs a few
// allocations per key, and serialising it again for the case more: on a log of
// millions of events that was most of the import time. Every reader that writes
// details uses this one writer, so they all escape alike.
//
// Strings are written as valid JSON and UTF-8 whatever they hold: quotes, backslashes
// and control characters are escaped, invalid UTF-8 and lone surrogates become U+FFFD
// (as QString::fromUtf8 does it, so that details and the QString columns agree).
class EventDetails
{
public:
    EventDetails();

    // Starts a new object; the buffer keeps its capacity.
    void begin();
    // Keys are written once: the first value for a key wins. A key's bytes must stay
    // valid until finish() (literals, or field names in the reader's record buffer).
    bool has(QByteArrayView key) const;

    // Bytes that should be UTF-8 but may be anything (decoded hex arguments of audit).
    void string(QByteArrayView key, QByteArrayView utf8);
    void text(QByteArrayView key, QStringView text);
    void number(QByteArrayView key, qint64 value);
    void boolean(QByteArrayView key, bool value);
    void strings(QByteArrayView key, const std::vector<QByteArrayView> &utf8Items);

    // The finished object as compact JSON text.
    QByteArray finish();

private:
    bool startKey(QByteArrayView key);
    // Room for `more` bytes after the text written so far; returns where they go.
    char *reserve(qsizetype more);
    void put(char c)
    {
        *reserve(1) = c;
        ++m_size;
    }
    void put(QByteArrayView bytes);
    void appendUtf8(QByteArrayView bytes);
    void appendEscaped(QByteArrayView bytes);
    void appendUtf16(QStringView text);

    QByteArray m_json; // its size is the capacity; m_size bytes are written
    qsizetype m_size = 0;
    // Views of the keys written so far, and a one-bit summary of each, so that most
    // keys are known to be new without comparing them with every key.
    std::vector<QByteArrayView> m_keys;
    quint64 m_keyMask = 0;
};

} // namespace Chainscope
