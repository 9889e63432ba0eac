#include "app/sync/PullApplier.h"

#include "app/accounts/Account.h"
#include "db/Sql.h"
#include "db/SqliteStatement.h"
#include "db/StoreError.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <algorithm>
#include <charconv>
#include <sqlite3.h>

namespace HallDesk {

namespace {

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), qsizetype(text.size()));
}

// The two header rows of a page and the first data row (db/central/0003_pull_rows.sql).
constexpr int kHeaderRows = 2;
constexpr int kKindColumn = 0;
constexpr int kVersionColumn = 1;
constexpr int kFirstValueColumn = 2;

constexpr int kBillsPerStatement = 16;

qint64 parseInteger(std::string_view text, bool* ok)
{
    qint64 value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    *ok = error == std::errc() && end == text.data() + text.size() && !text.empty();
    return value;
}

} // namespace

PulledPage::PulledPage(CentralRows rows, const PullTable& table)
    : m_rows(std::move(rows))
{
    const auto malformed = [&table] {
        return StoreError(
            PullApplier::tr("The centre sent a page of %1 that this HallDesk cannot read.").arg(table.name));
    };
    if (m_rows.columns() < kFirstValueColumn || m_rows.rows() < kHeaderRows) {
        throw malformed();
    }
    const std::string_view kind = m_rows.text(0, kKindColumn);
    if ((kind != "more" && kind != "last") || m_rows.text(1, kKindColumn) != "fence") {
        throw malformed();
    }
    bool watermarkOk = false;
    bool fenceOk = false;
    m_more = kind == "more";
    m_watermark = parseInteger(m_rows.text(0, kVersionColumn), &watermarkOk);
    m_fence = parseInteger(m_rows.text(1, kVersionColumn), &fenceOk);
    if (!watermarkOk || !fenceOk) {
        throw malformed();
    }
    for (const QByteArray& field : table.fields) {
        int found = -1;
        for (int column = kFirstValueColumn; column < m_rows.columns(); ++column) {
            if (!m_rows.isNull(0, column) && m_rows.text(0, column) == std::string_view(field.constData())) {
                found = column;
                break;
            }
        }
        m_columns.push_back(found);
    }
    std::vector<qint64> versions(std::size_t(m_rows.rows()), 0);
    for (int row = kHeaderRows; row < m_rows.rows(); ++row) {
        bool ok = false;
        versions[std::size_t(row)] = parseInteger(m_rows.text(row, kVersionColumn), &ok);
        const std::string_view rowKind = m_rows.text(row, kKindColumn);
        if (!ok || (rowKind != "row" && rowKind != "delete")) {
            throw malformed();
        }
        m_order.push_back(row);
    }
    // a row deleted and made again must end as the centre has it: apply in row_version order
    std::stable_sort(m_order.begin(), m_order.end(),
                     [&versions](int a, int b) { return versions[std::size_t(a)] < versions[std::size_t(b)]; });
    m_deletion.reserve(m_order.size());
    for (int row : m_order) {
        m_deletion.push_back(m_rows.text(row, kKindColumn) == "delete");
    }
}

bool PulledPage::isDeletion(int i) const
{
    return m_deletion[std::size_t(i)];
}

int PulledPage::column(int i, int field, int* row) const
{
    *row = m_order[std::size_t(i)];
    return m_columns[std::size_t(field)];
}

bool PulledPage::isNull(int i, int field) const
{
    int row = 0;
    const int col = column(i, field, &row);
    return col < 0 || m_rows.isNull(row, col);
}

std::string_view PulledPage::text(int i, int field) const
{
    int row = 0;
    const int col = column(i, field, &row);
    return col < 0 ? std::string_view() : m_rows.text(row, col);
}

qint64 PulledPage::integer(int i, int field) const
{
    if (isNull(i, field)) {
        return 0;
    }
    bool ok = false;
    const qint64 value = parseInteger(text(i, field), &ok);
    if (!ok) {
        throw StoreError(
            PullApplier::tr("The centre sent \"%1\" where a whole number belongs.").arg(qs(text(i, field))));
    }
    return value;
}

