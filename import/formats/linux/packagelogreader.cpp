#include "packagelogreader.h"

#include "inputfile.h"
#include "textscan.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonObject>
#include <QList>
#include <QTime>

#include <optional>

namespace Chainscope {

namespace {

// An apt transaction is held in memory until its End-Date, because the End-Date and a
// late Error: line belong to every event of it. These bounds keep a corrupt or hostile
// history.log from growing that buffer without limit: a transaction beyond them is
// stored as several raw records, each with the events it lists (nothing is dropped).
// Real transactions (a full distribution upgrade) stay far below both.
constexpr qsizetype MaxAptBlockBytes = 8 * 1024 * 1024;
constexpr qsizetype MaxAptBlockPackages = 20000;
// The Error: lines of a transaction are joined into one detail. A failing maintainer
// script can log thousands of them; past this many characters the rest is left out
// (it stays in the raw record) and error_truncated says so.
constexpr qsizetype MaxAptErrorChars = 64 * 1024;

const QString NoneVersion = QStringLiteral("<none>");

// One translation context for the whole file, declared where lupdate sees it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Chainscope::PackageLogReader)
};

// ---- small lexical helpers ---------------------------------------------------------

// "YYYY-MM-DD" at `at`; invalid (not merely out of range) dates give a null QDate.
QDate parseDate(QByteArrayView s, qsizetype at)
{
    const int year = decimalField(s, at, 4);
    const int month = decimalField(s, at + 5, 2);
    const int day = decimalField(s, at + 8, 2);
    if (year < 0 || month < 0 || day < 0 || s[at + 4] != '-' || s[at + 7] != '-')
        return {};
    return QDate(year, month, day);
}

// "HH:MM:SS" at `at`.
QTime parseTime(QByteArrayView s, qsizetype at)
{
    const int hour = decimalField(s, at, 2);
    const int minute = decimalField(s, at + 3, 2);
    const int second = decimalField(s, at + 6, 2);
    if (hour < 0 || minute < 0 || second < 0 || s[at + 2] != ':' || s[at + 5] != ':')
        return {};
    return QTime(hour, minute, second);
}

bool isLowerWord(QStringView word)
{
    if (word.isEmpty())
        return false;
    for (const QChar c : word) {
        if (c < u'a' || c > u'z')
            return false;
    }
    return true;
}

// dpkg and apt name a package "name:arch" (the arch is missing on old systems and for
// dpkg's own entries such as "upgrade dpkg 1.17.5ubuntu5 …").
void splitArch(QStringView spec, QString &name, QString &arch)
{
    const qsizetype colon = spec.indexOf(u':');
    name = (colon < 0 ? spec : spec.left(colon)).toString();
    arch = colon < 0 ? QString() : spec.mid(colon + 1).toString();
}

void put(QJsonObject &o, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}

// Local wall-clock time -> UTC microseconds. dpkg writes many lines per second, so
// the zone conversion (the expensive part) is cached for the last stamp.
class LocalClock
{
public:
    explicit LocalClock(const QTimeZone &zone)
        : m_zone(zone.isValid() ? zone : QTimeZone::utc())
    {
    }

    std::optional<qint64> utcUs(QDate date, QTime time)
    {
        if (!date.isValid() || !time.isValid())
            return std::nullopt;
        if (date != m_date || time != m_time) {
            const QDateTime local(date, time, m_zone);
            if (!local.isValid())
                return std::nullopt;
            m_date = date;
            m_time = time;
            m_us = local.toMSecsSinceEpoch() * 1000;
        }
        return m_us;
    }

private:
    QTimeZone m_zone;
    QDate m_date;
    QTime m_time;
    qint64 m_us = 0;
};

Event baseEvent(const ReaderContext &context, EventKind kind, qint64 timeUs, qint64 pos)
{
    Event e;
    e.timeUs = timeUs;
    e.host = context.host;
    e.platform = Platform::Linux;
    e.kind = kind;
    e.recordPos = pos;
    return e;
}

// What an overlong line of any package log is.
QString tooLongLine()
{
    return Text::tr("line longer than %1 bytes: not a package log record, skipped").arg(InputFile::MaxLineLength);
}

// ---- dpkg.log ----------------------------------------------------------------------

const char *const DpkgLineTypes[]
    = {"install", "upgrade", "remove", "purge", "configure", "trigproc", "status", "conffile", "startup"};

// "YYYY-MM-DD HH:MM:SS " followed by one of dpkg's line types and a space.
bool isDpkgLine(QByteArrayView line)
{
    if (line.size() < 21 || line[10] != ' ' || line[19] != ' ' || !parseDate(line, 0).isValid()
        || !parseTime(line, 11).isValid())
        return false;
    const QByteArrayView rest = line.sliced(20);
    for (const char *type : DpkgLineTypes) {
        const QByteArrayView t(type);
        if (rest.size() > t.size() && rest.startsWith(t) && rest[t.size()] == ' ')
            return true;
    }
    return false;
}

// ---- apt history.log ---------------------------------------------------------------

// "Start-Date: YYYY-MM-DD  HH:MM:SS" (apt writes two spaces; accept any number).
std::optional<std::pair<QDate, QTime>> parseAptStamp(QByteArrayView value)
{
    value = value.trimmed();
    if (value.size() < 19)
        return std::nullopt;
    const QDate date = parseDate(value, 0);
    qsizetype at = 10;
    if (at >= value.size() || value[at] != ' ')
        return std::nullopt;
    while (at < value.size() && value[at] == ' ')
        ++at;
    if (value.size() - at != 8)
        return std::nullopt;
    const QTime time = parseTime(value, at);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return std::make_pair(date, time);
}

bool isAptStart(QByteArrayView line)
{
    static constexpr QByteArrayView Key("Start-Date:");
    return line.startsWith(Key) && parseAptStamp(line.sliced(Key.size())).has_value();
}

struct AptPackage
{
    QString action;
    QString name;
    QString arch;
    QString version;
    QString oldVersion;
    bool automatic = false;
};

// The list keys of a transaction and the action each stands for.
QString aptAction(QStringView key)
{
    static const std::pair<const char16_t *, const char *> keys[] = {{u"Install", "install"}, {u"Upgrade", "upgrade"},
        {u"Downgrade", "downgrade"}, {u"Reinstall", "reinstall"}, {u"Remove", "remove"}, {u"Purge", "purge"}};
    for (const auto &[k, action] : keys) {
        if (key == QStringView(k))
            return QString::fromLatin1(action);
    }
    return QString();
}

bool isAptKey(QStringView key)
{
    if (key.isEmpty() || !key.front().isLetter())
        return false;
    for (const QChar c : key) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-')
            return false;
    }
    return true;
}

