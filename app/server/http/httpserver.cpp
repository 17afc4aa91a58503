// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpserver.h"

#include "httpconnection.h"
#include "websocketinputguard.h"

#include "ops/logcontext.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>
#include <utility>

namespace confab::server {

HttpServer::HttpServer(HttpLimits limits, QObject *parent) : QObject(parent), m_limits(limits)
{
    // Never listens: it only completes handshakes of sockets we hand it. NonSecureMode also works
    // for QSslSocket, which it reads and writes decrypted (requestUrl() then says ws:, not wss:).
    m_webSocketServer = new QWebSocketServer(QStringLiteral("confab"), QWebSocketServer::NonSecureMode, this);
    m_webSocketServer->setMaxPendingConnections(1024); // drained at once in onWebSocketReady()
    connect(m_webSocketServer, &QWebSocketServer::newConnection, this, &HttpServer::onWebSocketReady);
}

HttpServer::~HttpServer() { close(); }

void HttpServer::setHandler(Handler h) { m_handler = std::move(h); }

void HttpServer::setScreen(Screen s) { m_screen = std::move(s); }

void HttpServer::setBodySinks(BodySinks s) { m_bodySinks = std::move(s); }

void HttpServer::setWebSocketHandler(const QString &path, WebSocketHandler h)
{
    m_webSocketHandlers.insert(path, std::move(h));
}

bool HttpServer::setTls(const QString &certPath, const QString &keyPath, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_listener)
        return fail(QStringLiteral("TLS must be configured before listen()"));
    if (!QSslSocket::supportsSsl())
        return fail(QStringLiteral("TLS is not available in this Qt build (no OpenSSL backend)"));

    QFile certFile(certPath);
    if (!certFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read TLS certificate %1: %2").arg(certPath, certFile.errorString()));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return fail(QStringLiteral("no PEM certificate in %1").arg(certPath));

    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read TLS key %1: %2").arg(keyPath, keyFile.errorString()));
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return fail(QStringLiteral("no unencrypted PEM private key (RSA or EC) in %1").arg(keyPath));

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with tokens, not certificates
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    // TLS 1.2 with forward secrecy and AEAD only (Mozilla's "intermediate" list); TLS 1.3's own
    // suites are all of that kind. docs/security.md.
    tls.setCiphers(QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                                  "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                                  "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:"
                                  "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256"));
    m_tls = tls;
    m_tlsEnabled = true;
    return true;
}

namespace {
constexpr int kMaxPending = 256;
constexpr int kListenBacklog = 4096; // the kernel caps it at net.core.somaxconn
} // namespace

bool HttpServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_listener) {
        if (error)
            *error = QStringLiteral("already listening");
        return false;
    }
    if (m_tlsEnabled) {
        auto *ssl = new QSslServer(this);
        ssl->setSslConfiguration(m_tls);
        ssl->setHandshakeTimeout(m_limits.headerTimeoutMs);
        connect(ssl, &QSslServer::errorOccurred, this, [](QSslSocket *socket, QAbstractSocket::SocketError) {
            qCDebug(lcHttp) << "TLS handshake with" << socket->peerAddress() << "failed:" << socket->errorString();
        });
        m_listener = ssl;
    } else {
        m_listener = new QTcpServer(this);
    }
    // Sockets waiting in the listener before we adopt them (TLS handshakes count there too).
    m_listener->setMaxPendingConnections(kMaxPending);
    // Clients arriving all at once (a restart, a network coming back) wait in the kernel's queue
    // while we adopt the ones before them. Qt's default of 50 drops the others' handshakes, and
    // their retries back off for up to a minute.
    m_listener->setListenBacklogSize(kListenBacklog);
    connect(m_listener, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::onPendingConnections);
    connect(m_listener, &QTcpServer::acceptError, this, &HttpServer::onAcceptError);
    // One descriptor per connection up to the reserve (see DescriptorHeadroom).
    const int fit = m_headroom.ceiling();
    if (fit < m_limits.maxConnections) {
        qCInfo(lcHttp, "at most %d connections: the descriptor limit (RLIMIT_NOFILE) allows no more", fit);
        m_limits.maxConnections = fit;
    }
    if (!m_listener->listen(address, port)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1:%2: %3")
                         .arg(address.toString())
                         .arg(port)
                         .arg(m_listener->errorString());
        delete std::exchange(m_listener, nullptr);
        return false;
    }
    qCInfo(lcHttp, "listening on %s:%u (%s)", qUtf8Printable(address.toString()), unsigned(this->port()),
           m_tlsEnabled ? "https/wss" : "http/ws");
    return true;
}

