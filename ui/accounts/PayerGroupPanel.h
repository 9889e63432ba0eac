#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace HallDesk {

class AccountSummaryModel;
struct AccountDetail;

// The payer group (集团户) the account belongs to: its name and the other accounts with their arrears. Enter or a
// double-click opens one of them.
class PayerGroupPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit PayerGroupPanel(QWidget* parent = nullptr);

    void showAccount(const AccountDetail& account);

Q_SIGNALS:
    void openAccount(const QString& accountNo);

private:
    QLabel* m_summary = nullptr;
    QTableView* m_table = nullptr;
    AccountSummaryModel* m_model = nullptr;
};

} // namespace HallDesk
