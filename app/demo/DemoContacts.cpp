#include "app/demo/DemoContacts.h"

#include "app/demo/DemoPlaces.h"

#include <iterator>

namespace HallDesk {

namespace {

constexpr const char* kMobilePrefixes[]
    = {"130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151",
       "152", "153", "155", "156", "157", "158", "159", "180", "181", "182", "183", "184",
       "185", "186", "187", "188", "189", "191", "193", "195", "196", "197", "198", "199"};
// 13x 40 %, 15x 25 %, 18x 25 %, 19x 10 %, spread over each group's prefixes.
constexpr quint32 kMobilePrefixWeights[] = {40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 28, 28, 28, 28, 28, 28, 28, 28,
                                            26, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 14, 14, 14, 14, 14, 14, 16};
static_assert(std::size(kMobilePrefixes) == std::size(kMobilePrefixWeights));

constexpr char kLandlineFirstDigits[] = {'8', '8', '8', '8', '5', '6', '2'};
constexpr char kIdCharacters[] = "abcdefghijklmnopqrstuvwxyz0123456789";

void appendDigits(DemoRandom& random, std::string& out, int count)
{
    for (int i = 0; i < count; ++i) {
        out += char('0' + random.below(10));
    }
}

} // namespace

std::string DemoContacts::mobile(DemoRandom& random)
{
    static const DemoRandom::Weights prefixes = [] {
        DemoRandom::Weights weights;
        for (const quint32 weight : kMobilePrefixWeights) {
            weights.add(weight);
        }
        return weights;
    }();
    std::string number = kMobilePrefixes[prefixes.pick(random)];
    appendDigits(random, number, 8);
    return number;
}

std::string DemoContacts::landline(DemoRandom& random)
{
    std::string number = DemoPlaces::landlineAreaCode();
    number += '-';
    number += kLandlineFirstDigits[random.below(sizeof kLandlineFirstDigits)];
    appendDigits(random, number, 7);
    return number;
}

std::string DemoContacts::wechat(DemoRandom& random, const std::string& pinyin, const std::string& mobile)
{
    const quint32 draw = random.below(100);
    if (draw < 20 && !mobile.empty()) {
        return mobile;
    }
    if (draw < 65 || pinyin.empty()) {
        std::string id = "wxid_";
        for (int i = 0; i < 14; ++i) {
            id += kIdCharacters[random.below(36)];
        }
        return id;
    }
    std::string id = pinyin;
    id += random.below(2) == 0 ? "_" : "";
    appendDigits(random, id, 2 + int(random.below(3)));
    return id;
}

std::string DemoContacts::personalEmail(DemoRandom& random, const std::string& pinyin)
{
    const quint32 draw = random.below(100);
    std::string address;
    if (draw < 30) {
        // QQ mail: the QQ number is the address.
        address += char('1' + random.below(9));
        appendDigits(random, address, 4 + int(random.below(6)));
        return address + "@qq.com";
    }
    address = pinyin;
    appendDigits(random, address, int(random.below(5)));
    if (draw < 65) {
        return address + "@163.com";
    }
    if (draw < 75) {
        return address + "@126.com";
    }
    if (draw < 85) {
        return address + "@139.com";
    }
    if (draw < 92) {
        return address + "@foxmail.com";
    }
    return address + "@sina.com";
}

std::string DemoContacts::companyEmail(DemoRandom& random)
{
    std::string address = random.below(2) == 0 ? "caiwu" : "finance";
    appendDigits(random, address, 3);
    return address + (random.below(2) == 0 ? "@163.com" : "@126.com");
}

} // namespace HallDesk
