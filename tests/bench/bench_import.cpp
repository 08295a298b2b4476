// Import benchmark: how fast a file goes from disk into normalized events, with and
// without the case store, and how much memory that takes. Not a test: it measures.
//
//   chainscope-bench FILE [--parse-only] [--case PATH] [--threads N]
//
// --threads sets how many threads decode where a format decodes in parallel (EVTX
// chunks); the default is one per core.
//
//   chainscope-bench FILE.evtx --decode-only [--threads N]
//
// EVTX only: decodes and normalizes every chunk of the memory-mapped file (on one
// thread, or N), without reading through InputFile (which also hashes the file for
// the case) and without a sink: the decoder and normalizer alone. Its peak RSS counts
// the mapped file's pages; the streaming modes show the reader's own memory.
//
// Prints one line of key=value pairs: file size, records, events, seconds,
// events/s, MB/s and the process's peak resident set size.

#include "casestore.h"
#include "evtxreader.h"
#include "formats.h"
#include "importer.h"
#include "inputfile.h"
#include "reader.h"
#include "windowsnormalizer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <sys/resource.h>

#include <thread>
#include <vector>

using namespace Chainscope;

namespace {

// Counts what a reader produces and throws it away: the parse cost alone.
class NullSink final : public ImportSink
{
public:
    qint64 addRaw(const QByteArray &raw) override
    {
        m_rawBytes += raw.size();
        return m_raws++;
    }
    void addEvent(const Event &, qint64) override { ++m_counts.eventsStored; }
    qint64 m_rawBytes = 0;
    qint64 m_raws = 0;

protected:
    void storeError(qint64, const QString &) override { }
};

qint64 peakRssKiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss; // KiB on Linux
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const bool parseOnly = args.removeAll(QStringLiteral("--parse-only")) > 0;
    const bool decodeOnly = args.removeAll(QStringLiteral("--decode-only")) > 0;
    QString casePath;
    const qsizetype caseIndex = args.indexOf(QStringLiteral("--case"));
    if (caseIndex >= 0 && caseIndex + 1 < args.size()) {
        casePath = args.at(caseIndex + 1);
        args.remove(caseIndex, 2);
    }
    int threads = 0;
    const qsizetype threadsIndex = args.indexOf(QStringLiteral("--threads"));
    if (threadsIndex >= 0 && threadsIndex + 1 < args.size()) {
        threads = args.at(threadsIndex + 1).toInt();
        args.remove(threadsIndex, 2);
    }
    if (args.size() != 1) {
        err << "usage: chainscope-bench FILE [--parse-only] [--case PATH] [--threads N]\n";
        return 1;
    }
    const QString file = args.first();

    QElapsedTimer clock;
    clock.start();
    ImportCounts counts;
    qint64 size = 0;
    if (decodeOnly) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            err << f.errorString() << '\n';
            return 1;
        }
        size = f.size();
        const uchar *data = f.map(0, size);
        if (!data) {
            err << "cannot map " << file << '\n';
            return 1;
        }
        // Fault every page in first, on one thread and inside the timed region (reading
        // the input is part of the cost, as it is for evtxexport): threads taking page
        // faults on one mapping serialize on the kernel's lock for it, which would hide
        // the parallel speed-up of decoding behind I/O bookkeeping.
        // Volatile reads: the compiler may not drop them although nothing uses the value.
        const volatile uchar *pages = data;
        for (qint64 off = 0; off < size; off += 4096)
            (void)pages[off];
        // With --threads N, N threads take every N-th chunk: the parallel decode
        // without the reader's pipeline around it.
        const int workers = std::max(1, threads);
        std::vector<ImportCounts> partial(static_cast<size_t>(workers));
        const auto work = [&](int w) {
            ImportCounts &c = partial[size_t(w)];
            qint64 index = 0;
            for (qint64 off = Evtx::FileHeaderSize; off + Evtx::ChunkHeaderSize <= size;
                 off += Evtx::ChunkSize, ++index) {
                if (index % workers != w)
                    continue;
                const qint64 n = std::min<qint64>(Evtx::ChunkSize, size - off);
                const QByteArray chunk = QByteArray::fromRawData(reinterpret_cast<const char *>(data + off), n);
                if (!Evtx::isChunk(chunk))
                    continue;
                const Evtx::DecodedChunk decoded
                    = Evtx::decodeChunk(chunk, off, &normalizeWindowsEvent, Evtx::threadTemplateCache());
                c.recordsRead += decoded.recordCount;
                c.eventsStored += decoded.events.size();
                for (const auto &e : decoded.errors)
                    c.recordsFailed += e.count;
            }
        };
        std::vector<std::thread> pool;
        for (int w = 1; w < workers; ++w)
            pool.emplace_back(work, w);
        work(0);
        for (std::thread &t : pool)
            t.join();
        for (const ImportCounts &c : partial) {
            counts.recordsRead += c.recordsRead;
            counts.eventsStored += c.eventsStored;
            counts.recordsFailed += c.recordsFailed;
        }
    } else if (parseOnly) {
        InputFile input;
        if (!input.open(file)) {
            err << input.errorString() << '\n';
            return 1;
        }
        size = input.fileSize();
        auto reader = builtinFormats().createReader(builtinFormats().detect(input.peek(64 * 1024)));
        if (!reader) {
            err << "unknown format\n";
            return 1;
        }
        NullSink sink;
        ReaderContext context;
        context.decodeThreads = threads;
        reader->read(input, context, sink);
        counts = sink.counts();
    } else {
        if (casePath.isEmpty())
            casePath = file + QStringLiteral(".bench.chainscope");
        QFile::remove(casePath);
        QFile::remove(casePath + QStringLiteral("-wal"));
        QFile::remove(casePath + QStringLiteral("-shm"));
        auto store = CaseStore::create(casePath);
        ImportOptions options;
        options.decodeThreads = threads;
        const ImportResult r = importFile(*store, builtinFormats(), file, options);
        if (r.status != ImportResult::Status::Complete) {
            err << r.error << '\n';
            return 1;
        }
        counts = r.counts;
        size = r.size;
    }
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    out << "mode="
        << (decodeOnly         ? "decode-only"
                   : parseOnly ? "parse-only"
                               : "import")
        << " threads="
        << (threads > 0         ? QString::number(threads)
                   : decodeOnly ? QStringLiteral("1")
                                : QStringLiteral("all"))
        << " bytes=" << size << " records=" << counts.recordsRead << " events=" << counts.eventsStored
        << " errors=" << counts.recordsFailed << " seconds=" << QString::number(seconds, 'f', 2)
        << " events_per_s=" << qint64(double(counts.eventsStored) / seconds)
        << " mb_per_s=" << QString::number(double(size) / 1e6 / seconds, 'f', 1)
        << " peak_rss_mib=" << QString::number(double(peakRssKiB()) / 1024.0, 'f', 1) << '\n';
    return 0;
}
