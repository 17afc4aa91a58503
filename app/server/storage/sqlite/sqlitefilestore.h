// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// SqliteFileStore: files, message_attachments, uploads and quarantined_hashes.

#include "storage/storage.h"

namespace confab::server {

class SqlDatabase;

class SqliteFileStore final : public FileStore {
public:
    explicit SqliteFileStore(SqlDatabase &db) : m_db(db) {}

    void insertFile(const FileRecord &f) override;
    std::optional<FileRecord> fileById(const QString &fileId) override;
    qint64 bytesUploadedBy(const QString &userId) override;
    void attachFiles(const QString &messageId, const QString &roomId, const std::vector<QString> &fileIds) override;
    void detachFiles(const QString &messageId) override;
    bool fileSharedWith(const QString &fileId, const QString &userId) override;
    std::vector<FileRecord> unattachedFiles(qint64 createdBefore, int limit) override;
    KeyedPage<FileRecord> filesByUploader(const QString &uploaderId, qint64 afterKey, int limit) override;
    void deleteFile(const QString &fileId) override;
    int filesWithHash(const QString &sha256) override;
    bool isHashQuarantined(const QString &sha256) override;
    int quarantineHash(const QString &sha256, const QString &reason, qint64 at) override;

    void insertUpload(const UploadRecord &u) override;
    std::optional<UploadRecord> upload(const QString &uploadId) override;
    void deleteUpload(const QString &uploadId) override;
    void setUploadFile(const QString &uploadId, const QString &fileId) override;
    std::vector<UploadRecord> expiredUploads(qint64 now, int limit) override;

private:
    SqlDatabase &m_db;
};

} // namespace confab::server
