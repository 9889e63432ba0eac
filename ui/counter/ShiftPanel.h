#pragma once

#include "app/auth/Operator.h"
#include "ui/Services.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QTableView;

namespace HallDesk {

class ShiftPaymentModel;

// Today's payments of the clerk's shift, newest first, with Void (冲正, F11: a reason and a supervisor's second
// credential) and Reprint (Ctrl+P; Ctrl+Shift+P previews). The receipt printing itself happens where
// receiptsToPrint is handled (MainWindow).
class ShiftPanel final : public QWidget
{
    Q_OBJECT

public:
    ShiftPanel(const Services& services, const Session& session, QWidget* parent = nullptr);

    // Reads the shift's payments again; returns its totals line for the screen's header.
    void reload();
    ShiftPaymentModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    // Selects the payment of a receipt (after a payment, so Ctrl+P reprints it).
    void selectReceipt(const QString& receiptNo);

    // Adds a button to the panel's title row (the screen's Settle).
    void addButton(QPushButton* button);

    void voidSelected();
    void reprintSelected(bool preview);

Q_SIGNALS:
    void receiptsToPrint(const QStringList& receiptNos, bool preview);
    void voided(const QString& message);
    void problem(const QString& message);

private:
    QStringList selectedReceipts() const;
    void updateButtons();

    Services m_services;
    Session m_session;
    ShiftPaymentModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_summary = nullptr;
    QHBoxLayout* m_titleRow = nullptr;
    QPushButton* m_void = nullptr;
    QPushButton* m_reprint = nullptr;
};

} // namespace HallDesk
