#pragma once

#include "app/documents/DocumentComposer.h"

#include <QImage>

class QPainter;
class QPaintDevice;
class QPagedPaintDevice;

namespace HallDesk {

// Draws a Document with QPainter on any paint device: a QPrinter (the counter's roll printer, an office printer),
// a QPdfWriter, or a QImage for previews. Positions come from the layout's millimetres and the device's
// resolution, so an 80 mm roll comes out 80 mm wide on any printer. Text uses the system's CJK fonts, which show
// characters the PDF's built-in fonts cannot.
class PainterRenderer final
{
public:
    // Lays the document out with Qt's font metrics, as `device` measures them (null: the screen's).
    static ComposedDocument compose(const Document& document, QPaintDevice* device = nullptr);

    // Paints one page with its top-left corner at the painter's origin (device coordinates, unscaled).
    static void paintPage(QPainter& painter, const ComposedPage& page);

    // Paints every page, starting a new page between them. The device's page size is the caller's to set (see
    // pageSizeMm). The painter must not be active.
    static void paint(const ComposedDocument& composed, QPagedPaintDevice& device);

    // The first page as an image at `dpi`, on white (previews, screenshots, tests).
    static QImage image(const Document& document, double dpi = 203, int page = 0);

    // The font used for text of `spec`.
    static QFont font(const FontSpec& spec);
};

} // namespace HallDesk
