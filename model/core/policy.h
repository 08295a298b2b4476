#pragma once

#include "event.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace Chainscope {

// One allow-list entry for destinations: an exact host name or IP, a "*.domain"
// suffix (subdomains only), or a CIDR range ("192.0.2.0/24", "2001:db8::/32").
class HostPattern
{
public:
    static std::optional<HostPattern> parse(const QString &text);
    // `host` is a name or an IP literal, as the log gave it.
    bool matches(const QString &host) const;
    const QString &text() const { return m_text; }

    enum class Kind { Exact, Suffix, Cidr };
    Kind kind() const { return m_kind; }
    // Exact: the case-folded name; Suffix: ".domain", case folded.
    const QString &value() const { return m_value; }
    // Cidr: the network (host bits cleared) and the prefix on 16 bytes.
    const std::array<quint8, 16> &network() const { return m_network; }
    int prefix() const { return m_prefix; }

private:
    Kind m_kind = Kind::Exact;
    QString m_text;
    QString m_value; // case-folded name, or suffix with its leading dot
    // CIDR ranges: the network as 16 bytes (IPv4 mapped into ::ffff:0:0/96) and the
    // prefix length counted on those 16 bytes.
    std::array<quint8, 16> m_network {};
    int m_prefix = 0;
};

// A Homebrew tap as brew names it: "user/homebrew-repo" and "user/repo" are one tap
// (brew adds the "homebrew-" of the GitHub repository itself). Anything that is not
// "user/repo" (a URL, a formula file) comes back trimmed, as given.
QString canonicalBrewTap(const QString &tap);

// Parses an IPv4 or IPv6 literal into 16 bytes (IPv4 as ::ffff:a.b.c.d).
std::optional<std::array<quint8, 16>> parseIpAddress(const QString &text);
// 127.0.0.0/8 (also IPv4-mapped) and ::1, in any textual form.
bool isLoopbackAddress(const QString &text);

// A monitored path: a glob ("/opt/*", "C:\\Program Files\\*") where a leading "~"
// stands for any home directory, and a plain directory covers everything under it.
class PathPattern
{
public:
    PathPattern(const QString &text, Platform platform);
    bool matches(const QString &path) const;
    const QString &text() const { return m_text; }

private:
    QString m_text;
    QList<QString> m_prefixes; // plain directories (already normalized)
    QList<QRegularExpression> m_globs; // wildcard patterns matching the path or a parent
    Qt::CaseSensitivity m_case;
};

// The case policy: every mutable element of the analytic (spec/analytic.md) plus
// the installer recognition lists, which are data rather than code. Each saved
// change gets a new version number; the case keeps every version.
class Policy
{
public:
    // Field names as in the spec; they are the keys of the JSON file and of
    // `chainscope-cli policy --set`.
    static const QStringList &fieldNames();
    static Policy defaults();

    qint64 timeWindowUs = 0;
    QStringList approvedUpdateHosts;
    QStringList approvedSigners;
    QStringList programPaths; // Windows
    QStringList pathScope; // Linux
    QStringList approvedRepos; // repository URLs and GPG key fingerprints
    QStringList allowedTeamIds;
    QStringList brewTapsAllowList;
    QStringList macProgramPaths;
    QStringList linuxInstallers;
    QStringList windowsInstallers;
    QStringList macInstallers;
    // Where installers unpack and stage the code they bring (temp folders, the
    // Windows Installer cache): a process an installer starts from here runs code the
    // installer brought, even when no write of it was logged. Windows and Unix paths
    // in one list; each entry applies to the platform whose paths it looks like.
    QStringList stagingPaths;
    int version = 0; // 0: never saved

    QJsonObject toJson() const;
    static std::optional<Policy> fromJson(const QJsonObject &json, QString *error);

