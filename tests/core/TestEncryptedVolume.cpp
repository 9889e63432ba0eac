#include "app/audit/AuditLog.h"
#include "app/security/EncryptedVolume.h"
#include "app/security/StoreProtection.h"
#include "db/Sql.h"
#include "db/Store.h"
#include "tests/support/Cli.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace HallDesk;

// The encrypted-volume check through its detection function, with fixtures of /proc/self/mountinfo and sysfs
// (/sys/dev/block/MAJ:MIN → /sys/devices/…, /sys/class/block/NAME, dm/uuid, dm/name, slaves/, partition): this
// machine cannot set up dm-crypt on a loop device (no device mapper in the container). Then the once-a-day
// warning, its audit entries and the site's written acceptance.
class TestEncryptedVolume : public QObject
{
    Q_OBJECT

private:
    // A fake root: proc/self/mountinfo and the block devices under sys/.
    class Fixture
    {
    public:
        Fixture() { QVERIFY(m_dir.isValid()); }
        QString root() const { return m_dir.path(); }

        void mountinfo(const QString& text) { write(QStringLiteral("proc/self/mountinfo"), text); }

        // A block device at sys/devices/<parent>/<name>, with dev, and links from sys/dev/block and sys/class/block.
        void device(const QString& parent, const QString& name, const QString& dev, const QString& dmUuid = {},
                    const QString& dmName = {}, const QStringList& slaves = {}, bool partition = false)
        {
            const QString folder = QStringLiteral("sys/devices/%1/%2").arg(parent, name);
            write(folder + QStringLiteral("/dev"), dev + QLatin1Char('\n'));
            if (!dmUuid.isEmpty()) {
                write(folder + QStringLiteral("/dm/uuid"), dmUuid + QLatin1Char('\n'));
                write(folder + QStringLiteral("/dm/name"), dmName + QLatin1Char('\n'));
            }
            QDir(root()).mkpath(folder + QStringLiteral("/slaves"));
            for (const QString& slave : slaves) {
                QVERIFY(QFile::link(QStringLiteral("../../../../../class/block/") + slave,
                                    QDir(root()).filePath(folder + QStringLiteral("/slaves/") + slave))
                        || QFile::exists(QDir(root()).filePath(folder + QStringLiteral("/slaves/") + slave)));
            }
            if (partition) {
                write(folder + QStringLiteral("/partition"), QStringLiteral("2\n"));
            }
            QDir(root()).mkpath(QStringLiteral("sys/dev/block"));
            QDir(root()).mkpath(QStringLiteral("sys/class/block"));
            QVERIFY(QFile::link(QDir(root()).filePath(folder),
                                QDir(root()).filePath(QStringLiteral("sys/dev/block/") + dev)));
            QVERIFY(QFile::link(QDir(root()).filePath(folder),
                                QDir(root()).filePath(QStringLiteral("sys/class/block/") + name)));
        }

        EncryptedVolume::Finding detect(const QString& path, unsigned major, unsigned minor, bool fscrypt = false) const
        {
            EncryptedVolume::Facts facts;
            facts.path = path;
            facts.major = major;
            facts.minor = minor;
            facts.fscrypt = fscrypt;
            facts.root = root();
            return EncryptedVolume::detect(facts);
        }

    private:
        void write(const QString& relative, const QString& text)
        {
            const QString path = QDir(root()).filePath(relative);
            QDir().mkpath(QFileInfo(path).path());
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(text.toUtf8());
        }
        QTemporaryDir m_dir;
    };

