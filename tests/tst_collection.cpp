// Triage collections (issue 13): folders and archives imported in place. The case must
// hold the same events as an import of the same files one by one; what is not a log is
// listed as skipped with its reason; archive members keep the archive's hash and their
// path in it; damage and cancel keep every intact file.
//
// Fixtures: the KAPE- and UAC-like collections are built here from real corpus files
// (../shared/corpus; those tests QSKIP without it); the inline logs (a few audit, dpkg and
// apt records) are generated here. Archives are written by independent writers where
// this machine has one (tar, gzip, xz, python3's zipfile); 7z by libarchive's writer,
// which is not the reader's code path.

#include "archivereader.h"
#include "collection.h"
#include "eventjson.h"
#include "formatregistry.h"
#include "formats.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>
#include <limits>
#include <sys/stat.h>
#include <zlib.h>

using namespace Chainscope;
using namespace Chainscope::Test;

namespace {

const QByteArray InlineAudit
    = "type=SYSCALL msg=audit(1700000000.100:101): arch=c000003e syscall=59 success=yes "
      "exit=0 a0=1 a1=2 a2=3 a3=4 items=1 ppid=1 pid=200 auid=0 uid=0 gid=0 euid=0 suid=0 "
      "fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=1 comm=\"ls\" exe=\"/usr/bin/ls\" key=(null)\n"
      "type=EXECVE msg=audit(1700000000.100:101): argc=1 a0=\"ls\"\n"
      "type=EOE msg=audit(1700000000.100:101):\n";
const QByteArray InlineAuditRotated
    = "type=SYSCALL msg=audit(1699990000.100:90): arch=c000003e syscall=59 success=yes "
      "exit=0 a0=1 a1=2 a2=3 a3=4 items=1 ppid=1 pid=190 auid=0 uid=0 gid=0 euid=0 suid=0 "
      "fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=1 comm=\"id\" exe=\"/usr/bin/id\" key=(null)\n"
      "type=EXECVE msg=audit(1699990000.100:90): argc=1 a0=\"id\"\n";
const QByteArray InlineDpkg = "2024-01-02 10:00:00 install foo:amd64 <none> 1.0\n"
                              "2024-01-02 10:00:01 status installed foo:amd64 1.0\n";
const QByteArray InlineHistory = "Start-Date: 2024-01-02  10:00:00\nCommandline: apt-get install foo\n"
                                 "Install: foo:amd64 (1.0)\nEnd-Date: 2024-01-02  10:00:02\n\n";

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray gzip(const QByteArray &bytes)
{
    z_stream z {};
    deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&z, uLong(bytes.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.constData()));
    z.avail_in = uInt(bytes.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, Z_FINISH);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return out;
}

// The files of `dir`, relative, sorted.
QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(dir).relativeFilePath(it.next());
    files.sort();
    return files;
}

// 7z has no writer on this machine but libarchive's own.
QString write7z(const QString &dir, const QString &out)
{
    archive *a = archive_write_new();
    archive_write_set_format_7zip(a);
    if (archive_write_open_filename(a, QFile::encodeName(out).constData()) != ARCHIVE_OK) {
        const QString e = QString::fromUtf8(archive_error_string(a));
        archive_write_free(a);
        return e;
    }
    for (const QString &rel : filesUnder(dir)) {
        const QByteArray bytes = readAll(QDir(dir).filePath(rel));
        archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, rel.toUtf8().constData());
        archive_entry_set_size(e, bytes.size());
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_write_header(a, e);
        archive_write_data(a, bytes.constData(), size_t(bytes.size()));
        archive_entry_free(e);
    }
    archive_write_close(a);
    archive_write_free(a);
    return QString();
}

// Builds `out` from the files of `dir` as an archive of `kind`; an error message or empty.
QString makeArchive(const QString &kind, const QString &dir, const QString &out)
{
    ProcessResult r;
    if (kind == u"zip" || kind == u"zip-stored") {
        // python3's zipfile: an independent writer, deflate, in sorted order.
        const QString script = QStringLiteral(
            "import os, sys, zipfile\n"
            "src, out = sys.argv[1], sys.argv[2]\n"
            "names = sorted(os.path.relpath(os.path.join(d, f), src) for d, _, fs in os.walk(src) for f in fs)\n"
            "method = zipfile.ZIP_STORED if sys.argv[3] == 'zip-stored' else zipfile.ZIP_DEFLATED\n"
            "with zipfile.ZipFile(out, 'w', method) as z:\n"
            "    for n in names: z.write(os.path.join(src, n), n)\n");
        r = run(QStringLiteral("python3"), {QStringLiteral("-c"), script, dir, out, kind});
    } else if (kind == u"7z") {
        return write7z(dir, out);
    } else {
        const QString flags = kind == u"tar" ? QStringLiteral("-cf")
            : kind == u"tar.gz"              ? QStringLiteral("-czf")
                                             : QStringLiteral("-cJf");
        // Sorted, so that the damage tests know which member comes last.
        r = run(QStringLiteral("tar"),
            {QStringLiteral("--sort=name"), QStringLiteral("-C"), dir, flags, out, QStringLiteral(".")});
    }
    return r.exitCode == 0 ? QString() : QString::fromUtf8(r.err);
}

// Every event of the case without its id and source id, sorted: what two imports of
// the same evidence must agree on.
QStringList eventRows(const QString &casePath)
{
    QStringList rows;
    auto store = CaseStore::open(casePath, CaseStore::Access::ReadOnly);
    store->forEachEvent({}, [&](const Event &e) {
        QJsonObject o = eventToJson(e);
        o.remove(QStringLiteral("id"));
        o.remove(QStringLiteral("source_id"));
        rows << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
        return true;
    });
    rows.sort();
    return rows;
}

QList<ImportResult> importInto(const QString &casePath, const QStringList &paths, const ImportOptions &options = {},
    const std::atomic<bool> *cancel = nullptr, const ProgressCallback &progress = {},
    const FormatRegistry &formats = builtinFormats())
{
    auto store = CaseStore::open(casePath);
    return importPaths(*store, formats, paths, options, cancel, progress);
}

const ImportResult *find(const QList<ImportResult> &results, const QString &pathEnd)
{
    for (const ImportResult &r : results) {
        if (r.path.endsWith(pathEnd))
            return &r;
    }
    return nullptr;
}

// A tar number field: octal while it fits, else GNU base-256 (what a hostile header uses
// for sizes and offsets up to 2^63-1).
void putTarNumber(QByteArray &header, int at, int width, qint64 value)
{
    const QByteArray octal = QByteArray::number(value, 8);
    if (octal.size() < width) {
        const QByteArray field = octal.rightJustified(width - 1, '0');
        header.replace(at, width - 1, field);
        header[at + width - 1] = '\0';
        return;
    }
    header[at] = char(0x80);
    for (int i = width - 1; i > 0; --i) {
        header[at + i] = char(value & 0xff);
        value >>= 8;
    }
}

