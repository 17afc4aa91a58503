#pragma once

#include "service/result.h"

#include "core/frames.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QWebSocket>

#include <memory>

namespace confab::server {

class RealtimeHub;

struct SessionLimits {
    qint64 maxQueuedBytes = 8 * 1024 * 1024; // a reader this far behind is disconnected
    int authTimeoutMs = 10000;               // time to authenticate after opening
    int idleTimeoutMs = 120000;              // nothing from the peer, not even a pong, for this long: dead
    qint64 maxFrameBytes = 64 * 1024;        // larger frames get an error (Qt's hard cap is higher)
    int badFramesBeforeClose = 10;           // within a minute, then close with 1008
    int maxJsonDepth = 16;
};

// One WebSocket connection: authentication, frame parsing, the bound on unsent bytes, and the
// "keeps sending garbage" rule. What frames do is the hub's business.
class WsSession : public QObject {
    Q_OBJECT
public:
    WsSession(QWebSocket *socket, RealtimeHub &hub, const SessionLimits &limits, QObject *parent = nullptr);
    ~WsSession() override;

    bool isAuthenticated() const { return !m_caller.userId.isEmpty(); }
    const Caller &caller() const { return m_caller; }
    void setCaller(const Caller &caller);
    quint64 id() const { return m_id; }

    void sendBytes(const QByteArray &frame);
    // For fan-out: the text converted once for all recipients; `utf8Size` counts toward the bound.
    void sendText(const QString &text, qsizetype utf8Size);
    void sendFrame(const ServerFrame &frame);
    void sendError(const ApiError &error, const QString &ref = {});
    void closeWith(QWebSocketProtocol::CloseCode code, const QString &reason);

    qint64 queuedBytes() const { return m_queued; }

Q_SIGNALS:
    void closed(confab::server::WsSession *session);

private:
    void onText(const QString &text);
    void onBinary(const QByteArray &data);
    void badFrame(const ApiError &error, const QString &ref = {});

    std::unique_ptr<QWebSocket> m_socket;
    RealtimeHub &m_hub;
    SessionLimits m_limits;
    Caller m_caller;
    quint64 m_id;
    qint64 m_queued = 0;
    int m_badFrames = 0;
    QElapsedTimer m_badWindow;
    QTimer m_authTimer;
    QTimer m_idleTimer;
    QElapsedTimer m_lastActivity;
    bool m_authenticating = false; // a token is being checked: a second one is refused
    bool m_closing = false;
};

} // namespace confab::server
