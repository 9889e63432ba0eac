#include "app/demo/DemoPlan.h"

#include "app/demo/DemoContacts.h"
#include "app/demo/DemoPlaces.h"

#include <algorithm>

namespace HallDesk {

namespace {

constexpr qint64 kAccountsPerCollector = 12000;
constexpr qint64 kHouseholdsPerArea = 280;
constexpr quint32 kFamilyHeads = 150; // parts per 10,000 of all accounts
constexpr qint64 kAccountsPerCompany = 10000;

std::string groupCode(char kind, qint64 number)
{
    std::string code(8, '0');
    code[0] = kind;
    for (std::size_t position = code.size() - 1; position > 0 && number > 0; --position, number /= 10) {
        code[position] = char('0' + number % 10);
    }
    return code;
}

// Marks a free account as a member of `group`; false when it belongs to a group already.
bool join(DemoPlan& plan, qint64 index, qint64 group, int role)
{
    DemoMembership& membership = plan.membership[std::size_t(index)];
    if (membership.group != 0) {
        return false;
    }
    membership.group = qint32(group);
    membership.role = role;
    plan.members.emplace_back(group, index + 1);
    return true;
}

void planHalls(DemoPlan& plan, qint64 accounts, bool oneHall)
{
    const auto sites = DemoPlaces::halls();
    qint64 assigned = 0;
    for (std::size_t site = 0; site < sites.size(); ++site) {
        DemoHallPlan hall;
        hall.site = int(site);
        hall.accounts = oneHall ? 0 : accounts * sites[site].accountShare / 10000;
        assigned += hall.accounts;
        plan.halls.push_back(hall);
    }
    plan.halls.front().accounts += accounts - assigned; // the workplace hall takes what rounding left over
    qint64 first = 0;
    for (DemoHallPlan& hall : plan.halls) {
        hall.firstAccount = first;
        first += hall.accounts;
        hall.expectedAreas = std::max<qint64>(1, hall.accounts / kHouseholdsPerArea);
    }
}

void planCollectors(DemoPlan& plan, DemoRandom& random)
{
    int number = 0;
    for (DemoHallPlan& hall : plan.halls) {
        hall.collectors = int(std::max<qint64>(1, (hall.accounts + kAccountsPerCollector / 2) / kAccountsPerCollector));
        hall.firstCollectorId = qint64(plan.operators.size()) + 1;
        for (int i = 0; i < hall.collectors; ++i) {
            DemoOperatorRow row;
            row.id = qint64(plan.operators.size()) + 1;
            row.code = QStringLiteral("coll%1").arg(++number, 2, 10, QLatin1Char('0'));
            row.name = QString::fromStdString(DemoNames::person(random).text);
            row.hallId = hall.site + 1;
            row.roles = {Role::Collector};
            plan.operators.push_back(row);
        }
    }
}

void planFamilies(DemoPlan& plan, DemoRandom& random, qint64 accounts)
{
    const qint64 families = accounts >= 20 ? accounts * kFamilyHeads / 10000 : 0;
    for (qint64 family = 0; family < families; ++family) {
        DemoGroupPlan group;
        group.id = qint64(plan.groups.size()) + 1;
        group.code = groupCode('F', family + 1);
        group.kind = DemoGroupPlan::Kind::Family;
        group.surname = DemoNames::drawSurname(random);
        group.payer = DemoNames::person(random, group.surname, random.below(2) == 0);
        group.name = group.payer.text + "家庭";
        group.mobile = DemoContacts::mobile(random);
        const int size = random.chance(6000) ? 2 : 3;
        int joined = 0;
        for (int attempt = 0; attempt < size * 4 && joined < size; ++attempt) {
            if (join(plan, qint64(random.next() % quint64(accounts)), group.id, joined)) {
                ++joined;
            }
        }
        plan.groups.push_back(std::move(group));
    }
}

void planCompanies(DemoPlan& plan, DemoRandom& random, qint64 accounts)
{
    const qint64 companies = accounts >= 500 ? std::max<qint64>(2, accounts / kAccountsPerCompany) : 0;
    const int hallCount = int(plan.halls.size());
    for (qint64 company = 0; company < companies; ++company) {
        DemoGroupPlan group;
        group.id = qint64(plan.groups.size()) + 1;
        group.code = groupCode('C', company + 1);
        group.kind = DemoGroupPlan::Kind::Company;
        group.manufacturing = random.below(100) < 40;
        group.name = group.manufacturing ? DemoNames::company(random, true) : DemoNames::chain(random);
        group.mobile = DemoContacts::mobile(random);
        group.email = DemoContacts::companyEmail(random);
        // Sites in consecutive halls from a random one, so that every company spans several halls.
        const int sites = group.manufacturing ? 3 + int(random.below(3)) : 4 + int(random.below(7));
        const int startHall = int(random.below(quint32(hallCount)));
        int joined = 0;
        for (int site = 0; site < sites * 4 && joined < sites; ++site) {
            const DemoHallPlan& hall = plan.halls[std::size_t((startHall + site) % hallCount)];
            if (hall.accounts == 0) {
                continue;
            }
            const qint64 index = hall.firstAccount + qint64(random.next() % quint64(hall.accounts));
            if (join(plan, index, group.id, joined)) {
                ++joined;
            }
        }
        plan.groups.push_back(std::move(group));
    }
}

} // namespace

QList<DemoOperatorRow> DemoPlan::demoOperators()
{
    return {
        {1, QStringLiteral("admin01"), QStringLiteral("刘志强"), 1, {Role::Admin}},
        {2, QStringLiteral("super01"), QStringLiteral("张建国"), 1, {Role::Supervisor}},
        {3, QStringLiteral("clerk01"), QStringLiteral("陈晓燕"), 1, {Role::Clerk}},
        {4, QStringLiteral("clerk02"), QStringLiteral("王丽娟"), 1, {Role::Clerk}},
    };
}

DemoPlan DemoPlan::make(DemoRandom& random, qint64 accounts, bool oneHall)
{
    DemoPlan plan;
    planHalls(plan, accounts, oneHall);
    const QList<DemoOperatorRow> demo = demoOperators();
    plan.operators.assign(demo.begin(), demo.end());
    planCollectors(plan, random);
    plan.membership.assign(std::size_t(accounts), DemoMembership{});
    planFamilies(plan, random, accounts);
    planCompanies(plan, random, accounts);
    std::sort(plan.members.begin(), plan.members.end());
    return plan;
}

} // namespace HallDesk
