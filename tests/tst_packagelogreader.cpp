#include "formats.h"
#include "inputfile.h"
#include "packagelogreader.h"
#include "testsupport.h"

#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <optional>

using namespace Chainscope;
using namespace Chainscope::Test;

namespace {

QByteArray contentOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString detail(const Event &e, const char *key)
{
    return e.details.value(QLatin1String(key)).toString();
}

// UTC microseconds of a wall-clock time written in the file, read with Qt's own
// parser (not the reader's) in the given zone.
qint64 wallClockUs(QStringView date, QStringView time, const QTimeZone &zone = QTimeZone::utc())
{
    const QDateTime dt(QDate::fromString(date, Qt::ISODate), QTime::fromString(time, Qt::ISODate), zone);
    return dt.isValid() ? dt.toMSecsSinceEpoch() * 1000 : -1;
}

qint64 isoUs(const char *utc)
{
    return QDateTime::fromString(QLatin1String(utc), Qt::ISODate).toMSecsSinceEpoch() * 1000;
}

LogFormat formatFromName(const QString &name)
{
    for (LogFormat f : {LogFormat::DpkgLog, LogFormat::AptHistory, LogFormat::YumLog, LogFormat::DnfLog}) {
        if (formatName(f) == name)
            return f;
    }
    return LogFormat::Unknown;
}

// Reads a file like the importer does (detection, reader, stream error), with a
// context of the test's choosing; `force` skips detection.
void importFile(const QString &path, MemorySink &sink, QString &format, const ReaderContext &context = {},
    std::optional<LogFormat> force = std::nullopt)
{
    InputFile input;
    if (!input.open(path)) {
        format = input.errorString();
        return;
    }
    const LogFormat f = force ? *force : builtinFormats().detect(input.peek(64 * 1024));
    format = formatName(f);
    std::unique_ptr<Reader> reader = builtinFormats().createReader(f);
    if (!reader)
        return;
    reader->read(input, context, sink);
    if (input.hasStreamError())
        sink.recordError(input.decodedPos(), input.streamError());
}

// The file's lines as `split('\n')` sees them, with the offset of each.
struct TextLine
{
    QByteArray text;
    qint64 pos;
};

QList<TextLine> linesOf(const QByteArray &content)
{
    QList<TextLine> lines;
    qint64 pos = 0;
    const QList<QByteArray> parts = content.split('\n');
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i + 1 == parts.size() && parts[i].isEmpty())
            break; // after the final newline
        lines.append({parts[i], pos});
        pos += parts[i].size() + 1;
    }
    return lines;
}

// Every event's raw record is the text at its record position in the original file.
bool rawsMatchFile(const MemorySink &sink, const QByteArray &file, QString &why)
{
    for (const MemorySink::Stored &s : sink.events) {
        if (s.rawId < 0 || s.rawId >= sink.raws.size()) {
            why = QStringLiteral("bad raw id");
            return false;
        }
        const QByteArray &raw = sink.raws.at(s.rawId);
        if (file.mid(s.event.recordPos, raw.size()) != raw) {
            why = QStringLiteral("raw of %1 is not at %2").arg(s.event.targetPath).arg(s.event.recordPos);
            return false;
        }
    }
    return true;
}

} // namespace

class Tst_packagelogreader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void probe_data();
    void probe();

    void dpkgLargeCorpus();
    void dpkgTinyExactValues();
    void dpkgTimesFollowTheZone_data();
    void dpkgTimesFollowTheZone();

    void aptHistoryCorpus();
    void aptTimesFollowTheZone();
    void aptDamagedTransactions_data();
    void aptDamagedTransactions();
    void aptHugeTransactionIsSplitNotDropped();
    void aptManyErrorLinesAreBounded();
    void aptHugeTransactionWithoutPackagesIsSplit();

    void yumLog();
    void yumYearFromModificationTime_data();
    void yumYearFromModificationTime();

    void dnfRpmLog();
    void dnfLogCommandAndContinuationLines();

    void gzipGivesTheSameEvents_data();
    void gzipGivesTheSameEvents();
    void concatenatedGzipMembers();
    void truncatedGzipImportsWhatPrecedesTheCut();

    void hostileInput_data();
    void hostileInput();
    void crlfLineEndings();
    void cancelStopsTheReader();

private:
    QString write(const QString &name, const QByteArray &content);
    QString gzip(const QString &path, const QString &name);

    QTemporaryDir m_dir;
    QString m_dpkgLarge;
    QString m_dpkgTiny;
    QString m_apt;
};

void Tst_packagelogreader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_dpkgLarge = corpusPath(QStringLiteral("linux/dpkg_ubuntu1404_base_install.log"));
    m_dpkgTiny = corpusPath(QStringLiteral("linux/dpkg_tiny_mixed.log"));
    m_apt = corpusPath(QStringLiteral("linux/apt_history_debian9_gce.log"));
    for (const QString &path : {m_dpkgLarge, m_dpkgTiny, m_apt})
        QVERIFY2(QFile::exists(path), qPrintable(path));
}

QString Tst_packagelogreader::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
        return QString();
    return path;
}

QString Tst_packagelogreader::gzip(const QString &path, const QString &name)
{
    const ProcessResult r = run(QStringLiteral("gzip"), {QStringLiteral("-c"), path});
    return r.exitCode == 0 ? write(name, r.out) : QString();
}

// ---- detection ---------------------------------------------------------------------