quint16 HttpServer::port() const { return m_listener ? m_listener->serverPort() : 0; }

void HttpServer::close()
{
    if (m_listener) {
        m_listener->close();
        m_listener->deleteLater();
        m_listener = nullptr;
    }
    const QList<HttpConnection *> connections = m_connections.values();
    for (HttpConnection *connection : connections)
        connection->flushAndAbort(); // each reports finished() and is deleted later
    const QSet<QTcpSocket *> handshaking = m_handshaking;
    for (QTcpSocket *socket : handshaking)
        socket->abort(); // deleted through its disconnected() handler
    // Streams and upgraded sockets belong to their handlers: close them, the handlers delete them.
    const QSet<QTcpSocket *> streams = m_streams;
    for (QTcpSocket *socket : streams)
        socket->disconnectFromHost();
    const QSet<QWebSocket *> webSockets = m_webSockets;
    for (QWebSocket *ws : webSockets) {
        // One already closing (its close frame sent, waiting for the client's) is cut short.
        const auto *guard = ws->findChild<WebSocketInputGuard *>();
        if (guard && guard->isDraining())
            ws->abort();
        else
            ws->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
    }
}

int HttpServer::openConnections() const
{
    return int(m_connections.size() + m_handshaking.size() + m_webSockets.size() + m_streams.size());
}

int HttpServer::takePeakConnections() { return std::exchange(m_peakConnections, openConnections()); }

void HttpServer::onAcceptError(QAbstractSocket::SocketError error)
{
    // Qt reports EMFILE/ENFILE/ENOBUFS/ENOMEM as a resource error and pauses accepting. Resuming
    // at once (as the next closed connection would) makes accept() fail again in a loop while
    // the kernel keeps the listener readable: back off instead, then try again.
    const bool outOfResources = error == QAbstractSocket::SocketResourceError;
    if (!outOfResources) {
        qCWarning(lcHttp) << "accepting a connection failed:" << error;
    } else if (!m_reportedExhaustion) {
        qCWarning(lcHttp,
                  "out of file descriptors with %d connections open: accepting pauses for %d ms at a time "
                  "until some close (raise LimitNOFILE / ulimit -n)",
                  openConnections(), m_limits.acceptBackoffMs);
        m_reportedExhaustion = true;
    }
    m_acceptBackoff = true;
    if (m_listener)
        m_listener->pauseAccepting();
    // Other errors (a connection aborted before we took it) are about one client: retry soon.
    QTimer::singleShot(outOfResources ? m_limits.acceptBackoffMs : 10, this, [this] {
        m_acceptBackoff = false;
        updateAccepting();
    });
}

