// SPDX-License-Identifier: GPL-3.0-or-later
#include "avatarcropper.h"

#include <QAccessible>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

namespace confab::ui {

namespace {
constexpr qreal kMinSide = 16; // picture pixels: smaller is no picture at all
}

AvatarCropper::AvatarCropper(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 200);
    setAccessibleName(tr("Picture crop area"));
    setAccessibleDescription(tr("Arrow keys move the square, Shift with an arrow moves it faster, plus and minus make "
                                "it larger or smaller."));
    setCursor(Qt::OpenHandCursor);
}

void AvatarCropper::setImage(const QImage &image)
{
    m_image = image;
    const qreal side = qMin(image.width(), image.height());
    setSelection(QRectF((image.width() - side) / 2.0, (image.height() - side) / 2.0, side, side));
}

void AvatarCropper::setSelection(const QRectF &selection)
{
    if (m_image.isNull()) {
        m_selection = {};
        update();
        return;
    }
    // A square inside the picture, at least kMinSide (or the picture's shorter side) wide.
    const qreal maxSide = qMin(m_image.width(), m_image.height());
    const qreal side = qBound(qMin(kMinSide, maxSide), qMin(selection.width(), selection.height()), maxSide);
    const qreal x = qBound(0.0, selection.center().x() - side / 2, m_image.width() - side);
    const qreal y = qBound(0.0, selection.center().y() - side / 2, m_image.height() - side);
    const QRectF next(x, y, side, side);
    if (next == m_selection)
        return;
    m_selection = next;
    describe();
    update();
    Q_EMIT selectionChanged();
}

QImage AvatarCropper::cropped(int side) const
{
    if (m_image.isNull())
        return {};
    return m_image.copy(m_selection.toAlignedRect())
        .scaled(side, side, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
        .convertToFormat(QImage::Format_RGB32);
}

qreal AvatarCropper::scale() const
{
    if (m_image.isNull())
        return 1;
    return qMin(width() / qreal(m_image.width()), height() / qreal(m_image.height()));
}

QRectF AvatarCropper::shownRect() const
{
    const qreal s = scale();
    const QSizeF shown(m_image.width() * s, m_image.height() * s);
    return QRectF(QPointF((width() - shown.width()) / 2, (height() - shown.height()) / 2), shown);
}

void AvatarCropper::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (m_image.isNull()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("Choose a picture to crop it here."));
        return;
    }
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF shown = shownRect();
    p.drawImage(shown, m_image);
    const qreal s = scale();
    const QRectF square(shown.topLeft() + m_selection.topLeft() * s, m_selection.size() * s);
    // Dim what is left out; the circle shows how the avatar looks.
    QPainterPath outside;
    outside.addRect(shown);
    QPainterPath circle;
    circle.addEllipse(square);
    p.fillPath(outside.subtracted(circle), QColor(0, 0, 0, 140));
    p.setPen(QPen(hasFocus() ? palette().color(QPalette::Highlight) : QColor(Qt::white), 2, Qt::DashLine));
    p.drawRect(square);
}

void AvatarCropper::mousePressEvent(QMouseEvent *event)
{
    if (m_image.isNull() || event->button() != Qt::LeftButton)
        return;
    m_dragging = true;
    m_dragFrom = (event->position() - shownRect().topLeft()) / scale();
    setCursor(Qt::ClosedHandCursor);
}

void AvatarCropper::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return;
    const QPointF at = (event->position() - shownRect().topLeft()) / scale();
    moveBy(at.x() - m_dragFrom.x(), at.y() - m_dragFrom.y());
    m_dragFrom = at;
}

void AvatarCropper::mouseReleaseEvent(QMouseEvent *)
{
    m_dragging = false;
    setCursor(Qt::OpenHandCursor);
}

void AvatarCropper::wheelEvent(QWheelEvent *event)
{
    if (m_image.isNull())
        return;
    resizeBy(event->angleDelta().y() > 0 ? 0.9 : 1.1);
    event->accept();
}

void AvatarCropper::keyPressEvent(QKeyEvent *event)
{
    if (m_image.isNull()) {
        QWidget::keyPressEvent(event);
        return;
    }
    // A step is a share of the picture, so it feels the same for a small or a huge picture.
    const qreal step = qMin(m_image.width(), m_image.height()) * (event->modifiers() & Qt::ShiftModifier ? 0.1 : 0.02);
    switch (event->key()) {
    case Qt::Key_Left: moveBy(-step, 0); break;
    case Qt::Key_Right: moveBy(step, 0); break;
    case Qt::Key_Up: moveBy(0, -step); break;
    case Qt::Key_Down: moveBy(0, step); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: resizeBy(1.1); break;
    case Qt::Key_Minus: resizeBy(0.9); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void AvatarCropper::moveBy(qreal dx, qreal dy) { setSelection(m_selection.translated(dx, dy)); }

void AvatarCropper::resizeBy(qreal factor)
{
    const QPointF c = m_selection.center();
    const qreal side = m_selection.width() * factor;
    setSelection(QRectF(c.x() - side / 2, c.y() - side / 2, side, side));
}

void AvatarCropper::describe()
{
    // Where the square is, in words a screen reader can say.
    const int percent = qRound(100 * m_selection.width() / qMin(m_image.width(), m_image.height()));
    setAccessibleDescription(
        tr("The square covers %1% of the picture's shorter side, starting %2 pixels from the left and %3 from the "
           "top. Arrow keys move it, plus and minus resize it.")
            .arg(percent)
            .arg(qRound(m_selection.left()))
            .arg(qRound(m_selection.top())));
    QAccessibleEvent e(this, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&e);
}

} // namespace confab::ui
