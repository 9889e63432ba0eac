#pragma once

#include "db/StoreError.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>
#include <functional>
#include <string_view>
#include <utility>

struct pg_conn;
struct pg_result;

namespace HallDesk {

// Where the central PostgreSQL server is, parsed by libpq (PQconninfoParse) from a URL of the form
// postgresql://user:password@host[:port][,host2[:port2]…]/database[?setting=value&…]: every libpq setting works
// (sslmode, sslrootcert, target_session_attrs, several hosts tried in order, …). A user and a database are required;
// the host is 127.0.0.1 when the URL names none.
struct CentralSettings
{
    Q_DECLARE_TR_FUNCTIONS(CentralSettings)

public:
    QString host = QStringLiteral("127.0.0.1"); // one host, or several separated by commas (tried in order)
    int port = 5432; // the port of every host, unless `ports` names one per host
    QString ports; // one port per host ("5433,5432") when the URL gives hosts different ports; else empty
    QString database;
    QString user;
    QString password;
    int connectTimeoutSeconds = 10; // per host
    int statementTimeoutSeconds = 0; // 0: none; set on each connection after it opens (not part of the URL)
    QString sslMode; // empty: libpq's default
    QString applicationName = QStringLiteral("halldesk"); // set by the program, not kept in url()
    // Every other libpq setting the URL gives (sslrootcert, target_session_attrs, hostaddr, …), passed on as is.
    QList<std::pair<QString, QString>> options;

    // Throws StoreError naming what is wrong with the URL; the password never appears in the message.
    static CentralSettings fromUrl(const QString& url);
    // The same URL for messages, logs and the settings shown: the password (and sslpassword) replaced by "***".
    QString redactedUrl() const;
    // A URL for these settings with the password in it (for `central terminal add`); fromUrl reads it back.
    QString url() const;
};

// A result set from libpq, values as the server's text (no conversion, no copy). Move-only; frees the result.
class CentralRows final
{
public:
    CentralRows() = default;
    explicit CentralRows(::pg_result* result);
    ~CentralRows();
    CentralRows(CentralRows&& other) noexcept;
    CentralRows& operator=(CentralRows&& other) noexcept;
    Q_DISABLE_COPY(CentralRows)

    int rows() const;
    int columns() const;
    bool isNull(int row, int column) const;
    // The value's bytes (empty for NULL), valid while this object lives.
    std::string_view text(int row, int column) const;

private:
    ::pg_result* m_result = nullptr;
};

// Appends a value in COPY's text format (backslash, tab, line feed and carriage return escaped), for the rows
// CentralConnection::copyIn sends.
void appendCopyText(QByteArray& out, std::string_view value);

// One connection to the centre through Qt's QPSQL driver, owned by the thread that made it. Opening sets the
// connect timeout and quiets NOTICE messages. Every helper throws StoreError with the server's message.
class CentralConnection final
{
    Q_DECLARE_TR_FUNCTIONS(CentralConnection)

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
    // The first column of the first row, parsed as JSON (for functions returning json/jsonb). Parameters are $1,
    // $2, … in the SQL, sent as text through libpq as an unnamed statement: nothing is prepared by name, so a
    // connection pool in transaction mode (pgbouncer) can sit between. The sync API goes through here.
    QJsonValue json(const QByteArray& sql, const QList<QByteArray>& parameters = {});

    // One statement with text parameters sent without waiting for its rows (libpq PQsendQueryParams), so the
    // caller can work while the server does; receive() waits for them. At most one statement is in flight, and
    // nothing else may use the connection until it was received.
    void send(const QByteArray& sql, const QList<QByteArray>& parameters);
    CentralRows receive();
    // Asks the server to stop the statement in flight (its receive() then throws).
    void cancel();

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
