#include "policy.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

namespace Chainscope {

namespace {

const QString KeyTimeWindow = QStringLiteral("TimeWindow");
const QString KeyApprovedUpdateHosts = QStringLiteral("ApprovedUpdateHosts");
const QString KeyApprovedSigners = QStringLiteral("ApprovedSigners");
const QString KeyProgramPaths = QStringLiteral("ProgramPaths");
const QString KeyPathScope = QStringLiteral("PathScope");
const QString KeyApprovedRepos = QStringLiteral("ApprovedRepos");
const QString KeyAllowedTeamIds = QStringLiteral("AllowedTeamIDs");
const QString KeyBrewTaps = QStringLiteral("BrewTapsAllowList");
const QString KeyMacProgramPaths = QStringLiteral("ProgramPathsMacOS");
const QString KeyLinuxInstallers = QStringLiteral("LinuxInstallers");
const QString KeyWindowsInstallers = QStringLiteral("WindowsInstallers");
const QString KeyMacInstallers = QStringLiteral("MacInstallers");
const QString KeyStagingPaths = QStringLiteral("StagingPaths");
const QString KeyVersion = QStringLiteral("version");

// One translation context for the whole file, declared where lupdate sees it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Chainscope::Policy)
};

// Glob to an anchored regular expression: '*' and '?' stay inside one path
// segment, '**' crosses segments. The match may continue below the matched
// directory, because a monitored path covers everything under it.
QRegularExpression globToRegex(const QString &glob, Qt::CaseSensitivity cs)
{
    QString rx;
    rx.reserve(glob.size() * 2);
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == u'*') {
            if (i + 1 < glob.size() && glob.at(i + 1) == u'*') {
                rx += QStringLiteral(".*");
                ++i;
            } else {
                rx += QStringLiteral("[^/]*");
            }
        } else if (c == u'?') {
            rx += QStringLiteral("[^/]");
        } else {
            rx += QRegularExpression::escape(QString(c));
        }
    }
    QRegularExpression::PatternOptions options = QRegularExpression::NoPatternOption;
    if (cs == Qt::CaseInsensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    return QRegularExpression(QStringLiteral("^%1(/.*)?$").arg(rx), options);
}

QString normalizePath(QString path, Platform platform)
{
    if (platform == Platform::Windows)
        path.replace(u'\\', u'/');
    // "//usr/local/bin/x" and "/tmp/../usr/local/bin/x" are /usr/local/bin/x: a
    // dropper must not slip past the scope by spelling the path differently.
    // (Globs survive: cleanPath leaves '*' and '?' alone.)
    if (path.startsWith(u'/') || (path.size() > 2 && path.at(1) == u':'))
        path = QDir::cleanPath(path);
    while (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);
    return path;
}

// Windows environment variables that name per-user or system locations; a user's
// variable stands for that location of every user.
QString expandWindowsVariables(QString path)
{
    static const QList<QPair<QString, QString>> variables = {
        {QStringLiteral("%LOCALAPPDATA%"), QStringLiteral("C:/Users/*/AppData/Local")},
        {QStringLiteral("%APPDATA%"), QStringLiteral("C:/Users/*/AppData/Roaming")},
        {QStringLiteral("%USERPROFILE%"), QStringLiteral("C:/Users/*")},
        {QStringLiteral("%PROGRAMFILES%"), QStringLiteral("C:/Program Files")},
        {QStringLiteral("%PROGRAMFILES(X86)%"), QStringLiteral("C:/Program Files (x86)")},
        {QStringLiteral("%PROGRAMDATA%"), QStringLiteral("C:/ProgramData")},
        {QStringLiteral("%SYSTEMROOT%"), QStringLiteral("C:/Windows")},
        {QStringLiteral("%WINDIR%"), QStringLiteral("C:/Windows")},
    };
    for (const auto &[name, value] : variables)
        path.replace(name, value, Qt::CaseInsensitive);
    return path;
}

// Installer names are globs on a file name ("setup*.exe").
QList<QRegularExpression> compileNameGlobs(const QStringList &globs, Qt::CaseSensitivity cs)
{
    QList<QRegularExpression> result;
    for (const QString &g : globs) {
        result.append(
            QRegularExpression(QRegularExpression::anchoredPattern(QRegularExpression::wildcardToRegularExpression(
                                   g, QRegularExpression::UnanchoredWildcardConversion)),
                cs == Qt::CaseInsensitive ? QRegularExpression::CaseInsensitiveOption
                                          : QRegularExpression::NoPatternOption));
    }
    return result;
}

