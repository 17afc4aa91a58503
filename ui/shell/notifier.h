// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace confab::client {
class ChatEngine;
}

namespace confab::ui {

// Decides which incoming messages deserve a desktop notification: by default mentions of me and
// messages in direct conversations and groups, else as my level for the room says (all, mentions,
// nothing; muted: nothing), from someone else, in a room that is not in front of the user (window inactive or another room open). Messages arriving together (a reconnect's
// catch-up) are gathered into one notification.
class Notifier : public QObject {
    Q_OBJECT
public:
    // isRoomInFront(roomId): whether the user is looking at that room right now.
    explicit Notifier(std::function<bool(const QString &roomId)> isRoomInFront, QObject *parent = nullptr);

    void setEngine(client::ChatEngine *engine);
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    // How long to gather messages before notifying.
    void setGatherInterval(int ms) { m_gather.setInterval(ms); }

    // The room of the last notification, to open when it is clicked.
    QString lastRoomId() const { return m_lastRoomId; }
    int notificationCount() const { return m_count; }

    // Whether this message calls for a notification at all (before "is it in front"), by the
    // room's default: everything in direct and group conversations, mentions elsewhere.
    static bool concernsMe(const Message &message, RoomType roomType, const QString &myUserId,
                           const QString &myUsername);
    // The same under my notification level and mute for the room.
    static bool wanted(const Message &message, const Room &room, const QString &myUserId, const QString &myUsername);

Q_SIGNALS:
    // Show this (the tray does, and the taskbar entry asks for attention). The sender's id, name
    // and avatar URL, for the notification's picture, when one person wrote everything in it
    // (empty for a gathered notification from several).
    void notify(const QString &title, const QString &body, const QString &roomId, const QString &senderId,
                const QString &senderName, const QString &senderAvatar);

private:
    struct Pending {
        QString roomId;
        QString title;
        QString body;
        QString senderId;
        QString senderName;
        QString senderAvatar;
    };
    void consider(const Message &message);
    void flush();

    std::function<bool(const QString &)> m_isRoomInFront;
    QPointer<client::ChatEngine> m_engine;
    bool m_enabled = true;
    QTimer m_gather;
    QList<Pending> m_pending;
    QString m_lastRoomId;
    int m_count = 0;
};

} // namespace confab::ui
