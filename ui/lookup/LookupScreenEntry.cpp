// The lookup in the screen registry (ui/Screens.cpp): every operator's home screen, F2.
#include "ui/MainWindow.h"
#include "ui/ScreenRegistry.h"
#include "ui/common/Icons.h"
#include "ui/lookup/LookupScreen.h"

namespace HallDesk {

ScreenEntry lookupScreenEntry()
{
    ScreenEntry entry;
    entry.id = QStringLiteral("lookup");
    entry.title = QT_TRANSLATE_NOOP("HallDesk::Screens", "Lookup");
    entry.toolTip = QT_TRANSLATE_NOOP("HallDesk::Screens", "Find a customer (F2)");
    entry.icon = &Icons::lookup;
    entry.shortcut = QKeySequence(Qt::Key_F2);
    entry.commandLineName = QStringLiteral("lookup");
    entry.make = [](const ScreenContext& context) {
        auto* screen = new LookupScreen(context.services.store, context.services.lookup);
        MainWindow* window = &context.window;
        QObject::connect(screen, &LookupScreen::openAccount, window, [window](const QString& accountNo) {
            window->openScreen(QStringLiteral("account"), accountNo);
        });
        return screen;
    };
    entry.activate = [](QWidget* screen) { static_cast<LookupScreen*>(screen)->activate(); };
    entry.currentAccountNo
        = [](const QWidget* screen) { return static_cast<const LookupScreen*>(screen)->currentAccountNo(); };
    entry.isBusy = [](const QWidget* screen) { return static_cast<const LookupScreen*>(screen)->isBusy(); };
    entry.showProblem
        = [](QWidget* screen, const QString& message) { static_cast<LookupScreen*>(screen)->showProblem(message); };
    return entry;
}

} // namespace HallDesk
