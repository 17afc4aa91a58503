// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteFileStore: the files, message_attachments, uploads and quarantined_hashes tables.

#include "sqlitefilestore.h"

#include "sqlitevalues.h"
#include "storage/sqldatabase.h"

namespace confab::server {

namespace {
const QString kFileColumns = QStringLiteral(
    "file_id, uploader_id, name, size, declared_mime, detected_mime, sha256, width, height, thumbnail_path, "
    "created_at, quarantined");

FileRecord readFile(const Statement &s)
{
    FileRecord f;
    f.fileId = s.text(0);
    f.uploaderId = s.text(1);
    f.fileName = s.text(2);
    f.size = s.integer(3);
    f.declaredMime = s.text(4);
    f.detectedMime = s.text(5);
    f.sha256 = s.text(6);
    f.width = int(s.integer(7));
    f.height = int(s.integer(8));
    f.thumbnailPath = s.text(9);
    f.createdAt = s.integer(10);
    f.quarantined = s.boolean(11);
    return f;
}

const QString kUploadColumns =
    QStringLiteral("upload_id, uploader_id, name, declared_mime, size, created_at, expires_at, file_id");

UploadRecord readUpload(const Statement &s)
{
    UploadRecord u;
    u.uploadId = s.text(0);
    u.uploaderId = s.text(1);
    u.fileName = s.text(2);
    u.declaredMime = s.text(3);
    u.size = s.integer(4);
    u.createdAt = s.integer(5);
    u.expiresAt = s.integer(6);
    u.fileId = s.text(7);
    return u;
}
} // namespace

void SqliteFileStore::insertFile(const FileRecord &f)
{
    Statement(m_db,
              QStringLiteral("INSERT INTO files (") + kFileColumns +
                  QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
              {f.fileId, sqlText(f.uploaderId), sqlText(f.fileName), qlonglong(f.size), sqlOptText(f.declaredMime),
               sqlText(f.detectedMime), sqlText(f.sha256), f.width, f.height, sqlOptText(f.thumbnailPath),
               qlonglong(f.createdAt), sqlBool(f.quarantined)});
}

std::optional<FileRecord> SqliteFileStore::fileById(const QString &fileId)
{
    Statement s(m_db, QStringLiteral("SELECT ") + kFileColumns + QStringLiteral(" FROM files WHERE file_id = ?"),
                {fileId});
    if (!s.next())
        return std::nullopt;
    return readFile(s);
}

qint64 SqliteFileStore::bytesUploadedBy(const QString &userId)
{
    Statement s(m_db, QStringLiteral("SELECT COALESCE(SUM(size), 0) FROM files WHERE uploader_id = ?"), {userId});
    return s.next() ? s.integer(0) : 0;
}

void SqliteFileStore::attachFiles(const QString &messageId, const QString &roomId, const std::vector<QString> &fileIds)
{
    int position = 0;
    for (const QString &fileId : fileIds) {
        Statement(m_db,
                  QStringLiteral("INSERT INTO message_attachments (message_id, position, file_id, room_id) "
                                 "VALUES (?, ?, ?, ?)"),
                  {messageId, position++, fileId, roomId});
    }
}

void SqliteFileStore::detachFiles(const QString &messageId)
{
    Statement(m_db, QStringLiteral("DELETE FROM message_attachments WHERE message_id = ?"), {messageId});
}

bool SqliteFileStore::fileSharedWith(const QString &fileId, const QString &userId)
{
    Statement s(m_db,
                QStringLiteral("SELECT 1 FROM message_attachments a "
                               "JOIN messages m ON m.message_id = a.message_id AND m.is_deleted = 0 "
                               "JOIN room_members rm ON rm.room_id = a.room_id AND rm.user_id = ? "
                               "WHERE a.file_id = ? LIMIT 1"),
                {userId, fileId});
    return s.next();
}

std::vector<FileRecord> SqliteFileStore::unattachedFiles(qint64 createdBefore, int limit)
{
    Statement s(m_db,
                QStringLiteral("SELECT ") + kFileColumns +
                    QStringLiteral(" FROM files f WHERE created_at < ? AND NOT EXISTS "
                                   "(SELECT 1 FROM message_attachments a JOIN messages m "
                                   "ON m.message_id = a.message_id AND m.is_deleted = 0 WHERE a.file_id = f.file_id) "
                                   // Someone's avatar is in use too (users_avatar index).
                                   "AND NOT EXISTS (SELECT 1 FROM users u "
                                   "WHERE u.avatar = '/v1/files/' || f.file_id || '/thumbnail') "
                                   "ORDER BY created_at LIMIT ?"),
                {qlonglong(createdBefore), clampLimit(limit)});
    std::vector<FileRecord> out;
    while (s.next())
        out.push_back(readFile(s));
    return out;
}

void SqliteFileStore::deleteFile(const QString &fileId)
{
    // Rows of deleted messages may still name it.
    Statement(m_db, QStringLiteral("DELETE FROM message_attachments WHERE file_id = ?"), {fileId});
    Statement(m_db, QStringLiteral("DELETE FROM files WHERE file_id = ?"), {fileId});
}

int SqliteFileStore::filesWithHash(const QString &sha256)
{
    Statement s(m_db, QStringLiteral("SELECT COUNT(*) FROM files WHERE sha256 = ?"), {sha256});
    return s.next() ? int(s.integer(0)) : 0;
}

bool SqliteFileStore::isHashQuarantined(const QString &sha256)
{
    Statement s(m_db, QStringLiteral("SELECT 1 FROM quarantined_hashes WHERE sha256 = ?"), {sha256});
    return s.next();
}

int SqliteFileStore::quarantineHash(const QString &sha256, const QString &reason, qint64 at)
{
    Statement(m_db,
              QStringLiteral("INSERT INTO quarantined_hashes (sha256, reason, created_at) VALUES (?, ?, ?) "
                             "ON CONFLICT (sha256) DO NOTHING"),
              {sha256, sqlOptText(reason), qlonglong(at)});
    Statement s(m_db, QStringLiteral("UPDATE files SET quarantined = 1 WHERE sha256 = ? AND quarantined = 0"),
                {sha256});
    return s.rowsAffected();
}

void SqliteFileStore::insertUpload(const UploadRecord &u)
{
    Statement(m_db,
              QStringLiteral("INSERT INTO uploads (") + kUploadColumns +
                  QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
              {u.uploadId, sqlText(u.uploaderId), sqlText(u.fileName), sqlOptText(u.declaredMime), qlonglong(u.size),
               qlonglong(u.createdAt), qlonglong(u.expiresAt), sqlOptText(u.fileId)});
}

std::optional<UploadRecord> SqliteFileStore::upload(const QString &uploadId)
{
    Statement s(m_db, QStringLiteral("SELECT ") + kUploadColumns + QStringLiteral(" FROM uploads WHERE upload_id = ?"),
                {uploadId});
    if (!s.next())
        return std::nullopt;
    return readUpload(s);
}

void SqliteFileStore::deleteUpload(const QString &uploadId)
{
    Statement(m_db, QStringLiteral("DELETE FROM uploads WHERE upload_id = ?"), {uploadId});
}

void SqliteFileStore::setUploadFile(const QString &uploadId, const QString &fileId)
{
    Statement(m_db, QStringLiteral("UPDATE uploads SET file_id = ? WHERE upload_id = ?"),
              {sqlOptText(fileId), uploadId});
}

std::vector<UploadRecord> SqliteFileStore::expiredUploads(qint64 now, int limit)
{
    Statement s(m_db,
                QStringLiteral("SELECT ") + kUploadColumns +
                    QStringLiteral(" FROM uploads WHERE expires_at <= ? ORDER BY expires_at LIMIT ?"),
                {qlonglong(now), clampLimit(limit)});
    std::vector<UploadRecord> out;
    while (s.next())
        out.push_back(readUpload(s));
    return out;
}

KeyedPage<FileRecord> SqliteFileStore::filesByUploader(const QString &uploaderId, qint64 afterKey, int limit)
{
    Statement s(m_db,
                QStringLiteral("SELECT ") + kFileColumns +
                    QStringLiteral(", rowid FROM files WHERE uploader_id = ? AND rowid > ? ORDER BY rowid LIMIT ?"),
                {sqlText(uploaderId), qlonglong(afterKey), clampLimit(limit)});
    KeyedPage<FileRecord> page;
    page.nextKey = afterKey;
    while (s.next()) {
        page.rows.push_back(readFile(s));
        page.nextKey = s.integer(12);
    }
    return page;
}

} // namespace confab::server
