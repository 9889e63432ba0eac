#include "db/Sql.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <sqlite3.h>

namespace HallDesk::Sql {

namespace {

QString describe(const QSqlError& error)
{
    QString text = error.databaseText();
    if (text.isEmpty()) {
        text = error.text();
    }
    return text;
}

} // namespace

QSqlQuery exec(const QSqlDatabase& db, const QString& sql, const QVariantList& values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        throw StoreError(
            QCoreApplication::translate("Sql", "The store refused a statement: %1").arg(describe(query.lastError())));
    }
    for (int i = 0; i < values.size(); ++i) {
        query.bindValue(i, values.at(i));
    }
    if (!query.exec()) {
        throw StoreError(QCoreApplication::translate("Sql", "A statement failed: %1").arg(describe(query.lastError())));
    }
    return query;
}

QVariant scalar(const QSqlDatabase& db, const QString& sql, const QVariantList& values)
{
    QSqlQuery query = exec(db, sql, values);
    return query.next() ? query.value(0) : QVariant();
}

sqlite3* handle(const QSqlDatabase& db)
{
    const QVariant native = db.driver() != nullptr ? db.driver()->handle() : QVariant();
    if (!native.isValid() || qstrcmp(native.typeName(), "sqlite3*") != 0) {
        throw StoreError(QCoreApplication::translate("Sql", "The store connection is not an SQLite connection."));
    }
    sqlite3* raw = *static_cast<sqlite3* const*>(native.constData());
    if (raw == nullptr) {
        throw StoreError(QCoreApplication::translate("Sql", "The store connection is closed."));
    }
    return raw;
}

void execScript(const QSqlDatabase& db, const QString& script)
{
    sqlite3* native = handle(db);
    char* error = nullptr;
    const QByteArray utf8 = script.toUtf8();
    if (sqlite3_exec(native, utf8.constData(), nullptr, nullptr, &error) != SQLITE_OK) {
        const QString message = QString::fromUtf8(error ? error : sqlite3_errmsg(native));
        sqlite3_free(error);
        throw StoreError(QCoreApplication::translate("Sql", "A script failed: %1").arg(message));
    }
}

Transaction::Transaction(const QSqlDatabase& db)
    : m_db(db)
{
    exec(m_db, QStringLiteral("BEGIN IMMEDIATE"));
}

Transaction::~Transaction()
{
    if (m_open) {
        QSqlQuery rollback(m_db);
        rollback.exec(QStringLiteral("ROLLBACK"));
    }
}

void Transaction::commit()
{
    exec(m_db, QStringLiteral("COMMIT"));
    m_open = false;
}

} // namespace HallDesk::Sql
