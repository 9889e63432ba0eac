#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace HallDesk::QueryText {

// What a person typed, made comparable with the stored text: full-width ASCII (digits, letters, punctuation) and
// the ideographic space folded to half-width, blanks trimmed and collapsed to one space. A string of digits
// written with separators ("138-1234-5678", "0571 8765 4321", "(0571)87654321", "+86 138…") loses them.
QString normalise(QStringView input);

// True when `text` is not empty and holds ASCII digits only.
bool isDigits(QStringView text);
// True when `text` holds only ASCII letters and digits, and at least one digit (the shape of a meter number).
bool isMeterLike(QStringView text);

// Length in characters (code points), as SQLite's length() and substr() count them.
int characterCount(QStringView text);

// The smallest string greater than every string that starts with `prefix` (its last character incremented), so
// that `key > prefix AND key < upper` selects the strict extensions of prefix through an ordinary index.
// nullopt when no such bound exists (the prefix ends in U+10FFFF characters only).
std::optional<QString> prefixUpperBound(const QString& prefix);

// An FTS5 query matching `text` as one phrase: inside double quotes, with its own double quotes doubled, so that
// nothing in it is read as FTS5 syntax.
QString ftsPhrase(const QString& text);

// A LIKE pattern matching `text` anywhere (`%text%`), with %, _ and \ escaped for ESCAPE '\'.
QString likePattern(const QString& text);

} // namespace HallDesk::QueryText
