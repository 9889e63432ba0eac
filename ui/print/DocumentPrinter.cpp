#include "ui/print/DocumentPrinter.h"

#include "app/documents/PainterRenderer.h"
#include "app/documents/ReceiptLayout.h"
#include "app/documents/SettlementLayout.h"

#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPrinterInfo>
#include <QSettings>
#include <QToolBar>
#include <algorithm>

namespace HallDesk {

namespace {

const QString kPaperKey = QStringLiteral("print/paper");
const QString kPrinterKey = QStringLiteral("print/printer");
const QString kReportPrinterKey = QStringLiteral("print/reportPrinter");

QString printerKey(DocumentPrinter::Destination destination)
{
    return destination == DocumentPrinter::Destination::Report ? kReportPrinterKey : kPrinterKey;
}

// The printer choice in the preview's tool bar: the printers of this computer. The Print button prints there.
void addPrinterChoice(QPrintPreviewDialog& dialog, QPrinter& printer)
{
    auto* toolBar = dialog.findChild<QToolBar*>();
    if (!toolBar) {
        return;
    }
    auto* combo = new QComboBox(toolBar);
    combo->setObjectName(QStringLiteral("printerChoice"));
    const QStringList names = QPrinterInfo::availablePrinterNames();
    for (const QString& name : names) {
        combo->addItem(name, name);
    }
    if (names.isEmpty()) {
        combo->addItem(DocumentPrinter::tr("No printer installed"));
        combo->setEnabled(false);
        combo->setToolTip(DocumentPrinter::tr("This computer has no printer yet: ask the administrator to install "
                                              "the receipt printer. Print can still write a PDF file."));
    }
    combo->setCurrentIndex(std::max(0, int(names.indexOf(printer.printerName()))));
    toolBar->addSeparator();
    toolBar->addWidget(new QLabel(DocumentPrinter::tr("Printer:"), toolBar));
    toolBar->addWidget(combo);
    QObject::connect(combo, &QComboBox::currentIndexChanged, &dialog, [combo, &printer](int) {
        const QString name = combo->currentData().toString();
        if (!name.isEmpty()) {
            printer.setPrinterName(name);
        }
    });
}

// The paper choice in the preview's tool bar: changing it lays the document out again.
void addPaperChoice(QPrintPreviewDialog& dialog, Paper& paper)
{
    auto* toolBar = dialog.findChild<QToolBar*>();
    auto* preview = dialog.findChild<QPrintPreviewWidget*>();
    if (!toolBar || !preview) {
        return; // the remembered paper still applies
    }
    auto* combo = new QComboBox(toolBar);
    combo->setObjectName(QStringLiteral("paperChoice"));
    for (const Paper p : allPapers()) {
        combo->addItem(paperName(p), paperCode(p));
    }
    combo->setCurrentIndex(int(allPapers().indexOf(paper)));
    toolBar->addSeparator();
    toolBar->addWidget(new QLabel(DocumentPrinter::tr("Paper:"), toolBar));
    toolBar->addWidget(combo);
    QObject::connect(combo, &QComboBox::currentIndexChanged, preview, [preview, &paper](int index) {
        paper = allPapers().value(index, Paper::Roll80);
        DocumentPrinter::setPaper(paper);
        preview->updatePreview();
    });
}

} // namespace

Paper DocumentPrinter::paper()
{
    return paperFromCode(QSettings().value(kPaperKey).toString()).value_or(Paper::Roll80);
}

void DocumentPrinter::setPaper(Paper paper)
{
    QSettings().setValue(kPaperKey, paperCode(paper));
}

QString DocumentPrinter::printerName(Destination destination)
{
    return QSettings().value(printerKey(destination)).toString();
}

void DocumentPrinter::setPrinterName(const QString& name, Destination destination)
{
    QSettings().setValue(printerKey(destination), name);
}

bool DocumentPrinter::printReceipt(QWidget* parent, const ReceiptData& receipt, bool preview)
{
    return print(
        parent, [receipt](Paper paper) { return ReceiptLayout::receipt(receipt, paper); }, preview);
}

bool DocumentPrinter::printSettlement(QWidget* parent, const SettlementData& settlement, bool preview,
                                      const QString& timeZone)
{
    return print(
        parent,
        [settlement, timeZone](Paper paper) { return SettlementLayout::settlement(settlement, paper, timeZone); },
        preview, Destination::Report);
}

bool DocumentPrinter::print(QWidget* parent, const Layout& layout, bool preview, Destination destination)
{
    Paper chosen = paper();
    QPrinter printer(QPrinter::HighResolution);
    const QString name = printerName(destination);
    if (!name.isEmpty() && QPrinterInfo::availablePrinterNames().contains(name)) {
        printer.setPrinterName(name);
    }
    if (!preview) {
        if (printer.printerName().isEmpty() || !printer.isValid()) {
            QMessageBox::warning(
                parent, tr("Printing"),
                tr("No printer is set up on this computer. Choose one in the print preview, or ask the "
                   "administrator to install the receipt printer."));
            return false;
        }
        try {
            paint(layout(chosen), printer);
        } catch (const DocumentError& error) {
            QMessageBox::warning(parent, tr("Printing"), error.message());
            return false;
        }
        return true;
    }

    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setWindowTitle(tr("Print preview"));
    QString failure;
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog, [&](QPrinter* target) {
        try {
            paint(layout(chosen), *target);
        } catch (const DocumentError& error) {
            failure = error.message();
        }
    });
    dialog.setObjectName(QStringLiteral("printPreview"));
    addPrinterChoice(dialog, printer);
    addPaperChoice(dialog, chosen);
    const bool printed = dialog.exec() == QDialog::Accepted;
    if (printed && !failure.isEmpty()) {
        QMessageBox::warning(parent, tr("Printing"), failure);
        return false;
    }
    if (printed && printer.outputFormat() == QPrinter::NativeFormat) {
        setPrinterName(printer.printerName(), destination);
    }
    return printed;
}

