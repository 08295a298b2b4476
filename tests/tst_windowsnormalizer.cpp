// The Windows normalizer on every relevant record of the corpus: each row names a
// provider and event id, the kind it must become and which event field carries which
// log field. The expected values come from the records themselves (decoded by the
// EVTX decoder, which tst_evtxreader ties to evtxexport), never from this file.

#include "evtxreader.h"
#include "testsupport.h"
#include "windowsnormalizer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Chainscope;

namespace {

QList<WinEventRecord> allCorpusRecords()
{
    static const QList<WinEventRecord> records = [] {
        QList<WinEventRecord> all;
        const QDir dir(Test::corpusPath(QStringLiteral("windows")));
        for (const QString &name : dir.entryList({QStringLiteral("*.evtx")}, QDir::Files, QDir::Name)) {
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray file = f.readAll();
            for (const Test::EvtxChunk &c : Test::evtxChunks(file)) {
                for (const auto &r : Evtx::decodeChunk(c.bytes, c.fileOffset).records)
                    all.append(r.record);
            }
        }
        return all;
    }();
    return records;
}

qint64 idOf(const QString &s)
{
    bool ok = false;
    const qint64 v = s.trimmed().toLongLong(&ok, 0);
    return ok ? v : -1;
}

QString fieldOf(const Event &e, const QString &name)
{
    if (name == QLatin1String("image"))
        return e.image;
    if (name == QLatin1String("commandLine"))
        return e.commandLine;
    if (name == QLatin1String("processKey"))
        return e.processKey;
    if (name == QLatin1String("targetPath"))
        return e.targetPath;
    if (name == QLatin1String("hashes"))
        return e.hashes;
    if (name == QLatin1String("signer"))
        return e.signer;
    if (name == QLatin1String("signatureStatus"))
        return e.signatureStatus;
    if (name == QLatin1String("dstIp"))
        return e.dstIp;
    if (name == QLatin1String("dstHost"))
        return e.dstHost;
    if (name == QLatin1String("user"))
        return e.user;
    if (name == QLatin1String("parentProcessKey"))
        return e.parentProcessKey;
    if (name == QLatin1String("parentImage"))
        return e.parentImage;
    if (name == QLatin1String("parentCommandLine"))
        return e.parentCommandLine;
    if (name == QLatin1String("pid"))
        return QString::number(e.pid);
    if (name == QLatin1String("ppid"))
        return QString::number(e.ppid);
    if (name == QLatin1String("dstPort"))
        return QString::number(e.dstPort);
    return QStringLiteral("<unknown field %1>").arg(name);
}

Event normalizeOne(const WinEventRecord &r)
{
    QList<Event> out;
    normalizeWindowsEvent(r, out);
    return out.size() == 1 ? out.front() : Event();
}

WinEventRecord record(const QString &provider, quint32 eventId, const QList<QPair<QString, QString>> &data)
{
    WinEventRecord r;
    r.provider = provider;
    r.eventId = eventId;
    r.computer = QStringLiteral("ws01");
    r.timeUs = 1700000000000000;
    r.recordId = 7;
    r.data = data;
    return r;
}

// Test tables in plain literals (the project builds with QT_NO_CAST_FROM_ASCII).
QString S(const char *text)
{
    return QString::fromUtf8(text);
}
QStringList L(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

QJsonObject detailsOf(const Event &e)
{
    return QJsonDocument::fromJson(e.detailsJson).object();
}

} // namespace

class Tst_WindowsNormalizer : public QObject
{
    Q_OBJECT

private slots:
    void corpusRecords_data();
    void corpusRecords();
    void everyRecordBecomesAnEvent();
    void sysmonTimeIsTheEventsOwn();
    void dnsAnswers_data();
    void dnsAnswers();
    void parentIsTyped_data();
    void parentIsTyped();
    void constructedRecords_data();
    void constructedRecords();
    void garbledValuesDoNotBreak();
    void detailsKeepEveryCharacter_data();
    void detailsKeepEveryCharacter();
    void processIdForms_data();
    void processIdForms();
    void fieldLookupsDoNotDependOnHistory();
    void borrowedFieldsDetach();
};

void Tst_WindowsNormalizer::corpusRecords_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<int>("eventId");
    QTest::addColumn<QString>("kind");
    // "eventField=LogField"; a leading '#' on the log field compares it as a number
    // (Security writes process ids in hex), "@" as a Windows path.
    QTest::addColumn<QStringList>("mapping");
    const QString sysmon = QStringLiteral("Microsoft-Windows-Sysmon");
    const QString security = QStringLiteral("Microsoft-Windows-Security-Auditing");
    QTest::newRow("sysmon 1") << sysmon << 1 << S("process_start")
                              << L({"processKey=ProcessGuid", "pid=#ProcessId", "ppid=#ParentProcessId", "image=Image",
                                     "commandLine=CommandLine", "user=User", "hashes=Hashes",
                                     "parentProcessKey=ParentProcessGuid", "parentImage=ParentImage",
                                     "parentCommandLine=ParentCommandLine"});
    QTest::newRow("sysmon 2") << sysmon << 2 << S("file_write") << L({"targetPath=TargetFilename", "pid=#ProcessId"});
    QTest::newRow("sysmon 3") << sysmon << 3 << S("net_connect")
                              << L({"dstIp=DestinationIp", "dstPort=#DestinationPort", "pid=#ProcessId",
                                     "image=Image"});
    QTest::newRow("sysmon 5") << sysmon << 5 << S("process_exit") << L({"pid=#ProcessId", "image=Image"});
    QTest::newRow("sysmon 7") << sysmon << 7 << S("module_load")
                              << L({"targetPath=ImageLoaded", "signer=Signature", "signatureStatus=SignatureStatus",
                                     "pid=#ProcessId", "image=Image"});
    QTest::newRow("sysmon 11") << sysmon << 11 << S("file_write") << L({"targetPath=TargetFilename", "pid=#ProcessId"});
    QTest::newRow("sysmon 13") << sysmon << 13 << S("log_message") << L({"targetPath=TargetObject"});
    QTest::newRow("sysmon 22") << sysmon << 22 << S("dns_query") << L({"dstHost=QueryName", "pid=#ProcessId"});
    QTest::newRow("sysmon 23") << sysmon << 23 << S("file_delete") << L({"targetPath=TargetFilename"});
    QTest::newRow("security 4688") << security << 4688 << S("process_start")
                                   << L({"pid=#NewProcessId", "ppid=#ProcessId", "image=NewProcessName"});
    QTest::newRow("msi 1033") << S("MsiInstaller") << 1033 << S("package_install") << L({"targetPath=Data1"});
    QTest::newRow("msi 1040") << S("MsiInstaller") << 1040 << S("package_install")
                              << L({"targetPath=Data1", "pid=#Data2"});
    QTest::newRow("msi 1042") << S("MsiInstaller") << 1042 << S("package_install")
                              << L({"targetPath=Data1", "pid=#Data2"});
    QTest::newRow("service 7045") << S("Service Control Manager") << 7045 << S("package_install")
                                  << L({"targetPath=ImagePath"});
    QTest::newRow("windows update 19") << S("Microsoft-Windows-WindowsUpdateClient") << 19 << S("package_install")
                                       << L({"targetPath=updateTitle"});
    QTest::newRow("windows update 43") << S("Microsoft-Windows-WindowsUpdateClient") << 43 << S("package_install")
                                       << L({"targetPath=updateTitle"});
    QTest::newRow("windows update 44") << S("Microsoft-Windows-WindowsUpdateClient") << 44 << S("package_install")
                                       << L({"targetPath=updateTitle"});
}

