// The registry of the main window's screens, in navigation order. A screen is made in its own folder
// (ui/<capability>/…ScreenEntry.cpp: its id, title, icon, shortcut, roles, --screen name and factory) and listed
// here once; MainWindow needs no edit for it.
#include "ui/ScreenRegistry.h"

namespace HallDesk {

ScreenEntry lookupScreenEntry();
ScreenEntry accountScreenEntry();
ScreenEntry counterScreenEntry();
ScreenEntry rejectedEventsScreenEntry();

const QList<ScreenEntry>& screenRegistry()
{
    static const QList<ScreenEntry> screens{
        lookupScreenEntry(),
        accountScreenEntry(),
        counterScreenEntry(),
        rejectedEventsScreenEntry(),
    };
    return screens;
}

} // namespace HallDesk