void Tst_packagelogreader::probe_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("format");
    const QString dpkg = QStringLiteral("dpkg");
    const QString apt = QStringLiteral("apt-history");
    const QString yum = QStringLiteral("yum");
    const QString dnf = QStringLiteral("dnf");
    const QString unknown = QStringLiteral("unknown");

    QTest::newRow("corpus dpkg tiny") << contentOf(m_dpkgTiny) << dpkg;
    QTest::newRow("corpus dpkg large") << contentOf(m_dpkgLarge).left(64 * 1024) << dpkg;
    // The corpus history.log starts with a blank line, as apt writes it.
    QTest::newRow("corpus apt history") << contentOf(m_apt) << apt;
    QTest::newRow("dpkg status") << QByteArray("2024-01-02 03:04:05 status installed curl:amd64 7.88.1-10\n") << dpkg;
    QTest::newRow("dpkg crlf") << QByteArray("2024-01-02 03:04:05 startup archives unpack\r\n") << dpkg;
    QTest::newRow("apt, no blank line") << QByteArray("Start-Date: 2024-01-02  03:04:05\nCommandline: apt install x\n")
                                        << apt;
    QTest::newRow("yum") << QByteArray("Feb 15 10:00:44 Updated: ibus-1.5.5-1.fc20.x86_64\n") << yum;
    QTest::newRow("yum, epoch") << QByteArray("May 23 18:10:05 Updated: 1:openssl-libs-1.0.1e-51.el7_2.5.x86_64\n")
                                << yum;
    QTest::newRow("yum, space-padded day") << QByteArray("Feb  5 10:00:44 Erased: httpd\n") << yum;
    QTest::newRow("dnf.rpm.log, marker first")
        << QByteArray("2021-03-15T10:06:01+0000 INFO --- logging initialized ---\n") << dnf;
    QTest::newRow("dnf.rpm.log, Z") << QByteArray("2019-10-08T12:00:00Z SUBDEBUG Installed: flac-1.3.3-3.fc29.x86_64\n")
                                    << dnf;
    QTest::newRow("dnf, +00:00") << QByteArray("2019-10-08T12:00:00+00:00 SUBDEBUG Erase: flac-1.3.3-3.fc29.x86_64\n")
                                 << dnf;
    QTest::newRow("dnf.log, package line further down")
        << QByteArray("2023-05-02T09:00:00+0000 DDEBUG timer: config: 3 ms\n"
                      "2023-05-02T09:00:00+0000 DEBUG dnf version: 4.14.0\n"
                      "2023-05-02T09:00:09+0000 SUBDEBUG Installed: curl-7.87.0-2.fc38.x86_64\n")
        << dnf;

    QTest::newRow("empty") << QByteArray() << unknown;
    QTest::newRow("blank lines") << QByteArray("\n\n  \n") << unknown;
    QTest::newRow("audit") << QByteArray("type=SYSCALL msg=audit(1492005600.000:1): arch=c000003e syscall=59\n")
                           << unknown;
    QTest::newRow("syslog") << QByteArray("Jan  1 00:00:00 host sshd[1]: Accepted publickey for root\n") << unknown;
    QTest::newRow("syslog-stamped dnf word") << QByteArray("Jan 01 00:00:00 Upgrade: foo-1-1.x86_64\n") << unknown;
    QTest::newRow("python log without dnf traits")
        << QByteArray("2020-01-01T00:00:00Z INFO Starting server\n2020-01-01T00:00:01Z DEBUG ready\n") << unknown;
    QTest::newRow("dpkg stamp, unknown word") << QByteArray("2016-01-01 10:00:00 hello world\n") << unknown;
    QTest::newRow("dpkg stamp, invalid date")
        << QByteArray("2016-13-01 10:00:00 install a:amd64 <none> 1\n") << unknown;
    QTest::newRow("apt key without stamp") << QByteArray("Start-Date: yesterday\n") << unknown;
    QTest::newRow("prose") << QByteArray("Installed: the first line of a README\nand more\n") << unknown;
    QByteArray junk(4096, Qt::Uninitialized);
    QRandomGenerator rng(1);
    for (char &c : junk)
        c = char(rng.bounded(256));
    QTest::newRow("binary") << junk << unknown;
    QTest::newRow("dpkg line after three lines of prose")
        << QByteArray("a\nb\nc\n2024-01-02 03:04:05 status installed curl:amd64 7.88.1-10\n") << unknown;

    // Damaged starts: a crash leaves a block of NUL bytes, and lines cut or overwritten
    // before the records. The records after the damage decide.
    const QByteArray nulBlock(4096, '\0');
    const QByteArray garbage("ab\xff\x01\x02 binary\n"
                             "Feb 30 cut li\n"
                             "2016-08-06 17:3\n"
                             "some text\n");
    QByteArray dpkgLines;
    for (int i = 0; i < 6; ++i)
        dpkgLines += "2016-08-06 17:35:3" + QByteArray::number(i) + " status installed base-passwd:amd64 3.5.33\n";
    QTest::newRow("dpkg after a NUL block and garbage lines") << nulBlock + '\n' + garbage + dpkgLines << dpkg;
    QTest::newRow("dpkg, NUL block glued to the first record") << nulBlock + garbage + nulBlock + dpkgLines << dpkg;
    QTest::newRow("apt after a NUL block and garbage lines")
        << nulBlock + "\n" + garbage + contentOf(m_apt).left(4000) << apt;
    QByteArray yumLines;
    for (int i = 0; i < 5; ++i)
        yumLines += "Feb 15 10:00:4" + QByteArray::number(i) + " Updated: ibus-1.5.5-1.fc20.x86_64\n";
    QTest::newRow("yum after garbage lines") << garbage + yumLines << yum;
    const QByteArray dnfLines("2023-05-02T09:00:00+0000 DDEBUG timer: config: 3 ms\n"
                              "2023-05-02T09:00:00+0000 DEBUG dnf version: 4.14.0\n"
                              "2023-05-02T09:00:00+0000 DDEBUG Command: dnf install curl\n"
                              "2023-05-02T09:00:01+0000 DDEBUG Base command: install\n"
                              "2023-05-02T09:00:09+0000 SUBDEBUG Installed: curl-7.87.0-2.fc38.x86_64\n");
    QTest::newRow("dnf after garbage lines") << nulBlock + garbage + dnfLines << dnf;
    // Still no format when the damage is most of the head, or all of it.
    QTest::newRow("only NUL bytes") << nulBlock + '\n' + nulBlock << unknown;
    QTest::newRow("dpkg lines outnumbered by prose")
        << garbage + garbage + dpkgLines.left(dpkgLines.indexOf('\n') + 1) << unknown;
}

void Tst_packagelogreader::probe()
{
    QFETCH(QByteArray, head);
    QFETCH(QString, format);
    QCOMPARE(formatName(PackageLogReader::probe(head)), format);
    // The importer asks the audit probe first: it must not claim a package log.
    if (format != QLatin1String("unknown"))
        QCOMPARE(formatName(builtinFormats().detect(head)), format);
}

// ---- dpkg.log ----------------------------------------------------------------------

void Tst_packagelogreader::dpkgLargeCorpus()
{
    const QByteArray file = contentOf(m_dpkgLarge);
    const QList<TextLine> lines = linesOf(file);
    // PROVENANCE.md: 8043 lines.
    QCOMPARE(lines.size(), 8043);

    // Counted from the text: the third space-separated field is dpkg's line type.
    QHash<QByteArray, int> actions;
    QSet<QByteArray> installedFromText;
    for (const TextLine &l : lines) {
        const QList<QByteArray> f = l.text.split(' ');
        if (f.size() < 3)
            continue;
        if (f[2] == "install" || f[2] == "upgrade" || f[2] == "remove" || f[2] == "purge")
            ++actions[f[2]];
        if (f[2] == "status" && f.size() > 4 && f[3] == "installed")
            installedFromText.insert(f[4]);
    }

    MemorySink sink;
    QString format;
    importFile(m_dpkgLarge, sink, format);
    QCOMPARE(format, QStringLiteral("dpkg"));
    QCOMPARE(sink.counts().recordsRead, 8043);
    QCOMPARE(sink.counts().recordsFailed, 0);
    QCOMPARE(sink.counts().recordsSkipped, 0);
    // Every line is visible: actions as package_install, the rest as log_message.
    QCOMPARE(sink.events.size(), lines.size());

    const QList<Event> packages = sink.ofKind(EventKind::PackageInstall);
    int total = 0;
    for (int n : std::as_const(actions))
        total += n;
    QCOMPARE(packages.size(), total);
    QHash<QByteArray, int> actionsSeen;
    for (const Event &e : packages) {
        ++actionsSeen[detail(e, "action").toLatin1()];
        QCOMPARE(e.image, QStringLiteral("dpkg"));
        QCOMPARE(e.platform, Platform::Linux);
        QCOMPARE(detail(e, "dpkg_line"), detail(e, "action"));
    }
    QCOMPARE(actionsSeen, actions);

    // PROVENANCE.md: 430 packages reach "status installed".
    QSet<QString> installed;
    for (const Event &e : sink.ofKind(EventKind::LogMessage)) {
        if (detail(e, "dpkg_line") == u"status" && detail(e, "state") == u"installed") {
            const QString arch = detail(e, "arch");
            installed.insert(detail(e, "package") + (arch.isEmpty() ? QString() : u':' + arch));
        }
    }
    QCOMPARE(installed.size(), 430);
    QCOMPARE(installed.size(), installedFromText.size());

    // Position, raw record and time of every event against the line it came from.
    QString why;
    QVERIFY2(rawsMatchFile(sink, file, why), qPrintable(why));
    for (qsizetype i = 0; i < sink.events.size(); ++i) {
        const Event &e = sink.events[i].event;
        QCOMPARE(e.recordPos, lines[i].pos);
        QCOMPARE(sink.raws[sink.events[i].rawId], lines[i].text);
        const QString text = QString::fromLatin1(lines[i].text);
        QCOMPARE(e.timeUs, wallClockUs(QStringView(text).left(10), QStringView(text).mid(11, 8)));
    }
}

