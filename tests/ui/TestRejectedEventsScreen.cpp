// The supervisor's screen of events the centre rejected, driven like a person would: sign in as a supervisor,
// Ctrl+F5, pick a row with the keyboard, read the original payment in the detail panel, mark it reviewed with a note
// (refused without one), send another again, and see the status bar's count follow. A clerk does not get the screen;
// an administrator acts with a supervisor's second credential. Real store, real services, real widgets.
#include "app/accounts/AccountService.h"
#include "app/auth/AuthService.h"
#include "app/counter/CounterService.h"
#include "app/lookup/LookupService.h"
#include "app/sync/RejectedEvents.h"
#include "db/Sql.h"
#include "tests/support/CounterFixture.h"
#include "tests/support/ModalHelper.h"
#include "tests/support/Widgets.h"
#include "ui/Desk.h"
#include "ui/MainWindow.h"
#include "ui/ServiceSet.h"
#include "ui/auth/SignInDialog.h"
#include "ui/common/Theme.h"
#include "ui/sync/RejectedEventModel.h"
#include "ui/sync/RejectedEventsScreen.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <memory>

using namespace HallDesk;

namespace {

using Test::child;
using Test::commitText;

// With HALLDESK_TEST_SCREENSHOTS=DIR, pictures of the windows and dialogs as the test sees them, to look at.
void snapshot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("HALLDESK_TEST_SCREENSHOTS");
    if (!dir.isEmpty() && widget) {
        widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
    }
}

const QString kUnknown3 = QStringLiteral("account 3300000003 is not known at the centre");

} // namespace

