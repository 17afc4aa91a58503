// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpconnection.h"

#include "websocketupgrade.h"

#include <QIODevice>
#include <QTcpSocket>

namespace confab::server {

namespace {
constexpr qsizetype kReadChunk = 64 * 1024;
// Unsent response bytes above which we stop taking new requests from a client that does not read.
constexpr qint64 kMaxPendingWrite = 1024 * 1024;
// Input discarded while lingering after an error before we give up and reset the connection.
constexpr qint64 kMaxDrain = 1024 * 1024;
// A streamed download keeps about this much queued in the socket, read from disk as it drains.
constexpr qint64 kStreamWindow = 512 * 1024;
constexpr qint64 kStreamChunk = 128 * 1024;
// A streamed upload's body deadline restarts after this much progress: a long upload at a fair
// rate never times out, a client trickling a few bytes still does.
constexpr qint64 kUploadProgressBytes = 1024 * 1024;
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, quint64 id, const HttpLimits &limits, Hooks hooks, QObject *parent)
    : QObject(parent), m_socket(socket), m_id(id), m_limits(limits), m_hooks(std::move(hooks)), m_parser(limits),
      m_channel(detail::makeResponseChannel(this)), m_capture("http", id)
{
    m_socket->setParent(this);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
}

HttpConnection::~HttpConnection()
{
    dropSink();
    detail::closeResponseChannel(*m_channel);
    if (m_socket)
        m_socket->disconnect(this); // its destruction (as our child) must not call back into us
}

void HttpConnection::start()
{
    // A bounded socket buffer turns "we stopped reading" into TCP back-pressure instead of memory.
    m_socket->setReadBufferSize(m_limits.maxHeaderBytes + kReadChunk);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QIODevice::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QIODevice::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QAbstractSocket::disconnected, this, &HttpConnection::onDisconnected);
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        finish();
        return;
    }
    updateTimer();
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

void HttpConnection::abort()
{
    if (m_socket)
        m_socket->abort();
    finish();
}

void HttpConnection::flushAndAbort()
{
    if (m_socket)
        m_socket->flush(); // non-blocking: what the kernel takes now
    abort();
}

void HttpConnection::onReadyRead()
{
    switch (m_state) {
    case State::Sniffing: sniff(); break;
    case State::Open: processInput(); break;
    case State::Lingering: drain(); break;
    case State::Finishing: // left in the (bounded) socket buffer
    case State::Disconnecting:
    case State::Closed: break;
    }
}

void HttpConnection::sniff()
{
    // QWebSocketServer::handleConnection must read the handshake itself, so nothing may be consumed
    // until we know this is not one.
    const QByteArray peeked = m_socket->peek(m_limits.maxHeaderBytes + 4);
    bool maybeUpgrade = QByteArrayLiteral("GET ").startsWith(peeked.left(4));
    if (maybeUpgrade) {
        const qsizetype end = peeked.indexOf("\r\n\r\n");
        const qsizetype lfEnd = peeked.indexOf("\n\n");
        if (end < 0) {
            if (lfEnd < 0 && peeked.size() <= m_limits.maxHeaderBytes)
                return; // wait for the rest of the header block (the header timer is running)
            maybeUpgrade = false;
        } else if (lfEnd >= 0 && lfEnd < end) {
            maybeUpgrade = false; // bare-LF line endings, which Qt's handshake reader rejects
        } else {
            HttpRequestParser probe(m_limits);
            qsizetype used = 0;
            const auto event = probe.feed(peeked.constData(), end + 4, &used);
            const HttpRequest &head = probe.head();
            if (event == HttpRequestParser::Event::HeadersComplete && isWebSocketUpgrade(head) &&
                m_hooks.isWebSocketPath(head.path) && webSocketHandshakeProblem(head, probe.httpMinor()).isEmpty() &&
                originAllowed(head)) {
                m_capture.append(QByteArrayView(peeked).first(end + 4));
                handOver(head.path, monotonicUs());
                return;
            }
        }
    }
    m_state = State::Open;
    processInput();
}