// Walks an apt list: "a:amd64 (1.0), b:amd64 (1.0, 1.1), c:amd64 (2:3.4-1, automatic)".
// Versions contain ':' (epochs), '~', '+' and '.', never ',', '(' or ')'; items are
// separated by "), ". Calls item(spec, versions, automatic) for each; returns false at
// the first item that does not have this shape (the items before it were delivered).
template<typename ItemHandler> bool forEachAptItem(QStringView list, ItemHandler &&item)
{
    const qsizetype n = list.size();
    qsizetype i = 0;
    for (;;) {
        while (i < n && (list[i] == u' ' || list[i] == u','))
            ++i;
        if (i >= n)
            return true;
        const qsizetype open = list.indexOf(u'(', i);
        if (open < 0)
            return false;
        const qsizetype close = list.indexOf(u')', open);
        if (close < 0)
            return false;
        const QStringView spec = list.sliced(i, open - i).trimmed();
        if (spec.isEmpty() || spec.contains(u' ') || spec.contains(u','))
            return false;
        QList<QStringView> versions = list.sliced(open + 1, close - open - 1).split(u',');
        for (QStringView &v : versions)
            v = v.trimmed();
        bool automatic = false;
        if (versions.size() > 1 && versions.last() == u"automatic") {
            automatic = true;
            versions.removeLast();
        }
        if (versions.isEmpty() || versions.size() > 2)
            return false;
        for (const QStringView v : versions) {
            if (v.isEmpty() || v.contains(u' '))
                return false;
        }
        item(spec, versions, automatic);
        i = close + 1;
        if (i < n && list[i] != u',')
            return false;
    }
}

// The program a Commandline ran ("apt-get", "unattended-upgrade" …), for Event::image.
QString programOf(const QString &commandLine)
{
    const QStringView trimmed = QStringView(commandLine).trimmed();
    const qsizetype space = trimmed.indexOf(u' ');
    const QStringView first = space < 0 ? trimmed : trimmed.left(space);
    const qsizetype slash = first.lastIndexOf(u'/');
    return (slash < 0 ? first : first.mid(slash + 1)).toString();
}

struct AptTransaction
{
    bool open = false;
    qint64 startPos = -1; // the Start-Date line
    qint64 segmentPos = -1; // first line of the raw record being collected
    std::optional<qint64> startUs;
    std::optional<qint64> endUs;
    QString commandLine;
    QString user;
    QString error;
    bool errorTruncated = false;
    QByteArray raw;
    QList<AptPackage> packages;
    bool split = false; // hit the memory bounds: stored as several raw records
};

// ---- yum.log and dnf logs ----------------------------------------------------------

struct RpmVerb
{
    const char16_t *word;
    const char *action;
    // The "-ed" side of an upgrade, downgrade, reinstall or obsoletion names the
    // version that was replaced, not the one that is now installed.
    bool replaced;
};

// yum writes Installed/Updated/Erased/Obsoleted; dnf's FILE_ACTIONS add the
// transaction-element words (Upgrade/Upgraded, Erase, Reinstall(ed), Downgrade(d),
// Obsolete). "Cleanup", "Verified", "Running scriptlet", "Preparing" are progress, not
// package changes, and are not listed.
constexpr RpmVerb RpmVerbs[] = {
    {u"Installed", "install", false},
    {u"Updated", "upgrade", false},
    {u"Upgrade", "upgrade", false},
    {u"Upgraded", "upgrade", true},
    {u"Erased", "remove", false},
    {u"Erase", "remove", false},
    {u"Obsolete", "obsolete", false},
    {u"Obsoleted", "obsolete", true},
    {u"Reinstall", "reinstall", false},
    {u"Reinstalled", "reinstall", true},
    {u"Downgrade", "downgrade", false},
    {u"Downgraded", "downgrade", true},
};

