#include "evtxwriter.h"
#include "testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <zlib.h>

#include <cmath>

using namespace Chainscope;
using namespace Qt::Literals::StringLiterals;

namespace {

// ---- What was written ----

// One data value and how Windows renders it: one text per array element, none for a
// null value (an optional substitution with a null value removes its element).
struct Field
{
    QString name;
    EvtxValue value;
    QStringList texts;
};

Field f(const QString &name, const EvtxValue &value, const QString &text)
{
    return {name, value, {text}};
}

// The rendering the oracle must show for one data item, in document order.
struct Expected
{
    QString name; // "Image", "Data2", "Binary", "LogFileCleared/SubjectUserSid"
    QString text;
    Evtx::ValueType type = Evtx::StringType; // element type for arrays
};

struct Written
{
    EvtxEvent event;
    QList<Expected> data;
};

struct Case
{
    QList<Written> events;
};

} // namespace

Q_DECLARE_METATYPE(Case)

namespace {

Evtx::ValueType elementType(Evtx::ValueType t)
{
    return Evtx::ValueType(quint8(t) & ~quint8(Evtx::ArrayFlag));
}

// Named EventData (manifest providers such as Sysmon).
Written named(EvtxEvent e, const QList<Field> &fields)
{
    Written w;
    for (const Field &field : fields) {
        e.eventData.append({field.name, field.value});
        for (const QString &text : field.texts)
            w.data.append({field.name, text, elementType(field.value.type())});
    }
    w.event = e;
    return w;
}

// Unnamed EventData plus optional Binary (classic providers): the oracle numbers
// unnamed Data elements Data1, Data2, … in document order.
Written unnamed(EvtxEvent e, const QList<Field> &fields, const EvtxValue &binary = EvtxValue(),
    const QString &binaryText = QString())
{
    Written w;
    for (const Field &field : fields) {
        e.eventData.append({QString(), field.value});
        for (const QString &text : field.texts)
            w.data.append({u"Data%1"_s.arg(w.data.size() + 1), text, elementType(field.value.type())});
    }
    e.binary = binary;
    if (!binary.isNull())
        w.data.append({u"Binary"_s, binaryText, Evtx::BinaryType});
    w.event = e;
    return w;
}

Written userData(EvtxEvent e, const QString &element, const QString &ns, const QList<Field> &fields)
{
    Written w;
    e.userDataElement = element;
    e.userDataNamespace = ns;
    for (const Field &field : fields) {
        e.userData.append({field.name, field.value});
        for (const QString &text : field.texts)
            w.data.append({element + u'/' + field.name, text, elementType(field.value.type())});
    }
    w.event = e;
    return w;
}

// ---- What evtxexport reads ----

using Test::OracleRecord;

struct Oracle
{
    int exitCode = -1;
    QByteArray err;
    QList<OracleRecord> records;
    QString parseError;
};

// testsupport's evtxexport run and parser; here any event it cannot read is an error.
Oracle runEvtxexport(const QString &path)
{
    const Test::EvtxexportOutput out = Test::evtxexport(path, 300000);
    Oracle o;
    o.exitCode = out.exitCode;
    o.err = out.err;
    o.parseError = out.error;
    for (qsizetype i = 0; i < out.events.size() && o.parseError.isEmpty(); ++i) {
        const auto rec = Test::parseEventXml(out.events.at(i));
        if (rec)
            o.records.append(*rec);
        else
            o.parseError = u"unparsable <Event> number %1"_s.arg(i + 1);
    }
    if (o.parseError.isEmpty() && out.unterminatedAt >= 0)
        o.parseError = u"unterminated <Event> at %1"_s.arg(out.unterminatedAt);
    return o;
}

// ---- Representation differences ----
//
// evtxexport (libevtx 20181227) and Windows render some value types differently. The
// expectations in this file are Windows' rendering; these, and only these, are
// normalized before comparing:
// - signed integers: libevtx prints a negative value as '-' followed by the value with
//   its sign bit cleared (int8 -5, byte 0xfb, prints "-123"); undone here, so the
//   two's-complement value is compared;
// - real32/real64: libevtx prints "%e" style with six fractional digits
//   ("1.500000e+000"); compared as numbers to 6 significant digits;
// - size_t: libevtx prints decimal, Windows 0x-hex; compared as numbers;
// - hexint32/hexint64: libevtx zero-pads to the type's width ("0x000003e7"), Windows
//   does not ("0x3e7"); compared as numbers (this includes System/Keywords);
// - FILETIME (also TimeCreated/@SystemTime): libevtx prints nine fractional digits,
//   Windows seven; compared as 100 ns ticks;
// - SYSTEMTIME: compared as milliseconds, its resolution.

std::optional<quint64> parseNumber(const QString &s)
{
    bool ok = false;
    const quint64 v = s.startsWith("0x"_L1) ? s.mid(2).toULongLong(&ok, 16) : s.toULongLong(&ok, 10);
    return ok ? std::optional(v) : std::nullopt;
}

// ISO 8601 UTC with any number of fractional digits, to 100 ns ticks since 1970.
std::optional<qint64> parseTicks(const QString &s)
{
    static const QRegularExpression rx(uR"(^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?Z$)"_s);
    const auto m = rx.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    const QDateTime t(QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()),
        QTime(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt()), Qt::UTC);
    const QString fraction = (m.captured(7) + u"0000000"_s).left(7);
    return t.toSecsSinceEpoch() * 10000000 + fraction.toLongLong();
}

int signedBits(Evtx::ValueType t)
{
    switch (t) {
    case Evtx::Int8Type:
        return 8;
    case Evtx::Int16Type:
        return 16;
    case Evtx::Int32Type:
        return 32;
    case Evtx::Int64Type:
        return 64;
    default:
        return 0;
    }
}

bool sameText(Evtx::ValueType type, const QString &expected, const QString &actual)
{
    if (expected == actual)
        return true;
    if (const int bits = signedBits(type)) {
        bool okE = false, okA = false;
        const qint64 e = expected.toLongLong(&okE);
        if (!okE || !actual.startsWith(u'-'))
            return false;
        const quint64 magnitude = actual.mid(1).toULongLong(&okA);
        // '-' plus the low bits-1 bits: the value is magnitude - 2^(bits-1).
        const qint64 a
            = bits == 64 ? qint64(magnitude | (quint64(1) << 63)) : qint64(magnitude) - (qint64(1) << (bits - 1));
        return okA && e == a;
    }
    switch (type) {
    case Evtx::Real32Type:
    case Evtx::Real64Type: {
        bool okE = false, okA = false;
        const double e = expected.toDouble(&okE);
        const double a = actual.toDouble(&okA);
        return okE && okA && std::fabs(e - a) <= 1e-6 * std::fabs(e);
    }
    case Evtx::SizeTType:
    case Evtx::HexInt32Type:
    case Evtx::HexInt64Type: {
        const auto e = parseNumber(expected);
        const auto a = parseNumber(actual);
        return e && a && *e == *a;
    }
    case Evtx::FileTimeType: {
        const auto e = parseTicks(expected);
        const auto a = parseTicks(actual);
        return e && a && *e == *a;
    }
    case Evtx::SysTimeType: {
        const auto e = parseTicks(expected);
        const auto a = parseTicks(actual);
        return e && a && *e / 10000 == *a / 10000;
    }
    default:
        return false;
    }
}

QString braced(const QUuid &g)
{
    return g.toString(QUuid::WithBraces).toUpper();
}

