#include "inputfile.h"

#include <QCoreApplication>

#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <thread>
#include <zlib.h>

namespace Chainscope {

namespace {
constexpr qint64 BlockSize = 1 << 20;
}

// SHA-256 of the bytes on disk, computed on a thread of its own so that reading never
// waits for it. OpenSSL's libcrypto, not QCryptographicHash: it uses the CPU's SHA
// instructions where there are any (about 1.4 GB/s on the project machine against
// 0.23 GB/s), and an evidence hash is best made by a widely audited implementation.
// Blocks are copied into a short queue (the reader reuses its buffers); a full queue
// makes the reader wait, so memory stays bounded.
class InputFile::Hasher
{
public:
    Hasher()
        : m_thread([this] { run(); })
    {
    }
    // Nobody asked for the result (the import was cancelled or failed): queued blocks
    // are dropped instead of hashed.
    ~Hasher() { abandon(); }

    void add(const char *data, qint64 size)
    {
        QByteArray block(data, size);
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [this] { return m_queue.size() < MaxQueued; });
        m_queue.push_back(std::move(block));
        m_ready.notify_one();
    }

    QByteArray result()
    {
        finish(false);
        return m_result;
    }

    // Stops the thread without hashing what is still queued; the result is empty.
    void abandon() { finish(true); }

private:
    static constexpr size_t MaxQueued = 8;

    void finish(bool abandon)
    {
        if (!m_thread.joinable())
            return;
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
            if (abandon) {
                m_abandoned = true;
                m_queue.clear();
            }
        }
        m_ready.notify_one();
        m_thread.join();
    }

    void run()
    {
        const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
        bool ok = ctx && EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) == 1;
        for (;;) {
            QByteArray block;
            {
                std::unique_lock lock(m_mutex);
                m_ready.wait(lock, [this] { return !m_queue.empty() || m_done; });
                if (m_abandoned)
                    return;
                if (m_queue.empty())
                    break;
                block = std::move(m_queue.front());
                m_queue.pop_front();
            }
            m_space.notify_one();
            ok = ok && EVP_DigestUpdate(ctx.get(), block.constData(), size_t(block.size())) == 1;
        }
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        // Only an allocation failure inside OpenSSL gets here; no hash is better than a
        // wrong one.
        if (ok && EVP_DigestFinal_ex(ctx.get(), digest, &length) == 1)
            m_result = QByteArray(reinterpret_cast<const char *>(digest), int(length));
    }

    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::deque<QByteArray> m_queue;
    bool m_done = false;
    bool m_abandoned = false;
    QByteArray m_result;
    std::thread m_thread; // last: starts after the members it uses exist
};

struct InputFile::Inflater
{
    z_stream stream {};
    QByteArray input;
    bool initialized = false;
    bool memberEnded = false;

    ~Inflater()
    {
        if (initialized)
            inflateEnd(&stream);
    }
};

InputFile::InputFile() = default;
InputFile::~InputFile() = default;

bool InputFile::open(const QString &path)
{
    m_path = path;
    // Only regular files: opening a FIFO blocks until a writer comes (for ever), and a
    // device or a directory is no evidence file. stat() itself never blocks.
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) == 0 && !S_ISREG(info.st_mode)) {
        const char *what = S_ISDIR(info.st_mode) ? QT_TRANSLATE_NOOP("Chainscope", "a directory")
            : S_ISFIFO(info.st_mode)             ? QT_TRANSLATE_NOOP("Chainscope", "a FIFO")
            : S_ISSOCK(info.st_mode)             ? QT_TRANSLATE_NOOP("Chainscope", "a socket")
                                                 : QT_TRANSLATE_NOOP("Chainscope", "a device");
        m_error = QCoreApplication::translate("Chainscope", "cannot read %1: it is %2, not a regular file")
                      .arg(path, QCoreApplication::translate("Chainscope", what));
        return false;
    }
    m_file = std::make_unique<QFile>(path);
    if (!m_file->open(QIODevice::ReadOnly)) {
        m_error = QCoreApplication::translate("Chainscope", "cannot read %1: %2").arg(path, m_file->errorString());
        return false;
    }
    m_device = m_file.get();
    m_fileSize = m_file->size();
    return start();
}

