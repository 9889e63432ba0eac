#include "app/demo/DemoBilling.h"

#include "app/demo/DemoTariff.h"

#include <algorithm>
#include <span>

namespace HallDesk {

namespace {

constexpr quint32 kDisconnected = 20; // parts per 10,000 of all accounts
constexpr quint32 kInArrears = 380;
constexpr quint32 kPrepaid = 500;
constexpr quint32 kWithholding = 3000;
constexpr quint32 kLatePayer = 600; // share of a paying account's bills paid late
constexpr quint32 kLateBeforeArrears = 2500; // the same for the bills before an account fell into arrears
constexpr quint32 kPartial = 3000; // of the accounts in arrears
constexpr int kPaymentWindowDays = 20; // issue date to due date
constexpr int kAgedDays = 90;

// Consumption in percent of the account's usual month, January first: 杭州 homes heat in winter and cool in
// summer; shops cool; factories stop for the Spring Festival; farms pump water in summer and process tea in spring.
constexpr int kSeason[4][12] = {
    {125, 115, 92, 80, 85, 100, 148, 160, 118, 85, 86, 108},
    {105, 95, 95, 95, 100, 115, 135, 140, 120, 100, 95, 100},
    {100, 72, 100, 102, 103, 103, 105, 106, 104, 102, 103, 100},
    {50, 45, 80, 120, 110, 140, 190, 185, 120, 70, 55, 50},
};

struct Band
{
    qint64 low;
    qint64 high;
    quint32 weight;
};

constexpr Band kResidentialBands[] = {{30, 100, 18}, {100, 220, 47}, {220, 400, 25}, {400, 700, 8}, {700, 1200, 2}};
constexpr Band kCommercialBands[] = {{150, 800, 50}, {800, 3000, 35}, {3000, 12000, 15}};
constexpr Band kIndustrialBands[] = {{20000, 80000, 55}, {80000, 300000, 35}, {300000, 900000, 10}};
constexpr Band kAgriculturalBands[] = {{80, 600, 60}, {600, 3000, 35}, {3000, 10000, 5}};

// Unpaid overdue bills of an account in arrears: 1 (40 %), 2 (22 %), 3 (13 %), … 11.
const DemoRandom::Weights& arrearsDepth()
{
    static const DemoRandom::Weights weights{0, 40, 22, 13, 8, 5, 4, 3, 2, 1, 1, 1};
    return weights;
}

// The usual monthly consumption of an account of each class, drawn from its bands.
class UsualConsumption final
{
public:
    explicit UsualConsumption(std::span<const Band> bands)
        : m_bands(bands)
    {
        for (const Band& band : bands) {
            m_weights.add(band.weight);
        }
    }

