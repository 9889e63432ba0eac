#include "app/accounts/AccountService.h"
#include "app/audit/AuditLog.h"
#include "app/setup/Installation.h"
#include "db/Sql.h"
#include "tests/support/StoreBuilder.h"
#include "tests/support/TempStore.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>
#include <memory>

using namespace HallDesk;

namespace {

QDate date(const char* text)
{
    return QDate::fromString(QLatin1String(text), Qt::ISODate);
}

// A small hall built by hand: two collectors, one transformer area, four accounts, a family payer group.
//   3300000001 张三     residential, area TA01 (collector 王催费 by area), 14 monthly bills 2024-12 … 2026-01:
//                       2025-12 open (100.00, due 2026-01-20), 2026-01 partly paid (200.00, 50.00 paid, due
//                       2026-02-20), the rest paid; contact updated 2025-03-01T17:00Z (2025-03-02 in Shanghai)
//   3300000002 李记商店 commercial, collector 赵催费 assigned directly, one open bill 100.00 due 2025-12-20
//   3300000003 张小三   residential, in 张三's family group, one open bill 80.00
//   3300000004 钱七     residential, no contact card, no group, no bills
struct Fixture
{
    Test::TempStore temp;
    qint64 hallId = 0;
    qint64 clerkId = 0;
    Session session;

    Fixture()
    {
        hallId = Installation::configure(
            temp.store(), HallInfo{QStringLiteral("H01"), QStringLiteral("城东供电营业厅"), {}, {}, {}, {}},
            QStringLiteral("T01"));
        QSqlDatabase db = temp.store().connection();
        const Test::StoreBuilder rows(db);
        const auto addOperator = [&](const char* code, const char* name) {
            return rows.op({.code = QString::fromUtf8(code), .name = QString::fromUtf8(name), .hallId = hallId});
        };
        const qint64 areaCollector = addOperator("coll01", "王催费");
        const qint64 directCollector = addOperator("coll02", "赵催费");
        clerkId = addOperator("clerk01", "刘收费");
        Sql::exec(db,
                  QStringLiteral("INSERT INTO transformer_areas (id, code, name, hall_id, collector_id) "
                                 "VALUES (1, 'TA01', '东湖一号台区', ?, ?)"),
                  {hallId, areaCollector});

        const auto addAccount = [&](qint64 id, const char* no, const char* name, const char* cls,
                                    const QVariant& collector, qint64 prepaidFen) {
            rows.account({.id = id,
                          .accountNo = QString::fromUtf8(no),
                          .name = QString::fromUtf8(name),
                          .customerClass = QString::fromUtf8(cls),
                          .address = QStringLiteral("东湖区幸福街道%1号").arg(id),
                          .hallId = hallId,
                          .areaId = 1,
                          .meterNo = QStringLiteral("M%1").arg(id),
                          .status = QStringLiteral("normal"),
                          .riskLevel = QStringLiteral("medium"),
                          .collectorId = collector,
                          .prepaidFen = prepaidFen,
                          .idCardNo = QStringLiteral("33010219900101123%1").arg(id)});
        };
        const QVariant none(QMetaType::fromType<qint64>());
        addAccount(1, "3300000001", "张三", "residential", none, 1234);
        addAccount(2, "3300000002", "李记商店", "commercial", directCollector, 0);
        addAccount(3, "3300000003", "张小三", "residential", none, 0);
        addAccount(4, "3300000004", "钱七", "residential", none, 0);

        const auto addBill = [&](qint64 account, const QDate& period, qint64 amountFen, qint64 paidFen) {
            const QDate issue = period.addMonths(1).addDays(4);
            const QString status = paidFen == amountFen ? QStringLiteral("paid")
                : paidFen > 0                           ? QStringLiteral("partial")
                                                        : QStringLiteral("open");
            rows.bill({.accountId = account,
                       .period = period.toString(QStringLiteral("yyyy-MM")),
                       .kwh = amountFen / 50,
                       .amountFen = amountFen,
                       .issueDate = issue.toString(Qt::ISODate),
                       .dueDate = issue.addDays(15).toString(Qt::ISODate),
                       .paidFen = paidFen,
                       .status = status,
                       .paidOn = status == QLatin1String("paid") ? QVariant(issue.addDays(3).toString(Qt::ISODate))
                                                                 : QVariant(QMetaType::fromType<QString>())});
        };
        // Newest first, so that nothing depends on the order of insertion.
        addBill(1, date("2026-01-01"), 20000, 5000);
        addBill(1, date("2025-12-01"), 10000, 0);
        for (QDate period = date("2025-11-01"); period >= date("2024-12-01"); period = period.addMonths(-1)) {
            addBill(1, period, 9000 + period.month(), 9000 + period.month());
        }
        rows.bill({.accountId = 2,
                   .period = QStringLiteral("2025-11"),
                   .kwh = 100,
                   .amountFen = 10000,
                   .issueDate = QStringLiteral("2025-12-05"),
                   .dueDate = QStringLiteral("2025-12-20")});
        addBill(3, date("2025-12-01"), 8000, 0);
        addBill(3, date("2025-11-01"), 7000, 7000);

        rows.contact({.accountId = 1,
                      .phone = QStringLiteral("0571-87654321"),
                      .mobile = QStringLiteral("13812345678"),
                      .wechat = QStringLiteral("zhangsan_88"),
                      .email = QStringLiteral("zs@example.com"),
                      .updatedAt = QStringLiteral("2025-03-01T17:00:00Z")});
        rows.contact({.accountId = 2,
                      .phone = QStringLiteral(""),
                      .mobile = QStringLiteral("13900001111"),
                      .wechat = QStringLiteral(""),
                      .email = QStringLiteral(""),
                      .updatedAt = QStringLiteral("2023-01-01T00:00:00Z")});
        rows.contact({.accountId = 3,
                      .phone = QStringLiteral(""),
                      .mobile = QStringLiteral("13700002222"),
                      .wechat = QStringLiteral(""),
                      .email = QStringLiteral(""),
                      .updatedAt = QStringLiteral("2026-01-01T00:00:00Z")});
        rows.group({.id = 1, .code = QStringLiteral("G01"), .name = QStringLiteral("张家")}, {1, 3});

        session.op.id = clerkId;
        session.op.code = QStringLiteral("clerk01");
        session.op.name = QStringLiteral("刘收费");
        session.op.roles = {Role::Clerk};
        session.op.hallId = hallId;
        session.workplace.hallId = hallId;
        session.workplace.hallCode = QStringLiteral("H01");
        session.workplace.hallName = QStringLiteral("城东供电营业厅");
        session.workplace.terminalCode = QStringLiteral("T01");
    }

