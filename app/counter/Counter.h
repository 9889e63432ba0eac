#pragma once

#include "app/billing/CustomerClass.h"
#include "app/billing/LateFee.h"
#include "app/money/Money.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHashFunctions>
#include <QList>
#include <QString>
#include <QUuid>
#include <optional>

// The counter's values: what is due, what the clerk asks for, what was done. The service that works on them is
// CounterService; documents (receipts, the settlement report) are rendered from ReceiptData and SettlementData.
namespace HallDesk {

enum class TenderMethod
{
    Cash, // 现金
    Card, // 刷卡: POS trace / reference number required
    Qr, // 扫码 (WeChat Pay, Alipay): order number required
    Transfer, // 转账 / 支票 for companies: reference required
};

// Qt 6.4 has no qHash for scoped enums; QHash<TenderMethod, …> needs this one.
constexpr size_t qHash(TenderMethod method, size_t seed = 0) noexcept
{
    return ::qHash(static_cast<int>(method), seed);
}

// "cash", "card", "qr", "transfer": the code in the store, JSON and the command line.
QString tenderMethodCode(TenderMethod method);
std::optional<TenderMethod> tenderMethodFromCode(QStringView code);
// In the user's language.
QString tenderMethodName(TenderMethod method);
const QList<TenderMethod>& allTenderMethods();

// One open bill as the counter sees it on a given day.
struct DueBill
{
    qint64 billId = 0;
    QString period; // 'YYYY-MM'
    QDate issueDate;
    QDate dueDate;
    Money amount; // the bill's whole amount
    Money principal; // outstanding principal
    LateFee lateFee; // as of the day (includes a fee carried from an earlier partial payment)
    Money total() const { return principal + lateFee.fee; }
};

struct DueAccount
{
    qint64 accountId = 0;
    QString accountNo;
    QString name;
    QString address;
    CustomerClass customerClass = CustomerClass::Residential;
    QString status; // 'normal', 'disconnected', 'closed'
    Money prepaid; // balance before paying
    QList<DueBill> bills; // oldest first
    Money owed() const; // principal plus late fee of every open bill
    // What the customer has to hand over: owed minus the prepaid balance, never below zero.
    Money due() const;
};

// The accounts a clerk has loaded, as of one business day.
struct Dues
{
    QDate on;
    QList<DueAccount> accounts;
    Money owed() const;
    Money prepaid() const;
    Money due() const; // sum of the accounts' due()
};

struct Tender
{
    TenderMethod method = TenderMethod::Cash;
    Money amount; // what this tender pays
    Money tendered; // cash handed over (>= amount; zero: exactly the amount); other methods: equal to amount
    QString reference;
};

// A late fee reduced or waived for one bill, approved by a supervisor (their second credential).
struct Waiver
{
    qint64 billId = 0;
    Money charged; // the fee still charged, below the computed fee (zero: waived in full)
    QString reason;
    qint64 approverId = 0;
};

enum class ReceiptMode
{
    Combined, // one receipt, a line per account
    PerAccount, // one receipt per account, each with its own number
};
// "combined", "per_account": the code in the store.
QString receiptModeCode(ReceiptMode mode);

struct PaymentRequest
{
    QUuid uuid; // made by the caller once per payment; sending the same UUID again returns the recorded payment
    QStringList accountNos; // the first account receives any surplus as prepaid balance
    QList<Tender> tenders;
    QList<Waiver> waivers;
    ReceiptMode receiptMode = ReceiptMode::Combined;
    // The total due the clerk was shown; when the store now says otherwise (another terminal or a sync changed the
    // account meanwhile) the payment is refused so the clerk reloads. Unset: no such check (command line).
    std::optional<Money> expectedDue;
};

// One line of where a payment's money went.
// A prepaid line (billId unset) carries the change of the account's prepaid balance in `principal`: positive when
// money went to the balance, negative when the balance paid bills.
struct Allocation
{
    qint64 accountId = 0;
    QString accountNo;
    std::optional<qint64> billId; // unset: prepaid balance
    QString period;
    Money principal;
    Money lateFee; // charged
    Money lateFeeWaived;
    int lateFeeDays = 0;
    QString policyId;
    int policyVersion = 0;
};

struct PaymentResult
{
    QUuid uuid;
    qint64 paymentId = 0;
    QStringList receiptNos; // one (combined) or one per account
    QDate businessDate;
    QDateTime createdAt; // UTC
    Money amount; // tenders minus change
    Money tendered;
    Money change;
    Money lateFee; // charged over all bills
    QList<Allocation> allocations;
    QList<QPair<QString, Money>> prepaidAfter; // 户号 → balance after the payment
    bool replayed = false; // the UUID was already recorded; nothing new was written
};

struct VoidResult
{
    QUuid uuid; // of the void
    QUuid paymentUuid;
    QStringList receiptNos;
    Money amount;
};

struct RefundResult
{
    QUuid uuid;
    QString receiptNo;
    QString accountNo;
    Money amount;
    Money prepaidAfter;
};

// One payment or refund of a shift, for the list of today's payments.
struct ShiftPayment
{
    qint64 id = 0;
    QString kind; // 'payment' or 'refund'
    QDateTime createdAt; // UTC
    QStringList receiptNos;
    QStringList accountNos;
    QStringList methods; // codes
    Money amount;
    Money change;
    bool voided = false;
};

// What a shift took, per tender method, for the settlement (日结).
struct ShiftTotals
{
    qint64 shiftId = 0;
    QDate businessDate;
    bool settled = false;
    QList<QPair<TenderMethod, Money>> expected; // every method, in allTenderMethods() order; cash net of refunds
    int paymentCount = 0;
    int voidCount = 0;
    int refundCount = 0;
    QString firstReceipt;
    QString lastReceipt;
    Money expectedTotal() const;
};

struct SettlementRequest
{
    QUuid uuid;
    QList<QPair<Money, int>> cashCounts; // denomination → count; denominations from the setting
    QList<QPair<TenderMethod, Money>> counted; // card, qr, transfer totals (cash comes from the counts)
    bool blind = false; // the clerk did not see the expected totals before submitting
    qint64 approverId = 0; // required when counted differs from expected
    QString reason; // required with a variance
};

struct SettlementData
{
    QUuid uuid;
    QString companyName;
    QString hallCode;
    QString hallName;
    QString terminalCode;
    QString operatorCode;
    QString operatorName;
    QString approverName;
    QString reason;
    QDate businessDate;
    QDateTime createdAt; // UTC
    bool blind = false;
    QList<QPair<Money, int>> cashCounts;
    struct Line
    {
        TenderMethod method;
        Money expected;
        Money counted;
        Money variance() const { return counted - expected; }
    };
    QList<Line> lines;
    int paymentCount = 0;
    int voidCount = 0;
    int refundCount = 0;
    QString firstReceipt;
    QString lastReceipt;
    // The audit log's head right after the settlement's own entry (AuditLog::anchorAt): a paper anchor that
    // `halldeskctl audit verify --anchor ENTRIES:HASH` checks the log against. 0 and empty when unknown.
    qint64 auditEntries = 0;
    QString auditHash;
    Money variance() const;
};

// Everything a receipt shows, read back from the store (what is printed was committed first).
struct ReceiptData
{
    QString receiptNo;
    QString kind; // 'payment' or 'refund'
    QString companyName;
    QString hallCode;
    QString hallName;
    QString terminalCode;
    QString operatorCode;
    QString operatorName;
    QDateTime createdAt; // UTC; shown in the hall's time zone
    QString timeZone; // the hall's, e.g. "Asia/Shanghai"
    QUuid paymentUuid;
    struct Bill
    {
        QString period;
        Money principal;
        Money lateFee;
        Money lateFeeWaived;
    };
    struct AccountPart
    {
        QString accountNo;
        QString name;
        QString address;
        QList<Bill> bills;
        Money toPrepaid; // surplus kept as prepaid balance (negative: drawn from it)
        Money prepaidAfter;
        Money total; // what this account's part of the money was
    };
    QList<AccountPart> accounts; // one on a per-account receipt, every account on a combined one
    QList<Tender> tenders;
    Money amount; // total of the receipt
    Money tendered;
    Money change;
    bool voided = false;
    int outputCount = 0; // how many times it was printed or written before; > 0 → 重打 (copy)
    bool isCopy() const { return outputCount > 0; }
    // The payload of the receipt's QR code, for verification: "HDR1|<receipt no>|<amount fen>|<payment uuid>".
    QString verificationCode() const;
};

// One thing `halldeskctl check` found wrong.
struct CheckProblem
{
    QString code; // 'bill_paid_mismatch', 'prepaid_ledger_mismatch', 'receipt_gap', 'void_unbalanced', 'audit_chain', …
    QString message; // for a person
};

struct CheckReport
{
    bool ok() const { return problems.isEmpty(); }
    QList<CheckProblem> problems;
    qint64 payments = 0;
    qint64 receipts = 0;
    qint64 voids = 0;
    qint64 bills = 0;
    qint64 accounts = 0;
};

} // namespace HallDesk
