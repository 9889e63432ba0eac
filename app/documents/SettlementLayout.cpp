#include "app/documents/SettlementLayout.h"

#include "app/documents/DocumentText.h"

namespace HallDesk {

using namespace DocumentText;

namespace {

// 64 hex digits in eight groups of eight, so a person can read them back.
QString groupedHash(const QString& hash)
{
    QStringList groups;
    for (qsizetype i = 0; i < hash.size(); i += 8) {
        groups.append(hash.mid(i, 8));
    }
    return groups.join(QLatin1Char(' '));
}

} // namespace

QString SettlementLayout::verificationCode(const SettlementData& data)
{
    Money counted;
    for (const SettlementData::Line& line : data.lines) {
        counted += line.counted;
    }
    return QStringLiteral("HDS1|%1|%2|%3|%4|%5")
        .arg(data.terminalCode, data.businessDate.toString(Qt::ISODate))
        .arg(counted.fen())
        .arg(data.variance().fen())
        .arg(data.uuid.toString(QUuid::WithoutBraces));
}

Document SettlementLayout::settlement(const SettlementData& data, Paper paper, const QString& timeZone)
{
    Document doc;
    doc.paper = paper;
    doc.title = tr("Settlement %1 %2").arg(data.terminalCode, data.businessDate.toString(Qt::ISODate));
    QList<DocumentBlock>& b = doc.blocks;

    b << TitleBlock{data.companyName, tr("Daily Settlement Report")};
    const QString qrCaption = tr("Settlement %1").arg(data.uuid.toString(QUuid::WithoutBraces));
    if (paper == Paper::A5) {
        // Beside the header on a sheet, so the report fits one page.
        b << QrBlock{verificationCode(data), tr("Scan to verify"), 24, true};
    }
    b << KeyValueBlock{tr("Hall"), person(data.hallName, data.hallCode)};
    b << KeyValueBlock{tr("Terminal"), data.terminalCode};
    b << KeyValueBlock{tr("Clerk"), person(data.operatorName, data.operatorCode)};
    b << KeyValueBlock{tr("Business date"), data.businessDate.toString(Qt::ISODate), Align::Left, true};
    b << KeyValueBlock{tr("Settled at"), dateTime(data.createdAt, timeZone)};
    b << KeyValueBlock{tr("Counting"), data.blind ? tr("blind (expected totals not shown)") : tr("open")};

    b << SeparatorBlock{SeparatorBlock::Style::Solid};
    b << TextBlock{tr("Cash by denomination"), Align::Left, TextSize::Body, true};
    TableBlock cash;
    cash.columns
        = {{tr("Note / coin"), 1.2, Align::Left}, {tr("Count"), 0.8, Align::Right}, {tr("Amount"), 1.4, Align::Right}};
    Money cashTotal;
    int pieces = 0;
    for (const auto& [denomination, count] : data.cashCounts) {
        const Money amount = Money::fromFen(denomination.fen() * count);
        cashTotal += amount;
        pieces += count;
        cash.rows << QStringList{yuan(denomination), QString::number(count), money(amount)};
    }
    cash.rows << QStringList{tr("Cash counted"), QString::number(pieces), money(cashTotal)};
    cash.boldRows << int(cash.rows.size() - 1);
    b << cash;

    b << SeparatorBlock{SeparatorBlock::Style::Solid};
    b << TextBlock{tr("Totals per method"), Align::Left, TextSize::Body, true};
    TableBlock totals;
    totals.columns = {{tr("Method"), 1.0, Align::Left},
                      {tr("Expected"), 1.25, Align::Right},
                      {tr("Counted"), 1.25, Align::Right},
                      {tr("Variance"), 1.1, Align::Right}};
    Money expected;
    Money counted;
    for (const SettlementData::Line& line : data.lines) {
        expected += line.expected;
        counted += line.counted;
        totals.rows << QStringList{tenderMethodName(line.method), money(line.expected), money(line.counted),
                                   signedMoney(line.variance())};
    }
    totals.rows << QStringList{tr("Total"), money(expected), money(counted), signedMoney(data.variance())};
    totals.boldRows << int(totals.rows.size() - 1);
    b << totals;

    b << SeparatorBlock{SeparatorBlock::Style::Dashed};
    const QString range
        = data.firstReceipt.isEmpty() ? tr("none") : data.firstReceipt + QStringLiteral(" - ") + data.lastReceipt;
    if (paper == Paper::A5) {
        TableBlock counts;
        counts.columns = {{tr("Payments"), 0.8, Align::Left},
                          {tr("Voids"), 0.8, Align::Left},
                          {tr("Refunds"), 0.8, Align::Left},
                          {tr("Receipts"), 2.4, Align::Left}};
        counts.rows << QStringList{QString::number(data.paymentCount), QString::number(data.voidCount),
                                   QString::number(data.refundCount), range};
        b << counts;
    } else {
        b << KeyValueBlock{tr("Payments"), QString::number(data.paymentCount), Align::Right};
        b << KeyValueBlock{tr("Voids"), QString::number(data.voidCount), Align::Right};
        b << KeyValueBlock{tr("Refunds"), QString::number(data.refundCount), Align::Right};
        b << KeyValueBlock{tr("Receipts"), range};
    }

    b << SeparatorBlock{SeparatorBlock::Style::Double};
    b << AmountBlock{tr("Variance"), signedMoney(data.variance()), tr("In words (RMB)"),
                     data.variance().toChineseCapitals()};
    if (!data.variance().isZero() || !data.approverName.isEmpty()) {
        b << KeyValueBlock{tr("Approved by"), data.approverName.isEmpty() ? tr("(none)") : data.approverName};
        b << KeyValueBlock{tr("Reason"), data.reason.isEmpty() ? tr("(none)") : data.reason};
    }
    b << SignatureBlock{{tr("Clerk's signature"), tr("Supervisor's signature")}};
    // The paper anchor (docs/sync.md, "Audit anchors"): `halldeskctl audit verify --anchor ENTRIES:HASH` checks the
    // store's audit log against it, for a hall without a central server. On A5 it shares the caption's lines, so
    // the report keeps to one sheet.
    const QString anchor = data.auditEntries > 0
        ? tr("Audit anchor: %1 entries, hash %2").arg(data.auditEntries).arg(groupedHash(data.auditHash))
        : QString();
    if (paper == Paper::A5) {
        b << TextBlock{anchor.isEmpty() ? qrCaption : qrCaption + QStringLiteral("  ") + anchor, Align::Left,
                       TextSize::Small};
    } else {
        if (!anchor.isEmpty()) {
            b << TextBlock{anchor, Align::Left, TextSize::Small};
        }
        b << SpacerBlock{3};
        // Like a receipt's, the code lets the centre check a paper report against the settlement it received.
        b << QrBlock{verificationCode(data), qrCaption, 22};
    }
    return doc;
}

} // namespace HallDesk
