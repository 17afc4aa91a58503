// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types.h"

#include <QAbstractListModel>

#include <vector>

namespace confab::client {

class ApiClient;
class LocalStore;
class PresenceModel;
class SyncEngine;

// The rooms the user is in, most recent activity first: cached rooms at once, then the server's
// list; live messages move a room up and count unread ones; rooms we enter or leave come and go
// one row at a time.
class RoomListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles {
        RoomIdRole = Qt::UserRole + 1,
        NameRole,
        DescriptionRole,
        TypeRole, // "public", "direct", ...
        UnreadCountRole,
        LastActivityRole, // QDateTime (UTC)
        LastMessageRole,  // text of the last message
        LastAuthorRole,
        MemberCountRole,
        MyRoleRole,            // "owner", ... or empty
        MentionCountRole,      // unread messages that mention me (@username)
        PeerUserIdRole,        // direct rooms: the other person
        PeerStatusRole,        // direct rooms: their presence, "online", "away", "busy", "offline"
        NotificationLevelRole, // "default", "all", "mentions", "none" (mine, for this room)
        MutedRole,             // muted by me: out of the unread total, dimmed
        AvatarRole,            // the room's avatar URL; for direct rooms the other person's
    };

    RoomListModel(ApiClient &api, LocalStore &store, SyncEngine &sync, QObject *parent = nullptr);

    void setMyUserId(const QString &userId) { m_me = userId; }
    void setMyUsername(const QString &username) { m_mention = QLatin1Char('@') + username; }
    // Where direct rooms' PeerStatusRole comes from; the peers are tracked once rooms load.
    void setPresenceSource(PresenceModel *presence);
    // Cached rooms now, then the server's list.
    void load();
    void refresh();
    // A room we just created or joined, from the server's answer: listed and synced at once,
    // without waiting for the realtime event.
    void adopt(const Room &room);
    // A room we just left: gone from the list now (the server's user_left confirms it later).
    void drop(const QString &roomId);
    // The room the user is reading: its messages do not count as unread, and it is marked read.
    void setActiveRoom(const QString &roomId);
    void markRead(const QString &roomId);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(const QString &roomId) const;
    // My notification level and mute for the room: shown at once, stored on the server (which
    // tells my other devices); put back if the server refuses.
    void setNotificationPrefs(const QString &roomId, const NotificationPrefs &prefs);
    // Unread messages over every room that is not muted, for the tray, taskbar and title.
    int totalUnread() const;
    Room roomAt(int row) const { return m_rooms.at(std::size_t(row)); }
    std::optional<Room> room(const QString &roomId) const;
    bool isLoaded() const { return m_loaded; }

Q_SIGNALS:
    // The server's list has been merged in.
    void loaded();
    void loadFailed(const QString &message);
    // Setting a room's notifications failed (the old ones are back).
    void notificationPrefsFailed(const QString &roomId, const QString &message);

private:
    void upsert(const Room &room);
    void remove(const QString &roomId);
    void fetchRoom(const QString &roomId);
    void reposition(int row);
    int sortedPosition(const Room &room, int ignoreRow) const;
    void changed(int row);
    void applyNotificationPrefs(const QString &roomId, const NotificationPrefs &prefs);
    void fetchPage(int offset, std::shared_ptr<std::vector<Room>> acc, quint64 gen);

    ApiClient &m_api;
    LocalStore &m_store;
    SyncEngine &m_sync;
    void trackPeers();
    void peerPresenceChanged(const QString &userId);

    QString m_me;
    QString m_mention; // "@username"
    PresenceModel *m_presence = nullptr;
    QString m_active;
    std::vector<Room> m_rooms;
    bool m_loaded = false;
    quint64 m_generation = 0;
};

} // namespace confab::client
