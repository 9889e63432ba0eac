// The daily settlement (日结): what the shift took against what the clerk counted.

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

ShiftTotals totalsOf(const QSqlDatabase& db, const Shift& shift, QDate on)
{
    ShiftTotals totals;
    totals.shiftId = shift.id;
    totals.businessDate = on;
    totals.settled = shift.settled;
    QHash<QString, qint64> byMethod;
    if (shift.id) {
        QSqlQuery rows = Sql::exec(
            db,
            QStringLiteral("SELECT t.method, sum(t.amount_fen) FROM payment_tenders t JOIN payments p "
                           "ON p.id = t.payment_id WHERE p.shift_id = ? AND p.voided = 0 AND p.kind = 'payment' "
                           "GROUP BY t.method"),
            {shift.id});
        while (rows.next()) {
            byMethod.insert(rows.value(0).toString(), rows.value(1).toLongLong());
        }
        // Refunds are paid out of the drawer's cash.
        byMethod[QStringLiteral("cash")]
            -= Sql::scalar(
                   db,
                   QStringLiteral("SELECT coalesce(sum(amount_fen), 0) FROM payments WHERE shift_id = ? AND voided = 0 "
                                  "AND kind = 'refund'"),
                   {shift.id})
                   .toLongLong();
        QSqlQuery counts = Sql::exec(
            db,
            QStringLiteral(
                "SELECT (SELECT count(*) FROM payments WHERE shift_id = ? AND kind = 'payment' AND voided = 0), "
                "(SELECT count(*) FROM voids WHERE shift_id = ?), "
                "(SELECT count(*) FROM payments WHERE shift_id = ? AND kind = 'refund' AND voided = 0), "
                "(SELECT min(r.seq) FROM receipts r JOIN payments p ON p.id = r.payment_id WHERE p.shift_id = ?), "
                "(SELECT max(r.seq) FROM receipts r JOIN payments p ON p.id = r.payment_id WHERE p.shift_id = ?)"),
            {shift.id, shift.id, shift.id, shift.id, shift.id});
        counts.next();
        totals.paymentCount = counts.value(0).toInt();
        totals.voidCount = counts.value(1).toInt();
        totals.refundCount = counts.value(2).toInt();
        const auto receiptOf = [&](const QVariant& seq) {
            return seq.isNull()
                ? QString()
                : Sql::scalar(db,
                              QStringLiteral("SELECT r.receipt_no FROM receipts r JOIN payments p ON p.id = "
                                             "r.payment_id WHERE p.shift_id = ? AND r.seq = ?"),
                              {shift.id, seq})
                      .toString();
        };
        totals.firstReceipt = receiptOf(counts.value(3));
        totals.lastReceipt = receiptOf(counts.value(4));
    }
    for (const TenderMethod method : allTenderMethods()) {
        totals.expected.append({method, Money::fromFen(byMethod.value(tenderMethodCode(method)))});
    }
    return totals;
}

} // namespace

ShiftTotals CounterService::shiftTotals(const Session& session)
{
    const QDate on = businessDate();
    QSqlDatabase db = m_store.connection();
    const qint64 terminal = terminalId(db, session.workplace);
    return totalsOf(db, shift(db, session.op.id, terminal, on, {}), on);
}

