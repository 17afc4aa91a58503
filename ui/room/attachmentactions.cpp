// SPDX-License-Identifier: GPL-3.0-or-later
#include "attachmentactions.h"

#include "client/models/mediacache.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QStandardPaths>
#include <QUrl>

namespace confab::ui {

using client::MediaCache;

AttachmentActions::AttachmentActions(QWidget *window, QObject *parent) : QObject(parent), m_window(window) {}

void AttachmentActions::setMedia(MediaCache *media)
{
    if (m_media)
        m_media->disconnect(this);
    m_media = media;
    m_toOpen.clear();
    if (!m_media)
        return;
    connect(m_media, &MediaCache::ready, this,
            [this](const QString &fileId, MediaCache::Kind kind, const QString &path) {
                if (kind != MediaCache::Kind::Original || !m_toOpen.contains(fileId))
                    return;
                m_toOpen.remove(fileId);
                QDesktopServices::openUrl(QUrl::fromLocalFile(path));
                Q_EMIT opened(path);
            });
    connect(m_media, &MediaCache::saved, this, [this](const QString &, const QString &path) { Q_EMIT saved(path); });
    connect(m_media, &MediaCache::failed, this,
            [this](const QString &fileId, MediaCache::Kind, const QString &message) {
                m_toOpen.remove(fileId);
                Q_EMIT failed(message);
            });
}

void AttachmentActions::open(const Attachment &a)
{
    const QUrl url(a.url);
    if (url.isLocalFile()) {
        QDesktopServices::openUrl(url);
        Q_EMIT opened(url.toLocalFile());
        return;
    }
    if (!m_media || a.fileId.isEmpty())
        return;
    m_toOpen.insert(a.fileId, a.fileName);
    m_media->fetch(a.fileId, MediaCache::Kind::Original, a.fileName);
}

void AttachmentActions::saveAs(const Attachment &a)
{
    if (!m_media || a.fileId.isEmpty())
        return;
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save file"),
                                                      QDir(folder).filePath(QFileInfo(a.fileName).fileName()));
    if (!path.isEmpty())
        saveTo(a, path);
}

void AttachmentActions::saveTo(const Attachment &a, const QString &path)
{
    if (m_media && !a.fileId.isEmpty())
        m_media->saveAs(a.fileId, path);
}

} // namespace confab::ui