// What differs between a written event and its evtxexport rendering, or empty.
QString compareRecord(const Written &w, quint64 recordId, const OracleRecord &o)
{
    const EvtxEvent &e = w.event;
    QStringList problems;
    const auto expect = [&](const QString &key, const std::optional<QString> &value) {
        const bool present = o.system.contains(key);
        if (!value) {
            if (present)
                problems << u"%1 is \"%2\", written absent"_s.arg(key, o.system.value(key));
        } else if (!present) {
            problems << u"%1 missing, written \"%2\""_s.arg(key, *value);
        } else if (o.system.value(key) != *value) {
            problems << u"%1 is \"%2\", written \"%3\""_s.arg(key, o.system.value(key), *value);
        }
    };
    const auto number = [](auto v) {
        return std::optional<QString>(QString::number(v));
    };
    const auto guid = [](const QUuid &g) {
        return g.isNull() ? std::nullopt : std::optional(braced(g));
    };
    const auto text = [](const QString &s) {
        return s.isEmpty() ? std::nullopt : std::optional(s);
    };
    expect(u"Provider@Name"_s, text(e.provider));
    expect(u"Provider@Guid"_s, guid(e.providerGuid));
    expect(u"EventID"_s, number(e.eventId));
    expect(u"EventID@Qualifiers"_s, e.qualifiers ? number(*e.qualifiers) : std::nullopt);
    expect(u"Version"_s, e.version ? number(*e.version) : std::nullopt);
    expect(u"Level"_s, number(e.level));
    expect(u"Task"_s, number(e.task));
    expect(u"Opcode"_s, e.opcode ? number(*e.opcode) : std::nullopt);
    const QString keywords = u"0x"_s + QString::number(e.keywords, 16);
    if (!sameText(Evtx::HexInt64Type, keywords, o.system.value(u"Keywords"_s)))
        problems << u"Keywords is \"%1\", written %2"_s.arg(o.system.value(u"Keywords"_s), keywords);
    const auto time = parseTicks(o.system.value(u"TimeCreated@SystemTime"_s));
    const qint64 written = qint64(e.timeCreated - EvtxEvent::fileTimeFromUnixUs(0));
    if (!time || *time != written)
        problems << u"TimeCreated is \"%1\", written %2 ticks"_s.arg(o.system.value(u"TimeCreated@SystemTime"_s))
                        .arg(written);
    expect(u"EventRecordID"_s, number(recordId));
    expect(u"Correlation@ActivityID"_s, guid(e.activityId));
    expect(u"Correlation@RelatedActivityID"_s, guid(e.relatedActivityId));
    expect(u"Execution@ProcessID"_s, e.processId ? number(*e.processId) : std::nullopt);
    expect(u"Execution@ThreadID"_s, e.threadId ? number(*e.threadId) : std::nullopt);
    expect(u"Channel"_s, text(e.channel));
    expect(u"Computer"_s, e.computer);
    expect(u"Security@UserID"_s, text(e.userSid));
    if (o.userDataNamespace != e.userDataNamespace)
        problems << u"UserData namespace is \"%1\", written \"%2\""_s.arg(o.userDataNamespace, e.userDataNamespace);

    for (qsizetype i = 0; i < qMax(w.data.size(), o.data.size()); ++i) {
        if (i >= o.data.size()) {
            problems << u"data %1 (%2) missing"_s.arg(i).arg(w.data.at(i).name);
            break;
        }
        if (i >= w.data.size()) {
            problems << u"extra data %1=\"%2\""_s.arg(o.data.at(i).first, o.data.at(i).second);
            break;
        }
        const Expected &x = w.data.at(i);
        const auto &[name, value] = o.data.at(i);
        if (name != x.name || !sameText(x.type, x.text, value))
            problems << u"data %1 is %2=\"%3\", written %4=\"%5\""_s.arg(i).arg(name, value, x.name, x.text);
    }
    return problems.join(u"; "_s);
}

// ---- Events like real ones ----

constexpr qint64 T0 = 1772438400000000; // 2026-03-02T08:00:00Z
constexpr qint64 Second = 1000000;

const QString SysmonGuid = u"{5770385F-C22A-43E0-BF4C-06F5698FFBD9}"_s;
const QString Host = u"FIN-WS-07.corp.example"_s;
const QString Dana = u"CORP\\dana"_s;
const QString DanaSid = u"S-1-5-21-3623811015-3361044348-30300820-1104"_s;

EvtxEvent sysmonSystem(quint16 id, quint8 version, qint64 timeUs)
{
    EvtxEvent e;
    e.provider = u"Microsoft-Windows-Sysmon"_s;
    e.providerGuid = QUuid(SysmonGuid);
    e.eventId = id;
    e.version = version;
    e.level = 4;
    e.task = id;
    e.opcode = 0;
    e.keywords = 0x8000000000000000ull;
    e.setTimeUs(timeUs);
    e.processId = 3052; // Sysmon's service process
    e.threadId = 4120 + id;
    e.channel = u"Microsoft-Windows-Sysmon/Operational"_s;
    e.computer = Host;
    e.userSid = u"S-1-5-18"_s;
    return e;
}

// Sysmon writes process GUIDs as {machine-part-time-part-…}; any GUID does here.
QUuid processGuid(quint32 pid)
{
    return QUuid(0x6a1f0c33, 0x7a10, 0x65e3, 0x0c, 0x00, 0x00, 0x00, uchar(pid >> 24), uchar(pid >> 16),
        uchar(pid >> 8), uchar(pid));
}

EvtxValue str(const QString &s)
{
    return EvtxValue::string(s);
}

QString utc(qint64 timeUs)
{
    return QDateTime::fromMSecsSinceEpoch(timeUs / 1000, Qt::UTC).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
}

Field guidField(const QString &name, const QUuid &g)
{
    return f(name, EvtxValue::guid(g), braced(g));
}

Field u32Field(const QString &name, quint32 v)
{
    return f(name, EvtxValue::uint32(v), QString::number(v));
}

Written sysmonProcessCreate(
    qint64 t, quint32 pid, const QString &image, const QString &commandLine, quint32 ppid, const QString &parentImage)
{
    return named(sysmonSystem(1, 5, t),
        {f(u"RuleName"_s, str(u"-"_s), u"-"_s), f(u"UtcTime"_s, str(utc(t)), utc(t)),
            guidField(u"ProcessGuid"_s, processGuid(pid)), u32Field(u"ProcessId"_s, pid),
            f(u"Image"_s, str(image), image), f(u"FileVersion"_s, str(u"18.12.416"_s), u"18.12.416"_s),
            f(u"Description"_s, str(u"3CX Desktop App"_s), u"3CX Desktop App"_s),
            f(u"Product"_s, str(u"3CX Desktop App"_s), u"3CX Desktop App"_s),
            f(u"Company"_s, str(u"3CX Ltd"_s), u"3CX Ltd"_s),
            f(u"OriginalFileName"_s, str(u"3CXDesktopApp.exe"_s), u"3CXDesktopApp.exe"_s),
            f(u"CommandLine"_s, str(commandLine), commandLine),
            f(u"CurrentDirectory"_s, str(u"C:\\Users\\dana\\"_s), u"C:\\Users\\dana\\"_s),
            f(u"User"_s, str(Dana), Dana),
            guidField(u"LogonGuid"_s, QUuid(u"{6A1F0C33-7A0F-65E3-F1A3-050000000000}"_s)),
            f(u"LogonId"_s, EvtxValue::hexInt64(0x5a3f1), u"0x5a3f1"_s), u32Field(u"TerminalSessionId"_s, 1),
            f(u"IntegrityLevel"_s, str(u"Medium"_s), u"Medium"_s),
            f(u"Hashes"_s,
                str(u"SHA1=6B2C5CE8C8E8A3E4C4A1B4B1B7F5D3C2A1E0F9D8,MD5=0EEB854D7F3B1A2C4D5E6F708192A3B4,IMPHASH=AB1C2D3E4F5061728394A5B6C7D8E9F0"_s),
                u"SHA1=6B2C5CE8C8E8A3E4C4A1B4B1B7F5D3C2A1E0F9D8,MD5=0EEB854D7F3B1A2C4D5E6F708192A3B4,IMPHASH=AB1C2D3E4F5061728394A5B6C7D8E9F0"_s),
            guidField(u"ParentProcessGuid"_s, processGuid(ppid)), u32Field(u"ParentProcessId"_s, ppid),
            f(u"ParentImage"_s, str(parentImage), parentImage),
            f(u"ParentCommandLine"_s, str(parentImage), parentImage), f(u"ParentUser"_s, str(Dana), Dana)});
}

