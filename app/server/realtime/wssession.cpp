// SPDX-License-Identifier: GPL-3.0-or-later
#include "wssession.h"

#include "realtimehub.h"

#include "http/httpmessage.h"
#include "http/websocketinputguard.h"
#include "ops/latencyhistogram.h"

#include "core/jsondocument.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

Q_LOGGING_CATEGORY(lcSession, "confab.realtime.session")

namespace confab::server {

namespace {
quint64 nextSessionId()
{
    static quint64 next = 0;
    return ++next;
}
} // namespace

WsSession::WsSession(QWebSocket *socket, RealtimeHub &hub, OutputBatch &batch, const SessionLimits &limits,
                     QObject *parent)
    : RealtimeSession(parent), m_socket(socket), m_hub(hub), m_batch(batch), m_limits(limits), m_id(nextSessionId())
{
    m_socket->setParent(nullptr);
    // HttpServer makes the upgraded TCP socket the QWebSocket's child (httpserver.cpp).
    if (auto *transport = m_socket->findChild<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly)) {
        m_writer.emplace(transport);
        // Told at once (a direct connection) when Qt closes the descriptor, so that fan-out need
        // not ask the socket for its state per frame.
        connect(transport, &QAbstractSocket::stateChanged, this, [this](QAbstractSocket::SocketState state) {
            m_writer->setConnected(state == QAbstractSocket::ConnectedState);
        });
        // Frames are small and already whole: no Nagle delay behind an unacknowledged one.
        transport->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        // Connected after Qt's reader, so this runs once Qt has handled (and answered) the input.
        connect(transport, &QIODevice::readyRead, this, &WsSession::checkBacklogAfterInput);
        m_inputGuard = transport->findChild<WebSocketInputGuard *>(QString(), Qt::FindDirectChildrenOnly);
        if (m_inputGuard) {
            connect(m_inputGuard, &WebSocketInputGuard::unmaskedFrame, this, [this] {
                closeWith(QWebSocketProtocol::CloseCodeProtocolError, QStringLiteral("client frames must be masked"));
            });
            connect(m_inputGuard, &WebSocketInputGuard::pingsReceived, this, &WsSession::checkBacklogBeforePongs);
        }
    }
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &WsSession::onText);
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, &WsSession::onBinary);
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] {
        if (!m_closing) {
            m_closing = true;
            Q_EMIT closed(this);
        }
    });

    m_authTimer.setSingleShot(true);
    m_authTimer.setInterval(m_limits.authTimeoutMs);
    connect(&m_authTimer, &QTimer::timeout, this, [this] {
        if (!isAuthenticated())
            closeWith(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("not authenticated in time"));
    });
    // Heartbeat: a client that only listens sends nothing, and Qt answers its WebSocket pings
    // without telling us, so the server pings and counts pongs as signs of life. A peer that
    // answers nothing for idleTimeoutMs is gone.
    m_lastActivity.start();
    connect(m_socket.get(), &QWebSocket::pong, this, [this] { m_lastActivity.start(); });
    m_idleTimer.setInterval(std::max(1000, m_limits.idleTimeoutMs / 4));
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (m_lastActivity.elapsed() > m_limits.idleTimeoutMs)
            closeWith(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("no answer to pings"));
        else
            m_socket->ping();
    });
    m_idleTimer.start();

    if (!m_writer) { // not expected: every socket comes through HttpServer
        qCWarning(lcSession) << "session" << m_id << "has no TCP socket to write to";
        QTimer::singleShot(0, this, [this] {
            closeWith(QWebSocketProtocol::CloseCodeAbnormalDisconnection, QStringLiteral("internal error"));
        });
        return;
    }

    const QString token = QUrlQuery(m_socket->requestUrl()).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    if (!token.isEmpty()) {
        m_authenticating = true;
        m_hub.authenticate(this, token, {});
    } else {
        m_authTimer.start();
    }
}

