#include "huntexporter.h"

#include <QUrl>
#include <QUuid>

namespace Chainscope {

namespace {

// Characters that must never reach a terminal or a rule file raw: C0 and C1 controls,
// DEL, line and paragraph separators and the bidi overrides (a name that reads
// backwards in a reviewer's editor).
// U+FFFE and U+FFFF are noncharacters that YAML forbids anywhere in a file: raw, one
// policy entry would make the whole Sigma file unreadable. (Unpaired surrogates cannot
// reach a policy: it is read from UTF-8, whose decoder replaces them.)
bool isControl(char16_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || (c >= 0x200e && c <= 0x200f)
        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0xfffe || c == 0xffff;
}

bool hasControl(const QString &s)
{
    for (const QChar c : s) {
        if (isControl(c.unicode()))
            return true;
    }
    return false;
}

QString hex(char16_t c, int width)
{
    return QStringLiteral("%1").arg(uint(c), width, 16, QLatin1Char('0'));
}

// A monitored location in the platform's own separators: a directory (everything
// below it counts) or a glob.
struct PathSpec
{
    QString text;
    bool glob = false;
};

QChar separator(Platform platform)
{
    return platform == Platform::Windows ? u'\\' : u'/';
}

// A glob and everything below it. The target languages' `*` crosses separators, so a
// glob that ends in one already covers what is below.
QString belowGlob(const QString &glob, Platform platform)
{
    return glob.endsWith(u'*') ? glob : glob + separator(platform) + u'*';
}

// The workbench's reading of a path entry (PathPattern): Windows variables stand for
// every user's folder, "~" for every home, a trailing separator means nothing.
QList<PathSpec> pathSpecs(const QStringList &entries, Platform platform)
{
    static const QList<QPair<QString, QString>> variables = {
        {QStringLiteral("%LOCALAPPDATA%"), QStringLiteral("C:\\Users\\*\\AppData\\Local")},
        {QStringLiteral("%APPDATA%"), QStringLiteral("C:\\Users\\*\\AppData\\Roaming")},
        {QStringLiteral("%USERPROFILE%"), QStringLiteral("C:\\Users\\*")},
        {QStringLiteral("%PROGRAMFILES%"), QStringLiteral("C:\\Program Files")},
        {QStringLiteral("%PROGRAMFILES(X86)%"), QStringLiteral("C:\\Program Files (x86)")},
        {QStringLiteral("%PROGRAMDATA%"), QStringLiteral("C:\\ProgramData")},
        {QStringLiteral("%SYSTEMROOT%"), QStringLiteral("C:\\Windows")},
        {QStringLiteral("%WINDIR%"), QStringLiteral("C:\\Windows")},
    };
    QList<PathSpec> result;
    for (const QString &entry : entries) {
        QString t = entry.trimmed();
        if (platform == Platform::Windows) {
            t.replace(u'/', u'\\');
            for (const auto &[name, value] : variables)
                t.replace(name, value, Qt::CaseInsensitive);
        }
        // The target languages' `*` crosses separators anyway; "**" says nothing more.
        while (t.contains(QLatin1String("**")))
            t.replace(QLatin1String("**"), QLatin1String("*"));
        while (t.size() > 1 && t.endsWith(separator(platform)))
            t.chop(1);
        if (t.isEmpty())
            continue;
        QStringList variants;
        if (platform != Platform::Windows && t.startsWith(u'~')) {
            variants << QStringLiteral("/home/*") + t.mid(1) << QStringLiteral("/root") + t.mid(1);
            if (platform == Platform::MacOS)
                variants << QStringLiteral("/Users/*") + t.mid(1);
        } else {
            variants << t;
        }
        for (const QString &v : std::as_const(variants))
            result.append({v, v.contains(u'*') || v.contains(u'?')});
    }
    return result;
}

// Installer entries split as the workbench reads them (Policy::isInstaller): a file-name
// glob, or "NAME SUBCOMMAND". Scripts run by an interpreter ("npm-cli.js") are found
// among the arguments too.
struct Installers
{
    QStringList names;
    QList<QPair<QString, QString>> subcommands;
    QStringList scripts;
};

Installers installers(const QStringList &entries)
{
    Installers result;
    for (const QString &entry : entries) {
        const QStringList parts = entry.split(u' ', Qt::SkipEmptyParts);
        if (parts.size() == 2) {
            result.subcommands.append({parts.at(0), parts.at(1)});
            continue;
        }
        const QString name = entry.trimmed();
        if (name.isEmpty())
            continue;
        result.names.append(name);
        if (name.endsWith(QLatin1String(".js")) || name.endsWith(QLatin1String(".cjs"))
            || name.endsWith(QLatin1String(".py")))
            result.scripts.append(name);
    }
    return result;
}

// The allow-list of destinations: ApprovedUpdateHosts and the hosts of ApprovedRepos,
// by kind (HostPattern): exact names, ".domain" suffixes, CIDR ranges.
struct Hosts
{
    QStringList exact;
    QStringList suffixes; // with the leading dot
    QStringList cidrs;
    bool isEmpty() const { return exact.isEmpty() && suffixes.isEmpty() && cidrs.isEmpty(); }
};

Hosts approvedHosts(const Policy &policy)
{
    QStringList entries = policy.approvedUpdateHosts;
    for (const QString &repo : policy.approvedRepos) {
        for (const QString &token : repo.split(u' ', Qt::SkipEmptyParts)) {
            const QUrl url(token);
            if (url.isValid() && !url.host().isEmpty())
                entries.append(url.host());
        }
    }
    Hosts hosts;
    for (const QString &entry : std::as_const(entries)) {
        const auto p = HostPattern::parse(entry);
        if (!p)
            continue;
        QStringList *list = nullptr;
        QString value;
        switch (p->kind()) {
        case HostPattern::Kind::Exact:
            list = &hosts.exact;
            value = p->value();
            break;
        case HostPattern::Kind::Suffix:
            list = &hosts.suffixes;
            value = p->value();
            break;
        case HostPattern::Kind::Cidr:
            list = &hosts.cidrs;
            value = p->text().contains(u'/')
                ? p->text()
                : p->text() + (p->text().contains(u':') ? QStringLiteral("/128") : QStringLiteral("/32"));
            break;
        }
        if (!list->contains(value))
            list->append(value);
    }
    return hosts;
}

// What a freshly installed binary has no business starting (the correlator's list).
QStringList shells(Platform platform)
{
    if (platform == Platform::Windows) {
        return {QStringLiteral("cmd.exe"), QStringLiteral("powershell.exe"), QStringLiteral("pwsh.exe"),
            QStringLiteral("wscript.exe"), QStringLiteral("cscript.exe"), QStringLiteral("mshta.exe"),
            QStringLiteral("rundll32.exe"), QStringLiteral("regsvr32.exe"), QStringLiteral("certutil.exe"),
            QStringLiteral("bitsadmin.exe")};
    }
    QStringList list = {QStringLiteral("sh"), QStringLiteral("bash"), QStringLiteral("dash"), QStringLiteral("zsh"),
        QStringLiteral("ksh"), QStringLiteral("fish"), QStringLiteral("csh"), QStringLiteral("tcsh"),
        QStringLiteral("busybox"), QStringLiteral("curl"), QStringLiteral("wget"), QStringLiteral("nc"),
        QStringLiteral("ncat"), QStringLiteral("netcat"), QStringLiteral("socat"), QStringLiteral("python*"),
        QStringLiteral("perl*"), QStringLiteral("ruby*"), QStringLiteral("php*"), QStringLiteral("node")};
    if (platform == Platform::MacOS)
        list << QStringLiteral("osascript");
    return list;
}

const QStringList &programPathsOf(const Policy &policy, Platform platform)
{
    return platform == Platform::Windows ? policy.programPaths
        : platform == Platform::MacOS    ? policy.macProgramPaths
                                         : policy.pathScope;
}

const QStringList &installersOf(const Policy &policy, Platform platform)
{
    return platform == Platform::Windows ? policy.windowsInstallers
        : platform == Platform::MacOS    ? policy.macInstallers
                                         : policy.linuxInstallers;
}

QString header(const Policy &policy, Platform platform, const QString &comment)
{
    QString h;
    const auto line = [&](const QString &text) {
        h += comment + text + u'\n';
    };
    line(QStringLiteral("Chainscope hunt: compromised software or update chain (MITRE ATT&CK DET0309, T1195.002)"));
    line(
        QStringLiteral("platform %1, policy version %2, TimeWindow %3")
            .arg(platformName(platform), QString::number(policy.version), HuntExporter::timeSpan(policy.timeWindowUs)));
    line(QStringLiteral("install -> write in program paths -> first run (shell or unsigned code) -> egress to a host"));
    line(QStringLiteral("that is not an approved update host. Weaker than the workbench: see docs/hunting.md."));
    return h;
}

// ---------------------------------------------------------------- EQL

QString eqlList(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted << HuntExporter::eqlString(v);
    return u'(' + quoted.join(QStringLiteral(", ")) + u')';
}

// A value for EQL's `like`: Elasticsearch turns a like pattern into its own with
// U+0001 as the escape character, so a U+0001 in a policy value would escape the next
// wildcard (or fail the query). It becomes `?`, which still matches it.
QStringList likeSafe(QStringList values)
{
    for (QString &v : values)
        v.replace(QChar(0x0001), u'?');
    return values;
}

// `field` is one of the monitored locations.
QString eqlInPaths(const QString &field, const QList<PathSpec> &paths, Platform platform)
{
    if (paths.isEmpty())
        return QStringLiteral("false");
    const bool ci = platform == Platform::Windows;
    QStringList terms;
    QStringList globs;
    for (const PathSpec &p : paths) {
        if (p.glob) {
            globs << belowGlob(p.text, platform);
        } else {
            terms << QStringLiteral("%1(%2, %3)")
                         .arg(ci ? QStringLiteral("startsWith~") : QStringLiteral("startsWith"), field,
                             HuntExporter::eqlString(p.text + separator(platform)));
        }
    }
    if (!globs.isEmpty())
        terms << QStringLiteral("%1 %2 %3")
                     .arg(field, ci ? QStringLiteral("like~") : QStringLiteral("like"), eqlList(likeSafe(globs)));
    return terms.size() == 1 ? terms.first() : u'(' + terms.join(QStringLiteral(" or ")) + u')';
}

QString eqlInstaller(const Installers &inst, Platform platform)
{
    const QString like = platform == Platform::Windows ? QStringLiteral("like~") : QStringLiteral("like");
    QStringList terms;
    if (!inst.names.isEmpty())
        terms << QStringLiteral("process.name %1 %2").arg(like, eqlList(likeSafe(inst.names)));
    if (!inst.scripts.isEmpty()) {
        QStringList patterns;
        for (const QString &s : inst.scripts)
            patterns << QStringLiteral("*/") + s << QStringLiteral("*\\") + s;
        terms << QStringLiteral("process.args %1 %2").arg(like, eqlList(likeSafe(patterns)));
    }
    for (const auto &[name, subcommand] : inst.subcommands) {
        terms << QStringLiteral("(process.name %1 %2 and process.args == %3)")
                     .arg(like, HuntExporter::eqlString(likeSafe({name}).first()), HuntExporter::eqlString(subcommand));
    }
    if (terms.isEmpty())
        return QStringLiteral("false");
    return terms.size() == 1 ? terms.first() : u'(' + terms.join(QStringLiteral(" or\n       ")) + u')';
}

QString eqlApprovedHost(const Hosts &hosts)
{
    QStringList terms;
    if (!hosts.exact.isEmpty())
        terms << QStringLiteral("destination.domain in~ %1").arg(eqlList(hosts.exact));
    for (const QString &s : hosts.suffixes)
        terms << QStringLiteral("endsWith~(destination.domain, %1)").arg(HuntExporter::eqlString(s));
    for (const QString &c : hosts.cidrs)
        terms << QStringLiteral("cidrMatch(destination.ip, %1)").arg(HuntExporter::eqlString(c));
    return terms.join(QStringLiteral(" or\n         "));
}

// ---------------------------------------------------------------- Sigma

QString sigmaList(const QString &indent, const QStringList &values, bool wildcards)
{
    QString out;
    for (const QString &v : values)
        out += indent + QStringLiteral("- ") + HuntExporter::sigmaValue(v, wildcards) + u'\n';
    return out;
}

// Selections named `name`_dir and `name`_glob that match `field` against the monitored
// locations; returns the selection names written.
QStringList sigmaPathSelections(
    QString *out, const QString &name, const QString &field, const QList<PathSpec> &paths, Platform platform)
{
    QStringList dirs, globs;
    for (const PathSpec &p : paths) {
        if (p.glob)
            globs << belowGlob(p.text, platform);
        else
            dirs << p.text + separator(platform);
    }
    QStringList names;
    const auto addSelection
        = [&](const QString &selection, const QString &key, const QStringList &values, bool wildcards) {
              if (values.isEmpty())
                  return;
              *out += QStringLiteral("    %1:\n        %2:\n").arg(selection, key);
              *out += sigmaList(QStringLiteral("            "), values, wildcards);
              names << selection;
          };
    // A directory is literal text: its characters are escaped, `|startswith` adds the
    // wildcard. A glob keeps its `*` and `?`.
    addSelection(name + QStringLiteral("_dir"), field + QStringLiteral("|startswith"), dirs, false);
    addSelection(name + QStringLiteral("_glob"), field, globs, true);
    if (names.isEmpty()) {
        // No monitored location: the stage can never match, as in the workbench.
        *out += QStringLiteral("    %1_none:\n        %2: 'chainscope: no monitored path in the policy'\n")
                    .arg(name, field);
        names << name + QStringLiteral("_none");
    }
    return names;
}

// Our own texts (titles, descriptions) in YAML: single-quoted, as every value is.
QString yamlText(const QString &text)
{
    return u'\'' + QString(text).replace(u'\'', QStringLiteral("''")) + u'\'';
}

QString sigmaId(Platform platform, const QString &rule)
{
    // Stable ids (a re-export names the same rules), from a namespace of our own.
    static const QUuid ns(QStringLiteral("{6c0f4b1e-4d6b-4a8e-9a55-2f6c3b7e9d10}"));
    return QUuid::createUuidV5(ns, QStringLiteral("chainscope-hunt/%1/%2").arg(platformName(platform), rule))
        .toString(QUuid::WithoutBraces);
}

QString sigmaCondition(const QStringList &selections)
{
    return selections.size() == 1 ? selections.first() : u'(' + selections.join(QStringLiteral(" or ")) + u')';
}

// ---------------------------------------------------------------- SPL

// The alternatives of one regular expression, unanchored: "a|b".
QString alternation(const QStringList &values, bool wildcards)
{
    QStringList alternatives;
    for (const QString &v : values)
        alternatives << HuntExporter::regexFromGlob(v, wildcards).mid(1).chopped(1); // without ^ and $
    return alternatives.join(u'|');
}

// One regular expression that matches any of `values` whole, after `prefix`.
QString regexAny(const QStringList &values, bool wildcards, bool caseInsensitive, const QString &prefix = QString())
{
    return (caseInsensitive ? QStringLiteral("(?i)") : QString()) + u'^' + prefix + QStringLiteral("(?:")
        + alternation(values, wildcards) + QStringLiteral(")$");
}

QString splMatch(const QString &field, const QString &regex)
{
    return QStringLiteral("match(%1, %2)").arg(field, HuntExporter::splString(regex));
}

// `field` is in one of the monitored locations: a directory is literal text (its own
// `*` stays a character), a glob keeps its wildcards; everything below either counts.
QString splInPaths(const QString &field, const QList<PathSpec> &paths, Platform platform)
{
    if (paths.isEmpty())
        return QStringLiteral("false()");
    QStringList alternatives;
    for (const PathSpec &p : paths)
        alternatives << HuntExporter::regexFromGlob(p.text, p.glob).mid(1).chopped(1);
    const bool windows = platform == Platform::Windows;
    // As the workbench's globs: the location itself or anything below it.
    const QString regex = (windows ? QStringLiteral("(?i)") : QString()) + QStringLiteral("^(?:")
        + alternatives.join(u'|') + QStringLiteral(")(?:") + (windows ? QStringLiteral("\\\\") : QStringLiteral("/"))
        + QStringLiteral(".*)?$");
    return splMatch(field, regex);
}

} // namespace

HuntExporter::HuntExporter(const Policy &policy)
    : m_policy(policy)
{
}

std::optional<HuntExporter::Format> HuntExporter::formatFromName(QStringView name)
{
    if (name == u"eql")
        return Format::Eql;
    if (name == u"sigma")
        return Format::Sigma;
    if (name == u"spl")
        return Format::Spl;
    return std::nullopt;
}

QString HuntExporter::formatName(Format format)
{
    switch (format) {
    case Format::Eql:
        return QStringLiteral("eql");
    case Format::Sigma:
        return QStringLiteral("sigma");
    case Format::Spl:
        return QStringLiteral("spl");
    }
    return QString();
}

QString HuntExporter::fileExtension(Format format)
{
    return format == Format::Sigma ? QStringLiteral("yml") : formatName(format);
}

QString HuntExporter::timeSpan(qint64 us)
{
    // The policy's own notation (90m, 4h, 2d), which EQL, Sigma and SPL all read; a
    // window with a fraction of a second is widened to the next whole one, never cut.
    const qint64 seconds = std::max<qint64>(1, (std::max<qint64>(us, 0) + 999999) / 1000000);
    return Policy::formatDuration(seconds * 1000000);
}

QString HuntExporter::eqlString(const QString &value)
{
    // The escapes of EQL's string grammar: \" \\ \n \r \t \b \f; any other control
    // character as \u{..}, so none reaches the rule (or a terminal) raw.
    QString out = QStringLiteral("\"");
    for (const QChar qc : value) {
        const char16_t c = qc.unicode();
        switch (c) {
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        case u'"':
            out += QStringLiteral("\\\"");
            break;
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        case u'\r':
            out += QStringLiteral("\\r");
            break;
        case u'\t':
            out += QStringLiteral("\\t");
            break;
        case u'\b':
            out += QStringLiteral("\\b");
            break;
        case u'\f':
            out += QStringLiteral("\\f");
            break;
        default:
            if (isControl(c))
                out += QStringLiteral("\\u{%1}").arg(hex(c, 2));
            else
                out += qc;
        }
    }
    return out + u'"';
}

QString HuntExporter::sigmaValue(const QString &value, bool wildcards)
{
    // Sigma's escapes: `*` and `?` are wildcards, a backslash escapes them and itself.
    // A backslash is doubled only where it would otherwise escape something (before
    // `*`, `?`, `\` or at the end), so "C:\Program Files\" reads as Sigma rules do.
    QString sigma;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c == u'\\') {
            const bool escapes = i + 1 == value.size() || value.at(i + 1) == u'\\' || value.at(i + 1) == u'*'
                || value.at(i + 1) == u'?';
            sigma += escapes ? QStringLiteral("\\\\") : QStringLiteral("\\");
        } else if ((c == u'*' || c == u'?') && !wildcards) {
            sigma += u'\\';
            sigma += c;
        } else {
            sigma += c;
        }
    }
    if (!hasControl(sigma)) {
        QString quoted = sigma;
        quoted.replace(u'\'', QStringLiteral("''"));
        return u'\'' + quoted + u'\'';
    }
    // Single-quoted YAML has no escapes (a newline would fold away): double quotes.
    QString out = QStringLiteral("\"");
    for (const QChar qc : std::as_const(sigma)) {
        const char16_t c = qc.unicode();
        if (c == u'\\')
            out += QStringLiteral("\\\\");
        else if (c == u'"')
            out += QStringLiteral("\\\"");
        else if (isControl(c))
            out += c <= 0xff ? QStringLiteral("\\x%1").arg(hex(c, 2)) : QStringLiteral("\\u%1").arg(hex(c, 4));
        else
            out += qc;
    }
    return out + u'"';
}

