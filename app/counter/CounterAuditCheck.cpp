// `halldeskctl check`, the money rows against the audit log (docs/counter.md). The audit log is hash-chained and
// its head is anchored outside the store (docs/sync.md, "Audit anchors"); these checks carry that protection over
// to the rows: a row removed, added or changed without its entry no longer matches what the chain recorded.
//
// The canonical form of a payment's lines (`lines_sha256` in its payment.post entry) is the line
// "halldesk-lines-v1\n", then each tender in id order as "T|method|amount|tendered|change|<len>:<reference>\n",
// then each allocation line in id order as "A|account_no|period|principal|late fee|waived|days|prepaid delta\n"
// (money in fen, period empty for a prepaid line, <len> the reference's length in UTF-8 bytes). Payments written
// before the digest existed have no `lines_sha256`; their lines are checked only for their sums.

#include "app/counter/CounterCheck.h"
#include "app/money/Money.h"
#include "db/Sql.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStringList>

namespace HallDesk {

namespace {

// One money audit entry, keyed by the uuid of the row it records.
struct Recorded
{
    qint64 auditId = 0;
    QString action;
    QString entityKey;
    QJsonObject details;
    QVariant operatorId;
    QVariant approverId;
    QString terminalCode;
    bool matched = false;
};

const char* const kPaymentPost = "payment.post";
const char* const kRefund = "prepaid.refund";
const char* const kVoid = "payment.void";
const char* const kSettlement = "settlement.close";

QString keyOf(const QString& action, const QJsonObject& details)
{
    return details.value(action == QLatin1String(kVoid) ? QStringLiteral("void_uuid") : QStringLiteral("uuid"))
        .toString();
}

bool sameId(const QVariant& row, const QVariant& recorded)
{
    return row.isNull() == recorded.isNull() && (row.isNull() || row.toLongLong() == recorded.toLongLong());
}

QStringList split(const QVariant& joined)
{
    return joined.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QStringList strings(const QJsonValue& array)
{
    QStringList out;
    for (const QJsonValue& value : array.toArray()) {
        out.append(value.toString());
    }
    return out;
}

// Compares one field and notes its name when it differs.
class Differences
{
public:
    void fen(const char* name, qint64 row, const QJsonValue& recorded)
    {
        if (!recorded.isDouble() || recorded.toInteger() != row) {
            m_fields.append(QLatin1String(name));
        }
    }
    void text(const char* name, const QString& row, const QJsonValue& recorded)
    {
        if (recorded.toString() != row) {
            m_fields.append(QLatin1String(name));
        }
    }
    void same(const char* name, bool same)
    {
        if (!same) {
            m_fields.append(QLatin1String(name));
        }
    }
    bool any() const { return !m_fields.isEmpty(); }
    QString list() const { return m_fields.join(QStringLiteral(", ")); }

private:
    QStringList m_fields;
};

} // namespace

QString CounterAuditCheck::linesDigest(const QSqlDatabase& db, qint64 paymentId)
{
    QByteArray canonical("halldesk-lines-v1\n");
    QSqlQuery tenders = Sql::exec(db,
                                  QStringLiteral("SELECT method, amount_fen, tendered_fen, change_fen, reference FROM "
                                                 "payment_tenders WHERE payment_id = ? ORDER BY id"),
                                  {paymentId});
    while (tenders.next()) {
        const QByteArray reference = tenders.value(4).toString().toUtf8();
        canonical += "T|" + tenders.value(0).toString().toUtf8() + '|'
            + QByteArray::number(tenders.value(1).toLongLong()) + '|'
            + QByteArray::number(tenders.value(2).toLongLong()) + '|'
            + QByteArray::number(tenders.value(3).toLongLong()) + '|' + QByteArray::number(reference.size()) + ':'
            + reference + '\n';
    }
    QSqlQuery lines = Sql::exec(
        db,
        QStringLiteral("SELECT a.account_no, coalesce(b.period, ''), l.principal_fen, l.late_fee_fen, "
                       "l.late_fee_waived_fen, l.late_fee_days, l.prepaid_delta_fen FROM payment_allocations l "
                       "JOIN accounts a ON a.id = l.account_id LEFT JOIN bills b ON b.id = l.bill_id "
                       "WHERE l.payment_id = ? ORDER BY l.id"),
        {paymentId});
    while (lines.next()) {
        canonical += "A|" + lines.value(0).toString().toUtf8() + '|' + lines.value(1).toString().toUtf8();
        for (int i = 2; i <= 6; ++i) {
            canonical += '|' + QByteArray::number(lines.value(i).toLongLong());
        }
        canonical += '\n';
    }
    return QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
}

void CounterAuditCheck::moneyRowsAgainstAudit(const QSqlDatabase& db, const Problem& problem)
{
    QHash<QString, QHash<QString, Recorded>> recorded; // action -> uuid -> entry
    QSqlQuery entries = Sql::exec(
        db,
        QStringLiteral("SELECT id, action, entity_key, details, operator_id, approver_id, terminal_code FROM audit_log "
                       "WHERE action IN (?, ?, ?, ?) ORDER BY id"),
        {QLatin1String(kPaymentPost), QLatin1String(kRefund), QLatin1String(kVoid), QLatin1String(kSettlement)});
    while (entries.next()) {
        Recorded entry{entries.value(0).toLongLong(),
                       entries.value(1).toString(),
                       entries.value(2).toString(),
                       QJsonDocument::fromJson(entries.value(3).toString().toUtf8()).object(),
                       entries.value(4),
                       entries.value(5),
                       entries.value(6).toString()};
        const QString key = keyOf(entry.action, entry.details);
        QHash<QString, Recorded>& ofAction = recorded[entry.action];
        if (ofAction.contains(key)) {
            problem("audit_duplicate",
                    tr("Audit entries %1 and %2 both record %3 %4.")
                        .arg(ofAction.value(key).auditId)
                        .arg(entry.auditId)
                        .arg(entry.action, key));
            continue;
        }
        ofAction.insert(key, entry);
    }
    const auto find = [&recorded](const char* action, const QString& key) -> Recorded* {
        auto& ofAction = recorded[QLatin1String(action)];
        const auto it = ofAction.find(key);
        return it == ofAction.end() ? nullptr : &it.value();
    };
    const auto mismatch = [&problem](const QString& what, const Recorded& entry, const Differences& differs) {
        problem(
            "audit_mismatch",
            tr("%1 differs from what audit entry %2 recorded: %3.").arg(what).arg(entry.auditId).arg(differs.list()));
    };

    // Payments and refunds.
    QSqlQuery payments = Sql::exec(
        db,
        QStringLiteral(
            "SELECT p.id, p.uuid, p.kind, p.amount_fen, p.operator_id, p.approver_id, t.code, p.reason, "
            "(SELECT group_concat(receipt_no, ' ') FROM (SELECT receipt_no FROM receipts WHERE payment_id = p.id "
            " ORDER BY seq)), "
            "(SELECT group_concat(account_no, ' ') FROM (SELECT DISTINCT a.account_no FROM payment_allocations l "
            " JOIN accounts a ON a.id = l.account_id WHERE l.payment_id = p.id)), "
            "(SELECT group_concat(x, ' ') FROM (SELECT a.account_no || '/' || b.period || '/' || w.charged_fen AS x "
            " FROM late_fee_waivers w JOIN bills b ON b.id = w.bill_id JOIN accounts a ON a.id = b.account_id "
            " WHERE w.payment_id = p.id ORDER BY x)) "
            "FROM payments p JOIN terminals t ON t.id = p.terminal_id ORDER BY p.id"));
    while (payments.next()) {
        const QString uuid = payments.value(1).toString();
        const bool refund = payments.value(2).toString() == QLatin1String("refund");
        const qint64 amount = payments.value(3).toLongLong();
        const QStringList receipts = split(payments.value(8));
        const QString what = (refund ? tr("Refund %1 (receipt %2, %3)") : tr("Payment %1 (receipt %2, %3)"))
                                 .arg(uuid, receipts.value(0), Money::fromFen(amount).toDisplayString());
        Recorded* entry = find(refund ? kRefund : kPaymentPost, uuid);
        if (!entry) {
            problem(
                "audit_missing",
                tr("%1 has no %2 entry in the audit log.").arg(what, QLatin1String(refund ? kRefund : kPaymentPost)));
            continue;
        }
        entry->matched = true;
        const QJsonObject& d = entry->details;
        Differences differs;
        differs.fen("amount_fen", amount, d.value(QStringLiteral("amount_fen")));
        differs.same("operator", sameId(payments.value(4), entry->operatorId));
        differs.same("approver", sameId(payments.value(5), entry->approverId));
        differs.same("terminal", payments.value(6).toString() == entry->terminalCode);
        if (refund) {
            differs.text("receipt_no", receipts.value(0), d.value(QStringLiteral("receipt_no")));
            differs.same("receipts", receipts.size() == 1);
            differs.same("account", split(payments.value(9)) == QStringList{entry->entityKey});
            differs.text("reason", payments.value(7).toString(), d.value(QStringLiteral("reason")));
        } else {
            differs.same("receipt_nos", receipts == strings(d.value(QStringLiteral("receipt_nos"))));
            const QStringList loaded = strings(d.value(QStringLiteral("accounts")));
            bool accountsOk = true;
            for (const QString& account : split(payments.value(9))) {
                accountsOk = accountsOk && loaded.contains(account);
            }
            differs.same("accounts", accountsOk);
            QStringList waivers;
            for (const QJsonValue& waiver : d.value(QStringLiteral("waivers")).toArray()) {
                const QJsonObject w = waiver.toObject();
                waivers.append(QStringLiteral("%1/%2/%3")
                                   .arg(w.value(QStringLiteral("account_no")).toString(),
                                        w.value(QStringLiteral("period")).toString())
                                   .arg(w.value(QStringLiteral("charged_fen")).toInteger()));
            }
            waivers.sort();
            differs.same("waivers", waivers == split(payments.value(10)));
            // Entries written before the digest existed carry no lines_sha256 (docs/counter.md).
            if (d.contains(QStringLiteral("lines_sha256"))) {
                differs.text("lines", linesDigest(db, payments.value(0).toLongLong()),
                             d.value(QStringLiteral("lines_sha256")));
            }
        }
        if (differs.any()) {
            mismatch(what, *entry, differs);
        }
    }

    // Voids.
    QSqlQuery voids = Sql::exec(
        db,
        QStringLiteral("SELECT v.uuid, p.uuid, p.amount_fen, v.operator_id, v.approver_id, v.reason, "
                       "(SELECT group_concat(receipt_no, ' ') FROM (SELECT receipt_no FROM receipts "
                       " WHERE payment_id = p.id ORDER BY seq)) FROM voids v JOIN payments p ON p.id = v.payment_id "
                       "ORDER BY v.id"));
    while (voids.next()) {
        const QString uuid = voids.value(0).toString();
        const QStringList receipts = split(voids.value(6));
        const QString what = tr("Void %1 of receipt %2").arg(uuid, receipts.value(0));
        Recorded* entry = find(kVoid, uuid);
        if (!entry) {
            problem("audit_missing", tr("%1 has no %2 entry in the audit log.").arg(what, QLatin1String(kVoid)));
            continue;
        }
        entry->matched = true;
        const QJsonObject& d = entry->details;
        Differences differs;
        differs.text("payment_uuid", voids.value(1).toString(), d.value(QStringLiteral("payment_uuid")));
        differs.fen("amount_fen", voids.value(2).toLongLong(), d.value(QStringLiteral("amount_fen")));
        differs.same("operator", sameId(voids.value(3), entry->operatorId));
        differs.same("approver", sameId(voids.value(4), entry->approverId));
        differs.text("reason", voids.value(5).toString(), d.value(QStringLiteral("reason")));
        differs.same("receipt_nos", receipts == strings(d.value(QStringLiteral("receipt_nos"))));
        if (differs.any()) {
            mismatch(what, *entry, differs);
        }
    }

    // Settlements: the row and its lines as the entry recorded them.
    QSqlQuery settlements = Sql::exec(
        db,
        QStringLiteral("SELECT s.id, s.uuid, s.operator_id, s.approver_id, s.reason, s.blind, s.variance_fen, "
                       "s.payment_count, s.void_count, s.refund_count, coalesce(s.first_receipt, ''), "
                       "coalesce(s.last_receipt, ''), sh.business_date FROM settlements s "
                       "JOIN shifts sh ON sh.id = s.shift_id ORDER BY s.id"));
    while (settlements.next()) {
        const QString uuid = settlements.value(1).toString();
        const QString what = tr("Settlement %1 of %2").arg(uuid, settlements.value(12).toString());
        Recorded* entry = find(kSettlement, uuid);
        if (!entry) {
            problem("audit_missing", tr("%1 has no %2 entry in the audit log.").arg(what, QLatin1String(kSettlement)));
            continue;
        }
        entry->matched = true;
        const QJsonObject& d = entry->details;
        Differences differs;
        differs.same("operator", sameId(settlements.value(2), entry->operatorId));
        differs.same("approver", sameId(settlements.value(3), entry->approverId));
        differs.fen("variance_fen", settlements.value(6).toLongLong(), d.value(QStringLiteral("variance_fen")));
        differs.same("blind", settlements.value(5).toBool() == d.value(QStringLiteral("blind")).toBool());
        QStringList rowLines;
        QSqlQuery lines = Sql::exec(db,
                                    QStringLiteral("SELECT method, expected_fen, counted_fen FROM settlement_lines "
                                                   "WHERE settlement_id = ? ORDER BY method"),
                                    {settlements.value(0)});
        while (lines.next()) {
            rowLines.append(QStringLiteral("%1/%2/%3")
                                .arg(lines.value(0).toString())
                                .arg(lines.value(1).toLongLong())
                                .arg(lines.value(2).toLongLong()));
        }
        QStringList recordedLines;
        for (const QJsonValue& line : d.value(QStringLiteral("lines")).toArray()) {
            const QJsonObject l = line.toObject();
            recordedLines.append(QStringLiteral("%1/%2/%3")
                                     .arg(l.value(QStringLiteral("method")).toString())
                                     .arg(l.value(QStringLiteral("expected_fen")).toInteger())
                                     .arg(l.value(QStringLiteral("counted_fen")).toInteger()));
        }
        recordedLines.sort();
        differs.same("lines", rowLines == recordedLines);
        // Entries written before these fields were recorded do not have them.
        const auto optionalFen = [&](const char* name, int column) {
            if (d.contains(QLatin1String(name))) {
                differs.fen(name, settlements.value(column).toLongLong(), d.value(QLatin1String(name)));
            }
        };
        const auto optionalText = [&](const char* name, int column) {
            if (d.contains(QLatin1String(name))) {
                differs.text(name, settlements.value(column).toString(), d.value(QLatin1String(name)));
            }
        };
        optionalFen("payment_count", 7);
        optionalFen("void_count", 8);
        optionalFen("refund_count", 9);
        optionalText("first_receipt", 10);
        optionalText("last_receipt", 11);
        optionalText("reason", 4);
        if (differs.any()) {
            mismatch(what, *entry, differs);
        }
    }

    // And back: every money entry has its row.
    for (auto action = recorded.cbegin(); action != recorded.cend(); ++action) {
        for (auto it = action.value().cbegin(); it != action.value().cend(); ++it) {
            if (it.value().matched) {
                continue;
            }
            const QJsonValue amount = it.value().details.value(QStringLiteral("amount_fen"));
            problem("audit_orphan",
                    tr("Audit entry %1 records %2 %3 (%4, %5), but the store has no such row.")
                        .arg(it.value().auditId)
                        .arg(action.key(), it.key(), it.value().entityKey,
                             amount.isDouble() ? Money::fromFen(amount.toInteger()).toDisplayString()
                                               : QStringLiteral("-")));
        }
    }
}

void CounterAuditCheck::settlements(const QSqlDatabase& db, const Problem& problem)
{
    QSqlQuery settlements = Sql::exec(
        db,
        QStringLiteral("SELECT s.id, s.uuid, s.shift_id, s.approver_id, s.reason, s.variance_fen, s.payment_count, "
                       "s.void_count, s.refund_count, coalesce(s.first_receipt, ''), coalesce(s.last_receipt, ''), "
                       "sh.business_date FROM settlements s JOIN shifts sh ON sh.id = s.shift_id ORDER BY s.id"));
    while (settlements.next()) {
        const qint64 id = settlements.value(0).toLongLong();
        const QVariant shift = settlements.value(2);
        // What the shift took, from its payments: tenders of the unvoided payments per method, less the refunds
        // paid out of the cash (the rule of CounterService::settle, docs/counter.md).
        QHash<QString, qint64> expected;
        QSqlQuery taken = Sql::exec(
            db,
            QStringLiteral(
                "SELECT t.method, sum(t.amount_fen) FROM payment_tenders t JOIN payments p ON p.id = "
                "t.payment_id WHERE p.shift_id = ? AND p.voided = 0 AND p.kind = 'payment' GROUP BY t.method"),
            {shift});
        while (taken.next()) {
            expected.insert(taken.value(0).toString(), taken.value(1).toLongLong());
        }
        QSqlQuery counts = Sql::exec(
            db,
            QStringLiteral(
                "SELECT (SELECT coalesce(sum(amount_fen), 0) FROM payments WHERE shift_id = ? AND voided = 0 "
                " AND kind = 'refund'), "
                "(SELECT count(*) FROM payments WHERE shift_id = ? AND kind = 'payment' AND voided = 0), "
                "(SELECT count(*) FROM voids WHERE shift_id = ?), "
                "(SELECT count(*) FROM payments WHERE shift_id = ? AND kind = 'refund' AND voided = 0), "
                "coalesce((SELECT r.receipt_no FROM receipts r JOIN payments p ON p.id = r.payment_id "
                " WHERE p.shift_id = ? ORDER BY r.seq LIMIT 1), ''), "
                "coalesce((SELECT r.receipt_no FROM receipts r JOIN payments p ON p.id = r.payment_id "
                " WHERE p.shift_id = ? ORDER BY r.seq DESC LIMIT 1), ''), "
                "(SELECT coalesce(sum(denomination_fen * count), 0) FROM settlement_cash_counts "
                " WHERE settlement_id = ?)"),
            {shift, shift, shift, shift, shift, shift, id});
        counts.next();
        expected[QStringLiteral("cash")] -= counts.value(0).toLongLong();

        Differences differs;
        differs.same("payment_count", counts.value(1).toLongLong() == settlements.value(6).toLongLong());
        differs.same("void_count", counts.value(2).toLongLong() == settlements.value(7).toLongLong());
        differs.same("refund_count", counts.value(3).toLongLong() == settlements.value(8).toLongLong());
        differs.same("first_receipt", counts.value(4).toString() == settlements.value(9).toString());
        differs.same("last_receipt", counts.value(5).toString() == settlements.value(10).toString());
        qint64 variance = 0;
        bool counted = true; // what was counted equals what was expected, method by method
        QHash<QString, qint64> lineExpected;
        qint64 cashCounted = 0;
        QSqlQuery lines = Sql::exec(
            db,
            QStringLiteral("SELECT method, expected_fen, counted_fen FROM settlement_lines WHERE settlement_id = ?"),
            {id});
        while (lines.next()) {
            const QString method = lines.value(0).toString();
            lineExpected.insert(method, lines.value(1).toLongLong());
            variance += lines.value(2).toLongLong() - lines.value(1).toLongLong();
            counted = counted && lines.value(2).toLongLong() == lines.value(1).toLongLong();
            if (method == QLatin1String("cash")) {
                cashCounted = lines.value(2).toLongLong();
            }
        }
        bool expectedOk = true;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            expectedOk = expectedOk && lineExpected.value(it.key()) == it.value();
        }
        for (auto it = lineExpected.cbegin(); it != lineExpected.cend(); ++it) {
            expectedOk = expectedOk && expected.value(it.key()) == it.value();
        }
        differs.same("expected", expectedOk);
        differs.same("variance", variance == settlements.value(5).toLongLong());
        differs.same("cash_count", counts.value(6).toLongLong() == cashCounted);
        differs.same("approver",
                     counted || (!settlements.value(3).isNull() && !settlements.value(4).toString().isEmpty()));
        if (differs.any()) {
            problem("settlement_mismatch",
                    tr("Settlement %1 of %2 does not agree with its shift's payments or with itself: %3.")
                        .arg(settlements.value(1).toString(), settlements.value(11).toString(), differs.list()));
        }
    }
}

} // namespace HallDesk
