#pragma once

#include "app/auth/Operator.h"
#include "app/counter/Counter.h"

#include <QJsonObject>
#include <QSqlDatabase>

// What CounterService's source files share: small store helpers, all called inside the caller's transaction.
namespace HallDesk::CounterSql {

QString dateText(QDate date);
QDate dateFromText(const QVariant& value);
QString jsonText(const QJsonObject& object);
QJsonObject jsonFromText(const QString& text);

// The id of the session's terminal; StoreError when the store is not configured for it.
qint64 terminalId(const QSqlDatabase& db, const Workplace& workplace);

struct Shift
{
    qint64 id = 0;
    bool settled = false;
};
// The operator's shift at the terminal on `on`. When there is none: opened at `openedAt` if that is given, otherwise
// id 0.
Shift shift(const QSqlDatabase& db, qint64 operatorId, qint64 terminalId, QDate on, const QString& openedAt);
// Refuses work on a settled shift with a message for the clerk.
void requireOpen(const Shift& shift, QDate on);

// Money moves only through a clerk's drawer: the session's operator must be active and hold the clerk role (checked
// against the store, where roles are data). A supervisor may hold the clerk role too.
void requireClerk(const QSqlDatabase& db, const Session& session);

// A second credential's holder, checked again against the store: exists, active, supervisor, not the clerk.
// Returns the approver's code.
QString requireApprover(const QSqlDatabase& db, qint64 approverId, const Session& session);

// Takes the terminal's next receipt number and advances the series.
struct ReceiptNumber
{
    qint64 seq = 0;
    QString receiptNo;
};
ReceiptNumber takeReceiptNumber(const QSqlDatabase& db, qint64 terminalId, const Workplace& workplace);

// Appends an event to the outbox (its UUID is the record's own, so a second push is a duplicate at the centre).
void appendOutbox(const QSqlDatabase& db, const QUuid& uuid, const QString& type, const Workplace& workplace,
                  const QJsonObject& payload, const QString& createdAt);

// Appends a prepaid ledger line and sets accounts.prepaid_fen to its balance_after.
void movePrepaid(const QSqlDatabase& db, qint64 accountId, Money delta, Money balanceAfter,
                 std::optional<qint64> paymentId, std::optional<qint64> voidId, const QString& note,
                 const QString& createdAt);

} // namespace HallDesk::CounterSql
