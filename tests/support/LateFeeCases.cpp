#include "tests/support/LateFeeCases.h"

#include <QFile>
#include <QStringList>
#include <QTest>

namespace HallDesk::Test {

namespace {

// "1234.56" -> 123456 (the cases' amounts go beyond what a clerk may type, so not Money::parse).
bool fen(const QString& text, qint64* out)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    bool ok = parts.size() == 2 && parts.at(1).size() == 2;
    *out = ok ? QString(parts.at(0) + parts.at(1)).toLongLong(&ok) : 0;
    return ok;
}

// The rows of one CSV file after its header, fields split on commas.
QList<QStringList> rowsOf(const QString& name, int fields, QString* error)
{
    QFile file(QStringLiteral(HALLDESK_TEST_DATA "/latefee/") + name);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = name + QStringLiteral(": ") + file.errorString();
        return {};
    }
    QList<QStringList> rows;
    bool header = true;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        const QStringList row = line.split(QLatin1Char(','));
        if (row.size() != fields) {
            *error = QStringLiteral("%1: %2 fields, not %3: %4").arg(name).arg(row.size()).arg(fields).arg(line);
            return {};
        }
        if (!header) {
            rows.append(row);
        }
        header = false;
    }
    return rows;
}

} // namespace

QList<LateFeeCase> lateFeeCases(QString* error)
{
    QList<LateFeeCase> cases;
    // name,policy,class,amount,due,on,days,due_year_days,later_years_days,late_fee
    for (const QStringList& f : rowsOf(QStringLiteral("cases.csv"), 10, error)) {
        LateFeeCase c;
        c.name = f[0];
        c.customerClass = f[2];
        c.due = QDate::fromString(f[4], Qt::ISODate);
        c.on = QDate::fromString(f[5], Qt::ISODate);
        c.days = f[6].toInt();
        if (!fen(f[3], &c.outstandingFen) || !fen(f[9], &c.lateFeeFen)) {
            *error = QStringLiteral("cases.csv: bad amount in ") + f[0];
            return {};
        }
        cases.append(c);
    }
    // name,versions,class,outstanding,due,fee_through,carried,counted_before,on,days,late_fee
    for (const QStringList& f : rowsOf(QStringLiteral("stretches.csv"), 11, error)) {
        LateFeeCase c;
        c.name = f[0];
        c.withVersion2 = f[1] == QLatin1String("v1+v2");
        c.customerClass = f[2];
        c.due = QDate::fromString(f[4], Qt::ISODate);
        c.feeThrough = QDate::fromString(f[5], Qt::ISODate);
        c.countedBefore = f[7].toLongLong();
        c.on = QDate::fromString(f[8], Qt::ISODate);
        c.days = f[9].toInt();
        if (!fen(f[3], &c.outstandingFen) || !fen(f[6], &c.carriedFen) || !fen(f[10], &c.lateFeeFen)) {
            *error = QStringLiteral("stretches.csv: bad amount in ") + f[0];
            return {};
        }
        cases.append(c);
    }
    return error->isEmpty() ? cases : QList<LateFeeCase>();
}

QList<LateFeeCase> lateFeeCaseRows()
{
    QTest::addColumn<int>("index");
    QString error;
    const QList<LateFeeCase> cases = lateFeeCases(&error);
    if (!error.isEmpty() || cases.size() < 35) {
        QTest::qFail(qPrintable(error.isEmpty() ? QStringLiteral("too few late-fee cases") : error), __FILE__,
                     __LINE__);
        return {};
    }
    for (int i = 0; i < cases.size(); ++i) {
        QTest::newRow(qPrintable(cases.at(i).name)) << i;
    }
    return cases;
}

QStringList lateFeeVersion2Sql(const QString& schema)
{
    return {QStringLiteral("INSERT INTO %1late_fee_policies (id, version, name, effective_from, minimum_fee_fen, "
                           "grace_days, allocation_order) VALUES ('1996', 2, 'half rates', '2026-12-10', 50, 3, "
                           "'fee_first')")
                .arg(schema),
            QStringLiteral("INSERT INTO %1late_fee_rates (policy_id, policy_version, customer_class, year_bucket, "
                           "rate_ppm) SELECT policy_id, 2, customer_class, year_bucket, rate_ppm / 2 FROM "
                           "%1late_fee_rates WHERE policy_id = '1996' AND policy_version = 1")
                .arg(schema)};
}

} // namespace HallDesk::Test
