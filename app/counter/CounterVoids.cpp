// Voids (冲正) and refunds of prepaid balance: the two ways money goes back, both with a supervisor's approval.

#include "app/audit/AuditLog.h"
#include "app/counter/CounterService.h"
#include "app/counter/CounterSql.h"
#include "db/Sql.h"
#include "db/Store.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace HallDesk {

using namespace CounterSql;

namespace {

// Takes a payment's bill lines back (docs/counter.md "Voids"), the way the centre does (central.handle_payment_voided):
// a bill nothing touched since returns exactly to its state before the payment; a bill that a later movement
// touched (a later payment here, or a change pulled from the centre: paid elsewhere, voided elsewhere) gives back
// only this payment's own lines: its principal is owed again, and so is the late fee it paid or waived.
void reverseBillLines(const QSqlDatabase& db, qint64 paymentId)
{
    QSqlQuery lines = Sql::exec(
        db,
        QStringLiteral(
            "SELECT a.bill_id, "
            // touched since: a later unvoided line here, or the bill no longer as this line left it
            "EXISTS (SELECT 1 FROM payment_allocations x JOIN payments y ON y.id = x.payment_id "
            "        WHERE x.bill_id = a.bill_id AND x.payment_id > a.payment_id AND y.voided = 0) "
            "OR b.paid_fen <> a.bill_paid_before + a.principal_fen "
            "OR (a.late_fee_assessed_fen IS NOT NULL AND b.fee_carried_fen <> a.fee_carried_before "
            "    + a.late_fee_assessed_fen - a.late_fee_fen - a.late_fee_waived_fen) "
            "OR (a.fee_counted_before IS NOT NULL AND b.fee_counted_exact <> a.fee_counted_before "
            "    + CASE WHEN a.late_fee_days > 0 THEN a.late_fee_counted_exact ELSE 0 END) "
            "OR coalesce(b.fee_through, '') <> CASE WHEN a.late_fee_days > 0 THEN p.business_date "
            "    ELSE coalesce(a.fee_through_before, '') END "
            "FROM payment_allocations a JOIN bills b ON b.id = a.bill_id JOIN payments p ON p.id = a.payment_id "
            "WHERE a.payment_id = ? AND a.bill_id IS NOT NULL ORDER BY a.id DESC"),
        {paymentId});
    QList<QPair<qint64, bool>> bills;
    while (lines.next()) {
        bills.append({lines.value(0).toLongLong(), lines.value(1).toBool()});
    }
    for (const auto& [billId, touched] : std::as_const(bills)) {
        if (!touched) {
            Sql::exec(
                db,
                QStringLiteral("UPDATE bills SET paid_fen = a.bill_paid_before, status = a.bill_status_before, "
                               "paid_on = a.bill_paid_on_before, fee_through = a.fee_through_before, "
                               "fee_carried_fen = a.fee_carried_before, fee_counted_exact = "
                               "coalesce(a.fee_counted_before, bills.fee_counted_exact) FROM payment_allocations a "
                               "WHERE a.bill_id = bills.id AND a.payment_id = ? AND bills.id = ?"),
                {paymentId, billId});
            continue;
        }
        Sql::exec(
            db,
            QStringLiteral(
                "UPDATE bills SET paid_fen = bills.paid_fen - a.principal_fen, "
                "fee_carried_fen = bills.fee_carried_fen + a.late_fee_fen + a.late_fee_waived_fen, "
                "status = CASE WHEN bills.paid_fen - a.principal_fen = bills.amount_fen AND bills.fee_carried_fen "
                "+ a.late_fee_fen + a.late_fee_waived_fen = 0 THEN 'paid' WHEN bills.paid_fen - a.principal_fen > 0 "
                "THEN 'partial' ELSE 'open' END, "
                "paid_on = CASE WHEN bills.paid_fen - a.principal_fen = bills.amount_fen AND bills.fee_carried_fen "
                "+ a.late_fee_fen + a.late_fee_waived_fen = 0 THEN bills.paid_on END "
                "FROM payment_allocations a WHERE a.bill_id = bills.id AND a.payment_id = ? AND bills.id = ?"),
            {paymentId, billId});
    }
}

} // namespace

