#pragma once

#include "app/accounts/AccountService.h"
#include "app/auth/AuthService.h"
#include "app/counter/CounterService.h"
#include "app/lookup/LookupService.h"
#include "app/sync/RejectedEvents.h"
#include "ui/Services.h"

namespace HallDesk {

// The services over one store, made and owned together by the composition root (app/main.cpp, the GUI tests),
// which hands them to the UI as Services.
struct ServiceSet final
{
    // `now`: the hall's clock (tests fix it; the application uses the system clock).
    explicit ServiceSet(Store& on, const HallClock::Source& now = HallClock::system())
        : store(on)
        , auth(on)
        , accounts(on, now)
        , lookup(on)
        , counter(on, now)
        , rejected(on)
    {
    }
    Q_DISABLE_COPY_MOVE(ServiceSet)

    Services view() { return Services{store, auth, accounts, lookup, counter, rejected}; }

    Store& store;
    AuthService auth;
    AccountService accounts;
    LookupService lookup;
    CounterService counter;
    RejectedEvents rejected;
};

} // namespace HallDesk
