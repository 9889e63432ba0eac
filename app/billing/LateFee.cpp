#include "app/billing/LateFee.h"

#include "db/Sql.h"
#include "db/StoreError.h"

#include <QSqlQuery>
#include <algorithm>
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

const LateFeePolicy* LateFeeSchedule::inForce(QDate day) const
{
    const LateFeePolicy* found = nullptr;
    for (const LateFeePolicy& version : versions) {
        if (version.effectiveFrom <= day) {
            found = &version;
        }
    }
    return found;
}

Money assessedLateFee(qint64 countedExact, Money minimumFee)
{
    if (countedExact <= 0) {
        return {};
    }
    // Half up, once, on the whole fee of the bill.
    const Money rounded = Money::fromFen((countedExact + kPpmPerUnit / 2) / kPpmPerUnit);
    return std::max(rounded, minimumFee);
}

LateFee computeLateFee(const LateFeeSchedule& schedule, CustomerClass customerClass, Money principal, QDate due,
                       QDate countedThrough, qint64 countedBefore, QDate on)
{
    LateFee result;
    if (!due.isValid() || !on.isValid() || schedule.versions.isEmpty()) {
        return result;
    }
    const LateFeePolicy* base = schedule.inForce(due);
    if (!base) {
        // A bill due before the policy's first version: that version's rules stand for the time before it.
        base = &schedule.versions.first();
    }
    result.policyId = base->id;
    result.policyVersion = base->version;

    // Overdue days run from the day after the due date (plus the grace days in force on it) to the day of payment,
    // inclusive; each day falls in the due date's calendar year or in a later one, and under one policy version.
    QDate firstDay = due.addDays(qint64(base->graceDays) + 1);
    if (countedThrough.isValid() && countedThrough >= firstDay) {
        firstDay = countedThrough.addDays(1);
    }
    const QDate lastDayOfDueYear(due.year(), 12, 31);
    Int128 ppmDays = 0;
    for (QDate day = firstDay; day <= on;) {
        const LateFeePolicy* version = schedule.inForce(day);
        if (!version) {
            version = &schedule.versions.first();
        }
        QDate last = on;
        for (const LateFeePolicy& next : schedule.versions) {
            if (next.effectiveFrom > day && next.effectiveFrom.addDays(-1) < last) {
                last = next.effectiveFrom.addDays(-1);
            }
        }
        const bool laterYears = day > lastDayOfDueYear;
        if (!laterYears && lastDayOfDueYear < last) {
            last = lastDayOfDueYear;
        }
        const auto rates = version->rates.constFind(customerClass);
        if (rates == version->rates.constEnd()) {
            throw StoreError(
                QCoreApplication::translate("LateFee", "The late-fee policy %1 has no rate for %2 customers.")
                    .arg(policyLabel(*version), customerClassName(customerClass)));
        }
        LateFeeSpan span;
        span.policyVersion = version->version;
        span.laterYears = laterYears;
        span.firstDay = day;
        span.lastDay = last;
        span.days = int(day.daysTo(last) + 1);
        span.ratePpm = laterYears ? rates->laterYearsPpm : rates->dueYearPpm;
        result.spans.append(span);
        result.days += span.days;
        (laterYears ? result.laterYearsDays : result.dueYearDays) += span.days;
        ppmDays += Int128(span.ratePpm) * span.days;
        day = last.addDays(1);
    }
    if (principal.fen() <= 0 || ppmDays <= 0) {
        result.assessed = Money();
        result.fee = result.assessed;
        return result;
    }

    // The exact fee in millionths of a fen, in 128 bits (a rate times a day count fits in 96); it is rounded once,
    // over the bill's whole fee, in assessedLateFee.
    const QString tooLarge = QCoreApplication::translate("LateFee", "The late fee on %1 is too large to compute.")
                                 .arg(principal.toCurrencyString());
    if (ppmDays > kInt128Max / principal.fen()) {
        throw StoreError(tooLarge);
    }
    const Int128 exact = Int128(principal.fen()) * ppmDays;
    const Int128 total = exact + std::max<qint64>(countedBefore, 0);
    if (total > std::numeric_limits<qint64>::max() - kPpmPerUnit) {
        throw StoreError(tooLarge);
    }
    result.countedExact = qint64(exact);
    result.assessed
        = assessedLateFee(qint64(total), base->minimumFee) - assessedLateFee(countedBefore, base->minimumFee);
    result.fee = result.assessed;
    return result;
}

LateFee billLateFee(const LateFeeSchedule& schedule, CustomerClass customerClass, Money outstanding, QDate due,
                    QDate feeThrough, Money carried, qint64 countedBefore, QDate on)
{
    LateFee result = computeLateFee(schedule, customerClass, outstanding, due, feeThrough, countedBefore, on);
    if (carried.fen() > 0) {
        result.fee += carried;
    }
    return result;
}

LateFee computeLateFee(const LateFeePolicy& policy, CustomerClass customerClass, Money principal, QDate due, QDate on)
{
    return computeLateFee(LateFeeSchedule{{policy}}, customerClass, principal, due, QDate(), 0, on);
}

LateFee computeLateFee(const LateFeePolicy& policy, CustomerClass customerClass, Money principal, QDate due,
                       QDate countedThrough, QDate on)
{
    return computeLateFee(LateFeeSchedule{{policy}}, customerClass, principal, due, countedThrough, 0, on);
}

LateFee billLateFee(const LateFeePolicy& policy, CustomerClass customerClass, Money outstanding, QDate due,
                    QDate feeThrough, Money carried, QDate on)
{
    return billLateFee(LateFeeSchedule{{policy}}, customerClass, outstanding, due, feeThrough, carried, 0, on);
}

LateFeePolicyRepository::LateFeePolicyRepository(QSqlDatabase db)
    : m_db(db)
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

LateFeeSchedule LateFeePolicyRepository::schedule(const QString& id) const
{
    LateFeeSchedule schedule;
    QSqlQuery versions = Sql::exec(
        m_db,
        QStringLiteral("SELECT effective_from FROM late_fee_policies WHERE id = ? ORDER BY effective_from, version"),
        {id});
    QList<QDate> days;
    while (versions.next()) {
        days.append(QDate::fromString(versions.value(0).toString(), Qt::ISODate));
    }
    for (const QDate day : std::as_const(days)) {
        std::optional<LateFeePolicy> version = load(id, day);
        if (version && (schedule.versions.isEmpty() || schedule.versions.last().version != version->version)) {
            schedule.versions.append(*version);
        }
    }
    return schedule;
}

LateFeeSchedule LateFeePolicyRepository::currentSchedule() const
{
    const QVariant id = Sql::scalar(m_db, QStringLiteral("SELECT value FROM settings WHERE key = ?"),
                                    {QStringLiteral("late_fee.policy")});
    return id.isValid() ? schedule(id.toString()) : LateFeeSchedule{};
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
