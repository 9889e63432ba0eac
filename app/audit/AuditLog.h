#pragma once

#include <QJsonObject>
#include <QList>
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

    // A point of the chain kept outside the store (docs/sync.md, "Audit anchors"): the number of entries the log
    // held and the hash of the last of them. The centre keeps every head a sync round sends it; a settlement report
    // prints the head as it stood after the settlement's own entry.
    struct Anchor
    {
        qint64 entries = 0;
        QString hash;
        QString toText() const { return QStringLiteral("%1:%2").arg(entries).arg(hash); }
        // "COUNT:HASH"; spaces inside the hash (the report prints it in groups) are ignored. nullopt if malformed.
        static std::optional<Anchor> fromText(const QString& text);
    };
    // The log's head now; nullopt for an empty log.
    static std::optional<Anchor> head(const QSqlDatabase& db);
    // The head as it stood right after entry `id` (its position in the log and its hash); nullopt if there is none.
    static std::optional<Anchor> anchorAt(const QSqlDatabase& db, qint64 id);

    struct AnchorResult
    {
        Anchor anchor;
        bool ok = true;
        QString reason; // why the log does not hold the anchor
    };
    // The chain (as verify()) and, for each anchor, whether the log's entry at that position has that hash. A log
    // cut short, or rewritten with every later hash recomputed, fails every anchor at or after the change.
    struct AnchoredVerification
    {
        Verification chain;
        QList<AnchorResult> anchors;
        bool ok() const;
    };
    static AnchoredVerification verifyAnchors(const QSqlDatabase& db, const QList<Anchor>& anchors);
};

} // namespace HallDesk