void HttpConnection::handOver(const QString &path, qint64 receivedAtUs)
{
    m_timer.stop();
    m_phase = Phase::None;
    m_socket->disconnect(this);
    m_socket->setReadBufferSize(0); // Qt WebSockets bounds frames itself
    m_socket->setParent(nullptr);
    QTcpSocket *socket = std::exchange(m_socket, nullptr);
    m_state = State::Closed;
    m_finished = true;
    detail::closeResponseChannel(*m_channel);
    Q_EMIT upgradeRequested(socket, path, receivedAtUs);
    Q_EMIT finished();
}

bool HttpConnection::pipelineFull() const
{
    return m_slots.size() >= size_t(qMax(1, m_limits.maxPipelined)) || m_socket->bytesToWrite() > kMaxPendingWrite;
}

void HttpConnection::scheduleProcessInput()
{
    if (m_processScheduled)
        return;
    m_processScheduled = true;
    // Queued: we may be inside a handler that was called from processInput().
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_processScheduled = false;
            if (m_state == State::Open)
                processInput();
        },
        Qt::QueuedConnection);
}

void HttpConnection::processInput()
{
    const QPointer<HttpConnection> guard(this);
    while (m_state == State::Open) {
        // Stop between requests when enough are waiting; flush() resumes us.
        if (!m_parser.inMessage() && pipelineFull())
            break;
        if (m_sink && m_sink->backlogged())
            break; // the sink resumes us when it has caught up
        if (m_inputPos >= m_input.size()) {
            m_input = m_socket->read(kReadChunk);
            m_inputPos = 0;
            m_capture.append(m_input);
            if (m_input.isEmpty())
                break;
        }
        qsizetype used = 0;
        const auto event = m_parser.feed(m_input.constData() + m_inputPos, m_input.size() - m_inputPos, &used);
        m_inputPos += used;
        if (m_sink && m_parser.headersComplete()) {
            m_sinkBytesSinceDeadline += used;
            if (m_sinkBytesSinceDeadline >= kUploadProgressBytes) {
                m_sinkBytesSinceDeadline = 0;
                m_timer.start(m_limits.bodyTimeoutMs);
            }
        }
        switch (event) {
        case HttpRequestParser::Event::NeedMore: break;
        case HttpRequestParser::Event::HeadersComplete: onHeadersComplete(); break;
        case HttpRequestParser::Event::MessageComplete:
            onMessageComplete(); // runs the handler, which may answer, close, or delete the server
            break;
        case HttpRequestParser::Event::Error: failRequest(m_parser.error()); break;
        }
        if (!guard)
            return;
    }
    updateTimer();
}

void HttpConnection::onHeadersComplete()
{
    const HttpRequest &head = m_parser.head();
    Slot slot;
    slot.sequence = m_nextSequence++;
    slot.method = head.method;
    slot.path = head.path;
    slot.receivedAtUs = monotonicUs();
    slot.requestId = requestIdFor(head.header("x-request-id"));
    slot.keepAlive = m_parser.keepAlive();
    slot.http10 = m_parser.httpMinor() == 0;
    slot.head = m_parser.isHead();
    slot.continuePending = m_parser.expectsContinue();
    m_currentSequence = slot.sequence;
    m_slots.push_back(std::move(slot));
    if (m_hooks.screen && !isWebSocketUpgrade(head)) {
        if (std::optional<HttpResponse> refusal = m_hooks.screen(head)) {
            refuseBeforeBody(std::move(*refusal));
            return;
        }
    }
    if (m_hooks.bodySink && m_parser.bodyFollows()) {
        if ((m_sink = m_hooks.bodySink(head))) {
            m_parser.setBodySink(m_sink.get());
            m_sinkBytesSinceDeadline = 0;
            const QPointer<HttpConnection> self(this);
            m_sink->setResume([self] {
                if (self)
                    self->scheduleProcessInput();
            });
        }
    }
    if (m_slots.back().continuePending)
        flush(); // sends "100 Continue" now if no earlier answer is outstanding
}

void HttpConnection::dropSink()
{
    m_parser.setBodySink(nullptr);
    if (std::shared_ptr<BodySink> sink = std::exchange(m_sink, nullptr))
        sink->abort();
}

