#pragma once

#include <QCoreApplication>
#include <QString>
#include <QtGlobal>
#include <compare>
#include <optional>

namespace HallDesk {

// An amount of money in integer fen (1 yuan = 100 fen). Never a floating-point number anywhere: people's input is
// parsed with parse(), output goes through the to*String() functions.
class Money final
{
    Q_DECLARE_TR_FUNCTIONS(Money)

public:
    // Largest amount a person may type: ¥999,999,999.99. Beyond that the input is taken as a mistake.
    static constexpr qint64 kMaxInputFen = 99'999'999'999;

    enum class Sign
    {
        NonNegative, // "-1" is refused (payments, tenders, counts)
        Any, // adjustments may be negative
    };

    constexpr Money() = default;
    static constexpr Money fromFen(qint64 fen) { return Money(fen); }
    static constexpr Money fromYuan(qint64 yuan) { return Money(yuan * 100); }

    // Strict parsing of what a person types: "87", "87.5", "87.50", "1,234.00", "¥87", full-width "８７．５";
    // surrounding blanks are ignored. Refuses anything else (letters, more than two decimals, misplaced group
    // separators, a sign where Sign::NonNegative, more than kMaxInputFen) and then sets *error to a message for
    // the person, in their language.
    static std::optional<Money> parse(QStringView text, QString* error = nullptr, Sign sign = Sign::NonNegative);

    constexpr qint64 fen() const { return m_fen; }
    constexpr bool isZero() const { return m_fen == 0; }
    constexpr bool isNegative() const { return m_fen < 0; }

    // "1234.50", "-0.05": for machines (JSON, CSV) and editable fields.
    QString toString() const;
    // "1,234.50": for reading on screen and paper.
    QString toDisplayString() const;
    // "¥1,234.50"
    QString toCurrencyString() const;
    // 人民币大写 as written on receipts: 87.00 -> "捌拾柒元整", 1234.50 -> "壹仟贰佰叁拾肆元伍角整",
    // 100.05 -> "壹佰元零伍分", 0 -> "零元整"; a negative amount is prefixed with "负".
    QString toChineseCapitals() const;

    constexpr Money operator+(Money other) const { return Money(m_fen + other.m_fen); }
    constexpr Money operator-(Money other) const { return Money(m_fen - other.m_fen); }
    constexpr Money operator-() const { return Money(-m_fen); }
    constexpr Money& operator+=(Money other)
    {
        m_fen += other.m_fen;
        return *this;
    }
    constexpr Money& operator-=(Money other)
    {
        m_fen -= other.m_fen;
        return *this;
    }
    constexpr auto operator<=>(const Money&) const = default;

private:
    constexpr explicit Money(qint64 fen)
        : m_fen(fen)
    {
    }

    qint64 m_fen = 0;
};

} // namespace HallDesk
