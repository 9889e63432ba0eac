#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

namespace HallDesk {

// The numbered migration scripts compiled in under a resource folder (":/db/local", ":/db/central"): version
// number → resource path, from file names like "0001_foundation.sql".
QMap<int, QString> migrationScripts(const QString& folder);

// A script's text; throws StoreError when the resource is missing.
QByteArray readMigrationScript(const QString& resource);

} // namespace HallDesk
