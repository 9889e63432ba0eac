// A fresh install's first day, on the real window with the keyboard: the administrator's Settings menu (printers
// and paper, central server), the Print menu with its shortcuts, a receipt without a receipt printer opening the
// print preview with the printer and paper choice, and today's payments in the hall's time, as on the receipt.
#include "app/auth/AuthService.h"
#include "app/counter/CounterService.h"
#include "app/setup/Installation.h"
#include "db/Sql.h"
#include "db/Store.h"
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
#include "ui/print/DocumentPrinter.h"
#include "ui/settings/PrinterSettingsDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QMenu>
#include <QMenuBar>
#include <QPrintPreviewDialog>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <memory>

using namespace HallDesk;

namespace {

using Test::child;

const QString kPassword = QStringLiteral("first-day-2026");
// Chosen once, then unplugged: a printer name no test machine has.
const QString kMissingPrinter = QStringLiteral("HallDesk-Test-Receipt-Printer-Not-Installed");

// The menu of the menu bar that holds `action`, or null.
QMenu* menuOf(QMainWindow* window, QAction* action)
{
    for (QAction* item : window->menuBar()->actions()) {
        if (item->menu() && item->menu()->actions().contains(action)) {
            return item->menu();
        }
    }
    return nullptr;
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

class TestFirstRun : public QObject
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
        QSettings().clear();
        m_temp = std::make_unique<Test::TempStore>();
        Store& store = m_temp->store();
        const qint64 hallId = Installation::configure(
            store, HallInfo{QStringLiteral("H01"), QStringLiteral("城东供电营业厅"), {}, {}, {}, {}},
            QStringLiteral("T01"));
        m_services = std::make_unique<ServiceSet>(store);
        m_services->auth.addOperator(QStringLiteral("clerk01"), QStringLiteral("刘收费"), {Role::Clerk}, kPassword,
                                     std::nullopt);
        m_services->auth.addOperator(QStringLiteral("admin01"), QStringLiteral("周管理"), {Role::Admin}, kPassword,
                                     std::nullopt);
        QSqlDatabase db = store.connection();
        const Test::StoreBuilder rows(db);
        rows.account({.id = 1,
                      .accountNo = QStringLiteral("3300000001"),
                      .name = QStringLiteral("王建国"),
                      .customerClass = QStringLiteral("residential"),
                      .address = QStringLiteral("东湖区幸福街道1号"),
                      .hallId = hallId,
                      .meterNo = QStringLiteral("M00001")});
        const QDate today = m_services->counter.businessDate();
        rows.bill({.accountId = 1,
                   .period = today.toString(QStringLiteral("yyyy-MM")),
                   .kwh = 230,
                   .amountFen = 12345,
                   .issueDate = today.addDays(-5).toString(Qt::ISODate),
                   .dueDate = today.addDays(10).toString(Qt::ISODate)});
    }

    void cleanup()
    {
        m_window.reset();
        m_services.reset();
        m_temp.reset();
    }

    void settingsMenuIsTheAdministrators()
    {
        openWindow("clerk01");
        QVERIFY(!m_window->findChild<QMenu*>(QStringLiteral("settingsMenu")));
        QVERIFY(!m_window->printerSettingsAction()->isVisible());

        openWindow("admin01");
        auto* settings = child<QMenu>(m_window.get(), "settingsMenu");
        QVERIFY(settings);
        QVERIFY(settings->actions().contains(m_window->printerSettingsAction()));
        QVERIFY(settings->actions().contains(m_window->findChild<QAction*>(QStringLiteral("syncSettings"))));
        QVERIFY(m_window->printerSettingsAction()->isVisible());
    }

    void printMenuShowsItsShortcuts()
    {
        openWindow("clerk01");
        QMenu* print = menuOf(m_window.get(), m_window->printAgainAction());
        QVERIFY(print);
        QVERIFY(print->actions().contains(m_window->printPreviewAction()));
        print->popup(m_window->mapToGlobal(QPoint(40, 30)));
        QTRY_VERIFY(print->isVisible());
        snapshot(print, QStringLiteral("print-menu"));
        print->hide();
        QCOMPARE(m_window->printAgainAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_P));
        QCOMPARE(m_window->printPreviewAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
        // Window-wide: they work from the lookup as well as from the counter.
        QCOMPARE(m_window->printAgainAction()->shortcutContext(), Qt::WindowShortcut);
    }

    void administratorSavesPrinterAndPaperForThisComputer()
    {
        openWindow("admin01");
        QCOMPARE(DocumentPrinter::paper(), Paper::Roll80);
        Test::ModalHelper helper([](QDialog& dialog) {
            auto* paper = child<QComboBox>(&dialog, "receiptPaper");
            QVERIFY(paper);
            QCOMPARE(paper->currentData().toString(), paperCode(Paper::Roll80));
            paper->setFocus();
            QTest::keyClick(paper, Qt::Key_Down); // 80 mm → 58 mm
            QCOMPARE(paper->currentData().toString(), paperCode(Paper::Roll58));
            QVERIFY(child<QComboBox>(&dialog, "receiptPrinter"));
            QVERIFY(child<QComboBox>(&dialog, "reportPrinter"));
            snapshot(&dialog, QStringLiteral("printer-settings"));
            dialog.accept();
        });
        m_window->printerSettingsAction()->trigger();
        QVERIFY(helper.answered());
        QCOMPARE(DocumentPrinter::paper(), Paper::Roll58);
        QCOMPARE(DocumentPrinter::printerName(DocumentPrinter::Destination::Receipt), QString());
    }

