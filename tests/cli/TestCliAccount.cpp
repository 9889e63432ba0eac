#include "app/setup/Installation.h"
#include "db/Sql.h"
#include "tests/support/Cli.h"
#include "tests/support/StoreBuilder.h"
#include "tests/support/TempStore.h"

#include <QJsonArray>
#include <QTest>

using namespace HallDesk;
using HallDesk::Test::runCli;

// halldeskctl account over a store built by hand: one residential account with two open bills (one partly paid),
// a paid one, a contact card and a payer group with one other member.
class TestCliAccount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Store& store = m_temp.store();
        const qint64 hall = Installation::configure(
            store, HallInfo{QStringLiteral("H01"), QStringLiteral("城东供电营业厅"), {}, {}, {}, {}},
            QStringLiteral("T01"));
        QSqlDatabase db = store.connection();
        const Test::StoreBuilder rows(db);
        rows.op({.id = 7, .code = QStringLiteral("coll01"), .name = QStringLiteral("王催费"), .hallId = hall});
        const auto addAccount = [&](qint64 id, const QString& name, qint64 prepaidFen, const QString& idCardNo) {
            rows.account({.id = id,
                          .accountNo = QStringLiteral("330000000%1").arg(id),
                          .name = name,
                          .customerClass = QStringLiteral("residential"),
                          .address = QStringLiteral("东湖区幸福街道%1号").arg(id),
                          .hallId = hall,
                          .meterNo = QStringLiteral("M000%1").arg(id),
                          .status = QStringLiteral("normal"),
                          .riskLevel = QStringLiteral("low"),
                          .collectorId = 7,
                          .prepaidFen = prepaidFen,
                          .idCardNo = idCardNo});
        };
        addAccount(1, QStringLiteral("张三"), 1234, QStringLiteral("330102199001011234"));
        addAccount(2, QStringLiteral("张小三"), 0, QStringLiteral(""));
        const auto addBill = [&](qint64 account, const char* period, int kwh, qint64 amountFen, const char* issue,
                                 const char* due, qint64 paidFen, const char* status, const QVariant& paidOn) {
            rows.bill({.accountId = account,
                       .period = QString::fromLatin1(period),
                       .kwh = kwh,
                       .amountFen = amountFen,
                       .issueDate = QString::fromLatin1(issue),
                       .dueDate = QString::fromLatin1(due),
                       .paidFen = paidFen,
                       .status = QString::fromLatin1(status),
                       .paidOn = paidOn});
        };
        const QVariant unpaid(QMetaType::fromType<QString>());
        addBill(1, "2026-01", 400, 20000, "2026-02-05", "2026-02-20", 5000, "partial", unpaid);
        addBill(1, "2025-12", 200, 10000, "2026-01-05", "2026-01-20", 0, "open", unpaid);
        addBill(1, "2025-11", 180, 9000, "2025-12-05", "2025-12-20", 9000, "paid", QStringLiteral("2025-12-08"));
        addBill(2, "2025-12", 160, 8000, "2026-01-05", "2026-01-20", 0, "open", unpaid);
        rows.contact({.accountId = 1,
                      .phone = QStringLiteral("0571-87654321"),
                      .mobile = QStringLiteral("13812345678"),
                      .wechat = QStringLiteral(""),
                      .email = QStringLiteral(""),
                      .updatedAt = QStringLiteral("2025-03-01T17:00:00Z")});
        rows.group({.id = 1, .code = QStringLiteral("G01"), .name = QStringLiteral("张家")}, {1, 2});
    }

    void accountWithOpenBillsAndLateFees()
    {
        const Test::CliRun run
            = runCli({QStringLiteral("account"), QStringLiteral("--db"), m_temp.path(), QStringLiteral("3300000001"),
                      QStringLiteral("--on"), QStringLiteral("2026-03-02")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = run.json();
        QCOMPARE(out.value(QStringLiteral("account_no")).toString(), QStringLiteral("3300000001"));
        QCOMPARE(out.value(QStringLiteral("name")).toString(), QStringLiteral("张三"));
        QCOMPARE(out.value(QStringLiteral("class")).toString(), QStringLiteral("residential"));
        QCOMPARE(out.value(QStringLiteral("address")).toString(), QStringLiteral("东湖区幸福街道1号"));
        QCOMPARE(out.value(QStringLiteral("status")).toString(), QStringLiteral("normal"));
        QCOMPARE(out.value(QStringLiteral("risk_level")).toString(), QStringLiteral("low"));
        QCOMPARE(out.value(QStringLiteral("hall")).toString(), QStringLiteral("城东供电营业厅"));
        QCOMPARE(out.value(QStringLiteral("collector")).toString(), QStringLiteral("王催费"));
        QCOMPARE(out.value(QStringLiteral("meter_no")).toString(), QStringLiteral("M0001"));
        QCOMPARE(out.value(QStringLiteral("prepaid")).toString(), QStringLiteral("12.34"));
        QCOMPARE(out.value(QStringLiteral("prepaid_fen")).toInteger(), qint64(1234));
        QCOMPARE(out.value(QStringLiteral("as_of")).toString(), QStringLiteral("2026-03-02"));

        const QJsonArray bills = out.value(QStringLiteral("open_bills")).toArray();
        QCOMPARE(bills.size(), 2);
        const QJsonObject older = bills.at(0).toObject();
        QCOMPARE(older.value(QStringLiteral("period")).toString(), QStringLiteral("2025-12"));
        QCOMPARE(older.value(QStringLiteral("amount")).toString(), QStringLiteral("100.00"));
        QCOMPARE(older.value(QStringLiteral("paid")).toString(), QStringLiteral("0.00"));
        QCOMPARE(older.value(QStringLiteral("outstanding")).toString(), QStringLiteral("100.00"));
        QCOMPARE(older.value(QStringLiteral("due_date")).toString(), QStringLiteral("2026-01-20"));
        QCOMPARE(older.value(QStringLiteral("days")).toInt(), 41);
        QCOMPARE(older.value(QStringLiteral("late_fee")).toString(), QStringLiteral("4.10"));
        QCOMPARE(older.value(QStringLiteral("late_fee_fen")).toInteger(), qint64(410));
        QCOMPARE(older.value(QStringLiteral("policy")).toString(), QStringLiteral("1996"));
        QCOMPARE(older.value(QStringLiteral("policy_version")).toInt(), 1);
        const QJsonObject newer = bills.at(1).toObject();
        QCOMPARE(newer.value(QStringLiteral("period")).toString(), QStringLiteral("2026-01"));
        QCOMPARE(newer.value(QStringLiteral("paid_fen")).toInteger(), qint64(5000));
        QCOMPARE(newer.value(QStringLiteral("outstanding_fen")).toInteger(), qint64(15000));
        QCOMPARE(newer.value(QStringLiteral("late_fee")).toString(), QStringLiteral("1.50"));

        QCOMPARE(out.value(QStringLiteral("arrears")).toString(), QStringLiteral("250.00"));
        QCOMPARE(out.value(QStringLiteral("arrears_fen")).toInteger(), qint64(25000));
        QCOMPARE(out.value(QStringLiteral("arrears_late_fee")).toString(), QStringLiteral("5.60"));
        QCOMPARE(out.value(QStringLiteral("arrears_late_fee_fen")).toInteger(), qint64(560));
        // What the counter asks for: the arrears and fees less the 12.34 prepaid (issue 15 §4).
        QCOMPARE(out.value(QStringLiteral("owed")).toString(), QStringLiteral("255.60"));
        QCOMPARE(out.value(QStringLiteral("total_due")).toString(), QStringLiteral("243.26"));
        QCOMPARE(out.value(QStringLiteral("total_due_fen")).toInteger(), qint64(24326));

        const QJsonArray members
            = out.value(QStringLiteral("group")).toObject().value(QStringLiteral("other_members")).toArray();
        QCOMPARE(members.size(), 1);
        QCOMPARE(members.at(0).toObject().value(QStringLiteral("account_no")).toString(), QStringLiteral("3300000002"));
        QCOMPARE(members.at(0).toObject().value(QStringLiteral("arrears")).toString(), QStringLiteral("80.00"));
    }

    // Without a signed-in role the command shows personal data as a clerk sees it, and says so.
    void personalDataIsMasked()
    {
        const Test::CliRun run
            = runCli({QStringLiteral("account"), QStringLiteral("--db"), m_temp.path(), QStringLiteral("3300000001"),
                      QStringLiteral("--on"), QStringLiteral("2026-03-02")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject out = run.json();
        QCOMPARE(out.value(QStringLiteral("personal_data")).toString(), QStringLiteral("masked"));
        const QJsonObject contact = out.value(QStringLiteral("contact")).toObject();
        QCOMPARE(contact.value(QStringLiteral("mobile")).toString(), QStringLiteral("138****5678"));
        QCOMPARE(contact.value(QStringLiteral("phone")).toString(), QStringLiteral("057******4321"));
        QCOMPARE(out.value(QStringLiteral("id_card_no")).toString(), QStringLiteral("330102**********34"));
        QVERIFY(!run.out.contains("13812345678"));
        QVERIFY(!run.out.contains("199001011234"));
        QCOMPARE(contact.value(QStringLiteral("stale")).toBool(), false);
    }

    void withoutADateItIsToday()
    {
        const Test::CliRun run
            = runCli({QStringLiteral("account"), QStringLiteral("--db"), m_temp.path(), QStringLiteral("3300000002")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QDate asOf = QDate::fromString(run.json().value(QStringLiteral("as_of")).toString(), Qt::ISODate);
        QVERIFY(asOf.isValid());
        QVERIFY(qAbs(asOf.daysTo(QDate::currentDate())) <= 1); // the hall's day, whatever this machine's zone
    }

    void unknownAccountExitsWithOne()
    {
        const Test::CliRun run
            = runCli({QStringLiteral("account"), QStringLiteral("--db"), m_temp.path(), QStringLiteral("3399999999")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("3399999999"), run.err.constData());
    }

    void badInputExitsWithTwo_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("bad date") << QStringList{QStringLiteral("3300000001"), QStringLiteral("--on"),
                                                 QStringLiteral("2026-13-01")};
        QTest::newRow("no account number") << QStringList{};
        QTest::newRow("two account numbers") << QStringList{QStringLiteral("3300000001"), QStringLiteral("3300000002")};
    }

    void badInputExitsWithTwo()
    {
        QFETCH(QStringList, extra);
        const Test::CliRun run
            = runCli(QStringList{QStringLiteral("account"), QStringLiteral("--db"), m_temp.path()} + extra);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY(!run.err.isEmpty());
    }

private:
    Test::TempStore m_temp;
};

QTEST_GUILESS_MAIN(TestCliAccount)
#include "TestCliAccount.moc"
