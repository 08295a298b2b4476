// The ECS reader (Elastic Endpoint, Auditbeat, Winlogbeat). Fixtures: every document
// written inline in this file is generated here, shaped after the ECS field reference
// and the documents Elastic's agents write; the one real file is the corpus's
// macos/elastic_endpoint_pkg_installer_preinstall_shell.json (sbousseaden's
// macOS-ATTACK-DATASET, Elastic Endpoint 7.10 on macOS 10.15), read in realEndpointFile().
#include "caseindex.h"
#include "ecsreader.h"
#include "formats.h"
#include "inputfile.h"
#include "testsupport.h"
#include "windowsnormalizer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QVariantMap>

#include <algorithm>

using namespace Chainscope;
using namespace Chainscope::Test;
using namespace Qt::StringLiterals;

namespace {

// Expectations written as {"field", value} pairs; text is UTF-8 (the build casts no
// ASCII implicitly).
struct Value
{
    Value(const char *text)
        : v(QString::fromUtf8(text))
    {
    }
    Value(int n)
        : v(n)
    {
    }
    Value(qint64 n)
        : v(n)
    {
    }
    Value(bool b)
        : v(b)
    {
    }
    QVariant v;
};

QVariantMap fields(std::initializer_list<std::pair<const char *, Value>> list)
{
    QVariantMap m;
    for (const auto &[key, value] : list)
        m.insert(QString::fromUtf8(key), value.v);
    return m;
}

QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("fixture is not JSON: %s in %s", qPrintable(error.errorString()), json.constData());
    return doc.object();
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject details(const Event &e)
{
    return QJsonDocument::fromJson(e.detailsJson).object();
}

qint64 isoUs(const char *utc)
{
    return QDateTime::fromString(QLatin1String(utc), Qt::ISODateWithMs).toMSecsSinceEpoch() * 1000;
}

// One generated file, read by an EcsReader with the given document cap.
struct Read
{
    MemorySink sink;
    QByteArray bytes;
};

void readBytes(const QByteArray &bytes, Read &out, qsizetype cap = EcsReader::DefaultMaxDocumentBytes)
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("ecs.json"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    out.bytes = bytes;
    InputFile input;
    QVERIFY(input.open(path));
    EcsReader reader(cap);
    reader.read(input, ReaderContext {}, out.sink);
}

// Every field of an event by the name the expectations use.
QVariant eventField(const Event &e, const QString &name)
{
    static const QHash<QString, std::function<QVariant(const Event &)>> fields = {
        {QStringLiteral("kind"),
            [](const Event &x) {
                return QVariant(kindName(x.kind));
            }},
        {QStringLiteral("platform"),
            [](const Event &x) {
                return QVariant(platformName(x.platform));
            }},
        {QStringLiteral("timeUs"),
            [](const Event &x) {
                return QVariant(x.timeUs);
            }},
        {QStringLiteral("host"),
            [](const Event &x) {
                return QVariant(x.host);
            }},
        {QStringLiteral("processKey"),
            [](const Event &x) {
                return QVariant(x.processKey);
            }},
        {QStringLiteral("pid"),
            [](const Event &x) {
                return QVariant(x.pid);
            }},
        {QStringLiteral("ppid"),
            [](const Event &x) {
                return QVariant(x.ppid);
            }},
        {QStringLiteral("image"),
            [](const Event &x) {
                return QVariant(x.image);
            }},
        {QStringLiteral("commandLine"),
            [](const Event &x) {
                return QVariant(x.commandLine);
            }},
        {QStringLiteral("user"),
            [](const Event &x) {
                return QVariant(x.user);
            }},
        {QStringLiteral("forked"),
            [](const Event &x) {
                return QVariant(x.forked);
            }},
        {QStringLiteral("parentProcessKey"),
            [](const Event &x) {
                return QVariant(x.parentProcessKey);
            }},
        {QStringLiteral("parentImage"),
            [](const Event &x) {
                return QVariant(x.parentImage);
            }},
        {QStringLiteral("parentCommandLine"),
            [](const Event &x) {
                return QVariant(x.parentCommandLine);
            }},
        {QStringLiteral("targetPath"),
            [](const Event &x) {
                return QVariant(x.targetPath);
            }},
        {QStringLiteral("hashes"),
            [](const Event &x) {
                return QVariant(x.hashes);
            }},
        {QStringLiteral("signer"),
            [](const Event &x) {
                return QVariant(x.signer);
            }},
        {QStringLiteral("signatureStatus"),
            [](const Event &x) {
                return QVariant(x.signatureStatus);
            }},
        {QStringLiteral("teamId"),
            [](const Event &x) {
                return QVariant(x.teamId);
            }},
        {QStringLiteral("dstIp"),
            [](const Event &x) {
                return QVariant(x.dstIp);
            }},
        {QStringLiteral("dstPort"),
            [](const Event &x) {
                return QVariant(x.dstPort);
            }},
        {QStringLiteral("dstHost"),
            [](const Event &x) {
                return QVariant(x.dstHost);
            }},
        {QStringLiteral("addressFamily"),
            [](const Event &x) {
                return QVariant(x.addressFamily);
            }},
        {QStringLiteral("dnsAnswers"),
            [](const Event &x) {
                return QVariant(x.dnsAnswers.join(u','));
            }},
    };
    if (name.startsWith(QLatin1String("details.")))
        return details(e).value(name.mid(8)).toVariant();
    const auto it = fields.constFind(name);
    return it == fields.cend() ? QVariant(QStringLiteral("<no field %1>").arg(name)) : it.value()(e);
}

// Two events agree on everything a reader sets (record position and raw id aside).
QString difference(const Event &a, const Event &b)
{
    for (const QString &name : {QStringLiteral("kind"), QStringLiteral("platform"), QStringLiteral("timeUs"),
             QStringLiteral("host"), QStringLiteral("processKey"), QStringLiteral("pid"), QStringLiteral("ppid"),
             QStringLiteral("image"), QStringLiteral("commandLine"), QStringLiteral("user"), QStringLiteral("forked"),
             QStringLiteral("parentProcessKey"), QStringLiteral("parentImage"), QStringLiteral("parentCommandLine"),
             QStringLiteral("targetPath"), QStringLiteral("hashes"), QStringLiteral("signer"),
             QStringLiteral("signatureStatus"), QStringLiteral("teamId"), QStringLiteral("dstIp"),
             QStringLiteral("dstPort"), QStringLiteral("dstHost"), QStringLiteral("addressFamily"),
             QStringLiteral("dnsAnswers")}) {
        if (eventField(a, name) != eventField(b, name))
            return QStringLiteral("%1: '%2' vs '%3'")
                .arg(name, eventField(a, name).toString(), eventField(b, name).toString());
    }
    if (a.detailsJson != b.detailsJson)
        return QStringLiteral("details: %1 vs %2")
            .arg(QString::fromUtf8(a.detailsJson), QString::fromUtf8(b.detailsJson));
    return QString();
}

// Three generated Elastic Endpoint documents: an exec, a file creation by it, and its
// connection out.
QList<QJsonObject> threeDocuments()
{
    return {
        parse(R"({"@timestamp":"2024-03-01T10:00:00.000001Z","agent":{"type":"endpoint"},
            "host":{"hostname":"ws1","os":{"family":"debian","type":"linux"}},
            "event":{"category":["process"],"type":["start"],"action":"exec","dataset":"endpoint.events.process"},
            "process":{"entity_id":"P1","pid":100,"executable":"/usr/bin/apt","args":["apt","install","x"],
            "parent":{"entity_id":"P0","pid":1,"executable":"/sbin/init"}},"user":{"name":"root"}})"),
        parse(R"({"@timestamp":"2024-03-01T10:00:01Z","agent":{"type":"endpoint"},
            "host":{"hostname":"ws1","os":{"type":"linux"}},
            "event":{"category":["file"],"type":["creation"],"action":"creation"},
            "process":{"entity_id":"P1","pid":100,"executable":"/usr/bin/apt"},
            "file":{"path":"/usr/local/bin/x","hash":{"sha256":"ab12"}}})"),
        parse(R"({"@timestamp":"2024-03-01T10:00:02Z","agent":{"type":"endpoint"},
            "host":{"hostname":"ws1","os":{"type":"linux"}},
            "event":{"category":["network"],"type":["start"],"action":"connection_attempted"},
            "network":{"direction":"egress","transport":"tcp","type":"ipv4"},
            "destination":{"ip":"203.0.113.9","port":443},"source":{"ip":"10.0.0.5","port":50000},
            "process":{"entity_id":"P1","pid":100,"executable":"/usr/bin/apt"}})"),
    };
}

