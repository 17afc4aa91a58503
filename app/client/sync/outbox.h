#pragma once

#include "client/sync/localstore.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace confab::client {

class ApiClient;
class RealtimeConnection;

// Messages the user wrote, until the server has them. Each gets a clientMsgId and is written to
// disk before it is shown, then sent over REST one at a time per room, in order. A send that got
// no answer (server down, time-out, 5xx, 429) is repeated with the SAME clientMsgId, so the
// server's idempotency stores it once, however often it is sent. Retries wait for the realtime
// connection to come back (its reconnect policy is the only retry schedule), or, while it is
// online, for that policy's delay. Only a permanent refusal (another 4xx) marks a message failed,
// with the reason; retry() queues it again.
//
// Why REST and not the WebSocket: every send gets its own status code, so a permanent error is
// told from a transient one without guessing, and sending does not depend on the socket's state.
class Outbox : public QObject {
    Q_OBJECT
public:
    Outbox(ApiClient &api, LocalStore &store, RealtimeConnection &connection, QObject *parent = nullptr);

    // Queues a message; returns its clientMsgId. The item is on disk when this returns.
    QString send(const QString &roomId, const QString &content, const QString &replyTo = {});
    void retry(const QString &clientMsgId);
    void discard(const QString &clientMsgId);

    // Starts (or resumes) sending whatever is queued, e.g. after sign-in or a restart.
    void resume();
    void pause();

    std::vector<OutgoingItem> items(const QString &roomId) const;
    int count() const { return int(m_items.size()); }

Q_SIGNALS:
    void queued(const confab::client::OutgoingItem &item);
    void delivered(const QString &roomId, const QString &clientMsgId, const confab::Message &message);
    // State changed to Failed (with error) or back to Pending (retry).
    void stateChanged(const confab::client::OutgoingItem &item);
    void discarded(const QString &roomId, const QString &clientMsgId);

private:
    void pump();
    void sendHead(const QString &roomId);
    void onTransientFailure(const QString &roomId, int retryAfterSeconds);
    OutgoingItem *find(const QString &clientMsgId);

    ApiClient &m_api;
    LocalStore &m_store;
    RealtimeConnection &m_connection;
    std::vector<OutgoingItem> m_items; // ordered by ordinal
    QSet<QString> m_inFlight;          // rooms with a send on the wire
    QSet<QString> m_waiting;           // rooms waiting for a retry trigger
    int m_failures = 0;                // consecutive transient failures
    QTimer m_retryTimer;
    bool m_running = false;
};

} // namespace confab::client
