// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The values that cross the boundary between the HTTP transport and the code that answers
// requests (REST router, long-poll, files): one parsed request, one response, and the handle that
// sends the response, possibly later.

#include "core/errors.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QLoggingCategory>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QTcpSocket;
class QIODevice;

namespace confab::server {

// "confab.http": one line per answered request, plus transport warnings.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)

// Microseconds on a monotonic clock; the time base of HttpRequest::receivedAtUs.
qint64 monotonicUs();

// The id a request is logged under: the client's X-Request-Id header when it is 1-64 characters
// of [A-Za-z0-9._:-] (a proxy's id carries through), else 16 random hex digits.
QByteArray requestIdFor(const QByteArray &clientHeader);

// Takes a request body as it arrives instead of the transport buffering it (uploads). Used on
// the server's thread. The transport stops reading while the sink is backlogged and carries on
// when the sink calls its resume function.
class BodySink {
public:
    virtual ~BodySink() = default;
    // False refuses the request: the transport answers refusal() and closes the connection.
    virtual bool write(const char *data, qsizetype size) = 0;
    // True while the sink cannot take more yet (not ready, or its writes are behind).
    virtual bool backlogged() const = 0;
    virtual void setResume(std::function<void()> resume) = 0;
    // The request will not complete (client gone, timeout, bad syntax): discard or keep what was
    // written, as the sink's kind of upload wants.
    virtual void abort() = 0;
    virtual confab::ApiError refusal() const = 0;
};

struct HttpRequest {
    QByteArray method;                            // "GET", "POST", ...
    QByteArray target;                            // raw request target, "/v1/chat/rooms?limit=5"
    QString path;                                 // percent-decoded path only, "/v1/chat/rooms"
    QUrlQuery query;                              // decoded query
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased, values trimmed
    QByteArray body;                              // chunked bodies already de-chunked
    std::shared_ptr<BodySink> bodySink;           // when set, the body went there instead of `body`
    QHostAddress peerAddress;
    quint64 connectionId = 0;
    qint64 receivedAtUs = 0; // monotonicUs() when the header block was complete
    QByteArray requestId;    // the client's X-Request-Id when usable, else one made up; echoed in the answer

    QByteArray header(QByteArrayView lowerName) const; // first value or empty
};

struct HttpResponse {
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers, e.g. Retry-After
    QByteArray body;
    // Instead of `body`: streamLength bytes read from this device's current position as the
    // socket drains (downloads), never the whole of it in memory.
    std::shared_ptr<QIODevice> bodyStream;
    qint64 streamLength = 0;

    static HttpResponse json(int status, QByteArray body);
    // The API error envelope; the status comes from httpStatus(code).
    static HttpResponse error(confab::ErrorCode code, const QString &message);
    // The API's error envelope: {"success":false,"error":{code,message,details?}}, with the
    // error's HTTP status.
    static HttpResponse error(const confab::ApiError &error);

    // The bytes on the wire. Content-Length is always sent (except for 1xx/204/304, which have no
    // body); extra headers holding CR or LF are dropped, so handlers cannot split responses.
    enum class ConnectionHeader { None, KeepAlive, Close }; // KeepAlive only for HTTP/1.0 clients
    QByteArray toWire(ConnectionHeader connection, bool omitBody) const;
    // The head of a response whose body is a stream that ends when the connection closes
    // (Server-Sent Events): no Content-Length, "Connection: close".
    QByteArray toStreamHead() const;
};

class HttpConnection;

namespace detail {
// Shared by a connection and its responders. The connection clears `connection` when the
// client is gone, so a late responder finds out without touching freed memory, from any thread.
struct ResponseChannel;
} // namespace detail

// Move-only handle to answer one request, possibly later. Answer on the server's thread, or from
// any other thread (the response is then queued to the server's thread).
// Sending after the client disconnected is a safe no-op. Destroying an unanswered responder
// answers 500 INTERNAL, so a forgotten path cannot leave a pipelined connection stuck.
class HttpResponder {
public:
    HttpResponder() = default;
    HttpResponder(HttpResponder &&other) noexcept;
    HttpResponder &operator=(HttpResponder &&other) noexcept;
    HttpResponder(const HttpResponder &) = delete;
    HttpResponder &operator=(const HttpResponder &) = delete;
    ~HttpResponder();

    void send(HttpResponse response);
    // False once the client is gone (or this responder was used or moved from).
    bool isConnected() const;
    // False once send() was called, or for a default-constructed or moved-from responder.
    bool isPending() const { return m_channel != nullptr; }
    // Answers with `head` and hands the connection's socket over for a body streamed by the
    // caller, who then owns it (parentless) and closes it to end the body. Null if the client is
    // gone or an earlier request on the connection is still unanswered (answers go in order);
    // the responder is used up either way. The server's thread only.
    QTcpSocket *stream(const HttpResponse &head);

private:
    friend class HttpConnection;
    HttpResponder(std::shared_ptr<detail::ResponseChannel> channel, quint64 sequence);

    std::shared_ptr<detail::ResponseChannel> m_channel;
    quint64 m_sequence = 0;
};

} // namespace confab::server
