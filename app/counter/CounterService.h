#pragma once

#include "app/auth/Operator.h"
#include "app/clock/HallClock.h"
#include "app/counter/Counter.h"

#include <QCoreApplication>

namespace HallDesk {

class Store;

// The payment counter: what is due, taking payment, voids, prepaid refunds, the daily settlement, receipts and
// the store's money invariants. Every change is one SQLite transaction with its audit entry and outbox event.
// Bad input throws StoreError with a message for the person, in their language, and writes nothing.
//
// Allocation (the policy's allocation order, policy 1996: fee first): each account's own prepaid balance pays its
// bills first; then the tendered money pays bills oldest due date first across all loaded accounts (ties in
// the order the accounts were given), each bill's late fee before its principal; what is left becomes prepaid
// balance of the first account. Change is only ever the cash tendered above the cash tender's amount.
class CounterService final
{
    Q_DECLARE_TR_FUNCTIONS(CounterService)

public:
    explicit CounterService(Store& store, HallClock::Source now = HallClock::system());

    // Today's business date in the hall's time zone: the only day on which money moves (docs/counter.md).
    QDate businessDate();

    // The open bills, late fees and balances of the accounts as of `on` (default: today). Unknown 户号: StoreError.
    Dues dues(const QStringList& accountNos, QDate on = {});
    // The other accounts of the payer groups `accountNo` belongs to, in group order.
    QStringList groupAccounts(const QString& accountNo);

    // Takes a payment on `session`'s shift of today's business date. The operator must hold the clerk role.
    PaymentResult pay(const PaymentRequest& request, const Session& session);

    // Voids (冲正) a payment of today's business day before its shift is settled. Only the drawer that took it may
    // void it: the same operator, at the same terminal. `approver` must be another operator holding the supervisor
    // role (checked again here). Voids the whole payment, every receipt of it.
    VoidResult voidPayment(const QString& receiptNo, const QString& reason, const Operator& approver,
                           const Session& session);

    // Pays out (cash, from the clerk's drawer) part or all of an account's prepaid balance; supervisor-approved.
    RefundResult refundPrepaid(const QString& accountNo, Money amount, const QString& reason, const Operator& approver,
                               const Session& session);

    // What the session's shift of today took so far (expected per method).
    ShiftTotals shiftTotals(const Session& session);
    // The payments and refunds of a shift, newest first.
    QList<ShiftPayment> shiftPayments(qint64 shiftId);
    // Closes today's shift: no more payments, voids or refunds on it. A variance needs an approver and a reason.
    SettlementData settle(const SettlementRequest& request, const Session& session);
    SettlementData settlement(const QUuid& uuid);

    // The receipt as printed. Reading it does not count as an output; call recordOutput() once it was printed or
    // written (the next output is then a 重打 copy).
    ReceiptData receipt(const QString& receiptNo);
    void recordOutput(const QString& receiptNo, const Session* session = nullptr);

    // Verifies the store's money invariants.
    CheckReport check();

private:
    // A payment as recorded, read back inside the caller's transaction (a fresh payment and a replay answer alike).
    PaymentResult readPayment(qint64 paymentId);

    Store& m_store;
    HallClock m_clock;
};

} // namespace HallDesk
