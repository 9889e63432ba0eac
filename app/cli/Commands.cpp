#include "app/cli/Commands.h"

#include <QCoreApplication>

namespace HallDesk::Cli {

const QList<Command>& commands()
{
    static const QList<Command> table = {
        {"init", QT_TRANSLATE_NOOP("halldeskctl", "Create an empty store for a hall and terminal."), runInit},
        {"demo", QT_TRANSLATE_NOOP("halldeskctl", "Create a store with realistic demo accounts."), runDemo},
        {"lookup", QT_TRANSLATE_NOOP("halldeskctl", "Find accounts by anything a customer says or shows."), runLookup},
        {"account", QT_TRANSLATE_NOOP("halldeskctl", "Show an account with its open bills and late fees."), runAccount},
        {"latefee", QT_TRANSLATE_NOOP("halldeskctl", "Compute a late fee."), runLateFee},
        {"operator", QT_TRANSLATE_NOOP("halldeskctl", "Add, list, change or disable operators."), runOperator},
        {"pay", QT_TRANSLATE_NOOP("halldeskctl", "Take a payment for one or several accounts."), runPay},
        {"void", QT_TRANSLATE_NOOP("halldeskctl", "Void a payment of today, with a supervisor's approval."), runVoid},
        {"refund", QT_TRANSLATE_NOOP("halldeskctl", "Pay out prepaid balance, with a supervisor's approval."),
         runRefund},
        {"settle", QT_TRANSLATE_NOOP("halldeskctl", "Settle the shift: cash count and totals."), runSettle},
        {"check", QT_TRANSLATE_NOOP("halldeskctl", "Verify the store's money invariants."), runCheck},
        {"receipt", QT_TRANSLATE_NOOP("halldeskctl", "Write a receipt as PDF (a reprint after the first output)."),
         runReceipt},
        {"audit", QT_TRANSLATE_NOOP("halldeskctl", "Verify the audit log's hash chain."), runAudit},
        {"bench", QT_TRANSLATE_NOOP("halldeskctl", "Measure lookup and payment speed."), runBench},
        {"central",
         QT_TRANSLATE_NOOP("halldeskctl",
                           "The central server: migrate, add a terminal, record a payment "
                           "from another channel."),
         runCentral},
        {"sync",
         QT_TRANSLATE_NOOP("halldeskctl",
                           "Run one sync round with the central server; \"sync rejected\" "
                           "lists the events it rejected."),
         runSync},
        {"idcard",
         QT_TRANSLATE_NOOP("halldeskctl",
                           "Check a presented ID card against an account (at the centre, "
                           "or offline against the masked digits)."),
         runIdCard},
        {"security",
         QT_TRANSLATE_NOOP("halldeskctl",
                           "The store's protection at rest: the encrypted-volume check and "
                           "the site's written acceptance of an unencrypted one."),
         runSecurity},
    };
    return table;
}

} // namespace HallDesk::Cli
