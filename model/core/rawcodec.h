#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace Chainscope {

// Compression of stored raw records. An EVTX chunk is kept whole (64 KiB) so that the
// raw view can render any of its events; stored as is, a 1 GB log would copy 1 GB into
// the case, and writing it twice through SQLite's WAL cost a quarter of the import.
// zstd at its fastest level shrinks real chunks 10–20× at several hundred MB/s per
// core, and the EVTX reader compresses on its decode threads, not on the writer.
namespace RawCodec {

// How a raw_records row stores its bytes (the `encoding` column).
inline constexpr const char *Zstd = "zstd";

// One zstd frame holding `data`, with its size and a checksum of the content. Empty
// when zstd could not allocate its context: the caller then stores the bytes as read.
QByteArray compress(QByteArrayView data);

// The bytes of one frame made by compress(). Empty optional for a damaged frame (the
// checksum catches changed bytes), or one that claims more than `maxSize` bytes: the
// case file is read, not trusted.
std::optional<QByteArray> decompress(QByteArrayView frame, qsizetype maxSize);

} // namespace RawCodec
} // namespace Chainscope