void HttpConnection::refuseBeforeBody(HttpResponse response)
{
    Slot &slot = m_slots.back();
    slot.continuePending = false;
    slot.response = std::move(response);
    if (!m_parser.bodyFollows())
        return; // nothing to skip: the request completes as usual, and the connection stays usable
    // Answered now, and the body is never read: a 25 MiB upload to a wrong path must not cost
    // 25 MiB. Closing after the answer (lingering drains only a bounded amount) resyncs the stream.
    slot.keepAlive = false;
    slot.closeAfter = true;
    m_currentSequence.reset();
    m_state = State::Finishing;
    flush();
}

void HttpConnection::onMessageComplete()
{
    HttpRequest request = m_parser.takeRequest();
    request.bodySink = std::exchange(m_sink, nullptr); // complete: the handler finishes it
    m_parser.setBodySink(nullptr);
    Slot *slot = m_currentSequence ? slotFor(*m_currentSequence) : nullptr;
    m_currentSequence.reset();
    m_servedAny = true;
    m_phase = Phase::None; // the next request gets a fresh header deadline
    if (!slot)
        return;
    slot->continuePending = false; // the body is here; a late interim answer would only confuse
    if (!slot->keepAlive)
        m_state = State::Finishing;
    if (slot->response) { // refused on its head (refuseBeforeBody)
        flush();
        return;
    }

    if (isWebSocketUpgrade(request)) {
        // Upgrades are taken over only as the first request of a connection (see sniff()).
        slot->keepAlive = false;
        m_state = State::Finishing;
        if (m_hooks.isWebSocketPath(request.path) && !originAllowed(request)) {
            // A browser page from elsewhere (cross-site WebSocket hijacking); see OriginPolicy.
            slot->response = HttpResponse::error(
                ErrorCode::Forbidden,
                QStringLiteral("WebSocket connections from origin %1 are not allowed (see --allowed-origin)")
                    .arg(QString::fromLatin1(request.header("origin").left(200))));
        } else if (m_hooks.isWebSocketPath(request.path)) {
            QString problem = webSocketHandshakeProblem(request, m_parser.httpMinor());
            if (problem.isEmpty())
                problem = QStringLiteral("a WebSocket upgrade is only accepted as the first request on a connection");
            slot->response = HttpResponse::error(ErrorCode::BadRequest, problem);
        } else {
            slot->response = HttpResponse::error(ErrorCode::NotFound,
                                                 QStringLiteral("no WebSocket endpoint at %1").arg(request.path));
        }
        flush();
        return;
    }
    // Other upgrades (h2c) are optional for the client: we answer in HTTP/1.1 and carry on.

    request.peerAddress = m_socket->peerAddress();
    request.connectionId = m_id;
    request.receivedAtUs = slot->receivedAtUs;
    request.requestId = slot->requestId;
    if (m_hooks.identify)
        slot->userId = m_hooks.identify(request);
    const quint64 sequence = slot->sequence; // `slot` may be gone once the handler has answered
    try {
        m_hooks.dispatch(std::move(request), HttpResponder(m_channel, sequence));
    } catch (const std::exception &e) {
        // The responder died with the handler's frame and has answered 500 already.
        // Only a prefix: an exception's text may quote the request body.
        qCCritical(lcHttp) << "request handler threw:" << QByteArray(e.what()).left(200);
    } catch (...) {
        qCCritical(lcHttp) << "request handler threw a non-standard exception";
    }
}

void HttpConnection::failRequest(ErrorCode code, const QString &message)
{
    ApiError error;
    error.code = code;
    error.message = message;
    failRequest(error);
}

void HttpConnection::failRequest(const ApiError &error)
{
    const QString &message = error.message;
    if (m_state == State::Sniffing)
        m_state = State::Open;
    if (m_state != State::Open)
        return;
    m_state = State::Finishing;
    dropSink();
    Slot *slot = m_currentSequence ? slotFor(*m_currentSequence) : nullptr;
    m_currentSequence.reset();
    if (!slot) { // failed before its header block was complete
        Slot fresh;
        fresh.sequence = m_nextSequence++;
        fresh.method = m_parser.head().method;
        fresh.path = m_parser.head().path;
        fresh.receivedAtUs = monotonicUs();
        fresh.requestId = requestIdFor({});
        m_slots.push_back(std::move(fresh));
        slot = &m_slots.back();
    }
    slot->continuePending = false;
    slot->keepAlive = false;
    slot->closeAfter = true;
    slot->response = HttpResponse::error(error);
    qCDebug(lcHttp) << "connection" << m_id << "rejected a request:" << message;
    flush();
}

