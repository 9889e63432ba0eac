// The payment counter driven with the keyboard, as a clerk works it: the exact cash payment in a few keystrokes, a
// split tender, a late-fee waiver and a void with a supervisor's second credential, the daily settlement with a
// variance, and bad input that writes nothing. A real store in a temporary folder, the real services and widgets.
#include "app/accounts/AccountService.h"
#include "app/auth/AuthService.h"
#include "app/counter/CounterService.h"
#include "app/lookup/LookupService.h"
#include "app/setup/Installation.h"
#include "app/sync/RejectedEvents.h"
#include "db/Sql.h"
#include "tests/support/ModalHelper.h"
#include "tests/support/StoreBuilder.h"
#include "tests/support/TempStore.h"
#include "tests/support/Widgets.h"
#include "ui/MainWindow.h"
#include "ui/ServiceSet.h"
#include "ui/common/Theme.h"
#include "ui/counter/CounterScreen.h"
#include "ui/counter/ShiftPanel.h"
#include "ui/counter/ShiftPaymentModel.h"
#include "ui/counter/TenderPanel.h"
#include "ui/lookup/LookupModel.h"
#include "ui/lookup/LookupScreen.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <memory>

using namespace HallDesk;

namespace {

using Test::child;
using Test::commitText;

const QString kClerkPassword = QStringLiteral("counter-2026");
const QString kSupervisorPassword = QStringLiteral("supervise-2026");

// Types into whatever has the keyboard focus, as a person's keys would go. After a modal dialog closed, the window
// under it becomes active again first.
QWidget* focused()
{
    if (!QApplication::focusWidget()) {
        for (QWidget* window : QApplication::topLevelWidgets()) {
            if (window->isVisible() && qobject_cast<QMainWindow*>(window)) {
                window->activateWindow();
            }
        }
        if (!QTest::qWaitFor([] { return QApplication::focusWidget() != nullptr; }, 2000)) {
            qWarning("nothing has the keyboard focus");
        }
    }
    return QApplication::focusWidget();
}

// Fills the supervisor's part of an approval dialog and presses Enter in the password field.
void approve(QDialog& dialog, const QString& reason, const QString& password)
{
    auto* reasonEdit = child<QPlainTextEdit>(&dialog, "approvalReason");
    if (reasonEdit->toPlainText().isEmpty()) {
        reasonEdit->setFocus();
        commitText(reasonEdit, reason);
    }
    auto* code = child<QLineEdit>(&dialog, "approverCode");
    if (code->text().isEmpty()) {
        QTest::keyClicks(code, QStringLiteral("sup01"));
    }
    auto* passwordEdit = child<QLineEdit>(&dialog, "approverPassword");
    passwordEdit->setFocus();
    passwordEdit->clear();
    QTest::keyClicks(passwordEdit, password);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
}

// With HALLDESK_TEST_SCREENSHOTS=DIR, pictures of the windows and dialogs as the test sees them, to look at.
void snapshot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("HALLDESK_TEST_SCREENSHOTS");
    if (!dir.isEmpty() && widget) {
        widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
    }
}

} // namespace

