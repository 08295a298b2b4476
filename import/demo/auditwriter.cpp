#include "auditwriter.h"

#include <charconv>

namespace Chainscope {

namespace {

// Big enough that a 1 GB log takes a few hundred write() calls, small enough not to matter.
constexpr qsizetype FlushThreshold = 4 * 1024 * 1024;
// MAX_PROCTITLE_AUDIT_LEN in kernel/auditsc.c.
constexpr qsizetype ProctitleMax = 128;

bool needsHex(QByteArrayView value)
{
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (u == '"' || u < 0x21 || u > 0x7e)
            return true;
    }
    return false;
}

bool isPrint(unsigned char c)
{
    return c >= 0x20 && c < 0x7f;
}

} // namespace

void AuditTask::setIds(quint32 newUid, quint32 newGid)
{
    uid = euid = suid = fsuid = newUid;
    gid = egid = sgid = fsgid = newGid;
}

AuditLogWriter::AuditLogWriter(const QByteArray &node)
    : m_prefix(QByteArrayLiteral("node=") + node + QByteArrayLiteral(" type="))
{
    m_buffer.reserve(FlushThreshold + 64 * 1024);
}

AuditLogWriter::~AuditLogWriter()
{
    if (m_file.isOpen())
        close();
}

bool AuditLogWriter::open(const QString &path)
{
    m_file.setFileName(path);
    // Our own buffer already batches writes; QFile's would only copy them again.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        m_error = m_file.errorString();
        return false;
    }
    return true;
}

bool AuditLogWriter::close()
{
    flushBuffer();
    m_file.close();
    return m_error.isEmpty();
}

void AuditLogWriter::flushBuffer()
{
    if (m_buffer.isEmpty())
        return;
    if (m_error.isEmpty() && m_file.write(m_buffer) != m_buffer.size())
        m_error = m_file.errorString();
    m_bytes += m_buffer.size();
    m_buffer.resize(0); // keeps the capacity
}

void AuditLogWriter::appendDecimal(QByteArray &out, qint64 value)
{
    char digits[24];
    const auto r = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, r.ptr - digits);
}

void AuditLogWriter::appendHexNumber(QByteArray &out, quint64 value)
{
    // The kernel prints a0..a3 with %lx: lowercase, no prefix.
    char digits[24];
    const auto r = std::to_chars(digits, digits + sizeof digits, value, 16);
    out.append(digits, r.ptr - digits);
}

void AuditLogWriter::appendHex(QByteArray &out, QByteArrayView value)
{
    static constexpr char Digits[] = "0123456789ABCDEF";
    const qsizetype start = out.size();
    out.resize(start + 2 * value.size());
    char *p = out.data() + start;
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        *p++ = Digits[u >> 4];
        *p++ = Digits[u & 0xf];
    }
}

void AuditLogWriter::appendEncoded(QByteArray &out, QByteArrayView value)
{
    if (needsHex(value)) {
        appendHex(out, value);
    } else {
        out.append('"');
        out.append(value);
        out.append('"');
    }
}

QByteArray AuditLogWriter::proctitleValue(const QList<QByteArray> &argv)
{
    QByteArray raw;
    for (const QByteArray &arg : argv) {
        raw.append(arg);
        raw.append('\0');
    }
    raw.truncate(ProctitleMax);
    // audit_proctitle_rtrim(): drop trailing non-printables (the final NULs, and with
    // them any trailing empty arguments).
    qsizetype len = raw.size();
    while (len > 0 && !isPrint(static_cast<unsigned char>(raw.at(len - 1))))
        --len;
    raw.truncate(len);
    QByteArray out;
    if (raw.isEmpty())
        return QByteArrayLiteral("(null)");
    appendEncoded(out, raw);
    return out;
}

QByteArray AuditLogWriter::sockaddrInetHex(quint32 address, quint16 port)
{
    const char bytes[16] = {2, 0, char(port >> 8), char(port & 0xff), char(address >> 24), char((address >> 16) & 0xff),
        char((address >> 8) & 0xff), char(address & 0xff), 0, 0, 0, 0, 0, 0, 0, 0};
    QByteArray out;
    appendHex(out, QByteArrayView(bytes, sizeof bytes));
    return out;
}

qint64 AuditLogWriter::beginEvent(qint64 msecsSinceEpoch)
{
    m_serial = m_nextSerial++;
    ++m_events;
    m_stamp.resize(0);
    m_stamp.append("audit(");
    appendDecimal(m_stamp, msecsSinceEpoch / 1000);
    m_stamp.append('.');
    const int ms = int(msecsSinceEpoch % 1000);
    m_stamp.append(char('0' + ms / 100));
    m_stamp.append(char('0' + ms / 10 % 10));
    m_stamp.append(char('0' + ms % 10));
    m_stamp.append(':');
    appendDecimal(m_stamp, m_serial);
    m_stamp.append("): ");
    return m_serial;
}

void AuditLogWriter::beginDaemonEvent(qint64 msecsSinceEpoch, quint32 sequence)
{
    const qint64 kernelNext = m_nextSerial;
    m_nextSerial = sequence;
    beginEvent(msecsSinceEpoch);
    m_nextSerial = kernelNext;
}

void AuditLogWriter::beginRecord(QByteArrayView type)
{
    m_buffer.append(m_prefix);
    m_buffer.append(type);
    m_buffer.append(" msg=");
    m_buffer.append(m_stamp);
}

void AuditLogWriter::endRecord()
{
    m_buffer.append('\n');
    ++m_records;
    if (m_buffer.size() >= FlushThreshold)
        flushBuffer();
}

