#pragma once

#include "app/accounts/Account.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace HallDesk {

class Store;

// How a query is read. Anything a customer may say or show: 户号 (exact or prefix), a bill barcode, a mobile
// number (full or its last four digits), a landline, a meter number, one or two characters of a name, a longer
// fragment of a name or an address, or several such words. See docs/lookup.md.
struct LookupQuery
{
    enum class Kind
    {
        Empty,
        Digits, // account number (exact or prefix), meter number (exact or prefix), mobile (full or tail), landline
        Barcode, // a bill barcode: account number + period + check digits
        ShortText, // one word of one or two characters: name grams
        Text, // three characters or more, or several words: trigram full-text over name and address
    };
    Kind kind = Kind::Empty;
    QString text; // normalised: trimmed, blanks collapsed, full-width folded, digit strings without separators
    // A Barcode whose check digits disagree: search() finds nothing, and the person should be told (hint()).
    bool barcodeCheckFailed = false;
};

// Finds accounts. Every kind of query is answered from an index, never by scanning the accounts table.
// Thread-safe: each call uses the calling thread's connection of the store.
class LookupService final
{
    Q_DECLARE_TR_FUNCTIONS(LookupService)

public:
    explicit LookupService(Store& store);

    static LookupQuery classify(QStringView input);

    // A sentence for the person when the query itself explains an empty result (a barcode that fails its check);
    // empty otherwise.
    static QString hint(const LookupQuery& query);

    // One page of matches, best first, without duplicates: exact matches of a key (户号, mobile, landline,
    // meter, whole name) before prefixes (户号, meter, name) before fragments (name characters, name or address
    // text). The order is stable from page to page, so a lazy model can fetch page after page; docs/lookup.md
    // gives the order within each kind. Arrears are computed for the page's rows only.
    QList<AccountSummary> search(const QString& input, int offset, int limit) const;

    // SQLite's query plan for every statement search() runs for `input`, one line per plan step prefixed with
    // the step's name; for the tests and for `halldeskctl lookup --explain`.
    QStringList explain(const QString& input) const;

    // The account a bill barcode points at, if the barcode is well-formed and its check digits agree.
    static std::optional<QString> accountFromBarcode(QStringView barcode);
    // The barcode printed on a bill for `accountNo` (10 digits) and `period` ("2026-03"): 18 digits, see
    // docs/lookup.md. Empty when either argument is malformed.
    static QString billBarcode(const QString& accountNo, const QString& period);

private:
    Store& m_store;
};

} // namespace HallDesk
