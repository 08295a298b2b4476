#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <memory>

namespace Chainscope {

// Reads the members of an archive in place through libarchive (issue 13): zip, tar
// (plain or compressed with gzip, bzip2, xz, lzma, zstd or lz4) and 7z, recognised by
// their content, never by their name. Nothing is extracted to disk: each member is
// handed out as a sequential device that InputFile streams like a file.
//
// An archive is hostile input like any log: a damaged one ends with Next::Error and a
// message, after the members that could be read.
class ArchiveReader
{
public:
    ArchiveReader();
    ~ArchiveReader();
    ArchiveReader(const ArchiveReader &) = delete;
    ArchiveReader &operator=(const ArchiveReader &) = delete;

    // Whether the regular file at `path` is an archive of a kind read here. A damaged
    // archive still is one (opening it then fails with the reason).
    static bool isArchive(const QString &path);
    // The same for the first bytes of a file as stored (a member of another archive).
    static bool isArchiveHead(const QByteArray &head);

    bool open(const QString &path);
    const QString &errorString() const { return m_error; }

    struct Entry
    {
        QString path; // inside the archive, without a leading "./" or "/"
        qint64 size = -1; // -1 when the archive does not say
        bool regular = false; // a file with content (not a directory, link or device)
        bool directory = false;
        bool encrypted = false;
        QString linkTarget; // symbolic or hard link
    };
    enum class Next { Entry, End, Error };
    // Moves to the next member (what was not read of the previous one is skipped).
    // After Error the archive cannot be read further; errorString() says why.
    Next next(Entry &entry);
    // The current member's bytes: a sequential device, valid until next() or the
    // reader's end. A read error (a damaged member) makes read() return -1 with the
    // device's errorString() saying why.
    QIODevice *member();
    // The most bytes a member of an archive of `archiveSize` bytes may decode to (holes of
    // a sparse member included); a member also ends at its declared size. Past either,
    // its device fails with an error: a bomb ends, it never hangs the import.
    static qint64 decodeLimit(qint64 archiveSize);
    // Bytes of the archive file consumed so far: progress while scanning.
    qint64 archiveBytesRead() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
    QString m_error;
};

} // namespace Chainscope
