#include "ui/ScreenRegistry.h"

#include <QCoreApplication>

namespace HallDesk {

bool ScreenEntry::mayOpen(const Operator& op) const
{
    if (roles.isEmpty()) {
        return true;
    }
    for (const Role role : roles) {
        if (op.hasRole(role)) {
            return true;
        }
    }
    return false;
}

QString ScreenEntry::translatedTitle() const
{
    return QCoreApplication::translate("HallDesk::Screens", title);
}

QString ScreenEntry::translatedIconText() const
{
    return iconText ? QCoreApplication::translate("HallDesk::Screens", iconText) : translatedTitle();
}

QString ScreenEntry::translatedToolTip() const
{
    return toolTip ? QCoreApplication::translate("HallDesk::Screens", toolTip) : translatedTitle();
}

const ScreenEntry* findScreen(const QString& id)
{
    for (const ScreenEntry& entry : screenRegistry()) {
        if (entry.id == id) {
            return &entry;
        }
    }
    return nullptr;
}

const ScreenEntry* findScreenByCommandLineName(const QString& name)
{
    if (name.isEmpty()) {
        return nullptr;
    }
    for (const ScreenEntry& entry : screenRegistry()) {
        if (entry.commandLineName == name) {
            return &entry;
        }
    }
    return nullptr;
}

QStringList screenCommandLineNames()
{
    QStringList names;
    for (const ScreenEntry& entry : screenRegistry()) {
        if (!entry.commandLineName.isEmpty()) {
            names << entry.commandLineName;
        }
    }
    return names;
}

} // namespace HallDesk
