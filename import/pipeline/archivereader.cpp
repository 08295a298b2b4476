#include "archivereader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>
#include <cstring>
#include <limits>

namespace Chainscope {

namespace {

// libarchive's own block size for files; it reads ahead no further than this.
constexpr size_t ReadBlock = 64 * 1024;

// Only the formats the issue names and their usual compressions. Not
// archive_read_support_format_all(): it includes "raw" and "empty", which take any file
// for an archive, and mtree, which takes some text files for one.
archive *newReader()
{
    archive *a = archive_read_new();
    if (!a)
        return nullptr;
    archive_read_support_format_zip(a);
    archive_read_support_format_tar(a);
    archive_read_support_format_7zip(a);
    // Only filters built into libarchive: one it was built without falls back to running
    // an external program (gzip -d, zstd -d, …), and hostile input is not fed to programs
    // we do not control.
    if (archive_zlib_version())
        archive_read_support_filter_gzip(a);
    if (archive_bzlib_version())
        archive_read_support_filter_bzip2(a);
    if (archive_liblzma_version()) {
        archive_read_support_filter_xz(a);
        archive_read_support_filter_lzma(a);
    }
    if (archive_libzstd_version())
        archive_read_support_filter_zstd(a);
    if (archive_liblz4_version())
        archive_read_support_filter_lz4(a);
    return a;
}

struct ArchiveDeleter
{
    void operator()(archive *a) const
    {
        if (a)
            archive_read_free(a);
    }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveDeleter>;

QString archiveMessage(archive *a)
{
    const char *message = a ? archive_error_string(a) : nullptr;
    return message ? QString::fromUtf8(message) : QCoreApplication::translate("Chainscope", "unknown archive error");
}

// Whether the reader found a format it knows: after the first header was asked for, a
// recognised archive has a format even when that header was damaged.
bool recognised(archive *a)
{
    archive_entry *entry = nullptr;
    const int rc = archive_read_next_header(a, &entry);
    // End at the very first header is no archive: tar takes a zero block for its end,
    // and a log that begins with a hole of NULs (logrotate's copytruncate) is a log.
    if (rc == ARCHIVE_EOF)
        return false;
    return rc == ARCHIVE_OK || rc == ARCHIVE_WARN || rc == ARCHIVE_EOF || archive_format(a) != 0;
}

// One member's data, block by block as libarchive decodes it. Not archive_read_data():
// when it meets damage half-way through a request it returns the error and drops the
// bytes it had already copied, up to a whole read of intact evidence.
class MemberDevice final : public QIODevice
{
public:
    // `declared` is the member's size as its header gives it (-1: not given), `limit` the
    // most bytes any member of this archive may decode to.
    MemberDevice(archive *a, qint64 declared, qint64 limit)
        : m_archive(a)
        , m_declared(declared)
        , m_limit(declared >= 0 ? qMin(declared, limit) : limit)
    {
        QIODevice::open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        qint64 done = 0;
        while (done < maxSize) {
            if (m_zeros > 0) {
                // A hole of a sparse member reads as zeros, as it would on disk.
                const qint64 n = qMin(m_zeros, maxSize - done);
                std::memset(data + done, 0, size_t(n));
                m_zeros -= n;
                m_offset += n;
                done += n;
                continue;
            }
            if (m_left > 0) {
                const qint64 n = qMin(m_left, maxSize - done);
                std::memcpy(data + done, m_block, size_t(n));
                m_block += n;
                m_left -= n;
                m_offset += n;
                done += n;
                continue;
            }
            if (m_state != State::Reading)
                break;
            const void *block = nullptr;
            size_t size = 0;
            la_int64_t offset = 0;
            const int rc = archive_read_data_block(m_archive, &block, &size, &offset);
            if (rc == ARCHIVE_EOF) {
                m_state = m_warning.isEmpty() ? State::Ended : State::Failed;
                if (!m_warning.isEmpty())
                    setErrorString(m_warning);
                break;
            }
            if (rc < ARCHIVE_WARN) {
                // Damage (a cut stream, a broken deflate block, an unsupported method):
                // the bytes before it are delivered first, the error on the next call.
                setErrorString(archiveMessage(m_archive));
                m_state = State::Failed;
                break;
            }
            // A warning on data is a checksum that does not match (zip's CRC): the bytes
            // are read, and the member ends with that message as its error.
            if (rc == ARCHIVE_WARN && m_warning.isEmpty())
                m_warning = archiveMessage(m_archive);
            // Headers are hostile: a sparse map may put a block at 2^62, and a hole read
            // as zeros up to it would never end. Nothing is delivered past the member's
            // declared size, nor past what an archive of this size can sanely hold.
            if (offset < 0 || offset > m_limit || qint64(size) > m_limit - offset) {
                if (m_declared >= 0 && (offset > m_declared || qint64(size) > m_declared - offset))
                    setErrorString(offset != m_offset
                            ? QCoreApplication::translate("Chainscope", "sparse map beyond the member's size")
                            : QCoreApplication::translate("Chainscope", "more data than the member's declared size"));
                else
                    setErrorString(QCoreApplication::translate("Chainscope",
                        "the member decodes to more than %1 bytes, too many for the archive's size "
                        "(a decompression bomb?)")
                                       .arg(m_limit));
                m_state = State::Failed;
                break;
            }
            if (offset > m_offset)
                m_zeros = offset - m_offset;
            m_block = static_cast<const char *>(block);
            m_left = qint64(size);
        }
        if (done == 0 && m_state == State::Failed)
            return -1;
        return done;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    enum class State { Reading, Ended, Failed };
    archive *m_archive;
    const qint64 m_declared;
    const qint64 m_limit;
    const char *m_block = nullptr;
    qint64 m_left = 0; // bytes of m_block not yet delivered
    qint64 m_zeros = 0; // hole bytes still to deliver
    qint64 m_offset = 0; // offset in the member of the next byte delivered
    QString m_warning;
    State m_state = State::Reading;
};

} // namespace

struct ArchiveReader::Private
{
    ArchivePtr archive;
    std::unique_ptr<MemberDevice> member;
    qint64 archiveSize = 0;
};

ArchiveReader::ArchiveReader()
    : d(std::make_unique<Private>())
{
}

ArchiveReader::~ArchiveReader()
{
    // The device reads through the archive: it goes first.
    d->member.reset();
}

bool ArchiveReader::isArchive(const QString &path)
{
    ArchivePtr a(newReader());
    if (!a || archive_read_open_filename(a.get(), QFile::encodeName(path).constData(), ReadBlock) != ARCHIVE_OK)
        return false;
    return recognised(a.get());
}

bool ArchiveReader::isArchiveHead(const QByteArray &head)
{
    if (head.isEmpty())
        return false;
    ArchivePtr a(newReader());
    if (!a || archive_read_open_memory(a.get(), head.constData(), size_t(head.size())) != ARCHIVE_OK)
        return false;
    return recognised(a.get());
}

bool ArchiveReader::open(const QString &path)
{
    d->member.reset();
    d->archive.reset(newReader());
    if (!d->archive) {
        m_error = QCoreApplication::translate("Chainscope", "cannot read %1: out of memory").arg(path);
        return false;
    }
    if (archive_read_open_filename(d->archive.get(), QFile::encodeName(path).constData(), ReadBlock) != ARCHIVE_OK) {
        m_error = QCoreApplication::translate("Chainscope", "cannot read %1: %2")
                      .arg(path, archiveMessage(d->archive.get()));
        d->archive.reset();
        return false;
    }
    d->archiveSize = QFileInfo(path).size();
    return true;
}

ArchiveReader::Next ArchiveReader::next(Entry &entry)
{
    d->member.reset();
    entry = Entry();
    if (!d->archive)
        return Next::Error;
    archive_entry *e = nullptr;
    const int rc = archive_read_next_header(d->archive.get(), &e);
    if (rc == ARCHIVE_EOF)
        return Next::End;
    if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) {
        m_error = archiveMessage(d->archive.get());
        // A failed header leaves the reader in an undefined place: read no further.
        d->archive.reset();
        return Next::Error;
    }
    const char *utf8 = archive_entry_pathname_utf8(e);
    QString path = utf8 ? QString::fromUtf8(utf8) : QFile::decodeName(archive_entry_pathname(e));
    while (path.startsWith(QLatin1String("./")))
        path.remove(0, 2);
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    entry.path = path;
    entry.size = archive_entry_size_is_set(e) ? qint64(archive_entry_size(e)) : -1;
    const auto type = archive_entry_filetype(e);
    const char *hardlink = archive_entry_hardlink(e);
    const char *symlink = archive_entry_symlink(e);
    entry.directory = type == AE_IFDIR;
    entry.regular = type == AE_IFREG && !hardlink;
    if (hardlink)
        entry.linkTarget = QFile::decodeName(hardlink);
    else if (symlink)
        entry.linkTarget = QFile::decodeName(symlink);
    entry.encrypted = archive_entry_is_encrypted(e) != 0;
    d->member = std::make_unique<MemberDevice>(d->archive.get(), entry.size, decodeLimit(d->archiveSize));
    return Next::Entry;
}

qint64 ArchiveReader::decodeLimit(qint64 archiveSize)
{
    // Logs compress well, but not past deflate's own limit (about 1032:1); bzip2, xz and
    // zstd can go far beyond on zeros, which is what a bomb is made of. The floor keeps a
    // small archive of one long, very repetitive log (or a sparse log) readable.
    constexpr qint64 Ratio = 1024;
    constexpr qint64 Floor = qint64(1) << 30;
    const qint64 size = qMax<qint64>(archiveSize, 0);
    return size > std::numeric_limits<qint64>::max() / Ratio ? std::numeric_limits<qint64>::max()
                                                             : qMax(Floor, size * Ratio);
}

QIODevice *ArchiveReader::member()
{
    return d->member.get();
}

qint64 ArchiveReader::archiveBytesRead() const
{
    return d->archive ? qint64(archive_filter_bytes(d->archive.get(), -1)) : 0;
}

} // namespace Chainscope
