#include "app/counter/Counter.h"

namespace HallDesk {

QString receiptModeCode(ReceiptMode mode)
{
    return mode == ReceiptMode::PerAccount ? QStringLiteral("per_account") : QStringLiteral("combined");
}

QString tenderMethodCode(TenderMethod method)
{
    switch (method) {
    case TenderMethod::Cash:
        return QStringLiteral("cash");
    case TenderMethod::Card:
        return QStringLiteral("card");
    case TenderMethod::Qr:
        return QStringLiteral("qr");
    case TenderMethod::Transfer:
        return QStringLiteral("transfer");
    }
    return QStringLiteral("cash");
}

std::optional<TenderMethod> tenderMethodFromCode(QStringView code)
{
    for (const TenderMethod method : allTenderMethods()) {
        if (code.compare(tenderMethodCode(method), Qt::CaseInsensitive) == 0) {
            return method;
        }
    }
    return std::nullopt;
}

QString tenderMethodName(TenderMethod method)
{
    switch (method) {
    case TenderMethod::Cash:
        return QCoreApplication::translate("TenderMethod", "Cash");
    case TenderMethod::Card:
        return QCoreApplication::translate("TenderMethod", "Bank card");
    case TenderMethod::Qr:
        return QCoreApplication::translate("TenderMethod", "QR payment");
    case TenderMethod::Transfer:
        return QCoreApplication::translate("TenderMethod", "Transfer / cheque");
    }
    return {};
}

const QList<TenderMethod>& allTenderMethods()
{
    static const QList<TenderMethod> methods
        = {TenderMethod::Cash, TenderMethod::Card, TenderMethod::Qr, TenderMethod::Transfer};
    return methods;
}

Money DueAccount::owed() const
{
    Money sum;
    for (const DueBill& bill : bills) {
        sum += bill.total();
    }
    return sum;
}

Money DueAccount::due() const
{
    const Money rest = owed() - prepaid;
    return rest.isNegative() ? Money() : rest;
}

Money Dues::owed() const
{
    Money sum;
    for (const DueAccount& account : accounts) {
        sum += account.owed();
    }
    return sum;
}

Money Dues::prepaid() const
{
    Money sum;
    for (const DueAccount& account : accounts) {
        sum += account.prepaid;
    }
    return sum;
}

Money Dues::due() const
{
    Money sum;
    for (const DueAccount& account : accounts) {
        sum += account.due();
    }
    return sum;
}

Money ShiftTotals::expectedTotal() const
{
    Money sum;
    for (const auto& [method, amount] : expected) {
        sum += amount;
    }
    return sum;
}

Money SettlementData::variance() const
{
    Money sum;
    for (const Line& line : lines) {
        sum += line.variance();
    }
    return sum;
}

QString ReceiptData::verificationCode() const
{
    return QStringLiteral("HDR1|%1|%2|%3")
        .arg(receiptNo)
        .arg(amount.fen())
        .arg(paymentUuid.toString(QUuid::WithoutBraces));
}

} // namespace HallDesk
