#include "windowsnormalizer.h"

#include "eventdetails.h"

#include <QByteArray>

#include <limits>

namespace Chainscope {

namespace {

const QString Sysmon = QStringLiteral("Microsoft-Windows-Sysmon");
const QString Security = QStringLiteral("Microsoft-Windows-Security-Auditing");
const QString MsiInstaller = QStringLiteral("MsiInstaller");
const QString ServiceControlManager = QStringLiteral("Service Control Manager");
const QString WindowsUpdate = QStringLiteral("Microsoft-Windows-WindowsUpdateClient");
const QString CodeIntegrity = QStringLiteral("Microsoft-Windows-CodeIntegrity");

// "-": how Sysmon and Security write "no value".
bool isDash(const QString &s)
{
    return s.size() == 1 && s.front() == u'-';
}

// The details of one record. Sysmon and Security write "-" for "no value": such
// values, and empty ones, are left out.
class Details : public EventDetails
{
public:
    Details() { begin(); }

    void text(QByteArrayView key, const QString &value)
    {
        if (!value.isEmpty() && !isDash(value))
            EventDetails::text(key, value);
    }
};

// Days from 1970-01-01 for a civil date (proleptic Gregorian).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

// Sysmon's UtcTime, "2019-03-18 16:41:45.123" (UTC, milliseconds), to Unix µs.
std::optional<qint64> parseSysmonTime(const QString &s)
{
    if (s.size() < 19)
        return std::nullopt;
    const auto digits = [&](int from, int count, int &out) {
        out = 0;
        for (int i = from; i < from + count; ++i) {
            const char16_t c = s.at(i).unicode();
            if (c < u'0' || c > u'9')
                return false;
            out = out * 10 + (c - u'0');
        }
        return true;
    };
    int y, mo, d, h, mi, se;
    if (!digits(0, 4, y) || !digits(5, 2, mo) || !digits(8, 2, d) || !digits(11, 2, h) || !digits(14, 2, mi)
        || !digits(17, 2, se))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60)
        return std::nullopt;
    qint64 us = 0;
    if (s.size() > 20 && s.at(19) == QLatin1Char('.')) {
        int scale = 100000;
        for (int i = 20; i < s.size() && scale > 0; ++i, scale /= 10) {
            const char16_t c = s.at(i).unicode();
            if (c < u'0' || c > u'9')
                break;
            us += (c - u'0') * scale;
        }
    }
    return (daysFromCivil(y, unsigned(mo), unsigned(d)) * 86400 + h * 3600 + mi * 60 + se) * 1000000LL + us;
}

// A process id or port as logs write it: decimal (Sysmon) or 0x and hex digits
// (Security), surrounding spaces allowed; -1 for anything else. A leading zero is
// still decimal: no Windows log writes octal.
qint64 parseId(const QString &text)
{
    QStringView s(text);
    // Spaces are rare; the common forms skip trimming.
    if (!s.isEmpty() && (s.front().isSpace() || s.back().isSpace()))
        s = s.trimmed();
    const qsizetype n = s.size();
    const char16_t *c = s.utf16();
    qsizetype i = 0;
    int base = 10;
    if (n > 2 && c[0] == u'0' && (c[1] == u'x' || c[1] == u'X')) {
        base = 16;
        i = 2;
    }
    if (i == n)
        return -1;
    // Up to 18 decimal or 15 hex digits cannot overflow; only longer (zero-padded)
    // values pay for the check on every digit.
    const bool mayOverflow = n - i > (base == 10 ? 18 : 15);
    quint64 v = 0;
    for (; i < n; ++i) {
        const char16_t d = c[i];
        const int digit = d >= u'0' && d <= u'9'   ? d - u'0'
            : base == 16 && d >= u'a' && d <= u'f' ? d - u'a' + 10
            : base == 16 && d >= u'A' && d <= u'F' ? d - u'A' + 10
                                                   : -1;
        if (digit < 0)
            return -1;
        if (mayOverflow && v > (quint64(std::numeric_limits<qint64>::max()) - quint64(digit)) / quint64(base))
            return -1; // does not fit
        v = v * quint64(base) + quint64(digit);
    }
    return qint64(v);
}

// "\??\C:\x" is the NT form of "C:\x".
QString win32Path(const QString &path)
{
    if (path.startsWith(QLatin1String("\\??\\")))
        return path.mid(4);
    return path;
}

QString present(const QString &s)
{
    return isDash(s) ? QString() : s;
}

QString account(const QString &domain, const QString &name)
{
    if (name.isEmpty() || name == QLatin1String("-"))
        return QString();
    if (domain.isEmpty() || domain == QLatin1String("-"))
        return name;
    return domain + QLatin1Char('\\') + name;
}

Event baseEvent(const WinEventRecord &r)
{
    Event e;
    e.platform = Platform::Windows;
    e.host = r.computer;
    e.timeUs = r.timeUs;
    e.pid = r.processId;
    return e;
}

void common(Details &d, const WinEventRecord &r)
{
    d.number("event_id", r.eventId);
    d.text("provider", r.provider);
    d.number("record_id", qint64(r.recordId));
}

void logMessage(const WinEventRecord &r, QList<Event> &out, Details &d)
{
    Event e = baseEvent(r);
    e.kind = EventKind::LogMessage;
    d.text("channel", r.channel);
    e.detailsJson = d.finish();
    out.append(std::move(e));
}

void sysmon(const WinEventRecord &r, QList<Event> &out)
{
    Event e = baseEvent(r);
    if (const auto t = parseSysmonTime(r.value(u"UtcTime")))
        e.timeUs = *t;
    e.processKey = present(r.value(u"ProcessGuid"));
    e.pid = parseId(r.value(u"ProcessId"));
    e.image = present(r.value(u"Image"));
    e.user = present(r.value(u"User"));
    Details d;
    common(d, r);
    d.text("rule", r.value(u"RuleName"));
    switch (r.eventId) {
    case 1:
        e.kind = EventKind::ProcessStart;
        e.commandLine = r.value(u"CommandLine");
        e.ppid = parseId(r.value(u"ParentProcessId"));
        e.hashes = present(r.value(u"Hashes"));
        e.targetPath = e.image;
        e.parentProcessKey = present(r.value(u"ParentProcessGuid"));
        e.parentImage = present(r.value(u"ParentImage"));
        e.parentCommandLine = present(r.value(u"ParentCommandLine"));
        d.text("current_directory", r.value(u"CurrentDirectory"));
        d.text("integrity_level", r.value(u"IntegrityLevel"));
        d.text("logon_id", r.value(u"LogonId"));
        d.text("file_version", r.value(u"FileVersion"));
        d.text("description", r.value(u"Description"));
        d.text("product", r.value(u"Product"));
        d.text("company", r.value(u"Company"));
        d.text("original_file_name", r.value(u"OriginalFileName"));
        break;
    case 2:
        e.kind = EventKind::FileWrite;
        e.targetPath = r.value(u"TargetFilename");
        d.text("action", QStringLiteral("creation_time_changed"));
        d.text("creation_time", r.value(u"CreationUtcTime"));
        d.text("previous_creation_time", r.value(u"PreviousCreationUtcTime"));
        break;
    case 3: {
        const bool outbound = r.value(u"Initiated").compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
        // An accepted inbound connection is not egress; it stays on record as a message.
        e.kind = outbound ? EventKind::NetConnect : EventKind::LogMessage;
        e.dstIp = r.value(u"DestinationIp");
        e.dstHost = present(r.value(u"DestinationHostname"));
        e.dstPort = int(parseId(r.value(u"DestinationPort")));
        d.text("protocol", r.value(u"Protocol"));
        d.text("source_ip", r.value(u"SourceIp"));
        d.text("source_port", r.value(u"SourcePort"));
        d.boolean("initiated", outbound);
        break;
    }
    case 5:
        e.kind = EventKind::ProcessExit;
        break;
    case 6:
        e.kind = EventKind::ModuleLoad;
        e.targetPath = r.value(u"ImageLoaded");
        e.hashes = present(r.value(u"Hashes"));
        e.signer = present(r.value(u"Signature"));
        e.signatureStatus = present(r.value(u"SignatureStatus"));
        d.boolean("driver", true);
        d.text("signed", r.value(u"Signed"));
        break;
    case 7:
        e.kind = EventKind::ModuleLoad;
        e.targetPath = r.value(u"ImageLoaded");
        e.hashes = present(r.value(u"Hashes"));
        e.signer = present(r.value(u"Signature"));
        e.signatureStatus = present(r.value(u"SignatureStatus"));
        d.text("signed", r.value(u"Signed"));
        d.text("company", r.value(u"Company"));
        d.text("original_file_name", r.value(u"OriginalFileName"));
        break;
    case 11:
        e.kind = EventKind::FileWrite;
        e.targetPath = r.value(u"TargetFilename");
        d.text("creation_time", r.value(u"CreationUtcTime"));
        break;
    case 13:
        // Registry values are no stage of the chain; kept for the analyst.
        e.kind = EventKind::LogMessage;
        e.targetPath = r.value(u"TargetObject");
        d.text("registry_event", r.value(u"EventType"));
        d.text("value", r.value(u"Details"));
        break;
    case 15:
        e.kind = EventKind::FileWrite;
        e.targetPath = r.value(u"TargetFilename");
        e.hashes = present(r.value(u"Hash"));
        d.text("action", QStringLiteral("stream_created"));
        d.text("contents", r.value(u"Contents").left(1024));
        break;
    case 22: {
        e.kind = EventKind::DnsQuery;
        e.dstHost = r.value(u"QueryName");
        d.text("query_status", r.value(u"QueryStatus"));
        e.dnsAnswers = parseDnsAnswers(r.value(u"QueryResults"));
        break;
    }
    case 23:
    case 26:
        e.kind = EventKind::FileDelete;
        e.targetPath = r.value(u"TargetFilename");
        e.hashes = present(r.value(u"Hashes"));
        d.text("executable", r.value(u"IsExecutable"));
        d.text("archived", r.value(u"Archived"));
        break;
    case 29:
        e.kind = EventKind::FileWrite;
        e.targetPath = r.value(u"TargetFilename");
        e.hashes = present(r.value(u"Hashes"));
        d.boolean("executable", true);
        break;
    default:
        // Process access, registry keys, pipes, WMI, …: on record, not in the chain.
        e.kind = EventKind::LogMessage;
        e.targetPath = present(r.value(u"TargetImage"));
        break;
    }
    e.targetPath = win32Path(e.targetPath);
    e.detailsJson = d.finish();
    out.append(std::move(e));
}

void security(const WinEventRecord &r, QList<Event> &out)
{
    Event e = baseEvent(r);
    Details d;
    common(d, r);
    switch (r.eventId) {
    case 4688: {
        // Three layouts: version 0 has no command line, version 2 adds the target
        // account and the parent's image.
        e.kind = EventKind::ProcessStart;
        e.pid = parseId(r.value(u"NewProcessId"));
        e.ppid = parseId(r.value(u"ProcessId"));
        e.image = win32Path(r.value(u"NewProcessName"));
        e.targetPath = e.image;
        e.commandLine = r.value(u"CommandLine");
        e.user = account(r.value(u"TargetDomainName"), r.value(u"TargetUserName"));
        if (e.user.isEmpty())
            e.user = account(r.value(u"SubjectDomainName"), r.value(u"SubjectUserName"));
        e.parentImage = present(r.value(u"ParentProcessName"));
        d.text("token_elevation", r.value(u"TokenElevationType"));
        d.text("mandatory_label", r.value(u"MandatoryLabel"));
        d.text("subject_user", account(r.value(u"SubjectDomainName"), r.value(u"SubjectUserName")));
        break;
    }
    case 4689:
        e.kind = EventKind::ProcessExit;
        e.pid = parseId(r.value(u"ProcessId"));
        e.image = win32Path(r.value(u"ProcessName"));
        d.text("exit_status", r.value(u"Status"));
        break;
    case 5156: {
        // Windows Filtering Platform: a permitted connection. %%14593 is outbound.
        const bool outbound = r.value(u"Direction") == QLatin1String("%%14593");
        e.kind = outbound ? EventKind::NetConnect : EventKind::LogMessage;
        e.pid = parseId(r.value(u"ProcessID"));
        // A device path (\device\harddiskvolume2\…): the drive letter is not logged.
        e.image = r.value(u"Application");
        e.dstIp = r.value(u"DestAddress");
        e.dstPort = int(parseId(r.value(u"DestPort")));
        d.text("protocol", r.value(u"Protocol"));
        d.text("source_ip", r.value(u"SourceAddress"));
        d.text("source_port", r.value(u"SourcePort"));
        d.text("direction", outbound ? QStringLiteral("outbound") : QStringLiteral("inbound"));
        break;
    }
    default:
        logMessage(r, out, d);
        return;
    }
    e.detailsJson = d.finish();
    out.append(std::move(e));
}

// "Product: X -- Installation completed successfully." → "X"
QString productFromMessage(const QString &message)
{
    QString s = message;
    if (s.startsWith(QLatin1String("Product: ")))
        s = s.mid(9);
    const qsizetype dash = s.indexOf(QLatin1String(" -- "));
    return dash >= 0 ? s.left(dash) : s;
}

void msiInstaller(const WinEventRecord &r, QList<Event> &out)
{
    Event e = baseEvent(r);
    Details d;
    common(d, r);
    const auto data = [&](int n) {
        const QString v = r.value(unnamedDataName(n));
        return v == QLatin1String("(NULL)") ? QString() : v;
    };
    e.kind = EventKind::PackageInstall;
    switch (r.eventId) {
    case 1033: // product installed: name, version, language, status, manufacturer
    case 1034: // product removed: the same fields
        e.targetPath = data(1);
        d.text("action", r.eventId == 1033 ? QStringLiteral("install") : QStringLiteral("remove"));
        d.text("version", data(2));
        d.text("language", data(3));
        d.text("status", data(4));
        d.text("manufacturer", data(5));
        break;
    case 1040: // transaction begins: package path, client process id
    case 1042: // transaction ends
        e.targetPath = data(1);
        if (const qint64 pid = parseId(data(2)); pid >= 0)
            e.pid = pid;
        d.text("action", r.eventId == 1040 ? QStringLiteral("transaction_begin") : QStringLiteral("transaction_end"));
        break;
    case 11707: // "Product: X -- Installation completed successfully."
    case 11724: // "Product: X -- Removal completed successfully."
        e.targetPath = productFromMessage(data(1));
        d.text("action", r.eventId == 11707 ? QStringLiteral("install") : QStringLiteral("remove"));
        d.text("message", data(1));
        break;
    default:
        logMessage(r, out, d);
        return;
    }
    e.detailsJson = d.finish();
    out.append(std::move(e));
}

void serviceInstalled(const WinEventRecord &r, QList<Event> &out)
{
    Details d;
    common(d, r);
    if (r.eventId != 7045) {
        logMessage(r, out, d);
        return;
    }
    Event e = baseEvent(r);
    e.kind = EventKind::PackageInstall;
    e.targetPath = r.value(u"ImagePath");
    e.user = r.value(u"AccountName");
    d.text("action", QStringLiteral("service_install"));
    d.text("service_name", r.value(u"ServiceName"));
    d.text("service_type", r.value(u"ServiceType"));
    d.text("start_type", r.value(u"StartType"));
    e.detailsJson = d.finish();
    out.append(std::move(e));
}

void windowsUpdate(const WinEventRecord &r, QList<Event> &out)
{
    Details d;
    common(d, r);
    const char *action = r.eventId == 19 ? "update_installed"
        : r.eventId == 43                ? "update_install_started"
        : r.eventId == 44                ? "update_download_started"
                                         : nullptr;
    if (!action) {
        logMessage(r, out, d);
        return;
    }
    Event e = baseEvent(r);
    e.kind = EventKind::PackageInstall;
    e.targetPath = r.value(u"updateTitle");
    d.text("action", QString::fromLatin1(action));
    d.text("update_guid", r.value(u"updateGuid"));
    d.text("update_revision", r.value(u"updateRevisionNumber"));
    e.detailsJson = d.finish();
    out.append(std::move(e));
}

// CodeIntegrity failures: an image that did not meet a signing requirement, an
// unsigned or wrongly signed module, a hash that does not match. 3089 only adds the
// signature details to another event; the audit-mode twins (3034, 3064, 3066, 3076)
// report what enforcement would have blocked, which is the same evidence.
bool isCodeIntegrityFailure(quint32 id)
{
    switch (id) {
    case 3001:
    case 3002:
    case 3003:
    case 3004:
    case 3010:
    case 3023:
    case 3033:
    case 3034:
    case 3063:
    case 3064:
    case 3065:
    case 3066:
    case 3076:
    case 3077:
        return true;
    default:
        return false;
    }
}

QString firstOf(const WinEventRecord &r, std::initializer_list<const char16_t *> names)
{
    for (const char16_t *name : names) {
        const QString &v = r.value(QStringView(name));
        if (!v.isEmpty())
            return v;
    }
    return QString();
}

void codeIntegrity(const WinEventRecord &r, QList<Event> &out)
{
    Details d;
    common(d, r);
    if (!isCodeIntegrityFailure(r.eventId)) {
        logMessage(r, out, d);
        return;
    }
    Event e = baseEvent(r);
    e.kind = EventKind::SignatureFault;
    e.targetPath = win32Path(firstOf(r, {u"FileNameBuffer", u"File Name", u"FileName"}));
    e.image = win32Path(firstOf(r, {u"ProcessNameBuffer", u"Process Name", u"ProcessName"}));
    e.signatureStatus = QStringLiteral("CodeIntegrity %1").arg(r.eventId);
    d.text("requested_signing_level", firstOf(r, {u"RequestedSigningLevel", u"Requested Signing Level"}));
    d.text("validated_signing_level", firstOf(r, {u"ValidatedSigningLevel", u"Validated Signing Level"}));
    d.text("status", r.value(u"Status"));
    e.detailsJson = d.finish();
    out.append(std::move(e));
}

} // namespace

QStringList parseDnsAnswers(const QString &queryResults)
{
    QStringList answers;
    for (QStringView part : QStringView(queryResults).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        part = part.trimmed();
        // "type:  5 name" entries are CNAMEs and other records, not addresses.
        if (part.isEmpty() || part.startsWith(QLatin1String("type:")))
            continue;
        if (part.startsWith(QLatin1String("::ffff:")))
            part = part.mid(7);
        if (!part.contains(QLatin1Char('.')) && !part.contains(QLatin1Char(':')))
            continue;
        answers.append(part.toString());
    }
    return answers;
}

void normalizeWindowsEvent(const WinEventRecord &record, QList<Event> &out)
{
    const QString &p = record.provider;
    if (p == Sysmon)
        sysmon(record, out);
    else if (p == Security)
        security(record, out);
    else if (p == MsiInstaller)
        msiInstaller(record, out);
    else if (p == ServiceControlManager)
        serviceInstalled(record, out);
    else if (p == WindowsUpdate)
        windowsUpdate(record, out);
    else if (p == CodeIntegrity)
        codeIntegrity(record, out);
    else {
        Details d;
        common(d, record);
        logMessage(record, out, d);
    }
}

} // namespace Chainscope
