// The exported hunt (issue 15): golden files from the demo policy, the structure each
// engine needs, and policy values that try to break out of their quotes.
//
// Golden files: tests/golden/hunt/<format>-<platform>.<ext>, rendered from
// tests/golden/hunt/demo-policy.json (the site-policy.json that `chainscope-cli demo DIR`
// writes). After a deliberate change of the rules, regenerate them with
//   CHAINSCOPE_UPDATE_GOLDEN=1 ctest --test-dir build/release -R tst_hunt
// and read the diff before committing it.

#include "huntexporter.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Chainscope;
using namespace Chainscope::Test;

namespace {

const QString GoldenDir = QStringLiteral(CHAINSCOPE_SOURCE_DIR "/tests/golden/hunt");

Policy demoPolicy()
{
    QFile f(GoldenDir + QStringLiteral("/demo-policy.json"));
    if (!f.open(QIODevice::ReadOnly))
        return Policy::defaults();
    QString error;
    const auto p = Policy::fromJson(QJsonDocument::fromJson(f.readAll()).object(), &error);
    return p ? *p : Policy::defaults();
}

QList<Platform> platforms()
{
    return {Platform::Windows, Platform::Linux, Platform::MacOS};
}

QList<HuntExporter::Format> formats()
{
    return {HuntExporter::Format::Eql, HuntExporter::Format::Sigma, HuntExporter::Format::Spl};
}

bool hasRawControl(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\n') || (u >= 0x7f && u <= 0x9f) || (u >= 0x202a && u <= 0x202e)
            || (u >= 0x2066 && u <= 0x2069))
            return true;
    }
    return false;
}

// Reads back one EQL string literal at `at` (the opening quote) by the grammar's escapes;
// `end` is where the literal stopped. An independent reading of what eqlString() wrote.
std::optional<QString> parseEqlString(const QString &text, qsizetype at, qsizetype *end)
{
    if (at >= text.size() || text.at(at) != u'"')
        return std::nullopt;
    QString value;
    for (qsizetype i = at + 1; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'"') {
            *end = i + 1;
            return value;
        }
        if (c == u'\n' || c == u'\r')
            return std::nullopt; // the grammar forbids raw line breaks in a string
        if (c != u'\\') {
            value += c;
            continue;
        }
        if (++i >= text.size())
            return std::nullopt;
        const QChar e = text.at(i);
        static const QHash<QChar, QChar> simple = {{u'"', u'"'}, {u'\\', u'\\'}, {u'\'', u'\''}, {u'n', u'\n'},
            {u'r', u'\r'}, {u't', u'\t'}, {u'b', u'\b'}, {u'f', u'\f'}};
        if (simple.contains(e)) {
            value += simple.value(e);
        } else if (e == u'u' && i + 1 < text.size() && text.at(i + 1) == u'{') {
            const qsizetype close = text.indexOf(u'}', i);
            bool ok = false;
            const uint code = text.mid(i + 2, close - i - 2).toUInt(&ok, 16);
            if (close < 0 || !ok)
                return std::nullopt;
            value += QChar(char16_t(code));
            i = close;
        } else {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

// Brackets and parentheses outside strings and comments, in order.
bool eqlBalanced(const QString &q, int *terms)
{
    QString stack;
    *terms = 0;
    for (qsizetype i = 0; i < q.size(); ++i) {
        const QChar c = q.at(i);
        if (c == u'/' && i + 1 < q.size() && q.at(i + 1) == u'/') {
            i = q.indexOf(u'\n', i);
            if (i < 0)
                break;
            continue;
        }
        if (c == u'"') {
            qsizetype end = 0;
            if (!parseEqlString(q, i, &end))
                return false;
            i = end - 1;
            continue;
        }
        if (c == u'[' || c == u'(') {
            if (c == u'[' && stack.isEmpty())
                ++*terms;
            stack += c;
        } else if (c == u']' || c == u')') {
            if (stack.isEmpty() || stack.back() != (c == u']' ? u'[' : u'('))
                return false;
            stack.chop(1);
        }
    }
    return stack.isEmpty();
}

// Sigma's reading of a value: `\*`, `\?` and `\\` are the characters; a backslash before
// anything else is itself.
QString sigmaUnescape(const QString &v)
{
    QString out;
    for (qsizetype i = 0; i < v.size(); ++i) {
        if (v.at(i) == u'\\' && i + 1 < v.size()
            && (v.at(i + 1) == u'*' || v.at(i + 1) == u'?' || v.at(i + 1) == u'\\')) {
            out += v.at(++i);
        } else {
            out += v.at(i);
        }
    }
    return out;
}

// SPL's reading of a double-quoted string: \" and \\.
std::optional<QString> parseSplString(const QString &literal)
{
    if (literal.size() < 2 || !literal.startsWith(u'"') || !literal.endsWith(u'"'))
        return std::nullopt;
    QString value;
    for (qsizetype i = 1; i + 1 < literal.size(); ++i) {
        const QChar c = literal.at(i);
        if (c == u'"')
            return std::nullopt; // an unescaped quote would end the string early
        if (c == u'\\') {
            ++i;
            if (i + 1 >= literal.size())
                return std::nullopt;
        }
        value += literal.at(i);
    }
    return value;
}

// YAML through an independent parser (PyYAML), back as JSON: one array of documents.
// Empty with `why` set when python3 or its yaml module is missing.
std::optional<QJsonArray> yamlDocuments(const QString &yaml, QString *why)
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty()) {
        *why = QStringLiteral("python3 is not installed (scripts/setup installs python3-yaml)");
        return std::nullopt;
    }
    if (run(python, {QStringLiteral("-c"), QStringLiteral("import yaml")}).exitCode != 0) {
        *why = QStringLiteral("python3 has no yaml module (scripts/setup installs python3-yaml)");
        return std::nullopt;
    }
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("rules.yml")));
    if (!f.open(QIODevice::WriteOnly) || f.write(yaml.toUtf8()) < 0)
        return QJsonArray();
    f.close();
    const ProcessResult r = run(python,
        {QStringLiteral("-c"),
            QStringLiteral("import json, sys, yaml\n"
                           "print(json.dumps(list(yaml.safe_load_all(open(sys.argv[1], encoding='utf-8')))))"),
            f.fileName()});
    if (r.exitCode != 0) {
        qWarning().noquote() << r.err;
        return QJsonArray();
    }
    return QJsonDocument::fromJson(r.out).array();
}

