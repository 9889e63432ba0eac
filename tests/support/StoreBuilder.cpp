#include "tests/support/StoreBuilder.h"

#include "db/Sql.h"

#include <QSqlQuery>
#include <QStringList>

namespace HallDesk::Test {

namespace {

// INSERT INTO table with the columns whose value is set; returns the new row's id where the driver knows it (SQLite).
qint64 insert(const QSqlDatabase& db, const QString& table,
              std::initializer_list<std::pair<const char*, QVariant>> columns)
{
    QStringList names;
    QStringList marks;
    QVariantList values;
    for (const auto& [name, value] : columns) {
        if (value.isValid()) {
            names << QString::fromLatin1(name);
            marks << QStringLiteral("?");
            values << value;
        }
    }
    const QSqlQuery query
        = Sql::exec(db,
                    QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                        .arg(table, names.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))),
                    values);
    return query.lastInsertId().toLongLong();
}

} // namespace

StoreBuilder::StoreBuilder(QSqlDatabase db)
    : m_db(db)
{
}

qint64 StoreBuilder::account(const AccountRow& row) const
{
    return insert(m_db, QStringLiteral("accounts"),
                  {{"id", row.id},
                   {"account_no", row.accountNo},
                   {"name", row.name},
                   {"customer_class", row.customerClass},
                   {"address", row.address},
                   {"hall_id", row.hallId},
                   {"area_id", row.areaId},
                   {"meter_no", row.meterNo},
                   {"status", row.status},
                   {"risk_level", row.riskLevel},
                   {"collector_id", row.collectorId},
                   {"prepaid_fen", row.prepaidFen},
                   {"id_card_no", row.idCardNo},
                   {"updated_at", row.updatedAt}});
}

qint64 StoreBuilder::bill(const BillRow& row) const
{
    return insert(m_db, QStringLiteral("bills"),
                  {{"account_id", row.accountId},
                   {"period", row.period},
                   {"kwh", row.kwh},
                   {"amount_fen", row.amountFen},
                   {"issue_date", row.issueDate},
                   {"due_date", row.dueDate},
                   {"paid_fen", row.paidFen},
                   {"status", row.status},
                   {"paid_on", row.paidOn}});
}

qint64 StoreBuilder::contact(const ContactRow& row) const
{
    return insert(m_db, QStringLiteral("contacts"),
                  {{"account_id", row.accountId},
                   {"phone", row.phone},
                   {"mobile", row.mobile},
                   {"wechat", row.wechat},
                   {"email", row.email},
                   {"updated_at", row.updatedAt}});
}

qint64 StoreBuilder::group(const GroupRow& row, const QList<qint64>& members) const
{
    const qint64 id = insert(m_db, QStringLiteral("payer_groups"),
                             {{"id", row.id}, {"code", row.code}, {"name", row.name}, {"kind", row.kind}});
    for (const qint64 account : members) {
        groupMember(id, account);
    }
    return id;
}

void StoreBuilder::groupMember(qint64 groupId, qint64 accountId) const
{
    insert(m_db, QStringLiteral("payer_group_members"), {{"group_id", groupId}, {"account_id", accountId}});
}

qint64 StoreBuilder::op(const OperatorRow& row) const
{
    return insert(m_db, QStringLiteral("operators"),
                  {{"id", row.id},
                   {"code", row.code},
                   {"name", row.name},
                   {"hall_id", row.hallId},
                   {"password_hash", row.passwordHash},
                   {"active", row.active},
                   {"created_at", row.createdAt},
                   {"updated_at", row.updatedAt}});
}

CentreBuilder::CentreBuilder(QSqlDatabase db)
    : m_db(db)
{
}

void CentreBuilder::account(const CentreAccountRow& row) const
{
    insert(m_db, QStringLiteral("central.accounts"),
           {{"hall_id", row.hallId},
            {"account_no", row.accountNo},
            {"name", row.name},
            {"customer_class", row.customerClass},
            {"address", row.address},
            {"meter_no", row.meterNo}});
}

void CentreBuilder::bill(const CentreBillRow& row) const
{
    insert(m_db, QStringLiteral("central.bills"),
           {{"hall_id", row.hallId},
            {"account_no", row.accountNo},
            {"period", row.period},
            {"kwh", row.kwh},
            {"amount_fen", row.amountFen},
            {"issue_date", row.issueDate},
            {"due_date", row.dueDate},
            {"paid_fen", row.paidFen},
            {"status", row.status},
            {"paid_on", row.paidOn}});
}

} // namespace HallDesk::Test
