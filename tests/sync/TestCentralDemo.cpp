#include "db/Central.h"
#include "db/Sql.h"
#include "db/Store.h"
#include "tests/support/Cli.h"
#include "tests/support/PgCluster.h"

#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace HallDesk;

// `halldeskctl central demo` against a real centre in a throwaway PostgreSQL cluster: the centre gets the very rows
// the local demo makes for the same seed and date, refuses a second load, and a new terminal's empty store pulls
// exactly its hall's slice and checks out.
class TestCentralDemo : public QObject
{
    Q_OBJECT

private:
    static constexpr int kAccounts = 2000;
    static constexpr const char* kAsOf = "2026-11-20";

    std::unique_ptr<Test::PgCluster> m_cluster;
    QTemporaryDir m_dir;
    QString m_adminUrl;
    QString m_localDemo;

    std::unique_ptr<CentralConnection> admin() const
    {
        return std::make_unique<CentralConnection>(CentralSettings::fromUrl(m_adminUrl));
    }
    QVariant centre(const QString& sql) const { return admin()->scalar(sql); }
    static QVariant local(const QString& path, const QString& sql)
    {
        auto store = Store::open(path);
        return Sql::scalar(store->connection(), sql);
    }

    static Test::CliRun run(const QStringList& args, const QProcessEnvironment& extra = {})
    {
        return Test::runCli(args, extra);
    }

    QStringList demoArgs() const
    {
        return {QStringLiteral("--accounts"), QString::number(kAccounts), QStringLiteral("--seed"),
                QStringLiteral("1"),          QStringLiteral("--as-of"),  QString::fromLatin1(kAsOf)};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cluster = std::make_unique<Test::PgCluster>();
        QVERIFY2(m_cluster->isRunning(), qPrintable(m_cluster->error()));
        m_adminUrl = m_cluster->createDatabase(QStringLiteral("hd_central_demo"));
        QVERIFY2(!m_adminUrl.isEmpty(), qPrintable(m_cluster->error()));
        const Test::CliRun migrate
            = run({QStringLiteral("central"), QStringLiteral("migrate"), QStringLiteral("--url"), m_adminUrl});
        QVERIFY2(migrate.exitCode == 0, migrate.err.constData());

        m_localDemo = m_dir.filePath(QStringLiteral("demo.sqlite"));
        const Test::CliRun demo
            = run(QStringList{QStringLiteral("demo"), QStringLiteral("--db"), m_localDemo} + demoArgs());
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
    }
    void cleanupTestCase() { m_cluster.reset(); }

