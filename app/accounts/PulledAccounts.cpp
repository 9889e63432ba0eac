#include "app/accounts/PulledAccounts.h"

#include "app/accounts/Account.h"
#include "app/sync/PullApplier.h"
#include "app/sync/PullContext.h"
#include "app/sync/PulledPage.h"
#include "db/StoreError.h"

namespace HallDesk::PulledAccounts {

namespace {

void deleteByCode(PullContext& context, const char* sql, const PulledPage& page, int row)
{
    const std::string_view code = page.text(row, 0);
    context.deleteIfUnreferenced(sql, [code](SqliteStatement& statement) { statement.text(1, code); });
}

} // namespace

void applyArea(PullContext& context, const PulledPage& page, int row)
{
    enum
    {
        Code,
        Name,
        HallCode,
        CollectorCode
    };
    SqliteStatement& upsert = context.statement(
        "INSERT INTO transformer_areas (code, name, hall_id, collector_id) VALUES (?, ?, ?, ?) ON CONFLICT (code) DO "
        "UPDATE SET name = excluded.name, hall_id = excluded.hall_id, collector_id = excluded.collector_id");
    upsert.text(1, page.text(row, Code));
    upsert.text(2, page.text(row, Name));
    upsert.integer(3, context.requiredHall(page.text(row, HallCode)));
    PullContext::bindId(upsert, 4, context.operatorId(page.text(row, CollectorCode)));
    upsert.run();
}

void removeArea(PullContext& context, const PulledPage& page, int row)
{
    deleteByCode(context, "DELETE FROM transformer_areas WHERE code = ?", page, row);
}

// An account, upserted by account_no. A change of its prepaid balance gets a 'sync' ledger line for the
// difference, so the balance still equals the sum of its ledger (halldeskctl check).
void applyAccount(PullContext& context, const PulledPage& page, int row)
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
    SqliteStatement& existing = context.statement("SELECT id, prepaid_fen FROM accounts WHERE account_no = ?");
    existing.text(1, accountNo);
    const bool exists = existing.next();
    const qint64 id = exists ? existing.columnInteger(0) : 0;
    const qint64 before = exists ? existing.columnInteger(1) : 0;
    existing.reset();

    SqliteStatement& write = exists
        ? context.statement("UPDATE accounts SET name = ?1, customer_class = ?2, address = ?3, hall_id = ?4, area_id = "
                            "?5, meter_no = ?6, status = ?7, risk_level = ?8, collector_id = ?9, prepaid_fen = ?10, "
                            "id_card_no = ?11, opened_on = ?12, updated_at = ?13 WHERE id = ?14")
        : context.statement("INSERT INTO accounts (name, customer_class, address, hall_id, area_id, meter_no, status, "
                            "risk_level, collector_id, prepaid_fen, id_card_no, opened_on, updated_at, account_no) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    write.text(1, page.text(row, Name));
    write.text(2, page.text(row, CustomerClass));
    write.text(3, page.text(row, Address));
    write.integer(4, context.requiredHall(page.text(row, HallCode)));
    PullContext::bindId(write, 5, context.areaId(page.text(row, AreaCode)));
    write.text(6, page.text(row, MeterNo));
    write.text(7, page.text(row, Status));
    write.text(8, page.text(row, RiskLevel));
    PullContext::bindId(write, 9, context.operatorId(page.text(row, CollectorCode)));
    write.integer(10, prepaid);
    // A centre before version 6 sends ID numbers whole: the cache keeps them masked whatever it is sent.
    const std::string_view idCard = page.text(row, IdCardNo);
    QByteArray maskedIdCard;
    if (!idCard.empty() && idCard.find('*') == std::string_view::npos) {
        maskedIdCard = maskIdCardForCache(pulledText(idCard)).toUtf8();
        write.text(11, std::string_view(maskedIdCard.constData(), std::size_t(maskedIdCard.size())));
    } else {
        write.text(11, idCard);
    }
    PullContext::bindOptional(write, 12, page, row, OpenedOn);
    write.text(13, page.isNull(row, UpdatedAt) ? context.now() : page.text(row, UpdatedAt));
    if (exists) {
        write.integer(14, id);
    } else {
        write.text(14, accountNo);
    }
    write.run();
    const qint64 accountId = exists ? id : context.database().lastInsertId();
    context.rememberAccount(accountNo, accountId);
    if (prepaid != before) {
        SqliteStatement& ledger
            = context.statement("INSERT INTO prepaid_ledger (account_id, delta_fen, balance_after, created_at, note) "
                                "VALUES (?, ?, ?, ?, 'sync')");
        ledger.integer(1, accountId);
        ledger.integer(2, prepaid - before);
        ledger.integer(3, prepaid);
        ledger.text(4, context.now());
        ledger.run();
    }
}

void removeAccount(PullContext& context, const PulledPage& page, int row)
{
    const qint64 id = context.accountId(page.text(row, 0));
    if (id == 0) {
        return;
    }
    const auto byId = [id](SqliteStatement& statement) { statement.integer(1, id); };
    // its bills that no local payment touched go with it (their own tombstones follow in `bills`)
    SqliteStatement& bills = context.statement("DELETE FROM bills WHERE account_id = ? AND id NOT IN (SELECT bill_id "
                                               "FROM payment_allocations WHERE bill_id IS NOT NULL)");
    byId(bills);
    bills.run();
    context.deleteIfUnreferenced("DELETE FROM accounts WHERE id = ?", byId);
    context.forgetIds();
}

void applyContact(PullContext& context, const PulledPage& page, int row)
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
    SqliteStatement& upsert = context.statement(
        "INSERT INTO contacts (account_id, phone, mobile, wechat, email, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON "
        "CONFLICT (account_id) DO UPDATE SET phone = excluded.phone, mobile = excluded.mobile, wechat = "
        "excluded.wechat, email = excluded.email, updated_at = excluded.updated_at");
    upsert.integer(1, context.requiredAccount(page.text(row, AccountNo)));
    for (int field = Phone; field <= Email; ++field) {
        upsert.text(field + 1, page.text(row, field));
    }
    upsert.text(6, page.isNull(row, UpdatedAt) ? context.now() : page.text(row, UpdatedAt));
    upsert.run();
}

