#include "app/counter/CounterService.h"
#include "db/Sql.h"
#include "tests/support/CounterFixture.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <random>

using namespace HallDesk;

// Payments in a child process killed with SIGKILL at random moments, hundreds of times: afterwards nothing a child
// reported as committed is missing, nothing is doubled or half-written, and the receipts run without a gap.
class TestCounterCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedAtRandomMomentsLosesNothing()
    {
        Test::CounterFixture fixture;
        const QString path = fixture.path();
        std::mt19937 random(20'261'201);
        constexpr int kKills = 250;
        constexpr qint64 kBudgetMs = 45'000;

        QSet<QString> committed;
        QSet<QString> voided;
        QString inFlight; // started but not reported by the child that was killed: retried by the next one
        int kills = 0;
        int retriesCommitted = 0;
        QElapsedTimer budget;
        budget.start();
        while (kills < kKills && budget.elapsed() < kBudgetMs) {
            QProcess child;
            QStringList args{path, QString::number(random())};
            const QString retried = inFlight;
            if (!inFlight.isEmpty()) {
                args.append(inFlight);
            }
            child.start(QStringLiteral(COUNTER_CRASH_CHILD), args);
            QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
            QThread::usleep(std::uniform_int_distribution<int>(2'000, 60'000)(random));
            child.kill(); // SIGKILL
            QVERIFY(child.waitForFinished());
            QVERIFY2(child.exitStatus() == QProcess::CrashExit,
                     qPrintable(QString::fromUtf8(child.readAllStandardError())));
            ++kills;
            inFlight.clear();
            for (const QByteArray& line : child.readAllStandardOutput().split('\n')) {
                const QList<QByteArray> parts = line.split(' ');
                if (parts.size() != 2) {
                    continue;
                }
                const QString uuid = QString::fromLatin1(parts.at(1));
                if (parts.at(0) == "START") {
                    inFlight = uuid;
                } else if (parts.at(0) == "DONE") {
                    committed.insert(uuid);
                    inFlight.clear();
                    retriesCommitted += uuid == retried ? 1 : 0;
                } else if (parts.at(0) == "VOID") {
                    voided.insert(uuid);
                }
            }
        }
        qInfo("%d kills, %lld payments reported committed, %lld voided, %d retries after a kill, %lld ms", kills,
              qint64(committed.size()), qint64(voided.size()), retriesCommitted, qint64(budget.elapsed()));
        QVERIFY2(kills >= 150, "too few kills to mean anything");
        QVERIFY2(committed.size() >= 100, "the children committed too few payments to mean anything");

        CounterService counter(fixture.store());
        const CheckReport report = counter.check();
        for (const CheckProblem& problem : report.problems) {
            qWarning("%s: %s", qPrintable(problem.code), qPrintable(problem.message));
        }
        QVERIFY(report.ok());

        QSqlDatabase db = fixture.store().connection();
        QSet<QString> stored;
        QSet<QString> storedVoided;
        qint64 rows = 0;
        QSqlQuery payments = Sql::exec(db, QStringLiteral("SELECT uuid, voided FROM payments"));
        while (payments.next()) {
            ++rows;
            stored.insert(payments.value(0).toString());
            if (payments.value(1).toBool()) {
                storedVoided.insert(payments.value(0).toString());
            }
        }
        QCOMPARE(qint64(stored.size()), rows); // no UUID twice
        QVERIFY(report.payments >= committed.size());
        for (const QString& uuid : std::as_const(committed)) {
            QVERIFY2(stored.contains(uuid), qPrintable(uuid));
        }
        for (const QString& uuid : std::as_const(voided)) {
            QVERIFY2(storedVoided.contains(uuid), qPrintable(uuid));
        }
        // Whole or nothing: every payment has its tenders, allocations, receipt, outbox event and audit entry.
        const auto missing = [&](const QString& sql) { return Sql::scalar(db, sql).toLongLong(); };
        QCOMPARE(missing(QStringLiteral("SELECT count(*) FROM payments p WHERE NOT EXISTS (SELECT 1 FROM "
                                        "payment_tenders t WHERE t.payment_id = p.id)")),
                 0);
        QCOMPARE(missing(QStringLiteral("SELECT count(*) FROM payments p WHERE NOT EXISTS (SELECT 1 FROM "
                                        "payment_allocations a WHERE a.payment_id = p.id)")),
                 0);
        QCOMPARE(missing(QStringLiteral("SELECT count(*) FROM payments p WHERE NOT EXISTS (SELECT 1 FROM outbox o "
                                        "WHERE o.uuid = p.uuid)")),
                 0);
        QCOMPARE(missing(QStringLiteral("SELECT count(*) FROM payments p WHERE voided = 1 AND NOT EXISTS (SELECT 1 "
                                        "FROM voids v WHERE v.payment_id = p.id)")),
                 0);
        QCOMPARE(missing(QStringLiteral("SELECT count(*) FROM payments WHERE kind = 'payment'")),
                 missing(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'payment.post'")));
        QCOMPARE(missing(QStringLiteral("SELECT count(*) FROM voids")),
                 missing(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'payment.void'")));
        QCOMPARE(missing(QStringLiteral("SELECT max(seq) FROM receipts")),
                 missing(QStringLiteral("SELECT count(*) FROM receipts")));
        // Some children died with a payment in flight that the next one sent again.
        QVERIFY(retriesCommitted > 0);
    }
};

QTEST_GUILESS_MAIN(TestCounterCrash)
#include "TestCounterCrash.moc"
