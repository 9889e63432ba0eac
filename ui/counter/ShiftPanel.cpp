#include "ui/counter/ShiftPanel.h"

#include "app/clock/HallClock.h"
#include "app/counter/CounterService.h"
#include "db/StoreError.h"
#include "ui/common/Tables.h"
#include "ui/common/Theme.h"
#include "ui/counter/ApprovalDialog.h"
#include "ui/counter/ShiftPaymentModel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace HallDesk {

ShiftPanel::ShiftPanel(const Services& services, const Session& session, QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_session(session)
    , m_model(new ShiftPaymentModel(services.counter, hallTimeZone(services.store), this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_void(new QPushButton(tr("Void…  F11"), this))
    , m_reprint(new QPushButton(tr("Reprint  Ctrl+P"), this))
{
    m_table->setObjectName(QStringLiteral("shiftPayments"));
    m_table->setModel(m_model);
    setUpListTable(m_table);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ShiftPanel::updateButtons);

    m_summary->setObjectName(QStringLiteral("shiftSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    Theme::setRole(m_summary, QStringLiteral("hint"));
    m_void->setObjectName(QStringLiteral("voidPayment"));
    m_reprint->setObjectName(QStringLiteral("reprintReceipt"));
    for (QPushButton* button : {m_void, m_reprint}) {
        button->setFocusPolicy(Qt::NoFocus);
    }
    m_reprint->setToolTip(tr("Prints the selected payment's receipt again, marked 重打 (Ctrl+P; Ctrl+Shift+P shows a "
                             "print preview)"));
    m_void->setToolTip(tr("Voids (冲正) the selected payment of today, with a supervisor's approval (F11)"));
    // The totals give way when the screen is narrow; the buttons do not.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 6);
    connect(m_void, &QPushButton::clicked, this, &ShiftPanel::voidSelected);
    connect(m_reprint, &QPushButton::clicked, this, [this] { reprintSelected(false); });

    m_title = new QLabel(tr("Today's payments"), this);
    m_title->setToolTip(tr("Ctrl+T moves into the list"));
    Theme::setRole(m_title, QStringLiteral("section"));
    m_titleRow = new QHBoxLayout;
    m_titleRow->setSpacing(8);
    m_titleRow->addWidget(m_title);
    m_titleRow->addSpacing(8);
    m_titleRow->addWidget(m_summary, 1);
    m_titleRow->addWidget(m_reprint);
    m_titleRow->addWidget(m_void);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->setSpacing(8);
    layout->addLayout(m_titleRow);
    layout->addWidget(m_table, 1);
    updateButtons();
}

void ShiftPanel::addButton(QPushButton* button)
{
    m_titleRow->addWidget(button);
}

void ShiftPanel::reload()
{
    const int row = m_table->currentIndex().row();
    try {
        const ShiftTotals totals = m_services.counter.shiftTotals(m_session);
        m_model->load(totals.shiftId);
        m_title->setText(totals.paymentCount == 0 ? tr("Today's payments")
                                                  : tr("Today's payments (%1)").arg(totals.paymentCount));
        QString text = totals.paymentCount == 0 && totals.voidCount == 0 && totals.refundCount == 0
            ? tr("None yet.")
            : tr("%1 in all").arg(totals.expectedTotal().toCurrencyString());
        if (totals.voidCount > 0) {
            text += tr(" · %n voided", nullptr, totals.voidCount);
        }
        if (totals.settled) {
            text += tr(" · settled, no more payments on this shift");
        }
        m_summary->setText(text);
        m_summary->setToolTip(text);
    } catch (const StoreError& error) {
        m_summary->setText(error.message());
    }
    if (row >= 0 && row < m_model->rowCount()) {
        m_table->selectRow(row);
    }
    updateButtons();
}

void ShiftPanel::selectReceipt(const QString& receiptNo)
{
    const int row = m_model->rowOfReceipt(receiptNo);
    if (row >= 0) {
        m_table->selectRow(row);
    }
}

QStringList ShiftPanel::selectedReceipts() const
{
    // With none selected, the newest payment (the first row): the one the customer at the counter just made.
    const int row = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : 0;
    const ShiftPayment* payment = m_model->paymentAt(row);
    return payment ? payment->receiptNos : QStringList();
}

void ShiftPanel::updateButtons()
{
    const ShiftPayment* payment = m_model->paymentAt(m_table->currentIndex().row());
    m_void->setEnabled(payment && !payment->voided && payment->kind == QLatin1String("payment"));
    m_reprint->setEnabled(!selectedReceipts().isEmpty()); // the selected payment's, else the newest
}

void ShiftPanel::voidSelected()
{
    const ShiftPayment* payment = m_model->paymentAt(m_table->currentIndex().row());
    if (!payment) {
        Q_EMIT problem(tr("Select the payment to void in today's payments (Ctrl+T)."));
        return;
    }
    if (payment->voided) {
        Q_EMIT problem(tr("Receipt %1 is voided already.").arg(payment->receiptNos.value(0)));
        return;
    }
    const QString receiptNo = payment->receiptNos.value(0);
    const QString question
        = tr("Void receipt %1 of %2 (account %3)? The bills and prepaid balances return to their state before the "
             "payment; the receipt stays on record, marked void. Hand the money back to the customer.")
              .arg(payment->receiptNos.join(QStringLiteral(", ")), payment->amount.toCurrencyString(),
                   payment->accountNos.join(QStringLiteral(", ")));
    ApprovalDialog dialog(m_services.auth, m_session, tr("Void a payment (冲正)"), question, this);
    dialog.setObjectName(QStringLiteral("voidDialog"));
    QString done;
    dialog.setAction([&](const Operator& approver, const QString& reason) -> std::optional<QString> {
        try {
            const VoidResult result = m_services.counter.voidPayment(receiptNo, reason, approver, m_session);
            done = tr("Voided receipt %1: %2 to hand back, approved by %3.")
                       .arg(result.receiptNos.join(QStringLiteral(", ")), result.amount.toCurrencyString(),
                            approver.name);
            return std::nullopt;
        } catch (const StoreError& error) {
            return error.message();
        }
    });
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    reload();
    Q_EMIT voided(done);
}

void ShiftPanel::reprintSelected(bool preview)
{
    const QStringList receipts = selectedReceipts();
    if (receipts.isEmpty()) {
        Q_EMIT problem(tr("No payment today yet whose receipt could be printed again."));
        return;
    }
    Q_EMIT receiptsToPrint(receipts, preview);
}

} // namespace HallDesk