// A GNU tar of one sparse member, written byte by byte here (generated, no tar tool can
// be told to lie): type 'S' with the old sparse map in its header, `data` stored at
// `offset` of a member that says it is `realSize` bytes long.
QByteArray gnuSparseTar(const QByteArray &name, const QByteArray &data, qint64 offset, qint64 realSize)
{
    QByteArray header(512, '\0');
    header.replace(0, name.size(), name);
    putTarNumber(header, 100, 8, 0644);
    putTarNumber(header, 108, 8, 0);
    putTarNumber(header, 116, 8, 0);
    putTarNumber(header, 124, 12, data.size()); // the bytes stored
    putTarNumber(header, 136, 12, 1700000000);
    header[156] = 'S';
    header.replace(257, 8, QByteArray("ustar  \0", 8)); // GNU magic and version
    putTarNumber(header, 386, 12, offset); // sparse[0].offset
    putTarNumber(header, 398, 12, data.size()); // sparse[0].numbytes
    putTarNumber(header, 483, 12, realSize); // realsize
    header.replace(148, 8, QByteArray(8, ' '));
    int sum = 0;
    for (const char c : std::as_const(header))
        sum += uchar(c);
    header.replace(148, 7, QByteArray::number(sum, 8).rightJustified(6, '0') + QByteArray(1, '\0'));
    QByteArray body = data;
    body.append(QByteArray((512 - data.size() % 512) % 512, '\0'));
    return header + body + QByteArray(1024, '\0');
}

// Many dpkg records: a member larger than libarchive's read-ahead.
QByteArray manyDpkgLines(int count, const QByteArray &package)
{
    QByteArray lines;
    for (int i = 0; i < count; ++i)
        lines += QStringLiteral("2024-01-02 10:%1:%2 install %3%4:amd64 <none> 1.0\n")
                     .arg((i / 60) % 60, 2, 10, QLatin1Char('0'))
                     .arg(i % 60, 2, 10, QLatin1Char('0'))
                     .arg(QString::fromLatin1(package))
                     .arg(i)
                     .toUtf8();
    return lines;
}

} // namespace

class Tst_collection : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void inlineArchiveMatchesFilesOneByOne_data();
    void inlineArchiveMatchesFilesOneByOne();
    void uacArchiveFromCorpusMatchesFilesOneByOne_data();
    void uacArchiveFromCorpusMatchesFilesOneByOne();
    void kapeFolderFromCorpusMatchesFilesOneByOne();
    void folderIsSortedAndLinksAreNotFollowed();
    void refusedFormatInACollectionIsASkipWithItsAdvice();
    void damagedArchiveKeepsIntactMembers_data();
    void damagedArchiveKeepsIntactMembers();
    void cancelKeepsTheFinishedFiles();
    void hostOrigin_data();
    void hostOrigin();
    void soleHostOfAPlatform_data();
    void soleHostOfAPlatform();
    void layoutFileDepth_data();
    void layoutFileDepth();
    void hostFromCollectionNames_data();
    void hostFromCollectionNames();
    void progressCoversTheWholeCollection();
    void sparseMapBeyondTheMemberIsRefused_data();
    void sparseMapBeyondTheMemberIsRefused();
    void decodeLimit_data();
    void decodeLimit();
    void archiveFailureReachesEveryLaterMember_data();
    void archiveFailureReachesEveryLaterMember();
    void leadingZeroBlockIsNoArchive_data();
    void leadingZeroBlockIsNoArchive();
    void sizeSumSaturates_data();
    void sizeSumSaturates();
    void progressShareStaysInRange_data();
    void progressShareStaysInRange();

private:
    QString newCase();
    // The inline UAC-like tree: logs (one rotated, one gzipped), a README, an empty
    // file and a nested archive.
    QString inlineTree(const QString &name);

    QTemporaryDir m_dir;
    int m_cases = 0;
};

void Tst_collection::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString Tst_collection::newCase()
{
    const QString path = m_dir.filePath(QStringLiteral("case%1.chainscope").arg(++m_cases));
    CaseStore::create(path);
    return path;
}

QString Tst_collection::inlineTree(const QString &name)
{
    const QString root = m_dir.filePath(name);
    writeFile(root + QStringLiteral("/var/log/audit/audit.log"), InlineAudit);
    writeFile(root + QStringLiteral("/var/log/audit/audit.log.1"), InlineAuditRotated);
    writeFile(root + QStringLiteral("/var/log/dpkg.log"), InlineDpkg);
    writeFile(root + QStringLiteral("/var/log/apt/history.log.1.gz"), gzip(InlineHistory));
    writeFile(root + QStringLiteral("/README.txt"), "collected for the tests\n");
    writeFile(root + QStringLiteral("/var/log/empty.log"), QByteArray());
    return root;
}

void Tst_collection::inlineArchiveMatchesFilesOneByOne_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("zip") << QStringLiteral("zip");
    QTest::newRow("tar") << QStringLiteral("tar");
    QTest::newRow("tar.gz") << QStringLiteral("tar.gz");
    QTest::newRow("tar.xz") << QStringLiteral("tar.xz");
    QTest::newRow("7z") << QStringLiteral("7z");
}