void removeContact(PullContext& context, const PulledPage& page, int row)
{
    const qint64 id = context.accountId(page.text(row, 0));
    if (id != 0) {
        SqliteStatement& contact = context.statement("DELETE FROM contacts WHERE account_id = ?");
        contact.integer(1, id);
        contact.run();
    }
}

void applyGroup(PullContext& context, const PulledPage& page, int row)
{
    enum
    {
        Code,
        Name,
        Kind
    };
    SqliteStatement& upsert = context.statement("INSERT INTO payer_groups (code, name, kind) VALUES (?, ?, ?) ON "
                                                "CONFLICT (code) DO UPDATE SET name = excluded.name, kind = "
                                                "excluded.kind");
    upsert.text(1, page.text(row, Code));
    upsert.text(2, page.text(row, Name));
    upsert.text(3, page.text(row, Kind));
    upsert.run();
}

void removeGroup(PullContext& context, const PulledPage& page, int row)
{
    deleteByCode(context, "DELETE FROM payer_groups WHERE code = ?", page, row);
}

void applyMember(PullContext& context, const PulledPage& page, int row)
{
    enum
    {
        GroupCode,
        AccountNo
    };
    const std::string_view code = page.text(row, GroupCode);
    const qint64 groupId = context.groupId(code);
    if (groupId == 0) {
        throw StoreError(PullApplier::tr("The centre sent a member of payer group %1, which this store does not have.")
                             .arg(pulledText(code)));
    }
    const qint64 accountId = context.requiredAccount(page.text(row, AccountNo));
    // an account belongs to one group at a time
    SqliteStatement& leave
        = context.statement("DELETE FROM payer_group_members WHERE account_id = ? AND group_id <> ?");
    leave.integer(1, accountId);
    leave.integer(2, groupId);
    leave.run();
    SqliteStatement& join
        = context.statement("INSERT OR IGNORE INTO payer_group_members (group_id, account_id) VALUES (?, ?)");
    join.integer(1, groupId);
    join.integer(2, accountId);
    join.run();
}

void removeMember(PullContext& context, const PulledPage& page, int row)
{
    const qint64 group = context.groupId(page.text(row, 0));
    const qint64 account = context.accountId(page.text(row, 1));
    if (group != 0 && account != 0) {
        SqliteStatement& leave
            = context.statement("DELETE FROM payer_group_members WHERE group_id = ? AND account_id = ?");
        leave.integer(1, group);
        leave.integer(2, account);
        leave.run();
    }
}

} // namespace HallDesk::PulledAccounts