const QList<PullTable>& PullApplier::tables()
{
    static const QList<PullTable> list = {
        {QStringLiteral("halls"), {"code", "name", "province", "district", "address", "phone"}},
        {QStringLiteral("late_fee_policies"),
         {"id", "version", "name", "effective_from", "minimum_fee_fen", "grace_days", "allocation_order"}},
        {QStringLiteral("late_fee_rates"),
         {"policy_id", "policy_version", "customer_class", "year_bucket", "rate_ppm"}},
        {QStringLiteral("operators"), {"code", "name", "hall_code", "password_hash", "roles", "active"}},
        {QStringLiteral("terminals"), {"hall_code", "code", "name"}},
        {QStringLiteral("transformer_areas"), {"code", "name", "hall_code", "collector_code"}},
        {QStringLiteral("accounts"),
         {"account_no", "name", "customer_class", "address", "hall_code", "area_code", "meter_no", "status",
          "risk_level", "collector_code", "prepaid_fen", "id_card_no", "opened_on", "updated_at"}},
        {QStringLiteral("contacts"), {"account_no", "phone", "mobile", "wechat", "email", "updated_at"}},
        {QStringLiteral("payer_groups"), {"code", "name", "kind"}},
        {QStringLiteral("payer_group_members"), {"group_code", "account_no"}},
        {QStringLiteral("bills"),
         {"account_no", "period", "kwh", "amount_fen", "issue_date", "due_date", "paid_fen", "status", "paid_on",
          "fee_through", "fee_carried_fen", "fee_counted_exact"}},
    };
    return list;
}

PullApplier::PullApplier(const QSqlDatabase& db)
    : m_db(Sql::handle(db))
{
}

PullApplier::~PullApplier() = default;

SqliteStatement& PullApplier::statement(const char* sql)
{
    std::unique_ptr<SqliteStatement>& slot = m_statements[sql];
    if (!slot) {
        slot = std::make_unique<SqliteStatement>(m_db, QByteArray(sql));
    }
    return *slot;
}

qint64 PullApplier::cachedId(QHash<QByteArray, qint64>& cache, const char* sql, std::string_view key)
{
    if (key.empty()) {
        return 0;
    }
    const QByteArray code = bytes(key);
    const auto it = cache.constFind(code);
    if (it != cache.constEnd()) {
        return it.value();
    }
    SqliteStatement& query = statement(sql);
    query.text(1, key);
    const qint64 id = query.next() ? query.columnInteger(0) : 0;
    query.reset();
    if (id != 0) {
        cache.insert(code, id);
    }
    return id;
}

qint64 PullApplier::hallId(std::string_view code)
{
    return cachedId(m_halls, "SELECT id FROM halls WHERE code = ?", code);
}

qint64 PullApplier::requiredHall(std::string_view code)
{
    const qint64 id = hallId(code);
    if (id == 0) {
        throw StoreError(tr("The centre sent a row of hall %1, which this store does not know.").arg(qs(code)));
    }
    return id;
}

qint64 PullApplier::accountId(std::string_view accountNo)
{
    if (accountNo == std::string_view(m_lastAccountNo.constData(), std::size_t(m_lastAccountNo.size()))
        && m_lastAccountId != 0) {
        return m_lastAccountId;
    }
    SqliteStatement& query = statement("SELECT id FROM accounts WHERE account_no = ?");
    query.text(1, accountNo);
    const qint64 id = query.next() ? query.columnInteger(0) : 0;
    query.reset();
    m_lastAccountNo = bytes(accountNo);
    m_lastAccountId = id;
    return id;
}

qint64 PullApplier::requiredAccount(std::string_view accountNo)
{
    const qint64 id = accountId(accountNo);
    if (id == 0) {
        throw StoreError(tr("The centre sent a row of account %1, which this store does not have.").arg(qs(accountNo)));
    }
    return id;
}

void PullApplier::bindId(SqliteStatement& statement, int index, qint64 id)
{
    if (id == 0) {
        statement.null(index);
    } else {
        statement.integer(index, id);
    }
}

void PullApplier::bindOptional(SqliteStatement& statement, int index, const PulledPage& page, int row, int field)
{
    if (page.isNull(row, field)) {
        statement.null(index);
    } else {
        statement.text(index, page.text(row, field));
    }
}

