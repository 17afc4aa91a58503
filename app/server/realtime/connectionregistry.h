#pragma once

#include "service/result.h"

#include <QHash>
#include <QList>

namespace confab::server {

class WsSession;

// The open, authenticated WebSocket sessions of this node by user, and fan-out to them. Network
// thread only.
class ConnectionRegistry {
public:
    void add(WsSession *session);
    void remove(WsSession *session);

    // Sends the delivery's bytes to every session of every addressed user. Iterates whichever is
    // smaller: the addressed users or the users online here.
    void deliver(const Delivery &delivery);

    QList<WsSession *> sessionsOf(const QString &userId) const { return m_byUser.value(userId); }
    int connectionCount() const { return m_count; }
    int userCount() const { return int(m_byUser.size()); }
    qint64 framesSent() const { return m_framesSent; }

private:
    QHash<QString, QList<WsSession *>> m_byUser;
    int m_count = 0;
    qint64 m_framesSent = 0;
};

} // namespace confab::server