// Installers written in a scripting language run as "python3 -m pip" or "node
// npm-cli.js install": for these the script, not the interpreter, is the installer.
bool isInterpreter(const QString &fileName)
{
    static const QRegularExpression rx(QStringLiteral("^(python[0-9.]*|perl[0-9.]*|ruby[0-9.]*|node)(\\.exe)?$"),
        QRegularExpression::CaseInsensitiveOption);
    return rx.match(fileName).hasMatch();
}

// A shell that runs a script file ("/bin/bash /opt/homebrew/bin/brew install x": an
// installer written as a shell script, as Homebrew's brew is, runs with the shell as
// its image). Only a script named as a file counts; "sh -c TEXT" runs no file.
bool isShell(const QString &fileName)
{
    static const QRegularExpression rx(QStringLiteral("^(sh|bash|dash|zsh|ksh)$"));
    return rx.match(fileName).hasMatch();
}

QStringList splitList(const QString &value)
{
    QStringList result;
    for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            result.append(trimmed);
    }
    return result;
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

std::optional<std::array<quint8, 16>> parseIpAddress(const QString &text)
{
    const QByteArray latin = text.trimmed().toLatin1();
    std::array<quint8, 16> bytes {};
    in_addr v4 {};
    if (inet_pton(AF_INET, latin.constData(), &v4) == 1) {
        bytes[10] = 0xff;
        bytes[11] = 0xff;
        std::memcpy(bytes.data() + 12, &v4, 4);
        return bytes;
    }
    in6_addr v6 {};
    if (inet_pton(AF_INET6, latin.constData(), &v6) == 1) {
        std::memcpy(bytes.data(), &v6, 16);
        return bytes;
    }
    return std::nullopt;
}

