#pragma once

#include "app/auth/Operator.h"
#include "ui/Services.h"

#include <QIcon>
#include <QKeySequence>
#include <QList>
#include <QString>
#include <functional>

class QWidget;

namespace HallDesk {

class MainWindow;

// What a screen's factory gets: the services, the signed-in operator, and the window the screen lives in (to open
// another screen, to print, to ask for a sync round).
struct ScreenContext
{
    const Services& services;
    const Session& session;
    MainWindow& window;
};

// One screen of the main window. The registry (ui/Screens.cpp) lists them in navigation order; MainWindow builds
// the navigation bar, the Go menu and the shortcuts from it, and makes only the screens the operator's roles may
// open. `halldesk --screen NAME` resolves through it too.
struct ScreenEntry
{
    QString id; // stable: the window, the desk and the tests name a screen by it
    const char* title = nullptr; // QT_TRANSLATE_NOOP("HallDesk::Screens", …): navigation and menu
    const char* iconText = nullptr; // a shorter label under the icon; null: the title
    const char* toolTip = nullptr; // QT_TRANSLATE_NOOP as the title
    QIcon (*icon)(const QColor& colour) = nullptr;
    QKeySequence shortcut;
    QList<Role> roles; // who may open it (any one of them); empty: every operator
    QString commandLineName; // `--screen NAME`; empty: not from the command line
    std::function<QWidget*(const ScreenContext& context)> make;

    // Optional: where the cursor goes when the screen is shown (default: the screen takes the focus).
    std::function<void(QWidget* screen)> activate;
    // Optional: shows an account on the screen; false with the reason when it cannot.
    std::function<bool(QWidget* screen, const QString& accountNo, QString* error)> openAccount;
    // Optional: the account on the screen now, for "Pay this account".
    std::function<QString(const QWidget* screen)> currentAccountNo;
    // Optional: work under way that the screen will show when done (a search).
    std::function<bool(const QWidget* screen)> isBusy;
    // Optional: a problem said on the screen (the home screen: why an account could not be opened).
    std::function<void(QWidget* screen, const QString& message)> showProblem;

    bool mayOpen(const Operator& op) const;
    QString translatedTitle() const;
    QString translatedIconText() const;
    QString translatedToolTip() const;
};

// Every screen, in navigation order. The first one an operator may open is their home screen.
const QList<ScreenEntry>& screenRegistry();
const ScreenEntry* findScreen(const QString& id);
const ScreenEntry* findScreenByCommandLineName(const QString& name);
// The `--screen` names, in registry order.
QStringList screenCommandLineNames();

} // namespace HallDesk
