// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowtitle.h"

#include <QWidget>

namespace confab::ui {

WindowTitle::WindowTitle(QWidget *window) : QObject(window), m_window(window) { apply(); }

void WindowTitle::setRoomName(const QString &name)
{
    m_roomName = name;
    apply();
}

void WindowTitle::setUnread(int count)
{
    m_unread = qMax(0, count);
    apply();
}

QString WindowTitle::compose(int unread, const QString &roomName)
{
    const QString title = roomName.isEmpty() ? tr("Confab") : tr("%1 — Confab").arg(roomName);
    return unread > 0 ? tr("(%1) %2").arg(QString::number(unread), title) : title;
}

void WindowTitle::apply() { m_window->setWindowTitle(compose(m_unread, m_roomName)); }

} // namespace confab::ui
