#pragma once

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace HallDesk {

// One thing that happened, as the audit log records it.
struct AuditEntry
{
    QString action; // "contact.update", "personal_data.reveal", "operator.add", "auth.sign_in", …
    QString entity; // "account", "operator", …
    QString entityKey; // the entity's human key (户号, operator code)
    QJsonObject details;
    std::optional<qint64> operatorId; // who did it
    std::optional<qint64> approverId; // who approved it with a second credential, if anyone
    QString terminalCode;
};

// The hash-chained audit log. Every entry carries the hash of the one before, so removing or changing an entry
// breaks the chain at that point.
class AuditLog final
{
public:
    // Appends an entry. Call it inside the transaction of the change it records, so both commit or neither does.
    static void append(const QSqlDatabase& db, const AuditEntry& entry);

    struct Verification
    {
        bool ok = true;
        qint64 entries = 0;
        std::optional<qint64> firstBrokenId; // the first entry whose hash or link does not match
        QString reason;
    };
    static Verification verify(const QSqlDatabase& db);
};

} // namespace HallDesk
