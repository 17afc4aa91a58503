// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "room/thumbnailcache.h"

#include <QImage>
#include <QObject>
#include <QSize>

namespace confab::client {
class MediaCache;
}

namespace confab::ui {

// People's avatar pictures, for the delegates that draw avatars. An avatar uploaded through the
// server's file store ("/v1/files/{fileId}/thumbnail") is fetched once through the engine's
// MediaCache and decoded off the GUI thread (ThumbnailCache). With no avatar, an outside URL
// (never fetched: it would tell a stranger who reads what) or while loading, there is no picture
// and the initials show.
class AvatarImages : public QObject {
    Q_OBJECT
public:
    explicit AvatarImages(QObject *parent = nullptr);

    void setMedia(client::MediaCache *media);
    // The picture at `size` device pixels, or null for now (changed() follows when it comes).
    QImage picture(const QString &avatarUrl, const QSize &size);
    // The file id of an avatar kept by the server; empty for anything else.
    static QString fileIdOf(const QString &avatarUrl);

Q_SIGNALS:
    void changed();

private:
    ThumbnailCache m_thumbnails;
};

} // namespace confab::ui
