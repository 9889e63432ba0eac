#include "tests/support/CounterFixture.h"

#include "app/auth/AuthService.h"
#include "app/security/StoreProtection.h"
#include "app/setup/Installation.h"
#include "db/Sql.h"
#include "tests/support/StoreBuilder.h"

namespace HallDesk::Test {

Operator addOperator(Store& store, qint64 hallId, const QString& code, const QString& name, Role role, bool active,
                     const QString& passwordHash)
{
    QSqlDatabase db = store.connection();
    Operator op;
    op.id = StoreBuilder(db).op(
        {.code = code, .name = name, .hallId = hallId, .passwordHash = passwordHash, .active = active ? 1 : 0});
    op.code = code;
    op.name = name;
    op.roles = {role};
    op.hallId = hallId;
    op.active = active;
    Sql::exec(db, QStringLiteral("INSERT INTO operator_roles (operator_id, role) VALUES (?, ?)"),
              {op.id, roleCode(role)});
    return op;
}

CounterFixture::CounterFixture()
{
    const qint64 hallId = Installation::configure(
        store(), HallInfo{QStringLiteral("H01"), QStringLiteral("城东供电营业厅"), {}, {}, {}, {}},
        QStringLiteral("T01"));
    QSqlDatabase db = store().connection();
    const StoreBuilder rows(db);
    // Hashing is slow on purpose; one hash serves every operator of the fixture.
    static const QString hash = AuthService::hashPassword(QString::fromLatin1(kPassword));
    const auto addOperator = [&](const char* code, const char* name, Role role, bool active) {
        const Operator op
            = Test::addOperator(store(), hallId, QString::fromUtf8(code), QString::fromUtf8(name), role, active, hash);
        m_operators.insert(op.code, op);
    };
    addOperator("clerk01", "刘收费", Role::Clerk, true);
    addOperator("clerk02", "陈收费", Role::Clerk, true);
    addOperator("super01", "张主任", Role::Supervisor, true);
    addOperator("super02", "王班长", Role::Supervisor, true);
    addOperator("super03", "赵离职", Role::Supervisor, false);

    const auto addAccount = [&](qint64 id, const char* cls, const char* status, qint64 prepaidFen) {
        rows.account({.id = id,
                      .accountNo = QStringLiteral("330000000%1").arg(id),
                      .name = QStringLiteral("用户%1").arg(id),
                      .customerClass = QString::fromLatin1(cls),
                      .address = QStringLiteral("东湖区幸福街道%1号").arg(id),
                      .hallId = hallId,
                      .meterNo = QStringLiteral("M%1").arg(id),
                      .status = QString::fromLatin1(status),
                      .prepaidFen = prepaidFen});
        if (prepaidFen != 0) {
            Sql::exec(
                db,
                QStringLiteral("INSERT INTO prepaid_ledger (account_id, delta_fen, balance_after, created_at, note) "
                               "VALUES (?, ?, ?, '2025-01-01T00:00:00Z', 'opening')"),
                {id, prepaidFen, prepaidFen});
        }
    };
    addAccount(1, "residential", "normal", 0);
    addAccount(2, "commercial", "normal", 500);
    addAccount(3, "residential", "normal", 0);
    addAccount(4, "residential", "closed", 0);
    addAccount(5, "residential", "disconnected", 0);
    addAccount(6, "industrial", "normal", 0);
    const auto addBill = [&](qint64 account, const char* period, qint64 amountFen, const char* due) {
        rows.bill(
            {.accountId = account,
             .period = QString::fromLatin1(period),
             .kwh = amountFen / 50,
             .amountFen = amountFen,
             .issueDate = QDate::fromString(QString::fromLatin1(due), Qt::ISODate).addDays(-15).toString(Qt::ISODate),
             .dueDate = QString::fromLatin1(due)});
    };
    addBill(1, "2025-11", 10000, "2025-12-20");
    addBill(1, "2025-12", 20000, "2026-01-20");
    addBill(2, "2025-12", 10000, "2026-01-20");
    addBill(5, "2025-12", 5000, "2026-01-20");
    addBill(6, "2025-12", 1000000, "2026-01-20");
    // A paid bill of the past, paid before HallDesk: check() must leave it alone.
    rows.bill({.accountId = 1,
               .period = QStringLiteral("2025-10"),
               .kwh = 100,
               .amountFen = 5000,
               .issueDate = QStringLiteral("2025-11-05"),
               .dueDate = QStringLiteral("2025-11-20"),
               .paidFen = 5000,
               .status = QStringLiteral("paid"),
               .paidOn = QStringLiteral("2025-11-10")});
    m_workplace = AuthService(store()).workplace();
}

void CounterFixture::acceptUnencryptedVolume()
{
    Sql::exec(
        store().connection(),
        QStringLiteral("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, "
                       "'2026-01-01T00:00:00Z')"),
        {QString::fromLatin1(StoreProtection::kAcceptedSetting), QStringLiteral("test fixture in a temporary folder")});
}

Session CounterFixture::session(const char* code) const
{
    return Session{m_operators.value(QString::fromLatin1(code)), m_workplace};
}

qint64 CounterFixture::billId(const char* accountNo, const char* period)
{
    return Sql::scalar(
               store().connection(),
               QStringLiteral("SELECT b.id FROM bills b JOIN accounts a ON a.id = b.account_id WHERE a.account_no = ? "
                              "AND b.period = ?"),
               {QString::fromLatin1(accountNo), QString::fromLatin1(period)})
        .toLongLong();
}

QMap<QString, qint64> CounterFixture::fingerprint()
{
    QSqlDatabase db = store().connection();
    QMap<QString, qint64> values;
    for (const char* table :
         {"payments", "payment_tenders", "payment_allocations", "receipts", "prepaid_ledger", "late_fee_waivers",
          "voids", "settlements", "settlement_lines", "settlement_cash_counts", "outbox", "shifts"}) {
        values.insert(
            QString::fromLatin1(table),
            Sql::scalar(db, QStringLiteral("SELECT count(*) FROM %1").arg(QString::fromLatin1(table))).toLongLong());
    }
    // Audit entries of the counter's own actions (sign-ins are audited whether or not the action succeeds; the
    // day's warning about an unencrypted disk comes with the first command of the day, whatever it does).
    values.insert(
        QStringLiteral("audit"),
        Sql::scalar(db,
                    QStringLiteral("SELECT count(*) FROM audit_log WHERE action NOT LIKE 'auth.%' AND action NOT LIKE "
                                   "'security.%'"))
            .toLongLong());
    values.insert(
        QStringLiteral("bills"),
        Sql::scalar(
            db,
            QStringLiteral("SELECT total(paid_fen * 7 + fee_carried_fen * 13 + length(coalesce(fee_through, '')) "
                           "+ length(status) * 3 + length(coalesce(paid_on, ''))) FROM bills"))
            .toLongLong());
    values.insert(QStringLiteral("prepaid"),
                  Sql::scalar(db, QStringLiteral("SELECT total(prepaid_fen * id) FROM accounts")).toLongLong());
    values.insert(QStringLiteral("series"),
                  Sql::scalar(db, QStringLiteral("SELECT total(next_seq) FROM receipt_series")).toLongLong());
    values.insert(
        QStringLiteral("settled"),
        Sql::scalar(db, QStringLiteral("SELECT count(*) FROM shifts WHERE settled_at IS NOT NULL")).toLongLong());
    return values;
}

} // namespace HallDesk::Test
