// The threaded import used by the workbench: work happens off the calling thread,
// progress arrives as typed signals, and cancel leaves the case consistent.

#include "formats.h"
#include "importjob.h"
#include "linuxscenario.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Chainscope;
using namespace Chainscope::Test;

class Tst_importjob : public QObject
{
    Q_OBJECT
private slots:
    void importsOffTheCallingThreadWithProgress();
    void cancelRollsBackTheFileInProgress();
    void sameEvidenceTwiceIsRefusedUnlessAgain_data();
    void sameEvidenceTwiceIsRefusedUnlessAgain();
    void expandsAFolderOnTheWorkerWithOneProgress();

private:
    QTemporaryDir m_dir;
};

void Tst_importjob::importsOffTheCallingThreadWithProgress()
{
    const QString casePath = m_dir.filePath(QStringLiteral("job.chainscope"));
    CaseStore::create(casePath);
    const QStringList files = {corpusPath(QStringLiteral("linux/dpkg_ubuntu1404_base_install.log")),
        corpusPath(QStringLiteral("linux/auditd_rhel7_many_record_types.log"))};
    ImportJob job(casePath, builtinFormats(), files, {});
    QThread *workerThread = nullptr;
    connect(
        &job, &ImportJob::fileFinished, &job, [&] { workerThread = QThread::currentThread(); }, Qt::DirectConnection);
    QSignalSpy progress(&job, &ImportJob::progress);
    QSignalSpy fileFinished(&job, &ImportJob::fileFinished);
    QSignalSpy finished(&job, &ImportJob::finished);
    job.start();
    QVERIFY(finished.wait(60000));

    QVERIFY(workerThread);
    QVERIFY(workerThread != QThread::currentThread());
    QCOMPARE(fileFinished.size(), 2);
    QVERIFY(!progress.isEmpty());
    const auto last = progress.last().first().value<ImportProgress>();
    QCOMPARE(last.fileCount, 2);
    QVERIFY(last.bytesDone <= last.bytesTotal);

    const auto results = finished.first().first().value<QList<ImportResult>>();
    QCOMPARE(finished.first().at(1).toString(), QString());
    QCOMPARE(results.size(), 2);
    for (const ImportResult &r : results)
        QCOMPARE(r.status, ImportResult::Status::Complete);
    // dpkg_ubuntu1404_base_install.log has 8043 lines (PROVENANCE.md).
    QCOMPARE(results.first().counts.recordsRead, 8043);

    auto store = CaseStore::open(casePath);
    QCOMPARE(store->sources().size(), 2);
    QCOMPARE(store->eventCount(), results[0].counts.eventsStored + results[1].counts.eventsStored);
}

void Tst_importjob::cancelRollsBackTheFileInProgress()
{
    const QString evidence = m_dir.filePath(QStringLiteral("evidence"));
    LinuxScenarioOptions options;
    options.noiseEvents = 300000;
    const LinuxScenarioResult demo = writeLinuxScenario(evidence, options);
    QVERIFY2(demo.error.isEmpty(), qPrintable(demo.error));
    QString audit;
    for (const QString &f : demo.files) {
        if (f.endsWith(QLatin1String("audit.log")))
            audit = f;
    }
    QVERIFY(!audit.isEmpty());

    const QString casePath = m_dir.filePath(QStringLiteral("cancel.chainscope"));
    CaseStore::create(casePath);
    const QStringList files = {audit, corpusPath(QStringLiteral("linux/dpkg_tiny_mixed.log"))};
    ImportJob job(casePath, builtinFormats(), files, {});
    // Cancel as soon as the first events are reported written.
    connect(&job, &ImportJob::progress, &job, [&](const ImportProgress &p) {
        if (p.events > 0)
            job.cancel();
    });
    QSignalSpy finished(&job, &ImportJob::finished);
    job.start();
    QVERIFY(finished.wait(120000));
    const auto results = finished.first().first().value<QList<ImportResult>>();
    // The second file was never started.
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().status, ImportResult::Status::Incomplete);

    auto store = CaseStore::open(casePath);
    const QList<SourceInfo> sources = store->sources();
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources.first().status, SourceStatus::Incomplete);
    QVERIFY(!sources.first().error.isEmpty());
    QCOMPARE(store->eventCount(), 0);
}

void Tst_importjob::sameEvidenceTwiceIsRefusedUnlessAgain_data()
{
    QTest::addColumn<bool>("again");
    // The workbench imports with default options: refused.
    QTest::newRow("default") << false;
    QTest::newRow("again") << true;
}

