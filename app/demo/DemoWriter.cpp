#include "app/demo/DemoWriter.h"

#include "app/accounts/Account.h"
#include "app/auth/Operator.h"
#include "app/billing/CustomerClass.h"
#include "app/demo/DemoPlaces.h"
#include "db/StoreError.h"

#include <array>
#include <sqlite3.h>
#include <string_view>

namespace HallDesk {

namespace {

// The triggers that fill the search tables row by row; the load builds those tables in one pass instead.
constexpr const char* kSearchTriggers[] = {"accounts_search_insert", "accounts_grams_insert"};
// Secondary indexes of these tables are built after the load by sorting rather than kept up row by row: most of
// their keys (names, meter and phone numbers, grams) arrive in random order, and even those that grow with the
// account id (area, collector) cost more kept up than built once (measured).
constexpr char kIndexesBuiltAfter[] = " FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                      "AND tbl_name IN ('accounts', 'contacts', 'name_grams') ORDER BY name";

// Rows per statement: fewer, larger statements cost less per row.
constexpr int kBatchAccounts = 16;
constexpr int kGramRows = 64;

// FTS5 keeps this much pending index data in memory before it writes a segment. A larger buffer during the
// rebuild halves its time (fewer segments to merge); the store's default (1 MiB) is put back afterwards.
constexpr char kSearchHashSize[] = "67108864";
constexpr char kDefaultSearchHashSize[] = "1048576";

constexpr int kAccountFields = 15;
constexpr int kContactFields = 6;

// The bills statement numbers its parameters: a period's text, issue and due date are the same for every account
// and are bound once (?1 to ?39); each account binds its id once and six values per bill.
constexpr int kPeriodFields = 3;
constexpr int kBillFields = 6; // id, kwh, amount_fen, paid_fen, status, paid_on
constexpr int kAccountBillFields = 1 + DemoCalendar::kPeriods * kBillFields;
constexpr int kFirstAccountBillField = DemoCalendar::kPeriods * kPeriodFields + 1;

int billField(int account, int period, int field)
{
    return kFirstAccountBillField + account * kAccountBillFields + 1 + period * kBillFields + field;
}

QByteArray billsInsert(int accounts)
{
    QByteArray sql(
        "INSERT INTO bills (id, account_id, period, kwh, amount_fen, issue_date, due_date, paid_fen, status, "
        "paid_on) VALUES ");
    const auto parameter = [](int number) -> QByteArray { return '?' + QByteArray::number(number); };
    for (int account = 0; account < accounts; ++account) {
        for (int period = 0; period < DemoCalendar::kPeriods; ++period) {
            if (account > 0 || period > 0) {
                sql += ',';
            }
            const int periodField = period * kPeriodFields + 1;
            sql += '(' + parameter(billField(account, period, 0)) + ','
                + parameter(kFirstAccountBillField + account * kAccountBillFields) + ',' + parameter(periodField) + ','
                + parameter(billField(account, period, 1)) + ',' + parameter(billField(account, period, 2)) + ','
                + parameter(periodField + 1) + ',' + parameter(periodField + 2) + ','
                + parameter(billField(account, period, 3)) + ',' + parameter(billField(account, period, 4)) + ','
                + parameter(billField(account, period, 5)) + ')';
        }
    }
    return sql;
}

QByteArray insert(const char* head, int fields, int rows)
{
    QByteArray row("(?");
    for (int i = 1; i < fields; ++i) {
        row += ",?";
    }
    row += ')';
    QByteArray sql(head);
    sql += " VALUES ";
    for (int i = 0; i < rows; ++i) {
        if (i > 0) {
            sql += ',';
        }
        sql += row;
    }
    return sql;
}

std::string_view view(const QByteArray& bytes)
{
    return {bytes.constData(), std::size_t(bytes.size())};
}

} // namespace

// A prepared statement, bound by position and reset after each run. Bound text is not copied (except through
// copiedText()): it must live until run() returns.
class DemoWriter::Statement final
{
public:
    Statement(DemoWriter& writer, const QByteArray& sql)
        : m_writer(writer)
    {
        if (sqlite3_prepare_v3(writer.m_db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_statement,
                               nullptr)
            != SQLITE_OK) {
            writer.fail(QString::fromUtf8(sql.left(60)));
        }
    }
    ~Statement() { sqlite3_finalize(m_statement); }
    Q_DISABLE_COPY_MOVE(Statement)

