#pragma once

#include "app/auth/Operator.h"

#include <QDialog>
#include <functional>
#include <optional>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace HallDesk {

class AuthService;

// A supervisor's second credential for a privileged action (a late-fee waiver, a void, a refund, a settlement
// variance): what is asked, the supervisor's own code and password, and a reason. The supervisor must be another
// person than the signed-in clerk and hold the supervisor role; AuthService's answer appears in red in place.
// Callers may add rows above the credentials (the new late fee of a waiver) and a check that runs before them.
class ApprovalDialog final : public QDialog
{
    Q_OBJECT

public:
    ApprovalDialog(AuthService& auth, const Session& session, const QString& title, const QString& question,
                   QWidget* parent = nullptr);

    // Adds a row above the credentials; the first one added gets the cursor.
    void addRow(const QString& label, QWidget* field);
    // Runs on accept before the credentials are checked; a message refuses (shown in red), nullopt lets it pass.
    void setCheck(std::function<std::optional<QString>()> check) { m_check = std::move(check); }
    void setReason(const QString& reason);
    // Runs once the supervisor's credentials are good (the void itself); a message keeps the dialog open with it.
    void setAction(std::function<std::optional<QString>(const Operator& approver, const QString& reason)> action)
    {
        m_action = std::move(action);
    }

    // Once accepted: the supervisor who approved and the reason given.
    const std::optional<Operator>& approver() const { return m_approver; }
    QString reason() const;

    void showMessage(const QString& message);

public Q_SLOTS:
    void accept() override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    AuthService& m_auth;
    Session m_session;
    std::function<std::optional<QString>()> m_check;
    std::function<std::optional<QString>(const Operator&, const QString&)> m_action;
    std::optional<Operator> m_approver;
    QFormLayout* m_form = nullptr;
    int m_extraRows = 0;
    QPlainTextEdit* m_reason = nullptr;
    QLineEdit* m_code = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace HallDesk
