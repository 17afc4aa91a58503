// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/enums.h"

#include <QMenu>
#include <QPointer>

namespace confab::client {
class RoomListModel;
}

namespace confab::ui {

// "Notify me about": default, all messages, mentions only, nothing; and "Mute room". Acts on one
// room of the room list (which stores the choice on the server); the checks show the room's
// current choice each time the menu opens. Used by the room list's context menu, the room
// header's bell and the Room menu.
class NotificationMenu : public QMenu {
    Q_OBJECT
public:
    explicit NotificationMenu(QWidget *parent = nullptr);

    void setRoom(client::RoomListModel *rooms, const QString &roomId);
    QString roomId() const { return m_roomId; }
    QAction *levelAction(NotificationLevel level) const;
    QAction *muteAction() const { return m_mute; }
    // Ticks the room's current choice (also done when the menu opens).
    void refresh();

    // Short words for the room's state, for the bell's tooltip and accessible description.
    static QString describe(NotificationLevel level, bool muted);

private:
    void choose(NotificationLevel level, bool muted);

    QPointer<client::RoomListModel> m_rooms;
    QString m_roomId;
    QList<QAction *> m_levels; // in NotificationLevel order
    QAction *m_mute;
};

} // namespace confab::ui
