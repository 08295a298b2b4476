#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QElapsedTimer>
#include <QString>

#include <functional>
#include <stdexcept>

struct sqlite3;
struct sqlite3_stmt;

namespace Chainscope {

// Any failure of the case file (I/O, corruption, constraint, newer schema). Carries a
// message meant for the analyst, never SQL (issue 11, finding 9): what failed and why in
// an analyst's words, a kind the caller can act on (stop importing on a full disk, say
// "read-only" instead of retrying), and the technical detail (the statement, SQLite's
// own message) apart, for --verbose.
class CaseError : public std::runtime_error
{
public:
    enum class Kind {
        Other,
        DiskFull, // SQLITE_FULL, or an I/O error whose errno is ENOSPC/EDQUOT
        ReadOnly, // the case file, its folder or its file system cannot be written
        Busy, // another connection holds the lock longer than we waited
        Corrupt, // damaged pages, or not an SQLite database at all
    };
    explicit CaseError(const QString &message, Kind kind = Kind::Other, const QString &detail = QString());
    QString message() const { return QString::fromUtf8(what()); }
    Kind kind() const { return m_kind; }
    // The statement and SQLite's message; empty when there is none. Not for the analyst.
    const QString &detail() const { return m_detail; }

private:
    Kind m_kind;
    QString m_detail;
};

// The CaseError for an SQLite failure on the case at `path`: its kind from the extended
// result code and the errno behind it, analyst wording, `detail` kept for --verbose.
CaseError caseError(const QString &path, int extendedCode, int systemErrno, const QString &detail);

// A thin owner of one sqlite3 connection. We use the C API directly rather than
// QtSql: bulk import needs prepared statements reused millions of times with
// borrowed buffers, and explicit control of transactions and pragmas.
class Database
{
public:
    // OpenReadOnly (issue 11, finding 9): for commands that only read. Opens with
    // SQLite's mode=ro, and where the case's folder cannot be written (so no -wal or
    // -shm can be made beside it) with immutable=1, which needs neither. OpenExisting
    // refuses a case that cannot be written, before anything is tried on it.
    enum class Mode { OpenExisting, OpenReadOnly, CreateNew };
    Database(const QString &path, Mode mode);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    sqlite3 *handle() const { return m_db; }
    const QString &path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }

    // Runs one or more statements without results. Only for SQL written in this
    // project: values from logs always go through Statement::bind.
    void exec(const char *sql);
    int userVersion();
    void setUserVersion(int version);
    qint64 lastInsertId() const;
    // Rows changed by the last INSERT, UPDATE or DELETE.
    qint64 changes() const;
    [[noreturn]] void fail(const char *what) const;

    // How long a write waits for the write lock that another connection holds (another
    // import into the same case), in ms; negative: as long as it takes (issue 11,
    // finding 10). `onWaiting` is told how long it has waited once the wait becomes
    // noticeable and then every half minute, so that a front end can say why nothing
    // moves. The default: 5 s, silently.
    void setBusyWait(qint64 limitMs, std::function<void(qint64 waitedMs)> onWaiting = {});

private:
    void openUri(const QString &path, const QByteArray &uri, int flags);

    static int onBusy(void *self, int attempt);

    sqlite3 *m_db = nullptr;
    QString m_path;
    bool m_readOnly = false;
    qint64 m_busyLimitMs = 5000;
    std::function<void(qint64)> m_onWaiting;
    QElapsedTimer m_busyClock;
    qint64 m_lastNotice = -1;
};

// The UTF-8 every text of a case is written as. An unpaired UTF-16 surrogate (EVTX
// strings are copied as UTF-16 from a hostile file) becomes U+FFFD, as the event rows'
// encoder writes it: QString::toUtf8() would write '?', and a value bound to find a row
// (a host, a facet counted beside the rows) would then not find it.
QByteArray caseUtf8(QStringView text);

// One prepared statement. Parameters are 1-based as in SQLite.
class Statement
{
public:
    Statement(Database &db, const char *sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, const QString &value); // empty string binds as NULL
    Statement &bindText(int index, const QString &value); // empty string stays ''
    Statement &bind(int index, const QByteArray &utf8Text);
    Statement &bindBlob(int index, const QByteArray &blob);
    // Bind without a copy: SQLite reads the bytes in place, so they must stay
    // unchanged until the statement is reset. For the bulk insert paths.
    Statement &bindBorrowedText(int index, QByteArrayView utf8Text);
    Statement &bindBorrowedBlob(int index, QByteArrayView blob);
    Statement &bindNull(int index);

    // Returns true while rows come back; false when done. Throws on error.
    bool step();
    void exec(); // step() that expects no row, then reset()
    void reset();

    bool isNull(int column) const;
    qint64 int64(int column) const;
    QString text(int column) const;
    // The column's text as SQLite holds it (UTF-8, as stored: not checked), without a
    // copy: valid until the next step(), reset() or destruction. Empty for NULL.
    QByteArrayView textView(int column) const;
    QByteArray blob(int column) const;

private:
    Database &m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

// RAII transaction: rolls back unless commit() was called.
class Transaction
{
public:
    explicit Transaction(Database &db, bool immediate = true);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    Database &m_db;
    bool m_open = true;
};

} // namespace Chainscope
