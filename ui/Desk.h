#pragma once

#include "app/auth/Operator.h"
#include "ui/MainWindow.h"
#include "ui/Services.h"

#include <QObject>
#include <QPointer>
#include <memory>

namespace HallDesk {

class SignInDialog;
class SyncRunner;

// The counter desk over one store: asks an operator to sign in, opens their main window, and goes back to the
// sign-in when they sign out, with a fresh window for the next operator so nothing of the last customer stays on
// screen. It owns background sync, which runs from the first sign-in dialog to the end of the desk: also while the
// sign-in dialog or a lock screen shows, so what the last operator took goes on to the centre.
class Desk final : public QObject
{
    Q_OBJECT

public:
    // Where the first window opens (from the command line): a screen, an account (on the counter when that is the
    // screen, else in the account view), a query for the lookup.
    struct Start
    {
        QString screen; // a registry id (ui/Screens.cpp); empty: the operator's home screen
        QString accountNo;
        QString query;
    };

    Desk(const Services& services, const Workplace& workplace, QObject* parent = nullptr);
    ~Desk() override;
    Q_DISABLE_COPY_MOVE(Desk)

    void setStart(const Start& start) { m_start = start; }
    // The central server for background sync (--server); empty: the store's sync.server_url. Before the first
    // sign-in; later, sync starts over with it.
    void setSyncServer(const QString& url);
    // Background sync, started with the first sign-in dialog or window.
    SyncRunner* syncRunner();

    // Shows the sign-in dialog (without blocking), with `operatorCode` filled in when given.
    void showSignIn(const QString& operatorCode = {});
    // Opens the main window for an operator who has signed in; an administrator is told, once a day, when the store
    // is not on an encrypted volume.
    MainWindow* openWindow(const Operator& op);

    SignInDialog* signInDialog() const;
    MainWindow* mainWindow() const;

Q_SIGNALS:
    void signInShown(HallDesk::SignInDialog* dialog);
    void windowShown(HallDesk::MainWindow* window);
    // The sign-in was cancelled: nobody is working at this desk.
    void cancelled();

private:
    void signOut();
    void warnAboutTheVolume();

    Services m_services;
    Workplace m_workplace;
    Start m_start;
    QString m_syncServer;
    std::unique_ptr<SyncRunner> m_sync;
    QPointer<SignInDialog> m_signIn;
    QPointer<MainWindow> m_window;
};

} // namespace HallDesk
