// SPDX-License-Identifier: GPL-3.0-or-later
#include "realtimeconnection.h"

#include "eventpolltransport.h"
#include "signoutreason.h"

#include "core/jsondocument.h"
#include "core/limits.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkInformation>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

Q_LOGGING_CATEGORY(lcRealtimeClient, "confab.client.realtime")

namespace confab::client {

RealtimeConnection::RealtimeConnection(QObject *parent) : QObject(parent)
{
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setTimerType(Qt::PreciseTimer); // the countdown shown must not overshoot the table
    connect(&m_retryTimer, &QTimer::timeout, this, &RealtimeConnection::connectNow);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this] { Q_EMIT retryCountdown(secondsUntilRetry()); });
    connect(&m_pingTimer, &QTimer::timeout, this, &RealtimeConnection::sendPing);
    m_pongDeadline.setSingleShot(true);
    connect(&m_pongDeadline, &QTimer::timeout, this, [this] {
        // A socket can stay "connected" through a dead NAT or a suspended laptop: drop it.
        qCInfo(lcRealtimeClient) << "no pong in time; reconnecting";
        if (m_socket)
            m_socket->abort();
    });

    m_poll = new EventPollTransport(this);
    connect(m_poll, &EventPollTransport::online, this, [this](const User &me) {
        m_failures = 0;
        m_lastError.clear();
        setState(State::Online);
        m_probeTimer.start(m_webSocketRetryMs);
        Q_EMIT online(me);
    });
    connect(m_poll, &EventPollTransport::frameReceived, this, &RealtimeConnection::frameReceived);
    connect(m_poll, &EventPollTransport::failed, this, &RealtimeConnection::onLongPollFailed);
    connect(m_poll, &EventPollTransport::authenticationRejected, this, [this](const QString &message) {
        stop();
        m_lastError = message;
        Q_EMIT authenticationRejected(message);
    });
    m_probeTimer.setSingleShot(true);
    connect(&m_probeTimer, &QTimer::timeout, this, &RealtimeConnection::probeWebSocket);
    m_probeDeadline.setSingleShot(true);
    connect(&m_probeDeadline, &QTimer::timeout, this, &RealtimeConnection::dropProbe);
}

RealtimeConnection::~RealtimeConnection()
{
    m_running = false;
    m_poll->stop();
    dropProbe();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

void RealtimeConnection::setHeartbeat(int intervalMs, int timeoutMs)
{
    m_pingIntervalMs = intervalMs;
    m_pongTimeoutMs = timeoutMs;
    if (m_pingTimer.isActive())
        m_pingTimer.start(m_pingIntervalMs);
}

QUrl RealtimeConnection::chatUrl() const
{
    QUrl url = m_server;
    url.setScheme(m_server.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/chat"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("token"), QString::fromLatin1(QUrl::toPercentEncoding(m_token)));
    url.setQuery(q);
    return url;
}

void RealtimeConnection::start(const QUrl &serverUrl, const QString &token)
{
    stop();
    m_server = serverUrl;
    m_token = token;
    m_running = true;
    m_failures = 0;
    connectNow();
}

void RealtimeConnection::setFallback(int handshakeFailures, int webSocketRetryMs)
{
    m_fallbackAfter = std::max(1, handshakeFailures);
    m_webSocketRetryMs = webSocketRetryMs;
}

void RealtimeConnection::setTransport(Transport t)
{
    if (m_transport == t)
        return;
    m_transport = t;
    qCInfo(lcRealtimeClient) << "transport:" << transportText();
    Q_EMIT transportChanged(t);
}

QString RealtimeConnection::transportText() const
{
    return m_transport == Transport::LongPoll ? tr("long-poll fallback: WebSockets are blocked") : tr("WebSocket");
}

void RealtimeConnection::stop()
{
    m_running = false;
    m_poll->stop();
    m_probeTimer.stop();
    dropProbe();
    m_retryTimer.stop();
    m_countdown.stop();
    m_pingTimer.stop();
    m_pongDeadline.stop();
    if (m_socket) {
        QWebSocket *s = m_socket;
        m_socket = nullptr;
        s->disconnect(this);
        s->close();
        s->deleteLater();
    }
    setState(State::Offline);
}

void RealtimeConnection::retryNow()
{
    if (!m_running)
        return;
    if (m_state == State::Retrying) {
        m_retryTimer.stop();
        m_countdown.stop();
        connectNow();
    } else if (m_state == State::Online && m_transport == Transport::LongPoll) {
        probeWebSocket(); // perhaps WebSockets pass again
    } else if (m_state == State::Online) {
        sendPing(); // proves the socket alive, or the deadline replaces it
    }
}

int RealtimeConnection::secondsUntilRetry() const
{
    if (m_state != State::Retrying || !m_retryTimer.isActive())
        return 0;
    return std::max(1, (m_retryTimer.remainingTime() + 999) / 1000);
}

QString RealtimeConnection::statusText() const
{
    switch (m_state) {
    case State::Offline: return tr("Offline");
    case State::Connecting: return tr("Connecting…");
    case State::Online:
        return m_transport == Transport::LongPoll ? tr("Connected (%1)").arg(transportText()) : tr("Online");
    case State::Retrying: return tr("Connection lost. Retrying in %n s", nullptr, secondsUntilRetry());
    }
    return {};
}

void RealtimeConnection::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void RealtimeConnection::connectNow()
{
    if (!m_running)
        return;
    if (m_handshakeFailures >= m_fallbackAfter) {
        startLongPoll();
        return;
    }
    m_poll->stop();
    m_probeTimer.stop();
    setTransport(Transport::WebSocket);
    m_sawHello = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(16 * 1024 * 1024);
    connect(m_socket, &QWebSocket::connected, this, &RealtimeConnection::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &RealtimeConnection::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &RealtimeConnection::onText);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (m_socket)
                    m_lastError = m_socket->errorString();
            });
    setState(State::Connecting);
    m_socket->open(chatUrl());
}