const RpmVerb *findRpmVerb(QStringView word)
{
    for (const RpmVerb &v : RpmVerbs) {
        if (word == QStringView(v.word))
            return &v;
    }
    return nullptr;
}

// "Verb: payload" where Verb is one of RpmVerbs.
const RpmVerb *splitRpmAction(QStringView message, QStringView &payload)
{
    const qsizetype colon = message.indexOf(u':');
    if (colon <= 0 || colon + 1 >= message.size() || message[colon + 1] != u' ')
        return nullptr;
    const RpmVerb *verb = findRpmVerb(message.left(colon));
    if (verb)
        payload = message.mid(colon + 2).trimmed();
    return verb;
}

bool isArchToken(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (!(c.unicode() < 128 && (c.isLetterOrNumber() || c == u'_')))
            return false;
    }
    return true;
}

bool allDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

struct Nevra
{
    QString name;
    QString arch;
    QString version; // [epoch:]version-release, like dpkg's and apt's versions
};

// yum puts a non-zero epoch in front of the name ("1:openssl-libs-1.0.2k-19.el7.x86_64"),
// dnf in front of the version ("vim-minimal-2:8.2.2607-1.fc33.x86_64"). Older yum logs
// an erase with the bare name ("Erased: redhat-access-insights-batch"): a string that
// does not end in "-version-release" is taken as a name without version.
Nevra parseNevra(QStringView text)
{
    Nevra r;
    QStringView rest = text.trimmed();
    QStringView epoch;
    const qsizetype colon = rest.indexOf(u':');
    if (colon > 0 && allDigits(rest.left(colon))) {
        epoch = rest.left(colon);
        rest = rest.mid(colon + 1);
    }
    const qsizetype relDash = rest.lastIndexOf(u'-');
    const qsizetype verDash = relDash > 0 ? rest.lastIndexOf(u'-', relDash - 1) : -1;
    if (verDash <= 0) {
        r.name = text.trimmed().toString();
        return r;
    }
    QStringView version = rest.sliced(verDash + 1, relDash - verDash - 1);
    QStringView release = rest.mid(relDash + 1);
    const qsizetype versionColon = version.indexOf(u':');
    if (versionColon >= 0) {
        if (!epoch.isEmpty() || !allDigits(version.left(versionColon))) {
            r.name = text.trimmed().toString();
            return r;
        }
        epoch = version.left(versionColon);
        version = version.mid(versionColon + 1);
    }
    if (version.isEmpty() || !version.front().isDigit() || release.isEmpty()) {
        r.name = text.trimmed().toString();
        return r;
    }
    const qsizetype dot = release.lastIndexOf(u'.');
    if (dot > 0 && isArchToken(release.mid(dot + 1))) {
        r.arch = release.mid(dot + 1).toString();
        release = release.left(dot);
    }
    r.name = rest.left(verDash).toString();
    r.version
        = (epoch.isEmpty() ? QString() : epoch.toString() + u':') + version.toString() + u'-' + release.toString();
    return r;
}

struct YumStamp
{
    int month = 0;
    int day = 0;
    QTime time;
    qsizetype end = 0; // index of the space after the stamp
};

int monthNumber(QByteArrayView abbreviation)
{
    static const char *const months[]
        = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int i = 0; i < 12; ++i) {
        if (abbreviation == QByteArrayView(months[i]))
            return i + 1;
    }
    return 0;
}

// yum's logging format "%b %d %H:%M:%S" (C locale): "Feb 05 10:00:44". A space-padded
// or unpadded day (syslog style) is accepted too.
std::optional<YumStamp> parseYumStamp(QByteArrayView line)
{
    if (line.size() < 15 || line[3] != ' ')
        return std::nullopt;
    YumStamp s;
    s.month = monthNumber(line.first(3));
    if (s.month == 0)
        return std::nullopt;
    qsizetype at = 4;
    if (line[at] == ' ')
        ++at;
    const int twoDigits = decimalField(line, at, 2);
    if (twoDigits >= 0) {
        s.day = twoDigits;
        at += 2;
    } else {
        s.day = decimalField(line, at, 1);
        at += 1;
    }
    if (s.day < 1 || s.day > 31 || at + 9 > line.size() || line[at] != ' ')
        return std::nullopt;
    s.time = parseTime(line, at + 1);
    if (!s.time.isValid())
        return std::nullopt;
    s.end = at + 9;
    if (s.end < line.size() && line[s.end] != ' ')
        return std::nullopt;
    return s;
}

