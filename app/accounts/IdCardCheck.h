#pragma once

#include "app/auth/Operator.h"

#include <QCoreApplication>
#include <QString>

namespace HallDesk {

class Store;

// Checking the ID card a customer presents against the account (docs/security.md). The hall cache keeps ID numbers
// masked, so the answer comes from the centre (sync.verify_id_card: audited there, rate-limited per terminal).
// When the centre cannot be reached, the card is compared with the digits the mask kept, and the result says that
// it is only that. Every check is audited locally too ("personal_data.id_check"), without the number.
class IdCardCheck final
{
    Q_DECLARE_TR_FUNCTIONS(IdCardCheck)

public:
    enum class Source
    {
        Centre, // the centre compared the whole number
        MaskedDigits, // offline: only the first six and last four characters were compared
        None, // no answer: the centre refused (its limit for this terminal) or the account is unknown
    };

    struct Result
    {
        bool matches = false;
        Source source = Source::None;
        QString message; // what the clerk is told
        QString centreError; // why the centre gave no answer, when it did not
    };

    // serverUrl empty: the store's sync.server_url; when that is empty too, the check is offline.
    IdCardCheck(Store& store, QString serverUrl = {});

    // Throws StoreError for an unknown account or an empty card number.
    Result verify(const QString& accountNo, const QString& presented, const Session& session);

    // The same in three steps, so that a screen asks the centre on a worker thread: the cached (masked) number and
    // the server on the store's thread, the centre anywhere (it touches no store), the result and its audit entry on
    // the store's thread again.
    struct Request
    {
        QString accountNo;
        QString card; // as presented, blanks removed, upper case
        QString masked; // the cached number
        QString serverUrl; // empty: offline
    };
    struct CentreAnswer
    {
        bool answered = false;
        bool matches = false;
        QString error;
    };
    Request prepare(const QString& accountNo, const QString& presented);
    static CentreAnswer askCentre(const Request& request);
    Result finish(const Request& request, const CentreAnswer& answer, const Session& session);

    static QString sourceCode(Source source);

private:
    Store& m_store;
    QString m_serverUrl;
};

} // namespace HallDesk
