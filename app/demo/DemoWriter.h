#pragma once

#include "app/demo/DemoCalendar.h"
#include "app/demo/DemoChunk.h"
#include "app/demo/DemoNameGrams.h"
#include "app/demo/DemoPlan.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <memory>
#include <vector>

namespace HallDesk {

struct DemoHallSite;
class SqliteDatabase;
class SqliteStatement;

// Loads a freshly migrated store through SQLite's own API (db/SqliteDatabase, db/SqliteStatement): one connection
// of its own, prepared statements reused for every batch of rows, one transaction, rows in primary-key order, and
// for the load only no syncing, a large cache and the rollback journal kept in memory (the file is new; a failed load
// is deleted, never repaired). The search triggers on accounts and the secondary indexes of accounts, contacts and
// name_grams are set aside during the load; the search tables and the indexes are built in one pass afterwards, and
// everything set aside is put back with the very text sqlite_master held, so the schema is the migration's to the
// letter.
class DemoWriter final
{
    Q_DECLARE_TR_FUNCTIONS(DemoWriter)

public:
    // Opens the store at `path`, which no other connection may have open.
    explicit DemoWriter(const QString& path);
    ~DemoWriter();
    Q_DISABLE_COPY_MOVE(DemoWriter)

    // Starts the load: settings for speed, the transaction begun, search triggers and indexes set aside.
    void begin(const DemoCalendar& calendar);
    // The rows of name_gram_slices: which parts of a name are indexed.
    std::vector<DemoNameGrams::Slice> nameGramSlices();

    void writeHall(qint64 id, const DemoHallSite& hall);
    void writeTerminal(qint64 hallId, const QString& code);
    void writeOperator(const DemoOperatorRow& row, const QByteArray& passwordHash, const QByteArray& createdAt);
    void writeGroup(const DemoGroupPlan& group);
    void writeMember(qint64 groupId, qint64 accountId);
    void writeChunk(const DemoChunk& chunk, const DemoCalendar& calendar);

    // Writes the name grams, builds the full-text index, puts back what was set aside, commits, collects
    // statistics and leaves the file as every store is: in WAL mode with synchronous=FULL, checkpointed.
    void finish(const DemoNameGrams& grams);

private:
    // The statements that write accounts, their contact cards and their bills, for a fixed number of accounts.
    struct AccountStatements
    {
        int accounts = 0;
        std::unique_ptr<SqliteStatement> account;
        std::unique_ptr<SqliteStatement> contact;
        std::unique_ptr<SqliteStatement> bills;
    };

    std::unique_ptr<SqliteStatement> prepare(const QByteArray& sql);
    // The first column of every row of a query with at most one text parameter.
    QList<QByteArray> column(const QByteArray& sql, const char* parameter = nullptr);
    void setAside();
    AccountStatements prepareAccounts(int accounts, const DemoCalendar& calendar);
    void writeAccounts(AccountStatements& statements, const DemoAccountRow* rows, const DemoCalendar& calendar);
    void writeNameGrams(const DemoNameGrams& grams);
    void buildSearch();

    std::unique_ptr<SqliteDatabase> m_db; // first: destroyed after the statements
    std::unique_ptr<SqliteStatement> m_hall;
    std::unique_ptr<SqliteStatement> m_terminal;
    std::unique_ptr<SqliteStatement> m_operator;
    std::unique_ptr<SqliteStatement> m_role;
    std::unique_ptr<SqliteStatement> m_group;
    std::unique_ptr<SqliteStatement> m_member;
    std::unique_ptr<SqliteStatement> m_area;
    AccountStatements m_batch; // kBatchAccounts at a time
    AccountStatements m_single; // the rest of a chunk
    QList<QByteArray> m_setAside; // CREATE INDEX and CREATE TRIGGER statements, as sqlite_master held them
};

} // namespace HallDesk
