#pragma once

#include "app/demo/DemoChunk.h"
#include "app/demo/DemoPlan.h"
#include "app/demo/DemoRandom.h"

#include <string>
#include <vector>

namespace HallDesk {

// Where a hall's accounts are, in the order they were connected: communities (小区) filled building by building,
// unit by unit, floor by floor, villages (村) group by group, shops on the roads beside the current community,
// factories in the district's industrial park. Every community and village is split into transformer areas
// (台区) of 150 to 420 households; a factory has a transformer of its own (专变). Each hall's areas go to its
// collectors in consecutive blocks, so a collector works one neighbourhood.
class DemoNeighbourhoods final
{
public:
    struct Place
    {
        std::string address;
        std::string locality; // the community or village ("翠苑一区", "明朗"), for naming shops and farms
        int district = 0; // index into DemoPlaces::districts()
        qint64 areaId = 0;
        qint64 collectorId = 0;
    };

    DemoNeighbourhoods(DemoRandom& random, const DemoPlan& plan);

    // Moves on to the hall plan.halls[hall]; its addresses and areas follow.
    void beginHall(int hall);

    void home(Place& out); // residential: a flat, or a house in a village
    void shopFront(Place& out); // commercial
    void works(Place& out, const std::string& company); // industrial
    void farmstead(Place& out); // agricultural

    // Moves the areas opened since the last call to the end of `out`.
    void takeNewAreas(std::vector<DemoAreaRow>& out);

private:
    struct Community
    {
        bool open = false;
        int district = 0;
        const char* road = "";
        std::string name;
        int buildings = 0, units = 0, floors = 0, rooms = 0;
        int building = 1, unit = 1, floor = 1, room = 1;
        int areaNumber = 0, areaLeft = 0;
        qint64 areaId = 0, collectorId = 0;
    };

    struct Village
    {
        bool open = false;
        int district = 0;
        std::string prefix; // "萧山区瓜沥镇明朗村"
        std::string name; // "明朗"
        int groups = 0, houses = 0;
        int group = 1, house = 0;
        int areaNumber = 0, areaLeft = 0;
        qint64 areaId = 0, collectorId = 0;
    };

    void startCommunity();
    void startVillage();
    void useCommunityArea(Place& out);
    void useVillageArea(Place& out);
    void flatInCommunity(Place& out);
    void houseInVillage(Place& out);
    // Opens a transformer area in the current hall; returns its id and sets collectorId.
    qint64 openArea(std::string name, qint64& collectorId);

    DemoRandom& m_random;
    const DemoPlan& m_plan;
    int m_hall = -1;
    DemoRandom::Weights m_districts;
    DemoRandom::Weights m_villageDistricts;
    quint32 m_ruralShare = 0;
    std::vector<int> m_communitiesMade; // per district
    std::vector<int> m_villagesMade;
    Community m_community;
    Village m_village;
    qint64 m_nextAreaId = 1;
    qint64 m_areasInHall = 0;
    std::vector<DemoAreaRow> m_newAreas;
};

} // namespace HallDesk