// The policy with hostile entries in every list the rules quote.
const QStringList HostileSigners = {QStringLiteral("Evil\" or true or \"x"), QStringLiteral("O'Brien Ltd"),
    QStringLiteral("Back\\slash\\"), QStringLiteral("Star * Corp"), QStringLiteral("Why? Inc"),
    QStringLiteral("New\nLine"), QStringLiteral("Pipe | eval x=1"), QStringLiteral("Tick ` Corp"),
    QStringLiteral("Esc\x1b[31m"), QStringLiteral("Bidi \u202Egnp.exe"),
    // A noncharacter YAML forbids anywhere in a file, and EQL's like-escape character.
    QStringLiteral("Non\uFFFEcharacter"), QStringLiteral("Like\x01Escape")};
const QStringList HostileHosts = {QStringLiteral("evil\"host.example"), QStringLiteral("back\\slash.example"),
    QStringLiteral("q?.example"), QStringLiteral("pipe|x.example"), QStringLiteral("tick`x.example"),
    QStringLiteral("o'brien.example"), QStringLiteral("nl\nx.example")};

// The pattern fields keep their wildcards, and must still not break out of their strings.
const QStringList HostileInstallers = {QStringLiteral("up\"date or true or \"x*.exe"),
    QStringLiteral("back\\slash*.exe"), QStringLiteral("new\nline.exe"), QStringLiteral("o'brien*.exe"),
    QStringLiteral("pipe|eval.exe"), QStringLiteral("tick`x.exe")};
const QStringList HostileProgramPaths
    = {QStringLiteral("C:\\Program Files\\Evil\" or true or \"x"), QStringLiteral("C:\\O'Brien\\*")};
const QStringList HostilePathScope
    = {QStringLiteral("/opt/pipe|x"), QStringLiteral("/opt/new\nline"), QStringLiteral("/opt/q\"uote*")};

