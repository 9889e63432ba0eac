#pragma once

#include "app/security/EncryptedVolume.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <optional>

namespace HallDesk {

class Store;

// What halldesk and halldeskctl do about a store's protection when they open it (docs/security.md): they audit
// the store files that Store::open had to make private, and they warn the administrator once a day when the store
// is not on an encrypted volume, unless the site accepted that risk in writing.
class StoreProtection final
{
    Q_DECLARE_TR_FUNCTIONS(StoreProtection)

public:
    // The written acceptance of an unencrypted volume (its reference: letter, date, who signed); empty: none.
    static constexpr const char* kAcceptedSetting = "security.unencrypted_volume_accepted";
    // "security.volume_warned_on.<program>": the last day that program warned.
    static constexpr const char* kWarnedPrefix = "security.volume_warned_on.";

    explicit StoreProtection(Store& store);

    // One audit entry "store.permissions_fixed" for what Store::open changed, if it changed anything.
    void recordPermissionFixes(const QString& program);

    struct VolumeStatus
    {
        EncryptedVolume::Finding finding;
        QString acceptedReference; // not empty: the site accepted an unencrypted volume
        bool warnNow = false; // the first warning of the day for this program: show `message`
        QString message;
    };
    // Checks the store's volume. When it is not encrypted, not accepted and `program` has not warned on `today`,
    // the status says to warn, and an audit entry "security.unencrypted_volume" and the day are recorded.
    VolumeStatus checkVolume(const QString& program, const QDate& today, const EncryptedVolume::Finding& finding);
    // The same with this machine's answer for the store's file and today's date.
    VolumeStatus checkVolume(const QString& program);

    // Records the site's written acceptance (reference not empty) or withdraws it (empty), audited.
    void setAcceptance(const QString& reference, std::optional<qint64> operatorId, const QString& terminalCode);

private:
    Store& m_store;
};

} // namespace HallDesk
