#include "db/Central.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <libpq-fe.h>
#include <utility>
#include <vector>

namespace HallDesk {

namespace {

QString errorText(const QSqlError& error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty()) {
        text = error.text().trimmed();
    }
    return text;
}

} // namespace

CentralSettings CentralSettings::fromUrl(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()
        || (url.scheme() != QStringLiteral("postgresql") && url.scheme() != QStringLiteral("postgres"))) {
        throw StoreError(tr("The server URL must look like postgresql://user:password@host:port/database, not \"%1\".")
                             .arg(QUrl(text).toDisplayString(QUrl::RemovePassword)));
    }
    CentralSettings settings;
    if (!url.host().isEmpty()) {
        settings.host = url.host();
    }
    settings.port = url.port(5432);
    settings.user = url.userName(QUrl::FullyDecoded);
    settings.password = url.password(QUrl::FullyDecoded);
    settings.database = url.path(QUrl::FullyDecoded);
    if (settings.database.startsWith(QLatin1Char('/'))) {
        settings.database.remove(0, 1);
    }
    if (settings.database.isEmpty() || settings.database.contains(QLatin1Char('/'))) {
        throw StoreError(tr("The server URL names no database: %1").arg(settings.redactedUrl()));
    }
    if (settings.user.isEmpty()) {
        throw StoreError(tr("The server URL names no user: %1").arg(settings.redactedUrl()));
    }
    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QStringLiteral("connect_timeout")) {
            bool ok = false;
            const int seconds = value.toInt(&ok);
            if (!ok || seconds <= 0) {
                throw StoreError(tr("connect_timeout must be a positive number of seconds, not \"%1\".").arg(value));
            }
            settings.connectTimeoutSeconds = seconds;
        } else if (key == QStringLiteral("sslmode")) {
            settings.sslMode = value;
        } else if (key == QStringLiteral("application_name")) {
            settings.applicationName = value;
        } else {
            throw StoreError(tr("Unknown setting \"%1\" in the server URL (known: sslmode, connect_timeout, "
                                "application_name).")
                                 .arg(key));
        }
    }
    return settings;
}

QString CentralSettings::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    url.setPassword(password);
    url.setPath(QLatin1Char('/') + database);
    QUrlQuery query;
    if (!sslMode.isEmpty()) {
        query.addQueryItem(QStringLiteral("sslmode"), sslMode);
    }
    if (!query.isEmpty()) {
        url.setQuery(query);
    }
    return url.toString(QUrl::FullyEncoded);
}

QString CentralSettings::redactedUrl() const
{
    CentralSettings copy = *this;
    if (!copy.password.isEmpty()) {
        copy.password = QStringLiteral("***");
    }
    return QUrl::fromPercentEncoding(copy.url().toUtf8());
}

CentralConnection::CentralConnection(const CentralSettings& settings)
    : m_settings(settings)
{
    static QAtomicInteger<quint64> counter;
    m_name = QStringLiteral("halldesk-central-%1").arg(counter.fetchAndAddRelaxed(1));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(m_name);
        throw StoreError(tr("Qt's PostgreSQL driver (QPSQL) is missing: install libqt6sql6-psql."));
    }
    db.setHostName(settings.host);
    db.setPort(settings.port);
    db.setDatabaseName(settings.database);
    db.setUserName(settings.user);
    db.setPassword(settings.password);
    QStringList options{QStringLiteral("connect_timeout=%1").arg(settings.connectTimeoutSeconds)};
    if (!settings.sslMode.isEmpty()) {
        options << QStringLiteral("sslmode=%1").arg(settings.sslMode);
    }
    if (!settings.applicationName.isEmpty()) {
        options << QStringLiteral("application_name=%1").arg(settings.applicationName);
    }
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open()) {
        const QString message = errorText(db.lastError());
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
        throw StoreError(tr("Cannot connect to the central server %1: %2").arg(settings.redactedUrl(), message));
    }
    try {
        exec(QStringLiteral("SET client_min_messages = warning"));
        if (settings.statementTimeoutSeconds > 0) {
            exec(QStringLiteral("SET statement_timeout = %1").arg(settings.statementTimeoutSeconds * 1000));
        }
    } catch (...) {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
        throw;
    }
}

