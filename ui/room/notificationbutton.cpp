// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationbutton.h"

#include "roomlist/notificationmenu.h"

#include "client/models/roomlistmodel.h"

namespace confab::ui {

NotificationButton::NotificationButton(QWidget *parent) : QToolButton(parent), m_menu(new NotificationMenu(this))
{
    setMenu(m_menu);
    setPopupMode(QToolButton::InstantPopup);
    setFocusPolicy(Qt::StrongFocus);
    setAutoRaise(true);
    setAccessibleName(tr("Notifications for this room"));
    refresh();
}

void NotificationButton::setRoom(client::RoomListModel *rooms, const QString &roomId)
{
    if (m_rooms)
        disconnect(m_rooms, nullptr, this, nullptr);
    m_rooms = rooms;
    m_roomId = roomId;
    m_menu->setRoom(rooms, roomId);
    if (rooms) {
        connect(rooms, &QAbstractItemModel::dataChanged, this, &NotificationButton::refresh);
        connect(rooms, &QAbstractItemModel::modelReset, this, &NotificationButton::refresh);
    }
    refresh();
}

void NotificationButton::refresh()
{
    const auto room = m_rooms ? m_rooms->room(m_roomId) : std::nullopt;
    setEnabled(room.has_value());
    const NotificationPrefs prefs = room ? room->notifications : NotificationPrefs{};
    const bool quiet = prefs.muted || prefs.level == NotificationLevel::None;
    setText(quiet ? QStringLiteral("🔕") : QStringLiteral("🔔"));
    const QString state = NotificationMenu::describe(prefs.level, prefs.muted);
    setToolTip(tr("Notifications: %1").arg(state));
    setAccessibleDescription(state);
}

} // namespace confab::ui
