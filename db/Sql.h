#pragma once

#include "db/StoreError.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

struct sqlite3;

namespace HallDesk::Sql {

// The SQLite handle under a QSQLITE connection (Debian's plugin links the system SQLite, the library this program
// links too), for scripts and for bulk work through prepared statements (db/SqliteStatement.h). Throws StoreError
// when the connection is not an open SQLite connection.
sqlite3* handle(const QSqlDatabase& db);

// Prepares and runs one statement with bound values; throws StoreError with the driver's message on failure.
QSqlQuery exec(const QSqlDatabase& db, const QString& sql, const QVariantList& values = {});

// Runs a statement and returns the first column of its first row, or an invalid QVariant when there is no row.
QVariant scalar(const QSqlDatabase& db, const QString& sql, const QVariantList& values = {});

// Runs a script of several statements (a migration) through SQLite itself.
void execScript(const QSqlDatabase& db, const QString& script);

// A write transaction that takes SQLite's write lock at once (BEGIN IMMEDIATE), so two writers never deadlock
// upgrading a read lock. Rolls back unless commit() was called.
class Transaction final
{
public:
    explicit Transaction(const QSqlDatabase& db);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    void commit();

private:
    QSqlDatabase m_db;
    bool m_open = true;
};

} // namespace HallDesk::Sql
