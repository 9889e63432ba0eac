#pragma once

#include "app/auth/Operator.h"
#include "ui/Services.h"

#include <QMainWindow>
#include <QTimer>
#include <QUuid>
#include <memory>

class QAction;
class QActionGroup;
class QLabel;
class QStackedWidget;
class QToolBar;

namespace HallDesk {

class AccountView;
class CounterScreen;
class LockScreen;
class LookupScreen;
class RejectedEventsScreen;
class SyncRunner;
class SyncStatusLabel;
struct ScreenEntry;

// The signed-in operator's window: the screens in a navigation bar on the left (each with its shortcut), the screen
// itself in the middle, and the operator, workplace, business date and sync state in the status bar. The screens
// come from the registry (ui/Screens.cpp): the window makes those the operator's roles may open, and knows no
// screen by name beyond the conveniences below.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(const Services& services, const Session& session, QWidget* parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    // Shows a screen by its registry id; false when it is not there for this operator, or the window is locked.
    bool showScreen(const QString& id);
    // The first screen this operator may open.
    void showHome();
    QString currentScreen() const;
    QString homeScreen() const;
    // Shows the screen with `accountNo` on it. When the screen cannot show the account and says why, the home screen
    // shows the reason; false either way.
    bool openScreen(const QString& id, const QString& accountNo);
    // The widget and action of a screen made for this operator; null when the roles do not allow it.
    QWidget* screenWidget(const QString& id) const;
    QAction* screenAction(const QString& id) const;

    // Conveniences for the composition root and the tests (MainWindowScreens.cpp).
    bool openAccount(const QString& accountNo);
    bool openCounter(const QString& accountNo);
    LookupScreen* lookupScreen() const;
    AccountView* accountView() const;
    CounterScreen* counterScreen() const; // null for operators who do not take money
    RejectedEventsScreen* rejectedScreen() const; // null for operators who are neither supervisors nor admins
    QAction* rejectedAction() const;

    void lock();
    bool isLocked() const;
    // Work is under way that the window will show when done (a search).
    bool isBusy() const;

    const Session& session() const { return m_session; }

    // The desk's background sync, shown in the status bar and run by Sync now; not owned (the desk keeps it
    // running while nobody is signed in). Null: none.
    void setSyncRunner(SyncRunner* runner);
    // For a window without a desk: runs its own background sync with the server URL (from --server), else the
    // store's sync.server_url; neither: the status bar says sync is off. Ends when the window closes.
    void startSync(const QString& serverOverride = {});
    SyncRunner* syncRunner() const;
    void syncNow();
    // The status bar's sync state, for screens that add to it (the open rejected events).
    SyncStatusLabel* syncLabel() const;

    QAction* syncNowAction() const { return m_syncNowAction; }
    QAction* printAgainAction() const { return m_printAgainAction; }
    QAction* printPreviewAction() const { return m_printPreviewAction; }
    QAction* printerSettingsAction() const { return m_printerSettingsAction; }

    // Whether a person is there to answer dialogs. Attended, a receipt without a receipt printer opens the print
    // preview (printer and paper choice) so that the customer still leaves with a receipt; unattended (the offscreen
    // and minimal platforms of tests and screenshots, by default) it stays recorded for a reprint.
    void setAttended(bool attended) { m_attended = attended; }

    // Where the counter's documents are printed: the receipts after a payment, a reprint or preview from today's
    // payments, the settlement report. The one place that knows the printer (MainWindowPrinting.cpp).
    void printReceipts(const QStringList& receiptNos, bool preview);
    void printSettlement(const QUuid& settlementUuid);

Q_SIGNALS:
    void signOutRequested();
    // A sync round ended (successful or not).
    void syncRoundFinished();
    // Background sync was attached or replaced; null: none.
    void syncRunnerChanged(HallDesk::SyncRunner* runner);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    struct Page
    {
        const ScreenEntry* entry = nullptr;
        QWidget* widget = nullptr;
        QAction* action = nullptr;
    };

    void buildScreens();
    void buildActions();
    void buildNavigation();
    void buildMenus();
    void buildStatusBar();
    void setLocked(bool locked);
    void refreshBusinessDate();
    void showAbout();
    void showSyncSettings();
    void restoreWindowGeometry();
    void payCurrentAccount();
    const Page* page(const QString& id) const;
    const Page* currentPage() const;
    // MainWindowPrinting.cpp: Print → Print receipt again / Print preview, Settings → Printers and paper.
    void buildPrintActions();
    // Print again or preview the receipt selected in today's payments (the newest when none is), from any screen.
    void reprintFromMenu(bool preview);
    void showPrinterSettings();
    // A person is there to answer a dialog (not the offscreen or minimal platform of tests and screenshots).
    static bool isInteractive();
    // The receipt printer chosen for this computer is installed, or, with none chosen, the system has a default.
    static bool hasReceiptPrinter();

    Services m_services;
    Session m_session;

    QStackedWidget* m_stack = nullptr;
    QList<Page> m_pages; // the registry's screens this operator may open, in its order
    LockScreen* m_lockScreen = nullptr;
    QToolBar* m_navigation = nullptr;
    QLabel* m_businessDate = nullptr;
    QTimer m_dateTimer;

    QActionGroup* m_screens = nullptr;
    QAction* m_payAction = nullptr;
    QAction* m_backAction = nullptr;
    QAction* m_lockAction = nullptr;
    QAction* m_signOutAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_syncNowAction = nullptr;
    QAction* m_syncSettingsAction = nullptr;
    QAction* m_printAgainAction = nullptr;
    QAction* m_printPreviewAction = nullptr;
    QAction* m_printerSettingsAction = nullptr;
    bool m_attended = isInteractive();

    SyncRunner* m_sync = nullptr; // the desk's (it outlives its windows) or m_ownSync
    std::unique_ptr<SyncRunner> m_ownSync; // startSync's, for a window without a desk
    SyncStatusLabel* m_syncLabel = nullptr;
};

} // namespace HallDesk
