#pragma once

#include "app/auth/Operator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace HallDesk {

class Store;

// Operators, passwords (libsodium crypto_pwhash_str, argon2id) and sign-in with lock-out after repeated failures
// (settings "auth.max_failures", "auth.lock_minutes"). Every change and every sign-in is audited.
class AuthService final
{
    Q_DECLARE_TR_FUNCTIONS(AuthService)

public:
    explicit AuthService(Store& store);

    struct SignIn
    {
        enum class Status
        {
            Ok,
            WrongCredentials,
            Locked,
            Disabled,
            MissingRole
        };
        Status status = Status::WrongCredentials;
        std::optional<Operator> op;
        QDateTime lockedUntil; // UTC, for Locked
        QString message; // for the person, in their language; empty when Ok
        bool ok() const { return status == Status::Ok; }
    };

    // Checks code and password; counts failures and locks the operator after too many.
    SignIn signIn(const QString& code, const QString& password);
    // A second credential for a privileged action: like signIn, and the operator must hold `required`.
    SignIn approve(const QString& code, const QString& password, Role required);

    // The workplace this store is configured for.
    Workplace workplace();

    // Administration (halldeskctl operator …). Throw StoreError with a message for a person on bad input
    // (duplicate code, unknown operator, weak password).
    Operator addOperator(const QString& code, const QString& name, const QList<Role>& roles, const QString& password,
                         const std::optional<Operator>& actor);
    QList<Operator> operators();
    void setPassword(const QString& code, const QString& password, const std::optional<Operator>& actor);
    void setActive(const QString& code, bool active, const std::optional<Operator>& actor);
    std::optional<Operator> findOperator(const QString& code);

    static QString hashPassword(const QString& password);
    static bool verifyPassword(const QString& hash, const QString& password);
    // Minimum rules for a new password; returns a message when it is refused.
    static std::optional<QString> passwordProblem(const QString& password);

private:
    Store& m_store;
};

} // namespace HallDesk