void Tst_importjob::sameEvidenceTwiceIsRefusedUnlessAgain()
{
    QFETCH(bool, again);
    const QString casePath = m_dir.filePath(QStringLiteral("twice-%1.chainscope").arg(again));
    CaseStore::create(casePath);
    const QString file = corpusPath(QStringLiteral("linux/dpkg_tiny_mixed.log"));
    ImportOptions options;
    options.again = again;
    // Twice in one job: the second sees the first's committed source.
    ImportJob job(casePath, builtinFormats(), {file, file}, options);
    QSignalSpy finished(&job, &ImportJob::finished);
    job.start();
    QVERIFY(finished.wait(60000));
    const auto results = finished.first().first().value<QList<ImportResult>>();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results[0].status, ImportResult::Status::Complete);
    auto store = CaseStore::open(casePath);
    if (again) {
        QCOMPARE(results[1].status, ImportResult::Status::Complete);
        QCOMPARE(results[1].duplicateOf, -1);
        QCOMPARE(store->sources().size(), 2);
        QCOMPARE(store->eventCount(), 2 * results[0].counts.eventsStored);
    } else {
        QCOMPARE(results[1].status, ImportResult::Status::Duplicate);
        QCOMPARE(results[1].duplicateOf, results[0].sourceId);
        QCOMPARE(results[1].sourceId, -1);
        QCOMPARE(results[1].sha256, results[0].sha256);
        // What the workbench shows the analyst.
        QVERIFY2(
            results[1].error.contains(QStringLiteral("is already in this case as source %1").arg(results[0].sourceId)),
            qPrintable(results[1].error));
        QCOMPARE(store->sources().size(), 1);
        QCOMPARE(store->eventCount(), results[0].counts.eventsStored);
    }
}

// Issue 13: the job takes folders too, walks them on its worker thread, and reports one
// progress for the whole: files, bytes and events (inline fixture, generated here).
void Tst_importjob::expandsAFolderOnTheWorkerWithOneProgress()
{
    const QString folder = m_dir.filePath(QStringLiteral("triage"));
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/var/log/apt")));
    const auto write = [](const QString &path, const QByteArray &bytes) {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    QByteArray dpkg;
    for (int i = 0; i < 5000; ++i)
        dpkg += "2024-01-02 10:00:00 install pkg" + QByteArray::number(i) + ":amd64 <none> 1.0\n";
    QVERIFY(write(folder + QStringLiteral("/var/log/dpkg.log"), dpkg));
    QVERIFY(write(folder + QStringLiteral("/var/log/apt/history.log"),
        "Start-Date: 2024-01-02  10:00:00\nCommandline: apt-get install foo\nInstall: foo:amd64 (1.0)\n"
        "End-Date: 2024-01-02  10:00:02\n"));
    QVERIFY(write(folder + QStringLiteral("/README.txt"), "no log\n"));
    const qint64 logBytes = QFileInfo(folder + QStringLiteral("/var/log/dpkg.log")).size()
        + QFileInfo(folder + QStringLiteral("/var/log/apt/history.log")).size()
        + QFileInfo(folder + QStringLiteral("/README.txt")).size();

    const QString casePath = m_dir.filePath(QStringLiteral("folder.chainscope"));
    CaseStore::create(casePath);
    ImportJob job(casePath, builtinFormats(), {folder}, {});
    QSignalSpy progress(&job, &ImportJob::progress);
    QSignalSpy fileFinished(&job, &ImportJob::fileFinished);
    QSignalSpy finished(&job, &ImportJob::finished);
    job.start();
    QVERIFY(finished.wait(60000));
    const auto results = finished.first().first().value<QList<ImportResult>>();
    QCOMPARE(results.size(), 3);
    QCOMPARE(fileFinished.size(), 3);
    QCOMPARE(results.at(0).status, ImportResult::Status::Skipped); // README.txt sorts first
    QCOMPARE(results.at(1).status, ImportResult::Status::Complete);
    QCOMPARE(results.at(2).status, ImportResult::Status::Complete);
    QVERIFY(!progress.isEmpty());
    const auto last = progress.last().first().value<ImportProgress>();
    QCOMPARE(last.fileCount, 3);
    QCOMPARE(last.totalBytesTotal, logBytes);
    QCOMPARE(last.totalBytesDone, logBytes);
    QCOMPARE(last.totalEvents, results.at(1).counts.eventsStored + results.at(2).counts.eventsStored);
}

QTEST_GUILESS_MAIN(Tst_importjob)
#include "tst_importjob.moc"