void Tst_WindowsNormalizer::corpusRecords()
{
    QFETCH(QString, provider);
    QFETCH(int, eventId);
    QFETCH(QString, kind);
    QFETCH(QStringList, mapping);
    int seen = 0;
    for (const WinEventRecord &r : allCorpusRecords()) {
        if (r.provider != provider || r.eventId != quint32(eventId))
            continue;
        ++seen;
        const Event e = normalizeOne(r);
        const QString where = QStringLiteral("%1 %2 record %3: ").arg(provider).arg(eventId).arg(r.recordId);
        // Sysmon 3 inbound connections are messages, not egress.
        const bool inbound = eventId == 3 && r.value(u"Initiated") == QLatin1String("false");
        QCOMPARE(kindName(e.kind), inbound ? QStringLiteral("log_message") : kind);
        QCOMPARE(e.platform, Platform::Windows);
        QCOMPARE(e.host, r.computer);
        const QJsonObject details = detailsOf(e);
        QCOMPARE(details.value(QLatin1String("event_id")).toInt(), eventId);
        QCOMPARE(details.value(QLatin1String("provider")).toString(), provider);
        for (const QString &m : mapping) {
            const QString field = m.section(QLatin1Char('='), 0, 0);
            QString source = m.section(QLatin1Char('='), 1);
            const bool numeric = source.startsWith(QLatin1Char('#'));
            if (numeric)
                source.remove(0, 1);
            QVERIFY2(r.has(source), qPrintable(where + QStringLiteral("no field ") + source));
            QString expected = r.value(source);
            if (numeric)
                expected = QString::number(idOf(expected));
            else if (expected == QLatin1String("-"))
                expected.clear();
            else if (field == QLatin1String("targetPath") || field == QLatin1String("image"))
                expected = expected.startsWith(QLatin1String("\\??\\")) ? expected.mid(4) : expected;
            // MsiInstaller writes "(NULL)" for absent values.
            if (expected == QLatin1String("(NULL)"))
                expected.clear();
            QVERIFY2(fieldOf(e, field) == expected,
                qPrintable(where + field + QStringLiteral(": \"%1\", log: \"%2\"").arg(fieldOf(e, field), expected)));
        }
    }
    QVERIFY2(seen > 0, "the corpus holds no such record");
}

