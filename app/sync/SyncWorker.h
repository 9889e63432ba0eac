#pragma once

#include "app/sync/SyncEngine.h"

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>
#include <memory>
#include <optional>

class QTimer;

namespace HallDesk {

class Store;

// What background sync is doing, as the status bar shows it.
struct SyncStatus
{
    enum class State
    {
        Off, // no server configured
        Offline, // the last round failed
        Syncing, // a round is under way
        Online, // the last round succeeded
    };
    State state = State::Off;
    QDateTime lastSuccessUtc; // invalid: never since start
    qint64 pendingEvents = -1; // outbox events not yet accepted by the centre; -1: not known yet
    qint64 openRejected = -1; // events the centre rejected that no supervisor has handled yet; -1: not known yet
    QString lastError; // the last failed round's message; empty after a success
    SyncReport lastReport; // the last successful round's figures
    SyncProgress progress; // while a round pulls: the table and how far; table empty otherwise
    int rounds = 0; // rounds finished (successful or not) since start
    int failures = 0; // failed rounds in a row
    int retryInSeconds = 0; // after a failure: the back-off before the next try
    QString server; // the server, password redacted
};

// The worker side of background sync: lives on SyncRunner's thread, with its own store connection and its own
// central connection per round. Runs a SyncEngine round on its timer and on request; after a failure it retries
// with exponential back-off (5 s doubling to 5 min), reset by a success. Between rounds it looks at the newest
// outbox event every two seconds (one index lookup): a new one (a payment, from this window or any other program
// on the store) starts a round at once, so events reach the centre within seconds, not at the next interval. Events
// made within one look go in one round; while backing off after a failure the back-off decides.
class SyncWorker final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kFirstBackoffSeconds = 5;
    static constexpr int kMaxBackoffSeconds = 300;
    static constexpr int kDefaultIntervalSeconds = 60;
    static constexpr int kStatementTimeoutSeconds = 60;
    static constexpr int kOutboxLookMs = 2000;

    // stopping: the runner is going away; cancel: stop the round under way after its page (reset by each round).
    SyncWorker(Store& store, QString serverUrl, std::atomic_bool& stopping, std::atomic_bool& cancel);

    // The pause after `failures` failed rounds in a row (at least 1).
    static int backoffSeconds(int failures);

public Q_SLOTS:
    void start();
    void syncNow();
    // On the worker thread as it finishes: stops the timer and closes the store connection.
    void shutdown();

Q_SIGNALS:
    void statusChanged(const HallDesk::SyncStatus& status);

private:
    void runRound();
    void publish();
    // The pending and open rejected events, as the store has them now.
    void countEvents();
    // A new outbox event since the last round started: a round now.
    void lookAtOutbox();
    qint64 newestOutboxId();

    Store& m_store;
    QString m_url;
    std::atomic_bool& m_stopping;
    std::atomic_bool& m_cancel;
    CentralSettings m_settings;
    int m_pageRows = 0; // 0: the engine's default
    bool m_configured = false;
    int m_intervalSeconds = kDefaultIntervalSeconds;
    QTimer* m_timer = nullptr;
    QTimer* m_outboxLook = nullptr;
    qint64 m_newestSent = -1; // the newest outbox event when the last round started
    SyncStatus m_status;
};

// Owns the sync thread and its worker; used from the UI thread. Nothing here waits for the network, except the
// destructor (and stop()), which cancels a round under way and waits for it to end after its page — bounded by
// the connect and statement timeouts.
class SyncRunner final : public QObject
{
    Q_OBJECT

public:
    // The store setting with the server URL, written by the sync settings dialog.
    static constexpr const char* kServerUrlSetting = "sync.server_url";
    static constexpr const char* kIntervalSetting = "sync.interval_seconds";
    // Rows per pull page (the centre caps it); unset: the engine's default.
    static constexpr const char* kPageRowsSetting = "sync.page_rows";

    // serverUrl empty: the store's sync.server_url; both empty: sync is off.
    SyncRunner(Store& store, const QString& serverUrl, QObject* parent = nullptr);
    ~SyncRunner() override;
    Q_DISABLE_COPY_MOVE(SyncRunner)

    void syncNow();
    // Starts over with the store's settings as they are now (the server URL just saved); the override stays.
    void restart();
    // The server given on the command line (--server), which the store's setting does not change; empty: none.
    const QString& serverOverride() const { return m_serverOverride; }
    // Ends the round under way after the page or batch it is on; what came so far stays, and the next round goes
    // on from there. Does nothing between rounds.
    void cancelRound();
    void stop();
    const SyncStatus& status() const { return m_status; }

Q_SIGNALS:
    void statusChanged(const HallDesk::SyncStatus& status);

private:
    void begin();

    Store& m_store;
    QString m_serverOverride;
    QThread m_thread;
    std::unique_ptr<SyncWorker> m_worker;
    std::atomic_bool m_stopping{false};
    std::atomic_bool m_cancel{false};
    SyncStatus m_status;
};

// The server URL for this terminal: the override (from --server) when given, else the store's setting.
QString syncServerUrl(Store& store, const QString& override = {});

// Saves the server URL in the store's settings with an audit entry by the operator. Throws StoreError when the
// URL cannot be read.
void saveSyncServerUrl(Store& store, const QString& url, std::optional<qint64> operatorId, const QString& terminalCode);

// One hello to the centre (on the calling thread): a short description on success; throws StoreError.
QString testSyncServer(const QString& url);

} // namespace HallDesk

Q_DECLARE_METATYPE(HallDesk::SyncStatus)