bool isYumLine(QByteArrayView line)
{
    const auto stamp = parseYumStamp(line);
    if (!stamp || stamp->end >= line.size())
        return false;
    const QString message = QString::fromUtf8(line.sliced(stamp->end + 1));
    QStringView payload;
    const RpmVerb *verb = splitRpmAction(message, payload);
    // Only the words yum itself writes: a dnf-style "Upgrade:" after a syslog stamp is
    // not a yum.log.
    if (!verb || payload.isEmpty())
        return false;
    const QStringView word(verb->word);
    return word == u"Installed" || word == u"Updated" || word == u"Erased" || word == u"Obsoleted";
}

// "YYYY-MM-DDTHH:MM:SS" + "Z" | "+HH" | "+HHMM" | "+HH:MM" (dnf has written all of
// these over the years). Returns UTC microseconds and the index after the offset.
std::optional<qint64> parseDnfStamp(QByteArrayView line, qsizetype &end)
{
    if (line.size() < 20 || line[10] != 'T')
        return std::nullopt;
    const QDate date = parseDate(line, 0);
    const QTime time = parseTime(line, 11);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    qsizetype at = 19;
    int offsetSeconds = 0;
    if (line[at] == 'Z') {
        ++at;
    } else if (line[at] == '+' || line[at] == '-') {
        const int sign = line[at] == '-' ? -1 : 1;
        const int hours = decimalField(line, at + 1, 2);
        if (hours < 0 || hours > 18)
            return std::nullopt;
        at += 3;
        int minutes = 0;
        if (at < line.size() && line[at] == ':')
            ++at;
        if (const int m = decimalField(line, at, 2); m >= 0) {
            if (m > 59)
                return std::nullopt;
            minutes = m;
            at += 2;
        }
        offsetSeconds = sign * (hours * 3600 + minutes * 60);
    } else {
        return std::nullopt;
    }
    end = at;
    const qint64 utcMs = QDateTime(date, time, QTimeZone::utc()).toMSecsSinceEpoch() - qint64(offsetSeconds) * 1000;
    return utcMs * 1000;
}

// The levels dnf's logging module writes (logging's own plus dnf's SUBDEBUG, DDEBUG
// and TRACE).
bool isDnfLevel(QByteArrayView word)
{
    static const char *const levels[]
        = {"CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG", "DDEBUG", "SUBDEBUG", "TRACE"};
    for (const char *level : levels) {
        if (word == QByteArrayView(level))
            return true;
    }
    return false;
}

struct DnfLine
{
    qint64 timeUs = 0;
    QByteArrayView level;
    QByteArrayView message;
};

std::optional<DnfLine> parseDnfLine(QByteArrayView line)
{
    qsizetype at = 0;
    const auto time = parseDnfStamp(line, at);
    if (!time || at >= line.size() || line[at] != ' ')
        return std::nullopt;
    ++at;
    qsizetype space = line.indexOf(' ', at);
    if (space < 0)
        space = line.size();
    DnfLine d;
    d.timeUs = *time;
    d.level = line.sliced(at, space - at);
    if (!isDnfLevel(d.level))
        return std::nullopt;
    d.message = space < line.size() ? line.sliced(space + 1) : QByteArrayView();
    return d;
}

const QByteArrayView DnfLogMarker("--- logging initialized ---");

bool isDnfPackageLine(const DnfLine &d)
{
    QStringView payload;
    const QString message = QString::fromUtf8(d.message);
    return splitRpmAction(message, payload) && !payload.isEmpty();
}

// Lines of a multi-line dnf.log message carry no stamp; they are text, not junk.
bool isPlainText(QByteArrayView line)
{
    for (const char c : line) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\r') || u == 0x7f)
            return false;
    }
    return !QString::fromUtf8(line).contains(QChar::ReplacementCharacter);
}

// yum.log has no year. The rule: the last entry was written at or before the file's
// last modification (logrotate and copies keep mtime), so its year is the year of the
// mtime, or the year before when its month/day lies after the mtime's date. Every
// place where the month goes backwards between two entries is a new year, so the
// first entry's year is that year minus the rollovers. Counting rollovers needs one
// pass over the file before the real one; yum logs are small. Without a readable
// mtime the import date stands in for it.
struct YumYears
{
    int firstYear = 0;
    QString source;
};

