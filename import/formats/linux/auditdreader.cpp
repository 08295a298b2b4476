#include "auditdreader.h"

#include "auditdparser.h"
#include "eventdetails.h"
#include "inputfile.h"
#include "sha256.h"
#include "syscalltable.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <charconv>
#include <compare>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <vector>

// Event mapping (one audit event -> one Event; every event gets details.serial and
// details.types, the record types in the order they first appear):
//   execve/execveat, success      -> process_start (image = exe, commandLine = argv,
//                                    targetPath = PATH item 0 resolved against CWD)
//   fork/vfork/clone/clone3, ok   -> process_start of the child (pid = exit value,
//                                    ppid = caller, details.via = "fork"); clone with
//                                    CLONE_THREAD is a thread: log_message
//   exit/exit_group               -> process_exit
//   open*/creat writing, success  -> file_write (write flags or a CREATE path)
//   rename*, success              -> file_rename (targetPath = new, details.from = old)
//   link*/symlink*, chmod, chown, xattr, truncate families, success
//                                 -> file_write with details.op
//   unlink*/rmdir, success        -> file_delete
//   connect, sendto/sendmsg with an inet/inet6/unix SOCKADDR
//                                 -> net_connect (failed ones too: details.success/exit)
//   init_module/finit_module, ok  -> module_load
//   everything else (other syscalls, failed file operations, user-space and daemon
//   records)                      -> log_message with the parsed fields
// Failed file operations are log messages: nothing was written, and the correlation
// must not see an attempt as a write.
//
// details keys. Every event: serial, types, auidName (ENRICHED logs). Syscall events:
// syscall (name, or the number when unknown), arch, success, exit, auid, uid, euid,
// ses (numbers), tty, comm, key, cwd, proctitle; by kind: argv, argvIncomplete
// (execve); via = "fork", thread (fork family); exitCode (exit); flags, op, from,
// newMode (file operations); targetMode, targetInode, targetDev (the target's PATH
// record); family ("inet", "inet6", "unix" or the AF_ number), socketPath, address,
// port (SOCKADDR); module (KERN_MODULE). Other records' fields (user-space payloads
// included) are copied under their own names, the first occurrence winning.

namespace Chainscope {

using namespace Audit;

namespace {

// The reassembly window. An event leaves it when more than WindowRecords records
// have been read since its last record and the audit clock (the latest stamp seen)
// is more than WindowUs past its stamp. The kernel writes the records of one event
// within microseconds, but auditd's dispatching and log shippers reorder lines, and
// EOE cannot be trusted (reordered files carry it first). Both conditions together
// tolerate bursts (many records in little time) and slow logs (long time, few records).
constexpr qint64 WindowRecords = 4096;
constexpr qint64 WindowUs = 3 * 1000 * 1000;
// Bounds that win over the window: a clock that does not move (or moves backwards)
// must not keep events pending forever, and memory stays bounded whatever the file.
constexpr qint64 StaleRecords = 16 * WindowRecords;
constexpr qint64 MaxPendingRecords = 1 << 18;
// Records are small, but their count alone does not bound memory: a file of lines
// near MaxLineLength would hold gigabytes in MaxPendingRecords records. The bytes
// held for pending events are capped too; past the cap the oldest event leaves.
constexpr qint64 MaxPendingBytes = 64 << 20;
constexpr qsizetype MaxEventBytes = 64 << 20;
// The kernel writes at most a few KiB per record (it splits long EXECVE arguments
// over several records); a longer line is not an audit record and is dropped while
// it streams past, never held whole.
constexpr qsizetype MaxAuditLineLength = 64 * 1024;
constexpr qint64 ReadBlockSize = 256 * 1024;
// execve(2) accepts argument pointers and strings within a quarter of the stack limit:
// with the usual 8 MiB stack, 2 MiB hold at most ~233k empty arguments (8-byte pointer
// plus NUL each). EXECVE fields with larger indexes are malformed.
constexpr qint64 MaxExecveArgs = 1 << 18;
constexpr size_t MaxEventRecords = 1 << 16;
constexpr qint64 CancelCheckLines = 4096;

// Lost events: a serial hole is reported once no event can plausibly fill it any
// more (this many serials later), or when the run ends, or at the end of the file.
constexpr quint64 SettleSerials = 1 << 20;
constexpr size_t MaxHoles = 1024;
constexpr quint64 MaxSerialJump = quint64(1) << 32;

// Distinct record types and node names kept by name; a garbage file with a new
// "type" on every line must not grow the tables without bound.
constexpr int MaxInterned = 1 << 14;

constexpr quint64 CloneThread = 0x10000; // CLONE_THREAD
constexpr quint64 OpenWriteOnly = 01; // O_WRONLY, same value on x86 and asm-generic
constexpr quint64 OpenReadWrite = 02; // O_RDWR
constexpr quint64 OpenCreate = 0100; // O_CREAT
constexpr quint64 OpenTruncate = 01000; // O_TRUNC
constexpr qint64 AtFdCwdInt = -100; // AT_FDCWD, as a 32- or 64-bit register value

// QDir::cleanPath keeps ".." at the root ("/../etc"); the kernel resolves it to the
// root itself.
QString cleanPath(const QString &path)
{
    QString clean = QDir::cleanPath(path);
    while (clean.startsWith(QLatin1String("/../")))
        clean.remove(0, 3);
    if (clean == QLatin1String("/.."))
        clean = QStringLiteral("/");
    return clean;
}

// An absolute path without ".", ".." or doubled and trailing slashes. Most paths
// have none; they skip the cleaning.
QString cleanAbsolute(QByteArrayView path)
{
    const bool clean = !path.contains("/.") && !path.contains("//") && (path.size() == 1 || !path.endsWith('/'));
    const QString text = QString::fromUtf8(path);
    return clean ? text : cleanPath(text);
}

// The start of a rejected line for the error message, with bytes that are not
// printable ASCII escaped (garbage can be binary).
QString excerpt(QByteArrayView line)
{
    constexpr qsizetype Max = 48;
    QString out;
    const qsizetype n = std::min(line.size(), Max);
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = quint8(line[i]);
        if (c >= 0x20 && c < 0x7f)
            out += QLatin1Char(char(c));
        else
            out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
    }
    if (line.size() > Max)
        out += QStringLiteral("...");
    return out;
}

// ---------------------------------------------------------------------------------
// Record types

enum TypeId : int {
    TypeSyscall,
    TypeExecve,
    TypePath,
    TypeCwd,
    TypeSockaddr,
    TypeProctitle,
    TypeEoe,
    TypeKernModule,
    TypeDaemonStart,
    TypeOverflow, // every type beyond MaxInterned
};
constexpr const char *s_knownTypes[]
    = {"SYSCALL", "EXECVE", "PATH", "CWD", "SOCKADDR", "PROCTITLE", "EOE", "KERN_MODULE", "DAEMON_START", "UNKNOWN"};

// Records the kernel only writes as part of a syscall event: without their SYSCALL
// record the event is incomplete (details.syscallMissing). That is no error: excerpts
// and ausearch selections hold such records alone, intact (issue 11, finding 12).
constexpr const char *s_syscallAuxTypes[] = {"EXECVE", "PATH", "CWD", "SOCKADDR", "PROCTITLE", "EOE", "FD_PAIR", "MMAP",
    "BPRM_FCAPS", "CAPSET", "IPC", "IPC_SET_PERM", "MQ_OPEN", "MQ_SENDRECV", "MQ_NOTIFY", "MQ_GETSETATTR",
    "KERN_MODULE", "OBJ_PID", "SOCKETCALL", "OPENAT2", "TIME_INJOFFSET", "TIME_ADJNTPVAL"};

enum TypeFlag : quint8 {
    FlagAux = 1, // see s_syscallAuxTypes
    FlagDaemon = 2, // DAEMON_*: auditd's own records, numbered by auditd, not the kernel
    FlagExtracted = 4, // fields read specifically, not copied into details as they are
};

// Interns short names (record types, node names) without allocating on lookup.
class NameTable
{
public:
    int find(QByteArrayView name) const
    {
        const auto it = m_ids.find(std::string_view(name.data(), size_t(name.size())));
        return it == m_ids.end() ? -1 : it->second;
    }

    int add(QByteArrayView name, QString display)
    {
        m_storage.emplace_back(name.data(), size_t(name.size()));
        const int id = int(m_display.size());
        m_ids.emplace(std::string_view(m_storage.back()), id);
        m_display.push_back(std::move(display));
        return id;
    }

    int size() const { return int(m_display.size()); }
    const QString &display(int id) const { return m_display[size_t(id)]; }
    QByteArrayView name(int id) const
    {
        const std::string &n = m_storage[size_t(id)];
        return QByteArrayView(n.data(), qsizetype(n.size()));
    }

private:
    std::deque<std::string> m_storage; // stable addresses for the views in m_ids
    std::unordered_map<std::string_view, int> m_ids;
    std::vector<QString> m_display;
};

// ---------------------------------------------------------------------------------
// Pending events

struct EventKey
{
    qint64 timeUs;
    quint64 serial;
    int host;

