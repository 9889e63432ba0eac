#include "app/demo/DemoPlaces.h"

namespace HallDesk {

namespace {

// 上城区
constexpr const char* kShangchengRoads[]
    = {"解放路", "庆春路", "延安路", "中山南路", "望江路", "清泰街", "建国南路", "秋涛路",
       "凯旋路", "江城路", "复兴路", "婺江路",   "采荷路", "景芳路", "机场路"};
constexpr const char* kShangchengStems[] = {"采荷", "景芳", "三里亭", "红梅", "南星", "近江", "望江", "清波", "湖滨",
                                            "小营", "紫阳", "闸弄口", "凯旋", "笕桥", "九堡", "彭埠", "丁兰", "四季青"};
constexpr const char* kShangchengTowns[] = {"丁兰街道", "九堡街道"};

// 拱墅区
constexpr const char* kGongshuRoads[]
    = {"莫干山路", "湖墅南路", "丽水路",   "上塘路", "登云路", "大关路", "台州路", "绍兴路",
       "东新路",   "石祥路",   "香积寺路", "湖州街", "小河路", "朝晖路", "潮王路"};
constexpr const char* kGongshuStems[] = {"大关", "和睦", "米市巷", "小河", "湖墅", "德胜", "朝晖", "潮鸣",
                                         "文晖", "祥符", "半山",   "康桥", "拱宸", "东新", "石桥"};
constexpr const char* kGongshuTowns[] = {"半山街道", "康桥街道"};

// 西湖区
constexpr const char* kXihuRoads[]
    = {"文三路", "文二路", "文一路",   "天目山路", "古墩路", "教工路", "学院路", "保俶北路",
       "西溪路", "留和路", "紫金港路", "余杭塘路", "丰潭路", "莲花街", "翠柏路"};
constexpr const char* kXihuStems[] = {"翠苑", "古荡", "文新", "嘉绿", "骆家庄", "申花", "留下", "蒋村",
                                      "三墩", "北山", "灵隐", "转塘", "西溪",   "文鼎", "益乐", "竞舟"};
constexpr const char* kXihuTowns[] = {"双浦镇", "三墩镇", "转塘街道"};

// 滨江区
constexpr const char* kBinjiangRoads[] = {"江南大道", "滨盛路", "江虹路",   "长河路",   "浦沿路", "闻涛路",
                                          "西兴路",   "月明路", "时代大道", "东信大道", "滨安路", "春晓路"};
constexpr const char* kBinjiangStems[]
    = {"西兴", "长河", "浦沿", "东冠", "江南", "闻涛", "星光", "缤纷", "彩虹", "滨文", "冠山", "六和"};
constexpr const char* kBinjiangTowns[] = {"浦沿街道", "长河街道"};

// 萧山区
constexpr const char* kXiaoshanRoads[] = {"市心路",   "人民路", "金城路", "北干山路", "育才路", "萧绍路",  "通惠路",
                                          "建设一路", "红山路", "湘湖路", "山阴路",   "晨晖路", "风情大道"};
constexpr const char* kXiaoshanStems[]
    = {"城厢", "北干", "蜀山", "新塘", "宁围", "湘湖", "南阳", "闻堰", "新街", "盈丰", "通惠", "育才", "潘水", "崇化"};
constexpr const char* kXiaoshanTowns[]
    = {"瓜沥镇", "义桥镇", "临浦镇", "戴村镇", "进化镇", "河上镇", "衙前镇", "党湾镇", "益农镇"};

// 余杭区
constexpr const char* kYuhangRoads[]
    = {"文一西路", "五常大道", "良睦路", "仓兴街", "龙舟路", "高教路", "闲林东路", "良渚大道", "荆长大道", "舒心路"};
constexpr const char* kYuhangStems[]
    = {"五常", "闲林", "仓前", "良渚", "中泰", "瓶窑", "径山", "余杭", "永福", "和睦", "梦想", "荆山"};
constexpr const char* kYuhangTowns[] = {"径山镇", "瓶窑镇", "黄湖镇", "鸬鸟镇", "百丈镇", "中泰街道", "良渚街道"};

// 临平区
constexpr const char* kLinpingRoads[]
    = {"临平大道", "迎宾路", "南苑街", "世纪大道", "星桥路", "藕花洲大街", "东湖路", "人民大道", "望梅路", "北沙路"};
constexpr const char* kLinpingStems[]
    = {"南苑", "东湖", "星桥", "乔司", "崇贤", "塘栖", "运河", "临平", "藕花洲", "新城", "荷禹"};
constexpr const char* kLinpingTowns[] = {"塘栖镇", "崇贤街道", "运河街道", "星桥街道"};

// 钱塘区
constexpr const char* kQiantangRoads[] = {"学林街", "文渊路", "下沙路", "海达南路", "福城路",  "义蓬路",
                                          "青六路", "文泽路", "学正街", "金沙大道", "江东大道"};
constexpr const char* kQiantangStems[]
    = {"下沙", "白杨", "金沙", "河庄", "义蓬", "临江", "前进", "元成", "学源", "湾南"};
constexpr const char* kQiantangTowns[] = {"义蓬街道", "河庄街道", "新湾街道"};

// 富阳区
constexpr const char* kFuyangRoads[]
    = {"江滨西大道", "桂花路", "金桥北路", "富春街", "大桥路", "恩波大道", "体育馆路", "春秋北路", "新桥路"};
constexpr const char* kFuyangStems[] = {"富春", "东洲", "银湖", "春江", "鹳山", "恩波", "江滨", "秦望", "新桥", "桂花"};
constexpr const char* kFuyangTowns[]
    = {"新登镇", "场口镇", "常安镇", "万市镇", "洞桥镇", "胥口镇", "渌渚镇", "灵桥镇", "大源镇"};

// 临安区
constexpr const char* kLinanRoads[]
    = {"钱王街", "衣锦街", "苕溪北街", "城中街", "万马路", "石镜街", "天目路", "锦城街"};
constexpr const char* kLinanStems[]
    = {"锦城", "锦北", "玲珑", "青山湖", "锦南", "钱王", "衣锦", "功臣", "吴越", "天目"};
constexpr const char* kLinanTowns[]
    = {"於潜镇", "昌化镇", "太湖源镇", "天目山镇", "河桥镇", "龙岗镇", "清凉峰镇", "高虹镇"};

constexpr DemoDistrict kDistricts[] = {
    {"上城区", "330102", kShangchengRoads, kShangchengStems, kShangchengTowns, "九堡工业园区", 200},
    {"拱墅区", "330105", kGongshuRoads, kGongshuStems, kGongshuTowns, "半山工业园区", 100},
    {"西湖区", "330106", kXihuRoads, kXihuStems, kXihuTowns, "西湖科技经济园区", 600},
    {"滨江区", "330108", kBinjiangRoads, kBinjiangStems, kBinjiangTowns, "高新技术产业开发区", 200},
    {"萧山区", "330109", kXiaoshanRoads, kXiaoshanStems, kXiaoshanTowns, "萧山经济技术开发区", 3000},
    {"余杭区", "330110", kYuhangRoads, kYuhangStems, kYuhangTowns, "余杭经济技术开发区", 2500},
    {"临平区", "330113", kLinpingRoads, kLinpingStems, kLinpingTowns, "临平经济技术开发区", 1500},
    {"钱塘区", "330114", kQiantangRoads, kQiantangStems, kQiantangTowns, "杭州经济技术开发区", 1000},
    {"富阳区", "330111", kFuyangRoads, kFuyangStems, kFuyangTowns, "富阳经济技术开发区", 4000},
    {"临安区", "330112", kLinanRoads, kLinanStems, kLinanTowns, "青山湖科技城", 4500},
};

constexpr int kH01Districts[] = {0, 1};
constexpr quint32 kH01Weights[] = {60, 40};
constexpr int kH02Districts[] = {2};
constexpr quint32 kH02Weights[] = {100};
constexpr int kH03Districts[] = {3, 7};
constexpr quint32 kH03Weights[] = {55, 45};
constexpr int kH04Districts[] = {4};
constexpr quint32 kH04Weights[] = {100};
constexpr int kH05Districts[] = {5, 6};
constexpr quint32 kH05Weights[] = {55, 45};
constexpr int kH06Districts[] = {8, 9};
constexpr quint32 kH06Weights[] = {60, 40};

// Shares and class mixes chosen so that the city as a whole is about 88 % residential, 9 % commercial, 1 %
// industrial and 2 % agricultural: the centre has almost no farms, the outer districts more factories and fields.
constexpr DemoHallSite kHalls[] = {
    {"H01",
     "上城供电营业厅",
     "上城区解放路118号",
     "0571-86001101",
     kH01Districts,
     kH01Weights,
     2200,
     {9000, 960, 20, 20}},
    {"H02",
     "西湖供电营业厅",
     "西湖区文三路259号",
     "0571-86001102",
     kH02Districts,
     kH02Weights,
     2000,
     {8900, 950, 50, 100}},
    {"H03",
     "滨江供电营业厅",
     "滨江区江南大道3850号",
     "0571-86001103",
     kH03Districts,
     kH03Weights,
     1600,
     {8700, 1000, 200, 100}},
    {"H04",
     "萧山供电营业厅",
     "萧山区金城路429号",
     "0571-86001104",
     kH04Districts,
     kH04Weights,
     1600,
     {8650, 850, 180, 320}},
    {"H05",
     "余杭供电营业厅",
     "余杭区文一西路1500号",
     "0571-86001105",
     kH05Districts,
     kH05Weights,
     1600,
     {8700, 870, 130, 300}},
    {"H06",
     "富阳供电营业厅",
     "富阳区桂花路18号",
     "0571-86001106",
     kH06Districts,
     kH06Weights,
     1000,
     {8600, 750, 100, 550}},
};

constexpr DemoCommunityStyle kCommunityStyles[]
    = {{"一区", false}, {"二区", false}, {"三区", false}, {"四区", false}, {"新村", false},
       {"小区", false}, {"北苑", false}, {"南苑", false}, {"东苑", false}, {"西苑", false},
       {"花园", true},  {"家园", true},  {"嘉园", true},  {"华庭", true},  {"府", true},
       {"雅苑", true},  {"锦苑", true},  {"公馆", true},  {"名苑", true},  {"公寓", true}};

constexpr const char* kVillageNames[]
    = {"明朗", "东恩", "长沙", "光明", "新联", "联合", "红旗", "胜利", "永兴", "东风",   "前进", "民主", "和平",
       "跃进", "新华", "长兴", "南阳", "东山", "西山", "上溪", "下溪", "梅林", "竹园",   "桃源", "石门", "龙坞",
       "杨家", "沈家", "徐家", "王家", "李家", "陈家", "金家", "周家", "孙家", "何家",   "横山", "凤凰", "白鹤",
       "青龙", "新丰", "丰收", "双桥", "三联", "四联", "五星", "六和", "七星", "八一",   "九龙", "十里", "大溪",
       "小溪", "上塘", "下塘", "湖头", "桥头", "山后", "岭下", "塘湾", "茶园", "梅家坞", "龙井"};

constexpr const char* kOtherRegionCodes[]
    = {"330203", "330302", "330381", "330402", "330502", "330602", "330702", "330782", "330802", "331002",
       "331102", "340104", "341202", "341502", "360102", "361102", "410102", "411302", "420106", "430102",
       "510104", "511302", "520102", "320102", "310104", "350102", "370102", "450102", "500101"};

} // namespace

std::span<const DemoDistrict> DemoPlaces::districts()
{
    return kDistricts;
}

std::span<const DemoHallSite> DemoPlaces::halls()
{
    return kHalls;
}

std::span<const DemoCommunityStyle> DemoPlaces::communityStyles()
{
    return kCommunityStyles;
}

std::span<const char* const> DemoPlaces::villageNames()
{
    return kVillageNames;
}

std::span<const char* const> DemoPlaces::otherRegionCodes()
{
    return kOtherRegionCodes;
}

} // namespace HallDesk
