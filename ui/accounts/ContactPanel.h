#pragma once

#include "app/accounts/Account.h"
#include "app/auth/Operator.h"

#include <QWidget>
#include <memory>

class QFormLayout;
class QLabel;
class QPushButton;

namespace HallDesk {

class AccountService;
class IdCardCheck;
class Store;

// The account's contact card and ID number. Clerks and collectors see phone and ID numbers masked until they press
// Show, which the audit log records; Edit opens the contact dialog (which shows the full numbers, so it counts as
// revealing them too). A banner asks the clerk to check contact data that is over a year old. "Check ID card…"
// compares a presented card with the account at the centre (offline: with the masked digits the cache keeps).
class ContactPanel final : public QWidget
{
    Q_OBJECT

public:
    ContactPanel(AccountService& accounts, const Session& session, QWidget* parent = nullptr);
    ~ContactPanel() override;

    // Shows "Check ID card…", asking the centre at serverUrl (empty: the store's sync server).
    void enableIdCardCheck(Store& store, const QString& serverUrl = {});
    void showAccount(const AccountDetail& account);

Q_SIGNALS:
    // The contact card was saved; the account should be loaded again.
    void contactChanged();

private:
    void refresh();
    bool reveal();
    void edit();
    void checkIdCard();
    QLabel* addRow(QFormLayout* form, const QString& caption, const QString& objectName);

    AccountService& m_accounts;
    Session m_session;
    QString m_accountNo;
    QString m_name;
    QString m_idCardNo;
    ContactCard m_card;
    bool m_stale = false;
    bool m_revealed = false;

    QLabel* m_staleBanner = nullptr;
    QLabel* m_mobile = nullptr;
    QLabel* m_phone = nullptr;
    QLabel* m_wechat = nullptr;
    QLabel* m_email = nullptr;
    QLabel* m_idCard = nullptr;
    QLabel* m_updated = nullptr;
    QPushButton* m_show = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_checkId = nullptr;
    std::unique_ptr<IdCardCheck> m_idCheck;
    bool m_checking = false;
};

} // namespace HallDesk
