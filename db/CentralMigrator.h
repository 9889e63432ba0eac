#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace HallDesk {

class CentralConnection;

// Applies the numbered scripts of db/central/ (compiled in under :/db/central/) to a central PostgreSQL database,
// each in its own transaction under an advisory lock, so two migrators never race. The scripts record their own
// version in central.schema_version. See docs/sync.md "Migrations".
class CentralMigrator final
{
    Q_DECLARE_TR_FUNCTIONS(CentralMigrator)

public:
    struct Result
    {
        int from = 0;
        int to = 0;
        QStringList applied; // file names, in order
    };

    // The highest version this program knows.
    static int latestVersion();
    // The version recorded in the database: max(central.schema_version.version), 0 without schema `central`.
    static int currentVersion(CentralConnection& connection);
    // Brings the database up to latestVersion() (or `target`). Throws StoreError, changing nothing, when the
    // database is newer than this program; a failing script is rolled back whole and named in the message.
    static Result migrate(CentralConnection& connection, int target = -1);
};

} // namespace HallDesk
