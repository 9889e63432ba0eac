#include "ui/Desk.h"

#include "app/security/StoreProtection.h"
#include "app/sync/SyncWorker.h"
#include "db/StoreError.h"
#include "ui/auth/SignInDialog.h"
#include "ui/lookup/LookupScreen.h"

#include <QMessageBox>
#include <utility>

namespace HallDesk {

Desk::Desk(const Services& services, const Workplace& workplace, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_workplace(workplace)
{
}

Desk::~Desk()
{
    delete m_window;
    delete m_signIn;
    m_sync.reset(); // ends a round under way after its page, within the connection's timeouts
}

void Desk::setSyncServer(const QString& url)
{
    m_syncServer = url;
    if (m_sync) {
        if (m_window) {
            m_window->setSyncRunner(nullptr);
        }
        m_sync.reset();
        if (m_window) {
            m_window->setSyncRunner(syncRunner());
        }
    }
}

SyncRunner* Desk::syncRunner()
{
    if (!m_sync) {
        m_sync = std::make_unique<SyncRunner>(m_services.store, m_syncServer);
    }
    return m_sync.get();
}

SignInDialog* Desk::signInDialog() const
{
    return m_signIn;
}

MainWindow* Desk::mainWindow() const
{
    return m_window;
}

void Desk::showSignIn(const QString& operatorCode)
{
    syncRunner(); // sync runs while nobody is signed in too
    if (m_signIn) {
        m_signIn->deleteLater();
    }
    auto* dialog = new SignInDialog(m_services.auth, m_workplace);
    m_signIn = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!operatorCode.isEmpty()) {
        dialog->setOperatorCode(operatorCode);
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto& op = dialog->signedIn()) {
            openWindow(*op);
        }
    });
    connect(dialog, &QDialog::rejected, this, &Desk::cancelled);
    dialog->open();
    Q_EMIT signInShown(dialog);
}

MainWindow* Desk::openWindow(const Operator& op)
{
    delete m_window;
    m_window = new MainWindow(m_services, Session{op, m_workplace});
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_window, &MainWindow::signOutRequested, this, &Desk::signOut);
    m_window->setSyncRunner(syncRunner());

    // The command line's wishes count for the first window. An account opens on the screen asked for when that
    // screen shows accounts (the counter), else in the account view.
    const Start start = std::exchange(m_start, Start{});
    const QString screen = start.screen.isEmpty() ? m_window->homeScreen() : start.screen;
    if (!start.accountNo.isEmpty()) {
        if (!m_window->openScreen(screen, start.accountNo) && m_window->currentScreen() != screen) {
            m_window->openAccount(start.accountNo);
        }
    } else {
        m_window->showScreen(screen);
    }
    if (!start.query.isEmpty() && m_window->lookupScreen()) {
        m_window->lookupScreen()->search(start.query);
    }
    m_window->show();
    if (op.hasRole(Role::Admin)) {
        warnAboutTheVolume();
    }
    Q_EMIT windowShown(m_window);
    return m_window;
}

// The administrator hears once a day that the store is not on an encrypted volume (docs/security.md); the box is
// not modal: the counter works on while it is open.
void Desk::warnAboutTheVolume()
{
    QString message;
    try {
        const StoreProtection::VolumeStatus volume
            = StoreProtection(m_services.store).checkVolume(QStringLiteral("halldesk"));
        if (!volume.warnNow) {
            return;
        }
        message = volume.message;
    } catch (const StoreError& error) {
        message = error.message();
    }
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Customer data at rest"), message, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("volumeWarning"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    box->show();
}

void Desk::signOut()
{
    MainWindow* window = m_window;
    // The sign-in dialog comes first, so that closing the window does not count as the last window closing.
    showSignIn();
    if (window) {
        window->close(); // saves its geometry; deleted on close
    }
}

} // namespace HallDesk
