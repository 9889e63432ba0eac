#pragma once

#include "app/billing/CustomerClass.h"
#include "app/demo/DemoBilling.h"

#include <string>
#include <vector>

namespace HallDesk {

// A transformer area (台区) and the collector who works it.
struct DemoAreaRow
{
    qint64 id = 0;
    std::string code;
    std::string name;
    qint64 hallId = 0;
    qint64 collectorId = 0;
};

struct DemoContactRow
{
    std::string phone;
    std::string mobile;
    std::string wechat;
    std::string email;
    std::string updatedAt;
};

// One account with its contact card and bills, as the rows it becomes. Text is UTF-8.
struct DemoAccountRow
{
    qint64 id = 0;
    std::string accountNo;
    std::string name;
    CustomerClass customerClass = CustomerClass::Residential;
    std::string address;
    qint64 hallId = 0;
    qint64 areaId = 0;
    std::string meterNo;
    qint64 collectorId = 0;
    std::string idCardNo;
    int openedOnDay = 0;
    std::string updatedAt;
    DemoContactRow contact;
    DemoAccountBills billing;
};

// What the generating thread hands to the writing thread: consecutive accounts, and the transformer areas first
// used by them.
struct DemoChunk
{
    std::vector<DemoAreaRow> areas;
    std::vector<DemoAccountRow> accounts;
};

} // namespace HallDesk
