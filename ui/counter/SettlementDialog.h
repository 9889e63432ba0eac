#pragma once

#include "app/auth/Operator.h"
#include "app/counter/Counter.h"
#include "ui/Services.h"

#include <QDialog>
#include <QUuid>

class QCheckBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace HallDesk {

// The daily settlement (日结) of the clerk's shift: the cash counted by denomination (the setting
// counter.cash_denominations_fen) with live totals, the card, QR and transfer totals typed from the terminals'
// slips, and expected against counted per tender with the difference. With a blind count the expected totals
// stay hidden until the count is submitted, and the count cannot change after. A difference needs a supervisor's
// approval and a reason; then the shift closes and its report is printed.
class SettlementDialog final : public QDialog
{
    Q_OBJECT

public:
    SettlementDialog(const Services& services, const Session& session, QWidget* parent = nullptr);

    // The settlement written, once accepted.
    const std::optional<SettlementData>& settlement() const { return m_settlement; }
    Money countedCash() const;

public Q_SLOTS:
    void accept() override;

private:
    void buildCashCount(QGridLayout* grid);
    void buildComparison(QGridLayout* grid);
    void updateTotals();
    bool readCounted(QList<QPair<TenderMethod, Money>>* counted);
    bool settle(const QList<QPair<TenderMethod, Money>>& counted, const std::optional<Operator>& approver,
                const QString& reason, QString* error);
    void showMessage(const QString& message, const QString& role = QStringLiteral("error"));
    bool showsExpected() const;

    Services m_services;
    Session m_session;
    ShiftTotals m_totals;
    QUuid m_uuid; // one settlement attempt, kept over retries
    QList<qint64> m_denominations; // fen
    QList<QSpinBox*> m_counts;
    QList<QLabel*> m_countTotals;
    QLabel* m_cashTotal = nullptr;
    QCheckBox* m_blind = nullptr;
    struct Line
    {
        TenderMethod method;
        QLineEdit* counted = nullptr; // unset for cash
        QLabel* cashCounted = nullptr;
        QLabel* expected = nullptr;
        QLabel* difference = nullptr;
    };
    QList<Line> m_lines;
    QLabel* m_expectedHeader = nullptr;
    QLabel* m_differenceHeader = nullptr;
    QLabel* m_totalCaption = nullptr;
    QLabel* m_totalDifference = nullptr;
    QLabel* m_blindHint = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_submit = nullptr;
    bool m_submitted = false;
    std::optional<SettlementData> m_settlement;
};

} // namespace HallDesk
