#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "app/counter/CounterService.h"
#include "app/documents/PdfRenderer.h"
#include "app/documents/ReceiptLayout.h"
#include "db/Store.h"

#include <QFileInfo>
#include <QJsonArray>
#include <cstdio>

namespace HallDesk::Cli {

// halldeskctl receipt --db PATH RECEIPT_NO --pdf FILE [--paper 80mm|58mm|a5]
// Writes the receipt as it was committed; the output is counted, so every output after the first says 重打.
int runReceipt(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Write a receipt as PDF. Every output after the first is marked as a "
                                              "copy (重打)."));
    parser.addPositionalArgument(QStringLiteral("RECEIPT_NO"), Text::tr("The receipt number, e.g. H01T01-00000042."));
    parser.addOptions({
        {QStringLiteral("db"), Text::tr("The store."), QStringLiteral("PATH")},
        {QStringLiteral("pdf"), Text::tr("The PDF file to write."), QStringLiteral("FILE")},
        {QStringLiteral("paper"), Text::tr("80mm (default), 58mm or a5."), QStringLiteral("PAPER")},
    });
    parse(parser, args);
    if (parser.positionalArguments().size() != 1) {
        throw CliError{Text::tr("Name exactly one receipt number."), kExitUsage};
    }
    const QString receiptNo = parser.positionalArguments().first();
    const QString dbPath = required(parser, QStringLiteral("db"));
    const QString pdfPath = required(parser, QStringLiteral("pdf"));
    const QString paperText
        = parser.isSet(QStringLiteral("paper")) ? parser.value(QStringLiteral("paper")) : paperCode(Paper::Roll80);
    const std::optional<Paper> paper = paperFromCode(paperText);
    if (!paper) {
        throw CliError{Text::tr("--paper \"%1\": use 80mm, 58mm or a5.").arg(paperText), kExitUsage};
    }

    const std::unique_ptr<Store> store = openStore(dbPath);
    CounterService counter(*store);
    const ReceiptData receipt = counter.receipt(receiptNo);
    QStringList warnings;
    try {
        warnings = PdfRenderer::writeFile(ReceiptLayout::receipt(receipt, *paper), pdfPath);
    } catch (const DocumentError& error) {
        throw CliError{error.message(), kExitFailure};
    }
    // Counted only once the file exists: a failed write is no output.
    counter.recordOutput(receiptNo);
    for (const QString& warning : warnings) {
        std::fprintf(stderr, "halldeskctl receipt: %s\n", qPrintable(warning));
    }
    printJson({
        {QStringLiteral("receipt_no"), receipt.receiptNo},
        {QStringLiteral("pdf"), QFileInfo(pdfPath).absoluteFilePath()},
        {QStringLiteral("paper"), paperCode(*paper)},
        {QStringLiteral("copy"), receipt.isCopy()},
        {QStringLiteral("output"), receipt.outputCount + 1},
        {QStringLiteral("voided"), receipt.voided},
        {QStringLiteral("amount"), receipt.amount.toString()},
        {QStringLiteral("amount_fen"), receipt.amount.fen()},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
    });
    return kExitOk;
}

} // namespace HallDesk::Cli
