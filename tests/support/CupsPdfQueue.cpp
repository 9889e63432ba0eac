#include "tests/support/CupsPdfQueue.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>
#include <pwd.h>
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

bool schedulerRunning()
{
    return run(QStringLiteral("lpstat"), {QStringLiteral("-r")}).out.contains(QLatin1String("scheduler is running"));
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

bool CupsPdfQueue::ensure(QString* error)
{
    for (const char* tool : {"lpstat", "lpadmin", "lpinfo"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty()
            && !QFileInfo::exists(QStringLiteral("/usr/sbin/") + QString::fromLatin1(tool))) {
            *error = QStringLiteral("%1 is missing: install cups, cups-client and printer-driver-cups-pdf "
                                    "(scripts/deps.sh)")
                         .arg(QString::fromLatin1(tool));
            return false;
        }
    }
    if (!schedulerRunning()) {
        // cupsd daemonizes itself; it needs root to bind its socket and run the cups-pdf backend.
        const Result started = run(QStringLiteral("/usr/sbin/cupsd"), {});
        for (int i = 0; i < 50 && !schedulerRunning(); ++i) {
            QThread::msleep(200);
        }
        if (!schedulerRunning()) {
            *error = QStringLiteral("the CUPS scheduler is not running and cupsd could not be started (%1): %2")
                         .arg(geteuid() == 0 ? QStringLiteral("as root") : QStringLiteral("not root"), started.out);
            return false;
        }
    }
    const QString queue = QString::fromLatin1(kQueue);
    if (run(QStringLiteral("lpstat"), {QStringLiteral("-v"), queue}).exitCode != 0) {
        const Result models = run(QStringLiteral("lpinfo"), {QStringLiteral("-m")});
        static const QRegularExpression cupsPdf(QStringLiteral("^(\\S*CUPS-PDF_opt\\.ppd)"),
                                                QRegularExpression::MultilineOption);
        const QRegularExpressionMatch model = cupsPdf.match(models.out);
        if (!model.hasMatch()) {
            *error = QStringLiteral("no cups-pdf driver among the CUPS models: install printer-driver-cups-pdf");
            return false;
        }
        const Result added = run(QStringLiteral("lpadmin"),
                                 {QStringLiteral("-p"), queue, QStringLiteral("-E"), QStringLiteral("-v"),
                                  QStringLiteral("cups-pdf:/"), QStringLiteral("-m"), model.captured(1)});
        if (added.exitCode != 0) {
            *error = QStringLiteral("lpadmin could not add %1: %2").arg(queue, added.out);
            return false;
        }
    }
    run(QStringLiteral("cupsenable"), {queue});
    run(QStringLiteral("cupsaccept"), {queue});
    return true;
}

QStringList CupsPdfQueue::outputFolders() const
{
    // cups-pdf writes to "Out" of /etc/cups/cups-pdf.conf (Debian: ${HOME}/PDF of the job's user) or, for jobs
    // without a known user, to AnonDirName.
    QString out = QStringLiteral("${HOME}/PDF");
    QString anonymous = QStringLiteral("/var/spool/cups-pdf/ANONYMOUS");
    QFile conf(QStringLiteral("/etc/cups/cups-pdf.conf"));
    if (conf.open(QIODevice::ReadOnly)) {
        for (const QString& line : QString::fromLocal8Bit(conf.readAll()).split(QLatin1Char('\n'))) {
            const QString l = line.trimmed();
            if (l.startsWith(QLatin1String("Out "))) {
                out = l.mid(4).trimmed();
            } else if (l.startsWith(QLatin1String("AnonDirName "))) {
                anonymous = l.mid(12).trimmed();
            }
        }
    }
    QStringList folders;
    const passwd* user = getpwuid(geteuid());
    if (user) {
        folders << QString(out)
                       .replace(QLatin1String("${HOME}"), QString::fromLocal8Bit(user->pw_dir))
                       .replace(QLatin1String("${USER}"), QString::fromLocal8Bit(user->pw_name));
    }
    folders << anonymous;
    return folders;
}

QString CupsPdfQueue::waitForOutput(const QString& title, const QDateTime& since, int timeoutMs, QString* error) const
{
    const QStringList folders = outputFolders();
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
                   tail(QStringLiteral("/var/log/cups/error_log"), 20));
    return {};
}

} // namespace HallDesk::Test
