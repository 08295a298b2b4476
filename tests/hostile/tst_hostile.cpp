// The hostile-input contract, end to end through chainscope-cli: every input here is
// generated at test time, damaged or crafted the way an attacker or an unlucky disk
// would, and every row asserts what the README promises:
//  - exit code 0 when every record was read, 2 when some were damaged (`errors`),
//    1 when the command could not do its job, with one line on stderr saying why;
//  - nothing lost: every intact record is imported, what was lost is counted;
//  - nothing injected: text from logs reaches the terminal and the reports escaped
//    (no control characters, no bidi overrides, no markup, no "%1" substitution);
//  - the case stays intact: SQLite's integrity check holds after every import.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Chainscope;
using namespace Chainscope::Test;

namespace {

const QString Cli = QStringLiteral(CHAINSCOPE_CLI);

ProcessResult cli(const QStringList &args)
{
    return run(Cli, args);
}

// What a log may carry into a field, one per threat.
struct Threat
{
    const char *name;
    QString text;
};

QList<Threat> threats()
{
    return {
        {"format placeholders", QStringLiteral("pkg%1x%2y%4z")},
        {"markup", QStringLiteral("<script>alert(1)</script>")},
        {"bidi override", QStringLiteral("evil") + QChar(0x202E) + QStringLiteral("gpj.exe")},
        {"terminal escapes", QStringLiteral("a\x1b]0;owned\x07\x1b[2Jb")},
        {"carriage return", QStringLiteral("good\rbad")},
        {"c1 control", QStringLiteral("x") + QChar(0x9b) + QStringLiteral("31mred")},
    };
}

// Text the terminal would act on: C0 controls other than the line feed, DEL, C1
// controls and the bidi controls.
QString firstDangerousCharacter(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        // Line feeds and tabs are the layout of text output (tabs separate columns).
        const bool c0 = u < 0x20 && u != u'\n' && u != u'\t';
        const bool c1 = u >= 0x7f && u <= 0x9f;
        const bool bidi = (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) || u == 0x200e || u == 0x200f;
        if (c0 || c1 || bidi)
            return QStringLiteral("U+%1").arg(int(u), 4, 16, QLatin1Char('0'));
    }
    return QString();
}

QString hex(const QString &text)
{
    return QString::fromLatin1(text.toUtf8().toHex().toUpper());
}

// One log file per reader, the threat in the fields an analyst reads: program paths,
// command lines, package names. Where the format escapes (audit hex, XML entities)
// the threat is encoded the way the producer would encode it.
QByteArray auditLog(const QString &threat)
{
    const QByteArray exe = hex(QStringLiteral("/tmp/") + threat).toLatin1();
    const QByteArray arg = hex(threat).toLatin1();
    QByteArray log;
    log += "type=SYSCALL msg=audit(1709287200.100:7001): arch=c000003e syscall=59 success=yes exit=0 a0=1 a1=2 a2=3 "
           "a3=4 items=1 ppid=1 pid=4242 auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 "
           "ses=1 comm="
        + arg.left(30) + " exe=" + exe + " key=(null)\n";
    log += "type=EXECVE msg=audit(1709287200.100:7001): argc=2 a0=" + exe + " a1=" + arg + "\n";
    log += "type=PROCTITLE msg=audit(1709287200.100:7001): proctitle=" + exe + "00" + arg + "\n";
    log += "type=EOE msg=audit(1709287200.100:7001): \n";
    return log;
}

QByteArray dpkgLog(const QString &threat)
{
    // dpkg separates fields with spaces; a package name has none.
    QString name = threat;
    name.replace(u' ', u'_');
    return "2024-03-01 10:00:00 install " + name.toUtf8() + ":amd64 <none> 1.0-1\n"
        + "2024-03-01 10:00:01 status installed " + name.toUtf8() + ":amd64 1.0-1\n";
}

QByteArray aptHistory(const QString &threat)
{
    // The package list is "name:arch (version), …": a name with parentheses or commas
    // is damage there, so the threat goes into the free-text Commandline.
    return "Start-Date: 2024-03-01  10:00:00\nCommandline: apt-get install " + threat.toUtf8()
        + "\nRequested-By: ana (1000)\nInstall: curl:amd64 (1.0-1)\nEnd-Date: 2024-03-01  10:00:05\n\n";
}