    // Members in this order make the map iterate in (time, serial) order.
    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 sees a 0 in the defaulted <=>
    friend auto operator<=>(const EventKey &, const EventKey &) = default;
};

struct RecordRef
{
    qsizetype offset; // of the line in Pending::raw
    qsizetype length;
    qsizetype fieldsBegin; // relative to the line
    qsizetype fieldsEnd;
    int type;
    // The type's name and flags, so that the build thread never reads the type
    // table the reading thread adds to. The view points into NameTable storage,
    // which never moves.
    QByteArrayView typeName;
    quint8 typeFlags;
    // The last line of the input, without its newline: its last field may be cut,
    // so only the fields before it are parsed (see wholeFieldsEnd). The raw record
    // keeps every byte.
    bool cut;
};

// Where the whole fields of a line cut at its end stop: before the last field, which
// may be a part of itself ("pid=75" of "pid=758"). Fields end at a space or at the
// enrichment separator; fields start at fieldsBegin (issue 11, finding 11).
qsizetype wholeFieldsEnd(QByteArrayView line, qsizetype fieldsBegin)
{
    for (qsizetype i = line.size(); i > fieldsBegin; --i) {
        const char c = line[i - 1];
        if (c == ' ' || c == '\t' || c == EnrichmentSeparator)
            return i - 1;
    }
    return fieldsBegin;
}

// Whether a line that ends without its newline still ends where its record ends:
// with the field auditd writes last, whose end is marked so that no shorter text could
// pass for it. SYSCALL records end with key=(null) or key="rule"; user-space and
// configuration records with res=success|failed|0|1 (inside msg='…', closed by the
// quote). A line cut after any other field, even a closed quote in the middle
// (comm="cat"), lost the fields after it; a value without a mark ("pid=75" of
// "pid=758", hex, a path) may be cut itself (issue 11, finding 11). A log or excerpt
// that merely lacks its final newline after such an end is intact (finding 12:
// "every record intact"). Enriched lines (a section after 0x1d) end in quoted names
// that could be any of several: they never count as whole without their newline.
bool endsWithWholeRecord(QByteArrayView fields)
{
    qsizetype start = fields.size();
    while (
        start > 0 && fields[start - 1] != ' ' && fields[start - 1] != '\t' && fields[start - 1] != EnrichmentSeparator)
        --start;
    if (fields.contains(EnrichmentSeparator))
        return false;
    QByteArrayView field = fields.sliced(start);
    if (field == "key=(null)")
        return true;
    if (field.startsWith("key=\"") && field.size() >= 6 && field.endsWith('"'))
        return true;
    if (field.endsWith('\''))
        field.chop(1);
    // res= takes one of four words, none a prefix of another.
    return field == "res=0" || field == "res=1" || field == "res=success" || field == "res=failed";
}

// What one record of `length` bytes costs a Pending: the line, its '\n' and its
// reference.
constexpr qint64 pendingCost(qsizetype length)
{
    return qint64(length) + 1 + qint64(sizeof(RecordRef));
}

struct Pending
{
    EventKey key {};
    QString host;
    qint64 firstPos = -1;
    qint64 lastSeq = 0;
    QByteArray raw; // the lines, joined with '\n', in file order
    std::vector<RecordRef> records;
};

// ---------------------------------------------------------------------------------
// Lost events

// Detects gaps in each host's serial sequence. Events arrive in (time, serial) order,
// which is not quite serial order: the kernel stamps an event with the time its
// syscall started but numbers it when the first record is written, so a slow syscall
// carries an earlier time and a later serial than its neighbours. A jump therefore
// opens a "hole" that later events may still fill; what is left is reported.
class LostTracker
{
public:
    explicit LostTracker(ImportSink &sink)
        : m_sink(sink)
    {
    }

    void observe(int host, quint64 serial, qint64 timeUs, qint64 pos)
    {
        Track &t = track(host);
        if (!t.started) {
            t.started = true;
            t.maxSerial = serial;
            t.lastTimeUs = timeUs;
            return;
        }
        if (serial > t.maxSerial + MaxSerialJump) {
            // The kernel's counter is 32 bits wide: no run skips this many. Treat it
            // as the start of another sequence (a damaged stamp, another log).
            reportAll(t);
            t.maxSerial = serial;
        } else if (serial > t.maxSerial) {
            if (serial > t.maxSerial + 1)
                t.holes.push_back({t.maxSerial + 1, serial - 1, pos});
            t.maxSerial = serial;
            settle(t);
        } else if (serial < t.maxSerial && !fill(t, serial) && timeUs > t.lastTimeUs) {
            // The serial went back while time went on: auditd or the machine
            // restarted and the kernel counts from the start again. Not a loss.
            reportAll(t);
            t.maxSerial = serial;
        }
        // Anything else is a second event with a serial already seen, or one whose
        // records came so late that it was emitted out of order: neither is a loss.
        t.lastTimeUs = std::max(t.lastTimeUs, timeUs);
    }

    // DAEMON_START: a new auditd run. Events lost before it are reported; the next
    // kernel event starts a new sequence.
    void restart(int host)
    {
        Track &t = track(host);
        reportAll(t);
        t.started = false;
    }

    void finish()
    {
        for (Track &t : m_tracks)
            reportAll(t);
    }

private:
    struct Hole
    {
        quint64 first;
        quint64 last;
        qint64 pos; // the event after the gap
    };
    struct Track
    {
        bool started = false;
        quint64 maxSerial = 0;
        qint64 lastTimeUs = 0;
        std::deque<Hole> holes; // ascending, disjoint
    };

    Track &track(int host)
    {
        if (size_t(host) >= m_tracks.size())
            m_tracks.resize(size_t(host) + 1);
        return m_tracks[size_t(host)];
    }

    static bool fill(Track &t, quint64 serial)
    {
        auto it = std::upper_bound(
            t.holes.begin(), t.holes.end(), serial, [](quint64 s, const Hole &h) { return s < h.first; });
        if (it == t.holes.begin())
            return false;
        --it;
        if (serial > it->last)
            return false;
        if (it->first == it->last) {
            t.holes.erase(it);
        } else if (serial == it->first) {
            ++it->first;
        } else if (serial == it->last) {
            --it->last;
        } else {
            const Hole upper {serial + 1, it->last, it->pos};
            it->last = serial - 1;
            t.holes.insert(it + 1, upper);
        }
        return true;
    }

    void settle(Track &t)
    {
        while (!t.holes.empty() && (t.maxSerial - t.holes.front().last > SettleSerials || t.holes.size() > MaxHoles)) {
            report(t.holes.front());
            t.holes.pop_front();
        }
    }

    void reportAll(Track &t)
    {
        for (const Hole &h : t.holes)
            report(h);
        t.holes.clear();
    }

    // A gap, not an error (issue 11, finding 12): the records around it are intact,
    // and excerpts, ausearch output and rotated logs have gaps without any loss.
    void report(const Hole &h) { m_sink.recordGap(h.first, h.last, h.pos); }

    ImportSink &m_sink;
    std::vector<Track> m_tracks;
};

// ---------------------------------------------------------------------------------
// Event building

// A path argument as a PATH record reports it.
struct PathItem
{
    qint64 item = -1;
    QByteArrayView name; // as logged (decoded), empty for (null)
    QByteArrayView nametype; // CREATE, DELETE, NORMAL, PARENT, UNKNOWN (objtype= in old logs)
    QByteArrayView mode;
    QByteArrayView inode;
    QByteArrayView dev;
};

struct RecordFields
{
    int type;
    QByteArrayView typeName;
    quint8 typeFlags;
    size_t begin, end; // the record's fields in Builder::m_fields
    size_t enrichedBegin, enrichedEnd; // its translations
};

// Field names whose values are "untrusted strings": quoted, or hex when they contain
// anything unusual. Values of other fields are copied as written.
bool isEncodedField(QByteArrayView key)
{
    static constexpr QByteArrayView names[] = {"exe", "comm", "name", "cwd", "cmd", "acct", "key", "proctitle", "path",
        "dir", "data", "ocomm", "watch", "root_dir", "grp", "new_group", "old_group"};
    for (QByteArrayView n : names) {
        if (n == key)
            return true;
    }
    return false;
}

// Ids written as JSON numbers wherever they appear, so that details.uid is a number
// in a SYSCALL event and in a USER_LOGIN alike.
bool isIdField(QByteArrayView key)
{
    static constexpr QByteArrayView names[]
        = {"auid", "uid", "euid", "gid", "ses", "pid", "ppid", "old-auid", "old-ses"};
    for (QByteArrayView n : names) {
        if (n == key)
            return true;
    }
    return false;
}

bool isAtFdCwd(quint64 value)
{
    // 64-bit and 32-bit (i386) register encodings of -100.
    return qint64(value) == AtFdCwdInt || value == quint64(quint32(qint32(AtFdCwdInt)));
}

QString joinArgs(const std::vector<QByteArrayView> &args)
{
    qsizetype size = 0;
    for (QByteArrayView a : args)
        size += a.size() + 1;
    QByteArray joined;
    joined.reserve(size);
    for (size_t i = 0; i < args.size(); ++i) {
        if (i > 0)
            joined += ' ';
        joined += args[i];
    }
    return QString::fromUtf8(joined);
}

QByteArrayView familyName(int family, QByteArray &buffer)
{
    switch (family) {
    case FamilyInet:
        return "inet";
    case FamilyInet6:
        return "inet6";
    case FamilyUnix:
        return "unix";
    default:
        buffer = QByteArray::number(family);
        return buffer;
    }
}

// What a SOCKADDR says, for events that are not connections.
void writeSockAddr(Event &e, EventDetails &w, const SockAddr &sa)
{
    QByteArray buffer;
    e.addressFamily = QString::fromLatin1(familyName(sa.family, buffer));
    if (!sa.address.isEmpty()) {
        w.text("address", sa.address);
        w.number("port", sa.port);
    }
    if (!sa.path.isEmpty())
        w.text("socketPath", sa.path);
}

template<size_t N> bool is(QByteArrayView key, const char (&literal)[N])
{
    // Constant length: the compiler inlines the comparison.
    return key.size() == qsizetype(N - 1) && std::memcmp(key.data(), literal, N - 1) == 0;
}

// The SYSCALL fields the mapping reads, found in one pass over the record instead of
// one search per field (a SYSCALL record has some thirty).
struct SyscallFields
{
    const Field *arch = nullptr;
    const Field *syscall = nullptr;
    const Field *success = nullptr;
    const Field *exit = nullptr;
    const Field *args[4] = {nullptr, nullptr, nullptr, nullptr};
    const Field *pid = nullptr;
    const Field *ppid = nullptr;
    const Field *exe = nullptr;
    const Field *auid = nullptr;
    const Field *uid = nullptr;
    const Field *euid = nullptr;
    const Field *ses = nullptr;
    const Field *tty = nullptr;
    const Field *comm = nullptr;
    const Field *key = nullptr;

