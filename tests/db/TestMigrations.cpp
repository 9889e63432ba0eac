#include "db/Migrator.h"
#include "db/Sql.h"
#include "db/Store.h"
#include "tests/support/StoreBuilder.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace HallDesk;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// The store's schema as text, to compare stores built by different upgrade paths.
QString schemaOf(const QSqlDatabase& db)
{
    QStringList lines;
    QSqlQuery query = Sql::exec(
        db,
        QStringLiteral("SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                       "ORDER BY type, name"));
    while (query.next()) {
        lines << query.value(0).toString() + QLatin1Char(' ') + query.value(1).toString() + QLatin1Char(' ')
                + query.value(2).toString();
    }
    return lines.join(QLatin1Char('\n'));
}

void expectStoreError(const QString& path, const QString& fragment)
{
    try {
        Store::open(path, Store::OpenMode::CreateIfMissing);
        QFAIL("the store was opened");
    } catch (const StoreError& error) {
        QVERIFY2(error.message().contains(fragment), qPrintable(error.message()));
    }
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshStoreHasLatestVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.sqlite"));
        auto store = Store::open(path, Store::OpenMode::CreateIfMissing);
        QSqlDatabase db = store->connection();
        QCOMPARE(Migrator::currentVersion(db), Migrator::latestVersion());
        QVERIFY(Migrator::latestVersion() >= 1);
        QCOMPARE(Sql::scalar(db, QStringLiteral("PRAGMA application_id")).toInt(), Migrator::kApplicationId);
        QCOMPARE(Sql::scalar(db, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(Sql::scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(Sql::scalar(db, QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
        // The built-in 1996 late-fee policy is data in the store.
        QCOMPARE(
            Sql::scalar(db, QStringLiteral("SELECT count(*) FROM late_fee_rates WHERE policy_id = '1996'")).toInt(), 8);
        QCOMPARE(store->setting(QStringLiteral("late_fee.policy")), QStringLiteral("1996"));
    }

    void reopeningChangesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("again.sqlite"));
        Store::open(path, Store::OpenMode::CreateIfMissing).reset();
        auto store = Store::open(path);
        QSqlDatabase db = store->connection();
        QCOMPARE(Sql::scalar(db, QStringLiteral("SELECT count(*) FROM schema_version")).toInt(),
                 Migrator::latestVersion());
    }

    void missingFileIsRefusedWithoutCreate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("absent.sqlite"));
        try {
            Store::open(path);
            QFAIL("a missing store was opened");
        } catch (const StoreError& error) {
            QVERIFY(error.message().contains(QStringLiteral("no store")));
        }
        QVERIFY(!QFile::exists(path));
    }

    // Every earlier version upgrades to the same schema as a fresh store.
    void everyEarlierVersionUpgrades_data()
    {
        QTest::addColumn<int>("from");
        for (int version = 0; version < Migrator::latestVersion(); ++version) {
            QTest::addRow("from v%d", version) << version;
        }
    }

    void everyEarlierVersionUpgrades()
    {
        QFETCH(int, from);
        QTemporaryDir dir;
        const QString freshPath = dir.filePath(QStringLiteral("fresh.sqlite"));
        const QString oldPath = dir.filePath(QStringLiteral("old.sqlite"));
        auto fresh = Store::open(freshPath, Store::OpenMode::CreateIfMissing);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(oldPath);
            QVERIFY(db.open());
            Migrator::migrate(db, oldPath, from);
            QCOMPARE(Migrator::currentVersion(db), from);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        auto upgraded = Store::open(oldPath);
        QCOMPARE(Migrator::currentVersion(upgraded->connection()), Migrator::latestVersion());
        QCOMPARE(schemaOf(upgraded->connection()), schemaOf(fresh->connection()));
    }

    void newerStoreIsRefusedAndUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.sqlite"));
        {
            auto store = Store::open(path, Store::OpenMode::CreateIfMissing);
            Sql::exec(
                store->connection(),
                QStringLiteral("INSERT INTO schema_version (version, name, applied_at) VALUES (?, 'future', 'x')"),
                {Migrator::latestVersion() + 1});
            Sql::exec(store->connection(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        const QByteArray before = fileHash(path);
        expectStoreError(path, QStringLiteral("newer HallDesk"));
        QCOMPARE(fileHash(path), before);
    }

    void textFileIsNotAStore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("account,name\n3300000001,张三\n");
        file.close();
        const QByteArray before = fileHash(path);
        expectStoreError(path, QStringLiteral("not an SQLite database"));
        QCOMPARE(fileHash(path), before);
    }

    void foreignSqliteFileIsNotAStore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            Sql::exec(db, QStringLiteral("CREATE TABLE songs (title TEXT)"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        expectStoreError(path, QStringLiteral("not a HallDesk store"));
    }

    void corruptStoreGetsAMessage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.sqlite"));
        {
            auto store = Store::open(path, Store::OpenMode::CreateIfMissing);
            Sql::exec(store->connection(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        QVERIFY(bytes.size() > 8192);
        // Keep the 100-byte header, overwrite the schema page and what follows.
        for (qsizetype i = 100; i < bytes.size(); ++i) {
            bytes[i] = char(0xA5 ^ (i & 0xFF));
        }
        file.seek(0);
        file.write(bytes);
        file.close();
        expectStoreError(path, QStringLiteral("damaged"));
    }

    // Version 7 replaces the full ID numbers of an existing store by masked ones, and the old numbers do not survive
    // anywhere in the file: not in free pages (the rows were rewritten several times, as pulls do) nor in the WAL.
    void version7MasksTheIdNumbersOfAnExistingStore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v6.sqlite"));
        const QStringList full{QStringLiteral("330102197701232952"), QStringLiteral("33010219850312401x"),
                               QStringLiteral("330102850312401")}; // the last one: 15 digits, before 1999
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v6"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            Migrator::migrate(db, path, 6);
            // Debian's SQLite zeroes deleted content (SECURE_DELETE); other builds, and stores made by them, do not
            Sql::exec(db, QStringLiteral("PRAGMA secure_delete = OFF"));
            Sql::exec(db, QStringLiteral("INSERT INTO halls (id, code, name) VALUES (1, 'H01', '城东')"));
            const Test::StoreBuilder rows(db);
            for (int i = 0; i < full.size(); ++i) {
                rows.account({.accountNo = QStringLiteral("330000000%1").arg(i),
                              .name = QStringLiteral("张三"),
                              .address = QStringLiteral("幸福街1号"),
                              .hallId = 1,
                              .meterNo = QStringLiteral("M1"),
                              .idCardNo = full.at(i)});
            }
            // accounts that left the hall: their rows are gone, their numbers still sit in the file's free pages
            for (int i = 0; i < 300; ++i) {
                rows.account({.accountNo = QStringLiteral("331%1").arg(i, 7, 10, QLatin1Char('0')),
                              .name = QStringLiteral("王五"),
                              .address = QString(200, u'路'),
                              .hallId = 1,
                              .meterNo = QStringLiteral("M2"),
                              .idCardNo = QStringLiteral("4401061980%1").arg(i, 8, 10, QLatin1Char('0'))});
            }
            Sql::exec(db, QStringLiteral("DELETE FROM accounts WHERE account_no LIKE '331%'"));
            rows.account({.accountNo = QStringLiteral("3300000009"),
                          .name = QStringLiteral("李四"),
                          .address = QStringLiteral(""),
                          .hallId = 1,
                          .meterNo = QStringLiteral("M9"),
                          .idCardNo = QStringLiteral("")});
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v6"));

        {
            auto store = Store::open(path);
            QCOMPARE(Migrator::currentVersion(store->connection()), Migrator::latestVersion());
            QSqlQuery query
                = Sql::exec(store->connection(), QStringLiteral("SELECT id_card_no FROM accounts ORDER BY account_no"));
            QStringList masked;
            while (query.next()) {
                masked << query.value(0).toString();
            }
            QCOMPARE(masked,
                     (QStringList{QStringLiteral("330102********2952"), QStringLiteral("330102********401x"),
                                  QStringLiteral("330102*****2401"), QString()}));
        }
        for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
            QFile file(path + suffix);
            if (!file.open(QIODevice::ReadOnly)) {
                continue;
            }
            const QByteArray bytes = file.readAll();
            for (const QString& number : full) {
                QVERIFY2(!bytes.contains(number.toLatin1()),
                         qPrintable(number + QStringLiteral(" in ") + file.fileName()));
                QVERIFY2(!bytes.contains(number.mid(6, 8).toLatin1()),
                         qPrintable(number + QStringLiteral(": birth date")));
            }
            QVERIFY2(!bytes.contains("4401061980"),
                     qPrintable(QStringLiteral("a deleted account's number in ") + file.fileName()));
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
