// halldeskctl pay | void | settle | refund | check: the payment counter without a screen (docs/counter.md).

#include "app/auth/AuthService.h"
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "app/counter/CounterService.h"
#include "app/documents/PdfRenderer.h"
#include "app/documents/SettlementLayout.h"
#include "db/Store.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

namespace HallDesk::Cli {

namespace {

void putMoney(QJsonObject& object, const QString& key, Money amount)
{
    object.insert(key, amount.toString());
    object.insert(key + QStringLiteral("_fen"), amount.fen());
}

QCommandLineOption option(const char* name, const QString& description, const char* value = nullptr)
{
    return value ? QCommandLineOption(QString::fromLatin1(name), description, QString::fromLatin1(value))
                 : QCommandLineOption(QString::fromLatin1(name), description);
}

Money moneyOption(const QCommandLineParser& parser, const QString& name)
{
    QString error;
    const std::optional<Money> amount = Money::parse(parser.value(name), &error);
    if (!amount) {
        throw CliError{QStringLiteral("--%1: %2").arg(name, error), kExitUsage};
    }
    return *amount;
}

QDate dateOption(const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("on"))) {
        return {};
    }
    static const QRegularExpression shape(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    const QString text = parser.value(QStringLiteral("on"));
    const QDate on = shape.match(text).hasMatch() ? QDate::fromString(text, Qt::ISODate) : QDate();
    if (!on.isValid()) {
        throw CliError{Text::tr("--on takes a date as YYYY-MM-DD, not \"%1\".").arg(text), kExitUsage};
    }
    return on;
}

// Money moves only on the hall's business date (docs/counter.md). --on names the day the caller means to work on;
// any other day than today's is refused, so a script never posts under a date it did not expect.
void requireBusinessDate(const QCommandLineParser& parser, CounterService& counter)
{
    const QDate on = dateOption(parser);
    const QDate today = counter.businessDate();
    if (on.isValid() && on != today) {
        throw CliError{Text::tr("Money moves only on the hall's business date, today %1; --on %2 is refused.")
                           .arg(today.toString(Qt::ISODate), on.toString(Qt::ISODate)),
                       kExitUsage};
    }
}

// The supervisor's second credential: --approver CODE and HALLDESK_APPROVER_PASSWORD.
Operator approverOf(Store& store, const QString& code)
{
    if (code.isEmpty()) {
        throw CliError{Text::tr("This needs a supervisor's approval: name them with --approver."), kExitUsage};
    }
    const QString password = qEnvironmentVariable("HALLDESK_APPROVER_PASSWORD");
    if (password.isEmpty()) {
        throw CliError{Text::tr("Set the approver's password in the HALLDESK_APPROVER_PASSWORD environment variable."),
                       kExitUsage};
    }
    const AuthService::SignIn result = AuthService(store).approve(code, password, Role::Supervisor);
    if (!result.ok()) {
        throw CliError{result.message, kExitUsage};
    }
    return *result.op;
}

// The service refuses bad input with a StoreError and writes nothing; for the command line that is bad input.
template <typename Work> auto refusingBadInput(Work work)
{
    try {
        return work();
    } catch (const StoreError& error) {
        throw CliError{error.message(), kExitUsage};
    }
}

QJsonObject paymentJson(const PaymentResult& result)
{
    QJsonArray allocations;
    for (const Allocation& line : result.allocations) {
        QJsonObject object{{QStringLiteral("account_no"), line.accountNo},
                           {QStringLiteral("kind"), line.billId ? QStringLiteral("bill") : QStringLiteral("prepaid")}};
        if (line.billId) {
            object.insert(QStringLiteral("period"), line.period);
            putMoney(object, QStringLiteral("principal"), line.principal);
            putMoney(object, QStringLiteral("late_fee"), line.lateFee);
            putMoney(object, QStringLiteral("late_fee_waived"), line.lateFeeWaived);
            object.insert(QStringLiteral("late_fee_days"), line.lateFeeDays);
            object.insert(QStringLiteral("policy"), line.policyId);
            object.insert(QStringLiteral("policy_version"), line.policyVersion);
        } else {
            putMoney(object, QStringLiteral("prepaid_change"), line.principal);
        }
        allocations.append(object);
    }
    QJsonArray prepaid;
    for (const auto& [accountNo, balance] : result.prepaidAfter) {
        QJsonObject object{{QStringLiteral("account_no"), accountNo}};
        putMoney(object, QStringLiteral("prepaid"), balance);
        prepaid.append(object);
    }
    QJsonObject object{{QStringLiteral("uuid"), result.uuid.toString(QUuid::WithoutBraces)},
                       {QStringLiteral("replayed"), result.replayed},
                       {QStringLiteral("receipt_no"), result.receiptNos.value(0)},
                       {QStringLiteral("receipt_nos"), QJsonArray::fromStringList(result.receiptNos)},
                       {QStringLiteral("business_date"), result.businessDate.toString(Qt::ISODate)},
                       {QStringLiteral("created_at"), result.createdAt.toString(Qt::ISODate)},
                       {QStringLiteral("allocations"), allocations},
                       {QStringLiteral("prepaid_after"), prepaid}};
    putMoney(object, QStringLiteral("amount"), result.amount);
    putMoney(object, QStringLiteral("tendered"), result.tendered);
    putMoney(object, QStringLiteral("change"), result.change);
    putMoney(object, QStringLiteral("late_fee"), result.lateFee);
    return object;
}

} // namespace

