#pragma once

#include <QDialog>

class QComboBox;

namespace HallDesk {

// Settings → Printers and paper (administrator): this computer's receipt printer, the width of its paper roll, and
// the printer for reports (the settlement). Saved per machine, where DocumentPrinter reads them; a printer left at
// "system default" follows the computer's default printer.
class PrinterSettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit PrinterSettingsDialog(QWidget* parent = nullptr);

    QComboBox* receiptPrinter() const { return m_receiptPrinter; }
    QComboBox* paper() const { return m_paper; }
    QComboBox* reportPrinter() const { return m_reportPrinter; }

    void accept() override;

private:
    QComboBox* printerChoice(const QString& objectName, const QString& current);

    QComboBox* m_receiptPrinter = nullptr;
    QComboBox* m_paper = nullptr;
    QComboBox* m_reportPrinter = nullptr;
};

} // namespace HallDesk
