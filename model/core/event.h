#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace Chainscope {

// The normalized event kinds. Their names (kindName) are part of the CLI's JSON
// contract and of the case file, so they never change once released.
enum class EventKind : quint8 {
    ProcessStart,
    ProcessExit,
    FileWrite,
    FileRename,
    FileDelete,
    ModuleLoad,
    NetConnect,
    DnsQuery,
    PackageInstall,
    SignatureFault,
    LogMessage,
};
constexpr int EventKindCount = int(EventKind::LogMessage) + 1;

enum class Platform : quint8 { Unknown, Linux, Windows, MacOS };

QString kindName(EventKind kind);
std::optional<EventKind> kindFromName(QStringView name);
QString platformName(Platform platform);
Platform platformFromName(QStringView name);

// One normalized event. Every importer produces these; the correlation core reads
// nothing else. Fields that a log does not carry stay empty (strings) or -1 (numbers).
struct Event
{
    qint64 id = -1; // assigned by the case store
    qint64 timeUs = 0; // UTC, microseconds since the Unix epoch
    QString host;
    Platform platform = Platform::Unknown;
    EventKind kind = EventKind::LogMessage;

    // The acting process's identity in the source's own terms (Sysmon's ProcessGuid);
    // empty where the log has none, as Linux audit: the process graph tells those
    // processes apart itself, by host, pid and start.
    QString processKey;
    qint64 pid = -1;
    qint64 ppid = -1;
    QString image;
    QString commandLine;
    QString user;

    // A process start made by fork or clone without exec (Linux audit): a new process
    // that still runs its parent's image.
    bool forked = false;
    // What a process start says about its parent (Sysmon 1, Security 4688): lineage for
    // a parent whose own start is not in the logs. The key is Sysmon's ParentProcessGuid.
    QString parentProcessKey;
    QString parentImage;
    QString parentCommandLine;

    // Object of the action: the file written, the module loaded, the package installed.
    QString targetPath;
    QString hashes;
    QString signer;
    QString signatureStatus;
    QString teamId;

    QString dstIp;
    int dstPort = -1;
    QString dstHost;
    // The address family of the socket a call named, as audit's SOCKADDR gives it:
    // "inet", "inet6", "unix" or its number. A "unix" peer is local, never egress.
    QString addressFamily;
    // dns_query: the addresses the name resolved to (Sysmon 22's QueryResults).
    QStringList dnsAnswers;

    qint64 sourceId = -1;
    // Where the record sits in its source: byte offset of its first line for text logs,
    // record number for record-oriented formats. Together with the stored raw record
    // this lets the workbench show the evidence exactly as it was written.
    qint64 recordPos = -1;

    // Format-specific facts that have no column of their own (syscall name, exit code,
    // package version, audit key …). Kept small: it is stored as compact JSON. What the
    // correlation reads has a field above instead: details are for the analyst.
    QJsonObject details;
    // The same as compact JSON text, for readers that write it directly (EventDetails):
    // building a QJsonObject per event and serialising it again for the case costs more
    // than reading the log. When set, the store writes it and ignores `details`.
    QByteArray detailsJson;
};

// The key a host is known by (issue 14): Windows compares computer names without regard
// to case, so a Windows host's ASCII letters are upper-cased (IE8Win7 and IE8WIN7 are one
// machine); other platforms' host names are case-sensitive and stay as they are. ASCII
// only, as SQLite's upper() (CaseStore groups hosts with it), so both agree.
QString foldedHost(const QString &host, Platform platform);

// The last component of a Linux or Windows path ("/usr/bin/curl", "C:\\x\\a.exe").
QString fileNameOf(const QString &path);

// A command line split into arguments: blanks separate them, double quotes group
// ("C:\\Program Files\\x.exe" /S); the quotes are removed. Good enough to find a
// program's script, subcommand or output file; not a shell parser.
QStringList splitCommandLine(const QString &commandLine);

// Text from logs made visible: C0 and C1 controls and DEL as "\\x1b", the bidi
// overrides (U+202E and friends) as "\\u202e", so that a log can neither drive a
// terminal nor make a name read backwards. With `keepLayout`, newline and tab stay
// (an HTML cell); without, they are shown too (a line of terminal output).
QString showControlCharacters(const QString &text, bool keepLayout);

// Log text for a tooltip: always rich text, with the text escaped and its controls
// shown (showControlCharacters), so that Qt's rich-text guess (Qt::mightBeRichText)
// never renders markup from a log — a file named "<img src=…>" stays those characters.
QString plainToolTip(const QString &text);

// A network destination as analysts write it: "host:port", IPv6 in brackets, and the
// address in parentheses when the log gave both a name and an address.
QString formatDestination(const QString &host, const QString &ip, int port);

// What an event acted on, in one short string: the file, package or destination.
QString eventObject(const Event &event);

// A signature status that is not "Valid" (Sysmon's Unavailable, Expired, …): the
// module was unsigned or its signature did not verify. Empty means not logged.
bool isBadSignatureStatus(const QString &status);

// Formats a UTC timestamp in microseconds as ISO 8601 with microseconds and a 'Z'.
QString formatTimeUs(qint64 timeUs);
// The same instant in the analyst's display zone (issue 14): ISO 8601 with microseconds
// and the zone's offset at that instant ("+02:00"); UTC (or an invalid zone) keeps the
// 'Z', so that UTC output reads as it always did.
QString formatTimeUs(qint64 timeUs, const QTimeZone &zone);

} // namespace Chainscope
