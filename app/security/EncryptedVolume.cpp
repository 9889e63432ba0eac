#include "app/security/EncryptedVolume.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace HallDesk {

namespace {

constexpr int kMaxDepth = 8; // dm over LVM over RAID over partitions: far deeper than any real stack

QString readLine(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readLine()).trimmed();
}

// mountinfo escapes blanks and backslashes in paths as octal (\040).
QString unescape(const QString& field)
{
    QString out;
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field.at(i) == QLatin1Char('\\') && i + 3 < field.size()) {
            bool ok = false;
            const int code = field.mid(i + 1, 3).toInt(&ok, 8);
            if (ok) {
                out += QChar(code);
                i += 3;
                continue;
            }
        }
        out += field.at(i);
    }
    return out;
}

struct Mount
{
    QString device; // "MAJ:MIN"
    QString mountPoint;
    QString fsType;
    QString source;
};

// The mount of the file's device whose mount point is the longest prefix of the path (bind mounts of the same
// device list it more than once).
std::optional<Mount> findMount(const EncryptedVolume::Facts& facts)
{
    QFile file(QDir(facts.root).filePath(QStringLiteral("proc/self/mountinfo")));
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    const QString device = QStringLiteral("%1:%2").arg(facts.major).arg(facts.minor);
    std::optional<Mount> best;
    for (const QByteArray& raw : file.readAll().split('\n')) {
        // id parent MAJ:MIN root mount-point options [optional fields] - fstype source super-options
        const QStringList fields = QString::fromUtf8(raw).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const qsizetype dash = fields.indexOf(QStringLiteral("-"));
        if (fields.size() < 5 || dash < 0 || dash + 2 >= fields.size() || fields.at(2) != device) {
            continue;
        }
        Mount mount{device, unescape(fields.at(4)), fields.at(dash + 1), unescape(fields.at(dash + 2))};
        const QString prefix
            = mount.mountPoint.endsWith(QLatin1Char('/')) ? mount.mountPoint : mount.mountPoint + QLatin1Char('/');
        const bool contains = facts.path.isEmpty() || facts.path == mount.mountPoint || facts.path.startsWith(prefix);
        if (contains && (!best || mount.mountPoint.size() > best->mountPoint.size())) {
            best = mount;
        }
    }
    return best;
}

// sys/class/block/NAME for a device node such as /dev/dm-0, /dev/sda2 or /dev/mapper/NAME.
QString blockFolderOfSource(const QString& root, const QString& source)
{
    const QDir classBlock(QDir(root).filePath(QStringLiteral("sys/class/block")));
    if (source.startsWith(QLatin1String("/dev/mapper/"))) {
        const QString name = source.mid(12);
        for (const QString& entry : classBlock.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (readLine(classBlock.filePath(entry + QStringLiteral("/dm/name"))) == name) {
                return classBlock.filePath(entry);
            }
        }
        return {};
    }
    if (source.startsWith(QLatin1String("/dev/"))) {
        const QString folder = classBlock.filePath(QFileInfo(source).fileName());
        return QFileInfo(folder).isDir() ? folder : QString();
    }
    return {};
}

// A dm-crypt target's uuid starts with CRYPT- (CRYPT-LUKS2-…, CRYPT-PLAIN-…); kpartx partitions of one carry a
// partN- prefix.
bool isCryptUuid(const QString& uuid)
{
    static const QRegularExpression crypt(QStringLiteral("^(part\\d+-)?CRYPT-"));
    return crypt.match(uuid).hasMatch();
}

