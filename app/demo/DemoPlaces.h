#pragma once

#include <QtGlobal>
#include <array>
#include <span>

namespace HallDesk {

// One district of the demo city with what its addresses are made of.
struct DemoDistrict
{
    const char* name; // "西湖区"
    const char* regionCode; // the first six digits of an ID card issued here
    std::span<const char* const> roads;
    std::span<const char* const> communityStems; // "翠苑" -> 翠苑一区, 翠苑新村, …
    std::span<const char* const> towns; // towns and sub-districts with villages (村)
    const char* industrialPark;
    quint32 ruralShare; // of the residential accounts, parts per 10,000 living in villages
};

// One service hall of the demo, the districts it serves and the mix of its customers.
struct DemoHallSite
{
    const char* code; // "H01"
    const char* name;
    const char* address;
    const char* phone;
    std::span<const int> districts; // indexes into DemoPlaces::districts()
    std::span<const quint32> districtWeights;
    quint32 accountShare; // parts per 10,000 of all accounts
    // Residential, commercial, industrial, agricultural: parts per 10,000 of the hall's accounts.
    std::array<quint32, 4> classWeights;
};

// A suffix that makes a community's name from a stem, and how its buildings look.
struct DemoCommunityStyle
{
    const char* suffix; // "新村", "花园", …
    bool highRise; // 11 to 33 floors rather than 5 to 7
};

// The demo city (杭州), its districts, halls and the parts of its place names. Real district, road and town names;
// the communities and villages are made from real-sounding stems.
class DemoPlaces final
{
public:
    static const char* province() { return "浙江省"; }
    static const char* city() { return "杭州"; }
    static const char* landlineAreaCode() { return "0571"; }
    static const char* companyName() { return "国网杭州供电公司"; }

    static std::span<const DemoDistrict> districts();
    static std::span<const DemoHallSite> halls();
    static std::span<const DemoCommunityStyle> communityStyles();
    static std::span<const char* const> villageNames();
    // ID card regions of people born elsewhere in the province and in the provinces people move here from.
    static std::span<const char* const> otherRegionCodes();
};

} // namespace HallDesk
