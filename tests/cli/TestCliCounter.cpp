#include "db/Sql.h"
#include "tests/support/Cli.h"
#include "tests/support/CounterFixture.h"
#include "tests/support/DocumentFixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>
#include <QUuid>
#include <memory>

using namespace HallDesk;

// The JSON contract and exit codes of halldeskctl pay, void, settle, refund and check.
class TestCliCounter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::CounterFixture> m_fixture;

    QProcessEnvironment env(bool approver = true) const
    {
        QProcessEnvironment extra;
        extra.insert(QStringLiteral("HALLDESK_PASSWORD"), QString::fromLatin1(Test::CounterFixture::kPassword));
        // The hall's clock stands on the fixture's business day (a test-clock build honours it).
        extra.insert(QStringLiteral("HALLDESK_TEST_NOW"), Test::CounterFixture::day().toString(Qt::ISODate));
        if (approver) {
            extra.insert(QStringLiteral("HALLDESK_APPROVER_PASSWORD"),
                         QString::fromLatin1(Test::CounterFixture::kPassword));
        }
        return extra;
    }
    Test::CliRun run(const char* command, const QStringList& args, bool approver = true)
    {
        QStringList all{QString::fromLatin1(command), QStringLiteral("--db"), m_fixture->path(), QStringLiteral("--on"),
                        QStringLiteral("2026-02-19")};
        if (qstrcmp(command, "check") == 0) {
            all = QStringList{QStringLiteral("check"), QStringLiteral("--db"), m_fixture->path()};
        } else {
            all << QStringLiteral("--operator") << QStringLiteral("clerk01");
        }
        return Test::runCli(all + args, env(approver));
    }
    // `command` as operator `op` with the hall's clock on `today`, without --on.
    Test::CliRun runAs(const char* command, const char* op, const QDate& today, const QStringList& args)
    {
        QProcessEnvironment extra = env();
        extra.insert(QStringLiteral("HALLDESK_TEST_NOW"), today.toString(Qt::ISODate));
        return Test::runCli(QStringList{QString::fromLatin1(command), QStringLiteral("--db"), m_fixture->path(),
                                        QStringLiteral("--operator"), QString::fromLatin1(op)}
                                + args,
                            extra);
    }
    static QStringList cashOn(const char* account, const char* amount)
    {
        return {QStringLiteral("--account"), QString::fromLatin1(account), QStringLiteral("--method"),
                QStringLiteral("cash"),      QStringLiteral("--amount"),   QString::fromLatin1(amount)};
    }
    Test::CliRun pay(const QStringList& args) { return run("pay", args); }

