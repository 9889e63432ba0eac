#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "app/demo/DemoGenerator.h"
#include "db/PrivateFiles.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>
#include <cstdio>

namespace HallDesk::Cli {

namespace {

// Seeds are whole numbers a JSON reader keeps exactly (below 2^53).
constexpr quint64 kMaxSeed = (quint64(1) << 53) - 1;

} // namespace

qint64 accountsOption(const QCommandLineParser& parser)
{
    bool ok = false;
    const qint64 accounts = parser.value(QStringLiteral("accounts")).toLongLong(&ok);
    if (!ok || accounts < 1 || accounts > DemoGenerator::kMaxAccounts) {
        throw CliError{Text::tr("--accounts takes a whole number from 1 to %1, not \"%2\".")
                           .arg(DemoGenerator::kMaxAccounts)
                           .arg(parser.value(QStringLiteral("accounts"))),
                       kExitUsage};
    }
    return accounts;
}

quint64 seedOption(const QCommandLineParser& parser)
{
    bool ok = false;
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok || seed > kMaxSeed) {
        throw CliError{Text::tr("--seed takes a whole number from 0 to %1, not \"%2\".")
                           .arg(kMaxSeed)
                           .arg(parser.value(QStringLiteral("seed"))),
                       kExitUsage};
    }
    return seed;
}

QDate asOfOption(const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("as-of"))) {
        return DemoGenerator::today();
    }
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QString text = parser.value(QStringLiteral("as-of"));
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!shape.match(text).hasMatch() || !date.isValid() || date.year() < 2000) {
        throw CliError{Text::tr("--as-of takes a date as YYYY-MM-DD from the year 2000 on, not \"%1\".").arg(text),
                       kExitUsage};
    }
    return date;
}

// halldeskctl demo --db PATH [--accounts N] [--seed S] [--as-of YYYY-MM-DD]
// Progress goes to stderr; the summary is one JSON object on stdout.
int runDemo(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Create a store with realistic demo accounts."));
    parser.addOptions({
        {QStringLiteral("db"), Text::tr("The store file to create; it must not exist yet."), QStringLiteral("PATH")},
        {QStringLiteral("accounts"), Text::tr("How many accounts to make (default 200000)."), QStringLiteral("N"),
         QStringLiteral("200000")},
        {QStringLiteral("seed"), Text::tr("The same seed and date always make the same store (default 1)."),
         QStringLiteral("S"), QStringLiteral("1")},
        {QStringLiteral("as-of"), Text::tr("The day the bills and arrears are as of (default today)."),
         QStringLiteral("YYYY-MM-DD")},
    });
    parse(parser, args);
    const QString path = required(parser, QStringLiteral("db"));
    DemoOptions options;
    options.accounts = accountsOption(parser);
    options.seed = seedOption(parser);
    options.asOf = asOfOption(parser);
    if (QFileInfo::exists(path)) {
        throw CliError{Text::tr("%1 exists already; demo never overwrites a file.").arg(path), kExitUsage};
    }
    try {
        PrivateFiles::makeFolder(QFileInfo(path).absolutePath()); // missing folders are made 0700
    } catch (const StoreError& error) {
        throw CliError{error.message(), kExitUsage};
    }

    QElapsedTimer timer;
    timer.start();
    const qint64 step = std::max<qint64>(1, options.accounts / 10);
    qint64 reported = 0;
    const auto progress = [&](qint64 written, qint64 total) {
        if (written - reported >= step || written == total) {
            reported = written;
            std::fprintf(stderr, "%s\n",
                         qPrintable(Text::tr("demo: %1 of %2 accounts written (%3 s)")
                                        .arg(written)
                                        .arg(total)
                                        .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)));
        }
    };
    const DemoSummary summary = DemoGenerator(options).create(path, progress);
    printJson({
        {QStringLiteral("path"), summary.path},
        {QStringLiteral("accounts"), summary.accounts},
        {QStringLiteral("bills"), summary.bills},
        {QStringLiteral("halls"), summary.halls},
        {QStringLiteral("operators"), summary.operators},
        {QStringLiteral("areas"), summary.areas},
        {QStringLiteral("groups"), summary.groups},
        {QStringLiteral("seed"), qint64(summary.seed)},
        {QStringLiteral("as_of"), summary.asOf.toString(Qt::ISODate)},
        // whole hundredths of a second, on purpose
        {QStringLiteral("seconds"), double(summary.milliseconds / 10) / 100.0}, // NOLINT(bugprone-integer-division)
    });
    return kExitOk;
}

} // namespace HallDesk::Cli
