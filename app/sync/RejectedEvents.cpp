#include "app/sync/RejectedEvents.h"

#include "app/audit/AuditLog.h"
#include "app/clock/HallClock.h"
#include "app/counter/CounterSql.h"
#include "db/Sql.h"
#include "db/Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace HallDesk {

namespace {

Money fen(const QJsonObject& object, const char* field)
{
    return Money::fromFen(object.value(QLatin1String(field)).toInteger());
}

QString text(const QJsonObject& object, const char* field)
{
    return object.value(QLatin1String(field)).toString();
}

QStringList textList(const QJsonValue& value)
{
    QStringList out;
    for (const QJsonValue& item : value.toArray()) {
        out << item.toString();
    }
    return out;
}

QDateTime utc(const QVariant& value)
{
    if (value.isNull() || value.toString().isEmpty()) {
        return {};
    }
    return QDateTime::fromString(value.toString(), Qt::ISODate).toUTC();
}

QJsonValue utcText(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toString(Qt::ISODate)) : QJsonValue();
}

QString accountName(const QSqlDatabase& db, const QString& accountNo)
{
    return Sql::scalar(db, QStringLiteral("SELECT name FROM accounts WHERE account_no = ?"), {accountNo}).toString();
}

QList<EventTender> tendersFromJson(const QJsonArray& array)
{
    QList<EventTender> tenders;
    for (const QJsonValue& value : array) {
        const QJsonObject tender = value.toObject();
        tenders.append({text(tender, "method"), fen(tender, "amount_fen"), fen(tender, "tendered_fen"),
                        fen(tender, "change_fen"), text(tender, "reference")});
    }
    return tenders;
}

void decodePosted(const QSqlDatabase& db, const QJsonObject& payload, RejectedObject& object)
{
    object.paymentUuid = text(payload, "payment_uuid");
    for (const QString& accountNo : textList(payload.value(QStringLiteral("accounts")))) {
        object.accounts.append({accountNo, accountName(db, accountNo)});
    }
    object.tendered = fen(payload, "tendered_fen");
    object.change = fen(payload, "change_fen");
    object.tenders = tendersFromJson(payload.value(QStringLiteral("tenders")).toArray());
    for (const QJsonValue& value : payload.value(QStringLiteral("allocations")).toArray()) {
        const QJsonObject line = value.toObject();
        object.allocations.append({text(line, "account_no"), text(line, "period"), fen(line, "principal_fen"),
                                   fen(line, "late_fee_fen"), fen(line, "late_fee_waived_fen"),
                                   line.value(QStringLiteral("late_fee_days")).toInt(),
                                   fen(line, "prepaid_delta_fen")});
    }
    for (const QJsonValue& value : payload.value(QStringLiteral("waivers")).toArray()) {
        const QJsonObject waiver = value.toObject();
        object.waivers.append({text(waiver, "account_no"), text(waiver, "period"), fen(waiver, "computed_fen"),
                               fen(waiver, "charged_fen"), text(waiver, "reason"), text(waiver, "approver_code")});
    }
}

