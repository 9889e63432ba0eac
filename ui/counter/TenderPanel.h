#pragma once

#include "app/counter/Counter.h"

#include <QWidget>

class QAbstractButton;
class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace HallDesk {

// How the customer pays: the method (cash F5, card F6, QR F7, transfer F8), the amount (prefilled with what is
// still due), for cash the money handed over with the change shown large, for the others the reference, and the
// tender lines of a split payment with what remains. Amounts are parsed with Money::parse; a problem shows in red
// under the fields and nothing is added.
//
// Enter moves from the amount to the tendered money (cash) or the reference; Enter there adds the line, and when
// the lines cover what is due the panel asks for the payment to be taken (paymentRequested). A partial payment is
// taken with F9.
class TenderPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit TenderPanel(QWidget* parent = nullptr);

    // A new payment: what is due, how many accounts (the receipt mode matters for more than one).
    void start(Money due, int accountCount);
    // Clears the lines and the entry and disables the panel (no accounts loaded).
    void clear();
    // What is due changed (a waiver); the lines stay.
    void setDue(Money due);

    // Chooses the method and puts the cursor in the amount, prefilled with what remains.
    void selectMethod(TenderMethod method);
    TenderMethod method() const { return m_method; }

    // Adds what is typed in the entry as a line, if anything is. False (with the message shown) on bad input.
    bool takeEntry();
    // Adds a line directly (the screenshot's start state); false with the message shown when it is refused.
    bool addTender(const Tender& tender);
    // Types the cash handed over for the cash entry and puts the cursor there (the screenshot's start state).
    void setTendered(const QString& text);
    // Removes the selected tender line, or the last one when none is selected.
    void removeSelectedLine();

    const QList<Tender>& tenders() const { return m_tenders; }
    Money paid() const; // the lines' amounts
    Money remaining() const; // due minus paid, not below zero
    Money change() const; // the lines' change
    ReceiptMode receiptMode() const;
    void toggleReceiptMode();

    bool hasEntry() const;
    // Empties the amount, tendered and reference fields.
    void clearEntry();
    void showError(const QString& message);
    // After a payment: the change to hand back, large, until the next customer.
    void showResultChange(Money change);

Q_SIGNALS:
    void paymentRequested();
    void changed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onAmountEnter();
    void onTenderedEnter();
    void onReferenceEnter();
    void addAndMaybePay();
    std::optional<Tender> readEntry(QLineEdit** problemField);
    void updateEntryFields();
    void updateTotals();
    void refreshLines();

    Money m_due;
    TenderMethod m_method = TenderMethod::Cash;
    QList<Tender> m_tenders;

    QButtonGroup* m_methods = nullptr;
    QLineEdit* m_amount = nullptr;
    QLabel* m_tenderedLabel = nullptr;
    QLineEdit* m_tendered = nullptr;
    QLabel* m_referenceLabel = nullptr;
    QLineEdit* m_reference = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_changeCaption = nullptr;
    QLabel* m_change = nullptr;
    QTableWidget* m_lines = nullptr;
    QLabel* m_paid = nullptr;
    QLabel* m_remaining = nullptr;
    QLabel* m_receiptModeLabel = nullptr;
    QComboBox* m_receiptMode = nullptr;
    QPushButton* m_pay = nullptr;
};

} // namespace HallDesk
