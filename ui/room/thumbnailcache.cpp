// SPDX-License-Identifier: GPL-3.0-or-later
#include "thumbnailcache.h"

#include "client/models/mediacache.h"

#include <QFutureWatcher>
#include <QImageReader>
#include <QUrl>
#include <QtConcurrent>

namespace confab::ui {

using client::MediaCache;

ThumbnailCache::ThumbnailCache(QObject *parent) : QObject(parent) { m_pool.setMaxThreadCount(2); }

ThumbnailCache::~ThumbnailCache()
{
    m_pool.clear();
    m_pool.waitForDone();
}

void ThumbnailCache::setMedia(MediaCache *media)
{
    if (m_media == media)
        return;
    if (m_media)
        m_media->disconnect(this);
    m_media = media;
    m_waiting.clear();
    m_missing.clear();
    if (!m_media)
        return;
    connect(m_media, &MediaCache::ready, this,
            [this](const QString &fileId, MediaCache::Kind kind, const QString &path) {
                if (kind != MediaCache::Kind::Thumbnail)
                    return;
                for (const auto &[key, size] : m_waiting.take(fileId))
                    startDecode(key, path, size);
            });
    connect(m_media, &MediaCache::failed, this, [this](const QString &fileId, MediaCache::Kind kind, const QString &) {
        if (kind != MediaCache::Kind::Thumbnail)
            return;
        for (const auto &[key, size] : m_waiting.take(fileId))
            m_missing.insert(key);
        Q_EMIT imageReady(); // the placeholder says it has none
    });
}

QSize ThumbnailCache::fitted(const QSize &natural, const QSize &box)
{
    if (natural.isEmpty())
        return box;
    if (natural.width() <= box.width() && natural.height() <= box.height())
        return natural;
    return natural.scaled(box, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
}

QImage ThumbnailCache::decode(const QString &path, const QSize &box)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    QSize stored = reader.size(); // the header only
    if (!stored.isValid() || qint64(stored.width()) * stored.height() > kMaxPixels)
        return {};
    const bool turned = reader.transformation() & QImageIOHandler::TransformationRotate90;
    const QSize shown = turned ? stored.transposed() : stored;
    const QSize target = fitted(shown, box);
    if (target != shown)
        reader.setScaledSize(turned ? target.transposed() : target); // scaled while decoding (JPEG: DCT scaling)
    QImage image = reader.read();
    if (!image.isNull() && image.size() != target)
        image = image.scaled(target, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

QImage ThumbnailCache::image(const Attachment &a, const QSize &size)
{
    const QUrl url(a.url);
    if (url.isLocalFile())
        return localImage(url.toLocalFile(), size);
    const QString key =
        a.fileId + QLatin1Char('@') + QString::number(size.width()) + QLatin1Char('x') + QString::number(size.height());
    if (const QImage *hit = m_images.object(key))
        return *hit;
    if (a.thumbnailUrl.isEmpty() || !m_media || m_missing.contains(key) || m_decoding.contains(key))
        return {};
    if (m_media->has(a.fileId, MediaCache::Kind::Thumbnail)) {
        startDecode(key, m_media->pathOf(a.fileId, MediaCache::Kind::Thumbnail), size);
        return {};
    }
    auto &waiting = m_waiting[a.fileId];
    if (std::find(waiting.cbegin(), waiting.cend(), std::pair{key, size}) == waiting.cend())
        waiting.append({key, size});
    m_media->fetch(a.fileId, MediaCache::Kind::Thumbnail);
    return {};
}

QImage ThumbnailCache::localImage(const QString &path, const QSize &size)
{
    const QString key = QStringLiteral("file:") + path + QLatin1Char('@') + QString::number(size.width()) +
                        QLatin1Char('x') + QString::number(size.height());
    if (const QImage *hit = m_images.object(key))
        return *hit;
    if (!m_missing.contains(key) && !m_decoding.contains(key))
        startDecode(key, path, size);
    return {};
}

void ThumbnailCache::startDecode(const QString &key, const QString &path, const QSize &size)
{
    if (m_decoding.contains(key))
        return;
    m_decoding.insert(key);
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, key] {
        watcher->deleteLater();
        m_decoding.remove(key);
        const QImage image = watcher->result();
        if (image.isNull()) {
            m_missing.insert(key);
        } else {
            const qint64 bytes = image.sizeInBytes();
            m_images.insert(key, new QImage(image), std::max<qint64>(1, bytes));
        }
        Q_EMIT imageReady();
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [path, size] { return decode(path, size); }));
}

} // namespace confab::ui
