#include "report.h"

#include "casestore.h"
#include "caseverifier.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>

namespace Chainscope {

namespace {

// One translation context for the whole file, declared where lupdate sees it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Chainscope::HtmlReport)
};

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
)css";

} // namespace

HtmlReport::HtmlReport(CaseStore &store, const CaseIndex &index, const Policy &policy, const QList<Chain> &chains)
    : m_store(store)
    , m_index(index)
    , m_policy(policy)
    , m_chains(chains)
{
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
    int suspicious = 0;
    int incomplete = 0;
    int approved = 0;
    for (const Chain &c : m_chains) {
        switch (c.verdict) {
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
    html += QStringLiteral("<title>%1</title>")
                .arg(escape(Text::tr("Chainscope report: %1").arg(QFileInfo(m_store.path()).fileName())));
    html += QStringLiteral("<style>%1</style></head><body>\n").arg(QString::fromLatin1(Style));
    html += QStringLiteral("<h1>%1</h1>\n").arg(escape(Text::tr("Supply-chain compromise report")));
    // Chain of custody (issue 11, finding 13): a reader of the report learns whether the
    // case it was made from was checked against its recorded hashes, and when.
    html += QStringLiteral("<p class=\"meta\">%1<br>%2<br>%3<br>%4</p>\n")
                .arg(escape(Text::tr("Case: %1").arg(m_store.path())),
                    escape(Text::tr("Generated: %1 UTC").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))),
                    escape(Text::tr("Last verified: %1").arg(verificationStampText(lastVerification(m_store)))),
                    escape(
                        Text::tr("Analytic: MITRE ATT&CK DET0309 (T1195.002), install → write → first run → egress")));
    html += QStringLiteral("<h2>%1</h2>\n<p>%2</p>\n")
                .arg(escape(Text::tr("Summary")),
                    escape(Text::tr("%1 suspicious chain(s), %2 incomplete, %3 approved by the policy.")
                               .arg(suspicious)
                               .arg(incomplete)
                               .arg(approved)));
    // Findings first; what they rest on (evidence files, policy) after.
    html += QStringLiteral("<h2>%1</h2>\n").arg(escape(Text::tr("Chains")));
    if (m_chains.isEmpty())
        html += QStringLiteral("<p>%1</p>\n").arg(escape(Text::tr("No install seed wrote into a monitored path.")));
    else
        html += renderOverview();
    for (const Chain &c : m_chains)
        html += renderChain(c);
    html += renderSources();
    html += renderPolicy();
    html += QStringLiteral("</body></html>\n");
    return html;
}

QString HtmlReport::renderSources() const
{
    QString html
        = QStringLiteral("<h2>%1</h2>\n<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\"><tr>")
              .arg(escape(Text::tr("Evidence sources")));
    for (const char *h : {QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "#"),
             QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "File"), QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Format"),
             QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "SHA-256"),
             QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Records"),
             QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Events"),
             QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Errors"), QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Gaps"),
             QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Status")})
        html += QStringLiteral("<th>%1</th>").arg(escape(Text::tr(h)));
    html += QStringLiteral("</tr>\n");
    for (const SourceInfo &s : m_store.sources()) {
        const bool complete = s.status == SourceStatus::Complete;
        // One pass over the template: a "%2" in a file name or an error text is text,
        // never a place for the next value (chained arg() calls would re-scan it).
        // QString::arg() takes at most nine strings at once: the gap cell goes in first.
        html += QStringLiteral("<tr><td class=\"num\">%1</td><td class=\"mono\">%2</td><td>%3</td>"
                               "<td class=\"mono\">%4</td><td class=\"num\">%5</td><td class=\"num\">%6</td>"
                               "<td class=\"num\">%7</td>")
                    .arg(QString::number(s.id), escape(s.path), escape(s.format), escape(s.sha256),
                        QString::number(s.counts.recordsRead), QString::number(s.counts.eventsStored),
                        QString::number(s.counts.recordsFailed))
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
        html += QStringLiteral("<tr><th>%1</th><td class=\"mono\">%2</td></tr>\n").arg(escape(field), escape(value));
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

QString HtmlReport::renderOverview() const
{
    // One line per chain, hosts side by side: a case often holds a fleet's Linux,
    // Windows and macOS machines, and the analyst first wants to see which of them
    // has what. Ordered by host, then as ranked.
    QList<const Chain *> byHost;
    for (const Chain &c : m_chains)
        byHost.append(&c);
    std::stable_sort(byHost.begin(), byHost.end(),
        [](const Chain *a, const Chain *b) { return a->host.compare(b->host, Qt::CaseInsensitive) < 0; });
    QString html = QStringLiteral("<table><tr>");
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
        html
            += QStringLiteral(
                "<tr%1><td>%2</td><td>%3</td><td class=\"num\">%4</td><td>%5</td><td class=\"mono\">%6</td>"
                "<td class=\"mono\">%7</td><td class=\"mono\">%8</td><td>%9</td></tr>\n")
                   .arg(c->verdict == Verdict::Suspicious ? QStringLiteral(" class=\"mismatch\"") : QString(),
                       escape(c->host), escape(platformName(c->platform)), QString::number(c->id),
                       escape(verdictText(c->verdict)),
                       escape(c->installerImage.isEmpty() ? c->installer : fileNameOf(c->installerImage)),
                       escape(fileNameOf(c->firstRun)), escape(c->egress), escape(c->flags.join(QStringLiteral(", "))));
    }
    return html + QStringLiteral("</table>\n");
}

