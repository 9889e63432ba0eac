#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace HallDesk::Test {

// One golden late-fee case (tests/data/latefee/*.csv), run against the C++ engine (tests/core/TestLateFee) and the
// centre's PL/pgSQL (tests/sync/TestLateFeeCentral): one case table, two implementations.
struct LateFeeCase
{
    QString name;
    bool withVersion2 = false; // policy 1996 v2 (LateFeeCases::version2Sql) is in the store
    QString customerClass;
    qint64 outstandingFen = 0;
    QDate due;
    QDate feeThrough; // invalid: never counted
    qint64 carriedFen = 0;
    qint64 countedBefore = 0; // exact, millionths of a fen
    QDate on;
    int days = 0;
    qint64 lateFeeFen = 0;
};

// cases.csv (a first stretch under policy 1996 v1) and stretches.csv; empty with `error` set when a file is bad.
QList<LateFeeCase> lateFeeCases(QString* error);

// For a data function: the column "index" and one row per case, named after it; fails the test on a bad file.
QList<LateFeeCase> lateFeeCaseRows();

// Statements that add version 2 of policy 1996 (effective 2026-12-10, half the rates, 3 grace days, a 0.50
// minimum) to a store's tables; `schema` is "" for the local store, "central." for the centre.
QStringList lateFeeVersion2Sql(const QString& schema);

} // namespace HallDesk::Test
