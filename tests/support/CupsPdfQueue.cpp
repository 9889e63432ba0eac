#include "tests/support/CupsPdfQueue.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>
#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace HallDesk::Test {

namespace {

struct Result
{
    int exitCode = -1;
    QString out;
};

Result run(const QString& program, const QStringList& args, int timeoutMs = 30000)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    if (!process.waitForStarted(5000)) {
        return {-1, QStringLiteral("%1 did not start: %2").arg(program, process.errorString())};
    }
    process.waitForFinished(timeoutMs);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromLocal8Bit(process.readAll())};
}

// cups-pdf reads its settings only from /etc/cups: cups-pdf-<name>.conf for the device URI cups-pdf:/<name>. Each
// test process has its own name, so its PDFs go to its own folder and the machine's cups-pdf.conf stays as it is.
const QString kCupsPdfPrefix = QStringLiteral("/etc/cups/cups-pdf-halldesk-test-");

bool schedulerRunning()
{
    return run(QStringLiteral("lpstat"), {QStringLiteral("-r")}).out.contains(QLatin1String("scheduler is running"));
}

bool processGone(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return 0;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        port = ntohs(address.sin_port);
    }
    ::close(fd);
    return port;
}

bool writeFile(const QString& path, const QByteArray& text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

QString tail(const QString& path, int lines)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QStringList all = QString::fromLocal8Bit(file.readAll()).split(QLatin1Char('\n'));
    return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(QLatin1Char('\n'));
}

} // namespace

CupsPdfQueue::CupsPdfQueue() = default;

CupsPdfQueue::~CupsPdfQueue()
{
    stop();
}

QString CupsPdfQueue::path(const QString& name) const
{
    return m_dir->filePath(name);
}

QString CupsPdfQueue::socketPath() const
{
    return m_dir ? path(QStringLiteral("cups.sock")) : QString();
}

QString CupsPdfQueue::cupsPdfConfig() const
{
    return kCupsPdfPrefix + QString::number(QCoreApplication::applicationPid()) + QStringLiteral(".conf");
}

void CupsPdfQueue::reapAbandoned()
{
    // A test killed by its timeout (or by hand) never ran the destructor. Its cupsd died with it (parent-death
    // signal), unless the kernel could not deliver that: stop it by its recorded pid, then remove its folder and its
    // cups-pdf settings.
    const QDir temp(QDir::tempPath());
    const QStringList dirs
        = temp.entryList({QStringLiteral("halldesk-cups-*")}, QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks);
    for (const QString& name : dirs) {
        const QString dir = temp.filePath(name);
        QFile ownerFile(dir + QStringLiteral("/owner.pid"));
        if (!ownerFile.open(QIODevice::ReadOnly) || !processGone(ownerFile.readAll().trimmed().toLongLong())) {
            continue;
        }
        QFile cupsdFile(dir + QStringLiteral("/cupsd.pid"));
        if (cupsdFile.open(QIODevice::ReadOnly)) {
            const qint64 cupsd = cupsdFile.readAll().trimmed().toLongLong();
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(cupsd));
            // only a cupsd started with this folder's settings, not a process that reused the pid
            if (cupsd > 0 && cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(dir.toLocal8Bit())) {
                ::kill(pid_t(cupsd), SIGKILL);
            }
        }
        QDir(dir).removeRecursively();
    }
    const QFileInfoList configs = QDir(QStringLiteral("/etc/cups"))
                                      .entryInfoList({QStringLiteral("cups-pdf-halldesk-test-*.conf")}, QDir::Files);
    for (const QFileInfo& config : configs) {
        const QString pid = config.completeBaseName().section(QLatin1Char('-'), -1);
        if (processGone(pid.toLongLong())) {
            QFile::remove(config.absoluteFilePath());
        }
    }
}

