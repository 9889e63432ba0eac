#include "app/demo/DemoNames.h"

#include <span>

namespace HallDesk {

namespace {

struct Surname
{
    const char* text;
    const char* pinyin;
    quint32 weight; // share of the population in thousandths of a percent
};

// The hundred most common surnames with their share of China's population (公安部 household register statistics),
// a few more frequent in Zhejiang, and the best-known compound surnames.
constexpr Surname kSurnames[]
    = {{"王", "wang", 7120}, {"李", "li", 7000},        {"张", "zhang", 6740}, {"刘", "liu", 5100},
       {"陈", "chen", 4610}, {"杨", "yang", 3220},      {"黄", "huang", 2450}, {"赵", "zhao", 2190},
       {"吴", "wu", 2080},   {"周", "zhou", 2000},      {"徐", "xu", 1670},    {"孙", "sun", 1540},
       {"马", "ma", 1440},   {"朱", "zhu", 1260},       {"胡", "hu", 1160},    {"郭", "guo", 1150},
       {"何", "he", 1060},   {"林", "lin", 1010},       {"高", "gao", 1000},   {"罗", "luo", 860},
       {"郑", "zheng", 780}, {"梁", "liang", 750},      {"谢", "xie", 650},    {"宋", "song", 620},
       {"唐", "tang", 590},  {"许", "xu", 560},         {"韩", "han", 550},    {"冯", "feng", 530},
       {"邓", "deng", 530},  {"曹", "cao", 520},        {"彭", "peng", 510},   {"曾", "zeng", 490},
       {"肖", "xiao", 480},  {"田", "tian", 470},       {"董", "dong", 460},   {"袁", "yuan", 450},
       {"潘", "pan", 440},   {"于", "yu", 430},         {"蒋", "jiang", 420},  {"蔡", "cai", 410},
       {"余", "yu", 400},    {"杜", "du", 390},         {"叶", "ye", 380},     {"程", "cheng", 370},
       {"苏", "su", 360},    {"魏", "wei", 350},        {"吕", "lv", 340},     {"丁", "ding", 330},
       {"任", "ren", 320},   {"沈", "shen", 310},       {"姚", "yao", 300},    {"卢", "lu", 290},
       {"姜", "jiang", 280}, {"崔", "cui", 270},        {"钟", "zhong", 270},  {"谭", "tan", 260},
       {"陆", "lu", 260},    {"汪", "wang", 250},       {"范", "fan", 250},    {"金", "jin", 240},
       {"石", "shi", 240},   {"廖", "liao", 230},       {"贾", "jia", 230},    {"夏", "xia", 220},
       {"韦", "wei", 220},   {"付", "fu", 210},         {"方", "fang", 210},   {"白", "bai", 200},
       {"邹", "zou", 200},   {"孟", "meng", 190},       {"熊", "xiong", 190},  {"秦", "qin", 190},
       {"邱", "qiu", 180},   {"江", "jiang", 180},      {"尹", "yin", 170},    {"薛", "xue", 170},
       {"闫", "yan", 160},   {"段", "duan", 160},       {"雷", "lei", 150},    {"侯", "hou", 150},
       {"龙", "long", 150},  {"史", "shi", 140},        {"陶", "tao", 140},    {"黎", "li", 140},
       {"贺", "he", 140},    {"顾", "gu", 130},         {"毛", "mao", 130},    {"郝", "hao", 130},
       {"龚", "gong", 130},  {"邵", "shao", 120},       {"万", "wan", 120},    {"钱", "qian", 120},
       {"严", "yan", 120},   {"覃", "qin", 110},        {"武", "wu", 110},     {"戴", "dai", 110},
       {"莫", "mo", 110},    {"孔", "kong", 110},       {"向", "xiang", 100},  {"汤", "tang", 100},
       {"俞", "yu", 80},     {"傅", "fu", 80},          {"洪", "hong", 80},    {"倪", "ni", 70},
       {"章", "zhang", 70},  {"应", "ying", 60},        {"葛", "ge", 60},      {"楼", "lou", 50},
       {"包", "bao", 50},    {"柴", "chai", 40},        {"鲍", "bao", 40},     {"单", "shan", 40},
       {"屠", "tu", 30},     {"虞", "yu", 30},          {"裘", "qiu", 20},     {"欧阳", "ouyang", 40},
       {"司马", "sima", 10}, {"上官", "shangguan", 10}, {"诸葛", "zhuge", 10}, {"皇甫", "huangfu", 10},
       {"司徒", "situ", 10}, {"东方", "dongfang", 5},   {"慕容", "murong", 3}, {"令狐", "linghu", 3},
       {"夏侯", "xiahou", 3}};

struct Syllable
{
    const char* text;
    const char* pinyin;
};

constexpr Syllable kMaleFirst[]
    = {{"建", "jian"}, {"志", "zhi"},  {"国", "guo"}, {"俊", "jun"},  {"文", "wen"}, {"晓", "xiao"},
       {"子", "zi"},   {"浩", "hao"},  {"宇", "yu"},  {"永", "yong"}, {"海", "hai"}, {"家", "jia"},
       {"明", "ming"}, {"振", "zhen"}, {"立", "li"},  {"伟", "wei"},  {"德", "de"},  {"承", "cheng"},
       {"天", "tian"}, {"鸿", "hong"}, {"世", "shi"}, {"春", "chun"}};
constexpr Syllable kMaleSecond[]
    = {{"强", "qiang"}, {"华", "hua"},  {"国", "guo"},  {"杰", "jie"}, {"军", "jun"},   {"明", "ming"}, {"平", "ping"},
       {"辉", "hui"},   {"涛", "tao"},  {"伟", "wei"},  {"斌", "bin"}, {"东", "dong"},  {"峰", "feng"}, {"龙", "long"},
       {"鹏", "peng"},  {"宇", "yu"},   {"飞", "fei"},  {"林", "lin"}, {"成", "cheng"}, {"超", "chao"}, {"波", "bo"},
       {"亮", "liang"}, {"刚", "gang"}, {"轩", "xuan"}, {"然", "ran"}, {"航", "hang"},  {"博", "bo"}};
constexpr Syllable kMaleSingle[]
    = {{"伟", "wei"},  {"强", "qiang"}, {"磊", "lei"},  {"军", "jun"},   {"勇", "yong"}, {"杰", "jie"},  {"涛", "tao"},
       {"斌", "bin"},  {"超", "chao"},  {"明", "ming"}, {"刚", "gang"},  {"平", "ping"}, {"辉", "hui"},  {"鹏", "peng"},
       {"华", "hua"},  {"飞", "fei"},   {"鑫", "xin"},  {"波", "bo"},    {"宇", "yu"},   {"浩", "hao"},  {"凯", "kai"},
       {"健", "jian"}, {"俊", "jun"},   {"帆", "fan"},  {"帅", "shuai"}, {"旭", "xu"},   {"宁", "ning"}, {"龙", "long"},
       {"林", "lin"},  {"阳", "yang"},  {"峰", "feng"}, {"毅", "yi"},    {"亮", "liang"}};
constexpr Syllable kFemaleFirst[]
    = {{"秀", "xiu"}, {"丽", "li"},   {"晓", "xiao"}, {"雅", "ya"},  {"欣", "xin"},  {"静", "jing"},
       {"美", "mei"}, {"春", "chun"}, {"玉", "yu"},   {"海", "hai"}, {"婷", "ting"}, {"慧", "hui"},
       {"佳", "jia"}, {"思", "si"},   {"梦", "meng"}, {"诗", "shi"}, {"雨", "yu"},   {"紫", "zi"},
       {"淑", "shu"}, {"桂", "gui"},  {"月", "yue"},  {"彩", "cai"}};
constexpr Syllable kFemaleSecond[]
    = {{"英", "ying"}, {"娟", "juan"}, {"燕", "yan"}, {"婷", "ting"}, {"怡", "yi"},   {"涵", "han"},
       {"芳", "fang"}, {"兰", "lan"},  {"梅", "mei"}, {"玲", "ling"}, {"红", "hong"}, {"霞", "xia"},
       {"萍", "ping"}, {"琳", "lin"},  {"敏", "min"}, {"洁", "jie"},  {"丹", "dan"},  {"颖", "ying"},
       {"琴", "qin"},  {"莉", "li"},   {"雯", "wen"}, {"倩", "qian"}};
constexpr Syllable kFemaleSingle[]
    = {{"芳", "fang"}, {"娜", "na"},  {"敏", "min"},  {"静", "jing"}, {"丽", "li"},   {"艳", "yan"},
       {"娟", "juan"}, {"霞", "xia"}, {"燕", "yan"},  {"玲", "ling"}, {"婷", "ting"}, {"慧", "hui"},
       {"洁", "jie"},  {"琳", "lin"}, {"颖", "ying"}, {"倩", "qian"}, {"萍", "ping"}, {"红", "hong"},
       {"梅", "mei"},  {"丹", "dan"}, {"雪", "xue"},  {"蕾", "lei"}};

constexpr const char* kBrands[]
    = {"恒达", "华通", "新宇", "金鼎", "宏远", "永泰", "瑞丰", "天成", "鑫源", "海纳", "锦程", "嘉禾",
       "众诚", "顺发", "万隆", "远航", "金诚", "华盛", "东升", "博瑞", "聚丰", "荣昌", "信达", "富康",
       "长青", "绿源", "明珠", "天宇", "润泽", "和裕", "鼎盛", "宝隆", "安泰", "隆盛", "祥和", "佳美",
       "旭日", "益民", "同创", "振兴", "新锐", "云帆", "盛世", "德力", "凯越", "欣悦", "百川", "千禧",
       "通达", "伟业", "正源", "星辰", "晨光", "蓝天", "青峰", "银河", "春晖", "永康", "利民", "兴旺"};
constexpr const char* kServiceTrades[]
    = {"贸易",     "商贸", "科技",     "网络科技", "信息技术", "餐饮管理", "酒店管理", "文化传媒", "物业管理",
       "电子商务", "广告", "装饰工程", "教育科技", "健康管理", "物流",     "汽车服务", "建材",     "服饰"};
constexpr const char* kManufacturingTrades[]
    = {"机械", "纺织", "化纤", "印染", "电子", "五金", "塑业",   "新材料", "汽车零部件", "精密机械", "服饰",
       "食品", "包装", "建材", "电器", "轴承", "阀门", "钢结构", "家具",   "照明",       "化工",     "医疗器械"};
constexpr const char* kEateries[] = {"面馆", "小吃店", "馄饨店", "包子铺", "快餐店", "烧烤店", "米线店", "饺子馆"};
constexpr const char* kShopTypes[]
    = {"便利店", "超市",   "水果店", "理发店", "美容院", "大药房", "五金店", "烟酒店", "茶庄",
       "服装店", "洗衣店", "宠物店", "花店",   "眼镜店", "文具店", "母婴店", "手机店", "电动车行"};
constexpr const char* kInstitutions[]
    = {"物业服务中心", "社区居民委员会", "幼儿园", "菜市场", "社区卫生服务站", "社区老年活动中心"};
constexpr const char* kChains[] = {"超市连锁有限公司", "餐饮连锁有限公司", "大药房连锁有限公司", "物流有限公司",
                                   "通信技术有限公司", "物业管理有限公司", "便利店连锁有限公司"};
constexpr const char* kProduce[] = {"茶叶", "蔬菜", "水果", "苗木", "水产", "竹笋", "粮油"};

template <typename T, std::size_t N> const T& pick(DemoRandom& random, const T (&items)[N])
{
    return items[random.below(quint32(N))];
}

const DemoRandom::Weights& surnameWeights()
{
    static const DemoRandom::Weights weights = [] {
        DemoRandom::Weights table;
        for (const Surname& surname : kSurnames) {
            table.add(surname.weight);
        }
        return table;
    }();
    return weights;
}

// "杭州", "浙江" or nothing before a company's name.
void appendCompanyPrefix(DemoRandom& random, std::string& out)
{
    const quint32 draw = random.below(100);
    if (draw < 70) {
        out += "杭州";
    } else if (draw < 90) {
        out += "浙江";
    }
}

void appendCompanySuffix(DemoRandom& random, std::string& out)
{
    const quint32 draw = random.below(100);
    out += draw < 80 ? "有限公司" : draw < 90 ? "股份有限公司" : "有限责任公司";
}

} // namespace

int DemoNames::drawSurname(DemoRandom& random)
{
    return surnameWeights().pick(random);
}

const char* DemoNames::surname(int index)
{
    return kSurnames[index].text;
}

DemoPersonName DemoNames::person(DemoRandom& random, int surname, bool male)
{
    const Surname& family = kSurnames[surname];
    DemoPersonName name;
    name.male = male;
    name.text = family.text;
    name.pinyin = family.pinyin;
    if (random.chance(1500)) {
        const Syllable& given = male ? pick(random, kMaleSingle) : pick(random, kFemaleSingle);
        name.text += given.text;
        name.pinyin += given.pinyin;
        return name;
    }
    const Syllable& first = male ? pick(random, kMaleFirst) : pick(random, kFemaleFirst);
    const Syllable* second = male ? &pick(random, kMaleSecond) : &pick(random, kFemaleSecond);
    if (std::string_view(second->text) == first.text) {
        second = male ? &kMaleSecond[0] : &kFemaleSecond[0];
    }
    name.text += first.text;
    name.text += second->text;
    name.pinyin += first.pinyin;
    name.pinyin += second->pinyin;
    return name;
}

DemoPersonName DemoNames::person(DemoRandom& random)
{
    const int family = drawSurname(random);
    const bool male = random.below(2) == 0;
    return person(random, family, male);
}

std::string DemoNames::shop(DemoRandom& random, const std::string& community)
{
    std::string name;
    const quint32 draw = random.below(100);
    if (draw < 30) {
        name = kSurnames[drawSurname(random)].text;
        name += "记";
        name += pick(random, kEateries);
    } else if (draw < 60) {
        name = pick(random, kBrands);
        name += pick(random, kShopTypes);
    } else if (draw < 85) {
        name = company(random, false);
    } else {
        name = community;
        name += pick(random, kInstitutions);
    }
    return name;
}

std::string DemoNames::company(DemoRandom& random, bool manufacturing)
{
    std::string name;
    appendCompanyPrefix(random, name);
    name += pick(random, kBrands);
    name += manufacturing ? pick(random, kManufacturingTrades) : pick(random, kServiceTrades);
    appendCompanySuffix(random, name);
    return name;
}

std::string DemoNames::chain(DemoRandom& random)
{
    std::string name = random.below(100) < 80 ? "杭州" : "浙江";
    name += pick(random, kBrands);
    name += pick(random, kChains);
    return name;
}

std::string DemoNames::farm(DemoRandom& random, const std::string& village, const DemoPersonName& farmer)
{
    const quint32 draw = random.below(100);
    if (draw < 45) {
        return farmer.text;
    }
    if (draw < 70) {
        return farmer.text + "家庭农场";
    }
    if (draw < 85) {
        return village + pick(random, kProduce) + "专业合作社";
    }
    if (draw < 93) {
        return village + "村股份经济合作社";
    }
    return village + "村排灌站";
}

} // namespace HallDesk
