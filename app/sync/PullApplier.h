#pragma once

#include "db/Central.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

struct sqlite3;

namespace HallDesk {

class SqliteStatement;

// A table the client pulls: its name and the fields it reads from each row, in the order its applier uses them.
struct PullTable
{
    QString name;
    QList<QByteArray> fields;
};

// One page of sync.pull_rows (db/central/0003_pull_rows.sql): the header rows read, each field of the table
// found among the page's columns once, the data rows put in row_version order.
class PulledPage final
{
public:
    // Throws StoreError when the page does not have the shape sync.pull_rows gives.
    PulledPage(CentralRows rows, const PullTable& table);

    bool more() const { return m_more; }
    qint64 watermark() const { return m_watermark; }
    qint64 fence() const { return m_fence; }
    int size() const { return int(m_order.size()); }

    // The i-th data row in row_version order.
    bool isDeletion(int i) const;
    bool isNull(int i, int field) const;
    std::string_view text(int i, int field) const; // empty for NULL or a field the centre did not send
    qint64 integer(int i, int field) const; // 0 for NULL; StoreError when not a whole number

private:
    int column(int i, int field, int* row) const;

    CentralRows m_rows;
    std::vector<int> m_columns; // field -> result column, -1 when absent
    std::vector<int> m_order; // data rows (result row numbers) in row_version order
    std::vector<bool> m_deletion;
    bool m_more = false;
    qint64 m_watermark = 0;
    qint64 m_fence = 0;
};

// Applies pulled pages to a store through its SQLite handle, table by table, with prepared statements and the
// local ids of natural keys cached for the round. The caller frames each page in one transaction together with
// its watermark. Rows are upserted by natural key; tombstones delete, except where local history refers to the
// row (a bill or an account with payments, an operator in the audit log), which then stays.
class PullApplier final
{
    Q_DECLARE_TR_FUNCTIONS(PullApplier)

public:
    explicit PullApplier(const QSqlDatabase& db);
    ~PullApplier();
    Q_DISABLE_COPY_MOVE(PullApplier)

    // The tables this client applies, in the order they must be pulled (parents first).
    static const QList<PullTable>& tables();

    // Applies every row of the page; `now` stamps ledger lines and rows without their own time.
    void apply(const QString& table, const PulledPage& page, const QByteArray& now);

    // A first fill (SyncProgress::firstFill): the search tables and the secondary indexes of accounts and contacts
    // wait until the fill ends (fill_deferred, db/local/0005_first_fill.sql). Call before the first page of
    // accounts; one transaction. A fill resumed after a cut finds them set aside already and changes nothing.
    void beginFirstFill(const QByteArray& now);
    // After the last page of every table: when something was deferred, builds the search tables from `accounts`
    // in one pass, makes the indexes set aside, and ends the deferral; one transaction.
    void finishFirstFill();

private:
    using Applier = void (PullApplier::*)(const PulledPage&, int, const QByteArray&);
    SqliteStatement& statement(const char* sql);
    qint64 cachedId(QHash<QByteArray, qint64>& cache, const char* sql, std::string_view key);
    qint64 hallId(std::string_view code);
    qint64 requiredHall(std::string_view code);
    qint64 accountId(std::string_view accountNo);
    qint64 requiredAccount(std::string_view accountNo);
    void bindId(SqliteStatement& statement, int index, qint64 id);
    void bindOptional(SqliteStatement& statement, int index, const PulledPage& page, int row, int field);

    void hall(const PulledPage& page, int row, const QByteArray& now);
    void policy(const PulledPage& page, int row, const QByteArray& now);
    void rate(const PulledPage& page, int row, const QByteArray& now);
    void operatorRow(const PulledPage& page, int row, const QByteArray& now);
    void terminal(const PulledPage& page, int row, const QByteArray& now);
    void area(const PulledPage& page, int row, const QByteArray& now);
    void account(const PulledPage& page, int row, const QByteArray& now);
    void contact(const PulledPage& page, int row, const QByteArray& now);
    void group(const PulledPage& page, int row, const QByteArray& now);
    void member(const PulledPage& page, int row, const QByteArray& now);
    void bills(const PulledPage& page, int first, int count);
    void remove(const QString& table, const PulledPage& page, int row);
    // A DELETE that local history may refuse (a foreign key): the row stays then.
    void deleteIfUnreferenced(const char* sql, const std::function<void(SqliteStatement&)>& bind);

    sqlite3* m_db;
    std::unordered_map<const char*, std::unique_ptr<SqliteStatement>> m_statements;
    std::unordered_map<int, std::unique_ptr<SqliteStatement>> m_billStatements; // by rows per statement
    QHash<QByteArray, qint64> m_halls;
    QHash<QByteArray, qint64> m_areas;
    QHash<QByteArray, qint64> m_groups;
    QHash<QByteArray, qint64> m_operators;
    QByteArray m_lastAccountNo; // bills come account by account: the last lookup answers most of them
    qint64 m_lastAccountId = 0;
};

} // namespace HallDesk
