#pragma once

#include "db/PrivateFiles.h"
#include "db/StoreError.h"

#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace HallDesk {

// One HallDesk store: an SQLite file in WAL mode. Each thread that touches the store gets its own named
// connection, opened on first use with the same settings; connections are never shared across threads.
class Store final
{
public:
    enum class OpenMode
    {
        ExistingOnly, // the file must exist and be a HallDesk store
        CreateIfMissing, // a missing or empty file becomes a new store
    };

    // Opens (and if needed creates and upgrades) the store. Throws StoreError with a message for a person when the
    // file is missing, is not a HallDesk store, is damaged, or was written by a newer HallDesk. A new store is
    // created 0600 (its -wal and -shm take that mode from it). An existing store, -wal or -shm that others may
    // read is changed to 0600 (permissionFixes() says what was found; the caller writes the audit entry), and
    // refused when that is not possible (a file of another user).
    static std::unique_ptr<Store> open(const QString& path, OpenMode mode = OpenMode::ExistingOnly);

    // A private in-memory store with the current schema and the built-in rule tables, for commands that need the
    // rules but no data. Usable from the creating thread only.
    static std::unique_ptr<Store> openInMemory();

    ~Store();
    Q_DISABLE_COPY_MOVE(Store)

    QString path() const { return m_path; }

    // The store files that other users could read or write when the store was opened, each now 0600.
    const QList<PrivateFiles::Exposure>& permissionFixes() const { return m_permissionFixes; }

    // The calling thread's connection, opened on first use.
    QSqlDatabase connection();

    // Closes the calling thread's connection; worker threads call this before they finish.
    void releaseConnection();

    // A value from the settings table, or fallback when the key is absent.
    QString setting(const QString& key, const QString& fallback = {});
    void setSetting(const QString& key, const QString& value);

private:
    explicit Store(const QString& path);
    QString connectionNameForCurrentThread() const;
    QSqlDatabase openConnection(const QString& name);

    static void restrictFiles(const QString& path, QList<PrivateFiles::Exposure>* fixes);
    static void removeOldNumbers(QSqlDatabase& db, int versionBefore);

    QString m_path;
    QString m_prefix;
    QList<PrivateFiles::Exposure> m_permissionFixes;
    QMutex m_mutex;
    QSet<QString> m_connections;
};

} // namespace HallDesk
