#include "app/accounts/IdCardCheck.h"
#include "app/auth/AuthService.h"
#include "db/Central.h"
#include "db/Sql.h"
#include "db/Store.h"
#include "tests/support/Cli.h"
#include "tests/support/PgCluster.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace HallDesk;

// Least data in the cache, against a real centre (a throwaway PostgreSQL cluster): the centre keeps full resident ID
// numbers, a hall's store filled by a pull holds none (every text column of every table scanned), and checking a
// presented card is sync.verify_id_card: right and wrong, scoped to the hall, audited at the centre, limited per
// terminal; offline the counter compares the masked digits and says so.
class TestPersonalData : public QObject
{
    Q_OBJECT

private:
    static constexpr int kAccounts = 600;

    std::unique_ptr<Test::PgCluster> m_cluster;
    QTemporaryDir m_dir;
    QString m_adminUrl;
    QString m_terminalUrl;
    QString m_path;

    std::unique_ptr<CentralConnection> m_admin;

    CentralConnection* admin() const { return m_admin.get(); }
    QVariant centre(const QString& sql, const QVariantList& values = {}) const { return m_admin->scalar(sql, values); }

    static QProcessEnvironment password(const QString& value)
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HALLDESK_PASSWORD"), value);
        return env;
    }

    // Every text value of every table (and every column of the search tables) that looks like a resident ID
    // number: 17 digits and a digit or X, or the 15 digits of the old numbers, not inside a longer run of digits.
    static QStringList idNumbersIn(const QSqlDatabase& db)
    {
        static const QRegularExpression id(QStringLiteral("(?<![0-9])([0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9])"));
        // A SHA-256 in hex (the audit chain's hashes) can hold 15 decimal digits in a row by chance: not an ID.
        static const QRegularExpression sha256(QStringLiteral("^[0-9a-f]{64}$"));
        QStringList found;
        QSqlQuery tables = Sql::exec(db, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
        int scanned = 0;
        while (tables.next()) {
            const QString table = tables.value(0).toString();
            QSqlQuery rows = Sql::exec(db, QStringLiteral("SELECT * FROM \"%1\"").arg(table));
            while (rows.next()) {
                const QSqlRecord record = rows.record();
                for (int c = 0; c < record.count(); ++c) {
                    const QVariant value = rows.value(c);
                    if (value.typeId() != QMetaType::QString) {
                        continue;
                    }
                    ++scanned;
                    if (sha256.match(value.toString()).hasMatch()) {
                        continue;
                    }
                    const QRegularExpressionMatch match = id.match(value.toString());
                    if (match.hasMatch()) {
                        found << QStringLiteral("%1.%2: %3").arg(table, record.fieldName(c), match.captured(1));
                    }
                }
            }
        }
        if (scanned < kAccounts) {
            found << QStringLiteral("only %1 text values scanned").arg(scanned);
        }
        return found;
    }

    // An account of H01 and its full ID number at the centre.
    std::pair<QString, QString> someAccount(int offset = 0) const
    {
        QSqlQuery query = admin()->exec(
            QStringLiteral("SELECT account_no, id_card_no FROM central.accounts JOIN central.halls USING (hall_id) "
                           "WHERE code = 'H01' AND length(id_card_no) = 18 ORDER BY account_no OFFSET ? LIMIT 1"),
            {offset});
        return query.next() ? std::pair{query.value(0).toString(), query.value(1).toString()}
                            : std::pair<QString, QString>{};
    }

    Session clerk(Store& store)
    {
        AuthService auth(store);
        const AuthService::SignIn signIn = auth.signIn(QStringLiteral("boss01"), QStringLiteral("Admin-pass-1234"));
        return Session{*signIn.op, auth.workplace()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cluster = std::make_unique<Test::PgCluster>();
        QVERIFY2(m_cluster->isRunning(), qPrintable(m_cluster->error()));
        m_adminUrl = m_cluster->createDatabase(QStringLiteral("hd_personal"));
        QVERIFY2(!m_adminUrl.isEmpty(), qPrintable(m_cluster->error()));
        for (const QStringList& args :
             {QStringList{QStringLiteral("central"), QStringLiteral("migrate"), QStringLiteral("--url"), m_adminUrl},
              QStringList{QStringLiteral("central"), QStringLiteral("demo"), QStringLiteral("--url"), m_adminUrl,
                          QStringLiteral("--accounts"), QString::number(kAccounts)}}) {
            const Test::CliRun run = Test::runCli(args);
            QVERIFY2(run.exitCode == 0, run.err.constData());
        }
        m_admin = std::make_unique<CentralConnection>(CentralSettings::fromUrl(m_adminUrl));
        const Test::CliRun terminal
            = Test::runCli({QStringLiteral("central"), QStringLiteral("terminal"), QStringLiteral("add"),
                            QStringLiteral("--url"), m_adminUrl, QStringLiteral("--hall"), QStringLiteral("H01"),
                            QStringLiteral("--terminal"), QStringLiteral("T01")});
        QVERIFY2(terminal.exitCode == 0, terminal.err.constData());
        m_terminalUrl = terminal.json().value(QStringLiteral("url")).toString();
        m_path = m_dir.filePath(QStringLiteral("h01.sqlite"));
        const Test::CliRun init = Test::runCli(
            {QStringLiteral("init"), QStringLiteral("--db"), m_path, QStringLiteral("--hall"), QStringLiteral("H01"),
             QStringLiteral("--hall-name"), QStringLiteral("城东"), QStringLiteral("--terminal"), QStringLiteral("T01"),
             QStringLiteral("--admin"), QStringLiteral("boss01")},
            password(QStringLiteral("Admin-pass-1234")));
        QVERIFY2(init.exitCode == 0, init.err.constData());
        const Test::CliRun sync = Test::runCli(
            {QStringLiteral("sync"), QStringLiteral("--db"), m_path, QStringLiteral("--url"), m_terminalUrl});
        QVERIFY2(sync.exitCode == 0, QByteArray(sync.out + sync.err).constData());
    }
    void cleanupTestCase()
    {
        m_admin.reset();
        m_cluster.reset();
    }

    void theCentreKeepsFullNumbersAndPullsCarryMaskedOnes()
    {
        QVERIFY(centre(QStringLiteral("SELECT count(*) FROM central.accounts WHERE id_card_no ~ '^[0-9]{17}[0-9X]$'"))
                    .toInt()
                > 0);
        auto store = Store::open(m_path);
        QSqlDatabase db = store->connection();
        const int pulled = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM accounts")).toInt();
        QVERIFY(pulled > 0);
        // what the hall holds is exactly the centre's numbers, masked
        const auto [accountNo, full] = someAccount();
        QCOMPARE(Sql::scalar(db, QStringLiteral("SELECT id_card_no FROM accounts WHERE account_no = ?"), {accountNo})
                     .toString(),
                 full.left(6) + QStringLiteral("********") + full.right(4));
        const QStringList found = idNumbersIn(db);
        QVERIFY2(found.isEmpty(), qPrintable(found.mid(0, 10).join(QStringLiteral("; "))));

        // the scan finds a full number wherever one is (here in a contact's e-mail field, rolled back)
        Sql::exec(db, QStringLiteral("BEGIN"));
        Sql::exec(
            db,
            QStringLiteral(
                "UPDATE contacts SET email = 'id ' || ? WHERE account_id = (SELECT min(account_id) FROM contacts)"),
            {full});
        const QStringList planted = idNumbersIn(db);
        Sql::exec(db, QStringLiteral("ROLLBACK"));
        QCOMPARE(planted, QStringList{QStringLiteral("contacts.email: ") + full});
    }

    // Both forms of the pull, read as the terminal, carry masked numbers only.
    void theCentreSendsOnlyMaskedNumbers()
    {
        CentralConnection terminal(CentralSettings::fromUrl(m_terminalUrl));
        int typedRows = 0;
        {
            QSqlQuery typed = terminal.exec(
                QStringLiteral("SELECT c12 FROM sync.pull_rows('accounts', 0, 100) WHERE kind = 'row'"));
            while (typed.next()) {
                ++typedRows;
                const QString id = typed.value(0).toString();
                QVERIFY2(id.isEmpty() || (id.size() == 18 && id.mid(6, 8) == QStringLiteral("********")),
                         qPrintable(id));
            }
        }
        QVERIFY(typedRows > 0);
        const QJsonValue page = terminal.json("SELECT sync.pull('accounts', 0, 50)");
        const QJsonArray rows = page.toObject().value(QStringLiteral("rows")).toArray();
        QVERIFY(!rows.isEmpty());
        static const QRegularExpression masked(QStringLiteral("^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$"));
        for (const QJsonValue& row : rows) {
            const QString id = row.toObject().value(QStringLiteral("id_card_no")).toString();
            QVERIFY2(id.isEmpty() || masked.match(id).hasMatch(), qPrintable(id));
        }
        // and the terminal cannot read the numbers any other way
        try {
            terminal.scalar(QStringLiteral("SELECT id_card_no FROM central.accounts LIMIT 1"));
            QFAIL("a terminal read central.accounts");
        } catch (const StoreError& error) {
            QVERIFY2(error.message().contains(QStringLiteral("permission denied")), qPrintable(error.message()));
        }
    }

    void verifyIdCardRightWrongScopedAndAudited()
    {
        auto store = Store::open(m_path);
        const Session session = clerk(*store);
        IdCardCheck check(*store, m_terminalUrl);
        const auto [accountNo, full] = someAccount(1);

        const IdCardCheck::Result right = check.verify(accountNo, full.toLower(), session);
        QCOMPARE(right.source, IdCardCheck::Source::Centre);
        QVERIFY(right.matches);
        QString wrongCard = full;
        wrongCard[9] = wrongCard.at(9) == u'1' ? u'2' : u'1'; // another birth day: the masked digits still match
        const IdCardCheck::Result wrong = check.verify(accountNo, wrongCard, session);
        QCOMPARE(wrong.source, IdCardCheck::Source::Centre);
        QVERIFY(!wrong.matches);
        // an account of another hall is not this terminal's to check, even with its right number
        const QStringList other = [this] {
            QSqlQuery query = admin()->exec(QStringLiteral(
                "SELECT account_no, id_card_no FROM central.accounts JOIN central.halls USING (hall_id) WHERE code <> "
                "'H01' AND id_card_no <> '' LIMIT 1"));
            return query.next() ? QStringList{query.value(0).toString(), query.value(1).toString()} : QStringList{};
        }();
        QCOMPARE(other.size(), 2);
        CentralConnection terminal(CentralSettings::fromUrl(m_terminalUrl));
        QCOMPARE(
            terminal.scalar(QStringLiteral("SELECT sync.verify_id_card(?, ?)"), {other.at(0), other.at(1)}).toBool(),
            false);

        // audited at the centre: who, which account, the answer, the presented number masked only
        QSqlQuery audit = admin()->exec(QStringLiteral(
            "SELECT c.account_no, c.matched, c.presented_masked, c.account_found, t.code FROM central.id_card_checks c "
            "JOIN central.terminals t USING (terminal_id) ORDER BY check_id"));
        QStringList lines;
        while (audit.next()) {
            lines << QStringList{audit.value(0).toString(), audit.value(1).toString(), audit.value(2).toString(),
                                 audit.value(3).toString(), audit.value(4).toString()}
                         .join(QLatin1Char('/'));
        }
        const QString masked = full.left(6) + QStringLiteral("********") + full.right(4);
        QCOMPARE(lines,
                 (QStringList{accountNo + QStringLiteral("/true/") + masked + QStringLiteral("/true/T01"),
                              accountNo + QStringLiteral("/false/") + masked + QStringLiteral("/true/T01"),
                              other.at(0) + QStringLiteral("/false/") + other.at(1).left(6) + QStringLiteral("********")
                                  + other.at(1).right(4) + QStringLiteral("/false/T01")}));
        QCOMPARE(
            centre(QStringLiteral("SELECT count(*) FROM central.id_card_checks WHERE presented_masked ~ '[0-9]{18}'"))
                .toInt(),
            0);
        // and locally, without the number
        QSqlQuery local
            = Sql::exec(store->connection(),
                        QStringLiteral("SELECT details FROM audit_log WHERE action = 'personal_data.id_check' "
                                       "ORDER BY id"));
        QStringList details;
        while (local.next()) {
            details << local.value(0).toString();
            QVERIFY(!local.value(0).toString().contains(full));
        }
        QCOMPARE(details.size(), 2);
        QVERIFY(details.at(0).contains(QStringLiteral("\"source\":\"centre\"")));
    }

    void verifyIdCardIsRateLimitedPerTerminal()
    {
        auto store = Store::open(m_path);
        const Session session = clerk(*store);
        const auto [accountNo, full] = someAccount(2);
        const int used = centre(QStringLiteral("SELECT count(*) FROM central.id_card_checks")).toInt();
        admin()->exec(
            QStringLiteral("UPDATE central.settings SET value = ? WHERE key = 'sync.id_card_checks_per_hour'"),
            {used + 1});
        IdCardCheck check(*store, m_terminalUrl);
        QVERIFY(check.verify(accountNo, full, session).matches); // the last one of the hour

        const IdCardCheck::Result refused = check.verify(accountNo, full, session);
        QCOMPARE(refused.source, IdCardCheck::Source::None);
        QVERIFY(!refused.matches);
        QVERIFY2(refused.message.contains(QStringLiteral("used its ID card checks")), qPrintable(refused.message));
        QCOMPARE(centre(QStringLiteral("SELECT count(*) FROM central.id_card_checks")).toInt(), used + 1);

        // halldeskctl idcard: the number on stdin; refused too, exit 1
        const Test::CliRun cli = Test::runCliWithInput(
            {QStringLiteral("idcard"), QStringLiteral("--db"), m_path, QStringLiteral("--operator"),
             QStringLiteral("boss01"), QStringLiteral("--url"), m_terminalUrl, accountNo},
            full.toLatin1() + '\n', password(QStringLiteral("Admin-pass-1234")));
        QCOMPARE(cli.exitCode, 1);
        QCOMPARE(cli.json().value(QStringLiteral("source")).toString(), QStringLiteral("none"));

        // another terminal of the hall has its own allowance
        const Test::CliRun t02
            = Test::runCli({QStringLiteral("central"), QStringLiteral("terminal"), QStringLiteral("add"),
                            QStringLiteral("--url"), m_adminUrl, QStringLiteral("--hall"), QStringLiteral("H01"),
                            QStringLiteral("--terminal"), QStringLiteral("T02")});
        QVERIFY2(t02.exitCode == 0, t02.err.constData());
        const Test::CliRun other
            = Test::runCliWithInput({QStringLiteral("idcard"), QStringLiteral("--db"), m_path,
                                     QStringLiteral("--operator"), QStringLiteral("boss01"), QStringLiteral("--url"),
                                     t02.json().value(QStringLiteral("url")).toString(), accountNo},
                                    full.toLatin1() + '\n', password(QStringLiteral("Admin-pass-1234")));
        QVERIFY2(other.exitCode == 0, QByteArray(other.out + other.err).constData());
        QCOMPARE(other.json().value(QStringLiteral("matches")).toBool(), true);
        QCOMPARE(other.json().value(QStringLiteral("source")).toString(), QStringLiteral("centre"));
    }

    // Offline (nothing listens on the port): the masked digits only, and the message says so.
    void offlineComparesTheMaskedDigits()
    {
        auto store = Store::open(m_path);
        const Session session = clerk(*store);
        const auto [accountNo, full] = someAccount(3);
        CentralSettings nowhere = CentralSettings::fromUrl(m_terminalUrl);
        nowhere.port = 1; // nothing listens there
        IdCardCheck check(*store, nowhere.url());
        QString otherBirthday = full;
        otherBirthday[9] = otherBirthday.at(9) == u'1' ? u'2' : u'1';
        const IdCardCheck::Result same = check.verify(accountNo, otherBirthday, session);
        QCOMPARE(same.source, IdCardCheck::Source::MaskedDigits);
        QVERIFY(same.matches); // only the kept digits were compared: it cannot tell
        QVERIFY2(same.message.contains(QStringLiteral("were not checked")), qPrintable(same.message));
        QVERIFY(!same.centreError.isEmpty());
        QString otherRegion = full;
        otherRegion[0] = otherRegion.at(0) == u'3' ? u'4' : u'3';
        const IdCardCheck::Result different = check.verify(accountNo, otherRegion, session);
        QCOMPARE(different.source, IdCardCheck::Source::MaskedDigits);
        QVERIFY(!different.matches);
    }

    // A centre not yet at version 6 sends whole numbers (its accounts view unmasked, as 0003 made it): the client
    // masks them before they reach the store.
    void aCentreBeforeVersion6IsMaskedByTheClient()
    {
        const QByteArray view
            = "CREATE OR REPLACE VIEW central.rows_accounts AS SELECT a.hall_id, a.row_version, a.account_no, a.name, "
              "a.customer_class, a.address, h.code AS hall_code, a.area_code, a.meter_no, a.status, a.risk_level, "
              "a.collector_code, a.prepaid_fen::text AS prepaid_fen, %1 AS id_card_no, a.opened_on::text AS "
              "opened_on, to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS updated_at "
              "FROM central.accounts a JOIN central.halls h USING (hall_id)";
        admin()->execScript(QByteArray(view).replace("%1", "a.id_card_no"));
        const auto restore = qScopeGuard([this, view] {
            admin()->execScript(QByteArray(view).replace("%1", "central.mask_id_card(a.id_card_no)"));
        });
        const Test::CliRun terminal
            = Test::runCli({QStringLiteral("central"), QStringLiteral("terminal"), QStringLiteral("add"),
                            QStringLiteral("--url"), m_adminUrl, QStringLiteral("--hall"), QStringLiteral("H01"),
                            QStringLiteral("--terminal"), QStringLiteral("T03")});
        QVERIFY2(terminal.exitCode == 0, terminal.err.constData());
        const QString path = m_dir.filePath(QStringLiteral("h01-t03.sqlite"));
        const Test::CliRun init = Test::runCli(
            {QStringLiteral("init"), QStringLiteral("--db"), path, QStringLiteral("--hall"), QStringLiteral("H01"),
             QStringLiteral("--hall-name"), QStringLiteral("城东"), QStringLiteral("--terminal"), QStringLiteral("T03"),
             QStringLiteral("--admin"), QStringLiteral("boss01")},
            password(QStringLiteral("Admin-pass-1234")));
        QVERIFY2(init.exitCode == 0, init.err.constData());
        const Test::CliRun sync
            = Test::runCli({QStringLiteral("sync"), QStringLiteral("--db"), path, QStringLiteral("--url"),
                            terminal.json().value(QStringLiteral("url")).toString()});
        QVERIFY2(sync.exitCode == 0, QByteArray(sync.out + sync.err).constData());

        auto store = Store::open(path);
        const auto [accountNo, full] = someAccount(4);
        QCOMPARE(Sql::scalar(store->connection(),
                             QStringLiteral("SELECT id_card_no FROM accounts WHERE account_no = ?"), {accountNo})
                     .toString(),
                 full.left(6) + QStringLiteral("********") + full.right(4));
        const QStringList found = idNumbersIn(store->connection());
        QVERIFY2(found.isEmpty(), qPrintable(found.mid(0, 10).join(QStringLiteral("; "))));
    }
};

QTEST_GUILESS_MAIN(TestPersonalData)
#include "TestPersonalData.moc"