void DocumentPrinter::printToPrinter(const Document& document, const QString& printerName)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::NativeFormat);
    if (!printerName.isEmpty()) {
        if (!QPrinterInfo::availablePrinterNames().contains(printerName)) {
            throw DocumentError(tr("There is no printer \"%1\" on this computer.").arg(printerName));
        }
        printer.setPrinterName(printerName);
    }
    if (printer.printerName().isEmpty() || !printer.isValid()) {
        throw DocumentError(tr("No printer is set up on this computer."));
    }
    paint(document, printer);
}

void DocumentPrinter::printToPdf(const Document& document, const QString& path)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    paint(document, printer);
    if (!QFileInfo(path).isFile()) {
        throw DocumentError(tr("Cannot write %1.").arg(path));
    }
}

void DocumentPrinter::paint(const Document& document, QPrinter& printer)
{
    // Fonts are measured at the printer's resolution, so the line breaks are the printed ones.
    const ComposedDocument composed = PainterRenderer::compose(document, &printer);
    const QSizeF size = composed.pages.first().sizeMm;
    const QPageSize pageSize = document.paper == Paper::A5
        ? QPageSize(QPageSize::A5)
        : QPageSize(size, QPageSize::Millimeter, paperName(document.paper), QPageSize::ExactMatch);
    printer.setFullPage(true);
    if (!printer.setPageLayout(QPageLayout(pageSize, QPageLayout::Portrait, QMarginsF()))) {
        // A driver with hardware margins refuses zero margins; the layout keeps its own margins anyway.
        printer.setPageSize(pageSize);
    }
    printer.setDocName(document.title);
    QPainter painter;
    if (!painter.begin(&printer)) {
        throw DocumentError(tr("The printer \"%1\" cannot be opened.").arg(printer.printerName()));
    }
    for (qsizetype i = 0; i < composed.pages.size(); ++i) {
        if (i > 0) {
            printer.newPage();
        }
        PainterRenderer::paintPage(painter, composed.pages.at(i));
    }
    if (!painter.end() || printer.printerState() == QPrinter::Error || printer.printerState() == QPrinter::Aborted) {
        throw DocumentError(tr("Printing \"%1\" failed.").arg(document.title));
    }
}

} // namespace HallDesk
