// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QWidget>

namespace confab::ui {

// Picks the square of a picture that becomes an avatar: the picture fitted into the widget with
// a square selection over it. Drag the square to move it, the wheel to make it larger or
// smaller; by keyboard, arrow keys move it (Shift: faster) and + / - resize it.
class AvatarCropper : public QWidget {
    Q_OBJECT
public:
    explicit AvatarCropper(QWidget *parent = nullptr);

    // A new picture: the selection starts as the largest centred square.
    void setImage(const QImage &image);
    const QImage &image() const { return m_image; }
    // The selection in the picture's pixels.
    QRectF selection() const { return m_selection; }
    void setSelection(const QRectF &selection);
    // The selected square scaled to side x side pixels (null without a picture).
    QImage cropped(int side) const;

    QSize sizeHint() const override { return {320, 320}; }

Q_SIGNALS:
    void selectionChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    // Where the picture is drawn, and the factor from picture to widget pixels.
    QRectF shownRect() const;
    qreal scale() const;
    void moveBy(qreal dx, qreal dy); // in picture pixels
    void resizeBy(qreal factor);     // about the selection's centre
    void describe();                 // the accessible description of where the square is

    QImage m_image;
    QRectF m_selection;
    QPointF m_dragFrom; // in picture pixels, while dragging
    bool m_dragging = false;
};

} // namespace confab::ui