    SyscallFields(const Field *begin, const Field *end)
    {
        for (const Field *f = begin; f != end; ++f) {
            const QByteArrayView k = f->key;
            const Field **slot = nullptr;
            switch (k.size()) {
            case 2:
                if (k[0] == 'a' && k[1] >= '0' && k[1] <= '3')
                    slot = &args[k[1] - '0'];
                break;
            case 3:
                slot = is(k, "pid") ? &pid
                    : is(k, "uid")  ? &uid
                    : is(k, "exe")  ? &exe
                    : is(k, "ses")  ? &ses
                    : is(k, "tty")  ? &tty
                    : is(k, "key")  ? &key
                                    : nullptr;
                break;
            case 4:
                slot = is(k, "arch") ? &arch
                    : is(k, "exit")  ? &exit
                    : is(k, "ppid")  ? &ppid
                    : is(k, "auid")  ? &auid
                    : is(k, "euid")  ? &euid
                    : is(k, "comm")  ? &comm
                                     : nullptr;
                break;
            case 7:
                slot = is(k, "syscall") ? &syscall : is(k, "success") ? &success : nullptr;
                break;
            default:
                break;
            }
            if (slot && !*slot)
                *slot = f;
        }
    }
};

class Builder
{
public:
    // What was wrong with one event's records, for the error count.
    struct Damage
    {
        qint64 badArgFields = 0; // malformed EXECVE argument fields, ignored
        qint64 oddHexValues = 0; // EXECVE arguments and PROCTITLE values with an odd number of hex digits
    };
    // Turns one complete event into an Event and says what was damaged in it.
    Event build(const Pending &pending, Damage &damage);

private:
    struct Facts; // what the auxiliary records say
    void collect(const Pending &pending);
    void collectFacts(Facts &facts);
    void buildSyscall(Event &e, const RecordFields &sys, const Facts &facts);
    // The value of an encoded field, hex undone; views into the record or m_decoded.
    QByteArrayView decodedView(const Field &f);
    QByteArrayView decodedView(const Field *f) { return present(f) ? decodedView(*f) : QByteArrayView(); }
    // The same for an EXECVE argument or a PROCTITLE value, which the kernel writes
    // quoted or as hex and nothing else: hex of odd length is hex that lost a digit.
    QByteArrayView argumentView(const Field &f, Facts &facts);
    void writeOther(bool skipSyscall);
    QString userOf(const RecordFields &r, const Facts &facts) const;

    const Field *begin(const RecordFields &r) const { return m_fields.data() + r.begin; }
    const Field *end(const RecordFields &r) const { return m_fields.data() + r.end; }
    const Field *field(const RecordFields &r, QByteArrayView key) const { return findField(begin(r), end(r), key); }
    const Field *enriched(const RecordFields &r, QByteArrayView key) const
    {
        return findField(m_fields.data() + r.enrichedBegin, m_fields.data() + r.enrichedEnd, key);
    }
    // Present: neither missing nor "(null)", "?" or "(none)".
    static bool present(const Field *f) { return f && !isAbsent(*f); }

    std::vector<Field> m_fields;
    std::vector<RecordFields> m_records;
    // Hex-decoded values of the current event. Views into them stay valid when the
    // vector grows: moving a QByteArray keeps its data where it is.
    std::vector<QByteArray> m_decoded;
    std::unique_ptr<Facts> m_facts = std::make_unique<Facts>(); // reused
    std::vector<QByteArrayView> m_typeNames; // reused
    EventDetails m_details;
};

// What the records besides SYSCALL say. Text is viewed, not copied: views point into
// the event's raw buffer or into Builder::m_decoded.
struct Builder::Facts
{
    QByteArrayView cwd;
    std::vector<QByteArrayView> argv;
    qint64 argc = -1;
    bool argvIncomplete = false;
    bool hasExecve = false;
    std::vector<QByteArrayView> proctitle;
    bool hasProctitle = false;
    std::vector<PathItem> paths; // sorted by item
    SockAddr sockaddr;
    bool hasSockaddr = false;
    QByteArrayView module;
    // ENRICHED format translations (the first record that has one wins)
    QByteArrayView enrichedUid;
    QByteArrayView enrichedAuid;

    // Argument pieces of EXECVE records (see collectFacts).
    struct Piece
    {
        qint64 index;
        qint64 part; // -1: the whole argument
        const Field *field;
    };
    std::vector<Piece> pieces;
    struct Declared
    {
        qint64 index;
        qint64 length; // aN_len=
    };
    std::vector<Declared> declaredLength;
    // EXECVE argument fields that were ignored: an index, part or length that is not
    // a number, or an index outside argc (see collectFacts).
    qint64 badArgFields = 0;
    // Arguments and titles whose hex had an odd number of digits (see argumentView).
    qint64 oddHexValues = 0;

