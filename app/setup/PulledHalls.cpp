#include "app/setup/PulledHalls.h"

#include "app/sync/PullContext.h"
#include "app/sync/PulledPage.h"

namespace HallDesk::PulledHalls {

void applyHall(PullContext& context, const PulledPage& page, int row)
{
    enum
    {
        Code,
        Name,
        Province,
        District,
        Address,
        Phone
    };
    SqliteStatement& upsert = context.statement(
        "INSERT INTO halls (code, name, province, district, address, phone) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT "
        "(code) DO UPDATE SET name = excluded.name, province = excluded.province, district = excluded.district, "
        "address = excluded.address, phone = excluded.phone");
    for (int field = Code; field <= Phone; ++field) {
        upsert.text(field + 1, page.text(row, field));
    }
    upsert.run();
}

void removeHall(PullContext& context, const PulledPage& page, int row)
{
    const std::string_view code = page.text(row, 0);
    context.deleteIfUnreferenced("DELETE FROM halls WHERE code = ?",
                                 [code](SqliteStatement& statement) { statement.text(1, code); });
}

void applyTerminal(PullContext& context, const PulledPage& page, int row)
{
    enum
    {
        HallCode,
        Code,
        Name
    };
    SqliteStatement& upsert = context.statement("INSERT INTO terminals (hall_id, code, name) VALUES (?, ?, ?) ON "
                                                "CONFLICT (hall_id, code) DO UPDATE SET name = excluded.name");
    upsert.integer(1, context.requiredHall(page.text(row, HallCode)));
    upsert.text(2, page.text(row, Code));
    upsert.text(3, page.text(row, Name));
    upsert.run();
}

void removeTerminal(PullContext& context, const PulledPage& page, int row)
{
    // As before the registry: the first field is read as the code. A terminal's tombstone carries only its code
    // (central.leave_tombstone), so that field (hall_code) comes empty and no terminal is deleted; whether one
    // should be is open (docs/sync.md). A terminal that took payments would stay in any case.
    const std::string_view code = page.text(row, 0);
    context.deleteIfUnreferenced("DELETE FROM terminals WHERE code = ?",
                                 [code](SqliteStatement& statement) { statement.text(1, code); });
}

} // namespace HallDesk::PulledHalls
