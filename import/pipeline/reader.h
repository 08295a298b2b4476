#pragma once

#include "casestore.h"
#include "event.h"

#include <QByteArray>
#include <QString>
#include <QTimeZone>

#include <atomic>
#include <memory>

namespace Chainscope {

class InputFile;

// Where a reader delivers what it found. The import pipeline backs it with the case
// store; tests back it with memory. Readers never see SQL.
class ImportSink
{
public:
    virtual ~ImportSink();

    // Stores the original bytes of one record (or group of records) once and returns
    // the id that the events made from it refer to.
    virtual qint64 addRaw(const QByteArray &raw) = 0;
    // The same with the SHA-256 of `raw` already made, on a thread that is not the
    // writer's (issue 11, finding 13). Sinks that keep no hash ignore it.
    virtual qint64 addHashedRaw(const QByteArray &raw, const QByteArray &sha256)
    {
        Q_UNUSED(sha256);
        return addRaw(raw);
    }
    // The same for a record compressed by RawCodec::compress(), with the SHA-256 of its
    // bytes before compression (both made where the bytes are, on a decode thread).
    // Sinks that keep raw records in memory get the bytes back through this default.
    virtual qint64 addCompressedRaw(const QByteArray &frame, const QByteArray &sha256);
    virtual void addEvent(const Event &event, qint64 rawId) = 0;

    // One malformed or lost record. The message names what was wrong; the position
    // says where (decoded byte offset or record number), -1 when unknown.
    void recordError(qint64 pos, const QString &message);
    // `count` damaged records behind one message (a damaged EVTX chunk stands for all
    // of its records): each counts as failed, the message is stored once.
    void recordErrors(qint64 pos, qint64 count, const QString &message)
    {
        if (count <= 0)
            return;
        recordError(pos, message);
        m_counts.recordsFailed += count - 1;
    }
    // Records the file itself promises (an EVTX header's next record id) but does not
    // hold: cut or zeroed evidence (issue 11, finding 3). Counted like recordErrors();
    // the import then ends incomplete, keeping the events that were read, and
    // `message` is why.
    void recordMissing(qint64 pos, qint64 count, const QString &message)
    {
        if (count <= 0)
            return;
        recordErrors(pos, count, message);
        if (m_missing.isEmpty())
            m_missing = message;
    }
    // A hole in the log's own sequence numbers, first..last missing (an audit serial
    // gap). Not an error: excerpts, ausearch output and rotated logs have holes with
    // every record intact, so it is counted apart as a possible loss (issue 11,
    // finding 12). `pos` is where the hole shows: the first record after it.
    void recordGap(quint64 first, quint64 last, qint64 pos)
    {
        if (last < first)
            return;
        m_counts.gaps.add(first, last);
        storeGap(first, last, pos);
    }
    void recordRead(qint64 n = 1) { m_counts.recordsRead += n; }
    void recordSkipped(qint64 n = 1) { m_counts.recordsSkipped += n; }

    const ImportCounts &counts() const { return m_counts; }
    const QString &firstError() const { return m_firstError; }
    // Why the input is short of what it promises; empty when it is not.
    const QString &missingRecords() const { return m_missing; }

protected:
    virtual void storeError(qint64 pos, const QString &message) = 0;
    // Sinks that want each hole's position (tests) override this; the counts keep the
    // ranges for everyone else.
    virtual void storeGap(quint64 first, quint64 last, qint64 pos)
    {
        Q_UNUSED(first);
        Q_UNUSED(last);
        Q_UNUSED(pos);
    }
    ImportCounts m_counts;
    QString m_firstError;
    QString m_missing;
};

// Everything a reader may need besides the bytes.
struct ReaderContext
{
    // Host for records that do not name one (dpkg.log, apt history, audit logs
    // without node=). Empty when unknown.
    QString host;
    // Zone of local timestamps in logs that store no offset (dpkg.log, apt history).
    QTimeZone timeZone = QTimeZone::utc();
    // Set from another thread to stop the import; readers poll cancelled().
    const std::atomic<bool> *cancel = nullptr;
    // Threads that decode in parallel where a format allows it (EVTX chunks); 0 picks
    // the machine's core count. Benchmarks set 1 to measure single-threaded speed.
    int decodeThreads = 0;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

// One log format. Readers stream: memory use must not grow with the file.
class Reader
{
public:
    virtual ~Reader();
    // Reads from the current position to the end (or until cancelled).
    virtual void read(InputFile &input, const ReaderContext &context, ImportSink &sink) = 0;
};

} // namespace Chainscope