void Tst_packagelogreader::dpkgTinyExactValues()
{
    // dpkg_tiny_mixed.log, all four lines (the last has no newline):
    //   2009-02-25 11:45:23 conffile /etc/X11/Xsession keep
    //   2016-08-03 15:25:53 startup archives install
    //   2016-08-06 17:35:39 install base-passwd:amd64 <none> 3.5.33
    //   2016-08-09 04:57:14 status half-installed base-passwd:amd64 3.5.33
    const QByteArray file = contentOf(m_dpkgTiny);
    const QList<TextLine> lines = linesOf(file);
    QCOMPARE(lines.size(), 4);

    MemorySink sink;
    QString format;
    ReaderContext context;
    context.host = QStringLiteral("tiny-host");
    importFile(m_dpkgTiny, sink, format, context);
    QCOMPARE(format, QStringLiteral("dpkg"));
    QCOMPARE(sink.counts().recordsRead, 4);
    QCOMPARE(sink.counts().recordsFailed, 0);
    QCOMPARE(sink.events.size(), 4);
    QCOMPARE(sink.raws.size(), 4);
    for (qsizetype i = 0; i < 4; ++i) {
        QCOMPARE(sink.events[i].event.recordPos, lines[i].pos);
        QCOMPARE(sink.raws[sink.events[i].rawId], lines[i].text);
        QCOMPARE(sink.events[i].event.host, QStringLiteral("tiny-host"));
        QCOMPARE(sink.events[i].event.platform, Platform::Linux);
    }

    const Event &conffile = sink.events[0].event;
    QCOMPARE(conffile.kind, EventKind::LogMessage);
    QCOMPARE(conffile.timeUs, isoUs("2009-02-25T11:45:23Z"));
    QCOMPARE(detail(conffile, "dpkg_line"), QStringLiteral("conffile"));
    QCOMPARE(conffile.targetPath, QStringLiteral("/etc/X11/Xsession"));
    QCOMPARE(detail(conffile, "decision"), QStringLiteral("keep"));

    const Event &startup = sink.events[1].event;
    QCOMPARE(startup.kind, EventKind::LogMessage);
    QCOMPARE(startup.timeUs, isoUs("2016-08-03T15:25:53Z"));
    QCOMPARE(detail(startup, "dpkg_line"), QStringLiteral("startup"));
    QCOMPARE(detail(startup, "phase"), QStringLiteral("archives"));
    QCOMPARE(detail(startup, "command"), QStringLiteral("install"));

    const Event &install = sink.events[2].event;
    QCOMPARE(install.kind, EventKind::PackageInstall);
    QCOMPARE(install.timeUs, isoUs("2016-08-06T17:35:39Z"));
    QCOMPARE(install.targetPath, QStringLiteral("base-passwd"));
    QCOMPARE(install.image, QStringLiteral("dpkg"));
    QCOMPARE(detail(install, "manager"), QStringLiteral("dpkg"));
    QCOMPARE(detail(install, "action"), QStringLiteral("install"));
    QCOMPARE(detail(install, "dpkg_line"), QStringLiteral("install"));
    QCOMPARE(detail(install, "package"), QStringLiteral("base-passwd"));
    QCOMPARE(detail(install, "arch"), QStringLiteral("amd64"));
    QCOMPARE(detail(install, "version"), QStringLiteral("3.5.33"));
    QCOMPARE(detail(install, "old_version"), QStringLiteral("<none>"));

    const Event &status = sink.events[3].event;
    QCOMPARE(status.kind, EventKind::LogMessage);
    QCOMPARE(status.timeUs, isoUs("2016-08-09T04:57:14Z"));
    QCOMPARE(detail(status, "dpkg_line"), QStringLiteral("status"));
    QCOMPARE(detail(status, "state"), QStringLiteral("half-installed"));
    QCOMPARE(status.targetPath, QStringLiteral("base-passwd"));
    QCOMPARE(detail(status, "arch"), QStringLiteral("amd64"));
    QCOMPARE(detail(status, "version"), QStringLiteral("3.5.33"));
}

void Tst_packagelogreader::dpkgTimesFollowTheZone_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<qint64>("conffileUs");
    QTest::addColumn<qint64>("installUs");
    // dpkg_tiny_mixed.log: conffile at 2009-02-25 11:45:23 (winter), install at
    // 2016-08-06 17:35:39 (summer), both local wall-clock time.
    QTest::newRow("UTC") << QByteArray("UTC") << isoUs("2009-02-25T11:45:23Z") << isoUs("2016-08-06T17:35:39Z");
    // Berlin: CET (UTC+1) in February, CEST (UTC+2) in August.
    QTest::newRow("Europe/Berlin") << QByteArray("Europe/Berlin") << isoUs("2009-02-25T10:45:23Z")
                                   << isoUs("2016-08-06T15:35:39Z");
    // New York: EST (UTC-5) in February, EDT (UTC-4) in August.
    QTest::newRow("America/New_York") << QByteArray("America/New_York") << isoUs("2009-02-25T16:45:23Z")
                                      << isoUs("2016-08-06T21:35:39Z");
}

void Tst_packagelogreader::dpkgTimesFollowTheZone()
{
    QFETCH(QByteArray, zone);
    QFETCH(qint64, conffileUs);
    QFETCH(qint64, installUs);
    ReaderContext context;
    context.timeZone = QTimeZone(zone);
    QVERIFY(context.timeZone.isValid());
    MemorySink sink;
    QString format;
    importFile(m_dpkgTiny, sink, format, context);
    QCOMPARE(sink.events.size(), 4);
    QCOMPARE(sink.events[0].event.timeUs, conffileUs);
    QCOMPARE(sink.events[2].event.timeUs, installUs);
}

// ---- apt history.log ---------------------------------------------------------------

