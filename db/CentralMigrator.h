#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace HallDesk {

class CentralConnection;

// Applies the numbered scripts of db/central/ (compiled in under :/db/central/) to a central PostgreSQL database,
// each in its own transaction under an advisory lock, so two migrators never race. The scripts record their own
// version in central.schema_version. Then, once the database is at latestVersion(), it applies every file of
// db/central/api/ (the current functions and views, CREATE OR REPLACE) in one transaction under the same lock, on
// every run. See docs/sync.md "Migrations" and "Functions and views".
class CentralMigrator final
{
    Q_DECLARE_TR_FUNCTIONS(CentralMigrator)

public:
    struct Result
    {
        int from = 0;
        int to = 0;
        QStringList applied; // numbered file names, in order
        QStringList api; // the api files applied (all of them, in order), empty below latestVersion()
        QString apiSha256; // of the api files' names and texts, as applied (hex)
    };

    // The highest version this program knows.
    static int latestVersion();
    // The api files this program carries (resource paths, in the order they are applied) and their checksum.
    static QStringList apiFiles();
    static QString apiSha256();
    // The version recorded in the database: max(central.schema_version.version), 0 without schema `central`.
    static int currentVersion(CentralConnection& connection);
    // Brings the database up to latestVersion() (or `target`), then re-applies the api files when it is at
    // latestVersion(). Throws StoreError, changing nothing, when the database is newer than this program; a
    // failing script is rolled back whole and named in the message (a failing api file rolls back all of them).
    static Result migrate(CentralConnection& connection, int target = -1);
};

} // namespace HallDesk
