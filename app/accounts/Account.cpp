#include "app/accounts/Account.h"

namespace HallDesk {

namespace {

// Keeps `head` characters at the start and `tail` at the end and replaces every character between with '*'.
QString maskMiddle(const QString& text, qsizetype head, qsizetype tail)
{
    QString masked = text;
    for (qsizetype i = head; i < masked.size() - tail; ++i) {
        masked[i] = QLatin1Char('*');
    }
    return masked;
}

} // namespace

// A mobile number keeps its network prefix and last four digits (138****5678); a short number keeps only its last
// two characters, so that nothing short enough to guess stays readable.
QString maskPhone(const QString& phone)
{
    const QString trimmed = phone.trimmed();
    if (trimmed.size() >= 8) {
        return maskMiddle(trimmed, 3, 4);
    }
    if (trimmed.size() > 2) {
        return maskMiddle(trimmed, 0, 2);
    }
    return QString(trimmed.size(), QLatin1Char('*'));
}

// An ID card number keeps its six-digit region code and last two characters (330102**********12; the 15-digit
// numbers of before 1999 likewise); anything shorter keeps only its last two.
QString maskIdCard(const QString& idCard)
{
    const QString trimmed = idCard.trimmed();
    if (trimmed.size() >= 12) {
        return maskMiddle(trimmed, 6, 2);
    }
    if (trimmed.size() > 2) {
        return maskMiddle(trimmed, 0, 2);
    }
    return QString(trimmed.size(), QLatin1Char('*'));
}

} // namespace HallDesk
