#include "event.h"

#include <QDateTime>

#include <array>
#include <string>

namespace Chainscope {

namespace {
constexpr std::array<const char16_t *, EventKindCount> s_kindNames = {
    u"process_start",
    u"process_exit",
    u"file_write",
    u"file_rename",
    u"file_delete",
    u"module_load",
    u"net_connect",
    u"dns_query",
    u"package_install",
    u"signature_fault",
    u"log_message",
};
}

QString kindName(EventKind kind)
{
    // Raw data, not a copy: the names are static, and the importer asks for one per
    // stored event.
    const char16_t *name = s_kindNames[size_t(kind)];
    return QString::fromRawData(
        reinterpret_cast<const QChar *>(name), qsizetype(std::char_traits<char16_t>::length(name)));
}

std::optional<EventKind> kindFromName(QStringView name)
{
    for (size_t i = 0; i < s_kindNames.size(); ++i) {
        if (name == QStringView(s_kindNames[i]))
            return EventKind(i);
    }
    return std::nullopt;
}

QString platformName(Platform platform)
{
    switch (platform) {
    case Platform::Linux:
        return QStringLiteral("linux");
    case Platform::Windows:
        return QStringLiteral("windows");
    case Platform::MacOS:
        return QStringLiteral("macos");
    case Platform::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

Platform platformFromName(QStringView name)
{
    if (name == u"linux")
        return Platform::Linux;
    if (name == u"windows")
        return Platform::Windows;
    if (name == u"macos")
        return Platform::MacOS;
    return Platform::Unknown;
}

QString foldedHost(const QString &host, Platform platform)
{
    if (platform != Platform::Windows)
        return host;
    QString folded = host;
    for (QChar &c : folded) {
        if (c >= u'a' && c <= u'z')
            c = QChar(c.unicode() - u'a' + u'A');
    }
    return folded;
}

QString fileNameOf(const QString &path)
{
    const qsizetype slash = qMax(path.lastIndexOf(u'/'), path.lastIndexOf(u'\\'));
    return slash >= 0 ? path.mid(slash + 1) : path;
}

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return QString();
    // pre-wrap keeps the log's line breaks and still wraps a long command line.
    return QStringLiteral("<p style=\"white-space:pre-wrap\">%1</p>")
        .arg(showControlCharacters(text, true).toHtmlEscaped());
}

QString showControlCharacters(const QString &text, bool keepLayout)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (keepLayout && (u == u'\n' || u == u'\t'))
            out += c;
        else if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
        else if ((u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) || u == 0x200e || u == 0x200f)
            out += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QStringList splitCommandLine(const QString &commandLine)
{
    QStringList out;
    QString current;
    bool quoted = false;
    bool inArgument = false;
    for (const QChar c : commandLine) {
        if (c == u'"') {
            quoted = !quoted;
            inArgument = true;
        } else if (!quoted && (c == u' ' || c == u'\t')) {
            if (inArgument)
                out.append(current);
            current.clear();
            inArgument = false;
        } else {
            current += c;
            inArgument = true;
        }
    }
    if (inArgument)
        out.append(current);
    return out;
}

QString formatDestination(const QString &host, const QString &ip, int port)
{
    QString where = host.isEmpty() ? ip : host;
    if (where.contains(u':') && !where.startsWith(u'['))
        where = QStringLiteral("[%1]").arg(where);
    if (port >= 0)
        where += QStringLiteral(":%1").arg(port);
    if (!host.isEmpty() && !ip.isEmpty() && host != ip)
        where += QStringLiteral(" (%1)").arg(ip);
    return where;
}

QString eventObject(const Event &e)
{
    if (!e.dstIp.isEmpty() || !e.dstHost.isEmpty())
        return formatDestination(e.dstHost, e.dstIp, e.dstPort);
    return e.targetPath;
}

bool isBadSignatureStatus(const QString &status)
{
    return !status.isEmpty() && status.compare(QLatin1String("Valid"), Qt::CaseInsensitive) != 0;
}

QString formatTimeUs(qint64 timeUs)
{
    // Floor division keeps pre-1970 times (never expected, but logs lie) well formed.
    qint64 secs = timeUs / 1000000;
    qint64 micros = timeUs % 1000000;
    if (micros < 0) {
        micros += 1000000;
        secs -= 1;
    }
    const QDateTime dt = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
    return dt.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QLatin1Char('.')
        + QString::number(micros).rightJustified(6, QLatin1Char('0')) + QLatin1Char('Z');
}

QString formatTimeUs(qint64 timeUs, const QTimeZone &zone)
{
    if (!zone.isValid() || zone == QTimeZone::utc())
        return formatTimeUs(timeUs);
    qint64 secs = timeUs / 1000000;
    qint64 micros = timeUs % 1000000;
    if (micros < 0) {
        micros += 1000000;
        secs -= 1;
    }
    const QDateTime dt = QDateTime::fromSecsSinceEpoch(secs, zone);
    const int offset = dt.offsetFromUtc();
    const int minutes = qAbs(offset) / 60;
    return dt.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QLatin1Char('.')
        + QString::number(micros).rightJustified(6, QLatin1Char('0')) + QLatin1Char(offset < 0 ? '-' : '+')
        + QString::number(minutes / 60).rightJustified(2, QLatin1Char('0')) + QLatin1Char(':')
        + QString::number(minutes % 60).rightJustified(2, QLatin1Char('0'));
}

} // namespace Chainscope