void RealtimeConnection::onConnected()
{
    // Alive from here; "hello" makes it Online. The deadline also covers a server that
    // accepts the socket but never says hello.
    m_pongDeadline.start(m_pongTimeoutMs);
}

void RealtimeConnection::onDisconnected()
{
    auto *s = qobject_cast<QWebSocket *>(sender());
    if (s != m_socket)
        return;
    m_pingTimer.stop();
    m_pongDeadline.stop();
    const QString reason = s->closeReason().isEmpty() ? s->errorString() : s->closeReason();
    const QString signedOut = SignOutReason::text(s->closeCode(), s->closeReason());
    m_socket = nullptr;
    s->disconnect(this);
    s->deleteLater();
    if (!m_running)
        return;
    // The server ended this session on purpose (password changed elsewhere, ...): no retry.
    if (!signedOut.isEmpty()) {
        stop();
        m_lastError = signedOut;
        Q_EMIT signedOutByServer(signedOut);
        return;
    }
    // Never said hello: the handshake (or the way to the server) failed. A proxy that refuses
    // upgrades answers every time, so a few in a row switch to the fallback.
    if (!m_sawHello)
        ++m_handshakeFailures;
    // An HTTP answer other than 101 to the upgrade (Qt says "Unhandled http status code: 403"):
    // something on the way refuses WebSockets, and asking again will not change its mind.
    if (!m_sawHello && reason.contains(QLatin1String("http status code: 4")))
        m_handshakeFailures = std::max(m_handshakeFailures, m_fallbackAfter);
    scheduleRetry(reason);
}

void RealtimeConnection::startLongPoll()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_pingTimer.stop();
    m_pongDeadline.stop();
    setTransport(Transport::LongPoll);
    setState(State::Connecting);
    m_poll->start(m_server, m_token);
}

void RealtimeConnection::onLongPollFailed(const QString &why)
{
    if (!m_running)
        return;
    m_probeTimer.stop();
    dropProbe();
    // The fallback failed too: perhaps the server is down rather than WebSockets blocked, so the
    // next attempt tries the WebSocket once more before falling back again.
    m_handshakeFailures = m_fallbackAfter - 1;
    scheduleRetry(why);
}

void RealtimeConnection::probeWebSocket()
{
    if (!m_running || m_transport != Transport::LongPoll || m_state != State::Online || m_probe)
        return;
    m_probe = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_probe->setMaxAllowedIncomingMessageSize(16 * 1024 * 1024);
    QWebSocket *probe = m_probe;
    connect(probe, &QWebSocket::textMessageReceived, this, [this, probe](const QString &text) {
        if (probe != m_probe)
            return;
        try {
            const ServerFrame frame = decodeServerFrame(parseJsonDocument(text.toUtf8(), limits::kJsonDepthMax + 8));
            if (const auto *hello = std::get_if<HelloFrame>(&frame)) {
                switchToWebSocket(probe, hello->user);
                return;
            }
        } catch (const DecodeError &) {
        }
        dropProbe(); // anything but hello first: not a usable connection
    });
    connect(probe, &QWebSocket::disconnected, this, [this, probe] {
        if (probe == m_probe) {
            qCInfo(lcRealtimeClient) << "WebSocket still unavailable:" << probe->errorString();
            dropProbe();
        }
    });
    m_probeDeadline.start(m_pongTimeoutMs);
    m_probe->open(chatUrl());
}

