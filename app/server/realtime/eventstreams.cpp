// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventstreams.h"

#include "realtimehub.h"

#include "ratelimiter.h"

#include "service/authservice.h"

#include "core/jsondocument.h"

#include <QRandomGenerator>

#include <nlohmann/json.hpp>

namespace confab::server {

namespace {
HttpResponse failure(const ApiError &error)
{
    nlohmann::json err{{"code", errorCodeName(error.code).toStdString()}, {"message", error.message.toStdString()}};
    if (!error.field.isEmpty())
        err["details"] = nlohmann::json{{"field", error.field.toStdString()}};
    HttpResponse r =
        HttpResponse::json(httpStatus(error.code), toJsonBytes(nlohmann::json{{"success", false}, {"error", err}}));
    if (error.code == ErrorCode::RateLimited)
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(std::max(1, error.retryAfterSeconds))});
    return r;
}

QString newStreamId()
{
    quint64 bits[2];
    QRandomGenerator::system()->fillRange(bits);
    return QStringLiteral("es_") +
           QString::fromLatin1(QByteArray::fromRawData(reinterpret_cast<const char *>(bits), sizeof bits).toHex());
}
} // namespace

EventStreams::EventStreams(StorageWorker &worker, RealtimeHub &hub, RateLimiter &rates, const EventStreamLimits &limits,
                           QObject *parent)
    : QObject(parent), m_worker(worker), m_hub(hub), m_rates(rates), m_limits(limits)
{
}

EventStreams::~EventStreams() = default;

void EventStreams::handle(HttpRequest &&request, HttpResponder responder)
{
    Request req;
    const QByteArray auth = request.header("authorization");
    if (auth.size() <= 7 || auth.left(7).compare("Bearer ", Qt::CaseInsensitive) != 0) {
        responder.send(failure({ErrorCode::Unauthorized, QStringLiteral("send Authorization: Bearer <token>"), {}, 0}));
        return;
    }
    req.tokenHash = AuthService::hashToken(QString::fromLatin1(auth.mid(7).trimmed()));
    req.serverSentEvents = request.header("accept").contains("text/event-stream");
    // An EventSource resumes with the id of the last event it saw; a poller passes the cursor.
    QByteArray cursorText = req.serverSentEvents ? request.header("last-event-id") : QByteArray();
    if (cursorText.isEmpty())
        cursorText = request.query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded).toLatin1();
    const QString timeout = request.query.queryItemValue(QStringLiteral("timeout"), QUrl::FullyDecoded);
    if (!timeout.isEmpty()) {
        bool ok = false;
        req.timeoutSeconds = timeout.toInt(&ok);
        if (!ok || req.timeoutSeconds < 0 || req.timeoutSeconds > m_limits.maxTimeoutSeconds) {
            responder.send(failure({ErrorCode::ValidationFailed,
                                    QStringLiteral("timeout must be a whole number of seconds from 0 to %1")
                                        .arg(m_limits.maxTimeoutSeconds),
                                    QStringLiteral("timeout"), 0}));
            return;
        }
    }
    if (!cursorText.isEmpty()) {
        try {
            req.cursor = EventCursor::decode(cursorText);
        } catch (const DecodeError &e) {
            responder.send(failure(e.toApiError()));
            return;
        }
    }
    open(req, std::move(responder));
}

EventStreamSession *EventStreams::sessionFor(const Request &request) const
{
    if (!request.cursor || request.cursor->stream.isEmpty())
        return nullptr;
    EventStreamSession *session = m_streams.value(request.cursor->stream);
    // Another token's stream id is not a way into its events.
    return session && session->caller().tokenHash == request.tokenHash ? session : nullptr;
}

