#include "db/SqliteStatement.h"

#include "db/StoreError.h"

#include <sqlite3.h>

namespace HallDesk {

SqliteStatement::SqliteStatement(sqlite3* db, const QByteArray& sql)
    : m_db(db)
{
    if (sqlite3_prepare_v3(db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr)
        != SQLITE_OK) {
        throw StoreError(
            QStringLiteral("%1 (%2)").arg(QString::fromUtf8(sqlite3_errmsg(db)), QString::fromUtf8(sql.left(80))));
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::text(int index, std::string_view value)
{
    check(sqlite3_bind_text(m_statement, index, value.data(), int(value.size()), SQLITE_STATIC));
}

void SqliteStatement::integer(int index, qint64 value)
{
    check(sqlite3_bind_int64(m_statement, index, value));
}

void SqliteStatement::null(int index)
{
    check(sqlite3_bind_null(m_statement, index));
}

void SqliteStatement::run()
{
    const int result = sqlite3_step(m_statement);
    if (result != SQLITE_DONE && result != SQLITE_ROW) {
        fail();
    }
    sqlite3_reset(m_statement);
}

bool SqliteStatement::next()
{
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW) {
        return true;
    }
    if (result != SQLITE_DONE) {
        fail();
    }
    sqlite3_reset(m_statement);
    return false;
}

qint64 SqliteStatement::columnInteger(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

bool SqliteStatement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
}

void SqliteStatement::fail() const
{
    const QString message = QString::fromUtf8(sqlite3_errmsg(m_db));
    const QString sql = QString::fromUtf8(sqlite3_sql(m_statement)).left(80);
    sqlite3_reset(m_statement);
    throw StoreError(QStringLiteral("%1 (%2)").arg(message, sql));
}

void SqliteStatement::check(int result) const
{
    if (result != SQLITE_OK) {
        fail();
    }
}

} // namespace HallDesk
