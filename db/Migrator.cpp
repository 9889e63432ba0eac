#include "db/Migrator.h"

#include "db/MigrationScripts.h"
#include "db/Sql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QMap>

namespace HallDesk {

namespace {

QMap<int, QString> localScripts()
{
    static const QMap<int, QString> scripts = migrationScripts(QStringLiteral(":/db/local"));
    return scripts;
}

} // namespace

int Migrator::latestVersion()
{
    const QMap<int, QString> scripts = localScripts();
    return scripts.isEmpty() ? 0 : scripts.lastKey();
}

int Migrator::currentVersion(const QSqlDatabase& db)
{
    const bool hasTable
        = Sql::scalar(
              db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"))
              .toInt()
        > 0;
    if (!hasTable) {
        return 0;
    }
    return Sql::scalar(db, QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version")).toInt();
}

void Migrator::migrate(const QSqlDatabase& db, const QString& path, int target)
{
    int applicationId = 0;
    int objects = 0;
    try {
        applicationId = Sql::scalar(db, QStringLiteral("PRAGMA application_id")).toInt();
        objects = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master")).toInt();
    } catch (const StoreError& error) {
        throw StoreError(QCoreApplication::translate("Migrator", "%1 is damaged or is not a HallDesk store: %2")
                             .arg(path, error.message()));
    }
    if (objects > 0 && applicationId != kApplicationId) {
        throw StoreError(
            QCoreApplication::translate("Migrator", "%1 is an SQLite database, but not a HallDesk store.").arg(path));
    }

    const int current = currentVersion(db);
    const int latest = latestVersion();
    if (current > latest) {
        throw StoreError(QCoreApplication::translate(
                             "Migrator",
                             "%1 was written by a newer HallDesk (store version %2; this program knows up to %3). "
                             "Install the newer HallDesk; the file was left untouched.")
                             .arg(path)
                             .arg(current)
                             .arg(latest));
    }

    const QMap<int, QString> scripts = localScripts();
    for (auto it = scripts.constBegin(); it != scripts.constEnd(); ++it) {
        if (it.key() <= current || (target >= 0 && it.key() > target)) {
            continue;
        }
        const QString script = QString::fromUtf8(readMigrationScript(it.value()));
        Sql::Transaction transaction(db);
        try {
            Sql::execScript(db, script);
        } catch (const StoreError& error) {
            throw StoreError(QCoreApplication::translate("Migrator", "Upgrading %1 to version %2 failed: %3")
                                 .arg(path)
                                 .arg(it.key())
                                 .arg(error.message()));
        }
        Sql::exec(db, QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId));
        Sql::exec(db, QStringLiteral("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)"),
                  {it.key(), QFileInfo(it.value()).fileName(), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
        transaction.commit();
    }
}

} // namespace HallDesk