bool InputFile::open(QIODevice *device, const QString &name, qint64 size)
{
    m_path = name;
    if (!device || !device->isReadable()) {
        m_error = QCoreApplication::translate("Chainscope", "cannot read %1: not open").arg(name);
        return false;
    }
    m_device = device;
    m_fileSize = qMax<qint64>(size, 0);
    return start();
}

bool InputFile::start()
{
    // peek() works on sequential devices too: QIODevice keeps the bytes in its buffer.
    char magic[2] = {0, 0};
    const qint64 got = m_device->peek(magic, 2);
    m_gzip = got == 2 && quint8(magic[0]) == 0x1f && quint8(magic[1]) == 0x8b;
    if (m_gzip) {
        m_inflater = std::make_unique<Inflater>();
        // 16 + MAX_WBITS: expect a gzip header and trailer, not a raw zlib stream.
        if (inflateInit2(&m_inflater->stream, 16 + MAX_WBITS) != Z_OK) {
            m_error
                = QCoreApplication::translate("Chainscope", "cannot read %1: zlib initialisation failed").arg(m_path);
            return false;
        }
        m_inflater->initialized = true;
    }
    return true;
}

qint64 InputFile::readRaw(char *data, qint64 maxSize)
{
    if (!m_device)
        return -1;
    const qint64 n = m_device->read(data, maxSize);
    if (n > 0) {
        if (!m_hasher)
            m_hasher = std::make_unique<Hasher>();
        m_hasher->add(data, n);
        m_filePos += n;
    }
    return n;
}

bool InputFile::fill()
{
    if (m_eof)
        return false;
    // Drop what has been consumed; only a partial line remains to be moved.
    if (m_bufferStart > 0) {
        m_buffer.remove(0, m_bufferStart);
        m_bufferStart = 0;
    }
    const qsizetype before = m_buffer.size();

    if (!m_gzip) {
        m_buffer.resize(before + BlockSize);
        const qint64 n = readRaw(m_buffer.data() + before, BlockSize);
        m_buffer.resize(before + qMax<qint64>(n, 0));
        if (n < 0)
            m_streamError = QCoreApplication::translate("Chainscope", "read error: %1").arg(m_device->errorString());
        if (n <= 0)
            m_eof = true;
        return n > 0;
    }

    Inflater &z = *m_inflater;
    while (m_buffer.size() == before) {
        if (z.stream.avail_in == 0) {
            z.input.resize(BlockSize);
            const qint64 n = readRaw(z.input.data(), BlockSize);
            if (n <= 0) {
                // A clean end is only right after a member's trailer.
                if (n < 0)
                    m_streamError
                        = QCoreApplication::translate("Chainscope", "read error: %1").arg(m_device->errorString());
                else if (!z.memberEnded)
                    m_streamError = QCoreApplication::translate("Chainscope", "compressed stream is truncated");
                m_eof = true;
                return false;
            }
            z.stream.next_in = reinterpret_cast<Bytef *>(z.input.data());
            z.stream.avail_in = uInt(n);
        }
        if (z.memberEnded) {
            // Another gzip member follows (concatenated .gz files are valid gzip).
            inflateReset(&z.stream);
            z.memberEnded = false;
        }
        m_buffer.resize(before + BlockSize);
        z.stream.next_out = reinterpret_cast<Bytef *>(m_buffer.data() + before);
        z.stream.avail_out = uInt(BlockSize);
        const int rc = inflate(&z.stream, Z_NO_FLUSH);
        const qsizetype produced = BlockSize - z.stream.avail_out;
        m_buffer.resize(before + produced);
        if (rc == Z_STREAM_END) {
            z.memberEnded = true;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            m_streamError = QCoreApplication::translate("Chainscope", "compressed stream is corrupt: %1")
                                .arg(QString::fromUtf8(z.stream.msg ? z.stream.msg : "inflate error"));
            m_eof = true;
            return produced > 0;
        }
    }
    return true;
}

QByteArray InputFile::peek(qsizetype bytes)
{
    while (m_buffer.size() - m_bufferStart < bytes && fill()) { }
    return m_buffer.mid(m_bufferStart, bytes);
}

