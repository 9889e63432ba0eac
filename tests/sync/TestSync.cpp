#include "app/sync/RejectedEvents.h"
#include "app/sync/SyncEngine.h"
#include "db/Central.h"
#include "db/CentralMigrator.h"
#include "db/Sql.h"
#include "tests/support/Cli.h"
#include "tests/support/CounterFixture.h"
#include "tests/support/PgCluster.h"
#include "tests/support/StoreBuilder.h"
#include "tests/support/TempStore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QTest>
#include <arpa/inet.h>
#include <atomic>
#include <memory>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace HallDesk;

namespace {

// A TCP proxy on 127.0.0.1 in front of the cluster that loses a push's reply: it forwards both ways until the
// client sends a statement calling sync.push; from then on it keeps the server's answer back, and once that answer
// holds ReadyForQuery (sent after the server committed the statement's transaction) it closes both connections.
// The server has applied the batch; the client never hears of it.
class ReplyCutter final
{
public:
    explicit ReplyCutter(int serverPort)
        : m_serverPort(serverPort)
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address = loopback(0);
        if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0
            || ::listen(m_listener, 8) != 0) {
            return;
        }
        socklen_t length = sizeof address;
        ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { run(); });
    }
    ~ReplyCutter()
    {
        m_stop = true;
        if (m_thread.joinable()) {
            m_thread.join();
        }
        if (m_listener >= 0) {
            ::close(m_listener);
        }
    }
    ReplyCutter(const ReplyCutter&) = delete;
    ReplyCutter& operator=(const ReplyCutter&) = delete;

    int port() const { return m_port; }
    bool cut() const { return m_cut; }

private:
    static sockaddr_in loopback(int port)
    {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(static_cast<uint16_t>(port));
        return address;
    }

    // One client at a time (a sync round uses one connection), until the cut or the end.
    void run()
    {
        while (!m_stop && !m_cut) {
            pollfd waiting{m_listener, POLLIN, 0};
            if (::poll(&waiting, 1, 100) <= 0) {
                continue;
            }
            const int client = ::accept(m_listener, nullptr, nullptr);
            const int server = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in address = loopback(m_serverPort);
            if (client >= 0 && server >= 0
                && ::connect(server, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
                relay(client, server);
            }
            ::close(client);
            ::close(server);
        }
    }

    void relay(int client, int server)
    {
        QByteArray sent; // what the client sent since the last server answer: where sync.push shows
        QByteArray held; // the server's answer to the push, kept back
        bool armed = false;
        char buffer[65536];
        while (!m_stop) {
            pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
            if (::poll(fds, 2, 100) <= 0) {
                continue;
            }
            if (fds[0].revents != 0) {
                const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
                if (n <= 0 || ::send(server, buffer, std::size_t(n), MSG_NOSIGNAL) != n) {
                    return;
                }
                sent.append(buffer, n);
                armed = armed || sent.contains("sync.push(");
            }
            if (fds[1].revents != 0) {
                const ssize_t n = ::recv(server, buffer, sizeof buffer, 0);
                if (n <= 0) {
                    return;
                }
                if (!armed) {
                    sent.clear();
                    if (::send(client, buffer, std::size_t(n), MSG_NOSIGNAL) != n) {
                        return;
                    }
                    continue;
                }
                held.append(buffer, n);
                // ReadyForQuery: 'Z', length 5, the transaction status; the push's transaction has committed
                if (held.contains(QByteArray("Z\0\0\0\x05", 5))) {
                    m_cut = true;
                    return;
                }
            }
        }
    }

    int m_serverPort;
    int m_listener = -1;
    int m_port = 0;
    std::atomic_bool m_stop{false};
    std::atomic_bool m_cut{false};
    std::thread m_thread;
};

} // namespace

