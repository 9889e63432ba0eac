#include "app/sync/PulledTables.h"

#include "app/accounts/PulledAccounts.h"
#include "app/auth/PulledOperators.h"
#include "app/billing/PulledBills.h"
#include "app/billing/PulledLateFees.h"
#include "app/setup/PulledHalls.h"

namespace HallDesk {

const std::vector<PulledTable>& pulledTables()
{
    static const std::vector<PulledTable> tables = {
        {.name = QStringLiteral("halls"),
         .fields = {"code", "name", "province", "district", "address", "phone"},
         .apply = &PulledHalls::applyHall,
         .remove = &PulledHalls::removeHall},
        {.name = QStringLiteral("late_fee_policies"),
         .fields = {"id", "version", "name", "effective_from", "minimum_fee_fen", "grace_days", "allocation_order"},
         .apply = &PulledLateFees::applyPolicy,
         .remove = &PulledLateFees::removePolicy},
        {.name = QStringLiteral("late_fee_rates"),
         .fields = {"policy_id", "policy_version", "customer_class", "year_bucket", "rate_ppm"},
         .apply = &PulledLateFees::applyRate,
         .remove = &PulledLateFees::removeRate},
        {.name = QStringLiteral("operators"),
         .fields = {"code", "name", "hall_code", "password_hash", "roles", "active"},
         .apply = &PulledOperators::apply,
         .remove = &PulledOperators::remove},
        {.name = QStringLiteral("terminals"),
         .fields = {"hall_code", "code", "name"},
         .apply = &PulledHalls::applyTerminal,
         .remove = &PulledHalls::removeTerminal},
        {.name = QStringLiteral("transformer_areas"),
         .fields = {"code", "name", "hall_code", "collector_code"},
         .apply = &PulledAccounts::applyArea,
         .remove = &PulledAccounts::removeArea},
        {.name = QStringLiteral("accounts"),
         .fields = {"account_no", "name", "customer_class", "address", "hall_code", "area_code", "meter_no", "status",
                    "risk_level", "collector_code", "prepaid_fen", "id_card_no", "opened_on", "updated_at"},
         .apply = &PulledAccounts::applyAccount,
         .remove = &PulledAccounts::removeAccount},
        {.name = QStringLiteral("contacts"),
         .fields = {"account_no", "phone", "mobile", "wechat", "email", "updated_at"},
         .apply = &PulledAccounts::applyContact,
         .remove = &PulledAccounts::removeContact},
        {.name = QStringLiteral("payer_groups"),
         .fields = {"code", "name", "kind"},
         .apply = &PulledAccounts::applyGroup,
         .remove = &PulledAccounts::removeGroup},
        {.name = QStringLiteral("payer_group_members"),
         .fields = {"group_code", "account_no"},
         .apply = &PulledAccounts::applyMember,
         .remove = &PulledAccounts::removeMember},
        {.name = QStringLiteral("bills"),
         .fields = {"account_no", "period", "kwh", "amount_fen", "issue_date", "due_date", "paid_fen", "status",
                    "paid_on", "fee_through", "fee_carried_fen", "fee_counted_exact"},
         .remove = &PulledBills::remove,
         .applyRun = &PulledBills::applyRun,
         .runRows = PulledBills::kRowsPerStatement,
         .beginPage = &PulledBills::beginPage,
         .endPage = &PulledBills::endPage},
    };
    return tables;
}

const PulledTable* findPulledTable(const QString& name)
{
    for (const PulledTable& table : pulledTables()) {
        if (table.name == name) {
            return &table;
        }
    }
    return nullptr;
}

} // namespace HallDesk
