#include "app/accounts/IdCardCheck.h"
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "app/security/EncryptedVolume.h"
#include "app/security/StoreProtection.h"
#include "db/Store.h"

#include <QTextStream>
#include <cstdio>

namespace HallDesk::Cli {

namespace {

QString kindCode(EncryptedVolume::Kind kind)
{
    switch (kind) {
    case EncryptedVolume::Kind::DmCrypt:
        return QStringLiteral("dm-crypt");
    case EncryptedVolume::Kind::Fscrypt:
        return QStringLiteral("fscrypt");
    case EncryptedVolume::Kind::NotEncrypted:
        return QStringLiteral("none");
    case EncryptedVolume::Kind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

Session adminSession(Store& store, const QString& operatorCode)
{
    const Session session = signIn(store, operatorCode);
    if (!session.op.hasRole(Role::Admin)) {
        throw CliError{Text::tr("Only an administrator may record or withdraw the acceptance of this risk."),
                       kExitUsage};
    }
    return session;
}

} // namespace

// halldeskctl security status --db PATH
// halldeskctl security accept-risk --db PATH --operator ADMIN --reference TEXT
// halldeskctl security withdraw-risk --db PATH --operator ADMIN
int runSecurity(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Whether the store lies on an encrypted volume, and the site's written acceptance when it does not."));
    parser.addPositionalArgument(QStringLiteral("action"), Text::tr("status, accept-risk or withdraw-risk"),
                                 QStringLiteral("status|accept-risk|withdraw-risk"));
    parser.addOptions({
        {QStringLiteral("db"), Text::tr("The store file."), QStringLiteral("PATH")},
        {QStringLiteral("operator"), Text::tr("The administrator (password in HALLDESK_PASSWORD)."),
         QStringLiteral("CODE")},
        {QStringLiteral("reference"), Text::tr("The written acceptance: document, date and who signed it."),
         QStringLiteral("TEXT")},
    });
    parse(parser, args);
    const QString action = parser.positionalArguments().value(0);
    if (parser.positionalArguments().size() != 1
        || !QStringList{QStringLiteral("status"), QStringLiteral("accept-risk"), QStringLiteral("withdraw-risk")}
                .contains(action)) {
        throw CliError{Text::tr("Name the action: status, accept-risk or withdraw-risk."), kExitUsage};
    }
    auto store = openStore(parser.value(QStringLiteral("db")));
    StoreProtection protection(*store);
    if (action == QLatin1String("accept-risk") || action == QLatin1String("withdraw-risk")) {
        const QString reference = parser.value(QStringLiteral("reference")).trimmed();
        if (action == QLatin1String("accept-risk") && reference.isEmpty()) {
            throw CliError{Text::tr("Name the written acceptance with --reference."), kExitUsage};
        }
        const Session session = adminSession(*store, parser.value(QStringLiteral("operator")).trimmed());
        protection.setAcceptance(action == QLatin1String("accept-risk") ? reference : QString(), session.op.id,
                                 session.workplace.terminalCode);
    }
    const EncryptedVolume::Finding finding = EncryptedVolume::check(store->path());
    printJson({
        {QStringLiteral("store"), store->path()},
        {QStringLiteral("encrypted"), finding.encrypted()},
        {QStringLiteral("kind"), kindCode(finding.kind)},
        {QStringLiteral("mount_point"), finding.mountPoint},
        {QStringLiteral("fs_type"), finding.fsType},
        {QStringLiteral("source"), finding.source},
        {QStringLiteral("device"), finding.device},
        {QStringLiteral("detail"), finding.detail},
        {QStringLiteral("accepted_reference"), store->setting(QString::fromLatin1(StoreProtection::kAcceptedSetting))},
    });
    return kExitOk;
}

// halldeskctl idcard --db PATH --operator CODE [--url URL] ACCOUNT_NO   (the card's number on stdin)
// The number is read from stdin, not taken as an argument: arguments show in the process list and shell history.
int runIdCard(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Check a presented ID card against an account. The card's number is read from standard input."));
    parser.addPositionalArgument(QStringLiteral("account"), Text::tr("The account number (户号)."),
                                 QStringLiteral("ACCOUNT_NO"));
    parser.addOptions({
        {QStringLiteral("db"), Text::tr("The store file."), QStringLiteral("PATH")},
        {QStringLiteral("operator"), Text::tr("The operator (password in HALLDESK_PASSWORD)."), QStringLiteral("CODE")},
        {QStringLiteral("url"), Text::tr("The central server (default: the store's sync server)."),
         QStringLiteral("URL")},
    });
    parse(parser, args);
    if (parser.positionalArguments().size() != 1) {
        throw CliError{Text::tr("Name one account number."), kExitUsage};
    }
    auto store = openStore(parser.value(QStringLiteral("db")));
    const Session session = signIn(*store, parser.value(QStringLiteral("operator")).trimmed());
    QTextStream in(stdin);
    const QString card = in.readLine().trimmed();
    IdCardCheck check(*store, parser.value(QStringLiteral("url")));
    IdCardCheck::Result result;
    try {
        result = check.verify(parser.positionalArguments().first(), card, session);
    } catch (const StoreError& error) {
        throw CliError{error.message(), kExitUsage};
    }
    QJsonObject out{{QStringLiteral("account_no"), parser.positionalArguments().first().trimmed()},
                    {QStringLiteral("matches"), result.matches},
                    {QStringLiteral("source"), IdCardCheck::sourceCode(result.source)},
                    {QStringLiteral("message"), result.message}};
    if (!result.centreError.isEmpty()) {
        out.insert(QStringLiteral("centre_error"), result.centreError);
    }
    printJson(out);
    return result.source == IdCardCheck::Source::None ? kExitFailure : kExitOk;
}

} // namespace HallDesk::Cli