bool isLoopbackAddress(const QString &text)
{
    const auto a = parseIpAddress(text);
    if (!a)
        return false;
    static constexpr std::array<quint8, 16> v6Loopback {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    const bool mapped = std::all_of(a->begin(), a->begin() + 10, [](quint8 b) { return b == 0; }) && (*a)[10] == 0xff
        && (*a)[11] == 0xff;
    return *a == v6Loopback || (mapped && (*a)[12] == 127);
}

namespace {

// The one form in which host names are compared, by the patterns and by the policy's
// index alike, so the two can never disagree: case folded (not lower-cased: a Greek
// final sigma lower-cases to itself but folds like sigma, as case-insensitive
// comparison does), without the final dot of a fully qualified name ("host.example.")
// that logs, DNS queries above all, carry and allow-lists rarely do.
QString hostKey(QStringView host)
{
    QString key = host.toString().toCaseFolded();
    if (key.endsWith(u'.'))
        key.chop(1);
    return key;
}

} // namespace

std::optional<HostPattern> HostPattern::parse(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    HostPattern p;
    p.m_text = t;
    const qsizetype slash = t.indexOf(u'/');
    if (slash > 0) {
        const auto address = parseIpAddress(t.left(slash));
        bool ok = false;
        int prefix = t.mid(slash + 1).toInt(&ok);
        if (!address || !ok)
            return std::nullopt;
        const bool v4 = !t.left(slash).contains(u':');
        if (prefix < 0 || prefix > (v4 ? 32 : 128))
            return std::nullopt;
        if (v4)
            prefix += 96;
        p.m_kind = Kind::Cidr;
        p.m_network = *address;
        p.m_prefix = prefix;
        // Clear host bits so "192.0.2.7/24" means the whole /24.
        for (int bit = prefix; bit < 128; ++bit)
            p.m_network[size_t(bit / 8)] &= quint8(~(0x80 >> (bit % 8)));
        return p;
    }
    if (t.startsWith(QLatin1String("*."))) {
        p.m_kind = Kind::Suffix;
        p.m_value = t.mid(1).toCaseFolded(); // keeps the dot: ".example.com"
        return p;
    }
    if (t.contains(u'*') || t.contains(u' '))
        return std::nullopt;
    p.m_kind = Kind::Exact;
    // Exact IPs compare in canonical form ("2001:DB8::1" == "2001:db8:0::1").
    if (const auto address = parseIpAddress(t)) {
        p.m_kind = Kind::Cidr;
        p.m_network = *address;
        p.m_prefix = 128;
        return p;
    }
    p.m_value = hostKey(t);
    return p;
}

bool HostPattern::matches(const QString &host) const
{
    if (host.isEmpty())
        return false;
    switch (m_kind) {
    case Kind::Cidr: {
        const auto address = parseIpAddress(host);
        if (!address)
            return false;
        for (int bit = 0; bit < m_prefix; ++bit) {
            const quint8 mask = quint8(0x80 >> (bit % 8));
            if (((*address)[size_t(bit / 8)] & mask) != (m_network[size_t(bit / 8)] & mask))
                return false;
        }
        return true;
    }
    case Kind::Suffix:
    case Kind::Exact: {
        const QString h = hostKey(host);
        if (m_kind == Kind::Exact)
            return h == m_value;
        return h.endsWith(m_value) && h.size() > m_value.size();
    }
    }
    return false;
}

PathPattern::PathPattern(const QString &text, Platform platform)
    : m_text(text)
    , m_case(platform == Platform::Windows ? Qt::CaseInsensitive : Qt::CaseSensitive)
{
    QString t = text.trimmed();
    if (platform == Platform::Windows)
        t = expandWindowsVariables(t);
    t = normalizePath(t, platform);
    QStringList variants;
    if (t.startsWith(u'~')) {
        // "~" is any user's home: regular users and root.
        variants << QStringLiteral("/home/*") + t.mid(1) << QStringLiteral("/root") + t.mid(1);
        if (platform == Platform::MacOS)
            variants << QStringLiteral("/Users/*") + t.mid(1);
    } else {
        variants << t;
    }
    for (const QString &v : variants) {
        if (v.contains(u'*') || v.contains(u'?'))
            m_globs.append(globToRegex(v, m_case));
        else
            m_prefixes.append(v);
    }
}

bool PathPattern::matches(const QString &rawPath) const
{
    const QString path = normalizePath(rawPath, m_case == Qt::CaseInsensitive ? Platform::Windows : Platform::Linux);
    for (const QString &prefix : m_prefixes) {
        if (path.startsWith(prefix, m_case)
            && (path.size() == prefix.size() || path.at(prefix.size()) == u'/' || prefix.endsWith(u'/')))
            return true;
    }
    for (const QRegularExpression &glob : m_globs) {
        if (glob.match(path).hasMatch())
            return true;
    }
    return false;
}

const QStringList &Policy::fieldNames()
{
    static const QStringList names = {KeyTimeWindow, KeyApprovedUpdateHosts, KeyApprovedSigners, KeyProgramPaths,
        KeyPathScope, KeyApprovedRepos, KeyAllowedTeamIds, KeyBrewTaps, KeyMacProgramPaths, KeyLinuxInstallers,
        KeyWindowsInstallers, KeyMacInstallers, KeyStagingPaths};
    return names;
}

Policy Policy::defaults()
{
    // Defaults of spec/analytic.md. Allow-lists start empty: what is approved is the
    // organisation's decision, never ours (docs/policy.md has an example set).
    Policy p;
    p.timeWindowUs = qint64(90) * 60 * 1000000;
    p.programPaths = {QStringLiteral("C:\\Program Files"), QStringLiteral("C:\\Program Files (x86)"),
        QStringLiteral("C:\\ProgramData"), QStringLiteral("%LOCALAPPDATA%")};
    p.pathScope = {QStringLiteral("/usr/local"), QStringLiteral("/usr/bin"), QStringLiteral("/opt/*"),
        QStringLiteral("~/.local/bin"), QStringLiteral("/var/lib/systemd")};
    p.brewTapsAllowList = {QStringLiteral("homebrew/core"), QStringLiteral("homebrew/cask")};
    p.macProgramPaths = {QStringLiteral("/Applications"), QStringLiteral("/Library"), QStringLiteral("/usr/local"),
        QStringLiteral("/opt/homebrew")};
    // Installers and updaters by name (AN0862-AN0864 stage 1): the OS package managers,
    // the language package managers whose lifecycle scripts run at install time
    // (npm, yarn, pnpm, bun, pip, gem, cargo, go), and vendor updaters by their usual
    // names. "NAME SUBCOMMAND" entries need that first argument ("go install").
    p.linuxInstallers = {QStringLiteral("dpkg"), QStringLiteral("apt"), QStringLiteral("apt-get"),
        QStringLiteral("aptitude"), QStringLiteral("unattended-upgrade"), QStringLiteral("unattended-upgrades"),
        QStringLiteral("rpm"), QStringLiteral("dnf"), QStringLiteral("dnf-3"), QStringLiteral("yum"),
        QStringLiteral("zypper"), QStringLiteral("snap"), QStringLiteral("snapd"), QStringLiteral("flatpak"),
        QStringLiteral("*.AppImage"), QStringLiteral("appimaged"), QStringLiteral("pip"), QStringLiteral("pip3"),
        QStringLiteral("pip3.*"), QStringLiteral("pipx"), QStringLiteral("npm"), QStringLiteral("npm-cli.js"),
        QStringLiteral("npx-cli.js"), QStringLiteral("yarn"), QStringLiteral("yarn.js"), QStringLiteral("yarn*.cjs"),
        QStringLiteral("pnpm"), QStringLiteral("pnpm.cjs"), QStringLiteral("bun"), QStringLiteral("gem"),
        QStringLiteral("cargo install"), QStringLiteral("go install"), QStringLiteral("go get")};
    p.windowsInstallers = {QStringLiteral("msiexec.exe"), QStringLiteral("setup*.exe"), QStringLiteral("install*.exe"),
        QStringLiteral("*update*.exe"), QStringLiteral("*updater*.exe"), QStringLiteral("TrustedInstaller.exe"),
        QStringLiteral("TiWorker.exe"), QStringLiteral("wuauclt.exe"), QStringLiteral("usoclient.exe"),
        QStringLiteral("MoUsoCoreWorker.exe"), QStringLiteral("winget.exe"), QStringLiteral("choco.exe"),
        QStringLiteral("pip.exe"), QStringLiteral("pip3.exe"), QStringLiteral("npm-cli.js"),
        QStringLiteral("npx-cli.js"), QStringLiteral("yarn.js"), QStringLiteral("pnpm.cjs"), QStringLiteral("bun.exe"),
        QStringLiteral("gem.cmd"), QStringLiteral("cargo.exe install"), QStringLiteral("go.exe install")};
    p.macInstallers = {QStringLiteral("installer"), QStringLiteral("Installer"), QStringLiteral("softwareupdated"),
        QStringLiteral("softwareupdate"), QStringLiteral("system_installd"), QStringLiteral("package_script_service"),
        QStringLiteral("brew"), QStringLiteral("Autoupdate"), QStringLiteral("*Updater"), QStringLiteral("pip3"),
        QStringLiteral("npm-cli.js"), QStringLiteral("yarn.js"), QStringLiteral("pnpm.cjs"), QStringLiteral("bun"),
        QStringLiteral("gem")};
    p.stagingPaths = {QStringLiteral("C:\\Windows\\Installer"), QStringLiteral("C:\\Windows\\Temp"),
        QStringLiteral("%LOCALAPPDATA%\\Temp"), QStringLiteral("/tmp"), QStringLiteral("/var/tmp"),
        QStringLiteral("/dev/shm"), QStringLiteral("~/.cache"), QStringLiteral("~/.npm"),
        QStringLiteral("**/node_modules"), QStringLiteral("/private/tmp"), QStringLiteral("/private/var/folders")};
    p.compile();
    return p;
}

QJsonObject Policy::toJson() const
{
    QJsonObject o;
    o.insert(KeyTimeWindow, formatDuration(timeWindowUs));
    o.insert(KeyApprovedUpdateHosts, toArray(approvedUpdateHosts));
    o.insert(KeyApprovedSigners, toArray(approvedSigners));
    o.insert(KeyProgramPaths, toArray(programPaths));
    o.insert(KeyPathScope, toArray(pathScope));
    o.insert(KeyApprovedRepos, toArray(approvedRepos));
    o.insert(KeyAllowedTeamIds, toArray(allowedTeamIds));
    o.insert(KeyBrewTaps, toArray(brewTapsAllowList));
    o.insert(KeyMacProgramPaths, toArray(macProgramPaths));
    o.insert(KeyLinuxInstallers, toArray(linuxInstallers));
    o.insert(KeyWindowsInstallers, toArray(windowsInstallers));
    o.insert(KeyMacInstallers, toArray(macInstallers));
    o.insert(KeyStagingPaths, toArray(stagingPaths));
    if (version > 0)
        o.insert(KeyVersion, version);
    return o;
}

std::optional<Policy> Policy::fromJson(const QJsonObject &json, QString *error)
{
    // Fields missing from the file keep their defaults, so a site policy can list
    // only what it changes.
    Policy p = defaults();
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        if (key == KeyVersion) {
            p.version = it.value().toInt();
            continue;
        }
        if (!fieldNames().contains(key)) {
            if (error)
                *error = Text::tr("unknown policy field %1").arg(key);
            return std::nullopt;
        }
        QString text;
        if (it.value().isString()) {
            text = it.value().toString();
        } else if (it.value().isArray()) {
            QStringList items;
            for (const QJsonValue &v : it.value().toArray()) {
                if (!v.isString()) {
                    if (error)
                        *error = Text::tr("policy field %1: every entry must be a string").arg(key);
                    return std::nullopt;
                }
                items << v.toString();
            }
            if (key == KeyTimeWindow) {
                if (error)
                    *error = Text::tr("TimeWindow is a duration such as \"90m\", not a list");
                return std::nullopt;
            }
            // Each entry whole (a comma inside an entry must survive), and the list
            // at once: a proxy allow-list of 100,000 entries must load in linear time.
            if (!p.setList(key, items, false, error))
                return std::nullopt;
            continue;
        } else {
            if (error)
                *error = Text::tr("policy field %1 must be a string or a list of strings").arg(key);
            return std::nullopt;
        }
        if (!p.set(key, text, false, error))
            return std::nullopt;
    }
    p.compile();
    return p;
}

