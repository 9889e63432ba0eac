// `halldeskctl check`: the store's money invariants (docs/counter.md).

#include "app/counter/CounterCheck.h"

#include "app/audit/AuditLog.h"
#include "app/counter/CounterFeeCheck.h"
#include "app/counter/CounterService.h"
#include "db/Sql.h"
#include "db/Store.h"

#include <QSqlQuery>

namespace HallDesk {

CheckReport CounterService::check()
{
    QSqlDatabase db = m_store.connection();
    // One snapshot: a payment committing meanwhile is seen wholly or not at all.
    db.transaction();
    CheckReport report;
    const auto problem = [&report](const char* code, const QString& message) {
        report.problems.append({QString::fromLatin1(code), message});
    };
    try {
        QSqlQuery counts = Sql::exec(
            db,
            QStringLiteral(
                "SELECT (SELECT count(*) FROM payments), (SELECT count(*) FROM receipts), "
                "(SELECT count(*) FROM voids), (SELECT count(*) FROM bills), (SELECT count(*) FROM accounts)"));
        counts.next();
        report.payments = counts.value(0).toLongLong();
        report.receipts = counts.value(1).toLongLong();
        report.voids = counts.value(2).toLongLong();
        report.bills = counts.value(3).toLongLong();
        report.accounts = counts.value(4).toLongLong();

        // A bill's paid amount is what it had before HallDesk first touched it, plus the principal of every
        // unvoided payment since, plus what changed elsewhere (pulled from the centre: another channel, another
        // counter, the centre's allocation). Bills paid elsewhere before have no lines and nothing to check.
        QSqlQuery bills = Sql::exec(
            db,
            QStringLiteral(
                "SELECT ac.account_no, b.period, b.paid_fen, "
                "(SELECT x.bill_paid_before FROM payment_allocations x WHERE x.bill_id = b.id "
                " ORDER BY x.id LIMIT 1) + (SELECT coalesce(sum(x.principal_fen), 0) FROM payment_allocations x "
                " JOIN payments p ON p.id = x.payment_id WHERE x.bill_id = b.id AND p.voided = 0) "
                "+ (SELECT coalesce(sum(e.paid_after - e.paid_before), 0) FROM bill_changes_elsewhere e "
                "   WHERE e.bill_id = b.id) AS expected "
                "FROM bills b JOIN accounts ac ON ac.id = b.account_id "
                "WHERE b.id IN (SELECT bill_id FROM payment_allocations WHERE bill_id IS NOT NULL) "
                "AND b.paid_fen <> expected"));
        while (bills.next()) {
            problem("bill_paid_mismatch",
                    tr("Bill %1 of account %2 shows %3 paid, but its payments add up to %4.")
                        .arg(bills.value(1).toString(), bills.value(0).toString(),
                             Money::fromFen(bills.value(2).toLongLong()).toDisplayString(),
                             Money::fromFen(bills.value(3).toLongLong()).toDisplayString()));
        }

        QSqlQuery prepaid = Sql::exec(
            db,
            QStringLiteral("SELECT a.account_no, a.prepaid_fen, coalesce(l.total, 0) FROM accounts a LEFT JOIN "
                           "(SELECT account_id, sum(delta_fen) AS total FROM prepaid_ledger GROUP BY account_id) l "
                           "ON l.account_id = a.id WHERE a.prepaid_fen <> coalesce(l.total, 0)"));
        while (prepaid.next()) {
            problem("prepaid_ledger_mismatch",
                    tr("Account %1 has a prepaid balance of %2, but its ledger adds up to %3.")
                        .arg(prepaid.value(0).toString(),
                             Money::fromFen(prepaid.value(1).toLongLong()).toDisplayString(),
                             Money::fromFen(prepaid.value(2).toLongLong()).toDisplayString()));
        }

        QSqlQuery series = Sql::exec(
            db,
            QStringLiteral(
                "SELECT t.code, coalesce(s.next_seq, 1), count(r.id), count(DISTINCT r.seq), "
                "coalesce(min(r.seq), 1), coalesce(max(r.seq), 0) FROM terminals t "
                "LEFT JOIN receipt_series s ON s.terminal_id = t.id LEFT JOIN receipts r ON r.terminal_id = t.id "
                "GROUP BY t.id"));
        while (series.next()) {
            const qint64 next = series.value(1).toLongLong();
            const qint64 count = series.value(2).toLongLong();
            const qint64 distinct = series.value(3).toLongLong();
            const qint64 first = series.value(4).toLongLong();
            const qint64 last = series.value(5).toLongLong();
            if (count != distinct || first != 1 || last != count || next != count + 1) {
                problem(
                    "receipt_gap",
                    tr("The receipts of terminal %1 do not run 1 to %2 without a gap (%3 receipts, numbers %4 to %5, "
                       "next number %6).")
                        .arg(series.value(0).toString())
                        .arg(count)
                        .arg(count)
                        .arg(first)
                        .arg(last)
                        .arg(next));
            }
        }

        // Each payment: tenders minus change equal its amount and its allocations; it has a receipt; its prepaid
        // lines are in the ledger.
        QSqlQuery payments = Sql::exec(
            db,
            QStringLiteral(
                "SELECT p.uuid, p.kind, p.amount_fen, p.tendered_fen, p.change_fen, "
                "(SELECT coalesce(sum(amount_fen), 0) FROM payment_tenders WHERE payment_id = p.id), "
                "(SELECT coalesce(sum(tendered_fen - change_fen), 0) FROM payment_tenders WHERE payment_id = p.id), "
                "(SELECT coalesce(sum(tendered_fen), 0) FROM payment_tenders WHERE payment_id = p.id), "
                "(SELECT coalesce(sum(principal_fen + late_fee_fen + prepaid_delta_fen), 0) "
                " FROM payment_allocations WHERE payment_id = p.id), "
                "(SELECT count(*) FROM receipts WHERE payment_id = p.id), "
                "(SELECT coalesce(sum(prepaid_delta_fen), 0) FROM payment_allocations WHERE payment_id = p.id), "
                "(SELECT coalesce(sum(delta_fen), 0) FROM prepaid_ledger WHERE payment_id = p.id), "
                "p.voided, (SELECT count(*) FROM voids WHERE payment_id = p.id), "
                "(SELECT coalesce(sum(l.delta_fen), 0) FROM prepaid_ledger l JOIN voids v ON v.id = l.void_id "
                " WHERE v.payment_id = p.id) FROM payments p"));
        while (payments.next()) {
            const QString uuid = payments.value(0).toString();
            const bool refund = payments.value(1).toString() == QLatin1String("refund");
            const qint64 amount = payments.value(2).toLongLong();
            const bool tendersOk = refund
                ? payments.value(5).toLongLong() == 0 && payments.value(3).toLongLong() == 0
                : payments.value(5).toLongLong() == amount && payments.value(6).toLongLong() == amount
                    && payments.value(7).toLongLong() == payments.value(3).toLongLong()
                    && payments.value(3).toLongLong() - payments.value(4).toLongLong() == amount;
            const bool allocationsOk = payments.value(8).toLongLong() == (refund ? -amount : amount);
            if (!tendersOk || !allocationsOk) {
                problem("payment_unbalanced",
                        tr("Payment %1: its tenders, change, amount and allocations do not agree.").arg(uuid));
            }
            if (payments.value(9).toLongLong() == 0) {
                problem("payment_without_receipt", tr("Payment %1 has no receipt.").arg(uuid));
            }
            if (payments.value(10).toLongLong() != payments.value(11).toLongLong()) {
                problem("prepaid_ledger_mismatch",
                        tr("Payment %1: its prepaid lines and the prepaid ledger disagree.").arg(uuid));
            }
            const bool voided = payments.value(12).toBool();
            const qint64 voidRows = payments.value(13).toLongLong();
            if (voided != (voidRows == 1)
                || (voided && payments.value(14).toLongLong() != -payments.value(10).toLongLong())) {
                problem("void_unbalanced",
                        tr("Payment %1: its void mark, void record and reverse ledger lines disagree.").arg(uuid));
            }
        }

        // Every money row against its audit entry and back; each settlement against its shift's payments.
        CounterAuditCheck::moneyRowsAgainstAudit(db, problem);
        CounterAuditCheck::settlements(db, problem);
        CounterFeeCheck::billFeeState(db, problem);

        const AuditLog::Verification audit = AuditLog::verify(db);
        if (!audit.ok) {
            problem("audit_chain",
                    tr("The audit log's chain is broken at entry %1: %2")
                        .arg(audit.firstBrokenId ? QString::number(*audit.firstBrokenId) : QStringLiteral("?"),
                             audit.reason));
        }
    } catch (...) {
        db.rollback();
        throw;
    }
    db.rollback();
    return report;
}

} // namespace HallDesk
