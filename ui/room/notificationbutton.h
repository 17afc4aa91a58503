// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QToolButton>

namespace confab::client {
class RoomListModel;
}

namespace confab::ui {

class NotificationMenu;

// The bell in the room header: shows whether the open room notifies (a struck bell when muted or
// set to nothing) and opens the NotificationMenu.
class NotificationButton : public QToolButton {
    Q_OBJECT
public:
    explicit NotificationButton(QWidget *parent = nullptr);

    void setRoom(client::RoomListModel *rooms, const QString &roomId);
    NotificationMenu *notificationMenu() const { return m_menu; }

private:
    void refresh();

    QPointer<client::RoomListModel> m_rooms;
    QString m_roomId;
    NotificationMenu *m_menu;
};

} // namespace confab::ui
