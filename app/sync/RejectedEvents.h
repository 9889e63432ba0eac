#pragma once

#include "app/auth/Operator.h"
#include "app/money/Money.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace HallDesk {

class Store;

// An account that a rejected event names, with the name this store knows (empty when the store does not have it).
struct EventAccount
{
    QString accountNo;
    QString name;
};

struct EventTender
{
    QString method; // cash, card, qr, transfer
    Money amount;
    Money tendered;
    Money change;
    QString reference;
};

// A line of the terminal's own allocation: a bill's principal and late fee, or a prepaid change (period empty).
struct EventAllocation
{
    QString accountNo;
    QString period;
    Money principal;
    Money lateFee;
    Money lateFeeWaived;
    int lateFeeDays = 0;
    Money prepaidDelta;
};

struct EventWaiver
{
    QString accountNo;
    QString period;
    Money computed;
    Money charged;
    QString reason;
    QString approverCode;
};

struct EventSettlementLine
{
    QString method;
    Money expected;
    Money counted;
};

// The business object of a rejected event, decoded from its payload (the fields CounterService writes):
// payment.posted the payment; payment.voided the void and the voided payment (its accounts and tenders from this
// store); prepaid.refunded the refund; settlement.closed the settlement. Other types keep only the common fields.
struct RejectedObject
{
    bool readable = true; // false: the payload is not a JSON object
    QDate businessDate;
    QString operatorCode;
    QString approverCode;
    QString paymentUuid; // the payment (or refund); for a void, the voided payment
    QStringList receiptNos; // for a void, the voided payment's receipts
    QList<EventAccount> accounts;
    Money amount; // paid, voided, refunded; for a settlement what the shift took (the sum of expected)
    Money tendered;
    Money change;
    QList<EventTender> tenders;
    QList<EventAllocation> allocations;
    QList<EventWaiver> waivers;
    QString reason; // of the void, the refund or a settlement's variance
    std::optional<Money> prepaidAfter; // refund
    // settlement.closed
    QList<EventSettlementLine> lines;
    Money variance;
    int paymentCount = 0;
    int voidCount = 0;
    int refundCount = 0;
    QString firstReceipt;
    QString lastReceipt;
};

// One outbox event that the centre rejected, with the centre's reason and what a supervisor did about it.
struct RejectedEvent
{
    qint64 seq = 0; // outbox.id, the terminal's local sequence
    QString uuid;
    QString type; // payment.posted, payment.voided, settlement.closed, prepaid.refunded, …
    QString terminalCode;
    QString hallCode;
    QDateTime createdAtUtc;
    QDateTime pushedAtUtc; // when the centre answered
    QString reason; // the centre's
    QDateTime reviewedAtUtc; // invalid: open
    QString reviewerCode;
    QString reviewerName;
    QString reviewNote;
    int resentCount = 0; // how often it was sent again (and rejected again)
    RejectedObject object;
    QJsonObject payload; // as written by the counter

    bool reviewed() const { return reviewedAtUtc.isValid(); }
};

// The events the centre rejected (outbox rows in state 'rejected'), for the supervisor's screen and `halldeskctl
// sync rejected`. Nothing rejected is dropped: a supervisor either sends it again once the centre was corrected
// (the centre re-evaluates the same uuid and resolves its rejection when it accepts it), or marks it reviewed with
// a note. Both need the supervisor role, or a supervisor's second credential, and each is one local transaction
// with its audit entry. Bad input throws StoreError with a message for the person and writes nothing.
class RejectedEvents final
{
    Q_DECLARE_TR_FUNCTIONS(RejectedEvents)

public:
    enum class Scope
    {
        Open, // not reviewed
        All, // reviewed ones too
    };

    explicit RejectedEvents(Store& store);

    // Newest first.
    QList<RejectedEvent> list(Scope scope = Scope::Open);
    // One rejected event by its local sequence; nullopt when there is no such rejected event.
    std::optional<RejectedEvent> find(qint64 seq);
    qint64 openCount();

    // Puts the event back to 'pending' so the next sync round pushes it again, and clears any review. The actor is
    // the session's operator when they hold the supervisor role, else `approver` (another person, a supervisor, whose
    // credential the caller checked). `note` (optional) goes into the audit entry.
    void sendAgain(qint64 seq, const Session& session, const std::optional<Operator>& approver = std::nullopt,
                   const QString& note = {});
    // Keeps the event rejected and takes it off the open list; `note` is required. The reviewer is the supervisor:
    // the session's operator or the approver.
    void markReviewed(qint64 seq, const QString& note, const Session& session,
                      const std::optional<Operator>& approver = std::nullopt);

    // The event as halldeskctl prints it: stable field names, money as "87.00" plus integer fen.
    static QJsonObject toJson(const RejectedEvent& event);
    // "Payment", "Void", … in the user's language; the type itself when unknown.
    static QString typeName(const QString& type);

private:
    Store& m_store;
};

} // namespace HallDesk
