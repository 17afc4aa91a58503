// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderationicons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>
#include <QtMath>

#include <functional>

namespace confab::ui {

namespace {
// Draws on a 24x24 grid, at 1x and 2x.
QIcon drawn(const QPalette &palette, const std::function<void(QPainter &)> &draw)
{
    QIcon icon;
    for (int scale : {1, 2}) {
        QPixmap pm(24 * scale, 24 * scale);
        pm.fill(Qt::transparent);
        pm.setDevicePixelRatio(scale);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        QPen pen(palette.color(QPalette::Normal, QPalette::WindowText), 1.8);
        pen.setCapStyle(Qt::RoundCap);
        pen.setJoinStyle(Qt::RoundJoin);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        draw(p);
        p.end();
        icon.addPixmap(pm, QIcon::Normal);
        // A dimmed copy for the disabled state.
        QPixmap dim(pm.size());
        dim.setDevicePixelRatio(scale);
        dim.fill(Qt::transparent);
        QPainter d(&dim);
        d.setOpacity(0.4);
        d.drawPixmap(0, 0, pm);
        d.end();
        icon.addPixmap(dim, QIcon::Disabled);
    }
    return icon;
}
} // namespace

QIcon membersIcon(const QPalette &palette)
{
    return drawn(palette, [](QPainter &p) {
        p.drawEllipse(QPointF(9, 8), 3.5, 3.5);
        QPainterPath body;
        body.moveTo(2.5, 20);
        body.cubicTo(2.5, 14.5, 15.5, 14.5, 15.5, 20);
        p.drawPath(body);
        p.drawEllipse(QPointF(16.5, 7.5), 2.8, 2.8);
        QPainterPath second;
        second.moveTo(17, 13.2);
        second.cubicTo(20, 13.4, 21.8, 15.5, 21.8, 19);
        p.drawPath(second);
    });
}

QIcon settingsIcon(const QPalette &palette)
{
    return drawn(palette, [](QPainter &p) {
        // A gear: eight teeth around a ring.
        const QPointF c(12, 12);
        QPainterPath gear;
        const int teeth = 8;
        for (int i = 0; i < teeth * 2; ++i) {
            const double a0 = (i * M_PI) / teeth - M_PI / (teeth * 2.0);
            const double a1 = a0 + M_PI / teeth;
            const double r = (i % 2 == 0) ? 9.0 : 7.0;
            const QPointF p0 = c + QPointF(r * qCos(a0), r * qSin(a0));
            const QPointF p1 = c + QPointF(r * qCos(a1), r * qSin(a1));
            if (i == 0)
                gear.moveTo(p0);
            else
                gear.lineTo(p0);
            gear.lineTo(p1);
        }
        gear.closeSubpath();
        p.drawPath(gear);
        p.drawEllipse(c, 3.0, 3.0);
    });
}

QIcon shieldIcon(const QPalette &palette)
{
    return drawn(palette, [](QPainter &p) {
        QPainterPath shield;
        shield.moveTo(12, 2.5);
        shield.lineTo(19.5, 5.5);
        shield.cubicTo(19.5, 13, 17, 18.5, 12, 21.5);
        shield.cubicTo(7, 18.5, 4.5, 13, 4.5, 5.5);
        shield.closeSubpath();
        p.drawPath(shield);
        // A check mark inside.
        QPainterPath check;
        check.moveTo(8.5, 12);
        check.lineTo(11, 14.5);
        check.lineTo(15.5, 9.5);
        p.drawPath(check);
    });
}

} // namespace confab::ui
