#include "app/cli/Benchmarks.h"
#include "app/cli/CliSupport.h"
#include "app/lookup/LookupService.h"
#include "app/lookup/QueryText.h"
#include "db/Sql.h"
#include "db/Store.h"

#include <QSqlQuery>
#include <cstdio>
#include <random>

namespace HallDesk::Cli::Bench {

namespace {

constexpr int kPageRows = 50; // the first page of the lookup screen
constexpr int kDefaultRuns = 200;
constexpr int kDefaultNaiveRuns = 10; // each naive run reads the whole accounts table
constexpr double kExactGoalMs = 1.0;
constexpr double kOtherGoalMs = 30.0;
constexpr quint32 kSampleSeed = 20'240'601;

struct SampleAccount
{
    QString accountNo;
    QString name;
    QString address;
    QString meterNo;
    QString mobile;
};

// Accounts spread over the whole store, the same ones on every run for the same store.
QList<SampleAccount> sampleAccounts(const QSqlDatabase& db, int count)
{
    QSqlQuery bounds = Sql::exec(db, QStringLiteral("SELECT min(id), max(id), count(*) FROM accounts"));
    bounds.next();
    const qint64 minId = bounds.value(0).toLongLong();
    const qint64 maxId = bounds.value(1).toLongLong();
    if (bounds.value(2).toLongLong() == 0) {
        throw CliError{Text::tr("The store has no accounts to sample queries from."), kExitFailure};
    }
    std::mt19937 random(kSampleSeed); // its sequence is fixed by the standard; no distribution object, whose isn't
    QList<SampleAccount> samples;
    samples.reserve(count);
    for (int i = 0; i < count; ++i) {
        const qint64 id = minId + qint64(random() % quint64(maxId - minId + 1));
        QSqlQuery row = Sql::exec(
            db,
            QStringLiteral("SELECT accounts.account_no, accounts.name, accounts.address, accounts.meter_no, "
                           "coalesce(contacts.mobile, '') FROM accounts LEFT JOIN contacts "
                           "ON contacts.account_id = accounts.id WHERE accounts.id >= ? ORDER BY accounts.id LIMIT 1"),
            {id});
        if (row.next()) {
            samples.append({row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                            row.value(3).toString(), row.value(4).toString()});
        }
    }
    return samples;
}

// `length` characters of `text` from `start` (taken modulo the positions there are).
QString fragment(const QString& text, int length, int start)
{
    const QList<uint> codePoints = text.toUcs4();
    if (codePoints.size() <= length) {
        return text;
    }
    const qsizetype from = qsizetype(start) % (codePoints.size() - length + 1);
    return QString::fromUcs4(reinterpret_cast<const char32_t*>(codePoints.constData()) + from, length);
}

struct LookupKind
{
    const char* name;
    const char* description;
    double goalMs;
    // The query for the i-th sample account; empty when the account has nothing of this kind.
    QString (*query)(const SampleAccount& account, int i);
};

const LookupKind kLookupKinds[] = {
    {"exact", QT_TRANSLATE_NOOP("halldeskctl", "existing account number"), kExactGoalMs,
     [](const SampleAccount& a, int) { return a.accountNo; }},
    {"prefix", QT_TRANSLATE_NOOP("halldeskctl", "first 4 to 8 digits of an account number"), kOtherGoalMs,
     [](const SampleAccount& a, int i) { return a.accountNo.left(4 + i % 5); }},
    {"surname", QT_TRANSLATE_NOOP("halldeskctl", "first character of a name"), kOtherGoalMs,
     [](const SampleAccount& a, int) { return fragment(a.name, 1, 0); }},
    {"name2", QT_TRANSLATE_NOOP("halldeskctl", "two characters of a name: its start, or a given name"), kOtherGoalMs,
     [](const SampleAccount& a, int i) {
         const bool givenName = i % 2 == 1 && QueryText::characterCount(a.name) == 3;
         return fragment(a.name, 2, givenName ? 1 : 0);
     }},
    {"address", QT_TRANSLATE_NOOP("halldeskctl", "3 to 6 characters of an address"), kOtherGoalMs,
     [](const SampleAccount& a, int i) { return fragment(a.address, 3 + i % 4, i * 7); }},
    {"mobile", QT_TRANSLATE_NOOP("halldeskctl", "full mobile number"), kOtherGoalMs,
     [](const SampleAccount& a, int) { return a.mobile; }},
    {"tail", QT_TRANSLATE_NOOP("halldeskctl", "last four digits of a mobile number"), kOtherGoalMs,
     [](const SampleAccount& a, int) { return a.mobile.right(4); }},
    {"meter", QT_TRANSLATE_NOOP("halldeskctl", "existing meter number"), kOtherGoalMs,
     [](const SampleAccount& a, int) { return a.meterNo; }},
};

QStringList queriesOf(const LookupKind& kind, const QList<SampleAccount>& samples, int runs)
{
    QStringList queries;
    for (int i = 0; queries.size() < runs && i < runs * 4; ++i) {
        const QString query = kind.query(samples.at(i % samples.size()), i);
        if (!query.isEmpty()) {
            queries.append(query);
        }
    }
    return queries;
}

struct KindResult
{
    const LookupKind* kind = nullptr;
    QString example;
    int runs = 0;
    int found = 0; // runs that returned at least one account
    Percentiles indexed;
    int naiveRuns = 0;
    Percentiles naive;
    bool goalMet() const { return indexed.p95 < kind->goalMs; }
};

// Times the service on `queries` (after one untimed pass that warms the page cache), and the naive scan on the
// first `naiveRuns` of them.
KindResult measure(const LookupKind& kind, const QStringList& queries, int naiveRuns, const LookupService& lookup,
                   const QSqlDatabase& db)
{
    KindResult result;
    result.kind = &kind;
    result.example = queries.value(0);
    result.runs = int(queries.size());
    const auto indexed = [&lookup, &result](const QString& query) {
        result.found += lookup.search(query, 0, kPageRows).isEmpty() ? 0 : 1;
    };
    timeEach(queries, indexed);
    result.found = 0;
    result.indexed = percentiles(timeEach(queries, indexed));

    // What one would write without the search indexes: LIKE '%q%' over the columns, reading row after row until
    // it has a page (the whole table when fewer rows match).
    const QString naiveSql = QStringLiteral(
        "SELECT id, account_no, name, address, customer_class, status FROM accounts WHERE name LIKE ? ESCAPE '\\' "
        "OR address LIKE ? ESCAPE '\\' OR account_no LIKE ? ESCAPE '\\' LIMIT ?");
    const auto naive = [&db, &naiveSql](const QString& query) {
        const QString pattern = QueryText::likePattern(query);
        QSqlQuery rows = Sql::exec(db, naiveSql, {pattern, pattern, pattern, kPageRows});
        while (rows.next()) { }
    };
    const QStringList naiveQueries = queries.mid(0, naiveRuns);
    result.naiveRuns = int(naiveQueries.size());
    result.naive = percentiles(timeEach(naiveQueries, naive));
    return result;
}

void printLine(const KindResult& r, qint64 accounts)
{
    printJson({
        {QStringLiteral("benchmark"), QStringLiteral("lookup")},
        {QStringLiteral("kind"), QLatin1String(r.kind->name)},
        {QStringLiteral("queries"), QCoreApplication::translate("halldeskctl", r.kind->description)},
        {QStringLiteral("example"), r.example},
        {QStringLiteral("accounts"), accounts},
        {QStringLiteral("page_rows"), kPageRows},
        {QStringLiteral("runs"), r.runs},
        {QStringLiteral("found"), r.found},
        {QStringLiteral("p50_ms"), rounded(r.indexed.p50)},
        {QStringLiteral("p95_ms"), rounded(r.indexed.p95)},
        {QStringLiteral("p99_ms"), rounded(r.indexed.p99)},
        {QStringLiteral("naive_runs"), r.naiveRuns},
        {QStringLiteral("naive_p50_ms"), rounded(r.naive.p50)},
        {QStringLiteral("naive_p95_ms"), rounded(r.naive.p95)},
        {QStringLiteral("naive_p99_ms"), rounded(r.naive.p99)},
        {QStringLiteral("ratio_p50"), rounded(ratio(r.naive.p50, r.indexed.p50))},
        {QStringLiteral("ratio_p95"), rounded(ratio(r.naive.p95, r.indexed.p95))},
        {QStringLiteral("ratio_p99"), rounded(ratio(r.naive.p99, r.indexed.p99))},
        {QStringLiteral("goal_p95_ms"), r.kind->goalMs},
        {QStringLiteral("goal_met"), r.goalMet()},
    });
    std::fflush(stdout);
}

void printTable(const QList<KindResult>& results, qint64 accounts, int runs, int naiveRuns)
{
    QString text = Text::tr("Lookup on %1 accounts, %2 rows a page, %3 queries per kind. Naive: LIKE '%q%' over "
                            "name, address and account_no, only %4 of the same queries per kind because each one "
                            "reads the whole table.\n")
                       .arg(accounts)
                       .arg(kPageRows)
                       .arg(runs)
                       .arg(naiveRuns);
    const QString row = QStringLiteral("%1 %2 %3 %4 | %5 %6 %7 | %8 %9\n");
    text += row.arg(Text::tr("kind"), -8)
                .arg(Text::tr("p50 ms"), 9)
                .arg(Text::tr("p95 ms"), 9)
                .arg(Text::tr("p99 ms"), 9)
                .arg(Text::tr("naive p50"), 10)
                .arg(Text::tr("naive p95"), 10)
                .arg(Text::tr("naive p99"), 10)
                .arg(Text::tr("ratio p95"), 10)
                .arg(Text::tr("goal p95 ms"), 14);
    for (const KindResult& r : results) {
        const QString goal
            = QStringLiteral("%1 %2").arg(r.kind->goalMs).arg(r.goalMet() ? Text::tr("met") : Text::tr("MISSED"));
        text += row.arg(QLatin1String(r.kind->name), -8)
                    .arg(r.indexed.p50, 9, 'f', 3)
                    .arg(r.indexed.p95, 9, 'f', 3)
                    .arg(r.indexed.p99, 9, 'f', 3)
                    .arg(r.naive.p50, 10, 'f', 1)
                    .arg(r.naive.p95, 10, 'f', 1)
                    .arg(r.naive.p99, 10, 'f', 1)
                    .arg(ratio(r.naive.p95, r.indexed.p95), 10, 'f', 0)
                    .arg(goal, 14);
    }
    std::fputs(qPrintable(text), stderr);
}

} // namespace

int lookup(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Time the lookup per kind of query, against a naive LIKE scan measured on the same queries."));
    parser.addOptions({
        {QStringLiteral("db"), Text::tr("The store file."), QStringLiteral("PATH")},
        {QStringLiteral("runs"), Text::tr("Queries per kind (default %1).").arg(kDefaultRuns), QStringLiteral("N")},
        {QStringLiteral("naive-runs"), Text::tr("Naive scans per kind (default %1).").arg(kDefaultNaiveRuns),
         QStringLiteral("N")},
    });
    parse(parser, args);
    const QString path = required(parser, QStringLiteral("db"));
    const int runs = positiveOption(parser, QStringLiteral("runs"), kDefaultRuns);
    const int naiveRuns = std::min(runs, positiveOption(parser, QStringLiteral("naive-runs"), kDefaultNaiveRuns));

    auto store = openStore(path);
    const QSqlDatabase db = store->connection();
    const qint64 accounts = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM accounts")).toLongLong();
    const QList<SampleAccount> samples = sampleAccounts(db, runs);
    const LookupService service(*store);
    QList<KindResult> results;
    for (const LookupKind& kind : kLookupKinds) {
        results.append(measure(kind, queriesOf(kind, samples, runs), naiveRuns, service, db));
        printLine(results.last(), accounts);
    }
    printTable(results, accounts, runs, naiveRuns);
    return kExitOk;
}

} // namespace HallDesk::Cli::Bench
