#pragma once

#include "app/auth/Operator.h"

#include <QTime>
#include <QWidget>

class QLabel;
class QLineEdit;

namespace HallDesk {

class AuthService;

// Covers the whole main window while the operator is away from the counter. Only the same operator's password
// unlocks it; anyone may sign out instead, which ends the session.
class LockScreen final : public QWidget
{
    Q_OBJECT

public:
    // `window` is the window to cover; the lock screen is its child and follows its size.
    LockScreen(AuthService& auth, const Session& session, QWidget* window);

    void lock();
    bool isLocked() const { return isVisible(); }

Q_SIGNALS:
    void unlocked();
    void signOutRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void unlock();
    void showMessage(const QString& message);

    AuthService& m_auth;
    Session m_session;
    QLabel* m_lockedAt = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace HallDesk
