#pragma once

#include <QCoreApplication>
#include <QInputMethodEvent>
#include <QObject>
#include <QString>
#include <QWidget>

namespace HallDesk::Test {

// The descendant of `parent` with this object name; warns when there is none, so a failing test says which.
template <typename T> T* child(QObject* parent, const char* name)
{
    T* found = parent->findChild<T*>(QString::fromLatin1(name));
    if (!found) {
        qWarning("no child %s", name);
    }
    return found;
}

// Chinese arrives through an input method, not as key presses.
inline void commitText(QWidget* widget, const QString& text)
{
    QInputMethodEvent event;
    event.setCommitString(text);
    QCoreApplication::sendEvent(widget, &event);
}

} // namespace HallDesk::Test