private Q_SLOTS:
    void init() { m_fixture = std::make_unique<Test::CounterFixture>(); }
    void cleanup() { m_fixture.reset(); }

    void payPrintsTheRecordedPayment()
    {
        const Test::CliRun result
            = pay({QStringLiteral("--account"), QStringLiteral("3300000001"), QStringLiteral("--method"),
                   QStringLiteral("cash"), QStringLiteral("--amount"), QStringLiteral("312.10"),
                   QStringLiteral("--tendered"), QStringLiteral("320")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonObject json = result.json();
        QCOMPARE(json.value(QStringLiteral("receipt_no")).toString(), QStringLiteral("H01T01-00000001"));
        QCOMPARE(json.value(QStringLiteral("amount")).toString(), QStringLiteral("312.10"));
        QCOMPARE(json.value(QStringLiteral("amount_fen")).toInteger(), 31210);
        QCOMPARE(json.value(QStringLiteral("change")).toString(), QStringLiteral("7.90"));
        QCOMPARE(json.value(QStringLiteral("tendered_fen")).toInteger(), 32000);
        QCOMPARE(json.value(QStringLiteral("late_fee")).toString(), QStringLiteral("12.10"));
        QCOMPARE(json.value(QStringLiteral("business_date")).toString(), QStringLiteral("2026-02-19"));
        QVERIFY(!json.value(QStringLiteral("replayed")).toBool());
        const QJsonArray allocations = json.value(QStringLiteral("allocations")).toArray();
        QCOMPARE(allocations.size(), 2);
        const QJsonObject first = allocations.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("bill"));
        QCOMPARE(first.value(QStringLiteral("period")).toString(), QStringLiteral("2025-11"));
        QCOMPARE(first.value(QStringLiteral("principal")).toString(), QStringLiteral("100.00"));
        QCOMPARE(first.value(QStringLiteral("late_fee_fen")).toInteger(), 610);
        QCOMPARE(first.value(QStringLiteral("policy")).toString(), QStringLiteral("1996"));
        QCOMPARE(first.value(QStringLiteral("policy_version")).toInt(), 1);
        const QJsonObject prepaid = json.value(QStringLiteral("prepaid_after")).toArray().at(0).toObject();
        QCOMPARE(prepaid.value(QStringLiteral("account_no")).toString(), QStringLiteral("3300000001"));
        QCOMPARE(prepaid.value(QStringLiteral("prepaid")).toString(), QStringLiteral("0.00"));

        // The same UUID again: the recorded payment, nothing new.
        const QString uuid = json.value(QStringLiteral("uuid")).toString();
        const Test::CliRun again
            = pay({QStringLiteral("--account"), QStringLiteral("3300000001"), QStringLiteral("--method"),
                   QStringLiteral("cash"), QStringLiteral("--amount"), QStringLiteral("312.10"),
                   QStringLiteral("--tendered"), QStringLiteral("320"), QStringLiteral("--uuid"), uuid});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.json().value(QStringLiteral("replayed")).toBool());
        QCOMPARE(again.json().value(QStringLiteral("receipt_no")).toString(), QStringLiteral("H01T01-00000001"));
        QCOMPARE(Sql::scalar(m_fixture->store().connection(), QStringLiteral("SELECT count(*) FROM payments")).toInt(),
                 1);
    }

    void groupPaymentWithReceiptPerAccount()
    {
        const Test::CliRun result
            = pay({QStringLiteral("--account"), QStringLiteral("3300000001"), QStringLiteral("--account"),
                   QStringLiteral("3300000002"), QStringLiteral("--method"), QStringLiteral("card"),
                   QStringLiteral("--reference"), QStringLiteral("POS-778899"), QStringLiteral("--amount"),
                   QStringLiteral("413.10"), QStringLiteral("--per-account-receipts")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(result.json().value(QStringLiteral("receipt_nos")).toArray().size(), 2);
        QCOMPARE(result.json().value(QStringLiteral("change_fen")).toInteger(), 0);
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString a = QStringLiteral("--account");
        const QString m = QStringLiteral("--method");
        const QString x = QStringLiteral("--amount");
        QTest::newRow("unknown account") << QStringList{a, QStringLiteral("9999999999"), m, QStringLiteral("cash"),
                                                        x, QStringLiteral("10")}
                                         << "There is no account 9999999999";
        QTest::newRow("closed account") << QStringList{a, QStringLiteral("3300000004"), m, QStringLiteral("cash"),
                                                       x, QStringLiteral("10")}
                                        << "closed";
        QTest::newRow("unknown method") << QStringList{a, QStringLiteral("3300000001"), m, QStringLiteral("bitcoin"),
                                                       x, QStringLiteral("10")}
                                        << "--method";
        QTest::newRow("not an amount") << QStringList{a, QStringLiteral("3300000001"), m, QStringLiteral("cash"),
                                                      x, QStringLiteral("ten")}
                                       << "--amount";
        QTest::newRow("zero") << QStringList{a, QStringLiteral("3300000001"), m, QStringLiteral("cash"),
                                             x, QStringLiteral("0")}
                              << "more than zero";
        QTest::newRow("short cash") << QStringList{a,
                                                   QStringLiteral("3300000001"),
                                                   m,
                                                   QStringLiteral("cash"),
                                                   x,
                                                   QStringLiteral("100"),
                                                   QStringLiteral("--tendered"),
                                                   QStringLiteral("50")}
                                    << "less than";
        QTest::newRow("card without reference")
            << QStringList{a, QStringLiteral("3300000001"), m, QStringLiteral("card"), x, QStringLiteral("100")}
            << "reference";
        QTest::newRow("no account") << QStringList{m, QStringLiteral("cash"), x, QStringLiteral("100")} << "--account";
    }
    void badInputIsRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const auto before = m_fixture->fingerprint();
        const Test::CliRun result = pay(args);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty());
        QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
        QCOMPARE(m_fixture->fingerprint(), before);
    }

    void payNeedsTheOperatorsPassword()
    {
        const QStringList args{QStringLiteral("pay"),       QStringLiteral("--db"),       m_fixture->path(),
                               QStringLiteral("--account"), QStringLiteral("3300000001"), QStringLiteral("--method"),
                               QStringLiteral("cash"),      QStringLiteral("--amount"),   QStringLiteral("10")};
        QCOMPARE(Test::runCli(args, env()).exitCode, 2); // no --operator
        QProcessEnvironment wrong;
        wrong.insert(QStringLiteral("HALLDESK_PASSWORD"), QStringLiteral("wrong-password"));
        QCOMPARE(
            Test::runCli(args + QStringList{QStringLiteral("--operator"), QStringLiteral("clerk01")}, wrong).exitCode,
            2);
        QCOMPARE(Sql::scalar(m_fixture->store().connection(), QStringLiteral("SELECT count(*) FROM payments")).toInt(),
                 0);
    }

    // Issue 15 §1: money moves only on the hall's business date; --on another day is refused and writes nothing.
    void moneyMovesOnlyOnTheBusinessDate()
    {
        const QDate today = Test::CounterFixture::day();
        const auto before = m_fixture->fingerprint();
        for (const QDate& other : {today.addDays(-49), today.addDays(1), QDate(2099, 12, 31)}) {
            const Test::CliRun result
                = runAs("pay", "clerk01", today,
                        cashOn("3300000001", "10") + QStringList{QStringLiteral("--on"), other.toString(Qt::ISODate)});
            QCOMPARE(result.exitCode, 2);
            QVERIFY2(result.err.contains("business date"), result.err.constData());
        }
        QCOMPARE(m_fixture->fingerprint(), before);
        // Backdated through the clock to before a bill was issued (2025-12 is issued in January): refused.
        const Test::CliRun early = runAs("pay", "clerk01", QDate(2026, 1, 2), cashOn("3300000001", "10"));
        QCOMPARE(early.exitCode, 2);
        QVERIFY2(early.err.contains("issued on"), early.err.constData());
        QCOMPARE(m_fixture->fingerprint(), before);

        // A payment of today cannot be voided tomorrow, however the command is asked.
        QCOMPARE(runAs("pay", "clerk01", today, cashOn("3300000001", "10")).exitCode, 0);
        const auto paid = m_fixture->fingerprint();
        const QStringList voidArgs{QStringLiteral("H01T01-00000001"), QStringLiteral("--reason"), QStringLiteral("x"),
                                   QStringLiteral("--approver"), QStringLiteral("super01")};
        const Test::CliRun late = runAs("void", "clerk01", today.addDays(1), voidArgs);
        QCOMPARE(late.exitCode, 2);
        const Test::CliRun asked = runAs("void", "clerk01", today.addDays(1),
                                         voidArgs + QStringList{QStringLiteral("--on"), today.toString(Qt::ISODate)});
        QCOMPARE(asked.exitCode, 2);
        QCOMPARE(m_fixture->fingerprint(), paid);
        QCOMPARE(runAs("void", "clerk01", today, voidArgs).exitCode, 0);
    }

    // Issue 15 §5: only a clerk takes money, and only the drawer that took a payment voids it.
    void onlyAClerkTakesMoneyAndVoidsItsOwn()
    {
        const QDate today = Test::CounterFixture::day();
        const auto before = m_fixture->fingerprint();
        for (const char* op : {"super01"}) {
            const Test::CliRun result = runAs("pay", op, today, cashOn("3300000001", "10"));
            QCOMPARE(result.exitCode, 2);
            QVERIFY2(result.err.contains("clerk role"), result.err.constData());
        }
        QCOMPARE(m_fixture->fingerprint(), before);
        QCOMPARE(runAs("pay", "clerk01", today, cashOn("3300000001", "10")).exitCode, 0);
        const auto paid = m_fixture->fingerprint();
        const Test::CliRun other
            = runAs("void", "clerk02", today,
                    {QStringLiteral("H01T01-00000001"), QStringLiteral("--reason"), QStringLiteral("x"),
                     QStringLiteral("--approver"), QStringLiteral("super01")});
        QCOMPARE(other.exitCode, 2);
        QVERIFY2(other.err.contains("clerk01"), other.err.constData());
        QCOMPARE(m_fixture->fingerprint(), paid);
    }

    // Issue 15 §6: the same UUID with another request is refused, naming what differs; nothing is written.
    void replayWithAnotherRequestIsRefused()
    {
        const QDate today = Test::CounterFixture::day();
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QStringList uuidArgs{QStringLiteral("--uuid"), uuid};
        QCOMPARE(runAs("pay", "clerk01", today, cashOn("3300000001", "5") + uuidArgs).exitCode, 0);
        const auto before = m_fixture->fingerprint();
        const Test::CliRun same = runAs("pay", "clerk01", today, cashOn("3300000001", "5") + uuidArgs);
        QCOMPARE(same.exitCode, 0);
        QVERIFY(same.json().value(QStringLiteral("replayed")).toBool());
        const Test::CliRun other
            = runAs("pay", "clerk02", today,
                    QStringList{QStringLiteral("--account"), QStringLiteral("3300000002"), QStringLiteral("--method"),
                                QStringLiteral("card"), QStringLiteral("--amount"), QStringLiteral("7"),
                                QStringLiteral("--reference"), QStringLiteral("POS123456")}
                        + uuidArgs);
        QCOMPARE(other.exitCode, 2);
        for (const char* field : {"operator", "accounts", "tenders"}) {
            QVERIFY2(other.err.contains(field), other.err.constData());
        }
        QVERIFY(other.out.isEmpty());
        QCOMPARE(m_fixture->fingerprint(), before);
    }

    void voidWithApproval()
    {
        const Test::CliRun paid
            = pay({QStringLiteral("--account"), QStringLiteral("3300000001"), QStringLiteral("--method"),
                   QStringLiteral("cash"), QStringLiteral("--amount"), QStringLiteral("50")});
        QCOMPARE(paid.exitCode, 0);
        const QStringList args{QStringLiteral("H01T01-00000001"), QStringLiteral("--reason"), QStringLiteral("输错"),
                               QStringLiteral("--approver"), QStringLiteral("super01")};
        QCOMPARE(run("void", args, false).exitCode, 2); // no approver password
        const Test::CliRun voided = run("void", args);
        QVERIFY2(voided.exitCode == 0, voided.err.constData());
        const QJsonObject json = voided.json();
        QVERIFY(json.value(QStringLiteral("voided")).toBool());
        QCOMPARE(json.value(QStringLiteral("amount")).toString(), QStringLiteral("50.00"));
        QCOMPARE(json.value(QStringLiteral("payment_uuid")).toString(),
                 paid.json().value(QStringLiteral("uuid")).toString());
        const Test::CliRun twice = run("void", args);
        QCOMPARE(twice.exitCode, 2);
        QVERIFY(twice.err.contains("voided already"));
        const Test::CliRun self = run("void",
                                      {QStringLiteral("H01T01-00000001"), QStringLiteral("--reason"),
                                       QStringLiteral("x"), QStringLiteral("--approver"), QStringLiteral("clerk02")});
        QCOMPARE(self.exitCode, 2);
    }

    void settleAndRefund()
    {
        QCOMPARE(pay({QStringLiteral("--account"), QStringLiteral("3300000003"), QStringLiteral("--method"),
                      QStringLiteral("cash"), QStringLiteral("--amount"), QStringLiteral("150.50")})
                     .exitCode,
                 0);
        const Test::CliRun refund
            = run("refund",
                  {QStringLiteral("--account"), QStringLiteral("3300000003"), QStringLiteral("--amount"),
                   QStringLiteral("20"), QStringLiteral("--reason"), QStringLiteral("客户要求"),
                   QStringLiteral("--approver"), QStringLiteral("super01")});
        QVERIFY2(refund.exitCode == 0, refund.err.constData());
        QCOMPARE(refund.json().value(QStringLiteral("prepaid_after")).toString(), QStringLiteral("130.50"));
        QCOMPARE(refund.json().value(QStringLiteral("receipt_no")).toString(), QStringLiteral("H01T01-00000002"));
        const Test::CliRun tooMuch
            = run("refund",
                  {QStringLiteral("--account"), QStringLiteral("3300000003"), QStringLiteral("--amount"),
                   QStringLiteral("200"), QStringLiteral("--reason"), QStringLiteral("x"), QStringLiteral("--approver"),
                   QStringLiteral("super01")});
        QCOMPARE(tooMuch.exitCode, 2);

        // Expected cash: 150.50 − 20.00 = 130.50. Counted 130.00: a variance that needs a supervisor.
        const QStringList counts{QStringLiteral("--cash"), QStringLiteral("100:1,10:3")};
        const Test::CliRun refused = run("settle", counts);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains("reason"));
        const Test::CliRun badCount = run("settle", {QStringLiteral("--cash"), QStringLiteral("100:x")});
        QCOMPARE(badCount.exitCode, 2);
        const Test::CliRun settled
            = run("settle",
                  counts
                      + QStringList{QStringLiteral("--approver"), QStringLiteral("super01"), QStringLiteral("--reason"),
                                    QStringLiteral("少五角"), QStringLiteral("--blind"), QStringLiteral("--pdf"),
                                    m_fixture->path() + QStringLiteral(".settlement.pdf")});
        QVERIFY2(settled.exitCode == 0, settled.err.constData());
        const QJsonObject json = settled.json();
        QCOMPARE(json.value(QStringLiteral("variance")).toString(), QStringLiteral("-0.50"));
        QCOMPARE(json.value(QStringLiteral("variance_fen")).toInteger(), -50);
        QVERIFY(json.value(QStringLiteral("blind")).toBool());
        QCOMPARE(json.value(QStringLiteral("payments")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("refunds")).toInt(), 1);
        const QJsonObject cash = json.value(QStringLiteral("lines")).toArray().at(0).toObject();
        QCOMPARE(cash.value(QStringLiteral("method")).toString(), QStringLiteral("cash"));
        QCOMPARE(cash.value(QStringLiteral("expected")).toString(), QStringLiteral("130.50"));
        QCOMPARE(cash.value(QStringLiteral("counted")).toString(), QStringLiteral("130.00"));
        // The report written with libharu carries the same figures.
        QString error;
        const QString report = Test::pdfText(json.value(QStringLiteral("pdf")).toString(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(report.contains(QStringLiteral("130.50")) && report.contains(QStringLiteral("-0.50"))
                     && report.contains(QStringLiteral("H01T01-00000001")),
                 qPrintable(report));
        QCOMPARE(run("settle", counts).exitCode, 2); // settled already
        const Test::CliRun late
            = pay({QStringLiteral("--account"), QStringLiteral("3300000003"), QStringLiteral("--method"),
                   QStringLiteral("cash"), QStringLiteral("--amount"), QStringLiteral("1")});
        QCOMPARE(late.exitCode, 2);
        QVERIFY(late.err.contains("settled"));
    }

    void freshDemoStoreChecksOk()
    {
        const QString path = m_fixture->path() + QStringLiteral(".demo.sqlite");
        const Test::CliRun demo = Test::runCli({QStringLiteral("demo"), QStringLiteral("--db"), path,
                                                QStringLiteral("--accounts"), QStringLiteral("3000")});
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
        const Test::CliRun check = Test::runCli({QStringLiteral("check"), QStringLiteral("--db"), path});
        QVERIFY2(check.exitCode == 0, check.out.constData());
        QVERIFY(check.json().value(QStringLiteral("ok")).toBool());
        QCOMPARE(check.json().value(QStringLiteral("accounts")).toInt(), 3000);
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile::remove(path + suffix);
        }
    }

    void checkReportsProblems()
    {
        QCOMPARE(pay({QStringLiteral("--account"), QStringLiteral("3300000001"), QStringLiteral("--method"),
                      QStringLiteral("cash"), QStringLiteral("--amount"), QStringLiteral("50")})
                     .exitCode,
                 0);
        const Test::CliRun ok = run("check", {});
        QCOMPARE(ok.exitCode, 0);
        QVERIFY(ok.json().value(QStringLiteral("ok")).toBool());
        QCOMPARE(ok.json().value(QStringLiteral("problems")).toArray().size(), 0);
        QCOMPARE(ok.json().value(QStringLiteral("payments")).toInt(), 1);
        QCOMPARE(ok.json().value(QStringLiteral("receipts")).toInt(), 1);
        QCOMPARE(ok.json().value(QStringLiteral("accounts")).toInt(), 6);
        Sql::exec(m_fixture->store().connection(), QStringLiteral("UPDATE accounts SET prepaid_fen = 1 WHERE id = 3"));
        const Test::CliRun bad = run("check", {});
        QCOMPARE(bad.exitCode, 1);
        const QJsonObject json = bad.json();
        QVERIFY(!json.value(QStringLiteral("ok")).toBool());
        const QJsonObject problem = json.value(QStringLiteral("problems")).toArray().at(0).toObject();
        QCOMPARE(problem.value(QStringLiteral("code")).toString(), QStringLiteral("prepaid_ledger_mismatch"));
        QVERIFY(problem.value(QStringLiteral("message")).toString().contains(QStringLiteral("3300000003")));
    }
};

QTEST_GUILESS_MAIN(TestCliCounter)
#include "TestCliCounter.moc"