bool Policy::set(const QString &key, const QString &value, bool append, QString *error)
{
    if (key == KeyTimeWindow) {
        if (append) {
            if (error)
                *error = Text::tr("TimeWindow is a duration; += applies to lists only");
            return false;
        }
        const auto us = parseDuration(value);
        if (!us || *us <= 0) {
            if (error)
                *error = Text::tr("TimeWindow: \"%1\" is not a duration (examples: 90m, 4h, 2d)").arg(value);
            return false;
        }
        timeWindowUs = *us;
        compile();
        return true;
    }
    // ApprovedSigners entries are publisher names and may contain commas
    // ("Microsoft Corporation, Redmond"); a single value is kept whole there.
    const QStringList values = key == KeyApprovedSigners ? QStringList {value.trimmed()} : splitList(value);
    return setList(key, values, append, error);
}

bool Policy::setList(const QString &key, const QStringList &rawValues, bool append, QString *error)
{
    QStringList *list = nullptr;
    if (key == KeyApprovedUpdateHosts)
        list = &approvedUpdateHosts;
    else if (key == KeyApprovedSigners)
        list = &approvedSigners;
    else if (key == KeyProgramPaths)
        list = &programPaths;
    else if (key == KeyPathScope)
        list = &pathScope;
    else if (key == KeyApprovedRepos)
        list = &approvedRepos;
    else if (key == KeyAllowedTeamIds)
        list = &allowedTeamIds;
    else if (key == KeyBrewTaps)
        list = &brewTapsAllowList;
    else if (key == KeyMacProgramPaths)
        list = &macProgramPaths;
    else if (key == KeyLinuxInstallers)
        list = &linuxInstallers;
    else if (key == KeyWindowsInstallers)
        list = &windowsInstallers;
    else if (key == KeyMacInstallers)
        list = &macInstallers;
    else if (key == KeyStagingPaths)
        list = &stagingPaths;
    if (!list) {
        if (error)
            *error = Text::tr("unknown policy field %1 (fields: %2)").arg(key, fieldNames().join(QStringLiteral(", ")));
        return false;
    }
    QStringList values;
    values.reserve(rawValues.size());
    for (const QString &v : rawValues) {
        if (!v.trimmed().isEmpty())
            values.append(v.trimmed());
    }
    // Installer entries are globs: one that does not compile would match nothing and
    // warn on every use (and "LinuxInstallers=[" would silently drop every Linux
    // chain). Refused with the policy unchanged.
    if (key == KeyLinuxInstallers || key == KeyWindowsInstallers || key == KeyMacInstallers) {
        for (const QString &v : values) {
            for (const QString &part : v.split(u' ', Qt::SkipEmptyParts)) {
                const QRegularExpression rx(QRegularExpression::wildcardToRegularExpression(
                    part, QRegularExpression::UnanchoredWildcardConversion));
                if (!rx.isValid()) {
                    if (error)
                        *error = Text::tr("%1: \"%2\" is not a valid file-name pattern (%3)")
                                     .arg(key, v, rx.errorString());
                    return false;
                }
            }
        }
    }
    if (key == KeyApprovedUpdateHosts) {
        for (const QString &v : values) {
            if (!HostPattern::parse(v)) {
                if (error)
                    *error
                        = Text::tr("ApprovedUpdateHosts: \"%1\" is not a host name, *.domain suffix, IP or CIDR range")
                              .arg(v);
                return false;
            }
        }
    }
    if (!append)
        list->clear();
    // Duplicates dropped by a set, not by a scan of the list for every entry.
    QSet<QString> present(list->cbegin(), list->cend());
    for (const QString &v : std::as_const(values)) {
        if (!present.contains(v)) {
            present.insert(v);
            list->append(v);
        }
    }
    compile();
    return true;
}

