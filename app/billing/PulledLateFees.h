#pragma once

namespace HallDesk {

class PullContext;
class PulledPage;

// The late-fee policies and their rates the centre sends (app/sync/PulledTables.cpp has their fields).
namespace PulledLateFees {

void applyPolicy(PullContext& context, const PulledPage& page, int row);
void removePolicy(PullContext& context, const PulledPage& page, int row);
void applyRate(PullContext& context, const PulledPage& page, int row);
void removeRate(PullContext& context, const PulledPage& page, int row);

} // namespace PulledLateFees

} // namespace HallDesk