Policy hostilePolicy()
{
    Policy p = demoPolicy();
    QString error;
    const bool ok = p.setList(QStringLiteral("ApprovedSigners"), HostileSigners, false, &error)
        && p.setList(QStringLiteral("ApprovedUpdateHosts"), HostileHosts, false, &error)
        && p.setList(QStringLiteral("WindowsInstallers"), HostileInstallers, false, &error)
        && p.setList(QStringLiteral("LinuxInstallers"), HostileInstallers, false, &error)
        && p.setList(QStringLiteral("MacInstallers"), HostileInstallers, false, &error)
        && p.setList(QStringLiteral("ProgramPaths"), HostileProgramPaths, false, &error)
        && p.setList(QStringLiteral("PathScope"), HostilePathScope, false, &error);
    if (!ok)
        qFatal("the hostile policy was refused: %s", qPrintable(error)); // else the tests would run on the demo's
    return p;
}

} // namespace

class Tst_hunt : public QObject
{
    Q_OBJECT
private slots:
    void matchesGoldenFiles_data();
    void matchesGoldenFiles();
    void eqlIsOneBalancedSequence_data();
    void eqlIsOneBalancedSequence();
    void sigmaIsValidYamlWithCorrelationKeys_data();
    void sigmaIsValidYamlWithCorrelationKeys();
    void timeWindowUnits_data();
    void timeWindowUnits();
    void eqlStringsReadBack_data();
    void eqlStringsReadBack();
    void eqlHostileValuesStayInTheirStrings();
    void sigmaHostileValuesReadBack();
    void splRegexMatchesOnlyTheLiteral_data();
    void splRegexMatchesOnlyTheLiteral();
    void splHostileValuesStayInTheirStrings();
    void wildcardsKeepTheirMeaningOnlyInPatterns();
    void likePatternsNeverCarryTheLikeEscape();
};

void Tst_hunt::matchesGoldenFiles_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("platform");
    for (const auto f : formats()) {
        for (const Platform p : platforms()) {
            QTest::addRow("%s-%s", qPrintable(HuntExporter::formatName(f)), qPrintable(platformName(p)))
                << int(f) << int(p);
        }
    }
}

void Tst_hunt::matchesGoldenFiles()
{
    QFETCH(int, format);
    QFETCH(int, platform);
    const auto f = HuntExporter::Format(format);
    const QString text = HuntExporter(demoPolicy()).render(f, Platform(platform));
    const QString path = GoldenDir
        + QStringLiteral("/%1-%2.%3")
              .arg(HuntExporter::formatName(f), platformName(Platform(platform)), HuntExporter::fileExtension(f));
    if (qEnvironmentVariableIntValue("CHAINSCOPE_UPDATE_GOLDEN") == 1) {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(text.toUtf8());
        qInfo("rewrote %s", qPrintable(path));
        return;
    }
    QFile golden(path);
    QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(path));
    QCOMPARE(text, QString::fromUtf8(golden.readAll()));
    // The demo policy's values are in the rules: an approved range and a signer.
    QVERIFY(text.contains(QLatin1String("10.20.0.0/16")));
    if (Platform(platform) == Platform::Windows)
        QVERIFY(text.contains(QLatin1String("SolarWinds Worldwide")));
}

void Tst_hunt::eqlIsOneBalancedSequence_data()
{
    QTest::addColumn<int>("platform");
    for (const Platform p : platforms())
        QTest::addRow("%s", qPrintable(platformName(p))) << int(p);
}

void Tst_hunt::eqlIsOneBalancedSequence()
{
    QFETCH(int, platform);
    const QString q = HuntExporter(hostilePolicy()).render(HuntExporter::Format::Eql, Platform(platform));
    QCOMPARE(q.count(QLatin1String("sequence by")), 1);
    QVERIFY(q.contains(QLatin1String("sequence by host.id with maxspan=90m\n")));
    int terms = 0;
    QVERIFY2(eqlBalanced(q, &terms), qPrintable(q));
    QCOMPARE(terms, 4); // install, write, first run, egress
    QVERIFY(!hasRawControl(q));
}

void Tst_hunt::sigmaIsValidYamlWithCorrelationKeys_data()
{
    eqlIsOneBalancedSequence_data();
}

