#include "app/sync/SyncEngine.h"

#include "HallDeskVersion.h"
#include "app/audit/AuditLog.h"
#include "app/sync/PullApplier.h"
#include "app/sync/PulledPage.h"
#include "app/sync/PulledTables.h"
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

} // namespace

QJsonObject SyncReport::toJson() const
{
    QJsonObject tables;
    for (auto it = pulled.constBegin(); it != pulled.constEnd(); ++it) {
        tables.insert(it.key(), it.value());
    }
    QJsonObject seconds;
    for (auto it = pullMilliseconds.constBegin(); it != pullMilliseconds.constEnd(); ++it) {
        seconds.insert(it.key(), static_cast<double>(it.value()) / 1000.0);
    }
    return QJsonObject{
        {QStringLiteral("pushed"), pushed},
        {QStringLiteral("accepted"), accepted},
        {QStringLiteral("duplicates"), duplicates},
        {QStringLiteral("rejected"), rejected},
        {QStringLiteral("pulled"), tables},
        {QStringLiteral("pull_seconds"), seconds},
        {QStringLiteral("notes"), QJsonArray::fromStringList(notes)},
        {QStringLiteral("cancelled"), cancelled},
        {QStringLiteral("audit_anchor"),
         QJsonObject{{QStringLiteral("entries"), auditEntries}, {QStringLiteral("result"), auditAnchor}}},
        {QStringLiteral("push_seconds"), static_cast<double>(pushMilliseconds) / 1000.0},
        {QStringLiteral("seconds"), static_cast<double>(milliseconds) / 1000.0},
    };
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
    const QJsonObject hello = centre.json("SELECT sync.hello($1::jsonb)::text", {compact(client).toUtf8()}).toObject();
    if (hello.value(QStringLiteral("api_version")).toInt() != 1) {
        throw StoreError(tr("The central server speaks sync API version %1; this HallDesk speaks version 1.")
                             .arg(hello.value(QStringLiteral("api_version")).toInt()));
    }
    if (hello.value(QStringLiteral("schema_version")).toInt() < kCentralSchemaVersion) {
        throw StoreError(tr("The central server's database is at version %1; this HallDesk needs version %2 or "
                            "later (halldeskctl central migrate).")
                             .arg(hello.value(QStringLiteral("schema_version")).toInt())
                             .arg(kCentralSchemaVersion));
    }
    const int maxBatch = hello.value(QStringLiteral("max_batch")).toInt(5000);

    QElapsedTimer pushTimer;
    pushTimer.start();
    push(centre, maxBatch, report);
    // Every round anchors the audit log's head at the centre, outside this file.
    if (hello.value(QStringLiteral("schema_version")).toInt() >= kAuditAnchorSchemaVersion) {
        anchorAudit(centre, report);
    }
    report.pushMilliseconds = pushTimer.elapsed();
    report.cancelled = cancelled();
    // a first fill: an empty store, or one whose fill a cancelled or interrupted round left unfinished
    const bool firstFill = Sql::scalar(m_store.connection(),
                                       QStringLiteral("SELECT NOT EXISTS (SELECT 1 FROM accounts) OR EXISTS (SELECT 1 "
                                                      "FROM fill_deferred)"))
                               .toBool();

    // the centre's order (parents first); a table it offers that this client does not apply is skipped
    for (const QJsonValue& offered : hello.value(QStringLiteral("tables")).toArray()) {
        const PulledTable* table = findPulledTable(offered.toString());
        if (table != nullptr && !report.cancelled) {
            pull(centre, *table, firstFill, report);
        }
    }
    if (!report.cancelled) {
        QElapsedTimer finishing;
        finishing.start();
        if (m_progress && firstFill) {
            m_progress(SyncProgress{QStringLiteral("search"), 0, 0, true});
        }
        PullApplier(m_store.connection()).finishFirstFill();
        if (firstFill) {
            report.pullMilliseconds.insert(QStringLiteral("search"), finishing.elapsed());
        }
    }
    report.milliseconds = timer.elapsed();
    return report;
}

