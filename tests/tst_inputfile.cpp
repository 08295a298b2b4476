#include "inputfile.h"
#include "testsupport.h"
#include "textscan.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <sys/stat.h>

using namespace Chainscope;
using namespace Chainscope::Test;

namespace {

// InputFile reads the disk (and inflates) in blocks of this size; the interesting
// line-splitting cases sit on their boundaries.
constexpr qsizetype Block = 1 << 20;

struct Line
{
    QByteArray text;
    qint64 pos = -1;
    bool tooLong = false;
};

// The contract, written out the simple way: a line ends at '\n'; one '\r' before it is
// not part of the line; a last line without '\n' still counts; its position is the
// offset of its first byte.
QList<Line> expectedLines(const QByteArray &content)
{
    QList<Line> lines;
    qsizetype start = 0;
    while (start < content.size()) {
        qsizetype end = start;
        while (end < content.size() && content[end] != '\n')
            ++end;
        QByteArray text = content.mid(start, end - start);
        if (text.endsWith('\r'))
            text.chop(1);
        lines.append({text, start, false});
        start = end + 1;
    }
    return lines;
}

QList<Line> readLines(InputFile &input)
{
    QList<Line> lines;
    QByteArrayView view;
    qint64 pos = -1;
    for (;;) {
        const InputFile::LineStatus status = input.nextLine(view, pos);
        if (status == InputFile::LineStatus::End)
            break;
        lines.append({view.toByteArray(), pos, status == InputFile::LineStatus::TooLong});
    }
    return lines;
}

QByteArray sha256sumOf(const QString &path)
{
    const ProcessResult r = run(QStringLiteral("sha256sum"), {path});
    return r.exitCode == 0 ? r.out.left(64) : QByteArray();
}

// Lines of varied length from a fixed seed, so that line ends fall at every possible
// place relative to the block boundaries, plus lines of about one block.
QByteArray straddlingContent()
{
    QRandomGenerator rng(20240607);
    QByteArray content;
    const qsizetype lengths[] = {Block - 1, Block, Block + 1, 0, 1};
    int special = 0;
    while (content.size() < 4 * Block + 12345) {
        qsizetype length = rng.bounded(0, 9000);
        if (rng.bounded(0, 40) == 0)
            length = lengths[special++ % 5];
        QByteArray line(length, Qt::Uninitialized);
        for (qsizetype i = 0; i < length; ++i)
            line[i] = char('a' + (i + content.size()) % 26);
        content += line;
        content += rng.bounded(0, 3) == 0 ? QByteArray("\r\n") : QByteArray("\n");
    }
    return content;
}

} // namespace

class Tst_inputfile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void decimalField_data();
    void decimalField();
    void linesAndPositions_data();
    void linesAndPositions();
    void peekDoesNotConsume();
    void sha256MatchesSha256sum_data();
    void sha256MatchesSha256sum();
    void concatenatedGzipMembersAreOneStream();
    void truncatedGzipDeliversWhatPrecedesTheCut();
    void corruptGzipReportsAStreamError_data();
    void corruptGzipReportsAStreamError();
    void emptyGzipIsAnEmptyStream();
    void overlongLines_data();
    void overlongLines();
    void readDeliversBinaryBytes_data();
    void readDeliversBinaryBytes();
    void readAfterLines();
    void missingFileFailsToOpen();
    void onlyRegularFilesOpen_data();
    void onlyRegularFilesOpen();
    void streamsASequentialDevice_data();
    void streamsASequentialDevice();

private:
    QString write(const QString &name, const QByteArray &content);
    QString gzip(const QString &path, const QString &name);

    QTemporaryDir m_dir;
};

void Tst_inputfile::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString Tst_inputfile::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
        return QString();
    return path;
}

QString Tst_inputfile::gzip(const QString &path, const QString &name)
{
    const ProcessResult r = run(QStringLiteral("gzip"), {QStringLiteral("-c"), path});
    if (r.exitCode != 0)
        return QString();
    return write(name, r.out);
}