VoidResult CounterService::voidPayment(const QString& receiptNo, const QString& reason, const Operator& approver,
                                       const Session& session)
{
    const QDate on = businessDate();
    if (reason.trimmed().isEmpty()) {
        throw StoreError(tr("A void needs a reason."));
    }
    QSqlDatabase db = m_store.connection();
    Sql::Transaction transaction(db);
    requireClerk(db, session);
    const QString approverCode = requireApprover(db, approver.id, session);
    QSqlQuery row = Sql::exec(
        db,
        QStringLiteral("SELECT p.id, p.uuid, p.kind, p.voided, p.business_date, p.shift_id, s.settled_at IS NOT NULL, "
                       "p.amount_fen, o.code, p.operator_id = ? AND p.terminal_id = ? FROM receipts r "
                       "JOIN payments p ON p.id = r.payment_id JOIN shifts s ON s.id = p.shift_id "
                       "JOIN operators o ON o.id = p.operator_id WHERE r.receipt_no = ?"),
        {session.op.id, terminalId(db, session.workplace), receiptNo.trimmed()});
    if (!row.next()) {
        throw StoreError(tr("There is no receipt %1.").arg(receiptNo.trimmed()));
    }
    if (!row.value(9).toBool()) {
        // The money is in the drawer of the clerk who took it; only that drawer gives it back (docs/counter.md).
        throw StoreError(tr("Receipt %1 was taken by %2 at another drawer: only the clerk who took a payment voids "
                            "it, at the same terminal.")
                             .arg(receiptNo.trimmed(), row.value(8).toString()));
    }
    const qint64 paymentId = row.value(0).toLongLong();
    const QString paymentUuid = row.value(1).toString();
    const qint64 shiftId = row.value(5).toLongLong();
    const Money amount = Money::fromFen(row.value(7).toLongLong());
    if (row.value(2).toString() != QLatin1String("payment")) {
        throw StoreError(tr("Receipt %1 is a refund; a refund is not voided.").arg(receiptNo.trimmed()));
    }
    if (row.value(3).toBool()) {
        throw StoreError(tr("The payment of receipt %1 is voided already.").arg(receiptNo.trimmed()));
    }
    if (row.value(4).toString() != dateText(on)) {
        throw StoreError(tr("Receipt %1 is of %2: only a payment of today (%3) can be voided; later corrections "
                            "are refunds or adjustments.")
                             .arg(receiptNo.trimmed(), row.value(4).toString(), dateText(on)));
    }
    if (row.value(6).toBool()) {
        throw StoreError(tr("The shift of receipt %1 is settled (日结); its payments can no longer be voided.")
                             .arg(receiptNo.trimmed()));
    }
    const QString createdAt = m_clock.nowUtc().toString(Qt::ISODate);
    const QUuid voidUuid = QUuid::createUuid();
    QSqlQuery insert = Sql::exec(
        db,
        QStringLiteral("INSERT INTO voids (uuid, payment_id, shift_id, operator_id, approver_id, reason, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {voidUuid.toString(QUuid::WithoutBraces), paymentId, shiftId, session.op.id, approver.id, reason.trimmed(),
         createdAt});
    const qint64 voidId = insert.lastInsertId().toLongLong();
    Sql::exec(db, QStringLiteral("UPDATE payments SET voided = 1 WHERE id = ?"), {paymentId});
    reverseBillLines(db, paymentId);
    QSqlQuery prepaid
        = Sql::exec(db,
                    QStringLiteral("SELECT a.account_id, a.prepaid_delta_fen, ac.prepaid_fen, ac.account_no "
                                   "FROM payment_allocations a JOIN accounts ac ON ac.id = a.account_id "
                                   "WHERE a.payment_id = ? AND a.bill_id IS NULL AND a.prepaid_delta_fen <> 0"),
                    {paymentId});
    QList<std::tuple<qint64, Money, Money>> moves;
    while (prepaid.next()) {
        const Money delta = -Money::fromFen(prepaid.value(1).toLongLong());
        const Money after = Money::fromFen(prepaid.value(2).toLongLong()) + delta;
        if (after.isNegative()) {
            throw StoreError(tr("The prepaid balance of %1 was spent meanwhile; the payment cannot be voided.")
                                 .arg(prepaid.value(3).toString()));
        }
        moves.append({prepaid.value(0).toLongLong(), delta, after});
    }
    for (const auto& [accountId, delta, after] : std::as_const(moves)) {
        movePrepaid(db, accountId, delta, after, std::nullopt, voidId, QStringLiteral("void"), createdAt);
    }

    VoidResult result;
    result.uuid = voidUuid;
    result.paymentUuid = QUuid::fromString(paymentUuid);
    result.amount = amount;
    QSqlQuery receipts = Sql::exec(
        db, QStringLiteral("SELECT receipt_no FROM receipts WHERE payment_id = ? ORDER BY seq"), {paymentId});
    QJsonArray receiptJson;
    while (receipts.next()) {
        result.receiptNos.append(receipts.value(0).toString());
        receiptJson.append(receipts.value(0).toString());
    }
    QJsonObject payload{{QStringLiteral("void_uuid"), voidUuid.toString(QUuid::WithoutBraces)},
                        {QStringLiteral("payment_uuid"), paymentUuid},
                        {QStringLiteral("receipt_nos"), receiptJson},
                        {QStringLiteral("amount_fen"), amount.fen()},
                        {QStringLiteral("reason"), reason.trimmed()},
                        {QStringLiteral("business_date"), dateText(on)},
                        {QStringLiteral("created_at"), createdAt},
                        {QStringLiteral("operator_code"), session.op.code},
                        {QStringLiteral("approver_code"), approverCode},
                        {QStringLiteral("terminal_code"), session.workplace.terminalCode},
                        {QStringLiteral("hall_code"), session.workplace.hallCode}};
    appendOutbox(db, voidUuid, QStringLiteral("payment.voided"), session.workplace, payload, createdAt);
    AuditEntry entry;
    entry.action = QStringLiteral("payment.void");
    entry.entity = QStringLiteral("payment");
    entry.entityKey = result.receiptNos.value(0);
    entry.details = {{QStringLiteral("void_uuid"), voidUuid.toString(QUuid::WithoutBraces)},
                     {QStringLiteral("payment_uuid"), paymentUuid},
                     {QStringLiteral("amount_fen"), amount.fen()},
                     {QStringLiteral("reason"), reason.trimmed()},
                     {QStringLiteral("receipt_nos"), receiptJson}};
    entry.operatorId = session.op.id;
    entry.approverId = approver.id;
    entry.terminalCode = session.workplace.terminalCode;
    AuditLog::append(db, entry);
    transaction.commit();
    return result;
}

