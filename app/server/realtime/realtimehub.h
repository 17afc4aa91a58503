// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionregistry.h"
#include "eventbus.h"
#include "eventstreams.h"
#include "outputbatch.h"
#include "standingenforcer.h"
#include "typingtracker.h"
#include "wssession.h"

#include "ratelimiter.h"
#include "service/storageworker.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace confab::server {

struct RealtimeLimits {
    SessionLimits session;
    int typingTimeoutMs = 3000;
    int presenceGraceMs = 10000; // offline this long after the last connection closes
    int historyOnJoin = 50;
    int standingPollMs = 300;  // how often changes of a user's standing by another process are looked for
    EventStreamLimits streams; // the long-poll / Server-Sent-Events fallback
};

// The real-time side of the server on the network thread: sessions (WebSockets, and the
// long-poll/SSE streams of EventStreams), what each frame does, typing, presence, and fan-out of
// the event bus to connections.
class RealtimeHub : public QObject {
    Q_OBJECT
public:
    RealtimeHub(StorageWorker &worker, EventBus &bus, MembershipIndex &members, PresenceRegistry &presence,
                RateLimiter &rates, const Clock &clock, RealtimeLimits limits, QObject *parent = nullptr);
    ~RealtimeHub() override;

    // Takes an upgraded socket (ownership passes to its session).
    void accept(QWebSocket *socket);
    void closeAll();

    // From sessions:
    void authenticate(WsSession *session, const QString &token, const QString &ref);
    void handle(WsSession *session, ClientFrame &&frame);

    // For REST: presence changes.
    void setPresence(const Caller &caller, PresenceStatus status, const QString &customStatus);
    // For REST (clients without a WebSocket): typing in a room the caller is a member of.
    void setTyping(const Caller &caller, const QString &roomId, bool isTyping);
    // GET /v1/events.
    EventStreams &streams() { return m_streams; }
    // A session of another transport (an event stream), counted like a WebSocket for fan-out and
    // presence from open to close.
    void openSession(RealtimeSession *session, const User &user);
    void closeSession(RealtimeSession *session);
    // Where standing changes made by this process (sign-out, erase) are applied at once.
    StandingEnforcer &standing() { return m_standing; }

    // Where the event bus's deliveries go (Server::connectEffects).
    ConnectionRegistry &registry() { return m_registry; }
    // Open a scope on it to send each connection everything sent meanwhile in one write.
    OutputBatch &output() { return m_output; }
    int typingCount() const { return m_typing.activeCount(); }
    const RealtimeLimits &limits() const { return m_limits; }

private:
    void onSessionClosed(WsSession *session);
    void onAuthenticated(WsSession *session, const Caller &caller, const User &user, const QString &ref);
    // Registers an authenticated session and marks its user online: the user as others see them,
    // and the presence change to announce, if any.
    struct Registered {
        User shown;
        std::optional<Presence> changed;
    };
    Registered registerSession(RealtimeSession *session, const User &user);
    void announcePresence(const Presence &p);
    void persistPresence(const Presence &p);

    // One handler per frame type.
    void on(WsSession *s, const AuthFrame &f);
    void on(WsSession *s, const JoinRoomFrame &f);
    void on(WsSession *s, const LeaveRoomFrame &f);
    void on(WsSession *s, const SendMessageFrame &f);
    void on(WsSession *s, const TypingStartFrame &f);
    void on(WsSession *s, const TypingStopFrame &f);
    void on(WsSession *s, const MessageReactionFrame &f);
    void on(WsSession *s, const MarkReadFrame &f);
    void on(WsSession *s, const EditMessageFrame &f);
    void on(WsSession *s, const DeleteMessageFrame &f);
    void on(WsSession *s, const SetPresenceFrame &f);
    void on(WsSession *s, const SyncFrame &f);
    void on(WsSession *s, const PingFrame &f);
    void on(WsSession *s, const PollVoteFrame &f);
    void on(WsSession *s, const PollCloseFrame &f);

    // Runs a service call for a session; errors go back to it as `error` frames with the ref.
    template<typename T>
    void call(WsSession *s, const QString &ref, std::function<Result<T>(Services &, const Caller &, Effects &)> work,
              std::function<void(WsSession *, T &)> reply, StorageWorker::Commit commit = StorageWorker::Commit::Alone);

    StorageWorker &m_worker;
    EventBus &m_bus;
    MembershipIndex &m_members;
    PresenceRegistry &m_presence;
    RateLimiter &m_rates; // the server's, shared with REST
    const Clock &m_clock;
    RealtimeLimits m_limits;
    OutputBatch m_output; // before the registry and sessions that use it
    ConnectionRegistry m_registry;
    TypingTracker m_typing;
    StandingEnforcer m_standing;
    EventStreams m_streams;
    QHash<QString, QTimer *> m_graceTimers; // user -> pending offline
    QList<WsSession *> m_sessions;
};

} // namespace confab::server
