// Scaffolding while the commands are being written in parallel: weak definitions that the real ones override.
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"

namespace HallDesk::Cli {
namespace {
int pending(const QStringList& args)
{
    throw CliError{QStringLiteral("%1 is being built").arg(args.value(0)), kExitFailure};
}
} // namespace
__attribute__((weak)) int runDemo(const QStringList& args) { return pending(args); }
__attribute__((weak)) int runLookup(const QStringList& args) { return pending(args); }
__attribute__((weak)) int runAccount(const QStringList& args) { return pending(args); }
__attribute__((weak)) int runLateFee(const QStringList& args) { return pending(args); }
__attribute__((weak)) int runOperator(const QStringList& args) { return pending(args); }
__attribute__((weak)) int runAudit(const QStringList& args) { return pending(args); }
__attribute__((weak)) int runBench(const QStringList& args) { return pending(args); }
} // namespace HallDesk::Cli
