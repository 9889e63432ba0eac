#include "app/audit/AuditLog.h"
#include "app/counter/CounterService.h"
#include "db/Central.h"
#include "db/CentralMigrator.h"
#include "db/Sql.h"
#include "tests/support/AuditTamper.h"
#include "tests/support/Cli.h"
#include "tests/support/CounterFixture.h"
#include "tests/support/PgCluster.h"
#include "tests/support/StoreBuilder.h"

#include <QJsonArray>
#include <QTest>
#include <memory>

using namespace HallDesk;

// Issue 15, section 7: the audit chain's head anchored outside the store. Every sync round sends the terminal's head
// to a real centre (a throwaway PostgreSQL cluster), which keeps the history of heads per terminal;
// `halldeskctl audit verify --url` then finds a log cut short or rewritten with every later hash recomputed, which
// the chain alone cannot show.
class TestAuditAnchor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::PgCluster> m_cluster;
    std::unique_ptr<Test::CounterFixture> m_fixture;
    QString m_adminUrl;
    QString m_terminalUrl;
    int m_databases = 0;

    static constexpr const char* kTerminalPassword = "terminal-secret-T01";

    QSqlDatabase db() { return m_fixture->store().connection(); }
    std::unique_ptr<CentralConnection> admin() const
    {
        return std::make_unique<CentralConnection>(CentralSettings::fromUrl(m_adminUrl));
    }
    void pay(qint64 fen)
    {
        PaymentRequest request;
        request.uuid = QUuid::createUuid();
        request.accountNos = {QStringLiteral("3300000003")};
        request.tenders = {{TenderMethod::Cash, Money::fromFen(fen), Money::fromFen(0), {}}};
        CounterService(m_fixture->store(), Test::CounterFixture::clock()).pay(request, m_fixture->session("clerk01"));
    }
    QJsonObject sync()
    {
        const Test::CliRun run = Test::runCli({QStringLiteral("sync"), QStringLiteral("--db"), m_fixture->path(),
                                               QStringLiteral("--url"), m_terminalUrl});
        if (run.exitCode != 0) {
            qWarning("%s", run.err.constData());
            return {};
        }
        return run.json().value(QStringLiteral("audit_anchor")).toObject();
    }
    Test::CliRun verify(const QStringList& extra = {})
    {
        return Test::runCli(
            QStringList{QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), m_fixture->path()}
            + extra);
    }
    Test::CliRun verifyWithCentre() { return verify({QStringLiteral("--url"), m_terminalUrl}); }

