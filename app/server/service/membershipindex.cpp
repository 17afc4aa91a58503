// SPDX-License-Identifier: GPL-3.0-or-later
#include "membershipindex.h"

namespace confab::server {

namespace {
const UserSet &emptySet()
{
    static const UserSet empty = std::make_shared<const QSet<QString>>();
    return empty;
}
} // namespace

void MembershipIndex::load(const std::vector<std::pair<QString, QString>> &memberships)
{
    QHash<QString, QSet<QString>> members;
    QHash<QString, QSet<QString>> rooms;
    for (const auto &[room, user] : memberships) {
        members[room].insert(user);
        rooms[user].insert(room);
    }
    QWriteLocker lock(&m_lock);
    m_members.clear();
    for (auto it = members.begin(); it != members.end(); ++it)
        m_members.insert(it.key(), std::make_shared<const QSet<QString>>(std::move(it.value())));
    m_rooms = std::move(rooms);
}

void MembershipIndex::add(const QString &roomId, const QString &userId)
{
    QWriteLocker lock(&m_lock);
    const UserSet &old = m_members.value(roomId, emptySet());
    if (old->contains(userId))
        return;
    auto next = std::make_shared<QSet<QString>>(*old);
    next->insert(userId);
    m_members.insert(roomId, std::move(next));
    m_rooms[userId].insert(roomId);
}

void MembershipIndex::remove(const QString &roomId, const QString &userId)
{
    QWriteLocker lock(&m_lock);
    auto it = m_members.find(roomId);
    if (it == m_members.end() || !(*it)->contains(userId))
        return;
    auto next = std::make_shared<QSet<QString>>(**it);
    next->remove(userId);
    *it = std::move(next);
    auto r = m_rooms.find(userId);
    if (r != m_rooms.end()) {
        r->remove(roomId);
        if (r->isEmpty())
            m_rooms.erase(r);
    }
}

void MembershipIndex::removeRoom(const QString &roomId)
{
    QWriteLocker lock(&m_lock);
    const UserSet members = m_members.take(roomId);
    if (!members)
        return;
    for (const QString &user : *members) {
        auto r = m_rooms.find(user);
        if (r != m_rooms.end()) {
            r->remove(roomId);
            if (r->isEmpty())
                m_rooms.erase(r);
        }
    }
}

void MembershipIndex::removeUser(const QString &userId)
{
    const QSet<QString> rooms = roomsOf(userId);
    for (const QString &room : rooms)
        remove(room, userId);
}

UserSet MembershipIndex::membersOf(const QString &roomId) const
{
    QReadLocker lock(&m_lock);
    return m_members.value(roomId, emptySet());
}

QSet<QString> MembershipIndex::roomsOf(const QString &userId) const
{
    QReadLocker lock(&m_lock);
    return m_rooms.value(userId);
}

bool MembershipIndex::isMember(const QString &roomId, const QString &userId) const
{
    QReadLocker lock(&m_lock);
    auto it = m_members.constFind(roomId);
    return it != m_members.constEnd() && (*it)->contains(userId);
}

QSet<QString> MembershipIndex::contactsOf(const QString &userId, int maxRoomSize) const
{
    QReadLocker lock(&m_lock);
    QSet<QString> out{userId};
    for (const QString &room : m_rooms.value(userId)) {
        const UserSet &members = m_members.value(room, emptySet());
        if (members->size() <= maxRoomSize)
            out.unite(*members);
    }
    return out;
}

} // namespace confab::server
