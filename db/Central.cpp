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
#include <algorithm>
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

// A part of the URL as libpq reads it back: percent-encoded except for the unreserved characters.
QString encoded(const QString& part)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(part));
}

// What a URL that libpq could not read says its password is, as written and decoded, found without parsing it:
// kept out of the message that reports the URL (libpq quotes the part it stumbled on, which may be the password).
QStringList writtenSecrets(const QString& text)
{
    QStringList secrets;
    const qsizetype scheme = text.indexOf(QLatin1String("://"));
    if (scheme >= 0) {
        const qsizetype start = scheme + 3;
        const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
        const qsizetype colon = text.indexOf(QLatin1Char(':'), start);
        if (at > start && colon > start && colon < at) {
            secrets << text.mid(colon + 1, at - colon - 1);
        }
    }
    for (const QString& name : {QStringLiteral("password="), QStringLiteral("sslpassword=")}) {
        for (qsizetype from = text.indexOf(name); from >= 0; from = text.indexOf(name, from + 1)) {
            const qsizetype valueStart = from + name.size();
            const qsizetype valueEnd = text.indexOf(QLatin1Char('&'), valueStart);
            secrets << text.mid(valueStart, valueEnd < 0 ? -1 : valueEnd - valueStart);
        }
    }
    QStringList all;
    for (const QString& secret : std::as_const(secrets)) {
        if (!secret.isEmpty()) {
            all << secret << QUrl::fromPercentEncoding(secret.toUtf8());
        }
    }
    return all;
}

QString withoutSecrets(QString text, const QStringList& secrets)
{
    for (const QString& secret : secrets) {
        text.replace(secret, QStringLiteral("***"));
    }
    return text;
}

// The libpq settings whose values are secrets.
bool isSecret(const QString& keyword)
{
    return keyword == QLatin1String("password") || keyword == QLatin1String("sslpassword");
}

// A value in a libpq connection string: quoted, backslash and quote escaped.
QString quotedOption(const QString& keyword, const QString& value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    quoted.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return keyword + QLatin1String("='") + quoted + QLatin1Char('\'');
}

} // namespace

CentralSettings CentralSettings::fromUrl(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (!trimmed.startsWith(QLatin1String("postgresql://")) && !trimmed.startsWith(QLatin1String("postgres://"))) {
        throw StoreError(tr("The server URL must look like postgresql://user:password@host:port/database, not \"%1\".")
                             .arg(QUrl(text).toDisplayString(QUrl::RemovePassword)));
    }
    char* error = nullptr;
    PQconninfoOption* parsed = PQconninfoParse(trimmed.toUtf8().constData(), &error);
    if (parsed == nullptr) {
        const QStringList secrets = writtenSecrets(trimmed);
        const QString reason = error != nullptr ? QString::fromUtf8(error).trimmed() : tr("out of memory");
        PQfreemem(error);
        throw StoreError(tr("The server URL %1 cannot be read: %2")
                             .arg(withoutSecrets(trimmed, secrets), withoutSecrets(reason, secrets)));
    }
    CentralSettings settings;
    QString portText;
    QString timeoutText;
    for (const PQconninfoOption* option = parsed; option->keyword != nullptr; ++option) {
        if (option->val == nullptr) {
            continue;
        }
        const QString keyword = QString::fromUtf8(option->keyword);
        const QString value = QString::fromUtf8(option->val);
        if (keyword == QLatin1String("host")) {
            if (!value.isEmpty()) {
                settings.host = value;
            }
        } else if (keyword == QLatin1String("port")) {
            portText = value;
        } else if (keyword == QLatin1String("dbname")) {
            settings.database = value;
        } else if (keyword == QLatin1String("user")) {
            settings.user = value;
        } else if (keyword == QLatin1String("password")) {
            settings.password = value;
        } else if (keyword == QLatin1String("connect_timeout")) {
            timeoutText = value;
        } else if (keyword == QLatin1String("sslmode")) {
            settings.sslMode = value;
        } else if (keyword == QLatin1String("application_name")) {
            settings.applicationName = value;
        } else {
            settings.options.append({keyword, value});
        }
    }
    PQconninfoFree(parsed);
    if (!portText.isEmpty()) {
        const QStringList each = portText.split(QLatin1Char(','));
        const qsizetype hosts = settings.host.count(QLatin1Char(',')) + 1;
        if (each.size() > 1 && each.size() != hosts) {
            // libpq would refuse it at connect
            throw StoreError(tr("The server URL gives %1 ports for %2 hosts.").arg(each.size()).arg(hosts));
        }
        QList<int> numbers;
        for (const QString& port : each) {
            bool ok = port.isEmpty();
            const int number = port.isEmpty() ? 5432 : port.toInt(&ok);
            if (!ok || number <= 0 || number > 65535) {
                throw StoreError(
                    tr("The server URL has a port that is not a number from 1 to 65535: \"%1\".").arg(port));
            }
            numbers << number;
        }
        settings.port = numbers.front();
        if (std::any_of(numbers.cbegin(), numbers.cend(),
                        [&numbers](int number) { return number != numbers.front(); })) {
            settings.ports = portText;
        }
    }
    if (!timeoutText.isEmpty()) {
        bool ok = false;
        const int seconds = timeoutText.toInt(&ok);
        if (!ok || seconds <= 0) {
            throw StoreError(tr("connect_timeout must be a positive number of seconds, not \"%1\".").arg(timeoutText));
        }
        settings.connectTimeoutSeconds = seconds;
    }
    if (settings.database.isEmpty() || settings.database.contains(QLatin1Char('/'))) {
        throw StoreError(tr("The server URL names no database: %1").arg(settings.redactedUrl()));
    }
    if (settings.user.isEmpty()) {
        throw StoreError(tr("The server URL names no user: %1").arg(settings.redactedUrl()));
    }
    return settings;
}

