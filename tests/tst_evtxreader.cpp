#include "binxml.h"
#include "crc32.h"
#include "evtxreader.h"
#include "formats.h"
#include "inputfile.h"
#include "testsupport.h"
#include "windowsscenario.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <QtEndian>
#include <functional>

using namespace Chainscope;
using Chainscope::Test::MemorySink;
using Chainscope::Test::OracleRecord;
using Chainscope::Test::parseEventXml;
using Chainscope::Test::runEvtxexport;
using Chainscope::Test::sameValue;

namespace {

struct Decoded
{
    QList<Evtx::DecodedRecord> records;
    QList<Evtx::DecodedChunk::Error> errors;
    QList<QByteArray> chunks; // per record: its chunk
};

// Decodes a file chunk by chunk with the decoder alone (no normalizer, no case),
// reusing templates across chunks as the reader does.
Decoded decodeFile(const QByteArray &file)
{
    Evtx::TemplateCache templates;
    Decoded out;
    for (const Test::EvtxChunk &c : Test::evtxChunks(file)) {
        Evtx::DecodedChunk chunk = Evtx::decodeChunk(c.bytes, c.fileOffset, nullptr, &templates);
        for (auto &r : chunk.records) {
            out.chunks.append(c.bytes);
            out.records.append(std::move(r));
        }
        out.errors += chunk.errors;
    }
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// One event per record is all these tests need from normalization.
void oneEventPerRecord(const WinEventRecord &record, QList<Event> &out)
{
    Event e;
    e.kind = EventKind::LogMessage;
    e.platform = Platform::Windows;
    e.timeUs = record.timeUs;
    e.host = record.computer;
    e.image = record.provider;
    e.pid = record.eventId;
    out.append(e);
}

struct ReaderRun
{
    MemorySink sink;
    QString error;
};

void readWithReader(const QString &path, ReaderRun &run, int threads)
{
    InputFile input;
    if (!input.open(path)) {
        run.error = input.errorString();
        return;
    }
    EvtxReader reader(&oneEventPerRecord);
    ReaderContext context;
    context.decodeThreads = threads;
    reader.read(input, context, run.sink);
}

// Everything decodeChunk says about a chunk, as text: two decodings are the same
// exactly when these are equal.
QStringList describeChunk(const Evtx::DecodedChunk &chunk)
{
    QStringList lines;
    for (const auto &d : chunk.records) {
        const WinEventRecord &r = d.record;
        lines << QStringLiteral(
            "record @%1 id=%2 t=%3 %4 %5 ev=%6 v=%7 l=%8 t=%9 o=%10 k=%11 %12 %13 pid=%14 tid=%15 %16")
                     .arg(d.fileOffset)
                     .arg(r.recordId)
                     .arg(r.timeUs)
                     .arg(r.provider, r.providerGuid)
                     .arg(r.eventId)
                     .arg(r.version)
                     .arg(r.level)
                     .arg(r.task)
                     .arg(r.opcode)
                     .arg(r.keywords, r.channel, r.computer)
                     .arg(r.processId)
                     .arg(r.threadId)
                     .arg(r.userSid);
        for (const auto &[name, value] : r.data)
            lines << QStringLiteral("  %1=%2").arg(name, value);
    }
    for (const auto &e : chunk.errors)
        lines << QStringLiteral("error @%1 x%2 %3").arg(e.fileOffset).arg(e.count).arg(e.message);
    return lines;
}

QStringList corpusEvtxFiles()
{
    const QDir dir(Test::corpusPath(QStringLiteral("windows")));
    QStringList files = dir.entryList({QStringLiteral("*.evtx")}, QDir::Files, QDir::Name);
    for (QString &f : files)
        f = dir.filePath(f);
    return files;
}

// The file header's checksum after changing its fields.
void resealFileHeader(QByteArray &file)
{
    qToLittleEndian<quint32>(crc32(0, QByteArrayView(file.constData(), 120)), file.data() + 124);
}

using ChunkDecoder = std::function<Evtx::DecodedChunk(const QByteArray &chunk)>;

// Decodes every chunk of the file, then 60 copies of random chunks with a few bits
// flipped where templates and names live (the start of a chunk's records), with both
// decoders. Returns where their records or errors first differ, or an empty string.
QString sameOnEveryChunk(const QString &path, const ChunkDecoder &a, const ChunkDecoder &b, qsizetype *chunkCount)
{
    const QByteArray file = readAll(path);
    QList<QByteArray> chunks;
    for (const Test::EvtxChunk &c : Test::evtxChunks(file))
        chunks.append(c.bytes);
    if (chunkCount)
        *chunkCount = chunks.size();
    if (chunks.isEmpty())
        return QStringLiteral("%1 has no chunks").arg(path);
    const auto compare = [&](const QByteArray &bytes, const QString &what) {
        const QStringList first = describeChunk(a(bytes));
        const QStringList second = describeChunk(b(bytes));
        for (qsizetype i = 0; i < std::max(first.size(), second.size()); ++i) {
            const QString x = first.value(i), y = second.value(i);
            if (x != y)
                return QStringLiteral("%1, line %2:\n first:  %3\n second: %4").arg(what).arg(i).arg(x, y);
        }
        return QString();
    };
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        const QString difference = compare(chunks.at(i), QStringLiteral("chunk %1").arg(i));
        if (!difference.isEmpty())
            return difference;
    }
    QRandomGenerator rng(qHash(path));
    for (int round = 0; round < 60; ++round) {
        const qsizetype c = qsizetype(rng.bounded(quint32(chunks.size())));
        QByteArray damaged = chunks.at(c);
        const int flips = 1 + int(rng.bounded(3));
        for (int f = 0; f < flips; ++f) {
            const qsizetype at = Evtx::ChunkHeaderSize + qsizetype(rng.bounded(4096));
            if (at < damaged.size())
                damaged[at] = char(damaged.at(at) ^ (1 << rng.bounded(8)));
        }
        const QString difference = compare(damaged, QStringLiteral("chunk %1, damaged in round %2").arg(c).arg(round));
        if (!difference.isEmpty())
            return difference;
    }
    return QString();
}

// Binary XML written by hand, for shapes the writer does not make. Positions are
// chunk offsets: names are stored inline and templates are referred to by offset.
class BinXmlBytes
{
public:
    explicit BinXmlBytes(qsizetype base)
        : m_base(base)
    {
    }
    qsizetype pos() const { return m_base + m_bytes.size(); }
    const QByteArray &bytes() const { return m_bytes; }