QString HuntExporter::splString(const QString &value)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : value) {
        if (c == u'\\')
            out += QStringLiteral("\\\\");
        else if (c == u'"')
            out += QStringLiteral("\\\"");
        else if (isControl(c.unicode()))
            out += QStringLiteral("\\x{%1}").arg(hex(c.unicode(), 4)); // SPL has no escape: PCRE's, as regexes read it
        else
            out += c;
    }
    return out + u'"';
}

QString HuntExporter::regexFromGlob(const QString &glob, bool wildcards)
{
    QString rx = QStringLiteral("^");
    for (const QChar qc : glob) {
        const char16_t c = qc.unicode();
        if (wildcards && c == u'*')
            rx += QStringLiteral(".*");
        else if (wildcards && c == u'?')
            rx += u'.';
        else if (isControl(c))
            rx += QStringLiteral("\\x{%1}").arg(hex(c, 4));
        else if (QStringView(u"\\^$.|?*+()[]{}").contains(qc))
            rx += u'\\' + QString(qc); // a backslash before punctuation is always literal in PCRE
        else
            rx += qc;
    }
    return rx + u'$';
}

QString HuntExporter::render(Format format, Platform platform) const
{
    switch (format) {
    case Format::Eql:
        return renderEql(platform);
    case Format::Sigma:
        return renderSigma(platform);
    case Format::Spl:
        return renderSpl(platform);
    }
    return QString();
}