void PullApplier::apply(const QString& table, const PulledPage& page, const QByteArray& now)
{
    static const QHash<QString, Applier> appliers = {
        {QStringLiteral("halls"), &PullApplier::hall},
        {QStringLiteral("late_fee_policies"), &PullApplier::policy},
        {QStringLiteral("late_fee_rates"), &PullApplier::rate},
        {QStringLiteral("operators"), &PullApplier::operatorRow},
        {QStringLiteral("terminals"), &PullApplier::terminal},
        {QStringLiteral("transformer_areas"), &PullApplier::area},
        {QStringLiteral("accounts"), &PullApplier::account},
        {QStringLiteral("contacts"), &PullApplier::contact},
        {QStringLiteral("payer_groups"), &PullApplier::group},
        {QStringLiteral("payer_group_members"), &PullApplier::member},
        {QStringLiteral("bills"), nullptr},
    };
    const auto found = appliers.constFind(table);
    if (found == appliers.constEnd()) {
        throw StoreError(tr("This HallDesk does not apply the table %1.").arg(table));
    }
    const Applier applier = found.value();
    // A pulled change of a bill this store took money for (paid elsewhere, voided elsewhere, the centre's own
    // allocation) is written down as a line of its own, so `check` reads the bill's paid amount as before + local
    // lines + elsewhere lines (docs/counter.md). The trigger is TEMP and lives only while this page is applied, on
    // this connection: a payment taken here never records itself as made elsewhere.
    const bool bills = table == QStringLiteral("bills");
    if (bills) {
        SqliteStatement(
            m_db,
            "CREATE TEMP TRIGGER bills_changed_elsewhere AFTER UPDATE OF paid_fen, fee_through, fee_carried_fen, "
            "fee_counted_exact ON main.bills WHEN (OLD.paid_fen <> NEW.paid_fen OR OLD.fee_carried_fen <> "
            "NEW.fee_carried_fen OR OLD.fee_counted_exact <> NEW.fee_counted_exact OR coalesce(OLD.fee_through, '') <> "
            "coalesce(NEW.fee_through, '')) AND EXISTS (SELECT 1 FROM main.payment_allocations a WHERE a.bill_id = "
            "NEW.id) BEGIN INSERT INTO bill_changes_elsewhere (bill_id, pulled_at, paid_before, paid_after, "
            "fee_through_before, fee_through_after, fee_carried_before, fee_carried_after, fee_counted_before, "
            "fee_counted_after, last_allocation_id, last_void_id) VALUES (NEW.id, strftime('%Y-%m-%dT%H:%M:%SZ', "
            "'now'), OLD.paid_fen, NEW.paid_fen, OLD.fee_through, NEW.fee_through, OLD.fee_carried_fen, "
            "NEW.fee_carried_fen, OLD.fee_counted_exact, NEW.fee_counted_exact, (SELECT max(id) FROM "
            "main.payment_allocations WHERE bill_id = NEW.id), (SELECT max(id) FROM main.voids)); END")
            .run();
    }
    const auto dropTrigger = qScopeGuard([this, bills] {
        if (bills) {
            sqlite3_exec(m_db, "DROP TRIGGER IF EXISTS temp.bills_changed_elsewhere", nullptr, nullptr, nullptr);
        }
    });
    for (int row = 0; row < page.size();) {
        if (page.isDeletion(row)) {
            remove(table, page, row);
            ++row;
        } else if (applier == nullptr) {
            // bills: the run of rows up to the next deletion, in statements of kBillsPerStatement
            int count = 0;
            while (row + count < page.size() && count < kBillsPerStatement && !page.isDeletion(row + count)) {
                ++count;
            }
            this->bills(page, row, count);
            row += count;
        } else {
            (this->*applier)(page, row, now);
            ++row;
        }
    }
}

void PullApplier::beginFirstFill(const QByteArray& now)
{
    const std::string_view since(now.constData(), std::size_t(now.size()));
    SqliteStatement(m_db, "BEGIN IMMEDIATE").run();
    try {
        SqliteStatement search(m_db, "INSERT OR IGNORE INTO fill_deferred (name, sql, since) VALUES ('search', '', ?)");
        search.text(1, since);
        search.run();
        // the indexes made by CREATE INDEX (not those of UNIQUE constraints, which the pull looks rows up by)
        SqliteStatement setAside(m_db,
                                 "INSERT OR IGNORE INTO fill_deferred (name, sql, since) SELECT name, sql, ? FROM "
                                 "sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN "
                                 "('accounts', 'contacts')");
        setAside.text(1, since);
        setAside.run();
        QList<QByteArray> drops;
        SqliteStatement names(m_db,
                              "SELECT name FROM fill_deferred WHERE name <> 'search' AND name IN (SELECT name "
                              "FROM sqlite_master WHERE type = 'index')");
        while (names.next()) {
            drops << QByteArray("DROP INDEX \"")
                    + QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(names.raw(), 0))) + '"';
        }
        for (const QByteArray& drop : std::as_const(drops)) {
            SqliteStatement(m_db, drop).run();
        }
        SqliteStatement(m_db, "COMMIT").run();
    } catch (...) {
        SqliteStatement(m_db, "ROLLBACK").run();
        throw;
    }
}

