#include "app/accounts/AccountService.h"
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "db/Store.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace HallDesk::Cli {

namespace {

void putMoney(QJsonObject& object, const QString& key, Money amount)
{
    object.insert(key, amount.toString());
    object.insert(key + QStringLiteral("_fen"), amount.fen());
}

QString dateText(QDate date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QJsonObject openBillJson(const BillLine& bill)
{
    QJsonObject object{
        {QStringLiteral("period"), bill.period},
        {QStringLiteral("kwh"), bill.kwh},
        {QStringLiteral("issue_date"), dateText(bill.issueDate)},
        {QStringLiteral("due_date"), dateText(bill.dueDate)},
        {QStringLiteral("status"), bill.status},
        {QStringLiteral("days"), bill.lateFee.days},
        {QStringLiteral("policy"), bill.lateFee.policyId},
        {QStringLiteral("policy_version"), bill.lateFee.policyVersion},
    };
    putMoney(object, QStringLiteral("amount"), bill.amount);
    putMoney(object, QStringLiteral("paid"), bill.paid);
    putMoney(object, QStringLiteral("outstanding"), bill.outstanding());
    putMoney(object, QStringLiteral("late_fee"), bill.lateFee.fee);
    return object;
}

QJsonObject recentBillJson(const BillLine& bill)
{
    QJsonObject object{
        {QStringLiteral("period"), bill.period},
        {QStringLiteral("kwh"), bill.kwh},
        {QStringLiteral("due_date"), dateText(bill.dueDate)},
        {QStringLiteral("status"), bill.status},
        {QStringLiteral("paid_on"), dateText(bill.paidOn)},
    };
    putMoney(object, QStringLiteral("amount"), bill.amount);
    putMoney(object, QStringLiteral("paid"), bill.paid);
    return object;
}

// The command line has no signed-in operator, so it shows personal data as a clerk sees it: masked.
QJsonObject contactJson(const AccountDetail& account)
{
    return {
        {QStringLiteral("mobile"), maskPhone(account.contact.mobile)},
        {QStringLiteral("phone"), maskPhone(account.contact.phone)},
        {QStringLiteral("wechat"), account.contact.wechat},
        {QStringLiteral("email"), account.contact.email},
        {QStringLiteral("updated_at"),
         account.contact.updatedAt.isValid() ? account.contact.updatedAt.toString(Qt::ISODate) : QString()},
        {QStringLiteral("stale"), account.contactStale},
    };
}

QJsonValue groupJson(const AccountDetail& account)
{
    if (account.groupCode.isEmpty()) {
        return QJsonValue::Null;
    }
    QJsonArray members;
    for (const AccountSummary& member : account.groupMembers) {
        QJsonObject object{
            {QStringLiteral("account_no"), member.accountNo},
            {QStringLiteral("name"), member.name},
            {QStringLiteral("class"), customerClassCode(member.customerClass)},
            {QStringLiteral("status"), member.status},
        };
        putMoney(object, QStringLiteral("arrears"), member.arrears);
        members.append(object);
    }
    return QJsonObject{
        {QStringLiteral("code"), account.groupCode},
        {QStringLiteral("name"), account.groupName},
        {QStringLiteral("other_members"), members},
    };
}

QJsonObject accountJson(const AccountDetail& account)
{
    QJsonArray openBills;
    for (const BillLine& bill : account.openBills) {
        openBills.append(openBillJson(bill));
    }
    QJsonArray recentBills;
    for (const BillLine& bill : account.recentBills) {
        recentBills.append(recentBillJson(bill));
    }
    QJsonObject object{
        {QStringLiteral("account_no"), account.accountNo},
        {QStringLiteral("name"), account.name},
        {QStringLiteral("class"), customerClassCode(account.customerClass)},
        {QStringLiteral("address"), account.address},
        {QStringLiteral("status"), account.status},
        {QStringLiteral("risk_level"), account.riskLevel},
        {QStringLiteral("hall"), account.hallName},
        {QStringLiteral("hall_code"), account.hallCode},
        {QStringLiteral("area"), account.areaName},
        {QStringLiteral("collector"), account.collectorName},
        {QStringLiteral("collector_code"), account.collectorCode},
        {QStringLiteral("meter_no"), account.meterNo},
        {QStringLiteral("id_card_no"), maskIdCard(account.idCardNo)},
        {QStringLiteral("personal_data"), QStringLiteral("masked")},
        {QStringLiteral("contact"), contactJson(account)},
        {QStringLiteral("open_bills"), openBills},
        {QStringLiteral("recent_bills"), recentBills},
        {QStringLiteral("group"), groupJson(account)},
        {QStringLiteral("as_of"), dateText(account.asOf)},
    };
    putMoney(object, QStringLiteral("prepaid"), account.prepaid);
    putMoney(object, QStringLiteral("arrears"), account.arrearsPrincipal);
    putMoney(object, QStringLiteral("arrears_late_fee"), account.arrearsLateFee);
    putMoney(object, QStringLiteral("owed"), account.totalArrears());
    putMoney(object, QStringLiteral("total_due"), account.totalDue());
    return object;
}

} // namespace

// halldeskctl account --db PATH ACCOUNT_NO [--on DATE]
// The account with its open bills and their late fees as of DATE (default: today in the hall's time zone).
int runAccount(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Show an account with its open bills and their late fees."));
    parser.addOptions({
        {QStringLiteral("db"), Text::tr("The store file."), QStringLiteral("PATH")},
        {QStringLiteral("on"), Text::tr("Compute late fees as of this day, YYYY-MM-DD (default: today)."),
         QStringLiteral("DATE")},
    });
    parser.addPositionalArgument(QStringLiteral("account"), Text::tr("The account number (户号)."),
                                 QStringLiteral("ACCOUNT_NO"));
    parse(parser, args);
    const QString path = required(parser, QStringLiteral("db"));
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        throw CliError{Text::tr("Give exactly one account number."), kExitUsage};
    }
    QDate on;
    if (parser.isSet(QStringLiteral("on"))) {
        static const QRegularExpression shape(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
        const QString text = parser.value(QStringLiteral("on"));
        on = shape.match(text).hasMatch() ? QDate::fromString(text, Qt::ISODate) : QDate();
        if (!on.isValid()) {
            throw CliError{Text::tr("--on takes a date as YYYY-MM-DD, not \"%1\".").arg(text), kExitUsage};
        }
    }

    const std::unique_ptr<Store> store = openStore(path);
    AccountService accounts(*store);
    if (!on.isValid()) {
        on = accounts.businessDate();
    }
    const std::optional<AccountDetail> account = accounts.load(positional.first(), on);
    if (!account) {
        throw CliError{Text::tr("There is no account %1 in %2.").arg(positional.first().trimmed(), path), kExitFailure};
    }
    printJson(accountJson(*account));
    return kExitOk;
}

} // namespace HallDesk::Cli
