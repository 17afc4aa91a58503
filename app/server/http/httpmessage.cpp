// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpmessage.h"

#include <QRandomGenerator>

#include <algorithm>

#include "httpconnection.h"

#include "core/jsondocument.h"

#include <QMetaObject>
#include <QMutex>
#include <QThread>

#include <http_parser.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>

namespace confab::server {

// Debug (each rejected request) is off unless enabled with QT_LOGGING_RULES="confab.http.debug=true".
Q_LOGGING_CATEGORY(lcHttp, "confab.http", QtInfoMsg)

QByteArray requestIdFor(const QByteArray &clientHeader)
{
    const auto usable = [](const QByteArray &id) {
        if (id.isEmpty() || id.size() > 64)
            return false;
        return std::all_of(id.begin(), id.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                   c == ':' || c == '-';
        });
    };
    if (usable(clientHeader))
        return clientHeader;
    return QByteArray::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, '0');
}

qint64 monotonicUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
}

QByteArray HttpRequest::header(QByteArrayView lowerName) const
{
    for (const auto &h : headers) {
        if (QByteArrayView(h.first) == lowerName)
            return h.second;
    }
    return {};
}

HttpResponse HttpResponse::json(int status, QByteArray body)
{
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

HttpResponse HttpResponse::error(confab::ErrorCode code, const QString &message)
{
    confab::ApiError e;
    e.code = code;
    e.message = message;
    return error(e);
}

HttpResponse HttpResponse::error(const confab::ApiError &error)
{
    nlohmann::json err = {{"code", errorCodeName(error.code).toStdString()}, {"message", error.message.toStdString()}};
    nlohmann::json details = nlohmann::json::object();
    if (!error.field.isEmpty())
        details["field"] = error.field.toStdString();
    const confab::ErrorDetails &d = error.details;
    if (!d.rule.isEmpty())
        details["rule"] = d.rule.toStdString();
    if (d.limit >= 0)
        details["limit"] = d.limit;
    if (d.used >= 0)
        details["used"] = d.used;
    if (d.offset >= 0)
        details["offset"] = d.offset;
    if (!d.allowed.isEmpty()) {
        nlohmann::json allowed = nlohmann::json::array();
        for (const QString &a : d.allowed)
            allowed.push_back(a.toStdString());
        details["allowed"] = std::move(allowed);
    }
    if (!details.empty())
        err["details"] = std::move(details);
    return json(httpStatus(error.code), confab::toJsonBytes(nlohmann::json{{"success", false}, {"error", err}}));
}

namespace {
bool safeHeaderPart(const QByteArray &s) { return !s.contains('\r') && !s.contains('\n'); }
} // namespace

QByteArray HttpResponse::toWire(ConnectionHeader connection, bool omitBody) const
{
    // 1xx, 204 and 304 never carry a body, so they must not announce one either.
    const bool bodyless = (status >= 100 && status < 200) || status == 204 || status == 304;
    const char *reason = http_status_str(static_cast<http_status>(status));

    QByteArray out;
    const bool streamed = bodyStream != nullptr; // the body follows from the device, not from here
    out.reserve(160 + (omitBody || bodyless || streamed ? 0 : body.size()));
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    out += "Server: confab\r\n";
    if (!bodyless) {
        if (!contentType.isEmpty() && safeHeaderPart(contentType))
            out += "Content-Type: " + contentType + "\r\n";
        out += "Content-Length: " + QByteArray::number(streamed ? streamLength : qint64(body.size())) + "\r\n";
    }
    for (const auto &h : headers) {
        if (h.first.isEmpty() || !safeHeaderPart(h.first) || !safeHeaderPart(h.second) || h.first.contains(':')) {
            qCWarning(lcHttp) << "dropping unsafe response header" << h.first;
            continue;
        }
        out += h.first + ": " + h.second + "\r\n";
    }
    if (connection == ConnectionHeader::Close)
        out += "Connection: close\r\n";
    else if (connection == ConnectionHeader::KeepAlive)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    if (!omitBody && !bodyless && !streamed)
        out += body;
    return out;
}

QByteArray HttpResponse::toStreamHead() const
{
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + http_status_str(static_cast<http_status>(status)) + "\r\n";
    out += "Server: confab\r\n";
    if (!contentType.isEmpty() && safeHeaderPart(contentType))
        out += "Content-Type: " + contentType + "\r\n";
    for (const auto &h : headers) {
        if (!h.first.isEmpty() && safeHeaderPart(h.first) && safeHeaderPart(h.second) && !h.first.contains(':'))
            out += h.first + ": " + h.second + "\r\n";
    }
    out += "Connection: close\r\n\r\n";
    return out;
}

namespace detail {
struct ResponseChannel {
    QMutex mutex;
    HttpConnection *connection = nullptr; // null once the client is gone
};

std::shared_ptr<ResponseChannel> makeResponseChannel(HttpConnection *connection)
{
    auto channel = std::make_shared<ResponseChannel>();
    channel->connection = connection;
    return channel;
}

void closeResponseChannel(ResponseChannel &channel)
{
    QMutexLocker lock(&channel.mutex);
    channel.connection = nullptr;
}
} // namespace detail

HttpResponder::HttpResponder(std::shared_ptr<detail::ResponseChannel> channel, quint64 sequence)
    : m_channel(std::move(channel)), m_sequence(sequence)
{
}

HttpResponder::HttpResponder(HttpResponder &&other) noexcept
    : m_channel(std::move(other.m_channel)), m_sequence(other.m_sequence)
{
}

HttpResponder &HttpResponder::operator=(HttpResponder &&other) noexcept
{
    if (this != &other) {
        if (m_channel)
            send(HttpResponse::error(ErrorCode::Internal, QStringLiteral("the request was not answered")));
        m_channel = std::move(other.m_channel);
        m_sequence = other.m_sequence;
    }
    return *this;
}

HttpResponder::~HttpResponder()
{
    if (m_channel)
        send(HttpResponse::error(ErrorCode::Internal, QStringLiteral("the request was not answered")));
}

void HttpResponder::send(HttpResponse response)
{
    const std::shared_ptr<detail::ResponseChannel> channel = std::move(m_channel);
    m_channel.reset();
    if (!channel) {
        qCWarning(lcHttp) << "HttpResponder::send on a responder that already answered";
        return;
    }
    QMutexLocker lock(&channel->mutex);
    HttpConnection *connection = channel->connection;
    if (!connection)
        return; // the client is gone: nothing to answer
    const quint64 sequence = m_sequence;
    if (connection->thread() == QThread::currentThread()) {
        // Same thread: the connection can only be deleted from this thread's event loop, so it
        // outlives this call; unlock because delivering may run code that answers other requests.
        lock.unlock();
        connection->deliver(sequence, std::move(response));
    } else {
        // Held lock: the connection cannot be destroyed before the event is posted, and Qt drops
        // the event if it is destroyed before it runs.
        QMetaObject::invokeMethod(
            connection,
            [connection, sequence, r = std::move(response)]() mutable { connection->deliver(sequence, std::move(r)); },
            Qt::QueuedConnection);
    }
}

QTcpSocket *HttpResponder::stream(const HttpResponse &head)
{
    const std::shared_ptr<detail::ResponseChannel> channel = std::move(m_channel);
    m_channel.reset();
    if (!channel)
        return nullptr;
    HttpConnection *connection = nullptr;
    {
        QMutexLocker lock(&channel->mutex);
        connection = channel->connection;
    }
    if (!connection || connection->thread() != QThread::currentThread())
        return nullptr;
    return connection->takeForStream(m_sequence, head);
}

bool HttpResponder::isConnected() const
{
    if (!m_channel)
        return false;
    QMutexLocker lock(&m_channel->mutex);
    return m_channel->connection != nullptr;
}

} // namespace confab::server
