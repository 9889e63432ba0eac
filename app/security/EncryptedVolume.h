#pragma once

#include <QCoreApplication>
#include <QString>

namespace HallDesk {

// Whether a file lies on an encrypted block device (dm-crypt: LUKS or plain, also under LVM or a partition table)
// or in an fscrypt-encrypted folder. SQLCipher cannot encrypt the store cleanly with Debian's Qt
// (docs/security.md), so the store's protection at rest is the volume's.
class EncryptedVolume final
{
    Q_DECLARE_TR_FUNCTIONS(EncryptedVolume)

public:
    enum class Kind
    {
        DmCrypt, // the file system sits on a dm-crypt device (directly or through LVM, RAID or partitions)
        Fscrypt, // the file is in an fscrypt-encrypted folder
        NotEncrypted, // a block device without dm-crypt under it, or a file system without a device (tmpfs, NFS)
        Unknown, // the file's device could not be found in mountinfo or sysfs
    };

    struct Finding
    {
        Kind kind = Kind::Unknown;
        QString mountPoint;
        QString fsType;
        QString source; // the mount source, e.g. /dev/mapper/root or /dev/sda2
        QString device; // the sysfs device looked at, e.g. dm-0 or sda2
        QString detail; // how it was decided, for the administrator and the audit entry

        bool encrypted() const { return kind == Kind::DmCrypt || kind == Kind::Fscrypt; }
        QString describe() const;
    };

    // What the kernel says about one file: its device number (st_dev) and the fscrypt attribute (statx
    // STATX_ATTR_ENCRYPTED). `root` is where proc/ and sys/ are read: "/" on a real system, a fixture folder in
    // tests.
    struct Facts
    {
        QString path;
        unsigned major = 0;
        unsigned minor = 0;
        bool fscrypt = false;
        QString root = QStringLiteral("/");
    };

    // The check on this machine: stat and statx of `path`, then detect().
    static Finding check(const QString& path);
    // The detection itself, from the facts and root/proc/self/mountinfo and root/sys/{dev,class}/block.
    static Finding detect(const Facts& facts);
};

} // namespace HallDesk
