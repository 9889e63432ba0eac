#include "app/setup/HallClock.h"

#include "db/Store.h"

namespace HallDesk {

namespace {

constexpr int kChinaStandardTimeOffset = 8 * 3600;

} // namespace

QTimeZone hallTimeZone(Store& store)
{
    const QTimeZone zone(store.setting(QStringLiteral("hall.timezone"), QStringLiteral("Asia/Shanghai")).toUtf8());
    return zone.isValid() ? zone : QTimeZone(kChinaStandardTimeOffset);
}

QDateTime hallTime(const QDateTime& utc, const QTimeZone& zone)
{
    return utc.toTimeZone(zone);
}

} // namespace HallDesk