void Tst_collection::inlineArchiveMatchesFilesOneByOne()
{
    QFETCH(QString, kind);
    const QString tree = inlineTree(QStringLiteral("inline-") + kind);
    // A nested archive inside: listed, not opened.
    const QString nested = m_dir.filePath(QStringLiteral("nested-%1.tar.gz").arg(kind));
    QCOMPARE(makeArchive(QStringLiteral("tar.gz"), tree, nested), QString());
    QVERIFY(QDir().mkpath(tree + QStringLiteral("/old")));
    QVERIFY(QFile::copy(nested, tree + QStringLiteral("/old/collection.tgz")));
    // The name says nothing: the archive is recognised by its content.
    const QString archivePath = m_dir.filePath(QStringLiteral("evidence-%1.bin").arg(kind));
    const QString error = makeArchive(kind, tree, archivePath);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const QString one = newCase();
    const QStringList logs = {QStringLiteral("var/log/apt/history.log.1.gz"), QStringLiteral("var/log/audit/audit.log"),
        QStringLiteral("var/log/audit/audit.log.1"), QStringLiteral("var/log/dpkg.log")};
    QStringList files;
    for (const QString &l : logs)
        files << QDir(tree).filePath(l);
    for (const ImportResult &r : importInto(one, files))
        QCOMPARE(r.status, ImportResult::Status::Complete);

    const QString all = newCase();
    const QList<ImportResult> results = importInto(all, {archivePath});
    QCOMPARE(eventRows(all), eventRows(one));
    QVERIFY(!eventRows(all).isEmpty());

    const QString archiveSha = sha256Of(readAll(archivePath));
    auto store = CaseStore::open(all, CaseStore::Access::ReadOnly);
    QCOMPARE(store->sources().size(), logs.size());
    for (const QString &l : logs) {
        const ImportResult *r = find(results, QStringLiteral("!/") + l);
        QVERIFY2(r, qPrintable(l));
        QCOMPARE(r->status, ImportResult::Status::Complete);
        const SourceInfo s = store->source(r->sourceId).value();
        QCOMPARE(s.archivePath, QFileInfo(archivePath).absoluteFilePath());
        QCOMPARE(s.archiveSha256, archiveSha);
        QCOMPARE(s.memberPath, l);
        // The member's bytes as stored: a .gz member is hashed before it is gunzipped.
        QCOMPARE(s.sha256, sha256Of(readAll(QDir(tree).filePath(l))));
    }
    const QList<std::pair<QString, QString>> skipped = {{QStringLiteral("README.txt"), QStringLiteral("not a log")},
        {QStringLiteral("var/log/empty.log"), QStringLiteral("empty")},
        {QStringLiteral("old/collection.tgz"), QStringLiteral("nested archive")}};
    for (const auto &[member, reason] : skipped) {
        const ImportResult *r = find(results, QStringLiteral("!/") + member);
        QVERIFY2(r, qPrintable(member));
        QCOMPARE(r->status, ImportResult::Status::Skipped);
        QVERIFY2(r->error.contains(reason), qPrintable(r->error));
        QCOMPARE(r->sourceId, -1);
    }
    // Imported, skipped, nothing else.
    QCOMPARE(results.size(), logs.size() + skipped.size());

    // The chain of custody still holds: verification checks the members' archive.
    auto writable = CaseStore::open(all);
    Q_UNUSED(writable);
}

void Tst_collection::uacArchiveFromCorpusMatchesFilesOneByOne_data()
{
    inlineArchiveMatchesFilesOneByOne_data();
}

void Tst_collection::uacArchiveFromCorpusMatchesFilesOneByOne()
{
    QFETCH(QString, kind);
    if (!QFileInfo::exists(corpusPath(QStringLiteral("linux/dpkg_ubuntu1404_base_install.log"))))
        QSKIP("the shared corpus is not here");
    // Real logs laid out as UAC collects them; history.log.1.gz gzipped here.
    const QString tree = m_dir.filePath(QStringLiteral("uac-") + kind);
    const QList<std::pair<QString, QString>> layout
        = {{QStringLiteral("var/log/audit/audit.log"), QStringLiteral("linux/auditd_gce_execve_connect_sockaddr.log")},
            {QStringLiteral("var/log/audit/audit.log.1"), QStringLiteral("linux/auditd_rhel7_many_record_types.log")},
            {QStringLiteral("var/log/dpkg.log"), QStringLiteral("linux/dpkg_ubuntu1404_base_install.log")}};
    for (const auto &[to, from] : layout)
        QVERIFY(writeFile(QDir(tree).filePath(to), readAll(corpusPath(from))));
    QVERIFY(writeFile(tree + QStringLiteral("/var/log/apt/history.log.1.gz"),
        gzip(readAll(corpusPath(QStringLiteral("linux/apt_history_debian9_gce.log"))))));
    QVERIFY(writeFile(tree + QStringLiteral("/README.txt"), "UAC-like layout for the tests\n"));
    const QString archivePath = m_dir.filePath(QStringLiteral("uac-corpus.") + kind);
    const QString error = makeArchive(kind, tree, archivePath);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const QString one = newCase();
    QStringList files;
    for (const QString &f : filesUnder(tree)) {
        if (f != u"README.txt")
            files << QDir(tree).filePath(f);
    }
    importInto(one, files);
    const QString all = newCase();
    const QList<ImportResult> results = importInto(all, {archivePath});
    QCOMPARE(eventRows(all).size(), eventRows(one).size());
    QCOMPARE(eventRows(all), eventRows(one));
    const ImportResult *readme = find(results, QStringLiteral("!/README.txt"));
    QVERIFY(readme);
    QCOMPARE(readme->status, ImportResult::Status::Skipped);
    auto store = CaseStore::open(all, CaseStore::Access::ReadOnly);
    for (const SourceInfo &s : store->sources()) {
        QCOMPARE(s.archiveSha256, sha256Of(readAll(archivePath)));
        QVERIFY(!s.memberPath.isEmpty());
        QCOMPARE(s.sha256, sha256Of(readAll(QDir(tree).filePath(s.memberPath))));
    }
}

void Tst_collection::kapeFolderFromCorpusMatchesFilesOneByOne()
{
    const QString windows = corpusPath(QStringLiteral("windows"));
    if (!QFileInfo::exists(windows))
        QSKIP("the shared corpus is not here");
    // A KAPE target folder: the event logs where Windows keeps them, and a file that is
    // no log.
    const QString root = m_dir.filePath(QStringLiteral("kape/HOST01"));
    const QString logs = root + QStringLiteral("/C/Windows/System32/winevt/Logs");
    QStringList copies;
    for (const QString &name : {QStringLiteral("sysmon_msi_package_spawns_meterpreter.evtx"),
             QStringLiteral("security_4688v0_5156_wfp_connections.evtx"),
             QStringLiteral("application_msiinstaller_1033_1040_1042_11707.evtx")}) {
        QVERIFY(writeFile(logs + QLatin1Char('/') + name, readAll(QDir(windows).filePath(name))));
        copies << logs + QLatin1Char('/') + name;
    }
    QVERIFY(writeFile(root + QStringLiteral("/2024-05-23T101010_ConsoleLog.txt"), "KAPE version 1.3\n"));

    const QString one = newCase();
    importInto(one, copies);
    const QString all = newCase();
    const QList<ImportResult> results = importInto(all, {m_dir.filePath(QStringLiteral("kape"))});
    QCOMPARE(eventRows(all), eventRows(one));
    QCOMPARE(results.size(), 4);
    // Sorted: the console log first ("2" < "C"), then the logs in name order.
    QVERIFY(results.at(0).path.endsWith(u"_ConsoleLog.txt"));
    QCOMPARE(results.at(0).status, ImportResult::Status::Skipped);
    QCOMPARE(results.at(0).error, QStringLiteral("not a log format Chainscope reads"));
    QVERIFY(results.at(1).path.endsWith(u"application_msiinstaller_1033_1040_1042_11707.evtx"));
    for (int i = 1; i < 4; ++i) {
        QCOMPARE(results.at(i).status, ImportResult::Status::Complete);
        // EVTX records name their computer.
        QCOMPARE(results.at(i).hostOrigin, QStringLiteral("the log"));
        QVERIFY(results.at(i).archivePath.isEmpty());
    }
}

