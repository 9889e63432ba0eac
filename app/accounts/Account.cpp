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

QString maskIdCardForCache(const QString& idCard)
{
    const QString trimmed = idCard.trimmed();
    if (trimmed.size() >= 11) {
        return maskMiddle(trimmed, 6, 4);
    }
    return QString(trimmed.size(), QLatin1Char('*'));
}

bool matchesMaskedIdCard(const QString& masked, const QString& presented)
{
    const QString kept = masked.trimmed();
    QString card = presented.simplified();
    card.remove(QLatin1Char(' '));
    if (kept.isEmpty() || card.size() != kept.size() || card.contains(QLatin1Char('*'))) {
        return false;
    }
    bool anyKept = false;
    for (qsizetype i = 0; i < kept.size(); ++i) {
        if (kept.at(i) == QLatin1Char('*')) {
            continue;
        }
        anyKept = true;
        if (kept.at(i).toUpper() != card.at(i).toUpper()) {
            return false;
        }
    }
    return anyKept;
}

} // namespace HallDesk
