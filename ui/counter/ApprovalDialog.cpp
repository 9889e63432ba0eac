#include "ui/counter/ApprovalDialog.h"

#include "app/auth/AuthService.h"
#include "db/StoreError.h"
#include "ui/common/Icons.h"
#include "ui/common/Theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace HallDesk {

ApprovalDialog::ApprovalDialog(AuthService& auth, const Session& session, const QString& title, const QString& question,
                               QWidget* parent)
    : QDialog(parent)
    , m_auth(auth)
    , m_session(session)
    , m_form(new QFormLayout)
    , m_reason(new QPlainTextEdit(this))
    , m_code(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(title);
    setWindowIcon(Icons::application());

    // The same dark band as the sign-in: this is a credential, typed by another person.
    auto* header = new QFrame(this);
    header->setObjectName(QStringLiteral("signInHeader"));
    auto* icon = new QLabel(header);
    icon->setPixmap(Icons::lock(QColor(0xff, 0xc8, 0x3d)).pixmap(36, 36));
    auto* titleLabel = new QLabel(title, header);
    titleLabel->setObjectName(QStringLiteral("signInTitle"));
    auto* subtitle = new QLabel(tr("A supervisor types their own code and password"), header);
    subtitle->setWordWrap(true);
    auto* headerText = new QVBoxLayout;
    headerText->setSpacing(2);
    headerText->addWidget(titleLabel);
    headerText->addWidget(subtitle);
    auto* headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(22, 14, 22, 14);
    headerLayout->setSpacing(14);
    headerLayout->addWidget(icon);
    headerLayout->addLayout(headerText, 1);

    auto* questionLabel = new QLabel(question, this);
    questionLabel->setObjectName(QStringLiteral("approvalQuestion"));
    questionLabel->setTextFormat(Qt::PlainText);
    questionLabel->setWordWrap(true);

    m_reason->setObjectName(QStringLiteral("approvalReason"));
    m_reason->setTabChangesFocus(true);
    m_reason->setPlaceholderText(tr("Why, in a few words (required)"));
    m_reason->setFixedHeight(fontMetrics().height() * 3 + 14);
    m_reason->installEventFilter(this);
    m_code->setObjectName(QStringLiteral("approverCode"));
    m_code->setPlaceholderText(tr("Supervisor's operator code"));
    m_code->setMaxLength(16);
    m_password->setObjectName(QStringLiteral("approverPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(128);
    m_message->setObjectName(QStringLiteral("approvalMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    Theme::setRole(m_message, QStringLiteral("error"));
    m_message->hide();

    m_form->setHorizontalSpacing(14);
    m_form->setVerticalSpacing(12);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* reasonLabel = new QLabel(tr("&Reason"), this);
    reasonLabel->setBuddy(m_reason);
    auto* codeLabel = new QLabel(tr("Supervisor &code"), this);
    codeLabel->setBuddy(m_code);
    auto* passwordLabel = new QLabel(tr("Pass&word"), this);
    passwordLabel->setBuddy(m_password);
    m_form->addRow(reasonLabel, m_reason);
    m_form->addRow(codeLabel, m_code);
    m_form->addRow(passwordLabel, m_password);

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* approve = buttons->addButton(tr("Approve"), QDialogButtonBox::AcceptRole);
    approve->setObjectName(QStringLiteral("approveButton"));
    approve->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &ApprovalDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ApprovalDialog::reject);

    auto* body = new QVBoxLayout;
    body->setContentsMargins(26, 16, 26, 18);
    body->setSpacing(14);
    body->addWidget(questionLabel);
    body->addLayout(m_form);
    body->addWidget(m_message);
    body->addStretch(1);
    body->addWidget(buttons);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addLayout(body);

    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    setMinimumWidth(em * 42);
    m_reason->setFocus(Qt::OtherFocusReason);
}

void ApprovalDialog::addRow(const QString& label, QWidget* field)
{
    m_form->insertRow(m_extraRows, label, field);
    if (m_extraRows == 0) {
        field->setFocus(Qt::OtherFocusReason);
    }
    ++m_extraRows;
}

void ApprovalDialog::setReason(const QString& reason)
{
    m_reason->setPlainText(reason);
}

QString ApprovalDialog::reason() const
{
    return m_reason->toPlainText().simplified();
}

void ApprovalDialog::showMessage(const QString& message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

bool ApprovalDialog::eventFilter(QObject* watched, QEvent* event)
{
    // In the reason, Enter moves on to the code (a reason is one line of thought); Shift+Enter breaks the line.
    if (watched == m_reason && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && !(key->modifiers() & Qt::ShiftModifier)) {
            m_code->setFocus(Qt::TabFocusReason);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ApprovalDialog::accept()
{
    if (m_check) {
        if (const auto problem = m_check()) {
            showMessage(*problem);
            return;
        }
    }
    if (reason().isEmpty()) {
        showMessage(tr("Enter the reason."));
        m_reason->setFocus(Qt::OtherFocusReason);
        return;
    }
    const QString code = m_code->text().trimmed();
    if (code.isEmpty()) {
        showMessage(tr("The supervisor enters their operator code."));
        m_code->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (code == m_session.op.code) {
        showMessage(tr("Approval needs a second person: a supervisor other than you."));
        m_code->selectAll();
        m_code->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (m_password->text().isEmpty()) {
        // Enter after the code moves on to the password, like Tab.
        if (!m_password->hasFocus()) {
            showMessage({});
        } else {
            showMessage(tr("The supervisor enters their password."));
        }
        m_password->setFocus(Qt::OtherFocusReason);
        return;
    }
    AuthService::SignIn result;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor); // checking a password hash takes a moment by design
    try {
        result = m_auth.approve(code, m_password->text(), Role::Supervisor);
    } catch (const StoreError& error) {
        result.status = AuthService::SignIn::Status::WrongCredentials;
        result.message = error.message();
    }
    QGuiApplication::restoreOverrideCursor();
    m_password->clear();
    if (!result.ok() || !result.op) {
        showMessage(result.message.isEmpty() ? tr("The approval was refused.") : result.message);
        m_password->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (result.op->id == m_session.op.id) {
        showMessage(tr("Approval needs a second person: a supervisor other than you."));
        return;
    }
    if (m_action) {
        if (const auto problem = m_action(*result.op, reason())) {
            showMessage(*problem);
            return;
        }
    }
    m_approver = result.op;
    showMessage({});
    QDialog::accept();
}

} // namespace HallDesk