void Tst_collection::folderIsSortedAndLinksAreNotFollowed()
{
    const QString root = m_dir.filePath(QStringLiteral("linked"));
    QVERIFY(writeFile(root + QStringLiteral("/b/dpkg.log"), InlineDpkg));
    QVERIFY(writeFile(root + QStringLiteral("/a/audit.log"), InlineAudit));
    const QString outside = m_dir.filePath(QStringLiteral("outside/history.log"));
    QVERIFY(writeFile(outside, InlineHistory));
    // A loop back to the root, and a way out of the tree.
    QVERIFY(QFile::link(root, root + QStringLiteral("/b/loop")));
    QVERIFY(QFile::link(outside, root + QStringLiteral("/a/history.log")));
    // A FIFO would block a reader for ever: listed, never opened.
    QCOMPARE(::mkfifo(QFile::encodeName(root + QStringLiteral("/b/fifo")).constData(), 0600), 0);

    const QString casePath = newCase();
    const QList<ImportResult> results = importInto(casePath, {root});
    QCOMPARE(results.size(), 5);
    QVERIFY(results.at(0).path.endsWith(u"/a/audit.log"));
    QVERIFY(results.at(1).path.endsWith(u"/a/history.log"));
    QCOMPARE(results.at(1).status, ImportResult::Status::Skipped);
    QVERIFY2(results.at(1).error.contains(u"symbolic link"), qPrintable(results.at(1).error));
    QVERIFY(results.at(2).path.endsWith(u"/b/dpkg.log"));
    QVERIFY(results.at(3).path.endsWith(u"/b/fifo"));
    QCOMPARE(results.at(3).status, ImportResult::Status::Skipped);
    QCOMPARE(results.at(3).error, QStringLiteral("not a regular file"));
    QVERIFY(results.at(4).path.endsWith(u"/b/loop"));
    QCOMPARE(results.at(4).status, ImportResult::Status::Skipped);
    auto store = CaseStore::open(casePath, CaseStore::Access::ReadOnly);
    QCOMPARE(store->sources().size(), 2);
}

void Tst_collection::refusedFormatInACollectionIsASkipWithItsAdvice()
{
    // A registry of its own: a format that is recognised and refused (as a raw .tracev3
    // is), beside dpkg.
    const FormatRegistry &builtin = builtinFormats();
    FormatEntry refused;
    refused.format = LogFormat::TraceV3;
    refused.refusal = QStringLiteral("export it with `log show` first");
    FormatRegistry withRefusal;
    withRefusal.addFormat(refused);
    withRefusal.addFormat(
        {LogFormat::DpkgLog, [&builtin] { return builtin.createReader(LogFormat::DpkgLog); }, {}, {}});
    withRefusal.addDetector([&builtin](QByteArrayView head) {
        if (head.startsWith("REFUSED"))
            return LogFormat::TraceV3;
        return builtin.detect(head) == LogFormat::DpkgLog ? LogFormat::DpkgLog : LogFormat::Unknown;
    });

    const QString root = m_dir.filePath(QStringLiteral("refusal"));
    QVERIFY(writeFile(root + QStringLiteral("/logdata.LiveData.tracev3"), "REFUSED bytes"));
    QVERIFY(writeFile(root + QStringLiteral("/var/log/dpkg.log"), InlineDpkg));
    const QString casePath = newCase();
    const QList<ImportResult> results = importInto(casePath, {root}, {}, nullptr, {}, withRefusal);
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).status, ImportResult::Status::Skipped);
    QCOMPARE(results.at(0).error, refused.refusal);
    QCOMPARE(results.at(1).status, ImportResult::Status::Complete);

    // Named directly, the same file still fails as before, with the advice.
    const QList<ImportResult> direct
        = importInto(casePath, {root + QStringLiteral("/logdata.LiveData.tracev3")}, {}, nullptr, {}, withRefusal);
    QCOMPARE(direct.size(), 1);
    QCOMPARE(direct.first().status, ImportResult::Status::Failed);
    QVERIFY(direct.first().error.contains(refused.refusal));
}

void Tst_collection::damagedArchiveKeepsIntactMembers_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("damage");
    QTest::newRow("tar.gz truncated") << QStringLiteral("tar.gz") << QStringLiteral("truncate");
    QTest::newRow("tar truncated") << QStringLiteral("tar") << QStringLiteral("truncate");
    QTest::newRow("zip member damaged") << QStringLiteral("zip") << QStringLiteral("member");
    // Stored, not deflated: only the member's CRC-32 can tell.
    QTest::newRow("zip stored member damaged") << QStringLiteral("zip-stored") << QStringLiteral("member");
    QTest::newRow("zip truncated") << QStringLiteral("zip") << QStringLiteral("truncate");
    QTest::newRow("7z truncated") << QStringLiteral("7z") << QStringLiteral("truncate");
}

