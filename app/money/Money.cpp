#include "app/money/Money.h"

#include <array>

namespace HallDesk {

namespace {

constexpr char16_t kYuanSign = u'\u00A5';

// Folds what an input method may produce into plain ASCII: full-width digits and punctuation, the full-width yuan
// sign, the minus sign and the ideographic space.
QString foldInput(QStringView text)
{
    QString folded;
    folded.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= u'\uFF10' && u <= u'\uFF19') {
            folded.append(QChar(char16_t(u'0' + (u - u'\uFF10'))));
        } else if (u == u'\uFF0C') {
            folded.append(QLatin1Char(','));
        } else if (u == u'\uFF0E') {
            folded.append(QLatin1Char('.'));
        } else if (u == u'\uFF0D' || u == u'\u2212') {
            folded.append(QLatin1Char('-'));
        } else if (u == u'\uFFE5') {
            folded.append(QChar(kYuanSign));
        } else if (u == u'\u3000') {
            folded.append(QLatin1Char(' '));
        } else {
            folded.append(c);
        }
    }
    return folded.trimmed();
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// The integer part "1,234,567" is well grouped when the first group has one to three digits, not starting with 0
// ("0,5" is a European decimal comma), and every later group exactly three.
bool isWellGrouped(QStringView integerPart)
{
    const QList<QStringView> groups = integerPart.split(QLatin1Char(','));
    if (groups.size() == 1) {
        return true;
    }
    if (groups.first().isEmpty() || groups.first().size() > 3 || groups.first().front() == QLatin1Char('0')) {
        return false;
    }
    for (qsizetype i = 1; i < groups.size(); ++i) {
        if (groups.at(i).size() != 3) {
            return false;
        }
    }
    return true;
}

quint64 magnitude(qint64 fen)
{
    return fen < 0 ? quint64(0) - quint64(fen) : quint64(fen);
}

QString groupThousands(quint64 yuan)
{
    const QString digits = QString::number(yuan);
    QString grouped;
    grouped.reserve(digits.size() + digits.size() / 3);
    for (qsizetype i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            grouped.append(QLatin1Char(','));
        }
        grouped.append(digits.at(i));
    }
    return grouped;
}

QString twoDigits(quint64 fen)
{
    return QString::number(fen % 100).rightJustified(2, QLatin1Char('0'));
}

constexpr std::array<char16_t, 10> kCapitalDigits
    = {u'零', u'壹', u'贰', u'叁', u'肆', u'伍', u'陆', u'柒', u'捌', u'玖'};
constexpr std::array<char16_t, 4> kDigitUnits = {0, u'拾', u'佰', u'仟'};
constexpr std::array<const char16_t*, 5> kSectionUnits = {u"", u"万", u"亿", u"万亿", u"亿亿"};

// One four-digit section (1..9999) in capitals without its section unit; zeros between digits become one 零,
// trailing zeros are not written.
QString sectionCapitals(int section)
{
    QString text;
    bool pendingZero = false;
    for (int position = 3; position >= 0; --position) {
        int divisor = 1;
        for (int i = 0; i < position; ++i) {
            divisor *= 10;
        }
        const int digit = (section / divisor) % 10;
        if (digit == 0) {
            pendingZero = !text.isEmpty();
            continue;
        }
        if (pendingZero) {
            text.append(QChar(kCapitalDigits[0]));
            pendingZero = false;
        }
        text.append(QChar(kCapitalDigits[size_t(digit)]));
        if (kDigitUnits[size_t(position)] != 0) {
            text.append(QChar(kDigitUnits[size_t(position)]));
        }
    }
    return text;
}

// The yuan part in capitals ("壹拾万零柒佰"), split into sections of four digits (个, 万, 亿, 万亿). A section
// that starts with zeros, or follows a section of zeros, is preceded by one 零.
QString yuanCapitals(quint64 yuan)
{
    std::array<int, kSectionUnits.size()> sections{};
    size_t count = 0;
    for (quint64 rest = yuan; rest > 0; rest /= 10000) {
        sections[count++] = int(rest % 10000);
    }
    QString text;
    bool skippedZeros = false;
    for (size_t i = count; i-- > 0;) {
        const int section = sections[i];
        if (section == 0) {
            skippedZeros = true;
            continue;
        }
        if (!text.isEmpty() && (skippedZeros || section < 1000)) {
            text.append(QChar(kCapitalDigits[0]));
        }
        skippedZeros = false;
        text.append(sectionCapitals(section));
        text.append(QString::fromUtf16(kSectionUnits[i]));
    }
    return text;
}

} // namespace