YumYears planYumYears(const QString &path, const ReaderContext &context)
{
    int rollovers = 0;
    int previousMonth = 0;
    int lastMonth = 0;
    int lastDay = 0;
    InputFile scan;
    if (!path.isEmpty() && scan.open(path)) {
        QByteArrayView line;
        qint64 pos = 0;
        qint64 n = 0;
        for (;;) {
            if (n++ % TextLineCancelPoll == 0 && context.cancelled())
                break;
            const InputFile::LineStatus status = scan.nextLine(line, pos);
            if (status == InputFile::LineStatus::End)
                break;
            if (status != InputFile::LineStatus::Ok)
                continue;
            const auto stamp = parseYumStamp(line);
            if (!stamp)
                continue;
            if (previousMonth != 0 && stamp->month < previousMonth)
                ++rollovers;
            previousMonth = lastMonth = stamp->month;
            lastDay = stamp->day;
        }
    }
    const QTimeZone zone = context.timeZone.isValid() ? context.timeZone : QTimeZone::utc();
    const QFileInfo info(path);
    QDateTime reference;
    YumYears years;
    if (!path.isEmpty() && info.exists() && info.lastModified().isValid()) {
        reference = info.lastModified();
        years.source = QStringLiteral("file_mtime");
    } else {
        reference = QDateTime::currentDateTimeUtc();
        years.source = QStringLiteral("import_time");
    }
    const QDate referenceDate = reference.toTimeZone(zone).date();
    int lastYear = referenceDate.year();
    if (lastMonth != 0) {
        // Feb 29 of a year that has none: compare as Feb 28, close enough to decide.
        QDate candidate(lastYear, lastMonth, lastDay);
        if (!candidate.isValid())
            candidate = QDate(lastYear, lastMonth, 28);
        // A day of slack for clock skew and zone differences around midnight.
        if (candidate > referenceDate.addDays(1))
            --lastYear;
    }
    years.firstYear = lastYear - rollovers;
    return years;
}

// For the probe: trims the NUL bytes a crash leaves around (and in place of) lines,
// and says whether what is left is text. Lines with other control bytes are binary
// damage: the probe ignores them instead of counting them against a format.
bool probeTextLine(QByteArrayView &line)
{
    while (!line.isEmpty() && line.front() == '\0')
        line = line.sliced(1);
    while (!line.isEmpty() && (line.back() == '\0' || line.back() == '\r'))
        line.chop(1);
    for (const char c : line) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

// "Key: value" or "Key:" as apt history writes its lines (any key: later apt versions
// add some).
bool isAptKeyLine(QByteArrayView line)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !((line[0] >= 'a' && line[0] <= 'z') || (line[0] >= 'A' && line[0] <= 'Z')))
        return false;
    for (qsizetype i = 0; i < colon; ++i) {
        const char c = line[i];
        if (!(c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return false;
    }
    return colon + 1 == line.size() || line[colon + 1] == ' ' || line[colon + 1] == '\t';
}

} // namespace

PackageLogReader::PackageLogReader(LogFormat format)
    : m_format(format)
{
}

LogFormat PackageLogReader::probe(QByteArrayView head)
{
    // Every line of the head counts, and the format that most of them have wins: a
    // file whose start was damaged (a NUL block left by a crash, a few cut or binary
    // lines) is still recognised by the records after the damage, and one matching line
    // among prose is not enough. A dnf log additionally needs a package line or dnf's
    // logging marker somewhere in the head, because "ISO stamp + INFO" alone is the
    // default layout of countless Python programs; the unstamped lines of its
    // multi-line messages count for it, not against it.
    int lines = 0;
    int dpkg = 0;
    int apt = 0;
    int aptStarts = 0;
    int yum = 0;
    int dnf = 0;
    int dnfContinuations = 0;
    bool dnfTraits = false;
    qsizetype at = 0;
    while (at < head.size()) {
        qsizetype nl = head.indexOf('\n', at);
        if (nl < 0)
            nl = head.size();
        QByteArrayView line = head.sliced(at, nl - at);
        at = nl + 1;
        if (!probeTextLine(line) || isBlankLine(line))
            continue;
        ++lines;
        if (isDpkgLine(line)) {
            ++dpkg;
        } else if (isAptStart(line)) {
            ++apt;
            ++aptStarts;
        } else if (isAptKeyLine(line)) {
            ++apt;
        } else if (isYumLine(line)) {
            ++yum;
        } else if (const auto d = parseDnfLine(line)) {
            ++dnf;
            dnfTraits = dnfTraits || d->message.contains(DnfLogMarker) || isDnfPackageLine(*d);
        } else if (dnf > 0) {
            ++dnfContinuations;
        }
    }
    const auto majority = [lines](int matching, int neutral) {
        return matching > 0 && 2 * qint64(matching) >= qint64(lines) - neutral;
    };
    if (majority(dpkg, 0))
        return LogFormat::DpkgLog;
    if (aptStarts > 0 && majority(apt, 0))
        return LogFormat::AptHistory;
    if (majority(yum, 0))
        return LogFormat::YumLog;
    if (dnfTraits && majority(dnf, dnfContinuations))
        return LogFormat::DnfLog;
    return LogFormat::Unknown;
}

void PackageLogReader::read(InputFile &input, const ReaderContext &context, ImportSink &sink)
{
    switch (m_format) {
    case LogFormat::DpkgLog:
        readDpkg(input, context, sink);
        return;
    case LogFormat::AptHistory:
        readApt(input, context, sink);
        return;
    case LogFormat::YumLog:
    case LogFormat::DnfLog:
        readRpmLog(input, context, sink);
        return;
    default: // the registry hands this reader only the formats above
        break;
    }
    sink.recordError(-1, Text::tr("package log reader used for a format it does not read"));
}

