// SPDX-License-Identifier: GPL-3.0-or-later
#include "filetransfers.h"

namespace confab::server {

FileTransfers::FileTransfers(BlobStore blobs, qint64 maxUploadBytes, bool keepExif, QObject *parent)
    : QObject(parent), m_blobs(std::move(blobs)), m_maxUploadBytes(maxUploadBytes), m_keepExif(keepExif)
{
    // Two threads: disk writes and hashing overlap with each other and with the network, and a
    // burst of uploads queues here instead of taking every core.
    m_pool.setMaxThreadCount(2);
    m_pool.setExpiryTimeout(30000);
}

FileTransfers::~FileTransfers() { waitForDone(); }

std::shared_ptr<UploadSpool> FileTransfers::newFileSpool()
{
    return UploadSpool::create(m_blobs.newTempPath(), UploadSpool::Mode::NewFile, m_pool, this);
}

std::shared_ptr<UploadSpool> FileTransfers::resumeSpool(const QString &uploadId)
{
    return UploadSpool::create(m_blobs.uploadPath(uploadId), UploadSpool::Mode::Append, m_pool, this);
}

void FileTransfers::inspect(const QString &path, bool computeHash, std::function<void(Inspection, QString)> done)
{
    InspectOptions options;
    options.computeHash = computeHash;
    options.stripExif = !m_keepExif;
    options.thumbnailPath = m_blobs.newTempPath() + QStringLiteral(".jpg");
    m_pool.start([this, path, options, done = std::move(done)]() mutable {
        Inspection result = FileInspector::inspect(path, options);
        const QString thumbnail = result.hasThumbnail ? options.thumbnailPath : QString();
        QMetaObject::invokeMethod(
            this, [done = std::move(done), result = std::move(result), thumbnail] { done(result, thumbnail); },
            Qt::QueuedConnection);
    });
}

void FileTransfers::waitForDone() { m_pool.waitForDone(); }

} // namespace confab::server
