#include "ui/lookup/LookupModel.h"

namespace HallDesk {

LookupModel::LookupModel(Store& store, LookupService& lookup, QObject* parent)
    : AccountSummaryModel(parent)
    , m_worker(store, lookup)
{
    connect(&m_worker, &LookupWorker::pageReady, this, &LookupModel::onPage);
}

void LookupModel::setQuery(const QString& text)
{
    const QString query = text.trimmed();
    if (query == m_query && (m_searching || m_error.isEmpty())) {
        return;
    }
    ++m_generation; // answers to earlier queries are discarded when they arrive
    m_query = query;
    m_error.clear();
    m_fetching = false;
    if (query.isEmpty()) {
        m_searching = false;
        m_complete = true;
        setAccounts({});
        Q_EMIT resultsChanged();
        return;
    }
    m_searching = true;
    m_complete = false;
    m_worker.request(m_generation, query, 0, kPageSize);
    Q_EMIT resultsChanged();
}

bool LookupModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_complete && !m_searching && !m_fetching && !m_query.isEmpty();
}

void LookupModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    m_fetching = true;
    m_worker.request(m_generation, m_query, rowCount(), kPageSize);
}

void LookupModel::onPage(quint64 generation, int offset, const QList<AccountSummary>& rows, const QString& error)
{
    if (generation != m_generation) {
        return;
    }
    const bool firstPage = offset == 0;
    m_fetching = false;
    m_searching = false;
    m_error = error;
    m_complete = !error.isEmpty() || rows.size() < kPageSize;
    if (firstPage) {
        setAccounts(rows);
    } else if (offset == rowCount()) {
        appendAccounts(rows);
    }
    if (firstPage) {
        Q_EMIT searchFinished();
    }
    Q_EMIT resultsChanged();
}

} // namespace HallDesk
