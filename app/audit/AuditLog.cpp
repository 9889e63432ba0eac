#include "app/audit/AuditLog.h"

#include "db/Sql.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <algorithm>

// The chain, as stored in audit_log:
//
//   hash = lowercase hex SHA-256 of the canonical form of (prev_hash, at_utc, operator_id, approver_id,
//          terminal_code, action, entity, entity_key, details)
//
// The canonical form is the line "halldesk-audit-v1\n" followed by each field, in that order, written as its
// length in UTF-8 bytes (decimal), a colon, its UTF-8 bytes and a newline: "5:clerk\n". The length prefix makes
// the separators unambiguous whatever the values contain. A missing operator or approver id is the empty string,
// an id its decimal digits. at_utc is 'YYYY-MM-DDTHH:MM:SSZ'; details is compact JSON with its keys sorted (the
// text stored in the row, hashed as stored). The first entry's prev_hash is 64 zeros; every later entry's
// prev_hash is the hash of the entry before it in id order. Stores written with this form must keep verifying, so
// a change to it needs a new version line and both forms in verify().

namespace HallDesk {

namespace {

const QString kGenesisHash(64, QLatin1Char('0'));

struct StoredEntry
{
    QString prevHash;
    QString atUtc;
    QString operatorId;
    QString approverId;
    QString terminalCode;
    QString action;
    QString entity;
    QString entityKey;
    QString details;
};

void appendField(QByteArray& out, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    out += QByteArray::number(utf8.size());
    out += ':';
    out += utf8;
    out += '\n';
}

QString hashOf(const StoredEntry& entry)
{
    QByteArray canonical("halldesk-audit-v1\n");
    for (const QString* field : {&entry.prevHash, &entry.atUtc, &entry.operatorId, &entry.approverId,
                                 &entry.terminalCode, &entry.action, &entry.entity, &entry.entityKey, &entry.details}) {
        appendField(canonical, *field);
    }
    return QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
}

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL and hash the same whether empty or null.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString idText(const std::optional<qint64>& id)
{
    return id ? QString::number(*id) : QStringLiteral("");
}

QVariant idValue(const std::optional<qint64>& id)
{
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qint64>());
}

QString idText(const QVariant& column)
{
    return column.isNull() ? QString() : QString::number(column.toLongLong());
}

} // namespace

void AuditLog::append(const QSqlDatabase& db, const AuditEntry& entry)
{
    // Inside the caller's write transaction (BEGIN IMMEDIATE) no other writer can append between reading the last
    // hash and inserting this entry, so the chain cannot fork.
    const QVariant last = Sql::scalar(db, QStringLiteral("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    StoredEntry stored;
    stored.prevHash = last.isValid() ? last.toString() : kGenesisHash;
    stored.atUtc = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    stored.operatorId = idText(entry.operatorId);
    stored.approverId = idText(entry.approverId);
    stored.terminalCode = text(entry.terminalCode);
    stored.action = text(entry.action);
    stored.entity = text(entry.entity);
    stored.entityKey = text(entry.entityKey);
    stored.details = QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact));
    const QString hash = hashOf(stored);

    Sql::exec(db,
              QStringLiteral("INSERT INTO audit_log (at_utc, operator_id, approver_id, terminal_code, action, entity, "
                             "entity_key, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
              {stored.atUtc, idValue(entry.operatorId), idValue(entry.approverId), stored.terminalCode, stored.action,
               stored.entity, stored.entityKey, stored.details, stored.prevHash, hash});
}

AuditLog::Verification AuditLog::verify(const QSqlDatabase& db)
{
    Verification result;
    QSqlQuery query = Sql::exec(
        db,
        QStringLiteral("SELECT id, at_utc, operator_id, approver_id, terminal_code, action, entity, entity_key, "
                       "details, prev_hash, hash FROM audit_log ORDER BY id"));
    QString expectedPrev = kGenesisHash;
    while (query.next()) {
        ++result.entries;
        const qint64 id = query.value(0).toLongLong();
        StoredEntry stored;
        stored.atUtc = query.value(1).toString();
        stored.operatorId = idText(query.value(2));
        stored.approverId = idText(query.value(3));
        stored.terminalCode = query.value(4).toString();
        stored.action = query.value(5).toString();
        stored.entity = query.value(6).toString();
        stored.entityKey = query.value(7).toString();
        stored.details = query.value(8).toString();
        stored.prevHash = query.value(9).toString();
        const QString storedHash = query.value(10).toString();

        if (result.ok) {
            if (stored.prevHash != expectedPrev) {
                result.ok = false;
                result.firstBrokenId = id;
                result.reason
                    = QCoreApplication::translate(
                          "AuditLog",
                          "Entry %1 does not link to the entry before it: an earlier entry was removed or altered.")
                          .arg(id);
            } else if (hashOf(stored) != storedHash) {
                result.ok = false;
                result.firstBrokenId = id;
                result.reason = QCoreApplication::translate(
                                    "AuditLog",
                                    "Entry %1 does not match its hash: its contents were altered after it was written.")
                                    .arg(id);
            }
        }
        expectedPrev = storedHash;
    }
    return result;
}

std::optional<AuditLog::Anchor> AuditLog::Anchor::fromText(const QString& text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0) {
        return std::nullopt;
    }
    bool ok = false;
    const qint64 entries = text.left(colon).trimmed().toLongLong(&ok);
    QString hash = text.mid(colon + 1).toLower();
    hash.remove(QLatin1Char(' '));
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (!ok || entries <= 0 || !hex.match(hash).hasMatch()) {
        return std::nullopt;
    }
    return Anchor{entries, hash};
}

