#include "ui/settings/PrinterSettingsDialog.h"

#include "ui/print/DocumentPrinter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPrinterInfo>
#include <QVBoxLayout>

namespace HallDesk {

PrinterSettingsDialog::PrinterSettingsDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("printerSettings"));
    setWindowTitle(tr("Printers and paper"));
    m_receiptPrinter = printerChoice(QStringLiteral("receiptPrinter"),
                                     DocumentPrinter::printerName(DocumentPrinter::Destination::Receipt));
    m_reportPrinter = printerChoice(QStringLiteral("reportPrinter"),
                                    DocumentPrinter::printerName(DocumentPrinter::Destination::Report));
    m_paper = new QComboBox(this);
    m_paper->setObjectName(QStringLiteral("receiptPaper"));
    for (const Paper paper : allPapers()) {
        m_paper->addItem(paperName(paper), paperCode(paper));
    }
    m_paper->setCurrentIndex(int(allPapers().indexOf(DocumentPrinter::paper())));

    auto* form = new QFormLayout;
    form->addRow(tr("&Receipt printer:"), m_receiptPrinter);
    form->addRow(tr("Receipt &paper:"), m_paper);
    form->addRow(tr("Re&port printer:"), m_reportPrinter);
    auto* hint = new QLabel(tr("These settings belong to this computer. A receipt prints at once on the receipt "
                               "printer after each payment; without one, the print preview opens so that a printer "
                               "can be chosen there."),
                            this);
    hint->setWordWrap(true);
    if (QPrinterInfo::availablePrinterNames().isEmpty()) {
        hint->setText(hint->text() + QLatin1Char('\n')
                      + tr("This computer has no printer installed yet: install the receipt printer first (CUPS)."));
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &PrinterSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PrinterSettingsDialog::reject);
    setMinimumWidth(480);
}

QComboBox* PrinterSettingsDialog::printerChoice(const QString& objectName, const QString& current)
{
    auto* combo = new QComboBox(this);
    combo->setObjectName(objectName);
    combo->addItem(tr("System default printer"), QString());
    QStringList names = QPrinterInfo::availablePrinterNames();
    if (!current.isEmpty() && !names.contains(current)) {
        names << current; // chosen before, not installed now: kept, and shown as such
    }
    for (const QString& name : std::as_const(names)) {
        combo->addItem(QPrinterInfo::availablePrinterNames().contains(name) ? name : tr("%1 (not installed)").arg(name),
                       name);
    }
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
    return combo;
}

void PrinterSettingsDialog::accept()
{
    DocumentPrinter::setPrinterName(m_receiptPrinter->currentData().toString(), DocumentPrinter::Destination::Receipt);
    DocumentPrinter::setPrinterName(m_reportPrinter->currentData().toString(), DocumentPrinter::Destination::Report);
    DocumentPrinter::setPaper(paperFromCode(m_paper->currentData().toString()).value_or(Paper::Roll80));
    QDialog::accept();
}

} // namespace HallDesk