// halldeskctl pay --db PATH --operator CODE --account NO [--account NO ...] --method M --amount X [--tendered Y]
//                 [--reference R] [--on DATE] [--uuid U] [--per-account-receipts]
int runPay(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Take a payment (the operator's password in HALLDESK_PASSWORD)."));
    parser.addOptions({
        option("db", Text::tr("The store file."), "PATH"),
        option("operator", Text::tr("The clerk taking the payment."), "CODE"),
        option("account", Text::tr("An account number (户号); repeat for a group payment."), "ACCOUNT_NO"),
        option("method", Text::tr("cash, card, qr or transfer."), "METHOD"),
        option("amount", Text::tr("The amount paid, in yuan."), "X"),
        option("tendered", Text::tr("Cash handed over (default: the amount)."), "Y"),
        option("reference", Text::tr("The card, QR or transfer reference number."), "R"),
        option("on", Text::tr("The business date the command is meant for, YYYY-MM-DD; refused unless it is today's."),
               "DATE"),
        option("uuid", Text::tr("The payment's UUID; sending it again returns the recorded payment."), "UUID"),
        option("per-account-receipts", Text::tr("One receipt per account instead of one combined receipt.")),
    });
    parse(parser, args);
    const QString path = required(parser, QStringLiteral("db"));
    const QStringList accounts = parser.values(QStringLiteral("account"));
    if (accounts.isEmpty()) {
        throw CliError{Text::tr("Missing --account."), kExitUsage};
    }
    const std::optional<TenderMethod> method = tenderMethodFromCode(required(parser, QStringLiteral("method")));
    if (!method) {
        throw CliError{
            Text::tr("--method is cash, card, qr or transfer, not \"%1\".").arg(parser.value(QStringLiteral("method"))),
            kExitUsage};
    }
    required(parser, QStringLiteral("amount"));
    Tender tender{
        *method, moneyOption(parser, QStringLiteral("amount")), {}, parser.value(QStringLiteral("reference"))};
    if (parser.isSet(QStringLiteral("tendered"))) {
        if (*method != TenderMethod::Cash) {
            throw CliError{Text::tr("--tendered is for cash only."), kExitUsage};
        }
        tender.tendered = moneyOption(parser, QStringLiteral("tendered"));
        if (tender.tendered.isZero()) {
            throw CliError{Text::tr("--tendered must be more than zero."), kExitUsage};
        }
    }
    PaymentRequest request;
    request.uuid = QUuid::createUuid();
    if (parser.isSet(QStringLiteral("uuid"))) {
        request.uuid = QUuid::fromString(parser.value(QStringLiteral("uuid")));
        if (request.uuid.isNull()) {
            throw CliError{Text::tr("--uuid takes a UUID, not \"%1\".").arg(parser.value(QStringLiteral("uuid"))),
                           kExitUsage};
        }
    }
    request.accountNos = accounts;
    request.tenders = {tender};
    request.receiptMode
        = parser.isSet(QStringLiteral("per-account-receipts")) ? ReceiptMode::PerAccount : ReceiptMode::Combined;

    const std::unique_ptr<Store> store = openStore(path);
    const Session session = signIn(*store, parser.value(QStringLiteral("operator")));
    CounterService counter(*store);
    requireBusinessDate(parser, counter);
    const PaymentResult result = refusingBadInput([&] { return counter.pay(request, session); });
    printJson(paymentJson(result));
    return kExitOk;
}

// halldeskctl void --db PATH --operator CODE RECEIPT_NO --reason TEXT --approver CODE [--on DATE]
int runVoid(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Void (冲正) a payment of today before the shift is settled."));
    parser.addOptions({
        option("db", Text::tr("The store file."), "PATH"),
        option("operator", Text::tr("The clerk voiding the payment."), "CODE"),
        option("reason", Text::tr("Why the payment is voided."), "TEXT"),
        option("approver", Text::tr("The approving supervisor (password in HALLDESK_APPROVER_PASSWORD)."), "CODE"),
        option("on", Text::tr("The business date the command is meant for, YYYY-MM-DD; refused unless it is today's."),
               "DATE"),
    });
    parser.addPositionalArgument(QStringLiteral("receipt"), Text::tr("The payment's receipt number."),
                                 QStringLiteral("RECEIPT_NO"));
    parse(parser, args);
    const QString path = required(parser, QStringLiteral("db"));
    if (parser.positionalArguments().size() != 1) {
        throw CliError{Text::tr("Give exactly one receipt number."), kExitUsage};
    }
    const QString reason = required(parser, QStringLiteral("reason"));
    const std::unique_ptr<Store> store = openStore(path);
    const Session session = signIn(*store, parser.value(QStringLiteral("operator")));
    const Operator approver = approverOf(*store, parser.value(QStringLiteral("approver")));
    CounterService counter(*store);
    requireBusinessDate(parser, counter);
    const VoidResult result = refusingBadInput(
        [&] { return counter.voidPayment(parser.positionalArguments().first(), reason, approver, session); });
    QJsonObject object{{QStringLiteral("uuid"), result.uuid.toString(QUuid::WithoutBraces)},
                       {QStringLiteral("payment_uuid"), result.paymentUuid.toString(QUuid::WithoutBraces)},
                       {QStringLiteral("receipt_nos"), QJsonArray::fromStringList(result.receiptNos)},
                       {QStringLiteral("voided"), true}};
    putMoney(object, QStringLiteral("amount"), result.amount);
    printJson(object);
    return kExitOk;
}

// halldeskctl refund --db PATH --operator CODE --account NO --amount X --reason TEXT --approver CODE [--on DATE]
int runRefund(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Pay out prepaid balance in cash, with a supervisor's approval."));
    parser.addOptions({
        option("db", Text::tr("The store file."), "PATH"),
        option("operator", Text::tr("The clerk paying out."), "CODE"),
        option("account", Text::tr("The account number (户号)."), "ACCOUNT_NO"),
        option("amount", Text::tr("The amount paid out, in yuan."), "X"),
        option("reason", Text::tr("Why the balance is refunded."), "TEXT"),
        option("approver", Text::tr("The approving supervisor (password in HALLDESK_APPROVER_PASSWORD)."), "CODE"),
        option("on", Text::tr("The business date the command is meant for, YYYY-MM-DD; refused unless it is today's."),
               "DATE"),
    });
    parse(parser, args);
    const QString path = required(parser, QStringLiteral("db"));
    const QString account = required(parser, QStringLiteral("account"));
    required(parser, QStringLiteral("amount"));
    const Money amount = moneyOption(parser, QStringLiteral("amount"));
    const QString reason = required(parser, QStringLiteral("reason"));
    const std::unique_ptr<Store> store = openStore(path);
    const Session session = signIn(*store, parser.value(QStringLiteral("operator")));
    const Operator approver = approverOf(*store, parser.value(QStringLiteral("approver")));
    CounterService counter(*store);
    requireBusinessDate(parser, counter);
    const RefundResult result
        = refusingBadInput([&] { return counter.refundPrepaid(account, amount, reason, approver, session); });
    QJsonObject object{{QStringLiteral("uuid"), result.uuid.toString(QUuid::WithoutBraces)},
                       {QStringLiteral("receipt_no"), result.receiptNo},
                       {QStringLiteral("account_no"), result.accountNo}};
    putMoney(object, QStringLiteral("amount"), result.amount);
    putMoney(object, QStringLiteral("prepaid_after"), result.prepaidAfter);
    printJson(object);
    return kExitOk;
}

// halldeskctl settle --db PATH --operator CODE --cash "100:3,50:1,0.5:2" [--card X] [--qr X] [--transfer X]
//                    [--approver CODE --reason TEXT] [--blind] [--on DATE]
int runSettle(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Settle (日结) the operator's shift: the cash count and the totals."));
    parser.addOptions({
        option("db", Text::tr("The store file."), "PATH"),
        option("operator", Text::tr("The clerk whose shift is settled."), "CODE"),
        option("cash", Text::tr("The cash count: denomination in yuan and count, e.g. \"100:3,50:1,0.5:2\"."),
               "COUNTS"),
        option("card", Text::tr("The bank card total."), "X"),
        option("qr", Text::tr("The QR payment total."), "X"),
        option("transfer", Text::tr("The transfer / cheque total."), "X"),
        option("approver", Text::tr("The supervisor approving a difference (password in HALLDESK_APPROVER_PASSWORD)."),
               "CODE"),
        option("reason", Text::tr("Why the count differs."), "TEXT"),
        option("blind", Text::tr("A blind count: the expected totals were not shown before.")),
        option("on", Text::tr("The business date the command is meant for, YYYY-MM-DD; refused unless it is today's."),
               "DATE"),
        option("pdf", Text::tr("Also write the settlement report as an A5 PDF to this file."), "FILE"),
    });
    parse(parser, args);
    const QString path = required(parser, QStringLiteral("db"));
    SettlementRequest request;
    request.uuid = QUuid::createUuid();
    request.blind = parser.isSet(QStringLiteral("blind"));
    request.reason = parser.value(QStringLiteral("reason"));
    for (const QString& part : parser.value(QStringLiteral("cash")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList pieces = part.split(QLatin1Char(':'));
        bool countOk = false;
        const int count = pieces.value(1).trimmed().toInt(&countOk);
        const std::optional<Money> denomination = Money::parse(pieces.value(0));
        if (pieces.size() != 2 || !denomination || !countOk || count < 0) {
            throw CliError{
                Text::tr("--cash takes denomination:count pairs such as \"100:3,0.5:2\", not \"%1\".").arg(part),
                kExitUsage};
        }
        request.cashCounts.append({*denomination, count});
    }
    for (const TenderMethod method : {TenderMethod::Card, TenderMethod::Qr, TenderMethod::Transfer}) {
        const QString name = tenderMethodCode(method);
        request.counted.append({method, parser.isSet(name) ? moneyOption(parser, name) : Money()});
    }
    const std::unique_ptr<Store> store = openStore(path);
    const Session session = signIn(*store, parser.value(QStringLiteral("operator")));
    if (parser.isSet(QStringLiteral("approver"))) {
        request.approverId = approverOf(*store, parser.value(QStringLiteral("approver"))).id;
    }
    CounterService counter(*store);
    requireBusinessDate(parser, counter);
    const SettlementData data = refusingBadInput([&] { return counter.settle(request, session); });
    QJsonArray lines;
    for (const SettlementData::Line& line : data.lines) {
        QJsonObject object{{QStringLiteral("method"), tenderMethodCode(line.method)}};
        putMoney(object, QStringLiteral("expected"), line.expected);
        putMoney(object, QStringLiteral("counted"), line.counted);
        putMoney(object, QStringLiteral("variance"), line.variance());
        lines.append(object);
    }
    QJsonObject object{{QStringLiteral("uuid"), data.uuid.toString(QUuid::WithoutBraces)},
                       {QStringLiteral("business_date"), data.businessDate.toString(Qt::ISODate)},
                       {QStringLiteral("operator"), data.operatorCode},
                       {QStringLiteral("blind"), data.blind},
                       {QStringLiteral("lines"), lines},
                       {QStringLiteral("payments"), data.paymentCount},
                       {QStringLiteral("voids"), data.voidCount},
                       {QStringLiteral("refunds"), data.refundCount},
                       {QStringLiteral("first_receipt"), data.firstReceipt},
                       {QStringLiteral("last_receipt"), data.lastReceipt},
                       {QStringLiteral("approver"), data.approverName},
                       {QStringLiteral("reason"), data.reason}};
    putMoney(object, QStringLiteral("variance"), data.variance());
    if (data.auditEntries > 0) {
        // the paper anchor the report prints (audit verify --anchor)
        object.insert(QStringLiteral("audit_anchor"),
                      QStringLiteral("%1:%2").arg(data.auditEntries).arg(data.auditHash));
    }
    if (parser.isSet(QStringLiteral("pdf"))) {
        // The settlement is committed whatever happens to the file; a failed write is reported, not hidden.
        const QString pdfPath = parser.value(QStringLiteral("pdf"));
        try {
            const Document report = SettlementLayout::settlement(
                data, Paper::A5, store->setting(QStringLiteral("hall.timezone"), QStringLiteral("Asia/Shanghai")));
            for (const QString& warning : PdfRenderer::writeFile(report, pdfPath)) {
                std::fprintf(stderr, "halldeskctl settle: %s\n", qPrintable(warning));
            }
            object.insert(QStringLiteral("pdf"), QFileInfo(pdfPath).absoluteFilePath());
        } catch (const DocumentError& error) {
            printJson(object);
            throw CliError{error.message(), kExitFailure};
        }
    }
    printJson(object);
    return kExitOk;
}

// halldeskctl check --db PATH: the store's money invariants; exit 1 when something is wrong.
int runCheck(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Verify the store's money invariants."));
    parser.addOptions({option("db", Text::tr("The store file."), "PATH")});
    parse(parser, args);
    const std::unique_ptr<Store> store = openStore(required(parser, QStringLiteral("db")));
    const CheckReport report = CounterService(*store).check();
    QJsonArray problems;
    for (const CheckProblem& problem : report.problems) {
        problems.append(
            QJsonObject{{QStringLiteral("code"), problem.code}, {QStringLiteral("message"), problem.message}});
    }
    printJson({{QStringLiteral("ok"), report.ok()},
               {QStringLiteral("problems"), problems},
               {QStringLiteral("payments"), report.payments},
               {QStringLiteral("receipts"), report.receipts},
               {QStringLiteral("voids"), report.voids},
               {QStringLiteral("bills"), report.bills},
               {QStringLiteral("accounts"), report.accounts}});
    return report.ok() ? kExitOk : kExitFailure;
}

} // namespace HallDesk::Cli
