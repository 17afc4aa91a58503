// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagecanvas.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

namespace confab::ui {

ImageCanvas::ImageCanvas(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(200, 150);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Dark);
}

void ImageCanvas::setImage(const QImage &image, const QSize &naturalSize)
{
    m_image = image;
    m_natural = naturalSize.isValid() && !naturalSize.isEmpty() ? naturalSize : image.size();
    update();
}

double ImageCanvas::fitZoom() const
{
    if (m_natural.isEmpty())
        return 1.0;
    return std::min({1.0, double(width()) / m_natural.width(), double(height()) / m_natural.height()});
}

double ImageCanvas::zoom() const { return m_fit ? fitZoom() : m_zoom; }

void ImageCanvas::setZoom(double zoom)
{
    m_zoom = std::clamp(zoom, 0.05, 16.0);
    m_fit = false;
    update();
}

void ImageCanvas::fit()
{
    m_fit = true;
    m_pan = {};
    update();
}

void ImageCanvas::paintEvent(QPaintEvent *)
{
    if (m_image.isNull())
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    const QSizeF shown = QSizeF(m_natural) * zoom();
    const QPointF topLeft = QPointF((width() - shown.width()) / 2, (height() - shown.height()) / 2) + m_pan;
    p.drawImage(QRectF(topLeft, shown), m_image);
}

void ImageCanvas::mousePressEvent(QMouseEvent *event) { m_dragFrom = event->position().toPoint(); }

void ImageCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || m_fit)
        return;
    m_pan += event->position().toPoint() - m_dragFrom;
    m_dragFrom = event->position().toPoint();
    update();
}

void ImageCanvas::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        event->ignore();
        return;
    }
    setZoom(zoom() * (event->angleDelta().y() > 0 ? 1.25 : 0.8));
    event->accept();
}

} // namespace confab::ui
