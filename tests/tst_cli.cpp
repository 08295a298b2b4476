// The command-line contract: commands, JSON shapes, exit codes, and what an
// interrupted import leaves behind. Runs the real chainscope-cli binary.

#include "casestore.h"
#include "rawcodec.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

using namespace Chainscope;
using namespace Chainscope::Test;

namespace {

const QString Cli = QStringLiteral(CHAINSCOPE_CLI);

ProcessResult cli(const QStringList &args)
{
    return run(Cli, args);
}

QByteArray sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

QJsonArray parseArray(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return {};
    return doc.array();
}

// The stderr contract for failures: exactly one line, prefixed with the program.
bool isOneLineReason(const QByteArray &err)
{
    const QList<QByteArray> lines = err.trimmed().split('\n');
    return lines.size() == 1 && lines.first().startsWith("chainscope-cli: ");
}

} // namespace

class Tst_cli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void newRefusesExistingCase();
    void importReportsEachSourceAsJson_data();
    void importReportsEachSourceAsJson();
    void unknownFileFailsWithItsName();
    void fifoIsRefusedNotWaitedOn();
    void textOutputShowsControlCharactersVisibly_data();
    void textOutputShowsControlCharactersVisibly();
    void damagedFileImportsIntactRecordsAndExitsTwo();
    void evtxDamageIsReportedNotSilent_data();
    void evtxDamageIsReportedNotSilent();
    void shortEvtxReimportedIsADuplicate();
    void gapsAreShownButAreNoErrors_data();
    void gapsAreShownButAreNoErrors();
    void gzipFileImportsDirectly();
    void secondImportOfTheSameEvidence_data();
    void secondImportOfTheSameEvidence();
    void refusedDuplicateDoesNotFailTheOtherFiles();
    void eventsJsonHasTheContractShape();
    void eventsRejectsUnknownKind();
    void rawShowsTheOriginalRecord();
    void killedImportLeavesIncompleteSourceThatCanBeDroppedAndReimported();
    void usageErrorsExitOne_data();
    void usageErrorsExitOne();
    void reportChainSelectionIsChecked();
    void exportAnalyticWritesRulesForTheCasePlatforms();
    void reportWritesPdfWithoutDisplay();
    void verifyExitCodesAndJson();
    void importsFoldersAndArchives();
    void importIndexesTheCaseUnlessTold();

private:
    QString newCase();
    QTemporaryDir m_dir;
    int m_cases = 0;
};

void Tst_cli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(Cli), qPrintable(Cli));
}

QString Tst_cli::newCase()
{
    const QString path = m_dir.filePath(QStringLiteral("case%1.chainscope").arg(++m_cases));
    const ProcessResult r = cli({QStringLiteral("new"), path});
    if (r.exitCode != 0)
        qWarning() << r.err;
    return path;
}

void Tst_cli::newRefusesExistingCase()
{
    const QString path = newCase();
    QVERIFY(QFile::exists(path));
    const ProcessResult again = cli({QStringLiteral("new"), path});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(isOneLineReason(again.err), again.err.constData());
    QVERIFY(again.err.contains("already exists"));
}

void Tst_cli::importReportsEachSourceAsJson_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("records");
    // Record counts: PROVENANCE.md (line and record counts of the corpus files).
    QTest::newRow("dpkg") << QStringLiteral("linux/dpkg_tiny_mixed.log") << QStringLiteral("dpkg") << 4;
    QTest::newRow("dpkg-large") << QStringLiteral("linux/dpkg_ubuntu1404_base_install.log") << QStringLiteral("dpkg")
                                << 8043;
    QTest::newRow("auditd") << QStringLiteral("linux/auditd_gce_execve_connect_sockaddr.log")
                            << QStringLiteral("auditd") << 17;
    // Contiguous serials (no lost events), records deliberately reordered.
    QTest::newRow("auditd-reordered") << QStringLiteral("linux/auditd_shell_pipeline_trace_reordered.log")
                                      << QStringLiteral("auditd") << 39;
}