bool Policy::applyAssignment(const QString &assignment, QString *error)
{
    const qsizetype eq = assignment.indexOf(u'=');
    if (eq <= 0) {
        if (error)
            *error = Text::tr("expected KEY=VALUE or KEY+=VALUE, got \"%1\"").arg(assignment);
        return false;
    }
    const bool append = assignment.at(eq - 1) == u'+';
    const QString key = assignment.left(append ? eq - 1 : eq).trimmed();
    return set(key, assignment.mid(eq + 1), append, error);
}

bool Policy::operator==(const Policy &o) const
{
    // The version is bookkeeping, not content.
    return timeWindowUs == o.timeWindowUs && approvedUpdateHosts == o.approvedUpdateHosts
        && approvedSigners == o.approvedSigners && programPaths == o.programPaths && pathScope == o.pathScope
        && approvedRepos == o.approvedRepos && allowedTeamIds == o.allowedTeamIds
        && brewTapsAllowList == o.brewTapsAllowList && macProgramPaths == o.macProgramPaths
        && linuxInstallers == o.linuxInstallers && windowsInstallers == o.windowsInstallers
        && macInstallers == o.macInstallers && stagingPaths == o.stagingPaths;
}

void Policy::compile()
{
    m_hostPatterns.clear();
    m_exactHosts.clear();
    m_suffixHosts.clear();
    m_cidrHosts.clear();
    m_hostPatterns.reserve(approvedUpdateHosts.size());
    for (const QString &h : approvedUpdateHosts) {
        if (auto p = HostPattern::parse(h)) {
            const qsizetype i = m_hostPatterns.size();
            // Entries that share a key ("Mirror.example" and "mirror.example", two
            // addresses of one /24) keep the earliest: "approved by" must name the
            // entry a reading of the list in order finds first. QHash::insert() would
            // keep the last (the policy fuzzer found it, issue 11).
            const auto keepFirst = [i](auto &hash, const auto &key) {
                if (!hash.contains(key))
                    hash.insert(key, i);
            };
            switch (p->kind()) {
            case HostPattern::Kind::Exact:
                keepFirst(m_exactHosts, p->value());
                break;
            case HostPattern::Kind::Suffix:
                keepFirst(m_suffixHosts, p->value());
                break;
            case HostPattern::Kind::Cidr:
                keepFirst(
                    m_cidrHosts[p->prefix()], QByteArray(reinterpret_cast<const char *>(p->network().data()), 16));
                break;
            }
            m_hostPatterns.append(*p);
        }
    }
    m_repoHostPatterns.clear();
    m_repoHostSources.clear();
    for (const QString &repo : approvedRepos) {
        // "deb [signed-by=…] http://host/path suite comp" or a bare URL; fingerprints
        // (hex) name keys, not hosts.
        for (const QString &token : repo.split(u' ', Qt::SkipEmptyParts)) {
            const QUrl url(token);
            if (url.isValid() && !url.host().isEmpty()) {
                if (auto p = HostPattern::parse(url.host())) {
                    m_repoHostPatterns.append(*p);
                    m_repoHostSources.append(repo);
                }
            }
        }
    }
    m_linuxPaths.clear();
    for (const QString &p : pathScope)
        m_linuxPaths.append(PathPattern(p, Platform::Linux));
    m_windowsPaths.clear();
    for (const QString &p : programPaths)
        m_windowsPaths.append(PathPattern(p, Platform::Windows));
    m_macPaths.clear();
    for (const QString &p : macProgramPaths)
        m_macPaths.append(PathPattern(p, Platform::MacOS));
    m_windowsStaging.clear();
    m_unixStaging.clear();
    for (const QString &p : stagingPaths) {
        const bool windows = p.startsWith(u'%') || (p.size() >= 2 && p.at(1) == u':') || p.contains(u'\\');
        if (windows)
            m_windowsStaging.append(PathPattern(p, Platform::Windows));
        else
            m_unixStaging.append(PathPattern(p, Platform::Linux));
    }
    const auto compileInstallers
        = [](const QStringList &entries, Qt::CaseSensitivity cs, QList<SubcommandInstaller> *subcommands) {
              QStringList names;
              subcommands->clear();
              for (const QString &entry : entries) {
                  // "go install": the program and its first argument. A two-word entry
                  // may also be a file name with a blank ("Software Update"): both.
                  const QStringList parts = entry.split(u' ', Qt::SkipEmptyParts);
                  if (parts.size() == 2)
                      subcommands->append({compileNameGlobs({parts.at(0)}, cs).first(), parts.at(1)});
                  names << entry;
              }
              return compileNameGlobs(names, cs);
          };
    m_linuxInstallerRx = compileInstallers(linuxInstallers, Qt::CaseSensitive, &m_linuxSubcommands);
    m_windowsInstallerRx = compileInstallers(windowsInstallers, Qt::CaseInsensitive, &m_windowsSubcommands);
    m_macInstallerRx = compileInstallers(macInstallers, Qt::CaseSensitive, &m_macSubcommands);
}

