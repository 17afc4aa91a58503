#include "outbox.h"

#include "client/net/apiclient.h"
#include "client/net/realtimeconnection.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QUuid>

Q_LOGGING_CATEGORY(lcOutbox, "confab.client.outbox")

namespace confab::client {

Outbox::Outbox(ApiClient &api, LocalStore &store, RealtimeConnection &connection, QObject *parent)
    : QObject(parent), m_api(api), m_store(store), m_connection(connection), m_items(store.outgoing())
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        m_waiting.clear();
        pump();
    });
    // The server is back: everything that waited goes again.
    connect(&m_connection, &RealtimeConnection::online, this, [this] {
        m_retryTimer.stop();
        m_waiting.clear();
        m_failures = 0;
        pump();
    });
}

QString Outbox::send(const QString &roomId, const QString &content, const QString &replyTo)
{
    OutgoingItem item;
    item.clientMsgId = QStringLiteral("c") + QUuid::createUuid().toString(QUuid::Id128);
    item.roomId = roomId;
    item.content = content;
    item.replyTo = replyTo;
    item.createdAt = QDateTime::currentMSecsSinceEpoch();
    m_store.addOutgoing(item); // on disk before anyone sees it
    m_items.push_back(item);
    Q_EMIT queued(item);
    pump();
    return item.clientMsgId;
}

void Outbox::retry(const QString &clientMsgId)
{
    OutgoingItem *item = find(clientMsgId);
    if (!item || item->state != OutgoingItem::State::Failed)
        return;
    item->state = OutgoingItem::State::Pending;
    item->error.clear();
    m_store.updateOutgoing(*item);
    Q_EMIT stateChanged(*item);
    m_waiting.remove(item->roomId);
    pump();
}

void Outbox::discard(const QString &clientMsgId)
{
    OutgoingItem *item = find(clientMsgId);
    if (!item || item->state != OutgoingItem::State::Failed)
        return; // a pending one may already be on the server; only failed ones can go
    const QString roomId = item->roomId;
    m_store.removeOutgoing(clientMsgId);
    std::erase_if(m_items, [&](const OutgoingItem &i) { return i.clientMsgId == clientMsgId; });
    Q_EMIT discarded(roomId, clientMsgId);
}

void Outbox::resume()
{
    m_running = true;
    pump();
}

void Outbox::pause()
{
    m_running = false;
    m_retryTimer.stop();
}

std::vector<OutgoingItem> Outbox::items(const QString &roomId) const
{
    std::vector<OutgoingItem> out;
    for (const auto &i : m_items) {
        if (i.roomId == roomId)
            out.push_back(i);
    }
    return out;
}

OutgoingItem *Outbox::find(const QString &clientMsgId)
{
    for (auto &i : m_items) {
        if (i.clientMsgId == clientMsgId)
            return &i;
    }
    return nullptr;
}

void Outbox::pump()
{
    if (!m_running)
        return;
    QSet<QString> seen;
    for (const auto &i : m_items) {
        if (i.state != OutgoingItem::State::Pending || seen.contains(i.roomId))
            continue;
        seen.insert(i.roomId);
        if (!m_inFlight.contains(i.roomId) && !m_waiting.contains(i.roomId))
            sendHead(i.roomId);
    }
}

void Outbox::sendHead(const QString &roomId)
{
    const OutgoingItem *head = nullptr;
    for (const auto &i : m_items) {
        if (i.roomId == roomId && i.state == OutgoingItem::State::Pending) {
            head = &i;
            break;
        }
    }
    if (!head)
        return;
    m_inFlight.insert(roomId);
    OutgoingMessage m;
    m.content = head->content;
    m.type = head->type;
    m.replyTo = head->replyTo;
    m.clientMsgId = head->clientMsgId;
    const QString clientMsgId = head->clientMsgId;
    m_api.sendMessage(roomId, m, this, [this, roomId, clientMsgId](const ApiResult<Message> &r) {
        m_inFlight.remove(roomId);
        OutgoingItem *item = find(clientMsgId);
        if (r.ok()) {
            m_failures = 0;
            m_store.removeOutgoing(clientMsgId);
            std::erase_if(m_items, [&](const OutgoingItem &i) { return i.clientMsgId == clientMsgId; });
            Q_EMIT delivered(roomId, clientMsgId, r.value);
        } else if (r.isTransient() || r.httpStatus == 401) {
            // Not the message's fault: keep it pending and send it again, unchanged, later.
            // (401: the session is gone; signing in again resumes the outbox.)
            qCInfo(lcOutbox) << "send of" << clientMsgId << "will be repeated:" << r.error->message;
            onTransientFailure(roomId, r.error->retryAfterSeconds);
            return;
        } else if (item) {
            item->state = OutgoingItem::State::Failed;
            item->error = r.error->message.isEmpty() ? errorCodeName(r.error->code) : r.error->message;
            m_store.updateOutgoing(*item);
            Q_EMIT stateChanged(*item);
        }
        pump();
    });
}

void Outbox::onTransientFailure(const QString &roomId, int retryAfterSeconds)
{
    ++m_failures;
    m_waiting.insert(roomId);
    // The connection coming back online (its reconnect policy) is the main trigger; meanwhile the
    // same policy's table paces a retry, or the server's Retry-After when it gave one.
    const int delay = retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : m_connection.policy().delayMs(m_failures);
    if (!m_retryTimer.isActive() || m_retryTimer.remainingTime() > delay)
        m_retryTimer.start(delay);
}

} // namespace confab::client