class TestRejectedEventsScreen : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::CounterFixture> m_fixture;
    std::unique_ptr<ServiceSet> m_services;
    std::unique_ptr<Desk> m_desk;
    PaymentResult m_first; // 300.00 cash on 3300000003, rejected
    PaymentResult m_second; // 25.00 card on 3300000003, rejected

    QVariant scalar(const QString& sql, const QVariantList& values = {})
    {
        return Sql::scalar(m_fixture->store().connection(), sql, values);
    }

    PaymentResult pay(const Tender& tender)
    {
        PaymentRequest request;
        request.uuid = QUuid::createUuid();
        request.accountNos = {QStringLiteral("3300000003")};
        request.tenders = {tender};
        const PaymentResult paid = m_services->counter.pay(request, m_fixture->session("clerk01"));
        Sql::exec(m_fixture->store().connection(),
                  QStringLiteral("UPDATE outbox SET state = 'rejected', state_reason = ?, pushed_at = "
                                 "'2026-02-19T08:00:00Z' WHERE uuid = ?"),
                  {kUnknown3, paid.uuid.toString(QUuid::WithoutBraces)});
        return paid;
    }

    // Signs in through the dialog with the keyboard and waits for the main window.
    MainWindow* signIn(const QString& code)
    {
        m_desk->showSignIn();
        SignInDialog* dialog = m_desk->signInDialog();
        if (!dialog || !QTest::qWaitForWindowExposed(dialog)) {
            return nullptr;
        }
        QTest::keyClicks(child<QLineEdit>(dialog, "signInCode"), code);
        QLineEdit* password = child<QLineEdit>(dialog, "signInPassword");
        QTest::keyClicks(password, QString::fromLatin1(Test::CounterFixture::kPassword));
        QTest::keyClick(password, Qt::Key_Return);
        if (!QTest::qWaitFor([this] { return m_desk->mainWindow() && m_desk->mainWindow()->isVisible(); })) {
            return nullptr;
        }
        MainWindow* window = m_desk->mainWindow();
        window->activateWindow();
        return QTest::qWaitForWindowActive(window) ? window : nullptr;
    }

    QString syncLabel(MainWindow* window) { return child<QLabel>(window, "statusSync")->text(); }

    // Ctrl+F5, as a person opens the screen.
    RejectedEventsScreen* openScreen(MainWindow* window)
    {
        QTest::keyClick(window, Qt::Key_F5, Qt::ControlModifier);
        if (window->currentScreen() != QStringLiteral("rejected")) {
            return nullptr;
        }
        return window->rejectedScreen();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Theme::apply(*qApp);
    }

    void init()
    {
        m_fixture = std::make_unique<Test::CounterFixture>();
        Store& store = m_fixture->store();
        m_services = std::make_unique<ServiceSet>(store, Test::CounterFixture::clock());
        m_first = pay({TenderMethod::Cash, Money::fromFen(30000), Money::fromFen(40000), {}});
        m_second = pay({TenderMethod::Card, Money::fromFen(2500), Money::fromFen(2500), QStringLiteral("POS-0042")});
        m_desk = std::make_unique<Desk>(m_services->view(), m_services->auth.workplace());
    }

    void cleanup()
    {
        m_desk.reset();
        m_services.reset();
        m_fixture.reset();
    }

    void aSupervisorReviewsARejectedPaymentWithTheKeyboard()
    {
        MainWindow* window = signIn(QStringLiteral("super01"));
        QVERIFY(window);
        QTRY_VERIFY2(syncLabel(window).contains(QStringLiteral("2 rejected")), qPrintable(syncLabel(window)));
        QVERIFY(window->rejectedAction()->isVisible());

        RejectedEventsScreen* screen = openScreen(window);
        QVERIFY(screen);
        auto* table = child<QTableView>(screen, "rejectedEvents");
        QCOMPARE(table->model()->rowCount(), 2);
        QVERIFY(table->hasFocus());
        QCOMPARE(table->currentIndex().row(), 0); // the newest: the card payment
        auto* detail = child<QTextBrowser>(screen, "rejectedDetail");
        QVERIFY(detail->toPlainText().contains(m_second.receiptNos.first()));

        QTest::keyClick(table, Qt::Key_Down);
        const RejectedEvent* selected = screen->selectedEvent();
        QVERIFY(selected);
        QCOMPARE(selected->uuid, m_first.uuid.toString(QUuid::WithoutBraces));
        const QString text = detail->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("H01T01-00000001")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("¥300.00")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("3300000003 用户3")), qPrintable(text));
        QVERIFY2(text.contains(kUnknown3), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("¥400.00 / ¥100.00")), qPrintable(text)); // handed over / change
        QCOMPARE(table->model()->index(1, RejectedEventModel::AmountColumn).data().toString(),
                 QStringLiteral("300.00"));

        bool refused = false;
        Test::ModalHelper helper([&](QDialog& dialog) {
            auto* note = child<QPlainTextEdit>(&dialog, "reviewNote");
            QVERIFY(note->hasFocus());
            QTest::keyClick(note, Qt::Key_Return); // no note yet: refused, the dialog stays
            refused = dialog.isVisible() && child<QLabel>(&dialog, "reviewMessage")->isVisible();
            snapshot(&dialog, QStringLiteral("review-note-refused"));
            commitText(note, QStringLiteral("中心已核实：该户已销户，款项已退还客户"));
            QTest::keyClick(note, Qt::Key_Return);
        });
        QTest::mouseClick(child<QPushButton>(screen, "markReviewed"), Qt::LeftButton);
        QVERIFY(helper.answered());
        QVERIFY(refused);

        // The row left the open list; the event is still rejected, with who, when and the note.
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(screen->selectedEvent()->uuid, m_second.uuid.toString(QUuid::WithoutBraces));
        const qint64 seq = scalar(QStringLiteral("SELECT id FROM outbox WHERE uuid = ?"),
                                  {m_first.uuid.toString(QUuid::WithoutBraces)})
                               .toLongLong();
        QCOMPARE(scalar(QStringLiteral("SELECT state FROM outbox WHERE id = ?"), {seq}).toString(),
                 QStringLiteral("rejected"));
        QCOMPARE(scalar(QStringLiteral("SELECT review_note FROM outbox WHERE id = ?"), {seq}).toString(),
                 QStringLiteral("中心已核实：该户已销户，款项已退还客户"));
        QCOMPARE(m_services->rejected.find(seq)->reviewerCode, QStringLiteral("super01"));
        QVERIFY(child<QLabel>(screen, "rejectedMessage")->isVisible());
        QTRY_VERIFY2(syncLabel(window).contains(QStringLiteral("1 rejected")), qPrintable(syncLabel(window)));
        snapshot(window, QStringLiteral("rejected-after-review"));

        // Show reviewed too: both again, the reviewed one with its state. The window is active again after the
        // dialog, as it is for a person.
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QTest::keyClick(window, Qt::Key_T, Qt::AltModifier); // a mnemonic clicks after a short animation
        QTRY_VERIFY(screen->showsReviewed());
        QCOMPARE(table->model()->rowCount(), 2);
        QVERIFY(!table->isColumnHidden(RejectedEventModel::StateColumn));
        QCOMPARE(table->model()->index(1, RejectedEventModel::StateColumn).data().toString(),
                 QStringLiteral("Reviewed (super01)"));
        child<QCheckBox>(screen, "showReviewed")->setChecked(false);
        QCOMPARE(table->model()->rowCount(), 1);

        // Send the other one again: no dialog for a supervisor, back in the queue, and the list is empty.
        table->setFocus();
        QTest::keyClick(window, Qt::Key_A, Qt::AltModifier);
        QTRY_COMPARE(scalar(QStringLiteral("SELECT state FROM outbox WHERE uuid = ?"),
                            {m_second.uuid.toString(QUuid::WithoutBraces)})
                         .toString(),
                     QStringLiteral("pending"));
        QCOMPARE(table->model()->rowCount(), 0);
        auto* empty = child<QLabel>(screen, "rejectedEmpty");
        QVERIFY(empty->isVisible());
        QCOMPARE(empty->text(), QStringLiteral("No open rejected events."));
        QVERIFY(!detail->isVisible());
        QTRY_VERIFY2(!syncLabel(window).contains(QStringLiteral("rejected")), qPrintable(syncLabel(window)));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action IN ('sync.event_review', "
                                       "'sync.event_resend')"))
                     .toInt(),
                 2);
    }

    // A supervisor who also works the counter (the counter is for the roles that take money: a clerk's) has both
    // screens: on the counter F5 is cash, Ctrl+F5 the rejected events.
    void theCountersFunctionKeysStillWorkForASupervisor()
    {
        m_services->auth.addOperator(QStringLiteral("lead01"), QStringLiteral("孙班长"),
                                     {Role::Supervisor, Role::Clerk},
                                     QString::fromLatin1(Test::CounterFixture::kPassword), std::nullopt);
        MainWindow* window = signIn(QStringLiteral("lead01"));
        QVERIFY(window);
        QVERIFY(window->openCounter(QStringLiteral("3300000001")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F5); // cash, not the rejected events
        QCOMPARE(window->currentScreen(), QStringLiteral("counter"));
        QVERIFY(!child<QLineEdit>(window, "tenderAmount")->text().isEmpty());
        QVERIFY(openScreen(window));
    }

    void aClerkDoesNotGetTheScreen()
    {
        MainWindow* window = signIn(QStringLiteral("clerk01"));
        QVERIFY(window);
        QVERIFY(!window->rejectedScreen());
        QVERIFY(!window->rejectedAction()->isVisible());
        QTest::keyClick(window, Qt::Key_F5, Qt::ControlModifier);
        QCOMPARE(window->currentScreen(), QStringLiteral("lookup"));
        window->showScreen(QStringLiteral("rejected"));
        QCOMPARE(window->currentScreen(), QStringLiteral("lookup"));
        // The status bar still says that events wait for a supervisor.
        QTRY_VERIFY2(syncLabel(window).contains(QStringLiteral("2 rejected")), qPrintable(syncLabel(window)));
    }

    void anAdministratorActsWithASupervisorsApproval()
    {
        m_services->auth.addOperator(QStringLiteral("admin01"), QStringLiteral("系统管理员"), {Role::Admin},
                                     QString::fromLatin1(Test::CounterFixture::kPassword), std::nullopt);
        MainWindow* window = signIn(QStringLiteral("admin01"));
        QVERIFY(window);
        RejectedEventsScreen* screen = openScreen(window);
        QVERIFY(screen);
        Test::ModalHelper helper([&](QDialog& dialog) {
            QCOMPARE(dialog.objectName(), QStringLiteral("reviewApproval"));
            commitText(child<QPlainTextEdit>(&dialog, "approvalReason"), QStringLiteral("duplicate of receipt 2"));
            QTest::keyClicks(child<QLineEdit>(&dialog, "approverCode"), QStringLiteral("super02"));
            auto* password = child<QLineEdit>(&dialog, "approverPassword");
            QTest::keyClicks(password, QString::fromLatin1(Test::CounterFixture::kPassword));
            snapshot(&dialog, QStringLiteral("review-approval"));
            QTest::keyClick(password, Qt::Key_Return);
        });
        QTest::mouseClick(child<QPushButton>(screen, "markReviewed"), Qt::LeftButton);
        QVERIFY(helper.answered());
        QCOMPARE(screen->model()->rowCount(), 1);
        QSqlQuery entry = Sql::exec(m_fixture->store().connection(),
                                    QStringLiteral("SELECT o.code, a.code FROM audit_log l JOIN operators o ON o.id = "
                                                   "l.operator_id JOIN operators a ON a.id = l.approver_id WHERE "
                                                   "l.action = 'sync.event_review'"));
        QVERIFY(entry.next());
        QCOMPARE(entry.value(0).toString(), QStringLiteral("admin01"));
        QCOMPARE(entry.value(1).toString(), QStringLiteral("super02"));
    }
};

QTEST_MAIN(TestRejectedEventsScreen)
#include "TestRejectedEventsScreen.moc"
