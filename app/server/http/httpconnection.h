// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httplimits.h"
#include "httpmessage.h"
#include "httprequestparser.h"
#include "trafficcapture.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QTcpSocket;

namespace confab::server {

namespace detail {
std::shared_ptr<ResponseChannel> makeResponseChannel(HttpConnection *connection);
void closeResponseChannel(ResponseChannel &channel);
} // namespace detail

// One client connection speaking HTTP/1.1: reads and parses requests, hands each to the handler,
// writes the answers strictly in request order, and enforces the timeouts and size limits.
// A new connection first peeks at its first header block; a WebSocket upgrade to a registered
// path is handed back to the server untouched (upgradeRequested) so Qt WebSockets can read it.
class HttpConnection : public QObject {
    Q_OBJECT
public:
    struct Hooks {
        std::function<void(HttpRequest &&, HttpResponder)> dispatch;
        std::function<bool(const QString &path)> isWebSocketPath;
        // Looks at a request's head before its body is read; an answer refuses the request (see
        // HttpServer::setScreen). May be empty.
        std::function<std::optional<HttpResponse>(const HttpRequest &head)> screen;
        // A sink to stream this request's body into instead of buffering it (uploads); null
        // buffers as usual. Asked after the screen let the head through. May be empty.
        std::function<std::shared_ptr<BodySink>(const HttpRequest &head)> bodySink;
        // Who made the request, if that is known before it is handled (for the request log). May be empty.
        std::function<QString(const HttpRequest &request)> identify;
        // Whether a WebSocket handshake's Origin may connect (OriginPolicy). May be empty: all may.
        std::function<bool(const HttpRequest &head)> allowsOrigin;
    };

    // Takes ownership of socket.
    HttpConnection(QTcpSocket *socket, quint64 id, const HttpLimits &limits, Hooks hooks, QObject *parent = nullptr);
    ~HttpConnection() override;

    quint64 id() const { return m_id; }
    void start();
    void abort(); // drop the connection now, unanswered requests included
    // Server shutdown: hands the kernel what is already answered (a held long-poll answered just
    // before), then drops the connection.
    void flushAndAbort();

    // Called by HttpResponder with the answer to the request numbered `sequence`.
    void deliver(quint64 sequence, HttpResponse response);
    // Called by HttpResponder::stream(): writes `head` and releases the socket (streamStarted),
    // when `sequence` is the oldest unanswered request; null otherwise.
    QTcpSocket *takeForStream(quint64 sequence, const HttpResponse &head);

Q_SIGNALS:
    // The socket is released (no parent, no connections to us) with the handshake unread.
    void upgradeRequested(QTcpSocket *socket, const QString &path, qint64 receivedAtUs);
    void responseWritten(const QByteArray &method, const QString &path, int status, qint64 latencyUs,
                         const QByteArray &requestId, const QString &userId);
    // The socket now carries a streamed body for its new owner; it is parentless.
    void streamStarted(QTcpSocket *socket);
    // The connection is over; the owner deletes it (later, never from inside this signal).
    void finished();

private:
    enum class State {
        Sniffing,      // first header block not complete: peek only, it may be a WebSocket handshake
        Open,          // reading and answering requests
        Finishing,     // reading stopped; answering what is queued, the last answer closes
        Lingering,     // final answer sent after an error; draining input briefly before closing
        Disconnecting, // waiting for the socket to flush and close
        Closed,
    };
    // What the single timer is currently measuring; it restarts only when this changes, so a
    // client trickling bytes cannot push its deadline back.
    enum class Phase { None, Headers, Body, Idle, Linger, Disconnect };

    // A request in the pipeline, from its header block until its answer is written.
    struct Slot {
        quint64 sequence = 0;
        QByteArray method;
        QString path;
        qint64 receivedAtUs = 0;
        QByteArray requestId;
        QString userId; // for the request log, when known
        bool keepAlive = true;
        bool http10 = false;
        bool head = false;
        bool continuePending = false; // "Expect: 100-continue" to answer when this is the front
        bool closeAfter = false;      // an error answer: close (after lingering) once written
        std::optional<HttpResponse> response;
    };

    void onReadyRead();
    void onBytesWritten();
    void onDisconnected();
    void onTimeout();

    void sniff();
    bool originAllowed(const HttpRequest &head) const { return !m_hooks.allowsOrigin || m_hooks.allowsOrigin(head); }
    void handOver(const QString &path, qint64 receivedAtUs);
    void processInput();
    void scheduleProcessInput();
    bool pipelineFull() const;
    void onHeadersComplete();
    void onMessageComplete();
    void failRequest(ErrorCode code, const QString &message);
    void failRequest(const ApiError &error);
    void dropSink();
    void pumpStream();
    void refuseBeforeBody(HttpResponse response);
    void flush();
    void closeAfterWrite(bool linger);
    void drain();
    void finish();
    void updateTimer();
    Slot *slotFor(quint64 sequence);

    QTcpSocket *m_socket;
    const quint64 m_id;
    const HttpLimits m_limits;
    const Hooks m_hooks;
    HttpRequestParser m_parser;
    std::shared_ptr<detail::ResponseChannel> m_channel;
    std::deque<Slot> m_slots;
    quint64 m_nextSequence = 1;
    std::optional<quint64> m_currentSequence; // slot of the request being parsed, once its head is in
    QByteArray m_input;                       // read from the socket, not yet parsed
    qsizetype m_inputPos = 0;
    State m_state = State::Sniffing;
    Phase m_phase = Phase::None;
    QTimer m_timer;
    // The body of the request being parsed goes here instead of into memory (uploads).
    std::shared_ptr<BodySink> m_sink;
    qint64 m_sinkBytesSinceDeadline = 0;
    // A response body being read from disk as the socket drains; nothing else is written meanwhile.
    struct OutgoingStream {
        std::shared_ptr<QIODevice> device;
        qint64 remaining = 0;
        bool close = false;
        bool linger = false;
    };
    std::optional<OutgoingStream> m_stream;
    bool m_processScheduled = false;
    bool m_servedAny = false;
    bool m_finished = false;
    qint64 m_drained = 0;
    TrafficCapture m_capture; // off unless CONFAB_CAPTURE_DIR is set (fuzzing seeds)
};

} // namespace confab::server
