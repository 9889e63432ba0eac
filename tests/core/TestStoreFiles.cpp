#include "app/audit/AuditLog.h"
#include "app/demo/DemoGenerator.h"
#include "app/documents/PdfRenderer.h"
#include "app/security/StoreProtection.h"
#include "db/PrivateFiles.h"
#include "db/Sql.h"
#include "db/Store.h"
#include "tests/support/Cli.h"
#include "ui/print/DocumentPrinter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace HallDesk;

// Every file HallDesk writes with personal data is 0600 and every folder it makes 0700, under umask 022 and 000
// (docs/security.md); a store that other users can read is made private when opened and the change is audited;
// one that HallDesk cannot change (another user's) is refused with the command that fixes it.
class TestStoreFiles : public QObject
{
    Q_OBJECT

private:
    static int mode(const QString& path) { return PrivateFiles::mode(path); }

    // Runs the test body under `mask` and puts the previous umask back.
    struct Umask
    {
        explicit Umask(mode_t mask)
            : m_before(::umask(mask))
        {
        }
        ~Umask() { ::umask(m_before); }
        mode_t m_before;
    };

    static Document smallDocument()
    {
        Document document;
        document.title = QStringLiteral("receipt");
        document.blocks.append(TextBlock{QStringLiteral("张三 3310027614"), Align::Left, TextSize::Body, false});
        return document;
    }

    static void umasks()
    {
        QTest::addColumn<int>("mask");
        QTest::addRow("umask 022") << 022;
        QTest::addRow("umask 000") << 0;
    }

private Q_SLOTS:
    void storeWalAndShmArePrivate_data() { umasks(); }
    void storeWalAndShmArePrivate()
    {
        QFETCH(int, mask);
        const Umask umask(mode_t(mask & 0777));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h01.sqlite"));
        auto store = Store::open(path, Store::OpenMode::CreateIfMissing);
        store->setSetting(QStringLiteral("test.key"), QStringLiteral("value")); // the WAL and its index are in use
        QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
        QVERIFY(QFile::exists(path + QStringLiteral("-shm")));
        QCOMPARE(mode(path), 0600);
        QCOMPARE(mode(path + QStringLiteral("-wal")), 0600);
        QCOMPARE(mode(path + QStringLiteral("-shm")), 0600);
        QVERIFY(store->permissionFixes().isEmpty());
    }

    void demoStoreIsPrivate_data() { umasks(); }
    void demoStoreIsPrivate()
    {
        QFETCH(int, mask);
        const Umask umask(mode_t(mask & 0777));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
        const Test::CliRun demo = Test::runCli(
            {QStringLiteral("demo"), QStringLiteral("--db"), path, QStringLiteral("--accounts"), QStringLiteral("50")});
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
        QCOMPARE(mode(path), 0600);
        for (const QString& entry : QDir(dir.path()).entryList(QDir::Files | QDir::Hidden)) {
            QVERIFY2(mode(dir.filePath(entry)) == 0600, qPrintable(entry));
        }
    }

    void pdfsArePrivate_data() { umasks(); }
    void pdfsArePrivate()
    {
        QFETCH(int, mask);
        const Umask umask(mode_t(mask & 0777));
        QTemporaryDir dir;
        // libharu's PDF (halldeskctl receipt --pdf, settle --pdf): new, and over an existing file others could read
        const QString receipt = dir.filePath(QStringLiteral("receipt.pdf"));
        PdfRenderer::writeFile(smallDocument(), receipt);
        QCOMPARE(mode(receipt), 0600);
        QFile::setPermissions(receipt, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        PdfRenderer::writeFile(smallDocument(), receipt);
        QCOMPARE(mode(receipt), 0600);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("receipt.pdf")});
        // Qt's PDF printer (the print dialog's "save as PDF")
        const QString printed = dir.filePath(QStringLiteral("printed.pdf"));
        DocumentPrinter::printToPdf(smallDocument(), printed);
        QCOMPARE(mode(printed), 0600);
        QVERIFY(QFileInfo(printed).size() > 0);
        QFile::setPermissions(printed, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        DocumentPrinter::printToPdf(smallDocument(), printed);
        QCOMPARE(mode(printed), 0600);
    }

    void foldersArePrivate_data() { umasks(); }
    void foldersArePrivate()
    {
        QFETCH(int, mask);
        const Umask umask(mode_t(mask & 0777));
        QTemporaryDir dir;
        QVERIFY(QFile::setPermissions(dir.path(),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                          | QFileDevice::ReadOther | QFileDevice::ExeOther));
        const QString deep = dir.filePath(QStringLiteral("share/HallDesk"));
        PrivateFiles::makeFolder(deep);
        QCOMPARE(mode(dir.filePath(QStringLiteral("share"))), 0700);
        QCOMPARE(mode(deep), 0700);
        QCOMPARE(mode(dir.path()), 0705); // a folder that existed is left as it was
    }