void Tst_collection::damagedArchiveKeepsIntactMembers()
{
    QFETCH(QString, kind);
    QFETCH(QString, damage);
    const QString tree = m_dir.filePath(QStringLiteral("damaged-%1-%2").arg(kind, damage));
    // The first member small and intact, the second large enough to be cut.
    QVERIFY(writeFile(tree + QStringLiteral("/a/dpkg.log"), InlineDpkg));
    QByteArray big;
    for (int i = 0; i < 20000; ++i)
        big += QStringLiteral("2024-01-02 10:%1:%2 install pkg%3:amd64 <none> 1.0\n")
                   .arg((i / 60) % 60, 2, 10, QLatin1Char('0'))
                   .arg(i % 60, 2, 10, QLatin1Char('0'))
                   .arg(i)
                   .toUtf8();
    QVERIFY(writeFile(tree + QStringLiteral("/b/dpkg.log.1"), big));
    const QString archivePath = m_dir.filePath(QStringLiteral("damaged-%1-%2.%3").arg(kind, damage, kind));
    QCOMPARE(makeArchive(kind, tree, archivePath), QString());
    QByteArray bytes = readAll(archivePath);
    if (damage == u"truncate") {
        bytes.truncate(bytes.size() * 2 / 3);
    } else {
        // Inside the second member's deflated data: its CRC (or the inflater) fails.
        const qsizetype at = bytes.indexOf("b/dpkg.log.1");
        QVERIFY(at > 0);
        for (qsizetype i = at + 200; i < at + 400; ++i)
            bytes[i] = char(bytes[i] ^ 0x5a);
    }
    QVERIFY(writeFile(archivePath, bytes));

    const QString casePath = newCase();
    const QList<ImportResult> results = importInto(casePath, {archivePath});
    QVERIFY(!results.isEmpty());
    qint64 errors = 0;
    bool firstImported = false;
    for (const ImportResult &r : results) {
        errors += r.counts.recordsFailed;
        if (r.memberPath == u"a/dpkg.log" && r.status == ImportResult::Status::Complete)
            firstImported = true;
        QVERIFY(r.status != ImportResult::Status::Skipped || !r.error.isEmpty());
    }
    // 7z and zip keep their directory at the end: cut, nothing can be read, and that is
    // the error. Elsewhere the member before the damage is imported.
    if (kind == u"tar" || kind == u"tar.gz" || damage == u"member")
        QVERIFY(firstImported);
    QVERIFY2(errors > 0, "the damage must be counted");
    if (kind == u"zip-stored") {
        // Every line is read (the few that the changed bytes join or spoil among them),
        // and the checksum names the damage.
        const ImportResult *changed = find(results, QStringLiteral("!/b/dpkg.log.1"));
        QVERIFY(changed);
        QVERIFY2(changed->counts.recordsRead > 19990, qPrintable(QString::number(changed->counts.recordsRead)));
        auto store = CaseStore::open(casePath, CaseStore::Access::ReadOnly);
        bool crc = false;
        for (const ImportErrorRecord &e : store->importErrors(changed->sourceId))
            crc |= e.message.contains(QLatin1String("CRC"), Qt::CaseInsensitive);
        QVERIFY(crc);
    }
    if (kind.startsWith(u"tar")) {
        // The cut member keeps every record before the cut (20000 lines in all; two
        // thirds of the archive hold more than half of them).
        const ImportResult *cut = find(results, QStringLiteral("!/b/dpkg.log.1"));
        QVERIFY(cut);
        QVERIFY2(cut->counts.eventsStored > 10000, qPrintable(QString::number(cut->counts.eventsStored)));
        QVERIFY(cut->counts.recordsFailed > 0);
    }
    QVERIFY(std::any_of(results.cbegin(), results.cend(),
        [](const ImportResult &r) { return !r.error.isEmpty() && r.counts.recordsFailed > 0; }));
}

void Tst_collection::cancelKeepsTheFinishedFiles()
{
    const QString root = m_dir.filePath(QStringLiteral("cancel"));
    QVERIFY(writeFile(root + QStringLiteral("/1/dpkg.log"), InlineDpkg));
    QByteArray big;
    for (int i = 0; i < 300000; ++i)
        big += "2024-01-02 10:00:00 install pkg" + QByteArray::number(i) + ":amd64 <none> 1.0\n";
    QVERIFY(writeFile(root + QStringLiteral("/2/dpkg.log.1"), big));
    QVERIFY(writeFile(root + QStringLiteral("/3/history.log"), InlineHistory));

    const QString casePath = newCase();
    std::atomic<bool> cancel {false};
    // Cancel once the second file has stored events.
    const ProgressCallback progress = [&](const ImportProgress &p) {
        if (p.fileIndex == 1 && p.events > 0)
            cancel = true;
    };
    const QList<ImportResult> results = importInto(casePath, {root}, {}, &cancel, progress);
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).status, ImportResult::Status::Complete);
    QCOMPARE(results.at(1).status, ImportResult::Status::Incomplete);
    auto store = CaseStore::open(casePath, CaseStore::Access::ReadOnly);
    const QList<SourceInfo> sources = store->sources();
    QCOMPARE(sources.size(), 2);
    QCOMPARE(sources.at(0).status, SourceStatus::Complete);
    QCOMPARE(sources.at(1).status, SourceStatus::Incomplete);
    // The finished file's events stay; the one being read is rolled back.
    QCOMPARE(store->eventCount(), results.at(0).counts.eventsStored);
    QVERIFY(store->eventCount() > 0);
}

void Tst_collection::hostOrigin_data()
{
    QTest::addColumn<QString>("layout"); // how the collection is laid out
    QTest::addColumn<QString>("hostOption");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("origin");
    QTest::newRow("log") << QStringLiteral("node") << QString() << QStringLiteral("db01") << QStringLiteral("the log");
    QTest::newRow("log beats --host") << QStringLiteral("node") << QStringLiteral("given") << QStringLiteral("db01")
                                      << QStringLiteral("the log");
    QTest::newRow("uac.log") << QStringLiteral("uac.log") << QString() << QStringLiteral("web01")
                             << QStringLiteral("the collection layout (uac.log)");
    QTest::newRow("client_info.json") << QStringLiteral("client_info.json") << QString() << QStringLiteral("FS02")
                                      << QStringLiteral("the collection layout (client_info.json)");
    QTest::newRow("UAC archive name") << QStringLiteral("name") << QString() << QStringLiteral("my-host-1")
                                      << QStringLiteral("the collection layout (UAC archive name)");
    QTest::newRow("--host") << QStringLiteral("plain") << QStringLiteral("given") << QStringLiteral("given")
                            << QStringLiteral("--host");
    QTest::newRow("--host beats the layout")
        << QStringLiteral("uac.log") << QStringLiteral("given") << QStringLiteral("given") << QStringLiteral("--host");
    QTest::newRow("none") << QStringLiteral("plain") << QString() << QString() << QString();
}

void Tst_collection::hostOrigin()
{
    QFETCH(QString, layout);
    QFETCH(QString, hostOption);
    QFETCH(QString, host);
    QFETCH(QString, origin);
    const QString tree = m_dir.filePath(QStringLiteral("host-") + QString::fromLatin1(QTest::currentDataTag()));
    QByteArray audit = InlineAudit;
    if (layout == u"node")
        audit.replace("type=", "node=db01 type=");
    QVERIFY(writeFile(tree + QStringLiteral("/var/log/audit/audit.log"), audit));
    if (layout == u"uac.log")
        QVERIFY(writeFile(tree + QStringLiteral("/uac.log"),
            "2024-05-23 18:07:12 -0300 INF Unix-like Artifacts Collector\n"
            "2024-05-23 18:07:12 -0300 INF Hostname: web01\n"));
    if (layout == u"client_info.json")
        QVERIFY(writeFile(tree + QStringLiteral("/client_info.json"), R"({"Hostname": "FS02", "Fqdn": "FS02.x"})"));
    const QString name = layout == u"name" ? QStringLiteral("uac-my-host-1-linux-20240523180712.tar.gz")
                                           : QStringLiteral("collection-%1.tar.gz").arg(m_cases);
    const QString archivePath = m_dir.filePath(name);
    QCOMPARE(makeArchive(QStringLiteral("tar.gz"), tree, archivePath), QString());

    ImportOptions options;
    options.host = hostOption;
    const QString casePath = newCase();
    const QList<ImportResult> results = importInto(casePath, {archivePath}, options);
    const ImportResult *r = find(results, QStringLiteral("audit.log"));
    QVERIFY(r);
    QCOMPARE(r->status, ImportResult::Status::Complete);
    QCOMPARE(r->hostOrigin, origin);
    QCOMPARE(hostOriginText(*r), origin.isEmpty() ? QString() : QStringLiteral("host from ") + origin);
    auto store = CaseStore::open(casePath, CaseStore::Access::ReadOnly);
    QCOMPARE(store->hosts(), host.isEmpty() ? QStringList() : QStringList {host});
}

