#include "app/audit/AuditLog.h"
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "db/Store.h"

namespace HallDesk::Cli {

// halldeskctl audit verify --db PATH
// Prints {"ok":true,"entries":N}, or with a broken chain {"ok":false,"entries":N,"first_broken_id":K,"reason":…}
// and exits 1.
int runAudit(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Verify the audit log's hash chain."));
    parser.addPositionalArgument(QStringLiteral("action"), Text::tr("verify"), QStringLiteral("verify"));
    parser.addOption({QStringLiteral("db"), Text::tr("The store file."), QStringLiteral("PATH")});
    parse(parser, args);
    const QStringList positional = parser.positionalArguments();
    if (positional != QStringList{QStringLiteral("verify")}) {
        throw CliError{Text::tr("Name the action: halldeskctl audit verify --db PATH."), kExitUsage};
    }
    auto store = openStore(parser.value(QStringLiteral("db")));
    const AuditLog::Verification result = AuditLog::verify(store->connection());
    QJsonObject out{{QStringLiteral("ok"), result.ok}, {QStringLiteral("entries"), result.entries}};
    if (!result.ok) {
        out.insert(QStringLiteral("first_broken_id"), result.firstBrokenId.value_or(0));
        out.insert(QStringLiteral("reason"), result.reason);
    }
    printJson(out);
    return result.ok ? kExitOk : kExitFailure;
}

} // namespace HallDesk::Cli
