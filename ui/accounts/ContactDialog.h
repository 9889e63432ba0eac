#pragma once

#include "app/accounts/Account.h"
#include "app/auth/Operator.h"

#include <QDialog>
#include <memory>

namespace Ui {
class ContactDialog;
}

namespace HallDesk {

class AccountService;

// Edits an account's contact card and saves it in one step through AccountService::updateContact (validated and
// audited there). A refused value leaves the dialog open with the service's message; nothing is saved.
class ContactDialog final : public QDialog
{
    Q_OBJECT

public:
    ContactDialog(AccountService& accounts, const Session& session, const QString& accountNo, const QString& name,
                  const ContactCard& card, QWidget* parent = nullptr);
    ~ContactDialog() override;
    Q_DISABLE_COPY_MOVE(ContactDialog)

    // The card as the person has typed it.
    ContactCard card() const;

public Q_SLOTS:
    void accept() override;

private:
    void showMessage(const QString& message);

    std::unique_ptr<Ui::ContactDialog> m_ui;
    AccountService& m_accounts;
    Session m_session;
    QString m_accountNo;
};

} // namespace HallDesk
