#include "app/lookup/QueryText.h"

namespace HallDesk::QueryText {

namespace {

constexpr char16_t kFullWidthFirst = 0xFF01; // ！
constexpr char16_t kFullWidthLast = 0xFF5E; // ～
constexpr char16_t kFullWidthOffset = 0xFEE0; // ０ (U+FF10) - 0 (U+0030)
constexpr char16_t kIdeographicSpace = 0x3000;

// Separators people and printed forms put inside phone and account numbers.
bool isDigitSeparator(QChar c)
{
    switch (c.unicode()) {
    case u' ':
    case u'-':
    case u'(':
    case u')':
    case 0x2010: // hyphen
    case 0x2011: // non-breaking hyphen
    case 0x2012: // figure dash
    case 0x2013: // en dash
    case 0x2014: // em dash
    case 0x2015: // horizontal bar
    case 0x2212: // minus sign
        return true;
    default:
        return false;
    }
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// The digits of `text` when it is a number written with separators; nullopt when it holds anything else.
std::optional<QString> digitsOnly(const QString& text)
{
    QStringView rest(text);
    if (rest.startsWith(u"+86")) {
        rest = rest.mid(3); // the country code of a mobile number
    }
    QString digits;
    digits.reserve(rest.size());
    for (const QChar c : rest) {
        if (isAsciiDigit(c)) {
            digits.append(c);
        } else if (!isDigitSeparator(c)) {
            return std::nullopt;
        }
    }
    if (digits.isEmpty()) {
        return std::nullopt;
    }
    return digits;
}

} // namespace

QString normalise(QStringView input)
{
    QString folded;
    folded.reserve(input.size());
    for (const QChar c : input) {
        const char16_t u = c.unicode();
        if (u >= kFullWidthFirst && u <= kFullWidthLast) {
            folded.append(QChar(char16_t(u - kFullWidthOffset)));
        } else if (u == kIdeographicSpace) {
            folded.append(u' ');
        } else {
            folded.append(c);
        }
    }
    folded = folded.simplified();
    if (const auto digits = digitsOnly(folded)) {
        return *digits;
    }
    return folded;
}

bool isDigits(QStringView text)
{
    if (text.isEmpty()) {
        return false;
    }
    for (const QChar c : text) {
        if (!isAsciiDigit(c)) {
            return false;
        }
    }
    return true;
}

bool isMeterLike(QStringView text)
{
    bool hasDigit = false;
    for (const QChar c : text) {
        if (isAsciiDigit(c)) {
            hasDigit = true;
        } else if (!((c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z'))) {
            return false;
        }
    }
    return hasDigit;
}

int characterCount(QStringView text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;
        }
        ++count;
    }
    return count;
}

std::optional<QString> prefixUpperBound(const QString& prefix)
{
    QList<uint> codePoints = prefix.toUcs4();
    while (!codePoints.isEmpty() && codePoints.last() == 0x10FFFF) {
        codePoints.removeLast();
    }
    if (codePoints.isEmpty()) {
        return std::nullopt;
    }
    uint& last = codePoints.last();
    ++last;
    if (last >= 0xD800 && last <= 0xDFFF) {
        last = 0xE000; // surrogates are not characters; UTF-8 order continues after them
    }
    return QString::fromUcs4(reinterpret_cast<const char32_t*>(codePoints.constData()), codePoints.size());
}

QString ftsPhrase(const QString& text)
{
    QString phrase = text;
    phrase.replace(u'"', QStringLiteral("\"\""));
    return u'"' + phrase + u'"';
}

QString likePattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

} // namespace HallDesk::QueryText
