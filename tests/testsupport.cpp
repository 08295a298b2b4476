#include "testsupport.h"

#include "evtxreader.h"
#include "evtxwriter.h"
#include "formats.h"
#include "inputfile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

namespace Chainscope::Test {

QString corpusPath(const QString &relative)
{
    return QDir(QStringLiteral(CHAINSCOPE_CORPUS_DIR)).filePath(relative);
}

QList<EvtxChunk> evtxChunks(const QByteArray &file)
{
    QList<EvtxChunk> chunks;
    for (qsizetype off = Evtx::FileHeaderSize; off < file.size(); off += Evtx::ChunkSize) {
        const QByteArray bytes = file.mid(off, Evtx::ChunkSize);
        if (Evtx::isChunk(bytes))
            chunks.append({off, bytes});
    }
    return chunks;
}

QByteArray generatedEvtx(int records)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("generated.evtx"));
    EvtxWriter writer;
    if (!writer.open(path).isEmpty())
        return {};
    for (int i = 0; i < records; ++i) {
        EvtxEvent e;
        e.provider = QStringLiteral("Microsoft-Windows-Sysmon");
        e.providerGuid = QUuid(QStringLiteral("{5770385f-c22a-43e0-bf4c-06f5698ffbd9}"));
        e.eventId = 1;
        e.channel = QStringLiteral("Microsoft-Windows-Sysmon/Operational");
        e.computer = QStringLiteral("ws-07");
        e.processId = 1000;
        e.threadId = 2000;
        e.setTimeUs(1700000000000000LL + qint64(i) * 1000000);
        e.eventData.append(
            {QStringLiteral("Image"), EvtxValue::string(QStringLiteral("C:\\Tools\\tool%1.exe").arg(i))});
        e.eventData.append({QStringLiteral("CommandLine"),
            EvtxValue::string(QStringLiteral("tool%1.exe --run %2").arg(i).arg(QString(60, u'x')))});
        if (!writer.add(e).isEmpty())
            return {};
    }
    if (!writer.close().isEmpty())
        return {};
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
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