QByteArray ndjson(const QList<QJsonObject> &docs)
{
    QByteArray out;
    for (const QJsonObject &d : docs)
        out += compact(d) + '\n';
    return out;
}

} // namespace

class Tst_EcsReader : public QObject
{
    Q_OBJECT

private slots:
    void probe_data();
    void probe();
    void endpointAndAuditbeatMapping_data();
    void endpointAndAuditbeatMapping();
    void timestamps_data();
    void timestamps();
    void winlogbeatMeansWhatTheNormalizerSays_data();
    void winlogbeatMeansWhatTheNormalizerSays();
    void winlogbeatModuleFieldsAreRestored_data();
    void winlogbeatModuleFieldsAreRestored();
    void layoutsGiveTheSameEvents_data();
    void layoutsGiveTheSameEvents();
    void recordPositionsAndRawBytes();
    void damagedDocumentKeepsItsNeighbours_data();
    void damagedDocumentKeepsItsNeighbours();
    void documentCap_data();
    void documentCap();
    void nestingCap_data();
    void nestingCap();
    void cutAtTheEndOfTheFile_data();
    void cutAtTheEndOfTheFile();
    void forkThenExecLineage();
    void realEndpointFile();
};

void Tst_EcsReader::probe_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("ecs");
    QTest::newRow("endpoint hit, pretty") << QByteArray("{\n  \"_index\": \"x\",\n  \"_source\": {\n    \"agent\": "
                                                        "{},\n    \"@timestamp\": \"2021-01-14T18:32:56Z\"\n  }\n}\n")
                                          << true;
    QTest::newRow("ndjson with ecs") << QByteArray("{\"@timestamp\":\"2024-03-01T10:00:00Z\",\"ecs\":{\"version\":\"8."
                                                   "0\"},\"message\":\"x\"}\n")
                                     << true;
    QTest::newRow("flattened keys") << QByteArray("{\"@timestamp\":\"2024-03-01T10:00:00Z\",\"event.category\":"
                                                  "\"process\"}\n")
                                    << true;
    QTest::newRow("event with dataset") << QByteArray(
        "{\"@timestamp\": \"2024-03-01T10:00:00Z\", \"event\": {\"dataset\": \"auditd.log\"}}")
                                        << true;
    QTest::newRow("array") << QByteArray("[{\"@timestamp\":\"2024-03-01T10:00:00Z\",\"winlog\":{}}]") << true;
    QTest::newRow("search response") << QByteArray("{\"took\":3,\"hits\":{\"hits\":[{\"_index\":\"a\",\"_source\":{"
                                                   "\"@timestamp\":\"2024-03-01T10:00:00Z\"}}]}}")
                                     << true;
    QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf{\"@timestamp\":\"2024-03-01T10:00:00Z\",\"agent\":{}}")
                                     << true;
    QTest::newRow("winlogbeat with the event XML") << QByteArray(
        "{\"@timestamp\":\"2024-03-01T10:00:00Z\",\"event\":{\"original\":\"<Event xmlns='http://"
        "schemas.microsoft.com/win/2004/08/events/event'><System/></Event>\"},\"winlog\":{\"event_id\":1}}\n")
                                                   << true;
    QTest::newRow("no @timestamp") << QByteArray("{\"timestamp\":\"2024\",\"ecs\":{}}") << false;
    QTest::newRow("@timestamp, no ECS field") << QByteArray("{\"@timestamp\":\"2024\",\"level\":\"info\"}") << false;
    QTest::newRow("@timestamp as a value only") << QByteArray("{\"msg\":\"@timestamp\",\"ecs\":1}") << false;
    QTest::newRow("unified log ndjson") << QByteArray(
        "{\"timestamp\":\"2024-03-01 10:00:00.000000+0000\",\"eventMessage\":\"x\",\"subsystem\":\"com."
        "apple.x\",\"category\":\"y\",\"processImagePath\":\"/usr/libexec/x\"}\n")
                                        << false;
    QTest::newRow("eslogger line") << QByteArray("{\"@timestamp\":\"x\",\"event_type\":9,\"process\":{\"audit_token\":"
                                                 "{\"pid\":1}},\"event\":{\"module\":\"x\"},\"agent\":{}}\n")
                                   << false;
    QTest::newRow("audit log") << QByteArray("type=SYSCALL msg=audit(1.2:3): ecs agent @timestamp") << false;
}

void Tst_EcsReader::probe()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, ecs);
    QCOMPARE(EcsReader::probe(head), ecs);
    // Registered first among the JSON formats: the whole registry agrees.
    if (ecs)
        QCOMPARE(builtinFormats().detect(head), LogFormat::Ecs);
    else
        QVERIFY(builtinFormats().detect(head) != LogFormat::Ecs);
}

