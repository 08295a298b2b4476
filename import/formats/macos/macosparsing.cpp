#include "macosparsing.h"

#include "textscan.h"

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>

#include <cmath>

namespace Chainscope::Macos {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

std::optional<Stamp> parseStamp(QByteArrayView s)
{
    // YYYY-MM-DD[ T]HH:MM:SS
    const int year = decimalField(s, 0, 4);
    const int month = decimalField(s, 5, 2);
    const int day = decimalField(s, 8, 2);
    const int hour = decimalField(s, 11, 2);
    const int minute = decimalField(s, 14, 2);
    const int second = decimalField(s, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || s[4] != '-' || s[7] != '-'
        || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':')
        return std::nullopt;
    if (!QDate::isValid(year, month, day) || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    qsizetype at = 19;
    qint64 micros = 0;
    if (at < s.size() && (s[at] == '.' || s[at] == ',')) {
        ++at;
        int n = 0;
        while (at < s.size() && isDigit(s[at])) {
            if (n < 6) {
                micros = micros * 10 + (s[at] - '0');
                ++n;
            }
            ++at;
            // A run of digits longer than any clock writes is not a stamp.
            if (at > 19 + 1 + 12)
                return std::nullopt;
        }
        if (n == 0)
            return std::nullopt;
        for (; n < 6; ++n)
            micros *= 10;
    }
    Stamp stamp;
    if (at < s.size() && (s[at] == 'Z' || s[at] == 'z')) {
        stamp.hasZone = true;
        ++at;
    } else if (at < s.size() && (s[at] == '+' || s[at] == '-')) {
        const int sign = s[at] == '-' ? -1 : 1;
        const int hours = decimalField(s, at + 1, 2);
        if (hours < 0 || hours > 18)
            return std::nullopt;
        qsizetype next = at + 3;
        int minutes = 0;
        if (next < s.size() && s[next] == ':') {
            minutes = decimalField(s, next + 1, 2);
            if (minutes < 0)
                return std::nullopt;
            next += 3;
        } else if (decimalField(s, next, 2) >= 0 && !(next + 2 < s.size() && isDigit(s[next + 2]))) {
            minutes = decimalField(s, next, 2);
            next += 2;
        }
        if (minutes > 59)
            return std::nullopt;
        stamp.hasZone = true;
        stamp.offsetSeconds = sign * (hours * 3600 + minutes * 60);
        at = next;
    }
    const qint64 days = QDate(year, month, day).toJulianDay() - QDate(1970, 1, 1).toJulianDay();
    stamp.wallUs = ((days * 24 + hour) * 60 + minute) * 60'000'000LL + qint64(second) * 1'000'000LL + micros;
    stamp.end = at;
    return stamp;
}

std::optional<qint64> utcMicros(const Stamp &stamp, const QTimeZone &zone)
{
    if (stamp.hasZone)
        return stamp.wallUs - qint64(stamp.offsetSeconds) * 1'000'000LL;
    // No offset in the text: the wall clock of the context's zone (the host's, as the
    // analyst knows it).
    const qint64 secs = stamp.wallUs / 1'000'000LL;
    const qint64 micros = stamp.wallUs % 1'000'000LL;
    const QDateTime asUtc = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
    const QDateTime local(asUtc.date(), asUtc.time(), zone.isValid() ? zone : QTimeZone::utc());
    if (!local.isValid())
        return std::nullopt;
    return local.toSecsSinceEpoch() * 1'000'000LL + micros;
}

std::optional<qint64> parseWholeStamp(QByteArrayView text, const QTimeZone &zone)
{
    const std::optional<Stamp> stamp = parseStamp(text.trimmed());
    if (!stamp || stamp->end != text.trimmed().size())
        return std::nullopt;
    return utcMicros(*stamp, zone);
}

// ---- installer wording -----------------------------------------------------------------

std::optional<InstalledMessage> parseInstalled(QStringView message)
{
    // Cheap test first: the unified log asks this of every installer message.
    if (!message.contains(u"Installed \""))
        return std::nullopt;
    static const QRegularExpression re(
        QStringLiteral(R"re(^(?:[A-Za-z_ ()]+: )?Installed "(.*)" \("?([^"()]*)"?\)\s*$)re"));
    const QRegularExpressionMatch m = re.match(message);
    if (!m.hasMatch() || m.capturedView(1).isEmpty())
        return std::nullopt;
    return InstalledMessage {m.captured(1), m.captured(2).trimmed()};
}

QString parseReceiptIdentifier(QStringView message)
{
    static constexpr QStringView Key = u"Writing receipt for ";
    const qsizetype at = message.indexOf(Key);
    if (at < 0)
        return QString();
    QStringView rest = message.mid(at + Key.size());
    const qsizetype space = rest.indexOf(u' ');
    if (space >= 0)
        rest = rest.left(space);
    return rest.toString();
}

bool isBeginInstall(QStringView message)
{
    return message.contains(u"----- Begin install -----");
}

void ReceiptTracker::begin(qint64 pid)
{
    take(pid);
    if (m_pending.size() >= MaxProcesses)
        m_pending.removeFirst();
    m_pending.append({pid, QStringList()});
}

void ReceiptTracker::add(qint64 pid, const QString &identifier)
{
    for (auto &[p, ids] : m_pending) {
        if (p == pid) {
            if (ids.size() < MaxIdentifiers && !ids.contains(identifier))
                ids.append(identifier);
            return;
        }
    }
    // A receipt without a "Begin install" before it (the log starts mid-install).
    if (m_pending.size() >= MaxProcesses)
        m_pending.removeFirst();
    m_pending.append({pid, QStringList {identifier}});
}

QStringList ReceiptTracker::take(qint64 pid)
{
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        if (m_pending[i].first == pid) {
            QStringList ids = m_pending[i].second;
            m_pending.removeAt(i);
            return ids;
        }
    }
    return {};
}

// ---- code signing ----------------------------------------------------------------------

QStringList codeSigningFlagNames(quint32 flags)
{
    // XNU osfmk/kern/cs_blobs.h.
    static const std::pair<quint32, const char *> Names[] = {
        {0x00000001, "CS_VALID"},
        {0x00000002, "CS_ADHOC"},
        {0x00000004, "CS_GET_TASK_ALLOW"},
        {0x00000008, "CS_INSTALLER"},
        {0x00000010, "CS_FORCED_LV"},
        {0x00000020, "CS_INVALID_ALLOWED"},
        {0x00000100, "CS_HARD"},
        {0x00000200, "CS_KILL"},
        {0x00000400, "CS_CHECK_EXPIRATION"},
        {0x00000800, "CS_RESTRICT"},
        {0x00001000, "CS_ENFORCEMENT"},
        {0x00002000, "CS_REQUIRE_LV"},
        {0x00004000, "CS_ENTITLEMENTS_VALIDATED"},
        {0x00008000, "CS_NVRAM_UNRESTRICTED"},
        {0x00010000, "CS_RUNTIME"},
        {0x00020000, "CS_LINKER_SIGNED"},
        {0x00100000, "CS_EXEC_SET_HARD"},
        {0x00200000, "CS_EXEC_SET_KILL"},
        {0x00400000, "CS_EXEC_SET_ENFORCEMENT"},
        {0x00800000, "CS_EXEC_INHERIT_SIP"},
        {0x01000000, "CS_KILLED"},
        {0x02000000, "CS_DYLD_PLATFORM"},
        {0x04000000, "CS_PLATFORM_BINARY"},
        {0x08000000, "CS_PLATFORM_PATH"},
        {0x10000000, "CS_DEBUGGED"},
        {0x20000000, "CS_SIGNED"},
        {0x40000000, "CS_DEV_CODE"},
        {0x80000000, "CS_DATAVAULT_CONTROLLER"},
    };
    QStringList names;
    quint32 known = 0;
    for (const auto &[bit, name] : Names) {
        known |= bit;
        if (flags & bit)
            names.append(QString::fromLatin1(name));
    }
    for (quint32 bit = 1; bit != 0; bit <<= 1) {
        if ((flags & bit) && !(known & bit))
            names.append(QStringLiteral("0x%1").arg(bit, 0, 16));
    }
    return names;
}

QString signatureStatus(quint32 flags, bool hasSignature)
{
    if (!hasSignature)
        return QStringLiteral("Unsigned");
    if (!(flags & CsValid))
        return QStringLiteral("Invalid");
    if (flags & CsAdhoc)
        return QStringLiteral("Ad-hoc");
    return QStringLiteral("Valid");
}

bool isTeamId(QStringView text)
{
    if (text.size() != 10)
        return false;
    for (const QChar c : text) {
        if (!((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')))
            return false;
    }
    return true;
}

QString teamIdFromCommonName(QStringView commonName)
{
    const QStringView cn = commonName.trimmed();
    if (cn.size() < 12 || !cn.endsWith(u')') || cn[cn.size() - 12] != u'(')
        return QString();
    const QStringView id = cn.mid(cn.size() - 11, 10);
    return isTeamId(id) ? id.toString() : QString();
}

bool isIpAddress(QStringView text)
{
    if (text.isEmpty() || text.size() > 45)
        return false;
    if (text.contains(u':')) {
        // IPv6: hex groups and colons, an IPv4 tail allowed, "::" at most once.
        if (text.count(QStringLiteral("::")) > 1)
            return false;
        for (const QChar c : text) {
            if (!(c.isDigit() || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F') || c == u':' || c == u'.'))
                return false;
        }
        return true;
    }
    const QList<QStringView> parts = text.split(u'.');
    if (parts.size() != 4)
        return false;
    for (const QStringView p : parts) {
        bool ok = false;
        const int n = p.toInt(&ok);
        if (!ok || p.isEmpty() || p.size() > 3 || n < 0 || n > 255 || !p.front().isDigit())
            return false;
    }
    return true;
}

Event baseEvent(const ReaderContext &context, EventKind kind, qint64 timeUs, qint64 pos)
{
    Event e;
    e.timeUs = timeUs;
    e.host = context.host;
    e.platform = Platform::MacOS;
    e.kind = kind;
    e.recordPos = pos;
    return e;
}

void putText(QJsonObject &details, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        details.insert(key, value);
}

qint64 wholeNumber(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        // 2^63 itself is out of range; every double below it converts exactly.
        return std::isfinite(d) && d >= 0 && d < 9223372036854775808.0 && d == std::floor(d) ? qint64(d) : -1;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 n = value.toString().trimmed().toLongLong(&ok);
        return ok && n >= 0 ? n : -1;
    }
    return -1;
}

} // namespace Chainscope::Macos
