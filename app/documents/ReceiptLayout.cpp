#include "app/documents/ReceiptLayout.h"

#include "app/documents/DocumentText.h"

namespace HallDesk {

namespace {

using namespace DocumentText;

SeparatorBlock dashed()
{
    return {SeparatorBlock::Style::Dashed};
}

} // namespace

Document ReceiptLayout::receipt(const ReceiptData& data, Paper paper)
{
    const bool refund = data.kind == QLatin1String("refund");
    Document doc;
    doc.paper = paper;
    doc.title = tr("Receipt %1").arg(data.receiptNo);
    QList<DocumentBlock>& b = doc.blocks;

    b << TitleBlock{data.companyName, refund ? tr("Prepaid Refund Receipt") : tr("Electricity Payment Receipt")};
    if (data.isCopy()) {
        // outputCount outputs came before this one, so this is copy number outputCount.
        b << TextBlock{tr("REPRINT (copy %1)").arg(data.outputCount), Align::Center, TextSize::Large, true};
    }
    const QString verifyCaption = tr("Scan to verify receipt %1").arg(data.receiptNo);
    if (paper == Paper::A5) {
        // On a sheet the code sits beside the header, as on a printed invoice, so a receipt fits one page.
        b << QrBlock{data.verificationCode(), tr("Scan to verify"), 26, true};
    }
    b << KeyValueBlock{tr("Receipt No."), data.receiptNo, Align::Left, true};
    b << KeyValueBlock{tr("Hall"), person(data.hallName, data.hallCode)};
    b << KeyValueBlock{tr("Terminal"), data.terminalCode};
    b << KeyValueBlock{tr("Clerk"), person(data.operatorName, data.operatorCode)};
    b << KeyValueBlock{tr("Time"), dateTime(data.createdAt, data.timeZone)};

    const bool combined = data.accounts.size() > 1;
    for (const ReceiptData::AccountPart& account : data.accounts) {
        b << dashed();
        b << KeyValueBlock{tr("Account No."), account.accountNo, Align::Left, true};
        b << KeyValueBlock{tr("Name"), account.name};
        if (!account.address.isEmpty()) {
            b << KeyValueBlock{tr("Address"), account.address};
        }
        if (!account.bills.isEmpty()) {
            TableBlock bills;
            bills.columns = {{tr("Period"), 1.15, Align::Left},
                             {tr("Principal"), 1.25, Align::Right},
                             {tr("Late fee"), 1.05, Align::Right},
                             {tr("Subtotal"), 1.3, Align::Right}};
            for (const ReceiptData::Bill& bill : account.bills) {
                bills.rows << QStringList{bill.period, money(bill.principal), money(bill.lateFee),
                                          money(bill.principal + bill.lateFee)};
                if (!bill.lateFeeWaived.isZero()) {
                    // The waived part is shown so the customer sees what the supervisor let off.
                    bills.rows << QStringList{tr("  waived"), QString(), money(-bill.lateFeeWaived), QString()};
                }
            }
            b << bills;
        }
        if (account.toPrepaid.fen() > 0) {
            b << KeyValueBlock{tr("Added to prepaid balance"), money(account.toPrepaid), Align::Right};
        } else if (account.toPrepaid.fen() < 0) {
            b << KeyValueBlock{refund ? tr("Paid out of prepaid balance") : tr("Paid from prepaid balance"),
                               money(-account.toPrepaid), Align::Right};
        }
        b << KeyValueBlock{tr("Prepaid balance after"), money(account.prepaidAfter), Align::Right};
        if (combined) {
            b << KeyValueBlock{tr("Account total"), money(account.total), Align::Right, true};
        }
    }

    b << SeparatorBlock{SeparatorBlock::Style::Solid};
    TableBlock tenders;
    tenders.columns = {{refund ? tr("Paid out by") : tr("Method"), 1.1, Align::Left},
                       {tr("Reference"), 1.7, Align::Left},
                       {tr("Amount"), 1.2, Align::Right}};
    bool cash = false;
    for (const Tender& tender : data.tenders) {
        cash = cash || tender.method == TenderMethod::Cash;
        tenders.rows << QStringList{tenderMethodName(tender.method), tender.reference, money(tender.amount)};
    }
    b << tenders;
    if (cash && !refund) {
        b << KeyValueBlock{tr("Tendered"), money(data.tendered), Align::Right};
        b << KeyValueBlock{tr("Change"), money(data.change), Align::Right};
    }

    b << SeparatorBlock{SeparatorBlock::Style::Double};
    b << AmountBlock{refund ? tr("Refunded") : tr("Total"), yuan(data.amount), tr("In words (RMB)"),
                     data.amount.toChineseCapitals()};
    if (paper != Paper::A5) {
        b << dashed();
        b << QrBlock{data.verificationCode(), verifyCaption};
    }
    b << SpacerBlock{1};
    if (data.voided) {
        b << TextBlock{tr("This receipt was voided and is no proof of payment."), Align::Center, TextSize::Body, true};
        doc.stamp = tr("VOID");
    } else {
        b << TextBlock{tr("Please keep this receipt as proof of payment."), Align::Center, TextSize::Small};
    }
    return doc;
}

} // namespace HallDesk
