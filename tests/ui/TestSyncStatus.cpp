// Background sync in the window, against a real centre in a throwaway PostgreSQL cluster: the status bar says
// offline when the server does not answer while the window stays responsive, and after a payment and Sync now
// (Ctrl+Shift+S) it says online with nothing pending, and the centre has the payment. Also the administrator's
// settings dialog: "test connection" on a worker thread, and saving with an audit entry.
#include "app/accounts/AccountService.h"
#include "app/auth/AuthService.h"
#include "app/counter/CounterService.h"
#include "app/lookup/LookupService.h"
#include "app/setup/Installation.h"
#include "app/sync/EventLoopProbe.h"
#include "app/sync/RejectedEvents.h"
#include "app/sync/SyncWorker.h"
#include "db/Central.h"
#include "db/CentralMigrator.h"
#include "db/Sql.h"
#include "db/Store.h"
#include "tests/support/CounterFixture.h"
#include "tests/support/PgCluster.h"
#include "tests/support/StoreBuilder.h"
#include "tests/support/TempStore.h"
#include "tests/support/Widgets.h"
#include "ui/Desk.h"
#include "ui/MainWindow.h"
#include "ui/ServiceSet.h"
#include "ui/auth/SignInDialog.h"
#include "ui/common/Theme.h"
#include "ui/sync/FillProgressDialog.h"
#include "ui/sync/SyncSettingsDialog.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <arpa/inet.h>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace HallDesk;

namespace {

// A TCP port on 127.0.0.1 that takes connections (the kernel completes them from the backlog) but never answers:
// a server that hangs, so a round waits for the connect timeout.
class SilentServer final
{
public:
    SilentServer()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0
            || ::listen(m_fd, 16) != 0) {
            return;
        }
        socklen_t length = sizeof address;
        if (::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
            m_port = ntohs(address.sin_port);
        }
    }
    ~SilentServer()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    SilentServer(const SilentServer&) = delete;
    SilentServer& operator=(const SilentServer&) = delete;

    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = 0;
};

} // namespace