HttpConnection::Slot *HttpConnection::slotFor(quint64 sequence)
{
    for (Slot &s : m_slots) {
        if (s.sequence == sequence)
            return &s;
    }
    return nullptr;
}

void HttpConnection::deliver(quint64 sequence, HttpResponse response)
{
    Slot *slot = slotFor(sequence);
    if (!slot || slot->response || m_state == State::Closed)
        return; // the connection is closing and dropped it, or a second answer
    slot->response = std::move(response);
    flush();
}

QTcpSocket *HttpConnection::takeForStream(quint64 sequence, const HttpResponse &head)
{
    if (!m_socket || m_state == State::Closed || m_slots.empty() || m_slots.front().sequence != sequence ||
        m_socket->state() != QAbstractSocket::ConnectedState)
        return nullptr;
    const Slot front = m_slots.front();
    m_slots.clear(); // a stream ends only with the connection: pipelined requests after it are dropped
    HttpResponse withId = head;
    withId.headers.append({QByteArrayLiteral("X-Request-Id"), front.requestId});
    m_socket->write(withId.toStreamHead());
    m_timer.stop();
    m_phase = Phase::None;
    m_socket->disconnect(this);
    m_socket->setReadBufferSize(0);
    m_socket->setParent(nullptr);
    QTcpSocket *socket = std::exchange(m_socket, nullptr);
    m_state = State::Closed;
    m_finished = true;
    detail::closeResponseChannel(*m_channel);
    const QPointer<HttpConnection> guard(this);
    Q_EMIT responseWritten(front.method, front.path, head.status, monotonicUs() - front.receivedAtUs, front.requestId,
                           front.userId);
    Q_EMIT streamStarted(socket);
    if (guard)
        Q_EMIT finished();
    return socket;
}

void HttpConnection::flush()
{
    if (!m_socket || (m_state != State::Open && m_state != State::Finishing))
        return;
    const QPointer<HttpConnection> guard(this);
    while (!m_slots.empty() && !m_stream) {
        Slot &front = m_slots.front();
        if (!front.response) {
            if (front.continuePending) {
                front.continuePending = false;
                m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
            }
            break; // answers go out strictly in request order
        }
        const bool close = front.closeAfter || !front.keepAlive;
        using CH = HttpResponse::ConnectionHeader;
        const CH connectionHeader = close ? CH::Close : (front.http10 ? CH::KeepAlive : CH::None);
        front.response->headers.append({QByteArrayLiteral("X-Request-Id"), front.requestId});
        m_socket->write(front.response->toWire(connectionHeader, front.head));
        std::shared_ptr<QIODevice> stream = front.head ? nullptr : front.response->bodyStream;
        const qint64 streamLength = front.response->streamLength;

        const QByteArray method = front.method;
        const QString path = front.path;
        const int status = front.response->status;
        const qint64 latencyUs = monotonicUs() - front.receivedAtUs;
        const QByteArray requestId = front.requestId;
        const QString userId = front.userId;
        const bool linger = front.closeAfter;
        m_slots.pop_front();
        Q_EMIT responseWritten(method, path, status, latencyUs, requestId, userId);
        if (!guard || m_state == State::Closed)
            return;
        if (stream && streamLength > 0) {
            m_stream = OutgoingStream{std::move(stream), streamLength, close, linger};
            pumpStream(); // continues with the next answers (or the close) when the body is out
            return;
        }
        if (close) {
            m_slots.clear(); // nothing after a closing answer was read, so nothing is lost
            closeAfterWrite(linger);
            return;
        }
    }
    updateTimer();
    if (m_state == State::Open && (m_inputPos < m_input.size() || m_socket->bytesAvailable() > 0))
        scheduleProcessInput(); // reading may have been paused on a full pipeline
}

void HttpConnection::pumpStream()
{
    while (m_stream && m_stream->remaining > 0 && m_socket->bytesToWrite() < kStreamWindow) {
        const QByteArray chunk = m_stream->device->read(qMin(kStreamChunk, m_stream->remaining));
        if (chunk.isEmpty()) {
            // The headers promised more: the only honest end is to cut the connection.
            qCWarning(lcHttp) << "connection" << m_id
                              << "response body ended early:" << m_stream->device->errorString();
            abort();
            return;
        }
        m_stream->remaining -= chunk.size();
        m_socket->write(chunk);
    }
    if (!m_stream || m_stream->remaining > 0)
        return;
    const OutgoingStream done = std::move(*m_stream);
    m_stream.reset();
    if (done.close) {
        m_slots.clear();
        closeAfterWrite(done.linger);
        return;
    }
    flush();
}