    Store& store() { return temp.store(); }

    qint64 auditCount(const QString& action)
    {
        return Sql::scalar(store().connection(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ?"),
                           {action})
            .toLongLong();
    }
};

} // namespace

class TestAccountService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_fixture = std::make_unique<Fixture>(); }
    void cleanup() { m_fixture.reset(); }

    void headerCarriesTheNamesBehindTheCodes()
    {
        AccountService service(m_fixture->store());
        const std::optional<AccountDetail> account = service.load(QStringLiteral("3300000001"), date("2026-03-02"));
        QVERIFY(account);
        QCOMPARE(account->accountNo, QStringLiteral("3300000001"));
        QCOMPARE(account->name, QStringLiteral("张三"));
        QCOMPARE(account->customerClass, CustomerClass::Residential);
        QCOMPARE(account->address, QStringLiteral("东湖区幸福街道1号"));
        QCOMPARE(account->meterNo, QStringLiteral("M1"));
        QCOMPARE(account->status, QStringLiteral("normal"));
        QCOMPARE(account->riskLevel, QStringLiteral("medium"));
        QCOMPARE(account->hallCode, QStringLiteral("H01"));
        QCOMPARE(account->hallName, QStringLiteral("城东供电营业厅"));
        QCOMPARE(account->areaName, QStringLiteral("东湖一号台区"));
        // No collector on the account: the transformer area's collector.
        QCOMPARE(account->collectorCode, QStringLiteral("coll01"));
        QCOMPARE(account->collectorName, QStringLiteral("王催费"));
        QCOMPARE(account->idCardNo, QStringLiteral("330102199001011231"));
        QCOMPARE(account->prepaid, Money::fromFen(1234));
        QCOMPARE(account->asOf, date("2026-03-02"));

        // A collector assigned to the account wins over the area's.
        const std::optional<AccountDetail> shop = service.load(QStringLiteral(" 3300000002 "), date("2026-01-10"));
        QVERIFY(shop);
        QCOMPARE(shop->collectorName, QStringLiteral("赵催费"));
        QCOMPARE(shop->customerClass, CustomerClass::Commercial);
    }

    void unknownAccountIsNotFound()
    {
        AccountService service(m_fixture->store());
        QVERIFY(!service.load(QStringLiteral("3399999999"), date("2026-03-02")));
        QVERIFY(!service.load(QString(), date("2026-03-02")));
    }

    void openBillsOldestFirstWithTheirLateFees()
    {
        AccountService service(m_fixture->store());
        const AccountDetail account = *service.load(QStringLiteral("3300000001"), date("2026-03-02"));
        QCOMPARE(account.openBills.size(), 2);
        const BillLine& older = account.openBills.at(0);
        QCOMPARE(older.period, QStringLiteral("2025-12"));
        QCOMPARE(older.dueDate, date("2026-01-20"));
        QCOMPARE(older.outstanding(), Money::fromYuan(100));
        QCOMPARE(older.lateFee.days, 41); // 2026-01-21 … 2026-03-02
        QCOMPARE(older.lateFee.fee, Money::fromFen(410));
        QCOMPARE(older.lateFee.policyId, QStringLiteral("1996"));
        QCOMPARE(older.lateFee.policyVersion, 1);
        const BillLine& newer = account.openBills.at(1);
        QCOMPARE(newer.period, QStringLiteral("2026-01"));
        QCOMPARE(newer.status, QStringLiteral("partial"));
        QCOMPARE(newer.outstanding(), Money::fromYuan(150)); // the fee runs on what is still owed
        QCOMPARE(newer.lateFee.days, 10);
        QCOMPARE(newer.lateFee.fee, Money::fromFen(150));

        QCOMPARE(account.arrearsPrincipal, Money::fromYuan(250));
        QCOMPARE(account.arrearsLateFee, Money::fromFen(560));
        QCOMPARE(account.totalArrears(), Money::fromFen(25560));
    }

    void lateFeesFollowTheAsOfDate()
    {
        AccountService service(m_fixture->store());
        const AccountDetail beforeDue = *service.load(QStringLiteral("3300000001"), date("2026-01-20"));
        QCOMPARE(beforeDue.arrearsPrincipal, Money::fromYuan(250));
        QCOMPARE(beforeDue.arrearsLateFee, Money());
        // The commercial shop across the year end: 11 days at 2‰ and 10 at 3‰.
        const AccountDetail shop = *service.load(QStringLiteral("3300000002"), date("2026-01-10"));
        QCOMPARE(shop.openBills.size(), 1);
        QCOMPARE(shop.openBills.first().lateFee.dueYearDays, 11);
        QCOMPARE(shop.openBills.first().lateFee.laterYearsDays, 10);
        QCOMPARE(shop.arrearsLateFee, Money::fromFen(520));
    }

    void theStoreSelectsThePolicy()
    {
        QSqlDatabase db = m_fixture->store().connection();
        Sql::exec(db,
                  QStringLiteral("INSERT INTO late_fee_policies (id, version, name, effective_from, minimum_fee_fen) "
                                 "VALUES ('contract', 4, 'supply contract', '2025-01-01', 100)"));
        Sql::exec(db,
                  QStringLiteral("INSERT INTO late_fee_rates (policy_id, policy_version, customer_class, year_bucket, "
                                 "rate_ppm) SELECT 'contract', 4, customer_class, year_bucket, rate_ppm * 2 "
                                 "FROM late_fee_rates WHERE policy_id = '1996' AND policy_version = 1"));
        m_fixture->store().setSetting(QStringLiteral("late_fee.policy"), QStringLiteral("contract"));
        AccountService service(m_fixture->store());
        const AccountDetail account = *service.load(QStringLiteral("3300000001"), date("2026-03-02"));
        QCOMPARE(account.openBills.first().lateFee.fee, Money::fromFen(820));
        QCOMPARE(account.openBills.first().lateFee.policyId, QStringLiteral("contract"));
        QCOMPARE(account.openBills.first().lateFee.policyVersion, 4);

        m_fixture->store().setSetting(QStringLiteral("late_fee.policy"), QStringLiteral("missing"));
        QVERIFY_THROWS_EXCEPTION(StoreError, service.load(QStringLiteral("3300000001"), date("2026-03-02")));
        // An account without open bills needs no policy.
        QVERIFY(service.load(QStringLiteral("3300000004"), date("2026-03-02")));
    }

    void recentBillsAreTheLastThirteenPeriodsNewestFirst()
    {
        AccountService service(m_fixture->store());
        const AccountDetail account = *service.load(QStringLiteral("3300000001"), date("2026-03-02"));
        QCOMPARE(account.recentBills.size(), 13);
        QCOMPARE(account.recentBills.first().period, QStringLiteral("2026-01"));
        QCOMPARE(account.recentBills.last().period, QStringLiteral("2025-01"));
        for (qsizetype i = 1; i < account.recentBills.size(); ++i) {
            QVERIFY(account.recentBills.at(i - 1).period > account.recentBills.at(i).period);
        }
        // Open bills carry their fee in this list too; paid ones none.
        QCOMPARE(account.recentBills.at(1).lateFee.fee, Money::fromFen(410));
        const BillLine& paid = account.recentBills.at(2);
        QCOMPARE(paid.period, QStringLiteral("2025-11"));
        QCOMPARE(paid.status, QStringLiteral("paid"));
        QCOMPARE(paid.paid, Money::fromFen(9011));
        QCOMPARE(paid.paidOn, date("2025-12-08"));
        QCOMPARE(paid.lateFee.fee, Money());
    }

    // Stale after contacts.stale_days, counted in the hall's calendar: the card of 张三 was updated on
    // 2025-03-02 Shanghai time (2025-03-01 in UTC).
    void contactStalenessUsesTheSettingAndTheHallCalendar()
    {
        AccountService service(m_fixture->store());
        const AccountDetail fresh = *service.load(QStringLiteral("3300000001"), date("2026-03-02"));
        QCOMPARE(fresh.contact.mobile, QStringLiteral("13812345678"));
        QCOMPARE(fresh.contact.phone, QStringLiteral("0571-87654321"));
        QCOMPARE(fresh.contact.wechat, QStringLiteral("zhangsan_88"));
        QCOMPARE(fresh.contact.email, QStringLiteral("zs@example.com"));
        QCOMPARE(fresh.contact.updatedAt, QDateTime(date("2025-03-01"), QTime(17, 0), QTimeZone::utc()));
        QVERIFY(!fresh.contactStale);
        QVERIFY(service.load(QStringLiteral("3300000001"), date("2026-03-03"))->contactStale);

        m_fixture->store().setSetting(QStringLiteral("contacts.stale_days"), QStringLiteral("30"));
        QVERIFY(service.load(QStringLiteral("3300000001"), date("2026-03-02"))->contactStale);
        QVERIFY(!service.load(QStringLiteral("3300000003"), date("2026-01-31"))->contactStale);
        QVERIFY(service.load(QStringLiteral("3300000003"), date("2026-02-01"))->contactStale);

        // No card at all is stale.
        const AccountDetail none = *service.load(QStringLiteral("3300000004"), date("2026-03-02"));
        QVERIFY(none.contactStale);
        QVERIFY(none.contact.mobile.isEmpty());
    }

    void payerGroupListsTheOtherMembersWithTheirArrears()
    {
        AccountService service(m_fixture->store());
        const AccountDetail account = *service.load(QStringLiteral("3300000001"), date("2026-03-02"));
        QCOMPARE(account.groupCode, QStringLiteral("G01"));
        QCOMPARE(account.groupName, QStringLiteral("张家"));
        QCOMPARE(account.groupMembers.size(), 1);
        QCOMPARE(account.groupMembers.first().accountNo, QStringLiteral("3300000003"));
        QCOMPARE(account.groupMembers.first().name, QStringLiteral("张小三"));
        QCOMPARE(account.groupMembers.first().arrears, Money::fromYuan(80));

        const AccountDetail member = *service.load(QStringLiteral("3300000003"), date("2026-03-02"));
        QCOMPARE(member.groupMembers.size(), 1);
        QCOMPARE(member.groupMembers.first().arrears, Money::fromYuan(250));

        const AccountDetail alone = *service.load(QStringLiteral("3300000004"), date("2026-03-02"));
        QVERIFY(alone.groupCode.isEmpty());
        QVERIFY(alone.groupMembers.isEmpty());
    }

    void badContactDataIsRefusedAndNothingChanges_data()
    {
        QTest::addColumn<QString>("mobile");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("wechat");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("short mobile") << QStringLiteral("1381234567") << QString() << QString() << QString()
                                      << QStringLiteral("mobile");
        QTest::newRow("mobile not starting with 1")
            << QStringLiteral("23812345678") << QString() << QString() << QString() << QStringLiteral("mobile");
        QTest::newRow("letters in mobile")
            << QStringLiteral("138abcd5678") << QString() << QString() << QString() << QStringLiteral("mobile");
        QTest::newRow("letters in phone")
            << QString() << QStringLiteral("0571-call-me") << QString() << QString() << QStringLiteral("telephone");
        QTest::newRow("short phone") << QString() << QStringLiteral("12345") << QString() << QString()
                                     << QStringLiteral("telephone");
        QTest::newRow("short WeChat ID") << QString() << QString() << QStringLiteral("ab") << QString()
                                         << QStringLiteral("WeChat");
        QTest::newRow("e-mail without domain")
            << QString() << QString() << QString() << QStringLiteral("zs@") << QStringLiteral("e-mail");
        QTest::newRow("e-mail without dot")
            << QString() << QString() << QString() << QStringLiteral("zs@example") << QStringLiteral("e-mail");
        QTest::newRow("two at signs") << QString() << QString() << QString() << QStringLiteral("a@b@example.com")
                                      << QStringLiteral("e-mail");
    }

    void badContactDataIsRefusedAndNothingChanges()
    {
        QFETCH(QString, mobile);
        QFETCH(QString, phone);
        QFETCH(QString, wechat);
        QFETCH(QString, email);
        QFETCH(QString, fragment);
        AccountService service(m_fixture->store());
        ContactCard card{phone, mobile, wechat, email, {}};
        try {
            service.updateContact(QStringLiteral("3300000001"), card, m_fixture->session);
            QFAIL("bad contact data was saved");
        } catch (const StoreError& error) {
            QVERIFY2(error.message().contains(fragment), qPrintable(error.message()));
        }
        const AccountDetail account = *service.load(QStringLiteral("3300000001"), date("2026-03-02"));
        QCOMPARE(account.contact.mobile, QStringLiteral("13812345678"));
        QCOMPARE(account.contact.updatedAt, QDateTime(date("2025-03-01"), QTime(17, 0), QTimeZone::utc()));
        QCOMPARE(m_fixture->auditCount(QStringLiteral("contact.update")), qint64(0));
    }

    void contactUpdateIsSavedAndAudited()
    {
        AccountService service(m_fixture->store());
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        const ContactCard card{QStringLiteral(" 0571-88886666 "),
                               QStringLiteral("138 0013 8000"),
                               QStringLiteral("13800138000"),
                               QStringLiteral("new@example.com.cn"),
                               {}};
        service.updateContact(QStringLiteral("3300000001"), card, m_fixture->session);

        const AccountDetail account = *service.load(QStringLiteral("3300000001"), service.businessDate());
        QCOMPARE(account.contact.mobile, QStringLiteral("13800138000"));
        QCOMPARE(account.contact.phone, QStringLiteral("0571-88886666"));
        QCOMPARE(account.contact.wechat, QStringLiteral("13800138000"));
        QCOMPARE(account.contact.email, QStringLiteral("new@example.com.cn"));
        QVERIFY(account.contact.updatedAt >= before);
        QVERIFY(!account.contactStale);

        QSqlQuery row
            = Sql::exec(m_fixture->store().connection(),
                        QStringLiteral("SELECT entity, entity_key, operator_id, terminal_code, details FROM audit_log "
                                       "WHERE action = 'contact.update'"));
        QVERIFY(row.next());
        QCOMPARE(row.value(0).toString(), QStringLiteral("account"));
        QCOMPARE(row.value(1).toString(), QStringLiteral("3300000001"));
        QCOMPARE(row.value(2).toLongLong(), m_fixture->clerkId);
        QCOMPARE(row.value(3).toString(), QStringLiteral("T01"));
        const QJsonObject details = QJsonDocument::fromJson(row.value(4).toString().toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("old")).toObject().value(QStringLiteral("mobile")).toString(),
                 QStringLiteral("13812345678"));
        QCOMPARE(details.value(QStringLiteral("old")).toObject().value(QStringLiteral("email")).toString(),
                 QStringLiteral("zs@example.com"));
        QCOMPARE(details.value(QStringLiteral("new")).toObject().value(QStringLiteral("mobile")).toString(),
                 QStringLiteral("13800138000"));
        QCOMPARE(details.value(QStringLiteral("new")).toObject().value(QStringLiteral("phone")).toString(),
                 QStringLiteral("0571-88886666"));
        QVERIFY(!row.next());
        QVERIFY(AuditLog::verify(m_fixture->store().connection()).ok);
    }

    void contactCardIsCreatedWhereThereWasNone()
    {
        AccountService service(m_fixture->store());
        service.updateContact(QStringLiteral("3300000004"),
                              ContactCard{{}, QStringLiteral("+86 139 0000 4444"), {}, {}, {}}, m_fixture->session);
        const AccountDetail account = *service.load(QStringLiteral("3300000004"), service.businessDate());
        QCOMPARE(account.contact.mobile, QStringLiteral("13900004444"));
        QVERIFY(!account.contactStale);
        QCOMPARE(m_fixture->auditCount(QStringLiteral("contact.update")), qint64(1));
    }

    void unknownAccountCannotBeChanged()
    {
        AccountService service(m_fixture->store());
        QVERIFY_THROWS_EXCEPTION(
            StoreError, service.updateContact(QStringLiteral("3399999999"), ContactCard{}, m_fixture->session));
        QVERIFY_THROWS_EXCEPTION(
            StoreError,
            service.recordReveal(QStringLiteral("3399999999"), QStringLiteral("mobile"), m_fixture->session));
        QCOMPARE(Sql::scalar(m_fixture->store().connection(),
                             QStringLiteral("SELECT count(*) FROM audit_log "
                                            "WHERE entity = 'account'"))
                     .toLongLong(),
                 qint64(0));
    }

    void revealIsAudited()
    {
        AccountService service(m_fixture->store());
        service.recordReveal(QStringLiteral("3300000001"), QStringLiteral("id_card"), m_fixture->session);
        QSqlQuery row
            = Sql::exec(m_fixture->store().connection(),
                        QStringLiteral("SELECT entity_key, operator_id, details FROM audit_log WHERE action = "
                                       "'personal_data.reveal'"));
        QVERIFY(row.next());
        QCOMPARE(row.value(0).toString(), QStringLiteral("3300000001"));
        QCOMPARE(row.value(1).toLongLong(), m_fixture->clerkId);
        QCOMPARE(QJsonDocument::fromJson(row.value(2).toString().toUtf8())
                     .object()
                     .value(QStringLiteral("field"))
                     .toString(),
                 QStringLiteral("id_card"));
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 service.recordReveal(QStringLiteral("3300000001"), QString(), m_fixture->session));
    }

    // UTC+14 and UTC−11 are always on different calendar days.
    void businessDateIsTheHallsCalendarDay()
    {
        AccountService service(m_fixture->store());
        const auto dayIn = [](const char* zone) {
            return QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(QByteArray(zone))).date();
        };
        m_fixture->store().setSetting(QStringLiteral("hall.timezone"), QStringLiteral("Pacific/Kiritimati"));
        const QDate east = service.businessDate();
        QVERIFY(east == dayIn("Pacific/Kiritimati") || east.addDays(1) == dayIn("Pacific/Kiritimati"));
        m_fixture->store().setSetting(QStringLiteral("hall.timezone"), QStringLiteral("Pacific/Pago_Pago"));
        const QDate west = service.businessDate();
        QVERIFY(west == dayIn("Pacific/Pago_Pago") || west.addDays(1) == dayIn("Pacific/Pago_Pago"));
        QVERIFY(east > west);
    }

private:
    std::unique_ptr<Fixture> m_fixture;
};

QTEST_GUILESS_MAIN(TestAccountService)
#include "TestAccountService.moc"
