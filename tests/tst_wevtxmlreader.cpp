#include "evtxreader.h"
#include "formats.h"
#include "inputfile.h"
#include "testsupport.h"
#include "wevtxmlreader.h"
#include "windowsnormalizer.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Chainscope;
using Chainscope::Test::MemorySink;
using Chainscope::Test::sameValue;

namespace {

// The <Event> elements evtxexport prints for a file: real exporter output, made at
// test time, in place of a wevtutil run on Windows.
QList<QByteArray> exportedEvents(const QString &path, QString *error)
{
    const Test::EvtxexportOutput out = Test::evtxexport(path);
    *error = out.error;
    QList<QByteArray> events;
    for (const QString &event : out.events)
        events.append(event.toUtf8());
    return events;
}

// wevtutil writes each event on one line: the layout between tags goes.
QByteArray oneLine(const QByteArray &event)
{
    static const QRegularExpression layout(QStringLiteral(">\\s+<"));
    return QString::fromUtf8(event).replace(layout, QStringLiteral("><")).toUtf8();
}

enum class Shape { Concatenated, OnePerLine, EventsRoot, Utf16 };

QByteArray build(const QList<QByteArray> &events, Shape shape)
{
    QByteArray out;
    switch (shape) {
    case Shape::Concatenated: // wevtutil qe <log> /f:xml
        for (const QByteArray &e : events)
            out += e;
        return out;
    case Shape::OnePerLine:
        for (const QByteArray &e : events)
            out += oneLine(e) + "\r\n";
        return out;
    case Shape::EventsRoot: // wevtutil qe <log> /f:xml /e:Events
        out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Events>\n";
        for (const QByteArray &e : events)
            out += e + "\n";
        return out + "</Events>\n";
    case Shape::Utf16: { // Get-WinEvent | % { $_.ToXml() } > file, Windows PowerShell
        QString text;
        for (const QByteArray &e : events)
            text += QString::fromUtf8(e) + QStringLiteral("\r\n");
        out = QByteArray("\xFF\xFE", 2);
        out.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        return out;
    }
    }
    return out;
}

QString writeTemp(const QTemporaryDir &dir, const QByteArray &bytes)
{
    const QString path = dir.filePath(QStringLiteral("export.xml"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        return QString();
    return path;
}

void readXml(const QString &path, MemorySink &sink, const std::atomic<bool> *cancel = nullptr)
{
    InputFile input;
    QVERIFY2(input.open(path), qPrintable(input.errorString()));
    WinXmlReader reader;
    ReaderContext context;
    context.cancel = cancel;
    reader.read(input, context, sink);
}

// The events of an .evtx file, grouped by record, as the EVTX reader makes them.
QList<QList<Event>> evtxEventsByRecord(const QString &path)
{
    InputFile input;
    if (!input.open(path))
        return {};
    EvtxReader reader(&normalizeWindowsEvent);
    ReaderContext context;
    context.decodeThreads = 1;
    MemorySink sink;
    reader.read(input, context, sink);
    QList<QList<Event>> records;
    qint64 last = -2;
    for (const auto &s : std::as_const(sink.events)) {
        if (s.event.recordPos != last)
            records.append(QList<Event>());
        records.last().append(s.event);
        last = s.event.recordPos;
    }
    return records;
}

QList<Event> flatten(const QList<QList<Event>> &records, const QList<int> &without = {})
{
    QList<Event> out;
    for (int i = 0; i < records.size(); ++i) {
        if (!without.contains(i))
            out += records.at(i);
    }
    return out;
}

// Same events, in order, as far as the chain cares (recordPos differs by design).
QString compareEvents(const QList<Event> &expected, const QList<Event> &actual)
{
    if (expected.size() != actual.size())
        return QStringLiteral("%1 events expected, %2 imported").arg(expected.size()).arg(actual.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const Event &a = expected.at(i);
        const Event &b = actual.at(i);
        const auto diff = [&](const char *what, const QString &x, const QString &y) {
            return QStringLiteral("event %1: %2 differs: '%3' vs '%4'").arg(i).arg(QLatin1String(what), x, y);
        };
        if (a.kind != b.kind)
            return diff("kind", QString::number(int(a.kind)), QString::number(int(b.kind)));
        if (a.timeUs != b.timeUs)
            return diff("time", QString::number(a.timeUs), QString::number(b.timeUs));
        if (a.host != b.host)
            return diff("host", a.host, b.host);
        if (a.pid != b.pid || a.ppid != b.ppid)
            return diff("pid/ppid", QStringLiteral("%1/%2").arg(a.pid).arg(a.ppid),
                QStringLiteral("%1/%2").arg(b.pid).arg(b.ppid));
        if (!sameValue(a.image, b.image))
            return diff("image", a.image, b.image);
        if (!sameValue(a.commandLine, b.commandLine))
            return diff("command line", a.commandLine, b.commandLine);
        if (!sameValue(a.targetPath, b.targetPath))
            return diff("target", a.targetPath, b.targetPath);
        if (a.dstIp != b.dstIp || a.dstPort != b.dstPort || a.dstHost != b.dstHost)
            return diff("destination", QStringLiteral("%1:%2 %3").arg(a.dstIp).arg(a.dstPort).arg(a.dstHost),
                QStringLiteral("%1:%2 %3").arg(b.dstIp).arg(b.dstPort).arg(b.dstHost));
    }
    return QString();
}

QList<Event> eventsOf(const MemorySink &sink)
{
    QList<Event> out;
    for (const auto &s : sink.events)
        out.append(s.event);
    return out;
}

QList<qint64> errorPositions(const MemorySink &sink)
{
    QList<qint64> out;
    for (const auto &e : sink.errors)
        out.append(e.pos);
    return out;
}

// Corpus files whose every record evtxexport also prints (the damaged files are
// recovered differently by the two readers, so they cannot serve as a reference).
const QStringList &referenceFiles()
{
    static const QStringList files {
        QStringLiteral("application_msiinstaller_1033_1040_1042_11707.evtx"),
        QStringLiteral("application_msiinstaller_rogue_msi_1040_1042.evtx"),
        QStringLiteral("security_4688v0_5156_wfp_connections.evtx"),
        QStringLiteral("security_4688v2_with_sysmon_1_10_mixed.evtx"),
        QStringLiteral("sysmon_atomicredteam_proc_net_image_file.evtx"),
        QStringLiteral("sysmon_benign_updaters_opera_wu_agent.evtx"),
        QStringLiteral("sysmon_dll_sideloading_timestomp_runkey.evtx"),
        QStringLiteral("sysmon_msi_package_spawns_meterpreter.evtx"),
        QStringLiteral("sysmon_uacme_imageloads_signed_dns.evtx"),
        QStringLiteral("sysmon_update_orchestrator_unsigned_dll_hijack.evtx"),
        QStringLiteral("system_windowsupdateclient_services.evtx"),
    };
    return files;
}

QString corpusFile(const QString &name)
{
    return Test::corpusPath(QStringLiteral("windows/") + name);
}

} // namespace

Q_DECLARE_METATYPE(Shape)

class Tst_WevtXmlReader : public QObject
{
    Q_OBJECT

private slots:
    void sameEventsAsEvtx_data();
    void sameEventsAsEvtx();
    void sameRecordsAsEvtxDecoder_data();
    void sameRecordsAsEvtxDecoder();
    void detectsExports_data();
    void detectsExports();
    void survivesDamage_data();
    void survivesDamage();
    void stopsWhenCancelled();
};

void Tst_WevtXmlReader::sameEventsAsEvtx_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<Shape>("shape");
    const QList<QPair<const char *, Shape>> shapes {{"wevtutil", Shape::Concatenated},
        {"one-per-line", Shape::OnePerLine}, {"events-root", Shape::EventsRoot}, {"utf16", Shape::Utf16}};
    for (const QString &file : referenceFiles()) {
        for (const auto &[name, shape] : shapes)
            QTest::addRow("%s %s", qPrintable(file), name) << file << shape;
    }
}

// The export of a log and the log itself must tell the same story: every event, in
// order, with the same kinds, times, hosts, processes, targets and destinations.
void Tst_WevtXmlReader::sameEventsAsEvtx()
{
    QFETCH(QString, file);
    QFETCH(Shape, shape);
    const QString evtx = corpusFile(file);
    QString error;
    const QList<QByteArray> exported = exportedEvents(evtx, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<QList<Event>> expected = evtxEventsByRecord(evtx);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(exported.size(), expected.size());

    QTemporaryDir dir;
    const QByteArray bytes = build(exported, shape);
    const QString path = writeTemp(dir, bytes);
    QVERIFY(!path.isEmpty());
    MemorySink sink;
    readXml(path, sink);
    QVERIFY2(sink.errors.isEmpty(), qPrintable(sink.errors.value(0).message));
    QCOMPARE(sink.counts().recordsRead, qint64(expected.size()));
    QCOMPARE(sink.counts().recordsFailed, 0);
    const QString diff = compareEvents(flatten(expected), eventsOf(sink));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    // One raw record per event element, and each event points at its "<Event" in the input.
    QCOMPARE(sink.raws.size(), expected.size());
    const int unit = shape == Shape::Utf16 ? 2 : 1;
    const QByteArray tag = shape == Shape::Utf16 ? QByteArray("<\0E\0v\0e\0n\0t\0", 12) : QByteArray("<Event");
    QSet<qint64> positions;
    for (const auto &s : std::as_const(sink.events)) {
        QVERIFY(s.rawId >= 0 && s.rawId < sink.raws.size());
        const QByteArray &raw = sink.raws.at(s.rawId);
        QVERIFY(raw.startsWith("<Event"));
        QVERIFY(raw.endsWith("</Event>"));
        QCOMPARE(bytes.mid(s.event.recordPos, 6 * unit), tag);
        positions.insert(s.event.recordPos);
    }
    QCOMPARE(positions.size(), expected.size());
}

void Tst_WevtXmlReader::sameRecordsAsEvtxDecoder_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &file : referenceFiles())
        QTest::newRow(qPrintable(file)) << file;
}

