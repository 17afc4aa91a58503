// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageviewer.h"

#include "room/attachmentactions.h"
#include "room/thumbnailcache.h"
#include "viewer/imagecanvas.h"

#include "client/models/mediacache.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace confab::ui {

using client::MediaCache;

ImageViewer::ImageViewer(QList<Attachment> images, int current, ThumbnailCache *thumbnails, AttachmentActions *actions,
                         QWidget *parent)
    : QDialog(parent), m_images(std::move(images)), m_thumbnails(thumbnails), m_actions(actions),
      m_canvas(new ImageCanvas(this)), m_caption(new QLabel(this)), m_previous(new QToolButton(this)),
      m_next(new QToolButton(this)), m_zoomIn(new QToolButton(this)), m_zoomOut(new QToolButton(this)),
      m_fit(new QToolButton(this))
{
    setWindowTitle(tr("Image viewer"));
    setAccessibleName(tr("Image viewer"));
    m_canvas->setAccessibleName(tr("Image"));
    m_caption->setTextFormat(Qt::PlainText); // a file name is never markup
    m_caption->setAccessibleName(tr("Image name"));

    auto *open = new QToolButton(this);
    auto *save = new QToolButton(this);
    auto *close = new QToolButton(this);
    const auto setUp = [](QToolButton *b, const QString &text, const QString &tip) {
        b->setText(text);
        b->setAccessibleName(tip);
        b->setToolTip(tip);
        b->setFocusPolicy(Qt::TabFocus);
    };
    setUp(m_previous, QStringLiteral("◀"), tr("Previous image (Left)"));
    setUp(m_next, QStringLiteral("▶"), tr("Next image (Right)"));
    setUp(m_zoomOut, QStringLiteral("−"), tr("Zoom out (-)"));
    setUp(m_zoomIn, QStringLiteral("+"), tr("Zoom in (+)"));
    setUp(m_fit, tr("Fit"), tr("Fit to the window (0)"));
    setUp(open, tr("Open"), tr("Open in another program"));
    setUp(save, tr("Save as…"), tr("Save the image as a file"));
    setUp(close, tr("Close"), tr("Close the viewer (Esc)"));
    connect(m_previous, &QToolButton::clicked, this, &ImageViewer::previous);
    connect(m_next, &QToolButton::clicked, this, &ImageViewer::next);
    connect(m_zoomIn, &QToolButton::clicked, this, &ImageViewer::zoomIn);
    connect(m_zoomOut, &QToolButton::clicked, this, &ImageViewer::zoomOut);
    connect(m_fit, &QToolButton::clicked, this, &ImageViewer::fit);
    connect(open, &QToolButton::clicked, this, [this] {
        if (m_actions)
            m_actions->open(currentImage());
    });
    connect(save, &QToolButton::clicked, this, [this] {
        if (m_actions)
            m_actions->saveAs(currentImage());
    });
    connect(close, &QToolButton::clicked, this, &QDialog::reject);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    bar->addWidget(m_caption, 1);
    bar->addWidget(m_zoomOut);
    bar->addWidget(m_zoomIn);
    bar->addWidget(m_fit);
    bar->addWidget(open);
    bar->addWidget(save);
    bar->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_canvas, 1);
    layout->addLayout(bar);
    resize(900, 650);

    if (m_actions && m_actions->media()) {
        connect(m_actions->media(), &MediaCache::ready, this,
                [this](const QString &fileId, MediaCache::Kind kind, const QString &) {
                    if (kind == MediaCache::Kind::Original && fileId == currentImage().fileId)
                        loadOriginal();
                });
    }
    if (m_thumbnails) {
        connect(m_thumbnails, &ThumbnailCache::imageReady, this, [this] {
            if (!m_hasOriginal && !m_images.isEmpty()) {
                const QImage thumb = m_thumbnails->image(currentImage(), QSize(480, 480));
                if (!thumb.isNull() && m_canvas->image().isNull())
                    m_canvas->setImage(thumb, QSize(currentImage().width, currentImage().height));
            }
        });
    }
    showImage(std::clamp(current, 0, int(m_images.size()) - 1));
    m_canvas->setFocus();
}

double ImageViewer::zoom() const { return m_canvas->zoom(); }
bool ImageViewer::isFitting() const { return m_canvas->isFitting(); }

void ImageViewer::showImage(int index)
{
    if (index < 0 || index >= m_images.size())
        return;
    m_current = index;
    ++m_generation;
    m_hasOriginal = false;
    const Attachment &a = currentImage();
    m_canvas->setImage(m_thumbnails ? m_thumbnails->image(a, QSize(480, 480)) : QImage(), QSize(a.width, a.height));
    m_canvas->fit();
    m_caption->setText(tr("%1 (%2 of %3)").arg(a.fileName).arg(index + 1).arg(m_images.size()));
    updateControls();
    loadOriginal();
}

void ImageViewer::loadOriginal()
{
    const Attachment a = currentImage();
    QString path;
    if (QUrl(a.url).isLocalFile()) {
        path = QUrl(a.url).toLocalFile();
    } else if (m_actions && m_actions->media()) {
        MediaCache *media = m_actions->media();
        if (!media->has(a.fileId, MediaCache::Kind::Original, a.fileName)) {
            media->fetch(a.fileId, MediaCache::Kind::Original, a.fileName); // ready() brings us back here
            return;
        }
        path = media->pathOf(a.fileId, MediaCache::Kind::Original, a.fileName);
    }
    if (path.isEmpty())
        return;
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        const QImage image = watcher->result();
        if (generation != m_generation || image.isNull())
            return;
        m_hasOriginal = true;
        const QSize natural(currentImage().width, currentImage().height);
        m_canvas->setImage(image, natural.isEmpty() ? image.size() : natural);
        updateControls();
    });
    watcher->setFuture(QtConcurrent::run([path] { return ThumbnailCache::decode(path, QSize(kMaxSide, kMaxSide)); }));
}

void ImageViewer::zoomIn()
{
    m_canvas->setZoom(m_canvas->zoom() * 1.25);
    updateControls();
}

void ImageViewer::zoomOut()
{
    m_canvas->setZoom(m_canvas->zoom() / 1.25);
    updateControls();
}

void ImageViewer::fit()
{
    m_canvas->fit();
    updateControls();
}

void ImageViewer::updateControls()
{
    m_previous->setEnabled(m_current > 0);
    m_next->setEnabled(m_current + 1 < m_images.size());
    m_fit->setEnabled(!m_canvas->isFitting());
}

void ImageViewer::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); return;
    case Qt::Key_Minus: zoomOut(); return;
    case Qt::Key_0: fit(); return;
    case Qt::Key_Left: previous(); return;
    case Qt::Key_Right: next(); return;
    default: QDialog::keyPressEvent(event); // Esc closes
    }
}

} // namespace confab::ui