SettlementData CounterService::settle(const SettlementRequest& request, const Session& session)
{
    const QDate on = businessDate();
    if (request.uuid.isNull()) {
        throw StoreError(tr("The settlement has no UUID."));
    }
    QSqlDatabase db = m_store.connection();
    const QString uuidText = request.uuid.toString(QUuid::WithoutBraces);
    if (Sql::scalar(db, QStringLiteral("SELECT 1 FROM settlements WHERE uuid = ?"), {uuidText}).isValid()) {
        return settlement(request.uuid); // a retry of a settlement that committed
    }
    QList<qint64> denominations;
    for (const QString& part : m_store.setting(QStringLiteral("counter.cash_denominations_fen"))
                                   .split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        denominations.append(part.trimmed().toLongLong());
    }
    Money cash;
    QList<qint64> seen;
    for (const auto& [denomination, count] : request.cashCounts) {
        if (!denominations.contains(denomination.fen())) {
            throw StoreError(tr("%1 is not a note or coin the drawer counts.").arg(denomination.toDisplayString()));
        }
        if (seen.contains(denomination.fen())) {
            throw StoreError(tr("%1 is counted twice.").arg(denomination.toDisplayString()));
        }
        if (count < 0 || count > 1'000'000) {
            throw StoreError(
                tr("The count of %1 must be between 0 and 1,000,000.").arg(denomination.toDisplayString()));
        }
        seen.append(denomination.fen());
        cash += Money::fromFen(denomination.fen() * count);
    }
    QHash<TenderMethod, Money> counted{{TenderMethod::Cash, cash}};
    for (const auto& [method, amount] : request.counted) {
        if (method == TenderMethod::Cash) {
            continue; // cash is what the denominations add up to
        }
        if (amount.isNegative()) {
            throw StoreError(tr("The %1 total cannot be negative.").arg(tenderMethodName(method)));
        }
        counted.insert(method, amount);
    }

    Sql::Transaction transaction(db);
    const qint64 terminal = terminalId(db, session.workplace);
    requireClerk(db, session);
    const QString createdAt = m_clock.nowUtc().toString(Qt::ISODate);
    const Shift current = shift(db, session.op.id, terminal, on, createdAt);
    if (current.settled) {
        throw StoreError(tr("Your shift of %1 is settled already.").arg(dateText(on)));
    }
    const ShiftTotals totals = totalsOf(db, current, on);
    Money variance;
    for (const auto& [method, expected] : totals.expected) {
        variance += counted.value(method) - expected;
    }
    bool differs = false;
    for (const auto& [method, expected] : totals.expected) {
        differs = differs || counted.value(method) != expected;
    }
    std::optional<qint64> approverId;
    QString approverCode;
    if (differs) {
        if (request.reason.trimmed().isEmpty()) {
            throw StoreError(tr("What you counted differs from what the shift took: give a reason, and a supervisor "
                                "approves it."));
        }
        approverCode = requireApprover(db, request.approverId, session);
        approverId = request.approverId;
    }
    QSqlQuery insert = Sql::exec(
        db,
        QStringLiteral(
            "INSERT INTO settlements (uuid, shift_id, operator_id, approver_id, reason, blind, "
            "payment_count, void_count, refund_count, first_receipt, last_receipt, variance_fen, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {uuidText, current.id, session.op.id,
         approverId ? QVariant(*approverId) : QVariant(QMetaType::fromType<qint64>()),
         differs ? request.reason.trimmed() : QStringLiteral(""), request.blind ? 1 : 0, totals.paymentCount,
         totals.voidCount, totals.refundCount,
         totals.firstReceipt.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(totals.firstReceipt),
         totals.lastReceipt.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(totals.lastReceipt),
         variance.fen(), createdAt});
    const qint64 settlementId = insert.lastInsertId().toLongLong();
    QJsonArray lineJson;
    for (const auto& [method, expected] : totals.expected) {
        Sql::exec(db,
                  QStringLiteral("INSERT INTO settlement_lines (settlement_id, method, expected_fen, counted_fen) "
                                 "VALUES (?, ?, ?, ?)"),
                  {settlementId, tenderMethodCode(method), expected.fen(), counted.value(method).fen()});
        lineJson.append(QJsonObject{{QStringLiteral("method"), tenderMethodCode(method)},
                                    {QStringLiteral("expected_fen"), expected.fen()},
                                    {QStringLiteral("counted_fen"), counted.value(method).fen()}});
    }
    QJsonArray countJson;
    for (const auto& [denomination, count] : request.cashCounts) {
        Sql::exec(db,
                  QStringLiteral(
                      "INSERT INTO settlement_cash_counts (settlement_id, denomination_fen, count) VALUES (?, ?, ?)"),
                  {settlementId, denomination.fen(), count});
        countJson.append(
            QJsonObject{{QStringLiteral("denomination_fen"), denomination.fen()}, {QStringLiteral("count"), count}});
    }
    Sql::exec(db, QStringLiteral("UPDATE shifts SET settled_at = ? WHERE id = ?"), {createdAt, current.id});
    QJsonObject payload{{QStringLiteral("settlement_uuid"), uuidText},
                        {QStringLiteral("business_date"), dateText(on)},
                        {QStringLiteral("created_at"), createdAt},
                        {QStringLiteral("operator_code"), session.op.code},
                        {QStringLiteral("approver_code"), approverCode},
                        {QStringLiteral("reason"), differs ? request.reason.trimmed() : QString()},
                        {QStringLiteral("blind"), request.blind},
                        {QStringLiteral("lines"), lineJson},
                        {QStringLiteral("cash_counts"), countJson},
                        {QStringLiteral("variance_fen"), variance.fen()},
                        {QStringLiteral("payment_count"), totals.paymentCount},
                        {QStringLiteral("void_count"), totals.voidCount},
                        {QStringLiteral("refund_count"), totals.refundCount},
                        {QStringLiteral("first_receipt"), totals.firstReceipt},
                        {QStringLiteral("last_receipt"), totals.lastReceipt},
                        {QStringLiteral("terminal_code"), session.workplace.terminalCode},
                        {QStringLiteral("hall_code"), session.workplace.hallCode}};
    appendOutbox(db, request.uuid, QStringLiteral("settlement.closed"), session.workplace, payload, createdAt);
    AuditEntry entry;
    entry.action = QStringLiteral("settlement.close");
    entry.entity = QStringLiteral("shift");
    entry.entityKey = QStringLiteral("%1/%2/%3").arg(session.workplace.terminalCode, session.op.code, dateText(on));
    entry.details = {{QStringLiteral("uuid"), uuidText},
                     {QStringLiteral("variance_fen"), variance.fen()},
                     {QStringLiteral("blind"), request.blind},
                     {QStringLiteral("lines"), lineJson},
                     {QStringLiteral("reason"), differs ? request.reason.trimmed() : QString()},
                     {QStringLiteral("payment_count"), totals.paymentCount},
                     {QStringLiteral("void_count"), totals.voidCount},
                     {QStringLiteral("refund_count"), totals.refundCount},
                     {QStringLiteral("first_receipt"), totals.firstReceipt},
                     {QStringLiteral("last_receipt"), totals.lastReceipt}};
    entry.operatorId = session.op.id;
    entry.approverId = approverId;
    entry.terminalCode = session.workplace.terminalCode;
    AuditLog::append(db, entry);
    transaction.commit();
    return settlement(request.uuid);
}

