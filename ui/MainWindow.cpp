#include "ui/MainWindow.h"

#include "HallDeskVersion.h"
#include "app/accounts/AccountService.h"
#include "app/clock/HallClock.h"
#include "app/counter/CounterService.h"
#include "app/sync/SyncWorker.h"
#include "db/Store.h"
#include "ui/accounts/AccountView.h"
#include "ui/auth/LockScreen.h"
#include "ui/common/Icons.h"
#include "ui/counter/CounterScreen.h"
#include "ui/lookup/LookupScreen.h"
#include "ui/sync/FillProgressDialog.h"
#include "ui/sync/RejectedEventsScreen.h"
#include "ui/sync/SyncSettingsDialog.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

namespace HallDesk {

namespace {

// Per user, beside other HallDesk settings: ~/.config/HallDesk/halldesk.conf on Linux.
const QString kSettingsOrganization = QStringLiteral("HallDesk");
const QString kSettingsApplication = QStringLiteral("halldesk");

QString rolesText(const Operator& op)
{
    QStringList names;
    for (const Role role : op.roles) {
        names << roleName(role);
    }
    return names.join(QStringLiteral(", "));
}

// Who sees the events the centre rejected, and acts on them (an administrator with a supervisor's approval).
bool seesRejectedEvents(const Operator& op)
{
    return op.hasRole(Role::Supervisor) || op.hasRole(Role::Admin);
}

} // namespace

MainWindow::MainWindow(const Services& services, const Session& session, QWidget* parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_session(session)
    , m_stack(new QStackedWidget(this))
    , m_lookup(new LookupScreen(services.store, services.lookup, this))
    , m_account(new AccountView(services.accounts, session, this))
    , m_counter(new CounterScreen(services, session, this))
    , m_rejected(seesRejectedEvents(session.op) ? new RejectedEventsScreen(services, session, this) : nullptr)
    , m_hallZone(hallTimeZone(services.store))
{
    m_account->enableIdCardCheck(services.store);
    setWindowTitle(tr("HallDesk — %1").arg(session.workplace.hallName));
    setWindowIcon(Icons::application());
    m_stack->addWidget(m_lookup);
    m_stack->addWidget(m_account);
    m_stack->addWidget(m_counter);
    if (m_rejected) {
        m_stack->addWidget(m_rejected);
    }
    setCentralWidget(m_stack);

    buildActions();
    buildNavigation();
    buildMenus();
    buildStatusBar();

    m_lockScreen = new LockScreen(services.auth, session, this);
    connect(m_lockScreen, &LockScreen::unlocked, this, [this] { setLocked(false); });
    connect(m_lockScreen, &LockScreen::signOutRequested, this, &MainWindow::signOutRequested);

    connect(m_lookup, &LookupScreen::openAccount, this, &MainWindow::openAccount);
    connect(m_account, &AccountView::backRequested, this, [this] { showScreen(Screen::Lookup); });
    connect(m_account, &AccountView::payRequested, this, &MainWindow::openCounter);
    connect(m_counter, &CounterScreen::receiptsToPrint, this, &MainWindow::printReceipts);
    connect(m_counter, &CounterScreen::settlementToPrint, this, &MainWindow::printSettlement);
    if (m_rejected) {
        connect(m_rejected, &RejectedEventsScreen::openCountChanged, this, [this](qint64 count) {
            m_openRejected = count;
            showSyncLabel();
        });
        connect(m_rejected, &RejectedEventsScreen::eventsQueued, this, [this] {
            if (m_sync) {
                m_sync->syncNow();
            }
        });
    }

    restoreWindowGeometry();
    showScreen(Screen::Lookup);
}

MainWindow::~MainWindow()
{
    stopSync();
}

std::optional<MainWindow::Screen> MainWindow::screenFromName(const QString& name)
{
    if (name == QLatin1String("lookup")) {
        return Screen::Lookup;
    }
    if (name == QLatin1String("account")) {
        return Screen::Account;
    }
    if (name == QLatin1String("counter")) {
        return Screen::Counter;
    }
    if (name == QLatin1String("rejected")) {
        return Screen::Rejected;
    }
    return std::nullopt;
}

void MainWindow::buildActions()
{
    m_screens = new QActionGroup(this);
    m_screens->setExclusive(true);

    const QColor navigationIcon(0xd5, 0xde, 0xe8);
    m_lookupAction = new QAction(Icons::lookup(navigationIcon), tr("Lookup"), m_screens);
    m_lookupAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_lookupAction->setToolTip(tr("Find a customer (F2)"));
    m_lookupAction->setCheckable(true);
    connect(m_lookupAction, &QAction::triggered, this, [this] { showScreen(Screen::Lookup); });

    m_accountAction = new QAction(Icons::account(navigationIcon), tr("Account"), m_screens);
    m_accountAction->setShortcut(QKeySequence(Qt::Key_F3));
    m_accountAction->setToolTip(tr("The account last opened (F3)"));
    m_accountAction->setCheckable(true);
    connect(m_accountAction, &QAction::triggered, this, [this] { showScreen(Screen::Account); });

    m_counterAction = new QAction(Icons::counter(navigationIcon), tr("Counter"), m_screens);
    m_counterAction->setShortcut(QKeySequence(Qt::Key_F4));
    m_counterAction->setToolTip(tr("Take payments (F4)"));
    m_counterAction->setCheckable(true);
    connect(m_counterAction, &QAction::triggered, this, [this] { showScreen(Screen::Counter); });

    // F5 to F12 belong to the counter's tenders and actions (screen shortcuts there): a window-wide F5 would make
    // them ambiguous, so the supervisor's screen takes Ctrl+F5.
    m_rejectedAction = new QAction(Icons::rejected(navigationIcon), tr("Rejected events"), m_screens);
    m_rejectedAction->setIconText(tr("Rejected"));
    m_rejectedAction->setObjectName(QStringLiteral("rejectedEventsAction"));
    m_rejectedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F5));
    m_rejectedAction->setToolTip(tr("Events the central server rejected, for a supervisor (Ctrl+F5)"));
    m_rejectedAction->setCheckable(true);
    m_rejectedAction->setVisible(m_rejected != nullptr);
    connect(m_rejectedAction, &QAction::triggered, this, [this] { showScreen(Screen::Rejected); });