    static QString line(int id, const QString& dev, const QString& mountPoint, const QString& type,
                        const QString& source)
    {
        return QStringLiteral("%1 1 %2 / %3 rw,relatime shared:1 - %4 %5 rw\n")
            .arg(id)
            .arg(dev, mountPoint, type, source);
    }

private Q_SLOTS:
    void luksUnderTheRootFileSystem()
    {
        Fixture f;
        f.mountinfo(line(22, QStringLiteral("253:0"), QStringLiteral("/"), QStringLiteral("ext4"),
                         QStringLiteral("/dev/mapper/luks-4f1c"))
                    + line(23, QStringLiteral("8:1"), QStringLiteral("/boot"), QStringLiteral("ext4"),
                           QStringLiteral("/dev/sda1")));
        f.device(QStringLiteral("virtual/block"), QStringLiteral("dm-0"), QStringLiteral("253:0"),
                 QStringLiteral("CRYPT-LUKS2-4f1c2b7e9d0a4b51a3c6e8f0d2b4a6c8-luks-4f1c"), QStringLiteral("luks-4f1c"),
                 {QStringLiteral("sda2")});
        f.device(QStringLiteral("pci0000:00/0000:00:1f.2/ata1/host0/block/sda"), QStringLiteral("sda2"),
                 QStringLiteral("8:2"), {}, {}, {}, true);
        f.device(QStringLiteral("pci0000:00/0000:00:1f.2/ata1/host0/block/sda"), QStringLiteral("sda1"),
                 QStringLiteral("8:1"), {}, {}, {}, true);
        const EncryptedVolume::Finding found = f.detect(QStringLiteral("/var/lib/halldesk/h01.sqlite"), 253, 0);
        QCOMPARE(found.kind, EncryptedVolume::Kind::DmCrypt);
        QVERIFY(found.encrypted());
        QCOMPARE(found.mountPoint, QStringLiteral("/"));
        QCOMPARE(found.source, QStringLiteral("/dev/mapper/luks-4f1c"));
        QCOMPARE(found.device, QStringLiteral("dm-0"));
        // /boot on the same disk is not encrypted
        const EncryptedVolume::Finding boot = f.detect(QStringLiteral("/boot/h01.sqlite"), 8, 1);
        QCOMPARE(boot.kind, EncryptedVolume::Kind::NotEncrypted);
        QCOMPARE(boot.mountPoint, QStringLiteral("/boot"));
    }

    void lvmOnLuksAndLvmOnAPlainPartition()
    {
        Fixture f;
        f.mountinfo(line(30, QStringLiteral("253:1"), QStringLiteral("/home"), QStringLiteral("xfs"),
                         QStringLiteral("/dev/mapper/vg-home"))
                    + line(31, QStringLiteral("253:3"), QStringLiteral("/srv"), QStringLiteral("ext4"),
                           QStringLiteral("/dev/mapper/vg2-srv")));
        f.device(QStringLiteral("virtual/block"), QStringLiteral("dm-0"), QStringLiteral("253:0"),
                 QStringLiteral("CRYPT-LUKS1-00aa-cryptpv"), QStringLiteral("cryptpv"), {QStringLiteral("nvme0n1p3")});
        f.device(QStringLiteral("virtual/block"), QStringLiteral("dm-1"), QStringLiteral("253:1"),
                 QStringLiteral("LVM-Xk2m9aQ"), QStringLiteral("vg-home"), {QStringLiteral("dm-0")});
        f.device(QStringLiteral("pci0000:00/nvme/nvme0/nvme0n1"), QStringLiteral("nvme0n1p3"), QStringLiteral("259:3"),
                 {}, {}, {}, true);
        f.device(QStringLiteral("virtual/block"), QStringLiteral("dm-3"), QStringLiteral("253:3"),
                 QStringLiteral("LVM-Zr7q1bW"), QStringLiteral("vg2-srv"), {QStringLiteral("sdb1")});
        f.device(QStringLiteral("pci0000:00/ata2/block/sdb"), QStringLiteral("sdb1"), QStringLiteral("8:17"), {}, {},
                 {}, true);
        const EncryptedVolume::Finding home = f.detect(QStringLiteral("/home/clerk/h01.sqlite"), 253, 1);
        QCOMPARE(home.kind, EncryptedVolume::Kind::DmCrypt);
        QVERIFY2(home.detail.contains(QStringLiteral("dm-1")) && home.detail.contains(QStringLiteral("dm-0")),
                 qPrintable(home.detail));
        const EncryptedVolume::Finding srv = f.detect(QStringLiteral("/srv/h01.sqlite"), 253, 3);
        QCOMPARE(srv.kind, EncryptedVolume::Kind::NotEncrypted);
    }

