#pragma once

#include "app/billing/CustomerClass.h"
#include "app/money/Money.h"

#include <QDate>
#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace HallDesk {

// A versioned late-fee policy (电费违约金), loaded from the late_fee_policies / late_fee_rates tables. Rates are
// millionths of the outstanding principal per overdue day (1‰ = 1000 ppm), one for the overdue days that fall in
// the due date's calendar year and one for days in later years (跨年度).
struct LateFeePolicy
{
    enum class AllocationOrder
    {
        FeeFirst, // a partial payment settles a bill's late fee before its principal
        PrincipalFirst,
    };
    struct Rates
    {
        qint64 dueYearPpm = 0;
        qint64 laterYearsPpm = 0;
    };

    QString id;
    int version = 0;
    QString name;
    QDate effectiveFrom;
    Money minimumFee; // a positive fee below this is charged as this
    int graceDays = 0; // overdue days start the day after due date + graceDays
    AllocationOrder allocationOrder = AllocationOrder::FeeFirst;
    QHash<CustomerClass, Rates> rates;
};

// One computed fee, with what it was computed by.
struct LateFee
{
    int days = 0; // overdue days counted
    int dueYearDays = 0; // of which in the due date's calendar year
    int laterYearsDays = 0; // of which in later years
    Money fee;
    QString policyId;
    int policyVersion = 0;
};

// The fee for `principal` outstanding since `due`, paid on `on`: overdue days run from the day after the due date
// (plus grace days) to the day of payment, inclusive; the exact amount is rounded half up to the fen once; a
// positive fee under the policy's minimum is charged as the minimum; paid on or before the due date: no fee.
LateFee computeLateFee(const LateFeePolicy& policy, CustomerClass customerClass, Money principal, QDate due, QDate on);

// The same, counting only the overdue days after `countedThrough` (a day up to which an earlier payment settled the
// fee; invalid: count from the due date). The year buckets still refer to the original due date, so a day in a
// later year costs the later-years rate whenever it is counted.
LateFee computeLateFee(const LateFeePolicy& policy, CustomerClass customerClass, Money principal, QDate due,
                       QDate countedThrough, QDate on);

// A bill's late fee as of `on`, as the account view, the command line and the counter all show and charge it: the
// fee on the outstanding principal for the days after fee_through (the due date when unset), plus the fee carried
// from an earlier partial payment (fee_carried_fen). No overdue day is ever counted twice.
LateFee billLateFee(const LateFeePolicy& policy, CustomerClass customerClass, Money outstanding, QDate due,
                    QDate feeThrough, Money carried, QDate on);

// Reads policies from a store.
class LateFeePolicyRepository final
{
public:
    explicit LateFeePolicyRepository(QSqlDatabase db);

    // The newest version of policy `id` effective on `on`; nullopt if there is none.
    std::optional<LateFeePolicy> load(const QString& id, QDate on) const;
    // The policy the store's settings select (settings key "late_fee.policy"), effective on `on`.
    std::optional<LateFeePolicy> current(QDate on) const;

private:
    QSqlDatabase m_db;
};

} // namespace HallDesk
