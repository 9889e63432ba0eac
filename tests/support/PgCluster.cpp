#include "tests/support/PgCluster.h"

#include "db/Central.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace HallDesk::Test {

namespace {

// A port on 127.0.0.1 that nothing listens on right now (the kernel's choice for an ephemeral bind).
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return 0;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    int port = 0;
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        port = ntohs(address.sin_port);
    }
    ::close(fd);
    return port;
}

bool writeFile(const QString& path, const QByteArray& content, QFile::OpenMode mode = QIODevice::WriteOnly)
{
    QFile file(path);
    if (!file.open(mode)) {
        return false;
    }
    return file.write(content) == content.size();
}

} // namespace

QString PgCluster::binDir()
{
    const QString fromEnv = qEnvironmentVariable("PG_BINDIR");
    return fromEnv.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin") : fromEnv;
}

PgCluster::PgCluster()
{
    if (!QFileInfo(binDir() + QStringLiteral("/initdb")).isExecutable()) {
        m_error = QStringLiteral("no PostgreSQL 15 binaries in %1 (install postgresql-15)").arg(binDir());
        return;
    }
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/halldesk-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot make a temporary folder: %1").arg(m_dir->errorString());
        return;
    }
    uid_t uid = ::getuid();
    gid_t gid = ::getgid();
    if (::geteuid() == 0) {
        m_owner = qEnvironmentVariable("HALLDESK_PG_USER", QStringLiteral("postgres"));
        const passwd* user = ::getpwnam(m_owner.toLocal8Bit().constData());
        if (user == nullptr) {
            m_error = QStringLiteral("running as root, but there is no system user %1 to own the cluster").arg(m_owner);
            return;
        }
        uid = user->pw_uid;
        gid = user->pw_gid;
    }
    reapAbandoned();
    const QString dir = m_dir->path();
    // Whose cluster this is: a later PgCluster stops it if this process died without stopping it.
    writeFile(dir + QStringLiteral("/owner.pid"), QByteArray::number(QCoreApplication::applicationPid()) + '\n');
    // URL-safe characters only: it goes into connection URLs as is.
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < 24; ++i) {
        m_password += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(64)]);
    }
    const QString passwordFile = dir + QStringLiteral("/admin.password");
    if (!writeFile(passwordFile, m_password.toLatin1() + '\n')) {
        m_error = QStringLiteral("cannot write %1").arg(passwordFile);
        return;
    }
    QFile::setPermissions(passwordFile, QFile::ReadOwner | QFile::WriteOwner);
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (::chown(dir.toLocal8Bit().constData(), uid, gid) != 0
        || ::chown(passwordFile.toLocal8Bit().constData(), uid, gid) != 0) {
        m_error = QStringLiteral("cannot give %1 to %2").arg(dir, m_owner);
        return;
    }
    QString output;
    if (!run(binDir() + QStringLiteral("/initdb"),
             {QStringLiteral("-D"), dir + QStringLiteral("/data"), QStringLiteral("-U"),
              QStringLiteral("halldesk_admin"), QStringLiteral("--pwfile=") + passwordFile,
              QStringLiteral("--auth-local=trust"), QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("-E"),
              QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync")},
             &output)) {
        m_error = QStringLiteral("initdb failed: %1").arg(output);
        return;
    }
    const QString data = dir + QStringLiteral("/data");
    const bool configured = writeFile(data + QStringLiteral("/pg_hba.conf"),
                                      "local all all trust\nhost  all all 127.0.0.1/32 scram-sha-256\n")
        && writeFile(data + QStringLiteral("/postgresql.conf"),
                     QStringLiteral("\n# tests/support/PgCluster\n"
                                    "listen_addresses = '127.0.0.1'\n"
                                    "unix_socket_directories = '%1'\n"
                                    "unix_socket_permissions = 0700\n"
                                    "fsync = on\n"
                                    "password_encryption = 'scram-sha-256'\n"
                                    "max_connections = 200\n"
                                    "shared_buffers = 128MB\n"
                                    "timezone = 'UTC'\n")
                         .arg(dir)
                         .toUtf8(),
                     QIODevice::Append);
    if (!configured) {
        m_error = QStringLiteral("cannot configure the cluster in %1").arg(data);
        return;
    }
    m_running = start();
    // the database scripts/central-cluster.sh creates (db/central/tests/run.sh connects to it)
    if (m_running && createDatabase(QStringLiteral("halldesk")).isEmpty()) {
        m_error = QStringLiteral("cannot create the database halldesk: %1").arg(m_error);
        stop();
    }
}