    // A mirror is only as safe as its weakest half.
    void raidWithOneHalfUnencrypted()
    {
        Fixture f;
        f.mountinfo(line(40, QStringLiteral("9:0"), QStringLiteral("/data"), QStringLiteral("ext4"),
                         QStringLiteral("/dev/md0")));
        f.device(QStringLiteral("virtual/block"), QStringLiteral("md0"), QStringLiteral("9:0"), {}, {},
                 {QStringLiteral("dm-4"), QStringLiteral("sdc1")});
        f.device(QStringLiteral("virtual/block"), QStringLiteral("dm-4"), QStringLiteral("253:4"),
                 QStringLiteral("CRYPT-PLAIN-left"), QStringLiteral("left"));
        f.device(QStringLiteral("pci0000:00/ata3/block/sdc"), QStringLiteral("sdc1"), QStringLiteral("8:33"), {}, {},
                 {}, true);
        QCOMPARE(f.detect(QStringLiteral("/data/h01.sqlite"), 9, 0).kind, EncryptedVolume::Kind::NotEncrypted);
    }

    // btrfs reports an anonymous device (major 0): the mount source names the device, here through /dev/mapper.
    void btrfsOnLuksFoundThroughTheMountSource()
    {
        Fixture f;
        f.mountinfo(line(50, QStringLiteral("0:35"), QStringLiteral("/home"), QStringLiteral("btrfs"),
                         QStringLiteral("/dev/mapper/cryptroot")));
        f.device(QStringLiteral("virtual/block"), QStringLiteral("dm-0"), QStringLiteral("253:0"),
                 QStringLiteral("CRYPT-LUKS2-77ee-cryptroot"), QStringLiteral("cryptroot"));
        const EncryptedVolume::Finding found = f.detect(QStringLiteral("/home/h/h01.sqlite"), 0, 35);
        QCOMPARE(found.kind, EncryptedVolume::Kind::DmCrypt);
        QCOMPARE(found.fsType, QStringLiteral("btrfs"));
    }

    // kpartx partitions of a dm-crypt device carry a partN- prefix in their uuid.
    void partitionOfAnEncryptedMapping()
    {
        Fixture f;
        f.mountinfo(line(60, QStringLiteral("253:7"), QStringLiteral("/hall"), QStringLiteral("ext4"),
                         QStringLiteral("/dev/dm-7")));
        f.device(QStringLiteral("virtual/block"), QStringLiteral("dm-7"), QStringLiteral("253:7"),
                 QStringLiteral("part1-CRYPT-LUKS2-99ff-hall"), QStringLiteral("hall1"));
        QCOMPARE(f.detect(QStringLiteral("/hall/h01.sqlite"), 253, 7).kind, EncryptedVolume::Kind::DmCrypt);
    }

    void fileSystemsWithoutADevice()
    {
        Fixture f;
        f.mountinfo(
            line(70, QStringLiteral("0:25"), QStringLiteral("/tmp"), QStringLiteral("tmpfs"), QStringLiteral("tmpfs"))
            + line(71, QStringLiteral("0:52"), QStringLiteral("/mnt/share"), QStringLiteral("nfs4"),
                   QStringLiteral("server:/export")));
        const EncryptedVolume::Finding tmp = f.detect(QStringLiteral("/tmp/h01.sqlite"), 0, 25);
        QCOMPARE(tmp.kind, EncryptedVolume::Kind::NotEncrypted);
        QCOMPARE(tmp.fsType, QStringLiteral("tmpfs"));
        QCOMPARE(f.detect(QStringLiteral("/mnt/share/h01.sqlite"), 0, 52).kind, EncryptedVolume::Kind::NotEncrypted);
    }

