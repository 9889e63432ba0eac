#pragma once

#include "ui/common/Theme.h"

#include <QLabel>

namespace HallDesk {

// A short state in a coloured pill (Normal, Disconnected, High risk, a customer class). Hidden while empty.
class Badge final : public QLabel
{
    Q_OBJECT

public:
    explicit Badge(QWidget* parent = nullptr);

    void setBadge(const QString& text, Theme::Tone tone, const QString& toolTip = {});
    void clearBadge();
    Theme::Tone tone() const { return m_tone; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    Theme::Tone m_tone = Theme::Tone::Neutral;
};

} // namespace HallDesk
