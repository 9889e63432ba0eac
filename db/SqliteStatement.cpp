#include "db/SqliteStatement.h"

#include "db/SqliteDatabase.h"
#include "db/StoreError.h"

#include <sqlite3.h>

namespace HallDesk {

SqliteStatement::SqliteStatement(SqliteDatabase& db, const QByteArray& sql)
    : m_db(db.m_db)
{
    if (sqlite3_prepare_v3(m_db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr)
        != SQLITE_OK) {
        throw StoreError(
            QStringLiteral("%1 (%2)").arg(QString::fromUtf8(sqlite3_errmsg(m_db)), QString::fromUtf8(sql.left(80))));
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

void SqliteStatement::copiedText(int index, std::string_view value)
{
    check(sqlite3_bind_text(m_statement, index, value.data(), int(value.size()), SQLITE_TRANSIENT));
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

std::string_view SqliteStatement::columnText(int column) const
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    return text == nullptr ? std::string_view()
                           : std::string_view(text, std::size_t(sqlite3_column_bytes(m_statement, column)));
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
