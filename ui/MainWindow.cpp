#include "ui/MainWindow.h"

#include "HallDeskVersion.h"
#include "app/accounts/AccountService.h"
#include "app/clock/HallClock.h"
#include "app/sync/SyncWorker.h"
#include "db/Store.h"
#include "ui/ScreenRegistry.h"
#include "ui/auth/LockScreen.h"
#include "ui/common/Icons.h"
#include "ui/sync/SyncSettingsDialog.h"
#include "ui/sync/SyncStatusLabel.h"

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

} // namespace

MainWindow::MainWindow(const Services& services, const Session& session, QWidget* parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_session(session)
    , m_stack(new QStackedWidget(this))
{
    setWindowTitle(tr("HallDesk — %1").arg(session.workplace.hallName));
    setWindowIcon(Icons::application());
    setCentralWidget(m_stack);

    buildActions();
    buildStatusBar(); // before the screens, which may show their counts in it
    buildScreens();
    buildNavigation();
    buildMenus();

    m_lockScreen = new LockScreen(services.auth, session, this);
    connect(m_lockScreen, &LockScreen::unlocked, this, [this] { setLocked(false); });
    connect(m_lockScreen, &LockScreen::signOutRequested, this, &MainWindow::signOutRequested);

    restoreWindowGeometry();
    showHome();
}

MainWindow::~MainWindow()
{
    setSyncRunner(nullptr);
}

void MainWindow::buildScreens()
{
    m_screens = new QActionGroup(this);
    m_screens->setExclusive(true);
    const QColor navigationIcon(0xd5, 0xde, 0xe8);
    const ScreenContext context{m_services, m_session, *this};
    for (const ScreenEntry& entry : screenRegistry()) {
        Page page{&entry, nullptr, nullptr};
        page.action
            = new QAction(entry.icon ? entry.icon(navigationIcon) : QIcon(), entry.translatedTitle(), m_screens);
        page.action->setObjectName(entry.id + QStringLiteral("ScreenAction"));
        page.action->setIconText(entry.translatedIconText());
        page.action->setShortcut(entry.shortcut);
        page.action->setToolTip(entry.translatedToolTip());
        page.action->setCheckable(true);
        if (entry.mayOpen(m_session.op)) {
            page.widget = entry.make(context);
            m_stack->addWidget(page.widget);
            connect(page.action, &QAction::triggered, this, [this, id = entry.id] { showScreen(id); });
        } else { // neither shown nor reachable by its shortcut or --screen
            page.action->setVisible(false);
            page.action->setEnabled(false);
        }
        m_pages.append(page);
    }
    // Window-wide actions of the counter: only where the operator takes money.
    const bool counter = page(QStringLiteral("counter")) != nullptr;
    for (QAction* action : {m_payAction, m_printAgainAction, m_printPreviewAction}) {
        action->setVisible(counter);
    }
}

void MainWindow::buildActions()
{
    m_payAction = new QAction(tr("Pay this account"), this);
    m_payAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_payAction->setToolTip(tr("Open the counter with the account in the lookup or the account view (Ctrl+Enter)"));
    connect(m_payAction, &QAction::triggered, this, &MainWindow::payCurrentAccount);
    addAction(m_payAction);

    m_backAction = new QAction(tr("Back to lookup"), this);
    m_backAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    connect(m_backAction, &QAction::triggered, this, &MainWindow::showHome);

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
    connect(m_syncNowAction, &QAction::triggered, this, &MainWindow::syncNow);
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
    m_navigation->addActions(m_screens->actions()); // the hidden ones take no room
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
    go->addActions(m_screens->actions());
    go->addSeparator();
    go->addAction(m_payAction);
    go->addAction(m_backAction);

    if (m_printAgainAction->isVisible()) {
        QMenu* print = menuBar()->addMenu(tr("&Print"));
        print->addAction(m_printAgainAction);
        print->addAction(m_printPreviewAction);
    }

    QMenu* sync = menuBar()->addMenu(tr("S&ync"));
    sync->addAction(m_syncNowAction);
    if (page(QStringLiteral("rejected"))) {
        sync->addAction(screenAction(QStringLiteral("rejected")));
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
    m_syncLabel = new SyncStatusLabel(hallTimeZone(m_services.store), this);
    connect(m_syncLabel, &SyncStatusLabel::roundFinished, this, &MainWindow::syncRoundFinished);
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

const MainWindow::Page* MainWindow::page(const QString& id) const
{
    for (const Page& candidate : m_pages) {
        if (candidate.widget && candidate.entry->id == id) {
            return &candidate;
        }
    }
    return nullptr;
}

const MainWindow::Page* MainWindow::currentPage() const
{
    for (const Page& candidate : m_pages) {
        if (candidate.widget && candidate.widget == m_stack->currentWidget()) {
            return &candidate;
        }
    }
    return nullptr;
}

QWidget* MainWindow::screenWidget(const QString& id) const
{
    const Page* found = page(id);
    return found ? found->widget : nullptr;
}

QAction* MainWindow::screenAction(const QString& id) const
{
    for (const Page& candidate : m_pages) {
        if (candidate.entry->id == id) {
            return candidate.action; // hidden and disabled when the operator may not open the screen
        }
    }
    return nullptr;
}

bool MainWindow::showScreen(const QString& id)
{
    const Page* target = page(id);
    if (isLocked() || !target) {
        return false; // locked, or not for this operator
    }
    m_stack->setCurrentWidget(target->widget);
    target->action->setChecked(true);
    if (target->entry->activate) {
        target->entry->activate(target->widget);
    } else {
        target->widget->setFocus(Qt::OtherFocusReason);
    }
    m_backAction->setEnabled(id != homeScreen());
    return true;
}

void MainWindow::showHome()
{
    showScreen(homeScreen());
}

QString MainWindow::homeScreen() const
{
    for (const Page& candidate : m_pages) {
        if (candidate.widget) {
            return candidate.entry->id;
        }
    }
    return {};
}

QString MainWindow::currentScreen() const
{
    const Page* current = currentPage();
    return current ? current->entry->id : QString();
}

bool MainWindow::openScreen(const QString& id, const QString& accountNo)
{
    const Page* target = page(id);
    if (!target || !target->entry->openAccount || !showScreen(id)) {
        return false;
    }
    statusBar()->clearMessage();
    QString error;
    if (target->entry->openAccount(target->widget, accountNo, &error)) {
        return true;
    }
    if (!error.isEmpty()) { // the screen cannot show it: the home screen says why
        showHome();
        const Page* home = currentPage();
        if (home && home->entry->showProblem) {
            home->entry->showProblem(home->widget, error);
        } else {
            statusBar()->showMessage(error, 15000);
        }
    }
    return false;
}

void MainWindow::payCurrentAccount()
{
    const Page* current = currentPage();
    const QString accountNo
        = current && current->entry->currentAccountNo ? current->entry->currentAccountNo(current->widget) : QString();
    if (accountNo.isEmpty()) {
        showScreen(QStringLiteral("counter"));
        return;
    }
    openScreen(QStringLiteral("counter"), accountNo);
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
    const Page* current = currentPage();
    return current && current->entry->isBusy && current->entry->isBusy(current->widget);
}

void MainWindow::setLocked(bool locked)
{
    // Everything under the lock screen is out of reach of the mouse, the keyboard and the shortcuts.
    for (QWidget* widget : {static_cast<QWidget*>(menuBar()), static_cast<QWidget*>(m_navigation),
                            static_cast<QWidget*>(m_stack), static_cast<QWidget*>(statusBar())}) {
        widget->setEnabled(!locked);
    }
    for (const Page& each : m_pages) {
        each.action->setEnabled(!locked && each.widget != nullptr);
    }
    for (QAction* action : {m_payAction, m_backAction, m_lockAction, m_signOutAction, m_aboutAction, m_printAgainAction,
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

void MainWindow::setSyncRunner(SyncRunner* runner)
{
    m_sync = runner;
    m_syncLabel->setRunner(runner);
    if (m_ownSync && runner != m_ownSync.get()) {
        m_ownSync.reset();
    }
    Q_EMIT syncRunnerChanged(runner);
}

void MainWindow::startSync(const QString& serverOverride)
{
    setSyncRunner(nullptr);
    m_ownSync = std::make_unique<SyncRunner>(m_services.store, serverOverride);
    setSyncRunner(m_ownSync.get());
}

SyncRunner* MainWindow::syncRunner() const
{
    return m_sync;
}

SyncStatusLabel* MainWindow::syncLabel() const
{
    return m_syncLabel;
}

void MainWindow::syncNow()
{
    if (m_sync) {
        m_sync->syncNow();
    }
}

void MainWindow::showSyncSettings()
{
    if (!m_session.op.hasRole(Role::Admin)) {
        return;
    }
    SyncSettingsDialog dialog(m_services.store, m_session, this);
    if (dialog.exec() == QDialog::Accepted && m_sync && m_sync->serverOverride().isEmpty()) {
        m_sync->restart(); // with the URL just saved
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    setSyncRunner(nullptr); // the desk's sync runs on; a window's own ends here
    QSettings settings(kSettingsOrganization, kSettingsApplication);
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace HallDesk
