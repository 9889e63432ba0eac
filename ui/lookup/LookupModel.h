#pragma once

#include "ui/common/AccountSummaryModel.h"
#include "ui/lookup/LookupWorker.h"

namespace HallDesk {

class LookupService;
class Store;

// Search results, loaded a page at a time off the GUI thread. setQuery() starts a search; the rows of the previous
// query stay until the first page of the new one arrives, so the table does not flicker while the person types.
// Further pages load when the view scrolls to the end (canFetchMore/fetchMore).
class LookupModel final : public AccountSummaryModel
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 100;

    LookupModel(Store& store, LookupService& lookup, QObject* parent = nullptr);

    // Starts searching for `text` (trimmed); an empty text clears the results at once.
    void setQuery(const QString& text);
    QString query() const { return m_query; }

    // The first page of the current query has not arrived yet (the rows shown may be an earlier query's).
    bool isSearching() const { return m_searching; }
    // More pages may follow the rows loaded so far.
    bool hasMore() const { return !m_complete; }
    // The last search's failure, for the person; empty when it succeeded.
    QString error() const { return m_error; }

    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    // The first page of the current query is shown (or the search failed, see error()).
    void searchFinished();
    // Rows were added or replaced, or loading stopped.
    void resultsChanged();

private:
    void onPage(quint64 generation, int offset, const QList<AccountSummary>& rows, const QString& error);

    LookupWorker m_worker;
    quint64 m_generation = 0;
    QString m_query;
    QString m_error;
    bool m_searching = false;
    bool m_fetching = false;
    bool m_complete = true;
};

} // namespace HallDesk
