#include "app/audit/AuditLog.h"
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "db/Central.h"
#include "db/Store.h"

#include <QJsonArray>

namespace HallDesk::Cli {

// halldeskctl audit verify --db PATH [--url TERMINAL_URL] [--anchor ENTRIES:HASH]…
// Prints {"ok":true,"entries":N,"anchors_checked":K,"anchors_failed":[]}; with a broken chain it adds
// "first_broken_id" and "reason", and each anchor the log does not hold is listed in "anchors_failed" with its
// reason; either exits 1. --url fetches this terminal's anchors from the centre (sync.audit_anchors); --anchor
// takes a paper anchor as printed on a settlement report (docs/sync.md, "Audit anchors").
int runAudit(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Verify the audit log's hash chain, and check it against the anchors kept outside the store."));
    parser.addPositionalArgument(QStringLiteral("action"), Text::tr("verify"), QStringLiteral("verify"));
    parser.addOptions({
        {QStringLiteral("db"), Text::tr("The store file."), QStringLiteral("PATH")},
        {QStringLiteral("url"),
         Text::tr("The central server as this terminal: every audit head the centre was sent is checked."),
         QStringLiteral("URL")},
        {QStringLiteral("anchor"),
         Text::tr("An anchor printed on a settlement report, ENTRIES:HASH (repeatable; spaces in the hash are "
                  "ignored)."),
         QStringLiteral("ENTRIES:HASH")},
    });
    parse(parser, args);
    const QStringList positional = parser.positionalArguments();
    if (positional != QStringList{QStringLiteral("verify")}) {
        throw CliError{Text::tr("Name the action: halldeskctl audit verify --db PATH."), kExitUsage};
    }
    QList<AuditLog::Anchor> anchors;
    for (const QString& text : parser.values(QStringLiteral("anchor"))) {
        const std::optional<AuditLog::Anchor> anchor = AuditLog::Anchor::fromText(text);
        if (!anchor) {
            throw CliError{Text::tr("\"%1\" is not an anchor: give ENTRIES:HASH, the hash in 64 hex digits.").arg(text),
                           kExitUsage};
        }
        anchors.append(*anchor);
    }
    std::optional<CentralSettings> centre;
    if (parser.isSet(QStringLiteral("url"))) {
        try {
            centre = CentralSettings::fromUrl(parser.value(QStringLiteral("url")));
        } catch (const StoreError& error) {
            throw CliError{error.message(), kExitUsage};
        }
    }
    auto store = openStore(parser.value(QStringLiteral("db")));
    if (centre) {
        CentralConnection connection(*centre);
        const QJsonValue fetched = connection.json("SELECT sync.audit_anchors()::text");
        for (const QJsonValue& value : fetched.toArray()) {
            const QJsonObject row = value.toObject();
            anchors.append(
                {row.value(QStringLiteral("entries")).toInteger(), row.value(QStringLiteral("head_hash")).toString()});
        }
    }
    const AuditLog::AnchoredVerification result = AuditLog::verifyAnchors(store->connection(), anchors);
    QJsonArray failed;
    for (const AuditLog::AnchorResult& anchor : result.anchors) {
        if (!anchor.ok) {
            failed.append(QJsonObject{{QStringLiteral("anchor"), anchor.anchor.toText()},
                                      {QStringLiteral("reason"), anchor.reason}});
        }
    }
    QJsonObject out{{QStringLiteral("ok"), result.ok()},
                    {QStringLiteral("entries"), result.chain.entries},
                    {QStringLiteral("anchors_checked"), qint64(result.anchors.size())},
                    {QStringLiteral("anchors_failed"), failed}};
    if (!result.chain.ok) {
        out.insert(QStringLiteral("first_broken_id"), result.chain.firstBrokenId.value_or(0));
        out.insert(QStringLiteral("reason"), result.chain.reason);
    }
    if (const auto head = AuditLog::head(store->connection())) {
        out.insert(QStringLiteral("head"), head->toText());
    }
    printJson(out);
    return result.ok() ? kExitOk : kExitFailure;
}

} // namespace HallDesk::Cli
