#pragma once

#include <QSqlDatabase>

namespace HallDesk::Test {

// What an attacker with the store file can do to its audit log once the append-only triggers are dropped, using
// only what app/audit/AuditLog.cpp documents.
void dropAuditGuards(const QSqlDatabase& db);
// Deletes the last `entries` entries.
void truncateAudit(const QSqlDatabase& db, int entries);
// Sets the amount_fen in the details of entry `id` and recomputes its hash and every later one with the documented
// canonical form, so the chain verifies again.
void rewriteAuditEntry(const QSqlDatabase& db, qint64 id, qint64 amountFen);

} // namespace HallDesk::Test
