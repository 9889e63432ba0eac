// The counter's actions that need a supervisor's second credential (a late-fee waiver, a refund of prepaid
// balance) and the daily settlement.
#include "app/counter/CounterService.h"
#include "db/StoreError.h"
#include "ui/counter/ApprovalDialog.h"
#include "ui/counter/CounterScreen.h"
#include "ui/counter/DueBillModel.h"
#include "ui/counter/SettlementDialog.h"
#include "ui/counter/ShiftPanel.h"
#include "ui/counter/TenderPanel.h"

#include <QLabel>
#include <QLineEdit>
#include <QTableView>

namespace HallDesk {

void CounterScreen::waiveLateFee()
{
    const DueBillModel::Row* row = m_bills->rowAt(m_billTable->currentIndex().row());
    if (!row || row->bill.lateFee.fee.isZero()) {
        row = nullptr;
        for (int i = 0; i < m_bills->rowCount() && !row; ++i) {
            if (!m_bills->rowAt(i)->bill.lateFee.fee.isZero()) {
                row = m_bills->rowAt(i);
            }
        }
    }
    if (!row) {
        showMessage(tr("No loaded bill carries a late fee today."), QStringLiteral("hint"));
        return;
    }
    const DueBill bill = row->bill;
    const QString accountNo = row->accountNo;
    auto* charged = new QLineEdit;
    charged->setObjectName(QStringLiteral("waiverCharged"));
    charged->setText(Money().toString());
    charged->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    ApprovalDialog dialog(
        m_services.auth, m_session, tr("Waive a late fee (违约金减免)"),
        tr("Account %1, bill %2 (due %3): the late fee today is %4 for %5 overdue days. Enter the "
           "fee still to be charged (0.00 waives it in full).")
            .arg(accountNo, bill.period, bill.dueDate.toString(Qt::ISODate), bill.lateFee.fee.toCurrencyString())
            .arg(bill.lateFee.days),
        this);
    dialog.setObjectName(QStringLiteral("waiverDialog"));
    dialog.addRow(tr("&Late fee charged"), charged);
    charged->selectAll();
    std::optional<Money> amount;
    dialog.setCheck([&]() -> std::optional<QString> {
        QString error;
        amount = Money::parse(charged->text(), &error);
        if (!amount) {
            charged->setFocus(Qt::OtherFocusReason);
            return error;
        }
        if (*amount >= bill.lateFee.fee) {
            charged->setFocus(Qt::OtherFocusReason);
            return tr("The fee charged must be less than the computed fee %1.")
                .arg(bill.lateFee.fee.toCurrencyString());
        }
        return std::nullopt;
    });
    if (dialog.exec() != QDialog::Accepted || !dialog.approver() || !amount) {
        return;
    }
    m_waivers.insert(bill.billId, Waiver{bill.billId, *amount, dialog.reason(), dialog.approver()->id});
    QHash<qint64, Money> charges;
    for (const Waiver& waiver : std::as_const(m_waivers)) {
        charges.insert(waiver.billId, waiver.charged);
    }
    m_bills->setWaivers(charges);
    refreshDue();
    showMessage(tr("Late fee of %1 %2 reduced from %3 to %4, approved by %5. It is written with the payment.")
                    .arg(accountNo, bill.period, bill.lateFee.fee.toCurrencyString(), amount->toCurrencyString(),
                         dialog.approver()->name),
                QStringLiteral("banner"));
    m_tender->selectMethod(m_tender->method());
}

void CounterScreen::refundPrepaid()
{
    const DueAccount* account = nullptr;
    for (const DueAccount& candidate : std::as_const(m_dues.accounts)) {
        if (!candidate.prepaid.isZero() && !account) {
            account = &candidate;
        }
    }
    if (!account) {
        showMessage(tr("No loaded account has a prepaid balance to refund."), QStringLiteral("hint"));
        return;
    }
    if (!m_tender->tenders().isEmpty()) {
        showMessage(tr("Finish or clear (Ctrl+N) the payment under way before a refund."), QStringLiteral("error"));
        return;
    }
    const QString accountNo = account->accountNo;
    const Money balance = account->prepaid;
    auto* amountEdit = new QLineEdit;
    amountEdit->setObjectName(QStringLiteral("refundAmount"));
    amountEdit->setText(balance.toString());
    amountEdit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    ApprovalDialog dialog(m_services.auth, m_session, tr("Refund prepaid balance"),
                          tr("Account %1 (%2) has a prepaid balance of %3. The refund is paid out in cash from the "
                             "drawer and takes a receipt number.")
                              .arg(accountNo, account->name, balance.toCurrencyString()),
                          this);
    dialog.setObjectName(QStringLiteral("refundDialog"));
    dialog.addRow(tr("&Amount to pay out"), amountEdit);
    amountEdit->selectAll();
    std::optional<Money> amount;
    dialog.setCheck([&]() -> std::optional<QString> {
        QString error;
        amount = Money::parse(amountEdit->text(), &error);
        if (!amount) {
            return error;
        }
        if (amount->isZero() || *amount > balance) {
            return tr("The refund must be more than zero and at most the balance %1.").arg(balance.toCurrencyString());
        }
        return std::nullopt;
    });
    std::optional<RefundResult> result;
    dialog.setAction([&](const Operator& approver, const QString& reason) -> std::optional<QString> {
        try {
            result = m_services.counter.refundPrepaid(accountNo, *amount, reason, approver, m_session);
            return std::nullopt;
        } catch (const StoreError& error) {
            return error.message();
        }
    });
    if (dialog.exec() != QDialog::Accepted || !result) {
        return;
    }
    present(m_accountNos);
    m_shift->reload();
    showMessage(tr("Refunded %1 from the prepaid balance of %2 — receipt %3. Pay it out from the drawer; the balance "
                   "is now %4.")
                    .arg(result->amount.toCurrencyString(), result->accountNo, result->receiptNo,
                         result->prepaidAfter.toCurrencyString()),
                QStringLiteral("success"));
    Q_EMIT receiptsToPrint({result->receiptNo}, false);
}

void CounterScreen::settleShift()
{
    if (!m_tender->tenders().isEmpty()) {
        showMessage(tr("Finish or clear (Ctrl+N) the payment under way before settling."), QStringLiteral("error"));
        return;
    }
    SettlementDialog dialog(m_services, m_session, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.settlement()) {
        m_shift->reload();
        return;
    }
    const SettlementData& data = *dialog.settlement();
    m_shift->reload();
    showMessage(
        tr("Shift settled: %n payment(s), variance %1. This shift takes no more payments.", nullptr, data.paymentCount)
            .arg(data.variance().toCurrencyString()),
        QStringLiteral("banner"));
    Q_EMIT settlementToPrint(data.uuid);
}

} // namespace HallDesk
