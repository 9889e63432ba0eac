#include "ui/lookup/LookupWorker.h"

#include "app/lookup/LookupService.h"
#include "db/Store.h"

#include <limits>

namespace HallDesk {

LookupWorker::LookupWorker(Store& store, LookupService& lookup, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_lookup(lookup)
    , m_context(new QObject)
{
    m_thread.setObjectName(QStringLiteral("lookup"));
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

LookupWorker::~LookupWorker()
{
    // Queued searches are skipped; the worker thread's connection belongs to that thread: close it there, then let
    // the thread end.
    m_newest.store(std::numeric_limits<quint64>::max());
    QMetaObject::invokeMethod(
        m_context, [this] { m_store.releaseConnection(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void LookupWorker::request(quint64 generation, const QString& text, int offset, int limit)
{
    m_newest.store(generation);
    QMetaObject::invokeMethod(
        m_context,
        [this, generation, text, offset, limit] {
            if (generation < m_newest.load()) {
                return; // the person has typed on; nobody waits for this answer any more
            }
            QList<AccountSummary> rows;
            QString error;
            try {
                rows = m_lookup.search(text, offset, limit);
            } catch (const StoreError& e) {
                error = e.message();
            } catch (const std::exception& e) {
                error = tr("The search failed: %1").arg(QString::fromLocal8Bit(e.what()));
            }
            // Delivered through the event loop of this object's thread; dropped if this object is gone.
            QMetaObject::invokeMethod(
                this, [this, generation, offset, rows, error] { Q_EMIT pageReady(generation, offset, rows, error); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace HallDesk
