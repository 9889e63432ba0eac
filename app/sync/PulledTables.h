#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <vector>

namespace HallDesk {

class PullContext;
class PulledPage;

// A table the client pulls from the centre and how its rows are applied to the store. The appliers live with the
// capability whose rows they write (app/accounts/PulledAccounts, app/billing/PulledBills, …) and share what a
// round caches through PullContext. The caller frames each page in one transaction together with its watermark.
struct PulledTable
{
    using RowApplier = void (*)(PullContext& context, const PulledPage& page, int row);
    using RunApplier = void (*)(PullContext& context, const PulledPage& page, int first, int count);
    using PageHook = void (*)(PullContext& context);

    // The centre's name of the table (sync.pull_rows, sync_watermarks).
    QString name;
    // The fields read from each row, in the order the appliers number them; a tombstone carries the key fields,
    // which come first.
    QList<QByteArray> fields;
    // Upserts one row.
    RowApplier apply = nullptr;
    // Applies one tombstone. The ids PullContext cached are forgotten before it runs: the row may be one of them.
    RowApplier remove = nullptr;
    // Optional, instead of `apply`: writes runs of rows that no tombstone separates, up to `runRows` at a time.
    RunApplier applyRun = nullptr;
    int runRows = 1;
    // Optional: run before a page's first row and after its last (also when applying it fails).
    PageHook beginPage = nullptr;
    PageHook endPage = nullptr;
};

// Every table this client applies, in the order they must be pulled (parents first): the one list of them. A new
// cached table is one entry here.
const std::vector<PulledTable>& pulledTables();

// The entry of `name`; null when this client does not apply that table.
const PulledTable* findPulledTable(const QString& name);

} // namespace HallDesk