void Tst_collection::soleHostOfAPlatform_data()
{
    // Which files a folder holds: audit logs of the named hosts, a Mac's ECS document
    // (it names its host), and always a dpkg.log, which names none.
    QTest::addColumn<QStringList>("auditHosts");
    QTest::addColumn<bool>("mac");
    QTest::addColumn<QString>("host"); // given to dpkg.log's events, or empty
    QTest::addColumn<QString>("origin");
    QTest::newRow("one host in the case") << QStringList {QStringLiteral("db01")} << false << QStringLiteral("db01")
                                          << QStringLiteral("the case's only host");
    QTest::newRow("one Linux host beside a Mac")
        << QStringList {QStringLiteral("db01")} << true << QStringLiteral("db01")
        << QStringLiteral("the case's only linux host");
    QTest::newRow("two Linux hosts") << QStringList {QStringLiteral("db01"), QStringLiteral("db02")} << true
                                     << QString() << QString();
    QTest::newRow("only the Mac") << QStringList() << true << QString() << QString();
}

// Logs that name no host get the case's only host, or the only host of their own
// platform: one Linux server's dpkg.log beside a Mac's evidence is that server's.
void Tst_collection::soleHostOfAPlatform()
{
    QFETCH(QStringList, auditHosts);
    QFETCH(bool, mac);
    QFETCH(QString, host);
    QFETCH(QString, origin);
    const QString tree = m_dir.filePath(QStringLiteral("sole-") + QString::fromLatin1(QTest::currentDataTag()));
    for (const QString &h : auditHosts) {
        QByteArray audit = InlineAudit;
        audit.replace("type=", "node=" + h.toLatin1() + " type=");
        QVERIFY(writeFile(tree + QStringLiteral("/%1/audit.log").arg(h), audit));
    }
    QVERIFY(writeFile(tree + QStringLiteral("/dpkg.log"), InlineDpkg));
    if (mac)
        QVERIFY(writeFile(tree + QStringLiteral("/mac/endpoint.json"),
            R"({"@timestamp":"2024-01-02T10:00:00Z","agent":{"type":"endpoint"},"host":{"hostname":"mac1",)"
            R"("os":{"family":"macos"}},"event":{"category":["process"],"type":["start"],"action":"exec"},)"
            R"("process":{"entity_id":"P1","pid":7,"executable":"/bin/ls","parent":{"pid":1}}})"
            "\n"));
    const QString casePath = newCase();
    const QList<ImportResult> results = importInto(casePath, {tree});
    const ImportResult *dpkg = find(results, QStringLiteral("/dpkg.log"));
    QVERIFY(dpkg);
    QCOMPARE(dpkg->hostOrigin, origin);
    auto store = CaseStore::open(casePath, CaseStore::Access::ReadOnly);
    QCOMPARE(store->source(dpkg->sourceId)->host, host);
    QCOMPARE(store->eventsWithoutHost(dpkg->sourceId), host.isEmpty() ? dpkg->counts.eventsStored : 0);
    // A source whose events all name their host is left as it is.
    if (const ImportResult *ecs = find(results, QStringLiteral("/endpoint.json"))) {
        QCOMPARE(ecs->hostOrigin, QStringLiteral("the log"));
        QCOMPARE(store->source(ecs->sourceId)->host, QString());
    }
}

void Tst_collection::layoutFileDepth_data()
{
    // A collector's own file counts at the top of the archive or one folder down (an
    // archive made of the output folder), not deeper: a uac.log among collected files
    // is some other machine's.
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("host");
    QTest::newRow("top") << QStringLiteral("uac.log") << QStringLiteral("web01");
    QTest::newRow("one down") << QStringLiteral("out/uac.log") << QStringLiteral("web01");
    QTest::newRow("two down") << QStringLiteral("out/more/uac.log") << QString();
}

void Tst_collection::layoutFileDepth()
{
    QFETCH(QString, where);
    QFETCH(QString, host);
    const QString tree = m_dir.filePath(QStringLiteral("depth-") + QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(writeFile(tree + QStringLiteral("/var/log/dpkg.log"), InlineDpkg));
    QVERIFY(writeFile(QDir(tree).filePath(where), "2024-05-23 18:07:12 -0300 INF Hostname: web01\n"));
    const QString archivePath = tree + QStringLiteral(".zip");
    QCOMPARE(makeArchive(QStringLiteral("zip"), tree, archivePath), QString());
    const QString casePath = newCase();
    const QList<ImportResult> results = importInto(casePath, {archivePath});
    const ImportResult *r = find(results, QStringLiteral("dpkg.log"));
    QVERIFY(r);
    auto store = CaseStore::open(casePath, CaseStore::Access::ReadOnly);
    QCOMPARE(store->source(r->sourceId)->host, host);
}

void Tst_collection::hostFromCollectionNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("host");
    QTest::newRow("tar.gz") << QStringLiteral("uac-web01-linux-20240523180712.tar.gz") << QStringLiteral("web01");
    QTest::newRow("dashes in the host") << QStringLiteral("uac-db-01-eu-macos-20240523180712.zip")
                                        << QStringLiteral("db-01-eu");
    QTest::newRow("folder") << QStringLiteral("uac-web01-freebsd-20240523180712") << QStringLiteral("web01");
    // The stamp is 14 digits, no more, no fewer.
    QTest::newRow("13 digits") << QStringLiteral("uac-web01-linux-2024052318071.tar.gz") << QString();
    QTest::newRow("15 digits") << QStringLiteral("uac-web01-linux-202405231807123.tar.gz") << QString();
    QTest::newRow("unknown system") << QStringLiteral("uac-web01-plan9-20240523180712.tar.gz") << QString();
    QTest::newRow("other") << QStringLiteral("collection.tar.gz") << QString();
}

void Tst_collection::hostFromCollectionNames()
{
    QFETCH(QString, name);
    QFETCH(QString, host);
    QCOMPARE(hostFromCollectionName(name).host, host);
}

