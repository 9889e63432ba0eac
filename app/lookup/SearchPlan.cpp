#include "app/lookup/SearchPlan.h"

#include "app/lookup/BillBarcode.h"
#include "app/lookup/QueryText.h"
#include "db/Sql.h"

#include <algorithm>

namespace HallDesk {

namespace {

constexpr int kMobileLength = 11;
constexpr int kMobileTailLength = 4;
constexpr int kLocalNumberMin = 7; // a landline without its area code
constexpr int kLocalNumberMax = 8;
constexpr int kAreaCodeMin = 3; // "010", "021"
constexpr int kAreaCodeMax = 4; // "0571"
constexpr int kTrigram = 3; // FTS5's trigram tokenizer matches fragments of three characters or more

// The statements, one per index. INDEXED BY makes a statement fail to prepare instead of silently scanning when
// its index cannot serve it; CROSS JOIN keeps contacts as the outer loop so the join never walks accounts.
// The partial contact indexes are used only because each statement repeats their condition (mobile <> '').
const QString kAccountExact = QStringLiteral("SELECT id FROM accounts WHERE account_no = ? LIMIT ?");
const QString kAccountPrefix
    = QStringLiteral("SELECT id FROM accounts WHERE account_no > ? AND account_no < ? ORDER BY account_no LIMIT ?");
const QString kMeterExact = QStringLiteral(
    "SELECT id FROM accounts INDEXED BY accounts_meter_no WHERE meter_no = ? ORDER BY account_no LIMIT ?");
const QString kMeterPrefix = QStringLiteral("SELECT id FROM accounts INDEXED BY accounts_meter_no "
                                            "WHERE meter_no > ? AND meter_no < ? ORDER BY meter_no, id LIMIT ?");
const QString kMobileExact
    = QStringLiteral("SELECT accounts.id FROM contacts INDEXED BY contacts_mobile CROSS JOIN accounts "
                     "ON accounts.id = contacts.account_id WHERE contacts.mobile = ? AND contacts.mobile <> '' "
                     "ORDER BY accounts.account_no LIMIT ?");
const QString kMobileTail
    = QStringLiteral("SELECT accounts.id FROM contacts INDEXED BY contacts_mobile_tail CROSS JOIN accounts "
                     "ON accounts.id = contacts.account_id WHERE substr(contacts.mobile, -4) = ? "
                     "AND contacts.mobile <> '' ORDER BY accounts.account_no LIMIT ?");
const QString kLandline
    = QStringLiteral("SELECT accounts.id FROM contacts INDEXED BY contacts_phone CROSS JOIN accounts "
                     "ON accounts.id = contacts.account_id WHERE contacts.phone IN (?, ?, ?) "
                     "AND contacts.phone <> '' ORDER BY accounts.account_no LIMIT ?");
const QString kNameExact
    = QStringLiteral("SELECT id FROM accounts INDEXED BY accounts_name WHERE name = ? ORDER BY account_no LIMIT ?");
const QString kNamePrefix = QStringLiteral("SELECT id FROM accounts INDEXED BY accounts_name "
                                           "WHERE name > ? AND name < ? ORDER BY name, id LIMIT ?");
const QString kNameGram
    = QStringLiteral("SELECT account_id FROM name_grams WHERE gram = ? ORDER BY account_id LIMIT ?");
const QString kFullText
    = QStringLiteral("SELECT rowid FROM account_search WHERE account_search MATCH ? ORDER BY rowid LIMIT ?");

// A name gram condition on the account id `idColumn`, for queries of several words.
const QString kGramCondition
    = QStringLiteral(" AND EXISTS (SELECT 1 FROM name_grams AS g%1 WHERE g%1.gram = ? AND g%1.account_id = %2)");

void addPrefixStep(QList<SearchPlan::Step>& steps, const QString& name, const QString& sql, const QString& prefix)
{
    if (const auto upper = QueryText::prefixUpperBound(prefix)) {
        steps.append({name, sql, {prefix, *upper}});
    }
}

// The area code of this store's hall ("0571" from its phone "0571-86001101"); empty when unknown.
QString hallAreaCode(const QSqlDatabase& db)
{
    const QString phone
        = Sql::scalar(db,
                      QStringLiteral(
                          "SELECT phone FROM halls WHERE code = (SELECT value FROM settings WHERE key = 'hall.code')"))
              .toString();
    const QString code = phone.section(u'-', 0, 0);
    return phone.contains(u'-') && code.startsWith(u'0') && QueryText::isDigits(code) ? code : QString();
}

// Landlines are stored as digits with a dash after the area code ("0571-87654321", "010-12345678"); the person
// types them with or without the dash, and a local number without its area code, which is then the hall's.
QVariantList landlineForms(const QString& digits, const QSqlDatabase& db)
{
    QVariantList forms{digits, digits, digits};
    if (digits.startsWith(u'0')) {
        forms[1] = QString(digits.left(kAreaCodeMin) + u'-' + digits.mid(kAreaCodeMin));
        forms[2] = QString(digits.left(kAreaCodeMax) + u'-' + digits.mid(kAreaCodeMax));
    } else if (const QString areaCode = hallAreaCode(db); !areaCode.isEmpty()) {
        forms[1] = QString(areaCode + u'-' + digits);
        forms[2] = QString(areaCode + digits);
    }
    return forms;
}

// A local number (7 or 8 digits), or one with its area code (0 and 2 or 3 digits, then 7 or 8 digits).
bool isLandlineShaped(const QString& digits)
{
    if (digits.startsWith(u'0')) {
        return digits.size() >= kAreaCodeMin + kLocalNumberMin && digits.size() <= kAreaCodeMax + kLocalNumberMax;
    }
    return digits.size() >= kLocalNumberMin && digits.size() <= kLocalNumberMax;
}

QList<SearchPlan::Step> digitSteps(const QString& digits, const QSqlDatabase& db)
{
    QList<SearchPlan::Step> steps;
    // Exact keys first, most specific first; then prefixes.
    steps.append({QStringLiteral("account_exact"), kAccountExact, {digits}});
    if (digits.size() == kMobileLength && digits.startsWith(u'1')) {
        steps.append({QStringLiteral("mobile_exact"), kMobileExact, {digits}});
    }
    if (isLandlineShaped(digits)) {
        steps.append({QStringLiteral("landline_exact"), kLandline, landlineForms(digits, db)});
    }
    steps.append({QStringLiteral("meter_exact"), kMeterExact, {digits}});
    if (digits.size() == kMobileTailLength) {
        steps.append({QStringLiteral("mobile_tail"), kMobileTail, {digits}});
    }
    addPrefixStep(steps, QStringLiteral("account_prefix"), kAccountPrefix, digits);
    addPrefixStep(steps, QStringLiteral("meter_prefix"), kMeterPrefix, digits);
    return steps;
}

// The whole text as a name or meter number: exact, then as a prefix.
void addWholeTextSteps(QList<SearchPlan::Step>& steps, const QString& text)
{
    const bool meterLike = QueryText::isMeterLike(text);
    steps.append({QStringLiteral("name_exact"), kNameExact, {text}});
    if (meterLike) {
        steps.append({QStringLiteral("meter_exact"), kMeterExact, {text}});
    }
    addPrefixStep(steps, QStringLiteral("name_prefix"), kNamePrefix, text);
    if (meterLike) {
        addPrefixStep(steps, QStringLiteral("meter_prefix"), kMeterPrefix, text);
    }
}

// The text inside a name or an address, in one statement. Name and address are not asked for separately: with a
// column filter FTS5 still walks every row holding the text in either column, and an address fragment such as
// "杭州市" is in nearly every row; without one, the first page comes after the first matches.
void addFullTextStep(QList<SearchPlan::Step>& steps, const QString& text)
{
    steps.append({QStringLiteral("fulltext"), kFullText, {QueryText::ftsPhrase(text)}});
}

// How many names hold `gram`, counted up to SearchPlan::kGramDriveLimit: a bounded walk of the name_grams key.
int gramCount(const QSqlDatabase& db, const QString& gram)
{
    return Sql::scalar(db, QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM name_grams WHERE gram = ? LIMIT ?)"),
                       {gram, SearchPlan::kGramDriveLimit})
        .toInt();
}

// The words of a query of several words, each once. Words of three characters or more match the name or the
// address (trigram full text); shorter ones match a name's characters (name grams).
struct Words
{
    QStringList longWords;
    QList<std::pair<int, QString>> shortWords; // (how many names hold it, up to kGramDriveLimit; word), rarest first
};

Words wordsOf(const QString& text, const QSqlDatabase& db)
{
    Words words;
    for (const QString& word : text.split(u' ', Qt::SkipEmptyParts)) {
        const auto sameWord = [&word](const auto& counted) { return counted.second == word; };
        if (QueryText::characterCount(word) >= kTrigram) {
            if (!words.longWords.contains(word)) {
                words.longWords.append(word);
            }
        } else if (std::none_of(words.shortWords.cbegin(), words.shortWords.cend(), sameWord)) {
            words.shortWords.append({gramCount(db, word), word});
        }
    }
    std::stable_sort(words.shortWords.begin(), words.shortWords.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    return words;
}

// Walks the rarest short word's name_grams; the other short words are probed in name_grams and the long words
// checked with LIKE on that account's row only.
SearchPlan::Step gramDrivenStep(const Words& words)
{
    QString sql = QStringLiteral("SELECT g0.account_id FROM name_grams AS g0");
    if (!words.longWords.isEmpty()) {
        sql += QStringLiteral(" CROSS JOIN accounts ON accounts.id = g0.account_id");
    }
    sql += QStringLiteral(" WHERE g0.gram = ?");
    QVariantList values{words.shortWords.first().second};
    for (qsizetype i = 1; i < words.shortWords.size(); ++i) {
        sql += kGramCondition.arg(i).arg(QStringLiteral("g0.account_id"));
        values.append(words.shortWords.at(i).second);
    }
    for (const QString& word : words.longWords) {
        sql += QStringLiteral(" AND (accounts.name LIKE ? ESCAPE '\\' OR accounts.address LIKE ? ESCAPE '\\')");
        const QString pattern = QueryText::likePattern(word);
        values << pattern << pattern;
    }
    sql += QStringLiteral(" ORDER BY g0.account_id LIMIT ?");
    return {QStringLiteral("every_word"), sql, values};
}

// Walks the full-text matches of every long word; the short words are probed in name_grams per match.
SearchPlan::Step fullTextDrivenStep(const Words& words)
{
    QStringList phrases;
    for (const QString& word : words.longWords) {
        phrases.append(QueryText::ftsPhrase(word));
    }
    QString sql = QStringLiteral("SELECT rowid FROM account_search WHERE account_search MATCH ?");
    QVariantList values{phrases.join(QStringLiteral(" AND "))};
    for (qsizetype i = 0; i < words.shortWords.size(); ++i) {
        sql += kGramCondition.arg(i).arg(QStringLiteral("account_search.rowid"));
        values.append(words.shortWords.at(i).second);
    }
    sql += QStringLiteral(" ORDER BY rowid LIMIT ?");
    return {QStringLiteral("every_word"), sql, values};
}

// Several words: the accounts that match every word, by account id. The statement walks the rarest side: a short
// word held by few names, else the full-text index. Both give the same accounts in the same order.
std::optional<SearchPlan::Step> everyWordStep(const QString& text, const QSqlDatabase& db)
{
    const Words words = wordsOf(text, db);
    if (words.longWords.size() + words.shortWords.size() < 2) {
        return std::nullopt; // one distinct word: the whole-text steps found it already
    }
    if (!words.shortWords.isEmpty() && words.shortWords.first().first == 0) {
        return std::nullopt; // no name holds that word, so no account matches every word
    }
    if (words.longWords.isEmpty() || words.shortWords.first().first < SearchPlan::kGramDriveLimit) {
        return gramDrivenStep(words);
    }
    return fullTextDrivenStep(words);
}

} // namespace

QList<SearchPlan::Step> SearchPlan::forQuery(const LookupQuery& query, const QSqlDatabase& db)
{
    QList<Step> steps;
    switch (query.kind) {
    case LookupQuery::Kind::Empty:
        break;
    case LookupQuery::Kind::Digits:
        steps = digitSteps(query.text, db);
        break;
    case LookupQuery::Kind::Barcode:
        // Only the account the barcode names; a barcode that fails its check finds nothing rather than something
        // that merely shares its digits.
        if (!query.barcodeCheckFailed) {
            steps.append(
                {QStringLiteral("barcode_account"), kAccountExact, {query.text.left(BillBarcode::kAccountDigits)}});
        }
        break;
    case LookupQuery::Kind::ShortText:
        addWholeTextSteps(steps, query.text);
        steps.append({QStringLiteral("name_gram"), kNameGram, {query.text}});
        break;
    case LookupQuery::Kind::Text: {
        addWholeTextSteps(steps, query.text);
        addFullTextStep(steps, query.text);
        if (const auto every = everyWordStep(query.text, db)) {
            steps.append(*every);
        }
        break;
    }
    }
    return steps;
}

} // namespace HallDesk
