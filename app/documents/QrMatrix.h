#pragma once

#include <QList>
#include <QString>

namespace HallDesk {

// The modules of a QR code (libqrencode, error correction level M), without the quiet zone.
struct QrMatrix
{
    int size = 0;
    QList<bool> modules; // row by row, true: dark
    bool dark(int x, int y) const { return modules.at(y * size + x); }
};

// Throws DocumentError when the payload does not fit a QR code.
QrMatrix encodeQr(const QString& payload);

} // namespace HallDesk
