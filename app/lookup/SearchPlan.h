#pragma once

#include "app/lookup/LookupService.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

namespace HallDesk {

// Which index lookups answer a query, best first. Every step selects account ids through one index (never a scan
// of accounts or contacts) in an order of its own that does not change between calls; LookupService merges the
// steps, first step first, dropping ids an earlier step produced. docs/lookup.md lists the steps per kind.
class SearchPlan final
{
public:
    struct Step
    {
        QString name; // "account_exact", "name_gram", … (explain() shows it)
        QString sql; // selects account ids; its last placeholder is the row limit
        QVariantList values; // bound in order before the limit
    };

    // A query of several words that mixes short and long words is driven from name_grams when its rarest short
    // word is held by fewer names than this, from the full-text index otherwise.
    static constexpr int kGramDriveLimit = 10000;

    // The steps for `query`. Reads the store only for two small facts: the hall's area code, for a landline typed
    // without it, and for a query of several words how many names hold each short word (a bounded walk of an
    // index), so as to start from the rarest.
    static QList<Step> forQuery(const LookupQuery& query, const QSqlDatabase& db);
};

} // namespace HallDesk