Written sysmonNetwork(qint64 t, quint32 pid, const QString &image, const QString &ip, const QString &hostName,
    quint16 sourcePort, quint16 port)
{
    return named(sysmonSystem(3, 5, t),
        {f(u"RuleName"_s, str(u"-"_s), u"-"_s), f(u"UtcTime"_s, str(utc(t)), utc(t)),
            guidField(u"ProcessGuid"_s, processGuid(pid)), u32Field(u"ProcessId"_s, pid),
            f(u"Image"_s, str(image), image), f(u"User"_s, str(Dana), Dana), f(u"Protocol"_s, str(u"tcp"_s), u"tcp"_s),
            f(u"Initiated"_s, EvtxValue::boolean(true), u"true"_s),
            f(u"SourceIsIpv6"_s, EvtxValue::boolean(false), u"false"_s),
            f(u"SourceIp"_s, str(u"10.20.4.57"_s), u"10.20.4.57"_s), f(u"SourceHostname"_s, str(Host), Host),
            f(u"SourcePort"_s, EvtxValue::uint16(sourcePort), QString::number(sourcePort)),
            f(u"SourcePortName"_s, str(QString()), QString()),
            f(u"DestinationIsIpv6"_s, EvtxValue::boolean(false), u"false"_s), f(u"DestinationIp"_s, str(ip), ip),
            f(u"DestinationHostname"_s, str(hostName), hostName),
            f(u"DestinationPort"_s, EvtxValue::uint16(port), QString::number(port)),
            f(u"DestinationPortName"_s, str(port == 443 ? u"https"_s : QString()),
                port == 443 ? u"https"_s : QString())});
}

Written sysmonImageLoad(qint64 t, quint32 pid, const QString &image, const QString &loaded, bool isSigned)
{
    const QString signedText = isSigned ? u"true"_s : u"false"_s;
    const QString signature = isSigned ? u"3CX Ltd"_s : QString();
    const QString status = isSigned ? u"Valid"_s : u"Unavailable"_s;
    return named(sysmonSystem(7, 3, t),
        {f(u"RuleName"_s, str(u"-"_s), u"-"_s), f(u"UtcTime"_s, str(utc(t)), utc(t)),
            guidField(u"ProcessGuid"_s, processGuid(pid)), u32Field(u"ProcessId"_s, pid),
            f(u"Image"_s, str(image), image), f(u"ImageLoaded"_s, str(loaded), loaded),
            f(u"FileVersion"_s, str(u"-"_s), u"-"_s), f(u"Description"_s, str(u"-"_s), u"-"_s),
            f(u"Product"_s, str(u"-"_s), u"-"_s), f(u"Company"_s, str(u"-"_s), u"-"_s),
            f(u"OriginalFileName"_s, str(u"-"_s), u"-"_s),
            f(u"Hashes"_s, str(u"SHA256=7986BBAEE8940DA11CE089383521AB420C443AB7B15ED42AED91FD31CE833896"_s),
                u"SHA256=7986BBAEE8940DA11CE089383521AB420C443AB7B15ED42AED91FD31CE833896"_s),
            f(u"Signed"_s, str(signedText), signedText), f(u"Signature"_s, str(signature), signature),
            f(u"SignatureStatus"_s, str(status), status), f(u"User"_s, str(Dana), Dana)});
}

Written sysmonFileCreate(qint64 t, quint32 pid, const QString &image, const QString &target)
{
    return named(sysmonSystem(11, 2, t),
        {f(u"RuleName"_s, str(u"-"_s), u"-"_s), f(u"UtcTime"_s, str(utc(t)), utc(t)),
            guidField(u"ProcessGuid"_s, processGuid(pid)), u32Field(u"ProcessId"_s, pid),
            f(u"Image"_s, str(image), image), f(u"TargetFilename"_s, str(target), target),
            f(u"CreationUtcTime"_s, str(utc(t)), utc(t)), f(u"User"_s, str(Dana), Dana)});
}

Written sysmonDns(qint64 t, quint32 pid, const QString &image, const QString &name, const QString &results)
{
    return named(sysmonSystem(22, 5, t),
        {f(u"RuleName"_s, str(u"-"_s), u"-"_s), f(u"UtcTime"_s, str(utc(t)), utc(t)),
            guidField(u"ProcessGuid"_s, processGuid(pid)), u32Field(u"ProcessId"_s, pid),
            f(u"QueryName"_s, str(name), name), f(u"QueryStatus"_s, str(u"0"_s), u"0"_s),
            f(u"QueryResults"_s, str(results), results), f(u"Image"_s, str(image), image),
            f(u"User"_s, str(Dana), Dana)});
}

const QString AppDir = u"C:\\Users\\dana\\AppData\\Local\\Programs\\3CXDesktopApp\\app\\"_s;
const QString App = AppDir + u"3CXDesktopApp.exe"_s;
const QString Explorer = u"C:\\Windows\\explorer.exe"_s;

// The 3CX-like chain: start, image load of an unsigned DLL, DNS, connection, file.
QList<Written> sysmonChain(qint64 t, quint32 pid)
{
    return {sysmonProcessCreate(t, pid, App, u"\"%1\" --startup <autostart> & \"quoted\""_s.arg(App), 4120, Explorer),
        sysmonImageLoad(t + Second, pid, App, AppDir + u"ffmpeg.dll"_s, false),
        sysmonImageLoad(t + 2 * Second, pid, App, AppDir + u"d3dcompiler_47.dll"_s, true),
        sysmonDns(t + 3 * Second, pid, App, u"raw.githubusercontent.com"_s, u"::ffff:185.199.108.133;"_s),
        sysmonNetwork(t + 4 * Second, pid, App, u"185.199.108.133"_s, u"raw.githubusercontent.com"_s, 51234, 443),
        sysmonFileCreate(t + 5 * Second, pid, App, u"C:\\Users\\dana\\AppData\\Roaming\\3CXDesktopApp\\manifest"_s)};
}

// MsiInstaller in the Application log: a classic provider (no GUID, Version, Opcode,
// Correlation or Execution; Qualifiers 0), strings as unnamed Data, the product code
// as Binary.
EvtxEvent msiSystem(quint16 id, qint64 t)
{
    EvtxEvent e;
    e.provider = u"MsiInstaller"_s;
    e.eventId = id;
    e.qualifiers = 0;
    e.version.reset();
    e.opcode.reset();
    e.level = 4;
    e.task = 0;
    e.keywords = 0x0080000000000000ull;
    e.setTimeUs(t);
    e.channel = u"Application"_s;
    e.computer = Host;
    e.userSid = DanaSid;
    return e;
}

