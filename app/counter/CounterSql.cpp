#include "app/counter/CounterSql.h"

#include "db/Sql.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>

namespace HallDesk::CounterSql {

namespace {

constexpr int kDefaultReceiptDigits = 8;

} // namespace

QString dateText(QDate date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QDate dateFromText(const QVariant& value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

QString jsonText(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonFromText(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

qint64 terminalId(const QSqlDatabase& db, const Workplace& workplace)
{
    const QVariant id = Sql::scalar(
        db,
        QStringLiteral("SELECT t.id FROM terminals t JOIN halls h ON h.id = t.hall_id WHERE h.code = ? AND t.code = ?"),
        {workplace.hallCode, workplace.terminalCode});
    if (!id.isValid()) {
        throw StoreError(QCoreApplication::translate(
                             "CounterService",
                             "This store is not set up for a hall and terminal (%1 %2): run halldeskctl init first.")
                             .arg(workplace.hallCode, workplace.terminalCode));
    }
    return id.toLongLong();
}

Shift shift(const QSqlDatabase& db, qint64 operatorId, qint64 terminalId, QDate on, const QString& openedAt)
{
    const QString day = dateText(on);
    QSqlQuery row = Sql::exec(
        db,
        QStringLiteral("SELECT id, settled_at IS NOT NULL FROM shifts WHERE operator_id = ? AND terminal_id = ? "
                       "AND business_date = ?"),
        {operatorId, terminalId, day});
    if (row.next()) {
        return {row.value(0).toLongLong(), row.value(1).toBool()};
    }
    if (openedAt.isEmpty()) {
        return {};
    }
    // A shift opens with the first thing its clerk does on the day (docs/counter.md).
    QSqlQuery insert = Sql::exec(
        db,
        QStringLiteral("INSERT INTO shifts (operator_id, terminal_id, business_date, opened_at) VALUES (?, ?, ?, ?)"),
        {operatorId, terminalId, day, openedAt});
    return {insert.lastInsertId().toLongLong(), false};
}

void requireOpen(const Shift& shift, QDate on)
{
    if (shift.settled) {
        throw StoreError(
            QCoreApplication::translate(
                "CounterService", "Your shift of %1 is settled (日结): it takes no more payments, voids or refunds.")
                .arg(dateText(on)));
    }
}

void requireClerk(const QSqlDatabase& db, const Session& session)
{
    const QVariant clerk = Sql::scalar(
        db,
        QStringLiteral("SELECT o.active AND EXISTS (SELECT 1 FROM operator_roles r WHERE r.operator_id = o.id AND "
                       "r.role = 'clerk') FROM operators o WHERE o.id = ?"),
        {session.op.id});
    if (!clerk.toBool()) {
        throw StoreError(
            QCoreApplication::translate(
                "CounterService", "%1 does not hold the counter clerk role: only a clerk takes or pays out money.")
                .arg(session.op.code));
    }
}

QString requireApprover(const QSqlDatabase& db, qint64 approverId, const Session& session)
{
    if (approverId <= 0) {
        throw StoreError(QCoreApplication::translate(
            "CounterService", "This needs a supervisor's approval: the supervisor signs in with their own code."));
    }
    QSqlQuery row = Sql::exec(
        db,
        QStringLiteral("SELECT code, active, EXISTS (SELECT 1 FROM operator_roles r WHERE r.operator_id = o.id "
                       "AND r.role = 'supervisor') FROM operators o WHERE id = ?"),
        {approverId});
    if (!row.next()) {
        throw StoreError(QCoreApplication::translate("CounterService", "The approving operator does not exist."));
    }
    const QString code = row.value(0).toString();
    if (!row.value(1).toBool()) {
        throw StoreError(QCoreApplication::translate("CounterService", "%1 is disabled and cannot approve.").arg(code));
    }
    if (!row.value(2).toBool()) {
        throw StoreError(
            QCoreApplication::translate("CounterService", "%1 is not a supervisor: only a supervisor can approve this.")
                .arg(code));
    }
    if (approverId == session.op.id) {
        throw StoreError(QCoreApplication::translate(
            "CounterService", "You cannot approve your own request: another person, a supervisor, has to approve it."));
    }
    return code;
}

ReceiptNumber takeReceiptNumber(const QSqlDatabase& db, qint64 terminalId, const Workplace& workplace)
{
    Sql::exec(db, QStringLiteral("INSERT OR IGNORE INTO receipt_series (terminal_id, next_seq) VALUES (?, 1)"),
              {terminalId});
    const qint64 seq
        = Sql::scalar(db, QStringLiteral("SELECT next_seq FROM receipt_series WHERE terminal_id = ?"), {terminalId})
              .toLongLong();
    Sql::exec(db, QStringLiteral("UPDATE receipt_series SET next_seq = next_seq + 1 WHERE terminal_id = ?"),
              {terminalId});
    bool ok = false;
    int digits = Sql::scalar(db, QStringLiteral("SELECT value FROM settings WHERE key = 'counter.receipt_digits'"))
                     .toString()
                     .toInt(&ok);
    if (!ok || digits < 1 || digits > 18) {
        digits = kDefaultReceiptDigits;
    }
    return {seq,
            QStringLiteral("%1%2-%3")
                .arg(workplace.hallCode, workplace.terminalCode)
                .arg(seq, digits, 10, QLatin1Char('0'))};
}

void appendOutbox(const QSqlDatabase& db, const QUuid& uuid, const QString& type, const Workplace& workplace,
                  const QJsonObject& payload, const QString& createdAt)
{
    Sql::exec(db,
              QStringLiteral("INSERT INTO outbox (uuid, type, terminal_code, hall_code, payload, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)"),
              {uuid.toString(QUuid::WithoutBraces), type, workplace.terminalCode, workplace.hallCode, jsonText(payload),
               createdAt});
}

void movePrepaid(const QSqlDatabase& db, qint64 accountId, Money delta, Money balanceAfter,
                 std::optional<qint64> paymentId, std::optional<qint64> voidId, const QString& note,
                 const QString& createdAt)
{
    const QVariant noId(QMetaType::fromType<qint64>());
    Sql::exec(db,
              QStringLiteral("INSERT INTO prepaid_ledger (account_id, payment_id, void_id, delta_fen, balance_after, "
                             "created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)"),
              {accountId, paymentId ? QVariant(*paymentId) : noId, voidId ? QVariant(*voidId) : noId, delta.fen(),
               balanceAfter.fen(), createdAt, note});
    Sql::exec(db, QStringLiteral("UPDATE accounts SET prepaid_fen = ?, updated_at = ? WHERE id = ?"),
              {balanceAfter.fen(), createdAt, accountId});
}

} // namespace HallDesk::CounterSql