QByteArray dnfLog(const QString &threat)
{
    QString name = threat;
    name.replace(u' ', u'_');
    return "2024-03-01T10:00:00+0000 SUBDEBUG Installed: " + name.toUtf8() + "-1.0-1.el9.x86_64\n";
}

QByteArray windowsXml(const QString &threat)
{
    // XML 1.0 cannot carry C0 controls at all, not even as character references: an
    // export with them is damaged, which the damaged-input rows cover.
    // A raw carriage return would be normalized to a line feed by any XML parser;
    // an exporter that keeps it writes a character reference.
    const QByteArray t = threat.toHtmlEscaped().toUtf8().replace("\r", "&#13;");
    return "<Events><Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
           "<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/>"
           "<EventID>1</EventID><Version>5</Version><Level>4</Level><Task>1</Task><Opcode>0</Opcode>"
           "<Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='2024-03-01T10:00:00.0000000Z'/>"
           "<EventRecordID>1</EventRecordID><Correlation/><Execution ProcessID='2000' ThreadID='2001'/>"
           "<Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>ws1.example</Computer>"
           "<Security UserID='S-1-5-18'/></System><EventData>"
           "<Data Name='UtcTime'>2024-03-01 10:00:00.000</Data>"
           "<Data Name='ProcessGuid'>{11111111-2222-3333-4444-555555555555}</Data>"
           "<Data Name='ProcessId'>4242</Data>"
           "<Data Name='Image'>C:\\Users\\ana\\"
        + t + ".exe</Data><Data Name='CommandLine'>" + t
        + " /quiet</Data><Data Name='User'>EXAMPLE\\ana</Data>"
          "<Data Name='ParentProcessGuid'>{11111111-2222-3333-4444-000000000001}</Data>"
          "<Data Name='ParentProcessId'>1000</Data>"
          "<Data Name='ParentImage'>C:\\Windows\\explorer.exe</Data>"
          "</EventData></Event></Events>\n";
}