    // Empties everything but keeps the vectors' capacity: one Facts serves all events.
    void clear()
    {
        cwd = QByteArrayView();
        argv.clear();
        argc = -1;
        argvIncomplete = false;
        hasExecve = false;
        proctitle.clear();
        hasProctitle = false;
        paths.clear();
        sockaddr = SockAddr();
        hasSockaddr = false;
        module = QByteArrayView();
        enrichedUid = QByteArrayView();
        enrichedAuid = QByteArrayView();
        pieces.clear();
        declaredLength.clear();
        badArgFields = 0;
        oddHexValues = 0;
    }
};

void Builder::collect(const Pending &pending)
{
    m_fields.clear();
    m_records.clear();
    const char *raw = pending.raw.constData();
    for (const RecordRef &r : pending.records) {
        const QByteArrayView line(raw + r.offset, r.length);
        RecordFields rf {r.type, r.typeName, r.typeFlags, m_fields.size(), 0, 0, 0};
        const qsizetype usable = r.cut ? wholeFieldsEnd(line, r.fieldsBegin) : r.length;
        const qsizetype fieldsEnd = std::min(r.fieldsEnd, usable);
        splitFields(line.sliced(r.fieldsBegin, fieldsEnd - r.fieldsBegin), m_fields);
        rf.end = m_fields.size();
        rf.enrichedBegin = rf.end;
        if (r.fieldsEnd < usable)
            splitFields(line.sliced(r.fieldsEnd + 1, usable - r.fieldsEnd - 1), m_fields);
        rf.enrichedEnd = m_fields.size();
        m_records.push_back(rf);
    }
}

QByteArrayView Builder::decodedView(const Field &f)
{
    if (f.quoted || !isHexString(f.value))
        return f.value;
    m_decoded.push_back(hexDecoded(f.value));
    return m_decoded.back();
}

QByteArrayView Builder::argumentView(const Field &f, Facts &facts)
{
    if (!f.quoted && isOddHexString(f.value)) {
        // A value cut inside its hex (issue 11, finding 11). The even prefix is the
        // bytes that are certain; ausearch makes one more byte of the lone digit as if
        // a 0 followed it, which invents a byte, so the digit is dropped and counted.
        ++facts.oddHexValues;
        m_decoded.push_back(hexDecoded(f.value));
        return m_decoded.back();
    }
    return decodedView(f);
}

void Builder::collectFacts(Facts &facts)
{
    // Argument pieces of EXECVE records: aN="…" or aN=HEX whole, or aN_len=L with
    // aN[0]=HEX aN[1]=HEX … for long ones, possibly spread over several records that
    // need not arrive in order.
    using Piece = Facts::Piece;
    std::vector<Piece> &pieces = facts.pieces;
    std::vector<Facts::Declared> &declaredLength = facts.declaredLength;

    for (const RecordFields &r : m_records) {
        if (r.enrichedBegin != r.enrichedEnd) {
            if (const Field *f = enriched(r, "UID"); f && facts.enrichedUid.isEmpty())
                facts.enrichedUid = f->value;
            if (const Field *f = enriched(r, "AUID"); f && facts.enrichedAuid.isEmpty())
                facts.enrichedAuid = f->value;
        }
        switch (r.type) {
        case TypeCwd:
            if (facts.cwd.isEmpty())
                facts.cwd = decodedView(field(r, "cwd"));
            break;
        case TypeProctitle:
            if (const Field *f = field(r, "proctitle"); f && !facts.hasProctitle && !isAbsent(*f)) {
                facts.hasProctitle = true;
                // Hex with NUL between the arguments, or quoted when harmless.
                QByteArrayView title = argumentView(*f, facts);
                while (!title.isEmpty()) {
                    const qsizetype nul = title.indexOf('\0');
                    facts.proctitle.push_back(nul < 0 ? title : title.first(nul));
                    title = nul < 0 ? QByteArrayView() : title.sliced(nul + 1);
                }
            }
            break;
        case TypeSockaddr:
            if (const Field *f = field(r, "saddr"); f && !facts.hasSockaddr)
                facts.hasSockaddr = decodeSockAddr(f->value, facts.sockaddr);
            break;
        case TypeKernModule:
            if (facts.module.isEmpty())
                facts.module = decodedView(field(r, "name"));
            break;
        case TypePath: {
            PathItem p;
            for (const Field *f = begin(r); f != end(r); ++f) {
                if (is(f->key, "item"))
                    parseDecimal(f->value, p.item);
                else if (is(f->key, "name"))
                    p.name = decodedView(f);
                else if (is(f->key, "nametype") || is(f->key, "objtype"))
                    p.nametype = f->value;
                else if (is(f->key, "mode"))
                    p.mode = f->value;
                else if (is(f->key, "inode"))
                    p.inode = f->value;
                else if (is(f->key, "dev"))
                    p.dev = f->value;
            }
            facts.paths.push_back(p);
            break;
        }
        case TypeExecve:
            facts.hasExecve = true;
            for (const Field *f = begin(r); f != end(r); ++f) {
                const QByteArrayView k = f->key;
                if (is(k, "argc")) {
                    qint64 argc = -1;
                    if (parseDecimal(f->value, argc) && argc >= 0 && argc <= MaxExecveArgs)
                        facts.argc = argc;
                    else
                        ++facts.badArgFields;
                    continue;
                }
                if (k.size() < 2 || k[0] != 'a' || k[1] < '0' || k[1] > '9')
                    continue;
                qsizetype n = 1;
                while (n < k.size() && k[n] >= '0' && k[n] <= '9')
                    ++n;
                // Indexes are checked against argc once all records are in (argc is in
                // the first EXECVE record, which need not come first); the cap here
                // keeps every later computation with them far from overflow.
                qint64 index = -1;
                if (!parseDecimal(k.sliced(1, n - 1), index) || index >= MaxExecveArgs) {
                    ++facts.badArgFields;
                    continue;
                }
                const QByteArrayView rest = k.sliced(n);
                if (rest.isEmpty()) {
                    pieces.push_back({index, -1, f});
                } else if (rest == "_len") {
                    qint64 length = -1;
                    if (parseDecimal(f->value, length) && length >= 0)
                        declaredLength.push_back({index, length});
                    else
                        ++facts.badArgFields;
                } else if (rest.size() > 2 && rest.front() == '[' && rest.back() == ']') {
                    qint64 part = -1;
                    if (parseDecimal(rest.sliced(1, rest.size() - 2), part) && part >= 0)
                        pieces.push_back({index, part, f});
                    else
                        ++facts.badArgFields;
                }
            }
            break;
        default:
            break;
        }
    }

    std::sort(
        facts.paths.begin(), facts.paths.end(), [](const PathItem &a, const PathItem &b) { return a.item < b.item; });

    if (facts.hasExecve) {
        std::stable_sort(pieces.begin(), pieces.end(),
            [](const Piece &a, const Piece &b) { return a.index != b.index ? a.index < b.index : a.part < b.part; });
        // argc is the truth about the count: a piece beyond it is malformed (counted,
        // not shown). Without argc the pieces show what was logged. Indexes are below
        // MaxExecveArgs here, so index + 1 cannot overflow.
        qint64 count = facts.argc;
        if (count < 0)
            count = pieces.empty() ? 0 : pieces.back().index + 1;
        // A hostile argc must not make us allocate megabytes of empty arguments.
        count = std::min<qint64>(count, qint64(pieces.size()) + 1024);
        std::vector<bool> seen(size_t(count), false);
        facts.argv.assign(size_t(count), QByteArrayView());
        for (size_t i = 0; i < pieces.size();) {
            const Piece &p = pieces[i];
            if (p.index >= count) {
                if (facts.argc >= 0 && p.index >= facts.argc)
                    ++facts.badArgFields;
                ++i;
                continue;
            }
            seen[size_t(p.index)] = true;
            if (p.part < 0) {
                const qint64 odd = facts.oddHexValues;
                facts.argv[size_t(p.index)] = argumentView(*p.field, facts);
                if (facts.oddHexValues != odd)
                    facts.argvIncomplete = true; // the argument lost its end
                ++i;
                continue;
            }
            // The pieces of one long argument, in order: always hex.
            QByteArray joined;
            for (; i < pieces.size() && pieces[i].index == p.index; ++i) {
                const Field *f = pieces[i].field;
                if (!f->quoted && isOddHexString(f->value)) {
                    ++facts.oddHexValues; // the even prefix, as in argumentView
                    facts.argvIncomplete = true;
                    appendHexDecoded(joined, f->value);
                } else if (!f->quoted && isHexString(f->value)) {
                    appendHexDecoded(joined, f->value);
                } else {
                    joined += f->value;
                }
            }
            m_decoded.push_back(std::move(joined));
            facts.argv[size_t(p.index)] = m_decoded.back();
        }
        for (qint64 i = 0; i < count; ++i) {
            if (!seen[size_t(i)])
                facts.argvIncomplete = true;
        }
        // aN_len counts hex digits when the argument is encoded.
        for (const Facts::Declared &dl : declaredLength) {
            if (dl.index >= count) {
                if (facts.argc >= 0 && dl.index >= facts.argc)
                    ++facts.badArgFields;
                continue;
            }
            const qint64 got = facts.argv[size_t(dl.index)].size();
            if (got * 2 != dl.length && got != dl.length)
                facts.argvIncomplete = true;
        }
        if (facts.argc >= 0 && facts.argc != count)
            facts.argvIncomplete = true;
        if (facts.badArgFields > 0)
            facts.argvIncomplete = true;
    }
}

QString Builder::userOf(const RecordFields &r, const Facts &facts) const
{
    if (const Field *f = enriched(r, "UID"))
        return QString::fromUtf8(f->value);
    if (const Field *f = field(r, "uid"); present(f))
        return QString::fromLatin1(f->value);
    return QString::fromUtf8(facts.enrichedUid);
}

void Builder::writeOther(bool skipSyscall)
{
    for (const RecordFields &r : m_records) {
        if (skipSyscall && r.type == TypeSyscall)
            continue;
        if (r.typeFlags & FlagExtracted)
            continue;
        for (const Field *f = begin(r); f != end(r); ++f) {
            if (isAbsent(*f) || m_details.has(f->key))
                continue;
            qint64 id = 0;
            if (isEncodedField(f->key))
                m_details.string(f->key, decodedView(*f));
            else if (isIdField(f->key) && parseDecimal(f->value, id))
                m_details.number(f->key, id);
            else
                m_details.string(f->key, f->value);
        }
    }
}

Event Builder::build(const Pending &pending, Damage &damage)
{
    collect(pending);

    Event e;
    e.platform = Platform::Linux;
    e.timeUs = pending.key.timeUs;
    e.host = pending.host;
    e.recordPos = pending.firstPos;

    m_details.begin();
    m_details.number("serial", qint64(pending.key.serial));
    std::vector<QByteArrayView> &types = m_typeNames;
    types.clear();
    const RecordFields *sys = nullptr;
    bool hasAux = false;
    for (const RecordFields &r : m_records) {
        if (std::find(types.begin(), types.end(), r.typeName) == types.end())
            types.push_back(r.typeName);
        if (r.type == TypeSyscall && !sys)
            sys = &r;
        if (r.typeFlags & FlagAux)
            hasAux = true;
    }
    m_details.strings("types", types);

    m_decoded.clear();
    Facts &facts = *m_facts;
    facts.clear();
    collectFacts(facts);
    damage.badArgFields = facts.badArgFields;
    damage.oddHexValues = facts.oddHexValues;
    if (!facts.enrichedAuid.isEmpty())
        m_details.string("auidName", facts.enrichedAuid);

    if (sys) {
        buildSyscall(e, *sys, facts);
        writeOther(true);
    } else {
        // User-space, daemon and configuration records, or the remains of a syscall
        // event whose SYSCALL record is missing: a log message with what there is.
        e.kind = EventKind::LogMessage;
        if (hasAux)
            m_details.boolean("syscallMissing", true);
        for (const RecordFields &r : m_records) {
            if (e.pid < 0) {
                qint64 pid = -1;
                if (const Field *f = field(r, "pid"); f && parseDecimal(f->value, pid))
                    e.pid = pid;
            }
            if (e.image.isEmpty())
                e.image = QString::fromUtf8(decodedView(field(r, "exe")));
            if (e.user.isEmpty())
                e.user = userOf(r, facts);
        }
        if (!facts.cwd.isEmpty())
            m_details.string("cwd", facts.cwd);
        if (facts.hasExecve) {
            m_details.strings("argv", facts.argv);
            e.commandLine = joinArgs(facts.argv);
        }
        if (facts.hasProctitle)
            m_details.text("proctitle", joinArgs(facts.proctitle));
        for (const PathItem &p : facts.paths) {
            if (p.nametype != "PARENT" && !p.name.isEmpty()) {
                // Without the SYSCALL record a relative name stays relative: it may
                // belong to an *at call with a directory fd.
                e.targetPath = p.name.startsWith('/') ? cleanAbsolute(p.name) : QString::fromUtf8(p.name);
                break;
            }
        }
        if (facts.hasSockaddr)
            writeSockAddr(e, m_details, facts.sockaddr);
        writeOther(false);
    }
    e.detailsJson = m_details.finish();
    return e;
}

void Builder::buildSyscall(Event &e, const RecordFields &sys, const Facts &facts)
{
    EventDetails &d = m_details;
    const SyscallFields s(begin(sys), end(sys));
    // Architecture and syscall: our tables first, the enrichment's names second.
    const Field *archField = s.arch;
    Arch arch = archField ? archFromAudit(archField->value) : Arch::Unknown;
    if (const Field *f = enriched(sys, "ARCH"); f && arch == Arch::Unknown)
        arch = archFromName(f->value);
    qint64 number = -1;
    if (s.syscall)
        parseDecimal(s.syscall->value, number);
    SyscallInfo info = syscallInfo(arch, number);
    if (info.name) {
        d.string("syscall", QByteArrayView(info.name));
    } else if (const Field *f = enriched(sys, "SYSCALL")) {
        info = syscallInfoByName(f->value);
        d.string("syscall", f->value);
    } else if (number >= 0) {
        d.string("syscall", QByteArray::number(number)); // a number we cannot name
    }
    if (arch != Arch::Unknown)
        d.string("arch", archName(arch).latin1());
    else if (archField)
        d.string("arch", archField->value);

    bool success = false;
    if (s.success && (s.success->value == "yes" || s.success->value == "no")) {
        success = s.success->value == "yes";
        d.boolean("success", success);
    }
    qint64 exitValue = 0;
    bool exitKnown = false;
    if (s.exit) {
        exitKnown = parseDecimal(s.exit->value, exitValue);
        if (exitKnown)
            d.number("exit", exitValue);
    }
    quint64 args[4] = {0, 0, 0, 0};
    bool argKnown[4] = {false, false, false, false};
    for (int i = 0; i < 4; ++i) {
        if (s.args[i])
            argKnown[i] = parseHex(s.args[i]->value, args[i]);
    }

    qint64 pid = -1;
    qint64 ppid = -1;
    if (s.pid)
        parseDecimal(s.pid->value, pid);
    if (s.ppid)
        parseDecimal(s.ppid->value, ppid);
    e.pid = pid;
    e.ppid = ppid;
    e.image = QString::fromUtf8(decodedView(s.exe));
    e.user = userOf(sys, facts);

    // The details carry what the correlation and the analyst use; everything else is
    // in the raw record, and every key costs time on a multi-gigabyte log.
    // Ids as numbers (4294967295 is "unset" for auid and ses, as in the log).
    const std::pair<QByteArrayView, const Field *> ids[]
        = {{"auid", s.auid}, {"uid", s.uid}, {"euid", s.euid}, {"ses", s.ses}};
    for (const auto &[key, f] : ids) {
        qint64 id = 0;
        if (present(f) && parseDecimal(f->value, id))
            d.number(key, id);
    }
    if (present(s.tty))
        d.string("tty", s.tty->value);
    if (present(s.comm))
        d.string("comm", decodedView(*s.comm));
    if (present(s.key))
        d.string("key", decodedView(*s.key));
    if (!facts.cwd.isEmpty())
        d.string("cwd", facts.cwd);
    if (facts.hasProctitle) {
        e.commandLine = joinArgs(facts.proctitle);
        d.text("proctitle", e.commandLine);
    }

    // Relative names are relative to CWD unless an *at syscall gave a directory fd.
    bool cwdApplies = !facts.cwd.isEmpty() && facts.cwd.startsWith('/');
    for (int i = 0; i < 4; ++i) {
        if ((info.dirfdArgs & (1 << i)) && !(argKnown[i] && isAtFdCwd(args[i])))
            cwdApplies = false;
    }
    // Absolute names are normalized too ("/usr/bin/../bin/x" is "/usr/bin/x"), so that
    // the same file has one name across events. Without a directory to resolve against,
    // a relative name stays as logged.
    auto resolve = [&](QByteArrayView name) -> QString {
        if (name.startsWith('/'))
            return cleanAbsolute(name);
        if (name.isEmpty() || !cwdApplies)
            return QString::fromUtf8(name);
        QByteArray joined = facts.cwd.toByteArray();
        joined += '/';
        joined += name;
        return cleanPath(QString::fromUtf8(joined));
    };
    auto isType = [](const PathItem &p, const char *t) {
        return p.nametype == QByteArrayView(t);
    };
    // The object of the call: by preference the path of the given type, else the
    // first one that is not a parent directory.
    auto objectPath = [&](const char *preferred) -> const PathItem * {
        for (const PathItem &p : facts.paths) {
            if (isType(p, preferred))
                return &p;
        }
        for (const PathItem &p : facts.paths) {
            if (!isType(p, "PARENT"))
                return &p;
        }
        return nullptr;
    };
    auto lastNonParent = [&]() -> const PathItem * {
        for (auto it = facts.paths.rbegin(); it != facts.paths.rend(); ++it) {
            if (!isType(*it, "PARENT"))
                return &*it;
        }
        return nullptr;
    };
    // The object of a file operation: its path (resolved), the mode of its inode (an
    // executable bit on a new file in a program path is what stage 2 is about) and
    // the inode itself, which links a written file to its first run even when it
    // was renamed in between (dpkg writes *.dpkg-new, then renames).
    auto setTarget = [&](const PathItem *p) {
        if (!p)
            return;
        e.targetPath = resolve(p->name);
        if (!p->mode.isEmpty())
            d.string("targetMode", p->mode);
        qint64 inode = 0;
        if (parseDecimal(p->inode, inode)) {
            d.number("targetInode", inode);
            if (!p->dev.isEmpty())
                d.string("targetDev", p->dev);
        }
    };

    // The syscall of a socketcall(2) multiplexer is in a0.
    SyscallKind kind = info.kind;
    if (kind == SyscallKind::SocketCall && argKnown[0]) {
        if (args[0] == quint64(SysConnect))
            kind = SyscallKind::Connect;
        else if (args[0] == quint64(SysSendTo) || args[0] == quint64(SysSendMsg))
            kind = SyscallKind::Send;
    }

    e.kind = EventKind::LogMessage;
    switch (kind) {
    case SyscallKind::Execve:
        if (facts.hasExecve) {
            e.commandLine = joinArgs(facts.argv);
            d.strings("argv", facts.argv);
            if (facts.argvIncomplete)
                d.boolean("argvIncomplete", true);
        }
        // Item 0 is the file execve was given: the script for "#!" interpreters.
        if (!facts.paths.empty())
            setTarget(&facts.paths.front());
        if (success)
            e.kind = EventKind::ProcessStart;
        break;
    case SyscallKind::Fork:
    case SyscallKind::Clone:
    case SyscallKind::Clone3:
        if (kind == SyscallKind::Clone && argKnown[0] && (args[0] & CloneThread)) {
            d.boolean("thread", true);
            break;
        }
        if (success && exitKnown && exitValue > 0) {
            // Audit logs the parent's return from fork; the event is the child's birth.
            e.kind = EventKind::ProcessStart;
            e.ppid = pid;
            e.pid = exitValue;
            e.forked = true;
        }
        break;
    case SyscallKind::Exit:
        e.kind = EventKind::ProcessExit;
        if (argKnown[0])
            d.number("exitCode", qint64(qint32(quint32(args[0]))));
        break;
    case SyscallKind::Open:
    case SyscallKind::OpenAt:
    case SyscallKind::OpenAt2:
    case SyscallKind::Creat: {
        bool writes = kind == SyscallKind::Creat;
        const int flagArg = kind == SyscallKind::Open ? 1 : kind == SyscallKind::OpenAt ? 2 : -1;
        if (flagArg >= 0 && argKnown[flagArg]) {
            const quint64 flags = args[flagArg];
            d.string("flags", QByteArray::number(flags, 16));
            writes = writes || (flags & (OpenWriteOnly | OpenReadWrite | OpenCreate | OpenTruncate));
        }
        const PathItem *target = objectPath("CREATE");
        writes = writes || (target && isType(*target, "CREATE"));
        setTarget(target);
        if (success && writes) {
            e.kind = EventKind::FileWrite;
            d.string("op", "open");
        }
        break;
    }
    case SyscallKind::Rename: {
        const PathItem *to = objectPath("CREATE");
        if (to && !isType(*to, "CREATE"))
            to = lastNonParent();
        setTarget(to);
        for (const PathItem &p : facts.paths) {
            if (isType(p, "DELETE")) {
                d.text("from", resolve(p.name));
                break;
            }
        }
        if (success)
            e.kind = EventKind::FileRename;
        break;
    }
    case SyscallKind::Link:
    case SyscallKind::Symlink: {
        const PathItem *to = objectPath("CREATE");
        if (to && !isType(*to, "CREATE"))
            to = lastNonParent();
        setTarget(to);
        if (kind == SyscallKind::Link) {
            for (const PathItem &p : facts.paths) {
                if (isType(p, "NORMAL") && &p != to) {
                    d.text("from", resolve(p.name));
                    break;
                }
            }
        }
        if (success) {
            e.kind = EventKind::FileWrite;
            d.string("op", kind == SyscallKind::Link ? "link" : "symlink");
        }
        break;
    }
    case SyscallKind::Unlink:
        setTarget(objectPath("DELETE"));
        if (success)
            e.kind = EventKind::FileDelete;
        break;
    case SyscallKind::Chmod:
    case SyscallKind::Chown:
    case SyscallKind::SetXattr:
    case SyscallKind::RemoveXattr:
    case SyscallKind::Truncate: {
        // A metadata change of a binary (chmod +x, a new owner, a capability xattr)
        // matters as much as new content.
        setTarget(objectPath("NORMAL"));
        if (kind == SyscallKind::Chmod) {
            // chmod(path, mode), fchmod(fd, mode), fchmodat(dirfd, path, mode, …)
            const int modeArg = info.dirfdArgs ? 2 : 1;
            if (argKnown[modeArg])
                d.string("newMode", QByteArray::number(args[modeArg] & 07777, 8));
        }
        if (success) {
            e.kind = EventKind::FileWrite;
            d.string("op",
                kind == SyscallKind::Chmod             ? "chmod"
                    : kind == SyscallKind::Chown       ? "chown"
                    : kind == SyscallKind::SetXattr    ? "setxattr"
                    : kind == SyscallKind::RemoveXattr ? "removexattr"
                                                       : "truncate");
        }
        break;
    }
    case SyscallKind::Connect:
    case SyscallKind::Send: {
        if (!facts.hasSockaddr)
            break;
        const SockAddr &sa = facts.sockaddr;
        QByteArray buffer;
        e.addressFamily = QString::fromLatin1(familyName(sa.family, buffer));
        if ((sa.family == FamilyInet || sa.family == FamilyInet6) && !sa.address.isEmpty()) {
            e.kind = EventKind::NetConnect;
            e.dstIp = sa.address;
            e.dstPort = sa.port;
        } else if (sa.family == FamilyUnix && !sa.path.isEmpty()) {
            e.kind = EventKind::NetConnect;
            d.text("socketPath", sa.path);
            e.targetPath = sa.abstractSocket ? sa.path : resolve(sa.path.toUtf8());
        }
        break;
    }
    case SyscallKind::ModuleLoad:
        if (!facts.module.isEmpty())
            d.string("module", facts.module);
        setTarget(objectPath("NORMAL"));
        if (e.targetPath.isEmpty())
            e.targetPath = QString::fromUtf8(facts.module.toByteArray());
        if (success)
            e.kind = EventKind::ModuleLoad;
        break;
    case SyscallKind::SocketCall:
    case SyscallKind::Other:
        if (facts.hasSockaddr)
            writeSockAddr(e, d, facts.sockaddr);
        setTarget(objectPath("NORMAL"));
        break;
    }
}

// ---------------------------------------------------------------------------------
// Building events on a second thread

// Turning a group of records into an Event (fields, JSON details, strings) costs about
// as much as reading the file (decompression, SHA-256, line splitting). The reading
// thread groups records and hands complete events over in batches; a build thread
// turns them into Events; the reading thread delivers the results to the sink, in
// order, because sinks are not thread-safe. Memory stays bounded: the reading thread
// waits when too many batches are in flight.
class BuildPipeline
{
public:
    explicit BuildPipeline(ImportSink &sink)
        : m_sink(sink)
    {
        // On a single core a second thread only adds hand-over costs.
        if (std::thread::hardware_concurrency() == 1)
            return;
        try {
            m_thread = std::thread([this] { run(); });
        } catch (const std::system_error &) {
            // No thread to be had: build on the reading thread instead.
        }
    }