QList<Written> msiInstall(qint64 t)
{
    const QByteArray productCode = QByteArrayLiteral("{23170F69-40C1-2702-2301-000001000000}");
    const QString hex = QString::fromLatin1(productCode.toHex().toUpper());
    const QString null = u"(NULL)"_s;
    const auto strings = [](const QStringList &items) {
        QList<Field> fields;
        for (const QString &s : items)
            fields.append(f(QString(), EvtxValue::string(s), s));
        return fields;
    };
    return {
        unnamed(msiSystem(1040, t),
            strings({u"C:\\Users\\dana\\Downloads\\7z2301-x64.msi"_s, u"5120"_s, null, null, null, null, QString()}),
            EvtxValue::binary(productCode), hex),
        unnamed(msiSystem(11707, t + 9 * Second),
            strings({u"Product: 7-Zip 23.01 (x64 edition) -- Installation completed successfully."_s, null, null, null,
                null, QString()}),
            EvtxValue::binary(productCode), hex),
        unnamed(msiSystem(1042, t + 10 * Second), strings({u"Ending a Windows Installer transaction: x.msi"_s}))};
}

// Security 1102 (log cleared): UserData with a SID and a hex logon id.
Written logCleared(qint64 t)
{
    EvtxEvent e;
    e.provider = u"Microsoft-Windows-Eventlog"_s;
    e.providerGuid = QUuid(u"{FC65DDD8-D6EF-4962-83D5-6E5CFE9CE148}"_s);
    e.eventId = 1102;
    e.version = 0;
    e.level = 4;
    e.task = 104;
    e.opcode = 0;
    e.keywords = 0x4020000000000000ull;
    e.setTimeUs(t);
    e.activityId = QUuid(u"{A1B2C3D4-0001-0002-0003-000000000004}"_s);
    e.relatedActivityId = QUuid(u"{A1B2C3D4-0001-0002-0003-000000000005}"_s);
    e.processId = 1012;
    e.threadId = 5544;
    e.channel = u"Security"_s;
    e.computer = Host;
    return userData(e, u"LogFileCleared"_s, u"http://manifests.microsoft.com/win/2004/08/windows/eventlog"_s,
        {f(u"SubjectUserSid"_s, EvtxValue::sid(DanaSid), DanaSid), f(u"SubjectUserName"_s, str(u"dana"_s), u"dana"_s),
            f(u"SubjectDomainName"_s, str(u"CORP"_s), u"CORP"_s),
            f(u"SubjectLogonId"_s, EvtxValue::hexInt64(0x5a3f1), u"0x5a3f1"_s)});
}

// Every substitution value type, with the text Windows renders for it.
Written everyType(qint64 t)
{
    EvtxEvent e = sysmonSystem(255, 1, t);
    e.provider = u"Chainscope-ValueTypes"_s;
    e.providerGuid = QUuid(u"{0E7B1C2D-3F40-4A5B-9C6D-7E8F90A1B2C3}"_s);
    e.channel = u"Chainscope-ValueTypes/Operational"_s;
    e.qualifiers = 0x4000;
    const qint64 fileTime = 134169126123456789; // 2026-03-02T08:10:12.3456789Z
    const QDateTime systemTime(QDate(2026, 3, 2), QTime(8, 10, 12, 345), Qt::UTC);
    const QUuid guid(u"{365ABB72-D0DA-5CC8-0000-00109B5A3C00}"_s);
    const QString sid = u"S-1-5-21-3623811015-3361044348-30300820-1013"_s;
    QByteArray int32Array(8, Qt::Uninitialized);
    qToLittleEndian<qint32>(-1, int32Array.data());
    qToLittleEndian<qint32>(70000, int32Array.data() + 4);
    return named(e,
        {{u"Null"_s, EvtxValue(), {}},
            f(u"String"_s, str(u"Zeichen äöü €, <tag> & \"quoted\" 'apos'"_s),
                u"Zeichen äöü €, <tag> & \"quoted\" 'apos'"_s),
            f(u"EmptyString"_s, str(QString()), QString()),
            f(u"AnsiString"_s, EvtxValue::ansiString("caf\xe9 ANSI 123"), u"café ANSI 123"_s),
            f(u"Int8"_s, EvtxValue::int8(-5), u"-5"_s), f(u"Int8Positive"_s, EvtxValue::int8(100), u"100"_s),
            f(u"UInt8"_s, EvtxValue::uint8(200), u"200"_s), f(u"Int16"_s, EvtxValue::int16(-300), u"-300"_s),
            f(u"UInt16"_s, EvtxValue::uint16(65535), u"65535"_s), f(u"Int32"_s, EvtxValue::int32(-70000), u"-70000"_s),
            f(u"UInt32"_s, EvtxValue::uint32(4000000000u), u"4000000000"_s),
            f(u"Int64"_s, EvtxValue::int64(-5000000000ll), u"-5000000000"_s),
            f(u"UInt64"_s, EvtxValue::uint64(18000000000000000000ull), u"18000000000000000000"_s),
            f(u"Real32"_s, EvtxValue::real32(1.5f), u"1.5"_s),
            f(u"Real64"_s, EvtxValue::real64(3.14159265358979), u"3.14159265358979"_s),
            f(u"Real64Small"_s, EvtxValue::real64(-2.5e-20), u"-2.5e-20"_s),
            f(u"BoolTrue"_s, EvtxValue::boolean(true), u"true"_s),
            f(u"BoolFalse"_s, EvtxValue::boolean(false), u"false"_s),
            f(u"Binary"_s, EvtxValue::binary(QByteArray::fromHex("00ff10ab7e")), u"00FF10AB7E"_s),
            f(u"Guid"_s, EvtxValue::guid(guid), braced(guid)),
            f(u"SizeT"_s, EvtxValue::sizeT(0x7ff612340000ull), u"0x7ff612340000"_s),
            f(u"FileTime"_s, EvtxValue::fileTime(fileTime), u"2026-03-02T08:10:12.3456789Z"_s),
            f(u"SystemTime"_s, EvtxValue::systemTime(systemTime), u"2026-03-02T08:10:12.345Z"_s),
            f(u"Sid"_s, EvtxValue::sid(sid), sid), f(u"HexInt32"_s, EvtxValue::hexInt32(0x3e7), u"0x3e7"_s),
            f(u"HexInt64"_s, EvtxValue::hexInt64(0x1122334455667788ull), u"0x1122334455667788"_s),
            {u"StringArray"_s, EvtxValue::stringArray({u"first"_s, u"<second>"_s, QString()}),
                {u"first"_s, u"<second>"_s, QString()}},
            {u"UInt16Array"_s, EvtxValue::uint16Array({1, 443, 65535}), {u"1"_s, u"443"_s, u"65535"_s}},
            {u"UInt32Array"_s, EvtxValue::uint32Array({7, 4000000000u}), {u"7"_s, u"4000000000"_s}},
            {u"UInt64Array"_s, EvtxValue::uint64Array({0, 18000000000000000000ull}),
                {u"0"_s, u"18000000000000000000"_s}},
            {u"Int32Array"_s, EvtxValue::array(Evtx::Int32Type, int32Array), {u"-1"_s, u"70000"_s}},
            f(u"AfterArrays"_s, str(u"still in order"_s), u"still in order"_s)});
}

// Enough Sysmon events to fill several chunks, in chain-sized groups with new
// processes, so templates are defined in each chunk and referenced within it.
QList<Written> manySysmon(int chains)
{
    QList<Written> out;
    for (int i = 0; i < chains; ++i)
        out += sysmonChain(T0 + i * 10 * Second, quint32(8000 + 4 * i));
    return out;
}

QList<Written> withRecordIds(QList<Written> events, quint64 first)
{
    for (Written &w : events)
        w.event.recordId = first++;
    return events;
}

