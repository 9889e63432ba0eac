#include "app/sync/SyncWorker.h"

#include "HallDeskVersion.h"
#include "app/audit/AuditLog.h"
#include "app/sync/RejectedEvents.h"
#include "db/Sql.h"
#include "db/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSysInfo>
#include <QTimer>
#include <algorithm>

namespace HallDesk {

namespace {

CentralSettings syncSettings(const QString& url)
{
    CentralSettings settings = CentralSettings::fromUrl(url);
    settings.statementTimeoutSeconds = SyncWorker::kStatementTimeoutSeconds;
    settings.applicationName = QStringLiteral("halldesk-sync");
    return settings;
}

} // namespace

SyncWorker::SyncWorker(Store& store, QString serverUrl, std::atomic_bool& stopping, std::atomic_bool& cancel)
    : m_store(store)
    , m_url(std::move(serverUrl))
    , m_stopping(stopping)
    , m_cancel(cancel)
{
}

int SyncWorker::backoffSeconds(int failures)
{
    int seconds = kFirstBackoffSeconds;
    for (int i = 1; i < failures && seconds < kMaxBackoffSeconds; ++i) {
        seconds *= 2;
    }
    return std::min(seconds, kMaxBackoffSeconds);
}

void SyncWorker::start()
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SyncWorker::runRound);
    try {
        bool ok = false;
        const int interval = m_store.setting(QString::fromLatin1(SyncRunner::kIntervalSetting)).toInt(&ok);
        if (ok && interval > 0) {
            m_intervalSeconds = interval;
        }
        const int pageRows = m_store.setting(QString::fromLatin1(SyncRunner::kPageRowsSetting)).toInt(&ok);
        if (ok && pageRows > 0) {
            m_pageRows = pageRows;
        }
    } catch (const StoreError&) {
        // keep the default interval
    }
    if (m_url.trimmed().isEmpty()) {
        m_status.state = SyncStatus::State::Off;
        countEvents();
        publish();
        return;
    }
    try {
        m_settings = syncSettings(m_url.trimmed());
        m_configured = true;
        m_status.server = m_settings.redactedUrl();
    } catch (const StoreError& error) {
        m_status.state = SyncStatus::State::Offline;
        m_status.lastError = error.message();
        countEvents();
        publish();
        return;
    }
    // the first round starts right away: say so, rather than "offline" until it ends
    m_status.state = SyncStatus::State::Syncing;
    countEvents();
    publish();
    m_timer->start(0);
    m_outboxLook = new QTimer(this);
    m_outboxLook->setInterval(kOutboxLookMs);
    connect(m_outboxLook, &QTimer::timeout, this, &SyncWorker::lookAtOutbox);
    m_outboxLook->start();
}

void SyncWorker::lookAtOutbox()
{
    if (!m_configured || m_stopping.load() || m_status.failures > 0) {
        return; // after a failure the back-off timer decides when to try again
    }
    const qint64 newest = newestOutboxId();
    if (newest > m_newestSent && m_newestSent >= 0) {
        runRound();
    }
}

qint64 SyncWorker::newestOutboxId()
{
    try {
        return Sql::scalar(m_store.connection(), QStringLiteral("SELECT coalesce(max(id), 0) FROM outbox"))
            .toLongLong();
    } catch (const StoreError&) {
        return -1;
    }
}

void SyncWorker::syncNow()
{
    if (!m_configured || m_stopping.load()) {
        return;
    }
    runRound();
}

void SyncWorker::runRound()
{
    if (!m_configured || m_stopping.load()) {
        return;
    }
    m_timer->stop();
    m_cancel.store(false);
    m_newestSent = newestOutboxId(); // what comes after this goes in the next round
    m_status.state = SyncStatus::State::Syncing;
    publish();
    try {
        SyncEngine engine(m_store, m_settings);
        if (m_pageRows > 0) {
            engine.setPageSize(m_pageRows);
        }
        engine.setCancel([this] { return m_cancel.load() || m_stopping.load(); });
        // at most ten updates a second: the window has other things to paint
        engine.setProgress([this, shown = QElapsedTimer()](const SyncProgress& progress) mutable {
            m_status.progress = progress;
            if (!shown.isValid() || shown.elapsed() >= 100 || progress.permille == 1000) {
                shown.start();
                publish();
            }
        });
        m_status.lastReport = engine.runOnce();
        m_status.state = SyncStatus::State::Online;
        m_status.failures = 0;
        m_status.retryInSeconds = 0;
        if (m_status.lastReport.cancelled) {
            m_status.lastError = tr("The last round was cancelled; the next one goes on from where it stopped.");
        } else {
            m_status.lastSuccessUtc = QDateTime::currentDateTimeUtc();
            m_status.lastError.clear();
        }
    } catch (const StoreError& error) {
        m_status.state = SyncStatus::State::Offline;
        m_status.lastError = error.message();
        ++m_status.failures;
        m_status.retryInSeconds = backoffSeconds(m_status.failures);
    } catch (const std::exception& error) {
        m_status.state = SyncStatus::State::Offline;
        m_status.lastError = QString::fromLocal8Bit(error.what());
        ++m_status.failures;
        m_status.retryInSeconds = backoffSeconds(m_status.failures);
    }
    ++m_status.rounds;
    m_status.progress = SyncProgress();
    countEvents();
    publish();
    if (!m_stopping.load()) {
        const int seconds = m_status.failures > 0 ? m_status.retryInSeconds : m_intervalSeconds;
        m_timer->start(seconds * 1000);
    }
}

