#include "rawcodec.h"

#include <zstd.h>

#include <memory>

namespace Chainscope::RawCodec {

namespace {

struct ContextDeleter
{
    void operator()(ZSTD_CCtx *c) const { ZSTD_freeCCtx(c); }
};

// Level 1: the writer must keep up with decoding; the ratio barely improves above it
// on event logs, the cost does.
constexpr int Level = 1;

} // namespace

QByteArray compress(QByteArrayView data)
{
    // One context per thread, reused: creating one per 64 KiB chunk would allocate its
    // tables thousands of times per file. The frame carries a checksum of the content,
    // so a stored record that the disk or another tool damaged is reported as damaged
    // instead of being shown as evidence.
    thread_local const std::unique_ptr<ZSTD_CCtx, ContextDeleter> context = [] {
        std::unique_ptr<ZSTD_CCtx, ContextDeleter> c(ZSTD_createCCtx());
        if (c
            && (ZSTD_isError(ZSTD_CCtx_setParameter(c.get(), ZSTD_c_compressionLevel, Level))
                || ZSTD_isError(ZSTD_CCtx_setParameter(c.get(), ZSTD_c_checksumFlag, 1))))
            c.reset();
        return c;
    }();
    if (!context)
        return {};
    QByteArray frame(qsizetype(ZSTD_compressBound(size_t(data.size()))), Qt::Uninitialized);
    const size_t n
        = ZSTD_compress2(context.get(), frame.data(), size_t(frame.size()), data.data(), size_t(data.size()));
    // With a bound-sized buffer only allocation failure makes zstd fail; an empty
    // result tells the caller to store the bytes as they are.
    if (ZSTD_isError(n))
        return {};
    frame.truncate(qsizetype(n));
    return frame;
}

std::optional<QByteArray> decompress(QByteArrayView frame, qsizetype maxSize)
{
    const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), size_t(frame.size()));
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > quint64(maxSize))
        return std::nullopt;
    // A frame followed by anything else is not one compress() wrote.
    if (ZSTD_findFrameCompressedSize(frame.data(), size_t(frame.size())) != size_t(frame.size()))
        return std::nullopt;
    QByteArray data(qsizetype(size), Qt::Uninitialized);
    const size_t n = ZSTD_decompress(data.data(), size_t(data.size()), frame.data(), size_t(frame.size()));
    if (ZSTD_isError(n) || n != size)
        return std::nullopt;
    return data;
}

} // namespace Chainscope::RawCodec
