#include "unifiedlogreader.h"

#include "inputfile.h"
#include "macosparsing.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace Chainscope {

using namespace Macos;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Chainscope::UnifiedLogReader)
};

constexpr qint64 CancelPollRecords = 1024;
// Connections already seen (pid and connection id), so that the several lines of one
// connection make one net_connect. Forgotten when full: a repeat after that is a
// duplicate event, never a lost one.
constexpr qsizetype MaxRememberedConnections = 16384;

QString stringOf(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toString();
}

qint64 numberOf(const QJsonObject &o, QLatin1StringView key)
{
    return Macos::wholeNumber(o.value(key));
}

// ---- installer ---------------------------------------------------------------------------

bool isInstallerSource(const QString &process, const QString &subsystem, const QString &message)
{
    static const QSet<QString> Processes = {QStringLiteral("installd"), QStringLiteral("system_installd"),
        QStringLiteral("softwareupdated"), QStringLiteral("Installer"), QStringLiteral("installer"),
        QStringLiteral("package_script_service"), QStringLiteral("PackageKit")};
    return Processes.contains(process) || subsystem.startsWith(QLatin1String("com.apple.install"))
        || subsystem.startsWith(QLatin1String("com.apple.SoftwareUpdate"))
        || subsystem.startsWith(QLatin1String("com.apple.PackageKit"))
        || message.startsWith(QLatin1String("PackageKit:"));
}

// ---- code signing verdicts ---------------------------------------------------------------

bool isCodeSigningSource(
    const QString &process, const QString &subsystem, const QString &sender, const QString &message)
{
    return sender.contains(QLatin1String("AppleMobileFileIntegrity"))
        || subsystem.startsWith(QLatin1String("com.apple.syspolicy")) || process == u"syspolicyd" || process == u"amfid"
        || subsystem.startsWith(QLatin1String("com.apple.MobileFileIntegrity"))
        || message.startsWith(QLatin1String("AMFI:")) || message.contains(QLatin1String("AppleMobileFileIntegrity"));
}

