// The rejected events in the screen registry (ui/Screens.cpp): supervisors and administrators, Ctrl+F5.
#include "ui/MainWindow.h"
#include "ui/ScreenRegistry.h"
#include "ui/common/Icons.h"
#include "ui/sync/RejectedEventsScreen.h"
#include "ui/sync/SyncStatusLabel.h"

namespace HallDesk {

ScreenEntry rejectedEventsScreenEntry()
{
    ScreenEntry entry;
    entry.id = QStringLiteral("rejected");
    entry.title = QT_TRANSLATE_NOOP("HallDesk::Screens", "Rejected events");
    entry.iconText = QT_TRANSLATE_NOOP("HallDesk::Screens", "Rejected");
    entry.toolTip
        = QT_TRANSLATE_NOOP("HallDesk::Screens", "Events the central server rejected, for a supervisor (Ctrl+F5)");
    entry.icon = &Icons::rejected;
    // F5 to F12 belong to the counter's tenders and actions (screen shortcuts there): a window-wide F5 would make
    // them ambiguous, so this screen takes Ctrl+F5.
    entry.shortcut = QKeySequence(Qt::CTRL | Qt::Key_F5);
    // Who sees the events the centre rejected, and acts on them (an administrator with a supervisor's approval).
    entry.roles = {Role::Supervisor, Role::Admin};
    entry.commandLineName = QStringLiteral("rejected");
    entry.make = [](const ScreenContext& context) {
        auto* screen = new RejectedEventsScreen(context.services, context.session);
        MainWindow* window = &context.window;
        SyncStatusLabel* label = window->syncLabel();
        label->setReviewer(true);
        QObject::connect(screen, &RejectedEventsScreen::openCountChanged, label, &SyncStatusLabel::setOpenRejected);
        QObject::connect(screen, &RejectedEventsScreen::eventsQueued, window, &MainWindow::syncNow);
        QObject::connect(window, &MainWindow::syncRoundFinished, screen, &RejectedEventsScreen::syncRoundFinished);
        return screen;
    };
    entry.activate = [](QWidget* screen) { static_cast<RejectedEventsScreen*>(screen)->activate(); };
    return entry;
}

} // namespace HallDesk