std::optional<Money> Money::parse(QStringView text, QString* error, Sign sign)
{
    const auto refuse = [error](const QString& message) -> std::optional<Money> {
        if (error) {
            *error = message;
        }
        return std::nullopt;
    };

    const QString folded = foldInput(text);
    qsizetype pos = 0;
    bool negative = false;
    const auto at = [&folded](qsizetype i) { return i < folded.size() ? folded.at(i) : QChar(); };
    if (at(pos) == QLatin1Char('-')) {
        negative = true;
        ++pos;
    }
    if (at(pos) == QChar(kYuanSign)) {
        ++pos;
        while (at(pos) == QLatin1Char(' ')) {
            ++pos;
        }
        if (!negative && at(pos) == QLatin1Char('-')) {
            negative = true;
            ++pos;
        }
    }
    const QStringView body = QStringView(folded).mid(pos);
    if (body.isEmpty()) {
        return refuse(tr("Enter an amount."));
    }
    for (const QChar c : body) {
        if (!isAsciiDigit(c) && c != QLatin1Char(',') && c != QLatin1Char('.')) {
            return refuse(
                tr("An amount is written with digits, a decimal point and thousands separators only; \"%1\" does not "
                   "belong in it.")
                    .arg(c));
        }
    }
    if (body.count(QLatin1Char('.')) > 1) {
        return refuse(tr("An amount has only one decimal point."));
    }
    const qsizetype point = body.indexOf(QLatin1Char('.'));
    const QStringView integerPart = point < 0 ? body : body.first(point);
    const QStringView fraction = point < 0 ? QStringView() : body.mid(point + 1);
    if (integerPart.isEmpty()) {
        return refuse(tr("Write a digit before the decimal point (0.50, not .50)."));
    }
    if (fraction.contains(QLatin1Char(','))) {
        return refuse(tr("Thousands separators belong before the decimal point only."));
    }
    if (point >= 0 && fraction.isEmpty()) {
        return refuse(tr("Write one or two digits after the decimal point, or leave the point out."));
    }
    if (fraction.size() > 2) {
        return refuse(tr("An amount has at most two decimal places (jiao and fen)."));
    }
    if (!isWellGrouped(integerPart)) {
        return refuse(tr("The thousands separators are misplaced: write 1,234.00 or 1234.00."));
    }

    const QString tooLarge = tr("The amount is too large: at most %1.").arg(Money(kMaxInputFen).toCurrencyString());
    qint64 yuan = 0;
    int significantDigits = 0;
    for (const QChar c : integerPart) {
        if (c == QLatin1Char(',')) {
            continue;
        }
        const int digit = c.unicode() - u'0';
        if (significantDigits > 0 || digit != 0) {
            ++significantDigits;
        }
        if (significantDigits > 9) {
            return refuse(tooLarge);
        }
        yuan = yuan * 10 + digit;
    }
    qint64 fen = 0;
    for (qsizetype i = 0; i < 2; ++i) {
        fen = fen * 10 + (i < fraction.size() ? fraction.at(i).unicode() - u'0' : 0);
    }
    const qint64 total = yuan * 100 + fen;
    if (total > kMaxInputFen) {
        return refuse(tooLarge);
    }
    if (negative && sign == Sign::NonNegative) {
        return refuse(tr("The amount cannot be negative."));
    }
    return Money(negative ? -total : total);
}

QString Money::toString() const
{
    const quint64 fen = magnitude(m_fen);
    return (m_fen < 0 ? QStringLiteral("-") : QString()) + QString::number(fen / 100) + QLatin1Char('.')
        + twoDigits(fen);
}

QString Money::toDisplayString() const
{
    const quint64 fen = magnitude(m_fen);
    return (m_fen < 0 ? QStringLiteral("-") : QString()) + groupThousands(fen / 100) + QLatin1Char('.')
        + twoDigits(fen);
}

QString Money::toCurrencyString() const
{
    const quint64 fen = magnitude(m_fen);
    return (m_fen < 0 ? QStringLiteral("-") : QString()) + QChar(kYuanSign) + groupThousands(fen / 100)
        + QLatin1Char('.') + twoDigits(fen);
}

// Written as the People's Bank rules for bills and vouchers (《正确填写票据和结算凭证的基本规定》) show first:
// zeros between digits are one 零; a zero 万 digit before a non-zero 仟 digit is not written (107000 →
// 壹拾万柒仟); when the 元 digit or the 角 digit is zero and a smaller unit follows, 零 stands after 元
// (1680.32 → 壹仟陆佰捌拾元零叁角贰分, 100.05 → 壹佰元零伍分); 整 ends an amount without 分.
QString Money::toChineseCapitals() const
{
    const quint64 fen = magnitude(m_fen);
    const quint64 yuan = fen / 100;
    const int jiao = int(fen / 10 % 10);
    const int cents = int(fen % 10);

    QString text = m_fen < 0 ? QStringLiteral("负") : QString();
    if (fen == 0) {
        return text + QStringLiteral("零元整");
    }
    if (yuan > 0) {
        text += yuanCapitals(yuan) + QStringLiteral("元");
        if ((jiao != 0 || cents != 0) && (yuan % 10 == 0 || jiao == 0)) {
            text += QChar(kCapitalDigits[0]);
        }
    }
    if (jiao != 0) {
        text += QChar(kCapitalDigits[size_t(jiao)]) + QStringLiteral("角");
    }
    if (cents != 0) {
        text += QChar(kCapitalDigits[size_t(cents)]) + QStringLiteral("分");
    } else {
        text += QStringLiteral("整");
    }
    return text;
}

} // namespace HallDesk
