#include "app/auth/AuthService.h"
#include "app/demo/DemoGenerator.h"
#include "db/Migrator.h"
#include "db/Sql.h"
#include "db/Store.h"
#include "tests/support/Cli.h"
#include "tests/support/StoreBuilder.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace HallDesk;

namespace {

const QDate kAsOf(2026, 3, 15);
constexpr qint64 kAccounts = 5000;

QString createDemo(const QString& path, qint64 accounts, quint64 seed, QDate asOf = kAsOf)
{
    DemoOptions options;
    options.accounts = accounts;
    options.seed = seed;
    options.asOf = asOf;
    return DemoGenerator(options).create(path).path;
}

qint64 count(const QSqlDatabase& db, const QString& sql, const QVariantList& values = {})
{
    return Sql::scalar(db, sql, values).toLongLong();
}

// A hash over every row of the tables the generator fills, in key order.
QByteArray contentHash(const QSqlDatabase& db)
{
    static const QStringList queries = {
        QStringLiteral("SELECT * FROM accounts ORDER BY id"),
        QStringLiteral("SELECT * FROM contacts ORDER BY account_id"),
        QStringLiteral("SELECT * FROM bills ORDER BY id"),
        QStringLiteral("SELECT * FROM payer_groups ORDER BY id"),
        QStringLiteral("SELECT * FROM payer_group_members ORDER BY group_id, account_id"),
        QStringLiteral("SELECT * FROM transformer_areas ORDER BY id"),
        QStringLiteral("SELECT code, name, hall_id FROM operators ORDER BY id"),
    };
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString& sql : queries) {
        QSqlQuery query = Sql::exec(db, sql);
        while (query.next()) {
            for (int column = 0; column < query.record().count(); ++column) {
                const QVariant value = query.value(column);
                hash.addData(value.isNull() ? QByteArrayLiteral("\\N") : value.toString().toUtf8());
                hash.addData(QByteArrayLiteral("\x1f"));
            }
            hash.addData(QByteArrayLiteral("\x1e"));
        }
    }
    return hash.result();
}

QString schemaOf(const QSqlDatabase& db)
{
    QStringList lines;
    QSqlQuery query = Sql::exec(db,
                                QStringLiteral("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master "
                                               "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"));
    while (query.next()) {
        lines << QStringList{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                             query.value(3).toString()}
                     .join(QLatin1Char(' '));
    }
    return lines.join(QLatin1Char('\n'));
}

bool luhnValid(const QString& digits)
{
    int sum = 0;
    bool twice = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int value = digits.at(i).digitValue();
        if (twice) {
            value *= 2;
            value -= value > 9 ? 9 : 0;
        }
        sum += value;
        twice = !twice;
    }
    return sum % 10 == 0;
}

