// SPDX-License-Identifier: GPL-3.0-or-later
#include "realtimehub.h"

#include "service/authservice.h"

#include "core/validation.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRealtime, "confab.realtime")

namespace confab::server {

namespace {
ApiError rateLimited(int seconds)
{
    ApiError e{ErrorCode::RateLimited, QStringLiteral("too many requests: wait %1 s").arg(seconds), {}, seconds};
    return e;
}
} // namespace

RealtimeHub::RealtimeHub(StorageWorker &worker, EventBus &bus, MembershipIndex &members, PresenceRegistry &presence,
                         RateLimiter &rates, const Clock &clock, RealtimeLimits limits, QObject *parent)
    : QObject(parent), m_worker(worker), m_bus(bus), m_members(members), m_presence(presence), m_rates(rates),
      m_clock(clock), m_limits(limits),
      m_typing(clock, limits.typingTimeoutMs,
               [this](const QString &roomId, const QString &userId, const QString &name, bool isTyping) {
                   Delivery d;
                   d.frame = frameBytes(TypingIndicatorFrame{roomId, userId, name, isTyping});
                   d.toUsers = m_members.membersOf(roomId);
                   d.exceptUserId = userId;
                   d.roomId = roomId;
                   m_bus.publish(d);
               }),
      m_standing(worker, m_registry, limits.standingPollMs), m_streams(worker, *this, rates, limits.streams)
{
}

RealtimeHub::~RealtimeHub() { closeAll(); }

void RealtimeHub::accept(QWebSocket *socket)
{
    auto *session = new WsSession(socket, *this, m_output, m_limits.session, this);
    m_sessions.append(session);
    connect(session, &WsSession::closed, this, &RealtimeHub::onSessionClosed);
}

void RealtimeHub::closeAll()
{
    const auto sessions = m_sessions;
    for (WsSession *s : sessions)
        s->closeWith(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
    m_streams.closeAll();
    qDeleteAll(m_graceTimers);
    m_graceTimers.clear();
}

void RealtimeHub::authenticate(WsSession *session, const QString &token, const QString &ref)
{
    struct Authed {
        Caller caller;
        User user;
    };
    const QByteArray hash = AuthService::hashToken(token);
    m_worker.run<Authed>(
        session,
        [hash](Services &s, Effects &) -> Result<Authed> {
            auto caller = s.auth.authenticate(hash);
            if (!caller)
                return *caller.error;
            auto me = s.auth.me(caller.value);
            if (!me)
                return *me.error;
            return Authed{caller.value, me.value};
        },
        [this, session, ref](Result<Authed> r) {
            // Closed while its token was checked (and not yet deleted): registering it now would
            // leave a dangling connection and its user online for good.
            if (!m_sessions.contains(session))
                return;
            if (!r) {
                session->sendError(*r.error, ref);
                session->closeWith(QWebSocketProtocol::CloseCodePolicyViolated, r.error->message);
                return;
            }
            onAuthenticated(session, r.value.caller, r.value.user, ref);
        });
}

void RealtimeHub::onAuthenticated(WsSession *session, const Caller &caller, const User &user, const QString &)
{
    session->setCaller(caller);
    const auto [shown, changed] = registerSession(session, user);
    session->sendFrame(HelloFrame{shown, m_clock.nowMs()});
    if (changed)
        announcePresence(*changed); // after hello: the first frame a client sees is hello
    qCInfo(lcRealtime) << "session" << session->id() << "opened for" << caller.userId;
    session->handleWaitingFrames();
}

RealtimeHub::Registered RealtimeHub::registerSession(RealtimeSession *session, const User &user)
{
    const QString userId = session->caller().userId;
    m_registry.add(session);
    if (QTimer *t = m_graceTimers.take(userId))
        t->deleteLater();
    const qint64 now = m_clock.nowMs();
    Presence persisted{user.userId, user.status, user.customStatus, user.lastSeen};
    const auto changed = m_presence.connectionOpened(userId, now, persisted);
    User shown = user;
    if (const auto p = m_presence.get(userId)) {
        shown.status = p->status;
        shown.customStatus = p->customStatus;
        shown.lastSeen = p->lastSeen;
    }
    return {shown, changed};
}

void RealtimeHub::openSession(RealtimeSession *session, const User &user)
{
    if (const auto changed = registerSession(session, user).changed)
        announcePresence(*changed);
    qCInfo(lcRealtime) << "event stream" << session->id() << "opened for" << session->caller().userId;
}

void RealtimeHub::onSessionClosed(WsSession *session)
{
    m_sessions.removeOne(session);
    session->deleteLater();
    if (!session->isAuthenticated())
        return;
    closeSession(session);
}

void RealtimeHub::closeSession(RealtimeSession *session)
{
    m_registry.remove(session);
    const QString userId = session->caller().userId;
    qCInfo(lcRealtime) << "session" << session->id() << "closed for" << userId;
    if (!m_presence.connectionClosed(userId, m_clock.nowMs()))
        return;
    m_typing.stopAllOf(userId);
    // Offline only after a grace period: a reconnect within it is not announced at all.
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, userId, timer] {
        m_graceTimers.remove(userId);
        timer->deleteLater();
        if (const auto p = m_presence.expireIfDisconnected(userId, m_clock.nowMs())) {
            announcePresence(*p);
            persistPresence(*p);
        }
    });
    if (QTimer *old = m_graceTimers.value(userId))
        old->deleteLater();
    m_graceTimers.insert(userId, timer);
    timer->start(m_limits.presenceGraceMs);
}

