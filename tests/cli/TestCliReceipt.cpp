#include "tests/support/Cli.h"
#include "tests/support/DocumentFixtures.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace HallDesk;
using HallDesk::Test::runCli;

// halldeskctl receipt over a small demo store: a cash payment, its receipt as PDF, then a reprint marked as a copy.
class TestCliReceipt : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_receiptNo;

    QString file(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = file(QStringLiteral("hall.db"));
        const Test::CliRun demo
            = runCli({QStringLiteral("demo"), QStringLiteral("--db"), m_db, QStringLiteral("--accounts"),
                      QStringLiteral("300"), QStringLiteral("--as-of"), QStringLiteral("2026-11-30")});
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
        QProcessEnvironment env;
        env.insert(QStringLiteral("HALLDESK_PASSWORD"), QStringLiteral("demo1234"));
        const Test::CliRun pay
            = runCli({QStringLiteral("pay"), QStringLiteral("--db"), m_db, QStringLiteral("--operator"),
                      QStringLiteral("clerk01"), QStringLiteral("--account"), QStringLiteral("3310000298"),
                      QStringLiteral("--method"), QStringLiteral("cash"), QStringLiteral("--amount"),
                      QStringLiteral("300"), QStringLiteral("--tendered"), QStringLiteral("500")},
                     env);
        QVERIFY2(pay.exitCode == 0, pay.err.constData());
        const QJsonObject paid = pay.json();
        m_receiptNo = paid.value(QStringLiteral("receipt_no")).toString();
        if (m_receiptNo.isEmpty()) {
            m_receiptNo = paid.value(QStringLiteral("receipt_nos")).toArray().first().toString();
        }
        QVERIFY2(!m_receiptNo.isEmpty(), pay.out.constData());
    }

    void firstOutputThenCopy()
    {
        const QString first = file(QStringLiteral("first.pdf"));
        const Test::CliRun run = runCli(
            {QStringLiteral("receipt"), QStringLiteral("--db"), m_db, m_receiptNo, QStringLiteral("--pdf"), first});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.json().value(QStringLiteral("copy")).toBool(), false);
        QCOMPARE(run.json().value(QStringLiteral("amount")).toString(), QStringLiteral("300.00"));
        QString error;
        const QString text = Test::pdfText(first, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const QString& expected :
             {m_receiptNo, QStringLiteral("3310000298"), QStringLiteral("300.00"), QStringLiteral("500.00"),
              QStringLiteral("200.00"), QStringLiteral("叁佰元整")}) {
            QVERIFY2(text.contains(expected), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(expected, text)));
        }
        QVERIFY(!text.contains(QStringLiteral("REPRINT")));

        const QString second = file(QStringLiteral("second.pdf"));
        const Test::CliRun again
            = runCli({QStringLiteral("receipt"), QStringLiteral("--db"), m_db, m_receiptNo, QStringLiteral("--pdf"),
                      second, QStringLiteral("--paper"), QStringLiteral("58mm")});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(again.json().value(QStringLiteral("copy")).toBool(), true);
        QCOMPARE(again.json().value(QStringLiteral("output")).toInt(), 2);
        QVERIFY(Test::pdfText(second).contains(QStringLiteral("REPRINT (copy 1)")));
        QCOMPARE(qRound(Test::pdfPageSizePt(second).width() * 25.4 / 72), 58);
    }

    void badInput()
    {
        const Test::CliRun unknown
            = runCli({QStringLiteral("receipt"), QStringLiteral("--db"), m_db, QStringLiteral("H01T01-99999999"),
                      QStringLiteral("--pdf"), file(QStringLiteral("x.pdf"))});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(!unknown.err.isEmpty());
        const Test::CliRun paper
            = runCli({QStringLiteral("receipt"), QStringLiteral("--db"), m_db, m_receiptNo, QStringLiteral("--pdf"),
                      file(QStringLiteral("x.pdf")), QStringLiteral("--paper"), QStringLiteral("a4")});
        QCOMPARE(paper.exitCode, 2);
        QVERIFY(!QFile::exists(file(QStringLiteral("x.pdf"))));
    }
};

QTEST_GUILESS_MAIN(TestCliReceipt)
#include "TestCliReceipt.moc"
