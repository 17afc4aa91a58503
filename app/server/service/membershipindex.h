// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "effects.h"

#include <QHash>
#include <QReadWriteLock>
#include <QSet>

namespace confab::server {

// Who is in which room, in memory, for fan-out. Written by the storage thread after each commit,
// read by the network thread (typing, presence). Sets are immutable snapshots replaced on change,
// so a reader holds a set without a lock and fan-out never copies a 1000-member room.
class MembershipIndex {
public:
    void load(const std::vector<std::pair<QString, QString>> &memberships);
    void add(const QString &roomId, const QString &userId);
    void remove(const QString &roomId, const QString &userId);
    void removeRoom(const QString &roomId);
    void removeUser(const QString &userId);

    UserSet membersOf(const QString &roomId) const;
    QSet<QString> roomsOf(const QString &userId) const;
    bool isMember(const QString &roomId, const QString &userId) const;
    // Everyone who shares at least one room of at most `maxRoomSize` members with userId (the
    // presence audience), including userId. Large rooms are left out: announcing every arrival to
    // thousands of people costs O(members^2) frames as they connect; clients of a large room ask
    // for the presence of the members they show (GET /v1/presence).
    QSet<QString> contactsOf(const QString &userId, int maxRoomSize = 250) const;

private:
    mutable QReadWriteLock m_lock;
    QHash<QString, UserSet> m_members;     // room -> users
    QHash<QString, QSet<QString>> m_rooms; // user -> rooms
};

} // namespace confab::server
