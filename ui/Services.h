#pragma once

namespace HallDesk {

class AccountService;
class AuthService;
class CounterService;
class LookupService;
class RejectedEvents;
class Store;

// What the screens work with. The composition root (app/main.cpp, or a test) builds the services over one store
// and hands them to the UI; the UI never creates services or connections of its own.
struct Services
{
    Store& store;
    AuthService& auth;
    AccountService& accounts;
    LookupService& lookup;
    CounterService& counter;
    RejectedEvents& rejected;
};

} // namespace HallDesk
