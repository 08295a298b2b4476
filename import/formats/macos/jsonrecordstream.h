#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Chainscope {

class InputFile;

// The JSON objects of a log file, one at a time, with constant memory: the unified log
// (`log show --style ndjson` or `--style json`) and eslogger. Two layouts:
//  - JSON lines: one object per line (ndjson, eslogger). A line is a record: a damaged
//    one is one error, and the next line starts afresh.
//  - one JSON array of objects, possibly pretty-printed over many lines (`--style json`):
//    the bytes are scanned for the end of each top-level object (strings and nesting
//    followed), and only that object is held and parsed.
// The layout is decided by the first byte that is not blank, after the lines that `log`
// writes before the records ("Filtering the log data using …", as headRecords() skips
// them): '[' is an array.
//
// An object longer than the cap, or nested deeper than MaxNestingDepth, is not held: it
// is reported and skipped (in an array the scan follows it to its end, so the objects
// after it are read).
class JsonRecordStream
{
public:
    // Real records are a few KiB; an eslogger exec with its whole environment can reach
    // the kernel's ARG_MAX (1 MiB) and more once escaped.
    static constexpr qsizetype DefaultMaxObjectBytes = 4 * 1024 * 1024;
    // Brackets an object may nest, its own '{' included: QJsonDocument refuses deeper ones.
    static constexpr int MaxNestingDepth = 1024;

    enum class Status {
        Object, // `object`, `raw` and `pos` are set
        Error, // a damaged or overlong record at `pos`: `error` says what was wrong
        Skipped, // a blank line or a line that `log` writes around the records
        End,
    };

    explicit JsonRecordStream(InputFile &input, qsizetype maxObjectBytes = DefaultMaxObjectBytes);

    // For detectors: the text of the first records in the head of a file, as far as the
    // head holds them (the first few lines that start with '{', or the text of an array
    // after its '['). Empty when the head is neither layout.
    static QList<QByteArrayView> headRecords(QByteArrayView head, int maxRecords = 8);
    // Whether a record's text names a key: `"key"` followed by a colon.
    static bool hasKey(QByteArrayView record, QByteArrayView key);

    Status next();

    const QJsonObject &object() const { return m_object; }
    // The record's bytes as they are in the file: the line, or the object's text.
    const QByteArray &raw() const { return m_raw; }
    // Decoded offset of the line (JSON lines) or of the object's '{' (array).
    qint64 pos() const { return m_pos; }
    const QString &error() const { return m_error; }
    bool isArray() const { return m_mode == Mode::Array; }

private:
    enum class Mode { Unknown, Lines, Array };
    Status nextLine();
    Status nextInArray();
    Status parse(qint64 pos);
    bool fill();

    InputFile &m_input;
    qsizetype m_max;
    Mode m_mode = Mode::Unknown;
    QJsonObject m_object;
    QByteArray m_raw;
    qint64 m_pos = -1;
    QString m_error;

    // Array scanning state.
    QByteArray m_block;
    qsizetype m_at = 0; // next byte of m_block to scan
    qint64 m_blockPos = 0; // decoded offset of m_block[0]
    // Open brackets of the current object. Past MaxNestingDepth the object is dropped but
    // still counted to its end; 64 bits cannot overflow on any file.
    qint64 m_depth = 0;
    qint64 m_arrayStart = 0; // decoded offset of the array's '[' (after log's header lines)
    int m_headerLines = 0; // log's header lines before the array, still to report as Skipped
    bool m_inString = false;
    bool m_escape = false;
    bool m_overlong = false; // the current object passed the cap: scanned, not kept
    bool m_inJunk = false; // text between objects that is not JSON punctuation
    bool m_ended = false;
};

} // namespace Chainscope