// Below the normalizer: every field of every record, including the names given to
// unnamed Data, Binary and UserData leaves, matches what the EVTX decoder extracts.
void Tst_WevtXmlReader::sameRecordsAsEvtxDecoder()
{
    QFETCH(QString, file);
    const QString evtx = corpusFile(file);
    QFile f(evtx);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QList<WinEventRecord> decoded;
    for (qsizetype off = Evtx::FileHeaderSize; off < bytes.size(); off += Evtx::ChunkSize) {
        const QByteArray chunk = bytes.mid(off, Evtx::ChunkSize);
        if (!Evtx::isChunk(chunk))
            continue;
        for (const auto &r : Evtx::decodeChunk(chunk, off).records)
            decoded.append(r.record);
    }
    QString error;
    const QList<QByteArray> exported = exportedEvents(evtx, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(exported.size(), decoded.size());
    for (qsizetype i = 0; i < decoded.size(); ++i) {
        WinEventRecord x;
        QString parseError;
        QVERIFY2(parseWinEventXml(QString::fromUtf8(exported.at(i)), x, &parseError), qPrintable(parseError));
        const WinEventRecord &d = decoded.at(i);
        const QByteArray where = QByteArray::number(i) + ": " + exported.at(i).left(400);
        QVERIFY2(x.recordId == d.recordId, where.constData());
        QVERIFY2(x.timeUs == d.timeUs, where.constData());
        QVERIFY2(x.provider == d.provider, where.constData());
        QVERIFY2(x.providerGuid == d.providerGuid, where.constData());
        QVERIFY2(x.eventId == d.eventId, where.constData());
        QVERIFY2(x.version == d.version && x.level == d.level && x.task == d.task && x.opcode == d.opcode,
            where.constData());
        QVERIFY2(sameValue(x.keywords, d.keywords), where.constData());
        QVERIFY2(x.channel == d.channel && x.computer == d.computer, where.constData());
        QVERIFY2(x.processId == d.processId && x.threadId == d.threadId, where.constData());
        QVERIFY2(x.userSid == d.userSid, where.constData());
        const QByteArray data = (Test::describe(d.data) + QStringLiteral("\n vs \n") + Test::describe(x.data)).toUtf8();
        QVERIFY2(x.data.size() == d.data.size(), data.constData());
        for (qsizetype k = 0; k < d.data.size(); ++k) {
            QVERIFY2(x.data.at(k).first == d.data.at(k).first, data.constData());
            QVERIFY2(sameValue(x.data.at(k).second, d.data.at(k).second), data.constData());
        }
    }
}

void Tst_WevtXmlReader::detectsExports_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("expected");
    const QByteArray event = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>";
    QTest::newRow("wevtutil") << event << true;
    QTest::newRow("double quotes") << QByteArray(
        "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">")
                                   << true;
    QTest::newRow("bom and declaration") << QByteArray("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n  ")
            + event << true;
    QTest::newRow("events root") << QByteArray("<?xml version=\"1.0\"?>\n<Events>\n") + event << true;
    QTest::newRow("empty events root") << QByteArray("<Events></Events>") << true;
    QString text = QString::fromUtf8(event);
    QByteArray utf16("\xFF\xFE", 2);
    utf16.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    QTest::newRow("utf-16 with bom") << utf16 << true;
    QTest::newRow("utf-16 without bom") << utf16.mid(2) << true;
    QTest::newRow("other namespace") << QByteArray("<Event xmlns='urn:example'><System>") << false;
    QTest::newRow("no namespace") << QByteArray("<Event><System>") << false;
    QTest::newRow("EventData root") << QByteArray("<EventData><Data>1</Data></EventData>") << false;
    QTest::newRow("other xml") << QByteArray("<?xml version=\"1.0\"?><root/>") << false;
    QTest::newRow("auditd") << QByteArray(
        "type=SYSCALL msg=audit(1700000000.123:42): arch=c000003e syscall=59 success=yes\n")
                            << false;
}

void Tst_WevtXmlReader::detectsExports()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, expected);
    QCOMPARE(WinXmlReader::probe(head), expected);
    QCOMPARE(builtinFormats().detect(head) == LogFormat::WinEventXml, expected);
    if (expected) {
        QCOMPARE(formatName(LogFormat::WinEventXml), QStringLiteral("windows-xml"));
        QVERIFY(dynamic_cast<WinXmlReader *>(builtinFormats().createReader(LogFormat::WinEventXml).get()));
    }
}

