// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types.h"

#include <QDialog>
#include <QImage>
#include <QPointer>

class QLabel;
class QToolButton;

namespace confab::ui {

class AttachmentActions;
class ImageCanvas;
class ThumbnailCache;

// The room's images, one at a time: the thumbnail at once, then the original (downloaded into the
// media cache and decoded off the GUI thread at most kMaxSide pixels on its long side). Zoom in and
// out (+, -, Ctrl+wheel), fit (0), previous and next image of the room (Left, Right), Open and Save
// as…, Esc closes. Every control is a button with an accessible name; the keys work from anywhere
// in the dialog.
class ImageViewer : public QDialog {
    Q_OBJECT
public:
    ImageViewer(QList<Attachment> images, int current, ThumbnailCache *thumbnails, AttachmentActions *actions,
                QWidget *parent = nullptr);

    int currentIndex() const { return m_current; }
    const Attachment &currentImage() const { return m_images.at(m_current); }
    int count() const { return int(m_images.size()); }
    // 1.0 is one image pixel per screen pixel.
    double zoom() const;
    bool isFitting() const;
    // The original is shown (not only the thumbnail).
    bool hasOriginal() const { return m_hasOriginal; }

    void showImage(int index);
    void next() { showImage(m_current + 1); }
    void previous() { showImage(m_current - 1); }
    void zoomIn();
    void zoomOut();
    void fit();

    static constexpr int kMaxSide = 4096;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateControls();
    void loadOriginal();

    QList<Attachment> m_images;
    int m_current = 0;
    QPointer<ThumbnailCache> m_thumbnails;
    QPointer<AttachmentActions> m_actions;
    ImageCanvas *m_canvas;
    QLabel *m_caption;
    QToolButton *m_previous;
    QToolButton *m_next;
    QToolButton *m_zoomIn;
    QToolButton *m_zoomOut;
    QToolButton *m_fit;
    bool m_hasOriginal = false;
    quint64 m_generation = 0; // a decode for an image no longer shown is dropped
};

} // namespace confab::ui
