#include "app/sync/PullApplier.h"

#include "app/sync/PulledPage.h"
#include "app/sync/PulledTables.h"
#include "db/SqliteDatabase.h"
#include "db/SqliteStatement.h"

#include <QList>
#include <QScopeGuard>

namespace HallDesk {

PullApplier::PullApplier(const QSqlDatabase& db)
    : m_context(db)
{
}

PullApplier::~PullApplier() = default;

void PullApplier::apply(const PulledTable& table, const PulledPage& page, const QByteArray& now)
{
    m_context.setNow(now);
    if (table.beginPage != nullptr) {
        table.beginPage(m_context);
    }
    const auto endPage = qScopeGuard([this, &table] {
        if (table.endPage != nullptr) {
            table.endPage(m_context);
        }
    });
    for (int row = 0; row < page.size();) {
        if (page.isDeletion(row)) {
            m_context.forgetIds();
            table.remove(m_context, page, row);
            ++row;
        } else if (table.applyRun != nullptr) {
            // the run of rows up to the next deletion, in runs of at most runRows
            int count = 0;
            while (row + count < page.size() && count < table.runRows && !page.isDeletion(row + count)) {
                ++count;
            }
            table.applyRun(m_context, page, row, count);
            row += count;
        } else {
            table.apply(m_context, page, row);
            ++row;
        }
    }
}

void PullApplier::beginFirstFill(const QByteArray& now)
{
    const std::string_view since(now.constData(), std::size_t(now.size()));
    SqliteDatabase& db = m_context.database();
    SqliteTransaction transaction(db);
    SqliteStatement search(db, "INSERT OR IGNORE INTO fill_deferred (name, sql, since) VALUES ('search', '', ?)");
    search.text(1, since);
    search.run();
    // the indexes made by CREATE INDEX (not those of UNIQUE constraints, which the pull looks rows up by)
    SqliteStatement setAside(db,
                             "INSERT OR IGNORE INTO fill_deferred (name, sql, since) SELECT name, sql, ? FROM "
                             "sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN "
                             "('accounts', 'contacts')");
    setAside.text(1, since);
    setAside.run();
    QList<QByteArray> drops;
    {
        SqliteStatement names(db,
                              "SELECT name FROM fill_deferred WHERE name <> 'search' AND name IN (SELECT name "
                              "FROM sqlite_master WHERE type = 'index')");
        while (names.next()) {
            drops << QByteArray("DROP INDEX \"") + pulledBytes(names.columnText(0)) + '"';
        }
    }
    for (const QByteArray& drop : std::as_const(drops)) {
        db.exec(drop);
    }
    transaction.commit();
}

void PullApplier::finishFirstFill()
{
    SqliteDatabase& db = m_context.database();
    QList<QByteArray> indexes;
    bool search = false;
    {
        SqliteStatement deferred(db, "SELECT name, sql FROM fill_deferred ORDER BY name");
        while (deferred.next()) {
            if (deferred.columnText(0) == "search") {
                search = true;
            } else {
                indexes << pulledBytes(deferred.columnText(1));
            }
        }
    }
    if (!search && indexes.isEmpty()) {
        return;
    }
    QList<QByteArray> steps;
    if (search) {
        // What the search triggers do row by row, for every account at once: FTS5 reads its content table again
        // (with a larger buffer: fewer segments to merge), and the grams go in in key order, their second index
        // (set aside with the others) made afterwards by sorting.
        steps << "INSERT INTO account_search (account_search, rank) VALUES ('hashsize', 67108864)"
              << "INSERT INTO account_search (account_search) VALUES ('rebuild')"
              << "INSERT INTO account_search (account_search, rank) VALUES ('hashsize', 1048576)"
              << "DROP INDEX IF EXISTS name_grams_account"
              << "DELETE FROM name_grams"
              << "INSERT OR IGNORE INTO name_grams (gram, account_id) SELECT substr(a.name, s.start, s.len), a.id "
                 "FROM accounts a JOIN name_gram_slices s ON s.start + s.len - 1 <= length(a.name) ORDER BY 1, 2"
              << "CREATE INDEX name_grams_account ON name_grams (account_id)";
    }
    for (const QByteArray& sql : std::as_const(indexes)) {
        steps << sql;
    }
    steps << "DELETE FROM fill_deferred";
    // sorting a million keys in memory rather than in temporary files: a larger page cache for these steps only
    SqliteStatement cacheSize(db, "PRAGMA cache_size");
    const qint64 cache = cacheSize.next() ? cacheSize.columnInteger(0) : -2000;
    cacheSize.reset();
    db.exec("PRAGMA cache_size = -262144");
    const auto restoreCache
        = qScopeGuard([&db, cache] { db.execQuietly("PRAGMA cache_size = " + QByteArray::number(cache)); });
    SqliteTransaction transaction(db);
    for (const QByteArray& sql : std::as_const(steps)) {
        db.exec(sql);
    }
    transaction.commit();
}

} // namespace HallDesk
