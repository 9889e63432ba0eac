#pragma once

#include "app/billing/CustomerClass.h"
#include "app/billing/LateFee.h"
#include "app/money/Money.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <algorithm>

namespace HallDesk {

// One bill as the account view shows it, with its late fee as of the view's date.
struct BillLine
{
    qint64 id = 0;
    QString period; // "2026-03"
    qint64 kwh = 0;
    Money amount;
    Money paid;
    QDate issueDate;
    QDate dueDate;
    QString status; // open, partial, paid
    QDate paidOn;
    QDate feeThrough; // the late fee was settled up to this day by an earlier payment (invalid: never)
    Money feeCarried; // late fee left unpaid by an earlier partial payment
    qint64 feeCountedExact = 0; // late fee counted on the bill so far, millionths of a fen (app/billing/LateFee.h)
    LateFee lateFee; // zero for paid bills; includes feeCarried

    Money outstanding() const { return amount - paid; }
    Money totalDue() const { return outstanding() + lateFee.fee; }
};

struct ContactCard
{
    QString phone;
    QString mobile;
    QString wechat;
    QString email;
    QDateTime updatedAt; // UTC
};

// A row of a search result or of a payer group's member list.
struct AccountSummary
{
    qint64 id = 0;
    QString accountNo;
    QString name;
    QString address;
    CustomerClass customerClass = CustomerClass::Residential;
    QString status; // normal, disconnected, closed
    Money arrears; // outstanding principal of open bills
};

// Everything the account view shows.
struct AccountDetail
{
    qint64 id = 0;
    QString accountNo;
    QString name;
    CustomerClass customerClass = CustomerClass::Residential;
    QString address;
    QString meterNo;
    QString status;
    QString riskLevel; // low, medium, high
    QString hallCode;
    QString hallName;
    QString areaName;
    QString collectorCode;
    QString collectorName;
    QString idCardNo;
    Money prepaid;
    ContactCard contact;
    bool contactStale = false; // not updated for longer than settings "contacts.stale_days"

    QDate asOf;
    QList<BillLine> openBills; // oldest first
    QList<BillLine> recentBills; // the last 13 periods, newest first
    Money arrearsPrincipal;
    Money arrearsLateFee;
    Money totalArrears() const { return arrearsPrincipal + arrearsLateFee; }
    // What the counter asks for: the arrears and late fees less the prepaid balance, never below zero (the prepaid
    // balance is the customer's money and pays their bills first; docs/counter.md).
    Money totalDue() const { return std::max(totalArrears() - prepaid, Money()); }

    QString groupCode;
    QString groupName;
    QList<AccountSummary> groupMembers; // the payer group's other accounts
};

// Masking of personal data for roles that do not need it: "13812345678" -> "138****5678",
// an 18-character ID number -> "330102**********12".
QString maskPhone(const QString& phone);
QString maskIdCard(const QString& idCard);

// The form of a resident ID number that the hall cache keeps and the centre sends (docs/security.md): the first six
// and last four characters with '*' between (330102********2952); fewer than 11 characters become all '*'. The
// same rule as central.mask_id_card() and db/local/0007_masked_id_cards.sql. A masked value stays as it is.
QString maskIdCardForCache(const QString& idCard);

// The offline check of a presented ID card against the cached, masked number: true when it has the same length and
// every character that the mask kept matches (case-insensitive for the check character X). It says nothing about
// the masked digits; only the centre can (sync.verify_id_card).
bool matchesMaskedIdCard(const QString& masked, const QString& presented);

} // namespace HallDesk
