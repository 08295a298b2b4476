#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Chainscope {

class HtmlReport;

// What every page of a printed report repeats at its top.
struct PageHeader
{
    QString caseFileName;
    QDateTime generatedAt; // UTC
    QString policyVersion;
};

// Report HTML as QTextDocument lays it out: its <wbr> break opportunities (which
// QTextDocument does not know) become zero-width spaces, where it may wrap a line.
QString forTextDocument(const QString &reportHtml);

// The report as a PDF in memory, one an analyst can hand over: A4 with the full
// width used; a running header (case file, generation time, policy version) and
// "page x of y" on every page; no table row cut by a page break; each chain's
// timeline as a picture; bookmarks for the headings (chains under "Chains").
QByteArray renderPdf(const HtmlReport &report);

// renderPdf(), written whole or not at all (writeOutputFile). Returns an error
// message, or an empty string on success.
QString exportPdf(const HtmlReport &report, const QString &path);

} // namespace Chainscope
