#include "app/lookup/BillBarcode.h"

#include "app/lookup/QueryText.h"

namespace HallDesk::BillBarcode {

namespace {

constexpr int kPeriodDigits = 6;
constexpr int kModulus = 97;

int remainderMod97(QStringView digits)
{
    int remainder = 0;
    for (const QChar c : digits) {
        remainder = (remainder * 10 + (c.unicode() - u'0')) % kModulus;
    }
    return remainder;
}

bool isPeriod(QStringView yyyymm)
{
    if (yyyymm.size() != kPeriodDigits || !QueryText::isDigits(yyyymm)) {
        return false;
    }
    const int year = yyyymm.left(4).toInt();
    const int month = yyyymm.mid(4).toInt();
    return year >= 2000 && year <= 2099 && month >= 1 && month <= 12;
}

} // namespace

bool hasShape(QStringView digits)
{
    return digits.size() == kLength && QueryText::isDigits(digits)
        && isPeriod(digits.mid(kAccountDigits, kPeriodDigits));
}

bool checkDigitsAgree(QStringView digits)
{
    return hasShape(digits) && remainderMod97(digits) == 1;
}

QString make(const QString& accountNo, const QString& period)
{
    QString yyyymm = period;
    if (yyyymm.size() == kPeriodDigits + 1 && yyyymm.at(4) == u'-') {
        yyyymm.remove(4, 1); // "2026-03"
    }
    if (accountNo.size() != kAccountDigits || !QueryText::isDigits(accountNo) || !isPeriod(yyyymm)) {
        return {};
    }
    const QString body = accountNo + yyyymm;
    // MOD 97-10: append "00", take the remainder, and choose the check so that the whole number is 1 mod 97.
    const int check = kModulus + 1 - (remainderMod97(body) * 100) % kModulus;
    return body + QStringLiteral("%1").arg(check, 2, 10, QLatin1Char('0'));
}

} // namespace HallDesk::BillBarcode
