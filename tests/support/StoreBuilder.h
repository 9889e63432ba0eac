#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <initializer_list>
#include <utility>

namespace HallDesk::Test {

// The rows a test puts in a hall's store by hand, with one column list per table: a suite names the fields it cares
// about and leaves the rest to the schema's defaults. A field left unset (an invalid QVariant) is not written; a
// typed null QVariant (and a null QString: QString()) writes NULL, so an empty text is QStringLiteral("").
//
//     Test::StoreBuilder rows(store.connection());
//     const qint64 id = rows.account({.accountNo = QStringLiteral("3300000001"), .name = QStringLiteral("王建国"),
//                                     .address = QStringLiteral("东湖区幸福街道1号"), .hallId = hallId,
//                                     .meterNo = QStringLiteral("M00001")});
//     rows.bill({.accountId = id, .period = QStringLiteral("2026-01"), .kwh = 230, .amountFen = 12345,
//                .issueDate = QStringLiteral("2026-01-05"), .dueDate = QStringLiteral("2026-01-20")});
struct AccountRow
{
    QVariant id = {};
    QVariant accountNo = {};
    QVariant name = {};
    QVariant customerClass = QStringLiteral("residential");
    QVariant address = {};
    QVariant hallId = {};
    QVariant areaId = {};
    QVariant meterNo = {};
    QVariant status = {};
    QVariant riskLevel = {};
    QVariant collectorId = {};
    QVariant prepaidFen = {};
    QVariant idCardNo = {};
    QVariant updatedAt = QStringLiteral("2025-01-01T00:00:00Z");
};

struct BillRow
{
    QVariant accountId = {};
    QVariant period = {};
    QVariant kwh = {};
    QVariant amountFen = {};
    QVariant issueDate = {};
    QVariant dueDate = {};
    QVariant paidFen = {};
    QVariant status = {};
    QVariant paidOn = {};
};

struct ContactRow
{
    QVariant accountId = {};
    QVariant phone = {};
    QVariant mobile = {};
    QVariant wechat = {};
    QVariant email = {};
    QVariant updatedAt = QStringLiteral("2025-01-01T00:00:00Z");
};

struct GroupRow
{
    QVariant id = {};
    QVariant code = {};
    QVariant name = {};
    QVariant kind = QStringLiteral("family");
};

struct OperatorRow
{
    QVariant id = {};
    QVariant code = {};
    QVariant name = {};
    QVariant hallId = {};
    QVariant passwordHash = QStringLiteral("not-a-hash");
    QVariant active = {};
    QVariant createdAt = QStringLiteral("2025-01-01T00:00:00Z");
    QVariant updatedAt = QStringLiteral("2025-01-01T00:00:00Z");
};

// The centre's copies (central.accounts and central.bills, keyed by hall and account number), for the suites that
// start a throwaway PostgreSQL cluster: `Test::CentreBuilder rows(centre->db())`.
struct CentreAccountRow
{
    QVariant hallId = 1;
    QVariant accountNo = {};
    QVariant name = {};
    QVariant customerClass = QStringLiteral("residential");
    QVariant address = {};
    QVariant meterNo = {};
};

struct CentreBillRow
{
    QVariant hallId = 1;
    QVariant accountNo = {};
    QVariant period = {};
    QVariant kwh = {};
    QVariant amountFen = {};
    QVariant issueDate = {};
    QVariant dueDate = {};
    QVariant paidFen = {};
    QVariant status = {};
    QVariant paidOn = {};
};

class StoreBuilder final
{
public:
    explicit StoreBuilder(QSqlDatabase db);

    // Each returns the new row's id.
    qint64 account(const AccountRow& row) const;
    qint64 bill(const BillRow& row) const;
    qint64 contact(const ContactRow& row) const;
    qint64 group(const GroupRow& row, const QList<qint64>& members = {}) const;
    void groupMember(qint64 groupId, qint64 accountId) const;
    qint64 op(const OperatorRow& row) const;

private:
    QSqlDatabase m_db;
};

class CentreBuilder final
{
public:
    explicit CentreBuilder(QSqlDatabase db);

    void account(const CentreAccountRow& row) const;
    void bill(const CentreBillRow& row) const;

private:
    QSqlDatabase m_db;
};

} // namespace HallDesk::Test