void PackageLogReader::readDpkg(InputFile &input, const ReaderContext &context, ImportSink &sink)
{
    const QString manager = QStringLiteral("dpkg");
    LocalClock clock(context.timeZone);
    forEachTextLine(input, context, sink, tooLongLine(), [&](QByteArrayView line, qint64 pos) {
        // "YYYY-MM-DD HH:MM:SS <type> <fields…>", single spaces (dpkg's log_message()).
        if (line.size() < 21 || line[10] != ' ' || line[19] != ' ') {
            sink.recordError(pos, Text::tr("dpkg.log: not a dpkg.log line (expected 'YYYY-MM-DD HH:MM:SS type …')"));
            return;
        }
        const auto time = clock.utcUs(parseDate(line, 0), parseTime(line, 11));
        if (!time) {
            sink.recordError(pos, Text::tr("dpkg.log: invalid date or time"));
            return;
        }
        const QString text = QString::fromUtf8(line.sliced(20));
        const QList<QStringView> f = QStringView(text).split(u' ', Qt::SkipEmptyParts);
        if (f.isEmpty() || !isLowerWord(f.first())) {
            sink.recordError(pos, Text::tr("dpkg.log: no line type after the time stamp"));
            return;
        }
        const QStringView type = f.first();
        Event e = baseEvent(context, EventKind::LogMessage, *time, pos);
        e.image = manager;
        QJsonObject d;
        d.insert(QStringLiteral("manager"), manager);
        d.insert(QStringLiteral("dpkg_line"), type.toString());
        auto package = [&](QStringView spec) {
            QString name;
            QString arch;
            splitArch(spec, name, arch);
            e.targetPath = name;
            put(d, QStringLiteral("package"), name);
            put(d, QStringLiteral("arch"), arch);
        };
        auto malformed = [&](const char *shape) {
            sink.recordError(
                pos, Text::tr("dpkg.log: malformed '%1' line (expected '%2')").arg(type, QLatin1String(shape)));
        };

        if (type == u"install" || type == u"upgrade" || type == u"remove" || type == u"purge") {
            // dpkg logs "<action> <pkg> <installed version> <available version>".
            if (f.size() != 4)
                return malformed("action package version version");
            e.kind = EventKind::PackageInstall;
            package(f[1]);
            d.insert(QStringLiteral("action"), type.toString());
            if (type == u"install" || type == u"upgrade") {
                d.insert(QStringLiteral("version"), f[3].toString());
                d.insert(QStringLiteral("old_version"), f[2].toString());
            } else {
                d.insert(QStringLiteral("version"), (f[2] != NoneVersion ? f[2] : f[3]).toString());
            }
        } else if (type == u"status") {
            if (f.size() != 4)
                return malformed("status state package version");
            d.insert(QStringLiteral("state"), f[1].toString());
            package(f[2]);
            d.insert(QStringLiteral("version"), f[3].toString());
        } else if (type == u"configure" || type == u"trigproc") {
            if (f.size() != 4)
                return malformed("type package version version");
            package(f[1]);
            d.insert(QStringLiteral("version"), (f[2] != NoneVersion ? f[2] : f[3]).toString());
        } else if (type == u"conffile") {
            if (f.size() < 3)
                return malformed("conffile path decision");
            // The path may contain spaces; the decision (keep / install) is the last word.
            const QStringView rest = QStringView(text).mid(text.indexOf(u' ') + 1).trimmed();
            const qsizetype split = rest.lastIndexOf(u' ');
            e.targetPath = rest.left(split).trimmed().toString();
            d.insert(QStringLiteral("conffile"), e.targetPath);
            d.insert(QStringLiteral("decision"), rest.mid(split + 1).toString());
        } else if (type == u"startup") {
            if (f.size() != 3)
                return malformed("startup phase command");
            d.insert(QStringLiteral("phase"), f[1].toString());
            d.insert(QStringLiteral("command"), f[2].toString());
        } else {
            // A line type this reader does not know (a later dpkg): kept visible as is.
            d.insert(QStringLiteral("message"), text);
        }
        e.details = d;
        sink.addEvent(e, sink.addRaw(line.toByteArray()));
    });
}