    void fscryptFolder()
    {
        Fixture f;
        f.mountinfo(
            line(80, QStringLiteral("8:2"), QStringLiteral("/"), QStringLiteral("ext4"), QStringLiteral("/dev/sda2")));
        f.device(QStringLiteral("pci0000:00/ata1/block/sda"), QStringLiteral("sda2"), QStringLiteral("8:2"), {}, {}, {},
                 true);
        QCOMPARE(f.detect(QStringLiteral("/home/clerk/h01.sqlite"), 8, 2).kind, EncryptedVolume::Kind::NotEncrypted);
        QCOMPARE(f.detect(QStringLiteral("/home/clerk/h01.sqlite"), 8, 2, true).kind, EncryptedVolume::Kind::Fscrypt);
    }

    // Bind mounts list a device twice; the mount point that holds the path wins, escapes (\040) decoded.
    void longestMountPointAndEscapes()
    {
        Fixture f;
        f.mountinfo(
            line(90, QStringLiteral("8:2"), QStringLiteral("/"), QStringLiteral("ext4"), QStringLiteral("/dev/sda2"))
            + line(91, QStringLiteral("8:2"), QStringLiteral("/srv/hall\\040data"), QStringLiteral("ext4"),
                   QStringLiteral("/dev/sda2")));
        f.device(QStringLiteral("pci0000:00/ata1/block/sda"), QStringLiteral("sda2"), QStringLiteral("8:2"), {}, {}, {},
                 true);
        QCOMPARE(f.detect(QStringLiteral("/srv/hall data/h01.sqlite"), 8, 2).mountPoint,
                 QStringLiteral("/srv/hall data"));
        QCOMPARE(f.detect(QStringLiteral("/srv/other/h01.sqlite"), 8, 2).mountPoint, QStringLiteral("/"));
    }

    void unknownDevice()
    {
        Fixture f;
        f.mountinfo(
            line(90, QStringLiteral("8:2"), QStringLiteral("/"), QStringLiteral("ext4"), QStringLiteral("/dev/sda2")));
        const EncryptedVolume::Finding found = f.detect(QStringLiteral("/x/h01.sqlite"), 8, 9);
        QCOMPARE(found.kind, EncryptedVolume::Kind::Unknown);
        QVERIFY(!found.encrypted());
    }

