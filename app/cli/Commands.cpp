#include "app/cli/Commands.h"

#include <QCoreApplication>

namespace HallDesk::Cli {

const QList<Command>& commands()
{
    static const QList<Command> table = {
        {"init", QT_TRANSLATE_NOOP("halldeskctl", "Create an empty store for a hall and terminal."), runInit},
        {"demo", QT_TRANSLATE_NOOP("halldeskctl", "Create a store with realistic demo accounts."), runDemo},
        {"lookup", QT_TRANSLATE_NOOP("halldeskctl", "Find accounts by anything a customer says or shows."),
            runLookup},
        {"account", QT_TRANSLATE_NOOP("halldeskctl", "Show an account with its open bills and late fees."),
            runAccount},
        {"latefee", QT_TRANSLATE_NOOP("halldeskctl", "Compute a late fee."), runLateFee},
        {"operator", QT_TRANSLATE_NOOP("halldeskctl", "Add, list, change or disable operators."), runOperator},
        {"audit", QT_TRANSLATE_NOOP("halldeskctl", "Verify the audit log's hash chain."), runAudit},
        {"bench", QT_TRANSLATE_NOOP("halldeskctl", "Measure lookup speed."), runBench},
    };
    return table;
}

} // namespace HallDesk::Cli