// Sysmon field types, as the scenario generator declares them.
Evtx::ValueType sysmonType(const QString &name)
{
    if (name.endsWith("ProcessGuid"_L1) || name == "LogonGuid"_L1)
        return Evtx::GuidType;
    if (name.endsWith("ProcessId"_L1) || name == "TerminalSessionId"_L1)
        return Evtx::UInt32Type;
    if (name.endsWith("Port"_L1))
        return Evtx::UInt16Type;
    if (name == "Initiated"_L1 || name.endsWith("IsIpv6"_L1))
        return Evtx::BoolType;
    if (name == "LogonId"_L1 || name.endsWith("/SubjectLogonId"_L1))
        return Evtx::HexInt64Type;
    if (name.endsWith("/SubjectUserSid"_L1))
        return Evtx::SidType;
    return Evtx::StringType;
}

WinEventRecord sysmonRecord(quint32 id, qint64 t, const QList<QPair<QString, QString>> &data)
{
    WinEventRecord r;
    r.timeUs = t;
    r.provider = u"Microsoft-Windows-Sysmon"_s;
    r.providerGuid = SysmonGuid;
    r.eventId = id;
    r.version = 5;
    r.level = 4;
    r.task = int(id);
    r.keywords = u"0x8000000000000000"_s;
    r.channel = u"Microsoft-Windows-Sysmon/Operational"_s;
    r.computer = Host;
    r.processId = 3052;
    r.threadId = 4136;
    r.userSid = u"S-1-5-18"_s;
    r.data = data;
    return r;
}

// Decoded-record shaped input (the scenario generator's), through fromRecord.
QList<Written> fromRecords()
{
    QList<WinEventRecord> records;
    records << sysmonRecord(3, T0,
        {{u"RuleName"_s, u"-"_s}, {u"UtcTime"_s, utc(T0)},
            {u"ProcessGuid"_s, u"{6A1F0C33-7A10-65E3-0C00-000000001F40}"_s}, {u"ProcessId"_s, u"8000"_s},
            {u"Image"_s, App}, {u"Initiated"_s, u"true"_s}, {u"SourcePort"_s, u"51234"_s},
            {u"DestinationIp"_s, u"185.199.108.133"_s}, {u"DestinationPort"_s, u"443"_s},
            {u"LogonId"_s, u"0x5a3f1"_s}});
    WinEventRecord msi;
    msi.timeUs = T0 + Second;
    msi.provider = u"MsiInstaller"_s;
    msi.eventId = 1040;
    msi.level = 4;
    msi.keywords = u"0x80000000000000"_s;
    msi.channel = u"Application"_s;
    msi.computer = Host;
    msi.userSid = DanaSid;
    msi.data = {{u"Data1"_s, u"C:\\x.msi"_s}, {u"Data2"_s, u"5120"_s}, {u"Data3"_s, u"(NULL)"_s},
        {u"Binary"_s, u"7B3233317D"_s}};
    records << msi;
    WinEventRecord cleared = sysmonRecord(1102, T0 + 2 * Second,
        {{u"LogFileCleared/SubjectUserSid"_s, DanaSid}, {u"LogFileCleared/SubjectUserName"_s, u"dana"_s},
            {u"LogFileCleared/SubjectLogonId"_s, u"0x5a3f1"_s}});
    cleared.provider = u"Microsoft-Windows-Eventlog"_s;
    cleared.providerGuid = u"{FC65DDD8-D6EF-4962-83D5-6E5CFE9CE148}"_s;
    cleared.channel = u"Security"_s;
    records << cleared;

    QList<Written> out;
    for (const WinEventRecord &r : records) {
        QString error;
        const std::optional<EvtxEvent> e = EvtxEvent::fromRecord(r, &sysmonType, &error);
        if (!e)
            qFatal("fromRecord failed: %s", qPrintable(error));
        Written w;
        w.event = *e;
        for (const auto &[name, value] : r.data)
            w.data.append({name, value, name == "Binary"_L1 ? Evtx::BinaryType : sysmonType(name)});
        out.append(w);
    }
    return out;
}

bool evtxexportMissing()
{
    return !QFileInfo(QStringLiteral(EVTXEXPORT_EXECUTABLE)).isExecutable();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

quint32 crc(const char *p, qsizetype n, quint32 seed = 0)
{
    return quint32(::crc32(seed, reinterpret_cast<const Bytef *>(p), uInt(n)));
}

quint32 nameHash(const char *utf16, int units)
{
    quint32 h = 0;
    for (int i = 0; i < units; ++i)
        h = h * 65599u + qFromLittleEndian<quint16>(utf16 + 2 * i);
    return h;
}

// Writes `events` to `path`; an empty string or the writer's first error.
QString writeFile(const QString &path, const QList<Written> &events, bool dirty = false, int *chunks = nullptr)
{
    EvtxWriter w;
    if (QString error = w.open(path); !error.isEmpty())
        return error;
    w.setDirty(dirty);
    for (const Written &x : events) {
        if (QString error = w.add(x.event); !error.isEmpty())
            return error;
    }
    const QString error = w.close();
    if (chunks)
        *chunks = w.chunksWritten();
    return error;
}

} // namespace

Q_DECLARE_METATYPE(Chainscope::EvtxEvent)
Q_DECLARE_METATYPE(Chainscope::WinEventRecord)

