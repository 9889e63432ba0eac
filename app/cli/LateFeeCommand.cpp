#include "app/billing/CustomerClass.h"
#include "app/billing/LateFee.h"
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "app/money/Money.h"
#include "db/Store.h"

#include <QDate>
#include <QJsonArray>
#include <QRegularExpression>

namespace HallDesk::Cli {

namespace {

// A calendar date written exactly as YYYY-MM-DD.
QDate dateOption(const QCommandLineParser& parser, const QString& option)
{
    static const QRegularExpression shape(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    const QString text = required(parser, option);
    const QDate date = shape.match(text).hasMatch() ? QDate::fromString(text, Qt::ISODate) : QDate();
    if (!date.isValid()) {
        throw CliError{Text::tr("--%1 takes a date as YYYY-MM-DD, not \"%2\".").arg(option, text), kExitUsage};
    }
    return date;
}

CustomerClass classOption(const QCommandLineParser& parser)
{
    const QString code = required(parser, QStringLiteral("class"));
    const std::optional<CustomerClass> customerClass = customerClassFromCode(code);
    if (!customerClass) {
        QStringList codes;
        for (const CustomerClass known : allCustomerClasses()) {
            codes << customerClassCode(known);
        }
        throw CliError{
            Text::tr("Unknown customer class \"%1\"; use one of %2.").arg(code, codes.join(QStringLiteral(", "))),
            kExitUsage};
    }
    return *customerClass;
}

Money amountOption(const QCommandLineParser& parser)
{
    const QString text = required(parser, QStringLiteral("amount"));
    QString error;
    const std::optional<Money> amount = Money::parse(text, &error, Money::Sign::NonNegative);
    if (!amount) {
        throw CliError{Text::tr("--amount \"%1\": %2").arg(text, error), kExitUsage};
    }
    return *amount;
}

} // namespace

// halldeskctl latefee --class CLASS --amount AMOUNT --due DATE --on DATE [--policy ID] [--db PATH]
// The rules come from a store: the one named by --db, or else a private in-memory store holding the built-in
// rule tables. Without --policy, the store's selected policy (settings "late_fee.policy") is used.
int runLateFee(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Compute the late fee on an amount overdue since a due date, as of the "
                                              "day of payment."));
    parser.addOptions({
        {QStringLiteral("class"), Text::tr("The customer class: residential, commercial, industrial or agricultural."),
         QStringLiteral("CLASS")},
        {QStringLiteral("amount"), Text::tr("The overdue principal, e.g. 100.00."), QStringLiteral("AMOUNT")},
        {QStringLiteral("due"), Text::tr("The bill's due date, YYYY-MM-DD."), QStringLiteral("DATE")},
        {QStringLiteral("on"), Text::tr("The day of payment, YYYY-MM-DD."), QStringLiteral("DATE")},
        {QStringLiteral("policy"), Text::tr("The late-fee policy id (default: the store's selected policy)."),
         QStringLiteral("ID")},
        {QStringLiteral("db"), Text::tr("Take the rules from this store instead of the built-in ones."),
         QStringLiteral("PATH")},
    });
    parse(parser, args);
    if (!parser.positionalArguments().isEmpty()) {
        throw CliError{Text::tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().first()), kExitUsage};
    }
    const CustomerClass customerClass = classOption(parser);
    const Money amount = amountOption(parser);
    const QDate due = dateOption(parser, QStringLiteral("due"));
    const QDate on = dateOption(parser, QStringLiteral("on"));

    const std::unique_ptr<Store> store
        = parser.isSet(QStringLiteral("db")) ? openStore(parser.value(QStringLiteral("db"))) : Store::openInMemory();
    const LateFeePolicyRepository policies(store->connection());
    const QString id = parser.isSet(QStringLiteral("policy")) ? parser.value(QStringLiteral("policy"))
                                                              : store->setting(QStringLiteral("late_fee.policy"));
    // Every version of the policy: each overdue day at the version in force on it (docs/counter.md).
    const LateFeeSchedule schedule = policies.schedule(id);
    if (schedule.versions.isEmpty() || !schedule.inForce(on)) {
        if (parser.isSet(QStringLiteral("policy"))) {
            throw CliError{
                Text::tr("There is no late-fee policy \"%1\" in force on %2.").arg(id, on.toString(Qt::ISODate)),
                kExitUsage};
        }
        throw CliError{Text::tr("The store selects no late-fee policy in force on %1 (setting late_fee.policy).")
                           .arg(on.toString(Qt::ISODate)),
                       kExitFailure};
    }

    const LateFee fee = computeLateFee(schedule, customerClass, amount, due, QDate(), 0, on);
    const LateFeePolicy& base = *(schedule.inForce(due) ? schedule.inForce(due) : &schedule.versions.first());
    const LateFeePolicy::Rates rates = base.rates.value(customerClass);
    QJsonArray spans;
    for (const LateFeeSpan& span : fee.spans) {
        spans.append(QJsonObject{{QStringLiteral("policy_version"), span.policyVersion},
                                 {QStringLiteral("year_bucket"),
                                  span.laterYears ? QStringLiteral("later_years") : QStringLiteral("due_year")},
                                 {QStringLiteral("first_day"), span.firstDay.toString(Qt::ISODate)},
                                 {QStringLiteral("last_day"), span.lastDay.toString(Qt::ISODate)},
                                 {QStringLiteral("days"), span.days},
                                 {QStringLiteral("rate_ppm"), span.ratePpm}});
    }
    printJson({
        {QStringLiteral("class"), customerClassCode(customerClass)},
        {QStringLiteral("amount"), amount.toString()},
        {QStringLiteral("amount_fen"), amount.fen()},
        {QStringLiteral("due"), due.toString(Qt::ISODate)},
        {QStringLiteral("on"), on.toString(Qt::ISODate)},
        {QStringLiteral("days"), fee.days},
        {QStringLiteral("due_year_days"), fee.dueYearDays},
        {QStringLiteral("later_years_days"), fee.laterYearsDays},
        {QStringLiteral("due_year_rate_ppm"), rates.dueYearPpm},
        {QStringLiteral("later_years_rate_ppm"), rates.laterYearsPpm},
        {QStringLiteral("minimum_fee"), base.minimumFee.toString()},
        {QStringLiteral("late_fee"), fee.fee.toString()},
        {QStringLiteral("late_fee_fen"), fee.fee.fen()},
        {QStringLiteral("policy"), fee.policyId},
        {QStringLiteral("policy_version"), fee.policyVersion},
        {QStringLiteral("policy_name"), base.name},
        {QStringLiteral("spans"), spans},
    });
    return kExitOk;
}

} // namespace HallDesk::Cli
