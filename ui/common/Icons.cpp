#include "ui/common/Icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <functional>

namespace HallDesk::Icons {

namespace {

// Paints `draw` on a unit square scaled to each of the usual icon sizes.
QIcon paintedIcon(const std::function<void(QPainter&)>& draw)
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(size, size);
        draw(painter);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QPen linePen(const QColor& colour, qreal width)
{
    QPen pen(colour, width);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

} // namespace

QIcon application()
{
    return paintedIcon([](QPainter& painter) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0x1f, 0x5f, 0x99));
        painter.drawRoundedRect(QRectF(0.04, 0.04, 0.92, 0.92), 0.2, 0.2);
        // A lightning bolt: electricity.
        QPainterPath bolt;
        bolt.moveTo(0.56, 0.14);
        bolt.lineTo(0.28, 0.56);
        bolt.lineTo(0.48, 0.56);
        bolt.lineTo(0.42, 0.86);
        bolt.lineTo(0.72, 0.42);
        bolt.lineTo(0.52, 0.42);
        bolt.closeSubpath();
        painter.setBrush(QColor(0xff, 0xc8, 0x3d));
        painter.drawPath(bolt);
    });
}

QIcon lookup(const QColor& colour)
{
    return paintedIcon([colour](QPainter& painter) {
        painter.setPen(linePen(colour, 0.09));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(QPointF(0.42, 0.42), 0.25, 0.25);
        painter.setPen(linePen(colour, 0.12));
        painter.drawLine(QPointF(0.62, 0.62), QPointF(0.86, 0.86));
    });
}

QIcon account(const QColor& colour)
{
    return paintedIcon([colour](QPainter& painter) {
        painter.setPen(linePen(colour, 0.07));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(QRectF(0.1, 0.2, 0.8, 0.6), 0.08, 0.08);
        painter.drawEllipse(QPointF(0.34, 0.42), 0.08, 0.08);
        QPainterPath shoulders;
        shoulders.moveTo(0.2, 0.68);
        shoulders.cubicTo(0.22, 0.52, 0.46, 0.52, 0.48, 0.68);
        painter.drawPath(shoulders);
        painter.drawLine(QPointF(0.58, 0.4), QPointF(0.78, 0.4));
        painter.drawLine(QPointF(0.58, 0.52), QPointF(0.78, 0.52));
        painter.drawLine(QPointF(0.58, 0.64), QPointF(0.7, 0.64));
    });
}

QIcon lock(const QColor& colour)
{
    return paintedIcon([colour](QPainter& painter) {
        painter.setPen(linePen(colour, 0.09));
        painter.setBrush(Qt::NoBrush);
        QPainterPath shackle;
        shackle.moveTo(0.32, 0.46);
        shackle.lineTo(0.32, 0.32);
        shackle.arcTo(QRectF(0.32, 0.12, 0.36, 0.4), 180, -180);
        shackle.lineTo(0.68, 0.46);
        painter.drawPath(shackle);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawRoundedRect(QRectF(0.2, 0.44, 0.6, 0.44), 0.08, 0.08);
    });
}

QIcon counter(const QColor& colour)
{
    return paintedIcon([colour](QPainter& painter) {
        // A banknote with the yuan sign.
        painter.setPen(linePen(colour, 0.07));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(QRectF(0.08, 0.24, 0.84, 0.52), 0.06, 0.06);
        painter.drawLine(QPointF(0.38, 0.34), QPointF(0.5, 0.48));
        painter.drawLine(QPointF(0.62, 0.34), QPointF(0.5, 0.48));
        painter.drawLine(QPointF(0.5, 0.48), QPointF(0.5, 0.68));
        painter.drawLine(QPointF(0.4, 0.5), QPointF(0.6, 0.5));
        painter.drawLine(QPointF(0.4, 0.59), QPointF(0.6, 0.59));
    });
}

QIcon rejected(const QColor& colour)
{
    return paintedIcon([colour](QPainter& painter) {
        // An envelope sent back: the letter with a round badge and an exclamation mark.
        painter.setPen(linePen(colour, 0.07));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(QRectF(0.08, 0.2, 0.7, 0.5), 0.05, 0.05);
        QPainterPath flap;
        flap.moveTo(0.1, 0.24);
        flap.lineTo(0.43, 0.5);
        flap.lineTo(0.76, 0.24);
        painter.drawPath(flap);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawEllipse(QPointF(0.72, 0.7), 0.21, 0.21);
        painter.setPen(linePen(QColor(0x1e, 0x2b, 0x3a), 0.07));
        painter.drawLine(QPointF(0.72, 0.6), QPointF(0.72, 0.71));
        painter.drawPoint(QPointF(0.72, 0.81));
    });
}

} // namespace HallDesk::Icons
