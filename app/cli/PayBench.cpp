#include "app/auth/AuthService.h"
#include "app/cli/Benchmarks.h"
#include "app/cli/CliSupport.h"
#include "app/counter/CounterService.h"
#include "app/documents/DocumentBench.h"
#include "db/Sql.h"
#include "db/Store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <cstdio>

namespace HallDesk::Cli::Bench {

namespace {

constexpr int kDefaultPayments = 300;
constexpr int kDefaultGroupAccounts = 500;
constexpr int kWarmUp = 10;
constexpr double kGoalP95Ms = 10.0;
constexpr double kGoalRatio = 3.0;
constexpr double kGoalGroupMs = 1000.0;
constexpr double kGoalReceiptMs = 10.0;

// The mean time to lay out and render the last payment's receipt as a PDF (libharu, QR code), read back from
// the store as `halldeskctl receipt` does.
double receiptPdfRenderMillis(Store& store, const QString& receiptNo)
{
    return benchReceiptPdfMillis(CounterService(store).receipt(receiptNo));
}

// A store of the bench's own beside the given one (same file system, so the fsyncs cost the same), holding real
// accounts and open bills copied from it, a clerk of its own and an empty table for the bare insert.
struct BenchStore
{
    QStringList singles;
    QStringList group;
    Session session;
};

BenchStore seed(Store& bench, const QString& sourcePath, int singles, int group)
{
    QSqlDatabase db = bench.connection();
    Sql::exec(db, QStringLiteral("ATTACH DATABASE ? AS src"), {QFileInfo(sourcePath).absoluteFilePath()});
    {
        Sql::Transaction transaction(db);
        Sql::exec(db, QStringLiteral("INSERT INTO halls SELECT * FROM src.halls"));
        Sql::exec(db, QStringLiteral("INSERT INTO terminals SELECT * FROM src.terminals"));
        Sql::exec(
            db,
            QStringLiteral("INSERT OR REPLACE INTO settings SELECT * FROM src.settings WHERE key IN ('hall.code', "
                           "'terminal.code', 'company.name', 'hall.timezone', 'late_fee.policy')"));
        Sql::exec(db, QStringLiteral("CREATE TEMP TABLE bench_ids (id INTEGER PRIMARY KEY)"));
        Sql::exec(db,
                  QStringLiteral(
                      "INSERT INTO bench_ids SELECT a.id FROM src.accounts a WHERE a.status <> 'closed' AND EXISTS "
                      "(SELECT 1 FROM src.bills b WHERE b.account_id = a.id AND b.status <> 'paid') LIMIT ?"),
                  {singles + group});
        // Few accounts owe anything in a healthy hall; the rest of the group pays as prepaid top-ups.
        Sql::exec(db,
                  QStringLiteral(
                      "INSERT INTO bench_ids SELECT id FROM src.accounts WHERE status <> 'closed' "
                      "AND id NOT IN (SELECT id FROM bench_ids) LIMIT max(0, ? - (SELECT count(*) FROM bench_ids))"),
                  {singles + group});
        Sql::exec(db,
                  QStringLiteral(
                      "INSERT INTO accounts (id, account_no, name, customer_class, address, hall_id, meter_no, "
                      "status, risk_level, prepaid_fen, id_card_no, opened_on, updated_at) SELECT id, account_no, "
                      "name, customer_class, address, hall_id, meter_no, status, risk_level, prepaid_fen, "
                      "id_card_no, opened_on, updated_at FROM src.accounts WHERE id IN (SELECT id FROM bench_ids)"));
        Sql::exec(db,
                  QStringLiteral(
                      "INSERT INTO bills (id, account_id, period, kwh, amount_fen, issue_date, due_date, paid_fen, "
                      "status, paid_on, fee_through, fee_carried_fen) SELECT id, account_id, period, kwh, "
                      "amount_fen, issue_date, due_date, paid_fen, status, paid_on, fee_through, fee_carried_fen "
                      "FROM src.bills WHERE account_id IN (SELECT id FROM bench_ids)"));
        Sql::exec(db,
                  QStringLiteral("INSERT INTO prepaid_ledger (account_id, delta_fen, balance_after, created_at, note) "
                                 "SELECT id, prepaid_fen, prepaid_fen, '1970-01-01T00:00:00Z', 'opening' FROM accounts "
                                 "WHERE prepaid_fen <> 0"));
        Sql::exec(db,
                  QStringLiteral("INSERT INTO operators (code, name, password_hash, created_at, updated_at) VALUES "
                                 "('bench', 'bench', '-', '1970-01-01T00:00:00Z', '1970-01-01T00:00:00Z')"));
        Sql::exec(
            db,
            QStringLiteral("INSERT INTO operator_roles (operator_id, role) SELECT id, 'clerk' FROM operators WHERE "
                           "code = 'bench'"));
        Sql::exec(db, QStringLiteral("CREATE TABLE bench_bare (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)"));
        transaction.commit();
    }
    Sql::exec(db, QStringLiteral("DETACH DATABASE src"));
    BenchStore result;
    QSqlQuery accounts
        = Sql::exec(db,
                    QStringLiteral("SELECT account_no FROM accounts a ORDER BY NOT EXISTS (SELECT 1 FROM bills b "
                                   "WHERE b.account_id = a.id AND b.status <> 'paid'), id"));
    while (accounts.next()) {
        (result.singles.size() < singles ? result.singles : result.group).append(accounts.value(0).toString());
    }
    if (result.singles.isEmpty()) {
        throw CliError{Text::tr("The store has no accounts with open bills to pay."), kExitFailure};
    }
    result.session.op.id
        = Sql::scalar(db, QStringLiteral("SELECT id FROM operators WHERE code = 'bench'")).toLongLong();
    result.session.op.code = QStringLiteral("bench");
    result.session.op.roles = {Role::Clerk};
    result.session.workplace = AuthService(bench).workplace();
    return result;
}

PaymentRequest exactCash(CounterService& counter, const QStringList& accounts, QDate on)
{
    const Money due = counter.dues(accounts, on).due();
    const Money amount = due.isZero() ? Money::fromYuan(1) : due; // nothing due: a small top-up
    PaymentRequest request;
    request.uuid = QUuid::createUuid();
    request.accountNos = accounts;
    request.tenders = {{TenderMethod::Cash, amount, amount, {}}};
    request.expectedDue = due;
    return request;
}

} // namespace

int pay(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Time payment commits (synchronous=FULL) against a bare one-row insert "
                                              "transaction on the same file system, and a group payment."));
    parser.addOptions({
        {QStringLiteral("db"), Text::tr("The store whose accounts are copied into a temporary bench store."),
         QStringLiteral("PATH")},
        {QStringLiteral("payments"), Text::tr("Payments to time (default %1).").arg(kDefaultPayments),
         QStringLiteral("N")},
        {QStringLiteral("group"), Text::tr("Accounts in the group payment (default %1).").arg(kDefaultGroupAccounts),
         QStringLiteral("N")},
    });
    parse(parser, args);
    const QString path = required(parser, QStringLiteral("db"));
    const int payments = positiveOption(parser, QStringLiteral("payments"), kDefaultPayments);
    const int groupSize = positiveOption(parser, QStringLiteral("group"), kDefaultGroupAccounts);
    openStore(path); // the usual messages for a missing or foreign file

    QTemporaryDir dir(QFileInfo(path).absoluteDir().filePath(QStringLiteral("halldesk-bench-XXXXXX")));
    if (!dir.isValid()) {
        throw CliError{Text::tr("Cannot make a temporary folder beside %1.").arg(path), kExitFailure};
    }
    auto bench = Store::open(dir.filePath(QStringLiteral("bench.sqlite")), Store::OpenMode::CreateIfMissing);
    const BenchStore seeded = seed(*bench, path, payments + kWarmUp, groupSize);
    CounterService counter(*bench);
    const QDate on = counter.businessDate();
    QSqlDatabase db = bench->connection();

    // Payments and bare inserts take turns, so both see the same disk at the same moments.
    QList<double> payMillis;
    QList<double> bareMillis;
    QElapsedTimer timer;
    QString lastReceipt;
    for (int i = 0; i < seeded.singles.size(); ++i) {
        const PaymentRequest request = exactCash(counter, {seeded.singles.at(i)}, on);
        timer.start();
        lastReceipt = counter.pay(request, seeded.session).receiptNos.value(0);
        const double payMs = double(timer.nsecsElapsed()) / 1e6;
        timer.start();
        {
            Sql::Transaction transaction(db);
            Sql::exec(db, QStringLiteral("INSERT INTO bench_bare (payload) VALUES (?)"), {request.uuid.toString()});
            transaction.commit();
        }
        const double bareMs = double(timer.nsecsElapsed()) / 1e6;
        if (i >= kWarmUp) {
            payMillis.append(payMs);
            bareMillis.append(bareMs);
        }
    }
    const Percentiles payP = percentiles(payMillis);
    const Percentiles bareP = percentiles(bareMillis);

    double groupMs = 0;
    qsizetype groupAccounts = seeded.group.size();
    if (!seeded.group.isEmpty()) {
        const PaymentRequest request = exactCash(counter, seeded.group, on);
        timer.start();
        counter.pay(request, seeded.session);
        groupMs = double(timer.nsecsElapsed()) / 1e6;
    }
    const double renderMs = receiptPdfRenderMillis(*bench, lastReceipt);
    const QString synchronous = Sql::scalar(db, QStringLiteral("PRAGMA synchronous")).toString();

    const double ratioP50 = ratio(payP.p50, bareP.p50);
    const double ratioP95 = ratio(payP.p95, bareP.p95);
    printJson({
        {QStringLiteral("benchmark"), QStringLiteral("pay")},
        {QStringLiteral("payments"), payMillis.size()},
        {QStringLiteral("synchronous"), synchronous == QLatin1String("2") ? QStringLiteral("FULL") : synchronous},
        {QStringLiteral("p50_ms"), rounded(payP.p50)},
        {QStringLiteral("p95_ms"), rounded(payP.p95)},
        {QStringLiteral("p99_ms"), rounded(payP.p99)},
        {QStringLiteral("bare_insert_p50_ms"), rounded(bareP.p50)},
        {QStringLiteral("bare_insert_p95_ms"), rounded(bareP.p95)},
        {QStringLiteral("ratio_p50"), rounded(ratioP50)},
        {QStringLiteral("ratio_p95"), rounded(ratioP95)},
        {QStringLiteral("goal_p95_ms"), kGoalP95Ms},
        {QStringLiteral("goal_ratio"), kGoalRatio},
        {QStringLiteral("goal_met"), payP.p95 <= kGoalP95Ms && ratioP95 <= kGoalRatio},
    });
    printJson({
        {QStringLiteral("benchmark"), QStringLiteral("pay_group")},
        {QStringLiteral("accounts"), groupAccounts},
        {QStringLiteral("ms"), rounded(groupMs)},
        {QStringLiteral("goal_ms"), kGoalGroupMs},
        {QStringLiteral("goal_met"), groupMs <= kGoalGroupMs},
    });
    printJson({
        {QStringLiteral("benchmark"), QStringLiteral("receipt_pdf")},
        {QStringLiteral("ms"), rounded(renderMs)},
        {QStringLiteral("goal_ms"), kGoalReceiptMs},
        {QStringLiteral("goal_met"), renderMs <= kGoalReceiptMs},
    });
    std::fflush(stdout);

    QString text = Text::tr("Payment commit, synchronous=FULL, %1 single-account cash payments on a bench store beside "
                            "%2:\n")
                       .arg(payMillis.size())
                       .arg(path);
    text += Text::tr("  payment      p50 %1 ms  p95 %2 ms  p99 %3 ms (goal p95 under %4 ms)\n")
                .arg(payP.p50, 0, 'f', 3)
                .arg(payP.p95, 0, 'f', 3)
                .arg(payP.p99, 0, 'f', 3)
                .arg(kGoalP95Ms);
    text += Text::tr("  bare insert  p50 %1 ms  p95 %2 ms\n").arg(bareP.p50, 0, 'f', 3).arg(bareP.p95, 0, 'f', 3);
    text += Text::tr("  ratio        p50 %1x  p95 %2x (goal at most %3x)\n")
                .arg(ratioP50, 0, 'f', 2)
                .arg(ratioP95, 0, 'f', 2)
                .arg(kGoalRatio);
    text += Text::tr("Group payment over %1 accounts: %2 ms (goal under %3 ms)\n")
                .arg(groupAccounts)
                .arg(groupMs, 0, 'f', 1)
                .arg(kGoalGroupMs);
    text += Text::tr("Receipt PDF render: %1 ms (goal under %2 ms)\n").arg(renderMs, 0, 'f', 3).arg(kGoalReceiptMs);
    std::fputs(qPrintable(text), stderr);
    return kExitOk;
}

} // namespace HallDesk::Cli::Bench