void Tst_WindowsNormalizer::everyRecordBecomesAnEvent()
{
    const QList<WinEventRecord> records = allCorpusRecords();
    QVERIFY(records.size() > 9000);
    for (const WinEventRecord &r : records) {
        QList<Event> out;
        normalizeWindowsEvent(r, out);
        QCOMPARE(out.size(), 1);
        const QJsonDocument details = QJsonDocument::fromJson(out.front().detailsJson);
        QVERIFY2(details.isObject(), out.front().detailsJson.constData()); // always valid JSON
        QCOMPARE(details.object().value(QLatin1String("record_id")).toInteger(), qint64(r.recordId));
    }
}

void Tst_WindowsNormalizer::sysmonTimeIsTheEventsOwn()
{
    // Sysmon's UtcTime is when the action happened; the record may be written later.
    const WinEventRecord r = record(QStringLiteral("Microsoft-Windows-Sysmon"), 11,
        {{QStringLiteral("UtcTime"), QStringLiteral("2023-03-29 10:15:02.123")},
            {QStringLiteral("TargetFilename"), QStringLiteral("C:\\x.dll")}});
    const Event e = normalizeOne(r);
    QCOMPARE(formatTimeUs(e.timeUs), QStringLiteral("2023-03-29T10:15:02.123000Z"));
    // Unparseable: the record's own time.
    WinEventRecord bad = r;
    bad.data.setValue(0, QStringLiteral("yesterday"));
    QCOMPARE(normalizeOne(bad).timeUs, r.timeUs);
}

void Tst_WindowsNormalizer::dnsAnswers_data()
{
    QTest::addColumn<QString>("results");
    QTest::addColumn<QStringList>("answers");
    QTest::newRow("IPv4-mapped") << S("::ffff:93.184.216.34;") << L({"93.184.216.34"});
    QTest::newRow("CNAME then addresses")
        << S("type:  5 cdn.example.net;::ffff:192.0.2.10;::ffff:192.0.2.11;") << L({"192.0.2.10", "192.0.2.11"});
    QTest::newRow("IPv6") << S("2001:db8::1;") << L({"2001:db8::1"});
    QTest::newRow("no answer") << S("-") << QStringList();
    QTest::newRow("empty") << S("") << QStringList();
}

void Tst_WindowsNormalizer::dnsAnswers()
{
    QFETCH(QString, results);
    QFETCH(QStringList, answers);
    QCOMPARE(parseDnsAnswers(results), answers);
    const Event e = normalizeOne(record(QStringLiteral("Microsoft-Windows-Sysmon"), 22,
        {{QStringLiteral("QueryName"), QStringLiteral("a.example")}, {QStringLiteral("QueryResults"), results}}));
    // A typed fact (the index links later connections by it), not a details key.
    QCOMPARE(e.dnsAnswers, answers);
    QVERIFY(!detailsOf(e).contains(QLatin1String("answers")));
}

