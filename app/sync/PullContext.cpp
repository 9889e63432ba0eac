#include "app/sync/PullContext.h"

#include "app/sync/PullApplier.h"
#include "app/sync/PulledPage.h"
#include "db/StoreError.h"

namespace HallDesk {

QByteArray pulledBytes(std::string_view text)
{
    return QByteArray(text.data(), qsizetype(text.size()));
}

QString pulledText(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

PullContext::PullContext(const QSqlDatabase& db)
    : m_db(std::make_unique<SqliteDatabase>(db))
{
}

PullContext::~PullContext() = default;

SqliteStatement& PullContext::statement(const char* sql)
{
    std::unique_ptr<SqliteStatement>& slot = m_statements[sql];
    if (!slot) {
        slot = std::make_unique<SqliteStatement>(*m_db, QByteArray(sql));
    }
    return *slot;
}

qint64 PullContext::cachedId(QHash<QByteArray, qint64>& cache, const char* sql, std::string_view key)
{
    if (key.empty()) {
        return 0;
    }
    const QByteArray code = pulledBytes(key);
    const auto it = cache.constFind(code);
    if (it != cache.constEnd()) {
        return it.value();
    }
    SqliteStatement& query = statement(sql);
    query.text(1, key);
    const qint64 id = query.next() ? query.columnInteger(0) : 0;
    query.reset();
    if (id != 0) {
        cache.insert(code, id);
    }
    return id;
}

qint64 PullContext::hallId(std::string_view code)
{
    return cachedId(m_halls, "SELECT id FROM halls WHERE code = ?", code);
}

qint64 PullContext::areaId(std::string_view code)
{
    return cachedId(m_areas, "SELECT id FROM transformer_areas WHERE code = ?", code);
}

qint64 PullContext::groupId(std::string_view code)
{
    return cachedId(m_groups, "SELECT id FROM payer_groups WHERE code = ?", code);
}

qint64 PullContext::operatorId(std::string_view code)
{
    return cachedId(m_operators, "SELECT id FROM operators WHERE code = ?", code);
}

qint64 PullContext::requiredHall(std::string_view code)
{
    const qint64 id = hallId(code);
    if (id == 0) {
        throw StoreError(
            PullApplier::tr("The centre sent a row of hall %1, which this store does not know.").arg(pulledText(code)));
    }
    return id;
}

qint64 PullContext::accountId(std::string_view accountNo)
{
    if (accountNo == std::string_view(m_lastAccountNo.constData(), std::size_t(m_lastAccountNo.size()))
        && m_lastAccountId != 0) {
        return m_lastAccountId;
    }
    SqliteStatement& query = statement("SELECT id FROM accounts WHERE account_no = ?");
    query.text(1, accountNo);
    const qint64 id = query.next() ? query.columnInteger(0) : 0;
    query.reset();
    rememberAccount(accountNo, id);
    return id;
}

qint64 PullContext::requiredAccount(std::string_view accountNo)
{
    const qint64 id = accountId(accountNo);
    if (id == 0) {
        throw StoreError(PullApplier::tr("The centre sent a row of account %1, which this store does not have.")
                             .arg(pulledText(accountNo)));
    }
    return id;
}

void PullContext::rememberAccount(std::string_view accountNo, qint64 id)
{
    m_lastAccountNo = pulledBytes(accountNo);
    m_lastAccountId = id;
}

void PullContext::forgetOperator(std::string_view code)
{
    m_operators.remove(pulledBytes(code));
}

void PullContext::forgetIds()
{
    m_halls.clear();
    m_areas.clear();
    m_groups.clear();
    m_operators.clear();
    m_lastAccountId = 0;
}

void PullContext::deleteIfUnreferenced(const char* sql, const std::function<void(SqliteStatement&)>& bind)
{
    SqliteStatement& remove = statement(sql);
    bind(remove);
    try {
        remove.run();
    } catch (const StoreError&) {
        // a foreign key holds the row: it stays, and its history with it
    }
}

void PullContext::bindId(SqliteStatement& statement, int index, qint64 id)
{
    if (id == 0) {
        statement.null(index);
    } else {
        statement.integer(index, id);
    }
}

void PullContext::bindOptional(SqliteStatement& statement, int index, const PulledPage& page, int row, int field)
{
    if (page.isNull(row, field)) {
        statement.null(index);
    } else {
        statement.text(index, page.text(row, field));
    }
}

} // namespace HallDesk
