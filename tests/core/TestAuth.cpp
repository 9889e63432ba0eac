#include "app/audit/AuditLog.h"
#include "app/auth/AuthService.h"
#include "app/setup/Installation.h"
#include "db/Sql.h"
#include "tests/support/TempStore.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>
#include <memory>

using namespace HallDesk;
using Status = AuthService::SignIn::Status;

namespace {

const QString kAdminPassword = QStringLiteral("admin-secret-1");
const QString kClerkPassword = QStringLiteral("clerk-secret-1");

// A configured store with an administrator (admin01) and a clerk (clerk01).
struct Fixture
{
    Test::TempStore temp;
    std::unique_ptr<AuthService> auth;
    Operator admin;
    Operator clerk;

    Fixture()
    {
        Installation::configure(temp.store(), {QStringLiteral("H01"), QStringLiteral("城东供电营业厅"), {}, {}, {}, {}},
                                QStringLiteral("T01"));
        auth = std::make_unique<AuthService>(temp.store());
        admin = auth->addOperator(QStringLiteral("admin01"), QStringLiteral("管理员"), {Role::Admin}, kAdminPassword,
                                  std::nullopt);
        clerk = auth->addOperator(QStringLiteral("clerk01"), QStringLiteral("张敏"), {Role::Clerk}, kClerkPassword,
                                  admin);
    }

    QSqlDatabase db() { return temp.store().connection(); }

    QVariant column(const QString& column, const QString& code)
    {
        return Sql::scalar(db(), QStringLiteral("SELECT %1 FROM operators WHERE code = ?").arg(column), {code});
    }

    // The audit actions written since entry `after`, in order.
    QStringList actionsAfter(qint64 after)
    {
        QStringList actions;
        QSqlQuery query
            = Sql::exec(db(), QStringLiteral("SELECT action FROM audit_log WHERE id > ? ORDER BY id"), {after});
        while (query.next()) {
            actions << query.value(0).toString();
        }
        return actions;
    }

    qint64 lastAuditId()
    {
        return Sql::scalar(db(), QStringLiteral("SELECT coalesce(max(id), 0) FROM audit_log")).toLongLong();
    }
};

template <typename Work> QString storeErrorOf(Work&& work)
{
    try {
        work();
    } catch (const StoreError& error) {
        return error.message();
    }
    return {};
}

} // namespace

class TestAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passwordHashVerifies()
    {
        const QString hash = AuthService::hashPassword(QStringLiteral("正确的密码-123"));
        QVERIFY(hash.startsWith(QLatin1String("$argon2id$")));
        QVERIFY(AuthService::verifyPassword(hash, QStringLiteral("正确的密码-123")));
        QVERIFY(!AuthService::verifyPassword(hash, QStringLiteral("正确的密码-124")));
        QVERIFY(!AuthService::verifyPassword(hash, QString()));
        QVERIFY(!AuthService::verifyPassword(QStringLiteral("not a hash"), QStringLiteral("正确的密码-123")));
        // A fresh salt every time: equal passwords do not give equal hashes.
        QVERIFY(AuthService::hashPassword(QStringLiteral("正确的密码-123")) != hash);
    }

    void passwordRules_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("seven") << QStringLiteral("abc1234") << false;
        QTest::newRow("eight") << QStringLiteral("abc12345") << true;
        QTest::newRow("repeated") << QStringLiteral("aaaaaaaaaaaa") << false;
        QTest::newRow("chinese") << QStringLiteral("供电营业厅收费员") << true;
        QTest::newRow("four chinese") << QStringLiteral("收费密码") << false;
    }

    void passwordRules()
    {
        QFETCH(QString, password);
        QFETCH(bool, accepted);
        const auto problem = AuthService::passwordProblem(password);
        QCOMPARE(!problem.has_value(), accepted);
        if (problem) {
            QVERIFY(!problem->isEmpty());
        }
    }

    void signInSucceeds()
    {
        Fixture f;
        const auto result = f.auth->signIn(QStringLiteral("clerk01"), kClerkPassword);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QVERIFY(result.message.isEmpty());
        QCOMPARE(result.op->code, QStringLiteral("clerk01"));
        QCOMPARE(result.op->name, QStringLiteral("张敏"));
        QCOMPARE(result.op->roles, QList<Role>{Role::Clerk});
        QVERIFY(result.op->hallId > 0);
        QVERIFY(result.op->seesPersonalDataMasked());
    }

    void wrongPasswordAndUnknownOperatorLookAlike()
    {
        Fixture f;
        const auto wrong = f.auth->signIn(QStringLiteral("clerk01"), QStringLiteral("wrong-password"));
        const auto unknown = f.auth->signIn(QStringLiteral("ghost99"), kClerkPassword);
        QCOMPARE(wrong.status, Status::WrongCredentials);
        QCOMPARE(unknown.status, Status::WrongCredentials);
        QVERIFY(!wrong.op);
        QVERIFY(!unknown.op);
        QVERIFY(!wrong.message.isEmpty());
        QCOMPARE(wrong.message, unknown.message);
        QCOMPARE(f.column(QStringLiteral("failed_attempts"), QStringLiteral("clerk01")).toInt(), 1);
    }

    void locksAfterConfiguredFailures()
    {
        Fixture f;
        f.temp.store().setSetting(QStringLiteral("auth.max_failures"), QStringLiteral("3"));
        f.temp.store().setSetting(QStringLiteral("auth.lock_minutes"), QStringLiteral("7"));
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(f.auth->signIn(QStringLiteral("clerk01"), QStringLiteral("wrong-password")).status,
                     Status::WrongCredentials);
        }
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        const auto third = f.auth->signIn(QStringLiteral("clerk01"), QStringLiteral("wrong-password"));
        const QDateTime after = QDateTime::currentDateTimeUtc();
        QCOMPARE(third.status, Status::Locked);
        QVERIFY(third.lockedUntil >= before.addSecs(7 * 60));
        QVERIFY(third.lockedUntil <= after.addSecs(7 * 60));
        QVERIFY(third.message.contains(QLatin1String("clerk01")));

        // The right password does not get through a lock, and the message says until when.
        const auto locked = f.auth->signIn(QStringLiteral("clerk01"), kClerkPassword);
        QCOMPARE(locked.status, Status::Locked);
        QVERIFY(!locked.op);
        QCOMPARE(locked.lockedUntil, third.lockedUntil);
        const QString hallTime
            = third.lockedUntil.toTimeZone(QTimeZone("Asia/Shanghai")).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        QVERIFY2(locked.message.contains(hallTime), qPrintable(locked.message));
        QCOMPARE(f.auth->findOperator(QStringLiteral("clerk01"))->lockedUntil, third.lockedUntil);

        // Other operators are not affected.
        QVERIFY(f.auth->signIn(QStringLiteral("admin01"), kAdminPassword).ok());
    }

    void defaultSettingsLockAfterFiveFailures()
    {
        Fixture f;
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(f.auth->signIn(QStringLiteral("clerk01"), QStringLiteral("wrong-password")).status,
                     Status::WrongCredentials);
        }
        const auto fifth = f.auth->signIn(QStringLiteral("clerk01"), QStringLiteral("wrong-password"));
        QCOMPARE(fifth.status, Status::Locked);
        const qint64 minutes = QDateTime::currentDateTimeUtc().secsTo(fifth.lockedUntil) / 60;
        QVERIFY2(minutes >= 14 && minutes <= 15, qPrintable(QString::number(minutes)));
    }

    void lockEndsWhenItsTimeHasPassed()
    {
        Fixture f;
        f.temp.store().setSetting(QStringLiteral("auth.max_failures"), QStringLiteral("2"));
        for (int i = 0; i < 2; ++i) {
            f.auth->signIn(QStringLiteral("clerk01"), QStringLiteral("wrong-password"));
        }
        QCOMPARE(f.auth->signIn(QStringLiteral("clerk01"), kClerkPassword).status, Status::Locked);

        const QString past = QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODate);
        Sql::exec(f.db(), QStringLiteral("UPDATE operators SET locked_until = ? WHERE code = 'clerk01'"), {past});
        QVERIFY(!f.auth->findOperator(QStringLiteral("clerk01"))->lockedUntil.isValid());
        const auto result = f.auth->signIn(QStringLiteral("clerk01"), kClerkPassword);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QVERIFY(f.column(QStringLiteral("locked_until"), QStringLiteral("clerk01")).isNull());

        // After a lock the operator has the full number of attempts again.
        QCOMPARE(f.auth->signIn(QStringLiteral("clerk01"), QStringLiteral("wrong-password")).status,
                 Status::WrongCredentials);
    }

    void successResetsTheFailureCount()
    {
        Fixture f;
        f.temp.store().setSetting(QStringLiteral("auth.max_failures"), QStringLiteral("3"));
        for (int round = 0; round < 3; ++round) {
            for (int i = 0; i < 2; ++i) {
                QCOMPARE(f.auth->signIn(QStringLiteral("clerk01"), QStringLiteral("wrong-password")).status,
                         Status::WrongCredentials);
            }
            QVERIFY(f.auth->signIn(QStringLiteral("clerk01"), kClerkPassword).ok());
            QCOMPARE(f.column(QStringLiteral("failed_attempts"), QStringLiteral("clerk01")).toInt(), 0);
        }
    }

    void badLockSettingIsReported()
    {
        Fixture f;
        f.temp.store().setSetting(QStringLiteral("auth.max_failures"), QStringLiteral("many"));
        const QString message = storeErrorOf([&] { f.auth->signIn(QStringLiteral("clerk01"), kClerkPassword); });
        QVERIFY2(message.contains(QLatin1String("auth.max_failures")), qPrintable(message));
    }

    void newPasswordLiftsALock()
    {
        Fixture f;
        f.temp.store().setSetting(QStringLiteral("auth.max_failures"), QStringLiteral("1"));
        QCOMPARE(f.auth->signIn(QStringLiteral("clerk01"), QStringLiteral("wrong-password")).status, Status::Locked);
        f.auth->setPassword(QStringLiteral("clerk01"), QStringLiteral("brand-new-pw"), f.admin);
        QVERIFY(!f.auth->findOperator(QStringLiteral("clerk01"))->lockedUntil.isValid());
        f.temp.store().setSetting(QStringLiteral("auth.max_failures"), QStringLiteral("5"));
        QCOMPARE(f.auth->signIn(QStringLiteral("clerk01"), kClerkPassword).status, Status::WrongCredentials);
        QVERIFY(f.auth->signIn(QStringLiteral("clerk01"), QStringLiteral("brand-new-pw")).ok());
    }

    void disabledOperatorIsRefused()
    {
        Fixture f;
        f.auth->setActive(QStringLiteral("clerk01"), false, f.admin);
        QVERIFY(!f.auth->findOperator(QStringLiteral("clerk01"))->active);
        const auto result = f.auth->signIn(QStringLiteral("clerk01"), kClerkPassword);
        QCOMPARE(result.status, Status::Disabled);
        QVERIFY(!result.op);
        QVERIFY(result.message.contains(QLatin1String("clerk01")));
        QVERIFY(result.message != f.auth->signIn(QStringLiteral("ghost99"), kClerkPassword).message);

        f.auth->setActive(QStringLiteral("clerk01"), true, f.admin);
        QVERIFY(f.auth->signIn(QStringLiteral("clerk01"), kClerkPassword).ok());
    }

    void lastAdministratorStaysActive()
    {
        Fixture f;
        QVERIFY(!storeErrorOf([&] { f.auth->setActive(QStringLiteral("admin01"), false, f.admin); }).isEmpty());
        QVERIFY(f.auth->findOperator(QStringLiteral("admin01"))->active);

        const Operator second = f.auth->addOperator(QStringLiteral("admin02"), QStringLiteral("Second"), {Role::Admin},
                                                    QStringLiteral("another-pw"), f.admin);
        f.auth->setActive(QStringLiteral("admin01"), false, second);
        QVERIFY(!f.auth->findOperator(QStringLiteral("admin01"))->active);
    }

    void onlyAdministratorsChangeOperators()
    {
        Fixture f;
        QVERIFY(!storeErrorOf([&] {
                     f.auth->addOperator(QStringLiteral("clerk02"), QStringLiteral("李强"), {Role::Clerk},
                                         QStringLiteral("secret-pw-2"), f.clerk);
                 }).isEmpty());
        QVERIFY(!f.auth->findOperator(QStringLiteral("clerk02")));
        QVERIFY(!storeErrorOf([&] { f.auth->setActive(QStringLiteral("admin01"), false, f.clerk); }).isEmpty());
        QVERIFY(!storeErrorOf([&] {
                     f.auth->setPassword(QStringLiteral("admin01"), QStringLiteral("taken-over"), f.clerk);
                 }).isEmpty());
        QVERIFY(f.auth->signIn(QStringLiteral("admin01"), kAdminPassword).ok());

        // An operator may change their own password.
        f.auth->setPassword(QStringLiteral("clerk01"), QStringLiteral("my-own-new-pw"), f.clerk);
        QVERIFY(f.auth->signIn(QStringLiteral("clerk01"), QStringLiteral("my-own-new-pw")).ok());
    }

    void addOperatorRefusesBadInput_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("withRole");
        QTest::addColumn<QString>("password");
        QTest::newRow("code with space") << QStringLiteral("clerk 02") << QStringLiteral("李强") << true
                                         << QStringLiteral("secret-pw-2");
        QTest::newRow("empty code") << QString() << QStringLiteral("李强") << true << QStringLiteral("secret-pw-2");
        QTest::newRow("code too long") << QStringLiteral("c2345678901234567") << QStringLiteral("李强") << true
                                       << QStringLiteral("secret-pw-2");
        QTest::newRow("duplicate") << QStringLiteral("clerk01") << QStringLiteral("李强") << true
                                   << QStringLiteral("secret-pw-2");
        QTest::newRow("duplicate other case")
            << QStringLiteral("CLERK01") << QStringLiteral("李强") << true << QStringLiteral("secret-pw-2");
        QTest::newRow("no name") << QStringLiteral("clerk02") << QStringLiteral("  ") << true
                                 << QStringLiteral("secret-pw-2");
        QTest::newRow("no role") << QStringLiteral("clerk02") << QStringLiteral("李强") << false
                                 << QStringLiteral("secret-pw-2");
        QTest::newRow("short password") << QStringLiteral("clerk02") << QStringLiteral("李强") << true
                                        << QStringLiteral("short");
        QTest::newRow("password is the code")
            << QStringLiteral("clerk0002") << QStringLiteral("李强") << true << QStringLiteral("Clerk0002");
    }

    void addOperatorRefusesBadInput()
    {
        QFETCH(QString, code);
        QFETCH(QString, name);
        QFETCH(bool, withRole);
        QFETCH(QString, password);
        Fixture f;
        const qint64 operators = Sql::scalar(f.db(), QStringLiteral("SELECT count(*) FROM operators")).toLongLong();
        const qint64 audit = f.lastAuditId();
        const QString message = storeErrorOf([&] {
            f.auth->addOperator(code, name, withRole ? QList<Role>{Role::Clerk} : QList<Role>{}, password, f.admin);
        });
        QVERIFY(!message.isEmpty());
        QCOMPARE(Sql::scalar(f.db(), QStringLiteral("SELECT count(*) FROM operators")).toLongLong(), operators);
        QCOMPARE(f.lastAuditId(), audit);
    }

    void unknownOperatorChangesAreRefused()
    {
        Fixture f;
        QVERIFY(storeErrorOf([&] {
                    f.auth->setPassword(QStringLiteral("ghost99"), QStringLiteral("secret-pw-2"), f.admin);
                }).contains(QLatin1String("ghost99")));
        QVERIFY(storeErrorOf([&] {
                    f.auth->setActive(QStringLiteral("ghost99"), false, f.admin);
                }).contains(QLatin1String("ghost99")));
    }

    void approveRequiresTheRole()
    {
        Fixture f;
        f.auth->addOperator(QStringLiteral("super01"), QStringLiteral("王主任"), {Role::Supervisor, Role::Clerk},
                            QStringLiteral("super-secret"), f.admin);

        const auto clerk = f.auth->approve(QStringLiteral("clerk01"), kClerkPassword, Role::Supervisor);
        QCOMPARE(clerk.status, Status::MissingRole);
        QVERIFY(!clerk.op);
        QVERIFY(!clerk.message.isEmpty());

        const auto wrong
            = f.auth->approve(QStringLiteral("super01"), QStringLiteral("wrong-password"), Role::Supervisor);
        QCOMPARE(wrong.status, Status::WrongCredentials);

        const auto supervisor
            = f.auth->approve(QStringLiteral("super01"), QStringLiteral("super-secret"), Role::Supervisor);
        QVERIFY2(supervisor.ok(), qPrintable(supervisor.message));
        QCOMPARE(supervisor.op->code, QStringLiteral("super01"));
        QVERIFY(supervisor.op->hasRole(Role::Supervisor));
        QCOMPARE(f.column(QStringLiteral("failed_attempts"), QStringLiteral("super01")).toInt(), 0);
    }

    void everySignInAndChangeIsAudited()
    {
        Fixture f;
        f.temp.store().setSetting(QStringLiteral("auth.max_failures"), QStringLiteral("2"));
        const qint64 start = f.lastAuditId();
        f.auth->signIn(QStringLiteral("clerk01"), kClerkPassword);
        f.auth->signIn(QStringLiteral("ghost99"), kClerkPassword);
        f.auth->signIn(QStringLiteral("clerk01"), QStringLiteral("wrong-password"));
        f.auth->signIn(QStringLiteral("clerk01"), QStringLiteral("wrong-password"));
        f.auth->signIn(QStringLiteral("clerk01"), kClerkPassword);
        f.auth->approve(QStringLiteral("admin01"), kAdminPassword, Role::Admin);
        f.auth->approve(QStringLiteral("admin01"), kAdminPassword, Role::Supervisor);
        f.auth->setPassword(QStringLiteral("clerk01"), QStringLiteral("brand-new-pw"), f.admin);
        f.auth->setActive(QStringLiteral("clerk01"), false, f.admin);
        f.auth->signIn(QStringLiteral("clerk01"), QStringLiteral("brand-new-pw"));
        f.auth->setActive(QStringLiteral("clerk01"), true, f.admin);

        const QStringList expected{
            QStringLiteral("auth.sign_in"),
            QStringLiteral("auth.sign_in_failed"), // unknown operator
            QStringLiteral("auth.sign_in_failed"), // wrong password
            QStringLiteral("auth.sign_in_failed"), // wrong password, second time
            QStringLiteral("auth.lock"),
            QStringLiteral("auth.sign_in_failed"), // locked
            QStringLiteral("auth.approve"),        QStringLiteral("auth.approve_refused"),
            QStringLiteral("operator.password"),   QStringLiteral("operator.disable"),
            QStringLiteral("auth.sign_in_failed"), // disabled
            QStringLiteral("operator.enable"),
        };
        QCOMPARE(f.actionsAfter(start), expected);

        // Who did it and on which terminal; the reason of each refusal; never a password.
        QSqlQuery rows = Sql::exec(
            f.db(),
            QStringLiteral("SELECT action, operator_id, terminal_code, entity, entity_key, details FROM audit_log "
                           "WHERE id > ? ORDER BY id"),
            {start});
        QStringList reasons;
        while (rows.next()) {
            QCOMPARE(rows.value(2).toString(), QStringLiteral("T01"));
            QCOMPARE(rows.value(3).toString(), QStringLiteral("operator"));
            const QString details = rows.value(5).toString();
            QVERIFY2(!details.contains(QLatin1String("secret")) && !details.contains(QLatin1String("brand-new")),
                     qPrintable(details));
            const QString action = rows.value(0).toString();
            if (action == QLatin1String("auth.sign_in")) {
                QCOMPARE(rows.value(1).toLongLong(), f.clerk.id);
            }
            if (action.startsWith(QLatin1String("operator."))) {
                QCOMPARE(rows.value(1).toLongLong(), f.admin.id);
                QCOMPARE(rows.value(4).toString(), QStringLiteral("clerk01"));
            }
            if (action == QLatin1String("auth.sign_in_failed")) {
                QVERIFY(rows.value(1).isNull());
                reasons << QJsonDocument::fromJson(details.toUtf8())[QLatin1String("reason")].toString();
            }
        }
        QCOMPARE(reasons,
                 (QStringList{QStringLiteral("unknown_operator"), QStringLiteral("wrong_password"),
                              QStringLiteral("wrong_password"), QStringLiteral("locked"), QStringLiteral("disabled")}));

        const auto verification = AuditLog::verify(f.db());
        QVERIFY2(verification.ok, qPrintable(verification.reason));
    }

    void addedOperatorIsAuditedWithItsRoles()
    {
        Fixture f;
        const QString details
            = Sql::scalar(f.db(),
                          QStringLiteral(
                              "SELECT details FROM audit_log WHERE action = 'operator.add' AND entity_key = 'clerk01'"))
                  .toString();
        QCOMPARE(details, QStringLiteral("{\"name\":\"张敏\",\"roles\":[\"clerk\"]}"));
        // The first operator of a store is added without an acting operator.
        QVERIFY(Sql::scalar(f.db(), QStringLiteral("SELECT operator_id FROM audit_log WHERE entity_key = 'admin01'"))
                    .isNull());
    }

    void operatorsAreListed()
    {
        Fixture f;
        f.auth->addOperator(QStringLiteral("coll01"), QStringLiteral("赵刚"), {Role::Collector, Role::Clerk},
                            QStringLiteral("collect-pw"), f.admin);
        const QList<Operator> operators = f.auth->operators();
        QCOMPARE(operators.size(), 3);
        QCOMPARE(operators.at(0).code, QStringLiteral("admin01"));
        QCOMPARE(operators.at(1).code, QStringLiteral("clerk01"));
        QCOMPARE(operators.at(2).code, QStringLiteral("coll01"));
        QCOMPARE(operators.at(2).roles, (QList<Role>{Role::Clerk, Role::Collector}));
        QVERIFY(!operators.at(0).seesPersonalDataMasked());
    }

    void workplaceComesFromTheSettings()
    {
        Fixture f;
        const Workplace place = f.auth->workplace();
        QCOMPARE(place.hallCode, QStringLiteral("H01"));
        QCOMPARE(place.hallName, QStringLiteral("城东供电营业厅"));
        QCOMPARE(place.terminalCode, QStringLiteral("T01"));
        QCOMPARE(place.companyName, QStringLiteral("国网示范市供电公司"));
        QCOMPARE(place.hallId, f.clerk.hallId);
        QVERIFY(place.hallId > 0);
    }

    void roleCodesRoundTrip()
    {
        for (const Role role : {Role::Clerk, Role::Supervisor, Role::Collector, Role::Admin}) {
            QCOMPARE(roleFromCode(roleCode(role)), std::optional<Role>(role));
            QVERIFY(!roleName(role).isEmpty());
        }
        QCOMPARE(roleCode(Role::Supervisor), QStringLiteral("supervisor"));
        QVERIFY(!roleFromCode(u"cashier"));
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "TestAuth.moc"