    void u8(quint8 v) { m_bytes.append(char(v)); }
    void u16(quint16 v)
    {
        u8(quint8(v));
        u8(quint8(v >> 8));
    }
    void u32(quint32 v)
    {
        u16(quint16(v));
        u16(quint16(v >> 16));
    }
    void patch32(qsizetype at, quint32 v) { qToLittleEndian(v, m_bytes.data() + at); }
    void utf16(const QString &s)
    {
        for (QChar c : s)
            u16(c.unicode());
    }
    void fragmentHeader() { m_bytes.append("\x0f\x01\x01\x00", 4); }
    // An inline name: its offset points at the structure that follows.
    void name(const QString &n)
    {
        u32(quint32(pos() + 4));
        u32(0); // next name in the hash chain
        u16(0); // hash
        u16(quint16(n.size()));
        utf16(n);
        u16(0);
    }
    void open(const QString &element, bool attributes)
    {
        u8(attributes ? 0x41 : 0x01);
        u16(0xffff); // dependency id
        u32(0); // data size: readers go by the tokens
        name(element);
        if (attributes)
            u32(0);
    }
    void attributeText(const QString &attribute, const QString &text)
    {
        u8(0x06);
        name(attribute);
        u8(0x05); // value text
        u8(0x01); // string
        u16(quint16(text.size()));
        utf16(text);
    }
    void closeStart() { u8(0x02); }
    void end() { u8(0x04); }
    void substitution(quint16 index, quint8 type)
    {
        u8(0x0d);
        u16(index);
        u8(type);
    }
    // A template instance; `body` writes the definition inline when the template is
    // new (definitionAt < 0), whose offset is returned. `values` writes each value.
    qsizetype instance(qsizetype definitionAt, const std::function<void(BinXmlBytes &)> &body,
        const QList<std::function<void(BinXmlBytes &)>> &values, quint8 type)
    {
        u8(0x0c);
        u8(0x01);
        u32(quint32(definitionAt < 0 ? pos() : definitionAt)); // template id
        const bool inlineDefinition = definitionAt < 0;
        if (inlineDefinition)
            definitionAt = pos() + 4;
        u32(quint32(definitionAt));
        if (inlineDefinition) {
            u32(0); // next template
            m_bytes.append(QByteArray(16, char(0x40 + (definitionAt & 0x3f)))); // GUID
            const qsizetype sizeAt = m_bytes.size();
            u32(0);
            const qsizetype start = m_bytes.size();
            fragmentHeader();
            body(*this);
            u8(0x00); // end of fragment
            patch32(sizeAt, quint32(m_bytes.size() - start));
        }
        u32(quint32(values.size()));
        const qsizetype descriptors = m_bytes.size();
        for (qsizetype i = 0; i < values.size(); ++i)
            u32(0);
        for (qsizetype i = 0; i < values.size(); ++i) {
            const qsizetype start = m_bytes.size();
            values.at(i)(*this);
            patch32(descriptors + 4 * i, quint32(m_bytes.size() - start) | quint32(type) << 16);
        }
        return definitionAt;
    }

private:
    qsizetype m_base;
    QByteArray m_bytes;
};

} // namespace

class Tst_EvtxReader : public QObject
{
    Q_OBJECT

private slots:
    void agreesWithEvtxexport_data();
    void agreesWithEvtxexport();
    void rendersXmlOnDemand_data();
    void rendersXmlOnDemand();
    void recoversDamagedFiles_data();
    void recoversDamagedFiles();
    void zeroHeaderTimeTakesTimeCreated();
    void parallelDecodeEqualsSerial();
    void survivesDamage_data();
    void survivesDamage();
    void survivesRandomCorruption();
    void templateCacheNeverChangesARecord_data();
    void templateCacheNeverChangesARecord();
    void fastPathsNeverChangeARecord_data();
    void fastPathsNeverChangeARecord();
    void templateCacheBoundsLookAlikes();
    void templateUsedTwiceInOneRecord();
    void reportsRecordsTheHeaderPromises_data();
    void reportsRecordsTheHeaderPromises();
    void damagedFileSignatureStillReadsChunks_data();
    void damagedFileSignatureStillReadsChunks();
};