qsizetype Policy::approvingHostPattern(const QString &host) const
{
    if (host.isEmpty())
        return -1;
    const QString name = hostKey(host);
    // The earliest entry of all that match, as a scan of the list would find.
    qsizetype best = m_exactHosts.value(name, -1);
    for (qsizetype dot = name.indexOf(u'.', 1); dot > 0; dot = name.indexOf(u'.', dot + 1)) {
        const qsizetype i = m_suffixHosts.value(name.mid(dot), -1);
        if (i >= 0 && (best < 0 || i < best))
            best = i;
    }
    if (!m_cidrHosts.isEmpty()) {
        if (const auto address = parseIpAddress(host)) {
            // One hash lookup per prefix length in the list, not one test per range.
            for (auto it = m_cidrHosts.cbegin(); it != m_cidrHosts.cend(); ++it) {
                std::array<quint8, 16> masked = *address;
                for (int bit = it.key(); bit < 128; ++bit)
                    masked[size_t(bit / 8)] &= quint8(~(0x80 >> (bit % 8)));
                const qsizetype i = it.value().value(QByteArray(reinterpret_cast<const char *>(masked.data()), 16), -1);
                if (i >= 0 && (best < 0 || i < best))
                    best = i;
            }
        }
    }
    return best;
}

bool Policy::isApprovedHost(const QString &host) const
{
    return approvingHostPattern(host) >= 0 || isApprovedRepoHost(host);
}

