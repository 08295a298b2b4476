#include "outputfile.h"

#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>

namespace Chainscope {

namespace {

// QSaveFile names the failure in errorString(); where it says nothing useful, errno
// still holds the reason of the call that failed.
QString reasonOf(const QSaveFile &file, int savedErrno)
{
    const QString reason = file.errorString();
    if (!reason.isEmpty() && reason != u"Unknown error")
        return reason;
    return savedErrno ? QString::fromLocal8Bit(std::strerror(savedErrno)) : reason;
}

} // namespace

bool writeOutputFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    // No fallback to writing `path` in place when its folder refuses a temporary file:
    // that would bring back the half-written file this function exists to prevent.
    file.setDirectWriteFallback(false);
    // Unbuffered: QSaveFile::commit() flushes its buffer but ignores a failure of that
    // flush, so a full disk met there would still commit a truncated file. Written
    // straight through, every failing write(2) is seen here.
    errno = 0;
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        if (error)
            *error = reasonOf(file, errno);
        return false;
    }
    const char *data = bytes.constData();
    qint64 left = bytes.size();
    while (left > 0) {
        // A short write sets no error; the next call meets the cause and reports it.
        errno = 0;
        const qint64 written = file.write(data, left);
        if (written <= 0) {
            if (error)
                *error = reasonOf(file, errno);
            file.cancelWriting();
            return false;
        }
        data += written;
        left -= written;
    }
    // commit() syncs and renames; the file at `path` changes only now.
    errno = 0;
    if (!file.commit()) {
        if (error)
            *error = reasonOf(file, errno);
        return false;
    }
    return true;
}

} // namespace Chainscope
