#include "db/MigrationScripts.h"

#include "db/StoreError.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace HallDesk {

QMap<int, QString> migrationScripts(const QString& folder)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_[a-z0-9_]+\\.sql$"));
    QMap<int, QString> scripts;
    const QDir dir(folder);
    for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (match.hasMatch()) {
            scripts.insert(match.captured(1).toInt(), dir.filePath(name));
        }
    }
    return scripts;
}

QByteArray readMigrationScript(const QString& resource)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly)) {
        throw StoreError(QCoreApplication::translate("Migrator", "Missing migration %1.").arg(resource));
    }
    return file.readAll();
}

} // namespace HallDesk