bool CupsPdfQueue::start(QString* error)
{
    reapAbandoned();
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/halldesk-cups-XXXXXX"));
    if (!m_dir->isValid()) {
        *error = QStringLiteral("cannot create a temporary folder for cupsd: %1").arg(m_dir->errorString());
        return false;
    }
    // Every CUPS client of this process (QPrinter through libcups, lpstat, lpadmin) talks to this cupsd only, even
    // when it fails to start.
    qputenv("CUPS_SERVER", socketPath().toLocal8Bit());
    // cupsd runs its filters as lp: they must reach the spool and the temporary files below this folder.
    QFile::setPermissions(m_dir->path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                              | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                              | QFileDevice::ExeOther);
    for (const char* sub : {"etc", "etc/ppd", "spool", "spool/tmp", "cache", "state", "log", "pdf", "pdf-spool"}) {
        QDir().mkpath(path(QString::fromLatin1(sub)));
    }
    writeFile(path(QStringLiteral("owner.pid")), QByteArray::number(QCoreApplication::applicationPid()) + '\n');
    m_port = freeLoopbackPort();
    if (m_port == 0) {
        *error = QStringLiteral("no free loopback port for cupsd");
        return false;
    }
    const QByteArray root = m_dir->path().toLocal8Bit();
    const QByteArray files = "ServerRoot " + root + "/etc\nRequestRoot " + root + "/spool\nTempDir " + root
        + "/spool/tmp\nCacheDir " + root + "/cache\nStateDir " + root + "/state\nErrorLog " + root
        + "/log/error_log\nAccessLog " + root + "/log/access_log\nPageLog " + root
        + "/log/page_log\nUser lp\nGroup lp\nSystemGroup root\nFileDevice No\n";
    const QByteArray conf = "Listen " + root + "/cups.sock\nListen 127.0.0.1:" + QByteArray::number(m_port)
        + "\nLogLevel info\nBrowsing No\nBrowseLocalProtocols none\nDefaultAuthType None\n"
          "WebInterface No\nIdleExitTimeout 0\n"
          "<Location />\n  Order allow,deny\n  Allow localhost\n</Location>\n"
          "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n";
    const QByteArray cupsPdf = "Out " + root + "/pdf\nAnonDirName " + root + "/pdf\nSpool " + root + "/pdf-spool\nLog "
        + root + "/log\nLogType 3\n";
    if (!writeFile(path(QStringLiteral("etc/cups-files.conf")), files)
        || !writeFile(path(QStringLiteral("etc/cupsd.conf")), conf) || !writeFile(cupsPdfConfig(), cupsPdf)) {
        *error = QStringLiteral("cannot write the settings of the test's cupsd (as root?)");
        return false;
    }

    m_cupsd = std::make_unique<QProcess>();
    m_cupsd->setProcessChannelMode(QProcess::MergedChannels);
    m_cupsd->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_cupsd->start(QStringLiteral("/usr/sbin/cupsd"),
                   {QStringLiteral("-f"), QStringLiteral("-c"), path(QStringLiteral("etc/cupsd.conf")),
                    QStringLiteral("-s"), path(QStringLiteral("etc/cups-files.conf"))});
    if (!m_cupsd->waitForStarted(5000)) {
        *error = QStringLiteral("cupsd did not start: %1").arg(m_cupsd->errorString());
        return false;
    }
    writeFile(path(QStringLiteral("cupsd.pid")), QByteArray::number(m_cupsd->processId()) + '\n');
    for (int i = 0; i < 50 && !schedulerRunning() && m_cupsd->state() == QProcess::Running; ++i) {
        QThread::msleep(200);
    }
    if (!schedulerRunning()) {
        m_cupsd->waitForFinished(100);
        *error = QStringLiteral("the test's cupsd is not running (%1): %2\n%3")
                     .arg(geteuid() == 0 ? QStringLiteral("as root") : QStringLiteral("not root"),
                          QString::fromLocal8Bit(m_cupsd->readAll()), tail(path(QStringLiteral("log/error_log")), 20));
        return false;
    }
    return true;
}