namespace {

// Checks every chunk of a written file against the format: header and records
// checksums, record framing and ids, the string and template hash tables. Returns the
// first problem, or an empty string; counts records and templates per chunk.
struct ChunkFacts
{
    int records = 0;
    int templates = 0;
    QSet<QString> names;
};

QString checkChunks(const QByteArray &file, quint64 firstRecordId, QList<ChunkFacts> *facts = nullptr)
{
    const char *base = file.constData();
    quint64 nextId = firstRecordId;
    for (qsizetype off = EvtxWriter::FileHeaderSize; off < file.size(); off += EvtxWriter::ChunkSize) {
        const QString where = u"chunk at %1: "_s.arg(off);
        if (file.size() - off < EvtxWriter::ChunkSize)
            return where + u"truncated"_s;
        const char *c = base + off;
        ChunkFacts chunk;
        if (QByteArrayView(c, 8) != QByteArrayView("ElfChnk\0", 8))
            return where + u"no chunk magic"_s;
        if (qFromLittleEndian<quint32>(c + 40) != 128)
            return where + u"header size not 128"_s;
        if (qFromLittleEndian<quint32>(c + 120) != 1)
            return where + u"chunk flags not 1"_s;
        if (crc(c + 128, 384, crc(c, 120)) != qFromLittleEndian<quint32>(c + 124))
            return where + u"header CRC32 does not match bytes 0-120 and 128-512"_s;
        const quint32 free = qFromLittleEndian<quint32>(c + 48);
        if (free < 512 || free > EvtxWriter::ChunkSize)
            return where + u"free space offset %1"_s.arg(free);
        if (crc(c + 512, free - 512) != qFromLittleEndian<quint32>(c + 52))
            return where + u"records CRC32 does not match bytes 512-%1"_s.arg(free);
        for (quint32 i = free; i < quint32(EvtxWriter::ChunkSize); ++i) {
            if (c[i] != 0)
                return where + u"free space not zero at %1"_s.arg(i);
        }
        const quint64 firstId = qFromLittleEndian<quint64>(c + 24);
        if (qFromLittleEndian<quint64>(c + 8) != firstId || firstId != nextId)
            return where + u"first record number/id %1, expected %2"_s.arg(firstId).arg(nextId);
        quint32 pos = 512;
        quint32 last = 0;
        while (pos < free) {
            if (qFromLittleEndian<quint32>(c + pos) != 0x00002a2a)
                return where + u"no record magic at %1"_s.arg(pos);
            const quint32 size = qFromLittleEndian<quint32>(c + pos + 4);
            if (size < 32 || size % 8 != 0 || pos + size > free)
                return where + u"record size %1 at %2"_s.arg(size).arg(pos);
            if (qFromLittleEndian<quint32>(c + pos + size - 4) != size)
                return where + u"trailing size copy differs at %1"_s.arg(pos);
            if (qFromLittleEndian<quint64>(c + pos + 8) != nextId)
                return where + u"record id %1, expected %2"_s.arg(qFromLittleEndian<quint64>(c + pos + 8)).arg(nextId);
            ++nextId;
            ++chunk.records;
            last = pos;
            pos += size;
        }
        if (pos != free)
            return where + u"records end at %1, free space at %2"_s.arg(pos).arg(free);
        const quint64 lastId = qFromLittleEndian<quint64>(c + 32);
        if (qFromLittleEndian<quint64>(c + 16) != lastId || lastId != nextId - 1)
            return where + u"last record number/id %1, expected %2"_s.arg(lastId).arg(nextId - 1);
        if (qFromLittleEndian<quint32>(c + 44) != last)
            return where + u"last record offset %1, expected %2"_s.arg(qFromLittleEndian<quint32>(c + 44)).arg(last);
        // Common strings: each bucket chains names whose hash falls into it, each name
        // defined once per chunk, inside the records.
        for (int b = 0; b < 64; ++b) {
            int steps = 0;
            for (quint32 o = qFromLittleEndian<quint32>(c + 128 + 4 * b); o != 0;
                 o = qFromLittleEndian<quint32>(c + o)) {
                if (o < 512 || o + 8 > free || ++steps > 1000)
                    return where + u"string table bucket %1: bad offset %2"_s.arg(b).arg(o);
                const quint16 hash = qFromLittleEndian<quint16>(c + o + 4);
                const quint16 units = qFromLittleEndian<quint16>(c + o + 6);
                if (o + 8 + 2 * units + 2 > free)
                    return where + u"name at %1 overruns the records"_s.arg(o);
                const QString name = QString::fromUtf16(reinterpret_cast<const char16_t *>(c + o + 8), units);
                if (hash != quint16(nameHash(c + o + 8, units)) || hash % 64 != b)
                    return where + u"name %1 in bucket %2 has hash %3"_s.arg(name).arg(b).arg(hash);
                if (chunk.names.contains(name))
                    return where + u"name %1 defined twice"_s.arg(name);
                chunk.names.insert(name);
            }
        }
        // Templates: chained by the hash of their GUID, each a fragment.
        for (int b = 0; b < 32; ++b) {
            int steps = 0;
            for (quint32 o = qFromLittleEndian<quint32>(c + 384 + 4 * b); o != 0;
                 o = qFromLittleEndian<quint32>(c + o)) {
                if (o < 512 || o + 28 > free || ++steps > 1000)
                    return where + u"template table bucket %1: bad offset %2"_s.arg(b).arg(o);
                if (nameHash(c + o + 4, 8) % 32 != quint32(b))
                    return where + u"template at %1 in the wrong bucket %2"_s.arg(o).arg(b);
                // The instance before the definition names the same template id.
                if (qFromLittleEndian<quint32>(c + o - 8) != qFromLittleEndian<quint32>(c + o + 4))
                    return where + u"template at %1: instance id differs from its GUID"_s.arg(o);
                if (QByteArrayView(c + o + 24, 4) != QByteArrayView("\x0f\x01\x01\x00", 4))
                    return where + u"template at %1 does not start with a fragment header"_s.arg(o);
                const quint32 size = qFromLittleEndian<quint32>(c + o + 20);
                if (o + 24 + size > free || c[o + 24 + size - 1] != 0)
                    return where + u"template at %1 does not end with an end-of-file token"_s.arg(o);
                ++chunk.templates;
            }
        }
        if (chunk.templates < 2)
            return where + u"%1 templates; every chunk defines its own"_s.arg(chunk.templates);
        if (facts)
            facts->append(chunk);
    }
    return QString();
}

qsizetype countUtf16(const QByteArray &bytes, const QString &s)
{
    const QByteArray needle(reinterpret_cast<const char *>(s.utf16()), s.size() * 2);
    return bytes.count(needle);
}

} // namespace

class Tst_EvtxWriter : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void fileStructure_data();
    void fileStructure();
    void templatesOncePerChunk();
    void checksumsCatchDamage_data();
    void checksumsCatchDamage();
    void rejects_data();
    void rejects();
    void addWithoutOpen();
    void fromRecordErrors_data();
    void fromRecordErrors();
    void fromRecordShapes();
};

void Tst_EvtxWriter::roundTrip_data()
{
    QTest::addColumn<Case>("scenario");
    QTest::addColumn<int>("minChunks");
    const QList<Written> chain = sysmonChain(T0, 7312);
    QTest::newRow("sysmon 1 process create") << Case {{chain.at(0)}} << 1;
    QTest::newRow("sysmon 7 image load") << Case {{chain.at(1)}} << 1;
    QTest::newRow("sysmon 22 dns query") << Case {{chain.at(3)}} << 1;
    QTest::newRow("sysmon 3 network connection") << Case {{chain.at(4)}} << 1;
    QTest::newRow("sysmon 11 file create") << Case {{chain.at(5)}} << 1;
    QTest::newRow("sysmon chains reuse templates") << Case {chain + sysmonChain(T0 + 60 * Second, 7400)} << 1;
    QTest::newRow("msiinstaller unnamed data and binary") << Case {msiInstall(T0)} << 1;
    {
        EvtxEvent e = msiSystem(1033, T0);
        QTest::newRow("classic unnamed data of several types") << Case {{unnamed(e,
            {f(QString(), str(u"7-Zip"_s), u"7-Zip"_s), f(QString(), EvtxValue::uint32(1033), u"1033"_s),
                {QString(), EvtxValue(), {}}, f(QString(), EvtxValue::hexInt32(0x643), u"0x643"_s)})}}
                                                               << 1;
    }
    QTest::newRow("userdata log cleared") << Case {{logCleared(T0)}} << 1;
    QTest::newRow("every value type") << Case {{everyType(T0)}} << 1;
    QTest::newRow("explicit record ids") << Case {withRecordIds(chain, 10147)} << 1;
    QTest::newRow("providers mixed in one chunk") << Case {QList<Written> {chain.at(0), msiInstall(T0).at(0),
        logCleared(T0), everyType(T0), chain.at(4), msiInstall(T0).at(1), logCleared(T0 + Second), chain.at(1)}}
                                                  << 1;
    QTest::newRow("records spanning chunks") << Case {manySysmon(150)} << 3;
    QTest::newRow("from decoded records") << Case {fromRecords()} << 1;
}

void Tst_EvtxWriter::roundTrip()
{
    QFETCH(Case, scenario);
    QFETCH(int, minChunks);
    if (evtxexportMissing())
        QSKIP("evtxexport (Debian package libevtx-utils) is not installed; scripts/setup installs it");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"written.evtx"_s);
    int chunks = 0;
    QCOMPARE(writeFile(path, scenario.events, false, &chunks), QString());
    QVERIFY2(chunks >= minChunks, qPrintable(u"%1 chunks"_s.arg(chunks)));

    const Oracle o = runEvtxexport(path);
    QCOMPARE(o.parseError, QString());
    QCOMPARE(QString::fromUtf8(o.err), QString());
    QCOMPARE(o.exitCode, 0);
    QCOMPARE(o.records.size(), scenario.events.size());
    quint64 next = 1;
    for (qsizetype i = 0; i < scenario.events.size(); ++i) {
        const Written &w = scenario.events.at(i);
        const quint64 id = w.event.recordId ? w.event.recordId : next;
        next = qMax(next, id + 1);
        const QString problems = compareRecord(w, id, o.records.at(i));
        QVERIFY2(
            problems.isEmpty(), qPrintable(u"record %1 (event %2): %3"_s.arg(i).arg(w.event.eventId).arg(problems)));
    }
}

