#pragma once

#include "app/sync/PullContext.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QSqlDatabase>

namespace HallDesk {

class PulledPage;
struct PulledTable;

// Applies pulled pages to a store, table by table, through the appliers of the registry of pulled tables
// (PulledTables.h), with prepared statements and the local ids of natural keys cached for the round. The caller
// frames each page in one transaction together with its watermark. Rows are upserted by natural key; tombstones
// delete, except where local history refers to the row (a bill or an account with payments, an operator in the
// audit log), which then stays.
class PullApplier final
{
    Q_DECLARE_TR_FUNCTIONS(PullApplier)

public:
    explicit PullApplier(const QSqlDatabase& db);
    ~PullApplier();
    Q_DISABLE_COPY_MOVE(PullApplier)

    // Applies every row of the page, in row_version order; `now` stamps ledger lines and rows without their own
    // time.
    void apply(const PulledTable& table, const PulledPage& page, const QByteArray& now);

    // A first fill (SyncProgress::firstFill): the search tables and the secondary indexes of accounts and contacts
    // wait until the fill ends (fill_deferred, db/local/0005_first_fill.sql). Call before the first page of
    // accounts; one transaction. A fill resumed after a cut finds them set aside already and changes nothing.
    void beginFirstFill(const QByteArray& now);
    // After the last page of every table: when something was deferred, builds the search tables from `accounts`
    // in one pass, makes the indexes set aside, and ends the deferral; one transaction.
    void finishFirstFill();

private:
    PullContext m_context;
};

} // namespace HallDesk
