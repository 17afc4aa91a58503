// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "framewriter.h"
#include "realtimesession.h"

#include "service/caller.h"

#include "core/frames.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QWebSocket>

#include <memory>
#include <optional>
#include <vector>

namespace confab::server {

class LatencyHistogram;

class OutputBatch;
class RealtimeHub;
class WebSocketInputGuard;

struct SessionLimits {
    qint64 maxQueuedBytes = 8 * 1024 * 1024; // a reader this far behind is disconnected
    int authTimeoutMs = 10000;               // time to authenticate after opening
    int idleTimeoutMs = 120000;              // nothing from the peer, not even a pong, for this long: dead
    qint64 maxFrameBytes = 64 * 1024;        // larger frames get an error (Qt's hard cap is higher)
    int badFramesBeforeClose = 10;           // within a minute, then close with 1008
    int maxJsonDepth = 16;
    int maxWaitingFrames = 16;                   // frames held while the token is checked
    int closeTimeoutMs = 2000;                   // after our close frame, wait this long for the client's
    LatencyHistogram *deliveryLatency = nullptr; // /metrics: frame queued to written, when set
};

// One WebSocket connection: authentication, frame parsing, the bound on unsent bytes, and the
// "keeps sending garbage" rule. What frames do is the hub's business.
//
// Qt WebSockets reads and parses what the client sends and answers its pings; everything the
// server sends is written by a FrameWriter straight to the socket under the QWebSocket (see
// framewriter.h), held back while `batch` is open.
class WsSession : public RealtimeSession {
    Q_OBJECT
public:
    WsSession(QWebSocket *socket, RealtimeHub &hub, OutputBatch &batch, const SessionLimits &limits,
              QObject *parent = nullptr);
    ~WsSession() override;

    bool isAuthenticated() const { return !m_caller.userId.isEmpty(); }
    const Caller &caller() const override { return m_caller; }
    void setCaller(const Caller &caller) override;
    quint64 id() const override { return m_id; }
    void deliver(const QByteArray &, const QByteArray &wireFrame) override { sendWireFrame(wireFrame); }
    void revoke(const QString &reason) override { closeWith(QWebSocketProtocol::CloseCodePolicyViolated, reason); }

    // A JSON text message.
    void sendBytes(const QByteArray &json);
    // For fan-out: a complete frame (webSocketTextFrame()) built once for all recipients.
    void sendWireFrame(const QByteArray &frame);
    void sendFrame(const ServerFrame &frame);
    void sendError(const ApiError &error, const QString &ref = {});
    void closeWith(QWebSocketProtocol::CloseCode code, const QString &reason);

    // Sent but not yet taken by the kernel: held back in a batch or queued in the socket.
    qint64 queuedBytes() const;
    // Called by the batch when it closes.
    void flushHeldFrames();
    // Called by the hub once the token is accepted and `hello` sent: handles the frames that
    // came while it was being checked, in order.
    void handleWaitingFrames();

Q_SIGNALS:
    void closed(confab::server::WsSession *session);

private:
    void onText(const QString &text);
    void onBinary(const QByteArray &data);
    void badFrame(const ApiError &error, const QString &ref = {});
    void writeHeld();
    void checkBacklogBeforePongs(qint64 pongBytes);
    void checkBacklogAfterInput();
    void dropSlowReader(qint64 pongBytesDue = 0);

    std::unique_ptr<QWebSocket> m_socket;
    std::optional<FrameWriter> m_writer;         // none if the socket under the QWebSocket was not found
    WebSocketInputGuard *m_inputGuard = nullptr; // the transport's (a child of it), if any
    RealtimeHub &m_hub;
    OutputBatch &m_batch;
    SessionLimits m_limits;
    Caller m_caller;
    quint64 m_id;
    QList<QByteArray> m_held; // frames held back while the batch is open
    qint64 m_heldBytes = 0;
    qint64 m_heldSinceUs = 0; // when the oldest held frame was queued
    bool m_enlisted = false;  // in m_batch's list
    int m_badFrames = 0;
    QElapsedTimer m_badWindow;
    QTimer m_authTimer;
    QTimer m_idleTimer;
    QElapsedTimer m_lastActivity;
    bool m_authenticating = false;      // a token is being checked: a second one is refused
    std::vector<ClientFrame> m_waiting; // arrived while the token was being checked
    bool m_closing = false;
};

} // namespace confab::server