void Tst_EvtxReader::agreesWithEvtxexport_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &f : corpusEvtxFiles())
        QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
}

void Tst_EvtxReader::agreesWithEvtxexport()
{
    QFETCH(QString, path);
    QString error;
    const QList<OracleRecord> oracle = runEvtxexport(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const Decoded ours = decodeFile(readAll(path));
    QHash<quint64, const WinEventRecord *> byId;
    for (const auto &r : ours.records)
        byId.insert(r.record.recordId, &r.record);

    // Every record evtxexport reads, we read, with the same content. (We may read more:
    // recovered records in dirty files; those are checked in recoversDamagedFiles.)
    int compared = 0;
    for (const OracleRecord &o : oracle) {
        const WinEventRecord *m = byId.value(o.recordId);
        QVERIFY2(m, qPrintable(QStringLiteral("record %1 missing").arg(o.recordId)));
        const QString where = QStringLiteral("record %1: ").arg(o.recordId);
        QCOMPARE(m->provider, o.provider);
        QCOMPARE(m->eventId, o.eventId);
        QCOMPARE(m->timeUs, o.timeUs);
        QCOMPARE(m->computer, o.computer);
        QCOMPARE(m->channel, o.channel);
        // The rest of System (read through the plan for most records, the walk for
        // others): evtxexport prints GUIDs in lower case and pads hex to the type.
        QCOMPARE(m->providerGuid.toLower(), o.providerGuid.toLower());
        QCOMPARE(m->version, o.version);
        QCOMPARE(m->level, o.level);
        QCOMPARE(m->task, o.task);
        QCOMPARE(m->opcode, o.opcode);
        QVERIFY2(
            sameValue(m->keywords, o.keywords), qPrintable(where + m->keywords + QStringLiteral(" vs ") + o.keywords));
        QCOMPARE(m->processId, o.processId);
        QCOMPARE(m->threadId, o.threadId);
        QCOMPARE(m->userSid, o.userSid);
        QVERIFY2(m->data.size() == o.data.size(),
            qPrintable(where
                + QStringLiteral("ours: %1\nevtxexport: %2").arg(Test::describe(m->data), Test::describe(o.data))));
        for (qsizetype i = 0; i < o.data.size(); ++i) {
            QCOMPARE(m->data.at(i).first, o.data.at(i).first);
            QVERIFY2(sameValue(m->data.at(i).second, o.data.at(i).second),
                qPrintable(where + o.data.at(i).first
                    + QStringLiteral(": ours \"%1\", evtxexport \"%2\"")
                          .arg(m->data.at(i).second, o.data.at(i).second)));
        }
        ++compared;
    }
    QVERIFY(compared > 0 || oracle.isEmpty());
    // Files evtxexport cannot read at all still give us records.
    QVERIFY(!ours.records.isEmpty());
}

void Tst_EvtxReader::rendersXmlOnDemand_data()
{
    QTest::addColumn<QString>("path");
    for (const char *name : {"sysmon_uacme_imageloads_signed_dns.evtx", "security_4688v0_5156_wfp_connections.evtx",
             "application_msiinstaller_rogue_msi_1040_1042.evtx", "system_windowsupdateclient_services.evtx"})
        QTest::newRow(name) << Test::corpusPath(QStringLiteral("windows/") + QLatin1String(name));
}

void Tst_EvtxReader::rendersXmlOnDemand()
{
    // The raw-record view shows XML rendered from the stored chunk. It must carry the
    // same facts as the fast path (which the differential test ties to evtxexport).
    QFETCH(QString, path);
    const Decoded ours = decodeFile(readAll(path));
    QVERIFY(!ours.records.isEmpty());
    for (qsizetype i = 0; i < ours.records.size(); i += 7) {
        const WinEventRecord &m = ours.records.at(i).record;
        const QString xml = rawRecordText(ours.chunks.at(i), ours.records.at(i).fileOffset);
        QVERIFY2(xml.startsWith(QLatin1String("<Event")), qPrintable(xml.left(200)));
        const auto parsed = parseEventXml(xml);
        QVERIFY2(parsed, qPrintable(xml));
        QCOMPARE(parsed->recordId, m.recordId);
        QCOMPARE(parsed->provider, m.provider);
        QCOMPARE(parsed->eventId, m.eventId);
        QCOMPARE(parsed->timeUs, m.timeUs);
        QCOMPARE(parsed->data.size(), m.data.size());
        for (qsizetype k = 0; k < m.data.size(); ++k) {
            QCOMPARE(parsed->data.at(k).first, m.data.at(k).first);
            QCOMPARE(parsed->data.at(k).second.simplified(), m.data.at(k).second.simplified());
        }
    }
    // An offset where no record starts gives a clear note, not a crash or a wrong record.
    const QString missing = rawRecordText(ours.chunks.at(0), ours.records.at(0).fileOffset + 2);
    QVERIFY2(
        missing.startsWith(QLatin1String("<!--")) && missing.contains(QLatin1String("no record")), qPrintable(missing));
}

void Tst_EvtxReader::recoversDamagedFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("atLeast"); // records the reference Rust parser's tests expect
    QTest::addColumn<bool>("damaged"); // whether damage must be reported
    // Counts from ../shared/corpus/PROVENANCE.md.
    QTest::newRow("bad chunk magic") << "dirty_bad_chunk_magic_appxdeployment.evtx" << 270 << true;
    QTest::newRow("bad checksums (shadow copy)") << "dirty_bad_checksum_rdpcorets_vss.evtx" << 1910 << true;
    QTest::newRow("CAPI2 shadow copy") << "dirty_capi2_shadowcopy_issue65.evtx" << 459 << false;
    QTest::newRow("incomplete SID") << "dirty_incomplete_sid_helloforbusiness.evtx" << 6 << true;
    QTest::newRow("incomplete template") << "dirty_incomplete_template_languagepacksetup.evtx" << 17 << true;
    QTest::newRow("no CRC32") << "dirty_application_no_crc32.evtx" << 17 << false;
    QTest::newRow("invalid header flags") << "dirty_security_invalid_header_flags.evtx" << 126 << false;
    QTest::newRow("zero data size record") << "dirty_system_zero_data_size_record.evtx" << 335 << true;
    QTest::newRow("issue 201 empty Data nodes") << "dirty_issue201_single_record.evtx" << 1 << false;
}

