#include "ui/common/Badge.h"

#include <QPainter>

namespace HallDesk {

namespace {

constexpr int kHorizontalPadding = 12;
constexpr int kVerticalPadding = 3;

} // namespace

Badge::Badge(QWidget* parent)
    : QLabel(parent)
{
    QFont bold = font();
    bold.setWeight(QFont::DemiBold);
    setFont(bold);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setTextFormat(Qt::PlainText);
    hide();
}

void Badge::setBadge(const QString& text, Theme::Tone tone, const QString& toolTip)
{
    m_tone = tone;
    setText(text);
    setToolTip(toolTip);
    setVisible(!text.isEmpty());
    updateGeometry();
    update();
}

void Badge::clearBadge()
{
    setBadge({}, Theme::Tone::Neutral);
}

QSize Badge::sizeHint() const
{
    const QFontMetrics metrics(font());
    return {metrics.horizontalAdvance(text()) + 2 * kHorizontalPadding, metrics.height() + 2 * kVerticalPadding};
}

QSize Badge::minimumSizeHint() const
{
    return sizeHint();
}

void Badge::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Theme::toneBackground(m_tone));
    const QRectF pill = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    painter.setPen(Theme::toneText(m_tone));
    painter.setFont(font());
    painter.drawText(rect(), Qt::AlignCenter, text());
}

} // namespace HallDesk