    ~BuildPipeline()
    {
        if (!m_thread.joinable())
            return;
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_work.notify_one();
        m_thread.join();
    }

    BuildPipeline(const BuildPipeline &) = delete;
    BuildPipeline &operator=(const BuildPipeline &) = delete;

    void submit(std::unique_ptr<Pending> pending)
    {
        m_inFlightBytes += pending->raw.size();
        m_batchBytes += pending->raw.size();
        m_batch.push_back(std::move(pending));
        if (m_batch.size() >= BatchSize || m_batchBytes >= MaxBatchBytes)
            handOver();
    }

    // Builds and delivers everything submitted so far.
    void flush()
    {
        if (!m_batch.empty())
            handOver();
        while (m_inFlight > 0)
            collect(true);
    }

    // Pending objects whose event has been delivered, for reuse.
    std::vector<std::unique_ptr<Pending>> &recycled() { return m_recycled; }

private:
    static constexpr size_t BatchSize = 256;
    static constexpr int MaxBatchesInFlight = 8;
    // Events can be large (up to MaxEventBytes): bytes bound the batches as well.
    static constexpr qint64 MaxBatchBytes = 8 << 20;
    static constexpr qint64 MaxBytesInFlight = 64 << 20;
    static constexpr qsizetype RecycleBytes = 16 * 1024;
    static constexpr size_t RecycleRecords = 64;

