#include "ui/auth/SignInDialog.h"

#include "app/auth/AuthService.h"
#include "db/StoreError.h"
#include "ui/common/Icons.h"
#include "ui/common/Theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace HallDesk {

SignInDialog::SignInDialog(AuthService& auth, const Workplace& workplace, QWidget* parent)
    : QDialog(parent)
    , m_auth(auth)
    , m_code(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Sign in — HallDesk"));
    setWindowIcon(Icons::application());

    // A dark band with the program, the company and the workplace.
    auto* header = new QFrame(this);
    header->setObjectName(QStringLiteral("signInHeader"));
    auto* logo = new QLabel(header);
    logo->setPixmap(Icons::application().pixmap(48, 48));
    auto* title = new QLabel(tr("HallDesk"), header);
    title->setObjectName(QStringLiteral("signInTitle"));
    auto* company = new QLabel(workplace.companyName, header);
    company->setTextFormat(Qt::PlainText);
    auto* headerText = new QVBoxLayout;
    headerText->setSpacing(2);
    headerText->addWidget(title);
    headerText->addWidget(company);
    auto* headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(24, 18, 24, 18);
    headerLayout->setSpacing(14);
    headerLayout->addWidget(logo);
    headerLayout->addLayout(headerText, 1);

    auto* place = new QLabel(this);
    place->setObjectName(QStringLiteral("signInWorkplace"));
    place->setTextFormat(Qt::PlainText);
    place->setText(tr("%1 · Terminal %2").arg(workplace.hallName, workplace.terminalCode));
    Theme::setRole(place, QStringLiteral("caption"));

    m_code->setObjectName(QStringLiteral("signInCode"));
    m_code->setPlaceholderText(tr("e.g. clerk01"));
    m_code->setMaxLength(16);
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(128);
    m_message->setObjectName(QStringLiteral("signInMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    Theme::setRole(m_message, QStringLiteral("error"));
    m_message->hide();

    auto* form = new QFormLayout;
    form->setHorizontalSpacing(14);
    form->setVerticalSpacing(12);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* codeLabel = new QLabel(tr("&Operator code"), this);
    codeLabel->setBuddy(m_code);
    auto* passwordLabel = new QLabel(tr("&Password"), this);
    passwordLabel->setBuddy(m_password);
    form->addRow(codeLabel, m_code);
    form->addRow(passwordLabel, m_password);

    auto* buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);

    auto* body = new QVBoxLayout;
    body->setContentsMargins(28, 18, 28, 20);
    body->setSpacing(14);
    body->addWidget(place);
    body->addLayout(form);
    body->addWidget(m_message);
    body->addStretch(1);
    body->addWidget(buttons);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addLayout(body);

    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_code->setMinimumWidth(em * 20);
    setMinimumWidth(em * 36);
    m_code->setFocus(Qt::OtherFocusReason);
}

void SignInDialog::setOperatorCode(const QString& code)
{
    m_code->setText(code);
    m_password->setFocus(Qt::OtherFocusReason);
}

void SignInDialog::accept()
{
    const QString code = m_code->text().trimmed();
    if (code.isEmpty()) {
        showMessage(tr("Enter your operator code."));
        m_code->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (m_password->text().isEmpty()) {
        showMessage(tr("Enter your password."));
        m_password->setFocus(Qt::OtherFocusReason);
        return;
    }
    AuthService::SignIn result;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor); // checking a password hash takes a moment by design
    try {
        result = m_auth.signIn(code, m_password->text());
    } catch (const StoreError& error) {
        result.status = AuthService::SignIn::Status::WrongCredentials;
        result.message = error.message();
    }
    QGuiApplication::restoreOverrideCursor();
    if (!result.ok() || !result.op) {
        showMessage(result.message.isEmpty() ? tr("Sign-in was refused.") : result.message);
        m_password->clear();
        m_password->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_signedIn = result.op;
    m_password->clear();
    showMessage({});
    QDialog::accept();
}

void SignInDialog::showMessage(const QString& message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

} // namespace HallDesk