// Words of a verdict against code. Gatekeeper and AMFI log much routine assessment
// ("GK process assessment", scan results); only these make a signature_fault.
bool isVerdict(const QString &message)
{
    static const QRegularExpression re(
        QStringLiteral(R"(not valid|invalid|\bfailed\b|failure|reject|denied|\bdeny\b|not allowed|would not allow|)"
                       R"(disallow|blocked|ad-?hoc|unsigned|not signed|no signature|no CMS blob|not notarized|)"
                       R"(unnotarized|revoked|malware|prompt shown|not permitted|untrusted|unknown certificate)"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(message).hasMatch();
}

QString pathIn(const QString &message)
{
    static const QRegularExpression pst(QStringLiteral(R"(\bpath: (/[^,)]+))"));
    static const QRegularExpression quoted(QStringLiteral(R"(['"“](/[^'"”]+)['"”])"));
    static const QRegularExpression bare(QStringLiteral(R"((?:^|[\s(,=])(/[^\s,()'"]+))"));
    for (const QRegularExpression *re : {&pst, &quoted, &bare}) {
        const QRegularExpressionMatch m = re->match(message);
        if (m.hasMatch()) {
            QString path = m.captured(1).trimmed();
            while (path.endsWith(u':') || path.endsWith(u'.'))
                path.chop(1);
            if (path.size() > 1)
                return path;
        }
    }
    return QString();
}

QString teamIdIn(const QString &message)
{
    static const QRegularExpression re(
        QStringLiteral(R"(\b(?:team|team ?id|team_id|teamidentifier)\s*[:=]\s*\(?([A-Z0-9]{10})\b)"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(message);
    if (!m.hasMatch())
        return QString();
    const QString id = m.captured(1);
    return isTeamId(id) ? id : QString();
}

qint64 judgedPidIn(const QString &message)
{
    static const QRegularExpression re(QStringLiteral(R"(\b(?:process|pid)\s*[:=]?\s*(\d{1,10})\b)"));
    const QRegularExpressionMatch m = re.match(message);
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

// ---- DNS -----------------------------------------------------------------------------------

struct DnsQuery
{
    QString name;
    QString type;
    qint64 clientPid = -1;
    QString clientName;
};

std::optional<DnsQuery> parseDnsQuery(const QString &message)
{
    // mDNSResponder (dnssd_server.c), current wording:
    //   [R1584] getaddrinfo start -- flags: 0xC000D000, ifindex: 0, protocols: 0, hostname: NAME, …,
    //           client pid: 4529 (App)
    //   [R1001] DNSServiceQueryRecord START -- qname: NAME, qtype: AAAA, …, client pid: 4242 (curl)
    //   [R1002] DNSServiceGetAddrInfo START -- hostname: NAME, protocols: 3, …, client pid: 4243 (python3)
    // and the older one: [R12] DNSServiceQueryRecord(15000, 0, NAME, Addr) START PID[123](proc)
    static const QRegularExpression current(
        QStringLiteral(R"((?:getaddrinfo start|DNSServiceQueryRecord START|DNSServiceGetAddrInfo START) -- )"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression nameKey(QStringLiteral(R"(\b(?:hostname|qname): ([^,\s]+))"));
    static const QRegularExpression typeKey(QStringLiteral(R"(\bqtype: ([A-Za-z0-9]+))"));
    static const QRegularExpression client(QStringLiteral(R"(\bclient pid: (\d+) \(([^)]*)\))"));
    static const QRegularExpression older(
        QStringLiteral(R"(DNSServiceQueryRecord\(\s*[^,]*,\s*[^,]*,\s*([^,\s]+),\s*([A-Za-z0-9]+)\s*\) START)"));
    static const QRegularExpression olderClient(QStringLiteral(R"(PID\[(\d+)\]\(([^)]*)\))"));
    DnsQuery q;
    if (current.match(message).hasMatch()) {
        const QRegularExpressionMatch n = nameKey.match(message);
        if (!n.hasMatch())
            return std::nullopt;
        q.name = n.captured(1);
        q.type = typeKey.match(message).captured(1);
        const QRegularExpressionMatch c = client.match(message);
        if (c.hasMatch()) {
            q.clientPid = c.captured(1).toLongLong();
            q.clientName = c.captured(2);
        }
    } else if (const QRegularExpressionMatch o = older.match(message); o.hasMatch()) {
        q.name = o.captured(1);
        q.type = o.captured(2);
        const QRegularExpressionMatch c = olderClient.match(message);
        if (c.hasMatch()) {
            q.clientPid = c.captured(1).toLongLong();
            q.clientName = c.captured(2);
        }
    } else {
        return std::nullopt;
    }
    while (q.name.endsWith(u'.'))
        q.name.chop(1);
    // Private data is masked unless the Mac was told to log it: "<private>",
    // "<mask.hash: '…'>". No name, no destination.
    if (q.name.isEmpty() || q.name.startsWith(u'<'))
        return std::nullopt;
    return q;
}

// ---- network ---------------------------------------------------------------------------------

struct Connection
{
    QString id; // "C12"
    QString host;
    QString ip;
    int port = -1;
};

// "host:443", "192.0.2.1:443", "[2001:db8::1]:443", "2001:db8::1.443"
bool splitEndpoint(const QString &endpoint, Connection &c)
{
    QString host;
    QString port;
    if (endpoint.startsWith(u'[')) {
        const qsizetype close = endpoint.indexOf(u"]:");
        if (close < 0)
            return false;
        host = endpoint.mid(1, close - 1);
        port = endpoint.mid(close + 2);
    } else if (endpoint.count(u':') > 1) {
        const qsizetype dot = endpoint.lastIndexOf(u'.');
        if (dot < 0)
            return false;
        host = endpoint.left(dot);
        port = endpoint.mid(dot + 1);
    } else {
        const qsizetype colon = endpoint.lastIndexOf(u':');
        if (colon < 0)
            return false;
        host = endpoint.left(colon);
        port = endpoint.mid(colon + 1);
    }
    bool ok = false;
    const int p = port.toInt(&ok);
    if (!ok || p < 0 || p > 65535 || host.isEmpty() || host.startsWith(u'<') || host.contains(u'#'))
        return false;
    if (isIpAddress(host))
        c.ip = host.toLower();
    else
        c.host = host;
    c.port = p;
    return true;
}

std::optional<Connection> parseConnection(const QString &message)
{
    // libnetwork: "nw_connection_create_with_id [C12] create connection to example.com:443"
    // and the start line "[C12 example.com:443 tcp, url hash: …, tls, …] start".
    static const QRegularExpression create(QStringLiteral(R"(\[(C[\d.]+)\] create connection to (\S+))"));
    static const QRegularExpression start(
        QStringLiteral(R"(^\[(C[\d.]+) (\[[^\]]+\]:\d+|[^\s,\]]+)[ ,\]].*\] start$)"));
    Connection c;
    QRegularExpressionMatch m = create.match(message);
    if (!m.hasMatch())
        m = start.match(message);
    if (!m.hasMatch())
        return std::nullopt;
    c.id = m.captured(1);
    // "C12.1" is the first attempt of C12: the same connection.
    if (const qsizetype dot = c.id.indexOf(u'.'); dot > 0)
        c.id.truncate(dot);
    if (!splitEndpoint(m.captured(2), c))
        return std::nullopt;
    return c;
}

} // namespace

UnifiedLogReader::UnifiedLogReader(qsizetype maxObjectBytes)
    : m_maxObjectBytes(maxObjectBytes)
{
}

bool UnifiedLogReader::probe(QByteArrayView head)
{
    const QList<QByteArrayView> records = JsonRecordStream::headRecords(head);
    for (QByteArrayView r : records) {
        // The first object's keys only: in an array, the rest of the head is later records.
        if (r.size() > 16 * 1024)
            r = r.first(16 * 1024);
        if (JsonRecordStream::hasKey(r, "@timestamp") || JsonRecordStream::hasKey(r, "_source"))
            return false;
        if (JsonRecordStream::hasKey(r, "eventMessage") && JsonRecordStream::hasKey(r, "timestamp")
            && (JsonRecordStream::hasKey(r, "subsystem") || JsonRecordStream::hasKey(r, "processImagePath")
                || JsonRecordStream::hasKey(r, "eventType")))
            return true;
    }
    return false;
}

void UnifiedLogReader::read(InputFile &input, const ReaderContext &context, ImportSink &sink)
{
    JsonRecordStream stream(input, m_maxObjectBytes);
    ReceiptTracker receipts;
    QSet<std::pair<qint64, QString>> connections;
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
        if (status == JsonRecordStream::Status::Error) {
            sink.recordRead();
            sink.recordError(stream.pos(), Text::tr("unified log: %1").arg(stream.error()));
            continue;
        }
        const QJsonObject &o = stream.object();
        // `log show` ends an ndjson export with a summary ({"count":N,"finished":1}).
        if (o.contains(QLatin1String("finished")) && !o.contains(QLatin1String("eventMessage"))
            && !o.contains(QLatin1String("timestamp"))) {
            sink.recordSkipped();
            continue;
        }
        sink.recordRead();
        const QString stamp = stringOf(o, QLatin1String("timestamp"));
        const std::optional<qint64> timeUs = parseWholeStamp(stamp.toLatin1(), context.timeZone);
        if (!timeUs) {
            sink.recordError(stream.pos(),
                stamp.isEmpty() ? Text::tr("unified log: entry without a timestamp")
                                : Text::tr("unified log: unreadable timestamp '%1'").arg(stamp.left(64)));
            continue;
        }
        const QString message = stringOf(o, QLatin1String("eventMessage"));
        const QString subsystem = stringOf(o, QLatin1String("subsystem"));
        const QString imagePath = stringOf(o, QLatin1String("processImagePath"));
        const QString process = fileNameOf(imagePath);
        const QString sender = stringOf(o, QLatin1String("senderImagePath"));
        const qint64 pid = numberOf(o, QLatin1String("processID"));

        Event e = baseEvent(context, EventKind::LogMessage, *timeUs, stream.pos());
        e.pid = pid;
        e.image = imagePath;
        QJsonObject d;
        putText(d, QStringLiteral("message"), message);
        putText(d, QStringLiteral("subsystem"), subsystem);
        putText(d, QStringLiteral("category"), stringOf(o, QLatin1String("category")));
        putText(d, QStringLiteral("sender"), sender);
        putText(d, QStringLiteral("event_type"), stringOf(o, QLatin1String("eventType")));
        putText(d, QStringLiteral("message_type"), stringOf(o, QLatin1String("messageType")));

        if (isInstallerSource(process, subsystem, message)) {
            if (const auto installed = parseInstalled(message)) {
                e.kind = EventKind::PackageInstall;
                e.targetPath = installed->name;
                d.insert(QStringLiteral("package"), installed->name);
                putText(d, QStringLiteral("version"), installed->version);
                const QStringList ids = receipts.take(pid);
                if (!ids.isEmpty())
                    d.insert(QStringLiteral("package_identifiers"), QJsonArray::fromStringList(ids));
            } else if (isBeginInstall(message)) {
                receipts.begin(pid);
            } else if (const QString id = parseReceiptIdentifier(message); !id.isEmpty()) {
                receipts.add(pid, id);
                d.insert(QStringLiteral("package_identifier"), id);
            }
        } else if (isCodeSigningSource(process, subsystem, sender, message) && isVerdict(message)) {
            e.kind = EventKind::SignatureFault;
            e.targetPath = pathIn(message);
            e.teamId = teamIdIn(message);
            const qint64 judged = judgedPidIn(message);
            if (judged >= 0 && judged != pid) {
                // The fault belongs to the process that was judged, not to syspolicyd or
                // the kernel that logged it.
                e.pid = judged;
                e.image = e.targetPath;
                d.insert(QStringLiteral("reporter"), imagePath);
                if (pid >= 0)
                    d.insert(QStringLiteral("reporter_pid"), pid);
            }
        } else if (const auto q = parseDnsQuery(message); q
                   && (process == u"mDNSResponder" || subsystem.startsWith(QLatin1String("com.apple.mDNSResponder")))) {
            e.kind = EventKind::DnsQuery;
            e.dstHost = q->name;
            putText(d, QStringLiteral("query_type"), q->type);
            if (q->clientPid >= 0) {
                e.pid = q->clientPid;
                e.image = q->clientName;
                d.insert(QStringLiteral("reporter"), imagePath);
            }
        } else if (subsystem.startsWith(QLatin1String("com.apple.network"))) {
            if (const auto c = parseConnection(message)) {
                const std::pair<qint64, QString> key {pid, c->id};
                if (!connections.contains(key)) {
                    if (connections.size() >= MaxRememberedConnections)
                        connections.clear();
                    connections.insert(key);
                    e.kind = EventKind::NetConnect;
                    e.dstHost = c->host;
                    e.dstIp = c->ip;
                    e.dstPort = c->port;
                    d.insert(QStringLiteral("connection"), c->id);
                }
            }
        }
        e.details = d;
        sink.addEvent(e, sink.addRaw(stream.raw()));
    }
}

} // namespace Chainscope
