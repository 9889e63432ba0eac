#pragma once

#include "db/Central.h"

#include <QtGlobal>
#include <string_view>
#include <vector>

namespace HallDesk {

struct PulledTable;

// One page of sync.pull_rows (db/central/0003_pull_rows.sql): the header rows read, each field of the table
// found among the page's columns once, the data rows put in row_version order.
class PulledPage final
{
public:
    // Throws StoreError when the page does not have the shape sync.pull_rows gives.
    PulledPage(CentralRows rows, const PulledTable& table);

    bool more() const { return m_more; }
    qint64 watermark() const { return m_watermark; }
    qint64 fence() const { return m_fence; }
    int size() const { return int(m_order.size()); }

    // The i-th data row in row_version order; `field` is the position in the table's field list.
    bool isDeletion(int i) const;
    bool isNull(int i, int field) const;
    std::string_view text(int i, int field) const; // empty for NULL or a field the centre did not send
    qint64 integer(int i, int field) const; // 0 for NULL; StoreError when not a whole number

private:
    int column(int i, int field, int* row) const;

    CentralRows m_rows;
    std::vector<int> m_columns; // field -> result column, -1 when absent
    std::vector<int> m_order; // data rows (result row numbers) in row_version order
    std::vector<bool> m_deletion;
    bool m_more = false;
    qint64 m_watermark = 0;
    qint64 m_fence = 0;
};

} // namespace HallDesk
