// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/types.h"

#include <QHash>
#include <QMutex>

namespace confab::server {

// Who is online now, in memory only (presence is never a room event). Thread-safe: the network
// thread counts connections and sets statuses; the storage thread reads it to fill member lists.
class PresenceRegistry {
public:
    // A connection opened or closed. Returns the presence to announce when it changed.
    std::optional<Presence> connectionOpened(const QString &userId, qint64 now, const Presence &persisted);
    // Returns true when that was the user's last connection (the grace period starts).
    bool connectionClosed(const QString &userId, qint64 now);
    // After the grace period: offline if still no connection. Returns the presence to announce.
    std::optional<Presence> expireIfDisconnected(const QString &userId, qint64 now);

    // Sets a status chosen by the user. Returns the new presence.
    Presence set(const QString &userId, PresenceStatus status, const QString &customStatus, qint64 now);

    // The user's presence if known in memory (online users and those seen since start).
    std::optional<Presence> get(const QString &userId) const;
    bool isOnline(const QString &userId) const;
    int onlineCount() const;

private:
    struct Entry {
        Presence presence;
        PresenceStatus chosen = PresenceStatus::Online; // what the user picked, restored on reconnect
        int connections = 0;
    };
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace confab::server
