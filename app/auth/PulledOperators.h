#pragma once

namespace HallDesk {

class PullContext;
class PulledPage;

// The operators the centre sends (app/sync/PulledTables.cpp has their fields).
namespace PulledOperators {

void apply(PullContext& context, const PulledPage& page, int row);
void remove(PullContext& context, const PulledPage& page, int row);

} // namespace PulledOperators

} // namespace HallDesk