void PackageLogReader::readApt(InputFile &input, const ReaderContext &context, ImportSink &sink)
{
    const QString manager = QStringLiteral("apt");
    LocalClock clock(context.timeZone);
    AptTransaction t;

    // Stores the raw lines collected so far and the events of the packages they list.
    // A piece that lists no package (a transaction that failed early, the tail of a
    // split one) becomes a log message, so that every line is stored.
    auto emitSegment = [&](bool complete) {
        const std::optional<qint64> when = t.startUs ? t.startUs : t.endUs;
        if (!when) {
            if (!t.packages.isEmpty())
                sink.recordError(t.startPos,
                    Text::tr("apt history: transaction without a readable Start-Date or End-Date; its %1 package(s) "
                             "are not imported")
                        .arg(t.packages.size()));
            t.packages.clear();
            t.raw.clear();
            return;
        }
        const qint64 rawId = sink.addRaw(t.raw);
        Event base = baseEvent(context, EventKind::PackageInstall, *when, t.segmentPos);
        base.image = t.commandLine.isEmpty() ? manager : programOf(t.commandLine);
        base.commandLine = t.commandLine;
        base.user = t.user;
        QJsonObject common;
        common.insert(QStringLiteral("manager"), manager);
        if (t.startUs)
            common.insert(QStringLiteral("transaction_start"), formatTimeUs(*t.startUs));
        if (t.endUs && complete)
            common.insert(QStringLiteral("transaction_end"), formatTimeUs(*t.endUs));
        put(common, QStringLiteral("error"), t.error);
        if (t.errorTruncated)
            common.insert(QStringLiteral("error_truncated"), true);
        if (t.split)
            common.insert(QStringLiteral("transaction_split"), true);

        if (t.packages.isEmpty()) {
            // A transaction that lists no package (it failed early): still evidence
            // that apt ran, with its command line and error.
            Event e = base;
            e.kind = EventKind::LogMessage;
            e.details = common;
            sink.addEvent(e, rawId);
        }
        for (const AptPackage &p : std::as_const(t.packages)) {
            Event e = base;
            e.targetPath = p.name;
            QJsonObject d = common;
            d.insert(QStringLiteral("action"), p.action);
            d.insert(QStringLiteral("package"), p.name);
            put(d, QStringLiteral("arch"), p.arch);
            put(d, QStringLiteral("version"), p.version);
            put(d, QStringLiteral("old_version"), p.oldVersion);
            d.insert(QStringLiteral("automatic"), p.automatic);
            e.details = d;
            sink.addEvent(e, rawId);
        }
        t.packages.clear();
        t.raw.clear();
    };
    auto finish = [&](bool complete) {
        if (!complete)
            sink.recordError(t.startPos,
                Text::tr("apt history: transaction without End-Date (the file ends or another Start-Date follows)"));
        emitSegment(complete);
        t = AptTransaction();
    };
    auto appendRaw = [&](QByteArrayView line) {
        if (!t.raw.isEmpty())
            t.raw.append('\n');
        t.raw.append(line);
    };
    auto splitHere = [&](qint64 pos) {
        if (!t.split) {
            sink.recordError(t.startPos,
                Text::tr("apt history: transaction larger than %1 packages or %2 bytes, stored as several raw records")
                    .arg(MaxAptBlockPackages)
                    .arg(MaxAptBlockBytes));
            t.split = true;
        }
        emitSegment(false);
        t.segmentPos = pos;
    };
    // Appends in place: joining by building a new string per line was quadratic in
    // the number of Error: lines.
    auto appendError = [&](QStringView value) {
        if (t.errorTruncated)
            return;
        const qsizetype separator = t.error.isEmpty() ? 0 : 1;
        qsizetype room = MaxAptErrorChars - t.error.size() - separator;
        if (value.size() > room) {
            t.errorTruncated = true;
            // Never cut a surrogate pair in half.
            if (room > 0 && value[room - 1].isHighSurrogate())
                --room;
            if (room <= 0)
                return;
            value = value.left(room);
        }
        if (separator)
            t.error += u'\n';
        t.error += value;
    };
    auto stamp = [&](QStringView value) -> std::optional<qint64> {
        const auto s = parseAptStamp(value.toLatin1());
        return s ? clock.utcUs(s->first, s->second) : std::nullopt;
    };

    forEachTextLine(input, context, sink, tooLongLine(), [&](QByteArrayView line, qint64 pos) {
        const QString text = QString::fromUtf8(line);
        const qsizetype colon = text.indexOf(u':');
        const QStringView key = colon > 0 ? QStringView(text).left(colon) : QStringView();
        const bool keyed
            = isAptKey(key) && (colon + 1 == text.size() || text[colon + 1] == u' ' || text[colon + 1] == u'\t');
        const QStringView value = keyed ? QStringView(text).mid(colon + 1).trimmed() : QStringView();

        if (keyed && key == u"Start-Date") {
            if (t.open)
                finish(false);
            t.open = true;
            t.startPos = t.segmentPos = pos;
            t.startUs = stamp(value);
            if (!t.startUs)
                sink.recordError(pos, Text::tr("apt history: unreadable Start-Date '%1'").arg(value));
            appendRaw(line);
            return;
        }
        if (!t.open) {
            sink.recordError(pos,
                keyed ? Text::tr("apt history: '%1' line outside a transaction (no Start-Date before it)").arg(key)
                      : Text::tr("apt history: not a history.log line"));
            return;
        }
        // The bound holds for every transaction, also for one that lists no package
        // (thousands of Error: or unknown lines): that one is stored in pieces too.
        if (!t.raw.isEmpty() && t.raw.size() + line.size() + 1 > MaxAptBlockBytes)
            splitHere(pos);
        appendRaw(line);
        if (!keyed) {
            sink.recordError(pos, Text::tr("apt history: unreadable line inside a transaction"));
            return;
        }
        if (key == u"Commandline") {
            t.commandLine = value.toString();
        } else if (key == u"Requested-By") {
            t.user = value.toString();
        } else if (key == u"Error") {
            appendError(value);
        } else if (key == u"End-Date") {
            t.endUs = stamp(value);
            if (!t.endUs)
                sink.recordError(pos, Text::tr("apt history: unreadable End-Date '%1'").arg(value));
            finish(true);
        } else if (const QString action = aptAction(key); !action.isEmpty()) {
            const bool ok
                = forEachAptItem(value, [&](QStringView spec, const QList<QStringView> &versions, bool automatic) {
                      if (t.packages.size() >= MaxAptBlockPackages) {
                          splitHere(pos);
                          // The rest of this line belongs to the next raw record as well.
                          appendRaw(line);
                      }
                      AptPackage p;
                      p.action = action;
                      splitArch(spec, p.name, p.arch);
                      p.automatic = automatic;
                      if (versions.size() == 2) {
                          p.oldVersion = versions[0].toString();
                          p.version = versions[1].toString();
                      } else {
                          p.version = versions[0].toString();
                      }
                      t.packages.append(p);
                  });
            if (!ok)
                sink.recordError(pos, Text::tr("apt history: unreadable package list in '%1' line").arg(key));
        }
        // Any other "Key: value" line (a field a later apt adds) stays in the raw record.
    });
    if (t.open && !context.cancelled())
        finish(false);
}

