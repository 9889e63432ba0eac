#include "db/Sql.h"
#include "tests/support/AuditTamper.h"
#include "tests/support/Cli.h"
#include "tests/support/CounterFixture.h"
#include "tests/support/DocumentFixtures.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>
#include <memory>

using namespace HallDesk;

// `halldeskctl audit verify --anchor` against the paper anchor of a settlement report (issue 15, section 7): a hall
// without a central server keeps the chain's head on paper. The anchor is read back from the PDF with pdftotext, as
// an auditor would type it from the sheet.
class TestCliAudit : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::CounterFixture> m_fixture;

    Test::CliRun run(const char* command, const QStringList& args)
    {
        QProcessEnvironment extra;
        extra.insert(QStringLiteral("HALLDESK_PASSWORD"), QString::fromLatin1(Test::CounterFixture::kPassword));
        extra.insert(QStringLiteral("HALLDESK_APPROVER_PASSWORD"),
                     QString::fromLatin1(Test::CounterFixture::kPassword));
        extra.insert(QStringLiteral("HALLDESK_TEST_NOW"), Test::CounterFixture::day().toString(Qt::ISODate));
        return Test::runCli(QStringList{QString::fromLatin1(command), QStringLiteral("--db"), m_fixture->path(),
                                        QStringLiteral("--on"), QStringLiteral("2026-02-19"),
                                        QStringLiteral("--operator"), QStringLiteral("clerk01")}
                                + args,
                            extra);
    }
    Test::CliRun verify(const QStringList& args = {})
    {
        return Test::runCli(
            QStringList{QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), m_fixture->path()}
            + args);
    }

    // Pays, settles with --pdf and returns the anchor as printed on the report ("ENTRIES:HASH", the hash in the
    // report's groups of eight).
    QString settleAndReadTheAnchor()
    {
        for (const char* account : {"3300000001", "3300000003", "3300000003", "3300000003"}) {
            const Test::CliRun paid
                = run("pay",
                      {QStringLiteral("--account"), QLatin1String(account), QStringLiteral("--method"),
                       QStringLiteral("cash"), QStringLiteral("--amount"), QStringLiteral("10")});
            if (paid.exitCode != 0) {
                qWarning("%s", paid.err.constData());
                return {};
            }
        }
        const QString pdf = m_fixture->path() + QStringLiteral(".settlement.pdf");
        const Test::CliRun settled
            = run("settle", {QStringLiteral("--cash"), QStringLiteral("10:4"), QStringLiteral("--pdf"), pdf});
        if (settled.exitCode != 0) {
            qWarning("%s", settled.err.constData());
            return {};
        }
        QString error;
        const QString text = Test::pdfText(pdf, &error);
        static const QRegularExpression printed(
            QStringLiteral("Audit anchor: (\\d+) entries, hash ((?:[0-9a-f]{8}\\s+){7}[0-9a-f]{8})"));
        const QRegularExpressionMatch match = printed.match(text);
        if (!match.hasMatch()) {
            qWarning("no anchor on the report: %s %s", qPrintable(error), qPrintable(text));
            return {};
        }
        const QString anchor = match.captured(1) + QLatin1Char(':') + match.captured(2).simplified();
        // The command's JSON names the same anchor.
        QString hash = match.captured(2);
        hash.remove(QRegularExpression(QStringLiteral("\\s")));
        if (settled.json().value(QStringLiteral("audit_anchor")).toString()
            != match.captured(1) + QLatin1Char(':') + hash) {
            qWarning("settle printed %s", settled.out.constData());
            return {};
        }
        return anchor;
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<Test::CounterFixture>();
        m_fixture->acceptUnencryptedVolume(); // the entries counted are the counter's and the sign-ins'
    }
    void cleanup() { m_fixture.reset(); }

    void thePaperAnchorVerifies()
    {
        const QString anchor = settleAndReadTheAnchor();
        QVERIFY(!anchor.isEmpty());
        // five sign-ins (one per command), four payments and the settlement
        QCOMPARE(anchor.section(QLatin1Char(':'), 0, 0), QStringLiteral("10"));
        const Test::CliRun ok = verify({QStringLiteral("--anchor"), anchor});
        QVERIFY2(ok.exitCode == 0, QByteArray(ok.out + ok.err).constData());
        QCOMPARE(ok.json().value(QStringLiteral("anchors_checked")).toInt(), 1);
        QCOMPARE(ok.json().value(QStringLiteral("head")).toString().section(QLatin1Char(':'), 0, 0),
                 QStringLiteral("10"));

        const Test::CliRun bad = verify({QStringLiteral("--anchor"), QStringLiteral("10:abc")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("ENTRIES:HASH"));
    }

    void aTamperedLogFailsThePaperAnchor_data()
    {
        QTest::addColumn<int>("tail");
        QTest::addColumn<int>("rewriteEntry");
        QTest::newRow("last entry deleted") << 1 << 0;
        QTest::newRow("last four deleted") << 4 << 0;
        QTest::newRow("entry 2 rewritten, later hashes recomputed") << 0 << 2;
    }
    void aTamperedLogFailsThePaperAnchor()
    {
        QFETCH(int, tail);
        QFETCH(int, rewriteEntry);
        const QString anchor = settleAndReadTheAnchor();
        QVERIFY(!anchor.isEmpty());
        QSqlDatabase db = m_fixture->store().connection();
        Test::dropAuditGuards(db);
        if (tail > 0) {
            Test::truncateAudit(db, tail);
        }
        if (rewriteEntry > 0) {
            Test::rewriteAuditEntry(db, rewriteEntry, 1);
        }
        QCOMPARE(verify().exitCode, 0); // the chain alone: what passed before
        const Test::CliRun anchored = verify({QStringLiteral("--anchor"), anchor});
        QCOMPARE(anchored.exitCode, 1);
        const QJsonArray failed = anchored.json().value(QStringLiteral("anchors_failed")).toArray();
        QCOMPARE(failed.size(), 1);
        QVERIFY(!failed.at(0).toObject().value(QStringLiteral("reason")).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliAudit)
#include "TestCliAudit.moc"
