#include "app/cli/CliSupport.h"

#include "app/auth/AuthService.h"
#include "app/security/StoreProtection.h"
#include "db/Store.h"

#include <QJsonDocument>
#include <cstdio>

namespace HallDesk::Cli {

void parse(QCommandLineParser& parser, const QStringList& args)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, Text::tr("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        throw CliError{parser.errorText(), kExitUsage};
    }
    if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        throw CliError{QString(), kExitOk};
    }
}

QString required(const QCommandLineParser& parser, const QString& option)
{
    const QString value = parser.value(option);
    if (value.isEmpty()) {
        throw CliError{Text::tr("Missing --%1.").arg(option), kExitUsage};
    }
    return value;
}

std::unique_ptr<Store> openStore(const QString& path)
{
    if (path.isEmpty()) {
        throw CliError{Text::tr("Missing --db (the store file)."), kExitUsage};
    }
    try {
        auto store = Store::open(path, Store::OpenMode::ExistingOnly);
        StoreProtection protection(*store);
        protection.recordPermissionFixes(QStringLiteral("halldeskctl"));
        const StoreProtection::VolumeStatus volume = protection.checkVolume(QStringLiteral("halldeskctl"));
        if (volume.warnNow) {
            std::fprintf(stderr, "halldeskctl: %s\n", qPrintable(Text::tr("warning: %1").arg(volume.message)));
        }
        return store;
    } catch (const StoreError& error) {
        throw CliError{error.message(), kExitFailure};
    }
}

Session signIn(Store& store, const QString& operatorCode)
{
    if (operatorCode.isEmpty()) {
        throw CliError{Text::tr("This command changes data: name the operator with --operator."), kExitUsage};
    }
    const QString password = qEnvironmentVariable("HALLDESK_PASSWORD");
    if (password.isEmpty()) {
        throw CliError{Text::tr("Set the operator's password in the HALLDESK_PASSWORD environment variable."),
                       kExitUsage};
    }
    AuthService auth(store);
    const AuthService::SignIn result = auth.signIn(operatorCode, password);
    if (!result.ok()) {
        throw CliError{result.message, kExitUsage};
    }
    return Session{*result.op, auth.workplace()};
}

void printJson(const QJsonObject& object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
}

} // namespace HallDesk::Cli
