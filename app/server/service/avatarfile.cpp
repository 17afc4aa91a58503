// SPDX-License-Identifier: GPL-3.0-or-later
#include "avatarfile.h"

namespace confab::server {

namespace {
const QString kField = QStringLiteral("avatarFileId");
}

QString AvatarFile::urlOf(const QString &fileId) { return QStringLiteral("/v1/files/%1/thumbnail").arg(fileId); }

Result<QString> AvatarFile::urlFor(ServiceContext &ctx, const Caller &caller, const QString &fileId)
{
    const auto f = ctx.storage.fileById(fileId);
    if (!f || f->quarantined || f->uploaderId != caller.userId)
        return apiError(ErrorCode::ValidationFailed, QStringLiteral("is not a file you uploaded"), kField);
    static const QStringList kImageTypes{QStringLiteral("image/png"), QStringLiteral("image/jpeg"),
                                         QStringLiteral("image/gif"), QStringLiteral("image/webp")};
    if (!kImageTypes.contains(f->detectedMime))
        return apiError(
            ErrorCode::ValidationFailed,
            QStringLiteral("must be a PNG, JPEG, GIF or WebP picture; this file is %1").arg(f->detectedMime), kField);
    if (f->size > kMaxBytes)
        return apiError(ErrorCode::ValidationFailed,
                        QStringLiteral("must be at most 5 MiB; this picture is %1 bytes").arg(f->size), kField);
    if (f->thumbnailPath.isEmpty())
        return apiError(ErrorCode::ValidationFailed,
                        QStringLiteral("could not be read as a picture (no thumbnail could be made)"), kField);
    return urlOf(fileId);
}

} // namespace confab::server