void Tst_EcsReader::endpointAndAuditbeatMapping_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QVariantMap>("expected");

    // Elastic Endpoint (Elastic Defend) documents.
    QTest::newRow("endpoint exec, macOS, signed")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00.123456Z",
            "host":{"hostname":"mac1","name":"mac1.example","os":{"family":"macos","platform":"macos"}},
            "event":{"category":["process"],"type":["start"],"action":"exec","dataset":"endpoint.events.process"},
            "process":{"entity_id":"E2","pid":42,"executable":"/Applications/U.app/Contents/MacOS/U",
              "args":["U","--update"],"parent":{"entity_id":"E1","pid":1,"executable":"/sbin/launchd",
              "args":["launchd"]},
              "hash":{"md5":"aa11","sha256":"bb22","sha1":"cc33"},
              "code_signature":{"exists":true,"trusted":true,"subject_name":"Developer ID Application: U Inc",
              "team_id":"ABCDE12345","signing_id":"com.u.app","status":"trusted"}},
            "user":{"name":"ana"}})")
        << fields({{"kind", "process_start"}, {"platform", "macos"}, {"host", "mac1"}, {"processKey", "E2"},
               {"pid", 42}, {"ppid", 1}, {"image", "/Applications/U.app/Contents/MacOS/U"},
               {"targetPath", "/Applications/U.app/Contents/MacOS/U"}, {"commandLine", "U --update"},
               {"parentProcessKey", "E1"}, {"parentImage", "/sbin/launchd"}, {"parentCommandLine", "launchd"},
               {"user", "ana"}, {"forked", false}, {"hashes", "SHA1=CC33,MD5=AA11,SHA256=BB22"},
               {"signer", "Developer ID Application: U Inc"}, {"signatureStatus", "Valid"}, {"teamId", "ABCDE12345"},
               {"details.signing_id", "com.u.app"}, {"timeUs", isoUs("2024-03-01T10:00:00.123Z") + 456}});
    QTest::newRow("endpoint fork, linux")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","host":{"name":"lx1","os":{"type":"linux"}},
            "event":{"category":["process"],"type":["start"],"action":"fork"},
            "process":{"entity_id":"F1","pid":43,"executable":"/bin/bash","command_line":"bash -c x",
            "parent":{"entity_id":"F0","pid":42}}})")
        << fields({{"kind", "process_start"}, {"platform", "linux"}, {"host", "lx1"}, {"forked", true},
               {"commandLine", "bash -c x"}, {"ppid", 42}});
    QTest::newRow("endpoint end") << QByteArray(
        R"({"@timestamp":"2024-03-01T10:00:00Z","host":{"os":{"type":"windows"}},
            "event":{"category":["process"],"type":["end"],"action":"end"},
            "process":{"entity_id":"W1","pid":7,"executable":"C:\\x.exe","exit_code":3}})")
                                  << fields({{"kind", "process_exit"}, {"platform", "windows"},
                                         {"details.exit_code", 3}, {"pid", 7}});
    QTest::newRow("endpoint file creation")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","host":{"os":{"type":"windows"}},
            "event":{"category":["file"],"type":["creation"],"action":"creation"},
            "process":{"entity_id":"W1","pid":7,"executable":"C:\\setup.exe"},
            "user":{"name":"ana","domain":"EXAMPLE"},
            "file":{"path":"C:\\Program Files\\U\\u.dll","hash":{"sha256":"0f"},
            "code_signature":{"exists":false}}})")
        << fields({{"kind", "file_write"}, {"targetPath", "C:\\Program Files\\U\\u.dll"}, {"hashes", "SHA256=0F"},
               {"signatureStatus", "Unsigned"}, {"user", "EXAMPLE\\ana"}, {"image", "C:\\setup.exe"}});
    QTest::newRow("endpoint file overwrite")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"category":"file","type":"change",
            "action":"overwrite"},"file":{"path":"/usr/bin/u"}})")
        << fields({{"kind", "file_write"}, {"targetPath", "/usr/bin/u"}});
    QTest::newRow("endpoint file rename")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"category":["file"],"type":["change"],
            "action":"rename"},"file":{"path":"/opt/u/u","Ext":{"original":{"path":"/tmp/.u.partial"}}}})")
        << fields({{"kind", "file_rename"}, {"targetPath", "/opt/u/u"}, {"details.original_path", "/tmp/.u.partial"}});
    QTest::newRow("rename with file.original.path")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"category":["file"],"type":["change"]},
            "file":{"path":"/opt/u/u","original":{"path":"/tmp/u.tmp"}}})")
        << fields({{"kind", "file_rename"}, {"details.original_path", "/tmp/u.tmp"}});
    QTest::newRow("endpoint file deletion")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"category":["file"],"type":["deletion"],
            "action":"deletion"},"file":{"path":"/opt/u/old"}})")
        << fields({{"kind", "file_delete"}, {"targetPath", "/opt/u/old"}});
    QTest::newRow("file opened is no write")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"category":["file"],"type":["access"],
            "action":"open"},"file":{"path":"/etc/passwd"},"message":"opened"})")
        << fields({{"kind", "log_message"}, {"targetPath", "/etc/passwd"}, {"details.message", "opened"}});
    QTest::newRow("library load, expired signature")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","host":{"os":{"family":"windows"}},
            "event":{"category":["library"],"type":["start"],"action":"load",
            "dataset":"endpoint.events.library"},
            "process":{"entity_id":"W2","pid":9,"executable":"C:\\U\\u.exe"},
            "dll":{"path":"C:\\U\\ffmpeg.dll","hash":{"sha1":"01","md5":"02","sha256":"03"},
            "code_signature":{"exists":true,"trusted":false,"subject_name":"U Ltd","status":"errorExpired"}}})")
        << fields({{"kind", "module_load"}, {"targetPath", "C:\\U\\ffmpeg.dll"}, {"hashes", "SHA1=01,MD5=02,SHA256=03"},
               {"signer", "U Ltd"}, {"signatureStatus", "errorExpired"}, {"processKey", "W2"}});
    QTest::newRow("library load, untrusted without status")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"category":"library","action":"load"},
            "dll":{"path":"/usr/lib/x.dylib","code_signature":[{"exists":true,"trusted":false,
            "subject_name":"X"}]}})")
        << fields({{"kind", "module_load"}, {"signatureStatus", "Untrusted"}, {"signer", "X"}});
    QTest::newRow("library load from file.*, valid")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"category":"library","action":"load"},
            "file":{"path":"/usr/lib/y.so","code_signature":{"valid":true}}})")
        << fields({{"kind", "module_load"}, {"targetPath", "/usr/lib/y.so"}, {"signatureStatus", "Valid"}});
    QTest::newRow("network out") << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"category":["network"],
            "type":["start","connection"],"action":"connection_attempted"},
            "network":{"direction":"egress","transport":"tcp","type":"ipv4"},
            "destination":{"ip":"203.0.113.7","port":443,"domain":"c2.example"},
            "source":{"ip":"10.0.0.2","port":50123},"process":{"pid":9}})")
                                 << fields({{"kind", "net_connect"}, {"dstIp", "203.0.113.7"}, {"dstPort", 443},
                                        {"dstHost", "c2.example"}, {"addressFamily", "inet"},
                                        {"details.source_ip", "10.0.0.2"}, {"details.source_port", "50123"},
                                        {"details.direction", "egress"}, {"details.transport", "tcp"}});
    QTest::newRow("network outgoing (older endpoint)")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"category":"network"},
            "network":{"direction":"outgoing"},"destination":{"address":"192.0.2.1","port":80}})")
        << fields({{"kind", "net_connect"}, {"dstIp", "192.0.2.1"}, {"dstPort", 80}});
    QTest::newRow("network in is no egress")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"category":["network"],"type":["start"],
            "action":"connection_accepted"},"network":{"direction":"ingress"},
            "destination":{"ip":"10.0.0.2","port":22},"source":{"ip":"198.51.100.4","port":40000}})")
        << fields({{"kind", "log_message"}, {"dstIp", "10.0.0.2"}, {"details.direction", "ingress"},
               {"details.source_ip", "198.51.100.4"}});
    QTest::newRow("inbound flow is no egress")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"module":"system","dataset":"socket",
            "category":["network"],"type":["connection","start"],"action":"network_flow"},
            "network":{"direction":"inbound","type":"ipv4"},"destination":{"ip":"10.0.0.2","port":22}})")
        << fields({{"kind", "log_message"}, {"details.direction", "inbound"}});
    QTest::newRow("accept without direction is no egress")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"category":"network",
            "action":"connection_accepted"},"destination":{"ip":"10.0.0.2","port":22}})")
        << fields({{"kind", "log_message"}});
    QTest::newRow("disconnect is no new connection")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"category":"network","type":"end",
            "action":"disconnect_received"},"network":{"direction":"egress"},"destination":{"ip":"192.0.2.1"}})")
        << fields({{"kind", "log_message"}});
    QTest::newRow("dns") << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"category":["network"],
            "type":["protocol","info"],"action":"lookup_result"},
            "dns":{"question":{"name":"upd.example.net","type":"A"},"resolved_ip":["192.0.2.10","2001:db8::1"],
            "answers":[{"type":"CNAME","data":"cdn.example.net"},{"type":"A","data":"192.0.2.11"}]}})")
                         << fields({{"kind", "dns_query"}, {"dstHost", "upd.example.net"},
                                {"dnsAnswers", "192.0.2.10,2001:db8::1,192.0.2.11"}, {"details.dns_type", "A"}});
    // Auditbeat documents.
    QTest::newRow("auditbeat auditd execve")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00.5Z","agent":{"type":"auditbeat"},
            "host":{"name":"srv1"},"event":{"module":"auditd","category":["process"],"type":["start"],
            "action":"executed","outcome":"success"},
            "auditd":{"data":{"syscall":"execve"},"result":"success"},
            "process":{"pid":3000,"parent":{"pid":2999},"executable":"/usr/local/bin/u",
            "args":["/usr/local/bin/u","-q"],"title":"u -q"},"user":{"name":"root"}})")
        << fields({{"kind", "process_start"}, {"platform", "linux"}, {"host", "srv1"}, {"pid", 3000}, {"ppid", 2999},
               {"image", "/usr/local/bin/u"}, {"commandLine", "/usr/local/bin/u -q"}, {"details.syscall", "execve"},
               {"details.module", "auditd"}, {"details.outcome", "success"}, {"processKey", ""},
               {"timeUs", isoUs("2024-03-01T10:00:00.500Z")}});
    QTest::newRow("auditbeat auditd connect")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"module":"auditd",
            "category":["network"],"type":["connection","start"],"action":"connected-to"},
            "auditd":{"data":{"syscall":"connect","socket":{"family":"inet"}}},
            "destination":{"ip":"203.0.113.50","port":8443},"process":{"pid":3000,"executable":"/usr/local/bin/u"}})")
        << fields({{"kind", "net_connect"}, {"dstIp", "203.0.113.50"}, {"dstPort", 8443}, {"addressFamily", "inet"},
               {"details.syscall", "connect"}});
    QTest::newRow("auditbeat auditd file write")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"module":"auditd","category":["file"],
            "type":["change"],"action":"opened-file"},"auditd":{"data":{"syscall":"openat"}},
            "file":{"path":"/usr/local/bin/u"},"process":{"pid":2999,"executable":"/usr/bin/dpkg"}})")
        << fields({{"kind", "file_write"}, {"platform", "linux"}, {"targetPath", "/usr/local/bin/u"}});
    QTest::newRow("auditbeat package installed")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"module":"system","dataset":"package",
            "kind":"event","category":["package"],"type":["installation"],"action":"package_installed"},
            "system":{"audit":{"package":{"name":"u","version":"1.2-1"}}},
            "package":{"name":"u","version":"1.2-1"},"host":{"hostname":"srv1","os":{"family":"debian"}}})")
        << fields({{"kind", "package_install"}, {"targetPath", "u"}, {"details.version", "1.2-1"},
               {"details.package_action", "install"}, {"platform", "linux"}});
    QTest::newRow("auditbeat package removed")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"module":"system","dataset":"package",
            "category":["package"],"type":["deletion"],"action":"package_removed"},"package":{"name":"u"}})")
        << fields({{"kind", "package_install"}, {"details.package_action", "remove"}});
    QTest::newRow("auditbeat existing package is state, not an install") << QByteArray(
        R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"module":"system","dataset":"package",
            "kind":"state","category":["package"],"type":["info"],"action":"existing_package"},
            "package":{"name":"u"}})") << fields({{"kind", "log_message"}, {"targetPath", "u"}});
    QTest::newRow("auditbeat system process started")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"module":"system","dataset":"process",
            "category":["process"],"type":["start"],"action":"process_started"},
            "process":{"pid":77,"ppid":1,"executable":"/usr/sbin/cron","args":["cron","-f"]}})")
        << fields({{"kind", "process_start"}, {"ppid", 1}, {"commandLine", "cron -f"}});
    QTest::newRow("auditbeat system socket outbound")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"module":"system","dataset":"socket",
            "category":["network"],"type":["connection","start"],"action":"network_flow"},
            "network":{"direction":"outbound","type":"ipv6"},"destination":{"ip":"2001:db8::5","port":443}})")
        << fields({{"kind", "net_connect"}, {"addressFamily", "inet6"}, {"dstIp", "2001:db8::5"}});
    // Flattened keys, as some exports write them, mean the same as nested ones.
    QTest::newRow("flattened dotted keys")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event.category":"process","event.type":"start",
            "process.pid":5,"process.parent.pid":4,"process.executable":"/bin/x","host.hostname":"h"})")
        << fields({{"kind", "process_start"}, {"pid", 5}, {"ppid", 4}, {"image", "/bin/x"}, {"host", "h"}});
    QTest::newRow("other event is a message")
        << QByteArray(R"({"@timestamp":"2024-03-01T10:00:00Z","event":{"category":["authentication"],
            "action":"logged-in"},"message":"ana logged in","host":{"os":{"platform":"darwin"}}})")
        << fields({{"kind", "log_message"}, {"details.message", "ana logged in"}, {"platform", "macos"},
               {"details.action", "logged-in"}});
}