    struct Built
    {
        std::unique_ptr<Pending> pending;
        Event event;
        Builder::Damage damage;
        QByteArray sha256; // of pending->raw, for the case's chain of custody
    };
    using Batch = std::vector<std::unique_ptr<Pending>>;
    using Results = std::vector<Built>;

    void handOver()
    {
        Batch batch;
        batch.swap(m_batch);
        m_batch.reserve(BatchSize);
        m_batchBytes = 0;
        if (!m_thread.joinable()) {
            Results results = buildAll(batch);
            deliver(results);
            return;
        }
        {
            const std::lock_guard lock(m_mutex);
            m_todo.push_back(std::move(batch));
        }
        m_work.notify_one();
        ++m_inFlight;
        collect(false);
        while (m_inFlight > MaxBatchesInFlight || (m_inFlight > 0 && m_inFlightBytes > MaxBytesInFlight))
            collect(true);
    }

    // Delivers the batches the build thread has finished; with `wait`, waits for one.
    void collect(bool wait)
    {
        std::deque<Results> done;
        {
            std::unique_lock lock(m_mutex);
            if (wait)
                m_finished.wait(lock, [this] { return !m_done.empty(); });
            done.swap(m_done);
        }
        for (Results &results : done) {
            deliver(results);
            --m_inFlight;
        }
        if (m_thread.joinable() && !done.empty()) {
            // The events were allocated by the build thread; let it free them too.
            // glibc frees memory of another thread's arena under a lock, and the
            // reading thread has enough to do.
            const std::lock_guard lock(m_mutex);
            for (Results &results : done)
                m_trash.push_back(std::move(results));
        }
    }

    void deliver(Results &results)
    {
        for (Built &b : results) {
            Pending &p = *b.pending;
            const qint64 rawId = m_sink.addHashedRaw(p.raw, b.sha256);
            m_sink.addEvent(b.event, rawId);
            if (b.damage.badArgFields > 0) {
                // Counted outside the translate() call: lupdate cannot parse template arguments there.
                const int badFields = int(std::min<qint64>(b.damage.badArgFields, std::numeric_limits<int>::max()));
                m_sink.recordError(p.firstPos,
                    QCoreApplication::translate("Chainscope",
                        "audit event %1 at %2: %n malformed EXECVE argument field(s) ignored (index, part or length "
                        "not a number, or index outside argc)",
                        nullptr, badFields)
                        .arg(p.key.serial)
                        .arg(formatTimeUs(p.key.timeUs)));
            }
            if (b.damage.oddHexValues > 0) {
                // Damage, not a gap: the value lost at least its last digit (issue 11, finding 11).
                const int odd = int(std::min<qint64>(b.damage.oddHexValues, std::numeric_limits<int>::max()));
                m_sink.recordError(p.firstPos,
                    QCoreApplication::translate("Chainscope",
                        "audit event %1 at %2: %n EXECVE argument or PROCTITLE value(s) with an odd number of hex "
                        "digits (cut; the last digit is dropped)",
                        nullptr, odd)
                        .arg(p.key.serial)
                        .arg(formatTimeUs(p.key.timeUs)));
            }
            m_inFlightBytes -= p.raw.size();
            // Only small buffers are worth keeping for reuse; the pool's memory stays
            // bounded by their size times the pool's length.
            if (p.raw.capacity() < RecycleBytes && p.records.capacity() < RecycleRecords)
                m_recycled.push_back(std::move(b.pending));
        }
    }