    // halldeskctl init and demo make the store's missing folders 0700 (a real installation's /var/lib/halldesk/…).
    void initAndDemoMakeTheirFolders_data() { umasks(); }
    void initAndDemoMakeTheirFolders()
    {
        QFETCH(int, mask);
        const Umask umask(mode_t(mask & 0777));
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("var/lib/halldesk/h01.sqlite"));
        QProcessEnvironment env;
        env.insert(QStringLiteral("HALLDESK_PASSWORD"), QStringLiteral("Admin-pass-1234"));
        const Test::CliRun init = Test::runCli(
            {QStringLiteral("init"), QStringLiteral("--db"), store, QStringLiteral("--hall"), QStringLiteral("H01"),
             QStringLiteral("--hall-name"), QStringLiteral("城东"), QStringLiteral("--terminal"), QStringLiteral("T01"),
             QStringLiteral("--admin"), QStringLiteral("boss01")},
            env);
        QVERIFY2(init.exitCode == 0, init.err.constData());
        QCOMPARE(mode(dir.filePath(QStringLiteral("var"))), 0700);
        QCOMPARE(mode(dir.filePath(QStringLiteral("var/lib/halldesk"))), 0700);
        QCOMPARE(mode(store), 0600);
        const QString demo = dir.filePath(QStringLiteral("home/.local/share/HallDesk/demo.sqlite"));
        const Test::CliRun made = Test::runCli(
            {QStringLiteral("demo"), QStringLiteral("--db"), demo, QStringLiteral("--accounts"), QStringLiteral("20")});
        QVERIFY2(made.exitCode == 0, made.err.constData());
        QCOMPARE(mode(QFileInfo(demo).path()), 0700);
        QCOMPARE(mode(demo), 0600);
    }

    // Decision (docs/security.md): fixed and audited, not refused.
    void aStoreOthersCanReadIsMadePrivateAndAudited()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        {
            auto store = Store::open(path, Store::OpenMode::CreateIfMissing);
            store->setSetting(QStringLiteral("terminal.code"), QStringLiteral("T01"));
        }
        // as every store made before this version: world-readable, and a WAL left behind by a crash
        QVERIFY(QFile::setPermissions(
            path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        QFile wal(path + QStringLiteral("-wal"));
        QVERIFY(wal.open(QIODevice::WriteOnly));
        wal.close();
        QVERIFY(QFile::setPermissions(wal.fileName(),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther
                                          | QFileDevice::WriteOther));
        QCOMPARE(mode(path), 0644);

        const Test::CliRun verify
            = Test::runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), path});
        QVERIFY2(verify.exitCode == 0, verify.err.constData());
        QCOMPARE(mode(path), 0600);
        if (QFile::exists(wal.fileName())) {
            QCOMPARE(mode(wal.fileName()), 0600);
        }

        auto store = Store::open(path);
        QVERIFY(store->permissionFixes().isEmpty()); // nothing left to fix
        QSqlQuery query = Sql::exec(store->connection(),
                                    QStringLiteral("SELECT details, terminal_code FROM audit_log WHERE action = "
                                                   "'store.permissions_fixed'"));
        QVERIFY(query.next());
        const QJsonArray files = QJsonDocument::fromJson(query.value(0).toString().toUtf8())
                                     .object()
                                     .value(QStringLiteral("files"))
                                     .toArray();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.at(0).toObject().value(QStringLiteral("file")).toString(), path);
        QCOMPARE(files.at(0).toObject().value(QStringLiteral("was")).toString(), QStringLiteral("0644"));
        QCOMPARE(files.at(1).toObject().value(QStringLiteral("was")).toString(), QStringLiteral("0606"));
        QCOMPARE(query.value(1).toString(), QStringLiteral("T01"));
        QVERIFY(!query.next());
        QVERIFY(AuditLog::verify(store->connection()).ok);
    }

    // A store of another user that others can read: HallDesk cannot chmod it, so it refuses and says how to fix it.
    void aStoreThatCannotBeMadePrivateIsRefused()
    {
        if (::geteuid() != 0) {
            QSKIP("needs root to make a store owned by another user");
        }
        QTemporaryDir dir;
        QVERIFY(QFile::setPermissions(dir.path(),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                          | QFileDevice::ReadOther | QFileDevice::ExeOther));
        const QString path = dir.filePath(QStringLiteral("root.sqlite"));
        Store::open(path, Store::OpenMode::CreateIfMissing).reset();
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        QProcess process;
        process.start(QStringLiteral("runuser"),
                      {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"),
                       QStringLiteral(HALLDESKCTL_PATH), QStringLiteral("audit"), QStringLiteral("verify"),
                       QStringLiteral("--db"), path});
        QVERIFY(process.waitForFinished(60000));
        const QByteArray err = process.readAllStandardError();
        QCOMPARE(process.exitCode(), 1);
        QVERIFY2(err.contains("Other users of this computer can read the store") && err.contains("chmod 600"),
                 err.constData());
        QCOMPARE(mode(path), 0604); // untouched
    }
};

QTEST_MAIN(TestStoreFiles)
#include "TestStoreFiles.moc"
