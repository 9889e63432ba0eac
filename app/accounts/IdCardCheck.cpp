#include "app/accounts/IdCardCheck.h"

#include "app/accounts/Account.h"
#include "app/audit/AuditLog.h"
#include "app/sync/SyncWorker.h"
#include "db/Central.h"
#include "db/Sql.h"
#include "db/Store.h"

#include <QJsonArray>
#include <algorithm>

namespace HallDesk {

namespace {

constexpr int kTimeoutSeconds = 10;

// The centre's refusal when this terminal used up its checks for the hour (SQLSTATE HD005).
bool isLimitReached(const QString& error)
{
    return error.contains(QLatin1String("verify_id_card: terminal"));
}

} // namespace

IdCardCheck::IdCardCheck(Store& store, QString serverUrl)
    : m_store(store)
    , m_serverUrl(std::move(serverUrl))
{
}

QString IdCardCheck::sourceCode(Source source)
{
    switch (source) {
    case Source::Centre:
        return QStringLiteral("centre");
    case Source::MaskedDigits:
        return QStringLiteral("masked_digits");
    case Source::None:
        break;
    }
    return QStringLiteral("none");
}

IdCardCheck::Request IdCardCheck::prepare(const QString& accountNo, const QString& presented)
{
    Request request;
    request.accountNo = accountNo.trimmed();
    request.card = presented.simplified().toUpper();
    request.card.remove(QLatin1Char(' '));
    if (request.card.isEmpty()) {
        throw StoreError(tr("Enter the number on the ID card."));
    }
    const QVariant masked
        = Sql::scalar(m_store.connection(), QStringLiteral("SELECT id_card_no FROM accounts WHERE account_no = ?"),
                      {request.accountNo});
    if (!masked.isValid()) {
        throw StoreError(tr("There is no account %1.").arg(request.accountNo));
    }
    request.masked = masked.toString();
    request.serverUrl = syncServerUrl(m_store, m_serverUrl);
    return request;
}

IdCardCheck::CentreAnswer IdCardCheck::askCentre(const Request& request)
{
    CentreAnswer answer;
    if (request.serverUrl.isEmpty()) {
        answer.error = tr("no central server is set up");
        return answer;
    }
    try {
        CentralSettings settings = CentralSettings::fromUrl(request.serverUrl);
        settings.connectTimeoutSeconds = std::min(settings.connectTimeoutSeconds, kTimeoutSeconds);
        settings.statementTimeoutSeconds = kTimeoutSeconds;
        CentralConnection centre(settings);
        const QJsonValue value = centre.json("SELECT to_json(sync.verify_id_card($1, $2))",
                                             {request.accountNo.toUtf8(), request.card.toUtf8()});
        answer.matches = (value.isArray() ? value.toArray().first() : value).toBool();
        answer.answered = true;
    } catch (const StoreError& error) {
        answer.error = error.message();
    }
    return answer;
}

IdCardCheck::Result IdCardCheck::finish(const Request& request, const CentreAnswer& answer, const Session& session)
{
    Result result;
    result.centreError = answer.error;
    if (answer.answered) {
        result.source = Source::Centre;
        result.matches = answer.matches;
        result.message = result.matches ? tr("The centre confirms: this ID card belongs to the account holder.")
                                        : tr("The centre says: this ID card does NOT belong to the account holder.");
    } else if (isLimitReached(answer.error)) {
        result.message = tr("The centre refused: this counter has used its ID card checks for this hour. Check the "
                            "card by eye, or ask a supervisor to check it from another counter later.");
    } else {
        result.source = Source::MaskedDigits;
        result.matches = matchesMaskedIdCard(request.masked, request.card);
        // the kept digits are not repeated: a clerk's screen masks more of them (maskIdCard)
        result.message = result.matches
            ? tr("The centre cannot be reached. Offline only the first six and last four characters can be compared, "
                 "and they match; the digits between were not checked.")
            : tr("The centre cannot be reached. Offline only the first six and last four characters can be compared, "
                 "and they do NOT match this card.");
    }

    QSqlDatabase db = m_store.connection();
    Sql::Transaction transaction(db);
    AuditLog::append(db,
                     {QStringLiteral("personal_data.id_check"),
                      QStringLiteral("account"),
                      request.accountNo,
                      {{QStringLiteral("source"), sourceCode(result.source)},
                       {QStringLiteral("matches"), result.matches},
                       {QStringLiteral("centre_error"), result.centreError}},
                      session.op.id > 0 ? std::optional<qint64>(session.op.id) : std::nullopt,
                      std::nullopt,
                      session.workplace.terminalCode});
    transaction.commit();
    return result;
}

IdCardCheck::Result IdCardCheck::verify(const QString& accountNo, const QString& presented, const Session& session)
{
    const Request request = prepare(accountNo, presented);
    return finish(request, askCentre(request), session);
}

} // namespace HallDesk
