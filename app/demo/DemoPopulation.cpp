#include "app/demo/DemoPopulation.h"

#include "app/demo/DemoContacts.h"
#include "app/demo/DemoNames.h"
#include "app/demo/DemoPlaces.h"

#include <algorithm>

namespace HallDesk {

namespace {

constexpr qint64 kMaxSequence = 999999;
constexpr quint64 kMeterSerials = 1000000000; // nine digits
// Meter serials: index -> serial one-to-one (two affine maps with strides coprime to 10^9 around a reversal of
// the nine digits), so that serials are unique and do not look consecutive.
constexpr quint64 kMeterStride = 387420489; // 3^18
constexpr quint64 kMeterStride2 = 774840979;
constexpr const char* kMeterMakers[] = {"5101", "5102", "5203", "5305", "5407", "6011"};
constexpr quint32 kLocalBorn = 6500; // parts per 10,000 of holders with an ID card issued in their district
constexpr quint32 kContactRecent = 5500; // contact cards updated within the last year
constexpr int kSecondsFrom = 3600; // contact changes happen from 09:00 to 17:30 Beijing time (01:00 UTC on)
constexpr int kSecondsTo = 34200;

// Ages of account holders: 22-35, 36-50, 51-65, 66-88.
const DemoRandom::Weights& ageBands()
{
    static const DemoRandom::Weights weights{25, 30, 28, 17};
    return weights;
}
constexpr int kAgeBands[4][2] = {{22, 35}, {36, 50}, {51, 65}, {66, 88}};

void appendPadded(std::string& out, qint64 value, int width)
{
    const std::string digits = std::to_string(value);
    out.append(std::size_t(std::max(0, width - int(digits.size()))), '0');
    out += digits;
}

} // namespace

DemoPopulation::DemoPopulation(quint64 seed, const DemoPlan& plan, const DemoCalendar& calendar)
    : m_random(seed)
    , m_plan(plan)
    , m_calendar(calendar)
    , m_places(m_random, plan)
    , m_billing(calendar)
{
    for (const DemoHallPlan& hall : plan.halls) {
        DemoRandom::Weights weights;
        for (const quint32 weight : DemoPlaces::halls()[std::size_t(hall.site)].classWeights) {
            weights.add(weight);
        }
        m_classWeights.push_back(std::move(weights));
    }
    m_meterOffset = m_random.next() % kMeterSerials;
}

char DemoPopulation::luhnCheckDigit(std::string_view digits)
{
    int sum = 0;
    bool twice = true; // the rightmost payload digit is doubled, as the check digit will follow it
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int value = *it - '0';
        if (twice) {
            value *= 2;
            if (value > 9) {
                value -= 9;
            }
        }
        sum += value;
        twice = !twice;
    }
    return char('0' + (10 - sum % 10) % 10);
}

char DemoPopulation::idCardCheckCharacter(std::string_view first17)
{
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char kCheck[] = "10X98765432";
    int sum = 0;
    for (std::size_t i = 0; i < 17 && i < first17.size(); ++i) {
        sum += (first17[i] - '0') * kWeights[i];
    }
    return kCheck[sum % 11];
}

std::string DemoPopulation::accountNumber(int hallNumber, qint64 sequence)
{
    std::string number = "33";
    number += char('0' + hallNumber);
    appendPadded(number, sequence, 6);
    number += luhnCheckDigit(number);
    return number;
}

void DemoPopulation::moveToHallOf(qint64 index)
{
    while (m_hall < 0 || index >= m_hallEnd) {
        ++m_hall;
        const DemoHallPlan& hall = m_plan.halls[std::size_t(m_hall)];
        m_hallEnd = hall.firstAccount + hall.accounts;
        m_sequence = 0;
        if (hall.accounts > 0) {
            m_places.beginHall(m_hall);
        }
    }
}

bool DemoPopulation::next(DemoChunk& chunk, int count)
{
    int made = 0;
    while (made < count && m_next < total()) {
        moveToHallOf(m_next);
        chunk.accounts.emplace_back();
        makeAccount(m_next, chunk.accounts.back());
        ++m_next;
        ++made;
    }
    m_places.takeNewAreas(chunk.areas);
    return made > 0;
}

CustomerClass DemoPopulation::drawClass(const DemoGroupPlan* group, int role)
{
    if (group == nullptr) {
        return CustomerClass(m_classWeights[std::size_t(m_hall)].pick(m_random));
    }
    if (group->kind == DemoGroupPlan::Kind::Family) {
        return CustomerClass::Residential;
    }
    return group->manufacturing && role == 0 ? CustomerClass::Industrial : CustomerClass::Commercial;
}