    void loadsTheLocalDemosRows()
    {
        const Test::CliRun load
            = run(QStringList{QStringLiteral("central"), QStringLiteral("demo"), QStringLiteral("--url"), m_adminUrl}
                  + demoArgs());
        QVERIFY2(load.exitCode == 0, load.err.constData());
        const QJsonObject summary = load.json();
        QCOMPARE(summary.value(QStringLiteral("accounts")).toInteger(), kAccounts);
        QCOMPARE(summary.value(QStringLiteral("bills")).toInteger(), qint64(kAccounts) * 13);
        QCOMPARE(summary.value(QStringLiteral("halls")).toInteger(), 6);
        QVERIFY(summary.contains(QStringLiteral("seconds")));

        // The same counts and totals as the local demo with the same seed and date.
        const auto same = [this](const char* localSql, const char* centreSql) {
            const QString here = local(m_localDemo, QString::fromLatin1(localSql)).toString();
            const QString there = centre(QString::fromLatin1(centreSql)).toString();
            QVERIFY2(
                !here.isEmpty() && here == there,
                qPrintable(QStringLiteral("%1: local %2, centre %3").arg(QString::fromLatin1(localSql), here, there)));
        };
        same("SELECT count(*) FROM accounts", "SELECT count(*) FROM central.accounts");
        same("SELECT count(*) FROM contacts", "SELECT count(*) FROM central.contacts");
        same("SELECT count(*) || '/' || sum(amount_fen) || '/' || sum(paid_fen) || '/' || sum(kwh) FROM bills",
             "SELECT count(*) || '/' || sum(amount_fen) || '/' || sum(paid_fen) || '/' || sum(kwh) FROM central.bills");
        same("SELECT count(*) FROM halls", "SELECT count(*) FROM central.halls");
        same("SELECT count(*) FROM operators", "SELECT count(*) FROM central.operators");
        same("SELECT count(*) FROM transformer_areas", "SELECT count(*) FROM central.transformer_areas");
        same("SELECT count(*) FROM payer_groups", "SELECT count(*) FROM central.payer_groups");
        same("SELECT count(*) FROM payer_group_members", "SELECT count(*) FROM central.payer_group_members");
        same("SELECT sum(prepaid_fen) FROM accounts", "SELECT sum(prepaid_fen) FROM central.accounts");
        same("SELECT count(*) FROM prepaid_ledger", "SELECT count(*) FROM central.prepaid_ledger");
        same("SELECT group_concat(n, ',') FROM (SELECT h.code || ':' || count(*) AS n FROM accounts a JOIN halls h "
             "ON h.id = a.hall_id GROUP BY h.code ORDER BY h.code)",
             "SELECT string_agg(n, ',' ORDER BY n) FROM (SELECT h.code || ':' || count(*) AS n FROM central.accounts a "
             "JOIN central.halls h USING (hall_id) GROUP BY h.code) x");

        // A few accounts row by row: number, name, hall, prepaid balance, and their bills.
        for (const int id : {1, 777, kAccounts}) {
            const QString accountNo
                = local(m_localDemo, QStringLiteral("SELECT account_no FROM accounts WHERE id = %1").arg(id))
                      .toString();
            QVERIFY(!accountNo.isEmpty());
            const QString here
                = local(m_localDemo,
                        QStringLiteral(
                            "SELECT a.name || '/' || h.code || '/' || a.customer_class || '/' || a.prepaid_fen "
                            "|| '/' || a.opened_on || '/' || c.mobile FROM accounts a JOIN halls h ON h.id = "
                            "a.hall_id JOIN contacts c ON c.account_id = a.id WHERE a.id = %1")
                            .arg(id))
                      .toString();
            const QString there
                = centre(
                      QStringLiteral("SELECT a.name || '/' || h.code || '/' || a.customer_class || '/' || "
                                     "a.prepaid_fen || '/' || a.opened_on || '/' || c.mobile FROM central.accounts a "
                                     "JOIN central.halls h USING (hall_id) JOIN central.contacts c USING "
                                     "(hall_id, account_no) WHERE a.account_no = '%1'")
                          .arg(accountNo))
                      .toString();
            QCOMPARE(there, here);
            const QString billsHere
                = local(
                      m_localDemo,
                      QStringLiteral("SELECT group_concat(x, ';') FROM (SELECT period || ',' || amount_fen || ',' || "
                                     "paid_fen || ',' || status || ',' || due_date || ',' || coalesce(paid_on, '-') AS "
                                     "x FROM bills WHERE account_id = %1 ORDER BY period)")
                          .arg(id))
                      .toString();
            const QString billsThere
                = centre(
                      QStringLiteral("SELECT string_agg(period || ',' || amount_fen || ',' || paid_fen || ',' || "
                                     "status || ',' || due_date || ',' || coalesce(paid_on::text, '-'), ';' ORDER BY "
                                     "period) FROM central.bills WHERE account_no = '%1'")
                          .arg(accountNo))
                      .toString();
            QCOMPARE(billsThere, billsHere);
        }
    }

    // The centre keeps the full, valid ID numbers of residential holders (GB 11643: region, birth date of an adult,
    // sequence, ISO 7064 MOD 11-2 check character); halls get them masked (TestPersonalData).
    void theCentreKeepsValidIdNumbers()
    {
        const std::unique_ptr<CentralConnection> connection = admin();
        QSqlQuery query = connection->exec(
            QStringLiteral("SELECT id_card_no, customer_class FROM central.accounts ORDER BY account_no"));
        static const QRegularExpression shape(QStringLiteral("^\\d{17}[\\dX]$"));
        static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int residential = 0;
        while (query.next()) {
            const QString number = query.value(0).toString();
            if (query.value(1).toString() != QLatin1String("residential")) {
                QVERIFY(number.isEmpty());
                continue;
            }
            ++residential;
            QVERIFY2(shape.match(number).hasMatch(), qPrintable(number));
            int sum = 0;
            for (int i = 0; i < 17; ++i) {
                sum += number.at(i).digitValue() * weights[i];
            }
            QCOMPARE(number.at(17), QStringLiteral("10X98765432").at(sum % 11));
            const QDate birth = QDate::fromString(number.mid(6, 8), QStringLiteral("yyyyMMdd"));
            QVERIFY2(birth.isValid()
                         && birth.daysTo(QDate::fromString(QString::fromLatin1(kAsOf), Qt::ISODate)) > 18 * 365,
                     qPrintable(number));
        }
        QVERIFY(residential > kAccounts / 2);
    }