    void text(int index, std::string_view value)
    {
        check(sqlite3_bind_text(m_statement, index, value.data(), int(value.size()), SQLITE_STATIC));
    }
    void copiedText(int index, const QString& value)
    {
        const QByteArray utf8 = value.toUtf8();
        check(sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT));
    }
    void integer(int index, qint64 value) { check(sqlite3_bind_int64(m_statement, index, value)); }
    void null(int index) { check(sqlite3_bind_null(m_statement, index)); }

    void run()
    {
        const int result = sqlite3_step(m_statement);
        sqlite3_reset(m_statement);
        if (result != SQLITE_DONE) {
            m_writer.fail(QString::fromUtf8(sqlite3_sql(m_statement)).left(60));
        }
    }

private:
    void check(int result)
    {
        if (result != SQLITE_OK) {
            m_writer.fail(QString::fromUtf8(sqlite3_sql(m_statement)).left(60));
        }
    }

    DemoWriter& m_writer;
    sqlite3_stmt* m_statement = nullptr;
};

DemoWriter::DemoWriter(const QString& path)
{
    // This connection is used by one thread only: no mutexes around every call.
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK) {
        const QString reason = QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : "out of memory");
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw StoreError(tr("Cannot open %1 to fill it with demo data: %2").arg(path, reason));
    }
    sqlite3_busy_timeout(m_db, 10000);
}

DemoWriter::~DemoWriter()
{
    // Statements first: the connection closes only when none is left.
    m_hall.reset();
    m_terminal.reset();
    m_operator.reset();
    m_role.reset();
    m_group.reset();
    m_member.reset();
    m_area.reset();
    m_batch = AccountStatements{};
    m_single = AccountStatements{};
    sqlite3_close_v2(m_db);
}

void DemoWriter::fail(const QString& what)
{
    throw StoreError(tr("Writing the demo store failed (%1): %2").arg(what, QString::fromUtf8(sqlite3_errmsg(m_db))));
}

void DemoWriter::exec(const QByteArray& sql)
{
    char* error = nullptr;
    if (sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &error) != SQLITE_OK) {
        const QString message = QString::fromUtf8(error ? error : sqlite3_errmsg(m_db));
        sqlite3_free(error);
        throw StoreError(tr("Writing the demo store failed (%1): %2").arg(QString::fromUtf8(sql.left(60)), message));
    }
}

QList<QByteArray> DemoWriter::column(const QByteArray& sql, const char* parameter)
{
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.constData(), int(sql.size()), &statement, nullptr) != SQLITE_OK) {
        fail(QString::fromUtf8(sql.left(60)));
    }
    if (parameter != nullptr) {
        sqlite3_bind_text(statement, 1, parameter, -1, SQLITE_STATIC);
    }
    QList<QByteArray> values;
    int result = SQLITE_ROW;
    while ((result = sqlite3_step(statement)) == SQLITE_ROW) {
        values.append(QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0))));
    }
    sqlite3_finalize(statement);
    if (result != SQLITE_DONE) {
        fail(QString::fromUtf8(sql.left(60)));
    }
    return values;
}