// True when everything under this block device is dm-crypt: the device itself, or every device it is built on
// (slaves/), or for a partition its disk.
bool encryptedBelow(const QString& root, const QString& folder, int depth, QStringList* chain)
{
    if (depth > kMaxDepth || folder.isEmpty()) {
        return false;
    }
    const QFileInfo info(folder);
    const QString canonical = info.canonicalFilePath();
    chain->append(QFileInfo(canonical.isEmpty() ? folder : canonical).fileName());
    const QString uuid = readLine(QDir(folder).filePath(QStringLiteral("dm/uuid")));
    if (isCryptUuid(uuid)) {
        return true;
    }
    const QDir slaves(QDir(folder).filePath(QStringLiteral("slaves")));
    const QStringList under
        = slaves.exists() ? slaves.entryList(QDir::AllEntries | QDir::NoDotAndDotDot) : QStringList();
    if (!under.isEmpty()) {
        const QDir classBlock(QDir(root).filePath(QStringLiteral("sys/class/block")));
        for (const QString& name : under) {
            if (!encryptedBelow(root, classBlock.filePath(name), depth + 1, chain)) {
                return false;
            }
        }
        return true;
    }
    if (QFileInfo::exists(QDir(folder).filePath(QStringLiteral("partition")))) {
        // a partition's folder is inside its disk's folder
        const QString disk = QFileInfo(info.canonicalFilePath()).path();
        return encryptedBelow(root, disk, depth + 1, chain);
    }
    return false;
}

} // namespace

QString EncryptedVolume::Finding::describe() const
{
    switch (kind) {
    case Kind::DmCrypt:
        return tr("%1 (%2 on %3) is on an encrypted device: %4.").arg(mountPoint, fsType, source, detail);
    case Kind::Fscrypt:
        return tr("The store's folder is encrypted with fscrypt (%1 on %2).").arg(fsType, mountPoint);
    case Kind::NotEncrypted:
        return tr("%1 (%2 on %3) is not on an encrypted device: %4.").arg(mountPoint, fsType, source, detail);
    case Kind::Unknown:
        break;
    }
    return tr("HallDesk cannot tell whether the store's file system is encrypted: %1.").arg(detail);
}

EncryptedVolume::Finding EncryptedVolume::check(const QString& path)
{
    Facts facts;
    facts.path = QFileInfo(path).absoluteFilePath();
    struct statx info
    {
    };
    if (::statx(AT_FDCWD, QFile::encodeName(facts.path).constData(), 0, STATX_BASIC_STATS, &info) != 0) {
        Finding finding;
        finding.detail = tr("%1 cannot be examined").arg(path);
        return finding;
    }
    facts.major = info.stx_dev_major;
    facts.minor = info.stx_dev_minor;
    facts.fscrypt
        = (info.stx_attributes_mask & STATX_ATTR_ENCRYPTED) != 0 && (info.stx_attributes & STATX_ATTR_ENCRYPTED) != 0;
    return detect(facts);
}

EncryptedVolume::Finding EncryptedVolume::detect(const Facts& facts)
{
    Finding finding;
    const std::optional<Mount> mount = findMount(facts);
    if (mount) {
        finding.mountPoint = mount->mountPoint;
        finding.fsType = mount->fsType;
        finding.source = mount->source;
    }
    if (facts.fscrypt) {
        finding.kind = Kind::Fscrypt;
        finding.detail = tr("fscrypt");
        return finding;
    }
    if (!mount) {
        finding.detail = tr("device %1:%2 is not in /proc/self/mountinfo").arg(facts.major).arg(facts.minor);
        return finding;
    }
    // A device number with major 0 is no block device (btrfs subvolumes, overlay, tmpfs, NFS): the mount source
    // names the device, if there is one.
    QString folder;
    if (facts.major != 0) {
        folder = QDir(facts.root).filePath(QStringLiteral("sys/dev/block/%1:%2").arg(facts.major).arg(facts.minor));
        if (!QFileInfo(folder).isDir()) {
            folder.clear();
        }
    }
    if (folder.isEmpty()) {
        folder = blockFolderOfSource(facts.root, mount->source);
    }
    if (folder.isEmpty()) {
        finding.kind = Kind::NotEncrypted;
        finding.detail = tr("%1 is not a block device").arg(mount->source);
        return finding;
    }
    QStringList chain;
    const bool encrypted = encryptedBelow(facts.root, folder, 0, &chain);
    finding.device = chain.value(0);
    finding.kind = encrypted ? Kind::DmCrypt : Kind::NotEncrypted;
    finding.detail = encrypted ? tr("dm-crypt under %1").arg(chain.join(QStringLiteral(" → ")))
                               : tr("no dm-crypt under %1").arg(chain.join(QStringLiteral(" → ")));
    return finding;
}

} // namespace HallDesk