void Tst_hunt::sigmaIsValidYamlWithCorrelationKeys()
{
    QFETCH(int, platform);
    const QString yaml = HuntExporter(hostilePolicy()).render(HuntExporter::Format::Sigma, Platform(platform));
    QVERIFY(!hasRawControl(yaml));
    QString why;
    const auto docs = yamlDocuments(yaml, &why);
    if (!docs)
        QSKIP(qPrintable(why));
    QVERIFY2(!docs->isEmpty(), "PyYAML could not read the rules");
    QSet<QString> names;
    int correlations = 0;
    for (const QJsonValue &v : *docs) {
        const QJsonObject d = v.toObject();
        QVERIFY(!d.value(QLatin1String("title")).toString().isEmpty());
        QVERIFY(!d.value(QLatin1String("id")).toString().isEmpty());
        if (!d.contains(QLatin1String("correlation"))) {
            // A base rule: a log source and a detection with a condition.
            QVERIFY(d.value(QLatin1String("logsource")).toObject().contains(QLatin1String("category")));
            QCOMPARE(d.value(QLatin1String("logsource")).toObject().value(QLatin1String("product")).toString(),
                platformName(Platform(platform)));
            QVERIFY(d.value(QLatin1String("detection")).toObject().contains(QLatin1String("condition")));
            names.insert(d.value(QLatin1String("name")).toString());
            continue;
        }
        // The correlation schema's required keys (type, rules, timespan, condition;
        // group-by for temporal_ordered), and every rule it names is in the file, in order.
        ++correlations;
        const QJsonObject c = d.value(QLatin1String("correlation")).toObject();
        QCOMPARE(c.value(QLatin1String("type")).toString(), QStringLiteral("temporal_ordered"));
        const QJsonArray rules = c.value(QLatin1String("rules")).toArray();
        QCOMPARE(rules.size(), 4);
        for (const QJsonValue &r : rules)
            QVERIFY2(names.contains(r.toString()), qPrintable(r.toString()));
        QVERIFY(rules.first().toString().endsWith(QLatin1String("_install")));
        QVERIFY(rules.last().toString().endsWith(QLatin1String("_egress")));
        QCOMPARE(c.value(QLatin1String("group-by")).toArray().size(), 1);
        QCOMPARE(c.value(QLatin1String("timespan")).toString(), QStringLiteral("90m"));
        QVERIFY(c.value(QLatin1String("condition")).toObject().contains(QLatin1String("gte")));
    }
    QCOMPARE(correlations, Platform(platform) == Platform::Windows ? 2 : 1);
}

void Tst_hunt::timeWindowUnits_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("1s") << qint64(1) << QStringLiteral("1s");
    QTest::newRow("59s") << qint64(59) << QStringLiteral("59s");
    QTest::newRow("60s") << qint64(60) << QStringLiteral("1m");
    QTest::newRow("61s") << qint64(61) << QStringLiteral("61s");
    QTest::newRow("90m") << qint64(90 * 60) << QStringLiteral("90m");
    QTest::newRow("4h") << qint64(4 * 3600) << QStringLiteral("4h");
    QTest::newRow("2d") << qint64(2 * 86400) << QStringLiteral("2d");
}

void Tst_hunt::timeWindowUnits()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(HuntExporter::timeSpan(seconds * 1000000), expected);
    Policy p = demoPolicy();
    p.timeWindowUs = seconds * 1000000;
    const HuntExporter e(p);
    QVERIFY(e.render(HuntExporter::Format::Eql, Platform::Linux)
                .contains(QStringLiteral("with maxspan=%1\n").arg(expected)));
    QVERIFY(e.render(HuntExporter::Format::Sigma, Platform::Linux)
                .contains(QStringLiteral("    timespan: %1\n").arg(expected)));
    QVERIFY(e.render(HuntExporter::Format::Spl, Platform::Linux)
                .contains(QStringLiteral("| transaction host maxspan=%1 ").arg(expected)));
}

void Tst_hunt::eqlStringsReadBack_data()
{
    QTest::addColumn<QString>("value");
    for (const QString &v : HostileSigners + HostileHosts)
        QTest::newRow(qPrintable(showControlCharacters(v, false))) << v;
    QTest::newRow("empty") << QString();
    QTest::newRow("backslash before quote") << QStringLiteral("\\\"");
}

void Tst_hunt::eqlStringsReadBack()
{
    QFETCH(QString, value);
    const QString literal = HuntExporter::eqlString(value);
    qsizetype end = 0;
    const auto back = parseEqlString(literal, 0, &end);
    QVERIFY2(back, qPrintable(literal));
    QCOMPARE(*back, value);
    QCOMPARE(end, literal.size()); // nothing after the closing quote: no break-out
    QVERIFY(!hasRawControl(literal) && !literal.contains(u'\n'));
}

