#include "sqlitedb.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QStringEncoder>
#include <QUrl>

#include <sqlite3.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include <unistd.h>

namespace Chainscope {

CaseError::CaseError(const QString &message, Kind kind, const QString &detail)
    : std::runtime_error(message.toStdString())
    , m_kind(kind)
    , m_detail(detail)
{
}

namespace {

CaseError::Kind kindOf(int extendedCode, int systemErrno)
{
    // A full disk reaches SQLite as SQLITE_FULL from its own writes, but as an I/O
    // error when the kernel refuses a write or fsync of the journal or WAL.
    if (systemErrno == ENOSPC || systemErrno == EDQUOT)
        return CaseError::Kind::DiskFull;
    switch (extendedCode & 0xff) {
    case SQLITE_FULL:
        return CaseError::Kind::DiskFull;
    case SQLITE_READONLY:
        return CaseError::Kind::ReadOnly;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return CaseError::Kind::Busy;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return CaseError::Kind::Corrupt;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
        // The -wal or -journal beside the case could not be made: a read-only folder
        // or file system.
        if (systemErrno == EROFS || systemErrno == EACCES || systemErrno == EPERM)
            return CaseError::Kind::ReadOnly;
        break;
    default:
        break;
    }
    return CaseError::Kind::Other;
}

} // namespace

CaseError caseError(const QString &path, int extendedCode, int systemErrno, const QString &detail)
{
    const CaseError::Kind kind = kindOf(extendedCode, systemErrno);
    const QString general = QString::fromUtf8(sqlite3_errstr(extendedCode));
    QString message;
    switch (kind) {
    case CaseError::Kind::DiskFull:
        message = QCoreApplication::translate("Chainscope",
            "the disk is full: the case %1 could not be written (free some space and run the command again)")
                      .arg(path);
        break;
    case CaseError::Kind::ReadOnly:
        message = QCoreApplication::translate("Chainscope", "the case %1 is read-only").arg(path);
        break;
    case CaseError::Kind::Busy:
        message = QCoreApplication::translate(
            "Chainscope", "the case %1 is busy: another program (an import?) is writing to it")
                      .arg(path);
        break;
    case CaseError::Kind::Corrupt:
        message = QCoreApplication::translate("Chainscope", "the case file %1 is damaged or not a case file (%2)")
                      .arg(path, general);
        break;
    case CaseError::Kind::Other:
        message = QCoreApplication::translate("Chainscope", "case file %1: %2").arg(path, general);
        break;
    }
    return CaseError(message, kind, detail);
}

namespace {

// Why `path` cannot be written, or an empty string when it can. access() rather than
// the permission bits: it also knows read-only mounts, and that root ignores the bits.
QString whyNotWritable(const QString &path)
{
    if (::access(QFile::encodeName(path).constData(), W_OK) == 0)
        return QString();
    return QString::fromLocal8Bit(std::strerror(errno));
}

CaseError readOnlyError(const QString &path, const QString &why)
{
    return CaseError(QCoreApplication::translate("Chainscope", "the case %1 is read-only (%2)").arg(path, why),
        CaseError::Kind::ReadOnly);
}

// "file:/abs/path?query": every byte that a URI gives a meaning (?, #, %) escaped.
QByteArray fileUri(const QString &path, const char *query)
{
    return "file:" + QUrl::toPercentEncoding(QFileInfo(path).absoluteFilePath(), "/") + '?' + query;
}

} // namespace

Database::Database(const QString &path, Mode mode)
    : m_path(path)
{
    const bool exists = QFileInfo::exists(path);
    if (mode != Mode::CreateNew && !exists)
        throw CaseError(QCoreApplication::translate("Chainscope", "case file %1 does not exist").arg(path));
    if (mode == Mode::CreateNew && exists)
        throw CaseError(QCoreApplication::translate("Chainscope", "case file %1 already exists").arg(path));

    // SQLite's allocation statistics take a process-wide mutex on every malloc and
    // free; nothing here reads them, and a bulk import allocates for every row. The
    // switch only works before SQLite initializes, i.e. before the first connection;
    // if something else opened one first, it is refused and harmlessly stays on.
    static const bool memoryStatisticsOff = [] {
        return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    }();
    Q_UNUSED(memoryStatisticsOff);

    // A case is written together with the -wal and -shm files SQLite keeps beside it:
    // its folder must be writable too. Said before anything is tried, in the analyst's
    // words, rather than as "attempt to write a readonly database" half-way through a
    // command (issue 11, finding 9).
    const QString folder = QFileInfo(path).absolutePath();
    const QString folderProblem = whyNotWritable(folder);
    if (mode == Mode::CreateNew && !folderProblem.isEmpty()) {
        throw CaseError(QCoreApplication::translate(
                            "Chainscope", "cannot create case file %1: its folder %2 cannot be written (%3)")
                            .arg(path, folder, folderProblem),
            CaseError::Kind::ReadOnly);
    }
    if (mode == Mode::OpenExisting) {
        const QString fileProblem = whyNotWritable(path);
        if (!fileProblem.isEmpty())
            throw readOnlyError(path, QCoreApplication::translate("Chainscope", "the file: %1").arg(fileProblem));
        if (!folderProblem.isEmpty()) {
            throw readOnlyError(path, QCoreApplication::translate("Chainscope", "its folder: %1").arg(folderProblem));
        }
    }

    // NOMUTEX: a connection is only ever used by the thread that opened it (every
    // worker opens its own), so SQLite's per-call locking is pure overhead.
    const QByteArray native = QFile::encodeName(path);
    if (mode == Mode::OpenReadOnly) {
        m_readOnly = true;
        const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
        openUri(path, fileUri(path, "mode=ro"), flags);
        // In WAL mode even a reader needs the -shm file; where the folder refuses it,
        // the first read fails. immutable=1 reads the file as it lies, without the
        // -wal and -shm; nothing can be writing it there.
        if (!folderProblem.isEmpty()
            && sqlite3_exec(m_db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr) != SQLITE_OK) {
            sqlite3_close_v2(m_db);
            m_db = nullptr;
            openUri(path, fileUri(path, "immutable=1"), flags);
        }
    } else {
        const int flags
            = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (mode == Mode::CreateNew ? SQLITE_OPEN_CREATE : 0);
        openUri(path, native, flags);
        // SQLite opens a file it may not write read-only without a word.
        if (sqlite3_db_readonly(m_db, "main") == 1) {
            sqlite3_close_v2(m_db);
            m_db = nullptr;
            throw readOnlyError(
                path, QCoreApplication::translate("Chainscope", "SQLite could open it for reading only"));
        }
    }
    sqlite3_extended_result_codes(m_db, 1);
    // A second process (the CLI while the workbench is open, another import) may hold
    // the write lock; wait rather than fail (setBusyWait()).
    sqlite3_busy_handler(m_db, &Database::onBusy, this);
}

void Database::setBusyWait(qint64 limitMs, std::function<void(qint64)> onWaiting)
{
    m_busyLimitMs = limitMs;
    m_onWaiting = std::move(onWaiting);
}

// SQLite calls this while another connection holds the lock it needs; 0 gives up
// (SQLITE_BUSY), anything else tries again. The first attempts come quickly, so that a
// short commit of the other side costs little; later ones every 50 ms.
int Database::onBusy(void *self, int attempt)
{
    auto *db = static_cast<Database *>(self);
    if (attempt == 0) {
        db->m_busyClock.start();
        db->m_lastNotice = -1;
    }
    const qint64 waited = db->m_busyClock.elapsed();
    if (db->m_busyLimitMs >= 0 && waited >= db->m_busyLimitMs)
        return 0;
    constexpr qint64 NoticeAfterMs = 500;
    constexpr qint64 NoticeEveryMs = 30000;
    if (db->m_onWaiting && waited >= NoticeAfterMs
        && (db->m_lastNotice < 0 || waited - db->m_lastNotice >= NoticeEveryMs)) {
        db->m_lastNotice = waited;
        db->m_onWaiting(waited);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(attempt < 20 ? 5 : 50));
    return 1;
}

void Database::openUri(const QString &path, const QByteArray &uri, int flags)
{
    if (sqlite3_open_v2(uri.constData(), &m_db, flags, nullptr) != SQLITE_OK) {
        const int code = m_db ? sqlite3_extended_errcode(m_db) : SQLITE_NOMEM;
        const int systemErrno = m_db ? sqlite3_system_errno(m_db) : 0;
        const QString reason = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("out of memory");
        sqlite3_close(m_db);
        m_db = nullptr;
        const CaseError e = caseError(path, code, systemErrno,
            QStringLiteral("open failed: %1 (SQLite code %2, errno %3)").arg(reason).arg(code).arg(systemErrno));
        if (e.kind() != CaseError::Kind::Other)
            throw e;
        throw CaseError(QCoreApplication::translate("Chainscope", "cannot open case file %1: %2")
                            .arg(path, QString::fromUtf8(sqlite3_errstr(code))),
            e.kind(), e.detail());
    }
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

void Database::fail(const char *what) const
{
    // The statement and SQLite's message only go to the detail: the analyst sees what
    // went wrong with the case, not our SQL (issue 11, finding 9).
    const int code = sqlite3_extended_errcode(m_db);
    const int systemErrno = sqlite3_system_errno(m_db);
    throw caseError(m_path, code, systemErrno,
        QStringLiteral("%1 failed: %2 (SQLite code %3, errno %4)")
            .arg(QString::fromUtf8(what), QString::fromUtf8(sqlite3_errmsg(m_db)))
            .arg(code)
            .arg(systemErrno));
}

void Database::exec(const char *sql)
{
    char *err = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        const QString reason = QString::fromUtf8(err ? err : "unknown error");
        sqlite3_free(err);
        const int code = sqlite3_extended_errcode(m_db);
        const int systemErrno = sqlite3_system_errno(m_db);
        throw caseError(m_path, code, systemErrno,
            QStringLiteral("%1 failed: %2 (SQLite code %3, errno %4)")
                .arg(QString::fromUtf8(sql), reason)
                .arg(code)
                .arg(systemErrno));
    }
}

int Database::userVersion()
{
    Statement st(*this, "PRAGMA user_version");
    st.step();
    return int(st.int64(0));
}

void Database::setUserVersion(int version)
{
    // PRAGMA takes no parameters; the value is an int we produced, never input.
    exec(QByteArray("PRAGMA user_version = " + QByteArray::number(version)).constData());
}

qint64 Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

qint64 Database::changes() const
{
    return qint64(sqlite3_changes64(m_db));
}

Statement::Statement(Database &db, const char *sql)
    : m_db(db)
{
    if (sqlite3_prepare_v3(db.handle(), sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK)
        db.fail(sql);
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement &Statement::bind(int index, qint64 value)
{
    if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK)
        m_db.fail("bind");
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    if (value.isEmpty())
        return bindNull(index);
    return bindText(index, value);
}

QByteArray caseUtf8(QStringView text)
{
    QStringEncoder utf8 {QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
    return utf8.encode(text);
}

Statement &Statement::bindText(int index, const QString &value)
{
    const QByteArray utf8 = caseUtf8(value);
    if (sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        m_db.fail("bind");
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &utf8Text)
{
    if (sqlite3_bind_text(m_stmt, index, utf8Text.constData(), int(utf8Text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        m_db.fail("bind");
    return *this;
}

Statement &Statement::bindBlob(int index, const QByteArray &blob)
{
    if (sqlite3_bind_blob(m_stmt, index, blob.constData(), int(blob.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        m_db.fail("bind");
    return *this;
}

Statement &Statement::bindBorrowedText(int index, QByteArrayView utf8Text)
{
    if (sqlite3_bind_text(m_stmt, index, utf8Text.data(), int(utf8Text.size()), SQLITE_STATIC) != SQLITE_OK)
        m_db.fail("bind");
    return *this;
}

Statement &Statement::bindBorrowedBlob(int index, QByteArrayView blob)
{
    if (sqlite3_bind_blob(m_stmt, index, blob.data(), int(blob.size()), SQLITE_STATIC) != SQLITE_OK)
        m_db.fail("bind");
    return *this;
}

Statement &Statement::bindNull(int index)
{
    if (sqlite3_bind_null(m_stmt, index) != SQLITE_OK)
        m_db.fail("bind");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const QByteArray sql = sqlite3_sql(m_stmt);
    sqlite3_reset(m_stmt);
    m_db.fail(sql.constData());
}

void Statement::exec()
{
    step();
    reset();
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView Statement::textView(int column) const
{
    // Most columns of an indexed row are NULL: one call for those instead of two.
    if (sqlite3_column_type(m_stmt, column) == SQLITE_NULL)
        return {};
    // sqlite3_column_text before sqlite3_column_bytes: the text conversion (of a number,
    // say) is what the byte count must describe.
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

Transaction::Transaction(Database &db, bool immediate)
    : m_db(db)
{
    m_db.exec(immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction()
{
    if (m_open)
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    m_db.exec("COMMIT");
    m_open = false;
}

} // namespace Chainscope
