#include "app/auth/AuthService.h"
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "app/setup/Installation.h"
#include "db/PrivateFiles.h"
#include "db/Store.h"

#include <QFileInfo>

namespace HallDesk::Cli {

// halldeskctl init --db PATH --hall CODE --hall-name NAME --terminal CODE --admin CODE [--admin-name NAME]
// The first administrator's password comes from HALLDESK_PASSWORD.
int runInit(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Create an empty store for a hall and terminal."));
    parser.addOptions({
        {QStringLiteral("db"), Text::tr("The store file to create."), QStringLiteral("PATH")},
        {QStringLiteral("hall"), Text::tr("The hall's code."), QStringLiteral("CODE")},
        {QStringLiteral("hall-name"), Text::tr("The hall's name."), QStringLiteral("NAME")},
        {QStringLiteral("terminal"), Text::tr("This terminal's code."), QStringLiteral("CODE")},
        {QStringLiteral("admin"), Text::tr("The first administrator's operator code."), QStringLiteral("CODE")},
        {QStringLiteral("admin-name"), Text::tr("The first administrator's name."), QStringLiteral("NAME")},
    });
    parse(parser, args);
    const QString path = required(parser, QStringLiteral("db"));
    const HallInfo hall{
        required(parser, QStringLiteral("hall")), required(parser, QStringLiteral("hall-name")), {}, {}, {}, {}};
    const QString terminal = required(parser, QStringLiteral("terminal"));
    const QString admin = required(parser, QStringLiteral("admin"));
    const QString password = qEnvironmentVariable("HALLDESK_PASSWORD");
    if (const auto problem = AuthService::passwordProblem(password)) {
        throw CliError{Text::tr("Set the first administrator's password in HALLDESK_PASSWORD: %1").arg(*problem),
                       kExitUsage};
    }
    if (QFileInfo::exists(path)) {
        throw CliError{Text::tr("%1 exists already; init never overwrites a store.").arg(path), kExitUsage};
    }

    try {
        PrivateFiles::makeFolder(QFileInfo(path).absolutePath()); // missing folders are made 0700
    } catch (const StoreError& error) {
        throw CliError{error.message(), kExitFailure};
    }
    auto store = Store::open(path, Store::OpenMode::CreateIfMissing);
    Installation::configure(*store, hall, terminal);
    AuthService auth(*store);
    const QString adminName
        = parser.value(QStringLiteral("admin-name")).isEmpty() ? admin : parser.value(QStringLiteral("admin-name"));
    auth.addOperator(admin, adminName, {Role::Admin, Role::Supervisor}, password, std::nullopt);
    printJson({{QStringLiteral("db"), path},
               {QStringLiteral("hall"), hall.code},
               {QStringLiteral("terminal"), terminal},
               {QStringLiteral("admin"), admin}});
    return kExitOk;
}

} // namespace HallDesk::Cli