void Tst_packagelogreader::aptHistoryCorpus()
{
    const QByteArray file = contentOf(m_apt);
    const QString text = QString::fromUtf8(file);

    // The transactions as the text has them: from each "Start-Date:" to its "End-Date:" line.
    struct Expected
    {
        qint64 pos;
        QString block;
        QString start;
        QString end;
        QString commandLine;
        QString requestedBy;
        QString error;
        int packages = 0;
        int automatic = 0;
    };
    QList<Expected> expected;
    const QRegularExpression blockRe(QStringLiteral(R"(^Start-Date: .*?^End-Date: [^\n]*)"),
        QRegularExpression::MultilineOption | QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpression listRe(QStringLiteral(R"(^(Install|Upgrade|Downgrade|Reinstall|Remove|Purge): (.*)$)"),
        QRegularExpression::MultilineOption);
    auto field = [](const QString &block, const QString &key) {
        const QRegularExpression re(QStringLiteral("^%1: (.*)$").arg(key), QRegularExpression::MultilineOption);
        return re.match(block).captured(1);
    };
    for (auto it = blockRe.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        Expected x;
        x.pos = file.indexOf(m.captured().toUtf8().left(40)); // ASCII file: character == byte offsets
        x.block = m.captured();
        x.start = field(x.block, QStringLiteral("Start-Date"));
        x.end = field(x.block, QStringLiteral("End-Date"));
        x.commandLine = field(x.block, QStringLiteral("Commandline"));
        x.requestedBy = field(x.block, QStringLiteral("Requested-By"));
        x.error = field(x.block, QStringLiteral("Error"));
        for (auto lit = listRe.globalMatch(x.block); lit.hasNext();) {
            const QString list = lit.next().captured(2);
            // One package more than there are "), " separators.
            x.packages += list.count(QStringLiteral("), ")) + 1;
            x.automatic += list.count(QStringLiteral(", automatic)"));
        }
        expected.append(x);
    }
    // PROVENANCE.md: 10 transactions.
    QCOMPARE(expected.size(), 10);
    QCOMPARE(text.count(QStringLiteral("Start-Date:")), 10);

    MemorySink sink;
    QString format;
    importFile(m_apt, sink, format);
    QCOMPARE(format, QStringLiteral("apt-history"));
    QCOMPARE(sink.counts().recordsFailed, 0);
    // 56 lines, of which the blank separators are skipped (counted from the text).
    const QList<TextLine> lines = linesOf(file);
    int blank = 0;
    for (const TextLine &l : lines)
        blank += l.text.trimmed().isEmpty() ? 1 : 0;
    QCOMPARE(lines.size(), 56);
    QCOMPARE(sink.counts().recordsRead, lines.size() - blank);
    QCOMPARE(sink.counts().recordsSkipped, blank);

    // One raw record per transaction, shared by its events, byte for byte the block.
    QCOMPARE(sink.raws.size(), expected.size());
    QString why;
    QVERIFY2(rawsMatchFile(sink, file, why), qPrintable(why));
    QHash<qint64, QList<Event>> byRaw;
    for (const MemorySink::Stored &s : sink.events)
        byRaw[s.rawId].append(s.event);
    int total = 0;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const Expected &x = expected[i];
        QCOMPARE(QString::fromUtf8(sink.raws[i]), x.block);
        const QList<Event> events = byRaw.value(i);
        QVERIFY2(events.size() == x.packages,
            qPrintable(QStringLiteral("transaction %1: %2 events, %3 packages listed")
                           .arg(i + 1)
                           .arg(events.size())
                           .arg(x.packages)));
        total += x.packages;
        const QStringList start = x.start.split(u' ', Qt::SkipEmptyParts);
        const QStringList end = x.end.split(u' ', Qt::SkipEmptyParts);
        int automatic = 0;
        for (const Event &e : events) {
            QCOMPARE(e.kind, EventKind::PackageInstall);
            QCOMPARE(e.recordPos, x.pos);
            QCOMPARE(e.timeUs, wallClockUs(start[0], start[1]));
            QCOMPARE(detail(e, "transaction_start"), formatTimeUs(wallClockUs(start[0], start[1])));
            QCOMPARE(detail(e, "transaction_end"), formatTimeUs(wallClockUs(end[0], end[1])));
            QCOMPARE(e.commandLine, x.commandLine);
            QCOMPARE(e.image, x.commandLine.section(u' ', 0, 0));
            QCOMPARE(e.user, x.requestedBy);
            QCOMPARE(detail(e, "error"), x.error);
            QCOMPARE(detail(e, "manager"), QStringLiteral("apt"));
            automatic += e.details.value(QStringLiteral("automatic")).toBool() ? 1 : 0;
        }
        QCOMPARE(automatic, x.automatic);
    }
    QCOMPARE(sink.events.size(), total);

    // Requested-By appears from the sixth transaction on (the text, lines 30..54).
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(expected[i].requestedBy.isEmpty(), i < 5);
    QCOMPARE(byRaw.value(5).first().user, QStringLiteral("jxs (1005)"));

    // The first event for a package (with the given action, when one is given).
    auto find = [&](const QString &package, const QString &action = QString()) -> std::optional<Event> {
        for (const MemorySink::Stored &s : sink.events) {
            if (s.event.targetPath == package && (action.isEmpty() || detail(s.event, "action") == action))
                return s.event;
        }
        return std::nullopt;
    };
    // Line 24: "Install: containerd.io:amd64 (1.2.6-3), … docker-ce:amd64
    // (5:18.09.7~3-0~debian-stretch), …" in the transaction with the Error: line.
    const auto docker = find(QStringLiteral("docker-ce"));
    QVERIFY(docker);
    QCOMPARE(detail(*docker, "action"), QStringLiteral("install"));
    QCOMPARE(detail(*docker, "arch"), QStringLiteral("amd64"));
    QCOMPARE(detail(*docker, "version"), QStringLiteral("5:18.09.7~3-0~debian-stretch"));
    QCOMPARE(docker->commandLine, QStringLiteral("apt-get install -y docker-ce docker-ce-cli containerd.io"));
    QCOMPARE(docker->image, QStringLiteral("apt-get"));
    QCOMPARE(detail(*docker, "error"), QStringLiteral("Sub-process /usr/bin/dpkg returned an error code (1)"));
    QCOMPARE(docker->timeUs, isoUs("2019-07-11T12:25:24Z"));
    QCOMPARE(detail(*docker, "transaction_end"), QStringLiteral("2019-07-11T12:26:07.000000Z"));
    QVERIFY(!docker->details.value(QStringLiteral("automatic")).toBool());

    // Line 4: "Upgrade: libdns-export162:amd64 (1:9.10.3.dfsg.P4-12.3+deb9u4,
    // 1:9.10.3.dfsg.P4-12.3+deb9u5), …"
    const auto libdns = find(QStringLiteral("libdns-export162"));
    QVERIFY(libdns);
    QCOMPARE(detail(*libdns, "action"), QStringLiteral("upgrade"));
    QCOMPARE(detail(*libdns, "old_version"), QStringLiteral("1:9.10.3.dfsg.P4-12.3+deb9u4"));
    QCOMPARE(detail(*libdns, "version"), QStringLiteral("1:9.10.3.dfsg.P4-12.3+deb9u5"));
    QCOMPARE(libdns->user, QString());

    // Line 9: "python-six:amd64 (1.10.0-3, automatic)" and "screen:amd64 (4.5.0-6)".
    const auto six = find(QStringLiteral("python-six"));
    QVERIFY(six);
    QVERIFY(six->details.value(QStringLiteral("automatic")).toBool());
    QCOMPARE(detail(*six, "version"), QStringLiteral("1.10.0-3"));
    QCOMPARE(detail(*six, "old_version"), QString());
    const auto screen = find(QStringLiteral("screen"));
    QVERIFY(screen);
    QVERIFY(!screen->details.value(QStringLiteral("automatic")).toBool());
    QCOMPARE(detail(*screen, "version"), QStringLiteral("4.5.0-6"));

    // Lines 37 and 43: "Remove: volatility:amd64 (2.6-1), …", "Purge: python-pytest:amd64 (3.0.6-1)".
    // volatility was installed with forensics-all (line 31) before it was removed.
    QVERIFY(find(QStringLiteral("volatility"), QStringLiteral("install")));
    const auto volatility = find(QStringLiteral("volatility"), QStringLiteral("remove"));
    QVERIFY(volatility);
    QCOMPARE(detail(*volatility, "action"), QStringLiteral("remove"));
    QCOMPARE(detail(*volatility, "version"), QStringLiteral("2.6-1"));
    QCOMPARE(volatility->commandLine, QStringLiteral("apt-get remove volatility"));
    QCOMPARE(volatility->user, QStringLiteral("jxs (1005)"));
    // python-pytest came in automatically with forensics-all (line 31).
    const auto pytestInstall = find(QStringLiteral("python-pytest"), QStringLiteral("install"));
    QVERIFY(pytestInstall);
    QVERIFY(pytestInstall->details.value(QStringLiteral("automatic")).toBool());
    const auto pytest = find(QStringLiteral("python-pytest"), QStringLiteral("purge"));
    QVERIFY(pytest);
    QCOMPARE(detail(*pytest, "action"), QStringLiteral("purge"));
    QCOMPARE(detail(*pytest, "version"), QStringLiteral("3.0.6-1"));
}

void Tst_packagelogreader::aptTimesFollowTheZone()
{
    ReaderContext context;
    context.timeZone = QTimeZone("Europe/Berlin");
    MemorySink sink;
    QString format;
    importFile(m_apt, sink, format, context);
    QVERIFY(!sink.events.isEmpty());
    // First transaction: "Start-Date: 2019-07-10  16:38:08", "End-Date: 2019-07-10  16:38:10";
    // July in Berlin is CEST, UTC+2.
    const Event &first = sink.events.first().event;
    QCOMPARE(first.timeUs, isoUs("2019-07-10T14:38:08Z"));
    QCOMPARE(detail(first, "transaction_end"), QStringLiteral("2019-07-10T14:38:10.000000Z"));
}

void Tst_packagelogreader::aptDamagedTransactions_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("packages");
    QTest::addColumn<int>("errors");
    QTest::addColumn<QStringList>("errorWords");

    // The corpus file cut right before its last "End-Date:": 10 transactions, the last
    // without an end; its six packages (line 55: "Remove: python-distorm3:amd64 …") still count.
    const QByteArray corpus = contentOf(m_apt);
    const QByteArray cut = corpus.left(corpus.lastIndexOf("End-Date:"));
    int cutPackages = 0;
    const QRegularExpression listRe(QStringLiteral(R"(^(Install|Upgrade|Downgrade|Reinstall|Remove|Purge): (.*)$)"),
        QRegularExpression::MultilineOption);
    for (auto it = listRe.globalMatch(QString::fromUtf8(cut)); it.hasNext();)
        cutPackages += it.next().captured(2).count(QStringLiteral("), ")) + 1;
    QTest::newRow("file ends inside a transaction")
        << cut << cutPackages << 1 << QStringList {QStringLiteral("End-Date")};

    QTest::newRow("next Start-Date before End-Date") << QByteArray("Start-Date: 2024-01-02  03:04:05\n"
                                                                   "Install: a:amd64 (1.0), b:amd64 (2.0, automatic)\n"
                                                                   "\n"
                                                                   "Start-Date: 2024-01-02  03:05:00\n"
                                                                   "Remove: c:amd64 (3.0)\n"
                                                                   "End-Date: 2024-01-02  03:05:01\n")
                                                     << 3 << 1 << QStringList {QStringLiteral("End-Date")};
    QTest::newRow("malformed list item") << QByteArray("Start-Date: 2024-01-02  03:04:05\n"
                                                       "Install: a:amd64 (1.0), b:amd64 1.0, c:amd64 (3.0)\n"
                                                       "End-Date: 2024-01-02  03:05:01\n")
                                         << 1 << 1 << QStringList {QStringLiteral("package list")};
    QTest::newRow("lines outside a transaction")
        << QByteArray("Install: x:amd64 (1.0)\n"
                      "garbage\n"
                      "Start-Date: 2024-01-02  03:04:05\n"
                      "Install: a:amd64 (1.0)\n"
                      "End-Date: 2024-01-02  03:05:01\n")
        << 1 << 2 << QStringList {QStringLiteral("outside a transaction"), QStringLiteral("not a history.log line")};
    QTest::newRow("unreadable Start-Date, timed by End-Date") << QByteArray("Start-Date: 2024-02-30  03:04:05\n"
                                                                            "Install: a:amd64 (1.0)\n"
                                                                            "End-Date: 2024-01-02  03:05:01\n")
                                                              << 1 << 1 << QStringList {QStringLiteral("Start-Date")};
    QTest::newRow("no usable time at all")
        << QByteArray("Start-Date: soon\n"
                      "Install: a:amd64 (1.0)\n"
                      "End-Date: later\n")
        << 0 << 3
        << QStringList {QStringLiteral("Start-Date"), QStringLiteral("End-Date"), QStringLiteral("not imported")};
    QTest::newRow("transaction without packages")
        << QByteArray("Start-Date: 2024-01-02  03:04:05\n"
                      "Commandline: apt-get install broken\n"
                      "Error: Sub-process /usr/bin/dpkg returned an error code (1)\n"
                      "End-Date: 2024-01-02  03:05:01\n")
        << 0 << 0 << QStringList();
}

