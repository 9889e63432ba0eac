// `halldeskctl check`: late fees recomputed from their history (docs/counter.md, "halldeskctl check").

#include "app/counter/CounterFeeCheck.h"

#include "app/billing/LateFee.h"
#include "app/money/Money.h"
#include "db/Sql.h"

#include <QDate>
#include <QHash>
#include <QSqlQuery>
#include <QStringList>

namespace HallDesk {

namespace {

struct Version
{
    Money minimum;
    int graceDays = 0;
};

// A bill's fee state: what the next late fee is counted from.
struct FeeState
{
    qint64 paid = 0;
    QString feeThrough;
    qint64 carried = 0;
    qint64 counted = 0;
    bool operator==(const FeeState&) const = default;
    QString text() const
    {
        return QStringLiteral("paid %1, fee counted through %2, carried %3, counted %4")
            .arg(Money::fromFen(paid).toString(), feeThrough.isEmpty() ? QStringLiteral("-") : feeThrough,
                 Money::fromFen(carried).toString())
            .arg(counted);
    }
};

QDate day(const QVariant& value)
{
    return QDate::fromString(value.toString(), Qt::ISODate);
}

// One bill line with its spans summed up, as the queries below select it.
struct Line
{
    qint64 id = 0;
    qint64 billId = 0;
    QString billName;
    qint64 amount = 0;
    QDate due;
    FeeState before;
    qint64 principal = 0;
    qint64 feePaid = 0;
    qint64 waived = 0;
    int days = 0;
    qint64 countedExact = 0;
    qint64 assessed = 0;
    QString policy;
    int policyVersion = 0;
    QString businessDate;
    bool voided = false;
    int spanDays = 0;
    qint64 ppmDays = 0;
    QDate firstDay;
    QDate lastDay;