std::optional<AuditLog::Anchor> AuditLog::head(const QSqlDatabase& db)
{
    QSqlQuery row = Sql::exec(db,
                              QStringLiteral("SELECT (SELECT count(*) FROM audit_log), "
                                             "(SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1)"));
    row.next();
    if (row.value(0).toLongLong() == 0) {
        return std::nullopt;
    }
    return Anchor{row.value(0).toLongLong(), row.value(1).toString()};
}

std::optional<AuditLog::Anchor> AuditLog::anchorAt(const QSqlDatabase& db, qint64 id)
{
    QSqlQuery row = Sql::exec(
        db, QStringLiteral("SELECT (SELECT count(*) FROM audit_log WHERE id <= ?), hash FROM audit_log WHERE id = ?"),
        {id, id});
    if (!row.next()) {
        return std::nullopt;
    }
    return Anchor{row.value(0).toLongLong(), row.value(1).toString()};
}

bool AuditLog::AnchoredVerification::ok() const
{
    return chain.ok && std::all_of(anchors.cbegin(), anchors.cend(), [](const AnchorResult& r) { return r.ok; });
}

AuditLog::AnchoredVerification AuditLog::verifyAnchors(const QSqlDatabase& db, const QList<Anchor>& anchors)
{
    AnchoredVerification result;
    result.chain = verify(db);
    QHash<qint64, QList<qsizetype>> wanted; // position -> anchors that name it
    for (qsizetype i = 0; i < anchors.size(); ++i) {
        result.anchors.append({anchors.at(i), true, {}});
        wanted[anchors.at(i).entries].append(i);
    }
    QSqlQuery hashes = Sql::exec(db, QStringLiteral("SELECT hash FROM audit_log ORDER BY id"));
    qint64 position = 0;
    while (hashes.next() && !wanted.isEmpty()) {
        ++position;
        const auto found = wanted.constFind(position);
        if (found == wanted.constEnd()) {
            continue;
        }
        const QString hash = hashes.value(0).toString();
        for (const qsizetype i : found.value()) {
            AnchorResult& r = result.anchors[i];
            if (r.anchor.hash != hash) {
                r.ok = false;
                r.reason = QCoreApplication::translate("AuditLog",
                                                       "Entry %1 of the log has hash %2, but it was anchored with %3: "
                                                       "the log was rewritten at or before that entry.")
                               .arg(position)
                               .arg(hash, r.anchor.hash);
            }
        }
        wanted.erase(found);
    }
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        for (const qsizetype i : it.value()) {
            AnchorResult& r = result.anchors[i];
            r.ok = false;
            r.reason = QCoreApplication::translate("AuditLog",
                                                   "The log holds %1 entries, but %2 were anchored: entries were "
                                                   "removed from its end.")
                           .arg(position)
                           .arg(r.anchor.entries);
        }
    }
    return result;
}

} // namespace HallDesk