QString Policy::approvingEntry(const QString &host) const
{
    if (const qsizetype i = approvingHostPattern(host); i >= 0)
        return QStringLiteral("ApprovedUpdateHosts %1").arg(m_hostPatterns.at(i).text());
    for (qsizetype i = 0; i < m_repoHostPatterns.size(); ++i) {
        if (m_repoHostPatterns.at(i).matches(host))
            return QStringLiteral("ApprovedRepos %1").arg(m_repoHostSources.at(i));
    }
    return QString();
}

bool Policy::isApprovedRepoHost(const QString &host) const
{
    for (const HostPattern &p : m_repoHostPatterns) {
        if (p.matches(host))
            return true;
    }
    return false;
}

bool Policy::isMonitoredPath(const QString &path, Platform platform) const
{
    const QList<PathPattern> &patterns = platform == Platform::Windows ? m_windowsPaths
        : platform == Platform::MacOS                                  ? m_macPaths
                                                                       : m_linuxPaths;
    for (const PathPattern &p : patterns) {
        if (p.matches(path))
            return true;
    }
    return false;
}

bool Policy::isInstaller(const QString &image, const QString &commandLine, Platform platform) const
{
    const QList<QRegularExpression> &globs = platform == Platform::Windows ? m_windowsInstallerRx
        : platform == Platform::MacOS                                      ? m_macInstallerRx
                                                                           : m_linuxInstallerRx;
    const QList<SubcommandInstaller> &subcommands = platform == Platform::Windows ? m_windowsSubcommands
        : platform == Platform::MacOS                                             ? m_macSubcommands
                                                                                  : m_linuxSubcommands;
    QStringList candidates;
    if (!image.isEmpty())
        candidates << fileNameOf(image);
    // Installers written in a scripting language run as "python3 /usr/bin/tool",
    // "python3 -m pip" or "node …/npm-cli.js install": the script or module is the
    // installer, not the interpreter.
    const QStringList argv = splitCommandLine(commandLine);
    qsizetype firstArgument = 1; // where the program's own arguments begin
    if (!candidates.isEmpty() && isShell(candidates.first())) {
        for (qsizetype i = 1; i < argv.size(); ++i) {
            const QString &a = argv.at(i);
            // "-c", and clusters holding it ("-lc", "-ec"): the shell runs text, no file.
            if (a.size() >= 2 && a.at(0) == u'-' && a.at(1) != u'-' && a.contains(u'c'))
                break;
            // Options that take the next argument as their value.
            if (a == u"-o" || a == u"+o" || a == u"--rcfile" || a == u"--init-file") {
                ++i;
                continue;
            }
            if (!a.startsWith(u'-') && !a.startsWith(u'+')) {
                candidates << fileNameOf(argv.at(i));
                firstArgument = i + 1;
                break;
            }
        }
    } else if (!candidates.isEmpty() && isInterpreter(candidates.first())) {
        for (qsizetype i = 1; i < argv.size(); ++i) {
            if (argv.at(i) == u"-m" && i + 1 < argv.size()) {
                candidates << argv.at(i + 1);
                firstArgument = i + 2;
                break;
            }
            if (!argv.at(i).startsWith(u'-')) {
                candidates << fileNameOf(argv.at(i));
                firstArgument = i + 1;
                break;
            }
        }
    }
    for (const QString &c : candidates) {
        for (const QRegularExpression &rx : globs) {
            if (rx.match(c).hasMatch())
                return true;
        }
    }
    if (!subcommands.isEmpty()) {
        QString subcommand;
        for (qsizetype i = firstArgument; i < argv.size(); ++i) {
            if (!argv.at(i).startsWith(u'-')) {
                subcommand = argv.at(i);
                break;
            }
        }
        for (const SubcommandInstaller &s : subcommands) {
            if (subcommand != s.subcommand)
                continue;
            for (const QString &c : candidates) {
                if (s.name.match(c).hasMatch())
                    return true;
            }
        }
    }
    return false;
}