QByteArray jsonText(const QString &text)
{
    // A JSON string with its quotes, escaped as any JSON writer escapes it.
    const QByteArray array = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray unifiedLog(const QString &threat)
{
    return "{\"timestamp\":\"2024-03-01 10:00:00.000000+0000\",\"eventMessage\":"
        + jsonText(QStringLiteral("PackageKit: Installed \"") + threat + QStringLiteral("\" (\"1.0\")"))
        + ",\"subsystem\":\"com.apple.install\",\"processImagePath\":\"/usr/libexec/installd\",\"processID\":4242,"
          "\"eventType\":\"logEvent\",\"messageType\":\"Default\"}\n";
}

QByteArray eslogger(const QString &threat)
{
    const QByteArray path = jsonText(QStringLiteral("/Applications/") + threat + QStringLiteral(".app/x"));
    return "{\"event_type\":9,\"time\":\"2024-03-01T10:00:00.000000000Z\",\"seq_num\":1,\"global_seq_num\":1,"
           "\"process\":{\"audit_token\":{\"pid\":4242,\"pidversion\":1},\"ppid\":1,\"executable\":{\"path\":"
           "\"/sbin/launchd\"}},\"event\":{\"exec\":{\"target\":{\"audit_token\":{\"pid\":4242,\"pidversion\":2},"
           "\"ppid\":1,\"executable\":{\"path\":"
        + path
        + "},\"codesigning_flags\":3,\"cdhash\":\"5d4c\",\"signing_id\":\"x\",\"team_id\":null},"
          "\"args\":["
        + path + "," + jsonText(threat) + "]}}}\n";
}

QByteArray macInstallLog(const QString &threat)
{
    return "2024-03-01 10:00:00+00 mac installd[4242]: PackageKit: Installed \"" + threat.toUtf8() + "\" (\"1.0\")\n";
}

QByteArray santaLog(const QString &threat)
{
    return "[2024-03-01T10:00:00.000Z] I santad: action=EXEC|decision=ALLOW|reason=CERT|sha256=ab|"
           "cert_cn=Developer ID Application: "
        + threat.toUtf8() + " (AB12CD34EF)|pid=4242|ppid=1|user=ana|path=/Applications/" + threat.toUtf8()
        + "|args=" + threat.toUtf8() + "\n";
}

QByteArray installHistory(const QString &threat)
{
    const QByteArray t = threat.toHtmlEscaped().toUtf8().replace("\r", "&#13;");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n<array>\n<dict>\n"
           "<key>date</key><date>2024-03-01T10:00:00Z</date><key>displayName</key><string>"
        + t + "</string><key>displayVersion</key><string>1.0</string><key>packageIdentifiers</key><array><string>" + t
        + "</string></array><key>processName</key><string>Installer</string>\n</dict>\n</array>\n</plist>\n";
}

QByteArray ecsDocument(const QString &threat)
{
    // JSON escapes whatever a string holds: an Elastic Endpoint exec, one per line.
    const QJsonObject process {{QStringLiteral("entity_id"), QStringLiteral("P1")}, {QStringLiteral("pid"), 4242},
        {QStringLiteral("executable"), QStringLiteral("/tmp/") + threat},
        {QStringLiteral("command_line"), threat + QStringLiteral(" --quiet")},
        {QStringLiteral("parent"), QJsonObject {{QStringLiteral("pid"), 1}}}};
    const QJsonObject doc {{QStringLiteral("@timestamp"), QStringLiteral("2024-03-01T10:00:00Z")},
        {QStringLiteral("agent"), QJsonObject {{QStringLiteral("type"), QStringLiteral("endpoint")}}},
        {QStringLiteral("host"), QJsonObject {{QStringLiteral("hostname"), QStringLiteral("h1")}}},
        {QStringLiteral("event"),
            QJsonObject {{QStringLiteral("category"), QJsonArray {QStringLiteral("process")}},
                {QStringLiteral("type"), QJsonArray {QStringLiteral("start")}},
                {QStringLiteral("action"), QStringLiteral("exec")}}},
        {QStringLiteral("process"), process}};
    return QJsonDocument(doc).toJson(QJsonDocument::Compact) + '\n';
}

// Which text a format's field can carry at all. dpkg and rpm refuse package names
// with controls (a line with one is damage, not evidence); XML 1.0 carries tab, line
// feed and carriage return (as a reference) but no other control, not even escaped.
bool anyText(const QString &)
{
    return true;
}

bool noControls(const QString &text)
{
    return std::none_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x20; });
}

