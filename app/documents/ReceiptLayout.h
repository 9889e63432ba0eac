#pragma once

#include "app/counter/Counter.h"
#include "app/documents/Document.h"

#include <QCoreApplication>

namespace HallDesk {

// The layout of a receipt. Labels are in the operator's language (tr()); Chinese when HallDesk
// runs in zh_CN. What each shows follows DOMAIN.md "Paying at the counter".
class ReceiptLayout final
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptLayout)

public:
    // 收费凭证: company and hall, terminal and clerk, time in the hall's zone, each account with its bills
    // (period, principal, late fee, waived part) and prepaid balance, the tenders, tendered and change, the total
    // in figures and in 人民币大写, the receipt number and a QR code with ReceiptData::verificationCode(); marked
    // 重打 when it is a copy and stamped 作废 when voided.
    static Document receipt(const ReceiptData& data, Paper paper);
};

} // namespace HallDesk