void Tst_EvtxReader::recoversDamagedFiles()
{
    QFETCH(QString, file);
    QFETCH(int, atLeast);
    QFETCH(bool, damaged);
    const QString path = Test::corpusPath(QStringLiteral("windows/") + file);
    QString error;
    const qsizetype oracleCount = runEvtxexport(path, &error).size();
    QVERIFY2(error.isEmpty(), qPrintable(error));

    ReaderRun run;
    readWithReader(path, run, 2);
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    const qint64 read = run.sink.counts().recordsRead;
    QVERIFY2(read >= atLeast, qPrintable(QStringLiteral("%1 records, expected at least %2").arg(read).arg(atLeast)));
    QVERIFY2(read >= oracleCount, qPrintable(QStringLiteral("%1 records, evtxexport %2").arg(read).arg(oracleCount)));
    QCOMPARE(qint64(run.sink.events.size()), read);
    // Each record is imported once.
    QSet<qint64> ids;
    for (const auto &s : std::as_const(run.sink.events))
        ids.insert(s.event.recordPos);
    QCOMPARE(qint64(ids.size()), read);
    QCOMPARE(!run.sink.errors.isEmpty(), damaged);
    for (const auto &e : std::as_const(run.sink.errors))
        QVERIFY2(e.pos >= 0 && !e.message.isEmpty(), qPrintable(e.message));
}

void Tst_EvtxReader::zeroHeaderTimeTakesTimeCreated()
{
    // The corpus notes one record whose record-header time is zero (1601) while its
    // XML TimeCreated is valid: the event's time must be TimeCreated.
    const QByteArray file
        = readAll(Test::corpusPath(QStringLiteral("windows/sysmon_uacme_imageloads_signed_dns.evtx")));
    const Decoded ours = decodeFile(file);
    int zeroHeaders = 0;
    for (qsizetype i = 0; i < ours.records.size(); ++i) {
        const qint64 off = ours.records.at(i).fileOffset;
        const quint64 written = qFromLittleEndian<quint64>(file.constData() + off + 16);
        if (written != 0)
            continue;
        ++zeroHeaders;
        const qint64 t = ours.records.at(i).record.timeUs;
        QVERIFY2(t > QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() * 1000,
            qPrintable(formatTimeUs(t)));
    }
    QCOMPARE(zeroHeaders, 1);
}

void Tst_EvtxReader::parallelDecodeEqualsSerial()
{
    const QString path = Test::corpusPath(QStringLiteral("windows/system_windowsupdateclient_services.evtx"));
    ReaderRun serial, parallel;
    readWithReader(path, serial, 1);
    readWithReader(path, parallel, 4);
    QCOMPARE(parallel.sink.events.size(), serial.sink.events.size());
    QVERIFY(serial.sink.events.size() > 1000);
    for (qsizetype i = 0; i < serial.sink.events.size(); ++i) {
        QCOMPARE(parallel.sink.events.at(i).event.recordPos, serial.sink.events.at(i).event.recordPos);
        QCOMPARE(parallel.sink.events.at(i).event.timeUs, serial.sink.events.at(i).event.timeUs);
    }
    // One raw record (the chunk) per chunk that held records, shared by its events.
    QCOMPARE(parallel.sink.raws.size(), serial.sink.raws.size());
    QVERIFY(serial.sink.raws.size() < serial.sink.events.size() / 50);
}