bool xmlText(const QString &text)
{
    return std::none_of(text.cbegin(), text.cend(),
        [](QChar c) { return c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r'; });
}

using Generator = QByteArray (*)(const QString &);

struct Format
{
    const char *name;
    Generator generate;
    bool (*carries)(const QString &);
};

const Format Formats[] = {
    {"auditd", auditLog, anyText},
    {"dpkg", dpkgLog, noControls},
    {"apt", aptHistory, anyText},
    {"dnf", dnfLog, noControls},
    {"windows-xml", windowsXml, xmlText},
    {"unified-log", unifiedLog, anyText},
    {"eslogger", eslogger, anyText},
    {"install-log", macInstallLog, anyText},
    {"santa", santaLog, anyText},
    {"install-history", installHistory, xmlText},
    {"ecs", ecsDocument, anyText},
};

QJsonArray jsonArray(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    return doc.isArray() ? doc.array() : QJsonArray();
}

// Every string value anywhere in a JSON document.
void collectStrings(const QJsonValue &v, QStringList &out)
{
    if (v.isString()) {
        out << v.toString();
    } else if (v.isArray()) {
        for (const QJsonValue &x : v.toArray())
            collectStrings(x, out);
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            collectStrings(it.value(), out);
    }
}

// How an input is damaged. Each is made at test time from the demo evidence (written
// by `chainscope-cli demo`), so the damage sits in realistic records.
enum class Damage {
    AuditdRecordMangled, // one line mid-file loses its stamp
    AuditdGzipCut, // a gzip'd audit log cut in half
    AuditdLastLineCut, // the file ends inside its last record's last value
    AuditdSerialGap, // records of one event left out: a hole in the serials, no damage
    DpkgLineMangled, // one dpkg.log line mid-file overwritten
    EvtxRecordBitFlip, // one bit in a record of the first chunk
    EvtxSignatureBitFlip, // one bit in the file header's "ElfFile" signature
    EvtxChunksCut, // the file header alone: every record it promises is gone
    EvtxChunkZeroed, // the header, then zeros where the chunk was
    SantaLineMangled, // one line of a (generated) Santa log overwritten
    UnifiedLogJsonCut, // a (generated) `log show --style json` export cut inside its last object
    TraceV3, // a raw unified log file: recognised, refused with the export hint
    RandomBytes, // not a log at all
    EmptyFile, // zero bytes
    Fifo, // a named pipe: opening it would block for ever
    Directory, // a folder given as a file
};

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray gzip(const QByteArray &bytes)
{
    QProcess p;
    p.start(QStringLiteral("gzip"), {QStringLiteral("-c")});
    p.write(bytes);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return p.readAllStandardOutput();
}

// Writes the damaged input into `dir` and returns its path and the demo file it was
// made from (empty when there is none), or an empty path when it cannot be made here.
QPair<QString, QString> makeDamagedInput(Damage damage, const QString &demo, const QString &dir)
{
    const QString audit = demo + QStringLiteral("/audit.log");
    const QString dpkg = demo + QStringLiteral("/dpkg.log");
    const QString evtx = demo + QStringLiteral("/fin-ws-07-sysmon.evtx");
    switch (damage) {
    case Damage::AuditdRecordMangled: {
        QList<QByteArray> lines = readBytes(audit).split('\n');
        lines[lines.size() / 2] = "type=SYSCALL msg=audit(damaged";
        const QString path = dir + QStringLiteral("/audit-mangled.log");
        return {writeBytes(path, lines.join('\n')) ? path : QString(), audit};
    }
    case Damage::AuditdGzipCut: {
        const QByteArray packed = gzip(readBytes(audit));
        const QString path = dir + QStringLiteral("/audit-cut.log.gz");
        return {packed.size() > 100 && writeBytes(path, packed.left(packed.size() / 2)) ? path : QString(), audit};
    }
    case Damage::AuditdLastLineCut: {
        // The last line without its newline and without its last two bytes: its last
        // value may have been "pid=758" and now reads "pid=7".
        QByteArray bytes = readBytes(audit);
        while (bytes.endsWith('\n'))
            bytes.chop(1);
        bytes.chop(2);
        const QString path = dir + QStringLiteral("/audit-last-cut.log");
        return {writeBytes(path, bytes) ? path : QString(), audit};
    }
    case Damage::AuditdSerialGap: {
        // Every line of the event in the middle of the file goes, as an excerpt or
        // ausearch would leave it.
        QList<QByteArray> lines = readBytes(audit).split('\n');
        const QByteArray &middle = lines.at(lines.size() / 2);
        const qsizetype open = middle.indexOf("msg=audit("), close = middle.indexOf("):", open);
        if (open < 0 || close < 0)
            return {};
        const QByteArray stamp = middle.mid(open, close - open + 2);
        lines.removeIf([&](const QByteArray &l) { return l.contains(stamp); });
        const QString path = dir + QStringLiteral("/audit-gap.log");
        return {writeBytes(path, lines.join('\n')) ? path : QString(), audit};
    }
    case Damage::DpkgLineMangled: {
        QList<QByteArray> lines = readBytes(dpkg).split('\n');
        lines[lines.size() / 2] = lines[lines.size() / 2].left(10) + "@@";
        const QString path = dir + QStringLiteral("/dpkg-mangled.log");
        return {writeBytes(path, lines.join('\n')) ? path : QString(), dpkg};
    }
    case Damage::EvtxRecordBitFlip: {
        QByteArray bytes = readBytes(evtx);
        if (bytes.size() < 4096 + 65536)
            return {};
        // Past the chunk header (512 bytes) and into the first record's body.
        bytes[4096 + 512 + 200] = char(bytes[4096 + 512 + 200] ^ 0x10);
        const QString path = dir + QStringLiteral("/sysmon-flipped.evtx");
        return {writeBytes(path, bytes) ? path : QString(), evtx};
    }
    case Damage::SantaLineMangled:
    case Damage::UnifiedLogJsonCut: {
        // Generated here: the demo writes no macOS evidence. The intact file is kept
        // beside the damaged one, as the original to count against.
        QByteArray clean;
        QByteArray damaged;
        if (damage == Damage::SantaLineMangled) {
            QList<QByteArray> lines;
            for (int i = 0; i < 10; ++i)
                lines << "[2024-03-01T10:00:0" + QByteArray::number(i)
                        + ".000Z] I santad: action=WRITE|path=/usr/local/bin/tool" + QByteArray::number(i)
                        + "|pid=42|ppid=1|process=installer|processpath=/usr/sbin/installer|uid=0|user=root";
            clean = lines.join('\n') + '\n';
            lines[5] = "[2024-03-01T10:0@@";
            damaged = lines.join('\n') + '\n';
        } else {
            QList<QByteArray> objects;
            for (int i = 0; i < 6; ++i)
                objects << "{\n  \"timestamp\" : \"2024-03-01 10:00:0" + QByteArray::number(i)
                        + ".000000+0000\",\n  \"eventMessage\" : \"message " + QByteArray::number(i)
                        + "\",\n  \"subsystem\" : \"com.example\",\n  \"processImagePath\" : \"/bin/x\",\n"
                          "  \"processID\" : 7\n}";
            clean = "[" + objects.join(',') + "]\n";
            damaged = clean.left(clean.lastIndexOf("\"subsystem\""));
        }
        const QString name = damage == Damage::SantaLineMangled ? QStringLiteral("santa") : QStringLiteral("unified");
        const QString original = dir + u'/' + name + QStringLiteral("-intact.log");
        const QString path = dir + u'/' + name + QStringLiteral("-damaged.log");
        return {writeBytes(original, clean) && writeBytes(path, damaged) ? path : QString(), original};
    }
    case Damage::TraceV3: {
        QByteArray bytes = QByteArray::fromHex("0010000011000000d0000000000000007d00000003000000");
        bytes.append(4096, '\0');
        const QString path = dir + QStringLiteral("/0000000000000f85.tracev3");
        return {writeBytes(path, bytes) ? path : QString(), QString()};
    }
    case Damage::EvtxSignatureBitFlip:
    case Damage::EvtxChunksCut:
    case Damage::EvtxChunkZeroed: {
        QByteArray bytes = readBytes(evtx);
        if (bytes.size() < 4096 + 65536)
            return {};
        if (damage == Damage::EvtxSignatureBitFlip)
            bytes[2] = char(bytes[2] ^ 0x01);
        else if (damage == Damage::EvtxChunksCut)
            bytes.truncate(4096);
        else
            bytes.fill('\0', bytes.size()).replace(0, 4096, readBytes(evtx).left(4096));
        const QString path = dir + QStringLiteral("/sysmon-%1.evtx").arg(int(damage));
        return {writeBytes(path, bytes) ? path : QString(), evtx};
    }
    case Damage::RandomBytes: {
        QByteArray bytes(5000, '\0');
        quint32 x = 2463534242u; // xorshift: deterministic noise
        for (char &c : bytes) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            c = char(x);
        }
        const QString path = dir + QStringLiteral("/noise.bin");
        return {writeBytes(path, bytes) ? path : QString(), QString()};
    }
    case Damage::EmptyFile: {
        const QString path = dir + QStringLiteral("/empty.log");
        return {writeBytes(path, QByteArray()) ? path : QString(), QString()};
    }
    case Damage::Fifo: {
        const QString path = dir + QStringLiteral("/pipe");
        return {::mkfifo(QFile::encodeName(path).constData(), 0600) == 0 ? path : QString(), QString()};
    }
    case Damage::Directory: {
        const QString path = dir + QStringLiteral("/folder.log");
        return {QDir().mkpath(path) ? path : QString(), QString()};
    }
    }
    return {};
}

} // namespace

