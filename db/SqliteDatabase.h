#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QtGlobal>
#include <memory>

struct sqlite3;

namespace HallDesk {

// SQLite's own connection, for bulk work through prepared statements (db/SqliteStatement.h) where QtSql's QVariant
// binding costs more than the rows: either borrowed from a store's QSQLITE connection (the same connection, so
// statements run inside the caller's transaction) or opened on a file for one thread alone. Nothing outside db/
// sees the handle. Every failure throws StoreError with SQLite's message.
class SqliteDatabase final
{
public:
    // Borrows the connection under `db` (Sql::handle), which must stay open while this object lives.
    explicit SqliteDatabase(const QSqlDatabase& db);
    // Opens the file at `path` for the calling thread only (no mutex around every call), read-write, with a 10 s
    // busy timeout. Returns null and sets `error` when it cannot be opened.
    static std::unique_ptr<SqliteDatabase> open(const QString& path, QString* error);
    // Closes a connection it opened; a borrowed one stays open.
    ~SqliteDatabase();
    Q_DISABLE_COPY_MOVE(SqliteDatabase)

    // Runs SQL without values, one statement or several (a script, a PRAGMA), ignoring any rows.
    void exec(const QByteArray& sql);
    // The same for clean-up paths: a failure is ignored.
    void execQuietly(const QByteArray& sql) noexcept;
    // The rowid of the last row this connection inserted.
    qint64 lastInsertId() const;

private:
    friend class SqliteStatement;
    SqliteDatabase(sqlite3* db, bool owned);

    sqlite3* m_db = nullptr;
    bool m_owned = false;
};

// A write transaction on a SqliteDatabase, begun with BEGIN IMMEDIATE (the write lock at once, as
// Sql::Transaction does); rolled back unless commit() was called.
class SqliteTransaction final
{
public:
    explicit SqliteTransaction(SqliteDatabase& db);
    ~SqliteTransaction();
    Q_DISABLE_COPY_MOVE(SqliteTransaction)

    void commit();

private:
    SqliteDatabase& m_db;
    bool m_open = true;
};

} // namespace HallDesk