// Accounts with an unpaid bill whose due date has passed on the as-of date.
const QString kOverdue
    = QStringLiteral("SELECT account_id, sum(amount_fen - paid_fen) AS owed, min(due_date) AS oldest FROM bills "
                     "WHERE status <> 'paid' AND due_date < '2026-03-15' GROUP BY account_id");

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QSqlDatabase db() { return m_store->connection(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("demo.sqlite"));
        createDemo(path, kAccounts, 7);
        m_store = Store::open(path);
    }

    void cleanupTestCase() { m_store.reset(); }

    void sameSeedMakesTheSameStore()
    {
        const QString first = createDemo(m_dir.filePath(QStringLiteral("a.sqlite")), 1500, 42);
        const QString second = createDemo(m_dir.filePath(QStringLiteral("b.sqlite")), 1500, 42);
        const QString other = createDemo(m_dir.filePath(QStringLiteral("c.sqlite")), 1500, 43);
        QByteArray hashes[3];
        const QString paths[3] = {first, second, other};
        for (int i = 0; i < 3; ++i) {
            auto store = Store::open(paths[i]);
            QCOMPARE(count(store->connection(), QStringLiteral("SELECT count(*) FROM accounts")), 1500);
            hashes[i] = contentHash(store->connection());
        }
        QCOMPARE(hashes[0], hashes[1]);
        QVERIFY(hashes[0] != hashes[2]);
    }

    void classMixIsRealistic()
    {
        const auto share = [this](const char* customerClass) {
            return double(count(db(), QStringLiteral("SELECT count(*) FROM accounts WHERE customer_class = ?"),
                                {QString::fromLatin1(customerClass)}))
                / double(kAccounts);
        };
        QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM accounts")), kAccounts);
        QVERIFY2(share("residential") >= 0.85 && share("residential") <= 0.91,
                 qPrintable(QString::number(share("residential"))));
        QVERIFY2(share("commercial") >= 0.07 && share("commercial") <= 0.11,
                 qPrintable(QString::number(share("commercial"))));
        QVERIFY2(share("industrial") >= 0.005 && share("industrial") <= 0.016,
                 qPrintable(QString::number(share("industrial"))));
        QVERIFY2(share("agricultural") >= 0.01 && share("agricultural") <= 0.03,
                 qPrintable(QString::number(share("agricultural"))));
        // Companies are named as companies.
        QVERIFY(count(db(),
                      QStringLiteral("SELECT count(*) FROM accounts WHERE customer_class = 'industrial' "
                                     "AND name NOT LIKE '%公司'"))
                == 0);
    }

    void everyAccountHasThirteenMonthlyBills()
    {
        QCOMPARE(count(db(),
                       QStringLiteral("SELECT count(*) FROM (SELECT account_id FROM bills GROUP BY account_id "
                                      "HAVING count(*) = 13 AND count(DISTINCT period) = 13)")),
                 kAccounts);
        QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM bills")), kAccounts * 13);
        QCOMPARE(Sql::scalar(db(), QStringLiteral("SELECT min(period) FROM bills")).toString(),
                 QStringLiteral("2025-02"));
        QCOMPARE(Sql::scalar(db(), QStringLiteral("SELECT max(period) FROM bills")).toString(),
                 QStringLiteral("2026-02"));
        // Issued on the 5th and due on the 25th of the following month.
        QCOMPARE(count(db(),
                       QStringLiteral("SELECT count(*) FROM bills WHERE issue_date <> date(period || '-01', "
                                      "'+1 month', '+4 days') OR due_date <> date(period || '-01', '+1 month', "
                                      "'+24 days')")),
                 0);
        // Nothing is issued or paid after the as-of date; paid, partial and open bills are consistent.
        QCOMPARE(count(db(),
                       QStringLiteral("SELECT count(*) FROM bills WHERE issue_date > '2026-03-15' "
                                      "OR paid_on > '2026-03-15'")),
                 0);
        QCOMPARE(count(db(),
                       QStringLiteral("SELECT count(*) FROM bills WHERE NOT ("
                                      "(status = 'paid' AND paid_fen = amount_fen AND paid_on IS NOT NULL) OR "
                                      "(status = 'open' AND paid_fen = 0 AND paid_on IS NULL) OR "
                                      "(status = 'partial' AND paid_fen > 0 AND paid_fen < amount_fen "
                                      "AND paid_on > due_date))")),
                 0);
        QVERIFY(count(db(), QStringLiteral("SELECT count(*) FROM bills WHERE paid_on > due_date AND status = 'paid'"))
                > 0); // some pay late
    }

    void billsBeforeTheFifthEndAMonthEarlier()
    {
        const QString path = m_dir.filePath(QStringLiteral("early.sqlite"));
        createDemo(path, 40, 1, QDate(2026, 3, 4));
        auto store = Store::open(path);
        QCOMPARE(Sql::scalar(store->connection(), QStringLiteral("SELECT max(period) FROM bills")).toString(),
                 QStringLiteral("2026-01"));
        QCOMPARE(Sql::scalar(store->connection(), QStringLiteral("SELECT max(issue_date) FROM bills")).toString(),
                 QStringLiteral("2026-02-05"));
    }

    void amountsFollowTheTariffs()
    {
        // 居民阶梯: 0.538 up to 230 kWh, 0.588 to 420 kWh, 0.838 beyond, in thousandths of a yuan, rounded to the fen.
        QCOMPARE(
            count(db(),
                  QStringLiteral("SELECT count(*) FROM bills JOIN accounts ON accounts.id = bills.account_id WHERE "
                                 "amount_fen <> (CASE customer_class "
                                 "WHEN 'residential' THEN min(kwh, 230) * 538 + max(min(kwh, 420) - 230, 0) * 588 "
                                 "+ max(kwh - 420, 0) * 838 "
                                 "WHEN 'commercial' THEN kwh * 665 WHEN 'industrial' THEN kwh * 601 "
                                 "ELSE kwh * 479 END + 5) / 10")),
            0);
        // Homes use some hundreds of kWh a month on average, more in summer than in spring.
        const qint64 average = count(db(),
                                     QStringLiteral("SELECT avg(kwh) FROM bills JOIN accounts ON accounts.id = "
                                                    "bills.account_id WHERE customer_class = 'residential'"));
        QVERIFY2(average > 120 && average < 400, qPrintable(QString::number(average)));
        QVERIFY(count(db(),
                      QStringLiteral("SELECT avg(kwh) FROM bills JOIN accounts ON accounts.id = bills.account_id "
                                     "WHERE customer_class = 'residential' AND period = '2025-08'"))
                > count(db(),
                        QStringLiteral("SELECT avg(kwh) FROM bills JOIN accounts ON accounts.id = bills.account_id "
                                       "WHERE customer_class = 'residential' AND period = '2025-04'")));
    }

    void arrearsAreARealisticShare()
    {
        const qint64 inArrears = count(db(), QStringLiteral("SELECT count(*) FROM (%1)").arg(kOverdue));
        QVERIFY2(inArrears >= kAccounts * 3 / 100 && inArrears <= kAccounts * 5 / 100,
                 qPrintable(QString::number(inArrears)));
        QVERIFY(count(db(), QStringLiteral("SELECT count(*) FROM (%1) WHERE owed > 50000").arg(kOverdue)) > 0);
        QVERIFY(count(db(),
                      QStringLiteral("SELECT count(*) FROM (%1) WHERE julianday('2026-03-15') - "
                                     "julianday(oldest) > 90")
                          .arg(kOverdue))
                > 0);
        QVERIFY(count(db(), QStringLiteral("SELECT count(*) FROM bills WHERE status = 'partial'")) > 0);

        const qint64 disconnected
            = count(db(), QStringLiteral("SELECT count(*) FROM accounts WHERE status = 'disconnected'"));
        QVERIFY2(disconnected >= 1 && disconnected <= kAccounts / 200, qPrintable(QString::number(disconnected)));
        // Cut off only for long arrears.
        QCOMPARE(count(db(),
                       QStringLiteral("SELECT count(*) FROM accounts LEFT JOIN (%1) o ON o.account_id = accounts.id "
                                      "WHERE status = 'disconnected' AND (o.oldest IS NULL OR "
                                      "julianday('2026-03-15') - julianday(o.oldest) <= 60)")
                           .arg(kOverdue)),
                 0);
    }

    void riskLevelsFollowArrears()
    {
        // Low risk never owes an overdue bill; arrears older than 90 days and disconnection are high risk.
        QCOMPARE(count(db(),
                       QStringLiteral("SELECT count(*) FROM accounts JOIN (%1) o ON o.account_id = accounts.id "
                                      "WHERE risk_level = 'low'")
                           .arg(kOverdue)),
                 0);
        QCOMPARE(count(db(),
                       QStringLiteral("SELECT count(*) FROM accounts JOIN (%1) o ON o.account_id = accounts.id "
                                      "WHERE julianday('2026-03-15') - julianday(o.oldest) > 90 "
                                      "AND risk_level <> 'high'")
                           .arg(kOverdue)),
                 0);
        QCOMPARE(count(db(),
                       QStringLiteral("SELECT count(*) FROM accounts WHERE status = 'disconnected' "
                                      "AND risk_level <> 'high'")),
                 0);
        QVERIFY(count(db(), QStringLiteral("SELECT count(*) FROM accounts WHERE risk_level = 'medium'")) > 0);
        // A prepaid balance is spent on bills as they are issued: such accounts owe nothing.
        QVERIFY(count(db(), QStringLiteral("SELECT count(*) FROM accounts WHERE prepaid_fen > 0")) > 0);
        QCOMPARE(count(db(),
                       QStringLiteral("SELECT count(*) FROM accounts JOIN bills ON bills.account_id = accounts.id "
                                      "WHERE prepaid_fen > 0 AND bills.status <> 'paid'")),
                 0);
    }

    void accountNumbersAreUniqueAndFollowTheRule()
    {
        QSqlQuery query = Sql::exec(db(), QStringLiteral("SELECT account_no, hall_id, meter_no FROM accounts"));
        static const QRegularExpression accountShape(QStringLiteral("^33[1-6]\\d{7}$"));
        static const QRegularExpression meterShape(QStringLiteral("^[56]\\d{12}$"));
        QSet<QString> accounts;
        QSet<QString> meters;
        while (query.next()) {
            const QString accountNo = query.value(0).toString();
            QVERIFY2(accountShape.match(accountNo).hasMatch(), qPrintable(accountNo));
            QVERIFY2(luhnValid(accountNo), qPrintable(accountNo));
            QCOMPARE(accountNo.at(2).digitValue(), query.value(1).toInt()); // the hall's number
            const QString meterNo = query.value(2).toString();
            QVERIFY2(meterShape.match(meterNo).hasMatch(), qPrintable(meterNo));
            accounts.insert(accountNo);
            meters.insert(meterNo);
        }
        QCOMPARE(accounts.size(), kAccounts);
        QCOMPARE(meters.size(), kAccounts);
        // Account numbers grow with the id within a hall.
        QCOMPARE(count(db(),
                       QStringLiteral("SELECT count(*) FROM accounts a JOIN accounts b ON b.id = a.id + 1 "
                                      "WHERE b.account_no <= a.account_no")),
                 0);
    }

    // The demo store, like every hall cache, keeps ID numbers masked: the region code and the last four characters
    // (docs/security.md). The full numbers exist only at the centre (TestCentralDemo checks them there).
    void residentialHoldersHaveMaskedIdCards()
    {
        QSqlQuery query = Sql::exec(db(), QStringLiteral("SELECT id_card_no, customer_class FROM accounts"));
        static const QRegularExpression shape(QStringLiteral("^\\d{6}\\*{8}\\d{3}[\\dX]$"));
        int masked = 0;
        while (query.next()) {
            const QString number = query.value(0).toString();
            if (query.value(1).toString() != QLatin1String("residential")) {
                QVERIFY(number.isEmpty());
                continue;
            }
            QVERIFY2(shape.match(number).hasMatch(), qPrintable(number));
            ++masked;
        }
        QVERIFY(masked > kAccounts / 2);
    }

    void contactsLookReal()
    {
        QCOMPARE(
            count(db(),
                  QStringLiteral("SELECT count(*) FROM accounts JOIN contacts ON contacts.account_id = accounts.id")),
            kAccounts);
        QCOMPARE(count(db(),
                       QStringLiteral("SELECT count(*) FROM contacts WHERE mobile <> '' AND NOT "
                                      "(length(mobile) = 11 AND mobile GLOB '1[3589][0-9]*' AND "
                                      "mobile NOT GLOB '*[^0-9]*')")),
                 0);
        QCOMPARE(count(db(),
                       QStringLiteral("SELECT count(*) FROM contacts WHERE phone <> '' AND phone NOT GLOB "
                                      "'0571-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'")),
                 0);
        QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM contacts WHERE mobile = '' AND phone = ''")), 0);
        QVERIFY(count(db(), QStringLiteral("SELECT count(*) FROM contacts WHERE wechat <> ''")) > 0);
        QVERIFY(count(db(), QStringLiteral("SELECT count(*) FROM contacts WHERE email LIKE '%_@_%._%'")) > 0);
        // A share of contact cards is stale (older than a year), none is from the future.
        const qint64 stale
            = count(db(), QStringLiteral("SELECT count(*) FROM contacts WHERE updated_at < '2025-03-15'"));
        QVERIFY2(stale > kAccounts / 5 && stale < kAccounts * 7 / 10, qPrintable(QString::number(stale)));
        QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM contacts WHERE updated_at > '2026-03-16'")), 0);
    }

    void payerGroupsHoldFamiliesAndCompanies()
    {
        QVERIFY(count(db(), QStringLiteral("SELECT count(*) FROM payer_groups WHERE kind = 'family'")) > 0);
        QVERIFY(count(db(), QStringLiteral("SELECT count(*) FROM payer_groups WHERE kind = 'company'")) >= 2);
        QCOMPARE(count(db(),
                       QStringLiteral("SELECT count(*) FROM payer_groups g WHERE "
                                      "(SELECT count(*) FROM payer_group_members m WHERE m.group_id = g.id) < 2")),
                 0);
        // A family: residential accounts with one surname and one phone.
        QCOMPARE(count(db(),
                       QStringLiteral("SELECT count(*) FROM (SELECT g.id FROM payer_groups g "
                                      "JOIN payer_group_members m ON m.group_id = g.id "
                                      "JOIN accounts a ON a.id = m.account_id JOIN contacts c ON c.account_id = a.id "
                                      "WHERE g.kind = 'family' GROUP BY g.id HAVING count(DISTINCT c.mobile) <> 1 "
                                      "OR count(DISTINCT substr(a.name, 1, 1)) <> 1 "
                                      "OR sum(a.customer_class <> 'residential') > 0)")),
                 0);
        // A company: its name on accounts in several halls.
        QCOMPARE(count(db(),
                       QStringLiteral("SELECT count(*) FROM (SELECT g.id FROM payer_groups g "
                                      "JOIN payer_group_members m ON m.group_id = g.id "
                                      "JOIN accounts a ON a.id = m.account_id WHERE g.kind = 'company' "
                                      "GROUP BY g.id HAVING count(DISTINCT a.hall_id) < 2 "
                                      "OR sum(a.name <> g.name) > 0)")),
                 0);
    }

    void collectorsWorkByTransformerArea()
    {
        QCOMPARE(count(db(),
                       QStringLiteral("SELECT count(*) FROM accounts a LEFT JOIN transformer_areas t "
                                      "ON t.id = a.area_id WHERE t.id IS NULL OR a.collector_id IS NOT t.collector_id "
                                      "OR t.hall_id <> a.hall_id")),
                 0);
        QCOMPARE(count(db(),
                       QStringLiteral("SELECT count(*) FROM transformer_areas t JOIN operators o "
                                      "ON o.id = t.collector_id LEFT JOIN operator_roles r ON r.operator_id = o.id "
                                      "AND r.role = 'collector' WHERE r.role IS NULL OR o.hall_id <> t.hall_id")),
                 0);
        QVERIFY(count(db(), QStringLiteral("SELECT count(DISTINCT hall_id) FROM transformer_areas")) >= 4);
    }

    void workplaceIsTheFirstHall()
    {
        QCOMPARE(m_store->setting(QStringLiteral("hall.code")), QStringLiteral("H01"));
        QCOMPARE(m_store->setting(QStringLiteral("terminal.code")), QStringLiteral("T01"));
        const qint64 halls = count(db(), QStringLiteral("SELECT count(*) FROM halls"));
        QVERIFY(halls >= 4 && halls <= 6);
        QCOMPARE(count(db(), QStringLiteral("SELECT id FROM halls WHERE code = 'H01'")), 1);
        QVERIFY(count(db(), QStringLiteral("SELECT count(*) FROM accounts WHERE hall_id = 1")) > 0);
    }

    void demoOperatorsCanSignIn()
    {
        AuthService auth(*m_store);
        const QStringList codes = DemoGenerator::operatorCodes();
        for (const QString& code : {QStringLiteral("clerk01"), QStringLiteral("clerk02"), QStringLiteral("super01"),
                                    QStringLiteral("coll01"), QStringLiteral("admin01")}) {
            QVERIFY(codes.contains(code));
        }
        const QList<QPair<QString, Role>> expected = {{QStringLiteral("clerk01"), Role::Clerk},
                                                      {QStringLiteral("clerk02"), Role::Clerk},
                                                      {QStringLiteral("super01"), Role::Supervisor},
                                                      {QStringLiteral("coll01"), Role::Collector},
                                                      {QStringLiteral("admin01"), Role::Admin}};
        for (const auto& [code, role] : expected) {
            const AuthService::SignIn result = auth.signIn(code, DemoGenerator::password());
            QVERIFY2(result.ok(), qPrintable(code + QLatin1String(": ") + result.message));
            QVERIFY(result.op->hasRole(role));
        }
        QVERIFY(!auth.signIn(QStringLiteral("clerk01"), QStringLiteral("not-the-password")).ok());
        // One hash serves every demo operator.
        QCOMPARE(count(db(), QStringLiteral("SELECT count(DISTINCT password_hash) FROM operators")), 1);
    }

    void schemaEqualsAFreshStore()
    {
        QTemporaryDir dir;
        auto fresh = Store::open(dir.filePath(QStringLiteral("fresh.sqlite")), Store::OpenMode::CreateIfMissing);
        QCOMPARE(schemaOf(db()), schemaOf(fresh->connection()));
        QCOMPARE(Migrator::currentVersion(db()), Migrator::latestVersion());
        QCOMPARE(Sql::scalar(db(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        // integrity_check covers the CHECK constraints the load left to the generator.
        QCOMPARE(Sql::scalar(db(), QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QVERIFY(!Sql::exec(db(), QStringLiteral("PRAGMA foreign_key_check")).next());
    }

    void searchTablesAreWhatTheTriggersWouldHaveMade()
    {
        Sql::exec(db(), QStringLiteral("INSERT INTO account_search (account_search) VALUES ('integrity-check')"));
        const QString triggerGrams = QStringLiteral(
            "SELECT substr(accounts.name, start, len), accounts.id FROM accounts JOIN name_gram_slices "
            "WHERE start + len - 1 <= length(accounts.name)");
        QCOMPARE(count(db(),
                       QStringLiteral("SELECT count(*) FROM (%1 EXCEPT SELECT gram, account_id FROM name_grams)")
                           .arg(triggerGrams)),
                 0);
        QCOMPARE(count(db(),
                       QStringLiteral("SELECT count(*) FROM (SELECT gram, account_id FROM name_grams EXCEPT %1)")
                           .arg(triggerGrams)),
                 0);
        // A fragment of an address finds its account through the full-text index.
        QSqlQuery sample
            = Sql::exec(db(), QStringLiteral("SELECT id, substr(address, 4, 6) FROM accounts WHERE id = 1234"));
        QVERIFY(sample.next());
        QVERIFY(count(db(),
                      QStringLiteral("SELECT count(*) FROM account_search WHERE account_search MATCH ? AND rowid = ?"),
                      {QStringLiteral("\"%1\"").arg(sample.value(1).toString()), sample.value(0)})
                == 1);
    }

    void newAccountsAreIndexedByTheRestoredTriggers()
    {
        const QString path = m_dir.filePath(QStringLiteral("triggers.sqlite"));
        createDemo(path, 30, 3);
        auto store = Store::open(path);
        QSqlDatabase small = store->connection();
        Test::StoreBuilder(small).account({.id = 1000,
                                           .accountNo = QStringLiteral("3319999998"),
                                           .name = QStringLiteral("诸葛孔明"),
                                           .customerClass = QStringLiteral("residential"),
                                           .address = QStringLiteral("上城区测试路卧龙岗1幢"),
                                           .hallId = 1,
                                           .meterNo = QStringLiteral("5100000000001"),
                                           .updatedAt = QStringLiteral("2026-03-15T00:00:00Z")});
        QCOMPARE(
            count(small, QStringLiteral("SELECT count(*) FROM name_grams WHERE gram = '孔明' AND account_id = 1000")),
            1);
        QCOMPARE(
            count(small, QStringLiteral("SELECT count(*) FROM account_search WHERE account_search MATCH '卧龙岗'")), 1);
    }

    void existingFilesAreNeverOverwritten()
    {
        const QString path = m_dir.filePath(QStringLiteral("taken.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("precious");
        file.close();
        const Test::CliRun run = Test::runCli(
            {QStringLiteral("demo"), QStringLiteral("--db"), path, QStringLiteral("--accounts"), QStringLiteral("10")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("precious"));
        file.close();
        try {
            createDemo(path, 10, 1);
            QFAIL("the demo overwrote a file");
        } catch (const StoreError& error) {
            QVERIFY(error.message().contains(QStringLiteral("exists")));
        }
    }

    void commandPrintsItsSummary()
    {
        const QString path = m_dir.filePath(QStringLiteral("cli.sqlite"));
        const Test::CliRun run = Test::runCli(
            {QStringLiteral("demo"), QStringLiteral("--db"), path, QStringLiteral("--accounts"), QStringLiteral("300"),
             QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--as-of"), QStringLiteral("2026-03-15")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject summary = run.json();
        QCOMPARE(summary.value(QStringLiteral("accounts")).toInteger(), 300);
        QCOMPARE(summary.value(QStringLiteral("bills")).toInteger(), 300 * 13);
        QCOMPARE(summary.value(QStringLiteral("halls")).toInteger(), 6);
        QVERIFY(summary.value(QStringLiteral("operators")).toInteger() >= 5);
        QCOMPARE(summary.value(QStringLiteral("path")).toString(), path);
        QCOMPARE(summary.value(QStringLiteral("as_of")).toString(), QStringLiteral("2026-03-15"));
        QVERIFY(summary.value(QStringLiteral("seconds")).isDouble());
        QVERIFY(run.err.contains("300 of 300"));
        auto store = Store::open(path);
        QCOMPARE(count(store->connection(), QStringLiteral("SELECT count(*) FROM accounts")), 300);
    }

    void badOptionsAreRefused_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addRow("no accounts") << QStringList{QStringLiteral("--accounts"), QStringLiteral("0")};
        QTest::addRow("too many accounts") << QStringList{QStringLiteral("--accounts"), QStringLiteral("3000001")};
        QTest::addRow("words for accounts") << QStringList{QStringLiteral("--accounts"), QStringLiteral("many")};
        QTest::addRow("negative seed") << QStringList{QStringLiteral("--seed"), QStringLiteral("-1")};
        QTest::addRow("impossible date") << QStringList{QStringLiteral("--as-of"), QStringLiteral("2026-02-30")};
        QTest::addRow("date in another shape") << QStringList{QStringLiteral("--as-of"), QStringLiteral("15.3.2026")};
    }

    void badOptionsAreRefused()
    {
        QFETCH(QStringList, options);
        const QString path = m_dir.filePath(QStringLiteral("refused.sqlite"));
        const Test::CliRun run
            = Test::runCli(QStringList{QStringLiteral("demo"), QStringLiteral("--db"), path} + options);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "TestDemo.moc"