PgCluster::~PgCluster()
{
    stop();
}

void PgCluster::reapAbandoned()
{
    const QDir temp(QDir::tempPath());
    const QStringList dirs
        = temp.entryList({QStringLiteral("halldesk-pg-*")}, QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks);
    for (const QString& name : dirs) {
        const QString dir = temp.filePath(name);
        QFile pidFile(dir + QStringLiteral("/owner.pid"));
        if (dir == m_dir->path() || !pidFile.open(QIODevice::ReadOnly)) {
            continue;
        }
        bool ok = false;
        const qint64 pid = pidFile.readAll().trimmed().toLongLong(&ok);
        // a test killed by its timeout (or by hand) never ran the destructor: its server is still up
        if (!ok || pid <= 0 || ::kill(pid_t(pid), 0) == 0 || errno != ESRCH) {
            continue;
        }
        run(binDir() + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), dir + QStringLiteral("/data"), QStringLiteral("-m"), QStringLiteral("immediate"),
             QStringLiteral("-w"), QStringLiteral("stop")});
        QDir(dir).removeRecursively();
    }
}

bool PgCluster::run(const QString& program, const QStringList& args, QString* output, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(QDir::tempPath());
    if (m_owner.isEmpty()) {
        process.start(program, args);
    } else {
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), m_owner, QStringLiteral("--"), program} + args);
    }
    if (!process.waitForStarted(30000)) {
        if (output != nullptr) {
            *output = process.errorString();
        }
        return false;
    }
    const bool finished = process.waitForFinished(timeoutMs);
    if (!finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    if (output != nullptr) {
        *output = QString::fromLocal8Bit(process.readAll());
    }
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool PgCluster::start()
{
    const QString dir = m_dir->path();
    QString output;
    for (int attempt = 0; attempt < 5; ++attempt) {
        const int port = m_port != 0 && attempt == 0 ? m_port : freePort();
        if (port == 0) {
            continue;
        }
        if (run(binDir() + QStringLiteral("/pg_ctl"),
                {QStringLiteral("-D"), dir + QStringLiteral("/data"), QStringLiteral("-l"),
                 dir + QStringLiteral("/server.log"), QStringLiteral("-o"), QStringLiteral("-p %1").arg(port),
                 QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start")},
                &output)) {
            m_port = port;
            // the port file, as scripts/central-cluster.sh writes it (db/central/tests/run.sh reads it)
            const QString portFile = dir + QStringLiteral("/port");
            writeFile(portFile, QByteArray::number(port) + '\n');
            if (!m_owner.isEmpty()) {
                const passwd* user = ::getpwnam(m_owner.toLocal8Bit().constData());
                if (user != nullptr && ::chown(portFile.toLocal8Bit().constData(), user->pw_uid, user->pw_gid) != 0) {
                    m_error = QStringLiteral("cannot give %1 to %2").arg(portFile, m_owner);
                }
            }
            return true;
        }
    }
    QFile log(dir + QStringLiteral("/server.log"));
    const QString tail = log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll().right(2000)) : QString();
    m_error = QStringLiteral("the server did not start: %1 %2").arg(output, tail);
    return false;
}

void PgCluster::stop()
{
    if (!m_running) {
        return;
    }
    const QString data = m_dir->path() + QStringLiteral("/data");
    if (!run(binDir() + QStringLiteral("/pg_ctl"),
             {QStringLiteral("-D"), data, QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"),
              QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("stop")})) {
        run(binDir() + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), data, QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"),
             QStringLiteral("stop")});
    }
    m_running = false;
}

bool PgCluster::restart()
{
    stop();
    m_running = start();
    return m_running;
}

QString PgCluster::url(const QString& database) const
{
    return QStringLiteral("postgresql://halldesk_admin:%1@127.0.0.1:%2/%3").arg(m_password).arg(m_port).arg(database);
}

QString PgCluster::createDatabase(const QString& name)
{
    try {
        CentralConnection connection(CentralSettings::fromUrl(url()));
        connection.exec(QStringLiteral("CREATE DATABASE \"%1\"").arg(name));
    } catch (const StoreError& error) {
        m_error = error.message();
        return QString();
    }
    return url(name);
}

} // namespace HallDesk::Test
