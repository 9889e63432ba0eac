#include "db/Central.h"
#include "tests/support/PgCluster.h"

#include <QTest>
#include <memory>

using namespace HallDesk;

// Server URLs read by libpq (CentralSettings::fromUrl through PQconninfoParse): its settings pass on to the
// connection, several hosts are tried in order, a malformed URL is refused with a message that keeps the password
// out; and a real connection through two hosts, the first of them dead.
class TestCentralUrl : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::PgCluster> m_cluster;

    static QString option(const CentralSettings& settings, const QString& keyword)
    {
        for (const auto& [name, value] : settings.options) {
            if (name == keyword) {
                return value;
            }
        }
        return {};
    }

    // A port on 127.0.0.1 that nothing listens on (as TestCentralSql and TestPersonalData use it).
    static constexpr int kDeadPort = 1;

private Q_SLOTS:
    void theSimpleFormReadsAsBefore()
    {
        const CentralSettings settings
            = CentralSettings::fromUrl(QStringLiteral("postgresql://terminal_h01:p%40ss@db.hall:6432/halldesk"));
        QCOMPARE(settings.host, QStringLiteral("db.hall"));
        QCOMPARE(settings.port, 6432);
        QVERIFY(settings.ports.isEmpty());
        QCOMPARE(settings.user, QStringLiteral("terminal_h01"));
        QCOMPARE(settings.password, QStringLiteral("p@ss"));
        QCOMPARE(settings.database, QStringLiteral("halldesk"));
        QCOMPARE(settings.connectTimeoutSeconds, 10);
        QVERIFY(settings.options.isEmpty());
        QCOMPARE(settings.redactedUrl(), QStringLiteral("postgresql://terminal_h01:***@db.hall:6432/halldesk"));

        const CentralSettings defaults = CentralSettings::fromUrl(QStringLiteral("postgres://admin@/central"));
        QCOMPARE(defaults.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(defaults.port, 5432);
        QCOMPARE(defaults.url(), QStringLiteral("postgresql://admin@127.0.0.1:5432/central"));
    }

    void everyLibpqSettingIsKept()
    {
        const CentralSettings settings = CentralSettings::fromUrl(QStringLiteral(
            "postgresql://t:secret@centre.example:5432/halldesk?sslmode=verify-full&sslrootcert=%2Fetc%"
            "2Fhalldesk%2Froot.crt&target_session_attrs=read-write&connect_timeout=4&keepalives_idle=30"));
        QCOMPARE(settings.sslMode, QStringLiteral("verify-full"));
        QCOMPARE(settings.connectTimeoutSeconds, 4);
        QCOMPARE(option(settings, QStringLiteral("sslrootcert")), QStringLiteral("/etc/halldesk/root.crt"));
        QCOMPARE(option(settings, QStringLiteral("target_session_attrs")), QStringLiteral("read-write"));
        QCOMPARE(option(settings, QStringLiteral("keepalives_idle")), QStringLiteral("30"));
        // url() gives a URL that reads back the same
        const CentralSettings again = CentralSettings::fromUrl(settings.url());
        QCOMPARE(again.url(), settings.url());
        QCOMPARE(again.password, QStringLiteral("secret"));
        QCOMPARE(option(again, QStringLiteral("sslrootcert")), QStringLiteral("/etc/halldesk/root.crt"));
        QVERIFY(!settings.redactedUrl().contains(QStringLiteral("secret")));
        QVERIFY(settings.redactedUrl().contains(QStringLiteral("target_session_attrs=read-write")));
    }

    void severalHostsAreTriedInOrder()
    {
        const CentralSettings samePort = CentralSettings::fromUrl(
            QStringLiteral("postgresql://t:pw@node1:5432,node2:5432/halldesk?target_session_attrs=read-write"));
        QCOMPARE(samePort.host, QStringLiteral("node1,node2"));
        QCOMPARE(samePort.port, 5432);
        QVERIFY(samePort.ports.isEmpty());

        const CentralSettings ports
            = CentralSettings::fromUrl(QStringLiteral("postgresql://t:pw@10.0.0.1:5433,[::1]:5434,node3/halldesk"));
        QCOMPARE(ports.host, QStringLiteral("10.0.0.1,::1,node3"));
        QCOMPARE(ports.ports, QStringLiteral("5433,5434,"));
        QCOMPARE(ports.port, 5433);
        QCOMPARE(ports.url(), QStringLiteral("postgresql://t:pw@10.0.0.1:5433,[::1]:5434,node3/halldesk"));
        QCOMPARE(CentralSettings::fromUrl(ports.url()).host, ports.host);
    }

    void aMalformedUrlIsRefusedClearly()
    {
        const auto refusal = [](const QString& url) {
            try {
                CentralSettings::fromUrl(url);
            } catch (const StoreError& error) {
                return error.message();
            }
            return QString();
        };
        QVERIFY(refusal(QStringLiteral("http://example/x")).contains(QStringLiteral("must look like")));
        QVERIFY(refusal(QStringLiteral("postgresql://t:pw@h/")).contains(QStringLiteral("names no database")));
        QVERIFY(refusal(QStringLiteral("postgresql://h:5432/halldesk")).contains(QStringLiteral("names no user")));
        QVERIFY(refusal(QStringLiteral("postgresql://t:pw@h/d?connect_timeout=0"))
                    .contains(QStringLiteral("connect_timeout")));
        QVERIFY(refusal(QStringLiteral("postgresql://t:pw@h:port/d")).contains(QStringLiteral("port")));
        // libpq's own refusals, the password kept out even where libpq quotes it
        const QString unknown = refusal(QStringLiteral("postgresql://t:s3cret@h/d?no_such_setting=1"));
        QVERIFY2(unknown.contains(QStringLiteral("no_such_setting")), qPrintable(unknown));
        const QString badEscape = refusal(QStringLiteral("postgresql://t:s3cret%zz@h/d"));
        QVERIFY2(badEscape.contains(QStringLiteral("cannot be read")), qPrintable(badEscape));
        QVERIFY2(!badEscape.contains(QStringLiteral("s3cret")), qPrintable(badEscape));
        const QString inQuery = refusal(QStringLiteral("postgresql://t@h/d?password=s3cret%zz"));
        QVERIFY2(!inQuery.isEmpty() && !inQuery.contains(QStringLiteral("s3cret")), qPrintable(inQuery));
    }

    void passwordsStayOutOfTheRedactedUrl()
    {
        const CentralSettings settings = CentralSettings::fromUrl(
            QStringLiteral("postgresql://t@h/d?password=s3cret&sslpassword=k3y&sslmode=require"));
        QCOMPARE(settings.password, QStringLiteral("s3cret"));
        const QString shown = settings.redactedUrl();
        QVERIFY2(!shown.contains(QStringLiteral("s3cret")) && !shown.contains(QStringLiteral("k3y")),
                 qPrintable(shown));
    }

    // A real cluster behind a dead port: libpq tries the first host, then the second, and keeps a read-write
    // session. A read-only session is refused, so the setting did reach libpq.
    void connectsThroughTheSecondHost()
    {
        m_cluster = std::make_unique<Test::PgCluster>();
        QVERIFY2(m_cluster->isRunning(), qPrintable(m_cluster->error()));
        const int dead = kDeadPort;
        const QString url = QStringLiteral("postgresql://halldesk_admin:%1@127.0.0.1:%2,127.0.0.1:%3/postgres?"
                                           "target_session_attrs=read-write&connect_timeout=5")
                                .arg(m_cluster->adminPassword())
                                .arg(dead)
                                .arg(m_cluster->port());
        const CentralSettings settings = CentralSettings::fromUrl(url);
        QCOMPARE(settings.ports, QStringLiteral("%1,%2").arg(dead).arg(m_cluster->port()));
        {
            CentralConnection centre(settings);
            QCOMPARE(centre.scalar(QStringLiteral("SELECT inet_server_port()")).toInt(), m_cluster->port());
            QCOMPARE(centre.scalar(QStringLiteral("SHOW transaction_read_only")).toString(), QStringLiteral("off"));
        }
        CentralSettings readOnly = settings;
        for (auto& [keyword, value] : readOnly.options) {
            if (keyword == QStringLiteral("target_session_attrs")) {
                value = QStringLiteral("read-only");
            }
        }
        QString refused;
        try {
            CentralConnection centre(readOnly);
        } catch (const StoreError& error) {
            refused = error.message();
        }
        QVERIFY2(refused.contains(QStringLiteral("read-only")), qPrintable(refused));
        QVERIFY2(!refused.contains(m_cluster->adminPassword()), qPrintable(refused));
        qInfo("read-only refused: %s", qPrintable(refused));
        m_cluster.reset();
    }
};

QTEST_GUILESS_MAIN(TestCentralUrl)
#include "TestCentralUrl.moc"
