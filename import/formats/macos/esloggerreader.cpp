#include "esloggerreader.h"

#include "inputfile.h"
#include "macosparsing.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Chainscope {

using namespace Macos;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Chainscope::EsloggerReader)
};

constexpr qint64 CancelPollRecords = 1024;
constexpr qint64 ProtExec = 0x4; // <sys/mman.h>

qint64 numberOf(const QJsonValue &v)
{
    return Macos::wholeNumber(v);
}

QString pathOf(const QJsonValue &file)
{
    return file.toObject().value(QLatin1String("path")).toString();
}

// "<pid>.<pidversion>" of an audit token; empty without one.
QString keyOf(const QJsonValue &token)
{
    const QJsonObject t = token.toObject();
    const qint64 pid = numberOf(t.value(QLatin1String("pid")));
    const qint64 version = numberOf(t.value(QLatin1String("pidversion")));
    if (pid < 0 || version < 0)
        return QString();
    return QStringLiteral("%1.%2").arg(pid).arg(version);
}

// The file an es_destination_type_t names: an existing file, or a new one in a folder.
QString destinationOf(const QJsonObject &event)
{
    const QJsonObject destination = event.value(QLatin1String("destination")).toObject();
    if (const QJsonValue existing = destination.value(QLatin1String("existing_file")); existing.isObject())
        return pathOf(existing);
    const QJsonObject created = destination.value(QLatin1String("new_path")).toObject();
    if (created.isEmpty())
        return QString();
    QString dir = pathOf(created.value(QLatin1String("dir")));
    const QString name = created.value(QLatin1String("filename")).toString();
    if (dir.isEmpty())
        return name;
    if (!dir.endsWith(u'/'))
        dir += u'/';
    return dir + name;
}

bool isZeroHash(const QString &hex)
{
    for (const QChar c : hex) {
        if (c != u'0')
            return false;
    }
    return true;
}

QString commandLineOf(const QJsonArray &args)
{
    QStringList parts;
    for (const QJsonValue &a : args) {
        const QString arg = a.toString();
        // Quoted as splitCommandLine() reads it back: blanks group inside double quotes.
        if (arg.isEmpty() || arg.contains(u' ') || arg.contains(u'\t'))
            parts.append(u'"' + arg + u'"');
        else
            parts.append(arg);
    }
    return parts.join(u' ');
}

// The acting process of an event (message.process) or a started one (exec target, fork
// child): identity always, signing when `withSigning`.
void fillProcess(Event &e, QJsonObject &d, const QJsonObject &p, bool withSigning)
{
    const QJsonObject token = p.value(QLatin1String("audit_token")).toObject();
    e.pid = numberOf(token.value(QLatin1String("pid")));
    e.processKey = keyOf(token);
    e.ppid = numberOf(p.value(QLatin1String("ppid")));
    e.image = pathOf(p.value(QLatin1String("executable")));
    e.parentProcessKey = keyOf(p.value(QLatin1String("parent_audit_token")));
    if (const qint64 euid = numberOf(token.value(QLatin1String("euid"))); euid >= 0)
        d.insert(QStringLiteral("euid"), euid);
    if (const QString responsible = keyOf(p.value(QLatin1String("responsible_audit_token"))); !responsible.isEmpty()) {
        d.insert(QStringLiteral("responsible"), responsible);
        d.insert(QStringLiteral("responsible_pid"),
            numberOf(p.value(QLatin1String("responsible_audit_token")).toObject().value(QLatin1String("pid"))));
    }
    if (const qint64 original = numberOf(p.value(QLatin1String("original_ppid"))); original >= 0 && original != e.ppid)
        d.insert(QStringLiteral("original_ppid"), original);

    const QString signingId = p.value(QLatin1String("signing_id")).toString();
    const QString teamId = p.value(QLatin1String("team_id")).toString();
    putText(d, QStringLiteral("signing_id"), signingId);
    if (!withSigning) {
        putText(d, QStringLiteral("team_id"), teamId);
        return;
    }
    e.teamId = teamId;
    const QString cdhash = p.value(QLatin1String("cdhash")).toString().toLower();
    const bool hasHash = !cdhash.isEmpty() && !isZeroHash(cdhash);
    if (hasHash)
        e.hashes = QStringLiteral("CDHASH=") + cdhash;
    const QJsonValue flagsValue = p.value(QLatin1String("codesigning_flags"));
    const quint32 flags = quint32(qMax<qint64>(0, numberOf(flagsValue)));
    const bool hasSignature
        = hasHash || !signingId.isEmpty() || !teamId.isEmpty() || (flags & (CsValid | CsAdhoc | CsSigned)) != 0;
    if (flagsValue.isDouble() || hasSignature)
        e.signatureStatus = signatureStatus(flags, hasSignature);
    if (flagsValue.isDouble()) {
        d.insert(QStringLiteral("codesigning_flags"), QStringLiteral("0x%1").arg(flags, 8, 16, QLatin1Char('0')));
        d.insert(QStringLiteral("cs_flags"), QJsonArray::fromStringList(codeSigningFlagNames(flags)));
        d.insert(QStringLiteral("hardened_runtime"), (flags & CsRuntime) != 0);
    }
    if (const QJsonValue platform = p.value(QLatin1String("is_platform_binary")); platform.isBool())
        d.insert(QStringLiteral("platform_binary"), platform.toBool());
}

} // namespace

EsloggerReader::EsloggerReader(qsizetype maxObjectBytes)
    : m_maxObjectBytes(maxObjectBytes)
{
}