CentralConnection::~CentralConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase CentralConnection::db() const
{
    return QSqlDatabase::database(m_name, false);
}

QSqlQuery CentralConnection::exec(const QString& sql, const QVariantList& values)
{
    QSqlQuery query(db());
    query.setForwardOnly(true);
    bool ok = false;
    if (values.isEmpty()) {
        ok = query.exec(sql);
    } else {
        ok = query.prepare(sql);
        if (ok) {
            for (const QVariant& value : values) {
                query.addBindValue(value);
            }
            ok = query.exec();
        }
    }
    if (!ok) {
        throw StoreError(errorText(query.lastError()));
    }
    return query;
}

QVariant CentralConnection::scalar(const QString& sql, const QVariantList& values)
{
    QSqlQuery query = exec(sql, values);
    return query.next() ? query.value(0) : QVariant();
}

QJsonValue CentralConnection::json(const QByteArray& sql, const QList<QByteArray>& parameters)
{
    send(sql, parameters);
    const CentralRows rows = receive();
    if (rows.rows() == 0 || rows.columns() == 0 || rows.isNull(0, 0)) {
        return QJsonValue(QJsonValue::Null);
    }
    const std::string_view value = rows.text(0, 0);
    const QByteArray text = QByteArray::fromRawData(value.data(), qsizetype(value.size()));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError) {
        // a scalar JSON value (a string or a number) is not a document for Qt: wrap it
        const QJsonDocument wrapped = QJsonDocument::fromJson("[" + text + "]", &error);
        if (error.error != QJsonParseError::NoError) {
            throw StoreError(tr("The server returned something that is not JSON: %1").arg(error.errorString()));
        }
        return wrapped.array().at(0);
    }
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

PGconn* CentralConnection::pgconn() const
{
    const QVariant handle = db().driver()->handle();
    // Qt registers the handle as "PGconn*" or, with libpq's struct tag, "pg_conn*".
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0)) {
        throw StoreError(tr("The central connection is not a PostgreSQL connection."));
    }
    PGconn* connection = *static_cast<PGconn* const*>(handle.constData());
    if (connection == nullptr) {
        throw StoreError(tr("The central connection is closed."));
    }
    return connection;
}

void CentralConnection::execScript(const QByteArray& script)
{
    PGconn* connection = pgconn();
    PGresult* result = PQexec(connection, script.constData());
    const ExecStatusType status = PQresultStatus(result);
    QString message;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
        message = QString::fromUtf8(result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(connection))
                      .trimmed();
        if (message.isEmpty()) {
            message = QString::fromUtf8(PQresStatus(status));
        }
    }
    PQclear(result);
    if (!message.isEmpty()) {
        throw StoreError(message);
    }
}

} // namespace HallDesk

namespace HallDesk {

void appendCopyText(QByteArray& out, std::string_view value)
{
    for (const char c : value) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += c;
        }
    }
}

