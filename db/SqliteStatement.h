#pragma once

#include <QByteArray>
#include <QtGlobal>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace HallDesk {

// A prepared statement on a raw SQLite handle (Sql::handle), for bulk work where QSqlQuery's QVariant binding costs
// more than the rows themselves, bound by position (from 1) and reset after each run. Text bound
// with text() is not copied: it must live until run() or next() is done with it. Every failure throws
// StoreError with SQLite's message.
class SqliteStatement final
{
public:
    SqliteStatement(sqlite3* db, const QByteArray& sql);
    ~SqliteStatement();
    Q_DISABLE_COPY_MOVE(SqliteStatement)

    void text(int index, std::string_view value);
    void integer(int index, qint64 value);
    void null(int index);

    // Runs a statement that returns no rows.
    void run();
    // Steps a query: true with a row to read, false (and reset) when done.
    bool next();
    qint64 columnInteger(int column) const;
    bool columnIsNull(int column) const;
    void reset();
    // The statement itself, for reading columns of other types.
    sqlite3_stmt* raw() const { return m_statement; }

private:
    [[noreturn]] void fail() const;
    void check(int result) const;

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_statement = nullptr;
};

} // namespace HallDesk
