#pragma once

#include "caseindex.h"
#include "event.h"
#include "reader.h"
#include "winevent.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Chainscope::Test {

QString corpusPath(const QString &relative);

// The 64 KiB blocks of an EVTX file that carry the chunk signature, with their file
// offsets: what the tests that decode chunk by chunk walk over.
struct EvtxChunk
{
    qint64 fileOffset = 0;
    QByteArray bytes;
};
QList<EvtxChunk> evtxChunks(const QByteArray &file);
// An EVTX file of `records` Sysmon-like process starts, written by the demo writer:
// ids 1…records over several chunks, a header that promises exactly what it holds.
// Empty when writing failed. For the damage tests of issue 11, finding 3 and 4.
QByteArray generatedEvtx(int records);

// Collects what a reader delivers, without a case file.
class MemorySink final : public ImportSink
{
public:
    struct Stored
    {
        Event event;
        qint64 rawId;
    };
    struct Error
    {
        qint64 pos;
        QString message;
    };
    struct Gap
    {
        quint64 first;
        quint64 last;
        qint64 pos;
    };

    qint64 addRaw(const QByteArray &raw) override;
    void addEvent(const Event &event, qint64 rawId) override;

    QList<QByteArray> raws;
    QList<Stored> events;
    QList<Error> errors;
    QList<Gap> gaps; // every hole, with where it shows (counts().gaps keeps a sample)

    QList<Event> ofKind(EventKind kind) const;

protected:
    void storeError(qint64 pos, const QString &message) override;
    void storeGap(quint64 first, quint64 last, qint64 pos) override;
};

// Reads a whole file with the reader for its detected format into a MemorySink.
// Fails the current test (QVERIFY-style) through the return value's error.
struct ReadResult
{
    QString format;
    MemorySink sink;
    QString error;
};
void readFile(const QString &path, ReadResult &result, const QString &host = QString());

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
// Builds time-ordered index events the way the auditd reader emits them, for
// process-graph and correlation edge cases that no log file shows in isolation.
class Timeline
{
public:
    explicit Timeline(CaseIndex &index, const QString &host = QStringLiteral("h1"));
    Timeline &fork(qint64 t, qint64 parent, qint64 child, const QString &parentImage);
    Timeline &exec(qint64 t, qint64 pid, qint64 ppid, const QString &image, const QString &cmd = QString());
    Timeline &exit(qint64 t, qint64 pid);
    Timeline &write(qint64 t, qint64 pid, const QString &path);
    Timeline &rename(qint64 t, qint64 pid, const QString &path);
    Timeline &connect(qint64 t, qint64 pid, const QString &ip, int port = 443);
    Timeline &package(qint64 t, const QString &name);
    // Events added after this call carry `platform` (Linux until then).
    Timeline &platform(Platform platform);
    Timeline &dns(qint64 t, qint64 pid, const QString &name, const QStringList &answers);
    Timeline &load(qint64 t, qint64 pid, const QString &path, const QString &signer, const QString &status,
        const QString &hashes = QString());
    // Sets the hashes of the last event added (a Sysmon 1 exec logs them).
    Timeline &withHashes(const QString &hashes);
    // The code-signing facts of the last event added, as a macOS exec or load logs
    // them (Endpoint Security, Santa): Team ID and signature status.
    Timeline &withSigning(const QString &teamId, const QString &status = QStringLiteral("Valid"));
    // A Gatekeeper or AMFI complaint about `path`, logged by the daemon `pid`.
    Timeline &fault(qint64 t, qint64 pid, const QString &path, const QString &teamId = QString());
    // Sysmon's identities on the last event added: its ProcessGuid and, for a start,
    // what it says about its parent (ParentProcessGuid, ParentImage, ParentCommandLine).
    Timeline &withGuids(const QString &guid, const QString &parentGuid = QString(),
        const QString &parentImage = QString(), const QString &parentCommandLine = QString());
    // Every event added so far once more, as read from another source (the same file
    // imported twice); build() keeps time order.
    Timeline &importedAgain(qint64 sourceId);
    void build();
    qint64 lastId() const { return m_events.size(); }

private:
    IndexedEvent make(qint64 t, EventKind kind, qint64 pid, qint64 ppid, const QString &image);
    CaseIndex &m_index;
    QString m_host;
    QList<IndexedEvent> m_events;
    Platform m_platform = Platform::Linux;
};