class TestSyncStatus : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::PgCluster> m_cluster;
    std::unique_ptr<Test::CounterFixture> m_fixture;
    std::unique_ptr<ServiceSet> m_services;
    std::unique_ptr<MainWindow> m_window;
    QString m_adminUrl;
    QString m_terminalUrl;
    int m_databases = 0;

    static constexpr const char* kTerminalPassword = "terminal-secret-T01";

    MainWindow* openWindow(const Session& session, const QString& server)
    {
        m_window = std::make_unique<MainWindow>(m_services->view(), session);
        m_window->show();
        if (!QTest::qWaitForWindowActive(m_window.get())) {
            qWarning("the window did not become active");
        }
        m_window->startSync(server);
        return m_window.get();
    }

    QLabel* syncLabel() const { return m_window->findChild<QLabel*>(QStringLiteral("statusSync")); }
    QString syncState() const { return syncLabel()->property("syncState").toString(); }

    // A centre with the fixture's hall H01 and terminal T01, as tests/sync/TestSync sets it up.
    void makeCentre()
    {
        m_adminUrl = m_cluster->createDatabase(QStringLiteral("hd_syncui_%1").arg(++m_databases));
        QVERIFY2(!m_adminUrl.isEmpty(), qPrintable(m_cluster->error()));
        CentralConnection centre(CentralSettings::fromUrl(m_adminUrl));
        CentralMigrator::migrate(centre);
        centre.exec(QStringLiteral("INSERT INTO central.halls (code, name, region) VALUES ('H01', ?, 'east')"),
                    {QStringLiteral("城东供电营业厅")});
        const QString role = centre
                                 .scalar(QStringLiteral("SELECT central.add_terminal('H01', 'T01', ?)"),
                                         {QString::fromLatin1(kTerminalPassword)})
                                 .toString();
        m_terminalUrl = QStringLiteral("postgresql://%1:%2@127.0.0.1:%3/hd_syncui_%4")
                            .arg(role, QString::fromLatin1(kTerminalPassword))
                            .arg(m_cluster->port())
                            .arg(m_databases);
        centre.exec(QStringLiteral(
            "INSERT INTO central.operators (hall_id, code, name, password_hash, roles) VALUES (1, 'clerk01', 'clerk', "
            "'$argon2id$v=19$m=65536,t=2,p=1$test', '{clerk}')"));
        const Test::CentreBuilder rows(centre.db());
        for (const int id : {1, 3}) {
            rows.account({.accountNo = QStringLiteral("330000000%1").arg(id),
                          .name = QStringLiteral("用户%1").arg(id),
                          .customerClass = QStringLiteral("residential"),
                          .address = QStringLiteral("东湖区幸福街道%1号").arg(id),
                          .meterNo = QStringLiteral("M%1").arg(id)});
        }
    }

    qint64 centreScalar(const QString& sql)
    {
        CentralConnection centre(CentralSettings::fromUrl(m_adminUrl));
        return centre.scalar(sql).toLongLong();
    }

    // Cash for 3300000003, taken at this terminal by clerk01 (as the counter does).
    void payCash(qint64 fen)
    {
        PaymentRequest request;
        request.uuid = QUuid::createUuid();
        request.accountNos = {QStringLiteral("3300000003")};
        request.tenders = {{TenderMethod::Cash, Money::fromFen(fen), Money::fromFen(fen), {}}};
        QVERIFY(m_services->counter.pay(request, m_fixture->session("clerk01")).paymentId > 0);
    }

    // The centre has this many payments from the hall within a few seconds: the nudge, not the hour-long interval.
    static constexpr int kFewSecondsMs = 10000;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Theme::apply(*qApp);
        m_cluster = std::make_unique<Test::PgCluster>();
        QVERIFY2(m_cluster->isRunning(), qPrintable(m_cluster->error()));
    }
    void cleanupTestCase() { m_cluster.reset(); }

    void init()
    {
        m_fixture = std::make_unique<Test::CounterFixture>();
        Store& store = m_fixture->store();
        m_services = std::make_unique<ServiceSet>(store, Test::CounterFixture::clock());
    }

    void cleanup()
    {
        m_window.reset();
        m_services.reset();
        m_fixture.reset();
    }

    void backoffDoublesToFiveMinutes()
    {
        QCOMPARE(SyncWorker::backoffSeconds(1), 5);
        QCOMPARE(SyncWorker::backoffSeconds(2), 10);
        QCOMPARE(SyncWorker::backoffSeconds(3), 20);
        QCOMPARE(SyncWorker::backoffSeconds(7), 300);
        QCOMPARE(SyncWorker::backoffSeconds(40), 300);
    }

    void withoutAServerSyncIsOff()
    {
        openWindow(m_fixture->session("clerk01"), {});
        QTRY_COMPARE(syncState(), QStringLiteral("off"));
        QVERIFY(syncLabel()->text().contains(QStringLiteral("Sync off")));
        QCOMPARE(m_window->syncRunner()->status().state, SyncStatus::State::Off);
    }

    void anUnreachableServerShowsOfflineAndTheWindowStaysResponsive()
    {
        // A refused port first: offline at once, with the error in the tooltip.
        openWindow(m_fixture->session("clerk01"), QStringLiteral("postgresql://t:p@127.0.0.1:1/nothing"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->syncRunner()->status().rounds >= 1, 20000);
        QCOMPARE(syncState(), QStringLiteral("offline"));
        QVERIFY(syncLabel()->text().contains(QStringLiteral("Offline")));
        QVERIFY2(syncLabel()->toolTip().contains(QStringLiteral("Last error")), qPrintable(syncLabel()->toolTip()));
        QCOMPARE(m_window->syncRunner()->status().retryInSeconds, 5);

        // A server that takes the connection and never answers: the round waits out its connect timeout on the
        // sync thread while the window's event loop keeps ticking.
        SilentServer silent;
        QVERIFY(silent.port() > 0);
        openWindow(m_fixture->session("clerk01"),
                   QStringLiteral("postgresql://t:p@127.0.0.1:%1/nothing?connect_timeout=2").arg(silent.port()));
        int ticks = 0;
        const qint64 gap = maxEventLoopGapMs(
            [this] {
                QTRY_VERIFY_WITH_TIMEOUT(
                    syncState() == QStringLiteral("syncing") || m_window->syncRunner()->status().rounds >= 1, 5000);
                QTRY_VERIFY_WITH_TIMEOUT(m_window->syncRunner()->status().rounds >= 1, 20000);
            },
            &ticks);
        QCOMPARE(syncState(), QStringLiteral("offline"));
        qInfo("UI event loop during a round against a silent server: %d ticks of 10 ms, longest gap %lld ms", ticks,
              gap);
        QVERIFY2(ticks >= 20, qPrintable(QStringLiteral("only %1 ticks").arg(ticks))); // ~2 s of connect timeout

        // Closing the window while a round waits ends the thread cleanly (the round ends with its timeout).
        QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        m_window->close();
        QVERIFY(m_window->syncRunner() == nullptr);
    }

    void syncNowSendsThePaymentToTheCentre()
    {
        makeCentre();
        Store& store = m_fixture->store();
        saveSyncServerUrl(store, m_terminalUrl, m_fixture->op("super01").id, QStringLiteral("T01"));
        store.setSetting(QString::fromLatin1(SyncRunner::kIntervalSetting), QStringLiteral("3600"));
        openWindow(m_fixture->session("clerk01"), {});
        QTRY_VERIFY_WITH_TIMEOUT(m_window->syncRunner()->status().rounds >= 1, 30000);
        QVERIFY2(syncState() == QStringLiteral("online"), qPrintable(m_window->syncRunner()->status().lastError));

        PaymentRequest request;
        request.uuid = QUuid::createUuid();
        request.accountNos = {QStringLiteral("3300000003")};
        request.tenders = {{TenderMethod::Cash, Money::fromFen(4200), Money::fromFen(4200), {}}};
        const PaymentResult paid = m_services->counter.pay(request, m_fixture->session("clerk01"));
        QVERIFY(paid.paymentId > 0);
        QVERIFY(Sql::scalar(store.connection(), QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'"))
                    .toLongLong()
                > 0);

        const int roundsBefore = m_window->syncRunner()->status().rounds;
        int ticks = 0;
        const qint64 gap = maxEventLoopGapMs(
            [&] {
                QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
                QTRY_VERIFY_WITH_TIMEOUT(m_window->syncRunner()->status().rounds > roundsBefore, 30000);
            },
            &ticks);
        qInfo("UI event loop during a sync round with one payment: %d ticks of 10 ms, longest gap %lld ms", ticks, gap);
        const SyncStatus status = m_window->syncRunner()->status();
        QVERIFY2(status.state == SyncStatus::State::Online, qPrintable(status.lastError));
        QCOMPARE(status.pendingEvents, 0);
        QVERIFY(status.lastSuccessUtc.isValid());
        QCOMPARE(status.lastReport.accepted, 1);
        QTRY_COMPARE(syncState(), QStringLiteral("online"));
        QVERIFY2(syncLabel()->text().contains(QStringLiteral("0 pending")), qPrintable(syncLabel()->text()));
        QVERIFY2(syncLabel()->text().contains(QStringLiteral("last sync")), qPrintable(syncLabel()->text()));

        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.payments")), 1);
        QCOMPARE(centreScalar(QStringLiteral("SELECT amount_fen FROM central.payments")), 4200);
        QCOMPARE(centreScalar(QStringLiteral("SELECT count(*) FROM central.payments WHERE payment_uuid = '%1'")
                                  .arg(request.uuid.toString(QUuid::WithoutBraces))),
                 1);
    }

    // A payment goes to the centre within seconds of its commit: the interval is an hour and nobody presses Sync now.
    void aNewPaymentIsPushedWithinSecondsWithoutWaitingForTheInterval()
    {
        makeCentre();
        Store& store = m_fixture->store();
        saveSyncServerUrl(store, m_terminalUrl, m_fixture->op("super01").id, QStringLiteral("T01"));
        store.setSetting(QString::fromLatin1(SyncRunner::kIntervalSetting), QStringLiteral("3600"));
        openWindow(m_fixture->session("clerk01"), {});
        QTRY_VERIFY_WITH_TIMEOUT(m_window->syncRunner()->status().rounds >= 1, 30000);
        QVERIFY2(syncState() == QStringLiteral("online"), qPrintable(m_window->syncRunner()->status().lastError));
        const int roundsBefore = m_window->syncRunner()->status().rounds;

        QElapsedTimer sincePayment;
        sincePayment.start();
        payCash(4200);
        QTRY_COMPARE_WITH_TIMEOUT(centreScalar(QStringLiteral("SELECT count(*) FROM central.payments")), 1,
                                  kFewSecondsMs);
        qInfo("payment at the centre %lld ms after its commit", sincePayment.elapsed());
        QTRY_VERIFY(m_window->syncRunner()->status().rounds > roundsBefore);
        QCOMPARE(m_window->syncRunner()->status().pendingEvents, 0);
        QCOMPARE(m_window->syncRunner()->status().rounds, roundsBefore + 1); // one round, not one per look

        // Nothing new: no more rounds while the outbox stays as it is.
        QTest::qWait(3 * SyncWorker::kOutboxLookMs);
        QCOMPARE(m_window->syncRunner()->status().rounds, roundsBefore + 1);
    }

    // The desk's sync runs on while the window is locked and after sign-out, on the sign-in dialog: what the last
    // operator took goes to the centre though nobody is signed in.
    void syncRunsOnTheLockScreenAndTheSignInDialog()
    {
        makeCentre();
        Store& store = m_fixture->store();
        saveSyncServerUrl(store, m_terminalUrl, m_fixture->op("super01").id, QStringLiteral("T01"));
        store.setSetting(QString::fromLatin1(SyncRunner::kIntervalSetting), QStringLiteral("3600"));
        Desk desk(m_services->view(), m_services->auth.workplace());
        desk.showSignIn();
        SyncRunner* sync = desk.syncRunner();
        QTRY_VERIFY_WITH_TIMEOUT(sync->status().rounds >= 1, 30000); // before anybody signed in
        QVERIFY2(sync->status().state == SyncStatus::State::Online, qPrintable(sync->status().lastError));

        SignInDialog* dialog = desk.signInDialog();
        QVERIFY(dialog && QTest::qWaitForWindowExposed(dialog));
        // clerk02: the centre's clerk01, pulled in the first round, has a password this test does not know
        QTest::keyClicks(Test::child<QLineEdit>(dialog, "signInCode"), QStringLiteral("clerk02"));
        auto* password = Test::child<QLineEdit>(dialog, "signInPassword");
        QTest::keyClicks(password, QString::fromLatin1(Test::CounterFixture::kPassword));
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY(desk.mainWindow() && desk.mainWindow()->isVisible());
        QPointer<MainWindow> window = desk.mainWindow();
        QCOMPARE(window->syncRunner(), sync);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));

        // The clerk takes a payment and locks the window (Ctrl+L): the payment goes while the lock screen shows.
        payCash(4200);
        QTest::keyClick(window.data(), Qt::Key_L, Qt::ControlModifier);
        QVERIFY(window->isLocked());
        QTRY_COMPARE_WITH_TIMEOUT(centreScalar(QStringLiteral("SELECT count(*) FROM central.payments")), 1,
                                  kFewSecondsMs);
        QVERIFY(window->isLocked());

        // Sign out from the lock screen: the sign-in dialog shows, the window is gone, and sync goes on.
        QTest::mouseClick(Test::child<QPushButton>(window.data(), "lockSignOut"), Qt::LeftButton);
        QTRY_VERIFY(window.isNull());
        QVERIFY(desk.signInDialog() && desk.signInDialog()->isVisible());
        QCOMPARE(desk.syncRunner(), sync);
        payCash(1800); // e.g. from halldeskctl on this store
        QTRY_COMPARE_WITH_TIMEOUT(centreScalar(QStringLiteral("SELECT count(*) FROM central.payments")), 2,
                                  kFewSecondsMs);
        QCOMPARE(centreScalar(QStringLiteral("SELECT sum(amount_fen) FROM central.payments")), 4200 + 1800);
        QTRY_COMPARE(sync->status().pendingEvents, 0);
    }

    // A new terminal's empty store is filled from the centre with a progress dialog; Cancel stops the round after
    // its page and keeps what came; the next round finishes the fill, and the search finds the accounts.
    void anEmptyStoreIsFilledWithProgressAndTheFillCanBeCancelled()
    {
        makeCentre();
        {
            CentralConnection centre(CentralSettings::fromUrl(m_adminUrl));
            centre.exec(QStringLiteral(
                "INSERT INTO central.accounts (hall_id, account_no, name, customer_class, address, meter_no) "
                "SELECT 1, (3310000000 + g)::text, '测试户' || g, 'residential', '滨江区测试路' || g || '号', 'M' || g "
                "FROM generate_series(100, 399) g"));
            centre.exec(QStringLiteral(
                "INSERT INTO central.bills (hall_id, account_no, period, kwh, amount_fen, issue_date, due_date) "
                "SELECT 1, a.account_no, to_char(date '2025-01-01' + m * interval '1 month', 'YYYY-MM'), 100, 5600, "
                "date '2025-01-05' + m * interval '1 month', date '2025-01-25' + m * interval '1 month' "
                "FROM central.accounts a, generate_series(0, 12) m"));
        }
        const qint64 centreBills = centreScalar(QStringLiteral("SELECT count(*) FROM central.bills"));
        QCOMPARE(centreBills, 302 * 13);

        Test::TempStore empty;
        Store& store = empty.store();
        HallInfo hall;
        hall.code = QStringLiteral("H01");
        hall.name = QStringLiteral("城东供电营业厅");
        Installation::configure(store, hall, QStringLiteral("T01"));
        ServiceSet services(store);
        AuthService& auth = services.auth;
        auth.addOperator(QStringLiteral("boss01"), QStringLiteral("Boss"), {Role::Admin, Role::Supervisor},
                         QStringLiteral("Boss-pass-1234"), std::nullopt);
        const AuthService::SignIn signIn = auth.signIn(QStringLiteral("boss01"), QStringLiteral("Boss-pass-1234"));
        QVERIFY(signIn.ok());
        const Session session{*signIn.op, auth.workplace()};
        saveSyncServerUrl(store, m_terminalUrl, signIn.op->id, QStringLiteral("T01"));
        store.setSetting(QString::fromLatin1(SyncRunner::kIntervalSetting), QStringLiteral("3600"));
        store.setSetting(QString::fromLatin1(SyncRunner::kPageRowsSetting), QStringLiteral("20")); // many pages
        m_window = std::make_unique<MainWindow>(services.view(), session);
        const auto closeWindow = qScopeGuard([this] { m_window.reset(); }); // before the store and services go
        m_window->show();
        m_window->startSync({});

        FillProgressDialog* dialog = nullptr;
        QTRY_VERIFY2_WITH_TIMEOUT((dialog = m_window->findChild<FillProgressDialog*>()) != nullptr
                                      && dialog->isVisible(),
                                  qPrintable(m_window->syncRunner()->status().lastError), 20000);
        QVERIFY2(dialog->labelText().contains(QStringLiteral("copied from the central server")),
                 qPrintable(dialog->labelText()));
        QPushButton* cancel = dialog->findChild<QPushButton*>();
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->syncRunner()->status().rounds >= 1, 30000);
        const SyncStatus stopped = m_window->syncRunner()->status();
        QVERIFY2(stopped.lastReport.cancelled, qPrintable(stopped.lastError));
        QVERIFY(stopped.lastError.contains(QStringLiteral("cancelled")));
        QTRY_VERIFY(m_window->findChild<FillProgressDialog*>() == nullptr);
        const auto localCount = [&store](const char* table) {
            return Sql::scalar(store.connection(), QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)))
                .toLongLong();
        };
        QVERIFY2(localCount("bills") < centreBills, "the cancelled round stopped early");
        QCOMPARE(localCount("halls"), 1); // what came before the cancel stays

        // the status bar's button starts the next round (the shortcut is tested above)
        const int rounds = m_window->syncRunner()->status().rounds;
        auto* syncNow = m_window->findChild<QToolButton*>(QStringLiteral("statusSyncNow"));
        QVERIFY(syncNow && syncNow->isVisible());
        QTest::mouseClick(syncNow, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->syncRunner()->status().rounds > rounds, 60000);
        const SyncStatus done = m_window->syncRunner()->status();
        QVERIFY2(done.state == SyncStatus::State::Online && !done.lastReport.cancelled, qPrintable(done.lastError));
        QCOMPARE(localCount("accounts"), 302);
        QCOMPARE(localCount("bills"), centreBills);
        QCOMPARE(localCount("fill_deferred"), 0);
        QCOMPARE(localCount("operators"), 2); // boss01 made here, clerk01 from the centre
        QCOMPARE(Sql::scalar(store.connection(),
                             QStringLiteral("SELECT count(*) FROM operators o JOIN operator_roles r ON r.operator_id = "
                                            "o.id WHERE o.code = 'clerk01' AND o.active = 1 AND r.role = 'clerk'"))
                     .toLongLong(),
                 1);
        // the search tables were built at the end of the fill: a fragment and a two-character name are found
        QCOMPARE(services.lookup.search(QStringLiteral("测试路123号"), 0, 10).size(), 1);
        QVERIFY(!services.lookup.search(QStringLiteral("测试"), 0, 10).isEmpty());
    }

    void theSettingsDialogTestsOnAWorkerAndSavesWithAnAuditEntry()
    {
        makeCentre();
        Session admin = m_fixture->session("super01");
        admin.op.roles.append(Role::Admin);
        openWindow(admin, {});
        QAction* settings = m_window->findChild<QAction*>(QStringLiteral("syncSettings"));
        QVERIFY(settings && settings->isVisible());

        SyncSettingsDialog dialog(m_fixture->store(), admin, m_window.get());
        dialog.setUrl(m_terminalUrl);
        dialog.findChild<QPushButton*>(QStringLiteral("syncTest"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isTesting(), 20000);
        QTRY_VERIFY2(dialog.resultText().startsWith(QStringLiteral("Connected")), qPrintable(dialog.resultText()));

        dialog.setUrl(QStringLiteral("postgresql://t:p@127.0.0.1:1/nothing"));
        dialog.testConnection();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.resultText().startsWith(QStringLiteral("Cannot connect")), 20000);

        dialog.setUrl(QStringLiteral("http://not-a-database"));
        dialog.accept();
        QVERIFY(dialog.resultText().startsWith(QStringLiteral("Not saved")));
        QVERIFY(m_fixture->store().setting(QString::fromLatin1(SyncRunner::kServerUrlSetting)).isEmpty());

        dialog.setUrl(m_terminalUrl);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(m_fixture->store().setting(QString::fromLatin1(SyncRunner::kServerUrlSetting)), m_terminalUrl);
        QCOMPARE(Sql::scalar(m_fixture->store().connection(),
                             QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'settings.sync_server'"))
                     .toLongLong(),
                 1);
        const QString details
            = Sql::scalar(m_fixture->store().connection(),
                          QStringLiteral("SELECT details FROM audit_log WHERE action = 'settings.sync_server'"))
                  .toString();
        QVERIFY2(!details.contains(QString::fromLatin1(kTerminalPassword)), qPrintable(details));
    }

    void aClerkHasNoSettings()
    {
        openWindow(m_fixture->session("clerk01"), {});
        QAction* settings = m_window->findChild<QAction*>(QStringLiteral("syncSettings"));
        QVERIFY(settings);
        QVERIFY(!settings->isVisible());
    }
};

QTEST_MAIN(TestSyncStatus)
#include "TestSyncStatus.moc"
