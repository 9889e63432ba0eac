#pragma once

#include "app/auth/Operator.h"
#include "app/demo/DemoNames.h"
#include "app/demo/DemoRandom.h"

#include <string>
#include <vector>

namespace HallDesk {

struct DemoHallPlan
{
    int site = 0; // index into DemoPlaces::halls(); hall id is site + 1
    qint64 firstAccount = 0; // index of the hall's first account (accounts are made hall by hall)
    qint64 accounts = 0;
    qint64 firstCollectorId = 0; // operator id of the hall's first collector
    int collectors = 0;
    qint64 expectedAreas = 1;
};

struct DemoOperatorRow
{
    qint64 id = 0;
    QString code;
    QString name;
    qint64 hallId = 0;
    QList<Role> roles;
};

// A payer group (集团户): a family paying for two or three homes, or a company with sites in several halls.
struct DemoGroupPlan
{
    enum class Kind
    {
        Family,
        Company
    };

    qint64 id = 0;
    std::string code;
    std::string name; // the family's payer ("王建国家庭") or the company
    Kind kind = Kind::Family;
    bool manufacturing = false; // a company whose first member is its factory (industrial)
    int surname = 0; // families: the name every member shares
    DemoPersonName payer; // families: the payer, holder of the first member account
    std::string mobile; // shared by every member's contact card
    std::string email;
};

struct DemoMembership
{
    qint32 group = 0; // group id, 0 for none
    qint32 role = 0; // 0 for the group's first member
};

// What is decided before the first account is made: how many accounts each hall gets, the operators (the demo
// sign-ins and one collector per about 12,000 accounts), and the payer groups with the accounts they hold
// (about 1.5 % of accounts head a family of two or three; one company per 10,000 accounts, at least two).
struct DemoPlan
{
    std::vector<DemoHallPlan> halls;
    std::vector<DemoOperatorRow> operators;
    std::vector<DemoGroupPlan> groups;
    std::vector<DemoMembership> membership; // per account index
    std::vector<std::pair<qint64, qint64>> members; // (group id, account id), in key order

    static DemoPlan make(DemoRandom& random, qint64 accounts, bool oneHall = false);

    // The demo sign-ins, all with the demo password.
    static QList<DemoOperatorRow> demoOperators();
};

} // namespace HallDesk
