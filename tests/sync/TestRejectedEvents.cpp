// The events the centre rejected, over a real store: real payments, voids, refunds and a settlement taken through
// CounterService, their outbox rows then marked rejected exactly as SyncEngine marks them. The listing decodes the
// original business object; "send again" and "mark reviewed" need a supervisor (or a supervisor's approval), write
// their audit entries, and refuse bad input without changing anything. Also `halldeskctl sync rejected`.
#include "app/audit/AuditLog.h"
#include "app/counter/CounterService.h"
#include "app/sync/RejectedEvents.h"
#include "db/Sql.h"
#include "tests/support/Cli.h"
#include "tests/support/CounterFixture.h"

#include <QJsonArray>
#include <QTest>
#include <memory>

using namespace HallDesk;

namespace {

const QString A1 = QStringLiteral("3300000001");
const QString A2 = QStringLiteral("3300000002");
const QString A3 = QStringLiteral("3300000003");
const QString kUnknownA3 = QStringLiteral("account 3300000003 is not known at the centre");

Tender cash(qint64 amountFen, qint64 tenderedFen)
{
    return {TenderMethod::Cash, Money::fromFen(amountFen), Money::fromFen(tenderedFen), {}};
}

} // namespace

class TestRejectedEvents : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::CounterFixture> m_fixture;
    std::unique_ptr<CounterService> m_counter;
    std::unique_ptr<RejectedEvents> m_rejected;

    Test::CounterFixture& fx() { return *m_fixture; }
    QSqlDatabase db() { return fx().store().connection(); }
    QVariant scalar(const QString& sql, const QVariantList& values = {}) { return Sql::scalar(db(), sql, values); }
    qint64 audits(const char* action)
    {
        return scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ?"), {QString::fromLatin1(action)})
            .toLongLong();
    }

    PaymentResult pay(const QStringList& accounts, const QList<Tender>& tenders)
    {
        PaymentRequest request;
        request.uuid = QUuid::createUuid();
        request.accountNos = accounts;
        request.tenders = tenders;
        return m_counter->pay(request, fx().session("clerk01"));
    }

    // What SyncEngine does with a "rejected" result: state and reason on the row, in one statement per row.
    void reject(const QString& uuid, const QString& reason)
    {
        Sql::exec(db(),
                  QStringLiteral("UPDATE outbox SET state = 'rejected', state_reason = ?, pushed_at = "
                                 "'2026-02-19T08:00:00Z' WHERE uuid = ? AND state = 'pending'"),
                  {reason, uuid});
    }
    void acceptPending()
    {
        Sql::exec(db(),
                  QStringLiteral("UPDATE outbox SET state = 'accepted', pushed_at = '2026-02-19T08:00:00Z' "
                                 "WHERE state = 'pending'"));
    }

    // A rejected cash payment of 300.00 (handed over 400.00) on 3300000003, which the centre does not know; and an
    // accepted card payment on 3300000001. Returns the rejected payment.
    PaymentResult rejectedPayment()
    {
        const PaymentResult unknown = pay({A3}, {cash(30000, 40000)});
        reject(unknown.uuid.toString(QUuid::WithoutBraces), kUnknownA3);
        pay({A1}, {{TenderMethod::Card, Money::fromFen(10000), Money::fromFen(10000), QStringLiteral("POS-0001")}});
        acceptPending();
        return unknown;
    }

    qint64 seqOf(const QUuid& uuid)
    {
        return scalar(QStringLiteral("SELECT id FROM outbox WHERE uuid = ?"), {uuid.toString(QUuid::WithoutBraces)})
            .toLongLong();
    }
    QString stateOf(qint64 seq)
    {
        return scalar(QStringLiteral("SELECT state FROM outbox WHERE id = ?"), {seq}).toString();
    }

    // The outbox row and the audit log, for "nothing changed".
    QString rowFingerprint(qint64 seq)
    {
        return scalar(
                   QStringLiteral("SELECT state || '|' || state_reason || '|' || coalesce(reviewed_at, '-') || '|' || "
                                  "coalesce(reviewed_by, '-') || '|' || review_note || '|' || resent_count || '|' || "
                                  "coalesce(resent_at, '-') || '|' || coalesce(resent_by, '-') || '|' || (SELECT "
                                  "count(*) FROM audit_log WHERE action LIKE 'sync.%') FROM outbox WHERE id = ?"),
                   {seq})
            .toString();
    }

    template <typename F> void expectRefused(F&& action, const char* fragment)
    {
        try {
            action();
            QFAIL("the action was not refused");
        } catch (const StoreError& error) {
            QVERIFY2(error.message().contains(QString::fromUtf8(fragment)), qPrintable(error.message()));
        }
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<Test::CounterFixture>();
        m_counter = std::make_unique<CounterService>(fx().store(), Test::CounterFixture::clock());
        m_rejected = std::make_unique<RejectedEvents>(fx().store());
    }
    void cleanup()
    {
        m_rejected.reset();
        m_counter.reset();
        m_fixture.reset();
    }

    void theListingDecodesTheRejectedPayment()
    {
        const PaymentResult paid = rejectedPayment();
        QCOMPARE(m_rejected->openCount(), 1);
        const QList<RejectedEvent> events = m_rejected->list();
        QCOMPARE(events.size(), 1);
        const RejectedEvent& event = events.first();
        QCOMPARE(event.type, QStringLiteral("payment.posted"));
        QCOMPARE(event.uuid, paid.uuid.toString(QUuid::WithoutBraces));
        QCOMPARE(event.seq, seqOf(paid.uuid));
        QCOMPARE(event.reason, kUnknownA3);
        QCOMPARE(event.terminalCode, QStringLiteral("T01"));
        QCOMPARE(event.pushedAtUtc, QDateTime(QDate(2026, 2, 19), QTime(8, 0), Qt::UTC));
        QVERIFY(event.createdAtUtc.isValid());
        QVERIFY(!event.reviewed());
        const RejectedObject& object = event.object;
        QVERIFY(object.readable);
        QCOMPARE(object.receiptNos, QStringList{QStringLiteral("H01T01-00000001")});
        QCOMPARE(object.receiptNos, paid.receiptNos);
        QCOMPARE(object.accounts.size(), 1);
        QCOMPARE(object.accounts.first().accountNo, A3);
        QCOMPARE(object.accounts.first().name, QStringLiteral("用户3"));
        QCOMPARE(object.amount.fen(), 30000);
        QCOMPARE(object.tendered.fen(), 40000);
        QCOMPARE(object.change.fen(), 10000);
        QCOMPARE(object.tenders.size(), 1);
        QCOMPARE(object.tenders.first().method, QStringLiteral("cash"));
        QCOMPARE(object.tenders.first().amount.fen(), 30000);
        QCOMPARE(object.operatorCode, QStringLiteral("clerk01"));
        QCOMPARE(object.businessDate, Test::CounterFixture::day());
        // No bills on 3300000003: the whole amount went to its prepaid balance.
        QCOMPARE(object.allocations.size(), 1);
        QCOMPARE(object.allocations.first().prepaidDelta.fen(), 30000);

        const QJsonObject json = RejectedEvents::toJson(event);
        QCOMPARE(json.value(QStringLiteral("reason")).toString(), kUnknownA3);
        QCOMPARE(json.value(QStringLiteral("reviewed")).toBool(), false);
        const QJsonObject decoded = json.value(QStringLiteral("object")).toObject();
        QCOMPARE(decoded.value(QStringLiteral("amount")).toString(), QStringLiteral("300.00"));
        QCOMPARE(decoded.value(QStringLiteral("amount_fen")).toInteger(), 30000);
        QCOMPARE(decoded.value(QStringLiteral("receipt_nos")).toArray().first().toString(),
                 QStringLiteral("H01T01-00000001"));
        QCOMPARE(decoded.value(QStringLiteral("accounts"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("用户3"));
    }

    void aVoidShowsTheVoidedPayment()
    {
        const PaymentResult paid = pay(
            {A1}, {{TenderMethod::Qr, Money::fromFen(12345), Money::fromFen(12345), QStringLiteral("WX20260219001")}});
        const VoidResult voided = m_counter->voidPayment(paid.receiptNos.first(), QStringLiteral("wrong account"),
                                                         fx().op("super01"), fx().session("clerk01"));
        reject(paid.uuid.toString(QUuid::WithoutBraces), QStringLiteral("account 3300000001 is not known"));
        reject(voided.uuid.toString(QUuid::WithoutBraces),
               QStringLiteral("payment %1 is not known at the centre").arg(paid.uuid.toString(QUuid::WithoutBraces)));
        const QList<RejectedEvent> events = m_rejected->list();
        QCOMPARE(events.size(), 2);
        const RejectedEvent& event = events.first(); // newest first
        QCOMPARE(event.type, QStringLiteral("payment.voided"));
        QCOMPARE(event.object.paymentUuid, paid.uuid.toString(QUuid::WithoutBraces));
        QCOMPARE(event.object.receiptNos, paid.receiptNos);
        QCOMPARE(event.object.amount.fen(), 12345);
        QCOMPARE(event.object.reason, QStringLiteral("wrong account"));
        QCOMPARE(event.object.approverCode, QStringLiteral("super01"));
        // From the store: the voided payment's account and how it was paid.
        QCOMPARE(event.object.accounts.size(), 1);
        QCOMPARE(event.object.accounts.first().accountNo, A1);
        QCOMPARE(event.object.accounts.first().name, QStringLiteral("用户1"));
        QCOMPARE(event.object.tenders.size(), 1);
        QCOMPARE(event.object.tenders.first().reference, QStringLiteral("WX20260219001"));
        QCOMPARE(events.at(1).type, QStringLiteral("payment.posted"));
    }

    void aRefundAndASettlementAreDecoded()
    {
        const RefundResult refund = m_counter->refundPrepaid(A2, Money::fromFen(500), QStringLiteral("moving away"),
                                                             fx().op("super01"), fx().session("clerk01"));
        SettlementRequest request;
        request.uuid = QUuid::createUuid();
        request.cashCounts = {}; // the drawer is empty after paying out 5.00 of nothing taken
        request.approverId = fx().op("super01").id;
        request.reason = QStringLiteral("refund paid from the float");
        const SettlementData settlement = m_counter->settle(request, fx().session("clerk01"));
        reject(refund.uuid.toString(QUuid::WithoutBraces), QStringLiteral("account 3300000002 is not known"));
        reject(settlement.uuid.toString(QUuid::WithoutBraces), QStringLiteral("field \"lines\" must be an array"));
        const QList<RejectedEvent> events = m_rejected->list();
        QCOMPARE(events.size(), 2);
        const RejectedEvent& closed = events.at(0);
        QCOMPARE(closed.type, QStringLiteral("settlement.closed"));
        QCOMPARE(closed.object.lines.size(), settlement.lines.size());
        QCOMPARE(closed.object.variance.fen(), settlement.variance().fen());
        QCOMPARE(closed.object.refundCount, 1);
        QCOMPARE(closed.object.reason, QStringLiteral("refund paid from the float"));
        const RejectedEvent& refunded = events.at(1);
        QCOMPARE(refunded.type, QStringLiteral("prepaid.refunded"));
        QCOMPARE(refunded.object.accounts.first().accountNo, A2);
        QCOMPARE(refunded.object.amount.fen(), 500);
        QCOMPARE(refunded.object.prepaidAfter->fen(), 0);
        QCOMPARE(refunded.object.reason, QStringLiteral("moving away"));
        QCOMPARE(refunded.object.receiptNos, QStringList{refund.receiptNo});
    }

    void aClerkNeedsASupervisorsApproval()
    {
        const qint64 seq = seqOf(rejectedPayment().uuid);
        const QString before = rowFingerprint(seq);
        const Session clerk = fx().session("clerk01");
        expectRefused([&] { m_rejected->sendAgain(seq, clerk); }, "Only a supervisor");
        expectRefused([&] { m_rejected->markReviewed(seq, QStringLiteral("checked"), clerk); }, "Only a supervisor");
        expectRefused([&] { m_rejected->sendAgain(seq, clerk, fx().op("clerk02")); }, "not a supervisor");
        expectRefused([&] { m_rejected->markReviewed(seq, QStringLiteral("checked"), clerk, fx().op("super03")); },
                      "disabled");
        // A supervisor cannot approve their own action as a second person, either.
        expectRefused([&] { m_rejected->sendAgain(seq, fx().session("super01"), fx().op("super01")); },
                      "cannot approve your own");
        QCOMPARE(rowFingerprint(seq), before);

        m_rejected->sendAgain(seq, clerk, fx().op("super01"), QStringLiteral("account created at the centre"));
        QCOMPARE(stateOf(seq), QStringLiteral("pending"));
        QSqlQuery entry = Sql::exec(
            db(),
            QStringLiteral("SELECT o.code, a.code, l.entity_key, l.details FROM audit_log l JOIN operators o ON "
                           "o.id = l.operator_id JOIN operators a ON a.id = l.approver_id WHERE l.action = "
                           "'sync.event_resend'"));
        QVERIFY(entry.next());
        QCOMPARE(entry.value(0).toString(), QStringLiteral("clerk01"));
        QCOMPARE(entry.value(1).toString(), QStringLiteral("super01"));
        QCOMPARE(entry.value(2).toString(),
                 scalar(QStringLiteral("SELECT uuid FROM outbox WHERE id = ?"), {seq}).toString());
        QVERIFY(entry.value(3).toString().contains(QStringLiteral("account created at the centre")));
        QVERIFY(entry.value(3).toString().contains(kUnknownA3));
        QVERIFY(!entry.next());
    }

    void sendAgainPutsTheEventBackInTheQueue()
    {
        const qint64 seq = seqOf(rejectedPayment().uuid);
        m_rejected->sendAgain(seq, fx().session("super01"));
        QCOMPARE(stateOf(seq), QStringLiteral("pending"));
        QCOMPARE(scalar(QStringLiteral("SELECT state_reason FROM outbox WHERE id = ?"), {seq}).toString(), QString());
        QCOMPARE(scalar(QStringLiteral("SELECT resent_count FROM outbox WHERE id = ?"), {seq}).toInt(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'")).toInt(), 1);
        QCOMPARE(m_rejected->openCount(), 0);
        QVERIFY(m_rejected->list(RejectedEvents::Scope::All).isEmpty());
        QCOMPARE(audits("sync.event_resend"), 1);
        // Only a rejected event can be sent again: this one is pending now, the accepted one never was rejected.
        expectRefused([&] { m_rejected->sendAgain(seq, fx().session("super01")); }, "not rejected");
        expectRefused([&] { m_rejected->sendAgain(seq + 1, fx().session("super01")); }, "not rejected");
        expectRefused([&] { m_rejected->sendAgain(9999, fx().session("super01")); }, "no event 9999");
        QCOMPARE(audits("sync.event_resend"), 1);

        // The centre rejects it again: it is open again and remembers it was sent once already.
        reject(scalar(QStringLiteral("SELECT uuid FROM outbox WHERE id = ?"), {seq}).toString(), kUnknownA3);
        const std::optional<RejectedEvent> again = m_rejected->find(seq);
        QVERIFY(again);
        QCOMPARE(again->resentCount, 1);
        QCOMPARE(m_rejected->openCount(), 1);
    }

    void aReviewNeedsANoteAndLeavesTheOpenList()
    {
        const qint64 seq = seqOf(rejectedPayment().uuid);
        const QString before = rowFingerprint(seq);
        const Session supervisor = fx().session("super01");
        expectRefused([&] { m_rejected->markReviewed(seq, QString(), supervisor); }, "needs a note");
        expectRefused([&] { m_rejected->markReviewed(seq, QStringLiteral("  \n "), supervisor); }, "needs a note");
        QCOMPARE(rowFingerprint(seq), before);
        QCOMPARE(m_rejected->openCount(), 1);

        m_rejected->markReviewed(seq, QStringLiteral("customer refunded at the counter"), supervisor);
        QCOMPARE(stateOf(seq), QStringLiteral("rejected")); // still rejected, never dropped
        QCOMPARE(m_rejected->openCount(), 0);
        QVERIFY(m_rejected->list().isEmpty());
        const QList<RejectedEvent> all = m_rejected->list(RejectedEvents::Scope::All);
        QCOMPARE(all.size(), 1);
        QVERIFY(all.first().reviewed());
        QCOMPARE(all.first().reviewerCode, QStringLiteral("super01"));
        QCOMPARE(all.first().reviewerName, QStringLiteral("张主任"));
        QCOMPARE(all.first().reviewNote, QStringLiteral("customer refunded at the counter"));
        QCOMPARE(audits("sync.event_review"), 1);
        expectRefused([&] { m_rejected->markReviewed(seq, QStringLiteral("again"), supervisor); }, "reviewed already");
        QCOMPARE(audits("sync.event_review"), 1);

        // A clerk with a supervisor's approval: the supervisor is the reviewer. Sending again clears the review.
        m_rejected->sendAgain(seq, supervisor);
        reject(scalar(QStringLiteral("SELECT uuid FROM outbox WHERE id = ?"), {seq}).toString(), kUnknownA3);
        QCOMPARE(m_rejected->openCount(), 1);
        m_rejected->markReviewed(seq, QStringLiteral("asked the centre"), fx().session("clerk01"), fx().op("super02"));
        QCOMPARE(m_rejected->find(seq)->reviewerCode, QStringLiteral("super02"));
        QVERIFY(AuditLog::verify(db()).ok);
    }

    void halldeskctlListsTheRejectedEventsAsJsonLines()
    {
        const PaymentResult paid = rejectedPayment();
        const PaymentResult second = pay({A3}, {cash(100, 100)});
        reject(second.uuid.toString(QUuid::WithoutBraces), kUnknownA3);
        m_rejected->markReviewed(seqOf(second.uuid), QStringLiteral("duplicate of the first"), fx().session("super01"));

        const Test::CliRun open
            = Test::runCli({QStringLiteral("sync"), QStringLiteral("rejected"), QStringLiteral("--db"), fx().path()});
        QVERIFY2(open.exitCode == 0, open.err.constData());
        const QList<QJsonObject> lines = open.jsonLines();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first().value(QStringLiteral("uuid")).toString(), paid.uuid.toString(QUuid::WithoutBraces));
        QCOMPARE(lines.first().value(QStringLiteral("reason")).toString(), kUnknownA3);
        QCOMPARE(lines.first().value(QStringLiteral("object")).toObject().value(QStringLiteral("amount")).toString(),
                 QStringLiteral("300.00"));

        const Test::CliRun all = Test::runCli({QStringLiteral("sync"), QStringLiteral("rejected"),
                                               QStringLiteral("--db"), fx().path(), QStringLiteral("--all")});
        QVERIFY2(all.exitCode == 0, all.err.constData());
        const QList<QJsonObject> both = all.jsonLines();
        QCOMPARE(both.size(), 2);
        QCOMPARE(both.first().value(QStringLiteral("reviewed_by")).toString(), QStringLiteral("super01"));
        QCOMPARE(both.first().value(QStringLiteral("review_note")).toString(),
                 QStringLiteral("duplicate of the first"));

        const Test::CliRun missing = Test::runCli({QStringLiteral("sync"), QStringLiteral("rejected")});
        QCOMPARE(missing.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestRejectedEvents)
#include "TestRejectedEvents.moc"
