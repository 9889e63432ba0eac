#pragma once

#include "app/counter/Counter.h"
#include "app/documents/Document.h"

namespace HallDesk {

// Lays out and renders `count` receipts to PDF in memory (layout, libharu, QR code; no file written) and returns
// the mean time per receipt in milliseconds. For `halldeskctl bench`; the goal is under 10 ms.
double benchReceiptPdfMillis(const ReceiptData& receipt, Paper paper = Paper::Roll80, int count = 200);

} // namespace HallDesk
