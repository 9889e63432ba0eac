#pragma once

#include <QColor>
#include <QIcon>

namespace HallDesk::Icons {

// Simple line icons drawn in code, so the program needs no image plugin and they stay sharp at any size.
QIcon application();
QIcon lookup(const QColor& colour);
QIcon account(const QColor& colour);
QIcon lock(const QColor& colour);
QIcon counter(const QColor& colour);
QIcon rejected(const QColor& colour);

} // namespace HallDesk::Icons
