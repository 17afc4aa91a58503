// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "blobstore.h"
#include "fileinspector.h"
#include "uploadspool.h"

#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace confab::server {

// The disk side of uploads and downloads, for the network thread: spools that stream bodies to
// disk, and inspection (type detection, hashing) on a small bounded pool of its own, so big files
// never hold up the network thread or the storage thread.
class FileTransfers : public QObject {
    Q_OBJECT
public:
    FileTransfers(BlobStore blobs, qint64 maxUploadBytes, bool keepExif, QObject *parent = nullptr);
    ~FileTransfers() override;

    const BlobStore &blobs() const { return m_blobs; }
    qint64 maxUploadBytes() const { return m_maxUploadBytes; }

    std::shared_ptr<UploadSpool> newFileSpool();                       // a temp file
    std::shared_ptr<UploadSpool> resumeSpool(const QString &uploadId); // an upload's file
    // Runs the inspection on the pool (type, EXIF strip unless kept, thumbnail into tmp/);
    // `done` is called on this object's thread with the inspection and the thumbnail's path.
    void inspect(const QString &path, bool computeHash, std::function<void(Inspection, QString thumbnail)> done);
    // Finishes pool work (before the storage it reports to stops).
    void waitForDone();

private:
    BlobStore m_blobs;
    qint64 m_maxUploadBytes;
    bool m_keepExif;
    QThreadPool m_pool;
};

} // namespace confab::server
