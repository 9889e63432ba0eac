#pragma once

#include <QDateTime>
#include <QTimeZone>
#include <functional>

namespace HallDesk {

class Store;

// The hall's clock: the current instant, the hall's time zone (setting hall.timezone, Asia/Shanghai by default)
// and so the business date. Money moves only on the business date this clock gives (docs/counter.md).
//
// A production build reads the system clock and nothing else: an operator has no way to move it. A build
// configured with HALLDESK_TEST_CLOCK=ON (the test build of scripts/test.sh, never the package) also honours the
// environment variable HALLDESK_TEST_NOW, an ISO 8601 instant ("2026-02-19T10:30:00+08:00") or a date
// ("2026-02-19", meaning noon UTC, which is that same day in every zone from UTC-11 to UTC+11), so that the
// command-line tests can take money on the day their fixture is set on. In-process tests inject a Source.
class HallClock final
{
public:
    using Source = std::function<QDateTime()>; // the current instant

    explicit HallClock(Store& store, Source now = system());

    // The system clock (and HALLDESK_TEST_NOW in a test-clock build).
    static Source system();
    // Always `instant`, for tests.
    static Source fixed(const QDateTime& instant);
    // Whether this build honours HALLDESK_TEST_NOW.
    static bool settable();

    QDateTime nowUtc() const;
    QTimeZone zone() const;
    QDate today() const; // the business date
    QDateTime hallTime(const QDateTime& instant) const; // `instant` in the hall's time zone

private:
    Store& m_store;
    Source m_now;
};

// The hall's time zone as the store's settings give it.
QTimeZone hallTimeZone(Store& store);

} // namespace HallDesk
