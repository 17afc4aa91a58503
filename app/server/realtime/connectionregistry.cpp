#include "connectionregistry.h"

#include "wssession.h"

namespace confab::server {

void ConnectionRegistry::add(WsSession *session)
{
    m_byUser[session->caller().userId].append(session);
    ++m_count;
}

void ConnectionRegistry::remove(WsSession *session)
{
    auto it = m_byUser.find(session->caller().userId);
    if (it == m_byUser.end() || !it->removeOne(session))
        return;
    --m_count;
    if (it->isEmpty())
        m_byUser.erase(it);
}

void ConnectionRegistry::deliver(const Delivery &delivery)
{
    if (!delivery.toUsers || delivery.toUsers->isEmpty() || m_byUser.isEmpty())
        return;
    // Converted once: every recipient's socket shares this string.
    const QString text = QString::fromUtf8(delivery.frame);
    const qsizetype size = delivery.frame.size();
    auto sendTo = [&](const QList<WsSession *> &sessions) {
        // A copy: a send may close a slow session, which removes it from the registry.
        const QList<WsSession *> copy = sessions;
        for (WsSession *s : copy) {
            s->sendText(text, size);
            ++m_framesSent;
        }
    };
    if (delivery.toUsers->size() <= m_byUser.size()) {
        for (const QString &user : *delivery.toUsers) {
            if (user == delivery.exceptUserId)
                continue;
            auto it = m_byUser.constFind(user);
            if (it != m_byUser.constEnd())
                sendTo(*it);
        }
    } else {
        const auto users = m_byUser.keys();
        for (const QString &user : users) {
            if (user != delivery.exceptUserId && delivery.toUsers->contains(user))
                sendTo(m_byUser.value(user));
        }
    }
}

} // namespace confab::server
