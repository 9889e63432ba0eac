#pragma once

#include <QLabel>
#include <QPointer>
#include <QTimeZone>

namespace HallDesk {

class FillProgressDialog;
class SyncRunner;
struct SyncStatus;

// The status bar's sync state: off, offline, syncing (with the table being copied) or online, the last success in
// the hall's time, the pending and rejected events, and the details in the tooltip. While an empty store is filled
// from the centre it shows the fill's progress dialog, whose Cancel ends the round.
class SyncStatusLabel final : public QLabel
{
    Q_OBJECT

public:
    SyncStatusLabel(const QTimeZone& hallZone, QWidget* parent = nullptr);

    // Shows the runner's state now and on every change; null: sync off.
    void setRunner(SyncRunner* runner);
    SyncRunner* runner() const;
    // The open rejected events as a screen last counted them.
    void setOpenRejected(qint64 count);
    // Whether the operator reviews rejected events (the tooltip then says where).
    void setReviewer(bool reviewer) { m_reviewer = reviewer; }

Q_SIGNALS:
    // A sync round ended (successful or not).
    void roundFinished();

private:
    void showStatus(const SyncStatus& status);
    void refresh();

    QPointer<SyncRunner> m_runner;
    QMetaObject::Connection m_connection;
    QTimeZone m_hallZone; // the hall's: times in the window are the hall's, as on the receipt
    QPointer<FillProgressDialog> m_fillProgress; // while an empty store is filled from the centre
    qint64 m_openRejected = -1;
    int m_rounds = 0;
    bool m_reviewer = false;
};

} // namespace HallDesk
