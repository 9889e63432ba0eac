#include "app/billing/PulledBills.h"

#include "app/sync/PullContext.h"
#include "app/sync/PulledPage.h"

#include <QByteArray>
#include <array>

namespace HallDesk::PulledBills {

namespace {

constexpr int kFields = 12;

// The upsert of `count` bills, for 1 to kRowsPerStatement; the texts live as long as the program, so that
// PullContext finds each statement again by its address.
const char* upsertSql(int count)
{
    static const std::array<QByteArray, kRowsPerStatement + 1> statements = [] {
        std::array<QByteArray, kRowsPerStatement + 1> all;
        for (int rows = 1; rows <= kRowsPerStatement; ++rows) {
            QByteArray sql(
                "INSERT INTO bills (account_id, period, kwh, amount_fen, issue_date, due_date, paid_fen, status, "
                "paid_on, fee_through, fee_carried_fen, fee_counted_exact) VALUES ");
            for (int i = 0; i < rows; ++i) {
                sql += i == 0 ? "(?,?,?,?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?,?,?,?)";
            }
            sql += " ON CONFLICT (account_id, period) DO UPDATE SET kwh = excluded.kwh, amount_fen = "
                   "excluded.amount_fen, issue_date = excluded.issue_date, due_date = excluded.due_date, paid_fen = "
                   "excluded.paid_fen, status = excluded.status, paid_on = excluded.paid_on, fee_through = "
                   "excluded.fee_through, fee_carried_fen = excluded.fee_carried_fen, fee_counted_exact = "
                   "excluded.fee_counted_exact";
            all[std::size_t(rows)] = sql;
        }
        return all;
    }();
    return statements[std::size_t(count)].constData();
}

} // namespace

void applyRun(PullContext& context, const PulledPage& page, int first, int count)
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
    SqliteStatement& upsert = context.statement(upsertSql(count));
    for (int i = 0; i < count; ++i) {
        const int row = first + i;
        const int base = i * kFields;
        upsert.integer(base + 1, context.requiredAccount(page.text(row, AccountNo)));
        upsert.text(base + 2, page.text(row, Period));
        upsert.integer(base + 3, page.integer(row, Kwh));
        upsert.integer(base + 4, page.integer(row, Amount));
        upsert.text(base + 5, page.text(row, IssueDate));
        upsert.text(base + 6, page.text(row, DueDate));
        upsert.integer(base + 7, page.integer(row, Paid));
        upsert.text(base + 8, page.text(row, Status));
        PullContext::bindOptional(upsert, base + 9, page, row, PaidOn);
        PullContext::bindOptional(upsert, base + 10, page, row, FeeThrough);
        upsert.integer(base + 11, page.integer(row, FeeCarried));
        upsert.integer(base + 12, page.integer(row, FeeCounted));
    }
    upsert.run();
}

// A bill that local payments refer to stays.
void remove(PullContext& context, const PulledPage& page, int row)
{
    const qint64 account = context.accountId(page.text(row, 0));
    if (account != 0) {
        const std::string_view period = page.text(row, 1);
        context.deleteIfUnreferenced("DELETE FROM bills WHERE account_id = ? AND period = ? AND id NOT IN (SELECT "
                                     "bill_id FROM payment_allocations WHERE bill_id IS NOT NULL)",
                                     [account, period](SqliteStatement& statement) {
                                         statement.integer(1, account);
                                         statement.text(2, period);
                                     });
    }
}

// A pulled change of a bill this store took money for (paid elsewhere, voided elsewhere, the centre's own
// allocation) is written down as a line of its own, so `check` reads the bill's paid amount as before + local
// lines + elsewhere lines (docs/counter.md). The trigger is TEMP and lives only while a page of bills is applied,
// on this connection: a payment taken here never records itself as made elsewhere.
void beginPage(PullContext& context)
{
    context.database().exec(
        "CREATE TEMP TRIGGER bills_changed_elsewhere AFTER UPDATE OF paid_fen, fee_through, fee_carried_fen, "
        "fee_counted_exact ON main.bills WHEN (OLD.paid_fen <> NEW.paid_fen OR OLD.fee_carried_fen <> "
        "NEW.fee_carried_fen OR OLD.fee_counted_exact <> NEW.fee_counted_exact OR coalesce(OLD.fee_through, '') <> "
        "coalesce(NEW.fee_through, '')) AND EXISTS (SELECT 1 FROM main.payment_allocations a WHERE a.bill_id = "
        "NEW.id) BEGIN INSERT INTO bill_changes_elsewhere (bill_id, pulled_at, paid_before, paid_after, "
        "fee_through_before, fee_through_after, fee_carried_before, fee_carried_after, fee_counted_before, "
        "fee_counted_after, last_allocation_id, last_void_id) VALUES (NEW.id, strftime('%Y-%m-%dT%H:%M:%SZ', "
        "'now'), OLD.paid_fen, NEW.paid_fen, OLD.fee_through, NEW.fee_through, OLD.fee_carried_fen, "
        "NEW.fee_carried_fen, OLD.fee_counted_exact, NEW.fee_counted_exact, (SELECT max(id) FROM "
        "main.payment_allocations WHERE bill_id = NEW.id), (SELECT max(id) FROM main.voids)); END");
}

void endPage(PullContext& context)
{
    context.database().execQuietly("DROP TRIGGER IF EXISTS temp.bills_changed_elsewhere");
}

} // namespace HallDesk::PulledBills
