#include "db/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace HallDesk::PrivateFiles {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("HallDesk::PrivateFiles", text); // the context lupdate gives this namespace
}

QString systemError(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

// write() until done, retrying after signals.
bool writeAll(int fd, const QByteArray& bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, std::size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        done += n;
    }
    return true;
}

} // namespace

void createFile(const QString& path)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kFileMode);
    if (fd < 0) {
        throw StoreError(tr("Cannot create %1: %2").arg(path, systemError(errno)));
    }
    // the umask may have taken bits away (or, at 0000, given none): set the mode itself
    const bool ok = ::fchmod(fd, kFileMode) == 0;
    const int code = errno;
    ::close(fd);
    if (!ok) {
        throw StoreError(tr("Cannot make %1 private: %2").arg(path, systemError(code)));
    }
}

void makeFolder(const QString& path)
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QStringList missing;
    for (QString folder = absolute; !QFileInfo::exists(folder); folder = QFileInfo(folder).path()) {
        missing.prepend(folder);
        if (folder == QFileInfo(folder).path()) {
            break;
        }
    }
    for (const QString& folder : std::as_const(missing)) {
        const QByteArray name = QFile::encodeName(folder);
        if (::mkdir(name.constData(), kFolderMode) != 0 && errno != EEXIST) {
            throw StoreError(tr("Cannot create the folder %1: %2").arg(folder, systemError(errno)));
        }
        if (::chmod(name.constData(), kFolderMode) != 0) {
            throw StoreError(tr("Cannot make the folder %1 private: %2").arg(folder, systemError(errno)));
        }
    }
    if (!QFileInfo(absolute).isDir()) {
        throw StoreError(tr("%1 is not a folder.").arg(absolute));
    }
}

bool writeFile(const QString& path, const QByteArray& bytes, QString* error)
{
    const QFileInfo info(path);
    QByteArray temporary
        = QFile::encodeName(info.absolutePath() + QStringLiteral("/.") + info.fileName() + QStringLiteral(".XXXXXX"));
    const int fd = ::mkostemp(temporary.data(), O_CLOEXEC); // 0600 whatever the umask
    if (fd < 0) {
        *error = systemError(errno);
        return false;
    }
    int code = 0;
    if (::fchmod(fd, kFileMode) != 0 || !writeAll(fd, bytes) || ::fsync(fd) != 0) {
        code = errno != 0 ? errno : EIO;
    }
    if (::close(fd) != 0 && code == 0) {
        code = errno;
    }
    if (code == 0 && ::rename(temporary.constData(), QFile::encodeName(path).constData()) != 0) {
        code = errno;
    }
    if (code != 0) {
        ::unlink(temporary.constData());
        *error = systemError(code);
        return false;
    }
    return true;
}

int mode(const QString& path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        return -1;
    }
    return int(info.st_mode & 07777);
}

QList<Exposure> restrictStoreFiles(const QString& storePath)
{
    QList<Exposure> found;
    for (const QString& suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        const QString path = storePath + suffix;
        const int current = mode(path);
        if (current < 0 || (current & 077) == 0) {
            continue;
        }
        Exposure exposure{path, current, false, {}};
        if (::chmod(QFile::encodeName(path).constData(), kFileMode) == 0) {
            exposure.fixed = true;
        } else {
            exposure.error = systemError(errno);
        }
        found.append(exposure);
    }
    return found;
}

QString modeText(int mode)
{
    return QStringLiteral("%1").arg(mode, 4, 8, QLatin1Char('0'));
}

} // namespace HallDesk::PrivateFiles