    // On this machine: the check finds the store's mount (the answer depends on the machine's disks).
    void thisMachine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h01.sqlite"));
        Store::open(path, Store::OpenMode::CreateIfMissing).reset();
        const EncryptedVolume::Finding found = EncryptedVolume::check(path);
        QVERIFY2(found.kind != EncryptedVolume::Kind::Unknown, qPrintable(found.describe()));
        QVERIFY(!found.mountPoint.isEmpty());
        qInfo("%s", qPrintable(found.describe()));
    }

    void warnsOncePerDayUnlessAccepted()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("h01.sqlite")), Store::OpenMode::CreateIfMissing);
        StoreProtection protection(*store);
        EncryptedVolume::Finding plain;
        plain.kind = EncryptedVolume::Kind::NotEncrypted;
        plain.mountPoint = QStringLiteral("/");
        plain.fsType = QStringLiteral("ext4");
        plain.source = QStringLiteral("/dev/sda2");
        plain.detail = QStringLiteral("no dm-crypt under sda2");
        const QDate monday(2026, 12, 7);
        const auto warnings = [&] {
            return Sql::scalar(store->connection(),
                               QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                              "'security.unencrypted_volume'"))
                .toInt();
        };

        const StoreProtection::VolumeStatus first = protection.checkVolume(QStringLiteral("halldesk"), monday, plain);
        QVERIFY(first.warnNow);
        QVERIFY(first.message.contains(QStringLiteral("accept-risk")));
        QCOMPARE(warnings(), 1);
        QVERIFY(!protection.checkVolume(QStringLiteral("halldesk"), monday, plain).warnNow);
        QCOMPARE(warnings(), 1);
        // each program warns its own administrator once that day
        QVERIFY(protection.checkVolume(QStringLiteral("halldeskctl"), monday, plain).warnNow);
        QCOMPARE(warnings(), 2);
        QVERIFY(protection.checkVolume(QStringLiteral("halldesk"), monday.addDays(1), plain).warnNow);
        QCOMPARE(warnings(), 3);

        EncryptedVolume::Finding luks = plain;
        luks.kind = EncryptedVolume::Kind::DmCrypt;
        QVERIFY(!protection.checkVolume(QStringLiteral("halldesk"), monday.addDays(2), luks).warnNow);

        protection.setAcceptance(QStringLiteral("Risk acceptance 2026-041, signed by the hall manager"), std::nullopt,
                                 QStringLiteral("T01"));
        const StoreProtection::VolumeStatus accepted
            = protection.checkVolume(QStringLiteral("halldesk"), monday.addDays(3), plain);
        QVERIFY(!accepted.warnNow);
        QCOMPARE(accepted.acceptedReference, QStringLiteral("Risk acceptance 2026-041, signed by the hall manager"));
        QCOMPARE(warnings(), 3);
        protection.setAcceptance({}, std::nullopt, QStringLiteral("T01"));
        QVERIFY(protection.checkVolume(QStringLiteral("halldesk"), monday.addDays(3), plain).warnNow);
        QCOMPARE(Sql::scalar(store->connection(),
                             QStringLiteral("SELECT group_concat(action, ',') FROM (SELECT action FROM audit_log WHERE "
                                            "action LIKE 'security.unencrypted_volume_%' ORDER BY id)"))
                     .toString(),
                 QStringLiteral("security.unencrypted_volume_accepted,security.unencrypted_volume_withdrawn"));
        QVERIFY(AuditLog::verify(store->connection()).ok);
    }

    // halldeskctl: the warning on stderr once a day; accept-risk only for an administrator.
    void theCommandLine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
        QVERIFY(Test::runCli({QStringLiteral("demo"), QStringLiteral("--db"), path, QStringLiteral("--accounts"),
                              QStringLiteral("20")})
                    .exitCode
                == 0);
        const QStringList status{QStringLiteral("security"), QStringLiteral("status"), QStringLiteral("--db"), path};
        const Test::CliRun first = Test::runCli(status);
        QCOMPARE(first.exitCode, 0);
        const bool encrypted = first.json().value(QStringLiteral("encrypted")).toBool();
        QCOMPARE(first.err.contains("not on an encrypted disk"), !encrypted);
        QVERIFY2(!Test::runCli(status).err.contains("not on an encrypted disk"), "warned twice in one day");

        QProcessEnvironment env;
        env.insert(QStringLiteral("HALLDESK_PASSWORD"), QStringLiteral("demo1234"));
        const QStringList accept{
            QStringLiteral("security"),    QStringLiteral("accept-risk"),       QStringLiteral("--db"),      path,
            QStringLiteral("--reference"), QStringLiteral("letter 2026-12-04"), QStringLiteral("--operator")};
        const Test::CliRun clerk = Test::runCli(accept + QStringList{QStringLiteral("clerk01")}, env);
        QCOMPARE(clerk.exitCode, 2);
        QVERIFY2(clerk.err.contains("administrator"), clerk.err.constData());
        const Test::CliRun admin = Test::runCli(accept + QStringList{QStringLiteral("admin01")}, env);
        QVERIFY2(admin.exitCode == 0, admin.err.constData());
        QCOMPARE(admin.json().value(QStringLiteral("accepted_reference")).toString(),
                 QStringLiteral("letter 2026-12-04"));
    }
};

QTEST_GUILESS_MAIN(TestEncryptedVolume)
#include "TestEncryptedVolume.moc"
