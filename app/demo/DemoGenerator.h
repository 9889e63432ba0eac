#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>
#include <functional>

namespace HallDesk {

struct DemoOptions
{
    qint64 accounts = 200000;
    quint64 seed = 1;
    QDate asOf; // the day the demo's bills and arrears are as of; invalid means today in 杭州
    bool oneHall = false; // every account in the first hall (H01), for benchmarks of one hall's slice
};

struct DemoSummary
{
    QString path;
    qint64 accounts = 0;
    qint64 bills = 0;
    qint64 halls = 0;
    qint64 operators = 0;
    qint64 areas = 0;
    qint64 groups = 0;
    quint64 seed = 0;
    QDate asOf;
    qint64 milliseconds = 0;
};

// Creates a demo store: a city (杭州) of realistic accounts served by six halls, with 13 months of bills, arrears,
// payer groups, transformer areas with their collectors, and the demo sign-ins. The same seed and as-of date
// always give the same accounts, contacts, bills and groups. docs/demo.md describes what the store holds.
class DemoGenerator final
{
    Q_DECLARE_TR_FUNCTIONS(DemoGenerator)

public:
    static constexpr qint64 kMaxAccounts = 3'000'000;
    static constexpr int kTerminalsPerHall = 4;
    // Mixed into the seed for the stream that makes the accounts (after the plan took its draws from the seed).
    static constexpr quint64 kPopulationStream = 0xD1B54A32D192ED03ULL;

    // The demo sign-ins (admin01, super01, clerk01, clerk02 and the first collector, coll01) and their password.
    static QStringList operatorCodes();
    static QString password();
    // Today in the demo city's time zone (Asia/Shanghai): the default as-of date.
    static QDate today();

    // Called on the creating thread after each batch of accounts is written.
    using Progress = std::function<void(qint64 written, qint64 total)>;

    explicit DemoGenerator(const DemoOptions& options);

    // Creates the store at `path`, which must not exist. Throws StoreError with a message for a person when the
    // file exists, the options are out of range or writing fails; a partly written file is removed.
    DemoSummary create(const QString& path, const Progress& progress = {}) const;

private:
    DemoOptions m_options;
};

} // namespace HallDesk
