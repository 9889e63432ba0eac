#pragma once

#include "app/auth/Operator.h"

#include <QDialog>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace HallDesk {

class AuthService;

// Operator code and password, with the hall and terminal this installation works for. AuthService's answer for a
// wrong password, a locked or a disabled operator appears in red under the fields; Enter signs in, Esc cancels.
class SignInDialog final : public QDialog
{
    Q_OBJECT

public:
    SignInDialog(AuthService& auth, const Workplace& workplace, QWidget* parent = nullptr);

    // Fills in the operator code and puts the cursor in the password field.
    void setOperatorCode(const QString& code);

    // The operator who signed in, once the dialog was accepted.
    const std::optional<Operator>& signedIn() const { return m_signedIn; }

public Q_SLOTS:
    void accept() override;

private:
    void showMessage(const QString& message);

    AuthService& m_auth;
    std::optional<Operator> m_signedIn;
    QLineEdit* m_code = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_signIn = nullptr;
};

} // namespace HallDesk
