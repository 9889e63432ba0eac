#include "app/auth/AuthService.h"
#include "app/cli/Benchmarks.h"
#include "app/cli/CliSupport.h"
#include "app/counter/CounterService.h"
#include "app/demo/CentralDemoWriter.h"
#include "app/setup/Installation.h"
#include "app/sync/EventLoopProbe.h"
#include "app/sync/SyncWorker.h"
#include "db/Central.h"
#include "db/CentralMigrator.h"
#include "db/Sql.h"
#include "db/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <cmath>
#include <cstdio>

namespace HallDesk::Cli::Bench {

namespace {

constexpr int kDefaultAccounts = 1'000'000;
constexpr int kDefaultEvents = 10'000;
constexpr double kGoalPullSeconds = 60.0;
constexpr double kGoalPushSeconds = 10.0;
constexpr double kGoalPushRatio = 5.0;
constexpr double kGoalGapMs = 50.0;
const QString kHall = QStringLiteral("H01");
const QString kTerminal = QStringLiteral("B01");

// A database of the bench's own on the given server, dropped at the end with the terminal role it made.
class ScratchCentre final
{
public:
    explicit ScratchCentre(const CentralSettings& admin)
        : m_admin(admin)
        , m_name(QStringLiteral("halldesk_bench_%1").arg(QCoreApplication::applicationPid()))
    {
        CentralConnection server(m_admin);
        server.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
        server.exec(QStringLiteral("CREATE DATABASE %1").arg(m_name));
        m_settings = m_admin;
        m_settings.database = m_name;
    }
    ~ScratchCentre()
    {
        try {
            CentralConnection server(m_admin);
            server.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
            if (!m_role.isEmpty()) {
                server.exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_role));
            }
        } catch (const StoreError& error) {
            std::fprintf(stderr, "%s\n", qPrintable(error.message()));
        }
    }
    Q_DISABLE_COPY_MOVE(ScratchCentre)

    const CentralSettings& settings() const { return m_settings; }

    // The terminal's URL; its login role goes with the database.
    QString addTerminal()
    {
        CentralConnection centre(m_settings);
        const QString password = newPassword();
        m_role = centre.scalar(QStringLiteral("SELECT central.add_terminal(?, ?, ?)"), {kHall, kTerminal, password})
                     .toString();
        CentralSettings terminal = m_settings;
        terminal.user = m_role;
        terminal.password = password;
        return terminal.url();
    }

private:
    CentralSettings m_admin;
    QString m_name;
    CentralSettings m_settings;
    QString m_role;
};

struct Round
{
    SyncReport report;
    QString error;
    qint64 maxGapMs = 0;
    int ticks = 0;
};

// One round as the application runs it: SyncRunner's thread, while this thread's event loop is probed.
Round syncRound(Store& store, const QString& url)
{
    Round round;
    EventLoopProbe probe(10);
    probe.start();
    {
        SyncRunner runner(store, url);
        QEventLoop loop;
        QObject::connect(&runner, &SyncRunner::statusChanged, &loop, [&](const SyncStatus& status) {
            if (status.rounds >= 1) {
                round.report = status.lastReport;
                round.error = status.state == SyncStatus::State::Online ? QString() : status.lastError;
                loop.quit();
            }
        });
        loop.exec();
        runner.stop();
    }
    probe.stop();
    round.maxGapMs = probe.maxGapMs();
    round.ticks = probe.ticks();
    if (!round.error.isEmpty()) {
        throw CliError{round.error, kExitFailure};
    }
    return round;
}

// `events` payments through the counter, as a clerk takes them: the open bills of as many accounts, or a top-up
// where an account owes nothing.
void takePayments(Store& store, int events)
{
    AuthService auth(store);
    const QString password = newPassword();
    auth.addOperator(QStringLiteral("bench01"), QStringLiteral("bench"), {Role::Clerk}, password, std::nullopt);
    const AuthService::SignIn signIn = auth.signIn(QStringLiteral("bench01"), password);
    if (!signIn.ok()) {
        throw CliError{signIn.message, kExitFailure};
    }
    const Session session{*signIn.op, auth.workplace()};
    CounterService counter(store);
    const QDate on = counter.businessDate();
    QSqlQuery accounts = Sql::exec(
        store.connection(),
        QStringLiteral("SELECT account_no FROM accounts WHERE status <> 'closed' ORDER BY NOT EXISTS (SELECT 1 FROM "
                       "bills b WHERE b.account_id = accounts.id AND b.status <> 'paid'), id LIMIT ?"),
        {events});
    QStringList accountNos;
    while (accounts.next()) {
        accountNos << accounts.value(0).toString();
    }
    accounts.finish();
    if (accountNos.size() < events) {
        throw CliError{
            Text::tr("The bench hall has %1 accounts; --events %2 needs as many.").arg(accountNos.size()).arg(events),
            kExitUsage};
    }
    for (const QString& accountNo : std::as_const(accountNos)) {
        const Money due = counter.dues({accountNo}, on).due();
        const Money amount = due.isZero() ? Money::fromYuan(1) : due;
        PaymentRequest request;
        request.uuid = QUuid::createUuid();
        request.accountNos = {accountNo};
        request.tenders = {{TenderMethod::Cash, amount, amount, {}}};
        request.expectedDue = due;
        counter.pay(request, session);
    }
}

