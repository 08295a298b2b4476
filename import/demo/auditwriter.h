#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QList>
#include <QString>

namespace Chainscope {

// The value the kernel prints for an unset auid or session (-1 as unsigned).
constexpr quint32 AuditUnset = 4294967295u;

// x86_64 syscall numbers the writer's callers use.
namespace AuditSyscallNr {
constexpr int Write = 1;
constexpr int Connect = 42;
constexpr int Sendto = 44;
constexpr int Clone = 56;
constexpr int Vfork = 58;
constexpr int Execve = 59;
constexpr int Rename = 82;
constexpr int Link = 86;
constexpr int Unlink = 87;
constexpr int ExitGroup = 231;
constexpr int Openat = 257;
constexpr int Fchmodat = 268;
} // namespace AuditSyscallNr

// The identity of a task as audit_log_task_info() prints it, plus what PROCTITLE and CWD
// records need. Callers keep one per simulated process and copy it into events, so the
// record shows the credentials the task had at that moment.
struct AuditTask
{
    qint64 pid = 0;
    qint64 ppid = 0;
    quint32 auid = AuditUnset;
    quint32 uid = 0;
    quint32 gid = 0;
    quint32 euid = 0;
    quint32 suid = 0;
    quint32 fsuid = 0;
    quint32 egid = 0;
    quint32 sgid = 0;
    quint32 fsgid = 0;
    quint32 ses = AuditUnset;
    QByteArray tty = QByteArrayLiteral("(none)");
    QByteArray comm;
    QByteArray exe;
    // AppArmor's label for unconfined tasks; Debian enables AppArmor by default.
    QByteArray subj = QByteArrayLiteral("unconfined");
    QList<QByteArray> argv; // the command line /proc/PID/cmdline shows (PROCTITLE)
    QByteArray cwd = QByteArrayLiteral("/");

    // Sets every uid and gid field, as a setuid()/setgid() pair or a fresh login does.
    void setIds(quint32 newUid, quint32 newGid);
};

// One PATH record.
struct AuditPathItem
{
    QByteArray name; // empty prints name=(null)
    qint64 inode = -1; // -1: the lookup failed, the kernel prints no inode fields
    QByteArray dev = QByteArrayLiteral("fe:01"); // major:minor in hex, here virtio vda1
    quint32 mode = 0;
    quint32 ouid = 0;
    quint32 ogid = 0;
    QByteArray nametype = QByteArrayLiteral("NORMAL"); // NORMAL, PARENT, CREATE, DELETE, UNKNOWN
};

// The syscall-specific part of a SYSCALL record.
struct AuditSyscall
{
    int number = 0;
    // exit_group never returns: audit_log_exit() then prints neither success= nor exit=.
    bool returns = true;
    qint64 exit = 0; // success=yes unless the value is an errno (-4095..-1)
    quint64 a0 = 0;
    quint64 a1 = 0;
    quint64 a2 = 0;
    quint64 a3 = 0;
    int items = 0; // number of PATH records that follow
    QByteArray key; // empty prints key=(null)
};

// Writes audit records the way auditd 3.x writes them with log_format=RAW and
// name_format=hostname: "node=HOST type=TYPE msg=audit(SEC.MSEC:SERIAL): BODY".
// Field formatting follows the kernel (kernel/audit.c, kernel/auditsc.c): strings that
// contain a double quote, a byte below 0x21 or above 0x7e are hex-encoded (uppercase),
// others are quoted. The output goes through one large buffer straight to the file, so
// benchmark-sized logs are limited by the disk rather than by formatting.
class AuditLogWriter
{
public:
    explicit AuditLogWriter(const QByteArray &node);
    ~AuditLogWriter();
    AuditLogWriter(const AuditLogWriter &) = delete;
    AuditLogWriter &operator=(const AuditLogWriter &) = delete;

    bool open(const QString &path);
    // Flushes and closes; false (see errorString()) if any write failed.
    bool close();
    QString errorString() const { return m_error; }

    // Starts a kernel event at the given time: it takes the next kernel serial.
    qint64 beginEvent(qint64 msecsSinceEpoch);
    // Starts an event auditd writes itself (DAEMON_*): auditd stamps those with its own
    // sequence number, which has nothing to do with the kernel's serials.
    void beginDaemonEvent(qint64 msecsSinceEpoch, quint32 sequence);
    void setNextSerial(qint64 serial) { m_nextSerial = serial; }
    qint64 currentSerial() const { return m_serial; }

    // A record of the current event with a preformatted body.
    void record(QByteArrayView type, QByteArrayView body);
    void syscall(const AuditSyscall &call, const AuditTask &task);
    void execve(const QList<QByteArray> &argv);
    void cwd(QByteArrayView directory);
    void path(int item, const AuditPathItem &p);
    void sockaddrInet(quint32 address, quint16 port);
    void proctitle(const QList<QByteArray> &argv);
    // A user-space message (USER_*, CRED_*): the kernel prefixes the sender's identity.
    void userMessage(QByteArrayView type, const AuditTask &sender, QByteArrayView message);

    qint64 events() const { return m_events; }
    qint64 records() const { return m_records; }
    qint64 bytesWritten() const { return m_bytes + m_buffer.size(); }

    // The kernel's rule for untrusted strings: quoted, or hex when it must be.
    static void appendEncoded(QByteArray &out, QByteArrayView value);
    static void appendHex(QByteArray &out, QByteArrayView value);
    static void appendDecimal(QByteArray &out, qint64 value);
    static void appendHexNumber(QByteArray &out, quint64 value);
    // The PROCTITLE value: argv joined by NUL, cut at 128 bytes, trailing
    // non-printables trimmed (audit_log_proctitle), then encoded.
    static QByteArray proctitleValue(const QList<QByteArray> &argv);
    // struct sockaddr_in as the kernel copies it: family 2 (little-endian), port and
    // address big-endian, 8 bytes of padding.
    static QByteArray sockaddrInetHex(quint32 address, quint16 port);

private:
    void beginRecord(QByteArrayView type);
    void endRecord();
    void flushBuffer();

    QByteArray m_prefix; // "node=HOST type="
    QByteArray m_stamp; // "audit(SEC.MSEC:SERIAL): "
    QByteArray m_buffer;
    QFile m_file;
    QString m_error;
    qint64 m_nextSerial = 1;
    qint64 m_serial = 0;
    qint64 m_events = 0;
    qint64 m_records = 0;
    qint64 m_bytes = 0;
};

} // namespace Chainscope
