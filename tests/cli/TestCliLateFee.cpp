#include "app/money/Money.h"
#include "db/Sql.h"
#include "tests/support/Cli.h"
#include "tests/support/TempStore.h"

#include <QTest>

using namespace HallDesk;
using HallDesk::Test::runCli;

namespace {

QStringList lateFeeArgs(const QString& customerClass, const QString& amount, const QString& due, const QString& on)
{
    return {QStringLiteral("latefee"),
            QStringLiteral("--class"),
            customerClass,
            QStringLiteral("--amount"),
            amount,
            QStringLiteral("--due"),
            due,
            QStringLiteral("--on"),
            on};
}

} // namespace

class TestCliLateFee : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void issueExample()
    {
        const Test::CliRun run = runCli(lateFeeArgs(QStringLiteral("residential"), QStringLiteral("100.00"),
                                                    QStringLiteral("2026-01-10"), QStringLiteral("2026-02-10")));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        const QJsonObject out = run.json();
        QCOMPARE(out.value(QStringLiteral("days")).toInt(), 31);
        QCOMPARE(out.value(QStringLiteral("due_year_days")).toInt(), 31);
        QCOMPARE(out.value(QStringLiteral("later_years_days")).toInt(), 0);
        QCOMPARE(out.value(QStringLiteral("late_fee")).toString(), QStringLiteral("3.10"));
        QCOMPARE(out.value(QStringLiteral("late_fee_fen")).toInteger(), qint64(310));
        QCOMPARE(out.value(QStringLiteral("amount")).toString(), QStringLiteral("100.00"));
        QCOMPARE(out.value(QStringLiteral("amount_fen")).toInteger(), qint64(10000));
        QCOMPARE(out.value(QStringLiteral("policy")).toString(), QStringLiteral("1996"));
        QCOMPARE(out.value(QStringLiteral("policy_version")).toInt(), 1);
        QCOMPARE(out.value(QStringLiteral("class")).toString(), QStringLiteral("residential"));
    }

    void cases_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("dueYearDays");
        QTest::addColumn<QString>("fee");
        QTest::newRow("commercial across the year end")
            << lateFeeArgs(QStringLiteral("commercial"), QStringLiteral("100"), QStringLiteral("2025-12-20"),
                           QStringLiteral("2026-01-10"))
            << 21 << 11 << QStringLiteral("5.20");
        QTest::newRow("residential across the year end")
            << lateFeeArgs(QStringLiteral("residential"), QStringLiteral("100"), QStringLiteral("2025-12-20"),
                           QStringLiteral("2026-01-10"))
            << 21 << 11 << QStringLiteral("2.10");
        QTest::newRow("explicit policy") << lateFeeArgs(QStringLiteral("industrial"), QStringLiteral("100"),
                                                        QStringLiteral("2025-12-20"), QStringLiteral("2026-01-10"))
                + QStringList{QStringLiteral("--policy"), QStringLiteral("1996")}
                                         << 21 << 11 << QStringLiteral("5.20");
        QTest::newRow("paid on the due date") << lateFeeArgs(QStringLiteral("agricultural"), QStringLiteral("100"),
                                                             QStringLiteral("2026-01-10"), QStringLiteral("2026-01-10"))
                                              << 0 << 0 << QStringLiteral("0.00");
        QTest::newRow("paid before the due date")
            << lateFeeArgs(QStringLiteral("residential"), QStringLiteral("100"), QStringLiteral("2026-01-10"),
                           QStringLiteral("2025-12-31"))
            << 0 << 0 << QStringLiteral("0.00");
        QTest::newRow("minimum fee") << lateFeeArgs(QStringLiteral("residential"), QStringLiteral("10.00"),
                                                    QStringLiteral("2026-01-10"), QStringLiteral("2026-02-10"))
                                     << 31 << 31 << QStringLiteral("1.00");
        QTest::newRow("half a fen rounds up") << lateFeeArgs(QStringLiteral("residential"), QStringLiteral("¥1,005.00"),
                                                             QStringLiteral("2026-01-10"), QStringLiteral("2026-01-11"))
                                              << 1 << 1 << QStringLiteral("1.01");
    }

    void cases()
    {
        QFETCH(QStringList, args);
        QFETCH(int, days);
        QFETCH(int, dueYearDays);
        QFETCH(QString, fee);
        const Test::CliRun run = runCli(args);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = run.json();
        QCOMPARE(out.value(QStringLiteral("days")).toInt(), days);
        QCOMPARE(out.value(QStringLiteral("due_year_days")).toInt(), dueYearDays);
        QCOMPARE(out.value(QStringLiteral("later_years_days")).toInt(), days - dueYearDays);
        QCOMPARE(out.value(QStringLiteral("late_fee")).toString(), fee);
        QCOMPARE(out.value(QStringLiteral("late_fee_fen")).toInteger(), Money::parse(fee)->fen());
    }

    void badInputExitsWithTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("fragment");
        const QString due = QStringLiteral("2026-01-10");
        const QString on = QStringLiteral("2026-02-10");
        QTest::newRow("unknown class") << lateFeeArgs(QStringLiteral("household"), QStringLiteral("100"), due, on)
                                       << QStringLiteral("household");
        QTest::newRow("letters for an amount")
            << lateFeeArgs(QStringLiteral("residential"), QStringLiteral("abc"), due, on) << QStringLiteral("--amount");
        QTest::newRow("negative amount") << lateFeeArgs(QStringLiteral("residential"), QStringLiteral("-1"), due, on)
                                         << QStringLiteral("negative");
        QTest::newRow("three decimals") << lateFeeArgs(QStringLiteral("residential"), QStringLiteral("1.234"), due, on)
                                        << QStringLiteral("decimal");
        QTest::newRow("impossible due date")
            << lateFeeArgs(QStringLiteral("residential"), QStringLiteral("100"), QStringLiteral("2026-02-30"), on)
            << QStringLiteral("--due");
        QTest::newRow("day-month-year") << lateFeeArgs(QStringLiteral("residential"), QStringLiteral("100"), due,
                                                       QStringLiteral("10/02/2026"))
                                        << QStringLiteral("--on");
        QTest::newRow("unknown policy") << lateFeeArgs(QStringLiteral("residential"), QStringLiteral("100"), due, on)
                + QStringList{QStringLiteral("--policy"), QStringLiteral("2099")}
                                        << QStringLiteral("2099");
        QTest::newRow("missing amount") << QStringList{QStringLiteral("latefee"),
                                                       QStringLiteral("--class"),
                                                       QStringLiteral("residential"),
                                                       QStringLiteral("--due"),
                                                       due,
                                                       QStringLiteral("--on"),
                                                       on}
                                        << QStringLiteral("--amount");
        QTest::newRow("unknown option") << lateFeeArgs(QStringLiteral("residential"), QStringLiteral("100"), due, on)
                + QStringList{QStringLiteral("--rate"), QStringLiteral("3")}
                                        << QStringLiteral("rate");
    }

    void badInputExitsWithTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, fragment);
        const Test::CliRun run = runCli(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(QString::fromUtf8(run.err).contains(fragment), run.err.constData());
    }

    // With --db the rules are the store's: its selected policy by default, any other by --policy.
    void rulesComeFromTheStore()
    {
        Test::TempStore temp;
        QSqlDatabase db = temp.store().connection();
        Sql::exec(db,
                  QStringLiteral("INSERT INTO late_fee_policies (id, version, name, effective_from, minimum_fee_fen) "
                                 "VALUES ('contract', 2, 'supply contract', '2025-01-01', 0)"));
        Sql::exec(
            db,
            QStringLiteral("INSERT INTO late_fee_rates (policy_id, policy_version, customer_class, year_bucket, "
                           "rate_ppm) SELECT 'contract', 2, customer_class, year_bucket, 3000 FROM late_fee_rates "
                           "WHERE policy_id = '1996' AND policy_version = 1"));
        temp.store().setSetting(QStringLiteral("late_fee.policy"), QStringLiteral("contract"));

        const QStringList args = lateFeeArgs(QStringLiteral("residential"), QStringLiteral("10.00"),
                                             QStringLiteral("2026-01-10"), QStringLiteral("2026-02-10"))
            + QStringList{QStringLiteral("--db"), temp.path()};
        const Test::CliRun selected = runCli(args);
        QVERIFY2(selected.exitCode == 0, selected.err.constData());
        QCOMPARE(selected.json().value(QStringLiteral("policy")).toString(), QStringLiteral("contract"));
        QCOMPARE(selected.json().value(QStringLiteral("policy_version")).toInt(), 2);
        QCOMPARE(selected.json().value(QStringLiteral("late_fee")).toString(), QStringLiteral("0.93"));

        const Test::CliRun named = runCli(args + QStringList{QStringLiteral("--policy"), QStringLiteral("1996")});
        QVERIFY2(named.exitCode == 0, named.err.constData());
        QCOMPARE(named.json().value(QStringLiteral("late_fee")).toString(), QStringLiteral("1.00"));

        // The contract is in force from 2025 only.
        const Test::CliRun early = runCli(lateFeeArgs(QStringLiteral("residential"), QStringLiteral("10.00"),
                                                      QStringLiteral("2024-01-10"), QStringLiteral("2024-02-10"))
                                          + QStringList{QStringLiteral("--db"), temp.path()});
        QCOMPARE(early.exitCode, 1);
        QVERIFY(!early.err.isEmpty());
    }

    void missingStoreIsAFailure()
    {
        const Test::CliRun run
            = runCli(lateFeeArgs(QStringLiteral("residential"), QStringLiteral("100"), QStringLiteral("2026-01-10"),
                                 QStringLiteral("2026-02-10"))
                     + QStringList{QStringLiteral("--db"), QStringLiteral("/nonexistent/store.sqlite")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.contains("no store"));
    }
};

QTEST_GUILESS_MAIN(TestCliLateFee)
#include "TestCliLateFee.moc"
