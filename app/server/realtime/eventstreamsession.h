// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "realtimesession.h"

#include "http/httpmessage.h"

#include "core/eventcursor.h"

#include <QPointer>
#include <QTimer>

#include <vector>

class QTcpSocket;

namespace confab::server {

struct EventStreamLimits {
    int lingerMs = 30000;       // kept (and the user counted online) this long after the last request ends
    int maxTimeoutSeconds = 60; // longest a long-poll is held
    int heartbeatMs = 15000;    // Server-Sent Events: a comment this often keeps proxies from timing out
    int maxKeptEvents = 2000;   // between requests; past it the next request replays from the event log
    qint64 maxKeptBytes = 2 * 1024 * 1024;
    qint64 maxQueuedBytes = 8 * 1024 * 1024; // an SSE reader this far behind is cut off (it resumes by Last-Event-ID)
    int maxStreamsPerUser = 8;
};

// One user's events for the long-poll and Server-Sent-Events transport (GET /v1/events). It lives
// across requests, registered for fan-out like a WebSocket: while a request is held the events go
// out, between requests they are kept (bounded), and `lingerMs` after the last request it expires.
// Every event passes one rule on the way in: a room event whose seq is not past the room's
// resume point is a duplicate (delivered live and replayed) and is dropped. So a resume from
// any cursor, replayed or kept, neither loses nor repeats an event. Costs no thread: a held
// request is an HttpResponder, a stream a socket.
class EventStreamSession : public RealtimeSession {
    Q_OBJECT
public:
    EventStreamSession(QString streamId, const Caller &caller, const EventStreamLimits &limits,
                       QObject *parent = nullptr);
    ~EventStreamSession() override;

    const Caller &caller() const override { return m_caller; }
    void setCaller(const Caller &caller) override { m_caller = caller; }
    quint64 id() const override { return m_id; }
    void deliver(const QByteArray &json, const QByteArray &wireFrame) override;
    void revoke(const QString &reason) override;

    const QString &streamId() const { return m_streamId; }
    // True if a request with `cursor` follows on from what this session handed out last, so the
    // events kept since then are exactly what it missed (no replay needed).
    bool continuesFrom(const EventCursor &cursor) const;
    // Restarts from `cursor` (the client's): `replay` (from the event log since it) comes first,
    // then whatever was kept, each through the duplicate rule.
    void resume(const EventCursor &cursor, const std::vector<QByteArray> &replay);
    // Starts afresh at `rooms` (each room's newest seq): nothing before counts.
    void startFromNow(const std::map<QString, qint64> &rooms);
    // No request held: only keeping events for the next one.
    bool isIdle() const { return !m_poll.isPending() && !m_socket; }

    // Long-poll: answers `responder` with the next events, at once if some are waiting, else
    // when one comes or after `timeoutSeconds`. A poll already held is answered now (empty).
    void hold(HttpResponder responder, int timeoutSeconds);
    // Server-Sent Events on `socket` (taken over, parentless) until it closes.
    void stream(QTcpSocket *socket);
    // Server shutdown: a held poll gets what is waiting, a stream is closed.
    void shutDown();

Q_SIGNALS:
    // Nothing held for lingerMs, or revoked: the owner unregisters and deletes it.
    void expired(confab::server::EventStreamSession *session);

private:
    struct Kept {
        QByteArray json;
        QByteArray type;
    };
    // Applies the duplicate rule and moves the resume point; false for a duplicate.
    bool admit(const QByteArray &json, QByteArray *type);
    void take(const QByteArray &json);
    void answerPoll();
    void writeEvent(const Kept &event);
    void endStream();
    void idle(); // no request held: the linger clock runs
    EventCursor position() const { return EventCursor{m_streamId, m_rooms}; }

    const QString m_streamId;
    Caller m_caller;
    const EventStreamLimits m_limits;
    const quint64 m_id;
    std::map<QString, qint64> m_rooms; // the resume point after everything kept or sent
    EventCursor m_issued;              // the cursor last handed out
    std::vector<Kept> m_kept;          // admitted, not yet handed out
    qint64 m_keptBytes = 0;
    bool m_mustReplay = false; // kept events overflowed: the next request replays from the log
    HttpResponder m_poll;      // a held long-poll, if any
    QTimer m_pollTimeout;
    QTimer m_flushSoon;            // answers a held poll at the end of this event-loop turn: one answer per batch
    QPointer<QTcpSocket> m_socket; // an SSE stream, if any
    QTimer m_heartbeat;
    QTimer m_linger;
    bool m_ended = false;
};

} // namespace confab::server
