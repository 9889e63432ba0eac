// MainWindow's printing: the Print menu, Settings → Printers and paper, and the one place that sends the counter's
// documents to a printer.
#include "app/counter/CounterService.h"
#include "db/Store.h"
#include "ui/MainWindow.h"
#include "ui/counter/CounterScreen.h"
#include "ui/counter/ShiftPanel.h"
#include "ui/print/DocumentPrinter.h"
#include "ui/settings/PrinterSettingsDialog.h"

#include <QAction>
#include <QGuiApplication>
#include <QMessageBox>
#include <QPrinterInfo>
#include <QStatusBar>

namespace HallDesk {

void MainWindow::buildPrintActions()
{
    // Window-wide, so that they work wherever the focus is; the counter's Reprint button shows the same keys.
    m_printAgainAction = new QAction(tr("Print receipt again"), this);
    m_printAgainAction->setObjectName(QStringLiteral("printAgain"));
    m_printAgainAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_printAgainAction->setToolTip(tr("Prints the receipt selected in today's payments (the newest when none is) "
                                      "again, marked 重打 (Ctrl+P)"));
    connect(m_printAgainAction, &QAction::triggered, this, [this] { reprintFromMenu(false); });
    addAction(m_printAgainAction);

    m_printPreviewAction = new QAction(tr("Print preview…"), this);
    m_printPreviewAction->setObjectName(QStringLiteral("printPreview"));
    m_printPreviewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_printPreviewAction->setToolTip(tr("Shows the receipt selected in today's payments with the choice of printer "
                                        "and paper (Ctrl+Shift+P)"));
    connect(m_printPreviewAction, &QAction::triggered, this, [this] { reprintFromMenu(true); });
    addAction(m_printPreviewAction);

    m_printerSettingsAction = new QAction(tr("Printers and paper…"), this);
    m_printerSettingsAction->setObjectName(QStringLiteral("printerSettings"));
    m_printerSettingsAction->setVisible(m_session.op.hasRole(Role::Admin));
    connect(m_printerSettingsAction, &QAction::triggered, this, &MainWindow::showPrinterSettings);
}

void MainWindow::reprintFromMenu(bool preview)
{
    CounterScreen* counter = counterScreen();
    if (isLocked() || !counter) {
        return;
    }
    if (currentScreen() != QLatin1String("counter")) {
        showScreen(QStringLiteral("counter"));
    }
    counter->shiftPanel()->reprintSelected(preview);
}

void MainWindow::showPrinterSettings()
{
    if (!m_session.op.hasRole(Role::Admin)) {
        return;
    }
    PrinterSettingsDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) {
        statusBar()->showMessage(tr("Printer settings saved."), 5000);
    }
}

void MainWindow::printReceipts(const QStringList& receiptNos, bool preview)
{
    // After a payment the receipt goes straight to the counter's printer. Without one, the preview opens with the
    // printer and paper choice, so that the customer still leaves with a receipt. Under automation nobody could
    // answer it: the receipt stays recorded for Ctrl+P.
    if (!preview && !hasReceiptPrinter()) {
        if (!m_attended) {
            statusBar()->showMessage(
                tr("Receipt %1 is recorded; no receipt printer.").arg(receiptNos.join(QStringLiteral(", "))), 15000);
            return;
        }
        preview = true;
    }
    if (!preview && !m_attended) {
        return; // nobody to hear of a printing problem
    }
    for (const QString& receiptNo : receiptNos) {
        ReceiptData receipt;
        try {
            receipt = m_services.counter.receipt(receiptNo);
        } catch (const StoreError& error) {
            QMessageBox::warning(this, tr("Printing"), error.message());
            return;
        }
        if (!DocumentPrinter::printReceipt(this, receipt, preview)) {
            return; // cancelled, or DocumentPrinter told the person what went wrong
        }
        try {
            m_services.counter.recordOutput(receiptNo, &m_session); // the next output is a 重打 copy
        } catch (const StoreError& error) {
            QMessageBox::warning(this, tr("Printing"), error.message());
            return;
        }
    }
    statusBar()->showMessage(tr("Printed receipt %1.").arg(receiptNos.join(QStringLiteral(", "))), 8000);
}

void MainWindow::printSettlement(const QUuid& settlementUuid)
{
    SettlementData settlement;
    try {
        settlement = m_services.counter.settlement(settlementUuid);
    } catch (const StoreError& error) {
        QMessageBox::warning(this, tr("Printing"), error.message());
        return;
    }
    // The report is printed once, at the end of the day: the preview lets the clerk choose the paper and printer.
    if (!m_attended) {
        statusBar()->showMessage(tr("The settlement is recorded; no printer to print its report on."), 15000);
        return;
    }
    DocumentPrinter::printSettlement(
        this, settlement, true,
        m_services.store.setting(QStringLiteral("hall.timezone"), QStringLiteral("Asia/Shanghai")));
}

bool MainWindow::isInteractive()
{
    const QString platform = QGuiApplication::platformName();
    return platform != QLatin1String("offscreen") && platform != QLatin1String("minimal");
}

bool MainWindow::hasReceiptPrinter()
{
    const QString chosen = DocumentPrinter::printerName(DocumentPrinter::Destination::Receipt);
    if (!chosen.isEmpty()) {
        return QPrinterInfo::availablePrinterNames().contains(chosen);
    }
    return !QPrinterInfo::defaultPrinter().isNull();
}

} // namespace HallDesk
