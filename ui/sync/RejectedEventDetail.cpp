#include "ui/sync/RejectedEventDetail.h"

#include "app/counter/Counter.h"
#include "ui/sync/RejectedEventModel.h"

#include <QJsonDocument>

namespace HallDesk {

namespace {

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

QString methodName(const QString& code)
{
    const auto method = tenderMethodFromCode(code);
    return method ? tenderMethodName(*method) : code;
}

QString localTime(const QDateTime& utc)
{
    return utc.isValid() ? utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

// A two-column table of label and value; rows with an empty value are left out.
class Fields
{
public:
    void add(const QString& label, const QString& value)
    {
        if (!value.isEmpty()) {
            m_html += QStringLiteral("<tr><td style=\"color:#5b6b7b; padding-right:16px; "
                                     "white-space:nowrap\">%1</td><td>%2</td></tr>")
                          .arg(escaped(label), escaped(value));
        }
    }
    QString html() const
    {
        return m_html.isEmpty() ? QString() : QStringLiteral("<table cellspacing=\"2\">%1</table>").arg(m_html);
    }

private:
    QString m_html;
};

// A table with a header row; amounts (columns in `right`) aligned right.
QString grid(const QStringList& header, const QList<QStringList>& rows, const QList<int>& right)
{
    if (rows.isEmpty()) {
        return {};
    }
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"4\"><tr style=\"background:#eef2f6\">");
    for (int c = 0; c < header.size(); ++c) {
        html += QStringLiteral(
                    "<th align=\"%1\" style=\"padding-left:8px; padding-right:8px; white-space:nowrap\">%2</th>")
                    .arg(right.contains(c) ? QStringLiteral("right") : QStringLiteral("left"), escaped(header.at(c)));
    }
    html += QStringLiteral("</tr>");
    for (const QStringList& row : rows) {
        html += QStringLiteral("<tr>");
        for (int c = 0; c < row.size(); ++c) {
            html += QStringLiteral("<td align=\"%1\" style=\"padding-left:8px; padding-right:8px; white-space:nowrap; "
                                   "border-bottom:1px solid #e6ebf0\">%2</td>")
                        .arg(right.contains(c) ? QStringLiteral("right") : QStringLiteral("left"), escaped(row.at(c)));
        }
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString section(const QString& title)
{
    return QStringLiteral("<p style=\"margin-top:10px; margin-bottom:4px\"><b>%1</b></p>").arg(escaped(title));
}

} // namespace

QString RejectedEventDetail::html(const RejectedEvent& event)
{
    const RejectedObject& o = event.object;
    QString html;
    QString title = RejectedEvents::typeName(event.type);
    const QString receipts = RejectedEventModel::receiptText(event);
    if (!receipts.isEmpty()) {
        title = tr("%1 · receipt %2").arg(title, receipts);
    }
    html += QStringLiteral("<p style=\"font-size:13pt; font-weight:600; color:#14314f; margin-bottom:6px\">%1</p>")
                .arg(escaped(title));
    html += QStringLiteral("<p style=\"color:#b42318; margin-top:0\"><b>%1</b> %2</p>")
                .arg(escaped(tr("The centre rejected it:")), escaped(event.reason));
    if (event.reviewed()) {
        html += QStringLiteral("<p style=\"color:#46525e\">%1</p>")
                    .arg(escaped(tr("Reviewed by %1 (%2) on %3: %4")
                                     .arg(event.reviewerName, event.reviewerCode, localTime(event.reviewedAtUtc),
                                          event.reviewNote)));
    }
    if (event.resentCount > 0) {
        html += QStringLiteral("<p style=\"color:#8a5300\">%1</p>")
                    .arg(escaped(
                        tr("Sent again %n time(s); the centre rejected it again.", nullptr, event.resentCount)));
    }

    Fields fields;
    fields.add(tr("Business date"), o.businessDate.isValid() ? o.businessDate.toString(Qt::ISODate) : QString());
    fields.add(tr("Operator"), o.operatorCode);
    fields.add(tr("Approved by"), o.approverCode);
    fields.add(tr("Account(s)"), RejectedEventModel::accountsText(event));
    if (event.type == QLatin1String("payment.voided")) {
        fields.add(tr("Voided payment"), o.paymentUuid);
        fields.add(tr("Amount voided"), o.amount.toCurrencyString());
        fields.add(tr("Reason for the void"), o.reason);
    } else if (event.type == QLatin1String("prepaid.refunded")) {
        fields.add(tr("Refunded"), o.amount.toCurrencyString());
        fields.add(tr("Prepaid balance after"), o.prepaidAfter ? o.prepaidAfter->toCurrencyString() : QString());
        fields.add(tr("Reason for the refund"), o.reason);
    } else if (event.type == QLatin1String("settlement.closed")) {
        fields.add(tr("Receipts"), receipts);
        fields.add(tr("Shift total"), o.amount.toCurrencyString());
        fields.add(tr("Variance"), o.variance.toCurrencyString());
        fields.add(tr("Reason for the variance"), o.reason);
        fields.add(tr("Payments / voids / refunds"),
                   QStringLiteral("%1 / %2 / %3").arg(o.paymentCount).arg(o.voidCount).arg(o.refundCount));
    } else if (event.type == QLatin1String("payment.posted")) {
        fields.add(tr("Amount"), o.amount.toCurrencyString());
    }
    if (!o.tenders.isEmpty()) {
        fields.add(tr("Handed over / change"),
                   QStringLiteral("%1 / %2").arg(o.tendered.toCurrencyString(), o.change.toCurrencyString()));
    }
    QString left = fields.html();
    QString right;

    QList<QStringList> tenders;
    for (const EventTender& tender : o.tenders) {
        tenders.append({methodName(tender.method), tender.amount.toDisplayString(), tender.tendered.toDisplayString(),
                        tender.change.toDisplayString(), tender.reference});
    }
    if (!tenders.isEmpty()) {
        right += section(event.type == QLatin1String("payment.voided") ? tr("How the voided payment was paid")
                                                                       : tr("How it was paid"));
        right
            += grid({tr("Method"), tr("Amount"), tr("Handed over"), tr("Change"), tr("Reference")}, tenders, {1, 2, 3});
    }
    QList<QStringList> lines;
    for (const EventAllocation& line : o.allocations) {
        if (line.period.isEmpty()) {
            lines.append({line.accountNo, tr("prepaid balance"), line.prepaidDelta.toDisplayString(), {}, {}});
        } else {
            lines.append({line.accountNo, line.period, line.principal.toDisplayString(), line.lateFee.toDisplayString(),
                          line.lateFeeWaived.isZero() ? QString() : line.lateFeeWaived.toDisplayString()});
        }
    }
    if (!lines.isEmpty()) {
        right += section(tr("Where the money went (this terminal's allocation)"));
        right += grid({tr("Account"), tr("Bill"), tr("Principal"), tr("Late fee"), tr("Waived")}, lines, {2, 3, 4});
    }
    QList<QStringList> waivers;
    for (const EventWaiver& waiver : o.waivers) {
        waivers.append({waiver.accountNo, waiver.period, waiver.computed.toDisplayString(),
                        waiver.charged.toDisplayString(), waiver.reason, waiver.approverCode});
    }
    if (!waivers.isEmpty()) {
        right += section(tr("Late fees waived"));
        right += grid({tr("Account"), tr("Bill"), tr("Computed"), tr("Charged"), tr("Reason"), tr("Approved by")},
                      waivers, {2, 3});
    }
    QList<QStringList> settlement;
    for (const EventSettlementLine& line : o.lines) {
        settlement.append({methodName(line.method), line.expected.toDisplayString(), line.counted.toDisplayString(),
                           (line.counted - line.expected).toDisplayString()});
    }
    if (!settlement.isEmpty()) {
        right += section(tr("Settlement by method"));
        right += grid({tr("Method"), tr("Expected"), tr("Counted"), tr("Difference")}, settlement, {1, 2, 3});
    }
    if (!o.readable) {
        right += section(tr("The event's payload cannot be read"));
    } else if (event.type != QLatin1String("payment.posted") && event.type != QLatin1String("payment.voided")
               && event.type != QLatin1String("prepaid.refunded") && event.type != QLatin1String("settlement.closed")) {
        right += section(tr("Payload"));
        right += QStringLiteral("<pre>%1</pre>")
                     .arg(escaped(QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Indented))));
    }

    Fields identity;
    identity.add(tr("Event"), QStringLiteral("%1 · %2").arg(event.type, event.uuid));
    identity.add(tr("Local sequence"), QString::number(event.seq));
    identity.add(tr("Terminal"), QStringLiteral("%1 %2").arg(event.hallCode, event.terminalCode));
    identity.add(tr("Recorded"), localTime(event.createdAtUtc));
    identity.add(tr("Answered by the centre"), localTime(event.pushedAtUtc));
    right += section(tr("The event"));
    right += identity.html();
    // Side by side: the screen is wide, and so the whole payment fits without scrolling.
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr><td width=\"44%\" "
                           "valign=\"top\">%1</td><td width=\"4%\"></td><td width=\"52%\" valign=\"top\">%2</td></tr>"
                           "</table>")
                .arg(left, right);
    return html;
}

} // namespace HallDesk
