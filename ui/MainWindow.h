#pragma once

#include "app/auth/Operator.h"
#include "ui/Services.h"

#include <QMainWindow>
#include <QTimer>

class QAction;
class QActionGroup;
class QLabel;
class QStackedWidget;
class QToolBar;

namespace HallDesk {

class AccountView;
class LockScreen;
class LookupScreen;

// The signed-in operator's window: the screens in a navigation bar on the left (each with a function key), the
// screen itself in the middle, and the operator, workplace and business date in the status bar. Each later issue
// adds its screens here.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    enum class Screen
    {
        Lookup,
        Account,
    };

    MainWindow(const Services& services, const Session& session, QWidget* parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    void showScreen(Screen screen);
    Screen currentScreen() const;
    // Opens the account view on `accountNo`; an unknown account leaves the lookup with a message and returns false.
    bool openAccount(const QString& accountNo);

    void lock();
    bool isLocked() const;
    // Work is under way that the window will show when done (a search).
    bool isBusy() const;

    const Session& session() const { return m_session; }
    LookupScreen* lookupScreen() const { return m_lookup; }
    AccountView* accountView() const { return m_account; }

    // "screen" names as the command line takes them (lookup, account).
    static std::optional<Screen> screenFromName(const QString& name);

Q_SIGNALS:
    void signOutRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void buildNavigation();
    void buildMenus();
    void buildStatusBar();
    void setLocked(bool locked);
    void refreshBusinessDate();
    void showAbout();
    void restoreWindowGeometry();

    Services m_services;
    Session m_session;

    QStackedWidget* m_stack = nullptr;
    LookupScreen* m_lookup = nullptr;
    AccountView* m_account = nullptr;
    LockScreen* m_lockScreen = nullptr;
    QToolBar* m_navigation = nullptr;
    QLabel* m_businessDate = nullptr;
    QTimer m_dateTimer;

    QActionGroup* m_screens = nullptr;
    QAction* m_lookupAction = nullptr;
    QAction* m_accountAction = nullptr;
    QAction* m_backAction = nullptr;
    QAction* m_lockAction = nullptr;
    QAction* m_signOutAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_quitAction = nullptr;
};

} // namespace HallDesk
