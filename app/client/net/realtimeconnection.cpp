#include "realtimeconnection.h"

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
}

RealtimeConnection::~RealtimeConnection()
{
    m_running = false;
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

void RealtimeConnection::stop()
{
    m_running = false;
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
    case State::Offline:
        return tr("Offline");
    case State::Connecting:
        return tr("Connecting…");
    case State::Online:
        return tr("Online");
    case State::Retrying:
        return tr("Connection lost. Retrying in %n s", nullptr, secondsUntilRetry());
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
    m_socket = nullptr;
    s->disconnect(this);
    s->deleteLater();
    if (!m_running)
        return;
    scheduleRetry(reason);
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
    if (!QNetworkInformation::instance() && !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
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
        m_failures = 0;
        m_lastError.clear();
        m_pingTimer.start(m_pingIntervalMs);
        setState(State::Online);
        Q_EMIT online(hello->user);
        return;
    }
    if (const auto *err = std::get_if<ErrorFrame>(&frame); err && m_state == State::Connecting &&
                                                            err->code == ErrorCode::Unauthorized) {
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
    m_socket->sendTextMessage(QString::fromUtf8(toJsonBytes(encodeFrame(ClientFrame(PingFrame{QString::number(++m_pingId), {}})))));
    if (!m_pongDeadline.isActive())
        m_pongDeadline.start(m_pongTimeoutMs);
}

bool RealtimeConnection::send(const ClientFrame &frame)
{
    if (!m_socket || m_state != State::Online)
        return false;
    m_socket->sendTextMessage(QString::fromUtf8(toJsonBytes(encodeFrame(frame))));
    return true;
}

} // namespace confab::client
