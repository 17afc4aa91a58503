// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace confab::server {

// Where the bytes of stored files live on disk, under <data-dir>/files:
//   ab/cdef...       a file's bytes, named by their SHA-256 (the same bytes are stored once)
//   thumbs/ab/...    thumbnails, named by the SHA-256 of the original
//   tmp/             uploads being received; removed on failure and emptied at start-up
//   uploads/<id>     resumable uploads in progress, until finished or expired
// Stateless apart from its root: usable from any thread.
class BlobStore {
public:
    explicit BlobStore(QString root);

    // Creates the folders and empties tmp/ (what a crash left behind). False with a message.
    bool prepare(QString *error) const;

    const QString &root() const { return m_root; }
    QString blobPath(const QString &sha256) const;
    QString thumbnailPath(const QString &sha256) const; // absolute; stored relative (relativePath)
    QString relativePath(const QString &absolute) const;
    QString absolutePath(const QString &relative) const;
    QString newTempPath() const;
    QString uploadPath(const QString &uploadId) const;

    // Moves a finished temp file to the blob of its hash; when those bytes are stored already
    // the temp file is just removed. False with a message when the disk refused.
    bool adopt(const QString &tempPath, const QString &sha256, QString *error) const;
    void removeBlob(const QString &sha256) const; // and its thumbnail
    bool hasBlob(const QString &sha256) const;

private:
    QString m_root;
};

} // namespace confab::server