RefundResult CounterService::refundPrepaid(const QString& accountNo, Money amount, const QString& reason,
                                           const Operator& approver, const Session& session)
{
    const QDate on = businessDate();
    if (amount.fen() <= 0) {
        throw StoreError(tr("A refund must be more than zero, not %1.").arg(amount.toDisplayString()));
    }
    if (reason.trimmed().isEmpty()) {
        throw StoreError(tr("A refund needs a reason."));
    }
    QSqlDatabase db = m_store.connection();
    Sql::Transaction transaction(db);
    requireClerk(db, session);
    const QString approverCode = requireApprover(db, approver.id, session);
    QSqlQuery account = Sql::exec(db, QStringLiteral("SELECT id, prepaid_fen FROM accounts WHERE account_no = ?"),
                                  {accountNo.trimmed()});
    if (!account.next()) {
        throw StoreError(tr("There is no account %1.").arg(accountNo.trimmed()));
    }
    const qint64 accountId = account.value(0).toLongLong();
    const Money balance = Money::fromFen(account.value(1).toLongLong());
    if (amount > balance) {
        throw StoreError(tr("The prepaid balance of %1 is %2; %3 cannot be refunded.")
                             .arg(accountNo.trimmed(), balance.toDisplayString(), amount.toDisplayString()));
    }
    const qint64 terminal = terminalId(db, session.workplace);
    const Shift current = shift(db, session.op.id, terminal, on, {});
    requireOpen(current, on);
    const QString createdAt = m_clock.nowUtc().toString(Qt::ISODate);
    const Shift open = current.id ? current : shift(db, session.op.id, terminal, on, createdAt);

    const QUuid uuid = QUuid::createUuid();
    QSqlQuery insert
        = Sql::exec(db,
                    QStringLiteral("INSERT INTO payments (uuid, kind, shift_id, terminal_id, operator_id, approver_id, "
                                   "business_date, created_at, amount_fen, tendered_fen, change_fen, reason) "
                                   "VALUES (?, 'refund', ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)"),
                    {uuid.toString(QUuid::WithoutBraces), open.id, terminal, session.op.id, approver.id, dateText(on),
                     createdAt, amount.fen(), reason.trimmed()});
    const qint64 paymentId = insert.lastInsertId().toLongLong();
    Sql::exec(
        db,
        QStringLiteral("INSERT INTO payment_allocations (payment_id, account_id, prepaid_delta_fen) VALUES (?, ?, ?)"),
        {paymentId, accountId, (-amount).fen()});
    const Money after = balance - amount;
    movePrepaid(db, accountId, -amount, after, paymentId, std::nullopt, QStringLiteral("refund"), createdAt);
    const ReceiptNumber number = takeReceiptNumber(db, terminal, session.workplace);
    Sql::exec(db,
              QStringLiteral(
                  "INSERT INTO receipts (receipt_no, terminal_id, seq, payment_id, account_id) VALUES (?, ?, ?, ?, ?)"),
              {number.receiptNo, terminal, number.seq, paymentId, accountId});

    QJsonObject payload{{QStringLiteral("payment_uuid"), uuid.toString(QUuid::WithoutBraces)},
                        {QStringLiteral("kind"), QStringLiteral("refund")},
                        {QStringLiteral("account_no"), accountNo.trimmed()},
                        {QStringLiteral("amount_fen"), amount.fen()},
                        {QStringLiteral("prepaid_after_fen"), after.fen()},
                        {QStringLiteral("receipt_nos"), QJsonArray{number.receiptNo}},
                        {QStringLiteral("reason"), reason.trimmed()},
                        {QStringLiteral("business_date"), dateText(on)},
                        {QStringLiteral("created_at"), createdAt},
                        {QStringLiteral("operator_code"), session.op.code},
                        {QStringLiteral("approver_code"), approverCode},
                        {QStringLiteral("terminal_code"), session.workplace.terminalCode},
                        {QStringLiteral("hall_code"), session.workplace.hallCode}};
    appendOutbox(db, uuid, QStringLiteral("prepaid.refunded"), session.workplace, payload, createdAt);
    AuditEntry entry;
    entry.action = QStringLiteral("prepaid.refund");
    entry.entity = QStringLiteral("account");
    entry.entityKey = accountNo.trimmed();
    entry.details = {{QStringLiteral("uuid"), uuid.toString(QUuid::WithoutBraces)},
                     {QStringLiteral("amount_fen"), amount.fen()},
                     {QStringLiteral("reason"), reason.trimmed()},
                     {QStringLiteral("receipt_no"), number.receiptNo}};
    entry.operatorId = session.op.id;
    entry.approverId = approver.id;
    entry.terminalCode = session.workplace.terminalCode;
    AuditLog::append(db, entry);
    transaction.commit();
    return {uuid, number.receiptNo, accountNo.trimmed(), amount, after};
}

} // namespace HallDesk
