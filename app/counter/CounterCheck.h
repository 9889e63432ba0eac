#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <functional>

namespace HallDesk {

// The parts of `halldeskctl check` that tie the money rows to the audit log and recompute settlements
// (docs/counter.md, "halldeskctl check"). CounterService::check() calls them inside its snapshot.
class CounterAuditCheck final
{
    Q_DECLARE_TR_FUNCTIONS(CounterAuditCheck)

public:
    using Problem = std::function<void(const char* code, const QString& message)>;

    // Lowercase hex SHA-256 of a payment's tender and allocation lines in the canonical form "halldesk-lines-v1"
    // (documented in CounterAuditCheck.cpp). pay() records it in the payment.post audit entry as `lines_sha256`,
    // so a figure moved between lines of one payment no longer matches.
    static QString linesDigest(const QSqlDatabase& db, qint64 paymentId);

    // Every payment, refund, void and settlement against its audit entry and back: a row without its entry, an
    // entry without its row, and a row whose figures differ from those its entry recorded.
    static void moneyRowsAgainstAudit(const QSqlDatabase& db, const Problem& problem);

    // Each settlement's expected totals, counts and receipt range recomputed from its shift's payments, and its
    // own figures checked against each other (variance, cash count, approver when counted differs).
    static void settlements(const QSqlDatabase& db, const Problem& problem);
};

} // namespace HallDesk
