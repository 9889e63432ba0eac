#pragma once

#include "app/demo/DemoGenerator.h"

#include <QCoreApplication>
#include <stdexcept>

namespace HallDesk {

class CentralConnection;

struct CentralDemoSummary
{
    qint64 accounts = 0;
    qint64 bills = 0;
    qint64 halls = 0;
    qint64 operators = 0;
    qint64 areas = 0;
    qint64 groups = 0;
    qint64 members = 0;
    quint64 seed = 0;
    QDate asOf;
    qint64 milliseconds = 0;
};

// Loads the local demo's rows (the same plan, population and bills as DemoGenerator makes for the same seed and
// as-of date) into a migrated central database: halls, the demo operators and collectors, transformer areas,
// accounts, contacts, payer groups and their members, bills and the opening prepaid ledger lines. The big tables
// go through COPY FROM STDIN, everything in one transaction. Terminals are not made: each needs its own login
// role, made by `halldeskctl central terminal add`.
class CentralDemoWriter final
{
    Q_DECLARE_TR_FUNCTIONS(CentralDemoWriter)

public:
    explicit CentralDemoWriter(const DemoOptions& options);

    // Throws StoreError with a message for a person when the options are out of range, the centre already holds
    // accounts (CentralDemoWriter::Occupied) or loading fails (nothing is left behind).
    CentralDemoSummary load(CentralConnection& connection) const;

    // Thrown when the centre holds accounts already.
    class Occupied : public std::runtime_error
    {
    public:
        explicit Occupied(const QString& message)
            : std::runtime_error(message.toStdString())
        {
        }
    };

private:
    DemoOptions m_options;
};

} // namespace HallDesk