void Tst_WindowsNormalizer::parentIsTyped_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<int>("eventId");
    QTest::addColumn<QStringList>("data"); // name=value
    QTest::addColumn<QString>("parentKey");
    QTest::addColumn<QString>("parentImage");
    QTest::addColumn<QString>("parentCommandLine");
    const QString sysmon = QStringLiteral("Microsoft-Windows-Sysmon");
    const QString security = QStringLiteral("Microsoft-Windows-Security-Auditing");
    QTest::newRow("sysmon 1") << sysmon << 1
                              << L({"ProcessGuid={aaaa-1}", "ParentProcessGuid={aaaa-0}",
                                     "ParentImage=C:\\Windows\\explorer.exe", "ParentCommandLine=explorer.exe /x"})
                              << S("{aaaa-0}") << S("C:\\Windows\\explorer.exe") << S("explorer.exe /x");
    // Sysmon's "-" is no value.
    QTest::newRow("sysmon 1 dashes") << sysmon << 1
                                     << L({"ParentProcessGuid=-", "ParentImage=-", "ParentCommandLine=-"}) << S("")
                                     << S("") << S("");
    QTest::newRow("4688 v2") << security << 4688
                             << L({"NewProcessName=C:\\x.exe", "ParentProcessName=C:\\Windows\\cmd.exe"}) << S("")
                             << S("C:\\Windows\\cmd.exe") << S("");
    QTest::newRow("4688 v0") << security << 4688 << L({"NewProcessName=C:\\x.exe"}) << S("") << S("") << S("");
}

void Tst_WindowsNormalizer::parentIsTyped()
{
    QFETCH(QString, provider);
    QFETCH(int, eventId);
    QFETCH(QStringList, data);
    QFETCH(QString, parentKey);
    QFETCH(QString, parentImage);
    QFETCH(QString, parentCommandLine);
    QList<QPair<QString, QString>> fields;
    for (const QString &d : data)
        fields.append({d.section(QLatin1Char('='), 0, 0), d.section(QLatin1Char('='), 1)});
    const Event e = normalizeOne(record(provider, quint32(eventId), fields));
    QCOMPARE(e.kind, EventKind::ProcessStart);
    QCOMPARE(e.parentProcessKey, parentKey);
    QCOMPARE(e.parentImage, parentImage);
    QCOMPARE(e.parentCommandLine, parentCommandLine);
    // Typed facts, not details keys.
    const QJsonObject details = detailsOf(e);
    for (const char *key : {"parent_guid", "parent_image", "parent_command_line"})
        QVERIFY2(!details.contains(QLatin1String(key)), key);
}