void SyncEngine::push(CentralConnection& centre, int maxBatch, SyncReport& report)
{
    QSqlDatabase db = m_store.connection();
    const int batchSize = qBound(1, m_batchSize, qMax(1, maxBatch));
    while (!cancelled()) {
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
            = centre.json("SELECT sync.push($1::jsonb)::text", {compact(batch).toUtf8()}).toArray();
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

void SyncEngine::anchorAudit(CentralConnection& centre, SyncReport& report)
{
    const std::optional<AuditLog::Anchor> head = AuditLog::head(m_store.connection());
    if (!head) {
        return;
    }
    const QJsonObject answer = centre
                                   .json("SELECT sync.anchor_audit($1::bigint, $2)::text",
                                         {QByteArray::number(head->entries), head->hash.toUtf8()})
                                   .toObject();
    report.auditEntries = head->entries;
    report.auditAnchor = answer.value(QStringLiteral("result")).toString();
    if (report.auditAnchor == QLatin1String("conflict")) {
        report.notes << tr("The centre holds an earlier audit head of this terminal that the log contradicts: %1")
                            .arg(answer.value(QStringLiteral("reason")).toString());
    }
}

void SyncEngine::pull(CentralConnection& centre, const PulledTable& table, bool firstFill, SyncReport& report)
{
    QSqlDatabase db = m_store.connection();
    PullApplier applier(db);
    const QByteArray sql = QByteArrayLiteral("SELECT * FROM sync.pull_rows($1, $2, $3)");
    const QByteArray name = table.name.toUtf8();
    const QByteArray pageSize = QByteArray::number(qMax(1, m_pageSize));
    const qint64 start
        = Sql::scalar(db, QStringLiteral("SELECT watermark FROM sync_watermarks WHERE table_name = ?"), {table.name})
              .toLongLong();
    if (firstFill && table.name == QStringLiteral("accounts")) {
        applier.beginFirstFill(nowUtc().toUtf8());
    }
    qint64 watermark = start;
    int count = 0;
    QElapsedTimer timer;
    timer.start();
    centre.send(sql, {name, QByteArray::number(watermark), pageSize});
    for (;;) {
        const PulledPage page(centre.receive(), table);
        if (page.watermark() < watermark) {
            throw StoreError(tr("The centre moved the watermark of %1 back from %2 to %3.")
                                 .arg(table.name)
                                 .arg(watermark)
                                 .arg(page.watermark()));
        }
        const bool stop = cancelled();
        // the server reads the next page while this one is written here
        if (page.more() && !stop) {
            centre.send(sql, {name, QByteArray::number(page.watermark()), pageSize});
        }
        const QByteArray now = nowUtc().toUtf8();
        Sql::Transaction transaction(db);
        applier.apply(table, page, now);
        Sql::exec(db,
                  QStringLiteral("INSERT INTO sync_watermarks (table_name, watermark, pulled_at) VALUES (?, ?, ?) ON "
                                 "CONFLICT (table_name) DO UPDATE SET watermark = excluded.watermark, pulled_at = "
                                 "excluded.pulled_at"),
                  {table.name, page.watermark(), QString::fromUtf8(now)});
        transaction.commit();
        count += page.size();
        watermark = page.watermark();
        if (m_progress) {
            SyncProgress progress;
            progress.table = table.name;
            progress.rows = count;
            progress.firstFill = firstFill;
            const qint64 span = page.fence() - start;
            progress.permille = !page.more() || span <= 0
                ? 1000
                : int(std::clamp<qint64>((watermark - start) * 1000 / span, 0, 1000));
            m_progress(progress);
        }
        if (!page.more()) {
            break;
        }
        if (stop) {
            report.cancelled = true;
            break;
        }
    }
    report.pulled.insert(table.name, count);
    report.pullMilliseconds.insert(table.name, timer.elapsed());
}

} // namespace HallDesk
