#pragma once

#include "app/auth/Operator.h"
#include "app/counter/Counter.h"
#include "ui/Services.h"

#include <QHash>
#include <QUuid>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace HallDesk {

class DueBillModel;
class ShiftPanel;
class TenderPanel;

// The payment counter, where a clerk spends the day. Type or scan a 户号 and Enter (more accounts: another 户号,
// or Ctrl+G for the whole payer group); the open bills of every loaded account appear oldest first with the late
// fee as of today, and the amount due in large type. Then, with the keyboard alone: F5 cash, F6 card, F7 QR, F8
// transfer; Enter takes the amount (prefilled with what is due), Enter takes the money handed over (prefilled with
// the amount) and the payment is taken once the tenders cover the due: F5 Enter Enter for exact cash. F9 takes a
// partial payment, Ctrl+E waives a late fee (supervisor), Ctrl+Shift+R refunds prepaid balance (supervisor),
// Ctrl+T shows today's payments (F11 void, Ctrl+P reprint), F12 settles the shift, Ctrl+N starts over, Esc clears
// the entry.
class CounterScreen final : public QWidget
{
    Q_OBJECT

public:
    CounterScreen(const Services& services, const Session& session, QWidget* parent = nullptr);
    ~CounterScreen() override;

    // Puts the cursor where the next thing is typed: the 户号 field, or the amount while a payment is under way.
    void activate();
    // Starts a new customer with these accounts loaded; false with the message shown when one cannot be loaded.
    bool loadAccounts(const QStringList& accountNos);
    // Adds one account to those loaded (a family member, a group); false with the message shown when refused.
    bool addAccount(const QString& accountNo);
    bool addPayerGroup();
    // Forgets the customer: no accounts, no tenders.
    void newCustomer();

    // Takes the payment with the tenders entered (and what is typed in the entry). False when refused.
    bool takePayment();
    // Waiver of the selected (or the first) bill's late fee, with a supervisor's approval.
    void waiveLateFee();
    // Pays out prepaid balance of a loaded account in cash, with a supervisor's approval.
    void refundPrepaid();
    void settleShift();
    void showTodaysPayments();

    const QStringList& accountNos() const { return m_accountNos; }
    const Dues& dues() const { return m_dues; }
    // What the customer has to pay now: the store's due with the waivers applied.
    Money amountDue() const;
    const std::optional<PaymentResult>& lastPayment() const { return m_lastPayment; }
    TenderPanel* tenderPanel() const { return m_tender; }
    ShiftPanel* shiftPanel() const { return m_shift; }

Q_SIGNALS:
    // The receipts to print: after a payment (preview false), or a reprint or preview from today's payments.
    void receiptsToPrint(const QStringList& receiptNos, bool preview);
    // The settlement report of a closed shift, to print.
    void settlementToPrint(const QUuid& settlementUuid);

private:
    QWidget* buildLeft();
    QWidget* buildRight();
    void buildActions();
    bool present(const QStringList& accountNos);
    void onAccountEnter();
    void refreshDue();
    void showMessage(const QString& text, const QString& role);
    void showAccounts();
    void reloadIfChanged();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    Services m_services;
    Session m_session;
    QStringList m_accountNos;
    Dues m_dues;
    QHash<qint64, Waiver> m_waivers; // billId → pending waiver, written with the payment
    QUuid m_paymentUuid; // one per payment, kept over retries so a double Enter never pays twice
    std::optional<PaymentResult> m_lastPayment;

    QLineEdit* m_account = nullptr;
    QPushButton* m_group = nullptr;
    QLabel* m_accounts = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_billsTitle = nullptr;
    DueBillModel* m_bills = nullptr;
    QTableView* m_billTable = nullptr;
    ShiftPanel* m_shift = nullptr;
    QLabel* m_dueCaption = nullptr;
    QLabel* m_due = nullptr;
    QLabel* m_dueBreakdown = nullptr;
    QPushButton* m_waive = nullptr;
    TenderPanel* m_tender = nullptr;
};

} // namespace HallDesk
