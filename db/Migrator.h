#pragma once

#include <QSqlDatabase>
#include <QString>

namespace HallDesk {

// Applies the numbered scripts in db/local/ (compiled in under :/db/local/) to a store, each in its own
// transaction, and records every applied version in schema_version.
class Migrator final
{
public:
    // SQLite's application_id for HallDesk stores ("HDSK"): tells our files apart from any other SQLite file.
    static constexpr int kApplicationId = 0x4844534B;

    // The highest version this program knows.
    static int latestVersion();

    // The version recorded in the store, 0 for an empty file.
    static int currentVersion(const QSqlDatabase& db);

    // Brings the store up to latestVersion(). Throws StoreError, leaving the file untouched, when it is not a
    // HallDesk store or its version is newer than latestVersion(). `path` is only used in messages. Tests stop at
    // an earlier `target` to check every upgrade step.
    static void migrate(const QSqlDatabase& db, const QString& path, int target = -1);
};

} // namespace HallDesk
