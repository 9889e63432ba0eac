#include "app/lookup/LookupService.h"
#include "app/lookup/SearchPlan.h"
#include "app/setup/Installation.h"
#include "db/Sql.h"
#include "tests/support/StoreBuilder.h"
#include "tests/support/TempStore.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace HallDesk;

namespace {

struct Customer
{
    qint64 id; // not in account-number order, so that orders by id and by account number differ
    const char* accountNo;
    const char* name;
    const char* address;
    const char* meterNo;
    const char* mobile;
    const char* phone;
    const char* customerClass;
    const char* status;
};

// A store small enough to reason about, with every key and edge the lookup must handle.
const Customer kCustomers[] = {
    {40, "3300000101", "王芳", "杭州市西湖区文三路100号1幢101室", "5100000101", "13800001234", "", "residential",
     "normal"},
    {12, "3300000102", "王伟", "杭州市西湖区文三路100号1幢102室", "5100000102", "13900005678", "0571-87654321",
     "residential", "normal"},
    {5, "3300000103", "王建国", "杭州市西湖区文二路18号3幢201室", "5100000103", "13700001234", "", "residential",
     "normal"},
    {33, "3300000104", "王小芳", "杭州市上城区解放路5号", "5100000104", "13600002222", "", "residential", "normal"},
    {21, "3300000105", "李芳", "杭州市上城区解放路7号", "5100000105", "", "", "residential", "normal"},
    {8, "3300000106", "张芳华", "杭州市滨江区江南大道88号", "5100000106", "13500003333", "", "residential", "normal"},
    {27, "3300000107", "欧阳明", "杭州市滨江区江南大道90号", "5100000107", "", "", "residential", "normal"},
    {15, "3300000108", "欧阳娜娜", "杭州市萧山区金城路1号", "5100000108", "", "", "residential", "normal"},
    {30, "3300000109", "司马光明", "杭州市萧山区金城路3号", "5100000109", "", "", "agricultural", "normal"},
    {2, "3300000110", "赵文三", "杭州市余杭区文一西路1号", "5100000110", "", "", "residential", "normal"},
    {18, "3300000111", "\"老王\"便利店", "杭州市西湖区文三路200号", "DDZY20240001", "", "0571-88886666", "commercial",
     "normal"},
    {25, "3300000112", "李建国", "杭州市富阳区桂花路18号", "5100000112", "", "", "residential", "normal"},
    {9, "3300000113", "陈王平", "杭州市富阳区桂花路20号", "5100000113", "", "", "residential", "normal"},
    {3, "5500000000", "孙悟空", "花果山水帘洞", "7700000001", "", "", "industrial", "disconnected"},
    {44, "0101000001", "周一", "杭州市西湖区文三路300号", "7700000002", "13912340101", "", "residential", "normal"},
    {45, "3300000120", "钱多多", "杭州市拱墅区湖墅南路1号", "33000001019", "", "", "residential", "normal"},
};

const QString kFiller = QStringLiteral("一二三四五六七八九十甲乙丙丁戊己庚辛壬癸");

QStringList accountNos(const QList<AccountSummary>& rows)
{
    QStringList numbers;
    for (const AccountSummary& row : rows) {
        numbers.append(row.accountNo);
    }
    return numbers;
}

QStringList split(const char* list)
{
    return QString::fromUtf8(list).split(u',', Qt::SkipEmptyParts);
}

// The store's 户号 that start with `prefix`, in order.
QStringList accountsStartingWith(const QSqlDatabase& db, const QString& prefix)
{
    QStringList numbers;
    QSqlQuery query = Sql::exec(
        db, QStringLiteral("SELECT account_no FROM accounts WHERE substr(account_no, 1, ?) = ? ORDER BY account_no"),
        {prefix.size(), prefix});
    while (query.next()) {
        numbers.append(query.value(0).toString());
    }
    return numbers;
}

} // namespace