void AuditLogWriter::record(QByteArrayView type, QByteArrayView body)
{
    beginRecord(type);
    m_buffer.append(body);
    endRecord();
}

void AuditLogWriter::syscall(const AuditSyscall &call, const AuditTask &task)
{
    QByteArray &b = m_buffer;
    beginRecord("SYSCALL");
    b.append("arch=c000003e syscall=");
    appendDecimal(b, call.number);
    if (call.returns) {
        b.append(call.exit < 0 && call.exit >= -4095 ? " success=no exit=" : " success=yes exit=");
        appendDecimal(b, call.exit);
    }
    b.append(" a0=");
    appendHexNumber(b, call.a0);
    b.append(" a1=");
    appendHexNumber(b, call.a1);
    b.append(" a2=");
    appendHexNumber(b, call.a2);
    b.append(" a3=");
    appendHexNumber(b, call.a3);
    b.append(" items=");
    appendDecimal(b, call.items);
    b.append(" ppid=");
    appendDecimal(b, task.ppid);
    b.append(" pid=");
    appendDecimal(b, task.pid);
    b.append(" auid=");
    appendDecimal(b, task.auid);
    b.append(" uid=");
    appendDecimal(b, task.uid);
    b.append(" gid=");
    appendDecimal(b, task.gid);
    b.append(" euid=");
    appendDecimal(b, task.euid);
    b.append(" suid=");
    appendDecimal(b, task.suid);
    b.append(" fsuid=");
    appendDecimal(b, task.fsuid);
    b.append(" egid=");
    appendDecimal(b, task.egid);
    b.append(" sgid=");
    appendDecimal(b, task.sgid);
    b.append(" fsgid=");
    appendDecimal(b, task.fsgid);
    b.append(" tty=");
    b.append(task.tty);
    b.append(" ses=");
    appendDecimal(b, task.ses);
    b.append(" comm=");
    // TASK_COMM_LEN is 16 including the NUL.
    appendEncoded(b, QByteArrayView(task.comm).first(qMin<qsizetype>(task.comm.size(), 15)));
    b.append(" exe=");
    appendEncoded(b, task.exe);
    b.append(" subj=");
    b.append(task.subj);
    b.append(" key=");
    if (call.key.isEmpty())
        b.append("(null)");
    else
        appendEncoded(b, call.key);
    endRecord();
}

void AuditLogWriter::execve(const QList<QByteArray> &argv)
{
    // Arguments longer than MAX_EXECVE_AUDIT_LEN (7500) would be split into aN[i]
    // pieces across several records; no caller passes such arguments.
    beginRecord("EXECVE");
    m_buffer.append("argc=");
    appendDecimal(m_buffer, argv.size());
    for (qsizetype i = 0; i < argv.size(); ++i) {
        m_buffer.append(" a");
        appendDecimal(m_buffer, i);
        m_buffer.append('=');
        appendEncoded(m_buffer, argv.at(i));
    }
    endRecord();
}

void AuditLogWriter::cwd(QByteArrayView directory)
{
    beginRecord("CWD");
    m_buffer.append("cwd=");
    appendEncoded(m_buffer, directory);
    endRecord();
}

void AuditLogWriter::path(int item, const AuditPathItem &p)
{
    QByteArray &b = m_buffer;
    beginRecord("PATH");
    b.append("item=");
    appendDecimal(b, item);
    b.append(" name=");
    if (p.name.isEmpty())
        b.append("(null)");
    else
        appendEncoded(b, p.name);
    if (p.inode >= 0) {
        b.append(" inode=");
        appendDecimal(b, p.inode);
        b.append(" dev=");
        b.append(p.dev);
        // %#ho: octal with a leading 0, plain "0" for zero.
        b.append(" mode=");
        char digits[16];
        const auto r = std::to_chars(digits, digits + sizeof digits, p.mode, 8);
        if (p.mode != 0)
            b.append('0');
        b.append(digits, r.ptr - digits);
        b.append(" ouid=");
        appendDecimal(b, p.ouid);
        b.append(" ogid=");
        appendDecimal(b, p.ogid);
        b.append(" rdev=00:00");
    }
    b.append(" nametype=");
    b.append(p.nametype);
    // audit_log_fcaps() always prints these since kernel 4.x; cleared sets print as 0.
    b.append(" cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0");
    endRecord();
}

void AuditLogWriter::sockaddrInet(quint32 address, quint16 port)
{
    beginRecord("SOCKADDR");
    m_buffer.append("saddr=");
    m_buffer.append(sockaddrInetHex(address, port));
    endRecord();
}

void AuditLogWriter::proctitle(const QList<QByteArray> &argv)
{
    beginRecord("PROCTITLE");
    m_buffer.append("proctitle=");
    m_buffer.append(proctitleValue(argv));
    endRecord();
}

void AuditLogWriter::userMessage(QByteArrayView type, const AuditTask &sender, QByteArrayView message)
{
    // audit_log_common_recv_msg(): the sender's identity, then the text it sent.
    QByteArray &b = m_buffer;
    beginRecord(type);
    b.append("pid=");
    appendDecimal(b, sender.pid);
    b.append(" uid=");
    appendDecimal(b, sender.uid);
    b.append(" auid=");
    appendDecimal(b, sender.auid);
    b.append(" ses=");
    appendDecimal(b, sender.ses);
    b.append(" subj=");
    b.append(sender.subj);
    b.append(" msg='");
    b.append(message);
    b.append('\'');
    endRecord();
}

} // namespace Chainscope
