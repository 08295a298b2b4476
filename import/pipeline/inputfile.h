#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QIODevice>
#include <QString>

#include <atomic>
#include <memory>

namespace Chainscope {

// Streams one evidence file, plain or gzip-compressed (rotated logs arrive as *.gz,
// sometimes as several concatenated gzip members), with constant memory.
//
// Two positions matter: the position in the decoded stream, which becomes an event's
// record position, and the position in the file on disk, which drives progress. The
// SHA-256 covers the bytes on disk, because that is what the analyst hashes too.
//
// The bytes come from a QIODevice read front to back, never seeking: a QFile for a file
// on disk, or a sequential device over one member of an archive (issue 13), whose
// "bytes on disk" are the member's bytes as stored in the archive (a .gz member is
// hashed before it is gunzipped, as the same file outside the archive would be).
class InputFile
{
public:
    // Lines longer than this are not log records; they are cut and reported, so a file
    // without newlines cannot make us buffer gigabytes.
    static constexpr qsizetype MaxLineLength = 16 * 1024 * 1024;

    InputFile();
    ~InputFile();
    InputFile(const InputFile &) = delete;
    InputFile &operator=(const InputFile &) = delete;

    bool open(const QString &path);
    // Reads `device` (open, positioned at the start of the evidence) to its end. `name`
    // is what path() returns; `size` the number of bytes it holds when known (progress),
    // -1 otherwise. The device must outlive the reading.
    bool open(QIODevice *device, const QString &name, qint64 size);
    const QString &errorString() const { return m_error; }
    const QString &path() const { return m_path; }
    bool isCompressed() const { return m_gzip; }
    qint64 fileSize() const { return m_fileSize; }
    qint64 filePos() const { return m_filePos; }

    // The first bytes of the decoded content, for format detection. Does not consume.
    QByteArray peek(qsizetype bytes);

    enum class LineStatus { Ok, TooLong, End };
    // Next line without its terminator ('\n', and a preceding '\r'). The view stays
    // valid until the next call. A line cut at MaxLineLength comes back as TooLong
    // (its head only); reading continues after its end.
    LineStatus nextLine(QByteArrayView &line, qint64 &pos);

    // Reads decoded bytes in blocks, for binary formats. Returns 0 at the end.
    qint64 read(char *data, qint64 maxSize);
    qint64 decodedPos() const { return m_decodedPos; }

    // A decoding problem met on the way (corrupt or truncated gzip). The content up to
    // that point has been delivered; the caller counts it as one failed record.
    bool hasStreamError() const { return !m_streamError.isEmpty(); }
    const QString &streamError() const { return m_streamError; }

    // Reads the rest of the file (if the reader stopped early) and returns the hash.
    // Returns an empty array once the cancel flag is set: a cancelled import keeps no
    // hash, and reading the rest of a large file for one would only delay the cancel.
    QByteArray sha256Hex();
    // The flag that cancels the import this file is read for (may be null). Hashing
    // stops when it is set: sha256Hex() reads no further and queued blocks are dropped.
    void setCancel(const std::atomic<bool> *cancel) { m_cancel = cancel; }

private:
    bool fill(); // appends decoded bytes to m_buffer; false at the end
    qint64 readRaw(char *data, qint64 maxSize);

    bool start(); // after the device is open: gzip or not

    struct Inflater;
    std::unique_ptr<QFile> m_file; // owned when open(path) opened it
    QIODevice *m_device = nullptr;
    QString m_path;
    QString m_error;
    QString m_streamError;
    class Hasher;
    std::unique_ptr<Hasher> m_hasher;
    const std::atomic<bool> *m_cancel = nullptr;
    std::unique_ptr<Inflater> m_inflater;
    QByteArray m_buffer; // decoded, not yet consumed
    QByteArray m_longLine; // head of an overlong line, handed out as a view
    qsizetype m_bufferStart = 0;
    qint64 m_decodedPos = 0; // decoded offset of m_buffer[m_bufferStart]
    qint64 m_fileSize = 0;
    qint64 m_filePos = 0;
    bool m_gzip = false;
    bool m_eof = false;
};

} // namespace Chainscope
