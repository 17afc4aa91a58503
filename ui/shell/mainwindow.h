// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QPointer>

class QAction;
class QActionGroup;
class QLineEdit;
class QListView;
class QMenu;
class QToolButton;

namespace confab::client {
class ChatEngine;
class Session;
} // namespace confab::client

namespace confab::ui {

class AccountButton;
class AppSettings;
class AutoAway;
class AvatarImages;
class ConnectionBanner;
class KeychainPrompt;
class MessageAnnouncer;
class NotificationMenu;
class Notifier;
class RoomSectionModel;
class RoomSwitcher;
class RoomView;
class ThemeManager;
class TrayIcon;
class WindowTitle;

// Rooms on the left (me and my status, filter, "+", the list in sections), the open room on the
// right, the connection banner on top, a menu bar with every command. Follows the session: shows
// the engine's rooms when signed in, drops every per-room model (and closes dialogs that act on
// the engine) before the engine goes away. Owns the desktop integration: theme, tray icon,
// notifications, automatic away.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(client::Session &session, QWidget *parent = nullptr);
    ~MainWindow() override;

    QLineEdit *roomFilter() const { return m_filter; }
    QListView *roomList() const { return m_rooms; }
    RoomView *roomView() const { return m_roomView; }
    ConnectionBanner *banner() const { return m_banner; }
    AccountButton *accountButton() const { return m_account; }
    QToolButton *newButton() const { return m_newButton; }
    // The room list's context menu (notification level and mute of the room under it).
    NotificationMenu *roomContextMenu() const { return m_roomContextMenu; }
    QString currentRoomId() const;

    AppSettings &settings() const { return *m_settings; }
    ThemeManager &theme() const { return *m_theme; }
    AutoAway &autoAway() const { return *m_autoAway; }
    Notifier &notifier() const { return *m_notifier; }
    MessageAnnouncer &announcer() const { return *m_announcer; }
    TrayIcon &tray() const { return *m_tray; }
    KeychainPrompt &keychainPrompt() const { return *m_keychainPrompt; }

    // The Room menu (acts on the open room). Other parts add their room commands here, after
    // roomMenuSeparator().
    QMenu *roomMenu() const { return m_roomMenu; }
    QAction *roomMenuSeparator() const { return m_roomMenuSeparator; }
    QAction *newRoomAction() const { return m_newRoom; }
    QAction *inviteAction() const { return m_invite; }
    QAction *settingsAction() const { return m_settingsAction; }
    QAction *signOutAction() const { return m_signOut; } // asks first (SignOutConfirmation)
    // The dialog opened by the last command, while it is open.
    QDialog *currentDialog() const { return m_dialog; }

    // Opens the room n rows below (positive) or above (negative) the current one in the list.
    void moveRoom(int delta);
    // Opens the next room with unread messages below (1) or above (-1), wrapping around.
    void moveToUnread(int direction);
    // Opens this room if it is listed (clearing the filter if that hides it).
    bool openRoom(const QString &roomId);

    QDialog *openCreateRoomDialog();
    QDialog *openBrowseRoomsDialog();
    QDialog *openDirectMessageDialog();
    // "Message" on a member: opens the direct room with them, made first if there is none.
    void openDirectRoomWith(const QString &userId);
    QDialog *openInviteDialog();
    QDialog *openLeaveRoomDialog();
    QDialog *openSettingsDialog();
    QDialog *openShortcutsDialog();
    QDialog *openDeleteAccountDialog();
    // Message search over the open room (Ctrl+F) or every room (Ctrl+Shift+F); a chosen result
    // opens its room at that message.
    QDialog *openSearchDialog(bool allRooms);
    QDialog *openProfileDialog();
    QDialog *openExportDialog();

    // Geometry in QSettings, so the window comes back where it was.
    void restoreWindowGeometry();
    void saveWindowGeometry() const;

Q_SIGNALS:
    // The user asked to start Confab again (Settings, after choosing a language).
    void restartRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *buildRoomPane();
    void buildMenus();
    void applySettings();
    void attach(client::ChatEngine *engine);
    void detach();
    // The selected room, unless the room filter is only proposing it.
    void openCurrentRoom();
    void openSelectedRoom();
    QModelIndex indexOfRoom(const QString &roomId) const;
    // The list's selection back on the open room (after the filter moved it).
    void selectOpenRoom();
    void selectFirstRoomIfNone();
    void updateRoomActions();
    // Shows a dialog of ours: window-modal, deleted on close, closed on sign-out.
    QDialog *present(QDialog *dialog);
    void showNotification(const QString &title, const QString &body, const QString &senderId, const QString &senderName,
                          const QString &senderAvatar);

    client::Session &m_session;
    QPointer<client::ChatEngine> m_engine;
    AppSettings *m_settings;
    ThemeManager *m_theme;
    AutoAway *m_autoAway;
    Notifier *m_notifier;
    MessageAnnouncer *m_announcer;
    TrayIcon *m_tray;
    WindowTitle *m_title = nullptr;
    KeychainPrompt *m_keychainPrompt = nullptr;
    AccountButton *m_account;
    QLineEdit *m_filter;
    QToolButton *m_newButton;
    QListView *m_rooms;
    RoomSectionModel *m_roomModel;
    RoomSwitcher *m_switcher = nullptr;
    NotificationMenu *m_roomContextMenu = nullptr;
    RoomView *m_roomView;
    ConnectionBanner *m_banner;
    QPointer<QDialog> m_dialog;
    bool m_removingRows = false;

    QMenu *m_roomMenu = nullptr;
    QAction *m_roomMenuSeparator = nullptr;
    QAction *m_newRoom = nullptr;
    QAction *m_browseRooms = nullptr;
    QAction *m_directMessage = nullptr;
    QAction *m_invite = nullptr;
    QAction *m_leave = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_signOut = nullptr;
    QAction *m_deleteAccount = nullptr; // in the account button's menu
    QAction *m_profileAction = nullptr; // in the account button's menu
    AvatarImages *m_avatars = nullptr;  // pictures of direct rooms' people in the room list
    QAction *m_exportAction = nullptr;  // in the account button's menu
    QActionGroup *m_themeGroup = nullptr;
};

} // namespace confab::ui