void CupsPdfQueue::stop()
{
    if (m_cupsd && m_cupsd->state() != QProcess::NotRunning) {
        m_cupsd->terminate();
        if (!m_cupsd->waitForFinished(10000)) {
            m_cupsd->kill();
            m_cupsd->waitForFinished(5000);
        }
    }
    m_cupsd.reset();
    if (m_dir) {
        QFile::remove(cupsPdfConfig());
    }
    m_dir.reset();
}

bool CupsPdfQueue::ensure(QString* error)
{
    if (m_cupsd && m_cupsd->state() == QProcess::Running) {
        return true;
    }
    for (const char* tool : {"lpstat", "lpadmin", "lpinfo"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty()
            && !QFileInfo::exists(QStringLiteral("/usr/sbin/") + QString::fromLatin1(tool))) {
            *error = QStringLiteral("%1 is missing: install cups, cups-client and printer-driver-cups-pdf "
                                    "(scripts/deps.sh)")
                         .arg(QString::fromLatin1(tool));
            return false;
        }
    }
    if (!start(error)) {
        return false;
    }
    const QString queue = QString::fromLatin1(kQueue);
    const Result models = run(QStringLiteral("lpinfo"), {QStringLiteral("-m")});
    static const QRegularExpression cupsPdf(QStringLiteral("^(\\S*CUPS-PDF_opt\\.ppd)"),
                                            QRegularExpression::MultilineOption);
    const QRegularExpressionMatch model = cupsPdf.match(models.out);
    if (!model.hasMatch()) {
        *error = QStringLiteral("no cups-pdf driver among the CUPS models: install printer-driver-cups-pdf\n%1")
                     .arg(models.out);
        return false;
    }
    const QString device = QStringLiteral("cups-pdf:/") + QFileInfo(cupsPdfConfig()).completeBaseName().mid(9);
    const Result added = run(QStringLiteral("lpadmin"),
                             {QStringLiteral("-p"), queue, QStringLiteral("-E"), QStringLiteral("-v"), device,
                              QStringLiteral("-m"), model.captured(1)});
    if (added.exitCode != 0) {
        *error = QStringLiteral("lpadmin could not add %1: %2").arg(queue, added.out);
        return false;
    }
    run(QStringLiteral("cupsenable"), {queue});
    run(QStringLiteral("cupsaccept"), {queue});
    return true;
}

QString CupsPdfQueue::waitForOutput(const QString& title, const QDateTime& since, int timeoutMs, QString* error) const
{
    const QStringList folders{path(QStringLiteral("pdf"))};
    for (int waited = 0; waited <= timeoutMs; waited += 250) {
        for (const QString& folder : folders) {
            QDirIterator it(folder, {QStringLiteral("*.pdf")}, QDir::Files);
            while (it.hasNext()) {
                const QFileInfo file(it.next());
                // cups-pdf builds the name from the job title; a file still being written is not ready.
                if (file.fileName().contains(title) && file.lastModified() >= since.addSecs(-1) && file.size() > 0
                    && file.lastModified().msecsTo(QDateTime::currentDateTime()) > 300) {
                    return file.absoluteFilePath();
                }
            }
        }
        QThread::msleep(250);
    }
    *error
        = QStringLiteral("no PDF for job \"%1\" in %2 after %3 ms.\njobs: %4\nCUPS log:\n%5")
              .arg(title, folders.join(QStringLiteral(", ")))
              .arg(timeoutMs)
              .arg(run(QStringLiteral("lpstat"),
                       {QStringLiteral("-W"), QStringLiteral("all"), QStringLiteral("-o"), QString::fromLatin1(kQueue)})
                       .out,
                   tail(path(QStringLiteral("log/error_log")), 20));
    return {};
}

} // namespace HallDesk::Test
