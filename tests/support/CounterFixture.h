#pragma once

#include "app/auth/Operator.h"
#include "app/clock/HallClock.h"
#include "app/counter/Counter.h"
#include "tests/support/TempStore.h"

#include <QDate>
#include <QMap>
#include <QTimeZone>

namespace HallDesk::Test {

// Adds an operator with one role to a store: the rows AuthService::addOperator writes, but with a password hash
// made beforehand (hashing is slow on purpose; one hash serves every operator of a fixture).
Operator addOperator(Store& store, qint64 hallId, const QString& code, const QString& name, Role role, bool active,
                     const QString& passwordHash);

// A small hall for the counter's tests, built by hand (hall H01, terminal T01, business date 2026-02-19):
//   3300000001 residential, bills 2025-11 100.00 due 2025-12-20 and 2025-12 200.00 due 2026-01-20, no prepaid
//   3300000002 commercial, bill 2025-12 100.00 due 2026-01-20, prepaid 5.00
//   3300000003 residential, no bills, no prepaid
//   3300000004 residential, closed
//   3300000005 residential, disconnected, bill 2025-12 50.00 due 2026-01-20
//   3300000006 industrial, bill 2025-12 10,000.00 due 2026-01-20
// Operators (password "Counter-Test-1" for all): clerk01, clerk02 (clerks), super01, super02 (supervisors),
// super03 (supervisor, disabled).
class CounterFixture final
{
public:
    static constexpr const char* kPassword = "Counter-Test-1";
    static QDate day() { return QDate(2026, 2, 19); }
    // The hall's clock standing at noon of day() in the hall (Asia/Shanghai).
    static HallClock::Source clock() { return HallClock::fixed(QDateTime(day(), QTime(4, 0), Qt::UTC)); }

    CounterFixture();
    Q_DISABLE_COPY_MOVE(CounterFixture)

    Store& store() { return m_temp.store(); }
    QString path() const { return m_temp.path(); }
    Session session(const char* code) const;
    Operator op(const char* code) const { return session(code).op; }
    qint64 billId(const char* accountNo, const char* period);

    // Records that the site accepts an unencrypted volume in writing, so the command line writes no daily warning
    // entry into the audit log (for tests that count its entries).
    void acceptUnencryptedVolume();

    // Counts and sums of every table the counter writes, for "nothing was written".
    QMap<QString, qint64> fingerprint();

private:
    TempStore m_temp;
    Workplace m_workplace;
    QMap<QString, Operator> m_operators;
};

} // namespace HallDesk::Test