void PullApplier::finishFirstFill()
{
    QList<QByteArray> indexes;
    bool search = false;
    {
        SqliteStatement deferred(m_db, "SELECT name, sql FROM fill_deferred ORDER BY name");
        while (deferred.next()) {
            const QByteArray name(reinterpret_cast<const char*>(sqlite3_column_text(deferred.raw(), 0)));
            if (name == "search") {
                search = true;
            } else {
                indexes << QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(deferred.raw(), 1)));
            }
        }
    }
    if (!search && indexes.isEmpty()) {
        return;
    }
    QList<QByteArray> steps;
    if (search) {
        // What the search triggers do row by row, for every account at once: FTS5 reads its content table again
        // (with a larger buffer: fewer segments to merge), and the grams go in in key order, their second index
        // (set aside with the others) made afterwards by sorting.
        steps << "INSERT INTO account_search (account_search, rank) VALUES ('hashsize', 67108864)"
              << "INSERT INTO account_search (account_search) VALUES ('rebuild')"
              << "INSERT INTO account_search (account_search, rank) VALUES ('hashsize', 1048576)"
              << "DROP INDEX IF EXISTS name_grams_account"
              << "DELETE FROM name_grams"
              << "INSERT OR IGNORE INTO name_grams (gram, account_id) SELECT substr(a.name, s.start, s.len), a.id "
                 "FROM accounts a JOIN name_gram_slices s ON s.start + s.len - 1 <= length(a.name) ORDER BY 1, 2"
              << "CREATE INDEX name_grams_account ON name_grams (account_id)";
    }
    for (const QByteArray& sql : std::as_const(indexes)) {
        steps << sql;
    }
    steps << "DELETE FROM fill_deferred";
    // sorting a million keys in memory rather than in temporary files: a larger page cache for these steps only
    SqliteStatement cacheSize(m_db, "PRAGMA cache_size");
    const qint64 cache = cacheSize.next() ? cacheSize.columnInteger(0) : -2000;
    cacheSize.reset();
    SqliteStatement(m_db, "PRAGMA cache_size = -262144").run();
    const auto restoreCache = qScopeGuard(
        [this, cache] { SqliteStatement(m_db, "PRAGMA cache_size = " + QByteArray::number(cache)).run(); });
    SqliteStatement(m_db, "BEGIN IMMEDIATE").run();
    try {
        for (const QByteArray& sql : std::as_const(steps)) {
            SqliteStatement(m_db, sql).run();
        }
        SqliteStatement(m_db, "COMMIT").run();
    } catch (...) {
        SqliteStatement(m_db, "ROLLBACK").run();
        throw;
    }
}

void PullApplier::hall(const PulledPage& page, int row, const QByteArray&)
{
    enum
    {
        Code,
        Name,
        Province,
        District,
        Address,
        Phone
    };
    SqliteStatement& upsert = statement(
        "INSERT INTO halls (code, name, province, district, address, phone) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT "
        "(code) DO UPDATE SET name = excluded.name, province = excluded.province, district = excluded.district, "
        "address = excluded.address, phone = excluded.phone");
    for (int field = Code; field <= Phone; ++field) {
        upsert.text(field + 1, page.text(row, field));
    }
    upsert.run();
}

void PullApplier::policy(const PulledPage& page, int row, const QByteArray&)
{
    enum
    {
        Id,
        Version,
        Name,
        EffectiveFrom,
        MinimumFee,
        GraceDays,
        AllocationOrder
    };
    SqliteStatement& upsert = statement(
        "INSERT INTO late_fee_policies (id, version, name, effective_from, minimum_fee_fen, grace_days, "
        "allocation_order) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id, version) DO UPDATE SET name = excluded.name, "
        "effective_from = excluded.effective_from, minimum_fee_fen = excluded.minimum_fee_fen, grace_days = "
        "excluded.grace_days, allocation_order = excluded.allocation_order");
    upsert.text(1, page.text(row, Id));
    upsert.integer(2, page.integer(row, Version));
    upsert.text(3, page.text(row, Name));
    upsert.text(4, page.text(row, EffectiveFrom));
    upsert.integer(5, page.integer(row, MinimumFee));
    upsert.integer(6, page.integer(row, GraceDays));
    upsert.text(7, page.text(row, AllocationOrder));
    upsert.run();
}

