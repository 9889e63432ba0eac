#include "app/counter/CounterService.h"

#include "app/accounts/AccountService.h"
#include "app/audit/AuditLog.h"
#include "app/counter/CounterCheck.h"
#include "app/counter/CounterSql.h"
#include "db/Sql.h"
#include "db/Store.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <algorithm>
#include <numeric>

namespace HallDesk {

using namespace CounterSql;

namespace {

// A bill as it stands before a payment, kept on the allocation line so that a void restores it exactly.
struct BillState
{
    qint64 paid = 0;
    QString status;
    QVariant paidOn;
    QVariant feeThrough;
    qint64 carried = 0;
    qint64 counted = 0; // late fee counted so far, exact (millionths of a fen)
};

struct LoadedDues
{
    Dues dues;
    QHash<qint64, BillState> states;
    LateFeeSchedule schedule;
    std::optional<LateFeePolicy> policy; // the version in force on the day: its allocation order applies
};

LoadedDues loadDues(const QSqlDatabase& db, const QStringList& accountNos, QDate on)
{
    LoadedDues loaded;
    loaded.dues.on = on;
    for (const QString& rawNo : accountNos) {
        const QString accountNo = rawNo.trimmed();
        QSqlQuery header = Sql::exec(
            db,
            QStringLiteral("SELECT id, account_no, name, address, customer_class, status, prepaid_fen FROM accounts "
                           "WHERE account_no = ?"),
            {accountNo});
        if (!header.next()) {
            throw StoreError(CounterService::tr("There is no account %1.").arg(accountNo));
        }
        DueAccount account;
        account.accountId = header.value(0).toLongLong();
        account.accountNo = header.value(1).toString();
        account.name = header.value(2).toString();
        account.address = header.value(3).toString();
        account.customerClass = customerClassFromCode(header.value(4).toString()).value_or(CustomerClass::Residential);
        account.status = header.value(5).toString();
        account.prepaid = Money::fromFen(header.value(6).toLongLong());
        QSqlQuery bills = Sql::exec(
            db,
            QStringLiteral("SELECT id, period, due_date, amount_fen, paid_fen, status, paid_on, fee_through, "
                           "fee_carried_fen, issue_date, fee_counted_exact FROM bills WHERE account_id = ? "
                           "AND status <> 'paid' "
                           "ORDER BY due_date, period"),
            {account.accountId});
        while (bills.next()) {
            if (!loaded.policy) {
                const LateFeePolicyRepository policies(db);
                loaded.schedule = policies.currentSchedule();
                loaded.policy = policies.current(on);
                if (!loaded.policy) {
                    throw StoreError(
                        CounterService::tr("No late-fee policy is in force on %1: check the setting late_fee.policy.")
                            .arg(dateText(on)));
                }
            }
            DueBill bill;
            bill.billId = bills.value(0).toLongLong();
            bill.period = bills.value(1).toString();
            bill.dueDate = dateFromText(bills.value(2));
            bill.issueDate = dateFromText(bills.value(9));
            bill.amount = Money::fromFen(bills.value(3).toLongLong());
            BillState state{bills.value(4).toLongLong(), bills.value(5).toString(),   bills.value(6), bills.value(7),
                            bills.value(8).toLongLong(), bills.value(10).toLongLong()};
            bill.principal = bill.amount - Money::fromFen(state.paid);
            bill.lateFee
                = billLateFee(loaded.schedule, account.customerClass, bill.principal, bill.dueDate,
                              dateFromText(state.feeThrough), Money::fromFen(state.carried), state.counted, on);
            loaded.states.insert(bill.billId, state);
            account.bills.append(bill);
        }
        loaded.dues.accounts.append(account);
    }
    return loaded;
}

// What a payment does to one bill.
struct BillWork
{
    int account = 0; // index in the loaded accounts
    int bill = 0; // index in the account's bills
    Money feeDue; // the fee charged (after a waiver)
    Money waived;
    Money feePaid;
    Money principalPaid;
    bool touched() const { return !feePaid.isZero() || !principalPaid.isZero() || !waived.isZero(); }
};

// Pays `bill` from `money` in the policy's order; returns what was used.
Money payBill(BillWork& work, const DueBill& bill, Money money, LateFeePolicy::AllocationOrder order)
{
    const Money start = money;
    const auto payFee = [&] {
        const Money part = std::min(money, work.feeDue - work.feePaid);
        work.feePaid += part;
        money -= part;
    };
    const auto payPrincipal = [&] {
        const Money part = std::min(money, bill.principal - work.principalPaid);
        work.principalPaid += part;
        money -= part;
    };
    if (order == LateFeePolicy::AllocationOrder::FeeFirst) {
        payFee();
        payPrincipal();
    } else {
        payPrincipal();
        payFee();
    }
    return start - money;
}

void validateTenders(QList<Tender>& tenders)
{
    static const QRegularExpression referenceShape(QStringLiteral("^[A-Za-z0-9-]{4,64}$"));
    if (tenders.isEmpty()) {
        throw StoreError(CounterService::tr("Enter how the customer pays: there is no tender."));
    }
    for (Tender& tender : tenders) {
        if (tender.amount.fen() <= 0) {
            throw StoreError(CounterService::tr("A tender's amount must be more than zero, not %1.")
                                 .arg(tender.amount.toDisplayString()));
        }
        if (tender.amount.fen() > Money::kMaxInputFen || tender.tendered.fen() > Money::kMaxInputFen) {
            throw StoreError(
                CounterService::tr("%1 is more than the counter accepts.").arg(tender.amount.toDisplayString()));
        }
        if (tender.method == TenderMethod::Cash) {
            // No tendered amount given means the customer handed over exactly the amount.
            if (tender.tendered.isZero()) {
                tender.tendered = tender.amount;
            }
            if (tender.tendered < tender.amount) {
                throw StoreError(CounterService::tr("The cash handed over (%1) is less than the cash amount (%2).")
                                     .arg(tender.tendered.toDisplayString(), tender.amount.toDisplayString()));
            }
            tender.reference = tender.reference.trimmed();
            continue;
        }
        if (tender.tendered.isZero()) {
            tender.tendered = tender.amount;
        }
        if (tender.tendered != tender.amount) {
            throw StoreError(CounterService::tr("Only cash gives change: a %1 tender pays exactly its amount.")
                                 .arg(tenderMethodName(tender.method)));
        }
        tender.reference = tender.reference.trimmed();
        if (!referenceShape.match(tender.reference).hasMatch()) {
            throw StoreError(CounterService::tr("A %1 payment needs its reference number (4 to 64 letters, digits or "
                                                "-), not \"%2\".")
                                 .arg(tenderMethodName(tender.method), tender.reference));
        }
    }
}

// The fields in which a request differs from the payment recorded under its UUID (empty: the same request).
QStringList differingFields(const QSqlDatabase& db, qint64 paymentId, const QStringList& accountNos,
                            const QList<Tender>& tenders, const PaymentRequest& request, const Session& session,
                            qint64 terminal)
{
    QStringList fields;
    QSqlQuery row = Sql::exec(
        db, QStringLiteral("SELECT operator_id, terminal_id, receipt_mode, account_nos FROM payments WHERE id = ?"),
        {paymentId});
    row.next();
    if (row.value(0).toLongLong() != session.op.id) {
        fields << CounterService::tr("operator");
    }
    if (row.value(1).toLongLong() != terminal) {
        fields << CounterService::tr("terminal");
    }
    if (QJsonDocument::fromJson(row.value(3).toString().toUtf8()).array() != QJsonArray::fromStringList(accountNos)) {
        fields << CounterService::tr("accounts");
    }
    QSqlQuery recordedTenders = Sql::exec(
        db,
        QStringLiteral("SELECT method, amount_fen, tendered_fen, reference FROM payment_tenders WHERE payment_id = ? "
                       "ORDER BY id"),
        {paymentId});
    qsizetype tender = 0;
    bool tendersDiffer = false;
    while (recordedTenders.next()) {
        tendersDiffer = tendersDiffer || tender >= tenders.size()
            || recordedTenders.value(0).toString() != tenderMethodCode(tenders.at(tender).method)
            || recordedTenders.value(1).toLongLong() != tenders.at(tender).amount.fen()
            || recordedTenders.value(2).toLongLong() != tenders.at(tender).tendered.fen()
            || recordedTenders.value(3).toString() != tenders.at(tender).reference;
        ++tender;
    }
    if (tendersDiffer || tender != tenders.size()) {
        fields << CounterService::tr("tenders");
    }
    QList<Waiver> waivers = request.waivers;
    std::sort(waivers.begin(), waivers.end(),
              [](const Waiver& left, const Waiver& right) { return left.billId < right.billId; });
    QSqlQuery recordedWaivers = Sql::exec(
        db,
        QStringLiteral(
            "SELECT bill_id, charged_fen, approver_id FROM late_fee_waivers WHERE payment_id = ? ORDER BY bill_id"),
        {paymentId});
    qsizetype waiver = 0;
    bool waiversDiffer = false;
    while (recordedWaivers.next()) {
        waiversDiffer = waiversDiffer || waiver >= waivers.size()
            || recordedWaivers.value(0).toLongLong() != waivers.at(waiver).billId
            || recordedWaivers.value(1).toLongLong() != waivers.at(waiver).charged.fen()
            || recordedWaivers.value(2).toLongLong() != waivers.at(waiver).approverId;
        ++waiver;
    }
    if (waiversDiffer || waiver != waivers.size()) {
        fields << CounterService::tr("waivers");
    }
    if (row.value(2).toString() != receiptModeCode(request.receiptMode)) {
        fields << CounterService::tr("receipt mode");
    }
    return fields;
}

// A payment worked out before anything is written: the bills with any waiver applied, and where the money goes.
struct PaymentPlan
{
    LoadedDues loaded;
    QList<BillWork> work;
    QList<Money> prepaidDelta; // per loaded account
    std::optional<qint64> approverId;
    QString approverCode;
};

void applyWaivers(const QSqlDatabase& db, PaymentPlan& plan, const QList<Waiver>& waivers, const Session& session)
{
    QHash<qint64, int> workOfBill;
    for (int i = 0; i < plan.work.size(); ++i) {
        const BillWork& bill = plan.work.at(i);
        workOfBill.insert(plan.loaded.dues.accounts.at(bill.account).bills.at(bill.bill).billId, i);
    }
    for (const Waiver& waiver : waivers) {
        const auto found = workOfBill.constFind(waiver.billId);
        if (found == workOfBill.constEnd()) {
            throw StoreError(CounterService::tr("A waiver names a bill that is not open on the loaded accounts."));
        }
        BillWork& bill = plan.work[*found];
        if (!bill.waived.isZero()) {
            throw StoreError(CounterService::tr("A bill has two waivers; give one."));
        }
        if (waiver.reason.trimmed().isEmpty()) {
            throw StoreError(CounterService::tr("A late-fee waiver needs a reason."));
        }
        if (waiver.charged.isNegative() || waiver.charged >= bill.feeDue) {
            throw StoreError(
                CounterService::tr("A waiver must charge less than the computed late fee of %1 (and not below zero).")
                    .arg(bill.feeDue.toDisplayString()));
        }
        if (plan.approverId && *plan.approverId != waiver.approverId) {
            throw StoreError(CounterService::tr("All waivers of one payment are approved by the same supervisor."));
        }
        plan.approverCode = requireApprover(db, waiver.approverId, session);
        plan.approverId = waiver.approverId;
        bill.waived = bill.feeDue - waiver.charged;
        bill.feeDue = waiver.charged;
    }
}

// Allocation (docs/counter.md): each account's prepaid balance pays its own bills first, then the money handed
// over pays bills oldest due date first across the accounts (ties in load order), and the rest becomes prepaid
// balance of the first account.
void allocate(PaymentPlan& plan, Money amount)
{
    const Dues& dues = plan.loaded.dues;
    const LateFeePolicy::AllocationOrder order
        = plan.loaded.policy ? plan.loaded.policy->allocationOrder : LateFeePolicy::AllocationOrder::FeeFirst;
    plan.prepaidDelta = QList<Money>(dues.accounts.size());
    for (BillWork& bill : plan.work) {
        const DueAccount& account = dues.accounts.at(bill.account);
        const Money available = account.prepaid + plan.prepaidDelta.at(bill.account);
        plan.prepaidDelta[bill.account] -= payBill(bill, account.bills.at(bill.bill), available, order);
    }
    const auto dueDate = [&](int index) {
        return dues.accounts.at(plan.work.at(index).account).bills.at(plan.work.at(index).bill).dueDate;
    };
    QList<int> byAge(plan.work.size());
    std::iota(byAge.begin(), byAge.end(), 0);
    std::stable_sort(byAge.begin(), byAge.end(), [&](int left, int right) { return dueDate(left) < dueDate(right); });
    Money money = amount;
    for (const int index : std::as_const(byAge)) {
        BillWork& bill = plan.work[index];
        money -= payBill(bill, dues.accounts.at(bill.account).bills.at(bill.bill), money, order);
    }
    plan.prepaidDelta[0] += money;
}

QJsonArray writeTenders(const QSqlDatabase& db, qint64 paymentId, const QList<Tender>& tenders)
{
    QJsonArray tenderJson;
    for (const Tender& tender : tenders) {
        const Money tenderChange = tender.tendered - tender.amount;
        Sql::exec(
            db,
            QStringLiteral("INSERT INTO payment_tenders (payment_id, method, amount_fen, tendered_fen, change_fen, "
                           "reference) VALUES (?, ?, ?, ?, ?, ?)"),
            {paymentId, tenderMethodCode(tender.method), tender.amount.fen(), tender.tendered.fen(), tenderChange.fen(),
             tender.reference.isNull() ? QStringLiteral("") : tender.reference});
        tenderJson.append(QJsonObject{{QStringLiteral("method"), tenderMethodCode(tender.method)},
                                      {QStringLiteral("amount_fen"), tender.amount.fen()},
                                      {QStringLiteral("tendered_fen"), tender.tendered.fen()},
                                      {QStringLiteral("change_fen"), tenderChange.fen()},
                                      {QStringLiteral("reference"), tender.reference}});
    }

    return tenderJson;
}

// What the written lines say, for the outbox event and the audit entry.
struct WrittenLines
{
    QJsonArray allocations;
    QJsonArray waivers;
    QJsonArray prepaidAfter;
    QList<bool> accountTouched; // per loaded account: has a line, so a receipt of its own
};

// The bill lines with each bill's state before (so a void restores it), the bill updates and the waivers.
void writeBillLines(const QSqlDatabase& db, const PaymentPlan& plan, qint64 paymentId, const QList<Waiver>& waivers,
                    const Session& session, QDate on, WrittenLines& out)
{
    const Dues& dues = plan.loaded.dues;
    for (const BillWork& bill : std::as_const(plan.work)) {
        if (!bill.touched()) {
            continue;
        }
        out.accountTouched[bill.account] = true;
        const DueAccount& account = dues.accounts.at(bill.account);
        const DueBill& due = account.bills.at(bill.bill);
        const BillState& before = plan.loaded.states.value(due.billId);
        const qint64 paidAfter = before.paid + bill.principalPaid.fen();
        const Money carried = bill.feeDue - bill.feePaid;
        const bool settled = paidAfter == due.amount.fen() && carried.isZero();
        const QString status = settled ? QStringLiteral("paid")
            : paidAfter > 0            ? QStringLiteral("partial")
                                       : QStringLiteral("open");
        // The fee was counted (and is now paid, waived or carried) through today, so no day is charged twice.
        const bool counted = due.lateFee.days > 0;
        const QVariant feeThrough = counted ? QVariant(dateText(on)) : before.feeThrough;
        const qint64 countedAfter = before.counted + (counted ? due.lateFee.countedExact : 0);
        QSqlQuery inserted = Sql::exec(
            db,
            QStringLiteral("INSERT INTO payment_allocations (payment_id, account_id, bill_id, principal_fen, "
                           "late_fee_fen, late_fee_waived_fen, late_fee_days, policy_id, policy_version, "
                           "bill_paid_before, bill_status_before, bill_paid_on_before, fee_through_before, "
                           "fee_carried_before, fee_counted_before, late_fee_counted_exact, late_fee_assessed_fen) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {paymentId, account.accountId, due.billId, bill.principalPaid.fen(), bill.feePaid.fen(), bill.waived.fen(),
             due.lateFee.days, due.lateFee.policyId, due.lateFee.policyVersion, before.paid, before.status,
             before.paidOn, before.feeThrough, before.carried, before.counted, due.lateFee.countedExact,
             due.lateFee.assessed.fen()});
        const QVariant allocationId = inserted.lastInsertId();
        for (const LateFeeSpan& span : due.lateFee.spans) {
            Sql::exec(
                db,
                QStringLiteral("INSERT INTO late_fee_spans (allocation_id, policy_id, policy_version, "
                               "year_bucket, first_day, last_day, days, rate_ppm) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                {allocationId, due.lateFee.policyId, span.policyVersion,
                 span.laterYears ? QStringLiteral("later_years") : QStringLiteral("due_year"), dateText(span.firstDay),
                 dateText(span.lastDay), span.days, span.ratePpm});
        }
        Sql::exec(db,
                  QStringLiteral("UPDATE bills SET paid_fen = ?, status = ?, paid_on = ?, fee_through = ?, "
                                 "fee_carried_fen = ?, fee_counted_exact = ? WHERE id = ?"),
                  {paidAfter, status, settled ? QVariant(dateText(on)) : before.paidOn, feeThrough, carried.fen(),
                   countedAfter, due.billId});
        QJsonObject line{{QStringLiteral("account_no"), account.accountNo},
                         {QStringLiteral("bill_id"), due.billId},
                         {QStringLiteral("period"), due.period},
                         {QStringLiteral("principal_fen"), bill.principalPaid.fen()},
                         {QStringLiteral("late_fee_fen"), bill.feePaid.fen()},
                         {QStringLiteral("late_fee_waived_fen"), bill.waived.fen()},
                         {QStringLiteral("late_fee_days"), due.lateFee.days},
                         {QStringLiteral("policy_id"), due.lateFee.policyId},
                         {QStringLiteral("policy_version"), due.lateFee.policyVersion}};
        out.allocations.append(line);
        if (!bill.waived.isZero()) {
            const Waiver* waiver = nullptr;
            for (const Waiver& candidate : waivers) {
                if (candidate.billId == due.billId) {
                    waiver = &candidate;
                }
            }
            Sql::exec(
                db,
                QStringLiteral("INSERT INTO late_fee_waivers (payment_id, bill_id, computed_fen, charged_fen, reason, "
                               "operator_id, approver_id) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                {paymentId, due.billId, due.lateFee.fee.fen(), bill.feeDue.fen(), waiver->reason.trimmed(),
                 session.op.id, waiver->approverId});
            out.waivers.append(QJsonObject{{QStringLiteral("account_no"), account.accountNo},
                                           {QStringLiteral("period"), due.period},
                                           {QStringLiteral("computed_fen"), due.lateFee.fee.fen()},
                                           {QStringLiteral("charged_fen"), bill.feeDue.fen()},
                                           {QStringLiteral("reason"), waiver->reason.trimmed()},
                                           {QStringLiteral("approver_code"), plan.approverCode}});
        }
    }
}

// The prepaid lines, the ledger and the balances.
void writePrepaidLines(const QSqlDatabase& db, const PaymentPlan& plan, qint64 paymentId, const QString& createdAt,
                       WrittenLines& out)
{
    const Dues& dues = plan.loaded.dues;
    for (int a = 0; a < dues.accounts.size(); ++a) {
        const DueAccount& account = dues.accounts.at(a);
        const Money delta = plan.prepaidDelta.at(a);
        const Money after = account.prepaid + delta;
        if (!delta.isZero()) {
            out.accountTouched[a] = true;
            Sql::exec(db,
                      QStringLiteral("INSERT INTO payment_allocations (payment_id, account_id, prepaid_delta_fen) "
                                     "VALUES (?, ?, ?)"),
                      {paymentId, account.accountId, delta.fen()});
            movePrepaid(db, account.accountId, delta, after, paymentId, std::nullopt, QStringLiteral("payment"),
                        createdAt);
            out.allocations.append(QJsonObject{{QStringLiteral("account_no"), account.accountNo},
                                               {QStringLiteral("prepaid_delta_fen"), delta.fen()}});
        }
        out.prepaidAfter.append(QJsonObject{{QStringLiteral("account_no"), account.accountNo},
                                            {QStringLiteral("prepaid_after_fen"), after.fen()}});
    }
}

} // namespace

CounterService::CounterService(Store& store, HallClock::Source now)
    : m_store(store)
    , m_clock(store, std::move(now))
{
}

QDate CounterService::businessDate()
{
    return m_clock.today();
}

Dues CounterService::dues(const QStringList& accountNos, QDate on)
{
    if (!on.isValid()) {
        on = businessDate();
    }
    QSqlDatabase db = m_store.connection();
    // One snapshot, so a payment committed elsewhere meanwhile shows either wholly or not at all.
    db.transaction();
    try {
        Dues result = loadDues(db, accountNos, on).dues;
        db.rollback();
        return result;
    } catch (...) {
        db.rollback();
        throw;
    }
}

QStringList CounterService::groupAccounts(const QString& accountNo)
{
    QSqlQuery rows = Sql::exec(
        m_store.connection(),
        QStringLiteral("SELECT a.account_no FROM payer_group_members m JOIN accounts a ON a.id = m.account_id "
                       "WHERE m.group_id IN (SELECT g.group_id FROM payer_group_members g JOIN accounts x "
                       "ON x.id = g.account_id WHERE x.account_no = ?) AND a.account_no <> ? ORDER BY a.account_no"),
        {accountNo.trimmed(), accountNo.trimmed()});
    QStringList accounts;
    while (rows.next()) {
        accounts.append(rows.value(0).toString());
    }
    return accounts;
}

PaymentResult CounterService::pay(const PaymentRequest& request, const Session& session)
{
    const QDate on = businessDate();
    if (request.uuid.isNull()) {
        throw StoreError(tr("The payment has no UUID."));
    }
    QStringList accountNos;
    for (const QString& no : request.accountNos) {
        if (accountNos.contains(no.trimmed())) {
            throw StoreError(tr("Account %1 is listed twice.").arg(no.trimmed()));
        }
        accountNos.append(no.trimmed());
    }
    if (accountNos.isEmpty()) {
        throw StoreError(tr("Load at least one account before taking a payment."));
    }
    QList<Tender> tenders = request.tenders;
    validateTenders(tenders);

    QSqlDatabase db = m_store.connection();
    Sql::Transaction transaction(db);
    const QString uuidText = request.uuid.toString(QUuid::WithoutBraces);
    const qint64 terminal = terminalId(db, session.workplace);
    const QVariant recorded
        = Sql::scalar(db, QStringLiteral("SELECT id FROM payments WHERE uuid = ? AND kind = 'payment'"), {uuidText});
    if (recorded.isValid()) {
        // A retry of a payment that committed: answer with what was recorded, write nothing. The same UUID with
        // another request is a mistake (a reused UUID, a script gone wrong), never a replay.
        const QStringList differing
            = differingFields(db, recorded.toLongLong(), accountNos, tenders, request, session, terminal);
        if (!differing.isEmpty()) {
            throw StoreError(tr("The UUID %1 belongs to a payment recorded with another %2; a new payment needs a new "
                                "UUID.")
                                 .arg(uuidText, differing.join(QStringLiteral(", "))));
        }
        PaymentResult result = readPayment(recorded.toLongLong());
        result.replayed = true;
        return result;
    }
    if (Sql::scalar(db, QStringLiteral("SELECT 1 FROM payments WHERE uuid = ?"), {uuidText}).isValid()) {
        throw StoreError(tr("The UUID %1 belongs to a refund, not a payment.").arg(uuidText));
    }

    requireClerk(db, session);
    const Shift current = shift(db, session.op.id, terminal, on, {});
    requireOpen(current, on);

    PaymentPlan plan{loadDues(db, accountNos, on), {}, {}, {}, {}};
    const Dues& dues = plan.loaded.dues;
    for (const DueAccount& account : dues.accounts) {
        if (account.status == QLatin1String("closed")) {
            throw StoreError(tr("Account %1 is closed and takes no payments.").arg(account.accountNo));
        }
    }
    for (const DueAccount& account : dues.accounts) {
        for (const DueBill& bill : account.bills) {
            if (bill.issueDate > on) {
                throw StoreError(tr("Bill %1 of account %2 is issued on %3, after today's business date %4: check the "
                                    "hall's clock and the bill.")
                                     .arg(bill.period, account.accountNo, dateText(bill.issueDate), dateText(on)));
            }
        }
    }
    if (request.expectedDue && *request.expectedDue != dues.due()) {
        throw StoreError(tr("The account changed since it was loaded (due now %1, shown %2); reload it.")
                             .arg(dues.due().toDisplayString(), request.expectedDue->toDisplayString()));
    }
    for (int a = 0; a < dues.accounts.size(); ++a) {
        for (int b = 0; b < dues.accounts.at(a).bills.size(); ++b) {
            plan.work.append({a, b, dues.accounts.at(a).bills.at(b).lateFee.fee, {}, {}, {}});
        }
    }
    applyWaivers(db, plan, request.waivers, session);
    Money amount;
    Money tendered;
    for (const Tender& tender : std::as_const(tenders)) {
        amount += tender.amount;
        tendered += tender.tendered;
    }
    const Money change = tendered - amount;
    allocate(plan, amount);

    // Write it all.
    const QString createdAt = m_clock.nowUtc().toString(Qt::ISODate);
    const Shift open = current.id ? current : shift(db, session.op.id, terminal, on, createdAt);
    QSqlQuery insert = Sql::exec(
        db,
        QStringLiteral("INSERT INTO payments (uuid, kind, shift_id, terminal_id, operator_id, approver_id, "
                       "business_date, created_at, amount_fen, tendered_fen, change_fen, receipt_mode, account_nos) "
                       "VALUES (?, 'payment', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {uuidText, open.id, terminal, session.op.id,
         plan.approverId ? QVariant(*plan.approverId) : QVariant(QMetaType::fromType<qint64>()), dateText(on),
         createdAt, amount.fen(), tendered.fen(), change.fen(), receiptModeCode(request.receiptMode),
         QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(accountNos)).toJson(QJsonDocument::Compact))});
    const qint64 paymentId = insert.lastInsertId().toLongLong();
    const QJsonArray tenderJson = writeTenders(db, paymentId, tenders);
    WrittenLines lines;
    lines.accountTouched = QList<bool>(dues.accounts.size(), false);
    writeBillLines(db, plan, paymentId, request.waivers, session, on, lines);
    writePrepaidLines(db, plan, paymentId, createdAt, lines);

    QJsonArray receiptJson;
    const auto addReceipt = [&](const QVariant& accountId) {
        const ReceiptNumber number = takeReceiptNumber(db, terminal, session.workplace);
        Sql::exec(db,
                  QStringLiteral("INSERT INTO receipts (receipt_no, terminal_id, seq, payment_id, account_id) "
                                 "VALUES (?, ?, ?, ?, ?)"),
                  {number.receiptNo, terminal, number.seq, paymentId, accountId});
        receiptJson.append(number.receiptNo);
    };
    if (request.receiptMode == ReceiptMode::PerAccount) {
        for (int a = 0; a < dues.accounts.size(); ++a) {
            if (lines.accountTouched.at(a)) {
                addReceipt(dues.accounts.at(a).accountId);
            }
        }
    } else {
        addReceipt(QVariant(QMetaType::fromType<qint64>()));
    }

    QJsonArray accountJson;
    for (const DueAccount& account : std::as_const(dues.accounts)) {
        accountJson.append(account.accountNo);
    }
    QJsonObject payload{{QStringLiteral("payment_uuid"), uuidText},
                        {QStringLiteral("kind"), QStringLiteral("payment")},
                        {QStringLiteral("business_date"), dateText(on)},
                        {QStringLiteral("created_at"), createdAt},
                        {QStringLiteral("operator_code"), session.op.code},
                        {QStringLiteral("terminal_code"), session.workplace.terminalCode},
                        {QStringLiteral("hall_code"), session.workplace.hallCode},
                        {QStringLiteral("receipt_nos"), receiptJson},
                        {QStringLiteral("accounts"), accountJson},
                        {QStringLiteral("amount_fen"), amount.fen()},
                        {QStringLiteral("tendered_fen"), tendered.fen()},
                        {QStringLiteral("change_fen"), change.fen()},
                        {QStringLiteral("allocations"), lines.allocations},
                        {QStringLiteral("tenders"), tenderJson},
                        {QStringLiteral("waivers"), lines.waivers},
                        {QStringLiteral("prepaid_after"), lines.prepaidAfter}};
    appendOutbox(db, request.uuid, QStringLiteral("payment.posted"), session.workplace, payload, createdAt);

    AuditEntry entry;
    entry.action = QStringLiteral("payment.post");
    entry.entity = QStringLiteral("payment");
    entry.entityKey = receiptJson.first().toString();
    entry.details = {{QStringLiteral("uuid"), uuidText},
                     {QStringLiteral("amount_fen"), amount.fen()},
                     {QStringLiteral("accounts"), accountJson},
                     {QStringLiteral("receipt_nos"), receiptJson},
                     {QStringLiteral("waivers"), lines.waivers},
                     {QStringLiteral("lines_sha256"), CounterAuditCheck::linesDigest(db, paymentId)}};
    entry.operatorId = session.op.id;
    entry.approverId = plan.approverId;
    entry.terminalCode = session.workplace.terminalCode;
    AuditLog::append(db, entry);

    PaymentResult result = readPayment(paymentId);
    transaction.commit();
    return result;
}

} // namespace HallDesk
