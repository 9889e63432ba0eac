#include "app/cli/Benchmarks.h"
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"

#include <QElapsedTimer>
#include <algorithm>
#include <cmath>
#include <cstdio>

namespace HallDesk::Cli {

namespace Bench {

Percentiles percentiles(QList<double> millis)
{
    if (millis.isEmpty()) {
        return {};
    }
    std::sort(millis.begin(), millis.end());
    const auto rank = [&millis](double p) {
        const auto index = qsizetype(std::ceil(p / 100.0 * double(millis.size()))) - 1;
        return millis.at(std::clamp<qsizetype>(index, 0, millis.size() - 1));
    };
    return {rank(50), rank(95), rank(99)};
}

QList<double> timeEach(const QStringList& items, const std::function<void(const QString&)>& work)
{
    QList<double> millis;
    millis.reserve(items.size());
    QElapsedTimer timer;
    for (const QString& item : items) {
        timer.start();
        work(item);
        millis.append(double(timer.nsecsElapsed()) / 1e6);
    }
    return millis;
}

double rounded(double millis)
{
    return std::round(millis * 1000.0) / 1000.0;
}

double ratio(double naiveMs, double indexedMs)
{
    return indexedMs > 0 ? naiveMs / indexedMs : 0.0;
}

int positiveOption(const QCommandLineParser& parser, const QString& option, int fallback)
{
    if (!parser.isSet(option)) {
        return fallback;
    }
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < 1) {
        throw CliError{Text::tr("--%1 takes a whole number of at least 1.").arg(option), kExitUsage};
    }
    return value;
}

} // namespace Bench

namespace {

struct Benchmark
{
    const char* name;
    const char* summary;
    int (*run)(const QStringList& args); // the benchmark's own arguments, its name first
};

// Every benchmark `halldeskctl bench NAME` knows. A new benchmark is one function (declared in Benchmarks.h, in a
// file of its own; it parses its own options, prints one JSON line per figure on stdout and a readable table on
// stderr, and uses the helpers there) plus one row here.
constexpr Benchmark kBenchmarks[] = {
    {"lookup", QT_TRANSLATE_NOOP("halldeskctl", "Lookup speed per kind of query, against a naive LIKE scan."),
     Bench::lookup},
    {"pay", QT_TRANSLATE_NOOP("halldeskctl", "Payment commit time against a bare insert; a group payment."),
     Bench::pay},
    {"sync",
     QT_TRANSLATE_NOOP("halldeskctl",
                       "A first fill of one hall from the centre, and a push against COPY; the "
                       "event loop's longest gap meanwhile."),
     Bench::sync},
};

QString benchmarkList()
{
    QString text = Text::tr("Usage: halldeskctl bench BENCHMARK [OPTIONS]\n\nBenchmarks:\n");
    for (const Benchmark& benchmark : kBenchmarks) {
        text += QStringLiteral("  %1%2\n")
                    .arg(QLatin1String(benchmark.name), -10)
                    .arg(QCoreApplication::translate("halldeskctl", benchmark.summary));
    }
    return text;
}

} // namespace

// halldeskctl bench BENCHMARK [OPTIONS]: runs one benchmark of the table above.
int runBench(const QStringList& args)
{
    const QString which = args.value(1);
    if (which == QLatin1String("--help") || which == QLatin1String("-h")) {
        std::fputs(qPrintable(benchmarkList()), stdout);
        return kExitOk;
    }
    for (const Benchmark& benchmark : kBenchmarks) {
        if (which == QLatin1String(benchmark.name)) {
            return benchmark.run(args.mid(1));
        }
    }
    const QString problem
        = which.isEmpty() ? Text::tr("Name a benchmark.") : Text::tr("Unknown benchmark \"%1\".").arg(which);
    throw CliError{problem + u'\n' + benchmarkList().trimmed(), kExitUsage};
}

} // namespace HallDesk::Cli
