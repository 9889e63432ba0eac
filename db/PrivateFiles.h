#pragma once

#include "db/StoreError.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace HallDesk::PrivateFiles {

// Files with customers' personal data (the store and its -wal and -shm, receipts and other PDFs, exports) are
// readable and writable by their owner only (0600), and the folders HallDesk makes for them are 0700, whatever
// the process umask (docs/security.md).
constexpr unsigned kFileMode = 0600;
constexpr unsigned kFolderMode = 0700;

// Creates an empty file with mode 0600; a file that exists already is an error (O_EXCL). Throws StoreError.
void createFile(const QString& path);

// Makes a folder and its missing parents with mode 0700; folders that exist are left as they are. Throws
// StoreError.
void makeFolder(const QString& path);

// Writes `bytes` to `path` through a temporary file in the same folder that is 0600 from the start and renamed
// over `path` when complete (an existing file's mode is not kept). Returns false and sets *error on failure.
bool writeFile(const QString& path, const QByteArray& bytes, QString* error);

// The permission bits of a file or folder (st_mode & 07777), or -1 when it does not exist.
int mode(const QString& path);

// A store file that others could read or write, and what was done about it.
struct Exposure
{
    QString path;
    int before = 0; // its mode when found
    bool fixed = false; // chmod 0600 worked (we own it)
    QString error; // why not, when not fixed
};

// Looks at a store and its -wal, -shm and -journal files. Any that grants group or others any access is changed
// to 0600; each one found is returned, fixed or not.
QList<Exposure> restrictStoreFiles(const QString& storePath);

// "0644" for messages and audit entries.
QString modeText(int mode);

} // namespace HallDesk::PrivateFiles
