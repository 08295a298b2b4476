#include "testsupport.h"

#include "formats.h"
#include "inputfile.h"

#include <QDir>
#include <QJsonDocument>
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
    // Readers may hand over details as JSON text only; tests read the object.
    if (!event.detailsJson.isEmpty())
        events.last().event.details = QJsonDocument::fromJson(event.detailsJson).object();
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

Timeline::Timeline(CaseIndex &index, const QString &host)
    : m_index(index)
    , m_host(host)
{
}

IndexedEvent Timeline::make(qint64 t, EventKind kind, qint64 pid, qint64 ppid, const QString &image)
{
    IndexedEvent e;
    e.id = m_events.size() + 1;
    e.timeUs = t;
    e.kind = kind;
    e.pid = pid;
    e.ppid = ppid;
    e.host = m_index.strings.intern(m_host);
    e.image = m_index.strings.intern(image);
    e.platform = m_platform;
    return e;
}

Timeline &Timeline::platform(Platform platform)
{
    m_platform = platform;
    return *this;
}

Timeline &Timeline::load(
    qint64 t, qint64 pid, const QString &path, const QString &signer, const QString &status, const QString &hashes)
{
    IndexedEvent e = make(t, EventKind::ModuleLoad, pid, -1, QString());
    e.target = m_index.strings.intern(path);
    e.signer = m_index.strings.intern(signer);
    e.signatureStatus = m_index.strings.intern(status);
    e.hashes = m_index.strings.intern(hashes);
    m_events.append(e);
    return *this;
}

Timeline &Timeline::withHashes(const QString &hashes)
{
    if (!m_events.isEmpty())
        m_events.last().hashes = m_index.strings.intern(hashes);
    return *this;
}

Timeline &Timeline::dns(qint64 t, qint64 pid, const QString &name, const QStringList &answers)
{
    IndexedEvent e = make(t, EventKind::DnsQuery, pid, -1, QString());
    e.dstHost = m_index.strings.intern(name);
    QList<qint32> ips;
    for (const QString &ip : answers)
        ips.append(m_index.strings.intern(ip));
    e.answers = m_index.addDnsAnswers(ips);
    m_events.append(e);
    return *this;
}

Timeline &Timeline::fork(qint64 t, qint64 parent, qint64 child, const QString &parentImage)
{
    IndexedEvent e = make(t, EventKind::ProcessStart, child, parent, parentImage);
    e.fork = true;
    m_events.append(e);
    return *this;
}

Timeline &Timeline::exec(qint64 t, qint64 pid, qint64 ppid, const QString &image, const QString &cmd)
{
    IndexedEvent e = make(t, EventKind::ProcessStart, pid, ppid, image);
    e.commandLine = m_index.strings.intern(cmd.isEmpty() ? image : cmd);
    e.target = e.image;
    m_events.append(e);
    return *this;
}

Timeline &Timeline::exit(qint64 t, qint64 pid)
{
    m_events.append(make(t, EventKind::ProcessExit, pid, -1, QString()));
    return *this;
}

Timeline &Timeline::write(qint64 t, qint64 pid, const QString &path)
{
    IndexedEvent e = make(t, EventKind::FileWrite, pid, -1, QString());
    e.target = m_index.strings.intern(path);
    m_events.append(e);
    return *this;
}

Timeline &Timeline::rename(qint64 t, qint64 pid, const QString &path)
{
    IndexedEvent e = make(t, EventKind::FileRename, pid, -1, QString());
    e.target = m_index.strings.intern(path);
    m_events.append(e);
    return *this;
}

Timeline &Timeline::connect(qint64 t, qint64 pid, const QString &ip, int port)
{
    IndexedEvent e = make(t, EventKind::NetConnect, pid, -1, QString());
    e.dstIp = m_index.strings.intern(ip);
    e.dstPort = port;
    e.local = ip.startsWith(QLatin1String("127."));
    m_events.append(e);
    return *this;
}

Timeline &Timeline::package(qint64 t, const QString &name)
{
    IndexedEvent e = make(t, EventKind::PackageInstall, -1, -1, QStringLiteral("dpkg"));
    e.target = m_index.strings.intern(name);
    m_events.append(e);
    return *this;
}

void Timeline::build()
{
    m_index.build(m_events);
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