    m_payAction = new QAction(tr("Pay this account"), this);
    m_payAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_payAction->setToolTip(tr("Open the counter with the account in the lookup or the account view (Ctrl+Enter)"));
    connect(m_payAction, &QAction::triggered, this, &MainWindow::payCurrentAccount);
    addAction(m_payAction);

    m_backAction = new QAction(tr("Back to lookup"), this);
    m_backAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    connect(m_backAction, &QAction::triggered, this, [this] { showScreen(Screen::Lookup); });

    m_lockAction = new QAction(tr("Lock screen"), this);
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_lockAction, &QAction::triggered, this, &MainWindow::lock);

    m_signOutAction = new QAction(tr("Sign out"), this);
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOutRequested);

    m_aboutAction = new QAction(tr("About HallDesk"), this);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    // Ctrl+Shift+S: F10 opens the menu bar on some desktops.
    m_syncNowAction = new QAction(tr("Sync now"), this);
    m_syncNowAction->setObjectName(QStringLiteral("syncNow"));
    m_syncNowAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_syncNowAction->setToolTip(tr("Send the pending events to the central server and fetch its changes now "
                                   "(Ctrl+Shift+S)"));
    connect(m_syncNowAction, &QAction::triggered, this, [this] {
        if (m_sync) {
            m_sync->syncNow();
        }
    });
    addAction(m_syncNowAction);

    m_syncSettingsAction = new QAction(tr("Central server…"), this);
    m_syncSettingsAction->setObjectName(QStringLiteral("syncSettings"));
    m_syncSettingsAction->setVisible(m_session.op.hasRole(Role::Admin));
    connect(m_syncSettingsAction, &QAction::triggered, this, &MainWindow::showSyncSettings);

    buildPrintActions();

    m_quitAction = new QAction(tr("Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::buildNavigation()
{
    m_navigation = new QToolBar(tr("Screens"), this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setMovable(false);
    m_navigation->setFloatable(false);
    m_navigation->toggleViewAction()->setVisible(false);
    m_navigation->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    m_navigation->setIconSize(QSize(30, 30));
    m_navigation->addAction(m_lookupAction);
    m_navigation->addAction(m_accountAction);
    m_navigation->addAction(m_counterAction);
    m_navigation->addAction(m_rejectedAction);
    addToolBar(Qt::LeftToolBarArea, m_navigation);
    setContextMenuPolicy(Qt::NoContextMenu);
}

void MainWindow::buildMenus()
{
    QMenu* session = menuBar()->addMenu(tr("&Session"));
    session->addAction(m_lockAction);
    session->addAction(m_signOutAction);
    session->addSeparator();
    session->addAction(m_quitAction);

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    go->addAction(m_lookupAction);
    go->addAction(m_accountAction);
    go->addAction(m_counterAction);
    go->addAction(m_rejectedAction);
    go->addSeparator();
    go->addAction(m_payAction);
    go->addAction(m_backAction);

    QMenu* print = menuBar()->addMenu(tr("&Print"));
    print->addAction(m_printAgainAction);
    print->addAction(m_printPreviewAction);

    QMenu* sync = menuBar()->addMenu(tr("S&ync"));
    sync->addAction(m_syncNowAction);
    if (m_rejected) {
        sync->addAction(m_rejectedAction);
    }

    // This computer's printers and paper, and the central server: the administrator's first-run settings.
    if (m_session.op.hasRole(Role::Admin)) {
        QMenu* settings = menuBar()->addMenu(tr("S&ettings"));
        settings->setObjectName(QStringLiteral("settingsMenu"));
        settings->addAction(m_printerSettingsAction);
        settings->addAction(m_syncSettingsAction);
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
}

void MainWindow::buildStatusBar()
{
    const Operator& op = m_session.op;
    const Workplace& place = m_session.workplace;
    auto* who = new QLabel(tr("%1 (%2) · %3").arg(op.name, op.code, rolesText(op)), this);
    who->setObjectName(QStringLiteral("statusOperator"));
    auto* where = new QLabel(tr("%1 · Terminal %2").arg(place.hallName, place.terminalCode), this);
    where->setObjectName(QStringLiteral("statusWorkplace"));
    m_businessDate = new QLabel(this);
    m_businessDate->setObjectName(QStringLiteral("statusBusinessDate"));
    m_syncLabel = new QLabel(tr("Sync off"), this);
    m_syncLabel->setObjectName(QStringLiteral("statusSync"));
    m_syncLabel->setProperty("syncState", QStringLiteral("off"));
    statusBar()->addPermanentWidget(m_syncLabel);
    // the same action as Sync → Sync now and Ctrl+Shift+S, as a button beside the state it changes
    auto* syncNow = new QToolButton(this);
    syncNow->setObjectName(QStringLiteral("statusSyncNow"));
    syncNow->setDefaultAction(m_syncNowAction);
    syncNow->setToolButtonStyle(Qt::ToolButtonTextOnly);
    syncNow->setAutoRaise(true);
    statusBar()->addPermanentWidget(syncNow);
    statusBar()->addPermanentWidget(who);
    statusBar()->addPermanentWidget(where);
    statusBar()->addPermanentWidget(m_businessDate);
    statusBar()->setSizeGripEnabled(false);

    refreshBusinessDate();
    // The business date turns over at midnight in the hall's time zone, also while the window stays open.
    m_dateTimer.setInterval(60 * 1000);
    connect(&m_dateTimer, &QTimer::timeout, this, &MainWindow::refreshBusinessDate);
    m_dateTimer.start();
}

void MainWindow::refreshBusinessDate()
{
    try {
        m_businessDate->setText(tr("Business date %1").arg(m_services.accounts.businessDate().toString(Qt::ISODate)));
    } catch (const StoreError& error) {
        m_businessDate->setText(tr("Business date unknown"));
        m_businessDate->setToolTip(error.message());
    }
}

void MainWindow::showScreen(Screen screen)
{
    if (isLocked()) {
        return;
    }
    switch (screen) {
    case Screen::Lookup:
        m_stack->setCurrentWidget(m_lookup);
        m_lookupAction->setChecked(true);
        m_lookup->activate();
        break;
    case Screen::Account:
        m_stack->setCurrentWidget(m_account);
        m_accountAction->setChecked(true);
        m_account->setFocus(Qt::OtherFocusReason);
        break;
    case Screen::Counter:
        m_stack->setCurrentWidget(m_counter);
        m_counterAction->setChecked(true);
        m_counter->activate();
        break;
    case Screen::Rejected:
        if (!m_rejected) {
            return; // not for this operator
        }
        m_stack->setCurrentWidget(m_rejected);
        m_rejectedAction->setChecked(true);
        m_rejected->activate();
        break;
    }
    m_backAction->setEnabled(screen != Screen::Lookup);
}

MainWindow::Screen MainWindow::currentScreen() const
{
    if (m_stack->currentWidget() == m_counter) {
        return Screen::Counter;
    }
    if (m_rejected && m_stack->currentWidget() == m_rejected) {
        return Screen::Rejected;
    }
    return m_stack->currentWidget() == m_account ? Screen::Account : Screen::Lookup;
}

bool MainWindow::openAccount(const QString& accountNo)
{
    QString error;
    if (!m_account->showAccount(accountNo, &error)) {
        showScreen(Screen::Lookup);
        m_lookup->showProblem(error);
        return false;
    }
    statusBar()->clearMessage();
    showScreen(Screen::Account);
    return true;
}

bool MainWindow::openCounter(const QString& accountNo)
{
    if (isLocked()) {
        return false;
    }
    showScreen(Screen::Counter);
    statusBar()->clearMessage();
    return m_counter->loadAccounts({accountNo});
}

void MainWindow::payCurrentAccount()
{
    QString accountNo;
    if (currentScreen() == Screen::Lookup) {
        accountNo = m_lookup->currentAccountNo();
    } else if (currentScreen() == Screen::Account && m_account->account()) {
        accountNo = m_account->account()->accountNo;
    }
    if (accountNo.isEmpty()) {
        showScreen(Screen::Counter);
        return;
    }
    openCounter(accountNo);
}

void MainWindow::lock()
{
    if (isLocked()) {
        return;
    }
    setLocked(true);
    m_lockScreen->lock();
}

bool MainWindow::isLocked() const
{
    return m_lockScreen && m_lockScreen->isLocked();
}

bool MainWindow::isBusy() const
{
    return currentScreen() == Screen::Lookup && m_lookup->isBusy();
}

void MainWindow::setLocked(bool locked)
{
    // Everything under the lock screen is out of reach of the mouse, the keyboard and the shortcuts.
    for (QWidget* widget : {static_cast<QWidget*>(menuBar()), static_cast<QWidget*>(m_navigation),
                            static_cast<QWidget*>(m_stack), static_cast<QWidget*>(statusBar())}) {
        widget->setEnabled(!locked);
    }
    for (QAction* action : {m_lookupAction, m_accountAction, m_counterAction, m_rejectedAction, m_payAction,
                            m_backAction, m_lockAction, m_signOutAction, m_aboutAction, m_printAgainAction,
                            m_printPreviewAction, m_printerSettingsAction, m_syncSettingsAction}) {
        action->setEnabled(!locked);
    }
    if (!locked) {
        showScreen(currentScreen());
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About HallDesk"),
                       tr("<h3>HallDesk %1</h3><p>Counter and back office for an electricity service hall.</p>"
                          "<p>Store: %2<br/>Qt %3</p>")
                           .arg(QStringLiteral(HALLDESK_VERSION), m_services.store.path().toHtmlEscaped(),
                                QString::fromLatin1(qVersion())));
}

void MainWindow::restoreWindowGeometry()
{
    QSettings settings(kSettingsOrganization, kSettingsApplication);
    if (restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray())) {
        return;
    }
    QSize size(1280, 820);
    if (const QScreen* screen = QGuiApplication::primaryScreen()) {
        size = size.boundedTo(screen->availableSize());
    }
    resize(size);
}

void MainWindow::startSync(const QString& serverOverride)
{
    stopSync();
    m_syncServerOverride = serverOverride;
    m_account->enableIdCardCheck(m_services.store, serverOverride);
    m_sync = new SyncRunner(m_services.store, serverOverride, this);
    connect(m_sync, &SyncRunner::statusChanged, this, &MainWindow::showSyncStatus);
}

void MainWindow::stopSync()
{
    if (m_sync) {
        m_sync->stop();
        delete m_sync;
        m_sync = nullptr;
    }
}

void MainWindow::showSyncStatus(const SyncStatus& status)
{
    if (status.openRejected >= 0) {
        m_openRejected = status.openRejected;
    }
    if (status.rounds != m_syncRounds) {
        m_syncRounds = status.rounds;
        if (m_rejected) {
            m_rejected->syncRoundFinished();
        }
    }
    showSyncLabel();
}

void MainWindow::showSyncLabel()
{
    const SyncStatus status = m_sync ? m_sync->status() : SyncStatus{};
    QString state;
    QString key;
    QString colour;
    switch (status.state) {
    case SyncStatus::State::Off:
        state = tr("Sync off");
        key = QStringLiteral("off");
        colour = QStringLiteral("#6b7785");
        break;
    case SyncStatus::State::Offline:
        state = tr("Offline");
        key = QStringLiteral("offline");
        colour = QStringLiteral("#c0392b");
        break;
    case SyncStatus::State::Syncing:
        state = status.progress.table.isEmpty() ? tr("Syncing…")
                                                : tr("Syncing %1 %2%")
                                                      .arg(FillProgressDialog::tableName(status.progress.table))
                                                      .arg(status.progress.permille / 10);
        key = QStringLiteral("syncing");
        colour = QStringLiteral("#b7791f");
        break;
    case SyncStatus::State::Online:
        state = tr("Online");
        key = QStringLiteral("online");
        colour = QStringLiteral("#1e8449");
        break;
    }
    QStringList parts{state};
    if (status.lastSuccessUtc.isValid()) {
        parts << tr("last sync %1")
                     .arg(status.lastSuccessUtc.toTimeZone(m_hallZone).toString(QStringLiteral("HH:mm:ss")));
    }
    if (status.pendingEvents >= 0) {
        parts << tr("%n pending", nullptr, static_cast<int>(status.pendingEvents));
    }
    if (m_openRejected > 0) {
        parts << tr("%n rejected", nullptr, static_cast<int>(m_openRejected));
    }
    m_syncLabel->setText(parts.join(QStringLiteral(" · ")));
    m_syncLabel->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(colour));
    m_syncLabel->setProperty("syncState", key);
    QStringList tip;
    if (!status.server.isEmpty()) {
        tip << tr("Central server: %1").arg(status.server);
    } else if (status.state == SyncStatus::State::Off) {
        tip << tr("No central server is set up: this terminal works offline.");
    }
    if (!status.lastError.isEmpty()) {
        tip << tr("Last error: %1").arg(status.lastError);
        if (status.retryInSeconds > 0) {
            tip << tr("Next try in %n seconds.", nullptr, status.retryInSeconds);
        }
    }
    if (m_openRejected > 0) {
        tip << (m_rejected ? tr("%n event(s) rejected by the centre wait for your review: Sync → Rejected events "
                                "(Ctrl+F5).",
                                nullptr, static_cast<int>(m_openRejected))
                           : tr("%n event(s) rejected by the centre wait for a supervisor's review.", nullptr,
                                static_cast<int>(m_openRejected)));
    }
    m_syncLabel->setToolTip(tip.join(QLatin1Char('\n')));

    if (status.progress.firstFill && status.state == SyncStatus::State::Syncing && !m_fillProgress) {
        m_fillProgress = new FillProgressDialog(this);
        m_fillProgress->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_fillProgress, &QProgressDialog::canceled, this, [this] {
            if (m_sync) {
                m_sync->cancelRound();
            }
        });
    }
    if (m_fillProgress && !m_fillProgress->showProgress(status)) {
        m_fillProgress->close();
    }
}

void MainWindow::showSyncSettings()
{
    if (!m_session.op.hasRole(Role::Admin)) {
        return;
    }
    SyncSettingsDialog dialog(m_services.store, m_session, this);
    if (dialog.exec() == QDialog::Accepted && m_syncServerOverride.isEmpty()) {
        startSync();
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    stopSync();
    QSettings settings(kSettingsOrganization, kSettingsApplication);
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace HallDesk
