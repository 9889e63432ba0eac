#pragma once

namespace HallDesk {

class PullContext;
class PulledPage;

// The hall's accounts as the centre sends them (app/sync/PulledTables.cpp has their fields): transformer areas,
// accounts, their contact cards, payer groups and their members.
namespace PulledAccounts {

void applyArea(PullContext& context, const PulledPage& page, int row);
void removeArea(PullContext& context, const PulledPage& page, int row);
void applyAccount(PullContext& context, const PulledPage& page, int row);
void removeAccount(PullContext& context, const PulledPage& page, int row);
void applyContact(PullContext& context, const PulledPage& page, int row);
void removeContact(PullContext& context, const PulledPage& page, int row);
void applyGroup(PullContext& context, const PulledPage& page, int row);
void removeGroup(PullContext& context, const PulledPage& page, int row);
void applyMember(PullContext& context, const PulledPage& page, int row);
void removeMember(PullContext& context, const PulledPage& page, int row);

} // namespace PulledAccounts

} // namespace HallDesk
