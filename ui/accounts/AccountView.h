#pragma once

#include "app/accounts/Account.h"
#include "app/auth/Operator.h"

#include <QWidget>
#include <optional>

class QLabel;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace HallDesk {

class AccountHeader;
class AccountService;
class BillTableModel;
class ContactPanel;
class Store;
class PayerGroupPanel;

// One account's whole picture: the header with the total due today, and tabs for open bills, recent bills,
// contacts and the payer group. Esc (or Alt+Left in the main window) goes back to the lookup.
class AccountView final : public QWidget
{
    Q_OBJECT

public:
    AccountView(AccountService& accounts, const Session& session, QWidget* parent = nullptr);

    // Loads the account as of today's business date and shows it. For an unknown 户号 or a failure, nothing
    // changes, *error gets a message for the person and the result is false.
    bool showAccount(const QString& accountNo, QString* error = nullptr);
    // Loads the shown account again (after a change).
    void reload();
    // The contact tab's "Check ID card…", asking the centre at serverUrl (empty: the store's sync server).
    void enableIdCardCheck(Store& store, const QString& serverUrl = {});

    // The account shown, if any.
    const std::optional<AccountDetail>& account() const { return m_account; }

Q_SIGNALS:
    void backRequested();
    // The clerk wants to take a payment for the account shown.
    void payRequested(const QString& accountNo);
    // Another account was opened from inside the view (a payer group member).
    void accountShown(const QString& accountNo);

private:
    QWidget* buildBillsTab(BillTableModel* model, QLabel* summary, const QString& objectName);
    void present(const AccountDetail& account);
    void openFromGroup(const QString& accountNo);

    AccountService& m_accounts;
    std::optional<AccountDetail> m_account;

    QStackedWidget* m_pages = nullptr;
    AccountHeader* m_header = nullptr;
    QTabWidget* m_tabs = nullptr;
    BillTableModel* m_openBills = nullptr;
    BillTableModel* m_recentBills = nullptr;
    QLabel* m_openSummary = nullptr;
    QLabel* m_recentSummary = nullptr;
    ContactPanel* m_contacts = nullptr;
    PayerGroupPanel* m_group = nullptr;
};

} // namespace HallDesk
