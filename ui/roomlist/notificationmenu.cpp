// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationmenu.h"

#include "client/models/roomlistmodel.h"

#include <QActionGroup>

namespace confab::ui {

NotificationMenu::NotificationMenu(QWidget *parent) : QMenu(parent)
{
    setTitle(tr("&Notifications"));
    setAccessibleName(tr("Notifications for this room"));
    auto *group = new QActionGroup(this);
    for (const auto &[level, label] :
         {std::pair{NotificationLevel::Default, tr("&Default (direct messages and mentions)")},
          std::pair{NotificationLevel::All, tr("&All messages")},
          std::pair{NotificationLevel::Mentions, tr("&Mentions only")},
          std::pair{NotificationLevel::None, tr("N&othing")}}) {
        QAction *a = addAction(label);
        a->setCheckable(true);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, level = level] { choose(level, m_mute->isChecked()); });
        m_levels << a;
    }
    addSeparator();
    m_mute = addAction(tr("M&ute room"));
    m_mute->setCheckable(true);
    connect(m_mute, &QAction::triggered, this, [this](bool muted) {
        const auto room = m_rooms ? m_rooms->room(m_roomId) : std::nullopt;
        choose(room ? room->notifications.level : NotificationLevel::Default, muted);
    });
    connect(this, &QMenu::aboutToShow, this, &NotificationMenu::refresh);
    refresh();
}

void NotificationMenu::setRoom(client::RoomListModel *rooms, const QString &roomId)
{
    m_rooms = rooms;
    m_roomId = roomId;
    refresh();
}

QAction *NotificationMenu::levelAction(NotificationLevel level) const { return m_levels.value(int(level)); }

void NotificationMenu::refresh()
{
    const auto room = m_rooms ? m_rooms->room(m_roomId) : std::nullopt;
    for (QAction *a : actions())
        a->setEnabled(room.has_value());
    const NotificationPrefs prefs = room ? room->notifications : NotificationPrefs{};
    levelAction(prefs.level)->setChecked(true);
    m_mute->setChecked(prefs.muted);
}

void NotificationMenu::choose(NotificationLevel level, bool muted)
{
    if (m_rooms && !m_roomId.isEmpty())
        m_rooms->setNotificationPrefs(m_roomId, NotificationPrefs{level, muted});
    refresh();
}

QString NotificationMenu::describe(NotificationLevel level, bool muted)
{
    if (muted)
        return tr("Muted");
    switch (level) {
    case NotificationLevel::All: return tr("Notify about all messages");
    case NotificationLevel::Mentions: return tr("Notify about mentions only");
    case NotificationLevel::None: return tr("No notifications");
    case NotificationLevel::Default: break;
    }
    return tr("Notify about direct messages and mentions");
}

} // namespace confab::ui