    void refusesACentreWithAccounts()
    {
        const qint64 before = centre(QStringLiteral("SELECT count(*) FROM central.bills")).toLongLong();
        const Test::CliRun again
            = run(QStringList{QStringLiteral("central"), QStringLiteral("demo"), QStringLiteral("--url"), m_adminUrl}
                  + demoArgs());
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains("accounts already"), again.err.constData());
        QCOMPARE(centre(QStringLiteral("SELECT count(*) FROM central.bills")).toLongLong(), before);
    }

    void aNewTerminalPullsItsHallsSlice()
    {
        const Test::CliRun terminal = run({QStringLiteral("central"), QStringLiteral("terminal"), QStringLiteral("add"),
                                           QStringLiteral("--url"), m_adminUrl, QStringLiteral("--hall"),
                                           QStringLiteral("H01"), QStringLiteral("--terminal"), QStringLiteral("T01")});
        QVERIFY2(terminal.exitCode == 0, terminal.err.constData());
        const QString terminalUrl = terminal.json().value(QStringLiteral("url")).toString();
        QVERIFY(!terminalUrl.isEmpty());

        const QString path = m_dir.filePath(QStringLiteral("h01.sqlite"));
        QProcessEnvironment password;
        password.insert(QStringLiteral("HALLDESK_PASSWORD"), QStringLiteral("Admin-pass-1234"));
        const Test::CliRun init = run({QStringLiteral("init"), QStringLiteral("--db"), path, QStringLiteral("--hall"),
                                       QStringLiteral("H01"), QStringLiteral("--hall-name"), QStringLiteral("H01"),
                                       QStringLiteral("--terminal"), QStringLiteral("T01"), QStringLiteral("--admin"),
                                       QStringLiteral("boss01")},
                                      password);
        QVERIFY2(init.exitCode == 0, init.err.constData());
        QCOMPARE(local(path, QStringLiteral("SELECT count(*) FROM accounts")).toLongLong(), 0);

        const Test::CliRun sync
            = run({QStringLiteral("sync"), QStringLiteral("--db"), path, QStringLiteral("--url"), terminalUrl});
        QVERIFY2(sync.exitCode == 0, QByteArray(sync.out + sync.err).constData());
        QCOMPARE(sync.json().value(QStringLiteral("rejected")).toInt(), 0);

        // Exactly H01's accounts and their bills: the same numbers, amounts and payments.
        const qint64 accounts
            = centre(QStringLiteral("SELECT count(*) FROM central.accounts JOIN central.halls USING (hall_id) "
                                    "WHERE code = 'H01'"))
                  .toLongLong();
        QVERIFY(accounts > 0 && accounts < kAccounts);
        QCOMPARE(local(path, QStringLiteral("SELECT count(*) FROM accounts")).toLongLong(), accounts);
        QCOMPARE(local(path, QStringLiteral("SELECT count(*) FROM bills")).toLongLong(), accounts * 13);
        QCOMPARE(local(path,
                       QStringLiteral("SELECT group_concat(account_no, ',') FROM (SELECT account_no FROM "
                                      "accounts ORDER BY account_no)"))
                     .toString(),
                 centre(QStringLiteral("SELECT string_agg(account_no, ',' ORDER BY account_no) FROM central.accounts "
                                       "JOIN central.halls USING (hall_id) WHERE code = 'H01'"))
                     .toString());
        QCOMPARE(local(path, QStringLiteral("SELECT sum(amount_fen) || '/' || sum(paid_fen) FROM bills")).toString(),
                 centre(QStringLiteral("SELECT sum(amount_fen) || '/' || sum(paid_fen) FROM central.bills JOIN "
                                       "central.halls USING (hall_id) WHERE code = 'H01'"))
                     .toString());
        QCOMPARE(local(path, QStringLiteral("SELECT sum(prepaid_fen) FROM accounts")).toLongLong(),
                 centre(QStringLiteral("SELECT sum(prepaid_fen) FROM central.accounts JOIN central.halls USING "
                                       "(hall_id) WHERE code = 'H01'"))
                     .toLongLong());

        const Test::CliRun check = run({QStringLiteral("check"), QStringLiteral("--db"), path});
        QVERIFY2(check.exitCode == 0, QByteArray(check.out + check.err).constData());
        QCOMPARE(check.json().value(QStringLiteral("ok")).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestCentralDemo)
#include "TestCentralDemo.moc"
