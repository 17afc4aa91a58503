// SPDX-License-Identifier: GPL-3.0-or-later
#include "avatarpainter.h"

#include <QPainter>
#include <QPainterPath>

namespace confab::ui {

QString initialsOf(const QString &name)
{
    QString out;
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &w : words) {
        const QChar c = w.at(0);
        if (!c.isLetterOrNumber())
            continue;
        out += c.toUpper();
        if (out.size() == 2)
            break;
    }
    if (out.isEmpty()) {
        for (const QChar c : name) {
            if (c.isLetterOrNumber()) {
                out = c.toUpper();
                break;
            }
        }
    }
    return out.isEmpty() ? QStringLiteral("?") : out;
}

QColor avatarColor(const QString &id)
{
    // FNV-1a, not qHash: the same person keeps the same colour across runs and machines.
    quint32 hash = 2166136261u;
    for (const QChar c : id) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    // Mid lightness and saturation: white initials stay readable in light and dark palettes.
    return QColor::fromHsl(int(hash % 360u), 130, 110);
}

void paintAvatar(QPainter *painter, const QRect &rect, const QString &id, const QString &name, bool round,
                 const QImage &picture)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (!picture.isNull()) {
        QPainterPath shape;
        if (round)
            shape.addEllipse(QRectF(rect));
        else
            shape.addRoundedRect(QRectF(rect), rect.width() / 4.0, rect.height() / 4.0);
        painter->setClipPath(shape);
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        // The middle square of a picture that is not square, never stretched.
        const int side = qMin(picture.width(), picture.height());
        painter->drawImage(QRectF(rect), picture,
                           QRectF((picture.width() - side) / 2.0, (picture.height() - side) / 2.0, side, side));
        painter->restore();
        return;
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(avatarColor(id));
    if (round)
        painter->drawEllipse(rect);
    else
        painter->drawRoundedRect(rect, rect.width() / 4.0, rect.height() / 4.0);
    QFont f = painter->font();
    f.setBold(true);
    f.setPixelSize(qMax(8, rect.height() * 2 / 5));
    painter->setFont(f);
    painter->setPen(Qt::white);
    painter->drawText(rect, Qt::AlignCenter, initialsOf(name));
    painter->restore();
}

QImage avatarImage(int side, const QString &id, const QString &name, const QImage &picture)
{
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    paintAvatar(&p, QRect(0, 0, side, side), id, name, true, picture);
    return image;
}

} // namespace confab::ui
