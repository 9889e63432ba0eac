#include "ui/auth/LockScreen.h"

#include "app/auth/AuthService.h"
#include "db/StoreError.h"
#include "ui/common/Icons.h"
#include "ui/common/Theme.h"

#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace HallDesk {

LockScreen::LockScreen(AuthService& auth, const Session& session, QWidget* window)
    : QWidget(window)
    , m_auth(auth)
    , m_session(session)
    , m_lockedAt(new QLabel(this))
    , m_password(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("lockScreen"));
    setAttribute(Qt::WA_StyledBackground);
    setAutoFillBackground(true);

    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("lockCard"));
    auto* icon = new QLabel(card);
    icon->setPixmap(Icons::lock(QColor(0x1f, 0x5f, 0x99)).pixmap(48, 48));
    auto* title = new QLabel(tr("This terminal is locked"), card);
    Theme::setRole(title, QStringLiteral("title"));
    auto* who = new QLabel(
        tr("Signed in: %1 (%2). Enter the password to continue.").arg(session.op.name, session.op.code), card);
    who->setTextFormat(Qt::PlainText);
    who->setWordWrap(true);
    Theme::setRole(m_lockedAt, QStringLiteral("caption"));

    m_password->setObjectName(QStringLiteral("lockPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Password"));
    m_message->setObjectName(QStringLiteral("lockMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    Theme::setRole(m_message, QStringLiteral("error"));
    m_message->hide();

    auto* unlockButton = new QPushButton(tr("Unlock"), card);
    unlockButton->setObjectName(QStringLiteral("unlockButton"));
    unlockButton->setDefault(true);
    auto* signOutButton = new QPushButton(tr("Sign out"), card);
    signOutButton->setObjectName(QStringLiteral("lockSignOut"));
    signOutButton->setToolTip(tr("Ends this session; another operator can then sign in."));
    connect(unlockButton, &QPushButton::clicked, this, &LockScreen::unlock);
    connect(m_password, &QLineEdit::returnPressed, this, &LockScreen::unlock);
    connect(signOutButton, &QPushButton::clicked, this, &LockScreen::signOutRequested);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(signOutButton);
    buttons->addStretch(1);
    buttons->addWidget(unlockButton);

    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(32, 28, 32, 24);
    cardLayout->setSpacing(12);
    cardLayout->addWidget(icon, 0, Qt::AlignHCenter);
    cardLayout->addWidget(title, 0, Qt::AlignHCenter);
    cardLayout->addWidget(who);
    cardLayout->addWidget(m_lockedAt);
    cardLayout->addWidget(m_password);
    cardLayout->addWidget(m_message);
    cardLayout->addLayout(buttons);
    card->setFixedWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 34);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(card, 0, Qt::AlignHCenter);
    layout->addStretch(2);

    window->installEventFilter(this);
    hide();
}

void LockScreen::lock()
{
    m_lockedAt->setText(tr("Locked at %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    m_password->clear();
    showMessage({});
    setGeometry(parentWidget()->rect());
    raise();
    show();
    m_password->setFocus(Qt::OtherFocusReason);
}

void LockScreen::unlock()
{
    if (m_password->text().isEmpty()) {
        showMessage(tr("Enter your password."));
        return;
    }
    AuthService::SignIn result;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        result = m_auth.signIn(m_session.op.code, m_password->text());
    } catch (const StoreError& error) {
        result.message = error.message();
    }
    QGuiApplication::restoreOverrideCursor();
    m_password->clear();
    if (!result.ok() || !result.op || result.op->id != m_session.op.id) {
        showMessage(result.message.isEmpty() ? tr("The password is not correct.") : result.message);
        m_password->setFocus(Qt::OtherFocusReason);
        return;
    }
    hide();
    Q_EMIT unlocked();
}

void LockScreen::showMessage(const QString& message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

bool LockScreen::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible()) {
        setGeometry(parentWidget()->rect());
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace HallDesk
