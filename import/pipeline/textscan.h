#pragma once

#include <QByteArrayView>

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

} // namespace Chainscope
