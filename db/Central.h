#pragma once

#include "db/StoreError.h"

#include <QByteArray>
#include <QJsonValue>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>
#include <functional>

struct pg_conn;

namespace HallDesk {

// Where the central PostgreSQL server is, parsed from a URL of the form
// postgresql://user:password@host:port/database[?sslmode=…&connect_timeout=…&application_name=…].
struct CentralSettings
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString database;
    QString user;
    QString password;
    int connectTimeoutSeconds = 10;
    int statementTimeoutSeconds = 0; // 0: none; set on each connection after it opens (not part of the URL)
    QString sslMode; // empty: libpq's default
    QString applicationName = QStringLiteral("halldesk");

    // Throws StoreError naming what is wrong with the URL.
    static CentralSettings fromUrl(const QString& url);
    // The same URL for messages: the password replaced by "***".
    QString redactedUrl() const;
    // A URL for these settings with the password in it (for `central terminal add`).
    QString url() const;
};

// One connection to the centre through Qt's QPSQL driver, owned by the thread that made it. Opening sets the
// connect timeout and quiets NOTICE messages. Every helper throws StoreError with the server's message.
class CentralConnection final
{
public:
    explicit CentralConnection(const CentralSettings& settings);
    ~CentralConnection();
    Q_DISABLE_COPY_MOVE(CentralConnection)

    const CentralSettings& settings() const { return m_settings; }
    QSqlDatabase db() const;

    // One statement with positional (?) bound values.
    QSqlQuery exec(const QString& sql, const QVariantList& values = {});
    // The first column of the first row; an invalid QVariant when there is no row.
    QVariant scalar(const QString& sql, const QVariantList& values = {});
    // The first column of the first row, parsed as JSON (for functions returning json/jsonb).
    QJsonValue json(const QString& sql, const QVariantList& values = {});

    // A script of many statements, sent as one simple query through libpq (PQexec): it stops at the first error,
    // which is thrown. The caller frames transactions.
    void execScript(const QByteArray& script);

    // COPY … FROM STDIN through libpq (PQputCopyData): `produce` appends rows in COPY's text format to the buffer
    // and returns false when it has no more; the buffer is sent whenever it holds about a megabyte. Throws
    // StoreError with the server's message (the COPY is ended with an error if `produce` throws). The caller
    // frames transactions.
    qint64 copyIn(const QByteArray& statement, const std::function<bool(QByteArray& buffer)>& produce);

private:
    ::pg_conn* pgconn() const;

    CentralSettings m_settings;
    QString m_name;
};

} // namespace HallDesk
