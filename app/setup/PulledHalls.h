#pragma once

namespace HallDesk {

class PullContext;
class PulledPage;

// The halls and terminals the centre sends (app/sync/PulledTables.cpp has their fields), upserted by code.
namespace PulledHalls {

void applyHall(PullContext& context, const PulledPage& page, int row);
void removeHall(PullContext& context, const PulledPage& page, int row);
void applyTerminal(PullContext& context, const PulledPage& page, int row);
void removeTerminal(PullContext& context, const PulledPage& page, int row);

} // namespace PulledHalls

} // namespace HallDesk
