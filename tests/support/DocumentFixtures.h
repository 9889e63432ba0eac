#pragma once

#include "app/counter/Counter.h"

#include <QHash>
#include <QTranslator>

// Receipts and settlements made by hand for the document and printing tests, the Chinese document labels, and
// text extraction from PDFs with poppler's pdftotext.
namespace HallDesk::Test {

// A combined receipt: two accounts with Chinese names and addresses, three bills, a waived late fee, a surplus
// kept as prepaid balance, cash with change plus a bank card. H01T01-00000042, ¥500.00.
ReceiptData combinedReceipt();
// Cash by denomination, a card and a QR total, a 0.50 shortfall approved by a supervisor, a blind count.
SettlementData settlementWithVariance();

// Translates the document labels into Chinese from tests/data/documents/labels_zh_CN.tsv, so the tests can check
// Chinese labels whatever state the .ts files are in.
class ChineseLabels final : public QTranslator
{
public:
    ChineseLabels();
    QString translate(const char* context, const char* sourceText, const char* disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override { return m_labels.isEmpty(); }

private:
    QHash<QString, QString> m_labels; // "context\nsource" → translation
};

// `pdftotext -layout` of a PDF file; an empty string and a test failure message in *error when it fails.
QString pdfText(const QString& path, QString* error = nullptr);
// The QR codes on the first page, decoded with pdftoppm and zbarimg (zbar-tools); empty with *error when none.
QStringList pdfQrCodes(const QString& path, QString* error);
// The first page's size in points from `pdfinfo`, (0, 0) when it fails.
QSizeF pdfPageSizePt(const QString& path);

} // namespace HallDesk::Test
