// SPDX-License-Identifier: GPL-3.0-or-later
#include "blobstore.h"

#include "core/ids.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace confab::server {

BlobStore::BlobStore(QString root) : m_root(QDir::cleanPath(std::move(root))) {}

bool BlobStore::prepare(QString *error) const
{
    QDir dir(m_root);
    for (const char *sub : {"tmp", "uploads", "thumbs"}) {
        if (!dir.mkpath(QString::fromLatin1(sub))) {
            *error = QStringLiteral("cannot create %1/%2").arg(m_root, QString::fromLatin1(sub));
            return false;
        }
    }
    // Whatever is in tmp/ belonged to a request that never finished: nothing refers to it.
    QDir tmp(m_root + QStringLiteral("/tmp"));
    for (const QString &name : tmp.entryList(QDir::Files | QDir::Hidden))
        tmp.remove(name);
    return true;
}

namespace {
// A rename is durable once its folder is on disk (the file's bytes were synced by UploadSpool).
bool syncFolder(const QString &folder, QString *error)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    const bool ok = fd >= 0 && ::fsync(fd) == 0;
    if (!ok)
        *error = QStringLiteral("cannot sync %1: %2").arg(folder, QString::fromLocal8Bit(std::strerror(errno)));
    if (fd >= 0)
        ::close(fd);
    return ok;
}

// "ab/cdef...": 256 folders, so no folder grows to millions of entries.
QString shardedName(const QString &sha256) { return sha256.left(2) + QLatin1Char('/') + sha256.mid(2); }
} // namespace

QString BlobStore::blobPath(const QString &sha256) const { return m_root + QLatin1Char('/') + shardedName(sha256); }

QString BlobStore::thumbnailPath(const QString &sha256) const
{
    return m_root + QStringLiteral("/thumbs/") + shardedName(sha256);
}

QString BlobStore::relativePath(const QString &absolute) const { return QDir(m_root).relativeFilePath(absolute); }

QString BlobStore::absolutePath(const QString &relative) const { return m_root + QLatin1Char('/') + relative; }

QString BlobStore::newTempPath() const { return m_root + QStringLiteral("/tmp/") + RandomIdGenerator().newId(u"t"); }

QString BlobStore::uploadPath(const QString &uploadId) const { return m_root + QStringLiteral("/uploads/") + uploadId; }

bool BlobStore::adopt(const QString &tempPath, const QString &sha256, QString *error) const
{
    const QString target = blobPath(sha256);
    if (QFileInfo::exists(target)) {
        QFile::remove(tempPath); // the same bytes are stored already
        return true;
    }
    if (!QDir().mkpath(QFileInfo(target).path())) {
        *error = QStringLiteral("cannot create the folder for %1").arg(target);
        return false;
    }
    // Same file system: a rename, atomic, no copy.
    if (!QFile::rename(tempPath, target)) {
        *error = QStringLiteral("cannot move the upload into %1").arg(target);
        return false;
    }
    return syncFolder(QFileInfo(target).path(), error);
}

void BlobStore::removeBlob(const QString &sha256) const
{
    QFile::remove(blobPath(sha256));
    QFile::remove(thumbnailPath(sha256));
}

bool BlobStore::hasBlob(const QString &sha256) const { return QFileInfo::exists(blobPath(sha256)); }

} // namespace confab::server
