// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionregistry.h"

#include "framewriter.h"
#include "realtimesession.h"

namespace confab::server {

void ConnectionRegistry::add(RealtimeSession *session)
{
    m_byUser[session->caller().userId].append(session);
    ++m_count;
    ++m_version;
}

void ConnectionRegistry::remove(RealtimeSession *session)
{
    auto it = m_byUser.find(session->caller().userId);
    if (it == m_byUser.end() || !it->removeOne(session))
        return;
    --m_count;
    ++m_version;
    if (it->isEmpty())
        m_byUser.erase(it);
}

QList<RealtimeSession *> ConnectionRegistry::sessionsFor(const UserSet &users) const
{
    QList<RealtimeSession *> out;
    // Whichever is smaller: the addressed users or the users online here.
    if (users->size() <= m_byUser.size()) {
        for (const QString &user : *users) {
            auto it = m_byUser.constFind(user);
            if (it != m_byUser.constEnd())
                out.append(*it);
        }
    } else {
        for (auto it = m_byUser.constBegin(); it != m_byUser.constEnd(); ++it) {
            if (users->contains(it.key()))
                out.append(*it);
        }
    }
    return out;
}

const QList<RealtimeSession *> &ConnectionRegistry::audienceOf(const QString &roomId, const UserSet &members)
{
    auto it = m_audiences.find(roomId);
    if (it != m_audiences.end() && it->members == members && it->version == m_version)
        return it->sessions;
    if (it == m_audiences.end()) {
        if (m_audiences.size() >= kMaxCachedAudiences)
            m_audiences.clear(); // rebuilt on demand; only rooms that talk come back
        it = m_audiences.insert(roomId, Audience{});
    }
    it->members = members;
    it->version = m_version;
    it->sessions = sessionsFor(members);
    return it->sessions;
}

void ConnectionRegistry::deliver(const Delivery &delivery)
{
    if (!delivery.toUsers || delivery.toUsers->isEmpty() || m_byUser.isEmpty())
        return;
    // A copy (of a shared list, so cheap): a send may close a slow session, which removes it
    // from the registry and the cache.
    const QList<RealtimeSession *> sessions =
        delivery.roomId.isEmpty() ? sessionsFor(delivery.toUsers) : audienceOf(delivery.roomId, delivery.toUsers);
    // Framed once: every recipient's socket is given these same bytes.
    const QByteArray frame = webSocketTextFrame(delivery.frame);
    const bool skipSomeone = !delivery.exceptUserId.isEmpty();
    for (RealtimeSession *s : sessions) {
        if (skipSomeone && s->caller().userId == delivery.exceptUserId)
            continue;
        s->deliver(delivery.frame, frame);
        ++m_framesSent;
    }
}

} // namespace confab::server
