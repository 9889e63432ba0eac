#pragma once

#include <QFrame>

class QGridLayout;
class QLabel;
class QPushButton;
class QToolButton;

namespace HallDesk {

class Badge;
struct AccountDetail;

// The top of the account view: 户号 and name large, class, status and risk as badges, address, where the account
// belongs (hall, transformer area, collector), meter, prepaid balance, and the total due today, prominent.
class AccountHeader final : public QFrame
{
    Q_OBJECT

public:
    explicit AccountHeader(QWidget* parent = nullptr);

    void showAccount(const AccountDetail& account);

Q_SIGNALS:
    void backRequested();
    void payRequested();

private:
    QLabel* addFact(QGridLayout* grid, int row, int column, const QString& caption);

    QToolButton* m_back = nullptr;
    QLabel* m_accountNo = nullptr;
    QLabel* m_name = nullptr;
    Badge* m_class = nullptr;
    Badge* m_status = nullptr;
    Badge* m_risk = nullptr;
    Badge* m_contacts = nullptr;
    QLabel* m_address = nullptr;
    QLabel* m_hall = nullptr;
    QLabel* m_area = nullptr;
    QLabel* m_collector = nullptr;
    QLabel* m_meter = nullptr;
    QLabel* m_prepaid = nullptr;
    QLabel* m_group = nullptr;
    QLabel* m_totalDue = nullptr;
    QLabel* m_breakdown = nullptr;
    QPushButton* m_pay = nullptr;
};

} // namespace HallDesk
