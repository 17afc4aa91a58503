// SPDX-License-Identifier: GPL-3.0-or-later
#include "contraststyle.h"

#include "shell/thememanager.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOption>

namespace confab::ui {

namespace {
QColor outlineOf(const QPalette &palette)
{
    QColor c = palette.color(QPalette::Text);
    c.setAlphaF(0.55f);
    return c;
}
} // namespace

void ContrastStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                                  const QWidget *widget) const
{
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    const bool box = element == PE_IndicatorCheckBox || element == PE_IndicatorItemViewItemCheck;
    if ((box || element == PE_IndicatorRadioButton) && ThemeManager::isDark(option->palette)) {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(outlineOf(option->palette), 1));
        painter->setBrush(Qt::NoBrush);
        const QRectF r = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
        if (box)
            painter->drawRoundedRect(r, 2, 2);
        else
            painter->drawEllipse(r);
        painter->restore();
    }
}

QIcon ContrastStyle::standardIcon(StandardPixmap icon, const QStyleOption *option, const QWidget *widget) const
{
    const QPalette palette = option ? option->palette : widget ? widget->palette() : QApplication::palette();
    if (icon != SP_LineEditClearButton || !ThemeManager::isDark(palette))
        return QProxyStyle::standardIcon(icon, option, widget);
    // A cross in the text colour.
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(outlineOf(palette), 3, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(QPointF(10, 10), QPointF(22, 22));
    p.drawLine(QPointF(22, 10), QPointF(10, 22));
    return QIcon(pixmap);
}

} // namespace confab::ui