void Tst_EvtxWriter::fileStructure_data()
{
    QTest::addColumn<bool>("dirty");
    QTest::newRow("clean") << false;
    QTest::newRow("dirty") << true;
}

void Tst_EvtxWriter::fileStructure()
{
    QFETCH(bool, dirty);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"structure.evtx"_s);
    const QList<Written> events = manySysmon(60);
    int chunks = 0;
    QCOMPARE(writeFile(path, events, dirty, &chunks), QString());
    QVERIFY2(chunks >= 3, qPrintable(u"%1 chunks"_s.arg(chunks)));

    const QByteArray file = readAll(path);
    QCOMPARE(file.size(), EvtxWriter::FileHeaderSize + qsizetype(chunks) * EvtxWriter::ChunkSize);
    const char *h = file.constData();
    QCOMPARE(QByteArrayView(h, 8), QByteArrayView("ElfFile\0", 8));
    QCOMPARE(qFromLittleEndian<quint64>(h + 8), quint64(0)); // first chunk
    QCOMPARE(qFromLittleEndian<quint64>(h + 16), quint64(chunks - 1)); // last chunk
    QCOMPARE(qFromLittleEndian<quint64>(h + 24), quint64(events.size() + 1)); // next record id
    QCOMPARE(qFromLittleEndian<quint32>(h + 32), quint32(128));
    QCOMPARE(qFromLittleEndian<quint16>(h + 36), quint16(1)); // minor version
    QCOMPARE(qFromLittleEndian<quint16>(h + 38), quint16(3)); // major version
    QCOMPARE(qFromLittleEndian<quint16>(h + 40), quint16(4096));
    QCOMPARE(qFromLittleEndian<quint16>(h + 42), quint16(chunks));
    QCOMPARE(qFromLittleEndian<quint32>(h + 120), quint32(dirty ? 1 : 0));
    QCOMPARE(qFromLittleEndian<quint32>(h + 124), crc(h, 120));
    for (qsizetype i = 128; i < EvtxWriter::FileHeaderSize; ++i)
        QCOMPARE(h[i], '\0');

    QList<ChunkFacts> facts;
    const QString problem = checkChunks(file, 1, &facts);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(facts.size(), chunks);
    int records = 0;
    for (const ChunkFacts &c : facts) {
        records += c.records;
        QVERIFY(c.names.contains(u"EventData"_s));
    }
    QCOMPARE(records, events.size());

    // Record header times: the events' FILETIMEs (no separate written time was set).
    qsizetype at = EvtxWriter::FileHeaderSize + EvtxWriter::ChunkHeaderSize;
    QCOMPARE(qFromLittleEndian<quint64>(h + at + 16), events.first().event.timeCreated);

    if (evtxexportMissing())
        QSKIP("evtxexport (Debian package libevtx-utils) is not installed; scripts/setup installs it");
    const Oracle o = runEvtxexport(path);
    QCOMPARE(QString::fromUtf8(o.err), QString());
    QCOMPARE(o.exitCode, 0);
    QCOMPARE(o.records.size(), events.size());
}

void Tst_EvtxWriter::templatesOncePerChunk()
{
    // Two structures, interleaved: one System template for the host and one EventData
    // template per structure, each defined in the first record that uses it.
    QList<Written> events;
    for (int i = 0; i < 12; ++i) {
        const qint64 t = T0 + i * Second;
        events << sysmonNetwork(
            t, quint32(8000 + i), App, u"10.20.0.%1"_s.arg(i), u"update.3cx.com"_s, quint16(50000 + i), 443)
               << sysmonFileCreate(t, quint32(8000 + i), App, AppDir + u"part%1.tmp"_s.arg(i));
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"templates.evtx"_s);
    int chunks = 0;
    QCOMPARE(writeFile(path, events, false, &chunks), QString());
    QCOMPARE(chunks, 1);
    const QByteArray file = readAll(path);
    QList<ChunkFacts> facts;
    const QString problem = checkChunks(file, 1, &facts);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(facts.first().templates, 3);

    const QByteArray chunk = file.mid(EvtxWriter::FileHeaderSize, EvtxWriter::ChunkSize);
    // Names and literal texts of a template are stored once in the chunk.
    QCOMPARE(countUtf16(chunk, u"EventData"_s), 1);
    QCOMPARE(countUtf16(chunk, u"DestinationHostname"_s), 1);
    QCOMPARE(countUtf16(chunk, u"TargetFilename"_s), 1);
    QCOMPARE(countUtf16(chunk, u"http://schemas.microsoft.com/win/2004/08/events/event"_s), 1);

    // Every record instantiates the same System template; only the first defines it
    // (its definition offset points right behind the offset field).
    const char *c = chunk.constData();
    quint32 pos = 512;
    quint32 systemTemplate = 0;
    QList<quint32> sizes;
    while (pos < qFromLittleEndian<quint32>(c + 48)) {
        const char *instance = c + pos + 24 + 4; // record header, fragment header
        QCOMPARE(quint8(instance[0]), quint8(0x0c));
        const quint32 definition = qFromLittleEndian<quint32>(instance + 6);
        if (pos == 512) {
            QCOMPARE(definition, pos + 24 + 4 + 10);
            systemTemplate = definition;
        } else {
            QCOMPARE(definition, systemTemplate);
        }
        const quint32 size = qFromLittleEndian<quint32>(c + pos + 4);
        sizes.append(size);
        pos += size;
    }
    QCOMPARE(sizes.size(), events.size());
    // Later records carry values only: smaller than the first of each structure by at
    // least a template definition (eight or more elements of 30+ bytes each).
    for (qsizetype i = 2; i < sizes.size(); ++i)
        QVERIFY2(sizes.at(i) + 256 < sizes.at(i % 2),
            qPrintable(u"record %1: %2 bytes, first of its kind %3"_s.arg(i).arg(sizes.at(i)).arg(sizes.at(i % 2))));
}

void Tst_EvtxWriter::checksumsCatchDamage_data()
{
    // One flipped bit in each checksummed range: the CRCs above are not vacuous.
    QTest::addColumn<int>("offset"); // in the file
    QTest::addColumn<QString>("message");
    QTest::newRow("file header") << 60 << u"file header"_s;
    QTest::newRow("chunk header") << EvtxWriter::FileHeaderSize + 16 << u"header CRC32"_s;
    QTest::newRow("string table") << EvtxWriter::FileHeaderSize + 200 << u"header CRC32"_s;
    QTest::newRow("record") << EvtxWriter::FileHeaderSize + 700 << u"records CRC32"_s;
    QTest::newRow("record in the third chunk")
        << EvtxWriter::FileHeaderSize + 2 * EvtxWriter::ChunkSize + 600 << u"records CRC32"_s;
}

void Tst_EvtxWriter::checksumsCatchDamage()
{
    QFETCH(int, offset);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"damaged.evtx"_s);
    int chunks = 0;
    QCOMPARE(writeFile(path, manySysmon(40), false, &chunks), QString());
    QVERIFY(chunks >= 3);
    QByteArray file = readAll(path);
    QCOMPARE(checkChunks(file, 1), QString());
    QCOMPARE(qFromLittleEndian<quint32>(file.constData() + 124), crc(file.constData(), 120));
    file[offset] = char(file.at(offset) ^ 0x10);
    const QString problem = offset < EvtxWriter::FileHeaderSize
        ? (qFromLittleEndian<quint32>(file.constData() + 124) == crc(file.constData(), 120) ? QString()
                                                                                            : u"file header CRC32"_s)
        : checkChunks(file, 1);
    QVERIFY2(problem.contains(message), qPrintable(problem));
}

