#pragma once

#include "event.h"
#include "policy.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Chainscope {

// The case's tuned analytic (DET0309 / T1195.002) as detection rules for engines the
// organisation already runs, so a hunt tuned on one host's evidence runs fleet-wide
// (issue 15): an Elastic EQL sequence, Sigma base rules with a temporal_ordered
// correlation, or a Splunk search. What each rule needs from the telemetry, and where
// it is weaker than the workbench, is docs/hunting.md.
//
// Every value from the policy is hostile text: it is quoted and escaped for the target
// language, so a host, signer or path holding quotes, wildcards, backslashes or control
// characters cannot change the rule's meaning. Policy fields that are patterns in the
// workbench (installer names, program paths: `*` and `?` are globs there) keep their
// wildcards; fields that are exact (signers, Team IDs, host names, the domain of a
// "*.domain" entry, CIDR ranges) are matched with operators that have no wildcards, or
// have their wildcard characters escaped.
class HuntExporter
{
public:
    enum class Format { Eql, Sigma, Spl };

    explicit HuntExporter(const Policy &policy);

    // The rule text for one platform (Windows, Linux or MacOS), ending in a newline.
    QString render(Format format, Platform platform) const;

    static std::optional<Format> formatFromName(QStringView name); // "eql", "sigma", "spl"
    static QString formatName(Format format);
    static QString fileExtension(Format format); // "eql", "yml", "spl"

    // The window as the engines write durations: whole seconds, in the largest unit that
    // divides it ("90m", "4h", "59s", "1m"); at least "1s".
    static QString timeSpan(qint64 us);

    // Escapers, public for the tests. An EQL string literal in double quotes.
    static QString eqlString(const QString &value);
    // A Sigma value: Sigma's escapes (`\*`, `\?`, `\\`) unless `wildcards`, then YAML
    // quoting (single quotes; double quotes with escapes when it holds control
    // characters, which single-quoted YAML cannot carry).
    static QString sigmaValue(const QString &value, bool wildcards);
    // A SPL string literal in double quotes.
    static QString splString(const QString &value);
    // An anchored PCRE pattern (for SPL's match()) from a glob (`*`, `?` as wildcards)
    // or, without `wildcards`, from literal text. Controls become \x{..} escapes.
    static QString regexFromGlob(const QString &glob, bool wildcards);

private:
    QString renderEql(Platform platform) const;
    QString renderSigma(Platform platform) const;
    QString renderSpl(Platform platform) const;

    Policy m_policy;
};

} // namespace Chainscope