    // Sets one field from text: durations as "90m", "4h", "2d", "30s"; lists as
    // comma-separated values. With `append`, list values are added ("+=").
    bool set(const QString &key, const QString &value, bool append, QString *error);
    // The same for a list field from whole entries (no splitting at commas), checked
    // and compiled once for the whole list.
    bool setList(const QString &key, const QStringList &values, bool append, QString *error);
    // Parses "KEY=VALUE" or "KEY+=VALUE".
    bool applyAssignment(const QString &assignment, QString *error);

    bool operator==(const Policy &other) const;
    bool operator!=(const Policy &other) const { return !(*this == other); }

    // Matching, with the patterns compiled once (compile() after changes).
    void compile();
    bool isApprovedHost(const QString &host) const;
    // The allow-list entry that approves `host` ("192.0.2.0/24", "ApprovedRepos
    // https://mirror.corp.example/debian"), or an empty string.
    QString approvingEntry(const QString &host) const;
    // The host of an approved repository URL counts as an approved update host.
    bool isApprovedRepoHost(const QString &host) const;
    bool isMonitoredPath(const QString &path, Platform platform) const;
    bool isInstaller(const QString &image, const QString &commandLine, Platform platform) const;
    // Whether isInstaller() looks at the command line for this image: interpreters
    // (the script is the installer) and "NAME SUBCOMMAND" entries. Lets a caller
    // decide once per image for everything else.
    bool installerNeedsArguments(const QString &image, Platform platform) const;
    bool isApprovedSigner(const QString &signer) const;
    // "ApprovedSigners <entry>" for an approved signer, else empty.
    QString approvingSigner(const QString &signer) const;
    bool isStagingPath(const QString &path, Platform platform) const;
    // macOS (AN0864): "AllowedTeamIDs <entry>" when the list names `teamId` (Team IDs
    // are upper-case letters and digits; compared exactly, after trimming), else empty.
    QString allowingTeamId(const QString &teamId) const;
    // macOS (AN0864): "BrewTapsAllowList <entry>" when the list names the Homebrew tap
    // ("user/repo", case-insensitive as GitHub names are), else empty.
    QString approvingTap(const QString &tap) const;
    // Whether the site named any package source it trusts (ApprovedUpdateHosts or
    // ApprovedRepos). Without one, a download is unapproved but no mismatch: nobody
    // said which sources are expected.
    bool hasSourceAllowList() const { return !m_hostPatterns.isEmpty() || !m_repoHostPatterns.isEmpty(); }

    static std::optional<qint64> parseDuration(const QString &text);
    static QString formatDuration(qint64 us);

private:
    QList<HostPattern> m_hostPatterns;
    // The host patterns by kind, so a lookup costs the same with 10 entries or a
    // proxy allow-list of 100,000: names and suffixes hashed, ranges scanned.
    QHash<QString, qsizetype> m_exactHosts; // case-folded name -> earliest pattern
    QHash<QString, qsizetype> m_suffixHosts; // ".domain" -> pattern
    // Ranges by prefix length: the address masked to each length present is hashed.
    QHash<int, QHash<QByteArray, qsizetype>> m_cidrHosts;
    // The first pattern that approves `host`, or -1.
    qsizetype approvingHostPattern(const QString &host) const;
    QList<HostPattern> m_repoHostPatterns;
    QStringList m_repoHostSources; // the ApprovedRepos entry of each repo host pattern
    QList<PathPattern> m_linuxPaths;
    QList<PathPattern> m_windowsPaths;
    QList<PathPattern> m_macPaths;
    QList<PathPattern> m_windowsStaging;
    QList<PathPattern> m_unixStaging;
    QList<QRegularExpression> m_linuxInstallerRx;
    QList<QRegularExpression> m_windowsInstallerRx;
    QList<QRegularExpression> m_macInstallerRx;
    // Entries "NAME SUBCOMMAND" ("go install"): the program and its first argument.
    struct SubcommandInstaller
    {
        QRegularExpression name;
        QString subcommand;
    };
    QList<SubcommandInstaller> m_linuxSubcommands;
    QList<SubcommandInstaller> m_windowsSubcommands;
    QList<SubcommandInstaller> m_macSubcommands;
};

} // namespace Chainscope