void Tst_WindowsNormalizer::constructedRecords_data()
{
    // Event ids the corpus lacks, built with the field sets their providers write.
    QTest::addColumn<QString>("provider");
    QTest::addColumn<int>("eventId");
    QTest::addColumn<QStringList>("data"); // name=value
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("check"); // field=expected
    QTest::addColumn<QString>("detail"); // details key=expected
    const QString sysmon = QStringLiteral("Microsoft-Windows-Sysmon");
    QTest::newRow("sysmon 6 driver") << sysmon << 6
                                     << L({"ImageLoaded=C:\\Windows\\System32\\drivers\\x.sys", "Signed=false",
                                            "Signature=", "SignatureStatus=Unavailable"})
                                     << S("module_load") << S("signatureStatus=Unavailable") << S("driver=true");
    QTest::newRow("sysmon 15 stream") << sysmon << 15
                                      << L({"TargetFilename=C:\\Users\\a\\Downloads\\s.exe:Zone.Identifier",
                                             "Hash=SHA256=AB", "ProcessId=10"})
                                      << S("file_write") << S("hashes=SHA256=AB") << S("action=stream_created");
    QTest::newRow("sysmon 26 delete") << sysmon << 26 << L({"TargetFilename=C:\\t\\a.exe", "ProcessId=10"})
                                      << S("file_delete") << S("targetPath=C:\\t\\a.exe") << S("");
    QTest::newRow("sysmon 29 executable")
        << sysmon << 29 << L({"TargetFilename=C:\\ProgramData\\u\\u.exe", "Hashes=SHA256=CD"}) << S("file_write")
        << S("targetPath=C:\\ProgramData\\u\\u.exe") << S("executable=true");
    QTest::newRow("sysmon 3 inbound") << sysmon << 3
                                      << L({"Initiated=false", "DestinationIp=10.0.0.5", "DestinationPort=445"})
                                      << S("log_message") << S("dstIp=10.0.0.5") << S("initiated=false");
    QTest::newRow("4688 v0 no command line")
        << S("Microsoft-Windows-Security-Auditing") << 4688
        << L({"SubjectUserName=bob", "SubjectDomainName=CORP", "NewProcessId=0x1a4",
               "NewProcessName=C:\\Windows\\System32\\cmd.exe", "ProcessId=0x2f0"})
        << S("process_start") << S("user=CORP\\bob") << S("");
    QTest::newRow("5156 outbound") << S("Microsoft-Windows-Security-Auditing") << 5156
                                   << L({"ProcessID=4242", "Application=\\device\\harddiskvolume2\\a.exe",
                                          "Direction=%%14593", "DestAddress=203.0.113.9", "DestPort=443"})
                                   << S("net_connect") << S("dstPort=443") << S("direction=outbound");
    QTest::newRow("5156 inbound") << S("Microsoft-Windows-Security-Auditing") << 5156
                                  << L({"Direction=%%14592", "DestAddress=10.1.1.1", "DestPort=3389"})
                                  << S("log_message") << S("dstIp=10.1.1.1") << S("direction=inbound");
    QTest::newRow("msi 1034 removed") << S("MsiInstaller") << 1034
                                      << L({"Data1=Tool", "Data2=1.0", "Data3=1033", "Data4=0", "Data5=Vendor"})
                                      << S("package_install") << S("targetPath=Tool") << S("action=remove");
    QTest::newRow("msi 11707 installed") << S("MsiInstaller") << 11707
                                         << L({"Data1=Product: Tool -- Installation completed successfully."})
                                         << S("package_install") << S("targetPath=Tool") << S("action=install");
    QTest::newRow("msi 11724 removed") << S("MsiInstaller") << 11724
                                       << L({"Data1=Product: Tool -- Removal completed successfully."})
                                       << S("package_install") << S("targetPath=Tool") << S("action=remove");
    QTest::newRow("code integrity 3033") << S("Microsoft-Windows-CodeIntegrity") << 3033
                                         << L({"FileNameBuffer=\\??\\C:\\Program Files\\App\\evil.dll",
                                                "ProcessNameBuffer=\\??\\C:\\Program Files\\App\\app.exe",
                                                "RequestedSigningLevel=8", "ValidatedSigningLevel=1"})
                                         << S("signature_fault") << S("targetPath=C:\\Program Files\\App\\evil.dll")
                                         << S("requested_signing_level=8");
    QTest::newRow("code integrity 3089 is information")
        << S("Microsoft-Windows-CodeIntegrity") << 3089 << L({"SignatureType=1"}) << S("log_message") << S("") << S("");
    QTest::newRow("unknown provider") << S("Microsoft-Windows-Kernel-General") << 12 << L({"MajorVersion=10"})
                                      << S("log_message") << S("") << S("provider=Microsoft-Windows-Kernel-General");
}

void Tst_WindowsNormalizer::constructedRecords()
{
    QFETCH(QString, provider);
    QFETCH(int, eventId);
    QFETCH(QStringList, data);
    QFETCH(QString, kind);
    QFETCH(QString, check);
    QFETCH(QString, detail);
    QList<QPair<QString, QString>> fields;
    for (const QString &d : data)
        fields.append({d.section(QLatin1Char('='), 0, 0), d.section(QLatin1Char('='), 1)});
    const Event e = normalizeOne(record(provider, quint32(eventId), fields));
    QCOMPARE(kindName(e.kind), kind);
    if (!check.isEmpty())
        QCOMPARE(fieldOf(e, check.section(QLatin1Char('='), 0, 0)), check.section(QLatin1Char('='), 1));
    if (!detail.isEmpty()) {
        const QJsonValue v = detailsOf(e).value(detail.section(QLatin1Char('='), 0, 0));
        const QString text
            = v.isBool() ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false")) : v.toString();
        QCOMPARE(text, detail.section(QLatin1Char('='), 1));
    }
}

