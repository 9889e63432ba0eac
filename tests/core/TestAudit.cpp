#include "app/audit/AuditLog.h"
#include "db/Sql.h"
#include "tests/support/StoreBuilder.h"
#include "tests/support/TempStore.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QTest>

using namespace HallDesk;

namespace {

const QString kGenesis(64, QLatin1Char('0'));

// Two operators for the id columns (operator_id and approver_id reference operators).
void addOperators(const QSqlDatabase& db)
{
    const Test::StoreBuilder rows(db);
    const QString created = QStringLiteral("2026-01-01T00:00:00Z");
    rows.op({.id = 1,
             .code = QStringLiteral("clerk01"),
             .name = QStringLiteral("Clerk"),
             .passwordHash = QStringLiteral("x"),
             .createdAt = created,
             .updatedAt = created});
    rows.op({.id = 2,
             .code = QStringLiteral("super01"),
             .name = QStringLiteral("Supervisor"),
             .passwordHash = QStringLiteral("x"),
             .createdAt = created,
             .updatedAt = created});
}

AuditEntry entry(int n)
{
    return {QStringLiteral("contact.update"),
            QStringLiteral("account"),
            QStringLiteral("31000000%1").arg(n, 2, 10, QLatin1Char('0')),
            {{QStringLiteral("mobile"), QStringLiteral("13800000000")}, {QStringLiteral("n"), n}},
            qint64(1),
            qint64(2),
            QStringLiteral("T01")};
}

void appendCommitted(const QSqlDatabase& db, const AuditEntry& e)
{
    Sql::Transaction transaction(db);
    AuditLog::append(db, e);
    transaction.commit();
}

qint64 count(const QSqlDatabase& db)
{
    return Sql::scalar(db, QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
}

// The attacker with access to the file: without the append-only triggers, rows can be changed and removed.
void dropGuards(const QSqlDatabase& db)
{
    Sql::exec(db, QStringLiteral("DROP TRIGGER audit_log_no_update"));
    Sql::exec(db, QStringLiteral("DROP TRIGGER audit_log_no_delete"));
}

// The canonical form documented in app/audit/AuditLog.cpp, built independently: stores written today must keep
// verifying with every later version of the program.
QString documentedHash(const QSqlQuery& row)
{
    QByteArray canonical("halldesk-audit-v1\n");
    for (const char* column : {"prev_hash", "at_utc", "operator_id", "approver_id", "terminal_code", "action", "entity",
                               "entity_key", "details"}) {
        const QVariant value = row.value(QLatin1String(column));
        const QByteArray utf8 = value.isNull() ? QByteArray() : value.toString().toUtf8();
        canonical += QByteArray::number(utf8.size()) + ':' + utf8 + '\n';
    }
    return QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyLogVerifies()
    {
        Test::TempStore temp;
        const auto result = AuditLog::verify(temp.store().connection());
        QVERIFY(result.ok);
        QCOMPARE(result.entries, 0);
        QVERIFY(!result.firstBrokenId);
    }

    void chainGrowsAndVerifies()
    {
        Test::TempStore temp;
        QSqlDatabase db = temp.store().connection();
        addOperators(db);
        for (int n = 1; n <= 4; ++n) {
            appendCommitted(db, entry(n));
        }
        QCOMPARE(count(db), 4);

        QSqlQuery rows = Sql::exec(db, QStringLiteral("SELECT * FROM audit_log ORDER BY id"));
        QString previous = kGenesis;
        int n = 0;
        while (rows.next()) {
            ++n;
            QCOMPARE(rows.value(QStringLiteral("prev_hash")).toString(), previous);
            const QString hash = rows.value(QStringLiteral("hash")).toString();
            QCOMPARE(hash, documentedHash(rows));
            QVERIFY(hash != previous);
            QCOMPARE(rows.value(QStringLiteral("operator_id")).toLongLong(), 1);
            QCOMPARE(rows.value(QStringLiteral("approver_id")).toLongLong(), 2);
            QCOMPARE(rows.value(QStringLiteral("terminal_code")).toString(), QStringLiteral("T01"));
            // Details are stored as compact JSON with sorted keys, the form the hash covers.
            QCOMPARE(rows.value(QStringLiteral("details")).toString(),
                     QStringLiteral("{\"mobile\":\"13800000000\",\"n\":%1}").arg(n));
            QVERIFY(QDateTime::fromString(rows.value(QStringLiteral("at_utc")).toString(), Qt::ISODate).isValid());
            previous = hash;
        }
        QCOMPARE(n, 4);

        const auto result = AuditLog::verify(db);
        QVERIFY2(result.ok, qPrintable(result.reason));
        QCOMPARE(result.entries, 4);
    }

    void entryWithoutOperatorsVerifies()
    {
        Test::TempStore temp;
        QSqlDatabase db = temp.store().connection();
        appendCommitted(db,
                        {QStringLiteral("auth.sign_in_failed"),
                         QStringLiteral("operator"),
                         QStringLiteral("nobody"),
                         {},
                         std::nullopt,
                         std::nullopt,
                         QString()});
        QVERIFY(Sql::scalar(db, QStringLiteral("SELECT operator_id FROM audit_log")).isNull());
        QCOMPARE(Sql::scalar(db, QStringLiteral("SELECT details FROM audit_log")).toString(), QStringLiteral("{}"));
        QVERIFY(AuditLog::verify(db).ok);
    }

    void logRefusesChanges()
    {
        Test::TempStore temp;
        QSqlDatabase db = temp.store().connection();
        addOperators(db);
        appendCommitted(db, entry(1));
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 Sql::exec(db, QStringLiteral("UPDATE audit_log SET action = 'nothing' WHERE id = 1")));
        QVERIFY_THROWS_EXCEPTION(StoreError, Sql::exec(db, QStringLiteral("DELETE FROM audit_log WHERE id = 1")));
        QCOMPARE(count(db), 1);
    }

    void tamperedFieldIsFoundAtItsEntry_data()
    {
        QTest::addColumn<QString>("assignment");
        QTest::newRow("at_utc") << QStringLiteral("at_utc = '2020-01-01T00:00:00Z'");
        QTest::newRow("operator_id") << QStringLiteral("operator_id = 2");
        QTest::newRow("approver_id") << QStringLiteral("approver_id = NULL");
        QTest::newRow("terminal_code") << QStringLiteral("terminal_code = 'T02'");
        QTest::newRow("action") << QStringLiteral("action = 'contact.view'");
        QTest::newRow("entity") << QStringLiteral("entity = 'operator'");
        QTest::newRow("entity_key") << QStringLiteral("entity_key = '3100000099'");
        QTest::newRow("details") << QStringLiteral("details = '{\"mobile\":\"13900000000\",\"n\":3}'");
        QTest::newRow("details reformatted") << QStringLiteral("details = '{\"n\":3,\"mobile\":\"13800000000\"}'");
    }

    void tamperedFieldIsFoundAtItsEntry()
    {
        QFETCH(QString, assignment);
        Test::TempStore temp;
        QSqlDatabase db = temp.store().connection();
        addOperators(db);
        for (int n = 1; n <= 5; ++n) {
            appendCommitted(db, entry(n));
        }
        dropGuards(db);
        Sql::exec(db, QStringLiteral("UPDATE audit_log SET %1 WHERE id = 3").arg(assignment));

        const auto result = AuditLog::verify(db);
        QVERIFY(!result.ok);
        QCOMPARE(result.entries, 5);
        QCOMPARE(result.firstBrokenId, std::optional<qint64>(3));
        QVERIFY(!result.reason.isEmpty());
    }

    // An attacker who also recomputes the changed entry's hash breaks the next entry's link instead.
    void rehashedEntryBreaksTheNextLink()
    {
        Test::TempStore temp;
        QSqlDatabase db = temp.store().connection();
        addOperators(db);
        for (int n = 1; n <= 4; ++n) {
            appendCommitted(db, entry(n));
        }
        dropGuards(db);
        Sql::exec(db, QStringLiteral("UPDATE audit_log SET entity_key = '3100000077' WHERE id = 2"));
        QSqlQuery row = Sql::exec(db, QStringLiteral("SELECT * FROM audit_log WHERE id = 2"));
        QVERIFY(row.next());
        const QString forged = documentedHash(row);
        row.finish();
        Sql::exec(db, QStringLiteral("UPDATE audit_log SET hash = ? WHERE id = 2"), {forged});

        const auto result = AuditLog::verify(db);
        QVERIFY(!result.ok);
        QCOMPARE(result.firstBrokenId, std::optional<qint64>(3));
    }

    void deletedMiddleEntryIsFound()
    {
        Test::TempStore temp;
        QSqlDatabase db = temp.store().connection();
        addOperators(db);
        for (int n = 1; n <= 5; ++n) {
            appendCommitted(db, entry(n));
        }
        dropGuards(db);
        Sql::exec(db, QStringLiteral("DELETE FROM audit_log WHERE id = 3"));

        const auto result = AuditLog::verify(db);
        QVERIFY(!result.ok);
        QCOMPARE(result.entries, 4);
        QCOMPARE(result.firstBrokenId, std::optional<qint64>(4));
    }

    void deletedFirstEntryIsFound()
    {
        Test::TempStore temp;
        QSqlDatabase db = temp.store().connection();
        addOperators(db);
        for (int n = 1; n <= 3; ++n) {
            appendCommitted(db, entry(n));
        }
        dropGuards(db);
        Sql::exec(db, QStringLiteral("DELETE FROM audit_log WHERE id = 1"));

        const auto result = AuditLog::verify(db);
        QVERIFY(!result.ok);
        QCOMPARE(result.firstBrokenId, std::optional<qint64>(2));
    }

    void rolledBackAppendLeavesNoTrace()
    {
        Test::TempStore temp;
        QSqlDatabase db = temp.store().connection();
        addOperators(db);
        appendCommitted(db, entry(1));
        const QString firstHash = Sql::scalar(db, QStringLiteral("SELECT hash FROM audit_log")).toString();
        {
            Sql::Transaction transaction(db);
            AuditLog::append(db, entry(2));
            QCOMPARE(count(db), 2);
            // No commit: the change it recorded failed, so the entry goes with it.
        }
        QCOMPARE(count(db), 1);

        appendCommitted(db, entry(3));
        QCOMPARE(count(db), 2);
        QCOMPARE(Sql::scalar(db, QStringLiteral("SELECT prev_hash FROM audit_log ORDER BY id DESC LIMIT 1")).toString(),
                 firstHash);
        const auto result = AuditLog::verify(db);
        QVERIFY2(result.ok, qPrintable(result.reason));
        QCOMPARE(result.entries, 2);
    }

    void chainSurvivesReopening()
    {
        Test::TempStore temp;
        addOperators(temp.store().connection());
        appendCommitted(temp.store().connection(), entry(1));
        temp.reopen();
        appendCommitted(temp.store().connection(), entry(2));
        const auto result = AuditLog::verify(temp.store().connection());
        QVERIFY2(result.ok, qPrintable(result.reason));
        QCOMPARE(result.entries, 2);
    }
};

QTEST_GUILESS_MAIN(TestAudit)
#include "TestAudit.moc"
