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

IdCardCheck::Result IdCardCheck::verify(const QString& accountNo, const QString& presented, const Session& session)
{
    const QString account = accountNo.trimmed();
    QString card = presented.simplified().toUpper();
    card.remove(QLatin1Char(' '));
    if (card.isEmpty()) {
        throw StoreError(tr("Enter the number on the ID card."));
    }
    QSqlDatabase db = m_store.connection();
    const QVariant masked = Sql::scalar(db, QStringLiteral("SELECT id_card_no FROM accounts WHERE account_no = ?"),
                                        {account});
    if (!masked.isValid()) {
        throw StoreError(tr("There is no account %1.").arg(account));
    }

    Result result;
    const QString url = syncServerUrl(m_store, m_serverUrl);
    if (!url.isEmpty()) {
        try {
            CentralSettings settings = CentralSettings::fromUrl(url);
            settings.connectTimeoutSeconds = std::min(settings.connectTimeoutSeconds, kTimeoutSeconds);
            settings.statementTimeoutSeconds = kTimeoutSeconds;
            CentralConnection centre(settings);
            const QJsonValue answer = centre.json("SELECT to_json(sync.verify_id_card($1, $2))",
                                                  {account.toUtf8(), card.toUtf8()});
            const QJsonValue value = answer.isArray() ? answer.toArray().first() : answer;
            result.source = Source::Centre;
            result.matches = value.toBool();
            result.message = result.matches ? tr("The centre confirms: this ID card belongs to the account holder.")
                                            : tr("The centre says: this ID card does NOT belong to the account holder.");
        } catch (const StoreError& error) {
            result.centreError = error.message();
        }
    } else {
        result.centreError = tr("no central server is set up");
    }

    if (result.source != Source::Centre) {
        if (isLimitReached(result.centreError)) {
            result.message = tr("The centre refused: this counter has used its ID card checks for this hour. Check "
                                "the card by eye, or ask a supervisor to check it from another counter later.");
        } else {
            result.source = Source::MaskedDigits;
            result.matches = matchesMaskedIdCard(masked.toString(), card);
            const QString kept = masked.toString();
            result.message = result.matches
                ? tr("Offline: only the first six and last four characters could be compared (%1), and they "
                     "match. The digits between were not checked.")
                      .arg(kept)
                : tr("Offline: the first six and last four characters (%1) do not match this card.").arg(kept);
        }
    }

    Sql::Transaction transaction(db);
    AuditLog::append(db,
                     {QStringLiteral("personal_data.id_check"),
                      QStringLiteral("account"),
                      account,
                      {{QStringLiteral("source"), sourceCode(result.source)},
                       {QStringLiteral("matches"), result.matches},
                       {QStringLiteral("centre_error"), result.centreError}},
                      session.op.id > 0 ? std::optional<qint64>(session.op.id) : std::nullopt,
                      std::nullopt,
                      session.workplace.terminalCode});
    transaction.commit();
    return result;
}

} // namespace HallDesk
