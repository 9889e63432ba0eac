#include "ui/print/DocumentPrinter.h"

#include "app/documents/PainterRenderer.h"
#include "app/documents/ReceiptLayout.h"
#include "app/documents/SettlementLayout.h"
#include "db/PrivateFiles.h"

#include <QAction>
#include <QBoxLayout>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPrinterInfo>
#include <QPushButton>
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

// A row at the foot of the preview, where a dialog's buttons are and nobody can miss it: the printer (the printers of
// this computer), the paper (changing it lays the document out again) and a Print button with its name on it. The
// tool bar keeps its own buttons; on a narrow window it would hide anything added to it.
void addChoices(QPrintPreviewDialog& dialog, QPrinter& printer, Paper& paper)
{
    auto* preview = dialog.findChild<QPrintPreviewWidget*>();
    auto* layout = qobject_cast<QBoxLayout*>(dialog.layout());
    if (!preview || !layout) {
        return; // the remembered printer and paper still apply
    }
    auto* row = new QWidget(&dialog);
    row->setObjectName(QStringLiteral("printChoices"));
    auto* rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(8, 4, 8, 4);

    auto* printers = new QComboBox(row);
    printers->setObjectName(QStringLiteral("printerChoice"));
    const QStringList names = QPrinterInfo::availablePrinterNames();
    for (const QString& name : names) {
        printers->addItem(name, name);
    }
    if (names.isEmpty()) {
        printers->addItem(DocumentPrinter::tr("No printer installed"));
        printers->setEnabled(false);
        printers->setToolTip(DocumentPrinter::tr("This computer has no printer yet: ask the administrator to install "
                                                 "the receipt printer. Print can still write a PDF file."));
    }
    printers->setCurrentIndex(std::max(0, int(names.indexOf(printer.printerName()))));
    QObject::connect(printers, &QComboBox::currentIndexChanged, &dialog, [printers, &printer](int) {
        const QString name = printers->currentData().toString();
        if (!name.isEmpty()) {
            printer.setPrinterName(name);
        }
    });

    auto* papers = new QComboBox(row);
    papers->setObjectName(QStringLiteral("paperChoice"));
    for (const Paper p : allPapers()) {
        papers->addItem(paperName(p), paperCode(p));
    }
    papers->setCurrentIndex(int(allPapers().indexOf(paper)));
    QObject::connect(papers, &QComboBox::currentIndexChanged, preview, [preview, &paper](int index) {
        paper = allPapers().value(index, Paper::Roll80);
        DocumentPrinter::setPaper(paper);
        preview->updatePreview();
    });

    // The tool bar's print action, by its (translated) name: it prints to the chosen printer.
    QAction* printAction = nullptr;
    if (auto* toolBar = dialog.findChild<QToolBar*>()) {
        // Qt's own string, as Qt's translation gives it (not one of ours: lupdate does not read variables)
        const char* const context = "QPrintPreviewDialog";
        const char* const source = "Print";
        const QString printText = QCoreApplication::translate(context, source);
        for (QAction* action : toolBar->actions()) {
            if (action->text() == printText) {
                printAction = action;
            }
        }
    }
    auto* label = new QLabel(DocumentPrinter::tr("&Printer:"), row);
    label->setBuddy(printers);
    rowLayout->addWidget(label);
    rowLayout->addWidget(printers, 1);
    rowLayout->addSpacing(12);
    auto* paperLabel = new QLabel(DocumentPrinter::tr("P&aper:"), row);
    paperLabel->setBuddy(papers);
    rowLayout->addWidget(paperLabel);
    rowLayout->addWidget(papers);
    if (printAction) {
        auto* print = new QPushButton(DocumentPrinter::tr("Print"), row);
        print->setObjectName(QStringLiteral("printButton"));
        print->setDefault(true);
        QObject::connect(print, &QPushButton::clicked, printAction, &QAction::trigger);
        rowLayout->addSpacing(12);
        rowLayout->addWidget(print);
    }
    layout->addWidget(row);
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
    addChoices(dialog, printer, chosen);
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
    // QPrinter creates its file with the umask; a file that is 0600 before it writes stays 0600 (owner-only, like
    // every file with personal data: docs/security.md)
    try {
        if (QFileInfo::exists(path)) {
            QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        } else {
            PrivateFiles::createFile(path);
        }
    } catch (const StoreError& error) {
        throw DocumentError(error.message());
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    paint(document, printer);
    if (!QFileInfo(path).isFile() || PrivateFiles::mode(path) != int(PrivateFiles::kFileMode)) {
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
