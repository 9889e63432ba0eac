#pragma once

#include "app/auth/Operator.h"
#include "ui/Services.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>

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
class FillProgressDialog;
class RejectedEventsScreen;
class SyncRunner;
struct SyncStatus;

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
        Counter,
        Rejected, // events the centre rejected: supervisors and administrators only
    };

    MainWindow(const Services& services, const Session& session, QWidget* parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    void showScreen(Screen screen);
    Screen currentScreen() const;
    // Opens the account view on `accountNo`; an unknown account leaves the lookup with a message and returns false.
    bool openAccount(const QString& accountNo);
    // Opens the payment counter with `accountNo` loaded (a new customer); an unknown account leaves the counter
    // empty with the message and returns false.
    bool openCounter(const QString& accountNo);

    void lock();
    bool isLocked() const;
    // Work is under way that the window will show when done (a search).
    bool isBusy() const;

    const Session& session() const { return m_session; }
    LookupScreen* lookupScreen() const { return m_lookup; }
    AccountView* accountView() const { return m_account; }
    CounterScreen* counterScreen() const { return m_counter; }
    // Null for operators who are neither supervisors nor administrators.
    RejectedEventsScreen* rejectedScreen() const { return m_rejected; }
    QAction* rejectedAction() const { return m_rejectedAction; }

    // Starts background sync with the server URL (from --server), else the store's sync.server_url; neither: the
    // status bar says sync is off. Called once by the Desk after the window is made.
    void startSync(const QString& serverOverride = {});
    SyncRunner* syncRunner() const { return m_sync; }
    QAction* syncNowAction() const { return m_syncNowAction; }
    QAction* printAgainAction() const { return m_printAgainAction; }
    QAction* printPreviewAction() const { return m_printPreviewAction; }
    QAction* printerSettingsAction() const { return m_printerSettingsAction; }

    // Whether a person is there to answer dialogs. Attended, a receipt without a receipt printer opens the print
    // preview (printer and paper choice) so that the customer still leaves with a receipt; unattended (the offscreen
    // and minimal platforms of tests and screenshots, by default) it stays recorded for a reprint.
    void setAttended(bool attended) { m_attended = attended; }

    // "screen" names as the command line takes them (lookup, account, counter, rejected).
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
    void showSyncStatus(const SyncStatus& status);
    // The sync label again, with the open rejected events as last counted (by a sync round or the screen).
    void showSyncLabel();
    void showSyncSettings();
    void stopSync();
    void restoreWindowGeometry();
    void payCurrentAccount();
    // MainWindowPrinting.cpp: Print → Print receipt again / Print preview, Settings → Printers and paper.
    void buildPrintActions();
    // Print again or preview the receipt selected in today's payments (the newest when none is), from any screen.
    void reprintFromMenu(bool preview);
    void showPrinterSettings();
    // Where the counter's documents are printed: the receipts after a payment, a reprint or preview from today's
    // payments, the settlement report. The one place that knows the printer.
    void printReceipts(const QStringList& receiptNos, bool preview);
    void printSettlement(const QUuid& settlementUuid);
    // A person is there to answer a dialog (not the offscreen or minimal platform of tests and screenshots).
    static bool isInteractive();
    // The receipt printer chosen for this computer is installed, or, with none chosen, the system has a default.
    static bool hasReceiptPrinter();

    Services m_services;
    Session m_session;

    QStackedWidget* m_stack = nullptr;
    LookupScreen* m_lookup = nullptr;
    AccountView* m_account = nullptr;
    CounterScreen* m_counter = nullptr;
    RejectedEventsScreen* m_rejected = nullptr;
    QTimeZone m_hallZone; // the hall's: times in the window are the hall's, as on the receipt
    LockScreen* m_lockScreen = nullptr;
    QToolBar* m_navigation = nullptr;
    QLabel* m_businessDate = nullptr;
    QTimer m_dateTimer;

    QActionGroup* m_screens = nullptr;
    QAction* m_lookupAction = nullptr;
    QAction* m_accountAction = nullptr;
    QAction* m_counterAction = nullptr;
    QAction* m_rejectedAction = nullptr;
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

    SyncRunner* m_sync = nullptr;
    QString m_syncServerOverride;
    QLabel* m_syncLabel = nullptr;
    QPointer<FillProgressDialog> m_fillProgress; // while an empty store is filled from the centre
    qint64 m_openRejected = -1;
    int m_syncRounds = 0;
};

} // namespace HallDesk
