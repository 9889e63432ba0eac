#include "db/Store.h"

#include "db/Migrator.h"
#include "db/Sql.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>

namespace HallDesk {

namespace {

QAtomicInteger<quint64> s_storeCounter;

constexpr char kSqliteMagic[] = "SQLite format 3";

// Reads the first bytes of an existing file so that a non-database gets a clear message before SQLite sees it.
void checkFileHeader(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw StoreError(QCoreApplication::translate("Store", "Cannot read %1: %2").arg(path, file.errorString()));
    }
    const QByteArray head = file.read(16);
    if (head.isEmpty()) {
        return; // an empty file is a new store
    }
    if (!head.startsWith(QByteArray(kSqliteMagic))) {
        throw StoreError(
            QCoreApplication::translate("Store", "%1 is not a HallDesk store (it is not an SQLite database).")
                .arg(path));
    }
}

} // namespace

Store::Store(const QString& path)
    : m_path(path)
    , m_prefix(QStringLiteral("halldesk-%1-").arg(s_storeCounter.fetchAndAddRelaxed(1)))
{
}

std::unique_ptr<Store> Store::open(const QString& path, OpenMode mode)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        if (mode == OpenMode::ExistingOnly) {
            throw StoreError(
                QCoreApplication::translate(
                    "Store", "There is no store at %1. Create one with \"halldeskctl init\" or \"halldeskctl demo\".")
                    .arg(path));
        }
    } else {
        if (info.isDir()) {
            throw StoreError(QCoreApplication::translate("Store", "%1 is a folder, not a HallDesk store.").arg(path));
        }
        checkFileHeader(path);
    }

    QList<PrivateFiles::Exposure> fixes;
    if (info.exists()) {
        restrictFiles(path, &fixes);
    } else {
        PrivateFiles::createFile(path);
    }

    std::unique_ptr<Store> store(new Store(path));
    store->m_permissionFixes = fixes;
    QSqlDatabase db = store->connection();
    const int before = Migrator::currentVersion(db);
    Migrator::migrate(db, path);
    removeOldNumbers(db, before);
    return store;
}

// Decision (docs/security.md): a store others can read is made private and the change audited, not refused; every
// store made before HallDesk 0.7 is 0644, and refusing them all would stop every hall on upgrade. Only a file we
// cannot change (another user's) is refused, with the command that fixes it.
void Store::restrictFiles(const QString& path, QList<PrivateFiles::Exposure>* fixes)
{
    *fixes = PrivateFiles::restrictStoreFiles(path);
    QStringList failed;
    for (const PrivateFiles::Exposure& exposure : std::as_const(*fixes)) {
        if (!exposure.fixed) {
            failed << QStringLiteral("%1 (%2: %3)")
                          .arg(exposure.path, PrivateFiles::modeText(exposure.before), exposure.error);
        }
    }
    if (!failed.isEmpty()) {
        throw StoreError(
            QCoreApplication::translate("Store",
                                        "Other users of this computer can read the store: %1. HallDesk cannot "
                                        "change that; as the files' owner run\n\n    chmod 600 \"%2\"*\n\nand "
                                        "start again.")
                .arg(failed.join(QStringLiteral(", ")), path));
    }
}

// Version 7 masked the ID numbers (db/local/0007_masked_id_cards.sql); the old values may still sit in free pages
// and in the WAL. VACUUM rewrites the file without them and the checkpoint empties the WAL.
void Store::removeOldNumbers(QSqlDatabase& db, int versionBefore)
{
    constexpr int kMaskedVersion = 7;
    if (versionBefore == 0 || versionBefore >= kMaskedVersion || Migrator::currentVersion(db) < kMaskedVersion) {
        return;
    }
    Sql::exec(db, QStringLiteral("VACUUM"));
    Sql::exec(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

std::unique_ptr<Store> Store::openInMemory()
{
    std::unique_ptr<Store> store(new Store(QStringLiteral(":memory:")));
    QSqlDatabase db = store->connection();
    Migrator::migrate(db, store->path());
    return store;
}

Store::~Store()
{
    QMutexLocker lock(&m_mutex);
    for (const QString& name : std::as_const(m_connections)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen()) {
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
    }
}

QString Store::connectionNameForCurrentThread() const
{
    return m_prefix + QString::number(reinterpret_cast<quintptr>(QThread::currentThread()), 16);
}

QSqlDatabase Store::connection()
{
    const QString name = connectionNameForCurrentThread();
    {
        QMutexLocker lock(&m_mutex);
        if (m_connections.contains(name)) {
            return QSqlDatabase::database(name, false);
        }
    }
    QSqlDatabase db = openConnection(name);
    QMutexLocker lock(&m_mutex);
    m_connections.insert(name);
    return db;
}

QSqlDatabase Store::openConnection(const QString& name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        const QString reason = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        throw StoreError(QCoreApplication::translate("Store", "Cannot open %1: %2").arg(m_path, reason));
    }
    try {
        // WAL lets the lookup read while a payment writes; FULL makes a committed payment survive a power cut.
        if (m_path != QLatin1String(":memory:")) {
            const QString mode = Sql::scalar(db, QStringLiteral("PRAGMA journal_mode=WAL")).toString();
            if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
                throw StoreError(
                    QCoreApplication::translate("Store", "%1 cannot be switched to WAL mode.").arg(m_path));
            }
        }
        Sql::exec(db, QStringLiteral("PRAGMA synchronous=FULL"));
        Sql::exec(db, QStringLiteral("PRAGMA foreign_keys=ON"));
        // Deleted and overwritten rows are zeroed, not left in free pages (Debian's SQLite does it by default;
        // docs/security.md).
        Sql::exec(db, QStringLiteral("PRAGMA secure_delete=ON"));
    } catch (const StoreError& error) {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        throw StoreError(QCoreApplication::translate("Store", "%1 is damaged or is not a HallDesk store: %2")
                             .arg(m_path, error.message()));
    }
    return db;
}

void Store::releaseConnection()
{
    const QString name = connectionNameForCurrentThread();
    QMutexLocker lock(&m_mutex);
    if (!m_connections.remove(name)) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QString Store::setting(const QString& key, const QString& fallback)
{
    const QVariant value = Sql::scalar(connection(), QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
    return value.isValid() ? value.toString() : fallback;
}

void Store::setSetting(const QString& key, const QString& value)
{
    Sql::exec(
        connection(),
        QStringLiteral("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"),
        {key, value, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
}

} // namespace HallDesk
