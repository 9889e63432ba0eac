#include "app/documents/DocumentBench.h"

#include "app/documents/PdfRenderer.h"
#include "app/documents/ReceiptLayout.h"

#include <QElapsedTimer>
#include <limits>

namespace HallDesk {

double benchReceiptPdfMillis(const ReceiptData& receipt, Paper paper, int count)
{
    count = std::max(count, 1);
    // One untimed run first: libharu's CJK tables and the GB18030 codec load on first use.
    PdfRenderer::render(ReceiptLayout::receipt(receipt, paper));
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        // A time is reported only for receipts that really rendered: an empty PDF is a failure, not a fast render.
        if (!PdfRenderer::render(ReceiptLayout::receipt(receipt, paper)).pdf.startsWith("%PDF-")) {
            return std::numeric_limits<double>::quiet_NaN();
        }
    }
    return double(timer.nsecsElapsed()) / 1e6 / count;
}

} // namespace HallDesk
