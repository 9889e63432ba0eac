#pragma once

#include "app/demo/DemoRandom.h"

#include <string>

namespace HallDesk {

// Contact details as people in 杭州 have them, as UTF-8.
class DemoContacts final
{
public:
    // 11 digits with a real operator prefix (13x, 15x, 18x, 19x).
    static std::string mobile(DemoRandom& random);
    // "0571-" and eight digits.
    static std::string landline(DemoRandom& random);
    // A WeChat id: a system-made "wxid_…", one made from the name, or the mobile number.
    static std::string wechat(DemoRandom& random, const std::string& pinyin, const std::string& mobile);
    // A private address at a common Chinese provider; for a company, a finance office's address.
    static std::string personalEmail(DemoRandom& random, const std::string& pinyin);
    static std::string companyEmail(DemoRandom& random);
};

} // namespace HallDesk
