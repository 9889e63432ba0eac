#include "app/auth/AuthService.h"
#include "app/counter/CounterService.h"
#include "app/setup/Installation.h"
#include "app/sync/SyncEngine.h"
#include "db/Central.h"
#include "db/CentralMigrator.h"
#include "db/Sql.h"
#include "tests/support/Cli.h"
#include "tests/support/CounterFixture.h"
#include "tests/support/PgCluster.h"
#include "tests/support/StoreBuilder.h"
#include "tests/support/TempStore.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QThread>
#include <QTimeZone>
#include <QUuid>
#include <functional>
#include <latch>
#include <memory>
#include <vector>

using namespace HallDesk;

namespace {

// The hall's hot accounts, all members of payer group G1: every terminal pays each of them.
const QStringList kHotAccounts{QStringLiteral("5500000001"), QStringLiteral("5500000002"), QStringLiteral("5500000003"),
                               QStringLiteral("5500000004")};
constexpr const char* kTerminalPassword = "concurrent-terminal-secret";
constexpr const char* kOperatorPassword = "Concurrent-Test-1";
// A round that fails with a deadlock or a serialization failure is run again after a short random pause (SyncWorker
// backs off for seconds) until this long after the round began; a terminal still failing then is a failure.
constexpr int kRetryForSeconds = 20;

// A failed push call that the client may simply make again: the centre rolled the whole call back.
bool isTransient(const QString& message)
{
    return message.contains(QLatin1String("deadlock detected"))
        || message.contains(QLatin1String("could not serialize access"))
        || message.contains(QLatin1String("lock timeout"));
}

void backOff()
{
    QThread::msleep(50 + QRandomGenerator::global()->bounded(450));
}

// One terminal of hall H01: its own store (filled by an initial pull), its clerk and supervisor, and what it took.
struct Terminal
{
    QString code;
    CentralSettings centre;
    std::unique_ptr<Test::TempStore> temp;
    Session clerk;
    Operator supervisor;
    int payments = 0;
    int voids = 0;
    qint64 keptFen = 0; // the amounts of its unvoided payments
    // Written by its sync thread, read after the thread finished.
    int retries = 0;
    QString failure;
};

// What a round of syncAllAtOnce() did.
struct Round
{
    int retries = 0; // rounds (and external payments) run again after a deadlock or serialization failure
    QStringList failures; // what still failed in the end, one line each
};

struct ExternalPayment
{
    QString accountNo;
    qint64 amountFen = 0;
    QString channel;
    QUuid uuid;
};

Money fen(qint64 value)
{
    return Money::fromFen(value);
}

} // namespace