void Tst_inputfile::linesAndPositions_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one line without newline") << QByteArray("abc");
    QTest::newRow("last line without newline") << QByteArray("one\ntwo\nthree");
    QTest::newRow("crlf") << QByteArray("a\r\nbb\r\n\r\nccc\r\n");
    QTest::newRow("crlf, last without newline") << QByteArray("a\r\nbb\r");
    // Only the '\r' right before '\n' belongs to the terminator.
    QTest::newRow("lone cr") << QByteArray("a\rb\nc\r\r\n\r");
    QTest::newRow("only blank lines") << QByteArray("\n\n\n");
    QTest::newRow("nul and high bytes") << QByteArray("a\0b\n\xff\xfe\x01\n\0\0\0", 12);
    QTest::newRow("newline at block end") << QByteArray(Block - 1, 'x') + "\nnext\n";
    QTest::newRow("newline first in block") << QByteArray(Block, 'x') + "\nnext\n";
    QTest::newRow("cr at block end") << QByteArray(Block - 1, 'x') + "\r\nnext";
    QTest::newRow("lines straddle blocks") << straddlingContent();
}

void Tst_inputfile::linesAndPositions()
{
    QFETCH(QByteArray, content);
    const QList<Line> expected = expectedLines(content);
    const QString plain = write(QStringLiteral("lines.txt"), content);
    QVERIFY(!plain.isEmpty());
    const QString gz = gzip(plain, QStringLiteral("lines.txt.gz"));
    QVERIFY(!gz.isEmpty());

    for (const QString &path : {plain, gz}) {
        InputFile input;
        QVERIFY2(input.open(path), qPrintable(input.errorString()));
        QCOMPARE(input.isCompressed(), path == gz);
        const QList<Line> lines = readLines(input);
        QCOMPARE(lines.size(), expected.size());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QVERIFY2(!lines[i].tooLong, qPrintable(QString::number(i)));
            // Positions are offsets in the decoded content, also for the .gz.
            QCOMPARE(lines[i].pos, expected[i].pos);
            QVERIFY2(lines[i].text == expected[i].text, qPrintable(QStringLiteral("line %1").arg(i)));
        }
        QCOMPARE(input.decodedPos(), qint64(content.size()));
        QVERIFY(!input.hasStreamError());
        QCOMPARE(input.filePos(), input.fileSize());
        QCOMPARE(input.fileSize(), QFileInfo(path).size());
    }
}

void Tst_inputfile::peekDoesNotConsume()
{
    const QByteArray content("first line\nsecond\n");
    const QString plain = write(QStringLiteral("peek.txt"), content);
    const QString gz = gzip(plain, QStringLiteral("peek.txt.gz"));
    QVERIFY(!gz.isEmpty());
    for (const QString &path : {plain, gz}) {
        InputFile input;
        QVERIFY(input.open(path));
        QCOMPARE(input.peek(5), QByteArray("first"));
        QCOMPARE(input.peek(5), QByteArray("first"));
        // More than there is: all of it, still without consuming.
        QCOMPARE(input.peek(1000), content);
        QCOMPARE(input.decodedPos(), 0);
        QByteArrayView line;
        qint64 pos = -1;
        QCOMPARE(input.nextLine(line, pos), InputFile::LineStatus::Ok);
        QCOMPARE(line, QByteArrayView("first line"));
        QCOMPARE(pos, 0);
        // Peeking starts at the current position.
        QCOMPARE(input.peek(100), QByteArray("second\n"));
        QCOMPARE(input.nextLine(line, pos), InputFile::LineStatus::Ok);
        QCOMPARE(line, QByteArrayView("second"));
        QCOMPARE(pos, 11);
        QCOMPARE(input.nextLine(line, pos), InputFile::LineStatus::End);
        QCOMPARE(input.peek(10), QByteArray());
    }
}

void Tst_inputfile::sha256MatchesSha256sum_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("compressed");
    QTest::addColumn<int>("linesToRead"); // -1: all
    const QByteArray big = straddlingContent();
    QTest::newRow("empty") << QByteArray() << false << -1;
    QTest::newRow("small, read all") << QByteArray("a\nb\n") << false << -1;
    QTest::newRow("big, read all") << big << false << -1;
    QTest::newRow("big, stopped after one line") << big << false << 1;
    QTest::newRow("big, nothing read") << big << false << 0;
    QTest::newRow("gz, read all") << big << true << -1;
    QTest::newRow("gz, stopped after one line") << big << true << 1;
}

