// SPDX-License-Identifier: GPL-3.0-or-later
#include "fileservice.h"

#include "avatarfile.h"
#include "ops/faultpoint.h"

#include "core/jsonreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <nlohmann/json.hpp>

namespace confab::server {

Q_LOGGING_CATEGORY(lcFiles, "confab.files")

namespace {
ApiError fileNotFound(const QString &fileId)
{
    return apiError(ErrorCode::FileNotFound, QStringLiteral("file %1 does not exist").arg(fileId),
                    QStringLiteral("fileId"));
}

ApiError uploadNotFound(const QString &uploadId)
{
    return apiError(ErrorCode::UploadNotFound, QStringLiteral("upload %1 does not exist").arg(uploadId),
                    QStringLiteral("uploadId"));
}

QString bytesText(qint64 n) { return QStringLiteral("%1 bytes").arg(n); }
} // namespace

FileService::FileService(ServiceContext &ctx) : m_ctx(ctx), m_blobs(ctx.settings.filesRoot) {}

QString FileService::fileUrl(const QString &fileId) { return QStringLiteral("/v1/files/") + fileId; }

nlohmann::json FileService::fileJson(const FileRecord &f)
{
    nlohmann::json j = attachmentOf(f);
    j["createdAt"] = confab::detail::timeOrNull(f.createdAt);
    return j;
}

Attachment FileService::attachmentOf(const FileRecord &f)
{
    Attachment a;
    a.fileId = f.fileId;
    a.url = fileUrl(f.fileId);
    a.fileName = f.fileName;
    a.fileSize = f.size;
    a.mimeType = f.detectedMime;
    if (!f.thumbnailPath.isEmpty())
        a.thumbnailUrl = fileUrl(f.fileId) + QStringLiteral("/thumbnail");
    a.width = f.width;
    a.height = f.height;
    a.sha256 = f.sha256;
    return a;
}

MessageType FileService::messageTypeFor(const QString &mime)
{
    if (mime.startsWith(QLatin1String("image/")))
        return MessageType::Image;
    if (mime.startsWith(QLatin1String("audio/")))
        return MessageType::Audio;
    if (mime.startsWith(QLatin1String("video/")))
        return MessageType::Video;
    return MessageType::File;
}

bool FileService::mimeAllowed(const QString &mime, const QStringList &allowed)
{
    if (allowed.isEmpty())
        return true;
    for (const QString &pattern : allowed) {
        const QString p = pattern.trimmed().toLower();
        if (p == mime || p == QLatin1String("*/*") || p == QLatin1String("*"))
            return true;
        if (p.endsWith(QLatin1String("/*")) && mime.startsWith(p.left(p.size() - 1)))
            return true;
    }
    return false;
}

ApiError FileService::overAllowance(qint64 size, qint64 allowance, const QString &field) const
{
    const qint64 serverMax = m_ctx.settings.maxUploadBytes;
    if (size > serverMax)
        return apiError(ErrorCode::PayloadTooLarge,
                        QStringLiteral("the file of %1 is over the server's limit of %2")
                            .arg(bytesText(size), bytesText(serverMax)),
                        field)
            .withRule(QStringLiteral("maxUploadSize"), serverMax);
    const qint64 quota = m_ctx.settings.userQuotaBytes;
    return apiError(ErrorCode::PayloadTooLarge,
                    QStringLiteral("the file of %1 is over what you may still upload (%2; quota %3)")
                        .arg(bytesText(size), bytesText(allowance), bytesText(quota)),
                    field)
        .withRule(QStringLiteral("quota"), quota)
        .withUsed(quota - allowance);
}

Result<qint64> FileService::uploadAllowance(const Caller &caller)
{
    const qint64 serverMax = m_ctx.settings.maxUploadBytes;
    if (m_ctx.settings.userQuotaBytes <= 0)
        return serverMax;
    const qint64 used = m_ctx.storage.bytesUploadedBy(caller.userId);
    const qint64 left = m_ctx.settings.userQuotaBytes - used;
    if (left <= 0)
        return apiError(ErrorCode::PayloadTooLarge, QStringLiteral("your files use all of your quota of %1")
                                                        .arg(bytesText(m_ctx.settings.userQuotaBytes)))
            .withRule(QStringLiteral("quota"), m_ctx.settings.userQuotaBytes)
            .withUsed(used);
    return std::min(serverMax, left);
}

Result<FileRecord> FileService::store(const Caller &caller, const FileDraft &draft)
{
    auto discard = [&] {
        QFile::remove(draft.tempPath);
        if (!draft.thumbnailTempPath.isEmpty())
            QFile::remove(draft.thumbnailTempPath);
    };
    if (m_ctx.storage.isHashQuarantined(draft.sha256)) {
        discard();
        return apiError(ErrorCode::Forbidden,
                        QStringLiteral("this file was removed by an administrator and cannot be uploaded"));
    }
    // Checked again: another upload of the same user may have finished meanwhile.
    auto allowance = uploadAllowance(caller);
    if (!allowance || draft.size > allowance.value) {
        discard();
        if (!allowance)
            return *allowance.error;
        return overAllowance(draft.size, allowance.value, QString());
    }
    QString error;
    if (!m_blobs.adopt(draft.tempPath, draft.sha256, &error)) {
        discard();
        qCWarning(lcFiles) << "storing an upload failed:" << error;
        return apiError(ErrorCode::Internal, QStringLiteral("the server could not store the file"));
    }
    FileRecord f;
    f.fileId = m_ctx.ids.newId(u"f");
    f.uploaderId = caller.userId;
    f.fileName = draft.fileName;
    f.size = draft.size;
    f.declaredMime = draft.declaredMime;
    f.detectedMime = draft.detectedMime;
    f.sha256 = draft.sha256;
    f.width = draft.width;
    f.height = draft.height;
    if (!draft.thumbnailTempPath.isEmpty()) {
        const QString target = m_blobs.thumbnailPath(draft.sha256);
        QFile::remove(target); // the same bytes make the same thumbnail
        if (QDir().mkpath(QFileInfo(target).path()) && QFile::rename(draft.thumbnailTempPath, target))
            f.thumbnailPath = m_blobs.relativePath(target);
        else
            QFile::remove(draft.thumbnailTempPath);
    }
    f.createdAt = m_ctx.now();
    FaultPoint::reach("file-stored"); // a crash test's SIGKILL between the blob and its row
    inTransaction(m_ctx.storage, [&] { m_ctx.storage.insertFile(f); });
    return f;
}

Result<FileRecord> FileService::downloadable(const Caller &caller, const QString &fileId)
{
    auto f = m_ctx.storage.fileById(fileId);
    if (!f || f->quarantined)
        return fileNotFound(fileId);
    if (f->uploaderId == caller.userId || caller.serverAdmin || m_ctx.storage.fileSharedWith(fileId, caller.userId))
        return std::move(*f);
    // Someone's avatar is seen wherever their name is, by anyone signed in.
    if (m_ctx.storage.isAvatar(AvatarFile::urlOf(fileId)))
        return std::move(*f);
    return fileNotFound(fileId); // its existence is not leaked
}

Result<UploadRecord> FileService::createUpload(const Caller &caller, const QString &fileName, qint64 size,
                                               const QString &mime)
{
    auto allowance = uploadAllowance(caller);
    if (!allowance)
        return *allowance.error;
    if (size > allowance.value)
        return overAllowance(size, allowance.value, QStringLiteral("fileSize"));
    UploadRecord u;
    u.uploadId = m_ctx.ids.newId(u"up");
    u.uploaderId = caller.userId;
    u.fileName = fileName;
    u.declaredMime = mime;
    u.size = size;
    u.createdAt = m_ctx.now();
    u.expiresAt = u.createdAt + m_ctx.settings.uploadLifetimeMs;
    QFile part(m_blobs.uploadPath(u.uploadId));
    if (!part.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        qCWarning(lcFiles) << "cannot create" << part.fileName() << part.errorString();
        return apiError(ErrorCode::Internal, QStringLiteral("the server could not start the upload"));
    }
    part.close();
    inTransaction(m_ctx.storage, [&] { m_ctx.storage.insertUpload(u); });
    return u;
}

Result<UploadRecord> FileService::upload(const Caller &caller, const QString &uploadId)
{
    auto u = m_ctx.storage.upload(uploadId);
    if (!u || u->uploaderId != caller.userId || u->expiresAt <= m_ctx.now())
        return uploadNotFound(uploadId);
    return std::move(*u);
}

Result<Done> FileService::cancelUpload(const Caller &caller, const QString &uploadId)
{
    auto u = upload(caller, uploadId);
    if (!u)
        return *u.error;
    inTransaction(m_ctx.storage, [&] { m_ctx.storage.deleteUpload(uploadId); });
    QFile::remove(m_blobs.uploadPath(uploadId));
    return Done{};
}

Result<Done> FileService::roomAllowsUpload(const Caller &caller, const QString &roomId, qint64 size)
{
    auto access = RoomGuard(m_ctx).joined(caller, roomId);
    if (!access)
        return *access.error;
    const RoomSettings &room = access.value.record.room.settings;
    if (!room.allowFileUploads)
        return apiError(ErrorCode::Forbidden,
                        QStringLiteral("this room does not allow files (allowFileUploads is off)"),
                        QStringLiteral("roomId"))
            .withRule(QStringLiteral("allowFileUploads"));
    if (room.maxFileSize > 0 && size > room.maxFileSize)
        return apiError(ErrorCode::PayloadTooLarge,
                        QStringLiteral("the file of %1 is over this room's maxFileSize of %2")
                            .arg(bytesText(size), bytesText(room.maxFileSize)),
                        QStringLiteral("fileSize"))
            .withRule(QStringLiteral("maxFileSize"), room.maxFileSize);
    return Done{};
}

void FileService::finishUpload(const QString &uploadId, const QString &fileId)
{
    inTransaction(m_ctx.storage, [&] { m_ctx.storage.setUploadFile(uploadId, fileId); });
}

Result<FileRecord> FileService::ownFile(const Caller &caller, const QString &fileId)
{
    auto f = m_ctx.storage.fileById(fileId);
    if (!f || f->quarantined ||
        (f->uploaderId != caller.userId && !m_ctx.storage.fileSharedWith(fileId, caller.userId)))
        return fileNotFound(fileId);
    return std::move(*f);
}

Result<std::vector<Attachment>> FileService::attachmentsFor(const Caller &caller, const RoomSettings &room,
                                                            const std::vector<Attachment> &requested)
{
    const QString field = QStringLiteral("attachments");
    if (!room.allowFileUploads)
        return apiError(ErrorCode::Forbidden,
                        QStringLiteral("this room does not allow files (allowFileUploads is off)"), field)
            .withRule(QStringLiteral("allowFileUploads"));
    std::vector<Attachment> out;
    QStringList seen;
    for (const Attachment &want : requested) {
        if (seen.contains(want.fileId))
            return apiError(ErrorCode::ValidationFailed, QStringLiteral("file %1 is attached twice").arg(want.fileId),
                            field);
        seen << want.fileId;
        auto f = ownFile(caller, want.fileId);
        if (!f)
            return *f.error;
        if (room.maxFileSize > 0 && f.value.size > room.maxFileSize) {
            return apiError(ErrorCode::PayloadTooLarge,
                            QStringLiteral("%1 is %2; this room's maxFileSize is %3")
                                .arg(f.value.fileName, bytesText(f.value.size), bytesText(room.maxFileSize)),
                            field)
                .withRule(QStringLiteral("maxFileSize"), room.maxFileSize);
        }
        if (!mimeAllowed(f.value.detectedMime, room.allowedFileTypes)) {
            return apiError(ErrorCode::ValidationFailed,
                            QStringLiteral("%1 is %2; this room's allowedFileTypes are %3")
                                .arg(f.value.fileName, f.value.detectedMime,
                                     room.allowedFileTypes.join(QStringLiteral(", "))),
                            field)
                .withRule(QStringLiteral("allowedFileTypes"))
                .withAllowed(room.allowedFileTypes);
        }
        out.push_back(attachmentOf(f.value));
    }
    return out;
}

void FileService::removeBlobIfUnused(const QString &sha256, SweepReport *report)
{
    if (m_ctx.storage.filesWithHash(sha256) > 0 || !m_blobs.hasBlob(sha256))
        return;
    m_blobs.removeBlob(sha256);
    if (report)
        ++report->blobsRemoved;
}

int FileService::quarantine(const QString &sha256, const QString &reason)
{
    const int marked =
        inTransaction(m_ctx.storage, [&] { return m_ctx.storage.quarantineHash(sha256, reason, m_ctx.now()); });
    // The bytes go at once; the rows stay (quarantined) so that links answer 404, not an error.
    m_blobs.removeBlob(sha256);
    return marked;
}

SweepReport FileService::sweep()
{
    SweepReport report;
    const qint64 now = m_ctx.now();
    for (;;) {
        const auto files = m_ctx.storage.unattachedFiles(now - m_ctx.settings.unattachedFileGraceMs, 200);
        if (files.empty())
            break;
        inTransaction(m_ctx.storage, [&] {
            for (const FileRecord &f : files)
                m_ctx.storage.deleteFile(f.fileId);
        });
        for (const FileRecord &f : files) {
            ++report.filesRemoved;
            removeBlobIfUnused(f.sha256, &report);
        }
        if (files.size() < 200)
            break;
    }
    for (;;) {
        const auto expired = m_ctx.storage.expiredUploads(now, 200);
        if (expired.empty())
            break;
        inTransaction(m_ctx.storage, [&] {
            for (const UploadRecord &u : expired)
                m_ctx.storage.deleteUpload(u.uploadId);
        });
        for (const UploadRecord &u : expired) {
            QFile::remove(m_blobs.uploadPath(u.uploadId));
            ++report.uploadsExpired;
        }
        if (expired.size() < 200)
            break;
    }
    if (report.filesRemoved || report.uploadsExpired)
        qCInfo(lcFiles) << "sweep removed" << report.filesRemoved << "files," << report.blobsRemoved << "blobs,"
                        << report.uploadsExpired << "expired uploads";
    return report;
}

} // namespace confab::server
