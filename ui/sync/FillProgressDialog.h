#pragma once

#include <QProgressDialog>

namespace HallDesk {

struct SyncStatus;

// Shown while an empty store is filled from the centre (the first sync of a new terminal, or the round that
// finishes a fill cut short): which table, how many rows so far and how far that table is. Cancel stops the round
// after its page; what came stays, and the next round goes on from there. Modeless: the window stays usable
// (there is little to do in it before the fill).
class FillProgressDialog final : public QProgressDialog
{
    Q_OBJECT

public:
    explicit FillProgressDialog(QWidget* parent = nullptr);

    // Shows the status's progress; false when the status is no longer a first fill under way (close it then).
    bool showProgress(const SyncStatus& status);

    // The table names as a clerk reads them.
    static QString tableName(const QString& table);
};

} // namespace HallDesk
