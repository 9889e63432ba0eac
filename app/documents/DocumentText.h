#pragma once

#include "app/money/Money.h"

#include <QDateTime>
#include <QString>

// How documents write money, times and people, in one place for every document and both renderers.
namespace HallDesk::DocumentText {

// "1,234.50"
QString money(Money amount);
// "¥1,234.50"
QString yuan(Money amount);
// "+1.00", "-0.50", "0.00": a variance
QString signedMoney(Money amount);
// "2026-12-01 16:02:29" in `timeZone` (an IANA id; empty or unknown: Asia/Shanghai, the default hall zone).
QString dateTime(const QDateTime& utc, const QString& timeZone);
// "王芳 (C001)"; either part may be missing.
QString person(const QString& name, const QString& code);

} // namespace HallDesk::DocumentText