// A void's payload names the voided payment; its accounts, tenders and lines are in this store.
void decodeVoided(const QSqlDatabase& db, const QJsonObject& payload, RejectedObject& object)
{
    object.paymentUuid = text(payload, "payment_uuid");
    object.reason = text(payload, "reason");
    const QVariant paymentId
        = Sql::scalar(db, QStringLiteral("SELECT id FROM payments WHERE uuid = ?"), {object.paymentUuid});
    if (!paymentId.isValid()) {
        return;
    }
    QSqlQuery payment
        = Sql::exec(db, QStringLiteral("SELECT tendered_fen, change_fen FROM payments WHERE id = ?"), {paymentId});
    if (payment.next()) {
        object.tendered = Money::fromFen(payment.value(0).toLongLong());
        object.change = Money::fromFen(payment.value(1).toLongLong());
    }
    QSqlQuery lines = Sql::exec(
        db,
        QStringLiteral("SELECT a.account_no, a.name, b.period, l.principal_fen, l.late_fee_fen, l.late_fee_waived_fen, "
                       "l.late_fee_days, l.prepaid_delta_fen FROM payment_allocations l JOIN accounts a ON a.id = "
                       "l.account_id LEFT JOIN bills b ON b.id = l.bill_id WHERE l.payment_id = ? ORDER BY l.id"),
        {paymentId});
    while (lines.next()) {
        const QString accountNo = lines.value(0).toString();
        bool known = false;
        for (const EventAccount& account : std::as_const(object.accounts)) {
            known = known || account.accountNo == accountNo;
        }
        if (!known) {
            object.accounts.append({accountNo, lines.value(1).toString()});
        }
        object.allocations.append({accountNo, lines.value(2).toString(), Money::fromFen(lines.value(3).toLongLong()),
                                   Money::fromFen(lines.value(4).toLongLong()),
                                   Money::fromFen(lines.value(5).toLongLong()), lines.value(6).toInt(),
                                   Money::fromFen(lines.value(7).toLongLong())});
    }
    QSqlQuery tenders = Sql::exec(db,
                                  QStringLiteral("SELECT method, amount_fen, tendered_fen, change_fen, reference "
                                                 "FROM payment_tenders WHERE payment_id = ? ORDER BY id"),
                                  {paymentId});
    while (tenders.next()) {
        object.tenders.append({tenders.value(0).toString(), Money::fromFen(tenders.value(1).toLongLong()),
                               Money::fromFen(tenders.value(2).toLongLong()),
                               Money::fromFen(tenders.value(3).toLongLong()), tenders.value(4).toString()});
    }
}

void decodeRefund(const QSqlDatabase& db, const QJsonObject& payload, RejectedObject& object)
{
    object.paymentUuid = text(payload, "payment_uuid");
    const QString accountNo = text(payload, "account_no");
    if (!accountNo.isEmpty()) {
        object.accounts.append({accountNo, accountName(db, accountNo)});
    }
    object.reason = text(payload, "reason");
    if (payload.contains(QStringLiteral("prepaid_after_fen"))) {
        object.prepaidAfter = fen(payload, "prepaid_after_fen");
    }
}

void decodeSettlement(const QJsonObject& payload, RejectedObject& object)
{
    object.reason = text(payload, "reason");
    Money expected;
    for (const QJsonValue& value : payload.value(QStringLiteral("lines")).toArray()) {
        const QJsonObject line = value.toObject();
        object.lines.append({text(line, "method"), fen(line, "expected_fen"), fen(line, "counted_fen")});
        expected += fen(line, "expected_fen");
    }
    object.amount = expected;
    object.variance = fen(payload, "variance_fen");
    object.paymentCount = payload.value(QStringLiteral("payment_count")).toInt();
    object.voidCount = payload.value(QStringLiteral("void_count")).toInt();
    object.refundCount = payload.value(QStringLiteral("refund_count")).toInt();
    object.firstReceipt = text(payload, "first_receipt");
    object.lastReceipt = text(payload, "last_receipt");
}

RejectedObject decode(const QSqlDatabase& db, const QString& type, const QJsonObject& payload, bool readable)
{
    RejectedObject object;
    object.readable = readable;
    object.businessDate = QDate::fromString(text(payload, "business_date"), Qt::ISODate);
    object.operatorCode = text(payload, "operator_code");
    object.approverCode = text(payload, "approver_code");
    object.receiptNos = textList(payload.value(QStringLiteral("receipt_nos")));
    object.amount = fen(payload, "amount_fen");
    if (type == QLatin1String("payment.posted")) {
        decodePosted(db, payload, object);
    } else if (type == QLatin1String("payment.voided")) {
        decodeVoided(db, payload, object);
    } else if (type == QLatin1String("prepaid.refunded")) {
        decodeRefund(db, payload, object);
    } else if (type == QLatin1String("settlement.closed")) {
        decodeSettlement(payload, object);
    }
    return object;
}