void Tst_EcsReader::endpointAndAuditbeatMapping()
{
    QFETCH(QByteArray, document);
    QFETCH(QVariantMap, expected);
    const QJsonObject doc = parse(document);
    QVERIFY(!doc.isEmpty());
    Read r;
    readBytes(compact(doc) + '\n', r);
    QCOMPARE(r.sink.errors.size(), 0);
    QCOMPARE(r.sink.events.size(), 1);
    const Event &e = r.sink.events.first().event;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const QVariant actual = eventField(e, it.key());
        QVERIFY2(actual.toString() == it.value().toString(),
            qPrintable(
                QStringLiteral("%1: got '%2', expected '%3'").arg(it.key(), actual.toString(), it.value().toString())));
    }
}

void Tst_EcsReader::timestamps_data()
{
    QTest::addColumn<QByteArray>("stamp");
    QTest::addColumn<qint64>("timeUs"); // -1: not readable
    const qint64 base = isoUs("2024-03-01T10:00:00.000Z");
    QTest::newRow("Z, microseconds") << QByteArray("\"2024-03-01T10:00:00.000007Z\"") << base + 7;
    QTest::newRow("Z, nanoseconds cut to µs") << QByteArray("\"2024-03-01T10:00:00.000007999Z\"") << base + 7;
    QTest::newRow("Z, no fraction") << QByteArray("\"2024-03-01T10:00:00Z\"") << base;
    QTest::newRow("offset +02:00") << QByteArray("\"2024-03-01T12:00:00+02:00\"") << base;
    QTest::newRow("offset -0130") << QByteArray("\"2024-03-01T08:30:00-0130\"") << base;
    QTest::newRow("epoch milliseconds") << QByteArray("1709287200000") << base;
    QTest::newRow("garbage") << QByteArray("\"yesterday\"") << qint64(-1);
    QTest::newRow("month 13") << QByteArray("\"2024-13-01T10:00:00Z\"") << qint64(-1);
    QTest::newRow("trailing text") << QByteArray("\"2024-03-01T10:00:00Zx\"") << qint64(-1);
}

void Tst_EcsReader::timestamps()
{
    QFETCH(QByteArray, stamp);
    QFETCH(qint64, timeUs);
    Read r;
    readBytes("{\"@timestamp\":" + stamp + ",\"message\":\"m\"}\n", r);
    if (timeUs < 0) {
        QCOMPARE(r.sink.events.size(), 0);
        QCOMPARE(r.sink.errors.size(), 1);
        QCOMPARE(r.sink.counts().recordsFailed, 1);
        QVERIFY(r.sink.errors.first().message.contains(QLatin1String("@timestamp")));
    } else {
        QCOMPARE(r.sink.errors.size(), 0);
        QCOMPARE(r.sink.events.size(), 1);
        QCOMPARE(r.sink.events.first().event.timeUs, timeUs);
    }
}

void Tst_EcsReader::winlogbeatMeansWhatTheNormalizerSays_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("channel");
    QTest::addColumn<int>("eventId");
    QTest::addColumn<QVariantMap>("data"); // as Winlogbeat names them
    QTest::addColumn<QString>("kind");

    const QString sysmon = QStringLiteral("Microsoft-Windows-Sysmon");
    const QString sysmonChannel = QStringLiteral("Microsoft-Windows-Sysmon/Operational");
    QTest::newRow("sysmon 1")
        << sysmon << sysmonChannel << 1
        << fields({{"UtcTime", "2024-03-01 10:00:00.123"}, {"ProcessGuid", "{11111111-2222-3333-4444-555555555555}"},
               {"ProcessId", "4242"}, {"Image", "C:\\Program Files\\U\\u.exe"},
               {"CommandLine", "\"C:\\Program Files\\U\\u.exe\" /update"}, {"User", "EXAMPLE\\ana"},
               {"Hashes", "SHA1=AA,MD5=BB,SHA256=CC"}, {"ParentProcessGuid", "{11111111-2222-3333-4444-000000000001}"},
               {"ParentProcessId", "1000"}, {"ParentImage", "C:\\Windows\\explorer.exe"},
               {"ParentCommandLine", "C:\\Windows\\explorer.exe"}, {"IntegrityLevel", "Medium"}, {"RuleName", "-"}})
        << u"process_start"_s;
    QTest::newRow("sysmon 3") << sysmon << sysmonChannel << 3
                              << fields({{"UtcTime", "2024-03-01 10:00:01.000"},
                                     {"ProcessGuid", "{11111111-2222-3333-4444-555555555555}"}, {"ProcessId", "4242"},
                                     {"Image", "C:\\Program Files\\U\\u.exe"}, {"Initiated", "true"},
                                     {"Protocol", "tcp"}, {"SourceIp", "10.0.0.2"}, {"SourcePort", "50000"},
                                     {"DestinationIp", "203.0.113.9"}, {"DestinationHostname", "c2.example"},
                                     {"DestinationPort", "443"}})
                              << u"net_connect"_s;
    QTest::newRow("sysmon 7") << sysmon << sysmonChannel << 7
                              << fields({{"UtcTime", "2024-03-01 10:00:02.000"},
                                     {"ProcessGuid", "{11111111-2222-3333-4444-555555555555}"}, {"ProcessId", "4242"},
                                     {"Image", "C:\\Program Files\\U\\u.exe"},
                                     {"ImageLoaded", "C:\\Program Files\\U\\ffmpeg.dll"}, {"Hashes", "SHA256=DD"},
                                     {"Signed", "false"}, {"Signature", "-"}, {"SignatureStatus", "Unavailable"}})
                              << u"module_load"_s;
    QTest::newRow("sysmon 22") << sysmon << sysmonChannel << 22
                               << fields({{"UtcTime", "2024-03-01 10:00:03.000"},
                                      {"ProcessGuid", "{11111111-2222-3333-4444-555555555555}"}, {"ProcessId", "4242"},
                                      {"QueryName", "c2.example"}, {"QueryStatus", "0"},
                                      {"QueryResults", "type:  5 cdn.example;::ffff:192.0.2.1;192.0.2.2;"},
                                      {"Image", "C:\\Program Files\\U\\u.exe"}})
                               << u"dns_query"_s;
    QTest::newRow("security 4688") << QStringLiteral("Microsoft-Windows-Security-Auditing")
                                   << QStringLiteral("Security") << 4688
                                   << fields({{"NewProcessId", "0x1a2b"}, {"ProcessId", "0x3e8"},
                                          {"NewProcessName", "C:\\Program Files\\U\\u.exe"},
                                          {"CommandLine", "u.exe /s"}, {"SubjectUserName", "ana"},
                                          {"SubjectDomainName", "EXAMPLE"}, {"TokenElevationType", "%%1936"},
                                          {"ParentProcessName", "C:\\Windows\\System32\\msiexec.exe"}})
                                   << u"process_start"_s;
    // Classic providers: Winlogbeat's param1… are the normalizer's Data1….
    QTest::newRow("msiinstaller 1033") << QStringLiteral("MsiInstaller") << QStringLiteral("Application") << 1033
                                       << fields({{"param1", "U Updater"}, {"param2", "2.0.1"}, {"param3", "1033"},
                                              {"param4", "0"}, {"param5", "U Inc"}})
                                       << u"package_install"_s;
}