WsSession::~WsSession()
{
    if (m_enlisted)
        m_batch.forget(this);
    if (!m_socket)
        return;
    if (m_inputGuard && m_inputGuard->isDraining() && m_socket->state() != QAbstractSocket::UnconnectedState) {
        // Let the close handshake finish (the guard's deadline bounds it); the socket goes with it.
        QWebSocket *socket = m_socket.release();
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    m_socket->abort();
}

void WsSession::setCaller(const Caller &caller)
{
    m_caller = caller;
    m_authTimer.stop();
}

void WsSession::sendBytes(const QByteArray &json) { sendWireFrame(webSocketTextFrame(json)); }

qint64 WsSession::queuedBytes() const { return m_heldBytes + (m_writer ? m_writer->queuedBytes() : 0); }

void WsSession::sendWireFrame(const QByteArray &frame)
{
    if (m_closing || !m_writer)
        return;
    const qint64 size = frame.size();
    const qint64 queued = queuedBytes();
    if (queued > 0 && queued + size > m_limits.maxQueuedBytes) {
        // Only what the kernel will not take counts: frames queued faster than the event loop
        // flushes (a burst of results) are not a backlog, so hand the kernel what it takes first.
        writeHeld();
        m_writer->flush();
        const qint64 left = queuedBytes();
        if (left > 0 && left + size > m_limits.maxQueuedBytes) {
            // A client that does not read must not make the server hold its backlog.
            dropSlowReader();
            return;
        }
    }
    if (!m_batch.isOpen()) {
        writeHeld();
        m_writer->write(frame);
        if (m_limits.deliveryLatency)
            m_limits.deliveryLatency->record(0); // written as it was queued
        return;
    }
    if (!m_enlisted) {
        m_enlisted = true;
        m_batch.enlist(this);
    }
    if (m_held.isEmpty())
        m_heldSinceUs = monotonicUs();
    m_held.append(frame);
    m_heldBytes += size;
}

void WsSession::writeHeld()
{
    if (m_held.isEmpty())
        return;
    QList<QByteArray> held = std::exchange(m_held, {});
    m_heldBytes = 0;
    if (m_limits.deliveryLatency)
        m_limits.deliveryLatency->record(monotonicUs() - m_heldSinceUs);
    if (!m_closing || m_socket->state() == QAbstractSocket::ConnectedState)
        m_writer->write(held.constData(), held.size());
    // Keep the list's storage for the next batch (clear() keeps the capacity): no allocation per
    // recipient per batch.
    held.clear();
    if (m_held.isEmpty())
        m_held.swap(held);
}

void WsSession::checkBacklogBeforePongs(qint64 pongBytes)
{
    if (m_closing || !m_writer)
        return;
    // The pongs Qt is about to write count before they are written: a client that pings without
    // reading is dropped before its pongs take the queue past the bound.
    m_writer->noteOtherWrites();
    if (queuedBytes() + pongBytes > m_limits.maxQueuedBytes) {
        m_writer->flush();
        if (queuedBytes() + pongBytes > m_limits.maxQueuedBytes)
            dropSlowReader(pongBytes);
    }
}

void WsSession::checkBacklogAfterInput()
{
    if (m_closing || !m_writer)
        return;
    // Qt answers every ping with a pong written straight into the socket: a client that pings
    // without reading grows that queue, and it counts against the same bound as our frames.
    m_writer->noteOtherWrites();
    if (queuedBytes() > m_limits.maxQueuedBytes) {
        m_writer->flush();
        if (queuedBytes() > m_limits.maxQueuedBytes)
            dropSlowReader();
    }
}

void WsSession::dropSlowReader(qint64 pongBytesDue)
{
    qCWarning(lcSession).noquote() << "session" << m_id << "of"
                                   << (isAuthenticated() ? m_caller.userId
                                                         : QStringLiteral("an unauthenticated client"))
                                   << "dropped: it does not read what is sent;" << queuedBytes() << "bytes queued and"
                                   << pongBytesDue << "due for its pings, limit" << m_limits.maxQueuedBytes;
    // The close frame queues behind the backlog: a client that catches up within the close
    // timeout reads it, one that does not is cut off then.
    closeWith(QWebSocketProtocol::CloseCodeTooMuchData, QStringLiteral("too far behind: reconnect and sync"));
}

void WsSession::flushHeldFrames()
{
    m_enlisted = false;
    writeHeld();
}

void WsSession::sendFrame(const ServerFrame &frame) { sendBytes(toJsonBytes(encodeFrame(frame))); }

void WsSession::sendError(const ApiError &error, const QString &ref)
{
    sendFrame(ErrorFrame{error.code, error.message, error.field, ref});
}

void WsSession::closeWith(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_closing)
        return;
    writeHeld(); // an error frame held back in a batch goes out before the close frame
    m_closing = true;
    m_waiting.clear();
    if (m_writer && m_inputGuard && m_socket->state() == QAbstractSocket::ConnectedState) {
        // Not QWebSocket::close(): it closes the TCP socket at once, and with input still unread
        // the kernel resets the connection, so the client loses our last frames and this close.
        m_writer->noteOtherWrites(); // behind any pong Qt has queued, too
        m_writer->write(webSocketCloseFrame(quint16(code), reason));
        m_inputGuard->closeAfterDraining(m_limits.closeTimeoutMs);
    } else {
        m_socket->close(code, reason);
        // Close even if the peer never answers the close handshake.
        QTimer::singleShot(m_limits.closeTimeoutMs, m_socket.get(), [s = m_socket.get()] { s->abort(); });
    }
    Q_EMIT closed(this);
}