// The reference: the same events, as rows, COPied into a table of the same server (one transaction).
double copyReferenceSeconds(const CentralSettings& settings, Store& store)
{
    CentralConnection centre(settings);
    centre.exec(QStringLiteral("CREATE TABLE bench_copy (event_uuid uuid PRIMARY KEY, terminal_code text NOT NULL, "
                               "local_seq bigint NOT NULL, type text NOT NULL, payload jsonb NOT NULL, created_at "
                               "timestamptz NOT NULL)"));
    QSqlQuery rows = Sql::exec(store.connection(),
                               QStringLiteral("SELECT uuid, terminal_code, id, type, payload, created_at FROM outbox "
                                              "ORDER BY id"));
    QList<QByteArray> lines;
    while (rows.next()) {
        QByteArray line;
        for (int column = 0; column < 6; ++column) {
            if (column > 0) {
                line += '\t';
            }
            const QByteArray value = rows.value(column).toString().toUtf8();
            appendCopyText(line, std::string_view(value.constData(), std::size_t(value.size())));
        }
        line += '\n';
        lines << line;
    }
    rows.finish();
    QElapsedTimer timer;
    timer.start();
    centre.execScript("BEGIN");
    qsizetype next = 0;
    centre.copyIn("COPY bench_copy FROM STDIN", [&](QByteArray& buffer) {
        while (next < lines.size() && buffer.size() < (1 << 20)) {
            buffer += lines.at(next++);
        }
        return next < lines.size();
    });
    centre.execScript("COMMIT");
    return double(timer.nsecsElapsed()) / 1e9;
}

qint64 totalRows(const SyncReport& report)
{
    qint64 rows = 0;
    for (const int count : report.pulled) {
        rows += count;
    }
    return rows;
}

QJsonObject tableSeconds(const SyncReport& report)
{
    QJsonObject tables;
    for (auto it = report.pullMilliseconds.constBegin(); it != report.pullMilliseconds.constEnd(); ++it) {
        tables.insert(it.key(), double(it.value()) / 1000.0);
    }
    return tables;
}

} // namespace

