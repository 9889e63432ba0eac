#pragma once

#include "app/accounts/Account.h"
#include "app/auth/Operator.h"
#include "app/clock/HallClock.h"

#include <QCoreApplication>
#include <QDate>
#include <optional>

namespace HallDesk {

class Store;

// Reads an account's whole picture and makes the counter's small changes to it (contact data), each audited.
class AccountService final
{
    Q_DECLARE_TR_FUNCTIONS(AccountService)

public:
    explicit AccountService(Store& store, HallClock::Source now = HallClock::system());

    // The account with its open bills and their late fees as of `on`; nullopt for an unknown 户号.
    std::optional<AccountDetail> load(const QString& accountNo, QDate on);

    // Replaces the account's contact card in one step; validates (mobile: 11 digits starting with 1, e-mail shape)
    // and throws StoreError with a message for the person on bad input. Audited with the old and new values.
    void updateContact(const QString& accountNo, const ContactCard& card, const Session& session);

    // Records that `session` looked at the unmasked phone / ID number of the account.
    void recordReveal(const QString& accountNo, const QString& field, const Session& session);

    // Today's business date in the hall's time zone (settings "hall.timezone").
    QDate businessDate();

private:
    Store& m_store;
    HallClock m_clock;
};

} // namespace HallDesk
