// The threaded import used by the workbench: work happens off the calling thread,
// progress arrives as typed signals, and cancel leaves the case consistent.

#include "importjob.h"
#include "linuxscenario.h"
#include "testsupport.h"

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

private:
    QTemporaryDir m_dir;
};

void Tst_importjob::importsOffTheCallingThreadWithProgress()
{
    const QString casePath = m_dir.filePath(QStringLiteral("job.chainscope"));
    CaseStore::create(casePath);
    const QStringList files = {corpusPath(QStringLiteral("linux/dpkg_ubuntu1404_base_install.log")),
        corpusPath(QStringLiteral("linux/auditd_rhel7_many_record_types.log"))};
    ImportJob job(casePath, files, {});
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
    ImportJob job(casePath, files, {});
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

QTEST_GUILESS_MAIN(Tst_importjob)
#include "tst_importjob.moc"