void PullApplier::rate(const PulledPage& page, int row, const QByteArray&)
{
    enum
    {
        PolicyId,
        PolicyVersion,
        CustomerClass,
        YearBucket,
        RatePpm
    };
    SqliteStatement& upsert = statement(
        "INSERT INTO late_fee_rates (policy_id, policy_version, customer_class, year_bucket, rate_ppm) VALUES (?, ?, "
        "?, ?, ?) ON CONFLICT (policy_id, policy_version, customer_class, year_bucket) DO UPDATE SET rate_ppm = "
        "excluded.rate_ppm");
    upsert.text(1, page.text(row, PolicyId));
    upsert.integer(2, page.integer(row, PolicyVersion));
    upsert.text(3, page.text(row, CustomerClass));
    upsert.text(4, page.text(row, YearBucket));
    upsert.integer(5, page.integer(row, RatePpm));
    upsert.run();
}

// An operator of this hall or of every hall: the centre is the master of names, password hashes, roles and
// whether the operator may sign in. The local sign-in counters (failed attempts, lock-out) stay as they are.
void PullApplier::operatorRow(const PulledPage& page, int row, const QByteArray& now)
{
    enum
    {
        Code,
        Name,
        HallCode,
        PasswordHash,
        Roles,
        Active
    };
    SqliteStatement& upsert = statement(
        "INSERT INTO operators (code, name, hall_id, password_hash, active, created_at, updated_at) VALUES (?, ?, ?, "
        "?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, hall_id = excluded.hall_id, "
        "password_hash = excluded.password_hash, active = excluded.active, updated_at = excluded.updated_at");
    const std::string_view code = page.text(row, Code);
    upsert.text(1, code);
    upsert.text(2, page.text(row, Name));
    bindId(upsert, 3, page.isNull(row, HallCode) ? 0 : requiredHall(page.text(row, HallCode)));
    upsert.text(4, page.text(row, PasswordHash));
    upsert.integer(5, page.text(row, Active) == "t" ? 1 : 0);
    upsert.text(6, std::string_view(now.constData(), std::size_t(now.size())));
    upsert.text(7, std::string_view(now.constData(), std::size_t(now.size())));
    upsert.run();
    m_operators.remove(bytes(code));
    const qint64 id = cachedId(m_operators, "SELECT id FROM operators WHERE code = ?", code);
    SqliteStatement& clear = statement("DELETE FROM operator_roles WHERE operator_id = ?");
    clear.integer(1, id);
    clear.run();
    // a PostgreSQL array of plain words: {clerk,supervisor}
    QByteArray roles = bytes(page.text(row, Roles));
    if (roles.startsWith('{') && roles.endsWith('}')) {
        roles = roles.mid(1, roles.size() - 2);
    }
    SqliteStatement& grant = statement(
        "INSERT OR IGNORE INTO operator_roles (operator_id, role) SELECT ?, code FROM roles WHERE code = ?");
    for (const QByteArray& role : roles.split(',')) {
        if (!role.isEmpty()) {
            grant.integer(1, id);
            grant.text(2, std::string_view(role.constData(), std::size_t(role.size())));
            grant.run();
        }
    }
}

void PullApplier::terminal(const PulledPage& page, int row, const QByteArray&)
{
    enum
    {
        HallCode,
        Code,
        Name
    };
    SqliteStatement& upsert = statement("INSERT INTO terminals (hall_id, code, name) VALUES (?, ?, ?) ON CONFLICT "
                                        "(hall_id, code) DO UPDATE SET name = excluded.name");
    upsert.integer(1, requiredHall(page.text(row, HallCode)));
    upsert.text(2, page.text(row, Code));
    upsert.text(3, page.text(row, Name));
    upsert.run();
}

void PullApplier::area(const PulledPage& page, int row, const QByteArray&)
{
    enum
    {
        Code,
        Name,
        HallCode,
        CollectorCode
    };
    SqliteStatement& upsert = statement(
        "INSERT INTO transformer_areas (code, name, hall_id, collector_id) VALUES (?, ?, ?, ?) ON CONFLICT (code) DO "
        "UPDATE SET name = excluded.name, hall_id = excluded.hall_id, collector_id = excluded.collector_id");
    upsert.text(1, page.text(row, Code));
    upsert.text(2, page.text(row, Name));
    upsert.integer(3, requiredHall(page.text(row, HallCode)));
    bindId(upsert, 4, cachedId(m_operators, "SELECT id FROM operators WHERE code = ?", page.text(row, CollectorCode)));
    upsert.run();
}