void Tst_hunt::eqlHostileValuesStayInTheirStrings()
{
    const QString q = HuntExporter(hostilePolicy()).render(HuntExporter::Format::Eql, Platform::Windows);
    // Signers are compared exactly (in~), never as wildcard patterns; each is one literal.
    for (const QString &s : HostileSigners) {
        const qsizetype at = q.indexOf(HuntExporter::eqlString(s));
        QVERIFY2(at >= 0, qPrintable(showControlCharacters(s, false)));
        qsizetype end = 0;
        QCOMPARE(parseEqlString(q, at, &end).value_or(QString()), s);
    }
    QVERIFY(q.contains(QLatin1String("not dll.code_signature.subject_name in~ (")));
    // Installer globs keep their wildcards but read back whole from their strings.
    for (const QString &name : HostileInstallers) {
        const qsizetype at = q.indexOf(HuntExporter::eqlString(name));
        QVERIFY2(at >= 0, qPrintable(showControlCharacters(name, false)));
        qsizetype end = 0;
        QCOMPARE(parseEqlString(q, at, &end).value_or(QString()), name);
    }
    QVERIFY(!q.contains(QLatin1String("update or true")) && !q.contains(QLatin1String("Evil\" or true")));
    // Exact hosts are case folded, as the workbench compares them, and exact (in~).
    QVERIFY(q.contains(HuntExporter::eqlString(QStringLiteral("q?.example"))));
    QVERIFY(!q.contains(QLatin1String("destination.domain like")));
    QVERIFY(!q.contains(QLatin1String("Evil\" or true")));
}

void Tst_hunt::sigmaHostileValuesReadBack()
{
    const QString yaml = HuntExporter(hostilePolicy()).render(HuntExporter::Format::Sigma, Platform::Windows);
    QString why;
    const auto docs = yamlDocuments(yaml, &why);
    if (!docs)
        QSKIP(qPrintable(why));
    QStringList signers, hosts;
    for (const QJsonValue &v : *docs) {
        const QJsonObject detection = v.toObject().value(QLatin1String("detection")).toObject();
        for (const QJsonValue &s :
            detection.value(QLatin1String("approved_signer")).toObject().value(QLatin1String("Signature")).toArray())
            signers << s.toString();
        for (const QJsonValue &h : detection.value(QLatin1String("filter_host"))
                                       .toObject()
                                       .value(QLatin1String("DestinationHostname"))
                                       .toArray())
            hosts << h.toString();
    }
    // YAML gives back Sigma's text; Sigma's escapes give back the policy's value, with
    // `*` and `?` as characters, not wildcards.
    QStringList readSigners;
    for (const QString &s : std::as_const(signers))
        readSigners << sigmaUnescape(s);
    QCOMPARE(readSigners, HostileSigners);
    QVERIFY(signers.contains(QStringLiteral("Star \\* Corp")));
    QVERIFY(signers.contains(QStringLiteral("Why\\? Inc")));
    QVERIFY(signers.contains(QStringLiteral("Back\\slash\\\\"))); // the last one escapes nothing after it
    QStringList expectedHosts;
    for (const QString &h : HostileHosts)
        expectedHosts << h.toCaseFolded();
    QStringList readHosts;
    for (const QString &h : std::as_const(hosts))
        readHosts << sigmaUnescape(h);
    QCOMPARE(readHosts, expectedHosts);
    QVERIFY(yaml.contains(QLatin1String("'O''Brien Ltd'")));
}

void Tst_hunt::splRegexMatchesOnlyTheLiteral_data()
{
    eqlStringsReadBack_data();
}

void Tst_hunt::splRegexMatchesOnlyTheLiteral()
{
    QFETCH(QString, value);
    const QString literal = HuntExporter::splString(HuntExporter::regexFromGlob(value, false));
    QVERIFY(!hasRawControl(literal) && !literal.contains(u'\n'));
    const auto regex = parseSplString(literal);
    QVERIFY2(regex, qPrintable(literal));
    // PCRE, as Splunk's match() reads it: the value itself, nothing else.
    const QRegularExpression rx(*regex);
    QVERIFY2(rx.isValid(), qPrintable(rx.errorString()));
    QVERIFY(rx.match(value).hasMatch());
    QVERIFY(!rx.match(value + u'x').hasMatch());
    QString variant = value;
    variant.replace(u'*', QStringLiteral("xx")).replace(u'?', u'x').replace(u'.', u'x');
    if (variant != value)
        QVERIFY(!rx.match(variant).hasMatch());
}

