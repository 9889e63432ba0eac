#include "app/auth/AuthService.h"
#include "db/Sql.h"
#include "db/Store.h"
#include "tests/support/Cli.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace HallDesk;
using Test::runCli;

namespace {

const QString kAdminPassword = QStringLiteral("admin-secret-1");

QProcessEnvironment env(const QString& password, const QString& newPassword = {})
{
    QProcessEnvironment environment;
    if (!password.isEmpty()) {
        environment.insert(QStringLiteral("HALLDESK_PASSWORD"), password);
    }
    if (!newPassword.isEmpty()) {
        environment.insert(QStringLiteral("HALLDESK_NEW_PASSWORD"), newPassword);
    }
    return environment;
}

QString describe(const Test::CliRun& run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.out), QString::fromUtf8(run.err));
}

// Whether the operator can sign in with the password, checked through the library on the same file.
bool canSignIn(const QString& path, const QString& code, const QString& password)
{
    auto store = Store::open(path);
    return AuthService(*store).signIn(code, password).ok();
}

} // namespace

class TestCliOperator : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    // The day's "store not on an encrypted disk" entries (none on a machine with an encrypted disk).
    int volumeWarnings() const
    {
        auto store = Store::open(m_db);
        return Sql::scalar(store->connection(),
                           QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                          "'security.unencrypted_volume'"))
            .toInt();
    }

    QString m_db;
    int m_stores = 0;

    Test::CliRun add(const QString& code, const QString& roles, const QString& actor, const QString& actorPassword,
                     const QString& newPassword = QStringLiteral("new-secret-1"))
    {
        QStringList args{QStringLiteral("operator"), QStringLiteral("add"),
                         QStringLiteral("--db"),     m_db,
                         QStringLiteral("--code"),   code,
                         QStringLiteral("--name"),   QStringLiteral("李强"),
                         QStringLiteral("--role"),   roles};
        if (!actor.isEmpty()) {
            args << QStringLiteral("--operator") << actor;
        }
        return runCli(args, env(actorPassword, newPassword));
    }

    QList<QJsonObject> list()
    {
        const auto run = runCli({QStringLiteral("operator"), QStringLiteral("list"), QStringLiteral("--db"), m_db});
        [&] { QVERIFY2(run.exitCode == 0, qPrintable(describe(run))); }();
        return run.jsonLines();
    }

    QJsonObject listed(const QString& code)
    {
        for (const QJsonObject& op : list()) {
            if (op.value(QLatin1String("code")).toString() == code) {
                return op;
            }
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("store%1.sqlite").arg(++m_stores));
        const auto run = runCli({QStringLiteral("init"), QStringLiteral("--db"), m_db, QStringLiteral("--hall"),
                                 QStringLiteral("H01"), QStringLiteral("--hall-name"), QStringLiteral("城东供电营业厅"),
                                 QStringLiteral("--terminal"), QStringLiteral("T01"), QStringLiteral("--admin"),
                                 QStringLiteral("admin01")},
                                env(kAdminPassword));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    }

    void adminAddsAndListsOperators()
    {
        const auto run = add(QStringLiteral("clerk01"), QStringLiteral("clerk,collector"), QStringLiteral("admin01"),
                             kAdminPassword);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject added = run.json();
        QCOMPARE(added.value(QLatin1String("code")).toString(), QStringLiteral("clerk01"));
        QCOMPARE(added.value(QLatin1String("name")).toString(), QStringLiteral("李强"));
        QCOMPARE(added.value(QLatin1String("roles")).toArray(),
                 (QJsonArray{QStringLiteral("clerk"), QStringLiteral("collector")}));
        QVERIFY(canSignIn(m_db, QStringLiteral("clerk01"), QStringLiteral("new-secret-1")));

        const QList<QJsonObject> operators = list();
        QCOMPARE(operators.size(), 2);
        QCOMPARE(operators.at(0).value(QLatin1String("code")).toString(), QStringLiteral("admin01"));
        QCOMPARE(operators.at(0).value(QLatin1String("roles")).toArray(),
                 (QJsonArray{QStringLiteral("supervisor"), QStringLiteral("admin")}));
        for (const QJsonObject& op : operators) {
            QCOMPARE(op.value(QLatin1String("active")), QJsonValue(true));
            QVERIFY(op.contains(QLatin1String("locked_until")));
            QVERIFY(op.value(QLatin1String("locked_until")).isNull());
            QVERIFY(op.contains(QLatin1String("name")));
        }
    }

    void addingNeedsAnAdministrator()
    {
        // No acting operator on a store that has operators already.
        auto run = add(QStringLiteral("clerk01"), QStringLiteral("clerk"), QString(), QString());
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
        QVERIFY(run.out.isEmpty());

        // A wrong password for the administrator.
        run = add(QStringLiteral("clerk01"), QStringLiteral("clerk"), QStringLiteral("admin01"),
                  QStringLiteral("not-the-password"));
        QCOMPARE(run.exitCode, 2);

        // A signed-in operator who is not an administrator.
        QCOMPARE(
            add(QStringLiteral("clerk01"), QStringLiteral("clerk"), QStringLiteral("admin01"), kAdminPassword).exitCode,
            0);
        run = add(QStringLiteral("clerk02"), QStringLiteral("admin"), QStringLiteral("clerk01"),
                  QStringLiteral("new-secret-1"));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("administrator"), run.err.constData());
        QVERIFY(listed(QStringLiteral("clerk02")).isEmpty());
    }

    void firstOperatorOfAnEmptyStore()
    {
        const QString path = m_dir.filePath(QStringLiteral("empty.sqlite"));
        Store::open(path, Store::OpenMode::CreateIfMissing).reset();
        const auto run = runCli({QStringLiteral("operator"), QStringLiteral("add"), QStringLiteral("--db"), path,
                                 QStringLiteral("--code"), QStringLiteral("boss"), QStringLiteral("--name"),
                                 QStringLiteral("Boss"), QStringLiteral("--role"), QStringLiteral("admin")},
                                env(QString(), QStringLiteral("first-admin-pw")));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY(canSignIn(path, QStringLiteral("boss"), QStringLiteral("first-admin-pw")));
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("roles");
        QTest::addColumn<QString>("newPassword");
        QTest::newRow("unknown role") << QStringLiteral("clerk01") << QStringLiteral("clerk,cashier")
                                      << QStringLiteral("new-secret-1");
        QTest::newRow("no password") << QStringLiteral("clerk01") << QStringLiteral("clerk") << QString();
        QTest::newRow("weak password") << QStringLiteral("clerk01") << QStringLiteral("clerk")
                                       << QStringLiteral("1234");
        QTest::newRow("bad code") << QStringLiteral("clerk 01") << QStringLiteral("clerk")
                                  << QStringLiteral("new-secret-1");
        QTest::newRow("duplicate code") << QStringLiteral("admin01") << QStringLiteral("clerk")
                                        << QStringLiteral("new-secret-1");
    }

    void badInputIsRefused()
    {
        QFETCH(QString, code);
        QFETCH(QString, roles);
        QFETCH(QString, newPassword);
        const auto run = add(code, roles, QStringLiteral("admin01"), kAdminPassword, newPassword);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
        QCOMPARE(list().size(), 1);
    }

    void usageErrors()
    {
        QCOMPARE(runCli({QStringLiteral("operator")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("operator"), QStringLiteral("promote"), QStringLiteral("--db"), m_db}).exitCode,
                 2);
        QCOMPARE(runCli({QStringLiteral("operator"), QStringLiteral("list")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("audit"), QStringLiteral("check"), QStringLiteral("--db"), m_db}).exitCode, 2);
    }

    void passwdChangesThePassword()
    {
        QCOMPARE(
            add(QStringLiteral("clerk01"), QStringLiteral("clerk"), QStringLiteral("admin01"), kAdminPassword).exitCode,
            0);
        const QStringList args{QStringLiteral("operator"),   QStringLiteral("passwd"),
                               QStringLiteral("--db"),       m_db,
                               QStringLiteral("--code"),     QStringLiteral("clerk01"),
                               QStringLiteral("--operator"), QStringLiteral("admin01")};

        auto run = runCli(args, env(kAdminPassword));
        QCOMPARE(run.exitCode, 2); // no new password
        run = runCli(args, env(QStringLiteral("not-the-password"), QStringLiteral("changed-pw-1")));
        QCOMPARE(run.exitCode, 2);
        QVERIFY(canSignIn(m_db, QStringLiteral("clerk01"), QStringLiteral("new-secret-1")));

        run = runCli(args, env(kAdminPassword, QStringLiteral("changed-pw-1")));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(run.json().value(QLatin1String("code")).toString(), QStringLiteral("clerk01"));
        QVERIFY(!canSignIn(m_db, QStringLiteral("clerk01"), QStringLiteral("new-secret-1")));
        QVERIFY(canSignIn(m_db, QStringLiteral("clerk01"), QStringLiteral("changed-pw-1")));

        // Only an administrator, not the clerk.
        run = runCli({QStringLiteral("operator"), QStringLiteral("passwd"), QStringLiteral("--db"), m_db,
                      QStringLiteral("--code"), QStringLiteral("admin01"), QStringLiteral("--operator"),
                      QStringLiteral("clerk01")},
                     env(QStringLiteral("changed-pw-1"), QStringLiteral("taken-over-1")));
        QCOMPARE(run.exitCode, 2);
        QVERIFY(canSignIn(m_db, QStringLiteral("admin01"), kAdminPassword));
    }

    void disableStopsSignIn()
    {
        QCOMPARE(
            add(QStringLiteral("clerk01"), QStringLiteral("clerk"), QStringLiteral("admin01"), kAdminPassword).exitCode,
            0);
        const auto refused = runCli({QStringLiteral("operator"), QStringLiteral("disable"), QStringLiteral("--db"),
                                     m_db, QStringLiteral("--code"), QStringLiteral("admin01"),
                                     QStringLiteral("--operator"), QStringLiteral("clerk01")},
                                    env(QStringLiteral("new-secret-1")));
        QCOMPARE(refused.exitCode, 2);
        QCOMPARE(listed(QStringLiteral("admin01")).value(QLatin1String("active")), QJsonValue(true));

        const QStringList disable{QStringLiteral("operator"),   QStringLiteral("disable"),
                                  QStringLiteral("--db"),       m_db,
                                  QStringLiteral("--code"),     QStringLiteral("clerk01"),
                                  QStringLiteral("--operator"), QStringLiteral("admin01")};
        QCOMPARE(runCli(disable).exitCode, 2); // the administrator's password is missing
        const auto run = runCli(disable, env(kAdminPassword));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(run.json().value(QLatin1String("active")), QJsonValue(false));
        QCOMPARE(listed(QStringLiteral("clerk01")).value(QLatin1String("active")), QJsonValue(false));
        QVERIFY(!canSignIn(m_db, QStringLiteral("clerk01"), QStringLiteral("new-secret-1")));

        // A disabled operator cannot act through the CLI either.
        const auto acting = add(QStringLiteral("clerk02"), QStringLiteral("clerk"), QStringLiteral("clerk01"),
                                QStringLiteral("new-secret-1"));
        QCOMPARE(acting.exitCode, 2);
        QVERIFY2(acting.err.contains("disabled"), acting.err.constData());

        // The last administrator cannot disable itself.
        const auto last = runCli({QStringLiteral("operator"), QStringLiteral("disable"), QStringLiteral("--db"), m_db,
                                  QStringLiteral("--code"), QStringLiteral("admin01"), QStringLiteral("--operator"),
                                  QStringLiteral("admin01")},
                                 env(kAdminPassword));
        QCOMPARE(last.exitCode, 2);
    }

    void listShowsALock()
    {
        QCOMPARE(
            add(QStringLiteral("clerk01"), QStringLiteral("clerk"), QStringLiteral("admin01"), kAdminPassword).exitCode,
            0);
        {
            auto store = Store::open(m_db);
            store->setSetting(QStringLiteral("auth.max_failures"), QStringLiteral("1"));
            QCOMPARE(AuthService(*store).signIn(QStringLiteral("clerk01"), QStringLiteral("wrong-pw-1")).status,
                     AuthService::SignIn::Status::Locked);
        }
        const QJsonObject clerk = listed(QStringLiteral("clerk01"));
        const QDateTime until
            = QDateTime::fromString(clerk.value(QLatin1String("locked_until")).toString(), Qt::ISODate);
        QVERIFY2(until.isValid() && until > QDateTime::currentDateTimeUtc(),
                 qPrintable(clerk.value(QLatin1String("locked_until")).toString()));
    }

    void auditVerifiesAGoodStore()
    {
        QCOMPARE(
            add(QStringLiteral("clerk01"), QStringLiteral("clerk"), QStringLiteral("admin01"), kAdminPassword).exitCode,
            0);
        const auto run = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), m_db});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject result = run.json();
        QCOMPARE(result.value(QLatin1String("ok")), QJsonValue(true));
        // init's operator.add, the admin's sign-in and the clerk's operator.add; and on a machine whose disk is not
        // encrypted, the day's warning about it (docs/security.md).
        QCOMPARE(result.value(QLatin1String("entries")).toInt(), 3 + volumeWarnings());
        QVERIFY(!result.contains(QLatin1String("first_broken_id")));
    }

    void auditFindsATamperedStore()
    {
        QCOMPARE(
            add(QStringLiteral("clerk01"), QStringLiteral("clerk"), QStringLiteral("admin01"), kAdminPassword).exitCode,
            0);
        {
            // Someone with the file drops the guards and rewrites who was added.
            auto store = Store::open(m_db);
            QSqlDatabase db = store->connection();
            Sql::exec(db, QStringLiteral("DROP TRIGGER audit_log_no_update"));
            Sql::exec(db, QStringLiteral("UPDATE audit_log SET entity_key = 'mallory' WHERE id = 3"));
        }
        const auto run = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), m_db});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject result = run.json();
        QCOMPARE(result.value(QLatin1String("ok")), QJsonValue(false));
        QCOMPARE(result.value(QLatin1String("entries")).toInt(), 3 + volumeWarnings());
        QCOMPARE(result.value(QLatin1String("first_broken_id")).toInt(), 3);
        QVERIFY(!result.value(QLatin1String("reason")).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliOperator)
#include "TestCliOperator.moc"
