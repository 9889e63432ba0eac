#pragma once

class QTableView;

namespace HallDesk {

// The look every read-only list shares: whole rows selected one at a time, no editing, banded rows without a grid,
// one line per row, no row numbers, columns fitted to their contents with the last one taking the rest.
void setUpListTable(QTableView* table);

} // namespace HallDesk