void Tst_WindowsNormalizer::garbledValuesDoNotBreak()
{
    const Event e = normalizeOne(record(QStringLiteral("Microsoft-Windows-Sysmon"), 3,
        {{QStringLiteral("ProcessId"), QStringLiteral("not a pid")},
            {QStringLiteral("Initiated"), QStringLiteral("true")},
            {QStringLiteral("DestinationPort"), QStringLiteral("-5")},
            {QStringLiteral("Image"), QStringLiteral("C:\\a\"b\\\n\x01.exe")}}));
    QCOMPARE(e.kind, EventKind::NetConnect);
    QCOMPARE(e.pid, -1);
    QCOMPARE(e.dstPort, -1);
    QVERIFY(QJsonDocument::fromJson(e.detailsJson).isObject());
    // A record with no fields at all.
    QCOMPARE(normalizeOne(record(QStringLiteral("Microsoft-Windows-Security-Auditing"), 4688, {})).pid, -1);
}

void Tst_WindowsNormalizer::detailsKeepEveryCharacter_data()
{
    // The details JSON is written by hand, eight plain characters at a time where it
    // can: every character that needs escaping or encoding, at every position
    // relative to those blocks, must come back unchanged.
    QTest::addColumn<QString>("value");
    const QList<QPair<const char *, QString>> specials = {
        {"quote", QStringLiteral("\"")},
        {"backslash", QStringLiteral("\\")},
        {"newline", QStringLiteral("\n")},
        {"control", QString(QChar(0x01))},
        {"delete", QString(QChar(0x7f))},
        {"latin1", QStringLiteral("\u00e9")},
        {"cjk", QStringLiteral("\u4e2d")},
        {"surrogate pair", QString::fromUcs4(U"\U0001F600")},
        {"nul", QString(QChar(0))},
    };
    for (const auto &[name, special] : specials) {
        for (int before : {0, 1, 7, 8, 9, 15, 16, 17}) {
            for (int after : {0, 1, 8}) {
                QTest::addRow("%s after %d, %d after", name, before, after)
                    << QString(before, u'a') + special + QString(after, u'z');
            }
        }
    }
    QTest::newRow("long plain") << QStringLiteral("C:\\Program Files\\Vendor\\Updater\\update.exe --silent");
    QTest::newRow("empty-ish") << QStringLiteral("x");
}

void Tst_WindowsNormalizer::detailsKeepEveryCharacter()
{
    QFETCH(QString, value);
    const Event e = normalizeOne(record(QStringLiteral("Microsoft-Windows-Sysmon"), 1,
        {{QStringLiteral("Image"), QStringLiteral("C:\\x.exe")}, {QStringLiteral("CurrentDirectory"), value}}));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(e.detailsJson, &error);
    QVERIFY2(doc.isObject(), qPrintable(error.errorString() + QLatin1Char(' ') + QString::fromUtf8(e.detailsJson)));
    QCOMPARE(doc.object().value(QStringLiteral("current_directory")).toString(), value);
}

void Tst_WindowsNormalizer::processIdForms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("pid");
    QTest::newRow("decimal (Sysmon)") << S("4242") << qint64(4242);
    QTest::newRow("zero") << S("0") << qint64(0);
    QTest::newRow("hex (Security)") << S("0x10a8") << qint64(0x10a8);
    QTest::newRow("upper-case hex") << S("0X1AF") << qint64(0x1af);
    QTest::newRow("leading zero is decimal") << S("010") << qint64(10);
    QTest::newRow("spaces around") << S(" 77 ") << qint64(77);
    QTest::newRow("largest") << S("9223372036854775807") << qint64(9223372036854775807LL);
    QTest::newRow("zero-padded, 20 digits") << S("00000000000000004242") << qint64(4242);
    QTest::newRow("largest hex") << S("0x7fffffffffffffff") << qint64(9223372036854775807LL);
    QTest::newRow("too large") << S("9223372036854775808") << qint64(-1);
    QTest::newRow("too large hex") << S("0x8000000000000000") << qint64(-1);
    QTest::newRow("negative") << S("-5") << qint64(-1);
    QTest::newRow("plus sign") << S("+5") << qint64(-1);
    QTest::newRow("dash (no value)") << S("-") << qint64(-1);
    QTest::newRow("empty") << S("") << qint64(-1);
    QTest::newRow("prefix only") << S("0x") << qint64(-1);
    QTest::newRow("hex digits without prefix") << S("1a") << qint64(-1);
    QTest::newRow("trailing text") << S("12 (svchost)") << qint64(-1);
    QTest::newRow("space inside") << S("1 2") << qint64(-1);
    QTest::newRow("Arabic-Indic digits") << QString::fromUtf16(u"\u0664\u0662") << qint64(-1);
}

