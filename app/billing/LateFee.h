#pragma once

#include "app/billing/CustomerClass.h"
#include "app/money/Money.h"

#include <QDate>
#include <QHash>
#include <QList>
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

// Every version of one policy, oldest first. Each overdue day is charged at the rates of the version in force on
// that day; the grace days and the minimum are those of the version in force on the bill's due date.
struct LateFeeSchedule
{
    QList<LateFeePolicy> versions; // by effective_from, oldest first
    // The version in force on `day` (the newest one effective on or before it); nullptr before the first.
    const LateFeePolicy* inForce(QDate day) const;
};

// A run of overdue days charged at one rate: one policy version, one year bucket.
struct LateFeeSpan
{
    int policyVersion = 0;
    bool laterYears = false; // the 跨年度 bucket: days in a calendar year after the due date's
    QDate firstDay;
    QDate lastDay;
    int days = 0;
    qint64 ratePpm = 0;
};

// One computed fee, with what it was computed by.
struct LateFee
{
    int days = 0; // overdue days counted
    int dueYearDays = 0; // of which in the due date's calendar year
    int laterYearsDays = 0; // of which in later years
    // The exact fee of these days on the principal, in millionths of a fen, before rounding and the minimum.
    qint64 countedExact = 0;
    // What these days add to the bill's late fee: the bill's whole fee (everything counted on it, this stretch
    // included) rounded half up once and raised to the minimum, less what was assessed on it before.
    Money assessed;
    Money fee; // the fee owed as of the day: assessed plus any fee carried from an earlier partial payment
    QString policyId; // the version in force on the due date: its grace days and minimum apply
    int policyVersion = 0;
    QList<LateFeeSpan> spans;
};

// What a bill's late fee comes to when `countedExact` (millionths of a fen) has been counted on it in all: rounded
// half up to the fen once, and raised to the minimum if any fee was counted at all (1996 Art. 98: a total under
// 1.00 is charged as 1.00, once per bill, however many partial payments it takes).
Money assessedLateFee(qint64 countedExact, Money minimumFee);

// The fee for `principal` outstanding since `due`, paid on `on`, counting only the overdue days after
// `countedThrough` (a day up to which an earlier payment settled the fee; invalid: from the due date) on a bill on
// which `countedBefore` (exact) was counted before. Overdue days run from the day after the due date (plus the
// grace days) to the day of payment, inclusive; the year buckets always refer to the original due date.
LateFee computeLateFee(const LateFeeSchedule& schedule, CustomerClass customerClass, Money principal, QDate due,
                       QDate countedThrough, qint64 countedBefore, QDate on);

// A bill's late fee as of `on`, as the account view, the command line and the counter all show and charge it: the
// fee on the outstanding principal for the days after fee_through (the due date when unset), plus the fee carried
// from an earlier partial payment (fee_carried_fen). No overdue day is ever counted twice.
LateFee billLateFee(const LateFeeSchedule& schedule, CustomerClass customerClass, Money outstanding, QDate due,
                    QDate feeThrough, Money carried, qint64 countedBefore, QDate on);

// One version alone (a schedule of one): the fee for a bill nothing was counted on before.
LateFee computeLateFee(const LateFeePolicy& policy, CustomerClass customerClass, Money principal, QDate due, QDate on);
LateFee computeLateFee(const LateFeePolicy& policy, CustomerClass customerClass, Money principal, QDate due,
                       QDate countedThrough, QDate on);
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
    // Every version of policy `id`; empty when there is none.
    LateFeeSchedule schedule(const QString& id) const;
    // Every version of the policy the store's settings select.
    LateFeeSchedule currentSchedule() const;

private:
    QSqlDatabase m_db;
};

} // namespace HallDesk
