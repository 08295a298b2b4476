#include "jsonrecordstream.h"

#include "inputfile.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace Chainscope {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Chainscope::JsonRecordStream)
};

constexpr qint64 BlockBytes = 64 * 1024;

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Lines that `log show` and `log stream` print around the records, not evidence.
bool isLogToolLine(QByteArrayView line)
{
    return line.startsWith("Filtering the log data") || line.startsWith("Skipping info and debug messages")
        || line.startsWith("Timestamp ");
}

} // namespace

QList<QByteArrayView> JsonRecordStream::headRecords(QByteArrayView head, int maxRecords)
{
    QList<QByteArrayView> records;
    qsizetype at = 0;
    while (at < head.size() && records.size() < maxRecords) {
        qsizetype end = head.indexOf('\n', at);
        if (end < 0)
            end = head.size();
        const qsizetype lineStart = at;
        const QByteArrayView line = head.sliced(at, end - at).trimmed();
        at = end + 1;
        if (line.isEmpty() || isLogToolLine(line))
            continue;
        if (line.front() == '[') {
            // An array: everything after the bracket, whatever its layout.
            if (records.isEmpty())
                records.append(head.sliced(head.indexOf('[', lineStart) + 1));
            break;
        }
        if (line.front() != '{')
            break;
        records.append(line);
    }
    return records;
}

bool JsonRecordStream::hasKey(QByteArrayView record, QByteArrayView key)
{
    qsizetype from = 0;
    for (;;) {
        const qsizetype at = record.indexOf(key, from);
        if (at < 0)
            return false;
        from = at + 1;
        if (at == 0 || record[at - 1] != '"' || at + key.size() >= record.size() || record[at + key.size()] != '"')
            continue;
        qsizetype after = at + key.size() + 1;
        while (after < record.size() && isBlank(record[after]))
            ++after;
        if (after < record.size() && record[after] == ':')
            return true;
    }
}

JsonRecordStream::JsonRecordStream(InputFile &input, qsizetype maxObjectBytes)
    : m_input(input)
    , m_max(maxObjectBytes)
{
}

JsonRecordStream::Status JsonRecordStream::next()
{
    if (m_mode == Mode::Unknown) {
        // The first byte that is not blank decides, past the lines `log` writes before
        // the records (the detector skips them too, so an export that starts with
        // "Filtering the log data using …" is an array when its first record line is
        // '['). 64 KiB at most are looked at: a head of nothing but blanks and such lines
        // is read as lines, and each is skipped.
        const QByteArray head = m_input.peek(64 * 1024);
        m_mode = Mode::Lines;
        int toolLines = 0;
        qsizetype at = 0;
        while (at < head.size()) {
            qsizetype end = head.indexOf('\n', at);
            if (end < 0)
                end = head.size();
            const QByteArrayView line = QByteArrayView(head).sliced(at, end - at).trimmed();
            if (line.isEmpty() || isLogToolLine(line)) {
                toolLines += line.isEmpty() ? 0 : 1;
                at = end + 1;
                continue;
            }
            if (line.front() == '[') {
                m_mode = Mode::Array;
                m_arrayStart = head.indexOf('[', at);
                m_headerLines = toolLines;
            }
            break;
        }
    }
    if (m_mode == Mode::Lines)
        return nextLine();
    if (m_headerLines > 0) {
        // Reported as in the JSON lines layout: each header line is one skipped line.
        --m_headerLines;
        m_raw.clear();
        m_object = QJsonObject();
        return Status::Skipped;
    }
    return nextInArray();
}

JsonRecordStream::Status JsonRecordStream::parse(qint64 pos)
{
    m_pos = pos;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(m_raw, &error);
    if (error.error != QJsonParseError::NoError) {
        m_error = Text::tr("not valid JSON (%1 at byte %2 of the record)").arg(error.errorString()).arg(error.offset);
        return Status::Error;
    }
    if (!doc.isObject()) {
        m_error = Text::tr("a JSON value that is not an object");
        return Status::Error;
    }
    m_object = doc.object();
    return Status::Object;
}