void PackageLogReader::readRpmLog(InputFile &input, const ReaderContext &context, ImportSink &sink)
{
    const bool yum = m_format == LogFormat::YumLog;
    const QString manager = yum ? QStringLiteral("yum") : QStringLiteral("dnf");
    LocalClock clock(context.timeZone);
    YumYears years;
    if (yum)
        years = planYumYears(input.path(), context);
    int year = years.firstYear;
    int previousMonth = 0;
    QString dnfCommand; // dnf.log names the command of a run ("DDEBUG Command: dnf install …")

    forEachTextLine(input, context, sink, tooLongLine(), [&](QByteArrayView line, qint64 pos) {
        qint64 timeUs = 0;
        QByteArrayView message;
        if (yum) {
            const auto s = parseYumStamp(line);
            if (s) {
                // Same rollover rule as planYumYears(), stamp for stamp.
                if (previousMonth != 0 && s->month < previousMonth)
                    ++year;
                previousMonth = s->month;
            }
            if (!s || s->end >= line.size()) {
                sink.recordError(
                    pos, Text::tr("yum.log: not a yum.log line (expected 'Mon DD HH:MM:SS Action: package')"));
                return;
            }
            const auto time = clock.utcUs(QDate(year, s->month, s->day), s->time);
            if (!time) {
                sink.recordError(pos, Text::tr("yum.log: no such day in the assumed year %1").arg(year));
                return;
            }
            timeUs = *time;
            message = line.sliced(s->end + 1);
        } else {
            const auto d = parseDnfLine(line);
            if (!d) {
                // dnf.log writes multi-line messages; their later lines carry no stamp.
                if (!isPlainText(line))
                    sink.recordError(pos, Text::tr("dnf log: unreadable line (binary data or invalid UTF-8)"));
                return;
            }
            timeUs = d->timeUs;
            message = d->message;
            // Every dnf run starts with the marker; a run that logs no command must not
            // inherit the previous run's.
            if (message.contains(DnfLogMarker)) {
                dnfCommand.clear();
                return;
            }
            static constexpr QByteArrayView CommandKey("Command: ");
            if (message.startsWith(CommandKey)) {
                dnfCommand = QString::fromUtf8(message.sliced(CommandKey.size())).trimmed();
                return;
            }
        }
        const QString text = QString::fromUtf8(message);
        QStringView payload;
        const RpmVerb *verb = splitRpmAction(text, payload);
        if (!verb || payload.isEmpty()) {
            // Every yum.log line is a package line; dnf logs much else besides.
            if (yum)
                sink.recordError(pos, Text::tr("yum.log: unknown action in '%1'").arg(text.left(80)));
            return;
        }
        const Nevra p = parseNevra(payload);
        Event e = baseEvent(context, EventKind::PackageInstall, timeUs, pos);
        e.image = manager;
        e.commandLine = yum ? QString() : dnfCommand;
        e.targetPath = p.name;
        QJsonObject d;
        d.insert(QStringLiteral("manager"), manager);
        d.insert(QStringLiteral("action"), QString::fromLatin1(verb->action));
        d.insert(QStringLiteral("log_action"), QString::fromUtf16(verb->word));
        d.insert(QStringLiteral("package"), p.name);
        put(d, QStringLiteral("arch"), p.arch);
        if (verb->replaced) {
            put(d, QStringLiteral("old_version"), p.version);
            d.insert(QStringLiteral("replaced"), true);
        } else {
            put(d, QStringLiteral("version"), p.version);
        }
        if (yum) {
            d.insert(QStringLiteral("year_assumed"), true);
            d.insert(QStringLiteral("year_source"), years.source);
        }
        e.details = d;
        sink.addEvent(e, sink.addRaw(line.toByteArray()));
    });
}

} // namespace Chainscope