void Tst_EcsReader::winlogbeatMeansWhatTheNormalizerSays()
{
    QFETCH(QString, provider);
    QFETCH(QString, channel);
    QFETCH(int, eventId);
    QFETCH(QVariantMap, data);
    QFETCH(QString, kind);

    // The Winlogbeat document…
    QJsonObject eventData;
    for (auto it = data.cbegin(); it != data.cend(); ++it)
        eventData.insert(it.key(), it.value().toString());
    QJsonObject winlog {{u"channel"_s, channel}, {u"event_id"_s, eventId}, {u"provider_name"_s, provider},
        {u"computer_name"_s, u"ws1.example.com"_s}, {u"record_id"_s, 9001}, {u"event_data"_s, eventData},
        {u"process"_s, QJsonObject {{u"pid"_s, 600}, {u"thread"_s, QJsonObject {{u"id"_s, 601}}}}}};
    const QJsonObject doc {{u"@timestamp"_s, u"2024-03-01T10:00:05.000Z"_s},
        {u"agent"_s, QJsonObject {{u"type"_s, u"winlogbeat"_s}}}, {u"host"_s, QJsonObject {{u"name"_s, u"ws1"_s}}},
        {u"winlog"_s, winlog}, {u"message"_s, u"Process Create"_s},
        {u"event"_s, QJsonObject {{u"code"_s, QString::number(eventId)}, {u"provider"_s, provider}}}};
    Read r;
    readBytes(compact(doc) + '\n', r);
    QCOMPARE(r.sink.errors.size(), 0);
    QCOMPARE(r.sink.events.size(), 1);
    const Event &fromEcs = r.sink.events.first().event;

    // …and the record an EVTX file would have given.
    WinEventRecord record;
    record.provider = provider;
    record.channel = channel;
    record.eventId = quint32(eventId);
    record.recordId = 9001;
    record.computer = QStringLiteral("ws1.example.com");
    record.timeUs = isoUs("2024-03-01T10:00:05.000Z");
    record.processId = 600;
    record.threadId = 601;
    for (auto it = data.cbegin(); it != data.cend(); ++it) {
        QString name = it.key();
        if (name.startsWith(QLatin1String("param")))
            name = QStringLiteral("Data") + name.mid(5);
        record.data.append(name, it.value().toString());
    }
    QList<Event> fromEvtx;
    normalizeWindowsEvent(record, fromEvtx);
    QCOMPARE(fromEvtx.size(), 1);

    QCOMPARE(kindName(fromEcs.kind), kind);
    const QString diff = difference(fromEcs, fromEvtx.first());
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void Tst_EcsReader::winlogbeatModuleFieldsAreRestored_data()
{
    // Winlogbeat's Sysmon module renames EventData fields into ECS fields (they leave
    // winlog.event_data); the document must still mean what the original record meant.
    QTest::addColumn<QByteArray>("document"); // as the module leaves it
    QTest::addColumn<int>("eventId");
    QTest::addColumn<QVariantMap>("original"); // the EventData of the record (Sysmon 13: User in every event)
    const QByteArray head = R"("@timestamp":"2024-03-01T10:00:00.123Z","host":{"name":"ws1"},
        "user":{"domain":"EXAMPLE","name":"ana"},)";
    QTest::newRow("sysmon 1")
        << QByteArray("{" + head + R"("winlog":{"channel":"Microsoft-Windows-Sysmon/Operational",
            "provider_name":"Microsoft-Windows-Sysmon","event_id":1,"record_id":7,"computer_name":"ws1.example.com",
            "event_data":{"IntegrityLevel":"Medium","LogonId":"0x3e7"}},
            "process":{"entity_id":"{11111111-2222-3333-4444-555555555555}","pid":4242,
            "executable":"C:\\Program Files\\U\\u.exe","args":["C:\\Program Files\\U\\u.exe","/update"],
            "working_directory":"C:\\Users\\ana\\","parent":{"entity_id":"{11111111-2222-3333-4444-000000000001}",
            "pid":1000,"executable":"C:\\Windows\\explorer.exe","args":["C:\\Windows\\explorer.exe"]}},
            "hash":{"sha1":"aa","md5":"bb","sha256":"cc"}})")
        << 1
        << fields({{"UtcTime", "2024-03-01 10:00:00.123"}, {"ProcessGuid", "{11111111-2222-3333-4444-555555555555}"},
               {"ProcessId", "4242"}, {"Image", "C:\\Program Files\\U\\u.exe"},
               {"CommandLine", "\"C:\\Program Files\\U\\u.exe\" /update"}, {"CurrentDirectory", "C:\\Users\\ana\\"},
               {"User", "EXAMPLE\\ana"}, {"Hashes", "SHA1=AA,MD5=BB,SHA256=CC"},
               {"ParentProcessGuid", "{11111111-2222-3333-4444-000000000001}"}, {"ParentProcessId", "1000"},
               {"ParentImage", "C:\\Windows\\explorer.exe"}, {"ParentCommandLine", "C:\\Windows\\explorer.exe"},
               {"IntegrityLevel", "Medium"}, {"LogonId", "0x3e7"}});
    QTest::newRow("sysmon 3") << QByteArray("{" + head + R"("winlog":{"channel":"Microsoft-Windows-Sysmon/Operational",
            "provider_name":"Microsoft-Windows-Sysmon","event_id":3,"record_id":8,"computer_name":"ws1.example.com"},
            "process":{"entity_id":"{1}","pid":4242,"executable":"C:\\u.exe"},
            "network":{"transport":"tcp","direction":"outbound","type":"ipv4"},
            "source":{"ip":"10.0.0.2","port":50000},"destination":{"ip":"203.0.113.9","port":443,
            "domain":"c2.example"}})")
                              << 3
                              << fields({{"UtcTime", "2024-03-01 10:00:00.123"}, {"ProcessGuid", "{1}"},
                                     {"ProcessId", "4242"}, {"Image", "C:\\u.exe"}, {"User", "EXAMPLE\\ana"},
                                     {"Protocol", "tcp"}, {"Initiated", "true"}, {"SourceIp", "10.0.0.2"},
                                     {"SourcePort", "50000"}, {"DestinationIp", "203.0.113.9"},
                                     {"DestinationHostname", "c2.example"}, {"DestinationPort", "443"}});
    QTest::newRow("sysmon 7") << QByteArray("{" + head + R"("winlog":{"channel":"Microsoft-Windows-Sysmon/Operational",
            "provider_name":"Microsoft-Windows-Sysmon","event_id":7,"record_id":9,"computer_name":"ws1.example.com",
            "event_data":{"Signed":"false","Signature":"-","SignatureStatus":"Unavailable"}},
            "process":{"entity_id":"{1}","pid":4242,"executable":"C:\\u.exe"},
            "file":{"path":"C:\\U\\ffmpeg.dll"},"hash":{"sha256":"dd"}})")
                              << 7
                              << fields({{"UtcTime", "2024-03-01 10:00:00.123"}, {"ProcessGuid", "{1}"},
                                     {"ProcessId", "4242"}, {"Image", "C:\\u.exe"}, {"User", "EXAMPLE\\ana"},
                                     {"ImageLoaded", "C:\\U\\ffmpeg.dll"}, {"Hashes", "SHA256=DD"}, {"Signed", "false"},
                                     {"Signature", "-"}, {"SignatureStatus", "Unavailable"}});
    QTest::newRow("sysmon 22") << QByteArray("{" + head + R"("winlog":{"channel":"Microsoft-Windows-Sysmon/Operational",
            "provider_name":"Microsoft-Windows-Sysmon","event_id":22,"record_id":10,"computer_name":"ws1.example.com",
            "event_data":{"QueryStatus":"0"}},"process":{"entity_id":"{1}","pid":4242,"executable":"C:\\u.exe"},
            "dns":{"question":{"name":"c2.example"},"resolved_ip":["192.0.2.1","192.0.2.2"]}})")
                               << 22
                               << fields({{"UtcTime", "2024-03-01 10:00:00.123"}, {"ProcessGuid", "{1}"},
                                      {"ProcessId", "4242"}, {"QueryName", "c2.example"}, {"QueryStatus", "0"},
                                      {"QueryResults", "type:  5 cdn.example;::ffff:192.0.2.1;192.0.2.2;"},
                                      {"Image", "C:\\u.exe"}, {"User", "EXAMPLE\\ana"}});
}

