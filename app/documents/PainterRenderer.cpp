#include "app/documents/PainterRenderer.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPen>

namespace HallDesk {

namespace {

// Measures as the target device will draw: hinting and rounding differ between 96 dpi and 600 dpi.
class QtMeasurer final : public TextMeasurer
{
public:
    explicit QtMeasurer(QPaintDevice* device)
        : m_device(device)
    {
    }

    double widthMm(const QString& text, const FontSpec& spec) const override
    {
        const QFont f = PainterRenderer::font(spec);
        const QFontMetricsF metrics = m_device ? QFontMetricsF(f, m_device) : QFontMetricsF(f);
        const double dpi = m_device ? m_device->logicalDpiX() : 96.0;
        return metrics.horizontalAdvance(text) * 25.4 / dpi;
    }

private:
    QPaintDevice* m_device;
};

} // namespace

QFont PainterRenderer::font(const FontSpec& spec)
{
    QFont f;
    // Latin and digits first from a Helvetica-like face, as in the PDF, then the CJK faces a hall's machines have
    // (Debian's Noto, Windows' YaHei / SimHei). Besides matching the archive copy, this keeps receipt numbers
    // extractable: Qt's PDF output loses the text of some digits it set in Noto Sans CJK (H01 came out as "H ").
    f.setFamilies({QStringLiteral("Nimbus Sans"), QStringLiteral("Arial"), QStringLiteral("Liberation Sans"),
                   QStringLiteral("Helvetica"), QStringLiteral("Noto Sans CJK SC"),
                   QStringLiteral("Source Han Sans SC"), QStringLiteral("Microsoft YaHei"), QStringLiteral("SimHei"),
                   QStringLiteral("WenQuanYi Micro Hei")});
    f.setPointSizeF(spec.sizePt);
    f.setBold(spec.bold);
    // Thermal printers print black or nothing; hinting keeps strokes on whole dots.
    f.setStyleStrategy(QFont::PreferAntialias);
    return f;
}

ComposedDocument PainterRenderer::compose(const Document& document, QPaintDevice* device)
{
    return composeDocument(document, QtMeasurer(device));
}

void PainterRenderer::paintPage(QPainter& painter, const ComposedPage& page)
{
    QPaintDevice* device = painter.device();
    const double sx = device->logicalDpiX() / 25.4;
    const double sy = device->logicalDpiY() / 25.4;
    auto px = [sx, sy](QPointF mm) { return QPointF(mm.x() * sx, mm.y() * sy); };
    painter.save();
    for (const DrawOp& op : page.ops) {
        if (const auto* text = std::get_if<DrawText>(&op)) {
            painter.setRenderHint(QPainter::Antialiasing, true);
            painter.setFont(font(text->font));
            painter.setPen(text->color);
            if (text->angleDeg != 0) {
                painter.save();
                painter.translate(px(text->baselineMm));
                painter.rotate(-text->angleDeg);
                painter.drawText(QPointF(0, 0), text->text);
                painter.restore();
            } else {
                painter.drawText(px(text->baselineMm), text->text);
            }
        } else if (const auto* rect = std::get_if<DrawRect>(&op)) {
            // No antialiasing: QR modules must meet edge to edge.
            painter.setRenderHint(QPainter::Antialiasing, false);
            const QRectF r(px(rect->mm.topLeft()), px(rect->mm.bottomRight()));
            painter.fillRect(r, rect->color);
        } else if (const auto* line = std::get_if<DrawLine>(&op)) {
            painter.setRenderHint(QPainter::Antialiasing, true);
            QPen pen(Qt::black, std::max(1.0, line->widthMm * sx));
            if (line->dashed) {
                pen.setStyle(Qt::CustomDashLine);
                pen.setDashPattern({4, 3});
            }
            painter.setPen(pen);
            painter.drawLine(px(line->fromMm), px(line->toMm));
        }
    }
    painter.restore();
}

void PainterRenderer::paint(const ComposedDocument& composed, QPagedPaintDevice& device)
{
    QPainter painter(&device);
    for (qsizetype i = 0; i < composed.pages.size(); ++i) {
        if (i > 0) {
            device.newPage();
        }
        paintPage(painter, composed.pages.at(i));
    }
}

QImage PainterRenderer::image(const Document& document, double dpi, int page)
{
    const int dotsPerMeter = qRound(dpi / 0.0254);
    // Lay out as an image of this resolution measures, so the preview wraps exactly like it draws.
    QImage probe(1, 1, QImage::Format_RGB32);
    probe.setDotsPerMeterX(dotsPerMeter);
    probe.setDotsPerMeterY(dotsPerMeter);
    const ComposedDocument composed = compose(document, &probe);
    const ComposedPage& p = composed.pages.at(std::clamp(page, 0, int(composed.pages.size()) - 1));
    QImage image(qRound(p.sizeMm.width() * dpi / 25.4), qRound(p.sizeMm.height() * dpi / 25.4), QImage::Format_RGB32);
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintPage(painter, p);
    return image;
}

} // namespace HallDesk