InputFile::LineStatus InputFile::nextLine(QByteArrayView &line, qint64 &pos)
{
    // The previous overlong head is no longer referenced once the caller asks again;
    // keeping it would pin MaxLineLength bytes for the rest of the import.
    m_longLine.clear();
    qsizetype scanFrom = 0;
    for (;;) {
        const char *begin = m_buffer.constData() + m_bufferStart;
        const qsizetype avail = m_buffer.size() - m_bufferStart;
        const auto *nl = static_cast<const char *>(
            avail > scanFrom ? std::memchr(begin + scanFrom, '\n', size_t(avail - scanFrom)) : nullptr);
        if (nl) {
            qsizetype len = nl - begin;
            pos = m_decodedPos;
            m_bufferStart += len + 1;
            m_decodedPos += len + 1;
            if (len > 0 && begin[len - 1] == '\r')
                --len;
            // A block read can complete a line that is already past the limit: it is
            // overlong even though its end is in the buffer, so report it the same way
            // as one whose end is still far away.
            if (len > MaxLineLength) {
                line = QByteArrayView(begin, MaxLineLength);
                return LineStatus::TooLong;
            }
            line = QByteArrayView(begin, len);
            return LineStatus::Ok;
        }
        // One byte of slack: a line of exactly MaxLineLength bytes may still be waiting
        // for the '\n' of its "\r\n".
        if (avail > MaxLineLength + 1) {
            pos = m_decodedPos;
            // Copy the head first: skipping the rest refills (and moves) the buffer.
            m_longLine = QByteArray(begin, MaxLineLength);
            line = m_longLine;
            m_bufferStart += avail;
            m_decodedPos += avail;
            // Discard the rest of the overlong line before the next call returns.
            for (;;) {
                if (!fill())
                    break;
                const auto *end
                    = static_cast<const char *>(std::memchr(m_buffer.constData(), '\n', size_t(m_buffer.size())));
                if (end) {
                    const qsizetype skip = end - m_buffer.constData() + 1;
                    m_bufferStart = skip;
                    m_decodedPos += skip;
                    break;
                }
                m_decodedPos += m_buffer.size();
                m_bufferStart = m_buffer.size();
            }
            return LineStatus::TooLong;
        }
        scanFrom = avail;
        // fill() moves the buffer: recompute begin next round (scanFrom stays valid
        // because compaction keeps the unconsumed bytes at the front).
        if (!fill()) {
            const char *rest = m_buffer.constData() + m_bufferStart;
            const qsizetype restLen = m_buffer.size() - m_bufferStart;
            if (restLen == 0)
                return LineStatus::End;
            pos = m_decodedPos;
            m_bufferStart += restLen;
            m_decodedPos += restLen;
            qsizetype len = restLen;
            if (rest[len - 1] == '\r')
                --len;
            if (len > MaxLineLength) {
                line = QByteArrayView(rest, MaxLineLength);
                return LineStatus::TooLong;
            }
            line = QByteArrayView(rest, len);
            return LineStatus::Ok;
        }
    }
}

qint64 InputFile::read(char *data, qint64 maxSize)
{
    qint64 done = 0;
    while (done < maxSize) {
        const qsizetype avail = m_buffer.size() - m_bufferStart;
        if (avail == 0) {
            if (!fill())
                break;
            continue;
        }
        const qint64 n = qMin<qint64>(avail, maxSize - done);
        std::memcpy(data + done, m_buffer.constData() + m_bufferStart, size_t(n));
        m_bufferStart += n;
        m_decodedPos += n;
        done += n;
    }
    return done;
}

QByteArray InputFile::sha256Hex()
{
    const auto cancelled = [this] {
        return m_cancel && m_cancel->load(std::memory_order_relaxed);
    };
    QByteArray block(BlockSize, Qt::Uninitialized);
    while (!cancelled() && readRaw(block.data(), BlockSize) > 0) { }
    if (cancelled()) {
        if (m_hasher)
            m_hasher->abandon();
        return {};
    }
    if (!m_hasher)
        m_hasher = std::make_unique<Hasher>(); // empty file: the hash of nothing
    return m_hasher->result().toHex();
}

} // namespace Chainscope
