#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

// Low-level pieces of the raw audit log format, free of any event semantics: the
// record header, the key=value fields, and the encodings auditd uses for values.
// Everything works on views into the line so that the hot path allocates nothing.
namespace Chainscope::Audit {

// auditd's log_format=ENRICHED appends the translations after this byte.
constexpr char EnrichmentSeparator = '\x1d';

// The header of one record line:
//   [node=NAME ]type=TYPE msg=audit(SECONDS.MILLIS:SERIAL): FIELDS[\x1dTRANSLATIONS]
struct RecordHeader
{
    QByteArrayView node; // empty without a node= prefix
    QByteArrayView type; // "SYSCALL", "UNKNOWN[1334]"
    qint64 seconds = 0;
    qint32 micros = 0; // the stamp's fraction, in microseconds
    quint64 serial = 0;
    qsizetype fieldsBegin = 0; // fields are line[fieldsBegin, fieldsEnd)
    qsizetype fieldsEnd = 0; // the enrichment separator, or the end of the line

    qint64 timeUs() const { return seconds * 1000000 + micros; }
    bool enriched(QByteArrayView line) const { return fieldsEnd < line.size(); }
};

enum class HeaderStatus {
    Ok,
    NotARecord, // no type= where a record starts
    BadStamp, // type= present, but msg=audit(SECONDS.MILLIS:SERIAL) is missing or broken
    // "type=TYPE msg=?" and nothing more: a record auditd wrote without any message
    // (no stamp, no field; ausearch skips it too). Nothing to store, nothing damaged.
    NoMessage,
};

HeaderStatus parseHeader(QByteArrayView line, RecordHeader &header);

// Blank lines and '#' comments: not records, not errors either (test fixtures and
// hand-annotated evidence have them).
bool isBlankOrComment(QByteArrayView line);

// Whether the double quotes of the fields pair up. The kernel hex-encodes every value
// that could contain a quote, so an odd count means the line was cut.
bool quotesBalanced(QByteArrayView fields);

struct Field
{
    QByteArrayView key;
    QByteArrayView value; // without the surrounding quotes
    bool quoted = false;
};

// Appends the key=value pairs of `text` to `out`. Handles "quoted" values, bare words
// between fields (the free text of DAEMON_* records), and the user-space payload
// msg='k=v k=v …', whose fields are appended as if they were top-level ones. Real
// records have at most a couple of thousand fields (an EXECVE record of one-letter
// arguments); beyond MaxFieldsPerRecord the rest of a line is ignored.
constexpr size_t MaxFieldsPerRecord = 4096;
void splitFields(QByteArrayView text, std::vector<Field> &out);

// Linear search: records have a few dozen fields at most, and the search compares
// lengths first.
const Field *findField(const Field *begin, const Field *end, QByteArrayView key);

// "(null)", "?" and "(none)" are auditd's ways of saying "no value".
bool isAbsent(const Field &field);

// Values of "untrusted string" fields (exe, comm, name, cwd, aN, proctitle, acct …)
// are written quoted when harmless and as hex otherwise: an unquoted value that is
// all hex digits is hex.
bool isHexString(QByteArrayView value); // non-empty, even length, only hex digits
// Only hex digits, but an odd number of them: hex that lost a digit (a cut value).
bool isOddHexString(QByteArrayView value);
// Expects isHexString() or isOddHexString(); of an odd count, the last digit is dropped.
void appendHexDecoded(QByteArray &out, QByteArrayView hex);
QByteArray hexDecoded(QByteArrayView hex);

bool parseDecimal(QByteArrayView text, qint64 &value); // optional leading '-'
bool parseHex(QByteArrayView text, quint64 &value); // no 0x prefix, as auditd writes

// A decoded SOCKADDR saddr= (struct sockaddr as the kernel copied it).
struct SockAddr
{
    int family = -1; // AF_* number, -1 when undecodable
    QString address; // inet, inet6
    int port = -1; // inet, inet6
    QString path; // unix; "@name" for the abstract namespace
    bool abstractSocket = false;
};
constexpr int FamilyUnix = 1;
constexpr int FamilyInet = 2;
constexpr int FamilyInet6 = 10;

bool decodeSockAddr(QByteArrayView hex, SockAddr &out);
// RFC 5952 text form; IPv4-mapped addresses as ::ffff:a.b.c.d.
QString formatIPv6(const quint8 *bytes);

} // namespace Chainscope::Audit
