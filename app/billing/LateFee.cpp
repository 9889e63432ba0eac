#include "app/billing/LateFee.h"

#include "db/Sql.h"
#include "db/StoreError.h"

#include <QSqlQuery>
#include <limits>
#include <utility>

namespace HallDesk {

namespace {

constexpr qint64 kPpmPerUnit = 1'000'000;

// GCC's 128-bit integer; __extension__ keeps -Wpedantic quiet about it.
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;
constexpr Int128 kInt128Max = Int128(~UInt128(0) >> 1);

QString policyLabel(const LateFeePolicy& policy)
{
    return QStringLiteral("%1 v%2").arg(policy.id).arg(policy.version);
}

} // namespace

LateFee computeLateFee(const LateFeePolicy& policy, CustomerClass customerClass, Money principal, QDate due, QDate on)
{
    return computeLateFee(policy, customerClass, principal, due, QDate(), on);
}

LateFee billLateFee(const LateFeePolicy& policy, CustomerClass customerClass, Money outstanding, QDate due,
                    QDate feeThrough, Money carried, QDate on)
{
    LateFee result = computeLateFee(policy, customerClass, outstanding, due, feeThrough, on);
    if (carried.fen() > 0) {
        result.fee += carried;
    }
    return result;
}

LateFee computeLateFee(const LateFeePolicy& policy, CustomerClass customerClass, Money principal, QDate due,
                       QDate countedThrough, QDate on)
{
    LateFee result;
    result.policyId = policy.id;
    result.policyVersion = policy.version;
    if (!due.isValid() || !on.isValid()) {
        return result;
    }

    // Overdue days run from the day after the due date (plus grace days) to the day of payment, inclusive; each
    // day falls in the due date's calendar year or in a later one.
    QDate firstDay = due.addDays(qint64(policy.graceDays) + 1);
    if (countedThrough.isValid() && countedThrough >= firstDay) {
        firstDay = countedThrough.addDays(1);
    }
    if (on < firstDay) {
        return result;
    }
    const QDate lastDayOfDueYear(due.year(), 12, 31);
    result.days = int(firstDay.daysTo(on) + 1);
    result.dueYearDays = firstDay > lastDayOfDueYear ? 0 : int(firstDay.daysTo(std::min(on, lastDayOfDueYear)) + 1);
    result.laterYearsDays = result.days - result.dueYearDays;
    if (principal.fen() <= 0) {
        return result;
    }

    const auto rates = policy.rates.constFind(customerClass);
    if (rates == policy.rates.constEnd()) {
        throw StoreError(QCoreApplication::translate("LateFee", "The late-fee policy %1 has no rate for %2 customers.")
                             .arg(policyLabel(policy), customerClassName(customerClass)));
    }

    // The exact fee in millionths of a fen, in 128 bits (a rate times a day count fits in 96), so rounding happens
    // once, here, half up.
    const Int128 ppmDays
        = Int128(rates->dueYearPpm) * result.dueYearDays + Int128(rates->laterYearsPpm) * result.laterYearsDays;
    if (ppmDays <= 0) {
        return result;
    }
    const QString tooLarge = QCoreApplication::translate("LateFee", "The late fee on %1 is too large to compute.")
                                 .arg(principal.toCurrencyString());
    if (ppmDays > kInt128Max / principal.fen()) {
        throw StoreError(tooLarge);
    }
    const Int128 exact = Int128(principal.fen()) * ppmDays;
    const Int128 rounded = (exact + kPpmPerUnit / 2) / kPpmPerUnit;
    if (rounded > std::numeric_limits<qint64>::max()) {
        throw StoreError(tooLarge);
    }
    result.fee = Money::fromFen(qint64(rounded));
    // Any fee owed at all is charged at least the policy's minimum (1996: under ¥1 is charged as ¥1).
    if (result.fee < policy.minimumFee) {
        result.fee = policy.minimumFee;
    }
    return result;
}

LateFeePolicyRepository::LateFeePolicyRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

std::optional<LateFeePolicy> LateFeePolicyRepository::load(const QString& id, QDate on) const
{
    if (id.isEmpty() || !on.isValid()) {
        return std::nullopt;
    }
    QSqlQuery header = Sql::exec(
        m_db,
        QStringLiteral("SELECT version, name, effective_from, minimum_fee_fen, grace_days, allocation_order "
                       "FROM late_fee_policies WHERE id = ? AND effective_from <= ? "
                       "ORDER BY version DESC LIMIT 1"),
        {id, on.toString(Qt::ISODate)});
    if (!header.next()) {
        return std::nullopt;
    }
    LateFeePolicy policy;
    policy.id = id;
    policy.version = header.value(0).toInt();
    policy.name = header.value(1).toString();
    policy.effectiveFrom = QDate::fromString(header.value(2).toString(), Qt::ISODate);
    policy.minimumFee = Money::fromFen(header.value(3).toLongLong());
    policy.graceDays = header.value(4).toInt();
    policy.allocationOrder = header.value(5).toString() == QLatin1String("principal_first")
        ? LateFeePolicy::AllocationOrder::PrincipalFirst
        : LateFeePolicy::AllocationOrder::FeeFirst;

    QSqlQuery rates = Sql::exec(m_db,
                                QStringLiteral("SELECT customer_class, year_bucket, rate_ppm FROM late_fee_rates "
                                               "WHERE policy_id = ? AND policy_version = ?"),
                                {policy.id, policy.version});
    QHash<CustomerClass, int> bucketsSeen;
    while (rates.next()) {
        const std::optional<CustomerClass> customerClass = customerClassFromCode(rates.value(0).toString());
        if (!customerClass) {
            continue; // the table's CHECK constraint admits only known classes
        }
        LateFeePolicy::Rates& classRates = policy.rates[*customerClass];
        if (rates.value(1).toString() == QLatin1String("due_year")) {
            classRates.dueYearPpm = rates.value(2).toLongLong();
        } else {
            classRates.laterYearsPpm = rates.value(2).toLongLong();
        }
        ++bucketsSeen[*customerClass];
    }
    // A policy that leaves a class or a year bucket out would silently charge nothing; refuse it instead.
    for (const CustomerClass customerClass : allCustomerClasses()) {
        if (bucketsSeen.value(customerClass) != 2) {
            throw StoreError(
                QCoreApplication::translate(
                    "LateFee", "The late-fee policy %1 lacks a rate for %2 customers (both year buckets are needed).")
                    .arg(policyLabel(policy), customerClassName(customerClass)));
        }
    }
    return policy;
}

std::optional<LateFeePolicy> LateFeePolicyRepository::current(QDate on) const
{
    const QVariant id = Sql::scalar(m_db, QStringLiteral("SELECT value FROM settings WHERE key = ?"),
                                    {QStringLiteral("late_fee.policy")});
    if (!id.isValid()) {
        return std::nullopt;
    }
    return load(id.toString(), on);
}

} // namespace HallDesk
