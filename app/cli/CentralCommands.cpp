#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "app/demo/CentralDemoWriter.h"
#include "app/money/Money.h"
#include "db/Central.h"
#include "db/CentralMigrator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>
#include <cstdio>
#include <sodium.h>

namespace HallDesk::Cli {

namespace {

CentralSettings urlOption(const QCommandLineParser& parser)
{
    const QString url = required(parser, QStringLiteral("url"));
    try {
        return CentralSettings::fromUrl(url);
    } catch (const StoreError& error) {
        throw CliError{error.message(), kExitUsage};
    }
}

QCommandLineOption urlDefinition()
{
    return {QStringLiteral("url"),
            Text::tr("The central server, postgresql://user:password@host:port/database (an administrator)."),
            QStringLiteral("URL")};
}

void noPositional(const QCommandLineParser& parser)
{
    if (!parser.positionalArguments().isEmpty()) {
        throw CliError{Text::tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().first()), kExitUsage};
    }
}

// halldeskctl central migrate --url URL
int runMigrate(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Bring the central database up to this HallDesk's schema version and "
                                              "apply its functions and views again. Safe to run again; refuses a "
                                              "database that is newer."));
    parser.addOption(urlDefinition());
    parse(parser, args);
    noPositional(parser);
    const CentralSettings settings = urlOption(parser);
    CentralConnection connection(settings);
    const CentralMigrator::Result result = CentralMigrator::migrate(connection);
    printJson(QJsonObject{
        {QStringLiteral("from"), result.from},
        {QStringLiteral("to"), result.to},
        {QStringLiteral("latest"), CentralMigrator::latestVersion()},
        {QStringLiteral("applied"), QJsonArray::fromStringList(result.applied)},
        {QStringLiteral("api"), QJsonArray::fromStringList(result.api)},
        {QStringLiteral("api_sha256"), result.apiSha256},
    });
    return kExitOk;
}

// halldeskctl central terminal add --url URL --hall CODE --terminal CODE [--name NAME]
int runTerminal(const QStringList& args)
{
    if (args.size() < 2 || args.at(1) != QStringLiteral("add")) {
        throw CliError{Text::tr("Usage: halldeskctl central terminal add --url URL --hall CODE --terminal CODE "
                                "[--name NAME]"),
                       kExitUsage};
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Create a terminal's login role on the centre and print its connection "
                                              "settings once (the password is not stored anywhere else)."));
    parser.addOptions({
        urlDefinition(),
        {QStringLiteral("hall"), Text::tr("The hall's code, e.g. H01."), QStringLiteral("CODE")},
        {QStringLiteral("terminal"), Text::tr("The terminal's code in the hall, e.g. T01."), QStringLiteral("CODE")},
        {QStringLiteral("name"), Text::tr("A name for the terminal."), QStringLiteral("NAME")},
    });
    parse(parser, args.mid(1));
    noPositional(parser);
    const CentralSettings settings = urlOption(parser);
    const QString hall = required(parser, QStringLiteral("hall"));
    const QString terminal = required(parser, QStringLiteral("terminal"));
    const QString password = newPassword();
    CentralConnection connection(settings);
    const QString role = connection
                             .scalar(QStringLiteral("SELECT central.add_terminal(?, ?, ?, ?)"),
                                     {hall, terminal, password, parser.value(QStringLiteral("name"))})
                             .toString();
    CentralSettings terminalSettings = settings;
    terminalSettings.user = role;
    terminalSettings.password = password;
    printJson(QJsonObject{
        {QStringLiteral("hall"), hall},
        {QStringLiteral("terminal"), terminal},
        {QStringLiteral("role"), role},
        {QStringLiteral("password"), password},
        {QStringLiteral("host"), settings.host},
        {QStringLiteral("port"), settings.port},
        {QStringLiteral("database"), settings.database},
        {QStringLiteral("url"), terminalSettings.url()},
    });
    return kExitOk;
}

