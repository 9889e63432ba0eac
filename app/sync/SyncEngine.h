#pragma once

#include "db/Central.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <functional>

namespace HallDesk {

class Store;

// What one sync round did.
struct SyncReport
{
    int pushed = 0; // outbox events sent
    int accepted = 0;
    int duplicates = 0;
    int rejected = 0;
    QMap<QString, int> pulled; // table -> rows and deletions applied
    QMap<QString, qint64> pullMilliseconds; // table -> time its pull took
    QStringList notes; // the centre's notes on accepted events (it allocated differently, …)
    bool cancelled = false; // stopped on request; what was committed stays, the next round goes on from there
    // The audit head sent to the centre (docs/sync.md, "Audit anchors"): its entry count and the centre's answer,
    // "anchored", "known" or "conflict"; empty when nothing was sent (an empty log, or a centre before version 7).
    qint64 auditEntries = 0;
    QString auditAnchor;
    qint64 pushMilliseconds = 0;
    qint64 milliseconds = 0;

    QJsonObject toJson() const;
};

// How far a round's pull is, reported after each page.
struct SyncProgress
{
    QString table;
    int rows = 0; // rows and deletions of this table applied so far in this round
    int permille = 0; // of this table, by row version up to the centre's fence (rows are not spread evenly)
    bool firstFill = false; // the store is being filled from the centre (it was empty, or an earlier fill was cut)
};

struct PulledTable;

// The version of the central database this client needs at least (db/central/0005: bills carry the late fee
// counted on them, which the counter needs to charge the minimum once per bill).
inline constexpr int kCentralSchemaVersion = 5;
// The first central version that keeps audit anchors (db/central/0007: sync.anchor_audit, sync.audit_anchors).
inline constexpr int kAuditAnchorSchemaVersion = 7;

// One round of offline-first sync between a store and the centre (docs/sync.md): hello; push every pending
// outbox event in id order, in batches, each batch one server transaction, and record each result on its outbox
// row; then pull each table the store applies, in hello's order, above its watermark, each page with its new
// watermark in one local transaction (the server reads the next page while the client writes the last one).
// Runs on the calling thread with its own central connection; throws
// StoreError when the centre cannot be reached or answers unexpectedly. Whatever was committed stays committed,
// and a round repeated after a failure sends the same events again (the centre answers "duplicate").
class SyncEngine final
{
    Q_DECLARE_TR_FUNCTIONS(SyncEngine)

public:
    SyncEngine(Store& store, const CentralSettings& settings);

    void setBatchSize(int events) { m_batchSize = events; }
    // Rows per pull page; the centre caps it (sync.max_rows_page).
    void setPageSize(int rows) { m_pageSize = rows; }
    // Called on this thread after each pulled page.
    void setProgress(std::function<void(const SyncProgress&)> progress) { m_progress = std::move(progress); }
    // Asked between batches and pages (it may read flags other threads set): when it answers true, the round stops
    // after the batch or page under way and reports cancelled.
    void setCancel(std::function<bool()> cancelled) { m_cancel = std::move(cancelled); }

    SyncReport runOnce();

private:
    bool cancelled() const { return m_cancel && m_cancel(); }
    void push(CentralConnection& centre, int maxBatch, SyncReport& report);
    void anchorAudit(CentralConnection& centre, SyncReport& report);
    void pull(CentralConnection& centre, const PulledTable& table, bool firstFill, SyncReport& report);

    Store& m_store;
    CentralSettings m_settings;
    int m_batchSize = 500;
    int m_pageSize = 50000;
    std::function<void(const SyncProgress&)> m_progress;
    std::function<bool()> m_cancel;
};

} // namespace HallDesk
