#pragma once

#include <QCommandLineParser>
#include <QList>
#include <QStringList>
#include <functional>

// The benchmarks of `halldeskctl bench` (BenchCommand.cpp holds the table) and what they share.
namespace HallDesk::Cli::Bench {

struct Percentiles
{
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
};

// Nearest-rank percentiles of durations in milliseconds.
Percentiles percentiles(QList<double> millis);
// Runs `work` once per item and returns each run's duration in milliseconds.
QList<double> timeEach(const QStringList& items, const std::function<void(const QString&)>& work);
// Milliseconds rounded to the microsecond, for JSON.
double rounded(double millis);
// naive / indexed, 0 when indexed is 0.
double ratio(double naiveMs, double indexedMs);
// The value of an option that takes a whole number of at least 1, or fallback when absent; CliError otherwise.
int positiveOption(const QCommandLineParser& parser, const QString& option, int fallback);

// halldeskctl bench lookup --db PATH [--runs N] [--naive-runs N] (LookupBench.cpp)
int lookup(const QStringList& args);
// halldeskctl bench pay --db PATH [--payments N] [--group N] (PayBench.cpp)
int pay(const QStringList& args);
// halldeskctl bench sync --url ADMIN_URL [--accounts N] [--events N] [--seed S] [--dir PATH] (SyncBench.cpp)
int sync(const QStringList& args);

} // namespace HallDesk::Cli::Bench
