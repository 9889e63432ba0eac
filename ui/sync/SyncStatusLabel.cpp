#include "ui/sync/SyncStatusLabel.h"

#include "app/sync/SyncWorker.h"
#include "ui/sync/FillProgressDialog.h"

namespace HallDesk {

SyncStatusLabel::SyncStatusLabel(const QTimeZone& hallZone, QWidget* parent)
    : QLabel(tr("Sync off"), parent)
    , m_hallZone(hallZone)
{
    setObjectName(QStringLiteral("statusSync"));
    setProperty("syncState", QStringLiteral("off"));
}

void SyncStatusLabel::setRunner(SyncRunner* runner)
{
    disconnect(m_connection);
    m_runner = runner;
    if (runner) {
        m_connection = connect(runner, &SyncRunner::statusChanged, this, &SyncStatusLabel::showStatus);
        m_rounds = runner->status().rounds;
        showStatus(runner->status());
    } else {
        refresh();
    }
}

SyncRunner* SyncStatusLabel::runner() const
{
    return m_runner;
}

void SyncStatusLabel::setOpenRejected(qint64 count)
{
    m_openRejected = count;
    refresh();
}

void SyncStatusLabel::showStatus(const SyncStatus& status)
{
    if (status.openRejected >= 0) {
        m_openRejected = status.openRejected;
    }
    const bool roundEnded = status.rounds != m_rounds;
    m_rounds = status.rounds;
    refresh();
    if (roundEnded) {
        Q_EMIT roundFinished();
    }
}

void SyncStatusLabel::refresh()
{
    const SyncStatus status = m_runner ? m_runner->status() : SyncStatus{};
    QString state;
    QString key;
    QString colour;
    switch (status.state) {
    case SyncStatus::State::Off:
        state = tr("Sync off");
        key = QStringLiteral("off");
        colour = QStringLiteral("#6b7785");
        break;
    case SyncStatus::State::Offline:
        state = tr("Offline");
        key = QStringLiteral("offline");
        colour = QStringLiteral("#c0392b");
        break;
    case SyncStatus::State::Syncing:
        state = status.progress.table.isEmpty() ? tr("Syncing…")
                                                : tr("Syncing %1 %2%")
                                                      .arg(FillProgressDialog::tableName(status.progress.table))
                                                      .arg(status.progress.permille / 10);
        key = QStringLiteral("syncing");
        colour = QStringLiteral("#b7791f");
        break;
    case SyncStatus::State::Online:
        state = tr("Online");
        key = QStringLiteral("online");
        colour = QStringLiteral("#1e8449");
        break;
    }
    QStringList parts{state};
    if (status.lastSuccessUtc.isValid()) {
        parts << tr("last sync %1")
                     .arg(status.lastSuccessUtc.toTimeZone(m_hallZone).toString(QStringLiteral("HH:mm:ss")));
    }
    if (status.pendingEvents >= 0) {
        parts << tr("%n pending", nullptr, static_cast<int>(status.pendingEvents));
    }
    if (m_openRejected > 0) {
        parts << tr("%n rejected", nullptr, static_cast<int>(m_openRejected));
    }
    setText(parts.join(QStringLiteral(" · ")));
    setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(colour));
    setProperty("syncState", key);
    QStringList tip;
    if (!status.server.isEmpty()) {
        tip << tr("Central server: %1").arg(status.server);
    } else if (status.state == SyncStatus::State::Off) {
        tip << tr("No central server is set up: this terminal works offline.");
    }
    if (!status.lastError.isEmpty()) {
        tip << tr("Last error: %1").arg(status.lastError);
        if (status.retryInSeconds > 0) {
            tip << tr("Next try in %n seconds.", nullptr, status.retryInSeconds);
        }
    }
    if (m_openRejected > 0) {
        tip << (m_reviewer ? tr("%n event(s) rejected by the centre wait for your review: Sync → Rejected events "
                                "(Ctrl+F5).",
                                nullptr, static_cast<int>(m_openRejected))
                           : tr("%n event(s) rejected by the centre wait for a supervisor's review.", nullptr,
                                static_cast<int>(m_openRejected)));
    }
    setToolTip(tip.join(QLatin1Char('\n')));

    if (status.progress.firstFill && status.state == SyncStatus::State::Syncing && !m_fillProgress) {
        m_fillProgress = new FillProgressDialog(window());
        m_fillProgress->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_fillProgress, &QProgressDialog::canceled, this, [this] {
            if (m_runner) {
                m_runner->cancelRound();
            }
        });
    }
    if (m_fillProgress && !m_fillProgress->showProgress(status)) {
        m_fillProgress->close();
    }
}

} // namespace HallDesk
