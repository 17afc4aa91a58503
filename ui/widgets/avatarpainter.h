#pragma once

#include <QColor>
#include <QRect>
#include <QString>

class QPainter;

namespace confab::ui {

// Initials on a coloured disc (or rounded square), the colour stable per id: for rooms and
// authors alike.
QString initialsOf(const QString &name);
QColor avatarColor(const QString &id);
void paintAvatar(QPainter *painter, const QRect &rect, const QString &id, const QString &name, bool round = true);

} // namespace confab::ui