SettlementData CounterService::settlement(const QUuid& uuid)
{
    QSqlDatabase db = m_store.connection();
    QSqlQuery row = Sql::exec(
        db,
        QStringLiteral(
            "SELECT st.id, st.reason, st.blind, st.payment_count, st.void_count, st.refund_count, "
            "coalesce(st.first_receipt, ''), coalesce(st.last_receipt, ''), st.created_at, sh.business_date, "
            "o.code, o.name, coalesce(ap.name, ''), t.code, h.code, h.name FROM settlements st "
            "JOIN shifts sh ON sh.id = st.shift_id JOIN operators o ON o.id = st.operator_id "
            "LEFT JOIN operators ap ON ap.id = st.approver_id JOIN terminals t ON t.id = sh.terminal_id "
            "JOIN halls h ON h.id = t.hall_id WHERE st.uuid = ?"),
        {uuid.toString(QUuid::WithoutBraces)});
    if (!row.next()) {
        throw StoreError(tr("There is no settlement %1.").arg(uuid.toString(QUuid::WithoutBraces)));
    }
    SettlementData data;
    const qint64 id = row.value(0).toLongLong();
    data.uuid = uuid;
    data.reason = row.value(1).toString();
    data.blind = row.value(2).toBool();
    data.paymentCount = row.value(3).toInt();
    data.voidCount = row.value(4).toInt();
    data.refundCount = row.value(5).toInt();
    data.firstReceipt = row.value(6).toString();
    data.lastReceipt = row.value(7).toString();
    data.createdAt = QDateTime::fromString(row.value(8).toString(), Qt::ISODate).toUTC();
    data.businessDate = dateFromText(row.value(9));
    data.operatorCode = row.value(10).toString();
    data.operatorName = row.value(11).toString();
    data.approverName = row.value(12).toString();
    data.terminalCode = row.value(13).toString();
    data.hallCode = row.value(14).toString();
    data.hallName = row.value(15).toString();
    data.companyName = m_store.setting(QStringLiteral("company.name"));
    const QVariant entry = Sql::scalar(db,
                                       QStringLiteral("SELECT id FROM audit_log WHERE action = 'settlement.close' AND "
                                                      "json_extract(details, '$.uuid') = ? ORDER BY id LIMIT 1"),
                                       {uuid.toString(QUuid::WithoutBraces)});
    if (entry.isValid()) {
        if (const auto anchor = AuditLog::anchorAt(db, entry.toLongLong())) {
            data.auditEntries = anchor->entries;
            data.auditHash = anchor->hash;
        }
    }
    QHash<TenderMethod, SettlementData::Line> lines;
    QSqlQuery rows = Sql::exec(
        db, QStringLiteral("SELECT method, expected_fen, counted_fen FROM settlement_lines WHERE settlement_id = ?"),
        {id});
    while (rows.next()) {
        const TenderMethod method = tenderMethodFromCode(rows.value(0).toString()).value_or(TenderMethod::Cash);
        lines.insert(method,
                     {method, Money::fromFen(rows.value(1).toLongLong()), Money::fromFen(rows.value(2).toLongLong())});
    }
    for (const TenderMethod method : allTenderMethods()) {
        if (lines.contains(method)) {
            data.lines.append(lines.value(method));
        }
    }
    QSqlQuery counts
        = Sql::exec(db,
                    QStringLiteral("SELECT denomination_fen, count FROM settlement_cash_counts WHERE settlement_id = ? "
                                   "ORDER BY denomination_fen DESC"),
                    {id});
    while (counts.next()) {
        data.cashCounts.append({Money::fromFen(counts.value(0).toLongLong()), counts.value(1).toInt()});
    }
    return data;
}