void Tst_packagelogreader::aptDamagedTransactions()
{
    QFETCH(QByteArray, content);
    QFETCH(int, packages);
    QFETCH(int, errors);
    QFETCH(QStringList, errorWords);
    const QString path = write(QStringLiteral("history.log"), content);
    MemorySink sink;
    QString format;
    importFile(path, sink, format, {}, LogFormat::AptHistory);
    QCOMPARE(sink.ofKind(EventKind::PackageInstall).size(), packages);
    QCOMPARE(sink.counts().recordsFailed, errors);
    QCOMPARE(sink.errors.size(), errors);
    for (const QString &word : errorWords) {
        bool found = false;
        for (const MemorySink::Error &e : sink.errors)
            found = found || e.message.contains(word);
        QVERIFY2(found, qPrintable(word));
    }
    QString why;
    QVERIFY2(rawsMatchFile(sink, content, why), qPrintable(why));
    if (QByteArrayView(QTest::currentDataTag()) == QByteArrayView("transaction without packages")) {
        // Still visible: apt ran, and failed.
        QCOMPARE(sink.events.size(), 1);
        const Event &e = sink.events.first().event;
        QCOMPARE(e.kind, EventKind::LogMessage);
        QCOMPARE(e.commandLine, QStringLiteral("apt-get install broken"));
        QCOMPARE(detail(e, "error"), QStringLiteral("Sub-process /usr/bin/dpkg returned an error code (1)"));
    }
    if (QByteArrayView(QTest::currentDataTag()) == QByteArrayView("unreadable Start-Date, timed by End-Date"))
        QCOMPARE(sink.events.first().event.timeUs, isoUs("2024-01-02T03:05:01Z"));
}

void Tst_packagelogreader::aptHugeTransactionIsSplitNotDropped()
{
    // 50000 packages on one Install line, followed by an Error: and End-Date.
    constexpr int Count = 50000;
    QByteArray content("Start-Date: 2024-01-02  03:04:05\nCommandline: apt-get install everything\nInstall: ");
    for (int i = 0; i < Count; ++i) {
        if (i)
            content += ", ";
        content += "pkg" + QByteArray::number(i) + ":amd64 (1.0-" + QByteArray::number(i) + ")";
    }
    content += "\nError: too much\nEnd-Date: 2024-01-02  03:09:05\n";
    const QString path = write(QStringLiteral("huge-history.log"), content);

    MemorySink sink;
    QString format;
    importFile(path, sink, format);
    QCOMPARE(format, QStringLiteral("apt-history"));
    QCOMPARE(sink.events.size(), Count);
    QVERIFY(sink.raws.size() > 1);
    QCOMPARE(sink.counts().recordsFailed, 1);
    QSet<QString> names;
    for (qsizetype i = 0; i < sink.events.size(); ++i) {
        const MemorySink::Stored &s = sink.events[i];
        names.insert(s.event.targetPath);
        QCOMPARE(s.event.commandLine, QStringLiteral("apt-get install everything"));
        // The record that an event points at names its package (sampled: the records
        // are megabytes long).
        if (i % 997 == 0 || i + 1 == sink.events.size())
            QVERIFY(sink.raws[s.rawId].contains(" " + s.event.targetPath.toUtf8() + ":amd64 ("));
    }
    QCOMPARE(names.size(), Count);
    QCOMPARE(detail(sink.events.last().event, "version"), QStringLiteral("1.0-%1").arg(Count - 1));
}

void Tst_packagelogreader::aptManyErrorLinesAreBounded()
{
    // A failing maintainer script repeating its Error: line 300 times (1000 characters
    // each): the error detail stops at 64 KiB characters instead of growing with the
    // file; every line stays in the raw record.
    constexpr int Lines = 300;
    const QByteArray errorText(1000, 'e');
    QByteArray content("Start-Date: 2024-01-02  03:04:05\nCommandline: apt-get install broken\n"
                       "Install: broken:amd64 (1.0)\n");
    for (int i = 0; i < Lines; ++i)
        content += "Error: " + QByteArray::number(i) + ' ' + errorText + '\n';
    content += "End-Date: 2024-01-02  03:05:01\n";
    const QString path = write(QStringLiteral("errors-history.log"), content);

    MemorySink sink;
    QString format;
    importFile(path, sink, format);
    QCOMPARE(format, QStringLiteral("apt-history"));
    QCOMPARE(sink.counts().recordsFailed, 0);
    QCOMPARE(sink.events.size(), 1);
    const Event &e = sink.events.first().event;
    QCOMPARE(e.kind, EventKind::PackageInstall);
    const QString error = detail(e, "error");
    QCOMPARE(error.size(), 64 * 1024);
    QVERIFY(error.startsWith(QStringLiteral("0 eee")));
    QVERIFY(error.contains(QStringLiteral("\n1 eee")));
    QVERIFY(!error.contains(QStringLiteral("\n%1 ").arg(Lines - 1)));
    QVERIFY(e.details.value(QStringLiteral("error_truncated")).toBool());
    QCOMPARE(sink.raws.size(), 1);
    QVERIFY(sink.raws.first().contains("Error: " + QByteArray::number(Lines - 1) + ' '));
    QString why;
    QVERIFY2(rawsMatchFile(sink, content, why), qPrintable(why));

    // Below the bound: joined whole, no flag.
    MemorySink few;
    importFile(write(QStringLiteral("few-errors.log"),
                   "Start-Date: 2024-01-02  03:04:05\nError: one\nError: two\nEnd-Date: 2024-01-02  03:05:01\n"),
        few, format);
    QCOMPARE(few.events.size(), 1);
    QCOMPARE(detail(few.events.first().event, "error"), QStringLiteral("one\ntwo"));
    QVERIFY(!few.events.first().event.details.contains(QStringLiteral("error_truncated")));
}

void Tst_packagelogreader::aptHugeTransactionWithoutPackagesIsSplit()
{
    // A transaction that lists no package but has 9 MiB of other lines: the raw record
    // bound (8 MiB) holds for it too. It is stored in pieces, each a log message, and
    // together they hold every line.
    constexpr int Lines = 9 * 1024;
    const QByteArray filler(1017, 'n');
    QByteArray content("Start-Date: 2024-01-02  03:04:05\nCommandline: apt-get dist-upgrade\n");
    for (int i = 0; i < Lines; ++i)
        content += "Note: " + filler + '\n';
    content += "End-Date: 2024-01-02  03:05:01\n";
    QVERIFY(content.size() > 9 * 1024 * 1024);
    const QString path = write(QStringLiteral("no-packages-history.log"), content);

    MemorySink sink;
    QString format;
    importFile(path, sink, format);
    QCOMPARE(format, QStringLiteral("apt-history"));
    QCOMPARE(sink.counts().recordsRead, Lines + 3);
    QCOMPARE(sink.counts().recordsFailed, 1); // the note that the transaction was split
    QVERIFY(sink.errors.first().message.contains(QStringLiteral("several raw records")));
    QVERIFY(sink.raws.size() >= 2);
    qsizetype stored = 0;
    for (const QByteArray &raw : std::as_const(sink.raws)) {
        QVERIFY(raw.size() <= 8 * 1024 * 1024);
        stored += raw.size() + 1;
    }
    QCOMPARE(stored, content.size());
    QCOMPARE(sink.events.size(), sink.raws.size());
    for (const MemorySink::Stored &s : std::as_const(sink.events)) {
        QCOMPARE(s.event.kind, EventKind::LogMessage);
        QCOMPARE(s.event.commandLine, QStringLiteral("apt-get dist-upgrade"));
        QVERIFY(s.event.details.value(QStringLiteral("transaction_split")).toBool());
    }
    QCOMPARE(detail(sink.events.last().event, "transaction_end"), QStringLiteral("2024-01-02T03:05:01.000000Z"));
    QString why;
    QVERIFY2(rawsMatchFile(sink, content, why), qPrintable(why));
}

