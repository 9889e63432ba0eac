#include "ui/accounts/ContactDialog.h"

#include "app/accounts/AccountService.h"
#include "db/StoreError.h"
#include "ui_ContactDialog.h"

#include <QLocale>
#include <QPushButton>

namespace HallDesk {

ContactDialog::ContactDialog(AccountService& accounts, const Session& session, const QString& accountNo,
                             const QString& name, const ContactCard& card, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ContactDialog>())
    , m_accounts(accounts)
    , m_session(session)
    , m_accountNo(accountNo)
{
    m_ui->setupUi(this);
    m_ui->accountLabel->setText(tr("Account %1 · %2").arg(accountNo, name));
    m_ui->mobileEdit->setText(card.mobile);
    m_ui->phoneEdit->setText(card.phone);
    m_ui->wechatEdit->setText(card.wechat);
    m_ui->emailEdit->setText(card.email);
    m_ui->updatedLabel->setText(card.updatedAt.isValid()
                                    ? tr("Last updated %1. Saving also confirms the data as current.")
                                          .arg(QLocale().toString(card.updatedAt.toLocalTime(), QLocale::ShortFormat))
                                    : tr("No contact data has been recorded yet."));
    m_ui->messageLabel->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setDefault(true);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ContactDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ContactDialog::reject);
    m_ui->mobileEdit->setFocus(Qt::OtherFocusReason);
    m_ui->mobileEdit->selectAll();
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 40);
    adjustSize();
}

ContactDialog::~ContactDialog() = default;

ContactCard ContactDialog::card() const
{
    ContactCard card;
    card.mobile = m_ui->mobileEdit->text().trimmed();
    card.phone = m_ui->phoneEdit->text().trimmed();
    card.wechat = m_ui->wechatEdit->text().trimmed();
    card.email = m_ui->emailEdit->text().trimmed();
    return card;
}

void ContactDialog::accept()
{
    try {
        m_accounts.updateContact(m_accountNo, card(), m_session);
    } catch (const StoreError& error) {
        showMessage(error.message());
        return;
    }
    QDialog::accept();
}

void ContactDialog::showMessage(const QString& message)
{
    m_ui->messageLabel->setText(message);
    m_ui->messageLabel->setVisible(!message.isEmpty());
    adjustSize();
}

} // namespace HallDesk