void Tst_EvtxReader::survivesDamage_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<int>("minLost"); // records that may be lost at least…
    QTest::addColumn<int>("maxLost"); // …and at most
    QTest::newRow("file header checksum") << "header-crc" << 0 << 0;
    QTest::newRow("file header signature") << "header-magic" << 0 << 0;
    QTest::newRow("one chunk signature") << "chunk-magic" << 1 << 200;
    QTest::newRow("chunk header checksum") << "chunk-header-crc" << 0 << 0;
    QTest::newRow("one record's binary XML") << "record-body" << 1 << 1;
    QTest::newRow("one record's size") << "record-size" << 1 << 1;
    QTest::newRow("file cut inside a chunk") << "truncate" << -1 << -1; // exactly the records past the cut
}

void Tst_EvtxReader::survivesDamage()
{
    QFETCH(QString, damage);
    QFETCH(int, minLost);
    QFETCH(int, maxLost);
    const QString source = Test::corpusPath(QStringLiteral("windows/system_windowsupdateclient_services.evtx"));
    QByteArray file = readAll(source);
    const QByteArray original = file;
    const Decoded clean = decodeFile(file);
    QVERIFY(clean.records.size() > 1000);
    QVERIFY(clean.errors.isEmpty());

    // Second chunk, its tenth record.
    const qint64 chunk2 = Evtx::FileHeaderSize + Evtx::ChunkSize;
    const qint64 record = clean.records.at(clean.records.size() / 10).fileOffset;
    if (damage == QLatin1String("header-crc"))
        file[124] = char(file[124] ^ 0x5a);
    else if (damage == QLatin1String("header-magic"))
        file[0] = 'X';
    else if (damage == QLatin1String("chunk-magic"))
        file[chunk2] = 'X';
    else if (damage == QLatin1String("chunk-header-crc"))
        file[chunk2 + 124] = char(file[chunk2 + 124] ^ 0x5a);
    else if (damage == QLatin1String("record-body"))
        std::memset(file.data() + record + 24, 0x7f, 64);
    else if (damage == QLatin1String("record-size"))
        file[record + 5] = char(file[record + 5] ^ 0x40);
    else if (damage == QLatin1String("truncate"))
        file.truncate(chunk2 + 40000);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("damaged.evtx"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(file);
    out.close();

    ReaderRun run;
    readWithReader(path, run, 2);
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    const qint64 lost = clean.records.size() - run.sink.events.size();
    if (damage == QLatin1String("truncate")) {
        // Records wholly before the cut survive; the one cut through and all after are gone.
        const qint64 cut = chunk2 + 40000;
        minLost = maxLost = int(std::count_if(clean.records.cbegin(), clean.records.cend(), [&](const auto &r) {
            return r.fileOffset + qFromLittleEndian<quint32>(original.constData() + r.fileOffset + 4) > cut;
        }));
    }
    QVERIFY2(lost >= minLost && lost <= maxLost, qPrintable(QStringLiteral("lost %1 records").arg(lost)));
    QVERIFY2(!run.sink.errors.isEmpty(), "damage must be reported");
    // Every record that was imported is one of the originals, unchanged.
    QHash<qint64, qint64> cleanTimes;
    for (const auto &r : clean.records)
        cleanTimes.insert(r.fileOffset, r.record.timeUs);
    for (const auto &s : std::as_const(run.sink.events)) {
        QVERIFY(cleanTimes.contains(s.event.recordPos));
        QCOMPARE(s.event.timeUs, cleanTimes.value(s.event.recordPos));
    }
}

void Tst_EvtxReader::survivesRandomCorruption()
{
    // A short deterministic smoke run of what the libFuzzer harness does at length:
    // random byte damage anywhere in a real chunk must never crash or hang the decoder
    // (run under ASan/UBSan in CI) and never lose records outside the damaged chunk.
    const QByteArray file
        = readAll(Test::corpusPath(QStringLiteral("windows/sysmon_uacme_imageloads_signed_dns.evtx")));
    const QByteArray chunk = file.mid(Evtx::FileHeaderSize, Evtx::ChunkSize);
    const qsizetype cleanCount = Evtx::decodeChunk(chunk, 0).records.size();
    QVERIFY(cleanCount > 20);
    QRandomGenerator rng(20261128);
    qint64 decoded = 0;
    for (int round = 0; round < 300; ++round) {
        QByteArray damaged = chunk;
        const int flips = 1 + int(rng.bounded(40));
        for (int i = 0; i < flips; ++i)
            damaged[qsizetype(rng.bounded(quint32(damaged.size())))] = char(rng.bounded(256));
        const Evtx::DecodedChunk out = Evtx::decodeChunk(damaged, 0);
        decoded += out.records.size();
        for (const auto &r : out.records) {
            if (!r.record.data.isEmpty())
                (void)Evtx::renderRecordXml(damaged, r.record.recordId);
        }
    }
    // Most records survive a few flipped bytes.
    QVERIFY(decoded > 300 * cleanCount / 2);
}

void Tst_EvtxReader::templateCacheNeverChangesARecord_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &f : corpusEvtxFiles())
        QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
}