ProcessResult run(const QString &program, const QStringList &args, int timeoutMs = 120000);

// A small tmpfs of its own, mounted on an empty folder: a disk that really fills up
// and a file system that really is read-only, which root (whom permissions never stop)
// cannot write either (issue 11, findings 5 and 9). Needs root and a kernel that lets
// this process mount; isValid() is false otherwise and the test QSKIPs. Unmounted when
// it goes.
class SmallFileSystem
{
public:
    SmallFileSystem(const QString &mountPoint, qint64 bytes);
    ~SmallFileSystem();
    SmallFileSystem(const SmallFileSystem &) = delete;
    SmallFileSystem &operator=(const SmallFileSystem &) = delete;
    bool isValid() const { return m_mounted; }
    const QString &path() const { return m_path; }
    QString filePath(const QString &name) const { return m_path + u'/' + name; }
    // Writes one file until the file system refuses more (ENOSPC). False if it never did.
    bool fill(const QString &name = QStringLiteral("filler"));
    bool remountReadOnly();
    // Why isValid() is false, for QSKIP.
    const QString &whyNot() const { return m_whyNot; }

private:
    QString m_path;
    QString m_whyNot;
    bool m_mounted = false;
};

// A dpkg log of `lines` install lines, each naming another package: evidence of a
// chosen size, made at test time.
QByteArray dpkgLog(int lines, int firstPackage = 0);

// evtxexport (libevtx-utils) as the independent reader of EVTX files.
// What both readers must agree on for one record.
struct OracleRecord
{
    quint64 recordId = 0;
    QString provider;
    quint32 eventId = 0;
    qint64 timeUs = 0;
    QString computer;
    QString channel;
    // The other System fields, as printed; defaults where the element is absent (as
    // WinEventRecord has them).
    QString providerGuid;
    int version = 0;
    int level = 0;
    int task = 0;
    int opcode = 0;
    QString keywords;
    qint64 processId = -1;
    qint64 threadId = -1;
    QString userSid;
    QList<QPair<QString, QString>> data;
    // Every System element and attribute as printed, by path ("EventID", "Provider@Name",
    // "Execution@ProcessID", …); an element that is present but empty maps to "". For
    // tests that check presence as well as value.
    QHash<QString, QString> system;
    QString userDataNamespace; // the xmlns declared on UserData's element, not <Event>'s
};

// Parses one <Event> element the way the normalizer names fields: named Data by name,
// unnamed Data as Data1…, Binary, and UserData leaves as "Element/Child".
std::optional<OracleRecord> parseEventXml(const QString &xml);
// What `evtxexport -f xml` printed for a file: the one place that runs it and cuts
// its output into events.
struct EvtxexportOutput
{
    int exitCode = -1; // -1 when it crashed or did not finish
    QByteArray err;
    QStringList events; // every whole <Event> element, as printed, in order
    QString error; // why there is no output at all ("did not finish")
    qsizetype unterminatedAt = -1; // where an <Event> without its end stopped the list
};
EvtxexportOutput evtxexport(const QString &path, int timeoutMs = 120000);
// Runs `evtxexport -f xml` on a file and parses every event it prints (an event that
// does not parse is left out).
QList<OracleRecord> runEvtxexport(const QString &path, QString *error);
// Equal up to the documented representation differences of evtxexport (see .cpp).
bool sameValue(const QString &a, const QString &b);
QString describe(const QList<QPair<QString, QString>> &data);
QString describe(const WinEventFields &data);

} // namespace Chainscope::Test