    void aPrinterChosenButNotInstalledStaysListedAsSuch()
    {
        DocumentPrinter::setPrinterName(kMissingPrinter, DocumentPrinter::Destination::Report);
        PrinterSettingsDialog dialog;
        QCOMPARE(dialog.reportPrinter()->currentData().toString(), kMissingPrinter);
        QVERIFY(dialog.reportPrinter()->currentText().contains(kMissingPrinter));
        QCOMPARE(dialog.receiptPrinter()->currentData().toString(), QString());
    }

    void receiptWithoutPrinterOpensThePreviewWithPrinterAndPaper()
    {
        DocumentPrinter::setPrinterName(kMissingPrinter); // chosen once, not installed here
        openWindow("clerk01");
        m_window->setAttended(true); // a clerk at the counter, as in the hall
        QVERIFY(m_window->openCounter(QStringLiteral("3300000001")));

        bool hadChoices = false;
        QString title;
        Test::ModalHelper helper([&](QDialog& dialog) {
            title = dialog.windowTitle();
            hadChoices = qobject_cast<QPrintPreviewDialog*>(&dialog)
                && dialog.findChild<QComboBox*>(QStringLiteral("printerChoice"))
                && dialog.findChild<QComboBox*>(QStringLiteral("paperChoice"))
                && dialog.findChild<QPushButton*>(QStringLiteral("printButton"));
            dialog.resize(900, 640);
            snapshot(&dialog, QStringLiteral("print-preview"));
            dialog.reject();
        });
        press(Qt::Key_F5);
        press(Qt::Key_Return);
        press(Qt::Key_Return); // exact cash: the payment is taken, and its receipt cannot go to a printer
        QTRY_VERIFY(helper.answered());
        QVERIFY(hadChoices);
        QCOMPARE(title, DocumentPrinter::tr("Print preview"));
        QVERIFY(m_window->counterScreen()->lastPayment());
        // Cancelled: the receipt was not output, and no cut-off note in the status bar stands in for it.
        QCOMPARE(Sql::scalar(m_temp->store().connection(),
                             QStringLiteral("SELECT output_count FROM receipts WHERE receipt_no = 'H01T01-00000001'"))
                     .toInt(),
                 0);
        QVERIFY(m_window->statusBar()->currentMessage().isEmpty());
    }

    void printPreviewFromTheMenuWorksFromAnotherScreen()
    {
        openWindow("clerk01"); // unattended: the payment's receipt stays recorded for a reprint
        QVERIFY(m_window->openCounter(QStringLiteral("3300000001")));
        press(Qt::Key_F5);
        press(Qt::Key_Return);
        press(Qt::Key_Return);
        QVERIFY(m_window->counterScreen()->lastPayment());
        m_window->showScreen(QStringLiteral("lookup"));
        m_window->counterScreen()->shiftPanel()->table()->clearSelection();
        m_window->counterScreen()->shiftPanel()->table()->setCurrentIndex({});
        // Nothing selected: Reprint still offers the newest payment, as Ctrl+P does.
        QVERIFY(child<QPushButton>(m_window.get(), "reprintReceipt")->isEnabled());

        Test::ModalHelper helper([](QDialog& dialog) { dialog.reject(); });
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(helper.answered());
        QCOMPARE(m_window->currentScreen(), QStringLiteral("counter"));
    }

    void todaysPaymentsShowTheHallsTime()
    {
        // A hall on a clock that is not this machine's, so that the machine's time would show a different hour.
        const QTimeZone machine = QTimeZone::systemTimeZone();
        const QByteArray hallZone = machine.offsetFromUtc(QDateTime::currentDateTimeUtc()) == 14 * 3600
            ? QByteArrayLiteral("Asia/Shanghai")
            : QByteArrayLiteral("Pacific/Kiritimati");
        m_temp->store().setSetting(QStringLiteral("hall.timezone"), QString::fromLatin1(hallZone));
        openWindow("clerk01");
        QVERIFY(m_window->openCounter(QStringLiteral("3300000001")));
        press(Qt::Key_F5);
        press(Qt::Key_Return);
        press(Qt::Key_Return);
        QVERIFY(m_window->counterScreen()->lastPayment());

        const QDateTime createdUtc = QDateTime::fromString(
            Sql::scalar(m_temp->store().connection(), QStringLiteral("SELECT created_at FROM payments")).toString(),
            Qt::ISODate);
        QVERIFY(createdUtc.isValid());
        const QString hallText = createdUtc.toTimeZone(QTimeZone(hallZone)).toString(QStringLiteral("HH:mm:ss"));
        QVERIFY(hallText != createdUtc.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
        ShiftPaymentModel* model = m_window->counterScreen()->shiftPanel()->model();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, ShiftPaymentModel::TimeColumn).data().toString(), hallText);
    }

private:
    void openWindow(const char* code)
    {
        m_window.reset();
        const AuthService::SignIn signIn = m_services->auth.signIn(QString::fromLatin1(code), kPassword);
        QVERIFY(signIn.ok() && signIn.op);
        m_window = std::make_unique<MainWindow>(m_services->view(), Session{*signIn.op, m_services->auth.workplace()});
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void press(Qt::Key key) { QTest::keyClick(QApplication::focusWidget(), key); }

    std::unique_ptr<Test::TempStore> m_temp;
    std::unique_ptr<ServiceSet> m_services;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestFirstRun)
#include "TestFirstRun.moc"