QString HuntExporter::renderEql(Platform platform) const
{
    const QList<PathSpec> paths = pathSpecs(programPathsOf(m_policy, platform), platform);
    const Installers inst = installers(installersOf(m_policy, platform));
    const Hosts hosts = approvedHosts(m_policy);
    const QString like = platform == Platform::Windows ? QStringLiteral("like~") : QStringLiteral("like");

    QString q = header(m_policy, platform, QStringLiteral("// "));
    q += QStringLiteral("// Joined by host only: EQL wants the same join keys in every term, and the chain's link\n"
                        "// changes field from stage to stage (installer -> written file.path -> the new process ->\n"
                        "// its children), so the lineage is restated as conditions on the program paths.\n");
    q += QStringLiteral("sequence by host.id with maxspan=%1\n").arg(timeSpan(m_policy.timeWindowUs));
    q += QStringLiteral("  // 1 install: an installer or updater starts\n");
    q += QStringLiteral("  [process where event.type == \"start\" and\n     %1]\n").arg(eqlInstaller(inst, platform));
    q += QStringLiteral("  // 2 write: executable content created or replaced in a program path\n");
    q += QStringLiteral("  [file where event.type in (\"creation\", \"change\") and\n     %1]\n")
             .arg(eqlInPaths(QStringLiteral("file.path"), paths, platform));
    q += QStringLiteral("  // 3 first run: a program-path binary starts a shell or script host");
    QString firstRun = QStringLiteral("(event.category == \"process\" and event.type == \"start\" and\n"
                                      "      process.name %1 %2 and\n      %3)")
                           .arg(like, eqlList(shells(platform)),
                               eqlInPaths(QStringLiteral("process.parent.executable"), paths, platform));
    if (platform == Platform::Windows) {
        q += QStringLiteral(", or loads an unsigned module\n");
        QString unsigned_ = QStringLiteral("dll.code_signature.exists == false or dll.code_signature.trusted == false");
        if (!m_policy.approvedSigners.isEmpty()) {
            unsigned_ += QStringLiteral(" or\n       not dll.code_signature.subject_name in~ %1")
                             .arg(eqlList(m_policy.approvedSigners));
        }
        firstRun += QStringLiteral(" or\n     (event.category == \"library\" and %1 and\n      (%2))")
                        .arg(eqlInPaths(QStringLiteral("process.executable"), paths, platform), unsigned_);
    } else if (platform == Platform::MacOS) {
        q += QStringLiteral(", or runs unsigned or from a team not allowed\n");
        QString unsigned_
            = QStringLiteral("process.code_signature.exists == false or process.code_signature.trusted == false");
        if (!m_policy.allowedTeamIds.isEmpty()) {
            unsigned_ += QStringLiteral(" or\n       not process.code_signature.team_id in %1")
                             .arg(eqlList(m_policy.allowedTeamIds));
        }
        firstRun += QStringLiteral(" or\n     (event.category == \"process\" and event.type == \"start\" and %1 and\n"
                                   "      (%2))")
                        .arg(eqlInPaths(QStringLiteral("process.executable"), paths, platform), unsigned_);
    } else {
        q += u'\n';
    }
    q += QStringLiteral("  [any where\n     %1]\n").arg(firstRun);
    q += QStringLiteral(
        "  // 4 egress: a program-path binary connects to a host that is not an approved update host\n");
    QString egress
        = QStringLiteral("[network where %1").arg(eqlInPaths(QStringLiteral("process.executable"), paths, platform));
    if (!hosts.isEmpty())
        egress += QStringLiteral(" and\n     not (%1)").arg(eqlApprovedHost(hosts));
    q += QStringLiteral("  ") + egress + QStringLiteral("]\n");
    return q;
}

