#pragma once

#include "app/accounts/Account.h"
#include "ui/common/Theme.h"

#include <QCoreApplication>
#include <QString>

namespace HallDesk {

// How the codes stored with accounts and bills read on screen, and the badge colour that goes with them.
class AccountText final
{
    Q_DECLARE_TR_FUNCTIONS(AccountText)

public:
    static QString statusName(const QString& status); // normal, disconnected, closed
    static Theme::Tone statusTone(const QString& status);
    static QString riskName(const QString& riskLevel); // low, medium, high
    static Theme::Tone riskTone(const QString& riskLevel);
    static QString billStatusName(const BillLine& bill); // open, partial, paid (with the day it was paid)
};

} // namespace HallDesk