QList<ShiftPayment> CounterService::shiftPayments(qint64 shiftId)
{
    QList<ShiftPayment> payments;
    QSqlQuery query = Sql::exec(
        m_store.connection(),
        QStringLiteral(
            "SELECT p.id, p.kind, p.created_at, p.amount_fen, p.change_fen, p.voided,"
            " (SELECT group_concat(receipt_no, ' ') FROM (SELECT receipt_no FROM receipts"
            "   WHERE payment_id = p.id ORDER BY seq)),"
            " (SELECT group_concat(account_no, ' ') FROM (SELECT DISTINCT a.account_no FROM payment_allocations l"
            "   JOIN accounts a ON a.id = l.account_id WHERE l.payment_id = p.id ORDER BY l.id)),"
            " (SELECT group_concat(method, ' ') FROM (SELECT DISTINCT method FROM payment_tenders"
            "   WHERE payment_id = p.id ORDER BY id))"
            " FROM payments p WHERE p.shift_id = ? ORDER BY p.id DESC"),
        {shiftId});
    while (query.next()) {
        ShiftPayment payment;
        payment.id = query.value(0).toLongLong();
        payment.kind = query.value(1).toString();
        payment.createdAt = QDateTime::fromString(query.value(2).toString(), Qt::ISODate);
        payment.amount = Money::fromFen(query.value(3).toLongLong());
        payment.change = Money::fromFen(query.value(4).toLongLong());
        payment.voided = query.value(5).toInt() != 0;
        payment.receiptNos = query.value(6).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        payment.accountNos = query.value(7).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        payment.methods = query.value(8).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        payments.append(payment);
    }
    return payments;
}

} // namespace HallDesk
