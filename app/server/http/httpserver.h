// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The server's HTTP/1.1 + WebSocket transport on one port.
//
// Why http_parser (the C library behind Node.js before llhttp) on a plain QTcpServer/QSslServer:
// - QHttpServer is a technical preview in Qt 6.4: it answered pipelined requests out of order,
//   has no idle timeout, connection or body limits, crashed when a stored responder was written
//   after the client left, and accepts a WebSocket upgrade only when a route matches.
// - Boost.Beast's parser would do, but it is header-only Boost/Asio: heavy to compile on a
//   2-core CI for every file that includes it.
// - http_parser is C, incremental (feed it whatever the socket gave), battle-tested, tiny to
//   compile and packaged by Debian (libhttp-parser-dev, still patched there though archived
//   upstream; Debian 12 has no llhttp). Everything else - ordering, limits, timeouts,
//   back-pressure, the WebSocket hand-over - is ours and tested in tests/server/tst_http.cpp.
//
// A WebSocket upgrade is taken over only as the first request of a connection: the first header
// block is peeked, not read, so QWebSocketServer::handleConnection() can read the handshake itself.

#include "descriptorheadroom.h"
#include "httplimits.h"
#include "httpmessage.h"
#include "originpolicy.h"

#include <QAbstractSocket>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>

#include <functional>
#include <optional>

class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace confab::server {

class HttpConnection;

class HttpServer : public QObject {
    Q_OBJECT
public:
    using Handler = std::function<void(HttpRequest &&request, HttpResponder responder)>;
    // Decides on a request's head alone, before its body is read: an answer refuses the request
    // (unknown route, missing credentials), std::nullopt lets it through to the handler.
    using Screen = std::function<std::optional<HttpResponse>(const HttpRequest &head)>;
    // A sink that takes a request's body as it arrives (uploads), or null to buffer it as usual.
    using BodySinks = std::function<std::shared_ptr<BodySink>(const HttpRequest &head)>;
    using WebSocketHandler = std::function<void(QWebSocket *socket)>; // handler takes ownership (socket has no parent)

    explicit HttpServer(HttpLimits limits, QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(Handler h);
    void setScreen(Screen s);
    void setBodySinks(BodySinks s);
    // Who made a request, when known before handling it (the request log's user id).
    void setIdentify(std::function<QString(const HttpRequest &request)> identify) { m_identify = std::move(identify); }
    // Which browser pages may open WebSockets (others get 403); clients without an Origin always may.
    void setAllowedOrigins(OriginPolicy origins) { m_origins = std::move(origins); }
    void setWebSocketHandler(const QString &path, WebSocketHandler h);            // e.g. "/chat"
    bool setTls(const QString &certPath, const QString &keyPath, QString *error); // before listen
    bool listen(const QHostAddress &address, quint16 port, QString *error);       // port 0 = pick a free one
    quint16 port() const;
    void close(); // stop listening and close every connection, upgraded WebSockets included
    // HTTP connections, handshakes in progress, upgraded QWebSockets and streamed responses not
    // yet destroyed.
    int openConnections() const;
    // The most connections open at once since the previous call (for HeapTrimmer).
    int takePeakConnections();
    const HttpLimits &limits() const { return m_limits; }

Q_SIGNALS:
    // One per answered request (for the one-line-per-request log and /metrics), including the
    // transport's own errors (400/408/413/431) and 101 for a WebSocket hand-over. Requests whose
    // client left before the answer are not reported.
    void requestCompleted(const QByteArray &method, const QString &path, int status, qint64 latencyUs,
                          const QByteArray &requestId, const QString &userId);

private:
    void onPendingConnections();
    void adopt(QTcpSocket *socket);
    void onConnectionFinished(HttpConnection *connection);
    void onUpgradeRequested(QTcpSocket *socket, const QString &path, qint64 receivedAtUs);
    void onWebSocketReady();
    void onStreamStarted(QTcpSocket *socket);
    void onResponseWritten(const QByteArray &method, const QString &path, int status, qint64 latencyUs,
                           const QByteArray &requestId, const QString &userId);
    void dispatch(HttpRequest &&request, HttpResponder responder);
    void updateAccepting();
    void onAcceptError(QAbstractSocket::SocketError error);

    HttpLimits m_limits;
    Handler m_handler;
    Screen m_screen;
    BodySinks m_bodySinks;
    std::function<QString(const HttpRequest &)> m_identify;
    QHash<QString, WebSocketHandler> m_webSocketHandlers;
    OriginPolicy m_origins;           // none: only clients that send no Origin (not browsers)
    QTcpServer *m_listener = nullptr; // a QSslServer when TLS is configured
    QWebSocketServer *m_webSocketServer = nullptr;
    QSslConfiguration m_tls;
    bool m_tlsEnabled = false;
    QHash<quint64, HttpConnection *> m_connections;
    QSet<QTcpSocket *> m_handshaking; // handed to Qt WebSockets, no QWebSocket yet
    QSet<QWebSocket *> m_webSockets;  // upgraded, owned by their handler; until destroyed
    QSet<QTcpSocket *> m_streams;     // streamed responses (Server-Sent Events), owned by their handler
    quint64 m_nextConnectionId = 1;
    int m_peakConnections = 0;
    bool m_acceptBackoff = false;      // out of descriptors: not accepting until the back-off ends
    bool m_reportedExhaustion = false; // logged once per episode
    DescriptorHeadroom m_headroom;
    bool m_outOfHeadroom = false;          // descriptors reached the reserve: not accepting until some close
    bool m_reportedLowDescriptors = false; // logged once per episode
};

} // namespace confab::server
