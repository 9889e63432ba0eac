#include "app/auth/AuthService.h"
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "db/Store.h"

#include <QJsonArray>

namespace HallDesk::Cli {

namespace {

const QString kNewPasswordVariable = QStringLiteral("HALLDESK_NEW_PASSWORD");

QJsonObject operatorJson(const Operator& op)
{
    QJsonArray roles;
    for (const Role role : op.roles) {
        roles.append(roleCode(role));
    }
    return {
        {QStringLiteral("code"), op.code},
        {QStringLiteral("name"), op.name},
        {QStringLiteral("roles"), roles},
        {QStringLiteral("active"), op.active},
        {QStringLiteral("locked_until"),
         op.lockedUntil.isValid() ? QJsonValue(op.lockedUntil.toUTC().toString(Qt::ISODate)) : QJsonValue()},
    };
}

QList<Role> parseRoles(const QString& text)
{
    QList<Role> roles;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto role = roleFromCode(part.trimmed());
        if (!role) {
            throw CliError{Text::tr("Unknown role \"%1\"; the roles are clerk, supervisor, collector and admin.")
                               .arg(part.trimmed()),
                           kExitUsage};
        }
        roles.append(*role);
    }
    if (roles.isEmpty()) {
        throw CliError{Text::tr("Name at least one role with --role (clerk, supervisor, collector, admin)."),
                       kExitUsage};
    }
    return roles;
}

QString newPassword()
{
    const QString password = qEnvironmentVariable(qPrintable(kNewPasswordVariable));
    if (password.isEmpty()) {
        throw CliError{Text::tr("Set the new password in the %1 environment variable.").arg(kNewPasswordVariable),
                       kExitUsage};
    }
    return password;
}

// The operator named by --operator, signed in with HALLDESK_PASSWORD, who must be an administrator.
Operator signInAdmin(Store& store, const QCommandLineParser& parser)
{
    const Session session = signIn(store, parser.value(QStringLiteral("operator")));
    if (!session.op.hasRole(Role::Admin)) {
        throw CliError{Text::tr("Only an administrator may change operators; %1 is not one.").arg(session.op.code),
                       kExitUsage};
    }
    return session.op;
}

// The service refuses bad input (duplicate code, weak password, unknown operator) with a StoreError.
template <typename Change> void change(Change&& work)
{
    try {
        work();
    } catch (const StoreError& error) {
        throw CliError{error.message(), kExitUsage};
    }
}

Operator requireOperator(AuthService& auth, const QString& code)
{
    const auto op = auth.findOperator(code);
    if (!op) {
        throw CliError{Text::tr("There is no operator \"%1\".").arg(code), kExitFailure};
    }
    return *op;
}

int add(const QCommandLineParser& parser)
{
    auto store = openStore(parser.value(QStringLiteral("db")));
    const QString code = required(parser, QStringLiteral("code"));
    const QString name = required(parser, QStringLiteral("name"));
    const QList<Role> roles = parseRoles(required(parser, QStringLiteral("role")));
    const QString password = newPassword();
    AuthService auth(*store);
    // Without an acting administrator only the very first operator may be added: that is how a store gets one.
    std::optional<Operator> actor;
    if (!parser.value(QStringLiteral("operator")).isEmpty() || !auth.operators().isEmpty()) {
        actor = signInAdmin(*store, parser);
    }
    Operator added;
    change([&] { added = auth.addOperator(code, name, roles, password, actor); });
    printJson(operatorJson(added));
    return kExitOk;
}

int list(const QCommandLineParser& parser)
{
    auto store = openStore(parser.value(QStringLiteral("db")));
    AuthService auth(*store);
    for (const Operator& op : auth.operators()) {
        printJson(operatorJson(op));
    }
    return kExitOk;
}

int passwd(const QCommandLineParser& parser)
{
    auto store = openStore(parser.value(QStringLiteral("db")));
    const QString code = required(parser, QStringLiteral("code"));
    const QString password = newPassword();
    const Operator actor = signInAdmin(*store, parser);
    AuthService auth(*store);
    change([&] { auth.setPassword(code, password, actor); });
    printJson(operatorJson(requireOperator(auth, code)));
    return kExitOk;
}

int setActive(const QCommandLineParser& parser, bool active)
{
    auto store = openStore(parser.value(QStringLiteral("db")));
    const QString code = required(parser, QStringLiteral("code"));
    const Operator actor = signInAdmin(*store, parser);
    AuthService auth(*store);
    change([&] { auth.setActive(code, active, actor); });
    printJson(operatorJson(requireOperator(auth, code)));
    return kExitOk;
}

} // namespace

// halldeskctl operator add|list|passwd|disable|enable --db PATH [--code C] [--name N] [--role R[,R…]]
//     [--operator ADMIN]
// New passwords come from HALLDESK_NEW_PASSWORD, the acting administrator's from HALLDESK_PASSWORD.
int runOperator(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Add, list, change or disable operators.\n\n"
                 "  add      add an operator (--code, --name, --role; password in HALLDESK_NEW_PASSWORD)\n"
                 "  list     list the operators as JSON lines\n"
                 "  passwd   set an operator's password (--code; password in HALLDESK_NEW_PASSWORD)\n"
                 "  disable  stop an operator from signing in (--code)\n"
                 "  enable   let a disabled operator sign in again (--code)\n\n"
                 "Changes need an administrator: --operator CODE with the password in HALLDESK_PASSWORD. A store "
                 "without operators takes its first one without."));
    parser.addPositionalArgument(QStringLiteral("action"), Text::tr("add, list, passwd, disable or enable."),
                                 QStringLiteral("ACTION"));
    parser.addOptions({
        {QStringLiteral("db"), Text::tr("The store file."), QStringLiteral("PATH")},
        {QStringLiteral("code"), Text::tr("The operator's code."), QStringLiteral("CODE")},
        {QStringLiteral("name"), Text::tr("The operator's name."), QStringLiteral("NAME")},
        {QStringLiteral("role"), Text::tr("Roles, separated by commas: clerk, supervisor, collector, admin."),
         QStringLiteral("ROLES")},
        {QStringLiteral("operator"), Text::tr("The administrator making the change."), QStringLiteral("CODE")},
    });
    parse(parser, args);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        throw CliError{Text::tr("Name one action: add, list, passwd, disable or enable."), kExitUsage};
    }
    const QString& action = positional.first();
    if (action == QLatin1String("add")) {
        return add(parser);
    }
    if (action == QLatin1String("list")) {
        return list(parser);
    }
    if (action == QLatin1String("passwd")) {
        return passwd(parser);
    }
    if (action == QLatin1String("disable")) {
        return setActive(parser, false);
    }
    if (action == QLatin1String("enable")) {
        return setActive(parser, true);
    }
    throw CliError{
        Text::tr("Unknown action \"%1\"; the actions are add, list, passwd, disable and enable.").arg(action),
        kExitUsage};
}

} // namespace HallDesk::Cli
