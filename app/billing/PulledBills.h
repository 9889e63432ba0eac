#pragma once

namespace HallDesk {

class PullContext;
class PulledPage;

// The bills the centre sends (app/sync/PulledTables.cpp has their fields): upserted by (account, period), many
// to a statement, with a change made elsewhere to a bill this store took money for written down on its own.
namespace PulledBills {

// Bills come by the hundred thousand in a first fill: they are written up to this many rows per statement, which
// costs half as much per row as one statement each (measured).
constexpr int kRowsPerStatement = 16;

void applyRun(PullContext& context, const PulledPage& page, int first, int count);
void remove(PullContext& context, const PulledPage& page, int row);
void beginPage(PullContext& context);
void endPage(PullContext& context);

} // namespace PulledBills

} // namespace HallDesk
