// halldeskctl: HallDesk without a screen. Parses the command name and hands the rest to the command.

#include "HallDeskVersion.h"
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "app/i18n/Language.h"
#include "db/StoreError.h"

#include <QCoreApplication>
#include <cstdio>
#include <sys/stat.h>

namespace {

void printUsage(FILE* out)
{
    using namespace HallDesk::Cli;
    QString text = Text::tr("Usage: halldeskctl COMMAND [OPTIONS]\n\nCommands:\n");
    for (const Command& command : commands()) {
        text += QStringLiteral("  %1%2\n")
                    .arg(QLatin1String(command.name), -10)
                    .arg(QCoreApplication::translate("halldeskctl", command.summary));
    }
    text += Text::tr("\n\"halldeskctl COMMAND --help\" describes a command's options.\n");
    std::fputs(qPrintable(text), out);
}

} // namespace

int main(int argc, char* argv[])
{
    // Belt and braces: whatever HallDesk writes is owner-only even where a file is not made private explicitly
    // (docs/security.md).
    ::umask(077);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("halldeskctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("HallDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HALLDESK_VERSION));
    HallDesk::installTranslations(app);

    using namespace HallDesk::Cli;
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        printUsage(args.isEmpty() ? stderr : stdout);
        return args.isEmpty() ? kExitUsage : kExitOk;
    }
    if (args.first() == QLatin1String("--version")) {
        std::printf("halldeskctl %s\n", HALLDESK_VERSION);
        return kExitOk;
    }
    for (const Command& command : commands()) {
        if (args.first() != QLatin1String(command.name)) {
            continue;
        }
        try {
            return command.run(args);
        } catch (const CliError& error) {
            if (!error.message.isEmpty()) {
                std::fprintf(stderr, "halldeskctl %s: %s\n", command.name, qPrintable(error.message));
            }
            return error.exitCode;
        } catch (const HallDesk::StoreError& error) {
            std::fprintf(stderr, "halldeskctl %s: %s\n", command.name, qPrintable(error.message()));
            return kExitFailure;
        }
    }
    std::fprintf(stderr, "%s\n", qPrintable(Text::tr("Unknown command \"%1\".").arg(args.first())));
    printUsage(stderr);
    return kExitUsage;
}
