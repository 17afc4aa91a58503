// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reconnectpolicy.h"

#include "core/frames.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace confab::client {

class EventPollTransport;

// The one WebSocket to /chat, kept open: heartbeat pings (a connection whose pongs stop is
// dropped and replaced), one reconnect policy, a state the UI can show, and a retry as soon as
// the network comes back. Knows nothing about rooms: frames go out decoded, sync is the
// SyncEngine's business.
//
// Where WebSockets are blocked (the handshake failed `fallbackAfter` times in a row) it carries
// on over the long-poll fallback (EventPollTransport) behind the same signals, and tries the
// WebSocket again in the background every `webSocketRetryMs`, switching back when it says hello.
// Each switch is a new "online": SyncEngine resumes from its per-room seqs, which both transports
// share, so nothing is lost and duplicates are dropped by seq.
class RealtimeConnection : public QObject {
    Q_OBJECT
public:
    enum class State {
        Offline,    // not started, stopped, or the server rejected our token
        Connecting, // socket opening or waiting for "hello"
        Online,     // "hello" received
        Retrying,   // waiting secondsUntilRetry() before the next attempt
    };
    Q_ENUM(State)
    enum class Transport { WebSocket, LongPoll };
    Q_ENUM(Transport)

    explicit RealtimeConnection(QObject *parent = nullptr);
    ~RealtimeConnection() override;

    // Starts connecting to the server at `serverUrl` (http[s]://host:port) and keeps doing so
    // until stop().
    void start(const QUrl &serverUrl, const QString &token);
    void stop();
    // Skips the wait of Retrying (a "Reconnect now" button), or reconnects a silent socket.
    void retryNow();

    State state() const { return m_state; }
    int secondsUntilRetry() const;
    int failures() const { return m_failures; }
    QString lastError() const { return m_lastError; }
    // Human text for the state ("Online", "Reconnecting in 5 s", ...).
    QString statusText() const;
    Transport transport() const { return m_transport; }
    // Which transport carries us, for details ("WebSocket", "long-poll fallback: ...").
    QString transportText() const;
    void setFallback(int handshakeFailures, int webSocketRetryMs);

    // Sends when Online; false otherwise (the caller decides what waits).
    bool send(const ClientFrame &frame);

    ReconnectPolicy &policy() { return m_policy; }
    void setHeartbeat(int intervalMs, int timeoutMs);
    // Watch the OS's idea of reachability (QNetworkInformation) to retry when the network returns.
    void setWatchNetwork(bool watch) { m_watchNetwork = watch; }

Q_SIGNALS:
    void stateChanged(confab::client::RealtimeConnection::State state);
    // Once a second while Retrying, for a countdown.
    void retryCountdown(int secondsLeft);
    // After every successful (re)connect: "hello" arrived.
    void online(const confab::User &me);
    void frameReceived(const confab::ServerFrame &frame);
    // The server refused the token: no more retries until start() with a new one.
    void authenticationRejected(const QString &message);
    // The server closed the connection because it ended this session (SignOutReason's text,
    // for the user); no more retries.
    void signedOutByServer(const QString &message);
    void transportChanged(confab::client::RealtimeConnection::Transport transport);

private:
    void connectNow();
    void setState(State s);
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void scheduleRetry(const QString &why);
    void sendPing();
    void ensureNetworkWatch();
    QUrl chatUrl() const;
    void setTransport(Transport t);
    void startLongPoll();
    void onLongPollFailed(const QString &why);
    void probeWebSocket();
    void dropProbe();
    void switchToWebSocket(QWebSocket *socket, const User &me);

    QWebSocket *m_socket = nullptr;
    State m_state = State::Offline;
    bool m_running = false;
    QUrl m_server;
    QString m_token;
    int m_failures = 0;
    QString m_lastError;
    ReconnectPolicy m_policy;
    QTimer m_retryTimer;
    QTimer m_countdown;
    QTimer m_pingTimer;
    QTimer m_pongDeadline;
    quint64 m_pingId = 0;
    int m_pingIntervalMs = 15000;
    int m_pongTimeoutMs = 10000;
    bool m_watchNetwork = true;
    bool m_networkWatched = false;
    // The fallback.
    EventPollTransport *m_poll = nullptr;
    Transport m_transport = Transport::WebSocket;
    bool m_sawHello = false;     // the current WebSocket said hello
    int m_handshakeFailures = 0; // WebSocket attempts in a row that never said hello
    int m_fallbackAfter = 3;
    int m_webSocketRetryMs = 3 * 60 * 1000;
    QTimer m_probeTimer; // while on the fallback: when to try the WebSocket again
    QWebSocket *m_probe = nullptr;
    QTimer m_probeDeadline;
};

} // namespace confab::client