bool Policy::installerNeedsArguments(const QString &image, Platform platform) const
{
    const QString name = fileNameOf(image);
    if (isInterpreter(name) || isShell(name))
        return true;
    const QList<SubcommandInstaller> &subcommands = platform == Platform::Windows ? m_windowsSubcommands
        : platform == Platform::MacOS                                             ? m_macSubcommands
                                                                                  : m_linuxSubcommands;
    for (const SubcommandInstaller &s : subcommands) {
        if (s.name.match(name).hasMatch())
            return true;
    }
    return false;
}

bool Policy::isApprovedSigner(const QString &signer) const
{
    for (const QString &s : approvedSigners) {
        if (s.compare(signer.trimmed(), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString canonicalBrewTap(const QString &tap)
{
    const QString trimmed = tap.trimmed();
    const qsizetype slash = trimmed.indexOf(u'/');
    if (slash < 0 || trimmed.indexOf(u'/', slash + 1) >= 0)
        return trimmed;
    const QString repo = trimmed.mid(slash + 1);
    return repo.startsWith(QLatin1String("homebrew-"), Qt::CaseInsensitive) && repo.size() > 9
        ? trimmed.left(slash + 1) + repo.mid(9)
        : trimmed;
}

QString Policy::allowingTeamId(const QString &teamId) const
{
    const QString id = teamId.trimmed();
    if (id.isEmpty())
        return QString();
    for (const QString &t : allowedTeamIds) {
        if (t.trimmed() == id)
            return QStringLiteral("AllowedTeamIDs %1").arg(t);
    }
    return QString();
}

QString Policy::approvingTap(const QString &tap) const
{
    const QString wanted = canonicalBrewTap(tap);
    if (wanted.isEmpty())
        return QString();
    for (const QString &t : brewTapsAllowList) {
        if (canonicalBrewTap(t).compare(wanted, Qt::CaseInsensitive) == 0)
            return QStringLiteral("BrewTapsAllowList %1").arg(t);
    }
    return QString();
}

QString Policy::approvingSigner(const QString &signer) const
{
    for (const QString &s : approvedSigners) {
        if (s.compare(signer.trimmed(), Qt::CaseInsensitive) == 0)
            return QStringLiteral("ApprovedSigners %1").arg(s);
    }
    return QString();
}

bool Policy::isStagingPath(const QString &path, Platform platform) const
{
    for (const PathPattern &p : platform == Platform::Windows ? m_windowsStaging : m_unixStaging) {
        if (p.matches(path))
            return true;
    }
    return false;
}

std::optional<qint64> Policy::parseDuration(const QString &text)
{
    static const QRegularExpression rx(QStringLiteral(R"(^\s*(\d+)\s*(s|m|min|h|d)?\s*$)"));
    const auto m = rx.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 n = m.captured(1).toLongLong(&ok);
    if (!ok || n > 365LL * 24 * 3600)
        return std::nullopt;
    const QString unit = m.captured(2);
    qint64 seconds = n * 60; // bare numbers are minutes, like the spec's default
    if (unit == u"s")
        seconds = n;
    else if (unit == u"h")
        seconds = n * 3600;
    else if (unit == u"d")
        seconds = n * 86400;
    return seconds * 1000000;
}

QString Policy::formatDuration(qint64 us)
{
    const qint64 seconds = us / 1000000;
    if (seconds % 86400 == 0)
        return QStringLiteral("%1d").arg(seconds / 86400);
    if (seconds % 3600 == 0)
        return QStringLiteral("%1h").arg(seconds / 3600);
    if (seconds % 60 == 0)
        return QStringLiteral("%1m").arg(seconds / 60);
    return QStringLiteral("%1s").arg(seconds);
}

} // namespace Chainscope
