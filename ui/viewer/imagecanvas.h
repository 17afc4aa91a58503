// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QWidget>

namespace confab::ui {

// Paints one image centred, fitted to the widget or at a zoom factor; drag pans a zoomed image.
class ImageCanvas : public QWidget {
    Q_OBJECT
public:
    explicit ImageCanvas(QWidget *parent = nullptr);

    // `naturalSize`: the image's real size (the shown QImage may be a smaller thumbnail for now).
    void setImage(const QImage &image, const QSize &naturalSize);
    QImage image() const { return m_image; }
    double zoom() const;
    bool isFitting() const { return m_fit; }
    void setZoom(double zoom);
    void fit();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    double fitZoom() const;

    QImage m_image;
    QSize m_natural;
    bool m_fit = true;
    double m_zoom = 1.0;
    QPointF m_pan;
    QPoint m_dragFrom;
};

} // namespace confab::ui
