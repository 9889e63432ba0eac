#pragma once

#include <QString>

namespace HallDesk::BillBarcode {

// The barcode printed on a bill, as a scanner types it: 18 digits.
//   positions 1-10   the account number (户号)
//   positions 11-16  the billing period, YYYYMM
//   positions 17-18  check digits, ISO 7064 MOD 97-10 over the first 16 digits (as in IBAN): the whole
//                    18-digit number is 1 modulo 97. Catches every single wrong digit and every swap of two
//                    neighbouring digits.
constexpr int kAccountDigits = 10;
constexpr int kLength = 18;

// True when `digits` has the barcode's shape: 18 ASCII digits with a plausible period (year 2000-2099, month
// 01-12). The check digits are not looked at.
bool hasShape(QStringView digits);
// True when the barcode's check digits agree with the first 16 digits. Only meaningful when hasShape().
bool checkDigitsAgree(QStringView digits);
// The 18-digit barcode for a 10-digit account number and a period ("2026-03" or "202603"); empty when either is
// malformed.
QString make(const QString& accountNo, const QString& period);

} // namespace HallDesk::BillBarcode
