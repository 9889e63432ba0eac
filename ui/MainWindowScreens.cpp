// Named screens that the composition root, the print menu and the tests reach; a new screen needs nothing here.
#include "ui/MainWindow.h"
#include "ui/accounts/AccountView.h"
#include "ui/counter/CounterScreen.h"
#include "ui/lookup/LookupScreen.h"
#include "ui/sync/RejectedEventsScreen.h"

#include <QAction>

namespace HallDesk {

bool MainWindow::openAccount(const QString& accountNo)
{
    return openScreen(QStringLiteral("account"), accountNo);
}

bool MainWindow::openCounter(const QString& accountNo)
{
    return openScreen(QStringLiteral("counter"), accountNo);
}

LookupScreen* MainWindow::lookupScreen() const
{
    return qobject_cast<LookupScreen*>(screenWidget(QStringLiteral("lookup")));
}

AccountView* MainWindow::accountView() const
{
    return qobject_cast<AccountView*>(screenWidget(QStringLiteral("account")));
}

CounterScreen* MainWindow::counterScreen() const
{
    return qobject_cast<CounterScreen*>(screenWidget(QStringLiteral("counter")));
}

RejectedEventsScreen* MainWindow::rejectedScreen() const
{
    return qobject_cast<RejectedEventsScreen*>(screenWidget(QStringLiteral("rejected")));
}

QAction* MainWindow::rejectedAction() const
{
    return screenAction(QStringLiteral("rejected"));
}

} // namespace HallDesk