void Tst_EvtxReader::templateCacheNeverChangesARecord()
{
    // Differential: every chunk of the file, then damaged copies of it, decoded with a
    // cache that has seen all the chunks before must give exactly what a fresh parse
    // gives. Damage lands where templates and the names they refer to live (the start
    // of a chunk's records), so cached templates meet changed names, changed bodies
    // and moved definitions.
    QFETCH(QString, path);
    Evtx::TemplateCache cache;
    qsizetype reused = 0;
    qsizetype chunkCount = 0;
    const QString difference = sameOnEveryChunk(
        path, [](const QByteArray &bytes) { return Evtx::decodeChunk(bytes, 0); },
        [&](const QByteArray &bytes) {
            const qsizetype before = cache.size();
            Evtx::DecodedChunk decoded = Evtx::decodeChunk(bytes, 0, nullptr, &cache);
            if (cache.size() == before)
                ++reused; // nothing new was parsed: every template came from the cache
            return decoded;
        },
        &chunkCount);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    // Chunks 2.. of a file repeat the templates of chunk 1: the cache must have served
    // some of them whole, or this test would not be testing it.
    if (chunkCount > 2)
        QVERIFY2(reused > 0, qPrintable(QStringLiteral("%1 chunks, no reuse").arg(chunkCount)));
}

void Tst_EvtxReader::fastPathsNeverChangeARecord_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &f : corpusEvtxFiles())
        QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
    // Our own writer's files: Sysmon records whose values change and repeat from one
    // record to the next, as the memo of repeated values meets them.
    QTest::newRow("scenario sysmon") << QStringLiteral("scenario");
}

void Tst_EvtxReader::fastPathsNeverChangeARecord()
{
    // Differential: the plans for System and EventData, the memo that shares a value's
    // text with the previous record, and the fields that borrow those texts must give
    // exactly the records the plain walk gives (every element visited, every value
    // converted afresh), on every chunk and on damaged copies. Records are compared
    // after the whole chunk is decoded, so a field still pointing at a text that a later
    // record changed would show.
    QFETCH(QString, path);
    QStringList files = {path};
    QTemporaryDir dir;
    if (path == QLatin1String("scenario")) {
        QVERIFY(dir.isValid());
        WindowsScenarioOptions options;
        options.noiseEvents = 3000;
        const WindowsScenarioFiles written = writeWindowsScenario(dir.path(), buildWindowsScenario(options));
        QVERIFY2(written.error.isEmpty(), qPrintable(written.error));
        files = written.files;
    }
    for (const QString &file : files) {
        const QString difference = sameOnEveryChunk(
            file,
            [](const QByteArray &bytes) {
                return Evtx::decodeChunk(bytes, 0, nullptr, nullptr, Evtx::ChunkParser::Walk::Plain);
            },
            [](const QByteArray &bytes) { return Evtx::decodeChunk(bytes, 0); }, nullptr);
        QVERIFY2(difference.isEmpty(), qPrintable(QFileInfo(file).fileName() + QStringLiteral(": ") + difference));
    }
}

void Tst_EvtxReader::templateCacheBoundsLookAlikes()
{
    // Definitions are filed by GUID and size. Twenty that share both and differ only at
    // their end: each lookup finds its own document or none, and only the newest
    // MaxPerKey stay, so a file of look-alikes cannot make lookups compare without end.
    Evtx::TemplateCache cache;
    const QByteArray chunk(Evtx::ChunkSize, '\0');
    QList<QByteArray> definitions;
    QList<std::shared_ptr<Evtx::Document>> documents;
    for (int i = 0; i < 20; ++i) {
        QByteArray definition(16, 'G'); // the GUID
        definition += QByteArray("\x40\0\0\0", 4); // body size 64
        definition += QByteArray(63, 'b');
        definition += char(i);
        definitions.append(definition);
        documents.append(std::make_shared<Evtx::Document>());
        cache.insert({600, definition, {}, documents.last()});
    }
    QCOMPARE(cache.size(), Evtx::TemplateCache::MaxPerKey);
    for (int i = 0; i < 20; ++i) {
        const auto found = cache.find(chunk, 600, definitions.at(i));
        if (i < 20 - Evtx::TemplateCache::MaxPerKey)
            QVERIFY2(!found, qPrintable(QString::number(i)));
        else
            QVERIFY2(found == documents.at(i), qPrintable(QString::number(i)));
    }
    // The same GUID and size with a body never inserted: no document.
    QByteArray other = definitions.last();
    other[30] = 'x';
    QVERIFY(!cache.find(chunk, 600, other));
}