class TestLookup : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::TempStore> m_temp;
    std::unique_ptr<LookupService> m_lookup;

    QStringList find(const QString& query, int offset = 0, int limit = 1000)
    {
        return accountNos(m_lookup->search(query, offset, limit));
    }

    // Every page of `query`, `pageSize` rows at a time, as a lazy model fetches them.
    QStringList findPageByPage(const QString& query, int pageSize)
    {
        QStringList all;
        for (int offset = 0;; offset += pageSize) {
            const QStringList page = find(query, offset, pageSize);
            all += page;
            if (page.size() < pageSize) {
                return all;
            }
        }
    }

    void addCustomer(const QSqlDatabase& db, qint64 hallId, const Customer& c)
    {
        const Test::StoreBuilder rows(db);
        rows.account({.id = c.id,
                      .accountNo = QString::fromUtf8(c.accountNo),
                      .name = QString::fromUtf8(c.name),
                      .customerClass = QString::fromUtf8(c.customerClass),
                      .address = QString::fromUtf8(c.address),
                      .hallId = hallId,
                      .meterNo = QString::fromUtf8(c.meterNo),
                      .status = QString::fromUtf8(c.status),
                      .updatedAt = QStringLiteral("2026-01-01T00:00:00Z")});
        rows.contact({.accountId = c.id,
                      .phone = QString::fromUtf8(c.phone),
                      .mobile = QString::fromUtf8(c.mobile),
                      .updatedAt = QStringLiteral("2026-01-01T00:00:00Z")});
    }

    void addBill(const QSqlDatabase& db, qint64 accountId, const char* period, qint64 amountFen, qint64 paidFen,
                 const char* status)
    {
        Test::StoreBuilder(db).bill({.accountId = accountId,
                                     .period = QString::fromUtf8(period),
                                     .kwh = 100,
                                     .amountFen = amountFen,
                                     .issueDate = QStringLiteral("2026-01-05"),
                                     .dueDate = QStringLiteral("2026-01-25"),
                                     .paidFen = paidFen,
                                     .status = QString::fromUtf8(status)});
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<Test::TempStore>();
        Store& store = m_temp->store();
        const qint64 hallId = Installation::configure(store,
                                                      {QStringLiteral("H01"), QStringLiteral("城东供电营业厅"),
                                                       QStringLiteral("浙江省"), QStringLiteral("上城区"),
                                                       QStringLiteral("解放路118号"), QStringLiteral("0571-86001101")},
                                                      QStringLiteral("T01"));
        QSqlDatabase db = store.connection();
        Sql::Transaction transaction(db);
        for (const Customer& customer : kCustomers) {
            addCustomer(db, hallId, customer);
        }
        // Twenty more accounts for paging, added in reverse order of their numbers.
        for (int i = 19; i >= 0; --i) {
            const QByteArray accountNo = QByteArray::number(3300000201LL + i);
            const QByteArray name = (QStringLiteral("吴") + kFiller.at(i)).toUtf8();
            const QByteArray address = QStringLiteral("杭州市拱墅区莫干山路%1号").arg(i + 1).toUtf8();
            const QByteArray meter = QByteArray::number(6100000201LL + i);
            addCustomer(db, hallId,
                        {100 - i, accountNo.constData(), name.constData(), address.constData(), meter.constData(), "",
                         "", "residential", "normal"});
        }
        addBill(db, 40, "2025-12", 8000, 8000, "paid");
        addBill(db, 40, "2026-01", 10000, 0, "open");
        addBill(db, 40, "2026-02", 5000, 2000, "partial");
        addBill(db, 3, "2026-01", 123456, 0, "open");
        transaction.commit();
        m_lookup = std::make_unique<LookupService>(store);
    }

    void cleanup()
    {
        m_lookup.reset();
        m_temp.reset();
    }

    void classifiesAndNormalises_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("text");
        const auto row = [](const char* tag, const char* input, LookupQuery::Kind kind, const char* text) {
            QTest::newRow(tag) << QString::fromUtf8(input) << int(kind) << QString::fromUtf8(text);
        };
        row("empty", "", LookupQuery::Kind::Empty, "");
        row("blanks", " \t\u3000 ", LookupQuery::Kind::Empty, "");
        row("account", " 3300000101 ", LookupQuery::Kind::Digits, "3300000101");
        row("full-width digits", "３３０００００１０１", LookupQuery::Kind::Digits, "3300000101");
        row("mobile with dashes", "138-0000-1234", LookupQuery::Kind::Digits, "13800001234");
        row("mobile with blanks", "138 0000 1234", LookupQuery::Kind::Digits, "13800001234");
        row("mobile with country code", "+86 138 0000 1234", LookupQuery::Kind::Digits, "13800001234");
        row("landline", "(0571) 8765-4321", LookupQuery::Kind::Digits, "057187654321");
        row("full-width dash", "０５７１－８７６５４３２１", LookupQuery::Kind::Digits, "057187654321");
        row("barcode", "330000010120260349", LookupQuery::Kind::Barcode, "330000010120260349");
        row("barcode failing its check", "330000010120260389", LookupQuery::Kind::Barcode, "330000010120260389");
        row("18 digits without a period", "330000010120261389", LookupQuery::Kind::Digits, "330000010120261389");
        row("surname", "王", LookupQuery::Kind::ShortText, "王");
        row("name", " 王芳 ", LookupQuery::Kind::ShortText, "王芳");
        row("full-width letters", "ＤＤＺＹ", LookupQuery::Kind::Text, "DDZY");
        row("three characters", "王建国", LookupQuery::Kind::Text, "王建国");
        row("two words", "王  文三路", LookupQuery::Kind::Text, "王 文三路");
        row("ideographic space", "王\u3000芳", LookupQuery::Kind::Text, "王 芳");
        row("dash between digits", "3-201", LookupQuery::Kind::Digits, "3201");
        row("letters and dash", "A-12", LookupQuery::Kind::Text, "A-12");
    }

    void classifiesAndNormalises()
    {
        QFETCH(QString, input);
        QFETCH(int, kind);
        QFETCH(QString, text);
        const LookupQuery query = LookupService::classify(input);
        QCOMPARE(int(query.kind), kind);
        QCOMPARE(query.text, text);
    }

    void barcodeRoundTrips()
    {
        const QString code = LookupService::billBarcode(QStringLiteral("3300000101"), QStringLiteral("2026-03"));
        QCOMPARE(code.size(), 18);
        QVERIFY(code.startsWith(QStringLiteral("3300000101202603")));
        QCOMPARE(code.toULongLong() % 97, 1ULL); // ISO 7064 MOD 97-10
        QCOMPARE(LookupService::billBarcode(QStringLiteral("3300000101"), QStringLiteral("202603")), code);
        QCOMPARE(LookupService::accountFromBarcode(code), std::optional<QString>(QStringLiteral("3300000101")));
        QCOMPARE(LookupService::classify(code).kind, LookupQuery::Kind::Barcode);
        QVERIFY(!LookupService::classify(code).barcodeCheckFailed);
        QVERIFY(LookupService::hint(LookupService::classify(code)).isEmpty());

        QVERIFY(LookupService::billBarcode(QStringLiteral("330000010"), QStringLiteral("2026-03")).isEmpty());
        QVERIFY(LookupService::billBarcode(QStringLiteral("33000001AB"), QStringLiteral("2026-03")).isEmpty());
        QVERIFY(LookupService::billBarcode(QStringLiteral("3300000101"), QStringLiteral("2026-13")).isEmpty());
        QVERIFY(LookupService::billBarcode(QStringLiteral("3300000101"), QStringLiteral("20-2603")).isEmpty());
        QVERIFY(!LookupService::accountFromBarcode(QStringLiteral("3300000101")));
    }

    // Every wrong digit and every swap of two neighbouring digits is caught.
    void barcodeCheckCatchesTypos()
    {
        const QString code = LookupService::billBarcode(QStringLiteral("5500000000"), QStringLiteral("2025-11"));
        int typos = 0;
        for (int position = 0; position < code.size(); ++position) {
            for (char16_t digit = u'0'; digit <= u'9'; ++digit) {
                QString typo = code;
                typo[position] = QChar(digit);
                if (typo != code && LookupService::classify(typo).kind == LookupQuery::Kind::Barcode) {
                    ++typos;
                    QVERIFY2(!LookupService::accountFromBarcode(typo), qPrintable(typo));
                    QVERIFY2(LookupService::classify(typo).barcodeCheckFailed, qPrintable(typo));
                }
            }
            if (position + 1 < code.size() && code.at(position) != code.at(position + 1)) {
                QString swapped = code;
                std::swap(swapped[position], swapped[position + 1]);
                QVERIFY2(!LookupService::accountFromBarcode(swapped), qPrintable(swapped));
            }
        }
        QVERIFY(typos > 100);
    }

    void barcodeFindsItsAccountOrNothing()
    {
        const QString good = LookupService::billBarcode(QStringLiteral("3300000101"), QStringLiteral("2026-02"));
        QCOMPARE(find(good), QStringList{QStringLiteral("3300000101")});

        QString bad = good;
        bad[17] = bad.at(17) == u'0' ? u'1' : u'0';
        const LookupQuery query = LookupService::classify(bad);
        QCOMPARE(query.kind, LookupQuery::Kind::Barcode);
        QVERIFY(query.barcodeCheckFailed);
        QVERIFY(!LookupService::hint(query).isEmpty());
        QCOMPARE(find(bad), QStringList());

        // A well-formed barcode of an account this hall does not hold finds nothing, and is not a failed check.
        const QString foreign = LookupService::billBarcode(QStringLiteral("9900000001"), QStringLiteral("2026-02"));
        QVERIFY(!LookupService::classify(foreign).barcodeCheckFailed);
        QCOMPARE(find(foreign), QStringList());
    }

    void findsEveryKindOfKey_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        const auto row = [](const char* tag, const char* query, const char* expected) {
            QTest::newRow(tag) << QString::fromUtf8(query) << split(expected);
        };
        // Digits: every numeric key, exact before prefix, each account once.
        row("account exact, then meter prefix", "3300000101", "3300000101,3300000120");
        row("full-width account", "３３０００００１０１", "3300000101,3300000120");
        row("account that prefixes nothing", "5500000000", "5500000000");
        row("short prefix of that account", "550", "5500000000");
        row("unknown account", "3300000199", "");
        row("account prefix", "330000011", "3300000110,3300000111,3300000112,3300000113");
        row("mobile", "13800001234", "3300000101");
        row("mobile with dashes", "138-0000-1234", "3300000101");
        row("mobile with country code", "+86 138 0000 1234", "3300000101");
        row("shared mobile tail", "1234", "3300000101,3300000103");
        row("tail and account prefix of one account", "0101", "0101000001");
        row("landline with area code", "057187654321", "3300000102");
        row("landline as written", "0571-8765 4321", "3300000102");
        row("landline without the hall's area code", "8765 4321", "3300000102");
        row("meter exact", "5100000103", "3300000103");
        row("meter prefix in meter order", "51000001",
            "3300000101,3300000102,3300000103,3300000104,3300000105,3300000106,3300000107,3300000108,3300000109,"
            "3300000110,3300000112,3300000113");
        row("meter with letters", "DDZY20240001", "3300000111");
        row("meter prefix in full-width letters", "ＤＤＺＹ2024", "3300000111");
        // One or two characters: names through name grams; whole-name and prefix matches first.
        row("compound surname", "欧阳", "3300000108,3300000107");
        row("another compound surname", "司马", "3300000109");
        row("given name in several names", "芳", "3300000106,3300000105,3300000104,3300000101");
        row("given name in two names", "建国", "3300000103,3300000112");
        row("whole name", "王芳", "3300000101");
        row("two characters match names only", "文三", "3300000110");
        // Three characters or more: whole name and name prefix, then trigram full text over name and address.
        row("three-character name", "王建国", "3300000103");
        row("address fragment in several accounts", "文三路", "3300000102,3300000111,3300000101,0101000001");
        row("address without a city", "花果山", "5500000000");
        row("name fragment with a quote", "王\"便利", "3300000111");
        row("name starting with a quote", "\"老王\"", "3300000111");
        row("unknown name", "张三丰", "");
        // Several words: every word must match.
        row("name and address", "王 文三路", "3300000102,3300000111,3300000101");
        row("name and address, ideographic space", "王\u3000文三路", "3300000102,3300000111,3300000101");
        row("surname and given name", "王 芳", "3300000104,3300000101");
    }

    void findsEveryKindOfKey()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        QCOMPARE(find(query), expected);
    }

    void sameSurnameManyTimesPrefixFirst()
    {
        // Names starting with 王 (in name order), then names holding 王 elsewhere (in the order accounts were added).
        QCOMPARE(find(QStringLiteral("王")),
                 split("3300000102,3300000104,3300000103,3300000101,3300000113,3300000111"));
    }

    void pagesHaveNoDuplicatesOrGaps_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("pageSize");
        for (const QString& query : split("33000,王,文三路,3300000101,1234,330000020,吴,王 芳")) {
            for (const int pageSize : {1, 3, 4, 7}) {
                const QByteArray tag = QStringLiteral("%1 by %2").arg(query).arg(pageSize).toUtf8();
                QTest::newRow(tag.constData()) << query << pageSize;
            }
        }
    }

    void pagesHaveNoDuplicatesOrGaps()
    {
        QFETCH(QString, query);
        QFETCH(int, pageSize);
        const QStringList all = find(query);
        QVERIFY(!all.isEmpty());
        QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), all.size());
        QCOMPARE(findPageByPage(query, pageSize), all);
    }

    void prefixPagesFollowAccountNumbers()
    {
        // Every 户号 starting with 33000 (34 of them) in order; the meter prefix adds only accounts already listed.
        const QStringList expected = accountsStartingWith(m_temp->store().connection(), QStringLiteral("33000"));
        QCOMPARE(expected.size(), 34);
        QCOMPARE(findPageByPage(QStringLiteral("33000"), 5), expected);
        QCOMPARE(find(QStringLiteral("33000"), 30, 10), expected.mid(30));
        QCOMPARE(find(QStringLiteral("33000"), 36, 10), QStringList());
        QCOMPARE(find(QStringLiteral("33000"), 0, 0), QStringList());
        QCOMPARE(find(QStringLiteral("33000"), -1, 10), QStringList());
    }

    void rowsCarryArrearsClassAndStatus()
    {
        const QList<AccountSummary> rows = m_lookup->search(QStringLiteral("13800001234"), 0, 10);
        QCOMPARE(rows.size(), 1);
        const AccountSummary& row = rows.first();
        QCOMPARE(row.id, 40);
        QCOMPARE(row.name, QStringLiteral("王芳"));
        QCOMPARE(row.address, QStringLiteral("杭州市西湖区文三路100号1幢101室"));
        QCOMPARE(row.customerClass, CustomerClass::Residential);
        QCOMPARE(row.status, QStringLiteral("normal"));
        QCOMPARE(row.arrears.fen(), 13000); // open 100.00 + partial 50.00 - 20.00; the paid bill counts nothing

        const QList<AccountSummary> other = m_lookup->search(QStringLiteral("5500000000"), 0, 10);
        QCOMPARE(other.size(), 1);
        QCOMPARE(other.first().customerClass, CustomerClass::Industrial);
        QCOMPARE(other.first().status, QStringLiteral("disconnected"));
        QCOMPARE(other.first().arrears.fen(), 123456);

        const QList<AccountSummary> company = m_lookup->search(QStringLiteral("DDZY20240001"), 0, 10);
        QCOMPARE(company.size(), 1);
        QCOMPARE(company.first().customerClass, CustomerClass::Commercial);
        QCOMPARE(company.first().arrears.fen(), 0);
    }

    void findsChangesAfterEdits()
    {
        QSqlDatabase db = m_temp->store().connection();
        Sql::exec(db,
                  QStringLiteral("UPDATE accounts SET name = '王文华', address = '杭州市西湖区天目山路1号' "
                                 "WHERE account_no = '3300000110'"));
        QCOMPARE(find(QStringLiteral("文华")), QStringList{QStringLiteral("3300000110")});
        QCOMPARE(find(QStringLiteral("赵文三")), QStringList());
        QCOMPARE(find(QStringLiteral("天目山")), QStringList{QStringLiteral("3300000110")});
        QVERIFY(!find(QStringLiteral("余杭区文一")).contains(QStringLiteral("3300000110")));
    }

    // A query of several words starts from its rarest side; either way it finds the same accounts in the same order.
    void everyWordFindsTheSameFromEitherSide()
    {
        const auto driver = [this](const QString& query) {
            const QStringList lines = m_lookup->explain(query).filter(QStringLiteral("every_word: "));
            return lines.value(0);
        };
        const QString query = QStringLiteral("王 文三路");
        const QStringList before = find(query);
        QCOMPARE(before, split("3300000102,3300000111,3300000101"));
        QVERIFY2(driver(query).contains(QStringLiteral("name_grams")) || driver(query).contains(QStringLiteral("g0")),
                 qPrintable(driver(query)));

        // Make 王 common: now the full-text index drives and name_grams is probed per match.
        Sql::exec(m_temp->store().connection(),
                  QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?) "
                                 "INSERT INTO accounts (account_no, name, customer_class, address, hall_id, meter_no, "
                                 "updated_at) SELECT CAST(4400000000 + i AS TEXT), '王' || substr(?, i % 20 + 1, 1), "
                                 "'residential', '杭州市临平区南苑街道' || i || '号', (SELECT id FROM halls), "
                                 "CAST(8800000000 + i AS TEXT), '2026-01-01T00:00:00Z' FROM n"),
                  {SearchPlan::kGramDriveLimit, kFiller});
        QVERIFY2(driver(query).contains(QStringLiteral("account_search")), qPrintable(driver(query)));
        QCOMPARE(find(query), before);
        QCOMPARE(find(QStringLiteral("王 南苑街道"), 0, 5),
                 split("4400000000,4400000001,4400000002,4400000003,4400000004"));
    }

    // Characters that mean something to FTS5, LIKE or SQL are searched for as themselves.
    void oddInputIsSearchedNotParsed_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        for (const char* query : {"\"\"\"", "*", "a\"b", "NEAR(a b)", "'", "%", "_", "王 OR 李", "^王芳", "\\",
                                  "{name} : 王", "--", "+86", "()", "王芳*"}) {
            QTest::newRow(query) << QString::fromUtf8(query) << QStringList();
        }
        QTest::newRow("a lone quote starts a name") << QStringLiteral("\"") << split("3300000111");
    }

    void oddInputIsSearchedNotParsed()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        try {
            QCOMPARE(find(query), expected);
        } catch (const StoreError& error) {
            QFAIL(qPrintable(error.message()));
        }
    }

    // Every kind of query is answered from an index: no plan step scans accounts or contacts (nor anything else
    // but the full-text index), with and without the planner's statistics.
    void everyKindUsesAnIndex_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("steps");
        const auto row = [](const char* query, const char* steps) {
            QTest::newRow(query) << QString::fromUtf8(query) << split(steps);
        };
        row("3300000101", "account_exact,meter_exact,account_prefix,meter_prefix,page");
        row("330000", "account_exact,meter_exact,account_prefix,meter_prefix,page");
        row("13800001234", "account_exact,mobile_exact,meter_exact,account_prefix,meter_prefix,page");
        row("1234", "account_exact,meter_exact,mobile_tail,account_prefix,meter_prefix,page");
        row("057187654321", "account_exact,landline_exact,meter_exact,account_prefix,meter_prefix,page");
        row("330000010120260349", "barcode_account,page");
        row("王", "name_exact,name_prefix,name_gram,page");
        row("王芳", "name_exact,name_prefix,name_gram,page");
        row("DDZY2024", "name_exact,meter_exact,name_prefix,meter_prefix,fulltext,page");
        row("文三路", "name_exact,name_prefix,fulltext,page");
        row("王 文三路", "name_exact,name_prefix,fulltext,every_word,page");
        row("王 芳", "name_exact,name_prefix,fulltext,every_word,page");
    }

    void everyKindUsesAnIndex()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, steps);
        static const QRegularExpression scan(QStringLiteral("\\bSCAN\\b"));
        for (const bool analysed : {false, true}) {
            if (analysed) {
                Sql::exec(m_temp->store().connection(), QStringLiteral("ANALYZE"));
            }
            const QStringList plan = m_lookup->explain(query);
            QStringList seenSteps;
            for (const QString& line : plan) {
                const QString step = line.section(QStringLiteral(": "), 0, 0);
                if (!seenSteps.contains(step)) {
                    seenSteps.append(step);
                }
                QVERIFY2(!line.contains(scan) || line.contains(QStringLiteral("VIRTUAL TABLE")),
                         qPrintable(plan.join(u'\n')));
            }
            QCOMPARE(seenSteps, steps);
        }
    }

    void emptyQueryFindsNothing()
    {
        QCOMPARE(find(QString()), QStringList());
        QCOMPARE(find(QStringLiteral("  ")), QStringList());
        QVERIFY(m_lookup->explain(QString()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLookup)
#include "TestLookup.moc"
