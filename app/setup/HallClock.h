#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace HallDesk {

class Store;

// The hall's clock: the time zone of settings "hall.timezone" (Asia/Shanghai by default; China Standard Time when
// the system has no time zone database). Times are stored in UTC; every time a person reads, on paper or in the
// window, is the hall's.
QTimeZone hallTimeZone(Store& store);
QDateTime hallTime(const QDateTime& utc, const QTimeZone& zone);

} // namespace HallDesk
