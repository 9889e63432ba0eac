#include "ui/sync/FillProgressDialog.h"

#include "app/sync/SyncWorker.h"

#include <QLocale>

namespace HallDesk {

FillProgressDialog::FillProgressDialog(QWidget* parent)
    : QProgressDialog(parent)
{
    setObjectName(QStringLiteral("fillProgress"));
    setWindowTitle(tr("Filling this terminal from the central server"));
    setCancelButtonText(tr("Cancel"));
    setRange(0, 1000);
    setMinimumDuration(0);
    setAutoClose(false);
    setAutoReset(false);
    setWindowModality(Qt::NonModal);
    setMinimumWidth(460);
}

bool FillProgressDialog::showProgress(const SyncStatus& status)
{
    if (status.state != SyncStatus::State::Syncing || !status.progress.firstFill || status.progress.table.isEmpty()) {
        return false;
    }
    if (wasCanceled()) {
        // cancel() hid the dialog; it stays up, saying so, until the round has stopped
        setLabelText(tr("Stopping after the rows under way…"));
        QProgressDialog::show();
        return true;
    }
    if (status.progress.table == QStringLiteral("search")) {
        setLabelText(tr("Everything has been copied. Building the search index of the accounts…"));
    } else {
        setLabelText(tr("The hall's accounts and bills are being copied from the central server into this "
                        "terminal's store.\n%1: %2 rows so far.")
                         .arg(tableName(status.progress.table), QLocale().toString(status.progress.rows)));
    }
    setValue(status.progress.permille);
    QProgressDialog::show();
    return true;
}

QString FillProgressDialog::tableName(const QString& table)
{
    static const QHash<QString, const char*> names = {
        {QStringLiteral("halls"), QT_TR_NOOP("Halls")},
        {QStringLiteral("late_fee_policies"), QT_TR_NOOP("Late-fee policies")},
        {QStringLiteral("late_fee_rates"), QT_TR_NOOP("Late-fee rates")},
        {QStringLiteral("operators"), QT_TR_NOOP("Operators")},
        {QStringLiteral("terminals"), QT_TR_NOOP("Terminals")},
        {QStringLiteral("transformer_areas"), QT_TR_NOOP("Transformer areas")},
        {QStringLiteral("accounts"), QT_TR_NOOP("Accounts")},
        {QStringLiteral("contacts"), QT_TR_NOOP("Contacts")},
        {QStringLiteral("payer_groups"), QT_TR_NOOP("Payer groups")},
        {QStringLiteral("payer_group_members"), QT_TR_NOOP("Payer group members")},
        {QStringLiteral("bills"), QT_TR_NOOP("Bills")},
        {QStringLiteral("search"), QT_TR_NOOP("Search index")},
    };
    const char* name = names.value(table);
    return name != nullptr ? tr(name) : table;
}

} // namespace HallDesk