void HttpServer::updateAccepting()
{
    if (!m_listener || !m_listener->isListening() || m_acceptBackoff)
        return;
    if (m_outOfHeadroom || m_reportedLowDescriptors) {
        const int lowest = DescriptorHeadroom::lowestFree(int(m_listener->socketDescriptor()));
        if (lowest >= 0 && !m_headroom.isInReserve(lowest))
            m_outOfHeadroom = false;
        // Told once per episode: over when half the room below the ceiling is free again.
        if (m_reportedLowDescriptors && lowest >= 0 && lowest < m_headroom.ceiling() / 2) {
            m_reportedLowDescriptors = false;
            qCInfo(lcHttp, "file descriptors free again (%d connections open)", openConnections());
        }
    }
    if (m_outOfHeadroom) {
        m_listener->setMaxPendingConnections(0);
        m_listener->pauseAccepting();
        return;
    }
    // Over the cap, new clients wait in the kernel's accept queue instead of costing us memory.
    // Qt's accept loop goes on after pauseAccepting() until it holds this many unadopted
    // sockets: bounding it by the room left makes the cap exact (it guards the descriptors).
    const int room = m_limits.maxConnections - openConnections();
    m_listener->setMaxPendingConnections(std::clamp(room, 0, kMaxPending));
    if (room <= 0)
        m_listener->pauseAccepting();
    else
        m_listener->resumeAccepting();
}

void HttpServer::onPendingConnections()
{
    while (m_listener && m_listener->hasPendingConnections()) {
        if (QTcpSocket *socket = m_listener->nextPendingConnection())
            adopt(socket);
    }
    if (m_reportedExhaustion && !m_acceptBackoff && openConnections() < m_limits.maxConnections) {
        qCInfo(lcHttp, "accepting connections again (%d open)", openConnections());
        m_reportedExhaustion = false;
    }
}

void HttpServer::adopt(QTcpSocket *socket)
{
    const quint64 id = m_nextConnectionId++;
    HttpConnection::Hooks hooks{
        [this](HttpRequest &&request, HttpResponder responder) { dispatch(std::move(request), std::move(responder)); },
        [this](const QString &path) { return m_webSocketHandlers.contains(path); },
        [this](const HttpRequest &head) { return m_screen ? m_screen(head) : std::optional<HttpResponse>(); },
        [this](const HttpRequest &head) { return m_bodySinks ? m_bodySinks(head) : std::shared_ptr<BodySink>(); },
        [this](const HttpRequest &request) { return m_identify ? m_identify(request) : QString(); },
        [this](const HttpRequest &head) { return m_origins.allows(head.header("origin")); },
    };
    // Connections that hold more than their socket fill the descriptor table faster than the
    // connection cap counts: stop before accept() or a file open meets EMFILE.
    if (!m_outOfHeadroom && m_headroom.isInReserve(int(socket->socketDescriptor()))) {
        m_outOfHeadroom = true;
        if (!std::exchange(m_reportedLowDescriptors, true))
            qCWarning(lcHttp,
                      "file descriptors running low: at least %d in use, the rest of the limit (RLIMIT_NOFILE) is "
                      "kept for the database and files; not accepting until some of the %d connections close "
                      "(raise LimitNOFILE / ulimit -n)",
                      int(socket->socketDescriptor()) + 1, openConnections() + 1);
    }
    auto *connection = new HttpConnection(socket, id, m_limits, std::move(hooks), this);
    m_connections.insert(id, connection);
    m_peakConnections = qMax(m_peakConnections, openConnections());
    connect(connection, &HttpConnection::finished, this, [this, connection] { onConnectionFinished(connection); });
    connect(connection, &HttpConnection::upgradeRequested, this, &HttpServer::onUpgradeRequested);
    connect(connection, &HttpConnection::responseWritten, this, &HttpServer::onResponseWritten);
    connect(connection, &HttpConnection::streamStarted, this, &HttpServer::onStreamStarted);
    updateAccepting();
    connection->start();
}

void HttpServer::onConnectionFinished(HttpConnection *connection)
{
    m_connections.remove(connection->id());
    connection->disconnect(this);
    connection->deleteLater(); // never synchronously: we may be inside its own call stack
    updateAccepting();
}

void HttpServer::dispatch(HttpRequest &&request, HttpResponder responder)
{
    if (m_handler) {
        m_handler(std::move(request), std::move(responder));
    } else {
        responder.send(HttpResponse::error(ErrorCode::NotFound, QStringLiteral("no handler for %1").arg(request.path)));
    }
}