// ---- yum.log -----------------------------------------------------------------------

// yum writes "%b %d %H:%M:%S <Action>: <package>" (logging.Formatter with that datefmt,
// C locale), the package as yum's str(po): [epoch:]name-version-release.arch; older
// yum logs an erase with the bare name. The file spans a new year.
static const char YumLog[] = "Nov 28 09:12:01 Installed: libevent-2.0.21-4.el7.x86_64\n"
                             "Dec 31 23:59:59 Updated: 1:openssl-libs-1.0.2k-19.el7.x86_64\n"
                             "Jan 01 00:00:10 Erased: redhat-access-insights-batch\n"
                             "Jan 01 00:00:11 Erased: 1:mariadb-libs-5.5.68-1.el7.x86_64\n"
                             "Feb 29 10:00:00 Installed: perl-HTTP-Tiny-0.033-3.el7.noarch\n"
                             "Mar 01 08:00:00 Obsoleted: python-foo-1.0-1.el7.noarch\n";

void Tst_packagelogreader::yumLog()
{
    const QString path = write(QStringLiteral("yum.log"), QByteArray(YumLog));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    // Modified on 2024-03-02: the last entry (Mar 01) is of 2024, the ones before the
    // Dec -> Jan rollover of 2023; 2024 is a leap year, so Feb 29 exists.
    QVERIFY(file.setFileTime(
        QDateTime(QDate(2024, 3, 2), QTime(12, 0), QTimeZone::utc()), QFileDevice::FileModificationTime));
    file.close();

    MemorySink sink;
    QString format;
    ReaderContext context;
    context.host = QStringLiteral("rhel7");
    importFile(path, sink, format, context);
    QCOMPARE(format, QStringLiteral("yum"));
    QCOMPARE(sink.counts().recordsFailed, 0);
    QCOMPARE(sink.counts().recordsRead, 6);
    QCOMPARE(sink.events.size(), 6);
    const QList<TextLine> lines = linesOf(QByteArray(YumLog));
    for (qsizetype i = 0; i < 6; ++i) {
        const Event &e = sink.events[i].event;
        QCOMPARE(e.kind, EventKind::PackageInstall);
        QCOMPARE(e.recordPos, lines[i].pos);
        QCOMPARE(sink.raws[sink.events[i].rawId], lines[i].text);
        QCOMPARE(e.image, QStringLiteral("yum"));
        QCOMPARE(e.host, QStringLiteral("rhel7"));
        QCOMPARE(detail(e, "manager"), QStringLiteral("yum"));
        QVERIFY(e.details.value(QStringLiteral("year_assumed")).toBool());
        QCOMPARE(detail(e, "year_source"), QStringLiteral("file_mtime"));
    }
    struct Row
    {
        const char *time;
        const char *action;
        const char *package;
        const char *arch;
        const char *version;
        const char *oldVersion;
    };
    const Row rows[] = {
        {"2023-11-28T09:12:01Z", "install", "libevent", "x86_64", "2.0.21-4.el7", ""},
        {"2023-12-31T23:59:59Z", "upgrade", "openssl-libs", "x86_64", "1:1.0.2k-19.el7", ""},
        {"2024-01-01T00:00:10Z", "remove", "redhat-access-insights-batch", "", "", ""},
        {"2024-01-01T00:00:11Z", "remove", "mariadb-libs", "x86_64", "1:5.5.68-1.el7", ""},
        {"2024-02-29T10:00:00Z", "install", "perl-HTTP-Tiny", "noarch", "0.033-3.el7", ""},
        {"2024-03-01T08:00:00Z", "obsolete", "python-foo", "noarch", "", "1.0-1.el7"},
    };
    for (qsizetype i = 0; i < 6; ++i) {
        const Event &e = sink.events[i].event;
        const Row &r = rows[i];
        QCOMPARE(formatTimeUs(e.timeUs), formatTimeUs(isoUs(r.time)));
        QCOMPARE(detail(e, "action"), QLatin1String(r.action));
        QCOMPARE(e.targetPath, QLatin1String(r.package));
        QCOMPARE(detail(e, "package"), QLatin1String(r.package));
        QCOMPARE(detail(e, "arch"), QLatin1String(r.arch));
        QCOMPARE(detail(e, "version"), QLatin1String(r.version));
        QCOMPARE(detail(e, "old_version"), QLatin1String(r.oldVersion));
    }
    QCOMPARE(detail(sink.events[1].event, "log_action"), QStringLiteral("Updated"));
    QVERIFY(sink.events[5].event.details.value(QStringLiteral("replaced")).toBool());
}

void Tst_packagelogreader::yumYearFromModificationTime_data()
{
    QTest::addColumn<QDateTime>("modified");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<int>("firstYear");
    QTest::addColumn<qint64>("secondUs"); // time of the Dec 31 23:59:59 line
    // Modified in January, shortly after the last entry: the Mar 01 entry cannot be of
    // that January's year, so it is of the year before, and the file began two years back.
    QTest::newRow("mtime in January after") << QDateTime(QDate(2025, 1, 10), QTime(8, 0), QTimeZone::utc())
                                            << QByteArray("UTC") << 2023 << isoUs("2023-12-31T23:59:59Z");
    QTest::newRow("mtime later that year") << QDateTime(QDate(2024, 12, 1), QTime(8, 0), QTimeZone::utc())
                                           << QByteArray("UTC") << 2023 << isoUs("2023-12-31T23:59:59Z");
    // yum writes local time: in Berlin Dec 31 23:59:59 is 22:59:59Z.
    QTest::newRow("Berlin") << QDateTime(QDate(2024, 3, 2), QTime(12, 0), QTimeZone::utc())
                            << QByteArray("Europe/Berlin") << 2023 << isoUs("2023-12-31T22:59:59Z");
}

void Tst_packagelogreader::yumYearFromModificationTime()
{
    QFETCH(QDateTime, modified);
    QFETCH(QByteArray, zone);
    QFETCH(int, firstYear);
    QFETCH(qint64, secondUs);
    const QString path = write(QStringLiteral("yum-year.log"), QByteArray(YumLog));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(modified, QFileDevice::FileModificationTime));
    file.close();

    MemorySink sink;
    QString format;
    ReaderContext context;
    context.timeZone = QTimeZone(zone);
    importFile(path, sink, format, context);
    QCOMPARE(sink.events.size(), 6);
    QCOMPARE(
        QDateTime::fromMSecsSinceEpoch(sink.events[0].event.timeUs / 1000, context.timeZone).date().year(), firstYear);
    QCOMPARE(sink.events[1].event.timeUs, secondUs);
    // One rollover: the entries from January on are a year later.
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(sink.events[2].event.timeUs / 1000, context.timeZone).date(),
        QDate(firstYear + 1, 1, 1));
}

// ---- dnf ---------------------------------------------------------------------------

