#include "app/sync/SyncEngine.h"

#include "db/Sql.h"
#include "db/Store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSysInfo>
#include <algorithm>
#include <functional>

namespace HallDesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SyncEngine", text);
}

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QString compact(const QJsonValue& value)
{
    if (value.isArray()) {
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    }
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

// A text field of a row: "" (never NULL) when absent or null.
QString text(const QJsonObject& row, const char* field)
{
    const QString value = row.value(QLatin1String(field)).toString();
    return value.isNull() ? QStringLiteral("") : value;
}

// A JSON value as a value for SQLite: strings and numbers as they are, null as NULL.
QVariant sqlValue(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QVariant();
    case QJsonValue::Bool:
        return value.toBool() ? 1 : 0;
    case QJsonValue::Double:
        return value.toInteger();
    case QJsonValue::String:
        return value.toString();
    default:
        return compact(value);
    }
}

// Local ids by natural key, for the rows a page refers to.
class Ids
{
public:
    explicit Ids(const QSqlDatabase& db)
        : m_db(db)
    {
    }

    QVariant hall(const QString& code) { return lookup(QStringLiteral("SELECT id FROM halls WHERE code = ?"), code); }
    QVariant account(const QString& accountNo)
    {
        return lookup(QStringLiteral("SELECT id FROM accounts WHERE account_no = ?"), accountNo);
    }
    QVariant group(const QString& code)
    {
        return lookup(QStringLiteral("SELECT id FROM payer_groups WHERE code = ?"), code);
    }
    QVariant area(const QString& code)
    {
        return lookup(QStringLiteral("SELECT id FROM transformer_areas WHERE code = ?"), code);
    }

    QVariant requiredHall(const QString& code)
    {
        const QVariant id = hall(code);
        if (!id.isValid()) {
            throw StoreError(tr("The centre sent a row of hall %1, which this store does not know.").arg(code));
        }
        return id;
    }

private:
    QVariant lookup(const QString& sql, const QString& key)
    {
        if (key.isEmpty()) {
            return QVariant();
        }
        return Sql::scalar(m_db, sql, {key});
    }

    QSqlDatabase m_db;
};

// A DELETE that the local store may refuse (a bill or an account that local payments refer to): kept then.
void deleteIfUnreferenced(const QSqlDatabase& db, const QString& sql, const QVariantList& values)
{
    try {
        Sql::exec(db, sql, values);
    } catch (const StoreError&) {
        // a foreign key holds the row: it stays, and its history with it
    }
}

using RowApplier = std::function<void(const QSqlDatabase&, Ids&, const QJsonObject&, const QString& now)>;

void applyHall(const QSqlDatabase& db, Ids&, const QJsonObject& row, const QString&)
{
    Sql::exec(db,
              QStringLiteral("INSERT INTO halls (code, name, province, district, address, phone) VALUES (?, ?, ?, ?, "
                             "?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, province = "
                             "excluded.province, district = excluded.district, address = excluded.address, phone = "
                             "excluded.phone"),
              {text(row, "code"), text(row, "name"), text(row, "province"), text(row, "district"), text(row, "address"),
               text(row, "phone")});
}

void applyTerminal(const QSqlDatabase& db, Ids& ids, const QJsonObject& row, const QString&)
{
    Sql::exec(db,
              QStringLiteral("INSERT INTO terminals (hall_id, code, name) VALUES (?, ?, ?) ON CONFLICT (hall_id, code) "
                             "DO UPDATE SET name = excluded.name"),
              {ids.requiredHall(text(row, "hall_code")), text(row, "code"), text(row, "name")});
}

void applyArea(const QSqlDatabase& db, Ids& ids, const QJsonObject& row, const QString&)
{
    Sql::exec(db,
              QStringLiteral("INSERT INTO transformer_areas (code, name, hall_id) VALUES (?, ?, ?) ON CONFLICT (code) "
                             "DO UPDATE SET name = excluded.name, hall_id = excluded.hall_id"),
              {text(row, "code"), text(row, "name"), ids.requiredHall(text(row, "hall_code"))});
}