void EventStreams::open(const Request &request, HttpResponder responder)
{
    struct Opened {
        Caller caller;
        User user;
        std::vector<QByteArray> replay;
        std::map<QString, qint64> start;
    };
    const EventStreamSession *kept = sessionFor(request);
    const bool continues = kept && kept->continuesFrom(*request.cursor);
    // A poll that follows on and may be held is paced by the events themselves; one answered at
    // once, or one that replays from the log, costs a request (per token: the user is not known yet).
    if (!continues || request.timeoutSeconds == 0 || !request.cursor) {
        if (const int wait =
                m_rates.take(QString::fromLatin1(request.tokenHash.toHex()), RateLimiter::Budget::Requests)) {
            responder.send(
                failure({ErrorCode::RateLimited, QStringLiteral("too many requests: wait %1 s").arg(wait), {}, wait}));
            return;
        }
    }
    auto holder = std::make_shared<HttpResponder>(std::move(responder));
    m_worker.run<Opened>(
        this,
        [tokenHash = request.tokenHash, cursor = request.cursor, continues](Services &s, Effects &) -> Result<Opened> {
            auto caller = s.auth.authenticate(tokenHash);
            if (!caller)
                return *caller.error;
            auto me = s.auth.me(caller.value);
            if (!me)
                return *me.error;
            Opened o{caller.value, me.value, {}, {}};
            if (continues)
                return o; // what it missed is kept in its session
            if (cursor) {
                // The same replay as a WebSocket `sync`, sync_gap included.
                auto replay = s.messages.sync(caller.value, cursor->rooms);
                if (!replay)
                    return *replay.error;
                o.replay = std::move(replay.value.frames);
                o.start = cursor->rooms;
            } else {
                for (const RoomRecord &room : s.context.storage.roomsOfUser(caller.value.userId))
                    o.start[room.room.roomId] = room.lastSeq; // from now
            }
            return o;
        },
        [this, request, holder, continues](Result<Opened> r) {
            if (!r) {
                holder->send(failure(*r.error));
                return;
            }
            EventStreamSession *session = sessionFor(request);
            if (continues) {
                if (!session || !session->continuesFrom(*request.cursor)) {
                    open(request, std::move(*holder)); // expired or moved on meanwhile: replay instead
                    return;
                }
            } else {
                // Registered here, after the replay was read and before any later commit's
                // events arrive (the storage thread answers in order): nothing falls between.
                if (!session) {
                    if (m_perUser.value(r.value.caller.userId) >= m_limits.maxStreamsPerUser)
                        expireOneIdle(r.value.caller.userId); // a client that restarted left it behind
                    if (m_perUser.value(r.value.caller.userId) >= m_limits.maxStreamsPerUser) {
                        holder->send(failure({ErrorCode::RateLimited,
                                              QStringLiteral("too many event streams open for this user (at most %1)")
                                                  .arg(m_limits.maxStreamsPerUser),
                                              {},
                                              m_limits.lingerMs / 1000}));
                        return;
                    }
                    session = create(r.value.caller, r.value.user);
                }
                if (request.cursor)
                    session->resume(EventCursor{{}, r.value.start}, r.value.replay);
                else
                    session->startFromNow(r.value.start);
            }
            serve(session, request, std::move(*holder));
        });
}

void EventStreams::serve(EventStreamSession *session, const Request &request, HttpResponder responder)
{
    if (request.serverSentEvents) {
        HttpResponse head;
        head.contentType = QByteArrayLiteral("text/event-stream; charset=utf-8");
        head.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")});
        head.headers.append(
            {QByteArrayLiteral("X-Accel-Buffering"), QByteArrayLiteral("no")}); // proxies must not buffer it
        if (QTcpSocket *socket = responder.stream(head))
            session->stream(socket);
        return; // client gone: the session lingers, then expires
    }
    // Without a cursor the client only asked where "now" is.
    session->hold(std::move(responder), request.cursor ? request.timeoutSeconds : 0);
}

EventStreamSession *EventStreams::create(const Caller &caller, const User &user)
{
    auto *session = new EventStreamSession(newStreamId(), caller, m_limits, this);
    m_streams.insert(session->streamId(), session);
    ++m_perUser[caller.userId];
    connect(session, &EventStreamSession::expired, this, &EventStreams::onExpired);
    m_hub.openSession(session, user);
    return session;
}

void EventStreams::onExpired(EventStreamSession *session)
{
    if (m_streams.value(session->streamId()) != session)
        return;
    m_streams.remove(session->streamId());
    if (--m_perUser[session->caller().userId] <= 0)
        m_perUser.remove(session->caller().userId);
    m_hub.closeSession(session);
    session->deleteLater();
}

void EventStreams::expireOneIdle(const QString &userId)
{
    for (EventStreamSession *s : std::as_const(m_streams)) {
        if (s->caller().userId == userId && s->isIdle()) {
            s->shutDown();
            onExpired(s);
            return;
        }
    }
}

void EventStreams::closeAll()
{
    const auto sessions = m_streams.values();
    for (EventStreamSession *s : sessions) {
        s->shutDown();
        onExpired(s);
    }
}

} // namespace confab::server
