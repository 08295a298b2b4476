#include "fuzzsupport.h"

#include "eventjson.h"

#include <QDir>

#include <cstdio>
#include <unistd.h>

namespace Chainscope::Fuzz {

qint64 KeepingSink::addRaw(const QByteArray &raw)
{
    raws.append(raw);
    return raws.size() - 1;
}

void KeepingSink::addEvent(const Event &event, qint64 rawId)
{
    events.append(eventToJson(event));
    eventRaws.append(rawId);
}

void KeepingSink::storeError(qint64, const QString &message)
{
    // A hostile input can produce millions of errors; the count is in counts().
    if (errors.size() < 1000)
        errors.append(message);
}

QString scratchFile(const char *data, size_t size)
{
    // /dev/shm keeps the fuzzer off the disk; one file per process, rewritten per input.
    static const QString path = [] {
        const QString dir = QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
        return QStringLiteral("%1/chainscope-fuzz-%2").arg(dir).arg(::getpid());
    }();
    std::FILE *f = std::fopen(QFile::encodeName(path).constData(), "wb");
    if (!f)
        __builtin_trap(); // the harness cannot run at all: not a finding, but loud
    if (size != 0 && std::fwrite(data, 1, size, f) != size)
        __builtin_trap();
    std::fclose(f);
    return path;
}

bool readInto(Reader &reader, const QString &path, KeepingSink &sink)
{
    InputFile input;
    if (!input.open(path))
        return false;
    ReaderContext context;
    context.host = QStringLiteral("fuzz-host");
    context.decodeThreads = 1;
    reader.read(input, context, sink);
    return true;
}

void checkReader(Reader &first, Reader &second, const char *data, size_t size)
{
    const QString path = scratchFile(data, size);
    KeepingSink a;
    KeepingSink b;
    if (!readInto(first, path, a) || !readInto(second, path, b))
        __builtin_trap(); // a regular file we just wrote must open
    for (qint64 raw : a.eventRaws) {
        if (raw < 0 || raw >= a.raws.size())
            __builtin_trap();
    }
    const ImportCounts &ca = a.counts();
    const ImportCounts &cb = b.counts();
    if (ca.recordsRead < 0 || ca.recordsFailed < 0 || ca.recordsSkipped < 0)
        __builtin_trap();
    // Gaps are counted apart from errors (issue 11, finding 12); they must not differ either.
    if (ca.recordsRead != cb.recordsRead || ca.recordsFailed != cb.recordsFailed
        || ca.recordsSkipped != cb.recordsSkipped || ca.gaps != cb.gaps)
        __builtin_trap();
    if (a.raws != b.raws || a.events != b.events || a.eventRaws != b.eventRaws)
        __builtin_trap();
}

} // namespace Chainscope::Fuzz