JsonRecordStream::Status JsonRecordStream::nextLine()
{
    QByteArrayView line;
    qint64 pos = 0;
    const InputFile::LineStatus status = m_input.nextLine(line, pos);
    m_raw.clear();
    m_object = QJsonObject();
    m_pos = pos;
    if (status == InputFile::LineStatus::End)
        return Status::End;
    if (status == InputFile::LineStatus::TooLong) {
        m_error = Text::tr("record longer than %1 bytes, skipped").arg(m_max);
        return Status::Error;
    }
    const QByteArrayView trimmed = line.trimmed();
    if (trimmed.isEmpty() || isLogToolLine(trimmed))
        return Status::Skipped;
    if (line.size() > m_max) {
        m_error = Text::tr("record longer than %1 bytes, skipped").arg(m_max);
        return Status::Error;
    }
    m_raw = line.toByteArray();
    if (trimmed.front() != '{') {
        m_error = Text::tr("not a JSON object");
        return Status::Error;
    }
    return parse(pos);
}

bool JsonRecordStream::fill()
{
    m_blockPos += m_block.size();
    m_block.resize(BlockBytes);
    const qint64 n = m_input.read(m_block.data(), BlockBytes);
    m_block.resize(n > 0 ? n : 0);
    m_at = 0;
    return n > 0;
}

JsonRecordStream::Status JsonRecordStream::nextInArray()
{
    m_object = QJsonObject();
    qsizetype start = m_depth > 0 ? m_at : -1; // where the current object's bytes begin in m_block
    for (;;) {
        if (m_at >= m_block.size()) {
            if (m_depth > 0 && !m_overlong)
                m_raw.append(m_block.constData() + start, m_block.size() - start);
            if (m_ended || !fill()) {
                m_ended = true;
                if (m_depth > 0) {
                    // The file ends inside an object: a cut export.
                    const bool overlong = m_overlong;
                    m_depth = 0;
                    m_inString = m_escape = m_overlong = false;
                    m_raw.clear();
                    if (overlong)
                        return Status::End; // already reported as overlong
                    m_error = Text::tr("the file ends inside a JSON object (cut off)");
                    return Status::Error;
                }
                return Status::End;
            }
            start = 0;
        }
        const char c = m_block[m_at];
        if (m_depth == 0) {
            if (m_blockPos + m_at < m_arrayStart) {
                // log's header lines before the array, already reported as skipped.
                ++m_at;
                continue;
            }
            if (c == '{') {
                m_inJunk = false;
                m_depth = 1;
                m_pos = m_blockPos + m_at;
                m_raw.clear();
                start = m_at;
                ++m_at;
                continue;
            }
            ++m_at;
            if (isBlank(c) || c == ',' || c == '[' || c == ']')
                continue;
            if (!m_inJunk) {
                // Text between the objects that JSON does not allow: reported once per run
                // of it, and the scan goes on to the next object.
                m_inJunk = true;
                m_pos = m_blockPos + m_at - 1;
                m_raw.clear();
                m_error = Text::tr("text between the JSON objects of the array, skipped up to the next object");
                return Status::Error;
            }
            continue;
        }
        ++m_at;
        bool closed = false;
        if (m_inString) {
            if (m_escape)
                m_escape = false;
            else if (c == '\\')
                m_escape = true;
            else if (c == '"')
                m_inString = false;
        } else if (c == '"') {
            m_inString = true;
        } else if (c == '{' || c == '[') {
            if (++m_depth > MaxNestingDepth && !m_overlong) {
                // QJsonDocument would refuse it: one error, and the scan follows it to its
                // end without keeping its bytes.
                m_overlong = true;
                m_raw.clear();
                m_error = Text::tr("JSON object nested deeper than %1 levels, skipped").arg(MaxNestingDepth);
                return Status::Error;
            }
        } else if (c == '}' || c == ']') {
            closed = --m_depth == 0;
        }
        const bool tooLong = !m_overlong && m_raw.size() + (m_at - start) > m_max;
        if (closed) {
            if (m_overlong) {
                m_overlong = false;
                continue;
            }
            if (tooLong) {
                m_raw.clear();
                m_error = Text::tr("JSON object longer than %1 bytes, skipped").arg(m_max);
                return Status::Error;
            }
            m_raw.append(m_block.constData() + start, m_at - start);
            return parse(m_pos);
        }
        if (tooLong) {
            m_overlong = true;
            m_raw.clear();
            m_error = Text::tr("JSON object longer than %1 bytes, skipped").arg(m_max);
            return Status::Error;
        }
    }
}

} // namespace Chainscope
