// The payment counter in the screen registry (ui/Screens.cpp): F4, for the roles that take money (the counter
// service refuses money from any other).
#include "ui/MainWindow.h"
#include "ui/ScreenRegistry.h"
#include "ui/common/Icons.h"
#include "ui/counter/CounterScreen.h"

namespace HallDesk {

ScreenEntry counterScreenEntry()
{
    ScreenEntry entry;
    entry.id = QStringLiteral("counter");
    entry.title = QT_TRANSLATE_NOOP("HallDesk::Screens", "Counter");
    entry.toolTip = QT_TRANSLATE_NOOP("HallDesk::Screens", "Take payments (F4)");
    entry.icon = &Icons::counter;
    entry.shortcut = QKeySequence(Qt::Key_F4);
    entry.roles = {Role::Clerk};
    entry.commandLineName = QStringLiteral("counter");
    entry.make = [](const ScreenContext& context) {
        auto* screen = new CounterScreen(context.services, context.session);
        MainWindow* window = &context.window;
        QObject::connect(screen, &CounterScreen::receiptsToPrint, window, &MainWindow::printReceipts);
        QObject::connect(screen, &CounterScreen::settlementToPrint, window, &MainWindow::printSettlement);
        return screen;
    };
    entry.activate = [](QWidget* screen) { static_cast<CounterScreen*>(screen)->activate(); };
    // An account that cannot be loaded leaves the counter empty with the message on it.
    entry.openAccount = [](QWidget* screen, const QString& accountNo, QString*) {
        return static_cast<CounterScreen*>(screen)->loadAccounts({accountNo});
    };
    return entry;
}

} // namespace HallDesk