void Tst_inputfile::sha256MatchesSha256sum()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, compressed);
    QFETCH(int, linesToRead);
    QString path = write(QStringLiteral("hash.txt"), content);
    if (compressed)
        path = gzip(path, QStringLiteral("hash.txt.gz"));
    QVERIFY(!path.isEmpty());

    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray onDisk = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
    const QByteArray tool = sha256sumOf(path);
    QCOMPARE(tool, onDisk);

    InputFile input;
    QVERIFY(input.open(path));
    QByteArrayView line;
    qint64 pos = 0;
    for (int i = 0; linesToRead < 0 || i < linesToRead; ++i) {
        if (input.nextLine(line, pos) == InputFile::LineStatus::End)
            break;
    }
    QCOMPARE(input.sha256Hex(), tool);
    QCOMPARE(input.filePos(), input.fileSize());
}

void Tst_inputfile::concatenatedGzipMembersAreOneStream()
{
    const QByteArray a = straddlingContent();
    const QByteArray b("second member line 1\nsecond member line 2\n");
    const QString gzA = gzip(write(QStringLiteral("a.txt"), a), QStringLiteral("a.gz"));
    const QString gzB = gzip(write(QStringLiteral("b.txt"), b), QStringLiteral("b.gz"));
    QVERIFY(!gzA.isEmpty() && !gzB.isEmpty());
    QFile fa(gzA);
    QFile fb(gzB);
    QVERIFY(fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly));
    // What `cat a.gz b.gz > both.gz` makes.
    const QString both = write(QStringLiteral("both.gz"), fa.readAll() + fb.readAll());

    InputFile input;
    QVERIFY(input.open(both));
    const QList<Line> lines = readLines(input);
    const QList<Line> expected = expectedLines(a + b);
    QCOMPARE(lines.size(), expected.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QCOMPARE(lines[i].pos, expected[i].pos);
        QVERIFY(lines[i].text == expected[i].text);
    }
    QCOMPARE(lines.last().text, QByteArray("second member line 2"));
    QVERIFY2(!input.hasStreamError(), qPrintable(input.streamError()));
}

void Tst_inputfile::truncatedGzipDeliversWhatPrecedesTheCut()
{
    const QByteArray content = straddlingContent();
    const QString gz = gzip(write(QStringLiteral("t.txt"), content), QStringLiteral("t.gz"));
    QFile f(gz);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray compressed = f.readAll();
    const QString cut = write(QStringLiteral("cut.gz"), compressed.left(compressed.size() / 2));

    InputFile input;
    QVERIFY(input.open(cut));
    QByteArray decoded;
    QByteArrayView line;
    qint64 pos = 0;
    while (input.nextLine(line, pos) != InputFile::LineStatus::End) {
        QCOMPARE(pos, qint64(decoded.size()));
        decoded += line;
        // Put the terminator back as it was, so the result can be compared byte for byte.
        decoded += content.mid(decoded.size(), 2) == "\r\n" ? QByteArray("\r\n") : QByteArray("\n");
    }
    QVERIFY(input.hasStreamError());
    QVERIFY(!input.streamError().isEmpty());
    // Half of the compressed bytes decode to a good part of the content, all of it a
    // prefix of the original (the last line may stop mid-line at the cut).
    QVERIFY2(decoded.size() > content.size() / 4, qPrintable(QString::number(decoded.size())));
    QVERIFY(decoded.size() < content.size());
    decoded.chop(1);
    QVERIFY(content.startsWith(decoded));
}

void Tst_inputfile::corruptGzipReportsAStreamError_data()
{
    QTest::addColumn<bool>("inTrailer");
    QTest::newRow("damaged checksum in the trailer") << true;
    QTest::newRow("damaged deflate data") << false;
}

