#pragma once

#include "app/counter/Counter.h"
#include "app/documents/DocumentComposer.h"

#include <QCoreApplication>
#include <functional>

class QPrinter;
class QWidget;

namespace HallDesk {

// Prints documents through QPrinter with the same layout as the PDF archive copy (PainterRenderer).
//
// The paper (80 mm roll, 58 mm roll, A5), the receipt printer and the report printer are remembered per machine in
// QSettings ("print/paper", "print/printer", "print/reportPrinter"), because they belong to the printers at that
// counter, not to the hall's store. An administrator sets them under Settings → Printers and paper
// (PrinterSettingsDialog); the print preview offers the same choice.
//
// For receipts the caller records the output once printing succeeded:
//     if (DocumentPrinter::printReceipt(this, counter.receipt(no), preview)) counter.recordOutput(no, &session);
class DocumentPrinter final
{
    Q_DECLARE_TR_FUNCTIONS(DocumentPrinter)

public:
    // Builds the document for a paper; the layout changes with the paper (58 mm wraps more).
    using Layout = std::function<Document(Paper)>;

    static Paper paper(); // 80 mm roll until chosen
    static void setPaper(Paper paper);
    // Which printer a document goes to: receipts to the counter's receipt printer, reports (the settlement) to the
    // report printer.
    enum class Destination
    {
        Receipt,
        Report,
    };

    static QString printerName(Destination destination = Destination::Receipt); // empty: the system's default
    static void setPrinterName(const QString& name, Destination destination = Destination::Receipt);

    // Interactive printing. With `preview`, a QPrintPreviewDialog with the printer and paper choice in its tool bar
    // (both remembered once printed); its Print button prints to the chosen printer. Without, straight to the
    // remembered printer with no dialog (the counter's one-key reprint). Returns true when the document went to the
    // printer; problems are shown to the person in a message box and return false.
    static bool printReceipt(QWidget* parent, const ReceiptData& receipt, bool preview);
    static bool printSettlement(QWidget* parent, const SettlementData& settlement, bool preview,
                                const QString& timeZone = QStringLiteral("Asia/Shanghai"));
    static bool print(QWidget* parent, const Layout& layout, bool preview,
                      Destination destination = Destination::Receipt);

    // Unattended printing (and the tests): to the named printer (empty: the system's default) or to a PDF file
    // through QPrinter's own PDF output, i.e. exactly what the paper gets. Throw DocumentError.
    static void printToPrinter(const Document& document, const QString& printerName);
    static void printToPdf(const Document& document, const QString& path);

    // Lays `document` out for `printer` and paints it: a roll gets a page as long as the receipt, a sheet its A5
    // pages; no margins beyond the layout's own. Throws DocumentError when the printer cannot be opened.
    static void paint(const Document& document, QPrinter& printer);
};

} // namespace HallDesk
