#pragma once

#include <QDate>
#include <array>
#include <string>
#include <vector>

namespace HallDesk {

// The dates of a demo store, all relative to its as-of date, as day numbers with their text made once: the
// generator writes millions of dates and formats none of them in its loop.
//
// Billing: 13 monthly periods; the bill for a period is issued on the 5th of the following month and due on the
// 25th. The last period is the latest one already issued on the as-of date: the previous month from the 5th on,
// the month before that on the 1st to the 4th.
class DemoCalendar final
{
public:
    static constexpr int kPeriods = 13;
    static constexpr int kIssueDayOfMonth = 5;
    static constexpr int kDueDayOfMonth = 25;
    // How far back the day numbers reach (accounts opened up to 30 years before the as-of date), and how far ahead
    // (the due date of the last bill may still be to come).
    static constexpr int kPastDays = 30 * 366;
    static constexpr int kFutureDays = 62;

    struct Period
    {
        std::string text; // "2025-03"
        int month = 1; // 1..12, for the season
        int firstDay = 0; // day number of the period's first day
        int issueDay = 0;
        int dueDay = 0;
    };

    explicit DemoCalendar(QDate asOf);

    QDate asOf() const { return m_asOf; }
    // Day number of the as-of date; day 0 is kPastDays before it.
    int today() const { return kPastDays; }
    int dayOf(QDate date) const { return int(m_origin.daysTo(date)); }
    QDate dateOf(int day) const { return m_origin.addDays(day); }

    // "YYYY-MM-DD" of a day number in [0, today() + kFutureDays].
    const char* date(int day) const { return m_dates[std::size_t(day)].data(); }
    // Appends the UTC timestamp "YYYY-MM-DDTHH:MM:SSZ".
    void appendTimestamp(std::string& out, int day, int secondOfDay) const;

    // Periods oldest first: period(kPeriods - 1) is the last one issued.
    const Period& period(int index) const { return m_periods[std::size_t(index)]; }

private:
    QDate m_asOf;
    QDate m_origin;
    std::vector<std::array<char, 11>> m_dates;
    std::array<Period, kPeriods> m_periods;
};

} // namespace HallDesk
