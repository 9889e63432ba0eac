#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace HallDesk::Test {

// A throwaway PostgreSQL 15 cluster for one test program: initdb in a temporary folder, a free port on 127.0.0.1,
// stopped (and the folder removed) by the destructor. Run as root, the cluster belongs to the `postgres` system
// user (initdb refuses root), started through runuser. The layout is that of scripts/central-cluster.sh (DIR/data,
// DIR/port, DIR/admin.password, the unix socket in DIR), so db/central/tests/run.sh can reuse it through
// HALLDESK_CENTRAL_CLUSTER=DIR. TCP needs scram-sha-256 with the superuser halldesk_admin's generated password.
class PgCluster final
{
public:
    PgCluster();
    ~PgCluster();
    PgCluster(const PgCluster&) = delete;
    PgCluster& operator=(const PgCluster&) = delete;

    // False when the cluster could not be made or started; error() says why.
    bool isRunning() const { return m_running; }
    QString error() const { return m_error; }

    QString dir() const { return m_dir ? m_dir->path() : QString(); }
    int port() const { return m_port; }
    QString adminPassword() const { return m_password; }
    // postgresql://halldesk_admin:PASSWORD@127.0.0.1:PORT/DATABASE
    QString url(const QString& database = QStringLiteral("postgres")) const;

    // Creates a database and returns its administrator URL; returns an empty string and sets error() on failure.
    QString createDatabase(const QString& name);

    // Stops the server and starts it again on the same port (for restart tests).
    bool restart();

    // The PostgreSQL binaries' folder: PG_BINDIR, else /usr/lib/postgresql/15/bin.
    static QString binDir();

private:
    // Stops and removes the clusters of test processes that died without stopping them (owner.pid names a
    // process that no longer exists).
    void reapAbandoned();
    bool run(const QString& program, const QStringList& args, QString* output = nullptr, int timeoutMs = 120000);
    bool start();
    void stop();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_owner; // the system user running the server when we are root; empty otherwise
    QString m_password;
    int m_port = 0;
    bool m_running = false;
    QString m_error;
};

} // namespace HallDesk::Test
