#include "ecsreader.h"

#include "eventdetails.h"
#include "inputfile.h"
#include "windowsnormalizer.h"
#include "winevent.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>
#include <functional>
#include <optional>
#include <vector>

namespace Chainscope {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Chainscope::EcsReader)
};

constexpr qint64 ReadBlockBytes = 64 * 1024;
// Details are for the analyst; a multi-megabyte message stays in the raw record.
constexpr qsizetype MaxMessageChars = 4096;

// ---- field access ------------------------------------------------------------------

// The value at a dotted ECS path. Documents nest ("process": {"parent": {"pid": 1}})
// or flatten ("process.parent.pid": 1), and exports mix both, so every split of the
// path is tried. An array on the way stands for its first element (Elastic Endpoint
// writes some code_signature objects as one-element arrays).
QJsonValue field(const QJsonObject &o, QStringView path)
{
    const auto it = o.constFind(path);
    if (it != o.constEnd())
        return it.value();
    for (qsizetype dot = path.indexOf(u'.'); dot > 0; dot = path.indexOf(u'.', dot + 1)) {
        QJsonValue head = o.value(path.left(dot));
        if (head.isArray() && !head.toArray().isEmpty())
            head = head.toArray().first();
        if (head.isObject()) {
            const QJsonValue v = field(head.toObject(), path.mid(dot + 1));
            if (!v.isUndefined())
                return v;
        }
    }
    return QJsonValue(QJsonValue::Undefined);
}

QString numberText(double d)
{
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15)
        return QString::number(qint64(d));
    return QString::number(d, 'g', 17);
}

QString valueText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double:
        return numberText(v.toDouble());
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    default:
        return QString();
    }
}

// A keyword field as text; a one-element array is its element (ECS allows arrays for
// every field).
QString str(const QJsonObject &o, QStringView path)
{
    QJsonValue v = field(o, path);
    if (v.isArray() && v.toArray().size() == 1)
        v = v.toArray().first();
    if (v.isString() || v.isDouble() || v.isBool())
        return valueText(v);
    return QString();
}

// A keyword or an array of keywords (event.category, event.type, process.args).
QStringList strs(const QJsonObject &o, QStringView path)
{
    const QJsonValue v = field(o, path);
    QStringList out;
    if (v.isArray()) {
        for (const QJsonValue &x : v.toArray()) {
            if (x.isString() || x.isDouble() || x.isBool())
                out.append(valueText(x));
        }
    } else if (v.isString() || v.isDouble() || v.isBool()) {
        out.append(valueText(v));
    }
    return out;
}

// A whole number, from a JSON number or a decimal string; -1 when absent or not one.
qint64 num(const QJsonObject &o, QStringView path)
{
    const QJsonValue v = field(o, path);
    if (v.isDouble()) {
        const double d = v.toDouble();
        return std::isfinite(d) && d >= 0 && d < 9.0e18 && d == std::floor(d) ? qint64(d) : -1;
    }
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().trimmed().toLongLong(&ok);
        return ok && n >= 0 ? n : -1;
    }
    return -1;
}

