// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QObject>
#include <QPointer>

class QAbstractItemModel;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace confab::client {
class RealtimeConnection;
class RoomListModel;
} // namespace confab::client

namespace confab::ui {

// The icon in the system tray: the unread count over every room drawn on it, greyed while the
// connection is down, a menu (show, quit), a click brings the window back. Notifications go out through it. Without a system tray
// (some desktops, the offscreen platform) nothing shows, and the count is still kept.
class TrayIcon : public QObject {
    Q_OBJECT
public:
    explicit TrayIcon(QWidget *window, QObject *parent = nullptr);
    ~TrayIcon() override;

    void setRooms(client::RoomListModel *rooms);
    // Follows the connection: grey while it is down (Retrying or Offline); none: not offline.
    void setConnection(client::RealtimeConnection *connection);
    int unreadCount() const { return m_unread; }
    // What is drawn on the icon: "", "7", "99+".
    QString badgeText() const { return badgeFor(m_unread); }
    QIcon icon() const { return m_icon; }
    // Not connected to the server: the grey icon (the count is still kept).
    void setOffline(bool offline);
    bool isOffline() const { return m_offline; }
    bool isShown() const;
    // With the sender's picture when given, else the application's icon.
    void showMessage(const QString &title, const QString &body, const QIcon &icon = {});
    QIcon lastMessageIcon() const { return m_lastMessageIcon; }

    // The icon files built in from resources/icons (:/icons/<variant>-<size>.png).
    enum class Variant { Normal, Unread, Offline };
    static QIcon appIcon(Variant variant = Variant::Normal);
    // The application's icon, with a count badge when badge is not empty.
    static QIcon renderIcon(const QString &badge = {});
    static QPixmap renderPixmap(int size, const QString &badge);
    static QString badgeFor(int count);

Q_SIGNALS:
    void unreadCountChanged(int count);
    // The user clicked a notification shown through the tray.
    void messageClicked();

private:
    void recount();
    void updateIcon();
    void restoreWindow();

    QPointer<QWidget> m_window;
    QPointer<client::RoomListModel> m_rooms;
    QPointer<client::RealtimeConnection> m_connection;
    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
    QIcon m_icon;
    QIcon m_lastMessageIcon;
    int m_unread = -1;
    bool m_offline = false;
};

} // namespace confab::ui