void Tst_hunt::splHostileValuesStayInTheirStrings()
{
    const QString s = HuntExporter(hostilePolicy()).render(HuntExporter::Format::Spl, Platform::Windows);
    QVERIFY(!hasRawControl(s));
    // Every line's double quotes pair up once escaped quotes are set aside.
    for (const QString &line : s.split(u'\n')) {
        QString bare = line;
        bare.remove(QLatin1String("\\\\")).remove(QLatin1String("\\\""));
        QVERIFY2(bare.count(u'"') % 2 == 0, qPrintable(line));
    }
    // The allow-list of signers is one regex of exact, escaped alternatives.
    const QRegularExpression signerMatch(QStringLiteral(R"(NOT match\(Signature, ("(?:[^"\\]|\\.)*")\))"));
    const auto m = signerMatch.match(s);
    QVERIFY(m.hasMatch());
    const QRegularExpression rx(parseSplString(m.captured(1)).value_or(QString()));
    QVERIFY(rx.isValid());
    for (const QString &signer : HostileSigners)
        QVERIFY2(rx.match(signer).hasMatch(), qPrintable(showControlCharacters(signer, false)));
    QVERIFY(!rx.match(QStringLiteral("Star anything Corp")).hasMatch());
    QVERIFY(!rx.match(QStringLiteral("Evil")).hasMatch());
}

void Tst_hunt::wildcardsKeepTheirMeaningOnlyInPatterns()
{
    // Installer names and program paths are globs in the workbench and stay wildcards;
    // a "*.domain" host is a suffix, not a pattern; signers never are.
    Policy p = demoPolicy();
    QString error;
    QVERIFY(p.setList(QStringLiteral("ApprovedUpdateHosts"), {QStringLiteral("*.we\"ird.example")}, false, &error));
    QVERIFY(p.setList(QStringLiteral("ProgramPaths"), {QStringLiteral("C:\\Tools\\*\\bin")}, false, &error));
    const HuntExporter e(p);
    const QString eql = e.render(HuntExporter::Format::Eql, Platform::Windows);
    QVERIFY(eql.contains(QLatin1String("endsWith~(destination.domain, \".we\\\"ird.example\")")));
    QVERIFY(eql.contains(QLatin1String("file.path like~ (\"C:\\\\Tools\\\\*\\\\bin\\\\*\")")));
    QVERIFY(eql.contains(QLatin1String("\"setup*.exe\"")));
    const QString sigma = e.render(HuntExporter::Format::Sigma, Platform::Windows);
    QVERIFY(sigma.contains(QLatin1String("- '.we\"ird.example'")));
    QVERIFY(sigma.contains(QLatin1String("- 'C:\\Tools\\\\*\\bin\\\\*'"))); // backslash, then the wildcard
    QVERIFY(sigma.contains(QLatin1String("- '\\setup*.exe'")));
    const QString spl = e.render(HuntExporter::Format::Spl, Platform::Windows);
    QVERIFY(spl.contains(QLatin1String("setup.*\\\\.exe")));
    QVERIFY(spl.contains(QLatin1String(".+(?:\\\\.we\\\"ird\\\\.example)")));
}

void Tst_hunt::likePatternsNeverCarryTheLikeEscape()
{
    // Elasticsearch reads U+0001 in a like pattern as its escape character: an installer
    // glob with one would escape the next wildcard or fail the query. It goes in as `?`.
    Policy p = demoPolicy();
    QString error;
    QVERIFY2(p.setList(QStringLiteral("WindowsInstallers"), {QStringLiteral("up\x01*date.exe")}, false, &error),
        qPrintable(error));
    QVERIFY2(p.setList(QStringLiteral("ProgramPaths"), {QStringLiteral("C:\\To\x01ols\\*")}, false, &error),
        qPrintable(error));
    const QString eql = HuntExporter(p).render(HuntExporter::Format::Eql, Platform::Windows);
    QVERIFY2(eql.contains(QLatin1String("\"up?*date.exe\"")), qPrintable(eql));
    QVERIFY(eql.contains(QLatin1String("To?ols")));
    QVERIFY(!eql.contains(QLatin1String("\\u{01}")));
}

QTEST_GUILESS_MAIN(Tst_hunt)
#include "tst_hunt.moc"
