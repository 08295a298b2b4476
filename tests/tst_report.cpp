// The HTML report of issue 14: evidence columns, the analyst's marks, notes and
// bookmarks, the policy history, per-source time zone and skipped lines, chain
// selection, identical output for the same case, and an SVG timeline that parses.
// Every case here is generated inline (no corpus, no fixtures on disk).
#include "caseindex.h"
#include "casestore.h"
#include "correlator.h"
#include "explanation.h"
#include "report.h"
#include "timelinesvg.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Chainscope;

namespace {

// Markup, quotes, a bidi override and a control character: what a log may carry.
QString hostile(const char *where)
{
    return QStringLiteral("<script>x</script>%1 \"q\" 's' \u202Eevil\x1b[31m").arg(QLatin1String(where));
}

QString withoutBreaks(QString html)
{
    return html.remove(QStringLiteral("<wbr>"));
}

} // namespace

class Tst_report : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void evidenceColumnsAndEscaping();
    void codeColumnsOnlyWhereLogged();
    void marksNotesAndBookmarks();
    void policyHistory();
    void sourcesShowZoneSkippedAndGaps();
    void chainSelection();
    void sameCaseSameBytes();
    void timelineSvgParses();
    void pathsWrapAtSeparators();
    void hashesBreakBetweenGroupsOfEight_data();
    void hashesBreakBetweenGroupsOfEight();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    CaseIndex m_index;
    QList<Chain> m_chains;
    qint64 m_eventId = -1;
    int m_cases = 0; // init() runs once per data row: one case file each
};

void Tst_report::init()
{
    m_store = CaseStore::create(m_dir.filePath(
        QStringLiteral("r%1-%2.chainscope").arg(QLatin1String(QTest::currentTestFunction())).arg(++m_cases)));
    SourceInfo info;
    info.path = QStringLiteral("/evidence/dpkg.log");
    info.format = QStringLiteral("dpkg");
    info.timeZone = QStringLiteral("Europe/Berlin");
    const qint64 sourceId = m_store->beginSource(info);
    Event e;
    e.timeUs = 1'772'442'000'000'000;
    e.host = QStringLiteral("build-07");
    e.platform = Platform::Linux;
    e.kind = EventKind::ProcessStart;
    e.pid = 42;
    e.image = hostile("image");
    e.targetPath = QStringLiteral("/usr/lib/x.so");
    {
        EventWriter writer(*m_store, sourceId);
        m_eventId = writer.add(e, writer.addRaw("raw"));
        ImportCounts counts;
        counts.recordsRead = 7;
        counts.recordsSkipped = 5;
        counts.recordsFailed = 1;
        writer.finish(counts);
    }
    m_index = CaseIndex();
    QVERIFY(m_index.load(*m_store));
    m_chains.clear();
    for (int id = 1; id <= 2; ++id) {
        Chain c;
        c.id = id;
        c.host = QStringLiteral("build-07");
        c.platform = Platform::Linux;
        c.startUs = e.timeUs;
        c.seedEventId = id == 1 ? m_eventId : 999;
        c.verdict = Verdict::Suspicious;
        Evidence x;
        x.eventId = m_eventId;
        x.eventIndex = 0;
        x.stage = Stage::FirstRun;
        x.role = QStringLiteral("module");
        x.image = hostile("image");
        x.target = hostile("target");
        x.signer = hostile("signer");
        x.signatureStatus = QStringLiteral("Valid");
        x.hashes = QStringLiteral("SHA256=aaaa → SHA256=bbbb");
        x.reason = hostile("reason");
        x.flag = id == 1 ? QStringLiteral("hash_drift") : QString();
        x.approvedBy = id == 2 ? QStringLiteral("ApprovedSigners Acme") : QString();
        c.evidence = {x};
        MissingStage m;
        m.stage = Stage::Egress;
        m.reason = hostile("missing");
        m.nearestEvent = 0;
        c.missingStages = {m};
        m_chains.append(c);
    }
}

void Tst_report::evidenceColumnsAndEscaping()
{
    const QString html = withoutBreaks(HtmlReport(*m_store, m_index, m_store->policy(), m_chains).render());
    for (const char *column :
        {"Stage / time (UTC)", "Role", "Process → target", "Signer (signature)", "Hash (old → new)", "Reason"})
        QVERIFY2(html.contains(QStringLiteral("%1</th>").arg(QString::fromUtf8(column))), column);
    // Old and new digests on lines of their own.
    QVERIFY(html.contains(QStringLiteral("SHA256=aaaa<br>→ SHA256=bbbb")));
    QVERIFY(html.contains(QStringLiteral("approved by ApprovedSigners entry Acme")));
    // Flags, stages and roles in words; a flag's key only in its title.
    QVERIFY(html.contains(QStringLiteral("&nbsp;%1&nbsp;").arg(mismatchLabel(QStringLiteral("hash_drift")))));
    QVERIFY(!html.contains(QLatin1String(">hash_drift")) && !html.contains(QLatin1String(";hash_drift")));
    QVERIFY(html.contains(QStringLiteral("<td>%1</td>").arg(roleLabel(QStringLiteral("module")))));
    QVERIFY(!html.contains(QLatin1String("first_run")));
    QVERIFY(!html.contains(QLatin1String("<script")));
    QVERIFY(!html.contains(QChar(0x202E)));
    QVERIFY(!html.contains(QChar(0x1b)));
    QVERIFY(html.contains(QLatin1String("&lt;script&gt;x&lt;/script&gt;signer &quot;q&quot; &#39;s&#39; "
                                        "\\u202eevil\\x1b[31m")));
}

