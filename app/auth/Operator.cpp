#include "app/auth/Operator.h"

namespace HallDesk {

QString roleCode(Role role)
{
    switch (role) {
    case Role::Clerk:
        return QStringLiteral("clerk");
    case Role::Supervisor:
        return QStringLiteral("supervisor");
    case Role::Collector:
        return QStringLiteral("collector");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<Role> roleFromCode(QStringView code)
{
    for (const Role role : {Role::Clerk, Role::Supervisor, Role::Collector, Role::Admin}) {
        if (code == roleCode(role)) {
            return role;
        }
    }
    return std::nullopt;
}

QString roleName(Role role)
{
    switch (role) {
    case Role::Clerk:
        return QCoreApplication::translate("Role", "Counter clerk");
    case Role::Supervisor:
        return QCoreApplication::translate("Role", "Supervisor");
    case Role::Collector:
        return QCoreApplication::translate("Role", "Collector");
    case Role::Admin:
        return QCoreApplication::translate("Role", "Administrator");
    }
    Q_UNREACHABLE();
    return {};
}

} // namespace HallDesk
