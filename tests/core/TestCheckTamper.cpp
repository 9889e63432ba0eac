#include "app/audit/AuditLog.h"
#include "app/counter/CounterService.h"
#include "app/documents/SettlementLayout.h"
#include "db/Sql.h"
#include "tests/support/AuditTamper.h"
#include "tests/support/CounterFixture.h"

#include <QSqlQuery>
#include <QTest>
#include <memory>

using namespace HallDesk;

// Issue 15, section 7: with the append-only triggers dropped, edits that kept every sum and the chain itself
// consistent passed `check` and `audit verify`. Each one must now be caught: by `check` (money rows against their
// audit entries, settlements against their payments) or by the chain's anchors kept outside the store.
namespace {

const QString A1 = QStringLiteral("3300000001");
const QString A2 = QStringLiteral("3300000002");
const QString A3 = QStringLiteral("3300000003");

PaymentRequest cash(const QString& account, qint64 amountFen)
{
    PaymentRequest request;
    request.uuid = QUuid::createUuid();
    request.accountNos = {account};
    request.tenders = {{TenderMethod::Cash, Money::fromFen(amountFen), Money::fromFen(0), {}}};
    return request;
}

} // namespace

class TestCheckTamper : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::CounterFixture> m_fixture;
    std::unique_ptr<CounterService> m_counter;

    QSqlDatabase db() { return m_fixture->store().connection(); }
    Session clerk() { return m_fixture->session("clerk01"); }
    PaymentResult pay(const PaymentRequest& request) { return m_counter->pay(request, clerk()); }
    QStringList problemCodes()
    {
        QStringList codes;
        for (const CheckProblem& problem : m_counter->check().problems) {
            codes.append(problem.code);
            qInfo("%s: %s", qPrintable(problem.code), qPrintable(problem.message));
        }
        return codes;
    }
    void dropGuards() { Test::dropAuditGuards(db()); }
    // Three payments; the last one (A1, two bill lines with a late fee each) is the one tampered with.
    PaymentResult threePayments()
    {
        pay(cash(A3, 1000));
        pay(cash(A2, 1000));
        const PaymentResult last = pay(cash(A1, 20000));
        const QStringList clean = problemCodes();
        if (!clean.isEmpty()) {
            qFatal("check is not clean before tampering: %s", qPrintable(clean.join(QLatin1Char(','))));
        }
        return last;
    }
    SettlementData settleShort()
    {
        // 200.00 + 10.00 + 10.00 taken in cash; 215.00 counted: a variance of -5.00, approved.
        SettlementRequest request;
        request.uuid = QUuid::createUuid();
        request.cashCounts = {{Money::fromYuan(100), 2}, {Money::fromYuan(5), 3}};
        request.reason = QStringLiteral("少五元");
        request.approverId = m_fixture->op("super01").id;
        return m_counter->settle(request, clerk());
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<Test::CounterFixture>();
        m_counter = std::make_unique<CounterService>(m_fixture->store(), Test::CounterFixture::clock());
    }
    void cleanup()
    {
        m_counter.reset();
        m_fixture.reset();
    }

    // payments, tenders, allocations, receipts deleted and the series set back; the bills keep the principal.
    void aWholeDeletedPaymentIsCaught()
    {
        const PaymentResult last = threePayments();
        const qint64 id = Sql::scalar(db(), QStringLiteral("SELECT id FROM payments WHERE uuid = ?"),
                                      {last.uuid.toString(QUuid::WithoutBraces)})
                              .toLongLong();
        QCOMPARE(
            Sql::scalar(db(), QStringLiteral("SELECT count(*) FROM prepaid_ledger WHERE payment_id = ?"), {id}).toInt(),
            0);
        Sql::exec(
            db(),
            QStringLiteral("DELETE FROM late_fee_spans WHERE allocation_id IN (SELECT id FROM payment_allocations "
                           "WHERE payment_id = ?)"),
            {id});
        Sql::exec(db(), QStringLiteral("DELETE FROM payment_allocations WHERE payment_id = ?"), {id});
        Sql::exec(db(), QStringLiteral("DELETE FROM payment_tenders WHERE payment_id = ?"), {id});
        Sql::exec(db(), QStringLiteral("DELETE FROM receipts WHERE payment_id = ?"), {id});
        Sql::exec(db(), QStringLiteral("DELETE FROM outbox WHERE uuid = ?"),
                  {last.uuid.toString(QUuid::WithoutBraces)});
        Sql::exec(db(), QStringLiteral("DELETE FROM payments WHERE id = ?"), {id});
        Sql::exec(db(), QStringLiteral("UPDATE receipt_series SET next_seq = next_seq - 1"));
        const QStringList codes = problemCodes();
        QVERIFY2(codes == QStringList{QStringLiteral("audit_orphan")}, qPrintable(codes.join(QLatin1Char(','))));
        const QString message = m_counter->check().problems.first().message;
        QVERIFY2(message.contains(last.receiptNos.first()) && message.contains(QStringLiteral("payment.post")),
                 qPrintable(message));
    }

    void lateFeeMovedBetweenTwoLinesIsCaught()
    {
        const PaymentResult last = threePayments();
        QSqlQuery lines
            = Sql::exec(db(),
                        QStringLiteral("SELECT l.id FROM payment_allocations l JOIN payments p ON p.id = "
                                       "l.payment_id WHERE p.uuid = ? AND l.late_fee_fen > 0 ORDER BY l.id"),
                        {last.uuid.toString(QUuid::WithoutBraces)});
        QList<qint64> ids;
        while (lines.next()) {
            ids.append(lines.value(0).toLongLong());
        }
        QCOMPARE(ids.size(), 2);
        Sql::exec(db(), QStringLiteral("UPDATE payment_allocations SET late_fee_fen = late_fee_fen - 100 WHERE id = ?"),
                  {ids.at(0)});
        Sql::exec(db(), QStringLiteral("UPDATE payment_allocations SET late_fee_fen = late_fee_fen + 100 WHERE id = ?"),
                  {ids.at(1)});
        const QStringList codes = problemCodes();
        QVERIFY2(codes.contains(QStringLiteral("audit_mismatch")), qPrintable(codes.join(QLatin1Char(','))));
        QVERIFY(m_counter->check().problems.first().message.contains(QStringLiteral("lines")));
    }

    void aRowWithoutItsEntryIsCaught()
    {
        threePayments();
        dropGuards();
        Sql::exec(db(),
                  QStringLiteral("DELETE FROM audit_log WHERE action = 'payment.post' AND id = (SELECT min(id) "
                                 "FROM audit_log WHERE action = 'payment.post')"));
        QVERIFY(problemCodes().contains(QStringLiteral("audit_missing")));
    }

    void aRewrittenSettlementIsCaught_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("code");
        // Counted set equal to expected, no variance, no approver, and the cash count made to agree.
        QTest::newRow("rewritten") << "UPDATE settlement_lines SET counted_fen = expected_fen; "
                                      "UPDATE settlements SET variance_fen = 0, approver_id = NULL, reason = ''; "
                                      "DELETE FROM settlement_cash_counts; INSERT INTO settlement_cash_counts "
                                      "SELECT id, 10000, 2 FROM settlements; INSERT INTO settlement_cash_counts "
                                      "SELECT id, 1000, 2 FROM settlements"
                                   << "audit_mismatch";
        QTest::newRow("approver removed") << "UPDATE settlements SET approver_id = NULL"
                                          << "settlement_mismatch";
        QTest::newRow("expected lowered")
            << "UPDATE settlement_lines SET expected_fen = expected_fen - 500, counted_fen = counted_fen - 500 "
               "WHERE method = 'cash'; UPDATE settlements SET variance_fen = 0"
            << "settlement_mismatch";
        QTest::newRow("fewer payments") << "UPDATE settlements SET payment_count = 2, last_receipt = 'H01T01-00000002'"
                                        << "settlement_mismatch";
    }
    void aRewrittenSettlementIsCaught()
    {
        QFETCH(QString, sql);
        QFETCH(QString, code);
        threePayments();
        const SettlementData data = settleShort();
        QCOMPARE(data.variance().fen(), -500);
        QVERIFY(problemCodes().isEmpty());
        Sql::execScript(db(), sql);
        const QStringList codes = problemCodes();
        QVERIFY2(codes.contains(code), qPrintable(codes.join(QLatin1Char(','))));
        QVERIFY2(codes.contains(QStringLiteral("audit_mismatch")), qPrintable(codes.join(QLatin1Char(','))));
    }

    // The chain verifies on its own after these edits; only an anchor kept outside the file shows them.
    void anchorsCatchATruncatedOrRewrittenChain_data()
    {
        QTest::addColumn<int>("tail");
        QTest::addColumn<bool>("rewrite");
        QTest::newRow("last entry deleted") << 1 << false;
        QTest::newRow("last four deleted") << 4 << false;
        QTest::newRow("rewritten, hashes recomputed") << 0 << true;
    }
    void anchorsCatchATruncatedOrRewrittenChain()
    {
        QFETCH(int, tail);
        QFETCH(bool, rewrite);
        threePayments();
        for (int i = 0; i < 3; ++i) {
            pay(cash(A3, 100));
        }
        const std::optional<AuditLog::Anchor> head = AuditLog::head(db());
        QVERIFY(head && head->entries == 6);
        const std::optional<AuditLog::Anchor> early = AuditLog::anchorAt(
            db(),
            Sql::scalar(db(), QStringLiteral("SELECT min(id) FROM audit_log WHERE action = 'payment.post'"))
                .toLongLong());
        QVERIFY(early && early->entries < head->entries);
        QVERIFY(AuditLog::verifyAnchors(db(), {*early, *head}).ok());
        dropGuards();
        if (tail > 0) {
            Test::truncateAudit(db(), tail);
        }
        if (rewrite) {
            // The last payment's amount halved in its entry, and every hash from there on recomputed.
            Test::rewriteAuditEntry(
                db(),
                Sql::scalar(db(), QStringLiteral("SELECT max(id) FROM audit_log WHERE action = 'payment.post'"))
                    .toLongLong(),
                10000);
        }
        // Before the anchors, nothing showed it.
        QVERIFY(AuditLog::verify(db()).ok);
        const AuditLog::AnchoredVerification anchored = AuditLog::verifyAnchors(db(), {*early, *head});
        QVERIFY(!anchored.ok());
        QVERIFY(anchored.anchors.at(0).ok); // the entries before the change still hold their anchor
        QVERIFY(!anchored.anchors.at(1).ok);
        QVERIFY(!anchored.anchors.at(1).reason.isEmpty());
    }

    // The paper anchor: the head right after the settlement's own entry, on the report (QPainter and PDF render the
    // same document), the same when the report is printed again later.
    void theSettlementReportCarriesTheAnchor()
    {
        threePayments();
        const SettlementData data = settleShort();
        const qint64 entry
            = Sql::scalar(db(), QStringLiteral("SELECT id FROM audit_log WHERE action = 'settlement.close'"))
                  .toLongLong();
        const std::optional<AuditLog::Anchor> expected = AuditLog::anchorAt(db(), entry);
        QVERIFY(expected);
        QCOMPARE(data.auditEntries, expected->entries);
        QCOMPARE(data.auditHash, expected->hash);
        // later entries (another clerk's payment) do not move it
        m_counter->pay(cash(A3, 100), m_fixture->session("clerk02"));
        QCOMPARE(m_counter->settlement(data.uuid).auditHash, expected->hash);
        const QString texts
            = SettlementLayout::settlement(data, Paper::A5).texts().join(QLatin1Char('\n')).remove(QLatin1Char(' '));
        QVERIFY2(texts.contains(QString::number(expected->entries)) && texts.contains(expected->hash),
                 qPrintable(texts));
    }
};

QTEST_GUILESS_MAIN(TestCheckTamper)
#include "TestCheckTamper.moc"
