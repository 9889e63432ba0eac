#pragma once

#include <QByteArray>
#include <QtGlobal>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace HallDesk {

class SqliteDatabase;

// A prepared statement on a SqliteDatabase, for bulk work where QSqlQuery's QVariant binding costs more than the
// rows themselves, bound by position (from 1) and reset after each run; bindings stay through a reset. Text bound
// with text() is not copied: it must live until run() or next() is done with it (copiedText() copies). Every
// failure throws StoreError with SQLite's message.
class SqliteStatement final
{
public:
    SqliteStatement(SqliteDatabase& db, const QByteArray& sql);
    ~SqliteStatement();
    Q_DISABLE_COPY_MOVE(SqliteStatement)

    void text(int index, std::string_view value);
    void copiedText(int index, std::string_view value);
    void integer(int index, qint64 value);
    void null(int index);

    // Runs a statement (a row it returns is ignored).
    void run();
    // Steps a query: true with a row to read, false (and reset) when done.
    bool next();
    qint64 columnInteger(int column) const;
    // The column's text (empty for NULL), valid until the next step or reset.
    std::string_view columnText(int column) const;
    bool columnIsNull(int column) const;
    void reset();

private:
    [[noreturn]] void fail() const;
    void check(int result) const;

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_statement = nullptr;
};

} // namespace HallDesk