void Tst_EvtxWriter::rejects_data()
{
    QTest::addColumn<EvtxEvent>("event");
    QTest::addColumn<QString>("message");
    // A known structure with an oversized value, then a new structure with one: the
    // second defines names and templates before it runs out of room, which must all
    // be undone.
    EvtxEvent known = sysmonFileCreate(T0, 8000, App, QString(40000, u'x')).event;
    QTest::newRow("value larger than a chunk") << known << u"does not fit"_s;
    EvtxEvent fresh = sysmonDns(T0, 8000, App, u"a.example"_s, QString()).event;
    fresh.eventData.append({u"HugeBlob"_s, EvtxValue::binary(QByteArray(70000, '\x5a'))});
    QTest::newRow("new template larger than a chunk") << fresh << u"does not fit"_s;
    EvtxEvent badSid = sysmonDns(T0, 8000, App, u"a.example"_s, QString()).event;
    badSid.userSid = u"S-1-5-twelve"_s;
    QTest::newRow("user SID not a SID") << badSid << u"SID"_s;
    EvtxEvent unnamedChild = logCleared(T0).event;
    unnamedChild.userData.append({QString(), str(u"x"_s)});
    QTest::newRow("UserData child without name") << unnamedChild << u"without a name"_s;
    EvtxEvent both = logCleared(T0).event;
    both.eventData.append({u"Extra"_s, str(u"x"_s)});
    QTest::newRow("EventData and UserData") << both << u"either EventData or UserData"_s;
}

void Tst_EvtxWriter::rejects()
{
    QFETCH(EvtxEvent, event);
    QFETCH(QString, message);
    // A good record before and after: the rejected one leaves no trace.
    const QList<Written> good = {sysmonNetwork(T0, 8000, App, u"10.20.0.1"_s, u"update.3cx.com"_s, 50000, 443),
        sysmonDns(T0 + Second, 8000, App, u"update.3cx.com"_s, u"10.20.0.1;"_s)};
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"rejects.evtx"_s);
    EvtxWriter w;
    QCOMPARE(w.open(path), QString());
    QCOMPARE(w.add(good.at(0).event), QString());
    const QString error = w.add(event);
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(w.add(good.at(1).event), QString());
    QCOMPARE(w.close(), QString());
    QCOMPARE(w.recordsWritten(), quint64(2));

    const QByteArray file = readAll(path);
    QCOMPARE(qFromLittleEndian<quint64>(file.constData() + 24), quint64(3)); // next record id
    const QString problem = checkChunks(file, 1);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    if (evtxexportMissing())
        QSKIP("evtxexport (Debian package libevtx-utils) is not installed; scripts/setup installs it");
    const Oracle o = runEvtxexport(path);
    QCOMPARE(QString::fromUtf8(o.err), QString());
    QCOMPARE(o.exitCode, 0);
    QCOMPARE(o.records.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const QString problems = compareRecord(good.at(i), quint64(i) + 1, o.records.at(i));
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
}

void Tst_EvtxWriter::addWithoutOpen()
{
    EvtxWriter w;
    QVERIFY(!w.add(sysmonDns(T0, 1, App, u"a.example"_s, QString()).event).isEmpty());
    QCOMPARE(w.close(), QString());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(!w.open(dir.filePath(u"no/such/dir/x.evtx"_s)).isEmpty());
}

void Tst_EvtxWriter::fromRecordErrors_data()
{
    QTest::addColumn<WinEventRecord>("record");
    QTest::addColumn<QString>("message");
    const auto with = [](const QString &name, const QString &value) {
        return sysmonRecord(3, T0, {{u"ProcessId"_s, u"8000"_s}, {name, value}});
    };
    QTest::newRow("GUID field not a GUID") << with(u"ProcessGuid"_s, u"not-a-guid"_s) << u"ProcessGuid"_s;
    QTest::newRow("uint16 out of range") << with(u"SourcePort"_s, u"70000"_s) << u"SourcePort"_s;
    QTest::newRow("bool not a bool") << with(u"Initiated"_s, u"maybe"_s) << u"Initiated"_s;
    QTest::newRow("hex not hex") << with(u"LogonId"_s, u"0xZZ"_s) << u"LogonId"_s;
    WinEventRecord badGuid = with(u"Image"_s, App);
    badGuid.providerGuid = u"{5770385F}"_s;
    QTest::newRow("provider GUID") << badGuid << u"provider GUID"_s;
    WinEventRecord badSid = with(u"Image"_s, App);
    badSid.userSid = u"S-1-5-x"_s;
    QTest::newRow("user SID") << badSid << u"SID"_s;
    WinEventRecord bigId = with(u"Image"_s, App);
    bigId.eventId = 70000;
    QTest::newRow("event ID over 16 bits") << bigId << u"16 bits"_s;
    WinEventRecord twoElements = with(u"A/x"_s, u"1"_s);
    twoElements.data = {{u"A/x"_s, u"1"_s}, {u"B/y"_s, u"2"_s}};
    QTest::newRow("UserData under two elements") << twoElements << u"two elements"_s;
}

void Tst_EvtxWriter::fromRecordErrors()
{
    QFETCH(WinEventRecord, record);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!EvtxEvent::fromRecord(record, &sysmonType, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void Tst_EvtxWriter::fromRecordShapes()
{
    // The roundTrip row "from decoded records" checks the rendering; this checks the
    // typed values the conversion chose.
    const QList<Written> written = fromRecords();
    QCOMPARE(written.size(), 3);
    const EvtxEvent &sysmon = written.at(0).event;
    QVERIFY(sysmon.version && sysmon.opcode);
    QCOMPARE(sysmon.eventData.size(), 10);
    QCOMPARE(sysmon.eventData.at(2).value.type(), Evtx::GuidType);
    QCOMPARE(sysmon.eventData.at(3).value.type(), Evtx::UInt32Type);
    QCOMPARE(sysmon.eventData.at(4).value.type(), Evtx::StringType);
    QCOMPARE(sysmon.eventData.at(5).value.type(), Evtx::BoolType);
    QCOMPARE(sysmon.eventData.at(6).value.type(), Evtx::UInt16Type);
    QCOMPARE(sysmon.eventData.at(9).value.type(), Evtx::HexInt64Type);
    QCOMPARE(sysmon.eventData.at(9).value.bytes(), QByteArrayView("\xf1\xa3\x05\0\0\0\0\0", 8));
    QCOMPARE(sysmon.keywords, 0x8000000000000000ull);
    QCOMPARE(sysmon.timeCreated, 116444736000000000ull + quint64(T0) * 10);

    const EvtxEvent &msi = written.at(1).event;
    QVERIFY(!msi.version && !msi.opcode && !msi.processId);
    QCOMPARE(msi.eventData.size(), 3);
    for (const EvtxDataItem &item : msi.eventData)
        QVERIFY(item.name.isEmpty());
    QCOMPARE(msi.binary.type(), Evtx::BinaryType);
    QCOMPARE(msi.binary.bytes(), QByteArrayView("{231}"));

    const EvtxEvent &cleared = written.at(2).event;
    QCOMPARE(cleared.userDataElement, u"LogFileCleared"_s);
    QVERIFY(cleared.eventData.isEmpty());
    QCOMPARE(cleared.userData.size(), 3);
    QCOMPARE(cleared.userData.at(0).name, u"SubjectUserSid"_s);
    QCOMPARE(cleared.userData.at(0).value.type(), Evtx::SidType);
    QCOMPARE(cleared.userData.at(0).value.bytes().size(), 8 + 4 * 5);
}

QTEST_GUILESS_MAIN(Tst_EvtxWriter)
#include "tst_evtxwriter.moc"
