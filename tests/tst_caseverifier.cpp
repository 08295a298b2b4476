// Chain of custody inside the case (issue 11, finding 13): each check of `verify` has a
// test whose damage only that check can notice, made at test time on a fresh case.

#include "caseindex.h"
#include "casestore.h"
#include "caseverifier.h"
#include "collection.h"
#include "formats.h"
#include "importer.h"
#include "rawcodec.h"
#include "report.h"
#include "sha256.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace Chainscope;

namespace {

constexpr int LogLines = 20;

// A dpkg log written at test time: one raw record and one event per line, distinct times.
QByteArray dpkgLog()
{
    QByteArray log;
    for (int i = 0; i < LogLines; ++i)
        log += QStringLiteral("2024-01-02 03:%1:00 status installed pkg%2:amd64 1.%2\n")
                   .arg(i, 2, 10, QLatin1Char('0'))
                   .arg(i)
                   .toLatin1();
    return log;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

// Changes one byte of a file in place, as a bad disk or a careless tool would.
bool flipByte(const QString &path, qint64 offset)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(offset))
        return false;
    char c = 0;
    if (f.read(&c, 1) != 1 || !f.seek(offset))
        return false;
    c = char(c ^ 0x01);
    return f.write(&c, 1) == 1;
}

qint64 scalar(CaseStore &store, const char *sql)
{
    Statement st(store.database(), sql);
    return st.step() ? st.int64(0) : -1;
}

QList<qint64> eventsOfRaw(CaseStore &store, qint64 rawId)
{
    QList<qint64> ids;
    Statement st(store.database(), "SELECT id FROM events WHERE raw_id = ? ORDER BY id");
    st.bind(1, rawId);
    while (st.step())
        ids.append(st.int64(0));
    return ids;
}

} // namespace

class Tst_caseverifier : public QObject
{
    Q_OBJECT
private slots:
    void rawHashIsOfTheBytesAsRead_data();
    void rawHashIsOfTheBytesAsRead();
    void intactCaseIsIntact();
    void changedRawRecordIsReportedWithItsEvents_data();
    void changedRawRecordIsReportedWithItsEvents();
    void changedCompressedRecordIsReported_data();
    void changedCompressedRecordIsReported();
    void changedSourceFileIsReported_data();
    void changedSourceFileIsReported();
    void damagedIndexPageIsFoundByIntegrityCheck();
    void movedSourceIsMissingNotMismatch();
    void recordsBeforeHashingAreNeverCalledIntact_data();
    void recordsBeforeHashingAreNeverCalledIntact();
    void reportSaysWhenTheCaseWasLastVerified();
    void archiveMemberIsCheckedThroughItsArchive();

private:
    // A new case holding one imported dpkg log; the log's path through `logPath`.
    std::unique_ptr<CaseStore> importedCase(QString *logPath);
    QTemporaryDir m_dir;
    int m_serial = 0;
};

std::unique_ptr<CaseStore> Tst_caseverifier::importedCase(QString *logPath)
{
    const int n = ++m_serial;
    *logPath = m_dir.filePath(QStringLiteral("dpkg%1.log").arg(n));
    if (!writeFile(*logPath, dpkgLog()))
        return nullptr;
    auto store = CaseStore::create(m_dir.filePath(QStringLiteral("case%1.chainscope").arg(n)));
    const ImportResult r = importFile(*store, builtinFormats(), *logPath, {});
    if (r.status != ImportResult::Status::Complete || r.counts.eventsStored != LogLines) {
        qWarning() << "import failed:" << r.error << r.counts.eventsStored;
        return nullptr;
    }
    return store;
}

void Tst_caseverifier::rawHashIsOfTheBytesAsRead_data()
{
    QTest::addColumn<bool>("compressed");
    QTest::newRow("as read") << false;
    QTest::newRow("zstd") << true;
}