void Tst_EvtxReader::templateUsedTwiceInOneRecord()
{
    // Records whose Event holds two payloads of the same EventData template: the first
    // payload's fields borrow the template's memo, so the second must not reuse it. In
    // record 1 it would overwrite the first payload's values, in record 2 (one value
    // more) it would also move the memo under them. Windows does not write this; a
    // damaged or crafted file can.
    QByteArray chunk(Evtx::ChunkSize, '\0');
    std::memcpy(chunk.data(), "ElfChnk\0", 8);
    const auto text = [](const QString &s) {
        return [s](BinXmlBytes &b) {
            b.utf16(s);
        };
    };
    const auto eventData = [](BinXmlBytes &b) {
        b.open(QStringLiteral("EventData"), false);
        b.closeStart();
        for (quint16 i = 0; i < 2; ++i) {
            b.open(QStringLiteral("Data"), true);
            b.attributeText(QStringLiteral("Name"), i == 0 ? QStringLiteral("x") : QStringLiteral("y"));
            b.closeStart();
            b.substitution(i, 0x01);
            b.end();
        }
        b.end();
    };
    const auto event = [](BinXmlBytes &b) {
        b.open(QStringLiteral("Event"), false);
        b.closeStart();
        b.substitution(0, 0x21);
        b.substitution(1, 0x21);
        b.end();
    };
    qsizetype pos = Evtx::ChunkHeaderSize;
    qsizetype eventTemplate = -1, dataTemplate = -1;
    const QList<QStringList> records
        = {QStringLiteral("aa bb cc dd").split(u' '), QStringLiteral("ee ff gg hh ii").split(u' ')};
    for (qsizetype r = 0; r < records.size(); ++r) {
        const QStringList &v = records.at(r);
        BinXmlBytes b(pos + 24);
        b.fragmentHeader();
        const auto payload = [&](const QStringList &values) {
            return [&, values](BinXmlBytes &p) {
                p.fragmentHeader();
                QList<std::function<void(BinXmlBytes &)>> items;
                for (const QString &s : values)
                    items.append(text(s));
                dataTemplate = p.instance(dataTemplate, eventData, items, 0x01);
            };
        };
        eventTemplate = b.instance(eventTemplate, event, {payload(v.mid(0, 2)), payload(v.mid(2))}, 0x21);
        const quint32 size = quint32(24 + b.bytes().size() + 4);
        char *p = chunk.data() + pos;
        std::memcpy(p, "**\0\0", 4);
        qToLittleEndian<quint32>(size, p + 4);
        qToLittleEndian<quint64>(quint64(r + 1), p + 8);
        qToLittleEndian<quint64>(133000000000000000ull, p + 16);
        std::memcpy(p + 24, b.bytes().constData(), size_t(b.bytes().size()));
        qToLittleEndian<quint32>(size, p + size - 4);
        pos += size;
    }
    qToLittleEndian<quint64>(1, chunk.data() + 8); // first and last record numbers and ids
    qToLittleEndian<quint64>(2, chunk.data() + 16);
    qToLittleEndian<quint64>(1, chunk.data() + 24);
    qToLittleEndian<quint64>(2, chunk.data() + 32);
    qToLittleEndian<quint32>(128, chunk.data() + 40);
    qToLittleEndian<quint32>(quint32(pos), chunk.data() + 48); // free space; checksums 0: none

    const QStringList plain
        = describeChunk(Evtx::decodeChunk(chunk, 0, nullptr, nullptr, Evtx::ChunkParser::Walk::Plain));
    const QStringList fast = describeChunk(Evtx::decodeChunk(chunk, 0));
    // The walk that converts every value afresh reads what was written.
    const QStringList expected
        = {QStringLiteral("  x=aa"), QStringLiteral("  y=bb"), QStringLiteral("  x=cc"), QStringLiteral("  y=dd"),
            QStringLiteral("  x=ee"), QStringLiteral("  y=ff"), QStringLiteral("  x=gg"), QStringLiteral("  y=hh")};
    QStringList plainFields;
    for (const QString &line : plain) {
        QVERIFY2(!line.startsWith(QLatin1String("error")), qPrintable(line));
        if (line.startsWith(QLatin1String("  ")))
            plainFields << line;
    }
    QCOMPARE(plainFields, expected);
    QCOMPARE(fast, plain);
}

// Issue 11, finding 3: a file cut at a chunk boundary or whose chunks were zeroed
// reads without one damaged record. Only the header's next record id tells that
// records are missing; they must be counted, named by range, and the import flagged.
void Tst_EvtxReader::reportsRecordsTheHeaderPromises_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<int>("chunksLost"); // for "cut": whole chunks cut off the end
    QTest::newRow("intact") << "none" << 0;
    QTest::newRow("cut exactly after the last chunk (bound: intact)") << "cut" << 0;
    QTest::newRow("cut one chunk short") << "cut" << 1;
    QTest::newRow("cut two chunks short") << "cut" << 2;
    QTest::newRow("only the first chunk left") << "first-only" << 0;
    QTest::newRow("header only") << "header-only" << 0;
    QTest::newRow("header followed by zeros") << "zeros" << 0;
    QTest::newRow("one zeroed block appended (unused space, intact)") << "append-zeros" << 0;
    QTest::newRow("dirty header lagging behind its chunks") << "stale-header" << 0;
    // A header without a checksum (zero) vouches for nothing: it is read, but its
    // promise of more records is no evidence of loss.
    QTest::newRow("cut, header without a checksum") << "cut-unsealed" << 1;
}

