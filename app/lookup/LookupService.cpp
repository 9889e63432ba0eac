#include "app/lookup/LookupService.h"

#include "app/lookup/BillBarcode.h"
#include "app/lookup/QueryText.h"
#include "app/lookup/SearchPlan.h"
#include "db/Sql.h"
#include "db/Store.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

namespace HallDesk {

namespace {

constexpr int kShortTextMaxCharacters = 2; // up to here name grams; from three characters on, trigram full text

// One read snapshot for all the statements of a search, so that a payment committed between two of them cannot
// make a page inconsistent. A savepoint also works when the caller is already inside a transaction.
class ReadSnapshot final
{
public:
    explicit ReadSnapshot(const QSqlDatabase& db)
        : m_db(db)
    {
        Sql::exec(m_db, QStringLiteral("SAVEPOINT lookup"));
    }
    ~ReadSnapshot()
    {
        QSqlQuery release(m_db);
        release.exec(QStringLiteral("RELEASE lookup"));
    }
    Q_DISABLE_COPY_MOVE(ReadSnapshot)

private:
    QSqlDatabase m_db;
};

// Account ids of the first `wanted` matches, in the plan's order, each once.
QList<qint64> matchingIds(const QSqlDatabase& db, const QList<SearchPlan::Step>& steps, qint64 wanted)
{
    QList<qint64> ids;
    QSet<qint64> seen;
    for (const SearchPlan::Step& step : steps) {
        if (ids.size() >= wanted) {
            break;
        }
        // A step's first `wanted` rows hold at most ids.size() ids seen before, so they are enough to fill the
        // list, and a step that returns fewer is exhausted: the merge never needs a step's later rows.
        QVariantList values = step.values;
        values.append(wanted);
        QSqlQuery rows = Sql::exec(db, step.sql, values);
        while (ids.size() < wanted && rows.next()) {
            const qint64 id = rows.value(0).toLongLong();
            if (!seen.contains(id)) {
                seen.insert(id);
                ids.append(id);
            }
        }
    }
    return ids;
}

QString summarySql(qsizetype count)
{
    QString placeholders = QStringLiteral("?");
    for (qsizetype i = 1; i < count; ++i) {
        placeholders += QStringLiteral(", ?");
    }
    // Arrears: outstanding principal of the open and partly paid bills, through the UNIQUE (account_id, period)
    // index, named so that a tiny or freshly analysed table is not scanned instead.
    return QStringLiteral(
               "SELECT id, account_no, name, address, customer_class, status, "
               "(SELECT coalesce(sum(amount_fen - paid_fen), 0) FROM bills INDEXED BY sqlite_autoindex_bills_1 "
               "WHERE bills.account_id = accounts.id AND bills.status IN ('open', 'partial')) "
               "FROM accounts WHERE id IN (")
        + placeholders + u')';
}

QList<AccountSummary> summaries(const QSqlDatabase& db, const QList<qint64>& ids)
{
    if (ids.isEmpty()) {
        return {};
    }
    QVariantList values;
    values.reserve(ids.size());
    for (const qint64 id : ids) {
        values.append(id);
    }
    QHash<qint64, AccountSummary> byId;
    QSqlQuery rows = Sql::exec(db, summarySql(ids.size()), values);
    while (rows.next()) {
        AccountSummary summary;
        summary.id = rows.value(0).toLongLong();
        summary.accountNo = rows.value(1).toString();
        summary.name = rows.value(2).toString();
        summary.address = rows.value(3).toString();
        summary.customerClass = customerClassFromCode(rows.value(4).toString()).value_or(CustomerClass::Residential);
        summary.status = rows.value(5).toString();
        summary.arrears = Money::fromFen(rows.value(6).toLongLong());
        byId.insert(summary.id, summary);
    }
    QList<AccountSummary> page;
    page.reserve(ids.size());
    for (const qint64 id : ids) {
        const auto found = byId.constFind(id);
        if (found != byId.constEnd()) {
            page.append(*found);
        }
    }
    return page;
}

QStringList planOf(const QSqlDatabase& db, const QString& name, const QString& sql, const QVariantList& values)
{
    QStringList lines;
    QSqlQuery plan = Sql::exec(db, QStringLiteral("EXPLAIN QUERY PLAN ") + sql, values);
    while (plan.next()) {
        lines.append(name + QStringLiteral(": ") + plan.value(3).toString());
    }
    return lines;
}

} // namespace

LookupService::LookupService(Store& store)
    : m_store(store)
{
}

LookupQuery LookupService::classify(QStringView input)
{
    LookupQuery query;
    query.text = QueryText::normalise(input);
    if (query.text.isEmpty()) {
        query.kind = LookupQuery::Kind::Empty;
    } else if (QueryText::isDigits(query.text)) {
        if (BillBarcode::hasShape(query.text)) {
            query.kind = LookupQuery::Kind::Barcode;
            query.barcodeCheckFailed = !BillBarcode::checkDigitsAgree(query.text);
        } else {
            query.kind = LookupQuery::Kind::Digits;
        }
    } else if (!query.text.contains(u' ') && QueryText::characterCount(query.text) <= kShortTextMaxCharacters) {
        query.kind = LookupQuery::Kind::ShortText;
    } else {
        query.kind = LookupQuery::Kind::Text;
    }
    return query;
}

QString LookupService::hint(const LookupQuery& query)
{
    if (query.kind == LookupQuery::Kind::Barcode && query.barcodeCheckFailed) {
        return tr("This looks like a bill barcode, but its check digits are wrong. Scan it again or type the "
                  "account number.");
    }
    return {};
}

QList<AccountSummary> LookupService::search(const QString& input, int offset, int limit) const
{
    if (offset < 0 || limit <= 0) {
        return {};
    }
    const LookupQuery query = classify(input);
    if (query.kind == LookupQuery::Kind::Empty) {
        return {};
    }
    QSqlDatabase db = m_store.connection();
    const ReadSnapshot snapshot(db);
    const QList<SearchPlan::Step> steps = SearchPlan::forQuery(query, db);
    const QList<qint64> ids = matchingIds(db, steps, qint64(offset) + limit);
    return summaries(db, ids.mid(offset));
}

QStringList LookupService::explain(const QString& input) const
{
    const LookupQuery query = classify(input);
    if (query.kind == LookupQuery::Kind::Empty) {
        return {};
    }
    QSqlDatabase db = m_store.connection();
    const QList<SearchPlan::Step> steps = SearchPlan::forQuery(query, db);
    if (steps.isEmpty()) {
        return {};
    }
    QStringList lines;
    for (const SearchPlan::Step& step : steps) {
        QVariantList values = step.values;
        values.append(1);
        lines += planOf(db, step.name, step.sql, values);
    }
    lines += planOf(db, QStringLiteral("page"), summarySql(2), {qint64(1), qint64(2)});
    return lines;
}

std::optional<QString> LookupService::accountFromBarcode(QStringView barcode)
{
    const QString digits = QueryText::normalise(barcode);
    if (!BillBarcode::checkDigitsAgree(digits)) {
        return std::nullopt;
    }
    return digits.left(BillBarcode::kAccountDigits);
}

QString LookupService::billBarcode(const QString& accountNo, const QString& period)
{
    return BillBarcode::make(accountNo, period);
}

} // namespace HallDesk