void Tst_cli::importReportsEachSourceAsJson()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(int, records);
    const QString casePath = newCase();
    const QString path = corpusPath(file);
    const ProcessResult r = cli({QStringLiteral("import"), casePath, path, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray array = parseArray(r.out);
    QCOMPARE(array.size(), 1);
    const QJsonObject o = array.first().toObject();
    for (const char *key : {"path", "format", "sha256", "records", "events", "errors", "status", "duplicate_of"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o.value(QStringLiteral("path")).toString(), path);
    QCOMPARE(o.value(QStringLiteral("format")).toString(), format);
    QCOMPARE(o.value(QStringLiteral("sha256")).toString().toLatin1(), sha256Of(path));
    QCOMPARE(o.value(QStringLiteral("records")).toInt(), records);
    QCOMPARE(o.value(QStringLiteral("errors")).toInt(), 0);
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("complete"));
    QVERIFY(o.value(QStringLiteral("duplicate_of")).isNull());
    QVERIFY(o.value(QStringLiteral("events")).toInt() > 0);

    // What the import reported is what the case holds.
    const ProcessResult sources = cli({QStringLiteral("sources"), casePath, QStringLiteral("--json")});
    QCOMPARE(sources.exitCode, 0);
    const QJsonObject stored = parseArray(sources.out).first().toObject();
    QCOMPARE(stored.value(QStringLiteral("events")), o.value(QStringLiteral("events")));
    QCOMPARE(stored.value(QStringLiteral("sha256")), o.value(QStringLiteral("sha256")));
    QCOMPARE(stored.value(QStringLiteral("status")).toString(), QStringLiteral("complete"));
    const ProcessResult events = cli({QStringLiteral("events"), casePath, QStringLiteral("--json")});
    QCOMPARE(parseArray(events.out).size(), o.value(QStringLiteral("events")).toInt());
}

void Tst_cli::unknownFileFailsWithItsName()
{
    const QString casePath = newCase();
    // A real file of a format we do not read (yet): a binary macOS unified log.
    const QString path = corpusPath(QStringLiteral("macos/unified_log_0000000000000f85.tracev3"));
    const ProcessResult r = cli({QStringLiteral("import"), casePath, path, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QFile::encodeName(path)), r.err.constData());
    const QJsonObject o = parseArray(r.out).first().toObject();
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(o.value(QStringLiteral("events")).toInt(), 0);
    // Nothing half-made is left in the case.
    QCOMPARE(parseArray(cli({QStringLiteral("sources"), casePath, QStringLiteral("--json")}).out).size(), 0);

    const ProcessResult missing = cli({QStringLiteral("import"), casePath, m_dir.filePath(QStringLiteral("nope.log"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains("nope.log"));
}

// `import CASE fifo` used to block for ever in open(); a FIFO is refused at once,
// with its name, and the other files of the command still import.
void Tst_cli::fifoIsRefusedNotWaitedOn()
{
    const QString casePath = newCase();
    const QString fifo = m_dir.filePath(QStringLiteral("evidence.fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QString good = corpusPath(QStringLiteral("linux/dpkg_tiny_mixed.log"));
    const ProcessResult r = run(Cli, {QStringLiteral("import"), casePath, fifo, good, QStringLiteral("--json")}, 20000);
    QVERIFY2(r.err != "timed out", "the import waited on the FIFO");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("not a regular file"), r.err.constData());
    QVERIFY2(r.err.contains(QFile::encodeName(fifo)), r.err.constData());
    const QJsonArray results = parseArray(r.out);
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(results.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("complete"));
}

// Logs are hostile: a package name or a file name with ESC, BEL or CR must not reach
// the terminal as such (issue 11, finding 6). Text output shows them as \x1b, as less
// does; only the output's own newlines and tabs remain.
void Tst_cli::textOutputShowsControlCharactersVisibly_data()
{
    QTest::addColumn<QStringList>("command"); // after the program; CASE is replaced
    QTest::newRow("events") << QStringList {QStringLiteral("events"), QStringLiteral("CASE")};
    QTest::newRow("sources") << QStringList {QStringLiteral("sources"), QStringLiteral("CASE")};
    QTest::newRow("summary") << QStringList {QStringLiteral("summary"), QStringLiteral("CASE")};
}

void Tst_cli::textOutputShowsControlCharactersVisibly()
{
    QFETCH(QStringList, command);
    const QString casePath = newCase();
    // A file name with a title-setting sequence and a carriage return, and a package
    // whose name clears the screen and rings the bell.
    const QString log = m_dir.filePath(QStringLiteral("dpkg-\x1b]0;owned\x07\r.log"));
    {
        QFile f(log);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("2026-03-02 10:00:00 status installed curl:amd64 7.88.1-10\n"
                "2026-03-02 10:00:01 status installed evil\x1b[2J\x07pkg:amd64 1.0\n");
    }
    QCOMPARE(
        cli({QStringLiteral("import"), casePath, log, QStringLiteral("--host"), QStringLiteral("h1")}).exitCode, 0);
    command.replace(command.indexOf(QStringLiteral("CASE")), casePath);
    const ProcessResult r = cli(command);
    QCOMPARE(r.exitCode, 0);
    for (const char c : r.out)
        QVERIFY2(quint8(c) >= 0x20 || c == '\n' || c == '\t',
            qPrintable(QStringLiteral("raw 0x%1 in: %2")
                           .arg(quint8(c), 2, 16, QLatin1Char('0'))
                           .arg(QString::fromUtf8(r.out))));
    QVERIFY2(r.out.contains("\\x1b"), r.out.constData());
}

void Tst_cli::damagedFileImportsIntactRecordsAndExitsTwo()
{
    // A real audit log with junk spliced between its records.
    QFile original(corpusPath(QStringLiteral("linux/auditd_gce_execve_connect_sockaddr.log")));
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = original.readAll().split('\n');
    QByteArray damaged;
    int intact = 0;
    for (int i = 0; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            continue;
        damaged += lines[i] + '\n';
        ++intact;
        if (i == 3) {
            static const char junk[] = "\x00\x01\xfe garbage \xff\xff";
            damaged += QByteArray(junk, sizeof junk - 1) + '\n';
        }
        if (i == 9)
            damaged += "type=SYSCALL msg=audit(1492037291.0\n"; // cut mid-stamp
    }
    const QString path = m_dir.filePath(QStringLiteral("damaged-audit.log"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(damaged);
    out.close();

    const QString casePath = newCase();
    const ProcessResult r = cli({QStringLiteral("import"), casePath, path, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 2);
    const QJsonObject o = parseArray(r.out).first().toObject();
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("complete"));
    QCOMPARE(o.value(QStringLiteral("errors")).toInt(), 2);
    QCOMPARE(o.value(QStringLiteral("records")).toInt(), intact);

    // Same event count as the undamaged original.
    const QString clean = newCase();
    const ProcessResult c = cli({QStringLiteral("import"), clean, original.fileName(), QStringLiteral("--json")});
    QCOMPARE(c.exitCode, 0);
    QCOMPARE(o.value(QStringLiteral("events")), parseArray(c.out).first().toObject().value(QStringLiteral("events")));
}

// Issue 11, findings 3 and 4, through the command's contract: a file short of the
// records its header promises is `incomplete` with the missing records as errors
// (exit 2); a damaged file signature is one error, not "not a log"; a file of no
// format names every format read; an empty file says so.
void Tst_cli::evtxDamageIsReportedNotSilent_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("status");
    QTest::newRow("intact") << "none" << 0 << "complete";
    QTest::newRow("cut exactly after the last chunk") << "cut-at-end" << 0 << "complete";
    QTest::newRow("cut at a chunk boundary") << "cut" << 2 << "incomplete";
    QTest::newRow("header followed by zeros") << "zeros" << 2 << "incomplete";
    QTest::newRow("flipped bit in the file signature") << "signature" << 2 << "complete";
    QTest::newRow("random bytes") << "random" << 1 << "failed";
    QTest::newRow("empty file") << "empty" << 1 << "failed";
}

void Tst_cli::evtxDamageIsReportedNotSilent()
{
    QFETCH(QString, damage);
    QFETCH(int, exitCode);
    QFETCH(QString, status);
    constexpr int Total = 1200;
    constexpr qsizetype HeaderSize = 4096, ChunkSize = 65536;
    QByteArray file = generatedEvtx(Total);
    QVERIFY(!file.isEmpty());
    const qsizetype chunks = (file.size() - HeaderSize) / ChunkSize;
    QVERIFY(chunks >= 3);
    if (damage == u"cut-at-end")
        file.truncate(HeaderSize + chunks * ChunkSize);
    else if (damage == u"cut")
        file.truncate(HeaderSize + ChunkSize);
    else if (damage == u"zeros")
        file = file.left(HeaderSize) + QByteArray(8 * ChunkSize, '\0');
    else if (damage == u"signature")
        file[2] = char(file.at(2) ^ 0x04);
    else if (damage == u"random") {
        QByteArray random(100000, Qt::Uninitialized);
        QRandomGenerator rng(11);
        rng.fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
        file = random;
    } else if (damage == u"empty")
        file.clear();
    const QString path = m_dir.filePath(QStringLiteral("evtx-%1.evtx").arg(damage));
    {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(file);
    }

    const QString casePath = newCase();
    const ProcessResult r = cli({QStringLiteral("import"), casePath, path, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == exitCode, r.err.constData());
    const QJsonObject o = parseArray(r.out).first().toObject();
    QCOMPARE(o.value(QStringLiteral("status")).toString(), status);
    const int records = o.value(QStringLiteral("records")).toInt();
    const int errors = o.value(QStringLiteral("errors")).toInt();
    const QString error = o.value(QStringLiteral("error")).toString();
    // Exit code 2 exactly when records were damaged or lost (README, exit codes).
    QCOMPARE(exitCode == 2, errors > 0);
    if (damage == u"none" || damage == u"cut-at-end") {
        QCOMPARE(records, Total);
        QCOMPARE(errors, 0);
    } else if (damage == u"cut" || damage == u"zeros") {
        QVERIFY(records < Total);
        QCOMPARE(errors, Total - records); // every missing record, in one message
        QVERIFY2(error.startsWith(QStringLiteral("records %1-%2 ").arg(records + 1).arg(Total)), qPrintable(error));
        QCOMPARE(o.value(QStringLiteral("events")).toInt(), records); // what was read is kept
        const QJsonObject stored
            = parseArray(cli({QStringLiteral("sources"), casePath, QStringLiteral("--json")}).out).first().toObject();
        QCOMPARE(stored.value(QStringLiteral("status")).toString(), QStringLiteral("incomplete"));
        QCOMPARE(stored.value(QStringLiteral("errors")).toInt(), errors);
        QCOMPARE(parseArray(cli({QStringLiteral("events"), casePath, QStringLiteral("--json")}).out).size(), records);
    } else if (damage == u"signature") {
        QCOMPARE(records, Total);
        QCOMPARE(errors, 1);
        QCOMPARE(o.value(QStringLiteral("format")).toString(), QStringLiteral("evtx"));
    } else if (damage == u"random") {
        QVERIFY2(isOneLineReason(r.err), r.err.constData());
        QVERIFY2(error.contains(QLatin1String("not a log format")), qPrintable(error));
        for (const char *format : {"auditd", "dpkg", "apt history", "yum", "dnf", "EVTX", "Windows XML"})
            QVERIFY2(error.contains(QLatin1String(format)), qPrintable(error));
    } else if (damage == u"empty") {
        QVERIFY2(isOneLineReason(r.err), r.err.constData());
        QVERIFY2(error.endsWith(QLatin1String("empty file, nothing to import")), qPrintable(error));
    }
}

// A short file's events are in the case: importing it again must be refused as a
// duplicate, not double them (an interrupted import, with no events, may be redone).
void Tst_cli::shortEvtxReimportedIsADuplicate()
{
    QByteArray file = generatedEvtx(1200);
    QVERIFY(!file.isEmpty());
    file.truncate(4096 + 65536);
    const QString path = m_dir.filePath(QStringLiteral("short.evtx"));
    {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(file);
    }
    const QString casePath = newCase();
    const ProcessResult first = cli({QStringLiteral("import"), casePath, path, QStringLiteral("--json")});
    QCOMPARE(first.exitCode, 2);
    const QJsonObject a = parseArray(first.out).first().toObject();
    QCOMPARE(a.value(QStringLiteral("status")).toString(), QStringLiteral("incomplete"));
    const int events = a.value(QStringLiteral("events")).toInt();
    QVERIFY(events > 0);

    const ProcessResult second = cli({QStringLiteral("import"), casePath, path, QStringLiteral("--json")});
    QCOMPARE(second.exitCode, 1); // every file refused
    const QJsonObject b = parseArray(second.out).first().toObject();
    QCOMPARE(b.value(QStringLiteral("status")).toString(), QStringLiteral("duplicate"));
    QCOMPARE(b.value(QStringLiteral("duplicate_of")), a.value(QStringLiteral("source_id")));
    QCOMPARE(parseArray(cli({QStringLiteral("events"), casePath, QStringLiteral("--json")}).out).size(), events);
    QCOMPARE(parseArray(cli({QStringLiteral("sources"), casePath, QStringLiteral("--json")}).out).size(), 1);
}

void Tst_cli::gapsAreShownButAreNoErrors_data()
{
    // Issue 11, finding 12: serials 3 and 4 are missing. A gap is a possible loss, not
    // damage: exit code 0. The exit code follows errors only: the same file cut in its
    // last line (finding 11) exits 2, with the same gap.
    QTest::addColumn<bool>("finalNewline");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("errors");
    QTest::newRow("intact") << true << 0 << 0;
    QTest::newRow("last line cut") << false << 2 << 1;
}

void Tst_cli::gapsAreShownButAreNoErrors()
{
    QFETCH(bool, finalNewline);
    QFETCH(int, exitCode);
    QFETCH(int, errors);
    QByteArrayList lines;
    for (int serial : {1, 2, 5}) {
        lines.append("type=SYSCALL msg=audit(1700000000.00" + QByteArray::number(serial) + ':'
            + QByteArray::number(serial)
            + "): arch=c000003e syscall=2 success=yes exit=3 a0=0 a1=0 a2=0 a3=0 items=0 ppid=1 pid=500 auid=0 "
              "uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=1 comm=\"cat\" "
              "exe=\"/usr/bin/cat\" key=(null)");
    }
    const QString path = m_dir.filePath(QStringLiteral("gaps-%1.log").arg(finalNewline ? 1 : 0));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    // Without its newline the file is also cut inside its last value ("key=(nu"): a
    // last line that ends with a whole field ("key=(null)") would be intact.
    out.write(finalNewline ? lines.join('\n') + '\n' : lines.join('\n').chopped(3));
    out.close();

    const QString casePath = newCase();
    const ProcessResult r = cli({QStringLiteral("import"), casePath, path, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, exitCode);
    const auto checkGaps = [&](const QJsonObject &o) {
        QCOMPARE(o.value(QStringLiteral("errors")).toInt(), errors);
        QCOMPARE(o.value(QStringLiteral("records")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("gaps")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("gap_ranges")).toArray(), QJsonArray({QStringLiteral("3-4")}));
        QCOMPARE(o.value(QStringLiteral("gap_range_count")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("gap_ranges_cut")), QJsonValue(false));
    };
    checkGaps(parseArray(r.out).first().toObject());
    QVERIFY2(r.err.contains("2 gaps"), r.err.constData());
    // Stored in the case and read back.
    const ProcessResult sources = cli({QStringLiteral("sources"), casePath, QStringLiteral("--json")});
    QCOMPARE(sources.exitCode, 0);
    checkGaps(parseArray(sources.out).first().toObject());
    const ProcessResult text = cli({QStringLiteral("sources"), casePath});
    QVERIFY2(text.out.contains("\t2 gaps\t"), text.out.constData());
    const ProcessResult summary = cli({QStringLiteral("summary"), casePath});
    QVERIFY2(summary.out.contains("2 gaps (sequence numbers missing, possible loss: 3-4)"), summary.out.constData());
    const QString html = m_dir.filePath(QStringLiteral("gaps-report.html"));
    QCOMPARE(cli({QStringLiteral("report"), casePath, QStringLiteral("--html"), html}).exitCode, 0);
    QFile report(html);
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QByteArray page = report.readAll();
    QVERIFY(page.contains("<th>Gaps</th>"));
    QVERIFY(page.contains("2 missing sequence number(s): possible loss (3-4)"));
}

void Tst_cli::gzipFileImportsDirectly()
{
    const QString plain = corpusPath(QStringLiteral("linux/dpkg_ubuntu1404_base_install.log"));
    const QString gz = m_dir.filePath(QStringLiteral("dpkg.log.2.gz"));
    QProcess gzip;
    gzip.setStandardOutputFile(gz);
    gzip.start(QStringLiteral("gzip"), {QStringLiteral("-c"), plain});
    QVERIFY(gzip.waitForFinished());
    QCOMPARE(gzip.exitCode(), 0);

    const QString casePath = newCase();
    const ProcessResult r = cli({QStringLiteral("import"), casePath, plain, gz, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray array = parseArray(r.out);
    QCOMPARE(array.size(), 2);
    const QJsonObject a = array.at(0).toObject();
    const QJsonObject b = array.at(1).toObject();
    QCOMPARE(b.value(QStringLiteral("format")).toString(), QStringLiteral("dpkg"));
    QCOMPARE(b.value(QStringLiteral("records")), a.value(QStringLiteral("records")));
    QCOMPARE(b.value(QStringLiteral("events")), a.value(QStringLiteral("events")));
    // The hash is that of the evidence file as it lies on disk: the compressed bytes.
    QCOMPARE(b.value(QStringLiteral("sha256")).toString().toLatin1(), sha256Of(gz));
    QVERIFY(a.value(QStringLiteral("sha256")) != b.value(QStringLiteral("sha256")));
}

void Tst_cli::secondImportOfTheSameEvidence_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<bool>("refused");
    // Identity is the content's SHA-256, not the name: the same file, a copy under
    // another name, and a file one byte away.
    QTest::newRow("same file") << QStringLiteral("same") << true;
    QTest::newRow("copy under another name") << QStringLiteral("copy") << true;
    QTest::newRow("one byte different") << QStringLiteral("one byte") << false;
    QTest::newRow("same file with --again") << QStringLiteral("again") << false;
}

void Tst_cli::secondImportOfTheSameEvidence()
{
    QFETCH(QString, variant);
    QFETCH(bool, refused);
    const QString original = corpusPath(QStringLiteral("linux/dpkg_tiny_mixed.log"));
    QFile f(original);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray content = f.readAll();
    QString second = original;
    QStringList extra;
    if (variant == u"copy" || variant == u"one byte") {
        if (variant == u"one byte") {
            // The last record's version, 3.5.33 -> 3.5.34: still a valid dpkg log.
            const qsizetype at = content.lastIndexOf("3.5.33");
            QVERIFY(at > 0);
            content[at + 5] = '4';
        }
        second = m_dir.filePath(QStringLiteral("second-%1.log").arg(variant).replace(u' ', u'-'));
        QFile out(second);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(out.write(content), content.size());
    }
    if (variant == u"again")
        extra << QStringLiteral("--again");

    const QString casePath = newCase();
    const ProcessResult first = cli({QStringLiteral("import"), casePath, original, QStringLiteral("--json")});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    const qint64 firstId = parseArray(first.out).first().toObject().value(QStringLiteral("source_id")).toInteger();
    const QByteArray eventsBefore = cli({QStringLiteral("events"), casePath, QStringLiteral("--json")}).out;
    const QByteArray sourcesBefore = cli({QStringLiteral("sources"), casePath, QStringLiteral("--json")}).out;

    const ProcessResult r
        = cli(QStringList {QStringLiteral("import"), casePath, second, QStringLiteral("--json")} + extra);
    const QJsonArray array = parseArray(r.out);
    QCOMPARE(array.size(), 1);
    const QJsonObject o = array.first().toObject();
    QCOMPARE(o.value(QStringLiteral("sha256")).toString().toLatin1(), sha256Of(second));
    const QJsonArray sources = parseArray(cli({QStringLiteral("sources"), casePath, QStringLiteral("--json")}).out);
    if (refused) {
        // Nothing was imported, so the command failed; one line names the earlier source.
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(isOneLineReason(r.err), r.err.constData());
        const QByteArray expected = QFile::encodeName(second) + " is already in this case as source "
            + QByteArray::number(firstId) + " (same SHA-256 " + sha256Of(second).left(12);
        QVERIFY2(r.err.contains(expected), r.err.constData());
        QVERIFY2(r.err.contains("use --again"), r.err.constData());
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("duplicate"));
        QCOMPARE(o.value(QStringLiteral("duplicate_of")).toInteger(), firstId);
        QVERIFY(o.value(QStringLiteral("source_id")).isNull());
        QCOMPARE(o.value(QStringLiteral("events")).toInt(), 0);
        QVERIFY(o.value(QStringLiteral("error")).toString().contains(QStringLiteral("source %1").arg(firstId)));
        // The case is as it was, byte for byte.
        QCOMPARE(sources.size(), 1);
        QCOMPARE(cli({QStringLiteral("sources"), casePath, QStringLiteral("--json")}).out, sourcesBefore);
        QCOMPARE(cli({QStringLiteral("events"), casePath, QStringLiteral("--json")}).out, eventsBefore);
    } else {
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("complete"));
        QVERIFY(o.value(QStringLiteral("duplicate_of")).isNull());
        QCOMPARE(sources.size(), 2);
        QVERIFY(o.value(QStringLiteral("source_id")).toInteger() != firstId);
        QCOMPARE(parseArray(cli({QStringLiteral("events"), casePath, QStringLiteral("--json")}).out).size(),
            2 * parseArray(eventsBefore).size());
    }
}

void Tst_cli::refusedDuplicateDoesNotFailTheOtherFiles()
{
    const QString dpkg = corpusPath(QStringLiteral("linux/dpkg_tiny_mixed.log"));
    const QString audit = corpusPath(QStringLiteral("linux/auditd_gce_execve_connect_sockaddr.log"));
    const QString casePath = newCase();
    QCOMPARE(cli({QStringLiteral("import"), casePath, dpkg}).exitCode, 0);

    // The duplicate is refused, the new file imported, and the command succeeds.
    const ProcessResult r = cli({QStringLiteral("import"), casePath, dpkg, audit, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray array = parseArray(r.out);
    QCOMPARE(array.size(), 2);
    QCOMPARE(array.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("duplicate"));
    QCOMPARE(array.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("complete"));
    QVERIFY(r.err.contains("is already in this case as source 1"));
    QCOMPARE(parseArray(cli({QStringLiteral("sources"), casePath, QStringLiteral("--json")}).out).size(), 2);

    // Both are in the case now: every file refused, nothing imported.
    const ProcessResult both = cli({QStringLiteral("import"), casePath, audit, dpkg});
    QCOMPARE(both.exitCode, 1);
    QCOMPARE(both.err.trimmed().split('\n').size(), 2);
    QVERIFY(both.err.contains("source 2"));
    QVERIFY(both.err.contains("source 1"));
    QCOMPARE(parseArray(cli({QStringLiteral("sources"), casePath, QStringLiteral("--json")}).out).size(), 2);
}

void Tst_cli::eventsJsonHasTheContractShape()
{
    const QString casePath = newCase();
    const ProcessResult imp = cli({QStringLiteral("import"), casePath,
        corpusPath(QStringLiteral("linux/auditd_ubuntu_dpkg_l_fork_exec_trace.log")),
        corpusPath(QStringLiteral("linux/auditd_connect_ipv4_ipv6_sockaddr.log"))});
    QVERIFY2(imp.exitCode == 0, imp.err.constData());

    const ProcessResult all = cli({QStringLiteral("events"), casePath, QStringLiteral("--json")});
    QCOMPARE(all.exitCode, 0);
    const QJsonArray events = parseArray(all.out);
    QVERIFY(!events.isEmpty());
    const QStringList kinds = {QStringLiteral("process_start"), QStringLiteral("process_exit"),
        QStringLiteral("file_write"), QStringLiteral("file_rename"), QStringLiteral("file_delete"),
        QStringLiteral("module_load"), QStringLiteral("net_connect"), QStringLiteral("dns_query"),
        QStringLiteral("package_install"), QStringLiteral("signature_fault"), QStringLiteral("log_message")};
    qint64 previous = std::numeric_limits<qint64>::min();
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        for (const char *key : {"id", "time", "host", "platform", "kind", "pid", "ppid", "image", "command_line",
                 "user", "target_path", "dst_ip", "dst_port", "source_id", "record_pos"})
            QVERIFY2(e.contains(QLatin1String(key)), key);
        QVERIFY2(kinds.contains(e.value(QStringLiteral("kind")).toString()),
            qPrintable(e.value(QStringLiteral("kind")).toString()));
        QVERIFY(QRegularExpression(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$)"))
                    .match(e.value(QStringLiteral("time")).toString())
                    .hasMatch());
        QVERIFY(e.value(QStringLiteral("time_us")).toInteger() >= previous); // time order
        previous = e.value(QStringLiteral("time_us")).toInteger();
    }

    const ProcessResult connects = cli({QStringLiteral("events"), casePath, QStringLiteral("--kind"),
        QStringLiteral("net_connect"), QStringLiteral("--json")});
    const QJsonArray net = parseArray(connects.out);
    // auditd_connect_ipv4_ipv6_sockaddr.log: two connect() calls (PROVENANCE.md), the
    // first to 127.0.0.1:11211 (saddr 02002BCB7F000001…).
    QCOMPARE(net.size(), 2);
    for (const QJsonValue &v : net)
        QCOMPARE(v.toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("net_connect"));
    QCOMPARE(net.first().toObject().value(QStringLiteral("dst_ip")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(net.first().toObject().value(QStringLiteral("dst_port")).toInt(), 11211);
}

void Tst_cli::eventsRejectsUnknownKind()
{
    const QString casePath = newCase();
    const ProcessResult r
        = cli({QStringLiteral("events"), casePath, QStringLiteral("--kind"), QStringLiteral("bogus")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(isOneLineReason(r.err), r.err.constData());
}

void Tst_cli::rawShowsTheOriginalRecord()
{
    const QString casePath = newCase();
    const QString path = corpusPath(QStringLiteral("linux/dpkg_tiny_mixed.log"));
    QCOMPARE(cli({QStringLiteral("import"), casePath, path}).exitCode, 0);
    const QJsonArray events = parseArray(cli({QStringLiteral("events"), casePath, QStringLiteral("--kind"),
                                                 QStringLiteral("package_install"), QStringLiteral("--json")})
                                             .out);
    QCOMPARE(events.size(), 1);
    const QString id = QString::number(events.first().toObject().value(QStringLiteral("id")).toInteger());
    const ProcessResult raw = cli({QStringLiteral("raw"), casePath, id});
    QCOMPARE(raw.exitCode, 0);
    // The third line of the file, byte for byte.
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(raw.out, f.readAll().split('\n').at(2) + '\n');
}

void Tst_cli::killedImportLeavesIncompleteSourceThatCanBeDroppedAndReimported()
{
    // Large enough that the import is still running when we kill it.
    const QString evidence = m_dir.filePath(QStringLiteral("big"));
    const ProcessResult demo
        = cli({QStringLiteral("demo"), evidence, QStringLiteral("--noise"), QStringLiteral("400000")});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    const QString audit = evidence + QStringLiteral("/audit.log");
    QVERIFY(QFile::exists(audit));

    const QString casePath = newCase();
    QProcess import;
    import.setProcessChannelMode(QProcess::SeparateChannels);
    // Progress goes to stderr; wait on that channel.
    import.setReadChannel(QProcess::StandardError);
    import.start(Cli, {QStringLiteral("import"), casePath, audit});
    QVERIFY(import.waitForStarted());
    // Wait for progress that shows events being written, then kill without warning.
    QByteArray err;
    const QRegularExpression progress(QStringLiteral(R"((\d+)% \((\d+) events\))"));
    bool midway = false;
    while (!midway && import.waitForReadyRead(60000)) {
        err += import.readAllStandardError();
        auto it = progress.globalMatch(QString::fromUtf8(err));
        while (it.hasNext()) {
            const auto m = it.next();
            if (m.captured(2).toLongLong() > 0 && m.captured(1).toInt() < 80)
                midway = true;
        }
    }
    QVERIFY2(midway, err.constData());
    ::kill(pid_t(import.processId()), SIGKILL);
    QVERIFY(import.waitForFinished());
    QCOMPARE(import.exitStatus(), QProcess::CrashExit);

    // The case opens and tells the truth.
    const ProcessResult sources = cli({QStringLiteral("sources"), casePath, QStringLiteral("--json")});
    QVERIFY2(sources.exitCode == 0, sources.err.constData());
    const QJsonArray list = parseArray(sources.out);
    QCOMPARE(list.size(), 1);
    const QJsonObject src = list.first().toObject();
    QCOMPARE(src.value(QStringLiteral("status")).toString(), QStringLiteral("incomplete"));
    QCOMPARE(src.value(QStringLiteral("events")).toInt(), 0);
    QCOMPARE(parseArray(cli({QStringLiteral("events"), casePath, QStringLiteral("--json")}).out).size(), 0);

    // Drop it, import again: complete.
    const QString id = QString::number(src.value(QStringLiteral("id")).toInteger());
    QCOMPARE(cli({QStringLiteral("drop"), casePath, id}).exitCode, 0);
    QCOMPARE(parseArray(cli({QStringLiteral("sources"), casePath, QStringLiteral("--json")}).out).size(), 0);
    const ProcessResult again = cli({QStringLiteral("import"), casePath, audit, QStringLiteral("--json")});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    const QJsonObject done = parseArray(again.out).first().toObject();
    QCOMPARE(done.value(QStringLiteral("status")).toString(), QStringLiteral("complete"));
    QVERIFY(done.value(QStringLiteral("events")).toInt() > 400000);
}

void Tst_cli::usageErrorsExitOne_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no command") << QStringList();
    QTest::newRow("unknown command") << QStringList {QStringLiteral("frobnicate")};
    QTest::newRow("import without files") << QStringList {QStringLiteral("import"), QStringLiteral("x.chainscope")};
    QTest::newRow("events on missing case")
        << QStringList {QStringLiteral("events"), QStringLiteral("/nonexistent/case.chainscope")};
    QTest::newRow("bad option") << QStringList {
        QStringLiteral("sources"), QStringLiteral("x"), QStringLiteral("--nope")};
    QTest::newRow("verify on missing case")
        << QStringList {QStringLiteral("verify"), QStringLiteral("/nonexistent/case.chainscope")};
    QTest::newRow("verify without case") << QStringList {QStringLiteral("verify")};
}

void Tst_cli::usageErrorsExitOne()
{
    QFETCH(QStringList, args);
    const ProcessResult r = cli(args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!r.err.isEmpty());
}

// report --chain names chains of the case; a number the case lacks, or no number at all,
// fails before any file is written.
void Tst_cli::reportChainSelectionIsChecked()
{
    const QString casePath = newCase();
    const QString html = m_dir.filePath(QStringLiteral("selected.html"));
    const ProcessResult missing = cli({QStringLiteral("report"), casePath, QStringLiteral("--html"), html,
        QStringLiteral("--chain"), QStringLiteral("99")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("no chain 99"), missing.err.constData());
    QVERIFY(!QFile::exists(html));
    const ProcessResult bad = cli({QStringLiteral("report"), casePath, QStringLiteral("--html"), html,
        QStringLiteral("--chain"), QStringLiteral("one")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(!QFile::exists(html));
    QCOMPARE(cli({QStringLiteral("report"), casePath, QStringLiteral("--html"), html}).exitCode, 0);
    QVERIFY(QFile::exists(html));
    const ProcessResult help = cli({QStringLiteral("--help")});
    QVERIFY(help.out.contains("--chain ID"));
}

// export-analytic (issue 15): the case policy as rules for the platforms of its evidence,
// to stdout or atomically to a file; a hostile policy value stays escaped; an unknown
// format or platform fails with one line and exit code 1, before anything is written.
void Tst_cli::exportAnalyticWritesRulesForTheCasePlatforms()
{
    const QString evidence = m_dir.filePath(QStringLiteral("hunt-evidence"));
    const ProcessResult demo
        = cli({QStringLiteral("demo"), evidence, QStringLiteral("--only"), QStringLiteral("linux")});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    const QString casePath = newCase();
    const ProcessResult imported = cli({QStringLiteral("import"), casePath, evidence});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    QCOMPARE(cli({QStringLiteral("policy"), casePath, QStringLiteral("--load"),
                     evidence + QStringLiteral("/site-policy.json")})
                 .exitCode,
        0);

    // Only Linux evidence: one sequence, for Linux, with the site's approved range.
    const ProcessResult eql
        = cli({QStringLiteral("export-analytic"), casePath, QStringLiteral("--format"), QStringLiteral("eql")});
    QVERIFY2(eql.exitCode == 0, eql.err.constData());
    QCOMPARE(eql.out.count("sequence by host.id with maxspan=90m"), 1);
    QVERIFY(eql.out.contains("platform linux"));
    QVERIFY(eql.out.contains("cidrMatch(destination.ip, \"192.0.2.0/24\")"));

    const QString rules = m_dir.filePath(QStringLiteral("hunt.yml"));
    const ProcessResult sigma
        = cli({QStringLiteral("export-analytic"), casePath, QStringLiteral("--format"), QStringLiteral("sigma"),
            QStringLiteral("--platform"), QStringLiteral("windows"), QStringLiteral("--output"), rules});
    QVERIFY2(sigma.exitCode == 0, sigma.err.constData());
    QVERIFY(sigma.out.isEmpty());
    QFile written(rules);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray yaml = written.readAll();
    QVERIFY(yaml.contains("    type: temporal_ordered\n"));
    QVERIFY(yaml.contains("    product: windows\n"));

    // A signer that tries to close its string and drive the terminal.
    QCOMPARE(cli({QStringLiteral("policy"), casePath, QStringLiteral("--set"),
                     QStringLiteral("ApprovedSigners+=Evil\" or true\x1b[2J")})
                 .exitCode,
        0);
    const ProcessResult hostile = cli({QStringLiteral("export-analytic"), casePath, QStringLiteral("--format"),
        QStringLiteral("eql"), QStringLiteral("--platform"), QStringLiteral("windows")});
    QCOMPARE(hostile.exitCode, 0);
    QVERIFY(!hostile.out.contains('\x1b'));
    QVERIFY2(hostile.out.contains("\"Evil\\\" or true\\u{1b}[2J\""), hostile.out.constData());

    for (const QStringList &bad : {QStringList {QStringLiteral("--format"), QStringLiteral("kql")},
             QStringList {QStringLiteral("--platform"), QStringLiteral("linux")},
             QStringList {QStringLiteral("--format"), QStringLiteral("spl"), QStringLiteral("--platform"),
                 QStringLiteral("solaris")}}) {
        const QString out = m_dir.filePath(QStringLiteral("never.txt"));
        const ProcessResult r
            = cli(QStringList {QStringLiteral("export-analytic"), casePath, QStringLiteral("--output"), out} + bad);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(isOneLineReason(r.err), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFile::exists(out));
    }
    QVERIFY(cli({QStringLiteral("export-analytic"), casePath, QStringLiteral("--format"), QStringLiteral("kql")})
                .err.contains("unknown format \"kql\" (formats: eql, sigma, spl)"));
    QVERIFY(cli({QStringLiteral("--help")}).out.contains("export-analytic CASE --format eql|sigma|spl"));

    // Linux and Windows evidence in one case: EQL and SPL are one query each, so they
    // ask for --platform instead of writing queries no engine runs together; Sigma
    // writes both platforms' rules, one YAML document each.
    const QString windows = m_dir.filePath(QStringLiteral("hunt-windows"));
    QCOMPARE(cli({QStringLiteral("demo"), windows, QStringLiteral("--only"), QStringLiteral("windows")}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("import"), casePath, windows}).exitCode, 0);
    for (const char *single : {"eql", "spl"}) {
        const ProcessResult r = cli(
            {QStringLiteral("export-analytic"), casePath, QStringLiteral("--format"), QString::fromLatin1(single)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("choose one with --platform"), r.err.constData());
        QVERIFY(r.out.isEmpty());
        const ProcessResult one = cli({QStringLiteral("export-analytic"), casePath, QStringLiteral("--format"),
            QString::fromLatin1(single), QStringLiteral("--platform"), QStringLiteral("windows")});
        QCOMPARE(one.exitCode, 0);
        QVERIFY(one.out.contains("platform windows"));
    }
    const ProcessResult both
        = cli({QStringLiteral("export-analytic"), casePath, QStringLiteral("--format"), QStringLiteral("sigma")});
    QCOMPARE(both.exitCode, 0);
    QVERIFY(both.out.contains("    product: windows\n"));
    QVERIFY(both.out.contains("    product: linux\n"));
}

// report --pdf (issue 14) paints without a display: no DISPLAY, no WAYLAND_DISPLAY, no
// QT_QPA_PLATFORM. With --html both files are written; a bad --chain writes neither.
void Tst_cli::reportWritesPdfWithoutDisplay()
{
    const QString casePath = newCase();
    const QString pdf = m_dir.filePath(QStringLiteral("headless.pdf"));
    const QString html = m_dir.filePath(QStringLiteral("headless.html"));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QLatin1String(name));
    p.setProcessEnvironment(env);
    p.start(Cli,
        {QStringLiteral("report"), casePath, QStringLiteral("--chain"), QStringLiteral("99"), QStringLiteral("--pdf"),
            pdf, QStringLiteral("--html"), html});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(!QFile::exists(pdf));
    QVERIFY(!QFile::exists(html));
    p.start(Cli, {QStringLiteral("report"), casePath, QStringLiteral("--pdf"), pdf, QStringLiteral("--html"), html});
    QVERIFY(p.waitForFinished(60000));
    const QByteArray err = p.readAllStandardError();
    if (p.exitCode() == 1 && err.contains("built without the GUI libraries"))
        QSKIP("this chainscope-cli has no --pdf (CHAINSCOPE_BUILD_GUI=OFF)");
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, err.constData());
    QVERIFY(QFile::exists(html));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("%PDF-"));
    // A platform that needs a display, named in a session without one: still offscreen.
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    p.setProcessEnvironment(env);
    const QString xcbPdf = m_dir.filePath(QStringLiteral("headless-xcb.pdf"));
    p.start(Cli, {QStringLiteral("report"), casePath, QStringLiteral("--pdf"), xcbPdf});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, p.readAllStandardError().constData());
    QVERIFY(QFile::exists(xcbPdf));
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    const ProcessResult text = run(pdftotext, {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY2(text.out.contains("Supply-chain compromise report"), text.out.constData());
    QVERIFY2(QString::fromUtf8(text.out).contains(QRegularExpression(QStringLiteral("page 1 of \\d"))),
        text.out.constData());
    QVERIFY(text.out.contains(QFileInfo(casePath).fileName().toUtf8()));
    QVERIFY(cli({QStringLiteral("--help")}).out.contains("--pdf FILE"));
}

// verify (issue 11, finding 13): 0 when everything was checked and holds, 4 when nothing
// differs but something could not be checked, 3 when something differs. An intact
// verdict on the demo shows every reader's records were hashed, wherever that happens.
void Tst_cli::verifyExitCodesAndJson()
{
    const QString evidence = m_dir.filePath(QStringLiteral("verify-evidence"));
    const ProcessResult demo = cli({QStringLiteral("demo"), evidence});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    // EVTX (chunks hashed on the decode threads), audit (on the build thread), dpkg and
    // apt (on the writer).
    QStringList files = QDir(evidence).entryList(QDir::Files, QDir::Name);
    files.removeIf([](const QString &f) { return f.endsWith(QLatin1String(".json")); }); // the site policy
    QVERIFY(files.contains(QStringLiteral("audit.log")));
    QVERIFY(!files.filter(QStringLiteral(".evtx")).isEmpty());
    QVERIFY(!files.isEmpty());
    const QString casePath = newCase();
    QStringList importArgs {QStringLiteral("import"), casePath};
    for (const QString &f : files)
        importArgs << evidence + u'/' + f;
    const ProcessResult imported = cli(importArgs);
    QVERIFY2(imported.exitCode == 0, imported.err.right(300).constData());

    // (d) Intact.
    ProcessResult r = cli({QStringLiteral("verify"), casePath, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("outcome")).toString(), QStringLiteral("intact"));
    QVERIFY(o.value(QStringLiteral("pages")).toObject().value(QStringLiteral("ok")).toBool());
    const QJsonObject raw = o.value(QStringLiteral("raw_records")).toObject();
    QVERIFY(raw.value(QStringLiteral("intact")).toInteger() > 0);
    QCOMPARE(raw.value(QStringLiteral("unhashed")).toInteger(), 0);
    QCOMPARE(o.value(QStringLiteral("sources")).toArray().size(), files.size());
    for (const QJsonValue &s : o.value(QStringLiteral("sources")).toArray())
        QCOMPARE(s.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("intact"));
    QVERIFY(o.value(QStringLiteral("not_covered")).toString().contains(QLatin1String("event rows")));
    r = cli({QStringLiteral("verify"), casePath});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("pages: ok") && r.out.contains("\nresult: intact: "), r.out.constData());

    // (e) A source moved away: not checked, said so, not a mismatch; exit 4.
    const QString moved = evidence + u'/' + files.first();
    QVERIFY(QFile::rename(moved, moved + QStringLiteral(".moved")));
    r = cli({QStringLiteral("verify"), casePath});
    QVERIFY2(r.exitCode == 4, r.out.constData());
    QVERIFY2(r.out.contains("not at its recorded path"), r.out.constData());
    QVERIFY(!r.out.contains("CHANGED"));
    QVERIFY(QFile::rename(moved + QStringLiteral(".moved"), moved));

    // (a) A chunk rewritten as a valid frame of other bytes: exit 3, the record and its
    // events named.
    qint64 rawId = -1;
    QList<qint64> eventIds;
    {
        auto store = CaseStore::open(casePath);
        Statement pick(store->database(), "SELECT id, data FROM raw_records WHERE encoding = 'zstd' LIMIT 1");
        QVERIFY(pick.step());
        rawId = pick.int64(0);
        QByteArray chunk = RawCodec::decompress(pick.blob(1), 1 << 20).value();
        pick.reset();
        chunk[chunk.size() - 1] = char(chunk.at(chunk.size() - 1) ^ 0x01);
        Statement damage(store->database(), "UPDATE raw_records SET data = ? WHERE id = ?");
        damage.bindBlob(1, RawCodec::compress(chunk)).bind(2, rawId).exec();
        Statement events(store->database(), "SELECT id FROM events WHERE raw_id = ? ORDER BY id");
        events.bind(1, rawId);
        while (events.step())
            eventIds.append(events.int64(0));
    }
    QVERIFY(!eventIds.isEmpty());
    r = cli({QStringLiteral("verify"), casePath, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 3, r.out.constData());
    o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("outcome")).toString(), QStringLiteral("differs"));
    const QJsonArray damaged
        = o.value(QStringLiteral("raw_records")).toObject().value(QStringLiteral("damaged")).toArray();
    QCOMPARE(damaged.size(), 1);
    const QJsonObject d = damaged.first().toObject();
    QCOMPARE(d.value(QStringLiteral("id")).toInteger(), rawId);
    QCOMPARE(d.value(QStringLiteral("problem")).toString(), QStringLiteral("mismatch"));
    QList<qint64> reported;
    for (const QJsonValue &id : d.value(QStringLiteral("event_ids")).toArray())
        reported.append(id.toInteger());
    QCOMPARE(reported, eventIds);
    r = cli({QStringLiteral("verify"), casePath});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.out.contains("raw record " + QByteArray::number(rawId) + " (source "), r.out.constData());
}

// Issue 13: a folder and an archive (generated here: inline dpkg records, a tar.gz made
// by the tar command) in one import. What is no log is listed as skipped and does not
// fail the command; members are sources with their archive; verify checks the archive.
void Tst_cli::importsFoldersAndArchives()
{
    const QString folder = m_dir.filePath(QStringLiteral("collection"));
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/var/log")));
    const auto write = [](const QString &path, const QByteArray &bytes) {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    QVERIFY(write(folder + QStringLiteral("/var/log/dpkg.log"), "2024-01-02 10:00:00 install foo:amd64 <none> 1.0\n"));
    QVERIFY(write(folder + QStringLiteral("/notes.txt"), "not a log\n"));
    const QString tree = m_dir.filePath(QStringLiteral("uac-tree"));
    QVERIFY(QDir().mkpath(tree + QStringLiteral("/var/log")));
    QVERIFY(write(tree + QStringLiteral("/var/log/dpkg.log"), "2024-01-03 10:00:00 install bar:amd64 <none> 2.0\n"));
    QVERIFY(write(tree + QStringLiteral("/README.txt"), "collected\n"));
    const QString archive = m_dir.filePath(QStringLiteral("uac-web01-linux-20240523180712.tar.gz"));
    QCOMPARE(
        run(QStringLiteral("tar"), {QStringLiteral("-C"), tree, QStringLiteral("-czf"), archive, QStringLiteral(".")})
            .exitCode,
        0);

    const QString casePath = newCase();
    const ProcessResult r = cli({QStringLiteral("import"), casePath, folder, archive, QStringLiteral("--json")});
    // Before issue 13: "is a directory". Now two sources, two skipped files, exit 0.
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.contains("skipped " + folder.toUtf8() + "/notes.txt: not a log format Chainscope reads"),
        r.err.constData());
    QVERIFY2(r.err.contains("README.txt: not a log format"), r.err.constData());
    QVERIFY2(r.err.contains("host from the collection layout (UAC archive name)"), r.err.constData());
    QVERIFY2(r.err.contains("imported 2 of 4 files"), r.err.constData());
    const QJsonArray results = parseArray(r.out);
    QCOMPARE(results.size(), 4);
    int skipped = 0;
    for (const QJsonValue &v : results) {
        const QJsonObject o = v.toObject();
        for (const char *key : {"collection", "archive_path", "archive_sha256", "member_path", "host_origin"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        skipped += o.value(QStringLiteral("status")).toString() == u"skipped";
    }
    QCOMPARE(skipped, 2);

    const QJsonArray sources = parseArray(cli({QStringLiteral("sources"), casePath, QStringLiteral("--json")}).out);
    QCOMPARE(sources.size(), 2);
    const QJsonObject fromFolder = sources.at(0).toObject();
    QVERIFY(fromFolder.value(QStringLiteral("archive_path")).isNull());
    QVERIFY(fromFolder.value(QStringLiteral("member_path")).isNull());
    const QJsonObject member = sources.at(1).toObject();
    QCOMPARE(member.value(QStringLiteral("archive_path")).toString(), archive);
    QCOMPARE(member.value(QStringLiteral("archive_sha256")).toString().toLatin1(), sha256Of(archive));
    QCOMPARE(member.value(QStringLiteral("member_path")).toString(), QStringLiteral("var/log/dpkg.log"));
    QCOMPARE(member.value(QStringLiteral("sha256")).toString().toLatin1(),
        sha256Of(tree + QStringLiteral("/var/log/dpkg.log")));
    QCOMPARE(member.value(QStringLiteral("host")).toString(), QStringLiteral("web01"));
    const ProcessResult text = cli({QStringLiteral("sources"), casePath});
    QVERIFY2(text.out.contains("member var/log/dpkg.log of archive " + archive.toUtf8()), text.out.constData());

    // The member is checked through its archive.
    const ProcessResult verify = cli({QStringLiteral("verify"), casePath, QStringLiteral("--json")});
    QVERIFY2(verify.exitCode == 0, verify.out.constData());
}

// Issue 15: an import ends by storing the case's correlation index and keeping its chains
// for the case's policy, for the events the case now holds (so that the next open reads
// neither every event nor the whole index); --no-index leaves both to later, `index`
// does it for such a case. Either way the chains are the same.
void Tst_cli::importIndexesTheCaseUnlessTold()
{
    const QString evidence = m_dir.filePath(QStringLiteral("index-evidence"));
    const ProcessResult demo
        = cli({QStringLiteral("demo"), evidence, QStringLiteral("--only"), QStringLiteral("linux")});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    const QStringList files = QString::fromUtf8(demo.out).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(files.size() >= 2);
    const auto state = [](const QString &path) {
        auto store = CaseStore::open(path, CaseStore::Access::ReadOnly);
        const std::optional<StoredIndexState> index = store->storedIndexState();
        // Kept chains count only when kept for the events the case holds now.
        const std::optional<StoredChainCache> kept = store->chainCache();
        return std::make_tuple(index.has_value(), index ? index->generation : -1, store->eventsGeneration(),
            kept && kept->generation == store->eventsGeneration());
    };

    const QString indexed = newCase();
    const ProcessResult first = cli(QStringList {QStringLiteral("import"), indexed, files.first()});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QVERIFY2(first.err.contains("indexed: "), first.err.constData());
    auto [hasIndex, indexGeneration, eventsGeneration, hasChains] = state(indexed);
    QVERIFY(hasIndex);
    QCOMPARE(indexGeneration, eventsGeneration);
    QVERIFY(hasChains);
    // A second import indexes the case again, for its new events.
    // --json: stdout is the import's results alone, the indexing says its word on stderr.
    const ProcessResult rest
        = cli(QStringList {QStringLiteral("import"), indexed, QStringLiteral("--json")} + files.mid(1));
    QVERIFY2(rest.exitCode == 0, rest.err.constData());
    QCOMPARE(parseArray(rest.out).size(), files.size() - 1);
    QVERIFY2(rest.err.contains("indexed: "), rest.err.constData());
    // From the stored index, with the parts of the new files' hosts written again: not
    // from every event.
    QVERIFY2(rest.err.contains("from the stored index with "), rest.err.constData());
    QVERIFY2(!rest.err.contains("reading every event"), rest.err.constData());
    const qint64 before = eventsGeneration;
    std::tie(hasIndex, indexGeneration, eventsGeneration, hasChains) = state(indexed);
    QVERIFY(eventsGeneration > before);
    QVERIFY(hasIndex);
    QCOMPARE(indexGeneration, eventsGeneration);
    QVERIFY(hasChains);

    const QString later = newCase();
    const ProcessResult plain
        = cli(QStringList {QStringLiteral("import"), later, QStringLiteral("--no-index")} + files);
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
    QVERIFY(!plain.err.contains("indexed"));
    std::tie(hasIndex, indexGeneration, eventsGeneration, hasChains) = state(later);
    QVERIFY(!hasIndex);
    QVERIFY(!hasChains);

    // The kept chains are those computed from every event, and nothing else is changed.
    const ProcessResult fromKept = cli({QStringLiteral("chains"), indexed, QStringLiteral("--json")});
    const ProcessResult fromEvents = cli({QStringLiteral("chains"), later, QStringLiteral("--json")});
    QCOMPARE(fromKept.exitCode, 0);
    QCOMPARE(fromEvents.exitCode, 0);
    QVERIFY(!parseArray(fromEvents.out).isEmpty());
    QCOMPARE(fromKept.out, fromEvents.out);
    // Computed from every event by a command that only reads: it says how to avoid that
    // (and writes nothing); from kept chains it says nothing.
    QVERIFY2(fromEvents.err.contains("chainscope-cli index"), fromEvents.err.constData());
    QVERIFY2(!fromKept.err.contains("note:"), fromKept.err.constData());
    // An import that adds no events (the same file again is refused) indexes nothing.
    const ProcessResult refused = cli({QStringLiteral("import"), later, files.first()});
    QVERIFY(!refused.err.contains("indexed"));
    std::tie(hasIndex, indexGeneration, eventsGeneration, hasChains) = state(later);
    QVERIFY(!hasIndex);

    // `index` does what the import left out, once.
    const ProcessResult index = cli({QStringLiteral("index"), later});
    QVERIFY2(index.exitCode == 0, index.err.constData());
    QVERIFY2(index.err.contains("indexed: "), index.err.constData());
    std::tie(hasIndex, indexGeneration, eventsGeneration, hasChains) = state(later);
    QVERIFY(hasIndex);
    QCOMPARE(indexGeneration, eventsGeneration);
    QVERIFY(hasChains);
    const ProcessResult again = cli({QStringLiteral("index"), later});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.err.contains("the case is indexed"), again.err.constData());
    const ProcessResult nowKept = cli({QStringLiteral("chains"), later, QStringLiteral("--json")});
    QCOMPARE(nowKept.out, fromEvents.out);
    QVERIFY2(!nowKept.err.contains("note:"), nowKept.err.constData());

    // Kept chains of something else (another policy or language) beside a current stored
    // index: `index` computes them from the stored index, not from every event.
    {
        auto store = CaseStore::open(later);
        QVERIFY(store->setChainCache("another key", store->eventsGeneration(), "other chains"));
    }
    const ProcessResult fromStored = cli({QStringLiteral("index"), later});
    QVERIFY2(fromStored.exitCode == 0, fromStored.err.constData());
    QVERIFY2(fromStored.err.contains("from its stored index, kept for the next open"), fromStored.err.constData());
    QVERIFY2(!fromStored.err.contains("reading every event"), fromStored.err.constData());
    std::tie(hasIndex, indexGeneration, eventsGeneration, hasChains) = state(later);
    QVERIFY(hasIndex);
    QVERIFY(hasChains);
    QVERIFY(CaseStore::open(later, CaseStore::Access::ReadOnly)->chainCache()->key != "another key");
    QCOMPARE(cli({QStringLiteral("chains"), later, QStringLiteral("--json")}).out, fromEvents.out);
}

QTEST_GUILESS_MAIN(Tst_cli)
#include "tst_cli.moc"