class Tst_hostile : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void hostileTextIsKeptAndShownEscaped_data();
    void hostileTextIsKeptAndShownEscaped();
    void damagedInputKeepsTheContract_data();
    void damagedInputKeepsTheContract();

private:
    QString newCase();
    QString demoDir();
    QString m_demo;
    QTemporaryDir m_dir;
    int m_cases = 0;
};

void Tst_hostile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(Cli), qPrintable(Cli));
}

QString Tst_hostile::newCase()
{
    const QString path = m_dir.filePath(QStringLiteral("case%1.chainscope").arg(++m_cases));
    const ProcessResult r = cli({QStringLiteral("new"), path});
    if (r.exitCode != 0)
        qWarning() << r.err;
    return path;
}

void Tst_hostile::hostileTextIsKeptAndShownEscaped_data()
{
    QTest::addColumn<QByteArray>("log");
    QTest::addColumn<QString>("threat");
    for (const Format &format : Formats) {
        for (const Threat &threat : threats()) {
            if (!format.carries(threat.text))
                continue;
            QTest::addRow("%s, %s", format.name, threat.name) << format.generate(threat.text) << threat.text;
        }
    }
}

void Tst_hostile::hostileTextIsKeptAndShownEscaped()
{
    QFETCH(QByteArray, log);
    QFETCH(QString, threat);
    // The threat is in the file name too: the sources table, the import result and
    // the report all show it.
    QString fileName = threat;
    fileName.replace(u'/', u'_');
    const QString dir = m_dir.filePath(QStringLiteral("ev%1").arg(m_cases));
    QVERIFY(QDir().mkpath(dir));
    const QString evidence = dir + u'/' + fileName + QStringLiteral(".log");
    {
        QFile f(evidence);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(log);
    }
    const QString path = newCase();

    // Imported whole: a crafted field is evidence, not damage.
    const ProcessResult import = cli({QStringLiteral("import"), path, evidence, QStringLiteral("--json")});
    QVERIFY2(import.exitCode == 0, import.err.constData());
    const QJsonArray sources = jsonArray(import.out);
    QCOMPARE(sources.size(), 1);
    const QJsonObject source = sources.first().toObject();
    QCOMPARE(source.value(QStringLiteral("errors")).toInt(), 0);
    QVERIFY(source.value(QStringLiteral("events")).toInt() >= 1);
    QCOMPARE(source.value(QStringLiteral("path")).toString(), evidence);

    // Nothing lost: --json carries the text exactly as the log had it.
    const ProcessResult json = cli({QStringLiteral("events"), path, QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    QStringList strings;
    collectStrings(QJsonDocument::fromJson(json.out).array(), strings);
    const bool kept = std::any_of(strings.cbegin(), strings.cend(),
        [&](const QString &s) { return s.contains(threat) || s.contains(QString(threat).replace(u' ', u'_')); });
    QVERIFY2(kept, qPrintable(strings.join(u'|')));

    // Nothing injected into a terminal: every text command shows controls visibly.
    const QList<QStringList> textCommands = {
        {QStringLiteral("events"), path},
        {QStringLiteral("sources"), path},
        {QStringLiteral("summary"), path},
        {QStringLiteral("chains"), path},
    };
    for (const QStringList &args : textCommands) {
        const ProcessResult r = cli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(args.first() + u' ' + QString::fromUtf8(r.err)));
        const QString out = QString::fromUtf8(r.out);
        const QString bad = firstDangerousCharacter(out);
        QVERIFY2(bad.isEmpty(), qPrintable(args.first() + QStringLiteral(" printed ") + bad));
    }

    // Nothing injected into the report: no markup from the log, no placeholder
    // substituted, no control character; the file name is there, escaped.
    const QString html = m_dir.filePath(QStringLiteral("report%1.html").arg(m_cases));
    const ProcessResult report = cli({QStringLiteral("report"), path, QStringLiteral("--html"), html});
    QVERIFY2(report.exitCode == 0, report.err.constData());
    QFile f(html);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(f.readAll());
    QVERIFY(!page.contains(QStringLiteral("<script>alert")));
    QVERIFY2(firstDangerousCharacter(page).isEmpty() || firstDangerousCharacter(page) == QStringLiteral("U+000d")
            || firstDangerousCharacter(page) == QStringLiteral("U+0009"),
        qPrintable(firstDangerousCharacter(page)));
    // The placeholders appear as written: had the report substituted them, the
    // file name would have changed.
    // The report offers line breaks inside paths (<wbr> after separators), so the
    // name is looked for without them.
    QString visibleName = showControlCharacters(fileName, true).toHtmlEscaped();
    QVERIFY2(QString(page).remove(QStringLiteral("<wbr>")).contains(visibleName), qPrintable(visibleName));
}

QString Tst_hostile::demoDir()
{
    if (m_demo.isEmpty()) {
        const QString dir = m_dir.filePath(QStringLiteral("demo"));
        const ProcessResult r = cli({QStringLiteral("demo"), dir});
        if (r.exitCode == 0)
            m_demo = dir;
        else
            qWarning() << r.err;
    }
    return m_demo;
}

// The contract for damaged input (README, "Exit codes"): rc 2 and a count when some
// records are damaged, with every intact record imported; rc 1 and one line naming
// the cause when nothing could be read; never a crash or a hang; and the case intact
// afterwards (`verify` finds nothing that differs).
void Tst_hostile::damagedInputKeepsTheContract_data()
{
    QTest::addColumn<int>("damage");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("errors"); // exactly, or -1 for "at least one"
    QTest::addColumn<int>("lostEvents"); // against the undamaged file: exactly, -1 some, -3 all, -2 n/a
    QTest::addColumn<QString>("message"); // in the source's error (or stderr for rc 1); "a|b": either
    // Gaps in the serial sequence: a possible loss, shown, but no error (finding 12).
    QTest::addColumn<bool>("gaps");
    const auto row
        = [](const char *name, Damage d, int rc, const char *status, int errors, int lost, const char *message) {
              QTest::newRow(name) << int(d) << rc << QString::fromLatin1(status) << errors << lost
                                  << QString::fromUtf8(message) << (d == Damage::AuditdSerialGap);
          };
    row("auditd, one record mangled", Damage::AuditdRecordMangled, 2, "complete", 1, 0, "msg=audit");
    // The stream is cut, and so, most likely, is the line it ends in: one error or two.
    row("auditd, gzip cut in half", Damage::AuditdGzipCut, 2, "complete", -1, -1, "truncated|last line cut");
    row("auditd, last line cut", Damage::AuditdLastLineCut, 2, "complete", 1, 0, "last line cut");
    row("auditd, one event left out", Damage::AuditdSerialGap, 0, "complete", 0, -1, "");
    row("dpkg, one line mangled", Damage::DpkgLineMangled, 2, "complete", 1, 1, "dpkg.log");
    row("evtx, one bit flipped in a record", Damage::EvtxRecordBitFlip, 2, "complete", -1, -2, "checksum");
    row("evtx, file signature bit flipped", Damage::EvtxSignatureBitFlip, 2, "complete", 1, 0, "");
    row("evtx, chunks cut off", Damage::EvtxChunksCut, 2, "incomplete", -1, -3, "missing");
    row("evtx, chunk zeroed", Damage::EvtxChunkZeroed, 2, "incomplete", -1, -3, "missing");
    row("santa, one line mangled", Damage::SantaLineMangled, 2, "complete", 1, 1, "Santa log");
    row("unified log json, cut inside an object", Damage::UnifiedLogJsonCut, 2, "complete", 1, 1, "ends inside");
    row("tracev3, refused with advice", Damage::TraceV3, 1, "failed", 0, -2, "log show --style ndjson");
    row("random bytes", Damage::RandomBytes, 1, "failed", 0, -2, "EVTX");
    row("empty file", Damage::EmptyFile, 1, "failed", 0, -2, "empty file");
    row("fifo", Damage::Fifo, 1, "failed", 0, -2, "not a regular file");
    row("empty folder", Damage::Directory, 1, "failed", 0, -2, "folder.log: the folder holds no files");
}

void Tst_hostile::damagedInputKeepsTheContract()
{
    QFETCH(int, damage);
    QFETCH(int, exitCode);
    QFETCH(QString, status);
    QFETCH(int, errors);
    QFETCH(int, lostEvents);
    QFETCH(QString, message);
    QFETCH(bool, gaps);
    const QString demo = demoDir();
    QVERIFY(!demo.isEmpty());
    const QString dir = m_dir.filePath(QStringLiteral("damaged%1").arg(m_cases));
    QVERIFY(QDir().mkpath(dir));
    const auto [input, original] = makeDamagedInput(Damage(damage), demo, dir);
    if (input.isEmpty())
        QSKIP("this machine cannot make the input (gzip or mkfifo missing)");

    const QString path = newCase();
    const ProcessResult import = cli({QStringLiteral("import"), path, input, QStringLiteral("--json")});
    QCOMPARE(import.exitCode, exitCode);
    const QJsonArray results = jsonArray(import.out);
    QCOMPARE(results.size(), 1);
    const QJsonObject result = results.first().toObject();
    QCOMPARE(result.value(QStringLiteral("status")).toString(), status);
    const int counted = result.value(QStringLiteral("errors")).toInt();
    if (errors >= 0)
        QCOMPARE(counted, errors);
    else
        QVERIFY2(counted >= 1, qPrintable(QString::number(counted)));
    // rc 2 follows the error count, and rc 1 says why on stderr in one line.
    QCOMPARE(exitCode == 2, counted > 0);
    const QStringList causes = message.split(u'|'); // any of them
    QVERIFY2(std::any_of(causes.cbegin(), causes.cend(),
                 [&](const QString &c) { return result.value(QStringLiteral("error")).toString().contains(c); }),
        qPrintable(result.value(QStringLiteral("error")).toString()));
    if (exitCode == 1) {
        const QString err = QString::fromUtf8(import.err).trimmed();
        QVERIFY2(err.contains(message) && !err.contains(u'\n'), qPrintable(err));
    }

    // Nothing lost: every intact record of the damaged file is imported.
    if (lostEvents != -2) {
        const QString clean = newCase();
        const ProcessResult whole = cli({QStringLiteral("import"), clean, original, QStringLiteral("--json")});
        QCOMPARE(whole.exitCode, 0);
        const int expected = jsonArray(whole.out).first().toObject().value(QStringLiteral("events")).toInt();
        const int got = result.value(QStringLiteral("events")).toInt();
        if (lostEvents >= 0)
            QCOMPARE(got, expected - lostEvents);
        else if (lostEvents == -3) {
            // Nothing left to read: every record the intact file holds is counted lost.
            QCOMPARE(got, 0);
            QCOMPARE(counted, jsonArray(whole.out).first().toObject().value(QStringLiteral("records")).toInt());
        } else
            QVERIFY2(got > 0 && got < expected, qPrintable(QStringLiteral("%1 of %2").arg(got).arg(expected)));
    }

    // The sources table says what the import said.
    const ProcessResult sources = cli({QStringLiteral("sources"), path, QStringLiteral("--json")});
    QCOMPARE(sources.exitCode, 0);
    const QJsonArray stored = jsonArray(sources.out);
    QCOMPARE(stored.size(), exitCode == 1 ? 0 : 1);
    if (!stored.isEmpty()) {
        QCOMPARE(stored.first().toObject().value(QStringLiteral("errors")).toInt(), counted);
        QCOMPARE(stored.first().toObject().value(QStringLiteral("gaps")).toInt() > 0, gaps);
        QCOMPARE(result.value(QStringLiteral("gaps")).toInt() > 0, gaps);
    }

    // The case is intact: pages, raw records and the source file all check out.
    const ProcessResult verify = cli({QStringLiteral("verify"), path});
    QVERIFY2(verify.exitCode == 0, verify.out.constData());
}

QTEST_GUILESS_MAIN(Tst_hostile)
#include "tst_hostile.moc"
