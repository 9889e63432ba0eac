#include "app/accounts/AccountService.h"

#include "app/audit/AuditLog.h"
#include "db/Sql.h"
#include "db/Store.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTimeZone>
#include <algorithm>
#include <utility>

namespace HallDesk {

namespace {

constexpr int kRecentPeriods = 13;
constexpr int kDefaultStaleDays = 365;

// Reads the account's picture from one snapshot of the store, so that a payment committed by another terminal
// half-way through does not show its bills paid but its balance unchanged. Reads only: ends with a rollback.
class ReadSnapshot final
{
public:
    explicit ReadSnapshot(QSqlDatabase db)
        : m_db(db)
        , m_open(m_db.transaction())
    {
    }
    ~ReadSnapshot()
    {
        if (m_open) {
            m_db.rollback();
        }
    }
    Q_DISABLE_COPY_MOVE(ReadSnapshot)

private:
    QSqlDatabase m_db;
    bool m_open;
};

QDate dateFromText(const QVariant& value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

// Bill rows as both bill queries select them.
const QString kBillColumns = QStringLiteral(
    "SELECT id, period, kwh, amount_fen, paid_fen, issue_date, due_date, status, paid_on, fee_through, "
    "fee_carried_fen, fee_counted_exact FROM bills ");

BillLine billFromRow(const QSqlQuery& row)
{
    BillLine bill;
    bill.id = row.value(0).toLongLong();
    bill.period = row.value(1).toString();
    bill.kwh = row.value(2).toLongLong();
    bill.amount = Money::fromFen(row.value(3).toLongLong());
    bill.paid = Money::fromFen(row.value(4).toLongLong());
    bill.issueDate = dateFromText(row.value(5));
    bill.dueDate = dateFromText(row.value(6));
    bill.status = row.value(7).toString();
    bill.paidOn = dateFromText(row.value(8));
    bill.feeThrough = dateFromText(row.value(9));
    bill.feeCarried = Money::fromFen(row.value(10).toLongLong());
    bill.feeCountedExact = row.value(11).toLongLong();
    return bill;
}

QJsonObject contactJson(const ContactCard& card)
{
    return {
        {QStringLiteral("phone"), card.phone},
        {QStringLiteral("mobile"), card.mobile},
        {QStringLiteral("wechat"), card.wechat},
        {QStringLiteral("email"), card.email},
        {QStringLiteral("updated_at"), card.updatedAt.isValid() ? card.updatedAt.toString(Qt::ISODate) : QString()},
    };
}

std::optional<ContactCard> readContact(const QSqlDatabase& db, qint64 accountId)
{
    QSqlQuery row = Sql::exec(
        db, QStringLiteral("SELECT phone, mobile, wechat, email, updated_at FROM contacts WHERE account_id = ?"),
        {accountId});
    if (!row.next()) {
        return std::nullopt;
    }
    ContactCard card;
    card.phone = row.value(0).toString();
    card.mobile = row.value(1).toString();
    card.wechat = row.value(2).toString();
    card.email = row.value(3).toString();
    card.updatedAt = QDateTime::fromString(row.value(4).toString(), Qt::ISODate).toUTC();
    return card;
}

std::optional<qint64> accountIdOf(const QSqlDatabase& db, const QString& accountNo)
{
    const QVariant id = Sql::scalar(db, QStringLiteral("SELECT id FROM accounts WHERE account_no = ?"), {accountNo});
    return id.isValid() ? std::optional<qint64>(id.toLongLong()) : std::nullopt;
}

std::optional<qint64> operatorIdOf(const Session& session)
{
    return session.op.id > 0 ? std::optional<qint64>(session.op.id) : std::nullopt;
}

// Full-width digits from an input method count as digits; blanks and dashes between digit groups are dropped.
QString digitsOf(const QString& text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.unicode() >= u'\uFF10' && c.unicode() <= u'\uFF19') {
            digits.append(QChar(char16_t(u'0' + (c.unicode() - u'\uFF10'))));
        } else if (!c.isSpace() && c != QLatin1Char('-')) {
            digits.append(c);
        }
    }
    return digits;
}

// The contacts columns are NOT NULL: an absent value is stored as the empty string.
QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QString normalisedMobile(const QString& text)
{
    QString mobile = digitsOf(text);
    if (mobile.startsWith(QLatin1String("+86"))) {
        mobile.remove(0, 3);
    } else if (mobile.size() == 13 && mobile.startsWith(QLatin1String("86"))) {
        mobile.remove(0, 2);
    }
    return mobile;
}

} // namespace

AccountService::AccountService(Store& store, HallClock::Source now)
    : m_store(store)
    , m_clock(store, std::move(now))
{
}