void HttpServer::onUpgradeRequested(QTcpSocket *socket, const QString &path, qint64 receivedAtUs)
{
    // Qt 6.4's QWebSocket does not own the socket it was upgraded from, and nothing deletes the
    // socket after a failed handshake: we do both (see onWebSocketReady()).
    m_handshaking.insert(socket);
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] {
        if (m_handshaking.remove(socket)) {
            socket->deleteLater(); // the handshake never completed
            updateAccepting();
        }
    });
    connect(socket, &QObject::destroyed, this, [this, socket] {
        if (m_handshaking.remove(socket))
            updateAccepting();
    });
    onResponseWritten(QByteArrayLiteral("GET"), path, 101, monotonicUs() - receivedAtUs, requestIdFor({}), {});
    // Created first, so that it sees every byte before Qt WebSockets reads it.
    auto *guard = new WebSocketInputGuard(socket);
    m_webSocketServer->handleConnection(socket);
    // Frames that came with the handshake would be read and dropped while the QWebSocket is
    // being created, before its handler can listen: hold them until onWebSocketReady() is done.
    guard->holdUntilUpgraded();
}

void HttpServer::onStreamStarted(QTcpSocket *socket)
{
    // Still a connection: it counts against the cap until its owner deletes it.
    m_streams.insert(socket);
    connect(socket, &QObject::destroyed, this, [this, socket] {
        m_streams.remove(socket);
        updateAccepting();
    });
}

void HttpServer::onWebSocketReady()
{
    while (m_webSocketServer->hasPendingConnections()) {
        QWebSocket *ws = m_webSocketServer->nextPendingConnection();
        if (!ws)
            continue;
        ws->setParent(nullptr);
        // Its socket becomes its child, so the handler deleting the QWebSocket frees both. (Watching
        // the socket instead would not work: QWebSocket drops every connection of its socket.)
        for (QTcpSocket *socket : std::as_const(m_handshaking)) {
            if (socket->peerPort() == ws->peerPort() && socket->peerAddress() == ws->peerAddress()) {
                m_handshaking.remove(socket);
                socket->setParent(ws);
                if (auto *guard = socket->findChild<WebSocketInputGuard *>(QString(), Qt::FindDirectChildrenOnly))
                    guard->start();
                break;
            }
        }
        m_webSockets.insert(ws);
        connect(ws, &QObject::destroyed, this, [this, ws] {
            m_webSockets.remove(ws);
            updateAccepting();
        });
        ws->setMaxAllowedIncomingFrameSize(quint64(m_limits.maxWebSocketFrameBytes));
        ws->setMaxAllowedIncomingMessageSize(quint64(m_limits.maxWebSocketFrameBytes));
        const WebSocketHandler handler = m_webSocketHandlers.value(ws->requestUrl().path());
        if (!handler) { // the path was checked before the hand-over; only a decoding mismatch lands here
            qCWarning(lcHttp) << "no WebSocket handler for" << ws->requestUrl().path();
            ws->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("no endpoint here"));
            ws->deleteLater();
            continue;
        }
        handler(ws);
    }
}

namespace {
// A decoded path may hold "%0A": keep each request on one log line.
QByteArray loggable(const QString &path)
{
    QByteArray bytes = path.isEmpty() ? QByteArrayLiteral("-") : path.toUtf8();
    for (char &c : bytes) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = '?';
    }
    return bytes;
}
} // namespace

void HttpServer::onResponseWritten(const QByteArray &method, const QString &path, int status, qint64 latencyUs,
                                   const QByteArray &requestId, const QString &userId)
{
    {
        // The JSON log gives these fields of their own (LogContext).
        const LogContextScope context({requestId, userId, latencyUs});
        qCInfo(lcHttp, "%s %s %d %.1f ms", method.isEmpty() ? "-" : method.constData(), loggable(path).constData(),
               status, double(latencyUs) / 1000.0);
    }
    Q_EMIT requestCompleted(method, path, status, latencyUs, requestId, userId);
}

} // namespace confab::server