void Tst_EcsReader::winlogbeatModuleFieldsAreRestored()
{
    QFETCH(QByteArray, document);
    QFETCH(int, eventId);
    QFETCH(QVariantMap, original);
    const QJsonObject doc = parse(document);
    QVERIFY(!doc.isEmpty());
    Read r;
    readBytes(compact(doc) + '\n', r);
    QCOMPARE(r.sink.errors.size(), 0);
    QCOMPARE(r.sink.events.size(), 1);

    WinEventRecord record;
    record.provider = u"Microsoft-Windows-Sysmon"_s;
    record.channel = u"Microsoft-Windows-Sysmon/Operational"_s;
    record.eventId = quint32(eventId);
    record.recordId = quint64(doc.value(u"winlog"_s).toObject().value(u"record_id"_s).toInt());
    record.computer = u"ws1.example.com"_s;
    record.timeUs = isoUs("2024-03-01T10:00:00.123Z");
    for (auto it = original.cbegin(); it != original.cend(); ++it)
        record.data.append(it.key(), it.value().toString());
    QList<Event> fromEvtx;
    normalizeWindowsEvent(record, fromEvtx);
    QCOMPARE(fromEvtx.size(), 1);
    const QString diff = difference(r.sink.events.first().event, fromEvtx.first());
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void Tst_EcsReader::layoutsGiveTheSameEvents_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QList<QJsonObject> docs = threeDocuments();
    QByteArray pretty;
    for (const QJsonObject &d : docs)
        pretty += QJsonDocument(d).toJson(QJsonDocument::Indented) + "\n\n";
    QByteArray tight; // pretty documents with nothing between them
    for (const QJsonObject &d : docs)
        tight += QJsonDocument(d).toJson(QJsonDocument::Indented).trimmed();
    QJsonArray array;
    QJsonArray hits;
    for (const QJsonObject &d : docs) {
        array.append(d);
        hits.append(QJsonObject {{u"_index"_s, u"logs-endpoint"_s}, {u"_id"_s, u"x"_s}, {u"_source"_s, d}});
    }
    QTest::newRow("pretty, concatenated") << pretty;
    QTest::newRow("pretty, back to back") << tight;
    QTest::newRow("ndjson, CRLF") << ndjson(docs).replace("\n", "\r\n");
    QTest::newRow("array, compact") << QJsonDocument(array).toJson(QJsonDocument::Compact);
    QTest::newRow("array, pretty") << QJsonDocument(array).toJson(QJsonDocument::Indented);
    QTest::newRow("hits as ndjson") << ndjson({hits[0].toObject(), hits[1].toObject(), hits[2].toObject()});
    QTest::newRow("search response") << QJsonDocument(
        QJsonObject {{u"took"_s, 4}, {u"timed_out"_s, false},
            {u"hits"_s, QJsonObject {{u"total"_s, QJsonObject {{u"value"_s, 3}}}, {u"hits"_s, hits}}}})
                                            .toJson(QJsonDocument::Indented);
}

void Tst_EcsReader::layoutsGiveTheSameEvents()
{
    QFETCH(QByteArray, bytes);
    Read baseline;
    readBytes(ndjson(threeDocuments()), baseline);
    QCOMPARE(baseline.sink.events.size(), 3);
    QCOMPARE(baseline.sink.errors.size(), 0);
    QCOMPARE(kindName(baseline.sink.events[0].event.kind), QStringLiteral("process_start"));
    QCOMPARE(kindName(baseline.sink.events[1].event.kind), QStringLiteral("file_write"));
    QCOMPARE(kindName(baseline.sink.events[2].event.kind), QStringLiteral("net_connect"));

    Read r;
    readBytes(bytes, r);
    QCOMPARE(r.sink.errors.size(), 0);
    QCOMPARE(r.sink.counts().recordsRead, 3);
    QCOMPARE(r.sink.events.size(), 3);
    for (int i = 0; i < 3; ++i) {
        // Everything but the index a hit names is the same.
        Event event = r.sink.events[i].event;
        QJsonObject withoutIndex = details(event);
        withoutIndex.remove(u"index"_s);
        event.detailsJson = QJsonDocument(withoutIndex).toJson(QJsonDocument::Compact);
        Event expected = baseline.sink.events[i].event;
        expected.detailsJson = QJsonDocument(details(expected)).toJson(QJsonDocument::Compact);
        const QString diff = difference(event, expected);
        QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("event %1: %2").arg(i).arg(diff)));
        // A hit names its index; a plain document has none.
        QCOMPARE(details(r.sink.events[i].event).value(u"index"_s).toString(),
            QString::fromUtf8(bytes).contains(u"_index"_s) ? u"logs-endpoint"_s : QString());
        // Each document's raw record parses back to the document it came from.
        const QJsonObject raw = parse(r.sink.raws.at(r.sink.events[i].rawId));
        const QJsonObject source
            = raw.contains(QLatin1String("_source")) ? raw.value(QLatin1String("_source")).toObject() : raw;
        QCOMPARE(source, threeDocuments().at(i));
    }
}

void Tst_EcsReader::recordPositionsAndRawBytes()
{
    // Pretty documents with blank lines between: each event's position is its
    // document's first byte, and its raw record is the document as written.
    QByteArray bytes = "\n";
    QList<qint64> starts;
    QList<QByteArray> written;
    for (const QJsonObject &d : threeDocuments()) {
        const QByteArray text = QJsonDocument(d).toJson(QJsonDocument::Indented).trimmed();
        starts.append(bytes.size());
        written.append(text);
        bytes += text + "\n\n  ";
    }
    Read r;
    readBytes(bytes, r);
    QCOMPARE(r.sink.events.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(r.sink.events[i].event.recordPos, starts[i]);
        QCOMPARE(r.sink.raws.at(r.sink.events[i].rawId), written[i]);
    }
}

void Tst_EcsReader::damagedDocumentKeepsItsNeighbours_data()
{
    QTest::addColumn<QByteArray>("damage");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QByteArray("{\"@timestamp\": 2024-03-01, \"ecs\": {}}\n") << u"not valid JSON"_s;
    QTest::newRow("line cut inside a string")
        << QByteArray("{\"@timestamp\":\"2024-03-01T10:00:00Z\",\"message\":\"cut he\n")
        << u"line ends inside a string"_s;
    QTest::newRow("line cut after a comma")
        << QByteArray("{\"@timestamp\":\"2024-03-01T10:00:00Z\",\"process\":{\"pid\":1},\n")
        << u"new document starts"_s;
    QTest::newRow("line cut after a colon")
        << QByteArray("{\"@timestamp\":\"2024-03-01T10:00:00Z\",\"process\":\n") << u"new document starts"_s;
    QTest::newRow("text between documents") << QByteArray("-- exported by kibana --\n") << u"not a JSON document"_s;
    QTest::newRow("no @timestamp") << QByteArray("{\"event\":{\"category\":\"process\"}}\n") << u"@timestamp"_s;
    QTest::newRow("number between documents") << QByteArray("42\n") << u"not a JSON document"_s;
    QTest::newRow("binary") << QByteArray("\x00\x01\xff{\x00}\n", 7) << u"not a JSON document"_s;
}

