#include "app/auth/PulledOperators.h"

#include "app/sync/PullContext.h"
#include "app/sync/PulledPage.h"

namespace HallDesk::PulledOperators {

// An operator of this hall or of every hall: the centre is the master of names, password hashes, roles and
// whether the operator may sign in. The local sign-in counters (failed attempts, lock-out) stay as they are.
void apply(PullContext& context, const PulledPage& page, int row)
{
    enum
    {
        Code,
        Name,
        HallCode,
        PasswordHash,
        Roles,
        Active
    };
    SqliteStatement& upsert = context.statement(
        "INSERT INTO operators (code, name, hall_id, password_hash, active, created_at, updated_at) VALUES (?, ?, ?, "
        "?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, hall_id = excluded.hall_id, "
        "password_hash = excluded.password_hash, active = excluded.active, updated_at = excluded.updated_at");
    const std::string_view code = page.text(row, Code);
    upsert.text(1, code);
    upsert.text(2, page.text(row, Name));
    PullContext::bindId(upsert, 3, page.isNull(row, HallCode) ? 0 : context.requiredHall(page.text(row, HallCode)));
    upsert.text(4, page.text(row, PasswordHash));
    upsert.integer(5, page.text(row, Active) == "t" ? 1 : 0);
    upsert.text(6, context.now());
    upsert.text(7, context.now());
    upsert.run();
    context.forgetOperator(code);
    const qint64 id = context.operatorId(code);
    SqliteStatement& clear = context.statement("DELETE FROM operator_roles WHERE operator_id = ?");
    clear.integer(1, id);
    clear.run();
    // a PostgreSQL array of plain words: {clerk,supervisor}
    QByteArray roles = pulledBytes(page.text(row, Roles));
    if (roles.startsWith('{') && roles.endsWith('}')) {
        roles = roles.mid(1, roles.size() - 2);
    }
    SqliteStatement& grant = context.statement(
        "INSERT OR IGNORE INTO operator_roles (operator_id, role) SELECT ?, code FROM roles WHERE code = ?");
    for (const QByteArray& role : roles.split(',')) {
        if (!role.isEmpty()) {
            grant.integer(1, id);
            grant.text(2, std::string_view(role.constData(), std::size_t(role.size())));
            grant.run();
        }
    }
}

// The audit log and the payments name operators: one that left can no longer sign in, and that is all.
void remove(PullContext& context, const PulledPage& page, int row)
{
    SqliteStatement& disable = context.statement("UPDATE operators SET active = 0 WHERE code = ?");
    disable.text(1, page.text(row, 0));
    disable.run();
}

} // namespace HallDesk::PulledOperators
