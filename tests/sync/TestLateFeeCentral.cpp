#include "db/Central.h"
#include "db/CentralMigrator.h"
#include "tests/support/LateFeeCases.h"
#include "tests/support/PgCluster.h"

#include <QTest>
#include <memory>

using namespace HallDesk;

// The golden late-fee cases (tests/data/latefee) against the centre's PL/pgSQL, central.late_fee_of, in a real
// throwaway PostgreSQL: the same table tests/core/TestLateFee runs against the C++ engine, so the two
// implementations of the rule cannot drift apart.
class TestLateFeeCentral : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::PgCluster> m_cluster;
    std::unique_ptr<CentralConnection> m_v1; // policy 1996 v1, as migrated
    std::unique_ptr<CentralConnection> m_v2; // and v2
    QList<Test::LateFeeCase> m_cases;

    std::unique_ptr<CentralConnection> centre(const QString& name)
    {
        const QString url = m_cluster->createDatabase(name);
        if (url.isEmpty()) {
            return {};
        }
        auto connection = std::make_unique<CentralConnection>(CentralSettings::fromUrl(url));
        CentralMigrator::migrate(*connection);
        return connection;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cluster = std::make_unique<Test::PgCluster>();
        QVERIFY2(m_cluster->isRunning(), qPrintable(m_cluster->error()));
        m_v1 = centre(QStringLiteral("hd_latefee_v1"));
        m_v2 = centre(QStringLiteral("hd_latefee_v2"));
        QVERIFY2(m_v1 && m_v2, qPrintable(m_cluster->error()));
        for (const QString& sql : Test::lateFeeVersion2Sql(QStringLiteral("central."))) {
            m_v2->exec(sql);
        }
    }
    void cleanupTestCase()
    {
        m_v1.reset();
        m_v2.reset();
        m_cluster.reset();
    }

    void goldenCases_data() { m_cases = Test::lateFeeCaseRows(); }
    void goldenCases()
    {
        QFETCH(int, index);
        const Test::LateFeeCase& c = m_cases.at(index);
        CentralConnection& centre = c.withVersion2 ? *m_v2 : *m_v1;
        const QString result
            = centre
                  .scalar(QStringLiteral("SELECT format('%s %s', fee_fen, days) FROM central.late_fee_of('1996', ?, "
                                         "CAST(? AS bigint), CAST(? AS date), CAST(? AS date), CAST(? AS bigint), "
                                         "CAST(? AS bigint), CAST(? AS date))"),
                          {c.customerClass, QString::number(c.outstandingFen), c.due.toString(Qt::ISODate),
                           c.feeThrough.isValid() ? QVariant(c.feeThrough.toString(Qt::ISODate)) : QVariant(),
                           QString::number(c.carriedFen), QString::number(c.countedBefore), c.on.toString(Qt::ISODate)})
                  .toString();
        QCOMPARE(result, QStringLiteral("%1 %2").arg(c.lateFeeFen).arg(c.days));
    }
};

QTEST_GUILESS_MAIN(TestLateFeeCentral)
#include "TestLateFeeCentral.moc"
