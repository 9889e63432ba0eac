// Reading payments and receipts back from the store: what is printed was committed first.

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

// The payment.posted event carries the accounts in the order they were loaded and each one's prepaid balance after
// the payment; the store keeps no other record of an untouched account's balance at that moment.
struct PaymentEvent
{
    QStringList accounts;
    QHash<QString, Money> prepaidAfter;
};

PaymentEvent paymentEvent(const QSqlDatabase& db, const QString& uuid)
{
    PaymentEvent event;
    const QVariant payload = Sql::scalar(
        db, QStringLiteral("SELECT payload FROM outbox WHERE uuid = ? AND type = 'payment.posted'"), {uuid});
    if (!payload.isValid()) {
        return event;
    }
    const QJsonObject object = jsonFromText(payload.toString());
    for (const QJsonValue& account : object.value(QStringLiteral("accounts")).toArray()) {
        event.accounts.append(account.toString());
    }
    for (const QJsonValue& line : object.value(QStringLiteral("prepaid_after")).toArray()) {
        event.prepaidAfter.insert(
            line.toObject().value(QStringLiteral("account_no")).toString(),
            Money::fromFen(line.toObject().value(QStringLiteral("prepaid_after_fen")).toInteger()));
    }
    return event;
}

QList<Allocation> allocationsOf(const QSqlDatabase& db, qint64 paymentId)
{
    QSqlQuery rows = Sql::exec(
        db,
        QStringLiteral("SELECT a.account_id, ac.account_no, a.bill_id, coalesce(b.period, ''), a.principal_fen, "
                       "a.late_fee_fen, a.late_fee_waived_fen, a.late_fee_days, coalesce(a.policy_id, ''), "
                       "coalesce(a.policy_version, 0), a.prepaid_delta_fen FROM payment_allocations a "
                       "JOIN accounts ac ON ac.id = a.account_id LEFT JOIN bills b ON b.id = a.bill_id "
                       "WHERE a.payment_id = ? ORDER BY a.id"),
        {paymentId});
    QList<Allocation> lines;
    while (rows.next()) {
        Allocation line;
        line.accountId = rows.value(0).toLongLong();
        line.accountNo = rows.value(1).toString();
        if (!rows.value(2).isNull()) {
            line.billId = rows.value(2).toLongLong();
            line.principal = Money::fromFen(rows.value(4).toLongLong());
        } else {
            // A prepaid line: the change of the balance, negative when the balance paid bills.
            line.principal = Money::fromFen(rows.value(10).toLongLong());
        }
        line.period = rows.value(3).toString();
        line.lateFee = Money::fromFen(rows.value(5).toLongLong());
        line.lateFeeWaived = Money::fromFen(rows.value(6).toLongLong());
        line.lateFeeDays = rows.value(7).toInt();
        line.policyId = rows.value(8).toString();
        line.policyVersion = rows.value(9).toInt();
        lines.append(line);
    }
    return lines;
}

// The balance right after the payment: its own ledger line when it changed the balance, else today's balance
// (an account the payment did not touch, once the outbox event that recorded it is gone).
Money prepaidAfterPayment(const QSqlDatabase& db, qint64 paymentId, const QString& accountNo)
{
    const QVariant line = Sql::scalar(db,
                                      QStringLiteral("SELECT l.balance_after FROM prepaid_ledger l JOIN accounts a ON "
                                                     "a.id = l.account_id WHERE l.payment_id = ? AND a.account_no = ? "
                                                     "ORDER BY l.id DESC LIMIT 1"),
                                      {paymentId, accountNo});
    if (line.isValid()) {
        return Money::fromFen(line.toLongLong());
    }
    return Money::fromFen(
        Sql::scalar(db, QStringLiteral("SELECT prepaid_fen FROM accounts WHERE account_no = ?"), {accountNo})
            .toLongLong());
}

} // namespace

PaymentResult CounterService::readPayment(qint64 paymentId)
{
    QSqlDatabase db = m_store.connection();
    QSqlQuery row = Sql::exec(
        db,
        QStringLiteral("SELECT uuid, business_date, created_at, amount_fen, tendered_fen, change_fen FROM payments "
                       "WHERE id = ?"),
        {paymentId});
    if (!row.next()) {
        throw StoreError(tr("There is no payment %1.").arg(paymentId));
    }
    PaymentResult result;
    result.paymentId = paymentId;
    result.uuid = QUuid::fromString(row.value(0).toString());
    result.businessDate = dateFromText(row.value(1));
    result.createdAt = QDateTime::fromString(row.value(2).toString(), Qt::ISODate).toUTC();
    result.amount = Money::fromFen(row.value(3).toLongLong());
    result.tendered = Money::fromFen(row.value(4).toLongLong());
    result.change = Money::fromFen(row.value(5).toLongLong());
    QSqlQuery receipts = Sql::exec(
        db, QStringLiteral("SELECT receipt_no FROM receipts WHERE payment_id = ? ORDER BY seq"), {paymentId});
    while (receipts.next()) {
        result.receiptNos.append(receipts.value(0).toString());
    }
    result.allocations = allocationsOf(db, paymentId);
    for (const Allocation& line : std::as_const(result.allocations)) {
        result.lateFee += line.lateFee;
    }
    const PaymentEvent event = paymentEvent(db, row.value(0).toString());
    QStringList accounts = event.accounts;
    for (const Allocation& line : std::as_const(result.allocations)) {
        if (!accounts.contains(line.accountNo)) {
            accounts.append(line.accountNo);
        }
    }
    for (const QString& accountNo : std::as_const(accounts)) {
        result.prepaidAfter.append({accountNo,
                                    event.prepaidAfter.contains(accountNo)
                                        ? event.prepaidAfter.value(accountNo)
                                        : prepaidAfterPayment(db, paymentId, accountNo)});
    }
    return result;
}