bool EsloggerReader::probe(QByteArrayView head)
{
    for (const QByteArrayView r : JsonRecordStream::headRecords(head)) {
        if (JsonRecordStream::hasKey(r, "@timestamp") || JsonRecordStream::hasKey(r, "_source"))
            return false;
        if (JsonRecordStream::hasKey(r, "event_type") && JsonRecordStream::hasKey(r, "process")
            && JsonRecordStream::hasKey(r, "audit_token") && JsonRecordStream::hasKey(r, "event"))
            return true;
    }
    return false;
}

void EsloggerReader::read(InputFile &input, const ReaderContext &context, ImportSink &sink)
{
    JsonRecordStream stream(input, m_maxObjectBytes);
    for (qint64 n = 0;; ++n) {
        if (n % CancelPollRecords == 0 && context.cancelled())
            return;
        const JsonRecordStream::Status status = stream.next();
        if (status == JsonRecordStream::Status::End)
            return;
        if (status == JsonRecordStream::Status::Skipped) {
            sink.recordSkipped();
            continue;
        }
        sink.recordRead();
        if (status == JsonRecordStream::Status::Error) {
            sink.recordError(stream.pos(), Text::tr("eslogger: %1").arg(stream.error()));
            continue;
        }
        const QJsonObject &o = stream.object();
        const QString time = o.value(QLatin1String("time")).toString();
        const std::optional<qint64> timeUs = parseWholeStamp(time.toLatin1(), QTimeZone::utc());
        if (!timeUs) {
            sink.recordError(stream.pos(),
                time.isEmpty() ? Text::tr("eslogger: event without a time")
                               : Text::tr("eslogger: unreadable time '%1'").arg(time.left(64)));
            continue;
        }
        const QJsonObject events = o.value(QLatin1String("event")).toObject();
        const QJsonObject process = o.value(QLatin1String("process")).toObject();
        if (events.size() != 1 || process.isEmpty()) {
            sink.recordError(
                stream.pos(), Text::tr("eslogger: not an Endpoint Security message (no event or process)"));
            continue;
        }
        const QString name = events.constBegin().key();
        const QJsonObject ev = events.constBegin().value().toObject();

        Event e = baseEvent(context, EventKind::LogMessage, *timeUs, stream.pos());
        QJsonObject d;
        d.insert(QStringLiteral("event"), name);
        for (const char *key : {"event_type", "seq_num", "global_seq_num"}) {
            if (const qint64 v = numberOf(o.value(QLatin1String(key))); v >= 0)
                d.insert(QLatin1String(key), v);
        }

        if (name == u"exec") {
            const QJsonObject target = ev.value(QLatin1String("target")).toObject();
            e.kind = EventKind::ProcessStart;
            fillProcess(e, d, target, true);
            e.commandLine = commandLineOf(ev.value(QLatin1String("args")).toArray());
            e.parentImage = pathOf(process.value(QLatin1String("executable")));
            if (e.parentProcessKey.isEmpty())
                e.parentProcessKey = keyOf(process.value(QLatin1String("parent_audit_token")));
            putText(d, QStringLiteral("cwd"), pathOf(ev.value(QLatin1String("cwd"))));
            putText(d, QStringLiteral("script"), pathOf(ev.value(QLatin1String("script"))));
        } else if (name == u"fork") {
            e.kind = EventKind::ProcessStart;
            e.forked = true;
            fillProcess(e, d, ev.value(QLatin1String("child")).toObject(), true);
            Event parent;
            QJsonObject ignored;
            fillProcess(parent, ignored, process, false);
            e.parentProcessKey = parent.processKey;
            e.parentImage = parent.image;
            if (e.ppid < 0)
                e.ppid = parent.pid;
        } else {
            fillProcess(e, d, process, false);
            if (name == u"exit") {
                e.kind = EventKind::ProcessExit;
                if (const qint64 stat = numberOf(ev.value(QLatin1String("stat"))); stat >= 0)
                    d.insert(QStringLiteral("exit_status"), stat);
            } else if (name == u"create") {
                e.kind = EventKind::FileWrite;
                e.targetPath = destinationOf(ev);
            } else if (name == u"write") {
                e.kind = EventKind::FileWrite;
                e.targetPath = pathOf(ev.value(QLatin1String("target")));
            } else if (name == u"close") {
                e.targetPath = pathOf(ev.value(QLatin1String("target")));
                if (ev.value(QLatin1String("modified")).toBool())
                    e.kind = EventKind::FileWrite;
            } else if (name == u"rename") {
                e.kind = EventKind::FileRename;
                e.targetPath = destinationOf(ev);
                putText(d, QStringLiteral("old_path"), pathOf(ev.value(QLatin1String("source"))));
            } else if (name == u"unlink") {
                e.kind = EventKind::FileDelete;
                e.targetPath = pathOf(ev.value(QLatin1String("target")));
            } else if (name == u"mmap") {
                e.targetPath = pathOf(ev.value(QLatin1String("source")));
                const qint64 protection = numberOf(ev.value(QLatin1String("protection")));
                if (protection >= 0) {
                    d.insert(QStringLiteral("protection"), protection);
                    if (protection & ProtExec)
                        e.kind = EventKind::ModuleLoad;
                }
            }
            if (e.kind == EventKind::FileWrite || e.kind == EventKind::FileRename || e.kind == EventKind::FileDelete)
                d.insert(QStringLiteral("action"), name == u"close" ? QStringLiteral("close_modified") : name);
            if ((e.kind == EventKind::FileWrite || e.kind == EventKind::FileRename || e.kind == EventKind::FileDelete
                    || e.kind == EventKind::ModuleLoad)
                && e.targetPath.isEmpty()) {
                // A file event that names no file says only that the process acted.
                e.kind = EventKind::LogMessage;
                d.insert(QStringLiteral("no_path"), true);
            }
        }
        e.details = d;
        sink.addEvent(e, sink.addRaw(stream.raw()));
    }
}

} // namespace Chainscope