void RealtimeConnection::dropProbe()
{
    m_probeDeadline.stop();
    if (!m_probe)
        return;
    QWebSocket *probe = std::exchange(m_probe, nullptr);
    probe->disconnect(this);
    probe->abort();
    probe->deleteLater();
    if (m_running && m_transport == Transport::LongPoll && m_state == State::Online)
        m_probeTimer.start(m_webSocketRetryMs);
}

void RealtimeConnection::switchToWebSocket(QWebSocket *socket, const User &me)
{
    m_probeDeadline.stop();
    m_probe = nullptr;
    socket->disconnect(this);
    m_poll->stop();
    m_probeTimer.stop();
    m_socket = socket;
    connect(m_socket, &QWebSocket::disconnected, this, &RealtimeConnection::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &RealtimeConnection::onText);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (m_socket)
                    m_lastError = m_socket->errorString();
            });
    m_sawHello = true;
    m_handshakeFailures = 0;
    m_failures = 0;
    setTransport(Transport::WebSocket);
    m_pingTimer.start(m_pingIntervalMs);
    setState(State::Online);
    Q_EMIT online(me); // SyncEngine resumes over the WebSocket from its seqs
}

void RealtimeConnection::scheduleRetry(const QString &why)
{
    ++m_failures;
    m_lastError = why;
    const int delay = m_policy.delayMs(m_failures);
    qCInfo(lcRealtimeClient) << "connection lost:" << why << "- retry" << m_failures << "in" << delay << "ms";
    m_retryTimer.start(delay);
    m_countdown.start();
    setState(State::Retrying);
    Q_EMIT retryCountdown(secondsUntilRetry());
    ensureNetworkWatch();
}

void RealtimeConnection::ensureNetworkWatch()
{
    // Loaded lazily, on the first trouble: the backend talks D-Bus, which must not delay start-up.
    if (!m_watchNetwork || m_networkWatched)
        return;
    m_networkWatched = true;
    if (!QNetworkInformation::instance() &&
        !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return;
    if (auto *info = QNetworkInformation::instance()) {
        connect(info, &QNetworkInformation::reachabilityChanged, this, [this](QNetworkInformation::Reachability r) {
            if (r == QNetworkInformation::Reachability::Online && m_state == State::Retrying)
                retryNow();
        });
    }
}

void RealtimeConnection::onText(const QString &text)
{
    m_pongDeadline.stop(); // any frame proves the connection alive
    ServerFrame frame;
    try {
        frame = decodeServerFrame(parseJsonDocument(text.toUtf8(), limits::kJsonDepthMax + 8));
    } catch (const DecodeError &e) {
        qCWarning(lcRealtimeClient) << "ignoring a frame we cannot read:" << e.what();
        return;
    }
    if (const auto *hello = std::get_if<HelloFrame>(&frame)) {
        m_sawHello = true;
        m_handshakeFailures = 0;
        m_failures = 0;
        m_lastError.clear();
        m_pingTimer.start(m_pingIntervalMs);
        setState(State::Online);
        Q_EMIT online(hello->user);
        return;
    }
    if (const auto *err = std::get_if<ErrorFrame>(&frame);
        err && m_state == State::Connecting && err->code == ErrorCode::Unauthorized) {
        const QString message = err->message;
        stop();
        m_lastError = message;
        Q_EMIT authenticationRejected(message);
        return;
    }
    if (std::holds_alternative<PongFrame>(frame))
        return;
    Q_EMIT frameReceived(frame);
}

void RealtimeConnection::sendPing()
{
    if (!m_socket || m_state != State::Online)
        return;
    m_socket->sendTextMessage(
        QString::fromUtf8(toJsonBytes(encodeFrame(ClientFrame(PingFrame{QString::number(++m_pingId), {}})))));
    if (!m_pongDeadline.isActive())
        m_pongDeadline.start(m_pongTimeoutMs);
}

bool RealtimeConnection::send(const ClientFrame &frame)
{
    if (m_transport == Transport::LongPoll)
        return m_state == State::Online && m_poll->send(frame);
    if (!m_socket || m_state != State::Online)
        return false;
    m_socket->sendTextMessage(QString::fromUtf8(toJsonBytes(encodeFrame(frame))));
    return true;
}

} // namespace confab::client