void Tst_EvtxReader::reportsRecordsTheHeaderPromises()
{
    QFETCH(QString, damage);
    QFETCH(int, chunksLost);
    const QByteArray original = Test::generatedEvtx(1200);
    QVERIFY(!original.isEmpty());
    const qsizetype chunks = (original.size() - Evtx::FileHeaderSize) / Evtx::ChunkSize;
    QVERIFY2(chunks >= 4, qPrintable(QString::number(chunks)));
    const Decoded clean = decodeFile(original);
    QVERIFY(clean.errors.isEmpty());
    const qint64 total = clean.records.size();
    QCOMPARE(qFromLittleEndian<quint64>(original.constData() + 24), quint64(total + 1)); // next record id

    QByteArray file = original;
    if (damage == QLatin1String("cut"))
        file.truncate(Evtx::FileHeaderSize + (chunks - chunksLost) * Evtx::ChunkSize);
    else if (damage == QLatin1String("first-only"))
        file.truncate(Evtx::FileHeaderSize + Evtx::ChunkSize);
    else if (damage == QLatin1String("header-only"))
        file.truncate(Evtx::FileHeaderSize);
    else if (damage == QLatin1String("zeros"))
        file = file.left(Evtx::FileHeaderSize) + QByteArray((chunks + 16) * Evtx::ChunkSize, '\0');
    else if (damage == QLatin1String("append-zeros"))
        file += QByteArray(Evtx::ChunkSize, '\0');
    else if (damage == QLatin1String("cut-unsealed")) {
        file.truncate(Evtx::FileHeaderSize + (chunks - chunksLost) * Evtx::ChunkSize);
        qToLittleEndian<quint32>(0, file.data() + 124);
    } else if (damage == QLatin1String("stale-header")) {
        // Windows updates the header lazily while a log is open (flagged dirty): it
        // may promise fewer records than the chunks hold, never a shortfall.
        qToLittleEndian<quint64>(quint64(total / 2), file.data() + 24);
        qToLittleEndian<quint16>(1, file.data() + 42);
        qToLittleEndian<quint32>(Evtx::FileFlagDirty, file.data() + 120);
        resealFileHeader(file);
    }

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("damaged.evtx"));
    {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(file);
    }
    // What the damaged file still holds, decoded chunk by chunk: the rest is missing.
    const qint64 kept = decodeFile(file).records.size();
    const qint64 missing = damage == QLatin1String("cut-unsealed") ? 0 : total - kept;

    ReaderRun run;
    readWithReader(path, run, 2);
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    QCOMPARE(run.sink.counts().recordsRead, kept);
    QCOMPARE(qint64(run.sink.events.size()), kept);
    QCOMPARE(run.sink.counts().recordsFailed, missing);
    if (missing == 0) {
        QVERIFY2(run.sink.errors.isEmpty(),
            qPrintable(run.sink.errors.isEmpty() ? QString() : run.sink.errors.first().message));
        QVERIFY(run.sink.missingRecords().isEmpty());
        return;
    }
    // One message for the whole range, and the import told that the file is short.
    QCOMPARE(run.sink.errors.size(), 1);
    const QString expected = missing == 1 ? QStringLiteral("record %1 ").arg(total)
                                          : QStringLiteral("records %1-%2 ").arg(kept + 1).arg(total);
    QVERIFY2(run.sink.errors.first().message.startsWith(expected), qPrintable(run.sink.errors.first().message));
    QVERIFY(run.sink.errors.first().message.contains(QLatin1String("promised by the file header")));
    QCOMPARE(run.sink.missingRecords(), run.sink.errors.first().message);
}

// Issue 11, finding 4: one flipped bit in "ElfFile\0" made the whole log "not a log
// format". The chunks carry their own signatures: the file is EVTX, read chunk by
// chunk, and the damaged header is one error.
void Tst_EvtxReader::damagedFileSignatureStillReadsChunks_data()
{
    QTest::addColumn<int>("byte");
    QTest::addColumn<int>("bit");
    QTest::newRow("first byte, lowest bit") << 0 << 0;
    QTest::newRow("fourth byte, a middle bit") << 3 << 4;
    QTest::newRow("the terminating zero, highest bit") << 7 << 7;
}

void Tst_EvtxReader::damagedFileSignatureStillReadsChunks()
{
    QFETCH(int, byte);
    QFETCH(int, bit);
    const QByteArray original = Test::generatedEvtx(600);
    QVERIFY(!original.isEmpty());
    const qint64 total = decodeFile(original).records.size();
    QCOMPARE(builtinFormats().detect(original), LogFormat::Evtx);

    QByteArray file = original;
    file[byte] = char(file.at(byte) ^ (1 << bit));
    QCOMPARE(builtinFormats().detect(file.left(64 * 1024)), LogFormat::Evtx);
    // The chunk signature is what makes it EVTX: without it, it is no log at all.
    QByteArray noChunk = file;
    noChunk[Evtx::FileHeaderSize] = 'X';
    QCOMPARE(builtinFormats().detect(noChunk.left(64 * 1024)), LogFormat::Unknown);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("flipped.evtx"));
    {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(file);
    }
    ReaderRun run;
    readWithReader(path, run, 2);
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    QCOMPARE(run.sink.counts().recordsRead, total);
    QCOMPARE(run.sink.counts().recordsFailed, 1);
    QCOMPARE(run.sink.errors.size(), 1);
    QVERIFY2(run.sink.errors.first().message.contains(QLatin1String("signature")),
        qPrintable(run.sink.errors.first().message));
}

QTEST_GUILESS_MAIN(Tst_EvtxReader)
#include "tst_evtxreader.moc"
