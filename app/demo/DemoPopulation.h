#pragma once

#include "app/demo/DemoBilling.h"
#include "app/demo/DemoCalendar.h"
#include "app/demo/DemoChunk.h"
#include "app/demo/DemoNeighbourhoods.h"
#include "app/demo/DemoPlan.h"
#include "app/demo/DemoRandom.h"

#include <string>
#include <string_view>
#include <vector>

namespace HallDesk {

// Makes the demo's accounts one after the other, hall by hall, each with its contact card and bills.
//
// 户号 (account number), 10 digits: "33" (the province), the hall's number (1 to 6), a six-digit sequence within
// the hall that grows with the account id (with small gaps, as closed accounts leave), and a Luhn check digit
// over the first nine. Meter numbers have 13 digits and start with a maker's code (51…, 52…, 53…, 54…, 60…), so
// the two never look alike. Residential holders have an 18-character ID card number whose last character is the
// ISO 7064 MOD 11-2 check.
class DemoPopulation final
{
public:
    DemoPopulation(quint64 seed, const DemoPlan& plan, const DemoCalendar& calendar);
    Q_DISABLE_COPY_MOVE(DemoPopulation)

    qint64 total() const { return qint64(m_plan.membership.size()); }

    // Appends the next accounts, at most `count`, with the transformer areas they open; false when all are made.
    bool next(DemoChunk& chunk, int count);

    static std::string accountNumber(int hallNumber, qint64 sequence);
    static char luhnCheckDigit(std::string_view digits);
    static char idCardCheckCharacter(std::string_view first17);

private:
    void moveToHallOf(qint64 index);
    void makeAccount(qint64 index, DemoAccountRow& row);
    CustomerClass drawClass(const DemoGroupPlan* group, int role);
    void makeContact(const DemoGroupPlan* group, bool business, const std::string& pinyin, DemoAccountRow& row);
    std::string idCardNumber(const DemoNeighbourhoods::Place& place, bool male);
    std::string meterNumber(qint64 index);

    DemoRandom m_random;
    const DemoPlan& m_plan;
    const DemoCalendar& m_calendar;
    DemoNeighbourhoods m_places;
    DemoBilling m_billing;
    std::vector<DemoRandom::Weights> m_classWeights; // per hall
    int m_hall = -1;
    qint64 m_hallEnd = 0;
    qint64 m_next = 0;
    qint64 m_sequence = 0;
    quint64 m_meterOffset = 0;
};

} // namespace HallDesk