const QString kSelect
    = QStringLiteral("SELECT o.id, o.uuid, o.type, o.terminal_code, o.hall_code, o.payload, o.created_at, o.pushed_at, "
                     "o.state_reason, o.reviewed_at, r.code, r.name, o.review_note, o.resent_count FROM outbox o "
                     "LEFT JOIN operators r ON r.id = o.reviewed_by WHERE o.state = 'rejected'");

RejectedEvent readEvent(const QSqlDatabase& db, const QSqlQuery& row)
{
    RejectedEvent event;
    event.seq = row.value(0).toLongLong();
    event.uuid = row.value(1).toString();
    event.type = row.value(2).toString();
    event.terminalCode = row.value(3).toString();
    event.hallCode = row.value(4).toString();
    const QJsonDocument payload = QJsonDocument::fromJson(row.value(5).toString().toUtf8());
    event.payload = payload.object();
    event.createdAtUtc = utc(row.value(6));
    event.pushedAtUtc = utc(row.value(7));
    event.reason = row.value(8).toString();
    event.reviewedAtUtc = utc(row.value(9));
    event.reviewerCode = row.value(10).toString();
    event.reviewerName = row.value(11).toString();
    event.reviewNote = row.value(12).toString();
    event.resentCount = row.value(13).toInt();
    event.object = decode(db, event.type, event.payload, payload.isObject());
    return event;
}

// Who acts on a rejected event: the session's operator when the store says they are an active supervisor, else
// the approver, checked again here (exists, active, supervisor, another person than the one signed in).
struct Actor
{
    std::optional<qint64> approverId;
    qint64 supervisorId = 0;
    QString supervisorCode;
};

Actor authorise(const QSqlDatabase& db, const Session& session, const std::optional<Operator>& approver)
{
    const bool supervisor
        = Sql::scalar(db,
                      QStringLiteral("SELECT count(*) FROM operators o JOIN operator_roles r ON r.operator_id = o.id "
                                     "AND r.role = 'supervisor' WHERE o.id = ? AND o.active = 1"),
                      {session.op.id})
              .toLongLong()
        > 0;
    if (!approver) {
        if (!supervisor) {
            throw StoreError(RejectedEvents::tr("Only a supervisor can send a rejected event again or mark it "
                                                "reviewed: a supervisor approves it with their own code and "
                                                "password."));
        }
        return {std::nullopt, session.op.id, session.op.code};
    }
    const QString code = CounterSql::requireApprover(db, approver->id, session);
    return {approver->id, approver->id, code};
}

// An outbox state as a person reads it.
QString stateName(const QString& state)
{
    if (state == QLatin1String("pending")) {
        return RejectedEvents::tr("waiting to be sent");
    }
    if (state == QLatin1String("accepted")) {
        return RejectedEvents::tr("accepted by the centre");
    }
    if (state == QLatin1String("duplicate")) {
        return RejectedEvents::tr("accepted by the centre (sent twice)");
    }
    return state;
}

// The rejected event `seq`, read inside the caller's transaction; StoreError when it is not (or no longer) rejected.
RejectedEvent requireRejected(const QSqlDatabase& db, qint64 seq)
{
    QSqlQuery row = Sql::exec(db, kSelect + QStringLiteral(" AND o.id = ?"), {seq});
    if (!row.next()) {
        const QVariant state = Sql::scalar(db, QStringLiteral("SELECT state FROM outbox WHERE id = ?"), {seq});
        if (!state.isValid()) {
            throw StoreError(RejectedEvents::tr("There is no event %1 in the outbox.").arg(seq));
        }
        throw StoreError(RejectedEvents::tr("Event %1 is %2, not rejected: there is nothing to do.")
                             .arg(seq)
                             .arg(stateName(state.toString())));
    }
    return readEvent(db, row);
}

AuditEntry auditEntry(const char* action, const RejectedEvent& event, const Session& session, const Actor& actor)
{
    AuditEntry entry;
    entry.action = QString::fromLatin1(action);
    entry.entity = QStringLiteral("outbox_event");
    entry.entityKey = event.uuid;
    entry.details = {{QStringLiteral("seq"), event.seq},
                     {QStringLiteral("type"), event.type},
                     {QStringLiteral("reason"), event.reason},
                     {QStringLiteral("receipt_nos"), QJsonArray::fromStringList(event.object.receiptNos)},
                     {QStringLiteral("supervisor"), actor.supervisorCode}};
    entry.operatorId = session.op.id;
    entry.approverId = actor.approverId;
    entry.terminalCode = session.workplace.terminalCode;
    return entry;
}

} // namespace

