#include "app/billing/PulledLateFees.h"

#include "app/sync/PullContext.h"
#include "app/sync/PulledPage.h"

namespace HallDesk::PulledLateFees {

void applyPolicy(PullContext& context, const PulledPage& page, int row)
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
    SqliteStatement& upsert = context.statement(
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

void removePolicy(PullContext& context, const PulledPage& page, int row)
{
    const std::string_view id = page.text(row, 0);
    const qint64 version = page.integer(row, 1);
    context.deleteIfUnreferenced("DELETE FROM late_fee_policies WHERE id = ? AND version = ?",
                                 [id, version](SqliteStatement& statement) {
                                     statement.text(1, id);
                                     statement.integer(2, version);
                                 });
}

void applyRate(PullContext& context, const PulledPage& page, int row)
{
    enum
    {
        PolicyId,
        PolicyVersion,
        CustomerClass,
        YearBucket,
        RatePpm
    };
    SqliteStatement& upsert = context.statement(
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

void removeRate(PullContext& context, const PulledPage& page, int row)
{
    const std::string_view policy = page.text(row, 0);
    const qint64 version = page.integer(row, 1);
    const std::string_view customerClass = page.text(row, 2);
    const std::string_view bucket = page.text(row, 3);
    context.deleteIfUnreferenced("DELETE FROM late_fee_rates WHERE policy_id = ? AND policy_version = ? AND "
                                 "customer_class = ? AND year_bucket = ?",
                                 [&](SqliteStatement& statement) {
                                     statement.text(1, policy);
                                     statement.integer(2, version);
                                     statement.text(3, customerClass);
                                     statement.text(4, bucket);
                                 });
}

} // namespace HallDesk::PulledLateFees