namespace {

// Builds the damage rows on the events of one real file.
struct Damage
{
    QByteArray bytes;
    QList<int> lost; // indexes of records that cannot be imported
    QList<qint64> errorPositions;
};

Damage damaged(const QList<QByteArray> &events, const QString &kind)
{
    Damage d;
    const int n = int(events.size());
    for (int i = 0; i < n; ++i) {
        QByteArray e = events.at(i) + "\r\n";
        const qint64 at = d.bytes.size();
        if (kind == QLatin1String("truncated last event") && i == n - 1) {
            e = e.left(e.size() / 2);
            d.lost.append(i);
            d.errorPositions.append(at);
        } else if (kind == QLatin1String("garbage between events") && i == 3) {
            const QByteArray garbage = "garbage \x01\x02 <NotAnEvent a='1'>text</NotAnEvent> <EventData/>\r\n";
            d.errorPositions.append(at);
            d.bytes += garbage;
            d.bytes += e;
            continue;
        } else if (kind == QLatin1String("oversized event") && i == 5) {
            QByteArray big = events.at(i);
            big.replace("</EventData>",
                "<Data Name=\"Padding\">" + QByteArray(WinXmlReader::MaxEventSize, 'A') + "</Data></EventData>");
            d.errorPositions.append(at);
            d.bytes += big + "\r\n";
        } else if (kind == QLatin1String("unclosed element") && i == 2) {
            e.replace("</System>", "");
            d.lost.append(i);
            d.errorPositions.append(at);
        } else if (kind == QLatin1String("unclosed event") && i == 7) {
            e.replace("</Event>", "");
            d.lost.append(i);
            d.errorPositions.append(at);
        } else if (kind == QLatin1String("control character") && i == 4) {
            e.replace("</Computer>", "\x01</Computer>");
            d.lost.append(i);
            d.errorPositions.append(at);
        } else if (kind == QLatin1String("invalid utf-8") && i == 6) {
            e.replace("</Computer>", "\xC3\x28\xFF</Computer>");
            d.lost.append(i);
            d.errorPositions.append(at);
        }
        d.bytes += e;
    }
    return d;
}

} // namespace