void DemoWriter::begin(const DemoCalendar& calendar)
{
    // Only for this connection and this load: a new file whose failed load is deleted needs neither syncing nor a
    // journal on disk. A modest cache holds the pages being filled and lets the rest go to the file early, so that
    // the kernel writes them out while the load goes on rather than all at the commit. CHECK constraints are left to
    // the generator, which makes only valid rows (a check with an IN list costs a temporary table per statement);
    // TestDemo runs integrity_check, which checks them all.
    exec("PRAGMA journal_mode = MEMORY");
    exec("PRAGMA synchronous = OFF");
    exec("PRAGMA cache_size = -262144");
    exec("PRAGMA foreign_keys = OFF");
    exec("PRAGMA ignore_check_constraints = ON");
    exec("BEGIN IMMEDIATE");
    setAside();

    m_hall = std::make_unique<Statement>(
        *this, insert("INSERT INTO halls (id, code, name, province, district, address, phone)", 7, 1));
    m_terminal
        = std::make_unique<Statement>(*this, insert("INSERT OR IGNORE INTO terminals (hall_id, code, name)", 3, 1));
    m_operator = std::make_unique<Statement>(
        *this,
        "INSERT INTO operators (id, code, name, hall_id, password_hash, active, failed_attempts, locked_until, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, 0, NULL, ?, ?)");
    m_role = std::make_unique<Statement>(*this, insert("INSERT INTO operator_roles (operator_id, role)", 2, 1));
    m_group = std::make_unique<Statement>(*this, insert("INSERT INTO payer_groups (id, code, name, kind)", 4, 1));
    m_member
        = std::make_unique<Statement>(*this, insert("INSERT INTO payer_group_members (group_id, account_id)", 2, 1));
    m_area = std::make_unique<Statement>(
        *this, insert("INSERT INTO transformer_areas (id, code, name, hall_id, collector_id)", 5, 1));
    m_batch = prepareAccounts(kBatchAccounts, calendar);
    m_single = prepareAccounts(1, calendar);
}

DemoWriter::AccountStatements DemoWriter::prepareAccounts(int accounts, const DemoCalendar& calendar)
{
    AccountStatements statements;
    statements.accounts = accounts;
    statements.account = std::make_unique<Statement>(
        *this,
        insert("INSERT INTO accounts (id, account_no, name, customer_class, address, hall_id, area_id, meter_no, "
               "status, risk_level, collector_id, prepaid_fen, id_card_no, opened_on, updated_at)",
               kAccountFields, accounts));
    statements.contact = std::make_unique<Statement>(
        *this,
        insert("INSERT INTO contacts (account_id, phone, mobile, wechat, email, updated_at)", kContactFields,
               accounts));
    statements.bills = std::make_unique<Statement>(*this, billsInsert(accounts));
    // Bindings stay through every reset: the periods are bound once. Their text lives in the calendar.
    for (int period = 0; period < DemoCalendar::kPeriods; ++period) {
        const DemoCalendar::Period& dates = calendar.period(period);
        statements.bills->text(period * kPeriodFields + 1, dates.text);
        statements.bills->text(period * kPeriodFields + 2, calendar.date(dates.issueDay));
        statements.bills->text(period * kPeriodFields + 3, calendar.date(dates.dueDay));
    }
    return statements;
}

void DemoWriter::setAside()
{
    m_setAside = column("SELECT sql" + QByteArray(kIndexesBuiltAfter));
    for (const QByteArray& name : column("SELECT name" + QByteArray(kIndexesBuiltAfter))) {
        exec("DROP INDEX " + name);
    }
    for (const char* name : kSearchTriggers) {
        const QList<QByteArray> trigger
            = column("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", name);
        if (trigger.isEmpty()) {
            throw StoreError(tr("The store has no trigger %1; this demo generator does not match its schema.")
                                 .arg(QLatin1String(name)));
        }
        m_setAside.append(trigger.front());
        exec("DROP TRIGGER " + QByteArray(name));
    }
}

std::vector<DemoNameGrams::Slice> DemoWriter::nameGramSlices()
{
    std::vector<DemoNameGrams::Slice> slices;
    for (const QByteArray& row : column("SELECT start || ' ' || len FROM name_gram_slices ORDER BY start, len")) {
        const QList<QByteArray> parts = row.split(' ');
        slices.push_back({parts.value(0).toInt(), parts.value(1).toInt()});
    }
    return slices;
}

