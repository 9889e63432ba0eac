#include "tests/support/AuditTamper.h"

#include "db/Sql.h"

#include <QCryptographicHash>
#include <QList>
#include <QSqlQuery>
#include <utility>

namespace HallDesk::Test {

namespace {

// "halldesk-audit-v1\n" and each field as <length>:<bytes>\n (app/audit/AuditLog.cpp).
QString documentedHash(const QSqlQuery& row, const QString& prevHash)
{
    QByteArray canonical("halldesk-audit-v1\n");
    for (const char* column : {"prev_hash", "at_utc", "operator_id", "approver_id", "terminal_code", "action", "entity",
                               "entity_key", "details"}) {
        const QVariant value
            = qstrcmp(column, "prev_hash") == 0 ? QVariant(prevHash) : row.value(QLatin1String(column));
        const QByteArray utf8 = value.isNull() ? QByteArray() : value.toString().toUtf8();
        canonical += QByteArray::number(utf8.size()) + ':' + utf8 + '\n';
    }
    return QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
}

} // namespace

void dropAuditGuards(const QSqlDatabase& db)
{
    Sql::execScript(db,
                    QStringLiteral("DROP TRIGGER IF EXISTS audit_log_no_update; "
                                   "DROP TRIGGER IF EXISTS audit_log_no_delete;"));
}

void truncateAudit(const QSqlDatabase& db, int entries)
{
    Sql::exec(db,
              QStringLiteral("DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log ORDER BY id DESC LIMIT ?)"),
              {entries});
}

void rewriteAuditEntry(const QSqlDatabase& db, qint64 id, qint64 amountFen)
{
    Sql::exec(db, QStringLiteral("UPDATE audit_log SET details = json_set(details, '$.amount_fen', ?) WHERE id = ?"),
              {amountFen, id});
    QString prev = Sql::scalar(db, QStringLiteral("SELECT prev_hash FROM audit_log WHERE id = ?"), {id}).toString();
    QSqlQuery rows = Sql::exec(db, QStringLiteral("SELECT * FROM audit_log WHERE id >= ? ORDER BY id"), {id});
    QList<std::pair<qint64, std::pair<QString, QString>>> hashes;
    while (rows.next()) {
        const QString hash = documentedHash(rows, prev);
        hashes.append({rows.value(QStringLiteral("id")).toLongLong(), {prev, hash}});
        prev = hash;
    }
    rows.finish();
    for (const auto& [row, link] : hashes) {
        Sql::exec(db, QStringLiteral("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?"),
                  {link.first, link.second, row});
    }
}

} // namespace HallDesk::Test