std::optional<bool> flag(const QJsonObject &o, QStringView path)
{
    const QJsonValue v = field(o, path);
    if (v.isBool())
        return v.toBool();
    if (v.isString()) {
        if (v.toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return true;
        if (v.toString().compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return false;
    }
    return std::nullopt;
}

bool containsAny(const QStringList &list, std::initializer_list<const char *> words)
{
    for (const QString &s : list) {
        for (const char *w : words) {
            if (s.compare(QLatin1String(w), Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

bool isAny(const QString &s, std::initializer_list<const char *> words)
{
    return containsAny(QStringList {s}, words);
}

// ---- time --------------------------------------------------------------------------

qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

// "2021-01-14T18:32:56.898315Z", "…+01:00", "…+0100", up to nanoseconds (the digits
// past microseconds are dropped). Elasticsearch writes UTC with a 'Z'; shippers that
// keep the local offset write it out.
std::optional<qint64> parseIsoUs(QStringView s)
{
    const auto digits = [&](qsizetype from, int count, int &out) {
        if (from + count > s.size())
            return false;
        out = 0;
        for (qsizetype i = from; i < from + count; ++i) {
            const char16_t c = s[i].unicode();
            if (c < u'0' || c > u'9')
                return false;
            out = out * 10 + (c - u'0');
        }
        return true;
    };
    int y, mo, d, h, mi, se;
    if (s.size() < 19 || !digits(0, 4, y) || s[4] != u'-' || !digits(5, 2, mo) || s[7] != u'-' || !digits(8, 2, d)
        || (s[10] != u'T' && s[10] != u't' && s[10] != u' ') || !digits(11, 2, h) || s[13] != u':' || !digits(14, 2, mi)
        || s[16] != u':' || !digits(17, 2, se))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60)
        return std::nullopt;
    qsizetype i = 19;
    qint64 us = 0;
    if (i < s.size() && (s[i] == u'.' || s[i] == u',')) {
        ++i;
        int scale = 100000;
        const qsizetype first = i;
        for (; i < s.size() && s[i] >= u'0' && s[i] <= u'9'; ++i) {
            us += (s[i].unicode() - u'0') * scale;
            scale /= 10;
        }
        if (i == first)
            return std::nullopt;
    }
    qint64 offsetSeconds = 0;
    if (i < s.size() && (s[i] == u'Z' || s[i] == u'z')) {
        ++i;
    } else if (i < s.size() && (s[i] == u'+' || s[i] == u'-')) {
        const int sign = s[i] == u'-' ? -1 : 1;
        int oh = 0, om = 0;
        if (!digits(i + 1, 2, oh))
            return std::nullopt;
        qsizetype j = i + 3;
        if (j < s.size() && s[j] == u':')
            ++j;
        if (!digits(j, 2, om) || oh > 23 || om > 59)
            return std::nullopt;
        offsetSeconds = sign * (oh * 3600 + om * 60);
        i = j + 2;
    }
    if (i != s.size())
        return std::nullopt;
    const qint64 seconds = daysFromCivil(y, unsigned(mo), unsigned(d)) * 86400 + h * 3600 + mi * 60 + se;
    return (seconds - offsetSeconds) * 1000000LL + us;
}

// @timestamp as text, or as epoch milliseconds (some exports and Kibana's "fields").
std::optional<qint64> timeOf(const QJsonObject &o, QStringView path)
{
    QJsonValue v = field(o, path);
    if (v.isArray() && v.toArray().size() == 1)
        v = v.toArray().first();
    if (v.isString())
        return parseIsoUs(v.toString().trimmed());
    if (v.isDouble()) {
        const double ms = v.toDouble();
        if (std::isfinite(ms) && std::fabs(ms) < 1.0e15)
            return qint64(std::llround(ms * 1000.0));
    }
    return std::nullopt;
}

// ---- platform, signatures, hashes --------------------------------------------------

Platform platformOf(const QJsonObject &o)
{
    for (const QStringView path : {u"host.os.type", u"host.os.platform", u"host.os.family", u"host.os.name"}) {
        const QString v = str(o, path).toLower();
        if (v.isEmpty())
            continue;
        if (v.contains(QLatin1String("windows")))
            return Platform::Windows;
        if (v.contains(QLatin1String("mac")) || v == QLatin1String("darwin") || v == QLatin1String("os x"))
            return Platform::MacOS;
        if (isAny(v,
                {"linux", "debian", "ubuntu", "redhat", "rhel", "centos", "fedora", "amzn", "suse", "opensuse", "arch",
                    "alpine", "oracle", "rocky", "almalinux"}))
            return Platform::Linux;
    }
    if (field(o, u"winlog").isObject() || isAny(str(o, u"agent.type"), {"winlogbeat"}))
        return Platform::Windows;
    if (isAny(str(o, u"event.module"), {"auditd"}) || field(o, u"auditd").isObject())
        return Platform::Linux;
    return Platform::Unknown;
}

// "SHA1=…,MD5=…,SHA256=…" in Sysmon's order and case, so that a file hashed by Sysmon
// and by an Elastic agent reads the same (the correlator compares these strings).
// `prefix` names the object ("process", "dll", "file"); empty for the top-level hash.*
// where Winlogbeat's Sysmon module puts them.
QString hashesOf(const QJsonObject &o, const QString &prefix)
{
    const QString base = prefix.isEmpty() ? QString() : prefix + u'.';
    static const std::pair<const char *, const char *> algorithms[] = {{"sha1", "SHA1"}, {"md5", "MD5"},
        {"sha256", "SHA256"}, {"sha384", "SHA384"}, {"sha512", "SHA512"}, {"imphash", "IMPHASH"}};
    QStringList parts;
    for (const auto &[key, name] : algorithms) {
        QString v = str(o, QString(base + QLatin1String("hash.") + QLatin1String(key)));
        if (v.isEmpty() && qstrcmp(key, "imphash") == 0 && !prefix.isEmpty())
            v = str(o, QString(base + QLatin1String("pe.imphash")));
        if (!v.isEmpty())
            parts.append(QLatin1String(name) + u'=' + v.toUpper());
    }
    return parts.join(u',');
}

struct Signature
{
    QString signer;
    QString status;
    QString teamId;
    QString signingId;
};

// ECS code_signature: exists, trusted, valid, status (the certificate's trouble, such
// as "errorExpired"), subject_name, team_id, signing_id.
Signature signatureOf(const QJsonObject &o, const QString &prefix)
{
    Signature s;
    const QString base = prefix + QLatin1String(".code_signature.");
    s.signer = str(o, QString(base + QLatin1String("subject_name")));
    s.teamId = str(o, QString(base + QLatin1String("team_id")));
    s.signingId = str(o, QString(base + QLatin1String("signing_id")));
    const std::optional<bool> exists = flag(o, QString(base + QLatin1String("exists")));
    const std::optional<bool> trusted = flag(o, QString(base + QLatin1String("trusted")));
    const std::optional<bool> valid = flag(o, QString(base + QLatin1String("valid")));
    const QString status = str(o, QString(base + QLatin1String("status")));
    const bool statusGood = status.isEmpty() || isAny(status, {"trusted", "valid", "verified"});
    if (exists == false)
        s.status = QStringLiteral("Unsigned");
    else if (!statusGood)
        s.status = status;
    else if (trusted == false)
        s.status = QStringLiteral("Untrusted");
    else if (valid == false)
        s.status = QStringLiteral("Invalid");
    else if (trusted == true || valid == true || !status.isEmpty())
        s.status = QStringLiteral("Valid");
    return s;
}

// Addresses among DNS answers: dns.resolved_ip, and the data of A / AAAA answers.
QStringList dnsAnswersOf(const QJsonObject &o)
{
    QStringList out = strs(o, u"dns.resolved_ip");
    const QJsonValue answers = field(o, u"dns.answers");
    const auto looksLikeAddress = [](const QString &s) {
        if (s.isEmpty())
            return false;
        for (const QChar c : s) {
            if (!(c.isDigit() || c == u'.' || c == u':' || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
                return false;
        }
        return s.contains(u'.') || s.contains(u':');
    };
    for (const QJsonValue &a : answers.toArray()) {
        const QString data = a.toObject().value(QLatin1String("data")).toString();
        if (looksLikeAddress(data) && !out.contains(data))
            out.append(data);
    }
    return out;
}

// ---- Winlogbeat --------------------------------------------------------------------

// Winlogbeat's Sysmon and Security modules move some EventData fields into ECS fields
// (mode "rename": ProcessGuid becomes process.entity_id and leaves event_data, Hashes
// becomes hash.*, Initiated becomes network.direction, …). The normalizer reads
// Sysmon's names, so the fields that left are put back under them; fields still in
// event_data win.
void restoreRenamedFields(const QJsonObject &o, WinEventRecord &r)
{
    const auto put = [&](const char16_t *name, const QString &value) {
        if (!value.isEmpty() && !r.has(QStringView(name)))
            r.data.append(QString::fromUtf16(name), value);
    };
    const auto firstOf = [&](std::initializer_list<QStringView> paths) {
        for (const QStringView path : paths) {
            const QString v = str(o, path);
            if (!v.isEmpty())
                return v;
        }
        return QString();
    };
    // A command line that Winlogbeat split into args, joined back (quoting the
    // arguments with blanks); process.command_line, where newer versions keep it, wins.
    const auto commandLine = [&](const QString &prefix) {
        QString line = str(o, QString(prefix + QLatin1String(".command_line")));
        if (!line.isEmpty())
            return line;
        QStringList args = strs(o, QString(prefix + QLatin1String(".args")));
        for (QString &a : args) {
            if (a.contains(u' ') || a.contains(u'\t'))
                a = u'"' + a + u'"';
        }
        return args.join(u' ');
    };
    const auto account = [&] {
        const QString name = str(o, u"user.name");
        const QString domain = str(o, u"user.domain");
        return domain.isEmpty() || name.isEmpty() ? name : domain + u'\\' + name;
    };
    if (r.provider == QLatin1String("Microsoft-Windows-Sysmon")) {
        put(u"ProcessGuid", str(o, u"process.entity_id"));
        put(u"ProcessId", str(o, u"process.pid"));
        put(u"Image", str(o, u"process.executable"));
        if (r.eventId == 1) {
            put(u"CommandLine", commandLine(QStringLiteral("process")));
            put(u"CurrentDirectory", str(o, u"process.working_directory"));
            put(u"ParentProcessGuid", str(o, u"process.parent.entity_id"));
            put(u"ParentProcessId", str(o, u"process.parent.pid"));
            put(u"ParentImage", str(o, u"process.parent.executable"));
            put(u"ParentCommandLine", commandLine(QStringLiteral("process.parent")));
        }
        put(u"User", account());
        switch (r.eventId) {
        case 1:
        case 6:
        case 7:
        case 23:
        case 26:
        case 29:
            put(u"Hashes", hashesOf(o, QString()));
            put(u"Hashes", hashesOf(o, r.eventId == 1 ? QStringLiteral("process") : QStringLiteral("file")));
            put(u"Hashes", hashesOf(o, QStringLiteral("dll")));
            break;
        case 15:
            put(u"Hash", hashesOf(o, QString()));
            put(u"Hash", hashesOf(o, QStringLiteral("file")));
            break;
        default:
            break;
        }
        if (r.eventId == 6 || r.eventId == 7) {
            put(u"ImageLoaded", firstOf({u"file.path", u"dll.path"}));
            put(u"Signature", firstOf({u"file.code_signature.subject_name", u"dll.code_signature.subject_name"}));
            put(u"SignatureStatus", firstOf({u"file.code_signature.status", u"dll.code_signature.status"}));
            put(u"Signed", firstOf({u"file.code_signature.signed", u"dll.code_signature.signed"}));
        } else {
            put(u"TargetFilename", str(o, u"file.path"));
        }
        if (r.eventId == 3) {
            put(u"Protocol", str(o, u"network.transport"));
            put(u"SourceIp", str(o, u"source.ip"));
            put(u"SourcePort", str(o, u"source.port"));
            put(u"DestinationIp", str(o, u"destination.ip"));
            put(u"DestinationHostname", str(o, u"destination.domain"));
            put(u"DestinationPort", str(o, u"destination.port"));
            const QString direction = str(o, u"network.direction");
            put(u"Initiated",
                isAny(direction, {"outbound", "egress", "outgoing"})       ? QStringLiteral("true")
                    : isAny(direction, {"inbound", "ingress", "incoming"}) ? QStringLiteral("false")
                                                                           : QString());
        }
        if (r.eventId == 22) {
            put(u"QueryName", str(o, u"dns.question.name"));
            QString results;
            for (const QString &ip : strs(o, u"dns.resolved_ip"))
                results += ip + u';';
            put(u"QueryResults", results);
        }
    } else if (r.provider == QLatin1String("Microsoft-Windows-Security-Auditing") && r.eventId == 4688) {
        put(u"NewProcessId", str(o, u"process.pid"));
        put(u"NewProcessName", str(o, u"process.executable"));
        put(u"CommandLine", str(o, u"process.command_line"));
        put(u"ProcessId", str(o, u"process.parent.pid"));
        put(u"ParentProcessName", str(o, u"process.parent.executable"));
    }
}

// The record Winlogbeat was made from. Unnamed data of classic providers is "param1",
// "param2", … in Winlogbeat and "Data1", "Data2", … in WinEventRecord.
WinEventRecord winEventOf(const QJsonObject &o, qint64 timeUs)
{
    WinEventRecord r;
    r.timeUs = timeUs;
    r.provider = str(o, u"winlog.provider_name");
    r.providerGuid = str(o, u"winlog.provider_guid");
    r.eventId = quint32(qMax<qint64>(0, num(o, u"winlog.event_id")) & 0xffff);
    r.recordId = quint64(qMax<qint64>(0, num(o, u"winlog.record_id")));
    r.version = int(qMax<qint64>(0, num(o, u"winlog.version")));
    r.channel = str(o, u"winlog.channel");
    r.computer = str(o, u"winlog.computer_name");
    r.processId = num(o, u"winlog.process.pid");
    r.threadId = num(o, u"winlog.process.thread.id");
    r.userSid = str(o, u"winlog.user.identifier");
    r.keywords = strs(o, u"winlog.keywords").join(u',');
    const auto add = [&](const QString &name, const QJsonValue &value) {
        QString key = name;
        if (key.startsWith(QLatin1String("param"))) {
            bool ok = false;
            const int n = QStringView(key).mid(5).toInt(&ok);
            if (ok && n > 0)
                key = unnamedDataName(n);
        }
        r.data.append(key, valueText(value));
    };
    const QJsonObject eventData = field(o, u"winlog.event_data").toObject();
    for (auto it = eventData.constBegin(); it != eventData.constEnd(); ++it)
        add(it.key(), it.value());
    const QJsonObject userData = field(o, u"winlog.user_data").toObject();
    const QString element = userData.value(QLatin1String("xml_name")).toString();
    for (auto it = userData.constBegin(); it != userData.constEnd(); ++it) {
        if (it.key() == QLatin1String("xml_name"))
            continue;
        add(element.isEmpty() ? it.key() : element + u'/' + it.key(), it.value());
    }
    restoreRenamedFields(o, r);
    r.data.mayRepeatNames();
    return r;
}

bool isWinlogbeat(const QJsonObject &o)
{
    // field() reads nested and flattened ("winlog.event_id": 1) documents alike.
    return num(o, u"winlog.event_id") >= 0
        && (!str(o, u"winlog.channel").isEmpty() || !str(o, u"winlog.provider_name").isEmpty());
}

// ---- ECS ---------------------------------------------------------------------------

enum class NetDirection { Out, In, Unknown };

NetDirection directionOf(const QString &direction, const QString &action)
{
    if (isAny(direction, {"egress", "outbound", "outgoing"}))
        return NetDirection::Out;
    if (isAny(direction, {"ingress", "inbound", "incoming", "listening"}))
        return NetDirection::In;
    // Without a direction the action says it: an accept is someone else's connection.
    if (action.contains(QLatin1String("accept"), Qt::CaseInsensitive)
        || action.contains(QLatin1String("listen"), Qt::CaseInsensitive)
        || action.contains(QLatin1String("bind"), Qt::CaseInsensitive))
        return NetDirection::In;
    return NetDirection::Unknown;
}

QString joinedArgs(const QJsonObject &o, QStringView path)
{
    return strs(o, path).join(u' ');
}

void normalizeEcs(
    const QJsonObject &o, const QString &index, qint64 timeUs, const ReaderContext &context, QList<Event> &out)
{
    Event e;
    e.timeUs = timeUs;
    e.host = str(o, u"host.hostname");
    if (e.host.isEmpty())
        e.host = str(o, u"host.name");
    if (e.host.isEmpty())
        e.host = context.host;
    e.platform = platformOf(o);

    e.processKey = str(o, u"process.entity_id");
    e.pid = num(o, u"process.pid");
    e.image = str(o, u"process.executable");
    e.commandLine = str(o, u"process.command_line");
    if (e.commandLine.isEmpty())
        e.commandLine = joinedArgs(o, u"process.args");
    e.user = str(o, u"user.name");
    const QString domain = str(o, u"user.domain");
    if (e.platform == Platform::Windows && !domain.isEmpty() && !e.user.isEmpty() && !e.user.contains(u'\\'))
        e.user = domain + u'\\' + e.user; // as Sysmon writes it
    e.ppid = num(o, u"process.parent.pid");
    if (e.ppid < 0)
        e.ppid = num(o, u"process.ppid"); // Auditbeat before ECS 1.x
    e.parentProcessKey = str(o, u"process.parent.entity_id");
    e.parentImage = str(o, u"process.parent.executable");
    e.parentCommandLine = str(o, u"process.parent.command_line");
    if (e.parentCommandLine.isEmpty())
        e.parentCommandLine = joinedArgs(o, u"process.parent.args");

    const QStringList categories = strs(o, u"event.category");
    const QStringList types = strs(o, u"event.type");
    const QString action = str(o, u"event.action");
    const QString dataset
        = str(o, u"event.dataset").isEmpty() ? str(o, u"data_stream.dataset") : str(o, u"event.dataset");
    const QString module = str(o, u"event.module");

    EventDetails d;
    d.begin();
    const auto text = [&d](QByteArrayView key, const QString &value) {
        if (!value.isEmpty())
            d.text(key, value);
    };
    text("dataset", dataset);
    text("module", module);
    text("action", action);
    text("category", categories.join(u','));
    text("type", types.join(u','));
    text("index", index);

    const auto sign = [&](const QString &prefix) {
        const Signature s = signatureOf(o, prefix);
        e.signer = s.signer;
        e.signatureStatus = s.status;
        e.teamId = s.teamId;
        text("signing_id", s.signingId);
    };
    const bool process = containsAny(categories, {"process"}) || dataset.endsWith(QLatin1String(".process"));
    const bool file = containsAny(categories, {"file"});
    const bool library = containsAny(categories, {"library"}) || dataset.endsWith(QLatin1String(".library"))
        || (field(o, u"dll").isObject() && !process);
    const bool network = containsAny(categories, {"network"});
    const bool dns = !str(o, u"dns.question.name").isEmpty();
    const bool package = containsAny(categories, {"package"}) || dataset == QLatin1String("system.package");

    if (library) {
        e.kind = EventKind::ModuleLoad;
        const bool dll = !str(o, u"dll.path").isEmpty();
        const QString prefix = dll ? QStringLiteral("dll") : QStringLiteral("file");
        e.targetPath = str(o, QString(prefix + QLatin1String(".path")));
        e.hashes = hashesOf(o, prefix);
        sign(prefix);
    } else if (process) {
        if (containsAny(types, {"start"}) || isAny(action, {"exec", "fork", "executed", "process_started", "start"})) {
            e.kind = EventKind::ProcessStart;
            e.forked = isAny(action, {"fork"});
            e.targetPath = e.image;
            e.hashes = hashesOf(o, QStringLiteral("process"));
            sign(QStringLiteral("process"));
        } else if (containsAny(types, {"end"}) || isAny(action, {"end", "exit", "process_stopped", "terminated"})) {
            e.kind = EventKind::ProcessExit;
            if (const qint64 code = num(o, u"process.exit_code"); code >= 0)
                d.number("exit_code", code);
        } else {
            e.kind = EventKind::LogMessage;
        }
    } else if (file) {
        e.targetPath = str(o, u"file.path");
        QString original = str(o, u"file.Ext.original.path");
        if (original.isEmpty())
            original = str(o, u"file.original.path");
        if (containsAny(types, {"deletion"}) || isAny(action, {"deletion", "deleted", "delete"})) {
            e.kind = EventKind::FileDelete;
        } else if (isAny(action, {"rename", "renamed", "moved", "move"}) || !original.isEmpty()) {
            e.kind = EventKind::FileRename;
            text("original_path", original);
        } else if (containsAny(types, {"creation", "change"})
            || isAny(action, {"creation", "modification", "overwrite", "created", "updated", "write"})) {
            e.kind = EventKind::FileWrite;
        } else {
            e.kind = EventKind::LogMessage;
        }
        e.hashes = hashesOf(o, QStringLiteral("file"));
        sign(QStringLiteral("file"));
    } else if (dns) {
        e.kind = EventKind::DnsQuery;
        e.dstHost = str(o, u"dns.question.name");
        e.dnsAnswers = dnsAnswersOf(o);
        text("dns_type", str(o, u"dns.question.type"));
        text("response_code", str(o, u"dns.response_code"));
    } else if (network || !str(o, u"destination.ip").isEmpty()) {
        const QString direction = str(o, u"network.direction");
        const NetDirection dir = directionOf(direction, action);
        const bool ended = containsAny(types, {"end"}) || action.contains(QLatin1String("disconnect"));
        e.dstIp = str(o, u"destination.ip");
        if (e.dstIp.isEmpty())
            e.dstIp = str(o, u"destination.address");
        const qint64 port = num(o, u"destination.port");
        e.dstPort = port >= 0 && port <= 65535 ? int(port) : -1;
        e.dstHost = str(o, u"destination.domain");
        const QString netType = str(o, u"network.type").toLower();
        e.addressFamily = str(o, u"auditd.data.socket.family");
        if (e.addressFamily.isEmpty())
            e.addressFamily = netType == QLatin1String("ipv4") ? QStringLiteral("inet")
                : netType == QLatin1String("ipv6")             ? QStringLiteral("inet6")
                                                               : QString();
        const bool hasDestination = !e.dstIp.isEmpty() || !e.dstHost.isEmpty();
        e.kind = dir != NetDirection::In && !ended && hasDestination ? EventKind::NetConnect : EventKind::LogMessage;
        text("direction", direction);
        text("source_ip", str(o, u"source.ip"));
        text("source_port", str(o, u"source.port"));
        text("transport", str(o, u"network.transport"));
    } else if (package) {
        e.targetPath = str(o, u"package.name");
        const char *pkgAction = containsAny(types, {"deletion"}) || action.contains(QLatin1String("removed")) ? "remove"
            : containsAny(types, {"installation"}) || action.contains(QLatin1String("installed")) ? "install"
            : containsAny(types, {"change"}) || action.contains(QLatin1String("updated"))         ? "upgrade"
                                                                                                  : nullptr;
        // "existing_package" is the state Auditbeat found at start, not an install.
        e.kind = pkgAction ? EventKind::PackageInstall : EventKind::LogMessage;
        if (pkgAction)
            d.text("package_action", QString::fromLatin1(pkgAction));
        text("version", str(o, u"package.version"));
    } else {
        e.kind = EventKind::LogMessage;
        e.targetPath = str(o, u"registry.path");
    }
    if (e.kind == EventKind::LogMessage) {
        QString message = str(o, u"message");
        if (message.size() > MaxMessageChars)
            message.truncate(MaxMessageChars);
        text("message", message);
    }
    text("syscall", str(o, u"auditd.data.syscall"));
    text("outcome", str(o, u"event.outcome"));
    // Elastic Endpoint's lineage, nearest first: the process graph needs only the
    // parent, the analyst may want the rest.
    const QStringList ancestry = strs(o, u"process.Ext.ancestry");
    std::vector<QByteArray> ancestryUtf8;
    for (const QString &s : ancestry)
        ancestryUtf8.push_back(s.toUtf8());
    if (!ancestryUtf8.empty())
        d.strings("ancestry", std::vector<QByteArrayView>(ancestryUtf8.begin(), ancestryUtf8.end()));
    e.detailsJson = d.finish();
    out.append(std::move(e));
}

// ---- the document scanner ----------------------------------------------------------

// Cuts top-level JSON objects out of a byte stream without parsing them: it follows
// strings (and their escapes) and brackets only. A '[' at the top opens an array whose
// elements are the documents.
class Splitter
{
public:
    Splitter(qsizetype maxBytes, ImportSink &sink, std::function<void(const QByteArray &, qint64)> document)
        : m_maxBytes(maxBytes)
        , m_sink(sink)
        , m_document(std::move(document))
    {
    }

    void feed(const char *data, qsizetype size, qint64 pos);
    void finish();

private:
    void startDocument(qint64 pos);
    void endDocument();
    void dropDocument(const QString &message);
    void append(char c)
    {
        if (m_overlong)
            return;
        if (m_doc.size() >= m_maxBytes) {
            m_overlong = true;
            m_doc = QByteArray(); // give the memory back now
            m_sink.recordRead();
            m_sink.recordError(m_docStart, Text::tr("ECS document longer than %1 bytes: skipped").arg(m_maxBytes));
            return;
        }
        m_doc.append(c);
    }

    // Opens a bracket. Up to the depth cap its kind is kept (the checks for a misplaced
    // '{' need it); past the cap only a count is, so memory stays bounded however many
    // brackets a file opens, and the scan still finds where the document ends.
    void open(char c)
    {
        if (m_stack.size() < qsizetype(EcsReader::MaxNestingDepth)) {
            m_stack.push_back(c);
            return;
        }
        if (m_excessDepth++ == 0 && !m_overlong) {
            // QJsonDocument refuses such a document anyway: report it once and stop keeping it.
            m_overlong = true;
            m_doc = QByteArray();
            m_sink.recordRead();
            m_sink.recordError(m_docStart,
                Text::tr("ECS document nested deeper than %1 levels: skipped").arg(EcsReader::MaxNestingDepth));
        }
    }
    // Closes a bracket; true when that ends the document.
    bool close()
    {
        if (m_excessDepth > 0) {
            --m_excessDepth;
            return false;
        }
        m_stack.pop_back();
        return m_stack.empty();
    }

    const qsizetype m_maxBytes;
    ImportSink &m_sink;
    std::function<void(const QByteArray &, qint64)> m_document;

    QByteArray m_doc;
    qint64 m_docStart = -1;
    bool m_inDoc = false;
    bool m_overlong = false;
    bool m_inString = false;
    bool m_escape = false;
    std::vector<char> m_stack; // open brackets of the current document, at most MaxNestingDepth
    qint64 m_excessDepth = 0; // brackets open beyond MaxNestingDepth
    char m_last = 0; // the last byte outside strings that is not blank
    bool m_inArray = false; // inside a top-level array of documents
    bool m_inGarbage = false;
    bool m_lineStart = true;
};

void Splitter::startDocument(qint64 pos)
{
    m_inDoc = true;
    m_overlong = false;
    m_inString = false;
    m_escape = false;
    m_stack.assign(1, '{');
    m_excessDepth = 0;
    m_last = '{';
    m_docStart = pos;
    m_doc.clear();
    m_doc.append('{');
}

void Splitter::endDocument()
{
    m_inDoc = false;
    m_stack.clear();
    m_excessDepth = 0;
    if (!m_overlong)
        m_document(m_doc, m_docStart);
    m_overlong = false;
    m_doc.clear();
}

void Splitter::dropDocument(const QString &message)
{
    if (!m_overlong) {
        m_sink.recordRead();
        m_sink.recordError(m_docStart, message);
    }
    m_inDoc = false;
    m_overlong = false;
    m_stack.clear();
    m_excessDepth = 0;
    m_doc.clear();
}

void Splitter::feed(const char *data, qsizetype size, qint64 pos)
{
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        const qint64 at = pos + i;
        const bool lineStart = m_lineStart;
        m_lineStart = c == '\n';
        if (!m_inDoc) {
            if (m_inGarbage) {
                m_inGarbage = c != '\n';
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                continue;
            // A UTF-8 byte order mark at the start of the file.
            if (at < 3 && (uchar(c) == 0xef || uchar(c) == 0xbb || uchar(c) == 0xbf))
                continue;
            if (c == '{') {
                startDocument(at);
            } else if (c == '[' && !m_inArray) {
                m_inArray = true;
            } else if (m_inArray && (c == ',' || c == ']')) {
                m_inArray = c == ',';
            } else {
                m_sink.recordRead();
                m_sink.recordError(at,
                    Text::tr("not a JSON document (text between documents): skipped to the end of "
                             "the line"));
                m_inGarbage = c != '\n';
            }
            continue;
        }
        if (m_inString) {
            if (m_escape) {
                m_escape = false;
            } else if (c == '\\') {
                m_escape = true;
            } else if (c == '"') {
                m_inString = false;
            } else if (c == '\n') {
                // JSON strings hold no raw line end: the document was cut off here
                // (an NDJSON line cut short), and what follows is the next one.
                dropDocument(Text::tr("ECS document cut off (a line ends inside a string)"));
                continue;
            }
            append(c);
            continue;
        }
        switch (c) {
        case '"':
            m_inString = true;
            break;
        case '{':
        case '[': {
            // Where JSON allows no value ("{"a":1,{", or a new line that starts with
            // '{' inside an object) a new document starts: the last one was cut off.
            // Past the depth cap the kind of the innermost bracket is not known: a '{'
            // is misplaced only where neither an object nor an array takes a value.
            bool misplaced = m_last != ':' && m_last != '[' && m_last != ',';
            bool inObject = false;
            if (m_excessDepth == 0) {
                inObject = m_stack.back() == '{';
                misplaced = inObject ? m_last != ':' : (m_last != '[' && m_last != ',');
            }
            if (c == '{' && (misplaced || (lineStart && inObject))) {
                dropDocument(Text::tr("ECS document cut off (a new document starts before it ends)"));
                startDocument(at);
                continue;
            }
            open(c);
            break;
        }
        case '}':
        case ']':
            if (close()) {
                append(c);
                endDocument();
                continue;
            }
            break;
        default:
            break;
        }
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            m_last = c;
        append(c);
    }
}

void Splitter::finish()
{
    if (m_inDoc)
        dropDocument(Text::tr("ECS document cut off at the end of the file"));
}

// The raw record of an Elasticsearch hit taken out of a search response.
QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

EcsReader::EcsReader(qsizetype maxDocumentBytes)
    : m_maxDocumentBytes(qMax<qsizetype>(2, maxDocumentBytes))
{
}

bool EcsReader::normalize(const QJsonObject &document, const ReaderContext &context, QList<Event> &out, QString &error)
{
    const QJsonValue source = document.value(QLatin1String("_source"));
    const QJsonObject o = source.isObject() ? source.toObject() : document;
    std::optional<qint64> time = timeOf(o, u"@timestamp");
    if (!time)
        time = timeOf(o, u"event.created");
    if (isWinlogbeat(o)) {
        // A Winlogbeat record keeps its time in @timestamp (TimeCreated); Sysmon's own
        // UtcTime still wins inside the normalizer, as it does for EVTX.
        const WinEventRecord record = winEventOf(o, time.value_or(0));
        const qsizetype first = out.size();
        normalizeWindowsEvent(record, out);
        const QString host = record.computer.isEmpty() ? str(o, u"host.name") : QString();
        for (qsizetype i = first; i < out.size(); ++i) {
            if (out[i].host.isEmpty())
                out[i].host = host.isEmpty() ? context.host : host;
        }
        // Sysmon carries its own UtcTime; any other record needs @timestamp.
        for (qsizetype i = first; i < out.size(); ++i) {
            if (out[i].timeUs == 0 && !time) {
                out.remove(first, out.size() - first);
                error = Text::tr("Winlogbeat document without a readable @timestamp");
                return false;
            }
        }
        return true;
    }
    if (!time) {
        error = Text::tr("ECS document without a readable @timestamp");
        return false;
    }
    normalizeEcs(o, document.value(QLatin1String("_index")).toString(), *time, context, out);
    return true;
}

bool EcsReader::probe(QByteArrayView head)
{
    qsizetype i = 0;
    if (head.startsWith("\xef\xbb\xbf"))
        i = 3;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
        ++i;
    if (i >= head.size() || (head[i] != '{' && head[i] != '['))
        return false;
    // A key is a quoted name followed by a colon (blanks allowed between).
    const auto hasKey = [&](QByteArrayView name) {
        for (qsizetype at = head.indexOf(name); at >= 0; at = head.indexOf(name, at + 1)) {
            qsizetype j = at + name.size();
            while (j < head.size() && (head[j] == ' ' || head[j] == '\t' || head[j] == '\r' || head[j] == '\n'))
                ++j;
            if (j < head.size() && head[j] == ':')
                return true;
        }
        return false;
    };
    if (!hasKey("\"@timestamp\""))
        return false;
    // eslogger writes Endpoint Security messages; they are not ECS whatever they hold.
    if (hasKey("\"audit_token\"") && hasKey("\"event_type\""))
        return false;
    if (hasKey("\"ecs\"") || hasKey("\"ecs.version\"") || hasKey("\"_source\"") || hasKey("\"winlog\"")
        || hasKey("\"agent\"") || hasKey("\"agent.type\"") || hasKey("\"event.category\"")
        || hasKey("\"event.dataset\"") || hasKey("\"event.module\""))
        return true;
    return hasKey("\"event\"") && (hasKey("\"category\"") || hasKey("\"dataset\"") || hasKey("\"module\""));
}

void EcsReader::read(InputFile &input, const ReaderContext &context, ImportSink &sink)
{
    QList<Event> events;
    const auto handle = [&](const QJsonObject &document, const QByteArray &raw, qint64 pos) {
        sink.recordRead();
        events.clear();
        QString error;
        const bool ok = normalize(document, context, events, error);
        if (!error.isEmpty())
            sink.recordError(pos, error);
        if (!ok || events.isEmpty())
            return;
        const qint64 rawId = sink.addRaw(raw);
        for (Event &e : events) {
            e.recordPos = pos;
            sink.addEvent(e, rawId);
        }
    };
    Splitter splitter(m_maxDocumentBytes, sink, [&](const QByteArray &bytes, qint64 pos) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            sink.recordRead();
            sink.recordError(
                pos + parseError.offset, Text::tr("ECS document is not valid JSON: %1").arg(parseError.errorString()));
            return;
        }
        const QJsonObject object = doc.object();
        // An Elasticsearch search response: its hits are the documents.
        const QJsonValue hits = field(object, u"hits.hits");
        if (hits.isArray() && !object.contains(QLatin1String("@timestamp"))
            && !object.contains(QLatin1String("_source"))) {
            for (const QJsonValue &hit : hits.toArray()) {
                if (hit.isObject()) {
                    handle(hit.toObject(), compact(hit.toObject()), pos);
                } else {
                    sink.recordRead();
                    sink.recordError(pos, Text::tr("Elasticsearch hit that is not a JSON object"));
                }
            }
            return;
        }
        handle(object, bytes, pos);
    });
    QByteArray block(ReadBlockBytes, Qt::Uninitialized);
    while (!context.cancelled()) {
        const qint64 pos = input.decodedPos();
        const qint64 n = input.read(block.data(), block.size());
        if (n <= 0)
            break;
        splitter.feed(block.constData(), qsizetype(n), pos);
    }
    if (!context.cancelled())
        splitter.finish();
}

} // namespace Chainscope
