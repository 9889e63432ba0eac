#pragma once

#include "app/documents/Document.h"

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

// Turns a Document into pages of positioned drawing operations, in millimetres from the page's top-left corner.
// Only text widths depend on the backend (libharu's built-in fonts and Qt's fonts differ), so each renderer
// passes its own TextMeasurer; line heights, wrapping and alignment are decided here once.
namespace HallDesk {

struct FontSpec
{
    double sizePt = 9;
    bool bold = false;
};

class TextMeasurer
{
public:
    virtual ~TextMeasurer() = default;
    virtual double widthMm(const QString& text, const FontSpec& font) const = 0;
};

struct DrawText
{
    QPointF baselineMm; // left end of the baseline
    QString text;
    FontSpec font;
    double angleDeg = 0; // counter-clockwise, about baselineMm
    QColor color = Qt::black;
};

struct DrawRect // filled
{
    QRectF mm;
    QColor color = Qt::black;
};

struct DrawLine
{
    QPointF fromMm;
    QPointF toMm;
    double widthMm = 0.25;
    bool dashed = false;
};

using DrawOp = std::variant<DrawText, DrawRect, DrawLine>;

struct ComposedPage
{
    QSizeF sizeMm;
    QList<DrawOp> ops;
};

struct ComposedDocument
{
    QString title;
    QList<ComposedPage> pages;
};

constexpr double kMmPerPt = 25.4 / 72.0;

ComposedDocument composeDocument(const Document& document, const TextMeasurer& measurer);

// The font size of a text role on a paper.
double fontSizePt(Paper paper, TextSize size);

} // namespace HallDesk