// An account, upserted by account_no. A change of its prepaid balance gets a 'sync' ledger line for the
// difference, so the balance still equals the sum of its ledger (halldeskctl check).
void PullApplier::account(const PulledPage& page, int row, const QByteArray& now)
{
    enum
    {
        AccountNo,
        Name,
        CustomerClass,
        Address,
        HallCode,
        AreaCode,
        MeterNo,
        Status,
        RiskLevel,
        CollectorCode,
        Prepaid,
        IdCardNo,
        OpenedOn,
        UpdatedAt
    };
    const std::string_view accountNo = page.text(row, AccountNo);
    const qint64 prepaid = page.integer(row, Prepaid);
    SqliteStatement& existing = statement("SELECT id, prepaid_fen FROM accounts WHERE account_no = ?");
    existing.text(1, accountNo);
    const bool exists = existing.next();
    const qint64 id = exists ? existing.columnInteger(0) : 0;
    const qint64 before = exists ? existing.columnInteger(1) : 0;
    existing.reset();

    SqliteStatement& write = exists
        ? statement("UPDATE accounts SET name = ?1, customer_class = ?2, address = ?3, hall_id = ?4, area_id = ?5, "
                    "meter_no = ?6, status = ?7, risk_level = ?8, collector_id = ?9, prepaid_fen = ?10, id_card_no = "
                    "?11, opened_on = ?12, updated_at = ?13 WHERE id = ?14")
        : statement("INSERT INTO accounts (name, customer_class, address, hall_id, area_id, meter_no, status, "
                    "risk_level, collector_id, prepaid_fen, id_card_no, opened_on, updated_at, account_no) VALUES (?1, "
                    "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    write.text(1, page.text(row, Name));
    write.text(2, page.text(row, CustomerClass));
    write.text(3, page.text(row, Address));
    write.integer(4, requiredHall(page.text(row, HallCode)));
    bindId(write, 5, cachedId(m_areas, "SELECT id FROM transformer_areas WHERE code = ?", page.text(row, AreaCode)));
    write.text(6, page.text(row, MeterNo));
    write.text(7, page.text(row, Status));
    write.text(8, page.text(row, RiskLevel));
    bindId(write, 9, cachedId(m_operators, "SELECT id FROM operators WHERE code = ?", page.text(row, CollectorCode)));
    write.integer(10, prepaid);
    // A centre before version 6 sends ID numbers whole: the cache keeps them masked whatever it is sent.
    const std::string_view idCard = page.text(row, IdCardNo);
    QByteArray maskedIdCard;
    if (!idCard.empty() && idCard.find('*') == std::string_view::npos) {
        maskedIdCard = maskIdCardForCache(QString::fromUtf8(idCard.data(), qsizetype(idCard.size()))).toUtf8();
        write.text(11, std::string_view(maskedIdCard.constData(), std::size_t(maskedIdCard.size())));
    } else {
        write.text(11, idCard);
    }
    bindOptional(write, 12, page, row, OpenedOn);
    write.text(13,
               page.isNull(row, UpdatedAt) ? std::string_view(now.constData(), std::size_t(now.size()))
                                           : page.text(row, UpdatedAt));
    if (exists) {
        write.integer(14, id);
    } else {
        write.text(14, accountNo);
    }
    write.run();
    const qint64 accountId = exists ? id : sqlite3_last_insert_rowid(m_db);
    m_lastAccountNo = bytes(accountNo);
    m_lastAccountId = accountId;
    if (prepaid != before) {
        SqliteStatement& ledger
            = statement("INSERT INTO prepaid_ledger (account_id, delta_fen, balance_after, created_at, note) VALUES "
                        "(?, ?, ?, ?, 'sync')");
        ledger.integer(1, accountId);
        ledger.integer(2, prepaid - before);
        ledger.integer(3, prepaid);
        ledger.text(4, std::string_view(now.constData(), std::size_t(now.size())));
        ledger.run();
    }
}

void PullApplier::contact(const PulledPage& page, int row, const QByteArray& now)
{
    enum
    {
        AccountNo,
        Phone,
        Mobile,
        Wechat,
        Email,
        UpdatedAt
    };
    SqliteStatement& upsert = statement(
        "INSERT INTO contacts (account_id, phone, mobile, wechat, email, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON "
        "CONFLICT (account_id) DO UPDATE SET phone = excluded.phone, mobile = excluded.mobile, wechat = "
        "excluded.wechat, email = excluded.email, updated_at = excluded.updated_at");
    upsert.integer(1, requiredAccount(page.text(row, AccountNo)));
    for (int field = Phone; field <= Email; ++field) {
        upsert.text(field + 1, page.text(row, field));
    }
    upsert.text(6,
                page.isNull(row, UpdatedAt) ? std::string_view(now.constData(), std::size_t(now.size()))
                                            : page.text(row, UpdatedAt));
    upsert.run();
}

void PullApplier::group(const PulledPage& page, int row, const QByteArray&)
{
    enum
    {
        Code,
        Name,
        Kind
    };
    SqliteStatement& upsert = statement("INSERT INTO payer_groups (code, name, kind) VALUES (?, ?, ?) ON CONFLICT "
                                        "(code) DO UPDATE SET name = excluded.name, kind = excluded.kind");
    upsert.text(1, page.text(row, Code));
    upsert.text(2, page.text(row, Name));
    upsert.text(3, page.text(row, Kind));
    upsert.run();
}

void PullApplier::member(const PulledPage& page, int row, const QByteArray&)
{
    enum
    {
        GroupCode,
        AccountNo
    };
    const std::string_view code = page.text(row, GroupCode);
    const qint64 groupId = cachedId(m_groups, "SELECT id FROM payer_groups WHERE code = ?", code);
    if (groupId == 0) {
        throw StoreError(
            tr("The centre sent a member of payer group %1, which this store does not have.").arg(qs(code)));
    }
    const qint64 accountId = requiredAccount(page.text(row, AccountNo));
    // an account belongs to one group at a time
    SqliteStatement& leave = statement("DELETE FROM payer_group_members WHERE account_id = ? AND group_id <> ?");
    leave.integer(1, accountId);
    leave.integer(2, groupId);
    leave.run();
    SqliteStatement& join = statement("INSERT OR IGNORE INTO payer_group_members (group_id, account_id) VALUES (?, ?)");
    join.integer(1, groupId);
    join.integer(2, accountId);
    join.run();
}

// Bills come by the hundred thousand in a first fill: they are written up to kBillsPerStatement rows per
// statement, which costs half as much per row as one statement each (measured).
void PullApplier::bills(const PulledPage& page, int first, int count)
{
    enum
    {
        AccountNo,
        Period,
        Kwh,
        Amount,
        IssueDate,
        DueDate,
        Paid,
        Status,
        PaidOn,
        FeeThrough,
        FeeCarried,
        FeeCounted
    };
    constexpr int kFields = 12;
    std::unique_ptr<SqliteStatement>& slot = m_billStatements[count];
    if (!slot) {
        QByteArray sql(
            "INSERT INTO bills (account_id, period, kwh, amount_fen, issue_date, due_date, paid_fen, status, "
            "paid_on, fee_through, fee_carried_fen, fee_counted_exact) VALUES ");
        for (int i = 0; i < count; ++i) {
            sql += i == 0 ? "(?,?,?,?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?,?,?,?)";
        }
        sql += " ON CONFLICT (account_id, period) DO UPDATE SET kwh = excluded.kwh, amount_fen = excluded.amount_fen, "
               "issue_date = excluded.issue_date, due_date = excluded.due_date, paid_fen = excluded.paid_fen, status = "
               "excluded.status, paid_on = excluded.paid_on, fee_through = excluded.fee_through, fee_carried_fen = "
               "excluded.fee_carried_fen, fee_counted_exact = excluded.fee_counted_exact";
        slot = std::make_unique<SqliteStatement>(m_db, sql);
    }
    SqliteStatement& upsert = *slot;
    for (int i = 0; i < count; ++i) {
        const int row = first + i;
        const int base = i * kFields;
        upsert.integer(base + 1, requiredAccount(page.text(row, AccountNo)));
        upsert.text(base + 2, page.text(row, Period));
        upsert.integer(base + 3, page.integer(row, Kwh));
        upsert.integer(base + 4, page.integer(row, Amount));
        upsert.text(base + 5, page.text(row, IssueDate));
        upsert.text(base + 6, page.text(row, DueDate));
        upsert.integer(base + 7, page.integer(row, Paid));
        upsert.text(base + 8, page.text(row, Status));
        bindOptional(upsert, base + 9, page, row, PaidOn);
        bindOptional(upsert, base + 10, page, row, FeeThrough);
        upsert.integer(base + 11, page.integer(row, FeeCarried));
        upsert.integer(base + 12, page.integer(row, FeeCounted));
    }
    upsert.run();
}

void PullApplier::deleteIfUnreferenced(const char* sql, const std::function<void(SqliteStatement&)>& bind)
{
    SqliteStatement& remove = statement(sql);
    bind(remove);
    try {
        remove.run();
    } catch (const StoreError&) {
        // a foreign key holds the row: it stays, and its history with it
    }
}

void PullApplier::remove(const QString& table, const PulledPage& page, int row)
{
    // the key fields are the first fields of every table's list
    const std::string_view first = page.text(row, 0);
    const auto byFirst = [first](SqliteStatement& statement) { statement.text(1, first); };
    // ids cached for this round may name the row that goes
    m_halls.clear();
    m_areas.clear();
    m_groups.clear();
    m_operators.clear();
    m_lastAccountId = 0;
    if (table == QStringLiteral("halls")) {
        deleteIfUnreferenced("DELETE FROM halls WHERE code = ?", byFirst);
    } else if (table == QStringLiteral("late_fee_policies")) {
        const qint64 version = page.integer(row, 1);
        deleteIfUnreferenced("DELETE FROM late_fee_policies WHERE id = ? AND version = ?",
                             [first, version](SqliteStatement& statement) {
                                 statement.text(1, first);
                                 statement.integer(2, version);
                             });
    } else if (table == QStringLiteral("late_fee_rates")) {
        const qint64 version = page.integer(row, 1);
        const std::string_view customerClass = page.text(row, 2);
        const std::string_view bucket = page.text(row, 3);
        deleteIfUnreferenced("DELETE FROM late_fee_rates WHERE policy_id = ? AND policy_version = ? AND "
                             "customer_class = ? AND year_bucket = ?",
                             [&](SqliteStatement& statement) {
                                 statement.text(1, first);
                                 statement.integer(2, version);
                                 statement.text(3, customerClass);
                                 statement.text(4, bucket);
                             });
    } else if (table == QStringLiteral("operators")) {
        // the audit log and the payments name operators: one that left can no longer sign in, and that is all
        SqliteStatement& disable = statement("UPDATE operators SET active = 0 WHERE code = ?");
        disable.text(1, first);
        disable.run();
    } else if (table == QStringLiteral("terminals")) {
        // the key names the code within this store's hall; a terminal that took payments stays
        deleteIfUnreferenced("DELETE FROM terminals WHERE code = ?", byFirst);
    } else if (table == QStringLiteral("transformer_areas")) {
        deleteIfUnreferenced("DELETE FROM transformer_areas WHERE code = ?", byFirst);
    } else if (table == QStringLiteral("accounts")) {
        const qint64 id = accountId(first);
        if (id == 0) {
            return;
        }
        const auto byId = [id](SqliteStatement& statement) { statement.integer(1, id); };
        // its bills that no local payment touched go with it (their own tombstones follow in `bills`)
        SqliteStatement& bills = statement("DELETE FROM bills WHERE account_id = ? AND id NOT IN (SELECT bill_id FROM "
                                           "payment_allocations WHERE bill_id IS NOT NULL)");
        byId(bills);
        bills.run();
        deleteIfUnreferenced("DELETE FROM accounts WHERE id = ?", byId);
        m_lastAccountId = 0;
    } else if (table == QStringLiteral("contacts")) {
        const qint64 id = accountId(first);
        if (id != 0) {
            SqliteStatement& contact = statement("DELETE FROM contacts WHERE account_id = ?");
            contact.integer(1, id);
            contact.run();
        }
    } else if (table == QStringLiteral("payer_groups")) {
        deleteIfUnreferenced("DELETE FROM payer_groups WHERE code = ?", byFirst);
    } else if (table == QStringLiteral("payer_group_members")) {
        const qint64 group = cachedId(m_groups, "SELECT id FROM payer_groups WHERE code = ?", first);
        const qint64 account = accountId(page.text(row, 1));
        if (group != 0 && account != 0) {
            SqliteStatement& leave = statement("DELETE FROM payer_group_members WHERE group_id = ? AND account_id = ?");
            leave.integer(1, group);
            leave.integer(2, account);
            leave.run();
        }
    } else if (table == QStringLiteral("bills")) {
        const qint64 account = accountId(first);
        if (account != 0) {
            const std::string_view period = page.text(row, 1);
            deleteIfUnreferenced("DELETE FROM bills WHERE account_id = ? AND period = ? AND id NOT IN (SELECT bill_id "
                                 "FROM payment_allocations WHERE bill_id IS NOT NULL)",
                                 [account, period](SqliteStatement& statement) {
                                     statement.integer(1, account);
                                     statement.text(2, period);
                                 });
        }
    }
}

} // namespace HallDesk