// A chain whose evidence logged no signer, status or hash has no empty columns for
// them: the table says so in a sentence; one item with a hash brings both back.
void Tst_report::codeColumnsOnlyWhereLogged()
{
    QList<Chain> chains = m_chains.mid(0, 1);
    for (Evidence &x : chains.first().evidence) {
        x.signer.clear();
        x.signatureStatus.clear();
        x.hashes.clear();
    }
    const QString none = withoutBreaks(HtmlReport(*m_store, m_index, m_store->policy(), chains).render());
    QVERIFY(!none.contains(QLatin1String("Signer (signature)</th>")));
    QVERIFY(!none.contains(QStringLiteral("Hash (old → new)</th>")));
    QVERIFY(none.contains(QLatin1String("No signer, signature status or hash was logged")));
    // The remaining columns share the whole width.
    QVERIFY(none.contains(QStringLiteral("<th width=\"38%\">Process → target</th>")));

    chains.first().evidence.first().hashes = QStringLiteral("SHA256=aaaa,MD5=bbbb");
    const QString one = withoutBreaks(HtmlReport(*m_store, m_index, m_store->policy(), chains).render());
    QVERIFY(one.contains(QLatin1String("Signer (signature)</th>")));
    QVERIFY(one.contains(QStringLiteral("Hash (old → new)</th>")));
    QVERIFY(!one.contains(QLatin1String("No signer, signature status or hash was logged")));
    // One digest per line.
    QVERIFY(one.contains(QLatin1String("SHA256=aaaa,<br>MD5=bbbb")));
}

void Tst_report::marksNotesAndBookmarks()
{
    m_store->setChainTriage(m_eventId, TriageMark::Confirmed, hostile("note"));
    m_store->setBookmark(m_eventId, hostile("bookmark"));
    const QString html = withoutBreaks(HtmlReport(*m_store, m_index, m_store->policy(), m_chains).render());
    QVERIFY(html.contains(QStringLiteral("<b>confirmed</b>")));
    QVERIFY(html.contains(QLatin1String("&lt;script&gt;x&lt;/script&gt;note")));
    QVERIFY(html.contains(QStringLiteral("Bookmarked events")));
    QVERIFY(html.contains(QLatin1String("&lt;script&gt;x&lt;/script&gt;bookmark")));
    QVERIFY(!html.contains(QLatin1String("<script")));
    // The mark belongs to chain 1's seed only.
    QCOMPARE(html.count(QStringLiteral("<b>confirmed</b>")), 1);
}

void Tst_report::policyHistory()
{
    Policy p = m_store->policy();
    p.timeWindowUs = 4LL * 3600 * 1000000;
    QString error;
    QVERIFY(p.set(QStringLiteral("ApprovedUpdateHosts"), QStringLiteral("mirror.example"), true, &error));
    m_store->savePolicy(p);
    p.timeWindowUs = 90LL * 60 * 1000000;
    m_store->savePolicy(p);
    const QString html = withoutBreaks(HtmlReport(*m_store, m_index, m_store->policy(), m_chains).render());
    QVERIFY(html.contains(QStringLiteral("Policy history")));
    QVERIFY2(html.contains(QStringLiteral("TimeWindow 90m → 4h")), qPrintable(html));
    QVERIFY(html.contains(QStringLiteral("TimeWindow 4h → 90m")));
    QVERIFY(html.contains(QStringLiteral("ApprovedUpdateHosts: added mirror.example")));
    QVERIFY(html.contains(QStringLiteral("<td>v1</td>")));
    QVERIFY(html.contains(QStringLiteral("<td>v2</td>")));
}

void Tst_report::sourcesShowZoneSkippedAndGaps()
{
    const QString html = withoutBreaks(HtmlReport(*m_store, m_index, m_store->policy(), m_chains).render());
    QVERIFY(html.contains(QStringLiteral("<td>Europe/Berlin</td>")));
    QVERIFY(html.contains(QStringLiteral("Skipped</th>")));
    // errors, skipped, gaps side by side
    QVERIFY2(html.contains(QStringLiteral("<td class=\"num\">1</td><td class=\"num\">5</td><td class=\"num\">0</td>")),
        qPrintable(html));
}

