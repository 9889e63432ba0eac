#include "app/documents/PainterRenderer.h"
#include "app/documents/ReceiptLayout.h"
#include "app/documents/SettlementLayout.h"
#include "tests/support/CupsPdfQueue.h"
#include "tests/support/DocumentFixtures.h"
#include "ui/print/DocumentPrinter.h"

#include <QApplication>
#include <QComboBox>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

using namespace HallDesk;

// Printing for real: receipts and the settlement report through QPrinter into a PDF file and through a CUPS queue
// (cups-pdf), their text read back with pdftotext and their QR code with zbarimg.
class TestPrinting : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::ChineseLabels m_chinese;
    // The test's own cupsd, started before anything here talks to CUPS and stopped with the test.
    Test::CupsPdfQueue m_cups;
    QString m_cupsError;

    QString output(const QString& name) const
    {
        // HALLDESK_TEST_OUTPUT keeps the PDFs for a person to look at.
        const QString keep = qEnvironmentVariable("HALLDESK_TEST_OUTPUT");
        return (keep.isEmpty() ? m_dir.path() : keep) + QLatin1Char('/') + name + QStringLiteral(".pdf");
    }

    static QString squeezed(const QString& text)
    {
        static const QRegularExpression blanks(QStringLiteral("[ \\t]+"));
        return QString(text).replace(blanks, QStringLiteral(" "));
    }

    // Qt's PDF output names some ideographs of Noto Sans CJK by the radical that shares their glyph (户 comes out
    // as ⼾ U+2F3E, 民 as ⺠ U+2EA0); on paper they are the same. So an ideograph of `expected` also matches a
    // radical there.
    static bool has(const QString& text, const QString& expected)
    {
        QString pattern;
        for (const QChar c : expected) {
            const bool ideograph = c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF;
            pattern += ideograph ? QStringLiteral("(?:%1|[\\x{2E80}-\\x{2FDF}])").arg(QString(c))
                                 : QRegularExpression::escape(QString(c));
        }
        return QRegularExpression(pattern).match(text).hasMatch();
    }

    static void verifyReceiptText(const QString& path)
    {
        QString error;
        const QString text = squeezed(Test::pdfText(path, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const QString& expected :
             {QStringLiteral("H01T01-00000042"), QStringLiteral("3301000001"), QStringLiteral("3301000002"),
              QStringLiteral("500.00"), QStringLiteral("222.42"), QStringLiteral("100.00"), QStringLiteral("户号"),
              QStringLiteral("合计"), QStringLiteral("找零"), QStringLiteral("张伟"), QStringLiteral("伍佰元整"),
              QStringLiteral("重打（第1次）")}) {
            QVERIFY2(has(text, expected), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(expected, text)));
        }
    }

    static ReceiptData copyReceipt()
    {
        ReceiptData data = Test::combinedReceipt();
        data.outputCount = 1;
        return data;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(!m_chinese.isEmpty());
        QCoreApplication::installTranslator(&m_chinese);
        if (!m_cups.ensure(&m_cupsError) && m_cupsError.isEmpty()) {
            m_cupsError = QStringLiteral("CUPS could not be set up");
        }
    }

    void receiptToPdfThroughQPrinter_data()
    {
        QTest::addColumn<QString>("paper");
        QTest::addColumn<int>("widthMm");
        QTest::newRow("80 mm") << QStringLiteral("80mm") << 80;
        QTest::newRow("58 mm") << QStringLiteral("58mm") << 58;
        QTest::newRow("A5") << QStringLiteral("a5") << 148;
    }

    void receiptToPdfThroughQPrinter()
    {
        QFETCH(QString, paper);
        QFETCH(int, widthMm);
        const QString path = output(QStringLiteral("qprinter-receipt-") + paper);
        DocumentPrinter::printToPdf(ReceiptLayout::receipt(copyReceipt(), *paperFromCode(paper)), path);
        verifyReceiptText(path);
        QCOMPARE(qRound(Test::pdfPageSizePt(path).width() * 25.4 / 72), widthMm);
        QString error;
        const QStringList codes = Test::pdfQrCodes(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(codes, QStringList{copyReceipt().verificationCode()});
    }

    void voidedReceiptIsStamped()
    {
        ReceiptData data = copyReceipt();
        data.voided = true;
        const QString path = output(QStringLiteral("qprinter-void"));
        DocumentPrinter::printToPdf(ReceiptLayout::receipt(data, Paper::Roll80), path);
        const QString text = squeezed(Test::pdfText(path));
        QVERIFY2(has(text, QStringLiteral("作废")) && has(text, QStringLiteral("本凭证已作废")), qPrintable(text));
    }

    void settlementToPdfThroughQPrinter()
    {
        const QString path = output(QStringLiteral("qprinter-settlement"));
        DocumentPrinter::printToPdf(SettlementLayout::settlement(Test::settlementWithVariance(), Paper::A5), path);
        const QString text = squeezed(Test::pdfText(path));
        for (const QString& expected :
             {QStringLiteral("收费日结报表"), QStringLiteral("1,514.80"), QStringLiteral("-0.50"),
              QStringLiteral("陈主任"), QStringLiteral("H01T01-00000006"), QStringLiteral("负伍角")}) {
            QVERIFY2(has(text, expected), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(expected, text)));
        }
    }

    // The system fonts carry what libharu's GBK fonts cannot: the printed slip draws the character itself.
    void printedSlipKeepsRareCharacters()
    {
        ReceiptData data = copyReceipt();
        data.accounts[0].name = QStringLiteral("𠮷野家");
        const QString path = output(QStringLiteral("qprinter-rare"));
        DocumentPrinter::printToPdf(ReceiptLayout::receipt(data, Paper::Roll80), path);
        // Qt names non-BMP characters in its PDF with nothing pdftotext can read, so the check is that the name is
        // there and was not replaced as in the libharu PDF (docs/screenshots show the glyph).
        const QString text = Test::pdfText(path);
        QVERIFY2(text.contains(QStringLiteral("野家")), qPrintable(text));
        QVERIFY(!text.contains(QChar(0x3013)));
    }

    void previewImageHasThePaperWidth()
    {
        const QImage image = PainterRenderer::image(ReceiptLayout::receipt(copyReceipt(), Paper::Roll58), 203);
        QCOMPARE(qRound(image.width() * 25.4 / 203), 58);
        QVERIFY(image.height() > image.width());
        // Text, rules and the QR code were drawn.
        int dark = 0;
        for (int y = 0; y < image.height(); y += 3) {
            for (int x = 0; x < image.width(); x += 3) {
                dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
            }
        }
        QVERIFY(dark > 500);
    }

    void paperChoiceIsRemembered()
    {
        DocumentPrinter::setPaper(Paper::Roll58);
        QCOMPARE(DocumentPrinter::paper(), Paper::Roll58);
        DocumentPrinter::setPaper(Paper::A5);
        QCOMPARE(DocumentPrinter::paper(), Paper::A5);
        QSettings().remove(QStringLiteral("print/paper"));
        QCOMPARE(DocumentPrinter::paper(), Paper::Roll80);
    }

    // The preview dialog shows the receipt on one roll page and offers the paper choice; closing it prints nothing.
    void previewOffersPaperChoice()
    {
        bool sawChoice = false;
        QTimer::singleShot(0, this, [&sawChoice] {
            for (QWidget* widget : QApplication::topLevelWidgets()) {
                if (auto* dialog = qobject_cast<QPrintPreviewDialog*>(widget); dialog && dialog->isVisible()) {
                    auto* combo = dialog->findChild<QComboBox*>(QStringLiteral("paperChoice"));
                    auto* preview = dialog->findChild<QPrintPreviewWidget*>();
                    sawChoice = combo && combo->count() == 3 && preview && preview->pageCount() == 1;
                    if (combo) {
                        combo->setCurrentIndex(1); // 58 mm: lays the preview out again
                    }
                    dialog->reject();
                }
            }
        });
        QVERIFY(!DocumentPrinter::printReceipt(nullptr, copyReceipt(), true));
        QVERIFY(sawChoice);
        QCOMPARE(DocumentPrinter::paper(), Paper::Roll58);
        QSettings().remove(QStringLiteral("print/paper"));
    }

    void receiptAndSettlementThroughCups()
    {
        Test::CupsPdfQueue& cups = m_cups;
        QString error;
        QVERIFY2(m_cupsError.isEmpty(), qPrintable(m_cupsError));
        QVERIFY2(cups.ensure(&error), qPrintable(error));
        const QString queue = QString::fromLatin1(Test::CupsPdfQueue::kQueue);

        // cups-pdf names its file after the job title: a unique ASCII title finds our job.
        const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(12);
        Document receipt = ReceiptLayout::receipt(copyReceipt(), Paper::Roll80);
        receipt.title = QStringLiteral("HallDeskReceipt-") + tag;
        Document settlement = SettlementLayout::settlement(Test::settlementWithVariance(), Paper::Roll80);
        settlement.title = QStringLiteral("HallDeskSettlement-") + tag;
        const QDateTime since = QDateTime::currentDateTime();
        DocumentPrinter::printToPrinter(receipt, queue);
        DocumentPrinter::printToPrinter(settlement, queue);

        // cups-pdf turns the job into PostScript and back with Ghostscript, which turns Qt's embedded CID fonts into
        // Type 3 fonts without a Unicode map: pdftotext reads no text there. So the output is checked by what a
        // scanner reads: the QR codes (receipt number, amount, payment UUID; settlement totals), and the page size.
        const QString receiptPdf = cups.waitForOutput(receipt.title, since, 60000, &error);
        QVERIFY2(!receiptPdf.isEmpty(), qPrintable(error));
        QCOMPARE(qRound(Test::pdfPageSizePt(receiptPdf).width() * 25.4 / 72), 80);
        QCOMPARE(Test::pdfQrCodes(receiptPdf, &error), QStringList{copyReceipt().verificationCode()});
        const QString settlementPdf = cups.waitForOutput(settlement.title, since, 60000, &error);
        QVERIFY2(!settlementPdf.isEmpty(), qPrintable(error));
        QCOMPARE(Test::pdfQrCodes(settlementPdf, &error),
                 QStringList{SettlementLayout::verificationCode(Test::settlementWithVariance())});
        QVERIFY(Test::pdfPageSizePt(settlementPdf).height() > Test::pdfPageSizePt(receiptPdf).height() * 0.5);
        QFile::remove(receiptPdf);
        QFile::remove(settlementPdf);
    }

    void unknownPrinterIsAnError()
    {
        QVERIFY_THROWS_EXCEPTION(DocumentError,
                                 DocumentPrinter::printToPrinter(ReceiptLayout::receipt(copyReceipt(), Paper::Roll80),
                                                                 QStringLiteral("NoSuchPrinter")));
    }
};

QTEST_MAIN(TestPrinting)
#include "TestPrinting.moc"
