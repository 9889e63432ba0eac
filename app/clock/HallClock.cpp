#include "app/clock/HallClock.h"

#include "db/Store.h"

#include <utility>

namespace HallDesk {

namespace {

constexpr int kChinaStandardTimeOffset = 8 * 3600;

#ifdef HALLDESK_TEST_CLOCK
QDateTime testNow()
{
    const QString text = qEnvironmentVariable("HALLDESK_TEST_NOW");
    if (text.isEmpty()) {
        return {};
    }
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10) {
        return QDateTime(date, QTime(12, 0), Qt::UTC);
    }
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}
#endif

} // namespace

HallClock::HallClock(Store& store, Source now)
    : m_store(store)
    , m_now(std::move(now))
{
}

HallClock::Source HallClock::system()
{
    return [] {
#ifdef HALLDESK_TEST_CLOCK
        const QDateTime set = testNow();
        if (set.isValid()) {
            return set.toUTC();
        }
#endif
        return QDateTime::currentDateTimeUtc();
    };
}

HallClock::Source HallClock::fixed(const QDateTime& instant)
{
    return [instant] { return instant.toUTC(); };
}

bool HallClock::settable()
{
#ifdef HALLDESK_TEST_CLOCK
    return true;
#else
    return false;
#endif
}

QDateTime HallClock::nowUtc() const
{
    // Whole seconds: the stored timestamps are ISO 8601 without fractions.
    const QDateTime now = m_now().toUTC();
    return now.addMSecs(-now.time().msec());
}

QTimeZone HallClock::zone() const
{
    return hallTimeZone(m_store);
}

QDate HallClock::today() const
{
    return hallTime(nowUtc()).date();
}

QDateTime HallClock::hallTime(const QDateTime& instant) const
{
    return instant.toTimeZone(zone());
}

QTimeZone hallTimeZone(Store& store)
{
    const QTimeZone zone(store.setting(QStringLiteral("hall.timezone"), QStringLiteral("Asia/Shanghai")).toUtf8());
    // Without a time zone database the hall is taken to be on China Standard Time, the default.
    return zone.isValid() ? zone : QTimeZone(kChinaStandardTimeOffset);
}

} // namespace HallDesk