void MemorySink::storeGap(quint64 first, quint64 last, qint64 pos)
{
    gaps.append({first, last, pos});
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
    const LogFormat format = builtinFormats().detect(input.peek(64 * 1024));
    result.format = formatName(format);
    auto reader = builtinFormats().createReader(format);
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

Timeline &Timeline::withSigning(const QString &teamId, const QString &status)
{
    if (!m_events.isEmpty()) {
        m_events.last().teamId = m_index.strings.intern(teamId);
        m_events.last().signatureStatus = m_index.strings.intern(status);
    }
    return *this;
}

Timeline &Timeline::fault(qint64 t, qint64 pid, const QString &path, const QString &teamId)
{
    IndexedEvent e = make(t, EventKind::SignatureFault, pid, -1, QString());
    e.target = m_index.strings.intern(path);
    e.teamId = m_index.strings.intern(teamId);
    m_events.append(e);
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

Timeline &Timeline::withGuids(
    const QString &guid, const QString &parentGuid, const QString &parentImage, const QString &parentCommandLine)
{
    IndexedEvent &e = m_events.last();
    e.processGuid = m_index.strings.intern(guid);
    e.parentGuid = m_index.strings.intern(parentGuid);
    e.parentImage = m_index.strings.intern(parentImage);
    e.parentCommandLine = m_index.strings.intern(parentCommandLine);
    return *this;
}

Timeline &Timeline::importedAgain(qint64 sourceId)
{
    const qsizetype n = m_events.size();
    for (qsizetype i = 0; i < n; ++i) {
        IndexedEvent copy = m_events.at(i);
        copy.id = m_events.size() + 1;
        copy.sourceId = sourceId;
        m_events.append(copy);
    }
    return *this;
}

void Timeline::build()
{
    // The case store hands events over in (time, id) order.
    QList<IndexedEvent> sorted = m_events;
    std::stable_sort(sorted.begin(), sorted.end(), [](const IndexedEvent &a, const IndexedEvent &b) {
        return a.timeUs != b.timeUs ? a.timeUs < b.timeUs : a.id < b.id;
    });
    m_index.build(sorted);
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

SmallFileSystem::SmallFileSystem(const QString &mountPoint, qint64 bytes)
    : m_path(mountPoint)
{
    if (geteuid() != 0) {
        m_whyNot = QStringLiteral("mounting a small tmpfs needs root");
        return;
    }
    if (!QDir().mkpath(mountPoint)) {
        m_whyNot = QStringLiteral("cannot create %1").arg(mountPoint);
        return;
    }
    const QByteArray options = "size=" + QByteArray::number(bytes) + ",mode=0777";
    if (::mount("tmpfs", QFile::encodeName(mountPoint).constData(), "tmpfs", 0, options.constData()) != 0) {
        m_whyNot = QStringLiteral("cannot mount a tmpfs here: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        return;
    }
    m_mounted = true;
}

SmallFileSystem::~SmallFileSystem()
{
    if (m_mounted)
        ::umount2(QFile::encodeName(m_path).constData(), MNT_DETACH);
}

bool SmallFileSystem::fill(const QString &name)
{
    const int fd = ::open(QFile::encodeName(filePath(name)).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return false;
    const QByteArray block(4096, 'x');
    bool full = false;
    for (int i = 0; i < 1 << 20 && !full; ++i) {
        if (::write(fd, block.constData(), size_t(block.size())) < 0)
            full = errno == ENOSPC;
    }
    // The last, partial block: fill to the very last byte.
    for (int i = 0; i < 4096 && full; ++i) {
        if (::write(fd, "x", 1) < 0)
            break;
    }
    ::close(fd);
    return full;
}

bool SmallFileSystem::remountReadOnly()
{
    return m_mounted
        && ::mount("tmpfs", QFile::encodeName(m_path).constData(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
}

QByteArray dpkgLog(int lines, int firstPackage)
{
    QByteArray log;
    for (int i = 0; i < lines; ++i) {
        const int n = firstPackage + i;
        log += "2024-01-02 " + QByteArray::number(10 + n / 3600 % 10) + ':'
            + QByteArray::number(n / 60 % 60).rightJustified(2, '0') + ':'
            + QByteArray::number(n % 60).rightJustified(2, '0') + " install package-" + QByteArray::number(n)
            + ":amd64 <none> 1." + QByteArray::number(n) + "-1\n";
    }
    return log;
}

static qint64 parseSystemTime(const QString &s)
{
    // "2017-07-12T17:16:28.214161600Z" (evtxexport) or "…28.2141616Z" (ours): both to µs.
    static const QRegularExpression rx(QStringLiteral(R"(^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?Z?$)"));
    const auto m = rx.match(s);
    if (!m.hasMatch())
        return -1;
    const QDateTime t(QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()),
        QTime(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt()), Qt::UTC);
    const QString frac = (m.captured(7) + QStringLiteral("000000")).left(6);
    return t.toMSecsSinceEpoch() / 1000 * 1000000 + frac.toLongLong();
}

// Parses one <Event> element the way the normalizer names fields: named Data by name,
// unnamed Data as Data1…, Binary, and UserData leaves as "Element/Child".
std::optional<OracleRecord> parseEventXml(const QString &xml)
{
    QXmlStreamReader r(xml);
    OracleRecord rec;
    QStringList path;
    int unnamed = 0;
    QString dataName;
    QString text;
    bool leaf = false;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            const QString name = r.name().toString();
            path.append(name);
            text.clear();
            leaf = true;
            const QString where = path.mid(0, 2).join(QLatin1Char('/'));
            const auto attribute = [&](const char *a) {
                return r.attributes().value(QLatin1String(a)).toString();
            };
            if (path.size() == 3 && path.at(1) == QLatin1String("System")) {
                rec.system.insert(name, QString()); // present, possibly empty
                for (const QXmlStreamAttribute &a : r.attributes())
                    rec.system.insert(name + u'@' + a.name().toString(), a.value().toString());
            } else if (path.size() == 3 && path.at(1) == QLatin1String("UserData")) {
                for (const QXmlStreamNamespaceDeclaration &d : r.namespaceDeclarations()) {
                    if (d.prefix().isEmpty())
                        rec.userDataNamespace = d.namespaceUri().toString();
                }
            }
            if (name == QLatin1String("Provider") && where == QLatin1String("Event/System")) {
                rec.provider = attribute("Name");
                if (rec.provider.isEmpty())
                    rec.provider = attribute("EventSourceName");
                rec.providerGuid = attribute("Guid");
            } else if (name == QLatin1String("Execution") && where == QLatin1String("Event/System")) {
                if (r.attributes().hasAttribute(QLatin1String("ProcessID")))
                    rec.processId = attribute("ProcessID").toLongLong();
                if (r.attributes().hasAttribute(QLatin1String("ThreadID")))
                    rec.threadId = attribute("ThreadID").toLongLong();
            } else if (name == QLatin1String("Security") && where == QLatin1String("Event/System")) {
                rec.userSid = attribute("UserID");
            } else if (name == QLatin1String("TimeCreated")) {
                rec.timeUs = parseSystemTime(r.attributes().value(QLatin1String("SystemTime")).toString());
            } else if (name == QLatin1String("Data") && path.size() == 3 && path.at(1) == QLatin1String("EventData")) {
                dataName = r.attributes().value(QLatin1String("Name")).toString();
                if (dataName.isEmpty())
                    dataName = QStringLiteral("Data%1").arg(++unnamed);
            }
        } else if (r.isCharacters()) {
            text += r.text();
        } else if (r.isEndElement()) {
            const QString name = path.constLast();
            if (path.size() == 3 && path.at(1) == QLatin1String("System")) {
                rec.system.insert(name, text);
                if (name == QLatin1String("EventID"))
                    rec.eventId = text.toUInt();
                else if (name == QLatin1String("EventRecordID"))
                    rec.recordId = text.toULongLong();
                else if (name == QLatin1String("Computer"))
                    rec.computer = text;
                else if (name == QLatin1String("Channel"))
                    rec.channel = text;
                else if (name == QLatin1String("Version"))
                    rec.version = text.toInt();
                else if (name == QLatin1String("Level"))
                    rec.level = text.toInt();
                else if (name == QLatin1String("Task"))
                    rec.task = text.toInt();
                else if (name == QLatin1String("Opcode"))
                    rec.opcode = text.toInt();
                else if (name == QLatin1String("Keywords"))
                    rec.keywords = text;
            } else if (path.size() == 3 && path.at(1) == QLatin1String("EventData")) {
                rec.data.append({name == QLatin1String("Data") ? dataName : name, text});
            } else if (path.size() >= 3 && path.at(1) == QLatin1String("UserData") && leaf) {
                rec.data.append({path.mid(2).join(QLatin1Char('/')), text});
            }
            leaf = false;
            text.clear();
            path.removeLast();
        }
    }
    if (r.hasError())
        return std::nullopt;
    return rec;
}

// Representation differences between evtxexport and the Windows rendering we follow,
// normalized here and nowhere else:
// - hex integers: evtxexport pads to the type's width ("0x000003e7"), Windows does not
//   ("0x3e7"): compared as numbers;
// - text values: evtxexport re-indents multi-line values (privilege lists) and trims;
//   compared with all whitespace runs collapsed.
bool sameValue(const QString &a, const QString &b)
{
    if (a == b)
        return true;
    if (a.startsWith(QLatin1String("0x")) && b.startsWith(QLatin1String("0x"))) {
        bool okA = false, okB = false;
        const quint64 va = a.mid(2).toULongLong(&okA, 16);
        const quint64 vb = b.mid(2).toULongLong(&okB, 16);
        if (okA && okB)
            return va == vb;
    }
    return a.simplified() == b.simplified();
}

QString describe(const QList<QPair<QString, QString>> &data)
{
    QStringList out;
    for (const auto &[k, v] : data)
        out << k + QLatin1Char('=') + v.left(80);
    return out.join(QLatin1String("; "));
}

QString describe(const WinEventFields &data)
{
    return describe(data.toList());
}

EvtxexportOutput evtxexport(const QString &path, int timeoutMs)
{
    EvtxexportOutput o;
    QProcess p;
    p.start(QStringLiteral(EVTXEXPORT_EXECUTABLE), {QStringLiteral("-f"), QStringLiteral("xml"), path});
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        o.error = QStringLiteral("evtxexport did not finish");
        return o;
    }
    o.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    o.err = p.readAllStandardError();
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    qsizetype pos = 0;
    for (;;) {
        const qsizetype start = out.indexOf(QLatin1String("<Event xmlns"), pos);
        if (start < 0)
            break;
        const qsizetype end = out.indexOf(QLatin1String("</Event>"), start);
        if (end < 0) {
            o.unterminatedAt = start;
            break;
        }
        o.events.append(out.mid(start, end + 8 - start));
        pos = end + 8;
    }
    return o;
}

QList<OracleRecord> runEvtxexport(const QString &path, QString *error)
{
    const EvtxexportOutput out = evtxexport(path);
    if (!out.error.isEmpty()) {
        *error = out.error;
        return {};
    }
    QList<OracleRecord> records;
    for (const QString &xml : out.events) {
        if (const auto rec = parseEventXml(xml))
            records.append(*rec);
    }
    return records;
}

} // namespace Chainscope::Test