// An account: upserted by account_no. A change of its prepaid balance gets a 'sync' ledger line for the
// difference, so the balance still equals the sum of its ledger (halldeskctl check).
void applyAccount(const QSqlDatabase& db, Ids& ids, const QJsonObject& row, const QString& now)
{
    const QString accountNo = text(row, "account_no");
    const qint64 prepaid = row.value(QStringLiteral("prepaid_fen")).toInteger();
    QSqlQuery existing
        = Sql::exec(db, QStringLiteral("SELECT id, prepaid_fen FROM accounts WHERE account_no = ?"), {accountNo});
    const bool exists = existing.next();
    const qint64 before = exists ? existing.value(1).toLongLong() : 0;
    const QVariantList values{text(row, "name"),
                              text(row, "customer_class"),
                              text(row, "address"),
                              ids.requiredHall(text(row, "hall_code")),
                              ids.area(text(row, "area_code")),
                              text(row, "meter_no"),
                              text(row, "status"),
                              text(row, "risk_level"),
                              prepaid,
                              text(row, "id_card_no"),
                              sqlValue(row.value(QStringLiteral("opened_on"))),
                              row.value(QStringLiteral("updated_at")).toString(now)};
    QVariant accountId;
    if (exists) {
        accountId = existing.value(0);
        Sql::exec(
            db,
            QStringLiteral("UPDATE accounts SET name = ?, customer_class = ?, address = ?, hall_id = ?, area_id = "
                           "?, meter_no = ?, status = ?, risk_level = ?, prepaid_fen = ?, id_card_no = ?, "
                           "opened_on = ?, updated_at = ? WHERE id = ?"),
            values + QVariantList{accountId});
    } else {
        Sql::exec(db,
                  QStringLiteral("INSERT INTO accounts (name, customer_class, address, hall_id, area_id, meter_no, "
                                 "status, risk_level, prepaid_fen, id_card_no, opened_on, updated_at, account_no) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  values + QVariantList{accountNo});
        accountId = ids.account(accountNo);
    }
    if (prepaid != before) {
        Sql::exec(db,
                  QStringLiteral("INSERT INTO prepaid_ledger (account_id, delta_fen, balance_after, created_at, note) "
                                 "VALUES (?, ?, ?, ?, 'sync')"),
                  {accountId, prepaid - before, prepaid, now});
    }
}

QVariant requiredAccount(Ids& ids, const QJsonObject& row)
{
    const QString accountNo = text(row, "account_no");
    const QVariant id = ids.account(accountNo);
    if (!id.isValid()) {
        throw StoreError(tr("The centre sent a row of account %1, which this store does not have.").arg(accountNo));
    }
    return id;
}

void applyContact(const QSqlDatabase& db, Ids& ids, const QJsonObject& row, const QString& now)
{
    Sql::exec(
        db,
        QStringLiteral("INSERT INTO contacts (account_id, phone, mobile, wechat, email, updated_at) VALUES (?, ?, "
                       "?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET phone = excluded.phone, mobile = "
                       "excluded.mobile, wechat = excluded.wechat, email = excluded.email, updated_at = "
                       "excluded.updated_at"),
        {requiredAccount(ids, row), text(row, "phone"), text(row, "mobile"), text(row, "wechat"), text(row, "email"),
         row.value(QStringLiteral("updated_at")).toString(now)});
}

void applyGroup(const QSqlDatabase& db, Ids&, const QJsonObject& row, const QString&)
{
    Sql::exec(db,
              QStringLiteral("INSERT INTO payer_groups (code, name, kind) VALUES (?, ?, ?) ON CONFLICT (code) DO "
                             "UPDATE SET name = excluded.name, kind = excluded.kind"),
              {text(row, "code"), text(row, "name"), text(row, "kind")});
}

void applyMember(const QSqlDatabase& db, Ids& ids, const QJsonObject& row, const QString&)
{
    const QString code = text(row, "group_code");
    const QVariant groupId = ids.group(code);
    if (!groupId.isValid()) {
        throw StoreError(tr("The centre sent a member of payer group %1, which this store does not have.").arg(code));
    }
    const QVariant accountId = requiredAccount(ids, row);
    // an account belongs to one group at a time
    Sql::exec(db, QStringLiteral("DELETE FROM payer_group_members WHERE account_id = ? AND group_id <> ?"),
              {accountId, groupId});
    Sql::exec(db, QStringLiteral("INSERT OR IGNORE INTO payer_group_members (group_id, account_id) VALUES (?, ?)"),
              {groupId, accountId});
}

void applyBill(const QSqlDatabase& db, Ids& ids, const QJsonObject& row, const QString&)
{
    Sql::exec(db,
              QStringLiteral("INSERT INTO bills (account_id, period, kwh, amount_fen, issue_date, due_date, paid_fen, "
                             "status, paid_on, fee_through, fee_carried_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT (account_id, period) DO UPDATE SET kwh = excluded.kwh, amount_fen = "
                             "excluded.amount_fen, issue_date = excluded.issue_date, due_date = excluded.due_date, "
                             "paid_fen = excluded.paid_fen, status = excluded.status, paid_on = excluded.paid_on, "
                             "fee_through = excluded.fee_through, fee_carried_fen = excluded.fee_carried_fen"),
              {requiredAccount(ids, row), text(row, "period"), row.value(QStringLiteral("kwh")).toInteger(),
               row.value(QStringLiteral("amount_fen")).toInteger(), text(row, "issue_date"), text(row, "due_date"),
               row.value(QStringLiteral("paid_fen")).toInteger(), text(row, "status"),
               sqlValue(row.value(QStringLiteral("paid_on"))), sqlValue(row.value(QStringLiteral("fee_through"))),
               row.value(QStringLiteral("fee_carried_fen")).toInteger()});
}

using KeyDeleter = std::function<void(const QSqlDatabase&, Ids&, const QJsonObject&)>;

struct TableRules
{
    RowApplier apply;
    KeyDeleter remove;
};

const QHash<QString, TableRules>& tableRules()
{
    static const QHash<QString, TableRules> rules = {
        {QStringLiteral("halls"),
         {applyHall,
          [](const QSqlDatabase& db, Ids&, const QJsonObject& key) {
              deleteIfUnreferenced(db, QStringLiteral("DELETE FROM halls WHERE code = ?"), {text(key, "code")});
          }}},
        {QStringLiteral("terminals"),
         {applyTerminal,
          [](const QSqlDatabase& db, Ids&, const QJsonObject& key) {
              // the key names the code within this store's hall; a terminal that took payments stays
              deleteIfUnreferenced(db, QStringLiteral("DELETE FROM terminals WHERE code = ?"), {text(key, "code")});
          }}},
        {QStringLiteral("transformer_areas"),
         {applyArea,
          [](const QSqlDatabase& db, Ids&, const QJsonObject& key) {
              deleteIfUnreferenced(db, QStringLiteral("DELETE FROM transformer_areas WHERE code = ?"),
                                   {text(key, "code")});
          }}},
        {QStringLiteral("accounts"),
         {applyAccount,
          [](const QSqlDatabase& db, Ids& ids, const QJsonObject& key) {
              const QVariant id = ids.account(text(key, "account_no"));
              if (!id.isValid()) {
                  return;
              }
              // its bills that no local payment touched go with it (their own tombstones follow in `bills`)
              Sql::exec(db,
                        QStringLiteral("DELETE FROM bills WHERE account_id = ? AND id NOT IN (SELECT bill_id FROM "
                                       "payment_allocations WHERE bill_id IS NOT NULL)"),
                        {id});
              deleteIfUnreferenced(db, QStringLiteral("DELETE FROM accounts WHERE id = ?"), {id});
          }}},
        {QStringLiteral("contacts"),
         {applyContact,
          [](const QSqlDatabase& db, Ids& ids, const QJsonObject& key) {
              const QVariant id = ids.account(text(key, "account_no"));
              if (id.isValid()) {
                  Sql::exec(db, QStringLiteral("DELETE FROM contacts WHERE account_id = ?"), {id});
              }
          }}},
        {QStringLiteral("payer_groups"),
         {applyGroup,
          [](const QSqlDatabase& db, Ids&, const QJsonObject& key) {
              deleteIfUnreferenced(db, QStringLiteral("DELETE FROM payer_groups WHERE code = ?"), {text(key, "code")});
          }}},
        {QStringLiteral("payer_group_members"),
         {applyMember,
          [](const QSqlDatabase& db, Ids& ids, const QJsonObject& key) {
              const QVariant group = ids.group(text(key, "group_code"));
              const QVariant account = ids.account(text(key, "account_no"));
              if (group.isValid() && account.isValid()) {
                  Sql::exec(db, QStringLiteral("DELETE FROM payer_group_members WHERE group_id = ? AND account_id = ?"),
                            {group, account});
              }
          }}},
        {QStringLiteral("bills"),
         {applyBill,
          [](const QSqlDatabase& db, Ids& ids, const QJsonObject& key) {
              const QVariant account = ids.account(text(key, "account_no"));
              if (account.isValid()) {
                  deleteIfUnreferenced(
                      db,
                      QStringLiteral("DELETE FROM bills WHERE account_id = ? AND period = ? AND id NOT "
                                     "IN (SELECT bill_id FROM payment_allocations WHERE bill_id IS "
                                     "NOT NULL)"),
                      {account, text(key, "period")});
              }
          }}},
    };
    return rules;
}

} // namespace

QJsonObject SyncReport::toJson() const
{
    QJsonObject tables;
    for (auto it = pulled.constBegin(); it != pulled.constEnd(); ++it) {
        tables.insert(it.key(), it.value());
    }
    return QJsonObject{
        {QStringLiteral("pushed"), pushed},
        {QStringLiteral("accepted"), accepted},
        {QStringLiteral("duplicates"), duplicates},
        {QStringLiteral("rejected"), rejected},
        {QStringLiteral("pulled"), tables},
        {QStringLiteral("notes"), QJsonArray::fromStringList(notes)},
        {QStringLiteral("seconds"), static_cast<double>(milliseconds) / 1000.0},
    };
}

QStringList SyncEngine::appliedTables()
{
    return {QStringLiteral("halls"),
            QStringLiteral("terminals"),
            QStringLiteral("transformer_areas"),
            QStringLiteral("accounts"),
            QStringLiteral("contacts"),
            QStringLiteral("payer_groups"),
            QStringLiteral("payer_group_members"),
            QStringLiteral("bills")};
}

SyncEngine::SyncEngine(Store& store, const CentralSettings& settings)
    : m_store(store)
    , m_settings(settings)
{
}

SyncReport SyncEngine::runOnce()
{
    QElapsedTimer timer;
    timer.start();
    SyncReport report;
    CentralConnection centre(m_settings);
    const QJsonObject client{{QStringLiteral("client"), QStringLiteral("halldesk")},
                             {QStringLiteral("version"), QStringLiteral(HALLDESK_VERSION)},
                             {QStringLiteral("host"), QSysInfo::machineHostName()}};
    const QJsonObject hello
        = centre.json(QStringLiteral("SELECT sync.hello(CAST(? AS jsonb))::text"), {compact(client)}).toObject();
    if (hello.value(QStringLiteral("api_version")).toInt() != 1) {
        throw StoreError(tr("The central server speaks sync API version %1; this HallDesk speaks version 1.")
                             .arg(hello.value(QStringLiteral("api_version")).toInt()));
    }
    const int maxBatch = hello.value(QStringLiteral("max_batch")).toInt(5000);
    const int maxPage = hello.value(QStringLiteral("max_page")).toInt(10000);

    push(centre, maxBatch, report);

    const QStringList applied = appliedTables();
    for (const QJsonValue& table : hello.value(QStringLiteral("tables")).toArray()) {
        if (applied.contains(table.toString())) {
            pull(centre, table.toString(), maxPage, report);
        }
    }
    report.milliseconds = timer.elapsed();
    return report;
}

void SyncEngine::push(CentralConnection& centre, int maxBatch, SyncReport& report)
{
    QSqlDatabase db = m_store.connection();
    const int batchSize = qBound(1, m_batchSize, qMax(1, maxBatch));
    for (;;) {
        QSqlQuery pending
            = Sql::exec(db,
                        QStringLiteral("SELECT id, uuid, type, terminal_code, hall_code, payload, "
                                       "created_at FROM outbox WHERE state = 'pending' ORDER BY id LIMIT ?"),
                        {batchSize});
        QJsonArray batch;
        QList<qint64> ids;
        while (pending.next()) {
            const QJsonDocument payload = QJsonDocument::fromJson(pending.value(5).toString().toUtf8());
            batch.append(QJsonObject{
                {QStringLiteral("uuid"), pending.value(1).toString()},
                {QStringLiteral("type"), pending.value(2).toString()},
                {QStringLiteral("seq"), pending.value(0).toLongLong()},
                {QStringLiteral("terminal_code"), pending.value(3).toString()},
                {QStringLiteral("hall_code"), pending.value(4).toString()},
                {QStringLiteral("created_at"), pending.value(6).toString()},
                // a payload that is not an object is sent as null: the centre rejects it with a reason
                {QStringLiteral("payload"), payload.isObject() ? QJsonValue(payload.object()) : QJsonValue()},
            });
            ids << pending.value(0).toLongLong();
        }
        pending.finish();
        if (ids.isEmpty()) {
            return;
        }
        // One call, one server transaction. If the reply is lost, the next round sends the same events again.
        const QJsonArray results
            = centre.json(QStringLiteral("SELECT sync.push(CAST(? AS jsonb))::text"), {compact(batch)}).toArray();
        if (results.size() != ids.size()) {
            throw StoreError(
                tr("The centre answered %1 results for a batch of %2 events.").arg(results.size()).arg(ids.size()));
        }
        const QString now = nowUtc();
        Sql::Transaction transaction(db);
        for (int i = 0; i < results.size(); ++i) {
            const QJsonObject result = results.at(i).toObject();
            const QString uuid = batch.at(i).toObject().value(QStringLiteral("uuid")).toString();
            if (result.value(QStringLiteral("uuid")).toString().compare(uuid, Qt::CaseInsensitive) != 0) {
                throw StoreError(tr("The centre answered for event %1 where %2 was expected.")
                                     .arg(result.value(QStringLiteral("uuid")).toString(), uuid));
            }
            const QString outcome = result.value(QStringLiteral("result")).toString();
            QString reason;
            if (outcome == QStringLiteral("accepted")) {
                ++report.accepted;
                reason = result.value(QStringLiteral("note")).toString();
                if (!reason.isEmpty()) {
                    report.notes << reason;
                }
            } else if (outcome == QStringLiteral("duplicate")) {
                ++report.duplicates;
            } else if (outcome == QStringLiteral("rejected")) {
                ++report.rejected;
                reason = result.value(QStringLiteral("reason")).toString();
            } else {
                throw StoreError(tr("The centre answered \"%1\" for event %2.").arg(outcome, uuid));
            }
            Sql::exec(db,
                      QStringLiteral("UPDATE outbox SET state = ?, state_reason = ?, pushed_at = ? WHERE id = ? AND "
                                     "state = 'pending'"),
                      {outcome, reason.isNull() ? QStringLiteral("") : reason, now, ids.at(i)});
        }
        transaction.commit();
        report.pushed += static_cast<int>(ids.size());
    }
}

void SyncEngine::pull(CentralConnection& centre, const QString& table, int maxPage, SyncReport& report)
{
    const TableRules rules = tableRules().value(table);
    QSqlDatabase db = m_store.connection();
    const int pageSize = qBound(1, m_pageSize, qMax(1, maxPage));
    qint64 watermark
        = Sql::scalar(db, QStringLiteral("SELECT watermark FROM sync_watermarks WHERE table_name = ?"), {table})
              .toLongLong();
    int count = 0;
    for (;;) {
        const QJsonObject page = centre
                                     .json(QStringLiteral("SELECT sync.pull(?, CAST(? AS bigint), CAST(? AS "
                                                          "integer))::text"),
                                           {table, QString::number(watermark), QString::number(pageSize)})
                                     .toObject();
        const QJsonArray rows = page.value(QStringLiteral("rows")).toArray();
        const QJsonArray deleted = page.value(QStringLiteral("deleted")).toArray();
        const qint64 next = page.value(QStringLiteral("watermark")).toInteger(-1);
        if (next < watermark) {
            throw StoreError(
                tr("The centre moved the watermark of %1 back from %2 to %3.").arg(table).arg(watermark).arg(next));
        }
        const QString now = nowUtc();
        Sql::Transaction transaction(db);
        Ids ids(db);
        // Rows and tombstones in row_version order, so a row deleted and made again ends as the centre has it.
        struct Item
        {
            qint64 version;
            bool remove;
            QJsonObject object;
        };
        QList<Item> items;
        for (const QJsonValue& row : rows) {
            items.append({row.toObject().value(QStringLiteral("row_version")).toInteger(), false, row.toObject()});
        }
        for (const QJsonValue& key : deleted) {
            items.append({key.toObject().value(QStringLiteral("row_version")).toInteger(), true, key.toObject()});
        }
        std::stable_sort(items.begin(), items.end(),
                         [](const Item& a, const Item& b) { return a.version < b.version; });
        for (const Item& item : items) {
            if (item.remove) {
                rules.remove(db, ids, item.object);
            } else {
                rules.apply(db, ids, item.object, now);
            }
        }
        Sql::exec(db,
                  QStringLiteral("INSERT INTO sync_watermarks (table_name, watermark, pulled_at) VALUES (?, ?, ?) ON "
                                 "CONFLICT (table_name) DO UPDATE SET watermark = excluded.watermark, pulled_at = "
                                 "excluded.pulled_at"),
                  {table, next, now});
        transaction.commit();
        count += static_cast<int>(items.size());
        watermark = next;
        if (!page.value(QStringLiteral("more")).toBool()) {
            break;
        }
    }
    report.pulled.insert(table, count);
}

} // namespace HallDesk
