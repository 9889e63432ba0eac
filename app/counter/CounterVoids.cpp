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

VoidResult CounterService::voidPayment(const QString& receiptNo, const QString& reason, const Operator& approver,
                                       const Session& session, QDate on)
{
    if (!on.isValid()) {
        on = businessDate();
    }
    if (reason.trimmed().isEmpty()) {
        throw StoreError(tr("A void needs a reason."));
    }
    QSqlDatabase db = m_store.connection();
    Sql::Transaction transaction(db);
    const QString approverCode = requireApprover(db, approver.id, session);
    QSqlQuery row = Sql::exec(
        db,
        QStringLiteral("SELECT p.id, p.uuid, p.kind, p.voided, p.business_date, p.shift_id, s.settled_at IS NOT NULL, "
                       "p.amount_fen FROM receipts r JOIN payments p ON p.id = r.payment_id "
                       "JOIN shifts s ON s.id = p.shift_id WHERE r.receipt_no = ?"),
        {receiptNo.trimmed()});
    if (!row.next()) {
        throw StoreError(tr("There is no receipt %1.").arg(receiptNo.trimmed()));
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
    // Restoring the older state would undo money a later payment really paid (docs/counter.md).
    const QVariant later = Sql::scalar(
        db,
        QStringLiteral("SELECT min(r.receipt_no) FROM payment_allocations mine JOIN payment_allocations theirs "
                       "ON (theirs.bill_id = mine.bill_id OR (mine.bill_id IS NULL AND theirs.bill_id IS NULL "
                       "AND theirs.account_id = mine.account_id)) "
                       "JOIN payments p ON p.id = theirs.payment_id JOIN receipts r ON r.payment_id = p.id "
                       "WHERE mine.payment_id = ? AND p.id > ? AND p.voided = 0"),
        {paymentId, paymentId});
    if (later.isValid() && !later.isNull()) {
        throw StoreError(tr("A later payment (receipt %1) touched the same bills or balance; void that one first.")
                             .arg(later.toString()));
    }

    const QString createdAt = nowUtcText();
    const QUuid voidUuid = QUuid::createUuid();
    QSqlQuery insert = Sql::exec(
        db,
        QStringLiteral("INSERT INTO voids (uuid, payment_id, shift_id, operator_id, approver_id, reason, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {voidUuid.toString(QUuid::WithoutBraces), paymentId, shiftId, session.op.id, approver.id, reason.trimmed(),
         createdAt});
    const qint64 voidId = insert.lastInsertId().toLongLong();
    Sql::exec(db, QStringLiteral("UPDATE payments SET voided = 1 WHERE id = ?"), {paymentId});
    // Every bill back to exactly how it was before the payment.
    Sql::exec(db,
              QStringLiteral("UPDATE bills SET paid_fen = a.bill_paid_before, status = a.bill_status_before, "
                             "paid_on = a.bill_paid_on_before, fee_through = a.fee_through_before, "
                             "fee_carried_fen = a.fee_carried_before FROM payment_allocations a "
                             "WHERE a.bill_id = bills.id AND a.payment_id = ?"),
              {paymentId});
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
                                           const Operator& approver, const Session& session, QDate on)
{
    if (!on.isValid()) {
        on = businessDate();
    }
    if (amount.fen() <= 0) {
        throw StoreError(tr("A refund must be more than zero, not %1.").arg(amount.toDisplayString()));
    }
    if (reason.trimmed().isEmpty()) {
        throw StoreError(tr("A refund needs a reason."));
    }
    QSqlDatabase db = m_store.connection();
    Sql::Transaction transaction(db);
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
    const Shift current = shift(db, session.op.id, terminal, on, false);
    requireOpen(current, on);
    const Shift open = current.id ? current : shift(db, session.op.id, terminal, on, true);

    const QString createdAt = nowUtcText();
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