void DemoWriter::writeHall(qint64 id, const DemoHallSite& hall)
{
    m_hall->integer(1, id);
    m_hall->text(2, hall.code);
    m_hall->text(3, hall.name);
    m_hall->text(4, DemoPlaces::province());
    m_hall->text(5, DemoPlaces::districts()[std::size_t(hall.districts.front())].name);
    m_hall->text(6, hall.address);
    m_hall->text(7, hall.phone);
    m_hall->run();
}

void DemoWriter::writeTerminal(qint64 hallId, const QString& code)
{
    m_terminal->integer(1, hallId);
    m_terminal->copiedText(2, code);
    m_terminal->copiedText(3, code);
    m_terminal->run();
}

void DemoWriter::writeOperator(const DemoOperatorRow& row, const QByteArray& passwordHash, const QByteArray& createdAt)
{
    m_operator->integer(1, row.id);
    m_operator->copiedText(2, row.code);
    m_operator->copiedText(3, row.name);
    m_operator->integer(4, row.hallId);
    m_operator->text(5, view(passwordHash));
    m_operator->text(6, view(createdAt));
    m_operator->text(7, view(createdAt));
    m_operator->run();
    for (const Role role : row.roles) {
        m_role->integer(1, row.id);
        m_role->copiedText(2, roleCode(role));
        m_role->run();
    }
}

void DemoWriter::writeGroup(const DemoGroupPlan& group)
{
    m_group->integer(1, group.id);
    m_group->text(2, group.code);
    m_group->text(3, group.name);
    m_group->text(4, group.kind == DemoGroupPlan::Kind::Family ? "family" : "company");
    m_group->run();
}

void DemoWriter::writeMember(qint64 groupId, qint64 accountId)
{
    m_member->integer(1, groupId);
    m_member->integer(2, accountId);
    m_member->run();
}

void DemoWriter::writeAccounts(AccountStatements& statements, const DemoAccountRow* rows, const DemoCalendar& calendar)
{
    Statement& account = *statements.account;
    Statement& contact = *statements.contact;
    Statement& bills = *statements.bills;
    for (int i = 0; i < statements.accounts; ++i) {
        const DemoAccountRow& row = rows[i];
        const int a = i * kAccountFields;
        account.integer(a + 1, row.id);
        account.text(a + 2, row.accountNo);
        account.text(a + 3, row.name);
        account.text(a + 4, demoClassCode(row.customerClass));
        account.text(a + 5, row.address);
        account.integer(a + 6, row.hallId);
        account.integer(a + 7, row.areaId);
        account.text(a + 8, row.meterNo);
        account.text(a + 9, row.billing.status);
        account.text(a + 10, row.billing.riskLevel);
        account.integer(a + 11, row.collectorId);
        account.integer(a + 12, row.billing.prepaidFen);
        // the cache keeps ID numbers masked, the demo's too (the central demo keeps them whole: CentralDemoWriter)
        account.copiedText(a + 13, maskIdCardForCache(QString::fromLatin1(row.idCardNo)));
        account.text(a + 14, calendar.date(row.openedOnDay));
        account.text(a + 15, row.updatedAt);

        const int c = i * kContactFields;
        contact.integer(c + 1, row.id);
        contact.text(c + 2, row.contact.phone);
        contact.text(c + 3, row.contact.mobile);
        contact.text(c + 4, row.contact.wechat);
        contact.text(c + 5, row.contact.email);
        contact.text(c + 6, row.contact.updatedAt);

        bills.integer(kFirstAccountBillField + i * kAccountBillFields, row.id);
        for (int period = 0; period < DemoCalendar::kPeriods; ++period) {
            const DemoBill& bill = row.billing.bills[std::size_t(period)];
            bills.integer(billField(i, period, 0), (row.id - 1) * DemoCalendar::kPeriods + period + 1);
            bills.integer(billField(i, period, 1), bill.kwh);
            bills.integer(billField(i, period, 2), bill.amountFen);
            bills.integer(billField(i, period, 3), bill.paidFen);
            bills.text(billField(i, period, 4), demoBillStatusCode(bill.status));
            if (bill.paidOnDay >= 0) {
                bills.text(billField(i, period, 5), std::string_view(calendar.date(bill.paidOnDay), 10));
            } else {
                bills.null(billField(i, period, 5));
            }
        }
    }
    account.run();
    contact.run();
    bills.run();
}