std::optional<AccountDetail> AccountService::load(const QString& accountNo, QDate on)
{
    if (!on.isValid()) {
        on = businessDate();
    }
    QSqlDatabase db = m_store.connection();
    ReadSnapshot snapshot(db);
    QSqlQuery header = Sql::exec(
        db,
        QStringLiteral("SELECT a.id, a.account_no, a.name, a.customer_class, a.address, a.meter_no, a.status, "
                       "a.risk_level, h.code, h.name, coalesce(ta.name, ''), coalesce(c.code, ''), "
                       "coalesce(c.name, ''), a.id_card_no, a.prepaid_fen "
                       "FROM accounts a JOIN halls h ON h.id = a.hall_id "
                       "LEFT JOIN transformer_areas ta ON ta.id = a.area_id "
                       "LEFT JOIN operators c ON c.id = coalesce(a.collector_id, ta.collector_id) "
                       "WHERE a.account_no = ?"),
        {accountNo.trimmed()});
    if (!header.next()) {
        return std::nullopt;
    }
    AccountDetail detail;
    detail.id = header.value(0).toLongLong();
    detail.accountNo = header.value(1).toString();
    detail.name = header.value(2).toString();
    detail.customerClass = customerClassFromCode(header.value(3).toString()).value_or(CustomerClass::Residential);
    detail.address = header.value(4).toString();
    detail.meterNo = header.value(5).toString();
    detail.status = header.value(6).toString();
    detail.riskLevel = header.value(7).toString();
    detail.hallCode = header.value(8).toString();
    detail.hallName = header.value(9).toString();
    detail.areaName = header.value(10).toString();
    detail.collectorCode = header.value(11).toString();
    detail.collectorName = header.value(12).toString();
    detail.idCardNo = header.value(13).toString();
    detail.prepaid = Money::fromFen(header.value(14).toLongLong());
    detail.asOf = on;

    const QTimeZone zone = m_clock.zone();
    const std::optional<ContactCard> contact = readContact(db, detail.id);
    if (contact) {
        detail.contact = *contact;
    }
    bool staleDaysOk = false;
    int staleDays = m_store.setting(QStringLiteral("contacts.stale_days")).toInt(&staleDaysOk);
    if (!staleDaysOk || staleDays <= 0) {
        staleDays = kDefaultStaleDays;
    }
    // No contact card at all is the stalest card there is.
    detail.contactStale = !detail.contact.updatedAt.isValid()
        || detail.contact.updatedAt.toTimeZone(zone).date().daysTo(on) > staleDays;

    QSqlQuery open = Sql::exec(
        db, kBillColumns + QStringLiteral("WHERE account_id = ? AND status <> 'paid' ORDER BY due_date, period"),
        {detail.id});
    std::optional<LateFeeSchedule> policy;
    while (open.next()) {
        if (!policy) {
            policy = LateFeePolicyRepository(db).currentSchedule();
            if (policy->versions.isEmpty()) {
                throw StoreError(tr("No late-fee policy is in force on %1: check the setting late_fee.policy.")
                                     .arg(on.toString(Qt::ISODate)));
            }
        }
        BillLine bill = billFromRow(open);
        // The counter's computation, so the account view and the counter never disagree about a fee.
        bill.lateFee = billLateFee(*policy, detail.customerClass, bill.outstanding(), bill.dueDate, bill.feeThrough,
                                   bill.feeCarried, bill.feeCountedExact, on);
        detail.arrearsPrincipal += bill.outstanding();
        detail.arrearsLateFee += bill.lateFee.fee;
        detail.openBills.append(bill);
    }

    QSqlQuery recent = Sql::exec(db, kBillColumns + QStringLiteral("WHERE account_id = ? ORDER BY period DESC LIMIT ?"),
                                 {detail.id, kRecentPeriods});
    while (recent.next()) {
        BillLine bill = billFromRow(recent);
        for (const BillLine& openBill : std::as_const(detail.openBills)) {
            if (openBill.id == bill.id) {
                bill.lateFee = openBill.lateFee;
            }
        }
        detail.recentBills.append(bill);
    }

    QSqlQuery group = Sql::exec(db,
                                QStringLiteral("SELECT g.id, g.code, g.name FROM payer_group_members m "
                                               "JOIN payer_groups g ON g.id = m.group_id WHERE m.account_id = ?"),
                                {detail.id});
    if (group.next()) {
        detail.groupCode = group.value(1).toString();
        detail.groupName = group.value(2).toString();
        QSqlQuery members
            = Sql::exec(db,
                        QStringLiteral("SELECT a.id, a.account_no, a.name, a.address, a.customer_class, a.status, "
                                       "(SELECT coalesce(sum(b.amount_fen - b.paid_fen), 0) FROM bills b "
                                       " WHERE b.account_id = a.id AND b.status <> 'paid') "
                                       "FROM payer_group_members m JOIN accounts a ON a.id = m.account_id "
                                       "WHERE m.group_id = ? AND a.id <> ? ORDER BY a.account_no"),
                        {group.value(0), detail.id});
        while (members.next()) {
            AccountSummary member;
            member.id = members.value(0).toLongLong();
            member.accountNo = members.value(1).toString();
            member.name = members.value(2).toString();
            member.address = members.value(3).toString();
            member.customerClass
                = customerClassFromCode(members.value(4).toString()).value_or(CustomerClass::Residential);
            member.status = members.value(5).toString();
            member.arrears = Money::fromFen(members.value(6).toLongLong());
            detail.groupMembers.append(member);
        }
    }
    return detail;
}