    qint64 draw(DemoRandom& random) const
    {
        const Band& band = m_bands[std::size_t(m_weights.pick(random))];
        return random.between(band.low, band.high);
    }

private:
    std::span<const Band> m_bands;
    DemoRandom::Weights m_weights;
};

int classIndex(CustomerClass customerClass)
{
    return int(customerClass);
}

} // namespace

DemoBilling::DemoBilling(const DemoCalendar& calendar)
    : m_calendar(calendar)
{
}

qint64 DemoBilling::drawMonthlyKwh(DemoRandom& random, CustomerClass customerClass) const
{
    static const UsualConsumption usual[4] = {
        UsualConsumption(kResidentialBands),
        UsualConsumption(kCommercialBands),
        UsualConsumption(kIndustrialBands),
        UsualConsumption(kAgriculturalBands),
    };
    return usual[classIndex(customerClass)].draw(random);
}

void DemoBilling::fillConsumption(DemoRandom& random, CustomerClass customerClass, DemoAccountBills& out) const
{
    const qint64 usual = drawMonthlyKwh(random, customerClass);
    const int* season = kSeason[classIndex(customerClass)];
    for (int index = 0; index < DemoCalendar::kPeriods; ++index) {
        DemoBill& bill = out.bills[std::size_t(index)];
        const qint64 noise = 88 + random.below(25); // ±12 % from month to month
        bill = DemoBill{};
        bill.kwh = std::max<qint64>(1, usual * season[m_calendar.period(index).month - 1] * noise / 10000);
        bill.amountFen = DemoTariff::amountFen(customerClass, bill.kwh);
    }
}

void DemoBilling::payFromDay(DemoBill& bill, int day) const
{
    if (day > m_calendar.today()) {
        return; // not paid yet on the as-of date
    }
    bill.paidFen = bill.amountFen;
    bill.paidOnDay = day;
    bill.status = DemoBill::Status::Paid;
}

bool DemoBilling::payRegularly(DemoRandom& random, DemoBill& bill, int index, quint32 latePerTenThousand) const
{
    const DemoCalendar::Period& period = m_calendar.period(index);
    if (random.chance(latePerTenThousand)) {
        const int day = period.dueDay + 1 + int(random.below(35));
        // A payer's late payment is one already made: nobody outside the arrears share owes an overdue bill.
        if (day <= m_calendar.today()) {
            payFromDay(bill, day);
            return true;
        }
    }
    payFromDay(bill, period.issueDay + int(random.below(kPaymentWindowDays + 1)));
    return false;
}

void DemoBilling::fill(DemoRandom& random, CustomerClass customerClass, DemoAccountBills& out) const
{
    fillConsumption(random, customerClass, out);
    out.status = "normal";
    out.prepaidFen = 0;

    int overdue = 0; // bills due before the as-of date: the oldest ones
    while (overdue < DemoCalendar::kPeriods && m_calendar.period(overdue).dueDay < m_calendar.today()) {
        ++overdue;
    }

    const quint32 behaviour = random.below(10000);
    int latePayments = 0;
    if (behaviour < kDisconnected + kInArrears) {
        const bool disconnected = behaviour < kDisconnected;
        const int depth = disconnected ? 4 + int(random.below(6)) : arrearsDepth().pick(random);
        const int firstUnpaid = std::max(0, overdue - depth);
        for (int index = 0; index < firstUnpaid; ++index) {
            latePayments += payRegularly(random, out.bills[std::size_t(index)], index, kLateBeforeArrears) ? 1 : 0;
        }
        DemoBill& oldest = out.bills[std::size_t(firstUnpaid)];
        const int dueDay = m_calendar.period(firstUnpaid).dueDay;
        if (random.chance(kPartial) && oldest.amountFen >= 2 && dueDay < m_calendar.today()) {
            oldest.paidFen = oldest.amountFen * random.between(20, 80) / 100;
            oldest.paidFen = std::clamp<qint64>(oldest.paidFen, 1, oldest.amountFen - 1);
            oldest.paidOnDay = dueDay + 1 + int(random.below(quint32(m_calendar.today() - dueDay)));
            oldest.status = DemoBill::Status::Partial;
        }
        if (disconnected) {
            out.status = "disconnected";
        }
    } else {
        const quint32 mode = random.below(10000);
        const bool prepaid = mode < kPrepaid;
        const bool withholding = !prepaid && mode < kPrepaid + kWithholding;
        for (int index = 0; index < DemoCalendar::kPeriods; ++index) {
            DemoBill& bill = out.bills[std::size_t(index)];
            if (prepaid || withholding) {
                payFromDay(bill, m_calendar.period(index).issueDay);
            } else {
                latePayments += payRegularly(random, bill, index, kLatePayer) ? 1 : 0;
            }
        }
        if (prepaid) {
            const bool large = customerClass == CustomerClass::Commercial || customerClass == CustomerClass::Industrial;
            out.prepaidFen = (large ? random.between(10, 5000) : random.between(2, 30)) * 1000;
        }
    }
    assessRisk(customerClass, latePayments, out);
}

void DemoBilling::assessRisk(CustomerClass customerClass, int latePayments, DemoAccountBills& out) const
{
    qint64 overduePrincipal = 0;
    int oldestDue = -1;
    for (int index = 0; index < DemoCalendar::kPeriods; ++index) {
        const DemoBill& bill = out.bills[std::size_t(index)];
        const int dueDay = m_calendar.period(index).dueDay;
        if (bill.status != DemoBill::Status::Paid && dueDay < m_calendar.today()) {
            overduePrincipal += bill.amountFen - bill.paidFen;
            if (oldestDue < 0) {
                oldestDue = dueDay;
            }
        }
    }
    const bool large = customerClass == CustomerClass::Commercial || customerClass == CustomerClass::Industrial;
    const qint64 highPrincipal = large ? 500000 : 50000;
    if (qstrcmp(out.status, "disconnected") == 0 || (oldestDue >= 0 && m_calendar.today() - oldestDue > kAgedDays)
        || overduePrincipal >= highPrincipal) {
        out.riskLevel = "high";
    } else if (oldestDue >= 0 || latePayments >= 3) {
        out.riskLevel = "medium";
    } else {
        out.riskLevel = "low";
    }
}

const char* demoBillStatusCode(DemoBill::Status status)
{
    switch (status) {
    case DemoBill::Status::Open:
        return "open";
    case DemoBill::Status::Partial:
        return "partial";
    case DemoBill::Status::Paid:
        return "paid";
    }
    return "open";
}

std::string_view demoClassCode(CustomerClass customerClass)
{
    static const std::array<QByteArray, 4> codes = {
        customerClassCode(CustomerClass::Residential).toUtf8(),
        customerClassCode(CustomerClass::Commercial).toUtf8(),
        customerClassCode(CustomerClass::Industrial).toUtf8(),
        customerClassCode(CustomerClass::Agricultural).toUtf8(),
    };
    const QByteArray& code = codes[std::size_t(customerClass)];
    return {code.constData(), std::size_t(code.size())};
}

} // namespace HallDesk
