#include "report.h"

#include "casestore.h"
#include "caseverifier.h"
#include "explanation.h"
#include "timelinesvg.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace Chainscope {

namespace {

// One translation context for the whole file, declared where lupdate sees it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Chainscope::HtmlReport)
};

// Flags (and notes) in words, in order.
QStringList flagLabels(const QStringList &flags)
{
    QStringList labels;
    for (const QString &f : flags)
        labels << mismatchLabel(f);
    return labels;
}

const char *const Style = R"css(
body { font-family: sans-serif; margin: 2em; color: #1d1d1f; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin-bottom: 0.3em; }
table { border-collapse: collapse; width: 100%; font-size: 0.85em; margin: 0.4em 0 1em 0; }
th, td { border: 1px solid #d0d0d0; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.num { text-align: right; }
code, .mono { font-family: monospace; word-break: break-all; }
.meta { color: #555; font-size: 0.9em; }
.chain { border: 1px solid #bbb; border-radius: 4px; padding: 0.2em 1em 0.6em 1em; margin: 1em 0; page-break-inside: avoid; }
div.suspicious { border-left: 6px solid #c62828; }
div.incomplete { border-left: 6px solid #ef6c00; }
div.approved { border-left: 6px solid #2e7d32; }
p.summary { margin: 0.3em 0; }
p.because, .approvedby { color: #2e7d32; }
.flag { display: inline-block; background: #c62828; color: white; border-radius: 3px; padding: 0 5px; margin-right: 4px; font-size: 0.85em; }
.ok { background: #2e7d32; }
.note { background: #6d6d6d; }
.missing { color: #8a4b00; }
tr.mismatch td { background: #fde0dc; }
td.incomplete { color: #c62828; font-weight: bold; }
td.gaps { color: #ef6c00; }
.triage { border: 1px solid #888; border-radius: 3px; padding: 2px 6px; background: #fff8e1; }
.timeline { margin: 0.4em 0; }
.history { margin: 0.2em 0; }
)css";

// Between a path separator and what follows it: where a long path may wrap.
// escapeHashes(): digits between break opportunities (a SHA-256 is 8 groups).
constexpr int HashGroupDigits = 8;
// Where a long token may wrap (escapePath, escapeHashes).
const QString BreakOpportunity = QStringLiteral("<wbr>");

} // namespace

HtmlReport::HtmlReport(CaseStore &store, const CaseIndex &index, const Policy &policy, const QList<Chain> &chains)
    : m_store(store)
    , m_index(index)
    , m_policy(policy)
    , m_chains(chains)
    , m_generatedAt(QDateTime::currentDateTimeUtc())
{
    // Whole seconds: the header of every PDF page and the report's line say the same.
    m_generatedAt.setTime(
        QTime(m_generatedAt.time().hour(), m_generatedAt.time().minute(), m_generatedAt.time().second()));
}

QString HtmlReport::escapePath(const QString &text)
{
    return breakable(text, 0);
}

QString HtmlReport::breakable(const QString &text, int digitGroup)
{
    // Each piece between break opportunities is escaped on its own, so a break never
    // falls inside an entity ("&amp;") or a control escape ("\\x1b"). The opportunity
    // is <wbr>: a browser wraps there and copies nothing, so a path or a hash copied
    // from the report is the one in the log (a zero-width space would come along and
    // make a pasted hash match nothing). The PDF turns them into zero-width spaces for
    // QTextDocument, which knows no <wbr>.
    QString out;
    QString piece;
    int run = 0; // hex digits in a row, for digitGroup
    for (const QChar c : text) {
        if (c == u'/' || c == u'\\' || c == u'.' || c == u'_' || c == u'-') {
            out += escape(piece) + c + BreakOpportunity;
            piece.clear();
            run = 0;
            continue;
        }
        const bool hex = c.isDigit() || (c.toLower() >= u'a' && c.toLower() <= u'f');
        if (digitGroup > 0 && hex && run == digitGroup) {
            out += escape(piece) + BreakOpportunity;
            piece.clear();
            run = 0;
        }
        run = hex ? run + 1 : 0;
        piece += c;
    }
    return out + escape(piece);
}

QString HtmlReport::caseFileName() const
{
    return QFileInfo(m_store.path()).fileName();
}

QDateTime HtmlReport::generatedAt() const
{
    return m_generatedAt;
}

QString HtmlReport::policyVersionText() const
{
    return m_policy.version > 0 ? Text::tr("policy v%1").arg(m_policy.version) : Text::tr("default policy");
}

QList<const Chain *> HtmlReport::selectedChains() const
{
    QList<const Chain *> out;
    for (const Chain &c : m_chains) {
        if (m_selection.isEmpty() || m_selection.contains(c.id))
            out.append(&c);
    }
    return out;
}

QString HtmlReport::timelineSvgOf(const Chain &chain) const
{
    return timelineSvg(chain, m_index, m_policy);
}

QString HtmlReport::timelineResourceName(int chainId)
{
    return QStringLiteral("chainscope-timeline:%1").arg(chainId);
}

QStringList HtmlReport::policyChanges(const Policy &before, const Policy &after)
{
    QStringList out;
    const QJsonObject a = before.toJson();
    const QJsonObject b = after.toJson();
    for (const QString &field : Policy::fieldNames()) {
        const QJsonValue va = a.value(field);
        const QJsonValue vb = b.value(field);
        if (va == vb)
            continue;
        if (!va.isArray() && !vb.isArray()) {
            out << Text::tr("%1 %2 → %3").arg(field, va.toString(), vb.toString());
            continue;
        }
        QStringList oldItems;
        QStringList newItems;
        for (const QJsonValue &v : va.toArray())
            oldItems << v.toString();
        for (const QJsonValue &v : vb.toArray())
            newItems << v.toString();
        QStringList added;
        QStringList removed;
        for (const QString &v : std::as_const(newItems)) {
            if (!oldItems.contains(v))
                added << v;
        }
        for (const QString &v : std::as_const(oldItems)) {
            if (!newItems.contains(v))
                removed << v;
        }
        QStringList parts;
        if (!added.isEmpty())
            parts << Text::tr("added %1").arg(added.join(QStringLiteral(", ")));
        if (!removed.isEmpty())
            parts << Text::tr("removed %1").arg(removed.join(QStringLiteral(", ")));
        if (parts.isEmpty())
            parts << Text::tr("reordered");
        out << Text::tr("%1: %2").arg(field, parts.join(QStringLiteral("; ")));
    }
    return out;
}

QString HtmlReport::escape(const QString &text)
{
    // toHtmlEscaped covers < > & "; single quotes matter inside attributes. Control
    // characters have no business in a report, and bidi overrides (U+202E and
    // friends) would let a file name read backwards: all are shown as escapes.
    QString out = text.toHtmlEscaped();
    out.replace(u'\'', QLatin1String("&#39;"));
    return showControlCharacters(out, true);
}

QString HtmlReport::render() const
{
    const QList<const Chain *> chains = selectedChains();
    int suspicious = 0;
    int incomplete = 0;
    int approved = 0;
    for (const Chain *c : chains) {
        switch (c->verdict) {
        case Verdict::Suspicious:
            ++suspicious;
            break;
        case Verdict::Incomplete:
            ++incomplete;
            break;
        case Verdict::Approved:
            ++approved;
            break;
        }
    }
    QString html;
    html += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">");
    html += QStringLiteral("<title>%1</title>").arg(escape(Text::tr("Chainscope report: %1").arg(caseFileName())));
    html += QStringLiteral("<style>%1</style></head><body>\n").arg(QString::fromLatin1(Style));
    html += QStringLiteral("<h1>%1</h1>\n").arg(escape(Text::tr("Supply-chain compromise report")));
    // Chain of custody (issue 11, finding 13): a reader of the report learns whether the
    // case it was made from was checked against its recorded hashes, and when. The
    // generation time has a line of its own: it is the only line that differs between
    // two reports of the same case.
    html
        += QStringLiteral("<p class=\"meta\">%1<br>\n%2<br>\n%3<br>\n%4<br>\n%5</p>\n")
               .arg(escapePath(m_store.path()).prepend(escape(Text::tr("Case: "))),
                   escape(Text::tr("Generated: %1 UTC").arg(m_generatedAt.toString(Qt::ISODate))),
                   escape(Text::tr("Last verified: %1").arg(verificationStampText(lastVerification(m_store)))),
                   escape(Text::tr("Analytic: MITRE ATT&CK DET0309 (T1195.002), install → write → first run → egress")),
                   escape(m_chainsKept
                           ? Text::tr("Chains: as the case kept them from its last analysis under this policy (read "
                                      "from the case file, not computed for this report).")
                           : Text::tr("Chains: computed from the case's events for this report.")));
    if (!m_selection.isEmpty()) {
        QStringList ids;
        for (const Chain *c : chains)
            ids << QString::number(c->id);
        html += QStringLiteral("<p class=\"meta\">%1</p>\n")
                    .arg(escape(Text::tr("Selected chains only: %1 of %2.")
                                    .arg(ids.join(QStringLiteral(", ")), QString::number(m_chains.size()))));
    }
    html += QStringLiteral("<h2>%1</h2>\n<p>%2</p>\n")
                .arg(escape(Text::tr("Summary")),
                    escape(Text::tr("%1 suspicious chain(s), %2 incomplete, %3 approved by the policy.")
                               .arg(suspicious)
                               .arg(incomplete)
                               .arg(approved)));
    // Findings first; what they rest on (evidence files, policy) after.
    html += QStringLiteral("<h2>%1</h2>\n").arg(escape(Text::tr("Chains")));
    if (chains.isEmpty())
        html += QStringLiteral("<p>%1</p>\n").arg(escape(Text::tr("No install seed wrote into a monitored path.")));
    else
        html += renderOverview(chains);
    const QHash<qint64, ChainTriage> triage = m_store.chainTriage();
    for (const Chain *c : chains) {
        QString triageHtml;
        const auto t = triage.constFind(c->seedEventId);
        if (c->seedEventId >= 0 && t != triage.constEnd()) {
            QStringList parts;
            if (t->mark != TriageMark::None)
                parts << QStringLiteral("<b>%1</b>").arg(escape(triageMarkText(t->mark)));
            if (!t->note.isEmpty())
                parts << escape(t->note);
            if (!parts.isEmpty())
                triageHtml = QStringLiteral("<p class=\"triage\">%1 %2</p>\n")
                                 .arg(escape(Text::tr("Analyst:")), parts.join(QStringLiteral(" — ")));
        }
        html += renderChain(*c, triageHtml);
    }
    html += renderBookmarks();
    html += renderSources();
    html += renderPolicy();
    html += QStringLiteral("</body></html>\n");
    return html;
}

QString HtmlReport::triageMarkText(TriageMark mark)
{
    switch (mark) {
    case TriageMark::None:
        return Text::tr("not marked");
    case TriageMark::Confirmed:
        return Text::tr("confirmed");
    case TriageMark::Benign:
        return Text::tr("benign");
    case TriageMark::FollowUp:
        return Text::tr("needs follow-up");
    }
    return triageMarkName(mark);
}

QString HtmlReport::renderBookmarks() const
{
    const QList<Bookmark> marks = m_store.bookmarks();
    if (marks.isEmpty())
        return QString();
    QString html
        = QStringLiteral("<h2>%1</h2>\n<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\">"
                         "<tr><th width=\"8%\">%2</th><th width=\"18%\">%3</th><th width=\"12%\">%4</th>"
                         "<th width=\"30%\">%5</th><th>%6</th></tr>\n")
              .arg(escape(Text::tr("Bookmarked events")), escape(Text::tr("Event")), escape(Text::tr("Time (UTC)")),
                  escape(Text::tr("Kind")), escape(Text::tr("Object")), escape(Text::tr("Note")));
    for (const Bookmark &b : marks) {
        const std::optional<Event> e = m_store.event(b.eventId);
        html += QStringLiteral("<tr><td class=\"num\">%1</td><td class=\"mono\">%2</td><td>%3</td>"
                               "<td class=\"mono\">%4</td><td>%5</td></tr>\n")
                    .arg(QString::number(b.eventId), e ? escape(formatTimeUs(e->timeUs)) : QString(),
                        e ? escape(kindName(e->kind)) : escape(Text::tr("(not in the case)")),
                        e ? escapePath(eventObject(*e)) : QString(), escape(b.note));
    }
    return html + QStringLiteral("</table>\n");
}

QString HtmlReport::renderSources() const
{
    QString html
        = QStringLiteral("<h2>%1</h2>\n<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\"><tr>")
              .arg(escape(Text::tr("Evidence sources")));
    for (const char *h :
        {QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "#"), QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "File"),
            QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Format"),
            QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "SHA-256"),
            QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Time zone"),
            QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Records"),
            QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Events"),
            QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Errors"),
            QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Skipped"), QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Gaps"),
            QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Status")})
        html += QStringLiteral("<th>%1</th>").arg(escape(Text::tr(h)));
    html += QStringLiteral("</tr>\n");
    for (const SourceInfo &s : m_store.sources()) {
        const bool complete = s.status == SourceStatus::Complete;
        // The hash wraps between groups of digits rather than at any letter.
        const QString hash = escapeHashes(s.sha256);
        // One pass over the template: a "%2" in a file name or an error text is text,
        // never a place for the next value (chained arg() calls would re-scan it).
        // QString::arg() takes at most nine strings at once: the row goes in pieces.
        html += QStringLiteral("<tr><td class=\"num\">%1</td><td class=\"mono\">%2</td><td>%3</td>"
                               "<td class=\"mono\">%4</td><td>%5</td><td class=\"num\">%6</td>"
                               "<td class=\"num\">%7</td>")
                    .arg(QString::number(s.id), escapePath(s.path), escape(s.format), hash,
                        s.timeZone.isEmpty() ? escape(Text::tr("UTC / as logged")) : escape(s.timeZone),
                        QString::number(s.counts.recordsRead), QString::number(s.counts.eventsStored))
            + QStringLiteral("<td class=\"num\">%1</td><td class=\"num\">%2</td>")
                  .arg(QString::number(s.counts.recordsFailed), QString::number(s.counts.recordsSkipped))
            + renderGaps(s.counts.gaps)
            + QStringLiteral("<td%1>%2</td></tr>\n")
                  .arg(complete ? QString() : QStringLiteral(" class=\"incomplete\""),
                      escape(sourceStatusName(s.status)
                          + (s.error.isEmpty() ? QString() : QStringLiteral(": ") + s.error)));
    }
    return html + QStringLiteral("</table>\n");
}

QString HtmlReport::renderGaps(const SerialGaps &gaps)
{
    // Gaps are no error (excerpts and rotated logs have them with every record
    // intact), but events may be missing there: worded as a possible loss, with the
    // first holes so that the analyst can look (issue 11, finding 12).
    if (gaps.missing == 0)
        return QStringLiteral("<td class=\"num\">0</td>");
    constexpr qsizetype Shown = 5;
    QStringList ranges = gaps.rangeStrings().mid(0, Shown);
    if (gaps.rangeCount > ranges.size())
        ranges.append(Text::tr("\u2026 %1 ranges in all").arg(gaps.rangeCount));
    return QStringLiteral("<td class=\"gaps\">%1</td>")
        .arg(escape(Text::tr("%1 missing sequence number(s): possible loss (%2)")
                        .arg(QString::number(gaps.missing), ranges.join(QStringLiteral(", ")))));
}

QString HtmlReport::renderPolicy() const
{
    QString html = QStringLiteral("<h2>%1</h2>\n<p class=\"meta\">%2</p>\n<table width=\"100%\" cellspacing=\"0\" "
                                  "cellpadding=\"3\" border=\"1\">")
                       .arg(escape(Text::tr("Policy")),
                           escape(m_policy.version > 0 ? Text::tr("Case policy version %1.").arg(m_policy.version)
                                                       : Text::tr("Default policy (never edited in this case).")));
    const QJsonObject json = m_policy.toJson();
    for (const QString &field : Policy::fieldNames()) {
        const QJsonValue v = json.value(field);
        QString value;
        if (v.isArray()) {
            QStringList items;
            for (const QJsonValue &item : v.toArray())
                items << item.toString();
            value = items.isEmpty() ? Text::tr("(empty)") : items.join(QStringLiteral(", "));
        } else {
            value = v.toString();
        }
        html += QStringLiteral("<tr><th width=\"22%\">%1</th><td class=\"mono\">%2</td></tr>\n")
                    .arg(escape(field), escapePath(value));
    }
    html += QStringLiteral("</table>\n");
    return html + renderPolicyHistory(m_store.policyHistory());
}

QString HtmlReport::renderPolicyHistory(const QList<PolicyVersion> &history) const
{
    QString html = QStringLiteral("<h3>%1</h3>\n").arg(escape(Text::tr("Policy history")));
    if (history.isEmpty())
        return html
            + QStringLiteral("<p class=\"meta\">%1</p>\n")
                  .arg(escape(Text::tr("The policy was never edited in this case: the defaults apply.")));
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\">"
                           "<tr><th width=\"10%\">%1</th><th width=\"22%\">%2</th><th>%3</th></tr>\n")
                .arg(escape(Text::tr("Version")), escape(Text::tr("Saved (UTC)")),
                    escape(Text::tr("Changes from the previous version")));
    Policy previous = Policy::defaults();
    for (const PolicyVersion &v : history) {
        QStringList changes = policyChanges(previous, v.policy);
        if (changes.isEmpty())
            changes << Text::tr("no change");
        if (&v == &history.first())
            changes.prepend(Text::tr("from the defaults:"));
        QStringList escaped;
        for (const QString &c : std::as_const(changes))
            escaped << escapePath(c);
        html += QStringLiteral("<tr><td>%1</td><td class=\"mono\">%2</td><td>%3</td></tr>\n")
                    .arg(escape(Text::tr("v%1").arg(v.version)), escape(v.saved.toUTC().toString(Qt::ISODate)),
                        escaped.join(QStringLiteral("<br>")));
        previous = v.policy;
    }
    return html + QStringLiteral("</table>\n");
}

QString HtmlReport::verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Suspicious:
        return Text::tr("suspicious");
    case Verdict::Incomplete:
        return Text::tr("incomplete");
    case Verdict::Approved:
        return Text::tr("approved");
    }
    return verdictName(verdict);
}

QString HtmlReport::renderOverview(const QList<const Chain *> &chains) const
{
    // One line per chain, hosts side by side: a case often holds a fleet's Linux,
    // Windows and macOS machines, and the analyst first wants to see which of them
    // has what. Ordered by host, then as ranked.
    QList<const Chain *> byHost = chains;
    std::stable_sort(byHost.begin(), byHost.end(),
        [](const Chain *a, const Chain *b) { return a->host.compare(b->host, Qt::CaseInsensitive) < 0; });
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\"><tr>");
    for (const char *h :
        {QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Host"), QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Platform"),
            QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Chain"),
            QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Verdict"),
            QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Installer"),
            QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "First run"),
            QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Egress"),
            QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Flags")})
        html += QStringLiteral("<th>%1</th>").arg(escape(Text::tr(h)));
    html += QStringLiteral("</tr>\n");
    for (const Chain *c : std::as_const(byHost)) {
        html += QStringLiteral(
            "<tr%1><td>%2</td><td>%3</td><td class=\"num\">%4</td><td>%5</td><td class=\"mono\">%6</td>"
            "<td class=\"mono\">%7</td><td class=\"mono\">%8</td><td>%9</td></tr>\n")
                    .arg(c->verdict == Verdict::Suspicious ? QStringLiteral(" class=\"mismatch\"") : QString(),
                        escape(c->host), escape(platformName(c->platform)), QString::number(c->id),
                        escape(verdictText(c->verdict)),
                        escapePath(c->installerImage.isEmpty() ? c->installer : fileNameOf(c->installerImage)),
                        escapePath(fileNameOf(c->firstRun)), escapePath(c->egress),
                        escape(flagLabels(c->flags).join(QStringLiteral(", "))));
    }
    return html + QStringLiteral("</table>\n");
}

QString HtmlReport::renderChain(const Chain &c, const QString &triage) const
{
    // Everything here is the Correlator's explanation, rendered: the verdict, its
    // summary, the evidence with its reasons, the missing stages.
    QString html
        = QStringLiteral("<div class=\"chain %1\">\n<h3>%2</h3>\n")
              .arg(verdictName(c.verdict),
                  escape(Text::tr("Chain %1 — %2, host %3, score %4")
                             .arg(QString::number(c.id), verdictText(c.verdict), c.host, QString::number(c.score))));
    html += triage;
    if (!c.summary.isEmpty())
        html += QStringLiteral("<p class=\"summary%1\">%2</p>\n")
                    .arg(c.verdict == Verdict::Approved ? QStringLiteral(" because") : QString(), escape(c.summary));
    html += QStringLiteral("<p>");
    if (c.flags.isEmpty())
        html += QStringLiteral("<span class=\"flag ok\">%1</span>").arg(escape(Text::tr("no mismatch")));
    // Flags in words; the key (the JSON contract's name) in the title, for a reader who
    // greps the CLI's JSON for it.
    for (const QString &m : c.flags)
        html += QStringLiteral("<span class=\"flag\" title=\"%1\">&nbsp;%2&nbsp;</span> ")
                    .arg(escape(m), escape(mismatchLabel(m)));
    for (const QString &m : c.notes)
        html += QStringLiteral("<span class=\"flag note\" title=\"%1\">&nbsp;%2&nbsp;</span> ")
                    .arg(escape(m), escape(mismatchLabel(m)));
    html += QStringLiteral("</p>\n<p>%1 <code>%2</code><br>%3 %4</p>\n")
                .arg(escape(Text::tr("Installer:")), escapePath(c.installer), escape(Text::tr("Started:")),
                    escape(formatTimeUs(c.startUs)));
    for (const MissingStage &m : c.missingStages)
        html += QStringLiteral("<p class=\"missing\">%1</p>\n")
                    .arg(escape(Text::tr("Missing %1: %2").arg(stageLabel(m.stage), m.reason)));
    // The timeline: inline for a browser, by name for the PDF's painter.
    if (m_timelines == Timelines::InlineSvg)
        html += QStringLiteral("<div class=\"timeline\">%1</div>\n").arg(timelineSvgOf(c));
    else
        html += QStringLiteral("<p class=\"timeline\"><img src=\"%1\" alt=\"%2\"></p>\n")
                    .arg(timelineResourceName(c.id), escape(Text::tr("Timeline of chain %1").arg(c.id)));

    // The evidence columns of the workbench's tree (issue 14). Signer, signature and
    // hash are left out of a chain whose evidence logged none of them (said below the
    // table instead), so that a portrait page gives the other columns room enough not
    // to break words; the widths are shares of what is shown.
    // Process and target share a cell, as signer and signature do: on a portrait page
    // a path needs the width of a wide column to wrap at its separators, not at every
    // letter.
    enum Col { StageTime, Role, ProcessTarget, Signer, Hash, Reason };
    struct Column
    {
        Col id;
        const char *title;
        int weight;
    };
    static const Column allColumns[]
        = {{StageTime, QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Stage / time (UTC)"), 14},
            {Role, QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Role"), 11},
            {ProcessTarget, QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Process → target"), 27},
            {Signer, QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Signer (signature)"), 13},
            {Hash, QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Hash (old → new)"), 16},
            {Reason, QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Reason"), 19}};
    const bool codeFacts = std::any_of(c.evidence.cbegin(), c.evidence.cend(),
        [](const Evidence &x) { return !x.signer.isEmpty() || !x.signatureStatus.isEmpty() || !x.hashes.isEmpty(); });
    QList<Column> columns;
    int totalWeight = 0;
    for (const Column &column : allColumns) {
        if (!codeFacts && (column.id == Signer || column.id == Hash))
            continue;
        columns << column;
        totalWeight += column.weight;
    }
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\"><tr>");
    for (const Column &column : std::as_const(columns))
        html += QStringLiteral("<th width=\"%1%\">%2</th>")
                    .arg(column.weight * 100 / totalWeight)
                    .arg(escape(Text::tr(column.title)));
    html += QStringLiteral("</tr>\n");
    const QList<IndexedEvent> &events = m_index.events();
    for (const Evidence &x : c.evidence) {
        const QString time = x.eventIndex >= 0 && x.eventIndex < events.size()
            ? formatTimeUs(events.at(x.eventIndex).timeUs)
            : QString();
        QString reason = escape(x.reason);
        if (!x.approvedBy.isEmpty())
            reason
                += QStringLiteral("<br><span class=\"approvedby\">%1</span>").arg(escape(approvalLabel(x.approvedBy)));
        if (!x.flag.isEmpty())
            reason += QStringLiteral("<br><span class=\"flag\" title=\"%1\">&nbsp;%2&nbsp;</span>")
                          .arg(escape(x.flag), escape(mismatchLabel(x.flag)));
        html += x.flag.isEmpty() ? QStringLiteral("<tr>") : QStringLiteral("<tr class=\"mismatch\">");
        for (const Column &column : std::as_const(columns)) {
            switch (column.id) {
            case StageTime:
                html += QStringLiteral("<td>%1<br><span class=\"meta\">%2</span></td>")
                            .arg(escape(stageLabel(x.stage)), escape(time));
                break;
            case Role:
                html += QStringLiteral("<td>%1</td>").arg(escape(roleLabel(x.role)));
                break;
            case ProcessTarget:
                html += x.target.isEmpty() || x.target == x.image
                    ? QStringLiteral("<td class=\"mono\">%1</td>").arg(escapePath(x.image))
                    : QStringLiteral("<td class=\"mono\">%1<br>\u2192 %2</td>")
                          .arg(escapePath(x.image), escapePath(x.target));
                break;
            case Signer:
                html += x.signatureStatus.isEmpty() ? QStringLiteral("<td>%1</td>").arg(escape(x.signer))
                                                    : QStringLiteral("<td>%1<br><span class=\"meta\">(%2)</span></td>")
                                                          .arg(escape(x.signer), escape(x.signatureStatus));
                break;
            case Hash:
                // One digest per line, the new ones under the old.
                html += QStringLiteral("<td class=\"mono\">%1</td>")
                            .arg(escapeHashes(x.hashes)
                                     .replace(u',', QStringLiteral(",<br>"))
                                     .replace(QStringLiteral(" \u2192 "), QStringLiteral("<br>\u2192 ")));
                break;
            case Reason:
                html += QStringLiteral("<td>%1</td>").arg(reason);
                break;
            }
        }
        html += QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</table>\n");
    // Absence said in words: the logs gave no code-signing facts for this chain.
    if (!codeFacts && !c.evidence.isEmpty())
        html += QStringLiteral("<p class=\"meta\">%1</p>\n")
                    .arg(escape(Text::tr("No signer, signature status or hash was logged for this chain's evidence.")));
    if (!c.processes.isEmpty()) {
        html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\">"
                               "<tr><th width=\"40%\">%1</th><th>%2</th></tr>\n")
                    .arg(escape(Text::tr("Process")), escape(Text::tr("Role in chain")));
        for (const ChainProcess &p : c.processes) {
            html += QStringLiteral("<tr%1><td class=\"mono\">%2</td><td>%3</td></tr>\n")
                        .arg(p.mark == ChainMark::Mismatch ? QStringLiteral(" class=\"mismatch\"") : QString(),
                            escapePath(m_index.processKey(p.node)), escape(p.roles.join(QStringLiteral("; "))));
        }
        html += QStringLiteral("</table>\n");
    }
    return html + QStringLiteral("</div>\n");
}

QString HtmlReport::escapeHashes(const QString &text)
{
    // Hex digests are one long token: a break opportunity between groups of
    // HashGroupDigits lets the narrow hash column wrap there instead of at an
    // arbitrary letter (or not at all). Never after the last digit.
    return breakable(text, HashGroupDigits);
}

} // namespace Chainscope