void Tst_collection::progressCoversTheWholeCollection()
{
    const QString tree = inlineTree(QStringLiteral("progress"));
    const QString archivePath = m_dir.filePath(QStringLiteral("progress.tar.gz"));
    QCOMPARE(makeArchive(QStringLiteral("tar.gz"), tree, archivePath), QString());
    QList<ImportProgress> seen;
    const QString casePath = newCase();
    const QList<ImportResult> results
        = importInto(casePath, {archivePath, tree}, {}, nullptr, [&](const ImportProgress &p) { seen.append(p); });
    QVERIFY(!seen.isEmpty());
    // Every file of the folder, and the logs of the archive (its other members are not
    // read in the import, only listed).
    qint64 expectedBytes = 0;
    for (const QString &f : filesUnder(tree))
        expectedBytes += QFileInfo(QDir(tree).filePath(f)).size();
    for (const QByteArray &log : {InlineAudit, InlineAuditRotated, InlineDpkg, gzip(InlineHistory)})
        expectedBytes += log.size();
    qint64 events = 0;
    for (const ImportResult &r : results)
        events += r.counts.eventsStored;
    for (const ImportProgress &p : std::as_const(seen)) {
        if (p.scanning)
            continue;
        QCOMPARE(p.fileCount, int(results.size()));
        QCOMPARE(p.totalBytesTotal, expectedBytes);
        QVERIFY(p.totalBytesDone <= p.totalBytesTotal);
        QVERIFY(p.totalEvents <= events);
    }
    // The archive was scanned ahead, then its members and the folder's files imported.
    QVERIFY(std::any_of(seen.cbegin(), seen.cend(), [](const ImportProgress &p) { return p.fileIndex > 0; }));
}

// A sparse map is hostile input: a block put at 2^62 would make the hole before it read
// as zeros for ever (the CLI cannot be cancelled). The member ends with an error at its
// declared size and at the decode limit instead. Generated tars (gnuSparseTar).
void Tst_collection::sparseMapBeyondTheMemberIsRefused_data()
{
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("realSize");
    QTest::addColumn<QString>("refusal"); // empty: the member reads
    const qint64 data = InlineDpkg.size();
    const qint64 size = 4096;
    const QString beyond = QStringLiteral("sparse map beyond the member's size");
    QTest::newRow("block ends before the size") << size - data - 1 << size << QString();
    QTest::newRow("block ends at the size") << size - data << size << QString();
    QTest::newRow("block ends past the size") << size - data + 1 << size << beyond;
    QTest::newRow("block at 2^62") << (qint64(1) << 62) << size << beyond;
    // A member that says it is that long meets the decode limit (1 GiB for so small an
    // archive) instead: at it the first bytes read, one past it none.
    const qint64 limit = ArchiveReader::decodeLimit(1);
    QTest::newRow("block ends at the decode limit") << limit - data << limit + size << QString();
    QTest::newRow("block ends past the decode limit")
        << limit - data + 1 << limit + size << QStringLiteral("too many for the archive's size");
    QTest::newRow("block at 2^62, size to match")
        << (qint64(1) << 62) << (qint64(1) << 62) + data << QStringLiteral("too many for the archive's size");
}

void Tst_collection::sparseMapBeyondTheMemberIsRefused()
{
    QFETCH(qint64, offset);
    QFETCH(qint64, realSize);
    QFETCH(QString, refusal);
    const QString path
        = m_dir.filePath(QStringLiteral("sparse-%1.tar").arg(QString::fromUtf8(QTest::currentDataTag())));
    QVERIFY(writeFile(path, gnuSparseTar("var/log/dpkg.log", InlineDpkg, offset, realSize)));
    QVERIFY(QFileInfo(path).size() <= 2048);

    ArchiveReader reader;
    QVERIFY2(reader.open(path), qPrintable(reader.errorString()));
    ArchiveReader::Entry entry;
    QCOMPARE(reader.next(entry), ArchiveReader::Next::Entry);
    QCOMPARE(entry.size, realSize);
    // At most 1 MiB: the members at the limit would read 1 GiB of hole.
    constexpr qint64 Enough = 1 << 20;
    QByteArray read;
    qint64 n = 0;
    while (read.size() < Enough) {
        QByteArray chunk(64 * 1024, Qt::Uninitialized);
        n = reader.member()->read(chunk.data(), chunk.size());
        if (n <= 0)
            break;
        read += chunk.left(n);
    }
    if (refusal.isEmpty()) {
        QVERIFY2(n >= 0, qPrintable(reader.member()->errorString()));
        // libarchive gives no block for a hole at the end of an old GNU sparse member:
        // the data ends at its last block.
        QVERIFY(read.size() <= qMin(realSize, Enough));
        QCOMPARE(read.size(), qMin(offset + InlineDpkg.size(), Enough));
        if (realSize <= Enough) {
            QCOMPARE(read.mid(offset, InlineDpkg.size()), InlineDpkg);
            QCOMPARE(read.left(offset), QByteArray(offset, '\0'));
        }
        return;
    }
    QCOMPARE(n, qint64(-1));
    QVERIFY2(reader.member()->errorString().contains(refusal), qPrintable(reader.member()->errorString()));
    QCOMPARE(read.size(), qsizetype(0));

    // The whole import ends too, with the refusal as the member's error.
    const QList<ImportResult> results = importInto(newCase(), {path});
    const ImportResult *member = find(results, QStringLiteral("!/var/log/dpkg.log"));
    QVERIFY(member);
    QCOMPARE(member->status, ImportResult::Status::Failed);
    QVERIFY2(member->error.contains(refusal), qPrintable(member->error));
}

void Tst_collection::decodeLimit_data()
{
    QTest::addColumn<qint64>("archiveSize");
    QTest::addColumn<qint64>("limit");
    const qint64 max = std::numeric_limits<qint64>::max();
    QTest::newRow("empty") << qint64(0) << (qint64(1) << 30);
    QTest::newRow("below the floor's size") << (qint64(1) << 20) - 1 << (qint64(1) << 30);
    QTest::newRow("at the floor's size") << (qint64(1) << 20) << (qint64(1) << 30);
    QTest::newRow("above the floor's size") << (qint64(1) << 20) + 1 << (qint64(1) << 30) + 1024;
    QTest::newRow("below saturation") << max / 1024 << max / 1024 * 1024;
    QTest::newRow("saturated") << max / 1024 + 1 << max;
    QTest::newRow("largest") << max << max;
}

void Tst_collection::decodeLimit()
{
    QFETCH(qint64, archiveSize);
    QFETCH(qint64, limit);
    QCOMPARE(ArchiveReader::decodeLimit(archiveSize), limit);
}

