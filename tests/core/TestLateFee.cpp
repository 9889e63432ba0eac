#include "app/billing/LateFee.h"
#include "db/Sql.h"
#include "db/Store.h"
#include "tests/support/LateFeeCases.h"

#include <QFile>
#include <QTest>
#include <limits>
#include <memory>

using namespace HallDesk;

namespace {

QDate date(const char* text)
{
    return QDate::fromString(QLatin1String(text), Qt::ISODate);
}

Money money(const QString& text)
{
    const std::optional<Money> parsed = Money::parse(text);
    return parsed.value_or(Money::fromFen(-1));
}

} // namespace

class TestLateFee : public QObject
{
    Q_OBJECT

    QList<Test::LateFeeCase> m_cases;

private Q_SLOTS:
    void initTestCase()
    {
        m_rules = Store::openInMemory();
        const std::optional<LateFeePolicy> policy
            = LateFeePolicyRepository(m_rules->connection()).load(QStringLiteral("1996"), date("2026-01-01"));
        QVERIFY(policy);
        m_1996 = *policy;
    }

    // tests/data/latefee/cases.csv and stretches.csv, which tests/sync/TestLateFeeCentral runs against the
    // centre's PL/pgSQL too: a stretch of overdue days after an earlier payment, across a policy version.
    void stretchCases_data() { m_cases = Test::lateFeeCaseRows(); }
    void stretchCases()
    {
        QFETCH(int, index);
        const Test::LateFeeCase& c = m_cases.at(index);
        std::unique_ptr<Store> store = Store::openInMemory();
        if (c.withVersion2) {
            for (const QString& sql : Test::lateFeeVersion2Sql(QString())) {
                Sql::exec(store->connection(), sql);
            }
        }
        const LateFeeSchedule schedule = LateFeePolicyRepository(store->connection()).schedule(QStringLiteral("1996"));
        QCOMPARE(schedule.versions.size(), c.withVersion2 ? 2 : 1);
        const LateFee fee
            = billLateFee(schedule, *customerClassFromCode(c.customerClass), Money::fromFen(c.outstandingFen), c.due,
                          c.feeThrough, Money::fromFen(c.carriedFen), c.countedBefore, c.on);
        QCOMPARE(fee.days, c.days);
        QCOMPARE(fee.fee.fen(), c.lateFeeFen);
        int spanDays = 0;
        for (const LateFeeSpan& span : fee.spans) {
            spanDays += span.days;
        }
        QCOMPARE(spanDays, c.days);
    }

    // The built-in policy is data in the store, as the 1996 rules write it.
    void builtInPolicyIsTheRuleOf1996()
    {
        QCOMPARE(m_1996.id, QStringLiteral("1996"));
        QCOMPARE(m_1996.version, 1);
        QCOMPARE(m_1996.effectiveFrom, date("1996-10-08"));
        QCOMPARE(m_1996.minimumFee, Money::fromYuan(1));
        QCOMPARE(m_1996.graceDays, 0);
        QCOMPARE(m_1996.allocationOrder, LateFeePolicy::AllocationOrder::FeeFirst);
        QCOMPARE(m_1996.rates.value(CustomerClass::Residential).dueYearPpm, qint64(1000));
        QCOMPARE(m_1996.rates.value(CustomerClass::Residential).laterYearsPpm, qint64(1000));
        for (const CustomerClass other :
             {CustomerClass::Commercial, CustomerClass::Industrial, CustomerClass::Agricultural}) {
            QCOMPARE(m_1996.rates.value(other).dueYearPpm, qint64(2000));
            QCOMPARE(m_1996.rates.value(other).laterYearsPpm, qint64(3000));
        }
    }