QString CentralSettings::url() const
{
    QString url = QStringLiteral("postgresql://");
    if (!user.isEmpty()) {
        url += encoded(user);
        if (!password.isEmpty()) {
            url += QLatin1Char(':') + encoded(password);
        }
        url += QLatin1Char('@');
    }
    const QStringList hosts = host.split(QLatin1Char(','));
    const QStringList hostPorts = ports.split(QLatin1Char(','));
    for (qsizetype i = 0; i < hosts.size(); ++i) {
        if (i > 0) {
            url += QLatin1Char(',');
        }
        const QString& name = hosts.at(i);
        // an IPv6 address goes in brackets; a socket folder's slashes are encoded
        url += name.contains(QLatin1Char(':')) ? QLatin1Char('[') + name + QLatin1Char(']') : encoded(name);
        const QString hostPort = ports.isEmpty() ? QString::number(port) : hostPorts.value(i);
        if (!hostPort.isEmpty()) {
            url += QLatin1Char(':') + hostPort;
        }
    }
    url += QLatin1Char('/') + encoded(database);
    QStringList query;
    if (!sslMode.isEmpty()) {
        query << QStringLiteral("sslmode=") + encoded(sslMode);
    }
    if (connectTimeoutSeconds != CentralSettings().connectTimeoutSeconds) {
        query << QStringLiteral("connect_timeout=%1").arg(connectTimeoutSeconds);
    }
    for (const auto& [keyword, value] : options) {
        query << encoded(keyword) + QLatin1Char('=') + encoded(value);
    }
    if (!query.isEmpty()) {
        url += QLatin1Char('?') + query.join(QLatin1Char('&'));
    }
    return url;
}

QString CentralSettings::redactedUrl() const
{
    CentralSettings copy = *this;
    if (!copy.password.isEmpty()) {
        copy.password = QStringLiteral("***");
    }
    for (auto& [keyword, value] : copy.options) {
        if (isSecret(keyword)) {
            value = QStringLiteral("***");
        }
    }
    return QUrl::fromPercentEncoding(copy.url().toUtf8());
}

CentralConnection::CentralConnection(const CentralSettings& settings)
    : m_settings(settings)
{
    // Beside host, port, database, user and password, every libpq setting goes in QPSQL's options, quoted.
    QList<std::pair<QString, QString>> libpqOptions{
        {QStringLiteral("connect_timeout"), QString::number(settings.connectTimeoutSeconds)}};
    if (!settings.ports.isEmpty()) {
        libpqOptions.append({QStringLiteral("port"), settings.ports});
    }
    if (!settings.sslMode.isEmpty()) {
        libpqOptions.append({QStringLiteral("sslmode"), settings.sslMode});
    }
    if (!settings.applicationName.isEmpty()) {
        libpqOptions.append({QStringLiteral("application_name"), settings.applicationName});
    }
    libpqOptions.append(settings.options);
    QStringList options;
    for (const auto& [keyword, value] : std::as_const(libpqOptions)) {
        // QPSQL turns every semicolon of its options into a space, inside quotes too
        if (value.contains(QLatin1Char(';'))) {
            throw StoreError(
                tr("The setting %1 of the server URL holds a semicolon, which Qt's PostgreSQL driver cannot pass on.")
                    .arg(keyword));
        }
        options << quotedOption(keyword, value);
    }

    static QAtomicInteger<quint64> counter;
    m_name = QStringLiteral("halldesk-central-%1").arg(counter.fetchAndAddRelaxed(1));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(m_name);
        throw StoreError(tr("Qt's PostgreSQL driver (QPSQL) is missing: install libqt6sql6-psql."));
    }
    // A list of hosts goes as it is (QPSQL quotes it, libpq splits it at the commas); a list of ports goes with the
    // options.
    db.setHostName(settings.host);
    db.setPort(settings.ports.isEmpty() ? settings.port : -1);
    db.setDatabaseName(settings.database);
    db.setUserName(settings.user);
    db.setPassword(settings.password);
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