void RealtimeHub::announcePresence(const Presence &p)
{
    Delivery d;
    d.frame = frameBytes(PresenceUpdateFrame{p});
    d.toUsers = std::make_shared<const QSet<QString>>(m_members.contactsOf(p.userId));
    m_bus.publish(d);
}

void RealtimeHub::persistPresence(const Presence &p)
{
    m_worker.run<Done>(
        this,
        [p](Services &s, Effects &) -> Result<Done> {
            s.context.storage.updateUserPresence(p.userId, p.status, p.customStatus, p.lastSeen);
            return Done{};
        },
        [](Result<Done>) {});
}

void RealtimeHub::setPresence(const Caller &caller, PresenceStatus status, const QString &customStatus)
{
    const Presence p = m_presence.set(caller.userId, status, customStatus, m_clock.nowMs());
    announcePresence(p);
    persistPresence(Presence{caller.userId, status, customStatus, p.lastSeen});
}

void RealtimeHub::setTyping(const Caller &caller, const QString &roomId, bool isTyping)
{
    if (isTyping)
        m_typing.start(roomId, caller.userId, caller.displayName);
    else
        m_typing.stop(roomId, caller.userId);
}

void RealtimeHub::handle(WsSession *session, ClientFrame &&frame)
{
    const bool isMessage =
        std::holds_alternative<SendMessageFrame>(frame) || std::holds_alternative<EditMessageFrame>(frame) ||
        std::holds_alternative<MessageReactionFrame>(frame) || std::holds_alternative<PollVoteFrame>(frame);
    const bool isTyping =
        std::holds_alternative<TypingStartFrame>(frame) || std::holds_alternative<TypingStopFrame>(frame);
    const bool isPing = std::holds_alternative<PingFrame>(frame);
    if (!isPing) {
        const auto budget = isTyping    ? RateLimiter::Budget::Typing
                            : isMessage ? RateLimiter::Budget::Messages
                                        : RateLimiter::Budget::Requests;
        const int wait = m_rates.take(session->caller().userId, budget);
        if (wait > 0) {
            const QString ref = std::visit([](const auto &f) { return f.ref; }, frame);
            session->sendError(rateLimited(wait), ref);
            return;
        }
    }
    std::visit([&](const auto &f) { on(session, f); }, frame);
}

template<typename T>
void RealtimeHub::call(WsSession *s, const QString &ref,
                       std::function<Result<T>(Services &, const Caller &, Effects &)> work,
                       std::function<void(WsSession *, T &)> reply, StorageWorker::Commit commit)
{
    const Caller caller = s->caller();
    m_worker.run<T>(
        s,
        [caller, work = std::move(work)](Services &svc, Effects &fx) -> Result<T> {
            // The caller was read at sign-in: a frame that arrives after a ban, sign-out or
            // demotion (also by another process) must not act with the old rights.
            auto current = svc.auth.recheck(caller);
            if (!current)
                return *current.error;
            return work(svc, current.value, fx);
        },
        [s, ref, reply = std::move(reply)](Result<T> r) {
            if (!r) {
                s->sendError(*r.error, ref);
                return;
            }
            if (reply)
                reply(s, r.value);
        },
        commit);
}

void RealtimeHub::on(WsSession *s, const AuthFrame &f)
{
    s->sendError(ApiError{ErrorCode::BadRequest, QStringLiteral("already authenticated"), {}, 0}, f.ref);
}

void RealtimeHub::on(WsSession *s, const JoinRoomFrame &f)
{
    const int limit = m_limits.historyOnJoin;
    call<JoinedRoom>(
        s, f.ref,
        [roomId = f.roomId, limit](Services &svc, const Caller &c, Effects &fx) {
            return svc.rooms.join(c, roomId, limit, fx);
        },
        [](WsSession *session, JoinedRoom &j) {
            session->sendFrame(HistoryFrame{j.room.roomId, j.room, j.messages, j.hasMore});
        });
}

