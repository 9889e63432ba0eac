#include "app/accounts/AccountService.h"
#include "app/counter/CounterService.h"
#include "db/Sql.h"
#include "tests/support/CounterFixture.h"
#include "tests/support/StoreBuilder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>
#include <functional>
#include <memory>

using namespace HallDesk;

namespace {

Money yuan(qint64 fen)
{
    return Money::fromFen(fen);
}

PaymentRequest cash(const QStringList& accounts, qint64 amountFen, qint64 tenderedFen = 0)
{
    PaymentRequest request;
    request.uuid = QUuid::createUuid();
    request.accountNos = accounts;
    request.tenders = {{TenderMethod::Cash, yuan(amountFen), yuan(tenderedFen), {}}};
    return request;
}

const QString A1 = QStringLiteral("3300000001");
const QString A2 = QStringLiteral("3300000002");
const QString A3 = QStringLiteral("3300000003");
const QString A6 = QStringLiteral("3300000006");

} // namespace

class TestCounterService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::CounterFixture> m_fixture;
    std::unique_ptr<CounterService> m_counter;
    QDate m_on; // the fixture's business day
    QDate m_today; // what the hall's clock says

    Test::CounterFixture& fx() { return *m_fixture; }
    CounterService& counter() { return *m_counter; }
    Session clerk() { return fx().session("clerk01"); }
    PaymentResult pay(const PaymentRequest& request, QDate on = {})
    {
        // The hall's clock stands on `on` for this payment.
        m_today = on.isValid() ? on : m_on;
        const PaymentResult result = counter().pay(request, clerk());
        m_today = m_on;
        return result;
    }
    QVariant scalar(const QString& sql, const QVariantList& values = {})
    {
        return Sql::scalar(fx().store().connection(), sql, values);
    }
    void verifyCheckOk()
    {
        const CheckReport report = counter().check();
        for (const CheckProblem& problem : report.problems) {
            qWarning("%s: %s", qPrintable(problem.code), qPrintable(problem.message));
        }
        QVERIFY(report.ok());
    }
    // Every row of the bills table, for "restored exactly".
    QStringList billRows()
    {
        QSqlQuery rows = Sql::exec(
            fx().store().connection(),
            QStringLiteral("SELECT id, paid_fen, status, coalesce(paid_on, '-'), coalesce(fee_through, '-'), "
                           "fee_carried_fen FROM bills ORDER BY id"));
        QStringList out;
        while (rows.next()) {
            QStringList fields;
            for (int i = 0; i < 6; ++i) {
                fields.append(rows.value(i).toString());
            }
            out.append(fields.join(QLatin1Char('|')));
        }
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<Test::CounterFixture>();
        m_on = Test::CounterFixture::day();
        m_today = m_on;
        // The hall's clock reads m_today: noon in the hall (Asia/Shanghai).
        m_counter = std::make_unique<CounterService>(fx().store(), [this] {
            return QDateTime(m_today, QTime(12, 0), QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
        });
    }
    void cleanup()
    {
        m_counter.reset();
        m_fixture.reset();
    }

    void duesShowLateFeesAndPrepaid()
    {
        const Dues dues = counter().dues({A1, A2}, m_on);
        QCOMPARE(dues.accounts.size(), 2);
        const DueAccount& first = dues.accounts.at(0);
        QCOMPARE(first.bills.size(), 2);
        QCOMPARE(first.bills.at(0).period, QStringLiteral("2025-11"));
        QCOMPARE(first.bills.at(0).lateFee.days, 61);
        QCOMPARE(first.bills.at(0).lateFee.fee.fen(), 610);
        QCOMPARE(first.bills.at(1).lateFee.fee.fen(), 600);
        QCOMPARE(first.due().fen(), 31210);
        // commercial: 2‰ × 30 days on 100.00 = 6.00; prepaid 5.00 comes off
        QCOMPARE(dues.accounts.at(1).owed().fen(), 10600);
        QCOMPARE(dues.accounts.at(1).due().fen(), 10100);
        QCOMPARE(dues.due().fen(), 41310);
        QVERIFY_THROWS_EXCEPTION(StoreError, counter().dues({QStringLiteral("9999999999")}, m_on));
    }

    void exactDueWithChange()
    {
        const PaymentResult result = pay(cash({A1}, 31210, 32000));
        QCOMPARE(result.receiptNos, QStringList{QStringLiteral("H01T01-00000001")});
        QCOMPARE(result.amount.fen(), 31210);
        QCOMPARE(result.tendered.fen(), 32000);
        QCOMPARE(result.change.fen(), 790);
        QCOMPARE(result.lateFee.fen(), 1210);
        QCOMPARE(result.allocations.size(), 2);
        for (const Allocation& line : result.allocations) {
            QVERIFY(line.billId.has_value());
            QCOMPARE(line.policyId, QStringLiteral("1996"));
            QCOMPARE(line.policyVersion, 1);
        }
        QCOMPARE(result.prepaidAfter.size(), 1);
        QCOMPARE(result.prepaidAfter.first().second.fen(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM bills WHERE account_id = 1 AND status = 'paid'")).toInt(),
                 3);
        QCOMPARE(
            scalar(QStringLiteral("SELECT paid_on FROM bills WHERE id = ?"), {fx().billId("3300000001", "2025-12")})
                .toString(),
            QStringLiteral("2026-02-19"));
        QCOMPARE(counter().dues({A1}, m_on).due().fen(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE type = 'payment.posted'")).toInt(), 1);
        const QJsonObject payload
            = QJsonDocument::fromJson(scalar(QStringLiteral("SELECT payload FROM outbox")).toString().toUtf8())
                  .object();
        QCOMPARE(payload.value(QStringLiteral("payment_uuid")).toString(), result.uuid.toString(QUuid::WithoutBraces));
        QCOMPARE(payload.value(QStringLiteral("terminal_code")).toString(), QStringLiteral("T01"));
        QCOMPARE(payload.value(QStringLiteral("amount_fen")).toInteger(), 31210);
        QCOMPARE(scalar(QStringLiteral("SELECT terminal_code || hall_code FROM outbox")).toString(),
                 QStringLiteral("T01H01"));
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'payment.post' AND operator_id = ?"),
                   {clerk().op.id})
                .toInt(),
            1);
        const ReceiptData receipt = counter().receipt(result.receiptNos.first());
        QCOMPARE(receipt.amount.fen(), 31210);
        QCOMPARE(receipt.change.fen(), 790);
        QCOMPARE(receipt.accounts.size(), 1);
        QCOMPARE(receipt.accounts.first().bills.size(), 2);
        QVERIFY(!receipt.isCopy());
        counter().recordOutput(receipt.receiptNo, nullptr);
        QVERIFY(counter().receipt(receipt.receiptNo).isCopy());
        verifyCheckOk();
    }

    void overpaymentBecomesPrepaid()
    {
        const PaymentResult result = pay(cash({A1}, 40000));
        QCOMPARE(result.change.fen(), 0);
        QCOMPARE(result.prepaidAfter.first().second.fen(), 8790);
        QCOMPARE(scalar(QStringLiteral("SELECT prepaid_fen FROM accounts WHERE id = 1")).toLongLong(), 8790);
        QCOMPARE(scalar(QStringLiteral("SELECT delta_fen FROM prepaid_ledger WHERE account_id = 1")).toLongLong(),
                 8790);
        const Allocation& last = result.allocations.last();
        QVERIFY(!last.billId);
        QCOMPARE(last.principal.fen(), 8790);
        verifyCheckOk();
    }

    void partialPaysOldestFeeFirst()
    {
        const PaymentResult result = pay(cash({A1}, 5000));
        QCOMPARE(result.allocations.size(), 1);
        const Allocation& line = result.allocations.first();
        QCOMPARE(line.period, QStringLiteral("2025-11"));
        QCOMPARE(line.lateFee.fen(), 610);
        QCOMPARE(line.principal.fen(), 4390);
        QCOMPARE(line.lateFeeDays, 61);
        QCOMPARE(line.policyId, QStringLiteral("1996"));
        QCOMPARE(line.policyVersion, 1);
        const qint64 bill = fx().billId("3300000001", "2025-11");
        QCOMPARE(scalar(QStringLiteral("SELECT status FROM bills WHERE id = ?"), {bill}).toString(),
                 QStringLiteral("partial"));
        QCOMPARE(scalar(QStringLiteral("SELECT paid_fen FROM bills WHERE id = ?"), {bill}).toLongLong(), 4390);
        QCOMPARE(scalar(QStringLiteral("SELECT fee_through FROM bills WHERE id = ?"), {bill}).toString(),
                 QStringLiteral("2026-02-19"));
        QCOMPARE(scalar(QStringLiteral("SELECT status FROM bills WHERE id = ?"), {fx().billId("3300000001", "2025-12")})
                     .toString(),
                 QStringLiteral("open"));

        // The prepaid balance pays its own account's fee first, then the tender goes on.
        const PaymentResult second = pay(cash({A2}, 300));
        QCOMPARE(second.allocations.size(), 2);
        QCOMPARE(second.allocations.at(0).lateFee.fen(), 600);
        QCOMPARE(second.allocations.at(0).principal.fen(), 200);
        QVERIFY(!second.allocations.at(1).billId);
        QCOMPARE(second.allocations.at(1).principal.fen(), -500);
        QCOMPARE(second.prepaidAfter.first().second.fen(), 0);
        verifyCheckOk();
    }

    void lateFeeCarryNeverChargesADayTwice()
    {
        const qint64 bill = fx().billId("3300000006", "2025-12");
        // 10,000.00 industrial, 2‰ a day: 20.00 a day; 30 days to 2026-02-19 → 600.00
        QCOMPARE(counter().dues({A6}, m_on).accounts.first().bills.first().lateFee.fee.fen(), 60000);
        pay(cash({A6}, 10000)); // 100.00 of the 600.00 fee; 500.00 carried
        QCOMPARE(scalar(QStringLiteral("SELECT fee_carried_fen FROM bills WHERE id = ?"), {bill}).toLongLong(), 50000);
        const QDate next = m_on.addDays(1);
        const DueBill afterOne = counter().dues({A6}, next).accounts.first().bills.first();
        QCOMPARE(afterOne.lateFee.days, 1);
        QCOMPARE(afterOne.lateFee.fee.fen(), 52000);
        const PaymentResult second = pay(cash({A6}, 60000), next); // fee 520.00 in full, 80.00 principal
        QCOMPARE(second.allocations.first().lateFee.fen(), 52000);
        QCOMPARE(second.allocations.first().principal.fen(), 8000);
        QCOMPARE(scalar(QStringLiteral("SELECT fee_carried_fen FROM bills WHERE id = ?"), {bill}).toLongLong(), 0);
        const QDate later = m_on.addDays(6);
        const DueBill afterSix = counter().dues({A6}, later).accounts.first().bills.first();
        QCOMPARE(afterSix.lateFee.days, 5);
        QCOMPARE(afterSix.lateFee.fee.fen(), 9920); // 9,920.00 × 2‰ × 5
        // Days counted over all payments equal the days from the due date: none twice, none lost.
        const int days
            = scalar(QStringLiteral("SELECT sum(late_fee_days) FROM payment_allocations WHERE bill_id = ?"), {bill})
                  .toInt();
        QCOMPARE(days + afterSix.lateFee.days, 36);
        // The account view shows the same fee as the counter.
        const std::optional<AccountDetail> detail = AccountService(fx().store()).load(A6, later);
        QVERIFY(detail);
        QCOMPARE(detail->openBills.first().lateFee.fee.fen(), 9920);
        QCOMPARE(detail->arrearsLateFee.fen(), 9920);
        verifyCheckOk();
    }

    void lateFeeFromALaterStartKeepsYearBuckets()
    {
        const std::optional<LateFeePolicy> policy = LateFeePolicyRepository(fx().store().connection()).current(m_on);
        QVERIFY(policy);
        const QDate due(2025, 12, 20);
        const QDate through(2025, 12, 25);
        const QDate on(2026, 1, 4);
        // Six days in the due year (12-26 … 12-31) at 2‰, four in the next (01-01 … 01-04) at 3‰, on 1,000.00.
        const LateFee fee = computeLateFee(*policy, CustomerClass::Commercial, Money::fromYuan(1000), due, through, on);
        QCOMPARE(fee.days, 10);
        QCOMPARE(fee.dueYearDays, 6);
        QCOMPARE(fee.laterYearsDays, 4);
        QCOMPARE(fee.fee.fen(), 100000 * 2 * 6 / 1000 + 100000 * 3 * 4 / 1000);
        // Counted through a day before the due date changes nothing; the carried fee is added as it is.
        QCOMPARE(
            computeLateFee(*policy, CustomerClass::Commercial, Money::fromYuan(1000), due, due.addDays(-3), on).fee,
            computeLateFee(*policy, CustomerClass::Commercial, Money::fromYuan(1000), due, on).fee);
        QCOMPARE(billLateFee(*policy, CustomerClass::Commercial, Money::fromYuan(1000), due, through,
                             Money::fromFen(123), on)
                     .fee.fen(),
                 fee.fee.fen() + 123);
        // Paid through the payment day: nothing more that day.
        QCOMPARE(billLateFee(*policy, CustomerClass::Commercial, Money::fromYuan(1000), due, on, Money(), on).fee.fen(),
                 0);
    }

    void groupPaymentWithReceiptPerAccount()
    {
        PaymentRequest request = cash({A1, A2}, 31210);
        request.receiptMode = ReceiptMode::PerAccount;
        const PaymentResult result = pay(request);
        QCOMPARE(result.receiptNos,
                 (QStringList{QStringLiteral("H01T01-00000001"), QStringLiteral("H01T01-00000002")}));
        // A2's prepaid paid 5.00 of its own fee; the tender paid A1 in full (oldest first, ties in load order).
        QCOMPARE(counter().dues({A1}, m_on).due().fen(), 0);
        const Dues rest = counter().dues({A2}, m_on);
        QCOMPARE(rest.accounts.first().prepaid.fen(), 0);
        QCOMPARE(rest.due().fen(), 10100);
        const ReceiptData second = counter().receipt(QStringLiteral("H01T01-00000002"));
        QCOMPARE(second.accounts.size(), 1);
        QCOMPARE(second.accounts.first().accountNo, A2);
        QCOMPARE(second.accounts.first().toPrepaid.fen(), -500);
        const PaymentResult combined = pay(cash({A2, A3}, 20000));
        QCOMPARE(combined.receiptNos, QStringList{QStringLiteral("H01T01-00000003")});
        const ReceiptData receipt = counter().receipt(QStringLiteral("H01T01-00000003"));
        QCOMPARE(receipt.accounts.size(), 2);
        // What was left after A2's bill went to the first account loaded.
        QCOMPARE(receipt.accounts.first().prepaidAfter.fen(), 20000 - 10100);
        QCOMPARE(scalar(QStringLiteral("SELECT next_seq FROM receipt_series")).toLongLong(), 4);
        verifyCheckOk();
    }

    void splitTenders()
    {
        PaymentRequest request;
        request.uuid = QUuid::createUuid();
        request.accountNos = {A1};
        request.tenders = {{TenderMethod::Card, yuan(10000), {}, QStringLiteral("POS-0001")},
                           {TenderMethod::Qr, yuan(1210), {}, QStringLiteral("WX20260219001")},
                           {TenderMethod::Cash, yuan(20000), yuan(20500), {}}};
        request.expectedDue = yuan(31210);
        const PaymentResult result = pay(request);
        QCOMPARE(result.amount.fen(), 31210);
        QCOMPARE(result.tendered.fen(), 31710);
        QCOMPARE(result.change.fen(), 500);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM payment_tenders")).toInt(), 3);
        QCOMPARE(scalar(QStringLiteral("SELECT reference FROM payment_tenders WHERE method = 'card'")).toString(),
                 QStringLiteral("POS-0001"));
        const ShiftTotals totals = counter().shiftTotals(clerk());
        QCOMPARE(totals.expected.at(0).second.fen(), 20000);
        QCOMPARE(totals.expected.at(1).second.fen(), 10000);
        QCOMPARE(totals.expected.at(2).second.fen(), 1210);
        QCOMPARE(totals.expectedTotal().fen(), 31210);
        verifyCheckOk();
    }

    void prepaidTopUpWithNothingDue()
    {
        const PaymentResult result = pay(cash({A3}, 5000));
        QCOMPARE(result.allocations.size(), 1);
        QVERIFY(!result.allocations.first().billId);
        QCOMPARE(result.prepaidAfter.first().second.fen(), 5000);
        verifyCheckOk();
    }

    void disconnectedAccountMayPay()
    {
        const PaymentResult result = pay(cash({QStringLiteral("3300000005")}, 10000));
        QCOMPARE(result.allocations.first().principal.fen(), 5000);
        verifyCheckOk();
    }

    void waiverWithApproval()
    {
        const qint64 bill = fx().billId("3300000001", "2025-11");
        PaymentRequest request = cash({A1}, 30600);
        request.waivers = {{bill, Money(), QStringLiteral("医院住院证明"), fx().op("super01").id}};
        request.expectedDue = yuan(31210);
        const PaymentResult result = pay(request);
        QCOMPARE(result.allocations.first().lateFee.fen(), 0);
        QCOMPARE(result.allocations.first().lateFeeWaived.fen(), 610);
        QCOMPARE(counter().dues({A1}, m_on).due().fen(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT computed_fen || '/' || charged_fen FROM late_fee_waivers")).toString(),
                 QStringLiteral("610/0"));
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'payment.post' AND operator_id = ? "
                                  "AND approver_id = ?"),
                   {clerk().op.id, fx().op("super01").id})
                .toInt(),
            1);
        verifyCheckOk();
    }

    void waiverRefused_data()
    {
        QTest::addColumn<QString>("approver");
        QTest::addColumn<QString>("clerk");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<qint64>("charged");
        QTest::newRow("not a supervisor") << "clerk02"
                                          << "clerk01"
                                          << "reason" << qint64(0);
        QTest::newRow("same person") << "super01"
                                     << "super01"
                                     << "reason" << qint64(0);
        QTest::newRow("disabled supervisor") << "super03"
                                             << "clerk01"
                                             << "reason" << qint64(0);
        QTest::newRow("no reason") << "super01"
                                   << "clerk01"
                                   << "  " << qint64(0);
        QTest::newRow("not below computed") << "super01"
                                            << "clerk01"
                                            << "reason" << qint64(610);
    }
    void waiverRefused()
    {
        QFETCH(QString, approver);
        QFETCH(QString, clerk);
        QFETCH(QString, reason);
        QFETCH(qint64, charged);
        const auto before = fx().fingerprint();
        PaymentRequest request = cash({A1}, 30600);
        request.waivers = {
            {fx().billId("3300000001", "2025-11"), yuan(charged), reason, fx().op(approver.toLatin1().constData()).id}};
        QVERIFY_THROWS_EXCEPTION(StoreError, counter().pay(request, fx().session(clerk.toLatin1().constData())));
        QCOMPARE(fx().fingerprint(), before);
    }

    void voidRestoresBillsAndPrepaidExactly()
    {
        pay(cash({A1}, 5000)); // an earlier partial payment, so the void restores a non-trivial state
        const QStringList bills = billRows();
        const qint64 prepaid = scalar(QStringLiteral("SELECT prepaid_fen FROM accounts WHERE id = 2")).toLongLong();
        const PaymentResult result = pay(cash({A2, A1}, 50000));
        QVERIFY(billRows() != bills);
        const VoidResult voided
            = counter().voidPayment(result.receiptNos.first(), QStringLiteral("输错金额"), fx().op("super01"), clerk());
        QCOMPARE(voided.paymentUuid, result.uuid);
        QCOMPARE(voided.amount.fen(), 50000);
        QCOMPARE(billRows(), bills);
        QCOMPARE(scalar(QStringLiteral("SELECT prepaid_fen FROM accounts WHERE id = 2")).toLongLong(), prepaid);
        QCOMPARE(scalar(QStringLiteral("SELECT voided FROM payments WHERE uuid = ?"),
                        {result.uuid.toString(QUuid::WithoutBraces)})
                     .toInt(),
                 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM prepaid_ledger WHERE note = 'void'")).toInt(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE type = 'payment.voided'")).toInt(), 1);
        QVERIFY(counter().receipt(result.receiptNos.first()).voided);
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'payment.void' AND approver_id = ?"),
                   {fx().op("super01").id})
                .toInt(),
            1);
        verifyCheckOk();
        // Never twice.
        const auto before = fx().fingerprint();
        QVERIFY_THROWS_EXCEPTION(
            StoreError,
            counter().voidPayment(result.receiptNos.first(), QStringLiteral("again"), fx().op("super01"), clerk()));
        QCOMPARE(fx().fingerprint(), before);
    }

    // Issue 15 §2: the minimum applies once to a bill's whole late fee, across its partial payments.
    void lateFeeMinimumOncePerBill()
    {
        // 16.68 residential, due nine days before the business day: 0.15 counted, charged as the 1.00 minimum.
        Test::StoreBuilder(fx().store().connection())
            .bill({.accountId = 3,
                   .period = QStringLiteral("2026-01"),
                   .kwh = 30,
                   .amountFen = 1668,
                   .issueDate = QStringLiteral("2026-01-26"),
                   .dueDate = QStringLiteral("2026-02-10")});
        const DueBill today = counter().dues({A3}, m_on).accounts.first().bills.first();
        QCOMPARE(today.lateFee.fee.fen(), 100);
        const PaymentResult paid = pay(cash({A3}, 100)); // the fee alone
        QCOMPARE(paid.allocations.first().lateFee.fen(), 100);
        QCOMPARE(paid.allocations.first().principal.fen(), 0);
        // A day later: ten days count 0.17 in all, still under the minimum already charged; nothing more is owed.
        QCOMPARE(counter().dues({A3}, m_on.addDays(1)).accounts.first().bills.first().lateFee.fee.fen(), 0);
        // Sixty days later: 69 days count 1.15 in all, 0.15 above the 1.00 charged.
        QCOMPARE(counter().dues({A3}, m_on.addDays(60)).accounts.first().bills.first().lateFee.fee.fen(), 15);
        // The same as one payment of everything would have charged: 1.15 over 69 days.
        const std::optional<LateFeePolicy> policy = LateFeePolicyRepository(fx().store().connection()).current(m_on);
        QCOMPARE(computeLateFee(*policy, CustomerClass::Residential, Money::fromFen(1668), QDate(2026, 2, 10),
                                m_on.addDays(60))
                     .fee.fen(),
                 115);
        verifyCheckOk();
    }

    // Issue 15 §3: each overdue day is charged at the rate of the version in force on it; grace and minimum are
    // the due date's version's; the line records the spans.
    void policyVersionsApplyFromTheirDay()
    {
        QSqlDatabase db = fx().store().connection();
        Sql::exec(db,
                  QStringLiteral("INSERT INTO late_fee_policies (id, version, name, effective_from, minimum_fee_fen, "
                                 "grace_days, allocation_order) VALUES ('1996', 2, 'half', '2026-02-25', 50, 3, "
                                 "'fee_first')"));
        Sql::exec(db,
                  QStringLiteral("INSERT INTO late_fee_rates (policy_id, policy_version, customer_class, "
                                 "year_bucket, rate_ppm) SELECT policy_id, 2, customer_class, year_bucket, "
                                 "rate_ppm / 2 FROM late_fee_rates WHERE policy_id = '1996' AND policy_version = 1"));
        // 10,000.00 industrial due 2026-01-20: 20.00 a day under v1, 10.00 a day from 2026-02-25 under v2.
        const auto feeOn = [&](QDate on) { return counter().dues({A6}, on).accounts.first().bills.first().lateFee; };
        QCOMPARE(feeOn(QDate(2026, 2, 24)).fee.fen(), 35 * 2000);
        QCOMPARE(feeOn(QDate(2026, 2, 25)).fee.fen(), 35 * 2000 + 1000); // a day later is never cheaper
        const LateFee twoVersions = feeOn(QDate(2026, 2, 26));
        QCOMPARE(twoVersions.fee.fen(), 35 * 2000 + 2 * 1000);
        QCOMPARE(twoVersions.policyVersion, 1); // the due date's version: no grace days reach back
        QCOMPARE(twoVersions.spans.size(), 2);
        const PaymentResult paid = pay(cash({A6}, 1000), QDate(2026, 2, 26));
        QCOMPARE(paid.allocations.first().lateFee.fen(), 1000);
        QSqlQuery spans
            = Sql::exec(db,
                        QStringLiteral("SELECT policy_version, first_day, last_day, days, rate_ppm FROM late_fee_spans "
                                       "ORDER BY first_day"));
        QStringList rows;
        while (spans.next()) {
            rows << QStringLiteral("v%1 %2..%3 %4×%5")
                        .arg(spans.value(0).toString(), spans.value(1).toString(), spans.value(2).toString(),
                             spans.value(3).toString(), spans.value(4).toString());
        }
        QCOMPARE(rows,
                 QStringList({QStringLiteral("v1 2026-01-21..2026-02-24 35×2000"),
                              QStringLiteral("v2 2026-02-25..2026-02-26 2×1000")}));
        verifyCheckOk();
    }

    // Issue 15 §7: check recomputes each bill's fee state from its history; an edit in place is caught.
    void checkRecomputesEachBillsFeeState_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QString>("undo");
        QTest::addColumn<QString>("code");
        QTest::newRow("fee carried set to 0") << "UPDATE bills SET fee_carried_fen = 0 WHERE id = ?"
                                              << "UPDATE bills SET fee_carried_fen = 50000 WHERE id = ?"
                                              << "bill_fee_state_mismatch";
        QTest::newRow("fee_through moved to 2030") << "UPDATE bills SET fee_through = '2030-01-01' WHERE id = ?"
                                                   << "UPDATE bills SET fee_through = '2026-02-19' WHERE id = ?"
                                                   << "bill_fee_state_mismatch";
        QTest::newRow("counted fee cleared") << "UPDATE bills SET fee_counted_exact = 0 WHERE id = ?"
                                             << "UPDATE bills SET fee_counted_exact = 60000000000 WHERE id = ?"
                                             << "bill_fee_state_mismatch";
        QTest::newRow("a line's fee lowered")
            << "UPDATE payment_allocations SET late_fee_assessed_fen = late_fee_assessed_fen - 100 WHERE bill_id = ?"
            << "UPDATE payment_allocations SET late_fee_assessed_fen = late_fee_assessed_fen + 100 WHERE bill_id = ?"
            << "late_fee_mismatch";
    }
    void checkRecomputesEachBillsFeeState()
    {
        QFETCH(QString, edit);
        QFETCH(QString, undo);
        QFETCH(QString, code);
        const qint64 bill = fx().billId("3300000006", "2025-12");
        pay(cash({A6}, 10000)); // 100.00 of the 600.00 fee; 500.00 carried, counted through today
        verifyCheckOk();
        scalar(edit, {bill});
        QStringList codes;
        for (const CheckProblem& problem : counter().check().problems) {
            codes << problem.code;
        }
        QVERIFY2(codes.contains(code), qPrintable(codes.join(QLatin1Char(','))));
        scalar(undo, {bill});
        verifyCheckOk();
    }

    // Issue 15 §8: a void behind a later movement on the same bill takes back only its own lines, as the centre
    // does, instead of restoring the bill to before the payment (which would erase the later money).
    void voidBehindALaterPaymentTakesBackOnlyItsOwnLines()
    {
        const qint64 bill = fx().billId("3300000001", "2025-11");
        const PaymentResult first = pay(cash({A1}, 5000)); // fee 6.10, then 43.90 of the 2025-11 principal
        const PaymentResult second = pay(cash({A1}, 3000)); // 30.00 more principal, no new fee today
        QCOMPARE(scalar(QStringLiteral("SELECT paid_fen FROM bills WHERE id = ?"), {bill}).toLongLong(), 7390);
        counter().voidPayment(first.receiptNos.first(), QStringLiteral("x"), fx().op("super01"), clerk());
        // The second payment's 30.00 stays paid; the first one's principal and its fee are owed again.
        QCOMPARE(scalar(QStringLiteral("SELECT paid_fen FROM bills WHERE id = ?"), {bill}).toLongLong(), 3000);
        QCOMPARE(scalar(QStringLiteral("SELECT fee_carried_fen FROM bills WHERE id = ?"), {bill}).toLongLong(), 610);
        QCOMPARE(counter().dues({A1}, m_on).due().fen(), 31210 - 3000);
        // A day later the fee goes on from there: the 6.10 owed again plus one day on the 70.00 outstanding at 1‰.
        QCOMPARE(counter().dues({A1}, m_on.addDays(1)).accounts.first().bills.first().lateFee.fee.fen(), 617);
        verifyCheckOk();
        counter().voidPayment(second.receiptNos.first(), QStringLiteral("x"), fx().op("super01"), clerk());
        QCOMPARE(counter().dues({A1}, m_on).due().fen(), 31210);
        verifyCheckOk();
    }

    void voidRefusedOtherDayOrSettled()
    {
        const PaymentResult result = pay(cash({A1}, 5000));
        const auto before = fx().fingerprint();
        m_today = m_on.addDays(1); // the next business day
        QVERIFY_THROWS_EXCEPTION(
            StoreError,
            counter().voidPayment(result.receiptNos.first(), QStringLiteral("x"), fx().op("super01"), clerk()));
        m_today = m_on;
        QVERIFY_THROWS_EXCEPTION(
            StoreError,
            counter().voidPayment(QStringLiteral("H01T01-00000099"), QStringLiteral("x"), fx().op("super01"), clerk()));
        QVERIFY_THROWS_EXCEPTION(
            StoreError, counter().voidPayment(result.receiptNos.first(), QString(), fx().op("super01"), clerk()));
        QVERIFY_THROWS_EXCEPTION(
            StoreError,
            counter().voidPayment(result.receiptNos.first(), QStringLiteral("x"), fx().op("clerk02"), clerk()));
        QCOMPARE(fx().fingerprint(), before);
        SettlementRequest settle;
        settle.uuid = QUuid::createUuid();
        settle.cashCounts = {{Money::fromYuan(50), 1}};
        counter().settle(settle, clerk());
        const auto settled = fx().fingerprint();
        QVERIFY_THROWS_EXCEPTION(
            StoreError,
            counter().voidPayment(result.receiptNos.first(), QStringLiteral("x"), fx().op("super01"), clerk()));
        QVERIFY_THROWS_EXCEPTION(StoreError, pay(cash({A1}, 100)));
        QVERIFY_THROWS_EXCEPTION(
            StoreError, counter().refundPrepaid(A2, yuan(100), QStringLiteral("x"), fx().op("super01"), clerk()));
        QCOMPARE(fx().fingerprint(), settled);
        // Another clerk's shift is not closed by it.
        counter().pay(cash({A1}, 100), fx().session("clerk02"));
        verifyCheckOk();
    }

    void settlement()
    {
        pay(cash({A1}, 10000, 12000));
        PaymentRequest card = cash({A2}, 5000);
        card.tenders = {{TenderMethod::Card, yuan(5000), {}, QStringLiteral("POS-9")}};
        pay(card);
        const PaymentResult voided = pay(cash({A3}, 700));
        counter().voidPayment(voided.receiptNos.first(), QStringLiteral("x"), fx().op("super01"), clerk());
        pay(cash({A3}, 3000));
        counter().refundPrepaid(A3, yuan(1000), QStringLiteral("客户要求"), fx().op("super01"), clerk());

        const ShiftTotals totals = counter().shiftTotals(clerk());
        QCOMPARE(totals.expected.at(0).second.fen(), 10000 + 3000 - 1000); // cash net of the refund
        QCOMPARE(totals.expected.at(1).second.fen(), 5000);
        QCOMPARE(totals.paymentCount, 3);
        QCOMPARE(totals.voidCount, 1);
        QCOMPARE(totals.refundCount, 1);
        QCOMPARE(totals.firstReceipt, QStringLiteral("H01T01-00000001"));
        QCOMPARE(totals.lastReceipt, QStringLiteral("H01T01-00000005"));

        // 110.50 counted against 120.00 expected in cash: a variance of -9.50.
        SettlementRequest request;
        request.uuid = QUuid::createUuid();
        request.cashCounts = {{Money::fromYuan(100), 1}, {Money::fromYuan(10), 1}, {Money::fromFen(50), 1}};
        request.counted = {{TenderMethod::Card, yuan(5000)}};
        request.blind = true;
        const auto before = fx().fingerprint();
        QVERIFY_THROWS_EXCEPTION(StoreError, counter().settle(request, clerk())); // variance, no reason
        request.reason = QStringLiteral("少找零");
        QVERIFY_THROWS_EXCEPTION(StoreError, counter().settle(request, clerk())); // no approver
        request.approverId = clerk().op.id;
        QVERIFY_THROWS_EXCEPTION(StoreError, counter().settle(request, clerk())); // not a supervisor
        QCOMPARE(fx().fingerprint(), before);
        request.approverId = fx().op("super02").id;
        const SettlementData data = counter().settle(request, clerk());
        QCOMPARE(data.lines.size(), 4);
        QCOMPARE(data.lines.at(0).expected.fen(), 12000);
        QCOMPARE(data.lines.at(0).counted.fen(), 11050);
        QCOMPARE(data.variance().fen(), -950);
        QVERIFY(data.blind);
        QCOMPARE(data.voidCount, 1);
        QCOMPARE(data.approverName, QStringLiteral("王班长"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE type = 'settlement.closed'")).toInt(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM settlement_cash_counts")).toInt(), 3);
        QVERIFY(counter().shiftTotals(clerk()).settled);
        // Settled once only; the same request again answers with the recorded settlement.
        QCOMPARE(counter().settle(request, clerk()).uuid, request.uuid);
        SettlementRequest again;
        again.uuid = QUuid::createUuid();
        QVERIFY_THROWS_EXCEPTION(StoreError, counter().settle(again, clerk()));
        QVERIFY_THROWS_EXCEPTION(StoreError, pay(cash({A1}, 100)));
        verifyCheckOk();
    }

    void settlementWithoutVarianceNeedsNoApprover()
    {
        pay(cash({A1}, 10000));
        SettlementRequest request;
        request.uuid = QUuid::createUuid();
        request.cashCounts = {{Money::fromYuan(50), 2}};
        const SettlementData data = counter().settle(request, clerk());
        QCOMPARE(data.variance().fen(), 0);
        QVERIFY(data.approverName.isEmpty());
    }

    void replaySameUuid()
    {
        const PaymentRequest request = cash({A1}, 5000);
        const PaymentResult first = pay(request);
        const auto before = fx().fingerprint();
        const PaymentResult second = pay(request);
        QVERIFY(!first.replayed);
        QVERIFY(second.replayed);
        QCOMPARE(second.uuid, first.uuid);
        QCOMPARE(second.receiptNos, first.receiptNos);
        QCOMPARE(second.amount, first.amount);
        QCOMPARE(second.allocations.size(), first.allocations.size());
        QCOMPARE(second.prepaidAfter, first.prepaidAfter);
        QCOMPARE(fx().fingerprint(), before);
    }

    void groupAccounts()
    {
        Test::StoreBuilder(fx().store().connection())
            .group({.id = 1, .code = QStringLiteral("G1"), .name = QStringLiteral("张家")}, {1, 3, 6});
        QCOMPARE(counter().groupAccounts(A1), (QStringList{A3, A6}));
        QCOMPARE(counter().groupAccounts(A6), (QStringList{A1, A3}));
        QVERIFY(counter().groupAccounts(A2).isEmpty());
    }

    void refund()
    {
        const RefundResult result
            = counter().refundPrepaid(A2, yuan(300), QStringLiteral("销户退费"), fx().op("super01"), clerk());
        QCOMPARE(result.prepaidAfter.fen(), 200);
        QCOMPARE(result.receiptNo, QStringLiteral("H01T01-00000001"));
        const ReceiptData receipt = counter().receipt(result.receiptNo);
        QCOMPARE(receipt.kind, QStringLiteral("refund"));
        QCOMPARE(receipt.amount.fen(), 300);
        QCOMPARE(receipt.accounts.size(), 1);
        QCOMPARE(receipt.accounts.first().prepaidAfter.fen(), 200);
        QCOMPARE(receipt.accounts.first().toPrepaid.fen(), -300);
        QCOMPARE(receipt.accounts.first().total.fen(), 300);
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'prepaid.refund' AND approver_id = ?"),
                   {fx().op("super01").id})
                .toInt(),
            1);
        verifyCheckOk();
    }

    void badInputWritesNothing_data()
    {
        QTest::addColumn<int>("which");
        const char* names[] = {"unknown account",
                               "closed account",
                               "no accounts",
                               "account twice",
                               "no tenders",
                               "zero amount",
                               "negative amount",
                               "cash tendered short",
                               "card without reference",
                               "short reference",
                               "bad reference characters",
                               "qr without reference",
                               "transfer without reference",
                               "card with change",
                               "expected due mismatch",
                               "waiver on another bill",
                               "no uuid",
                               "refund above balance",
                               "refund zero",
                               "refund without reason",
                               "refund self-approved",
                               "void unknown",
                               "settle bad denomination",
                               "settle with variance, no approver"};
        for (int i = 0; i < int(std::size(names)); ++i) {
            QTest::newRow(names[i]) << i;
        }
    }
    void badInputWritesNothing()
    {
        QFETCH(int, which);
        pay(cash({A1}, 1000)); // something already there
        const auto before = fx().fingerprint();
        const auto withTender = [&](TenderMethod method, qint64 amount, qint64 tendered, const QString& reference) {
            PaymentRequest request = cash({A1}, 100);
            request.tenders = {{method, yuan(amount), yuan(tendered), reference}};
            return request;
        };
        const QList<std::function<void()>> attempts = {
            [&] { pay(cash({QStringLiteral("9999999999")}, 100)); },
            [&] { pay(cash({QStringLiteral("3300000004")}, 100)); },
            [&] { pay(cash({}, 100)); },
            [&] {
                pay(cash({A1, A1}, 100));
            },
            [&] {
                PaymentRequest request = cash({A1}, 100);
                request.tenders.clear();
                pay(request);
            },
            [&] { pay(withTender(TenderMethod::Cash, 0, 0, {})); },
            [&] { pay(withTender(TenderMethod::Cash, -100, 0, {})); },
            [&] { pay(withTender(TenderMethod::Cash, 1000, 500, {})); },
            [&] { pay(withTender(TenderMethod::Card, 1000, 0, {})); },
            [&] { pay(withTender(TenderMethod::Card, 1000, 0, QStringLiteral("123"))); },
            [&] { pay(withTender(TenderMethod::Card, 1000, 0, QStringLiteral("12 34;"))); },
            [&] { pay(withTender(TenderMethod::Qr, 1000, 0, {})); },
            [&] { pay(withTender(TenderMethod::Transfer, 1000, 0, QStringLiteral("  "))); },
            [&] { pay(withTender(TenderMethod::Card, 1000, 2000, QStringLiteral("POS-1234"))); },
            [&] {
                PaymentRequest request = cash({A1}, 100);
                request.expectedDue = yuan(31210); // what it was before the first payment
                pay(request);
            },
            [&] {
                PaymentRequest request = cash({A1}, 100);
                request.waivers
                    = {{fx().billId("3300000002", "2025-12"), Money(), QStringLiteral("r"), fx().op("super01").id}};
                pay(request);
            },
            [&] {
                PaymentRequest request = cash({A1}, 100);
                request.uuid = QUuid();
                pay(request);
            },
            [&] { counter().refundPrepaid(A2, yuan(501), QStringLiteral("r"), fx().op("super01"), clerk()); },
            [&] { counter().refundPrepaid(A2, yuan(0), QStringLiteral("r"), fx().op("super01"), clerk()); },
            [&] { counter().refundPrepaid(A2, yuan(100), QString(), fx().op("super01"), clerk()); },
            [&] { counter().refundPrepaid(A2, yuan(100), QStringLiteral("r"), clerk().op, clerk()); },
            [&] { counter().voidPayment(QStringLiteral("nope"), QStringLiteral("r"), fx().op("super01"), clerk()); },
            [&] {
                SettlementRequest request;
                request.uuid = QUuid::createUuid();
                request.cashCounts = {{Money::fromFen(300), 1}};
                counter().settle(request, clerk());
            },
            [&] {
                SettlementRequest request;
                request.uuid = QUuid::createUuid();
                request.cashCounts = {{Money::fromYuan(100), 1}};
                request.reason = QStringLiteral("r");
                counter().settle(request, clerk());
            },
        };
        QCOMPARE(attempts.size(), qsizetype(24));
        QVERIFY_THROWS_EXCEPTION(StoreError, attempts.at(which)());
        QCOMPARE(fx().fingerprint(), before);
        verifyCheckOk();
    }

    void checkFindsCorruption_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("code");
        QTest::newRow("bill paid") << "UPDATE bills SET paid_fen = paid_fen - 1 WHERE id = 1"
                                   << "bill_paid_mismatch";
        QTest::newRow("ledger") << "UPDATE accounts SET prepaid_fen = prepaid_fen + 1 WHERE id = 3"
                                << "prepaid_ledger_mismatch";
        QTest::newRow("receipt gap") << "DELETE FROM receipts WHERE seq = 2"
                                     << "receipt_gap";
        QTest::newRow("series") << "UPDATE receipt_series SET next_seq = next_seq + 1"
                                << "receipt_gap";
        QTest::newRow("tender")
            << "UPDATE payment_tenders SET amount_fen = amount_fen + 1, tendered_fen = tendered_fen + 1 WHERE id = 1"
            << "payment_unbalanced";
        QTest::newRow("audit chain") << "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET details = '{}' "
                                        "WHERE id = (SELECT max(id) - 1 FROM audit_log)"
                                     << "audit_chain";
    }
    void checkFindsCorruption()
    {
        QFETCH(QString, sql);
        QFETCH(QString, code);
        pay(cash({A1}, 20000));
        pay(cash({A3}, 1000));
        pay(cash({A2}, 1000));
        verifyCheckOk();
        Sql::execScript(fx().store().connection(), sql);
        const CheckReport report = counter().check();
        QVERIFY(!report.ok());
        QStringList codes;
        for (const CheckProblem& problem : report.problems) {
            codes.append(problem.code);
            QVERIFY(!problem.message.isEmpty());
        }
        QVERIFY2(codes.contains(code), qPrintable(codes.join(QLatin1Char(','))));
    }
};

QTEST_GUILESS_MAIN(TestCounterService)
#include "TestCounterService.moc"
