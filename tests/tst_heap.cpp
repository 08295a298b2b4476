// The heap settings of the workbench (core/heap.h): measured through the C library's own
// statistics, in a process of its own (the settings are the process's).

#include "heap.h"

#include <QTest>
#include <QThread>

#include <cstdio>
#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace Chainscope;

namespace {

// What the settings gave, made first thing in main() as the workbench does: QtTest starts
// a thread of its own before the first test runs, and an arena made before stays.
bool s_configured = false;

#if defined(__GLIBC__)
// Whether a block of `size` bytes gets a mapping of its own: the bytes glibc holds in
// such mappings grow by at least the block while it lives.
bool getsOwnMapping(std::size_t size)
{
    // The free top of the heap could serve the block without the allocator asking for
    // memory: shrink it first. No free block inside the heap is this large in this
    // process (none of the blocks tested here stays there), so only a mapping or a
    // larger heap serves it.
    malloc_trim(0);
    const std::size_t before = mallinfo2().hblkhd;
    // Through a volatile pointer: the compiler may drop a malloc() whose block is unused.
    void *volatile block = std::malloc(size);
    const std::size_t during = mallinfo2().hblkhd;
    std::free(block);
    return during >= before + size;
}

// The arenas glibc has made so far, as malloc_info() lists them (one <heap> each).
int arenaCount()
{
    char *text = nullptr;
    std::size_t length = 0;
    FILE *out = open_memstream(&text, &length);
    if (!out)
        return -1;
    malloc_info(0, out);
    std::fclose(out);
    const int count = int(QByteArray(text, qsizetype(length)).count("<heap nr="));
    std::free(text);
    return count;
}
#endif

} // namespace

class TestHeap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
#if !defined(__GLIBC__)
        QSKIP("the settings are glibc's");
#elif defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer's allocator stands in for glibc's");
#else
        QVERIFY(s_configured);
#endif
    }

#if defined(__GLIBC__)
    // malloc(n) asks for a chunk of n + 8 bytes rounded up to 16: the request whose
    // chunk is the threshold exactly is threshold - 8 bytes. glibc's default threshold
    // starts at 128 KiB, so the block just under the set one tells the settings apart.
    void blocksFromTheThresholdGetAMapping_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<bool>("mapped");
        const qint64 atBound = qint64(Heap::MmapThreshold) - 8;
        QTest::newRow("one chunk under") << atBound - 16 << false;
        QTest::newRow("the threshold") << atBound << true;
        QTest::newRow("one chunk over") << atBound + 16 << true;
    }
    void blocksFromTheThresholdGetAMapping()
    {
        QFETCH(qint64, size);
        QFETCH(bool, mapped);
        QCOMPARE(getsOwnMapping(std::size_t(size)), mapped);
    }

    // glibc raises its threshold to the largest mapped block freed so far; the set
    // threshold stays where it is, so a large index's lists go back when freed.
    void freeingALargeBlockKeepsTheThreshold()
    {
        QVERIFY(getsOwnMapping(16 * 1024 * 1024));
        QVERIFY(getsOwnMapping(Heap::MmapThreshold * 2));
    }

    // Another thread allocates from the same arena, so what one frees serves the other.
    void threadsShareOneArena()
    {
        void *volatile block = nullptr;
        QThread *thread = QThread::create([&block] { block = std::malloc(64 * 1024); });
        thread->start();
        QVERIFY(thread->wait(10000));
        delete thread;
        const int arenas = arenaCount();
        std::free(block);
        QCOMPARE(arenas, Heap::ArenaCount);
    }
#endif
};

int main(int argc, char **argv)
{
    s_configured = Heap::configureForWorkbench();
    QCoreApplication app(argc, argv);
    TestHeap test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_heap.moc"
