#pragma once

#include "app/counter/CounterCheck.h"

namespace HallDesk {

// The part of `halldeskctl check` that recomputes late fees from their history (docs/counter.md): every bill line's
// fee from its spans, rates and the bill's state before it, and every bill's fee state (fee_through, the fee
// carried, the fee counted) from its last movement. CounterService::check() calls it inside its snapshot.
class CounterFeeCheck final
{
    Q_DECLARE_TR_FUNCTIONS(CounterFeeCheck)

public:
    static void billFeeState(const QSqlDatabase& db, const CounterAuditCheck::Problem& problem);
};

} // namespace HallDesk
