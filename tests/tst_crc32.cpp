#include "crc32.h"

#include <QRandomGenerator>
#include <QTest>

#include <zlib.h>

using namespace Chainscope;

// The folded CRC-32 against zlib's, which EVTX writers (ours included) use: every
// length around the fold boundaries, every alignment, running values carried across
// calls, and large buffers.
class Tst_Crc32 : public QObject
{
    Q_OBJECT

private slots:
    void matchesZlib_data();
    void matchesZlib();
    void chainsAcrossCalls();
    void knownValue();
};

namespace {
QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray b(size, Qt::Uninitialized);
    for (char &c : b)
        c = char(rng.bounded(256));
    return b;
}

quint32 zlibCrc(quint32 crc, QByteArrayView data)
{
    return quint32(::crc32_z(crc, reinterpret_cast<const Bytef *>(data.data()), size_t(data.size())));
}
} // namespace

void Tst_Crc32::matchesZlib_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<quint32>("start");
    for (qsizetype size :
        {0, 1, 15, 16, 17, 63, 64, 65, 79, 80, 127, 128, 129, 191, 192, 255, 256, 1000, 4096, 65024, 65536, 1 << 20}) {
        for (qsizetype offset : {0, 1, 7, 8, 15})
            QTest::addRow("%lld bytes at +%lld", qlonglong(size), qlonglong(offset)) << size << offset << quint32(0);
    }
    QTest::newRow("running value") << qsizetype(1000) << qsizetype(3) << quint32(0xdeadbeef);
    QTest::newRow("all ones") << qsizetype(4096) << qsizetype(0) << quint32(0xffffffff);
}

void Tst_Crc32::matchesZlib()
{
    QFETCH(qsizetype, size);
    QFETCH(qsizetype, offset);
    QFETCH(quint32, start);
    const QByteArray buffer = randomBytes(size + offset, quint32(size * 31 + offset));
    const QByteArrayView data = QByteArrayView(buffer).sliced(offset);
    QCOMPARE(crc32(start, data), zlibCrc(start, data));
    // Zeros and 0xff runs: long stretches of both occur in chunk padding.
    const QByteArray zeros(size, '\0');
    QCOMPARE(crc32(start, zeros), zlibCrc(start, zeros));
    const QByteArray ones(size, '\xff');
    QCOMPARE(crc32(start, ones), zlibCrc(start, ones));
}

void Tst_Crc32::chainsAcrossCalls()
{
    const QByteArray data = randomBytes(70000, 7);
    const quint32 whole = zlibCrc(0, data);
    for (qsizetype split : {0, 1, 63, 64, 100, 512, 65536, 69999, 70000}) {
        const quint32 first = crc32(0, QByteArrayView(data).first(split));
        QCOMPARE(crc32(first, QByteArrayView(data).sliced(split)), whole);
    }
}

void Tst_Crc32::knownValue()
{
    // The check value of CRC-32/ISO-HDLC, independent of any implementation.
    QCOMPARE(crc32(0, "123456789"), 0xcbf43926u);
    const QByteArray longer = QByteArray("123456789").repeated(20);
    QCOMPARE(crc32(0, longer), zlibCrc(0, longer));
}

QTEST_GUILESS_MAIN(Tst_Crc32)
#include "tst_crc32.moc"