void Tst_packagelogreader::dnfRpmLog()
{
    // dnf.rpm.log as dnf 4 writes it: "%(asctime)s %(levelname)s %(message)s" with
    // datefmt "%Y-%m-%dT%H:%M:%S%z" (earlier releases "…%SZ" in UTC), package lines
    // from FILE_ACTIONS with str(pkg) = name-[epoch:]version-release.arch.
    const QByteArray content("2021-03-15T10:06:01+0000 INFO --- logging initialized ---\n"
                             "2021-03-15T10:06:05+0000 SUBDEBUG Upgrade: vim-minimal-2:8.2.2607-1.fc33.x86_64\n"
                             "2021-03-15T10:06:06+0000 SUBDEBUG Installed: libgcc-10.2.1-9.fc33.x86_64\n"
                             "2021-03-15T10:06:07+0000 SUBDEBUG Upgraded: vim-minimal-2:8.2.2488-1.fc33.x86_64\n"
                             "2021-03-15T10:06:08+0000 INFO warning: /etc/sudoers created as /etc/sudoers.rpmnew\n"
                             "2021-03-15T12:06:09+0200 SUBDEBUG Erase: nano-5.4-1.fc33.x86_64\n"
                             "2019-10-08T12:00:00Z SUBDEBUG Reinstall: flac-1.3.3-3.fc29.x86_64\n"
                             "2019-10-08T12:00:01Z SUBDEBUG Reinstalled: flac-1.3.3-3.fc29.x86_64\n"
                             "2022-03-28T14:27:24+00 SUBDEBUG Downgrade: flac-1.3.3-2.fc29.x86_64\n"
                             "2022-03-28T09:27:25-05:00 SUBDEBUG Downgraded: flac-1.3.3-3.fc29.x86_64\n");
    const QString path = write(QStringLiteral("dnf.rpm.log"), content);
    MemorySink sink;
    QString format;
    importFile(path, sink, format);
    QCOMPARE(format, QStringLiteral("dnf"));
    QCOMPARE(sink.counts().recordsRead, 10);
    QCOMPARE(sink.counts().recordsFailed, 0);
    // Lines 1 and 5 are not package changes.
    QCOMPARE(sink.events.size(), 8);
    const QList<TextLine> lines = linesOf(content);
    const int lineOf[] = {1, 2, 3, 5, 6, 7, 8, 9};
    struct Row
    {
        const char *time;
        const char *action;
        const char *logAction;
        const char *package;
        const char *version;
        const char *oldVersion;
    };
    const Row rows[] = {
        {"2021-03-15T10:06:05Z", "upgrade", "Upgrade", "vim-minimal", "2:8.2.2607-1.fc33", ""},
        {"2021-03-15T10:06:06Z", "install", "Installed", "libgcc", "10.2.1-9.fc33", ""},
        {"2021-03-15T10:06:07Z", "upgrade", "Upgraded", "vim-minimal", "", "2:8.2.2488-1.fc33"},
        {"2021-03-15T10:06:09Z", "remove", "Erase", "nano", "5.4-1.fc33", ""},
        {"2019-10-08T12:00:00Z", "reinstall", "Reinstall", "flac", "1.3.3-3.fc29", ""},
        {"2019-10-08T12:00:01Z", "reinstall", "Reinstalled", "flac", "", "1.3.3-3.fc29"},
        {"2022-03-28T14:27:24Z", "downgrade", "Downgrade", "flac", "1.3.3-2.fc29", ""},
        {"2022-03-28T14:27:25Z", "downgrade", "Downgraded", "flac", "", "1.3.3-3.fc29"},
    };
    for (qsizetype i = 0; i < 8; ++i) {
        const Event &e = sink.events[i].event;
        const Row &r = rows[i];
        QCOMPARE(e.kind, EventKind::PackageInstall);
        QCOMPARE(e.recordPos, lines[lineOf[i]].pos);
        QCOMPARE(sink.raws[sink.events[i].rawId], lines[lineOf[i]].text);
        QCOMPARE(formatTimeUs(e.timeUs), formatTimeUs(isoUs(r.time)));
        QCOMPARE(e.image, QStringLiteral("dnf"));
        QCOMPARE(detail(e, "manager"), QStringLiteral("dnf"));
        QCOMPARE(detail(e, "action"), QLatin1String(r.action));
        QCOMPARE(detail(e, "log_action"), QLatin1String(r.logAction));
        QCOMPARE(e.targetPath, QLatin1String(r.package));
        QCOMPARE(detail(e, "arch"), QStringLiteral("x86_64"));
        QCOMPARE(detail(e, "version"), QLatin1String(r.version));
        QCOMPARE(detail(e, "old_version"), QLatin1String(r.oldVersion));
        QCOMPARE(e.details.value(QStringLiteral("replaced")).toBool(), *r.oldVersion != 0);
        QVERIFY(!e.details.contains(QStringLiteral("year_assumed")));
    }
}

void Tst_packagelogreader::dnfLogCommandAndContinuationLines()
{
    // dnf.log: the run's command at DDEBUG, and multi-line messages (the transaction
    // table) whose later lines carry no stamp. The package line is appended here so that
    // the command can be seen attached to it.
    const QByteArray content("2023-05-02T09:00:00+0000 INFO --- logging initialized ---\n"
                             "2023-05-02T09:00:00+0000 DDEBUG timer: config: 3 ms\n"
                             "2023-05-02T09:00:00+0000 DEBUG dnf version: 4.14.0\n"
                             "2023-05-02T09:00:00+0000 DDEBUG Command: dnf install -y curl \n"
                             "2023-05-02T09:00:05+0000 INFO Dependencies resolved.\n"
                             "=====================================================================\n"
                             " Package     Arch        Version              Repository      Size\n"
                             "=====================================================================\n"
                             "Installing:\n"
                             " curl        x86_64      7.87.0-2.fc38        fedora         345 k\n"
                             "\n"
                             "2023-05-02T09:00:09+0000 SUBDEBUG Installed: curl-7.87.0-2.fc38.x86_64\n"
                             "\x01\x02\xff binary\n"
                             "2023-05-03T10:00:00+0000 INFO --- logging initialized ---\n"
                             "2023-05-03T10:00:09+0000 SUBDEBUG Installed: wget-1.21.3-5.fc38.x86_64\n");
    const QString path = write(QStringLiteral("dnf.log"), content);
    MemorySink sink;
    QString format;
    importFile(path, sink, format);
    QCOMPARE(format, QStringLiteral("dnf"));
    QCOMPARE(sink.counts().recordsSkipped, 1);
    QCOMPARE(sink.counts().recordsRead, 14);
    // Only the binary line is an error; the table lines are part of a message.
    QCOMPARE(sink.counts().recordsFailed, 1);
    QCOMPARE(sink.errors.first().pos, qint64(content.indexOf("\x01\x02")));
    QCOMPARE(sink.events.size(), 2);
    const Event &e = sink.events.first().event;
    QCOMPARE(e.targetPath, QStringLiteral("curl"));
    QCOMPARE(e.commandLine, QStringLiteral("dnf install -y curl"));
    QCOMPARE(e.timeUs, isoUs("2023-05-02T09:00:09Z"));
    // The next run (new marker) logged no command: none is carried over.
    QCOMPARE(sink.events.last().event.targetPath, QStringLiteral("wget"));
    QCOMPARE(sink.events.last().event.commandLine, QString());
}

// ---- gzip --------------------------------------------------------------------------

void Tst_packagelogreader::gzipGivesTheSameEvents_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("dpkg large") << m_dpkgLarge;
    QTest::newRow("dpkg tiny") << m_dpkgTiny;
    QTest::newRow("apt history") << m_apt;
}

void Tst_packagelogreader::gzipGivesTheSameEvents()
{
    QFETCH(QString, path);
    const QString gz = gzip(path, QStringLiteral("same.log.gz"));
    QVERIFY(!gz.isEmpty());
    MemorySink plain;
    MemorySink packed;
    QString plainFormat;
    QString packedFormat;
    importFile(path, plain, plainFormat);
    importFile(gz, packed, packedFormat);
    QCOMPARE(packedFormat, plainFormat);
    QCOMPARE(packed.counts().recordsRead, plain.counts().recordsRead);
    QCOMPARE(packed.counts().recordsFailed, 0);
    QCOMPARE(packed.events.size(), plain.events.size());
    QVERIFY(!plain.events.isEmpty());
    for (qsizetype i = 0; i < plain.events.size(); ++i) {
        const Event &a = plain.events[i].event;
        const Event &b = packed.events[i].event;
        QCOMPARE(b.kind, a.kind);
        QCOMPARE(b.timeUs, a.timeUs);
        QCOMPARE(b.targetPath, a.targetPath);
        QCOMPARE(b.recordPos, a.recordPos); // decoded offsets
        QCOMPARE(b.details, a.details);
        QCOMPARE(packed.raws[packed.events[i].rawId], plain.raws[plain.events[i].rawId]);
    }
}

