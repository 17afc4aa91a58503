// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/effects.h"

#include <QHash>
#include <QList>

namespace confab::server {

class RealtimeSession;

// The open, authenticated sessions (WebSockets and event streams) of this node by user, and fan-out to them. Network
// thread only.
class ConnectionRegistry {
public:
    void add(RealtimeSession *session);
    void remove(RealtimeSession *session);

    // Sends the delivery's bytes to every session of every addressed user, framed once for all.
    void deliver(const Delivery &delivery);

    QList<RealtimeSession *> sessionsOf(const QString &userId) const { return m_byUser.value(userId); }
    int connectionCount() const { return m_count; }
    int userCount() const { return int(m_byUser.size()); }
    qint64 framesSent() const { return m_framesSent; }

private:
    // A room's connected audience: the sessions of the users in one membership snapshot, as of
    // one version of this registry. Membership sets are immutable snapshots replaced on change
    // (MembershipIndex), so the same set and the same registry version give the same sessions,
    // and a room's fan-out walks a list instead of looking up every member by name.
    struct Audience {
        UserSet members; // kept alive: its address identifies the snapshot
        quint64 version = 0;
        QList<RealtimeSession *> sessions;
    };
    static constexpr qsizetype kMaxCachedAudiences = 1024;

    QList<RealtimeSession *> sessionsFor(const UserSet &users) const;
    const QList<RealtimeSession *> &audienceOf(const QString &roomId, const UserSet &members);

    QHash<QString, QList<RealtimeSession *>> m_byUser;
    QHash<QString, Audience> m_audiences; // room -> audience
    quint64 m_version = 0;                // changes whenever a session comes or goes
    int m_count = 0;
    qint64 m_framesSent = 0;
};

} // namespace confab::server
