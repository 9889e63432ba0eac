#pragma once

#include "db/StoreError.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

namespace HallDesk::Sql {

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