QString HuntExporter::renderSigma(Platform platform) const
{
    const QList<PathSpec> paths = pathSpecs(programPathsOf(m_policy, platform), platform);
    const Installers inst = installers(installersOf(m_policy, platform));
    const Hosts hosts = approvedHosts(m_policy);
    const QString product = platformName(platform);
    const QString prefix = QStringLiteral("chainscope_%1_").arg(product);
    const QString sep = separator(platform);
    const QString groupBy = platform == Platform::Windows ? QStringLiteral("Computer") : QStringLiteral("host");

    QString y = header(m_policy, platform, QStringLiteral("# "));
    bool first = true;
    const auto begin = [&](const QString &rule, const QString &title, const QString &category) {
        if (!first)
            y += QStringLiteral("---\n");
        first = false;
        y += QStringLiteral("title: %1\nid: %2\nname: %3%4\nstatus: experimental\n")
                 .arg(yamlText(title), sigmaId(platform, rule), prefix, rule);
        y += QStringLiteral("logsource:\n    category: %1\n    product: %2\ndetection:\n").arg(category, product);
    };

    // 1 install
    begin(QStringLiteral("install"), QStringLiteral("Installer or updater starts"), QStringLiteral("process_creation"));
    QStringList installSelections;
    if (!inst.names.isEmpty()) {
        QStringList values;
        for (const QString &n : inst.names)
            values << sep + n;
        y += QStringLiteral("    selection_name:\n        Image|endswith:\n");
        y += sigmaList(QStringLiteral("            "), values, true);
        installSelections << QStringLiteral("selection_name");
    }
    if (!inst.scripts.isEmpty()) {
        y += QStringLiteral("    selection_script:\n        CommandLine|contains:\n");
        QStringList values;
        for (const QString &s : inst.scripts)
            values << QStringLiteral("/") + s << QStringLiteral("\\") + s;
        y += sigmaList(QStringLiteral("            "), values, true);
        installSelections << QStringLiteral("selection_script");
    }
    for (qsizetype i = 0; i < inst.subcommands.size(); ++i) {
        const QString name = QStringLiteral("selection_subcommand_%1").arg(i + 1);
        y += QStringLiteral("    %1:\n        Image|endswith: %2\n        CommandLine|contains: %3\n")
                 .arg(name, sigmaValue(sep + inst.subcommands.at(i).first, true),
                     sigmaValue(u' ' + inst.subcommands.at(i).second, false));
        installSelections << name;
    }
    if (installSelections.isEmpty()) {
        y += QStringLiteral("    selection_none:\n        Image: 'chainscope: no installer in the policy'\n");
        installSelections << QStringLiteral("selection_none");
    }
    y += QStringLiteral("    condition: %1\n")
             .arg(installSelections.size() == 1 ? installSelections.first() : QStringLiteral("1 of selection_*"));

    // 2 write
    begin(QStringLiteral("write"), QStringLiteral("File written in a program path"), QStringLiteral("file_event"));
    const QStringList writeSel
        = sigmaPathSelections(&y, QStringLiteral("selection"), QStringLiteral("TargetFilename"), paths, platform);
    y += QStringLiteral("    condition: %1\n").arg(sigmaCondition(writeSel));

    // 3 first run: child shell
    begin(QStringLiteral("first_run_shell"), QStringLiteral("Program-path binary starts a shell or script host"),
        QStringLiteral("process_creation"));
    const QStringList parentSel
        = sigmaPathSelections(&y, QStringLiteral("parent"), QStringLiteral("ParentImage"), paths, platform);
    QStringList shellValues;
    for (const QString &s : shells(platform))
        shellValues << sep + s;
    y += QStringLiteral("    child:\n        Image|endswith:\n");
    y += sigmaList(QStringLiteral("            "), shellValues, true);
    y += QStringLiteral("    condition: %1 and child\n").arg(sigmaCondition(parentSel));

    const bool modules = platform == Platform::Windows;
    if (modules) {
        begin(QStringLiteral("first_run_module"), QStringLiteral("Program-path binary loads an unsigned module"),
            QStringLiteral("image_load"));
        const QStringList loaderSel
            = sigmaPathSelections(&y, QStringLiteral("loader"), QStringLiteral("Image"), paths, platform);
        y += QStringLiteral("    unsigned:\n        Signed: 'false'\n");
        y += QStringLiteral("    valid:\n        SignatureStatus: 'Valid'\n");
        QString bad = QStringLiteral("(unsigned or not valid");
        if (!m_policy.approvedSigners.isEmpty()) {
            y += QStringLiteral("    approved_signer:\n        Signature:\n");
            y += sigmaList(QStringLiteral("            "), m_policy.approvedSigners, false);
            bad += QStringLiteral(" or not approved_signer");
        }
        y += QStringLiteral("    condition: %1 and %2)\n").arg(sigmaCondition(loaderSel), bad);
    }

    // 4 egress
    begin(QStringLiteral("egress"), QStringLiteral("Program-path binary connects to a host that is not approved"),
        QStringLiteral("network_connection"));
    const QStringList egressSel
        = sigmaPathSelections(&y, QStringLiteral("selection"), QStringLiteral("Image"), paths, platform);
    QStringList filters;
    if (!hosts.exact.isEmpty()) {
        y += QStringLiteral("    filter_host:\n        DestinationHostname:\n");
        y += sigmaList(QStringLiteral("            "), hosts.exact, false);
        filters << QStringLiteral("filter_host");
    }
    if (!hosts.suffixes.isEmpty()) {
        y += QStringLiteral("    filter_domain:\n        DestinationHostname|endswith:\n");
        y += sigmaList(QStringLiteral("            "), hosts.suffixes, false);
        filters << QStringLiteral("filter_domain");
    }
    if (!hosts.cidrs.isEmpty()) {
        y += QStringLiteral("    filter_range:\n        DestinationIp|cidr:\n");
        y += sigmaList(QStringLiteral("            "), hosts.cidrs, false);
        filters << QStringLiteral("filter_range");
    }
    QString egressCondition = sigmaCondition(egressSel);
    if (!filters.isEmpty())
        egressCondition += QStringLiteral(" and not 1 of filter_*");
    y += QStringLiteral("    condition: %1\n").arg(egressCondition);

    // The correlations: the stages in order, on one host, within the window. A Sigma
    // rule has one log source, so "shell or unsigned module" is two correlations.
    const auto correlation = [&](const QString &rule, const QString &title, const QString &firstRun) {
        y += QStringLiteral("---\ntitle: %1\nid: %2\nname: %3%4\nstatus: experimental\n")
                 .arg(yamlText(title), sigmaId(platform, rule), prefix, rule);
        y += QStringLiteral("description: %1\n")
                 .arg(yamlText(QStringLiteral("Installer, write in a program path, first run, egress to a host that "
                                              "is not an approved update host, in this order on one host within "
                                              "TimeWindow.")));
        y += QStringLiteral("references:\n    - https://attack.mitre.org/techniques/T1195/002/\n");
        y += QStringLiteral("tags:\n    - attack.initial-access\n    - attack.t1195.002\n");
        y += QStringLiteral("correlation:\n    type: temporal_ordered\n    rules:\n");
        for (const QString &r :
            {QStringLiteral("install"), QStringLiteral("write"), firstRun, QStringLiteral("egress")})
            y += QStringLiteral("        - %1%2\n").arg(prefix, r);
        y += QStringLiteral("    group-by:\n        - %1\n").arg(groupBy);
        y += QStringLiteral("    timespan: %1\n").arg(timeSpan(m_policy.timeWindowUs));
        y += QStringLiteral("    condition:\n        gte: 4\n");
        y += QStringLiteral("level: high\n");
    };
    correlation(QStringLiteral("chain_shell"), QStringLiteral("Compromised update chain: first run starts a shell"),
        QStringLiteral("first_run_shell"));
    if (modules) {
        correlation(QStringLiteral("chain_module"),
            QStringLiteral("Compromised update chain: first run loads an unsigned module"),
            QStringLiteral("first_run_module"));
    }
    return y;
}