    Results buildAll(Batch &batch)
    {
        Results results;
        results.reserve(batch.size());
        for (std::unique_ptr<Pending> &p : batch) {
            Built b;
            b.event = m_builder.build(*p, b.damage);
            // Hashed here, on the build thread, not by the writer: the reading thread
            // that stores the events is what limits the import (issue 11, finding 13).
            b.sha256 = Sha256::hash(p->raw);
            b.pending = std::move(p);
            results.push_back(std::move(b));
        }
        return results;
    }

    void run()
    {
        std::deque<Results> trash;
        for (;;) {
            Batch batch;
            {
                std::unique_lock lock(m_mutex);
                m_work.wait(lock, [this] { return m_stop || !m_todo.empty(); });
                // Stopping means the import ends early (cancelled): what is left is
                // not wanted.
                if (m_stop)
                    return;
                batch = std::move(m_todo.front());
                m_todo.pop_front();
                trash.swap(m_trash);
            }
            trash.clear(); // outside the lock
            Results results = buildAll(batch);
            {
                const std::lock_guard lock(m_mutex);
                m_done.push_back(std::move(results));
            }
            m_finished.notify_one();
        }
    }

    ImportSink &m_sink;
    Builder m_builder; // used by the build thread only (or the reading thread without one)
    Batch m_batch; // reading thread: the batch being filled
    std::vector<std::unique_ptr<Pending>> m_recycled; // reading thread
    int m_inFlight = 0; // reading thread: batches handed over, not yet delivered
    qint64 m_batchBytes = 0; // reading thread: raw bytes in m_batch
    qint64 m_inFlightBytes = 0; // reading thread: raw bytes submitted, not yet delivered

    std::mutex m_mutex; // guards the members below
    std::condition_variable m_work;
    std::condition_variable m_finished;
    std::deque<Batch> m_todo;
    std::deque<Results> m_done;
    std::deque<Results> m_trash; // delivered, for the build thread to free
    bool m_stop = false;
    std::thread m_thread; // last: started when everything above exists
};

// ---------------------------------------------------------------------------------
// The reader's state over one file

class Assembler
{
public:
    Assembler(const ReaderContext &context, ImportSink &sink)
        : m_sink(sink)
        , m_lost(sink)
        , m_pipeline(sink)
    {
        m_hosts.add(QByteArrayView(), context.host);
        for (const char *t : s_knownTypes)
            addType(QByteArrayView(t));
    }

    // `cut`: the input ended inside this line (no newline after it).
    void addLine(QByteArrayView line, qint64 pos, bool cut);
    void addOverlong(qint64 pos)
    {
        m_sink.recordError(pos,
            QCoreApplication::translate("Chainscope",
                "line longer than %1 bytes: not an audit record (the kernel writes at most a few KiB per record)")
                .arg(MaxAuditLineLength));
    }
    // Emits every pending event; returns early when cancelled.
    void finish(const ReaderContext &context);

private:
    int addType(QByteArrayView name);
    int typeId(QByteArrayView name);
    int hostId(QByteArrayView node);
    Pending *pendingFor(const EventKey &key, qint64 pos);
    void emitReady();
    void emitEvent(std::map<EventKey, std::unique_ptr<Pending>>::iterator it);

    ImportSink &m_sink;
    NameTable m_types;
    std::vector<quint8> m_typeFlags;
    NameTable m_hosts;
    int m_lastHost = 0; // the node of the line before, compared first
    LostTracker m_lost;

    std::map<EventKey, std::unique_ptr<Pending>> m_pending;
    Pending *m_last = nullptr; // most lines belong to the event of the line before
    qint64 m_seq = 0; // records accepted so far
    qint64 m_pendingRecords = 0;
    qint64 m_pendingBytes = 0; // raw bytes and record references held in m_pending
    qint64 m_clockUs = std::numeric_limits<qint64>::min(); // latest stamp seen
    BuildPipeline m_pipeline; // last: its thread stops before the members above go
};

int Assembler::addType(QByteArrayView name)
{
    quint8 flags = 0;
    for (const char *t : s_syscallAuxTypes) {
        if (name == QByteArrayView(t))
            flags |= FlagAux;
    }
    if (name.startsWith("DAEMON_"))
        flags |= FlagDaemon;
    if (name == "SYSCALL" || name == "EXECVE" || name == "PATH" || name == "CWD" || name == "SOCKADDR"
        || name == "PROCTITLE" || name == "EOE")
        flags |= FlagExtracted;
    m_typeFlags.push_back(flags);
    return m_types.add(name, QString());
}

int Assembler::typeId(QByteArrayView name)
{
    const int id = m_types.find(name);
    if (id >= 0)
        return id;
    if (m_types.size() >= MaxInterned)
        return TypeOverflow;
    return addType(name);
}

int Assembler::hostId(QByteArrayView node)
{
    if (node.isEmpty())
        return 0;
    if (m_lastHost > 0 && node == m_hosts.name(m_lastHost))
        return m_lastHost;
    int id = m_hosts.find(node);
    if (id < 0) {
        // Past the limit, further nodes share the last name rather than growing the
        // table: a file with that many nodes is not an audit log.
        id = m_hosts.size() < MaxInterned ? m_hosts.add(node, QString::fromUtf8(node)) : m_hosts.size() - 1;
    }
    m_lastHost = id;
    return id;
}

Pending *Assembler::pendingFor(const EventKey &key, qint64 pos)
{
    if (m_last && m_last->key == key)
        return m_last;
    auto it = m_pending.find(key);
    if (it != m_pending.end())
        return m_last = it->second.get();
    // Reuse a delivered Pending with its buffers (but not the buffers of a giant).
    std::unique_ptr<Pending> p;
    std::vector<std::unique_ptr<Pending>> &recycled = m_pipeline.recycled();
    while (!recycled.empty() && !p) {
        p = std::move(recycled.back());
        recycled.pop_back();
        if (p->raw.capacity() >= (1 << 16) || p->records.capacity() >= 1024)
            p.reset();
    }
    if (p) {
        p->raw.resize(0);
        p->records.clear();
    } else {
        p = std::make_unique<Pending>();
    }
    p->key = key;
    p->host = m_hosts.display(key.host);
    p->firstPos = pos;
    Pending *raw = p.get();
    m_pending.emplace(key, std::move(p));
    return m_last = raw;
}

void Assembler::addLine(QByteArrayView line, qint64 pos, bool cut)
{
    if (isBlankOrComment(line)) {
        m_sink.recordSkipped();
        return;
    }
    // Rejected lines say when they are the cut end of the input: the cause, not
    // only the symptom.
    const auto rejected = [&](const QString &message) {
        m_sink.recordError(pos,
            cut ? QCoreApplication::translate("Chainscope", "last line cut (no newline at the end of the input): %1")
                      .arg(message)
                : message);
    };
    RecordHeader h;
    switch (parseHeader(line, h)) {
    case HeaderStatus::NotARecord:
        rejected(QCoreApplication::translate("Chainscope", "not an audit record: \"%1\"").arg(excerpt(line)));
        return;
    case HeaderStatus::BadStamp:
        rejected(QCoreApplication::translate(
            "Chainscope", "audit record without a valid msg=audit(SECONDS.MILLIS:SERIAL) stamp: \"%1\"")
                     .arg(excerpt(line)));
        return;
    case HeaderStatus::NoMessage:
        // Whole: "msg=?" is all auditd had to write. Not evidence, not damage.
        m_sink.recordSkipped();
        return;
    case HeaderStatus::Ok:
        break;
    }
    if (!quotesBalanced(line.sliced(h.fieldsBegin, h.fieldsEnd - h.fieldsBegin))) {
        rejected(
            QCoreApplication::translate("Chainscope", "truncated audit record (a quoted value does not end): \"%1\"")
                .arg(excerpt(line)));
        return;
    }
    m_sink.recordRead();
    ++m_seq;
    if (cut && endsWithWholeRecord(line.sliced(h.fieldsBegin)))
        cut = false;
    if (cut) {
        // Stored (the bytes are evidence), but the last field may be a part of itself
        // and is left out of the event: "pid=75" must not pass for whole (issue 11,
        // finding 11). One error, so that the import does not look intact.
        QByteArrayView dropped = line.sliced(wholeFieldsEnd(line, h.fieldsBegin));
        while (!dropped.isEmpty()
            && (dropped.front() == ' ' || dropped.front() == '\t' || dropped.front() == EnrichmentSeparator))
            dropped = dropped.sliced(1);
        m_sink.recordError(pos,
            dropped.isEmpty()
                ? QCoreApplication::translate("Chainscope", "last line cut (no newline at the end of the input)")
                : QCoreApplication::translate("Chainscope",
                    "last line cut (no newline at the end of the input): its last field \"%1\" may be incomplete "
                    "and is not used")
                      .arg(excerpt(dropped)));
    }

    const EventKey key {h.timeUs(), h.serial, hostId(h.node)};
    Pending *p = pendingFor(key, pos);
    RecordRef ref;
    if (!p->raw.isEmpty())
        p->raw += '\n';
    ref.offset = p->raw.size();
    ref.length = line.size();
    ref.fieldsBegin = h.fieldsBegin;
    ref.fieldsEnd = h.fieldsEnd;
    ref.type = typeId(h.type);
    ref.typeName = m_types.name(ref.type);
    ref.typeFlags = m_typeFlags[size_t(ref.type)];
    ref.cut = cut;
    p->raw += line;
    p->records.push_back(ref);
    p->lastSeq = m_seq;
    ++m_pendingRecords;
    m_pendingBytes += pendingCost(line.size());
    m_clockUs = std::max(m_clockUs, key.timeUs);

    if (p->records.size() >= MaxEventRecords || p->raw.size() >= MaxEventBytes) {
        // No real event is this big; emit it now rather than hold the memory.
        emitEvent(m_pending.find(key));
    }
    emitReady();
}

void Assembler::emitReady()
{
    while (!m_pending.empty()) {
        const auto it = m_pending.begin();
        const Pending &p = *it->second;
        const qint64 idle = m_seq - p.lastSeq;
        const bool ready = (idle > WindowRecords && m_clockUs - p.key.timeUs > WindowUs) || idle > StaleRecords
            || m_pendingRecords > MaxPendingRecords || m_pendingBytes > MaxPendingBytes;
        if (!ready)
            return;
        emitEvent(it);
    }
}

void Assembler::emitEvent(std::map<EventKey, std::unique_ptr<Pending>>::iterator it)
{
    std::unique_ptr<Pending> p = std::move(it->second);
    m_pending.erase(it);
    if (m_last == p.get())
        m_last = nullptr;
    m_pendingRecords -= qint64(p->records.size());
    for (const RecordRef &r : p->records)
        m_pendingBytes -= pendingCost(r.length);

    // Serials are checked here, in emission order. auditd numbers its own DAEMON_*
    // records; they are not part of the kernel's sequence, but DAEMON_START begins a
    // new run of it.
    bool daemon = false;
    bool daemonStart = false;
    for (const RecordRef &r : p->records) {
        daemon = daemon || (r.typeFlags & FlagDaemon);
        daemonStart = daemonStart || r.type == TypeDaemonStart;
    }
    if (daemonStart)
        m_lost.restart(p->key.host);
    else if (!daemon)
        m_lost.observe(p->key.host, p->key.serial, p->key.timeUs, p->firstPos);

    m_pipeline.submit(std::move(p));
    // Keep no more delivered Pending objects for reuse than events are in flight.
    std::vector<std::unique_ptr<Pending>> &recycled = m_pipeline.recycled();
    if (recycled.size() > 4096)
        recycled.resize(4096);
}

void Assembler::finish(const ReaderContext &context)
{
    qint64 n = 0;
    while (!m_pending.empty()) {
        if ((++n % CancelCheckLines) == 0 && context.cancelled())
            return;
        emitEvent(m_pending.begin());
    }
    m_pipeline.flush();
    m_lost.finish();
}

} // namespace

