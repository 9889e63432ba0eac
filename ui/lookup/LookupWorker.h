#pragma once

#include "app/accounts/Account.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>

namespace HallDesk {

class LookupService;
class Store;

// Runs LookupService::search on a long-lived thread of its own (with its own store connection), so that typing
// never waits for the database. Requests carry a generation number; a request that is older than the newest one
// when its turn comes is skipped, and the receiver discards any answer that is not for its current generation.
class LookupWorker final : public QObject
{
    Q_OBJECT

public:
    LookupWorker(Store& store, LookupService& lookup, QObject* parent = nullptr);
    ~LookupWorker() override;
    Q_DISABLE_COPY_MOVE(LookupWorker)

    // Queues a search for one page; the answer arrives as pageReady() on this object's thread.
    void request(quint64 generation, const QString& text, int offset, int limit);

Q_SIGNALS:
    // `error` is empty on success, otherwise a message for the person (rows is then empty).
    void pageReady(quint64 generation, int offset, const QList<HallDesk::AccountSummary>& rows, const QString& error);

private:
    Store& m_store;
    LookupService& m_lookup;
    QThread m_thread;
    QObject* m_context = nullptr; // lives on m_thread; the requests run as its queued calls
    std::atomic<quint64> m_newest{0};
};

} // namespace HallDesk