QString HtmlReport::renderChain(const Chain &c) const
{
    // Everything here is the Correlator's explanation, rendered: the verdict, its
    // summary, the evidence with its reasons, the missing stages.
    QString html
        = QStringLiteral("<div class=\"chain %1\">\n<h3>%2</h3>\n")
              .arg(verdictName(c.verdict),
                  escape(Text::tr("Chain %1 — %2, host %3, score %4")
                             .arg(QString::number(c.id), verdictText(c.verdict), c.host, QString::number(c.score))));
    if (!c.summary.isEmpty())
        html += QStringLiteral("<p class=\"summary%1\">%2</p>\n")
                    .arg(c.verdict == Verdict::Approved ? QStringLiteral(" because") : QString(), escape(c.summary));
    html += QStringLiteral("<p>");
    if (c.flags.isEmpty())
        html += QStringLiteral("<span class=\"flag ok\">%1</span>").arg(escape(Text::tr("no mismatch")));
    for (const QString &m : c.flags)
        html += QStringLiteral("<span class=\"flag\">&nbsp;%1&nbsp;</span> ").arg(escape(m));
    for (const QString &m : c.notes)
        html += QStringLiteral("<span class=\"flag note\">&nbsp;%1&nbsp;</span> ").arg(escape(m));
    html += QStringLiteral("</p>\n<p>%1 <code>%2</code><br>%3 %4</p>\n")
                .arg(escape(Text::tr("Installer:")), escape(c.installer), escape(Text::tr("Started:")),
                    escape(formatTimeUs(c.startUs)));
    for (const MissingStage &m : c.missingStages)
        html += QStringLiteral("<p class=\"missing\">%1</p>\n")
                    .arg(escape(Text::tr("Missing %1: %2").arg(stageName(m.stage), m.reason)));

    // Widths that leave the reasons room on a portrait page (the PDF export).
    struct Column
    {
        const char *title;
        int percent;
    };
    static const Column columns[] = {{QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Stage"), 9},
        {QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Time (UTC)"), 11},
        {QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Role"), 10},
        {QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Image"), 12},
        {QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Target"), 14},
        {QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Signer / status"), 8},
        {QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Reason"), 24},
        {QT_TRANSLATE_NOOP("Chainscope::HtmlReport", "Approved by / flag"), 12}};
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\"><tr>");
    for (const Column &column : columns)
        html += QStringLiteral("<th width=\"%1%\">%2</th>").arg(column.percent).arg(escape(Text::tr(column.title)));
    html += QStringLiteral("</tr>\n");
    const QList<IndexedEvent> &events = m_index.events();
    for (const Evidence &x : c.evidence) {
        const QString time = x.eventIndex >= 0 && x.eventIndex < events.size()
            ? formatTimeUs(events.at(x.eventIndex).timeUs)
            : QString();
        QStringList signer;
        if (!x.signer.isEmpty())
            signer << x.signer;
        if (!x.signatureStatus.isEmpty())
            signer << x.signatureStatus;
        QString target = escape(x.target);
        if (!x.hashes.isEmpty())
            target += QStringLiteral("<br><span class=\"meta\">%1</span>").arg(escape(x.hashes));
        QStringList verdictCell;
        if (!x.approvedBy.isEmpty())
            verdictCell << QStringLiteral("<span class=\"approvedby\">%1</span>").arg(escape(x.approvedBy));
        if (!x.flag.isEmpty())
            verdictCell << QStringLiteral("<span class=\"flag\">&nbsp;%1&nbsp;</span>").arg(escape(x.flag));
        html += QStringLiteral("<tr%1><td>%2</td><td class=\"mono\">%3</td><td>%4</td><td class=\"mono\">%5</td>"
                               "<td class=\"mono\">%6</td><td>%7</td><td>%8</td><td>%9</td></tr>\n")
                    .arg(x.flag.isEmpty() ? QString() : QStringLiteral(" class=\"mismatch\""),
                        escape(stageName(x.stage)), escape(time), escape(x.role), escape(x.image), target,
                        escape(signer.join(QStringLiteral(" / "))), escape(x.reason), verdictCell.join(u' '));
    }
    html += QStringLiteral("</table>\n");
    if (!c.processes.isEmpty()) {
        html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\">"
                               "<tr><th>%1</th><th>%2</th></tr>\n")
                    .arg(escape(Text::tr("Process")), escape(Text::tr("Role in chain")));
        for (const ChainProcess &p : c.processes) {
            html += QStringLiteral("<tr%1><td class=\"mono\">%2</td><td>%3</td></tr>\n")
                        .arg(p.mark == ChainMark::Mismatch ? QStringLiteral(" class=\"mismatch\"") : QString(),
                            escape(m_index.processKey(p.node)), escape(p.roles.join(QStringLiteral("; "))));
        }
        html += QStringLiteral("</table>\n");
    }
    return html + QStringLiteral("</div>\n");
}

} // namespace Chainscope
