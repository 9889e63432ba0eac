// Drives the real widgets with the keyboard, as a clerk would: sign in, find a customer, open the account, go back,
// lock and unlock, and update the contact card.
#include "app/accounts/AccountService.h"
#include "app/auth/AuthService.h"
#include "app/counter/CounterService.h"
#include "app/lookup/LookupService.h"
#include "app/security/EncryptedVolume.h"
#include "app/setup/Installation.h"
#include "app/sync/RejectedEvents.h"
#include "db/Sql.h"
#include "tests/support/ModalHelper.h"
#include "tests/support/StoreBuilder.h"
#include "tests/support/TempStore.h"
#include "tests/support/Widgets.h"
#include "ui/Desk.h"
#include "ui/MainWindow.h"
#include "ui/ScreenRegistry.h"
#include "ui/ServiceSet.h"
#include "ui/accounts/AccountView.h"
#include "ui/auth/SignInDialog.h"
#include "ui/common/Theme.h"
#include "ui/counter/CounterScreen.h"
#include "ui/lookup/LookupModel.h"
#include "ui/lookup/LookupScreen.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <memory>

using namespace HallDesk;

namespace {

using Test::child;
using Test::commitText;

const QString kClerkPassword = QStringLiteral("counter-2026");

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the window's geometry goes to a test folder
        Theme::apply(*qApp);
    }

    void init()
    {
        m_temp = std::make_unique<Test::TempStore>();
        Store& store = m_temp->store();
        m_hallId = Installation::configure(
            store, HallInfo{QStringLiteral("H01"), QStringLiteral("城东供电营业厅"), {}, {}, {}, {}},
            QStringLiteral("T01"));
        const qint64 hallId = m_hallId;
        m_services = std::make_unique<ServiceSet>(store);
        m_services->auth.addOperator(QStringLiteral("clerk01"), QStringLiteral("刘收费"), {Role::Clerk}, kClerkPassword,
                                     std::nullopt);

        // Three accounts; 王建国 has one bill 123.45 that fell due yesterday (so a late fee of the ¥1 minimum
        // today) and a contact card with a mobile ending in 5678.
        const Test::StoreBuilder rows(store.connection());
        const auto addAccount = [&](qint64 id, const QString& no, const QString& name, const QString& cls) {
            rows.account({.id = id,
                          .accountNo = no,
                          .name = name,
                          .customerClass = cls,
                          .address = QStringLiteral("东湖区幸福街道%1号").arg(id),
                          .hallId = hallId,
                          .meterNo = QStringLiteral("M0000%1").arg(id),
                          .idCardNo = QStringLiteral("330102********123%1").arg(id)});
        };
        addAccount(1, QStringLiteral("3300000001"), QStringLiteral("王建国"), QStringLiteral("residential"));
        addAccount(2, QStringLiteral("3300000002"), QStringLiteral("王建华"), QStringLiteral("commercial"));
        addAccount(3, QStringLiteral("3300000003"), QStringLiteral("李秀英"), QStringLiteral("residential"));
        const QDate today = m_services->accounts.businessDate();
        rows.bill({.accountId = 1,
                   .period = today.addMonths(-1).toString(QStringLiteral("yyyy-MM")),
                   .kwh = 230,
                   .amountFen = 12345,
                   .issueDate = today.addDays(-16).toString(Qt::ISODate),
                   .dueDate = today.addDays(-1).toString(Qt::ISODate)});
        const QString monthAgo = QDateTime::currentDateTimeUtc().addDays(-30).toString(Qt::ISODate);
        rows.contact({.accountId = 1,
                      .phone = QStringLiteral(""),
                      .mobile = QStringLiteral("13812345678"),
                      .wechat = QStringLiteral(""),
                      .email = QStringLiteral(""),
                      .updatedAt = monthAgo});
        rows.contact({.accountId = 2,
                      .phone = QStringLiteral(""),
                      .mobile = QStringLiteral("13900001111"),
                      .wechat = QStringLiteral(""),
                      .email = QStringLiteral(""),
                      .updatedAt = monthAgo});

        m_desk = std::make_unique<Desk>(m_services->view(), m_services->auth.workplace());
    }

    void cleanup()
    {
        m_desk.reset();
        m_services.reset();
        m_temp.reset();
    }

    void wrongPasswordIsRefusedInTheDialog()
    {
        SignInDialog* dialog = showSignIn();
        QVERIFY(dialog);
        QTest::keyClicks(child<QLineEdit>(dialog, "signInCode"), QStringLiteral("clerk01"));
        QLineEdit* password = child<QLineEdit>(dialog, "signInPassword");
        QTest::keyClicks(password, QStringLiteral("not-my-password"));
        QTest::keyClick(password, Qt::Key_Return);

        QLabel* message = child<QLabel>(dialog, "signInMessage");
        QTRY_VERIFY(message->isVisible());
        QVERIFY(!message->text().isEmpty());
        QVERIFY(dialog->isVisible());
        QVERIFY(!m_desk->mainWindow());
        QVERIFY(password->text().isEmpty());
    }

    void findCustomerAndOpenAccountWithKeyboard()
    {
        MainWindow* window = signIn();
        QVERIFY(window);
        QCOMPARE(window->currentScreen(), QStringLiteral("lookup"));
        QLineEdit* search = child<QLineEdit>(window, "lookupSearch");
        QTRY_VERIFY(search->hasFocus());

        // The last four digits of the customer's mobile.
        QTest::keyClicks(search, QStringLiteral("5678"));
        LookupModel* results = window->lookupScreen()->model();
        QTRY_COMPARE(results->rowCount(), 1);
        QCOMPARE(results->accountNoAt(0), QStringLiteral("3300000001"));

        QTest::keyClick(search, Qt::Key_Down);
        auto* table = child<QTableView>(window, "lookupResults");
        QVERIFY(table->hasFocus());
        QCOMPARE(table->currentIndex().row(), 0);
        QTest::keyClick(table, Qt::Key_Return);

        QCOMPARE(window->currentScreen(), QStringLiteral("account"));
        QCOMPARE(child<QLabel>(window, "accountNo")->text(), QStringLiteral("3300000001"));
        QCOMPARE(child<QLabel>(window, "accountName")->text(), QStringLiteral("王建国"));
        // 123.45 overdue one day: 1‰ of it is 0.12, charged as the ¥1 minimum.
        QVERIFY2(child<QLabel>(window, "totalDue")->text().contains(QStringLiteral("124.45")),
                 qPrintable(child<QLabel>(window, "totalDue")->text()));

        // Esc goes back to the lookup, ready for the next customer.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(window->currentScreen(), QStringLiteral("lookup"));
        QTRY_VERIFY(search->hasFocus());
        QCOMPARE(search->selectedText(), QStringLiteral("5678"));
    }

    void nameThroughInputMethodAndEnterOpensTheOnlyMatch()
    {
        MainWindow* window = signIn();
        QVERIFY(window);
        QLineEdit* search = child<QLineEdit>(window, "lookupSearch");
        commitText(search, QStringLiteral("建国"));
        QTest::keyClick(search, Qt::Key_Return); // before the results are in: opens the match when it arrives
        QTRY_COMPARE(window->currentScreen(), QStringLiteral("account"));
        QCOMPARE(child<QLabel>(window, "accountNo")->text(), QStringLiteral("3300000001"));

        // Two matches: Enter moves into the list instead of guessing.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTest::keyClick(search, Qt::Key_Backspace);
        commitText(search, QStringLiteral("王建"));
        QTRY_COMPARE(window->lookupScreen()->model()->rowCount(), 2);
        QTRY_VERIFY(!window->lookupScreen()->isBusy());
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(window->currentScreen(), QStringLiteral("lookup"));
        QVERIFY(child<QTableView>(window, "lookupResults")->hasFocus());
    }

    void resultsLoadPageByPageAsTheListScrolls()
    {
        // 150 accounts of the 赵 family: one page of 100 first, the rest when the list reaches its end.
        QSqlDatabase db = m_temp->store().connection();
        Sql::Transaction transaction(db);
        const Test::StoreBuilder rows(db);
        for (int i = 0; i < 150; ++i) {
            rows.account({.accountNo = QStringLiteral("34%1").arg(i, 8, 10, QLatin1Char('0')),
                          .name = QStringLiteral("赵%1").arg(i),
                          .customerClass = QStringLiteral("residential"),
                          .address = QStringLiteral("西湖区文三路"),
                          .hallId = m_hallId,
                          .meterNo = QStringLiteral("M9%1").arg(i)});
        }
        transaction.commit();

        MainWindow* window = signIn();
        QVERIFY(window);
        commitText(child<QLineEdit>(window, "lookupSearch"), QStringLiteral("赵"));
        LookupModel* results = window->lookupScreen()->model();
        QTRY_COMPARE(results->rowCount(), LookupModel::kPageSize);
        QVERIFY(results->hasMore());
        child<QTableView>(window, "lookupResults")->scrollToBottom();
        QTRY_COMPARE(results->rowCount(), 150);
        QVERIFY(!results->hasMore());
        QSet<QString> distinct;
        for (int row = 0; row < results->rowCount(); ++row) {
            distinct.insert(results->accountNoAt(row));
        }
        QCOMPARE(distinct.size(), 150);
    }

    void scannedBillBarcodeOpensItsAccount()
    {
        MainWindow* window = signIn();
        QVERIFY(window);
        const QString barcode = LookupService::billBarcode(QStringLiteral("3300000002"), QStringLiteral("2026-01"));
        QVERIFY(!barcode.isEmpty());
        QLineEdit* search = child<QLineEdit>(window, "lookupSearch");
        QTest::keyClicks(search, barcode);
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(window->currentScreen(), QStringLiteral("account"));
        QCOMPARE(child<QLabel>(window, "accountNo")->text(), QStringLiteral("3300000002"));
    }

    void noMatchSaysSo()
    {
        MainWindow* window = signIn();
        QVERIFY(window);
        QLineEdit* search = child<QLineEdit>(window, "lookupSearch");
        QTest::keyClicks(search, QStringLiteral("9999"));
        QTRY_VERIFY(!window->lookupScreen()->isBusy());
        QCOMPARE(window->lookupScreen()->model()->rowCount(), 0);
        QVERIFY(child<QLabel>(window, "lookupHint")->text().contains(QStringLiteral("9999")));
        QTest::keyClick(search, Qt::Key_Escape);
        QVERIFY(search->text().isEmpty());
    }

    void lockAndUnlockWithTheSamePassword()
    {
        MainWindow* window = signIn();
        QVERIFY(window);
        QTest::keyClick(window, Qt::Key_L, Qt::ControlModifier);
        QVERIFY(window->isLocked());
        // Nothing under the lock screen answers the keyboard.
        QTest::keyClick(window, Qt::Key_F3);
        QCOMPARE(window->currentScreen(), QStringLiteral("lookup"));

        QLineEdit* password = child<QLineEdit>(window, "lockPassword");
        QTRY_VERIFY(password->hasFocus());
        QTest::keyClicks(password, QStringLiteral("someone-else"));
        QTest::keyClick(password, Qt::Key_Return);
        QVERIFY(window->isLocked());
        QVERIFY(!child<QLabel>(window, "lockMessage")->text().isEmpty());

        QTest::keyClicks(password, kClerkPassword);
        QTest::keyClick(password, Qt::Key_Return);
        QVERIFY(!window->isLocked());
        QTest::keyClick(window, Qt::Key_F3);
        QCOMPARE(window->currentScreen(), QStringLiteral("account"));
    }

    void signingOutReturnsToTheSignInWithAFreshWindowAfter()
    {
        QPointer<MainWindow> first = signIn();
        QVERIFY(first);
        QVERIFY(first->openAccount(QStringLiteral("3300000001")));
        QTest::keyClick(first, Qt::Key_L, Qt::ControlModifier);
        QTest::mouseClick(child<QPushButton>(first, "lockSignOut"), Qt::LeftButton);
        QTRY_VERIFY(!first); // the window of the last session is gone, with the customer it showed
        QVERIFY(m_desk->signInDialog() && m_desk->signInDialog()->isVisible());

        MainWindow* second = signIn();
        QVERIFY(second);
        QCOMPARE(second->currentScreen(), QStringLiteral("lookup"));
        QVERIFY(!second->accountView()->account());
    }

    void personalDataIsMaskedUntilShown()
    {
        MainWindow* window = openContactsOf(QStringLiteral("3300000001"));
        QVERIFY(window);
        QCOMPARE(child<QLabel>(window, "contactMobile")->text(), QStringLiteral("138****5678"));
        QCOMPARE(auditCount(QStringLiteral("personal_data.reveal")), 0);
        QTest::mouseClick(child<QPushButton>(window, "showPersonalData"), Qt::LeftButton);
        QCOMPARE(child<QLabel>(window, "contactMobile")->text(), QStringLiteral("13812345678"));
        QVERIFY(auditCount(QStringLiteral("personal_data.reveal")) > 0);
    }

    void contactEditSavesAndIsAudited()
    {
        MainWindow* window = openContactsOf(QStringLiteral("3300000001"));
        QVERIFY(window);
        Test::ModalHelper helper([](QDialog& dialog) {
            QLineEdit* mobile = child<QLineEdit>(&dialog, "mobileEdit");
            QCOMPARE(mobile->text(), QStringLiteral("13812345678"));
            mobile->selectAll();
            QTest::keyClicks(mobile, QStringLiteral("13900002222"));
            QTest::keyClick(mobile, Qt::Key_Return);
            QVERIFY(!dialog.isVisible());
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        });
        QTest::mouseClick(child<QPushButton>(window, "editContact"), Qt::LeftButton);
        QVERIFY(helper.answered());

        QCOMPARE(storedMobile(), QStringLiteral("13900002222"));
        QCOMPARE(auditCount(QStringLiteral("contact.update")), 1);
        QCOMPARE(child<QLabel>(window, "contactMobile")->text(), QStringLiteral("13900002222"));
    }

    void invalidMobileShowsTheMessageAndChangesNothing()
    {
        MainWindow* window = openContactsOf(QStringLiteral("3300000001"));
        QVERIFY(window);
        Test::ModalHelper helper([](QDialog& dialog) {
            QLineEdit* mobile = child<QLineEdit>(&dialog, "mobileEdit");
            mobile->selectAll();
            QTest::keyClicks(mobile, QStringLiteral("12345"));
            QTest::keyClick(mobile, Qt::Key_Return);
            QVERIFY(dialog.isVisible());
            QLabel* message = child<QLabel>(&dialog, "messageLabel");
            QVERIFY(message->isVisible());
            QVERIFY2(message->text().contains(QStringLiteral("12345")), qPrintable(message->text()));
            QTest::keyClick(&dialog, Qt::Key_Escape);
            QVERIFY(!dialog.isVisible());
        });
        QTest::mouseClick(child<QPushButton>(window, "editContact"), Qt::LeftButton);
        QVERIFY(helper.answered());

        QCOMPARE(storedMobile(), QStringLiteral("13812345678"));
        QCOMPARE(auditCount(QStringLiteral("contact.update")), 0);
    }

    // The screens come from the registry: each in the navigation with its shortcut for the roles that may open it,
    // and neither shown nor reachable by its shortcut for the others.
    void theRegistrysScreensAppearWithTheirShortcutsForTheirRolesOnly()
    {
        MainWindow* window = signIn(); // clerk01
        QVERIFY(window);
        auto* navigation = child<QToolBar>(window, "navigation");
        const auto checkRegistry = [](MainWindow* shown) {
            for (const ScreenEntry& entry : screenRegistry()) {
                const bool may = entry.mayOpen(shown->session().op);
                QAction* action = shown->screenAction(entry.id);
                QVERIFY(action);
                QCOMPARE(action->shortcut(), entry.shortcut);
                QCOMPARE(action->text(), entry.translatedTitle());
                QCOMPARE(action->isVisible(), may);
                QCOMPARE(action->isEnabled(), may);
                QCOMPARE(shown->screenWidget(entry.id) != nullptr, may);
            }
            QCOMPARE(child<QToolBar>(shown, "navigation")->actions().size(), screenRegistry().size());
        };
        checkRegistry(window);
        QVERIFY(navigation->widgetForAction(window->screenAction(QStringLiteral("counter")))->isVisible());
        QVERIFY(!navigation->widgetForAction(window->screenAction(QStringLiteral("rejected")))->isVisible());

        // The clerk: F4 opens the counter; Ctrl+F5 (the supervisor's rejected events) does nothing.
        QTest::keyClick(window, Qt::Key_F4);
        QCOMPARE(window->currentScreen(), QStringLiteral("counter"));
        QVERIFY(window->counterScreen()->isVisible());
        QVERIFY(window->openAccount(QStringLiteral("3300000001")));
        QVERIFY(child<QPushButton>(window, "payAccount")->isVisible());
        QTest::keyClick(window, Qt::Key_F2);
        QCOMPARE(window->currentScreen(), QStringLiteral("lookup"));
        QTest::keyClick(window, Qt::Key_F5, Qt::ControlModifier);
        QCOMPARE(window->currentScreen(), QStringLiteral("lookup"));
        QVERIFY(!window->showScreen(QStringLiteral("rejected")));

        // An administrator takes no money: no counter, F4 does nothing, nor does opening it by name; Ctrl+F5 opens
        // the rejected events.
        m_services->auth.addOperator(QStringLiteral("admin01"), QStringLiteral("管理员"), {Role::Admin}, kClerkPassword,
                                     std::nullopt);
        const auto admin = m_services->auth.signIn(QStringLiteral("admin01"), kClerkPassword);
        QVERIFY(admin.ok() && admin.op);
        window = m_desk->openWindow(*admin.op);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        navigation = child<QToolBar>(window, "navigation");
        checkRegistry(window);
        QVERIFY(!navigation->widgetForAction(window->screenAction(QStringLiteral("counter")))->isVisible());
        QVERIFY(!window->counterScreen());
        QTest::keyClick(window, Qt::Key_F4);
        QCOMPARE(window->currentScreen(), QStringLiteral("lookup"));
        QVERIFY(!window->showScreen(QStringLiteral("counter")));
        QVERIFY(!window->openCounter(QStringLiteral("3300000001")));
        QCOMPARE(window->currentScreen(), QStringLiteral("lookup"));
        QVERIFY(window->openAccount(QStringLiteral("3300000001")));
        QVERIFY(!child<QPushButton>(window, "payAccount")->isVisible()); // no "Pay at the counter" either
        QTest::keyClick(window, Qt::Key_F5, Qt::ControlModifier);
        QCOMPARE(window->currentScreen(), QStringLiteral("rejected"));
    }

    // `halldesk --screen NAME` resolves through the registry, and a screen the operator may not open is not reached
    // that way either.
    void theCommandLinesScreenNamesComeFromTheRegistry()
    {
        QCOMPARE(screenCommandLineNames(),
                 (QStringList{QStringLiteral("lookup"), QStringLiteral("account"), QStringLiteral("counter"),
                              QStringLiteral("rejected")}));
        for (const ScreenEntry& entry : screenRegistry()) {
            QCOMPARE(findScreenByCommandLineName(entry.commandLineName), &entry);
        }
        QVERIFY(!findScreenByCommandLineName(QStringLiteral("queue")));
        QVERIFY(!findScreenByCommandLineName(QString()));

        // --screen counter --account 3300000001: the clerk starts on the counter with the account loaded.
        m_desk->setStart(
            {findScreenByCommandLineName(QStringLiteral("counter"))->id, QStringLiteral("3300000001"), {}});
        MainWindow* window = signIn();
        QVERIFY(window);
        QCOMPARE(window->currentScreen(), QStringLiteral("counter"));
        QCOMPARE(window->counterScreen()->accountNos(), QStringList{QStringLiteral("3300000001")});

        // --screen rejected for a clerk: the home screen.
        m_desk->setStart({findScreenByCommandLineName(QStringLiteral("rejected"))->id, {}, {}});
        window = signIn();
        QVERIFY(window);
        QCOMPARE(window->currentScreen(), QStringLiteral("lookup"));

        // --screen counter --account for an administrator, who takes no money: the account view.
        m_services->auth.addOperator(QStringLiteral("admin01"), QStringLiteral("管理员"), {Role::Admin}, kClerkPassword,
                                     std::nullopt);
        const auto admin = m_services->auth.signIn(QStringLiteral("admin01"), kClerkPassword);
        QVERIFY(admin.ok() && admin.op);
        m_desk->setStart({QStringLiteral("counter"), QStringLiteral("3300000001"), {}});
        window = m_desk->openWindow(*admin.op);
        QCOMPARE(window->currentScreen(), QStringLiteral("account"));
        QCOMPARE(child<QLabel>(window, "accountNo")->text(), QStringLiteral("3300000001"));
    }

    // An administrator is told once a day when the store is not on an encrypted volume (a box that does not block
    // the window, and an audit entry); a clerk is not. Whether it comes depends on this machine's disk.
    void theAdministratorHearsOfAnUnencryptedVolumeOncePerDay()
    {
        const bool encrypted = EncryptedVolume::check(m_temp->store().path()).encrypted();
        const auto warnings = [this] {
            return Sql::scalar(m_temp->store().connection(),
                               QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                              "'security.unencrypted_volume'"))
                .toInt();
        };
        QVERIFY(signIn()); // clerk01
        QVERIFY(!m_desk->mainWindow()->findChild<QMessageBox*>(QStringLiteral("volumeWarning")));
        QCOMPARE(warnings(), 0);

        m_services->auth.addOperator(QStringLiteral("admin01"), QStringLiteral("管理员"), {Role::Admin}, kClerkPassword,
                                     std::nullopt);
        const auto admin = m_services->auth.signIn(QStringLiteral("admin01"), kClerkPassword);
        QVERIFY(admin.ok() && admin.op);
        MainWindow* window = m_desk->openWindow(*admin.op);
        auto* box = window->findChild<QMessageBox*>(QStringLiteral("volumeWarning"));
        QCOMPARE(box != nullptr, !encrypted);
        QCOMPARE(warnings(), encrypted ? 0 : 1);
        if (box) {
            QVERIFY(box->isVisible());
            QVERIFY(!box->isModal());
            QVERIFY2(box->text().contains(QStringLiteral("accept-risk")), qPrintable(box->text()));
        }
        window = m_desk->openWindow(*admin.op); // the same day again
        QVERIFY(!window->findChild<QMessageBox*>(QStringLiteral("volumeWarning")));
        QCOMPARE(warnings(), encrypted ? 0 : 1);
    }

    // No central server: the card is compared with the masked digits, the clerk is told so, and it is audited.
    void checkIdCardOfflineSaysSo()
    {
        MainWindow* window = openContactsOf(QStringLiteral("3300000001"));
        QVERIFY(window);
        QPushButton* check = child<QPushButton>(window, "checkIdCard");
        QVERIFY(check->isVisible());
        Test::ModalHelper input([](QDialog& dialog) {
            QTest::keyClicks(dialog.findChild<QLineEdit*>(), QStringLiteral("330102199001011231"));
            dialog.accept();
        });
        QTest::mouseClick(check, Qt::LeftButton); // returns once the number was entered; the answer comes later
        QVERIFY(input.answered());
        QString said;
        // HALLDESK_SCREENSHOT_DIR=DIR: pictures of the contacts tab and the answer, for docs/security.md
        const QString pictures = qEnvironmentVariable("HALLDESK_SCREENSHOT_DIR");
        if (!pictures.isEmpty()) {
            window->resize(1280, 800);
            QVERIFY(window->grab().save(pictures + QStringLiteral("/idcard-contacts.png")));
        }
        Test::ModalHelper result([&said, &pictures](QDialog& dialog) {
            said = static_cast<QMessageBox&>(dialog).text();
            if (!pictures.isEmpty()) {
                dialog.grab().save(pictures + QStringLiteral("/idcard-offline.png"));
            }
            dialog.accept();
        });
        QTRY_VERIFY(result.answered());
        QVERIFY2(said.contains(QStringLiteral("Offline")) && said.contains(QStringLiteral("were not checked")),
                 qPrintable(said));
        QCOMPARE(auditCount(QStringLiteral("personal_data.id_check")), 1);
    }

