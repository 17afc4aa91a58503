// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventstreamsession.h"

#include <QLoggingCategory>
#include <QTcpSocket>

#include <nlohmann/json.hpp>

Q_LOGGING_CATEGORY(lcEventStream, "confab.realtime.events")

namespace confab::server {

namespace {
quint64 nextStreamSessionId()
{
    static quint64 next = 0;
    return ++next;
}

QString stringAt(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

qint64 integerAt(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<qint64>() : 0;
}

const nlohmann::json &objectAt(const nlohmann::json &j, const char *key)
{
    static const nlohmann::json empty = nlohmann::json::object();
    const auto it = j.find(key);
    return it != j.end() && it->is_object() ? *it : empty;
}
} // namespace

EventStreamSession::EventStreamSession(QString streamId, const Caller &caller, const EventStreamLimits &limits,
                                       QObject *parent)
    : RealtimeSession(parent), m_streamId(std::move(streamId)), m_caller(caller), m_limits(limits),
      m_id(nextStreamSessionId())
{
    m_pollTimeout.setSingleShot(true);
    connect(&m_pollTimeout, &QTimer::timeout, this, &EventStreamSession::answerPoll);
    m_flushSoon.setSingleShot(true);
    m_flushSoon.setInterval(0);
    connect(&m_flushSoon, &QTimer::timeout, this, &EventStreamSession::answerPoll);
    m_heartbeat.setInterval(m_limits.heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        if (m_socket) {
            m_socket->write(QByteArrayLiteral(": heartbeat\n\n"));
        } else if (m_poll.isPending() && !m_poll.isConnected()) {
            // The poller left without waiting for its answer: it is not connected any more, so
            // the linger clock (and with it presence) starts now, not at the poll's timeout.
            m_pollTimeout.stop();
            m_heartbeat.stop();
            m_poll = HttpResponder(); // answering a gone client is a no-op
            idle();
        }
    });
    m_linger.setSingleShot(true);
    connect(&m_linger, &QTimer::timeout, this, [this] {
        if (!m_ended) {
            m_ended = true;
            Q_EMIT expired(this);
        }
    });
}

EventStreamSession::~EventStreamSession()
{
    if (m_socket)
        m_socket->abort();
    // A held poll still pending answers 500 from its destructor: say what happened instead.
    if (m_poll.isPending())
        m_poll.send(HttpResponse::error(ErrorCode::Unauthorized, QStringLiteral("event stream ended")));
}

bool EventStreamSession::continuesFrom(const EventCursor &cursor) const { return !m_mustReplay && cursor == m_issued; }

bool EventStreamSession::admit(const QByteArray &json, QByteArray *type)
{
    const nlohmann::json j = nlohmann::json::parse(json.constData(), json.constData() + json.size(), nullptr, false);
    if (!j.is_object())
        return false; // not ours to send: frames are built by the server
    *type = stringAt(j, "type").toLatin1();
    const nlohmann::json &message = objectAt(j, "message");
    QString roomId = stringAt(j, "roomId");
    if (roomId.isEmpty())
        roomId = stringAt(message, "roomId");
    if (roomId.isEmpty())
        roomId = stringAt(objectAt(j, "room"), "roomId");
    if (roomId.isEmpty())
        return true; // presence and the like: no place in a room's order
    if (*type == "sync_gap") {
        m_rooms[roomId] = integerAt(j, "latestSeq");
        return true;
    }
    qint64 seq = integerAt(j, "seq");
    if (seq == 0)
        seq = integerAt(message, "seq");
    if (seq > 0) {
        const auto it = m_rooms.find(roomId);
        if (it != m_rooms.end() && seq <= it->second)
            return false; // delivered live and replayed, or sent already
        m_rooms[roomId] = seq;
    }
    // Out of the room: a later replay would only say so again.
    const bool leftRoom = *type == "room_deleted" || *type == "kicked" || *type == "banned" ||
                          (*type == "user_left" && stringAt(j, "userId") == m_caller.userId);
    if (leftRoom)
        m_rooms.erase(roomId);
    return true;
}

void EventStreamSession::take(const QByteArray &json)
{
    Kept event{json, {}};
    if (!admit(json, &event.type))
        return;
    if (m_socket) {
        writeEvent(event);
        return;
    }
    m_keptBytes += json.size();
    m_kept.push_back(std::move(event));
    if (m_poll.isPending()) {
        m_flushSoon.start(); // the rest of this batch (a group commit) goes in the same answer
        return;
    }
    if (int(m_kept.size()) > m_limits.maxKeptEvents || m_keptBytes > m_limits.maxKeptBytes) {
        // Nobody is asking: stop keeping, the event log has the room events.
        qCInfo(lcEventStream) << "stream" << m_id << "of" << m_caller.userId
                              << "kept too much; the next request replays";
        m_kept.clear();
        m_keptBytes = 0;
        m_rooms = m_issued.rooms;
        m_mustReplay = true;
    }
}

void EventStreamSession::deliver(const QByteArray &json, const QByteArray &)
{
    if (m_ended || m_mustReplay)
        return;
    take(json);
}

void EventStreamSession::resume(const EventCursor &cursor, const std::vector<QByteArray> &replay)
{
    endStream();
    std::vector<Kept> kept = std::exchange(m_kept, {});
    m_keptBytes = 0;
    m_rooms = cursor.rooms;
    m_issued = EventCursor{m_streamId, cursor.rooms};
    m_mustReplay = false;
    for (const QByteArray &json : replay)
        take(json);
    for (const Kept &k : kept)
        take(k.json);
}

void EventStreamSession::startFromNow(const std::map<QString, qint64> &rooms)
{
    endStream();
    m_kept.clear();
    m_keptBytes = 0;
    m_rooms = rooms;
    m_issued = EventCursor{m_streamId, rooms};
    m_mustReplay = false;
}

void EventStreamSession::hold(HttpResponder responder, int timeoutSeconds)
{
    m_linger.stop();
    endStream();
    if (m_poll.isPending())
        answerPoll(); // a client has one poll at a time: the older one is over
    m_linger.stop();
    m_poll = std::move(responder);
    if (!m_kept.empty() || timeoutSeconds <= 0) {
        answerPoll();
        return;
    }
    m_pollTimeout.start(std::min(timeoutSeconds, m_limits.maxTimeoutSeconds) * 1000);
    m_heartbeat.start(); // also notices a poller that left
}

void EventStreamSession::answerPoll()
{
    m_pollTimeout.stop();
    m_flushSoon.stop();
    if (!m_socket)
        m_heartbeat.stop();
    if (!m_poll.isPending())
        return;
    QByteArray body = QByteArrayLiteral("{\"success\":true,\"data\":{\"events\":[");
    body.reserve(body.size() + m_keptBytes + qsizetype(m_kept.size()) + 200);
    for (size_t i = 0; i < m_kept.size(); ++i) {
        if (i > 0)
            body += ',';
        body += m_kept[i].json; // the frames' own bytes: the same JSON the WebSocket carries
    }
    m_issued = position();
    body += "],\"cursor\":\"" + m_issued.encode() + "\"}}";
    m_kept.clear();
    m_keptBytes = 0;
    HttpResponder poll = std::move(m_poll);
    poll.send(HttpResponse::json(200, std::move(body)));
    idle();
}

void EventStreamSession::stream(QTcpSocket *socket)
{
    m_linger.stop();
    if (m_poll.isPending())
        answerPoll();
    endStream();
    m_linger.stop();
    m_socket = socket;
    socket->setParent(this);
    connect(socket, &QAbstractSocket::disconnected, this, &EventStreamSession::endStream);
    // The client has nothing to say on a stream; what it sends anyway is dropped, not buffered.
    connect(socket, &QIODevice::readyRead, this, [socket] { socket->skip(socket->bytesAvailable()); });
    // Where the stream starts, for a client that reconnects before any event.
    socket->write(": confab event stream\nretry: 3000\nid: " + m_issued.encode() + "\n\n");
    // Kept events count from m_issued: send them again through the rule, each with its own id.
    std::vector<Kept> kept = std::exchange(m_kept, {});
    m_keptBytes = 0;
    m_rooms = m_issued.rooms;
    for (const Kept &k : kept)
        take(k.json);
    m_heartbeat.start();
}

void EventStreamSession::writeEvent(const Kept &event)
{
    m_issued = position(); // the id of an event is the cursor just after it
    QByteArray bytes;
    bytes.reserve(event.json.size() + 64 + 128);
    bytes += "id: " + m_issued.encode() + "\n";
    if (!event.type.isEmpty())
        bytes += "event: " + event.type + "\n";
    bytes += "data: " + event.json + "\n\n"; // compact JSON is one line
    m_socket->write(bytes);
    if (m_socket->bytesToWrite() > m_limits.maxQueuedBytes) {
        qCWarning(lcEventStream) << "stream" << m_id << "of" << m_caller.userId << "dropped: it does not read";
        m_socket->abort(); // it resumes from its Last-Event-ID, which no longer matches: a replay
        endStream();
    }
}

void EventStreamSession::endStream()
{
    if (!m_socket)
        return;
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    m_heartbeat.stop();
    socket->disconnect(this);
    if (socket->state() == QAbstractSocket::ConnectedState)
        socket->disconnectFromHost(); // after what is queued
    socket->deleteLater();
    idle();
}

void EventStreamSession::idle()
{
    if (!m_ended && !m_poll.isPending() && !m_socket)
        m_linger.start(m_limits.lingerMs);
}

void EventStreamSession::revoke(const QString &reason)
{
    if (m_ended)
        return;
    m_ended = true;
    qCInfo(lcEventStream) << "ending stream" << m_id << "of" << m_caller.userId << "-" << reason;
    m_pollTimeout.stop();
    m_flushSoon.stop();
    m_linger.stop();
    if (m_poll.isPending()) {
        HttpResponder poll = std::move(m_poll);
        poll.send(HttpResponse::error(ErrorCode::Unauthorized, reason));
    }
    if (m_socket) {
        const nlohmann::json error{{"code", "UNAUTHORIZED"}, {"message", reason.toStdString()}};
        m_socket->write("event: error\ndata: " + QByteArray::fromStdString(error.dump()) + "\n\n");
        endStream();
    }
    m_linger.stop();
    Q_EMIT expired(this);
}

void EventStreamSession::shutDown()
{
    if (m_ended)
        return;
    m_ended = true;
    m_linger.stop();
    answerPoll(); // the client polls again, elsewhere or later, from this cursor
    endStream();
    m_linger.stop();
}

} // namespace confab::server