private Q_SLOTS:
    void initTestCase()
    {
        m_cluster = std::make_unique<Test::PgCluster>();
        QVERIFY2(m_cluster->isRunning(), qPrintable(m_cluster->error()));
    }
    void cleanupTestCase() { m_cluster.reset(); }

    // A fresh centre with hall H01, terminal T01 and the account 3300000003 the payments go to.
    void init()
    {
        m_fixture = std::make_unique<Test::CounterFixture>();
        m_fixture->acceptUnencryptedVolume(); // the entries counted are the counter's
        m_adminUrl = m_cluster->createDatabase(QStringLiteral("hd_anchor_%1").arg(++m_databases));
        QVERIFY2(!m_adminUrl.isEmpty(), qPrintable(m_cluster->error()));
        auto centre = admin();
        CentralMigrator::migrate(*centre);
        centre->exec(QStringLiteral("INSERT INTO central.halls (code, name, region) VALUES ('H01', 'H01', 'east')"));
        const QString role = centre
                                 ->scalar(QStringLiteral("SELECT central.add_terminal('H01', 'T01', ?)"),
                                          {QString::fromLatin1(kTerminalPassword)})
                                 .toString();
        m_terminalUrl = QStringLiteral("postgresql://%1:%2@127.0.0.1:%3/hd_anchor_%4")
                            .arg(role, QString::fromLatin1(kTerminalPassword))
                            .arg(m_cluster->port())
                            .arg(m_databases);
        Test::CentreBuilder(centre->db())
            .account({.accountNo = QStringLiteral("3300000003"),
                      .name = QStringLiteral("用户3"),
                      .customerClass = QStringLiteral("residential"),
                      .address = QStringLiteral("东湖区"),
                      .meterNo = QStringLiteral("M3")});
    }
    void cleanup() { m_fixture.reset(); }

    void everyRoundAnchorsTheHead()
    {
        for (int i = 0; i < 6; ++i) {
            pay(100);
        }
        const std::optional<AuditLog::Anchor> head = AuditLog::head(db());
        QVERIFY(head && head->entries == 6);
        QJsonObject anchor = sync();
        QCOMPARE(anchor.value(QStringLiteral("result")).toString(), QStringLiteral("anchored"));
        QCOMPARE(anchor.value(QStringLiteral("entries")).toInteger(), 6);
        QCOMPARE(
            admin()->scalar(QStringLiteral("SELECT head_hash FROM central.audit_anchors WHERE entries = 6")).toString(),
            head->hash);
        // A round with nothing new: the centre knows the head already.
        QCOMPARE(sync().value(QStringLiteral("result")).toString(), QStringLiteral("known"));
        QCOMPARE(admin()->scalar(QStringLiteral("SELECT times FROM central.audit_anchors WHERE entries = 6")).toInt(),
                 2);
        pay(100);
        QCOMPARE(sync().value(QStringLiteral("result")).toString(), QStringLiteral("anchored"));
        QCOMPARE(admin()->scalar(QStringLiteral("SELECT count(*) FROM central.audit_anchors")).toInt(), 2);

        const Test::CliRun verified = verifyWithCentre();
        QVERIFY2(verified.exitCode == 0, QByteArray(verified.out + verified.err).constData());
        QCOMPARE(verified.json().value(QStringLiteral("anchors_checked")).toInt(), 2);
        QVERIFY(verified.json().value(QStringLiteral("ok")).toBool());
    }

    void aTamperedLogFailsEveryAnchorItReaches_data()
    {
        QTest::addColumn<int>("tail");
        QTest::addColumn<int>("rewriteEntry"); // 0: none
        QTest::addColumn<int>("failed"); // of the anchors at 6 and 7 entries
        QTest::newRow("last entry deleted") << 1 << 0 << 1;
        QTest::newRow("last four deleted") << 4 << 0 << 2;
        QTest::newRow("entry 7 rewritten") << 0 << 7 << 1;
        QTest::newRow("entry 3 rewritten, later hashes recomputed") << 0 << 3 << 2;
    }
    void aTamperedLogFailsEveryAnchorItReaches()
    {
        QFETCH(int, tail);
        QFETCH(int, rewriteEntry);
        QFETCH(int, failed);
        for (int i = 0; i < 6; ++i) {
            pay(100);
        }
        QCOMPARE(sync().value(QStringLiteral("result")).toString(), QStringLiteral("anchored"));
        pay(100);
        QCOMPARE(sync().value(QStringLiteral("result")).toString(), QStringLiteral("anchored"));

        Test::dropAuditGuards(db());
        if (tail > 0) {
            Test::truncateAudit(db(), tail);
        }
        if (rewriteEntry > 0) {
            Test::rewriteAuditEntry(db(), rewriteEntry, 1);
        }
        // The chain alone still verifies: this is what passed before.
        const Test::CliRun alone = verify();
        QVERIFY2(alone.exitCode == 0, alone.out.constData());
        // Against the centre's anchors it fails, naming each anchor the change reaches.
        const Test::CliRun anchored = verifyWithCentre();
        QCOMPARE(anchored.exitCode, 1);
        QVERIFY(!anchored.json().value(QStringLiteral("ok")).toBool());
        QCOMPARE(anchored.json().value(QStringLiteral("anchors_failed")).toArray().size(), failed);

        // The next round tells the centre a head that contradicts what it holds (fewer entries than anchored, or
        // another hash at an anchored count); it is kept as a conflict, and the earlier heads stay.
        QCOMPARE(sync().value(QStringLiteral("result")).toString(), QStringLiteral("conflict"));
        QCOMPARE(sync().value(QStringLiteral("result")).toString(), QStringLiteral("conflict"));
        QCOMPARE(
            admin()->scalar(QStringLiteral("SELECT count(*) FROM central.audit_anchors WHERE conflict <> ''")).toInt(),
            1);
        QCOMPARE(verifyWithCentre().exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestAuditAnchor)
#include "TestAuditAnchor.moc"