int sync(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("In a scratch database on the given server: load one hall of demo accounts with 13 months of "
                 "bills, fill an empty store from it as a terminal does, take payments at the counter and push "
                 "them, and COPY the same events into the same server for reference. The event loop of this thread "
                 "is probed every 10 ms meanwhile, as the window's would be. The scratch database is dropped at the "
                 "end."));
    parser.addOptions({
        {QStringLiteral("url"),
         Text::tr("The central server, postgresql://user:password@host:port/database (an administrator who may "
                  "create databases and roles)."),
         QStringLiteral("URL")},
        {QStringLiteral("accounts"), Text::tr("Accounts in the hall (default %1).").arg(kDefaultAccounts),
         QStringLiteral("N")},
        {QStringLiteral("events"), Text::tr("Payments to push (default %1).").arg(kDefaultEvents), QStringLiteral("N")},
        {QStringLiteral("seed"), Text::tr("The demo data's seed (default 1)."), QStringLiteral("S")},
        {QStringLiteral("dir"), Text::tr("Where the bench store is made (default: the current folder)."),
         QStringLiteral("PATH")},
    });
    parse(parser, args);
    const CentralSettings admin = CentralSettings::fromUrl(required(parser, QStringLiteral("url")));
    const int accounts = positiveOption(parser, QStringLiteral("accounts"), kDefaultAccounts);
    const int events = positiveOption(parser, QStringLiteral("events"), kDefaultEvents);
    const int seed = positiveOption(parser, QStringLiteral("seed"), 1);
    const QString folder
        = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : QDir::currentPath();
    QTemporaryDir dir(QDir(folder).filePath(QStringLiteral("halldesk-bench-XXXXXX")));
    if (!dir.isValid()) {
        throw CliError{Text::tr("Cannot make a temporary folder in %1.").arg(folder), kExitFailure};
    }

    ScratchCentre scratch(admin);
    QElapsedTimer timer;
    timer.start();
    {
        CentralConnection centre(scratch.settings());
        CentralMigrator::migrate(centre);
        DemoOptions options;
        options.accounts = accounts;
        options.seed = quint64(seed);
        options.oneHall = true;
        CentralDemoWriter(options).load(centre);
    }
    const double loadSeconds = double(timer.elapsed()) / 1000.0;
    const QString terminalUrl = scratch.addTerminal();
    std::fprintf(
        stderr, "%s\n",
        qPrintable(Text::tr("Loaded %1 accounts into the centre in %2 s.").arg(accounts).arg(loadSeconds, 0, 'f', 1)));

    auto store = Store::open(dir.filePath(QStringLiteral("bench.halldesk")), Store::OpenMode::CreateIfMissing);
    HallInfo hall;
    hall.code = kHall;
    hall.name = kHall;
    Installation::configure(*store, hall, kTerminal);
    store->setSetting(QString::fromLatin1(SyncRunner::kIntervalSetting), QStringLiteral("86400"));

    const Round fill = syncRound(*store, terminalUrl);
    const double pullSeconds = double(fill.report.milliseconds) / 1000.0;
    const qint64 rows = totalRows(fill.report);
    std::fprintf(stderr, "%s\n",
                 qPrintable(Text::tr("Filled the store: %1 rows in %2 s.").arg(rows).arg(pullSeconds, 0, 'f', 1)));

    timer.start();
    takePayments(*store, events);
    const double paySeconds = double(timer.elapsed()) / 1000.0;
    const Round push = syncRound(*store, terminalUrl);
    const double pushSeconds = double(push.report.pushMilliseconds) / 1000.0;
    const double copySeconds = copyReferenceSeconds(scratch.settings(), *store);
    const double pushRatio = copySeconds > 0 ? pushSeconds / copySeconds : 0;

    printJson({
        {QStringLiteral("benchmark"), QStringLiteral("sync_pull")},
        {QStringLiteral("accounts"), fill.report.pulled.value(QStringLiteral("accounts"))},
        {QStringLiteral("bills"), fill.report.pulled.value(QStringLiteral("bills"))},
        {QStringLiteral("rows"), rows},
        {QStringLiteral("seconds"), pullSeconds},
        {QStringLiteral("rows_per_second"), pullSeconds > 0 ? qRound64(double(rows) / pullSeconds) : 0},
        {QStringLiteral("table_seconds"), tableSeconds(fill.report)},
        {QStringLiteral("centre_load_seconds"), loadSeconds},
        {QStringLiteral("ui_max_gap_ms"), fill.maxGapMs},
        {QStringLiteral("goal_seconds"), kGoalPullSeconds},
        {QStringLiteral("goal_met"), pullSeconds <= kGoalPullSeconds && fill.maxGapMs <= kGoalGapMs},
    });
    printJson({
        {QStringLiteral("benchmark"), QStringLiteral("sync_push")},
        {QStringLiteral("events"), push.report.pushed},
        {QStringLiteral("accepted"), push.report.accepted},
        {QStringLiteral("seconds"), pushSeconds},
        {QStringLiteral("copy_seconds"), std::round(copySeconds * 1000.0) / 1000.0},
        {QStringLiteral("ratio_to_copy"), rounded(pushRatio)},
        {QStringLiteral("round_seconds"), double(push.report.milliseconds) / 1000.0},
        {QStringLiteral("counter_seconds"), paySeconds},
        {QStringLiteral("ui_max_gap_ms"), push.maxGapMs},
        {QStringLiteral("goal_seconds"), kGoalPushSeconds},
        {QStringLiteral("goal_ratio"), kGoalPushRatio},
        {QStringLiteral("goal_met"),
         pushSeconds <= kGoalPushSeconds && pushRatio <= kGoalPushRatio && push.maxGapMs <= kGoalGapMs},
    });
    std::fflush(stdout);

    QString text = Text::tr("First fill of one hall (%1 accounts, %2 rows): %3 s, %4 rows/s (goal under %5 s)\n")
                       .arg(fill.report.pulled.value(QStringLiteral("accounts")))
                       .arg(rows)
                       .arg(pullSeconds, 0, 'f', 1)
                       .arg(pullSeconds > 0 ? qRound64(double(rows) / pullSeconds) : 0)
                       .arg(kGoalPullSeconds);
    text += Text::tr("Push of %1 payments: %2 s; COPY of the same events %3 s; ratio %4x (goals under %5 s, at most "
                     "%6x)\n")
                .arg(push.report.pushed)
                .arg(pushSeconds, 0, 'f', 2)
                .arg(copySeconds, 0, 'f', 3)
                .arg(pushRatio, 0, 'f', 1)
                .arg(kGoalPushSeconds)
                .arg(kGoalPushRatio);
    text += Text::tr("Longest event-loop gap: %1 ms during the fill, %2 ms during the push (goal under %3 ms)\n")
                .arg(fill.maxGapMs)
                .arg(push.maxGapMs)
                .arg(kGoalGapMs);
    std::fputs(qPrintable(text), stderr);
    return kExitOk;
}

} // namespace HallDesk::Cli::Bench