void DemoWriter::writeChunk(const DemoChunk& chunk, const DemoCalendar& calendar)
{
    for (const DemoAreaRow& area : chunk.areas) {
        m_area->integer(1, area.id);
        m_area->text(2, area.code);
        m_area->text(3, area.name);
        m_area->integer(4, area.hallId);
        m_area->integer(5, area.collectorId);
        m_area->run();
    }
    const std::size_t count = chunk.accounts.size();
    std::size_t done = 0;
    for (; done + kBatchAccounts <= count; done += kBatchAccounts) {
        writeAccounts(m_batch, chunk.accounts.data() + done, calendar);
    }
    for (; done < count; ++done) {
        writeAccounts(m_single, chunk.accounts.data() + done, calendar);
    }
}

void DemoWriter::writeNameGrams(const DemoNameGrams& grams)
{
    Statement many(*this, insert("INSERT INTO name_grams (gram, account_id)", 2, kGramRows));
    Statement one(*this, insert("INSERT INTO name_grams (gram, account_id)", 2, 1));
    // Bound text must live until the statement has run: a batch keeps its grams.
    std::vector<std::string> batch;
    std::vector<qint64> ids;
    batch.reserve(kGramRows);
    ids.reserve(kGramRows);
    grams.forEachRow([&](const std::string& gram, qint64 accountId) {
        batch.push_back(gram);
        ids.push_back(accountId);
        if (batch.size() < std::size_t(kGramRows)) {
            return;
        }
        for (std::size_t i = 0; i < batch.size(); ++i) {
            many.text(int(i) * 2 + 1, batch[i]);
            many.integer(int(i) * 2 + 2, ids[i]);
        }
        many.run();
        batch.clear();
        ids.clear();
    });
    for (std::size_t i = 0; i < batch.size(); ++i) {
        one.text(1, batch[i]);
        one.integer(2, ids[i]);
        one.run();
    }
}

void DemoWriter::buildSearch()
{
    // What accounts_search_insert does row by row, for all accounts at once.
    exec(QByteArray("INSERT INTO account_search (account_search, rank) VALUES ('hashsize', ") + kSearchHashSize + ')');
    exec("INSERT INTO account_search (account_search) VALUES ('rebuild')");
    exec(QByteArray("INSERT INTO account_search (account_search, rank) VALUES ('hashsize', ") + kDefaultSearchHashSize
         + ')');
}

void DemoWriter::finish(const DemoNameGrams& grams)
{
    writeNameGrams(grams);
    // Every prepaid balance enters the ledger as its opening line, as the counter migration does for balances that
    // existed before it, so that `halldeskctl check` finds accounts and ledger in agreement. One pass in SQL.
    exec("INSERT INTO prepaid_ledger (account_id, delta_fen, balance_after, created_at, note) "
         "SELECT id, prepaid_fen, prepaid_fen, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'opening' "
         "FROM accounts WHERE prepaid_fen <> 0 ORDER BY id");
    buildSearch();
    for (const QByteArray& sql : std::as_const(m_setAside)) {
        exec(sql);
    }
    m_setAside.clear();
    exec("COMMIT");
    exec("PRAGMA ignore_check_constraints = OFF");
    exec("PRAGMA analysis_limit = 1000");
    exec("ANALYZE");
    // Back to how every store is opened: WAL, and FULL syncing for anything that moves money.
    exec("PRAGMA journal_mode = WAL");
    if (column("PRAGMA journal_mode").value(0).compare("wal", Qt::CaseInsensitive) != 0) {
        throw StoreError(tr("The demo store cannot be switched to WAL mode."));
    }
    exec("PRAGMA synchronous = FULL");
    exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

} // namespace HallDesk