qint64 CentralConnection::copyIn(const QByteArray& statement, const std::function<bool(QByteArray& buffer)>& produce)
{
    PGconn* connection = pgconn();
    const auto serverMessage = [connection](PGresult* result) {
        QString message
            = QString::fromUtf8(result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(connection))
                  .trimmed();
        return message.isEmpty() ? QString::fromUtf8(PQerrorMessage(connection)).trimmed() : message;
    };
    PGresult* started = PQexec(connection, statement.constData());
    if (PQresultStatus(started) != PGRES_COPY_IN) {
        const QString message = serverMessage(started);
        PQclear(started);
        throw StoreError(message);
    }
    PQclear(started);

    constexpr qsizetype kSendAt = 1 << 20;
    QByteArray buffer;
    buffer.reserve(kSendAt + (1 << 16));
    qint64 sent = 0;
    const auto send = [&] {
        if (!buffer.isEmpty()) {
            if (PQputCopyData(connection, buffer.constData(), int(buffer.size())) != 1) {
                throw StoreError(QString::fromUtf8(PQerrorMessage(connection)).trimmed());
            }
            sent += buffer.size();
            buffer.resize(0);
        }
    };
    try {
        bool more = true;
        while (more) {
            more = produce(buffer);
            if (buffer.size() >= kSendAt || !more) {
                send();
            }
        }
    } catch (...) {
        PQputCopyEnd(connection, "aborted by the client");
        PQclear(PQgetResult(connection));
        while (PGresult* rest = PQgetResult(connection)) {
            PQclear(rest);
        }
        throw;
    }
    if (PQputCopyEnd(connection, nullptr) != 1) {
        throw StoreError(QString::fromUtf8(PQerrorMessage(connection)).trimmed());
    }
    QString message;
    while (PGresult* result = PQgetResult(connection)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK && message.isEmpty()) {
            message = serverMessage(result);
        }
        PQclear(result);
    }
    if (!message.isEmpty()) {
        throw StoreError(message);
    }
    return sent;
}

CentralRows::CentralRows(PGresult* result)
    : m_result(result)
{
}

CentralRows::~CentralRows()
{
    PQclear(m_result);
}

CentralRows::CentralRows(CentralRows&& other) noexcept
    : m_result(std::exchange(other.m_result, nullptr))
{
}

CentralRows& CentralRows::operator=(CentralRows&& other) noexcept
{
    if (this != &other) {
        PQclear(m_result);
        m_result = std::exchange(other.m_result, nullptr);
    }
    return *this;
}

int CentralRows::rows() const
{
    return m_result != nullptr ? PQntuples(m_result) : 0;
}

int CentralRows::columns() const
{
    return m_result != nullptr ? PQnfields(m_result) : 0;
}

bool CentralRows::isNull(int row, int column) const
{
    return PQgetisnull(m_result, row, column) != 0;
}

std::string_view CentralRows::text(int row, int column) const
{
    return {PQgetvalue(m_result, row, column), std::size_t(PQgetlength(m_result, row, column))};
}

void CentralConnection::send(const QByteArray& sql, const QList<QByteArray>& parameters)
{
    PGconn* connection = pgconn();
    std::vector<const char*> values;
    values.reserve(std::size_t(parameters.size()));
    for (const QByteArray& parameter : parameters) {
        values.push_back(parameter.constData());
    }
    if (PQsendQueryParams(connection, sql.constData(), int(values.size()), nullptr, values.data(), nullptr, nullptr, 0)
        != 1) {
        throw StoreError(QString::fromUtf8(PQerrorMessage(connection)).trimmed());
    }
}

CentralRows CentralConnection::receive()
{
    PGconn* connection = pgconn();
    CentralRows rows;
    QString message;
    // every result of the statement is taken, so the connection is free again whatever happened
    while (PGresult* result = PQgetResult(connection)) {
        const ExecStatusType status = PQresultStatus(result);
        if (status == PGRES_TUPLES_OK && message.isEmpty()) {
            rows = CentralRows(result);
            continue;
        }
        if (status != PGRES_COMMAND_OK && message.isEmpty()) {
            message = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
            if (message.isEmpty()) {
                message = QString::fromUtf8(PQresStatus(status));
            }
        }
        PQclear(result);
    }
    if (message.isEmpty() && PQstatus(connection) != CONNECTION_OK) {
        message = QString::fromUtf8(PQerrorMessage(connection)).trimmed();
    }
    if (!message.isEmpty()) {
        throw StoreError(message);
    }
    return rows;
}

void CentralConnection::cancel()
{
    PGcancel* handle = PQgetCancel(pgconn());
    if (handle != nullptr) {
        char error[256] = {};
        PQcancel(handle, error, int(sizeof error));
        PQfreeCancel(handle);
    }
}

} // namespace HallDesk
