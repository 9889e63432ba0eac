#include "app/money/Money.h"

#include <QSet>
#include <QTest>
#include <limits>

using namespace HallDesk;

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesWhatPeopleType_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("fen");
        QTest::newRow("whole yuan") << QStringLiteral("87") << qint64(8700);
        QTest::newRow("one decimal") << QStringLiteral("87.5") << qint64(8750);
        QTest::newRow("two decimals") << QStringLiteral("87.50") << qint64(8750);
        QTest::newRow("fen only") << QStringLiteral("0.05") << qint64(5);
        QTest::newRow("zero") << QStringLiteral("0") << qint64(0);
        QTest::newRow("leading zero") << QStringLiteral("087") << qint64(8700);
        QTest::newRow("grouped") << QStringLiteral("1,234.00") << qint64(123400);
        QTest::newRow("grouped millions") << QStringLiteral("12,345,678.90") << qint64(1234567890);
        QTest::newRow("ungrouped thousands") << QStringLiteral("1234") << qint64(123400);
        QTest::newRow("full-width digits") << QStringLiteral("８７") << qint64(8700);
        QTest::newRow("full-width grouped") << QStringLiteral("１,２３４.５") << qint64(123450);
        QTest::newRow("full-width punctuation") << QStringLiteral("１，２３４．５６") << qint64(123456);
        QTest::newRow("yuan sign") << QStringLiteral("¥87") << qint64(8700);
        QTest::newRow("full-width yuan sign") << QStringLiteral("￥87.5") << qint64(8750);
        QTest::newRow("yuan sign and blank") << QStringLiteral("¥ 87") << qint64(8700);
        QTest::newRow("surrounding blanks") << QStringLiteral(" 87 ") << qint64(8700);
        QTest::newRow("ideographic blanks") << QStringLiteral("\u300087\u3000") << qint64(8700);
        QTest::newRow("largest") << QStringLiteral("999,999,999.99") << Money::kMaxInputFen;
    }

    void parsesWhatPeopleType()
    {
        QFETCH(QString, text);
        QFETCH(qint64, fen);
        QString error = QStringLiteral("untouched");
        const std::optional<Money> money = Money::parse(text, &error);
        QVERIFY2(money, qPrintable(error));
        QCOMPARE(money->fen(), fen);
    }

    // Each reason for refusing has its own message; rows with the same reason share it.
    void refusesWithAClearMessage_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QString() << QStringLiteral("empty");
        QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("empty");
        QTest::newRow("sign alone") << QStringLiteral("¥") << QStringLiteral("empty");
        QTest::newRow("letters") << QStringLiteral("abc") << QStringLiteral("character a");
        QTest::newRow("exponent") << QStringLiteral("1e3") << QStringLiteral("character e");
        QTest::newRow("hexadecimal") << QStringLiteral("0x10") << QStringLiteral("character x");
        QTest::newRow("inner minus") << QStringLiteral("8-7") << QStringLiteral("character -");
        QTest::newRow("plus") << QStringLiteral("+87") << QStringLiteral("character +");
        QTest::newRow("negative") << QStringLiteral("-1") << QStringLiteral("negative");
        QTest::newRow("negative with sign") << QStringLiteral("-¥1.00") << QStringLiteral("negative");
        QTest::newRow("full-width negative") << QStringLiteral("－１") << QStringLiteral("negative");
        QTest::newRow("three decimals") << QStringLiteral("1.234") << QStringLiteral("decimals");
        QTest::newRow("two points") << QStringLiteral("87..5") << QStringLiteral("points");
        QTest::newRow("two separated points") << QStringLiteral("1.2.3") << QStringLiteral("points");
        QTest::newRow("no leading digit") << QStringLiteral(".5") << QStringLiteral("leading digit");
        QTest::newRow("nothing after the point") << QStringLiteral("87.") << QStringLiteral("trailing point");
        QTest::newRow("short group") << QStringLiteral("1,23") << QStringLiteral("grouping");
        QTest::newRow("two-digit groups") << QStringLiteral("12,34.00") << QStringLiteral("grouping");
        QTest::newRow("long first group") << QStringLiteral("1234,567") << QStringLiteral("grouping");
        QTest::newRow("leading separator") << QStringLiteral(",123") << QStringLiteral("grouping");
        QTest::newRow("decimal comma") << QStringLiteral("0,123") << QStringLiteral("grouping");
        QTest::newRow("separator in fen") << QStringLiteral("1.2,3") << QStringLiteral("fraction separator");
        QTest::newRow("one fen too much") << QStringLiteral("1,000,000,000.00") << QStringLiteral("too large");
        QTest::newRow("absurd") << QStringLiteral("99999999999999999999999") << QStringLiteral("too large");
    }

    void refusesWithAClearMessage()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        QString error;
        const std::optional<Money> money = Money::parse(text, &error);
        QVERIFY2(!money, qPrintable(QStringLiteral("accepted as %1").arg(money ? money->toString() : QString())));
        QVERIFY(!error.isEmpty());
        if (reason.startsWith(QLatin1String("character "))) {
            QVERIFY2(error.contains(QLatin1Char('"') + reason.mid(10) + QLatin1Char('"')), qPrintable(error));
        }
        if (reason == QLatin1String("too large")) {
            QVERIFY2(error.contains(QStringLiteral("999,999,999.99")), qPrintable(error));
        }
        // The message about a stray character names it, so only the other reasons share one text.
        const bool character = reason.startsWith(QLatin1String("character "));
        const QString key = character ? QStringLiteral("character") : reason;
        if (!character && m_messages.contains(key)) {
            QCOMPARE(error, m_messages.value(key));
        }
        m_messages.insert(key, error);
    }

    void refusalsAreDistinct()
    {
        QVERIFY(m_messages.size() >= 10); // one per reason, collected by refusesWithAClearMessage
        const QList<QString> messages = m_messages.values();
        QCOMPARE(QSet<QString>(messages.cbegin(), messages.cend()).size(), m_messages.size());
    }

    void signIsAllowedWhereAsked()
    {
        QString error;
        QCOMPARE(Money::parse(u"-1", &error, Money::Sign::Any)->fen(), qint64(-100));
        QCOMPARE(Money::parse(u"-¥1,234.56", &error, Money::Sign::Any)->fen(), qint64(-123456));
        QCOMPARE(Money::parse(u"¥-0.05", &error, Money::Sign::Any)->fen(), qint64(-5));
        QVERIFY(!Money::parse(u"-1,000,000,000", &error, Money::Sign::Any));
        QVERIFY(!Money::parse(u"--1", &error, Money::Sign::Any));
        QVERIFY(!Money::parse(u"-1"));
    }

    void formatsForMachinesAndPeople_data()
    {
        QTest::addColumn<qint64>("fen");
        QTest::addColumn<QString>("plain");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QString>("currency");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0.00") << QStringLiteral("0.00")
                              << QStringLiteral("¥0.00");
        QTest::newRow("fen") << qint64(5) << QStringLiteral("0.05") << QStringLiteral("0.05")
                             << QStringLiteral("¥0.05");
        QTest::newRow("yuan") << qint64(8700) << QStringLiteral("87.00") << QStringLiteral("87.00")
                              << QStringLiteral("¥87.00");
        QTest::newRow("hundreds") << qint64(99999) << QStringLiteral("999.99") << QStringLiteral("999.99")
                                  << QStringLiteral("¥999.99");
        QTest::newRow("thousands") << qint64(123450) << QStringLiteral("1234.50") << QStringLiteral("1,234.50")
                                   << QStringLiteral("¥1,234.50");
        QTest::newRow("millions") << qint64(100000000) << QStringLiteral("1000000.00") << QStringLiteral("1,000,000.00")
                                  << QStringLiteral("¥1,000,000.00");
        QTest::newRow("negative fen") << qint64(-5) << QStringLiteral("-0.05") << QStringLiteral("-0.05")
                                      << QStringLiteral("-¥0.05");
        QTest::newRow("negative thousands") << qint64(-123450) << QStringLiteral("-1234.50")
                                            << QStringLiteral("-1,234.50") << QStringLiteral("-¥1,234.50");
        QTest::newRow("smallest qint64") << std::numeric_limits<qint64>::min()
                                         << QStringLiteral("-92233720368547758.08")
                                         << QStringLiteral("-92,233,720,368,547,758.08")
                                         << QStringLiteral("-¥92,233,720,368,547,758.08");
    }

    void formatsForMachinesAndPeople()
    {
        QFETCH(qint64, fen);
        QFETCH(QString, plain);
        QFETCH(QString, display);
        QFETCH(QString, currency);
        const Money money = Money::fromFen(fen);
        QCOMPARE(money.toString(), plain);
        QCOMPARE(money.toDisplayString(), display);
        QCOMPARE(money.toCurrencyString(), currency);
    }

    void everyFormatParsesBack()
    {
        for (const qint64 fen : {qint64(0), qint64(1), qint64(10), qint64(8750), qint64(100005), qint64(123456789),
                                 Money::kMaxInputFen, qint64(-1), qint64(-123456789)}) {
            const Money money = Money::fromFen(fen);
            for (const QString& text : {money.toString(), money.toDisplayString(), money.toCurrencyString()}) {
                QString error;
                const std::optional<Money> parsed = Money::parse(text, &error, Money::Sign::Any);
                QVERIFY2(parsed, qPrintable(text + QStringLiteral(": ") + error));
                QCOMPARE(*parsed, money);
            }
        }
    }

    // The examples of the People's Bank rules for writing amounts on bills and vouchers, and the edge cases.
    void writesChineseCapitals_data()
    {
        QTest::addColumn<qint64>("fen");
        QTest::addColumn<QString>("capitals");
        QTest::newRow("87.00") << qint64(8700) << QStringLiteral("捌拾柒元整");
        QTest::newRow("1234.50") << qint64(123450) << QStringLiteral("壹仟贰佰叁拾肆元伍角整");
        QTest::newRow("100.05") << qint64(10005) << QStringLiteral("壹佰元零伍分");
        QTest::newRow("0") << qint64(0) << QStringLiteral("零元整");
        QTest::newRow("1680.32") << qint64(168032) << QStringLiteral("壹仟陆佰捌拾元零叁角贰分");
        QTest::newRow("107000.53") << qint64(10700053) << QStringLiteral("壹拾万柒仟元零伍角叁分");
        QTest::newRow("16409.02") << qint64(1640902) << QStringLiteral("壹万陆仟肆佰零玖元零贰分");
        QTest::newRow("325.04") << qint64(32504) << QStringLiteral("叁佰贰拾伍元零肆分");
        QTest::newRow("1409.50") << qint64(140950) << QStringLiteral("壹仟肆佰零玖元伍角整");
        QTest::newRow("6007.14") << qint64(600714) << QStringLiteral("陆仟零柒元壹角肆分");
        QTest::newRow("0.50") << qint64(50) << QStringLiteral("伍角整");
        QTest::newRow("0.05") << qint64(5) << QStringLiteral("伍分");
        QTest::newRow("0.55") << qint64(55) << QStringLiteral("伍角伍分");
        QTest::newRow("10.00") << qint64(1000) << QStringLiteral("壹拾元整");
        QTest::newRow("15.00") << qint64(1500) << QStringLiteral("壹拾伍元整");
        QTest::newRow("100000.00") << qint64(10000000) << QStringLiteral("壹拾万元整");
        QTest::newRow("100700.00") << qint64(10070000) << QStringLiteral("壹拾万零柒佰元整");
        QTest::newRow("10001000.00") << qint64(1000100000) << QStringLiteral("壹仟万壹仟元整");
        QTest::newRow("1000000.10") << qint64(100000010) << QStringLiteral("壹佰万元零壹角整");
        QTest::newRow("100000001.00") << qint64(10000000100) << QStringLiteral("壹亿零壹元整");
        QTest::newRow("100010000.00") << qint64(10001000000) << QStringLiteral("壹亿零壹万元整");
        QTest::newRow("largest input") << Money::kMaxInputFen
                                       << QStringLiteral("玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分");
        QTest::newRow("10^12 yuan") << qint64(100000000000000) << QStringLiteral("壹万亿元整");
        QTest::newRow("negative") << qint64(-8700) << QStringLiteral("负捌拾柒元整");
        QTest::newRow("smallest qint64") << std::numeric_limits<qint64>::min()
                                         << QStringLiteral("负玖亿亿贰仟贰佰叁拾叁万亿柒仟贰佰零叁亿陆仟捌佰伍拾肆万"
                                                           "柒仟柒佰伍拾捌元零捌分");
    }

    void writesChineseCapitals()
    {
        QFETCH(qint64, fen);
        QFETCH(QString, capitals);
        QCOMPARE(Money::fromFen(fen).toChineseCapitals(), capitals);
    }

    void arithmeticAndOrder()
    {
        const Money a = Money::fromYuan(87);
        const Money b = Money::fromFen(50);
        QCOMPARE((a + b).fen(), qint64(8750));
        QCOMPARE((a - b).fen(), qint64(8650));
        QCOMPARE((-b).fen(), qint64(-50));
        QVERIFY(b < a);
        QVERIFY((b - a).isNegative());
        QVERIFY(Money().isZero());
    }

private:
    QHash<QString, QString> m_messages; // reason -> the message it produced
};

QTEST_GUILESS_MAIN(TestMoney)
#include "TestMoney.moc"
