// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/room/moderationpolicy.h"

#include "core/types.h"

#include <QObject>
#include <QTimer>

namespace confab::client {

class MemberModel;
class RoomListModel;

// Where the signed-in user stands in one room: their role (live from the member list, the room
// list's myRole until that has loaded), whether they are muted and until when, and the room's
// type and settings; and the ModerationPolicy that follows from them. changed() fires whenever
// one of these moves, including when a timed mute runs out (the server sends nothing then).
class RoomStanding : public QObject {
    Q_OBJECT
public:
    RoomStanding(const QString &roomId, const User &me, RoomListModel &rooms, MemberModel &members,
                 QObject *parent = nullptr);

    QString roomId() const { return m_roomId; }
    const User &me() const { return m_me; }
    // The room as the room list has it (name, type, settings, member count).
    const Room &room() const { return m_room; }
    std::optional<Role> myRole() const { return m_role; }
    bool isServerAdmin() const { return m_me.role == ServerRole::Admin; }
    bool isMuted() const { return m_muted; }
    qint64 mutedUntil() const { return m_mutedUntil; } // 0 with isMuted(): until lifted
    ModerationPolicy policy() const;

Q_SIGNALS:
    void changed();

private:
    void refresh();

    QString m_roomId;
    User m_me;
    RoomListModel &m_rooms;
    MemberModel &m_members;
    Room m_room;
    std::optional<Role> m_role;
    bool m_muted = false;
    qint64 m_mutedUntil = 0;
    QTimer m_muteEnds;
};

} // namespace confab::client