RejectedEvents::RejectedEvents(Store& store)
    : m_store(store)
{
}

QList<RejectedEvent> RejectedEvents::list(Scope scope)
{
    QSqlDatabase db = m_store.connection();
    QSqlQuery rows
        = Sql::exec(db,
                    kSelect + (scope == Scope::Open ? QStringLiteral(" AND o.reviewed_at IS NULL") : QString())
                        + QStringLiteral(" ORDER BY o.id DESC"));
    QList<RejectedEvent> events;
    while (rows.next()) {
        events.append(readEvent(db, rows));
    }
    return events;
}

std::optional<RejectedEvent> RejectedEvents::find(qint64 seq)
{
    QSqlDatabase db = m_store.connection();
    QSqlQuery row = Sql::exec(db, kSelect + QStringLiteral(" AND o.id = ?"), {seq});
    if (!row.next()) {
        return std::nullopt;
    }
    return readEvent(db, row);
}

qint64 RejectedEvents::openCount()
{
    return Sql::scalar(m_store.connection(),
                       QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'rejected' AND reviewed_at IS NULL"))
        .toLongLong();
}

void RejectedEvents::sendAgain(qint64 seq, const Session& session, const std::optional<Operator>& approver,
                               const QString& note)
{
    QSqlDatabase db = m_store.connection();
    Sql::Transaction transaction(db);
    const Actor actor = authorise(db, session, approver);
    const RejectedEvent event = requireRejected(db, seq);
    Sql::exec(db,
              QStringLiteral("UPDATE outbox SET state = 'pending', state_reason = '', reviewed_at = NULL, reviewed_by "
                             "= NULL, review_note = '', resent_count = resent_count + 1, resent_at = ?, resent_by = ? "
                             "WHERE id = ? AND state = 'rejected'"),
              {HallClock(m_store).nowUtc().toString(Qt::ISODate), actor.supervisorId, seq});
    AuditEntry entry = auditEntry("sync.event_resend", event, session, actor);
    entry.details.insert(QStringLiteral("note"), note.simplified());
    entry.details.insert(QStringLiteral("resent_count"), event.resentCount + 1);
    AuditLog::append(db, entry);
    transaction.commit();
}

void RejectedEvents::markReviewed(qint64 seq, const QString& note, const Session& session,
                                  const std::optional<Operator>& approver)
{
    const QString trimmed = note.simplified();
    if (trimmed.isEmpty()) {
        throw StoreError(tr("A review needs a note: what was found, and what was done about it."));
    }
    QSqlDatabase db = m_store.connection();
    Sql::Transaction transaction(db);
    const Actor actor = authorise(db, session, approver);
    const RejectedEvent event = requireRejected(db, seq);
    if (event.reviewed()) {
        throw StoreError(tr("Event %1 was reviewed already, by %2 on %3.")
                             .arg(seq)
                             .arg(event.reviewerCode,
                                  event.reviewedAtUtc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    }
    Sql::exec(db,
              QStringLiteral("UPDATE outbox SET reviewed_at = ?, reviewed_by = ?, review_note = ? WHERE id = ? AND "
                             "state = 'rejected'"),
              {HallClock(m_store).nowUtc().toString(Qt::ISODate), actor.supervisorId, trimmed, seq});
    AuditEntry entry = auditEntry("sync.event_review", event, session, actor);
    entry.details.insert(QStringLiteral("note"), trimmed);
    AuditLog::append(db, entry);
    transaction.commit();
}

QJsonObject RejectedEvents::toJson(const RejectedEvent& event)
{
    const RejectedObject& o = event.object;
    const auto money = [](QJsonObject& into, const char* name, Money amount) {
        into.insert(QLatin1String(name), amount.toString());
        into.insert(QLatin1String(name) + QStringLiteral("_fen"), amount.fen());
    };
    QJsonArray accounts;
    for (const EventAccount& account : o.accounts) {
        accounts.append(
            QJsonObject{{QStringLiteral("account_no"), account.accountNo}, {QStringLiteral("name"), account.name}});
    }
    QJsonArray tenders;
    for (const EventTender& tender : o.tenders) {
        QJsonObject line{{QStringLiteral("method"), tender.method}, {QStringLiteral("reference"), tender.reference}};
        money(line, "amount", tender.amount);
        line.insert(QStringLiteral("tendered_fen"), tender.tendered.fen());
        line.insert(QStringLiteral("change_fen"), tender.change.fen());
        tenders.append(line);
    }
    QJsonObject object{{QStringLiteral("business_date"),
                        o.businessDate.isValid() ? QJsonValue(o.businessDate.toString(Qt::ISODate)) : QJsonValue()},
                       {QStringLiteral("operator_code"), o.operatorCode},
                       {QStringLiteral("approver_code"), o.approverCode},
                       {QStringLiteral("payment_uuid"), o.paymentUuid},
                       {QStringLiteral("receipt_nos"), QJsonArray::fromStringList(o.receiptNos)},
                       {QStringLiteral("accounts"), accounts},
                       {QStringLiteral("tenders"), tenders},
                       {QStringLiteral("tendered_fen"), o.tendered.fen()},
                       {QStringLiteral("change_fen"), o.change.fen()},
                       {QStringLiteral("reason"), o.reason}};
    money(object, "amount", o.amount);
    if (o.prepaidAfter) {
        object.insert(QStringLiteral("prepaid_after_fen"), o.prepaidAfter->fen());
    }
    if (event.type == QLatin1String("settlement.closed")) {
        QJsonArray lines;
        for (const EventSettlementLine& line : o.lines) {
            lines.append(QJsonObject{{QStringLiteral("method"), line.method},
                                     {QStringLiteral("expected_fen"), line.expected.fen()},
                                     {QStringLiteral("counted_fen"), line.counted.fen()}});
        }
        object.insert(QStringLiteral("lines"), lines);
        money(object, "variance", o.variance);
        object.insert(QStringLiteral("payment_count"), o.paymentCount);
        object.insert(QStringLiteral("void_count"), o.voidCount);
        object.insert(QStringLiteral("refund_count"), o.refundCount);
        object.insert(QStringLiteral("first_receipt"), o.firstReceipt);
        object.insert(QStringLiteral("last_receipt"), o.lastReceipt);
    }
    return {{QStringLiteral("seq"), event.seq},
            {QStringLiteral("uuid"), event.uuid},
            {QStringLiteral("type"), event.type},
            {QStringLiteral("terminal_code"), event.terminalCode},
            {QStringLiteral("hall_code"), event.hallCode},
            {QStringLiteral("created_at"), utcText(event.createdAtUtc)},
            {QStringLiteral("pushed_at"), utcText(event.pushedAtUtc)},
            {QStringLiteral("reason"), event.reason},
            {QStringLiteral("reviewed"), event.reviewed()},
            {QStringLiteral("reviewed_at"), utcText(event.reviewedAtUtc)},
            {QStringLiteral("reviewed_by"), event.reviewed() ? QJsonValue(event.reviewerCode) : QJsonValue()},
            {QStringLiteral("review_note"), event.reviewNote},
            {QStringLiteral("resent_count"), event.resentCount},
            {QStringLiteral("object"), object},
            {QStringLiteral("payload"), event.payload}};
}

QString RejectedEvents::typeName(const QString& type)
{
    if (type == QLatin1String("payment.posted")) {
        return tr("Payment");
    }
    if (type == QLatin1String("payment.voided")) {
        return tr("Void");
    }
    if (type == QLatin1String("prepaid.refunded")) {
        return tr("Refund");
    }
    if (type == QLatin1String("settlement.closed")) {
        return tr("Settlement");
    }
    return type;
}

} // namespace HallDesk