    FeeState after() const
    {
        return {before.paid + principal, days > 0 ? businessDate : before.feeThrough,
                before.carried + assessed - feePaid - waived, before.counted + (days > 0 ? countedExact : 0)};
    }
};

} // namespace

void CounterFeeCheck::billFeeState(const QSqlDatabase& db, const CounterAuditCheck::Problem& problem)
{
    QHash<QString, Version> versions;
    QSqlQuery policies
        = Sql::exec(db, QStringLiteral("SELECT id, version, minimum_fee_fen, grace_days FROM late_fee_policies"));
    while (policies.next()) {
        versions.insert(policies.value(0).toString() + QLatin1Char('/') + policies.value(1).toString(),
                        {Money::fromFen(policies.value(2).toLongLong()), policies.value(3).toInt()});
    }

    // Lines written since bills count their fee (late_fee_assessed_fen set), in the order they were written.
    QSqlQuery rows = Sql::exec(
        db,
        QStringLiteral(
            "SELECT a.id, a.bill_id, ac.account_no || ' ' || b.period, b.amount_fen, b.due_date, a.bill_paid_before, "
            "coalesce(a.fee_through_before, ''), a.fee_carried_before, a.fee_counted_before, a.principal_fen, "
            "a.late_fee_fen, a.late_fee_waived_fen, a.late_fee_days, a.late_fee_counted_exact, "
            "a.late_fee_assessed_fen, a.policy_id, a.policy_version, p.business_date, p.voided, "
            "coalesce(sum(s.days), 0), coalesce(sum(s.days * s.rate_ppm), 0), min(s.first_day), max(s.last_day) "
            "FROM payment_allocations a JOIN payments p ON p.id = a.payment_id JOIN bills b ON b.id = a.bill_id "
            "JOIN accounts ac ON ac.id = b.account_id LEFT JOIN late_fee_spans s ON s.allocation_id = a.id "
            "WHERE a.late_fee_assessed_fen IS NOT NULL GROUP BY a.id ORDER BY a.bill_id, a.id"));
    QHash<qint64, QList<Line>> byBill;
    QList<qint64> bills;
    while (rows.next()) {
        Line line;
        line.id = rows.value(0).toLongLong();
        line.billId = rows.value(1).toLongLong();
        line.billName = rows.value(2).toString();
        line.amount = rows.value(3).toLongLong();
        line.due = day(rows.value(4));
        line.before = {rows.value(5).toLongLong(), rows.value(6).toString(), rows.value(7).toLongLong(),
                       rows.value(8).toLongLong()};
        line.principal = rows.value(9).toLongLong();
        line.feePaid = rows.value(10).toLongLong();
        line.waived = rows.value(11).toLongLong();
        line.days = rows.value(12).toInt();
        line.countedExact = rows.value(13).toLongLong();
        line.assessed = rows.value(14).toLongLong();
        line.policy = rows.value(15).toString();
        line.policyVersion = rows.value(16).toInt();
        line.businessDate = rows.value(17).toString();
        line.voided = rows.value(18).toBool();
        line.spanDays = rows.value(19).toInt();
        line.ppmDays = rows.value(20).toLongLong();
        line.firstDay = day(rows.value(21));
        line.lastDay = day(rows.value(22));
        if (!byBill.contains(line.billId)) {
            bills.append(line.billId);
        }
        byBill[line.billId].append(line);
    }

    // Each line: its fee follows from its days, their rates and the bill's state before it.
    for (const qint64 billId : std::as_const(bills)) {
        for (const Line& line : byBill.value(billId)) {
            const Version version
                = versions.value(line.policy + QLatin1Char('/') + QString::number(line.policyVersion));
            const QDate firstDue = line.due.addDays(qint64(version.graceDays) + 1);
            const QDate through = QDate::fromString(line.before.feeThrough, Qt::ISODate);
            const QDate first = through.isValid() && through >= firstDue ? through.addDays(1) : firstDue;
            const qint64 outstanding = line.amount - line.before.paid;
            const qint64 counted = outstanding > 0 ? outstanding * line.ppmDays : 0;
            const qint64 assessed = (assessedLateFee(line.before.counted + counted, version.minimum)
                                     - assessedLateFee(line.before.counted, version.minimum))
                                        .fen();
            QStringList wrong;
            if (line.spanDays != line.days
                || (line.days > 0 && (line.firstDay != first || line.lastDay != day(line.businessDate)))) {
                wrong << tr("the days counted");
            }
            if (counted != line.countedExact || assessed != line.assessed) {
                wrong << tr("the fee the days come to");
            }
            if (line.feePaid + line.waived > line.before.carried + line.assessed) {
                wrong << tr("more fee paid and waived than was owed");
            }
            if (!wrong.isEmpty()) {
                problem("late_fee_mismatch",
                        tr("Bill %1, allocation line %2: %3 do not follow from the bill's state before it and the "
                           "rates of its days.")
                            .arg(line.billName)
                            .arg(line.id)
                            .arg(wrong.join(QStringLiteral(", "))));
            }
        }
    }

    // Each bill: its fee state is what its last movement left: a change pulled from the centre after every local
    // line and void, or else the last line when none of the bill's payments was voided. A void's effect depends on
    // what came after the payment (docs/counter.md, "Voids"), and local voids and lines share no order, so on a bill
    // with a voided payment and nothing pulled since, only the paid amount is checked (CounterService::check()).
    QSqlQuery states = Sql::exec(
        db,
        QStringLiteral(
            "SELECT b.id, b.paid_fen, coalesce(b.fee_through, ''), b.fee_carried_fen, b.fee_counted_exact, "
            "e.paid_after, coalesce(e.fee_through_after, ''), e.fee_carried_after, e.fee_counted_after, "
            "coalesce(e.last_allocation_id, 0), coalesce(e.last_void_id, 0), "
            "(SELECT coalesce(max(v.id), 0) FROM voids v JOIN payment_allocations x ON x.payment_id = v.payment_id "
            " WHERE x.bill_id = b.id) "
            "FROM bills b LEFT JOIN bill_changes_elsewhere e ON e.id = (SELECT max(id) FROM bill_changes_elsewhere "
            "WHERE bill_id = b.id) WHERE b.id IN (SELECT bill_id FROM payment_allocations WHERE "
            "late_fee_assessed_fen IS NOT NULL)"));
    while (states.next()) {
        const qint64 billId = states.value(0).toLongLong();
        const QList<Line> lines = byBill.value(billId);
        const FeeState now{states.value(1).toLongLong(), states.value(2).toString(), states.value(3).toLongLong(),
                           states.value(4).toLongLong()};
        const qint64 lastVoid = states.value(11).toLongLong();
        const Line* lastLine = nullptr;
        const Line* lastVoidedLine = nullptr;
        for (const Line& line : lines) {
            (line.voided ? lastVoidedLine : lastLine) = &line;
        }
        std::optional<FeeState> expected;
        if (!states.value(5).isNull() && (!lastLine || states.value(9).toLongLong() >= lastLine->id)
            && (!lastVoidedLine || states.value(10).toLongLong() >= lastVoid)) {
            expected = FeeState{states.value(5).toLongLong(), states.value(6).toString(), states.value(7).toLongLong(),
                                states.value(8).toLongLong()};
        } else if (lastLine && !lastVoidedLine
                   && (states.value(5).isNull() || states.value(9).toLongLong() < lastLine->id)) {
            expected = lastLine->after();
        }
        if (expected && *expected != now) {
            problem("bill_fee_state_mismatch",
                    tr("Bill %1 stands at %2, but its last movement left it at %3.")
                        .arg(lines.isEmpty() ? QString::number(billId) : lines.first().billName, now.text(),
                             expected->text()));
        }
    }
}

} // namespace HallDesk