QString HuntExporter::renderSpl(Platform platform) const
{
    const QList<PathSpec> paths = pathSpecs(programPathsOf(m_policy, platform), platform);
    const Installers inst = installers(installersOf(m_policy, platform));
    const Hosts hosts = approvedHosts(m_policy);
    const bool ci = platform == Platform::Windows;
    const QString span = timeSpan(m_policy.timeWindowUs);
    const QString anyDir
        = platform == Platform::Windows ? QStringLiteral("(?:.*[\\\\/])?") : QStringLiteral("(?:.*/)?");

    // Field names of each platform's telemetry.
    struct Fields
    {
        QString search, image, commandLine, parentImage, target, destHost, destIp;
        QString isStart, isWrite, isLoad, isConnect;
    } f;
    if (platform == Platform::Windows) {
        f = {QStringLiteral("(source=\"XmlWinEventLog:Microsoft-Windows-Sysmon/Operational\" OR "
                            "sourcetype=\"XmlWinEventLog:Microsoft-Windows-Sysmon/Operational\") "
                            "EventCode IN (1, 3, 7, 11)"),
            QStringLiteral("Image"), QStringLiteral("CommandLine"), QStringLiteral("ParentImage"),
            QStringLiteral("TargetFilename"), QStringLiteral("DestinationHostname"), QStringLiteral("DestinationIp"),
            QStringLiteral("EventCode=1"), QStringLiteral("EventCode=11"), QStringLiteral("EventCode=7"),
            QStringLiteral("EventCode=3")};
    } else if (platform == Platform::Linux) {
        // Raw auditd (sourcetype linux:audit): each record is its own event. A connect's
        // address is in its SOCKADDR record, readable only as enriched auditd logs
        // (log_format = ENRICHED) print it: laddr=.
        f = {QStringLiteral("sourcetype=\"linux:audit\" type IN (SYSCALL, PATH, SOCKADDR)"), QStringLiteral("exe"),
            QStringLiteral("proctitle"), QStringLiteral("parent_exe"), QStringLiteral("name"),
            QStringLiteral("dest_host"), QStringLiteral("dest_ip"),
            QStringLiteral("type=\"SYSCALL\" AND (syscall=\"59\" OR syscall=\"execve\")"),
            QStringLiteral("type=\"PATH\" AND nametype=\"CREATE\""), QStringLiteral("false()"),
            QStringLiteral("type=\"SOCKADDR\"")};
    } else {
        // macOS: Endpoint Security or unified-log data mapped to ECS-style fields.
        f = {QStringLiteral("event.category IN (process, file, network)"), QStringLiteral("'process.executable'"),
            QStringLiteral("'process.command_line'"), QStringLiteral("'process.parent.executable'"),
            QStringLiteral("'file.path'"), QStringLiteral("'destination.domain'"), QStringLiteral("'destination.ip'"),
            QStringLiteral("'event.category'=\"process\" AND 'event.type'=\"start\""),
            QStringLiteral("'event.category'=\"file\" AND 'event.type' IN (\"creation\", \"change\")"),
            QStringLiteral("false()"), QStringLiteral("'event.category'=\"network\"")};
    }

    // Stage 1: the image's file name, an interpreter's script, or NAME SUBCOMMAND.
    QStringList installTerms;
    if (!inst.names.isEmpty())
        installTerms << splMatch(f.image, regexAny(inst.names, true, ci, anyDir));
    if (!inst.scripts.isEmpty()) {
        installTerms << splMatch(f.commandLine,
            (ci ? QStringLiteral("(?i)") : QString()) + QStringLiteral("[\\\\/](?:") + alternation(inst.scripts, true)
                + QStringLiteral(")(?:\\s|$)"));
    }
    for (const auto &[name, subcommand] : inst.subcommands) {
        installTerms << QStringLiteral("(%1 AND %2)")
                            .arg(splMatch(f.image, regexAny({name}, true, ci, anyDir)),
                                splMatch(f.commandLine,
                                    QStringLiteral("\\s(?:") + alternation({subcommand}, false)
                                        + QStringLiteral(")(?:\\s|$)")));
    }
    const QString install
        = installTerms.isEmpty() ? QStringLiteral("false()") : installTerms.join(QStringLiteral(" OR "));

    QString firstRun
        = QStringLiteral("(%1 AND %2)").arg(f.isStart, splMatch(f.image, regexAny(shells(platform), true, ci, anyDir)));
    if (platform != Platform::Linux)
        firstRun = QStringLiteral("(%1 AND %2 AND %3)")
                       .arg(f.isStart, splInPaths(f.parentImage, paths, platform),
                           splMatch(f.image, regexAny(shells(platform), true, ci, anyDir)));
    if (platform == Platform::Windows) {
        QString bad = QStringLiteral("Signed=\"false\" OR SignatureStatus!=\"Valid\"");
        if (!m_policy.approvedSigners.isEmpty())
            bad += QStringLiteral(" OR NOT ")
                + splMatch(QStringLiteral("Signature"), regexAny(m_policy.approvedSigners, false, true));
        firstRun += QStringLiteral(" OR (%1 AND %2 AND (%3))").arg(f.isLoad, splInPaths(f.image, paths, platform), bad);
    }

    QStringList approved;
    // auditd records carry addresses, not names: on Linux only the IP and CIDR entries apply.
    if (platform != Platform::Linux && (!hosts.exact.isEmpty() || !hosts.suffixes.isEmpty())) {
        QStringList alternatives;
        if (!hosts.exact.isEmpty())
            alternatives << alternation(hosts.exact, false);
        if (!hosts.suffixes.isEmpty())
            alternatives << QStringLiteral(".+(?:") + alternation(hosts.suffixes, false) + u')';
        approved << splMatch(
            f.destHost, QStringLiteral("(?i)^(?:") + alternatives.join(u'|') + QStringLiteral(")\\.?$"));
    }
    for (const QString &c : hosts.cidrs)
        approved << QStringLiteral("cidrmatch(%1, %2)").arg(splString(c), f.destIp);
    QString egress = platform == Platform::Linux
        ? QStringLiteral("(%1)").arg(f.isConnect)
        : QStringLiteral("(%1 AND %2)").arg(f.isConnect, splInPaths(f.image, paths, platform));
    if (!approved.isEmpty())
        egress
            = QStringLiteral("(%1 AND NOT (%2))").arg(egress.mid(1).chopped(1), approved.join(QStringLiteral(" OR ")));

    QString s = header(m_policy, platform, QString());
    s = QStringLiteral("``` ") + s.trimmed().replace(u'\n', QStringLiteral(" ```\n``` ")) + QStringLiteral(" ```\n");
    s += QStringLiteral("search %1\n").arg(f.search);
    if (platform == Platform::Linux) {
        s += QStringLiteral("| rex field=_raw \"laddr=(?<dest_ip>[0-9A-Fa-f:.]+)\"\n");
    }
    s += QStringLiteral("| eval chainscope_stage=case(\n");
    s += QStringLiteral("    %1 AND (%2), 1,\n").arg(f.isStart, install);
    s += QStringLiteral("    %1 AND %2, 2,\n").arg(f.isWrite, splInPaths(f.target, paths, platform));
    s += QStringLiteral("    %1, 3,\n").arg(firstRun);
    s += QStringLiteral("    %1, 4)\n").arg(egress);
    s += QStringLiteral("| where isnotnull(chainscope_stage)\n");
    s += QStringLiteral("| transaction host maxspan=%1 startswith=eval(chainscope_stage=1) "
                        "endswith=eval(chainscope_stage=4)\n")
             .arg(span);
    s += QStringLiteral("| where mvcount(mvdedup(chainscope_stage))=4\n");
    QStringList shown = {f.image, f.target, f.destHost, f.destIp};
    for (QString &field : shown)
        field.remove(u'\'');
    s += QStringLiteral("| table _time host duration eventcount chainscope_stage %1\n").arg(shown.join(u' '));
    return s;
}

} // namespace Chainscope
