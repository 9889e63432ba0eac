#include "db/CentralMigrator.h"

#include "db/Central.h"
#include "db/MigrationScripts.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QMap>

namespace HallDesk {

namespace {

// "HDCM": the advisory lock every central migrator takes inside its transaction.
constexpr qint64 kMigrationLock = 0x4844434D;

QMap<int, QString> centralScripts()
{
    static const QMap<int, QString> scripts = migrationScripts(QStringLiteral(":/db/central"));
    return scripts;
}

QStringList centralApiFiles()
{
    static const QStringList files = [] {
        const QDir dir(QStringLiteral(":/db/central/api"));
        QStringList paths;
        for (const QString& name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
            paths << dir.filePath(name);
        }
        return paths;
    }();
    return files;
}

void rollback(CentralConnection& connection)
{
    try {
        connection.execScript("ROLLBACK");
    } catch (const StoreError&) {
        // the connection is gone: the server rolls back by itself
    }
}

void refuseNewer(const CentralConnection& connection, int current, int latest)
{
    if (current > latest) {
        throw StoreError(
            CentralMigrator::tr("The central database %1 is at version %2, newer than this HallDesk knows (up to %3). "
                                "Install the newer HallDesk; the database was left untouched.")
                .arg(connection.settings().redactedUrl())
                .arg(current)
                .arg(latest));
    }
}

// Every api file, in one transaction under the migration lock: the functions and views as this program knows
// them, whatever an earlier run or a hand left there (CREATE OR REPLACE keeps owners, privileges and oids).
void applyApi(CentralConnection& connection, int latest)
{
    connection.execScript("BEGIN");
    try {
        connection.execScript("SELECT pg_advisory_xact_lock(" + QByteArray::number(kMigrationLock) + ")");
        // under the lock: a newer migrator may have gone first
        refuseNewer(connection, CentralMigrator::currentVersion(connection), latest);
        for (const QString& file : centralApiFiles()) {
            try {
                connection.execScript(readMigrationScript(file));
            } catch (const StoreError& error) {
                throw StoreError(CentralMigrator::tr("Central API file %1 failed; the API files were rolled back: %2")
                                     .arg(QStringLiteral("api/") + QFileInfo(file).fileName(), error.message()));
            }
        }
        connection.execScript("COMMIT");
    } catch (...) {
        rollback(connection);
        throw;
    }
}

} // namespace

QStringList CentralMigrator::apiFiles()
{
    return centralApiFiles();
}

QString CentralMigrator::apiSha256()
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString& file : centralApiFiles()) {
        hash.addData(QFileInfo(file).fileName().toUtf8());
        hash.addData(QByteArrayView("\n", 1));
        hash.addData(readMigrationScript(file));
        hash.addData(QByteArrayView("\n", 1));
    }
    return QString::fromLatin1(hash.result().toHex());
}

int CentralMigrator::latestVersion()
{
    const QMap<int, QString> scripts = centralScripts();
    return scripts.isEmpty() ? 0 : scripts.lastKey();
}

int CentralMigrator::currentVersion(CentralConnection& connection)
{
    const bool hasTable
        = connection.scalar(QStringLiteral("SELECT to_regclass('central.schema_version') IS NOT NULL")).toBool();
    if (!hasTable) {
        return 0;
    }
    return connection.scalar(QStringLiteral("SELECT coalesce(max(version), 0) FROM central.schema_version")).toInt();
}

CentralMigrator::Result CentralMigrator::migrate(CentralConnection& connection, int target)
{
    const int latest = latestVersion();
    Result result;
    result.from = currentVersion(connection);
    refuseNewer(connection, result.from, latest);
    result.to = result.from;

    const QMap<int, QString> scripts = centralScripts();
    for (auto it = scripts.constBegin(); it != scripts.constEnd(); ++it) {
        if (target >= 0 && it.key() > target) {
            break;
        }
        if (it.key() <= result.to) {
            continue;
        }
        const QByteArray script = readMigrationScript(it.value());
        const QString name = QFileInfo(it.value()).fileName();
        connection.execScript("BEGIN");
        try {
            connection.execScript("SELECT pg_advisory_xact_lock(" + QByteArray::number(kMigrationLock) + ")");
            // under the lock: another migrator may have gone first
            const int before = currentVersion(connection);
            refuseNewer(connection, before, latest);
            if (before >= it.key()) {
                connection.execScript("COMMIT");
                result.to = before;
                continue;
            }
            try {
                connection.execScript(script);
            } catch (const StoreError& error) {
                throw StoreError(tr("Central migration %1 failed and was rolled back: %2").arg(name, error.message()));
            }
            const int after = currentVersion(connection);
            if (after != it.key()) {
                throw StoreError(tr("Central migration %1 did not record version %2 (found %3); rolled back.")
                                     .arg(name)
                                     .arg(it.key())
                                     .arg(after));
            }
            connection.execScript("COMMIT");
        } catch (...) {
            rollback(connection);
            throw;
        }
        result.to = it.key();
        result.applied << name;
    }
    // The api files fit the latest schema only: a migration stopped below it (a test, a step-by-step upgrade)
    // leaves the functions as its own scripts made them.
    if (result.to == latest) {
        applyApi(connection, latest);
        for (const QString& file : centralApiFiles()) {
            result.api << QFileInfo(file).fileName();
        }
        result.apiSha256 = apiSha256();
    }
    return result;
}

} // namespace HallDesk
