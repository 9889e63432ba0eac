#pragma once

#include "db/Central.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

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
    QStringList notes; // the centre's notes on accepted events (it allocated differently, …)
    qint64 milliseconds = 0;

    QJsonObject toJson() const;
};

// One round of offline-first sync between a store and the centre (docs/sync.md): hello; push every pending
// outbox event in id order, in batches, each batch one server transaction, and record each result on its outbox
// row; then pull each table the store applies, in hello's order, above its watermark, each page with its new
// watermark in one local transaction. Runs on the calling thread with its own central connection; throws
// StoreError when the centre cannot be reached or answers unexpectedly. Whatever was committed stays committed,
// and a round repeated after a failure sends the same events again (the centre answers "duplicate").
class SyncEngine final
{
public:
    SyncEngine(Store& store, const CentralSettings& settings);

    void setBatchSize(int events) { m_batchSize = events; }
    void setPageSize(int rows) { m_pageSize = rows; }

    SyncReport runOnce();

    // The tables this client applies locally, in the centre's order. The rule tables (late_fee_policies,
    // late_fee_rates) and operators are not pulled yet: their watermarks stay at 0 until a client applies them.
    static QStringList appliedTables();

private:
    void push(CentralConnection& centre, int maxBatch, SyncReport& report);
    void pull(CentralConnection& centre, const QString& table, int maxPage, SyncReport& report);

    Store& m_store;
    CentralSettings m_settings;
    int m_batchSize = 500;
    int m_pageSize = 5000;
};

} // namespace HallDesk
