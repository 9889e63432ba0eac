#pragma once

#include <QDate>
#include <QStringList>

class QCommandLineParser;

namespace HallDesk::Cli {

// One halldeskctl command: its name, a one-line summary and the function that runs it with its own arguments
// (the command name first). A command returns its exit code, or throws CliError.
struct Command
{
    const char* name;
    const char* summary;
    int (*run)(const QStringList& args);
};

// Every command, in the order `halldeskctl --help` lists them. Each capability's commands live in their own file
// (InitCommands.cpp, DemoCommand.cpp, …) and appear in the table in Commands.cpp.
const QList<Command>& commands();

int runInit(const QStringList& args);
int runDemo(const QStringList& args);
int runLookup(const QStringList& args);
int runAccount(const QStringList& args);
int runLateFee(const QStringList& args);
int runOperator(const QStringList& args);
int runAudit(const QStringList& args);
int runBench(const QStringList& args);
int runPay(const QStringList& args);
int runVoid(const QStringList& args);
int runRefund(const QStringList& args);
int runSettle(const QStringList& args);
int runCheck(const QStringList& args);
int runReceipt(const QStringList& args);
int runCentral(const QStringList& args);
int runSync(const QStringList& args);
int runSecurity(const QStringList& args);
int runIdCard(const QStringList& args);

// The demo's --accounts, --seed and --as-of options, shared by `demo` and `central demo` (DemoCommand.cpp).
qint64 accountsOption(const QCommandLineParser& parser);
quint64 seedOption(const QCommandLineParser& parser);
QDate asOfOption(const QCommandLineParser& parser);

} // namespace HallDesk::Cli
