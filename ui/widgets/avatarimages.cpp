// SPDX-License-Identifier: GPL-3.0-or-later
#include "avatarimages.h"

#include <QRegularExpression>

namespace confab::ui {

AvatarImages::AvatarImages(QObject *parent) : QObject(parent)
{
    m_thumbnails.setMaxBytes(8 * 1024 * 1024); // a few hundred small squares
    connect(&m_thumbnails, &ThumbnailCache::imageReady, this, &AvatarImages::changed);
}

void AvatarImages::setMedia(client::MediaCache *media) { m_thumbnails.setMedia(media); }

QString AvatarImages::fileIdOf(const QString &avatarUrl)
{
    static const QRegularExpression kFileAvatar(QStringLiteral("^/v1/files/([A-Za-z0-9_-]{1,64})/thumbnail$"));
    const auto match = kFileAvatar.match(avatarUrl);
    return match.hasMatch() ? match.captured(1) : QString();
}

QImage AvatarImages::picture(const QString &avatarUrl, const QSize &size)
{
    const QString fileId = fileIdOf(avatarUrl);
    if (fileId.isEmpty())
        return {};
    Attachment a;
    a.fileId = fileId;
    a.thumbnailUrl = avatarUrl;
    a.url = QStringLiteral("/v1/files/") + fileId;
    return m_thumbnails.image(a, size);
}

} // namespace confab::ui
