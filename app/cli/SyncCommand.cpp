#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "app/sync/SyncEngine.h"
#include "db/Store.h"

namespace HallDesk::Cli {

// halldeskctl sync --db PATH --url URL [--batch N]
int runSync(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Run one sync round with the central server: push the pending events, "
                                              "then pull what changed. Prints what it did as JSON."));
    parser.addOptions({
        {QStringLiteral("db"), Text::tr("The store."), QStringLiteral("PATH")},
        {QStringLiteral("url"),
         Text::tr("The central server as this terminal: postgresql://role:password@host:port/database."),
         QStringLiteral("URL")},
        {QStringLiteral("batch"), Text::tr("Events per push call (default 500)."), QStringLiteral("N")},
    });
    parse(parser, args);
    if (!parser.positionalArguments().isEmpty()) {
        throw CliError{Text::tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().first()), kExitUsage};
    }
    CentralSettings settings;
    try {
        settings = CentralSettings::fromUrl(required(parser, QStringLiteral("url")));
    } catch (const StoreError& error) {
        throw CliError{error.message(), kExitUsage};
    }
    std::unique_ptr<Store> store = openStore(required(parser, QStringLiteral("db")));
    SyncEngine engine(*store, settings);
    if (parser.isSet(QStringLiteral("batch"))) {
        bool ok = false;
        const int batch = parser.value(QStringLiteral("batch")).toInt(&ok);
        if (!ok || batch <= 0) {
            throw CliError{Text::tr("--batch takes a positive number."), kExitUsage};
        }
        engine.setBatchSize(batch);
    }
    printJson(engine.runOnce().toJson());
    return kExitOk;
}

} // namespace HallDesk::Cli