void WsSession::badFrame(const ApiError &error, const QString &ref)
{
    sendError(error, ref);
    if (!m_badWindow.isValid() || m_badWindow.elapsed() > 60000) {
        m_badWindow.start();
        m_badFrames = 0;
    }
    if (++m_badFrames >= m_limits.badFramesBeforeClose)
        closeWith(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("too many bad frames"));
}

void WsSession::onBinary(const QByteArray &)
{
    m_lastActivity.start();
    badFrame(ApiError{ErrorCode::BadRequest, QStringLiteral("binary frames are not supported; send JSON text"), {}, 0});
}

void WsSession::onText(const QString &text)
{
    if (m_closing)
        return;
    m_lastActivity.start();
    // Qt closes the socket only past a hard cap (a multiple of this); up to there an oversized
    // frame is refused with an error and the connection stays usable.
    if (text.size() > m_limits.maxFrameBytes) {
        const QByteArray utf8 = text.toUtf8();
        if (utf8.size() > m_limits.maxFrameBytes) {
            badFrame(ApiError{ErrorCode::PayloadTooLarge,
                              QStringLiteral("frame of %1 bytes is over the limit of %2")
                                  .arg(utf8.size())
                                  .arg(m_limits.maxFrameBytes),
                              {},
                              0});
            return;
        }
    }
    nlohmann::json j;
    ClientFrame frame;
    QString ref;
    try {
        j = parseJsonDocument(text.toUtf8(), m_limits.maxJsonDepth);
        if (j.is_object() && j.contains("ref") && j["ref"].is_string())
            ref = QString::fromStdString(j["ref"].get<std::string>()).left(64);
        frame = decodeClientFrame(j);
    } catch (const DecodeError &e) {
        badFrame(e.toApiError(), ref);
        return;
    }
    if (!isAuthenticated()) {
        if (const auto *auth = std::get_if<AuthFrame>(&frame)) {
            // One at a time: a second authentication would register the connection twice.
            if (m_authenticating) {
                sendError(ApiError{ErrorCode::BadRequest, QStringLiteral("already authenticating"), {}, 0}, auth->ref);
                return;
            }
            m_authenticating = true;
            m_hub.authenticate(this, auth->token, auth->ref);
            return;
        }
        if (m_authenticating) {
            // A client may send right after its token (in the URL or an auth frame) without waiting
            // for hello: its frames wait for the check, up to a bound.
            if (int(m_waiting.size()) >= m_limits.maxWaitingFrames) {
                badFrame(
                    ApiError{ErrorCode::BadRequest,
                             QStringLiteral(
                                 "too many frames before authentication completed: wait for hello (at most %1 wait)")
                                 .arg(m_limits.maxWaitingFrames),
                             {},
                             0},
                    ref);
                return;
            }
            m_waiting.push_back(std::move(frame));
            return;
        }
        badFrame(ApiError{ErrorCode::Unauthorized,
                          QStringLiteral("authenticate first: send {\"type\":\"auth\",\"token\":...}"),
                          {},
                          0},
                 ref);
        return;
    }
    m_hub.handle(this, std::move(frame));
}

void WsSession::handleWaitingFrames()
{
    std::vector<ClientFrame> waiting = std::exchange(m_waiting, {});
    for (ClientFrame &frame : waiting) {
        if (m_closing)
            return;
        m_hub.handle(this, std::move(frame));
    }
}

} // namespace confab::server
