#pragma once

#include <QMainWindow>
#include <QPointer>

class QLineEdit;
class QListView;
class QSortFilterProxyModel;

namespace confab::client {
class ChatEngine;
class Session;
} // namespace confab::client

namespace confab::ui {

class ConnectionBanner;
class RoomDelegate;
class RoomView;

// Rooms on the left (filter, list), the open room on the right, the connection banner on top.
// Follows the session: shows the engine's rooms when signed in, drops every per-room model
// before the engine goes away.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(client::Session &session, QWidget *parent = nullptr);
    ~MainWindow() override;

    QLineEdit *roomFilter() const { return m_filter; }
    QListView *roomList() const { return m_rooms; }
    RoomView *roomView() const { return m_roomView; }
    ConnectionBanner *banner() const { return m_banner; }
    QString currentRoomId() const;

    // Opens the room n rows below (positive) or above (negative) the current one in the list.
    void moveRoom(int delta);

    // Geometry in QSettings, so the window comes back where it was.
    void restoreWindowGeometry();
    void saveWindowGeometry() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void attach(client::ChatEngine *engine);
    void detach();
    void openCurrentRoom();
    void selectFirstRoomIfNone();

    client::Session &m_session;
    QPointer<client::ChatEngine> m_engine;
    QLineEdit *m_filter;
    QListView *m_rooms;
    QSortFilterProxyModel *m_roomFilterModel;
    RoomView *m_roomView;
    ConnectionBanner *m_banner;
};

} // namespace confab::ui