// Many terminals of one hall sync at once with a real centre (a throwaway PostgreSQL cluster), each from its own
// real SQLite store on its own thread, while another channel pays the same accounts: every event arrives exactly
// once and the centre's balances equal a recomputation from the events; afterwards every terminal holds the
// centre's balances and its store checks out.
class TestSyncConcurrent : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::PgCluster> m_cluster;
    QString m_adminUrl;
    QString m_database;
    int m_databases = 0;
    QDate m_on;

    std::unique_ptr<CentralConnection> admin() const
    {
        return std::make_unique<CentralConnection>(CentralSettings::fromUrl(m_adminUrl));
    }
    qint64 centreScalar(const QString& sql) const { return admin()->scalar(sql).toLongLong(); }
    QString centreText(const QString& sql, const QVariantList& values = {}) const
    {
        return admin()->scalar(sql, values).toString();
    }

    // Hall H01 with four accounts that owe bills (some overdue on m_on, so late fees count) and payer group G1
    // over all four.
    void loadCentre(CentralConnection& centre)
    {
        CentralMigrator::migrate(centre);
        centre.exec(QStringLiteral("INSERT INTO central.halls (code, name, region) VALUES ('H01', ?, 'east')"),
                    {QStringLiteral("城东供电营业厅")});
        const char* classes[] = {"residential", "commercial", "residential", "residential"};
        const Test::CentreBuilder rows(centre.db());
        for (int i = 0; i < kHotAccounts.size(); ++i) {
            rows.account({.accountNo = kHotAccounts.at(i),
                          .name = QStringLiteral("用户%1").arg(i + 1),
                          .customerClass = QString::fromLatin1(classes[i]),
                          .address = QStringLiteral("东湖区幸福街道%1号").arg(i + 1),
                          .meterNo = QStringLiteral("M55%1").arg(i + 1)});
        }
        const auto bill = [&](int account, int monthsBack, qint64 amountFen, int dueInDays) {
            const QDate due = m_on.addDays(dueInDays);
            rows.bill({.accountNo = kHotAccounts.at(account),
                       .period = m_on.addMonths(-monthsBack).toString(QStringLiteral("yyyy-MM")),
                       .kwh = amountFen / 50,
                       .amountFen = amountFen,
                       .issueDate = due.addDays(-15),
                       .dueDate = due});
        };
        bill(0, 3, 12000, -45);
        bill(0, 2, 13500, -15);
        bill(1, 2, 48000, -20);
        bill(2, 2, 8800, -25);
        bill(2, 1, 9200, 5);
        bill(3, 1, 6600, 10);
        centre.exec(QStringLiteral("INSERT INTO central.payer_groups (code, name, kind) VALUES ('G1', ?, 'family')"),
                    {QStringLiteral("赵家")});
        for (const QString& accountNo : kHotAccounts) {
            centre.exec(QStringLiteral("INSERT INTO central.payer_group_members (hall_id, group_code, account_no) "
                                       "VALUES (1, 'G1', ?)"),
                        {accountNo});
        }
    }

    static void recordExternal(CentralConnection& centre, const ExternalPayment& payment)
    {
        centre.exec(QStringLiteral("SELECT central.record_external_payment(?, CAST(? AS bigint), ?, CAST(? AS uuid))"),
                    {payment.accountNo, QString::number(payment.amountFen), payment.channel,
                     payment.uuid.toString(QUuid::WithoutBraces)});
    }

    // A terminal of H01 as it is installed: an empty store for the hall, its operators, its login at the centre,
    // and a first sync round that fills the store.
    std::unique_ptr<Terminal> makeTerminal(int index, const QString& passwordHash)
    {
        auto terminal = std::make_unique<Terminal>();
        terminal->code = QStringLiteral("T%1").arg(index + 1, 2, 10, QLatin1Char('0'));
        const QString role = admin()
                                 ->scalar(QStringLiteral("SELECT central.add_terminal('H01', ?, ?)"),
                                          {terminal->code, QString::fromLatin1(kTerminalPassword)})
                                 .toString();
        terminal->centre = CentralSettings::fromUrl(m_adminUrl);
        terminal->centre.user = role;
        terminal->centre.password = QString::fromLatin1(kTerminalPassword);
        terminal->centre.statementTimeoutSeconds = 60;

        terminal->temp = std::make_unique<Test::TempStore>();
        Store& store = terminal->temp->store();
        const qint64 hallId = Installation::configure(
            store, HallInfo{QStringLiteral("H01"), QStringLiteral("城东供电营业厅"), {}, {}, {}, {}}, terminal->code);
        terminal->clerk = Session{Test::addOperator(store, hallId, QStringLiteral("clerk01"), QStringLiteral("刘收费"),
                                                    Role::Clerk, true, passwordHash),
                                  AuthService(store).workplace()};
        terminal->supervisor = Test::addOperator(store, hallId, QStringLiteral("super01"), QStringLiteral("张主任"),
                                                 Role::Supervisor, true, passwordHash);

        const SyncReport filled = SyncEngine(store, terminal->centre).runOnce();
        if (filled.pulled.value(QStringLiteral("accounts")) != kHotAccounts.size()
            || filled.pulled.value(QStringLiteral("bills")) != 6
            || filled.pulled.value(QStringLiteral("payer_group_members")) != kHotAccounts.size()) {
            QTest::qFail(
                qPrintable(QStringLiteral("terminal %1's first pull: %2")
                               .arg(terminal->code,
                                    QString::fromUtf8(QJsonDocument(filled.toJson()).toJson(QJsonDocument::Compact)))),
                __FILE__, __LINE__);
        }
        return terminal;
    }

    PaymentResult pay(Terminal& terminal, const QStringList& accountNos, Money amount)
    {
        CounterService counter(terminal.temp->store());
        PaymentRequest request;
        request.uuid = QUuid::createUuid();
        request.accountNos = accountNos;
        request.tenders = {Tender{TenderMethod::Cash, amount, {}, {}}};
        const PaymentResult result = counter.pay(request, terminal.clerk);
        ++terminal.payments;
        terminal.keptFen += result.amount.fen();
        return result;
    }

    void voidPayment(Terminal& terminal, const PaymentResult& payment)
    {
        CounterService counter(terminal.temp->store());
        counter.voidPayment(payment.receiptNos.first(), QStringLiteral("收错金额"), terminal.supervisor,
                            terminal.clerk);
        ++terminal.voids;
        terminal.keptFen -= payment.amount.fen();
    }

    // The terminal's offline day, starting on its own hot account (so the terminals' batches name the accounts in
    // different orders). Its first payment pays that account's bills and its first group payment every bill of the
    // group, both with money to spare (prepaid), so at the centre each of them leaves nothing open, whatever the
    // other terminals and channels did before: what is owed there can only be less. The payments it voids come
    // after those two and so, at the centre, went wholly to prepaid balance, which nothing takes away: their voids
    // are accepted in any interleaving. (A void that would take a balance below zero is rightly rejected, as
    // docs/sync.md says; that is not what this test is about.)
    void takePayments(Terminal& terminal, int index)
    {
        CounterService counter(terminal.temp->store());
        const auto hot = [index](int offset) { return kHotAccounts.at((index + offset) % kHotAccounts.size()); };
        const auto group
            = [&counter](const QString& first) { return QStringList{first} + counter.groupAccounts(first); };
        pay(terminal, {hot(0)}, counter.dues({hot(0)}, m_on).due() + fen(5000 + index));
        QCOMPARE(group(hot(1)).size(), kHotAccounts.size());
        pay(terminal, group(hot(1)), counter.dues(group(hot(1)), m_on).due() + fen(1000 + index));

        pay(terminal, {hot(2)}, fen(2000 + index));
        voidPayment(terminal, pay(terminal, {hot(3)}, fen(1500 + index)));
        pay(terminal, {hot(0)}, fen(3333));
        if (index % 2 == 0) {
            voidPayment(terminal, pay(terminal, group(hot(2)), fen(2500 + index)));
        }
        pay(terminal, {hot(1)}, fen(1234));
        QCOMPARE(
            Sql::scalar(terminal.temp->store().connection(), QStringLiteral("SELECT count(*) FROM outbox")).toInt(),
            terminal.payments + terminal.voids);
    }

    // One sync round on every terminal at once, each on its own thread with its own store connection and its own
    // central connection, while `external` payments arrive through another channel on a thread of their own. A round
    // that fails with a deadlock or a serialization failure is run again, as SyncWorker would after its back-off
    // (the centre rolled the whole call back; what it accepted before stays accepted), for kRetryForSeconds at
    // most; any other failure, or a terminal still failing then, is reported in the result.
    Round syncAllAtOnce(std::vector<std::unique_ptr<Terminal>>& terminals, const QList<ExternalPayment>& external)
    {
        std::latch start(static_cast<std::ptrdiff_t>(terminals.size()) + 1);
        QDeadlineTimer retryUntil;
        // Runs `attempt` until it succeeds; returns the last error when it cannot be retried.
        const auto retrying = [&retryUntil](const std::function<void()>& attempt, int& retries) {
            for (;;) {
                try {
                    attempt();
                    return QString();
                } catch (const StoreError& error) {
                    if (!isTransient(error.message()) || retryUntil.hasExpired()) {
                        return QStringLiteral("%1 (after %2 retries)")
                            .arg(error.message().section(QLatin1Char('\n'), 0, 0))
                            .arg(retries);
                    }
                    ++retries;
                    backOff();
                }
            }
        };
        std::vector<std::unique_ptr<QThread>> threads;
        for (auto& terminal : terminals) {
            Terminal* t = terminal.get();
            t->retries = 0;
            threads.emplace_back(QThread::create([t, &start, &retrying] {
                Store& store = t->temp->store();
                SyncEngine engine(store, t->centre);
                start.arrive_and_wait();
                t->failure = retrying([&engine] { engine.runOnce(); }, t->retries);
                store.releaseConnection();
            }));
        }
        int externalRetries = 0;
        QString externalFailure;
        threads.emplace_back(QThread::create([&] {
            start.arrive_and_wait();
            try {
                CentralSettings settings = CentralSettings::fromUrl(m_adminUrl);
                settings.statementTimeoutSeconds = 60;
                CentralConnection centre(settings);
                for (const ExternalPayment& payment : external) {
                    externalFailure = retrying([&] { recordExternal(centre, payment); }, externalRetries);
                    if (!externalFailure.isEmpty()) {
                        break;
                    }
                }
            } catch (const StoreError& error) {
                externalFailure = error.message();
            }
        }));
        retryUntil.setRemainingTime(std::chrono::seconds(kRetryForSeconds));
        for (auto& thread : threads) {
            thread->start();
        }
        for (auto& thread : threads) {
            thread->wait();
        }
        Round round;
        round.retries = externalRetries;
        for (const auto& terminal : terminals) {
            round.retries += terminal->retries;
            if (!terminal->failure.isEmpty()) {
                round.failures << QStringLiteral("terminal %1: %2").arg(terminal->code, terminal->failure);
            }
        }
        if (!externalFailure.isEmpty()) {
            round.failures << QStringLiteral("the other channel: %1").arg(externalFailure);
        }
        return round;
    }

    // Every outbox event of every terminal arrived exactly once, from that terminal, and was accepted.
    void expectEachEventOnce(const std::vector<std::unique_ptr<Terminal>>& terminals)
    {
        qint64 events = 0;
        for (const auto& terminal : terminals) {
            QSqlDatabase db = terminal->temp->store().connection();
            const qint64 outbox = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM outbox")).toLongLong();
            events += outbox;
            QCOMPARE(
                Sql::scalar(db, QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'accepted'")).toLongLong(),
                outbox);
            const QString local
                = Sql::scalar(db,
                              QStringLiteral("SELECT group_concat(uuid, ',') FROM (SELECT lower(uuid) AS uuid "
                                             "FROM outbox ORDER BY 1)"))
                      .toString();
            const QString there = centreText(
                QStringLiteral("SELECT string_agg(e.event_uuid::text, ',' ORDER BY e.event_uuid::text) FROM "
                               "central.applied_events e JOIN central.terminals t USING (terminal_id) WHERE t.code "
                               "= ? AND e.result = 'accepted'"),
                {terminal->code});
            QCOMPARE(there, local);
        }
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.applied_events")), events);
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.rejected_events")), 0);
    }

    // The centre's money, recomputed from what the terminals and the other channel took, and its invariants
    // (those of db/central/tests/04_channels.sql and concurrent.sh).
    void expectCentreAddsUp(const std::vector<std::unique_ptr<Terminal>>& terminals,
                            const QList<ExternalPayment>& external)
    {
        qint64 payments = 0;
        qint64 voids = 0;
        qint64 kept = 0;
        for (const auto& terminal : terminals) {
            payments += terminal->payments;
            voids += terminal->voids;
            kept += terminal->keptFen;
        }
        qint64 externalFen = 0;
        for (const ExternalPayment& payment : external) {
            externalFen += payment.amountFen;
        }
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.payments WHERE channel = 'counter'")),
                 payments);
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.voids")), voids);
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.payments WHERE channel = 'counter' AND "
                                             "voided")),
                 voids);
        QCOMPARE(centreScalar(QStringLiteral("SELECT coalesce(sum(amount_fen), 0) FROM central.payments WHERE "
                                             "channel = 'counter' AND NOT voided")),
                 kept);
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.payments WHERE channel <> 'counter'")),
                 external.size());
        QCOMPARE(centreScalar(QStringLiteral("SELECT coalesce(sum(amount_fen), 0) FROM central.payments WHERE "
                                             "channel <> 'counter'")),
                 externalFen);
        // The events as the terminals sent them say the same.
        QCOMPARE(centreScalar(QStringLiteral(
                     "SELECT sum((payload ->> 'amount_fen')::bigint) FILTER (WHERE type = 'payment.posted') - "
                     "coalesce(sum((payload ->> 'amount_fen')::bigint) FILTER (WHERE type = 'payment.voided'), 0) "
                     "FROM central.applied_events")),
                 kept);

        // A bill's paid_fen is the principal of its unvoided allocation lines (every bill started unpaid).
        QCOMPARE(centreText(QStringLiteral(
                     "SELECT coalesce(string_agg(b.account_no || '/' || b.period, ', '), '') FROM central.bills b "
                     "WHERE b.paid_fen <> (SELECT coalesce(sum(a.principal_fen), 0) FROM central.payment_allocations "
                     "a JOIN central.payments p USING (hall_id, payment_uuid) WHERE a.account_no = b.account_no AND "
                     "a.period = b.period AND NOT p.voided)")),
                 QString());
        // A balance is the sum of its ledger.
        QCOMPARE(centreText(QStringLiteral(
                     "SELECT coalesce(string_agg(a.account_no, ', '), '') FROM central.accounts a WHERE prepaid_fen "
                     "<> (SELECT coalesce(sum(delta_fen), 0) FROM central.prepaid_ledger l WHERE l.account_no = "
                     "a.account_no)")),
                 QString());
        // Every fen of every payment is placed: its bill lines (principal and fee) and prepaid lines.
        QCOMPARE(centreText(QStringLiteral(
                     "SELECT coalesce(string_agg(p.payment_uuid::text, ', '), '') FROM central.payments p WHERE "
                     "p.kind = 'payment' AND p.amount_fen <> (SELECT coalesce(sum(principal_fen + late_fee_fen + "
                     "prepaid_delta_fen), 0) FROM central.payment_allocations a WHERE a.hall_id = p.hall_id AND "
                     "a.payment_uuid = p.payment_uuid)")),
                 QString());
        // Recomputed from the events: all the money kept is in the bills (principal), the fees paid and the
        // balances; none is lost and none is counted twice.
        QCOMPARE(centreScalar(QStringLiteral(
                     "SELECT (SELECT sum(paid_fen) FROM central.bills) + (SELECT sum(prepaid_fen) FROM "
                     "central.accounts) + (SELECT coalesce(sum(a.late_fee_fen), 0) FROM central.payment_allocations "
                     "a JOIN central.payments p USING (hall_id, payment_uuid) WHERE NOT p.voided)")),
                 kept + externalFen);
        // More money came in than was owed, so every bill ends paid and the rest is prepaid balance.
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.bills WHERE status <> 'paid'")), 0);
        QVERIFY(centreScalar(QStringLiteral("SELECT min(prepaid_fen) FROM central.accounts")) > 0);
    }

    // After the second round: each store shows the centre's balances and bills for the hot accounts, and checks out.
    void expectTerminalsAgreeWithCentre(const std::vector<std::unique_ptr<Terminal>>& terminals)
    {
        const QString centreAccounts = centreText(QStringLiteral(
            "SELECT string_agg(account_no || '=' || prepaid_fen, ',' ORDER BY account_no) FROM central.accounts"));
        const QString centreBills = centreText(QStringLiteral(
            "SELECT string_agg(account_no || '/' || period || '=' || paid_fen || '/' || status || '/' || "
            "fee_carried_fen, ',' ORDER BY account_no, period) FROM central.bills"));
        for (const auto& terminal : terminals) {
            QSqlDatabase db = terminal->temp->store().connection();
            QCOMPARE(Sql::scalar(db,
                                 QStringLiteral("SELECT group_concat(x, ',') FROM (SELECT account_no || '=' || "
                                                "prepaid_fen AS x FROM accounts ORDER BY account_no)"))
                         .toString(),
                     centreAccounts);
            QCOMPARE(Sql::scalar(db,
                                 QStringLiteral("SELECT group_concat(x, ',') FROM (SELECT a.account_no || '/' || "
                                                "b.period || '=' || b.paid_fen || '/' || b.status || '/' || "
                                                "b.fee_carried_fen AS x FROM bills b JOIN accounts a ON a.id = "
                                                "b.account_id ORDER BY a.account_no, b.period)"))
                         .toString(),
                     centreBills);
            const Test::CliRun check
                = Test::runCli({QStringLiteral("check"), QStringLiteral("--db"), terminal->temp->path()});
            QVERIFY2(check.exitCode == 0, QByteArray(terminal->code.toLatin1() + ": " + check.out + check.err));
        }
    }

    // A bill's money as a store holds it: "period paid carried through counted", one line per bill of the account.
    static QStringList localBills(Store& store, const QString& accountNo)
    {
        QSqlQuery rows = Sql::exec(store.connection(),
                                   QStringLiteral("SELECT b.period, b.paid_fen, b.fee_carried_fen, "
                                                  "coalesce(b.fee_through, '-'), b.fee_counted_exact FROM bills b JOIN "
                                                  "accounts a ON a.id = b.account_id WHERE a.account_no = ? ORDER BY "
                                                  "b.period"),
                                   {accountNo});
        QStringList lines;
        while (rows.next()) {
            lines << QStringLiteral("%1 %2 %3 %4 %5")
                         .arg(rows.value(0).toString(), rows.value(1).toString(), rows.value(2).toString(),
                              rows.value(3).toString(), rows.value(4).toString());
        }
        return lines;
    }
    QStringList centreBills(const QString& accountNo) const
    {
        const QString text = centreText(
            QStringLiteral("SELECT string_agg(format('%s %s %s %s %s', period, paid_fen, fee_carried_fen, "
                           "coalesce(fee_through::text, '-'), fee_counted_exact), '|' ORDER BY period) FROM "
                           "central.bills WHERE account_no = ?"),
            {accountNo});
        return text.split(QLatin1Char('|'));
    }
    static void expectCheckOk(Terminal& terminal, const char* step)
    {
        const CheckReport report = CounterService(terminal.temp->store()).check();
        QStringList problems;
        for (const CheckProblem& problem : report.problems) {
            problems << problem.code + QStringLiteral(": ") + problem.message;
        }
        QVERIFY2(report.ok(),
                 qPrintable(QStringLiteral("%1 after %2: %3")
                                .arg(terminal.code, QString::fromLatin1(step), problems.join(QLatin1Char('\n')))));
    }
    static void syncOne(Terminal& terminal) { SyncEngine(terminal.temp->store(), terminal.centre).runOnce(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_cluster = std::make_unique<Test::PgCluster>();
        QVERIFY2(m_cluster->isRunning(), qPrintable(m_cluster->error()));
    }
    void cleanupTestCase() { m_cluster.reset(); }

    void terminalsPushAtOnce_data()
    {
        QTest::addColumn<int>("terminals");
        QTest::newRow("2 terminals") << 2;
        QTest::newRow("20 terminals") << 20;
    }

    void terminalsPushAtOnce()
    {
        QFETCH(int, terminals);
        QElapsedTimer phase;
        phase.start();
        m_database = QStringLiteral("hd_concurrent_%1").arg(++m_databases);
        m_adminUrl = m_cluster->createDatabase(m_database);
        QVERIFY2(!m_adminUrl.isEmpty(), qPrintable(m_cluster->error()));
        // Business day: today in the hall's zone, the day the other channel's payments count on too.
        m_on = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai"))).date();
        loadCentre(*admin());

        static const QString hash = AuthService::hashPassword(QString::fromLatin1(kOperatorPassword));
        std::vector<std::unique_ptr<Terminal>> hall;
        for (int i = 0; i < terminals; ++i) {
            hall.push_back(makeTerminal(i, hash));
            if (QTest::currentTestFailed()) {
                return;
            }
            takePayments(*hall.back(), i);
            if (QTest::currentTestFailed()) {
                return;
            }
        }
        QList<ExternalPayment> external;
        for (int i = 0; i < 2 * terminals; ++i) {
            external.append({kHotAccounts.at(i % kHotAccounts.size()), 3000 + 7 * i,
                             i % 2 == 0 ? QStringLiteral("wechat") : QStringLiteral("alipay"), QUuid::createUuid()});
        }
        qInfo("%d terminals ready with their offline payments in %lld ms", terminals,
              static_cast<long long>(phase.restart()));

        const Round pushed = syncAllAtOnce(hall, external);
        qInfo("round 1 (push at once, %lld external payments racing): %lld ms, %d rounds run again after a "
              "deadlock or serialization failure",
              static_cast<long long>(external.size()), static_cast<long long>(phase.restart()), pushed.retries);
        QVERIFY2(pushed.failures.isEmpty(),
                 qPrintable(QStringLiteral("%1 of %2 failed (%3 retries in all):\n%4")
                                .arg(pushed.failures.size())
                                .arg(hall.size() + 1)
                                .arg(pushed.retries)
                                .arg(pushed.failures.join(QLatin1Char('\n')))));
        expectEachEventOnce(hall);
        if (QTest::currentTestFailed()) {
            return;
        }
        expectCentreAddsUp(hall, external);
        if (QTest::currentTestFailed()) {
            return;
        }

        const Round pulled = syncAllAtOnce(hall, {});
        QVERIFY2(pulled.failures.isEmpty(), qPrintable(pulled.failures.join(QLatin1Char('\n'))));
        qInfo("round 2 (pull at once): %lld ms, %d rounds run again", static_cast<long long>(phase.restart()),
              pulled.retries);
        expectTerminalsAgreeWithCentre(hall);
        qInfo("checks: %lld ms", static_cast<long long>(phase.elapsed()));
    }
    // Issue 15 §8: the everyday case of a hall with sync. Two counters and WeChat pay the same bills, with syncs in
    // between; a counter voids its payment after money arrived elsewhere. After every step every store checks out,
    // and a local void leaves the bills exactly as the centre's void of the same payment does.
    void paymentsVoidsAndSyncsInterleaved()
    {
        m_database = QStringLiteral("hd_concurrent_%1").arg(++m_databases);
        m_adminUrl = m_cluster->createDatabase(m_database);
        QVERIFY2(!m_adminUrl.isEmpty(), qPrintable(m_cluster->error()));
        m_on = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai"))).date();
        loadCentre(*admin());
        static const QString hash = AuthService::hashPassword(QString::fromLatin1(kOperatorPassword));
        std::unique_ptr<Terminal> t1 = makeTerminal(0, hash);
        std::unique_ptr<Terminal> t2 = makeTerminal(1, hash);
        QVERIFY(!QTest::currentTestFailed());
        const QString account = kHotAccounts.at(0); // 120.00 overdue 45 days and 135.00 overdue 15 days

        const PaymentResult first = pay(*t1, {account}, fen(3000));
        syncOne(*t1);
        expectCheckOk(*t1, "T01 paid and synced");
        recordExternal(*admin(), {account, 2500, QStringLiteral("wechat"), QUuid::createUuid()});
        syncOne(*t1);
        expectCheckOk(*t1, "WeChat paid and T01 pulled it");
        syncOne(*t2);
        pay(*t2, {account}, fen(2000));
        syncOne(*t2);
        expectCheckOk(*t2, "T02 paid and synced");
        pay(*t1, {account}, fen(1500));
        expectCheckOk(*t1, "T01 paid again before pulling T02's payment");
        syncOne(*t1);
        expectCheckOk(*t1, "T01 synced");

        // T01 voids its first payment, behind WeChat's, T02's and its own later money.
        voidPayment(*t1, first);
        expectCheckOk(*t1, "T01 voided its first payment");
        const QStringList voidedHere = localBills(t1->temp->store(), account);
        syncOne(*t1);
        QCOMPARE(centreBills(account), voidedHere);
        QCOMPARE(localBills(t1->temp->store(), account), voidedHere);
        expectCheckOk(*t1, "T01 pushed the void");
        syncOne(*t2);
        QCOMPARE(localBills(t2->temp->store(), account), voidedHere);
        expectCheckOk(*t2, "T02 pulled the void");
        QVERIFY(
            Sql::scalar(t1->temp->store().connection(), QStringLiteral("SELECT count(*) FROM bill_changes_elsewhere"))
                .toInt()
            > 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncConcurrent)
#include "TestSyncConcurrent.moc"
