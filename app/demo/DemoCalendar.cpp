#include "app/demo/DemoCalendar.h"

namespace HallDesk {

namespace {

void appendTwoDigits(std::string& out, int value)
{
    out += char('0' + value / 10);
    out += char('0' + value % 10);
}

// Writes the digits of value, zero-padded to width, at out.
void writeDigits(char* out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
}

} // namespace

DemoCalendar::DemoCalendar(QDate asOf)
    : m_asOf(asOf)
    , m_origin(asOf.addDays(-kPastDays))
{
    m_dates.resize(std::size_t(kPastDays + kFutureDays + 1));
    for (int day = 0; day <= kPastDays + kFutureDays; ++day) {
        const QDate date = m_origin.addDays(day);
        char* text = m_dates[std::size_t(day)].data();
        writeDigits(text, date.year(), 4);
        text[4] = '-';
        writeDigits(text + 5, date.month(), 2);
        text[7] = '-';
        writeDigits(text + 8, date.day(), 2);
        text[10] = '\0';
    }

    // The last period already issued on the as-of date.
    const QDate thisMonth(asOf.year(), asOf.month(), 1);
    const QDate last = thisMonth.addMonths(asOf.day() >= kIssueDayOfMonth ? -1 : -2);
    for (int index = 0; index < kPeriods; ++index) {
        const QDate first = last.addMonths(index - (kPeriods - 1));
        const QDate next = first.addMonths(1);
        Period& period = m_periods[std::size_t(index)];
        period.firstDay = dayOf(first);
        period.text.assign(date(period.firstDay), 7);
        period.month = first.month();
        period.issueDay = dayOf(QDate(next.year(), next.month(), kIssueDayOfMonth));
        period.dueDay = dayOf(QDate(next.year(), next.month(), kDueDayOfMonth));
    }
}

void DemoCalendar::appendTimestamp(std::string& out, int day, int secondOfDay) const
{
    out.append(date(day), 10);
    out += 'T';
    appendTwoDigits(out, secondOfDay / 3600);
    out += ':';
    appendTwoDigits(out, secondOfDay / 60 % 60);
    out += ':';
    appendTwoDigits(out, secondOfDay % 60);
    out += 'Z';
}

} // namespace HallDesk