void Tst_report::chainSelection()
{
    const Policy policy = m_store->policy(); // the report keeps a reference
    HtmlReport report(*m_store, m_index, policy, m_chains);
    report.setChainSelection({2});
    const QString html = report.render();
    QVERIFY(html.contains(QStringLiteral("Chain 2 —")));
    QVERIFY(!html.contains(QStringLiteral("Chain 1 —")));
    QCOMPARE(report.selectedChains().size(), 1);
    report.setChainSelection({});
    QCOMPARE(report.selectedChains().size(), 2);
}

void Tst_report::sameCaseSameBytes()
{
    m_store->setBookmark(m_eventId, QStringLiteral("b"));
    const QRegularExpression generated(QStringLiteral("Generated: [^<]*"));
    QString first = HtmlReport(*m_store, m_index, m_store->policy(), m_chains).render();
    QTest::qSleep(1100); // a second later: only the generation line may differ
    QString second = HtmlReport(*m_store, m_index, m_store->policy(), m_chains).render();
    QVERIFY(first.contains(generated));
    first.remove(generated);
    second.remove(generated);
    QCOMPARE(first.toUtf8(), second.toUtf8());
    // With the time fixed, the bytes are the same outright.
    const Policy policy = m_store->policy(); // the reports keep a reference
    HtmlReport a(*m_store, m_index, policy, m_chains);
    HtmlReport b(*m_store, m_index, policy, m_chains);
    const QDateTime at = QDateTime::fromSecsSinceEpoch(1'700'000'000, QTimeZone::utc());
    a.setGeneratedAt(at);
    b.setGeneratedAt(at);
    QCOMPARE(a.render().toUtf8(), b.render().toUtf8());
}

void Tst_report::timelineSvgParses()
{
    Policy policy = m_store->policy();
    for (const Chain &c : std::as_const(m_chains)) {
        const QString svg = timelineSvg(c, m_index, policy);
        QXmlStreamReader xml(svg);
        int elements = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement)
                ++elements;
            if (xml.isCharacters())
                QVERIFY2(!xml.text().contains(QChar(0x202E)) && !xml.text().contains(QChar(0x1b)),
                    qPrintable(xml.text().toString()));
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(elements > 10);
        QVERIFY(!svg.contains(QLatin1String("<script")));
        QVERIFY(svg.contains(QStringLiteral("window")));
    }
    const QString html = HtmlReport(*m_store, m_index, policy, m_chains).render();
    QCOMPARE(html.count(QStringLiteral("<svg ")), 2);
    QCOMPARE(formatGap(3LL * 3600 * 1000000 + 2 * 60 * 1000000), QStringLiteral("+3 h 02 min"));
}

void Tst_report::pathsWrapAtSeparators()
{
    const QString zw(QStringLiteral("<wbr>"));
    QCOMPARE(HtmlReport::escapePath(QStringLiteral("/usr/lib/a_b-c.so")),
        QString(QStringLiteral("/") + zw + QStringLiteral("usr/") + zw + QStringLiteral("lib/") + zw
            + QStringLiteral("a_") + zw + QStringLiteral("b-") + zw + QStringLiteral("c.") + zw
            + QStringLiteral("so")));
    // Never inside an entity or a control escape.
    QCOMPARE(HtmlReport::escapePath(QStringLiteral("a&b\x1b")), QStringLiteral("a&amp;b\\x1b"));
}

void Tst_report::hashesBreakBetweenGroupsOfEight_data()
{
    QTest::addColumn<QString>("hashes");
    QTest::addColumn<QString>("shown"); // with | for each break opportunity
    QTest::newRow("7 digits") << "MD5=1234567"
                              << "MD5=1234567";
    QTest::newRow("8 digits: no break after the last") << "MD5=12345678"
                                                       << "MD5=12345678";
    QTest::newRow("9 digits") << "MD5=123456789"
                              << "MD5=12345678|9";
    QTest::newRow("16 digits") << "ab12cd34ef56ab78cd90ef12ab34cd56"
                               << "ab12cd34|ef56ab78|cd90ef12|ab34cd56";
    QTest::newRow("a non-digit restarts the count") << "1234567-12345678"
                                                    << "1234567-|12345678";
}

void Tst_report::hashesBreakBetweenGroupsOfEight()
{
    QFETCH(QString, hashes);
    QFETCH(QString, shown);
    QCOMPARE(HtmlReport::escapeHashes(hashes).replace(QStringLiteral("<wbr>"), QStringLiteral("|")), shown);
}

QTEST_GUILESS_MAIN(Tst_report)
#include "tst_report.moc"
