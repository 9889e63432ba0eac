// The account view in the screen registry (ui/Screens.cpp): every operator, F3.
#include "app/sync/SyncWorker.h"
#include "ui/MainWindow.h"
#include "ui/ScreenRegistry.h"
#include "ui/accounts/AccountView.h"
#include "ui/common/Icons.h"

namespace HallDesk {

ScreenEntry accountScreenEntry()
{
    ScreenEntry entry;
    entry.id = QStringLiteral("account");
    entry.title = QT_TRANSLATE_NOOP("HallDesk::Screens", "Account");
    entry.toolTip = QT_TRANSLATE_NOOP("HallDesk::Screens", "The account last opened (F3)");
    entry.icon = &Icons::account;
    entry.shortcut = QKeySequence(Qt::Key_F3);
    entry.commandLineName = QStringLiteral("account");
    entry.make = [](const ScreenContext& context) {
        auto* view = new AccountView(context.services.accounts, context.session);
        Store& store = context.services.store;
        view->enableIdCardCheck(store);
        MainWindow* window = &context.window;
        // An ID card is checked at the server the terminal syncs with (--server included).
        QObject::connect(window, &MainWindow::syncRunnerChanged, view, [view, &store](SyncRunner* runner) {
            view->enableIdCardCheck(store, runner ? runner->serverOverride() : QString());
        });
        QObject::connect(view, &AccountView::backRequested, window, &MainWindow::showHome);
        // "Pay at the counter" only for those whose roles open the counter.
        const ScreenEntry* counter = findScreen(QStringLiteral("counter"));
        if (auto* pay = view->findChild<QWidget*>(QStringLiteral("payAccount"));
            pay && !(counter && counter->mayOpen(context.session.op))) {
            pay->hide();
        }
        QObject::connect(view, &AccountView::payRequested, window, [window](const QString& accountNo) {
            window->openScreen(QStringLiteral("counter"), accountNo);
        });
        return view;
    };
    entry.openAccount = [](QWidget* screen, const QString& accountNo, QString* error) {
        return static_cast<AccountView*>(screen)->showAccount(accountNo, error);
    };
    entry.currentAccountNo = [](const QWidget* screen) {
        const auto& account = static_cast<const AccountView*>(screen)->account();
        return account ? account->accountNo : QString();
    };
    return entry;
}

} // namespace HallDesk