// halldeskctl central pay --url URL --account A --amount X --channel bank|wechat|alipay|online [--uuid U]
int runCentralPay(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Record a payment made outside the halls (bank, WeChat, Alipay, "
                                              "online) on the centre; it reaches the counters on their next sync."));
    parser.addOptions({
        urlDefinition(),
        {QStringLiteral("account"), Text::tr("The account number."), QStringLiteral("ACCOUNT")},
        {QStringLiteral("amount"), Text::tr("The amount paid, e.g. 100.00."), QStringLiteral("AMOUNT")},
        {QStringLiteral("channel"), Text::tr("bank, wechat, alipay or online."), QStringLiteral("CHANNEL")},
        {QStringLiteral("uuid"),
         Text::tr("The payment's UUID (default: a new one); the same UUID again records "
                  "nothing new."),
         QStringLiteral("UUID")},
    });
    parse(parser, args);
    noPositional(parser);
    const CentralSettings settings = urlOption(parser);
    const QString account = required(parser, QStringLiteral("account"));
    const QString amountText = required(parser, QStringLiteral("amount"));
    QString error;
    const std::optional<Money> amount = Money::parse(amountText, &error, Money::Sign::NonNegative);
    if (!amount || amount->fen() <= 0) {
        throw CliError{Text::tr("--amount \"%1\": %2")
                           .arg(amountText, amount ? Text::tr("the amount must be more than zero") : error),
                       kExitUsage};
    }
    const QString channel = required(parser, QStringLiteral("channel"));
    static const QStringList channels{QStringLiteral("bank"), QStringLiteral("wechat"), QStringLiteral("alipay"),
                                      QStringLiteral("online")};
    if (!channels.contains(channel)) {
        throw CliError{
            Text::tr("Unknown channel \"%1\"; use one of %2.").arg(channel, channels.join(QStringLiteral(", "))),
            kExitUsage};
    }
    QUuid uuid = QUuid::createUuid();
    if (parser.isSet(QStringLiteral("uuid"))) {
        uuid = QUuid::fromString(parser.value(QStringLiteral("uuid")));
        if (uuid.isNull()) {
            throw CliError{Text::tr("--uuid \"%1\" is not a UUID.").arg(parser.value(QStringLiteral("uuid"))),
                           kExitUsage};
        }
    }
    CentralConnection connection(settings);
    const QJsonValue result
        = connection.json("SELECT central.record_external_payment($1, $2::bigint, $3, $4::uuid)::text",
                          {account.toUtf8(), QByteArray::number(amount->fen()), channel.toUtf8(),
                           uuid.toString(QUuid::WithoutBraces).toUtf8()});
    QJsonObject object = result.toObject();
    if (!object.contains(QStringLiteral("uuid"))) {
        object.insert(QStringLiteral("uuid"), uuid.toString(QUuid::WithoutBraces));
    }
    printJson(object);
    return kExitOk;
}

// halldeskctl central demo --url URL --accounts N [--seed S] [--as-of YYYY-MM-DD]
int runCentralDemo(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Load the local demo's accounts, bills and payer groups (the same for "
                                              "the same seed and date) into a migrated centre without accounts."));
    parser.addOptions({
        urlDefinition(),
        {QStringLiteral("accounts"), Text::tr("How many accounts to make (default 200000)."), QStringLiteral("N"),
         QStringLiteral("200000")},
        {QStringLiteral("seed"), Text::tr("The same seed and date always make the same store (default 1)."),
         QStringLiteral("S"), QStringLiteral("1")},
        {QStringLiteral("as-of"), Text::tr("The day the bills and arrears are as of (default today)."),
         QStringLiteral("YYYY-MM-DD")},
    });
    parse(parser, args);
    noPositional(parser);
    const CentralSettings settings = urlOption(parser);
    DemoOptions options;
    options.accounts = accountsOption(parser);
    options.seed = seedOption(parser);
    options.asOf = asOfOption(parser);
    CentralConnection connection(settings);
    CentralDemoSummary summary;
    try {
        summary = CentralDemoWriter(options).load(connection);
    } catch (const CentralDemoWriter::Occupied& occupied) {
        throw CliError{QString::fromStdString(occupied.what()), kExitUsage};
    }
    printJson({
        {QStringLiteral("accounts"), summary.accounts},
        {QStringLiteral("bills"), summary.bills},
        {QStringLiteral("halls"), summary.halls},
        {QStringLiteral("operators"), summary.operators},
        {QStringLiteral("areas"), summary.areas},
        {QStringLiteral("groups"), summary.groups},
        {QStringLiteral("members"), summary.members},
        {QStringLiteral("seed"), qint64(summary.seed)},
        {QStringLiteral("as_of"), summary.asOf.toString(Qt::ISODate)},
        // whole hundredths of a second, on purpose
        {QStringLiteral("seconds"), double(summary.milliseconds / 10) / 100.0}, // NOLINT(bugprone-integer-division)
    });
    return kExitOk;
}

} // namespace

// A password for a terminal role: 24 random bytes from libsodium, base64 without padding, URL-safe.
QString newPassword()
{
    if (sodium_init() < 0) {
        throw CliError{Text::tr("libsodium could not be initialised."), kExitFailure};
    }
    unsigned char bytes[24];
    randombytes_buf(bytes, sizeof bytes);
    char text[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(bytes, sizeof bytes);
    return QString::fromLatin1(text);
}

// halldeskctl central migrate | terminal add | pay | demo
int runCentral(const QStringList& args)
{
    const QString usage = Text::tr("Usage: halldeskctl central migrate|terminal add|pay|demo --url URL … "
                                   "(halldeskctl central SUBCOMMAND --help for each).");
    if (args.size() < 2) {
        throw CliError{usage, kExitUsage};
    }
    const QString& sub = args.at(1);
    if (sub == QStringLiteral("migrate")) {
        return runMigrate(args.mid(1));
    }
    if (sub == QStringLiteral("terminal")) {
        return runTerminal(args.mid(1));
    }
    if (sub == QStringLiteral("pay")) {
        return runCentralPay(args.mid(1));
    }
    if (sub == QStringLiteral("demo")) {
        return runCentralDemo(args.mid(1));
    }
    if (sub == QStringLiteral("--help") || sub == QStringLiteral("-h")) {
        std::fputs(qPrintable(usage + QLatin1Char('\n')), stdout);
        return kExitOk;
    }
    throw CliError{Text::tr("Unknown subcommand \"%1\". %2").arg(sub, usage), kExitUsage};
}

} // namespace HallDesk::Cli
