// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QImage>
#include <QRect>
#include <QString>

class QPainter;

namespace confab::ui {

// Initials on a coloured disc (or rounded square), the colour stable per id: for rooms and
// authors alike. With a picture (AvatarImages), the picture in that shape instead.
QString initialsOf(const QString &name);
QColor avatarColor(const QString &id);
void paintAvatar(QPainter *painter, const QRect &rect, const QString &id, const QString &name, bool round = true,
                 const QImage &picture = {});
// The same round avatar on its own, `side` pixels square with a transparent corner (notifications).
QImage avatarImage(int side, const QString &id, const QString &name, const QImage &picture = {});

} // namespace confab::ui
