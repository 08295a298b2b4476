#include "sqlitedb.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace Chainscope {

CaseError::CaseError(const QString &message)
    : std::runtime_error(message.toStdString())
{
}

Database::Database(const QString &path, Mode mode)
    : m_path(path)
{
    const bool exists = QFileInfo::exists(path);
    if (mode == Mode::OpenExisting && !exists)
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

    // NOMUTEX: a connection is only ever used by the thread that opened it (every
    // worker opens its own), so SQLite's per-call locking is pure overhead.
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (mode == Mode::CreateNew ? SQLITE_OPEN_CREATE : 0);
    const QByteArray native = QFile::encodeName(path);
    if (sqlite3_open_v2(native.constData(), &m_db, flags, nullptr) != SQLITE_OK) {
        const QString reason = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("out of memory");
        sqlite3_close(m_db);
        m_db = nullptr;
        throw CaseError(QCoreApplication::translate("Chainscope", "cannot open case file %1: %2").arg(path, reason));
    }
    sqlite3_extended_result_codes(m_db, 1);
    // A second process (the CLI while the workbench is open) may hold the write lock
    // briefly; wait rather than fail.
    sqlite3_busy_timeout(m_db, 5000);
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

void Database::fail(const char *what) const
{
    throw CaseError(QCoreApplication::translate("Chainscope", "case file %1: %2 failed: %3")
                        .arg(m_path, QString::fromUtf8(what), QString::fromUtf8(sqlite3_errmsg(m_db))));
}

void Database::exec(const char *sql)
{
    char *err = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        const QString reason = QString::fromUtf8(err ? err : "unknown error");
        sqlite3_free(err);
        throw CaseError(QCoreApplication::translate("Chainscope", "case file %1: %2").arg(m_path, reason));
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

Statement &Statement::bindText(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
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
