#include "app/security/StoreProtection.h"

#include "app/audit/AuditLog.h"
#include "db/Sql.h"
#include "db/Store.h"

#include <QFileInfo>
#include <QJsonArray>

namespace HallDesk {

namespace {

QString terminalOf(Store& store)
{
    return store.setting(QStringLiteral("terminal.code"));
}

QJsonObject findingJson(const EncryptedVolume::Finding& finding)
{
    return {{QStringLiteral("mount_point"), finding.mountPoint},
            {QStringLiteral("fs_type"), finding.fsType},
            {QStringLiteral("source"), finding.source},
            {QStringLiteral("device"), finding.device},
            {QStringLiteral("detail"), finding.detail}};
}

} // namespace

StoreProtection::StoreProtection(Store& store)
    : m_store(store)
{
}

void StoreProtection::recordPermissionFixes(const QString& program)
{
    if (m_store.permissionFixes().isEmpty()) {
        return;
    }
    QJsonArray files;
    for (const PrivateFiles::Exposure& exposure : m_store.permissionFixes()) {
        files.append(QJsonObject{{QStringLiteral("file"), exposure.path},
                                 {QStringLiteral("was"), PrivateFiles::modeText(exposure.before)},
                                 {QStringLiteral("now"), PrivateFiles::modeText(int(PrivateFiles::kFileMode))}});
    }
    QSqlDatabase db = m_store.connection();
    Sql::Transaction transaction(db);
    AuditLog::append(db,
                     {QStringLiteral("store.permissions_fixed"),
                      QStringLiteral("store"),
                      m_store.path(),
                      {{QStringLiteral("files"), files}, {QStringLiteral("program"), program}},
                      std::nullopt,
                      std::nullopt,
                      terminalOf(m_store)});
    transaction.commit();
}

StoreProtection::VolumeStatus StoreProtection::checkVolume(const QString& program, const QDate& today,
                                                           const EncryptedVolume::Finding& finding)
{
    VolumeStatus status;
    status.finding = finding;
    status.acceptedReference = m_store.setting(QString::fromLatin1(kAcceptedSetting)).trimmed();
    if (finding.encrypted() || !status.acceptedReference.isEmpty()) {
        return status;
    }
    const QString warnedKey = QString::fromLatin1(kWarnedPrefix) + program;
    const QString day = today.toString(Qt::ISODate);
    if (m_store.setting(warnedKey) == day) {
        return status;
    }
    status.warnNow = true;
    status.message = tr("The store %1 is not on an encrypted disk, so anyone who takes this computer's disk can read "
                        "its customers' names, addresses and phone numbers. %2 Put the store on an encrypted volume "
                        "(LUKS or fscrypt), or, if the site accepts this risk in writing, record that with "
                        "\"halldeskctl security accept-risk\". This warning comes once a day.")
                         .arg(QFileInfo(m_store.path()).absoluteFilePath(), finding.describe());
    QJsonObject details = findingJson(finding);
    details.insert(QStringLiteral("program"), program);
    details.insert(QStringLiteral("kind"),
                   finding.kind == EncryptedVolume::Kind::Unknown ? QStringLiteral("unknown") : QStringLiteral("none"));
    QSqlDatabase db = m_store.connection();
    Sql::Transaction transaction(db);
    m_store.setSetting(warnedKey, day);
    AuditLog::append(db,
                     {QStringLiteral("security.unencrypted_volume"), QStringLiteral("store"), m_store.path(), details,
                      std::nullopt, std::nullopt, terminalOf(m_store)});
    transaction.commit();
    return status;
}

StoreProtection::VolumeStatus StoreProtection::checkVolume(const QString& program)
{
    return checkVolume(program, QDate::currentDate(), EncryptedVolume::check(m_store.path()));
}

void StoreProtection::setAcceptance(const QString& reference, std::optional<qint64> operatorId,
                                    const QString& terminalCode)
{
    QSqlDatabase db = m_store.connection();
    Sql::Transaction transaction(db);
    // an empty text, not a null one: the settings' value is NOT NULL
    const QString text = reference.trimmed();
    m_store.setSetting(QString::fromLatin1(kAcceptedSetting), text.isEmpty() ? QStringLiteral("") : text);
    AuditLog::append(db,
                     {reference.trimmed().isEmpty() ? QStringLiteral("security.unencrypted_volume_withdrawn")
                                                    : QStringLiteral("security.unencrypted_volume_accepted"),
                      QStringLiteral("setting"),
                      QString::fromLatin1(kAcceptedSetting),
                      {{QStringLiteral("reference"), reference.trimmed()}},
                      operatorId,
                      std::nullopt,
                      terminalCode});
    transaction.commit();
}

} // namespace HallDesk
