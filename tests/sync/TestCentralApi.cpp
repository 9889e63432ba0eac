#include "db/Central.h"
#include "db/CentralMigrator.h"
#include "db/MigrationScripts.h"
#include "tests/support/Cli.h"
#include "tests/support/PgCluster.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <memory>

using namespace HallDesk;

// The centre's functions and views live in db/central/api/*.sql, re-applied by every `central migrate` after the
// numbered migrations (docs/sync.md "Functions and views"): every one of them has its file, a second migrate
// changes nothing, and whatever was changed by hand is put back to what the files say.
class TestCentralApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::PgCluster> m_cluster;
    int m_databases = 0;

    QString freshDatabase()
    {
        const QString url = m_cluster->createDatabase(QStringLiteral("hd_api_%1").arg(++m_databases));
        if (url.isEmpty()) {
            qWarning("%s", qPrintable(m_cluster->error()));
        }
        return url;
    }

    static Test::CliRun migrate(const QString& url)
    {
        return Test::runCli({QStringLiteral("central"), QStringLiteral("migrate"), QStringLiteral("--url"), url});
    }

    // What the api files decide, one line per object: each function and view of schemas central and sync with
    // the md5 of its definition as the server prints it, its owner and its privileges; each table's privileges;
    // each registered event type with its handler.
    static QStringList definitions(const QString& url)
    {
        CentralConnection connection(CentralSettings::fromUrl(url));
        const QString lines = connection
                                  .scalar(QStringLiteral(R"(
SELECT string_agg(line, E'\n' ORDER BY line) FROM (
    SELECT 'function ' || p.oid::regprocedure::text || ' ' || md5(pg_get_functiondef(p.oid)) || ' '
           || p.proowner::regrole::text || ' ' || coalesce(p.proacl::text, '-') AS line
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN ('central', 'sync')
    UNION ALL
    SELECT CASE c.relkind WHEN 'v' THEN 'view ' || c.oid::regclass::text || ' ' || md5(pg_get_viewdef(c.oid))
                          ELSE 'table ' || c.oid::regclass::text END
           || ' ' || c.relowner::regrole::text || ' ' || coalesce(c.relacl::text, '-')
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname IN ('central', 'sync') AND c.relkind IN ('v', 'r', 'S')
    UNION ALL
    SELECT 'event ' || type || ' ' || handler::text || ' ' || md5(description) || ' ' || added_in
    FROM central.event_types) lines)"))
                                  .toString();
        return lines.split(QLatin1Char('\n'));
    }

    // schema.name of every function and view the api files define, from the files compiled into halldeskctl.
    static QSet<QString> definedInApiFiles()
    {
        static const QRegularExpression created(
            QStringLiteral(R"(^CREATE OR REPLACE (?:FUNCTION|VIEW) ([a-z_]+\.[a-z_]+))"),
            QRegularExpression::MultilineOption);
        QSet<QString> names;
        for (const QString& file : CentralMigrator::apiFiles()) {
            const QString text = QString::fromUtf8(readMigrationScript(file));
            for (auto it = created.globalMatch(text); it.hasNext();) {
                names.insert(it.next().captured(1));
            }
        }
        return names;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cluster = std::make_unique<Test::PgCluster>();
        QVERIFY2(m_cluster->isRunning(), qPrintable(m_cluster->error()));
    }
    void cleanupTestCase() { m_cluster.reset(); }

    void theProgramCarriesEveryApiFile()
    {
        const QStringList sources = QDir(QStringLiteral(HALLDESK_SOURCE_DIR "/db/central/api"))
                                        .entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
        QStringList carried;
        for (const QString& file : CentralMigrator::apiFiles()) {
            carried << QFileInfo(file).fileName();
        }
        QVERIFY(!sources.isEmpty());
        QCOMPARE(carried, sources);
        QCOMPARE(CentralMigrator::apiSha256().size(), 64);
    }

    void everyFunctionAndViewLivesInAnApiFile()
    {
        const QString url = freshDatabase();
        QVERIFY(!url.isEmpty());
        const Test::CliRun run = migrate(url);
        QVERIFY2(run.exitCode == 0, run.err.constData());

        CentralConnection connection(CentralSettings::fromUrl(url));
        const QStringList inDatabase = connection
                                           .scalar(QStringLiteral(R"(
SELECT string_agg(name, ',' ORDER BY name) FROM (
    SELECT DISTINCT n.nspname || '.' || p.proname AS name
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN ('central', 'sync')
    UNION
    SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname IN ('central', 'sync') AND c.relkind = 'v') names)"))
                                           .toString()
                                           .split(QLatin1Char(','));
        QVERIFY(inDatabase.size() > 50);
        const QSet<QString> inFiles = definedInApiFiles();
        for (const QString& name : inDatabase) {
            QVERIFY2(inFiles.contains(name), qPrintable(name + QStringLiteral(" has no api file")));
        }
        QCOMPARE(inFiles.size(), inDatabase.size());
    }

    void migrateAgainChangesNothing()
    {
        const QString url = freshDatabase();
        QVERIFY(!url.isEmpty());
        const Test::CliRun first = migrate(url);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QCOMPARE(first.json().value(QStringLiteral("api")).toArray().size(), CentralMigrator::apiFiles().size());
        QCOMPARE(first.json().value(QStringLiteral("api_sha256")).toString(), CentralMigrator::apiSha256());
        const QStringList before = definitions(url);

        const Test::CliRun again = migrate(url);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(again.json().value(QStringLiteral("applied")).toArray().size(), 0);
        // the api files are applied again all the same, and leave every definition as it was
        QCOMPARE(again.json().value(QStringLiteral("api")).toArray(),
                 first.json().value(QStringLiteral("api")).toArray());
        QCOMPARE(definitions(url), before);
    }

    void migratePutsBackWhatWasChangedByHand()
    {
        const QString url = freshDatabase();
        QVERIFY(!url.isEmpty());
        QCOMPARE(migrate(url).exitCode, 0);
        const QStringList migrated = definitions(url);
        {
            CentralConnection admin(CentralSettings::fromUrl(url));
            // a function, a view, a terminal's grant taken away, a grant given to everyone, a handler repointed
            admin.execScript(R"(
SET ROLE halldesk_owner;
CREATE OR REPLACE FUNCTION sync.my_hall_id() RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, central AS $$ SELECT 1 $$;
CREATE OR REPLACE VIEW central.rows_payer_groups AS
    SELECT NULL::integer AS hall_id, g.row_version, g.code, g.name, g.kind FROM central.payer_groups g;
REVOKE EXECUTE ON FUNCTION sync.push(jsonb) FROM halldesk_terminal;
GRANT EXECUTE ON FUNCTION central.add_terminal(text, text, text, text) TO PUBLIC;
UPDATE central.event_types SET handler = 'central.handle_prepaid_refunded(integer, integer, jsonb)'
 WHERE type = 'payment.voided';
RESET ROLE;)");
        }
        const QStringList changed = definitions(url);
        QVERIFY(changed != migrated);

        const Test::CliRun run = migrate(url);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.json().value(QStringLiteral("applied")).toArray().size(), 0);
        QCOMPARE(definitions(url), migrated);
    }

    void migrateBelowTheLatestVersionLeavesTheApiFilesOut()
    {
        // The api files fit the latest schema only; an upgrade stopped on the way keeps its scripts' functions.
        const QString url = freshDatabase();
        QVERIFY(!url.isEmpty());
        CentralConnection connection(CentralSettings::fromUrl(url));
        const CentralMigrator::Result step = CentralMigrator::migrate(connection, 1);
        QCOMPARE(step.to, 1);
        QVERIFY(step.api.isEmpty());
        const CentralMigrator::Result rest = CentralMigrator::migrate(connection);
        QCOMPARE(rest.to, CentralMigrator::latestVersion());
        QCOMPARE(rest.api.size(), CentralMigrator::apiFiles().size());
    }
};

QTEST_GUILESS_MAIN(TestCentralApi)
#include "TestCentralApi.moc"