// An archive that fails on the import pass (removed, or cut after it was scanned): every
// member still to come fails with that reason, none with an empty error. Generated logs.
void Tst_collection::archiveFailureReachesEveryLaterMember_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("reason");
    QTest::newRow("removed") << QStringLiteral("remove") << QStringLiteral("cannot read");
    QTest::newRow("cut") << QStringLiteral("cut") << QStringLiteral("the archive changed since it was first read");
}

void Tst_collection::archiveFailureReachesEveryLaterMember()
{
    QFETCH(QString, change);
    QFETCH(QString, reason);
    const QString tree = m_dir.filePath(QStringLiteral("changing-%1").arg(change));
    // Each member larger than libarchive's read-ahead, so the cut is met on reading.
    for (const char *name : {"a", "b", "c", "d"})
        QVERIFY(writeFile(tree + QStringLiteral("/%1/dpkg.log").arg(QLatin1String(name)), manyDpkgLines(4000, name)));
    const QString archivePath = m_dir.filePath(QStringLiteral("changing-%1.tar").arg(change));
    QCOMPARE(makeArchive(QStringLiteral("tar"), tree, archivePath), QString());
    const QString before = m_dir.filePath(QStringLiteral("before-%1.log").arg(change));
    QVERIFY(writeFile(before, InlineDpkg));

    const QByteArray bytes = readAll(archivePath);
    auto store = CaseStore::open(newCase());
    const ResultCallback finished = [&](const ImportResult &r) {
        if (change == u"remove" && r.memberPath.isEmpty())
            QFile::remove(archivePath);
        else if (change == u"cut" && r.memberPath == u"a/dpkg.log")
            writeFile(archivePath, bytes.left(bytes.size() / 8));
    };
    const QList<ImportResult> results
        = importPaths(*store, builtinFormats(), {before, archivePath}, {}, nullptr, {}, finished);
    QStringList failed;
    QString first;
    for (const ImportResult &r : results) {
        if (r.memberPath.isEmpty() || (change == u"cut" && r.memberPath == u"a/dpkg.log"))
            continue;
        // Its header was in libarchive's read-ahead: the cut is met in its data, a
        // matter of that member, not of this test.
        if (change == u"cut" && r.memberPath == u"b/dpkg.log")
            continue;
        QVERIFY2(r.status == ImportResult::Status::Failed, qPrintable(r.memberPath));
        QVERIFY2(r.error.contains(reason), qPrintable(r.memberPath + QStringLiteral(": ") + r.error));
        if (first.isEmpty())
            first = r.error;
        QCOMPARE(r.error, first);
        failed << r.memberPath;
    }
    const QStringList expected = change == u"remove"
        ? QStringList {QStringLiteral("a/dpkg.log"), QStringLiteral("b/dpkg.log"), QStringLiteral("c/dpkg.log"),
            QStringLiteral("d/dpkg.log")}
        : QStringList {QStringLiteral("c/dpkg.log"), QStringLiteral("d/dpkg.log")};
    QCOMPARE(failed, expected);
}

// tar takes a zero block for its end: a file that begins with one is no empty archive
// but whatever follows (a log with a hole of NULs at its head, as logrotate's
// copytruncate leaves). Generated: zeros, then dpkg records.
void Tst_collection::leadingZeroBlockIsNoArchive_data()
{
    QTest::addColumn<int>("zeros");
    QTest::newRow("511") << 511;
    QTest::newRow("512") << 512;
    QTest::newRow("513") << 513;
    QTest::newRow("1024") << 1024;
}

void Tst_collection::leadingZeroBlockIsNoArchive()
{
    QFETCH(int, zeros);
    const QByteArray bytes = QByteArray(zeros, '\0') + InlineDpkg;
    const QString path = m_dir.filePath(QStringLiteral("holes/%1/dpkg.log").arg(zeros));
    QVERIFY(writeFile(path, bytes));
    QVERIFY(!ArchiveReader::isArchive(path));
    QVERIFY(!ArchiveReader::isArchiveHead(bytes));
    // Named directly and found in a folder alike.
    for (const QString &input : {path, QFileInfo(path).absolutePath()}) {
        const QList<ImportResult> results = importInto(newCase(), {input});
        QCOMPARE(results.size(), qsizetype(1));
        QVERIFY2(!results.first().error.contains(QLatin1String("archive holds no files")),
            qPrintable(results.first().error));
        QVERIFY2(results.first().archivePath.isEmpty(), qPrintable(results.first().archivePath));
        // Read as the dpkg log it is (the NULs make one damaged line).
        QVERIFY2(results.first().counts.eventsStored > 0, qPrintable(results.first().error));
    }
}

void Tst_collection::sizeSumSaturates_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<qint64>("sum");
    const qint64 max = std::numeric_limits<qint64>::max();
    const qint64 min = std::numeric_limits<qint64>::min();
    QTest::newRow("small") << qint64(2) << qint64(3) << qint64(5);
    QTest::newRow("one under the top") << max - 2 << qint64(1) << max - 1;
    QTest::newRow("at the top") << max - 1 << qint64(1) << max;
    QTest::newRow("one past the top") << max - 1 << qint64(2) << max;
    QTest::newRow("two tar sizes of 2^63-1") << max << max << max;
    QTest::newRow("at the bottom") << min + 1 << qint64(-1) << min;
    QTest::newRow("one past the bottom") << min + 1 << qint64(-2) << min;
}

void Tst_collection::sizeSumSaturates()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(qint64, sum);
    QCOMPARE(sizeSum(a, b), sum);
    QCOMPARE(sizeSum(b, a), sum);
}

void Tst_collection::progressShareStaysInRange_data()
{
    QTest::addColumn<qint64>("done");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<int>("share"); // of 100
    const qint64 max = std::numeric_limits<qint64>::max();
    QTest::newRow("nothing to do") << qint64(0) << qint64(0) << 0;
    QTest::newRow("negative total") << qint64(5) << qint64(-1) << 0;
    QTest::newRow("negative done") << qint64(-5) << qint64(10) << 0;
    QTest::newRow("half") << qint64(50) << qint64(100) << 50;
    QTest::newRow("one under the whole") << qint64(99) << qint64(100) << 99;
    QTest::newRow("the whole") << qint64(100) << qint64(100) << 100;
    QTest::newRow("one past the whole") << qint64(101) << qint64(100) << 100;
    // 100 * done overflows here in integers.
    QTest::newRow("half of 2^63-1") << max / 2 << max << 50;
    QTest::newRow("all of 2^63-1") << max << max << 100;
}

void Tst_collection::progressShareStaysInRange()
{
    QFETCH(qint64, done);
    QFETCH(qint64, total);
    QFETCH(int, share);
    QCOMPARE(progressShare(done, total, 100), share);
}

QTEST_GUILESS_MAIN(Tst_collection)
#include "tst_collection.moc"
