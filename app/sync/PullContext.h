#pragma once

#include "db/SqliteDatabase.h"
#include "db/SqliteStatement.h"

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>
#include <QtGlobal>
#include <functional>
#include <memory>
#include <string_view>
#include <unordered_map>

namespace HallDesk {

class PulledPage;

// What the appliers of pulled tables (PulledTables.h) share during a round: the store's SQLite connection with
// their prepared statements, and the local ids of natural keys (halls, areas, groups, operators, the last
// account) cached so that a page of a hundred thousand rows looks each up once. Errors use PullApplier's
// messages.
class PullContext final
{
public:
    explicit PullContext(const QSqlDatabase& db);
    ~PullContext();
    Q_DISABLE_COPY_MOVE(PullContext)

    SqliteDatabase& database() { return *m_db; }
    // A statement prepared once per round, found again by the address of its text (a literal, or text that
    // outlives the round).
    SqliteStatement& statement(const char* sql);

    // The time of the page being applied (UTC, ISO 8601): stamps ledger lines and rows without their own time.
    std::string_view now() const { return {m_now.constData(), std::size_t(m_now.size())}; }
    void setNow(const QByteArray& now) { m_now = now; }

    // Local ids by code; 0 when this store has no such row (or the code is empty).
    qint64 hallId(std::string_view code);
    qint64 areaId(std::string_view code);
    qint64 groupId(std::string_view code);
    qint64 operatorId(std::string_view code);
    qint64 accountId(std::string_view accountNo);
    // The same, throwing StoreError when the store has no such row.
    qint64 requiredHall(std::string_view code);
    qint64 requiredAccount(std::string_view accountNo);
    // After a row was written: the next lookup of this account needs no query.
    void rememberAccount(std::string_view accountNo, qint64 id);
    // After an operator was written: its id is looked up again.
    void forgetOperator(std::string_view code);
    // Before a tombstone: ids cached for this round may name the row that goes.
    void forgetIds();

    // A DELETE that local history may refuse (a foreign key): the row stays then.
    void deleteIfUnreferenced(const char* sql, const std::function<void(SqliteStatement&)>& bind);

    // NULL for id 0.
    static void bindId(SqliteStatement& statement, int index, qint64 id);
    // NULL for a NULL field, its text otherwise.
    static void bindOptional(SqliteStatement& statement, int index, const PulledPage& page, int row, int field);

private:
    qint64 cachedId(QHash<QByteArray, qint64>& cache, const char* sql, std::string_view key);

    std::unique_ptr<SqliteDatabase> m_db;
    std::unordered_map<const char*, std::unique_ptr<SqliteStatement>> m_statements;
    QByteArray m_now;
    QHash<QByteArray, qint64> m_halls;
    QHash<QByteArray, qint64> m_areas;
    QHash<QByteArray, qint64> m_groups;
    QHash<QByteArray, qint64> m_operators;
    QByteArray m_lastAccountNo; // bills come account by account: the last lookup answers most of them
    qint64 m_lastAccountId = 0;
};

// The bytes of a field as a QByteArray / QString.
QByteArray pulledBytes(std::string_view text);
QString pulledText(std::string_view text);

} // namespace HallDesk