void Tst_packagelogreader::concatenatedGzipMembers()
{
    // The large dpkg.log split at a line boundary near its middle, each half gzipped,
    // the two .gz files concatenated (`cat a.gz b.gz`).
    const QByteArray file = contentOf(m_dpkgLarge);
    const qsizetype split = file.indexOf('\n', file.size() / 2) + 1;
    const QString a = gzip(write(QStringLiteral("a.log"), file.left(split)), QStringLiteral("a.log.gz"));
    const QString b = gzip(write(QStringLiteral("b.log"), file.mid(split)), QStringLiteral("b.log.gz"));
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    const QString both = write(QStringLiteral("both.log.gz"), contentOf(a) + contentOf(b));

    MemorySink sink;
    QString format;
    importFile(both, sink, format);
    QCOMPARE(format, QStringLiteral("dpkg"));
    QCOMPARE(sink.counts().recordsRead, linesOf(file).size());
    QCOMPARE(sink.counts().recordsFailed, 0);
    QString why;
    QVERIFY2(rawsMatchFile(sink, file, why), qPrintable(why));
    // The second member's records have positions past the first member's content.
    QVERIFY(sink.events.last().event.recordPos > split);
}

void Tst_packagelogreader::truncatedGzipImportsWhatPrecedesTheCut()
{
    const QByteArray file = contentOf(m_dpkgLarge);
    const QByteArray gz = contentOf(gzip(m_dpkgLarge, QStringLiteral("full.log.gz")));
    QVERIFY(!gz.isEmpty());
    const QString cut = write(QStringLiteral("cut.log.gz"), gz.left(gz.size() / 2));

    ReadResult result;
    readFile(cut, result);
    QCOMPARE(result.format, QStringLiteral("dpkg"));
    const MemorySink &sink = result.sink;
    QVERIFY(sink.events.size() > 1000);
    QVERIFY(sink.events.size() < linesOf(file).size());
    // Exactly one stream error; a line cut in half at the end may add one parse error.
    int streamErrors = 0;
    for (const MemorySink::Error &e : sink.errors)
        streamErrors += e.message.contains(QStringLiteral("compressed stream")) ? 1 : 0;
    QCOMPARE(streamErrors, 1);
    QVERIFY(sink.errors.size() <= 2);
    // Everything before the cut is the original, at its original position.
    MemorySink complete;
    complete.events = sink.events.mid(0, sink.events.size() - 1);
    complete.raws = sink.raws;
    QString why;
    QVERIFY2(rawsMatchFile(complete, file, why), qPrintable(why));
}

// ---- hostile input -----------------------------------------------------------------

void Tst_packagelogreader::hostileInput_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("records");
    QTest::addColumn<int>("skipped");
    QTest::addColumn<int>("errors");
    QTest::addColumn<int>("events");

    QByteArray junk(64 * 1024, Qt::Uninitialized);
    QRandomGenerator rng(42);
    for (char &c : junk) {
        c = char(rng.bounded(256));
        if (c == '\n')
            c = 'n'; // one junk line
    }
    const QByteArray bigLine(20 << 20, 'A');
    const QByteArray nuls(300, '\0');

    struct Format
    {
        const char *name;
        QByteArray good;
    };
    const Format formats[] = {
        {"dpkg", "2016-08-06 17:35:39 install base-passwd:amd64 <none> 3.5.33\n"},
        {"yum", "Feb 15 10:00:44 Updated: ibus-1.5.5-1.fc20.x86_64\n"},
        {"dnf", "2021-03-15T10:06:06+0000 SUBDEBUG Installed: libgcc-10.2.1-9.fc33.x86_64\n"},
    };
    for (const Format &f : formats) {
        const QString name = QLatin1String(f.name);
        const QByteArray tag = QByteArray(f.name) + ": ";
        QTest::newRow(tag + "binary junk") << name << f.good + junk + '\n' + f.good << 3 << 0 << 1 << 2;
        // A crash leaves NUL blocks in a log; the line they precede is lost with them.
        QTest::newRow(tag + "NUL run") << name << f.good + nuls + f.good + f.good << 3 << 0 << 1 << 2;
        QTest::newRow(tag + "20 MiB line without newline") << name << f.good + bigLine << 2 << 0 << 1 << 1;
        QTest::newRow(tag + "20 MiB line, then more") << name << f.good + bigLine + '\n' + f.good << 3 << 0 << 1 << 2;
        QTest::newRow(tag + "empty file") << name << QByteArray() << 0 << 0 << 0 << 0;
        QTest::newRow(tag + "only blank lines") << name << QByteArray("\n  \n\t\n\r\n") << 0 << 4 << 0 << 0;
    }
    const QByteArray block("Start-Date: 2024-01-02  03:04:05\nInstall: a:amd64 (1.0), b:amd64 (2.0)\n");
    const QByteArray end("End-Date: 2024-01-02  03:05:01\n");
    const QString apt = QStringLiteral("apt-history");
    QTest::newRow("apt: binary junk in a transaction") << apt << block + junk + '\n' + end << 4 << 0 << 1 << 2;
    QTest::newRow("apt: NUL run") << apt << block + nuls + '\n' + end << 4 << 0 << 1 << 2;
    QTest::newRow("apt: 20 MiB line in a transaction") << apt << block + bigLine + '\n' + end << 4 << 0 << 1 << 2;
    // Two errors: the overlong line, and the transaction that never ends.
    QTest::newRow("apt: 20 MiB line without newline") << apt << block + bigLine << 3 << 0 << 2 << 2;
    QTest::newRow("apt: empty file") << apt << QByteArray() << 0 << 0 << 0 << 0;
    QTest::newRow("apt: only blank lines") << apt << QByteArray("\n  \n\t\n\r\n") << 0 << 4 << 0 << 0;
}

void Tst_packagelogreader::hostileInput()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, content);
    QFETCH(int, records);
    QFETCH(int, skipped);
    QFETCH(int, errors);
    QFETCH(int, events);
    const QString path = write(QStringLiteral("hostile.log"), content);
    QVERIFY(!path.isEmpty());
    MemorySink sink;
    QString detected;
    importFile(path, sink, detected, {}, formatFromName(format));
    QCOMPARE(detected, format);
    QCOMPARE(sink.counts().recordsRead, records);
    QCOMPARE(sink.counts().recordsSkipped, skipped);
    QCOMPARE(sink.counts().recordsFailed, errors);
    QCOMPARE(sink.errors.size(), errors);
    for (const MemorySink::Error &e : sink.errors)
        QVERIFY(!e.message.isEmpty() && e.pos >= 0 && e.pos < content.size());
    QCOMPARE(sink.events.size(), events);
    QCOMPARE(sink.ofKind(EventKind::PackageInstall).size(), events);
    // An overlong line is not kept in an apt transaction's raw record (it is counted as
    // an error instead), so that record is not one stretch of the file then.
    if (!QByteArray(QTest::currentDataTag()).startsWith("apt: 20 MiB line in")) {
        QString why;
        QVERIFY2(rawsMatchFile(sink, content, why), qPrintable(why));
    }
}

void Tst_packagelogreader::crlfLineEndings()
{
    // The tiny dpkg.log and the apt history with Windows line ends (a copy through the
    // wrong tool): the same events, raw records without the '\r'.
    for (const QString &original : {m_dpkgTiny, m_apt}) {
        QByteArray crlf = contentOf(original);
        crlf.replace("\n", "\r\n");
        const QString path = write(QStringLiteral("crlf.log"), crlf);
        MemorySink a;
        MemorySink b;
        QString fa;
        QString fb;
        importFile(original, a, fa);
        importFile(path, b, fb);
        QCOMPARE(fb, fa);
        QCOMPARE(b.counts().recordsFailed, 0);
        QCOMPARE(b.events.size(), a.events.size());
        for (qsizetype i = 0; i < a.events.size(); ++i) {
            QCOMPARE(b.events[i].event.timeUs, a.events[i].event.timeUs);
            QCOMPARE(b.events[i].event.details, a.events[i].event.details);
            QCOMPARE(b.events[i].event.commandLine, a.events[i].event.commandLine);
        }
        for (const QByteArray &raw : std::as_const(b.raws))
            QVERIFY(!raw.contains('\r'));
    }
}

void Tst_packagelogreader::cancelStopsTheReader()
{
    const std::atomic<bool> cancel {true};
    ReaderContext context;
    context.cancel = &cancel;
    for (const QString &path : {m_dpkgLarge, m_apt}) {
        MemorySink sink;
        QString format;
        importFile(path, sink, format, context);
        QCOMPARE(sink.counts().recordsRead, 0);
        QCOMPARE(sink.events.size(), 0);
    }
}

QTEST_GUILESS_MAIN(Tst_packagelogreader)
#include "tst_packagelogreader.moc"