void RealtimeHub::on(WsSession *s, const LeaveRoomFrame &f)
{
    call<Done>(
        s, f.ref,
        [roomId = f.roomId](Services &svc, const Caller &c, Effects &fx) { return svc.rooms.leave(c, roomId, fx); },
        {});
}

void RealtimeHub::on(WsSession *s, const SendMessageFrame &f)
{
    m_typing.stop(f.roomId, s->caller().userId);
    SendRequest req{f.roomId, f.content, f.messageType, f.replyTo, f.clientMsgId, f.isAnonymous, f.attachments, f.poll};
    call<SendResult>(
        s, f.ref, [req](Services &svc, const Caller &c, Effects &fx) { return svc.messages.send(c, req, fx); },
        [ref = f.ref, clientMsgId = f.clientMsgId](WsSession *session, SendResult &r) {
            session->sendFrame(AckFrame{clientMsgId, r.message, ref});
        },
        StorageWorker::Commit::Grouped); // acknowledged after the commit it shares with other sends
}

void RealtimeHub::on(WsSession *s, const TypingStartFrame &f)
{
    if (!m_members.isMember(f.roomId, s->caller().userId)) {
        s->sendError(ApiError{ErrorCode::RoomNotFound, QStringLiteral("you are not in room %1").arg(f.roomId),
                              QStringLiteral("roomId"), 0},
                     f.ref);
        return;
    }
    m_typing.start(f.roomId, s->caller().userId, s->caller().displayName);
}

void RealtimeHub::on(WsSession *s, const TypingStopFrame &f) { m_typing.stop(f.roomId, s->caller().userId); }

void RealtimeHub::on(WsSession *s, const MessageReactionFrame &f)
{
    call<Message>(s, f.ref,
                  [f](Services &svc, const Caller &c, Effects &fx) {
                      return svc.messages.react(c, f.roomId, f.messageId, f.emoji, f.action, fx);
                  },
                  {});
}

// The voter's own connections get poll_updated with myVotes; nothing else answers a vote.
void RealtimeHub::on(WsSession *s, const PollVoteFrame &f)
{
    call<Message>(
        s, f.ref,
        [f](Services &svc, const Caller &c, Effects &fx) {
            return svc.polls.vote(c, f.roomId, f.messageId, PollVote{f.optionIds}, fx);
        },
        {}, StorageWorker::Commit::Grouped);
}

void RealtimeHub::on(WsSession *s, const PollCloseFrame &f)
{
    call<Message>(
        s, f.ref,
        [f](Services &svc, const Caller &c, Effects &fx) { return svc.polls.close(c, f.roomId, f.messageId, fx); }, {});
}

void RealtimeHub::on(WsSession *s, const MarkReadFrame &f)
{
    call<ReadReceipt>(s, f.ref,
                      [f](Services &svc, const Caller &c, Effects &fx) {
                          return svc.messages.markRead(c, f.roomId, f.messageId, fx);
                      },
                      {});
}

void RealtimeHub::on(WsSession *s, const EditMessageFrame &f)
{
    call<Message>(s, f.ref,
                  [f](Services &svc, const Caller &c, Effects &fx) {
                      return svc.messages.edit(c, f.roomId, f.messageId, f.content, fx);
                  },
                  {});
}

void RealtimeHub::on(WsSession *s, const DeleteMessageFrame &f)
{
    call<Message>(
        s, f.ref,
        [f](Services &svc, const Caller &c, Effects &fx) { return svc.messages.remove(c, f.roomId, f.messageId, fx); },
        {});
}

void RealtimeHub::on(WsSession *s, const SetPresenceFrame &f)
{
    if (auto bad = validateCustomStatus(f.customStatus)) {
        s->sendError(*bad, f.ref);
        return;
    }
    setPresence(s->caller(), f.status, f.customStatus);
}

void RealtimeHub::on(WsSession *s, const SyncFrame &f)
{
    call<SyncReplay>(
        s, f.ref, [rooms = f.rooms](Services &svc, const Caller &c, Effects &) { return svc.messages.sync(c, rooms); },
        [this, ref = f.ref](WsSession *session, SyncReplay &replay) {
            // Thousands of frames: handed to the kernel a few hundred at a time, not one call each.
            OutputBatch::Scope batch(m_output);
            for (const QByteArray &frame : replay.frames)
                session->sendBytes(frame);
            session->sendFrame(SyncedFrame{ref});
        });
}

void RealtimeHub::on(WsSession *s, const PingFrame &f) { s->sendFrame(PongFrame{f.id, m_clock.nowMs()}); }

} // namespace confab::server
