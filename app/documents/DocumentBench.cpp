#include "app/documents/DocumentBench.h"

#include "app/documents/PdfRenderer.h"
#include "app/documents/ReceiptLayout.h"

#include <QElapsedTimer>

namespace HallDesk {

double benchReceiptPdfMillis(const ReceiptData& receipt, Paper paper, int count)
{
    count = std::max(count, 1);
    // One untimed run first: libharu's CJK tables and the GB18030 codec load on first use.
    PdfRenderer::render(ReceiptLayout::receipt(receipt, paper));
    QElapsedTimer timer;
    timer.start();
    qsizetype bytes = 0;
    for (int i = 0; i < count; ++i) {
        bytes += PdfRenderer::render(ReceiptLayout::receipt(receipt, paper)).pdf.size();
    }
    const double millis = double(timer.nsecsElapsed()) / 1e6 / count;
    Q_UNUSED(bytes)
    return millis;
}

} // namespace HallDesk