void AccountService::updateContact(const QString& accountNo, const ContactCard& card, const Session& session)
{
    static const QRegularExpression mobilePattern(QStringLiteral("^1[0-9]{10}$"));
    static const QRegularExpression phonePattern(QStringLiteral("^\\+?[0-9()\\- ]+$"));
    static const QRegularExpression wechatPattern(QStringLiteral("^[A-Za-z][A-Za-z0-9_-]{5,19}$"));
    static const QRegularExpression emailPattern(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));

    ContactCard next;
    next.mobile = notNull(normalisedMobile(card.mobile.trimmed()));
    next.phone = notNull(card.phone.trimmed());
    next.wechat = notNull(card.wechat.trimmed());
    next.email = notNull(card.email.trimmed());
    if (!next.mobile.isEmpty() && !mobilePattern.match(next.mobile).hasMatch()) {
        throw StoreError(tr("\"%1\" is not a mobile number: a mobile number has 11 digits and starts with 1.")
                             .arg(card.mobile.trimmed()));
    }
    if (!next.phone.isEmpty()) {
        const qsizetype digits = std::count_if(next.phone.cbegin(), next.phone.cend(),
                                               [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
        if (!phonePattern.match(next.phone).hasMatch() || digits < 7 || digits > 15) {
            throw StoreError(tr("\"%1\" is not a telephone number: write 7 to 15 digits, with an area code such as "
                                "0571-87654321 if needed.")
                                 .arg(next.phone));
        }
    }
    if (!next.wechat.isEmpty() && !wechatPattern.match(next.wechat).hasMatch()
        && !mobilePattern.match(next.wechat).hasMatch()) {
        throw StoreError(tr("\"%1\" is not a WeChat ID: it has 6 to 20 letters, digits, _ or -, starting with a "
                            "letter, or it is the customer's mobile number.")
                             .arg(next.wechat));
    }
    if (!next.email.isEmpty() && (next.email.size() > 254 || !emailPattern.match(next.email).hasMatch())) {
        throw StoreError(tr("\"%1\" is not an e-mail address: write it as name@example.com.").arg(next.email));
    }

    QSqlDatabase db = m_store.connection();
    Sql::Transaction transaction(db);
    const std::optional<qint64> accountId = accountIdOf(db, accountNo.trimmed());
    if (!accountId) {
        throw StoreError(tr("There is no account %1.").arg(accountNo.trimmed()));
    }
    const ContactCard previous = readContact(db, *accountId).value_or(ContactCard{});
    // Saving an unchanged card is a clerk confirming it with the customer: it renews updated_at all the same.
    const QString updatedAt = m_clock.nowUtc().toString(Qt::ISODate);
    next.updatedAt = QDateTime::fromString(updatedAt, Qt::ISODate);
    Sql::exec(db,
              QStringLiteral("INSERT INTO contacts (account_id, phone, mobile, wechat, email, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET phone = excluded.phone, "
                             "mobile = excluded.mobile, wechat = excluded.wechat, email = excluded.email, "
                             "updated_at = excluded.updated_at"),
              {*accountId, next.phone, next.mobile, next.wechat, next.email, updatedAt});
    AuditEntry entry;
    entry.action = QStringLiteral("contact.update");
    entry.entity = QStringLiteral("account");
    entry.entityKey = accountNo.trimmed();
    entry.details = {{QStringLiteral("old"), contactJson(previous)}, {QStringLiteral("new"), contactJson(next)}};
    entry.operatorId = operatorIdOf(session);
    entry.terminalCode = session.workplace.terminalCode;
    AuditLog::append(db, entry);
    transaction.commit();
}

void AccountService::recordReveal(const QString& accountNo, const QString& field, const Session& session)
{
    if (field.trimmed().isEmpty()) {
        throw StoreError(tr("Say which personal data was revealed."));
    }
    QSqlDatabase db = m_store.connection();
    Sql::Transaction transaction(db);
    if (!accountIdOf(db, accountNo.trimmed())) {
        throw StoreError(tr("There is no account %1.").arg(accountNo.trimmed()));
    }
    AuditEntry entry;
    entry.action = QStringLiteral("personal_data.reveal");
    entry.entity = QStringLiteral("account");
    entry.entityKey = accountNo.trimmed();
    entry.details = {{QStringLiteral("field"), field.trimmed()}};
    entry.operatorId = operatorIdOf(session);
    entry.terminalCode = session.workplace.terminalCode;
    AuditLog::append(db, entry);
    transaction.commit();
}

QDate AccountService::businessDate()
{
    return m_clock.today();
}

} // namespace HallDesk
