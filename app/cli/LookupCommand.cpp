#include "app/billing/CustomerClass.h"
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "app/lookup/LookupService.h"
#include "db/Store.h"

#include <cstdio>
#include <limits>

namespace HallDesk::Cli {

namespace {

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 10'000;

int intOption(const QCommandLineParser& parser, const QString& option, int fallback, int minimum, int maximum)
{
    if (!parser.isSet(option)) {
        return fallback;
    }
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < minimum || value > maximum) {
        throw CliError{Text::tr("--%1 takes a whole number from %2 to %3.").arg(option).arg(minimum).arg(maximum),
                       kExitUsage};
    }
    return value;
}

} // namespace

// halldeskctl lookup --db PATH QUERY [--limit N] [--offset N] [--explain]
// One JSON line per matching account, best first; nothing found prints nothing and exits 0.
int runLookup(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Find accounts by anything a customer says or shows: account number "
                                              "(exact or prefix), bill barcode, mobile (full or last four digits), "
                                              "landline, meter number, name or part of it, address fragment."));
    parser.addOptions({
        {QStringLiteral("db"), Text::tr("The store file."), QStringLiteral("PATH")},
        {QStringLiteral("limit"), Text::tr("At most this many accounts (default %1).").arg(kDefaultLimit),
         QStringLiteral("N")},
        {QStringLiteral("offset"), Text::tr("Skip this many accounts first (for paging; default 0)."),
         QStringLiteral("N")},
        {QStringLiteral("explain"), Text::tr("Print SQLite's query plan of each step instead of the accounts.")},
    });
    parser.addPositionalArgument(QStringLiteral("query"), Text::tr("What to look for; several words are one query."),
                                 QStringLiteral("QUERY"));
    parse(parser, args);
    const QString path = required(parser, QStringLiteral("db"));
    const QString input = parser.positionalArguments().join(u' ');
    if (LookupService::classify(input).kind == LookupQuery::Kind::Empty) {
        throw CliError{Text::tr("Give something to look for: an account number, a name, a phone number, …"),
                       kExitUsage};
    }
    const int limit = intOption(parser, QStringLiteral("limit"), kDefaultLimit, 1, kMaxLimit);
    const int offset = intOption(parser, QStringLiteral("offset"), 0, 0, std::numeric_limits<int>::max() - kMaxLimit);

    auto store = openStore(path);
    const LookupService lookup(*store);
    if (parser.isSet(QStringLiteral("explain"))) {
        for (const QString& line : lookup.explain(input)) {
            const qsizetype colon = line.indexOf(QStringLiteral(": "));
            printJson({{QStringLiteral("step"), line.left(colon)}, {QStringLiteral("plan"), line.mid(colon + 2)}});
        }
        return kExitOk;
    }
    const QList<AccountSummary> accounts = lookup.search(input, offset, limit);
    if (accounts.isEmpty()) {
        if (const QString hint = LookupService::hint(LookupService::classify(input)); !hint.isEmpty()) {
            std::fprintf(stderr, "halldeskctl lookup: %s\n", qPrintable(hint));
        }
    }
    for (const AccountSummary& account : accounts) {
        printJson({
            {QStringLiteral("account_no"), account.accountNo},
            {QStringLiteral("name"), account.name},
            {QStringLiteral("address"), account.address},
            {QStringLiteral("class"), customerClassCode(account.customerClass)},
            {QStringLiteral("status"), account.status},
            {QStringLiteral("arrears"), account.arrears.toString()},
            {QStringLiteral("arrears_fen"), account.arrears.fen()},
        });
    }
    return kExitOk;
}

} // namespace HallDesk::Cli
