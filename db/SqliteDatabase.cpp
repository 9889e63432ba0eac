#include "db/SqliteDatabase.h"

#include "db/Sql.h"
#include "db/StoreError.h"

#include <sqlite3.h>

namespace HallDesk {

SqliteDatabase::SqliteDatabase(const QSqlDatabase& db)
    : SqliteDatabase(Sql::handle(db), false)
{
}

SqliteDatabase::SqliteDatabase(sqlite3* db, bool owned)
    : m_db(db)
    , m_owned(owned)
{
}

std::unique_ptr<SqliteDatabase> SqliteDatabase::open(const QString& path, QString* error)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK) {
        *error = QString::fromUtf8(db != nullptr ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close_v2(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 10000);
    return std::unique_ptr<SqliteDatabase>(new SqliteDatabase(db, true));
}

SqliteDatabase::~SqliteDatabase()
{
    if (m_owned) {
        // closes once the last statement is finalized, should one outlive this object
        sqlite3_close_v2(m_db);
    }
}

void SqliteDatabase::exec(const QByteArray& sql)
{
    char* error = nullptr;
    if (sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &error) != SQLITE_OK) {
        const QString message = QString::fromUtf8(error != nullptr ? error : sqlite3_errmsg(m_db));
        sqlite3_free(error);
        throw StoreError(QStringLiteral("%1 (%2)").arg(message, QString::fromUtf8(sql.left(80))));
    }
}

void SqliteDatabase::execQuietly(const QByteArray& sql) noexcept
{
    sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, nullptr);
}

qint64 SqliteDatabase::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

SqliteTransaction::SqliteTransaction(SqliteDatabase& db)
    : m_db(db)
{
    m_db.exec("BEGIN IMMEDIATE");
}

SqliteTransaction::~SqliteTransaction()
{
    if (m_open) {
        m_db.execQuietly("ROLLBACK");
    }
}

void SqliteTransaction::commit()
{
    m_db.exec("COMMIT");
    m_open = false;
}

} // namespace HallDesk
