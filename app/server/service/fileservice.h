// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "servicecontext.h"

#include "files/blobstore.h"

namespace confab::server {

// A finished upload, checked and hashed off the storage thread, waiting to become a file.
struct FileDraft {
    QString tempPath; // in the blob store's tmp/ or uploads/; moved or removed by store()
    QString fileName;
    qint64 size = 0;
    QString declaredMime;
    QString detectedMime;
    QString sha256;
    int width = 0;
    int height = 0;
    QString thumbnailTempPath; // empty: no thumbnail
};

struct SweepReport {
    int filesRemoved = 0;
    int blobsRemoved = 0;
    int uploadsExpired = 0;
};

// The rules for files, on the storage thread: quotas, quarantine, who may download what, which
// attachments a room accepts, and the sweep of what nothing refers to any more.
class FileService {
public:
    explicit FileService(ServiceContext &ctx);

    // How many bytes this caller may upload now (the server's limit, less their quota use).
    Result<qint64> uploadAllowance(const Caller &caller);
    // 413 for a file of `size` over `allowance`: the server's limit or the quota, whichever refused.
    ApiError overAllowance(qint64 size, qint64 allowance, const QString &field) const;
    // Stores the draft as a file of the caller (the same bytes are kept once on disk).
    Result<FileRecord> store(const Caller &caller, const FileDraft &draft);
    // The file if this caller may download it: its uploader, a member of a room where a message
    // carries it, or a server admin. Anyone else, and everyone for a quarantined file: not found.
    Result<FileRecord> downloadable(const Caller &caller, const QString &fileId);

    Result<UploadRecord> createUpload(const Caller &caller, const QString &fileName, qint64 size, const QString &mime);
    Result<UploadRecord> upload(const Caller &caller, const QString &uploadId);
    Result<Done> cancelUpload(const Caller &caller, const QString &uploadId);
    // The upload became this file; the record stays (until it expires) to answer a repeated completion.
    void finishUpload(const QString &uploadId, const QString &fileId);
    // With ?roomId= / roomId: that room's rules, checked before the bytes come.
    Result<Done> roomAllowsUpload(const Caller &caller, const QString &roomId, qint64 size);

    // The attachments of a new message in this room: each must be the caller's own upload and
    // meet the room's rules; the answer carries their metadata as messages show it.
    Result<std::vector<Attachment>> attachmentsFor(const Caller &caller, const RoomSettings &room,
                                                   const std::vector<Attachment> &requested);

    // Quarantines these bytes: every file with them answers 404 and they cannot be uploaded again.
    int quarantine(const QString &sha256, const QString &reason);
    SweepReport sweep();

    static QString fileUrl(const QString &fileId);
    static nlohmann::json fileJson(const FileRecord &f);
    static Attachment attachmentOf(const FileRecord &f);
    static MessageType messageTypeFor(const QString &mime);
    static bool mimeAllowed(const QString &mime, const QStringList &allowed);

private:
    Result<FileRecord> ownFile(const Caller &caller, const QString &fileId);
    void removeBlobIfUnused(const QString &sha256, SweepReport *report);

    ServiceContext &m_ctx;
    BlobStore m_blobs;
};

} // namespace confab::server