void Tst_inputfile::corruptGzipReportsAStreamError()
{
    QFETCH(bool, inTrailer);
    const QByteArray content = straddlingContent();
    const QString gz = gzip(write(QStringLiteral("c.txt"), content), QStringLiteral("c.gz"));
    QFile f(gz);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray bytes = f.readAll();
    // The trailer is CRC-32 then size, 4 bytes each (RFC 1952).
    const qsizetype from = inTrailer ? bytes.size() - 8 : bytes.size() / 2;
    for (qsizetype i = from; i < from + 4; ++i)
        bytes[i] = char(~bytes[i]);
    const QString corrupt = write(QStringLiteral("corrupt.gz"), bytes);

    InputFile input;
    QVERIFY(input.open(corrupt));
    const QList<Line> lines = readLines(input);
    QVERIFY(input.hasStreamError());
    QVERIFY(!input.streamError().isEmpty());
    const QList<Line> expected = expectedLines(content);
    QVERIFY(!lines.isEmpty());
    QVERIFY(lines.first().text == expected.first().text);
    if (inTrailer) {
        // All data decodes; only the check at the end fails.
        QCOMPARE(lines.size(), expected.size());
        for (qsizetype i = 0; i < lines.size(); ++i)
            QVERIFY(lines[i].text == expected[i].text && lines[i].pos == expected[i].pos);
    }
    // Damaged deflate data may decode to garbage before zlib notices: no promise about
    // those lines, only that reading ends with the error and the hash is still right.
    QCOMPARE(input.sha256Hex(), sha256sumOf(corrupt));
}

void Tst_inputfile::emptyGzipIsAnEmptyStream()
{
    const QString gz = gzip(write(QStringLiteral("empty.txt"), QByteArray()), QStringLiteral("empty.gz"));
    InputFile input;
    QVERIFY(input.open(gz));
    QVERIFY(input.isCompressed());
    QVERIFY(readLines(input).isEmpty());
    QVERIFY(!input.hasStreamError());
}

void Tst_inputfile::overlongLines_data()
{
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<qsizetype>("length");
    QTest::addColumn<QByteArray>("terminator");
    QTest::addColumn<bool>("tooLong");
    const qsizetype max = InputFile::MaxLineLength;
    const QByteArray none;
    // A short first line moves the long one off the block grid, so that the block that
    // makes the buffer overlong can also bring the line's end.
    const QByteArray shortLine("short\n");
    QTest::newRow("20 MiB, no newline at the end") << none << qsizetype(20 << 20) << QByteArray() << true;
    QTest::newRow("20 MiB, then more lines") << none << qsizetype(20 << 20) << QByteArray("\n") << true;
    QTest::newRow("exactly the limit") << none << max << QByteArray("\n") << false;
    QTest::newRow("exactly the limit, crlf") << none << max << QByteArray("\r\n") << false;
    QTest::newRow("exactly the limit, at the end") << none << max << QByteArray() << false;
    QTest::newRow("exactly the limit, off the grid") << shortLine << max << QByteArray("\n") << false;
    QTest::newRow("one byte over") << none << max + 1 << QByteArray("\n") << true;
    QTest::newRow("one byte over, at the end") << none << max + 1 << QByteArray() << true;
    QTest::newRow("one byte over, off the grid") << shortLine << max + 1 << QByteArray("\n") << true;
    QTest::newRow("300 KiB over") << none << max + 300 * 1024 << QByteArray("\n") << true;
    QTest::newRow("300 KiB over, off the grid") << shortLine << max + 300 * 1024 << QByteArray("\n") << true;
    QTest::newRow("300 KiB over, off the grid, at the end") << shortLine << max + 300 * 1024 << QByteArray() << true;
}

void Tst_inputfile::overlongLines()
{
    QFETCH(QByteArray, prefix);
    QFETCH(qsizetype, length);
    QFETCH(QByteArray, terminator);
    QFETCH(bool, tooLong);
    QByteArray content = prefix;
    content += QByteArray(length, 'x');
    content += terminator;
    const QByteArray after("after\r\nlast\n");
    if (!terminator.isEmpty())
        content += after;
    const QString path = write(QStringLiteral("long.txt"), content);
    QVERIFY(!path.isEmpty());

    InputFile input;
    QVERIFY(input.open(path));
    QByteArrayView line;
    qint64 pos = -1;
    if (!prefix.isEmpty()) {
        QCOMPARE(input.nextLine(line, pos), InputFile::LineStatus::Ok);
        QCOMPARE(line, QByteArrayView(prefix).chopped(1));
    }
    const InputFile::LineStatus first = input.nextLine(line, pos);
    QCOMPARE(first, tooLong ? InputFile::LineStatus::TooLong : InputFile::LineStatus::Ok);
    QCOMPARE(pos, qint64(prefix.size()));
    QCOMPARE(line.size(), tooLong ? InputFile::MaxLineLength : length);
    QVERIFY(!line.isEmpty() && line.front() == 'x' && line.back() == 'x');
    if (!terminator.isEmpty()) {
        // Reading goes on right after the overlong line.
        QCOMPARE(input.nextLine(line, pos), InputFile::LineStatus::Ok);
        QCOMPARE(line, QByteArrayView("after"));
        QCOMPARE(pos, qint64(prefix.size() + length + terminator.size()));
        QCOMPARE(input.nextLine(line, pos), InputFile::LineStatus::Ok);
        QCOMPARE(line, QByteArrayView("last"));
    }
    QCOMPARE(input.nextLine(line, pos), InputFile::LineStatus::End);
    QCOMPARE(input.decodedPos(), qint64(content.size()));
}

