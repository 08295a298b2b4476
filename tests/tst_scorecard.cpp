// The analyst's scorecard: ../shared/corpus/expected-chains.json states what an
// analyst concludes from real corpus files (the chains that must come out, and the
// files from which no chain may be suspicious or approved). Each case is imported
// into a new case with the default policy plus the case's policy fields, through the
// command line, and every expectation is checked against `chains --json`. Nothing
// here names a file, host or path: the expectations are the data.

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Chainscope::Test;

namespace {

const QString Cli = QStringLiteral(CHAINSCOPE_CLI);

QString fileName(const QString &path)
{
    const qsizetype cut = qMax(path.lastIndexOf(u'/'), path.lastIndexOf(u'\\'));
    return path.mid(cut + 1);
}

QStringList strings(const QJsonValue &array)
{
    QStringList out;
    for (const QJsonValue &v : array.toArray())
        out << v.toString();
    return out;
}

bool sameName(const QString &path, const QString &name)
{
    return !path.isEmpty() && fileName(path).compare(name, Qt::CaseInsensitive) == 0;
}

bool containsName(const QStringList &paths, const QString &name)
{
    for (const QString &p : paths) {
        if (sameName(p, name))
            return true;
    }
    return false;
}

// Why `chain` does not meet `expected`, or an empty string when it does. The rules
// are those of the scorecard's "about" text, plus the optional keys it uses
// (written, modules, missing_stages).
QString mismatch(const QJsonObject &chain, const QJsonObject &expected)
{
    QStringList why;
    const QString host = expected.value(QStringLiteral("host")).toString();
    if (!host.isEmpty() && chain.value(QStringLiteral("host")).toString().compare(host, Qt::CaseInsensitive) != 0)
        why << QStringLiteral("host %1").arg(chain.value(QStringLiteral("host")).toString());
    const QString installer = expected.value(QStringLiteral("installer")).toString();
    if (!installer.isEmpty() && !sameName(chain.value(QStringLiteral("installer_image")).toString(), installer))
        why << QStringLiteral("installer %1").arg(chain.value(QStringLiteral("installer_image")).toString());
    const QString firstRun = expected.value(QStringLiteral("first_run")).toString();
    if (!firstRun.isEmpty() && !sameName(chain.value(QStringLiteral("first_run_image")).toString(), firstRun))
        why << QStringLiteral("first run %1").arg(chain.value(QStringLiteral("first_run_image")).toString());
    const QStringList processes = strings(chain.value(QStringLiteral("processes")));
    for (const QString &p : strings(expected.value(QStringLiteral("processes")))) {
        if (!containsName(processes, p))
            why << QStringLiteral("no process %1").arg(p);
    }
    const QStringList written = strings(chain.value(QStringLiteral("written_paths")));
    for (const QString &w : strings(expected.value(QStringLiteral("written")))) {
        if (!containsName(written, w))
            why << QStringLiteral("%1 not written").arg(w);
    }
    QStringList modules;
    for (const QJsonValue &v : chain.value(QStringLiteral("evidence")).toArray()) {
        const QJsonObject item = v.toObject();
        if (item.value(QStringLiteral("role")).toString() == u"module")
            modules << item.value(QStringLiteral("target")).toString();
    }
    for (const QString &m : strings(expected.value(QStringLiteral("modules")))) {
        if (!containsName(modules, m))
            why << QStringLiteral("module %1 not in the evidence").arg(m);
    }
    const QStringList flags = strings(chain.value(QStringLiteral("mismatches")));
    for (const QString &f : strings(expected.value(QStringLiteral("flags")))) {
        if (!flags.contains(f))
            why << QStringLiteral("no flag %1").arg(f);
    }
    QStringList missing;
    for (const QJsonValue &v : chain.value(QStringLiteral("missing_stages")).toArray())
        missing << v.toObject().value(QStringLiteral("stage")).toString();
    for (const QString &m : strings(expected.value(QStringLiteral("missing_stages")))) {
        if (!missing.contains(m))
            why << QStringLiteral("stage %1 not said missing").arg(m);
    }
    if (expected.contains(QStringLiteral("approved"))) {
        const bool approved = chain.value(QStringLiteral("verdict")).toString() == u"approved";
        if (approved != expected.value(QStringLiteral("approved")).toBool())
            why << QStringLiteral("verdict %1").arg(chain.value(QStringLiteral("verdict")).toString());
    }
    return why.join(QStringLiteral(", "));
}

QString describe(const QJsonObject &chain)
{
    return QStringLiteral("#%1 %2 %3 -> %4 [%5]")
        .arg(chain.value(QStringLiteral("id")).toInt())
        .arg(chain.value(QStringLiteral("verdict")).toString(),
            chain.value(QStringLiteral("installer_image")).toString(),
            chain.value(QStringLiteral("first_run_image")).toString(),
            strings(chain.value(QStringLiteral("mismatches"))).join(u','));
}

} // namespace

