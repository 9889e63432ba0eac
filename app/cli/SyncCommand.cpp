#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "app/sync/RejectedEvents.h"
#include "app/sync/SyncEngine.h"
#include "db/Store.h"

namespace HallDesk::Cli {

namespace {

// halldeskctl sync rejected --db PATH [--all]: the events the centre rejected, newest first, as JSON lines.
int runRejected(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("List the events the central server rejected, newest first, as JSON lines: the centre's reason, "
                 "the review and the original payment (receipts, accounts, amount, tenders). Only the open ones "
                 "unless --all."));
    parser.addOptions({
        {QStringLiteral("db"), Text::tr("The store."), QStringLiteral("PATH")},
        {QStringLiteral("all"), Text::tr("Also the events a supervisor marked reviewed.")},
    });
    parse(parser, args);
    if (!parser.positionalArguments().isEmpty()) {
        throw CliError{Text::tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().first()), kExitUsage};
    }
    std::unique_ptr<Store> store = openStore(required(parser, QStringLiteral("db")));
    RejectedEvents rejected(*store);
    const auto scope = parser.isSet(QStringLiteral("all")) ? RejectedEvents::Scope::All : RejectedEvents::Scope::Open;
    for (const RejectedEvent& event : rejected.list(scope)) {
        printJson(RejectedEvents::toJson(event));
    }
    return kExitOk;
}

} // namespace

// halldeskctl sync --db PATH --url URL [--batch N] | sync rejected --db PATH [--all]
int runSync(const QStringList& args)
{
    if (args.size() > 1 && args.at(1) == QLatin1String("rejected")) {
        return runRejected(args.mid(1));
    }
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
