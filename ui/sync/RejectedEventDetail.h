#pragma once

#include "app/sync/RejectedEvents.h"

#include <QCoreApplication>
#include <QString>

namespace HallDesk {

// The detail panel's text for one rejected event: the centre's reason, what a supervisor did about it, and the
// original business object in full (the payment with its accounts, tenders and allocation lines; the void with the
// voided payment; the refund; the settlement's lines), then the event's own identity.
class RejectedEventDetail final
{
    Q_DECLARE_TR_FUNCTIONS(RejectedEventDetail)

public:
    static QString html(const RejectedEvent& event);
};

} // namespace HallDesk
