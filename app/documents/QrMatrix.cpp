#include "app/documents/QrMatrix.h"

#include "app/documents/Document.h"

#include <memory>
#include <qrencode.h>

namespace HallDesk {

QrMatrix encodeQr(const QString& payload)
{
    const QByteArray bytes = payload.toUtf8();
    // 8-bit mode keeps the payload byte for byte; level M survives a scuffed thermal print.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(bytes.constData(), 0, QR_ECLEVEL_M),
                                                         &QRcode_free);
    if (!code) {
        throw DocumentError(PaperText::tr("The QR code cannot hold \"%1\".").arg(payload));
    }
    QrMatrix matrix;
    matrix.size = code->width;
    matrix.modules.reserve(code->width * code->width);
    for (int i = 0; i < code->width * code->width; ++i) {
        matrix.modules.append((code->data[i] & 1) != 0);
    }
    return matrix;
}

} // namespace HallDesk