class TestCounterScreen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Theme::apply(*qApp);
    }

    void init()
    {
        m_temp = std::make_unique<Test::TempStore>();
        Store& store = m_temp->store();
        const qint64 hallId = Installation::configure(
            store, HallInfo{QStringLiteral("H01"), QStringLiteral("城东供电营业厅"), {}, {}, {}, {}},
            QStringLiteral("T01"));
        m_services = std::make_unique<ServiceSet>(store);
        m_services->auth.addOperator(QStringLiteral("clerk01"), QStringLiteral("刘收费"), {Role::Clerk}, kClerkPassword,
                                     std::nullopt);
        m_services->auth.addOperator(QStringLiteral("sup01"), QStringLiteral("陈主任"), {Role::Supervisor},
                                     kSupervisorPassword, std::nullopt);

        // 王建国 (residential) owes 123.45 due yesterday: the late fee is the ¥1 minimum, 124.45 in all.
        // 王建华 (commercial) owes 500.00 overdue ten days and 300.00 not yet due. 李秀英 is in 王建国's family group
        // and owes 88.00 due in five days.
        QSqlDatabase db = store.connection();
        const Test::StoreBuilder rows(db);
        const auto addAccount = [&](qint64 id, const QString& no, const QString& name, const QString& cls) {
            rows.account({.id = id,
                          .accountNo = no,
                          .name = name,
                          .customerClass = cls,
                          .address = QStringLiteral("东湖区幸福街道%1号").arg(id),
                          .hallId = hallId,
                          .meterNo = QStringLiteral("M0000%1").arg(id)});
        };
        addAccount(1, QStringLiteral("3300000001"), QStringLiteral("王建国"), QStringLiteral("residential"));
        addAccount(2, QStringLiteral("3300000002"), QStringLiteral("王建华"), QStringLiteral("commercial"));
        addAccount(3, QStringLiteral("3300000003"), QStringLiteral("李秀英"), QStringLiteral("residential"));
        addAccount(4, QStringLiteral("3300000004"), QStringLiteral("赵一"), QStringLiteral("residential"));
        // 赵一 owes nothing and has 50.00 prepaid, on its ledger.
        Sql::exec(db, QStringLiteral("UPDATE accounts SET prepaid_fen = 5000 WHERE id = 4"));
        Sql::exec(db,
                  QStringLiteral("INSERT INTO prepaid_ledger (account_id, delta_fen, balance_after, created_at, "
                                 "note) VALUES (4, 5000, 5000, '2026-01-01T00:00:00Z', 'opening')"));
        const QDate today = m_services->counter.businessDate();
        const auto addBill = [&](qint64 accountId, int monthsBack, qint64 fen, int dueInDays) {
            rows.bill({.accountId = accountId,
                       .period = today.addMonths(-monthsBack).toString(QStringLiteral("yyyy-MM")),
                       .kwh = 230,
                       .amountFen = fen,
                       .issueDate = today.addDays(dueInDays - 15).toString(Qt::ISODate),
                       .dueDate = today.addDays(dueInDays).toString(Qt::ISODate)});
        };
        addBill(1, 1, 12345, -1);
        addBill(2, 2, 50000, -10);
        addBill(2, 1, 30000, 10);
        addBill(3, 1, 8800, 5);
        rows.group({.id = 1, .code = QStringLiteral("G1"), .name = QStringLiteral("王家")}, {1, 3});

        const AuthService::SignIn signIn = m_services->auth.signIn(QStringLiteral("clerk01"), kClerkPassword);
        QVERIFY(signIn.ok() && signIn.op);
        m_window = std::make_unique<MainWindow>(m_services->view(), Session{*signIn.op, m_services->auth.workplace()});
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_keystrokes = 0;
    }

    void cleanup()
    {
        m_window.reset();
        m_services.reset();
        m_temp.reset();
    }

    void exactCashPaymentTakesAtMostFiveKeystrokes()
    {
        QVERIFY(m_window->openCounter(QStringLiteral("3300000001")));
        CounterScreen* counter = m_window->counterScreen();
        QCOMPARE(counter->amountDue(), Money::fromFen(12445));
        QCOMPARE(child<QLabel>(m_window.get(), "amountDue")->text(), QStringLiteral("¥124.45"));

        press(Qt::Key_F5); // cash: the amount is prefilled with what is due
        QCOMPARE(child<QLineEdit>(m_window.get(), "tenderAmount")->text(), QStringLiteral("124.45"));
        press(Qt::Key_Return); // the amount; the tendered money starts at the amount
        QCOMPARE(focused()->objectName(), QStringLiteral("tenderTendered"));
        press(Qt::Key_Return); // exact money: the payment is taken
        QVERIFY2(m_keystrokes <= 5, qPrintable(QString::number(m_keystrokes)));

        QVERIFY(counter->lastPayment());
        const PaymentResult& result = *counter->lastPayment();
        QCOMPARE(result.amount, Money::fromFen(12445));
        QCOMPARE(result.change, Money());
        QCOMPARE(result.receiptNos, QStringList{QStringLiteral("H01T01-00000001")});
        QCOMPARE(scalar("SELECT status FROM bills WHERE account_id = 1").toString(), QStringLiteral("paid"));
        QCOMPARE(scalar("SELECT paid_fen FROM bills WHERE account_id = 1").toLongLong(), 12345);
        QCOMPARE(scalar("SELECT count(*) FROM receipts WHERE receipt_no = 'H01T01-00000001'").toInt(), 1);
        QVERIFY(m_services->counter.check().ok());

        // The result stays in view and the counter is ready for the next customer.
        QVERIFY(child<QLabel>(m_window.get(), "counterMessage")->text().contains(QStringLiteral("H01T01-00000001")));
        QCOMPARE(focused()->objectName(), QStringLiteral("counterAccount"));
        QVERIFY(counter->accountNos().isEmpty());
        QCOMPARE(counter->shiftPanel()->model()->rowCount(), 1);
    }

    void cashHandedOverShowsTheChangeLarge()
    {
        QVERIFY(m_window->openCounter(QStringLiteral("3300000001")));
        press(Qt::Key_F5);
        press(Qt::Key_Return);
        QTest::keyClicks(focused(), QStringLiteral("200"));
        QCOMPARE(child<QLabel>(m_window.get(), "changeDue")->text(), QStringLiteral("¥75.55"));
        press(Qt::Key_Return);
        QVERIFY(m_window->counterScreen()->lastPayment());
        snapshot(m_window.get(), QStringLiteral("paid-with-change"));
        QCOMPARE(m_window->counterScreen()->lastPayment()->change, Money::fromFen(7555));
        QCOMPARE(child<QLabel>(m_window.get(), "changeDue")->text(), QStringLiteral("¥75.55"));
        QCOMPARE(scalar("SELECT tendered_fen FROM payment_tenders").toLongLong(), 20000);
        QCOMPARE(scalar("SELECT change_fen FROM payment_tenders").toLongLong(), 7555);
    }

    void splitTenderCardWithReferenceAndCashWithChange()
    {
        // Typing the 户号 on the counter loads the account.
        m_window->showScreen(QStringLiteral("counter"));
        QTest::keyClick(m_window.get(), Qt::Key_F4);
        QCOMPARE(m_window->currentScreen(), QStringLiteral("counter"));
        QCOMPARE(focused()->objectName(), QStringLiteral("counterAccount"));
        QTest::keyClicks(focused(), QStringLiteral("3300000002"));
        QTest::keyClick(focused(), Qt::Key_Return);
        CounterScreen* counter = m_window->counterScreen();
        QCOMPARE(counter->accountNos(), QStringList{QStringLiteral("3300000002")});
        const Money due = counter->amountDue();
        QVERIFY(due > Money::fromYuan(800)); // 800.00 principal and a late fee on the overdue bill

        press(Qt::Key_F6);
        QTest::keyClicks(focused(), QStringLiteral("300"));
        press(Qt::Key_Return);
        QCOMPARE(focused()->objectName(), QStringLiteral("tenderReference"));
        press(Qt::Key_Return); // no reference: refused
        QVERIFY(child<QLabel>(m_window.get(), "tenderError")->isVisible());
        QTest::keyClicks(focused(), QStringLiteral("POS889123"));
        press(Qt::Key_Return);
        QCOMPARE(counter->tenderPanel()->tenders().size(), 1);
        QCOMPARE(counter->tenderPanel()->remaining(), due - Money::fromYuan(300));

        press(Qt::Key_F5);
        QCOMPARE(child<QLineEdit>(m_window.get(), "tenderAmount")->text(), (due - Money::fromYuan(300)).toString());
        press(Qt::Key_Return);
        QTest::keyClicks(focused(), QStringLiteral("600"));
        press(Qt::Key_Return);

        QVERIFY(counter->lastPayment());
        const Money change = Money::fromYuan(600) - (due - Money::fromYuan(300));
        QCOMPARE(counter->lastPayment()->change, change);
        QCOMPARE(child<QLabel>(m_window.get(), "changeDue")->text(), change.toCurrencyString());
        QCOMPARE(scalar("SELECT reference FROM payment_tenders WHERE method = 'card'").toString(),
                 QStringLiteral("POS889123"));
        QCOMPARE(scalar("SELECT amount_fen FROM payment_tenders WHERE method = 'card'").toLongLong(), 30000);
        QCOMPARE(scalar("SELECT change_fen FROM payment_tenders WHERE method = 'cash'").toLongLong(), change.fen());
        QCOMPARE(scalar("SELECT count(*) FROM bills WHERE account_id = 2 AND status = 'paid'").toInt(), 2);
        QVERIFY(m_services->counter.check().ok());
    }

    void waiverNeedsTheSupervisorAndRefusesAWrongPassword()
    {
        QVERIFY(m_window->openCounter(QStringLiteral("3300000001")));
        CounterScreen* counter = m_window->counterScreen();
        bool refusedInPlace = false;
        Test::ModalHelper helper([&](QDialog& dialog) {
            auto* charged = child<QLineEdit>(&dialog, "waiverCharged");
            QVERIFY(charged->hasFocus());
            QTest::keyClicks(charged, QStringLiteral("0"));
            approve(dialog, QStringLiteral("首次逾期，客户住院"), QStringLiteral("wrong-password"));
            QLabel* message = child<QLabel>(&dialog, "approvalMessage");
            refusedInPlace = dialog.isVisible() && message->isVisible() && !message->text().isEmpty();
            snapshot(&dialog, QStringLiteral("waiver-refused"));
            approve(dialog, {}, kSupervisorPassword);
        });
        QTest::keyClick(focused(), Qt::Key_E, Qt::ControlModifier);
        QVERIFY(helper.answered());
        QVERIFY(refusedInPlace);
        QCOMPARE(counter->amountDue(), Money::fromFen(12345)); // the ¥1 late fee is waived

        press(Qt::Key_F5);
        press(Qt::Key_Return);
        press(Qt::Key_Return);
        QVERIFY(counter->lastPayment());
        QCOMPARE(counter->lastPayment()->amount, Money::fromFen(12345));
        QCOMPARE(scalar("SELECT count(*) FROM late_fee_waivers WHERE charged_fen = 0 AND computed_fen = 100 AND "
                        "approver_id = (SELECT id FROM operators WHERE code = 'sup01')")
                     .toInt(),
                 1);
        QCOMPARE(scalar("SELECT reason FROM late_fee_waivers").toString(), QStringLiteral("首次逾期，客户住院"));
        QCOMPARE(scalar("SELECT status FROM bills WHERE account_id = 1").toString(), QStringLiteral("paid"));
    }

    void waiverCancelledChangesNothing()
    {
        QVERIFY(m_window->openCounter(QStringLiteral("3300000001")));
        Test::ModalHelper helper([](QDialog& dialog) { QTest::keyClick(&dialog, Qt::Key_Escape); });
        QTest::keyClick(focused(), Qt::Key_E, Qt::ControlModifier);
        QVERIFY(helper.answered());
        QCOMPARE(m_window->counterScreen()->amountDue(), Money::fromFen(12445));
    }

    void voidWithApprovalRestoresTheBill()
    {
        QVERIFY(m_window->openCounter(QStringLiteral("3300000001")));
        press(Qt::Key_F5);
        press(Qt::Key_Return);
        press(Qt::Key_Return);
        QCOMPARE(scalar("SELECT status FROM bills WHERE account_id = 1").toString(), QStringLiteral("paid"));

        QTest::keyClick(focused(), Qt::Key_T, Qt::ControlModifier);
        auto* payments = child<QTableView>(m_window.get(), "shiftPayments");
        QVERIFY(payments->hasFocus());
        QCOMPARE(payments->currentIndex().row(), 0);
        Test::ModalHelper helper([](QDialog& dialog) {
            QCOMPARE(dialog.objectName(), QStringLiteral("voidDialog"));
            approve(dialog, QStringLiteral("收错户号"), kSupervisorPassword);
            QVERIFY(!dialog.isVisible());
        });
        QTest::keyClick(focused(), Qt::Key_F11);
        QVERIFY(helper.answered());

        QCOMPARE(scalar("SELECT voided FROM payments").toInt(), 1);
        QCOMPARE(scalar("SELECT count(*) FROM voids WHERE reason = '收错户号'").toInt(), 1);
        QVERIFY(scalar("SELECT status FROM bills WHERE account_id = 1").toString() != QLatin1String("paid"));
        QCOMPARE(scalar("SELECT paid_fen FROM bills WHERE account_id = 1").toLongLong(), 0);
        QVERIFY(m_services->counter.check().ok());
        const ShiftPaymentModel* model = m_window->counterScreen()->shiftPanel()->model();
        QVERIFY(model->paymentAt(0) && model->paymentAt(0)->voided);
        snapshot(m_window.get(), QStringLiteral("voided"));

        // A voided payment cannot be voided again: the button says so by being off, F11 by a message.
        Test::ModalHelper none([](QDialog& dialog) { dialog.reject(); }, 300);
        QTest::keyClick(focused(), Qt::Key_F11);
        QVERIFY(!none.answered());
        QCOMPARE(scalar("SELECT count(*) FROM voids").toInt(), 1);
    }

    void settlementWithVarianceNeedsApproval()
    {
        QVERIFY(m_window->openCounter(QStringLiteral("3300000001")));
        press(Qt::Key_F5);
        press(Qt::Key_Return);
        press(Qt::Key_Return);

        bool hiddenBeforeSubmit = false;
        bool shownAfterSubmit = false;
        bool approvalAsked = false;
        std::unique_ptr<Test::ModalHelper> approval;
        Test::ModalHelper helper([&](QDialog& dialog) {
            QTest::mouseClick(child<QCheckBox>(&dialog, "blindCount"), Qt::LeftButton, {}, QPoint(6, 6));
            QVERIFY(child<QCheckBox>(&dialog, "blindCount")->isChecked());
            hiddenBeforeSubmit = !child<QLabel>(&dialog, "expected_cash")->isVisible();
            // One 100 and one 20: 120.00 counted against 124.45 taken.
            auto* hundreds = child<QSpinBox>(&dialog, "count_10000");
            hundreds->setFocus();
            hundreds->selectAll();
            QTest::keyClicks(hundreds, QStringLiteral("1"));
            auto* twenties = child<QSpinBox>(&dialog, "count_2000");
            twenties->setFocus();
            twenties->selectAll();
            QTest::keyClicks(twenties, QStringLiteral("1"));
            QCOMPARE(child<QLabel>(&dialog, "cashCounted")->text(), QStringLiteral("¥120.00"));
            snapshot(&dialog, QStringLiteral("settlement-blind"));
            approval = std::make_unique<Test::ModalHelper>([&](QDialog& approvalDialog) {
                snapshot(&dialog, QStringLiteral("settlement-submitted"));
                snapshot(&approvalDialog, QStringLiteral("settlement-approval"));
                approvalAsked = approvalDialog.objectName() == QLatin1String("settlementApproval");
                shownAfterSubmit = child<QLabel>(&dialog, "expected_cash")->isVisible();
                approve(approvalDialog, QStringLiteral("少收4.45元，已登记"), kSupervisorPassword);
            });
            QTest::keyClick(twenties, Qt::Key_Return);
        });
        QTest::keyClick(focused(), Qt::Key_F12);
        QVERIFY(helper.answered());
        QVERIFY(approvalAsked);
        QVERIFY(hiddenBeforeSubmit);
        QVERIFY(shownAfterSubmit);

        QCOMPARE(scalar("SELECT variance_fen FROM settlements").toLongLong(), -445);
        QCOMPARE(scalar("SELECT blind FROM settlements").toInt(), 1);
        QCOMPARE(scalar("SELECT reason FROM settlements").toString(), QStringLiteral("少收4.45元，已登记"));
        QVERIFY(!scalar("SELECT approver_id FROM settlements").isNull());
        QCOMPARE(scalar("SELECT count FROM settlement_cash_counts WHERE denomination_fen = 2000").toInt(), 1);

        // A settled shift takes no more payments: the service's message shows and nothing is written.
        QVERIFY(m_window->openCounter(QStringLiteral("3300000002")));
        press(Qt::Key_F5);
        press(Qt::Key_Return);
        press(Qt::Key_Return);
        QCOMPARE(scalar("SELECT count(*) FROM payments").toInt(), 1);
        QLabel* message = child<QLabel>(m_window.get(), "counterMessage");
        QVERIFY(message->isVisible());
        QCOMPARE(message->property("role").toString(), QStringLiteral("error"));
    }

    void badAmountShowsTheMessageAndWritesNothing()
    {
        QVERIFY(m_window->openCounter(QStringLiteral("3300000001")));
        press(Qt::Key_F5);
        QTest::keyClicks(focused(), QStringLiteral("12.345"));
        press(Qt::Key_Return);
        QLabel* error = child<QLabel>(m_window.get(), "tenderError");
        QVERIFY(error->isVisible());
        QString expected;
        QVERIFY(!Money::parse(QStringLiteral("12.345"), &expected));
        QCOMPARE(error->text(), expected);
        QCOMPARE(focused()->objectName(), QStringLiteral("tenderAmount"));
        QCOMPARE(error->property("role").toString(), QStringLiteral("error"));

        press(Qt::Key_F9); // taking the payment refuses the same input
        QVERIFY(error->isVisible());
        QTest::keyClick(focused(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(focused(), QStringLiteral("abc"));
        press(Qt::Key_F9);
        QVERIFY(error->isVisible());

        // Tendered less than the amount.
        press(Qt::Key_F5);
        press(Qt::Key_Return);
        QTest::keyClicks(focused(), QStringLiteral("100"));
        press(Qt::Key_Return);
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("100.00")));
        snapshot(m_window.get(), QStringLiteral("bad-tendered"));

        QCOMPARE(scalar("SELECT count(*) FROM payments").toInt(), 0);
        QCOMPARE(scalar("SELECT count(*) FROM receipts").toInt(), 0);
        QCOMPARE(scalar("SELECT status FROM bills WHERE account_id = 1").toString(), QStringLiteral("open"));
    }

    void partialPaymentWithF9AndPayerGroup()
    {
        QVERIFY(m_window->openCounter(QStringLiteral("3300000001")));
        QTest::keyClick(focused(), Qt::Key_G, Qt::ControlModifier);
        CounterScreen* counter = m_window->counterScreen();
        QCOMPARE(counter->accountNos(), (QStringList{QStringLiteral("3300000001"), QStringLiteral("3300000003")}));
        QCOMPARE(counter->amountDue(), Money::fromFen(12445 + 8800));
        snapshot(m_window.get(), QStringLiteral("payer-group"));

        press(Qt::Key_F5);
        QTest::keyClicks(focused(), QStringLiteral("150"));
        press(Qt::Key_Return);
        press(Qt::Key_Return); // adds the line; 62.45 remain, so nothing is taken yet
        QVERIFY(!counter->lastPayment());
        QCOMPARE(counter->tenderPanel()->remaining(), Money::fromFen(6245));
        QCOMPARE(counter->tenderPanel()->receiptMode(), ReceiptMode::Combined);
        QTest::keyClick(focused(), Qt::Key_R, Qt::ControlModifier); // one receipt per account
        QCOMPARE(counter->tenderPanel()->receiptMode(), ReceiptMode::PerAccount);
        press(Qt::Key_F9);
        QVERIFY(counter->lastPayment());
        QCOMPARE(counter->lastPayment()->receiptNos,
                 (QStringList{QStringLiteral("H01T01-00000001"), QStringLiteral("H01T01-00000002")}));
        // The oldest bill first, its late fee with it; the rest to 李秀英's newer bill.
        QCOMPARE(scalar("SELECT status FROM bills WHERE account_id = 1").toString(), QStringLiteral("paid"));
        QCOMPARE(scalar("SELECT paid_fen FROM bills WHERE account_id = 3").toLongLong(), 15000 - 12445);
        QVERIFY(m_services->counter.check().ok());
    }

    void accountChangedMeanwhileIsReloadedAndNothingWritten()
    {
        QVERIFY(m_window->openCounter(QStringLiteral("3300000001")));
        // Another terminal (or a sync) adds a bill while the customer stands at this counter.
        Test::StoreBuilder(m_temp->store().connection())
            .bill({.accountId = 1,
                   .period = QStringLiteral("2020-01"),
                   .kwh = 10,
                   .amountFen = 1000,
                   .issueDate = QStringLiteral("2020-01-01"),
                   .dueDate = QStringLiteral("2099-01-01")});
        press(Qt::Key_F5);
        press(Qt::Key_Return);
        press(Qt::Key_Return);
        QCOMPARE(scalar("SELECT count(*) FROM payments").toInt(), 0);
        QLabel* message = child<QLabel>(m_window.get(), "counterMessage");
        QVERIFY(message->isVisible());
        QCOMPARE(message->property("role").toString(), QStringLiteral("error"));
        // The screen shows what is due now, and no tender of the old amount is left to take.
        QCOMPARE(m_window->counterScreen()->amountDue(), Money::fromFen(12445 + 1000));
        QVERIFY(m_window->counterScreen()->tenderPanel()->tenders().isEmpty());
        press(Qt::Key_F5);
        press(Qt::Key_Return);
        press(Qt::Key_Return);
        QCOMPARE(scalar("SELECT count(*) FROM payments").toInt(), 1);
        QVERIFY(m_services->counter.check().ok());
    }

    void topUpAndRefundOfPrepaidBalance()
    {
        QVERIFY(m_window->openCounter(QStringLiteral("3300000004")));
        CounterScreen* counter = m_window->counterScreen();
        QCOMPARE(counter->amountDue(), Money());
        press(Qt::Key_F5);
        QVERIFY(child<QLineEdit>(m_window.get(), "tenderAmount")->text().isEmpty());
        QTest::keyClicks(focused(), QStringLiteral("100"));
        press(Qt::Key_Return);
        press(Qt::Key_Return);
        QVERIFY(counter->lastPayment());
        QCOMPARE(scalar("SELECT prepaid_fen FROM accounts WHERE id = 4").toLongLong(), 15000);

        QVERIFY(m_window->openCounter(QStringLiteral("3300000004")));
        Test::ModalHelper helper([](QDialog& dialog) {
            auto* amount = child<QLineEdit>(&dialog, "refundAmount");
            QCOMPARE(amount->text(), QStringLiteral("150.00"));
            amount->selectAll();
            QTest::keyClicks(amount, QStringLiteral("200"));
            approve(dialog, QStringLiteral("customer moves away"), kSupervisorPassword);
            QVERIFY(dialog.isVisible()); // more than the balance: refused before the credentials count
            QVERIFY(child<QLabel>(&dialog, "approvalMessage")->text().contains(QStringLiteral("150.00")));
            amount->selectAll();
            QTest::keyClicks(amount, QStringLiteral("120"));
            approve(dialog, {}, kSupervisorPassword);
            QVERIFY2(!dialog.isVisible(), qPrintable(child<QLabel>(&dialog, "approvalMessage")->text()));
        });
        QTest::keyClick(focused(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(helper.answered());
        QCOMPARE(scalar("SELECT prepaid_fen FROM accounts WHERE id = 4").toLongLong(), 3000);
        QCOMPARE(scalar("SELECT count(*) FROM payments WHERE kind = 'refund' AND amount_fen = 12000").toInt(), 1);
        QCOMPARE(counter->dues().prepaid(), Money::fromFen(3000));
        QVERIFY(m_services->counter.check().ok());
    }

    void escapeClearsTheEntry()
    {
        QVERIFY(m_window->openCounter(QStringLiteral("3300000001")));
        press(Qt::Key_F5);
        QTest::keyClicks(focused(), QStringLiteral("x"));
        press(Qt::Key_Return);
        QVERIFY(child<QLabel>(m_window.get(), "tenderError")->isVisible());
        press(Qt::Key_Escape);
        QVERIFY(child<QLineEdit>(m_window.get(), "tenderAmount")->text().isEmpty());
        QVERIFY(!child<QLabel>(m_window.get(), "tenderError")->isVisible());
        press(Qt::Key_Escape);
        QCOMPARE(focused()->objectName(), QStringLiteral("counterAccount"));
    }

    void payFromTheLookup()
    {
        m_window->showScreen(QStringLiteral("lookup"));
        auto* search = child<QLineEdit>(m_window.get(), "lookupSearch");
        QTRY_VERIFY(search->hasFocus());
        commitText(search, QStringLiteral("王建华"));
        QTRY_COMPARE(m_window->lookupScreen()->model()->rowCount(), 1);
        QTRY_VERIFY(!m_window->lookupScreen()->isBusy());
        QTest::keyClick(search, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(m_window->currentScreen(), QStringLiteral("counter"));
        QCOMPARE(m_window->counterScreen()->accountNos(), QStringList{QStringLiteral("3300000002")});
    }

    void payFromTheAccountView()
    {
        QVERIFY(m_window->openAccount(QStringLiteral("3300000002")));
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(m_window->currentScreen(), QStringLiteral("counter"));
        QCOMPARE(m_window->counterScreen()->accountNos(), QStringList{QStringLiteral("3300000002")});
    }

private:
    void press(Qt::Key key)
    {
        ++m_keystrokes;
        QTest::keyClick(focused(), key);
    }

    QVariant scalar(const char* sql) { return Sql::scalar(m_temp->store().connection(), QString::fromUtf8(sql)); }

    std::unique_ptr<Test::TempStore> m_temp;
    std::unique_ptr<ServiceSet> m_services;
    std::unique_ptr<MainWindow> m_window;
    int m_keystrokes = 0;
};

QTEST_MAIN(TestCounterScreen)
#include "TestCounterScreen.moc"