void Tst_WevtXmlReader::survivesDamage_data()
{
    QTest::addColumn<QString>("kind");
    for (const char *kind : {"truncated last event", "garbage between events", "oversized event", "unclosed element",
             "unclosed event", "control character", "invalid utf-8"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

// Hostile or damaged exports: the damaged part is reported where it is, every
// intact event around it is still imported exactly as from the .evtx.
void Tst_WevtXmlReader::survivesDamage()
{
    QFETCH(QString, kind);
    const QString evtx = corpusFile(QStringLiteral("sysmon_dll_sideloading_timestomp_runkey.evtx"));
    QString error;
    const QList<QByteArray> exported = exportedEvents(evtx, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<QList<Event>> expected = evtxEventsByRecord(evtx);
    QCOMPARE(exported.size(), expected.size());
    QVERIFY(exported.size() > 10);

    const Damage d = damaged(exported, kind);
    QTemporaryDir dir;
    const QString path = writeTemp(dir, d.bytes);
    QVERIFY(!path.isEmpty());
    MemorySink sink;
    readXml(path, sink);
    QCOMPARE(errorPositions(sink), d.errorPositions);
    QCOMPARE(sink.counts().recordsFailed, qint64(d.errorPositions.size()));
    QCOMPARE(sink.counts().recordsRead, qint64(expected.size() - d.lost.size()));
    const QString diff = compareEvents(flatten(expected, d.lost), eventsOf(sink));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

namespace {

// Raises the cancel flag once a few events have arrived, as the GUI's cancel button would.
class CancellingSink final : public ImportSink
{
public:
    explicit CancellingSink(std::atomic<bool> &cancel)
        : m_cancel(cancel)
    {
    }
    qint64 addRaw(const QByteArray &) override { return raws++; }
    void addEvent(const Event &, qint64) override
    {
        if (++events == 5)
            m_cancel = true;
    }
    qint64 raws = 0;
    int events = 0;

protected:
    void storeError(qint64, const QString &) override { }

private:
    std::atomic<bool> &m_cancel;
};

} // namespace

void Tst_WevtXmlReader::stopsWhenCancelled()
{
    const QString evtx = corpusFile(QStringLiteral("sysmon_atomicredteam_proc_net_image_file.evtx"));
    QString error;
    const QList<QByteArray> exported = exportedEvents(evtx, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(exported.size() > 100);
    QTemporaryDir dir;
    const QString path = writeTemp(dir, build(exported, Shape::Concatenated));
    InputFile input;
    QVERIFY(input.open(path));
    std::atomic<bool> cancel {false};
    CancellingSink sink(cancel);
    WinXmlReader reader;
    ReaderContext context;
    context.cancel = &cancel;
    reader.read(input, context, sink);
    // The record being delivered when the flag went up is finished; nothing after it.
    QVERIFY(cancel);
    QVERIFY(sink.events >= 5);
    QCOMPARE(sink.counts().recordsRead, sink.raws);
    QVERIFY2(sink.raws <= 5, qPrintable(QString::number(sink.raws)));
    QCOMPARE(sink.counts().recordsFailed, 0);
}

QTEST_GUILESS_MAIN(Tst_WevtXmlReader)

#include "tst_wevtxmlreader.moc"
