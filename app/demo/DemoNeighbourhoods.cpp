#include "app/demo/DemoNeighbourhoods.h"

#include "app/demo/DemoPlaces.h"

#include <numeric>

namespace HallDesk {

namespace {

constexpr quint32 kVacantFlats = 500; // parts per 10,000 of flats without an account of their own
constexpr int kHighRiseFloors[] = {11, 18, 26, 33};
constexpr const char* kNumerals[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

// The k-th of `size` combinations in an order that looks random but visits each one once: an affine map with a
// step coprime to size.
int permuted(int k, int size, int offset)
{
    int step = size * 5 / 8 + 1;
    while (std::gcd(step, size) != 1) {
        ++step;
    }
    return int((qint64(k) * step + offset) % size);
}

// "" for the first round of names, then "二期", "三期", … so that a name never repeats.
std::string phase(int round)
{
    if (round == 0) {
        return {};
    }
    const int number = round + 1;
    return (number <= 10 ? std::string(kNumerals[number]) : std::to_string(number)) + "期";
}

} // namespace

DemoNeighbourhoods::DemoNeighbourhoods(DemoRandom& random, const DemoPlan& plan)
    : m_random(random)
    , m_plan(plan)
    , m_communitiesMade(DemoPlaces::districts().size(), 0)
    , m_villagesMade(DemoPlaces::districts().size(), 0)
{
}

void DemoNeighbourhoods::beginHall(int hall)
{
    m_hall = hall;
    m_areasInHall = 0;
    m_community = Community{};
    m_village = Village{};
    const DemoHallSite& site = DemoPlaces::halls()[std::size_t(m_plan.halls[std::size_t(hall)].site)];
    m_districts = DemoRandom::Weights{};
    m_villageDistricts = DemoRandom::Weights{};
    quint32 totalWeight = 0;
    quint32 ruralWeight = 0;
    for (std::size_t i = 0; i < site.districts.size(); ++i) {
        const DemoDistrict& district = DemoPlaces::districts()[std::size_t(site.districts[i])];
        m_districts.add(site.districtWeights[i]);
        m_villageDistricts.add(site.districtWeights[i] * district.ruralShare);
        totalWeight += site.districtWeights[i];
        ruralWeight += site.districtWeights[i] * district.ruralShare;
    }
    m_ruralShare = ruralWeight / totalWeight;
}

qint64 DemoNeighbourhoods::openArea(std::string name, qint64& collectorId)
{
    const DemoHallPlan& hall = m_plan.halls[std::size_t(m_hall)];
    const qint64 perCollector = std::max<qint64>(1, hall.expectedAreas / hall.collectors);
    const qint64 number = ++m_areasInHall;
    collectorId = hall.firstCollectorId + ((number - 1) / perCollector) % hall.collectors;

    DemoAreaRow area;
    area.id = m_nextAreaId++;
    std::string digits = std::to_string(number);
    area.code = std::string(DemoPlaces::halls()[std::size_t(hall.site)].code) + "-TQ"
        + std::string(5 - std::min<std::size_t>(5, digits.size()), '0') + digits;
    area.name = std::move(name);
    area.hallId = hall.site + 1;
    area.collectorId = collectorId;
    m_newAreas.push_back(std::move(area));
    return m_newAreas.back().id;
}

void DemoNeighbourhoods::startCommunity()
{
    const DemoHallSite& site = DemoPlaces::halls()[std::size_t(m_plan.halls[std::size_t(m_hall)].site)];
    const int districtIndex = site.districts[std::size_t(m_districts.pick(m_random))];
    const DemoDistrict& district = DemoPlaces::districts()[std::size_t(districtIndex)];
    const auto styles = DemoPlaces::communityStyles();

    const int stems = int(district.communityStems.size());
    const int combinations = stems * int(styles.size());
    const int made = m_communitiesMade[std::size_t(districtIndex)]++;
    const int combination = permuted(made % combinations, combinations, districtIndex * 7);
    const DemoCommunityStyle& style = styles[std::size_t(combination / stems)];

    Community community;
    community.open = true;
    community.district = districtIndex;
    community.road = district.roads[m_random.below(quint32(district.roads.size()))];
    community.name = std::string(district.communityStems[std::size_t(combination % stems)]) + style.suffix
        + phase(made / combinations);
    if (style.highRise) {
        community.buildings = int(m_random.between(4, 20));
        community.units = int(m_random.between(1, 3));
        community.floors = kHighRiseFloors[m_random.below(4)];
        community.rooms = int(m_random.between(2, 4));
    } else {
        community.buildings = int(m_random.between(8, 40));
        community.units = int(m_random.between(2, 4));
        community.floors = int(m_random.between(5, 7));
        community.rooms = 2;
    }
    m_community = std::move(community);
}

void DemoNeighbourhoods::startVillage()
{
    const DemoHallSite& site = DemoPlaces::halls()[std::size_t(m_plan.halls[std::size_t(m_hall)].site)];
    const int districtIndex = site.districts[std::size_t(m_villageDistricts.pick(m_random))];
    const DemoDistrict& district = DemoPlaces::districts()[std::size_t(districtIndex)];
    const auto names = DemoPlaces::villageNames();

    const int towns = int(district.towns.size());
    const int combinations = towns * int(names.size());
    const int made = m_villagesMade[std::size_t(districtIndex)]++;
    const int combination = permuted(made % combinations, combinations, districtIndex * 11);

    Village village;
    village.open = true;
    village.district = districtIndex;
    village.name = std::string(names[std::size_t(combination / towns)]) + phase(made / combinations);
    village.prefix
        = std::string(district.name) + district.towns[std::size_t(combination % towns)] + village.name + "村";
    village.groups = int(m_random.between(4, 15));
    village.houses = int(m_random.between(20, 70));
    m_village = std::move(village);
}

void DemoNeighbourhoods::useCommunityArea(Place& out)
{
    if (m_community.areaLeft <= 0) {
        m_community.areaId
            = openArea(m_community.name + std::to_string(++m_community.areaNumber) + "号公变", m_community.collectorId);
        m_community.areaLeft = int(m_random.between(180, 420));
    }
    --m_community.areaLeft;
    out.areaId = m_community.areaId;
    out.collectorId = m_community.collectorId;
    out.district = m_community.district;
    out.locality = m_community.name;
}

void DemoNeighbourhoods::useVillageArea(Place& out)
{
    if (m_village.areaLeft <= 0) {
        m_village.areaId = openArea(m_village.name + "村" + std::to_string(++m_village.areaNumber) + "号公变",
                                    m_village.collectorId);
        m_village.areaLeft = int(m_random.between(150, 300));
    }
    --m_village.areaLeft;
    out.areaId = m_village.areaId;
    out.collectorId = m_village.collectorId;
    out.district = m_village.district;
    out.locality = m_village.name;
}

void DemoNeighbourhoods::flatInCommunity(Place& out)
{
    Community& c = m_community;
    do {
        if (!c.open) {
            startCommunity();
        }
        out.address = std::string(DemoPlaces::districts()[std::size_t(c.district)].name) + c.road + c.name
            + std::to_string(c.building) + "幢" + std::to_string(c.unit) + "单元"
            + std::to_string(c.floor * 100 + c.room) + "室";
        if (++c.room > c.rooms) {
            c.room = 1;
            if (++c.floor > c.floors) {
                c.floor = 1;
                if (++c.unit > c.units) {
                    c.unit = 1;
                    c.open = ++c.building <= c.buildings;
                }
            }
        }
    } while (m_random.chance(kVacantFlats));
    useCommunityArea(out);
}

void DemoNeighbourhoods::houseInVillage(Place& out)
{
    Village& v = m_village;
    if (!v.open) {
        startVillage();
    }
    if (++v.house > v.houses) {
        v.house = 1;
        ++v.group;
    }
    out.address = v.prefix + std::to_string(v.group) + "组" + std::to_string(v.house) + "号";
    useVillageArea(out);
    if (v.group == v.groups && v.house == v.houses) {
        v.open = false;
    }
}

void DemoNeighbourhoods::home(Place& out)
{
    if (m_random.chance(m_ruralShare)) {
        houseInVillage(out);
    } else {
        flatInCommunity(out);
    }
}

void DemoNeighbourhoods::shopFront(Place& out)
{
    if (!m_community.open) {
        startCommunity();
    }
    out.address = std::string(DemoPlaces::districts()[std::size_t(m_community.district)].name) + m_community.road
        + std::to_string(m_random.between(1, 899)) + "号";
    useCommunityArea(out);
}

void DemoNeighbourhoods::works(Place& out, const std::string& company)
{
    const DemoHallSite& site = DemoPlaces::halls()[std::size_t(m_plan.halls[std::size_t(m_hall)].site)];
    const int districtIndex = site.districts[std::size_t(m_districts.pick(m_random))];
    const DemoDistrict& district = DemoPlaces::districts()[std::size_t(districtIndex)];
    out.address = std::string(district.name) + district.industrialPark
        + district.roads[m_random.below(quint32(district.roads.size()))] + std::to_string(m_random.between(1, 999))
        + "号";
    out.areaId = openArea(company + "专变", out.collectorId);
    out.district = districtIndex;
    out.locality = district.industrialPark;
}

void DemoNeighbourhoods::farmstead(Place& out)
{
    houseInVillage(out);
}

void DemoNeighbourhoods::takeNewAreas(std::vector<DemoAreaRow>& out)
{
    for (DemoAreaRow& area : m_newAreas) {
        out.push_back(std::move(area));
    }
    m_newAreas.clear();
}

} // namespace HallDesk
