#include "app/sync/PulledPage.h"

#include "app/sync/PullApplier.h"
#include "app/sync/PulledTables.h"
#include "db/StoreError.h"

#include <algorithm>
#include <charconv>

namespace HallDesk {

namespace {

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// The two header rows of a page and the first data row (db/central/0003_pull_rows.sql).
constexpr int kHeaderRows = 2;
constexpr int kKindColumn = 0;
constexpr int kVersionColumn = 1;
constexpr int kFirstValueColumn = 2;

qint64 parseInteger(std::string_view text, bool* ok)
{
    qint64 value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    *ok = error == std::errc() && end == text.data() + text.size() && !text.empty();
    return value;
}

} // namespace

PulledPage::PulledPage(CentralRows rows, const PulledTable& table)
    : m_rows(std::move(rows))
{
    const auto malformed = [&table] {
        return StoreError(
            PullApplier::tr("The centre sent a page of %1 that this HallDesk cannot read.").arg(table.name));
    };
    if (m_rows.columns() < kFirstValueColumn || m_rows.rows() < kHeaderRows) {
        throw malformed();
    }
    const std::string_view kind = m_rows.text(0, kKindColumn);
    if ((kind != "more" && kind != "last") || m_rows.text(1, kKindColumn) != "fence") {
        throw malformed();
    }
    bool watermarkOk = false;
    bool fenceOk = false;
    m_more = kind == "more";
    m_watermark = parseInteger(m_rows.text(0, kVersionColumn), &watermarkOk);
    m_fence = parseInteger(m_rows.text(1, kVersionColumn), &fenceOk);
    if (!watermarkOk || !fenceOk) {
        throw malformed();
    }
    for (const QByteArray& field : table.fields) {
        int found = -1;
        for (int column = kFirstValueColumn; column < m_rows.columns(); ++column) {
            if (!m_rows.isNull(0, column) && m_rows.text(0, column) == std::string_view(field.constData())) {
                found = column;
                break;
            }
        }
        m_columns.push_back(found);
    }
    std::vector<qint64> versions(std::size_t(m_rows.rows()), 0);
    for (int row = kHeaderRows; row < m_rows.rows(); ++row) {
        bool ok = false;
        versions[std::size_t(row)] = parseInteger(m_rows.text(row, kVersionColumn), &ok);
        const std::string_view rowKind = m_rows.text(row, kKindColumn);
        if (!ok || (rowKind != "row" && rowKind != "delete")) {
            throw malformed();
        }
        m_order.push_back(row);
    }
    // a row deleted and made again must end as the centre has it: apply in row_version order
    std::stable_sort(m_order.begin(), m_order.end(),
                     [&versions](int a, int b) { return versions[std::size_t(a)] < versions[std::size_t(b)]; });
    m_deletion.reserve(m_order.size());
    for (int row : m_order) {
        m_deletion.push_back(m_rows.text(row, kKindColumn) == "delete");
    }
}

bool PulledPage::isDeletion(int i) const
{
    return m_deletion[std::size_t(i)];
}

int PulledPage::column(int i, int field, int* row) const
{
    *row = m_order[std::size_t(i)];
    return m_columns[std::size_t(field)];
}

bool PulledPage::isNull(int i, int field) const
{
    int row = 0;
    const int col = column(i, field, &row);
    return col < 0 || m_rows.isNull(row, col);
}

std::string_view PulledPage::text(int i, int field) const
{
    int row = 0;
    const int col = column(i, field, &row);
    return col < 0 ? std::string_view() : m_rows.text(row, col);
}

qint64 PulledPage::integer(int i, int field) const
{
    if (isNull(i, field)) {
        return 0;
    }
    bool ok = false;
    const qint64 value = parseInteger(text(i, field), &ok);
    if (!ok) {
        throw StoreError(
            PullApplier::tr("The centre sent \"%1\" where a whole number belongs.").arg(qs(text(i, field))));
    }
    return value;
}

} // namespace HallDesk