class Tst_scorecard : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void expectations_data();
    void expectations();
    void matchingRules_data();
    void matchingRules();

private:
    QJsonArray m_cases;
};

void Tst_scorecard::initTestCase()
{
    QFile file(corpusPath(QStringLiteral("expected-chains.json")));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    m_cases = doc.object().value(QStringLiteral("cases")).toArray();
    QVERIFY(!m_cases.isEmpty());
}

void Tst_scorecard::expectations_data()
{
    QTest::addColumn<QJsonObject>("scenario");
    for (const QJsonValue &v : std::as_const(m_cases)) {
        const QJsonObject c = v.toObject();
        QTest::newRow(qPrintable(c.value(QStringLiteral("name")).toString())) << c;
    }
}

void Tst_scorecard::expectations()
{
    QFETCH(QJsonObject, scenario);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString casePath = dir.filePath(QStringLiteral("case.chainscope"));
    ProcessResult r = run(Cli, {QStringLiteral("new"), casePath});
    QCOMPARE(r.exitCode, 0);
    QStringList importArgs {QStringLiteral("import"), casePath};
    for (const QString &f : strings(scenario.value(QStringLiteral("files"))))
        importArgs << corpusPath(f);
    r = run(Cli, importArgs);
    // 2: imported, some records damaged; still evidence.
    QVERIFY2(r.exitCode == 0 || r.exitCode == 2, r.err.constData());
    const QJsonObject policy = scenario.value(QStringLiteral("policy")).toObject();
    for (auto it = policy.begin(); it != policy.end(); ++it) {
        const QStringList values = it.value().isArray() ? strings(it.value()) : QStringList {it.value().toString()};
        r = run(Cli,
            {QStringLiteral("policy"), casePath, QStringLiteral("--set"),
                QStringLiteral("%1=%2").arg(it.key(), values.join(u','))});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    r = run(Cli, {QStringLiteral("chains"), casePath, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray chains = QJsonDocument::fromJson(r.out).array();

    QStringList seen;
    for (const QJsonValue &v : chains)
        seen << describe(v.toObject());
    for (const QJsonValue &e : scenario.value(QStringLiteral("expect")).toArray()) {
        const QJsonObject expected = e.toObject();
        QStringList misses;
        bool found = false;
        for (const QJsonValue &v : chains) {
            const QString why = mismatch(v.toObject(), expected);
            if (why.isEmpty()) {
                found = true;
                break;
            }
            misses << describe(v.toObject()) + QStringLiteral(": ") + why;
        }
        QVERIFY2(found,
            qPrintable(QStringLiteral("expected %1; chains: %2")
                           .arg(QString::fromUtf8(QJsonDocument(expected).toJson(QJsonDocument::Compact)),
                               misses.isEmpty() ? QStringLiteral("none") : misses.join(QStringLiteral(" | ")))));
    }
    for (const QJsonValue &v : chains) {
        const QJsonObject chain = v.toObject();
        const QString verdict = chain.value(QStringLiteral("verdict")).toString();
        // Every chain carries its explanation.
        QVERIFY(!chain.value(QStringLiteral("summary")).toString().isEmpty());
        if (scenario.value(QStringLiteral("no_chain_suspicious")).toBool())
            QVERIFY2(verdict != u"suspicious", qPrintable(describe(chain)));
        if (scenario.value(QStringLiteral("no_chain_approved")).toBool())
            QVERIFY2(verdict != u"approved", qPrintable(describe(chain)));
    }
}

// The matching rules themselves, on hand-made chains, so that a scorecard that
// passes cannot be one that matches anything.
void Tst_scorecard::matchingRules_data()
{
    QTest::addColumn<QJsonObject>("chain");
    QTest::addColumn<QJsonObject>("expected");
    QTest::addColumn<bool>("matches");
    const QJsonObject chain {
        {QStringLiteral("host"), QStringLiteral("IEWIN7")},
        {QStringLiteral("installer_image"), QStringLiteral("C:\\Windows\\System32\\msiexec.exe")},
        {QStringLiteral("first_run_image"), QStringLiteral("C:\\Windows\\Installer\\MSI1.tmp")},
        {QStringLiteral("processes"),
            QJsonArray {QStringLiteral("C:\\Windows\\System32\\msiexec.exe"), QStringLiteral("C:\\x\\cmd.exe")}},
        {QStringLiteral("written_paths"), QJsonArray {QStringLiteral("C:\\a\\b.dll")}},
        {QStringLiteral("evidence"),
            QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("module")},
                {QStringLiteral("target"), QStringLiteral("C:\\a\\b.dll")}}}},
        {QStringLiteral("mismatches"), QJsonArray {QStringLiteral("unexpected_child")}},
        {QStringLiteral("missing_stages"),
            QJsonArray {QJsonObject {{QStringLiteral("stage"), QStringLiteral("egress")}}}},
        {QStringLiteral("verdict"), QStringLiteral("suspicious")},
    };
    const auto with = [](const QString &key, const QJsonValue &value) {
        return QJsonObject {{key, value}};
    };
    QTest::newRow("host in any case") << chain << with(QStringLiteral("host"), QStringLiteral("iewin7")) << true;
    QTest::newRow("other host") << chain << with(QStringLiteral("host"), QStringLiteral("other")) << false;
    QTest::newRow("installer by file name")
        << chain << with(QStringLiteral("installer"), QStringLiteral("MSIEXEC.EXE")) << true;
    QTest::newRow("other installer") << chain << with(QStringLiteral("installer"), QStringLiteral("setup.exe"))
                                     << false;
    QTest::newRow("first run") << chain << with(QStringLiteral("first_run"), QStringLiteral("msi1.tmp")) << true;
    QTest::newRow("other first run") << chain << with(QStringLiteral("first_run"), QStringLiteral("MSI2.tmp")) << false;
    QTest::newRow("process present") << chain
                                     << with(QStringLiteral("processes"), QJsonArray {QStringLiteral("cmd.exe")})
                                     << true;
    QTest::newRow("process absent") << chain
                                    << with(QStringLiteral("processes"), QJsonArray {QStringLiteral("whoami.exe")})
                                    << false;
    QTest::newRow("written") << chain << with(QStringLiteral("written"), QJsonArray {QStringLiteral("b.dll")}) << true;
    QTest::newRow("not written") << chain << with(QStringLiteral("written"), QJsonArray {QStringLiteral("c.dll")})
                                 << false;
    QTest::newRow("module") << chain << with(QStringLiteral("modules"), QJsonArray {QStringLiteral("B.DLL")}) << true;
    QTest::newRow("no module") << chain << with(QStringLiteral("modules"), QJsonArray {QStringLiteral("c.dll")})
                               << false;
    QTest::newRow("flag") << chain << with(QStringLiteral("flags"), QJsonArray {QStringLiteral("unexpected_child")})
                          << true;
    QTest::newRow("flag absent") << chain
                                 << with(QStringLiteral("flags"), QJsonArray {QStringLiteral("unsigned_module")})
                                 << false;
    QTest::newRow("missing stage") << chain
                                   << with(QStringLiteral("missing_stages"), QJsonArray {QStringLiteral("egress")})
                                   << true;
    QTest::newRow("stage not missing") << chain
                                       << with(QStringLiteral("missing_stages"), QJsonArray {QStringLiteral("write")})
                                       << false;
    QTest::newRow("not approved") << chain << with(QStringLiteral("approved"), false) << true;
    QTest::newRow("approved expected") << chain << with(QStringLiteral("approved"), true) << false;
}

void Tst_scorecard::matchingRules()
{
    QFETCH(QJsonObject, chain);
    QFETCH(QJsonObject, expected);
    QFETCH(bool, matches);
    QCOMPARE(mismatch(chain, expected).isEmpty(), matches);
}

QTEST_GUILESS_MAIN(Tst_scorecard)
#include "tst_scorecard.moc"
