// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomstanding.h"

#include "client/models/membermodel.h"
#include "client/models/roomlistmodel.h"

#include <QDateTime>

namespace confab::client {

namespace {
// QTimer takes an int of milliseconds: wake at least daily and look again.
constexpr qint64 kLongestWaitMs = 24 * 3600 * 1000;
} // namespace

RoomStanding::RoomStanding(const QString &roomId, const User &me, RoomListModel &rooms, MemberModel &members,
                           QObject *parent)
    : QObject(parent), m_roomId(roomId), m_me(me), m_rooms(rooms), m_members(members)
{
    m_muteEnds.setSingleShot(true);
    connect(&m_muteEnds, &QTimer::timeout, this, &RoomStanding::refresh);
    // Any change of either list may be ours; both are small, so look again.
    for (QAbstractItemModel *model :
         {static_cast<QAbstractItemModel *>(&m_rooms), static_cast<QAbstractItemModel *>(&m_members)}) {
        connect(model, &QAbstractItemModel::dataChanged, this, &RoomStanding::refresh);
        connect(model, &QAbstractItemModel::rowsInserted, this, &RoomStanding::refresh);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &RoomStanding::refresh);
        connect(model, &QAbstractItemModel::modelReset, this, &RoomStanding::refresh);
    }
    // Our own membership may be on no loaded row of a large room.
    connect(&m_members, &MemberModel::selfChanged, this, &RoomStanding::refresh);
    refresh();
}

ModerationPolicy RoomStanding::policy() const
{
    return ModerationPolicy(Actor{m_role, isServerAdmin()}, m_me.userId, m_room.type);
}

void RoomStanding::refresh()
{
    const Room room = m_rooms.room(m_roomId).value_or(m_room);
    std::optional<Role> role = room.myRole;
    bool muted = false;
    qint64 until = 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (const std::optional<Member> mine = m_members.member(m_me.userId)) {
        role = mine->role;
        muted = MemberModel::mutedAt(*mine, now);
        until = muted ? mine->mutedUntil : 0;
    } else if (m_members.isLoaded()) {
        role.reset(); // the server's member list does not have us: we are out
    }
    m_muteEnds.stop();
    if (muted && until > 0)
        m_muteEnds.start(int(std::min(until - now + 50, kLongestWaitMs)));

    if (room == m_room && role == m_role && muted == m_muted && until == m_mutedUntil)
        return;
    m_room = room;
    m_role = role;
    m_muted = muted;
    m_mutedUntil = until;
    Q_EMIT changed();
}

} // namespace confab::client
