#pragma once

#include "inputfile.h"
#include "reader.h"

#include <QByteArrayView>
#include <QString>

namespace Chainscope {

// `count` ASCII decimal digits at `at` as a number, or -1 when the text is shorter or a
// character there is no digit. Text logs date their lines with fixed-width fields
// ("2024-01-02 10:00:00", "+0200"); the readers of every platform read them this way,
// without a locale and without allocating.
inline int decimalField(QByteArrayView s, qsizetype at, int count)
{
    if (at < 0 || count < 0 || at > s.size() - count)
        return -1;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char c = s[at + i];
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

// A line of spaces, tabs, carriage returns and form feeds only: no record, no error.
inline bool isBlankLine(QByteArrayView line)
{
    for (const char c : line) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v')
            return false;
    }
    return true;
}

// Cancellation is an atomic load: cheap, but not worth doing on every line.
constexpr qint64 TextLineCancelPoll = 4096;

// Hands every non-blank line of a line-per-record log to `handle(line, pos)` and does
// the counting every such reader does alike: blank lines are skipped (not evidence,
// not errors), an overlong line is read and failed with `tooLong`, every other line
// counts as read. Stops early when the import is cancelled.
template<typename Handler>
void forEachTextLine(
    InputFile &input, const ReaderContext &context, ImportSink &sink, const QString &tooLong, Handler &&handle)
{
    QByteArrayView line;
    qint64 pos = 0;
    for (qint64 n = 0;; ++n) {
        if (n % TextLineCancelPoll == 0 && context.cancelled())
            return;
        const InputFile::LineStatus status = input.nextLine(line, pos);
        if (status == InputFile::LineStatus::End)
            return;
        if (status == InputFile::LineStatus::TooLong) {
            sink.recordRead();
            sink.recordError(pos, tooLong);
            continue;
        }
        if (isBlankLine(line)) {
            sink.recordSkipped();
            continue;
        }
        sink.recordRead();
        handle(line, pos);
    }
}

} // namespace Chainscope