void SyncWorker::countEvents()
{
    try {
        m_status.pendingEvents
            = Sql::scalar(m_store.connection(), QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'"))
                  .toLongLong();
        m_status.openRejected = RejectedEvents(m_store).openCount();
    } catch (const StoreError&) {
        m_status.pendingEvents = -1;
        m_status.openRejected = -1;
    }
}

void SyncWorker::publish()
{
    Q_EMIT statusChanged(m_status);
}

void SyncWorker::shutdown()
{
    delete m_timer;
    m_timer = nullptr;
    delete m_outboxLook;
    m_outboxLook = nullptr;
    m_store.releaseConnection();
}

SyncRunner::SyncRunner(Store& store, const QString& serverUrl, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_serverOverride(serverUrl.trimmed())
{
    qRegisterMetaType<SyncStatus>();
    m_thread.setObjectName(QStringLiteral("halldesk-sync"));
    begin();
}

void SyncRunner::begin()
{
    m_stopping.store(false);
    m_cancel.store(false);
    m_worker = std::make_unique<SyncWorker>(m_store, syncServerUrl(m_store, m_serverOverride), m_stopping, m_cancel);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, m_worker.get(), &SyncWorker::start);
    connect(&m_thread, &QThread::finished, m_worker.get(), &SyncWorker::shutdown, Qt::DirectConnection);
    connect(
        m_worker.get(), &SyncWorker::statusChanged, this,
        [this](const SyncStatus& status) {
            m_status = status;
            Q_EMIT statusChanged(status);
        },
        Qt::QueuedConnection);
    m_thread.start();
}

SyncRunner::~SyncRunner()
{
    stop();
}

void SyncRunner::syncNow()
{
    if (m_thread.isRunning() && !m_stopping.load()) {
        QMetaObject::invokeMethod(m_worker.get(), &SyncWorker::syncNow, Qt::QueuedConnection);
    }
}

void SyncRunner::restart()
{
    stop();
    m_status = SyncStatus{};
    begin();
}

void SyncRunner::cancelRound()
{
    m_cancel.store(true);
}

void SyncRunner::stop()
{
    if (!m_worker) {
        return;
    }
    m_stopping.store(true);
    m_cancel.store(true);
    m_thread.quit();
    m_thread.wait(); // a round under way ends after its page or batch, within the connection's timeouts
    m_worker.reset();
}

QString syncServerUrl(Store& store, const QString& override)
{
    if (!override.trimmed().isEmpty()) {
        return override.trimmed();
    }
    try {
        return store.setting(QString::fromLatin1(SyncRunner::kServerUrlSetting)).trimmed();
    } catch (const StoreError&) {
        return {};
    }
}

void saveSyncServerUrl(Store& store, const QString& url, std::optional<qint64> operatorId, const QString& terminalCode)
{
    const QString trimmed = url.trimmed();
    QString redacted;
    if (!trimmed.isEmpty()) {
        redacted = CentralSettings::fromUrl(trimmed).redactedUrl(); // throws when the URL cannot be read
    }
    QSqlDatabase db = store.connection();
    Sql::Transaction transaction(db);
    store.setSetting(QString::fromLatin1(SyncRunner::kServerUrlSetting), trimmed);
    AuditLog::append(db,
                     {QStringLiteral("settings.sync_server"),
                      QStringLiteral("setting"),
                      QString::fromLatin1(SyncRunner::kServerUrlSetting),
                      {{QStringLiteral("server"), redacted}},
                      operatorId,
                      std::nullopt,
                      terminalCode});
    transaction.commit();
}

QString testSyncServer(const QString& url)
{
    CentralSettings settings = syncSettings(url.trimmed());
    settings.connectTimeoutSeconds = std::min(settings.connectTimeoutSeconds, 10);
    CentralConnection centre(settings);
    const QJsonObject client{{QStringLiteral("client"), QStringLiteral("halldesk")},
                             {QStringLiteral("version"), QStringLiteral(HALLDESK_VERSION)},
                             {QStringLiteral("host"), QSysInfo::machineHostName()}};
    const QJsonObject hello
        = centre.json("SELECT sync.hello($1::jsonb)::text", {QJsonDocument(client).toJson(QJsonDocument::Compact)})
              .toObject();
    return SyncWorker::tr("Connected to %1 (sync API version %2).")
        .arg(settings.redactedUrl())
        .arg(hello.value(QStringLiteral("api_version")).toInt());
}

} // namespace HallDesk