// The stored hash is that of the bytes before compression, checked with another
// implementation (Qt's) than the one that made it (libcrypto).
void Tst_caseverifier::rawHashIsOfTheBytesAsRead()
{
    QFETCH(bool, compressed);
    auto store = CaseStore::create(m_dir.filePath(QStringLiteral("hash%1.chainscope").arg(++m_serial)));
    QByteArray bytes;
    for (int i = 0; i < 4000; ++i)
        bytes += "record " + QByteArray::number(i) + '\n';
    const qint64 sid = store->beginSource({});
    {
        EventWriter writer(*store, sid);
        if (compressed)
            writer.addCompressedRaw(RawCodec::compress(bytes), Sha256::hash(bytes));
        else
            writer.addRaw(bytes);
        writer.finish({});
    }
    Statement st(store->database(), "SELECT sha256, encoding FROM raw_records");
    QVERIFY(st.step());
    QCOMPARE(st.blob(0), QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
    QCOMPARE(st.isNull(1), !compressed);
}

void Tst_caseverifier::intactCaseIsIntact()
{
    QString log;
    auto store = importedCase(&log);
    QVERIFY(store);
    const VerificationResult r = verifyCase(*store);
    QVERIFY2(r.pageProblems.isEmpty(), qPrintable(r.pageProblems.join(u'\n')));
    QVERIFY(r.pageCheckError.isEmpty() && r.rawCheckError.isEmpty() && r.sourceCheckError.isEmpty());
    QCOMPARE(r.rawIntact, scalar(*store, "SELECT count(*) FROM raw_records"));
    QCOMPARE(r.rawIntact, LogLines);
    QCOMPARE(r.rawUnhashed, 0);
    QVERIFY(r.rawDamaged.isEmpty());
    QCOMPARE(r.sources.size(), 1);
    QCOMPARE(r.sources.first().state, SourceState::Intact);
    QCOMPARE(r.outcome(), VerificationOutcome::Intact);
    QVERIFY(r.recordError.isEmpty());
    const auto stamp = lastVerification(*store);
    QVERIFY(stamp);
    QCOMPARE(stamp->outcome, VerificationOutcome::Intact);
}

void Tst_caseverifier::changedRawRecordIsReportedWithItsEvents_data()
{
    QTest::addColumn<int>("record"); // which raw record, by position
    QTest::addColumn<int>("byte"); // which byte of it; -1: the last
    QTest::newRow("first record, first byte") << 0 << 0;
    QTest::newRow("middle record, middle byte") << LogLines / 2 << 10;
    QTest::newRow("last record, last byte") << LogLines - 1 << -1;
}

// (a) A byte of a stored record changed through SQL: the pages stay consistent, so only
// the raw hash can notice. It names the record and the events made from it.
void Tst_caseverifier::changedRawRecordIsReportedWithItsEvents()
{
    QFETCH(int, record);
    QFETCH(int, byte);
    QString log;
    auto store = importedCase(&log);
    QVERIFY(store);
    Statement pick(store->database(), "SELECT id, data FROM raw_records ORDER BY id LIMIT 1 OFFSET ?");
    pick.bind(1, record);
    QVERIFY(pick.step());
    const qint64 rawId = pick.int64(0);
    QByteArray data = pick.blob(1);
    pick.reset();
    const qsizetype at = byte < 0 ? data.size() - 1 : byte;
    data[at] = char(data.at(at) ^ 0x20);
    Statement damage(store->database(), "UPDATE raw_records SET data = ? WHERE id = ?");
    damage.bindBlob(1, data).bind(2, rawId).exec();

    const VerificationResult r = verifyCase(*store);
    QVERIFY2(r.pageProblems.isEmpty(), qPrintable(r.pageProblems.join(u'\n')));
    QCOMPARE(r.rawDamaged.size(), 1);
    const DamagedRawRecord &d = r.rawDamaged.first();
    QCOMPARE(d.id, rawId);
    QCOMPARE(d.problem, RawProblem::Mismatch);
    const QList<qint64> events = eventsOfRaw(*store, rawId);
    QVERIFY(!events.isEmpty());
    QCOMPARE(d.eventIds, events);
    QCOMPARE(r.rawIntact, LogLines - 1);
    QCOMPARE(r.sources.first().state, SourceState::Intact);
    QCOMPARE(r.outcome(), VerificationOutcome::Differs);
    QCOMPARE(lastVerification(*store)->outcome, VerificationOutcome::Differs);
}

void Tst_caseverifier::changedCompressedRecordIsReported_data()
{
    QTest::addColumn<bool>("validFrame");
    QTest::addColumn<int>("problem");
    // A byte of the frame changed: zstd's own checksum (or its header) refuses it.
    QTest::newRow("byte of the frame") << false << int(RawProblem::Undecodable);
    // A well-formed frame of other bytes, as a tool rewriting the case would store:
    // zstd is content, only the hash from import can tell.
    QTest::newRow("other bytes, valid frame") << true << int(RawProblem::Mismatch);
}

void Tst_caseverifier::changedCompressedRecordIsReported()
{
    QFETCH(bool, validFrame);
    QFETCH(int, problem);
    auto store = CaseStore::create(m_dir.filePath(QStringLiteral("zstd%1.chainscope").arg(++m_serial)));
    const QByteArray chunk = QByteArray("ElfChnk").repeated(2000);
    const qint64 sid = store->beginSource({});
    QList<qint64> eventIds;
    qint64 rawId = -1;
    {
        EventWriter writer(*store, sid);
        rawId = writer.addCompressedRaw(RawCodec::compress(chunk), Sha256::hash(chunk));
        Event e;
        e.platform = Platform::Windows;
        e.kind = EventKind::ProcessStart;
        for (int i = 0; i < 3; ++i) {
            e.timeUs = 1000 + i;
            eventIds.append(writer.add(e, rawId));
        }
        writer.finish({});
    }
    QByteArray frame;
    if (validFrame) {
        QByteArray other = chunk;
        other[100] = 'X';
        frame = RawCodec::compress(other);
    } else {
        Statement st(store->database(), "SELECT data FROM raw_records");
        QVERIFY(st.step());
        frame = st.blob(0);
        frame[frame.size() / 2] = char(frame.at(frame.size() / 2) ^ 0x01);
    }
    Statement damage(store->database(), "UPDATE raw_records SET data = ?");
    damage.bindBlob(1, frame).exec();

    const VerificationResult r = verifyCase(*store);
    QVERIFY(r.pageProblems.isEmpty());
    QCOMPARE(r.rawDamaged.size(), 1);
    QCOMPARE(r.rawDamaged.first().id, rawId);
    QCOMPARE(int(r.rawDamaged.first().problem), problem);
    QCOMPARE(r.rawDamaged.first().eventIds, eventIds);
    QCOMPARE(r.outcome(), VerificationOutcome::Differs);
}

void Tst_caseverifier::changedSourceFileIsReported_data()
{
    QTest::addColumn<int>("byte"); // -1: the last
    QTest::newRow("first byte") << 0;
    QTest::newRow("last byte") << -1;
}

// (b) The evidence file changed on disk after import: only its re-hash can notice (the
// case itself is untouched).
void Tst_caseverifier::changedSourceFileIsReported()
{
    QFETCH(int, byte);
    QString log;
    auto store = importedCase(&log);
    QVERIFY(store);
    const qint64 at = byte < 0 ? QFileInfo(log).size() - 1 : byte;
    QVERIFY(flipByte(log, at));

    const VerificationResult r = verifyCase(*store);
    QVERIFY(r.pageProblems.isEmpty());
    QVERIFY(r.rawDamaged.isEmpty());
    QCOMPARE(r.rawIntact, LogLines);
    QCOMPARE(r.sources.size(), 1);
    const SourceVerification &s = r.sources.first();
    QCOMPARE(s.state, SourceState::Mismatch);
    QCOMPARE(s.path, QFileInfo(log).absoluteFilePath());
    QCOMPARE(s.recordedSha256, store->sources().first().sha256);
    QFile f(log);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(s.actualSha256.toLatin1(), QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
    QCOMPARE(r.outcome(), VerificationOutcome::Differs);
}

// (c) One byte of an index page changed at the byte level, under SQLite: the table rows
// and every raw record are intact, the source untouched; only integrity_check sees the
// index no longer matches its table (quick_check would not: it skips index content).
void Tst_caseverifier::damagedIndexPageIsFoundByIntegrityCheck()
{
    QString log;
    auto store = importedCase(&log);
    QVERIFY(store);
    const QString casePath = store->path();
    const qint64 pageSize = scalar(*store, "PRAGMA page_size");
    const qint64 root = scalar(*store, "SELECT rootpage FROM sqlite_schema WHERE name = 'events_by_time'");
    QVERIFY(root > 1);
    store.reset(); // the last connection checkpoints the WAL into the file
    QVERIFY(!QFileInfo(casePath + QStringLiteral("-wal")).exists()
        || QFileInfo(casePath + QStringLiteral("-wal")).size() == 0);

    QFile f(casePath);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 base = (root - 1) * pageSize;
    QVERIFY(f.seek(base));
    const QByteArray page = f.read(pageSize);
    QCOMPARE(page.size(), pageSize);
    // 20 entries fit one page: the root is a leaf index page (type 10).
    QCOMPARE(int(quint8(page.at(0))), 0x0a);
    const auto u16 = [&](qsizetype at) {
        return qFromBigEndian<quint16>(page.constData() + at);
    };
    QVERIFY(u16(3) == LogLines);
    const qsizetype cell = u16(8); // the first cell: varint payload size, then the payload
    QVERIFY(quint8(page.at(cell)) < 0x80); // a one-byte varint: the payload is small
    const qsizetype payload = quint8(page.at(cell));
    // The payload's last byte is the low byte of the row id the entry points to: the
    // index now points at another row than the one with that time.
    QVERIFY(f.seek(base + cell + 1 + payload - 1));
    char c = 0;
    QCOMPARE(f.read(&c, 1), 1);
    QVERIFY(f.seek(base + cell + 1 + payload - 1));
    c = char(c ^ 0x04);
    QCOMPARE(f.write(&c, 1), 1);
    f.close();

    store = CaseStore::open(casePath);
    const VerificationResult r = verifyCase(*store);
    QVERIFY2(!r.pageProblems.isEmpty(), "integrity_check found nothing");
    QVERIFY2(
        r.pageProblems.join(u'\n').contains(QLatin1String("events_by_time")), qPrintable(r.pageProblems.join(u'\n')));
    QVERIFY(r.rawDamaged.isEmpty());
    QCOMPARE(r.rawIntact, LogLines);
    QCOMPARE(r.sources.first().state, SourceState::Intact);
    QCOMPARE(r.outcome(), VerificationOutcome::Differs);
}

// (e) The evidence moved away: nothing can be said about whether it changed. Reported as
// not at its recorded path, not as a mismatch, and the case is not called intact.
void Tst_caseverifier::movedSourceIsMissingNotMismatch()
{
    QString log;
    auto store = importedCase(&log);
    QVERIFY(store);
    QVERIFY(QFile::rename(log, log + QStringLiteral(".archived")));
    const VerificationResult r = verifyCase(*store);
    QCOMPARE(r.sources.size(), 1);
    QCOMPARE(r.sources.first().state, SourceState::Missing);
    QVERIFY(r.sources.first().actualSha256.isEmpty());
    QCOMPARE(r.sourcesIn(SourceState::Mismatch), 0);
    QCOMPARE(r.rawIntact, LogLines);
    QCOMPARE(r.outcome(), VerificationOutcome::Partial);
    QVERIFY2(r.summary().contains(QLatin1String("not at the recorded path")), qPrintable(r.summary()));
}

void Tst_caseverifier::recordsBeforeHashingAreNeverCalledIntact_data()
{
    QTest::addColumn<int>("unhashed");
    QTest::newRow("none") << 0;
    QTest::newRow("one") << 1;
    QTest::newRow("all") << LogLines;
}

// Records imported before case format 5 carry no hash: counted apart, never as intact.
void Tst_caseverifier::recordsBeforeHashingAreNeverCalledIntact()
{
    QFETCH(int, unhashed);
    QString log;
    auto store = importedCase(&log);
    QVERIFY(store);
    Statement clear(store->database(),
        "UPDATE raw_records SET sha256 = NULL WHERE id IN (SELECT id FROM raw_records ORDER BY id LIMIT ?)");
    clear.bind(1, unhashed).exec();
    const VerificationResult r = verifyCase(*store);
    QCOMPARE(r.rawUnhashed, unhashed);
    QCOMPARE(r.rawIntact, LogLines - unhashed);
    QVERIFY(r.rawDamaged.isEmpty());
    QCOMPARE(r.outcome(), unhashed > 0 ? VerificationOutcome::Partial : VerificationOutcome::Intact);
}

void Tst_caseverifier::reportSaysWhenTheCaseWasLastVerified()
{
    QString log;
    auto store = importedCase(&log);
    QVERIFY(store);
    const auto render = [&] {
        CaseIndex index;
        index.load(*store);
        return HtmlReport(*store, index, store->policy(), {}).render();
    };
    QVERIFY2(render().contains(QLatin1String("Last verified: never verified")), qPrintable(render()));

    const VerificationResult intact = verifyCase(*store);
    const QString stampOk = QStringLiteral("Last verified: %1 UTC, intact: ")
                                .arg(intact.verifiedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    QVERIFY2(render().contains(stampOk), qPrintable(render()));

    // A later verification replaces the stamp, whatever it found.
    QVERIFY(flipByte(log, 0));
    const VerificationResult differs = verifyCase(*store);
    const QString html = render();
    QVERIFY2(html.contains(QLatin1String("Last verified: ")
                 + differs.verifiedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                 + QLatin1String(" UTC, differs: 1 source file(s) changed")),
        qPrintable(html));
    QVERIFY(!html.contains(QLatin1String(", intact: ")));
}

// Issue 13: a member of an archive read in place is checked through the archive the
// analyst received (generated here: the dpkg log in a tar.gz made by the tar command).
void Tst_caseverifier::archiveMemberIsCheckedThroughItsArchive()
{
    const QString tree = m_dir.filePath(QStringLiteral("member-tree"));
    QVERIFY(QDir().mkpath(tree + QStringLiteral("/var/log")));
    QVERIFY(writeFile(tree + QStringLiteral("/var/log/dpkg.log"), dpkgLog()));
    const QString archive = m_dir.filePath(QStringLiteral("member.tar.gz"));
    QCOMPARE(Test::run(QStringLiteral("tar"),
                 {QStringLiteral("-C"), tree, QStringLiteral("-czf"), archive, QStringLiteral("var")})
                 .exitCode,
        0);
    auto store = CaseStore::create(m_dir.filePath(QStringLiteral("member.chainscope")));
    const QList<ImportResult> results = importPaths(*store, builtinFormats(), {archive}, {});
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().status, ImportResult::Status::Complete);

    VerificationResult r = verifyCase(*store);
    QCOMPARE(r.sources.size(), 1);
    QCOMPARE(r.sources.first().state, SourceState::Intact);
    QCOMPARE(r.sources.first().archivePath, archive);
    QCOMPARE(r.sources.first().memberPath, QStringLiteral("var/log/dpkg.log"));
    QCOMPARE(r.outcome(), VerificationOutcome::Intact);

    // One byte of the archive changed (the gzip trailer's size, the last byte).
    QVERIFY(flipByte(archive, QFileInfo(archive).size() - 1));
    r = verifyCase(*store);
    QCOMPARE(r.sources.first().state, SourceState::Mismatch);
    QCOMPARE(r.outcome(), VerificationOutcome::Differs);

    QVERIFY(QFile::remove(archive));
    r = verifyCase(*store);
    QCOMPARE(r.sources.first().state, SourceState::Missing);
}

QTEST_GUILESS_MAIN(Tst_caseverifier)
#include "tst_caseverifier.moc"