ReceiptData CounterService::receipt(const QString& receiptNo)
{
    QSqlDatabase db = m_store.connection();
    QSqlQuery row = Sql::exec(
        db,
        QStringLiteral(
            "SELECT r.payment_id, r.account_id, r.output_count, p.uuid, p.kind, p.created_at, p.amount_fen, "
            "p.tendered_fen, p.change_fen, p.voided, o.code, o.name, t.code, h.code, h.name "
            "FROM receipts r JOIN payments p ON p.id = r.payment_id JOIN operators o ON o.id = p.operator_id "
            "JOIN terminals t ON t.id = r.terminal_id JOIN halls h ON h.id = t.hall_id "
            "WHERE r.receipt_no = ?"),
        {receiptNo.trimmed()});
    if (!row.next()) {
        throw StoreError(tr("There is no receipt %1.").arg(receiptNo.trimmed()));
    }
    const qint64 paymentId = row.value(0).toLongLong();
    const QVariant receiptAccount = row.value(1);
    ReceiptData data;
    data.receiptNo = receiptNo.trimmed();
    data.outputCount = row.value(2).toInt();
    data.paymentUuid = QUuid::fromString(row.value(3).toString());
    data.kind = row.value(4).toString();
    data.createdAt = QDateTime::fromString(row.value(5).toString(), Qt::ISODate).toUTC();
    data.amount = Money::fromFen(row.value(6).toLongLong());
    data.tendered = Money::fromFen(row.value(7).toLongLong());
    data.change = Money::fromFen(row.value(8).toLongLong());
    data.voided = row.value(9).toBool();
    data.operatorCode = row.value(10).toString();
    data.operatorName = row.value(11).toString();
    data.terminalCode = row.value(12).toString();
    data.hallCode = row.value(13).toString();
    data.hallName = row.value(14).toString();
    data.companyName = m_store.setting(QStringLiteral("company.name"));
    data.timeZone = QString::fromUtf8(m_clock.zone().id());

    QSqlQuery tenders = Sql::exec(
        db,
        QStringLiteral("SELECT method, amount_fen, tendered_fen, reference FROM payment_tenders WHERE payment_id = ? "
                       "ORDER BY id"),
        {paymentId});
    while (tenders.next()) {
        data.tenders.append({tenderMethodFromCode(tenders.value(0).toString()).value_or(TenderMethod::Cash),
                             Money::fromFen(tenders.value(1).toLongLong()),
                             Money::fromFen(tenders.value(2).toLongLong()), tenders.value(3).toString()});
    }

    const PaymentResult payment = readPayment(paymentId);
    for (const auto& [accountNo, prepaidAfter] : payment.prepaidAfter) {
        QSqlQuery account
            = Sql::exec(db, QStringLiteral("SELECT id, name, address FROM accounts WHERE account_no = ?"), {accountNo});
        if (!account.next()) {
            continue;
        }
        if (!receiptAccount.isNull() && account.value(0).toLongLong() != receiptAccount.toLongLong()) {
            continue; // one receipt per account: only this one's part
        }
        ReceiptData::AccountPart part;
        part.accountNo = accountNo;
        part.name = account.value(1).toString();
        part.address = account.value(2).toString();
        part.prepaidAfter = prepaidAfter;
        for (const Allocation& line : payment.allocations) {
            if (line.accountNo != accountNo) {
                continue;
            }
            if (line.billId) {
                part.bills.append({line.period, line.principal, line.lateFee, line.lateFeeWaived});
                part.total += line.principal + line.lateFee;
            } else {
                part.toPrepaid += line.principal;
                part.total += line.principal;
            }
        }
        data.accounts.append(part);
    }
    if (data.kind == QLatin1String("refund")) {
        // A refund's part is the cash paid out of the balance.
        for (ReceiptData::AccountPart& part : data.accounts) {
            part.total = -part.total;
        }
    } else if (!receiptAccount.isNull() && !data.accounts.isEmpty()) {
        data.amount = data.accounts.first().total;
    }
    return data;
}

void CounterService::recordOutput(const QString& receiptNo, const Session* session)
{
    QSqlDatabase db = m_store.connection();
    Sql::Transaction transaction(db);
    const QVariant count = Sql::scalar(db, QStringLiteral("SELECT output_count FROM receipts WHERE receipt_no = ?"),
                                       {receiptNo.trimmed()});
    if (!count.isValid()) {
        throw StoreError(tr("There is no receipt %1.").arg(receiptNo.trimmed()));
    }
    Sql::exec(db, QStringLiteral("UPDATE receipts SET output_count = output_count + 1 WHERE receipt_no = ?"),
              {receiptNo.trimmed()});
    AuditEntry entry;
    entry.action = count.toInt() > 0 ? QStringLiteral("receipt.reprint") : QStringLiteral("receipt.print");
    entry.entity = QStringLiteral("receipt");
    entry.entityKey = receiptNo.trimmed();
    entry.details = {{QStringLiteral("output"), count.toInt() + 1}};
    if (session) {
        entry.operatorId = session->op.id;
        entry.terminalCode = session->workplace.terminalCode;
    }
    AuditLog::append(db, entry);
    transaction.commit();
}

} // namespace HallDesk
