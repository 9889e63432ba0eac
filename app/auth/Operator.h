#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace HallDesk {

enum class Role
{
    Clerk, // 收费员
    Supervisor, // 营业厅主任 / 班长
    Collector, // 催费员
    Admin, // 系统管理员
};

QString roleCode(Role role);
std::optional<Role> roleFromCode(QStringView code);
QString roleName(Role role); // in the user's language

struct Operator
{
    qint64 id = 0;
    QString code;
    QString name;
    QList<Role> roles;
    qint64 hallId = 0;
    bool active = true;
    QDateTime lockedUntil; // UTC; valid only while sign-in is refused after too many failures

    bool hasRole(Role role) const { return roles.contains(role); }
    // Clerks and collectors see phone and ID numbers masked; revealing them is an audited action.
    bool seesPersonalDataMasked() const { return !hasRole(Role::Supervisor) && !hasRole(Role::Admin); }
};

// Where this installation works: its hall and terminal (settings "hall.code", "terminal.code").
struct Workplace
{
    qint64 hallId = 0;
    QString hallCode;
    QString hallName;
    QString terminalCode;
    QString companyName;
};

// The signed-in operator at this workplace.
struct Session
{
    Operator op;
    Workplace workplace;
};

} // namespace HallDesk
