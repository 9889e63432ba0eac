#pragma once

#include "app/demo/DemoRandom.h"

#include <string>

namespace HallDesk {

struct DemoPersonName
{
    std::string text; // "王建国"
    std::string pinyin; // "wangjianguo", for e-mail addresses and WeChat ids
    bool male = true;
};

// Names for the demo store, as UTF-8: people (surnames drawn with their frequency in China, compound surnames
// included), shops, companies and farms.
class DemoNames final
{
public:
    static int drawSurname(DemoRandom& random);
    static const char* surname(int index);

    // A person with the given surname and sex: a two-character given name mostly, a single one sometimes.
    static DemoPersonName person(DemoRandom& random, int surname, bool male);
    static DemoPersonName person(DemoRandom& random);

    // A shop, small business or neighbourhood institution; `community` names the community it serves.
    static std::string shop(DemoRandom& random, const std::string& community);
    // A company: a service business, or a manufacturer when `manufacturing`.
    static std::string company(DemoRandom& random, bool manufacturing);
    // A company with sites all over the city: a chain of shops, a logistics or telecom company.
    static std::string chain(DemoRandom& random);
    // A farm, a co-operative or a village's pumping station in `village` ("明朗").
    static std::string farm(DemoRandom& random, const std::string& village, const DemoPersonName& farmer);
};

} // namespace HallDesk