void HttpConnection::closeAfterWrite(bool linger)
{
    m_currentSequence.reset();
    m_input.clear();
    m_inputPos = 0;
    if (linger) {
        // The client may still be sending (the body we refused): drain it for a moment so closing
        // with unread data does not make the kernel send a reset that destroys our answer.
        m_state = State::Lingering;
        updateTimer();
        drain();
        return;
    }
    m_state = State::Disconnecting;
    updateTimer();
    m_socket->disconnectFromHost(); // sends what is queued first; may emit disconnected() at once
}

void HttpConnection::drain()
{
    m_drained += m_socket->skip(m_socket->bytesAvailable());
    if (m_drained > kMaxDrain)
        abort();
}

void HttpConnection::onBytesWritten()
{
    if (m_phase == Phase::Idle)
        m_timer.start(m_limits.idleTimeoutMs); // a slow download is progress, not idleness
    if (m_stream) {
        pumpStream();
        if (m_state == State::Closed)
            return;
    }
    if (m_state == State::Open && m_socket->bytesToWrite() <= kMaxPendingWrite &&
        (m_inputPos < m_input.size() || m_socket->bytesAvailable() > 0)) {
        scheduleProcessInput();
    }
}

void HttpConnection::onDisconnected() { finish(); }

void HttpConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_state = State::Closed;
    m_phase = Phase::None;
    m_timer.stop();
    m_slots.clear();
    m_stream.reset();
    dropSink();
    detail::closeResponseChannel(*m_channel); // late responders become no-ops
    Q_EMIT finished();
}

void HttpConnection::updateTimer()
{
    Phase want = Phase::None;
    int ms = 0;
    switch (m_state) {
    case State::Sniffing:
        want = Phase::Headers;
        ms = m_limits.headerTimeoutMs;
        break;
    case State::Open:
        if (m_parser.inMessage()) {
            want = m_parser.headersComplete() ? Phase::Body : Phase::Headers;
            ms = m_parser.headersComplete() ? m_limits.bodyTimeoutMs : m_limits.headerTimeoutMs;
        } else if (!m_servedAny && m_slots.empty()) {
            want = Phase::Headers; // a fresh connection must send its first request promptly
            ms = m_limits.headerTimeoutMs;
        } else if (m_slots.empty()) {
            want = Phase::Idle;
            ms = m_limits.idleTimeoutMs;
        } // else: waiting for our own handlers, which is not the client's fault
        break;
    case State::Finishing: break;
    case State::Lingering:
        want = Phase::Linger;
        ms = m_limits.lingerMs;
        break;
    case State::Disconnecting:
        want = Phase::Disconnect; // a client that never reads our last answer
        ms = m_limits.idleTimeoutMs;
        break;
    case State::Closed: break;
    }
    if (want == m_phase)
        return; // keep the running deadline
    m_phase = want;
    if (want == Phase::None)
        m_timer.stop();
    else
        m_timer.start(qMax(1, ms));
}

void HttpConnection::onTimeout()
{
    const Phase phase = std::exchange(m_phase, Phase::None);
    switch (phase) {
    case Phase::Headers:
        failRequest(ErrorCode::RequestTimeout,
                    QStringLiteral("request headers were not complete within %1 ms").arg(m_limits.headerTimeoutMs));
        break;
    case Phase::Body:
        failRequest(ErrorCode::RequestTimeout,
                    QStringLiteral("request body was not complete within %1 ms").arg(m_limits.bodyTimeoutMs));
        break;
    case Phase::Idle:
    case Phase::Linger:
        if (m_socket->bytesToWrite() > 0) {
            abort(); // the client stopped reading
        } else {
            m_state = State::Disconnecting;
            updateTimer();
            m_socket->disconnectFromHost();
        }
        break;
    case Phase::Disconnect: abort(); break;
    case Phase::None: break;
    }
}

} // namespace confab::server
