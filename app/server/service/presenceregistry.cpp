// SPDX-License-Identifier: GPL-3.0-or-later
#include "presenceregistry.h"

namespace confab::server {

std::optional<Presence> PresenceRegistry::connectionOpened(const QString &userId, qint64 now, const Presence &persisted)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.find(userId);
    if (it == m_entries.end()) {
        Entry e;
        e.presence = persisted;
        e.presence.userId = userId;
        // A user who chose "offline" (invisible) stays so; anyone else comes back as they left it.
        e.chosen = persisted.status == PresenceStatus::Offline ? PresenceStatus::Online : persisted.status;
        it = m_entries.insert(userId, e);
    }
    ++it->connections;
    const PresenceStatus before = it->presence.status;
    it->presence.status = it->chosen;
    it->presence.lastSeen = now;
    if (before == it->presence.status && it->connections > 1)
        return std::nullopt;
    return it->presence;
}

bool PresenceRegistry::connectionClosed(const QString &userId, qint64 now)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.find(userId);
    if (it == m_entries.end() || it->connections == 0)
        return false;
    --it->connections;
    it->presence.lastSeen = now;
    return it->connections == 0;
}

std::optional<Presence> PresenceRegistry::expireIfDisconnected(const QString &userId, qint64 now)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.find(userId);
    if (it == m_entries.end() || it->connections > 0 || it->presence.status == PresenceStatus::Offline)
        return std::nullopt;
    it->presence.status = PresenceStatus::Offline;
    it->presence.lastSeen = now;
    return it->presence;
}

Presence PresenceRegistry::set(const QString &userId, PresenceStatus status, const QString &customStatus, qint64 now)
{
    QMutexLocker lock(&m_mutex);
    Entry &e = m_entries[userId];
    e.presence.userId = userId;
    e.chosen = status;
    e.presence.customStatus = customStatus;
    e.presence.lastSeen = now;
    // Choosing "offline" while connected means invisible: others see offline.
    e.presence.status = (e.connections > 0 || status == PresenceStatus::Offline) ? status : PresenceStatus::Offline;
    return e.presence;
}

std::optional<Presence> PresenceRegistry::get(const QString &userId) const
{
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.constFind(userId);
    if (it == m_entries.constEnd())
        return std::nullopt;
    return it->presence;
}

bool PresenceRegistry::isOnline(const QString &userId) const
{
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.constFind(userId);
    return it != m_entries.constEnd() && it->connections > 0 && it->presence.status != PresenceStatus::Offline;
}

int PresenceRegistry::onlineCount() const
{
    QMutexLocker lock(&m_mutex);
    int n = 0;
    for (const auto &e : m_entries)
        n += e.connections > 0 ? 1 : 0;
    return n;
}

} // namespace confab::server