std::string DemoPopulation::idCardNumber(const DemoNeighbourhoods::Place& place, bool male)
{
    std::string number = m_random.chance(kLocalBorn)
        ? DemoPlaces::districts()[std::size_t(place.district)].regionCode
        : DemoPlaces::otherRegionCodes()[m_random.below(quint32(DemoPlaces::otherRegionCodes().size()))];
    const int* band = kAgeBands[ageBands().pick(m_random)];
    const int age = int(m_random.between(band[0], band[1]));
    const QDate birth = m_calendar.asOf().addDays(-(qint64(age) * 365 + m_random.below(365)));
    appendPadded(number, birth.year(), 4);
    appendPadded(number, birth.month(), 2);
    appendPadded(number, birth.day(), 2);
    // The sequence's last digit is odd for men, even for women.
    const qint64 sequence = std::max<qint64>(2, qint64(m_random.below(500)) * 2 + (male ? 1 : 0));
    appendPadded(number, sequence, 3);
    number += idCardCheckCharacter(number);
    return number;
}

std::string DemoPopulation::meterNumber(qint64 index)
{
    quint64 serial = (quint64(index) * kMeterStride + m_meterOffset) % kMeterSerials;
    quint64 reversed = 0;
    for (int digit = 0; digit < 9; ++digit, serial /= 10) {
        reversed = reversed * 10 + serial % 10;
    }
    serial = (reversed * kMeterStride2 + m_meterOffset) % kMeterSerials;
    std::string number = kMeterMakers[m_random.below(std::size(kMeterMakers))];
    appendPadded(number, qint64(serial), 9);
    return number;
}

void DemoPopulation::makeContact(const DemoGroupPlan* group, bool business, const std::string& pinyin,
                                 DemoAccountRow& row)
{
    DemoContactRow& contact = row.contact;
    if (group != nullptr) {
        contact.mobile = group->mobile;
        contact.email = group->email;
    } else if (m_random.chance(business ? 9000 : 9700)) {
        contact.mobile = DemoContacts::mobile(m_random);
    }
    if (contact.mobile.empty() || m_random.chance(business ? 7000 : 1200)) {
        contact.phone = DemoContacts::landline(m_random);
    }
    if (m_random.chance(business ? 1000 : 2500)) {
        contact.wechat = DemoContacts::wechat(m_random, pinyin, contact.mobile);
    }
    if (contact.email.empty() && m_random.chance(business ? 4000 : 800)) {
        contact.email = business ? DemoContacts::companyEmail(m_random) : DemoContacts::personalEmail(m_random, pinyin);
    }
    const int today = m_calendar.today();
    int day = m_random.chance(kContactRecent) ? today - int(m_random.between(0, 360))
                                              : today - int(m_random.between(370, 2900));
    day = std::max(day, row.openedOnDay);
    contact.updatedAt.reserve(20);
    m_calendar.appendTimestamp(contact.updatedAt, day, int(m_random.between(kSecondsFrom, kSecondsTo)));
}

void DemoPopulation::makeAccount(qint64 index, DemoAccountRow& row)
{
    const DemoHallPlan& hall = m_plan.halls[std::size_t(m_hall)];
    const DemoMembership& membership = m_plan.membership[std::size_t(index)];
    const DemoGroupPlan* group = membership.group != 0 ? &m_plan.groups[std::size_t(membership.group - 1)] : nullptr;

    row.id = index + 1;
    row.hallId = hall.site + 1;
    const qint64 remaining = m_hallEnd - index - 1;
    m_sequence += std::min<qint64>(1 + m_random.below(3), kMaxSequence - m_sequence - remaining);
    row.accountNo = accountNumber(hall.site + 1, m_sequence);
    row.customerClass = drawClass(group, membership.role);

    DemoNeighbourhoods::Place place;
    DemoPersonName person;
    bool business = false;
    switch (row.customerClass) {
    case CustomerClass::Residential:
        m_places.home(place);
        if (group != nullptr) {
            person = membership.role == 0 ? group->payer
                                          : DemoNames::person(m_random, group->surname, m_random.below(2) == 0);
        } else {
            person = DemoNames::person(m_random);
        }
        row.name = person.text;
        row.idCardNo = idCardNumber(place, person.male);
        break;
    case CustomerClass::Commercial:
        m_places.shopFront(place);
        row.name = group != nullptr ? group->name : DemoNames::shop(m_random, place.locality);
        business = true;
        break;
    case CustomerClass::Industrial:
        row.name = group != nullptr ? group->name : DemoNames::company(m_random, true);
        m_places.works(place, row.name);
        business = true;
        break;
    case CustomerClass::Agricultural:
        m_places.farmstead(place);
        person = DemoNames::person(m_random);
        row.name = DemoNames::farm(m_random, place.locality, person);
        business = row.name != person.text;
        break;
    }
    row.address = std::move(place.address);
    row.areaId = place.areaId;
    row.collectorId = place.collectorId;
    row.meterNo = meterNumber(index);

    const int today = m_calendar.today();
    row.openedOnDay = int(m_random.between(30, m_calendar.period(0).firstDay - 1));
    const int updated = int(m_random.between(std::max(row.openedOnDay, today - 1000), today));
    m_calendar.appendTimestamp(row.updatedAt, updated, int(m_random.between(kSecondsFrom, kSecondsTo)));
    makeContact(group, business, business ? std::string() : person.pinyin, row);
    m_billing.fill(m_random, row.customerClass, row.billing);
}

} // namespace HallDesk