// One sync round (`halldeskctl sync`) between a real local store (the counter's test hall, H01/T01) and a real
// centre in a throwaway PostgreSQL cluster: exactly-once push, an offline day, and a bill paid twice.
class TestSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::PgCluster> m_cluster;
    std::unique_ptr<Test::CounterFixture> m_fixture;
    QString m_adminUrl;
    QString m_terminalUrl;
    int m_databases = 0;

    static constexpr const char* kTerminalPassword = "terminal-secret-T01";

    std::unique_ptr<CentralConnection> admin() const
    {
        return std::make_unique<CentralConnection>(CentralSettings::fromUrl(m_adminUrl));
    }

    Test::CliRun pay(const QString& account, const QString& amount)
    {
        QProcessEnvironment extra;
        extra.insert(QStringLiteral("HALLDESK_PASSWORD"), QString::fromLatin1(Test::CounterFixture::kPassword));
        extra.insert(QStringLiteral("HALLDESK_TEST_NOW"), Test::CounterFixture::day().toString(Qt::ISODate));
        return Test::runCli({QStringLiteral("pay"), QStringLiteral("--db"), m_fixture->path(), QStringLiteral("--on"),
                             QStringLiteral("2026-02-19"), QStringLiteral("--operator"), QStringLiteral("clerk01"),
                             QStringLiteral("--account"), account, QStringLiteral("--method"), QStringLiteral("cash"),
                             QStringLiteral("--amount"), amount},
                            extra);
    }

    Test::CliRun sync(const QStringList& extra = {}, const QString& url = {})
    {
        return Test::runCli(QStringList{QStringLiteral("sync"), QStringLiteral("--db"), m_fixture->path(),
                                        QStringLiteral("--url"), url.isEmpty() ? m_terminalUrl : url}
                            + extra);
    }

    void expectCheckOk()
    {
        const Test::CliRun check = Test::runCli({QStringLiteral("check"), QStringLiteral("--db"), m_fixture->path()});
        QVERIFY2(check.exitCode == 0, QByteArray(check.out + check.err).constData());
    }

    qint64 localScalar(const QString& sql) { return Sql::scalar(m_fixture->store().connection(), sql).toLongLong(); }
    qint64 centreScalar(const QString& sql) { return admin()->scalar(sql).toLongLong(); }

    // Everything the centre counts, for "a repeated push changed nothing".
    QString centreFingerprint()
    {
        return admin()
            ->scalar(QStringLiteral(
                "SELECT concat_ws('/', (SELECT count(*) FROM central.payments), (SELECT sum(amount_fen) FROM "
                "central.payments), (SELECT count(*) FROM central.payment_allocations), (SELECT count(*) FROM "
                "central.prepaid_ledger), (SELECT count(*) FROM central.applied_events), (SELECT max(row_version) "
                "FROM central.bills), (SELECT max(row_version) FROM central.accounts), (SELECT sum(prepaid_fen) "
                "FROM central.accounts))"))
            .toString();
    }

    static constexpr int kCopies = 3000;

    // One real payment of 1.00 on 3300000003, then its event copied under new UUIDs: a long outbox.
    void longOutbox()
    {
        const Test::CliRun paid = pay(QStringLiteral("3300000003"), QStringLiteral("1.00"));
        QVERIFY2(paid.exitCode == 0, paid.err.constData());
        QSqlDatabase db = m_fixture->store().connection();
        QSqlQuery original = Sql::exec(
            db, QStringLiteral("SELECT uuid, type, terminal_code, hall_code, payload, created_at FROM outbox"));
        QVERIFY(original.next());
        const QString uuid = original.value(0).toString();
        const QVariantList row{original.value(1), original.value(2), original.value(3), original.value(4),
                               original.value(5)};
        original.finish();
        Sql::Transaction transaction(db);
        for (int i = 1; i <= kCopies; ++i) {
            const QString copy = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
            Sql::exec(db,
                      QStringLiteral("INSERT INTO outbox (uuid, type, terminal_code, hall_code, payload, created_at) "
                                     "VALUES (?, ?, ?, ?, replace(?, ?, ?), ?)"),
                      {copy, row.at(0), row.at(1), row.at(2), row.at(3), uuid, copy, row.at(4)});
        }
        transaction.commit();
    }

    // After the interruption: one more round, and each event is at the centre exactly once.
    void expectEachEventOnce(qint64 pendingBefore)
    {
        const int events = kCopies + 1;
        const Test::CliRun resumed = sync({QStringLiteral("--batch"), QStringLiteral("500")});
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        const QJsonObject report = resumed.json();
        QCOMPARE(report.value(QStringLiteral("pushed")).toInt(), pendingBefore);
        QCOMPARE(report.value(QStringLiteral("rejected")).toInt(), 0);
        QCOMPARE(localScalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state NOT IN ('accepted', "
                                            "'duplicate')")),
                 0);
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.applied_events")), events);
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.payments")), events);
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(DISTINCT payment_uuid) FROM central.payments")), events);
        QCOMPARE(centreScalar(QStringLiteral("SELECT sum(amount_fen) FROM central.payments")), events * 100);
        QCOMPARE(centreScalar(QStringLiteral("SELECT prepaid_fen FROM central.accounts WHERE account_no = "
                                             "'3300000003'")),
                 events * 100);
        expectCheckOk();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cluster = std::make_unique<Test::PgCluster>();
        QVERIFY2(m_cluster->isRunning(), qPrintable(m_cluster->error()));
    }
    void cleanupTestCase() { m_cluster.reset(); }

    // A fresh centre with the counter fixture's hall: H01, terminal T01, accounts 3300000001 (bills 2025-10 paid,
    // 2025-11 100.00, 2025-12 200.00) and 3300000003 (no bills), as in tests/support/CounterFixture.
    void init()
    {
        m_fixture = std::make_unique<Test::CounterFixture>();
        m_adminUrl = m_cluster->createDatabase(QStringLiteral("hd_sync_%1").arg(++m_databases));
        QVERIFY2(!m_adminUrl.isEmpty(), qPrintable(m_cluster->error()));
        auto centre = admin();
        CentralMigrator::migrate(*centre);
        centre->exec(QStringLiteral("INSERT INTO central.halls (code, name, region) VALUES ('H01', ?, 'east')"),
                     {QStringLiteral("城东供电营业厅")});
        const QString role = centre
                                 ->scalar(QStringLiteral("SELECT central.add_terminal('H01', 'T01', ?)"),
                                          {QString::fromLatin1(kTerminalPassword)})
                                 .toString();
        m_terminalUrl = QStringLiteral("postgresql://%1:%2@127.0.0.1:%3/hd_sync_%4")
                            .arg(role, QString::fromLatin1(kTerminalPassword))
                            .arg(m_cluster->port())
                            .arg(m_databases);
        centre->exec(QStringLiteral(
            "INSERT INTO central.operators (hall_id, code, name, password_hash, roles) VALUES (1, 'clerk01', 'clerk', "
            "'$argon2id$v=19$m=65536,t=2,p=1$test', '{clerk}'), (1, 'super01', 'super', "
            "'$argon2id$v=19$m=65536,t=2,p=1$test', '{clerk,supervisor}')"));
        const Test::CentreBuilder rows(centre->db());
        for (const int id : {1, 3}) {
            rows.account({.accountNo = QStringLiteral("330000000%1").arg(id),
                          .name = QStringLiteral("用户%1").arg(id),
                          .customerClass = QStringLiteral("residential"),
                          .address = QStringLiteral("东湖区幸福街道%1号").arg(id),
                          .meterNo = QStringLiteral("M%1").arg(id)});
        }
        const auto bill = [&](const char* period, int kwh, qint64 amountFen, const char* issue, const char* due) {
            rows.bill({.accountNo = QStringLiteral("3300000001"),
                       .period = QString::fromLatin1(period),
                       .kwh = kwh,
                       .amountFen = amountFen,
                       .issueDate = QString::fromLatin1(issue),
                       .dueDate = QString::fromLatin1(due)});
        };
        bill("2025-11", 200, 10000, "2025-12-05", "2025-12-20");
        bill("2025-12", 400, 20000, "2026-01-05", "2026-01-20");
        rows.bill({.accountNo = QStringLiteral("3300000001"),
                   .period = QStringLiteral("2025-10"),
                   .kwh = 100,
                   .amountFen = 5000,
                   .issueDate = QStringLiteral("2025-11-05"),
                   .dueDate = QStringLiteral("2025-11-20"),
                   .paidFen = 5000,
                   .status = QStringLiteral("paid"),
                   .paidOn = QStringLiteral("2025-11-10")});
    }
    void cleanup() { m_fixture.reset(); }

    void theSameBatchPushedTwiceChangesNothing()
    {
        for (const char* amount : {"10.00", "20.00", "30.00"}) {
            const Test::CliRun paid = pay(QStringLiteral("3300000003"), QString::fromLatin1(amount));
            QVERIFY2(paid.exitCode == 0, paid.err.constData());
        }
        const Test::CliRun first = sync();
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const QJsonObject report = first.json();
        QCOMPARE(report.value(QStringLiteral("pushed")).toInt(), 3);
        QCOMPARE(report.value(QStringLiteral("accepted")).toInt(), 3);
        QCOMPARE(report.value(QStringLiteral("rejected")).toInt(), 0);
        QVERIFY(report.value(QStringLiteral("pulled")).toObject().value(QStringLiteral("accounts")).toInt() >= 2);
        QCOMPARE(localScalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'accepted'")), 3);
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.payments")), 3);
        QCOMPARE(centreScalar(QStringLiteral("SELECT prepaid_fen FROM central.accounts WHERE account_no = "
                                             "'3300000003'")),
                 6000);
        const QString before = centreFingerprint();

        // The reply was lost: the same events go again, and the centre answers "duplicate" to each.
        Sql::exec(m_fixture->store().connection(),
                  QStringLiteral("UPDATE outbox SET state = 'pending', state_reason = '', pushed_at = NULL"));
        const Test::CliRun again = sync();
        QVERIFY2(again.exitCode == 0, again.err.constData());
        const QJsonObject second = again.json();
        QCOMPARE(second.value(QStringLiteral("pushed")).toInt(), 3);
        QCOMPARE(second.value(QStringLiteral("accepted")).toInt(), 0);
        QCOMPARE(second.value(QStringLiteral("duplicates")).toInt(), 3);
        QCOMPARE(centreFingerprint(), before);
        QCOMPARE(localScalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'duplicate'")), 3);

        // Nothing new on either side: the next round pushes and pulls nothing.
        const Test::CliRun quiet = sync();
        QVERIFY2(quiet.exitCode == 0, quiet.err.constData());
        QCOMPARE(quiet.json().value(QStringLiteral("pushed")).toInt(), 0);
        const QJsonObject pulled = quiet.json().value(QStringLiteral("pulled")).toObject();
        for (auto it = pulled.constBegin(); it != pulled.constEnd(); ++it) {
            QVERIFY2(it.value().toInt() == 0, qPrintable(it.key()));
        }
        QCOMPARE(localScalar(QStringLiteral("SELECT prepaid_fen FROM accounts WHERE account_no = '3300000003'")), 6000);
        expectCheckOk();
    }

    void anOfflineDayArrivesOnceAndInOrder()
    {
        qint64 total = 0;
        for (int i = 1; i <= 12; ++i) {
            const qint64 fen = 1000 + i * 137;
            total += fen;
            const Test::CliRun paid
                = pay(i % 2 == 0 ? QStringLiteral("3300000001") : QStringLiteral("3300000003"),
                      QStringLiteral("%1.%2").arg(fen / 100).arg(fen % 100, 2, 10, QLatin1Char('0')));
            QVERIFY2(paid.exitCode == 0, paid.err.constData());
        }
        // Offline: nothing listens; the round fails quickly and every event stays pending.
        const Test::CliRun offline
            = sync({}, QStringLiteral("postgresql://nobody:x@127.0.0.1:1/halldesk?connect_timeout=3"));
        QCOMPARE(offline.exitCode, 1);
        QCOMPARE(localScalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'")), 12);

        // Online again, in batches of 5.
        const Test::CliRun online = sync({QStringLiteral("--batch"), QStringLiteral("5")});
        QVERIFY2(online.exitCode == 0, online.err.constData());
        const QJsonObject report = online.json();
        QCOMPARE(report.value(QStringLiteral("pushed")).toInt(), 12);
        QCOMPARE(report.value(QStringLiteral("accepted")).toInt(), 12);
        QCOMPARE(report.value(QStringLiteral("duplicates")).toInt(), 0);
        QCOMPARE(localScalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state <> 'accepted'")), 0);

        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.payments")), 12);
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(DISTINCT payment_uuid) FROM central.payments")), 12);
        QCOMPARE(centreScalar(QStringLiteral("SELECT sum(amount_fen) FROM central.payments")), total);
        QCOMPARE(centreScalar(QStringLiteral("SELECT sum(amount_fen) FROM central.payments")),
                 localScalar(QStringLiteral("SELECT sum(amount_fen) FROM payments")));
        // In order: the centre applied them in the terminal's sequence (its allocation lines are numbered as made).
        const auto centre = admin();
        QSqlQuery order = centre->exec(QStringLiteral(
            "SELECT e.local_seq FROM central.applied_events e JOIN central.payment_allocations a ON a.payment_uuid = "
            "e.event_uuid GROUP BY e.local_seq ORDER BY min(a.seq)"));
        QList<qint64> seqs;
        while (order.next()) {
            seqs << order.value(0).toLongLong();
        }
        QCOMPARE(seqs.size(), 12);
        QVERIFY(std::is_sorted(seqs.begin(), seqs.end()));
        QSqlQuery local
            = Sql::exec(m_fixture->store().connection(), QStringLiteral("SELECT id FROM outbox ORDER BY id"));
        QList<qint64> ids;
        while (local.next()) {
            ids << local.value(0).toLongLong();
        }
        QCOMPARE(seqs, ids);
        // Both sides agree on the balances, and the store's invariants hold after the pull.
        for (const char* account : {"3300000001", "3300000003"}) {
            QCOMPARE(localScalar(QStringLiteral("SELECT prepaid_fen FROM accounts WHERE account_no = '%1'")
                                     .arg(QString::fromLatin1(account))),
                     centreScalar(QStringLiteral("SELECT prepaid_fen FROM central.accounts WHERE account_no = '%1'")
                                      .arg(QString::fromLatin1(account))));
        }
        expectCheckOk();
    }

    void aBillPaidOnlineAndAtTheCounterBecomesPrepaidOnBothSides()
    {
        // At the counter, offline: both open bills of 3300000001 with their late fees (312.10 on 2026-02-19).
        const Test::CliRun counter = pay(QStringLiteral("3300000001"), QStringLiteral("312.10"));
        QVERIFY2(counter.exitCode == 0, counter.err.constData());
        QCOMPARE(localScalar(QStringLiteral("SELECT prepaid_fen FROM accounts WHERE account_no = '3300000001'")), 0);
        // Meanwhile through WeChat, straight to the centre: the same bills, and more.
        const Test::CliRun online
            = Test::runCli({QStringLiteral("central"), QStringLiteral("pay"), QStringLiteral("--url"), m_adminUrl,
                            QStringLiteral("--account"), QStringLiteral("3300000001"), QStringLiteral("--amount"),
                            QStringLiteral("900.00"), QStringLiteral("--channel"), QStringLiteral("wechat")});
        QVERIFY2(online.exitCode == 0, online.err.constData());
        const qint64 prepaidOnline
            = centreScalar(QStringLiteral("SELECT prepaid_fen FROM central.accounts WHERE account_no = '3300000001'"));
        QVERIFY(prepaidOnline > 0);

        const Test::CliRun synced = sync();
        QVERIFY2(synced.exitCode == 0, synced.err.constData());
        const QJsonObject report = synced.json();
        QCOMPARE(report.value(QStringLiteral("accepted")).toInt(), 1);
        QVERIFY(!report.value(QStringLiteral("notes")).toArray().isEmpty());
        QVERIFY(!Sql::scalar(m_fixture->store().connection(), QStringLiteral("SELECT state_reason FROM outbox"))
                     .toString()
                     .isEmpty());

        // The counter's money became prepaid at the centre, never lost, and the hall has the same balance.
        const qint64 centrePrepaid
            = centreScalar(QStringLiteral("SELECT prepaid_fen FROM central.accounts WHERE account_no = '3300000001'"));
        QCOMPARE(centrePrepaid, prepaidOnline + 31210);
        QCOMPARE(localScalar(QStringLiteral("SELECT prepaid_fen FROM accounts WHERE account_no = '3300000001'")),
                 centrePrepaid);
        QCOMPARE(localScalar(QStringLiteral("SELECT count(*) FROM bills b JOIN accounts a ON a.id = b.account_id "
                                            "WHERE a.account_no = '3300000001' AND b.status <> 'paid'")),
                 0);
        QCOMPARE(localScalar(QStringLiteral("SELECT count(*) FROM prepaid_ledger WHERE note = 'sync'")), 1);
        QCOMPARE(centreScalar(QStringLiteral("SELECT sum(amount_fen) FROM central.payments")), 90000 + 31210);
        expectCheckOk();
    }

    void aTerminalCannotPushAnotherTerminalsIdentity()
    {
        // A second terminal of the same hall exists at the centre; this store's outbox is altered to claim it.
        admin()->scalar(QStringLiteral("SELECT central.add_terminal('H01', 'T02', 'terminal-secret-T02')"));
        for (const char* amount : {"10.00", "20.00"}) {
            const Test::CliRun paid = pay(QStringLiteral("3300000003"), QString::fromLatin1(amount));
            QVERIFY2(paid.exitCode == 0, paid.err.constData());
        }
        Sql::exec(m_fixture->store().connection(),
                  QStringLiteral("UPDATE outbox SET terminal_code = 'T02' WHERE id = (SELECT min(id) FROM outbox)"));
        const Test::CliRun synced = sync();
        QVERIFY2(synced.exitCode == 0, synced.err.constData());
        const QJsonObject report = synced.json();
        QCOMPARE(report.value(QStringLiteral("rejected")).toInt(), 1);
        QCOMPARE(report.value(QStringLiteral("accepted")).toInt(), 1);
        // The rejection stays visible with its reason; only the honest event reached the centre.
        QCOMPARE(localScalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'rejected' AND state_reason <> "
                                            "''")),
                 1);
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.payments")), 1);
        QCOMPARE(centreScalar(QStringLiteral("SELECT sum(amount_fen) FROM central.payments")), 2000);
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.rejected_events")), 1);
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.payments p JOIN central.terminals t ON "
                                             "t.terminal_id = p.terminal_id WHERE t.code = 'T02'")),
                 0);
    }

    // The supervisor's path for a rejection (docs/sync.md, "Rejected events"): a payment on an account the centre
    // does not know is rejected and listed with the centre's reason; once the account exists at the centre, "send
    // again" puts it back in the queue, the next round gets it accepted, and the centre resolves its rejection.
    void aRejectedPaymentIsAcceptedWhenSentAgainAfterTheCentreWasCorrected()
    {
        const Test::CliRun paid = pay(QStringLiteral("3300000002"), QStringLiteral("10.00"));
        QVERIFY2(paid.exitCode == 0, paid.err.constData());
        const Test::CliRun first = sync();
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QCOMPARE(first.json().value(QStringLiteral("rejected")).toInt(), 1);

        RejectedEvents rejected(m_fixture->store());
        const QList<RejectedEvent> open = rejected.list();
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().reason, QStringLiteral("account 3300000002 is not known at the centre"));
        QCOMPARE(open.first().object.accounts.first().accountNo, QStringLiteral("3300000002"));
        QCOMPARE(open.first().object.amount.fen(), 1000);
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.rejected_events WHERE resolved_at IS "
                                             "NULL")),
                 1);

        Test::CentreBuilder(admin()->db())
            .account({.accountNo = QStringLiteral("3300000002"),
                      .name = QStringLiteral("用户2"),
                      .customerClass = QStringLiteral("commercial"),
                      .address = QStringLiteral("东湖区幸福街道2号"),
                      .meterNo = QStringLiteral("M2")});
        rejected.sendAgain(open.first().seq, m_fixture->session("super01"));
        const Test::CliRun again = sync();
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(again.json().value(QStringLiteral("accepted")).toInt(), 1);
        QCOMPARE(rejected.openCount(), 0);
        QVERIFY(rejected.list(RejectedEvents::Scope::All).isEmpty());
        QCOMPARE(localScalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'accepted'")), 1);
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.rejected_events WHERE resolved_at IS NOT "
                                             "NULL")),
                 1);
        QCOMPARE(centreScalar(QStringLiteral("SELECT sum(amount_fen) FROM central.payments")), 1000);
    }

    void anEmptyStoreIsFilledAndTombstonesDelete()
    {
        const auto centre = admin();
        centre->exec(QStringLiteral("INSERT INTO central.contacts (hall_id, account_no, mobile) VALUES (1, "
                                    "'3300000001', '13800005678')"));
        centre->exec(QStringLiteral("INSERT INTO central.payer_groups (code, name, kind) VALUES ('G1', ?, 'family')"),
                     {QStringLiteral("赵家")});
        centre->exec(QStringLiteral("INSERT INTO central.payer_group_members (hall_id, group_code, account_no) VALUES "
                                    "(1, 'G1', '3300000001'), (1, 'G1', '3300000003')"));
        Test::TempStore empty;
        const QString path = empty.path();
        const Test::CliRun filled
            = Test::runCli({QStringLiteral("sync"), QStringLiteral("--db"), path, QStringLiteral("--url"),
                            m_terminalUrl, QStringLiteral("--batch"), QStringLiteral("10")});
        QVERIFY2(filled.exitCode == 0, filled.err.constData());
        const QJsonObject pulled = filled.json().value(QStringLiteral("pulled")).toObject();
        QCOMPARE(pulled.value(QStringLiteral("accounts")).toInt(), 2);
        QCOMPARE(pulled.value(QStringLiteral("bills")).toInt(), 3);
        QCOMPARE(pulled.value(QStringLiteral("contacts")).toInt(), 1);
        QCOMPARE(pulled.value(QStringLiteral("payer_group_members")).toInt(), 2);
        QSqlDatabase db = empty.store().connection();
        QCOMPARE(Sql::scalar(db, QStringLiteral("SELECT count(*) FROM accounts")).toInt(), 2);
        QCOMPARE(Sql::scalar(db, QStringLiteral("SELECT count(*) FROM bills WHERE status = 'open'")).toInt(), 2);
        QCOMPARE(Sql::scalar(db, QStringLiteral("SELECT mobile FROM contacts")).toString(),
                 QStringLiteral("13800005678"));
        QCOMPARE(Sql::scalar(db, QStringLiteral("SELECT count(*) FROM payer_group_members")).toInt(), 2);
        // the name index of the lookup follows the pulled names
        QVERIFY(Sql::scalar(db, QStringLiteral("SELECT count(*) FROM name_grams")).toInt() > 0);

        // Deletions at the centre arrive as tombstones; a second round pulls only those.
        centre->exec(QStringLiteral("DELETE FROM central.payer_group_members WHERE account_no = '3300000003'"));
        centre->exec(
            QStringLiteral("DELETE FROM central.bills WHERE account_no = '3300000001' AND period = '2025-12'"));
        centre->exec(QStringLiteral("UPDATE central.contacts SET mobile = '13900001234'"));
        const Test::CliRun second = Test::runCli(
            {QStringLiteral("sync"), QStringLiteral("--db"), path, QStringLiteral("--url"), m_terminalUrl});
        QVERIFY2(second.exitCode == 0, second.err.constData());
        const QJsonObject again = second.json().value(QStringLiteral("pulled")).toObject();
        QCOMPARE(again.value(QStringLiteral("accounts")).toInt(), 0);
        QCOMPARE(again.value(QStringLiteral("bills")).toInt(), 1);
        QCOMPARE(again.value(QStringLiteral("contacts")).toInt(), 1);
        QCOMPARE(again.value(QStringLiteral("payer_group_members")).toInt(), 1);
        QCOMPARE(Sql::scalar(db, QStringLiteral("SELECT count(*) FROM bills")).toInt(), 2);
        QCOMPARE(Sql::scalar(db, QStringLiteral("SELECT mobile FROM contacts")).toString(),
                 QStringLiteral("13900001234"));
        QCOMPARE(Sql::scalar(db, QStringLiteral("SELECT count(*) FROM payer_group_members")).toInt(), 1);
        const Test::CliRun check = Test::runCli({QStringLiteral("check"), QStringLiteral("--db"), path});
        QVERIFY2(check.exitCode == 0, QByteArray(check.out + check.err).constData());
    }

    // The connection is cut after the server committed a push and before its reply reached the terminal: the
    // round fails, the events stay pending, and the next round sends them again to hear "duplicate" for each.
    void exactlyOnceWhenThePushReplyIsLost()
    {
        for (const char* amount : {"10.00", "20.00", "30.00"}) {
            const Test::CliRun paid = pay(QStringLiteral("3300000003"), QString::fromLatin1(amount));
            QVERIFY2(paid.exitCode == 0, paid.err.constData());
        }
        ReplyCutter cutter(m_cluster->port());
        QVERIFY(cutter.port() > 0);
        CentralSettings throughCutter = CentralSettings::fromUrl(m_terminalUrl);
        throughCutter.port = cutter.port();
        throughCutter.sslMode = QStringLiteral("disable");
        QString failure;
        try {
            SyncEngine(m_fixture->store(), throughCutter).runOnce();
        } catch (const StoreError& error) {
            failure = error.message();
        }
        QVERIFY2(cutter.cut(), "the push went through untouched");
        QVERIFY2(!failure.isEmpty(), "the round did not notice the lost reply");
        qInfo("the round failed as it should: %s", qPrintable(failure));
        // The centre has the batch; the terminal does not know it.
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.applied_events")), 3);
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.payments")), 3);
        QCOMPARE(localScalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'")), 3);

        const Test::CliRun again = sync();
        QVERIFY2(again.exitCode == 0, again.err.constData());
        const QJsonObject report = again.json();
        QCOMPARE(report.value(QStringLiteral("pushed")).toInt(), 3);
        QCOMPARE(report.value(QStringLiteral("accepted")).toInt(), 0);
        QCOMPARE(report.value(QStringLiteral("duplicates")).toInt(), 3);
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.payments")), 3);
        QCOMPARE(centreScalar(QStringLiteral("SELECT sum(amount_fen) FROM central.payments")), 6000);
        QCOMPARE(centreScalar(QStringLiteral("SELECT prepaid_fen FROM central.accounts WHERE account_no = "
                                             "'3300000003'")),
                 6000);
        QCOMPARE(localScalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'")), 0);
        QCOMPARE(localScalar(QStringLiteral("SELECT prepaid_fen FROM accounts WHERE account_no = '3300000003'")), 6000);
        expectCheckOk();
    }

    void exactlyOnceWhenTheSyncIsKilledDuringAPush()
    {
        longOutbox();
        if (QTest::currentTestFailed()) {
            return;
        }
        const int events = kCopies + 1;

        // Kill the sync with SIGKILL once the centre has applied some of the events, but not all.
        QProcess victim;
        victim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        victim.start(QStringLiteral(HALLDESKCTL_PATH),
                     {QStringLiteral("sync"), QStringLiteral("--db"), m_fixture->path(), QStringLiteral("--url"),
                      m_terminalUrl, QStringLiteral("--batch"), QStringLiteral("25")});
        QVERIFY(victim.waitForStarted());
        const auto centre = admin();
        qint64 applied = 0;
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 60000 && victim.state() == QProcess::Running) {
            applied = centre->scalar(QStringLiteral("SELECT count(*) FROM central.applied_events")).toLongLong();
            if (applied >= 200) {
                victim.kill(); // SIGKILL
                break;
            }
            QTest::qWait(5);
        }
        QVERIFY(victim.waitForFinished(30000));
        qInfo("killed after %lld events had reached the centre", static_cast<long long>(applied));
        QVERIFY2(applied >= 200, "the sync finished or stalled before it could be killed");
        QCOMPARE(victim.exitStatus(), QProcess::CrashExit);
        const qint64 pendingAfterKill
            = localScalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'"));
        QVERIFY(pendingAfterKill > 0);
        QVERIFY(pendingAfterKill < events);
        // The next round finishes the job: each event once at the centre, whatever the kill cut.
        expectEachEventOnce(pendingAfterKill);
    }

    void exactlyOnceWhenTheServerRestartsDuringAPush()
    {
        longOutbox();
        if (QTest::currentTestFailed()) {
            return;
        }
        QProcess client;
        client.setProcessChannelMode(QProcess::ForwardedOutputChannel);
        client.start(QStringLiteral(HALLDESKCTL_PATH),
                     {QStringLiteral("sync"), QStringLiteral("--db"), m_fixture->path(), QStringLiteral("--url"),
                      m_terminalUrl, QStringLiteral("--batch"), QStringLiteral("25")});
        QVERIFY(client.waitForStarted());
        qint64 applied = 0;
        {
            const auto centre = admin();
            QElapsedTimer waited;
            waited.start();
            while (waited.elapsed() < 60000 && client.state() == QProcess::Running) {
                applied = centre->scalar(QStringLiteral("SELECT count(*) FROM central.applied_events")).toLongLong();
                if (applied >= 200) {
                    break;
                }
                QTest::qWait(5);
            }
        }
        QVERIFY2(applied >= 200, "the sync finished or stalled before the server could be restarted");
        // A fast shutdown ends the client's session in the middle of its round; the server comes back.
        QVERIFY2(m_cluster->restart(), qPrintable(m_cluster->error()));
        QVERIFY(client.waitForFinished(60000));
        QCOMPARE(client.exitStatus(), QProcess::NormalExit);
        QCOMPARE(client.exitCode(), 1);
        const qint64 pending = localScalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'"));
        QVERIFY(pending > 0);
        expectEachEventOnce(pending);
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "TestSync.moc"