    // tests/data/latefee/cases.csv: one row per case, computed by hand.
    void goldenCases_data()
    {
        QTest::addColumn<QString>("policy");
        QTest::addColumn<QString>("customerClass");
        QTest::addColumn<QString>("amount");
        QTest::addColumn<QDate>("due");
        QTest::addColumn<QDate>("on");
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("dueYearDays");
        QTest::addColumn<int>("laterYearsDays");
        QTest::addColumn<QString>("fee");

        QFile file(QStringLiteral(HALLDESK_TEST_DATA "/latefee/cases.csv"));
        QVERIFY2(file.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(file.errorString()));
        bool header = true;
        int rows = 0;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
                continue;
            }
            const QStringList f = line.split(QLatin1Char(','));
            QCOMPARE(f.size(), 10);
            if (header) {
                header = false;
                continue;
            }
            QTest::newRow(qPrintable(f[0]))
                << f[1] << f[2] << f[3] << QDate::fromString(f[4], Qt::ISODate) << QDate::fromString(f[5], Qt::ISODate)
                << f[6].toInt() << f[7].toInt() << f[8].toInt() << f[9];
            ++rows;
        }
        QVERIFY(rows >= 20);
    }

    void goldenCases()
    {
        QFETCH(QString, policy);
        QFETCH(QString, customerClass);
        QFETCH(QString, amount);
        QFETCH(QDate, due);
        QFETCH(QDate, on);
        QFETCH(int, days);
        QFETCH(int, dueYearDays);
        QFETCH(int, laterYearsDays);
        QFETCH(QString, fee);
        QVERIFY(due.isValid() && on.isValid());
        const std::optional<LateFeePolicy> rules = LateFeePolicyRepository(m_rules->connection()).load(policy, on);
        QVERIFY(rules);
        const std::optional<CustomerClass> cls = customerClassFromCode(customerClass);
        QVERIFY(cls);
        const Money principal = money(amount);
        QVERIFY(!principal.isNegative());

        const LateFee result = computeLateFee(*rules, *cls, principal, due, on);
        QCOMPARE(result.days, days);
        QCOMPARE(result.dueYearDays, dueYearDays);
        QCOMPARE(result.laterYearsDays, laterYearsDays);
        QCOMPARE(result.fee.toString(), fee);
        QCOMPARE(result.policyId, policy);
        QCOMPARE(result.policyVersion, rules->version);
    }

    void graceDaysMoveTheFirstOverdueDay()
    {
        LateFeePolicy policy = m_1996;
        policy.graceDays = 5;
        const Money principal = Money::fromYuan(1000);
        QCOMPARE(
            computeLateFee(policy, CustomerClass::Residential, principal, date("2026-01-10"), date("2026-01-15")).days,
            0);
        const LateFee first
            = computeLateFee(policy, CustomerClass::Residential, principal, date("2026-01-10"), date("2026-01-16"));
        QCOMPARE(first.days, 1);
        QCOMPARE(first.fee, Money::fromYuan(1));
        // Grace that runs into the new year (28 December + 5 days): the first overdue day is 3 January, and every
        // counted day is in a later year, at the later-years rate.
        const LateFee crossing
            = computeLateFee(policy, CustomerClass::Commercial, principal, date("2025-12-28"), date("2026-01-04"));
        QCOMPARE(crossing.days, 2);
        QCOMPARE(crossing.dueYearDays, 0);
        QCOMPARE(crossing.laterYearsDays, 2);
        QCOMPARE(crossing.fee, Money::fromYuan(6));
    }

    void minimumComesFromThePolicy()
    {
        LateFeePolicy policy = m_1996;
        policy.minimumFee = Money();
        const LateFee small = computeLateFee(policy, CustomerClass::Residential, Money::fromYuan(10),
                                             date("2026-01-10"), date("2026-02-10"));
        QCOMPARE(small.fee, Money::fromFen(31));
        policy.minimumFee = Money::fromYuan(5);
        const LateFee raised = computeLateFee(policy, CustomerClass::Residential, Money::fromYuan(10),
                                              date("2026-01-10"), date("2026-02-10"));
        QCOMPARE(raised.fee, Money::fromYuan(5));
    }

    void noFeeWithoutAPositivePrincipal()
    {
        const LateFee credit = computeLateFee(m_1996, CustomerClass::Commercial, Money::fromFen(-500),
                                              date("2026-01-10"), date("2026-03-10"));
        QCOMPARE(credit.fee, Money());
        QCOMPARE(credit.days, 59);
    }

    void largeAmountsDoNotOverflow()
    {
        // 3·10^12 fen for 1,000 days at 3‰: the exact fee, 9·10^18 millionths of a fen, is kept on the bill as it
        // is counted (bills.fee_counted_exact), so it must fit in 64 bits; the product is formed in 128.
        const Money principal = Money::fromFen(3'000'000'000'000);
        const LateFee fee
            = computeLateFee(m_1996, CustomerClass::Industrial, principal, date("2020-12-31"), date("2023-09-27"));
        QCOMPARE(fee.days, 1000);
        QCOMPARE(fee.laterYearsDays, 1000);
        QCOMPARE(fee.fee.fen(), qint64(9'000'000'000'000));
        QCOMPARE(fee.countedExact, qint64(9'000'000'000'000'000'000));

        // A fee beyond what a qint64 can hold is refused, never wrapped around.
        try {
            computeLateFee(m_1996, CustomerClass::Industrial, Money::fromFen(std::numeric_limits<qint64>::max()),
                           date("2020-12-31"), date("2023-09-27"));
            QFAIL("an overflowing fee was returned");
        } catch (const StoreError& error) {
            QVERIFY(error.message().contains(QStringLiteral("too large")));
        }
    }

    void policyWithoutTheClassIsRefused()
    {
        LateFeePolicy policy = m_1996;
        policy.rates.remove(CustomerClass::Agricultural);
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 computeLateFee(policy, CustomerClass::Agricultural, Money::fromYuan(1),
                                                date("2026-01-10"), date("2026-01-20")));
        // Not overdue: nothing to charge, nothing missing.
        QCOMPARE(computeLateFee(policy, CustomerClass::Agricultural, Money::fromYuan(1), date("2026-01-10"),
                                date("2026-01-10"))
                     .fee,
                 Money());
    }

    // Versions are chosen by the date of payment; the store's setting selects the policy.
    void repositoryChoosesTheVersionInForce()
    {
        std::unique_ptr<Store> store = Store::openInMemory();
        QSqlDatabase db = store->connection();
        Sql::exec(db,
                  QStringLiteral("INSERT INTO late_fee_policies (id, version, name, effective_from, minimum_fee_fen, "
                                 "grace_days, allocation_order) VALUES ('1996', 2, 'revised', '2024-06-01', 50, 3, "
                                 "'principal_first')"));
        for (const char* cls : {"residential", "commercial", "industrial", "agricultural"}) {
            Sql::exec(
                db,
                QStringLiteral("INSERT INTO late_fee_rates (policy_id, policy_version, customer_class, year_bucket, "
                               "rate_ppm) VALUES ('1996', 2, ?, 'due_year', 500), ('1996', 2, ?, 'later_years', 700)"),
                {QLatin1String(cls), QLatin1String(cls)});
        }
        const LateFeePolicyRepository repository(db);
        QCOMPARE(repository.load(QStringLiteral("1996"), date("2024-05-31"))->version, 1);
        const std::optional<LateFeePolicy> revised = repository.load(QStringLiteral("1996"), date("2024-06-01"));
        QVERIFY(revised);
        QCOMPARE(revised->version, 2);
        QCOMPARE(revised->name, QStringLiteral("revised"));
        QCOMPARE(revised->minimumFee, Money::fromFen(50));
        QCOMPARE(revised->graceDays, 3);
        QCOMPARE(revised->allocationOrder, LateFeePolicy::AllocationOrder::PrincipalFirst);
        QCOMPARE(revised->rates.value(CustomerClass::Industrial).laterYearsPpm, qint64(700));
        QCOMPARE(repository.current(date("2026-01-01"))->version, 2);

        QVERIFY(!repository.load(QStringLiteral("1996"), date("1996-10-07")));
        QVERIFY(!repository.load(QStringLiteral("2099"), date("2026-01-01")));
        store->setSetting(QStringLiteral("late_fee.policy"), QStringLiteral("2099"));
        QVERIFY(!repository.current(date("2026-01-01")));
    }

    void incompleteRatesAreRefused()
    {
        std::unique_ptr<Store> store = Store::openInMemory();
        QSqlDatabase db = store->connection();
        Sql::exec(db,
                  QStringLiteral("INSERT INTO late_fee_policies (id, version, name, effective_from, minimum_fee_fen) "
                                 "VALUES ('partial', 1, 'partial', '2020-01-01', 100)"));
        Sql::exec(db,
                  QStringLiteral("INSERT INTO late_fee_rates (policy_id, policy_version, customer_class, year_bucket, "
                                 "rate_ppm) VALUES ('partial', 1, 'residential', 'due_year', 1000)"));
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 LateFeePolicyRepository(db).load(QStringLiteral("partial"), date("2026-01-01")));
    }

private:
    std::unique_ptr<Store> m_rules;
    LateFeePolicy m_1996;
};

QTEST_GUILESS_MAIN(TestLateFee)
#include "TestLateFee.moc"