void Tst_inputfile::readDeliversBinaryBytes_data()
{
    QTest::addColumn<bool>("compressed");
    QTest::addColumn<qint64>("chunk");
    QTest::newRow("plain, odd chunks") << false << qint64(777777);
    QTest::newRow("plain, one huge read") << false << qint64(8 << 20);
    QTest::newRow("gz, odd chunks") << true << qint64(65537);
}

void Tst_inputfile::readDeliversBinaryBytes()
{
    QFETCH(bool, compressed);
    QFETCH(qint64, chunk);
    QByteArray content(3 * Block + 4321, Qt::Uninitialized);
    QRandomGenerator rng(7);
    for (qsizetype i = 0; i < content.size(); ++i)
        content[i] = char(rng.bounded(256));
    QString path = write(QStringLiteral("binary.bin"), content);
    if (compressed)
        path = gzip(path, QStringLiteral("binary.bin.gz"));
    QVERIFY(!path.isEmpty());

    InputFile input;
    QVERIFY(input.open(path));
    QByteArray got;
    QByteArray buffer(chunk, Qt::Uninitialized);
    for (;;) {
        const qint64 n = input.read(buffer.data(), chunk);
        QVERIFY(n >= 0 && n <= chunk);
        if (n == 0)
            break;
        got.append(buffer.constData(), n);
        QCOMPARE(input.decodedPos(), qint64(got.size()));
    }
    QCOMPARE(got.size(), content.size());
    QVERIFY(got == content);
    QCOMPARE(input.read(buffer.data(), chunk), 0);
    QVERIFY(!input.hasStreamError());
}

void Tst_inputfile::readAfterLines()
{
    const QByteArray content = QByteArray("header\n") + QByteArray("\0\1\2\n\xff", 5);
    InputFile input;
    QVERIFY(input.open(write(QStringLiteral("mixed.bin"), content)));
    QCOMPARE(input.peek(3), QByteArray("hea"));
    QByteArrayView line;
    qint64 pos = 0;
    QCOMPARE(input.nextLine(line, pos), InputFile::LineStatus::Ok);
    QCOMPARE(line, QByteArrayView("header"));
    char rest[16];
    QCOMPARE(input.read(rest, sizeof rest), 5);
    QCOMPARE(QByteArray(rest, 5), content.mid(7));
    QCOMPARE(input.decodedPos(), qint64(content.size()));
}

void Tst_inputfile::missingFileFailsToOpen()
{
    const QString path = m_dir.filePath(QStringLiteral("does-not-exist.log"));
    InputFile input;
    QVERIFY(!input.open(path));
    QVERIFY(input.errorString().contains(path));
}

// Opening a FIFO would block until a writer comes; a device or a directory is no
// evidence file. Each is refused at once, by what it is (issue 11, finding 8).
void Tst_inputfile::onlyRegularFilesOpen_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("said"); // empty: opens
    QTest::newRow("regular file") << QStringLiteral("file") << QString();
    QTest::newRow("FIFO") << QStringLiteral("fifo") << QStringLiteral("a FIFO");
    QTest::newRow("directory") << QStringLiteral("dir") << QStringLiteral("a directory");
    QTest::newRow("character device") << QStringLiteral("device") << QStringLiteral("a device");
}