private:
    SignInDialog* showSignIn()
    {
        m_desk->showSignIn();
        SignInDialog* dialog = m_desk->signInDialog();
        if (!dialog || !QTest::qWaitForWindowExposed(dialog)) {
            return nullptr;
        }
        return dialog;
    }

    // Signs in through the dialog with the keyboard and waits for the main window.
    MainWindow* signIn()
    {
        SignInDialog* dialog = showSignIn();
        if (!dialog) {
            return nullptr;
        }
        QTest::keyClicks(child<QLineEdit>(dialog, "signInCode"), QStringLiteral("clerk01"));
        QLineEdit* password = child<QLineEdit>(dialog, "signInPassword");
        QTest::keyClicks(password, kClerkPassword);
        QTest::keyClick(password, Qt::Key_Return);
        if (!QTest::qWaitFor([this] { return m_desk->mainWindow() && m_desk->mainWindow()->isVisible(); })) {
            return nullptr;
        }
        MainWindow* window = m_desk->mainWindow();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window)) {
            return nullptr;
        }
        return window;
    }

    MainWindow* openContactsOf(const QString& accountNo)
    {
        MainWindow* window = signIn();
        if (!window || !window->openAccount(accountNo)) {
            return nullptr;
        }
        auto* tabs = child<QTabWidget>(window, "accountTabs");
        tabs->setCurrentIndex(2);
        return window;
    }

    QString storedMobile()
    {
        return Sql::scalar(m_temp->store().connection(),
                           QStringLiteral("SELECT mobile FROM contacts WHERE account_id = 1"))
            .toString();
    }

    qint64 auditCount(const QString& action)
    {
        return Sql::scalar(
                   m_temp->store().connection(),
                   QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ? AND entity_key = '3300000001'"),
                   {action})
            .toLongLong();
    }

    std::unique_ptr<Test::TempStore> m_temp;
    qint64 m_hallId = 0;
    std::unique_ptr<ServiceSet> m_services;
    std::unique_ptr<Desk> m_desk;
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
