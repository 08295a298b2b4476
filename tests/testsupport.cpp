#include "testsupport.h"

#include "formats.h"
#include "inputfile.h"

#include <QDir>
#include <QProcess>

namespace Chainscope::Test {

QString corpusPath(const QString &relative)
{
    return QDir(QStringLiteral(CHAINSCOPE_CORPUS_DIR)).filePath(relative);
}

qint64 MemorySink::addRaw(const QByteArray &raw)
{
    raws.append(raw);
    return raws.size() - 1;
}

void MemorySink::addEvent(const Event &event, qint64 rawId)
{
    events.append({event, rawId});
    ++m_counts.eventsStored;
}

void MemorySink::storeError(qint64 pos, const QString &message)
{
    errors.append({pos, message});
}

QList<Event> MemorySink::ofKind(EventKind kind) const
{
    QList<Event> result;
    for (const Stored &s : events) {
        if (s.event.kind == kind)
            result.append(s.event);
    }
    return result;
}

void readFile(const QString &path, ReadResult &result, const QString &host)
{
    InputFile input;
    if (!input.open(path)) {
        result.error = input.errorString();
        return;
    }
    const LogFormat format = detectFormat(input.peek(64 * 1024));
    result.format = formatName(format);
    auto reader = createReader(format);
    if (!reader) {
        result.error = QStringLiteral("unknown format");
        return;
    }
    ReaderContext context;
    context.host = host;
    reader->read(input, context, result.sink);
    if (input.hasStreamError())
        result.sink.recordError(input.decodedPos(), input.streamError());
}

ProcessResult run(const QString &program, const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace Chainscope::Test