void Tst_inputfile::onlyRegularFilesOpen()
{
    QFETCH(QString, kind);
    QFETCH(QString, said);
    QString path = m_dir.filePath(QStringLiteral("special-") + kind);
    if (kind == u"file") {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x\n");
    } else if (kind == u"fifo") {
        QFile::remove(path);
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    } else if (kind == u"dir") {
        QVERIFY(QDir().mkpath(path));
    } else {
        path = QStringLiteral("/dev/null");
    }
    InputFile input;
    const bool opened = input.open(path);
    QCOMPARE(opened, said.isEmpty());
    if (!opened) {
        QVERIFY2(input.errorString().contains(said), qPrintable(input.errorString()));
        QVERIFY2(input.errorString().contains(path), qPrintable(input.errorString()));
    }
}

namespace {
// What an archive member looks like to InputFile: sequential, in small blocks, no size.
class TrickleDevice final : public QIODevice
{
public:
    explicit TrickleDevice(QByteArray bytes)
        : m_bytes(std::move(bytes))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = qMin(qMin<qint64>(maxSize, 4093), m_bytes.size() - m_pos);
        std::memcpy(data, m_bytes.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_bytes;
    qint64 m_pos = 0;
};
} // namespace

void Tst_inputfile::streamsASequentialDevice_data()
{
    QTest::addColumn<bool>("gzip");
    QTest::newRow("plain") << false;
    QTest::newRow("gzip") << true;
}

// Issue 13: a member of an archive is read from a device, not a file. The same lines
// and positions as from a file; the hash and the progress cover the bytes as stored
// (before gunzip), as for a .gz file on disk.
void Tst_inputfile::streamsASequentialDevice()
{
    QFETCH(bool, gzip);
    const QByteArray content = straddlingContent();
    const QString path = m_dir.filePath(gzip ? QStringLiteral("device.gz") : QStringLiteral("device.log"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    if (gzip)
        QCOMPARE(run(QStringLiteral("gzip"), {QStringLiteral("-n"), QStringLiteral("-f"), path}).exitCode, 0);
    QFile f(gzip ? path + QStringLiteral(".gz") : path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    TrickleDevice device(bytes);
    InputFile input;
    QVERIFY(input.open(&device, QStringLiteral("archive!/member"), bytes.size()));
    QCOMPARE(input.path(), QStringLiteral("archive!/member"));
    QCOMPARE(input.isCompressed(), gzip);
    QCOMPARE(input.fileSize(), bytes.size());
    const QList<Line> lines = readLines(input);
    const QList<Line> expected = expectedLines(content);
    QCOMPARE(lines.size(), expected.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QCOMPARE(lines[i].pos, expected[i].pos);
        QVERIFY2(lines[i].text == expected[i].text, qPrintable(QStringLiteral("line %1").arg(i)));
    }
    QVERIFY(!input.hasStreamError());
    QCOMPARE(input.filePos(), bytes.size());
    QCOMPARE(input.sha256Hex(), QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

void Tst_inputfile::decimalField_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("at");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("value");
    QTest::newRow("year") << QByteArray("2024-01-02") << 0 << 4 << 2024;
    QTest::newRow("day, ending on the text's end") << QByteArray("2024-01-02") << 8 << 2 << 2;
    QTest::newRow("one past the end") << QByteArray("2024-01-02") << 9 << 2 << -1;
    QTest::newRow("one before the end") << QByteArray("2024-01-02") << 7 << 2 << -1; // "-0"
    QTest::newRow("a letter") << QByteArray("20x4") << 0 << 4 << -1;
    QTest::newRow("negative position") << QByteArray("2024") << -1 << 2 << -1;
    QTest::newRow("no digits asked") << QByteArray("2024") << 4 << 0 << 0;
    QTest::newRow("a position past the end") << QByteArray("2024") << 5 << 0 << -1;
}

// The fixed-width number fields every text reader dates its lines with.
void Tst_inputfile::decimalField()
{
    QFETCH(QByteArray, text);
    QFETCH(int, at);
    QFETCH(int, count);
    QFETCH(int, value);
    QCOMPARE(Chainscope::decimalField(text, at, count), value);
}

QTEST_GUILESS_MAIN(Tst_inputfile)
#include "tst_inputfile.moc"
