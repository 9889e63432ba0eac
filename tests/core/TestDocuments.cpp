#include "app/documents/DocumentBench.h"
#include "app/documents/DocumentComposer.h"
#include "app/documents/PdfRenderer.h"
#include "app/documents/QrMatrix.h"
#include "app/documents/ReceiptLayout.h"
#include "app/documents/SettlementLayout.h"
#include "tests/support/DocumentFixtures.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace HallDesk;

// Documents rendered with libharu and read back with pdftotext: what a customer and an auditor see.
class TestDocuments : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::ChineseLabels m_chinese;

    // Writes the PDF and returns its text; fails the test when either step fails.
    QString render(const Document& document, const QString& name, QStringList* warnings = nullptr)
    {
        // HALLDESK_TEST_OUTPUT keeps the PDFs for a person to look at.
        const QString keep = qEnvironmentVariable("HALLDESK_TEST_OUTPUT");
        const QString path = (keep.isEmpty() ? m_dir.path() : keep) + QLatin1Char('/') + name + QStringLiteral(".pdf");
        const QStringList w = PdfRenderer::writeFile(document, path);
        if (warnings) {
            *warnings = w;
        }
        QString error;
        const QString text = Test::pdfText(path, &error);
        if (!error.isEmpty()) {
            qWarning("%s", qPrintable(error));
        }
        return text;
    }

    // pdftotext -layout keeps the columns; collapse runs of blanks so a check does not depend on them.
    static QString squeezed(const QString& text)
    {
        static const QRegularExpression blanks(QStringLiteral("[ \\t]+"));
        return QString(text).replace(blanks, QStringLiteral(" "));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!m_chinese.isEmpty(), "tests/data/documents/labels_zh_CN.tsv is missing");
    }

    void init() { QCoreApplication::installTranslator(&m_chinese); }
    void cleanup() { QCoreApplication::removeTranslator(&m_chinese); }

    void receiptCarriesEverything_data()
    {
        QTest::addColumn<QString>("paper");
        QTest::newRow("80 mm") << QStringLiteral("80mm");
        QTest::newRow("58 mm") << QStringLiteral("58mm");
        QTest::newRow("A5") << QStringLiteral("a5");
    }

    void receiptCarriesEverything()
    {
        QFETCH(QString, paper);
        const ReceiptData data = Test::combinedReceipt();
        QStringList warnings;
        const QString text = render(ReceiptLayout::receipt(data, *paperFromCode(paper)), paper, &warnings);
        QVERIFY2(!text.isEmpty(), "no text in the PDF");
        QVERIFY(warnings.isEmpty());
        const QString flat = squeezed(text);
        // Numbers come out of the Latin font; the Chinese of the built-in CID fonts through Adobe-GB1.
        for (const QString& expected : {QStringLiteral("H01T01-00000042"),
                                        QStringLiteral("3301000001"),
                                        QStringLiteral("3301000002"),
                                        QStringLiteral("500.00"),
                                        QStringLiteral("120.50"),
                                        QStringLiteral("3.62"),
                                        QStringLiteral("-1.00"),
                                        QStringLiteral("98.30"),
                                        QStringLiteral("256.80"),
                                        QStringLiteral("20.78"),
                                        QStringLiteral("35.78"),
                                        QStringLiteral("222.42"),
                                        QStringLiteral("277.58"),
                                        QStringLiteral("600.00"),
                                        QStringLiteral("100.00"),
                                        QStringLiteral("88412033"),
                                        QStringLiteral("2026-09"),
                                        QStringLiteral("2026-11-30 14:30:15"),
                                        QStringLiteral("C007"),
                                        QStringLiteral("国网杭州供电公司"),
                                        QStringLiteral("电费收费凭证"),
                                        QStringLiteral("户号"),
                                        QStringLiteral("户名"),
                                        QStringLiteral("张伟"),
                                        QStringLiteral("李秀英"),
                                        QStringLiteral("王芳"),
                                        QStringLiteral("违约金"),
                                        QStringLiteral("减免"),
                                        QStringLiteral("预存余额"),
                                        QStringLiteral("现金"),
                                        QStringLiteral("刷卡"),
                                        QStringLiteral("找零"),
                                        QStringLiteral("合计"),
                                        QStringLiteral("人民币（大写）"),
                                        QStringLiteral("伍佰元整"),
                                        QStringLiteral("城东供电营业厅")}) {
            QVERIFY2(flat.contains(expected), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(expected, text)));
        }
        QVERIFY2(!flat.contains(QStringLiteral("重打")), "an original must not say 重打");
        QVERIFY(!flat.contains(QStringLiteral("作废")));
        if (paper != QLatin1String("58mm")) {
            // On 58 mm the address wraps, and pdftotext may break a word.
            QVERIFY2(flat.contains(QStringLiteral("望江路88号3幢2单元501室")), qPrintable(text));
        }
    }

    void papersHaveTheirWidths()
    {
        const ReceiptData data = Test::combinedReceipt();
        QSizeF sizes[3];
        int i = 0;
        for (const Paper paper : {Paper::Roll80, Paper::Roll58, Paper::A5}) {
            const QString path = m_dir.filePath(QStringLiteral("size-%1.pdf").arg(paperCode(paper)));
            PdfRenderer::writeFile(ReceiptLayout::receipt(data, paper), path);
            sizes[i++] = Test::pdfPageSizePt(path);
        }
        const double ptPerMm = 72 / 25.4;
        QCOMPARE(qRound(sizes[0].width() / ptPerMm), 80);
        QCOMPARE(qRound(sizes[1].width() / ptPerMm), 58);
        QCOMPARE(qRound(sizes[2].width() / ptPerMm), 148);
        QCOMPARE(qRound(sizes[2].height() / ptPerMm), 210);
        // A roll is as long as its content.
        QVERIFY(sizes[0].height() > 100 * ptPerMm);
        QVERIFY(sizes[1].height() > 100 * ptPerMm);
    }

    void copyIsMarkedWithItsCount()
    {
        ReceiptData data = Test::combinedReceipt();
        data.outputCount = 2;
        const QString text = squeezed(render(ReceiptLayout::receipt(data, Paper::Roll80), QStringLiteral("copy")));
        QVERIFY2(text.contains(QStringLiteral("重打（第2次）")), qPrintable(text));
    }

    void voidIsStamped()
    {
        ReceiptData data = Test::combinedReceipt();
        data.voided = true;
        const Document document = ReceiptLayout::receipt(data, Paper::Roll58);
        QCOMPARE(document.stamp, QStringLiteral("作废"));
        const QString text = squeezed(render(document, QStringLiteral("void")));
        QVERIFY2(text.contains(QStringLiteral("作")) && text.contains(QStringLiteral("废")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("本凭证已作废")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("H01T01-00000042")));
    }

    void refundReceipt()
    {
        ReceiptData data = Test::combinedReceipt();
        data.kind = QStringLiteral("refund");
        data.receiptNo = QStringLiteral("H01T01-00000043");
        data.accounts = {data.accounts.at(1)};
        data.accounts[0].bills.clear();
        data.accounts[0].toPrepaid = -Money::fromFen(3578);
        data.accounts[0].prepaidAfter = Money::fromFen(0);
        data.accounts[0].total = Money::fromFen(3578);
        data.tenders = {{TenderMethod::Cash, Money::fromFen(3578), Money::fromFen(3578), {}}};
        data.amount = Money::fromFen(3578);
        data.tendered = Money::fromFen(3578);
        data.change = Money::fromFen(0);
        const QString text = squeezed(render(ReceiptLayout::receipt(data, Paper::Roll80), QStringLiteral("refund")));
        for (const QString& expected :
             {QStringLiteral("预存退费凭证"), QStringLiteral("H01T01-00000043"), QStringLiteral("预存退出"),
              QStringLiteral("35.78"), QStringLiteral("退款金额"), QStringLiteral("叁拾伍元柒角捌分")}) {
            QVERIFY2(text.contains(expected), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(expected, text)));
        }
        QVERIFY(!text.contains(QStringLiteral("找零")));
    }

    void englishLabelsWithoutTranslation()
    {
        QCoreApplication::removeTranslator(&m_chinese);
        const QString text = squeezed(
            render(ReceiptLayout::receipt(Test::combinedReceipt(), Paper::Roll80), QStringLiteral("english")));
        for (const QString& expected :
             {QStringLiteral("Receipt No."), QStringLiteral("Account No."), QStringLiteral("Total"),
              QStringLiteral("Change"), QStringLiteral("伍佰元整")}) {
            QVERIFY2(text.contains(expected), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(expected, text)));
        }
    }

    // A character GBK cannot carry is printed as 〓, named in a footnote by its code point, and reported; the rest
    // of the text stays.
    void uncarriableCharacterIsMarkedNotDropped()
    {
        ReceiptData data = Test::combinedReceipt();
        data.accounts[0].name = QStringLiteral("𠮷野家餐饮") + QChar(0x4DAE) + QStringLiteral("店");
        data.accounts[1].address += QStringLiteral("😀");
        QCOMPARE(PdfRenderer::uncarriable(data.accounts[0].name), (QList<char32_t>{0x20BB7}));
        QVERIFY(PdfRenderer::uncarriable(QStringLiteral("张伟 ¥1,234.50 囧 é")).isEmpty());

        QStringList warnings;
        const QString text
            = squeezed(render(ReceiptLayout::receipt(data, Paper::Roll80), QStringLiteral("rare"), &warnings));
        QCOMPARE(warnings.size(), 2);
        QVERIFY(warnings.at(0).contains(QStringLiteral("U+20BB7")));
        QVERIFY(warnings.at(1).contains(QStringLiteral("U+1F600")));
        // 䶮 (extension A) has a two-byte GB18030 code that GBK-EUC-H carries: it is printed, not replaced.
        QVERIFY2(text.contains(QStringLiteral("〓野家餐饮䶮店")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("清泰街56号〓")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("U+20BB7")) && text.contains(QStringLiteral("U+1F600")),
                 qPrintable(text));
    }

    void settlementReport_data()
    {
        QTest::addColumn<QString>("paper");
        QTest::newRow("80 mm") << QStringLiteral("80mm");
        QTest::newRow("A5") << QStringLiteral("a5");
    }

    void settlementReport()
    {
        QFETCH(QString, paper);
        const SettlementData data = Test::settlementWithVariance();
        const QString text
            = render(SettlementLayout::settlement(data, *paperFromCode(paper)), QStringLiteral("settlement-") + paper);
        const QString flat = squeezed(text);
        for (const QString& expected :
             {QStringLiteral("收费日结报表"), QStringLiteral("2026-11-30"), QStringLiteral("¥100.00 12 1,200.00"),
              QStringLiteral("¥0.10 3 0.30"), QStringLiteral("1,514.80"), QStringLiteral("1,515.30"),
              QStringLiteral("-0.50"), QStringLiteral("860.00"), QStringLiteral("432.15"), QStringLiteral("应收"),
              QStringLiteral("差额"), QStringLiteral("盲点"), QStringLiteral("37"),
              QStringLiteral("H01T01-00000006 - H01T01-00000043"), QStringLiteral("陈主任"),
              QStringLiteral("找零时少收五角"), QStringLiteral("负伍角"), QStringLiteral("收费员签字"),
              QStringLiteral("2026-11-30 17:45:00")}) {
            QVERIFY2(flat.contains(expected), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(expected, text)));
        }
        // The paper anchor, its hash printed in groups of eight that may wrap: whole once the blanks are gone.
        QVERIFY2(flat.contains(QStringLiteral("审计锚点：1284 条记录")), qPrintable(text));
        QVERIFY2(QString(text).remove(QRegularExpression(QStringLiteral("\\s"))).contains(data.auditHash),
                 qPrintable(text));
    }

    void qrCodeCarriesTheVerificationCode()
    {
        const ReceiptData data = Test::combinedReceipt();
        QCOMPARE(data.verificationCode(),
                 QStringLiteral("HDR1|H01T01-00000042|50000|6f1c2f9e-3b7a-4c1d-9e55-0a2b3c4d5e6f"));
        const QrMatrix matrix = encodeQr(data.verificationCode());
        QVERIFY(matrix.size >= 21);
        // The finder pattern's corner modules are dark in every QR code.
        QVERIFY(matrix.dark(0, 0) && matrix.dark(matrix.size - 1, 0) && matrix.dark(0, matrix.size - 1));
        const Document document = ReceiptLayout::receipt(data, Paper::Roll80);
        const auto qr = std::find_if(document.blocks.cbegin(), document.blocks.cend(),
                                     [](const DocumentBlock& b) { return std::holds_alternative<QrBlock>(b); });
        QVERIFY(qr != document.blocks.cend());
        QCOMPARE(std::get<QrBlock>(*qr).payload, data.verificationCode());
    }

    void renderTimeIsReported()
    {
        // The bench (halldeskctl bench pay) reports a time only for receipts that really rendered (NaN otherwise);
        // its speed goal is the bench's to report, never a threshold in a test (docs/documents.md).
        const double millis = benchReceiptPdfMillis(Test::combinedReceipt(), Paper::Roll80, 5);
        qInfo("receipt PDF render: %.2f ms per receipt", millis);
        QVERIFY2(qIsFinite(millis) && millis > 0, qPrintable(QString::number(millis)));
    }
};

QTEST_GUILESS_MAIN(TestDocuments)
#include "TestDocuments.moc"