void Tst_EcsReader::damagedDocumentKeepsItsNeighbours()
{
    QFETCH(QByteArray, damage);
    QFETCH(QString, message);
    const QList<QJsonObject> docs = threeDocuments();
    const QByteArray first = compact(docs[0]) + '\n';
    const QByteArray bytes = first + damage + compact(docs[2]) + '\n';
    Read r;
    readBytes(bytes, r);
    QCOMPARE(r.sink.errors.size(), 1);
    QVERIFY2(r.sink.errors.first().message.contains(message), qPrintable(r.sink.errors.first().message));
    QVERIFY(r.sink.errors.first().pos >= first.size());
    QVERIFY(r.sink.errors.first().pos < first.size() + damage.size());
    QCOMPARE(r.sink.counts().recordsFailed, 1);
    QCOMPARE(r.sink.counts().recordsRead, 3);
    QCOMPARE(r.sink.events.size(), 2);
    QCOMPARE(r.sink.events[0].event.recordPos, 0);
    QCOMPARE(kindName(r.sink.events[0].event.kind), QStringLiteral("process_start"));
    QCOMPARE(r.sink.events[1].event.recordPos, first.size() + damage.size());
    QCOMPARE(kindName(r.sink.events[1].event.kind), QStringLiteral("net_connect"));
}

void Tst_EcsReader::documentCap_data()
{
    QTest::addColumn<int>("slack"); // cap minus the document's size
    QTest::addColumn<bool>("kept");
    QTest::newRow("one byte below the cap") << 1 << true;
    QTest::newRow("at the cap") << 0 << true;
    QTest::newRow("one byte above the cap") << -1 << false;
    QTest::newRow("far above the cap") << -200 << false;
}

void Tst_EcsReader::documentCap()
{
    QFETCH(int, slack);
    QFETCH(bool, kept);
    const QList<QJsonObject> docs = threeDocuments();
    // The middle document is the big one; its neighbours are smaller than the cap.
    QJsonObject big = docs[1];
    big.insert(QStringLiteral("message"), QString(400, u'x'));
    const QByteArray bigText = QJsonDocument(big).toJson(QJsonDocument::Indented).trimmed();
    const qsizetype cap = bigText.size() + slack;
    QVERIFY(compact(docs[0]).size() < cap && compact(docs[2]).size() < cap);
    const QByteArray bytes = compact(docs[0]) + '\n' + bigText + '\n' + compact(docs[2]) + '\n';
    Read r;
    readBytes(bytes, r, cap);
    QCOMPARE(r.sink.counts().recordsRead, 3);
    QCOMPARE(r.sink.events.size(), kept ? 3 : 2);
    QCOMPARE(r.sink.errors.size(), kept ? 0 : 1);
    if (!kept) {
        QVERIFY(r.sink.errors.first().message.contains(QLatin1String("longer than")));
        QCOMPARE(r.sink.errors.first().pos, compact(docs[0]).size() + 1);
    }
    // The document after the overlong one is read again: the scanner resynchronised.
    QCOMPARE(kindName(r.sink.events.last().event.kind), QStringLiteral("net_connect"));
}

void Tst_EcsReader::nestingCap_data()
{
    QTest::addColumn<int>("depth"); // brackets of the middle document, its own '{' included
    QTest::addColumn<QByteArray>("open"); // the nested bracket
    const int cap = EcsReader::MaxNestingDepth;
    for (const char *open : {"[", "{\"k\":"}) {
        const char *kind = open[0] == '[' ? "arrays" : "objects";
        QTest::addRow("%s, one below the cap", kind) << cap - 1 << QByteArray(open);
        QTest::addRow("%s, at the cap", kind) << cap << QByteArray(open);
        QTest::addRow("%s, one above the cap", kind) << cap + 1 << QByteArray(open);
        QTest::addRow("%s, far above the cap", kind) << cap * 100 << QByteArray(open);
    }
}

void Tst_EcsReader::nestingCap()
{
    // Generated: the middle document holds a value nested `depth` brackets deep in all.
    // Past the cap the scanner keeps a count, not the brackets: one error, and the
    // document after it is read.
    QFETCH(int, depth);
    QFETCH(QByteArray, open);
    const QList<QJsonObject> docs = threeDocuments();
    QByteArray deep = compact(docs[1]);
    const QByteArray close = open == "[" ? "]" : "}";
    const QByteArray value = open == "[" ? "[]" : "{}";
    const QByteArray nested = open.repeated(depth - 2) + value + close.repeated(depth - 2);
    deep.insert(1, "\"nested\":" + nested + ",");
    const QByteArray bytes = compact(docs[0]) + '\n' + deep + '\n' + compact(docs[2]) + '\n';
    Read r;
    readBytes(bytes, r);
    const bool kept = depth <= EcsReader::MaxNestingDepth;
    QCOMPARE(r.sink.counts().recordsRead, 3);
    QCOMPARE(r.sink.events.size(), kept ? 3 : 2);
    QCOMPARE(r.sink.errors.size(), kept ? 0 : 1);
    if (!kept) {
        QVERIFY2(r.sink.errors.first().message.contains(QLatin1String("nested deeper than 1024 levels")),
            qPrintable(r.sink.errors.first().message));
        QCOMPARE(r.sink.errors.first().pos, compact(docs[0]).size() + 1);
    }
    QCOMPARE(kindName(r.sink.events.last().event.kind), QStringLiteral("net_connect"));
}

void Tst_EcsReader::cutAtTheEndOfTheFile_data()
{
    QTest::addColumn<QByteArray>("tail");
    QTest::addColumn<qsizetype>("cap");
    QTest::addColumn<QString>("message");
    QTest::newRow("short document") << QByteArray("{\"@timestamp\":\"2024-03-01T10:00:00Z\",\"process\":{\"pid\":1")
                                    << EcsReader::DefaultMaxDocumentBytes << u"end of the file"_s;
    // An unterminated document longer than the cap is reported once, not twice.
    QTest::newRow("overlong document") << QByteArray("{\"@timestamp\":\"2024\",\"a\":[") + QByteArray(5000, '1')
                                       << qsizetype(1024) << u"longer than"_s;
}

void Tst_EcsReader::cutAtTheEndOfTheFile()
{
    QFETCH(QByteArray, tail);
    QFETCH(qsizetype, cap);
    QFETCH(QString, message);
    const QByteArray first = compact(threeDocuments()[0]) + '\n';
    Read r;
    readBytes(first + tail, r, cap);
    QCOMPARE(r.sink.events.size(), 1);
    QCOMPARE(r.sink.errors.size(), 1);
    QVERIFY2(r.sink.errors.first().message.contains(message), qPrintable(r.sink.errors.first().message));
    QCOMPARE(r.sink.errors.first().pos, first.size());
    QCOMPARE(r.sink.counts().recordsRead, 2);
    QCOMPARE(r.sink.counts().recordsFailed, 1);
}

