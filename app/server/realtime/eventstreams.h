// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "eventstreamsession.h"

#include "http/httpmessage.h"
#include "service/storageworker.h"

#include "core/eventcursor.h"

#include <QHash>
#include <QObject>

#include <optional>

namespace confab::server {

class RateLimiter;
class RealtimeHub;

// GET /v1/events: the long-poll and Server-Sent-Events transport for clients whose network
// blocks WebSockets. Checks the request, authenticates it and replays what its cursor missed in
// one storage call, then hands it to the user's EventStreamSession, which the hub registers like
// a WebSocket (same fan-out, presence and revocation). Network thread; holds no thread per request.
class EventStreams : public QObject {
    Q_OBJECT
public:
    EventStreams(StorageWorker &worker, RealtimeHub &hub, RateLimiter &rates, const EventStreamLimits &limits,
                 QObject *parent = nullptr);
    ~EventStreams() override;

    void handle(HttpRequest &&request, HttpResponder responder);
    void closeAll();
    int count() const { return int(m_streams.size()); }

private:
    struct Request {
        QByteArray tokenHash;
        std::optional<EventCursor> cursor; // none: start from now
        int timeoutSeconds = 25;
        bool serverSentEvents = false;
    };
    void open(const Request &request, HttpResponder responder);
    void serve(EventStreamSession *session, const Request &request, HttpResponder responder);
    EventStreamSession *sessionFor(const Request &request) const; // the caller's stream named by the cursor
    EventStreamSession *create(const Caller &caller, const User &user);
    void onExpired(EventStreamSession *session);
    void expireOneIdle(const QString &userId);

    StorageWorker &m_worker;
    RealtimeHub &m_hub;
    RateLimiter &m_rates;
    const EventStreamLimits m_limits;
    QHash<QString, EventStreamSession *> m_streams; // stream id -> session
    QHash<QString, int> m_perUser;
};

} // namespace confab::server