void Tst_WindowsNormalizer::processIdForms()
{
    // Sysmon writes ids in decimal and Security in 0x-hex; both reach Event::pid.
    QFETCH(QString, text);
    QFETCH(qint64, pid);
    const WinEventRecord sysmon = record(QStringLiteral("Microsoft-Windows-Sysmon"), 1,
        {{QStringLiteral("ProcessId"), text}, {QStringLiteral("Image"), QStringLiteral("C:\\a.exe")}});
    QCOMPARE(normalizeOne(sysmon).pid, pid);
    const WinEventRecord security = record(QStringLiteral("Microsoft-Windows-Security-Auditing"), 4688,
        {{QStringLiteral("NewProcessId"), text}, {QStringLiteral("NewProcessName"), QStringLiteral("C:\\a.exe")}});
    QCOMPARE(normalizeOne(security).pid, pid);
}

void Tst_WindowsNormalizer::fieldLookupsDoNotDependOnHistory()
{
    // One field list is refilled for every record, and lookups remember where a name
    // was found last. A name that occurs twice (array values) must still give its
    // first field, whatever the records before looked like.
    static const char16_t hashes[] = u"Hashes";
    const QString image = QStringLiteral("Image"), hashName = QStringLiteral("Hashes"), user = QStringLiteral("User");
    const QString a = QStringLiteral("a"), first = QStringLiteral("first"), second = QStringLiteral("second");
    WinEventFields list;
    // A record whose Hashes is the third field: the lookup remembers index 2.
    list.appendBorrowed(image, a);
    list.appendBorrowed(user, a);
    list.appendBorrowed(hashName, a);
    QCOMPARE(list.indexOf(hashes), 2);
    // The next record repeats the name at index 1 and 2.
    list.clear();
    list.append(image, a);
    list.append(hashName, first);
    list.append(hashName, second);
    QCOMPARE(list.indexOf(hashes), 1);
    QCOMPARE(list.value(list.indexOf(hashes)), first);
    // The same with borrowed fields that say their names may repeat.
    list.clear();
    list.appendBorrowed(image, a);
    list.appendBorrowed(hashName, first);
    list.appendBorrowed(hashName, second);
    list.mayRepeatNames();
    QCOMPARE(list.value(list.indexOf(hashes)), first);
    // Absent names, and a remembered index past the end of a shorter record.
    list.clear();
    list.append(image, a);
    QCOMPARE(list.indexOf(hashes), -1);
    QCOMPARE(list.indexOf(u"Image"), 0);
}

void Tst_WindowsNormalizer::borrowedFieldsDetach()
{
    // Borrowed fields show the strings they point at; detach() copies them, so the
    // decoder may change or free its strings afterwards.
    QString name = QStringLiteral("Image");
    QString value = QStringLiteral("C:\\a.exe");
    WinEventRecord r;
    r.data.appendBorrowed(name, value);
    r.data.append(QStringLiteral("User"), QStringLiteral("dana"));
    WinEventRecord shared = r; // a copy borrows the same strings
    value = QStringLiteral("C:\\b.exe");
    QCOMPARE(shared.value(u"Image"), QStringLiteral("C:\\b.exe"));
    r.data.detach();
    WinEventRecord kept = r;
    name = QStringLiteral("changed");
    value = QStringLiteral("changed");
    QCOMPARE(kept.value(u"Image"), QStringLiteral("C:\\b.exe"));
    QCOMPARE(kept.value(u"User"), QStringLiteral("dana"));
    QCOMPARE(kept.data.toList(),
        (QList<QPair<QString, QString>> {
            {QStringLiteral("Image"), QStringLiteral("C:\\b.exe")}, {QStringLiteral("User"), QStringLiteral("dana")}}));
}

QTEST_GUILESS_MAIN(Tst_WindowsNormalizer)
#include "tst_windowsnormalizer.moc"
