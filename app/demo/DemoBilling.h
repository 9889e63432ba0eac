#pragma once

#include "app/billing/CustomerClass.h"
#include "app/demo/DemoCalendar.h"
#include "app/demo/DemoRandom.h"

#include <array>
#include <string_view>

namespace HallDesk {

struct DemoBill
{
    enum class Status : quint8
    {
        Open,
        Partial,
        Paid
    };

    qint64 kwh = 0;
    qint64 amountFen = 0;
    qint64 paidFen = 0;
    int paidOnDay = -1; // a DemoCalendar day number; -1 while nothing is paid
    Status status = Status::Open;
};

// The store's codes of a bill status and a customer class, as the writers put them into rows (SQLite and COPY).
const char* demoBillStatusCode(DemoBill::Status status);
std::string_view demoClassCode(CustomerClass customerClass);

// An account's 13 bills and what follows from them: status, risk level, prepaid balance.
struct DemoAccountBills
{
    std::array<DemoBill, DemoCalendar::kPeriods> bills;
    const char* status = "normal";
    const char* riskLevel = "low";
    qint64 prepaidFen = 0;
};

// How much an account uses and how its holder pays. Per account, one behaviour:
// - 0.2 % disconnected: the last 4 to 9 overdue bills unpaid, supply cut;
// - 3.8 % in arrears: the last 1 to 11 overdue bills unpaid (most often one or two), the oldest of them partly
//   paid in three cases of ten;
// - the others pay: 5 % from a prepaid balance and 30 % by bank withholding, both on the issue date; the rest
//   at the counter or online between the issue and the due date, 6 % of their bills up to five weeks late.
//   A bill is paid only on or before the as-of date, so the latest one may still be open (not yet due).
// Risk: high when disconnected, or arrears older than 90 days, or overdue principal of ¥500 or more
// (¥5,000 for commercial and industrial accounts); medium with any overdue bill or three late payments in the
// year; low otherwise.
class DemoBilling final
{
public:
    explicit DemoBilling(const DemoCalendar& calendar);

    void fill(DemoRandom& random, CustomerClass customerClass, DemoAccountBills& out) const;

private:
    qint64 drawMonthlyKwh(DemoRandom& random, CustomerClass customerClass) const;
    void fillConsumption(DemoRandom& random, CustomerClass customerClass, DemoAccountBills& out) const;
    // Pays bill `index` between its issue and due date, or late with `latePerTenThousand`; returns true if late.
    bool payRegularly(DemoRandom& random, DemoBill& bill, int index, quint32 latePerTenThousand) const;
    void payFromDay(DemoBill& bill, int day) const;
    void assessRisk(CustomerClass customerClass, int latePayments, DemoAccountBills& out) const;

    const DemoCalendar& m_calendar;
};

} // namespace HallDesk