bool AuditdReader::probe(QByteArrayView head)
{
    // Decide by the share of matching lines in the whole head, not by the first ones:
    // logs recovered from damaged disks start with a run of NUL bytes (blocks the
    // file system allocated but never wrote) or a few lines of garbage. NUL bytes
    // around a line are dropped; lines with other binary bytes are not counted.
    int good = 0;
    int bad = 0;
    qsizetype start = 0;
    while (start < head.size()) {
        qsizetype nl = head.indexOf('\n', start);
        const bool terminated = nl >= 0;
        if (!terminated)
            nl = head.size();
        QByteArrayView line = head.sliced(start, nl - start);
        start = nl + 1;
        qsizetype lead = 0;
        while (lead < line.size() && line[lead] == '\0')
            ++lead;
        line = line.sliced(lead);
        while (!line.isEmpty() && (line.back() == '\0' || line.back() == '\r'))
            line.chop(1);
        if (isBlankOrComment(line))
            continue;
        const bool binary = std::any_of(line.begin(), line.end(), [](char c) {
            const auto u = uchar(c);
            return u < 0x20 && c != '\t' && c != EnrichmentSeparator;
        });
        if (binary)
            continue;
        RecordHeader h;
        const HeaderStatus status = parseHeader(line, h);
        if (status == HeaderStatus::Ok)
            ++good;
        else if (status != HeaderStatus::NoMessage && terminated) // the head may end inside a line
            ++bad;
    }
    // At least half of the text lines; at least three, unless nothing else is there
    // (a tiny log).
    return good > 0 && good >= bad && (good >= 3 || bad == 0);
}

namespace {

// Splits the decoded stream into lines with the audit limit, MaxAuditLineLength,
// instead of InputFile's much larger general one: a longer line is skipped while it
// streams past, so no more than one block plus one record line is ever held.
class LineSplitter
{
public:
    // Cut: the last line, which the input ended inside (no '\n' after it).
    enum class Status { Ok, Cut, TooLong, End };

    explicit LineSplitter(InputFile &input)
        : m_input(input)
        , m_pos(input.decodedPos())
        , m_buffer(MaxAuditLineLength + 1 + ReadBlockSize, Qt::Uninitialized)
    {
    }

    // The next line without '\n' (and a preceding '\r'); the view stays valid until
    // the next call. A TooLong line comes with its position only.
    Status next(QByteArrayView &line, qint64 &pos)
    {
        for (;;) {
            const char *begin = m_buffer.constData() + m_begin;
            const qsizetype avail = m_end - m_begin;
            const auto *nl = static_cast<const char *>(
                avail > m_scanned ? std::memchr(begin + m_scanned, '\n', size_t(avail - m_scanned)) : nullptr);
            if (nl)
                return take(begin, nl - begin, 1, line, pos);
            m_scanned = avail;
            // One byte of slack for the '\r' of a "\r\n" whose '\n' is still to come.
            if (avail > MaxAuditLineLength + 1) {
                pos = m_pos;
                skipRestOfLine(avail);
                return Status::TooLong;
            }
            // Keep the partial line, read the next block behind it.
            if (m_begin > 0) {
                std::memmove(m_buffer.data(), begin, size_t(avail));
                m_begin = 0;
                m_end = avail;
            }
            const qint64 n = m_input.read(m_buffer.data() + m_end, ReadBlockSize);
            if (n <= 0) {
                if (avail == 0)
                    return Status::End;
                // No final '\n': the input (a file, a gzip stream) ended inside the
                // line, or it was written without one. Either way it may be cut.
                const Status s = take(m_buffer.constData(), avail, 0, line, pos);
                return s == Status::Ok ? Status::Cut : s;
            }
            m_end += qsizetype(n);
        }
    }

private:
    Status take(const char *begin, qsizetype len, qsizetype terminator, QByteArrayView &line, qint64 &pos)
    {
        pos = m_pos;
        m_begin += len + terminator;
        m_pos += len + terminator;
        m_scanned = 0;
        if (len > 0 && begin[len - 1] == '\r')
            --len;
        if (len > MaxAuditLineLength)
            return Status::TooLong;
        line = QByteArrayView(begin, len);
        return Status::Ok;
    }

    // Drops the `avail` bytes of an overlong line that are buffered and reads on to
    // the end of the line, a block at a time.
    void skipRestOfLine(qsizetype avail)
    {
        m_pos += avail;
        m_begin = m_end = 0;
        m_scanned = 0;
        for (;;) {
            const qint64 n = m_input.read(m_buffer.data(), ReadBlockSize);
            if (n <= 0)
                return;
            const auto *nl = static_cast<const char *>(std::memchr(m_buffer.constData(), '\n', size_t(n)));
            if (nl) {
                const qsizetype skip = nl - m_buffer.constData() + 1;
                m_begin = skip;
                m_end = qsizetype(n);
                m_pos += skip;
                return;
            }
            m_pos += n;
        }
    }

    InputFile &m_input;
    qint64 m_pos; // decoded offset of m_buffer[m_begin]
    QByteArray m_buffer;
    qsizetype m_begin = 0; // unconsumed bytes are m_buffer[m_begin, m_end)
    qsizetype m_end = 0;
    qsizetype m_scanned = 0; // bytes after m_begin known to hold no '\n'
};

} // namespace

void AuditdReader::read(InputFile &input, const ReaderContext &context, ImportSink &sink)
{
    Assembler assembler(context, sink);
    LineSplitter splitter(input);
    QByteArrayView line;
    qint64 pos = 0;
    qint64 lines = 0;
    for (;;) {
        const LineSplitter::Status status = splitter.next(line, pos);
        if (status == LineSplitter::Status::End)
            break;
        if ((++lines % CancelCheckLines) == 0 && context.cancelled())
            return;
        if (status == LineSplitter::Status::TooLong)
            assembler.addOverlong(pos);
        else
            assembler.addLine(line, pos, status == LineSplitter::Status::Cut);
    }
    if (context.cancelled())
        return;
    assembler.finish(context);
}

} // namespace Chainscope
