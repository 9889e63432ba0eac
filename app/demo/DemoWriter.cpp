#include "app/demo/DemoWriter.h"

#include "app/accounts/Account.h"
#include "app/auth/Operator.h"
#include "app/billing/CustomerClass.h"
#include "app/demo/DemoPlaces.h"
#include "db/SqliteDatabase.h"
#include "db/SqliteStatement.h"
#include "db/StoreError.h"

#include <array>
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

// Binds text that need not outlive the call: SQLite keeps a copy.
void copyText(SqliteStatement& statement, int index, const QString& value)
{
    statement.copiedText(index, view(value.toUtf8()));
}

} // namespace

DemoWriter::DemoWriter(const QString& path)
{
    // This connection is used by one thread only: no mutexes around every call.
    QString reason;
    m_db = SqliteDatabase::open(path, &reason);
    if (!m_db) {
        throw StoreError(tr("Cannot open %1 to fill it with demo data: %2").arg(path, reason));
    }
}

DemoWriter::~DemoWriter() = default;

std::unique_ptr<SqliteStatement> DemoWriter::prepare(const QByteArray& sql)
{
    return std::make_unique<SqliteStatement>(*m_db, sql);
}

QList<QByteArray> DemoWriter::column(const QByteArray& sql, const char* parameter)
{
    SqliteStatement query(*m_db, sql);
    if (parameter != nullptr) {
        query.text(1, parameter);
    }
    QList<QByteArray> values;
    while (query.next()) {
        const std::string_view value = query.columnText(0);
        values.append(QByteArray(value.data(), qsizetype(value.size())));
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
    m_db->exec("PRAGMA journal_mode = MEMORY");
    m_db->exec("PRAGMA synchronous = OFF");
    m_db->exec("PRAGMA cache_size = -262144");
    m_db->exec("PRAGMA foreign_keys = OFF");
    m_db->exec("PRAGMA ignore_check_constraints = ON");
    m_db->exec("BEGIN IMMEDIATE");
    setAside();

    m_hall = prepare(insert("INSERT INTO halls (id, code, name, province, district, address, phone)", 7, 1));
    m_terminal = prepare(insert("INSERT OR IGNORE INTO terminals (hall_id, code, name)", 3, 1));
    m_operator = prepare(
        "INSERT INTO operators (id, code, name, hall_id, password_hash, active, failed_attempts, locked_until, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, 0, NULL, ?, ?)");
    m_role = prepare(insert("INSERT INTO operator_roles (operator_id, role)", 2, 1));
    m_group = prepare(insert("INSERT INTO payer_groups (id, code, name, kind)", 4, 1));
    m_member = prepare(insert("INSERT INTO payer_group_members (group_id, account_id)", 2, 1));
    m_area = prepare(insert("INSERT INTO transformer_areas (id, code, name, hall_id, collector_id)", 5, 1));
    m_batch = prepareAccounts(kBatchAccounts, calendar);
    m_single = prepareAccounts(1, calendar);
}

DemoWriter::AccountStatements DemoWriter::prepareAccounts(int accounts, const DemoCalendar& calendar)
{
    AccountStatements statements;
    statements.accounts = accounts;
    statements.account = prepare(
        insert("INSERT INTO accounts (id, account_no, name, customer_class, address, hall_id, area_id, meter_no, "
               "status, risk_level, collector_id, prepaid_fen, id_card_no, opened_on, updated_at)",
               kAccountFields, accounts));
    statements.contact = prepare(insert("INSERT INTO contacts (account_id, phone, mobile, wechat, email, updated_at)",
                                        kContactFields, accounts));
    statements.bills = prepare(billsInsert(accounts));
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
        m_db->exec("DROP INDEX " + name);
    }
    for (const char* name : kSearchTriggers) {
        const QList<QByteArray> trigger
            = column("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", name);
        if (trigger.isEmpty()) {
            throw StoreError(tr("The store has no trigger %1; this demo generator does not match its schema.")
                                 .arg(QLatin1String(name)));
        }
        m_setAside.append(trigger.front());
        m_db->exec("DROP TRIGGER " + QByteArray(name));
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
    copyText(*m_terminal, 2, code);
    copyText(*m_terminal, 3, code);
    m_terminal->run();
}

void DemoWriter::writeOperator(const DemoOperatorRow& row, const QByteArray& passwordHash, const QByteArray& createdAt)
{
    m_operator->integer(1, row.id);
    copyText(*m_operator, 2, row.code);
    copyText(*m_operator, 3, row.name);
    m_operator->integer(4, row.hallId);
    m_operator->text(5, view(passwordHash));
    m_operator->text(6, view(createdAt));
    m_operator->text(7, view(createdAt));
    m_operator->run();
    for (const Role role : row.roles) {
        m_role->integer(1, row.id);
        copyText(*m_role, 2, roleCode(role));
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
    SqliteStatement& account = *statements.account;
    SqliteStatement& contact = *statements.contact;
    SqliteStatement& bills = *statements.bills;
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
        copyText(account, a + 13, maskIdCardForCache(QString::fromLatin1(row.idCardNo)));
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
    SqliteStatement many(*m_db, insert("INSERT INTO name_grams (gram, account_id)", 2, kGramRows));
    SqliteStatement one(*m_db, insert("INSERT INTO name_grams (gram, account_id)", 2, 1));
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
    m_db->exec(QByteArray("INSERT INTO account_search (account_search, rank) VALUES ('hashsize', ") + kSearchHashSize
               + ')');
    m_db->exec("INSERT INTO account_search (account_search) VALUES ('rebuild')");
    m_db->exec(QByteArray("INSERT INTO account_search (account_search, rank) VALUES ('hashsize', ")
               + kDefaultSearchHashSize + ')');
}

void DemoWriter::finish(const DemoNameGrams& grams)
{
    writeNameGrams(grams);
    // Every prepaid balance enters the ledger as its opening line, as the counter migration does for balances that
    // existed before it, so that `halldeskctl check` finds accounts and ledger in agreement. One pass in SQL.
    m_db->exec("INSERT INTO prepaid_ledger (account_id, delta_fen, balance_after, created_at, note) "
               "SELECT id, prepaid_fen, prepaid_fen, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'opening' "
               "FROM accounts WHERE prepaid_fen <> 0 ORDER BY id");
    buildSearch();
    for (const QByteArray& sql : std::as_const(m_setAside)) {
        m_db->exec(sql);
    }
    m_setAside.clear();
    m_db->exec("COMMIT");
    m_db->exec("PRAGMA ignore_check_constraints = OFF");
    m_db->exec("PRAGMA analysis_limit = 1000");
    m_db->exec("ANALYZE");
    // Back to how every store is opened: WAL, and FULL syncing for anything that moves money.
    m_db->exec("PRAGMA journal_mode = WAL");
    if (column("PRAGMA journal_mode").value(0).compare("wal", Qt::CaseInsensitive) != 0) {
        throw StoreError(tr("The demo store cannot be switched to WAL mode."));
    }
    m_db->exec("PRAGMA synchronous = FULL");
    m_db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

} // namespace HallDesk
