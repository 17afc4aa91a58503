// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types.h"

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThreadPool>

#include "client/models/mediacache.h" // complete for QPointer

namespace confab::ui {

// Decoded thumbnails for the timeline, the preview strip and the viewer's filmstrip: each image is
// decoded off the GUI thread (a pool of two), at the size it is shown (QImageReader scales while
// decoding, so a 6000x4000 photo never exists in memory at full size), and kept in an LRU bounded
// in bytes. The server's thumbnail comes through the engine's MediaCache (on disk); a pending
// message's local file is read directly. Images over a pixel budget are not decoded at all.
class ThumbnailCache : public QObject {
    Q_OBJECT
public:
    explicit ThumbnailCache(QObject *parent = nullptr);
    ~ThumbnailCache() override;

    void setMedia(client::MediaCache *media);
    void setMaxBytes(qint64 bytes) { m_images.setMaxCost(bytes); }
    qint64 bytes() const { return m_images.totalCost(); }
    int pendingDecodes() const { return int(m_decoding.size()); }

    // The attachment's image fitting `size` (device pixels), or a null image while it is loading
    // (imageReady() follows) or when there is none.
    QImage image(const Attachment &attachment, const QSize &size);
    // A local image file fitting `size` (for the composer's preview).
    QImage localImage(const QString &path, const QSize &size);
    // The size a displayed image gets: `natural` scaled down to fit `box`, never up.
    static QSize fitted(const QSize &natural, const QSize &box);
    // Decodes `path` off the GUI thread's stack: at most `box` large, EXIF orientation applied,
    // nothing decoded over kMaxPixels. Thread-safe.
    static QImage decode(const QString &path, const QSize &box);

    static constexpr qint64 kMaxPixels = 100LL * 1000 * 1000;

Q_SIGNALS:
    void imageReady();

private:
    void startDecode(const QString &key, const QString &path, const QSize &size);

    QPointer<client::MediaCache> m_media;
    QCache<QString, QImage> m_images{48 * 1024 * 1024}; // cost: bytes
    QSet<QString> m_decoding;
    QSet<QString> m_missing; // no image to be had (no thumbnail, failed download or decode)
    QHash<QString, QList<std::pair<QString, QSize>>> m_waiting; // fileId -> (key, size) wanting its thumbnail
    QThreadPool m_pool;
};

} // namespace confab::ui