// What the real file shows, in small: Elastic Endpoint on macOS names as a process's
// parent the fork it exec'd from (same pid, its own entity_id), while parent.pid is the
// process that forked. The reader keeps both as logged; the process graph joins the
// exec to the forking shell by pid and image.
void Tst_EcsReader::forkThenExecLineage()
{
    const QByteArray bytes = R"({"@timestamp":"2024-03-01T10:00:00Z","host":{"hostname":"m","os":{"type":"macos"}},
"event":{"category":["process"],"type":["start"],"action":"exec"},
"process":{"entity_id":"SH","pid":10,"executable":"/bin/bash","args":["/bin/sh","/tmp/preinstall"],
"parent":{"entity_id":""}}}
{"@timestamp":"2024-03-01T10:00:01Z","host":{"hostname":"m","os":{"type":"macos"}},
"event":{"category":["process"],"type":["start"],"action":"exec"},
"process":{"entity_id":"OSA","pid":11,"executable":"/usr/bin/osascript","args":["osascript","-e","x"],
"Ext":{"ancestry":["FORK11","SH"]},
"parent":{"entity_id":"FORK11","pid":10,"name":"bash","executable":"/bin/bash"}}}
)";
    Read r;
    readBytes(bytes, r);
    QCOMPARE(r.sink.events.size(), 2);
    const Event &sh = r.sink.events[0].event;
    const Event &osa = r.sink.events[1].event;
    QCOMPARE(sh.parentProcessKey, QString());
    QCOMPARE(sh.ppid, -1);
    QCOMPARE(osa.parentProcessKey, QStringLiteral("FORK11"));
    QCOMPARE(osa.ppid, 10);
    QCOMPARE(details(osa).value(QLatin1String("ancestry")).toArray(), (QJsonArray {u"FORK11"_s, u"SH"_s}));

    CaseIndex index;
    QList<IndexedEvent> indexed;
    for (const MemorySink::Stored &s : r.sink.events) {
        const Event &e = s.event;
        IndexedEvent x;
        x.id = indexed.size() + 1;
        x.timeUs = e.timeUs;
        x.host = index.strings.intern(e.host);
        x.platform = e.platform;
        x.kind = e.kind;
        x.pid = e.pid;
        x.ppid = e.ppid;
        x.image = index.strings.intern(e.image);
        x.commandLine = index.strings.intern(e.commandLine);
        x.processGuid = index.strings.intern(e.processKey);
        x.parentGuid = index.strings.intern(e.parentProcessKey);
        x.parentImage = index.strings.intern(e.parentImage);
        indexed.append(x);
    }
    index.build(indexed);
    const qint32 osaNode = index.events().at(1).node;
    const qint32 shNode = index.events().at(0).node;
    QVERIFY(osaNode >= 0 && shNode >= 0);
    QCOMPARE(index.process(osaNode).parent, shNode);
}

void Tst_EcsReader::realEndpointFile()
{
    const QString path = corpusPath(QStringLiteral("macos/elastic_endpoint_pkg_installer_preinstall_shell.json"));
    if (!QFile::exists(path))
        QSKIP("corpus file missing");
    ReadResult result;
    readFile(path, result);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.format, formatName(LogFormat::Ecs));
    const MemorySink &sink = result.sink;
    QCOMPARE(sink.errors.size(), 0);
    QCOMPARE(sink.counts().recordsRead, 4);
    QCOMPARE(sink.events.size(), 4);
    for (const MemorySink::Stored &s : sink.events) {
        QCOMPARE(s.event.host, QStringLiteral("Sisis-MacBook-Pro.local"));
        QCOMPARE(s.event.platform, Platform::MacOS);
        QCOMPARE(s.event.user, QStringLiteral("sisi"));
    }
    const Event &installer = sink.events[0].event;
    const Event &rename = sink.events[1].event;
    const Event &sh = sink.events[2].event;
    const Event &osascript = sink.events[3].event;

    // 1: Installer.app exec'd, its parent launchd (pid 1).
    QCOMPARE(installer.kind, EventKind::ProcessStart);
    QCOMPARE(installer.pid, 6442);
    QCOMPARE(installer.ppid, 1);
    QCOMPARE(installer.image, QStringLiteral("/System/Library/CoreServices/Installer.app/Contents/MacOS/Installer"));
    QCOMPARE(installer.parentImage, QStringLiteral("/sbin/launchd"));
    QCOMPARE(installer.timeUs, isoUs("2021-01-14T18:32:56.898Z") + 315);
    QCOMPARE(installer.hashes,
        QStringLiteral("SHA1=B153B32D85BC4120C9C50BF19350A925F3B13C97,MD5=F7CEA4180402EDFFDFF9959E8E2DC0ED,"
                       "SHA256=A7A2CF54731BED5F8709A61246F69692E61BCA6585AF669CA4B410A604DE998A"));
    QCOMPARE(installer.recordPos, 0);

    // 2: the Installer renames the preinstall script into its com.apple.install.* dir.
    QCOMPARE(rename.kind, EventKind::FileRename);
    QCOMPARE(rename.pid, 6442);
    QCOMPARE(rename.processKey, installer.processKey);
    QCOMPARE(rename.targetPath,
        QStringLiteral(
            "/private/var/folders/dl/sl_040js36q6tmyb7n9trrh80000gn/T/com.apple.install.iTdFHZcB/preinstall"));
    QCOMPARE(details(rename).value(QLatin1String("original_path")).toString(),
        QStringLiteral(
            "/private/var/folders/dl/sl_040js36q6tmyb7n9trrh80000gn/T/com.apple.install.iTdFHZcB/.BC.T_f7oEB6"));

    // 3: /bin/sh …/preinstall, running /bin/bash; the file names no parent for it.
    QCOMPARE(sh.kind, EventKind::ProcessStart);
    QCOMPARE(sh.pid, 6411);
    QCOMPARE(sh.image, QStringLiteral("/bin/bash"));
    QCOMPARE(sh.commandLine,
        QStringLiteral(
            "/bin/sh /var/folders/dl/sl_040js36q6tmyb7n9trrh80000gn/T/com.apple.install.nwZMugGI/preinstall"));
    QCOMPARE(sh.ppid, -1);
    QCOMPARE(sh.parentProcessKey, QString());

    // 4: osascript, child of pid 6411. Its parent.entity_id is the fork it exec'd from
    // (kept as logged); the second entry of its ancestry is the shell's entity_id.
    QCOMPARE(osascript.kind, EventKind::ProcessStart);
    QCOMPARE(osascript.pid, 6412);
    QCOMPARE(osascript.ppid, 6411);
    QCOMPARE(osascript.image, QStringLiteral("/usr/bin/osascript"));
    QCOMPARE(osascript.parentImage, QStringLiteral("/bin/bash"));
    QCOMPARE(
        osascript.commandLine, QStringLiteral("osascript -e display notification \"Hello World\" with title \"HW\""));
    const QJsonArray ancestry = details(osascript).value(QLatin1String("ancestry")).toArray();
    QCOMPARE(ancestry.size(), 2);
    QCOMPARE(ancestry.at(0).toString(), osascript.parentProcessKey);
    QCOMPARE(ancestry.at(1).toString(), sh.processKey);
    QVERIFY(osascript.parentProcessKey != sh.processKey);

    // Lineage as the data gives it: the graph puts osascript under the preinstall
    // shell (by parent pid and image); the shell has no logged parent, so nothing in
    // the file ties it to the Installer; the Installer's parent is launchd.
    CaseIndex index;
    QList<IndexedEvent> indexed;
    for (const MemorySink::Stored &s : sink.events) {
        const Event &e = s.event;
        IndexedEvent x;
        x.id = indexed.size() + 1;
        x.timeUs = e.timeUs;
        x.host = index.strings.intern(e.host);
        x.platform = e.platform;
        x.kind = e.kind;
        x.pid = e.pid;
        x.ppid = e.ppid;
        x.image = index.strings.intern(e.image);
        x.commandLine = index.strings.intern(e.commandLine);
        x.target = index.strings.intern(e.targetPath);
        x.processGuid = index.strings.intern(e.processKey);
        x.parentGuid = index.strings.intern(e.parentProcessKey);
        x.parentImage = index.strings.intern(e.parentImage);
        indexed.append(x);
    }
    std::stable_sort(indexed.begin(), indexed.end(),
        [](const IndexedEvent &a, const IndexedEvent &b) { return a.timeUs < b.timeUs; });
    index.build(indexed);
    const auto nodeOfEvent = [&](qint64 id) {
        for (const IndexedEvent &x : index.events()) {
            if (x.id == id)
                return x.node;
        }
        return qint32(-1);
    };
    const qint32 installerNode = nodeOfEvent(1);
    const qint32 shNode = nodeOfEvent(3);
    const qint32 osaNode = nodeOfEvent(4);
    QVERIFY(installerNode >= 0 && shNode >= 0 && osaNode >= 0);
    QCOMPARE(index.process(osaNode).parent, shNode);
    QCOMPARE(index.process(shNode).parent, -1);
    QVERIFY(index.process(installerNode).parent >= 0);
    QCOMPARE(index.process(index.process(installerNode).parent).pid, 1);
}

QTEST_GUILESS_MAIN(Tst_EcsReader)
#include "tst_ecsreader.moc"
