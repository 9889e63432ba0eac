#pragma once

#include "app/accounts/Account.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace HallDesk {

class Store;

// How a query is read. Anything a customer may say or show: 户号 (exact or prefix), a bill barcode, a mobile
// number (full or its last four digits), a meter number, one or two characters of a name, a longer fragment of a
// name or an address. See docs/lookup.md.
struct LookupQuery
{
    enum class Kind {
        Empty,
        Digits, // account number (exact or prefix), meter number, phone (full or tail)
        Barcode, // a bill barcode: account number + period + check digits
        ShortText, // one or two characters: name grams
        Text, // three characters or more: trigram full-text over name and address
    };
    Kind kind = Kind::Empty;
    QString text; // normalised: trimmed, full-width digits and letters folded
};

// Finds accounts. Every kind of query is answered from an index, never by scanning the accounts table.
// Thread-safe: each call uses the calling thread's connection of the store.
class LookupService final
{
    Q_DECLARE_TR_FUNCTIONS(LookupService)

public:
    explicit LookupService(Store& store);

    static LookupQuery classify(QStringView input);

    // One page of matches, best first (exact 户号 before prefixes, then phone, meter, name, address).
    QList<AccountSummary> search(const QString& input, int offset, int limit) const;

    // The account a bill barcode points at, if the barcode is well-formed and its check digits agree.
    static std::optional<QString> accountFromBarcode(QStringView barcode);
    // The barcode printed on a bill for `accountNo` and `period` ("2026-03").
    static QString billBarcode(const QString& accountNo, const QString& period);

private:
    Store& m_store;
};

} // namespace HallDesk
