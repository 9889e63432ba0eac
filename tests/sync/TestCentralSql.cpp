#include "db/Central.h"
#include "db/CentralMigrator.h"
#include "tests/support/Cli.h"
#include "tests/support/PgCluster.h"
#include "tests/support/StoreBuilder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QTest>
#include <memory>

using namespace HallDesk;

// The central database on a real, throwaway PostgreSQL cluster: the colleague's psql suites (db/central/tests)
// and the C++ migrator through `halldeskctl central migrate`, `central terminal add` and `central pay`.
class TestCentralSql : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::PgCluster> m_cluster;
    int m_databases = 0;

    QString freshDatabase()
    {
        const QString url = m_cluster->createDatabase(QStringLiteral("hd_sql_%1").arg(++m_databases));
        if (url.isEmpty()) {
            qWarning("%s", qPrintable(m_cluster->error()));
        }
        return url;
    }

    static int version(const QString& url)
    {
        CentralConnection connection(CentralSettings::fromUrl(url));
        return CentralMigrator::currentVersion(connection);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QElapsedTimer timer;
        timer.start();
        m_cluster = std::make_unique<Test::PgCluster>();
        QVERIFY2(m_cluster->isRunning(), qPrintable(m_cluster->error()));
        qInfo("cluster on port %d started in %lld ms", m_cluster->port(), static_cast<long long>(timer.elapsed()));
    }
    void cleanupTestCase() { m_cluster.reset(); }

    void psqlSuitesPass()
    {
        // db/central/tests/run.sh: each *.sql in its own database (migrated as the C++ migrator does) and the
        // parallel-terminals test, against this cluster.
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HALLDESK_CENTRAL_CLUSTER"), m_cluster->dir());
        environment.insert(QStringLiteral("PGCONNECT_TIMEOUT"), QStringLiteral("20"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral("sh"), {QStringLiteral(HALLDESK_SOURCE_DIR "/db/central/tests/run.sh")});
        QVERIFY(process.waitForStarted());
        QVERIFY2(process.waitForFinished(480000), "db/central/tests/run.sh did not finish in 8 minutes");
        const QByteArray output = process.readAll();
        qInfo("%s", output.trimmed().constData());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 0, output.constData());
        QVERIFY(output.contains("PASS 01_security"));
        QVERIFY(output.contains("PASS 04_channels"));
        QVERIFY(output.contains("PASS concurrent"));
    }

    void migrateAppliesInOrderAndIsIdempotent()
    {
        const QString url = freshDatabase();
        QVERIFY(!url.isEmpty());
        QCOMPARE(version(url), 0);

        const Test::CliRun first
            = Test::runCli({QStringLiteral("central"), QStringLiteral("migrate"), QStringLiteral("--url"), url});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const QJsonObject json = first.json();
        QCOMPARE(json.value(QStringLiteral("from")).toInt(), 0);
        QCOMPARE(json.value(QStringLiteral("to")).toInt(), CentralMigrator::latestVersion());
        // every file once (the numbers may have gaps: branches take numbers in parallel)
        QCOMPARE(json.value(QStringLiteral("applied")).toArray().size(),
                 QDir(QStringLiteral(HALLDESK_SOURCE_DIR "/db/central"))
                     .entryList({QStringLiteral("[0-9][0-9][0-9][0-9]_*.sql")}, QDir::Files)
                     .size());
        QCOMPARE(json.value(QStringLiteral("applied")).toArray().first().toString(),
                 QStringLiteral("0001_central.sql"));
        QCOMPARE(version(url), CentralMigrator::latestVersion());

        const Test::CliRun again
            = Test::runCli({QStringLiteral("central"), QStringLiteral("migrate"), QStringLiteral("--url"), url});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(again.json().value(QStringLiteral("applied")).toArray().size(), 0);
        QCOMPARE(again.json().value(QStringLiteral("from")).toInt(), CentralMigrator::latestVersion());
    }

    void migrateStepByStep()
    {
        // Version 1 first, then the rest: each step on its own, as an upgrade in the field would go.
        const QString url = freshDatabase();
        QVERIFY(!url.isEmpty());
        {
            CentralConnection connection(CentralSettings::fromUrl(url));
            const CentralMigrator::Result result = CentralMigrator::migrate(connection, 1);
            QCOMPARE(result.to, 1);
            QCOMPARE(result.applied, QStringList{QStringLiteral("0001_central.sql")});
        }
        QCOMPARE(version(url), 1);
        const Test::CliRun rest
            = Test::runCli({QStringLiteral("central"), QStringLiteral("migrate"), QStringLiteral("--url"), url});
        QVERIFY2(rest.exitCode == 0, rest.err.constData());
        QCOMPARE(rest.json().value(QStringLiteral("from")).toInt(), 1);
        QCOMPARE(version(url), CentralMigrator::latestVersion());
    }

    void migrateRefusesANewerDatabase()
    {
        const QString url = freshDatabase();
        QVERIFY(!url.isEmpty());
        QCOMPARE(
            Test::runCli({QStringLiteral("central"), QStringLiteral("migrate"), QStringLiteral("--url"), url}).exitCode,
            0);
        const int newer = CentralMigrator::latestVersion() + 1;
        {
            CentralConnection connection(CentralSettings::fromUrl(url));
            connection.exec(QStringLiteral("INSERT INTO central.schema_version (version, name) VALUES (?, 'future')"),
                            {newer});
        }
        const Test::CliRun refused
            = Test::runCli({QStringLiteral("central"), QStringLiteral("migrate"), QStringLiteral("--url"), url});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("newer"), refused.err.constData());
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(version(url), newer);
    }

    void migrateReportsABadUrlOrServer()
    {
        const Test::CliRun badUrl = Test::runCli({QStringLiteral("central"), QStringLiteral("migrate"),
                                                  QStringLiteral("--url"), QStringLiteral("http://example/x")});
        QCOMPARE(badUrl.exitCode, 2);
        // Nothing listens on port 1: a quick, clear failure, and the password is not printed.
        const Test::CliRun noServer
            = Test::runCli({QStringLiteral("central"), QStringLiteral("migrate"), QStringLiteral("--url"),
                            QStringLiteral("postgresql://someone:s3cret@127.0.0.1:1/halldesk?connect_timeout=3")});
        QCOMPARE(noServer.exitCode, 1);
        QVERIFY2(noServer.err.contains("Cannot connect"), noServer.err.constData());
        QVERIFY(!noServer.err.contains("s3cret"));
    }

    void terminalAddPrintsWorkingSettings()
    {
        const QString url = freshDatabase();
        QVERIFY(!url.isEmpty());
        QCOMPARE(
            Test::runCli({QStringLiteral("central"), QStringLiteral("migrate"), QStringLiteral("--url"), url}).exitCode,
            0);
        {
            CentralConnection admin(CentralSettings::fromUrl(url));
            admin.exec(QStringLiteral("INSERT INTO central.halls (code, name, region) VALUES ('H01', 'East', 'east'), "
                                      "('H02', 'West', 'west')"));
        }
        const Test::CliRun added = Test::runCli(
            {QStringLiteral("central"), QStringLiteral("terminal"), QStringLiteral("add"), QStringLiteral("--url"), url,
             QStringLiteral("--hall"), QStringLiteral("H01"), QStringLiteral("--terminal"), QStringLiteral("T01")});
        QVERIFY2(added.exitCode == 0, added.err.constData());
        const QJsonObject settings = added.json();
        const QString password = settings.value(QStringLiteral("password")).toString();
        QVERIFY(password.size() >= 30);
        QVERIFY(settings.value(QStringLiteral("role")).toString().startsWith(QStringLiteral("halldesk_")));

        CentralConnection terminal(CentralSettings::fromUrl(settings.value(QStringLiteral("url")).toString()));
        const QJsonObject hello
            = terminal.json("SELECT sync.hello($1::jsonb)::text", {"{\"hall_code\": \"H02\"}"}).toObject();
        QCOMPARE(hello.value(QStringLiteral("hall_code")).toString(), QStringLiteral("H01"));
        QCOMPARE(hello.value(QStringLiteral("terminal_code")).toString(), QStringLiteral("T01"));
        // The terminal's role has no table privileges.
        QVERIFY_THROWS_EXCEPTION(StoreError, terminal.exec(QStringLiteral("SELECT count(*) FROM central.accounts")));

        // A second terminal with the same code in the same hall is refused; a second password differs.
        const Test::CliRun twice = Test::runCli(
            {QStringLiteral("central"), QStringLiteral("terminal"), QStringLiteral("add"), QStringLiteral("--url"), url,
             QStringLiteral("--hall"), QStringLiteral("H01"), QStringLiteral("--terminal"), QStringLiteral("T01")});
        QCOMPARE(twice.exitCode, 1);
        const Test::CliRun other = Test::runCli(
            {QStringLiteral("central"), QStringLiteral("terminal"), QStringLiteral("add"), QStringLiteral("--url"), url,
             QStringLiteral("--hall"), QStringLiteral("H02"), QStringLiteral("--terminal"), QStringLiteral("T01")});
        QVERIFY2(other.exitCode == 0, other.err.constData());
        QVERIFY(other.json().value(QStringLiteral("password")).toString() != password);
    }

    void centralPayRecordsAnOtherChannelPayment()
    {
        const QString url = freshDatabase();
        QVERIFY(!url.isEmpty());
        QCOMPARE(
            Test::runCli({QStringLiteral("central"), QStringLiteral("migrate"), QStringLiteral("--url"), url}).exitCode,
            0);
        {
            CentralConnection admin(CentralSettings::fromUrl(url));
            admin.exec(QStringLiteral("INSERT INTO central.halls (code, name, region) VALUES ('H01', 'East', 'east')"));
            const Test::CentreBuilder rows(admin.db());
            rows.account({.accountNo = QStringLiteral("1000000001"),
                          .name = QStringLiteral("Zhao"),
                          .customerClass = QStringLiteral("residential"),
                          .address = QStringLiteral("East 1"),
                          .meterNo = QStringLiteral("M1")});
            rows.bill({.accountNo = QStringLiteral("1000000001"),
                       .period = QStringLiteral("2099-01"),
                       .kwh = 150,
                       .amountFen = 8700,
                       .issueDate = QStringLiteral("2099-01-05"),
                       .dueDate = QStringLiteral("2099-01-20")});
        }
        const QStringList pay{QStringLiteral("central"),   QStringLiteral("pay"),
                              QStringLiteral("--url"),     url,
                              QStringLiteral("--account"), QStringLiteral("1000000001"),
                              QStringLiteral("--amount"),  QStringLiteral("100.00"),
                              QStringLiteral("--channel"), QStringLiteral("wechat"),
                              QStringLiteral("--uuid"),    QStringLiteral("00000000-0000-4000-8000-00000000e001")};
        const Test::CliRun paid = Test::runCli(pay);
        QVERIFY2(paid.exitCode == 0, paid.err.constData());
        QVERIFY(paid.json().value(QStringLiteral("result")).toString() != QStringLiteral("duplicate"));
        const Test::CliRun again = Test::runCli(pay);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(again.json().value(QStringLiteral("result")).toString(), QStringLiteral("duplicate"));

        CentralConnection admin(CentralSettings::fromUrl(url));
        QCOMPARE(admin.scalar(QStringLiteral("SELECT paid_fen FROM central.bills WHERE account_no = '1000000001'"))
                     .toLongLong(),
                 8700);
        QCOMPARE(admin
                     .scalar(QStringLiteral("SELECT prepaid_fen FROM central.accounts WHERE account_no = "
                                            "'1000000001'"))
                     .toLongLong(),
                 1300);
        QCOMPARE(admin.scalar(QStringLiteral("SELECT count(*) FROM central.payments")).toInt(), 1);

        const Test::CliRun badChannel
            = Test::runCli({QStringLiteral("central"), QStringLiteral("pay"), QStringLiteral("--url"), url,
                            QStringLiteral("--account"), QStringLiteral("1000000001"), QStringLiteral("--amount"),
                            QStringLiteral("1"), QStringLiteral("--channel"), QStringLiteral("counter")});
        QCOMPARE(badChannel.exitCode, 2);
        const Test::CliRun unknownAccount
            = Test::runCli({QStringLiteral("central"), QStringLiteral("pay"), QStringLiteral("--url"), url,
                            QStringLiteral("--account"), QStringLiteral("9999999999"), QStringLiteral("--amount"),
                            QStringLiteral("1"), QStringLiteral("--channel"), QStringLiteral("bank")});
        QCOMPARE(unknownAccount.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestCentralSql)
#include "TestCentralSql.moc"
